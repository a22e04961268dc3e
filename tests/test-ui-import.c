/* test-ui-import.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The import assistant, opened from the risk register's menu on the demo
 * project and driven through its real widgets: the guessed mapping, a
 * column's field changed, an unknown level name rejected until it is
 * mapped, Import and Undo, and a file that cannot be read. Files are read
 * and the dry run runs in workers: the tests wait for them in the main
 * loop, and cancel them. Defaults and a prefix set in the window reach the
 * records, and the mapping saved with Save Mapping… gives the same records
 * through `aims import --map`. */

#include "config.h"

#include "aims-test-gtk.h"

#include <adwaita.h>

#include "aims-application.h"
#include "aims-import-assistant.h"
#include "aims-record-browser.h"
#include "aims-window-private.h"

static AimsApplication *app;

typedef struct
{
  AimsWindow        *window;
  AimsStore         *store;
  AimsRecordBrowser *risks;
  char              *dir;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;

  f->dir = g_dir_make_tmp ("aims-ui-import-XXXXXX", NULL);
  path = g_build_filename (f->dir, "Demo.aims", NULL);
  g_assert_true (aims_demo_write_file (path, AIMS_DEMO_SCALE_SMALL, 42, &error));
  g_assert_no_error (error);
  file = g_file_new_for_path (path);

  f->window = aims_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 800);
  gtk_window_present (GTK_WINDOW (f->window));
  aims_window_open_file (f->window, file);
  g_assert_true (aims_window_has_project (f->window));
  aims_window_show_section (f->window, "risks");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));

  f->store = aims_document_get_store (f->window->document);
  f->risks = AIMS_RECORD_BROWSER (f->window->risks_page);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(AimsDocument) document = g_object_ref (f->window->document);
  GtkWidget *assistant;

  while ((assistant = find_toplevel_of_type (AIMS_TYPE_IMPORT_ASSISTANT)) != NULL)
    gtk_window_destroy (GTK_WINDOW (assistant));
  gtk_window_destroy (GTK_WINDOW (f->window));
  wait_ms (20);
  aims_document_close (document);
  g_free (f->dir);
}

/* Helpers */

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (g_strcmp0 (gtk_widget_get_name (child), name) == 0)
        return child;
      if ((found = find_named (child, name)))
        return found;
    }

  return NULL;
}

static GtkWidget *
require_named (GtkWidget  *root,
               const char *name)
{
  GtkWidget *widget = find_named (root, name);

  if (widget == NULL)
    g_error ("no widget named “%s”", name);
  return widget;
}

static void
click (GtkWidget  *root,
       const char *name)
{
  GtkWidget *button = require_named (root, name);

  g_assert_true (gtk_widget_get_visible (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  wait_ms (10);
}

/* Clicks without running the main loop: what a worker finds cannot come
 * back before the caller looks */
static void
press (GtkWidget  *root,
       const char *name)
{
  GtkWidget *button = require_named (root, name);

  g_assert_true (gtk_widget_get_visible (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

static const char *
visible_page (GtkWidget *assistant)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (require_named (assistant, "stack")));
}

/* Runs the main loop until the assistant shows @page (a worker reads the
 * file), for up to two minutes: a sanitizer build on a loaded machine */
static void
wait_for_page (GtkWidget  *assistant,
               const char *page)
{
  gint64 end = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;

  while (g_strcmp0 (visible_page (assistant), page) != 0 && g_get_monotonic_time () < end)
    wait_ms (5);
  g_assert_cmpstr (visible_page (assistant), ==, page);
}

/* The text of a combo row's selected item */
static const char *
selected_text (GtkWidget *row)
{
  gpointer item = adw_combo_row_get_selected_item (ADW_COMBO_ROW (row));

  g_assert_true (GTK_IS_STRING_OBJECT (item));
  return gtk_string_object_get_string (item);
}

static void
select_text (GtkWidget  *row,
             const char *text)
{
  GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (row));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_str_equal (gtk_string_object_get_string (item), text))
        {
          adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
          return;
        }
    }
  g_error ("“%s” is not a choice of %s", text, gtk_widget_get_name (row));
}

