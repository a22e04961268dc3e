/* test-ui-open-check.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A large file from elsewhere is shown as soon as its cheap checks pass and
 * checked in full in the background: until then nothing can be edited and a
 * banner says why; a file that fails is closed with the usual refusal. The
 * size from which the window defers the check is lowered so the small demo
 * stands in for a large file. */

#include "config.h"

#include "aims-test-util.h"
#include "aims-test-gtk.h"

#include <adwaita.h>
#include <sqlite3.h>

#include "aims-application.h"
#include "aims-inventory-page.h"
#include "aims-record-browser.h"
#include "aims-window-private.h"

static AimsApplication *app;

static void
iterate (void)
{
  for (guint i = 0; i < 50 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

/* A demo project copied as a file from elsewhere arrives: new to this
 * program, so not known to be sound */
static char *
write_demo (const char *dir)
{
  g_autofree char *made = g_build_filename (dir, "made.aims", NULL);
  g_autofree char *path = g_build_filename (dir, "Received.aims", NULL);
  g_autoptr(GFile) source = g_file_new_for_path (made);
  g_autoptr(GFile) target = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (aims_demo_write_file (made, AIMS_DEMO_SCALE_SMALL, 42, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_copy (source, target, G_FILE_COPY_NONE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static GtkWidget *
find_button_for_action (GtkWidget  *root,
                        const char *action)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  collect_of_type (root, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_actionable_get_action_name (g_ptr_array_index (buttons, i)), action) == 0)
      return g_ptr_array_index (buttons, i);

  return NULL;
}

static gboolean
overview_editable (AimsWindow *window)
{
  GtkWidget *entry = find_descendant_of_type (window->overview_page, ADW_TYPE_ENTRY_ROW);

  return gtk_editable_get_editable (GTK_EDITABLE (entry));
}

static void
destroy_window (AimsWindow *window)
{
  g_autoptr(AimsDocument) document = NULL;

  if (window->document != NULL)
    document = g_object_ref (window->document);
  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  if (document != NULL)
    aims_document_close (document);
}

static void
test_editable_once_checked (void)
{
  g_autofree char *dir = g_dir_make_tmp ("aims-ui-check-XXXXXX", NULL);
  g_autofree char *path = write_demo (dir);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AimsWindow *window = aims_window_new (app);
  AimsRecordBrowser *browser;
  AimsDocument *document;
  GtkWidget *add;
  guint n_systems;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  _aims_window_set_defer_threshold (0);
  aims_window_open_file (window, file);

  /* Shown at once, read-only, and saying why */
  g_assert_true (aims_window_has_project (window));
  document = window->document;
  g_assert_true (aims_document_get_checking (document));
  g_assert_true (gtk_revealer_get_reveal_child (window->check_banner));
  g_assert_cmpstr (adw_window_title_get_subtitle (window->project_title), ==, "Checking…");
  g_assert_false (overview_editable (window));

  aims_window_show_section (window, "systems");
  browser = aims_inventory_page_get_browser (AIMS_INVENTORY_PAGE (window->inventory_page),
                                             "ai_system");
  n_systems = g_list_model_get_n_items (G_LIST_MODEL (aims_record_browser_get_list (browser)));
  g_assert_cmpuint (n_systems, >, 0);
  add = find_button_for_action (GTK_WIDGET (browser), "browser.add");
  g_assert_nonnull (add);
  g_assert_false (gtk_widget_is_sensitive (add));

  /* Ctrl+N and the like go nowhere either */
  gtk_widget_activate_action (GTK_WIDGET (browser), "browser.add", NULL);
  g_assert_cmpuint (aims_store_count (aims_document_get_store (document), "ai_system"), ==,
                    n_systems);

  /* Once the check has passed, everything can be edited */
  WAIT_UNTIL (!aims_document_get_checking (document));
  g_assert_false (aims_document_get_checking (document));
  iterate ();
  g_assert_true (window->document == document);
  g_assert_false (gtk_revealer_get_reveal_child (window->check_banner));
  g_assert_cmpstr (adw_window_title_get_subtitle (window->project_title), ==, "Saved");
  g_assert_true (gtk_widget_is_sensitive (add));
  g_assert_true (overview_editable (window));
  gtk_widget_activate_action (GTK_WIDGET (browser), "browser.add", NULL);
  iterate ();
  g_assert_cmpuint (aims_store_count (aims_document_get_store (document), "ai_system"), ==,
                    n_systems + 1);

  _aims_window_set_defer_threshold (-1);
  destroy_window (window);
  aims_test_remove_tree (dir);
}

static void
test_damaged_file_refused (void)
{
  g_autofree char *dir = g_dir_make_tmp ("aims-ui-check-XXXXXX", NULL);
  g_autofree char *path = write_demo (dir);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  AimsWindow *window = aims_window_new (app);
  AdwMessageDialog *dialog;
  sqlite3 *db = NULL;

  /* A name that is not UTF-8: only the full check finds it */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE ai_system SET name = CAST(x'41ff42' AS TEXT) "
                                 "WHERE rowid = (SELECT max(rowid) FROM ai_system)",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  before = aims_test_sha256_file (path);

  gtk_window_present (GTK_WINDOW (window));
  _aims_window_set_defer_threshold (0);
  aims_window_open_file (window, file);
  g_assert_true (aims_window_has_project (window));
  g_assert_true (aims_document_get_checking (window->document));

  /* Closed again, with the refusal opening always gave */
  WAIT_UNTIL (!aims_window_has_project (window));
  g_assert_false (aims_window_has_project (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "welcome");
  WAIT_UNTIL (find_toplevel_of_type (ADW_TYPE_MESSAGE_DIALOG) != NULL);
  dialog = ADW_MESSAGE_DIALOG (find_toplevel_of_type (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Open the Project");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Received.aims"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "UTF-8"));
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Nothing written: the file as it was, no working copy left */
  after = aims_test_sha256_file (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (aims_test_count_working_copies (), ==, 0);

  _aims_window_set_defer_threshold (-1);
  destroy_window (window);
  aims_test_remove_tree (dir);
}

/* Closing the project while it is being checked stops the check quietly */
static void
test_close_while_checking (void)
{
  g_autofree char *dir = g_dir_make_tmp ("aims-ui-check-XXXXXX", NULL);
  g_autofree char *path = write_demo (dir);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AimsWindow *window = aims_window_new (app);

  gtk_window_present (GTK_WINDOW (window));
  _aims_window_set_defer_threshold (0);
  aims_window_open_file (window, file);
  g_assert_true (aims_document_get_checking (window->document));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.close-project", NULL);
  g_assert_false (aims_window_has_project (window));
  g_assert_false (gtk_revealer_get_reveal_child (window->check_banner));
  wait_ms (200);
  g_assert_null (find_toplevel_of_type (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_false (aims_window_has_project (window));
  g_assert_cmpuint (aims_test_count_working_copies (), ==, 0);

  _aims_window_set_defer_threshold (-1);
  destroy_window (window);
  aims_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_autofree char *home = g_dir_make_tmp ("aims-ui-home-XXXXXX", NULL);
  g_autofree char *state = g_build_filename (home, "state", NULL);
  g_autofree char *data = g_build_filename (home, "data", NULL);
  g_autofree char *config = g_build_filename (home, "config", NULL);

  g_setenv ("XDG_STATE_HOME", state, TRUE);
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);

  g_test_init (&argc, &argv, NULL);
  aims_test_gtk_init_log ();

  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();

  g_test_add_func ("/ui/open-check/editable-once-checked", test_editable_once_checked);
  g_test_add_func ("/ui/open-check/damaged-file-refused", test_damaged_file_refused);
  g_test_add_func ("/ui/open-check/close-while-checking", test_close_while_checking);

  app = aims_application_new ();
  aims_test_register_app (G_APPLICATION (app));
  ret = g_test_run ();
  g_clear_object (&app);

  return ret;
}
