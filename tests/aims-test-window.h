/* aims-test-window.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the gui tests of a section share: a test program with its own XDG
 * folders and one application, and per case the small demo project written
 * to a temporary folder, opened in a real window that shows one section.
 * Include after aims-test-gtk.h and aims-test-util.h. */

#pragma once

#include <adwaita.h>

#include "aims-application.h"
#include "aims-window-private.h"

/* A board or list rebuilt after Undo takes about 15 s in a sanitizer build
 * on a busy machine: longer than WAIT_UNTIL's thirty seconds at times. A test
 * whose waits are longer defines AIMS_TEST_WAIT_LONG_SECONDS first. */
#ifndef AIMS_TEST_WAIT_LONG_SECONDS
#define AIMS_TEST_WAIT_LONG_SECONDS 90
#endif
#define WAIT_LONG(cond) \
  G_STMT_START { \
    gint64 wait_end_ = g_get_monotonic_time () + AIMS_TEST_WAIT_LONG_SECONDS * G_USEC_PER_SEC; \
    while (!(cond) && g_get_monotonic_time () < wait_end_) \
      wait_ms (5); \
  } G_STMT_END

typedef struct
{
  AimsWindow *window;
  AimsStore  *store;
  char       *dir;     /* holds Demo.aims; removed on close */
} AimsTestWindow;

static AimsApplication *aims_test_app;

/* Writes the small demo (seed 42) into a new temporary folder, opens it in
 * a window of @width × @height and shows @section ("controls", "pdca",
 * "impact"…), drawn once. */
static inline void
aims_test_window_open (AimsTestWindow *tw,
                       const char     *section,
                       int             width,
                       int             height)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;

  g_assert_nonnull (aims_test_app);

  tw->dir = g_dir_make_tmp ("aims-ui-window-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (tw->dir, "Demo.aims", NULL);
  g_assert_true (aims_demo_write_file (path, AIMS_DEMO_SCALE_SMALL, 42, &error));
  g_assert_no_error (error);
  file = g_file_new_for_path (path);

  tw->window = aims_window_new (aims_test_app);
  gtk_window_set_default_size (GTK_WINDOW (tw->window), width, height);
  gtk_window_present (GTK_WINDOW (tw->window));
  aims_window_open_file (tw->window, file);
  g_assert_true (aims_window_has_project (tw->window));
  aims_window_show_section (tw->window, section);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (tw->window));

  tw->store = aims_document_get_store (tw->window->document);
}

/* Closes every other toplevel (dialogs a case left open), the window and
 * its project, and removes the folder. */
static inline void
aims_test_window_close (AimsTestWindow *tw)
{
  g_autoptr(AimsDocument) document = g_object_ref (tw->window->document);
  GList *toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (l->data != (gpointer) tw->window)
      gtk_window_destroy (l->data);
  g_list_free (toplevels);

  gtk_window_destroy (GTK_WINDOW (tw->window));
  wait_ms (20);
  aims_document_close (document);
  aims_test_remove_tree (tw->dir);
  g_clear_pointer (&tw->dir, g_free);
  tw->window = NULL;
  tw->store = NULL;
}

/* The start of a gui test's main(): its own XDG folders (returned: pass it
 * to aims_test_window_run()), g_test and GTK. Returns NULL when there is no
 * display; the caller then returns 0 (the TAP skip is printed). */
static inline char *
aims_test_window_init (int    *argc,
                       char ***argv)
{
  char *home = g_dir_make_tmp ("aims-ui-home-XXXXXX", NULL);
  g_autofree char *state = g_build_filename (home, "state", NULL);
  g_autofree char *data = g_build_filename (home, "data", NULL);
  g_autofree char *config = g_build_filename (home, "config", NULL);

  g_setenv ("XDG_STATE_HOME", state, TRUE);
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);

  g_test_init (argc, argv, NULL);
  aims_test_gtk_init_log ();

  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      aims_test_remove_tree (home);
      g_free (home);
      return NULL;
    }
  adw_init ();

  return home;
}

/* The end of main(): the application, the cases, and @home removed */
static inline int
aims_test_window_run (char *home)
{
  int ret;

  aims_test_app = aims_application_new ();
  aims_test_register_app (G_APPLICATION (aims_test_app));
  ret = g_test_run ();
  g_clear_object (&aims_test_app);

  aims_test_remove_tree (home);
  g_free (home);
  return ret;
}
