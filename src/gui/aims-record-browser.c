/* aims-record-browser.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A register's list and detail: a lazy column view over AimsRecordList with
 * search, facet filters and a count, and the record's form beside it. The
 * same widget shows AI systems, data sets and third parties; what differs is
 * the BrowserSpec below. Searching, filtering and sorting run in the core
 * (SQL), so a keystroke never walks every row here.
 *
 * A new search, filter or order shows its rows from the top: the view is
 * scrolled there first, which also lets the list hand the view's rows over
 * to the new records instead of building new ones (aims-list-changes.c).
 * The selection follows the record, not its row: the list may tell a change
 * in several steps, and a selected record that is still listed afterwards
 * stays selected. */

#define G_LOG_DOMAIN "aims-record-browser"

#include "config.h"

#include <adwaita.h>

#include "aims-record-browser-private.h"

#include "aims-a11y.h"
#include "aims-cell-text.h"
#include "aims-error-dialog.h"
#include "aims-file-chooser.h"
#include "aims-history-window.h"
#include "aims-import-assistant.h"
#include "aims-list-hold.h"
#include "aims-list-limit.h"
#include "aims-record-form.h"
#include "aims-risk-filters.h"
#include "aims-window.h"

#include <glib/gi18n.h>

/* A preparation gives the column view its rows so many per call; GTK 4.8
 * sets up a row of cells for each row it is given up to about this many,
 * and past that sets up no more */
#define ROWS_PER_STEP 50
#define ROWS_SET_UP   200

typedef struct
{
  const char         *table;
  const char         *icon_name;
  const char         *empty_title;
  const char         *empty_description;
  const char         *add_label;
  const char         *new_name;
  const char         *search_placeholder;
  const char * const *columns;
  const char * const *expand_columns;
  const char * const *facets;
} BrowserSpec;

static const char * const system_columns[] = {
  "reference", "name", "business_owner", "lifecycle", "eu_ai_act_category", "criticality",
  "in_scope", "next_review", NULL
};
static const char * const system_facets[] = {
  "lifecycle", "eu_ai_act_category", "business_owner", "in_scope", NULL
};
static const char * const data_set_columns[] = {
  "reference", "name", "purpose", "owner", "personal_data", NULL
};
static const char * const data_set_facets[] = { "purpose", "personal_data", NULL };
static const char * const third_party_columns[] = {
  "reference", "name", "supplies", "due_diligence_status", "criticality", NULL
};
static const char * const third_party_facets[] = {
  "supplies", "due_diligence_status", "criticality", NULL
};
static const char * const risk_columns[] = {
  "reference", "title", "owner", "inherent_level", "residual_level", "treatment", "status",
  "next_review", NULL
};
static const char * const risk_facets[] = {
  "owner", "inherent_level", "residual_level", "treatment", "status", NULL
};
static const char * const incident_columns[] = {
  "reference", "title", "system", "type", "severity", "status", "occurred", NULL
};
static const char * const incident_facets[] = { "type", "severity", "status", NULL };
static const char * const audit_columns[] = {
  "reference", "title", "auditor", "start_date", "status", NULL
};
static const char * const audit_facets[] = { "status", "auditor", NULL };
static const char * const finding_columns[] = {
  "reference", "title", "kind", "severity", "requirement", "status", NULL
};
static const char * const finding_facets[] = { "kind", "severity", "status", NULL };
static const char * const name_column[] = { "name", NULL };
static const char * const title_column[] = { "title", NULL };

static const BrowserSpec specs[] = {
  { "ai_system", "computer-symbolic",
    N_("No AI Systems Yet"),
    N_("Add the AI systems in the scope of your management system. Start with the one "
       "whose failure would hurt people or the business most."),
    N_("_Add AI System"), N_("New AI system"), N_("Search name, identifier, owner or description"),
    system_columns, name_column, system_facets },
  { "data_set", "x-office-spreadsheet-symbolic",
    N_("No Data Sets Yet"),
    N_("Add the data your AI systems are trained, tested and run on, with where it "
       "comes from and what it may contain."),
    N_("_Add Data Set"), N_("New data set"), N_("Search name, identifier, owner or source"),
    data_set_columns, name_column, data_set_facets },
  { "third_party", "system-users-symbolic",
    N_("No Third Parties Yet"),
    N_("Add the vendors and partners that supply models, data, platforms or services "
       "to your AI systems."),
    N_("_Add Third Party"), N_("New third party"), N_("Search name, identifier or what it supplies"),
    third_party_columns, name_column, third_party_facets },
  { "risk", "dialog-warning-symbolic",
    N_("No Risks Yet"),
    N_("Add the risks your AI systems pose, to people, the organisation and society. "
       "Each is scored on the project’s likelihood × impact matrix."),
    N_("_Add Risk"), N_("New risk"), N_("Search title, identifier, owner or description"),
    risk_columns, title_column, risk_facets },
  { "incident", "emblem-important-symbolic",
    N_("No Incidents Recorded"),
    N_("Record what went wrong with an AI system: when it happened, when it was noticed "
       "and fixed, who was affected and which risks it shows to be real."),
    N_("_Record Incident"), N_("New incident"),
    N_("Search title, identifier, description or who is affected"),
    incident_columns, title_column, incident_facets },
  { "audit", "checkbox-checked-symbolic",
    N_("No Audits Yet"),
    N_("Plan the internal audits of your management system: what each covers, who audits "
       "and when. Starting an audit makes its checklist."),
    N_("_Add Audit"), N_("New audit"), N_("Search title, identifier or auditor"),
    audit_columns, title_column, audit_facets },
  { "finding", "dialog-warning-symbolic",
    N_("No Findings Yet"),
    N_("Nonconformities, observations and opportunities for improvement appear here. Raise "
       "them from an audit’s checklist, or add one found another way."),
    N_("_Add Finding"), N_("New finding"), N_("Search title, identifier or requirement"),
    finding_columns, title_column, finding_facets },
};

struct _AimsRecordBrowser
{
  GtkWidget           parent_instance;

  /* Template widgets */
  AdwLeaflet         *leaflet;
  GtkWidget          *list_pane;
  GtkWidget          *detail_pane;
  GtkSearchEntry     *search_entry;
  GtkWidget          *add_button;
  GtkWidget          *list_menu_button;
  GtkFlowBox         *facet_box;
  GtkStack           *list_stack;
  GtkColumnView      *column_view;
  AdwStatusPage      *empty_page;
  GtkWidget          *empty_add_button;
  AdwStatusPage      *no_matches_page;
  GtkLabel           *count_label;
  GtkLabel           *detail_title;
  GtkWidget          *assess_button;
  GtkStack           *detail_stack;
  AimsRecordForm     *form;

  /* Owned references */
  AimsDocument       *document;
  AimsRecordList     *list;
  AimsListHold       *hold;          /* the list as the view sees it */
  AimsListLimit      *rows_given;    /* the hold's rows the view is given: all
                                      * but while a preparation gives its
                                      * first ones a few at a time */
  char               *selected_uuid; /* the record the person selected */
  AimsMatrix         *matrix;  /* the project's: names levels and scores */
  GtkSingleSelection *selection;
  GPtrArray          *facet_dropdowns;
  AimsRiskFilters    *risk_filters;  /* the risk register's: AI system, tolerance, review */
  GSignalGroup       *store_signals;
  GObject            *probe_a;
  GObject            *probe_b;

  const BrowserSpec  *spec;
  const AimsTableInfo *table_info;
  gboolean            list_changing; /* between a list's items-changed and its end */
  gboolean            form_built;    /* the form has its table's rows */
  guint               form_source;   /* builds the empty form once the list is seen */
  gboolean            view_hidden;   /* the column view is hidden from assistive technologies */
};

