/* test-inventory.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The figures of the AI system inventory (counts by field, overdue reviews,
 * systems in scope) against records made here, and the CSV export, read
 * back with a strict RFC 4180 reader and compared with the records. */

#include "config.h"

#include "aims-store-private.h"
#include "aims-test-util.h"

#include <string.h>

typedef struct
{
  char      *dir;
  AimsStore *store;
  guint      n_references;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = aims_test_make_dir ();
  path = g_build_filename (fixture->dir, "inventory.sqlite", NULL);
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

/* Adds a system from field/text pairs ending in NULL; "in_scope" takes "0"
 * or "1". */
static char *
add_system (Fixture    *fixture,
            const char *first_field,
            ...)
{
  g_autoptr(GHashTable) values = aims_test_values (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *reference = g_strdup_printf ("SYS-%03u", ++fixture->n_references);
  char *uuid;
  va_list args;

  g_hash_table_insert (values, (gpointer) "reference",
                       g_variant_ref_sink (g_variant_new_string (reference)));
  g_hash_table_insert (values, (gpointer) "name",
                       g_variant_ref_sink (g_variant_new_string (reference)));

  va_start (args, first_field);
  for (const char *field = first_field; field != NULL; field = va_arg (args, const char *))
    {
      const char *text = va_arg (args, const char *);
      GVariant *value;

      if (g_str_equal (field, "in_scope"))
        value = g_variant_new_boolean (g_str_equal (text, "1"));
      else
        value = g_variant_new_string (text);
      g_hash_table_insert (values, (gpointer) field, g_variant_ref_sink (value));
    }
  va_end (args);

  uuid = aims_store_insert (fixture->store, "ai_system", values, &error);
  g_assert_no_error (error);
  g_assert_nonnull (uuid);

  return uuid;
}

#define EXCLUDED "in_scope", "0", "scope_justification", "Run by the parent company."

/* @counts holds exactly the pairs given (value, count, …, NULL). */
static void
assert_counts (GHashTable *counts,
               const char *first_value,
               ...)
{
  va_list args;
  guint n = 0;

  va_start (args, first_value);
  for (const char *value = first_value; value != NULL; value = va_arg (args, const char *))
    {
      guint expected = va_arg (args, guint);
      gpointer found;

      if (!g_hash_table_lookup_extended (counts, value, NULL, &found))
        g_error ("No count for “%s”", value);
      g_assert_cmpuint (GPOINTER_TO_UINT (found), ==, expected);
      n++;
    }
  va_end (args);

  g_assert_cmpuint (g_hash_table_size (counts), ==, n);
}

static void
test_count_by (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) uuids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  /* Nothing yet: no values at all */
  {
    g_autoptr(GHashTable) counts = aims_inventory_count_by (fixture->store, "lifecycle");

    g_assert_cmpuint (g_hash_table_size (counts), ==, 0);
  }

  g_ptr_array_add (uuids, add_system (fixture, "lifecycle", "inception", NULL));
  g_ptr_array_add (uuids, add_system (fixture, "lifecycle", "deployment",
                                      "eu_ai_act_category", "transparency", NULL));
  g_ptr_array_add (uuids, add_system (fixture, "lifecycle", "deployment",
                                      "eu_ai_act_category", "high-risk-annex-iii",
                                      "eu_ai_act_area", "annex_iii_4",
                                      "roles", "developer,deployer", NULL));
  g_ptr_array_add (uuids, add_system (fixture, "lifecycle", "operation-monitoring",
                                      "eu_ai_act_category", "high-risk-annex-iii",
                                      "eu_ai_act_area", "annex_iii_5",
                                      "roles", "deployer", NULL));
  g_ptr_array_add (uuids, add_system (fixture, "lifecycle", "deployment",
                                      "eu_ai_act_category", "prohibited", NULL));
  /* Excluded systems are listed, not managed: they are not counted. */
  g_ptr_array_add (uuids, add_system (fixture, "lifecycle", "retirement",
                                      "eu_ai_act_category", "prohibited",
                                      "roles", "importer", EXCLUDED, NULL));

  {
    g_autoptr(GHashTable) counts = aims_inventory_count_by (fixture->store, "lifecycle");

    assert_counts (counts, "inception", 1u, "deployment", 3u, "operation-monitoring", 1u, NULL);
  }
  {
    g_autoptr(GHashTable) counts = aims_inventory_count_by (fixture->store, "eu_ai_act_category");

    /* "minimal" is the default of a new system */
    assert_counts (counts, "minimal", 1u, "transparency", 1u, "high-risk-annex-iii", 2u,
                   "prohibited", 1u, NULL);
  }
  {
    g_autoptr(GHashTable) counts = aims_inventory_count_by (fixture->store, "eu_ai_act_area");

    assert_counts (counts, "", 3u, "annex_iii_4", 1u, "annex_iii_5", 1u, NULL);
  }
  {
    g_autoptr(GHashTable) counts = aims_inventory_count_by (fixture->store, "roles");

    /* A system counts once under each of its roles; no role, no count. */
    assert_counts (counts, "developer", 1u, "deployer", 2u, NULL);
  }
  {
    g_autoptr(GHashTable) counts = aims_inventory_count_by (fixture->store, "in_scope");

    assert_counts (counts, "1", 5u, NULL);
  }

  /* The figures follow edits: one system moves on, one is excluded. */
  g_assert_true (aims_store_update (fixture->store, "ai_system", g_ptr_array_index (uuids, 0),
                                    "lifecycle", g_variant_new_string ("deployment"), &error));
  g_assert_no_error (error);
  g_assert_true (aims_store_update (fixture->store, "ai_system", g_ptr_array_index (uuids, 3),
                                    "scope_justification",
                                    g_variant_new_string ("Sold with the branch."), &error));
  g_assert_no_error (error);
  g_assert_true (aims_store_update (fixture->store, "ai_system", g_ptr_array_index (uuids, 3),
                                    "in_scope", g_variant_new_boolean (FALSE), &error));
  g_assert_no_error (error);
  {
    g_autoptr(GHashTable) counts = aims_inventory_count_by (fixture->store, "lifecycle");

    assert_counts (counts, "deployment", 4u, NULL);
  }
  {
    g_autoptr(GHashTable) counts = aims_inventory_count_by (fixture->store, "eu_ai_act_category");

    assert_counts (counts, "minimal", 1u, "transparency", 1u, "high-risk-annex-iii", 1u,
                   "prohibited", 1u, NULL);
  }
}

static GDateTime *
day (const char *tz_name,
     int         year,
     int         month,
     int         day_of_month,
     int         hour)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (tz_name);

  g_assert_nonnull (tz);
  return g_date_time_new (tz, year, month, day_of_month, hour, 30, 0);
}