/* The "→ Field" texts under the headers of the preview, in column order */
static char *
preview_fields (GtkWidget *assistant)
{
  GtkGrid *grid = GTK_GRID (require_named (assistant, "preview-grid"));
  g_autoptr(GString) out = g_string_new (NULL);
  GtkWidget *label;

  for (int column = 0; (label = gtk_grid_get_child_at (grid, column, 1)) != NULL; column++)
    g_string_append_printf (out, "%s%s", column > 0 ? "|" : "", gtk_label_get_text (GTK_LABEL (label)));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static guint
count_rejected (GtkWidget *assistant,
                GString   *reasons)
{
  GtkWidget *list = require_named (assistant, "rejected-list");
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
    {
      if (!ADW_IS_ACTION_ROW (row))
        continue;
      if (reasons != NULL)
        g_string_append_printf (reasons, "%s: %s\n",
                                adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                                adw_action_row_get_subtitle (ADW_ACTION_ROW (row)));
      n++;
    }
  return n;
}

static char *
uuid_by_reference (AimsStore  *store,
                   const char *reference)
{
  g_auto(GStrv) uuids = aims_store_dup_uuids (store, "risk", NULL);

  for (guint i = 0; uuids[i] != NULL; i++)
    {
      g_autofree char *value = aims_store_dup_text (store, "risk", uuids[i], "reference", NULL);

      if (g_strcmp0 (value, reference) == 0)
        return g_strdup (uuids[i]);
    }
  return NULL;
}

static char *
write_file (Fixture    *f,
            const char *name,
            const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (f->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, &error));
  g_assert_no_error (error);
  return path;
}

static GtkWidget *
open_assistant (Fixture *f)
{
  GtkWidget *assistant;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->risks), "browser.import", NULL));
  WAIT_UNTIL (find_toplevel_of_type (AIMS_TYPE_IMPORT_ASSISTANT) != NULL);
  assistant = find_toplevel_of_type (AIMS_TYPE_IMPORT_ASSISTANT);
  g_assert_nonnull (assistant);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (assistant)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (assistant)) == GTK_WINDOW (f->window));
  g_assert_cmpstr (visible_page (assistant), ==, "file");
  return assistant;
}

static const char risks_csv[] =
  "Reference,Title,Inherent likelihood,Inherent impact,Risk owner,Comments\n"
  "IMP-1,Model inversion,Sometimes,2,Ada,first\n"
  "IMP-2,Label noise,High,3,Bo,second\n"
  "IMP-3,Prompt leak,Very unlikely,4,Cy,third\n";

/* The whole way: guessed mapping, a changed field, an unknown level name,
 * its mapping, Import, Undo */
