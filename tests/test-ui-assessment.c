/* test-ui-assessment.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Impact Assessments section on the demo project, driven through its
 * real widgets: the list and its filters, "Assess Impact" on an AI system,
 * the form's autosave, the refused and then accepted approval, the
 * navigation list, and an impact turned into a register risk. */

#include "config.h"

#include "aims-test-gtk.h"
#include "aims-test-util.h"
#include "aims-test-window.h"

#include "aims-assessment-page.h"
#include "aims-assessment-view.h"
#include "aims-impact-dialog.h"
#include "aims-inventory-page.h"
#include "aims-record-browser.h"
#include "aims-record-form.h"
#include "aims-risk-impacts.h"
#include "aims-store-private.h"

typedef struct
{
  AimsTestWindow  tw;
  AimsWindow         *window;
  AimsAssessmentPage *page;
  AimsAssessmentView *view;
  AimsStore          *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  aims_test_window_open (&f->tw, "impact", 1300, 900);
  f->window = f->tw.window;
  f->store = f->tw.store;
  g_assert_nonnull (f->window->assessment_page);
  f->page = AIMS_ASSESSMENT_PAGE (f->window->assessment_page);
  f->view = aims_assessment_page_get_view (f->page);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  aims_test_window_close (&f->tw);
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    n += GTK_IS_LIST_BOX_ROW (row);

  return n;
}

static GtkListBoxRow *
find_row_by_title (GtkListBox *list,
                   const char *prefix)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (ADW_IS_PREFERENCES_ROW (row) &&
          g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), prefix))
        return GTK_LIST_BOX_ROW (row);
    }

  return NULL;
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

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  collect_of_type (root, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    {
      const char *text = gtk_button_get_label (g_ptr_array_index (buttons, i));

      if (text != NULL && g_str_equal (text, label))
        return g_ptr_array_index (buttons, i);
    }

  return NULL;
}

static AdwMessageDialog *
find_message_dialog (const char *heading)
{
  GList *toplevels = gtk_window_list_toplevels ();
  AdwMessageDialog *found = NULL;

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) &&
        g_strcmp0 (adw_message_dialog_get_heading (l->data), heading) == 0 &&
        gtk_widget_get_visible (l->data))
      found = l->data;
  g_list_free (toplevels);

  return found;
}

static char *
get_text (AimsStore  *store,
          const char *uuid,
          const char *field)
{
  return aims_store_dup_text (store, "impact_assessment", uuid, field, NULL);
}

static void
open_row (Fixture    *f,
          const char *prefix)
{
  GtkListBox *list = aims_assessment_page_get_list (f->page);
  GtkListBoxRow *row = find_row_by_title (list, prefix);

  g_assert_nonnull (row);
  g_signal_emit_by_name (list, "row-activated", row);
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (f->view)));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (f->view)));
}

/* The list shows every assessment; the filters narrow it. */
static void
test_list_filters (Fixture       *f,
                   gconstpointer  data)
{
  GtkListBox *list = aims_assessment_page_get_list (f->page);
  GtkDropDown *status = NULL;
  g_autoptr(GPtrArray) checks = g_ptr_array_new ();
  g_autoptr(GPtrArray) dropdowns = g_ptr_array_new ();
  GtkSearchEntry *search = GTK_SEARCH_ENTRY (find_descendant_of_type (GTK_WIDGET (f->page),
                                                                      GTK_TYPE_SEARCH_ENTRY));

  g_assert_cmpuint (count_rows (list), ==, 5);
  g_assert_nonnull (find_row_by_title (list, "SYS-005 CV screening assistant, version 2"));

  collect_of_type (GTK_WIDGET (f->page), GTK_TYPE_DROP_DOWN, dropdowns);
  status = g_ptr_array_index (dropdowns, 0);
  gtk_drop_down_set_selected (status, 3);  /* Approved */
  g_assert_cmpuint (count_rows (list), ==, 2);
  gtk_drop_down_set_selected (status, 0);

  collect_of_type (GTK_WIDGET (f->page), GTK_TYPE_CHECK_BUTTON, checks);
  gtk_check_button_set_active (g_ptr_array_index (checks, 0), TRUE);  /* latest only */
  g_assert_cmpuint (count_rows (list), ==, 4);
  g_assert_null (find_row_by_title (list, "SYS-005 CV screening assistant, version 1"));
  gtk_check_button_set_active (g_ptr_array_index (checks, 0), FALSE);

  gtk_editable_set_text (GTK_EDITABLE (search), "fraud");
  WAIT_UNTIL (count_rows (list) == 1);
  g_assert_cmpuint (count_rows (list), ==, 1);
  g_assert_nonnull (find_row_by_title (list, "SYS-002 Fraud detection scoring"));
}

