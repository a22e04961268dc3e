/* aims-project-json.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aims-project-json"

#include "config.h"

#include "aims-project-json.h"

#include "aims-document.h"
#include "aims-export.h"
#include "aims-export-private.h"
#include "aims-schema-private.h"
#include "aims-sqlite-private.h"
#include "aims-store-private.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

/*
 * The whole project as one JSON document (see docs/project-json.md and
 * data/schema/aims-project.schema.json):
 *
 *   {
 *     "$schema": "…/aims-project-1.schema.json",
 *     "format": "aims-project",
 *     "version": 1,
 *     "format_version": 7,
 *     "tables": { "project": [ {…} ], "changeset": [ … ], … }
 *   }
 *
 * Every table of the file format's descriptor comes in descriptor order, even
 * when empty; its records are sorted by their key (the uuid, or the id of the
 * change log's tables) in byte order; each record has every column in column
 * order. Values keep their type: text and JSON columns are strings (a JSON
 * column holds its stored text verbatim, so nothing is re-encoded), integers
 * are integers, booleans true and false, reals numbers with a point, and NULL
 * null. The writer is our own, so the bytes are fixed: two-space indents, one
 * member per line, "\n" line ends, a final newline, and only the escapes JSON
 * requires ("\"", "\\", and control characters).
 */

#define SCHEMA_URI "https://aimsworkbench.github.io/schema/aims-project-1.schema.json"

/* 1 GiB: SQLite caps it at its own limit. */
#define EXPORT_MMAP_SIZE 1073741824

G_DEFINE_QUARK (aims-project-json-error-quark, aims_project_json_error)

/* With a file to write, the text goes out in pieces of about this size, so
 * the document is never held in memory whole. */
#define FLUSH_SIZE (256 * 1024)

typedef struct
{
  GString        *out;
  AimsExportFile *file;  /* NULL: the whole document stays in out */
} Writer;

/* Room for @n more bytes at the end of @out; the caller writes them and
 * calls commit(). Appending through this rather than g_string_append_len()
 * (a function call in GLib 2.74) is most of what the writer costs. */
static inline char *
reserve (GString *out,
         gsize    n)
{
  if (G_UNLIKELY (out->len + n >= out->allocated_len))
    {
      gsize len = out->len;

      g_string_set_size (out, len + n);
      out->len = len;
    }

  return out->str + out->len;
}

static inline void
commit (GString *out,
        char    *end)
{
  out->len = end - out->str;
  out->str[out->len] = '\0';
}

static inline void
append_len (GString    *out,
            const char *text,
            gsize       len)
{
  char *p = reserve (out, len);

  memcpy (p, text, len);
  commit (out, p + len);
}

#define append_literal(out, text) append_len ((out), (text), sizeof (text) - 1)

/* Bytes that a JSON string cannot hold as they are. */
static const guchar needs_escape[256] = {
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,  /* '"' */
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0,  /* '\\' */
};

/* @text as a JSON string, with only the escapes JSON requires: "\"", "\\",
 * "\b \f \n \r \t", and "\u00XX" for the other control characters. Every
 * other byte, non-ASCII UTF-8 included, is written as it is. */
static void
append_string (GString    *out,
               const char *text,
               gsize       len)
{
  static const char hex[] = "0123456789abcdef";
  const char *end = text + len;
  char *p = reserve (out, len * 6 + 2);

  *p++ = '"';

  while (text < end)
    {
      const char *run = text;
      guchar c;

      while (text < end && !needs_escape[(guchar) *text])
        text++;
      memcpy (p, run, text - run);
      p += text - run;
      if (text == end)
        break;

      c = (guchar) *text++;
      *p++ = '\\';
      switch (c)
        {
        case '"':
        case '\\':
          *p++ = (char) c;
          break;
        case '\n':
          *p++ = 'n';
          break;
        case '\r':
          *p++ = 'r';
          break;
        case '\t':
          *p++ = 't';
          break;
        case '\b':
          *p++ = 'b';
          break;
        case '\f':
          *p++ = 'f';
          break;
        default:
          *p++ = 'u';
          *p++ = '0';
          *p++ = '0';
          *p++ = hex[c >> 4];
          *p++ = hex[c & 0xf];
          break;
        }
    }

  *p++ = '"';
  commit (out, p);
}

