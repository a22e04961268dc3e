/* aims-assessment-view.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* One impact assessment, the long form: a navigation list of its sections
 * (the ISO/IEC 42005 headings), the fields in the generic record form, which
 * saves each one through the store as it is typed, the impacts list, and a
 * progress bar with the parts still missing. Approve refuses an incomplete
 * assessment and names what is missing; approved and superseded versions are
 * read-only, and "New Version" starts the next one from them. */

#define G_LOG_DOMAIN "aims-assessment-view"

#include "config.h"

#include <adwaita.h>

#include "aims-assessment-view.h"

#include "aims-a11y.h"
#include "aims-error-dialog.h"
#include "aims-file-chooser.h"
#include "aims-impact-dialog.h"
#include "aims-record-form.h"

#include <glib/gi18n.h>

#define IMPACTS_ROW "impacts"
#define IMPACTS_BEFORE N_("Thresholds and Conclusion")

struct _AimsAssessmentView
{
  GtkWidget       parent_instance;

  /* Template widgets */
  GtkLabel       *title_label;
  GtkLabel       *status_label;
  GtkWidget      *new_version_button;
  GtkWidget      *export_button;
  GtkWidget      *submit_button;
  GtkWidget      *approve_button;
  GtkProgressBar *progress_bar;
  GtkLabel       *progress_label;
  GtkLabel       *missing_label;
  GtkListBox     *nav_list;
  GtkStack       *content_stack;
  AimsRecordForm *form;
  GtkLabel       *impacts_count;
  GtkWidget      *add_impact_button;
  GtkStack       *impacts_stack;
  GtkListView    *impacts_view;

  /* Owned references */
  AimsStore      *store;
  GSignalGroup   *store_signals;
  char           *uuid;
  AimsRecordList *impacts;
  GHashTable     *nav_counts;    /* section title (msgid) → GtkLabel */
  AimsImpactDialog *dialog;      /* weak */

  guint           refresh_source;
  guint           editable : 1;
};

enum {
  CLOSED,
  OPEN_ASSESSMENT,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

G_DEFINE_FINAL_TYPE (AimsAssessmentView, aims_assessment_view, GTK_TYPE_WIDGET)

static const AimsFieldInfo *
impact_field (const char *name)
{
  return aims_table_info_lookup_field (aims_schema_lookup_table ("impact"), name);
}

static GtkWindow *
get_window (AimsAssessmentView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* The navigation list */

static GtkWidget *
create_nav_row (AimsAssessmentView *self,
                const char         *name,
                const char         *title)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *count = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_add_css_class (count, "numeric");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), count);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_name (row, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  g_hash_table_insert (self->nav_counts, (gpointer) name, count);

  return row;
}

static void
build_nav (AimsAssessmentView *self)
{
  const AimsTableInfo *table = aims_schema_lookup_table ("impact_assessment");
  const char *last = NULL;

  for (guint i = 0; i < table->n_fields; i++)
    {
      const char *group = table->fields[i].group;

      if (group == NULL || table->fields[i].widget == AIMS_FIELD_WIDGET_HIDDEN ||
          g_strcmp0 (group, last) == 0)
        continue;

      if (g_str_equal (group, IMPACTS_BEFORE))
        gtk_list_box_append (self->nav_list, create_nav_row (self, IMPACTS_ROW, _("Impacts")));

      gtk_list_box_append (self->nav_list, create_nav_row (self, group, _(group)));
      last = group;
    }
}

static AdwPreferencesGroup *
find_group (GtkWidget  *widget,
            const char *title)
{
  if (ADW_IS_PREFERENCES_GROUP (widget) &&
      g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget)), title) == 0)
    return ADW_PREFERENCES_GROUP (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwPreferencesGroup *found = find_group (child, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
scroll_to_group (AimsAssessmentView *self,
                 const char         *section)
{
  AdwPreferencesGroup *group = find_group (GTK_WIDGET (self->form), _(section));
  GtkWidget *scroller;
  graphene_point_t point;

  if (group == NULL)
    return;

  scroller = gtk_widget_get_ancestor (GTK_WIDGET (group), GTK_TYPE_SCROLLED_WINDOW);
  if (scroller == NULL)
    return;

  if (gtk_widget_compute_point (GTK_WIDGET (group),
                                gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller)),
                                &GRAPHENE_POINT_INIT (0, 0), &point))
    {
      GtkAdjustment *adjustment =
        gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

      gtk_adjustment_set_value (adjustment, MAX (0, point.y - 12));
    }
}

