/* aims-review-page.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Management Review section (ISO/IEC 42001 9.3): the reviews on the
 * left, newest first; on the right the chosen review in three views: its
 * record (date, chair, attendees and the outputs people add, through the
 * shared record form), its inputs (gathered once by "Gather Inputs" and
 * shown read-only as a summary of the snapshot), and its actions (added,
 * edited in a small window with the record form, removed). "Export Pack…"
 * writes the review pack of the chosen review. */

#define G_LOG_DOMAIN "aims-review-page"

#include "config.h"

#include "aims-review-page.h"

#include "aims-error-dialog.h"
#include "aims-record-form.h"
#include "aims-review-export.h"

#include <glib/gi18n.h>

struct _AimsReviewPage
{
  GtkWidget            parent_instance;

  GtkStack            *stack;           /* "empty" or "reviews" */
  GtkListBox          *review_list;
  AdwViewStack        *view_stack;
  AimsRecordForm      *form;
  AdwPreferencesPage  *inputs_page;
  GPtrArray           *input_groups;
  AdwPreferencesPage  *actions_page;
  AdwPreferencesGroup *actions_group;
  GPtrArray           *action_rows;

  AimsDocument        *document;
  GSignalGroup        *store_signals;
  char                *review;
  guint                refresh_source;
  guint                selecting : 1;
};

G_DEFINE_FINAL_TYPE (AimsReviewPage, aims_review_page, GTK_TYPE_WIDGET)

static AimsStore *
get_store (AimsReviewPage *self)
{
  return self->document != NULL ? aims_document_get_store (self->document) : NULL;
}

static gboolean
is_read_only (AimsReviewPage *self)
{
  return self->document == NULL || aims_document_get_read_only (self->document);
}

static const char *
choice_label (const char *table,
              const char *field,
              const char *id)
{
  const AimsFieldInfo *info = aims_table_info_lookup_field (aims_schema_lookup_table (table),
                                                            field);

  return info != NULL ? aims_choice_label (info, id) : id;
}

static char *
dup_text (AimsReviewPage *self,
          const char     *table,
          const char     *uuid,
          const char     *field)
{
  char *text = aims_store_dup_text (get_store (self), table, uuid, field, NULL);

  return text != NULL ? text : g_strdup ("");
}

/* The list of reviews */

static GtkWidget *
create_review_row (AimsReviewPage *self,
                   const char     *uuid)
{
  g_autofree char *reference = dup_text (self, "management_review", uuid, "reference");
  g_autofree char *title = dup_text (self, "management_review", uuid, "title");
  g_autofree char *date = dup_text (self, "management_review", uuid, "review_date");
  g_autofree char *status = dup_text (self, "management_review", uuid, "status");
  g_autofree char *heading = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();

  heading = g_strdup_printf ("%s %s", reference, title);
  subtitle = g_strdup_printf ("%s · %s", *date != '\0' ? date : _("No date"),
                              choice_label ("management_review", "status", status));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), heading);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_name (row, uuid);

  return row;
}

static void show_review (AimsReviewPage *self,
                         const char     *uuid);

static void
refresh_list (AimsReviewPage *self)
{
  g_auto(GStrv) reviews = NULL;
  GtkWidget *child;

  self->selecting = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->review_list))) != NULL)
    gtk_list_box_remove (self->review_list, child);

  if (get_store (self) != NULL)
    reviews = aims_review_list (get_store (self), NULL);

  for (guint i = 0; reviews != NULL && reviews[i] != NULL; i++)
    {
      GtkWidget *row = create_review_row (self, reviews[i]);

      gtk_list_box_append (self->review_list, row);
      if (g_strcmp0 (reviews[i], self->review) == 0)
        gtk_list_box_select_row (self->review_list, GTK_LIST_BOX_ROW (row));
    }
  self->selecting = FALSE;

  gtk_stack_set_visible_child_name (self->stack, reviews != NULL && reviews[0] != NULL
                                                 ? "reviews" : "empty");

  /* The chosen review went away (undo): show the newest */
  if (reviews != NULL && reviews[0] != NULL &&
      (self->review == NULL || !g_strv_contains ((const char * const *) reviews, self->review)))
    show_review (self, reviews[0]);
  else if (reviews == NULL || reviews[0] == NULL)
    show_review (self, NULL);
}

