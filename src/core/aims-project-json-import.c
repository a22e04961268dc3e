/* aims-project-json-import.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aims-project-json"

#include "config.h"

#include "aims-project-json.h"

#include "aims-document.h"
#include "aims-json-private.h"
#include "aims-schema-private.h"
#include "aims-sqlite-private.h"
#include "aims-store-private.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

/*
 * Reading the project JSON back (the layout is described in
 * aims-project-json.c and docs/project-json.md).
 *
 * The reader is a small pull parser of strict JSON (RFC 8259) rather than
 * json-glib's tree: the huge demo is a few hundred megabytes of JSON, whose
 * tree would take gigabytes, and a pull parser sees what a tree hides
 * (a member given twice, the type of a number as written). Each record is
 * checked against the table's descriptor and inserted at once, inside one
 * transaction on the new project's working copy; links are checked when the
 * whole document has been read. The first problem rolls everything back and
 * is reported with the JSON path of the value ("$.tables.risk[3].status"),
 * so the project file is only ever written from a document that passed.
 *
 * Rules beyond the schema's types:
 * - "format" is "aims-project"; "version" and "format_version" are not newer
 *   than this build's, and come before "tables".
 * - A document of an older file format holds only the tables and fields of
 *   that format; newer fields take their column defaults.
 * - A table may be left out (no records) but not given twice; "project"
 *   holds exactly one record.
 * - A record has every field of its table, each once, and no other.
 * - Keys (uuid, or id) are unique within a table, and uuids across tables.
 * - Every link (a column with REFERENCES in the file format) names a record
 *   of the document.
 */

typedef enum
{
  VALUE_NULL,
  VALUE_BOOLEAN,
  VALUE_INTEGER,
  VALUE_REAL,
  VALUE_STRING,
} ValueType;

typedef struct
{
  ValueType  type;
  gboolean   boolean;
  gint64     integer;
  double     real;
  GString   *string;
  gboolean   seen;
} Value;

typedef struct
{
  const char *target;     /* the table linked to, by its key */
} Link;

typedef struct
{
  const AimsTableInfo *info;
  sqlite3_stmt        *insert;
  Value               *values;
  Link                *links;     /* per field; target NULL when not a link */
  GHashTable          *keys;      /* key text → record index + 1 */
  guint                n_records;
  gboolean             seen;
} Table;

typedef struct
{
  guint table;
  guint record;
  guint field;
  char *value;
} PendingLink;

typedef struct
{
  const char          *start;
  const char          *p;
  const char          *end;
  const char          *display;
  GString             *path;
  const AimsSchemaDef *schema;
  sqlite3             *db;
  guint                version;
  Table               *tables;
  GHashTable          *uuids;     /* uuid → "table\0" index of its first record */
  GArray              *pending;   /* PendingLink */
  GString             *scratch;
  GError              *error;
} Reader;

G_GNUC_PRINTF (2, 3)
static gboolean
fail (Reader     *reader,
      const char *format,
      ...)
{
  g_autofree char *problem = NULL;
  va_list args;

  if (reader->error != NULL)
    return FALSE;

  va_start (args, format);
  problem = g_strdup_vprintf (format, args);
  va_end (args);

  /* TRANSLATORS: the JSON file, the JSON path of a value ("$.tables.risk[3]
   * .status"), and what is wrong with it */
  g_set_error (&reader->error, AIMS_PROJECT_JSON_ERROR, AIMS_PROJECT_JSON_ERROR_INVALID,
               _("%s: %s: %s"), reader->display, reader->path->str, problem);
  return FALSE;
}

/* Where a syntax error is, as line and column of the text. */
static gboolean
fail_syntax (Reader     *reader,
             const char *what)
{
  guint line = 1;
  guint column = 1;

  for (const char *p = reader->start; p < reader->p && p < reader->end; p++)
    {
      if (*p == '\n')
        {
          line++;
          column = 1;
        }
      else if (((guchar) *p & 0xc0) != 0x80)
        column++;
    }

  return fail (reader, _("%s (line %u, column %u)"), what, line, column);
}

static void
skip_space (Reader *reader)
{
  while (reader->p < reader->end &&
         (*reader->p == ' ' || *reader->p == '\n' || *reader->p == '\r' || *reader->p == '\t'))
    reader->p++;
}

static gboolean
peek (Reader *reader,
      char    c)
{
  skip_space (reader);
  return reader->p < reader->end && *reader->p == c;
}

static gboolean
expect (Reader     *reader,
        char        c,
        const char *what)
{
  if (!peek (reader, c))
    return fail_syntax (reader, what);

  reader->p++;
  return TRUE;
}

