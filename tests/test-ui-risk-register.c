/* test-ui-risk-register.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The risk register's treatment actions, acceptance, "Add Risk" on an AI
 * system's page and the register's own filters, on the demo project and
 * through the real widgets of the real window; what they show is checked
 * against the core. */

#include "config.h"

#include "aims-test-gtk.h"

#include <adwaita.h>

#include "aims-application.h"
#include "aims-inventory-page.h"
#include "aims-record-browser.h"
#include "aims-record-form.h"
#include "aims-treatment-action-dialog.h"
#include "aims-actions-group.h"
#include "aims-window-private.h"

static AimsApplication *app;

/* A form's rows are built in idle steps; with a sanitizer on a busy machine
 * the first risk's form takes longer than WAIT_UNTIL's ten seconds */
#define WAIT_LONG(cond) \
  G_STMT_START { \
    gint64 wait_end_ = g_get_monotonic_time () + 60 * G_USEC_PER_SEC; \
    while (!(cond) && g_get_monotonic_time () < wait_end_) \
      wait_ms (5); \
  } G_STMT_END

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

  f->dir = g_dir_make_tmp ("aims-ui-risk-register-XXXXXX", NULL);
  path = g_build_filename (f->dir, "Demo.aims", NULL);
  g_assert_true (aims_demo_write_file (path, AIMS_DEMO_SCALE_SMALL, 42, &error));
  g_assert_no_error (error);
  file = g_file_new_for_path (path);

  f->window = aims_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1400, 900);
  gtk_window_present (GTK_WINDOW (f->window));
  aims_window_open_file (f->window, file);
  g_assert_true (aims_window_has_project (f->window));
  aims_window_show_section (f->window, "risks");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));

  f->store = aims_document_get_store (f->window->document);
  f->risks = AIMS_RECORD_BROWSER (f->window->risks_page);
  g_assert_nonnull (aims_record_browser_get_list (f->risks));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(AimsDocument) document = g_object_ref (f->window->document);
  GtkWidget *dialog;

  while ((dialog = find_toplevel_of_type (AIMS_TYPE_TREATMENT_ACTION_DIALOG)) != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
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
  GtkWidget *widget = NULL;

  WAIT_LONG ((widget = find_named (root, name)) != NULL);
  g_assert_nonnull (widget);
  return widget;
}

static gboolean
shows_label (GtkWidget  *root,
             const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && gtk_widget_get_visible (child) &&
          g_strcmp0 (gtk_label_get_text (GTK_LABEL (child)), text) == 0)
        return TRUE;
      if (shows_label (child, text))
        return TRUE;
    }

  return FALSE;
}

static char *
uuid_by_reference (AimsStore  *store,
                   const char *table,
                   const char *reference)
{
  g_auto(GStrv) uuids = aims_store_dup_uuids (store, table, NULL);

  for (guint k = 0; uuids[k] != NULL; k++)
    {
      g_autofree char *found = aims_store_dup_text (store, table, uuids[k], "reference", NULL);

      if (g_strcmp0 (found, reference) == 0)
        return g_strdup (uuids[k]);
    }

  g_assert_not_reached ();
}

static AimsRecordForm *
browser_form (AimsRecordBrowser *browser)
{
  GtkWidget *form = find_descendant_of_type (GTK_WIDGET (browser), AIMS_TYPE_RECORD_FORM);

  g_assert_nonnull (form);
  return AIMS_RECORD_FORM (form);
}

/* The rows of a list box that are records, not the placeholder */
static guint
count_rows (GtkWidget  *list,
            const char *row_name)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_ACTION_ROW (row) && (row_name == NULL || g_strcmp0 (gtk_widget_get_name (row), row_name) == 0))
      n++;

  return n;
}

static GtkWidget *
row_titled (GtkWidget  *list,
            const char *title)
{
  for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_ACTION_ROW (row) &&
        g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) == 0)
      return row;

  return NULL;
}

static char *
dup_text (AimsStore  *store,
          const char *table,
          const char *uuid,
          const char *field)
{
  g_autoptr(GError) error = NULL;
  char *text = aims_store_dup_text (store, table, uuid, field, &error);

  g_assert_no_error (error);
  return text;
}

static void
set_text_view (GtkWidget  *view,
               const char *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
}