/* The inputs, read-only */

static void
clear_input_groups (AimsReviewPage *self)
{
  for (guint i = 0; i < self->input_groups->len; i++)
    adw_preferences_page_remove (self->inputs_page, g_ptr_array_index (self->input_groups, i));
  g_ptr_array_set_size (self->input_groups, 0);
}

static AdwPreferencesGroup *
add_input_group (AimsReviewPage *self,
                 const char     *title,
                 const char     *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  adw_preferences_page_add (self->inputs_page, ADW_PREFERENCES_GROUP (group));
  g_ptr_array_add (self->input_groups, group);

  return ADW_PREFERENCES_GROUP (group);
}

static void
add_figure (AdwPreferencesGroup *group,
            const char          *title,
            const char          *value,
            const char          *detail)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (value);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (detail != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), detail);
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_add_css_class (label, "title-4");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  adw_preferences_group_add (group, row);
}

static char *
percent_text (guint done,
              guint total)
{
  if (total == 0)
    return g_strdup ("—");

  return g_strdup_printf ("%.0f %%", 100.0 * done / total);
}

static void
add_fraction (AdwPreferencesGroup *group,
              const char          *title,
              guint                done,
              guint                total,
              const char          *of_what)
{
  g_autofree char *value = percent_text (done, total);
  /* Translators: 3 of 12 in-scope AI systems */
  g_autofree char *detail = g_strdup_printf (_("%u of %u %s"), done, total, of_what);

  add_figure (group, title, value, detail);
}

static void
add_items (AimsReviewPage *self,
           const char     *title,
           GPtrArray      *items,
           const char     *table,
           const char     *empty)
{
  AdwPreferencesGroup *group = add_input_group (self, title, items->len == 0 ? empty : NULL);

  for (guint i = 0; i < items->len; i++)
    {
      AimsReviewItem *item = g_ptr_array_index (items, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *heading = g_strdup_printf ("%s %s", item->reference, item->title);
      g_autoptr(GString) subtitle = g_string_new (choice_label (table, "status", item->status));

      if (*item->date != '\0')
        g_string_append_printf (subtitle, " · %s", item->date);
      if (*item->owner != '\0')
        g_string_append_printf (subtitle, " · %s", item->owner);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), heading);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
      adw_preferences_group_add (group, row);
    }
}

static GtkWidget *
create_gather_button (AimsReviewPage *self,
                      gboolean        again)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (again ? _("_Gather Again")
                                                          : _("_Gather Inputs"));

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "review.gather");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_name (button, "gather-inputs");
  gtk_widget_set_tooltip_text (button, _("Take the figures, risks, audits and actions as they "
                                         "are at the review’s date"));
  if (!again)
    gtk_widget_add_css_class (button, "suggested-action");

  return button;
}

