/* bench-import.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Import of 100,000 risk rows (issue 9; goals: CSV under 2 s, XLSX under
 * 5 s). Writes a risk register of N rows (default 100,000) as CSV and as
 * XLSX, then times, for each, reading the file, guessing the mapping and
 * importing every row into a new empty project in one changeset (commit
 * included). Likelihoods and impacts are a mix of numbers, step labels and
 * words ("High"), as registers people bring are. After the CSV import it
 * times undoing it.
 *
 *   build/tests/bench/bench-import [N]
 */

#include "config.h"

#include <aims-core.h>

#include "aims-store-private.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <time.h>
#include <xlsxwriter.h>

static const char * const likelihoods[] = { "1", "Unlikely", "3", "Likely", "High", "5" };
static const char * const impacts[] = { "Minor", "2", "Moderate", "4", "Very high" };
static const char * const treatments[] = { "mitigate", "Avoid", "transfer", "mitigate" };

static void
row_values (guint        i,
            char        *reference,
            gsize        size,
            char        *title,
            gsize        title_size,
            const char **likelihood,
            const char **impact,
            const char **treatment)
{
  g_snprintf (reference, size, "IMP-%06u", i + 1);
  g_snprintf (title, title_size, "Imported risk %u: model output drifts for segment %u", i + 1,
              i % 97);
  *likelihood = likelihoods[i % G_N_ELEMENTS (likelihoods)];
  *impact = impacts[(i / 7) % G_N_ELEMENTS (impacts)];
  *treatment = treatments[i % G_N_ELEMENTS (treatments)];
}

static GString *
make_csv (guint n)
{
  GString *csv = g_string_new ("Reference,Title,Description,Inherent likelihood,Inherent impact,"
                               "Treatment,Risk owner,Last assessed\r\n");

  for (guint i = 0; i < n; i++)
    {
      char reference[32], title[128];
      const char *likelihood, *impact, *treatment;

      row_values (i, reference, sizeof reference, title, sizeof title, &likelihood, &impact,
                  &treatment);
      g_string_append_printf (csv, "%s,%s,\"Seen in review %u, \"\"batch\"\" %u\",%s,%s,%s,"
                              "Owner %u,2026-%02u-%02u\r\n",
                              reference, title, i, i % 13, likelihood, impact, treatment,
                              i % 50, 1 + i % 12, 1 + i % 28);
    }
  return csv;
}

static void
make_xlsx (const char *path,
           guint       n)
{
  lxw_workbook_options options = { .constant_memory = LXW_TRUE, .tmpdir = NULL };
  lxw_workbook *workbook = workbook_new_opt (path, &options);
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, "Risks");
  const char * const headers[] = { "Reference", "Title", "Description", "Inherent likelihood",
                                   "Inherent impact", "Treatment", "Risk owner", "Last assessed" };

  for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
    worksheet_write_string (sheet, 0, c, headers[c], NULL);

  for (guint i = 0; i < n; i++)
    {
      char reference[32], title[128], text[128], owner[32], date[16];
      const char *likelihood, *impact, *treatment;

      row_values (i, reference, sizeof reference, title, sizeof title, &likelihood, &impact,
                  &treatment);
      g_snprintf (text, sizeof text, "Seen in review %u, \"batch\" %u", i, i % 13);
      g_snprintf (owner, sizeof owner, "Owner %u", i % 50);
      g_snprintf (date, sizeof date, "2026-%02u-%02u", 1 + i % 12, 1 + i % 28);
      worksheet_write_string (sheet, i + 1, 0, reference, NULL);
      worksheet_write_string (sheet, i + 1, 1, title, NULL);
      worksheet_write_string (sheet, i + 1, 2, text, NULL);
      if (g_ascii_isdigit (likelihood[0]))
        worksheet_write_number (sheet, i + 1, 3, likelihood[0] - '0', NULL);
      else
        worksheet_write_string (sheet, i + 1, 3, likelihood, NULL);
      worksheet_write_string (sheet, i + 1, 4, impact, NULL);
      worksheet_write_string (sheet, i + 1, 5, treatment, NULL);
      worksheet_write_string (sheet, i + 1, 6, owner, NULL);
      worksheet_write_string (sheet, i + 1, 7, date, NULL);
    }

  if (workbook_close (workbook) != LXW_NO_ERROR)
    g_error ("could not write %s", path);
}