/* In decimal, as "%" G_GINT64_FORMAT writes it. */
static void
append_int (GString *out,
            gint64   value)
{
  char buf[24];
  char *end = buf + sizeof buf;
  char *p = end;
  guint64 magnitude = value < 0 ? -(guint64) value : (guint64) value;

  do
    {
      *--p = (char) ('0' + magnitude % 10);
      magnitude /= 10;
    }
  while (magnitude != 0);

  if (value < 0)
    *--p = '-';

  append_len (out, p, end - p);
}

/* Shortest text that reads back as the same double, always with a point or an
 * exponent so that a reader types it as a real. */
static gboolean
append_real (GString *out,
             double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    return FALSE;

  for (int precision = 15; precision <= 17; precision++)
    {
      g_ascii_formatd (buf, sizeof buf, precision == 15 ? "%.15g" : precision == 16 ? "%.16g"
                                                                                      : "%.17g",
                       value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }

  append_len (out, buf, strlen (buf));
  if (strpbrk (buf, ".eE") == NULL)
    append_literal (out, ".0");

  return TRUE;
}

static gboolean
append_value (GString              *out,
              sqlite3_stmt         *stmt,
              int                   column,
              const AimsTableInfo  *table,
              const AimsFieldInfo  *field,
              GError              **error)
{
  int type = sqlite3_column_type (stmt, column);

  if (type == SQLITE_NULL)
    {
      append_literal (out, "null");
      return TRUE;
    }

  switch (field->kind)
    {
    case AIMS_FIELD_INTEGER:
      if (type == SQLITE_INTEGER)
        {
          append_int (out, sqlite3_column_int64 (stmt, column));
          return TRUE;
        }
      break;

    case AIMS_FIELD_BOOLEAN:
      if (type == SQLITE_INTEGER)
        {
          if (sqlite3_column_int64 (stmt, column) != 0)
            append_literal (out, "true");
          else
            append_literal (out, "false");
          return TRUE;
        }
      break;

    case AIMS_FIELD_REAL:
      if ((type == SQLITE_INTEGER || type == SQLITE_FLOAT) &&
          append_real (out, sqlite3_column_double (stmt, column)))
        return TRUE;
      break;

    case AIMS_FIELD_ANY:
      if (type == SQLITE_INTEGER)
        {
          append_int (out, sqlite3_column_int64 (stmt, column));
          return TRUE;
        }
      if (type == SQLITE_FLOAT)
        {
          if (append_real (out, sqlite3_column_double (stmt, column)))
            return TRUE;
          break;
        }
      G_GNUC_FALLTHROUGH;

    case AIMS_FIELD_TEXT:
    case AIMS_FIELD_JSON:
      if (type == SQLITE_TEXT)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, column);
          gsize len = sqlite3_column_bytes (stmt, column);

          if (g_utf8_validate_len (text, len, NULL))
            {
              append_string (out, text, len);
              return TRUE;
            }
        }
      break;

    default:
      break;
    }

  g_set_error (error, AIMS_PROJECT_JSON_ERROR, AIMS_PROJECT_JSON_ERROR_INVALID,
               _("The field “%s” of a record in the table “%s” holds a value that cannot be "
                 "exported; check the project with “aims check”."),
               field->name, table->name);
  return FALSE;
}

/* Sends what is written so far to the file, once there is enough of it (or
 * all of it when @all). FALSE when the file could not be written. */
static gboolean
writer_flush (Writer   *writer,
              gboolean  all)
{
  if (writer->file == NULL || writer->out->len == 0 ||
      (!all && writer->out->len < FLUSH_SIZE))
    return TRUE;

  if (!_aims_export_file_write (writer->file, writer->out->str, writer->out->len))
    return FALSE;

  g_string_truncate (writer->out, 0);
  return TRUE;
}

