/* bench-import-dry-run.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the import assistant waits for with a register of N risk rows
 * (default 100,000): reading the CSV and guessing its mapping (the
 * assistant's worker does both), then the dry run of step 4 (on the main
 * thread: it runs in the project's store). Each is timed three times; the
 * median is printed, wall and CPU.
 *
 *   build/tests/bench/bench-import-dry-run [N]
 */

#include "config.h"

#include <aims-core.h>

#include "aims-store-private.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <time.h>

#define N_RUNS 3

static const char * const likelihoods[] = { "1", "Unlikely", "3", "Likely", "High", "5" };
static const char * const impacts[] = { "Minor", "2", "Moderate", "4", "Very high" };

static GString *
make_csv (guint n)
{
  GString *csv = g_string_new ("Reference,Title,Description,Inherent likelihood,Inherent impact,"
                               "Risk owner\r\n");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (csv, "DRY-%06u,Risk %u: output drifts for segment %u,"
                            "\"Seen in review %u, \"\"batch\"\" %u\",%s,%s,Owner %u\r\n",
                            i + 1, i + 1, i % 97, i, i % 13,
                            likelihoods[i % G_N_ELEMENTS (likelihoods)],
                            impacts[(i / 7) % G_N_ELEMENTS (impacts)], i % 50);
  return csv;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("aims-bench-dry-run-XXXXXX", NULL);
  g_autofree char *csv_path = g_build_filename (dir, "risks.csv", NULL);
  g_autofree char *project = g_build_filename (dir, "project.db", NULL);
  g_autoptr(GString) csv = NULL;
  g_autoptr(AimsStore) store = NULL;
  g_autoptr(AimsMatrix) matrix = NULL;
  g_autoptr(GError) error = NULL;
  guint n = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 100000;
  double read_wall[N_RUNS], read_cpu[N_RUNS], dry_wall[N_RUNS], dry_cpu[N_RUNS];

  csv = make_csv (n);
  if (!g_file_set_contents (csv_path, csv->str, csv->len, NULL))
    g_error ("could not write %s", csv_path);

  store = aims_store_new (project, "Bench", &error);
  if (store == NULL || !_aims_store_create_project (store, &error))
    g_error ("%s", error->message);
  matrix = aims_store_dup_matrix (store);

  for (guint run = 0; run < N_RUNS; run++)
    {
      g_autoptr(AimsSheet) sheet = NULL;
      g_autoptr(AimsImportMapping) mapping = NULL;
      g_autoptr(AimsImportResult) result = NULL;
      gint64 start = g_get_monotonic_time ();
      clock_t cpu = clock ();

      sheet = aims_csv_read_file (csv_path, &error);
      if (sheet == NULL)
        g_error ("%s", error->message);
      mapping = aims_import_mapping_guess ("risks", sheet, matrix, &error);
      if (mapping == NULL)
        g_error ("%s", error->message);
      read_wall[run] = (g_get_monotonic_time () - start) / 1e6;
      read_cpu[run] = (double) (clock () - cpu) / CLOCKS_PER_SEC;

      start = g_get_monotonic_time ();
      cpu = clock ();
      result = aims_import_run (store, sheet, mapping, TRUE, &error);
      if (result == NULL)
        g_error ("%s", error->message);
      dry_wall[run] = (g_get_monotonic_time () - start) / 1e6;
      dry_cpu[run] = (double) (clock () - cpu) / CLOCKS_PER_SEC;
      if (aims_import_result_get_n_added (result) != n || aims_import_result_get_n_rejected (result) > 0)
        g_error ("the dry run would add %u of %u rows", aims_import_result_get_n_added (result), n);
    }

  qsort (read_wall, N_RUNS, sizeof (double), compare_doubles);
  qsort (read_cpu, N_RUNS, sizeof (double), compare_doubles);
  qsort (dry_wall, N_RUNS, sizeof (double), compare_doubles);
  qsort (dry_cpu, N_RUNS, sizeof (double), compare_doubles);
  g_print ("%u rows, median of %u: read + guess %.3f s wall (%.3f s CPU); dry run %.3f s wall "
           "(%.3f s CPU)\n", n, N_RUNS, read_wall[N_RUNS / 2], read_cpu[N_RUNS / 2],
           dry_wall[N_RUNS / 2], dry_cpu[N_RUNS / 2]);

  g_unlink (csv_path);
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *p = g_build_filename (dir, name, NULL);
        g_unlink (p);
      }
  }
  g_rmdir (dir);
  return 0;
}