static void give_all_rows   (AimsRecordBrowser *self);
static void select_position (AimsRecordBrowser *self,
                             guint              position);

enum {
  PROP_0,
  PROP_TABLE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

G_DEFINE_FINAL_TYPE (AimsRecordBrowser, aims_record_browser, GTK_TYPE_WIDGET)

/* Facets: the first entry of each drop-down means "no filter" */

typedef struct
{
  AimsRecordBrowser   *browser;
  const AimsFieldInfo *field;
  GPtrArray           *values;   /* choice id per drop-down position; NULL at 0 */
} Facet;

static void
facet_free (gpointer data)
{
  Facet *facet = data;

  g_clear_pointer (&facet->values, g_ptr_array_unref);
  g_free (facet);
}

static AimsStore *
get_store (AimsRecordBrowser *self)
{
  return self->document != NULL ? aims_document_get_store (self->document) : NULL;
}

/* Every register exports (aims-sheet-export.c); the AI systems' CSV is
 * the inventory export, as before. */
static gboolean
can_export (AimsRecordBrowser *self)
{
  return aims_sheet_table_to_register (self->spec->table) != NULL && get_store (self) != NULL;
}

/* The registers the core imports rows into (aims-import.c), when the
 * project can be written */
static gboolean
can_import (AimsRecordBrowser *self)
{
  const char *name = aims_sheet_table_to_register (self->spec->table);
  gboolean importable = FALSE;

  if (name == NULL || get_store (self) == NULL || aims_document_get_read_only (self->document))
    return FALSE;
  return aims_sheet_register_to_table (name, &importable) != NULL && importable;
}

static char *
display_value (const AimsFieldInfo *field,
               AimsMatrix          *matrix,
               const char          *value)
{
  if (value == NULL || *value == '\0')
    return g_strdup ("");

  /* Levels and scores read as the matrix names them */
  if (field->widget == AIMS_FIELD_WIDGET_LEVEL)
    {
      gint64 level = g_ascii_strtoll (value, NULL, 10);

      if (matrix == NULL || level < 0 || level >= aims_matrix_get_n_levels (matrix))
        return g_strdup (C_("level", "Not assessed"));
      return g_strdup (aims_matrix_get_level_name (matrix, (guint) level));
    }
  if (field->widget == AIMS_FIELD_WIDGET_SCORE)
    {
      AimsMatrixAxis axis = g_str_has_suffix (field->name, "_impact") ? AIMS_MATRIX_IMPACT
                                                                       : AIMS_MATRIX_LIKELIHOOD;
      gint64 score = g_ascii_strtoll (value, NULL, 10);

      if (matrix == NULL || score < 1 || score > aims_matrix_get_n_steps (matrix, axis))
        return g_strdup (C_("score", "Not assessed"));
      return g_strdup (aims_matrix_get_step_label (matrix, axis, (guint) score));
    }

  if (field->widget == AIMS_FIELD_WIDGET_SWITCH)
    {
      if (g_str_equal (field->name, "in_scope"))
        return g_strdup (g_str_equal (value, "0") ? _("Excluded") : _("In scope"));
      return g_strdup (g_str_equal (value, "0") ? _("No") : _("Yes"));
    }

  if (field->widget == AIMS_FIELD_WIDGET_CHOICE)
    return g_strdup (aims_choice_label (field, value));

  return g_strdup (value);
}

static void
update_count (AimsRecordBrowser *self)
{
  guint shown = self->list ? g_list_model_get_n_items (G_LIST_MODEL (self->list)) : 0;
  guint total = self->list ? aims_record_list_get_total (self->list) : 0;
  g_autofree char *text = NULL;

  AimsRiskScore score;
  guint likelihood, impact;

  /* Translators: records shown after search and filters, of all records */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u shown", "%u of %u shown", total),
                          shown, total);

  /* A heatmap cell is a filter with no drop-down of its own: say it */
  if (self->list != NULL && self->matrix != NULL &&
      aims_record_list_get_cell (self->list, &score, &likelihood, &impact))
    {
      g_autofree char *with_cell = NULL;

      /* Translators: "3 of 40 shown", then the heatmap cell the register is
       * narrowed to: "Likely × Major, inherent" */
      with_cell = g_strdup_printf (score == AIMS_RISK_INHERENT ? _("%s · cell %s × %s, inherent")
                                                               : _("%s · cell %s × %s, residual"),
                                   text,
                                   aims_matrix_get_step_label (self->matrix, AIMS_MATRIX_LIKELIHOOD, likelihood),
                                   aims_matrix_get_step_label (self->matrix, AIMS_MATRIX_IMPACT, impact));
      g_free (text);
      text = g_steal_pointer (&with_cell);
    }
  gtk_label_set_label (self->count_label, text);

  /* Filters of an empty register would only be noise */
  gtk_widget_set_visible (GTK_WIDGET (self->facet_box), total > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->count_label), total > 0);

  if (total == 0)
    gtk_stack_set_visible_child_name (self->list_stack, "empty");
  else if (shown == 0)
    gtk_stack_set_visible_child_name (self->list_stack, "no-matches");
  else
    gtk_stack_set_visible_child_name (self->list_stack, "list");

  /* The view behind "No Results" keeps the rows it had (aims-list-hold.c):
   * they are not there for assistive technologies either */
  if (self->view_hidden != (shown == 0))
    {
      self->view_hidden = shown == 0;
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->column_view),
                                   GTK_ACCESSIBLE_STATE_HIDDEN, self->view_hidden,
                                   -1);
    }
}

/* The form with no record. A browser never shown (a hidden tab or section)
 * leaves it without rows until it is: its dozens of rows would be measured
 * with the page around it, which costs the list on screen its first frame. */
