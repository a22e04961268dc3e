/* aims-overview-page.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aims-overview-page"

#include "config.h"

#include <adwaita.h>

#include "aims-deferred-refresh.h"
#include "aims-error-dialog.h"
#include "aims-overview-figures.h"
#include "aims-overview-page.h"

#include <glib/gi18n.h>

/* Typing pauses this long before a text change becomes one recorded edit */
#define TEXT_COMMIT_DELAY_MS 700

struct _AimsOverviewPage
{
  GtkWidget       parent_instance;

  /* Template widgets */
  AdwEntryRow    *organisation_row;
  GtkTextView    *scope_view;
  GtkTextView    *exclusions_view;
  AdwActionRow   *systems_row;
  AdwActionRow   *file_row;
  AdwActionRow   *in_scope_row;
  AdwActionRow   *overdue_row;
  AdwActionRow   *coverage_row;
  AdwExpanderRow *lifecycle_row;
  AdwExpanderRow *category_row;
  GtkFlowBox     *figures_box;

  /* Rows added to the expanders, to remove them on refresh */
  GPtrArray      *breakdown_rows;

  /* Owned references */
  AimsDocument   *document;
  GSignalGroup   *store_signals;
  char           *project_uuid;

  guint           organisation_commit_source;
  guint           scope_commit_source;
  guint           exclusions_commit_source;
  /* The counts: at once while shown, when shown again after changes */
  AimsDeferredRefresh refresh;
  guint           loading : 1;
};

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

G_DEFINE_FINAL_TYPE (AimsOverviewPage, aims_overview_page, GTK_TYPE_WIDGET)

static AimsStore *
get_store (AimsOverviewPage *self)
{
  return self->document != NULL ? aims_document_get_store (self->document) : NULL;
}

static char *
get_text_view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
set_text_view_text (GtkTextView *view,
                    const char  *text)
{
  g_autofree char *current = get_text_view_text (view);

  /* Leave the cursor alone when nothing changed (e.g. our own edit echoing back) */
  if (g_strcmp0 (current, text) != 0)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text, -1);
}

static void
commit_field (AimsOverviewPage *self,
              const char       *field,
              const char       *value)
{
  AimsStore *store = get_store (self);
  g_autoptr(GError) error = NULL;

  if (store == NULL || self->project_uuid == NULL)
    return;

  if (!aims_store_update (store, "project", self->project_uuid, field,
                          g_variant_new_string (value), &error))
    aims_show_error_dialog (GTK_WIDGET (self), _("Could Not Record the Change"), error);
}

/* One expander row per field, one child row per choice with its count */
static void
fill_breakdown (AimsOverviewPage *self,
                AdwExpanderRow   *expander,
                const char       *field_name)
{
  AimsStore *store = get_store (self);
  const AimsFieldInfo *field = aims_table_info_lookup_field (aims_schema_lookup_table ("ai_system"), field_name);
  g_autoptr(GHashTable) counts = aims_inventory_count_by (store, field_name);

  for (guint i = 0; i < field->n_choices; i++)
    {
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, field->choice_list[i].id));
      g_autofree char *text = g_strdup_printf ("%u", count);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *label = gtk_label_new (text);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), aims_choice_label (field, field->choice_list[i].id));
      gtk_widget_add_css_class (label, count > 0 ? "numeric" : "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      adw_expander_row_add_row (expander, row);
      g_ptr_array_add (self->breakdown_rows, row);
    }
}

/* The same figure as every other place that shows it (aims_coverage_count) */
static void
update_coverage (AimsOverviewPage *self,
                 AimsStore        *store)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint covered = 0, in_scope = 0;

  if (!aims_coverage_count (store, NULL, &covered, &in_scope, &error))
    {
      g_warning ("%s", error->message);
      text = g_strdup (_("Could not be counted"));
    }
  else if (in_scope == 0)
    text = g_strdup (_("No AI system is in scope yet"));
  else
    /* Translators: risk assessment coverage: 3 of 12 in-scope AI systems (25 %) */
    text = g_strdup_printf (_("%u of %u in-scope AI systems (%u %%)"), covered, in_scope,
                            (guint) ((100.0 * covered / in_scope) + 0.5));

  adw_action_row_set_subtitle (self->coverage_row, text);
}