/* A list view given its model lays its rows out at once, even out of sight
 * (about 20 ms for 200 impacts): the impacts list gets its model when it is
 * first shown, not when the assessment opens. */
static void
attach_impacts (AimsAssessmentView *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;
  GtkSelectionModel *current = gtk_list_view_get_model (self->impacts_view);

  if (self->impacts == NULL ||
      g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "impacts") != 0)
    return;

  if (GTK_IS_NO_SELECTION (current) &&
      gtk_no_selection_get_model (GTK_NO_SELECTION (current)) == G_LIST_MODEL (self->impacts))
    return;

  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->impacts)));
  gtk_list_view_set_model (self->impacts_view, GTK_SELECTION_MODEL (selection));
}

static void
on_content_stack_notify_cb (AimsAssessmentView *self,
                            GParamSpec         *pspec,
                            GtkStack           *stack)
{
  attach_impacts (self);
}

static void
on_nav_row_activated_cb (AimsAssessmentView *self,
                         GtkListBoxRow      *row,
                         GtkListBox         *list)
{
  const char *name = gtk_widget_get_name (GTK_WIDGET (row));

  aims_record_form_flush (self->form);

  if (g_str_equal (name, IMPACTS_ROW))
    {
      gtk_stack_set_visible_child_name (self->content_stack, "impacts");
      return;
    }

  gtk_stack_set_visible_child_name (self->content_stack, "fields");
  scroll_to_group (self, name);
}

/* The impacts list */

static void
on_impact_setup_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    AimsAssessmentView       *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_list_item_set_child (item, box);
}

