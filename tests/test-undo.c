/* test-undo.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Undo and redo of every kind of edit, and what the change log says after
 * each. The store runs on the product schema plus two test tables, "note"
 * (refers to an AI system) and "reply" (refers to a note), so deleting a
 * record with dependents two levels deep is exercised before the real tables
 * that need it (risks, treatments…) arrive. */

#include "config.h"

#include "aims-test-util.h"

#include "aims-schema-private.h"
#include "aims-store-private.h"

static const char migration_test[] =
  "CREATE TABLE note (\n"
  "  uuid TEXT PRIMARY KEY NOT NULL,\n"
  "  system TEXT NOT NULL REFERENCES ai_system (uuid),\n"
  "  text TEXT NOT NULL DEFAULT '',\n"
  "  created TEXT NOT NULL,\n"
  "  modified TEXT NOT NULL,\n"
  "  author TEXT NOT NULL DEFAULT ''\n"
  ");\n"
  "CREATE TABLE reply (\n"
  "  uuid TEXT PRIMARY KEY NOT NULL,\n"
  "  note TEXT NOT NULL REFERENCES note (uuid),\n"
  "  text TEXT NOT NULL DEFAULT '',\n"
  "  created TEXT NOT NULL,\n"
  "  modified TEXT NOT NULL,\n"
  "  author TEXT NOT NULL DEFAULT ''\n"
  ");\n";

static const AimsFieldInfo note_fields[] = {
  { "uuid", "Identifier", AIMS_FIELD_TEXT, AIMS_FIELD_FLAG_SYSTEM | AIMS_FIELD_FLAG_NOT_NULL, 256,
    3, NULL },
  { "system", "AI system", AIMS_FIELD_TEXT, AIMS_FIELD_FLAG_NOT_NULL, 256, 3, NULL },
  { "text", "Text", AIMS_FIELD_TEXT, AIMS_FIELD_FLAG_NOT_NULL, 65536, 3, NULL },
  { "created", "Created", AIMS_FIELD_TEXT, AIMS_FIELD_FLAG_SYSTEM | AIMS_FIELD_FLAG_NOT_NULL, 256,
    3, NULL },
  { "modified", "Modified", AIMS_FIELD_TEXT, AIMS_FIELD_FLAG_SYSTEM | AIMS_FIELD_FLAG_NOT_NULL,
    256, 3, NULL },
  { "author", "Author", AIMS_FIELD_TEXT, AIMS_FIELD_FLAG_SYSTEM | AIMS_FIELD_FLAG_NOT_NULL, 256, 3,
    NULL },
};

static const AimsFieldInfo reply_fields[] = {
  { "uuid", "Identifier", AIMS_FIELD_TEXT, AIMS_FIELD_FLAG_SYSTEM | AIMS_FIELD_FLAG_NOT_NULL, 256,
    3, NULL },
  { "note", "Note", AIMS_FIELD_TEXT, AIMS_FIELD_FLAG_NOT_NULL, 256, 3, NULL },
  { "text", "Text", AIMS_FIELD_TEXT, AIMS_FIELD_FLAG_NOT_NULL, 65536, 3, NULL },
  { "created", "Created", AIMS_FIELD_TEXT, AIMS_FIELD_FLAG_SYSTEM | AIMS_FIELD_FLAG_NOT_NULL, 256,
    3, NULL },
  { "modified", "Modified", AIMS_FIELD_TEXT, AIMS_FIELD_FLAG_SYSTEM | AIMS_FIELD_FLAG_NOT_NULL,
    256, 3, NULL },
  { "author", "Author", AIMS_FIELD_TEXT, AIMS_FIELD_FLAG_SYSTEM | AIMS_FIELD_FLAG_NOT_NULL, 256, 3,
    NULL },
};

static AimsSchemaDef test_schema;

static void
init_test_schema (void)
{
  const AimsSchemaDef *def = _aims_schema_get_default ();
  const char **migrations = g_new0 (const char *, def->version + 1);
  AimsTableInfo *tables = g_new0 (AimsTableInfo, def->n_tables + 2);

  for (guint i = 0; i < def->version; i++)
    migrations[i] = def->migrations[i];
  migrations[def->version] = migration_test;

  for (guint i = 0; i < def->n_tables; i++)
    tables[i] = def->tables[i];
  tables[def->n_tables] = (AimsTableInfo) { "note", "note", AIMS_TABLE_RECORDS, 3, "text",
                                            note_fields, G_N_ELEMENTS (note_fields) };
  tables[def->n_tables + 1] = (AimsTableInfo) { "reply", "reply", AIMS_TABLE_RECORDS, 3, "text",
                                                reply_fields, G_N_ELEMENTS (reply_fields) };

  test_schema.version = def->version + 1;
  test_schema.migrations = migrations;
  test_schema.tables = tables;
  test_schema.n_tables = def->n_tables + 2;
}

