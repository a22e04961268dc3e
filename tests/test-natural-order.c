/* test-natural-order.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The natural order of references that every record list shows, kept in
 * memory (aims-natural-order.c). The expected order always comes from the
 * SQL expression the lists used before, run by SQLite on the same
 * references: the order must not change for anyone. */

#include "config.h"

#include "aims-natural-order-private.h"
#include "aims-store-private.h"
#include "aims-test-util.h"

#include <string.h>

/* The order the lists used to ask SQLite for */
#define NATURAL_SQL \
  "rtrim(reference, '0123456789') COLLATE NOCASE, " \
  "CAST(substr(reference, length(rtrim(reference, '0123456789')) + 1) AS INTEGER), reference"

/* References that tell orders apart: case, leading zeros, no number, only
 * a number, a number too large for 64 bits, digits inside, non-ASCII */
static const char * const tricky[] = {
  "SYS-9", "SYS-10", "SYS-010", "sys-9", "Sys-11", "SYS-", "SYS", "10", "9", "",
  "SYS-99999999999999999999", "SYS-9223372036854775807", "SYS-1a2", "SYS-1A3",
  "A-1", "a-2", "B", "SYS-0", "SYS-00", "R2-D2", "R2-d3", "Ärger-1", "Zed-1", "_-5",
  "SYS- 4", "SYS-4 ", "DS-001", "DS-1",
  NULL
};