static void
test_import_risks (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = write_file (f, "risks.csv", risks_csv);
  g_autoptr(GString) reasons = g_string_new (NULL);
  g_autofree char *fields = NULL;
  g_autofree char *imp1 = NULL;
  g_autoptr(GVariant) likelihood = NULL;
  guint before = aims_store_count (f->store, "risk");
  GtkWidget *assistant = open_assistant (f);
  GtkWidget *row;

  /* Step 1: the path typed in, then Next; the file is read in a worker */
  gtk_editable_set_text (GTK_EDITABLE (require_named (assistant, "path-row")), path);
  click (assistant, "next-button");
  wait_for_page (assistant, "columns");
  g_assert_false (gtk_widget_get_visible (require_named (assistant, "sheet-row")));

  /* Step 2: the guessed fields, in the combo rows and the preview */
  g_assert_cmpstr (selected_text (require_named (assistant, "column-0")), ==, "Reference");
  g_assert_cmpstr (selected_text (require_named (assistant, "column-1")), ==, "Title");
  g_assert_cmpstr (selected_text (require_named (assistant, "column-2")), ==, "Inherent likelihood");
  g_assert_cmpstr (selected_text (require_named (assistant, "column-5")), ==, "Do not import");
  fields = preview_fields (assistant);
  g_assert_true (g_str_has_prefix (fields, "→ Reference|→ Title|→ Inherent likelihood|"));

  /* A narrow window: the six columns scroll rather than widen it */
  {
    int minimum = 0;

    gtk_widget_measure (assistant, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
    g_assert_cmpint (minimum, <=, 360);
  }
  g_assert_true (g_str_has_suffix (fields, "|Not imported"));
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (require_named (assistant, "match-switch"))));

  /* Leaving out the title changes the preview, and the dry run rejects
   * every row: a risk needs a title */
  select_text (require_named (assistant, "column-1"), "Do not import");
  g_clear_pointer (&fields, g_free);
  fields = preview_fields (assistant);
  g_assert_true (g_str_has_prefix (fields, "→ Reference|Not imported|"));
  click (assistant, "next-button");
  press (assistant, "next-button");
  /* The dry run runs in a worker, on a copy of the project */
  g_assert_cmpstr (visible_page (assistant), ==, "busy");
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (require_named (assistant, "busy-page"))),
                   ==, "Checking Rows…");
  g_assert_cmpstr (adw_status_page_get_description (ADW_STATUS_PAGE (require_named (assistant, "busy-page"))),
                   ==, "3 rows of “risks.csv”");
  g_assert_false (gtk_widget_get_visible (require_named (assistant, "back-button")));
  g_assert_false (gtk_widget_is_sensitive (require_named (assistant, "import-button")));
  /* Cancel goes back to the values; the dry run's result is dropped */
  press (assistant, "cancel-button");
  g_assert_cmpstr (visible_page (assistant), ==, "values");
  wait_ms (200);
  g_assert_cmpstr (visible_page (assistant), ==, "values");
  press (assistant, "next-button");
  g_assert_cmpstr (visible_page (assistant), ==, "busy");
  wait_for_page (assistant, "check");
  g_assert_cmpuint (count_rejected (assistant, NULL), ==, 3);
  g_assert_false (gtk_widget_is_sensitive (require_named (assistant, "import-button")));

  /* Back to the columns: the title again */
  click (assistant, "back-button");
  click (assistant, "back-button");
  g_assert_cmpstr (visible_page (assistant), ==, "columns");
  select_text (require_named (assistant, "column-1"), "Title");

  /* Step 3: "Sometimes" is no step and not guessed; "High" and "Very
   * unlikely" are guessed */
  click (assistant, "next-button");
  g_assert_cmpstr (visible_page (assistant), ==, "values");
  row = require_named (assistant, "value:inherent_likelihood:Sometimes");
  g_assert_cmpstr (selected_text (row), ==, "Not mapped");
  g_assert_true (g_str_has_prefix (selected_text (require_named (assistant,
                                                                 "value:inherent_likelihood:High")),
                                   "4 "));
  g_assert_true (g_str_has_prefix (selected_text (require_named (assistant,
                                                                 "value:inherent_likelihood:Very unlikely")),
                                   "1 "));

  /* Step 4: row 2 (the file's row number) is rejected for the level name */
  click (assistant, "next-button");
  wait_for_page (assistant, "check");
  g_assert_cmpuint (count_rejected (assistant, reasons), ==, 1);
  g_assert_nonnull (strstr (reasons->str, "Row 2: "));
  g_assert_nonnull (strstr (reasons->str, "“Sometimes” is not a step of the likelihood scale"));
  g_assert_true (gtk_widget_get_visible (require_named (assistant, "import-button")));
  g_assert_false (gtk_widget_is_sensitive (require_named (assistant, "import-button")));
  g_assert_cmpuint (aims_store_count (f->store, "risk"), ==, before);

  /* Mapping it to step 3 makes Import sensitive */
  click (assistant, "back-button");
  select_text (require_named (assistant, "value:inherent_likelihood:Sometimes"), "3 Possible");
  click (assistant, "next-button");
  wait_for_page (assistant, "check");
  g_assert_cmpuint (count_rejected (assistant, NULL), ==, 0);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (require_named (assistant, "counts-label"))), ==,
                   "Would add 3, update 0, leave 0 unchanged; 0 rejected.");
  g_assert_true (gtk_widget_is_sensitive (require_named (assistant, "import-button")));

  /* Import: the rows are in the register, the assistant is gone */
  click (assistant, "import-button");
  WAIT_UNTIL (find_toplevel_of_type (AIMS_TYPE_IMPORT_ASSISTANT) == NULL);
  g_assert_null (find_toplevel_of_type (AIMS_TYPE_IMPORT_ASSISTANT));
  g_assert_cmpuint (aims_store_count (f->store, "risk"), ==, before + 3);
  imp1 = uuid_by_reference (f->store, "IMP-1");
  g_assert_nonnull (imp1);
  likelihood = aims_store_get (f->store, "risk", imp1, "inherent_likelihood", NULL);
  g_assert_cmpint (g_variant_get_int64 (likelihood), ==, 3);

  /* The toast's Undo (win.undo) takes the whole import back */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  WAIT_UNTIL (aims_store_count (f->store, "risk") == before);
  g_assert_cmpuint (aims_store_count (f->store, "risk"), ==, before);
  g_clear_pointer (&imp1, g_free);
  imp1 = uuid_by_reference (f->store, "IMP-1");
  g_assert_null (imp1);
}

/* A file the reader refuses: its message, no step further, nothing imported */
static void
test_unreadable_file (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = write_file (f, "broken.csv",
                                      "Reference,Title\nIMP-9,\"never closed\n");
  g_autofree char *missing = g_build_filename (f->dir, "missing.csv", NULL);
  guint before = aims_store_count (f->store, "risk");
  GtkWidget *assistant = open_assistant (f);
  GtkWidget *error_label = require_named (assistant, "file-error");

  g_assert_false (gtk_widget_is_sensitive (require_named (assistant, "next-button")));

  gtk_editable_set_text (GTK_EDITABLE (require_named (assistant, "path-row")), path);
  click (assistant, "next-button");
  wait_for_page (assistant, "file");
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "broken.csv"));

  gtk_editable_set_text (GTK_EDITABLE (require_named (assistant, "path-row")), missing);
  click (assistant, "next-button");
  wait_for_page (assistant, "file");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "missing.csv"));
  g_assert_cmpuint (aims_store_count (f->store, "risk"), ==, before);

  /* Escape closes the assistant */
  gtk_widget_activate_action (assistant, "window.close", NULL);
  WAIT_UNTIL (find_toplevel_of_type (AIMS_TYPE_IMPORT_ASSISTANT) == NULL);
  g_assert_null (find_toplevel_of_type (AIMS_TYPE_IMPORT_ASSISTANT));
}

