/* aims-matrix-validate.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The rules a risk matrix must meet before it is used, each broken rule
 * reported with a message that names the step, level or cell. */

#define G_LOG_DOMAIN "aims-matrix"

#include "config.h"

#include "aims-matrix-private.h"

#include <glib/gi18n.h>
#include <string.h>

static gboolean
is_colour (const char *colour)
{
  if (colour == NULL || strlen (colour) != 7 || colour[0] != '#')
    return FALSE;

  for (guint i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (colour[i]))
      return FALSE;

  return TRUE;
}

static char *
describe_level (AimsMatrix *self,
                guint       level)
{
  const char *name = self->levels[level].name;

  if (_aims_matrix_is_blank (name))
    return g_strdup_printf (_("level %u"), level + 1);

  return g_strdup_printf ("“%s”", name);
}

static char *
describe_cell (AimsMatrix *self,
               guint       likelihood,
               guint       impact)
{
  g_autofree char *l = _aims_matrix_describe_step (self, AIMS_MATRIX_LIKELIHOOD, likelihood);
  g_autofree char *i = _aims_matrix_describe_step (self, AIMS_MATRIX_IMPACT, impact);

  /* Translators: a cell of the risk matrix, likelihood × impact */
  return g_strdup_printf (_("%s × %s"), l, i);
}

gboolean
_aims_matrix_check_sizes (guint    n_likelihood,
                          guint    n_impact,
                          guint    n_levels,
                          GError **error)
{
  if (n_likelihood < AIMS_MATRIX_MIN_STEPS || n_likelihood > AIMS_MATRIX_MAX_STEPS)
    {
      g_set_error (error, AIMS_MATRIX_ERROR, AIMS_MATRIX_ERROR_SIZE,
                   _("The likelihood scale has %u steps; it must have %u to %u."),
                   n_likelihood, AIMS_MATRIX_MIN_STEPS, AIMS_MATRIX_MAX_STEPS);
      return FALSE;
    }

  if (n_impact < AIMS_MATRIX_MIN_STEPS || n_impact > AIMS_MATRIX_MAX_STEPS)
    {
      g_set_error (error, AIMS_MATRIX_ERROR, AIMS_MATRIX_ERROR_SIZE,
                   _("The impact scale has %u steps; it must have %u to %u."),
                   n_impact, AIMS_MATRIX_MIN_STEPS, AIMS_MATRIX_MAX_STEPS);
      return FALSE;
    }

  if (n_levels < AIMS_MATRIX_MIN_LEVELS || n_levels > AIMS_MATRIX_MAX_LEVELS)
    {
      g_set_error (error, AIMS_MATRIX_ERROR, AIMS_MATRIX_ERROR_SIZE,
                   _("The matrix has %u risk levels; it must have %u to %u."),
                   n_levels, AIMS_MATRIX_MIN_LEVELS, AIMS_MATRIX_MAX_LEVELS);
      return FALSE;
    }

  return TRUE;
}

static gboolean
validate_axis (AimsMatrix      *self,
               AimsMatrixAxis   axis,
               GError         **error)
{
  for (guint v = 1; v <= self->n_steps[axis]; v++)
    {
      if (_aims_matrix_is_blank (self->steps[axis][v - 1].label))
        {
          g_set_error (error, AIMS_MATRIX_ERROR, AIMS_MATRIX_ERROR_EMPTY_LABEL,
                       axis == AIMS_MATRIX_LIKELIHOOD
                       ? _("Likelihood step %u has no label.")
                       : _("Impact step %u has no label."),
                       v);
          return FALSE;
        }

      for (guint w = 1; w < v; w++)
        if (_aims_matrix_same_label (self->steps[axis][w - 1].label,
                                     self->steps[axis][v - 1].label))
          {
            g_set_error (error, AIMS_MATRIX_ERROR, AIMS_MATRIX_ERROR_DUPLICATE_LABEL,
                         axis == AIMS_MATRIX_LIKELIHOOD
                         ? _("Likelihood steps %u and %u are both called “%s”.")
                         : _("Impact steps %u and %u are both called “%s”."),
                         w, v, self->steps[axis][v - 1].label);
            return FALSE;
          }
    }

  return TRUE;
}

