/* aims-matrix-json.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The stored form of a risk matrix: JSON in the project's `matrix` slot.
 * Everything read from that JSON is treated as untrusted: sizes, types,
 * string lengths and nesting are checked before anything is kept, and the
 * result is validated. */

#define G_LOG_DOMAIN "aims-matrix"

#include "config.h"

#include "aims-matrix-private.h"
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
      where = g_strdup_printf (_("%s step %u"), _aims_matrix_axis_name (axis), v);

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

  if (!_aims_matrix_check_sizes (json_array_get_length (likelihood),
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
      const AimsMatrixStep *step = &self->steps[axis][v - 1];

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

/* Public API *************************************************************/

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
      const AimsMatrixLevel *level = &self->levels[l];

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