/* A workbook: its sheet is offered; the register's own export reads back
 * as every risk unchanged, so there is nothing to import */
static void
test_xlsx (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "risks.xlsx", NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  guint n_records = 0;
  GtkWidget *assistant;
  GtkWidget *sheet_row;

  bytes = aims_sheet_export (f->store, "risk", AIMS_SHEET_FORMAT_XLSX, &n_records, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_records, >, 0);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL),
                                      (gssize) g_bytes_get_size (bytes), &error));
  g_assert_no_error (error);

  assistant = open_assistant (f);
  gtk_editable_set_text (GTK_EDITABLE (require_named (assistant, "path-row")), path);
  click (assistant, "next-button");
  wait_for_page (assistant, "columns");
  sheet_row = require_named (assistant, "sheet-row");
  g_assert_true (gtk_widget_get_visible (sheet_row));
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (sheet_row))), ==, 1);

  click (assistant, "next-button");
  click (assistant, "next-button");
  wait_for_page (assistant, "check");
  expected = g_strdup_printf ("Would add 0, update 0, leave %u unchanged; 0 rejected.", n_records);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (require_named (assistant, "counts-label"))), ==,
                   expected);
  g_assert_false (gtk_widget_is_sensitive (require_named (assistant, "import-button")));
}

/* A register of @n rows, like the benchmark's */
static char *
write_big_csv (Fixture    *f,
               const char *name,
               guint       n)
{
  static const char * const likelihoods[] = { "1", "Unlikely", "3", "Likely", "5" };
  g_autoptr(GString) csv = g_string_new ("Reference,Title,Inherent likelihood,Inherent impact\n");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (csv, "BIG-%06u,Risk %u: output drifts for segment %u,%s,%u\n",
                            i + 1, i + 1, i % 97, likelihoods[i % G_N_ELEMENTS (likelihoods)],
                            1 + i % 5);
  return write_file (f, name, csv->str);
}

typedef struct
{
  gint64 last;
  gint64 max_gap;
  guint  ticks;
} Ticker;

static gboolean
tick_cb (gpointer data)
{
  Ticker *ticker = data;
  gint64 now = g_get_monotonic_time ();

  if (ticker->last != 0)
    ticker->max_gap = MAX (ticker->max_gap, now - ticker->last);
  ticker->last = now;
  ticker->ticks++;
  return G_SOURCE_CONTINUE;
}

/* A big file is read in a worker: the busy page shows, the main loop keeps
 * turning meanwhile, Cancel drops what the worker finds, and another file
 * chosen while one is read wins */
