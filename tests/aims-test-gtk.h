/* aims-test-gtk.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Shared by the gui suites. */

#pragma once

#include <gtk/gtk.h>
#include <string.h>

/* g_test makes every warning fatal. GTK 4.8's GtkText warns "did not
 * receive a focus-out event" when an entry holding the focus is destroyed
 * while the headless window is not the active one: the entry never gets a
 * focus-out from a window manager that is not there. It says nothing
 * about our code; every other warning stays fatal. */
static inline gboolean
aims_test_fatal_log_handler (const char     *log_domain,
                             GLogLevelFlags  log_level,
                             const char     *message,
                             gpointer        user_data)
{
  if (g_strcmp0 (log_domain, "Gtk") == 0 && message != NULL &&
      strstr (message, "did not receive a focus-out event") != NULL)
    return FALSE;

  return TRUE;
}

/* GTK logs through the structured API, where the fatal handler above is
 * never asked: g_log_writer_default() aborts on any warning under g_test.
 * This writer lets that one warning through as a note, and hands every
 * other message to the default writer. */
static inline GLogWriterOutput
aims_test_log_writer (GLogLevelFlags   log_level,
                      const GLogField *fields,
                      gsize            n_fields,
                      gpointer         user_data)
{
  const char *domain = NULL;
  const char *message = NULL;

  for (gsize i = 0; i < n_fields; i++)
    {
      if (g_strcmp0 (fields[i].key, "GLIB_DOMAIN") == 0 && fields[i].length < 0)
        domain = fields[i].value;
      else if (g_strcmp0 (fields[i].key, "MESSAGE") == 0 && fields[i].length < 0)
        message = fields[i].value;
    }

  if ((log_level & G_LOG_LEVEL_WARNING) != 0 &&
      !aims_test_fatal_log_handler (domain, log_level, message, NULL))
    {
      g_printerr ("(ignored) %s-WARNING: %s\n", domain, message);
      return G_LOG_WRITER_HANDLED;
    }

  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

static inline void
aims_test_gtk_init_log (void)
{
  g_test_log_set_fatal_handler (aims_test_fatal_log_handler, NULL);
  g_log_set_writer_func (aims_test_log_writer, NULL, NULL);
}

/* Registers @app as an instance of its own, never as the remote of one
 * already on the session bus: another test's, or an app a test started that
 * has not quite gone yet. A remote instance skips its startup, and its
 * windows then crash for want of what startup sets up (CI saw a gui test
 * die so, now and then). */
static inline void
aims_test_register_app (GApplication *app)
{
  g_autoptr(GError) error = NULL;

  g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (app, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (g_application_get_is_remote (app));
}

/* Runs the main loop for @ms milliseconds */
static inline void
wait_ms (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* Runs the main loop until @cond holds, for up to thirty seconds: search
 * entries wait for a pause in typing, idle refreshes wait their turn, and a
 * sanitizer build on a busy machine is slow (the long forms build their
 * rows a few at a time). It returns as soon as @cond holds. */
#define WAIT_UNTIL(cond) \
  G_STMT_START { \
    gint64 wait_end_ = g_get_monotonic_time () + 30 * G_USEC_PER_SEC; \
    while (!(cond) && g_get_monotonic_time () < wait_end_) \
      wait_ms (5); \
  } G_STMT_END

/* Not a check: a picture of @widget's window as the X server shows it (so
 * as a person sees it), saved as @name in $AIMS_SCREENSHOT_DIR, for looking
 * at screens in the light and dark styles and narrow. Needs ImageMagick's
 * import and no window manager: a window sits at 0,0. */
static inline void
aims_test_save_screenshot (GtkWidget  *widget,
                           const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("AIMS_SCREENSHOT_DIR"), name, NULL);
  g_autofree char *geometry = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;
  char *argv[] = { (char *) "import", (char *) "-window", (char *) "root", (char *) "-crop",
                   NULL, path, NULL };

  gtk_test_widget_wait_for_draw (widget);
  wait_ms (600);
  geometry = g_strdup_printf ("%dx%d+0+0", gtk_widget_get_width (widget),
                              gtk_widget_get_height (widget));
  argv[4] = geometry;
  g_assert_true (g_spawn_sync (NULL, argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                               &status, &error));
  g_assert_no_error (error);
  g_print ("# %s\n", path);
}

static inline GtkWidget *
find_descendant_of_type (GtkWidget *root,
                         GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = find_descendant_of_type (child, type)))
        return found;
    }

  return NULL;
}

static inline void
collect_of_type (GtkWidget *root,
                 GType      type,
                 GPtrArray *out)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        g_ptr_array_add (out, child);
      collect_of_type (child, type, out);
    }
}

/* A visible toplevel of @type: dialogs, choosers, the presentation */
static inline GtkWidget *
find_toplevel_of_type (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) w = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (w, type) && gtk_widget_get_visible (w))
        return w;
    }

  return NULL;
}
