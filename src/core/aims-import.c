/* aims-import.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aims-import"

#include "config.h"

#include "aims-import.h"
#include "aims-import-private.h"

#include "aims-schema-private.h"
#include "aims-sqlite-private.h"
#include "aims-store-private.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * Rows of a sheet into a register (risks, AI systems, data sets, third
 * parties, incidents).
 *
 * A mapping says which column fills which field. It is guessed from the
 * header row (a header that is a field's name or label, in any case, with
 * spaces, hyphens or underscores), can be changed, and can be read from a
 * JSON file (see docs/import-mapping.md). It also maps text to values:
 * "High" → 4 for a likelihood or impact, "Reduce" → "mitigate" for a
 * choice. Text that is a choice's id or label, or a matrix step's number or
 * label, needs no entry.
 *
 * The import runs in one group of the store: one transaction, one
 * changeset, one undo step (aims-import-run.c). A row the store refuses is
 * reported and the others go on; at the end, if any row was rejected or
 * this is a dry run, the group is rolled back and nothing is left. A dry run
 * thus rejects exactly what the import would.
 *
 * A row whose reference is that of a record already in the register
 * updates it (only the fields whose value differs; a row that changes
 * nothing is counted unchanged), unless matching by reference is off.
 */

G_DEFINE_FINAL_TYPE (AimsImportMapping, aims_import_mapping, G_TYPE_OBJECT)

G_DEFINE_FINAL_TYPE (AimsImportResult, aims_import_result, G_TYPE_OBJECT)

G_DEFINE_QUARK (aims-import-error-quark, aims_import_error)

/* Helpers */

char *
_aims_import_fold (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autofree char *folded = g_utf8_casefold (stripped, -1);
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  /* "Inherent likelihood", "inherent_likelihood" and "Inherent-Likelihood"
   * are the same header. */
  for (const char *p = folded; *p != '\0'; p++)
    {
      if (*p == '_' || *p == '-' || *p == ' ' || *p == '\t')
        space = TRUE;
      else
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_c (out, *p);
        }
    }

  return g_string_free (out, FALSE);
}

static gboolean
field_is_importable (const AimsFieldInfo *field)
{
  return !(field->flags & AIMS_FIELD_FLAG_SYSTEM) &&
         field->widget != AIMS_FIELD_WIDGET_HIDDEN &&
         field->widget != AIMS_FIELD_WIDGET_LEVEL &&
         field->kind != AIMS_FIELD_ANY;
}

gboolean
_aims_import_field_is_likelihood (const AimsFieldInfo *field)
{
  return g_str_equal (field->name, "likelihood") || g_str_has_suffix (field->name, "_likelihood");
}

/* Incident times are entries of a date with an optional time. */
gboolean
_aims_import_field_is_date_time (const AimsTableInfo *table,
                    const AimsFieldInfo *field)
{
  static const char * const names[] = { "occurred", "detected", "responded", "resolved", NULL };

  return g_str_equal (table->name, "incident") && g_strv_contains (names, field->name);
}

static const AimsFieldInfo *
find_field_for_header (const AimsTableInfo *table,
                       const char          *header,
                       GHashTable          *taken)
{
  g_autofree char *key = _aims_import_fold (header);

  if (*key == '\0')
    return NULL;

  for (guint pass = 0; pass < 3; pass++)
    for (guint i = 0; i < table->n_fields; i++)
      {
        const AimsFieldInfo *field = &table->fields[i];
        g_autofree char *candidate = NULL;

        if (!field_is_importable (field) || g_hash_table_contains (taken, field->name))
          continue;

        if (pass == 0)
          candidate = _aims_import_fold (field->name);
        else if (pass == 1)
          candidate = _aims_import_fold (field->label);
        else
          candidate = _aims_import_fold (_(field->label));

        if (g_str_equal (candidate, key))
          return field;
      }

  return NULL;
}