/* "Assess Impact" on an AI system starts its first assessment; a second
 * time opens the same one. */
static void
test_assess_impact (Fixture       *f,
                    gconstpointer  data)
{
  AimsInventoryPage *inventory = AIMS_INVENTORY_PAGE (f->window->inventory_page);
  AimsRecordBrowser *browser = aims_inventory_page_get_browser (inventory, "ai_system");
  g_autofree char *system = NULL;
  g_autofree char *first = NULL;
  GtkWidget *button;

  {
    g_autoptr(AimsRecordList) systems = aims_record_list_new (f->store, "ai_system");
    g_autoptr(AimsRecord) record = NULL;

    aims_record_list_set_filter (systems, "reference", "SYS-013");
    record = g_list_model_get_item (G_LIST_MODEL (systems), 0);
    system = g_strdup (aims_record_get_uuid (record));
  }
  g_assert_null (aims_assessment_dup_latest (f->store, system));

  aims_window_show_section (f->window, "systems");
  aims_inventory_page_show (inventory, "ai_system", system);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  WAIT_UNTIL (g_strcmp0 (aims_record_browser_get_selected (browser), system) == 0);
  g_assert_cmpstr (aims_record_browser_get_selected (browser), ==, system);
  button = find_button (GTK_WIDGET (browser), "Assess _Impact");
  g_assert_nonnull (button);
  WAIT_UNTIL (gtk_widget_get_visible (button) && gtk_widget_is_sensitive (button));
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");

  g_assert_cmpstr (aims_window_get_visible_section (f->window), ==, "impact");
  first = aims_assessment_dup_latest (f->store, system);
  g_assert_nonnull (first);
  g_assert_cmpstr (aims_assessment_view_get_uuid (f->view), ==, first);
  g_assert_cmpstr (aims_record_form_get_uuid (aims_assessment_view_get_form (f->view)), ==, first);

  aims_window_show_section (f->window, "systems");
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpstr (aims_assessment_view_get_uuid (f->view), ==, first);
  g_assert_cmpuint (aims_store_count (f->store, "impact_assessment"), ==, 6);

  /* Not on the other registers */
  g_assert_false (gtk_widget_get_visible (
    find_button (GTK_WIDGET (aims_inventory_page_get_browser (inventory, "data_set")),
                 "Assess _Impact")));
}

/* A draft: typing in the form saves through the store; approval is refused
 * with the missing parts named, then accepted once they are filled in. */
