/* aims-heatmap.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined(AIMS_CORE_INSIDE) && !defined(AIMS_CORE_COMPILATION)
# error "Only <aims-core.h> can be included directly."
#endif

#include <cairo.h>
#include <gio/gio.h>

#include "aims-matrix.h"

G_BEGIN_DECLS

/**
 * AimsHeatmapMode:
 * @AIMS_HEATMAP_INHERENT: risks at their inherent position
 * @AIMS_HEATMAP_RESIDUAL: risks at their residual position (inherent where
 *   no residual is set)
 * @AIMS_HEATMAP_BOTH: residual counts, with arrows from each inherent cell to
 *   the residual cells its risks moved to
 */
typedef enum
{
  AIMS_HEATMAP_INHERENT,
  AIMS_HEATMAP_RESIDUAL,
  AIMS_HEATMAP_BOTH,
} AimsHeatmapMode;

/**
 * AimsHeatmapPalette:
 * @AIMS_HEATMAP_PALETTE_MATRIX: the levels' own colours
 * @AIMS_HEATMAP_PALETTE_COLOUR_BLIND: a palette that stays distinct for
 *   the common colour vision deficiencies (Paul Tol's sequential YlOrBr:
 *   light yellow to dark orange-brown, ordered by lightness)
 */
typedef enum
{
  AIMS_HEATMAP_PALETTE_MATRIX,
  AIMS_HEATMAP_PALETTE_COLOUR_BLIND,
} AimsHeatmapPalette;

/**
 * AimsHeatmapCounts:
 *
 * How many risks sit in each cell, for one matrix. Cells are addressed by
 * step values (1 … n). Moves count the risks that go from an inherent cell
 * to a different residual cell.
 */
typedef struct _AimsHeatmapCounts AimsHeatmapCounts;

#define AIMS_TYPE_HEATMAP_COUNTS (aims_heatmap_counts_get_type ())

GType              aims_heatmap_counts_get_type      (void) G_GNUC_CONST;
AimsHeatmapCounts *aims_heatmap_counts_new           (guint               n_likelihood,
                                                      guint               n_impact);
AimsHeatmapCounts *aims_heatmap_counts_ref           (AimsHeatmapCounts  *self);
void               aims_heatmap_counts_unref         (AimsHeatmapCounts  *self);
void               aims_heatmap_counts_add           (AimsHeatmapCounts  *self,
                                                      guint               inherent_likelihood,
                                                      guint               inherent_impact,
                                                      guint               residual_likelihood,
                                                      guint               residual_impact);
guint              aims_heatmap_counts_get           (AimsHeatmapCounts  *self,
                                                      AimsHeatmapMode     mode,
                                                      guint               likelihood,
                                                      guint               impact);
guint              aims_heatmap_counts_get_move      (AimsHeatmapCounts  *self,
                                                      guint               from_likelihood,
                                                      guint               from_impact,
                                                      guint               to_likelihood,
                                                      guint               to_impact);
guint              aims_heatmap_counts_get_total     (AimsHeatmapCounts  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AimsHeatmapCounts, aims_heatmap_counts_unref)

/**
 * AimsRenderStyle:
 * @foreground: text and lines, "#rrggbb"
 * @background: behind the grid, "#rrggbb"
 * @font_family: e.g. "Cantarell"; %NULL for the default sans-serif
 * @scale: type size multiplier (1.0 on screen, larger for presentation)
 *
 * What the drawing takes from the theme. The GUI fills it from the style
 * manager (light or dark); exports use aims_render_style_default().
 */
typedef struct
{
  const char *foreground;
  const char *background;
  const char *font_family;
  double      scale;
} AimsRenderStyle;

/**
 * AimsHeatmapOptions:
 * @mode: which positions to count and draw
 * @palette: the cell colours
 * @swap_axes: likelihood across, impact down (the default is likelihood down)
 * @flip_likelihood: highest likelihood at the bottom (the default: at the top)
 * @show_legend: draw the levels' legend
 * @title: (nullable): a title above the grid
 * @focus_likelihood: a cell to outline as focused (0 for none)
 * @focus_impact: its impact
 */
typedef struct
{
  AimsHeatmapMode     mode;
  AimsHeatmapPalette  palette;
  gboolean            swap_axes;
  gboolean            flip_likelihood;
  gboolean            show_legend;
  const char         *title;
  guint               focus_likelihood;
  guint               focus_impact;
} AimsHeatmapOptions;

const AimsRenderStyle *aims_render_style_default     (void);
void                   aims_heatmap_options_init     (AimsHeatmapOptions       *options);
char                  *aims_heatmap_dup_level_colour (AimsMatrix               *matrix,
                                                      AimsHeatmapPalette        palette,
                                                      int                       level);

void                   aims_heatmap_draw             (cairo_t                  *cr,
                                                      double                    width,
                                                      double                    height,
                                                      AimsMatrix               *matrix,
                                                      AimsHeatmapCounts        *counts,
                                                      const AimsHeatmapOptions *options,
                                                      const AimsRenderStyle    *style);
gboolean               aims_heatmap_hit_test         (double                    width,
                                                      double                    height,
                                                      AimsMatrix               *matrix,
                                                      const AimsHeatmapOptions *options,
                                                      const AimsRenderStyle    *style,
                                                      double                    x,
                                                      double                    y,
                                                      guint                    *likelihood,
                                                      guint                    *impact);
gboolean               aims_heatmap_get_cell_rect    (double                    width,
                                                      double                    height,
                                                      AimsMatrix               *matrix,
                                                      const AimsHeatmapOptions *options,
                                                      const AimsRenderStyle    *style,
                                                      guint                     likelihood,
                                                      guint                     impact,
                                                      cairo_rectangle_t        *rect);
gboolean               aims_heatmap_write_file       (const char               *path,
                                                      double                    width,
                                                      double                    height,
                                                      AimsMatrix               *matrix,
                                                      AimsHeatmapCounts        *counts,
                                                      const AimsHeatmapOptions *options,
                                                      GError                  **error);

G_END_DECLS
