/* aims-export.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aims-export"

#include "config.h"

#include "aims-export.h"
#include "aims-export-private.h"

#include "aims-csv-field-private.h"
#include "aims-project-file-private.h"
#include "aims-sqlite-private.h"
#include "aims-store-private.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/*
 * The AI system inventory as CSV (RFC 4180): a header of field names, one
 * row per system in reference order, CRLF line ends, and a field quoted when
 * it holds a comma, a quote, CR or LF, with its quotes doubled. Values are
 * as stored: choice ids, booleans as 0 and 1, dates YYYY-MM-DD. Text gets
 * the formula guard of aims-csv-field.c (a ' before = + - @); numbers do
 * not.
 *
 * From a file, the export reads through the same checks as `aims check`, on
 * a read-only, immutable connection: it never writes a byte of the file.
 */

/* Flush the text to the stream in pieces of this size. */
#define CHUNK_SIZE (64 * 1024)

/* The columns people look at first; every other visible field follows, in
 * the order of the form. */
static const char * const leading_columns[] = {
  "reference", "name", "description", "business_owner", "technical_owner", "lifecycle",
  "technique", "eu_ai_act_category", "eu_ai_act_area", "criticality", "in_scope",
  "scope_justification", "last_review", "next_review", "status", "roles", "oversight",
};

static const AimsTableInfo *
systems_table (void)
{
  return _aims_schema_def_lookup_table (_aims_schema_get_default (), "ai_system");
}

static gpointer
build_columns (gpointer data)
{
  const AimsTableInfo *table = systems_table ();
  GPtrArray *columns = g_ptr_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (leading_columns); i++)
    {
      g_assert (aims_table_info_lookup_field (table, leading_columns[i]) != NULL);
      g_ptr_array_add (columns, (gpointer) leading_columns[i]);
    }

  for (guint i = 0; i < table->n_fields; i++)
    {
      const AimsFieldInfo *field = &table->fields[i];
      gboolean leading = FALSE;

      for (guint j = 0; j < G_N_ELEMENTS (leading_columns); j++)
        leading = leading || g_str_equal (leading_columns[j], field->name);

      if (!leading && field->widget != AIMS_FIELD_WIDGET_HIDDEN)
        g_ptr_array_add (columns, (gpointer) field->name);
    }

  g_ptr_array_add (columns, NULL);
  return g_ptr_array_free (columns, FALSE);
}

static gboolean
flush (GOutputStream  *stream,
       GString        *text,
       GCancellable   *cancellable,
       GError        **error)
{
  if (text->len == 0)
    return TRUE;

  if (!g_output_stream_write_all (stream, text->str, text->len, NULL, cancellable, error))
    return FALSE;

  g_string_truncate (text, 0);
  return TRUE;
}

/* Writes the inventory of @db, a project of file format @version (columns
 * added later are empty). SQL failures are reported by @set_error, with
 * @what. */
static gboolean
write_inventory (sqlite3        *db,
                 guint           version,
                 GOutputStream  *stream,
                 GCancellable   *cancellable,
                 void          (*set_error) (GError     **error,
                                             sqlite3     *db,
                                             int          rc,
                                             const char  *what),
                 const char     *what,
                 GError        **error)
{
  const AimsTableInfo *table = systems_table ();
  const char * const *columns = aims_export_inventory_columns ();
  g_autoptr(GPtrArray) selected = g_ptr_array_new ();
  g_autoptr(GString) sql = g_string_new ("SELECT ");
  g_autoptr(GString) text = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  int rc;

  for (guint i = 0; columns[i] != NULL; i++)
    {
      const AimsFieldInfo *field = aims_table_info_lookup_field (table, columns[i]);

      if (i > 0)
        g_string_append_c (text, ',');
      _aims_csv_append_field (text, columns[i], AIMS_CSV_CELL_TEXT);

      if (field->since <= version)
        {
          g_autofree char *quoted = _aims_sqlite_quote (field->name);

          g_string_append_printf (sql, "%s%s", selected->len > 0 ? ", " : "", quoted);
          g_ptr_array_add (selected, (gpointer) field);
        }
      else
        g_ptr_array_add (selected, NULL);
    }
  g_string_append (text, "\r\n");

  g_string_append (sql,
                   " FROM ai_system ORDER BY rtrim(reference, '0123456789') COLLATE NOCASE, "
                   "CAST(substr(reference, length(rtrim(reference, '0123456789')) + 1) AS INTEGER), "
                   "reference, rowid");

  rc = sqlite3_prepare_v2 (db, sql->str, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      set_error (error, db, rc, what);
      sqlite3_finalize (stmt);
      return FALSE;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int column = 0;

      for (guint i = 0; i < selected->len; i++)
        {
          const AimsFieldInfo *field = g_ptr_array_index (selected, i);
          g_autofree char *value = NULL;

          if (i > 0)
            g_string_append_c (text, ',');
          if (field == NULL)
            continue;

          value = _aims_store_column_text (stmt, column++, field);
          _aims_csv_append_field (text, value != NULL ? value : "",
                                  field->kind == AIMS_FIELD_INTEGER ||
                                  field->kind == AIMS_FIELD_REAL ||
                                  field->kind == AIMS_FIELD_BOOLEAN
                                  ? AIMS_CSV_CELL_VALUE : AIMS_CSV_CELL_TEXT);
        }
      g_string_append (text, "\r\n");

      if (text->len >= CHUNK_SIZE && !flush (stream, text, cancellable, error))
        {
          sqlite3_finalize (stmt);
          return FALSE;
        }
    }

  if (rc != SQLITE_DONE)
    {
      set_error (error, db, rc, what);
      sqlite3_finalize (stmt);
      return FALSE;
    }
  sqlite3_finalize (stmt);

  return flush (stream, text, cancellable, error);
}

