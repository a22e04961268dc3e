/* test-record-list.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* AimsRecordList, the lazy list of the inventory browser: search as you
 * type, facet filters, sorting, the shown/total count, laziness on a large
 * inventory, and items-changed while the store is edited. Expected results
 * come from the records themselves (read through the store) or from SQL,
 * never from the list's own query. */

#include "config.h"

#include "aims-record-private.h"
#include "aims-record-list-private.h"
#include "aims-row-cache-private.h"
#include "aims-store-private.h"
#include "aims-test-util.h"

#include <string.h>

/* What search-as-you-type looks at for AI systems: name, identifier,
 * owners and description. */
static const char * const searched[] = {
  "name", "reference", "business_owner", "technical_owner", "description", NULL
};

typedef struct
{
  char      *dir;
  AimsStore *store;
  guint      n_systems;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = aims_test_make_dir ();
  path = g_build_filename (fixture->dir, "list.sqlite", NULL);
  fixture->store = aims_store_new (path, "Ada", &error);
  g_assert_no_error (error);
  g_assert_true (_aims_store_create_project (fixture->store, &error));
  g_assert_no_error (error);

  if (data == NULL)
    {
      g_assert_true (aims_demo_generate (fixture->store, AIMS_DEMO_SCALE_SMALL,
                                         AIMS_DEMO_DEFAULT_SEED, &error));
      g_assert_no_error (error);
    }

  fixture->n_systems = aims_store_count (fixture->store, "ai_system");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  aims_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static char *
store_text (Fixture    *fixture,
            const char *uuid,
            const char *field)
{
  g_autoptr(GError) error = NULL;
  char *text = aims_store_dup_text (fixture->store, "ai_system", uuid, field, &error);

  g_assert_no_error (error);
  return text != NULL ? text : g_strdup ("");
}

static gboolean
contains_ignoring_case (const char *haystack,
                        const char *needle)
{
  g_autofree char *h = g_ascii_strdown (haystack, -1);
  g_autofree char *n = g_ascii_strdown (needle, -1);

  return strstr (h, n) != NULL;
}

/* The oracle of the search, from the stored records. */
static gboolean
system_matches (Fixture    *fixture,
                const char *uuid,
                const char *text)
{
  for (guint i = 0; searched[i] != NULL; i++)
    {
      g_autofree char *value = store_text (fixture, uuid, searched[i]);

      if (contains_ignoring_case (value, text))
        return TRUE;
    }

  return FALSE;
}

static GStrv
all_uuids (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  GStrv uuids = aims_store_dup_uuids (fixture->store, "ai_system", &error);

  g_assert_no_error (error);
  return uuids;
}

/* The UUIDs the list shows, in order. */
static GPtrArray *
list_uuids (GListModel *list)
{
  GPtrArray *uuids = g_ptr_array_new_with_free_func (g_free);
  guint n = g_list_model_get_n_items (list);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AimsRecord) record = g_list_model_get_item (list, i);

      g_assert_nonnull (record);
      g_ptr_array_add (uuids, g_strdup (aims_record_get_uuid (record)));
    }

  /* The GListModel contract: nothing past the end. */
  g_assert_null (g_list_model_get_item (list, n));

  return uuids;
}

