/* aims-matrix.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The project's risk matrix: two axes of steps, a grid that gives each cell a
 * level, the levels themselves and a tolerance. The matrix is plain data; it
 * is stored as JSON in the project's `matrix` slot, and everything read from
 * that JSON is treated as untrusted: sizes, types, string lengths and nesting
 * are checked before anything is kept, and the result is validated. */

#define G_LOG_DOMAIN "aims-matrix"

#include "config.h"

#include "aims-matrix.h"

#include "aims-json-private.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

/* The version of the JSON form written by aims_matrix_to_json() */
#define MATRIX_FORMAT_VERSION 1

/* Limits on untrusted JSON: a legitimate matrix is far below them */
#define MAX_JSON_BYTES  (512 * 1024)
#define MAX_JSON_DEPTH  6
#define MAX_TEXT_BYTES  4096

#define MIN_REVIEW_DAYS 1
#define MAX_REVIEW_DAYS 3660

#define N_AXES 2

typedef struct
{
  char *label;
  char *description;
  char *range;          /* nullable */
} Step;

typedef struct
{
  char     *name;
  char     *colour;
  gboolean  within_appetite;
  guint     review_days;
} Level;

struct _AimsMatrix
{
  GObject  parent_instance;

  guint    n_steps[N_AXES];
  Step     steps[N_AXES][AIMS_MATRIX_MAX_STEPS];
  guint    n_levels;
  Level    levels[AIMS_MATRIX_MAX_LEVELS];
  /* grid[likelihood - 1][impact - 1]: a level, or -1 when unassigned */
  int      grid[AIMS_MATRIX_MAX_STEPS][AIMS_MATRIX_MAX_STEPS];
  guint    tolerance;
};

G_DEFINE_FINAL_TYPE (AimsMatrix, aims_matrix, G_TYPE_OBJECT)
G_DEFINE_QUARK (aims-matrix-error-quark, aims_matrix_error)

/* Presets ****************************************************************/

typedef struct
{
  const char *label;
  const char *description;
  const char *range;
} PresetStep;

typedef struct
{
  const char *name;
  const char *colour;
  gboolean    within_appetite;
  guint       review_days;
} PresetLevel;

typedef struct
{
  const char        *name;
  guint              n_likelihood;
  guint              n_impact;
  guint              n_levels;
  const PresetStep  *likelihood;
  const PresetStep  *impact;
  const PresetLevel *levels;
  const int         *grid;        /* n_likelihood × n_impact, row by row */
  guint              tolerance;
} Preset;

/* Likelihood: how often the harm is expected to happen over the life of the
 * AI system, given the controls already in place. */

static const PresetStep likelihood_5[] = {
  { N_("Rare"),
    N_("Could happen only in exceptional circumstances; no known occurrence in comparable "
       "AI systems."),
    N_("less than once in 10 years") },
  { N_("Unlikely"),
    N_("Not expected, but has happened elsewhere with comparable AI systems or data."),
    N_("once in 3 to 10 years") },
  { N_("Possible"),
    N_("Might happen during the life of the AI system; has happened in the sector."),
    N_("once in 1 to 3 years") },
  { N_("Likely"),
    N_("Will probably happen; has happened here before or warning signs are seen."),
    N_("once or more a year") },
  { N_("Almost certain"),
    N_("Expected to happen in normal operation unless something changes."),
    N_("monthly or more often") },
};

static const PresetStep likelihood_4[] = {
  { N_("Rare"),
    N_("Could happen only in exceptional circumstances."),
    N_("less than once in 10 years") },
  { N_("Unlikely"),
    N_("Not expected, but has happened elsewhere with comparable AI systems."),
    N_("once in 2 to 10 years") },
  { N_("Likely"),
    N_("Will probably happen during the life of the AI system."),
    N_("once or more a year") },
  { N_("Almost certain"),
    N_("Expected to happen in normal operation."),
    N_("monthly or more often") },
};

