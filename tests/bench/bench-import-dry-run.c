/* bench-import-dry-run.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the import assistant waits for with a register of N risk rows
 * (default 100,000): reading the CSV and guessing its mapping (the
 * assistant's worker does both), then the dry run of step 4, as
 * aims_import_run() (what the assistant ran on the main thread before) and
 * as aims_import_dry_run_async() (a worker, on a copy of the project the
 * worker makes; the calling thread only waits for the call to return).
 * Each is timed RUNS times (default and at most 3); the median is printed,
 * wall and CPU.
 *
 * With PROJECT (say a copy of the huge demo), the rows go into a copy of
 * it rather than into a new empty project: the copy the worker makes is
 * then that big.
 *
 *   build/tests/bench/bench-import-dry-run [N [PROJECT|- [RUNS]]]
 */

#include "config.h"

#include <aims-core.h>

#include "aims-store-private.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <time.h>

#define MAX_RUNS 3

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

typedef struct
{
  AimsImportResult *result;
  GError           *error;
  gboolean          done;
} Async;

static void
on_dry_run_done (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Async *async = user_data;

  async->result = aims_import_dry_run_finish (result, &async->error);
  async->done = TRUE;
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
  const char *source = argc > 2 && !g_str_equal (argv[2], "-") ? argv[2] : NULL;
  guint n_runs = argc > 3 ? CLAMP ((guint) g_ascii_strtoull (argv[3], NULL, 10), 1, MAX_RUNS)
                          : MAX_RUNS;
  double read_wall[MAX_RUNS], read_cpu[MAX_RUNS], dry_wall[MAX_RUNS], dry_cpu[MAX_RUNS];
  double copy_wall[MAX_RUNS], async_wall[MAX_RUNS];

  csv = make_csv (n);
  if (!g_file_set_contents (csv_path, csv->str, csv->len, NULL))
    g_error ("could not write %s", csv_path);

  if (source != NULL)
    {
      g_autofree char *contents = NULL;
      gsize length = 0;

      if (!g_file_get_contents (source, &contents, &length, &error) ||
          !g_file_set_contents (project, contents, (gssize) length, &error))
        g_error ("%s", error->message);
      store = aims_store_new (project, "Bench", &error);
      if (store == NULL)
        g_error ("%s", error->message);
    }
  else
    {
      store = aims_store_new (project, "Bench", &error);
      if (store == NULL || !_aims_store_create_project (store, &error))
        g_error ("%s", error->message);
    }
  matrix = aims_store_dup_matrix (store);

  for (guint run = 0; run < n_runs; run++)
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

      {
        Async async = { 0 };

        start = g_get_monotonic_time ();
        aims_import_dry_run_async (store, sheet, mapping, NULL, on_dry_run_done, &async);
        copy_wall[run] = (g_get_monotonic_time () - start) / 1e6;
        while (!async.done)
          g_main_context_iteration (NULL, TRUE);
        async_wall[run] = (g_get_monotonic_time () - start) / 1e6;
        if (async.result == NULL)
          g_error ("%s", async.error->message);
        if (aims_import_result_get_n_added (async.result) != n)
          g_error ("the async dry run would add %u of %u rows",
                   aims_import_result_get_n_added (async.result), n);
        g_object_unref (async.result);
      }
    }

  qsort (read_wall, n_runs, sizeof (double), compare_doubles);
  qsort (read_cpu, n_runs, sizeof (double), compare_doubles);
  qsort (dry_wall, n_runs, sizeof (double), compare_doubles);
  qsort (dry_cpu, n_runs, sizeof (double), compare_doubles);
  qsort (copy_wall, n_runs, sizeof (double), compare_doubles);
  qsort (async_wall, n_runs, sizeof (double), compare_doubles);
  g_print ("%u rows into %s, median of %u: read + guess %.3f s wall (%.3f s CPU); dry run on "
           "the calling thread %.3f s wall (%.3f s CPU); in a worker %.3f s wall, of which the "
           "calling thread waits %.3f s\n",
           n, source != NULL ? source : "an empty project", n_runs, read_wall[n_runs / 2],
           read_cpu[n_runs / 2], dry_wall[n_runs / 2], dry_cpu[n_runs / 2],
           async_wall[n_runs / 2], copy_wall[n_runs / 2]);

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
