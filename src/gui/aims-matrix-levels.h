/* aims-matrix-levels.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include <aims-core.h>

G_BEGIN_DECLS

#define AIMS_TYPE_MATRIX_LEVELS (aims_matrix_levels_get_type())

G_DECLARE_FINAL_TYPE (AimsMatrixLevels, aims_matrix_levels, AIMS, MATRIX_LEVELS, AdwPreferencesGroup)

GtkWidget   *aims_matrix_levels_new                (void);
void         aims_matrix_levels_set_matrix         (AimsMatrixLevels *self,
                                                    AimsMatrix       *matrix);
void         aims_matrix_levels_refresh            (AimsMatrixLevels *self);
AdwEntryRow *aims_matrix_levels_get_name_row       (AimsMatrixLevels *self,
                                                    guint             level);
GtkWidget   *aims_matrix_levels_get_colour_button  (AimsMatrixLevels *self,
                                                    guint             level);
GtkWidget   *aims_matrix_levels_get_remove_button  (AimsMatrixLevels *self,
                                                    guint             level);
GtkWidget   *aims_matrix_levels_get_add_button     (AimsMatrixLevels *self);
AdwComboRow *aims_matrix_levels_get_tolerance_row  (AimsMatrixLevels *self);

G_END_DECLS
