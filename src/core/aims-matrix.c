/* aims-matrix.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The project's risk matrix: two axes of steps, a grid that gives each cell a
 * level, the levels themselves and a tolerance. The matrix is plain data;
 * this file holds the object and its steps, levels and cells. The rules a
 * matrix must meet are in aims-matrix-validate.c, the built-in matrices in
 * aims-matrix-presets.c, its JSON form in aims-matrix-json.c and the move
 * of scores to a scale of another size in aims-matrix-remap.c. */

#define G_LOG_DOMAIN "aims-matrix"

#include "config.h"

#include "aims-matrix-private.h"

#include <glib/gi18n.h>
#include <string.h>

G_DEFINE_FINAL_TYPE (AimsMatrix, aims_matrix, G_TYPE_OBJECT)
G_DEFINE_QUARK (aims-matrix-error-quark, aims_matrix_error)

/* Helpers ****************************************************************/

const char *
_aims_matrix_axis_name (AimsMatrixAxis axis)
{
  return axis == AIMS_MATRIX_LIKELIHOOD ? _("Likelihood") : _("Impact");
}

/* Empty and NULL are the same "no range". */
static char *
dup_nullable (const char *text)
{
  return (text != NULL && text[0] != '\0') ? g_strdup (text) : NULL;
}

gboolean
_aims_matrix_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

gboolean
_aims_matrix_same_label (const char *a,
                         const char *b)
{
  g_autofree char *fa = NULL;
  g_autofree char *fb = NULL;
  g_autofree char *sa = g_strstrip (g_strdup (a));
  g_autofree char *sb = g_strstrip (g_strdup (b));

  fa = g_utf8_casefold (sa, -1);
  fb = g_utf8_casefold (sb, -1);

  return strcmp (fa, fb) == 0;
}

/* A step as a risk manager reads it: its label, or "step 3" when it has none. */
char *
_aims_matrix_describe_step (AimsMatrix     *self,
                            AimsMatrixAxis  axis,
                            guint           value)
{
  const char *label = self->steps[axis][value - 1].label;

  if (_aims_matrix_is_blank (label))
    return g_strdup_printf (_("step %u"), value);

  return g_strdup (label);
}

void
_aims_matrix_clear_step (AimsMatrixStep *step)
{
  g_clear_pointer (&step->label, g_free);
  g_clear_pointer (&step->description, g_free);
  g_clear_pointer (&step->range, g_free);
}

static void
clear_level (AimsMatrixLevel *level)
{
  g_clear_pointer (&level->name, g_free);
  g_clear_pointer (&level->colour, g_free);
}

/* Default colours of a new matrix: green to red, so that an editor starts
 * from something sensible. */
static char *
default_colour (guint level,
                guint n_levels)
{
  double t = n_levels > 1 ? (double) level / (n_levels - 1) : 0.0;
  guint r = (guint) (0x33 + t * (0xe0 - 0x33) + 0.5);
  guint g = (guint) (0xd1 + t * (0x1b - 0xd1) + 0.5);
  guint b = (guint) (0x7a + t * (0x24 - 0x7a) + 0.5);

  return g_strdup_printf ("#%02x%02x%02x", r, g, b);
}

/* GObject ****************************************************************/

static void
aims_matrix_finalize (GObject *object)
{
  AimsMatrix *self = (AimsMatrix *) object;

  for (guint a = 0; a < AIMS_MATRIX_N_AXES; a++)
    for (guint v = 0; v < AIMS_MATRIX_MAX_STEPS; v++)
      _aims_matrix_clear_step (&self->steps[a][v]);

  for (guint l = 0; l < AIMS_MATRIX_MAX_LEVELS; l++)
    clear_level (&self->levels[l]);

  G_OBJECT_CLASS (aims_matrix_parent_class)->finalize (object);
}

static void
aims_matrix_class_init (AimsMatrixClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = aims_matrix_finalize;
}