static void
test_overdue (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GDateTime) today = day ("UTC", 2026, 11, 22, 9);
  g_autofree char *yesterday = NULL;
  g_autofree char *today_system = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (aims_inventory_count_overdue (fixture->store, today), ==, 0);

  yesterday = add_system (fixture, "next_review", "2026-11-21", NULL);
  g_assert_cmpuint (aims_inventory_count_overdue (fixture->store, today), ==, 1);

  /* Due today, or later, or never: not overdue */
  today_system = add_system (fixture, "next_review", "2026-11-22", NULL);
  g_free (add_system (fixture, "next_review", "2026-11-23", NULL));
  g_free (add_system (fixture, "next_review", "2027-01-01", NULL));
  g_free (add_system (fixture, "last_review", "2020-01-01", NULL));
  g_assert_cmpuint (aims_inventory_count_overdue (fixture->store, today), ==, 1);

  /* Long overdue, across a year and a month end */
  g_free (add_system (fixture, "last_review", "2019-06-30", "next_review", "2019-12-31", NULL));
  g_free (add_system (fixture, "next_review", "2026-10-31", NULL));
  g_assert_cmpuint (aims_inventory_count_overdue (fixture->store, today), ==, 3);

  /* An excluded system is not reviewed under the AIMS. */
  g_free (add_system (fixture, "next_review", "2026-01-01", EXCLUDED, NULL));
  g_assert_cmpuint (aims_inventory_count_overdue (fixture->store, today), ==, 3);

  /* A day later, the system due today is overdue too. */
  {
    g_autoptr(GDateTime) tomorrow = day ("UTC", 2026, 11, 23, 0);

    g_assert_cmpuint (aims_inventory_count_overdue (fixture->store, tomorrow), ==, 4);
  }

  /* "Today" is the day where the person works: at 00:30 on the 23rd in
   * Auckland it is the 23rd, though still the 22nd in UTC. */
  {
    g_autoptr(GDateTime) auckland = day ("+13:00", 2026, 11, 23, 0);

    g_assert_cmpuint (aims_inventory_count_overdue (fixture->store, auckland), ==, 4);
  }

  /* A new review date clears it. */
  g_assert_true (aims_store_update (fixture->store, "ai_system", yesterday, "next_review",
                                    g_variant_new_string ("2027-11-21"), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (aims_inventory_count_overdue (fixture->store, today), ==, 2);
  g_assert_true (aims_store_update (fixture->store, "ai_system", today_system, "next_review",
                                    g_variant_new_string (""), &error));
  g_assert_no_error (error);
  {
    g_autoptr(GDateTime) tomorrow = day ("UTC", 2026, 11, 23, 0);

    g_assert_cmpuint (aims_inventory_count_overdue (fixture->store, tomorrow), ==, 2);
  }
}

/* The demo describes 2026-11-22, when two systems in scope are overdue;
 * the figure agrees with the records. */
static void
test_demo_figures (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDateTime) today = day ("UTC", 2026, 11, 22, 12);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) uuids = NULL;
  g_autoptr(GHashTable) lifecycles = NULL;
  guint in_scope = 0;
  guint overdue = 0;
  guint sum = 0;
  GHashTableIter iter;
  gpointer key, value;

  g_assert_true (aims_demo_generate (fixture->store, AIMS_DEMO_SCALE_SMALL,
                                     AIMS_DEMO_DEFAULT_SEED, &error));
  g_assert_no_error (error);

  lifecycles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  uuids = aims_store_dup_uuids (fixture->store, "ai_system", &error);
  g_assert_no_error (error);
  for (guint i = 0; uuids[i] != NULL; i++)
    {
      g_autofree char *scope = aims_store_dup_text (fixture->store, "ai_system", uuids[i],
                                                    "in_scope", NULL);
      g_autofree char *next = aims_store_dup_text (fixture->store, "ai_system", uuids[i],
                                                   "next_review", NULL);
      char *lifecycle = aims_store_dup_text (fixture->store, "ai_system", uuids[i], "lifecycle",
                                             NULL);

      if (!g_str_equal (scope, "1"))
        {
          g_free (lifecycle);
          continue;
        }

      in_scope++;
      overdue += next[0] != '\0' && strcmp (next, "2026-11-22") < 0;
      g_hash_table_replace (lifecycles, lifecycle,
                            GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (lifecycles,
                                                                                     lifecycle))
                                              + 1));
    }

  g_assert_cmpuint (in_scope, <, g_strv_length (uuids));
  g_assert_cmpuint (aims_inventory_count_in_scope (fixture->store), ==, in_scope);
  g_assert_cmpuint (aims_inventory_count_overdue (fixture->store, today), ==, overdue);
  g_assert_cmpuint (overdue, ==, 2);

  {
    g_autoptr(GHashTable) counts = aims_inventory_count_by (fixture->store, "lifecycle");

    g_assert_cmpuint (g_hash_table_size (counts), ==, g_hash_table_size (lifecycles));
    g_hash_table_iter_init (&iter, lifecycles);
    while (g_hash_table_iter_next (&iter, &key, &value))
      {
        g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (counts, key)), ==,
                          GPOINTER_TO_UINT (value));
        sum += GPOINTER_TO_UINT (value);
      }
    g_assert_cmpuint (sum, ==, in_scope);
  }
}