static void
test_autosave_and_approval (Fixture       *f,
                            gconstpointer  data)
{
  const char *uuid;
  AimsRecordForm *form;
  GtkWidget *approver, *approve;
  AdwMessageDialog *dialog;
  g_autofree char *text = NULL;
  g_autofree char *undo = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) impacts = NULL;
  const char *body;
  const char * const fields[][2] = {
    { "functions", "Answers questions about policies and claims." },
    { "data_information", "Policy documents and FAQ pages." },
    { "data_quality", "Reviewed by the content team." },
    { "algorithm_information", "A hosted large language model with retrieval." },
    { "deployment_constraints", "No advice on claims decisions." },
    { "thresholds", "none" },
    { "conclusion", "Acceptable with the notice." },
    { "residual_impact", "Low." },
    { "approver_role", "Director of Customer Experience" },
    { "retention", "10 years" },
    { "next_review", "2027-11-10" },
    { "scope", "The chatbot on the website." },
  };

  open_row (f, "SYS-004 Ask Northwind customer chatbot");
  uuid = aims_assessment_view_get_uuid (f->view);
  form = aims_assessment_view_get_form (f->view);
  WAIT_UNTIL (find_named (GTK_WIDGET (form), "approver") != NULL);

  /* Typing saves, as one undoable edit */
  approver = find_named (GTK_WIDGET (form), "approver");
  g_assert_nonnull (approver);
  gtk_editable_set_text (GTK_EDITABLE (approver), "Marcus Lindqvist");
  aims_record_form_flush (form);
  text = get_text (f->store, uuid, "approver");
  g_assert_cmpstr (text, ==, "Marcus Lindqvist");
  undo = aims_store_dup_undo_label (f->store);
  g_assert_nonnull (strstr (undo, "Approver"));

  /* Refused, naming what is missing */
  approve = find_button (GTK_WIDGET (f->view), "_Approve");
  g_assert_nonnull (approve);
  g_signal_emit_by_name (approve, "clicked");
  dialog = find_message_dialog ("Cannot Approve Yet");
  g_assert_nonnull (dialog);
  body = adw_message_dialog_get_body (dialog);
  g_assert_nonnull (strstr (body, "Approval: Approver’s role"));
  g_assert_nonnull (strstr (body, "Impacts: “Customers”: at least one measure"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_clear_pointer (&text, g_free);
  text = get_text (f->store, uuid, "status");
  g_assert_cmpstr (text, ==, "draft");
  g_assert_nonnull (strstr (gtk_label_get_text (aims_assessment_view_get_missing_label (f->view)),
                            "Approver’s role"));
  g_assert_cmpfloat (gtk_progress_bar_get_fraction (aims_assessment_view_get_progress_bar (f->view)),
                     <, 1.0);

  /* Complete it */
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_assert_true (aims_store_update (f->store, "impact_assessment", uuid, fields[i][0],
                                        g_variant_new_string (fields[i][1]), &error));
      g_assert_no_error (error);
    }
  impacts = aims_assessment_dup_impacts (f->store, uuid, &error);
  {
    g_autoptr(GHashTable) values = aims_test_values ("impact", g_variant_new_string (impacts[0]),
                                                     "what", g_variant_new_string ("Notice"),
                                                     "owner", g_variant_new_string ("Elena"),
                                                     NULL);
    g_autofree char *measure = aims_store_insert (f->store, "impact_measure", values, &error);

    g_assert_no_error (error);
  }
  aims_assessment_view_refresh (f->view);
  g_assert_cmpfloat (gtk_progress_bar_get_fraction (aims_assessment_view_get_progress_bar (f->view)),
                     ==, 1.0);

  g_signal_emit_by_name (approve, "clicked");
  g_assert_null (find_message_dialog ("Cannot Approve Yet"));
  g_clear_pointer (&text, g_free);
  text = get_text (f->store, uuid, "status");
  g_assert_cmpstr (text, ==, "approved");

  /* Approved is read-only; a new version is offered */
  g_assert_true (aims_record_form_get_read_only (form));
  g_assert_false (gtk_widget_get_visible (approve));
  g_assert_true (gtk_widget_get_visible (find_button (GTK_WIDGET (f->view), "_New Version")));
}

/* The navigation list shows the sections, the impacts list included, with
 * the parts missing in each. */
static void
test_navigation (Fixture       *f,
                 gconstpointer  data)
{
  GtkStack *stack;

  open_row (f, "SYS-004 Ask Northwind customer chatbot");
  stack = GTK_STACK (gtk_widget_get_parent (GTK_WIDGET (aims_assessment_view_get_form (f->view))));
  g_assert_true (GTK_IS_STACK (stack));

  aims_assessment_view_show_section (f->view, "impacts");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "impacts");
  g_assert_cmpuint (g_list_model_get_n_items (aims_assessment_view_get_impacts (f->view)), ==, 1);

  aims_assessment_view_show_section (f->view, "Approval");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "fields");
}

/* An impact opens in its dialog; "Create Risk from This Impact" adds a
 * register risk for the AI system, listed in the dialog; undo removes it. */