static void
aims_matrix_init (AimsMatrix *self)
{
  for (guint l = 0; l < AIMS_MATRIX_MAX_STEPS; l++)
    for (guint i = 0; i < AIMS_MATRIX_MAX_STEPS; i++)
      self->grid[l][i] = -1;
}

/* Public API *************************************************************/

/**
 * aims_matrix_new:
 * @n_likelihood: steps of likelihood (rows), 3 to 7
 * @n_impact: steps of impact (columns), 3 to 7
 * @n_levels: risk levels, 2 to 7
 *
 * Creates a blank matrix: steps and levels without names, every cell
 * unassigned, colours from green to red, a review each year and the
 * lowest level as tolerance. It does not validate until it is filled in.
 *
 * Returns: (transfer full): a new matrix
 */
AimsMatrix *
aims_matrix_new (guint n_likelihood,
                 guint n_impact,
                 guint n_levels)
{
  AimsMatrix *self;

  g_return_val_if_fail (n_likelihood >= AIMS_MATRIX_MIN_STEPS, NULL);
  g_return_val_if_fail (n_likelihood <= AIMS_MATRIX_MAX_STEPS, NULL);
  g_return_val_if_fail (n_impact >= AIMS_MATRIX_MIN_STEPS, NULL);
  g_return_val_if_fail (n_impact <= AIMS_MATRIX_MAX_STEPS, NULL);
  g_return_val_if_fail (n_levels >= AIMS_MATRIX_MIN_LEVELS, NULL);
  g_return_val_if_fail (n_levels <= AIMS_MATRIX_MAX_LEVELS, NULL);

  self = g_object_new (AIMS_TYPE_MATRIX, NULL);
  self->n_steps[AIMS_MATRIX_LIKELIHOOD] = n_likelihood;
  self->n_steps[AIMS_MATRIX_IMPACT] = n_impact;
  self->n_levels = n_levels;

  for (guint a = 0; a < AIMS_MATRIX_N_AXES; a++)
    for (guint v = 0; v < self->n_steps[a]; v++)
      {
        self->steps[a][v].label = g_strdup ("");
        self->steps[a][v].description = g_strdup ("");
      }

  for (guint l = 0; l < n_levels; l++)
    {
      self->levels[l].name = g_strdup ("");
      self->levels[l].colour = default_colour (l, n_levels);
      self->levels[l].within_appetite = (l == 0);
      self->levels[l].review_days = 365;
    }

  return self;
}

/**
 * aims_matrix_copy:
 * @self: a #AimsMatrix
 *
 * Returns: (transfer full): a new matrix equal to @self
 */
AimsMatrix *
aims_matrix_copy (AimsMatrix *self)
{
  AimsMatrix *copy;

  g_return_val_if_fail (AIMS_IS_MATRIX (self), NULL);

  copy = g_object_new (AIMS_TYPE_MATRIX, NULL);
  copy->n_steps[AIMS_MATRIX_LIKELIHOOD] = self->n_steps[AIMS_MATRIX_LIKELIHOOD];
  copy->n_steps[AIMS_MATRIX_IMPACT] = self->n_steps[AIMS_MATRIX_IMPACT];
  copy->n_levels = self->n_levels;
  copy->tolerance = self->tolerance;
  memcpy (copy->grid, self->grid, sizeof copy->grid);

  for (guint a = 0; a < AIMS_MATRIX_N_AXES; a++)
    for (guint v = 0; v < self->n_steps[a]; v++)
      {
        copy->steps[a][v].label = g_strdup (self->steps[a][v].label);
        copy->steps[a][v].description = g_strdup (self->steps[a][v].description);
        copy->steps[a][v].range = g_strdup (self->steps[a][v].range);
      }

  for (guint l = 0; l < self->n_levels; l++)
    {
      copy->levels[l].name = g_strdup (self->levels[l].name);
      copy->levels[l].colour = g_strdup (self->levels[l].colour);
      copy->levels[l].within_appetite = self->levels[l].within_appetite;
      copy->levels[l].review_days = self->levels[l].review_days;
    }

  return copy;
}

