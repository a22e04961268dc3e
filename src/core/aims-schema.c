/* aims-schema.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aims-schema"

#include "config.h"

#include "aims-schema-private.h"

#include "aims-sqlite-private.h"
#include "aims-store.h"

#include <glib/gi18n.h>

/*
 * The file format. Each migration is one SQL script that takes the previous
 * format to the next; the runner wraps it in a transaction and sets
 * user_version. Never edit a released migration: a new format is a new entry.
 *
 * Tables are plain (not STRICT) and their names are words, so the file opens in
 * any sqlite3. The comments in CREATE TABLE are kept by SQLite in
 * sqlite_master, where they document the columns for other tools.
 */

static const char migration_1[] =
  "CREATE TABLE project (\n"
  "  uuid TEXT PRIMARY KEY NOT NULL,\n"
  "  organisation TEXT NOT NULL DEFAULT '',\n"
  "  scope TEXT NOT NULL DEFAULT '',          -- ISO/IEC 42001 clause 4.3\n"
  "  exclusions TEXT NOT NULL DEFAULT '',\n"
  "  matrix TEXT,                             -- JSON: the risk matrix settings\n"
  "  format_version INTEGER NOT NULL,         -- the file format that wrote it\n"
  "  app_version TEXT NOT NULL,               -- the AIMS Workbench that wrote it\n"
  "  created TEXT NOT NULL,                   -- UTC, ISO 8601\n"
  "  modified TEXT NOT NULL,\n"
  "  author TEXT NOT NULL DEFAULT ''\n"
  ");\n"
  "CREATE TABLE changeset (                   -- one undo step\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  at TEXT NOT NULL,\n"
  "  author TEXT NOT NULL,\n"
  "  label TEXT NOT NULL,\n"
  "  kind TEXT NOT NULL CHECK (kind IN ('edit', 'undo', 'redo', 'import', 'migration'))\n"
  ");\n"
  "CREATE TABLE change_log (                  -- append-only history of every field\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  changeset INTEGER NOT NULL REFERENCES changeset (id),\n"
  "  at TEXT NOT NULL,\n"
  "  author TEXT NOT NULL,\n"
  "  record_table TEXT NOT NULL,\n"
  "  record_uuid TEXT NOT NULL,\n"
  "  op TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),\n"
  "  field TEXT,                              -- NULL: the whole record (bulk import)\n"
  "  old_value,\n"
  "  new_value\n"
  ");\n"
  "CREATE INDEX change_log_record ON change_log (record_uuid, id);\n";

static const char migration_2[] =
  "CREATE TABLE ai_system (                   -- the AI system inventory\n"
  "  uuid TEXT PRIMARY KEY NOT NULL,\n"
  "  reference TEXT NOT NULL UNIQUE,          -- SYS-001\n"
  "  name TEXT NOT NULL,\n"
  "  description TEXT NOT NULL DEFAULT '',\n"
  "  business_owner TEXT NOT NULL DEFAULT '',\n"
  "  lifecycle TEXT NOT NULL DEFAULT 'inception' CHECK (lifecycle IN ('inception',\n"
  "    'design-development', 'verification-validation', 'deployment',\n"
  "    'operation-monitoring', 're-evaluation', 'retirement')),\n"
  "  in_scope INTEGER NOT NULL DEFAULT 1 CHECK (in_scope IN (0, 1)),\n"
  "  created TEXT NOT NULL,\n"
  "  modified TEXT NOT NULL,\n"
  "  author TEXT NOT NULL DEFAULT ''\n"
  ");\n";

static const char * const migrations[] = {
  migration_1,
  migration_2,
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == AIMS_FORMAT_VERSION);

/* ISO/IEC 22989 life cycle stages, as in ISO/IEC 42001 Annex A.6. */
static const char * const lifecycle_choices[] = {
  "inception",
  "design-development",
  "verification-validation",
  "deployment",
  "operation-monitoring",
  "re-evaluation",
  "retirement",
  NULL
};

static const char * const changeset_kinds[] = {
  "edit", "undo", "redo", "import", "migration", NULL
};

static const char * const change_ops[] = {
  "insert", "update", "delete", NULL
};

