/* aims-audits-page.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Audits & Actions section: the audit programme and the findings, as
 * tabs (ISO/IEC 42001 9.2, 10.2). An audit's form holds its scope and
 * checklist, a finding's its whys, corrective actions and closure
 * (aims-form-extras.c). */

#define G_LOG_DOMAIN "aims-audits-page"

#include "config.h"

#include <adwaita.h>

#include "aims-audits-page.h"

#include <glib/gi18n.h>

struct _AimsAuditsPage
{
  GtkWidget          parent_instance;

  /* Template widgets */
  AdwViewStack      *view_stack;
  AimsRecordBrowser *audits_browser;
  AimsRecordBrowser *findings_browser;
};

G_DEFINE_FINAL_TYPE (AimsAuditsPage, aims_audits_page, GTK_TYPE_WIDGET)

static void
aims_audits_page_dispose (GObject *object)
{
  AimsAuditsPage *self = AIMS_AUDITS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), AIMS_TYPE_AUDITS_PAGE);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_first_child (GTK_WIDGET (self)))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (aims_audits_page_parent_class)->dispose (object);
}

static void
aims_audits_page_class_init (AimsAuditsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aims_audits_page_dispose;

  g_type_ensure (AIMS_TYPE_RECORD_BROWSER);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/aims-audits-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AimsAuditsPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, AimsAuditsPage, audits_browser);
  gtk_widget_class_bind_template_child (widget_class, AimsAuditsPage, findings_browser);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "auditspage");
}

static void
aims_audits_page_init (AimsAuditsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
aims_audits_page_new (void)
{
  return g_object_new (AIMS_TYPE_AUDITS_PAGE, NULL);
}

/**
 * aims_audits_page_set_document:
 * @document: (nullable): the project shown
 */
void
aims_audits_page_set_document (AimsAuditsPage *self,
                               AimsDocument   *document)
{
  g_return_if_fail (AIMS_IS_AUDITS_PAGE (self));

  aims_record_browser_set_document (self->audits_browser, document);
  aims_record_browser_set_document (self->findings_browser, document);
  adw_view_stack_set_visible_child_name (self->view_stack, "audit");
}

/**
 * aims_audits_page_get_browser:
 * @table: "audit" or "finding"
 *
 * Returns: (transfer none) (nullable): the browser of that register
 */
AimsRecordBrowser *
aims_audits_page_get_browser (AimsAuditsPage *self,
                              const char     *table)
{
  g_return_val_if_fail (AIMS_IS_AUDITS_PAGE (self), NULL);

  if (g_strcmp0 (table, "audit") == 0)
    return self->audits_browser;
  if (g_strcmp0 (table, "finding") == 0)
    return self->findings_browser;

  return NULL;
}

/**
 * aims_audits_page_show:
 * @table: the register to show
 * @uuid: (nullable): a record to select in it
 */
void
aims_audits_page_show (AimsAuditsPage *self,
                       const char     *table,
                       const char     *uuid)
{
  AimsRecordBrowser *browser;

  g_return_if_fail (AIMS_IS_AUDITS_PAGE (self));

  if (!(browser = aims_audits_page_get_browser (self, table)))
    return;

  adw_view_stack_set_visible_child_name (self->view_stack, table);
  if (uuid != NULL)
    aims_record_browser_select (browser, uuid);
}

/**
 * aims_audits_page_flush:
 *
 * Records text still waiting for a pause in typing, in both registers.
 */
void
aims_audits_page_flush (AimsAuditsPage *self)
{
  g_return_if_fail (AIMS_IS_AUDITS_PAGE (self));

  aims_record_browser_flush (self->audits_browser);
  aims_record_browser_flush (self->findings_browser);
}