static void
refresh_inputs (AimsReviewPage *self)
{
  g_autoptr(AimsReviewInputs) inputs = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  g_autofree char *mttd = NULL;
  g_autofree char *mttr = NULL;
  g_autofree char *text = NULL;
  AdwPreferencesGroup *group;
  const AimsKpi *kpi;

  clear_input_groups (self);
  if (self->review == NULL || get_store (self) == NULL)
    return;

  inputs = aims_review_dup_inputs (get_store (self), self->review, &error);
  if (inputs == NULL)
    {
      group = add_input_group (self, _("Inputs"),
                               error != NULL ? error->message
                                             : _("Not gathered yet. Gathering takes the project’s "
                                                 "figures at the review’s date and keeps them "
                                                 "with the review, so they stay as the review "
                                                 "saw them."));
      adw_preferences_group_set_header_suffix (group, create_gather_button (self, FALSE));
      return;
    }

  kpi = inputs->kpi;
  {
    g_autoptr(GDateTime) gathered = g_date_time_new_from_iso8601 (inputs->gathered, NULL);
    g_autofree char *when = gathered != NULL ? g_date_time_format (gathered, "%Y-%m-%d %H:%M")
                                             : g_strdup (inputs->gathered);

    /* Translators: the review's inputs: Figures on 2026-05-22, gathered 2026-05-22 10:04 (UTC) */
    description = g_strdup_printf (_("Figures on %s, gathered %s (UTC). They do not change when "
                                     "the project does; gather again to replace them."),
                                   inputs->date, when);
  }
  group = add_input_group (self, _("Key Figures"), description);
  adw_preferences_group_set_header_suffix (group, create_gather_button (self, TRUE));

  add_fraction (group, _("Risk assessment coverage"), kpi->n_covered, kpi->n_in_scope,
                _("in-scope AI systems"));
  add_fraction (group, _("Treatment implementation"), kpi->n_treatment_done,
                kpi->n_treatment_actions, _("treatment actions done"));
  text = g_strdup_printf ("%u", kpi->n_above_tolerance);
  add_figure (group, _("Risks above tolerance"), text, NULL);
  g_clear_pointer (&text, g_free);
  add_fraction (group, _("SoA implementation"), kpi->n_implemented_controls,
                kpi->n_applicable_controls, _("applicable controls implemented"));
  add_fraction (group, _("Clause readiness"), kpi->n_requirements_done, kpi->n_requirements,
                _("clause requirements done"));
  {
    g_autofree char *value = g_strdup_printf ("%u", kpi->n_open_nonconformities);
    g_autofree char *detail = g_strdup_printf (_("%u major, %u minor; %u corrective actions "
                                                 "overdue"),
                                               kpi->open_nonconformities[AIMS_KPI_NC_MAJOR],
                                               kpi->open_nonconformities[AIMS_KPI_NC_MINOR],
                                               kpi->n_corrective_overdue);

    add_figure (group, _("Open nonconformities"), value, detail);
  }
  mttd = aims_kpi_format_duration (kpi->mttd_minutes);
  mttr = aims_kpi_format_duration (kpi->mttr_minutes);
  {
    g_autofree char *value = g_strdup_printf ("%u", kpi->n_incidents);
    g_autofree char *detail = g_strdup_printf (_("%u critical, %u high. Time to detect %s (%u), "
                                                 "to resolve %s (%u)"),
                                               kpi->incidents[AIMS_KPI_INCIDENT_CRITICAL],
                                               kpi->incidents[AIMS_KPI_INCIDENT_HIGH],
                                               kpi->n_mttd > 0 ? mttd : "—", kpi->n_mttd,
                                               kpi->n_mttr > 0 ? mttr : "—", kpi->n_mttr);

    add_figure (group, _("Incidents"), value, detail);
  }
  {
    g_autofree char *value = g_strdup_printf ("%u", kpi->n_systems_overdue + kpi->n_risks_overdue +
                                                    kpi->n_assessments_overdue);
    g_autofree char *detail = g_strdup_printf (_("AI systems: %u, risks: %u, impact "
                                                 "assessments: %u"),
                                               kpi->n_systems_overdue, kpi->n_risks_overdue,
                                               kpi->n_assessments_overdue);

    add_figure (group, _("Overdue reviews"), value, detail);
  }

  group = add_input_group (self, _("Top Risks"),
                           inputs->top_risks->len == 0 ? _("The register had no open risks.")
                                                       : NULL);
  for (guint i = 0; i < inputs->top_risks->len; i++)
    {
      AimsKpiRisk *risk = g_ptr_array_index (inputs->top_risks, i);
      g_autofree char *heading = g_strdup_printf ("%s %s", risk->reference, risk->title);
      g_autofree char *subtitle = g_strdup_printf ("%s · %u × %u · %s", risk->level_name,
                                                   risk->likelihood, risk->impact, risk->owner);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), heading);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_preferences_group_add (group, row);
    }

  add_items (self, _("Actions of Earlier Reviews"), inputs->earlier_actions, "review_action",
             _("Earlier reviews decided no actions."));
  add_items (self, _("Audit Results"), inputs->audits, "audit",
             _("No internal audit had started."));
  add_items (self, _("Impact Assessments Due"), inputs->assessments_due, "impact_assessment",
             _("No impact assessment was due within 30 days."));
  add_items (self, _("AI Objectives"), inputs->objectives, "pdca_card",
             _("No AI objectives were recorded."));
}