typedef struct
{
  char      *dir;
  AimsStore *store;
  char      *project;
  guint      undo_notifications;
  guint      redo_notifications;
} Fixture;

static void
on_notify_cb (GObject    *object,
              GParamSpec *pspec,
              Fixture    *fixture)
{
  if (g_str_equal (pspec->name, "can-undo"))
    fixture->undo_notifications++;
  else
    fixture->redo_notifications++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = aims_test_make_dir ();
  path = g_build_filename (fixture->dir, "undo.sqlite", NULL);
  fixture->store = _aims_store_new_full (path, &test_schema, "Ada", &error);
  g_assert_no_error (error);
  g_assert_true (_aims_store_create_project (fixture->store, &error));
  g_assert_no_error (error);
  fixture->project = aims_store_dup_project_uuid (fixture->store);

  g_signal_connect (fixture->store, "notify::can-undo", G_CALLBACK (on_notify_cb), fixture);
  g_signal_connect (fixture->store, "notify::can-redo", G_CALLBACK (on_notify_cb), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  aims_test_remove_tree (fixture->dir);
  g_free (fixture->project);
  g_free (fixture->dir);
}

static char *
query_text (AimsStore  *store,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  GString *out = g_string_new (NULL);
  int n;

  g_assert_cmpint (sqlite3_prepare_v2 (_aims_store_get_db (store), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  n = sqlite3_column_count (stmt);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < n; i++)
        g_string_append_printf (out, "%s%s", i > 0 ? "|" : "",
                                sqlite3_column_type (stmt, i) == SQLITE_NULL
                                  ? "NULL" : (const char *) sqlite3_column_text (stmt, i));
      g_string_append_c (out, '\n');
    }
  sqlite3_finalize (stmt);

  return g_string_free (out, FALSE);
}

/* Every row of a table, every column but "modified": undo and redo are
 * changes too, so they stamp the time they happen; a run that crosses a
 * second boundary must not look like a lost value. */
static char *
dump_table (AimsStore  *store,
            const char *table)
{
  g_autofree char *pragma = g_strdup_printf ("SELECT group_concat(quote(name), ', ') FROM "
                                             "pragma_table_info('%s') WHERE name != 'modified'",
                                             table);
  g_autofree char *columns = query_text (store, pragma);
  g_autofree char *sql = NULL;

  g_strchomp (columns);
  sql = g_strdup_printf ("SELECT %s FROM %s ORDER BY uuid", columns, table);
  return query_text (store, sql);
}

/* Every row of the record tables: "the same project". */
static char *
dump_records (AimsStore *store)
{
  static const char *const tables[] = { "ai_system", "note", "reply", "data_set", "third_party",
                                        "system_data_set", "system_third_party" };
  GString *out = g_string_new (NULL);
  g_autofree char *project = query_text (store,
                                         "SELECT uuid, organisation, scope, exclusions, matrix "
                                         "FROM project");

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *rows = dump_table (store, tables[i]);

      g_string_append (out, rows);
      g_string_append (out, "--\n");
    }
  g_string_append (out, project);

  return g_string_free (out, FALSE);
}

/* The change log rows of the newest changeset: "kind|op|table|field|old|new". */
static char *
last_changeset (AimsStore *store)
{
  return query_text (store,
                     "SELECT c.kind, c.label, l.op, l.record_table, l.field, quote(l.old_value), "
                     "quote(l.new_value) FROM change_log l JOIN changeset c ON c.id = l.changeset "
                     "WHERE l.changeset = (SELECT max(changeset) FROM change_log) ORDER BY l.id");
}

static char *
add_record (AimsStore  *store,
            const char *table,
            const char *parent_field,
            const char *parent,
            const char *text)
{
  g_autoptr(GHashTable) values = aims_test_values (parent_field, g_variant_new_string (parent),
                                                   "text", g_variant_new_string (text), NULL);
  g_autoptr(GError) error = NULL;
  char *uuid = aims_store_insert (store, table, values, &error);

  g_assert_no_error (error);
  return uuid;
}