static char *
describe_impact (AimsRecord *record)
{
  g_autofree char *nature = aims_record_dup_text (record, "nature");
  g_autofree char *dimension = aims_record_dup_text (record, "dimension");
  g_autofree char *scenario = aims_record_dup_text (record, "scenario");
  g_autofree char *status = aims_record_dup_text (record, "status");
  g_autoptr(GString) text = g_string_new (aims_choice_label (impact_field ("nature"), nature));
  gint64 severity = aims_record_get_int (record, "severity");
  gint64 likelihood = aims_record_get_int (record, "likelihood");

  if (dimension != NULL && *dimension != '\0')
    g_string_append_printf (text, " · %s", aims_choice_label (impact_field ("dimension"),
                                                              dimension));
  if (scenario != NULL && *scenario != '\0')
    g_string_append_printf (text, " · %s", aims_choice_label (impact_field ("scenario"),
                                                              scenario));
  if (severity > 0 && likelihood > 0)
    /* Translators: an impact's scores in the impacts list: severity 4, likelihood 2 */
    g_string_append_printf (text, _(" · severity %u, likelihood %u"), (guint) severity,
                            (guint) likelihood);
  g_string_append_printf (text, " · %s", aims_choice_label (impact_field ("status"), status));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
on_impact_bind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   AimsAssessmentView       *self)
{
  AimsRecord *record = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  g_autofree char *affected = aims_record_dup_text (record, "affected");
  g_autofree char *description = describe_impact (record);
  g_autofree char *accessible = NULL;
  const char *shown = affected != NULL && *affected != '\0' ? affected : _("Unnamed impact");

  gtk_label_set_text (GTK_LABEL (title), shown);
  gtk_label_set_text (GTK_LABEL (subtitle), description);
  accessible = g_strdup_printf ("%s, %s", shown, description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

static void
open_impact (AimsAssessmentView *self,
             const char         *impact)
{
  if (self->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->dialog));

  self->dialog = aims_impact_dialog_new (get_window (self), self->store, impact);
  g_object_add_weak_pointer (G_OBJECT (self->dialog), (gpointer *) &self->dialog);
  gtk_window_present (GTK_WINDOW (self->dialog));
}

static void
on_impacts_view_activate_cb (AimsAssessmentView *self,
                             guint               position,
                             GtkListView        *view)
{
  g_autoptr(AimsRecord) record = g_list_model_get_item (G_LIST_MODEL (self->impacts), position);

  if (record != NULL)
    open_impact (self, aims_record_get_uuid (record));
}

/* State */

static void
update_state (AimsAssessmentView *self)
{
  g_autoptr(GPtrArray) gaps = NULL;
  g_autoptr(GHashTable) by_section = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *system = NULL;
  g_autofree char *name = NULL;
  g_autofree char *status = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *progress = NULL;
  g_autoptr(GVariant) version = NULL;
  GHashTableIter iter;
  gpointer key, value;
  guint n_parts = 0;
  guint n_impacts;
  gboolean writable;
  double fraction;

  if (self->store == NULL || self->uuid == NULL)
    return;

  reference = aims_store_dup_text (self->store, "impact_assessment", self->uuid, "reference",
                                   NULL);
  if (reference == NULL)
    {
      /* Undone or deleted: back to the list */
      g_signal_emit (self, signals[CLOSED], 0);
      return;
    }

  system = aims_store_dup_text (self->store, "impact_assessment", self->uuid, "system", NULL);
  name = aims_store_dup_text (self->store, "ai_system", system, "name", NULL);
  status = aims_store_dup_text (self->store, "impact_assessment", self->uuid, "status", NULL);
  version = aims_store_get (self->store, "impact_assessment", self->uuid, "version", NULL);

  /* Translators: the heading of an assessment: Claims triage, version 2 */
  title = g_strdup_printf (_("%s, version %u"), name != NULL ? name : "",
                           version != NULL ? (guint) g_variant_get_int64 (version) : 0u);
  gtk_label_set_text (self->title_label, title);
  subtitle = g_strdup_printf ("%s · %s", reference,
                              aims_choice_label (aims_table_info_lookup_field (
                                aims_schema_lookup_table ("impact_assessment"), "status"),
                                                 status));
  gtk_label_set_text (self->status_label, subtitle);

  self->editable = aims_assessment_is_editable (self->store, self->uuid);
  writable = self->editable && !aims_store_get_read_only (self->store);
  if (aims_record_form_get_read_only (self->form) != !writable)
    aims_record_form_set_read_only (self->form, !writable);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assessment.approve", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assessment.submit",
                                 writable && g_strcmp0 (status, "draft") == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assessment.add-impact", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assessment.new-version",
                                 !aims_store_get_read_only (self->store) && !self->editable);
  gtk_widget_set_visible (self->new_version_button, !self->editable);
  /* Only a draft is sent for review: a greyed button would promise it */
  gtk_widget_set_visible (self->submit_button, g_strcmp0 (status, "draft") == 0);
  gtk_widget_set_visible (self->approve_button, self->editable);

  gaps = aims_assessment_dup_missing (self->store, self->uuid, &n_parts, NULL);
  if (gaps == NULL)
    return;

  fraction = n_parts > 0 ? (double) (n_parts - gaps->len) / n_parts : 1.0;
  if (gtk_progress_bar_get_fraction (self->progress_bar) != fraction)
    gtk_progress_bar_set_fraction (self->progress_bar, fraction);
  /* Translators: the completeness of an assessment: 18 of 23 required parts filled in */
  progress = g_strdup_printf (_("%u of %u required parts filled in"), n_parts - gaps->len,
                              n_parts);
  gtk_label_set_text (self->progress_label, progress);

  if (gaps->len == 0)
    gtk_label_set_text (self->missing_label,
                        g_strcmp0 (status, "approved") == 0 || g_strcmp0 (status, "superseded") == 0
                        ? _("Complete.")
                        : _("Complete: the assessment can be approved."));
  else
    {
      g_autofree char *missing = aims_assessment_describe_missing (gaps);
      g_autofree char *shown = g_strdup_printf (_("Missing — %s"), missing);

      gtk_label_set_text (self->missing_label, shown);
    }

  /* Per section, the number of parts missing */
  by_section = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < gaps->len; i++)
    {
      const AimsAssessmentGap *gap = g_ptr_array_index (gaps, i);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (by_section, gap->section));

      g_hash_table_insert (by_section, gap->section, GUINT_TO_POINTER (n + 1));
    }

  g_hash_table_iter_init (&iter, self->nav_counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *section = g_str_equal (key, IMPACTS_ROW) ? _("Impacts") : _(key);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (by_section, section));
      g_autofree char *count = n > 0 ? g_strdup_printf ("%u", n) : g_strdup ("✓");
      g_autofree char *tooltip = n > 0
        ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u part missing", "%u parts missing", n),
                           n)
        : g_strdup (_("Complete"));

      gtk_label_set_text (GTK_LABEL (value), count);
      if (g_strcmp0 (gtk_widget_get_tooltip_text (GTK_WIDGET (value)), tooltip) != 0)
        gtk_widget_set_tooltip_text (GTK_WIDGET (value), tooltip);
    }

  n_impacts = self->impacts != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->impacts)) : 0;
  {
    g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Impact",
                                                           "%u Impacts", n_impacts),
                                              n_impacts);

    gtk_label_set_text (self->impacts_count, count);
  }
  gtk_stack_set_visible_child_name (self->impacts_stack, n_impacts > 0 ? "list" : "empty");
}

