/* aims-page-prepare.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Readying a hidden page while another is on screen, so that showing it
 * later costs its first frame less.
 *
 * A page first shown has its widgets styled (CSS matched for each of them),
 * measured and given their sizes in the frame that shows it; a large list
 * has some 200 rows of cells to go through (GTK 4.8 sets up that many
 * whatever the window's height). GTK does none of this for a page that is
 * not visible, but it keeps what was worked out: a widget's style, once
 * computed, stays until something changes it, and a widget measured and
 * given the size it gets again is not laid out again.
 *
 * So, once the window has painted the page on screen, this runs in
 * low-priority idles, each step kept short so that a click meanwhile is
 * answered at once:
 *
 *   1. the page's own first steps (the browser gives its list its rows,
 *      a few at a time),
 *   2. the styles of the page's widgets, a few milliseconds at a time,
 *   3. the page's content measured and sized as the stack around it will
 *      size it.
 *
 * Once the page is shown (mapped), the rest is left to the frame that
 * shows it, as if nothing had been prepared. The longest step and the
 * total are kept for the benchmark (tests/bench/bench-inventory.c). */

#define G_LOG_DOMAIN "aims-page-prepare"

#include "config.h"

#include "aims-page-prepare.h"

#include <time.h>

/* How long one step may hold the main loop, in µs */
#define STEP_BUDGET_US 4000

enum {
  STAGE_FIRST,
  STAGE_STYLES,
  STAGE_SIZE,
  STAGE_DONE,
};

struct _AimsPagePrepare
{
  GtkWidget           *page;        /* not owned: the page owns this */
  AimsPagePrepareFunc  first_step;
  gpointer             user_data;

  GdkFrameClock       *clock;       /* waited on for the next painted frame */
  gulong               paint_handler;
  guint                source;

  int                  stage;
  GtkWidget           *cursor;      /* the next widget to style, held */

  gboolean             completed;   /* the last preparation went through */
  double               longest;     /* ms */
  double               total;       /* ms */
  double               longest_cpu; /* ms of this thread's CPU time */
};

static double
thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

/* The widget after @widget in a walk of @root's tree, depth first */
static GtkWidget *
next_widget (GtkWidget *root,
             GtkWidget *widget)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  if (child != NULL)
    return child;

  for (; widget != NULL && widget != root; widget = gtk_widget_get_parent (widget))
    {
      GtkWidget *next = gtk_widget_get_next_sibling (widget);

      if (next != NULL)
        return next;
    }

  return NULL;
}

/* Works out the widget's style now, which the frame that shows it would
 * otherwise do; GTK keeps it until something changes it */
static void
style_widget (GtkWidget *widget)
{
  GdkRGBA color;

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
G_GNUC_END_IGNORE_DEPRECATIONS
}

/* Styles widgets until the step's time is up; FALSE once all are done */
static gboolean
style_some (AimsPagePrepare *self,
            gint64           deadline)
{
  GtkWidget *widget = self->cursor;

  /* A widget taken out of the page since the last step (a row given back,
   * say): start again from the top, where every style already worked out
   * is only looked up */
  if (widget == NULL || (widget != self->page && !gtk_widget_is_ancestor (widget, self->page)))
    widget = self->page;

  do
    {
      style_widget (widget);
      widget = next_widget (self->page, widget);
    }
  while (widget != NULL && g_get_monotonic_time () < deadline);

  g_clear_object (&self->cursor);
  if (widget != NULL)
    self->cursor = g_object_ref (widget);

  return widget != NULL;
}

/* The page's children measured and given the size the stack around the
 * page will give them (the page lays out its child over all of itself) */
static void
size_children (AimsPagePrepare *self)
{
  GtkWidget *parent = gtk_widget_get_parent (self->page);
  int width, height;

  if (parent == NULL)
    return;

  width = gtk_widget_get_width (parent);
  height = gtk_widget_get_height (parent);
  if (width <= 0 || height <= 0)
    return;

  for (GtkWidget *child = gtk_widget_get_first_child (self->page);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int min, nat;

      if (!gtk_widget_get_visible (child))
        continue;

      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
      if (min > width)
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, &min, &nat, NULL, NULL);
      if (min > height)
        continue;
      gtk_widget_size_allocate (child, &(GtkAllocation) { 0, 0, width, height }, -1);
    }
}

static void
stop_waiting (AimsPagePrepare *self)
{
  /* The clock drops its handlers when its window goes */
  if (self->clock != NULL)
    {
      if (g_signal_handler_is_connected (self->clock, self->paint_handler))
        g_signal_handler_disconnect (self->clock, self->paint_handler);
      self->paint_handler = 0;
      g_clear_object (&self->clock);
    }
  g_clear_handle_id (&self->source, g_source_remove);
}

