/* test-import-bulk.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The store's bulk write path, as imports use it (issue 9): rows arrive as
 * the general write path (aims_store_insert(), _aims_store_update_fields())
 * stores them, field by field, computed levels and next review included;
 * the change log says the same; the import is one undo step that redo puts
 * back; a rule broken in the 99,999th row writes nothing; duplicate
 * references within the file and against the project are refused, and the
 * references an import hands out follow the project's. */

#include "config.h"

#include "aims-test-util.h"

#include "aims-sqlite-private.h"
#include "aims-store-private.h"

#include <string.h>

typedef struct
{
  char      *dir;
  AimsStore *store;      /* imports go here */
  AimsStore *general;    /* the same rows through the general write path */
  char      *system;     /* an AI system of both, with the same UUID */
} Fixture;

static AimsStore *
new_project (const char *dir,
             const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  AimsStore *store = aims_store_new (path, "Ada", &error);

  g_assert_no_error (error);
  g_assert_true (_aims_store_create_project (store, &error));
  g_assert_no_error (error);
  return store;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  AimsStore *stores[2];

  fixture->dir = aims_test_make_dir ();
  fixture->store = new_project (fixture->dir, "bulk.db");
  fixture->general = new_project (fixture->dir, "general.db");
  fixture->system = g_uuid_string_random ();

  stores[0] = fixture->store;
  stores[1] = fixture->general;
  for (guint i = 0; i < G_N_ELEMENTS (stores); i++)
    {
      g_autoptr(GHashTable) values = aims_test_values ("uuid", g_variant_new_string (fixture->system),
                                                       "reference", g_variant_new_string ("SYS-001"),
                                                       "name", g_variant_new_string ("Claims triage"),
                                                       NULL);
      g_autoptr(GError) error = NULL;
      g_autofree char *uuid = aims_store_insert (stores[i], "ai_system", values, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (uuid, ==, fixture->system);
    }
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->general);
  aims_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->system);
}

static AimsSheet *
csv (const char *text,
     const char *name)
{
  g_autoptr(GError) error = NULL;
  AimsSheet *sheet = aims_csv_read_data (text, strlen (text), name, &error);

  g_assert_no_error (error);
  return sheet;
}

static AimsImportResult *
import (AimsStore  *store,
        const char *table,
        AimsSheet  *sheet,
        gboolean    match_reference,
        gboolean    dry_run)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsMatrix) matrix = aims_store_dup_matrix (store);
  g_autoptr(AimsImportMapping) mapping = aims_import_mapping_guess (table, sheet, matrix, &error);
  AimsImportResult *result;

  g_assert_no_error (error);
  aims_import_mapping_set_match_reference (mapping, match_reference);
  result = aims_import_run (store, sheet, mapping, dry_run, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

static void
assert_imported (AimsImportResult *result,
                 guint             n_added,
                 guint             n_updated)
{
  if (aims_import_result_get_n_rejected (result) > 0)
    g_error ("rejected: %s", aims_import_result_get_rejected_reason (result, 0));
  g_assert_true (aims_import_result_get_applied (result));
  g_assert_cmpuint (aims_import_result_get_n_added (result), ==, n_added);
  g_assert_cmpuint (aims_import_result_get_n_updated (result), ==, n_updated);
}

static char *
find_by_reference (AimsStore  *store,
                   const char *table,
                   const char *reference)
{
  g_auto(GStrv) uuids = aims_store_dup_uuids (store, table, NULL);

  for (guint i = 0; uuids != NULL && uuids[i] != NULL; i++)
    {
      g_autofree char *value = aims_store_dup_text (store, table, uuids[i], "reference", NULL);

      if (g_strcmp0 (value, reference) == 0)
        return g_strdup (uuids[i]);
    }
  return NULL;
}

static GHashTable *
dup_record (AimsStore  *store,
            const char *table,
            const char *uuid)
{
  g_autoptr(GError) error = NULL;
  const AimsTableInfo *info = _aims_store_lookup_table (store, table, FALSE, &error);
  GHashTable *record;

  g_assert_no_error (error);
  record = _aims_store_dup_record (store, info, uuid, &error);
  g_assert_no_error (error);
  return record;
}

/* Every field of two records is the same, but those in @skip. */
static void
assert_records_equal (const char         *table,
                      const char         *what,
                      GHashTable         *a,
                      GHashTable         *b,
                      const char * const *skip)
{
  const AimsTableInfo *info = _aims_schema_def_lookup_table (_aims_schema_get_default (), table);

  g_assert_nonnull (info);
  for (guint i = 0; i < info->n_fields; i++)
    {
      const char *name = info->fields[i].name;
      GVariant *x = g_hash_table_lookup (a, name);
      GVariant *y = g_hash_table_lookup (b, name);

      if (skip != NULL && g_strv_contains (skip, name))
        continue;

      if ((x == NULL) != (y == NULL) || (x != NULL && !g_variant_equal (x, y)))
        {
          g_autofree char *xs = x != NULL ? g_variant_print (x, FALSE) : g_strdup ("NULL");
          g_autofree char *ys = y != NULL ? g_variant_print (y, FALSE) : g_strdup ("NULL");

          g_error ("%s: %s.%s is %s, not %s", what, table, name, xs, ys);
        }
    }
}

/* The records of @table with @references are the same in both projects,
 * field by field; only their identifiers and time stamps differ. */
static void
assert_same_records (Fixture            *fixture,
                     const char         *table,
                     const char * const *references)
{
  static const char * const skip[] = { "uuid", "created", "modified", NULL };

  g_assert_cmpuint (aims_store_count (fixture->store, table), ==,
                    aims_store_count (fixture->general, table));

  for (guint i = 0; references[i] != NULL; i++)
    {
      g_autofree char *a = find_by_reference (fixture->store, table, references[i]);
      g_autofree char *b = find_by_reference (fixture->general, table, references[i]);
      g_autoptr(GHashTable) x = NULL;
      g_autoptr(GHashTable) y = NULL;

      g_assert_nonnull (a);
      g_assert_nonnull (b);
      x = dup_record (fixture->store, table, a);
      y = dup_record (fixture->general, table, b);
      assert_records_equal (table, references[i], x, y, skip);
    }
}

/* The last changeset's log, with the records' references for their
 * identifiers, sorted: what it says, not the order it says it in. */
static char *
dup_last_log (AimsStore *store)
{
  sqlite3 *db = _aims_store_get_db (store);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT l.record_table, l.op, coalesce(l.field, '-'), "
                                       "  quote(l.old_value), quote(l.new_value), "
                                       "  coalesce(r.reference, s.reference, i.reference, '?') "
                                       "FROM change_log l "
                                       "LEFT JOIN risk r ON r.uuid = l.record_uuid "
                                       "LEFT JOIN ai_system s ON s.uuid = l.record_uuid "
                                       "LEFT JOIN incident i ON i.uuid = l.record_uuid "
                                       "WHERE l.changeset = (SELECT max(id) FROM changeset)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *field = (const char *) sqlite3_column_text (stmt, 2);
      gboolean stamp = g_str_equal (field, "modified") || g_str_equal (field, "created");

      g_ptr_array_add (lines, g_strdup_printf ("%s %s %s %s %s %s",
                                               sqlite3_column_text (stmt, 0),
                                               sqlite3_column_text (stmt, 5),
                                               sqlite3_column_text (stmt, 1), field,
                                               stamp ? "" : (const char *) sqlite3_column_text (stmt, 3),
                                               stamp ? "" : (const char *) sqlite3_column_text (stmt, 4)));
    }
  sqlite3_finalize (stmt);

  g_ptr_array_sort (lines, aims_test_compare_lines);
  g_ptr_array_add (lines, NULL);
  return g_strjoinv ("\n", (char **) lines->pdata);
}

