/* aims-import.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aims-import"

#include "config.h"

#include "aims-import.h"

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
 * changeset, one undo step. Each row is written on its own savepoint, so a
 * row the store refuses is reported and the others go on; at the end, if
 * any row was rejected or this is a dry run, the group is rolled back and
 * nothing is left. A dry run thus rejects exactly what the import would.
 *
 * A row whose reference is that of a record already in the register
 * updates it (only the fields whose value differs; a row that changes
 * nothing is counted unchanged), unless matching by reference is off.
 */

struct _AimsImportMapping
{
  GObject              parent_instance;

  const AimsTableInfo *table;
  GPtrArray           *headers;    /* char*, one per column */
  GPtrArray           *fields;     /* const char* (descriptor strings) or NULL, in step */
  GHashTable          *values;     /* field → (folded text → value) */
  GHashTable          *defaults;   /* field → value */
  GHashTable          *prefixes;   /* field → text put before every value */
  gboolean             match_reference;
};

G_DEFINE_FINAL_TYPE (AimsImportMapping, aims_import_mapping, G_TYPE_OBJECT)

typedef struct
{
  guint  row;
  char  *reason;
} Rejection;

struct _AimsImportResult
{
  GObject  parent_instance;

  gboolean applied;
  guint    n_added;
  guint    n_updated;
  guint    n_unchanged;
  GArray  *rejected;
};

G_DEFINE_FINAL_TYPE (AimsImportResult, aims_import_result, G_TYPE_OBJECT)

G_DEFINE_QUARK (aims-import-error-quark, aims_import_error)

/* Helpers */

static char *
fold (const char *text)
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

static gboolean
field_is_likelihood (const AimsFieldInfo *field)
{
  return g_str_equal (field->name, "likelihood") || g_str_has_suffix (field->name, "_likelihood");
}

/* Incident times are entries of a date with an optional time. */
static gboolean
field_is_date_time (const AimsTableInfo *table,
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
  g_autofree char *key = fold (header);

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
          candidate = fold (field->name);
        else if (pass == 1)
          candidate = fold (field->label);
        else
          candidate = fold (_(field->label));

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

static void
string_free (gpointer data)
{
  g_string_free (data, TRUE);
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
        AimsMatrixAxis axis;
        guint n_steps;

        if (field == NULL || field->widget != AIMS_FIELD_WIDGET_SCORE)
          continue;

        axis = field_is_likelihood (field) ? AIMS_MATRIX_LIKELIHOOD : AIMS_MATRIX_IMPACT;
        n_steps = aims_matrix_get_n_steps (matrix, axis);

        for (guint r = 1; r < aims_sheet_get_n_rows (sheet); r++)
          {
            guint n = 0;
            const char * const *cells = aims_sheet_get_row (sheet, r, &n);
            g_autofree char *folded = NULL;
            guint step;

            if (column >= n || *cells[column] == '\0' ||
                aims_matrix_find_step (matrix, axis, cells[column]) != 0 ||
                aims_import_mapping_lookup_value (self, name, cells[column]) != NULL)
              continue;

            folded = fold (cells[column]);
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

  key = fold (text);
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
      g_autofree char *key = fold (text);

      g_hash_table_remove (map, key);
    }
  else
    g_hash_table_replace (map, fold (text), g_strdup (value));
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
  g_free (((Rejection *) data)->reason);
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
  self->rejected = g_array_new (FALSE, FALSE, sizeof (Rejection));
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
  return g_array_index (self->rejected, Rejection, index).row;
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
  return g_array_index (self->rejected, Rejection, index).reason;
}

/* The import */

typedef struct
{
  AimsStore         *store;
  AimsSheet         *sheet;
  AimsImportMapping *mapping;
  AimsMatrix        *matrix;
  AimsImportResult  *result;
  const AimsTableInfo *table;
  gboolean           row_rejected;
  GHashTable        *choices;   /* field → choice_index () */
  gboolean          *primary;   /* per column: its header names its field */
  AimsStoreBulk     *bulk;
} Run;

static void
reject (Run        *run,
        guint       index,
        int         column,
        const char *format,
        ...) G_GNUC_PRINTF (4, 5);

static void
reject (Run        *run,
        guint       index,
        int         column,
        const char *format,
        ...)
{
  g_autofree char *problem = NULL;
  Rejection rejection;
  va_list args;

  va_start (args, format);
  problem = g_strdup_vprintf (format, args);
  va_end (args);

  rejection.row = aims_sheet_get_row_number (run->sheet, index);
  if (column >= 0)
    {
      g_autofree char *name = aims_sheet_column_name ((guint) column);

      rejection.reason =
        /* Translators: “file”, row 4, column C (“header”): problem */
        g_strdup_printf (_("“%s”, row %u, column %s (“%s”): %s"),
                         aims_sheet_get_display_name (run->sheet), rejection.row, name,
                         aims_import_mapping_get_header (run->mapping, (guint) column), problem);
    }
  else
    rejection.reason = g_strdup_printf (_("“%s”, row %u: %s"),
                                        aims_sheet_get_display_name (run->sheet),
                                        rejection.row, problem);

  g_array_append_val (run->result->rejected, rejection);
  run->row_rejected = TRUE;
}

static char *
list_choices (const AimsFieldInfo *field)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; i < field->n_choices; i++)
    {
      if (*field->choice_list[i].id == '\0')
        continue;
      if (list->len > 0)
        g_string_append (list, ", ");
      g_string_append_printf (list, "%s (%s)", _(field->choice_list[i].label),
                              field->choice_list[i].id);
    }
  return g_string_free (g_steal_pointer (&list), FALSE);
}

