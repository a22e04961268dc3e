/* aims-assessment-page.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Impact Assessments section (ISO/IEC 42001 6.1.4 and A.5): every
 * assessment with its AI system, version, status, date, next review and open
 * harms, filtered by text, status, latest version and overdue review; and
 * one assessment's form in its place when opened. */

#define G_LOG_DOMAIN "aims-assessment-page"

#include "config.h"

#include <adwaita.h>

#include "aims-assessment-page.h"

#include "aims-error-dialog.h"

#include <glib/gi18n.h>
#include <string.h>

/* The status dropdown's positions, after "any" */
static const char * const statuses[] = { NULL, "draft", "in-review", "approved", "superseded" };

struct _AimsAssessmentPage
{
  GtkWidget           parent_instance;

  /* Template widgets */
  GtkStack           *stack;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *status_dropdown;
  GtkCheckButton     *latest_check;
  GtkCheckButton     *overdue_check;
  GtkLabel           *count_label;
  GtkListBox         *list;
  AimsAssessmentView *view;

  /* Owned references */
  AimsDocument       *document;
  GSignalGroup       *store_signals;
  GPtrArray          *summaries;   /* AimsAssessmentSummary */

  guint               reload_source;
  guint               stale : 1;   /* changed while the list was not shown */
};

G_DEFINE_FINAL_TYPE (AimsAssessmentPage, aims_assessment_page, GTK_TYPE_WIDGET)

static AimsStore *
get_store (AimsAssessmentPage *self)
{
  return self->document != NULL ? aims_document_get_store (self->document) : NULL;
}

static gboolean
matches (AimsAssessmentPage          *self,
         const AimsAssessmentSummary *summary,
         gboolean                     latest,
         const char                  *needle,
         const char                  *now)
{
  guint position = gtk_drop_down_get_selected (self->status_dropdown);
  const char *status = position < G_N_ELEMENTS (statuses) ? statuses[position] : NULL;

  if (status != NULL && g_strcmp0 (summary->status, status) != 0)
    return FALSE;

  if (gtk_check_button_get_active (self->latest_check) && !latest)
    return FALSE;

  if (gtk_check_button_get_active (self->overdue_check) &&
      (summary->next_review[0] == '\0' || strcmp (summary->next_review, now) >= 0 ||
       g_str_equal (summary->status, "superseded")))
    return FALSE;

  if (needle != NULL && *needle != '\0')
    {
      g_autofree char *haystack = g_strdup_printf ("%s %s %s", summary->system_name,
                                                   summary->system_reference, summary->reference);
      g_autofree char *folded = g_utf8_casefold (haystack, -1);

      if (strstr (folded, needle) == NULL)
        return FALSE;
    }

  return TRUE;
}

static GtkWidget *
create_suffix (const char *text,
               const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

static GtkWidget *
create_row (AimsAssessmentPage          *self,
            const AimsAssessmentSummary *summary,
            const char                  *now)
{
  const AimsFieldInfo *status_field =
    aims_table_info_lookup_field (aims_schema_lookup_table ("impact_assessment"), "status");
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *harms = NULL;
  gboolean overdue;

  /* Translators: a line of the assessments list: SYS-004 Claims triage, version 2 */
  title = g_strdup_printf (_("%s %s, version %u"), summary->system_reference,
                           summary->system_name, (guint) summary->version);
  /* Titles and subtitles are the file's own text, not markup */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);

  overdue = summary->next_review[0] != '\0' && strcmp (summary->next_review, now) < 0 &&
            !g_str_equal (summary->status, "superseded");
  if (overdue)
    /* Translators: IA-004 · assessed 2026-03-01 · next review 2026-09-01 (overdue) */
    subtitle = g_strdup_printf (_("%s · assessed %s · next review %s (overdue)"),
                                summary->reference,
                                summary->assessment_date[0] != '\0' ? summary->assessment_date
                                                                    : C_("date", "not yet"),
                                summary->next_review);
  else
    /* Translators: IA-004 · assessed 2026-03-01 · next review 2027-03-01 */
    subtitle = g_strdup_printf (_("%s · assessed %s · next review %s"), summary->reference,
                                summary->assessment_date[0] != '\0' ? summary->assessment_date
                                                                    : C_("date", "not yet"),
                                summary->next_review[0] != '\0' ? summary->next_review
                                                                : C_("date", "not set"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  harms = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u open harm", "%u open harms",
                                        summary->n_open_harms),
                           summary->n_open_harms);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             create_suffix (harms, summary->n_open_harms > 0 ? "warning"
                                                                             : "dim-label"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             create_suffix (aims_choice_label (status_field, summary->status),
                                            g_str_equal (summary->status, "approved")
                                            ? "success" : NULL));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_name (row, summary->uuid);

  return row;
}