/* Words people use for the steps of a scale, by the number of steps. */
static guint
guess_step (const char *folded,
            guint       n_steps)
{
  static const char * const five[][8] = {
    { "very low", "very unlikely", "very rare", "insignificant", "negligible", "minimal", NULL },
    { "low", "unlikely", "minor", "rare", NULL },
    { "medium", "moderate", "possible", "med", "average", NULL },
    { "high", "likely", "major", "probable", "significant", NULL },
    { "very high", "very likely", "almost certain", "certain", "critical", "severe",
      "catastrophic", NULL },
  };
  static const char * const three[][4] = {
    { "low", "unlikely", "minor", NULL },
    { "medium", "moderate", "possible", NULL },
    { "high", "likely", "major", NULL },
  };
  static const char * const four[][5] = {
    { "low", "unlikely", "minor", NULL },
    { "medium", "moderate", "possible", NULL },
    { "high", "likely", "major", NULL },
    { "very high", "very likely", "critical", "severe", NULL },
  };

  for (guint step = 0; step < n_steps; step++)
    for (guint i = 0; ; i++)
      {
        const char *word = n_steps == 5 ? five[step][i]
                         : n_steps == 3 ? three[step][i]
                         : n_steps == 4 ? four[step][i]
                         : NULL;

        if (word == NULL)
          break;
        if (g_str_equal (word, folded))
          return step + 1;
      }

  return 0;
}

/* AimsImportMapping */

static void
aims_import_mapping_finalize (GObject *object)
{
  AimsImportMapping *self = AIMS_IMPORT_MAPPING (object);

  g_clear_pointer (&self->headers, g_ptr_array_unref);
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_clear_pointer (&self->values, g_hash_table_unref);
  g_clear_pointer (&self->defaults, g_hash_table_unref);
  g_clear_pointer (&self->prefixes, g_hash_table_unref);

  G_OBJECT_CLASS (aims_import_mapping_parent_class)->finalize (object);
}

static void
aims_import_mapping_class_init (AimsImportMappingClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = aims_import_mapping_finalize;
}

static void
aims_import_mapping_init (AimsImportMapping *self)
{
  self->headers = g_ptr_array_new_with_free_func (g_free);
  self->fields = g_ptr_array_new ();
  self->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) g_hash_table_unref);
  self->defaults = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->prefixes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->match_reference = TRUE;
}

static const AimsTableInfo *
lookup_import_table (const char  *table,
                     GError     **error)
{
  gboolean importable = FALSE;
  const char *name = aims_sheet_register_to_table (table, &importable);

  if (name == NULL || !importable)
    {
      g_set_error (error, AIMS_IMPORT_ERROR, AIMS_IMPORT_ERROR_REGISTER,
                   _("Rows cannot be imported into “%s”; they can be imported into "
                     "ai-systems, data-sets, third-parties, risks and incidents."),
                   table);
      return NULL;
    }

  return _aims_schema_def_lookup_table (_aims_schema_get_default (), name);
}

/**
 * aims_import_mapping_guess:
 * @table: the register to import into (a table name such as "risk", or a
 *   register name such as "risks")
 * @sheet: the rows; its first is the header
 * @matrix: (nullable): the project's risk matrix, to propose values for
 *   words such as "High" in likelihood and impact columns
 * @error: return location for a #GError
 *
 * Guesses which column fills which field from the headers: a header that is
 * a field's name or label (ignoring case, spaces, hyphens and underscores).
 * The first column to match a field takes it.
 *
 * Returns: (transfer full) (nullable): the mapping
 */
AimsImportMapping *
aims_import_mapping_guess (const char  *table,
                           AimsSheet   *sheet,
                           AimsMatrix  *matrix,
                           GError     **error)
{
  g_autoptr(AimsImportMapping) self = NULL;
  g_autoptr(GHashTable) taken = g_hash_table_new (g_str_hash, g_str_equal);
  const char * const *header;
  const AimsTableInfo *info;
  guint n_cells = 0;

  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (AIMS_IS_SHEET (sheet), NULL);

  info = lookup_import_table (table, error);
  if (info == NULL)
    return NULL;

  self = g_object_new (AIMS_TYPE_IMPORT_MAPPING, NULL);
  self->table = info;

  header = aims_sheet_get_row (sheet, 0, &n_cells);
  for (guint i = 0; i < n_cells; i++)
    {
      const AimsFieldInfo *field = find_field_for_header (info, header[i], taken);

      g_ptr_array_add (self->headers, g_strdup (header[i]));
      g_ptr_array_add (self->fields, field != NULL ? (gpointer) field->name : NULL);
      if (field != NULL)
        g_hash_table_add (taken, (gpointer) field->name);
    }

  /* Words for the steps of the scales. */
  if (matrix != NULL)
    for (guint column = 0; column < self->fields->len; column++)
      {
        const char *name = g_ptr_array_index (self->fields, column);
        const AimsFieldInfo *field = name != NULL ? aims_table_info_lookup_field (info, name)
                                                  : NULL;
        g_autoptr(GHashTable) judged = NULL;
        AimsMatrixAxis axis;
        guint n_steps;

        if (field == NULL || field->widget != AIMS_FIELD_WIDGET_SCORE)
          continue;

        /* A register repeats a few words in every row: judge each once. */
        judged = g_hash_table_new (g_str_hash, g_str_equal);

        axis = _aims_import_field_is_likelihood (field) ? AIMS_MATRIX_LIKELIHOOD : AIMS_MATRIX_IMPACT;
        n_steps = aims_matrix_get_n_steps (matrix, axis);

        for (guint r = 1; r < aims_sheet_get_n_rows (sheet); r++)
          {
            guint n = 0;
            const char * const *cells = aims_sheet_get_row (sheet, r, &n);
            g_autofree char *folded = NULL;
            guint step;

            if (column >= n || *cells[column] == '\0' ||
                !g_hash_table_add (judged, (gpointer) cells[column]) ||
                aims_matrix_find_step (matrix, axis, cells[column]) != 0 ||
                aims_import_mapping_lookup_value (self, name, cells[column]) != NULL)
              continue;

            folded = _aims_import_fold (cells[column]);
            step = guess_step (folded, n_steps);
            if (step != 0)
              {
                g_autofree char *value = g_strdup_printf ("%u", step);

                aims_import_mapping_set_value (self, name, cells[column], value);
              }
          }
      }

  return g_steal_pointer (&self);
}