/* The position of @id in a choice row of @table's @field */
static guint
choice_position (const char *table,
                 const char *field,
                 const char *id)
{
  const AimsFieldInfo *info = aims_table_info_lookup_field (aims_schema_lookup_table (table), field);

  for (guint i = 0; i < info->n_choices; i++)
    if (g_str_equal (info->choice_list[i].id, id))
      return i + (info->required ? 0 : 1);

  g_assert_not_reached ();
}

static void
assert_error_shown (GtkWidget  *form,
                    const char *field,
                    const char *message)
{
  g_autofree char *name = g_strconcat (field, "-error", NULL);
  GtkWidget *label = require_named (form, name);

  g_assert_true (gtk_widget_is_visible (label));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, message);
}

static void
assert_no_error_shown (GtkWidget  *form,
                       const char *field)
{
  g_autofree char *name = g_strconcat (field, "-error", NULL);

  g_assert_false (gtk_widget_is_visible (require_named (form, name)));
}

/* Shows a risk in the register and waits for its form */
static AimsActionsGroup *
show_risk (Fixture    *f,
           const char *uuid)
{
  GtkWidget *group = NULL;

  g_assert_true (aims_window_show_record (f->window, "risk", uuid));
  g_assert_cmpstr (aims_window_get_visible_section (f->window), ==, "risks");
  g_assert_cmpstr (aims_record_browser_get_selected (f->risks), ==, uuid);
  WAIT_LONG ((group = find_descendant_of_type (GTK_WIDGET (f->risks),
                                               AIMS_TYPE_ACTIONS_GROUP)) != NULL &&
              g_strcmp0 (aims_actions_group_get_parent (AIMS_ACTIONS_GROUP (group)),
                         uuid) == 0 &&
              find_named (GTK_WIDGET (f->risks), "risk_system-list") != NULL);
  g_assert_nonnull (group);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));

  return AIMS_ACTIONS_GROUP (group);
}

/* Each row of the group against the core: title, and "Overdue" exactly on
 * the overdue ones */
static void
assert_action_rows (Fixture                   *f,
                    AimsActionsGroup *group,
                    const char                *risk)
{
  GtkWidget *list = require_named (GTK_WIDGET (group), "treatment_action-list");
  g_autoptr(AimsRecordList) actions = aims_record_list_new (f->store, "treatment_action");
  g_autoptr(GError) error = NULL;
  AimsTreatmentSummary summary;

  aims_record_list_set_filter (actions, "risk", risk);
  g_assert_cmpuint (count_rows (list, "treatment-action"), ==,
                    g_list_model_get_n_items (G_LIST_MODEL (actions)));

  for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (actions)); k++)
    {
      g_autoptr(AimsRecord) record = g_list_model_get_item (G_LIST_MODEL (actions), k);
      g_autofree char *what = aims_record_dup_text (record, "what");
      g_autofree char *due = aims_record_dup_text (record, "due_date");
      g_autofree char *status = aims_record_dup_text (record, "status");
      GtkWidget *row = row_titled (list, what);
      gboolean overdue = aims_treatment_action_is_overdue (due, status, NULL);

      g_assert_nonnull (row);
      g_assert_cmpint (gtk_widget_has_css_class (row, "overdue"), ==, overdue);
      g_assert_cmpint (find_named (row, "overdue") != NULL, ==, overdue);
      if (overdue)
        g_assert_true (shows_label (row, "Overdue"));
    }

  g_assert_true (aims_treatment_summarize (f->store, risk, NULL, &summary, &error));
  g_assert_no_error (error);
  if (summary.n_actions > 0)
    {
      g_autofree char *text = NULL;

      if (summary.n_overdue > 0)
        text = g_strdup_printf ("%u action%s, %u done · %u overdue", summary.n_actions,
                                summary.n_actions == 1 ? "" : "s", summary.n_done,
                                summary.n_overdue);
      else
        text = g_strdup_printf ("%u action%s, %u done", summary.n_actions,
                                summary.n_actions == 1 ? "" : "s", summary.n_done);
      g_assert_cmpstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group)), ==,
                       text);
    }
}

/* Treatment actions: listed with overdue ones marked, added and edited in
 * the small window with the form's messages for bad values, removed with
 * an Undo toast, and brought back by undo. */
