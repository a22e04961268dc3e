/* test-schema.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The file format: migrations, the descriptor, upgrades of old files and the
 * refusal of newer ones.
 *
 * tests/data/project-v1.aims was written by format 1 alone:
 *
 *   build/tests/test-schema --write-v1-fixture tests/data/project-v1.aims
 *
 * Never regenerate it once committed: it stands for files people already
 * have. A later format adds its own fixture, written by the previous one. */

#include "config.h"

#include "aims-test-util.h"

#include "aims-schema-private.h"
#include "aims-store-private.h"

#define FIXTURE_PROJECT "7d4b3c2a-1e0f-4a9b-8c7d-6e5f4a3b2c1d"

static sqlite3 *
open_memory (void)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                                    NULL),
                   ==, SQLITE_OK);
  return db;
}

static void
exec_ok (sqlite3    *db,
         const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static gint64
query_int (sqlite3    *db,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

static char *
query_text (sqlite3    *db,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  return value;
}

/* What AIMS Workbench wrote with format 1: the schema of migration 1, one
 * project created and edited, and the change log of those edits. */
static int
write_v1_fixture (const char *path)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  g_unlink (path);
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL),
                   ==, SQLITE_OK);
  if (!_aims_schema_migrate (_aims_schema_get_default (), db, 1, "Fixture Author", &error))
    g_error ("%s", error->message);

  exec_ok (db,
           "BEGIN;"
           "INSERT INTO project (uuid, organisation, scope, exclusions, matrix, format_version, "
           "  app_version, created, modified, author) VALUES ('" FIXTURE_PROJECT "', "
           "  'Fixture Mutual Ltd', 'Scope written by format 1 — ünïcødé ✓', 'The life business', "
           "  NULL, 1, '0.0.1', '2026-01-05T09:00:00Z', '2026-01-05T09:10:00Z', 'Fixture Author');"
           "INSERT INTO changeset (id, at, author, label, kind) VALUES "
           "  (1, '2026-01-05T09:00:00Z', 'Fixture Author', 'Create the project', 'edit'),"
           "  (2, '2026-01-05T09:10:00Z', 'Fixture Author', 'Change “Scope” of the project', "
           "'edit');"
           "INSERT INTO change_log (changeset, at, author, record_table, record_uuid, op, field, "
           "  old_value, new_value) VALUES "
           "  (1, '2026-01-05T09:00:00Z', 'Fixture Author', 'project', '" FIXTURE_PROJECT "', "
           "   'insert', 'organisation', NULL, ''),"
           "  (1, '2026-01-05T09:00:00Z', 'Fixture Author', 'project', '" FIXTURE_PROJECT "', "
           "   'insert', 'scope', NULL, ''),"
           "  (1, '2026-01-05T09:00:00Z', 'Fixture Author', 'project', '" FIXTURE_PROJECT "', "
           "   'insert', 'exclusions', NULL, ''),"
           "  (1, '2026-01-05T09:00:00Z', 'Fixture Author', 'project', '" FIXTURE_PROJECT "', "
           "   'insert', 'matrix', NULL, NULL),"
           "  (2, '2026-01-05T09:10:00Z', 'Fixture Author', 'project', '" FIXTURE_PROJECT "', "
           "   'update', 'scope', '', 'Scope written by format 1 — ünïcødé ✓');"
           "UPDATE project SET organisation = 'Fixture Mutual Ltd', exclusions = 'The life "
           "business';"
           "COMMIT;"
           "VACUUM;");
  sqlite3_close (db);

  g_print ("Wrote %s (file format 1)\n", path);
  return 0;
}

static char *
copy_fixture (const char *dir)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "project-v1.aims", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  char *target = g_build_filename (dir, "old.aims", NULL);
  gsize len;

  g_file_get_contents (source, &contents, &len, &error);
  g_assert_no_error (error);
  g_file_set_contents (target, contents, len, &error);
  g_assert_no_error (error);

  return target;
}