static gint64
sql_count (AimsStore  *store,
           const char *sql,
           const char *first,
           const char *second)
{
  sqlite3_stmt *stmt = NULL;
  gint64 count;

  g_assert_cmpint (sqlite3_prepare_v2 (_aims_store_get_db (store), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  if (first != NULL)
    sqlite3_bind_text (stmt, 1, first, -1, SQLITE_TRANSIENT);
  if (second != NULL)
    sqlite3_bind_text (stmt, 2, second, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  count = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return count;
}

/* The list shows exactly the systems the oracle picks for @text. */
static guint
assert_search (Fixture        *fixture,
               AimsRecordList *list,
               const char     *text)
{
  g_auto(GStrv) uuids = all_uuids (fixture);
  g_autoptr(GPtrArray) shown = NULL;
  guint expected = 0;

  aims_record_list_set_search (list, text);
  shown = list_uuids (G_LIST_MODEL (list));

  for (guint i = 0; uuids[i] != NULL; i++)
    {
      gboolean match = system_matches (fixture, uuids[i], text);
      gboolean listed = aims_record_list_find (list, uuids[i]) != G_MAXUINT;

      if (match != listed)
        g_error ("Searching “%s”: %s is %s but %s", text, uuids[i],
                 match ? "a match" : "no match", listed ? "shown" : "not shown");
      expected += match;
    }

  g_assert_cmpuint (shown->len, ==, expected);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, expected);
  g_assert_cmpuint (aims_record_list_get_total (list), ==, fixture->n_systems);

  return expected;
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(AimsRecordList) list = aims_record_list_new (fixture->store, "ai_system");
  g_auto(GStrv) uuids = all_uuids (fixture);
  g_autofree char *name = store_text (fixture, uuids[1], "name");
  g_autofree char *upper_name = g_ascii_strup (name, -1);
  g_autofree char *reference = store_text (fixture, uuids[4], "reference");
  g_autofree char *lower_reference = g_ascii_strdown (reference, -1);
  g_autofree char *owner = store_text (fixture, uuids[2], "business_owner");
  g_autofree char *technical_owner = store_text (fixture, uuids[6], "technical_owner");
  g_autofree char *description = store_text (fixture, uuids[3], "description");
  g_autofree char *phrase = NULL;
  g_autofree char *padded = NULL;
  guint previous;

  g_assert_cmpuint (fixture->n_systems, >=, 10);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, fixture->n_systems);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == AIMS_TYPE_RECORD);

  /* Each searched field finds its system, whatever the case. */
  g_assert_cmpuint (assert_search (fixture, list, upper_name), >=, 1);
  g_assert_cmpuint (aims_record_list_find (list, uuids[1]), !=, G_MAXUINT);

  g_assert_cmpuint (assert_search (fixture, list, lower_reference), ==, 1);
  g_assert_cmpuint (aims_record_list_find (list, uuids[4]), ==, 0);

  g_assert_cmpuint (assert_search (fixture, list, owner), >=, 1);
  g_assert_cmpuint (aims_record_list_find (list, uuids[2]), !=, G_MAXUINT);

  g_assert_cmpuint (assert_search (fixture, list, technical_owner), >=, 1);
  g_assert_cmpuint (aims_record_list_find (list, uuids[6]), !=, G_MAXUINT);

  /* A few words from the middle of a description */
  g_assert_cmpuint (strlen (description), >, 30);
  phrase = g_utf8_substring (description, 10, 24);
  g_assert_cmpuint (assert_search (fixture, list, phrase), >=, 1);
  g_assert_cmpuint (aims_record_list_find (list, uuids[3]), !=, G_MAXUINT);

  /* Several references at once: "sys-01" is SYS-010 to SYS-013. */
  g_assert_cmpuint (assert_search (fixture, list, "sys-01"), ==, fixture->n_systems - 9);

  /* As you type the name letter by letter, the list only narrows, down to
   * the system itself. */
  previous = fixture->n_systems;
  for (glong i = 1; i <= g_utf8_strlen (name, -1); i++)
    {
      g_autofree char *typed = g_utf8_substring (name, 0, i);
      guint n = assert_search (fixture, list, typed);

      g_assert_cmpuint (n, <=, previous);
      g_assert_cmpuint (n, >=, 1);
      previous = n;
    }
  g_assert_cmpuint (previous, <, fixture->n_systems);

  /* Spaces around what is typed do not count. */
  padded = g_strdup_printf ("  %s ", upper_name);
  aims_record_list_set_search (list, padded);
  g_assert_cmpuint (aims_record_list_find (list, uuids[1]), !=, G_MAXUINT);

  /* Wildcards of SQL are plain characters. */
  g_assert_cmpuint (assert_search (fixture, list, "%"), <, fixture->n_systems);
  g_assert_cmpuint (assert_search (fixture, list, "_"), <, fixture->n_systems);
  g_assert_cmpuint (assert_search (fixture, list, "sys_001"), ==, 0);
  g_assert_cmpuint (assert_search (fixture, list, "no such system anywhere"), ==, 0);

  /* An empty search shows everything again. */
  g_assert_cmpuint (assert_search (fixture, list, ""), ==, fixture->n_systems);
  aims_record_list_set_search (list, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, fixture->n_systems);

  /* A field that is not searched does not make a match. */
  {
    g_autofree char *languages = store_text (fixture, uuids[0], "languages");
    g_autoptr(GError) error = NULL;

    g_assert_true (aims_store_update (fixture->store, "ai_system", uuids[0], "languages",
                                      g_variant_new_string ("Zyxwvut"), &error));
    g_assert_no_error (error);
    g_assert_cmpuint (assert_search (fixture, list, "zyxwvut"), ==, 0);
  }
}

/* Every value of a facet narrows to exactly the systems holding it. */
static void
assert_facet (Fixture        *fixture,
              AimsRecordList *list,
              const char     *field,
              const char     *value)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM ai_system WHERE %s = ?", field);
  gint64 expected = sql_count (fixture->store, sql, value, NULL);
  g_autoptr(GPtrArray) shown = NULL;

  aims_record_list_set_filter (list, field, value);
  shown = list_uuids (G_LIST_MODEL (list));
  g_assert_cmpuint (shown->len, ==, expected);
  g_assert_cmpuint (aims_record_list_get_total (list), ==, fixture->n_systems);

  for (guint i = 0; i < shown->len; i++)
    {
      g_autofree char *held = store_text (fixture, g_ptr_array_index (shown, i), field);

      g_assert_cmpstr (held, ==, value);
    }
}