/* Folded id, label and translated label → id, per field, made once per run. */
static GHashTable *
choice_index (Run                 *run,
              const AimsFieldInfo *field)
{
  GHashTable *index = g_hash_table_lookup (run->choices, field->name);

  if (index != NULL)
    return index;

  index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < field->n_choices; i++)
    {
      const char *id = field->choice_list[i].id;

      g_hash_table_insert (index, fold (_(field->choice_list[i].label)), (gpointer) id);
      g_hash_table_insert (index, fold (field->choice_list[i].label), (gpointer) id);
      g_hash_table_insert (index, fold (id), (gpointer) id);
    }
  g_hash_table_insert (run->choices, (gpointer) field->name, index);
  return index;
}

static const char *
find_choice (Run                 *run,
             const AimsFieldInfo *field,
             const char          *text)
{
  g_autofree char *key = NULL;
  const char *mapped;

  if (field->choices != NULL && g_strv_contains (field->choices, text))
    return g_intern_string (text);

  mapped = aims_import_mapping_lookup_value (run->mapping, field->name, text);
  if (mapped != NULL && field->choices != NULL && g_strv_contains (field->choices, mapped))
    return g_intern_string (mapped);

  key = fold (text);
  return g_hash_table_lookup (choice_index (run, field), key);
}

static gboolean
valid_date (const char *text,
            gboolean    with_time)
{
  guint year, month, day, hour = 0, minute = 0, second = 0;
  int consumed = 0;
  gsize length = strlen (text);

  if (length < 10 || sscanf (text, "%4u-%2u-%2u%n", &year, &month, &day, &consumed) != 3 ||
      consumed != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  if (!g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year) || year < 1)
    return FALSE;
  if (length == 10)
    return TRUE;
  if (!with_time || (text[10] != 'T' && text[10] != ' '))
    return FALSE;
  if (length == 16 && sscanf (text + 11, "%2u:%2u%n", &hour, &minute, &consumed) == 2 &&
      consumed == 5)
    return hour < 24 && minute < 60;
  if (length == 19 && sscanf (text + 11, "%2u:%2u:%2u%n", &hour, &minute, &second,
                              &consumed) == 3 && consumed == 8)
    return hour < 24 && minute < 60 && second < 60;
  return FALSE;
}

