/* aims-matrix-steps.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include <aims-core.h>

G_BEGIN_DECLS

#define AIMS_TYPE_MATRIX_STEPS (aims_matrix_steps_get_type())

G_DECLARE_FINAL_TYPE (AimsMatrixSteps, aims_matrix_steps, AIMS, MATRIX_STEPS, AdwPreferencesGroup)

GtkWidget      *aims_matrix_steps_new            (AimsMatrixAxis   axis);
AimsMatrixAxis  aims_matrix_steps_get_axis       (AimsMatrixSteps *self);
void            aims_matrix_steps_set_matrix     (AimsMatrixSteps *self,
                                                  AimsMatrix      *matrix);
void            aims_matrix_steps_refresh        (AimsMatrixSteps *self);
AdwEntryRow    *aims_matrix_steps_get_entry_row  (AimsMatrixSteps *self,
                                                  guint            value,
                                                  const char      *what);

G_END_DECLS
