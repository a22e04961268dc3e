/* aims-risk-filters.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The risk register's own filters, beside the field facets every register
 * has: the AI system a risk concerns, "Above Tolerance" and "Overdue
 * Review". They narrow the register's list in the core with the same
 * definitions as the heatmap and the Overview's figures (open risks whose
 * residual level, or inherent where no residual is set, is above the
 * matrix's tolerance; open risks whose next review date has passed). */

#define G_LOG_DOMAIN "aims-risk-filters"

#include "config.h"

#include "aims-risk-filters.h"

#include <glib/gi18n.h>

struct _AimsRiskFilters
{
  GObject          parent_instance;

  /* Widgets, owned by the box they are added to */
  GtkDropDown     *system_dropdown;
  GtkToggleButton *above_button;
  GtkToggleButton *overdue_button;

  /* Owned references */
  AimsRecordList  *list;
  GSignalGroup    *store_signals;
  GPtrArray       *system_uuids;    /* parallel to system_dropdown, [0] = NULL */

  guint            fill_source;
  guint            filling : 1;
  guint            stale : 1;     /* the systems changed while not shown */
};

G_DEFINE_FINAL_TYPE (AimsRiskFilters, aims_risk_filters, G_TYPE_OBJECT)

static const char *
selected_system (AimsRiskFilters *self)
{
  guint position = gtk_drop_down_get_selected (self->system_dropdown);

  if (position == GTK_INVALID_LIST_POSITION || position >= self->system_uuids->len)
    return NULL;

  return g_ptr_array_index (self->system_uuids, position);
}

static void
apply (AimsRiskFilters *self)
{
  AimsRiskFilter filter;
  const char *system;

  if (self->list == NULL || self->filling)
    return;

  system = selected_system (self);
  aims_record_list_set_linked_to (self->list, system != NULL ? "risk_system" : NULL, system);

  /* Closed risks are neither above tolerance nor overdue, as in the figures */
  aims_risk_filter_init (&filter);
  if (gtk_toggle_button_get_active (self->above_button))
    filter.flags |= AIMS_RISK_FILTER_ABOVE_TOLERANCE | AIMS_RISK_FILTER_OPEN;
  if (gtk_toggle_button_get_active (self->overdue_button))
    filter.flags |= AIMS_RISK_FILTER_OVERDUE | AIMS_RISK_FILTER_OPEN;
  aims_record_list_set_risk_filter (self->list, filter.flags != 0 ? &filter : NULL);
}

/* The AI systems by name, keeping the chosen one while it exists */
static void
fill_systems (AimsRiskFilters *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *chosen = g_strdup (selected_system (self));
  AimsStore *store = self->list != NULL ? aims_record_list_get_store (self->list) : NULL;
  guint position = 0;

  self->stale = FALSE;
  g_ptr_array_set_size (self->system_uuids, 0);
  g_ptr_array_add (self->system_uuids, NULL);
  gtk_string_list_append (names, _("All AI Systems"));

  if (store != NULL)
    {
      g_autoptr(AimsRecordList) systems = aims_record_list_new (store, "ai_system");

      aims_record_list_set_sort (systems, "name", FALSE);
      for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (systems)); k++)
        {
          g_autoptr(AimsRecord) record = g_list_model_get_item (G_LIST_MODEL (systems), k);
          g_autofree char *name = aims_record_dup_text (record, "name");
          const char *uuid = aims_record_get_uuid (record);

          gtk_string_list_append (names, name != NULL ? name : "");
          g_ptr_array_add (self->system_uuids, g_strdup (uuid));
          if (g_strcmp0 (uuid, chosen) == 0)
            position = self->system_uuids->len - 1;
        }
    }

  self->filling = TRUE;
  gtk_drop_down_set_model (self->system_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->system_dropdown, position);
  self->filling = FALSE;

  /* The chosen system may be gone */
  if (chosen != NULL && position == 0)
    apply (self);
}

static gboolean
fill_systems_cb (gpointer data)
{
  AimsRiskFilters *self = data;

  self->fill_source = 0;
  fill_systems (self);

  return G_SOURCE_REMOVE;
}

/* Editing systems elsewhere never pays for listing them all here: a hidden
 * register only notes it, and catches up when shown */
