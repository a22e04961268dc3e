/* test-ui-inventory-prepare.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The AI Systems section readied while the Overview is shown after opening
 * a project (aims-page-prepare.c): its list has its rows and its content
 * its size before it is first shown; showing it midway, closing the window
 * or opening another project midway are all safe, and the list is right
 * afterwards. */

#include "config.h"

#include "aims-test-gtk.h"

#include <adwaita.h>
#include <sqlite3.h>

#include "aims-application.h"
#include "aims-cell-text.h"
#include "aims-inventory-page.h"
#include "aims-window-private.h"

static AimsApplication *app;

typedef struct
{
  AimsWindow        *window;
  AimsRecordBrowser *browser;
  AimsPagePrepare   *prepare;
  char              *dir;
  char              *path;
} Fixture;

static guint
count_of_type (GtkWidget *root,
               GType      type)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect_of_type (root, type, found);
  return found->len;
}

static gboolean
shows_label (GtkWidget  *root,
             const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && gtk_widget_get_mapped (child) &&
          g_strcmp0 (gtk_label_get_label (GTK_LABEL (child)), text) == 0)
        return TRUE;
      if (shows_label (child, text))
        return TRUE;
    }

  return FALSE;
}

/* Whether a cell on screen shows @text */
static gboolean
shows_cell (GtkWidget  *root,
            const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      if (AIMS_IS_CELL_TEXT (child) && gtk_widget_get_mapped (child) &&
          g_strcmp0 (aims_cell_text_get_text (AIMS_CELL_TEXT (child)), text) == 0)
        return TRUE;
      if (shows_cell (child, text))
        return TRUE;
    }

  return FALSE;
}

static guint
cells_set_up (Fixture *f)
{
  return count_of_type (GTK_WIDGET (f->browser), AIMS_TYPE_CELL_TEXT);
}

/* One main-loop turn at a time until the preparation's first step has
 * given the list its rows: the steps after it have not run yet */
static void
run_first_step (Fixture *f)
{
  gint64 end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (cells_set_up (f) == 0 && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (cells_set_up (f), >, 0);
}

/* Until the preparation has no step left: longer than WAIT_UNTIL allows,
 * since under ASan on a busy machine its steps can take that long */
static void
wait_for_preparation (Fixture *f)
{
  gint64 end = g_get_monotonic_time () + 240 * G_USEC_PER_SEC;

  while (aims_page_prepare_get_running (f->prepare) && g_get_monotonic_time () < end)
    wait_ms (5);
  g_assert_false (aims_page_prepare_get_running (f->prepare));
}

static void
open_path (AimsWindow *window,
           const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  aims_window_open_file (window, file);
  g_assert_true (aims_window_has_project (window));
}

/* @n more systems, "System 1" … (references TST-1 …), written to the file
 * before it is opened: more rows than a list view sets up */
static void
add_systems_to_file (const char *path,
                     guint       n)
{
  g_autofree char *sql = g_strdup_printf (
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %u) "
    "INSERT INTO ai_system (uuid, reference, name, created, modified) "
    "SELECT lower(hex(randomblob(16))), 'TST-' || i, 'System ' || i, "
    "'2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z' FROM n", n);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("aims-ui-inventory-prepare-XXXXXX", NULL);
  f->path = g_build_filename (f->dir, "Demo.aims", NULL);
  g_assert_true (aims_demo_write_file (f->path, AIMS_DEMO_SCALE_SMALL, 42, &error));
  g_assert_no_error (error);
  if (data != NULL)
    add_systems_to_file (f->path, GPOINTER_TO_UINT (data));

  f->window = aims_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1400, 900);
  gtk_window_present (GTK_WINDOW (f->window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  open_path (f->window, f->path);

  f->browser = aims_inventory_page_get_browser (AIMS_INVENTORY_PAGE (f->window->inventory_page), "ai_system");
  f->prepare = aims_inventory_page_get_prepare (AIMS_INVENTORY_PAGE (f->window->inventory_page));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(AimsDocument) document = NULL;

  if (f->window != NULL)
    {
      document = g_object_ref (f->window->document);
      gtk_window_destroy (GTK_WINDOW (f->window));
      wait_ms (20);
      aims_document_close (document);
    }
  g_free (f->path);
  g_free (f->dir);
}

/* The first system's name, as its row shows it */
static char *
dup_first_name (Fixture *f)
{
  AimsRecordList *list = aims_record_browser_get_list (f->browser);
  g_autoptr(AimsRecord) first = g_list_model_get_item (G_LIST_MODEL (list), 0);

  return aims_record_dup_text (first, "name");
}

/* Shown, the section's list has its rows on screen, with the right count */
static void
assert_list_shown (Fixture *f)
{
  AimsRecordList *list = aims_record_browser_get_list (f->browser);
  g_autofree char *name = NULL;
  g_autofree char *count = NULL;

  aims_window_show_section (f->window, "systems");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (f->browser)));

  g_assert_nonnull (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), >=, 12);
  name = dup_first_name (f);
  g_assert_true (shows_cell (GTK_WIDGET (f->browser), name));
  count = g_strdup_printf ("%u of %u shown", g_list_model_get_n_items (G_LIST_MODEL (list)),
                           aims_record_list_get_total (list));
  g_assert_true (shows_label (GTK_WIDGET (f->browser), count));
}