/* The table's indexes as the schema has them, and the database intact:
 * an import that drops indexes to add many rows makes them again, and a
 * refused one leaves them as they were. */
static char *
dup_indexes (AimsStore  *store,
             const char *table)
{
  sqlite3 *db = _aims_store_get_db (store);
  g_autoptr(GString) indexes = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name, sql FROM sqlite_schema "
                                       "WHERE type = 'index' AND tbl_name = ? ORDER BY name",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (indexes, "%s: %s\n", sqlite3_column_text (stmt, 0),
                            sqlite3_column_text (stmt, 1));
  sqlite3_finalize (stmt);

  return g_string_free (g_steal_pointer (&indexes), FALSE);
}

static void
general_insert (AimsStore  *store,
                const char *table,
                GHashTable *values)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = aims_store_insert (store, table, values, &error);

  g_assert_no_error (error);
  g_assert_nonnull (uuid);
}

static GHashTable *
risk_values (const char *reference,
             const char *title,
             const char *description,
             gint64      likelihood,
             gint64      impact,
             gint64      residual_likelihood,
             gint64      residual_impact,
             const char *treatment,
             const char *owner,
             const char *assessed,
             const char *status,
             const char *accepted_by,
             const char *role,
             const char *date,
             const char *rationale,
             const char *next_review)
{
  return aims_test_values ("reference", g_variant_new_string (reference),
                           "title", g_variant_new_string (title),
                           "description", g_variant_new_string (description),
                           "inherent_likelihood", g_variant_new_int64 (likelihood),
                           "inherent_impact", g_variant_new_int64 (impact),
                           "residual_likelihood", g_variant_new_int64 (residual_likelihood),
                           "residual_impact", g_variant_new_int64 (residual_impact),
                           "treatment", g_variant_new_string (treatment),
                           "owner", g_variant_new_string (owner),
                           "assessed", g_variant_new_string (assessed),
                           "status", g_variant_new_string (status),
                           "accepted_by", g_variant_new_string (accepted_by),
                           "acceptance_role", g_variant_new_string (role),
                           "acceptance_date", g_variant_new_string (date),
                           "acceptance_rationale", g_variant_new_string (rationale),
                           "next_review", g_variant_new_string (next_review),
                           NULL);
}

static const char risks_csv[] =
  "reference,title,description,inherent_likelihood,inherent_impact,residual_likelihood,"
  "residual_impact,treatment,owner,assessed,status,accepted_by,acceptance_role,"
  "acceptance_date,acceptance_rationale,next_review\n"
  "R-101,Biased shortlists,Seen in review,High,Very high,2,2,Mitigate,Ada,2026-01-10,"
  "assessed,,,,,\n"
  "R-102,Leaky prompts,,1,2,,,accept,Bo,,accepted,Bo,CISO,2026-02-01,Low impact,\n"
  "R-103,Drift,\"Two\nlines\",Likely,Moderate,,,,Cy,2026-03-01,identified,,,,,2026-12-31\n";

/* New rows, a row that changes a record and a row that changes nothing are
 * stored and logged as the general path stores and logs them. */