static void
test_facets (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(AimsRecordList) list = aims_record_list_new (fixture->store, "ai_system");
  const AimsTableInfo *systems = aims_schema_lookup_table ("ai_system");
  static const char * const choice_facets[] = { "lifecycle", "eu_ai_act_category", NULL };

  for (guint f = 0; choice_facets[f] != NULL; f++)
    {
      const AimsFieldInfo *field = aims_table_info_lookup_field (systems, choice_facets[f]);
      guint sum = 0;
      guint non_empty = 0;

      for (guint i = 0; i < field->n_choices; i++)
        {
          guint n;

          assert_facet (fixture, list, field->name, field->choice_list[i].id);
          n = g_list_model_get_n_items (G_LIST_MODEL (list));
          sum += n;
          non_empty += n > 0;
        }

      /* Each system is under exactly one value; the demo uses several. */
      g_assert_cmpuint (sum, ==, fixture->n_systems);
      g_assert_cmpuint (non_empty, >=, 2);

      aims_record_list_set_filter (list, field->name, NULL);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, fixture->n_systems);
    }

  /* Owners: every value the facet offers */
  {
    g_autoptr(GPtrArray) owners = aims_record_list_dup_facet_values (list, "business_owner");
    guint sum = 0;

    g_assert_cmpuint (owners->len, >=, 2);
    for (guint i = 0; i < owners->len; i++)
      {
        assert_facet (fixture, list, "business_owner", g_ptr_array_index (owners, i));
        g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), >=, 1);
        sum += g_list_model_get_n_items (G_LIST_MODEL (list));
      }
    g_assert_cmpuint (sum, ==, sql_count (fixture->store, "SELECT count(*) FROM ai_system "
                                          "WHERE business_owner <> ''", NULL, NULL));
    aims_record_list_set_filter (list, "business_owner", NULL);
  }

  /* In scope, as "1" and "0"; the demo has both. */
  assert_facet (fixture, list, "in_scope", "1");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==,
                    aims_inventory_count_in_scope (fixture->store));
  assert_facet (fixture, list, "in_scope", "0");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), >=, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), <, fixture->n_systems);

  /* Facets combine with each other and with the search. */
  aims_record_list_set_filter (list, "in_scope", "1");
  aims_record_list_set_filter (list, "lifecycle", "operation-monitoring");
  {
    g_autoptr(GPtrArray) shown = list_uuids (G_LIST_MODEL (list));

    g_assert_cmpuint (shown->len, ==,
                      sql_count (fixture->store, "SELECT count(*) FROM ai_system WHERE "
                                 "in_scope = 1 AND lifecycle = ?", "operation-monitoring", NULL));
    g_assert_cmpuint (shown->len, >=, 1);

    for (guint i = 0; i < shown->len; i++)
      {
        g_autofree char *name = store_text (fixture, g_ptr_array_index (shown, i), "name");

        aims_record_list_set_search (list, name);
        g_assert_cmpuint (aims_record_list_find (list, g_ptr_array_index (shown, i)), !=,
                          G_MAXUINT);
        for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (list)); j++)
          {
            g_autoptr(AimsRecord) record = g_list_model_get_item (G_LIST_MODEL (list), j);
            g_autofree char *lifecycle = aims_record_dup_text (record, "lifecycle");
            g_autofree char *in_scope = aims_record_dup_text (record, "in_scope");

            g_assert_cmpstr (lifecycle, ==, "operation-monitoring");
            g_assert_cmpstr (in_scope, ==, "1");
          }
      }
  }
  aims_record_list_set_search (list, NULL);
  aims_record_list_set_filter (list, "in_scope", NULL);
  aims_record_list_set_filter (list, "lifecycle", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, fixture->n_systems);

  /* A multiple choice facet keeps the systems that have the value among
   * theirs. */
  {
    g_auto(GStrv) uuids = all_uuids (fixture);
    guint expected = 0;

    aims_record_list_set_filter (list, "roles", "deployer");
    for (guint i = 0; uuids[i] != NULL; i++)
      {
        g_autofree char *roles = store_text (fixture, uuids[i], "roles");
        g_auto(GStrv) tokens = g_strsplit (roles, ",", -1);
        gboolean has = FALSE;

        for (guint j = 0; tokens[j] != NULL; j++)
          has = has || g_str_equal (g_strstrip (tokens[j]), "deployer");

        g_assert_cmpint (has, ==, aims_record_list_find (list, uuids[i]) != G_MAXUINT);
        expected += has;
      }
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, expected);
    g_assert_cmpuint (expected, >=, 1);
  }
}

static int
choice_index (const AimsFieldInfo *field,
              const char          *id)
{
  for (guint i = 0; i < field->n_choices; i++)
    if (g_str_equal (field->choice_list[i].id, id))
      return i;

  return field->n_choices;
}

/* The values of @field down the list, with a check that each pair is in
 * order. */
static GPtrArray *
assert_sorted (Fixture        *fixture,
               AimsRecordList *list,
               const char     *field,
               gboolean        descending)
{
  const AimsFieldInfo *info = aims_table_info_lookup_field (aims_schema_lookup_table ("ai_system"),
                                                            field);
  g_autoptr(GPtrArray) uuids = NULL;
  GPtrArray *values = g_ptr_array_new_with_free_func (g_free);

  aims_record_list_set_sort (list, field, descending);
  uuids = list_uuids (G_LIST_MODEL (list));
  g_assert_cmpuint (uuids->len, ==, fixture->n_systems);

  for (guint i = 0; i < uuids->len; i++)
    g_ptr_array_add (values, store_text (fixture, g_ptr_array_index (uuids, i), field));

  for (guint i = 1; i < values->len; i++)
    {
      const char *a = g_ptr_array_index (values, i - 1);
      const char *b = g_ptr_array_index (values, i);
      int cmp;

      if (info->widget == AIMS_FIELD_WIDGET_CHOICE)
        cmp = choice_index (info, a) - choice_index (info, b);
      else
        cmp = g_ascii_strcasecmp (a, b);

      if (descending ? cmp < 0 : cmp > 0)
        g_error ("Sorted by %s%s: “%s” comes before “%s”", field,
                 descending ? " (descending)" : "", a, b);
    }

  return values;
}