static gboolean
set_mapping_error (GError     **error,
                   const char  *display_name,
                   const char  *format,
                   ...) G_GNUC_PRINTF (3, 4);

static gboolean
set_mapping_error (GError     **error,
                   const char  *display_name,
                   const char  *format,
                   ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, AIMS_IMPORT_ERROR, AIMS_IMPORT_ERROR_MAPPING,
               /* Translators: “mapping.json”: what is wrong */
               _("“%s”: %s"), display_name, message);
  return FALSE;
}

static char *
node_to_text (JsonNode *node)
{
  if (JSON_NODE_HOLDS_VALUE (node))
    {
      GType type = json_node_get_value_type (node);

      if (type == G_TYPE_STRING)
        return g_strdup (json_node_get_string (node));
      if (type == G_TYPE_INT64)
        return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
      if (type == G_TYPE_BOOLEAN)
        return g_strdup (json_node_get_boolean (node) ? "true" : "false");
      if (type == G_TYPE_DOUBLE)
        {
          char buffer[G_ASCII_DTOSTR_BUF_SIZE];

          return g_strdup (g_ascii_dtostr (buffer, sizeof buffer, json_node_get_double (node)));
        }
    }
  return NULL;
}

static const AimsFieldInfo *
mapping_field (AimsImportMapping  *self,
               const char         *name,
               const char         *display_name,
               GError            **error)
{
  const AimsFieldInfo *field = aims_table_info_lookup_field (self->table, name);

  if (field == NULL)
    {
      set_mapping_error (error, display_name, _("%s have no field “%s”."),
                         aims_sheet_table_to_register (self->table->name), name);
      return NULL;
    }
  if (!field_is_importable (field))
    {
      set_mapping_error (error, display_name,
                         _("the field “%s” is kept by AIMS Workbench (computed or maintained "
                           "by it) and cannot be imported."),
                         name);
      return NULL;
    }
  return field;
}

/**
 * aims_import_mapping_new_from_json:
 * @table: the register to import into
 * @sheet: the rows; its first is the header
 * @json: (array length=length): a mapping file (see docs/import-mapping.md)
 * @length: the length of @json, or -1 if it is NUL-terminated
 * @display_name: the mapping file's name, for messages
 * @error: return location for a #GError
 *
 * Reads a mapping file. Columns it does not list keep the guessed field.
 *
 * Returns: (transfer full) (nullable): the mapping
 */