#define SHORT AIMS_TEXT_LIMIT_SHORT
#define LONG AIMS_TEXT_LIMIT_LONG
#define JSON AIMS_TEXT_LIMIT_JSON
#define NN AIMS_FIELD_FLAG_NOT_NULL
#define SYS (AIMS_FIELD_FLAG_SYSTEM | AIMS_FIELD_FLAG_NOT_NULL)

static const AimsFieldInfo project_fields[] = {
  { "uuid", N_("Identifier"), AIMS_FIELD_TEXT, SYS, SHORT, 1, NULL },
  { "organisation", N_("Organisation"), AIMS_FIELD_TEXT, NN, SHORT, 1, NULL },
  { "scope", N_("Scope"), AIMS_FIELD_TEXT, NN, LONG, 1, NULL },
  { "exclusions", N_("Exclusions"), AIMS_FIELD_TEXT, NN, LONG, 1, NULL },
  { "matrix", N_("Risk matrix"), AIMS_FIELD_JSON, 0, JSON, 1, NULL },
  { "format_version", N_("File format"), AIMS_FIELD_INTEGER, SYS, 0, 1, NULL },
  { "app_version", N_("Saved by version"), AIMS_FIELD_TEXT, SYS, SHORT, 1, NULL },
  { "created", N_("Created"), AIMS_FIELD_TEXT, SYS, SHORT, 1, NULL },
  { "modified", N_("Modified"), AIMS_FIELD_TEXT, SYS, SHORT, 1, NULL },
  { "author", N_("Author"), AIMS_FIELD_TEXT, SYS, SHORT, 1, NULL },
};

static const AimsFieldInfo changeset_fields[] = {
  { "id", N_("Number"), AIMS_FIELD_INTEGER, SYS, 0, 1, NULL },
  { "at", N_("Time"), AIMS_FIELD_TEXT, SYS, SHORT, 1, NULL },
  { "author", N_("Author"), AIMS_FIELD_TEXT, SYS, SHORT, 1, NULL },
  { "label", N_("Description"), AIMS_FIELD_TEXT, SYS, LONG, 1, NULL },
  { "kind", N_("Kind"), AIMS_FIELD_TEXT, SYS, SHORT, 1, changeset_kinds },
};

static const AimsFieldInfo change_log_fields[] = {
  { "id", N_("Number"), AIMS_FIELD_INTEGER, SYS, 0, 1, NULL },
  { "changeset", N_("Change set"), AIMS_FIELD_INTEGER, SYS, 0, 1, NULL },
  { "at", N_("Time"), AIMS_FIELD_TEXT, SYS, SHORT, 1, NULL },
  { "author", N_("Author"), AIMS_FIELD_TEXT, SYS, SHORT, 1, NULL },
  { "record_table", N_("Table"), AIMS_FIELD_TEXT, SYS, SHORT, 1, NULL },
  { "record_uuid", N_("Record"), AIMS_FIELD_TEXT, SYS, SHORT, 1, NULL },
  { "op", N_("Operation"), AIMS_FIELD_TEXT, SYS, SHORT, 1, change_ops },
  { "field", N_("Field"), AIMS_FIELD_TEXT, AIMS_FIELD_FLAG_SYSTEM, SHORT, 1, NULL },
  { "old_value", N_("Old value"), AIMS_FIELD_ANY, AIMS_FIELD_FLAG_SYSTEM, JSON, 1, NULL },
  { "new_value", N_("New value"), AIMS_FIELD_ANY, AIMS_FIELD_FLAG_SYSTEM, JSON, 1, NULL },
};

static const AimsFieldInfo ai_system_fields[] = {
  { "uuid", N_("Identifier"), AIMS_FIELD_TEXT, SYS, SHORT, 2, NULL },
  { "reference", N_("Reference"), AIMS_FIELD_TEXT, NN, SHORT, 2, NULL },
  { "name", N_("Name"), AIMS_FIELD_TEXT, NN, SHORT, 2, NULL },
  { "description", N_("Description"), AIMS_FIELD_TEXT, NN, LONG, 2, NULL },
  { "business_owner", N_("Business owner"), AIMS_FIELD_TEXT, NN, SHORT, 2, NULL },
  { "lifecycle", N_("Life cycle stage"), AIMS_FIELD_TEXT, NN, SHORT, 2, lifecycle_choices },
  { "in_scope", N_("In scope"), AIMS_FIELD_BOOLEAN, NN, 0, 2, NULL },
  { "created", N_("Created"), AIMS_FIELD_TEXT, SYS, SHORT, 2, NULL },
  { "modified", N_("Modified"), AIMS_FIELD_TEXT, SYS, SHORT, 2, NULL },
  { "author", N_("Author"), AIMS_FIELD_TEXT, SYS, SHORT, 2, NULL },
};