static void
test_sort (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(AimsRecordList) list = aims_record_list_new (fixture->store, "ai_system");
  g_autoptr(GPtrArray) by_reference = NULL;
  g_autoptr(GPtrArray) ascending = NULL;
  g_autoptr(GPtrArray) descending = NULL;
  g_autoptr(GError) error = NULL;

  /* By default, references in natural order: SYS-9 before SYS-10. */
  {
    g_autofree char *nine = aims_test_add_system (fixture->store, "SYS-9", "Nine");
    g_autofree char *ten = aims_test_add_system (fixture->store, "SYS-10", "Ten");
    g_autofree char *hundred = aims_test_add_system (fixture->store, "SYS-100", "Hundred");

    fixture->n_systems += 3;
    g_assert_cmpuint (aims_record_list_find (list, nine), <, aims_record_list_find (list, ten));
    g_assert_cmpuint (aims_record_list_find (list, ten), <, aims_record_list_find (list, hundred));
    g_assert_cmpuint (aims_record_list_find (list, hundred), ==, fixture->n_systems - 1);
  }
  by_reference = list_uuids (G_LIST_MODEL (list));

  /* Names, ignoring case, both ways */
  g_assert_true (aims_store_update (fixture->store, "ai_system",
                                    g_ptr_array_index (by_reference, 0), "name",
                                    g_variant_new_string ("zebra crossing detector"), &error));
  g_assert_no_error (error);
  ascending = assert_sorted (fixture, list, "name", FALSE);
  descending = assert_sorted (fixture, list, "name", TRUE);
  g_assert_cmpstr (g_ptr_array_index (ascending, ascending->len - 1), ==,
                   "zebra crossing detector");
  g_assert_cmpstr (g_ptr_array_index (descending, 0), ==, "zebra crossing detector");
  g_assert_cmpstr (g_ptr_array_index (descending, descending->len - 1), ==,
                   g_ptr_array_index (ascending, 0));
  g_clear_pointer (&ascending, g_ptr_array_unref);
  g_clear_pointer (&descending, g_ptr_array_unref);

  /* Choices in their own order: life cycle from inception to retirement */
  ascending = assert_sorted (fixture, list, "lifecycle", FALSE);
  descending = assert_sorted (fixture, list, "lifecycle", TRUE);
  g_assert_cmpstr (g_ptr_array_index (ascending, 0), ==, g_ptr_array_index (descending,
                                                                             descending->len - 1));
  g_assert_cmpstr (g_ptr_array_index (ascending, 0), !=,
                   g_ptr_array_index (ascending, ascending->len - 1));
  g_clear_pointer (&ascending, g_ptr_array_unref);
  g_clear_pointer (&descending, g_ptr_array_unref);

  /* Dates as written, YYYY-MM-DD */
  ascending = assert_sorted (fixture, list, "next_review", FALSE);
  g_clear_pointer (&ascending, g_ptr_array_unref);
  ascending = assert_sorted (fixture, list, "business_owner", TRUE);
  g_clear_pointer (&ascending, g_ptr_array_unref);

  /* Back to references */
  aims_record_list_set_sort (list, NULL, FALSE);
  {
    g_autoptr(GPtrArray) again = list_uuids (G_LIST_MODEL (list));

    for (guint i = 0; i < by_reference->len; i++)
      g_assert_cmpstr (g_ptr_array_index (again, i), ==, g_ptr_array_index (by_reference, i));
  }
}

/* A large inventory: only what is asked for is made, and only what is read
 * is loaded. */
static void
test_lazy (Fixture       *fixture,
           gconstpointer  data)
{
  const guint n_systems = 5000;
  g_autoptr(AimsRecordList) list = NULL;
  g_autoptr(GError) error = NULL;
  guint alive, loads;
  guint expected = 0;

  /* Written straight to the database: this is about reading, and 5,000
   * inserts through the write path would take most of the test's time
   * under sanitizers. */
  {
    g_autofree char *sql = g_strdup_printf (
      "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %u) "
      "INSERT INTO ai_system (uuid, reference, name, created, modified) "
      "SELECT lower(hex(randomblob(16))), 'SYS-' || i, 'System ' || i, "
      "'2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z' FROM n",
      n_systems);

    g_assert_cmpint (sqlite3_exec (_aims_store_get_db (fixture->store), sql, NULL, NULL, NULL),
                     ==, SQLITE_OK);
    for (guint i = 0; i < n_systems; i++)
      {
        g_autofree char *name = g_strdup_printf ("System %u", i + 1);

        expected += strstr (name, "System 12") != NULL;
      }
  }
  g_assert_cmpuint (aims_store_count (fixture->store, "ai_system"), ==, n_systems);

  alive = _aims_record_get_n_alive ();
  loads = _aims_record_get_n_loads ();

  list = aims_record_list_new (fixture->store, "ai_system");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n_systems);
  g_assert_cmpuint (aims_record_list_get_total (list), ==, n_systems);
  g_assert_cmpuint (_aims_record_get_n_alive (), ==, alive);
  g_assert_cmpuint (_aims_record_get_n_loads (), ==, loads);

  /* One row in the middle: one record, and its page of rows read in one
   * statement. */
  {
    g_autoptr(AimsRecord) record = g_list_model_get_item (G_LIST_MODEL (list), 2500);
    g_autoptr(AimsRecord) again = NULL;
    g_autofree char *name = NULL;

    g_assert_cmpuint (_aims_record_get_n_alive (), ==, alive + 1);
    g_assert_cmpuint (_aims_record_list_get_n_reads (list), ==, 1);
    g_assert_cmpuint (_aims_record_get_n_loads (), ==, loads + AIMS_ROW_CACHE_PAGE);
    name = aims_record_dup_text (record, "name");
    g_assert_cmpstr (name, ==, "System 2501");

    again = g_list_model_get_item (G_LIST_MODEL (list), 2500);
    g_assert_true (again == record);
    g_clear_pointer (&name, g_free);
    name = aims_record_dup_text (again, "reference");
    g_assert_cmpstr (name, ==, "SYS-2501");
    g_assert_cmpuint (_aims_record_list_get_n_reads (list), ==, 1);
    g_assert_cmpuint (_aims_record_get_n_loads (), ==, loads + AIMS_ROW_CACHE_PAGE);
  }
  g_assert_cmpuint (_aims_record_get_n_alive (), ==, alive);

  /* Scrolling a screenful: one record per visible row, freed after, and a
   * statement per page of rows (4000 … 4049 lie on two). */
  for (guint i = 4000; i < 4050; i++)
    {
      g_autoptr(AimsRecord) record = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_autofree char *name = aims_record_dup_text (record, "name");
      g_autofree char *expected_name = g_strdup_printf ("System %u", i + 1);

      g_assert_cmpstr (name, ==, expected_name);
      g_assert_cmpuint (_aims_record_get_n_alive (), <=, alive + 1);
    }
  g_assert_cmpuint (_aims_record_list_get_n_reads (list), ==, 3);
  g_assert_cmpuint (_aims_record_get_n_loads (), ==, loads + 3 * AIMS_ROW_CACHE_PAGE);

  /* Scrolled back: those rows are not read again */
  for (guint i = 4049; i >= 4000; i--)
    {
      g_autoptr(AimsRecord) record = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_autofree char *name = aims_record_dup_text (record, "name");
      g_autofree char *expected_name = g_strdup_printf ("System %u", i + 1);

      g_assert_cmpstr (name, ==, expected_name);
    }
  g_assert_cmpuint (_aims_record_list_get_n_reads (list), ==, 3);
  loads = _aims_record_get_n_loads ();

  /* Searching, sorting and filtering query, they do not load records. */
  aims_record_list_set_search (list, "system 12");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, expected);
  g_assert_cmpuint (aims_record_list_get_total (list), ==, n_systems);
  aims_record_list_set_sort (list, "name", TRUE);
  aims_record_list_set_filter (list, "lifecycle", "inception");
  aims_record_list_set_search (list, NULL);
  aims_record_list_set_filter (list, "lifecycle", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n_systems);
  g_assert_cmpuint (_aims_record_get_n_alive (), ==, alive);
  g_assert_cmpuint (_aims_record_get_n_loads (), ==, loads);

  /* An edit to a record nobody shows reads nothing but the query. */
  {
    g_auto(GStrv) uuids = all_uuids (fixture);

    g_assert_true (aims_store_update (fixture->store, "ai_system", uuids[17], "description",
                                      g_variant_new_string ("Edited"), &error));
    g_assert_no_error (error);
    g_assert_cmpuint (_aims_record_get_n_loads (), ==, loads);
    g_assert_cmpuint (_aims_record_get_n_alive (), ==, alive);
  }
}

