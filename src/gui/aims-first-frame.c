/* aims-first-frame.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Start-up measurement for tests/bench/startup.py: when AIMS_BENCH_T0 holds
 * the CLOCK_MONOTONIC time (µs) at which the process was launched, report how
 * long it took until the first window painted its first frame, then quit.
 * The bare AdwApplicationWindow it is compared with uses this same file. */

#define G_LOG_DOMAIN "aims-first-frame"

#include "config.h"

#include <stdio.h>

#include "aims-first-frame.h"

static void
on_after_paint_cb (GdkFrameClock *clock,
                   GtkWindow     *window)
{
  gint64 t0 = g_ascii_strtoll (g_getenv ("AIMS_BENCH_T0"), NULL, 10);
  gint64 now = g_get_monotonic_time ();
  GApplication *app = g_application_get_default ();

  g_signal_handlers_disconnect_by_func (clock, on_after_paint_cb, window);
  printf ("first-frame-us %" G_GINT64_FORMAT "\n", now - t0);
  fflush (stdout);

  if (app != NULL)
    g_application_quit (app);
}

static void
on_realize_cb (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), widget);
}

/**
 * aims_first_frame_watch:
 * @window: the first window of the process
 *
 * Does nothing unless the start-up benchmark asked for it.
 */
void
aims_first_frame_watch (GtkWindow *window)
{
  if (g_getenv ("AIMS_BENCH_T0") == NULL)
    return;

  g_signal_connect (window, "realize", G_CALLBACK (on_realize_cb), NULL);
}
