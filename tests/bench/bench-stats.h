/* bench-stats.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * What every benchmark shares, GTK or not: timings in milliseconds gathered
 * in a GArray of doubles, their median, worst and percentiles, one report
 * line against a goal, and the usual command line
 *
 *   BENCH [small|large|huge|FILE.aims] [RUNS]
 *
 * which names the demo scale to write or a project to measure instead.
 */

#pragma once

#include <aims-core.h>

static inline int
bench_compare_double (gconstpointer a,
                      gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The value below which @fraction of @ms lie: 0.5 the median, 1.0 the
 * worst. Sorts @ms. */
static inline double
bench_percentile (GArray *ms,
                  double  fraction)
{
  if (ms->len == 0)
    return 0.0;

  g_array_sort (ms, bench_compare_double);
  return g_array_index (ms, double, MIN (ms->len - 1, (guint) (fraction * ms->len)));
}

static inline double
bench_median (GArray *ms)
{
  return bench_percentile (ms, 0.5);
}

static inline double
bench_max (GArray *ms)
{
  return bench_percentile (ms, 1.0);
}

/* Milliseconds since @start (g_get_monotonic_time ()) */
static inline double
bench_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static inline void
bench_add (GArray *ms,
           double  value)
{
  g_array_append_val (ms, value);
}

/* One line: the median and the worst of @ms against @goal; %TRUE if the
 * worst run met it. @width is the width of the name column. */
static inline gboolean
bench_report_ms (const char *what,
                 int         width,
                 GArray     *ms,
                 double      goal)
{
  double median = bench_median (ms), worst = bench_max (ms);

  g_print ("  %-*s median %7.2f ms   max %7.2f ms   (%u runs; goal < %.0f ms: %s)\n",
           width, what, median, worst, ms->len, goal, worst < goal ? "met" : "NOT met");

  return worst < goal;
}

typedef struct
{
  AimsDemoScale scale;
  const char   *scale_name;
  const char   *existing;     /* a project to measure instead of a new demo */
  guint         runs;
} BenchArgs;

/* Reads [small|large|huge|FILE.aims] [RUNS] into @args (huge and
 * @default_runs when not given). Prints the usage and returns %FALSE for
 * anything else. */
static inline gboolean
bench_parse_args (int        argc,
                  char     **argv,
                  guint      default_runs,
                  BenchArgs *args)
{
  args->scale = AIMS_DEMO_SCALE_HUGE;
  args->scale_name = "huge";
  args->existing = NULL;
  args->runs = default_runs;

  if (argc > 1)
    {
      args->scale_name = argv[1];
      if (g_str_equal (argv[1], "small"))
        args->scale = AIMS_DEMO_SCALE_SMALL;
      else if (g_str_equal (argv[1], "large"))
        args->scale = AIMS_DEMO_SCALE_LARGE;
      else if (g_str_has_suffix (argv[1], ".aims") && g_file_test (argv[1], G_FILE_TEST_IS_REGULAR))
        args->existing = argv[1];
      else if (!g_str_equal (argv[1], "huge"))
        {
          g_printerr ("Usage: %s [small|large|huge|FILE.aims] [RUNS]\n", argv[0]);
          return FALSE;
        }
    }
  if (argc > 2)
    args->runs = MAX (1, (guint) g_ascii_strtoull (argv[2], NULL, 10));

  return TRUE;
}