/* A copy of the list kept only from items-changed, as a view keeps one. */
typedef struct
{
  GListModel *list;
  GPtrArray  *uuids;
  guint       n_signals;
  guint       position;
  guint       removed;
  guint       added;
} Mirror;

static void
on_items_changed_cb (GListModel *list,
                     guint       position,
                     guint       removed,
                     guint       added,
                     Mirror     *mirror)
{
  g_assert_cmpuint (position + removed, <=, mirror->uuids->len);
  g_assert_cmpuint (mirror->uuids->len - removed + added, ==, g_list_model_get_n_items (list));

  g_ptr_array_remove_range (mirror->uuids, position, removed);
  for (guint i = 0; i < added; i++)
    {
      g_autoptr(AimsRecord) record = g_list_model_get_item (list, position + i);

      g_ptr_array_insert (mirror->uuids, position + i, g_strdup (aims_record_get_uuid (record)));
    }

  mirror->n_signals++;
  mirror->position = position;
  mirror->removed = removed;
  mirror->added = added;
}

static void
assert_mirror (Mirror *mirror)
{
  g_autoptr(GPtrArray) actual = list_uuids (mirror->list);

  g_assert_cmpuint (mirror->uuids->len, ==, actual->len);
  for (guint i = 0; i < actual->len; i++)
    g_assert_cmpstr (g_ptr_array_index (mirror->uuids, i), ==, g_ptr_array_index (actual, i));
}

static void
on_record_changed_cb (AimsRecord *record,
                      guint      *n_changed)
{
  (*n_changed)++;
}