static void
test_create_risk (Fixture       *f,
                  gconstpointer  data)
{
  AimsImpactDialog *dialog;
  GtkWidget *create;
  guint n_risks = aims_store_count (f->store, "risk");
  const char *uuid;
  g_autoptr(GError) error = NULL;

  open_row (f, "SYS-004 Ask Northwind customer chatbot");
  uuid = aims_assessment_view_get_uuid (f->view);

  gtk_widget_activate_action (GTK_WIDGET (f->view), "assessment.add-impact", NULL);
  dialog = aims_assessment_view_get_impact_dialog (f->view);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (aims_record_form_get_table (aims_impact_dialog_get_form (dialog)), ==, "impact");

  /* Not scored yet: refused with a message */
  create = find_button (GTK_WIDGET (dialog), "Create _Risk from This Impact");
  g_assert_nonnull (create);
  g_signal_emit_by_name (create, "clicked");
  g_assert_nonnull (find_message_dialog ("Could Not Create the Risk"));
  gtk_window_destroy (GTK_WINDOW (find_message_dialog ("Could Not Create the Risk")));

  /* Scored in the dialog's form */
  {
    const char *impact = aims_record_form_get_uuid (aims_impact_dialog_get_form (dialog));

    g_assert_true (aims_store_update (f->store, "impact", impact, "severity",
                                      g_variant_new_int64 (3), &error));
    g_assert_true (aims_store_update (f->store, "impact", impact, "likelihood",
                                      g_variant_new_int64 (2), &error));
    g_assert_true (aims_store_update (f->store, "impact", impact, "dimension",
                                      g_variant_new_string ("privacy"), &error));
    g_assert_no_error (error);
  }

  g_signal_emit_by_name (create, "clicked");
  g_assert_cmpuint (aims_store_count (f->store, "risk"), ==, n_risks + 1);
  wait_ms (50);
  g_assert_nonnull (find_descendant_of_type (GTK_WIDGET (dialog), GTK_TYPE_LABEL));

  /* A measure through the dialog */
  {
    GtkWidget *add = find_button (GTK_WIDGET (dialog), "Add _Measure");

    gtk_editable_set_text (GTK_EDITABLE (find_named (GTK_WIDGET (dialog), "new-measure")),
                           "Tell customers they talk to a machine");
    g_signal_emit_by_name (add, "clicked");
    wait_ms (50);
    g_assert_nonnull (gtk_list_box_get_row_at_index (aims_impact_dialog_get_measures (dialog), 0));
  }

  /* Undo the measure and the risk */
  g_assert_true (aims_store_undo (f->store, &error));
  g_assert_true (aims_store_undo (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (aims_store_count (f->store, "risk"), ==, n_risks);
  g_assert_nonnull (uuid);
}

/* The focused control of @dialog, as the GtkEntry (not its inner text) */
static GtkWidget *
focused_entry_or_widget (AimsImpactDialog *dialog)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (dialog));
  GtkWidget *entry = focus != NULL ? gtk_widget_get_ancestor (focus, GTK_TYPE_ENTRY) : NULL;

  return entry != NULL ? entry : focus;
}

/* The control named @name in row @index of the measures */
static GtkWidget *
measure_control (AimsImpactDialog *dialog,
                 int               index,
                 const char       *name)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (aims_impact_dialog_get_measures (dialog),
                                                      index);

  g_assert_nonnull (row);
  return find_named (GTK_WIDGET (row), name);
}

static char *
measure_text (Fixture    *f,
              const char *measure,
              const char *field)
{
  return aims_store_dup_text (f->store, "impact_measure", measure, field, NULL);
}

/* Measures by keyboard: a new one typed and added with Enter (nothing
 * stored without text, no placeholder row); Tab and Enter save a measure
 * and the focus goes on to the next control, never back to the window;
 * removing one leaves the focus in the dialog. */