static void
clear_form (AimsRecordBrowser *self)
{
  if (!self->form_built && !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  /* Already empty: every change of the list ends here while nothing is
   * selected, and emptying the form again would set each of its fields and
   * have the page measured anew, for each keystroke of a search */
  if (self->form_built && aims_record_form_get_uuid (self->form) == NULL &&
      aims_record_form_get_store (self->form) == NULL)
    return;

  aims_record_form_set_record (self->form, NULL, self->spec->table, NULL);
  self->form_built = TRUE;
}

static void
update_detail (AimsRecordBrowser *self)
{
  AimsRecord *record = gtk_single_selection_get_selected_item (self->selection);
  gboolean writable = self->document != NULL && !aims_document_get_read_only (self->document);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "browser.add", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "browser.duplicate", writable && record != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "browser.delete", writable && record != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "browser.history", record != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "browser.assess-impact", record != NULL);
  gtk_widget_set_visible (self->assess_button, g_str_equal (self->spec->table, "ai_system"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "browser.export", can_export (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "browser.export-xlsx", can_export (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "browser.import", can_import (self));

  if (record == NULL)
    {
      clear_form (self);
      gtk_label_set_label (self->detail_title, "");
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      return;
    }

  {
    g_autofree char *name = aims_record_dup_text (record, self->table_info->title_field);
    g_autofree char *reference = aims_record_dup_text (record, "reference");
    g_autofree char *title = g_strdup_printf ("%s · %s", reference, name);

    gtk_label_set_label (self->detail_title, title);
  }

  if (g_strcmp0 (aims_record_form_get_uuid (self->form), aims_record_get_uuid (record)) != 0)
    {
      aims_record_form_set_record (self->form, get_store (self), self->spec->table,
                                   aims_record_get_uuid (record));
      self->form_built = TRUE;
    }
  g_object_set (self->form, "read-only", !writable, NULL);
  gtk_stack_set_visible_child_name (self->detail_stack, "form");
}

static void
remember_selection (AimsRecordBrowser *self)
{
  AimsRecord *record = gtk_single_selection_get_selected_item (self->selection);

  g_free (self->selected_uuid);
  self->selected_uuid = record != NULL ? g_strdup (aims_record_get_uuid (record)) : NULL;
}

static void
on_selection_changed_cb (AimsRecordBrowser *self)
{
  /* The selection model lets go of a record whose row is removed, even if
   * the list puts it back in a later step: wait for the end */
  if (self->list_changing)
    return;

  remember_selection (self);
  update_detail (self);
}

/* Before the selection model hears of the change */
static void
on_list_items_changed_cb (AimsRecordBrowser *self)
{
  self->list_changing = TRUE;
}

static void
scroll_to (AimsRecordBrowser *self,
           guint              position);

/* After: the selected record, if still listed, is selected again; once the
 * last step of the change is told, the selection and the detail are what
 * the change left */
static void
on_list_items_changed_after_cb (AimsRecordBrowser *self,
                                guint              position,
                                guint              removed,
                                guint              added)
{
  /* A new query's rows went in front of the old ones, which the view
   * still shows (aims-list-changes.c): back to the top, where a new query
   * is shown and where the new rows take the old rows' widgets, before the
   * old rows go. (Only a new query has a step that adds rows and more to
   * come.) */
  if (removed == 0 && added > 0 && aims_record_list_has_more_steps (self->list))
    scroll_to (self, 0);

  /* Nothing listed: the rows the hidden view keeps (aims-list-hold.c) are
   * not there to be chosen */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->list)) == 0 &&
      gtk_single_selection_get_selected (self->selection) != GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);

  if (gtk_single_selection_get_selected_item (self->selection) == NULL &&
      self->selected_uuid != NULL)
    {
      guint found = aims_record_list_find (self->list, self->selected_uuid);

      if (found != G_MAXUINT)
        select_position (self, found);
    }

  if (aims_record_list_has_more_steps (self->list))
    return;

  self->list_changing = FALSE;
  remember_selection (self);
  update_count (self);
  update_detail (self);
}

/* The column view's inner list view holds the scroll actions (GTK 4.8 has
 * no gtk_column_view_scroll_to()) */
static void
scroll_to (AimsRecordBrowser *self,
           guint              position)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_VIEW (child))
        gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
    }
}

/* The list has rows again after none: the view goes to the top, where they
 * take the widgets of the rows it kept (aims-list-hold.c) */
static void
on_rows_in_front_cb (AimsRecordBrowser *self)
{
  scroll_to (self, 0);
}

/* Before a new search, filter or order: its rows are shown from the top */
static void
scroll_to_top (AimsRecordBrowser *self)
{
  if (self->list != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->list)) > 0)
    scroll_to (self, 0);
}

static void
reload_owner_facets (AimsRecordBrowser *self);
static void
reload_matrix (AimsRecordBrowser *self);

static void
on_store_changed_cb (AimsRecordBrowser *self,
                     const char        *table,
                     const char        *uuid,
                     AimsStore         *store)
{
  if (g_strcmp0 (table, self->spec->table) == 0)
    reload_owner_facets (self);
  else if (g_strcmp0 (table, "project") == 0)
    reload_matrix (self);
}

/* Cells */

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  const AimsFieldInfo *field = user_data;
  GtkWidget *cell = aims_cell_text_new ();
  gboolean is_name = g_str_equal (field->name, "name") || g_str_equal (field->name, "title");

  /* Names are what people scan for: give them room before other columns.
   * The cell's size does not follow its text (aims-cell-text.c), so rows
   * coming and going cost the column view no measuring of text. */
  aims_cell_text_set_chars (AIMS_CELL_TEXT (cell), is_name ? 16 : 6, is_name ? 30 : 14);
  gtk_list_item_set_child (item, cell);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  const AimsFieldInfo *field = user_data;
  AimsRecord *record = gtk_list_item_get_item (item);
  g_autofree char *raw = aims_record_dup_text (record, field->name);
  AimsRecordBrowser *self = g_object_get_data (G_OBJECT (factory), "browser");
  g_autofree char *text = NULL;

  /* An AI system by its name; only the rows on screen look it up */
  if (field->widget == AIMS_FIELD_WIDGET_AI_SYSTEM && raw != NULL && raw[0] != '\0' &&
      self != NULL && get_store (self) != NULL)
    text = aims_store_dup_text (get_store (self), "ai_system", raw, "name", NULL);
  if (text == NULL)
    text = display_value (field, self ? self->matrix : NULL, raw);

  aims_cell_text_set_text (AIMS_CELL_TEXT (gtk_list_item_get_child (item)), text);
}

/* Sorting. GTK 4.8 cannot tell which column a GtkColumnViewSorter sorts by
 * (gtk_column_view_sorter_get_primary_sort_column() is 4.10), and sorting in
 * GTK would load every row. So each column's sorter only reports its field
 * when consulted, and asking the column view's sorter to compare two probe
 * objects tells the primary column and its direction; the core then sorts in
 * SQL. */

static const char *probe_field;

static int
probe_compare_cb (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  if (probe_field == NULL)
    probe_field = user_data;

  return GTK_ORDERING_SMALLER;
}

static void
on_sorter_changed_cb (AimsRecordBrowser *self,
                      GtkSorterChange    change,
                      GtkSorter         *sorter)
{
  GtkOrdering order;

  if (self->list == NULL)
    return;

  scroll_to_top (self);
  probe_field = NULL;
  order = gtk_sorter_compare (sorter, self->probe_a, self->probe_b);

  if (order == GTK_ORDERING_EQUAL || probe_field == NULL)
    aims_record_list_set_sort (self->list, NULL, FALSE);
  else
    aims_record_list_set_sort (self->list, probe_field, order == GTK_ORDERING_LARGER);
}

static void
build_columns (AimsRecordBrowser *self)
{
  for (guint i = 0; self->spec->columns[i] != NULL; i++)
    {
      const AimsFieldInfo *field = aims_table_info_lookup_field (self->table_info, self->spec->columns[i]);
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;
      g_autoptr(GtkSorter) sorter = NULL;

      g_assert (field != NULL);

      g_object_set_data (G_OBJECT (factory), "browser", self);
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), (gpointer)field);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), (gpointer)field);

      column = gtk_column_view_column_new (_(field->label), g_object_ref (factory));
      sorter = GTK_SORTER (gtk_custom_sorter_new (probe_compare_cb, (gpointer)field->name, NULL));
      gtk_column_view_column_set_sorter (column, sorter);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_expand (column, g_strv_contains (self->spec->expand_columns, field->name));
      gtk_column_view_append_column (self->column_view, column);
    }

  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (on_sorter_changed_cb), self, G_CONNECT_SWAPPED);
}

/* Facets */

static void
on_facet_selected_cb (GtkDropDown       *dropdown,
                      GParamSpec        *pspec,
                      AimsRecordBrowser *self)
{
  Facet *facet = g_object_get_data (G_OBJECT (dropdown), "facet");
  guint position = gtk_drop_down_get_selected (dropdown);
  const char *value = NULL;

  if (self->list == NULL)
    return;

  if (position != GTK_INVALID_LIST_POSITION && position < facet->values->len)
    value = g_ptr_array_index (facet->values, position);

  scroll_to_top (self);
  aims_record_list_set_filter (self->list, facet->field->name, value);
}