/* The descriptor and the migrations describe the same tables and columns. */
static void
test_descriptor_matches_database (void)
{
  const AimsSchemaDef *def = _aims_schema_get_default ();
  g_autoptr(GError) error = NULL;
  sqlite3 *db = open_memory ();
  sqlite3_stmt *stmt = NULL;

  g_assert_true (_aims_schema_migrate (def, db, def->version, NULL, &error));
  g_assert_no_error (error);

  for (guint t = 0; t < def->n_tables; t++)
    {
      const AimsTableInfo *table = &def->tables[t];
      guint column = 0;

      g_assert_cmpint (sqlite3_prepare_v2 (db,
                                           "SELECT name, \"notnull\", pk FROM pragma_table_info(?)",
                                           -1, &stmt, NULL), ==, SQLITE_OK);
      sqlite3_bind_text (stmt, 1, table->name, -1, SQLITE_STATIC);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *name = (const char *) sqlite3_column_text (stmt, 0);
          gboolean not_null = sqlite3_column_int (stmt, 1) || sqlite3_column_int (stmt, 2);
          const AimsFieldInfo *field;

          g_assert_cmpuint (column, <, table->n_fields);
          field = &table->fields[column++];
          g_assert_cmpstr (name, ==, field->name);
          if (not_null != ((field->flags & AIMS_FIELD_FLAG_NOT_NULL) != 0))
            g_error ("%s.%s: NOT NULL in SQL is %d, in the descriptor %d", table->name, name,
                     not_null,
                     (field->flags & AIMS_FIELD_FLAG_NOT_NULL) != 0);
          g_assert_cmpuint (field->since, <=, def->version);
          g_assert_cmpuint (field->since, >=, table->since);
          if (field->kind == AIMS_FIELD_TEXT || field->kind == AIMS_FIELD_JSON ||
              field->kind == AIMS_FIELD_ANY)
            g_assert_cmpuint (field->max_bytes, >, 0);
        }
      sqlite3_finalize (stmt);
      g_assert_cmpuint (column, ==, table->n_fields);

      if (table->kind != AIMS_TABLE_INTERNAL)
        {
          g_assert_nonnull (aims_table_info_lookup_field (table, "uuid"));
          g_assert_nonnull (aims_table_info_lookup_field (table, "created"));
          g_assert_nonnull (aims_table_info_lookup_field (table, "modified"));
          g_assert_nonnull (aims_table_info_lookup_field (table, "author"));
        }
    }

  /* Every table in the database is in the descriptor. */
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_master WHERE type = 'table'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_assert_nonnull (aims_schema_lookup_table ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);

  g_assert_null (aims_schema_lookup_table ("sqlite_master"));
  g_assert_cmpstr (aims_field_kind_to_string (AIMS_FIELD_JSON), ==, "json");
  sqlite3_close (db);
}

static void
test_expected_is_cached (void)
{
  const AimsSchemaDef *def = _aims_schema_get_default ();
  g_autoptr(GError) error = NULL;
  const GPtrArray *first = _aims_schema_get_expected (def, def->version, &error);
  const GPtrArray *second = _aims_schema_get_expected (def, def->version, &error);

  g_assert_no_error (error);
  g_assert_nonnull (first);
  g_assert_true (first == second);
  g_assert_cmpuint (first->len, >=, 4);
}

static gboolean
same_objects (const GPtrArray *a,
              const GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;

  for (guint i = 0; i < a->len; i++)
    {
      const AimsSchemaObject *x = g_ptr_array_index (a, i);
      const AimsSchemaObject *y = g_ptr_array_index (b, i);

      if (!g_str_equal (x->type, y->type) || !g_str_equal (x->name, y->name) ||
          !g_str_equal (x->tbl_name, y->tbl_name) || g_strcmp0 (x->sql, y->sql) != 0)
        return FALSE;
    }

  return TRUE;
}

/* From every older format, with data in it, each migration keeps the data
 * and the result is exactly the schema of a new file. */