static void
on_store_changed_cb (AimsRiskFilters *self,
                     const char      *table,
                     const char      *uuid,
                     AimsStore       *store)
{
  if (g_strcmp0 (table, "ai_system") != 0)
    return;

  if (!gtk_widget_get_mapped (GTK_WIDGET (self->system_dropdown)))
    self->stale = TRUE;
  else if (self->fill_source == 0)
    self->fill_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, fill_systems_cb, self, NULL);
}

static void
on_dropdown_map_cb (AimsRiskFilters *self)
{
  if (self->stale)
    fill_systems (self);
}

static void
on_filter_changed_cb (AimsRiskFilters *self)
{
  apply (self);
}

static GtkToggleButton *
create_toggle (const char *label,
               const char *name,
               const char *tooltip)
{
  GtkWidget *button = gtk_toggle_button_new ();
  GtkWidget *child = gtk_label_new_with_mnemonic (label);

  /* The label names the button for screen readers, as a mnemonic label
   * does; GTK 4.8 would read a button's own mnemonic label twice */
  gtk_label_set_mnemonic_widget (GTK_LABEL (child), button);
  gtk_button_set_child (GTK_BUTTON (button), child);
  gtk_widget_set_name (button, name);
  gtk_widget_set_tooltip_text (button, tooltip);

  return GTK_TOGGLE_BUTTON (g_object_ref_sink (button));
}

static void
aims_risk_filters_dispose (GObject *object)
{
  AimsRiskFilters *self = AIMS_RISK_FILTERS (object);

  g_clear_handle_id (&self->fill_source, g_source_remove);
  if (self->store_signals != NULL)
    g_signal_group_set_target (self->store_signals, NULL);
  g_clear_object (&self->store_signals);

  if (self->system_dropdown != NULL)
    g_signal_handlers_disconnect_by_data (self->system_dropdown, self);
  if (self->above_button != NULL)
    g_signal_handlers_disconnect_by_data (self->above_button, self);
  if (self->overdue_button != NULL)
    g_signal_handlers_disconnect_by_data (self->overdue_button, self);
  g_clear_object (&self->system_dropdown);
  g_clear_object (&self->above_button);
  g_clear_object (&self->overdue_button);
  g_clear_object (&self->list);

  G_OBJECT_CLASS (aims_risk_filters_parent_class)->dispose (object);
}

static void
aims_risk_filters_finalize (GObject *object)
{
  AimsRiskFilters *self = AIMS_RISK_FILTERS (object);

  g_clear_pointer (&self->system_uuids, g_ptr_array_unref);

  G_OBJECT_CLASS (aims_risk_filters_parent_class)->finalize (object);
}

static void
aims_risk_filters_class_init (AimsRiskFiltersClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = aims_risk_filters_dispose;
  object_class->finalize = aims_risk_filters_finalize;
}

static void
aims_risk_filters_init (AimsRiskFilters *self)
{
  g_autoptr(GtkExpression) expression = NULL;

  self->system_uuids = g_ptr_array_new_with_free_func (g_free);

  self->system_dropdown = GTK_DROP_DOWN (g_object_ref_sink (gtk_drop_down_new (NULL, NULL)));
  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  gtk_drop_down_set_expression (self->system_dropdown, expression);
  gtk_drop_down_set_enable_search (self->system_dropdown, TRUE);
  gtk_widget_set_name (GTK_WIDGET (self->system_dropdown), "system");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->system_dropdown), _("AI system"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->system_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("AI system"),
                                  -1);

  self->above_button = create_toggle (_("Above _Tolerance"), "above-tolerance",
                                      _("Only open risks whose residual level (inherent where no "
                                        "residual is set) is above the matrix’s tolerance"));
  self->overdue_button = create_toggle (_("_Overdue Review"), "overdue-review",
                                        _("Only open risks whose next review date has passed"));

  fill_systems (self);

  g_signal_connect_swapped (self->system_dropdown, "notify::selected",
                            G_CALLBACK (on_filter_changed_cb), self);
  g_signal_connect_swapped (self->system_dropdown, "map",
                            G_CALLBACK (on_dropdown_map_cb), self);
  g_signal_connect_swapped (self->above_button, "toggled",
                            G_CALLBACK (on_filter_changed_cb), self);
  g_signal_connect_swapped (self->overdue_button, "toggled",
                            G_CALLBACK (on_filter_changed_cb), self);

  self->store_signals = g_signal_group_new (AIMS_TYPE_STORE);
  g_signal_group_connect_object (self->store_signals, "changed",
                                 G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);
}