static void
test_treatment_actions (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *risk = uuid_by_reference (f->store, "risk", "R-001");
  g_autofree char *action = NULL;
  g_autofree char *text = NULL;
  AimsActionsGroup *group = show_risk (f, risk);
  guint before = aims_store_count (f->store, "treatment_action");
  GtkWidget *add_button, *dialog = NULL, *form, *list, *row;

  assert_action_rows (f, group, risk);
  list = require_named (GTK_WIDGET (group), "treatment_action-list");
  g_assert_cmpuint (count_rows (list, "treatment-action"), ==, 2);

  /* Add: a new planned action opens in its window */
  add_button = require_named (GTK_WIDGET (group), "add-action");
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (add_button)), ==, "actions.add");
  /* One widget serves risks and findings: this one speaks of treatment */
  g_assert_cmpint (aims_actions_group_get_kind (group), ==, AIMS_ACTIONS_GROUP_TREATMENT);
  g_assert_cmpstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group)), ==,
                   "Treatment Actions");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (add_button), ==, "Add a Treatment Action");
  g_assert_true (gtk_widget_is_sensitive (add_button));
  g_signal_emit_by_name (add_button, "clicked");
  WAIT_UNTIL ((dialog = find_toplevel_of_type (AIMS_TYPE_TREATMENT_ACTION_DIALOG)) != NULL);
  g_assert_nonnull (dialog);
  g_assert_cmpuint (aims_store_count (f->store, "treatment_action"), ==, before + 1);
  g_assert_cmpuint (count_rows (list, "treatment-action"), ==, 3);
  form = GTK_WIDGET (aims_treatment_action_dialog_get_form (AIMS_TREATMENT_ACTION_DIALOG (dialog)));
  action = g_strdup (aims_record_form_get_uuid (AIMS_RECORD_FORM (form)));
  g_assert_nonnull (action);
  text = dup_text (f->store, "treatment_action", action, "owner");
  g_assert_cmpstr (text, ==, "Priya Raman, Head of Claims Operations");
  g_clear_pointer (&text, g_free);

  /* Closed untouched, the new action is taken back: no placeholder stays */
  gtk_window_close (GTK_WINDOW (dialog));
  WAIT_UNTIL (find_toplevel_of_type (AIMS_TYPE_TREATMENT_ACTION_DIALOG) == NULL);
  WAIT_UNTIL (count_rows (list, "treatment-action") == 2);
  g_assert_cmpuint (aims_store_count (f->store, "treatment_action"), ==, before);
  g_assert_null (row_titled (list, "New treatment action"));

  g_clear_pointer (&action, g_free);
  g_signal_emit_by_name (add_button, "clicked");
  WAIT_UNTIL ((dialog = find_toplevel_of_type (AIMS_TYPE_TREATMENT_ACTION_DIALOG)) != NULL);
  g_assert_nonnull (dialog);
  g_assert_cmpuint (aims_store_count (f->store, "treatment_action"), ==, before + 1);
  form = GTK_WIDGET (aims_treatment_action_dialog_get_form (AIMS_TREATMENT_ACTION_DIALOG (dialog)));
  action = g_strdup (aims_record_form_get_uuid (AIMS_RECORD_FORM (form)));

  /* Typing goes over the placeholder */
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (require_named (form, "what")));
    GtkTextIter start, end;
    g_autofree char *selected = NULL;

    WAIT_UNTIL (gtk_text_buffer_get_has_selection (buffer));
    g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &start, &end));
    selected = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (selected, ==, "New treatment action");
  }

  /* Typing: a due date that does not exist is refused with its message */
  set_text_view (require_named (form, "what"), "Audit the fast track monthly");
  gtk_editable_set_text (GTK_EDITABLE (require_named (form, "due_date")), "2026-02-30");
  aims_record_form_flush (AIMS_RECORD_FORM (form));
  assert_error_shown (form, "due_date",
                      "Due date: “2026-02-30” is not a date that exists; write it as YYYY-MM-DD.");
  text = dup_text (f->store, "treatment_action", action, "due_date");
  g_assert_cmpstr (text, ==, "");
  g_clear_pointer (&text, g_free);

  gtk_editable_set_text (GTK_EDITABLE (require_named (form, "due_date")), "2000-01-31");
  aims_record_form_flush (AIMS_RECORD_FORM (form));
  assert_no_error_shown (form, "due_date");
  adw_combo_row_set_selected (ADW_COMBO_ROW (require_named (form, "status")),
                              choice_position ("treatment_action", "status", "in-progress"));

  /* Closing records what is still being typed */
  set_text_view (require_named (form, "what"), "Audit the fast-track queue monthly");
  gtk_window_close (GTK_WINDOW (dialog));
  WAIT_UNTIL (find_toplevel_of_type (AIMS_TYPE_TREATMENT_ACTION_DIALOG) == NULL);
  text = dup_text (f->store, "treatment_action", action, "what");
  g_assert_cmpstr (text, ==, "Audit the fast-track queue monthly");
  g_clear_pointer (&text, g_free);
  text = dup_text (f->store, "treatment_action", action, "status");
  g_assert_cmpstr (text, ==, "in-progress");
  g_clear_pointer (&text, g_free);

  /* The row shows it, overdue */
  WAIT_UNTIL (row_titled (list, "Audit the fast-track queue monthly") != NULL);
  row = row_titled (list, "Audit the fast-track queue monthly");
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_has_css_class (row, "overdue"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "Priya Raman, Head of Claims Operations · due 2000-01-31 · In progress");
  assert_action_rows (f, group, risk);

  /* Activating a row edits it in the small window */
  g_signal_emit_by_name (row, "activated");
  WAIT_UNTIL ((dialog = find_toplevel_of_type (AIMS_TYPE_TREATMENT_ACTION_DIALOG)) != NULL);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (aims_record_form_get_uuid (aims_treatment_action_dialog_get_form (AIMS_TREATMENT_ACTION_DIALOG (dialog))),
                   ==, action);
  gtk_window_close (GTK_WINDOW (dialog));
  WAIT_UNTIL (find_toplevel_of_type (AIMS_TYPE_TREATMENT_ACTION_DIALOG) == NULL);

  /* Remove: gone, with an Undo toast; undo brings it back */
  g_signal_emit_by_name (find_named (row, "remove"), "clicked");
  g_assert_cmpuint (aims_store_count (f->store, "treatment_action"), ==, before);
  WAIT_UNTIL (count_rows (list, "treatment-action") == 2);
  g_assert_cmpuint (count_rows (list, "treatment-action"), ==, 2);
  g_assert_true (shows_label (GTK_WIDGET (f->window->toast_overlay),
                              "Deleted treatment action “Audit the fast-track queue monthly”"));
  assert_action_rows (f, group, risk);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  WAIT_UNTIL (count_rows (list, "treatment-action") == 3);
  g_assert_cmpuint (aims_store_count (f->store, "treatment_action"), ==, before + 1);
  assert_action_rows (f, group, risk);
  g_assert_true (gtk_widget_has_css_class (row_titled (list, "Audit the fast-track queue monthly"),
                                           "overdue"));

  /* Delete on a focused action removes the action, never the risk */
  {
    GtkWidget *focused = row_titled (list, "Audit the fast-track queue monthly");
    GListModel *controllers = gtk_widget_observe_controllers (focused);
    gboolean handled = FALSE;

    for (guint k = 0; k < g_list_model_get_n_items (controllers) && !handled; k++)
      {
        g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, k);

        if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
          g_signal_emit_by_name (controller, "key-pressed", GDK_KEY_Delete, 0, 0, &handled);
      }
    g_object_unref (controllers);
    g_assert_true (handled);
    g_assert_cmpuint (aims_store_count (f->store, "treatment_action"), ==, before);
    g_assert_cmpuint (aims_store_count (f->store, "risk"), ==,
                      aims_demo_scale_get_n_risks (AIMS_DEMO_SCALE_SMALL));
    g_assert_cmpstr (aims_record_browser_get_selected (f->risks), ==, risk);
    WAIT_UNTIL (count_rows (list, "treatment-action") == 2);
    g_assert_cmpuint (count_rows (list, "treatment-action"), ==, 2);
  }

  /* Another risk shows its own actions */
  {
    g_autofree char *other = uuid_by_reference (f->store, "risk", "R-012");

    group = show_risk (f, other);
    assert_action_rows (f, group, other);
    g_assert_cmpuint (count_rows (require_named (GTK_WIDGET (group), "treatment_action-list"),
                                  "treatment-action"), ==, 3);
  }
}

