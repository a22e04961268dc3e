/* aims-sheet-export.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aims-sheet-export"

#include "config.h"

#include "aims-sheet-export.h"

#include "aims-csv-field-private.h"
#include "aims-export.h"
#include "aims-natural-order-private.h"
#include "aims-schema-private.h"
#include "aims-sheet.h"
#include "aims-sqlite-private.h"
#include "aims-store-private.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <xlsxwriter.h>

/*
 * A register as a spreadsheet: a header row of the fields' labels, then one
 * row per record in the natural order of references (R-9 before R-10).
 * The columns are the fields a form shows, in the form's order, and the
 * levels the matrix gives (by name). Values are as stored: choice ids,
 * dates YYYY-MM-DD, scores as numbers (empty when not assessed), booleans
 * TRUE or FALSE. The importer reads all of this back, so exporting a
 * register and importing the file into the same project changes nothing.
 *
 * CSV is RFC 4180 with CRLF line ends, in UTF-8; a text cell that starts
 * with = + - @, a tab or CR gets a ' before it, so that a spreadsheet program
 * never runs it as a formula, and the CSV reader takes that ' off again
 * (aims-csv-field.c). Numbers and booleans are not guarded: -3 stays -3.
 * XLSX needs no guard: worksheet_write_string() writes a string cell (an
 * inline string, t="inlineStr"), which no spreadsheet program evaluates;
 * only worksheet_write_formula() writes formulas. XLSX is written with
 * libxlsxwriter (in its constant-memory mode, one row at a time) to a
 * temporary folder and read back; the file itself is written through
 * aims_export_write_file(), in one step.
 */

typedef enum
{
  CELL_TEXT,
  CELL_NUMBER,
  CELL_BOOLEAN,
} CellKind;

typedef struct
{
  const AimsTableInfo  *table;
  GPtrArray            *columns;  /* const AimsFieldInfo* */
  GPtrArray            *rows;     /* GStrv, NULL cells for empty */
} Register;

static void
register_clear (Register *reg)
{
  g_clear_pointer (&reg->columns, g_ptr_array_unref);
  g_clear_pointer (&reg->rows, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Register, register_clear)

static CellKind
cell_kind (const AimsFieldInfo *field)
{
  if (field->widget == AIMS_FIELD_WIDGET_LEVEL)
    return CELL_TEXT;
  switch (field->kind)
    {
    case AIMS_FIELD_INTEGER:
    case AIMS_FIELD_REAL:
      return CELL_NUMBER;
    case AIMS_FIELD_BOOLEAN:
      return CELL_BOOLEAN;
    case AIMS_FIELD_TEXT:
    case AIMS_FIELD_JSON:
    case AIMS_FIELD_ANY:
    default:
      return CELL_TEXT;
    }
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  char * const *row_a = *(char * const * const *) a;
  char * const *row_b = *(char * const * const *) b;

  /* The last cell holds the sort key. */
  guint n = g_strv_length ((char **) row_a);

  return _aims_natural_compare (row_a[n - 1], row_b[n - 1]);
}

static gboolean
read_register (AimsStore   *store,
               const char  *table,
               Register    *reg,
               GError     **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT ");
  g_autoptr(AimsMatrix) matrix = aims_store_dup_matrix (store);
  g_autofree char *quoted_table = NULL;
  const AimsFieldInfo *reference;
  sqlite3_stmt *stmt;
  int rc;

  reg->table = _aims_schema_def_lookup_table (_aims_store_get_schema (store), table);
  if (reg->table == NULL || reg->table->kind != AIMS_TABLE_RECORDS ||
      aims_sheet_table_to_register (reg->table->name) == NULL)
    {
      g_set_error (error, AIMS_STORE_ERROR, AIMS_STORE_ERROR_UNKNOWN_FIELD,
                   _("“%s” is not a register that can be exported."), table);
      return FALSE;
    }

  reg->columns = g_ptr_array_new ();
  reg->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  for (guint i = 0; i < reg->table->n_fields; i++)
    {
      const AimsFieldInfo *field = &reg->table->fields[i];
      g_autofree char *quoted = NULL;

      if (field->widget == AIMS_FIELD_WIDGET_HIDDEN)
        continue;

      quoted = _aims_sqlite_quote (field->name);
      g_string_append_printf (sql, "%s%s", reg->columns->len > 0 ? ", " : "", quoted);
      g_ptr_array_add (reg->columns, (gpointer) field);
    }

  reference = aims_table_info_lookup_field (reg->table, "reference");
  quoted_table = _aims_sqlite_quote (reg->table->name);
  g_string_append_printf (sql, ", %s FROM %s ORDER BY rowid",
                          reference != NULL ? "reference" : "printf('%020d', rowid)",
                          quoted_table);

  stmt = _aims_store_prepare (store, sql->str, error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      char **row = g_new0 (char *, reg->columns->len + 2);

      for (guint i = 0; i < reg->columns->len; i++)
        {
          const AimsFieldInfo *field = g_ptr_array_index (reg->columns, i);
          g_autofree char *text = _aims_store_column_text (stmt, (int) i, field);

          if (text == NULL)
            row[i] = g_strdup ("");
          else if (field->widget == AIMS_FIELD_WIDGET_LEVEL)
            {
              gint64 level = g_ascii_strtoll (text, NULL, 10);

              row[i] = g_strdup (level >= 0 && level < aims_matrix_get_n_levels (matrix)
                                 ? aims_matrix_get_level_name (matrix, (guint) level) : "");
            }
          else if (field->widget == AIMS_FIELD_WIDGET_SCORE && g_str_equal (text, "0"))
            row[i] = g_strdup ("");
          else if (field->kind == AIMS_FIELD_BOOLEAN)
            row[i] = g_strdup (g_str_equal (text, "0") ? "FALSE" : "TRUE");
          else
            row[i] = g_steal_pointer (&text);
        }

      row[reg->columns->len] = _aims_store_column_text (stmt, (int) reg->columns->len, NULL);
      if (row[reg->columns->len] == NULL)
        row[reg->columns->len] = g_strdup ("");
      g_ptr_array_add (reg->rows, row);
    }
  _aims_store_release (stmt);

  if (rc != SQLITE_DONE)
    {
      _aims_sqlite_set_error (error, _aims_store_get_db (store), rc,
                              _("Could not read the records to export"));
      return FALSE;
    }

  if (reference != NULL)
    g_ptr_array_sort (reg->rows, compare_rows);

  return TRUE;
}

static GBytes *
write_csv (Register *reg)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < reg->columns->len; i++)
    {
      const AimsFieldInfo *field = g_ptr_array_index (reg->columns, i);

      if (i > 0)
        g_string_append_c (out, ',');
      _aims_csv_append_field (out, _(field->label), AIMS_CSV_CELL_TEXT);
    }
  g_string_append (out, "\r\n");

  for (guint r = 0; r < reg->rows->len; r++)
    {
      char **row = g_ptr_array_index (reg->rows, r);

      for (guint i = 0; i < reg->columns->len; i++)
        {
          const AimsFieldInfo *field = g_ptr_array_index (reg->columns, i);

          if (i > 0)
            g_string_append_c (out, ',');
          _aims_csv_append_field (out, row[i],
                                  cell_kind (field) == CELL_TEXT
                                  ? AIMS_CSV_CELL_TEXT : AIMS_CSV_CELL_VALUE);
        }
      g_string_append (out, "\r\n");
    }

  return g_string_free_to_bytes (out);
}