/* Public API */

AimsRiskFilters *
aims_risk_filters_new (void)
{
  return g_object_new (AIMS_TYPE_RISK_FILTERS, NULL);
}

/**
 * aims_risk_filters_add_to:
 * @box: where the register's filters are
 *
 * Adds the filters' widgets to @box, after what it holds.
 */
void
aims_risk_filters_add_to (AimsRiskFilters *self,
                          GtkFlowBox      *box)
{
  g_return_if_fail (AIMS_IS_RISK_FILTERS (self));
  g_return_if_fail (GTK_IS_FLOW_BOX (box));

  gtk_flow_box_append (box, GTK_WIDGET (self->system_dropdown));
  gtk_flow_box_append (box, GTK_WIDGET (self->above_button));
  gtk_flow_box_append (box, GTK_WIDGET (self->overdue_button));
}

/**
 * aims_risk_filters_set_list:
 * @list: (nullable): the register's list, to narrow
 *
 * Filters @list from now on; the filters start cleared.
 */
void
aims_risk_filters_set_list (AimsRiskFilters *self,
                            AimsRecordList  *list)
{
  g_return_if_fail (AIMS_IS_RISK_FILTERS (self));
  g_return_if_fail (list == NULL || AIMS_IS_RECORD_LIST (list));

  if (!g_set_object (&self->list, list))
    return;

  g_signal_group_set_target (self->store_signals,
                             list != NULL ? aims_record_list_get_store (list) : NULL);

  self->filling = TRUE;
  gtk_toggle_button_set_active (self->above_button, FALSE);
  gtk_toggle_button_set_active (self->overdue_button, FALSE);
  gtk_drop_down_set_selected (self->system_dropdown, 0);
  self->filling = FALSE;

  /* Listing every system waits until someone can see them */
  if (gtk_widget_get_mapped (GTK_WIDGET (self->system_dropdown)))
    fill_systems (self);
  else
    self->stale = TRUE;
  apply (self);
}

/**
 * aims_risk_filters_clear:
 *
 * Lets every risk through again.
 */
void
aims_risk_filters_clear (AimsRiskFilters *self)
{
  g_return_if_fail (AIMS_IS_RISK_FILTERS (self));

  self->filling = TRUE;
  gtk_toggle_button_set_active (self->above_button, FALSE);
  gtk_toggle_button_set_active (self->overdue_button, FALSE);
  gtk_drop_down_set_selected (self->system_dropdown, 0);
  self->filling = FALSE;

  apply (self);
}

/**
 * aims_risk_filters_set_system:
 * @system: (nullable): an AI system, or %NULL for all
 *
 * Shows only the risks of @system, choosing it in the AI system filter.
 */
void
aims_risk_filters_set_system (AimsRiskFilters *self,
                              const char      *system)
{
  guint position = 0;

  g_return_if_fail (AIMS_IS_RISK_FILTERS (self));

  /* A system added a moment ago may not be offered yet */
  if (self->fill_source != 0 || self->stale)
    {
      g_clear_handle_id (&self->fill_source, g_source_remove);
      fill_systems (self);
    }

  for (guint k = 1; system != NULL && k < self->system_uuids->len; k++)
    if (g_strcmp0 (g_ptr_array_index (self->system_uuids, k), system) == 0)
      position = k;

  gtk_drop_down_set_selected (self->system_dropdown, position);
  apply (self);
}

/**
 * aims_risk_filters_get_widget:
 * @name: "system", "above-tolerance" or "overdue-review"
 *
 * Returns: (transfer none) (nullable): that filter's widget
 */
GtkWidget *
aims_risk_filters_get_widget (AimsRiskFilters *self,
                              const char      *name)
{
  g_return_val_if_fail (AIMS_IS_RISK_FILTERS (self), NULL);

  if (g_strcmp0 (name, "system") == 0)
    return GTK_WIDGET (self->system_dropdown);
  if (g_strcmp0 (name, "above-tolerance") == 0)
    return GTK_WIDGET (self->above_button);
  if (g_strcmp0 (name, "overdue-review") == 0)
    return GTK_WIDGET (self->overdue_button);

  return NULL;
}