/* Accepting a risk in its form: the treatment "Accept" waits, with the
 * rule's message, until who, role, date and why are filled in, then is
 * recorded by itself; a residual level above the tolerance shows the
 * appetite warning, and an expiry before the date is refused. */
/* One commit that changes more treatment actions than the store names one by
 * one (a bulk edit, its undo) still reaches the rows on screen */
static void
test_treatment_actions_bulk_change (Fixture       *f,
                                    gconstpointer  data)
{
  g_autofree char *risk = uuid_by_reference (f->store, "risk", "R-001");
  g_autofree char *other = uuid_by_reference (f->store, "risk", "R-002");
  g_auto(GStrv) uuids = NULL;
  g_autoptr(GError) error = NULL;
  AimsActionsGroup *group = show_risk (f, risk);
  GtkWidget *list = require_named (GTK_WIDGET (group), "treatment_action-list");
  g_autoptr(AimsRecordList) actions = aims_record_list_new (f->store, "treatment_action");
  g_autoptr(AimsRecord) first = NULL;
  g_autofree char *what = NULL;
  GtkWidget *row;

  aims_record_list_set_filter (actions, "risk", risk);
  first = g_list_model_get_item (G_LIST_MODEL (actions), 0);
  what = aims_record_dup_text (first, "what");

  aims_store_begin_group (f->store, "Hand every action to the AI officer");
  for (guint i = 0; i < 65; i++)
    {
      g_autofree char *added = aims_treatment_add_action (f->store, other, "Review the model card",
                                                          &error);

      g_assert_no_error (error);
    }
  uuids = aims_store_dup_uuids (f->store, "treatment_action", NULL);
  g_assert_cmpuint (g_strv_length (uuids), >, 64);
  for (guint i = 0; uuids[i] != NULL; i++)
    {
      g_assert_true (aims_store_update (f->store, "treatment_action", uuids[i], "owner",
                                        g_variant_new_string ("Ada Okafor, AI Officer"), &error));
      g_assert_no_error (error);
    }
  g_assert_true (aims_store_end_group (f->store, &error));
  g_assert_no_error (error);

  WAIT_UNTIL ((row = row_titled (list, what)) != NULL &&
              g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                                "Ada Okafor, AI Officer"));
  row = row_titled (list, what);
  g_assert_nonnull (row);
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                                   "Ada Okafor, AI Officer"));
  assert_action_rows (f, group, risk);
}