static void
set_xlsx_error (GError     **error,
                lxw_error    rc)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               _("The XLSX workbook could not be written: %s."), lxw_strerror (rc));
}

static GBytes *
write_xlsx (Register  *reg,
            GError   **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;
  lxw_workbook_options options = { 0 };
  lxw_workbook *workbook;
  lxw_worksheet *worksheet;
  lxw_format *bold;
  lxw_error rc = LXW_NO_ERROR;
  gsize length = 0;
  char sheet_name[32];

  dir = g_dir_make_tmp ("aims-xlsx-XXXXXX", &local_error);
  if (dir == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The XLSX workbook could not be written: %s"), local_error->message);
      return NULL;
    }
  path = g_build_filename (dir, "export.xlsx", NULL);

  options.constant_memory = LXW_TRUE;
  options.tmpdir = dir;
  workbook = workbook_new_opt (path, &options);
  if (workbook == NULL)
    {
      g_rmdir (dir);
      set_xlsx_error (error, LXW_ERROR_CREATING_XLSX_FILE);
      return NULL;
    }

  /* A sheet name is at most 31 characters, without []:*?/\ . */
  g_strlcpy (sheet_name, aims_sheet_table_to_register (reg->table->name), sizeof sheet_name);
  worksheet = workbook_add_worksheet (workbook, sheet_name);
  bold = workbook_add_format (workbook);
  format_set_bold (bold);

  for (guint i = 0; i < reg->columns->len && rc == LXW_NO_ERROR; i++)
    {
      const AimsFieldInfo *field = g_ptr_array_index (reg->columns, i);

      rc = worksheet_write_string (worksheet, 0, (lxw_col_t) i, _(field->label), bold);
    }
  if (rc == LXW_NO_ERROR)
    worksheet_freeze_panes (worksheet, 1, 0);

  for (guint r = 0; r < reg->rows->len && rc == LXW_NO_ERROR; r++)
    {
      char **row = g_ptr_array_index (reg->rows, r);

      for (guint i = 0; i < reg->columns->len && rc == LXW_NO_ERROR; i++)
        {
          const AimsFieldInfo *field = g_ptr_array_index (reg->columns, i);
          lxw_row_t xlsx_row = (lxw_row_t) r + 1;
          lxw_col_t xlsx_col = (lxw_col_t) i;

          if (*row[i] == '\0')
            continue;

          switch (cell_kind (field))
            {
            case CELL_NUMBER:
              rc = worksheet_write_number (worksheet, xlsx_row, xlsx_col,
                                           g_ascii_strtod (row[i], NULL), NULL);
              break;
            case CELL_BOOLEAN:
              rc = worksheet_write_boolean (worksheet, xlsx_row, xlsx_col,
                                            g_str_equal (row[i], "TRUE"), NULL);
              break;
            case CELL_TEXT:
            default:
              rc = worksheet_write_string (worksheet, xlsx_row, xlsx_col, row[i], NULL);
              if (rc == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED)
                {
                  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                               _("“%s” of %s %s is longer than an XLSX cell holds (32,767 "
                                 "characters); export the register as CSV instead."),
                               _(field->label), _(reg->table->noun), row[reg->columns->len]);
                  workbook_close (workbook);
                  g_unlink (path);
                  g_rmdir (dir);
                  return NULL;
                }
              break;
            }
        }
    }

  if (rc != LXW_NO_ERROR)
    {
      workbook_close (workbook);
      g_unlink (path);
      g_rmdir (dir);
      set_xlsx_error (error, rc);
      return NULL;
    }

  rc = workbook_close (workbook);
  if (rc != LXW_NO_ERROR)
    {
      g_unlink (path);
      g_rmdir (dir);
      set_xlsx_error (error, rc);
      return NULL;
    }

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_unlink (path);
      g_rmdir (dir);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The XLSX workbook could not be written: %s"), local_error->message);
      return NULL;
    }
  g_unlink (path);
  g_rmdir (dir);

  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