static void
undo_ok (AimsStore *store)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (aims_store_undo (store, &error));
  g_assert_no_error (error);
}

static void
redo_ok (AimsStore *store)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (aims_store_redo (store, &error));
  g_assert_no_error (error);
}

static void
test_update (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = aims_test_add_system (fixture->store, "SYS-001", "Claims triage");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *log = NULL;
  g_autofree char *label = NULL;
  g_autofree char *name = NULL;

  before = dump_records (fixture->store);
  g_assert_true (aims_store_update (fixture->store, "ai_system", uuid, "name",
                                    g_variant_new_string ("Claims triage v2"), &error));
  g_assert_no_error (error);
  after = dump_records (fixture->store);

  log = last_changeset (fixture->store);
  g_assert_cmpstr (log, ==,
                   "edit|Change “Name” of “Claims triage”|update|ai_system|name|'Claims "
                   "triage'|'Claims triage v2'\n");

  label = aims_store_dup_undo_label (fixture->store);
  g_assert_cmpstr (label, ==, "Change “Name” of “Claims triage”");

  undo_ok (fixture->store);
  name = aims_store_dup_text (fixture->store, "ai_system", uuid, "name", NULL);
  g_assert_cmpstr (name, ==, "Claims triage");
  g_clear_pointer (&log, g_free);
  log = last_changeset (fixture->store);
  g_assert_cmpstr (log, ==,
                   "undo|Change “Name” of “Claims triage”|update|ai_system|name|'Claims triage "
                   "v2'|'Claims triage'\n");
  g_assert_true (aims_store_get_can_redo (fixture->store));
  g_clear_pointer (&label, g_free);
  label = aims_store_dup_redo_label (fixture->store);
  g_assert_cmpstr (label, ==, "Change “Name” of “Claims triage”");

  redo_ok (fixture->store);
  g_clear_pointer (&name, g_free);
  name = aims_store_dup_text (fixture->store, "ai_system", uuid, "name", NULL);
  g_assert_cmpstr (name, ==, "Claims triage v2");
  g_clear_pointer (&log, g_free);
  log = last_changeset (fixture->store);
  g_assert_cmpstr (log, ==,
                   "redo|Change “Name” of “Claims triage”|update|ai_system|name|'Claims "
                   "triage'|'Claims triage v2'\n");

  /* Undoing an edit of a NULL-able field back to NULL. */
  g_assert_true (aims_store_update (fixture->store, "project", fixture->project, "matrix",
                                    g_variant_new_string ("{\"rows\": 5}"), &error));
  undo_ok (fixture->store);
  {
    g_autoptr(GVariant) matrix = aims_store_get (fixture->store, "project", fixture->project,
                                                 "matrix", &error);

    g_assert_no_error (error);
    g_assert_null (matrix);
  }
  g_clear_pointer (&log, g_free);
  log = last_changeset (fixture->store);
  g_assert_cmpstr (log, ==,
                   "undo|Change “Risk matrix” of the project|update|project|matrix|'{\"rows\": "
                   "5}'|NULL\n");
}

static void
test_insert (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *before = dump_records (fixture->store);
  g_autofree char *uuid = aims_test_add_system (fixture->store, "SYS-001", "Fraud detection");
  g_autofree char *after = dump_records (fixture->store);
  g_autofree char *log = last_changeset (fixture->store);
  g_autofree char *restored = NULL;

  /* An insert logs every field of the new record. */
  g_assert_true (g_str_has_prefix (log,
                                   "edit|Add AI system “Fraud "
                                   "detection”|insert|ai_system|reference|NULL|'SYS-001'\n"
                                   "edit|Add AI system “Fraud "
                                   "detection”|insert|ai_system|name|NULL|'Fraud detection'\n"));
  g_assert_nonnull (strstr (log, "|insert|ai_system|lifecycle|NULL|'inception'\n"));
  g_assert_nonnull (strstr (log, "|insert|ai_system|in_scope|NULL|1\n"));

  undo_ok (fixture->store);
  g_assert_cmpuint (aims_store_count (fixture->store, "ai_system"), ==, 0);
  {
    g_autofree char *now = dump_records (fixture->store);

    g_assert_cmpstr (now, ==, before);
  }

  /* Redo puts back the same record: same uuid, same created stamp. */
  redo_ok (fixture->store);
  restored = dump_records (fixture->store);
  g_assert_cmpstr (restored, ==, after);
}

