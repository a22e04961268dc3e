/* aims-sqlite.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aims-sqlite"

#include "config.h"

#include "aims-sqlite-private.h"

#include "aims-store.h"

#include <errno.h>
#include <glib/gi18n.h>

/* The hint that follows the technical reason, so each message says what a
 * person can do. */
static const char *
hint_for_code (AimsStoreError code)
{
  switch (code)
    {
    case AIMS_STORE_ERROR_NO_SPACE:
      return _("The disk is full; free some space and try again.");
    case AIMS_STORE_ERROR_BUSY:
      return _("Another program is using the project; try again in a moment.");
    case AIMS_STORE_ERROR_READ_ONLY:
      return _("The working copy cannot be written; check the permissions of your state folder.");
    case AIMS_STORE_ERROR_CORRUPT:
      return _("The working copy is damaged; recover from the last saved file.");
    case AIMS_STORE_ERROR_IO:
      return _("The disk reported an error; check that it is still connected.");
    case AIMS_STORE_ERROR_FAILED:
    case AIMS_STORE_ERROR_NOT_FOUND:
    case AIMS_STORE_ERROR_UNKNOWN_FIELD:
    case AIMS_STORE_ERROR_INVALID_VALUE:
    case AIMS_STORE_ERROR_CONSTRAINT:
    case AIMS_STORE_ERROR_NOTHING_TO_UNDO:
    case AIMS_STORE_ERROR_GROUP_OPEN:
    default:
      return NULL;
    }
}

static AimsStoreError
code_from_sqlite (sqlite3 *db,
                  int      rc)
{
  int sys_errno = db != NULL ? sqlite3_system_errno (db) : 0;

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return AIMS_STORE_ERROR_BUSY;
    case SQLITE_FULL:
      return AIMS_STORE_ERROR_NO_SPACE;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH:
      return AIMS_STORE_ERROR_READ_ONLY;
    case SQLITE_CONSTRAINT:
      return AIMS_STORE_ERROR_CONSTRAINT;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return AIMS_STORE_ERROR_CORRUPT;
    case SQLITE_TOOBIG:
    case SQLITE_MISMATCH:
      return AIMS_STORE_ERROR_INVALID_VALUE;
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
      /* A write that hits the disk quota or a file size limit is a full disk
       * from the person's point of view. */
      if (sys_errno == ENOSPC || sys_errno == EDQUOT || sys_errno == EFBIG)
        return AIMS_STORE_ERROR_NO_SPACE;
      if (sys_errno == EACCES || sys_errno == EPERM || sys_errno == EROFS)
        return AIMS_STORE_ERROR_READ_ONLY;
      return AIMS_STORE_ERROR_IO;
    default:
      return AIMS_STORE_ERROR_FAILED;
    }
}

/*
 * _aims_sqlite_set_error:
 * @rc: the (extended) result code of the failed call
 * @what: what was being done, in words ("Could not save the change")
 *
 * Maps a failure to %AIMS_STORE_ERROR with sqlite's own reason and a hint.
 */
void
_aims_sqlite_set_error (GError     **error,
                        sqlite3     *db,
                        int          rc,
                        const char  *what)
{
  AimsStoreError code;
  const char *reason;
  const char *hint;

  if (error == NULL)
    return;

  if (db != NULL && (rc & 0xff) == (sqlite3_extended_errcode (db) & 0xff))
    rc = sqlite3_extended_errcode (db);

  code = code_from_sqlite (db, rc);
  reason = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);
  hint = hint_for_code (code);

  if (hint != NULL)
    g_set_error (error, AIMS_STORE_ERROR, code, "%s: %s. %s", what, reason, hint);
  else
    g_set_error (error, AIMS_STORE_ERROR, code, "%s: %s.", what, reason);
}

gboolean
_aims_sqlite_exec (sqlite3     *db,
                   const char  *sql,
                   GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      _aims_sqlite_set_error (error, db, rc, _("A database command failed"));
      return FALSE;
    }

  return TRUE;
}

/* Runs a query whose first row's first column is an integer (PRAGMAs, counts). */
gboolean
_aims_sqlite_query_int (sqlite3     *db,
                        const char  *sql,
                        gint64      *value,
                        GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *value = sqlite3_column_int64 (stmt, 0);
          rc = SQLITE_OK;
        }
      else if (rc == SQLITE_DONE)
        {
          *value = 0;
          rc = SQLITE_OK;
        }
    }

  if (rc != SQLITE_OK)
    {
      _aims_sqlite_set_error (error, db, rc, _("A database query failed"));
      sqlite3_finalize (stmt);
      return FALSE;
    }

  sqlite3_finalize (stmt);
  return TRUE;
}