/**
 * aims_sheet_format_from_path:
 * @path: a file name
 * @format: (out): the format its extension names
 *
 * Returns: %TRUE if @path ends in .csv or .xlsx (in any case)
 */
gboolean
aims_sheet_format_from_path (const char      *path,
                             AimsSheetFormat *format)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".csv"))
    *format = AIMS_SHEET_FORMAT_CSV;
  else if (g_str_has_suffix (lower, ".xlsx"))
    *format = AIMS_SHEET_FORMAT_XLSX;
  else
    return FALSE;
  return TRUE;
}

/**
 * aims_sheet_export:
 * @store: the project
 * @table: the register's table ("risk") or register name ("risks")
 * @format: the format
 * @n_records: (out) (optional): the number of records written
 * @error: return location for a #GError
 *
 * Writes a register as a spreadsheet (see the top of aims-sheet-export.c).
 *
 * Returns: (transfer full) (nullable): the file's bytes
 */
GBytes *
aims_sheet_export (AimsStore        *store,
                   const char       *table,
                   AimsSheetFormat   format,
                   guint            *n_records,
                   GError          **error)
{
  g_auto(Register) reg = { 0 };
  const char *name;
  GBytes *bytes;

  g_return_val_if_fail (AIMS_IS_STORE (store), NULL);
  g_return_val_if_fail (table != NULL, NULL);

  name = aims_sheet_register_to_table (table, NULL);
  if (!read_register (store, name != NULL ? name : table, &reg, error))
    return NULL;

  bytes = format == AIMS_SHEET_FORMAT_XLSX ? write_xlsx (&reg, error) : write_csv (&reg);
  if (bytes != NULL && n_records != NULL)
    *n_records = reg.rows->len;
  return bytes;
}

/**
 * aims_sheet_export_to_file:
 * @store: the project
 * @table: the register's table or register name
 * @path: the file to write; its extension (.csv or .xlsx) says the format
 * @n_records: (out) (optional): the number of records written
 * @error: return location for a #GError
 *
 * Exports a register to @path, replacing it in one step
 * (aims_export_write_file()).
 *
 * Returns: %TRUE on success
 */
gboolean
aims_sheet_export_to_file (AimsStore   *store,
                           const char  *table,
                           const char  *path,
                           guint       *n_records,
                           GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  AimsSheetFormat format;
  gsize length;
  const char *data;

  g_return_val_if_fail (AIMS_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!aims_sheet_format_from_path (path, &format))
    {
      g_autofree char *display = g_filename_display_basename (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” ends neither in .csv nor in .xlsx; name the file for the format "
                     "to write."),
                   display);
      return FALSE;
    }

  bytes = aims_sheet_export (store, table, format, n_records, error);
  if (bytes == NULL)
    return FALSE;

  data = g_bytes_get_data (bytes, &length);
  return aims_export_write_file (path, data != NULL ? data : "", length, error);
}