#undef SHORT
#undef LONG
#undef JSON
#undef NN
#undef SYS

static const AimsTableInfo tables[] = {
  { "project", N_("project"), AIMS_TABLE_SINGLETON, 1, "organisation",
    project_fields, G_N_ELEMENTS (project_fields) },
  { "changeset", N_("change set"), AIMS_TABLE_INTERNAL, 1, "label",
    changeset_fields, G_N_ELEMENTS (changeset_fields) },
  { "change_log", N_("change"), AIMS_TABLE_INTERNAL, 1, NULL,
    change_log_fields, G_N_ELEMENTS (change_log_fields) },
  { "ai_system", N_("AI system"), AIMS_TABLE_RECORDS, 2, "name",
    ai_system_fields, G_N_ELEMENTS (ai_system_fields) },
};

static const AimsSchemaDef default_schema = {
  AIMS_FORMAT_VERSION,
  migrations,
  tables,
  G_N_ELEMENTS (tables),
};

/* Expected sqlite_master contents, computed once per (schema, version). */
static GMutex expected_lock;
static GHashTable *expected_cache;

const AimsSchemaDef *
_aims_schema_get_default (void)
{
  return &default_schema;
}

const AimsTableInfo *
_aims_schema_def_lookup_table (const AimsSchemaDef *def,
                               const char          *name)
{
  if (name == NULL)
    return NULL;

  for (guint i = 0; i < def->n_tables; i++)
    {
      if (g_str_equal (def->tables[i].name, name))
        return &def->tables[i];
    }

  return NULL;
}

/* The largest text any column of the schema may hold. */
gsize
_aims_schema_def_max_bytes (const AimsSchemaDef *def)
{
  gsize max = 0;

  for (guint i = 0; i < def->n_tables; i++)
    for (guint j = 0; j < def->tables[i].n_fields; j++)
      max = MAX (max, def->tables[i].fields[j].max_bytes);

  return max;
}

/**
 * aims_schema_get_tables:
 * @n_tables: (out): the number of tables
 *
 * The descriptor of every table in the current file format: the only tables
 * and fields the store reads or writes.
 *
 * Returns: (transfer none) (array length=n_tables): the tables
 */
const AimsTableInfo *
aims_schema_get_tables (guint *n_tables)
{
  g_return_val_if_fail (n_tables != NULL, NULL);

  *n_tables = default_schema.n_tables;
  return default_schema.tables;
}

/**
 * aims_schema_lookup_table:
 * @name: a table name
 *
 * Returns: (transfer none) (nullable): the descriptor of @name, or %NULL if
 *   the file format has no such table
 */
const AimsTableInfo *
aims_schema_lookup_table (const char *name)
{
  return _aims_schema_def_lookup_table (&default_schema, name);
}

/**
 * aims_table_info_lookup_field:
 * @table: a table descriptor
 * @name: a column name
 *
 * Returns: (transfer none) (nullable): the descriptor of @name in @table
 */
const AimsFieldInfo *
aims_table_info_lookup_field (const AimsTableInfo *table,
                              const char          *name)
{
  g_return_val_if_fail (table != NULL, NULL);

  if (name == NULL)
    return NULL;

  for (guint i = 0; i < table->n_fields; i++)
    {
      if (g_str_equal (table->fields[i].name, name))
        return &table->fields[i];
    }

  return NULL;
}

/**
 * aims_field_kind_to_string:
 * @kind: a field kind
 *
 * Returns: (transfer none): a short name of @kind ("text", "integer", …)
 */
const char *
aims_field_kind_to_string (AimsFieldKind kind)
{
  switch (kind)
    {
    case AIMS_FIELD_TEXT:
      return "text";
    case AIMS_FIELD_INTEGER:
      return "integer";
    case AIMS_FIELD_BOOLEAN:
      return "boolean";
    case AIMS_FIELD_REAL:
      return "real";
    case AIMS_FIELD_JSON:
      return "json";
    case AIMS_FIELD_ANY:
      return "any";
    default:
      g_return_val_if_reached ("unknown");
    }
}

