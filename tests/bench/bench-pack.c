/* bench-pack.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * How quickly the management review pack is written (issue 8: the standard
 * demo under 0.3 s, the huge demo under 2 s), with the core alone, as
 * `aims report` and the app's "Export Review Pack…" run it:
 *
 *   - the figures alone (aims_kpi_compute), as the Overview computes them;
 *   - the pack of the demo's review, from its snapshot, and the pack of the
 *     day, whose inputs are gathered first: both laid out twice, drawn and
 *     written through the safe-write path (temporary file, fsync, rename).
 *
 * Each is run several times; the median and the worst are reported:
 *
 *   build/tests/bench/bench-pack [small|large|huge|FILE.aims] [RUNS]
 *
 * The wall clock includes the fsync of the safe write; TMPDIR=/dev/shm
 * leaves the disk out. The processor time is given too.
 */

#define G_LOG_DOMAIN "bench-pack"

#include "config.h"

#include <aims-core.h>
#include <glib/gstdio.h>
#include <time.h>

/* The processor time of this process: on a machine shared with other work
 * the wall clock also counts the waits for a processor and for the disk */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
report (const char *what,
        GArray     *ms,
        double      goal)
{
  double median, worst;

  g_array_sort (ms, compare_double);
  median = g_array_index (ms, double, ms->len / 2);
  worst = g_array_index (ms, double, ms->len - 1);
  g_print ("  %-34s median %8.1f ms   max %8.1f ms   (%u runs; goal < %.0f ms: %s)\n",
           what, median, worst, ms->len, goal, median < goal ? "met" : "NOT met");
}

static double
since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  const char *what = argc > 1 ? argv[1] : "huge";
  guint runs = argc > 2 ? (guint) g_ascii_strtoull (argv[2], NULL, 10) : 5;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *review = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(AimsDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) kpi_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) review_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) day_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) review_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) day_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  AimsDemoScale scale = AIMS_DEMO_SCALE_HUGE;
  gboolean generated = FALSE;
  double goal;
  AimsStore *store;
  guint n_pages = 0;

  if (runs == 0)
    runs = 5;

  dir = g_dir_make_tmp ("bench-pack-XXXXXX", &error);
  g_assert_no_error (error);
  pdf = g_build_filename (dir, "pack.pdf", NULL);

  if (aims_demo_scale_from_string (what, &scale))
    {
      gint64 start = g_get_monotonic_time ();

      path = g_build_filename (dir, "demo.aims", NULL);
      if (!aims_demo_write_file (path, scale, AIMS_DEMO_DEFAULT_SEED, &error))
        g_error ("%s", error->message);
      generated = TRUE;
      g_print ("Generated the %s demo in %.1f s\n", what, since (start) / 1000);
    }
  else
    path = g_strdup (what);

  /* The standard (small) demo has its own goal */
  goal = generated && scale == AIMS_DEMO_SCALE_SMALL ? 300.0 : 2000.0;

  file = g_file_new_for_path (path);
  document = aims_document_open (file, AIMS_OPEN_READ_ONLY, NULL, &error);
  if (document == NULL)
    g_error ("%s", error->message);
  store = aims_document_get_store (document);
  g_print ("%u AI systems, %u risks\n", aims_store_count (store, "ai_system"),
           aims_store_count (store, "risk"));
  review = aims_review_dup_latest (store);

  for (guint i = 0; i < runs; i++)
    {
      g_autoptr(AimsKpi) kpi = NULL;
      gint64 start = g_get_monotonic_time ();

      if ((kpi = aims_kpi_compute (store, "2026-11-22", NULL, NULL, &error)) == NULL)
        g_error ("%s", error->message);
      g_array_append_val (kpi_ms, (double) { since (start) });

      if (review != NULL)
        {
          double cpu = cpu_ms ();

          start = g_get_monotonic_time ();
          if (!aims_review_pack_write (store, review, NULL, pdf, &n_pages, &error))
            g_error ("%s", error->message);
          g_array_append_val (review_ms, (double) { since (start) });
          g_array_append_val (review_cpu, (double) { cpu_ms () - cpu });
        }

      {
        double cpu = cpu_ms ();

        start = g_get_monotonic_time ();
        if (!aims_review_pack_write (store, NULL, "2026-11-22", pdf, &n_pages, &error))
          g_error ("%s", error->message);
        g_array_append_val (day_ms, (double) { since (start) });
        g_array_append_val (day_cpu, (double) { cpu_ms () - cpu });
      }
    }

  g_print ("The review pack (%u pages):\n", n_pages);
  report ("figures (aims_kpi_compute)", kpi_ms, goal);
  if (review_ms->len > 0)
    {
      report ("pack of the demo's review", review_ms, goal);
      report ("  its processor time", review_cpu, goal);
    }
  report ("pack of the day (gathered first)", day_ms, goal);
  report ("  its processor time", day_cpu, goal);

  aims_document_close (document);
  if (generated)
    g_unlink (path);
  g_unlink (pdf);
  g_rmdir (dir);

  return 0;
}