/**
 * aims_matrix_equal:
 * @a: a #AimsMatrix
 * @b: a #AimsMatrix
 *
 * Whether two matrices have the same sizes, texts, levels, grid and
 * tolerance. Texts are compared exactly.
 *
 * Returns: %TRUE if @a and @b are equal
 */
gboolean
aims_matrix_equal (AimsMatrix *a,
                   AimsMatrix *b)
{
  g_return_val_if_fail (AIMS_IS_MATRIX (a), FALSE);
  g_return_val_if_fail (AIMS_IS_MATRIX (b), FALSE);

  if (a == b)
    return TRUE;

  if (a->n_steps[0] != b->n_steps[0] ||
      a->n_steps[1] != b->n_steps[1] ||
      a->n_levels != b->n_levels ||
      a->tolerance != b->tolerance)
    return FALSE;

  for (guint ax = 0; ax < AIMS_MATRIX_N_AXES; ax++)
    for (guint v = 0; v < a->n_steps[ax]; v++)
      {
        const AimsMatrixStep *sa = &a->steps[ax][v];
        const AimsMatrixStep *sb = &b->steps[ax][v];

        if (g_strcmp0 (sa->label, sb->label) != 0 ||
            g_strcmp0 (sa->description, sb->description) != 0 ||
            g_strcmp0 (sa->range, sb->range) != 0)
          return FALSE;
      }

  for (guint l = 0; l < a->n_levels; l++)
    {
      const AimsMatrixLevel *la = &a->levels[l];
      const AimsMatrixLevel *lb = &b->levels[l];

      if (g_strcmp0 (la->name, lb->name) != 0 ||
          g_ascii_strcasecmp (la->colour, lb->colour) != 0 ||
          !la->within_appetite != !lb->within_appetite ||
          la->review_days != lb->review_days)
        return FALSE;
    }

  for (guint l = 0; l < a->n_steps[AIMS_MATRIX_LIKELIHOOD]; l++)
    for (guint i = 0; i < a->n_steps[AIMS_MATRIX_IMPACT]; i++)
      if (a->grid[l][i] != b->grid[l][i])
        return FALSE;

  return TRUE;
}

/**
 * aims_matrix_get_n_steps:
 * @self: a #AimsMatrix
 * @axis: an #AimsMatrixAxis
 *
 * Returns: the number of steps of @axis
 */
guint
aims_matrix_get_n_steps (AimsMatrix     *self,
                         AimsMatrixAxis  axis)
{
  g_return_val_if_fail (AIMS_IS_MATRIX (self), 0);
  g_return_val_if_fail ((guint) axis < AIMS_MATRIX_N_AXES, 0);

  return self->n_steps[axis];
}

/**
 * aims_matrix_get_step_label:
 * @self: a #AimsMatrix
 * @axis: an #AimsMatrixAxis
 * @value: a step value, 1 … n
 *
 * Returns: the step's label, empty if it has none
 */
const char *
aims_matrix_get_step_label (AimsMatrix     *self,
                            AimsMatrixAxis  axis,
                            guint           value)
{
  g_return_val_if_fail (AIMS_IS_MATRIX (self), NULL);
  g_return_val_if_fail ((guint) axis < AIMS_MATRIX_N_AXES, NULL);
  g_return_val_if_fail (value >= 1 && value <= self->n_steps[axis], NULL);

  return self->steps[axis][value - 1].label;
}

/**
 * aims_matrix_get_step_description:
 * @self: a #AimsMatrix
 * @axis: an #AimsMatrixAxis
 * @value: a step value, 1 … n
 *
 * Returns: the step's description, empty if it has none
 */
const char *
aims_matrix_get_step_description (AimsMatrix     *self,
                                  AimsMatrixAxis  axis,
                                  guint           value)
{
  g_return_val_if_fail (AIMS_IS_MATRIX (self), NULL);
  g_return_val_if_fail ((guint) axis < AIMS_MATRIX_N_AXES, NULL);
  g_return_val_if_fail (value >= 1 && value <= self->n_steps[axis], NULL);

  return self->steps[axis][value - 1].description;
}