static void
test_same_as_general_path (Fixture       *fixture,
                           gconstpointer  data)
{
  static const char * const references[] = { "R-101", "R-102", "R-103", NULL };
  static const char * const incidents[] = { "INC-1", "INC-2", NULL };
  g_autoptr(AimsSheet) sheet = csv (risks_csv, "risks.csv");
  g_autoptr(AimsImportResult) result = NULL;
  g_autoptr(AimsSheet) update = NULL;
  g_autoptr(AimsImportResult) updated = NULL;
  g_autoptr(AimsSheet) incident_sheet = NULL;
  g_autoptr(AimsImportResult) incident_result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *bulk_log = NULL;
  g_autofree char *general_log = NULL;
  g_autofree char *text = NULL;

  result = import (fixture->store, "risks", sheet, TRUE, FALSE);
  assert_imported (result, 3, 0);

  _aims_store_begin_import (fixture->general, "Import “risks.csv”");
  {
    g_autoptr(GHashTable) a = risk_values ("R-101", "Biased shortlists", "Seen in review", 4, 5,
                                           2, 2, "mitigate", "Ada", "2026-01-10", "assessed",
                                           "", "", "", "", "");
    g_autoptr(GHashTable) b = risk_values ("R-102", "Leaky prompts", "", 1, 2, 0, 0, "accept",
                                           "Bo", "", "accepted", "Bo", "CISO", "2026-02-01",
                                           "Low impact", "");
    g_autoptr(GHashTable) c = risk_values ("R-103", "Drift", "Two\nlines", 4, 3, 0, 0, "",
                                           "Cy", "2026-03-01", "identified", "", "", "", "",
                                           "2026-12-31");

    general_insert (fixture->general, "risk", a);
    general_insert (fixture->general, "risk", b);
    general_insert (fixture->general, "risk", c);
  }
  g_assert_true (aims_store_end_group (fixture->general, &error));
  g_assert_no_error (error);

  assert_same_records (fixture, "risk", references);
  bulk_log = dup_last_log (fixture->store);
  general_log = dup_last_log (fixture->general);
  g_assert_cmpstr (bulk_log, ==, general_log);

  /* Computed on the way in: the levels from the matrix, today's assessment
   * where the row gives none, the next review from the level unless given. */
  {
    g_autofree char *r101 = find_by_reference (fixture->store, "risk", "R-101");
    g_autofree char *r102 = find_by_reference (fixture->store, "risk", "R-102");
    g_autofree char *r103 = find_by_reference (fixture->store, "risk", "R-103");
    g_autoptr(GVariant) level = aims_store_get (fixture->store, "risk", r101, "inherent_level",
                                                NULL);
    g_autoptr(GVariant) manual = aims_store_get (fixture->store, "risk", r103,
                                                 "next_review_manual", NULL);
    g_autofree char *assessed = aims_store_dup_text (fixture->store, "risk", r102, "assessed",
                                                     NULL);
    g_autofree char *next = aims_store_dup_text (fixture->store, "risk", r101, "next_review",
                                                 NULL);

    g_assert_cmpint (g_variant_get_int64 (level), >=, 0);
    g_assert_true (g_variant_get_boolean (manual));
    g_assert_cmpuint (strlen (assessed), ==, 10);
    g_assert_true (g_str_has_prefix (next, "2026-"));
  }

  /* A row that changes two fields (a score among them, so the levels and the
   * assessment follow) and a row that changes nothing. */
  update = csv ("reference,title,inherent_likelihood,owner\n"
                "R-101,Biased shortlists,2,Di\n"
                "R-103,Drift,Likely,Cy\n", "update.csv");
  updated = import (fixture->store, "risks", update, TRUE, FALSE);
  assert_imported (updated, 0, 1);
  g_assert_cmpuint (aims_import_result_get_n_unchanged (updated), ==, 1);

  _aims_store_begin_import (fixture->general, "Import “update.csv”");
  {
    g_autofree char *r101 = find_by_reference (fixture->general, "risk", "R-101");
    g_autoptr(GHashTable) changes = aims_test_values ("inherent_likelihood", g_variant_new_int64 (2),
                                                      "owner", g_variant_new_string ("Di"),
                                                      NULL);

    g_assert_true (_aims_store_update_fields (fixture->general, "risk", r101, changes, NULL,
                                              &error));
    g_assert_no_error (error);
  }
  g_assert_true (aims_store_end_group (fixture->general, &error));
  g_assert_no_error (error);

  assert_same_records (fixture, "risk", references);
  g_clear_pointer (&bulk_log, g_free);
  g_clear_pointer (&general_log, g_free);
  bulk_log = dup_last_log (fixture->store);
  general_log = dup_last_log (fixture->general);
  g_assert_cmpstr (bulk_log, ==, general_log);
  g_assert_nonnull (strstr (bulk_log, "risk R-101 update inherent_likelihood 4 2"));

  /* An incident's link to its AI system */
  text = g_strdup_printf ("reference,title,system,type,severity,status,occurred\n"
                          "INC-1,Outage,%s,malfunction,high,open,2026-03-14T09:30\n"
                          "INC-2,Odd answers,%s,drift,low,open,2026-03-15\n", fixture->system,
                          fixture->system);
  incident_sheet = csv (text, "incidents.csv");
  incident_result = import (fixture->store, "incidents", incident_sheet, TRUE, FALSE);
  assert_imported (incident_result, 2, 0);

  {
    g_autoptr(GHashTable) a = aims_test_values ("reference", g_variant_new_string ("INC-1"),
                                                "title", g_variant_new_string ("Outage"),
                                                "system", g_variant_new_string (fixture->system),
                                                "type", g_variant_new_string ("malfunction"),
                                                "severity", g_variant_new_string ("high"),
                                                "status", g_variant_new_string ("open"),
                                                "occurred", g_variant_new_string ("2026-03-14T09:30"),
                                                NULL);
    g_autoptr(GHashTable) b = aims_test_values ("reference", g_variant_new_string ("INC-2"),
                                                "title", g_variant_new_string ("Odd answers"),
                                                "system", g_variant_new_string (fixture->system),
                                                "type", g_variant_new_string ("drift"),
                                                "severity", g_variant_new_string ("low"),
                                                "status", g_variant_new_string ("open"),
                                                "occurred", g_variant_new_string ("2026-03-15T00:00"),
                                                NULL);

    _aims_store_begin_import (fixture->general, "Import “incidents.csv”");
    general_insert (fixture->general, "incident", a);
    general_insert (fixture->general, "incident", b);
    g_assert_true (aims_store_end_group (fixture->general, &error));
    g_assert_no_error (error);
  }

  assert_same_records (fixture, "incident", incidents);
  {
    g_autofree char *inc1 = find_by_reference (fixture->store, "incident", "INC-1");
    g_autofree char *system = aims_store_dup_text (fixture->store, "incident", inc1, "system",
                                                   NULL);

    g_assert_cmpstr (system, ==, fixture->system);
  }
}

/* A snapshot of every risk: uuid → record. */
static GHashTable *
dup_risks (AimsStore *store)
{
  g_auto(GStrv) uuids = aims_store_dup_uuids (store, "risk", NULL);
  GHashTable *risks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) g_hash_table_unref);

  for (guint i = 0; uuids != NULL && uuids[i] != NULL; i++)
    g_hash_table_insert (risks, g_strdup (uuids[i]), dup_record (store, "risk", uuids[i]));

  return risks;
}

static void
assert_same_risks (GHashTable *a,
                   GHashTable *b,
                   const char *what)
{
  /* Undo and redo stamp the records they change as changed now. */
  static const char * const skip[] = { "modified", NULL };
  GHashTableIter iter;
  gpointer key, value;

  g_assert_cmpuint (g_hash_table_size (a), ==, g_hash_table_size (b));
  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GHashTable *other = g_hash_table_lookup (b, key);

      if (other == NULL)
        g_error ("%s: risk %s is missing", what, (const char *) key);
      assert_records_equal ("risk", what, value, other, skip);
    }
}