static int
hex_digit (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

static gboolean
read_hex4 (Reader   *reader,
           gunichar *out)
{
  gunichar value = 0;

  if (reader->end - reader->p < 4)
    return FALSE;

  for (int i = 0; i < 4; i++)
    {
      int d = hex_digit (reader->p[i]);

      if (d < 0)
        return FALSE;
      value = value * 16 + d;
    }

  reader->p += 4;
  *out = value;
  return TRUE;
}

/* Reads a string into @out. Raw control characters, bad escapes, lone
 * surrogates, NUL and invalid UTF-8 are refused. */
static gboolean
read_string (Reader  *reader,
             GString *out)
{
  const char *run;

  g_string_truncate (out, 0);

  if (!expect (reader, '"', _("A string was expected here")))
    return FALSE;

  run = reader->p;
  while (reader->p < reader->end)
    {
      guchar c = (guchar) *reader->p;

      if (c == '"')
        {
          g_string_append_len (out, run, reader->p - run);
          reader->p++;
          if (!g_utf8_validate_len (out->str, out->len, NULL))
            return fail (reader, _("the text is not valid UTF-8"));
          return TRUE;
        }

      if (c < 0x20)
        return fail_syntax (reader, _("A control character must be escaped inside a string"));

      if (c != '\\')
        {
          reader->p++;
          continue;
        }

      g_string_append_len (out, run, reader->p - run);
      reader->p++;
      if (reader->p >= reader->end)
        break;

      switch (*reader->p++)
        {
        case '"':
          g_string_append_c (out, '"');
          break;
        case '\\':
          g_string_append_c (out, '\\');
          break;
        case '/':
          g_string_append_c (out, '/');
          break;
        case 'b':
          g_string_append_c (out, '\b');
          break;
        case 'f':
          g_string_append_c (out, '\f');
          break;
        case 'n':
          g_string_append_c (out, '\n');
          break;
        case 'r':
          g_string_append_c (out, '\r');
          break;
        case 't':
          g_string_append_c (out, '\t');
          break;
        case 'u':
          {
            gunichar ch;

            if (!read_hex4 (reader, &ch))
              return fail_syntax (reader, _("A \\u escape needs four hexadecimal digits"));

            if (ch >= 0xd800 && ch < 0xdc00)
              {
                gunichar low;

                if (reader->end - reader->p < 6 || reader->p[0] != '\\' || reader->p[1] != 'u')
                  return fail_syntax (reader, _("A \\u escape holds half a surrogate pair"));
                reader->p += 2;
                if (!read_hex4 (reader, &low) || low < 0xdc00 || low > 0xdfff)
                  return fail_syntax (reader, _("A \\u escape holds half a surrogate pair"));
                ch = 0x10000 + ((ch - 0xd800) << 10) + (low - 0xdc00);
              }
            else if (ch >= 0xdc00 && ch <= 0xdfff)
              return fail_syntax (reader, _("A \\u escape holds half a surrogate pair"));

            if (ch == 0)
              return fail (reader, _("the text holds a NUL character (\\u0000)"));

            g_string_append_unichar (out, ch);
          }
          break;
        default:
          reader->p--;
          return fail_syntax (reader, _("This is not a valid escape in a string"));
        }

      run = reader->p;
    }

  return fail_syntax (reader, _("The text ends inside a string"));
}

static gboolean
read_literal (Reader     *reader,
              const char *word)
{
  gsize len = strlen (word);

  if ((gsize) (reader->end - reader->p) < len || memcmp (reader->p, word, len) != 0)
    return FALSE;

  reader->p += len;
  return TRUE;
}

/* Reads a scalar into @value. Objects and arrays are refused: no field of the
 * file format holds one (JSON columns hold their JSON as a string). */
static gboolean
read_scalar (Reader *reader,
             Value  *value)
{
  skip_space (reader);

  if (reader->p >= reader->end)
    return fail_syntax (reader, _("The text ends where a value was expected"));

  switch (*reader->p)
    {
    case '"':
      value->type = VALUE_STRING;
      return read_string (reader, value->string);

    case 't':
    case 'f':
      value->type = VALUE_BOOLEAN;
      value->boolean = *reader->p == 't';
      if (!read_literal (reader, value->boolean ? "true" : "false"))
        return fail_syntax (reader, _("This is not a JSON value"));
      return TRUE;

    case 'n':
      value->type = VALUE_NULL;
      if (!read_literal (reader, "null"))
        return fail_syntax (reader, _("This is not a JSON value"));
      return TRUE;

    case '{':
    case '[':
      return fail (reader, _("an object or array is not allowed here; give a string, number, "
                             "true, false or null"));

    default:
      break;
    }

  {
    const char *start = reader->p;
    const char *p = reader->p;
    gboolean real = FALSE;
    char buf[64];

    if (p < reader->end && *p == '-')
      p++;
    if (p < reader->end && *p == '0')
      p++;
    else if (p < reader->end && *p >= '1' && *p <= '9')
      while (p < reader->end && g_ascii_isdigit (*p))
        p++;
    else
      return fail_syntax (reader, _("This is not a JSON value"));

    if (p < reader->end && *p == '.')
      {
        real = TRUE;
        p++;
        if (p >= reader->end || !g_ascii_isdigit (*p))
          return fail_syntax (reader, _("A number needs digits after its point"));
        while (p < reader->end && g_ascii_isdigit (*p))
          p++;
      }

    if (p < reader->end && (*p == 'e' || *p == 'E'))
      {
        real = TRUE;
        p++;
        if (p < reader->end && (*p == '+' || *p == '-'))
          p++;
        if (p >= reader->end || !g_ascii_isdigit (*p))
          return fail_syntax (reader, _("A number needs digits in its exponent"));
        while (p < reader->end && g_ascii_isdigit (*p))
          p++;
      }

    if ((gsize) (p - start) >= sizeof buf)
      return fail (reader, _("the number is too long"));

    memcpy (buf, start, p - start);
    buf[p - start] = '\0';
    reader->p = p;

    if (real)
      {
        value->type = VALUE_REAL;
        value->real = g_ascii_strtod (buf, NULL);
        if (!isfinite (value->real))
          return fail (reader, _("the number %s is too large"), buf);
        return TRUE;
      }

    value->type = VALUE_INTEGER;
    errno = 0;
    value->integer = g_ascii_strtoll (buf, NULL, 10);
    if (errno == ERANGE)
      return fail (reader, _("the number %s does not fit in 64 bits"), buf);
    return TRUE;
  }
}

static const char *
value_type_name (const Value *value)
{
  switch (value->type)
    {
    case VALUE_NULL:
      return "null";
    case VALUE_BOOLEAN:
      return _("a boolean");
    case VALUE_INTEGER:
      return _("an integer");
    case VALUE_REAL:
      return _("a number with a fraction");
    case VALUE_STRING:
    default:
      return _("a string");
    }
}

static const char *
kind_expected (const AimsFieldInfo *field)
{
  switch (field->kind)
    {
    case AIMS_FIELD_TEXT:
      return _("a string");
    case AIMS_FIELD_JSON:
      return _("a string holding JSON");
    case AIMS_FIELD_INTEGER:
      return _("an integer");
    case AIMS_FIELD_BOOLEAN:
      return _("true or false");
    case AIMS_FIELD_REAL:
      return _("a number");
    case AIMS_FIELD_ANY:
    default:
      return _("a string, a number or null");
    }
}

/* Checks one value against its field, as the project file check does for
 * a stored value. */
static gboolean
check_value (Reader              *reader,
             const AimsFieldInfo *field,
             Value               *value)
{
  gboolean ok;

  if (value->type == VALUE_NULL)
    {
      if (field->flags & AIMS_FIELD_FLAG_NOT_NULL)
        return fail (reader, _("must have a value (%s), not null"), kind_expected (field));
      return TRUE;
    }

  switch (field->kind)
    {
    case AIMS_FIELD_TEXT:
    case AIMS_FIELD_JSON:
      ok = value->type == VALUE_STRING;
      break;
    case AIMS_FIELD_INTEGER:
      ok = value->type == VALUE_INTEGER;
      break;
    case AIMS_FIELD_BOOLEAN:
      ok = value->type == VALUE_BOOLEAN;
      break;
    case AIMS_FIELD_REAL:
      ok = value->type == VALUE_REAL || value->type == VALUE_INTEGER;
      break;
    case AIMS_FIELD_ANY:
    default:
      ok = value->type != VALUE_BOOLEAN;
      break;
    }

  if (!ok)
    return fail (reader, _("is %s; it must be %s"), value_type_name (value),
                 kind_expected (field));

  if (value->type != VALUE_STRING)
    return TRUE;

  if (field->max_bytes > 0 && value->string->len > field->max_bytes)
    {
      g_autofree char *size = _aims_format_bytes (value->string->len);
      g_autofree char *limit = _aims_format_bytes (field->max_bytes);

      return fail (reader, _("holds %s of text; the limit is %s"), size, limit);
    }

  if (field->choices != NULL && !g_strv_contains (field->choices, value->string->str))
    {
      g_autofree char *shown = _aims_text_for_message (value->string->str, value->string->len);
      g_autofree char *allowed = NULL;
      g_autoptr(GString) list = g_string_new (NULL);

      for (guint i = 0; field->choices[i] != NULL; i++)
        g_string_append_printf (list, "%s“%s”", i > 0 ? ", " : "", field->choices[i]);

      return fail (reader, _("“%s” is not an allowed value; use one of %s"), shown, list->str);
    }

  if (field->kind == AIMS_FIELD_JSON)
    {
      g_autoptr(JsonParser) parser = json_parser_new_immutable ();

      if (!_aims_json_nesting_within (value->string->str, value->string->len,
                                      AIMS_JSON_MAX_DEPTH) ||
          !json_parser_load_from_data (parser, value->string->str, value->string->len, NULL))
        return fail (reader, _("must hold JSON text, and this is not valid JSON"));
    }

  return TRUE;
}

static void
path_push_member (Reader     *reader,
                  const char *name)
{
  gboolean plain = g_ascii_isalpha (*name) || *name == '_' || *name == '$';

  for (const char *p = name; plain && *p != '\0'; p++)
    plain = g_ascii_isalnum (*p) || *p == '_' || *p == '$';

  if (plain)
    g_string_append_printf (reader->path, ".%s", name);
  else
    {
      g_autofree char *shown = _aims_text_for_message (name, strlen (name));

      g_string_append_printf (reader->path, "[\"%s\"]", shown);
    }
}

static void
bind_value (sqlite3_stmt *stmt,
            int           column,
            const Value  *value)
{
  switch (value->type)
    {
    case VALUE_NULL:
      sqlite3_bind_null (stmt, column);
      break;
    case VALUE_BOOLEAN:
      sqlite3_bind_int64 (stmt, column, value->boolean ? 1 : 0);
      break;
    case VALUE_INTEGER:
      sqlite3_bind_int64 (stmt, column, value->integer);
      break;
    case VALUE_REAL:
      sqlite3_bind_double (stmt, column, value->real);
      break;
    case VALUE_STRING:
    default:
      sqlite3_bind_text (stmt, column, value->string->str, value->string->len, SQLITE_STATIC);
      break;
    }
}

static char *
value_key_text (const Value *value)
{
  if (value->type == VALUE_STRING)
    return g_strndup (value->string->str, value->string->len);
  if (value->type == VALUE_INTEGER)
    return g_strdup_printf ("%" G_GINT64_FORMAT, value->integer);
  return NULL;
}

static gboolean
field_in_version (const AimsFieldInfo *field,
                  guint                version)
{
  return field->since <= version;
}

static gboolean
read_record (Reader *reader,
             guint   table_index)
{
  Table *table = &reader->tables[table_index];
  const AimsTableInfo *info = table->info;
  gsize base = reader->path->len;
  guint record = table->n_records;
  int column = 0;
  int rc;

  for (guint i = 0; i < info->n_fields; i++)
    table->values[i].seen = FALSE;

  if (!expect (reader, '{', _("A record (an object) was expected here")))
    return FALSE;

  if (!peek (reader, '}'))
    {
      do
        {
          const AimsFieldInfo *field = NULL;
          guint index = 0;

          if (!read_string (reader, reader->scratch))
            return FALSE;

          path_push_member (reader, reader->scratch->str);

          for (guint i = 0; i < info->n_fields; i++)
            if (g_str_equal (info->fields[i].name, reader->scratch->str))
              {
                field = &info->fields[i];
                index = i;
                break;
              }

          if (field == NULL || !field_in_version (field, reader->version))
            return fail (reader, field == NULL
                                 ? _("the table “%s” has no such field")
                                 : _("the table “%s” has no such field in this format version"),
                         info->name);

          if (table->values[index].seen)
            return fail (reader, _("the field is given twice"));

          if (!expect (reader, ':', _("A colon was expected after the member name")) ||
              !read_scalar (reader, &table->values[index]) ||
              !check_value (reader, field, &table->values[index]))
            return FALSE;

          table->values[index].seen = TRUE;
          g_string_truncate (reader->path, base);
        }
      while (peek (reader, ',') && (reader->p++, TRUE));
    }

  if (!expect (reader, '}', _("A comma or the end of the record was expected here")))
    return FALSE;

  for (guint i = 0; i < info->n_fields; i++)
    {
      if (field_in_version (&info->fields[i], reader->version) && !table->values[i].seen)
        return fail (reader, _("the field “%s” is missing"), info->fields[i].name);
    }

  /* The key: unique in the table, and a uuid unique in the document. */
  {
    g_autofree char *key = value_key_text (&table->values[0]);
    gpointer other;

    path_push_member (reader, info->fields[0].name);

    if (key == NULL)
      return fail (reader, _("the key must not be null"));

    if (g_hash_table_lookup_extended (table->keys, key, NULL, &other))
      return fail (reader, _("“%s” is already the key of $.tables.%s[%u]"), key, info->name,
                   GPOINTER_TO_UINT (other) - 1);

    if (g_str_equal (info->fields[0].name, "uuid"))
      {
        const char *other_table = g_hash_table_lookup (reader->uuids, key);

        if (other_table != NULL)
          return fail (reader, _("“%s” is already the uuid of a record in the table “%s”"), key,
                       other_table);
        g_hash_table_insert (reader->uuids, g_strdup (key), (gpointer) info->name);
      }

    g_hash_table_insert (table->keys, g_steal_pointer (&key), GUINT_TO_POINTER (record + 1));
    g_string_truncate (reader->path, base);
  }

  /* Links are checked once every record is known. */
  for (guint i = 0; i < info->n_fields; i++)
    {
      PendingLink link;

      if (table->links[i].target == NULL || table->values[i].type == VALUE_NULL ||
          !table->values[i].seen)
        continue;

      link.table = table_index;
      link.record = record;
      link.field = i;
      link.value = value_key_text (&table->values[i]);
      if (link.value == NULL)
        continue;
      g_array_append_val (reader->pending, link);
    }

  sqlite3_reset (table->insert);
  for (guint i = 0; i < info->n_fields; i++)
    {
      if (field_in_version (&info->fields[i], reader->version))
        bind_value (table->insert, ++column, &table->values[i]);
    }

  rc = sqlite3_step (table->insert);
  sqlite3_reset (table->insert);
  sqlite3_clear_bindings (table->insert);
  if (rc != SQLITE_DONE)
    return fail (reader, _("the record cannot be stored: %s"), sqlite3_errmsg (reader->db));

  table->n_records++;
  return TRUE;
}

static gboolean
read_table (Reader *reader,
            guint   table_index)
{
  Table *table = &reader->tables[table_index];
  gsize base = reader->path->len;

  if (!expect (reader, '[', _("The records of a table (an array) were expected here")))
    return FALSE;

  if (!peek (reader, ']'))
    {
      do
        {
          g_string_append_printf (reader->path, "[%u]", table->n_records);
          if (!read_record (reader, table_index))
            return FALSE;
          g_string_truncate (reader->path, base);
        }
      while (peek (reader, ',') && (reader->p++, TRUE));
    }

  return expect (reader, ']', _("A comma or the end of the table was expected here"));
}

static gboolean
read_tables (Reader *reader)
{
  gsize base = reader->path->len;

  if (!expect (reader, '{', _("The tables (an object) were expected here")))
    return FALSE;

  if (!peek (reader, '}'))
    {
      do
        {
          guint index = G_MAXUINT;

          if (!read_string (reader, reader->scratch))
            return FALSE;

          path_push_member (reader, reader->scratch->str);

          for (guint i = 0; i < reader->schema->n_tables; i++)
            if (g_str_equal (reader->schema->tables[i].name, reader->scratch->str))
              index = i;

          if (index == G_MAXUINT)
            return fail (reader, _("there is no such table"));
          if (reader->schema->tables[index].since > reader->version)
            return fail (reader, _("the table is newer than format version %u"), reader->version);
          if (reader->tables[index].seen)
            return fail (reader, _("the table is given twice"));
          reader->tables[index].seen = TRUE;

          if (!expect (reader, ':', _("A colon was expected after the member name")) ||
              !read_table (reader, index))
            return FALSE;

          g_string_truncate (reader->path, base);
        }
      while (peek (reader, ',') && (reader->p++, TRUE));
    }

  return expect (reader, '}', _("A comma or the end of the tables was expected here"));
}

static gboolean
check_links (Reader *reader)
{
  for (guint i = 0; i < reader->pending->len; i++)
    {
      PendingLink *link = &g_array_index (reader->pending, PendingLink, i);
      Table *table = &reader->tables[link->table];
      const Link *target = &table->links[link->field];
      Table *target_table = NULL;

      for (guint j = 0; j < reader->schema->n_tables; j++)
        if (g_str_equal (reader->schema->tables[j].name, target->target))
          target_table = &reader->tables[j];

      if (target_table != NULL && g_hash_table_contains (target_table->keys, link->value))
        continue;

      g_string_printf (reader->path, "$.tables.%s[%u].%s", table->info->name, link->record,
                       table->info->fields[link->field].name);
      return fail (reader, _("links to “%s”, which is not a record of the table “%s”"),
                   link->value, target->target);
    }

  if (reader->tables[0].info == NULL || reader->tables[0].n_records != 1)
    {
      g_string_assign (reader->path, "$.tables.project");
      return fail (reader, _("there must be exactly one project record, not %u"),
                   reader->tables[0].n_records);
    }

  return TRUE;
}

/* The links of the file format, from its own REFERENCES clauses, so a table
 * added later is covered without a list here. */
static gboolean
prepare_tables (Reader  *reader,
                GError **error)
{
  for (guint i = 0; i < reader->schema->n_tables; i++)
    {
      Table *table = &reader->tables[i];
      const AimsTableInfo *info = &reader->schema->tables[i];
      g_autoptr(GString) sql = g_string_new ("INSERT INTO ");
      g_autoptr(GString) params = g_string_new (NULL);
      g_autofree char *quoted = _aims_sqlite_quote (info->name);
      g_autofree char *pragma = NULL;
      sqlite3_stmt *stmt = NULL;
      int rc;

      table->info = info;
      table->values = g_new0 (Value, info->n_fields);
      table->links = g_new0 (Link, info->n_fields);
      table->keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint j = 0; j < info->n_fields; j++)
        table->values[j].string = g_string_new (NULL);

      /* read_tables() refuses a table newer than the document. */
      if (info->since > reader->version)
        continue;

      g_string_append_printf (sql, "%s (", quoted);
      for (guint j = 0, n = 0; j < info->n_fields; j++)
        {
          g_autofree char *column = NULL;

          if (!field_in_version (&info->fields[j], reader->version))
            continue;
          column = _aims_sqlite_quote (info->fields[j].name);
          g_string_append_printf (sql, "%s%s", n > 0 ? ", " : "", column);
          g_string_append (params, n > 0 ? ", ?" : "?");
          n++;
        }
      g_string_append_printf (sql, ") VALUES (%s)", params->str);

      rc = sqlite3_prepare_v2 (reader->db, sql->str, -1, &table->insert, NULL);
      if (rc != SQLITE_OK)
        {
          _aims_sqlite_set_error (error, reader->db, rc, _("Could not prepare the import"));
          return FALSE;
        }

      pragma = g_strdup_printf ("PRAGMA foreign_key_list (%s)", quoted);
      rc = sqlite3_prepare_v2 (reader->db, pragma, -1, &stmt, NULL);
      if (rc != SQLITE_OK)
        {
          _aims_sqlite_set_error (error, reader->db, rc, _("Could not prepare the import"));
          return FALSE;
        }

      /* id, seq, table, from, to, … */
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *target = (const char *) sqlite3_column_text (stmt, 2);
          const char *from = (const char *) sqlite3_column_text (stmt, 3);

          for (guint j = 0; target != NULL && from != NULL && j < info->n_fields; j++)
            {
              const AimsTableInfo *target_info;

              if (!g_str_equal (info->fields[j].name, from))
                continue;

              target_info = _aims_schema_def_lookup_table (reader->schema, target);
              if (target_info != NULL)
                table->links[j].target = target_info->name;
            }
        }
      sqlite3_finalize (stmt);
    }

  return TRUE;
}