static void
update_counts (AimsOverviewPage *self)
{
  AimsStore *store = get_store (self);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *systems = NULL;
  g_autofree char *in_scope = NULL;
  g_autofree char *overdue = NULL;
  guint n_overdue;

  if (store == NULL)
    return;

  systems = g_strdup_printf ("%u", aims_store_count (store, "ai_system"));
  adw_action_row_set_subtitle (self->systems_row, systems);

  in_scope = g_strdup_printf ("%u", aims_inventory_count_in_scope (store));
  adw_action_row_set_subtitle (self->in_scope_row, in_scope);

  update_coverage (self, store);
  aims_overview_figures_update (self->figures_box, store);

  n_overdue = aims_inventory_count_overdue (store, now);
  overdue = g_strdup_printf ("%u", n_overdue);
  adw_action_row_set_subtitle (self->overdue_row, overdue);
  if (n_overdue > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->overdue_row), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->overdue_row), "warning");

  for (guint i = 0; i < self->breakdown_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->breakdown_rows, i);

      adw_expander_row_remove (ADW_EXPANDER_ROW (gtk_widget_get_ancestor (row, ADW_TYPE_EXPANDER_ROW)), row);
    }
  g_ptr_array_set_size (self->breakdown_rows, 0);
  fill_breakdown (self, self->lifecycle_row, "lifecycle");
  fill_breakdown (self, self->category_row, "eu_ai_act_category");
}

static void
update_file (AimsOverviewPage *self)
{
  GFile *file = self->document != NULL ? aims_document_get_file (self->document) : NULL;
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

  adw_action_row_set_subtitle (self->file_row,
                               path != NULL ? path : _("Not saved yet"));
}

static void
reload (AimsOverviewPage *self)
{
  AimsStore *store = get_store (self);
  g_autofree char *organisation = NULL;
  g_autofree char *scope = NULL;
  g_autofree char *exclusions = NULL;
  gboolean editable;

  if (store == NULL)
    return;

  organisation = aims_store_dup_text (store, "project", self->project_uuid, "organisation", NULL);
  scope = aims_store_dup_text (store, "project", self->project_uuid, "scope", NULL);
  exclusions = aims_store_dup_text (store, "project", self->project_uuid, "exclusions", NULL);

  /* A field still waiting for a pause in typing keeps what is being typed:
   * it is about to be recorded, and overwriting it would lose keystrokes. */
  self->loading = TRUE;
  if (self->organisation_commit_source == 0 &&
      g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->organisation_row)), organisation) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->organisation_row), organisation ? organisation : "");
  if (self->scope_commit_source == 0)
    set_text_view_text (self->scope_view, scope ? scope : "");
  if (self->exclusions_commit_source == 0)
    set_text_view_text (self->exclusions_view, exclusions ? exclusions : "");
  self->loading = FALSE;

  editable = !aims_document_get_read_only (self->document);
  gtk_editable_set_editable (GTK_EDITABLE (self->organisation_row), editable);
  gtk_text_view_set_editable (self->scope_view, editable);
  gtk_text_view_set_editable (self->exclusions_view, editable);

  update_counts (self);
  update_file (self);
}

static void
on_store_changed_cb (AimsOverviewPage *self,
                     const char       *table,
                     const char       *uuid,
                     AimsStore        *store)
{
  if (g_strcmp0 (table, "project") == 0)
    reload (self);
  else
    /* Counting and rebuilding the breakdowns after each edit elsewhere
     * would slow every edit down: a hidden page catches up when shown */
    aims_deferred_refresh_update (&self->refresh);
}

static void
refresh_counts (GtkWidget *widget,
                gboolean   shown_again)
{
  update_counts (AIMS_OVERVIEW_PAGE (widget));
}

