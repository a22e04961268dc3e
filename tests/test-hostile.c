/* test-hostile.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A corpus of hostile and broken files, generated here. Each is given to
 * aims_project_file_check(), aims_document_open() and `aims check`: none may
 * crash, each must give the right error (and exit status) with a message that
 * names the file, and none may change a byte of the file or of its folder:
 * no -wal, -shm or -journal appears, a journal or WAL beside it stays as it
 * was. Cases about permissions run as nobody when the tests run as root. */

#include "config.h"

#include "aims-test-util.h"

#include "aims-schema-private.h"
#include "aims-store-private.h"

#define OPENS (-1)

typedef enum
{
  CASE_NONE       = 0,
  CASE_UNPRIVILEGED = 1 << 0,   /* root would not notice the permissions */
  CASE_WARNS      = 1 << 1,     /* opens, with a warning */
} CaseFlags;

typedef struct
{
  const char *name;
  const char *file_name;        /* NULL: NAME.aims */
  void      (*build) (const char *base, const char *path);
  int         code;             /* AimsFileError, or OPENS */
  CaseFlags   flags;
  const char *says;             /* the message (or warning) also says this */
  int         allow_code;       /* with ALLOW_EXTRA_OBJECTS, if it differs */
} HostileCase;

typedef struct
{
  const HostileCase *hostile;
  char              *dir;
  char              *path;
  gboolean           allow;
} Run;

/* sqlite helpers: the corpus is made with a plain, trusting connection. */

static void
exec_on (const char *path,
         const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL),
                   ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

static void
copy_file (const char *from,
           const char *to,
           gssize      length)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;

  g_file_get_contents (from, &contents, &len, &error);
  g_assert_no_error (error);
  g_file_set_contents (to, contents, length >= 0 ? MIN ((gsize) length, len) : len, &error);
  g_assert_no_error (error);
}

static void
copy_and_exec (const char *base,
               const char *path,
               const char *sql)
{
  copy_file (base, path, -1);
  exec_on (path, sql);
}

static void
patch_bytes (const char   *path,
             goffset       offset,
             const guchar *bytes,
             gsize         len)
{
  FILE *stream = fopen (path, "r+b");

  g_assert_nonnull (stream);
  g_assert_cmpint (fseek (stream, offset, SEEK_SET), ==, 0);
  g_assert_cmpuint (fwrite (bytes, 1, len, stream), ==, len);
  fclose (stream);
}

static gsize
file_length (const char *path)
{
  struct stat st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_size;
}

/* Builders */

static void
build_zero_bytes (const char *base, const char *path)
{
  g_assert_true (g_file_set_contents (path, "", 0, NULL));
}

static void
build_truncated_half (const char *base, const char *path)
{
  copy_file (base, path, file_length (base) / 2 + 100);
}

static void
build_truncated_at_page (const char *base, const char *path)
{
  copy_file (base, path, 2 * 4096);
}

static void
build_truncated_header (const char *base, const char *path)
{
  copy_file (base, path, 50);
}

static void
build_random_bytes (const char *base, const char *path)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (1234);
  guchar bytes[4096];

  for (guint i = 0; i < sizeof bytes; i++)
    bytes[i] = g_rand_int_range (rand, 0, 256);
  g_assert_true (g_file_set_contents (path, (const char *) bytes, sizeof bytes, NULL));
}

static void
build_png (const char *base, const char *path)
{
  static const guchar png[] = {
    0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
    0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89,
    0, 0, 0, 0, 'I', 'E', 'N', 'D', 0xae, 0x42, 0x60, 0x82,
  };

  g_assert_true (g_file_set_contents (path, (const char *) png, sizeof png, NULL));
}

static void
build_text_file (const char *base, const char *path)
{
  g_assert_true (g_file_set_contents (path, "Dear auditor,\nplease find our AI policy attached.\n",
                                      -1, NULL));
}

static void
build_empty_sqlite (const char *base, const char *path)
{
  exec_on (path, "CREATE TABLE t (x); DROP TABLE t;");
}

static void
build_other_app (const char *base, const char *path)
{
  exec_on (path, "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT);"
                 "INSERT INTO customers (name) VALUES ('Alice');");
}

static void
build_wrong_application_id (const char *base, const char *path)
{
  copy_and_exec (base, path, "PRAGMA application_id = 305419896");
}