static void
test_big_file_in_worker (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *big = write_big_csv (f, "big.csv", 50000);
  g_autofree char *other_big = write_big_csv (f, "other-big.csv", 20000);
  g_autofree char *small = write_file (f, "small.csv", risks_csv);
  GtkWidget *assistant = open_assistant (f);
  GtkWidget *path_row = require_named (assistant, "path-row");
  Ticker ticker = { 0 };
  gint64 start, load_us;
  guint source;

  gtk_editable_set_text (GTK_EDITABLE (path_row), big);
  source = g_timeout_add (10, tick_cb, &ticker);
  start = g_get_monotonic_time ();
  press (assistant, "next-button");

  /* At once: the busy page with the file's name and Cancel; no Next */
  g_assert_cmpstr (visible_page (assistant), ==, "busy");
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (require_named (assistant, "busy-page"))),
                   ==, "Reading File…");
  g_assert_cmpstr (adw_status_page_get_description (ADW_STATUS_PAGE (require_named (assistant, "busy-page"))),
                   ==, "big.csv");
  g_assert_true (gtk_widget_get_visible (require_named (assistant, "cancel-button")));
  g_assert_false (gtk_widget_is_sensitive (require_named (assistant, "next-button")));

  /* The test waits in the main loop, which the read does not block */
  wait_for_page (assistant, "columns");
  load_us = g_get_monotonic_time () - start;
  g_source_remove (source);
  g_test_message ("50,000 rows read in %.3f s; the main loop turned %u times, at most %.3f s apart",
                  load_us / 1e6, ticker.ticks, ticker.max_gap / 1e6);
  /* The busy page showed as Next returned, and the loop turned meanwhile.
   * How often depends on the machine: the read takes a tenth of a second
   * here, and a loaded machine may not run the main thread for as long. */
  g_assert_cmpuint (ticker.ticks, >=, 1);
  g_assert_cmpstr (selected_text (require_named (assistant, "column-0")), ==, "Reference");
  g_assert_cmpstr (selected_text (require_named (assistant, "column-3")), ==, "Inherent impact");

  /* Cancel while the small file is read again: back on the file step,
   * and nothing the worker finds comes back later */
  click (assistant, "back-button");
  gtk_editable_set_text (GTK_EDITABLE (path_row), small);
  press (assistant, "next-button");
  g_assert_cmpstr (visible_page (assistant), ==, "busy");
  press (assistant, "cancel-button");
  g_assert_cmpstr (visible_page (assistant), ==, "file");
  wait_ms (500);
  g_assert_cmpstr (visible_page (assistant), ==, "file");
  g_assert_true (gtk_widget_is_sensitive (require_named (assistant, "next-button")));

  /* Another file chosen while a big one is read: the big one is dropped */
  gtk_editable_set_text (GTK_EDITABLE (path_row), other_big);
  press (assistant, "next-button");
  g_assert_cmpstr (visible_page (assistant), ==, "busy");
  aims_import_assistant_open_path (AIMS_IMPORT_ASSISTANT (assistant), small);
  wait_for_page (assistant, "columns");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (path_row)), ==, small);
  /* Six columns, as the small file has; the big one would have four */
  g_assert_nonnull (find_named (assistant, "column-5"));
  wait_ms ((guint) MIN (load_us / 1000, 10000));
  g_assert_cmpstr (visible_page (assistant), ==, "columns");
  g_assert_nonnull (find_named (assistant, "column-5"));

  /* Closing the assistant while a file is read */
  click (assistant, "back-button");
  gtk_editable_set_text (GTK_EDITABLE (path_row), other_big);
  press (assistant, "next-button");
  g_assert_cmpstr (visible_page (assistant), ==, "busy");
  gtk_widget_activate_action (assistant, "window.close", NULL);
  WAIT_UNTIL (find_toplevel_of_type (AIMS_TYPE_IMPORT_ASSISTANT) == NULL);
  g_assert_null (find_toplevel_of_type (AIMS_TYPE_IMPORT_ASSISTANT));
  wait_ms ((guint) MIN (load_us / 1000, 10000));
}

static const char references_csv[] =
  "ID,Risk owner\n"
  "17,Ada\n"
  "18,Bo\n";

static char *
risk_text (AimsStore  *store,
           const char *uuid,
           const char *field)
{
  return aims_store_dup_text (store, "risk", uuid, field, NULL);
}

static gint64
risk_int (AimsStore  *store,
          const char *uuid,
          const char *field)
{
  g_autoptr(GVariant) value = aims_store_get (store, "risk", uuid, field, NULL);

  g_assert_nonnull (value);
  return g_variant_get_int64 (value);
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/* The file's records in @store, one line each, by reference */
static char *
describe_risks (AimsStore  *store,
                const char *prefix)
{
  g_auto(GStrv) uuids = aims_store_dup_uuids (store, "risk", NULL);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; uuids[i] != NULL; i++)
    {
      g_autofree char *reference = risk_text (store, uuids[i], "reference");
      g_autofree char *title = NULL;
      g_autofree char *owner = NULL;
      g_autofree char *status = NULL;

      if (!g_str_has_prefix (reference, prefix))
        continue;
      title = risk_text (store, uuids[i], "title");
      owner = risk_text (store, uuids[i], "owner");
      status = risk_text (store, uuids[i], "status");
      g_ptr_array_add (lines, g_strdup_printf ("%s|%s|%s|%s|%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT,
                                               reference, title, owner, status,
                                               risk_int (store, uuids[i], "inherent_likelihood"),
                                               risk_int (store, uuids[i], "inherent_impact")));
    }
  g_ptr_array_sort (lines, compare_lines);
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (out, "%s\n", (char *) g_ptr_array_index (lines, i));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
whole_json_file (const char *path)
{
  g_autofree char *contents = NULL;

  return g_file_get_contents (path, &contents, NULL, NULL) && g_str_has_suffix (contents, "}");
}

/* Save Mapping… through the real file chooser, into @dir as @name */
static char *
save_mapping (GtkWidget  *assistant,
              const char *dir,
              const char *name)
{
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;
  char *target = g_build_filename (dir, name, NULL);
  GtkWidget *chooser;

  click (assistant, "save-mapping-button");
  WAIT_UNTIL (find_toplevel_of_type (GTK_TYPE_FILE_CHOOSER_DIALOG) != NULL);
  chooser = find_toplevel_of_type (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_assert_nonnull (chooser);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  {
    g_autofree char *suggested = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));

    g_assert_cmpstr (suggested, ==, "references.mapping.json");
  }
  g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, &error));
  g_assert_no_error (error);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  wait_ms (50);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  G_GNUC_END_IGNORE_DEPRECATIONS

  /* The chooser checks the name asynchronously before it answers, and
   * the file is written asynchronously: wait for the whole of it */
  for (guint i = 0; i < 2000 && !whole_json_file (target); i++)
    wait_ms (10);
  if (!whole_json_file (target))
    g_error ("no mapping saved: “%s”; chooser %p; file %s",
             gtk_label_get_text (GTK_LABEL (require_named (assistant, "defaults-error"))),
             (void *) find_toplevel_of_type (GTK_TYPE_FILE_CHOOSER_DIALOG),
             g_file_test (target, G_FILE_TEST_EXISTS) ? "exists" : "missing");
  return target;
}