/* Readied behind the Overview: rows set up and the list sized, while the
 * section is not on screen; then shown, it shows them */
static void
test_prepared_after_opening (Fixture       *f,
                             gconstpointer  data)
{
  GtkWidget *view = find_descendant_of_type (GTK_WIDGET (f->browser), GTK_TYPE_COLUMN_VIEW);

  g_assert_cmpstr (aims_window_get_visible_section (f->window), ==, "overview");
  wait_for_preparation (f);
  g_assert_true (aims_page_prepare_get_done (f->prepare));

  /* Still behind the Overview, yet ready */
  g_assert_cmpstr (aims_window_get_visible_section (f->window), ==, "overview");
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (f->browser)));
  g_assert_cmpuint (cells_set_up (f), >, 0);
  g_assert_cmpint (gtk_widget_get_width (view), >, 0);
  g_assert_cmpint (gtk_widget_get_height (view), >, 0);
  g_assert_cmpfloat (aims_page_prepare_get_longest_step (f->prepare), >, 0);
  g_assert_cmpfloat (aims_page_prepare_get_total (f->prepare), >=,
                     aims_page_prepare_get_longest_step (f->prepare));

  assert_list_shown (f);
}

/* Shown after the first step, before the rest: what is left is done by
 * the frame that shows it, and no step runs once it is on screen */
static void
test_switch_mid_preparation (Fixture       *f,
                             gconstpointer  data)
{
  AimsRecordList *list;
  g_autoptr(AimsRecord) second = NULL;

  run_first_step (f);
  g_assert_true (aims_page_prepare_get_running (f->prepare));

  assert_list_shown (f);
  g_assert_false (aims_page_prepare_get_running (f->prepare));
  g_assert_false (aims_page_prepare_get_done (f->prepare));

  /* The list works as ever: a record chosen is selected */
  list = aims_record_browser_get_list (f->browser);
  second = g_list_model_get_item (G_LIST_MODEL (list), 1);
  aims_record_browser_select (f->browser, aims_record_get_uuid (second));
  g_assert_cmpstr (aims_record_browser_get_selected (f->browser), ==, aims_record_get_uuid (second));
}

/* The window closed midway: nothing runs on after it */
static void
test_close_mid_preparation (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(AimsDocument) document = NULL;

  run_first_step (f);
  g_assert_true (aims_page_prepare_get_running (f->prepare));

  document = g_object_ref (f->window->document);
  gtk_window_destroy (GTK_WINDOW (f->window));
  f->window = NULL;
  f->browser = NULL;
  f->prepare = NULL;
  wait_ms (100);
  aims_document_close (document);
}

/* The project closed and another opened midway: the section is readied
 * again, for the other */
static void
test_open_another_mid_preparation (Fixture       *f,
                                   gconstpointer  data)
{
  g_autofree char *other = g_build_filename (f->dir, "Other.aims", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsDocument) first = NULL;
  AimsRecordList *list;

  g_assert_true (aims_demo_write_file (other, AIMS_DEMO_SCALE_SMALL, 42, &error));
  g_assert_no_error (error);

  run_first_step (f);
  g_assert_true (aims_page_prepare_get_running (f->prepare));

  /* Closed, then the other opened in the same window (a project opened
   * while one is shown goes to a window of its own) */
  first = g_object_ref (f->window->document);
  _aims_window_close_document (f->window);
  g_assert_false (aims_page_prepare_get_running (f->prepare));
  aims_document_close (first);
  open_path (f->window, other);
  g_assert_true (f->window->document != first);

  wait_for_preparation (f);
  g_assert_true (aims_page_prepare_get_done (f->prepare));
  list = aims_record_browser_get_list (f->browser);
  g_assert_true (aims_record_list_get_store (list) == aims_document_get_store (f->window->document));

  assert_list_shown (f);
}

