/* aims-matrix-grid.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include <aims-core.h>

G_BEGIN_DECLS

#define AIMS_TYPE_MATRIX_GRID (aims_matrix_grid_get_type())

G_DECLARE_FINAL_TYPE (AimsMatrixGrid, aims_matrix_grid, AIMS, MATRIX_GRID, GtkWidget)

GtkWidget  *aims_matrix_grid_new              (void);
void        aims_matrix_grid_set_matrix       (AimsMatrixGrid *self,
                                               AimsMatrix     *matrix);
void        aims_matrix_grid_refresh          (AimsMatrixGrid *self);
GtkWidget  *aims_matrix_grid_get_cell         (AimsMatrixGrid *self,
                                               guint           likelihood,
                                               guint           impact);
GtkWidget  *aims_matrix_grid_get_level_button (AimsMatrixGrid *self,
                                               guint           level);

G_END_DECLS
