/* aims-overview-page.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include <aims-core.h>

G_BEGIN_DECLS

#define AIMS_TYPE_OVERVIEW_PAGE (aims_overview_page_get_type())

G_DECLARE_FINAL_TYPE (AimsOverviewPage, aims_overview_page, AIMS, OVERVIEW_PAGE, GtkWidget)

GtkWidget    *aims_overview_page_new          (void);
AimsDocument *aims_overview_page_get_document (AimsOverviewPage *self);
void          aims_overview_page_set_document (AimsOverviewPage *self,
                                               AimsDocument     *document);
void          aims_overview_page_flush        (AimsOverviewPage *self);

G_END_DECLS