static void
test_measures_keyboard (Fixture       *f,
                        gconstpointer  data)
{
  AimsImpactDialog *dialog;
  GtkWidget *entry, *add, *problem, *what, *owner, *focus;
  g_auto(GStrv) measures = NULL;
  const char *impact;
  guint before = aims_store_count (f->store, "impact_measure");

  open_row (f, "SYS-004 Ask Northwind customer chatbot");
  gtk_widget_activate_action (GTK_WIDGET (f->view), "assessment.add-impact", NULL);
  dialog = aims_assessment_view_get_impact_dialog (f->view);
  g_assert_nonnull (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  impact = aims_record_form_get_uuid (aims_impact_dialog_get_form (dialog));
  entry = find_named (GTK_WIDGET (dialog), "new-measure");
  problem = find_named (GTK_WIDGET (dialog), "new-measure-problem");
  add = find_button (GTK_WIDGET (dialog), "Add _Measure");
  g_assert_nonnull (entry);
  g_assert_nonnull (problem);
  g_assert_nonnull (add);

  /* Add Measure with nothing typed: no row, no record, and the entry says why */
  g_signal_emit_by_name (add, "clicked");
  g_assert_cmpuint (aims_store_count (f->store, "impact_measure"), ==, before);
  g_assert_null (gtk_list_box_get_row_at_index (aims_impact_dialog_get_measures (dialog), 0));
  g_assert_true (gtk_widget_get_visible (problem));
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  g_assert_true (focused_entry_or_widget (dialog) == entry);

  /* Typed and Enter: one measure with that text; the entry is ready for the next */
  gtk_editable_set_text (GTK_EDITABLE (entry), "  Publish a notice  ");
  g_assert_false (gtk_widget_get_visible (problem));
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpuint (aims_store_count (f->store, "impact_measure"), ==, before + 1);
  measures = aims_assessment_dup_measures (f->store, impact, NULL);
  g_assert_cmpuint (g_strv_length (measures), ==, 1);
  {
    g_autofree char *text = measure_text (f, measures[0], "what");

    g_assert_cmpstr (text, ==, "Publish a notice");
  }
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  g_assert_true (focused_entry_or_widget (dialog) == entry);
  what = measure_control (dialog, 0, "what");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (what)), ==, "Publish a notice");

  /* Edited, then Tab to the owner: saved, and the owner entry has the focus */
  gtk_widget_grab_focus (what);
  gtk_editable_set_text (GTK_EDITABLE (what), "Publish a notice on the website");
  owner = measure_control (dialog, 0, "owner");
  gtk_widget_child_focus (GTK_WIDGET (dialog), GTK_DIR_TAB_FORWARD);
  {
    g_autofree char *text = measure_text (f, measures[0], "what");

    g_assert_cmpstr (text, ==, "Publish a notice on the website");
  }
  focus = focused_entry_or_widget (dialog);
  g_assert_true (focus == owner);
  g_assert_true (gtk_widget_get_root (focus) == GTK_ROOT (dialog));
  g_assert_true (gtk_widget_has_focus (gtk_window_get_focus (GTK_WINDOW (dialog))));

  /* Enter in "what": saved, on to its owner; Enter in the owner: saved, on
   * to the entry for the next measure */
  what = measure_control (dialog, 0, "what");
  gtk_widget_grab_focus (what);
  gtk_editable_set_text (GTK_EDITABLE (what), "Publish a notice in the chat window");
  g_signal_emit_by_name (what, "activate");
  {
    g_autofree char *text = measure_text (f, measures[0], "what");

    g_assert_cmpstr (text, ==, "Publish a notice in the chat window");
  }
  focus = focused_entry_or_widget (dialog);
  g_assert_true (focus == measure_control (dialog, 0, "owner"));
  gtk_editable_set_text (GTK_EDITABLE (focus), "Web team");
  g_signal_emit_by_name (focus, "activate");
  {
    g_autofree char *text = measure_text (f, measures[0], "owner");

    g_assert_cmpstr (text, ==, "Web team");
  }
  g_assert_true (focused_entry_or_widget (dialog) == entry);

  /* Removed with its button: the focus stays in the dialog, on the entry
   * for a new measure since no row is left */
  gtk_widget_grab_focus (measure_control (dialog, 0, "remove"));
  g_signal_emit_by_name (measure_control (dialog, 0, "remove"), "clicked");
  g_assert_cmpuint (aims_store_count (f->store, "impact_measure"), ==, before);
  g_assert_null (gtk_list_box_get_row_at_index (aims_impact_dialog_get_measures (dialog), 0));
  g_assert_true (focused_entry_or_widget (dialog) == entry);
}

/* The SYS-004 draft, completed through the store with a review date far
 * ahead, and approved with the Approve button. */
static void
complete_and_approve (Fixture    *f,
                      const char *uuid)
{
  const char * const fields[][2] = {
    { "functions", "Answers questions about policies and claims." },
    { "data_information", "Policy documents and FAQ pages." },
    { "data_quality", "Reviewed by the content team." },
    { "algorithm_information", "A hosted large language model with retrieval." },
    { "thresholds", "none" },
    { "conclusion", "Acceptable with the notice." },
    { "residual_impact", "Low." },
    { "approver", "Marcus Lindqvist" },
    { "approver_role", "Director of Customer Experience" },
    { "retention", "10 years" },
    { "next_review", "2099-11-10" },
    { "scope", "The chatbot on the website." },
  };
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) impacts = NULL;
  g_autofree char *status = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_assert_true (aims_store_update (f->store, "impact_assessment", uuid, fields[i][0],
                                        g_variant_new_string (fields[i][1]), &error));
      g_assert_no_error (error);
    }

  impacts = aims_assessment_dup_impacts (f->store, uuid, &error);
  g_assert_no_error (error);
  for (guint i = 0; impacts[i] != NULL; i++)
    {
      g_auto(GStrv) measures = aims_assessment_dup_measures (f->store, impacts[i], &error);
      g_autoptr(GHashTable) values = NULL;
      g_autofree char *measure = NULL;

      if (measures[0] != NULL)
        continue;
      values = aims_test_values ("impact", g_variant_new_string (impacts[i]),
                                 "what", g_variant_new_string ("Notice"),
                                 "owner", g_variant_new_string ("Elena"),
                                 NULL);
      measure = aims_store_insert (f->store, "impact_measure", values, &error);
      g_assert_no_error (error);
    }

  gtk_widget_activate_action (GTK_WIDGET (f->view), "assessment.approve", NULL);
  g_assert_null (find_message_dialog ("Cannot Approve Yet"));
  status = get_text (f->store, uuid, "status");
  g_assert_cmpstr (status, ==, "approved");
}