static void
test_delete_with_dependents (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *system = aims_test_add_system (fixture->store, "SYS-001", "CV screening");
  g_autofree char *other = aims_test_add_system (fixture->store, "SYS-002", "Chatbot");
  g_autofree char *note_a = add_record (fixture->store, "note", "system", system,
                                        "Bias review due");
  g_autofree char *note_b = add_record (fixture->store, "note", "system", system,
                                        "Supplier contract");
  g_autofree char *note_c = add_record (fixture->store, "note", "system", other, "Not affected");
  g_autofree char *reply_a = add_record (fixture->store, "reply", "note", note_a, "Booked for May");
  g_autofree char *reply_b = add_record (fixture->store, "reply", "note", note_b, "Signed");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *label = NULL;
  g_autofree char *log = NULL;
  g_autofree char *order = NULL;
  g_autofree char *expected_order = NULL;

  before = dump_records (fixture->store);
  g_assert_true (aims_store_delete (fixture->store, "ai_system", system, &error));
  g_assert_no_error (error);
  after = dump_records (fixture->store);

  g_assert_cmpuint (aims_store_count (fixture->store, "ai_system"), ==, 1);
  g_assert_cmpuint (aims_store_count (fixture->store, "note"), ==, 1);
  g_assert_cmpuint (aims_store_count (fixture->store, "reply"), ==, 0);

  label = aims_store_dup_undo_label (fixture->store);
  g_assert_cmpstr (label, ==, "Delete AI system “CV screening”");

  /* Children first, each with every field's old value; one changeset. */
  order = query_text (fixture->store,
                      "SELECT record_table, count(*) FROM change_log "
                      "WHERE changeset = (SELECT max(changeset) FROM change_log) AND op = 'delete' "
                      "GROUP BY record_uuid ORDER BY min(id)");
  expected_order = g_strdup_printf ("reply|5\nnote|5\nreply|5\nnote|5\nai_system|%u\n",
                                    aims_schema_lookup_table ("ai_system")->n_fields - 1);
  g_assert_cmpstr (order, ==, expected_order);
  log = last_changeset (fixture->store);
  g_assert_nonnull (strstr (log, "|delete|reply|text|'Booked for May'|NULL\n"));
  g_assert_nonnull (strstr (log, "|delete|ai_system|name|'CV screening'|NULL\n"));
  g_assert_nonnull (strstr (log, "|delete|ai_system|author|'Ada'|NULL\n"));

  /* Undo restores all five records exactly, parents before children. */
  undo_ok (fixture->store);
  {
    g_autofree char *now = dump_records (fixture->store);

    g_assert_cmpstr (now, ==, before);
  }

  redo_ok (fixture->store);
  {
    g_autofree char *now = dump_records (fixture->store);

    g_assert_cmpstr (now, ==, after);
  }

  undo_ok (fixture->store);
  {
    g_autofree char *now = dump_records (fixture->store);

    g_assert_cmpstr (now, ==, before);
  }

  /* Undo of the inserts, all the way back: children go before parents. */
  for (guint i = 0; i < 7; i++)
    undo_ok (fixture->store);
  g_assert_cmpuint (aims_store_count (fixture->store, "ai_system"), ==, 0);
  g_assert_cmpuint (aims_store_count (fixture->store, "note"), ==, 0);
  g_assert_false (aims_store_get_can_undo (fixture->store));

  for (guint i = 0; i < 7; i++)
    redo_ok (fixture->store);
  {
    g_autofree char *now = dump_records (fixture->store);

    g_assert_cmpstr (now, ==, before);
  }
}

static void
test_group (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *a = aims_test_add_system (fixture->store, "SYS-001", "A");
  g_autofree char *b = aims_test_add_system (fixture->store, "SYS-002", "B");
  g_autofree char *c = NULL;
  g_autofree char *note = add_record (fixture->store, "note", "system", b, "on B");
  g_autofree char *before = dump_records (fixture->store);
  g_autofree char *after = NULL;
  g_autofree char *label = NULL;
  g_autofree char *kinds = NULL;

  aims_store_begin_group (fixture->store, "Reorganise the inventory");
  g_assert_true (aims_store_update (fixture->store, "ai_system", a, "lifecycle",
                                    g_variant_new_string ("retirement"), &error));
  c = aims_test_add_system (fixture->store, "SYS-003", "C");
  g_assert_true (aims_store_delete (fixture->store, "ai_system", b, &error));
  g_assert_true (aims_store_update (fixture->store, "project", fixture->project, "scope",
                                    g_variant_new_string ("Smaller scope"), &error));
  g_assert_true (aims_store_end_group (fixture->store, &error));
  g_assert_no_error (error);
  after = dump_records (fixture->store);

  label = aims_store_dup_undo_label (fixture->store);
  g_assert_cmpstr (label, ==, "Reorganise the inventory");

  undo_ok (fixture->store);
  {
    g_autofree char *now = dump_records (fixture->store);

    g_assert_cmpstr (now, ==, before);
  }

  redo_ok (fixture->store);
  {
    g_autofree char *now = dump_records (fixture->store);

    g_assert_cmpstr (now, ==, after);
  }

  kinds = query_text (fixture->store, "SELECT kind, label FROM changeset ORDER BY id DESC LIMIT 3");
  g_assert_cmpstr (kinds, ==,
                   "redo|Reorganise the inventory\n"
                   "undo|Reorganise the inventory\n"
                   "edit|Reorganise the inventory\n");
}