AimsImportMapping *
aims_import_mapping_new_from_json (const char   *table,
                                   AimsSheet    *sheet,
                                   const char   *json,
                                   gssize        length,
                                   const char   *display_name,
                                   GError      **error)
{
  g_autoptr(AimsImportMapping) self = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  JsonObject *root;
  JsonNode *node;

  g_return_val_if_fail (AIMS_IS_SHEET (sheet), NULL);
  g_return_val_if_fail (json != NULL, NULL);

  self = aims_import_mapping_guess (table, sheet, NULL, error);
  if (self == NULL)
    return NULL;

  if (!json_parser_load_from_data (parser, json, length, &local_error))
    {
      set_mapping_error (error, display_name, _("this is not valid JSON (%s)."),
                         local_error->message);
      return NULL;
    }

  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      set_mapping_error (error, display_name, _("a mapping is a JSON object."));
      return NULL;
    }
  root = json_node_get_object (json_parser_get_root (parser));

  if ((node = json_object_get_member (root, "version")) != NULL &&
      (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_int (node) != 1))
    {
      set_mapping_error (error, display_name,
                         _("this mapping is of a newer version than this AIMS Workbench "
                           "reads (version 1)."));
      return NULL;
    }

  if ((node = json_object_get_member (root, "register")) != NULL)
    {
      const char *name = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_string (node) : NULL;
      const char *mapped = name != NULL ? aims_sheet_register_to_table (name, NULL) : NULL;

      if (g_strcmp0 (mapped, self->table->name) != 0)
        {
          set_mapping_error (error, display_name,
                             _("this mapping is for “%s”, not for %s."),
                             name != NULL ? name : "?",
                             aims_sheet_table_to_register (self->table->name));
          return NULL;
        }
    }

  if ((node = json_object_get_member (root, "columns")) != NULL)
    {
      JsonObject *columns;
      g_autoptr(GList) members = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          set_mapping_error (error, display_name,
                             _("“columns” is an object of column headers and field names."));
          return NULL;
        }
      columns = json_node_get_object (node);
      members = json_object_get_members (columns);

      for (GList *l = members; l != NULL; l = l->next)
        {
          JsonNode *value = json_object_get_member (columns, l->data);
          const AimsFieldInfo *field = NULL;
          gboolean found = FALSE;

          if (!JSON_NODE_HOLDS_NULL (value))
            {
              const char *name = JSON_NODE_HOLDS_VALUE (value) &&
                                 json_node_get_value_type (value) == G_TYPE_STRING
                                 ? json_node_get_string (value) : NULL;

              if (name == NULL)
                {
                  set_mapping_error (error, display_name,
                                     _("the column “%s” is mapped to something that is not a "
                                       "field name."),
                                     (const char *) l->data);
                  return NULL;
                }
              if ((field = mapping_field (self, name, display_name, error)) == NULL)
                return NULL;
            }

          for (guint i = 0; i < self->headers->len; i++)
            if (g_str_equal (g_ptr_array_index (self->headers, i), l->data))
              {
                /* The mapping decides: no guessed column keeps its field. */
                for (guint j = 0; j < self->fields->len && field != NULL; j++)
                  if (j != i && g_ptr_array_index (self->fields, j) == field->name &&
                      !json_object_has_member (columns, g_ptr_array_index (self->headers, j)))
                    g_ptr_array_index (self->fields, j) = NULL;

                g_ptr_array_index (self->fields, i) = field != NULL ? (gpointer) field->name
                                                                    : NULL;
                found = TRUE;
              }

          if (!found)
            {
              set_mapping_error (error, display_name,
                                 _("the mapping names the column “%s”, which “%s” does not "
                                   "have."),
                                 (const char *) l->data, aims_sheet_get_display_name (sheet));
              return NULL;
            }
        }
    }

  if ((node = json_object_get_member (root, "values")) != NULL)
    {
      JsonObject *values;
      g_autoptr(GList) members = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          set_mapping_error (error, display_name,
                             _("“values” is an object of field names and value maps."));
          return NULL;
        }
      values = json_node_get_object (node);
      members = json_object_get_members (values);
      for (GList *l = members; l != NULL; l = l->next)
        {
          JsonNode *map = json_object_get_member (values, l->data);
          g_autoptr(GList) texts = NULL;

          if (mapping_field (self, l->data, display_name, error) == NULL)
            return NULL;
          if (!JSON_NODE_HOLDS_OBJECT (map))
            {
              set_mapping_error (error, display_name,
                                 _("the values of “%s” are an object of texts and values."),
                                 (const char *) l->data);
              return NULL;
            }

          texts = json_object_get_members (json_node_get_object (map));
          for (GList *t = texts; t != NULL; t = t->next)
            {
              g_autofree char *value =
                node_to_text (json_object_get_member (json_node_get_object (map), t->data));

              if (value == NULL)
                {
                  set_mapping_error (error, display_name,
                                     _("the value for “%s” in “%s” is not a text or a number."),
                                     (const char *) t->data, (const char *) l->data);
                  return NULL;
                }
              aims_import_mapping_set_value (self, l->data, t->data, value);
            }
        }
    }

  for (guint pass = 0; pass < 2; pass++)
    {
      const char *member = pass == 0 ? "defaults" : "prefix";
      JsonObject *object;
      g_autoptr(GList) members = NULL;

      if ((node = json_object_get_member (root, member)) == NULL)
        continue;
      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          set_mapping_error (error, display_name,
                             _("“%s” is an object of field names and values."), member);
          return NULL;
        }
      object = json_node_get_object (node);
      members = json_object_get_members (object);
      for (GList *l = members; l != NULL; l = l->next)
        {
          const AimsFieldInfo *field = mapping_field (self, l->data, display_name, error);
          g_autofree char *value = NULL;

          if (field == NULL)
            return NULL;
          value = node_to_text (json_object_get_member (object, l->data));
          if (value == NULL)
            {
              set_mapping_error (error, display_name,
                                 _("the value of “%s” in “%s” is not a text or a number."),
                                 (const char *) l->data, member);
              return NULL;
            }
          g_hash_table_replace (pass == 0 ? self->defaults : self->prefixes,
                                g_strdup (field->name), g_steal_pointer (&value));
        }
    }

  if ((node = json_object_get_member (root, "match_by_reference")) != NULL)
    {
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
        {
          set_mapping_error (error, display_name, _("“match_by_reference” is true or false."));
          return NULL;
        }
      self->match_reference = json_node_get_boolean (node);
    }

  return g_steal_pointer (&self);
}