static char *
coverage_text (AimsStore *store)
{
  g_autoptr(GError) error = NULL;
  guint covered = 0, in_scope = 0;

  g_assert_true (aims_coverage_count (store, NULL, &covered, &in_scope, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (in_scope, >, 0);

  return g_strdup_printf ("%u of %u in-scope AI systems (%u %%)", covered, in_scope,
                          (guint) ((100.0 * covered / in_scope) + 0.5));
}

/* The Overview's risk assessment coverage counts the approved assessments:
 * approving one for a system with a risk adds it. */
static void
test_overview_coverage (Fixture       *f,
                        gconstpointer  data)
{
  GtkListBoxRow *row = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *system = NULL;
  g_autofree char *risk = NULL;
  g_autofree char *link = NULL;
  guint covered_before = 0, covered_after = 0;

  collect_of_type (f->window->overview_page, ADW_TYPE_ACTION_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (g_ptr_array_index (rows, i)),
                   "Risk Assessment Coverage") == 0)
      row = g_ptr_array_index (rows, i);
  g_assert_nonnull (row);

  before = coverage_text (f->store);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, before);
  g_assert_true (aims_coverage_count (f->store, NULL, &covered_before, NULL, &error));

  /* The chatbot gets a risk of its own, then its assessment approved */
  open_row (f, "SYS-004 Ask Northwind customer chatbot");
  system = aims_store_dup_text (f->store, "impact_assessment",
                                aims_assessment_view_get_uuid (f->view), "system", NULL);
  {
    g_autoptr(GHashTable) values = aims_test_values ("reference", g_variant_new_string ("R-900"),
                                                     "title", g_variant_new_string ("Wrong answers"),
                                                     "inherent_likelihood", g_variant_new_int64 (2),
                                                     "inherent_impact", g_variant_new_int64 (2),
                                                     NULL);

    risk = aims_store_insert (f->store, "risk", values, &error);
    g_assert_no_error (error);
    link = aims_store_link (f->store, "risk_system", risk, system, &error);
    g_assert_no_error (error);
  }
  complete_and_approve (f, aims_assessment_view_get_uuid (f->view));
  after = coverage_text (f->store);
  g_assert_true (aims_coverage_count (f->store, NULL, &covered_after, NULL, &error));
  g_assert_cmpuint (covered_after, ==, covered_before + 1);

  /* The Overview counts again when it is shown */
  aims_window_show_section (f->window, "overview");
  WAIT_UNTIL (g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), after) == 0);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, after);
}

/* A risk made from an impact lists that impact in its form; the row opens
 * the assessment at its impacts. */