static void
fill_facet (GtkDropDown *dropdown)
{
  Facet *facet = g_object_get_data (G_OBJECT (dropdown), "facet");
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);

  /* Position 0 is "any": the field's own name, as the placeholder */
  gtk_string_list_append (strings, _(facet->field->label));
  for (guint i = 1; i < facet->values->len; i++)
    {
      const char *id = g_ptr_array_index (facet->values, i);
      g_autofree char *label = display_value (facet->field, facet->browser->matrix, id);

      gtk_string_list_append (strings, label);
    }

  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (strings));
}

static GtkWidget *
create_facet (AimsRecordBrowser   *self,
              const AimsFieldInfo *field)
{
  Facet *facet = g_new0 (Facet, 1);
  GtkWidget *dropdown = gtk_drop_down_new (NULL, NULL);

  facet->browser = self;
  facet->field = field;
  facet->values = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (facet->values, NULL);

  if (field->widget == AIMS_FIELD_WIDGET_SWITCH)
    {
      g_ptr_array_add (facet->values, g_strdup ("1"));
      g_ptr_array_add (facet->values, g_strdup ("0"));
    }
  else
    {
      for (guint i = 0; i < field->n_choices; i++)
        g_ptr_array_add (facet->values, g_strdup (field->choice_list[i].id));
    }

  g_object_set_data_full (G_OBJECT (dropdown), "facet", facet, facet_free);
  fill_facet (GTK_DROP_DOWN (dropdown));

  gtk_widget_set_tooltip_text (dropdown, _(field->label));
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(field->label),
                                  -1);
  g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (on_facet_selected_cb), self, 0);

  return dropdown;
}

/* Free-text facets (owners) take their values from the records themselves */
static void
reload_owner_facets (AimsRecordBrowser *self)
{
  if (self->list == NULL)
    return;

  for (guint i = 0; i < self->facet_dropdowns->len; i++)
    {
      GtkDropDown *dropdown = g_ptr_array_index (self->facet_dropdowns, i);
      Facet *facet = g_object_get_data (G_OBJECT (dropdown), "facet");
      g_autoptr(GPtrArray) values = NULL;
      const char *selected = NULL;
      guint position = 0;

      if (facet->field->widget != AIMS_FIELD_WIDGET_ENTRY)
        continue;

      if (gtk_drop_down_get_selected (dropdown) < facet->values->len)
        selected = g_ptr_array_index (facet->values, gtk_drop_down_get_selected (dropdown));

      values = aims_record_list_dup_facet_values (self->list, facet->field->name);
      g_ptr_array_set_size (facet->values, 1);
      for (guint j = 0; j < values->len; j++)
        {
          const char *value = g_ptr_array_index (values, j);

          if (value == NULL || *value == '\0')
            continue;
          g_ptr_array_add (facet->values, g_strdup (value));
          if (g_strcmp0 (value, selected) == 0)
            position = facet->values->len - 1;
        }

      g_signal_handlers_block_by_func (dropdown, on_facet_selected_cb, self);
      fill_facet (dropdown);
      gtk_drop_down_set_selected (dropdown, position);
      g_signal_handlers_unblock_by_func (dropdown, on_facet_selected_cb, self);
    }
}

/* Level facets offer the matrix's levels; the matrix travels with the
 * project and may change while it is open */
static void
reload_matrix (AimsRecordBrowser *self)
{
  AimsStore *store = self->document ? aims_document_get_store (self->document) : NULL;

  g_clear_object (&self->matrix);
  if (store != NULL && aims_table_info_lookup_field (self->table_info, "inherent_level") != NULL)
    self->matrix = aims_store_dup_matrix (store);

  for (guint i = 0; i < self->facet_dropdowns->len; i++)
    {
      GtkDropDown *dropdown = g_ptr_array_index (self->facet_dropdowns, i);
      Facet *facet = g_object_get_data (G_OBJECT (dropdown), "facet");

      if (facet->field->widget != AIMS_FIELD_WIDGET_LEVEL)
        continue;

      g_ptr_array_set_size (facet->values, 1);
      for (guint level = 0; self->matrix != NULL && level < aims_matrix_get_n_levels (self->matrix); level++)
        g_ptr_array_add (facet->values, g_strdup_printf ("%u", level));

      g_signal_handlers_block_by_func (dropdown, on_facet_selected_cb, self);
      fill_facet (dropdown);
      gtk_drop_down_set_selected (dropdown, 0);
      g_signal_handlers_unblock_by_func (dropdown, on_facet_selected_cb, self);
    }
}

static void
build_facets (AimsRecordBrowser *self)
{
  for (guint i = 0; self->spec->facets[i] != NULL; i++)
    {
      const AimsFieldInfo *field = aims_table_info_lookup_field (self->table_info, self->spec->facets[i]);
      GtkWidget *dropdown;

      g_assert (field != NULL);
      dropdown = create_facet (self, field);
      g_ptr_array_add (self->facet_dropdowns, dropdown);
      gtk_flow_box_append (self->facet_box, dropdown);
    }
}

static void
clear_filters (AimsRecordBrowser *self)
{
  /* One query for all of them */
  if (self->list != NULL)
    aims_record_list_begin_update (self->list);

  scroll_to_top (self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  for (guint i = 0; i < self->facet_dropdowns->len; i++)
    gtk_drop_down_set_selected (g_ptr_array_index (self->facet_dropdowns, i), 0);
  if (self->risk_filters != NULL)
    aims_risk_filters_clear (self->risk_filters);
  /* What a heatmap cell brought along (aims_record_browser_show_cell()) */
  if (self->list != NULL && g_str_equal (self->spec->table, "risk"))
    {
      aims_record_list_set_linked_to (self->list, NULL, NULL);
      aims_record_list_set_filter (self->list, "owner", NULL);
      aims_record_list_set_filter (self->list, "objectives", NULL);
    }
  if (self->list != NULL && aims_record_list_get_cell (self->list, NULL, NULL, NULL))
    aims_record_list_set_cell (self->list, AIMS_RISK_INHERENT, 0, 0);
  if (self->list != NULL)
    aims_record_list_end_update (self->list);
  update_count (self);
}

/* Callbacks */

static void
on_search_changed_cb (AimsRecordBrowser *self,
                      GtkSearchEntry    *entry)
{
  if (self->list != NULL)
    {
      scroll_to_top (self);
      aims_record_list_set_search (self->list, gtk_editable_get_text (GTK_EDITABLE (entry)));
    }
}

static void
on_stop_search_cb (AimsRecordBrowser *self,
                   GtkSearchEntry    *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
show_detail (AimsRecordBrowser *self)
{
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->detail_pane);
  gtk_widget_child_focus (GTK_WIDGET (self->form), GTK_DIR_TAB_FORWARD);
}

static void
on_column_view_activate_cb (AimsRecordBrowser *self,
                            guint              position,
                            GtkColumnView     *view)
{
  gtk_single_selection_set_selected (self->selection, position);
  show_detail (self);
}

/* Actions */

/* A new risk starts unassessed in every way but the two scores its table
 * requires: it is put in the matrix's lowest cell and marked "identified",
 * so it counts nowhere as treated or accepted until someone scores it. */
static void
add_starting_values (AimsRecordBrowser *self,
                     AimsStore         *store,
                     GHashTable        *values)
{
  if (!g_str_equal (self->spec->table, "risk"))
    return;

  g_hash_table_insert (values, (gpointer)"inherent_likelihood", g_variant_ref_sink (g_variant_new_int64 (1)));
  g_hash_table_insert (values, (gpointer)"inherent_impact", g_variant_ref_sink (g_variant_new_int64 (1)));
}

static void
browser_add_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  AimsRecordBrowser *self = AIMS_RECORD_BROWSER (widget);
  AimsStore *store = get_store (self);
  g_autoptr(GHashTable) values = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *uuid = NULL;

  if (store == NULL)
    return;

  /* The new record must be visible to be edited */
  clear_filters (self);

  reference = aims_store_next_reference (store, self->spec->table);
  values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify)g_variant_unref);
  g_hash_table_insert (values, (gpointer)"reference", g_variant_ref_sink (g_variant_new_string (reference)));
  g_hash_table_insert (values, (gpointer)self->table_info->title_field,
                       g_variant_ref_sink (g_variant_new_string (_(self->spec->new_name))));
  add_starting_values (self, store, values);

  if (!(uuid = aims_store_insert (store, self->spec->table, values, &error)))
    {
      GtkWidget *window = gtk_widget_get_ancestor (widget, AIMS_TYPE_WINDOW);
      g_autoptr(AdwToast) toast = adw_toast_new (error->message);

      if (window != NULL)
        aims_window_add_toast (AIMS_WINDOW (window), g_steal_pointer (&toast));
      return;
    }

  aims_record_browser_select (self, uuid);
  show_detail (self);
}