static void
build_future_version (const char *base, const char *path)
{
  copy_and_exec (base, path, "PRAGMA user_version = 99");
}

static void
build_version_zero (const char *base, const char *path)
{
  copy_and_exec (base, path, "PRAGMA user_version = 0");
}

static void
build_version_one_with_newer_tables (const char *base, const char *path)
{
  copy_and_exec (base, path, "PRAGMA user_version = 1");
}

static void
build_extra_trigger (const char *base, const char *path)
{
  copy_and_exec (base, path,
                 "CREATE TRIGGER evil AFTER INSERT ON ai_system BEGIN "
                 "  UPDATE project SET organisation = 'pwned'; "
                 "  DELETE FROM change_log; "
                 "END;");
}

static void
build_view_shadowing_table (const char *base, const char *path)
{
  copy_and_exec (base, path,
                 "DROP TABLE ai_system;"
                 "CREATE VIEW ai_system AS SELECT uuid, organisation AS reference, scope AS name "
                 "FROM project;");
}

static void
build_extra_table (const char *base, const char *path)
{
  copy_and_exec (base, path,
                 "CREATE TABLE exfiltrate (secret TEXT); INSERT INTO exfiltrate VALUES ('x');");
}

static void
build_extra_index (const char *base, const char *path)
{
  copy_and_exec (base, path, "CREATE INDEX by_name ON ai_system (name)");
}

static void
build_extra_view (const char *base, const char *path)
{
  copy_and_exec (base, path, "CREATE VIEW everything AS SELECT * FROM ai_system");
}

static void
build_statistics (const char *base, const char *path)
{
  copy_and_exec (base, path, "ANALYZE");
}

static void
build_virtual_table (const char *base, const char *path)
{
  copy_and_exec (base, path, "CREATE VIRTUAL TABLE search USING fts5 (body)");
}

static void
build_autoincrement (const char *base, const char *path)
{
  copy_and_exec (base, path, "CREATE TABLE counter (id INTEGER PRIMARY KEY AUTOINCREMENT);"
                             "INSERT INTO counter DEFAULT VALUES;");
}

static void
build_huge_text_cell (const char *base, const char *path)
{
  copy_and_exec (base, path, "UPDATE project SET scope = printf('%.*c', 100000000, 'x')");
}

static void
build_oversized_name (const char *base, const char *path)
{
  copy_and_exec (base, path,
                 "UPDATE ai_system SET name = printf('%.*c', 300, 'n') WHERE rowid = 1");
}

static void
build_invalid_utf8 (const char *base, const char *path)
{
  copy_and_exec (base, path,
                 "UPDATE ai_system SET name = CAST(X'48C328FF' AS TEXT) WHERE rowid = 1");
}

static void
build_nul_in_text (const char *base, const char *path)
{
  copy_and_exec (base, path,
                 "UPDATE ai_system SET description = CAST(X'41004200' AS TEXT) WHERE rowid = 2");
}

static void
build_nul_in_object_name (const char *base, const char *path)
{
  copy_and_exec (base, path,
                 "CREATE TABLE extra (x);"
                 "PRAGMA writable_schema = ON;"
                 "UPDATE sqlite_master SET name = 'ex' || char(0) || 'tra', tbl_name = 'ex' || "
                 "char(0) || 'tra' "
                 "  WHERE name = 'extra';");
}

static void
build_blob_in_text (const char *base, const char *path)
{
  copy_and_exec (base, path, "UPDATE ai_system SET name = X'0102030405' WHERE rowid = 1");
}

static void
build_bad_choice (const char *base, const char *path)
{
  copy_and_exec (base, path, "PRAGMA ignore_check_constraints = ON;"
                             "UPDATE ai_system SET lifecycle = 'world-domination' WHERE rowid = 1");
}

static void
build_bad_json (const char *base, const char *path)
{
  copy_and_exec (base, path, "UPDATE project SET matrix = '{\"rows\": [1, 2'");
}

static void
build_dangling_foreign_key (const char *base, const char *path)
{
  copy_and_exec (base, path, "PRAGMA foreign_keys = OFF;"
                             "INSERT INTO change_log (changeset, at, author, record_table, "
                             "record_uuid, op) "
                             "VALUES (9999, 'x', 'y', 'ai_system', 'u', 'insert')");
}