/* Defaults and the reference prefix set in the window reach the imported
 * records; the mapping saved with Save Mapping… gives the same records
 * through `aims import --map` */
static void
test_defaults_and_saved_mapping (Fixture       *f,
                                 gconstpointer  data)
{
  g_autofree char *path = write_file (f, "references.csv", references_csv);
  g_autofree char *project = g_build_filename (f->dir, "Demo.aims", NULL);
  g_autofree char *cli_project = g_build_filename (f->dir, "Cli.aims", NULL);
  g_autofree char *mapping = NULL;
  g_autofree char *json = NULL;
  g_autofree char *long_title = g_strnfill (300, 'x');
  g_autofree char *gui_risks = NULL;
  g_autofree char *cli_risks = NULL;
  g_autoptr(GError) error = NULL;
  guint before = aims_store_count (f->store, "risk");
  GtkWidget *assistant;
  GtkWidget *prefix_row;
  GtkWidget *title_row;
  GtkWidget *defaults_error;

  /* The project as it is before the import, for the command line */
  {
    g_autofree char *contents = NULL;
    gsize length = 0;

    g_assert_true (aims_document_save (f->window->document, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (project, &contents, &length, &error));
    g_assert_true (g_file_set_contents (cli_project, contents, (gssize) length, &error));
    g_assert_no_error (error);
  }

  assistant = open_assistant (f);
  /* Enter in the path reads the file, as Next does */
  gtk_editable_set_text (GTK_EDITABLE (require_named (assistant, "path-row")), path);
  g_signal_emit_by_name (require_named (assistant, "path-row"), "entry-activated");
  g_assert_cmpstr (visible_page (assistant), ==, "busy");
  wait_for_page (assistant, "columns");

  /* "ID" is no field's name: map it to the reference, by hand */
  g_assert_cmpstr (selected_text (require_named (assistant, "column-0")), ==, "Do not import");
  prefix_row = require_named (assistant, "prefix-row");
  g_assert_false (gtk_widget_get_visible (prefix_row));
  select_text (require_named (assistant, "column-0"), "Reference");
  g_assert_true (gtk_widget_get_visible (prefix_row));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (prefix_row)), ==,
                   "Reference Prefix");
  gtk_editable_set_text (GTK_EDITABLE (prefix_row), "XL-");

  /* A row per required field no column fills; none for the reference or
   * the owner (filled), nor for fields that are not required */
  g_assert_null (find_named (assistant, "default:reference"));
  g_assert_null (find_named (assistant, "default:owner"));
  g_assert_null (find_named (assistant, "default:description"));
  title_row = require_named (assistant, "default:title");
  g_assert_true (ADW_IS_ENTRY_ROW (title_row));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (title_row)), ==, "Default Title");
  g_assert_true (ADW_IS_COMBO_ROW (require_named (assistant, "default:inherent_likelihood")));
  g_assert_cmpstr (selected_text (require_named (assistant, "default:inherent_likelihood")), ==,
                   "No Default");
  g_assert_true (ADW_IS_COMBO_ROW (require_named (assistant, "default:status")));

  /* A title longer than the field holds: Next says so and stays */
  defaults_error = require_named (assistant, "defaults-error");
  gtk_editable_set_text (GTK_EDITABLE (title_row), long_title);
  g_assert_true (gtk_widget_has_css_class (title_row, "error"));
  click (assistant, "next-button");
  g_assert_cmpstr (visible_page (assistant), ==, "columns");
  g_assert_true (gtk_widget_get_visible (defaults_error));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (defaults_error)), "at most 256 bytes"));

  gtk_editable_set_text (GTK_EDITABLE (title_row), "Imported from the spreadsheet");
  g_assert_false (gtk_widget_has_css_class (title_row, "error"));
  adw_combo_row_set_selected (ADW_COMBO_ROW (require_named (assistant, "default:inherent_likelihood")), 2);
  adw_combo_row_set_selected (ADW_COMBO_ROW (require_named (assistant, "default:inherent_impact")), 4);
  select_text (require_named (assistant, "default:status"), "Assessed");

  /* Save Mapping…: the JSON has the new settings */
  mapping = save_mapping (assistant, f->dir, "references.mapping.json");
  g_assert_true (g_file_get_contents (mapping, &json, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (json, "\"ID\" : \"reference\""));
  g_assert_nonnull (strstr (json, "\"reference\" : \"XL-\""));
  g_assert_nonnull (strstr (json, "\"title\" : \"Imported from the spreadsheet\""));
  g_assert_nonnull (strstr (json, "\"inherent_likelihood\" : \"2\""));
  g_assert_nonnull (strstr (json, "\"status\" : \"assessed\""));

  /* The dry run and Import */
  click (assistant, "next-button");
  g_assert_cmpstr (visible_page (assistant), ==, "values");
  click (assistant, "next-button");
  wait_for_page (assistant, "check");
  g_assert_cmpuint (count_rejected (assistant, NULL), ==, 0);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (require_named (assistant, "counts-label"))), ==,
                   "Would add 2, update 0, leave 0 unchanged; 0 rejected.");
  click (assistant, "import-button");
  WAIT_UNTIL (find_toplevel_of_type (AIMS_TYPE_IMPORT_ASSISTANT) == NULL);
  if (find_toplevel_of_type (AIMS_TYPE_IMPORT_ASSISTANT) != NULL)
    {
      g_autoptr(GString) why = g_string_new (NULL);

      count_rejected (assistant, why);
      g_error ("not imported: %s %s %s", visible_page (assistant),
               gtk_label_get_text (GTK_LABEL (require_named (assistant, "check-error"))), why->str);
    }
  g_assert_cmpuint (aims_store_count (f->store, "risk"), ==, before + 2);

  gui_risks = describe_risks (f->store, "XL-");
  g_assert_cmpstr (gui_risks, ==,
                   "XL-17|Imported from the spreadsheet|Ada|assessed|2|4\n"
                   "XL-18|Imported from the spreadsheet|Bo|assessed|2|4\n");

  /* The same import from the command line, with the saved mapping */
  {
    const char *cli = g_getenv ("AIMS_CLI");
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    g_autoptr(GFile) file = g_file_new_for_path (cli_project);
    g_autoptr(AimsDocument) document = NULL;
    int status = 0;
    const char *argv[] = { cli, "import", cli_project, "--csv", path, "--into", "risks",
                           "--map", mapping, NULL };

    g_assert_nonnull (cli);
    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                 &out, &err, &status, &error));
    g_assert_no_error (error);
    if (!g_spawn_check_wait_status (status, NULL))
      g_error ("aims import failed: %s%s", out, err);

    document = aims_document_open (file, AIMS_OPEN_READ_ONLY, "Grace", &error);
    g_assert_no_error (error);
    cli_risks = describe_risks (aims_document_get_store (document), "XL-");
    aims_document_close (document);
  }
  g_assert_cmpstr (cli_risks, ==, gui_risks);
}

