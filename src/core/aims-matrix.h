/* aims-matrix.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined(AIMS_CORE_INSIDE) && !defined(AIMS_CORE_COMPILATION)
# error "Only <aims-core.h> can be included directly."
#endif

#include <glib-object.h>

G_BEGIN_DECLS

/* Sizes a matrix may have, on either axis */
#define AIMS_MATRIX_MIN_STEPS 3
#define AIMS_MATRIX_MAX_STEPS 7
/* Risk levels a matrix may define */
#define AIMS_MATRIX_MIN_LEVELS 2
#define AIMS_MATRIX_MAX_LEVELS 7

#define AIMS_MATRIX_ERROR (aims_matrix_error_quark ())

/**
 * AimsMatrixError:
 * @AIMS_MATRIX_ERROR_SIZE: an axis has fewer than 3 or more than 7 steps, or
 *   the number of levels is out of range
 * @AIMS_MATRIX_ERROR_EMPTY_LABEL: a step or level has no name
 * @AIMS_MATRIX_ERROR_DUPLICATE_LABEL: two steps of one axis, or two levels,
 *   have the same name
 * @AIMS_MATRIX_ERROR_UNASSIGNED_CELL: a cell has no level
 * @AIMS_MATRIX_ERROR_LEVEL_ORDER: a cell has a lower level than a cell of
 *   lower likelihood or impact (levels must not fall as either rises)
 * @AIMS_MATRIX_ERROR_COLOUR: a level's colour is not "#rrggbb"
 * @AIMS_MATRIX_ERROR_TOLERANCE: the tolerance is not one of the levels
 * @AIMS_MATRIX_ERROR_REVIEW_INTERVAL: a review interval is 0 or over 3660 days
 * @AIMS_MATRIX_ERROR_FORMAT: the stored form (JSON) is not a matrix
 *
 * Why a matrix was refused. Messages name the step, level or cell.
 */
typedef enum
{
  AIMS_MATRIX_ERROR_SIZE,
  AIMS_MATRIX_ERROR_EMPTY_LABEL,
  AIMS_MATRIX_ERROR_DUPLICATE_LABEL,
  AIMS_MATRIX_ERROR_UNASSIGNED_CELL,
  AIMS_MATRIX_ERROR_LEVEL_ORDER,
  AIMS_MATRIX_ERROR_COLOUR,
  AIMS_MATRIX_ERROR_TOLERANCE,
  AIMS_MATRIX_ERROR_REVIEW_INTERVAL,
  AIMS_MATRIX_ERROR_FORMAT,
} AimsMatrixError;

/**
 * AimsMatrixPreset:
 * @AIMS_MATRIX_PRESET_5X5: five steps each way, five levels (the default)
 * @AIMS_MATRIX_PRESET_4X4: four steps each way, four levels
 * @AIMS_MATRIX_PRESET_3X3: three steps each way, three levels
 * @AIMS_MATRIX_PRESET_6X6: six steps each way, five levels
 *
 * The built-in matrices, with our own labels and descriptions.
 */
typedef enum
{
  AIMS_MATRIX_PRESET_5X5,
  AIMS_MATRIX_PRESET_4X4,
  AIMS_MATRIX_PRESET_3X3,
  AIMS_MATRIX_PRESET_6X6,
} AimsMatrixPreset;

/**
 * AimsMatrixAxis:
 * @AIMS_MATRIX_LIKELIHOOD: the rows
 * @AIMS_MATRIX_IMPACT: the columns
 */
typedef enum
{
  AIMS_MATRIX_LIKELIHOOD,
  AIMS_MATRIX_IMPACT,
} AimsMatrixAxis;

#define AIMS_TYPE_MATRIX (aims_matrix_get_type())

G_DECLARE_FINAL_TYPE (AimsMatrix, aims_matrix, AIMS, MATRIX, GObject)

