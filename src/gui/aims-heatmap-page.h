/* aims-heatmap-page.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include <aims-core.h>

#include "aims-heatmap-view.h"

G_BEGIN_DECLS

#define AIMS_TYPE_HEATMAP_PAGE (aims_heatmap_page_get_type())

G_DECLARE_FINAL_TYPE (AimsHeatmapPage, aims_heatmap_page, AIMS, HEATMAP_PAGE, GtkWidget)

GtkWidget       *aims_heatmap_page_new          (void);
void             aims_heatmap_page_set_document (AimsHeatmapPage *self,
                                                 AimsDocument    *document);
AimsHeatmapView *aims_heatmap_page_get_view     (AimsHeatmapPage *self);
void             aims_heatmap_page_refresh      (AimsHeatmapPage *self);
gboolean         aims_heatmap_page_export       (AimsHeatmapPage *self,
                                                 GFile           *file,
                                                 GError         **error);
void             aims_heatmap_page_get_filter   (AimsHeatmapPage *self,
                                                 AimsRiskFilter  *filter);

G_END_DECLS