static gboolean
read_header_int (Reader     *reader,
                 const char *name,
                 gint64     *out)
{
  Value value = { .string = reader->scratch };

  if (!read_scalar (reader, &value))
    return FALSE;
  if (value.type != VALUE_INTEGER || value.integer < 1)
    return fail (reader, _("“%s” must be a whole number from 1"), name);

  *out = value.integer;
  return TRUE;
}

static gboolean
read_document (Reader *reader)
{
  gboolean have_format = FALSE;
  gint64 version = 0;
  gint64 format_version = 0;
  gboolean have_tables = FALSE;

  g_string_assign (reader->path, "$");

  /* A byte order mark is not JSON, but editors add one. */
  if (reader->end - reader->p >= 3 && memcmp (reader->p, "\xef\xbb\xbf", 3) == 0)
    reader->p += 3;

  if (!expect (reader, '{', _("A project JSON document starts with “{”")))
    return FALSE;

  if (!peek (reader, '}'))
    {
      do
        {
          g_autofree char *name = NULL;

          if (!read_string (reader, reader->scratch))
            return FALSE;
          name = g_strdup (reader->scratch->str);
          path_push_member (reader, name);

          if (!expect (reader, ':', _("A colon was expected after the member name")))
            return FALSE;

          if (g_str_equal (name, "$schema"))
            {
              Value value = { .string = reader->scratch };

              if (!read_scalar (reader, &value))
                return FALSE;
              if (value.type != VALUE_STRING)
                return fail (reader, _("must be a string"));
            }
          else if (g_str_equal (name, "format"))
            {
              Value value = { .string = reader->scratch };

              if (!read_scalar (reader, &value))
                return FALSE;
              if (value.type != VALUE_STRING || !g_str_equal (value.string->str, "aims-project"))
                return fail (reader, _("must be “aims-project”: this is not an AIMS Workbench "
                                       "project JSON"));
              have_format = TRUE;
            }
          else if (g_str_equal (name, "version"))
            {
              if (!read_header_int (reader, "version", &version))
                return FALSE;
              if (version > AIMS_PROJECT_JSON_VERSION)
                {
                  g_set_error (&reader->error, AIMS_PROJECT_JSON_ERROR,
                               AIMS_PROJECT_JSON_ERROR_NEWER,
                               _("%s: %s: the document has layout version %u; this version of "
                                 "AIMS Workbench reads up to %u. Import it with a newer "
                                 "version."),
                               reader->display, reader->path->str, (guint) MIN (version, G_MAXUINT),
                               AIMS_PROJECT_JSON_VERSION);
                  return FALSE;
                }
            }
          else if (g_str_equal (name, "format_version"))
            {
              if (!read_header_int (reader, "format_version", &format_version))
                return FALSE;
              if (format_version > reader->schema->version)
                {
                  g_set_error (&reader->error, AIMS_PROJECT_JSON_ERROR,
                               AIMS_PROJECT_JSON_ERROR_NEWER,
                               _("%s: %s: the document has file format %u; this version of "
                                 "AIMS Workbench reads up to format %u. Import it with a newer "
                                 "version."),
                               reader->display, reader->path->str,
                               (guint) MIN (format_version, G_MAXUINT), reader->schema->version);
                  return FALSE;
                }
              reader->version = (guint) format_version;
            }
          else if (g_str_equal (name, "tables"))
            {
              if (!have_format || version == 0 || format_version == 0)
                return fail (reader, _("“format”, “version” and “format_version” must come "
                                       "before “tables”"));
              if (have_tables)
                return fail (reader, _("the tables are given twice"));
              have_tables = TRUE;
              /* The statements depend on the format version, known by now. */
              if (!prepare_tables (reader, &reader->error) || !read_tables (reader))
                return FALSE;
            }
          else
            return fail (reader, _("a project JSON has no such member; it has “format”, "
                                   "“version”, “format_version” and “tables”"));

          g_string_assign (reader->path, "$");
        }
      while (peek (reader, ',') && (reader->p++, TRUE));
    }

  if (!expect (reader, '}', _("A comma or the end of the document was expected here")))
    return FALSE;

  skip_space (reader);
  if (reader->p != reader->end)
    return fail_syntax (reader, _("The document goes on after its end"));

  if (!have_tables)
    return fail (reader, _("the document has no “tables”"));

  return check_links (reader);
}