static void
fill_list (AimsAssessmentPage *self)
{
  g_autofree char *needle = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)),
                                             -1);
  g_autofree char *now = aims_today ();
  g_autofree char *count = NULL;
  GtkWidget *child;
  guint shown = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  for (guint i = 0; self->summaries != NULL && i < self->summaries->len; i++)
    {
      const AimsAssessmentSummary *summary = g_ptr_array_index (self->summaries, i);
      const AimsAssessmentSummary *previous = i > 0 ? g_ptr_array_index (self->summaries, i - 1)
                                                    : NULL;
      /* The list comes by AI system, newest version first (aims_assessment_list) */
      gboolean latest = previous == NULL || !g_str_equal (previous->system, summary->system);

      if (!matches (self, summary, latest, needle, now))
        continue;

      gtk_list_box_append (self->list, create_row (self, summary, now));
      shown++;
    }

  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u assessment",
                                        "%u of %u assessments",
                                        self->summaries != NULL ? self->summaries->len : 0),
                           shown, self->summaries != NULL ? self->summaries->len : 0);
  gtk_label_set_text (self->count_label, count);
}

static void
reload (AimsAssessmentPage *self)
{
  AimsStore *store = get_store (self);
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->reload_source, g_source_remove);
  g_clear_pointer (&self->summaries, g_ptr_array_unref);
  self->stale = FALSE;

  if (store != NULL)
    self->summaries = aims_assessment_list (store, &error);
  if (error != NULL)
    g_warning ("Could not list the impact assessments: %s", error->message);

  fill_list (self);

  if (!g_str_equal (gtk_stack_get_visible_child_name (self->stack), "assessment"))
    gtk_stack_set_visible_child_name (self->stack,
                                      self->summaries != NULL && self->summaries->len > 0
                                      ? "list" : "empty");
}

static gboolean
reload_idle_cb (gpointer data)
{
  AimsAssessmentPage *self = data;

  self->reload_source = 0;
  reload (self);

  return G_SOURCE_REMOVE;
}

static void
on_store_changed_cb (AimsAssessmentPage *self,
                     const char         *table,
                     const char         *uuid,
                     AimsStore          *store)
{
  if (table != NULL && !g_str_has_prefix (table, "impact") && !g_str_equal (table, "ai_system"))
    return;

  /* While one assessment is open, or the section hidden, each edit would
   * list every assessment again for nothing: the list catches up when it
   * is shown */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)) ||
      g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "assessment") == 0)
    {
      self->stale = TRUE;
      return;
    }

  if (self->reload_source == 0)
    self->reload_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, reload_idle_cb, self, NULL);
}

static void
on_filter_changed_cb (AimsAssessmentPage *self)
{
  fill_list (self);
}

static void
on_row_activated_cb (AimsAssessmentPage *self,
                     GtkListBoxRow      *row,
                     GtkListBox         *list)
{
  aims_assessment_page_open (self, gtk_widget_get_name (GTK_WIDGET (row)));
}

static void
on_view_closed_cb (AimsAssessmentPage *self,
                   AimsAssessmentView *view)
{
  aims_assessment_view_set_assessment (self->view, NULL, NULL);
  gtk_stack_set_visible_child_name (self->stack, "list");
  reload (self);
}

static void
on_view_open_assessment_cb (AimsAssessmentPage *self,
                            const char         *uuid,
                            AimsAssessmentView *view)
{
  aims_assessment_page_open (self, uuid);
}

static void
aims_assessment_page_map (GtkWidget *widget)
{
  AimsAssessmentPage *self = AIMS_ASSESSMENT_PAGE (widget);

  GTK_WIDGET_CLASS (aims_assessment_page_parent_class)->map (widget);

  if (self->stale && g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "assessment") != 0)
    reload (self);
}

static void
aims_assessment_page_dispose (GObject *object)
{
  AimsAssessmentPage *self = AIMS_ASSESSMENT_PAGE (object);

  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (self->store_signals != NULL)
    g_signal_group_set_target (self->store_signals, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), AIMS_TYPE_ASSESSMENT_PAGE);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_first_child (GTK_WIDGET (self)))
    gtk_widget_unparent (child);

  g_clear_object (&self->store_signals);
  g_clear_object (&self->document);
  g_clear_pointer (&self->summaries, g_ptr_array_unref);

  G_OBJECT_CLASS (aims_assessment_page_parent_class)->dispose (object);
}