static void
test_acceptance (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *risk = uuid_by_reference (f->store, "risk", "R-001");
  g_autofree char *warning = NULL;
  g_autofree char *text = NULL;
  GtkWidget *form, *warning_box;

  show_risk (f, risk);
  form = GTK_WIDGET (browser_form (f->risks));
  warning_box = require_named (form, "acceptance-warning");
  g_assert_false (gtk_widget_get_visible (warning_box));

  adw_combo_row_set_selected (ADW_COMBO_ROW (require_named (form, "treatment")),
                              choice_position ("risk", "treatment", "accept"));
  assert_error_shown (form, "treatment",
                      "Treatment: an accepted risk needs “Accepted by”; fill it in first.");
  text = dup_text (f->store, "risk", risk, "treatment");
  g_assert_cmpstr (text, ==, "mitigate");
  g_clear_pointer (&text, g_free);

  gtk_editable_set_text (GTK_EDITABLE (require_named (form, "accepted_by")), "Helen Okafor");
  aims_record_form_flush (AIMS_RECORD_FORM (form));
  assert_error_shown (form, "treatment",
                      "Treatment: an accepted risk needs “Role of the acceptor”; fill it in first.");

  gtk_editable_set_text (GTK_EDITABLE (require_named (form, "acceptance_role")),
                         "Chief Underwriting Officer");
  gtk_editable_set_text (GTK_EDITABLE (require_named (form, "acceptance_date")), "2026-11-01");
  aims_record_form_flush (AIMS_RECORD_FORM (form));
  assert_error_shown (form, "treatment",
                      "Treatment: an accepted risk needs “Rationale for acceptance”; fill it in "
                      "first.");

  set_text_view (require_named (form, "acceptance_rationale"),
                 "Handlers re-route any claim; the residual harm is bounded.");
  aims_record_form_flush (AIMS_RECORD_FORM (form));

  /* The refused treatment went through once its fields were there */
  assert_no_error_shown (form, "treatment");
  text = dup_text (f->store, "risk", risk, "treatment");
  g_assert_cmpstr (text, ==, "accept");
  g_clear_pointer (&text, g_free);

  /* Its residual level, Significant, is above the tolerance */
  warning = aims_rules_dup_acceptance_warning (f->store, risk);
  g_assert_nonnull (warning);
  WAIT_UNTIL (gtk_widget_get_visible (warning_box));
  g_assert_true (gtk_widget_is_visible (warning_box));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (require_named (form, "acceptance-warning-label"))),
                   ==, warning);
  g_assert_cmpstr (warning, ==, "This acceptance exceeds the risk appetite: the residual level "
                                "“Significant” is above the tolerance “Moderate”.");

  /* While accepted, its fields cannot be emptied */
  gtk_editable_set_text (GTK_EDITABLE (require_named (form, "acceptance_role")), "");
  aims_record_form_flush (AIMS_RECORD_FORM (form));
  assert_error_shown (form, "acceptance_role",
                      "Role of the acceptor: required while the risk is accepted.");
  gtk_editable_set_text (GTK_EDITABLE (require_named (form, "acceptance_role")),
                         "Chief Underwriting Officer");
  aims_record_form_flush (AIMS_RECORD_FORM (form));
  assert_no_error_shown (form, "acceptance_role");

  /* The expiry is not before the acceptance date */
  gtk_editable_set_text (GTK_EDITABLE (require_named (form, "acceptance_expiry")), "2026-10-01");
  aims_record_form_flush (AIMS_RECORD_FORM (form));
  assert_error_shown (form, "acceptance_expiry",
                      "Acceptance expires: 2026-10-01 is before the acceptance date (2026-11-01).");
  gtk_editable_set_text (GTK_EDITABLE (require_named (form, "acceptance_expiry")), "2027-11-01");
  aims_record_form_flush (AIMS_RECORD_FORM (form));
  assert_no_error_shown (form, "acceptance_expiry");

  /* A residual score within the appetite: no warning */
  adw_combo_row_set_selected (ADW_COMBO_ROW (require_named (form, "residual_likelihood")), 1);
  WAIT_UNTIL (!gtk_widget_get_visible (warning_box));
  g_assert_false (gtk_widget_get_visible (warning_box));
  g_assert_null (aims_rules_dup_acceptance_warning (f->store, risk));
}