static double
import_timed (const char *dir,
              const char *name,
              const char *path,
              gboolean    xlsx,
              guint       n)
{
  g_autofree char *project = g_strdup_printf ("%s/%s.db", dir, name);
  g_autoptr(AimsStore) store = NULL;
  g_autoptr(AimsSheet) sheet = NULL;
  g_autoptr(AimsImportMapping) mapping = NULL;
  g_autoptr(AimsImportResult) result = NULL;
  g_autoptr(AimsMatrix) matrix = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start, read_done, end;
  clock_t cpu_start, cpu_read, cpu_end;

  store = aims_store_new (project, "Bench", &error);
  if (store == NULL || !_aims_store_create_project (store, &error))
    g_error ("%s", error->message);
  matrix = aims_store_dup_matrix (store);

  start = g_get_monotonic_time ();
  cpu_start = clock ();
  sheet = xlsx ? aims_xlsx_read_file (path, NULL, &error) : aims_csv_read_file (path, &error);
  if (sheet == NULL)
    g_error ("%s", error->message);
  read_done = g_get_monotonic_time ();
  cpu_read = clock ();
  mapping = aims_import_mapping_guess ("risks", sheet, matrix, &error);
  result = aims_import_run (store, sheet, mapping, FALSE, &error);
  end = g_get_monotonic_time ();
  cpu_end = clock ();

  if (result == NULL)
    g_error ("%s", error->message);
  if (aims_import_result_get_n_rejected (result) > 0)
    g_error ("%s", aims_import_result_get_rejected_reason (result, 0));
  if (aims_import_result_get_n_added (result) != n || aims_store_count (store, "risk") != n)
    g_error ("%u of %u rows arrived", aims_store_count (store, "risk"), n);

  /* Wall time is what a person waits; CPU time shows it on a loaded machine. */
  g_print ("%-5s %u rows: read %.3f s, import %.3f s, total %.3f s wall; CPU %.3f s "
           "(read %.3f s, import %.3f s)\n", xlsx ? "XLSX" : "CSV", n,
           (read_done - start) / 1e6, (end - read_done) / 1e6, (end - start) / 1e6,
           (double) (cpu_end - cpu_start) / CLOCKS_PER_SEC,
           (double) (cpu_read - cpu_start) / CLOCKS_PER_SEC,
           (double) (cpu_end - cpu_read) / CLOCKS_PER_SEC);

  /* Undo takes the whole import back in one step; a person waits for it too. */
  if (!xlsx)
    {
      gint64 undo_start = g_get_monotonic_time ();
      clock_t undo_cpu = clock ();

      if (!aims_store_undo (store, &error))
        g_error ("%s", error->message);
      if (aims_store_count (store, "risk") != 0)
        g_error ("%u rows are left after undo", aims_store_count (store, "risk"));
      g_print ("      undo of the import: %.3f s wall; CPU %.3f s\n",
               (g_get_monotonic_time () - undo_start) / 1e6,
               (double) (clock () - undo_cpu) / CLOCKS_PER_SEC);
    }

  return (end - start) / 1e6;
}

/* The floor: SQLite alone writing the same rows into a new project of the
 * same schema, as the import writes them (CHECKs off, plain indexes dropped
 * and made again, one row of the change log per record, one commit), with
 * the values already converted and no rule checked. What the import costs
 * beyond this is ours. */