static void
clear_tables (Reader *reader)
{
  if (reader->tables == NULL)
    return;

  for (guint i = 0; i < reader->schema->n_tables; i++)
    {
      Table *table = &reader->tables[i];

      if (table->info == NULL)
        continue;
      if (table->values != NULL)
        for (guint j = 0; j < table->info->n_fields; j++)
          g_string_free (table->values[j].string, TRUE);
      g_free (table->values);
      g_free (table->links);
      g_clear_pointer (&table->keys, g_hash_table_unref);
      if (table->insert != NULL)
        sqlite3_finalize (table->insert);
    }

  g_clear_pointer (&reader->tables, g_free);
}

static void
clear_pending (gpointer data)
{
  PendingLink *link = data;

  g_free (link->value);
}

/* A new project: its project row and the history of its creation, and no
 * records; the document replaces both. */
static gboolean
store_is_new (const AimsSchemaDef  *schema,
              sqlite3              *db,
              GError              **error)
{
  gint64 n;

  for (guint i = 0; i < schema->n_tables; i++)
    {
      g_autofree char *quoted = NULL;
      g_autofree char *sql = NULL;

      if (schema->tables[i].kind != AIMS_TABLE_RECORDS)
        continue;

      quoted = _aims_sqlite_quote (schema->tables[i].name);
      sql = g_strdup_printf ("SELECT EXISTS (SELECT 1 FROM %s)", quoted);
      if (!_aims_sqlite_query_int (db, sql, &n, error))
        return FALSE;
      if (n != 0)
        goto not_empty;
    }

  return TRUE;

not_empty:
  g_set_error (error, AIMS_PROJECT_JSON_ERROR, AIMS_PROJECT_JSON_ERROR_NOT_EMPTY,
               _("A project JSON can only be imported into a new, empty project; this one "
                 "already holds records. Import into a new file instead."));
  return FALSE;
}