/* Actions */

static void
clear_action_rows (AimsReviewPage *self)
{
  for (guint i = 0; i < self->action_rows->len; i++)
    adw_preferences_group_remove (self->actions_group, g_ptr_array_index (self->action_rows, i));
  g_ptr_array_set_size (self->action_rows, 0);
}

static void
refresh_actions (AimsReviewPage *self)
{
  g_auto(GStrv) actions = NULL;
  gboolean read_only = is_read_only (self);

  clear_action_rows (self);
  if (self->review == NULL || get_store (self) == NULL)
    return;

  actions = aims_review_dup_actions (get_store (self), self->review, NULL);
  adw_preferences_group_set_description (self->actions_group,
                                         actions == NULL || actions[0] == NULL
                                         ? _("No actions yet. Actions decided here, with an "
                                             "owner and a due date, go to the PDCA board.")
                                         : NULL);

  for (guint i = 0; actions != NULL && actions[i] != NULL; i++)
    {
      g_autofree char *what = dup_text (self, "review_action", actions[i], "what");
      g_autofree char *owner = dup_text (self, "review_action", actions[i], "owner");
      g_autofree char *due = dup_text (self, "review_action", actions[i], "due_date");
      g_autofree char *status = dup_text (self, "review_action", actions[i], "status");
      g_autofree char *subtitle = NULL;
      g_autofree char *remove_label = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

      subtitle = g_strdup_printf ("%s · %s · %s", *owner != '\0' ? owner : _("No owner"),
                                  *due != '\0' ? due : _("No due date"),
                                  choice_label ("review_action", "status", status));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), what);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_name (row, actions[i]);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "review.edit-action");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", actions[i]);

      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _("Remove Action"));
      /* Translators: the accessible name of an action's remove button */
      remove_label = g_strdup_printf (_("Remove “%s”"), what);
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      remove_label, -1);
      gtk_widget_set_name (remove, "remove-action");
      gtk_widget_set_sensitive (remove, !read_only);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "review.remove-action");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "s", actions[i]);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

      adw_preferences_group_add (self->actions_group, row);
      g_ptr_array_add (self->action_rows, row);
    }
}

static void
update_actions (AimsReviewPage *self)
{
  gboolean editable = self->review != NULL && !is_read_only (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.new",
                                 self->document != NULL && !is_read_only (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.gather", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.add-action", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.remove-action", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.export", self->review != NULL);
}

static void
show_review (AimsReviewPage *self,
             const char     *uuid)
{
  if (g_strcmp0 (uuid, self->review) != 0 || uuid == NULL)
    {
      aims_record_form_flush (self->form);
      g_free (self->review);
      self->review = g_strdup (uuid);
      if (uuid != NULL)
        aims_record_form_set_record (self->form, get_store (self), "management_review", uuid);
      else
        aims_record_form_set_record (self->form, NULL, "management_review", NULL);
    }

  aims_record_form_set_read_only (self->form, is_read_only (self));
  refresh_inputs (self);
  refresh_actions (self);
  update_actions (self);
}

static gboolean
refresh_cb (gpointer data)
{
  AimsReviewPage *self = data;

  self->refresh_source = 0;
  refresh_list (self);
  refresh_inputs (self);
  refresh_actions (self);
  update_actions (self);

  return G_SOURCE_REMOVE;
}

static void
on_store_changed_cb (AimsReviewPage *self,
                     const char     *table,
                     const char     *uuid,
                     AimsStore      *store)
{
  if (table != NULL && !g_str_equal (table, "management_review") &&
      !g_str_equal (table, "review_action"))
    return;

  /* One refresh for the edits of one turn of the main loop */
  if (self->refresh_source == 0)
    self->refresh_source = g_idle_add (refresh_cb, self);
}

static void
on_row_selected_cb (AimsReviewPage *self,
                    GtkListBoxRow  *row,
                    GtkListBox     *box)
{
  if (self->selecting || row == NULL)
    return;

  show_review (self, gtk_widget_get_name (GTK_WIDGET (row)));
}

/* Actions of the page */

static void
new_review_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  AimsReviewPage *self = AIMS_REVIEW_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = aims_review_create (get_store (self), NULL, NULL, &error);

  if (uuid == NULL)
    {
      aims_show_error_dialog (widget, _("Could Not Add the Review"), error);
      return;
    }

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  show_review (self, uuid);
  refresh_list (self);
  adw_view_stack_set_visible_child_name (self->view_stack, "review");
}