typedef struct
{
  char      *dir;
  AimsStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = aims_test_make_dir ();
  path = g_build_filename (fixture->dir, "order.sqlite", NULL);
  fixture->store = aims_store_new (path, "Ada", &error);
  g_assert_no_error (error);
  g_assert_true (_aims_store_create_project (fixture->store, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  aims_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static GPtrArray *
query_strings (sqlite3    *db,
               const char *sql)
{
  GPtrArray *values = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (values, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);

  return values;
}

static int
compare_cb (gconstpointer a,
            gconstpointer b)
{
  return _aims_natural_compare (*(const char * const *) a, *(const char * const *) b);
}

static void
assert_same_strings (GPtrArray *actual,
                     GPtrArray *expected)
{
  g_assert_cmpuint (actual->len, ==, expected->len);
  for (guint i = 0; i < actual->len; i++)
    g_assert_cmpstr (g_ptr_array_index (actual, i), ==, g_ptr_array_index (expected, i));
}

/* The comparison alone, against SQLite on the same strings */
static void
test_compare (void)
{
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE t (reference TEXT)", NULL, NULL, NULL), ==, SQLITE_OK);
  for (guint i = 0; tricky[i] != NULL; i++)
    {
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, "INSERT INTO t VALUES (?)", -1, &stmt, NULL), ==, SQLITE_OK);
      sqlite3_bind_text (stmt, 1, tricky[i], -1, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_finalize (stmt);
      g_ptr_array_add (sorted, (gpointer) tricky[i]);
    }
  expected = query_strings (db, "SELECT reference FROM t ORDER BY " NATURAL_SQL);
  sqlite3_close (db);

  g_ptr_array_sort (sorted, compare_cb);
  g_assert_cmpuint (sorted->len, ==, expected->len);
  for (guint i = 0; i < sorted->len; i++)
    g_assert_cmpstr (g_ptr_array_index (sorted, i), ==, g_ptr_array_index (expected, i));

  /* What people see */
  g_assert_cmpint (_aims_natural_compare ("SYS-9", "SYS-10"), <, 0);
  g_assert_cmpint (_aims_natural_compare ("SYS-10", "SYS-10000"), <, 0);
  g_assert_cmpint (_aims_natural_compare ("sys-9", "SYS-10"), <, 0);
  g_assert_cmpint (_aims_natural_compare ("SYS-10", "SYS-10"), ==, 0);
}

/* A list's references, in the list's order */
static GPtrArray *
list_references (AimsRecordList *list)
{
  GPtrArray *references = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(AimsRecord) record = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_ptr_array_add (references, aims_record_dup_text (record, "reference"));
    }

  return references;
}

static void
assert_list_order (Fixture        *fixture,
                   AimsRecordList *list,
                   const char     *order_by)
{
  g_autofree char *sql = g_strdup_printf ("SELECT reference FROM ai_system ORDER BY %s", order_by);
  g_autoptr(GPtrArray) expected = query_strings (_aims_store_get_db (fixture->store), sql);
  g_autoptr(GPtrArray) actual = list_references (list);

  assert_same_strings (actual, expected);
}

static char *
add_system (Fixture    *fixture,
            const char *reference,
            const char *name)
{
  return aims_test_add_system (fixture->store, reference, name);
}

/* Lists show the order, alone, reversed and after a sort column, and follow
 * each edit without reading every reference again */
static void
test_lists_follow_edits (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(AimsRecordList) list = aims_record_list_new (fixture->store, "ai_system");
  g_autoptr(AimsRecordList) by_name = aims_record_list_new (fixture->store, "ai_system");
  g_autoptr(GPtrArray) uuids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  AimsNaturalOrder *order;
  guint builds;

  /* Names repeat, so the sort by name leaves ties for the references */
  for (guint i = 0; tricky[i] != NULL; i++)
    {
      g_autofree char *name = g_strdup_printf ("System %u", i % 4);

      if (tricky[i][0] == '\0')
        continue;
      g_ptr_array_add (uuids, add_system (fixture, tricky[i], name));
    }

  aims_record_list_set_sort (by_name, "name", TRUE);
  assert_list_order (fixture, list, NATURAL_SQL);
  assert_list_order (fixture, by_name, "name COLLATE NOCASE DESC, " NATURAL_SQL);

  order = _aims_natural_order_get (fixture->store, aims_schema_lookup_table ("ai_system"));
  builds = _aims_natural_order_get_n_builds (order);
  g_assert_cmpuint (builds, >=, 1);

  /* The reference column sorted the other way */
  aims_record_list_set_sort (list, "reference", TRUE);
  {
    g_autoptr(GPtrArray) expected = query_strings (_aims_store_get_db (fixture->store),
                                                   "SELECT reference FROM ai_system ORDER BY "
                                                   "rtrim(reference, '0123456789') COLLATE NOCASE DESC, "
                                                   "CAST(substr(reference, length(rtrim(reference, "
                                                   "'0123456789')) + 1) AS INTEGER) DESC, "
                                                   "reference DESC");
    g_autoptr(GPtrArray) actual = list_references (list);

    assert_same_strings (actual, expected);
  }
  aims_record_list_set_sort (list, NULL, FALSE);

  /* A reference typed anew moves its record; a new record takes its place;
   * a deleted one goes; undo brings it back */
  g_assert_true (aims_store_update (fixture->store, "ai_system", g_ptr_array_index (uuids, 0),
                                    "reference", g_variant_new_string ("SYS-5"), &error));
  g_assert_no_error (error);
  assert_list_order (fixture, list, NATURAL_SQL);
  assert_list_order (fixture, by_name, "name COLLATE NOCASE DESC, " NATURAL_SQL);

  g_ptr_array_add (uuids, add_system (fixture, "SYS-09", "System 2"));
  g_ptr_array_add (uuids, add_system (fixture, "sys-1000", "System 1"));
  assert_list_order (fixture, list, NATURAL_SQL);
  assert_list_order (fixture, by_name, "name COLLATE NOCASE DESC, " NATURAL_SQL);

  g_assert_true (aims_store_delete (fixture->store, "ai_system", g_ptr_array_index (uuids, 3), &error));
  g_assert_no_error (error);
  assert_list_order (fixture, list, NATURAL_SQL);
  g_assert_true (aims_store_undo (fixture->store, &error));
  g_assert_no_error (error);
  assert_list_order (fixture, list, NATURAL_SQL);
  assert_list_order (fixture, by_name, "name COLLATE NOCASE DESC, " NATURAL_SQL);

  /* Edits of other fields leave the order alone, all of it followed one
   * record at a time */
  g_assert_true (aims_store_update (fixture->store, "ai_system", g_ptr_array_index (uuids, 2),
                                    "name", g_variant_new_string ("Renamed"), &error));
  g_assert_no_error (error);
  assert_list_order (fixture, by_name, "name COLLATE NOCASE DESC, " NATURAL_SQL);
  g_assert_cmpuint (_aims_natural_order_get_n_builds (order), ==, builds);

  /* A row written behind the store's back is found on the next query */
  g_assert_cmpint (sqlite3_exec (_aims_store_get_db (fixture->store),
                                 "INSERT INTO ai_system (uuid, reference, name, created, modified) "
                                 "VALUES ('behind', 'SYS-7', 'Behind', '2026-01-01T00:00:00Z', "
                                 "'2026-01-01T00:00:00Z')", NULL, NULL, NULL), ==, SQLITE_OK);
  aims_record_list_set_search (list, "sys");
  aims_record_list_set_search (list, NULL);
  assert_list_order (fixture, list, NATURAL_SQL);
  aims_record_list_set_sort (by_name, "name", FALSE);
  assert_list_order (fixture, by_name, "name COLLATE NOCASE, " NATURAL_SQL);
}

/* Many records at once (an import, an undo of one) make the order read
 * again, and it is still right */
static void
test_bulk_change (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(AimsRecordList) list = aims_record_list_new (fixture->store, "ai_system");
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);

  aims_store_begin_group (fixture->store, "Add many");
  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *reference = g_strdup_printf (i % 2 ? "SYS-%u" : "sys-%03u", 300 - i);
      g_autofree char *uuid = add_system (fixture, reference, reference);
    }
  g_assert_true (aims_store_end_group (fixture->store, &error));
  g_assert_no_error (error);
  assert_list_order (fixture, list, NATURAL_SQL);

  g_assert_true (aims_store_undo (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_true (aims_store_redo (fixture->store, &error));
  g_assert_no_error (error);
  assert_list_order (fixture, list, NATURAL_SQL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/natural-order/compare", test_compare);
  g_test_add ("/natural-order/lists-follow-edits", Fixture, NULL, fixture_set_up,
              test_lists_follow_edits, fixture_tear_down);
  g_test_add ("/natural-order/bulk-change", Fixture, NULL, fixture_set_up,
              test_bulk_change, fixture_tear_down);

  return g_test_run ();
}