static void
test_items_changed (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(AimsRecordList) list = aims_record_list_new (fixture->store, "ai_system");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) uuids = all_uuids (fixture);
  g_autofree char *added = NULL;
  g_autoptr(AimsRecord) held = NULL;
  Mirror mirror = { G_LIST_MODEL (list), list_uuids (G_LIST_MODEL (list)) };
  guint n_changed = 0;
  guint position;

  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed_cb), &mirror);

  /* An edit that keeps the order: exactly its row, with the held record
   * updated in place. */
  position = aims_record_list_find (list, uuids[5]);
  held = g_list_model_get_item (G_LIST_MODEL (list), position);
  g_assert_cmpstr (aims_record_get_uuid (held), ==, uuids[5]);
  g_signal_connect (held, "changed", G_CALLBACK (on_record_changed_cb), &n_changed);
  g_assert_true (aims_store_update (fixture->store, "ai_system", uuids[5], "description",
                                    g_variant_new_string ("Rewritten description."), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (mirror.n_signals, ==, 1);
  g_assert_cmpuint (mirror.position, ==, position);
  g_assert_cmpuint (mirror.removed, ==, 1);
  g_assert_cmpuint (mirror.added, ==, 1);
  g_assert_cmpuint (n_changed, ==, 1);
  {
    g_autofree char *description = aims_record_dup_text (held, "description");

    g_assert_cmpstr (description, ==, "Rewritten description.");
  }
  assert_mirror (&mirror);

  /* A new system appears, and the total follows. */
  mirror.n_signals = 0;
  added = aims_test_add_system (fixture->store, "SYS-0005", "Added in the middle");
  g_assert_cmpuint (mirror.n_signals, >=, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, fixture->n_systems + 1);
  g_assert_cmpuint (aims_record_list_get_total (list), ==, fixture->n_systems + 1);
  g_assert_cmpuint (aims_record_list_find (list, added), !=, G_MAXUINT);
  assert_mirror (&mirror);

  /* Sorted by name, a rename moves the row. */
  aims_record_list_set_sort (list, "name", FALSE);
  assert_mirror (&mirror);
  mirror.n_signals = 0;
  g_assert_true (aims_store_update (fixture->store, "ai_system", added, "name",
                                    g_variant_new_string ("Zzz last of all"), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (mirror.n_signals, >=, 1);
  g_assert_cmpuint (aims_record_list_find (list, added), ==, fixture->n_systems);
  assert_mirror (&mirror);

  /* A deleted system goes, and comes back on undo. */
  mirror.n_signals = 0;
  g_assert_true (aims_store_delete (fixture->store, "ai_system", uuids[5], &error));
  g_assert_no_error (error);
  g_assert_cmpuint (mirror.n_signals, >=, 1);
  g_assert_cmpuint (aims_record_list_find (list, uuids[5]), ==, G_MAXUINT);
  g_assert_cmpuint (aims_record_list_get_total (list), ==, fixture->n_systems);
  assert_mirror (&mirror);

  g_assert_true (aims_store_undo (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (aims_record_list_find (list, uuids[5]), !=, G_MAXUINT);
  g_assert_cmpuint (aims_record_list_get_total (list), ==, fixture->n_systems + 1);
  assert_mirror (&mirror);

  /* Under a search, a system that starts to match appears, one that stops
   * matching goes; the total does not move. */
  aims_record_list_set_search (list, "zzz");
  assert_mirror (&mirror);
  g_assert_cmpuint (mirror.uuids->len, ==, 1);
  g_assert_true (aims_store_update (fixture->store, "ai_system", uuids[0], "description",
                                    g_variant_new_string ("Also zzz."), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (mirror.uuids->len, ==, 2);
  assert_mirror (&mirror);
  g_assert_true (aims_store_update (fixture->store, "ai_system", added, "name",
                                    g_variant_new_string ("Renamed"), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (mirror.uuids->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (mirror.uuids, 0), ==, uuids[0]);
  assert_mirror (&mirror);

  /* An edit to a system that is not shown changes nothing shown. */
  mirror.n_signals = 0;
  g_assert_true (aims_store_update (fixture->store, "ai_system", uuids[3], "languages",
                                    g_variant_new_string ("Welsh"), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (mirror.n_signals, ==, 0);
  assert_mirror (&mirror);

  /* A group of many changes at once */
  aims_record_list_set_search (list, NULL);
  assert_mirror (&mirror);
  aims_store_begin_group (fixture->store, "Add many");
  for (guint i = 0; i < 80; i++)
    {
      g_autofree char *reference = g_strdup_printf ("NEW-%u", i);
      g_autofree char *uuid = aims_test_add_system (fixture->store, reference, reference);
    }
  g_assert_true (aims_store_delete (fixture->store, "ai_system", uuids[1], &error));
  g_assert_no_error (error);
  g_assert_true (aims_store_end_group (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (aims_record_list_get_total (list), ==, fixture->n_systems + 80);
  assert_mirror (&mirror);

  g_signal_handlers_disconnect_by_data (held, &n_changed);
  g_signal_handlers_disconnect_by_data (list, &mirror);
  g_ptr_array_unref (mirror.uuids);
}

/* A change of many records that keeps the rows (a bulk edit) is told for
 * the rows someone holds, and those records show the new values */
static void
test_bulk_edit (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(AimsRecordList) list = aims_record_list_new (fixture->store, "ai_system");
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsRecord) held = NULL;
  g_auto(GStrv) uuids = NULL;
  Mirror mirror = { G_LIST_MODEL (list), NULL };
  g_autofree char *description = NULL;
  guint position;

  /* More systems than the store names one by one in a change */
  aims_store_begin_group (fixture->store, "Add");
  for (guint i = 0; i < 100; i++)
    {
      g_autofree char *reference = g_strdup_printf ("BULK-%u", i);
      g_autofree char *uuid = aims_test_add_system (fixture->store, reference, reference);
    }
  g_assert_true (aims_store_end_group (fixture->store, &error));
  g_assert_no_error (error);

  uuids = all_uuids (fixture);
  mirror.uuids = list_uuids (G_LIST_MODEL (list));
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed_cb), &mirror);
  position = aims_record_list_find (list, uuids[7]);
  held = g_list_model_get_item (G_LIST_MODEL (list), position);
  g_free (aims_record_dup_text (held, "name"));

  aims_store_begin_group (fixture->store, "Edit all");
  for (guint i = 0; uuids[i] != NULL; i++)
    g_assert_true (aims_store_update (fixture->store, "ai_system", uuids[i], "description",
                                      g_variant_new_string ("Edited together."), &error));
  g_assert_true (aims_store_end_group (fixture->store, &error));
  g_assert_no_error (error);

  /* Only the held row, and the held record has the new text */
  g_assert_cmpuint (mirror.n_signals, ==, 1);
  g_assert_cmpuint (mirror.position, ==, position);
  g_assert_cmpuint (mirror.removed, ==, 1);
  g_assert_cmpuint (mirror.added, ==, 1);
  description = aims_record_dup_text (held, "description");
  g_assert_cmpstr (description, ==, "Edited together.");
  assert_mirror (&mirror);

  g_signal_handlers_disconnect_by_data (list, &mirror);
  g_ptr_array_unref (mirror.uuids);
}

/* SQLite gives a new row the rowid of a deleted last row: a record a view
 * still holds for the deleted system must not stand for the new one. */
static void
test_reused_rowid (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(AimsRecordList) list = aims_record_list_new (fixture->store, "ai_system");
  g_auto(GStrv) uuids = all_uuids (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsRecord) held = NULL;
  g_autoptr(AimsRecord) shown = NULL;
  g_autofree char *last = g_strdup (uuids[fixture->n_systems - 1]);
  g_autofree char *name = NULL;
  g_autofree char *added = NULL;
  g_autofree char *shown_name = NULL;

  held = g_list_model_get_item (G_LIST_MODEL (list), aims_record_list_find (list, last));
  name = aims_record_dup_text (held, "name");

  g_assert_true (aims_store_delete (fixture->store, "ai_system", last, &error));
  g_assert_no_error (error);
  added = aims_test_add_system (fixture->store, "SYS-999", "Newcomer");

  shown = g_list_model_get_item (G_LIST_MODEL (list), aims_record_list_find (list, added));
  g_assert_cmpstr (aims_record_get_uuid (shown), ==, added);
  shown_name = aims_record_dup_text (shown, "name");
  g_assert_cmpstr (shown_name, ==, "Newcomer");

  /* The held record still says what it was. */
  g_assert_cmpstr (aims_record_get_uuid (held), ==, last);
  g_clear_pointer (&name, g_free);
  name = aims_record_dup_text (held, "name");
  g_assert_cmpstr (name, !=, "Newcomer");
}


/* Every row the list shows, checked against the store: the record at each
 * position is the one SQL puts there (@order_sql yields the uuids in order)
 * and carries that record's stored name and owner. */
static void
assert_rows (Fixture        *fixture,
             AimsRecordList *list,
             const char     *order_sql)
{
  sqlite3 *db = _aims_store_get_db (fixture->store);
  sqlite3_stmt *stmt = NULL;
  guint position = 0;

  g_assert_cmpint (sqlite3_prepare_v2 (db, order_sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *uuid = (const char *) sqlite3_column_text (stmt, 0);
      g_autoptr(AimsRecord) record = g_list_model_get_item (G_LIST_MODEL (list), position);
      g_autofree char *name = NULL;
      g_autofree char *stored_name = store_text (fixture, uuid, "name");
      g_autofree char *owner = NULL;
      g_autofree char *stored_owner = store_text (fixture, uuid, "business_owner");

      g_assert_nonnull (record);
      g_assert_cmpstr (aims_record_get_uuid (record), ==, uuid);
      name = aims_record_dup_text (record, "name");
      g_assert_cmpstr (name, ==, stored_name);
      owner = aims_record_dup_text (record, "business_owner");
      g_assert_cmpstr (owner, ==, stored_owner);
      position++;
    }
  sqlite3_finalize (stmt);

  g_assert_cmpuint (position, ==, g_list_model_get_n_items (G_LIST_MODEL (list)));
}

#define BY_NAME_DESC "SELECT uuid FROM ai_system ORDER BY name COLLATE NOCASE DESC"

/* Rows are read a page at a time and kept by rowid, whatever their
 * position: a new order shows the rows read before without reading them
 * again, each in its new place; commits that add, edit or delete rows in
 * the middle never leave a row showing what it was, not even when a new
 * row takes over a deleted row's rowid. */
static void
test_pages (Fixture       *fixture,
            gconstpointer  data)
{
  const guint n_systems = 300;
  g_autoptr(AimsRecordList) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *added = NULL;
  g_autofree char *last = NULL;
  g_autofree char *reused = NULL;
  guint pages = (n_systems + AIMS_ROW_CACHE_PAGE - 1) / AIMS_ROW_CACHE_PAGE;
  guint reads;

  /* Unique names that do not follow the references: "Name 00299" for
   * SYS-1, down to "Name 00000" */
  {
    g_autofree char *sql = g_strdup_printf (
      "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %u) "
      "INSERT INTO ai_system (uuid, reference, name, business_owner, created, modified) "
      "SELECT lower(hex(randomblob(16))), 'SYS-' || i, printf('Name %%05d', %u - i), "
      "'Owner ' || (i %% 7), '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z' FROM n",
      n_systems, n_systems);

    g_assert_cmpint (sqlite3_exec (_aims_store_get_db (fixture->store), sql, NULL, NULL, NULL),
                     ==, SQLITE_OK);
  }
  fixture->n_systems = n_systems;

  list = aims_record_list_new (fixture->store, "ai_system");

  /* A page of rows, one statement; the next row starts the next page */
  {
    g_autoptr(AimsRecord) first = g_list_model_get_item (G_LIST_MODEL (list), 0);
    g_autoptr(AimsRecord) page_end = g_list_model_get_item (G_LIST_MODEL (list),
                                                            AIMS_ROW_CACHE_PAGE - 1);
    g_autoptr(AimsRecord) next = NULL;
    g_autofree char *name = aims_record_dup_text (page_end, "name");
    g_autofree char *expected = g_strdup_printf ("Name %05u", n_systems - AIMS_ROW_CACHE_PAGE);

    g_assert_cmpstr (name, ==, expected);
    g_assert_cmpuint (_aims_record_list_get_n_reads (list), ==, 1);
    next = g_list_model_get_item (G_LIST_MODEL (list), AIMS_ROW_CACHE_PAGE);
    g_assert_cmpuint (_aims_record_list_get_n_reads (list), ==, 2);
  }

  /* Every row, in reference order: a statement per page */
  assert_rows (fixture, list, "SELECT uuid FROM ai_system ORDER BY rowid");
  g_assert_cmpuint (_aims_record_list_get_n_reads (list), ==, pages);

  /* Sorted the other way round: the same rows in new places, none read
   * again */
  aims_record_list_set_sort (list, "name", TRUE);
  assert_rows (fixture, list, BY_NAME_DESC);
  g_assert_cmpuint (_aims_record_list_get_n_reads (list), ==, pages);

  /* A record added in the middle of the order */
  added = aims_test_add_system (fixture->store, "SYS-1000", "Name 00150 and a half");
  fixture->n_systems++;
  assert_rows (fixture, list, BY_NAME_DESC);
  g_assert_cmpuint (aims_record_list_find (list, added), ==, n_systems - 151);

  /* A record in the middle renamed, so it moves, and one edited in place */
  {
    g_autoptr(AimsRecord) moved = g_list_model_get_item (G_LIST_MODEL (list), 100);
    g_autoptr(AimsRecord) kept = g_list_model_get_item (G_LIST_MODEL (list), 200);
    g_autofree char *moved_uuid = g_strdup (aims_record_get_uuid (moved));
    g_autofree char *kept_uuid = g_strdup (aims_record_get_uuid (kept));

    g_clear_object (&moved);
    g_clear_object (&kept);
    g_assert_true (aims_store_update (fixture->store, "ai_system", moved_uuid, "name",
                                      g_variant_new_string ("Name 00000 renamed"), &error));
    g_assert_no_error (error);
    g_assert_true (aims_store_update (fixture->store, "ai_system", kept_uuid, "business_owner",
                                      g_variant_new_string ("Someone else"), &error));
    g_assert_no_error (error);
    assert_rows (fixture, list, BY_NAME_DESC);
    g_assert_cmpuint (aims_record_list_find (list, moved_uuid), ==, fixture->n_systems - 2);
  }

  /* A record in the middle deleted */
  {
    g_autoptr(AimsRecord) middle = g_list_model_get_item (G_LIST_MODEL (list), 120);
    g_autofree char *uuid = g_strdup (aims_record_get_uuid (middle));

    g_clear_object (&middle);
    g_assert_true (aims_store_delete (fixture->store, "ai_system", uuid, &error));
    g_assert_no_error (error);
    fixture->n_systems--;
    assert_rows (fixture, list, BY_NAME_DESC);
    g_assert_cmpuint (aims_record_list_find (list, uuid), ==, G_MAXUINT);
  }

  /* The row with the last rowid, read but held by nobody, deleted; the
   * next record takes over its rowid */
  {
    g_autofree char *sql = g_strdup ("SELECT uuid FROM ai_system ORDER BY rowid DESC LIMIT 1");
    sqlite3_stmt *stmt = NULL;
    gint64 old_rowid, new_rowid;

    g_assert_cmpint (sqlite3_prepare_v2 (_aims_store_get_db (fixture->store), sql, -1, &stmt,
                                         NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    last = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    sqlite3_finalize (stmt);
    old_rowid = sql_count (fixture->store, "SELECT rowid FROM ai_system WHERE uuid = ?", last, NULL);

    assert_rows (fixture, list, BY_NAME_DESC);
    g_assert_true (aims_store_delete (fixture->store, "ai_system", last, &error));
    g_assert_no_error (error);
    reused = aims_test_add_system (fixture->store, "SYS-2000", "Name 00100 newcomer");
    new_rowid = sql_count (fixture->store, "SELECT rowid FROM ai_system WHERE uuid = ?", reused, NULL);
    g_assert_cmpint (new_rowid, ==, old_rowid);
    assert_rows (fixture, list, BY_NAME_DESC);
    g_assert_cmpuint (aims_record_list_find (list, last), ==, G_MAXUINT);
  }

  /* Back to references: every row right, and a statement per page at most */
  reads = _aims_record_list_get_n_reads (list);
  aims_record_list_set_sort (list, NULL, FALSE);
  assert_rows (fixture, list,
               "SELECT uuid FROM ai_system ORDER BY rtrim(reference, '0123456789'), "
               "CAST(substr(reference, length(rtrim(reference, '0123456789')) + 1) AS INTEGER)");
  g_assert_cmpuint (_aims_record_list_get_n_reads (list) - reads, <=, pages);
}

static void
on_count_cb (GListModel *list,
             guint       position,
             guint       removed,
             guint       added,
             guint      *n_signals)
{
  (*n_signals)++;
}

/* Changes of the query made between begin_update and end_update take
 * effect together: the rows stay as they were until the end, then change
 * once */
static void
test_update_together (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(AimsRecordList) list = aims_record_list_new (fixture->store, "ai_system");
  g_autoptr(AimsRecordList) expected = aims_record_list_new (fixture->store, "ai_system");
  g_autoptr(GPtrArray) before = list_uuids (G_LIST_MODEL (list));
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) wanted = NULL;
  guint n_signals = 0;

  g_signal_connect (list, "items-changed", G_CALLBACK (on_count_cb), &n_signals);

  aims_record_list_begin_update (list);
  aims_record_list_set_search (list, "a");
  aims_record_list_begin_update (list);
  aims_record_list_set_filter (list, "in_scope", "1");
  aims_record_list_end_update (list);
  aims_record_list_set_sort (list, "name", TRUE);
  g_assert_cmpuint (n_signals, ==, 0);
  {
    g_autoptr(GPtrArray) still = list_uuids (G_LIST_MODEL (list));

    g_assert_cmpuint (still->len, ==, before->len);
  }
  aims_record_list_end_update (list);
  g_assert_cmpuint (n_signals, >=, 1);

  /* The same rows as a list set up one change at a time */
  aims_record_list_set_search (expected, "a");
  aims_record_list_set_filter (expected, "in_scope", "1");
  aims_record_list_set_sort (expected, "name", TRUE);
  after = list_uuids (G_LIST_MODEL (list));
  wanted = list_uuids (G_LIST_MODEL (expected));
  g_assert_cmpuint (after->len, ==, wanted->len);
  g_assert_cmpuint (after->len, <, before->len);
  for (guint i = 0; i < after->len; i++)
    g_assert_cmpstr (g_ptr_array_index (after, i), ==, g_ptr_array_index (wanted, i));

  g_signal_handlers_disconnect_by_data (list, &n_signals);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func, data) \
  g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)

  ADD ("/record-list/search", test_search, NULL);
  ADD ("/record-list/facets", test_facets, NULL);
  ADD ("/record-list/sort", test_sort, NULL);
  ADD ("/record-list/lazy", test_lazy, "empty");
  ADD ("/record-list/pages", test_pages, "empty");
  ADD ("/record-list/items-changed", test_items_changed, NULL);
  ADD ("/record-list/reused-rowid", test_reused_rowid, NULL);
  ADD ("/record-list/update-together", test_update_together, NULL);
  ADD ("/record-list/bulk-edit", test_bulk_edit, NULL);

#undef ADD

  return g_test_run ();
}