static gboolean
commit_organisation_cb (gpointer data)
{
  AimsOverviewPage *self = data;

  self->organisation_commit_source = 0;
  commit_field (self, "organisation", gtk_editable_get_text (GTK_EDITABLE (self->organisation_row)));

  return G_SOURCE_REMOVE;
}

static void
on_organisation_changed_cb (AimsOverviewPage *self,
                            AdwEntryRow      *row)
{
  if (self->loading)
    return;

  g_clear_handle_id (&self->organisation_commit_source, g_source_remove);
  self->organisation_commit_source = g_timeout_add (TEXT_COMMIT_DELAY_MS, commit_organisation_cb, self);
}

static gboolean
commit_scope_cb (gpointer data)
{
  AimsOverviewPage *self = data;
  g_autofree char *text = get_text_view_text (self->scope_view);

  self->scope_commit_source = 0;
  commit_field (self, "scope", text);

  return G_SOURCE_REMOVE;
}

static gboolean
commit_exclusions_cb (gpointer data)
{
  AimsOverviewPage *self = data;
  g_autofree char *text = get_text_view_text (self->exclusions_view);

  self->exclusions_commit_source = 0;
  commit_field (self, "exclusions", text);

  return G_SOURCE_REMOVE;
}

/* Each field becomes one recorded edit when typing pauses; pending edits are
 * written at once when the person leaves the field, saves, undoes, or the
 * page goes away, so nothing typed is ever dropped. */
static void
flush_pending (AimsOverviewPage *self)
{
  if (self->organisation_commit_source != 0)
    {
      g_clear_handle_id (&self->organisation_commit_source, g_source_remove);
      commit_organisation_cb (self);
    }

  if (self->scope_commit_source != 0)
    {
      g_clear_handle_id (&self->scope_commit_source, g_source_remove);
      commit_scope_cb (self);
    }

  if (self->exclusions_commit_source != 0)
    {
      g_clear_handle_id (&self->exclusions_commit_source, g_source_remove);
      commit_exclusions_cb (self);
    }
}

static void
on_scope_changed_cb (AimsOverviewPage *self,
                     GtkTextBuffer    *buffer)
{
  if (self->loading)
    return;

  g_clear_handle_id (&self->scope_commit_source, g_source_remove);
  self->scope_commit_source = g_timeout_add (TEXT_COMMIT_DELAY_MS, commit_scope_cb, self);
}

static void
on_exclusions_changed_cb (AimsOverviewPage *self,
                          GtkTextBuffer    *buffer)
{
  if (self->loading)
    return;

  g_clear_handle_id (&self->exclusions_commit_source, g_source_remove);
  self->exclusions_commit_source = g_timeout_add (TEXT_COMMIT_DELAY_MS, commit_exclusions_cb, self);
}

static void
on_focus_leave_cb (AimsOverviewPage         *self,
                   GtkEventControllerFocus  *controller)
{
  flush_pending (self);
}

static void
aims_overview_page_dispose (GObject *object)
{
  AimsOverviewPage *self = AIMS_OVERVIEW_PAGE (object);

  flush_pending (self);
  aims_deferred_refresh_clear (&self->refresh);
  g_signal_group_set_target (self->store_signals, NULL);
  g_clear_object (&self->store_signals);
  g_clear_object (&self->document);

  gtk_widget_dispose_template (GTK_WIDGET (self), AIMS_TYPE_OVERVIEW_PAGE);

  /* The template's top child has no id, so dispose_template leaves it */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_first_child (GTK_WIDGET (self)))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (aims_overview_page_parent_class)->dispose (object);
}