static void
aims_assessment_page_class_init (AimsAssessmentPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aims_assessment_page_dispose;
  widget_class->map = aims_assessment_page_map;

  g_type_ensure (AIMS_TYPE_ASSESSMENT_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/aims-assessment-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AimsAssessmentPage, stack);
  gtk_widget_class_bind_template_child (widget_class, AimsAssessmentPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AimsAssessmentPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AimsAssessmentPage, latest_check);
  gtk_widget_class_bind_template_child (widget_class, AimsAssessmentPage, overdue_check);
  gtk_widget_class_bind_template_child (widget_class, AimsAssessmentPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, AimsAssessmentPage, list);
  gtk_widget_class_bind_template_child (widget_class, AimsAssessmentPage, view);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "assessmentpage");
}

static void
aims_assessment_page_init (AimsAssessmentPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->search_entry, "search-changed",
                           G_CALLBACK (on_filter_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->status_dropdown, "notify::selected",
                           G_CALLBACK (on_filter_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->latest_check, "toggled",
                           G_CALLBACK (on_filter_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->overdue_check, "toggled",
                           G_CALLBACK (on_filter_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->list, "row-activated",
                           G_CALLBACK (on_row_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view, "closed",
                           G_CALLBACK (on_view_closed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view, "open-assessment",
                           G_CALLBACK (on_view_open_assessment_cb), self, G_CONNECT_SWAPPED);

  self->store_signals = g_signal_group_new (AIMS_TYPE_STORE);
  g_signal_group_connect_object (self->store_signals, "changed",
                                 G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
aims_assessment_page_new (void)
{
  return g_object_new (AIMS_TYPE_ASSESSMENT_PAGE, NULL);
}

/**
 * aims_assessment_page_set_document:
 * @document: (nullable): the project shown
 */
void
aims_assessment_page_set_document (AimsAssessmentPage *self,
                                   AimsDocument       *document)
{
  g_return_if_fail (AIMS_IS_ASSESSMENT_PAGE (self));
  g_return_if_fail (document == NULL || AIMS_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  aims_assessment_view_set_assessment (self->view, NULL, NULL);
  gtk_stack_set_visible_child_name (self->stack, "empty");
  g_set_object (&self->document, document);
  g_signal_group_set_target (self->store_signals, get_store (self));
  reload (self);
}

/**
 * aims_assessment_page_open:
 * @uuid: an assessment
 *
 * Shows one assessment's form.
 */
void
aims_assessment_page_open (AimsAssessmentPage *self,
                           const char         *uuid)
{
  g_return_if_fail (AIMS_IS_ASSESSMENT_PAGE (self));
  g_return_if_fail (uuid != NULL);

  if (get_store (self) == NULL)
    return;

  aims_assessment_view_set_assessment (self->view, get_store (self), uuid);
  gtk_stack_set_visible_child_name (self->stack, "assessment");
}

/**
 * aims_assessment_page_assess_system:
 * @system: an AI system
 *
 * Opens the latest assessment of @system, or starts its first one.
 *
 * Returns: %TRUE if an assessment is shown
 */
gboolean
aims_assessment_page_assess_system (AimsAssessmentPage *self,
                                    const char         *system)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  AimsStore *store;

  g_return_val_if_fail (AIMS_IS_ASSESSMENT_PAGE (self), FALSE);
  g_return_val_if_fail (system != NULL, FALSE);

  if ((store = get_store (self)) == NULL)
    return FALSE;

  uuid = aims_assessment_dup_latest (store, system);
  if (uuid == NULL && (uuid = aims_assessment_start (store, system, &error)) == NULL)
    {
      aims_show_error_dialog (GTK_WIDGET (self), _("Could Not Start the Assessment"), error);
      return FALSE;
    }

  aims_assessment_page_open (self, uuid);
  return TRUE;
}

AimsAssessmentView *
aims_assessment_page_get_view (AimsAssessmentPage *self)
{
  g_return_val_if_fail (AIMS_IS_ASSESSMENT_PAGE (self), NULL);

  return self->view;
}

GtkListBox *
aims_assessment_page_get_list (AimsAssessmentPage *self)
{
  g_return_val_if_fail (AIMS_IS_ASSESSMENT_PAGE (self), NULL);

  return self->list;
}

/**
 * aims_assessment_page_flush:
 *
 * Records text still waiting for a pause in typing.
 */
void
aims_assessment_page_flush (AimsAssessmentPage *self)
{
  g_return_if_fail (AIMS_IS_ASSESSMENT_PAGE (self));

  aims_assessment_view_flush (self->view);
}