static void
test_undo_redo (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(AimsSheet) sheet = csv ("reference,title,inherent_likelihood,inherent_impact,owner\n"
                                    "R-001,Renamed,5,5,Bo\n"
                                    "R-201,First new,1,2,Cy\n"
                                    "R-202,Second new,3,3,Cy\n"
                                    "R-203,Third new,Likely,Minor,Di\n", "undo.csv");
  g_autoptr(AimsImportResult) result = NULL;
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GHashTable) after = NULL;
  g_autoptr(GHashTable) undone = NULL;
  g_autoptr(GHashTable) redone = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;

  {
    g_autoptr(GHashTable) a = risk_values ("R-001", "Kept", "", 2, 2, 0, 0, "", "Ada",
                                           "2026-01-01", "identified", "", "", "", "", "");
    g_autoptr(GHashTable) b = risk_values ("R-002", "Untouched", "", 3, 1, 0, 0, "", "Ada",
                                           "2026-01-01", "identified", "", "", "", "", "");

    general_insert (fixture->store, "risk", a);
    general_insert (fixture->store, "risk", b);
  }
  before = dup_risks (fixture->store);

  result = import (fixture->store, "risks", sheet, TRUE, FALSE);
  assert_imported (result, 3, 1);
  after = dup_risks (fixture->store);
  g_assert_cmpuint (g_hash_table_size (after), ==, 5);

  /* One step */
  label = aims_store_dup_undo_label (fixture->store);
  g_assert_cmpstr (label, ==, "Import “undo.csv”");
  g_assert_true (aims_store_undo (fixture->store, &error));
  g_assert_no_error (error);
  undone = dup_risks (fixture->store);
  assert_same_risks (before, undone, "after undo");

  /* The step before it is the second general insert */
  g_clear_pointer (&label, g_free);
  label = aims_store_dup_undo_label (fixture->store);
  g_assert_cmpstr (label, ==, "Add risk “Untouched”");

  g_assert_true (aims_store_redo (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_false (aims_store_get_can_redo (fixture->store));
  redone = dup_risks (fixture->store);
  assert_same_risks (after, redone, "after redo");

  /* And once more, from the redone state */
  g_assert_true (aims_store_undo (fixture->store, &error));
  g_assert_no_error (error);
  g_clear_pointer (&undone, g_hash_table_unref);
  undone = dup_risks (fixture->store);
  assert_same_risks (before, undone, "after the second undo");
}

/* 100,000 rows, all good but one, whose acceptance is not recorded: a rule
 * of the store, not of the reader or the mapping. */
static void
test_rejection_at_the_end (Fixture       *fixture,
                           gconstpointer  data)
{
  const guint n = 100000;
  const guint bad_row = 99999;    /* as the file counts, the header being row 1 */
  g_autoptr(GString) text = g_string_new ("reference,title,inherent_likelihood,inherent_impact,"
                                          "treatment\n");
  g_autoptr(AimsSheet) sheet = NULL;
  gint64 last_change = aims_store_get_last_change_id (fixture->store);
  g_autofree char *indexes = dup_indexes (fixture->store, "risk");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "R-%06u,Risk %u,%u,%u,%s\n", i + 1, i, 1 + i % 5, 1 + i % 3,
                            i + 2 == bad_row ? "accept" : "mitigate");
  sheet = csv (text->str, "big.csv");

  for (guint pass = 0; pass < 2; pass++)
    {
      g_autoptr(AimsImportResult) result = import (fixture->store, "risks", sheet, TRUE,
                                                   pass == 0);
      const char *reason;

      g_assert_false (aims_import_result_get_applied (result));
      g_assert_cmpuint (aims_import_result_get_n_rejected (result), ==, 1);
      g_assert_cmpuint (aims_import_result_get_rejected_row (result, 0), ==, bad_row);
      reason = aims_import_result_get_rejected_reason (result, 0);
      g_assert_nonnull (strstr (reason, "“big.csv”, row 99999: "));
      g_assert_nonnull (strstr (reason, "accept"));

      g_assert_cmpuint (aims_store_count (fixture->store, "risk"), ==, 0);
      g_assert_cmpint (aims_store_get_last_change_id (fixture->store), ==, last_change);
      g_assert_false (aims_store_get_can_redo (fixture->store));
      {
        g_autofree char *label = aims_store_dup_undo_label (fixture->store);

        g_assert_cmpstr (label, ==, "Add AI system “Claims triage”");
      }
      {
        g_autofree char *after = dup_indexes (fixture->store, "risk");

        g_assert_cmpstr (after, ==, indexes);
      }
    }
}

/* Many rows into an empty register: they arrive, the indexes are as
 * before, queries that use them answer, and undo and redo keep them. */
