/* aims-matrix-remap.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A matrix whose scale changes size: where each step, its texts, its cells
 * and the scores of risks move to. */

#define G_LOG_DOMAIN "aims-matrix"

#include "config.h"

#include "aims-matrix-private.h"

#include <glib/gi18n.h>
#include <string.h>

/**
 * aims_matrix_set_n_steps:
 * @self: a #AimsMatrix
 * @axis: an #AimsMatrixAxis
 * @n_steps: the new number of steps of @axis, 3 to 7
 *
 * Resizes one axis, keeping the matrix's shape, for an editor. Each old
 * step's texts go to the step that aims_matrix_remap_value() moves its
 * risks to, so a risk keeps its label across the change; where several old
 * steps meet, the one at the same relative position wins (else the lowest).
 * A new step that no old step moves to is left blank, for a person to name.
 * Each cell takes the level of the cell at the same relative position of
 * the old grid, so a grid whose levels were in order stays in order.
 */
void
aims_matrix_set_n_steps (AimsMatrix     *self,
                         AimsMatrixAxis  axis,
                         guint           n_steps)
{
  AimsMatrixStep old_steps[AIMS_MATRIX_MAX_STEPS];
  int old_grid[AIMS_MATRIX_MAX_STEPS][AIMS_MATRIX_MAX_STEPS];
  guint n_old;

  g_return_if_fail (AIMS_IS_MATRIX (self));
  g_return_if_fail ((guint) axis < AIMS_MATRIX_N_AXES);
  g_return_if_fail (n_steps >= AIMS_MATRIX_MIN_STEPS && n_steps <= AIMS_MATRIX_MAX_STEPS);

  n_old = self->n_steps[axis];
  if (n_old == n_steps)
    return;

  memcpy (old_steps, self->steps[axis], sizeof old_steps);
  memset (self->steps[axis], 0, sizeof self->steps[axis]);
  memcpy (old_grid, self->grid, sizeof old_grid);

  for (guint v = 1; v <= n_steps; v++)
    {
      guint middle = aims_matrix_remap_value (v, n_steps, n_old);
      guint chosen = 0;
      AimsMatrixStep *step = &self->steps[axis][v - 1];

      if (aims_matrix_remap_value (middle, n_old, n_steps) == v)
        chosen = middle;
      for (guint w = 1; chosen == 0 && w <= n_old; w++)
        if (aims_matrix_remap_value (w, n_old, n_steps) == v)
          chosen = w;

      if (chosen != 0)
        {
          *step = old_steps[chosen - 1];
          memset (&old_steps[chosen - 1], 0, sizeof (AimsMatrixStep));
        }
      else
        {
          step->label = g_strdup ("");
          step->description = g_strdup ("");
        }
    }

  for (guint w = 0; w < n_old; w++)
    _aims_matrix_clear_step (&old_steps[w]);

  self->n_steps[axis] = n_steps;

  for (guint l = 1; l <= self->n_steps[AIMS_MATRIX_LIKELIHOOD]; l++)
    for (guint i = 1; i <= self->n_steps[AIMS_MATRIX_IMPACT]; i++)
      {
        guint from_l = l, from_i = i;

        if (axis == AIMS_MATRIX_LIKELIHOOD)
          from_l = aims_matrix_remap_value (l, n_steps, n_old);
        else
          from_i = aims_matrix_remap_value (i, n_steps, n_old);

        self->grid[l - 1][i - 1] = old_grid[from_l - 1][from_i - 1];
      }

  /* Cells beyond the new size hold nothing */
  for (guint l = 0; l < AIMS_MATRIX_MAX_STEPS; l++)
    for (guint i = 0; i < AIMS_MATRIX_MAX_STEPS; i++)
      if (l >= self->n_steps[AIMS_MATRIX_LIKELIHOOD] || i >= self->n_steps[AIMS_MATRIX_IMPACT])
        self->grid[l][i] = -1;
}

/**
 * aims_matrix_remap_value:
 * @value: a step value on the old scale, 1 … @old_steps, or 0 for none
 * @old_steps: the number of steps of the old scale
 * @new_steps: the number of steps of the new scale
 *
 * Moves a step value to a scale of another size, keeping its relative
 * position: round (1 + (value - 1) × (new - 1) / (old - 1)), rounding
 * halves up. Values above the old scale are taken as its top step. 0
 * ("not assessed") stays 0.
 *
 * Returns: the step value on the new scale, 1 … @new_steps, or 0
 */
guint
aims_matrix_remap_value (guint value,
                         guint old_steps,
                         guint new_steps)
{
  guint64 num, den;

  g_return_val_if_fail (old_steps >= 1, 0);
  g_return_val_if_fail (new_steps >= 1, 0);

  if (value == 0)
    return 0;

  value = MIN (value, old_steps);
  if (old_steps == 1)
    return 1;

  /* Integer arithmetic, so that halves are exact and round up */
  num = (guint64) (value - 1) * (new_steps - 1);
  den = old_steps - 1;

  return (guint) MIN (1 + (2 * num + den) / (2 * den), (guint64) new_steps);
}

/**
 * aims_matrix_describe_remap:
 * @from: the matrix in use
 * @to: the matrix that will replace it
 *
 * Explains, for a person about to change the matrix, where each step of
 * each axis moves, such as "Likelihood: 1 “Rare” → 1 “Rare”, …".
 *
 * Returns: (transfer full): translated text, one paragraph per axis
 */
char *
aims_matrix_describe_remap (AimsMatrix *from,
                            AimsMatrix *to)
{
  g_autoptr(GString) text = NULL;

  g_return_val_if_fail (AIMS_IS_MATRIX (from), NULL);
  g_return_val_if_fail (AIMS_IS_MATRIX (to), NULL);

  text = g_string_new (_("The likelihood and impact of every risk, and the likelihood and "
                         "severity of every impact in the impact assessments, move to the step "
                         "at the same relative position on the new scales."));

  for (guint a = 0; a < AIMS_MATRIX_N_AXES; a++)
    {
      guint n_from = from->n_steps[a];
      guint n_to = to->n_steps[a];

      g_string_append_c (text, '\n');
      /* Translators: starts the list of how the steps of one axis move */
      g_string_append_printf (text, _("%s:"), _aims_matrix_axis_name (a));

      for (guint v = 1; v <= n_from; v++)
        {
          guint w = aims_matrix_remap_value (v, n_from, n_to);
          g_autofree char *old_step = _aims_matrix_describe_step (from, a, v);
          g_autofree char *new_step = _aims_matrix_describe_step (to, a, w);

          if (v > 1)
            g_string_append_c (text, ',');
          g_string_append_c (text, ' ');
          /* Translators: one step moving to another, such as 3 “Possible” → 2 “Medium” */
          g_string_append_printf (text, _("%u “%s” → %u “%s”"), v, old_step, w, new_step);
        }

      g_string_append_c (text, '.');
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}