static gboolean
run_one_migration (const AimsSchemaDef  *def,
                   sqlite3              *db,
                   guint                 from,
                   const char           *author,
                   GError              **error)
{
  g_autofree char *pragma = NULL;
  int rc;

  if (!_aims_sqlite_exec (db, "BEGIN IMMEDIATE", error))
    return FALSE;

  rc = sqlite3_exec (db, def->migrations[from], NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      g_autofree char *what = g_strdup_printf (_("Could not upgrade the file format from %u to %u"),
                                               from, from + 1);

      _aims_sqlite_set_error (error, db, rc, what);
      goto rollback;
    }

  pragma = g_strdup_printf ("PRAGMA user_version = %u", from + 1);
  if (from == 0)
    {
      g_autofree char *app_id = g_strdup_printf ("PRAGMA application_id = %d",
                                                 (int) AIMS_APPLICATION_ID);

      if (!_aims_sqlite_exec (db, app_id, error))
        goto rollback;
    }

  if (!_aims_sqlite_exec (db, pragma, error))
    goto rollback;

  /* An existing project records its upgrade in its history; a new one has no
   * history yet. */
  if (from > 0)
    {
      g_autofree char *at = _aims_timestamp_now ();
      g_autofree char *label = g_strdup_printf (_("Upgrade the file format from %u to %u"),
                                                from, from + 1);
      sqlite3_stmt *stmt = NULL;

      rc = sqlite3_prepare_v2 (db,
                               "INSERT INTO changeset (at, author, label, kind) "
                               "VALUES (?, ?, ?, 'migration')",
                               -1, &stmt, NULL);
      if (rc == SQLITE_OK)
        {
          sqlite3_bind_text (stmt, 1, at, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 2, author != NULL ? author : "", -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 3, label, -1, SQLITE_TRANSIENT);
          rc = sqlite3_step (stmt);
          if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
        }
      sqlite3_finalize (stmt);

      if (rc != SQLITE_OK)
        {
          _aims_sqlite_set_error (error, db, rc, _("Could not record the file format upgrade"));
          goto rollback;
        }
    }

  if (!_aims_sqlite_exec (db, "COMMIT", error))
    goto rollback;

  return TRUE;

rollback:
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

/*
 * _aims_schema_migrate:
 * @target: the format to reach (normally def->version)
 * @author: recorded on the upgrade's changeset
 *
 * Brings a database we trust (a new file, or a working copy whose original
 * passed the checks) to @target, one transaction per step, so a failure leaves
 * it at the last complete format.
 */
gboolean
_aims_schema_migrate (const AimsSchemaDef  *def,
                      sqlite3              *db,
                      guint                 target,
                      const char           *author,
                      GError              **error)
{
  gint64 version = 0;
  gint64 app_id = 0;

  g_assert (target <= def->version);

  if (!_aims_sqlite_query_int (db, "PRAGMA user_version", &version, error) ||
      !_aims_sqlite_query_int (db, "PRAGMA application_id", &app_id, error))
    return FALSE;

  if (version == 0)
    {
      gint64 n_objects = 0;

      if (!_aims_sqlite_query_int (db, "SELECT count(*) FROM sqlite_master", &n_objects, error))
        return FALSE;

      /* Never build a project inside somebody else's database. */
      if (n_objects != 0)
        {
          g_set_error (error, AIMS_STORE_ERROR, AIMS_STORE_ERROR_FAILED,
                       _("The database already holds tables that are not part of an AIMS "
                         "project."));
          return FALSE;
        }
    }
  else if (app_id != AIMS_APPLICATION_ID)
    {
      g_set_error (error, AIMS_STORE_ERROR, AIMS_STORE_ERROR_FAILED,
                   _("The database is not an AIMS project."));
      return FALSE;
    }
  else if (version > target)
    {
      g_set_error (error, AIMS_STORE_ERROR, AIMS_STORE_ERROR_FAILED,
                   _("The database has file format %u; this version reads up to format %u."),
                   (guint) version, target);
      return FALSE;
    }

  for (guint v = version; v < target; v++)
    {
      if (!run_one_migration (def, db, v, author, error))
        return FALSE;
    }

  return TRUE;
}

void
_aims_schema_object_free (AimsSchemaObject *object)
{
  if (object == NULL)
    return;

  g_free (object->type);
  g_free (object->name);
  g_free (object->tbl_name);
  g_free (object->sql);
  g_free (object);
}

/* Copies a column with its exact length, so embedded NULs cannot hide
 * anything from the comparison. */
static char *
dup_column (sqlite3_stmt *stmt,
            int           column,
            gsize        *len)
{
  const char *text;
  int n;

  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    {
      if (len != NULL)
        *len = 0;
      return NULL;
    }

  text = (const char *) sqlite3_column_text (stmt, column);
  n = sqlite3_column_bytes (stmt, column);
  if (len != NULL)
    *len = n;

  return text != NULL ? g_strndup (text, n) : g_strdup ("");
}

/*
 * _aims_schema_read_objects:
 *
 * Returns: (transfer full) (element-type AimsSchemaObject): every row of
 *   sqlite_master, in a stable order
 */
GPtrArray *
_aims_schema_read_objects (sqlite3  *db,
                           GError  **error)
{
  g_autoptr(GPtrArray) objects = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  objects = g_ptr_array_new_with_free_func ((GDestroyNotify) _aims_schema_object_free);
  rc = sqlite3_prepare_v2 (db,
                           "SELECT type, name, tbl_name, sql FROM sqlite_master "
                           "ORDER BY type, name",
                           -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _aims_sqlite_set_error (error, db, rc, _("Could not read the list of tables"));
      return NULL;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AimsSchemaObject *object = g_new0 (AimsSchemaObject, 1);

      object->type = dup_column (stmt, 0, NULL);
      object->name = dup_column (stmt, 1, &object->name_len);
      object->tbl_name = dup_column (stmt, 2, &object->tbl_name_len);
      object->sql = dup_column (stmt, 3, &object->sql_len);
      if (object->type == NULL)
        object->type = g_strdup ("");
      if (object->name == NULL)
        object->name = g_strdup ("");
      if (object->tbl_name == NULL)
        object->tbl_name = g_strdup ("");

      g_ptr_array_add (objects, object);
    }

  if (rc != SQLITE_DONE)
    {
      _aims_sqlite_set_error (error, db, rc, _("Could not read the list of tables"));
      sqlite3_finalize (stmt);
      return NULL;
    }

  sqlite3_finalize (stmt);
  return g_steal_pointer (&objects);
}

static GPtrArray *
compute_expected (const AimsSchemaDef  *def,
                  guint                 version,
                  GError              **error)
{
  sqlite3 *db = NULL;
  GPtrArray *objects = NULL;
  int rc;

  rc = sqlite3_open_v2 (":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK)
    {
      _aims_sqlite_set_error (error, db, rc, _("Could not create a database in memory"));
      sqlite3_close (db);
      return NULL;
    }

  if (_aims_schema_migrate (def, db, version, NULL, error))
    objects = _aims_schema_read_objects (db, error);

  sqlite3_close (db);
  return objects;
}

/*
 * _aims_schema_get_expected:
 *
 * What sqlite_master holds in a file of format @version: exactly what running
 * migrations 1 … @version on an empty database produces. Computed once.
 *
 * Returns: (transfer none) (element-type AimsSchemaObject): the objects
 */
const GPtrArray *
_aims_schema_get_expected (const AimsSchemaDef  *def,
                           guint                 version,
                           GError              **error)
{
  g_autofree char *key = NULL;
  GPtrArray *objects;

  g_return_val_if_fail (version >= 1 && version <= def->version, NULL);

  key = g_strdup_printf ("%p:%u", (gconstpointer) def, version);

  g_mutex_lock (&expected_lock);

  if (expected_cache == NULL)
    expected_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) g_ptr_array_unref);

  objects = g_hash_table_lookup (expected_cache, key);
  if (objects == NULL)
    {
      objects = compute_expected (def, version, error);
      if (objects != NULL)
        g_hash_table_insert (expected_cache, g_steal_pointer (&key), objects);
    }

  g_mutex_unlock (&expected_lock);

  return objects;
}