/* "Add Risk" on an AI system's page: the system lists its risks with their
 * count; the button adds a risk of the system and opens it in the Risks
 * section, ready to edit; the risk's page lists the system, which opens in
 * its own section. */
static void
test_add_risk_from_system (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *system = uuid_by_reference (f->store, "ai_system", "SYS-001");
  g_autofree char *system_name = dup_text (f->store, "ai_system", system, "name");
  g_autofree char *owner = dup_text (f->store, "ai_system", system, "business_owner");
  g_autoptr(AimsRecordList) linked = aims_record_list_new (f->store, "risk");
  AimsRecordBrowser *systems;
  GtkWidget *group = NULL, *list, *add, *risk_form;
  g_autofree char *count = NULL;
  g_autofree char *risk = NULL;
  g_autofree char *text = NULL;
  g_autofree char *link = NULL;
  guint n_before = aims_store_count (f->store, "risk");
  guint n_linked;

  aims_record_list_set_linked_to (linked, "risk_system", system);
  n_linked = g_list_model_get_n_items (G_LIST_MODEL (linked));
  g_assert_cmpuint (n_linked, >, 1);

  g_assert_true (aims_window_show_record (f->window, "ai_system", system));
  g_assert_cmpstr (aims_window_get_visible_section (f->window), ==, "systems");
  systems = aims_inventory_page_get_browser (AIMS_INVENTORY_PAGE (f->window->inventory_page),
                                             "ai_system");
  g_assert_cmpstr (aims_record_browser_get_selected (systems), ==, system);
  WAIT_LONG ((group = find_named (GTK_WIDGET (systems), "risk_system")) != NULL);
  g_assert_nonnull (group);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));

  /* The system's risks, counted and listed with their reference and level */
  list = require_named (group, "risk_system-list");
  g_assert_cmpuint (count_rows (list, NULL), ==, n_linked);
  count = g_strdup_printf ("%u risks concern this system", n_linked);
  g_assert_cmpstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group)), ==, count);
  {
    g_autoptr(AimsRecord) first = g_list_model_get_item (G_LIST_MODEL (linked), 0);
    g_autofree char *title = aims_record_dup_text (first, "title");
    g_autofree char *reference = aims_record_dup_text (first, "reference");
    GtkWidget *row = row_titled (list, title);

    g_assert_nonnull (row);
    g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), reference));
  }

  /* Add Risk */
  add = require_named (group, "add-linked");
  g_assert_true (gtk_widget_is_sensitive (add));
  g_signal_emit_by_name (add, "clicked");
  g_assert_cmpuint (aims_store_count (f->store, "risk"), ==, n_before + 1);
  g_assert_cmpstr (aims_window_get_visible_section (f->window), ==, "risks");
  risk = g_strdup (aims_record_browser_get_selected (f->risks));
  g_assert_nonnull (risk);
  link = aims_store_dup_link_uuid (f->store, "risk_system", risk, system);
  g_assert_nonnull (link);
  text = dup_text (f->store, "risk", risk, "owner");
  g_assert_cmpstr (text, ==, owner);
  g_clear_pointer (&text, g_free);
  text = dup_text (f->store, "risk", risk, "title");
  g_assert_cmpstr (text, ==, "New risk");
  g_clear_pointer (&text, g_free);

  /* Its form shows it, ready to edit, with its system */
  risk_form = GTK_WIDGET (browser_form (f->risks));
  WAIT_LONG (g_strcmp0 (aims_record_form_get_uuid (AIMS_RECORD_FORM (risk_form)), risk) == 0 &&
              find_named (risk_form, "risk_system-list") != NULL &&
              row_titled (find_named (risk_form, "risk_system-list"), system_name) != NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (require_named (risk_form, "title"))), ==,
                   "New risk");
  g_assert_true (gtk_widget_is_sensitive (require_named (risk_form, "title")));
  g_assert_nonnull (row_titled (require_named (risk_form, "risk_system-list"), system_name));

  /* The system's page counts it */
  g_assert_cmpuint (count_rows (list, NULL), ==, n_linked + 1);

  /* The system in the risk's page opens in the AI Systems section */
  g_signal_emit_by_name (row_titled (require_named (risk_form, "risk_system-list"), system_name),
                         "activated");
  g_assert_cmpstr (aims_window_get_visible_section (f->window), ==, "systems");
  g_assert_cmpstr (aims_record_browser_get_selected (systems), ==, system);

  /* One undo takes back the risk and its link */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  wait_ms (20);
  g_assert_cmpuint (aims_store_count (f->store, "risk"), ==, n_before);
  g_assert_null (aims_store_dup_link_uuid (f->store, "risk_system", risk, system));
  WAIT_UNTIL (count_rows (list, NULL) == n_linked);
  g_assert_cmpuint (count_rows (list, NULL), ==, n_linked);
}