static void
test_each_migration (void)
{
  const AimsSchemaDef *def = _aims_schema_get_default ();

  for (guint from = 1; from < def->version; from++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) objects = NULL;
      g_autofree char *scope = NULL;
      sqlite3 *db = open_memory ();

      g_assert_true (_aims_schema_migrate (def, db, from, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpint (query_int (db, "PRAGMA user_version"), ==, from);

      exec_ok (db,
               "INSERT INTO project (uuid, scope, format_version, app_version, created, modified) "
               "VALUES ('" FIXTURE_PROJECT "', 'kept', 1, 'x', 'c', 'm');"
               "INSERT INTO changeset (at, author, label, kind) VALUES ('a', 'b', 'c', 'edit');"
               "INSERT INTO change_log (changeset, at, author, record_table, record_uuid, op) "
               "VALUES (1, 'a', 'b', 'project', '" FIXTURE_PROJECT "', 'insert');");

      g_assert_true (_aims_schema_migrate (def, db, def->version, "Upgrader", &error));
      g_assert_no_error (error);
      g_assert_cmpint (query_int (db, "PRAGMA user_version"), ==, def->version);
      g_assert_cmpint (query_int (db, "PRAGMA application_id"), ==, AIMS_APPLICATION_ID);

      scope = query_text (db, "SELECT scope FROM project");
      g_assert_cmpstr (scope, ==, "kept");
      g_assert_cmpint (query_int (db, "SELECT count(*) FROM change_log"), ==, 1);
      g_assert_cmpint (query_int (db, "SELECT count(*) FROM changeset WHERE kind = 'migration' "
                                      "AND author = 'Upgrader'"),
                       ==, def->version - from);

      objects = _aims_schema_read_objects (db, &error);
      g_assert_no_error (error);
      g_assert_true (same_objects (objects, _aims_schema_get_expected (def, def->version, NULL)));

      sqlite3_close (db);
    }
}

static void
test_migrate_refuses_foreign_database (void)
{
  const AimsSchemaDef *def = _aims_schema_get_default ();
  g_autoptr(GError) error = NULL;
  sqlite3 *db = open_memory ();

  exec_ok (db, "CREATE TABLE customers (id INTEGER PRIMARY KEY)");
  g_assert_false (_aims_schema_migrate (def, db, def->version, NULL, &error));
  g_assert_error (error, AIMS_STORE_ERROR, AIMS_STORE_ERROR_FAILED);
  g_clear_error (&error);

  exec_ok (db, "PRAGMA user_version = 1");
  g_assert_false (_aims_schema_migrate (def, db, def->version, NULL, &error));
  g_assert_error (error, AIMS_STORE_ERROR, AIMS_STORE_ERROR_FAILED);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM sqlite_master"), ==, 1);

  sqlite3_close (db);
}

/* The committed format 1 file opens, is upgraded in the working copy only,
 * keeps its data and history, and saves as the current format. */
static void
test_upgrade_v1_fixture (void)
{
  g_autofree char *dir = aims_test_make_dir ();
  g_autofree char *path = copy_fixture (dir);
  g_autofree char *saved = g_build_filename (dir, "upgraded.aims", NULL);
  g_autofree char *before = aims_test_sha256_file (path);
  g_autofree char *after = NULL;
  g_autoptr(AimsProjectFileInfo) info = NULL;
  g_autoptr(AimsDocument) document = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) target = g_file_new_for_path (saved);
  g_autoptr(GError) error = NULL;
  g_autofree char *scope = NULL;
  g_autofree char *organisation = NULL;
  g_autofree char *uuid = NULL;
  AimsStore *store;
  sqlite3 *db;

  g_assert_true (aims_project_file_check_full (path, AIMS_CHECK_NONE, &info, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (info->format_version, ==, 1);
  g_assert_cmpstr (info->organisation, ==, "Fixture Mutual Ltd");
  g_assert_cmpstr (info->uuid, ==, FIXTURE_PROJECT);
  g_assert_cmpuint (info->n_changes, ==, 5);

  document = aims_document_open (file, AIMS_OPEN_NONE, "Upgrader", &error);
  g_assert_no_error (error);
  store = aims_document_get_store (document);
  db = _aims_store_get_db (store);

  g_assert_cmpint (query_int (db, "PRAGMA user_version"), ==, AIMS_FORMAT_VERSION);
  g_assert_false (aims_document_get_modified (document));
  g_assert_false (aims_store_get_can_undo (store));

  uuid = aims_store_dup_project_uuid (store);
  scope = aims_store_dup_text (store, "project", uuid, "scope", &error);
  organisation = aims_store_dup_text (store, "project", uuid, "organisation", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (uuid, ==, FIXTURE_PROJECT);
  g_assert_cmpstr (scope, ==, "Scope written by format 1 — ünïcødé ✓");
  g_assert_cmpstr (organisation, ==, "Fixture Mutual Ltd");
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM change_log"), ==, 5);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM changeset WHERE kind = 'migration' "
                                  "AND label LIKE '%1 to 2%' AND author = 'Upgrader'"), ==, 1);

  {
    g_autoptr(GListModel) history = aims_store_list_history (store, uuid);

    g_assert_cmpuint (g_list_model_get_n_items (history), ==, 5);
  }

  /* The new table works. */
  {
    g_autofree char *system = aims_test_add_system (store, "SYS-001", "Added after the upgrade");

    g_assert_cmpuint (aims_store_count (store, "ai_system"), ==, 1);
  }

  /* The original is never written by opening. */
  after = aims_test_sha256_file (path);
  g_assert_cmpstr (before, ==, after);

  g_assert_true (aims_document_save_as (document, target, &error));
  g_assert_no_error (error);
  aims_document_close (document);

  g_clear_pointer (&info, aims_project_file_info_free);
  g_assert_true (aims_project_file_check_full (saved, AIMS_CHECK_NONE, &info, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (info->format_version, ==, AIMS_FORMAT_VERSION);
  g_assert_cmpuint (info->n_ai_systems, ==, 1);
  g_assert_cmpstr (info->app_version, ==, PACKAGE_VERSION);

  {
    sqlite3 *check = NULL;

    g_assert_cmpint (sqlite3_open_v2 (saved, &check, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
    g_assert_cmpint (query_int (check, "SELECT format_version FROM project"), ==,
                     AIMS_FORMAT_VERSION);
    sqlite3_close (check);
  }

  aims_test_remove_tree (dir);
}

/* A file from a newer version is refused, naming the version it needs. */
static void
test_newer_version_refused (void)
{
  g_autofree char *dir = aims_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "future.aims", NULL);
  g_autofree char *display = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(AimsDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  int status;

  aims_test_write_project (path, 1);
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  {
    g_autofree char *pragma = g_strdup_printf ("PRAGMA user_version = %u", AIMS_FORMAT_VERSION + 1);

    exec_ok (db, pragma);
  }
  sqlite3_close (db);

  display = g_filename_display_name (path);
  expected = g_strdup_printf ("“%s” was made by a newer version of AIMS Workbench (file format %u); "
                              "this version reads up to format %u. Update AIMS Workbench to open "
                              "it.",
                              display, AIMS_FORMAT_VERSION + 1, AIMS_FORMAT_VERSION);

  g_assert_false (aims_project_file_check (path, AIMS_CHECK_NONE, NULL, &error));
  g_assert_error (error, AIMS_FILE_ERROR, AIMS_FILE_ERROR_NEWER_VERSION);
  g_assert_cmpstr (error->message, ==, expected);
  g_clear_error (&error);

  document = aims_document_open (file, AIMS_OPEN_NONE, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, AIMS_FILE_ERROR, AIMS_FILE_ERROR_NEWER_VERSION);
  g_assert_cmpuint (aims_test_count_working_copies (), ==, 0);

  status = aims_test_run_cli (NULL, &err, "check", path, NULL);
  g_assert_cmpint (status, ==, 15);
  {
    g_autofree char *newer = g_strdup_printf ("file format %u", AIMS_FORMAT_VERSION + 1);

    g_assert_nonnull (strstr (err, newer));
  }

  aims_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], "--write-v1-fixture"))
    return write_v1_fixture (argv[2]);

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/schema/descriptor-matches-database", test_descriptor_matches_database);
  g_test_add_func ("/schema/expected-is-cached", test_expected_is_cached);
  g_test_add_func ("/schema/each-migration", test_each_migration);
  g_test_add_func ("/schema/migrate-refuses-foreign-database",
                   test_migrate_refuses_foreign_database);
  g_test_add_func ("/schema/upgrade-v1-fixture", test_upgrade_v1_fixture);
  g_test_add_func ("/schema/newer-version-refused", test_newer_version_refused);

  return g_test_run ();
}
