/* test-ui-review.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Management Review section and the Overview's figures, on the real
 * window with the demo: a new review's inputs gathered at the date typed
 * into its form and shown; an action added, edited in its window and
 * removed; a figure's tile opening the filtered list behind it. */

#include "config.h"

#include "aims-test-gtk.h"
#include "aims-test-util.h"

#include "aims-test-window.h"

#include "aims-record-browser.h"
#include "aims-review-page.h"
#include "aims-risk-filters.h"

typedef struct
{
  AimsTestWindow  tw;
  AimsWindow     *window;
  AimsReviewPage *page;
  AimsStore      *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  aims_test_window_open (&f->tw, "overview", 1280, 800);
  f->window = f->tw.window;
  f->store = f->tw.store;
  g_assert_nonnull (f->window->review_page);
  f->page = AIMS_REVIEW_PAGE (f->window->review_page);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  aims_test_window_close (&f->tw);
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (g_strcmp0 (gtk_widget_get_name (child), name) == 0)
        return child;
      if ((found = find_named (child, name)) != NULL)
        return found;
    }

  return NULL;
}

/* A click: the button's action runs at once (gtk_widget_activate() would
 * wait for the pressed look to time out) */
static void
click (GtkWidget *button)
{
  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

/* The row of an AdwPreferencesPage whose title is @title */
static GtkWidget *
find_row_titled (GtkWidget  *root,
                 const char *title)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_of_type (root, ADW_TYPE_ACTION_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      AdwPreferencesRow *row = g_ptr_array_index (rows, i);

      if (g_strcmp0 (adw_preferences_row_get_title (row), title) == 0)
        return GTK_WIDGET (row);
    }

  return NULL;
}

/* The number a figure's row shows at its end */
static const char *
row_value (GtkWidget *row)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  GtkLabel *last;

  collect_of_type (row, GTK_TYPE_LABEL, labels);
  g_assert_cmpuint (labels->len, >, 0);
  last = g_ptr_array_index (labels, labels->len - 1);
  return gtk_label_get_text (last);
}

/* New Review, a date typed into its form, Gather Inputs: the snapshot is
 * taken at that date and shown read-only. */
static void
test_gather_inputs (Fixture       *f,
                    gconstpointer  data)
{
  GtkWidget *new_button, *date_row, *gather, *row;
  g_autofree char *inputs = NULL;
  g_autofree char *reference = NULL;
  g_autoptr(AimsReviewInputs) snapshot = NULL;
  const char *review;

  aims_window_show_section (f->window, "reviews");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_cmpstr (aims_review_page_get_selected (f->page), !=, NULL);

  new_button = find_named (GTK_WIDGET (f->page), "new-review");
  g_assert_nonnull (new_button);
  click (new_button);
  review = aims_review_page_get_selected (f->page);
  reference = aims_store_dup_text (f->store, "management_review", review, "reference", NULL);
  g_assert_cmpstr (reference, ==, "MR-002");
  g_assert_cmpuint (aims_store_count (f->store, "management_review"), ==, 2);

  /* The date, typed into the real form */
  WAIT_UNTIL (find_named (GTK_WIDGET (f->page), "review_date") != NULL);
  date_row = find_named (GTK_WIDGET (f->page), "review_date");
  g_assert_true (GTK_IS_EDITABLE (date_row));
  gtk_editable_set_text (GTK_EDITABLE (date_row), "2026-11-22");

  aims_review_page_show_view (f->page, "inputs");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  gather = find_named (GTK_WIDGET (f->page), "gather-inputs");
  g_assert_nonnull (gather);
  g_assert_true (gtk_widget_get_sensitive (gather));
  click (gather);

  inputs = aims_store_dup_text (f->store, "management_review", review, "inputs", NULL);
  g_assert_cmpstr (inputs, !=, "");
  snapshot = aims_review_dup_inputs (f->store, review, NULL);
  g_assert_nonnull (snapshot);
  g_assert_cmpstr (snapshot->date, ==, "2026-11-22");

  /* Shown as a summary: the figure and the earlier review's actions */
  WAIT_UNTIL (find_row_titled (GTK_WIDGET (f->page), "Risks above tolerance") != NULL);
  row = find_row_titled (GTK_WIDGET (f->page), "Risks above tolerance");
  g_assert_nonnull (row);
  g_assert_cmpstr (row_value (row), ==, "15");
  g_assert_nonnull (find_row_titled (GTK_WIDGET (f->page),
                                     "MR-001 Automate the monthly drift monitoring report for all "
                                     "models in production"));
  /* Gathered once, the button offers to gather again */
  gather = find_named (GTK_WIDGET (f->page), "gather-inputs");
  g_assert_nonnull (gather);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (gather)), ==, "_Gather Again");
}

/* Add Action opens the action's form; what is typed there is kept; the
 * row's remove button removes it. */