/**
 * aims_matrix_get_step_range:
 * @self: a #AimsMatrix
 * @axis: an #AimsMatrixAxis
 * @value: a step value, 1 … n
 *
 * Returns: (nullable): the step's quantitative range, such as
 *   "EUR 100k–1M", or %NULL if it has none
 */
const char *
aims_matrix_get_step_range (AimsMatrix     *self,
                            AimsMatrixAxis  axis,
                            guint           value)
{
  g_return_val_if_fail (AIMS_IS_MATRIX (self), NULL);
  g_return_val_if_fail ((guint) axis < AIMS_MATRIX_N_AXES, NULL);
  g_return_val_if_fail (value >= 1 && value <= self->n_steps[axis], NULL);

  return self->steps[axis][value - 1].range;
}

/**
 * aims_matrix_set_step:
 * @self: a #AimsMatrix
 * @axis: an #AimsMatrixAxis
 * @value: a step value, 1 … n
 * @label: (nullable): the label
 * @description: (nullable): what the step means
 * @range: (nullable): a quantitative range, or %NULL
 *
 * Sets the texts of one step. %NULL label or description means empty.
 */
void
aims_matrix_set_step (AimsMatrix     *self,
                      AimsMatrixAxis  axis,
                      guint           value,
                      const char     *label,
                      const char     *description,
                      const char     *range)
{
  AimsMatrixStep *step;

  g_return_if_fail (AIMS_IS_MATRIX (self));
  g_return_if_fail ((guint) axis < AIMS_MATRIX_N_AXES);
  g_return_if_fail (value >= 1 && value <= self->n_steps[axis]);

  step = &self->steps[axis][value - 1];
  g_free (step->label);
  step->label = g_strdup (label != NULL ? label : "");
  g_free (step->description);
  step->description = g_strdup (description != NULL ? description : "");
  g_free (step->range);
  step->range = dup_nullable (range);
}

/**
 * aims_matrix_find_step:
 * @self: a #AimsMatrix
 * @axis: an #AimsMatrixAxis
 * @label: a label, as a person typed it
 *
 * Finds a step by its label, ignoring case and surrounding spaces (for
 * imports that give "likely" for the step "Likely").
 *
 * Returns: the step value, 1 … n, or 0 if no step has that label
 */
guint
aims_matrix_find_step (AimsMatrix     *self,
                       AimsMatrixAxis  axis,
                       const char     *label)
{
  g_return_val_if_fail (AIMS_IS_MATRIX (self), 0);
  g_return_val_if_fail ((guint) axis < AIMS_MATRIX_N_AXES, 0);

  if (_aims_matrix_is_blank (label) || !g_utf8_validate (label, -1, NULL))
    return 0;

  for (guint v = 1; v <= self->n_steps[axis]; v++)
    if (_aims_matrix_same_label (self->steps[axis][v - 1].label, label))
      return v;

  return 0;
}

/**
 * aims_matrix_get_n_levels:
 * @self: a #AimsMatrix
 *
 * Returns: the number of risk levels
 */
guint
aims_matrix_get_n_levels (AimsMatrix *self)
{
  g_return_val_if_fail (AIMS_IS_MATRIX (self), 0);

  return self->n_levels;
}

/**
 * aims_matrix_get_level_name:
 * @self: a #AimsMatrix
 * @level: a level, 0 … n-1
 *
 * Returns: the level's name, empty if it has none
 */
const char *
aims_matrix_get_level_name (AimsMatrix *self,
                            guint       level)
{
  g_return_val_if_fail (AIMS_IS_MATRIX (self), NULL);
  g_return_val_if_fail (level < self->n_levels, NULL);

  return self->levels[level].name;
}

/**
 * aims_matrix_get_level_colour:
 * @self: a #AimsMatrix
 * @level: a level, 0 … n-1
 *
 * Returns: the level's colour, "#rrggbb" in a valid matrix
 */