static const PresetStep likelihood_3[] = {
  { N_("Unlikely"),
    N_("Not expected during the life of the AI system."),
    N_("less than once in 5 years") },
  { N_("Possible"),
    N_("Might happen during the life of the AI system."),
    N_("once in 1 to 5 years") },
  { N_("Likely"),
    N_("Expected to happen, or has happened already."),
    N_("once or more a year") },
};

static const PresetStep likelihood_6[] = {
  { N_("Very rare"),
    N_("Not known to have happened anywhere with comparable AI systems."),
    N_("less than once in 30 years") },
  { N_("Rare"),
    N_("Could happen only in exceptional circumstances."),
    N_("once in 10 to 30 years") },
  { N_("Unlikely"),
    N_("Not expected, but has happened elsewhere with comparable AI systems or data."),
    N_("once in 3 to 10 years") },
  { N_("Possible"),
    N_("Might happen during the life of the AI system; has happened in the sector."),
    N_("once in 1 to 3 years") },
  { N_("Likely"),
    N_("Will probably happen; has happened here before or warning signs are seen."),
    N_("once or more a year") },
  { N_("Almost certain"),
    N_("Expected to happen in normal operation unless something changes."),
    N_("monthly or more often") },
};

/* Impact: the worst credible harm to people, to the organisation and to
 * society, with the financial loss as a guide. */

static const PresetStep impact_5[] = {
  { N_("Negligible"),
    N_("No noticeable effect on people; a minor inconvenience for the organisation, "
       "handled in routine work."),
    N_("under EUR 10k") },
  { N_("Minor"),
    N_("Short, reversible inconvenience to a few people; small local disruption; "
       "no effect on rights or on society."),
    N_("EUR 10k–100k") },
  { N_("Moderate"),
    N_("Reversible harm to a group of people, such as an unfair decision that is later "
       "corrected; complaints or local media attention."),
    N_("EUR 100k–1M") },
  { N_("Major"),
    N_("Serious or lasting harm to people or to their fundamental rights; regulatory "
       "action; national media attention."),
    N_("EUR 1M–10M") },
  { N_("Severe"),
    N_("Irreversible harm, including to health or life, or harm to many people or to "
       "society; loss of a licence to operate."),
    N_("over EUR 10M") },
};

static const PresetStep impact_4[] = {
  { N_("Minor"),
    N_("Short, reversible inconvenience to a few people; handled in routine work."),
    N_("under EUR 50k") },
  { N_("Moderate"),
    N_("Reversible harm to a group of people; complaints or local media attention."),
    N_("EUR 50k–500k") },
  { N_("Major"),
    N_("Serious or lasting harm to people or to their rights; regulatory action."),
    N_("EUR 500k–5M") },
  { N_("Severe"),
    N_("Irreversible harm, including to health or life, or harm to society at large."),
    N_("over EUR 5M") },
};

static const PresetStep impact_3[] = {
  { N_("Minor"),
    N_("Reversible inconvenience to people; handled in routine work."),
    N_("under EUR 100k") },
  { N_("Moderate"),
    N_("Harm to people or their rights that can be corrected; complaints or regulatory "
       "questions."),
    N_("EUR 100k–1M") },
  { N_("Severe"),
    N_("Serious, lasting or irreversible harm to people or society; regulatory action."),
    N_("over EUR 1M") },
};

static const PresetStep impact_6[] = {
  { N_("Negligible"),
    N_("No noticeable effect on people; handled in routine work."),
    N_("under EUR 10k") },
  { N_("Minor"),
    N_("Short, reversible inconvenience to a few people; no effect on rights."),
    N_("EUR 10k–100k") },
  { N_("Moderate"),
    N_("Reversible harm to a group of people, later corrected; complaints or local "
       "media attention."),
    N_("EUR 100k–1M") },
  { N_("Major"),
    N_("Serious or lasting harm to people or to their fundamental rights; regulatory "
       "action."),
    N_("EUR 1M–10M") },
  { N_("Severe"),
    N_("Irreversible harm to people, including to health, or harm to many people; "
       "national media attention."),
    N_("EUR 10M–50M") },
  { N_("Catastrophic"),
    N_("Loss of life or widespread harm to society; the organisation's survival or "
       "licence to operate is at stake."),
    N_("over EUR 50M") },
};