static void
test_new_edit_clears_redo (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = aims_test_add_system (fixture->store, "SYS-001", "A");
  guint redo_before;

  g_assert_true (aims_store_update (fixture->store, "ai_system", uuid, "name",
                                    g_variant_new_string ("B"), &error));
  undo_ok (fixture->store);
  g_assert_true (aims_store_get_can_redo (fixture->store));

  redo_before = fixture->redo_notifications;
  g_assert_true (aims_store_update (fixture->store, "ai_system", uuid, "name",
                                    g_variant_new_string ("C"), &error));
  g_assert_false (aims_store_get_can_redo (fixture->store));
  g_assert_cmpuint (fixture->redo_notifications, ==, redo_before + 1);
  g_assert_null (aims_store_dup_redo_label (fixture->store));

  g_assert_false (aims_store_redo (fixture->store, &error));
  g_assert_error (error, AIMS_STORE_ERROR, AIMS_STORE_ERROR_NOTHING_TO_UNDO);
  g_assert_cmpstr (error->message, ==, "There is nothing to redo.");
}

static void
test_notifications (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;

  /* A new project starts with nothing to undo: its creation is not a step. */
  g_assert_false (aims_store_get_can_undo (fixture->store));
  g_assert_false (aims_store_get_can_redo (fixture->store));
  g_assert_null (aims_store_dup_undo_label (fixture->store));

  uuid = aims_test_add_system (fixture->store, "SYS-001", "A");
  g_assert_cmpuint (fixture->undo_notifications, ==, 1);

  /* Still possible: no notification. */
  g_assert_true (aims_store_update (fixture->store, "ai_system", uuid, "name",
                                    g_variant_new_string ("B"), &error));
  g_assert_cmpuint (fixture->undo_notifications, ==, 1);

  undo_ok (fixture->store);
  g_assert_cmpuint (fixture->redo_notifications, ==, 1);
  undo_ok (fixture->store);
  g_assert_cmpuint (fixture->undo_notifications, ==, 2);
  g_assert_false (aims_store_get_can_undo (fixture->store));

  g_assert_false (aims_store_undo (fixture->store, &error));
  g_assert_error (error, AIMS_STORE_ERROR, AIMS_STORE_ERROR_NOTHING_TO_UNDO);
  g_clear_error (&error);

  /* Not inside a group. */
  redo_ok (fixture->store);
  aims_store_begin_group (fixture->store, "Open");
  g_assert_false (aims_store_undo (fixture->store, &error));
  g_assert_error (error, AIMS_STORE_ERROR, AIMS_STORE_ERROR_GROUP_OPEN);
  aims_store_abort_group (fixture->store);
}