static void
gather_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  AimsReviewPage *self = AIMS_REVIEW_PAGE (widget);
  g_autoptr(GError) error = NULL;

  /* The date being typed counts */
  aims_record_form_flush (self->form);
  if (!aims_review_gather_inputs (get_store (self), self->review, &error))
    {
      aims_show_error_dialog (widget, _("Could Not Gather the Inputs"), error);
      return;
    }

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  refresh_inputs (self);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  AimsReviewPage *self = AIMS_REVIEW_PAGE (widget);

  aims_record_form_flush (self->form);
  aims_review_export_pack (widget, get_store (self), self->review);
}

static void
on_action_window_close_cb (GtkWindow      *window,
                           AimsRecordForm *form)
{
  aims_record_form_flush (form);
}

/* A small window with the action's form */
static void
edit_action (AimsReviewPage *self,
             const char     *action)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *form = aims_record_form_new ();
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkEventController *keys;

  gtk_window_set_title (GTK_WINDOW (window), _("Review Action"));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 480, 460);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (root));
  gtk_box_append (GTK_BOX (box), header);
  gtk_widget_set_vexpand (form, TRUE);
  gtk_box_append (GTK_BOX (box), form);
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_widget_set_name (window, "review-action-window");

  aims_record_form_set_record (AIMS_RECORD_FORM (form), get_store (self), "review_action", action);
  aims_record_form_set_read_only (AIMS_RECORD_FORM (form), is_read_only (self));
  g_signal_connect_object (window, "close-request", G_CALLBACK (on_action_window_close_cb), form,
                           0);

  /* Escape closes it, as a dialog */
  keys = GTK_EVENT_CONTROLLER (gtk_shortcut_controller_new ());
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (window, keys);

  gtk_window_present (GTK_WINDOW (window));
}

static void
add_action_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  AimsReviewPage *self = AIMS_REVIEW_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *action = aims_review_add_action (get_store (self), self->review,
                                                    _("New action"), NULL, NULL, &error);

  if (action == NULL)
    {
      aims_show_error_dialog (widget, _("Could Not Add the Action"), error);
      return;
    }

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  refresh_actions (self);
  edit_action (self, action);
}

static void
edit_action_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  edit_action (AIMS_REVIEW_PAGE (widget), g_variant_get_string (param, NULL));
}

static void
remove_action_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  AimsReviewPage *self = AIMS_REVIEW_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (!aims_review_remove_action (get_store (self), g_variant_get_string (param, NULL), &error))
    {
      aims_show_error_dialog (widget, _("Could Not Remove the Action"), error);
      return;
    }

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  refresh_actions (self);
}

/* Building */