static const PresetLevel levels_5[] = {
  { N_("Low"),         "#33d17a", TRUE,  365 },
  { N_("Moderate"),    "#f6d32d", TRUE,  180 },
  { N_("Significant"), "#ff7800", FALSE,  90 },
  { N_("High"),        "#e01b24", FALSE,  30 },
  { N_("Critical"),    "#a51d2d", FALSE,  14 },
};

static const PresetLevel levels_4[] = {
  { N_("Low"),      "#33d17a", TRUE,  365 },
  { N_("Moderate"), "#f6d32d", TRUE,  180 },
  { N_("High"),     "#ff7800", FALSE,  60 },
  { N_("Critical"), "#e01b24", FALSE,  14 },
};

static const PresetLevel levels_3[] = {
  { N_("Low"),    "#33d17a", TRUE,  365 },
  { N_("Medium"), "#f6d32d", TRUE,   90 },
  { N_("High"),   "#e01b24", FALSE,  30 },
};

/* The grids follow likelihood × impact, then were checked by hand: a severe
 * impact is never "Low", however rare. */
static const int grid_5[] = {
  0, 0, 1, 1, 2,
  0, 1, 2, 2, 3,
  1, 2, 2, 3, 3,
  1, 2, 3, 3, 4,
  2, 3, 3, 4, 4,
};

static const int grid_4[] = {
  0, 0, 1, 1,
  0, 1, 2, 2,
  1, 2, 2, 3,
  1, 2, 3, 3,
};

static const int grid_3[] = {
  0, 0, 1,
  0, 1, 2,
  1, 2, 2,
};

static const int grid_6[] = {
  0, 0, 0, 1, 1, 2,
  0, 1, 1, 2, 2, 2,
  0, 1, 2, 2, 3, 3,
  1, 2, 2, 3, 3, 4,
  1, 2, 3, 3, 4, 4,
  1, 2, 3, 4, 4, 4,
};

static const Preset presets[] = {
  [AIMS_MATRIX_PRESET_5X5] = { N_("5×5"), 5, 5, 5, likelihood_5, impact_5, levels_5, grid_5, 1 },
  [AIMS_MATRIX_PRESET_4X4] = { N_("4×4"), 4, 4, 4, likelihood_4, impact_4, levels_4, grid_4, 1 },
  [AIMS_MATRIX_PRESET_3X3] = { N_("3×3"), 3, 3, 3, likelihood_3, impact_3, levels_3, grid_3, 1 },
  [AIMS_MATRIX_PRESET_6X6] = { N_("6×6"), 6, 6, 5, likelihood_6, impact_6, levels_5, grid_6, 1 },
};

/* Helpers ****************************************************************/

static const char *
axis_name (AimsMatrixAxis axis)
{
  return axis == AIMS_MATRIX_LIKELIHOOD ? _("Likelihood") : _("Impact");
}

