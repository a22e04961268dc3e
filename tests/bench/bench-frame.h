/* bench-frame.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * What the GUI benchmarks share: timing an action up to the window's next
 * painted frame, as a person sees it, and reporting the figures.
 *
 * Each figure has the wall-clock time, which is what the goals are about,
 * and the CPU time of the process over the same span (all its threads),
 * which says how much of the wall time was work of ours when the machine is
 * busy with other things. What the views built comes with it: list cells
 * set up (new widgets) and records made, per action.
 */

#pragma once

#include <gtk/gtk.h>
#include <time.h>

#include "bench-stats.h"

#define BENCH_GOAL_MS 50.0

typedef struct
{
  GArray *wall;    /* double, ms */
  GArray *cpu;     /* double, ms */
  guint   cells;   /* cells set up, all actions */
  guint   records; /* records made, all actions */
} BenchFigure;

typedef struct
{
  gint64 wall;
  double cpu;
  guint  cells;
  guint  records;
} BenchStart;

static gboolean bench_painted;
static guint bench_cells_set_up;

static inline void
bench_on_after_paint_cb (GdkFrameClock *clock,
                         gpointer       user_data)
{
  bench_painted = TRUE;
}

static inline void
bench_on_setup_cb (GtkListItemFactory *factory,
                   GtkListItem        *item,
                   gpointer            user_data)
{
  bench_cells_set_up++;
}

/* Counts the cells the column view's factories set up from now on */
static inline void
bench_count_cells (GtkColumnView *view)
{
  GListModel *columns = gtk_column_view_get_columns (view);

  for (guint c = 0; c < g_list_model_get_n_items (columns); c++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, c);
      GtkListItemFactory *factory = gtk_column_view_column_get_factory (column);

      if (GTK_IS_SIGNAL_LIST_ITEM_FACTORY (factory))
        g_signal_connect (factory, "setup", G_CALLBACK (bench_on_setup_cb), NULL);
    }
}

static inline void
bench_stop_counting_cells (GtkColumnView *view)
{
  GListModel *columns = gtk_column_view_get_columns (view);

  for (guint c = 0; c < g_list_model_get_n_items (columns); c++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, c);
      GtkListItemFactory *factory = gtk_column_view_column_get_factory (column);

      if (factory != NULL)
        g_signal_handlers_disconnect_by_func (factory, bench_on_setup_cb, NULL);
    }
}

static inline double
bench_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static inline void
bench_figure_init (BenchFigure *figure)
{
  figure->wall = g_array_new (FALSE, FALSE, sizeof (double));
  figure->cpu = g_array_new (FALSE, FALSE, sizeof (double));
  figure->cells = 0;
  figure->records = 0;
}

static inline void
bench_figure_clear (BenchFigure *figure)
{
  g_clear_pointer (&figure->wall, g_array_unref);
  g_clear_pointer (&figure->cpu, g_array_unref);
}

/* Runs the main loop until the window has painted a frame */
static inline void
bench_wait_for_paint (GtkWidget *window)
{
  bench_painted = FALSE;
  gtk_widget_queue_draw (window);
  while (!bench_painted)
    g_main_context_iteration (NULL, TRUE);
}

/* Watches the window's frames; call once it has a frame clock */
static inline gulong
bench_watch_frames (GtkWidget *window)
{
  while (gtk_widget_get_frame_clock (window) == NULL)
    g_main_context_iteration (NULL, TRUE);

  return g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                           G_CALLBACK (bench_on_after_paint_cb), NULL);
}

/* A large file from elsewhere is shown before its full check, which then
 * runs in a worker thread: waits until it is done, so what follows is
 * measured on its own, and returns how long it took from @start. */
static inline double
bench_wait_for_check (AimsDocument *document,
                      gint64        start)
{
  while (aims_document_get_checking (document))
    g_main_context_iteration (NULL, TRUE);

  return (g_get_monotonic_time () - start) / 1000.0;
}

static inline BenchStart
bench_start (guint records)
{
  BenchStart start = { g_get_monotonic_time (), bench_cpu_ms (), bench_cells_set_up, records };

  return start;
}

/* After the action: waits for the frame that shows it and records it */
static inline double
bench_finish (BenchFigure *figure,
              GtkWidget   *window,
              BenchStart   start,
              guint        records)
{
  double wall, cpu;

  bench_wait_for_paint (window);
  wall = (g_get_monotonic_time () - start.wall) / 1000.0;
  cpu = bench_cpu_ms () - start.cpu;
  g_array_append_val (figure->wall, wall);
  g_array_append_val (figure->cpu, cpu);
  figure->cells += bench_cells_set_up - start.cells;
  figure->records += records - start.records;

  return wall;
}

/* One line: wall median and worst (CPU in brackets), then per action the
 * cells set up and records made; @goal 0 for none */
static inline gboolean
bench_report (const char  *what,
              BenchFigure *figure,
              double       goal)
{
  guint n = figure->wall->len;
  double worst = bench_max (figure->wall);

  g_print ("  %-36s median %7.1f ms (cpu %6.1f)   max %7.1f ms (cpu %6.1f)   "
           "cells %5.0f  records %6.0f   (%u runs",
           what, bench_median (figure->wall), bench_median (figure->cpu),
           worst, bench_max (figure->cpu),
           (double) figure->cells / n, (double) figure->records / n, n);
  if (goal > 0)
    g_print ("; goal < %.0f ms: %s)\n", goal, worst < goal ? "met" : "NOT met");
  else
    g_print (")\n");

  return goal <= 0 || worst < goal;
}

static inline GtkWidget *
bench_find_descendant (GtkWidget *root,
                       GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = bench_find_descendant (child, type)))
        return found;
    }

  return NULL;
}