/**
 * aims_import_mapping_to_json:
 * @self: a #AimsImportMapping
 *
 * Returns: (transfer full): the mapping as a mapping file, which
 *   aims_import_mapping_new_from_json() reads back
 */
char *
aims_import_mapping_to_json (AimsImportMapping *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GList) fields = NULL;

  g_return_val_if_fail (AIMS_IS_IMPORT_MAPPING (self), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, "aims-import-mapping");
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "register");
  json_builder_add_string_value (builder, aims_sheet_table_to_register (self->table->name));

  json_builder_set_member_name (builder, "columns");
  json_builder_begin_object (builder);
  for (guint i = 0; i < self->headers->len; i++)
    {
      const char *field = g_ptr_array_index (self->fields, i);

      json_builder_set_member_name (builder, g_ptr_array_index (self->headers, i));
      if (field != NULL)
        json_builder_add_string_value (builder, field);
      else
        json_builder_add_null_value (builder);
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "values");
  json_builder_begin_object (builder);
  fields = g_list_sort (g_hash_table_get_keys (self->values), (GCompareFunc) strcmp);
  for (GList *l = fields; l != NULL; l = l->next)
    {
      GHashTable *map = g_hash_table_lookup (self->values, l->data);
      g_autoptr(GList) texts = g_list_sort (g_hash_table_get_keys (map), (GCompareFunc) strcmp);

      json_builder_set_member_name (builder, l->data);
      json_builder_begin_object (builder);
      for (GList *t = texts; t != NULL; t = t->next)
        {
          json_builder_set_member_name (builder, t->data);
          json_builder_add_string_value (builder, g_hash_table_lookup (map, t->data));
        }
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);

  for (guint pass = 0; pass < 2; pass++)
    {
      GHashTable *table = pass == 0 ? self->defaults : self->prefixes;
      g_autoptr(GList) keys = g_list_sort (g_hash_table_get_keys (table), (GCompareFunc) strcmp);

      json_builder_set_member_name (builder, pass == 0 ? "defaults" : "prefix");
      json_builder_begin_object (builder);
      for (GList *l = keys; l != NULL; l = l->next)
        {
          json_builder_set_member_name (builder, l->data);
          json_builder_add_string_value (builder, g_hash_table_lookup (table, l->data));
        }
      json_builder_end_object (builder);
    }

  json_builder_set_member_name (builder, "match_by_reference");
  json_builder_add_boolean_value (builder, self->match_reference);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  return json_generator_to_data (generator, NULL);
}

/**
 * aims_import_mapping_get_table:
 * @self: a #AimsImportMapping
 *
 * Returns: the table the rows go into ("risk")
 */
const char *
aims_import_mapping_get_table (AimsImportMapping *self)
{
  g_return_val_if_fail (AIMS_IS_IMPORT_MAPPING (self), NULL);

  return self->table->name;
}

/**
 * aims_import_mapping_get_n_columns:
 * @self: a #AimsImportMapping
 *
 * Returns: the number of columns of the header row
 */