static void
test_many_rows (Fixture       *fixture,
                gconstpointer  data)
{
  const guint n = 3000;
  g_autoptr(GString) text = g_string_new ("reference,title,inherent_likelihood,inherent_impact,"
                                          "owner\n");
  g_autoptr(AimsSheet) sheet = NULL;
  g_autoptr(AimsImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *indexes = dup_indexes (fixture->store, "risk");
  g_autofree char *after = NULL;
  g_autofree char *plan = NULL;
  sqlite3 *db = _aims_store_get_db (fixture->store);
  sqlite3_stmt *stmt = NULL;
  gint64 n_owned = 0;

  g_assert_nonnull (strstr (indexes, "risk_owner"));
  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "R-%05u,Risk %u,%u,%u,Owner %u\n", i + 1, i, 1 + i % 5,
                            1 + i % 3, i % 7);
  sheet = csv (text->str, "many.csv");
  result = import (fixture->store, "risks", sheet, TRUE, FALSE);
  assert_imported (result, n, 0);

  after = dup_indexes (fixture->store, "risk");
  g_assert_cmpstr (after, ==, indexes);
  g_assert_true (_aims_sqlite_query_int (db, "SELECT count(*) FROM risk "
                                         "WHERE owner = 'Owner 3' COLLATE NOCASE",
                                         &n_owned, &error));
  g_assert_no_error (error);
  g_assert_cmpint (n_owned, ==, (n + 3) / 7);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "EXPLAIN QUERY PLAN SELECT uuid FROM risk "
                                       "WHERE owner = 'Owner 3' COLLATE NOCASE",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  plan = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  sqlite3_finalize (stmt);
  g_assert_nonnull (strstr (plan, "risk_owner"));

  g_assert_true (aims_store_undo (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (aims_store_count (fixture->store, "risk"), ==, 0);
  g_assert_true (aims_store_redo (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (aims_store_count (fixture->store, "risk"), ==, n);
  g_clear_pointer (&after, g_free);
  after = dup_indexes (fixture->store, "risk");
  g_assert_cmpstr (after, ==, indexes);
}

static void
assert_rejections (AimsImportResult   *result,
                   const char * const *reasons)
{
  g_assert_false (aims_import_result_get_applied (result));
  g_assert_cmpuint (aims_import_result_get_n_rejected (result), ==, g_strv_length ((char **) reasons));
  for (guint i = 0; reasons[i] != NULL; i++)
    {
      const char *reason = aims_import_result_get_rejected_reason (result, i);

      if (strstr (reason, reasons[i]) == NULL)
        g_error ("rejection %u is “%s”, without “%s”", i, reason, reasons[i]);
    }
}

static void
test_duplicates (Fixture       *fixture,
                 gconstpointer  data)
{
  static const char * const unmatched[] = {
    "“dup.csv”, row 2, column A (“reference”): the reference “R-001” is that of a record "
    "already in the project (a duplicate reference)",
    "“dup.csv”, row 4, column A (“reference”): the reference “R-002” is already that of row 3 "
    "(a duplicate reference)",
    NULL
  };
  static const char * const matched[] = {
    "“dup.csv”, row 4, column A (“reference”): the reference “R-002” is already that of row 3",
    NULL
  };
  g_autoptr(AimsSheet) sheet = csv ("reference,title,inherent_likelihood,inherent_impact\n"
                                    "R-001,Again,1,1\n"
                                    "R-002,New,1,1\n"
                                    "R-002,Twice,2,2\n", "dup.csv");
  g_autoptr(AimsImportResult) refused = NULL;
  g_autoptr(AimsImportResult) refused_too = NULL;
  g_autoptr(AimsImportResult) fine = NULL;
  g_autoptr(AimsSheet) unique = NULL;
  g_autofree char *title = NULL;
  g_autofree char *r001 = NULL;

  {
    g_autoptr(GHashTable) a = risk_values ("R-001", "Kept", "", 2, 2, 0, 0, "", "Ada",
                                           "2026-01-01", "identified", "", "", "", "", "");

    general_insert (fixture->store, "risk", a);
  }
  r001 = find_by_reference (fixture->store, "risk", "R-001");

  refused = import (fixture->store, "risks", sheet, FALSE, FALSE);
  assert_rejections (refused, unmatched);
  refused_too = import (fixture->store, "risks", sheet, TRUE, FALSE);
  assert_rejections (refused_too, matched);

  /* Nothing of either was kept: not R-002, not the change of R-001. */
  g_assert_cmpuint (aims_store_count (fixture->store, "risk"), ==, 1);
  title = aims_store_dup_text (fixture->store, "risk", r001, "title", NULL);
  g_assert_cmpstr (title, ==, "Kept");

  unique = csv ("reference,title,inherent_likelihood,inherent_impact\n"
                "R-001,Again,1,1\n"
                "R-002,New,1,1\n", "unique.csv");
  fine = import (fixture->store, "risks", unique, TRUE, FALSE);
  assert_imported (fine, 1, 1);
  g_clear_pointer (&title, g_free);
  title = aims_store_dup_text (fixture->store, "risk", r001, "title", NULL);
  g_assert_cmpstr (title, ==, "Again");
}

/* Rows without a reference get the next ones of the project, as
 * aims_store_next_reference() hands them out: after the largest number in
 * use, whatever its width, skipping references taken. */
static void
test_next_references (Fixture       *fixture,
                      gconstpointer  data)
{
  static const char * const existing[] = { "R-001", "R-002", "R-7", "R-009", NULL };
  g_autoptr(AimsSheet) sheet = csv ("title,inherent_likelihood,inherent_impact\n"
                                    "A,1,1\nB,2,2\nC,3,3\n", "plain.csv");
  g_autoptr(AimsImportResult) result = NULL;
  g_autofree char *next = NULL;

  for (guint i = 0; existing[i] != NULL; i++)
    {
      g_autoptr(GHashTable) values = risk_values (existing[i], "Before", "", 1, 1, 0, 0, "",
                                                  "", "", "identified", "", "", "", "", "");

      general_insert (fixture->store, "risk", values);
    }

  result = import (fixture->store, "risks", sheet, TRUE, FALSE);
  assert_imported (result, 3, 0);

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *reference = g_strdup_printf ("R-%03u", 10 + i);
      g_autofree char *uuid = find_by_reference (fixture->store, "risk", reference);
      g_autofree char *title = NULL;

      g_assert_nonnull (uuid);
      title = aims_store_dup_text (fixture->store, "risk", uuid, "title", NULL);
      g_assert_cmpint (title[0], ==, 'A' + (int) i);
    }

  next = aims_store_next_reference (fixture->store, "risk");
  g_assert_cmpstr (next, ==, "R-013");
}

/* What only the database knows is still refused: an incident of an AI
 * system that is not in the project. */
static void
test_unknown_system (Fixture       *fixture,
                     gconstpointer  data)
{
  static const char * const reasons[] = { "“link.csv”, row 3: ", NULL };
  g_autofree char *stranger = g_uuid_string_random ();
  g_autofree char *text = g_strdup_printf ("reference,title,system\n"
                                           "INC-1,Fine,%s\n"
                                           "INC-2,Stranger,%s\n", fixture->system, stranger);
  g_autoptr(AimsSheet) sheet = csv (text, "link.csv");
  g_autoptr(AimsImportResult) result = import (fixture->store, "incidents", sheet, TRUE, FALSE);

  assert_rejections (result, reasons);
  g_assert_cmpuint (aims_store_count (fixture->store, "incident"), ==, 0);
}

/* The bulk writes with the database's CHECK constraints off, having judged
 * every value against the field descriptors' choices: so every value a
 * descriptor allows must be one the database's CHECK allows. Each CHECK of
 * the schema is "column IN (…)"; its list is the descriptor's, exactly. */
static void
test_checks_match_choices (Fixture       *fixture,
                           gconstpointer  data)
{
  sqlite3 *db = _aims_store_get_db (fixture->store);
  g_autoptr(GRegex) check = g_regex_new ("CHECK \\((\\w+) IN\\s*\\(([^)]*)\\)\\)", 0, 0, NULL);
  sqlite3_stmt *stmt = NULL;
  guint n_checks = 0;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name, sql FROM sqlite_schema "
                                       "WHERE type = 'table' AND sql IS NOT NULL",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *table = (const char *) sqlite3_column_text (stmt, 0);
      const char *sql = (const char *) sqlite3_column_text (stmt, 1);
      const AimsTableInfo *info = _aims_schema_def_lookup_table (_aims_schema_get_default (),
                                                                 table);
      g_autoptr(GMatchInfo) match = NULL;

      g_assert_nonnull (info);
      g_regex_match (check, sql, 0, &match);
      for (; g_match_info_matches (match); g_match_info_next (match, NULL))
        {
          g_autofree char *column = g_match_info_fetch (match, 1);
          g_autofree char *list = g_match_info_fetch (match, 2);
          g_auto(GStrv) items = g_regex_split_simple ("\\s*,\\s*", g_strstrip (list), 0, 0);
          const AimsFieldInfo *field = aims_table_info_lookup_field (info, column);
          g_autoptr(GPtrArray) allowed = g_ptr_array_new_with_free_func (g_free);
          g_autoptr(GPtrArray) described = g_ptr_array_new ();

          /* Internal tables (the change log) have CHECKs but no choices. */
          if (info->kind == AIMS_TABLE_INTERNAL || g_str_equal (table, "changeset"))
            continue;

          g_assert_nonnull (field);
          for (guint i = 0; items[i] != NULL; i++)
            {
              char *item = g_strdup (items[i]);

              /* 'text' → text; 0 and 1 stay */
              if (item[0] == '\'')
                {
                  item[strlen (item) - 1] = '\0';
                  memmove (item, item + 1, strlen (item));
                }
              g_ptr_array_add (allowed, item);
            }

          if (field->kind == AIMS_FIELD_BOOLEAN)
            {
              g_ptr_array_add (described, (gpointer) "0");
              g_ptr_array_add (described, (gpointer) "1");
            }
          else
            {
              g_assert_nonnull (field->choices);
              for (guint i = 0; field->choices[i] != NULL; i++)
                g_ptr_array_add (described, (gpointer) field->choices[i]);
            }

          if (allowed->len != described->len)
            g_error ("%s.%s: the CHECK allows %u values, the descriptor %u", table, column,
                     allowed->len, described->len);
          for (guint i = 0; i < described->len; i++)
            {
              gboolean found = FALSE;

              for (guint j = 0; j < allowed->len; j++)
                found = found || g_str_equal (g_ptr_array_index (described, i),
                                              g_ptr_array_index (allowed, j));
              if (!found)
                g_error ("%s.%s: the descriptor allows “%s”, the CHECK does not", table, column,
                         (const char *) g_ptr_array_index (described, i));
            }
          n_checks++;
        }
    }
  sqlite3_finalize (stmt);

  /* Every choice column of the registers has one: far more than a few. */
  g_assert_cmpuint (n_checks, >, 40);
}

/* A value the CHECK refuses, written straight to the database: the
 * (extended) result code. */
static int
write_bad_treatment (AimsStore *store)
{
  return sqlite3_exec (_aims_store_get_db (store),
                       "UPDATE risk SET treatment = 'ignore-it' WHERE reference = 'R-001'",
                       NULL, NULL, NULL);
}

/* The CHECK constraints the bulk turns off are on again after every way an
 * import ends: applied, refused, a dry run; and after a delete, an undo and
 * a redo, which turn them off for the deletes they log. */
static void
test_checks_on_after (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(AimsSheet) good = csv ("reference,title,inherent_likelihood,inherent_impact\n"
                                   "R-001,First,1,1\n", "good.csv");
  g_autoptr(AimsSheet) bad = csv ("reference,title,inherent_likelihood,inherent_impact\n"
                                  "R-002,Second,9,1\n", "bad.csv");
  g_autoptr(AimsImportResult) applied = import (fixture->store, "risks", good, FALSE, FALSE);
  g_autoptr(AimsImportResult) refused = NULL;
  g_autoptr(AimsImportResult) dry = NULL;

  assert_imported (applied, 1, 0);
  g_assert_cmpint (write_bad_treatment (fixture->store), ==, SQLITE_CONSTRAINT_CHECK);

  refused = import (fixture->store, "risks", bad, FALSE, FALSE);
  g_assert_false (aims_import_result_get_applied (refused));
  g_assert_cmpint (write_bad_treatment (fixture->store), ==, SQLITE_CONSTRAINT_CHECK);

  dry = import (fixture->store, "risks", good, TRUE, TRUE);
  g_assert_cmpint (write_bad_treatment (fixture->store), ==, SQLITE_CONSTRAINT_CHECK);

  /* Deletes, and undo deleting what an import added, log with the CHECKs
   * off (aims-store.c); they are on again after each. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(AimsSheet) more = csv ("reference,title,inherent_likelihood,inherent_impact\n"
                                     "R-003,Third,1,1\nR-004,Fourth,2,2\n", "more.csv");
    g_autoptr(AimsImportResult) added = import (fixture->store, "risks", more, FALSE, FALSE);
    g_autofree char *r004 = NULL;

    assert_imported (added, 2, 0);
    g_assert_true (aims_store_undo (fixture->store, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (aims_store_count (fixture->store, "risk"), ==, 1);
    g_assert_cmpint (write_bad_treatment (fixture->store), ==, SQLITE_CONSTRAINT_CHECK);

    g_assert_true (aims_store_redo (fixture->store, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (aims_store_count (fixture->store, "risk"), ==, 3);
    g_assert_cmpint (write_bad_treatment (fixture->store), ==, SQLITE_CONSTRAINT_CHECK);

    r004 = find_by_reference (fixture->store, "risk", "R-004");
    g_assert_true (aims_store_delete (fixture->store, "risk", r004, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (aims_store_count (fixture->store, "risk"), ==, 2);
    g_assert_cmpint (write_bad_treatment (fixture->store), ==, SQLITE_CONSTRAINT_CHECK);
  }
}

/* Rows are checked on one thread and written on another; what the writer
 * refuses (a link to an AI system that is not in the project) and what the
 * checker refuses (a name no choice has, two cells of one row) come
 * out in the order of the file, over several batches of rows, and a row's
 * reasons in the order of its columns. */
static void
test_rejections_in_order (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *stranger = g_uuid_string_random ();
  g_autoptr(GString) text = g_string_new ("reference,title,system,type,severity\n");
  g_autoptr(AimsSheet) sheet = NULL;
  g_autoptr(AimsImportResult) result = NULL;
  const guint n = 2000;
  const guint writer_rows[] = { 3, 700, 1999 };
  const guint checker_rows[] = { 5, 701, 1500 };
  guint expected[6] = { 3, 5, 700, 701, 1500, 1500 };

  for (guint row = 2; row <= n + 1; row++)
    {
      gboolean stranger_row = FALSE, bad_row = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (writer_rows); i++)
        stranger_row = stranger_row || writer_rows[i] == row;
      for (guint i = 0; i < G_N_ELEMENTS (checker_rows); i++)
        bad_row = bad_row || checker_rows[i] == row;

      g_string_append_printf (text, "INC-%05u,Incident %u,%s,%s,%s\n", row, row,
                              stranger_row ? stranger : fixture->system,
                              bad_row ? "Sometimes" : "malfunction",
                              bad_row && row == 1500 ? "Dreadful" : "medium");
    }
  sheet = csv (text->str, "mixed.csv");
  result = import (fixture->store, "incidents", sheet, FALSE, FALSE);

  g_assert_false (aims_import_result_get_applied (result));
  g_assert_cmpuint (aims_import_result_get_n_rejected (result), ==, 7);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpuint (aims_import_result_get_rejected_row (result, i), ==, expected[i]);
  g_assert_cmpuint (aims_import_result_get_rejected_row (result, 6), ==, 1999);
  /* Row 1500: the type (column D) before the severity (column E). */
  g_assert_nonnull (strstr (aims_import_result_get_rejected_reason (result, 4), "column D"));
  g_assert_nonnull (strstr (aims_import_result_get_rejected_reason (result, 5), "column E"));
  g_assert_cmpuint (aims_store_count (fixture->store, "incident"), ==, 0);
}

/* The identifiers the bulk makes are time-ordered (version 7) UUIDs, all
 * different, in the order of the rows: so the table's key and the change
 * log's index grow at their end. */
static void
test_uuids (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new ("reference,title,inherent_likelihood,inherent_impact\n");
  g_autoptr(AimsSheet) sheet = NULL;
  g_autoptr(AimsImportResult) result = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_auto(GStrv) uuids = NULL;
  g_autofree const char **by_row = NULL;
  gint64 before = g_get_real_time () / 1000;

  for (guint i = 0; i < 500; i++)
    g_string_append_printf (text, "U-%03u,Risk %u,1,1\n", i, i);
  sheet = csv (text->str, "uuids.csv");
  result = import (fixture->store, "risks", sheet, FALSE, FALSE);
  assert_imported (result, 500, 0);

  uuids = aims_store_dup_uuids (fixture->store, "risk", NULL);
  g_assert_cmpuint (g_strv_length (uuids), ==, 500);
  by_row = g_new0 (const char *, 500);
  for (guint i = 0; uuids[i] != NULL; i++)
    {
      const char *uuid = uuids[i];
      g_autofree char *reference = aims_store_dup_text (fixture->store, "risk", uuid,
                                                        "reference", NULL);
      g_autofree char *ms_hex = g_strndup (uuid, 8);
      guint row;
      gint64 ms;

      g_assert_true (g_uuid_string_is_valid (uuid));
      g_assert_cmpint (uuid[14], ==, '7');
      g_assert_nonnull (strchr ("89ab", uuid[19]));
      g_assert_true (g_hash_table_add (seen, (gpointer) uuid));

      /* The first 48 bits: when the import began, in ms since 1970 */
      ms = (gint64) g_ascii_strtoull (ms_hex, NULL, 16) << 16 |
           (gint64) g_ascii_strtoull (uuid + 9, NULL, 16);
      g_assert_cmpint (ms, >=, before);
      g_assert_cmpint (ms, <=, g_get_real_time () / 1000);

      g_assert_nonnull (reference);
      row = (guint) g_ascii_strtoull (reference + 2, NULL, 10);
      g_assert_cmpuint (row, <, 500);
      by_row[row] = uuid;
    }

  /* Row after row, each UUID sorts after the one before */
  for (guint i = 1; i < 500; i++)
    g_assert_cmpstr (by_row[i - 1], <, by_row[i]);
}

/* A row that breaks one rule of the store, any one, is refused with the
 * message aims_store_insert() gives for the same record, and the rows
 * around it pass: the bulk judges a record as the general path does. */
typedef struct
{
  const char *table;
  const char *header;
  const char *row;    /* "@SYSTEM@" stands for the fixture's AI system */
} BrokenRule;

static const char risk_header[] =
  "reference,title,inherent_likelihood,inherent_impact,residual_likelihood,residual_impact,"
  "treatment,status,accepted_by,acceptance_role,acceptance_date,acceptance_rationale,"
  "acceptance_expiry,next_review";
static const char system_header[] =
  "reference,name,in_scope,scope_justification,eu_ai_act_category,eu_ai_act_area";
static const char incident_header[] =
  "reference,title,system,type,severity,status,occurred,detected,resolved";

static const BrokenRule broken_rules[] = {
  /* a required text, blank */
  { "risk", risk_header, "R-1,   ,2,3,,,mitigate,identified,,,,,," },
  /* a residual score is both values or neither */
  { "risk", risk_header, "R-1,Drift,2,3,2,,mitigate,identified,,,,,," },
  { "risk", risk_header, "R-1,Drift,2,3,,4,mitigate,identified,,,,,," },
  /* accepted, but not by its treatment */
  { "risk", risk_header, "R-1,Drift,2,3,,,mitigate,accepted,Bo,CISO,2026-02-01,Low,," },
  /* accepted by its treatment or its status, each part of the acceptance missing */
  { "risk", risk_header, "R-1,Drift,2,3,,,accept,identified,,CISO,2026-02-01,Low,," },
  { "risk", risk_header, "R-1,Drift,2,3,,,accept,identified,Bo,,2026-02-01,Low,," },
  { "risk", risk_header, "R-1,Drift,2,3,,,accept,identified,Bo,CISO,,Low,," },
  { "risk", risk_header, "R-1,Drift,2,3,,,accept,identified,Bo,CISO,2026-02-01,  ,," },
  { "risk", risk_header, "R-1,Drift,2,3,,,accept,accepted,,CISO,2026-02-01,Low,," },
  /* a date the import's reading takes (sscanf() skips the space) and the
   * store's rules refuse */
  { "risk", risk_header, "R-1,Drift,2,3,,,accept,identified,Bo,CISO,2026- 2-01,Low,," },
  /* an acceptance that expires before it was given */
  { "risk", risk_header, "R-1,Drift,2,3,,,accept,accepted,Bo,CISO,2026-02-01,Low,2026-01-31," },
  { "ai_system", system_header, "SYS-9,  ,1,,minimal," },
  { "ai_system", system_header, "SYS-9,Scorer,0,,minimal," },
  { "ai_system", system_header, "SYS-9,Scorer,1,,high-risk-annex-iii," },
  { "incident", incident_header,
    "INC-9,Outage,@SYSTEM@,malfunction,high,open,2026-03-14T09:30,2026-03-13T09:30," },
  { "incident", incident_header,
    "INC-9,Outage,@SYSTEM@,malfunction,high,resolved,2026-03-14T09:30,2026-03-14T10:00," },
};

static const char * const good_rows[] = {
  "risk", "R-0,Fine,2,3,1,1,mitigate,assessed,,,,,,", "R-2,Fine too,1,1,,,accept,accepted,Bo,CISO,2026-02-01,Low,2026-06-01,",
  "ai_system", "SYS-8,Fine,1,,minimal,", "SYS-10,Out,0,Not ours,high-risk-annex-iii,annex_iii_1",
  "incident", "INC-8,Fine,@SYSTEM@,drift,low,open,2026-03-14T09:30,2026-03-14T09:40,",
  "INC-10,Fine,@SYSTEM@,drift,low,closed,2026-03-14T09:30,,2026-03-15T09:00",
};

/* The values a cell of the test gives a field: numbers for numbers, 1 or 0
 * for yes or no, the text for the rest (the cells hold canonical values). */
static char *
with_system (const char *row,
             const char *system)
{
  g_auto(GStrv) parts = g_strsplit (row, "@SYSTEM@", -1);

  return g_strjoinv (system, parts);
}

static GHashTable *
values_of_row (const char *table,
               const char *header,
               const char *row)
{
  const AimsTableInfo *info = _aims_schema_def_lookup_table (_aims_schema_get_default (), table);
  g_auto(GStrv) names = g_strsplit (header, ",", -1);
  g_auto(GStrv) cells = g_strsplit (row, ",", -1);
  GHashTable *values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                              (GDestroyNotify) g_variant_unref);

  g_assert_cmpuint (g_strv_length (names), ==, g_strv_length (cells));
  for (guint i = 0; names[i] != NULL; i++)
    {
      const AimsFieldInfo *field = aims_table_info_lookup_field (info, names[i]);
      GVariant *value;

      g_assert_nonnull (field);
      if (field->kind == AIMS_FIELD_INTEGER)
        value = g_variant_new_int64 (g_ascii_strtoll (cells[i], NULL, 10));
      else if (field->kind == AIMS_FIELD_BOOLEAN)
        value = g_variant_new_boolean (g_str_equal (cells[i], "1"));
      else
        value = g_variant_new_string (cells[i]);
      g_hash_table_insert (values, (gpointer) field->name, g_variant_ref_sink (value));
    }

  return values;
}

static void
test_broken_rules (Fixture       *fixture,
                   gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (broken_rules); i++)
    {
      const BrokenRule *broken = &broken_rules[i];
      g_autofree char *row = with_system (broken->row, fixture->system);
      g_autoptr(GString) text = g_string_new (broken->header);
      g_autoptr(GHashTable) values = values_of_row (broken->table, broken->header, row);
      g_autoptr(GError) error = NULL;
      g_autofree char *uuid = NULL;
      g_autofree char *expected = NULL;
      g_autoptr(AimsSheet) sheet = NULL;
      g_autoptr(AimsImportResult) result = NULL;
      guint n_good = 0;

      /* The general path refuses it, and says why. */
      uuid = aims_store_insert (fixture->general, broken->table, values, &error);
      g_assert_null (uuid);
      if (error == NULL)
        g_error ("case %u (%s) breaks no rule of the general path", i, row);
      expected = g_strdup_printf ("“broken.csv”, row 3: %s", error->message);
      g_test_message ("%s", expected);

      /* Between good rows of the same table */
      g_string_append_c (text, '\n');
      for (guint g = 0; g < G_N_ELEMENTS (good_rows); g++)
        {
          if (!g_str_equal (good_rows[g], broken->table))
            continue;
          for (g++; g < G_N_ELEMENTS (good_rows) && strchr (good_rows[g], ',') != NULL; g++)
            {
              g_autofree char *good = with_system (good_rows[g], fixture->system);

              g_string_append_printf (text, "%s\n", good);
              if (++n_good == 1)
                g_string_append_printf (text, "%s\n", row);
            }
          break;
        }
      g_assert_cmpuint (n_good, ==, 2);

      sheet = csv (text->str, "broken.csv");
      result = import (fixture->store, broken->table, sheet, FALSE, FALSE);
      g_assert_false (aims_import_result_get_applied (result));
      if (aims_import_result_get_n_rejected (result) != 1)
        g_error ("case %u (%s): %u rows rejected, first: %s", i, row,
                 aims_import_result_get_n_rejected (result),
                 aims_import_result_get_n_rejected (result) > 0
                 ? aims_import_result_get_rejected_reason (result, 0) : "none");
      g_assert_cmpuint (aims_import_result_get_rejected_row (result, 0), ==, 3);
      g_assert_cmpstr (aims_import_result_get_rejected_reason (result, 0), ==, expected);
      g_assert_cmpuint (aims_store_count (fixture->store, broken->table), ==,
                        g_str_equal (broken->table, "ai_system") ? 1 : 0);
    }

  /* The good rows alone pass, in both paths. */
  for (guint g = 0; g < G_N_ELEMENTS (good_rows); g++)
    {
      const char *table = good_rows[g];
      const char *header = g_str_equal (table, "risk") ? risk_header
                           : g_str_equal (table, "ai_system") ? system_header : incident_header;
      g_autoptr(GString) text = g_string_new (header);
      g_autoptr(AimsSheet) sheet = NULL;
      g_autoptr(AimsImportResult) result = NULL;
      guint n = 0;

      g_string_append_c (text, '\n');
      for (g++; g < G_N_ELEMENTS (good_rows) && strchr (good_rows[g], ',') != NULL; g++, n++)
        {
          g_autofree char *row = with_system (good_rows[g], fixture->system);
          g_autoptr(GHashTable) values = values_of_row (table, header, row);
          g_autoptr(GError) error = NULL;
          g_autofree char *uuid = aims_store_insert (fixture->general, table, values, &error);

          g_assert_no_error (error);
          g_assert_nonnull (uuid);
          g_string_append_printf (text, "%s\n", row);
        }
      g--;

      sheet = csv (text->str, "good.csv");
      result = import (fixture->store, table, sheet, FALSE, FALSE);
      assert_imported (result, n, 0);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/import-bulk/same-as-general-path", test_same_as_general_path);
  ADD ("/import-bulk/undo-redo", test_undo_redo);
  ADD ("/import-bulk/rejection-at-the-end", test_rejection_at_the_end);
  ADD ("/import-bulk/many-rows", test_many_rows);
  ADD ("/import-bulk/duplicates", test_duplicates);
  ADD ("/import-bulk/next-references", test_next_references);
  ADD ("/import-bulk/unknown-system", test_unknown_system);
  ADD ("/import-bulk/checks-match-choices", test_checks_match_choices);
  ADD ("/import-bulk/checks-on-after", test_checks_on_after);
  ADD ("/import-bulk/rejections-in-order", test_rejections_in_order);
  ADD ("/import-bulk/uuids", test_uuids);
  ADD ("/import-bulk/broken-rules", test_broken_rules);

  return g_test_run ();
}
