/* aims-incident-durations.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* An incident's response times, under its timeline: how long it took to
 * notice (detected − occurred) and to fix (resolved − detected). Read-only:
 * they follow the times above as they are edited. */

#define G_LOG_DOMAIN "aims-incident-durations"

#include "config.h"

#include "aims-incident-durations.h"

#include <glib/gi18n.h>

static GtkWidget *
create_row (GtkWidget  *group,
            const char *name,
            const char *title)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *value = gtk_label_new (NULL);

  /* The figure stands out at the end of the row, as a value does */
  gtk_widget_set_name (value, "value");
  gtk_label_set_selectable (GTK_LABEL (value), TRUE);
  gtk_widget_set_focusable (value, FALSE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), value);
  g_object_set_data (G_OBJECT (row), "value", value);
  gtk_widget_set_name (row, name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  g_object_set_data (G_OBJECT (group), name, row);

  return row;
}

/**
 * aims_incident_durations_new:
 *
 * Returns: (transfer floating): a group with the time to detect and the time
 *   to resolve
 */
GtkWidget *
aims_incident_durations_new (void)
{
  GtkWidget *group = adw_preferences_group_new ();

  gtk_widget_set_name (group, "incident-durations");
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Response Times"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Worked out from the timeline above."));
  create_row (group, "time-to-detect", _("Time to detect"));
  create_row (group, "time-to-resolve", _("Time to resolve"));

  return group;
}

static void
show_span (GtkWidget  *group,
           const char *name,
           gboolean    has,
           GTimeSpan   span,
           const char *missing)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (group), name);
  g_autofree char *text = has ? aims_incident_format_duration (span) : g_strdup (missing);

  GtkLabel *value = g_object_get_data (G_OBJECT (row), "value");

  /* What is missing reads as help under the title */
  gtk_label_set_text (value, has ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (value), has);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), has ? "" : text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                  -1);
}

/**
 * aims_incident_durations_update:
 * @group: a group from aims_incident_durations_new()
 * @store: (nullable): the store
 * @uuid: (nullable): the incident
 *
 * Shows the incident's durations as the store holds them.
 */
void
aims_incident_durations_update (GtkWidget  *group,
                                AimsStore  *store,
                                const char *uuid)
{
  AimsIncidentDurations durations = { 0, };

  g_return_if_fail (ADW_IS_PREFERENCES_GROUP (group));

  if (store != NULL && uuid != NULL)
    aims_incident_get_durations (store, uuid, &durations, NULL);

  show_span (group, "time-to-detect", durations.has_time_to_detect, durations.time_to_detect,
             _("Needs the times it occurred and was detected"));
  show_span (group, "time-to-resolve", durations.has_time_to_resolve,
             durations.time_to_resolve, _("Needs the times it was detected and resolved"));
}