/**
 * aims_project_json_import:
 * @store: a new project (see below)
 * @data: (array length=length): the project JSON
 * @length: the length of @data
 * @display: (nullable): the name of the JSON file for messages
 * @error: return location for a #GError
 *
 * Replaces the new project in @store by the project of the document @data,
 * written by aims_project_json_export(): every record with its own uuid,
 * timestamps and links, the matrix and the change log, in one transaction.
 * @store must hold a new project: no records, and no history beyond its
 * creation (%AIMS_PROJECT_JSON_ERROR_NOT_EMPTY otherwise). A document that
 * is not valid (%AIMS_PROJECT_JSON_ERROR_INVALID, the message names the JSON
 * path) or comes from a newer version (%AIMS_PROJECT_JSON_ERROR_NEWER)
 * changes nothing.
 *
 * Returns: %TRUE on success
 */
gboolean
aims_project_json_import (AimsStore   *store,
                          const char  *data,
                          gsize        length,
                          const char  *display,
                          GError     **error)
{
  g_autoptr(GString) path = g_string_new ("$");
  g_autoptr(GString) scratch = g_string_new (NULL);
  g_autoptr(GHashTable) uuids = NULL;
  g_autoptr(GArray) pending = NULL;
  Reader reader = { 0 };
  gboolean ok;

  g_return_val_if_fail (AIMS_IS_STORE (store), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  reader.db = _aims_store_get_db (store);
  reader.schema = _aims_store_get_schema (store);
  if (reader.db == NULL)
    {
      g_set_error (error, AIMS_STORE_ERROR, AIMS_STORE_ERROR_FAILED,
                   _("The project has been closed."));
      return FALSE;
    }

  if (aims_store_get_read_only (store))
    {
      g_set_error (error, AIMS_STORE_ERROR, AIMS_STORE_ERROR_READ_ONLY,
                   _("The project is read-only."));
      return FALSE;
    }

  if (!store_is_new (reader.schema, reader.db, error))
    return FALSE;

  uuids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  pending = g_array_new (FALSE, FALSE, sizeof (PendingLink));
  g_array_set_clear_func (pending, clear_pending);

  reader.start = reader.p = data;
  reader.end = data + length;
  reader.display = display != NULL ? display : _("The project JSON");
  reader.path = path;
  reader.scratch = scratch;
  reader.uuids = uuids;
  reader.pending = pending;
  reader.version = reader.schema->version;

  if (!_aims_sqlite_exec (reader.db, "BEGIN IMMEDIATE", error))
    return FALSE;

  /* Links are checked by check_links() against the whole document, so the
   * order of tables and records does not matter to the database. */
  ok = _aims_sqlite_exec (reader.db, "PRAGMA defer_foreign_keys = ON", error) &&
       _aims_sqlite_exec (reader.db,
                          "DELETE FROM change_log; DELETE FROM changeset; DELETE FROM project",
                          error);

  if (ok)
    {
      reader.tables = g_new0 (Table, reader.schema->n_tables);
      ok = read_document (&reader);
      if (!ok && reader.error != NULL)
        g_propagate_error (error, g_steal_pointer (&reader.error));
    }

  clear_tables (&reader);

  if (ok)
    ok = _aims_sqlite_exec (reader.db, "COMMIT", error);

  if (!ok)
    sqlite3_exec (reader.db, "ROLLBACK", NULL, NULL, NULL);

  return ok;
}

/**
 * aims_project_json_import_file:
 * @input: a project JSON file
 * @project: the project file to create
 * @author: (nullable): the name recorded for the new working copy
 * @error: return location for a #GError
 *
 * Imports @input (see aims_project_json_import()) into a new project and
 * saves it as @project, replacing it in one step. Nothing is written unless
 * the whole document is valid.
 *
 * Returns: %TRUE on success
 */
gboolean
aims_project_json_import_file (const char  *input,
                               const char  *project,
                               const char  *author,
                               GError     **error)
{
  g_autoptr(AimsDocument) document = NULL;
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GFile) target = NULL;
  g_autofree char *display = NULL;
  GStatBuf st;
  gboolean ok;

  g_return_val_if_fail (input != NULL, FALSE);
  g_return_val_if_fail (project != NULL, FALSE);

  display = g_filename_display_name (input);

  if (g_stat (input, &st) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not read “%s”: %s."), display, g_strerror (saved_errno));
      return FALSE;
    }

  if ((guint64) st.st_size > AIMS_PROJECT_JSON_MAX_BYTES)
    {
      g_autofree char *size = _aims_format_bytes (st.st_size);
      g_autofree char *limit = _aims_format_bytes (AIMS_PROJECT_JSON_MAX_BYTES);

      g_set_error (error, AIMS_PROJECT_JSON_ERROR, AIMS_PROJECT_JSON_ERROR_TOO_LARGE,
                   _("“%s” is %s; a project JSON can be at most %s."), display, size, limit);
      return FALSE;
    }

  mapped = g_mapped_file_new (input, FALSE, error);
  if (mapped == NULL)
    return FALSE;

  document = aims_document_new_untitled (author, error);
  if (document == NULL)
    return FALSE;

  target = g_file_new_for_path (project);
  ok = aims_project_json_import (aims_document_get_store (document),
                                 g_mapped_file_get_contents (mapped),
                                 g_mapped_file_get_length (mapped), display, error) &&
       aims_document_save_as (document, target, error);

  aims_document_close (document);
  return ok;
}