const char *
aims_matrix_get_level_colour (AimsMatrix *self,
                              guint       level)
{
  g_return_val_if_fail (AIMS_IS_MATRIX (self), NULL);
  g_return_val_if_fail (level < self->n_levels, NULL);

  return self->levels[level].colour;
}

/**
 * aims_matrix_get_level_within_appetite:
 * @self: a #AimsMatrix
 * @level: a level, 0 … n-1
 *
 * Returns: whether risks of this level are within the risk appetite
 */
gboolean
aims_matrix_get_level_within_appetite (AimsMatrix *self,
                                       guint       level)
{
  g_return_val_if_fail (AIMS_IS_MATRIX (self), FALSE);
  g_return_val_if_fail (level < self->n_levels, FALSE);

  return self->levels[level].within_appetite;
}

/**
 * aims_matrix_get_level_review_days:
 * @self: a #AimsMatrix
 * @level: a level, 0 … n-1
 *
 * Returns: how many days after a review risks of this level are reviewed
 *   again
 */
guint
aims_matrix_get_level_review_days (AimsMatrix *self,
                                   guint       level)
{
  g_return_val_if_fail (AIMS_IS_MATRIX (self), 0);
  g_return_val_if_fail (level < self->n_levels, 0);

  return self->levels[level].review_days;
}

/**
 * aims_matrix_set_level:
 * @self: a #AimsMatrix
 * @level: a level, 0 … n-1
 * @name: (nullable): the name
 * @colour: (nullable): "#rrggbb"
 * @within_appetite: whether risks of this level are within the appetite
 * @review_days: the review interval in days
 *
 * Sets everything about one level. %NULL name or colour means empty.
 */
void
aims_matrix_set_level (AimsMatrix *self,
                       guint       level,
                       const char *name,
                       const char *colour,
                       gboolean    within_appetite,
                       guint       review_days)
{
  AimsMatrixLevel *l;

  g_return_if_fail (AIMS_IS_MATRIX (self));
  g_return_if_fail (level < self->n_levels);

  l = &self->levels[level];
  g_free (l->name);
  l->name = g_strdup (name != NULL ? name : "");
  g_free (l->colour);
  l->colour = g_strdup (colour != NULL ? colour : "");
  l->within_appetite = !!within_appetite;
  l->review_days = review_days;
}

/**
 * aims_matrix_lookup:
 * @self: a #AimsMatrix
 * @likelihood: a likelihood step value, 1 … n
 * @impact: an impact step value, 1 … n
 *
 * The level of a cell. Values outside the matrix (such as 0 for "not
 * assessed") give -1 without a warning.
 *
 * Returns: the level, or -1 if the cell is unassigned or out of range
 */
int
aims_matrix_lookup (AimsMatrix *self,
                    guint       likelihood,
                    guint       impact)
{
  g_return_val_if_fail (AIMS_IS_MATRIX (self), -1);

  if (likelihood < 1 || likelihood > self->n_steps[AIMS_MATRIX_LIKELIHOOD] ||
      impact < 1 || impact > self->n_steps[AIMS_MATRIX_IMPACT])
    return -1;

  return self->grid[likelihood - 1][impact - 1];
}

/**
 * aims_matrix_set_cell:
 * @self: a #AimsMatrix
 * @likelihood: a likelihood step value, 1 … n
 * @impact: an impact step value, 1 … n
 * @level: a level, 0 … n-1, or -1 to unassign the cell
 *
 * Gives a cell its level.
 */
void
aims_matrix_set_cell (AimsMatrix *self,
                      guint       likelihood,
                      guint       impact,
                      int         level)
{
  g_return_if_fail (AIMS_IS_MATRIX (self));
  g_return_if_fail (likelihood >= 1 && likelihood <= self->n_steps[AIMS_MATRIX_LIKELIHOOD]);
  g_return_if_fail (impact >= 1 && impact <= self->n_steps[AIMS_MATRIX_IMPACT]);
  g_return_if_fail (level >= -1 && level < (int) self->n_levels);

  self->grid[likelihood - 1][impact - 1] = level;
}

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