static void
aims_overview_page_finalize (GObject *object)
{
  AimsOverviewPage *self = AIMS_OVERVIEW_PAGE (object);

  g_clear_pointer (&self->project_uuid, g_free);
  g_clear_pointer (&self->breakdown_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (aims_overview_page_parent_class)->finalize (object);
}

static void
aims_overview_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  AimsOverviewPage *self = AIMS_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aims_overview_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  AimsOverviewPage *self = AIMS_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      aims_overview_page_set_document (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aims_overview_page_class_init (AimsOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aims_overview_page_dispose;
  object_class->finalize = aims_overview_page_finalize;
  object_class->get_property = aims_overview_page_get_property;
  object_class->set_property = aims_overview_page_set_property;

  properties [PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         AIMS_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/aims-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AimsOverviewPage, organisation_row);
  gtk_widget_class_bind_template_child (widget_class, AimsOverviewPage, figures_box);
  gtk_widget_class_bind_template_child (widget_class, AimsOverviewPage, scope_view);
  gtk_widget_class_bind_template_child (widget_class, AimsOverviewPage, exclusions_view);
  gtk_widget_class_bind_template_child (widget_class, AimsOverviewPage, systems_row);
  gtk_widget_class_bind_template_child (widget_class, AimsOverviewPage, file_row);
  gtk_widget_class_bind_template_child (widget_class, AimsOverviewPage, in_scope_row);
  gtk_widget_class_bind_template_child (widget_class, AimsOverviewPage, overdue_row);
  gtk_widget_class_bind_template_child (widget_class, AimsOverviewPage, coverage_row);
  gtk_widget_class_bind_template_child (widget_class, AimsOverviewPage, lifecycle_row);
  gtk_widget_class_bind_template_child (widget_class, AimsOverviewPage, category_row);
  gtk_widget_class_bind_template_callback (widget_class, on_organisation_changed_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "overviewpage");
}

static void
aims_overview_page_init (AimsOverviewPage *self)
{
  GtkEventController *focus;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->breakdown_rows = g_ptr_array_new ();
  aims_deferred_refresh_init (&self->refresh, GTK_WIDGET (self), G_PRIORITY_DEFAULT_IDLE,
                              refresh_counts);
  self->store_signals = g_signal_group_new (AIMS_TYPE_STORE);
  g_signal_group_connect_object (self->store_signals, "changed",
                                 G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (gtk_text_view_get_buffer (self->scope_view), "changed",
                           G_CALLBACK (on_scope_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->exclusions_view), "changed",
                           G_CALLBACK (on_exclusions_changed_cb), self, G_CONNECT_SWAPPED);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (on_focus_leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->organisation_row), focus);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (on_focus_leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->scope_view), focus);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (on_focus_leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->exclusions_view), focus);
}

GtkWidget *
aims_overview_page_new (void)
{
  return g_object_new (AIMS_TYPE_OVERVIEW_PAGE, NULL);
}

/**
 * aims_overview_page_get_document:
 *
 * Returns: (transfer none) (nullable): the project shown
 */
AimsDocument *
aims_overview_page_get_document (AimsOverviewPage *self)
{
  g_return_val_if_fail (AIMS_IS_OVERVIEW_PAGE (self), NULL);

  return self->document;
}

/**
 * aims_overview_page_set_document:
 * @document: (nullable): the project to show
 *
 * Any text still being typed is recorded in the previous project first.
 */
void
aims_overview_page_set_document (AimsOverviewPage *self,
                                 AimsDocument     *document)
{
  g_return_if_fail (AIMS_IS_OVERVIEW_PAGE (self));
  g_return_if_fail (!document || AIMS_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  flush_pending (self);

  g_set_object (&self->document, document);
  g_clear_pointer (&self->project_uuid, g_free);

  if (document != NULL)
    {
      AimsStore *store = aims_document_get_store (document);

      self->project_uuid = aims_store_dup_project_uuid (store);
      g_signal_group_set_target (self->store_signals, store);
      reload (self);
    }
  else
    g_signal_group_set_target (self->store_signals, NULL);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DOCUMENT]);
}

/**
 * aims_overview_page_flush:
 *
 * Records text that is still waiting for a pause in typing.
 */
void
aims_overview_page_flush (AimsOverviewPage *self)
{
  g_return_if_fail (AIMS_IS_OVERVIEW_PAGE (self));

  flush_pending (self);
}
