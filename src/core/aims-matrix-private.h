/* aims-matrix-private.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* The inside of an AimsMatrix, shared by the files that make it up:
 * aims-matrix.c (the object, its steps, levels and cells),
 * aims-matrix-validate.c (the rules), aims-matrix-presets.c (the built-in
 * matrices), aims-matrix-json.c (the stored form) and aims-matrix-remap.c
 * (moving scores when a scale changes size). */

#include "aims-matrix.h"

G_BEGIN_DECLS

#define AIMS_MATRIX_MIN_REVIEW_DAYS 1
#define AIMS_MATRIX_MAX_REVIEW_DAYS 3660

#define AIMS_MATRIX_N_AXES 2

typedef struct
{
  char *label;
  char *description;
  char *range;          /* nullable */
} AimsMatrixStep;

typedef struct
{
  char     *name;
  char     *colour;
  gboolean  within_appetite;
  guint     review_days;
} AimsMatrixLevel;

struct _AimsMatrix
{
  GObject          parent_instance;

  guint            n_steps[AIMS_MATRIX_N_AXES];
  AimsMatrixStep   steps[AIMS_MATRIX_N_AXES][AIMS_MATRIX_MAX_STEPS];
  guint            n_levels;
  AimsMatrixLevel  levels[AIMS_MATRIX_MAX_LEVELS];
  /* grid[likelihood - 1][impact - 1]: a level, or -1 when unassigned */
  int              grid[AIMS_MATRIX_MAX_STEPS][AIMS_MATRIX_MAX_STEPS];
  guint            tolerance;
};

const char *_aims_matrix_axis_name     (AimsMatrixAxis   axis);
gboolean    _aims_matrix_is_blank      (const char      *text);
gboolean    _aims_matrix_same_label    (const char      *a,
                                        const char      *b);
char       *_aims_matrix_describe_step (AimsMatrix      *self,
                                        AimsMatrixAxis   axis,
                                        guint            value);
void        _aims_matrix_clear_step    (AimsMatrixStep  *step);
gboolean    _aims_matrix_check_sizes   (guint            n_likelihood,
                                        guint            n_impact,
                                        guint            n_levels,
                                        GError         **error);

G_END_DECLS