/* A cell's text as a value of @field, or NULL with the row rejected. */
static GVariant *
convert (Run                 *run,
         guint                index,
         int                  column,
         const AimsFieldInfo *field,
         const char          *text)
{
  const char *label = _(field->label);

  if (field->widget == AIMS_FIELD_WIDGET_SCORE)
    {
      AimsMatrixAxis axis = field_is_likelihood (field) ? AIMS_MATRIX_LIKELIHOOD
                                                        : AIMS_MATRIX_IMPACT;
      guint n_steps = aims_matrix_get_n_steps (run->matrix, axis);
      const char *mapped = aims_import_mapping_lookup_value (run->mapping, field->name, text);
      const char *number = mapped != NULL ? mapped : text;
      char *end = NULL;
      guint64 step;

      if (*text == '\0')
        {
          if (field->required)
            {
              reject (run, index, column, _("“%s” is required and the cell is empty."), label);
              return NULL;
            }
          return g_variant_new_int64 (0);
        }

      step = g_ascii_strtoull (number, &end, 10);
      if (end != number && *end == '\0' && step >= 1 && step <= n_steps)
        return g_variant_new_int64 ((gint64) step);
      if (end != number && *end == '\0' && step == 0 && !field->required)
        return g_variant_new_int64 (0);

      step = aims_matrix_find_step (run->matrix, axis, text);
      if (step != 0)
        return g_variant_new_int64 ((gint64) step);

      {
        g_autoptr(GString) steps = g_string_new (NULL);

        for (guint s = 1; s <= n_steps; s++)
          g_string_append_printf (steps, "%s%u %s", s > 1 ? ", " : "", s,
                                  aims_matrix_get_step_label (run->matrix, axis, s));
        reject (run, index, column,
                _("“%s” is not a step of the %s scale (unknown level name); use one of %s, "
                  "or map the text to a step"),
                text, axis == AIMS_MATRIX_LIKELIHOOD ? _("likelihood") : _("impact"),
                steps->str);
      }
      return NULL;
    }

  switch (field->kind)
    {
    case AIMS_FIELD_BOOLEAN:
      {
        g_autofree char *key = fold (text);
        const char *mapped = aims_import_mapping_lookup_value (run->mapping, field->name, text);

        if (mapped != NULL)
          {
            g_free (key);
            key = fold (mapped);
          }

        if (*key == '\0' || g_str_equal (key, "0") || g_str_equal (key, "false") ||
            g_str_equal (key, "no") || g_str_equal (key, "n"))
          return g_variant_new_boolean (FALSE);
        if (g_str_equal (key, "1") || g_str_equal (key, "true") || g_str_equal (key, "yes") ||
            g_str_equal (key, "y"))
          return g_variant_new_boolean (TRUE);
        {
          g_autofree char *yes = fold (_("Yes"));
          g_autofree char *no = fold (_("No"));

          if (g_str_equal (key, yes))
            return g_variant_new_boolean (TRUE);
          if (g_str_equal (key, no))
            return g_variant_new_boolean (FALSE);
        }
        reject (run, index, column, _("“%s” is not yes or no; write TRUE or FALSE, 1 or 0"),
                text);
        return NULL;
      }

    case AIMS_FIELD_INTEGER:
    case AIMS_FIELD_REAL:
      {
        char *end = NULL;
        double value;

        if (*text == '\0')
          return field->kind == AIMS_FIELD_INTEGER ? g_variant_new_int64 (0)
                                                   : g_variant_new_double (0);
        value = g_ascii_strtod (text, &end);
        if (end == text || *end != '\0' || !isfinite (value) ||
            (field->kind == AIMS_FIELD_INTEGER && (value != (double) (gint64) value)))
          {
            reject (run, index, column, _("“%s” is not a number"), text);
            return NULL;
          }
        return field->kind == AIMS_FIELD_INTEGER ? g_variant_new_int64 ((gint64) value)
                                                 : g_variant_new_double (value);
      }

    case AIMS_FIELD_TEXT:
    case AIMS_FIELD_JSON:
    case AIMS_FIELD_ANY:
    default:
      break;
    }

  if (*text == '\0')
    {
      if (field->required)
        {
          reject (run, index, column, _("“%s” is required and the cell is empty."), label);
          return NULL;
        }
      return g_variant_new_string ("");
    }

  if (field->widget == AIMS_FIELD_WIDGET_CHOICE && field->choices != NULL)
    {
      const char *id = find_choice (run, field, text);

      if (id == NULL)
        {
          g_autofree char *list = list_choices (field);

          reject (run, index, column,
                  _("“%s” is not a choice of “%s” (unknown level name); use one of %s, or map "
                    "the text to a choice"),
                  text, label, list);
          return NULL;
        }
      return g_variant_new_string (id);
    }

  if (field->widget == AIMS_FIELD_WIDGET_MULTI_CHOICE && field->n_choices > 0)
    {
      g_auto(GStrv) parts = g_regex_split_simple ("[,;\n]", text, 0, 0);
      g_autoptr(GString) ids = g_string_new (NULL);

      for (guint i = 0; parts[i] != NULL; i++)
        {
          g_autofree char *part = g_strstrip (g_strdup (parts[i]));
          const char *id = NULL;

          if (*part == '\0')
            continue;
          {
            g_autofree char *key = fold (part);
            const char *mapped = aims_import_mapping_lookup_value (run->mapping, field->name,
                                                                   part);

            id = g_hash_table_lookup (choice_index (run, field), key);
            if (id == NULL && mapped != NULL)
              {
                g_autofree char *mapped_key = fold (mapped);

                id = g_hash_table_lookup (choice_index (run, field), mapped_key);
              }
          }
          if (id == NULL)
            {
              g_autofree char *list = list_choices (field);

              reject (run, index, column,
                      _("“%s” is not a choice of “%s” (unknown level name); use any of %s"),
                      part, label, list);
              return NULL;
            }
          g_string_append_printf (ids, "%s%s", ids->len > 0 ? "," : "", id);
        }
      return g_variant_new_string (ids->str);
    }

  if (field->widget == AIMS_FIELD_WIDGET_DATE || field_is_date_time (run->table, field))
    {
      gboolean with_time = field->widget != AIMS_FIELD_WIDGET_DATE;

      if (!valid_date (text, with_time))
        {
          reject (run, index, column,
                  with_time
                  ? _("“%s” is not a date that exists, written YYYY-MM-DD or "
                      "YYYY-MM-DDTHH:MM")
                  : _("“%s” is not a date that exists, written YYYY-MM-DD"),
                  text);
          return NULL;
        }
      if (!with_time)
        return g_variant_new_string (text);

      /* Times are stored as the incident form writes them, YYYY-MM-DDTHH:MM:
       * a date alone is the start of its day, seconds are dropped */
      {
        g_autofree char *normalized = strlen (text) == 10
                                      ? g_strconcat (text, "T00:00", NULL)
                                      : g_strndup (text, 16);

        normalized[10] = 'T';
        return g_variant_new_string (normalized);
      }
    }

  if (strlen (text) > field->max_bytes && field->max_bytes > 0)
    {
      reject (run, index, column,
              _("the text is %zu bytes long; “%s” holds at most %zu bytes"),
              strlen (text), label, field->max_bytes);
      return NULL;
    }

  if (field->kind == AIMS_FIELD_JSON)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();

      if (!json_parser_load_from_data (parser, text, -1, NULL))
        {
          reject (run, index, column, _("the text is not valid JSON"));
          return NULL;
        }
    }

  return g_variant_new_string (text);
}