static GtkWidget *
build_sidebar (AimsReviewPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *button = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("_New Review"));
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "review.new");
  gtk_widget_set_name (button, "new-review");
  gtk_widget_set_margin_start (button, 12);
  gtk_widget_set_margin_end (button, 12);
  gtk_widget_set_margin_top (button, 12);
  gtk_box_append (GTK_BOX (box), button);

  self->review_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->review_list), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->review_list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Management Reviews"), -1);
  g_signal_connect_object (self->review_list, "row-selected", G_CALLBACK (on_row_selected_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->review_list));
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (box), scroller);
  gtk_widget_set_size_request (box, 240, -1);

  return box;
}

static GtkWidget *
build_content (AimsReviewPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *bar = gtk_center_box_new ();
  GtkWidget *switcher = adw_view_switcher_new ();
  GtkWidget *export = gtk_button_new_with_mnemonic (_("_Export Pack…"));
  GtkWidget *add = gtk_button_new ();
  GtkWidget *add_content = adw_button_content_new ();
  AdwViewStackPage *page;

  self->view_stack = ADW_VIEW_STACK (adw_view_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->view_stack), TRUE);

  self->form = AIMS_RECORD_FORM (aims_record_form_new ());
  page = adw_view_stack_add_titled (self->view_stack, GTK_WIDGET (self->form), "review",
                                    _("Review"));
  adw_view_stack_page_set_icon_name (page, "x-office-document-symbolic");

  self->inputs_page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  page = adw_view_stack_add_titled (self->view_stack, GTK_WIDGET (self->inputs_page), "inputs",
                                    _("Inputs"));
  adw_view_stack_page_set_icon_name (page, "view-list-bullet-symbolic");

  self->actions_page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  self->actions_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->actions_group, _("Actions"));
  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (add_content), "list-add-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (add_content), _("_Add Action"));
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (add_content), TRUE);
  gtk_button_set_child (GTK_BUTTON (add), add_content);
  gtk_widget_add_css_class (add, "flat");
  gtk_widget_set_name (add, "add-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "review.add-action");
  adw_preferences_group_set_header_suffix (self->actions_group, add);
  adw_preferences_page_add (self->actions_page, self->actions_group);
  page = adw_view_stack_add_titled (self->view_stack, GTK_WIDGET (self->actions_page), "actions",
                                    _("Actions"));
  adw_view_stack_page_set_icon_name (page, "object-select-symbolic");

  adw_view_switcher_set_stack (ADW_VIEW_SWITCHER (switcher), self->view_stack);
  adw_view_switcher_set_policy (ADW_VIEW_SWITCHER (switcher), ADW_VIEW_SWITCHER_POLICY_WIDE);
  gtk_center_box_set_center_widget (GTK_CENTER_BOX (bar), switcher);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (export), "review.export");
  gtk_widget_set_name (export, "export-pack");
  gtk_widget_set_tooltip_text (export, _("Write this review’s pack for executives as a PDF"));
  gtk_widget_set_valign (export, GTK_ALIGN_CENTER);
  gtk_center_box_set_end_widget (GTK_CENTER_BOX (bar), export);
  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  gtk_widget_set_margin_top (bar, 6);
  gtk_widget_set_margin_bottom (bar, 6);

  gtk_box_append (GTK_BOX (box), bar);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->view_stack));
  gtk_widget_set_hexpand (box, TRUE);

  return box;
}

static GtkWidget *
build_empty (AimsReviewPage *self)
{
  GtkWidget *status = adw_status_page_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_New Review"));

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "x-office-presentation-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("No Management Reviews"));
  adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                   _("Top management reviews the AI management system at planned "
                                     "intervals (ISO/IEC 42001 9.3). A review gathers the "
                                     "figures of its day and records the decisions and actions "
                                     "it takes."));
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "review.new");
  adw_status_page_set_child (ADW_STATUS_PAGE (status), button);

  return status;
}

/* GObject */

static void
aims_review_page_dispose (GObject *object)
{
  AimsReviewPage *self = AIMS_REVIEW_PAGE (object);
  GtkWidget *child;

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  if (self->form != NULL)
    aims_record_form_flush (self->form);
  g_signal_group_set_target (self->store_signals, NULL);
  g_clear_object (&self->store_signals);
  g_clear_object (&self->document);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  self->form = NULL;

  G_OBJECT_CLASS (aims_review_page_parent_class)->dispose (object);
}