static gboolean
validate_levels (AimsMatrix  *self,
                 GError     **error)
{
  for (guint l = 0; l < self->n_levels; l++)
    {
      const AimsMatrixLevel *level = &self->levels[l];

      if (_aims_matrix_is_blank (level->name))
        {
          g_set_error (error, AIMS_MATRIX_ERROR, AIMS_MATRIX_ERROR_EMPTY_LABEL,
                       _("Risk level %u has no name."), l + 1);
          return FALSE;
        }

      for (guint k = 0; k < l; k++)
        if (_aims_matrix_same_label (self->levels[k].name, level->name))
          {
            g_set_error (error, AIMS_MATRIX_ERROR, AIMS_MATRIX_ERROR_DUPLICATE_LABEL,
                         _("Risk levels %u and %u are both called “%s”."),
                         k + 1, l + 1, level->name);
            return FALSE;
          }

      if (!is_colour (level->colour))
        {
          g_set_error (error, AIMS_MATRIX_ERROR, AIMS_MATRIX_ERROR_COLOUR,
                       _("Level “%s” has no colour, or its colour is not written as "
                         "#rrggbb."),
                       level->name);
          return FALSE;
        }

      if (level->review_days < AIMS_MATRIX_MIN_REVIEW_DAYS ||
          level->review_days > AIMS_MATRIX_MAX_REVIEW_DAYS)
        {
          g_set_error (error, AIMS_MATRIX_ERROR, AIMS_MATRIX_ERROR_REVIEW_INTERVAL,
                       _("Level “%s” is reviewed every %u days; the interval must be "
                         "%u to %u days."),
                       level->name, level->review_days,
                       AIMS_MATRIX_MIN_REVIEW_DAYS, AIMS_MATRIX_MAX_REVIEW_DAYS);
          return FALSE;
        }
    }

  if (self->tolerance >= self->n_levels)
    {
      g_set_error (error, AIMS_MATRIX_ERROR, AIMS_MATRIX_ERROR_TOLERANCE,
                   _("The tolerance is level %u, but the matrix has only %u levels."),
                   self->tolerance + 1, self->n_levels);
      return FALSE;
    }

  return TRUE;
}

static gboolean
validate_grid (AimsMatrix  *self,
               GError     **error)
{
  guint n_l = self->n_steps[AIMS_MATRIX_LIKELIHOOD];
  guint n_i = self->n_steps[AIMS_MATRIX_IMPACT];

  for (guint l = 1; l <= n_l; l++)
    for (guint i = 1; i <= n_i; i++)
      {
        int level = self->grid[l - 1][i - 1];

        if (level < 0 || (guint) level >= self->n_levels)
          {
            g_autofree char *cell = describe_cell (self, l, i);

            g_set_error (error, AIMS_MATRIX_ERROR, AIMS_MATRIX_ERROR_UNASSIGNED_CELL,
                         _("The cell %s has no level."), cell);
            return FALSE;
          }
      }

  /* Comparing each cell with its neighbours below and to the left is enough:
   * the order then holds for every cell of lower or equal likelihood and
   * impact. */
  for (guint l = 1; l <= n_l; l++)
    for (guint i = 1; i <= n_i; i++)
      {
        int level = self->grid[l - 1][i - 1];
        guint lower_l = l;
        guint lower_i = i;

        if (l > 1 && self->grid[l - 2][i - 1] > level)
          lower_l = l - 1;
        else if (i > 1 && self->grid[l - 1][i - 2] > level)
          lower_i = i - 1;
        else
          continue;

        {
          g_autofree char *cell = describe_cell (self, l, i);
          g_autofree char *other = describe_cell (self, lower_l, lower_i);
          g_autofree char *level_name = describe_level (self, level);
          g_autofree char *other_name = describe_level (self,
                                                        self->grid[lower_l - 1][lower_i - 1]);

          g_set_error (error, AIMS_MATRIX_ERROR, AIMS_MATRIX_ERROR_LEVEL_ORDER,
                       _("The cell %s is %s, lower than the cell %s (%s): levels must not "
                         "fall as likelihood or impact rises."),
                       cell, level_name, other, other_name);
          return FALSE;
        }
      }

  return TRUE;
}

/**
 * aims_matrix_validate:
 * @self: a #AimsMatrix
 * @error: return location for an error
 *
 * Checks every rule a matrix must meet before it is used: sizes, labels,
 * level names, colours, review intervals, the tolerance, that every cell
 * has a level and that levels never fall as likelihood or impact rises.
 * The first rule broken is reported, with a message naming the step, level
 * or cell.
 *
 * Returns: %TRUE if the matrix may be used
 */
gboolean
aims_matrix_validate (AimsMatrix  *self,
                      GError     **error)
{
  g_return_val_if_fail (AIMS_IS_MATRIX (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _aims_matrix_check_sizes (self->n_steps[AIMS_MATRIX_LIKELIHOOD],
                      self->n_steps[AIMS_MATRIX_IMPACT],
                      self->n_levels,
                      error) &&
         validate_axis (self, AIMS_MATRIX_LIKELIHOOD, error) &&
         validate_axis (self, AIMS_MATRIX_IMPACT, error) &&
         validate_levels (self, error) &&
         validate_grid (self, error);
}