static void
floor_timed (const char *dir,
             guint       n)
{
  static const char * const plain_indexes[] = {
    "risk_title", "risk_owner", "risk_cell", "risk_inherent_level", "risk_residual_level",
    "risk_next_review", "risk_treatment", "risk_status", NULL
  };
  g_autofree char *project = g_strdup_printf ("%s/floor.db", dir);
  g_autoptr(AimsStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) creates = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *db;
  sqlite3_stmt *insert = NULL, *log = NULL, *stmt = NULL;
  gint64 start;
  clock_t cpu_start;

  store = aims_store_new (project, "Bench", &error);
  if (store == NULL || !_aims_store_create_project (store, &error))
    g_error ("%s", error->message);
  db = _aims_store_get_db (store);

  sqlite3_prepare_v2 (db, "SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = ?",
                      -1, &stmt, NULL);
  for (guint i = 0; plain_indexes[i] != NULL; i++)
    {
      sqlite3_bind_text (stmt, 1, plain_indexes[i], -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        g_error ("no index %s", plain_indexes[i]);
      g_ptr_array_add (creates, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);

  start = g_get_monotonic_time ();
  cpu_start = clock ();
  sqlite3_exec (db, "PRAGMA ignore_check_constraints = ON; BEGIN; "
                "INSERT INTO changeset (at, author, label, kind) "
                "VALUES ('2026-11-30T12:00:00Z', 'Bench', 'Floor', 'import')",
                NULL, NULL, NULL);
  for (guint i = 0; plain_indexes[i] != NULL; i++)
    {
      g_autofree char *drop = g_strdup_printf ("DROP INDEX %s", plain_indexes[i]);

      sqlite3_exec (db, drop, NULL, NULL, NULL);
    }
  sqlite3_prepare_v2 (db, "INSERT INTO risk (uuid, reference, title, description, "
                      "inherent_likelihood, inherent_impact, inherent_level, treatment, owner, "
                      "assessed, next_review, status, created, modified, author) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'assessed', "
                      "'2026-11-30T12:00:00Z', '2026-11-30T12:00:00Z', 'Bench')",
                      -1, &insert, NULL);
  sqlite3_prepare_v2 (db, "INSERT INTO change_log (changeset, at, author, record_table, "
                      "record_uuid, op) VALUES ("
                      "(SELECT max(id) FROM changeset), '2026-11-30T12:00:00Z', 'Bench', "
                      "'risk', ?, 'insert')", -1, &log, NULL);
  for (guint i = 0; i < n; i++)
    {
      char reference[32], title[128], text[128], owner[32], date[16];
      const char *likelihood, *impact, *treatment;
      g_autofree char *uuid = g_uuid_string_random ();

      row_values (i, reference, sizeof reference, title, sizeof title, &likelihood, &impact,
                  &treatment);
      g_snprintf (text, sizeof text, "Seen in review %u, \"batch\" %u", i, i % 13);
      g_snprintf (owner, sizeof owner, "Owner %u", i % 50);
      g_snprintf (date, sizeof date, "2026-%02u-%02u", 1 + i % 12, 1 + i % 28);
      sqlite3_bind_text (insert, 1, uuid, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 2, reference, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 3, title, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 4, text, -1, SQLITE_STATIC);
      sqlite3_bind_int (insert, 5, 1 + i % 5);
      sqlite3_bind_int (insert, 6, 1 + (i / 7) % 5);
      sqlite3_bind_int (insert, 7, (i % 4));
      sqlite3_bind_text (insert, 8, "mitigate", -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 9, owner, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 10, date, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 11, date, -1, SQLITE_STATIC);
      if (sqlite3_step (insert) != SQLITE_DONE)
        g_error ("%s", sqlite3_errmsg (db));
      sqlite3_reset (insert);
      sqlite3_bind_text (log, 1, uuid, -1, SQLITE_STATIC);
      if (sqlite3_step (log) != SQLITE_DONE)
        g_error ("%s", sqlite3_errmsg (db));
      sqlite3_reset (log);
    }
  sqlite3_finalize (insert);
  sqlite3_finalize (log);
  for (guint i = 0; i < creates->len; i++)
    sqlite3_exec (db, g_ptr_array_index (creates, i), NULL, NULL, NULL);
  if (sqlite3_exec (db, "COMMIT; PRAGMA ignore_check_constraints = OFF", NULL, NULL, NULL) !=
      SQLITE_OK)
    g_error ("%s", sqlite3_errmsg (db));

  g_print ("floor %u rows: SQLite alone %.3f s wall; CPU %.3f s\n", n,
           (g_get_monotonic_time () - start) / 1e6,
           (double) (clock () - cpu_start) / CLOCKS_PER_SEC);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("aims-bench-import-XXXXXX", NULL);
  g_autofree char *csv_path = g_build_filename (dir, "risks.csv", NULL);
  g_autofree char *xlsx_path = g_build_filename (dir, "risks.xlsx", NULL);
  g_autoptr(GString) csv = NULL;
  guint n = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 100000;
  double csv_s, xlsx_s;

  csv = make_csv (n);
  if (!g_file_set_contents (csv_path, csv->str, csv->len, NULL))
    g_error ("could not write %s", csv_path);
  make_xlsx (xlsx_path, n);

  csv_s = import_timed (dir, "csv", csv_path, FALSE, n);
  xlsx_s = import_timed (dir, "xlsx", xlsx_path, TRUE, n);

  g_print ("goals: CSV < 2 s (%s), XLSX < 5 s (%s)\n", csv_s < 2 ? "met" : "missed",
           xlsx_s < 5 ? "met" : "missed");
  floor_timed (dir, n);

  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *p = g_build_filename (dir, name, NULL);
        g_unlink (p);
      }
    g_rmdir (dir);
  }
  return 0;
}