static void
test_import (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump_records (fixture->store);
  g_autofree char *after = NULL;
  g_autofree char *label = NULL;
  g_autofree char *rows = NULL;

  g_assert_true (aims_demo_generate (fixture->store, AIMS_DEMO_SCALE_SMALL, 42, &error));
  g_assert_no_error (error);
  after = dump_records (fixture->store);
  g_assert_cmpuint (aims_store_count (fixture->store, "ai_system"), ==,
                    aims_demo_scale_get_n_systems (AIMS_DEMO_SCALE_SMALL));

  /* One row per imported record, one per changed project field. */
  rows = query_text (fixture->store,
                     "SELECT kind, op, count(*) FROM change_log JOIN changeset ON changeset.id = "
                     "changeset "
                     "WHERE changeset = (SELECT max(changeset) FROM change_log) GROUP BY op ORDER "
                     "BY op");
  {
    static const char *const tables[] = { "ai_system", "data_set", "third_party",
                                          "system_data_set", "system_third_party", "risk",
                                          "risk_system", "risk_control", "treatment_action",
                                          "impact_assessment", "impact", "impact_measure",
                                          "impact_risk", "soa_entry", "evidence", "pdca_card",
                                          "incident", "incident_risk",
                                          "audit", "audit_item", "finding",
                                          "corrective_action", "management_review",
                                          "review_action" };
    guint n_records = 0;
    g_autofree char *expected = NULL;

    for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
      n_records += aims_store_count (fixture->store, tables[i]);
    g_assert_cmpuint (n_records, >, aims_demo_scale_get_n_systems (AIMS_DEMO_SCALE_SMALL));
    expected = g_strdup_printf ("import|insert|%u\nimport|update|3\n", n_records);
    g_assert_cmpstr (rows, ==, expected);
  }

  label = aims_store_dup_undo_label (fixture->store);
  g_assert_cmpstr (label, ==, "Generate the demo project");

  undo_ok (fixture->store);
  {
    g_autofree char *now = dump_records (fixture->store);

    g_assert_cmpstr (now, ==, before);
  }

  redo_ok (fixture->store);
  {
    g_autofree char *now = dump_records (fixture->store);

    g_assert_cmpstr (now, ==, after);
  }
}

/* A project's starting content (the demo file): its records are not logged
 * one by one, it cannot be undone, and undo starts again after it. */
static void
test_bulk_load (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *rows = NULL;
  g_autofree char *system = aims_test_add_system (fixture->store, "SYS-001", "Before");
  gint64 last_change = aims_store_get_last_change_id (fixture->store);

  g_assert_true (aims_store_get_can_undo (fixture->store));

  _aims_store_begin_bulk_load (fixture->store, "Starting content");
  for (guint i = 2; i <= 4; i++)
    {
      g_autofree char *reference = g_strdup_printf ("SYS-%03u", i);

      g_free (aims_test_add_system (fixture->store, reference, "Loaded"));
    }
  g_assert_true (aims_store_update (fixture->store, "project", fixture->project, "organisation",
                                    g_variant_new_string ("Loaded Ltd"), &error));
  g_assert_no_error (error);
  g_assert_true (aims_store_end_group (fixture->store, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (aims_store_count (fixture->store, "ai_system"), ==, 4);
  g_assert_cmpint (aims_store_get_last_change_id (fixture->store), >, last_change);
  g_assert_false (aims_store_get_can_undo (fixture->store));
  g_assert_false (aims_store_get_can_redo (fixture->store));

  /* The changeset and the project's field say what happened; no row per
   * loaded record. */
  rows = query_text (fixture->store,
                     "SELECT c.label, c.kind, l.record_table, l.op, l.field "
                     "FROM change_log AS l JOIN changeset AS c ON c.id = l.changeset "
                     "WHERE l.id > (SELECT max(id) FROM change_log WHERE record_uuid = "
                     "  (SELECT uuid FROM ai_system WHERE reference = 'SYS-001'))");
  g_assert_cmpstr (rows, ==, "Starting content|import|project|update|organisation\n");

  /* Edits after it are undone as usual. */
  before = dump_records (fixture->store);
  g_assert_true (aims_store_update (fixture->store, "ai_system", system, "name",
                                    g_variant_new_string ("After"), &error));
  g_assert_no_error (error);
  undo_ok (fixture->store);
  {
    g_autofree char *now = dump_records (fixture->store);

    g_assert_cmpstr (now, ==, before);
  }
  g_assert_false (aims_store_get_can_undo (fixture->store));

  /* An aborted load leaves nothing. */
  _aims_store_begin_bulk_load (fixture->store, "Aborted");
  g_free (aims_test_add_system (fixture->store, "SYS-009", "Gone"));
  aims_store_abort_group (fixture->store);
  g_assert_cmpuint (aims_store_count (fixture->store, "ai_system"), ==, 4);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  init_test_schema ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/undo/update", test_update);
  ADD ("/undo/insert", test_insert);
  ADD ("/undo/delete-with-dependents", test_delete_with_dependents);
  ADD ("/undo/group", test_group);
  ADD ("/undo/new-edit-clears-redo", test_new_edit_clears_redo);
  ADD ("/undo/notifications", test_notifications);
  ADD ("/undo/import", test_import);
  ADD ("/undo/bulk-load", test_bulk_load);

#undef ADD

  return g_test_run ();
}