guint
aims_import_mapping_get_n_columns (AimsImportMapping *self)
{
  g_return_val_if_fail (AIMS_IS_IMPORT_MAPPING (self), 0);

  return self->headers->len;
}

/**
 * aims_import_mapping_get_header:
 * @self: a #AimsImportMapping
 * @column: a column
 *
 * Returns: the column's header
 */
const char *
aims_import_mapping_get_header (AimsImportMapping *self,
                                guint              column)
{
  g_return_val_if_fail (AIMS_IS_IMPORT_MAPPING (self), NULL);
  g_return_val_if_fail (column < self->headers->len, NULL);

  return g_ptr_array_index (self->headers, column);
}

/**
 * aims_import_mapping_get_field:
 * @self: a #AimsImportMapping
 * @column: a column
 *
 * Returns: (nullable): the field the column fills, or %NULL if it is not
 *   imported
 */
const char *
aims_import_mapping_get_field (AimsImportMapping *self,
                               guint              column)
{
  g_return_val_if_fail (AIMS_IS_IMPORT_MAPPING (self), NULL);
  g_return_val_if_fail (column < self->fields->len, NULL);

  return g_ptr_array_index (self->fields, column);
}

/**
 * aims_import_mapping_set_field:
 * @self: a #AimsImportMapping
 * @column: a column
 * @field: (nullable): a field of the register that can be imported, or
 *   %NULL not to import the column
 * @error: return location for a #GError
 *
 * Sets the field a column fills. Several columns may fill one text field:
 * the first one's text comes first, and each other is added on a
 * paragraph of its own, after its header.
 *
 * Returns: %TRUE if @field can be imported
 */
gboolean
aims_import_mapping_set_field (AimsImportMapping  *self,
                               guint               column,
                               const char         *field,
                               GError            **error)
{
  const AimsFieldInfo *info = NULL;

  g_return_val_if_fail (AIMS_IS_IMPORT_MAPPING (self), FALSE);
  g_return_val_if_fail (column < self->fields->len, FALSE);

  if (field != NULL &&
      (info = mapping_field (self, field, g_ptr_array_index (self->headers, column), error)) == NULL)
    return FALSE;

  g_ptr_array_index (self->fields, column) = info != NULL ? (gpointer) info->name : NULL;
  return TRUE;
}

/**
 * aims_import_mapping_lookup_value:
 * @self: a #AimsImportMapping
 * @field: a field
 * @text: a cell's text
 *
 * Returns: (nullable): the value the mapping gives @text in @field
 *   (ignoring case and surrounding spaces), or %NULL
 */
const char *
aims_import_mapping_lookup_value (AimsImportMapping *self,
                                  const char        *field,
                                  const char        *text)
{
  GHashTable *map;
  g_autofree char *key = NULL;

  g_return_val_if_fail (AIMS_IS_IMPORT_MAPPING (self), NULL);

  map = g_hash_table_lookup (self->values, field);
  if (map == NULL)
    return NULL;

  key = _aims_import_fold (text);
  return g_hash_table_lookup (map, key);
}

/**
 * aims_import_mapping_set_value:
 * @self: a #AimsImportMapping
 * @field: a field
 * @text: a cell's text
 * @value: (nullable): what it means: a choice id, or a step number; %NULL
 *   removes the entry
 *
 * Maps a text to a value, for every column that fills @field.
 */
void
aims_import_mapping_set_value (AimsImportMapping *self,
                               const char        *field,
                               const char        *text,
                               const char        *value)
{
  GHashTable *map;

  g_return_if_fail (AIMS_IS_IMPORT_MAPPING (self));
  g_return_if_fail (field != NULL && text != NULL);

  map = g_hash_table_lookup (self->values, field);
  if (map == NULL)
    {
      if (value == NULL)
        return;
      map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_hash_table_insert (self->values, g_strdup (field), map);
    }

  if (value == NULL)
    {
      g_autofree char *key = _aims_import_fold (text);

      g_hash_table_remove (map, key);
    }
  else
    g_hash_table_replace (map, _aims_import_fold (text), g_strdup (value));
}

/**
 * aims_import_mapping_set_default:
 * @self: a #AimsImportMapping
 * @field: a field no column fills
 * @value: (nullable): the text to give it in new records, or %NULL for none
 *
 * Gives new records a value for a field the sheet has no column for (an
 * incident's type, say).
 */