static void
test_in_scope (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *first = NULL;
  g_autofree char *excluded = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (aims_inventory_count_in_scope (fixture->store), ==, 0);

  first = add_system (fixture, NULL);
  g_free (add_system (fixture, NULL));
  excluded = add_system (fixture, EXCLUDED, NULL);
  g_assert_cmpuint (aims_inventory_count_in_scope (fixture->store), ==, 2);

  g_assert_true (aims_store_update (fixture->store, "ai_system", excluded, "in_scope",
                                    g_variant_new_boolean (TRUE), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (aims_inventory_count_in_scope (fixture->store), ==, 3);

  g_assert_true (aims_store_delete (fixture->store, "ai_system", first, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (aims_inventory_count_in_scope (fixture->store), ==, 2);

  g_assert_true (aims_store_undo (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (aims_inventory_count_in_scope (fixture->store), ==, 3);
}

/* A strict RFC 4180 reader: records end in CRLF, a quoted field may hold
 * anything with its quotes doubled, an unquoted field holds no quote, CR or
 * LF. Fails the test on anything else. */
static GPtrArray *
parse_csv (const char *text,
           gsize       length)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
  const char *p = text;
  const char *end = text + length;

  g_assert_cmpuint (length, >, 0);
  g_assert_true (g_utf8_validate (text, length, NULL));

  while (p < end)
    {
      GString *field = g_string_new (NULL);

      if (*p == '"')
        {
          p++;
          for (;;)
            {
              if (p >= end)
                g_error ("A quoted field does not end");
              if (*p == '"' && p + 1 < end && p[1] == '"')
                {
                  g_string_append_c (field, '"');
                  p += 2;
                }
              else if (*p == '"')
                {
                  p++;
                  break;
                }
              else
                g_string_append_c (field, *p++);
            }
        }
      else
        {
          while (p < end && *p != ',' && *p != '\r' && *p != '\n')
            {
              if (*p == '"')
                g_error ("A quote inside an unquoted field, at offset %td", p - text);
              g_string_append_c (field, *p++);
            }
        }

      g_ptr_array_add (row, g_string_free (field, FALSE));

      if (p < end && *p == ',')
        {
          p++;
          continue;
        }

      if (p + 1 < end && p[0] == '\r' && p[1] == '\n')
        p += 2;
      else
        g_error ("A record does not end in CRLF, at offset %td", p - text);

      g_ptr_array_add (rows, row);
      row = g_ptr_array_new_with_free_func (g_free);
    }

  g_assert_cmpuint (row->len, ==, 0);
  g_ptr_array_unref (row);

  return rows;
}

static char *
export_csv (Fixture *fixture,
            gsize   *length)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_true (aims_export_inventory_csv_from_store (fixture->store, stream, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (stream, NULL, &error));
  g_assert_no_error (error);

  *length = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream));
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (stream));
}

/* The header, then every system once, each field as stored. */
static GPtrArray *
assert_export_matches (Fixture *fixture)
{
  const char * const *columns = aims_export_inventory_columns ();
  g_autoptr(GHashTable) by_reference = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                              NULL);
  g_auto(GStrv) uuids = aims_store_dup_uuids (fixture->store, "ai_system", NULL);
  g_autofree char *csv = NULL;
  GPtrArray *rows;
  GPtrArray *header;
  gsize length = 0;
  guint n_columns = g_strv_length ((GStrv) columns);

  csv = export_csv (fixture, &length);
  rows = parse_csv (csv, length);

  g_assert_cmpuint (rows->len, ==, g_strv_length (uuids) + 1);
  header = g_ptr_array_index (rows, 0);
  g_assert_cmpuint (header->len, ==, n_columns);
  for (guint i = 0; i < n_columns; i++)
    g_assert_cmpstr (g_ptr_array_index (header, i), ==, columns[i]);

  for (guint i = 0; uuids[i] != NULL; i++)
    {
      g_autofree char *reference = aims_store_dup_text (fixture->store, "ai_system", uuids[i],
                                                        "reference", NULL);

      g_hash_table_insert (by_reference, g_steal_pointer (&reference), uuids[i]);
    }

  for (guint r = 1; r < rows->len; r++)
    {
      GPtrArray *row = g_ptr_array_index (rows, r);
      const char *uuid;

      g_assert_cmpuint (row->len, ==, n_columns);
      g_assert_cmpstr (columns[0], ==, "reference");
      uuid = g_hash_table_lookup (by_reference, g_ptr_array_index (row, 0));
      g_assert_nonnull (uuid);

      /* Each system once */
      g_assert_true (g_hash_table_remove (by_reference, g_ptr_array_index (row, 0)));

      for (guint c = 0; c < n_columns; c++)
        {
          g_autoptr(GError) error = NULL;
          g_autofree char *stored = aims_store_dup_text (fixture->store, "ai_system", uuid,
                                                         columns[c], &error);

          g_assert_no_error (error);
          g_assert_cmpstr (g_ptr_array_index (row, c), ==, stored != NULL ? stored : "");
        }
    }
  g_assert_cmpuint (g_hash_table_size (by_reference), ==, 0);

  return rows;
}

static void
test_csv_header_only (Fixture       *fixture,
                      gconstpointer  data)
{
  const char * const *columns = aims_export_inventory_columns ();
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *header = NULL;
  gsize length = 0;

  /* The columns are fields of AI systems people see, reference first. */
  g_assert_cmpstr (columns[0], ==, "reference");
  g_assert_cmpstr (columns[1], ==, "name");
  for (guint i = 0; columns[i] != NULL; i++)
    {
      const AimsFieldInfo *field = aims_table_info_lookup_field (
        aims_schema_lookup_table ("ai_system"), columns[i]);

      g_assert_nonnull (field);
      g_assert_cmpint (field->widget, !=, AIMS_FIELD_WIDGET_HIDDEN);
      for (guint j = 0; j < i; j++)
        g_assert_cmpstr (columns[i], !=, columns[j]);
    }

  csv = export_csv (fixture, &length);
  header = g_strjoinv (",", (GStrv) columns);
  g_assert_cmpuint (length, ==, strlen (header) + 2);
  g_assert_true (g_str_has_prefix (csv, header));
  g_assert_true (g_str_has_suffix (csv, "\r\n"));

  rows = assert_export_matches (fixture);
  g_assert_cmpuint (rows->len, ==, 1);
}

static void
test_csv_quoting (Fixture       *fixture,
                  gconstpointer  data)
{
  static const char * const awkward[] = {
    "Comma, inside",
    "A \"quoted\" word",
    "\"",
    "\"\"",
    "Line one\nline two",
    "Line one\r\nline two",
    "Carriage\rreturn",
    "  leading and trailing spaces  ",
    " ",
    "Zürich, São Paulo — 東京 🤖",
    "Ends with a comma,",
    ",starts with a comma",
    "Tab\there",
    "'apostrophes' and ; semicolons",
    "",
  };
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *csv = NULL;
  gsize length = 0;

  for (guint i = 0; i < G_N_ELEMENTS (awkward); i++)
    {
      /* Owners and reasons are short; descriptions and purposes long */
      g_free (add_system (fixture,
                          "description", awkward[i],
                          "business_owner", awkward[(i + 1) % G_N_ELEMENTS (awkward)],
                          "scope_justification", awkward[(i + 2) % G_N_ELEMENTS (awkward)],
                          "intended_purpose", awkward[(i + 3) % G_N_ELEMENTS (awkward)],
                          "languages", awkward[(i + 4) % G_N_ELEMENTS (awkward)],
                          NULL));
    }

  /* The name too, which comes second in every row */
  {
    g_autofree char *uuid = add_system (fixture, "roles", "developer,deployer", NULL);
    g_autoptr(GError) error = NULL;

    g_assert_true (aims_store_update (fixture->store, "ai_system", uuid, "name",
                                      g_variant_new_string ("Name, with \"all\"\r\nof it "),
                                      &error));
    g_assert_no_error (error);
  }

  rows = assert_export_matches (fixture);
  g_assert_cmpuint (rows->len, ==, G_N_ELEMENTS (awkward) + 2);

  /* Rows come in reference order. */
  for (guint r = 1; r < rows->len; r++)
    {
      g_autofree char *expected = g_strdup_printf ("SYS-%03u", r);

      GPtrArray *row = g_ptr_array_index (rows, r);

      g_assert_cmpstr (g_ptr_array_index (row, 0), ==, expected);
    }

  /* A field that needs no quotes has none. */
  csv = export_csv (fixture, &length);
  g_assert_nonnull (strstr (csv, "\r\nSYS-001,SYS-001,"));

  /* One field at a time, as the export writes them */
  for (guint i = 0; i < G_N_ELEMENTS (awkward); i++)
    {
      g_autofree char *field = aims_export_csv_field (awkward[i]);
      g_autofree char *line = g_strconcat (field, ",x\r\n", NULL);
      g_autoptr(GPtrArray) parsed = parse_csv (line, strlen (line));
      GPtrArray *row = g_ptr_array_index (parsed, 0);

      g_assert_cmpuint (parsed->len, ==, 1);
      g_assert_cmpuint (row->len, ==, 2);
      g_assert_cmpstr (g_ptr_array_index (row, 0), ==, awkward[i]);
      g_assert_cmpstr (g_ptr_array_index (row, 1), ==, "x");
    }
}

/* Text a spreadsheet program would run as a formula (CSV injection) is
 * written with a ' before it, and the CSV reader gives the text back. */
static void
test_csv_formula_guard (Fixture       *fixture,
                        gconstpointer  data)
{
  const char * const *columns = aims_export_inventory_columns ();
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(AimsSheet) sheet = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  GPtrArray *row;
  gsize length = 0;
  guint description = 0, owner = 0, languages = 0;

  g_free (add_system (fixture,
                      "description", "=cmd|' /C calc'!A0",
                      "business_owner", "@risk-office",
                      "languages", "-en, +de",
                      NULL));

  for (guint i = 0; columns[i] != NULL; i++)
    {
      if (g_str_equal (columns[i], "description"))
        description = i;
      else if (g_str_equal (columns[i], "business_owner"))
        owner = i;
      else if (g_str_equal (columns[i], "languages"))
        languages = i;
    }
  g_assert_cmpuint (description * owner * languages, >, 0);

  csv = export_csv (fixture, &length);
  rows = parse_csv (csv, length);
  g_assert_cmpuint (rows->len, ==, 2);
  row = g_ptr_array_index (rows, 1);
  g_assert_cmpstr (g_ptr_array_index (row, description), ==, "'=cmd|' /C calc'!A0");
  g_assert_cmpstr (g_ptr_array_index (row, owner), ==, "'@risk-office");
  g_assert_cmpstr (g_ptr_array_index (row, languages), ==, "'-en, +de");

  sheet = aims_csv_read_data (csv, length, "inventory.csv", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (aims_sheet_get_row (sheet, 1, NULL)[description], ==, "=cmd|' /C calc'!A0");
  g_assert_cmpstr (aims_sheet_get_row (sheet, 1, NULL)[owner], ==, "@risk-office");
  g_assert_cmpstr (aims_sheet_get_row (sheet, 1, NULL)[languages], ==, "-en, +de");
}

/* More than the export's write buffer: still whole rows, in order. */
static void
test_csv_large (Fixture       *fixture,
                gconstpointer  data)
{
  const AimsFieldInfo *description = aims_table_info_lookup_field (
    aims_schema_lookup_table ("ai_system"), "description");
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) rows = NULL;

  while (text->len + 40 < description->max_bytes)
    g_string_append (text, "A line, with \"quotes\" and ü.\r\n");

  for (guint i = 0; i < 5; i++)
    g_free (add_system (fixture, "description", text->str, NULL));
  for (guint i = 0; i < 200; i++)
    g_free (add_system (fixture, "business_owner", "Ada Lovelace, CTO", NULL));

  rows = assert_export_matches (fixture);
  g_assert_cmpuint (rows->len, ==, 206);
}

static void
test_csv_closed (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_free (add_system (fixture, NULL));
  _aims_store_close (fixture->store);

  g_assert_false (aims_export_inventory_csv_from_store (fixture->store, stream, NULL, &error));
  g_assert_error (error, AIMS_STORE_ERROR, AIMS_STORE_ERROR_FAILED);
  g_assert_cmpuint (g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream)), ==,
                    0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/inventory/count-by", test_count_by);
  ADD ("/inventory/overdue", test_overdue);
  ADD ("/inventory/in-scope", test_in_scope);
  ADD ("/inventory/demo-figures", test_demo_figures);
  ADD ("/inventory/csv/header-only", test_csv_header_only);
  ADD ("/inventory/csv/quoting", test_csv_quoting);
  ADD ("/inventory/csv/formula-guard", test_csv_formula_guard);
  ADD ("/inventory/csv/large", test_csv_large);
  ADD ("/inventory/csv/closed", test_csv_closed);

#undef ADD

  return g_test_run ();
}
