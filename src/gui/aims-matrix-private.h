/* aims-matrix-private.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include <aims-core.h>

G_BEGIN_DECLS

/* Shared by the parts of the matrix editor (aims-matrix-*.c) */

void  _aims_matrix_paint_widget   (GtkWidget      *widget,
                                   const char     *fill);
char *_aims_matrix_dup_step_name  (AimsMatrix     *matrix,
                                   AimsMatrixAxis  axis,
                                   guint           value);
char *_aims_matrix_dup_level_name (AimsMatrix     *matrix,
                                   int             level);

G_END_DECLS