static void
free_string (gpointer data)
{
  g_string_free (data, TRUE);
}

static gboolean
append_table (Writer               *writer,
              sqlite3              *db,
              const AimsTableInfo  *table,
              GError              **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT ");
  g_autoptr(GPtrArray) prefixes = g_ptr_array_new_with_free_func (free_string);
  GString *out = writer->out;
  sqlite3_stmt *stmt = NULL;
  gboolean first = TRUE;
  int rc;

  for (guint i = 0; i < table->n_fields; i++)
    {
      g_autofree char *quoted = _aims_sqlite_quote (table->fields[i].name);

      g_string_append_printf (sql, "%s%s", i > 0 ? ", " : "", quoted);
    }

  /* What comes before each value: the member name, after the previous
   * member's comma. One append per value keeps the huge demo's export fast. */
  for (guint i = 0; i < table->n_fields; i++)
    {
      GString *prefix = g_string_new (i > 0 ? ",\n        " : "        ");

      append_string (prefix, table->fields[i].name, strlen (table->fields[i].name));
      g_string_append (prefix, ": ");
      g_ptr_array_add (prefixes, prefix);
    }

  {
    g_autofree char *quoted_table = _aims_sqlite_quote (table->name);
    g_autofree char *quoted_key = _aims_sqlite_quote (table->fields[0].name);

    g_string_append_printf (sql, " FROM %s ORDER BY %s", quoted_table, quoted_key);
  }

  rc = sqlite3_prepare_v2 (db, sql->str, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _aims_sqlite_set_error (error, db, rc, _("Could not read the project"));
      return FALSE;
    }

  append_literal (out, "    ");
  append_string (out, table->name, strlen (table->name));
  append_literal (out, ": [");

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (first)
        append_literal (out, "\n      {\n");
      else
        append_literal (out, ",\n      {\n");
      first = FALSE;

      for (guint i = 0; i < table->n_fields; i++)
        {
          const AimsFieldInfo *field = &table->fields[i];
          GString *prefix = g_ptr_array_index (prefixes, i);

          append_len (out, prefix->str, prefix->len);
          if (!append_value (out, stmt, i, table, field, error))
            {
              sqlite3_finalize (stmt);
              return FALSE;
            }
        }

      append_literal (out, "\n      }");
      if (!writer_flush (writer, FALSE))
        {
          sqlite3_finalize (stmt);
          return FALSE;
        }
    }

  if (rc != SQLITE_DONE)
    {
      _aims_sqlite_set_error (error, db, rc, _("Could not read the project"));
      sqlite3_finalize (stmt);
      return FALSE;
    }

  sqlite3_finalize (stmt);
  if (first)
    append_literal (out, "]");
  else
    append_literal (out, "\n    ]");
  return TRUE;
}

/* Writes the document to @writer: into its string, and to its file if it
 * has one. A failed write of the file returns FALSE without @error (the file
 * knows why). */
static gboolean
write_document (AimsStore  *store,
                Writer     *writer,
                GError    **error)
{
  const AimsSchemaDef *schema;
  GString *out = writer->out;
  sqlite3 *db;
  gboolean ok = TRUE;
  gint64 mmap_size = 0;

  db = _aims_store_get_db (store);
  if (db == NULL)
    {
      g_set_error (error, AIMS_STORE_ERROR, AIMS_STORE_ERROR_FAILED,
                   _("The project has been closed."));
      return FALSE;
    }

  schema = _aims_store_get_schema (store);

  append_literal (out, "{\n  \"$schema\": \"" SCHEMA_URI "\",\n"
                       "  \"format\": \"aims-project\",\n  \"version\": ");
  append_int (out, AIMS_PROJECT_JSON_VERSION);
  append_literal (out, ",\n  \"format_version\": ");
  append_int (out, schema->version);
  append_literal (out, ",\n  \"tables\": {\n");

  /* Records come in key order, through the key's index: with the file
   * mapped, reading a row is a memory access rather than a read() of its
   * page, which for the huge demo is most of the time. */
  if (!_aims_sqlite_query_int (db, "PRAGMA mmap_size", &mmap_size, error) ||
      !_aims_sqlite_exec (db, "PRAGMA mmap_size = " G_STRINGIFY (EXPORT_MMAP_SIZE), error))
    return FALSE;

  /* One read transaction: the tables agree with each other. */
  if (!_aims_sqlite_exec (db, "BEGIN", error))
    return FALSE;

  for (guint i = 0; ok && i < schema->n_tables; i++)
    {
      ok = append_table (writer, db, &schema->tables[i], error);
      if (i + 1 < schema->n_tables)
        append_literal (out, ",\n");
      else
        append_literal (out, "\n");
    }

  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);

  {
    g_autofree char *restore = g_strdup_printf ("PRAGMA mmap_size = %" G_GINT64_FORMAT,
                                                mmap_size);

    sqlite3_exec (db, restore, NULL, NULL, NULL);
  }

  if (!ok)
    return FALSE;

  append_literal (out, "  }\n}\n");
  return writer_flush (writer, TRUE);
}