/* Import… is enabled for the registers the core imports into, and
 * disabled when the project is read-only */
static void
test_read_only (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "Demo.aims", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(AimsDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *browser = aims_record_browser_new ("risk");
  GtkWidget *audits = aims_record_browser_new ("audit");
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *menu_button = find_descendant_of_type (GTK_WIDGET (f->risks), GTK_TYPE_MENU_BUTTON);
  g_autoptr(GMenuModel) section = NULL;
  g_autofree char *action = NULL;
  g_autofree char *label = NULL;

  /* The list menu has "Import…", after the exports */
  g_assert_nonnull (menu_button);
  section = g_menu_model_get_item_link (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (menu_button)),
                                        1, G_MENU_LINK_SECTION);
  g_assert_nonnull (section);
  g_assert_true (g_menu_model_get_item_attribute (section, 0, G_MENU_ATTRIBUTE_ACTION, "s", &action));
  g_assert_true (g_menu_model_get_item_attribute (section, 0, G_MENU_ATTRIBUTE_LABEL, "s", &label));
  g_assert_cmpstr (action, ==, "browser.import");
  g_assert_cmpstr (label, ==, "_Import…");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->risks), "browser.import", NULL));
  WAIT_UNTIL (find_toplevel_of_type (AIMS_TYPE_IMPORT_ASSISTANT) != NULL);
  g_assert_nonnull (find_toplevel_of_type (AIMS_TYPE_IMPORT_ASSISTANT));
  gtk_window_destroy (GTK_WINDOW (find_toplevel_of_type (AIMS_TYPE_IMPORT_ASSISTANT)));

  g_assert_true (aims_document_save (f->window->document, &error));
  g_assert_no_error (error);
  document = aims_document_open (file, AIMS_OPEN_READ_ONLY, "Grace", &error);
  g_assert_no_error (error);
  g_assert_true (aims_document_get_read_only (document));

  gtk_box_append (GTK_BOX (box), browser);
  gtk_box_append (GTK_BOX (box), audits);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  aims_record_browser_set_document (AIMS_RECORD_BROWSER (browser), document);
  aims_record_browser_set_document (AIMS_RECORD_BROWSER (audits), f->window->document);
  wait_ms (50);

  gtk_widget_activate_action (browser, "browser.import", NULL);
  gtk_widget_activate_action (audits, "browser.import", NULL);
  wait_ms (50);
  g_assert_null (find_toplevel_of_type (AIMS_TYPE_IMPORT_ASSISTANT));

  gtk_window_destroy (GTK_WINDOW (window));
  wait_ms (20);
  aims_document_close (document);
}