static void
test_risk_lists_impacts (Fixture       *f,
                         gconstpointer  data)
{
  AimsRecordBrowser *browser = AIMS_RECORD_BROWSER (f->window->risks_page);
  AimsRecordForm *form;
  AimsRiskImpacts *group;
  GtkListBox *list;
  GtkWidget *row;
  g_autoptr(GError) error = NULL;
  g_autofree char *impact = NULL;
  g_autofree char *risk = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *uuid = NULL;

  open_row (f, "SYS-004 Ask Northwind customer chatbot");
  uuid = g_strdup (aims_assessment_view_get_uuid (f->view));
  reference = get_text (f->store, uuid, "reference");

  impact = aims_assessment_add_impact (f->store, uuid, &error);
  g_assert_no_error (error);
  g_assert_true (aims_store_update (f->store, "impact", impact, "affected",
                                    g_variant_new_string ("Website visitors"), &error));
  g_assert_true (aims_store_update (f->store, "impact", impact, "dimension",
                                    g_variant_new_string ("privacy"), &error));
  g_assert_true (aims_store_update (f->store, "impact", impact, "severity",
                                    g_variant_new_int64 (3), &error));
  g_assert_true (aims_store_update (f->store, "impact", impact, "likelihood",
                                    g_variant_new_int64 (2), &error));
  g_assert_no_error (error);
  risk = aims_assessment_create_risk (f->store, impact, &error);
  g_assert_no_error (error);

  aims_window_show_section (f->window, "risks");
  aims_record_browser_select (browser, risk);
  /* The group comes after the risk's many rows, built a few at a time */
  WAIT_UNTIL ((form = AIMS_RECORD_FORM (find_descendant_of_type (GTK_WIDGET (browser),
                                                                 AIMS_TYPE_RECORD_FORM))) != NULL &&
              g_strcmp0 (aims_record_form_get_uuid (form), risk) == 0 &&
              find_descendant_of_type (GTK_WIDGET (form), AIMS_TYPE_RISK_IMPACTS) != NULL);
  form = AIMS_RECORD_FORM (find_descendant_of_type (GTK_WIDGET (browser), AIMS_TYPE_RECORD_FORM));
  g_assert_cmpstr (aims_record_form_get_uuid (form), ==, risk);
  group = AIMS_RISK_IMPACTS (find_descendant_of_type (GTK_WIDGET (form), AIMS_TYPE_RISK_IMPACTS));
  g_assert_nonnull (group);
  list = aims_risk_impacts_get_list (group);

  row = GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0));
  g_assert_nonnull (row);
  g_assert_null (gtk_list_box_get_row_at_index (list, 1));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "Website visitors");
  expected = g_strdup_printf ("Harm · Privacy — %s version 1, Ask Northwind customer chatbot "
                              "(Draft)", reference);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, expected);

  /* The row opens the assessment at its impacts, from wherever the
   * section was */
  aims_assessment_view_set_assessment (f->view, NULL, NULL);
  gtk_widget_activate (row);
  g_assert_cmpstr (aims_window_get_visible_section (f->window), ==, "impact");
  g_assert_cmpstr (aims_assessment_view_get_uuid (f->view), ==, uuid);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (
                     GTK_STACK (gtk_widget_get_parent (GTK_WIDGET (aims_assessment_view_get_form (f->view))))),
                   ==, "impacts");

  /* Undo the risk: the list empties */
  aims_window_show_section (f->window, "risks");
  g_assert_true (aims_store_undo (f->store, &error));
  g_assert_no_error (error);
  WAIT_UNTIL (gtk_list_box_get_row_at_index (list, 0) == NULL);
  g_assert_null (gtk_list_box_get_row_at_index (list, 0));
}

/* The list view of the impacts (combo rows hold list views too) */
static GtkWidget *
find_impacts_view (AimsAssessmentView *view)
{
  g_autoptr(GPtrArray) views = g_ptr_array_new ();

  collect_of_type (GTK_WIDGET (view), GTK_TYPE_LIST_VIEW, views);
  for (guint i = 0; i < views->len; i++)
    {
      GtkSelectionModel *model = gtk_list_view_get_model (g_ptr_array_index (views, i));

      if (GTK_IS_NO_SELECTION (model) &&
          gtk_no_selection_get_model (GTK_NO_SELECTION (model)) ==
          aims_assessment_view_get_impacts (view))
        return g_ptr_array_index (views, i);
    }

  return NULL;
}

/* A score from a file made elsewhere that is not a step of the matrix: the
 * impact's form says so under the row; choosing a step clears it. */
