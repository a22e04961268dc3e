/* test-import.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Importing sheets into registers (issue 9): the guessed mapping, words for
 * the matrix, update by reference, one undo step, dry runs, the mapping
 * file, every bad input named in the issue (each rejected with the file,
 * row and column, and nothing imported), and the AI Incident Database
 * snapshot. */

#include "config.h"

#include "aims-test-util.h"

#include "aims-store-private.h"

#include <string.h>
#include <xlsxwriter.h>

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
  path = g_build_filename (fixture->dir, "import.db", NULL);
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
run_import (Fixture            *fixture,
            AimsSheet          *sheet,
            AimsImportMapping  *mapping,
            gboolean            dry_run)
{
  g_autoptr(GError) error = NULL;
  AimsImportResult *result = aims_import_run (fixture->store, sheet, mapping, dry_run, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

static void
assert_no_rejections (AimsImportResult *result)
{
  if (aims_import_result_get_n_rejected (result) > 0)
    g_error ("rejected: %s", aims_import_result_get_rejected_reason (result, 0));
}

static AimsImportMapping *
guess (Fixture    *fixture,
       const char *table,
       AimsSheet  *sheet)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsMatrix) matrix = aims_store_dup_matrix (fixture->store);
  AimsImportMapping *mapping = aims_import_mapping_guess (table, sheet, matrix, &error);

  g_assert_no_error (error);
  return mapping;
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

static gint64
get_int (AimsStore  *store,
         const char *table,
         const char *uuid,
         const char *field)
{
  g_autoptr(GVariant) value = aims_store_get (store, table, uuid, field, NULL);

  g_assert_nonnull (value);
  return g_variant_get_int64 (value);
}

static const char risks_csv[] =
  "Reference;Title;Inherent likelihood;Inherent-Impact;Treatment;Risk owner;Last assessed;Notes\r\n"
  "R-101;Biased shortlists;High;Very high;Mitigate;Ada;2026-01-10;x\r\n"
  "R-102;\"Leaky; prompts\nand logs\";very unlikely;2;Avoid;Bo;2026-02-28;y\r\n"
  "R-103;Drift;Likely;Moderate;mitigate;Cy;;z\r\n";

static void
test_guess_and_import (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(AimsSheet) sheet = csv (risks_csv, "risks.csv");
  g_autoptr(AimsImportMapping) mapping = guess (fixture, "risks", sheet);
  g_autoptr(AimsImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *r101 = NULL;
  g_autofree char *r102 = NULL;
  g_autofree char *title = NULL;
  g_autofree char *treatment = NULL;
  g_autofree char *undo = NULL;

  g_assert_cmpstr (aims_import_mapping_get_table (mapping), ==, "risk");
  g_assert_cmpstr (aims_import_mapping_get_field (mapping, 0), ==, "reference");
  g_assert_cmpstr (aims_import_mapping_get_field (mapping, 2), ==, "inherent_likelihood");
  g_assert_cmpstr (aims_import_mapping_get_field (mapping, 3), ==, "inherent_impact");
  g_assert_cmpstr (aims_import_mapping_get_field (mapping, 5), ==, "owner");
  g_assert_cmpstr (aims_import_mapping_get_field (mapping, 6), ==, "assessed");
  g_assert_null (aims_import_mapping_get_field (mapping, 7));
  /* Words for the 5-step scales are proposed. */
  g_assert_cmpstr (aims_import_mapping_lookup_value (mapping, "inherent_likelihood", "high"),
                   ==, "4");
  g_assert_cmpstr (aims_import_mapping_lookup_value (mapping, "inherent_likelihood",
                                                     "Very unlikely"), ==, "1");
  g_assert_cmpstr (aims_import_mapping_lookup_value (mapping, "inherent_impact", "Very high"),
                   ==, "5");

  result = run_import (fixture, sheet, mapping, FALSE);
  assert_no_rejections (result);
  g_assert_true (aims_import_result_get_applied (result));
  g_assert_cmpuint (aims_import_result_get_n_added (result), ==, 3);
  g_assert_cmpuint (aims_store_count (fixture->store, "risk"), ==, 3);

  r101 = find_by_reference (fixture->store, "risk", "R-101");
  r102 = find_by_reference (fixture->store, "risk", "R-102");
  g_assert_nonnull (r101);
  g_assert_cmpint (get_int (fixture->store, "risk", r101, "inherent_likelihood"), ==, 4);
  g_assert_cmpint (get_int (fixture->store, "risk", r101, "inherent_impact"), ==, 5);
  g_assert_cmpint (get_int (fixture->store, "risk", r102, "inherent_likelihood"), ==, 1);
  title = aims_store_dup_text (fixture->store, "risk", r102, "title", NULL);
  g_assert_cmpstr (title, ==, "Leaky; prompts\nand logs");
  treatment = aims_store_dup_text (fixture->store, "risk", r102, "treatment", NULL);
  g_assert_cmpstr (treatment, ==, "avoid");

  /* One undo step removes the whole import. */
  undo = aims_store_dup_undo_label (fixture->store);
  g_assert_cmpstr (undo, ==, "Import “risks.csv”");
  g_assert_true (aims_store_undo (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (aims_store_count (fixture->store, "risk"), ==, 0);
  g_assert_false (aims_store_get_can_undo (fixture->store));
}

static void
test_update_by_reference (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(AimsSheet) first = csv (risks_csv, "risks.csv");
  g_autoptr(AimsImportMapping) mapping = guess (fixture, "risk", first);
  g_autoptr(AimsImportResult) result = run_import (fixture, first, mapping, FALSE);
  g_autoptr(AimsSheet) second = csv ("Reference,Title,Inherent likelihood,Inherent impact\n"
                                     "R-101,Biased shortlists,2,5\n"
                                     "R-102,\"Leaky; prompts\nand logs\",1,2\n"
                                     "R-104,New one,3,3\n", "update.csv");
  g_autoptr(AimsImportMapping) mapping2 = guess (fixture, "risk", second);
  g_autoptr(AimsImportResult) result2 = run_import (fixture, second, mapping2, FALSE);
  g_autofree char *r101 = find_by_reference (fixture->store, "risk", "R-101");
  g_autofree char *owner = aims_store_dup_text (fixture->store, "risk", r101, "owner", NULL);
  g_autoptr(AimsImportResult) refused = NULL;

  g_assert_cmpuint (aims_import_result_get_n_updated (result2), ==, 1);
  g_assert_cmpuint (aims_import_result_get_n_unchanged (result2), ==, 1);
  g_assert_cmpuint (aims_import_result_get_n_added (result2), ==, 1);
  g_assert_cmpuint (aims_store_count (fixture->store, "risk"), ==, 4);
  g_assert_cmpint (get_int (fixture->store, "risk", r101, "inherent_likelihood"), ==, 2);
  /* A field no column gives is left as it was. */
  g_assert_cmpstr (owner, ==, "Ada");

  /* Without matching, the existing references are duplicates. */
  aims_import_mapping_set_match_reference (mapping2, FALSE);
  refused = run_import (fixture, second, mapping2, FALSE);
  g_assert_false (aims_import_result_get_applied (refused));
  g_assert_cmpuint (aims_import_result_get_n_rejected (refused), ==, 3);
  g_assert_nonnull (strstr (aims_import_result_get_rejected_reason (refused, 0),
                            "“update.csv”, row 2, column A (“Reference”)"));
  g_assert_nonnull (strstr (aims_import_result_get_rejected_reason (refused, 0),
                            "duplicate reference"));
  g_assert_cmpuint (aims_store_count (fixture->store, "risk"), ==, 4);
}

static void
test_dry_run (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(AimsSheet) sheet = csv (risks_csv, "risks.csv");
  g_autoptr(AimsImportMapping) mapping = guess (fixture, "risk", sheet);
  g_autoptr(AimsImportResult) result = run_import (fixture, sheet, mapping, TRUE);
  gint64 last_change = aims_store_get_last_change_id (fixture->store);

  g_assert_cmpuint (aims_import_result_get_n_added (result), ==, 3);
  assert_no_rejections (result);
  g_assert_false (aims_import_result_get_applied (result));
  g_assert_cmpuint (aims_store_count (fixture->store, "risk"), ==, 0);
  g_assert_false (aims_store_get_can_undo (fixture->store));
  g_assert_cmpint (aims_store_get_last_change_id (fixture->store), ==, last_change);
}

/* Each bad input: its rejection names the file, row and column and the
 * problem, every good row is kept out too, and the project is unchanged. */
static void
assert_rejected (Fixture    *fixture,
                 AimsSheet  *sheet,
                 const char *table,
                 guint       n_rejected,
                 const char *reason,
                 const char *problem)
{
  g_autoptr(AimsImportMapping) mapping = guess (fixture, table, sheet);
  guint before = aims_store_count (fixture->store, table);
  gint64 last_change = aims_store_get_last_change_id (fixture->store);
  gboolean could_undo = aims_store_get_can_undo (fixture->store);

  for (guint pass = 0; pass < 2; pass++)
    {
      g_autoptr(AimsImportResult) result = run_import (fixture, sheet, mapping, pass == 0);
      gboolean found = FALSE;

      g_assert_false (aims_import_result_get_applied (result));
      g_assert_cmpuint (aims_import_result_get_n_rejected (result), ==, n_rejected);
      for (guint i = 0; i < n_rejected; i++)
        {
          const char *text = aims_import_result_get_rejected_reason (result, i);

          if (strstr (text, reason) != NULL && strstr (text, problem) != NULL)
            found = TRUE;
        }
      if (!found)
        g_error ("no rejection has “%s” and “%s”; the first is “%s”", reason, problem,
                 aims_import_result_get_rejected_reason (result, 0));

      g_assert_cmpuint (aims_store_count (fixture->store, table), ==, before);
      g_assert_cmpint (aims_store_get_last_change_id (fixture->store), ==, last_change);
      g_assert_true (aims_store_get_can_undo (fixture->store) == could_undo);
    }
}

static void
test_bad_ragged (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(AimsSheet) sheet = csv ("Reference,Title,Inherent likelihood,Inherent impact\n"
                                    "R-1,Fine,1,1\n"
                                    "R-2,Short row,1\n"
                                    "R-3,Fine,2,2\n", "ragged.csv");

  assert_rejected (fixture, sheet, "risk", 1, "“ragged.csv”, row 3:",
                   "the row has 3 cells but the header has 4 (a ragged row)");
}

static void
test_bad_level_names (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(AimsSheet) sheet = csv ("Reference,Title,Inherent likelihood,Inherent impact,"
                                    "Treatment\n"
                                    "R-1,Fine,1,1,avoid\n"
                                    "R-2,Odd,Sometimes,1,avoid\n"
                                    "R-3,Odd too,2,2,Ignore it\n", "levels.csv");

  assert_rejected (fixture, sheet, "risk", 2,
                   "“levels.csv”, row 3, column C (“Inherent likelihood”): “Sometimes” is not a "
                   "step of the likelihood scale (unknown level name)", "1 Rare");
  assert_rejected (fixture, sheet, "risk", 2,
                   "“levels.csv”, row 4, column E (“Treatment”): “Ignore it” is not a choice",
                   "Mitigate (mitigate)");
}

static void
test_bad_duplicates (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(AimsSheet) sheet = csv ("Reference,Name\nSYS-1,A\nSYS-2,B\nSYS-1,C\n", "dup.csv");

  assert_rejected (fixture, sheet, "ai-systems", 1,
                   "“dup.csv”, row 4, column A (“Reference”): the reference “SYS-1” is already "
                   "that of row 2", "duplicate reference");
}

static void
test_bad_dates (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(AimsSheet) risks = csv ("Reference,Title,Inherent likelihood,Inherent impact,"
                                    "Last assessed\n"
                                    "R-1,A,1,1,2026-02-30\n"
                                    "R-2,B,1,1,14/03/2026\n"
                                    "R-3,C,1,1,2026-03-14\n", "dates.csv");
  g_autoptr(AimsSheet) incidents = csv ("Reference,Title,Type,Severity,Status,Occurred\n"
                                        "INC-1,A,other,low,open,2026-03-14T25:00\n"
                                        "INC-2,B,other,low,open,2026-03-14T09:30\n",
                                        "incidents.csv");

  assert_rejected (fixture, risks, "risk", 2,
                   "“dates.csv”, row 2, column E (“Last assessed”): “2026-02-30” is not a date "
                   "that exists", "YYYY-MM-DD");
  assert_rejected (fixture, risks, "risk", 2, "row 3, column E", "“14/03/2026” is not a date");
  assert_rejected (fixture, incidents, "incident", 1,
                   "“incidents.csv”, row 2, column F (“Occurred”)",
                   "“2026-03-14T25:00” is not a date that exists");
}

static void
test_bad_encoding (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(AimsSheet) sheet = csv ("Reference,Name,Description\n"
                                    "DS-1,Kunden,Zürich\n"
                                    "DS-2,Kunden,M\xFCnchen\n", "enc.csv");

  assert_rejected (fixture, sheet, "data-sets", 1, "“enc.csv”, row 3: column C",
                   "wrong encoding");
}

static void
test_bad_formula (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "formula.xlsx", NULL);
  lxw_workbook *workbook = workbook_new (path);
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, NULL);
  g_autoptr(AimsSheet) rows = NULL;
  g_autoptr(GError) error = NULL;

  worksheet_write_string (sheet, 0, 0, "Reference", NULL);
  worksheet_write_string (sheet, 0, 1, "Name", NULL);
  worksheet_write_string (sheet, 1, 0, "TP-1", NULL);
  worksheet_write_string (sheet, 1, 1, "Vendor", NULL);
  worksheet_write_string (sheet, 2, 0, "TP-2", NULL);
  worksheet_write_formula_str (sheet, 2, 1, "=UPPER(B2)", NULL, "VENDOR");
  g_assert_cmpint (workbook_close (workbook), ==, LXW_NO_ERROR);

  rows = aims_xlsx_read_file (path, NULL, &error);
  g_assert_no_error (error);
  assert_rejected (fixture, rows, "third-parties", 1, "“formula.xlsx”, row 3: cell B3",
                   "holds a formula (=UPPER(B2)); formulas are not evaluated");
}

static void
test_mapping_file (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(AimsSheet) sheet = csv ("ID,Risk,P,I,Notes\nX1,Bias,Oft,Big,n\n", "m.csv");
  g_autoptr(AimsImportMapping) mapping = NULL;
  g_autoptr(AimsImportMapping) again = NULL;
  g_autoptr(AimsImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *uuid = NULL;
  const char *good =
    "{ \"version\": 1, \"register\": \"risks\","
    "  \"columns\": { \"ID\": \"reference\", \"Risk\": \"title\", \"P\": \"inherent_likelihood\","
    "               \"I\": \"inherent_impact\", \"Notes\": null },"
    "  \"values\": { \"inherent_likelihood\": { \"Oft\": 4 }, \"inherent_impact\": { \"big\": \"5\" } },"
    "  \"defaults\": { \"owner\": \"Risk office\" } }";

  mapping = aims_import_mapping_new_from_json ("risk", sheet, good, -1, "map.json", &error);
  g_assert_no_error (error);
  result = run_import (fixture, sheet, mapping, FALSE);
  assert_no_rejections (result);
  uuid = find_by_reference (fixture->store, "risk", "X1");
  g_assert_cmpint (get_int (fixture->store, "risk", uuid, "inherent_likelihood"), ==, 4);
  g_assert_cmpint (get_int (fixture->store, "risk", uuid, "inherent_impact"), ==, 5);
  {
    g_autofree char *owner = aims_store_dup_text (fixture->store, "risk", uuid, "owner", NULL);
    g_assert_cmpstr (owner, ==, "Risk office");
  }

  /* What to_json() writes reads back the same. */
  json = aims_import_mapping_to_json (mapping);
  again = aims_import_mapping_new_from_json ("risk", sheet, json, -1, "again.json", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < aims_import_mapping_get_n_columns (mapping); i++)
    g_assert_cmpstr (aims_import_mapping_get_field (again, i), ==,
                     aims_import_mapping_get_field (mapping, i));
  g_assert_cmpstr (aims_import_mapping_lookup_value (again, "inherent_likelihood", "OFT"), ==, "4");

  {
    const struct { const char *json; const char *message; } bad[] = {
      { "{ \"columns\": { \"ID\": \"colour\" } }", "“bad.json”: risks have no field “colour”" },
      { "{ \"columns\": { \"ID\": \"inherent_level\" } }", "cannot be imported" },
      { "{ \"columns\": { \"Missing\": \"title\" } }", "the column “Missing”, which “m.csv”" },
      { "{ \"version\": 2 }", "newer version" },
      { "{ \"register\": \"incidents\" }", "for “incidents”, not for risks" },
      { "[1, 2", "not valid JSON" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autoptr(AimsImportMapping) refused = NULL;

        refused = aims_import_mapping_new_from_json ("risk", sheet, bad[i].json, -1, "bad.json",
                                                     &error);
        g_assert_null (refused);
        g_assert_error (error, AIMS_IMPORT_ERROR, AIMS_IMPORT_ERROR_MAPPING);
        if (strstr (error->message, bad[i].message) == NULL)
          g_error ("“%s” lacks “%s”", error->message, bad[i].message);
        g_clear_error (&error);
      }
  }

  /* Registers rows cannot go into. */
  g_assert_null (aims_import_mapping_guess ("soa", sheet, NULL, &error));
  g_assert_error (error, AIMS_IMPORT_ERROR, AIMS_IMPORT_ERROR_REGISTER);
}

static void
test_aiid (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *csv_path = g_build_filename (g_getenv ("AIMS_SOURCE_ROOT"), "..", "shared",
                                                "datasets", "aiid", "incidents.csv", NULL);
  g_autofree char *map_path = g_test_build_filename (G_TEST_DIST, "data",
                                                     "aiid-incidents.mapping.json", NULL);
  g_autofree char *map = NULL;
  g_autoptr(AimsSheet) sheet = NULL;
  g_autoptr(AimsImportMapping) mapping = NULL;
  g_autoptr(AimsImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *multiline = NULL;
  g_autofree char *affected = NULL;
  g_autofree char *description = NULL;
  g_autofree char *occurred = NULL;
  g_autofree char *title = NULL;

  if (!g_file_test (csv_path, G_FILE_TEST_EXISTS))
    {
      /* The worktrees sit beside ../shared; a checkout elsewhere has it
       * at /work/shared. */
      g_free (csv_path);
      csv_path = g_strdup ("/work/shared/datasets/aiid/incidents.csv");
    }
  if (!g_file_test (csv_path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("The AI Incident Database snapshot is not there");
      return;
    }

  sheet = aims_csv_read_file (csv_path, &error);
  g_assert_no_error (error);
  /* 1,367 incidents and the header; three descriptions hold line breaks. */
  g_assert_cmpuint (aims_sheet_get_n_rows (sheet), ==, 1368);

  g_assert_true (g_file_get_contents (map_path, &map, NULL, &error));
  mapping = aims_import_mapping_new_from_json ("incidents", sheet, map, -1,
                                               "aiid-incidents.mapping.json", &error);
  g_assert_no_error (error);

  result = run_import (fixture, sheet, mapping, FALSE);
  if (aims_import_result_get_n_rejected (result) > 0)
    g_error ("%s", aims_import_result_get_rejected_reason (result, 0));
  g_assert_cmpuint (aims_import_result_get_n_added (result), ==, 1367);
  g_assert_cmpuint (aims_store_count (fixture->store, "incident"), ==, 1367);

  /* Incident 1: the JSON array cells intact. */
  first = find_by_reference (fixture->store, "incident", "AIID-1");
  g_assert_nonnull (first);
  title = aims_store_dup_text (fixture->store, "incident", first, "title", NULL);
  g_assert_cmpstr (title, ==, "Google’s YouTube Kids App Presents Inappropriate Content");
  affected = aims_store_dup_text (fixture->store, "incident", first, "affected", NULL);
  g_assert_cmpstr (affected, ==, "[\"children\"]");
  occurred = aims_store_dup_text (fixture->store, "incident", first, "occurred", NULL);
  g_assert_cmpstr (occurred, ==, "2015-05-19T00:00");
  description = aims_store_dup_text (fixture->store, "incident", first, "description", NULL);
  g_assert_true (g_str_has_prefix (description, "YouTube’s content filtering and "
                                   "recommendation algorithms exposed children"));
  g_assert_nonnull (strstr (description, "\n\nAlleged deployer of AI system: [\"youtube\"]"));
  g_assert_nonnull (strstr (description, "\n\nreports: [2,3,4,5,6,7,8,9,10,11,12,14,15]"));

  /* Incident 522: a description with line breaks inside the quotes. */
  multiline = find_by_reference (fixture->store, "incident", "AIID-522");
  g_assert_nonnull (multiline);
  g_clear_pointer (&description, g_free);
  description = aims_store_dup_text (fixture->store, "incident", multiline, "description", NULL);
  g_assert_true (g_str_has_prefix (description, "Facebook's political ad delivery system"));
  g_assert_nonnull (strchr (description, '\n'));
  g_assert_cmpuint (strlen (description), >, 200);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/import/guess-and-import", test_guess_and_import);
  ADD ("/import/update-by-reference", test_update_by_reference);
  ADD ("/import/dry-run", test_dry_run);
  ADD ("/import/mapping-file", test_mapping_file);
  ADD ("/import/bad/ragged", test_bad_ragged);
  ADD ("/import/bad/level-names", test_bad_level_names);
  ADD ("/import/bad/duplicates", test_bad_duplicates);
  ADD ("/import/bad/dates", test_bad_dates);
  ADD ("/import/bad/encoding", test_bad_encoding);
  ADD ("/import/bad/formula", test_bad_formula);
  ADD ("/import/aiid", test_aiid);

  return g_test_run ();
}