/*
 * _aims_sqlite_harden:
 * @untrusted: the file came from elsewhere: nothing stored in it may run
 *
 * Every connection is defensive (no writable_schema, no shadow-table writes),
 * distrusts functions in the schema and cannot load extensions. An untrusted
 * connection additionally refuses to run triggers and views at all and has
 * tight limits, so a crafted file can neither execute anything nor make us
 * allocate unbounded memory.
 */
gboolean
_aims_sqlite_harden (sqlite3   *db,
                     gboolean   untrusted,
                     GError   **error)
{
  static const struct {
    int op;
    int value;
  } common[] = {
    { SQLITE_DBCONFIG_DEFENSIVE, 1 },
    { SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0 },
    { SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0 },
    { SQLITE_DBCONFIG_DQS_DDL, 0 },
    { SQLITE_DBCONFIG_DQS_DML, 0 },
  }, hostile[] = {
    { SQLITE_DBCONFIG_ENABLE_TRIGGER, 0 },
    { SQLITE_DBCONFIG_ENABLE_VIEW, 0 },
    { SQLITE_DBCONFIG_ENABLE_FKEY, 0 },
  };
  static const struct {
    int id;
    int value;
  } limits[] = {
    { SQLITE_LIMIT_LENGTH, AIMS_UNTRUSTED_MAX_LENGTH },
    { SQLITE_LIMIT_SQL_LENGTH, 1024 * 1024 },
    { SQLITE_LIMIT_COLUMN, 500 },
    { SQLITE_LIMIT_EXPR_DEPTH, 100 },
    { SQLITE_LIMIT_COMPOUND_SELECT, 10 },
    { SQLITE_LIMIT_FUNCTION_ARG, 8 },
    { SQLITE_LIMIT_ATTACHED, 0 },
    { SQLITE_LIMIT_LIKE_PATTERN_LENGTH, 100 },
    { SQLITE_LIMIT_VARIABLE_NUMBER, 100 },
    { SQLITE_LIMIT_TRIGGER_DEPTH, 1 },
  };
  int rc;

  for (guint i = 0; i < G_N_ELEMENTS (common); i++)
    {
      rc = sqlite3_db_config (db, common[i].op, common[i].value, NULL);
      if (rc != SQLITE_OK)
        goto failed;
    }

  if (untrusted)
    {
      for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
        {
          rc = sqlite3_db_config (db, hostile[i].op, hostile[i].value, NULL);
          if (rc != SQLITE_OK)
            goto failed;
        }

      for (guint i = 0; i < G_N_ELEMENTS (limits); i++)
        sqlite3_limit (db, limits[i].id, limits[i].value);
    }

  return _aims_sqlite_exec (db, "PRAGMA trusted_schema = OFF", error);

failed:
  _aims_sqlite_set_error (error, db, rc, _("Could not configure the database connection"));
  return FALSE;
}

/* Identifiers come from the static table descriptor only; quoting them is
 * belt and braces, never a licence to pass other names. */
char *
_aims_sqlite_quote (const char *identifier)
{
  GString *quoted = g_string_new ("\"");

  for (const char *p = identifier; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (quoted, '"');
      g_string_append_c (quoted, *p);
    }

  g_string_append_c (quoted, '"');
  return g_string_free (quoted, FALSE);
}

/*
 * _aims_text_for_message:
 *
 * Makes bytes from a file we do not trust safe to show in a message: valid
 * UTF-8, no control characters (NUL included), at most 64 characters.
 */
char *
_aims_text_for_message (const char *bytes,
                        gssize      len)
{
  g_autofree char *valid = NULL;
  GString *out;
  guint n_chars = 0;

  if (bytes == NULL)
    return g_strdup ("");

  if (len < 0)
    len = strlen (bytes);

  valid = g_utf8_make_valid (bytes, len);
  out = g_string_new (NULL);

  /* g_utf8_make_valid() turns embedded NULs into U+FFFD as well. */
  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (n_chars == 64)
        {
          g_string_append (out, "…");
          break;
        }

      g_string_append_unichar (out, g_unichar_iscntrl (c) ? 0xFFFD : c);
      n_chars++;
    }

  return g_string_free (out, FALSE);
}

char *
_aims_format_bytes (guint64 bytes)
{
  return g_format_size_full (bytes, G_FORMAT_SIZE_IEC_UNITS);
}

/* UTC, ISO 8601 to the second: 2026-11-22T14:03:05Z. */
char *
_aims_timestamp_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}