static void
browser_duplicate_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  AimsRecordBrowser *self = AIMS_RECORD_BROWSER (widget);
  const char *uuid = aims_record_browser_get_selected (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *copy = NULL;

  if (uuid == NULL || get_store (self) == NULL)
    return;

  aims_record_form_flush (self->form);
  clear_filters (self);
  if (!(copy = aims_store_duplicate (get_store (self), self->spec->table, uuid, &error)))
    {
      GtkWidget *window = gtk_widget_get_ancestor (widget, AIMS_TYPE_WINDOW);

      if (window != NULL)
        aims_window_add_toast (AIMS_WINDOW (window), adw_toast_new (error->message));
      return;
    }

  aims_record_browser_select (self, copy);
}

static void
browser_delete_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  AimsRecordBrowser *self = AIMS_RECORD_BROWSER (widget);
  AimsRecord *record = gtk_single_selection_get_selected_item (self->selection);
  GtkWidget *window = gtk_widget_get_ancestor (widget, AIMS_TYPE_WINDOW);
  g_autofree char *name = NULL;
  g_autofree char *description = NULL;
  g_autofree char *uuid = NULL;
  guint position;

  if (record == NULL || window == NULL)
    return;

  aims_record_form_flush (self->form);
  name = aims_record_dup_text (record, self->table_info->title_field);
  uuid = g_strdup (aims_record_get_uuid (record));
  position = gtk_single_selection_get_selected (self->selection);
  /* Translators: what was deleted, e.g. AI system “Claims triage” */
  description = g_strdup_printf (_("%s “%s”"), _(self->table_info->noun), name);

  if (aims_window_delete_record (AIMS_WINDOW (window), self->spec->table, uuid, description))
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->list));

      /* Keep the keyboard where it was: select the row that took its place */
      if (n > 0)
        select_position (self, MIN (position, n - 1));
    }
}

static void
browser_back_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  AimsRecordBrowser *self = AIMS_RECORD_BROWSER (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
}

static void
browser_clear_filters_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *param)
{
  clear_filters (AIMS_RECORD_BROWSER (widget));
}

static void
browser_search_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  aims_record_browser_focus_search (AIMS_RECORD_BROWSER (widget));
}

/* An AI system's impact assessment opens in its own section (the window's) */
static void
browser_assess_impact_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *param)
{
  AimsRecordBrowser *self = AIMS_RECORD_BROWSER (widget);
  AimsRecord *record = gtk_single_selection_get_selected_item (self->selection);

  if (record == NULL)
    return;

  aims_record_form_flush (self->form);
  gtk_widget_activate_action (widget, "win.assess-impact", "s", aims_record_get_uuid (record));
}

static void
browser_history_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  AimsRecordBrowser *self = AIMS_RECORD_BROWSER (widget);
  AimsRecord *record = gtk_single_selection_get_selected_item (self->selection);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *history;

  if (record == NULL || get_store (self) == NULL)
    return;

  aims_record_form_flush (self->form);
  history = aims_history_window_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                     get_store (self), aims_record_get_uuid (record),
                                     gtk_label_get_label (self->detail_title));
  gtk_window_present (GTK_WINDOW (history));
}

/* “<organisation> AI systems.csv” (or “<organisation> risks.xlsx”), with
 * the project's title for an organisation not filled in yet */
static char *
dup_export_name (AimsRecordBrowser *self,
                 const char        *extension)
{
  AimsStore *store = get_store (self);
  g_autofree char *project = aims_store_dup_project_uuid (store);
  g_autofree char *organisation = NULL;

  if (project != NULL)
    organisation = aims_store_dup_text (store, "project", project, "organisation", NULL);
  if (organisation == NULL || *g_strstrip (organisation) == '\0')
    {
      g_free (organisation);
      organisation = g_strdup (aims_document_get_title (self->document));
    }

  /* A name, not a path */
  g_strdelimit (organisation, G_DIR_SEPARATOR_S, '-');

  if (g_str_equal (self->spec->table, "ai_system") && g_str_equal (extension, "csv"))
    /* Translators: the file name offered when exporting the inventory, e.g.
     * “Northwind Mutual Insurance AI systems.csv”; keep the .csv */
    return g_strdup_printf (_("%s AI systems.csv"), organisation);

  /* Translators: the file name offered when exporting a register, e.g.
   * “Northwind Mutual Insurance risks.xlsx”: organisation, register, extension */
  return g_strdup_printf (_("%s %s.%s"), organisation,
                          aims_sheet_table_to_register (self->spec->table), extension);
}

static void
on_export_chosen_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(AimsRecordBrowser) self = user_data;
  g_autoptr(GFile) file = NULL;

  /* Cancelling is not an error */
  if (!(file = aims_file_chooser_finish (result, NULL)))
    return;

  _aims_record_browser_export_to_file (self, file);
}

/* browser.export (CSV) and browser.export-xlsx */
static void
browser_export_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  AimsRecordBrowser *self = AIMS_RECORD_BROWSER (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  gboolean xlsx = g_str_equal (action_name, "browser.export-xlsx");
  g_autoptr(GFile) folder = NULL;
  g_autofree char *name = NULL;
  GFile *project;

  if (!can_export (self))
    return;

  if ((project = aims_document_get_file (self->document)) != NULL)
    folder = g_file_get_parent (project);
  name = dup_export_name (self, xlsx ? "xlsx" : "csv");

  if (g_str_equal (self->spec->table, "ai_system"))
    aims_file_chooser_save_export_async (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         _("Export AI Systems"), folder, name,
                                         xlsx ? "xlsx" : "csv",
                                         on_export_chosen_cb, g_object_ref (self));
  else
    aims_file_chooser_save_export_async (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         _("Export Register"), folder, name,
                                         xlsx ? "xlsx" : "csv",
                                         on_export_chosen_cb, g_object_ref (self));
}

/* browser.import: the import assistant for this register */
static void
browser_import_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  AimsRecordBrowser *self = AIMS_RECORD_BROWSER (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *assistant;

  if (!can_import (self))
    return;

  assistant = aims_import_assistant_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         get_store (self), self->spec->table);
  gtk_window_present (GTK_WINDOW (assistant));
}

/* A linked record in the form: the window shows it in its own section */
static void
on_form_open_record_cb (AimsRecordBrowser *self,
                        const char        *table,
                        const char        *uuid)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-record", "(ss)", table, uuid);
}

/* GObject */

