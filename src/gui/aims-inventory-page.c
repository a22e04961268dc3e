/* aims-inventory-page.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The AI Systems section: the inventory of systems, with their data sets
 * and third parties as tabs (ISO/IEC 42001 4.3, A.4, A.7, A.10). */

#define G_LOG_DOMAIN "aims-inventory-page"

#include "config.h"

#include <adwaita.h>

#include "aims-inventory-page.h"

#include "aims-page-prepare.h"

#include <glib/gi18n.h>

struct _AimsInventoryPage
{
  GtkWidget          parent_instance;

  /* Template widgets */
  AdwViewStack      *view_stack;
  AimsRecordBrowser *systems_browser;
  AimsRecordBrowser *data_sets_browser;
  AimsRecordBrowser *third_parties_browser;

  AimsPagePrepare   *prepare;
};

G_DEFINE_FINAL_TYPE (AimsInventoryPage, aims_inventory_page, GTK_TYPE_WIDGET)

static void
aims_inventory_page_dispose (GObject *object)
{
  AimsInventoryPage *self = AIMS_INVENTORY_PAGE (object);

  g_clear_pointer (&self->prepare, aims_page_prepare_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), AIMS_TYPE_INVENTORY_PAGE);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_first_child (GTK_WIDGET (self)))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (aims_inventory_page_parent_class)->dispose (object);
}

/* The list the section opens on gets its rows ahead (the data sets' and
 * third parties' tabs keep theirs until first shown) */
static gboolean
prepare_first_step (GtkWidget *page,
                    gpointer   user_data)
{
  AimsInventoryPage *self = AIMS_INVENTORY_PAGE (page);

  return aims_record_browser_prepare_view (self->systems_browser);
}

/* Shown: the frame that shows it does what the preparation had left */
static void
aims_inventory_page_map (GtkWidget *widget)
{
  AimsInventoryPage *self = AIMS_INVENTORY_PAGE (widget);

  aims_page_prepare_stop (self->prepare);

  GTK_WIDGET_CLASS (aims_inventory_page_parent_class)->map (widget);
}

static void
aims_inventory_page_class_init (AimsInventoryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aims_inventory_page_dispose;
  widget_class->map = aims_inventory_page_map;

  g_type_ensure (AIMS_TYPE_RECORD_BROWSER);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/aims-inventory-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AimsInventoryPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, AimsInventoryPage, systems_browser);
  gtk_widget_class_bind_template_child (widget_class, AimsInventoryPage, data_sets_browser);
  gtk_widget_class_bind_template_child (widget_class, AimsInventoryPage, third_parties_browser);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "inventorypage");
}

static void
aims_inventory_page_init (AimsInventoryPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->prepare = aims_page_prepare_new (GTK_WIDGET (self), prepare_first_step, NULL);
}

GtkWidget *
aims_inventory_page_new (void)
{
  return g_object_new (AIMS_TYPE_INVENTORY_PAGE, NULL);
}

/**
 * aims_inventory_page_set_document:
 * @document: (nullable): the project shown
 */
void
aims_inventory_page_set_document (AimsInventoryPage *self,
                                  AimsDocument      *document)
{
  g_return_if_fail (AIMS_IS_INVENTORY_PAGE (self));

  aims_page_prepare_stop (self->prepare);
  aims_record_browser_set_document (self->systems_browser, document);
  aims_record_browser_set_document (self->data_sets_browser, document);
  aims_record_browser_set_document (self->third_parties_browser, document);
  adw_view_stack_set_visible_child_name (self->view_stack, "ai_system");
}

/**
 * aims_inventory_page_get_browser:
 * @table: "ai_system", "data_set" or "third_party"
 *
 * Returns: (transfer none) (nullable): the browser of that register
 */
AimsRecordBrowser *
aims_inventory_page_get_browser (AimsInventoryPage *self,
                                 const char        *table)
{
  g_return_val_if_fail (AIMS_IS_INVENTORY_PAGE (self), NULL);

  if (g_strcmp0 (table, "ai_system") == 0)
    return self->systems_browser;
  if (g_strcmp0 (table, "data_set") == 0)
    return self->data_sets_browser;
  if (g_strcmp0 (table, "third_party") == 0)
    return self->third_parties_browser;

  return NULL;
}

/**
 * aims_inventory_page_show:
 * @table: the register to show
 * @uuid: (nullable): a record to select in it
 */
void
aims_inventory_page_show (AimsInventoryPage *self,
                          const char        *table,
                          const char        *uuid)
{
  AimsRecordBrowser *browser;

  g_return_if_fail (AIMS_IS_INVENTORY_PAGE (self));

  if (!(browser = aims_inventory_page_get_browser (self, table)))
    return;

  adw_view_stack_set_visible_child_name (self->view_stack, table);
  if (uuid != NULL)
    aims_record_browser_select (browser, uuid);
}

/**
 * aims_inventory_page_flush:
 *
 * Records text still waiting for a pause in typing, in every register.
 */
void
aims_inventory_page_flush (AimsInventoryPage *self)
{
  g_return_if_fail (AIMS_IS_INVENTORY_PAGE (self));

  aims_record_browser_flush (self->systems_browser);
  aims_record_browser_flush (self->data_sets_browser);
  aims_record_browser_flush (self->third_parties_browser);
}

/**
 * aims_inventory_page_prepare:
 *
 * Readies the hidden section for its first show, in low-priority steps
 * from the window's next painted frame on (aims-page-prepare.c). Nothing
 * happens if the section is on screen.
 */
void
aims_inventory_page_prepare (AimsInventoryPage *self)
{
  g_return_if_fail (AIMS_IS_INVENTORY_PAGE (self));

  aims_page_prepare_start (self->prepare);
}

/**
 * aims_inventory_page_get_prepare:
 *
 * Returns: (transfer none): how the section's preparation went
 */
AimsPagePrepare *
aims_inventory_page_get_prepare (AimsInventoryPage *self)
{
  g_return_val_if_fail (AIMS_IS_INVENTORY_PAGE (self), NULL);

  return self->prepare;
}