/* The rows the column view has been given (the rest come in later steps) */
static guint
rows_given (Fixture *f)
{
  GtkWidget *view = find_descendant_of_type (GTK_WIDGET (f->browser), GTK_TYPE_COLUMN_VIEW);
  GtkSelectionModel *model = gtk_column_view_get_model (GTK_COLUMN_VIEW (view));

  return model != NULL ? g_list_model_get_n_items (G_LIST_MODEL (model)) : 0;
}

/* With more systems than a list view sets up rows for, the view is given
 * its rows a few per step, so that a click meanwhile is answered soon; by
 * the end it has all of them */
static void
test_rows_given_in_steps (Fixture       *f,
                          gconstpointer  data)
{
  AimsRecordList *list = aims_record_browser_get_list (f->browser);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  g_assert_cmpuint (n, >=, 400);
  run_first_step (f);
  g_assert_cmpuint (rows_given (f), >, 0);
  g_assert_cmpuint (rows_given (f), <, 200);
  g_assert_true (aims_page_prepare_get_running (f->prepare));

  wait_for_preparation (f);
  g_assert_true (aims_page_prepare_get_done (f->prepare));
  g_assert_cmpuint (rows_given (f), ==, n);
  assert_list_shown (f);
}

/* Shown, or a row chosen, before all rows were given: all are given then,
 * and the last system can be selected */
static void
test_last_row_mid_preparation (Fixture       *f,
                               gconstpointer  data)
{
  AimsRecordList *list = aims_record_browser_get_list (f->browser);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_autoptr(AimsRecord) last = g_list_model_get_item (G_LIST_MODEL (list), n - 1);

  run_first_step (f);
  g_assert_cmpuint (rows_given (f), <, n);

  /* Chosen from elsewhere while the section is still hidden */
  aims_record_browser_select (f->browser, aims_record_get_uuid (last));
  g_assert_cmpuint (rows_given (f), ==, n);
  g_assert_cmpstr (aims_record_browser_get_selected (f->browser), ==, aims_record_get_uuid (last));

  /* Shown, the list is at that system's row */
  {
    g_autofree char *name = aims_record_dup_text (last, "name");
    gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

    aims_window_show_section (f->window, "systems");
    while (!shows_cell (GTK_WIDGET (f->browser), name) && g_get_monotonic_time () < end)
      wait_ms (20);
    g_assert_true (shows_cell (GTK_WIDGET (f->browser), name));
    g_assert_cmpstr (aims_record_browser_get_selected (f->browser), ==, aims_record_get_uuid (last));
  }
}

/* Shown after the first step of a long list: the view has every row */
static void
test_shown_mid_long_preparation (Fixture       *f,
                                 gconstpointer  data)
{
  AimsRecordList *list = aims_record_browser_get_list (f->browser);

  run_first_step (f);
  g_assert_cmpuint (rows_given (f), <, g_list_model_get_n_items (G_LIST_MODEL (list)));

  assert_list_shown (f);
  g_assert_cmpuint (rows_given (f), ==, g_list_model_get_n_items (G_LIST_MODEL (list)));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = g_dir_make_tmp ("aims-ui-home-XXXXXX", NULL);
  g_autofree char *state = g_build_filename (home, "state", NULL);
  g_autofree char *data = g_build_filename (home, "data", NULL);
  g_autofree char *config = g_build_filename (home, "config", NULL);
  int ret;

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

  app = aims_application_new ();
  aims_test_register_app (G_APPLICATION (app));

  g_test_add ("/ui/inventory-prepare/prepared-after-opening", Fixture, NULL, fixture_set_up,
              test_prepared_after_opening, fixture_tear_down);
  g_test_add ("/ui/inventory-prepare/switch-mid-preparation", Fixture, NULL, fixture_set_up,
              test_switch_mid_preparation, fixture_tear_down);
  g_test_add ("/ui/inventory-prepare/close-mid-preparation", Fixture, NULL, fixture_set_up,
              test_close_mid_preparation, fixture_tear_down);
  g_test_add ("/ui/inventory-prepare/open-another-mid-preparation", Fixture, NULL, fixture_set_up,
              test_open_another_mid_preparation, fixture_tear_down);
  g_test_add ("/ui/inventory-prepare/rows-given-in-steps", Fixture, GUINT_TO_POINTER (400), fixture_set_up,
              test_rows_given_in_steps, fixture_tear_down);
  g_test_add ("/ui/inventory-prepare/last-row-mid-preparation", Fixture, GUINT_TO_POINTER (400), fixture_set_up,
              test_last_row_mid_preparation, fixture_tear_down);
  g_test_add ("/ui/inventory-prepare/shown-mid-long-preparation", Fixture, GUINT_TO_POINTER (400), fixture_set_up,
              test_shown_mid_long_preparation, fixture_tear_down);

  ret = g_test_run ();
  g_clear_object (&app);

  return ret;
}