/* As a pointer click does: a toggle button toggles */
static void
click (GtkWidget *button)
{
  g_signal_emit_by_name (button, "clicked");
}

/* How many risks the core counts under @filter */
static guint
core_count (Fixture              *f,
            const AimsRiskFilter *filter)
{
  g_autoptr(AimsMatrix) matrix = aims_store_dup_matrix (f->store);
  g_autoptr(AimsHeatmapCounts) counts = aims_risks_count_cells (f->store, matrix, filter, NULL);

  g_assert_nonnull (counts);
  return aims_heatmap_counts_get_total (counts);
}

static void
assert_shown (Fixture *f,
              guint    expected)
{
  AimsRecordList *list = aims_record_browser_get_list (f->risks);
  g_autofree char *count = NULL;

  WAIT_UNTIL (g_list_model_get_n_items (G_LIST_MODEL (list)) == expected);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, expected);
  count = g_strdup_printf ("%u of %u shown", expected, aims_store_count (f->store, "risk"));
  g_assert_true (shows_label (GTK_WIDGET (f->risks), count));
}

/* The register's own filters, clicked: the rows narrow to what the core
 * counts, the count says so, and Clear Filters lets every risk through. */
static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(AimsMatrix) matrix = aims_store_dup_matrix (f->store);
  g_autofree char *system = uuid_by_reference (f->store, "ai_system", "SYS-001");
  g_autofree char *system_name = dup_text (f->store, "ai_system", system, "name");
  AimsRecordList *list = aims_record_browser_get_list (f->risks);
  guint total = aims_store_count (f->store, "risk");
  GtkWidget *above = require_named (GTK_WIDGET (f->risks), "above-tolerance");
  GtkWidget *overdue = require_named (GTK_WIDGET (f->risks), "overdue-review");
  GtkWidget *dropdown = require_named (GTK_WIDGET (f->risks), "system");
  GListModel *systems;
  AimsRiskFilter filter;
  guint n_above, n_overdue;

  g_assert_true (GTK_IS_TOGGLE_BUTTON (above));
  g_assert_true (GTK_IS_TOGGLE_BUTTON (overdue));
  g_assert_true (GTK_IS_DROP_DOWN (dropdown));
  g_assert_true (gtk_widget_is_visible (above));
  assert_shown (f, total);

  /* Above tolerance: as the Overview counts them */
  click (above);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (above)));
  n_above = aims_risks_count_above_tolerance (f->store, matrix, NULL);
  g_assert_cmpuint (n_above, >, 0);
  g_assert_cmpuint (n_above, <, total);
  assert_shown (f, n_above);
  for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (list)); k++)
    {
      g_autoptr(AimsRecord) record = g_list_model_get_item (G_LIST_MODEL (list), k);
      g_autofree char *inherent = aims_record_dup_text (record, "inherent_level");
      g_autofree char *residual = aims_record_dup_text (record, "residual_level");
      gint64 level = g_ascii_strtoll (residual, NULL, 10) >= 0 ? g_ascii_strtoll (residual, NULL, 10)
                                                                : g_ascii_strtoll (inherent, NULL, 10);

      g_assert_true (aims_matrix_is_above_tolerance (matrix, (guint) level));
    }

  /* And overdue for review, today */
  click (overdue);
  aims_risk_filter_init (&filter);
  filter.flags = AIMS_RISK_FILTER_ABOVE_TOLERANCE | AIMS_RISK_FILTER_OVERDUE | AIMS_RISK_FILTER_OPEN;
  assert_shown (f, core_count (f, &filter));

  /* Overdue alone */
  click (above);
  n_overdue = aims_risks_count_overdue (f->store, NULL, NULL);
  g_assert_cmpuint (n_overdue, >, 0);
  g_assert_cmpuint (n_overdue, <, total);
  assert_shown (f, n_overdue);

  /* With one AI system */
  systems = gtk_drop_down_get_model (GTK_DROP_DOWN (dropdown));
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (systems), 0), ==, "All AI Systems");
  g_assert_cmpuint (g_list_model_get_n_items (systems), ==, aims_store_count (f->store, "ai_system") + 1);
  for (guint k = 1; k < g_list_model_get_n_items (systems); k++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (systems), k), system_name) == 0)
      gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), k);
  filter.flags = AIMS_RISK_FILTER_OVERDUE | AIMS_RISK_FILTER_OPEN;
  filter.system = system;
  assert_shown (f, core_count (f, &filter));
  click (overdue);
  filter.flags = 0;
  assert_shown (f, core_count (f, &filter));
  g_assert_cmpuint (core_count (f, &filter), <, total);

  /* Clear Filters */
  click (above);
  gtk_widget_activate_action (GTK_WIDGET (f->risks), "browser.clear-filters", NULL);
  assert_shown (f, total);
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (above)));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (overdue)));
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (dropdown)), ==, 0);

  /* A risk scored above the tolerance joins the filtered list at once */
  click (above);
  assert_shown (f, n_above);
  {
    g_auto(GStrv) uuids = aims_store_dup_uuids (f->store, "risk", NULL);
    g_autofree char *low = NULL;
    g_autoptr(GError) error = NULL;

    for (guint j = 0; low == NULL && uuids[j] != NULL; j++)
      if (aims_record_list_find (list, uuids[j]) == G_MAXUINT)
        {
          g_autofree char *status = dup_text (f->store, "risk", uuids[j], "status");

          if (!g_str_equal (status, "closed"))
            low = g_strdup (uuids[j]);
        }
    g_assert_nonnull (low);
    g_assert_true (aims_risks_set_score (f->store, low, AIMS_RISK_RESIDUAL, 5, 5, &error));
    g_assert_no_error (error);
    assert_shown (f, n_above + 1);
    g_assert_cmpuint (aims_record_list_find (list, low), !=, G_MAXUINT);
  }
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
  g_test_add ("/ui/risk-register/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("treatment-actions", test_treatment_actions);
  ADD ("treatment-actions-bulk-change", test_treatment_actions_bulk_change);
  ADD ("acceptance", test_acceptance);
  ADD ("add-risk-from-system", test_add_risk_from_system);
  ADD ("filters", test_filters);
#undef ADD

  app = aims_application_new ();
  aims_test_register_app (G_APPLICATION (app));
  ret = g_test_run ();
  g_clear_object (&app);

  return ret;
}