/* Not a check: pictures of the assistant's steps, taken from the X server as
 * a person would see them, to look at in the light and dark styles and in a
 * narrow window. Registered only with AIMS_SCREENSHOT_DIR set:
 *   AIMS_SCREENSHOT_DIR=/tmp/shots xvfb-run -a -s "-screen 0 1280x900x24" \
 *     dbus-run-session -- build/tests/test-ui-import -p /ui/import/screenshots */
static void
test_screenshots (Fixture       *f,
                  gconstpointer  data)
{
  static const struct { const char *style; int width; } looks[] = {
    { "light", 0 }, { "dark", 0 }, { "narrow", 400 },
  };
  AdwStyleManager *manager = adw_style_manager_get_default ();
  g_autofree char *path = write_file (f, "risks.csv", risks_csv);

  g_object_set (gtk_settings_get_default (), "gtk-font-name", "Cantarell 11", NULL);

  for (guint l = 0; l < G_N_ELEMENTS (looks); l++)
    {
      GtkWidget *assistant;
      g_autofree char *name = NULL;

      adw_style_manager_set_color_scheme (manager, g_str_equal (looks[l].style, "dark")
                                                   ? ADW_COLOR_SCHEME_FORCE_DARK
                                                   : ADW_COLOR_SCHEME_FORCE_LIGHT);
      assistant = open_assistant (f);
      if (looks[l].width > 0)
        gtk_window_set_default_size (GTK_WINDOW (assistant), looks[l].width, 700);

      gtk_editable_set_text (GTK_EDITABLE (require_named (assistant, "path-row")), path);
      name = g_strdup_printf ("import-1-file-%s.png", looks[l].style);
      aims_test_save_screenshot (assistant, name);
      click (assistant, "next-button");
      wait_for_page (assistant, "columns");
      g_free (name);
      name = g_strdup_printf ("import-2-columns-%s.png", looks[l].style);
      aims_test_save_screenshot (assistant, name);
      click (assistant, "next-button");
      g_free (name);
      name = g_strdup_printf ("import-3-values-%s.png", looks[l].style);
      aims_test_save_screenshot (assistant, name);
      click (assistant, "next-button");
      wait_for_page (assistant, "check");
      g_free (name);
      name = g_strdup_printf ("import-4-check-%s.png", looks[l].style);
      aims_test_save_screenshot (assistant, name);

      gtk_window_destroy (GTK_WINDOW (assistant));
      WAIT_UNTIL (find_toplevel_of_type (AIMS_TYPE_IMPORT_ASSISTANT) == NULL);
    }
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
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

#define ADD(path, func) \
  g_test_add ("/ui/import/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("import-risks", test_import_risks);
  ADD ("unreadable-file", test_unreadable_file);
  ADD ("xlsx", test_xlsx);
  ADD ("read-only", test_read_only);
  ADD ("big-file-in-worker", test_big_file_in_worker);
  ADD ("defaults-and-saved-mapping", test_defaults_and_saved_mapping);
  if (g_getenv ("AIMS_SCREENSHOT_DIR") != NULL)
    ADD ("screenshots", test_screenshots);
#undef ADD

  app = aims_application_new ();
  aims_test_register_app (G_APPLICATION (app));
  ret = g_test_run ();
  g_clear_object (&app);

  return ret;
}