void
aims_import_mapping_set_default (AimsImportMapping *self,
                                 const char        *field,
                                 const char        *value)
{
  g_return_if_fail (AIMS_IS_IMPORT_MAPPING (self));
  g_return_if_fail (field != NULL);

  if (value == NULL)
    g_hash_table_remove (self->defaults, field);
  else
    g_hash_table_replace (self->defaults, g_strdup (field), g_strdup (value));
}

/**
 * aims_import_mapping_get_match_reference:
 * @self: a #AimsImportMapping
 *
 * Returns: whether a row with the reference of an existing record updates it
 */
gboolean
aims_import_mapping_get_match_reference (AimsImportMapping *self)
{
  g_return_val_if_fail (AIMS_IS_IMPORT_MAPPING (self), FALSE);

  return self->match_reference;
}

/**
 * aims_import_mapping_set_match_reference:
 * @self: a #AimsImportMapping
 * @match: whether a row with the reference of an existing record updates it
 *   (otherwise such a row is rejected as a duplicate)
 */
void
aims_import_mapping_set_match_reference (AimsImportMapping *self,
                                         gboolean           match)
{
  g_return_if_fail (AIMS_IS_IMPORT_MAPPING (self));

  self->match_reference = !!match;
}

/* AimsImportResult */

static void
rejection_clear (gpointer data)
{
  g_free (((AimsImportRejection *) data)->reason);
}

static void
aims_import_result_finalize (GObject *object)
{
  AimsImportResult *self = AIMS_IMPORT_RESULT (object);

  g_clear_pointer (&self->rejected, g_array_unref);

  G_OBJECT_CLASS (aims_import_result_parent_class)->finalize (object);
}

static void
aims_import_result_class_init (AimsImportResultClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = aims_import_result_finalize;
}

static void
aims_import_result_init (AimsImportResult *self)
{
  self->rejected = g_array_new (FALSE, FALSE, sizeof (AimsImportRejection));
  g_array_set_clear_func (self->rejected, rejection_clear);
}

/**
 * aims_import_result_get_applied:
 * @self: a #AimsImportResult
 *
 * Returns: whether the rows are in the project: not a dry run, and no row
 *   rejected
 */
gboolean
aims_import_result_get_applied (AimsImportResult *self)
{
  g_return_val_if_fail (AIMS_IS_IMPORT_RESULT (self), FALSE);
  return self->applied;
}

/**
 * aims_import_result_get_n_added:
 * @self: a #AimsImportResult
 *
 * Returns: the rows that add a record (or would, in a dry run)
 */
guint
aims_import_result_get_n_added (AimsImportResult *self)
{
  g_return_val_if_fail (AIMS_IS_IMPORT_RESULT (self), 0);
  return self->n_added;
}

/**
 * aims_import_result_get_n_updated:
 * @self: a #AimsImportResult
 *
 * Returns: the rows that change a record found by its reference
 */
guint
aims_import_result_get_n_updated (AimsImportResult *self)
{
  g_return_val_if_fail (AIMS_IS_IMPORT_RESULT (self), 0);
  return self->n_updated;
}

/**
 * aims_import_result_get_n_unchanged:
 * @self: a #AimsImportResult
 *
 * Returns: the rows that match a record and change none of its fields
 */
guint
aims_import_result_get_n_unchanged (AimsImportResult *self)
{
  g_return_val_if_fail (AIMS_IS_IMPORT_RESULT (self), 0);
  return self->n_unchanged;
}

/**
 * aims_import_result_get_n_rejected:
 * @self: a #AimsImportResult
 *
 * Returns: the rows rejected; when there are any, nothing was imported
 */
guint
aims_import_result_get_n_rejected (AimsImportResult *self)
{
  g_return_val_if_fail (AIMS_IS_IMPORT_RESULT (self), 0);
  return self->rejected->len;
}

/**
 * aims_import_result_get_rejected_row:
 * @self: a #AimsImportResult
 * @index: a rejection
 *
 * Returns: the row number, as a spreadsheet shows it
 */
guint
aims_import_result_get_rejected_row (AimsImportResult *self,
                                     guint             index)
{
  g_return_val_if_fail (AIMS_IS_IMPORT_RESULT (self), 0);
  g_return_val_if_fail (index < self->rejected->len, 0);
  return g_array_index (self->rejected, AimsImportRejection, index).row;
}

/**
 * aims_import_result_get_rejected_reason:
 * @self: a #AimsImportResult
 * @index: a rejection
 *
 * Returns: why the row was rejected, naming the file, row and column:
 *   "“risks.csv”, row 4, column C (“Likelihood”): …"
 */