static gboolean
column_is_named_like (Run        *run,
                      guint       column,
                      const char *name)
{
  const AimsFieldInfo *field = aims_table_info_lookup_field (run->table, name);
  g_autofree char *header = fold (aims_import_mapping_get_header (run->mapping, column));
  g_autofree char *a = fold (field->name);
  g_autofree char *b = fold (field->label);
  g_autofree char *c = fold (_(field->label));

  return g_str_equal (header, a) || g_str_equal (header, b) || g_str_equal (header, c);
}

static gboolean
import_row (Run        *run,
            guint       index,
            guint       n_header,
            GHashTable *seen)
{
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                        (GDestroyNotify) g_variant_unref);
  g_autoptr(GHashTable) texts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                       string_free);
  g_autoptr(GHashTable) first_column = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  const char * const *cells;
  const char *problem;
  const char *uuid = NULL;
  const char *reference = NULL;
  guint n_cells = 0;

  run->row_rejected = FALSE;
  cells = aims_sheet_get_row (run->sheet, index, &n_cells);

  if ((problem = aims_sheet_get_row_problem (run->sheet, index)) != NULL)
    {
      reject (run, index, -1, "%s", problem);
      return FALSE;
    }

  /* CSV rows must be as long as the header. XLSX leaves out empty cells at
   * the end, but a value beyond the header has nowhere to go. */
  if (g_str_equal (aims_sheet_get_format (run->sheet), "csv") ? n_cells != n_header
                                                               : n_cells > n_header)
    {
      gboolean beyond = FALSE;

      for (guint i = n_header; i < n_cells; i++)
        beyond = beyond || *cells[i] != '\0';

      if (n_cells < n_header || beyond)
        {
          reject (run, index, -1,
                  g_dngettext (GETTEXT_PACKAGE,
                               "the row has %u cell but the header has %u (a ragged row); look "
                               "for a missing or extra separator, or a quote that is not closed",
                               "the row has %u cells but the header has %u (a ragged row); look "
                               "for a missing or extra separator, or a quote that is not closed",
                               n_cells),
                  n_cells, n_header);
          return FALSE;
        }
    }

  /* Texts per field: several columns may fill one. The column named like
   * the field comes first, the others follow in order, each after its
   * header. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint column = 0; column < n_header; column++)
      {
        const char *field = aims_import_mapping_get_field (run->mapping, column);
        const char *text = column < n_cells ? cells[column] : "";
        gboolean primary;
        GString *joined;

        if (field == NULL)
          continue;

        primary = run->primary[column];
        if ((pass == 0) != primary)
          continue;

        joined = g_hash_table_lookup (texts, field);
        if (joined == NULL)
          {
            g_hash_table_insert (texts, (gpointer) field, g_string_new (text));
            g_hash_table_insert (first_column, (gpointer) field, GUINT_TO_POINTER (column));
          }
        else if (*text != '\0')
          {
            if (joined->len > 0)
              g_string_append (joined, "\n\n");
            g_string_append_printf (joined, "%s: %s",
                                    aims_import_mapping_get_header (run->mapping, column), text);
          }
      }

  for (guint i = 0; i < run->table->n_fields; i++)
    {
      const AimsFieldInfo *field = &run->table->fields[i];
      GString *text = g_hash_table_lookup (texts, field->name);
      int column = GPOINTER_TO_INT (g_hash_table_lookup (first_column, field->name));
      const char *prefix = g_hash_table_lookup (run->mapping->prefixes, field->name);
      g_autofree char *full = NULL;
      GVariant *value;

      if (text == NULL)
        continue;

      full = prefix != NULL && text->len > 0 ? g_strconcat (prefix, text->str, NULL)
                                             : g_strdup (text->str);
      value = convert (run, index, column, field, full);
      if (value != NULL)
        g_hash_table_insert (values, (gpointer) field->name, g_variant_ref_sink (value));
    }

  if (run->row_rejected)
    return FALSE;

  if (g_hash_table_contains (values, "reference"))
    {
      int column = GPOINTER_TO_INT (g_hash_table_lookup (first_column, "reference"));
      gpointer previous;

      reference = g_variant_get_string (g_hash_table_lookup (values, "reference"), NULL);
      if (g_hash_table_lookup_extended (seen, reference, NULL, &previous))
        {
          reject (run, index, column,
                  _("the reference “%s” is already that of row %u (a duplicate reference); "
                    "every row needs its own"),
                  reference, GPOINTER_TO_UINT (previous));
          return FALSE;
        }
      g_hash_table_insert (seen, g_strdup (reference),
                           GUINT_TO_POINTER (aims_sheet_get_row_number (run->sheet, index)));

      uuid = _aims_store_bulk_lookup_reference (run->bulk, reference);
      if (uuid != NULL && !run->mapping->match_reference)
        {
          reject (run, index, column,
                  _("the reference “%s” is that of a record already in the project (a "
                    "duplicate reference); turn on matching by reference to update it"),
                  reference);
          return FALSE;
        }
    }

  if (uuid != NULL)
    {
      g_autoptr(GHashTable) record = _aims_store_dup_record (run->store, run->table, uuid, &error);
      g_autoptr(GHashTable) changes = NULL;
      GHashTableIter iter;
      gpointer key, value;

      if (record == NULL)
        {
          reject (run, index, -1, "%s", error->message);
          return FALSE;
        }

      changes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                       (GDestroyNotify) g_variant_unref);
      g_hash_table_iter_init (&iter, values);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          GVariant *old = g_hash_table_lookup (record, key);

          if (old == NULL || !g_variant_equal (old, value))
            g_hash_table_insert (changes, key, g_variant_ref (value));
        }

      if (g_hash_table_size (changes) == 0)
        {
          run->result->n_unchanged++;
          return TRUE;
        }

      if (!_aims_store_bulk_update (run->bulk, uuid, record, changes, &error))
        {
          reject (run, index, -1, "%s", error->message);
          return FALSE;
        }
      run->result->n_updated++;
      return TRUE;
    }

  /* A new record: defaults for what no column gives, and a reference. */
  {
    GHashTableIter iter;
    gpointer key, value;
    g_autofree char *uuid_new = NULL;

    g_hash_table_iter_init (&iter, run->mapping->defaults);
    while (g_hash_table_iter_next (&iter, &key, &value))
      {
        const AimsFieldInfo *field = aims_table_info_lookup_field (run->table, key);
        GVariant *converted;

        if (field == NULL || g_hash_table_contains (texts, field->name))
          continue;
        converted = convert (run, index, -1, field, value);
        if (converted == NULL)
          return FALSE;
        g_hash_table_insert (values, (gpointer) field->name, g_variant_ref_sink (converted));
      }

    if (reference == NULL && aims_table_info_lookup_field (run->table, "reference") != NULL)
      {
        char *next = _aims_store_bulk_next_reference (run->bulk);

        if (next != NULL)
          g_hash_table_insert (values, (gpointer) "reference",
                               g_variant_ref_sink (g_variant_new_take_string (next)));
      }

    uuid_new = _aims_store_bulk_insert (run->bulk, values, &error);
    if (uuid_new == NULL)
      {
        reject (run, index, -1, "%s", error->message);
        return FALSE;
      }
    run->result->n_added++;
  }

  return TRUE;
}

