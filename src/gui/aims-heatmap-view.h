/* aims-heatmap-view.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include <aims-core.h>

G_BEGIN_DECLS

#define AIMS_TYPE_HEATMAP_VIEW (aims_heatmap_view_get_type())

G_DECLARE_FINAL_TYPE (AimsHeatmapView, aims_heatmap_view, AIMS, HEATMAP_VIEW, GtkWidget)

GtkWidget                *aims_heatmap_view_new              (void);
void                      aims_heatmap_view_set_data         (AimsHeatmapView          *self,
                                                              AimsMatrix               *matrix,
                                                              AimsHeatmapCounts        *counts);
AimsMatrix               *aims_heatmap_view_get_matrix       (AimsHeatmapView          *self);
AimsHeatmapCounts        *aims_heatmap_view_get_counts       (AimsHeatmapView          *self);
const AimsHeatmapOptions *aims_heatmap_view_get_options      (AimsHeatmapView          *self);
void                      aims_heatmap_view_set_options      (AimsHeatmapView          *self,
                                                              const AimsHeatmapOptions *options);
void                      aims_heatmap_view_set_type_scale   (AimsHeatmapView          *self,
                                                              double                    scale);
typedef char *          (*AimsHeatmapTooltipFunc)             (guint                     likelihood,
                                                              guint                     impact,
                                                              gpointer                  user_data);

void                      aims_heatmap_view_set_tooltip_func (AimsHeatmapView          *self,
                                                              AimsHeatmapTooltipFunc    func,
                                                              gpointer                  user_data);
GtkWidget                *aims_heatmap_view_get_cell         (AimsHeatmapView          *self,
                                                              guint                     likelihood,
                                                              guint                     impact);

G_END_DECLS