/* Empty and NULL are the same "no range". */
static char *
dup_nullable (const char *text)
{
  return (text != NULL && text[0] != '\0') ? g_strdup (text) : NULL;
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

static gboolean
same_label (const char *a,
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

/* A step as a risk manager reads it: its label, or "step 3" when it has none. */
static char *
describe_step (AimsMatrix     *self,
               AimsMatrixAxis  axis,
               guint           value)
{
  const char *label = self->steps[axis][value - 1].label;

  if (is_blank (label))
    return g_strdup_printf (_("step %u"), value);

  return g_strdup (label);
}

static char *
describe_level (AimsMatrix *self,
                guint       level)
{
  const char *name = self->levels[level].name;

  if (is_blank (name))
    return g_strdup_printf (_("level %u"), level + 1);

  return g_strdup_printf ("“%s”", name);
}

static char *
describe_cell (AimsMatrix *self,
               guint       likelihood,
               guint       impact)
{
  g_autofree char *l = describe_step (self, AIMS_MATRIX_LIKELIHOOD, likelihood);
  g_autofree char *i = describe_step (self, AIMS_MATRIX_IMPACT, impact);

  /* Translators: a cell of the risk matrix, likelihood × impact */
  return g_strdup_printf (_("%s × %s"), l, i);
}

static void
clear_step (Step *step)
{
  g_clear_pointer (&step->label, g_free);
  g_clear_pointer (&step->description, g_free);
  g_clear_pointer (&step->range, g_free);
}

static void
clear_level (Level *level)
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

static gboolean
check_sizes (guint    n_likelihood,
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
      if (is_blank (self->steps[axis][v - 1].label))
        {
          g_set_error (error, AIMS_MATRIX_ERROR, AIMS_MATRIX_ERROR_EMPTY_LABEL,
                       axis == AIMS_MATRIX_LIKELIHOOD
                       ? _("Likelihood step %u has no label.")
                       : _("Impact step %u has no label."),
                       v);
          return FALSE;
        }

      for (guint w = 1; w < v; w++)
        if (same_label (self->steps[axis][w - 1].label, self->steps[axis][v - 1].label))
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
      const Level *level = &self->levels[l];

      if (is_blank (level->name))
        {
          g_set_error (error, AIMS_MATRIX_ERROR, AIMS_MATRIX_ERROR_EMPTY_LABEL,
                       _("Risk level %u has no name."), l + 1);
          return FALSE;
        }

      for (guint k = 0; k < l; k++)
        if (same_label (self->levels[k].name, level->name))
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

      if (level->review_days < MIN_REVIEW_DAYS || level->review_days > MAX_REVIEW_DAYS)
        {
          g_set_error (error, AIMS_MATRIX_ERROR, AIMS_MATRIX_ERROR_REVIEW_INTERVAL,
                       _("Level “%s” is reviewed every %u days; the interval must be "
                         "%u to %u days."),
                       level->name, level->review_days, MIN_REVIEW_DAYS, MAX_REVIEW_DAYS);
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

/* JSON *******************************************************************/

static gboolean G_GNUC_PRINTF (2, 3)
format_error (GError     **error,
              const char  *format,
              ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, AIMS_MATRIX_ERROR, AIMS_MATRIX_ERROR_FORMAT,
               _("This is not a risk matrix this version can read: %s"), message);
  return FALSE;
}

/* Refuses text json-glib should not even see: too long, not UTF-8, or
 * nested deeper than any matrix is (its parser recurses per level). */
static gboolean
check_json_text (const char  *json,
                 GError     **error)
{
  gsize length = strnlen (json, MAX_JSON_BYTES + 1);

  if (length > MAX_JSON_BYTES)
    return format_error (error, _("it is larger than %u KiB."), MAX_JSON_BYTES / 1024);

  if (!g_utf8_validate (json, length, NULL))
    return format_error (error, _("it is not UTF-8 text."));

  if (!_aims_json_nesting_within (json, length, MAX_JSON_DEPTH))
    return format_error (error, _("it is nested too deeply."));

  return TRUE;
}

static JsonNode *
get_member (JsonObject *object,
            const char *name)
{
  return json_object_has_member (object, name) ? json_object_get_member (object, name) : NULL;
}

static gboolean
read_string (JsonObject  *object,
             const char  *name,
             gboolean     optional,
             const char  *where,
             const char **out,
             GError     **error)
{
  JsonNode *node = get_member (object, name);
  const char *text;

  *out = NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (optional)
        return TRUE;
      return format_error (error, _("%s has no “%s”."), where, name);
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return format_error (error, _("“%s” of %s is not text."), name, where);

  text = json_node_get_string (node);
  if (text == NULL)
    text = "";

  if (strlen (text) > MAX_TEXT_BYTES)
    return format_error (error, _("“%s” of %s is longer than %u bytes."),
                         name, where, MAX_TEXT_BYTES);

  *out = text;
  return TRUE;
}

static gboolean
read_int (JsonNode    *node,
          const char  *what,
          gint64       min,
          gint64       max,
          gint64      *out,
          GError     **error)
{
  gint64 value;

  if (node == NULL)
    return format_error (error, _("%s is missing."), what);

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return format_error (error, _("%s is not a whole number."), what);

  value = json_node_get_int (node);
  if (value < min || value > max)
    return format_error (error, _("%s is out of range."), what);

  *out = value;
  return TRUE;
}

static JsonArray *
read_array (JsonObject  *object,
            const char  *name,
            GError     **error)
{
  JsonNode *node = get_member (object, name);

  if (node == NULL)
    {
      format_error (error, _("“%s” is missing."), name);
      return NULL;
    }

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      format_error (error, _("“%s” is not a list."), name);
      return NULL;
    }

  return json_node_get_array (node);
}

static gboolean
read_steps (AimsMatrix      *self,
            AimsMatrixAxis   axis,
            JsonArray       *array,
            GError         **error)
{
  for (guint v = 1; v <= self->n_steps[axis]; v++)
    {
      JsonNode *node = json_array_get_element (array, v - 1);
      g_autofree char *where = NULL;
      const char *label, *description, *range;
      JsonObject *object;

      /* Translators: names an element of a matrix in an error, "Impact step 3" */
      where = g_strdup_printf (_("%s step %u"), axis_name (axis), v);

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return format_error (error, _("%s is not an object."), where);

      object = json_node_get_object (node);
      if (!read_string (object, "label", FALSE, where, &label, error) ||
          !read_string (object, "description", TRUE, where, &description, error) ||
          !read_string (object, "range", TRUE, where, &range, error))
        return FALSE;

      aims_matrix_set_step (self, axis, v, label, description, range);
    }

  return TRUE;
}

static gboolean
read_levels (AimsMatrix  *self,
             JsonArray   *array,
             GError     **error)
{
  for (guint l = 0; l < self->n_levels; l++)
    {
      JsonNode *node = json_array_get_element (array, l);
      g_autofree char *where = g_strdup_printf (_("Risk level %u"), l + 1);
      g_autofree char *what = NULL;
      const char *name, *colour;
      JsonObject *object;
      JsonNode *appetite;
      gint64 days;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return format_error (error, _("%s is not an object."), where);

      object = json_node_get_object (node);
      if (!read_string (object, "name", FALSE, where, &name, error) ||
          !read_string (object, "colour", FALSE, where, &colour, error))
        return FALSE;

      appetite = get_member (object, "within-appetite");
      if (appetite == NULL ||
          !JSON_NODE_HOLDS_VALUE (appetite) ||
          json_node_get_value_type (appetite) != G_TYPE_BOOLEAN)
        return format_error (error, _("“within-appetite” of %s is not true or false."), where);

      what = g_strdup_printf (_("“review-days” of %s"), where);
      if (!read_int (get_member (object, "review-days"), what, 0, G_MAXUINT, &days, error))
        return FALSE;

      aims_matrix_set_level (self, l, name, colour, json_node_get_boolean (appetite),
                             (guint) days);
    }

  return TRUE;
}

static gboolean
read_grid (AimsMatrix  *self,
           JsonArray   *rows,
           GError     **error)
{
  guint n_l = self->n_steps[AIMS_MATRIX_LIKELIHOOD];
  guint n_i = self->n_steps[AIMS_MATRIX_IMPACT];

  if (json_array_get_length (rows) != n_l)
    return format_error (error, _("the grid does not have one row per likelihood step."));

  for (guint l = 1; l <= n_l; l++)
    {
      JsonNode *row_node = json_array_get_element (rows, l - 1);
      JsonArray *row;

      if (!JSON_NODE_HOLDS_ARRAY (row_node))
        return format_error (error, _("row %u of the grid is not a list."), l);

      row = json_node_get_array (row_node);
      if (json_array_get_length (row) != n_i)
        return format_error (error, _("row %u of the grid does not have one cell per impact "
                                      "step."), l);

      for (guint i = 1; i <= n_i; i++)
        {
          JsonNode *cell = json_array_get_element (row, i - 1);
          g_autofree char *what = NULL;
          gint64 level;

          /* null: the cell has no level yet, which validation refuses with
           * a message naming the cell */
          if (JSON_NODE_HOLDS_NULL (cell))
            continue;

          what = g_strdup_printf (_("the level of cell %u × %u"), l, i);
          if (!read_int (cell, what, -1, (gint64) self->n_levels - 1, &level, error))
            return FALSE;

          self->grid[l - 1][i - 1] = (int) level;
        }
    }

  return TRUE;
}

static AimsMatrix *
matrix_from_object (JsonObject  *root,
                    GError     **error)
{
  g_autoptr(AimsMatrix) self = NULL;
  JsonArray *likelihood, *impact, *levels, *grid;
  gint64 version, tolerance;

  if (!read_int (get_member (root, "version"), _("“version”"), G_MININT64, G_MAXINT64,
                 &version, error))
    return NULL;

  if (version != MATRIX_FORMAT_VERSION)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, version);

      format_error (error, _("it is of version %s, made by another version of the application."),
                    number);
      return NULL;
    }

  if ((likelihood = read_array (root, "likelihood", error)) == NULL ||
      (impact = read_array (root, "impact", error)) == NULL ||
      (levels = read_array (root, "levels", error)) == NULL ||
      (grid = read_array (root, "grid", error)) == NULL)
    return NULL;

  if (!check_sizes (json_array_get_length (likelihood),
                    json_array_get_length (impact),
                    json_array_get_length (levels),
                    error))
    return NULL;

  self = aims_matrix_new (json_array_get_length (likelihood),
                          json_array_get_length (impact),
                          json_array_get_length (levels));

  if (!read_steps (self, AIMS_MATRIX_LIKELIHOOD, likelihood, error) ||
      !read_steps (self, AIMS_MATRIX_IMPACT, impact, error) ||
      !read_levels (self, levels, error) ||
      !read_grid (self, grid, error))
    return NULL;

  if (!read_int (get_member (root, "tolerance"), _("“tolerance”"), G_MININT64, G_MAXINT64,
                 &tolerance, error))
    return NULL;

  if (tolerance < 0 || tolerance >= self->n_levels)
    {
      g_set_error (error, AIMS_MATRIX_ERROR, AIMS_MATRIX_ERROR_TOLERANCE,
                   _("The tolerance is not one of the %u levels of the matrix."),
                   self->n_levels);
      return NULL;
    }
  self->tolerance = (guint) tolerance;

  return g_steal_pointer (&self);
}