static gboolean
refresh_idle_cb (gpointer data)
{
  AimsAssessmentView *self = data;

  self->refresh_source = 0;
  update_state (self);

  return G_SOURCE_REMOVE;
}

static void
on_store_changed_cb (AimsAssessmentView *self,
                     const char         *table,
                     const char         *uuid,
                     AimsStore          *store)
{
  if (table != NULL && !g_str_has_prefix (table, "impact") && !g_str_equal (table, "ai_system") &&
      !g_str_equal (table, "project"))
    return;

  if (self->refresh_source == 0)
    self->refresh_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, refresh_idle_cb, self, NULL);
}

/* Actions */

static void
assessment_back_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  AimsAssessmentView *self = AIMS_ASSESSMENT_VIEW (widget);

  aims_record_form_flush (self->form);
  g_signal_emit (self, signals[CLOSED], 0);
}

static void
assessment_approve_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  AimsAssessmentView *self = AIMS_ASSESSMENT_VIEW (widget);
  g_autoptr(GError) error = NULL;

  aims_record_form_flush (self->form);
  if (!aims_assessment_approve (self->store, self->uuid, NULL, &error))
    {
      /* A refusal changed nothing: the state shown is still right */
      aims_show_error_dialog (widget, _("Cannot Approve Yet"), error);
      return;
    }

  /* Read-only at once; the refresh the approval's change scheduled would
   * compute the completeness a second time */
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  update_state (self);
}

static void
assessment_submit_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  AimsAssessmentView *self = AIMS_ASSESSMENT_VIEW (widget);
  g_autoptr(GError) error = NULL;

  aims_record_form_flush (self->form);
  if (!aims_assessment_submit (self->store, self->uuid, &error))
    aims_show_error_dialog (widget, _("Could Not Submit for Review"), error);

  update_state (self);
}

static void
assessment_new_version_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *param)
{
  AimsAssessmentView *self = AIMS_ASSESSMENT_VIEW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *system = aims_store_dup_text (self->store, "impact_assessment", self->uuid,
                                                 "system", NULL);
  g_autofree char *uuid = NULL;

  if (system == NULL || (uuid = aims_assessment_start (self->store, system, &error)) == NULL)
    {
      aims_show_error_dialog (widget, _("Could Not Start a New Version"), error);
      return;
    }

  g_signal_emit (self, signals[OPEN_ASSESSMENT], 0, uuid);
}

static void
assessment_add_impact_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *param)
{
  AimsAssessmentView *self = AIMS_ASSESSMENT_VIEW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *impact = aims_assessment_add_impact (self->store, self->uuid, &error);

  if (impact == NULL)
    {
      aims_show_error_dialog (widget, _("Could Not Add the Impact"), error);
      return;
    }

  gtk_stack_set_visible_child_name (self->content_stack, "impacts");
  open_impact (self, impact);
}

static void
on_export_chosen_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(AimsAssessmentView) self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  file = aims_file_chooser_finish (result, &error);
  if (file == NULL || self->store == NULL || self->uuid == NULL)
    return;

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Assessments can only be exported to a local folder"));
      aims_show_error_dialog (GTK_WIDGET (self), _("Could Not Export the Assessment"), error);
      return;
    }

  if (!aims_assessment_write_pdf (self->store, self->uuid, path, NULL, &error))
    aims_show_error_dialog (GTK_WIDGET (self), _("Could Not Export the Assessment"), error);
}

static void
assessment_export_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  AimsAssessmentView *self = AIMS_ASSESSMENT_VIEW (widget);
  g_autofree char *reference = aims_store_dup_text (self->store, "impact_assessment", self->uuid,
                                                    "reference", NULL);
  g_autofree char *name = NULL;

  aims_record_form_flush (self->form);
  /* Translators: the file name offered for an exported assessment; %s is its reference */
  name = g_strdup_printf (_("Impact assessment %s.pdf"), reference != NULL ? reference : "");
  aims_file_chooser_save_export_async (get_window (self), _("Export Impact Assessment"), NULL,
                                       name, "pdf", on_export_chosen_cb, g_object_ref (self));
}

/* GObject */