static void
set_write_error (GError     **error,
                 int          err,
                 const char  *path)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *folder_display = g_filename_display_name (folder);
  GIOErrorEnum code = g_io_error_from_errno (err);

  switch (err)
    {
    case EACCES:
    case EPERM:
    case EROFS:
      g_set_error (error, G_IO_ERROR, code,
                   _("“%s” could not be written: the folder “%s” cannot be written to. "
                     "Choose another folder."),
                   display, folder_display);
      break;

    case ENOSPC:
    case EDQUOT:
    case EFBIG:
      g_set_error (error, G_IO_ERROR, code,
                   _("“%s” could not be written: the disk is full. Free some space, or choose "
                     "another folder."),
                   display);
      break;

    case ENOENT:
    case ENOTDIR:
      g_set_error (error, G_IO_ERROR, code,
                   _("“%s” could not be written: there is no folder “%s”."),
                   display, folder_display);
      break;

    case EISDIR:
      g_set_error (error, G_IO_ERROR, code,
                   _("“%s” could not be written: it is a folder. Choose another name."),
                   display);
      break;

    default:
      g_set_error (error, G_IO_ERROR, code,
                   _("“%s” could not be written: %s."), display, g_strerror (err));
      break;
    }
}

static gboolean
write_all (int         fd,
           const char *data,
           gsize       length)
{
  while (length > 0)
    {
      gssize written = write (fd, data, MIN (length, G_MAXSSIZE));

      if (written < 0)
        {
          if (errno == EINTR)
            continue;
          return FALSE;
        }

      data += written;
      length -= written;
    }

  return TRUE;
}

/**
 * aims_export_inventory_columns:
 *
 * The columns of the inventory export, which are field names of AI systems:
 * reference, name, description, owners, life cycle stage, technique, EU AI
 * Act category and area, criticality, scope and its justification, review
 * dates, status, roles, oversight, then every other field a form shows.
 *
 * Returns: (transfer none) (array zero-terminated=1): the column names
 */
const char * const *
aims_export_inventory_columns (void)
{
  static GOnce once = G_ONCE_INIT;

  g_once (&once, build_columns, NULL);
  return once.retval;
}

/**
 * aims_export_csv_field:
 * @text: a value
 *
 * Returns: (transfer full): @text as one CSV text field (RFC 4180): quoted,
 *   with its quotes doubled, if it holds a comma, a quote, CR or LF; with a
 *   single quote before it if it starts with = + - @, a tab or CR, so that a
 *   spreadsheet program never runs it as a formula (see aims-csv-field.c)
 */
char *
aims_export_csv_field (const char *text)
{
  GString *field = g_string_new (NULL);

  g_return_val_if_fail (text != NULL, NULL);

  _aims_csv_append_field (field, text, AIMS_CSV_CELL_TEXT);
  return g_string_free (field, FALSE);
}

/**
 * aims_export_inventory_csv:
 * @path: a project file
 * @stream: where to write the CSV
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes the AI system inventory of the project file @path as CSV. The file
 * is checked as aims_project_file_check() does (failures are
 * %AIMS_FILE_ERROR) and read without being changed; a file of an older
 * format is read as it is, its newer columns empty.
 *
 * Returns: %TRUE on success
 */
gboolean
aims_export_inventory_csv (const char     *path,
                           GOutputStream  *stream,
                           GCancellable   *cancellable,
                           GError        **error)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *display = NULL;
  gint64 version = 0;
  gboolean ok;
  sqlite3 *db;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  display = g_filename_display_name (path);
  db = _aims_project_file_open_untrusted (path, display, TRUE, warnings, error);
  if (db == NULL)
    return FALSE;

  /* The checks and the export share one connection: what was checked is
   * what is read. */
  ok = _aims_project_file_check_db (db, _aims_schema_get_default (), display, AIMS_CHECK_NONE,
                                    AIMS_CHECK_PHASE_ALL, warnings, NULL, error);
  if (ok && !_aims_sqlite_query_int (db, "PRAGMA user_version", &version, NULL))
    {
      _aims_project_file_set_error (error, db, sqlite3_extended_errcode (db), display);
      ok = FALSE;
    }

  if (ok)
    ok = write_inventory (db, (guint) version, stream, cancellable,
                          _aims_project_file_set_error, display, error);

  sqlite3_close (db);
  return ok;
}