static void
build_steps (AimsMatrix     *self,
             AimsMatrixAxis  axis,
             JsonBuilder    *builder)
{
  json_builder_begin_array (builder);
  for (guint v = 1; v <= self->n_steps[axis]; v++)
    {
      const Step *step = &self->steps[axis][v - 1];

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "label");
      json_builder_add_string_value (builder, step->label);
      json_builder_set_member_name (builder, "description");
      json_builder_add_string_value (builder, step->description);
      json_builder_set_member_name (builder, "range");
      if (step->range != NULL)
        json_builder_add_string_value (builder, step->range);
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/* GObject ****************************************************************/

static void
aims_matrix_finalize (GObject *object)
{
  AimsMatrix *self = (AimsMatrix *) object;

  for (guint a = 0; a < N_AXES; a++)
    for (guint v = 0; v < AIMS_MATRIX_MAX_STEPS; v++)
      clear_step (&self->steps[a][v]);

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

  for (guint a = 0; a < N_AXES; a++)
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
 * aims_matrix_new_preset:
 * @preset: an #AimsMatrixPreset
 *
 * Creates one of the built-in matrices, with its labels translated.
 *
 * Returns: (transfer full): a new, valid matrix
 */
AimsMatrix *
aims_matrix_new_preset (AimsMatrixPreset preset)
{
  const Preset *p;
  AimsMatrix *self;

  g_return_val_if_fail ((guint) preset < G_N_ELEMENTS (presets), NULL);

  p = &presets[preset];
  self = aims_matrix_new (p->n_likelihood, p->n_impact, p->n_levels);

  for (guint v = 1; v <= p->n_likelihood; v++)
    aims_matrix_set_step (self, AIMS_MATRIX_LIKELIHOOD, v,
                          _(p->likelihood[v - 1].label),
                          _(p->likelihood[v - 1].description),
                          _(p->likelihood[v - 1].range));

  for (guint v = 1; v <= p->n_impact; v++)
    aims_matrix_set_step (self, AIMS_MATRIX_IMPACT, v,
                          _(p->impact[v - 1].label),
                          _(p->impact[v - 1].description),
                          _(p->impact[v - 1].range));

  for (guint l = 0; l < p->n_levels; l++)
    aims_matrix_set_level (self, l,
                           _(p->levels[l].name),
                           p->levels[l].colour,
                           p->levels[l].within_appetite,
                           p->levels[l].review_days);

  for (guint l = 0; l < p->n_likelihood; l++)
    for (guint i = 0; i < p->n_impact; i++)
      self->grid[l][i] = p->grid[l * p->n_impact + i];

  self->tolerance = p->tolerance;

  return self;
}

/**
 * aims_matrix_new_from_json:
 * @json: the JSON form, as written by aims_matrix_to_json()
 * @error: return location for an error
 *
 * Reads a matrix from untrusted text and validates it. Anything that is not
 * a matrix is refused with %AIMS_MATRIX_ERROR_FORMAT; a matrix that breaks
 * a rule is refused with that rule's code.
 *
 * Returns: (transfer full) (nullable): a valid matrix, or %NULL
 */
AimsMatrix *
aims_matrix_new_from_json (const char  *json,
                           GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(AimsMatrix) self = NULL;
  JsonNode *root;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (json == NULL)
    {
      format_error (error, _("it is empty."));
      return NULL;
    }

  if (!check_json_text (json, error))
    return NULL;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, json, -1, &local_error))
    {
      format_error (error, "%s", local_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      format_error (error, _("it is not a JSON object."));
      return NULL;
    }

  self = matrix_from_object (json_node_get_object (root), error);
  if (self == NULL)
    return NULL;

  if (!aims_matrix_validate (self, error))
    return NULL;

  return g_steal_pointer (&self);
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

  for (guint a = 0; a < N_AXES; a++)
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

  for (guint ax = 0; ax < N_AXES; ax++)
    for (guint v = 0; v < a->n_steps[ax]; v++)
      {
        const Step *sa = &a->steps[ax][v];
        const Step *sb = &b->steps[ax][v];

        if (g_strcmp0 (sa->label, sb->label) != 0 ||
            g_strcmp0 (sa->description, sb->description) != 0 ||
            g_strcmp0 (sa->range, sb->range) != 0)
          return FALSE;
      }

  for (guint l = 0; l < a->n_levels; l++)
    {
      const Level *la = &a->levels[l];
      const Level *lb = &b->levels[l];

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
 * aims_matrix_to_json:
 * @self: a #AimsMatrix
 *
 * Writes the matrix as JSON, with a "version" key. The output depends only
 * on the matrix: equal matrices give identical bytes.
 *
 * Returns: (transfer full): the JSON text
 */
char *
aims_matrix_to_json (AimsMatrix *self)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (AIMS_IS_MATRIX (self), NULL);

  builder = json_builder_new_immutable ();
  json_builder_begin_object (builder);

  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, MATRIX_FORMAT_VERSION);

  json_builder_set_member_name (builder, "likelihood");
  build_steps (self, AIMS_MATRIX_LIKELIHOOD, builder);
  json_builder_set_member_name (builder, "impact");
  build_steps (self, AIMS_MATRIX_IMPACT, builder);

  json_builder_set_member_name (builder, "levels");
  json_builder_begin_array (builder);
  for (guint l = 0; l < self->n_levels; l++)
    {
      const Level *level = &self->levels[l];

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, level->name);
      json_builder_set_member_name (builder, "colour");
      json_builder_add_string_value (builder, level->colour);
      json_builder_set_member_name (builder, "within-appetite");
      json_builder_add_boolean_value (builder, level->within_appetite);
      json_builder_set_member_name (builder, "review-days");
      json_builder_add_int_value (builder, level->review_days);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "grid");
  json_builder_begin_array (builder);
  for (guint l = 0; l < self->n_steps[AIMS_MATRIX_LIKELIHOOD]; l++)
    {
      json_builder_begin_array (builder);
      for (guint i = 0; i < self->n_steps[AIMS_MATRIX_IMPACT]; i++)
        {
          if (self->grid[l][i] < 0)
            json_builder_add_null_value (builder);
          else
            json_builder_add_int_value (builder, self->grid[l][i]);
        }
      json_builder_end_array (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "tolerance");
  json_builder_add_int_value (builder, self->tolerance);

  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);

  return json_generator_to_data (generator, NULL);
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

  return check_sizes (self->n_steps[AIMS_MATRIX_LIKELIHOOD],
                      self->n_steps[AIMS_MATRIX_IMPACT],
                      self->n_levels,
                      error) &&
         validate_axis (self, AIMS_MATRIX_LIKELIHOOD, error) &&
         validate_axis (self, AIMS_MATRIX_IMPACT, error) &&
         validate_levels (self, error) &&
         validate_grid (self, error);
}

