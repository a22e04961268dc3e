/* aims-risk-impacts.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* In a risk's form, the impacts of the impact assessments that the risk was
 * made from ("Create Risk from This Impact") or is linked to, read from the
 * impact_risk links: the other way of the link the impact's dialog shows.
 * Each row opens its assessment at its impacts. The links are made from the
 * assessment side, so this list only shows them. */

#define G_LOG_DOMAIN "aims-risk-impacts"

#include "config.h"

#include "aims-risk-impacts.h"

#include <glib/gi18n.h>

struct _AimsRiskImpacts
{
  AdwPreferencesGroup parent_instance;

  /* Template widgets */
  GtkListBox         *list;

  /* Owned references */
  AimsStore          *store;
  GSignalGroup       *store_signals;
  char               *risk;

  guint               reload_source;
};

G_DEFINE_FINAL_TYPE (AimsRiskImpacts, aims_risk_impacts, ADW_TYPE_PREFERENCES_GROUP)

static const char *
choice_label (const char *table,
              const char *field,
              const char *id)
{
  const AimsFieldInfo *info = aims_table_info_lookup_field (aims_schema_lookup_table (table),
                                                            field);

  return aims_choice_label (info, id);
}

static GtkWidget *
create_row (AimsRiskImpacts *self,
            const char      *impact)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *affected = aims_store_dup_text (self->store, "impact", impact, "affected", NULL);
  g_autofree char *nature = aims_store_dup_text (self->store, "impact", impact, "nature", NULL);
  g_autofree char *dimension = aims_store_dup_text (self->store, "impact", impact, "dimension",
                                                    NULL);
  g_autofree char *assessment = aims_store_dup_text (self->store, "impact", impact, "assessment",
                                                     NULL);
  g_autofree char *reference = NULL;
  g_autofree char *status = NULL;
  g_autofree char *system = NULL;
  g_autofree char *name = NULL;
  g_autofree char *subtitle = NULL;
  g_autoptr(GVariant) version = NULL;
  g_autoptr(GString) what = NULL;

  if (assessment == NULL)
    return NULL;

  reference = aims_store_dup_text (self->store, "impact_assessment", assessment, "reference",
                                   NULL);
  status = aims_store_dup_text (self->store, "impact_assessment", assessment, "status", NULL);
  system = aims_store_dup_text (self->store, "impact_assessment", assessment, "system", NULL);
  version = aims_store_get (self->store, "impact_assessment", assessment, "version", NULL);
  name = system != NULL ? aims_store_dup_text (self->store, "ai_system", system, "name", NULL)
                        : NULL;

  what = g_string_new (choice_label ("impact", "nature", nature));
  if (dimension != NULL && *dimension != '\0')
    g_string_append_printf (what, " · %s", choice_label ("impact", "dimension", dimension));

  /* Translators: where a risk's impact comes from: Harm · Fairness — IA-004
   * version 2, CV screening assistant (Approved) */
  subtitle = g_strdup_printf (_("%s — %s version %u, %s (%s)"), what->str,
                              reference != NULL ? reference : "",
                              version != NULL ? (guint) g_variant_get_int64 (version) : 0u,
                              name != NULL ? name : "",
                              choice_label ("impact_assessment", "status", status));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 affected != NULL && *affected != '\0' ? affected
                                                                       : _("Unnamed impact"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-assessment");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", assessment);
  gtk_widget_set_tooltip_text (row, _("Open the impact assessment"));
  gtk_widget_set_name (row, impact);

  return row;
}

static void
reload (AimsRiskImpacts *self)
{
  g_auto(GStrv) impacts = NULL;
  GtkWidget *child;

  g_clear_handle_id (&self->reload_source, g_source_remove);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  if (self->store != NULL && self->risk != NULL)
    impacts = aims_assessment_dup_risk_impacts (self->store, self->risk);

  for (guint i = 0; impacts != NULL && impacts[i] != NULL; i++)
    {
      GtkWidget *row = create_row (self, impacts[i]);

      if (row != NULL)
        gtk_list_box_append (self->list, row);
    }
}

static gboolean
reload_idle_cb (gpointer data)
{
  AimsRiskImpacts *self = data;

  self->reload_source = 0;
  reload (self);

  return G_SOURCE_REMOVE;
}

static void
on_store_changed_cb (AimsRiskImpacts *self,
                     const char      *table,
                     const char      *uuid,
                     AimsStore       *store)
{
  if (table != NULL && !g_str_has_prefix (table, "impact") && !g_str_equal (table, "ai_system"))
    return;

  if (self->reload_source == 0)
    self->reload_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, reload_idle_cb, self, NULL);
}

static void
aims_risk_impacts_dispose (GObject *object)
{
  AimsRiskImpacts *self = AIMS_RISK_IMPACTS (object);

  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (self->store_signals != NULL)
    g_signal_group_set_target (self->store_signals, NULL);
  g_clear_object (&self->store_signals);
  g_clear_object (&self->store);

  gtk_widget_dispose_template (GTK_WIDGET (self), AIMS_TYPE_RISK_IMPACTS);

  G_OBJECT_CLASS (aims_risk_impacts_parent_class)->dispose (object);
}

static void
aims_risk_impacts_finalize (GObject *object)
{
  AimsRiskImpacts *self = AIMS_RISK_IMPACTS (object);

  g_free (self->risk);

  G_OBJECT_CLASS (aims_risk_impacts_parent_class)->finalize (object);
}

static void
aims_risk_impacts_class_init (AimsRiskImpactsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aims_risk_impacts_dispose;
  object_class->finalize = aims_risk_impacts_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/aims-risk-impacts.ui");
  gtk_widget_class_bind_template_child (widget_class, AimsRiskImpacts, list);
}

static void
aims_risk_impacts_init (AimsRiskImpacts *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));

  placeholder = gtk_label_new (_("No impact assessment links to this risk."));
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_end (placeholder, 12);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_list_box_set_placeholder (self->list, placeholder);

  self->store_signals = g_signal_group_new (AIMS_TYPE_STORE);
  g_signal_group_connect_object (self->store_signals, "changed",
                                 G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
aims_risk_impacts_new (void)
{
  return g_object_new (AIMS_TYPE_RISK_IMPACTS, NULL);
}

/**
 * aims_risk_impacts_set_risk:
 * @store: (nullable): the project
 * @risk: (nullable): the risk whose impacts to list
 */
void
aims_risk_impacts_set_risk (AimsRiskImpacts *self,
                            AimsStore       *store,
                            const char      *risk)
{
  g_return_if_fail (AIMS_IS_RISK_IMPACTS (self));
  g_return_if_fail (store == NULL || AIMS_IS_STORE (store));

  if (g_set_object (&self->store, store))
    g_signal_group_set_target (self->store_signals, store);
  g_free (self->risk);
  self->risk = g_strdup (risk);

  reload (self);
}

/**
 * aims_risk_impacts_get_list:
 *
 * Returns: (transfer none): the list of impacts, one row each
 */
GtkListBox *
aims_risk_impacts_get_list (AimsRiskImpacts *self)
{
  g_return_val_if_fail (AIMS_IS_RISK_IMPACTS (self), NULL);

  return self->list;
}