const char *
aims_import_result_get_rejected_reason (AimsImportResult *self,
                                        guint             index)
{
  g_return_val_if_fail (AIMS_IS_IMPORT_RESULT (self), NULL);
  g_return_val_if_fail (index < self->rejected->len, NULL);
  return g_array_index (self->rejected, AimsImportRejection, index).reason;
}

/* Helpers the import assistant shares */

/**
 * aims_import_fold_text:
 * @text: a header, a cell's text or a value name
 *
 * Folds @text as the importer compares headers and value names: case,
 * surrounding spaces, and spaces, hyphens and underscores between words do
 * not count ("Inherent-Likelihood" and "inherent likelihood" fold alike).
 *
 * Returns: (transfer full): the folded text
 */
char *
aims_import_fold_text (const char *text)
{
  g_return_val_if_fail (text != NULL, NULL);

  return _aims_import_fold (text);
}

/**
 * aims_import_field_is_importable:
 * @field: a field of a register's table
 *
 * Returns: whether a column can fill @field (aims_import_mapping_set_field()
 *   accepts it); fields the app computes or maintains cannot
 */
gboolean
aims_import_field_is_importable (const AimsFieldInfo *field)
{
  g_return_val_if_fail (field != NULL, FALSE);

  return field_is_importable (field);
}

/**
 * aims_import_mapping_get_default:
 * @self: a #AimsImportMapping
 * @field: a field's name
 *
 * Returns: (nullable): the text new records get for @field when no column
 *   fills it, as aims_import_mapping_set_default() set it
 */
const char *
aims_import_mapping_get_default (AimsImportMapping *self,
                                 const char        *field)
{
  g_return_val_if_fail (AIMS_IS_IMPORT_MAPPING (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  return g_hash_table_lookup (self->defaults, field);
}

/**
 * aims_import_mapping_get_prefix:
 * @self: a #AimsImportMapping
 * @field: a field's name
 *
 * Returns: (nullable): the text put before every non-empty value of @field
 */
const char *
aims_import_mapping_get_prefix (AimsImportMapping *self,
                                const char        *field)
{
  g_return_val_if_fail (AIMS_IS_IMPORT_MAPPING (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  return g_hash_table_lookup (self->prefixes, field);
}

/**
 * aims_import_mapping_set_prefix:
 * @self: a #AimsImportMapping
 * @field: a field's name
 * @prefix: (nullable): the text to put before every non-empty value the
 *   file gives @field ("XL-" before the numbers of a reference column), or
 *   %NULL or "" for none
 *
 * As the mapping file's "prefix" member does.
 */
void
aims_import_mapping_set_prefix (AimsImportMapping *self,
                                const char        *field,
                                const char        *prefix)
{
  g_return_if_fail (AIMS_IS_IMPORT_MAPPING (self));
  g_return_if_fail (field != NULL);

  if (prefix == NULL || *prefix == '\0')
    g_hash_table_remove (self->prefixes, field);
  else
    g_hash_table_replace (self->prefixes, g_strdup (field), g_strdup (prefix));
}

static GHashTable *
copy_strings (GHashTable *table)
{
  GHashTable *copy = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy, g_strdup (key), g_strdup (value));
  return copy;
}

/**
 * aims_import_mapping_copy:
 * @self: a #AimsImportMapping
 *
 * A mapping of its own for a worker thread: changes to either do not
 * reach the other.
 *
 * Returns: (transfer full): a copy of @self
 */
AimsImportMapping *
aims_import_mapping_copy (AimsImportMapping *self)
{
  AimsImportMapping *copy;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (AIMS_IS_IMPORT_MAPPING (self), NULL);

  copy = g_object_new (AIMS_TYPE_IMPORT_MAPPING, NULL);
  copy->table = self->table;
  for (guint i = 0; i < self->headers->len; i++)
    g_ptr_array_add (copy->headers, g_strdup (g_ptr_array_index (self->headers, i)));
  for (guint i = 0; i < self->fields->len; i++)
    g_ptr_array_add (copy->fields, g_ptr_array_index (self->fields, i));
  g_hash_table_iter_init (&iter, self->values);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy->values, g_strdup (key), copy_strings (value));
  g_hash_table_unref (copy->defaults);
  copy->defaults = copy_strings (self->defaults);
  g_hash_table_unref (copy->prefixes);
  copy->prefixes = copy_strings (self->prefixes);
  copy->match_reference = self->match_reference;
  return copy;
}
