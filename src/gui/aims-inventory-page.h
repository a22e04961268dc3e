/* aims-inventory-page.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include <aims-core.h>

#include "aims-page-prepare.h"
#include "aims-record-browser.h"

G_BEGIN_DECLS

#define AIMS_TYPE_INVENTORY_PAGE (aims_inventory_page_get_type())

G_DECLARE_FINAL_TYPE (AimsInventoryPage, aims_inventory_page, AIMS, INVENTORY_PAGE, GtkWidget)

GtkWidget         *aims_inventory_page_new          (void);
void               aims_inventory_page_set_document (AimsInventoryPage *self,
                                                     AimsDocument      *document);
AimsRecordBrowser *aims_inventory_page_get_browser  (AimsInventoryPage *self,
                                                     const char        *table);
void               aims_inventory_page_show         (AimsInventoryPage *self,
                                                     const char        *table,
                                                     const char        *uuid);
void               aims_inventory_page_flush        (AimsInventoryPage *self);
void               aims_inventory_page_prepare      (AimsInventoryPage *self);
AimsPagePrepare   *aims_inventory_page_get_prepare  (AimsInventoryPage *self);

G_END_DECLS