static void
aims_record_browser_constructed (GObject *object)
{
  AimsRecordBrowser *self = AIMS_RECORD_BROWSER (object);
  GtkWidget *label;

  G_OBJECT_CLASS (aims_record_browser_parent_class)->constructed (object);

  g_assert (self->spec != NULL);
  self->table_info = aims_schema_lookup_table (self->spec->table);
  g_assert (self->table_info != NULL);

  adw_status_page_set_icon_name (self->empty_page, self->spec->icon_name);
  adw_status_page_set_title (self->empty_page, _(self->spec->empty_title));
  adw_status_page_set_description (self->empty_page, _(self->spec->empty_description));
  label = gtk_label_new_with_mnemonic (_(self->spec->add_label));
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), self->empty_add_button);
  gtk_button_set_child (GTK_BUTTON (self->empty_add_button), label);
  adw_status_page_set_title (self->no_matches_page, _("No Matches"));

  {
    /* "_Add AI System" → "Add AI System" for the icon button's name */
    g_autoptr(GString) name = g_string_new (NULL);

    for (const char *p = _(self->spec->add_label); *p; p++)
      if (*p != '_')
        g_string_append_c (name, *p);
    gtk_widget_set_tooltip_text (self->add_button, name->str);
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_button),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, name->str, -1);
  }

  gtk_widget_set_visible (self->list_menu_button,
                          aims_sheet_table_to_register (self->spec->table) != NULL);

  /* gtk_search_entry_set_placeholder_text() is GTK 4.10; the property is older */
  g_object_set (self->search_entry, "placeholder-text", _(self->spec->search_placeholder), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search"), -1);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->column_view));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->column_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(self->table_info->noun), -1);

  build_columns (self);
  build_facets (self);
  if (g_str_equal (self->spec->table, "risk"))
    {
      self->risk_filters = aims_risk_filters_new ();
      aims_risk_filters_add_to (self->risk_filters, self->facet_box);
    }
  g_signal_connect_object (self->form, "open-record", G_CALLBACK (on_form_open_record_cb), self,
                           G_CONNECT_SWAPPED);
  update_count (self);
  update_detail (self);
}

static void
aims_record_browser_dispose (GObject *object)
{
  AimsRecordBrowser *self = AIMS_RECORD_BROWSER (object);

  if (self->store_signals != NULL)
    g_signal_group_set_target (self->store_signals, NULL);
  g_clear_object (&self->store_signals);
  g_clear_handle_id (&self->form_source, g_source_remove);

  /* Stop listening before the template goes: tearing down the column view
   * and selection must not reach handlers that update template widgets */
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);
  if (self->hold != NULL)
    g_signal_handlers_disconnect_by_data (self->hold, self);
  if (self->column_view != NULL)
    g_signal_handlers_disconnect_by_data (gtk_column_view_get_sorter (self->column_view), self);

  gtk_widget_dispose_template (GTK_WIDGET (self), AIMS_TYPE_RECORD_BROWSER);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_first_child (GTK_WIDGET (self)))
    gtk_widget_unparent (child);

  g_clear_object (&self->selection);
  g_clear_object (&self->rows_given);
  g_clear_object (&self->hold);
  g_clear_object (&self->list);
  g_clear_pointer (&self->selected_uuid, g_free);
  g_clear_object (&self->matrix);
  g_clear_object (&self->document);
  g_clear_object (&self->probe_a);
  g_clear_object (&self->probe_b);
  g_clear_pointer (&self->facet_dropdowns, g_ptr_array_unref);
  g_clear_object (&self->risk_filters);

  G_OBJECT_CLASS (aims_record_browser_parent_class)->dispose (object);
}