/**
 * aims_export_inventory_csv_from_store:
 * @store: an open project
 * @stream: where to write the CSV
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes the AI system inventory of an open project as CSV, as
 * aims_export_inventory_csv() does for a file.
 *
 * Returns: %TRUE on success
 */
gboolean
aims_export_inventory_csv_from_store (AimsStore      *store,
                                      GOutputStream  *stream,
                                      GCancellable   *cancellable,
                                      GError        **error)
{
  sqlite3 *db;

  g_return_val_if_fail (AIMS_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  db = _aims_store_get_db (store);
  if (db == NULL)
    {
      g_set_error (error, AIMS_STORE_ERROR, AIMS_STORE_ERROR_FAILED,
                   _("The project has been closed."));
      return FALSE;
    }

  return write_inventory (db, _aims_store_get_schema (store)->version, stream, cancellable,
                          _aims_sqlite_set_error, _("Could not read the AI systems"), error);
}

struct _AimsExportFile
{
  int fd;
  int write_errno;  /* why the first failed write failed, or 0 */
};

/*
 * _aims_export_file_write:
 * @file: the file being written
 * @data: (array length=length): what to append
 * @length: the length of @data
 *
 * Appends @data to the temporary file. After a failure, every later write
 * fails too, and _aims_export_write_file_with() reports the first.
 *
 * Returns: %TRUE on success
 */
gboolean
_aims_export_file_write (AimsExportFile *file,
                         const char     *data,
                         gsize           length)
{
  g_return_val_if_fail (file != NULL, FALSE);

  if (file->write_errno != 0)
    return FALSE;

  if (!write_all (file->fd, data, length))
    {
      file->write_errno = errno != 0 ? errno : EIO;
      return FALSE;
    }

  return TRUE;
}

/*
 * _aims_export_write_file_with:
 * @path: the file to write
 * @func: writes the content, piece by piece, with _aims_export_file_write()
 * @user_data: for @func
 * @error: return location for a #GError
 *
 * aims_export_write_file() for content made while it is written, so that it
 * need not be held in memory whole: the same temporary file in the same
 * folder, flushed and renamed over @path, and the same messages. When @func
 * fails, @path is as it was, no temporary file is left, and its error is
 * returned; a failed write gives the message of aims_export_write_file().
 *
 * Returns: %TRUE on success
 */
gboolean
_aims_export_write_file_with (const char          *path,
                              AimsExportFileFunc   func,
                              gpointer             user_data,
                              GError             **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp = NULL;
  AimsExportFile file = { -1, 0 };
  struct stat target_st;
  int saved_errno;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  if (g_stat (path, &target_st) == 0 && S_ISDIR (target_st.st_mode))
    {
      set_write_error (error, EISDIR, path);
      return FALSE;
    }

  folder = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  tmp = g_strdup_printf ("%s%c.%s.XXXXXX", folder, G_DIR_SEPARATOR, base);
  file.fd = g_mkstemp_full (tmp, O_WRONLY | O_CLOEXEC, 0666);
  if (file.fd < 0)
    {
      set_write_error (error, errno, path);
      return FALSE;
    }

  /* Replacing a file keeps its permissions; a new one follows the umask. */
  if (g_stat (path, &target_st) == 0)
    fchmod (file.fd, target_st.st_mode & 07777);

  if (!func (&file, user_data, &local_error))
    {
      if (file.write_errno == 0 && local_error != NULL)
        {
          close (file.fd);
          g_unlink (tmp);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      errno = file.write_errno != 0 ? file.write_errno : EIO;
      goto failed;
    }

  if (file.write_errno != 0)
    {
      errno = file.write_errno;
      goto failed;
    }

  if (fsync (file.fd) != 0)
    goto failed;

  if (close (file.fd) != 0)
    {
      file.fd = -1;
      goto failed;
    }
  file.fd = -1;

  if (g_rename (tmp, path) != 0)
    goto failed;

  return TRUE;

failed:
  saved_errno = errno;
  if (file.fd >= 0)
    close (file.fd);
  g_unlink (tmp);
  set_write_error (error, saved_errno, path);
  return FALSE;
}

typedef struct
{
  const char *data;
  gsize       length;
} WholeContent;

static gboolean
write_whole (AimsExportFile  *file,
             gpointer         user_data,
             GError         **error)
{
  WholeContent *content = user_data;

  return _aims_export_file_write (file, content->data, content->length);
}

/**
 * aims_export_write_file:
 * @path: the file to write
 * @data: (array length=length): what to write
 * @length: the length of @data
 * @error: return location for a #GError
 *
 * Writes @data to @path as one step: to a temporary file in the same folder,
 * flushed, then renamed over @path. On failure @path is as it was and no
 * temporary file is left behind. A file replaced keeps its permissions; a new
 * one follows the umask. Failures are %G_IO_ERROR, with a message that names
 * the file and says what to do.
 *
 * Returns: %TRUE on success
 */
gboolean
aims_export_write_file (const char  *path,
                        const char  *data,
                        gsize        length,
                        GError     **error)
{
  WholeContent content = { data, length };

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  return _aims_export_write_file_with (path, write_whole, &content, error);
}