static void
test_score_out_of_range (Fixture       *f,
                         gconstpointer  data)
{
  AimsImpactDialog *dialog;
  AimsRecordForm *form;
  GtkWidget *label, *severity;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) impacts = NULL;
  g_autofree char *sql = NULL;
  const char *uuid;

  open_row (f, "SYS-004 Ask Northwind customer chatbot");
  uuid = aims_assessment_view_get_uuid (f->view);
  impacts = aims_assessment_dup_impacts (f->store, uuid, &error);
  g_assert_no_error (error);

  /* The store refuses it, so it comes in behind its back */
  g_assert_false (aims_store_update (f->store, "impact", impacts[0], "severity",
                                     g_variant_new_int64 (9), &error));
  g_assert_error (error, AIMS_RULE_ERROR, AIMS_RULE_ERROR_SCORE_RANGE);
  g_clear_error (&error);
  sql = g_strdup_printf ("UPDATE impact SET severity = 9 WHERE uuid = '%s'", impacts[0]);
  g_assert_cmpint (sqlite3_exec (_aims_store_get_db (f->store), sql, NULL, NULL, NULL), ==,
                   SQLITE_OK);

  aims_assessment_view_show_section (f->view, "impacts");
  g_signal_emit_by_name (find_impacts_view (f->view), "activate", 0);
  dialog = aims_assessment_view_get_impact_dialog (f->view);
  g_assert_nonnull (dialog);
  form = aims_impact_dialog_get_form (dialog);
  WAIT_UNTIL (find_named (GTK_WIDGET (form), "severity-error") != NULL);
  label = find_named (GTK_WIDGET (form), "severity-error");
  severity = find_named (GTK_WIDGET (form), "severity");
  g_assert_nonnull (label);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==,
                   "Severity: 9 is not a step of the risk matrix; choose 1 to 5, "
                   "or 0 for not assessed.");
  g_assert_true (gtk_widget_is_visible (label));
  g_assert_true (gtk_widget_has_css_class (severity, "error"));

  /* Choosing a step stores it and the note goes */
  adw_combo_row_set_selected (ADW_COMBO_ROW (severity), 4);  /* after "Not assessed": 4 */
  {
    g_autoptr(GVariant) value = aims_store_get (f->store, "impact", impacts[0], "severity",
                                                &error);

    g_assert_no_error (error);
    g_assert_cmpint (g_variant_get_int64 (value), ==, 4);
  }
  WAIT_UNTIL (!gtk_widget_is_visible (label));
  g_assert_false (gtk_widget_is_visible (label));
  g_assert_false (gtk_widget_has_css_class (severity, "error"));

  /* And from one step to another: the row keeps working while the store's
   * change reloads it */
  adw_combo_row_set_selected (ADW_COMBO_ROW (severity), 2);
  {
    g_autoptr(GVariant) value = aims_store_get (f->store, "impact", impacts[0], "severity",
                                                &error);

    g_assert_no_error (error);
    g_assert_cmpint (g_variant_get_int64 (value), ==, 2);
  }
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (severity)), ==, 2);
}

/* Not a check: pictures of the impact dialog with a measure, taken from the
 * X server as a person would see them, light, dark and narrow. Registered
 * only with AIMS_SCREENSHOT_DIR set:
 *   AIMS_SCREENSHOT_DIR=/tmp/shots xvfb-run -a -s "-screen 0 1280x1000x24" \
 *     dbus-run-session -- build/tests/test-ui-assessment -p /ui/assessment/screenshots */
static void
test_screenshots (Fixture       *f,
                  gconstpointer  data)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  AimsImpactDialog *dialog;
  GtkWidget *entry;

  g_object_set (gtk_settings_get_default (), "gtk-font-name", "Cantarell 11", NULL);
  open_row (f, "SYS-004 Ask Northwind customer chatbot");
  gtk_widget_activate_action (GTK_WIDGET (f->view), "assessment.add-impact", NULL);
  dialog = aims_assessment_view_get_impact_dialog (f->view);
  g_assert_nonnull (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  entry = find_named (GTK_WIDGET (dialog), "new-measure");
  gtk_editable_set_text (GTK_EDITABLE (entry), "Publish a notice of the chatbot's limits");
  g_signal_emit_by_name (entry, "activate");

  aims_test_save_screenshot (GTK_WIDGET (dialog), "impact-dialog-light.png");
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  WAIT_UNTIL (adw_style_manager_get_dark (manager));
  aims_test_save_screenshot (GTK_WIDGET (dialog), "impact-dialog-dark.png");
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 400, 800);
  aims_test_save_screenshot (GTK_WIDGET (dialog), "impact-dialog-narrow.png");
}

int
main (int   argc,
      char *argv[])
{
  char *home = aims_test_window_init (&argc, &argv);

  if (home == NULL)
    return 0;

#define ADD(path, func) \
  g_test_add ("/ui/assessment/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("list-filters", test_list_filters);
  ADD ("assess-impact", test_assess_impact);
  ADD ("autosave-and-approval", test_autosave_and_approval);
  ADD ("navigation", test_navigation);
  ADD ("create-risk", test_create_risk);
  ADD ("measures-keyboard", test_measures_keyboard);
  ADD ("overview-coverage", test_overview_coverage);
  ADD ("risk-lists-impacts", test_risk_lists_impacts);
  ADD ("score-out-of-range", test_score_out_of_range);
  if (g_getenv ("AIMS_SCREENSHOT_DIR") != NULL)
    ADD ("screenshots", test_screenshots);
#undef ADD

  return aims_test_window_run (home);
}
