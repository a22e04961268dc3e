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
#include <fcntl.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

/* The goals of issue 3, on the reference machine. */
#define GOAL_OPEN_MS 500.0
#define GOAL_SAVE_MS 500.0
#define GOAL_COMMIT_P99_MS 5.0

/* A step's elapsed (wall clock) and CPU time. The machine the goals are
 * for may be busy with other work: the CPU time shows what the step itself
 * costs, the elapsed time what a person waits. */
typedef struct
{
  gint64 wall_start;
  gint64 cpu_start;
  double wall_ms;
  double cpu_ms;
} Timing;

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static gint64
cpu_time_us (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return (gint64) (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * G_USEC_PER_SEC +
         usage.ru_utime.tv_usec + usage.ru_stime.tv_usec;
}

static void
timing_start (Timing *timing)
{
  timing->wall_start = g_get_monotonic_time ();
  timing->cpu_start = cpu_time_us ();
}

static void
timing_stop (Timing *timing)
{
  timing->wall_ms = ms_since (timing->wall_start);
  timing->cpu_ms = (cpu_time_us () - timing->cpu_start) / 1000.0;
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

/* Forgets the peak memory so far (Linux 4.0 and later), so the figure is
 * that of what follows, not of generating the demo. */
static gboolean
reset_peak_memory (void)
{
  int fd = g_open ("/proc/self/clear_refs", O_WRONLY | O_CLOEXEC, 0);
  gboolean ok;

  if (fd < 0)
    return FALSE;

  ok = write (fd, "5", 1) == 1;
  close (fd);
  return ok;
}

/* The peak resident memory since reset_peak_memory(), else since start. */
static guint64
peak_memory (void)
{
  g_autofree char *status = NULL;
  struct rusage usage;

  if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    {
      const char *line = strstr (status, "\nVmHWM:");

      if (line != NULL)
        return g_ascii_strtoull (line + strlen ("\nVmHWM:"), NULL, 10) * 1024;
    }

  getrusage (RUSAGE_SELF, &usage);
  return (guint64) usage.ru_maxrss * 1024;
}

/* A copy made the way a file arrives from elsewhere (a download, a USB
 * stick): a new file this program has never seen. */
static gboolean
receive_copy (const char  *from,
              const char  *to,
              GError     **error)
{
  g_autoptr(GFile) source = g_file_new_for_path (from);
  g_autoptr(GFile) target = g_file_new_for_path (to);

  g_unlink (to);
  return g_file_copy (source, target, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, error);
}

/* Opens @file and checks how: @full is whether every value must have been
 * checked. */
static AimsDocument *
open_timed (GFile     *file,
            gboolean   full,
            Timing    *timing,
            GError   **error)
{
  AimsDocument *document;

  timing_start (timing);
  document = aims_document_open (file, AIMS_OPEN_NONE, "Benchmark", error);
  timing_stop (timing);

  if (document != NULL && aims_document_get_fully_checked (document) != full)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   full ? _("The file was not checked in full when first opened.")
                        : _("The file was checked in full again when reopened."));
      aims_document_close (document);
      g_clear_object (&document);
    }

  return document;
}

static void
print_timed (const char   *label,
             const Timing *timing,
             double        goal)
{
  g_autofree char *cpu = g_strdup_printf (_("CPU %.0f ms"), timing->cpu_ms);

  if (goal > 0)
    g_print ("  %-46s %9.1f ms  %-13s (goal < %.0f ms: %s)\n", label, timing->wall_ms, cpu,
             goal, verdict (timing->wall_ms, goal));
  else
    g_print ("  %-46s %9.1f ms  %s\n", label, timing->wall_ms, cpu);
}