static void
aims_assessment_view_dispose (GObject *object)
{
  AimsAssessmentView *self = AIMS_ASSESSMENT_VIEW (object);

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  if (self->dialog != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->dialog), (gpointer *) &self->dialog);
      gtk_window_destroy (GTK_WINDOW (self->dialog));
      self->dialog = NULL;
    }
  if (self->store_signals != NULL)
    g_signal_group_set_target (self->store_signals, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), AIMS_TYPE_ASSESSMENT_VIEW);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_first_child (GTK_WIDGET (self)))
    gtk_widget_unparent (child);

  g_clear_object (&self->store_signals);
  g_clear_object (&self->impacts);
  g_clear_object (&self->store);
  g_clear_pointer (&self->nav_counts, g_hash_table_unref);

  G_OBJECT_CLASS (aims_assessment_view_parent_class)->dispose (object);
}

static void
aims_assessment_view_finalize (GObject *object)
{
  AimsAssessmentView *self = AIMS_ASSESSMENT_VIEW (object);

  g_free (self->uuid);

  G_OBJECT_CLASS (aims_assessment_view_parent_class)->finalize (object);
}

static void
aims_assessment_view_class_init (AimsAssessmentViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aims_assessment_view_dispose;
  object_class->finalize = aims_assessment_view_finalize;

  /**
   * AimsAssessmentView::closed:
   *
   * Back to the list: asked for, or the assessment is gone (undone).
   */
  signals[CLOSED] = g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * AimsAssessmentView::open-assessment:
   * @uuid: a new version to show instead
   */
  signals[OPEN_ASSESSMENT] = g_signal_new ("open-assessment", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (AIMS_TYPE_RECORD_FORM);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/aims-assessment-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AimsAssessmentView, title_label);
  gtk_widget_class_bind_template_child (widget_class, AimsAssessmentView, status_label);
  gtk_widget_class_bind_template_child (widget_class, AimsAssessmentView, new_version_button);
  gtk_widget_class_bind_template_child (widget_class, AimsAssessmentView, export_button);
  gtk_widget_class_bind_template_child (widget_class, AimsAssessmentView, submit_button);
  gtk_widget_class_bind_template_child (widget_class, AimsAssessmentView, approve_button);
  gtk_widget_class_bind_template_child (widget_class, AimsAssessmentView, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, AimsAssessmentView, progress_label);
  gtk_widget_class_bind_template_child (widget_class, AimsAssessmentView, missing_label);
  gtk_widget_class_bind_template_child (widget_class, AimsAssessmentView, nav_list);
  gtk_widget_class_bind_template_child (widget_class, AimsAssessmentView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, AimsAssessmentView, form);
  gtk_widget_class_bind_template_child (widget_class, AimsAssessmentView, impacts_count);
  gtk_widget_class_bind_template_child (widget_class, AimsAssessmentView, add_impact_button);
  gtk_widget_class_bind_template_child (widget_class, AimsAssessmentView, impacts_stack);
  gtk_widget_class_bind_template_child (widget_class, AimsAssessmentView, impacts_view);

  gtk_widget_class_install_action (widget_class, "assessment.back", NULL, assessment_back_action);
  gtk_widget_class_install_action (widget_class, "assessment.approve", NULL,
                                   assessment_approve_action);
  gtk_widget_class_install_action (widget_class, "assessment.submit", NULL,
                                   assessment_submit_action);
  gtk_widget_class_install_action (widget_class, "assessment.new-version", NULL,
                                   assessment_new_version_action);
  gtk_widget_class_install_action (widget_class, "assessment.add-impact", NULL,
                                   assessment_add_impact_action);
  gtk_widget_class_install_action (widget_class, "assessment.export", NULL,
                                   assessment_export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "assessment.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "assessment.back", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "assessmentview");
}

static void
aims_assessment_view_init (AimsAssessmentView *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  aims_a11y_name_from_mnemonic (self->new_version_button);
  aims_a11y_name_from_mnemonic (self->export_button);
  aims_a11y_name_from_mnemonic (self->submit_button);
  aims_a11y_name_from_mnemonic (self->approve_button);
  aims_a11y_name_from_mnemonic (self->add_impact_button);

  self->nav_counts = g_hash_table_new (g_str_hash, g_str_equal);
  build_nav (self);
  g_signal_connect_object (self->nav_list, "row-activated", G_CALLBACK (on_nav_row_activated_cb),
                           self, G_CONNECT_SWAPPED);

  g_signal_connect (factory, "setup", G_CALLBACK (on_impact_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_impact_bind_cb), self);
  gtk_list_view_set_factory (self->impacts_view, factory);
  g_signal_connect_object (self->impacts_view, "activate",
                           G_CALLBACK (on_impacts_view_activate_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->content_stack, "notify::visible-child",
                           G_CALLBACK (on_content_stack_notify_cb), self, G_CONNECT_SWAPPED);

  self->store_signals = g_signal_group_new (AIMS_TYPE_STORE);
  g_signal_group_connect_object (self->store_signals, "changed",
                                 G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
aims_assessment_view_new (void)
{
  return g_object_new (AIMS_TYPE_ASSESSMENT_VIEW, NULL);
}

/**
 * aims_assessment_view_set_assessment:
 * @store: (nullable): the project
 * @uuid: (nullable): the assessment to show
 */
void
aims_assessment_view_set_assessment (AimsAssessmentView *self,
                                     AimsStore          *store,
                                     const char         *uuid)
{
  g_return_if_fail (AIMS_IS_ASSESSMENT_VIEW (self));
  g_return_if_fail (store == NULL || AIMS_IS_STORE (store));

  aims_record_form_flush (self->form);
  if (self->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->dialog));

  g_set_object (&self->store, store);
  g_free (self->uuid);
  self->uuid = store != NULL ? g_strdup (uuid) : NULL;
  g_signal_group_set_target (self->store_signals, store);

  /* The list of impacts gets its model when it is shown */
  gtk_list_view_set_model (self->impacts_view, NULL);
  g_clear_object (&self->impacts);
  if (store != NULL && uuid != NULL)
    {
      self->impacts = aims_record_list_new (store, "impact");
      aims_record_list_set_filter (self->impacts, "assessment", uuid);
    }

  aims_record_form_set_record (self->form, store, "impact_assessment", self->uuid);
  gtk_stack_set_visible_child_name (self->content_stack, "fields");
  attach_impacts (self);
  gtk_list_box_select_row (self->nav_list, gtk_list_box_get_row_at_index (self->nav_list, 0));

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  update_state (self);
}

const char *
aims_assessment_view_get_uuid (AimsAssessmentView *self)
{
  g_return_val_if_fail (AIMS_IS_ASSESSMENT_VIEW (self), NULL);

  return self->uuid;
}

/**
 * aims_assessment_view_refresh:
 *
 * Brings the progress, the missing parts and the buttons up to date now
 * instead of at the next idle.
 */
void
aims_assessment_view_refresh (AimsAssessmentView *self)
{
  g_return_if_fail (AIMS_IS_ASSESSMENT_VIEW (self));

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  update_state (self);
}

void
aims_assessment_view_flush (AimsAssessmentView *self)
{
  g_return_if_fail (AIMS_IS_ASSESSMENT_VIEW (self));

  aims_record_form_flush (self->form);
}

/**
 * aims_assessment_view_show_section:
 * @section: a section title (untranslated), or "impacts"
 */
void
aims_assessment_view_show_section (AimsAssessmentView *self,
                                   const char         *section)
{
  g_return_if_fail (AIMS_IS_ASSESSMENT_VIEW (self));

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->nav_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (GTK_IS_LIST_BOX_ROW (row) && g_strcmp0 (gtk_widget_get_name (row), section) == 0)
        {
          gtk_list_box_select_row (self->nav_list, GTK_LIST_BOX_ROW (row));
          on_nav_row_activated_cb (self, GTK_LIST_BOX_ROW (row), self->nav_list);
          return;
        }
    }
}

AimsRecordForm *
aims_assessment_view_get_form (AimsAssessmentView *self)
{
  g_return_val_if_fail (AIMS_IS_ASSESSMENT_VIEW (self), NULL);

  return self->form;
}

AimsImpactDialog *
aims_assessment_view_get_impact_dialog (AimsAssessmentView *self)
{
  g_return_val_if_fail (AIMS_IS_ASSESSMENT_VIEW (self), NULL);

  return self->dialog;
}

GtkLabel *
aims_assessment_view_get_missing_label (AimsAssessmentView *self)
{
  g_return_val_if_fail (AIMS_IS_ASSESSMENT_VIEW (self), NULL);

  return self->missing_label;
}

GtkProgressBar *
aims_assessment_view_get_progress_bar (AimsAssessmentView *self)
{
  g_return_val_if_fail (AIMS_IS_ASSESSMENT_VIEW (self), NULL);

  return self->progress_bar;
}

GListModel *
aims_assessment_view_get_impacts (AimsAssessmentView *self)
{
  g_return_val_if_fail (AIMS_IS_ASSESSMENT_VIEW (self), NULL);

  return self->impacts != NULL ? G_LIST_MODEL (self->impacts) : NULL;
}