/**
 * aims_matrix_add_level:
 * @self: a #AimsMatrix with fewer than 7 levels
 * @name: (nullable): the name
 * @colour: (nullable): "#rrggbb"
 * @within_appetite: whether risks of this level are within the appetite
 * @review_days: the review interval in days
 *
 * Adds a level above the highest. No cell has it yet.
 *
 * Returns: the new level, n-1
 */
guint
aims_matrix_add_level (AimsMatrix *self,
                       const char *name,
                       const char *colour,
                       gboolean    within_appetite,
                       guint       review_days)
{
  guint level;

  g_return_val_if_fail (AIMS_IS_MATRIX (self), 0);
  g_return_val_if_fail (self->n_levels < AIMS_MATRIX_MAX_LEVELS, self->n_levels - 1);

  level = self->n_levels++;
  clear_level (&self->levels[level]);
  aims_matrix_set_level (self, level, name, colour, within_appetite, review_days);

  return level;
}

/**
 * aims_matrix_remove_level:
 * @self: a #AimsMatrix with more than one level
 * @level: the level to remove, 0 … n-1
 *
 * Removes a level. Its cells take the level below it (the level above, if
 * it was the lowest), the levels above it move down one, and so does the
 * tolerance, so a grid whose levels were in order stays in order.
 */
void
aims_matrix_remove_level (AimsMatrix *self,
                          guint       level)
{
  int map[AIMS_MATRIX_MAX_LEVELS];

  g_return_if_fail (AIMS_IS_MATRIX (self));
  g_return_if_fail (level < self->n_levels);
  g_return_if_fail (self->n_levels > 1);

  for (guint k = 0; k < self->n_levels; k++)
    map[k] = k < level ? (int) k : k == level ? (int) MAX (level, 1) - 1 : (int) k - 1;

  clear_level (&self->levels[level]);
  memmove (&self->levels[level], &self->levels[level + 1],
           (self->n_levels - level - 1) * sizeof (AimsMatrixLevel));
  memset (&self->levels[self->n_levels - 1], 0, sizeof (AimsMatrixLevel));

  for (guint l = 0; l < self->n_steps[AIMS_MATRIX_LIKELIHOOD]; l++)
    for (guint i = 0; i < self->n_steps[AIMS_MATRIX_IMPACT]; i++)
      if (self->grid[l][i] >= 0 && self->grid[l][i] < (int) self->n_levels)
        self->grid[l][i] = map[self->grid[l][i]];

  if (self->tolerance < self->n_levels)
    self->tolerance = (guint) map[self->tolerance];

  self->n_levels--;
}

/**
 * aims_matrix_get_tolerance:
 * @self: a #AimsMatrix
 *
 * Returns: the highest level that is acceptable without treatment
 */
guint
aims_matrix_get_tolerance (AimsMatrix *self)
{
  g_return_val_if_fail (AIMS_IS_MATRIX (self), 0);

  return self->tolerance;
}

/**
 * aims_matrix_set_tolerance:
 * @self: a #AimsMatrix
 * @level: the highest acceptable level
 *
 * Sets the tolerance. A level beyond the matrix is kept, and refused by
 * aims_matrix_validate().
 */
void
aims_matrix_set_tolerance (AimsMatrix *self,
                           guint       level)
{
  g_return_if_fail (AIMS_IS_MATRIX (self));

  self->tolerance = level;
}

/**
 * aims_matrix_is_above_tolerance:
 * @self: a #AimsMatrix
 * @level: a level
 *
 * Returns: whether @level is above the tolerance, so needs treatment
 */
gboolean
aims_matrix_is_above_tolerance (AimsMatrix *self,
                                guint       level)
{
  g_return_val_if_fail (AIMS_IS_MATRIX (self), FALSE);

  return level > self->tolerance;
}