static void
test_actions (Fixture       *f,
              gconstpointer  data)
{
  GtkWidget *add, *window = NULL, *owner, *row, *remove;
  g_auto(GStrv) before = NULL;
  g_auto(GStrv) after = NULL;
  g_autofree char *text = NULL;
  const char *review;
  GListModel *toplevels;

  aims_window_show_section (f->window, "reviews");
  aims_review_page_show_view (f->page, "actions");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  review = aims_review_page_get_selected (f->page);
  before = aims_review_dup_actions (f->store, review, NULL);
  g_assert_cmpuint (g_strv_length (before), ==, 2);

  add = find_named (GTK_WIDGET (f->page), "add-action");
  g_assert_nonnull (add);
  click (add);

  after = aims_review_dup_actions (f->store, review, NULL);
  g_assert_cmpuint (g_strv_length (after), ==, 3);

  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && window == NULL; i++)
    {
      g_autoptr(GtkWidget) candidate = g_list_model_get_item (toplevels, i);

      if (g_strcmp0 (gtk_widget_get_name (candidate), "review-action-window") == 0)
        window = candidate;
    }
  g_assert_nonnull (window);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (window)));

  WAIT_UNTIL (find_named (window, "owner") != NULL);
  owner = find_named (window, "owner");
  g_assert_true (GTK_IS_EDITABLE (owner));
  gtk_editable_set_text (GTK_EDITABLE (owner), "Chief Risk Officer");
  gtk_window_close (GTK_WINDOW (window));

  /* The new action, the last without a due date */
  text = aims_store_dup_text (f->store, "review_action", after[2], "owner", NULL);
  g_assert_cmpstr (text, ==, "Chief Risk Officer");

  WAIT_UNTIL ((row = find_named (GTK_WIDGET (f->page), after[2])) != NULL &&
              g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                                "Chief Risk Officer"));
  row = find_named (GTK_WIDGET (f->page), after[2]);
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "New action");

  remove = find_named (row, "remove-action");
  g_assert_nonnull (remove);
  click (remove);
  g_clear_pointer (&after, g_strfreev);
  after = aims_review_dup_actions (f->store, review, NULL);
  g_assert_cmpuint (g_strv_length (after), ==, 2);
  WAIT_UNTIL (find_named (GTK_WIDGET (f->page), before[0]) != NULL &&
              find_row_titled (GTK_WIDGET (f->page), "New action") == NULL);
  g_assert_null (find_row_titled (GTK_WIDGET (f->page), "New action"));
}

/* A figure's tile opens the filtered list behind it */
static void
test_figure_opens_list (Fixture       *f,
                        gconstpointer  data)
{
  GtkWidget *tile, *toggle;
  AimsRecordList *list;
  GtkWidget *value;

  aims_window_show_section (f->window, "overview");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  tile = find_named (f->window->overview_page, "above-tolerance");
  g_assert_nonnull (tile);
  value = g_object_get_data (G_OBJECT (tile), "value");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (value)), ==, "15");

  click (tile);
  g_assert_cmpstr (aims_window_get_visible_section (f->window), ==, "risks");
  list = aims_record_browser_get_list (AIMS_RECORD_BROWSER (f->window->risks_page));
  WAIT_UNTIL (g_list_model_get_n_items (G_LIST_MODEL (list)) == 15);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 15);
  toggle = find_named (f->window->risks_page, "above-tolerance");
  g_assert_true (GTK_IS_TOGGLE_BUTTON (toggle));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)));

  /* The SoA figure opens the Controls section */
  aims_window_show_section (f->window, "overview");
  tile = find_named (f->window->overview_page, "soa");
  click (tile);
  g_assert_cmpstr (aims_window_get_visible_section (f->window), ==, "controls");

  /* The figures follow the project: one risk closed, one fewer */
  aims_window_show_section (f->window, "overview");
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *uuid = NULL;
    GListModel *model = G_LIST_MODEL (list);
    g_autoptr(GObject) first = g_list_model_get_item (model, 0);

    uuid = aims_record_dup_text (AIMS_RECORD (first), "uuid");
    g_assert_true (aims_store_update (f->store, "risk", uuid, "status",
                                      g_variant_new_string ("closed"), &error));
    g_assert_no_error (error);
  }
  tile = find_named (f->window->overview_page, "above-tolerance");
  value = g_object_get_data (G_OBJECT (tile), "value");
  WAIT_UNTIL (g_strcmp0 (gtk_label_get_text (GTK_LABEL (value)), "14") == 0);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (value)), ==, "14");
}

int
main (int   argc,
      char *argv[])
{
  char *home = aims_test_window_init (&argc, &argv);

  if (home == NULL)
    return 0;

#define ADD(path, func) \
  g_test_add ("/ui/review/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("gather-inputs", test_gather_inputs);
  ADD ("actions", test_actions);
  ADD ("figure-opens-list", test_figure_opens_list);
#undef ADD

  return aims_test_window_run (home);
}