/**
 * aims_project_json_export:
 * @store: an open project
 * @error: return location for a #GError
 *
 * Writes the whole project as the documented project JSON: every table of
 * the file format, every record, field and link, the risk matrix and the
 * change log. The same project always gives the same bytes.
 *
 * Returns: (transfer full) (nullable): the UTF-8 text of the document
 */
GBytes *
aims_project_json_export (AimsStore  *store,
                          GError    **error)
{
  g_autoptr(GString) out = NULL;
  Writer writer;

  g_return_val_if_fail (AIMS_IS_STORE (store), NULL);

  out = g_string_sized_new (1024 * 1024);
  writer.out = out;
  writer.file = NULL;
  if (!write_document (store, &writer, error))
    return NULL;

  {
    gsize len = out->len;

    return g_bytes_new_take (g_string_free (g_steal_pointer (&out), FALSE), len);
  }
}

static gboolean
write_to_file (AimsExportFile  *file,
               gpointer         user_data,
               GError         **error)
{
  g_autoptr(GString) out = g_string_sized_new (FLUSH_SIZE * 2);
  Writer writer = { out, file };

  return write_document (user_data, &writer, error);
}

/**
 * aims_project_json_write_file:
 * @store: an open project
 * @output: the JSON file to write
 * @error: return location for a #GError
 *
 * Writes the project JSON of @store, the bytes aims_project_json_export()
 * returns, to @output as it is made, so that the document is never held in
 * memory whole. @output is written in one step, as aims_export_write_file()
 * does: on failure it is as it was, with no temporary file left behind.
 *
 * Returns: %TRUE on success
 */
gboolean
aims_project_json_write_file (AimsStore   *store,
                              const char  *output,
                              GError     **error)
{
  g_return_val_if_fail (AIMS_IS_STORE (store), FALSE);
  g_return_val_if_fail (output != NULL, FALSE);

  return _aims_export_write_file_with (output, write_to_file, store, error);
}

/**
 * aims_project_json_export_file:
 * @project: a project file
 * @output: the JSON file to write
 * @error: return location for a #GError
 *
 * Opens @project as the app does (checked, on a working copy brought to the
 * current file format; @project itself is never written) and writes its
 * project JSON to @output in one step (aims_project_json_write_file()).
 *
 * Returns: %TRUE on success
 */
gboolean
aims_project_json_export_file (const char  *project,
                               const char  *output,
                               GError     **error)
{
  g_autoptr(AimsDocument) document = NULL;
  g_autoptr(GFile) file = NULL;
  gboolean ok;

  g_return_val_if_fail (project != NULL, FALSE);
  g_return_val_if_fail (output != NULL, FALSE);

  file = g_file_new_for_path (project);
  document = aims_document_open (file, AIMS_OPEN_READ_ONLY, NULL, error);
  if (document == NULL)
    return FALSE;

  ok = aims_project_json_write_file (aims_document_get_store (document), output, error);
  aims_document_close (document);
  return ok;
}