static gboolean
step_cb (gpointer data)
{
  AimsPagePrepare *self = data;
  gint64 start = g_get_monotonic_time ();
  double cpu = thread_cpu_ms ();
  double ms;

  /* Shown meanwhile: its frame does the rest */
  if (gtk_widget_get_mapped (self->page))
    {
      self->source = 0;
      g_clear_object (&self->cursor);
      return G_SOURCE_REMOVE;
    }

  switch (self->stage)
    {
    case STAGE_FIRST:
      if (self->first_step == NULL || !self->first_step (self->page, self->user_data))
        self->stage = STAGE_STYLES;
      break;

    case STAGE_STYLES:
      if (!style_some (self, start + STEP_BUDGET_US))
        self->stage = STAGE_SIZE;
      break;

    case STAGE_SIZE:
      size_children (self);
      self->stage = STAGE_DONE;
      break;

    default:
      g_assert_not_reached ();
    }

  ms = (g_get_monotonic_time () - start) / 1000.0;
  self->longest = MAX (self->longest, ms);
  self->longest_cpu = MAX (self->longest_cpu, thread_cpu_ms () - cpu);
  self->total += ms;

  if (self->stage != STAGE_DONE)
    return G_SOURCE_CONTINUE;

  self->completed = TRUE;
  self->source = 0;
  return G_SOURCE_REMOVE;
}

static void
on_after_paint_cb (GdkFrameClock   *clock,
                   AimsPagePrepare *self)
{
  stop_waiting (self);
  self->source = g_idle_add_full (G_PRIORITY_LOW, step_cb, self, NULL);
}

/**
 * aims_page_prepare_new:
 * @page: the hidden page; it owns what this returns and frees it in its
 *   dispose
 * @first_step: (nullable): the page's own first step
 */
AimsPagePrepare *
aims_page_prepare_new (GtkWidget           *page,
                       AimsPagePrepareFunc  first_step,
                       gpointer             user_data)
{
  AimsPagePrepare *self;

  g_return_val_if_fail (GTK_IS_WIDGET (page), NULL);

  self = g_new0 (AimsPagePrepare, 1);
  self->page = page;
  self->first_step = first_step;
  self->user_data = user_data;
  self->stage = STAGE_DONE;

  return self;
}

void
aims_page_prepare_free (AimsPagePrepare *self)
{
  if (self == NULL)
    return;

  stop_waiting (self);
  g_clear_object (&self->cursor);
  g_free (self);
}

/**
 * aims_page_prepare_start:
 *
 * Prepares the page from the window's next painted frame on, from the
 * first step, unless it is on screen already.
 */
void
aims_page_prepare_start (AimsPagePrepare *self)
{
  GtkRoot *root;

  g_return_if_fail (self != NULL);

  aims_page_prepare_stop (self);
  self->completed = FALSE;
  self->longest = 0;
  self->longest_cpu = 0;
  self->total = 0;

  if (gtk_widget_get_mapped (self->page))
    return;

  self->stage = STAGE_FIRST;

  /* After the frame that shows what the person asked for */
  root = gtk_widget_get_root (self->page);
  if (root != NULL && gtk_widget_get_frame_clock (GTK_WIDGET (root)) != NULL)
    {
      self->clock = g_object_ref (gtk_widget_get_frame_clock (GTK_WIDGET (root)));
      self->paint_handler = g_signal_connect (self->clock, "after-paint",
                                              G_CALLBACK (on_after_paint_cb), self);
      gdk_frame_clock_request_phase (self->clock, GDK_FRAME_CLOCK_PHASE_PAINT);
    }
  else
    self->source = g_idle_add_full (G_PRIORITY_LOW, step_cb, self, NULL);
}

/**
 * aims_page_prepare_stop:
 *
 * Stops preparing; what is done stays done.
 */
void
aims_page_prepare_stop (AimsPagePrepare *self)
{
  g_return_if_fail (self != NULL);

  stop_waiting (self);
  g_clear_object (&self->cursor);
  self->stage = STAGE_DONE;
}

/* Whether steps are still to come */
gboolean
aims_page_prepare_get_running (AimsPagePrepare *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->source != 0 || self->paint_handler != 0;
}

/* Whether the last preparation went through all its steps */
gboolean
aims_page_prepare_get_done (AimsPagePrepare *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->completed;
}

/* The longest a step held the main loop, in ms */
double
aims_page_prepare_get_longest_step (AimsPagePrepare *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->longest;
}

/* The most CPU time one step took, in ms: the longest step less what
 * other processes took from it */
double
aims_page_prepare_get_longest_step_cpu (AimsPagePrepare *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->longest_cpu;
}

/* The steps' time together, in ms */
double
aims_page_prepare_get_total (AimsPagePrepare *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->total;
}