static void
build_journal_beside (const char *base, const char *path)
{
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  guchar garbage[1024];

  copy_file (base, path, -1);
  for (guint i = 0; i < sizeof garbage; i++)
    garbage[i] = (i * 7) & 0xff;
  memcpy (garbage, "\xd9\xd5\x05\xf9\x20\xa1\x63\xd7", 8);   /* a journal's magic */
  g_assert_true (g_file_set_contents (journal, (const char *) garbage, sizeof garbage, NULL));
}

/* A real WAL holding a committed change the file itself does not have yet. */
static void
build_wal_beside (const char *base, const char *path)
{
  g_autofree char *work = g_strconcat (path, ".work", NULL);
  g_autofree char *work_wal = g_strconcat (work, "-wal", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *work_shm = g_strconcat (work, "-shm", NULL);
  sqlite3 *db = NULL;

  copy_file (base, work, -1);
  g_assert_cmpint (sqlite3_open_v2 (work, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0;"
                                     "UPDATE project SET organisation = 'only in the WAL';",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  copy_file (work, path, -1);
  copy_file (work_wal, wal, -1);
  sqlite3_close (db);
  g_unlink (work);
  g_unlink (work_wal);
  g_unlink (work_shm);
}

static void
build_wal_mode_header (const char *base, const char *path)
{
  copy_and_exec (base, path, "PRAGMA journal_mode = WAL");
}

static void
build_read_only_file (const char *base, const char *path)
{
  copy_file (base, path, -1);
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
}

static void
build_unreadable_file (const char *base, const char *path)
{
  copy_file (base, path, -1);
  g_assert_cmpint (g_chmod (path, 0), ==, 0);
}

static void
build_in_closed_folder (const char *base, const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  copy_file (base, path, -1);
  g_assert_cmpint (g_chmod (folder, 0), ==, 0);
}

static void
build_in_read_only_folder (const char *base, const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  copy_file (base, path, -1);
  g_assert_cmpint (g_chmod (folder, 0555), ==, 0);
}

static void
build_directory (const char *base, const char *path)
{
  g_assert_cmpint (g_mkdir (path, 0755), ==, 0);
}

static void
build_nothing (const char *base, const char *path)
{
}

static void
build_symlink_loop (const char *base, const char *path)
{
  g_assert_cmpint (symlink (path, path), ==, 0);
}

static void
build_dangling_symlink (const char *base, const char *path)
{
  g_assert_cmpint (symlink ("/nonexistent/elsewhere.aims", path), ==, 0);
}

static void
build_symlink_to_project (const char *base, const char *path)
{
  g_autofree char *target = g_strconcat (path, ".target", NULL);

  copy_file (base, target, -1);
  g_assert_cmpint (symlink (target, path), ==, 0);
}

static void
build_fifo (const char *base, const char *path)
{
  g_assert_cmpint (mkfifo (path, 0644), ==, 0);
}

static void
build_page_count_lie (const char *base, const char *path)
{
  static const guchar lie[] = { 0x00, 0xff, 0xff, 0xff };

  copy_file (base, path, -1);
  patch_bytes (path, 28, lie, sizeof lie);
}

static void
build_corrupt_page (const char *base, const char *path)
{
  guchar garbage[4096];

  memset (garbage, 0x55, sizeof garbage);
  copy_file (base, path, -1);
  g_assert_cmpuint (file_length (path), >=, 4 * sizeof garbage);
  patch_bytes (path, 2 * sizeof garbage, garbage, sizeof garbage);
}

static void
build_utf16 (const char *base, const char *path)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA encoding = 'UTF-16le'", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  g_assert_true (_aims_schema_migrate (_aims_schema_get_default (), db, AIMS_FORMAT_VERSION, NULL,
                                       &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (db,
                                 "INSERT INTO project (uuid, format_version, app_version, "
                                 "created, modified) "
                                 "VALUES ('5d0c8e0a-0000-4000-8000-000000000000', 2, 'x', 'c', "
                                 "'m')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
build_extra_column (const char *base, const char *path)
{
  copy_and_exec (base, path, "ALTER TABLE ai_system ADD COLUMN payload TEXT");
}

static void
build_missing_table (const char *base, const char *path)
{
  copy_and_exec (base, path, "DROP TABLE ai_system");
}

static void
build_no_project_row (const char *base, const char *path)
{
  copy_and_exec (base, path, "DELETE FROM project");
}

static void
build_two_project_rows (const char *base, const char *path)
{
  copy_and_exec (base, path,
                 "INSERT INTO project (uuid, organisation, format_version, app_version, created, "
                 "modified) "
                 "VALUES ('5d0c8e0a-0000-4000-8000-000000000000', 'Impostor', 2, 'x', 'c', 'm')");
}

static void
build_valid (const char *base, const char *path)
{
  copy_file (base, path, -1);
}

static const HostileCase cases[] = {
  { "zero-bytes", NULL, build_zero_bytes, AIMS_FILE_ERROR_NOT_DATABASE, 0, "empty", 0 },
  { "truncated-half", NULL, build_truncated_half, AIMS_FILE_ERROR_DAMAGED, 0, "cut off", 0 },
  { "truncated-at-page", NULL, build_truncated_at_page, AIMS_FILE_ERROR_DAMAGED, 0,
    "shorter than its header", 0 },
  { "truncated-header", NULL, build_truncated_header, AIMS_FILE_ERROR_DAMAGED, 0,
    "database header", 0 },
  { "random-bytes", NULL, build_random_bytes, AIMS_FILE_ERROR_NOT_DATABASE, 0, "not a database",
    0 },
  { "png-renamed", NULL, build_png, AIMS_FILE_ERROR_NOT_DATABASE, 0, "not a database", 0 },
  { "text-file", NULL, build_text_file, AIMS_FILE_ERROR_NOT_DATABASE, 0, "not a database", 0 },
  { "empty-sqlite", NULL, build_empty_sqlite, AIMS_FILE_ERROR_NOT_PROJECT, 0, "another program",
    0 },
  { "other-application", NULL, build_other_app, AIMS_FILE_ERROR_NOT_PROJECT, 0, "another program",
    0 },
  { "wrong-application-id", NULL, build_wrong_application_id, AIMS_FILE_ERROR_NOT_PROJECT, 0, NULL,
    0 },
  { "future-user-version", NULL, build_future_version, AIMS_FILE_ERROR_NEWER_VERSION, 0,
    "file format 99", 0 },
  { "user-version-zero", NULL, build_version_zero, AIMS_FILE_ERROR_NOT_PROJECT, 0,
    "no file format version", 0 },
  { "format-1-with-format-2-tables", NULL, build_version_one_with_newer_tables,
    AIMS_FILE_ERROR_UNEXPECTED_OBJECTS, 0, "table “ai_system”", OPENS },
  { "trigger-writes-on-insert", NULL, build_extra_trigger, AIMS_FILE_ERROR_UNEXPECTED_OBJECTS, 0,
    "trigger “evil” on table “ai_system”", OPENS },
  { "view-shadowing-table", NULL, build_view_shadowing_table, AIMS_FILE_ERROR_UNEXPECTED_CONTENT, 0,
    "view “ai_system”", 0 },
  { "extra-table", NULL, build_extra_table, AIMS_FILE_ERROR_UNEXPECTED_OBJECTS, 0,
    "table “exfiltrate”", OPENS },
  { "extra-index", NULL, build_extra_index, AIMS_FILE_ERROR_UNEXPECTED_OBJECTS, 0,
    "index “by_name” on table “ai_system”", OPENS },
  { "extra-view", NULL, build_extra_view, AIMS_FILE_ERROR_UNEXPECTED_OBJECTS, 0,
    "view “everything”", OPENS },
  { "statistics-table", NULL, build_statistics, AIMS_FILE_ERROR_UNEXPECTED_OBJECTS, 0,
    "sqlite_stat1", OPENS },
  { "virtual-table", NULL, build_virtual_table, AIMS_FILE_ERROR_UNEXPECTED_OBJECTS, 0,
    "table “search”",
    AIMS_FILE_ERROR_UNEXPECTED_CONTENT },
  { "autoincrement-sequence", NULL, build_autoincrement, AIMS_FILE_ERROR_UNEXPECTED_OBJECTS, 0,
    "sqlite_sequence", AIMS_FILE_ERROR_UNEXPECTED_CONTENT },
  { "100-mb-text-cell", NULL, build_huge_text_cell, AIMS_FILE_ERROR_UNEXPECTED_CONTENT, 0,
    "field “scope” in table “project”", 0 },
  { "oversized-name", NULL, build_oversized_name, AIMS_FILE_ERROR_UNEXPECTED_CONTENT, 0,
    "field “name” in table “ai_system” holds 300 bytes; the limit is 256 bytes", 0 },
  { "invalid-utf8", NULL, build_invalid_utf8, AIMS_FILE_ERROR_UNEXPECTED_CONTENT, 0,
    "not valid UTF-8", 0 },
  { "nul-in-text", NULL, build_nul_in_text, AIMS_FILE_ERROR_UNEXPECTED_CONTENT, 0, "NUL byte", 0 },
  { "nul-in-object-name", NULL, build_nul_in_object_name, AIMS_FILE_ERROR_DAMAGED, 0, "malformed",
    0 },
  { "blob-in-text-field", NULL, build_blob_in_text, AIMS_FILE_ERROR_UNEXPECTED_CONTENT, 0,
    "wrong type", 0 },
  { "value-not-allowed", NULL, build_bad_choice, AIMS_FILE_ERROR_UNEXPECTED_CONTENT, 0,
    "world-domination", 0 },
  { "invalid-json", NULL, build_bad_json, AIMS_FILE_ERROR_UNEXPECTED_CONTENT, 0, "JSON", 0 },
  { "dangling-foreign-key", NULL, build_dangling_foreign_key, AIMS_FILE_ERROR_DAMAGED, 0,
    "“change_log”", 0 },
  { "journal-beside", NULL, build_journal_beside, OPENS, CASE_WARNS, "-journal", 0 },
  { "wal-beside", NULL, build_wal_beside, OPENS, CASE_WARNS, "-wal", 0 },
  { "wal-mode-header", NULL, build_wal_mode_header, OPENS, 0, NULL, 0 },
  { "read-only-file", NULL, build_read_only_file, OPENS, CASE_UNPRIVILEGED, NULL, 0 },
  { "unreadable-file", NULL, build_unreadable_file, AIMS_FILE_ERROR_PERMISSION, CASE_UNPRIVILEGED,
    "permission to read it", 0 },
  { "in-closed-folder", "closed/project.aims", build_in_closed_folder, AIMS_FILE_ERROR_PERMISSION,
    CASE_UNPRIVILEGED, "the folder it is in", 0 },
  { "in-read-only-folder", "locked/project.aims", build_in_read_only_folder, OPENS,
    CASE_UNPRIVILEGED, NULL, 0 },
  { "path-is-directory", NULL, build_directory, AIMS_FILE_ERROR_IS_DIRECTORY, 0, "is a folder", 0 },
  { "does-not-exist", NULL, build_nothing, AIMS_FILE_ERROR_NOT_FOUND, 0, "no such file", 0 },
  { "symlink-loop", NULL, build_symlink_loop, AIMS_FILE_ERROR_NOT_FOUND, 0, "symbolic links", 0 },
  { "dangling-symlink", NULL, build_dangling_symlink, AIMS_FILE_ERROR_NOT_FOUND, 0, "no such file",
    0 },
  { "symlink-to-project", NULL, build_symlink_to_project, OPENS, 0, NULL, 0 },
  { "named-pipe", NULL, build_fifo, AIMS_FILE_ERROR_NOT_DATABASE, 0, "not a regular file", 0 },
  { "page-count-lie", NULL, build_page_count_lie, AIMS_FILE_ERROR_DAMAGED, 0,
    "shorter than its header", 0 },
  { "corrupt-page", NULL, build_corrupt_page, AIMS_FILE_ERROR_DAMAGED, 0, NULL, 0 },
  { "utf16-database", NULL, build_utf16, AIMS_FILE_ERROR_UNEXPECTED_CONTENT, 0, "UTF-16", 0 },
  { "extra-column", NULL, build_extra_column, AIMS_FILE_ERROR_UNEXPECTED_CONTENT, 0,
    "definition of table “ai_system”", 0 },
  { "missing-table", NULL, build_missing_table, AIMS_FILE_ERROR_DAMAGED, 0, "is missing", 0 },
  { "no-project-row", NULL, build_no_project_row, AIMS_FILE_ERROR_DAMAGED, 0, "0 project records",
    0 },
  { "two-project-rows", NULL, build_two_project_rows, AIMS_FILE_ERROR_DAMAGED, 0,
    "2 project records", 0 },
  { "odd-characters", "odd ?#%&=name ünï.aims", build_valid, OPENS, 0, NULL, 0 },
};

/* `aims check` exit statuses, per AimsFileError (see aims-cli-check.c). */
static int
exit_status_for (int code)
{
  switch (code)
    {
    case OPENS:
      return 0;
    case AIMS_FILE_ERROR_NOT_FOUND:
      return 10;
    case AIMS_FILE_ERROR_IS_DIRECTORY:
      return 11;
    case AIMS_FILE_ERROR_PERMISSION:
      return 12;
    case AIMS_FILE_ERROR_NOT_DATABASE:
      return 13;
    case AIMS_FILE_ERROR_NOT_PROJECT:
      return 14;
    case AIMS_FILE_ERROR_NEWER_VERSION:
      return 15;
    case AIMS_FILE_ERROR_DAMAGED:
      return 16;
    case AIMS_FILE_ERROR_UNEXPECTED_CONTENT:
      return 17;
    case AIMS_FILE_ERROR_UNEXPECTED_OBJECTS:
      return 18;
    default:
      g_assert_not_reached ();
    }
}

static void
assert_message (const char *message,
                const char *display,
                const char *says,
                const char *what)
{
  if (strstr (message, display) == NULL)
    g_error ("%s: “%s” does not name the file “%s”", what, message, display);
  if (says != NULL && strstr (message, says) == NULL)
    g_error ("%s: “%s” does not say “%s”", what, message, says);
}

static gboolean
warnings_say (GPtrArray  *warnings,
              const char *says)
{
  for (guint i = 0; warnings != NULL && i < warnings->len; i++)
    if (strstr (g_ptr_array_index (warnings, i), says) != NULL)
      return TRUE;

  return FALSE;
}

/* What the working copy of an opened hostile file must look like. */
static void
assert_opened_safely (const Run    *run,
                      AimsDocument *document)
{
  AimsStore *store = aims_document_get_store (document);
  g_autoptr(GError) error = NULL;
  g_autofree char *project = aims_store_dup_project_uuid (store);
  g_autofree char *organisation = NULL;
  g_autofree char *uuid = NULL;
  g_autoptr(GPtrArray) objects = NULL;
  const GPtrArray *expected = _aims_schema_get_expected (_aims_schema_get_default (),
                                                         AIMS_FORMAT_VERSION, NULL);

  /* Exactly our schema: nothing extra survived into the working copy. */
  objects = _aims_schema_read_objects (_aims_store_get_db (store), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (objects->len, ==, expected->len);

  /* Editing runs nothing from the file. */
  uuid = aims_test_add_system (store, "HOSTILE-1", "Added after opening");
  organisation = aims_store_dup_text (store, "project", project, "organisation", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (organisation, !=, "pwned");
  g_assert_cmpstr (organisation, !=, "only in the WAL");
  g_assert_cmpuint (aims_store_get_last_change_id (store), >, 0);
}

/* Reads every AI system and the project as the window would while the full
 * check runs: the file is not trusted yet, so any of it may fail, but
 * nothing may crash and every text read must be valid UTF-8. */
static void
read_everything (AimsStore *store)
{
  g_autoptr(AimsRecordList) list = aims_record_list_new (store, "ai_system");
  g_autofree char *project = aims_store_dup_project_uuid (store);
  g_autofree char *organisation = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AimsRecord) record = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_autofree char *name = record != NULL ? aims_record_dup_text (record, "name") : NULL;

      g_assert_true (name == NULL || g_utf8_validate (name, -1, NULL));
    }

  aims_record_list_set_search (list, "a");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), <=, n);

  if (project != NULL)
    organisation = aims_store_dup_text (store, "project", project, "organisation", NULL);
  g_assert_true (organisation == NULL || g_utf8_validate (organisation, -1, NULL));
}

/* Opened as the window opens a large file: shown after the cheap checks, the
 * rest checked afterwards. The file is refused for the same reason, with the
 * same message, and nothing can be changed or saved before the check passed. */
static void
check_deferred (const Run  *run,
                int         code,
                const char *display)
{
  const HostileCase *hostile = run->hostile;
  g_autoptr(GFile) file = g_file_new_for_path (run->path);
  g_autoptr(AimsDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *copy_path = NULL;
  g_autoptr(GFile) copy = NULL;
  AimsStore *store;
  gboolean checking;
  gboolean ok;

  document = aims_document_open (file,
                                 AIMS_OPEN_DEFER_CHECK |
                                 (run->allow ? AIMS_OPEN_ALLOW_EXTRA_OBJECTS : AIMS_OPEN_NONE),
                                 "Hostile", &error);
  if (document == NULL)
    {
      /* Refused by the cheap checks already */
      g_assert_cmpint (code, !=, OPENS);
      g_assert_error (error, AIMS_FILE_ERROR, code);
      assert_message (error->message, display, run->allow ? NULL : hostile->says, "deferred open");
      g_assert_cmpuint (aims_test_count_working_copies (), ==, 0);
      return;
    }

  /* A sound file may be known from the steps before: nothing to check */
  store = aims_document_get_store (document);
  checking = aims_document_get_checking (document);
  g_test_message ("%s: shown %s", hostile->name, checking ? "before its full check" : "checked");
  if (checking)
    {
      g_autofree char *project = aims_store_dup_project_uuid (store);

      g_assert_true (aims_document_get_read_only (document));
      g_assert_true (aims_store_get_read_only (store));
      read_everything (store);

      /* No edit, no save, no copy before the check has passed */
      g_assert_false (aims_store_update (store, "project",
                                         project != NULL ? project
                                                         : "5d0c8e0a-0000-4000-8000-00000000000f",
                                         "organisation",
                                         g_variant_new_string ("Edited too early"), &error));
      g_assert_error (error, AIMS_STORE_ERROR, AIMS_STORE_ERROR_READ_ONLY);
      g_clear_error (&error);
      g_assert_false (aims_document_save (document, &error));
      g_assert_error (error, AIMS_FILE_ERROR, AIMS_FILE_ERROR_READ_ONLY);
      g_clear_error (&error);
      copy_path = g_build_filename (run->dir, "saved-too-early.aims", NULL);
      copy = g_file_new_for_path (copy_path);
      g_assert_false (aims_document_save_as (document, copy, &error));
      g_assert_error (error, AIMS_FILE_ERROR, AIMS_FILE_ERROR_READ_ONLY);
      g_assert_nonnull (strstr (error->message, "still being checked"));
      g_assert_false (g_file_test (copy_path, G_FILE_TEST_EXISTS));
      g_clear_error (&error);
    }

  ok = aims_document_check (document, NULL, &error);
  if (code == OPENS)
    {
      g_assert_no_error (error);
      g_assert_true (ok);
      g_assert_false (aims_document_get_checking (document));
      g_assert_true (!checking || aims_document_get_fully_checked (document));
      assert_opened_safely (run, document);
    }
  else
    {
      g_assert_false (ok);
      g_assert_error (error, AIMS_FILE_ERROR, code);
      assert_message (error->message, display, run->allow ? NULL : hostile->says,
                      "deferred check");
      g_assert_true (aims_document_get_checking (document));
      g_assert_true (aims_document_get_read_only (document));
    }
  aims_document_close (document);
  g_assert_cmpuint (aims_test_count_working_copies (), ==, 0);
}

static void
check_everything (gpointer data)
{
  const Run *run = data;
  const HostileCase *hostile = run->hostile;
  int code = run->allow && hostile->allow_code != 0 ? hostile->allow_code : hostile->code;
  g_autofree char *display = g_filename_display_name (run->path);
  g_autoptr(GFile) file = g_file_new_for_path (run->path);
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(AimsDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  gboolean ok;
  int status;

  /* 1. The check. */
  ok = aims_project_file_check (run->path,
                                run->allow ? AIMS_CHECK_ALLOW_EXTRA_OBJECTS : AIMS_CHECK_NONE,
                                &warnings, &error);
  if (code == OPENS)
    {
      g_assert_no_error (error);
      g_assert_true (ok);
      if (hostile->flags & CASE_WARNS)
        g_assert_true (warnings_say (warnings, hostile->says));
      if (run->allow && hostile->code == AIMS_FILE_ERROR_UNEXPECTED_OBJECTS)
        g_assert_true (warnings_say (warnings, hostile->says));
    }
  else
    {
      g_assert_false (ok);
      g_assert_error (error, AIMS_FILE_ERROR, code);
      assert_message (error->message, display, run->allow ? NULL : hostile->says, "check");
    }
  g_clear_error (&error);

  /* 2. Opening it as a document. */
  document = aims_document_open (file,
                                 run->allow ? AIMS_OPEN_ALLOW_EXTRA_OBJECTS : AIMS_OPEN_NONE,
                                 "Hostile", &error);
  if (code == OPENS)
    {
      g_assert_no_error (error);
      g_assert_nonnull (document);
      if (hostile->flags & CASE_WARNS)
        g_assert_true (warnings_say (aims_document_get_warnings (document), hostile->says));
      if (g_str_equal (hostile->name, "read-only-file") && geteuid () != 0)
        g_assert_true (warnings_say (aims_document_get_warnings (document), "read-only"));
      assert_opened_safely (run, document);
      aims_document_close (document);
    }
  else
    {
      g_assert_null (document);
      g_assert_error (error, AIMS_FILE_ERROR, code);
      assert_message (error->message, display, run->allow ? NULL : hostile->says, "open");
    }
  /* A refused file leaves no working copy behind. */
  g_assert_cmpuint (aims_test_count_working_copies (), ==, 0);

  /* 2b. Opening it as the window opens a large file. */
  check_deferred (run, code, display);

  /* 3. The command line. */
  if (run->allow)
    status = aims_test_run_cli (&out, &err, "check", "--allow-extra-objects", run->path, NULL);
  else
    status = aims_test_run_cli (&out, &err, "check", run->path, NULL);
  g_assert_cmpint (status, ==, exit_status_for (code));
  if (code == OPENS)
    {
      g_autofree char *ok_line = g_strdup_printf ("%s: OK — AIMS project, format ", display);

      g_assert_true (g_str_has_prefix (out, ok_line));
      if (hostile->flags & CASE_WARNS)
        g_assert_nonnull (strstr (out, hostile->says));
    }
  else
    assert_message (err, display, run->allow ? NULL : hostile->says, "aims check");
}

/* Everything in the case's folder, and in the file's own folder when it is
 * in a sub-folder we may read. */
static char *
snapshot (const char *dir,
          const char *folder)
{
  g_autofree char *outer = aims_test_snapshot_dir (dir);
  g_autofree char *inner = NULL;

  if (!g_str_equal (folder, dir) && g_access (folder, R_OK | X_OK) == 0)
    inner = aims_test_snapshot_dir (folder);

  return g_strconcat (outer, "\n--\n", inner != NULL ? inner : "", NULL);
}

static void
run_case (gconstpointer data)
{
  const HostileCase *hostile = data;
  g_autofree char *base_dir = aims_test_make_dir ();
  g_autofree char *base = g_build_filename (base_dir, "base.aims", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *folder = NULL;
  Run run = { hostile, NULL, NULL, FALSE };

  aims_test_write_project (base, 3);

  run.dir = aims_test_make_dir ();
  if (hostile->file_name != NULL)
    run.path = g_build_filename (run.dir, hostile->file_name, NULL);
  else
    run.path = g_strdup_printf ("%s/%s.aims", run.dir, hostile->name);
  hostile->build (base, run.path);

  /* Everything in the folder, and in the file's own folder when it is in a
   * sub-folder, stays exactly as it is. */
  folder = g_path_get_dirname (run.path);
  before = snapshot (run.dir, folder);

  for (guint pass = 0; pass < (hostile->allow_code != 0 ? 2 : 1); pass++)
    {
      run.allow = pass == 1;
      if (hostile->flags & CASE_UNPRIVILEGED)
        {
          if (!aims_test_run_unprivileged (check_everything, &run))
            break;
        }
      else
        check_everything (&run);
    }

  after = snapshot (run.dir, folder);
  g_assert_cmpstr (before, ==, after);

  aims_test_remove_tree (run.dir);
  aims_test_remove_tree (base_dir);
  g_free (run.dir);
  g_free (run.path);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_assert_cmpuint (G_N_ELEMENTS (cases), >=, 30);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/hostile/%s", cases[i].name);

      g_test_add_data_func (path, &cases[i], run_case);
    }

  return g_test_run ();
}