/**
 * aims_matrix_preset_get_name:
 * @preset: an #AimsMatrixPreset
 *
 * Returns: the preset's translated name, such as "5×5"
 */
const char *
aims_matrix_preset_get_name (AimsMatrixPreset preset)
{
  g_return_val_if_fail ((guint) preset < G_N_ELEMENTS (presets), NULL);

  return _(presets[preset].name);
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
  g_return_val_if_fail ((guint) axis < N_AXES, 0);

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
  g_return_val_if_fail ((guint) axis < N_AXES, NULL);
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
  g_return_val_if_fail ((guint) axis < N_AXES, NULL);
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
  g_return_val_if_fail ((guint) axis < N_AXES, NULL);
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
  Step *step;

  g_return_if_fail (AIMS_IS_MATRIX (self));
  g_return_if_fail ((guint) axis < N_AXES);
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
  g_return_val_if_fail ((guint) axis < N_AXES, 0);

  if (is_blank (label) || !g_utf8_validate (label, -1, NULL))
    return 0;

  for (guint v = 1; v <= self->n_steps[axis]; v++)
    if (same_label (self->steps[axis][v - 1].label, label))
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
  Level *l;

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
void
aims_matrix_set_n_steps (AimsMatrix     *self,
                         AimsMatrixAxis  axis,
                         guint           n_steps)
{
  Step old_steps[AIMS_MATRIX_MAX_STEPS];
  int old_grid[AIMS_MATRIX_MAX_STEPS][AIMS_MATRIX_MAX_STEPS];
  guint n_old;

  g_return_if_fail (AIMS_IS_MATRIX (self));
  g_return_if_fail ((guint) axis < N_AXES);
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
      Step *step = &self->steps[axis][v - 1];

      if (aims_matrix_remap_value (middle, n_old, n_steps) == v)
        chosen = middle;
      for (guint w = 1; chosen == 0 && w <= n_old; w++)
        if (aims_matrix_remap_value (w, n_old, n_steps) == v)
          chosen = w;

      if (chosen != 0)
        {
          *step = old_steps[chosen - 1];
          memset (&old_steps[chosen - 1], 0, sizeof (Step));
        }
      else
        {
          step->label = g_strdup ("");
          step->description = g_strdup ("");
        }
    }

  for (guint w = 0; w < n_old; w++)
    clear_step (&old_steps[w]);

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
           (self->n_levels - level - 1) * sizeof (Level));
  memset (&self->levels[self->n_levels - 1], 0, sizeof (Level));

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

  for (guint a = 0; a < N_AXES; a++)
    {
      guint n_from = from->n_steps[a];
      guint n_to = to->n_steps[a];

      g_string_append_c (text, '\n');
      /* Translators: starts the list of how the steps of one axis move */
      g_string_append_printf (text, _("%s:"), axis_name (a));

      for (guint v = 1; v <= n_from; v++)
        {
          guint w = aims_matrix_remap_value (v, n_from, n_to);
          g_autofree char *old_step = describe_step (from, a, v);
          g_autofree char *new_step = describe_step (to, a, w);

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