/* aims bench [--scale huge] [--edits 1000] [--seed N] [--project FILE] */
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
  g_autofree char *project = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *made = NULL;
  g_autofree char *path = NULL;
  g_autofree char *size_text = NULL;
  g_autofree char *memory_text = NULL;
  g_autofree char *check_memory_text = NULL;
  g_autofree char *what = NULL;
  g_auto(GStrv) uuids = NULL;
  AimsDemoScale scale = AIMS_DEMO_SCALE_HUGE;
  AimsStore *store;
  gboolean memory_reset;
  guint64 check_memory;
  int n_edits = 1000;
  int seed = AIMS_DEMO_DEFAULT_SEED;
  Timing generate = { 0 }, check, first_open, deferred_open, deferred_check, reopen, save,
         reopen_saved;
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
    { "project", 'p', 0, G_OPTION_ARG_FILENAME, &project,
      N_("Measure a copy of this project instead of a new demo project"), N_("FILE") },
    G_OPTION_ENTRY_NULL
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
                                _("Create a demo project in a temporary folder and report how "
                                  "long opening (checks and working copy) takes, for a file "
                                  "from elsewhere and for one opened or saved before, how long "
                                  "saving and single edits take, the file size and the peak "
                                  "memory."));
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

  if (project != NULL && scale_name != NULL)
    {
      aims_cli_printerr (_("--project and --scale cannot be used together."));
      return AIMS_EXIT_USAGE;
    }

  dir = g_dir_make_tmp ("aims-bench-XXXXXX", &error);
  if (dir == NULL)
    goto failed;
  made = g_build_filename (dir, "made.aims", NULL);
  path = g_build_filename (dir, "bench.aims", NULL);
  file = g_file_new_for_path (path);

  /* The project to measure: the demo as `aims demo` writes it, or a copy of
   * the one given. */
  if (project != NULL)
    {
      if (!receive_copy (project, made, &error))
        goto failed;
      what = g_filename_display_name (project);
    }
  else
    {
      timing_start (&generate);
      if (!aims_demo_write_file (made, scale, seed, &error))
        goto failed;
      timing_stop (&generate);
      what = g_strdup_printf (_("demo scale “%s”"), scale_name != NULL ? scale_name : "huge");
    }

  /* From here on, memory is that of checking, opening, editing and saving. */
  memory_reset = reset_peak_memory ();

  /* The file as it arrives from elsewhere: new to this program, so opening
   * checks every value. `aims check` alone, without the working copy, shows
   * what the checks cost. */
  if (!receive_copy (made, path, &error))
    goto failed;
  timing_start (&check);
  if (!aims_project_file_check (path, AIMS_CHECK_NONE, NULL, &error))
    goto failed;
  timing_stop (&check);

  if (!receive_copy (made, path, &error))
    goto failed;
  document = open_timed (file, TRUE, &first_open, &error);
  if (document == NULL)
    goto failed;
  aims_document_close (document);
  g_clear_object (&document);

  /* As the window opens a large file from elsewhere: shown read-only after
   * the cheap checks, editable once the rest of the check has passed (the
   * window runs it in a worker thread; here it runs right after). */
  if (!receive_copy (made, path, &error))
    goto failed;
  timing_start (&deferred_open);
  document = aims_document_open (file, AIMS_OPEN_DEFER_CHECK, "Benchmark", &error);
  timing_stop (&deferred_open);
  if (document == NULL)
    goto failed;
  timing_start (&deferred_check);
  if (!aims_document_check (document, NULL, &error))
    goto failed;
  timing_stop (&deferred_check);
  if (!aims_document_get_fully_checked (document) || aims_document_get_read_only (document))
    {
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The file was not editable after its full check."));
      goto failed;
    }
  aims_document_close (document);
  g_clear_object (&document);

  /* The full check maps the working copy: its pages count as resident while
   * it runs. What follows is measured on its own. */
  check_memory = peak_memory ();
  memory_reset = memory_reset && reset_peak_memory ();

  /* Opened again, unchanged: the checks of header and schema only. */
  document = open_timed (file, FALSE, &reopen, &error);
  if (document == NULL)
    goto failed;

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

  timing_start (&save);
  if (!aims_document_save (document, &error))
    goto failed;
  timing_stop (&save);

  aims_document_close (document);
  g_clear_object (&document);

  /* The file just saved: this program wrote it, so no full check either. */
  document = open_timed (file, FALSE, &reopen_saved, &error);
  if (document == NULL)
    goto failed;
  aims_document_close (document);
  g_clear_object (&document);

  size_text = g_format_size_full (file_size (path), G_FORMAT_SIZE_IEC_UNITS);
  check_memory_text = g_format_size_full (check_memory, G_FORMAT_SIZE_IEC_UNITS);
  memory_text = g_format_size_full (peak_memory (), G_FORMAT_SIZE_IEC_UNITS);
  g_unlink (path);
  g_unlink (made);
  g_rmdir (dir);

  if (project != NULL)
    g_print (_("AIMS Workbench %s, %s\n"), aims_core_get_version (), what);
  else
    g_print (_("AIMS Workbench %s, %s: %u AI systems, %u risks\n"),
             aims_core_get_version (), what, aims_demo_scale_get_n_systems (scale),
             aims_demo_scale_get_n_risks (scale));
  if (project == NULL)
    print_timed (_("generate the demo and save it:"), &generate, 0);
  print_timed (_("check a file from elsewhere (aims check):"), &check, 0);
  print_timed (_("first open, full check and working copy:"), &first_open, GOAL_OPEN_MS);
  print_timed (_("first open as the window does it, shown:"), &deferred_open, GOAL_OPEN_MS);
  print_timed (_("  then the full check, in the background:"), &deferred_check, 0);
  {
    Timing editable = deferred_open;

    editable.wall_ms += deferred_check.wall_ms;
    editable.cpu_ms += deferred_check.cpu_ms;
    print_timed (_("  so editable after:"), &editable, 0);
  }
  print_timed (_("reopen unchanged (header and schema checked):"), &reopen, GOAL_OPEN_MS);
  print_timed (_("save:"), &save, GOAL_SAVE_MS);
  print_timed (_("reopen after saving:"), &reopen_saved, GOAL_OPEN_MS);
  g_print ("  %-46s %s\n", _("file size:"), size_text);
  if (memory_reset)
    {
      g_print ("  %-46s %s\n", _("peak memory, check and first open:"), check_memory_text);
      g_print ("  %-46s %s\n", _("peak memory, reopen, edits and save:"), memory_text);
    }
  else
    g_print ("  %-46s %s\n", _("peak memory:"), memory_text);
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
  if (made != NULL)
    g_unlink (made);
  if (dir != NULL)
    g_rmdir (dir);
  return AIMS_EXIT_ERROR;
}