static void
aims_review_page_finalize (GObject *object)
{
  AimsReviewPage *self = AIMS_REVIEW_PAGE (object);

  g_free (self->review);
  g_clear_pointer (&self->input_groups, g_ptr_array_unref);
  g_clear_pointer (&self->action_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (aims_review_page_parent_class)->finalize (object);
}

static void
aims_review_page_class_init (AimsReviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aims_review_page_dispose;
  object_class->finalize = aims_review_page_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "reviewpage");

  gtk_widget_class_install_action (widget_class, "review.new", NULL, new_review_action);
  gtk_widget_class_install_action (widget_class, "review.gather", NULL, gather_action);
  gtk_widget_class_install_action (widget_class, "review.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "review.add-action", NULL, add_action_action);
  gtk_widget_class_install_action (widget_class, "review.edit-action", "s", edit_action_action);
  gtk_widget_class_install_action (widget_class, "review.remove-action", "s",
                                   remove_action_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "review.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK,
                                       "review.gather", NULL);
}

static void
aims_review_page_init (AimsReviewPage *self)
{
  GtkWidget *paned = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  self->input_groups = g_ptr_array_new ();
  self->action_rows = g_ptr_array_new ();

  gtk_box_append (GTK_BOX (paned), build_sidebar (self));
  gtk_box_append (GTK_BOX (paned), gtk_separator_new (GTK_ORIENTATION_VERTICAL));
  gtk_box_append (GTK_BOX (paned), build_content (self));

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->stack, build_empty (self), "empty");
  gtk_stack_add_named (self->stack, paned, "reviews");
  gtk_widget_set_parent (GTK_WIDGET (self->stack), GTK_WIDGET (self));

  self->store_signals = g_signal_group_new (AIMS_TYPE_STORE);
  g_signal_group_connect_object (self->store_signals, "changed",
                                 G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);

  update_actions (self);
}

/**
 * aims_review_page_new:
 *
 * Returns: (transfer full): the Management Review section
 */
GtkWidget *
aims_review_page_new (void)
{
  return g_object_new (AIMS_TYPE_REVIEW_PAGE, NULL);
}

/**
 * aims_review_page_set_document:
 * @document: (nullable): the open project
 */
void
aims_review_page_set_document (AimsReviewPage *self,
                               AimsDocument   *document)
{
  g_return_if_fail (AIMS_IS_REVIEW_PAGE (self));

  if (self->form != NULL)
    aims_record_form_flush (self->form);
  g_clear_pointer (&self->review, g_free);
  aims_record_form_set_record (self->form, NULL, "management_review", NULL);
  g_set_object (&self->document, document);
  g_signal_group_set_target (self->store_signals,
                             document != NULL ? aims_document_get_store (document) : NULL);
  refresh_list (self);
  update_actions (self);
}

/**
 * aims_review_page_select:
 * @review: a management review
 *
 * Shows @review.
 */
void
aims_review_page_select (AimsReviewPage *self,
                         const char     *review)
{
  g_return_if_fail (AIMS_IS_REVIEW_PAGE (self));

  show_review (self, review);
  refresh_list (self);
}

/**
 * aims_review_page_get_selected:
 *
 * Returns: (nullable): the review shown
 */
const char *
aims_review_page_get_selected (AimsReviewPage *self)
{
  g_return_val_if_fail (AIMS_IS_REVIEW_PAGE (self), NULL);

  return self->review;
}

/**
 * aims_review_page_show_view:
 * @view: "review", "inputs" or "actions"
 */
void
aims_review_page_show_view (AimsReviewPage *self,
                            const char     *view)
{
  g_return_if_fail (AIMS_IS_REVIEW_PAGE (self));

  adw_view_stack_set_visible_child_name (self->view_stack, view);
}
