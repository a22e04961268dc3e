/* aims-cli-bench.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aims-cli"

#include "config.h"

#include <aims-core.h>

#include "aims-cli.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sys/resource.h>
#include <sys/stat.h>

/* The goals of issue 3, on the reference machine. */
#define GOAL_OPEN_MS 500.0
#define GOAL_SAVE_MS 500.0
#define GOAL_COMMIT_P99_MS 5.0

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static const char *
verdict (double value,
         double goal)
{
  return value < goal ? _("goal met") : _("GOAL MISSED");
}

static goffset
file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? (goffset) st.st_size : -1;
}

/* aims bench [--scale huge] [--edits 1000] [--seed N] */
int
aims_cli_bench (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(AimsDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GArray) latencies = NULL;
  g_autoptr(GRand) rand = NULL;
  g_autofree char *scale_name = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *size_text = NULL;
  g_autofree char *memory_text = NULL;
  g_auto(GStrv) uuids = NULL;
  AimsDemoScale scale = AIMS_DEMO_SCALE_HUGE;
  AimsStore *store;
  struct rusage usage;
  int n_edits = 1000;
  int seed = AIMS_DEMO_DEFAULT_SEED;
  double generate_ms, first_save_ms, open_ms, save_ms;
  double median_ms, p99_ms, max_ms;
  guint n_uuids;
  gint64 start;
  const GOptionEntry entries[] = {
    { "scale", 's', 0, G_OPTION_ARG_STRING, &scale_name,
      N_("small, large or huge (the default: 10,000 AI systems)"), N_("SCALE") },
    { "edits", 'e', 0, G_OPTION_ARG_INT, &n_edits,
      N_("How many edits to time (default 1000)"), N_("N") },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed,
      N_("The seed of the demo project and of the edits (default 42)"), N_("N") },
    G_OPTION_ENTRY_NULL
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
                                _("Create a demo project in a temporary folder and report how "
                                  "long opening (checks and working copy), saving and single "
                                  "edits take, the file size and the peak memory."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!aims_cli_parse_options (context, "bench", &argc, &argv))
    return AIMS_EXIT_USAGE;

  if (argc > 1)
    {
      aims_cli_printerr (_("“bench” takes no FILE. Run “aims bench --help” for the options."));
      return AIMS_EXIT_USAGE;
    }

  if (scale_name != NULL && !aims_demo_scale_from_string (scale_name, &scale))
    {
      aims_cli_printerr (_("“%s” is not a scale; use small, large or huge."), scale_name);
      return AIMS_EXIT_USAGE;
    }

  if (n_edits < 1 || seed < 0)
    {
      aims_cli_printerr (_("--edits must be at least 1 and --seed at least 0."));
      return AIMS_EXIT_USAGE;
    }

  dir = g_dir_make_tmp ("aims-bench-XXXXXX", &error);
  if (dir == NULL)
    goto failed;
  path = g_build_filename (dir, "bench.aims", NULL);
  file = g_file_new_for_path (path);

  /* The project to measure. */
  start = g_get_monotonic_time ();
  document = aims_document_new_untitled ("Benchmark", &error);
  if (document == NULL ||
      !aims_demo_generate (aims_document_get_store (document), scale, seed, &error))
    goto failed;
  generate_ms = ms_since (start);

  start = g_get_monotonic_time ();
  if (!aims_document_save_as (document, file, &error))
    goto failed;
  first_save_ms = ms_since (start);

  aims_document_close (document);
  g_clear_object (&document);

  /* Open: check the file, copy it into a working copy, check the copy. */
  start = g_get_monotonic_time ();
  document = aims_document_open (file, AIMS_OPEN_NONE, "Benchmark", &error);
  if (document == NULL)
    goto failed;
  open_ms = ms_since (start);

  /* Single edits, each its own committed changeset. */
  store = aims_document_get_store (document);
  uuids = aims_store_dup_uuids (store, "ai_system", &error);
  if (uuids == NULL)
    goto failed;
  n_uuids = g_strv_length (uuids);
  rand = g_rand_new_with_seed (seed);
  latencies = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_edits);

  for (int i = 0; i < n_edits; i++)
    {
      const char *uuid = uuids[g_rand_int_range (rand, 0, n_uuids)];
      g_autofree char *text = g_strdup_printf ("Edited by the benchmark, edit %d of %d.",
                                               i + 1, n_edits);
      gint64 elapsed;

      start = g_get_monotonic_time ();
      if (!aims_store_update (store, "ai_system", uuid, "description",
                              g_variant_new_string (text), &error))
        goto failed;
      elapsed = g_get_monotonic_time () - start;
      g_array_append_val (latencies, elapsed);
    }

  g_array_sort (latencies, compare_gint64);
  median_ms = g_array_index (latencies, gint64, latencies->len / 2) / 1000.0;
  p99_ms = g_array_index (latencies, gint64,
                          MIN (latencies->len - 1, (latencies->len * 99 + 99) / 100 - 1)) / 1000.0;
  max_ms = g_array_index (latencies, gint64, latencies->len - 1) / 1000.0;

  start = g_get_monotonic_time ();
  if (!aims_document_save (document, &error))
    goto failed;
  save_ms = ms_since (start);

  size_text = g_format_size_full (file_size (path), G_FORMAT_SIZE_IEC_UNITS);
  aims_document_close (document);
  g_clear_object (&document);
  g_unlink (path);
  g_rmdir (dir);

  getrusage (RUSAGE_SELF, &usage);
  memory_text = g_format_size_full ((guint64) usage.ru_maxrss * 1024, G_FORMAT_SIZE_IEC_UNITS);

  g_print (_("AIMS Workbench %s, demo scale “%s”: %u AI systems\n"),
           aims_core_get_version (), scale_name != NULL ? scale_name : "huge",
           aims_demo_scale_get_n_systems (scale));
  g_print (_("  generate the demo:          %8.1f ms\n"), generate_ms);
  g_print (_("  first save:                 %8.1f ms\n"), first_save_ms);
  g_print (_("  open (check, working copy): %8.1f ms   (goal < %.0f ms: %s)\n"),
           open_ms, GOAL_OPEN_MS, verdict (open_ms, GOAL_OPEN_MS));
  g_print (_("  save:                       %8.1f ms   (goal < %.0f ms: %s)\n"),
           save_ms, GOAL_SAVE_MS, verdict (save_ms, GOAL_SAVE_MS));
  g_print (_("  file size:                  %s\n"), size_text);
  g_print (_("  peak memory:                %s\n"), memory_text);
  g_print (_("  commit latency, %d edits:   median %.2f ms, p99 %.2f ms, max %.2f ms   "
             "(goal p99 < %.0f ms: %s)\n"),
           n_edits, median_ms, p99_ms, max_ms, GOAL_COMMIT_P99_MS,
           verdict (p99_ms, GOAL_COMMIT_P99_MS));

  return AIMS_EXIT_OK;

failed:
  aims_cli_printerr ("%s", error != NULL ? error->message : _("The benchmark failed."));
  if (document != NULL)
    aims_document_close (document);
  if (path != NULL)
    g_unlink (path);
  if (dir != NULL)
    g_rmdir (dir);
  return AIMS_EXIT_ERROR;
}
