/* aims-window-records.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Going from one record to another across sections: a linked record opens
 * in the section that holds it, and "Add Risk" on an AI system's page adds
 * a risk of that system and opens it in the Risks section. "Record
 * Incident" there records an incident of the system and opens it in the
 * Incidents section; an incident's "New Risk" adds a risk of its system
 * linked to it, and "Reassess" opens a risk it reveals. */

#define G_LOG_DOMAIN "aims-window-records"

#include "config.h"

#include "aims-audits-page.h"
#include "aims-error-dialog.h"
#include "aims-inventory-page.h"
#include "aims-record-browser.h"
#include "aims-window-private.h"

#include <glib/gi18n.h>

static AimsStore *
get_store (AimsWindow *self)
{
  return self->document != NULL ? aims_document_get_store (self->document) : NULL;
}

static void
aims_window_show_record_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *param)
{
  const char *table, *uuid;

  g_variant_get (param, "(&s&s)", &table, &uuid);
  aims_window_show_record (AIMS_WINDOW (widget), table, uuid);
}

/* What the "add … for" actions call: a new record tied to @parent */
typedef char *(*AddForFunc) (AimsStore   *store,
                             const char  *parent,
                             const char  *title,
                             GError     **error);

/* Adds a record from another record's page and shows it, ready to edit */
static void
add_for (GtkWidget  *widget,
         GVariant   *param,
         AddForFunc  add,
         const char *title,
         const char *table,
         const char *failure)
{
  AimsWindow *self = AIMS_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  AimsStore *store = get_store (self);

  if (store == NULL || aims_document_get_read_only (self->document))
    return;

  /* The page it was asked from may still hold text being typed */
  _aims_window_flush_edits (self);

  uuid = add (store, g_variant_get_string (param, NULL), title, &error);
  if (uuid == NULL)
    {
      aims_show_error_dialog (widget, failure, error);
      return;
    }

  aims_window_show_record (self, table, uuid);
}

static void
aims_window_add_risk_for_system_action (GtkWidget  *widget,
                                        const char *action_name,
                                        GVariant   *param)
{
  add_for (widget, param, aims_risks_add_for_system, _("New risk"), "risk",
           _("Could Not Add the Risk"));
}

static void
aims_window_record_incident_for_system_action (GtkWidget  *widget,
                                               const char *action_name,
                                               GVariant   *param)
{
  add_for (widget, param, aims_incident_create, _("New incident"), "incident",
           _("Could Not Record the Incident"));
}

static void
aims_window_add_risk_for_incident_action (GtkWidget  *widget,
                                          const char *action_name,
                                          GVariant   *param)
{
  add_for (widget, param, aims_incident_add_risk, _("New risk"), "risk",
           _("Could Not Add the Risk"));
}

static void
aims_window_reassess_risk_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *param)
{
  AimsWindow *self = AIMS_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *risk = NULL;
  g_autofree char *note = NULL;
  const char *incident, *target;
  AimsStore *store = get_store (self);

  if (store == NULL)
    return;

  _aims_window_flush_edits (self);

  g_variant_get (param, "(&s&s)", &incident, &target);
  risk = aims_incident_reassess_risk (store, incident, target, &note, &error);
  if (risk == NULL)
    {
      aims_show_error_dialog (widget, _("Could Not Open the Risk"), error);
      return;
    }

  if (aims_window_show_record (self, "risk", risk) && note != NULL)
    {
      /* Toast titles are markup in libadwaita 1.2 */
      g_autofree char *title = g_markup_escape_text (note, -1);
      AdwToast *toast = adw_toast_new (title);

      adw_toast_set_timeout (toast, 10);
      aims_window_add_toast (self, toast);
    }
}

/* A finding by its uuid: from a corrective action's card on the board */
static void
aims_window_show_finding_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *param)
{
  aims_window_show_record (AIMS_WINDOW (widget), "finding", g_variant_get_string (param, NULL));
}

void
_aims_window_class_init_records (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.show-finding", "s",
                                   aims_window_show_finding_action);
  gtk_widget_class_install_action (widget_class, "win.show-record", "(ss)",
                                   aims_window_show_record_action);
  gtk_widget_class_install_action (widget_class, "win.add-risk-for-system", "s",
                                   aims_window_add_risk_for_system_action);
  gtk_widget_class_install_action (widget_class, "win.record-incident-for-system", "s",
                                   aims_window_record_incident_for_system_action);
  gtk_widget_class_install_action (widget_class, "win.add-risk-for-incident", "s",
                                   aims_window_add_risk_for_incident_action);
  gtk_widget_class_install_action (widget_class, "win.reassess-risk", "(ss)",
                                   aims_window_reassess_risk_action);
}

void
_aims_window_update_record_actions (AimsWindow *self)
{
  gboolean have = get_store (self) != NULL;
  gboolean writable = have && !aims_document_get_read_only (self->document);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-record", have);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-finding", have);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-risk-for-system", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.record-incident-for-system", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-risk-for-incident", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reassess-risk", have);
}

/**
 * aims_window_show_record:
 * @table: the record's table: "risk", "incident", "ai_system", "data_set"
 *   or "third_party"
 * @uuid: the record
 *
 * Shows the section that holds the record with the record in its form,
 * ready to edit; filters that would hide it are cleared.
 *
 * Returns: whether the record's section could show it
 */
gboolean
aims_window_show_record (AimsWindow *self,
                         const char *table,
                         const char *uuid)
{
  AimsRecordBrowser *browser = NULL;

  g_return_val_if_fail (AIMS_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (table != NULL, FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  if (get_store (self) == NULL)
    return FALSE;

  if (g_str_equal (table, "risk") && self->risks_page != NULL)
    {
      aims_window_show_section (self, "risks");
      browser = AIMS_RECORD_BROWSER (self->risks_page);
    }
  else if (g_str_equal (table, "incident") && self->incidents_page != NULL)
    {
      aims_window_show_section (self, "incidents");
      browser = AIMS_RECORD_BROWSER (self->incidents_page);
    }
  else if (self->audits_page != NULL &&
           (browser = aims_audits_page_get_browser (AIMS_AUDITS_PAGE (self->audits_page),
                                                    table)) != NULL)
    {
      aims_window_show_section (self, "audits");
      aims_audits_page_show (AIMS_AUDITS_PAGE (self->audits_page), table, NULL);
    }
  else if (self->inventory_page != NULL &&
           (browser = aims_inventory_page_get_browser (AIMS_INVENTORY_PAGE (self->inventory_page),
                                                       table)) != NULL)
    {
      aims_window_show_section (self, "systems");
      aims_inventory_page_show (AIMS_INVENTORY_PAGE (self->inventory_page), table, NULL);
    }

  if (browser == NULL)
    {
      g_warning ("No section shows records of “%s”", table);
      return FALSE;
    }

  aims_record_browser_show_record (browser, uuid);

  return g_strcmp0 (aims_record_browser_get_selected (browser), uuid) == 0;
}