/**
 * aims_import_run:
 * @store: the project
 * @sheet: the rows; the first is the header
 * @mapping: which column fills which field
 * @dry_run: only find out what the import would do
 * @error: return location for a #GError
 *
 * Imports the rows of @sheet into the register of @mapping, as one
 * changeset that one undo removes. If any row is rejected, nothing is
 * imported; the result lists every rejected row with the reason. A dry run
 * does the same checks (the store's rules included) and leaves the project
 * as it was.
 *
 * Returns: (transfer full) (nullable): what was (or would be) done; %NULL
 *   with @error set when the project could not be read or written
 */
AimsImportResult *
aims_import_run (AimsStore          *store,
                 AimsSheet          *sheet,
                 AimsImportMapping  *mapping,
                 gboolean            dry_run,
                 GError            **error)
{
  g_autoptr(AimsImportResult) result = NULL;
  g_autoptr(AimsMatrix) matrix = NULL;
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *label = NULL;
  Run run = { 0 };
  gboolean failed = FALSE;
  guint n_header = 0;

  g_return_val_if_fail (AIMS_IS_STORE (store), NULL);
  g_return_val_if_fail (AIMS_IS_SHEET (sheet), NULL);
  g_return_val_if_fail (AIMS_IS_IMPORT_MAPPING (mapping), NULL);

  if (aims_store_get_read_only (store))
    {
      g_set_error (error, AIMS_STORE_ERROR, AIMS_STORE_ERROR_READ_ONLY,
                   _("The project is open read-only; nothing can be imported into it."));
      return NULL;
    }

  result = g_object_new (AIMS_TYPE_IMPORT_RESULT, NULL);
  matrix = aims_store_dup_matrix (store);

  run.store = store;
  run.sheet = sheet;
  run.mapping = mapping;
  run.matrix = matrix;
  run.result = result;
  run.table = mapping->table;
  run.choices = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                       (GDestroyNotify) g_hash_table_unref);

  aims_sheet_get_row (sheet, 0, &n_header);
  if (n_header != mapping->headers->len)
    {
      g_set_error (error, AIMS_IMPORT_ERROR, AIMS_IMPORT_ERROR_MAPPING,
                   _("The mapping was made for another sheet than “%s”."),
                   aims_sheet_get_display_name (sheet));
      failed = TRUE;
      goto out;
    }

  run.primary = g_new0 (gboolean, n_header + 1);
  for (guint column = 0; column < n_header; column++)
    {
      const char *field = aims_import_mapping_get_field (mapping, column);

      run.primary[column] = field != NULL && column_is_named_like (&run, column, field);
    }

  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  label = g_strdup_printf (_("Import “%s”"), aims_sheet_get_display_name (sheet));
  _aims_store_begin_import (store, label);

  /* New rows and updates go through the store's bulk path: the same checks
   * and log as aims_store_insert() and aims_store_update(), without a
   * savepoint, a query or a read-back per row. */
  run.bulk = _aims_store_bulk_new (store, run.table->name, aims_sheet_get_n_rows (sheet),
                                   &local_error);
  if (run.bulk == NULL)
    {
      /* When the group itself could not start, ending it says why. */
      if (!aims_store_end_group (store, error))
        g_clear_error (&local_error);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      failed = TRUE;
      goto out;
    }

  for (guint i = 1; i < aims_sheet_get_n_rows (sheet); i++)
    import_row (&run, i, n_header, seen);

  if (dry_run || result->rejected->len > 0)
    aims_store_abort_group (store);
  else if (!_aims_store_bulk_finish (run.bulk, error))
    {
      aims_store_abort_group (store);
      failed = TRUE;
    }
  else if (!aims_store_end_group (store, error))
    failed = TRUE;
  else
    result->applied = TRUE;

out:
  g_clear_pointer (&run.bulk, _aims_store_bulk_free);
  g_clear_pointer (&run.choices, g_hash_table_unref);
  g_clear_pointer (&run.primary, g_free);
  if (failed)
    g_clear_object (&result);
  return g_steal_pointer (&result);
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

  return fold (text);
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