static void
aims_record_browser_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AimsRecordBrowser *self = AIMS_RECORD_BROWSER (object);

  switch (prop_id)
    {
    case PROP_TABLE:
      g_value_set_string (value, self->spec ? self->spec->table : NULL);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aims_record_browser_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  AimsRecordBrowser *self = AIMS_RECORD_BROWSER (object);

  switch (prop_id)
    {
    case PROP_TABLE:
      for (guint i = 0; i < G_N_ELEMENTS (specs); i++)
        if (g_strcmp0 (specs[i].table, g_value_get_string (value)) == 0)
          self->spec = &specs[i];
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
build_empty_form_cb (gpointer data)
{
  AimsRecordBrowser *self = data;

  self->form_source = 0;
  if (!self->form_built && gtk_widget_get_mapped (GTK_WIDGET (self)))
    clear_form (self);

  return G_SOURCE_REMOVE;
}

/* GTK 4.8's list views set up some 200 rows for any model they are given,
 * shown or not, and measure them whenever their parent is measured: a
 * register in a hidden tab or section would cost as much as the one on
 * screen. The column view gets its model when the browser is first shown,
 * before its children are mapped, and keeps it. */
static void
aims_record_browser_map (GtkWidget *widget)
{
  AimsRecordBrowser *self = AIMS_RECORD_BROWSER (widget);

  give_all_rows (self);

  GTK_WIDGET_CLASS (aims_record_browser_parent_class)->map (widget);

  /* The empty form, now that the browser is seen, but after the frame
   * that first shows its list: the form stays hidden until a record is
   * chosen, and its dozens of rows, built and measured, would hold that
   * frame back (clear_form()) */
  if (!self->form_built && self->form_source == 0)
    self->form_source = g_idle_add_full (G_PRIORITY_LOW, build_empty_form_cb, self, NULL);
}

static void
aims_record_browser_class_init (AimsRecordBrowserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = aims_record_browser_constructed;
  object_class->dispose = aims_record_browser_dispose;
  object_class->get_property = aims_record_browser_get_property;
  object_class->set_property = aims_record_browser_set_property;
  widget_class->map = aims_record_browser_map;

  properties [PROP_TABLE] =
    g_param_spec_string ("table", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (AIMS_TYPE_RECORD_FORM);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/aims-record-browser.ui");
  gtk_widget_class_bind_template_child (widget_class, AimsRecordBrowser, leaflet);
  gtk_widget_class_bind_template_child (widget_class, AimsRecordBrowser, list_pane);
  gtk_widget_class_bind_template_child (widget_class, AimsRecordBrowser, detail_pane);
  gtk_widget_class_bind_template_child (widget_class, AimsRecordBrowser, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AimsRecordBrowser, add_button);
  gtk_widget_class_bind_template_child (widget_class, AimsRecordBrowser, list_menu_button);
  gtk_widget_class_bind_template_child (widget_class, AimsRecordBrowser, facet_box);
  gtk_widget_class_bind_template_child (widget_class, AimsRecordBrowser, list_stack);
  gtk_widget_class_bind_template_child (widget_class, AimsRecordBrowser, column_view);
  gtk_widget_class_bind_template_child (widget_class, AimsRecordBrowser, empty_page);
  gtk_widget_class_bind_template_child (widget_class, AimsRecordBrowser, empty_add_button);
  gtk_widget_class_bind_template_child (widget_class, AimsRecordBrowser, no_matches_page);
  gtk_widget_class_bind_template_child (widget_class, AimsRecordBrowser, count_label);
  gtk_widget_class_bind_template_child (widget_class, AimsRecordBrowser, detail_title);
  gtk_widget_class_bind_template_child (widget_class, AimsRecordBrowser, assess_button);
  gtk_widget_class_bind_template_child (widget_class, AimsRecordBrowser, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, AimsRecordBrowser, form);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_column_view_activate_cb);

  gtk_widget_class_install_action (widget_class, "browser.add", NULL, browser_add_action);
  gtk_widget_class_install_action (widget_class, "browser.duplicate", NULL, browser_duplicate_action);
  gtk_widget_class_install_action (widget_class, "browser.delete", NULL, browser_delete_action);
  gtk_widget_class_install_action (widget_class, "browser.back", NULL, browser_back_action);
  gtk_widget_class_install_action (widget_class, "browser.clear-filters", NULL, browser_clear_filters_action);
  gtk_widget_class_install_action (widget_class, "browser.search", NULL, browser_search_action);
  gtk_widget_class_install_action (widget_class, "browser.history", NULL, browser_history_action);
  gtk_widget_class_install_action (widget_class, "browser.assess-impact", NULL,
                                   browser_assess_impact_action);
  gtk_widget_class_install_action (widget_class, "browser.export", NULL, browser_export_action);
  gtk_widget_class_install_action (widget_class, "browser.export-xlsx", NULL,
                                   browser_export_action);
  gtk_widget_class_install_action (widget_class, "browser.import", NULL, browser_import_action);

  /* Delete reaches here only when the focused widget did not use the key,
   * so typing in a form field never deletes the record. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "browser.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "browser.search", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "recordbrowser");
}

static void
aims_record_browser_init (AimsRecordBrowser *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  aims_a11y_name_from_mnemonic (self->assess_button);

  self->facet_dropdowns = g_ptr_array_new ();
  self->probe_a = g_object_new (G_TYPE_OBJECT, NULL);
  self->probe_b = g_object_new (G_TYPE_OBJECT, NULL);

  self->rows_given = aims_list_limit_new ();
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->rows_given)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (on_selection_changed_cb), self, G_CONNECT_SWAPPED);
  /* The column view gets its rows when the browser is first shown (map) */

  self->store_signals = g_signal_group_new (AIMS_TYPE_STORE);
  g_signal_group_connect_object (self->store_signals, "changed",
                                 G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);
}

/**
 * aims_record_browser_new:
 * @table: "ai_system", "data_set" or "third_party"
 */
GtkWidget *
aims_record_browser_new (const char *table)
{
  return g_object_new (AIMS_TYPE_RECORD_BROWSER, "table", table, NULL);
}

const char *
aims_record_browser_get_table (AimsRecordBrowser *self)
{
  g_return_val_if_fail (AIMS_IS_RECORD_BROWSER (self), NULL);

  return self->spec->table;
}

/**
 * aims_record_browser_set_document:
 * @document: (nullable): the project to browse
 */
void
aims_record_browser_set_document (AimsRecordBrowser *self,
                                  AimsDocument      *document)
{
  g_return_if_fail (AIMS_IS_RECORD_BROWSER (self));

  if (self->document == document)
    return;

  aims_record_form_flush (self->form);
  clear_form (self);

  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_func (self->document, update_detail, self);
  aims_list_limit_set_model (self->rows_given, NULL);
  if (self->hold != NULL)
    g_signal_handlers_disconnect_by_data (self->hold, self);
  g_clear_object (&self->hold);
  g_clear_object (&self->list);
  g_set_object (&self->document, document);

  /* A file from elsewhere is read-only until its full check has passed */
  if (document != NULL)
    g_signal_connect_object (document, "notify::read-only", G_CALLBACK (update_detail), self,
                             G_CONNECT_SWAPPED);

  if (document != NULL && aims_document_get_store (document) != NULL)
    {
      AimsStore *store = aims_document_get_store (document);

      /* Before any row is bound: rows name levels and scores by it */
      reload_matrix (self);
      self->list = aims_record_list_new (store, self->spec->table);
      g_signal_connect_object (self->list, "items-changed",
                               G_CALLBACK (on_list_items_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->list, "items-changed",
                               G_CALLBACK (on_list_items_changed_after_cb), self,
                               G_CONNECT_SWAPPED | G_CONNECT_AFTER);
      g_signal_group_set_target (self->store_signals, store);
      /* After the handlers above: they see each change before the view
       * and after it */
      self->hold = aims_list_hold_new (G_LIST_MODEL (self->list));
      g_signal_connect_object (self->hold, "rows-in-front", G_CALLBACK (on_rows_in_front_cb), self,
                               G_CONNECT_SWAPPED);
      aims_list_limit_set_model (self->rows_given, G_LIST_MODEL (self->hold));
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      if (self->risk_filters != NULL)
        aims_risk_filters_set_list (self->risk_filters, self->list);
      clear_filters (self);
      reload_owner_facets (self);
    }
  else
    {
      g_signal_group_set_target (self->store_signals, NULL);
      if (self->risk_filters != NULL)
        aims_risk_filters_set_list (self->risk_filters, NULL);
    }

  update_count (self);
  update_detail (self);
}

/* The column view given its model, and all the rows of the list */
static void
give_all_rows (AimsRecordBrowser *self)
{
  if (gtk_column_view_get_model (self->column_view) == NULL)
    gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  aims_list_limit_set_limit (self->rows_given, G_MAXUINT);
}

/* Selects the row at @position of the list, given to the view first if
 * a preparation has not got that far */
static void
select_position (AimsRecordBrowser *self,
                 guint              position)
{
  if (position >= g_list_model_get_n_items (G_LIST_MODEL (self->rows_given)))
    give_all_rows (self);
  gtk_single_selection_set_selected (self->selection, position);
}

/**
 * aims_record_browser_prepare_view:
 *
 * Gives the column view its rows now, rather than when the browser is
 * first shown: for a browser about to be shown, while the person looks at
 * something else (aims-page-prepare.c). GTK 4.8 sets up a row of cells for
 * each row it is given, up to some 200, which took 30–55 ms on the huge
 * demo: so they are given a few at a time, one call each.
 *
 * Returns: whether rows are left to give, in a further call
 */
gboolean
aims_record_browser_prepare_view (AimsRecordBrowser *self)
{
  guint given;

  g_return_val_if_fail (AIMS_IS_RECORD_BROWSER (self), FALSE);

  if (gtk_column_view_get_model (self->column_view) == NULL)
    {
      /* Fewer rows for now can only lose a selection, and a view never
       * shown has none */
      if (gtk_single_selection_get_selected (self->selection) == GTK_INVALID_LIST_POSITION)
        aims_list_limit_set_limit (self->rows_given, ROWS_PER_STEP);
      gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
    }
  else
    {
      given = aims_list_limit_get_limit (self->rows_given);
      if (given != G_MAXUINT)
        aims_list_limit_set_limit (self->rows_given, given + ROWS_PER_STEP);
    }

  /* Past what the view sets up, or the list's end: the rest at once */
  given = aims_list_limit_get_limit (self->rows_given);
  if (given != G_MAXUINT &&
      (given >= ROWS_SET_UP || self->hold == NULL ||
       given >= g_list_model_get_n_items (G_LIST_MODEL (self->hold))))
    aims_list_limit_set_limit (self->rows_given, G_MAXUINT);

  return aims_list_limit_get_limit (self->rows_given) != G_MAXUINT;
}

void
aims_record_browser_focus_search (AimsRecordBrowser *self)
{
  g_return_if_fail (AIMS_IS_RECORD_BROWSER (self));

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/**
 * aims_record_browser_select:
 * @uuid: a record of this browser's table
 *
 * Selects the record, if the current search and filters show it.
 */
void
aims_record_browser_select (AimsRecordBrowser *self,
                            const char        *uuid)
{
  guint position;

  g_return_if_fail (AIMS_IS_RECORD_BROWSER (self));

  if (self->list == NULL)
    return;

  position = aims_record_list_find (self->list, uuid);
  if (position == G_MAXUINT)
    return;

  select_position (self, position);
  scroll_to (self, position);
}

/**
 * aims_record_browser_get_selected:
 *
 * Returns: (nullable): the uuid of the selected record
 */
const char *
aims_record_browser_get_selected (AimsRecordBrowser *self)
{
  AimsRecord *record;

  g_return_val_if_fail (AIMS_IS_RECORD_BROWSER (self), NULL);

  record = gtk_single_selection_get_selected_item (self->selection);
  return record != NULL ? aims_record_get_uuid (record) : NULL;
}

/**
 * aims_record_browser_get_list:
 *
 * Returns: (transfer none) (nullable): the list shown
 */
AimsRecordList *
aims_record_browser_get_list (AimsRecordBrowser *self)
{
  g_return_val_if_fail (AIMS_IS_RECORD_BROWSER (self), NULL);

  return self->list;
}

void
aims_record_browser_flush (AimsRecordBrowser *self)
{
  g_return_if_fail (AIMS_IS_RECORD_BROWSER (self));

  aims_record_form_flush (self->form);
}

/**
 * _aims_record_browser_export_to_file:
 * @file: where to write; a name ending in .xlsx gets an XLSX workbook,
 *   any other CSV
 *
 * Exports the browser's register to @file, replacing it in one step, then
 * says so in a toast; a failure is shown in a dialog and leaves @file as it
 * was. This is what “Export as CSV…” and “Export as XLSX…” do once a file
 * is chosen. The AI systems' CSV is the inventory (aims-export.c); every
 * other export is the register's sheet (aims-sheet-export.c).
 *
 * Returns: %TRUE if the file was written
 */
gboolean
_aims_record_browser_export_to_file (AimsRecordBrowser *self,
                                     GFile             *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = NULL;
  g_autofree char *basename = NULL;
  AimsSheetFormat format = AIMS_SHEET_FORMAT_CSV;
  gboolean inventory;
  GtkWidget *window;
  AimsStore *store;
  const char *data = NULL;
  gsize length = 0;
  gboolean ok;
  guint n_records = 0;

  g_return_val_if_fail (AIMS_IS_RECORD_BROWSER (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  /* The project may have closed while the file chooser was open */
  if (!can_export (self))
    return FALSE;

  store = get_store (self);
  basename = g_file_get_basename (file);
  if (basename == NULL || !aims_sheet_format_from_path (basename, &format))
    format = AIMS_SHEET_FORMAT_CSV;
  inventory = g_str_equal (self->spec->table, "ai_system") && format == AIMS_SHEET_FORMAT_CSV;

  /* Include what is still being typed */
  aims_record_form_flush (self->form);

  /* In memory first: nothing touches @file unless the whole export is ready */
  if (inventory)
    {
      g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();

      ok = aims_export_inventory_csv_from_store (store, stream, NULL, &error) &&
           g_output_stream_close (stream, NULL, &error);
      if (ok)
        bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
      n_records = aims_store_count (store, "ai_system");
    }
  else
    {
      bytes = aims_sheet_export (store, self->spec->table, format, &n_records, &error);
      ok = bytes != NULL;
    }

  if (ok)
    {
      data = g_bytes_get_data (bytes, &length);
      path = g_file_get_path (file);

      /* A file without a local path (a remote location) goes through GIO,
       * which replaces it as safely as that location allows. */
      if (path != NULL)
        ok = aims_export_write_file (path, data != NULL ? data : "", length, &error);
      else
        ok = g_file_replace_contents (file, data != NULL ? data : "", length, NULL, FALSE,
                                      G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, &error);
    }

  if (!ok)
    {
      aims_show_error_dialog (GTK_WIDGET (self),
                              g_str_equal (self->spec->table, "ai_system")
                              ? _("Could Not Export the AI Systems")
                              : _("Could Not Export the Register"),
                              error);
      return FALSE;
    }

  window = gtk_widget_get_ancestor (GTK_WIDGET (self), AIMS_TYPE_WINDOW);
  if (window != NULL)
    {
      g_autofree char *title = NULL;

      if (g_str_equal (self->spec->table, "ai_system"))
        title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %u AI system",
                                              "Exported %u AI systems", n_records),
                                 n_records);
      else
        title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %u record",
                                              "Exported %u records", n_records),
                                 n_records);
      aims_window_add_toast (AIMS_WINDOW (window), adw_toast_new (title));
    }

  return TRUE;
}

/**
 * aims_record_browser_show_cell:
 * @self: the risk register's browser
 * @filter: (nullable): the heatmap's own filters (AI system, owner,
 *   objective); its flags are not used
 *
 * Narrows the register to the risks of one heatmap cell, after clearing the
 * other filters, so it shows exactly what the cell counted under @filter.
 * "Clear Filters" shows every risk again.
 */
void
aims_record_browser_show_cell (AimsRecordBrowser    *self,
                               AimsRiskScore         score,
                               guint                 likelihood,
                               guint                 impact,
                               const AimsRiskFilter *filter)
{
  g_return_if_fail (AIMS_IS_RECORD_BROWSER (self));
  g_return_if_fail (g_str_equal (self->spec->table, "risk"));

  if (self->list == NULL)
    return;

  /* The register goes from what it showed to the cell's risks in one step */
  aims_record_list_begin_update (self->list);
  clear_filters (self);
  if (filter != NULL && filter->system != NULL)
    {
      /* Through the AI system filter, so it is seen */
      aims_risk_filters_set_system (self->risk_filters, filter->system);
      aims_record_list_set_linked_to (self->list, "risk_system", filter->system);
    }
  if (filter != NULL && filter->objective != NULL)
    aims_record_list_set_filter (self->list, "objectives", filter->objective);
  if (filter != NULL && filter->owner != NULL)
    {
      gboolean shown = FALSE;

      /* Through the owner's drop-down when it offers that owner, so the
       * filter is seen */
      for (guint i = 0; !shown && i < self->facet_dropdowns->len; i++)
        {
          GtkDropDown *dropdown = g_ptr_array_index (self->facet_dropdowns, i);
          Facet *facet = g_object_get_data (G_OBJECT (dropdown), "facet");

          if (!g_str_equal (facet->field->name, "owner"))
            continue;
          for (guint k = 1; !shown && k < facet->values->len; k++)
            if (g_strcmp0 (g_ptr_array_index (facet->values, k), filter->owner) == 0)
              {
                gtk_drop_down_set_selected (dropdown, k);
                shown = TRUE;
              }
        }
      aims_record_list_set_filter (self->list, "owner", filter->owner);
    }
  aims_record_list_set_cell (self->list, score, likelihood, impact);
  aims_record_list_end_update (self->list);
  update_count (self);
}

/**
 * aims_record_browser_show_record:
 * @uuid: a record of this browser's table
 *
 * Shows the record in its form, ready to edit: clears the search and
 * filters that would hide it, selects it and moves the keyboard focus into
 * the form.
 */
void
aims_record_browser_show_record (AimsRecordBrowser *self,
                                 const char        *uuid)
{
  g_return_if_fail (AIMS_IS_RECORD_BROWSER (self));
  g_return_if_fail (uuid != NULL);

  if (self->list == NULL)
    return;

  if (aims_record_list_find (self->list, uuid) == G_MAXUINT)
    clear_filters (self);
  aims_record_browser_select (self, uuid);
  if (g_strcmp0 (aims_record_browser_get_selected (self), uuid) == 0)
    show_detail (self);
}

/**
 * aims_record_browser_show_risk_filter:
 * @self: the risk register's browser
 * @name: a filter of the register: "above-tolerance" or "overdue-review"
 *
 * Shows the risks behind one of the Overview's figures: every other filter
 * cleared, then the named one switched on where the person sees it, so
 * "Clear Filters" shows every risk again.
 */
void
aims_record_browser_show_risk_filter (AimsRecordBrowser *self,
                                      const char        *name)
{
  GtkWidget *toggle;

  g_return_if_fail (AIMS_IS_RECORD_BROWSER (self));
  g_return_if_fail (self->risk_filters != NULL);

  clear_filters (self);
  toggle = aims_risk_filters_get_widget (self->risk_filters, name);
  g_return_if_fail (GTK_IS_TOGGLE_BUTTON (toggle));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), TRUE);
}