/*
 * A project's risk matrix. Step values are 1 … n on each axis (what a risk
 * stores as its likelihood and impact); levels are 0 … n-1, ordered from the
 * lowest to the highest. Setters do not validate: an editor may pass through
 * invalid states; aims_matrix_validate() says whether the matrix may be used.
 */
GQuark      aims_matrix_error_quark         (void);

AimsMatrix *aims_matrix_new                 (guint              n_likelihood,
                                             guint              n_impact,
                                             guint              n_levels);
AimsMatrix *aims_matrix_new_preset          (AimsMatrixPreset   preset);
AimsMatrix *aims_matrix_new_from_json       (const char        *json,
                                             GError           **error);
AimsMatrix *aims_matrix_copy                (AimsMatrix        *self);
gboolean    aims_matrix_equal               (AimsMatrix        *a,
                                             AimsMatrix        *b);
char       *aims_matrix_to_json             (AimsMatrix        *self);
gboolean    aims_matrix_validate            (AimsMatrix        *self,
                                             GError           **error);
const char *aims_matrix_preset_get_name     (AimsMatrixPreset   preset);

guint       aims_matrix_get_n_steps         (AimsMatrix        *self,
                                             AimsMatrixAxis     axis);
const char *aims_matrix_get_step_label      (AimsMatrix        *self,
                                             AimsMatrixAxis     axis,
                                             guint              value);
const char *aims_matrix_get_step_description (AimsMatrix       *self,
                                             AimsMatrixAxis     axis,
                                             guint              value);
const char *aims_matrix_get_step_range      (AimsMatrix        *self,
                                             AimsMatrixAxis     axis,
                                             guint              value);
void        aims_matrix_set_n_steps         (AimsMatrix        *self,
                                             AimsMatrixAxis     axis,
                                             guint              n_steps);
void        aims_matrix_set_step            (AimsMatrix        *self,
                                             AimsMatrixAxis     axis,
                                             guint              value,
                                             const char        *label,
                                             const char        *description,
                                             const char        *range);
guint       aims_matrix_find_step           (AimsMatrix        *self,
                                             AimsMatrixAxis     axis,
                                             const char        *label);

guint       aims_matrix_get_n_levels        (AimsMatrix        *self);
const char *aims_matrix_get_level_name      (AimsMatrix        *self,
                                             guint              level);
const char *aims_matrix_get_level_colour    (AimsMatrix        *self,
                                             guint              level);
gboolean    aims_matrix_get_level_within_appetite (AimsMatrix  *self,
                                             guint              level);
guint       aims_matrix_get_level_review_days (AimsMatrix      *self,
                                             guint              level);
void        aims_matrix_set_level           (AimsMatrix        *self,
                                             guint              level,
                                             const char        *name,
                                             const char        *colour,
                                             gboolean           within_appetite,
                                             guint              review_days);

guint       aims_matrix_add_level           (AimsMatrix        *self,
                                             const char        *name,
                                             const char        *colour,
                                             gboolean           within_appetite,
                                             guint              review_days);
void        aims_matrix_remove_level        (AimsMatrix        *self,
                                             guint              level);

int         aims_matrix_lookup              (AimsMatrix        *self,
                                             guint              likelihood,
                                             guint              impact);
void        aims_matrix_set_cell            (AimsMatrix        *self,
                                             guint              likelihood,
                                             guint              impact,
                                             int                level);

guint       aims_matrix_get_tolerance       (AimsMatrix        *self);
void        aims_matrix_set_tolerance       (AimsMatrix        *self,
                                             guint              level);
gboolean    aims_matrix_is_above_tolerance  (AimsMatrix        *self,
                                             guint              level);

guint       aims_matrix_remap_value         (guint              value,
                                             guint              old_steps,
                                             guint              new_steps);
char       *aims_matrix_describe_remap      (AimsMatrix        *from,
                                             AimsMatrix        *to);

G_END_DECLS
