/* bench-inventory.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * How quickly the AI Systems section answers on a large project, measured on
 * the real window and widgets, each time up to the next painted frame:
 *
 *   - the list shown after opening the project,
 *   - each keystroke of a search (the entry's own typing delay excluded: it
 *     is a deliberate pause, not work),
 *   - sorting by a column, both ways,
 *   - scrolling through the list, with the number of rows read from the
 *     file afterwards, which must stay far below the total.
 *
 * Run under a display, e.g.:
 *
 *   xvfb-run -a dbus-run-session -- build/tests/bench/bench-inventory [small|large|huge|FILE.aims]
 *
 * A FILE is opened as the app opens it (nothing is saved to it) in place of
 * a newly generated demo: the huge demo takes a while to generate, so make
 * it once with `aims demo FILE --scale huge`.
 */

#define G_LOG_DOMAIN "bench-inventory"

#include "config.h"

#include <adwaita.h>

#include "aims-application.h"
#include "aims-inventory-page.h"
#include "aims-record-browser.h"
#include "aims-record-list-private.h"
#include "aims-window-private.h"

#define GOAL_MS 50.0

typedef struct
{
  const char *what;
  GArray     *ms;
} Figure;

static gboolean painted;

static void
on_after_paint_cb (GdkFrameClock *clock,
                   gpointer       user_data)
{
  painted = TRUE;
}

/* Runs the main loop until the window has painted a frame after @start. */
static double
wait_for_paint (GtkWidget *window,
                gint64     start)
{
  painted = FALSE;
  gtk_widget_queue_draw (window);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);

  return (g_get_monotonic_time () - start) / 1000.0;
}

static GtkWidget *
find_descendant_of_type (GtkWidget *root,
                         GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = find_descendant_of_type (child, type)))
        return found;
    }

  return NULL;
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
        GArray     *ms)
{
  double median, worst;

  g_array_sort (ms, compare_double);
  median = g_array_index (ms, double, ms->len / 2);
  worst = g_array_index (ms, double, ms->len - 1);
  g_print ("  %-34s median %7.1f ms   max %7.1f ms   (%u runs; goal < %.0f ms: %s)\n",
           what, median, worst, ms->len, GOAL_MS, worst < GOAL_MS ? "met" : "NOT met");
}

/* Figures without a goal of their own: opening has its own in `aims bench` */
static void
report_plain (const char *what,
              GArray     *ms)
{
  g_array_sort (ms, compare_double);
  g_print ("  %-34s median %7.1f ms   max %7.1f ms   (%u runs)\n", what,
           g_array_index (ms, double, ms->len / 2), g_array_index (ms, double, ms->len - 1), ms->len);
}

static void
add (GArray *ms,
     double  value)
{
  g_array_append_val (ms, value);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsApplication) app = NULL;
  g_autoptr(GArray) open_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) shown_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) key_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) sort_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) scroll_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  const char *scale_name = argc > 1 ? argv[1] : "huge";
  static const char *const typed[] = { "claims", "fraud", "model 1", "pricing" };
  guint runs = 3, total = 0, loaded = 0;
  AimsDemoScale scale;

  if (g_str_has_suffix (scale_name, ".aims"))
    path = g_canonicalize_filename (scale_name, NULL);
  else if (!aims_demo_scale_from_string (scale_name, &scale))
    {
      g_printerr ("Unknown scale “%s”: use small, large or huge\n", scale_name);
      return 2;
    }

  /* Own folders: the recent files and working copies of the person running
   * this stay untouched. */
  dir = g_dir_make_tmp ("aims-bench-inventory-XXXXXX", NULL);
  g_setenv ("XDG_STATE_HOME", dir, TRUE);
  g_setenv ("XDG_DATA_HOME", dir, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);

  if (!gtk_init_check ())
    {
      g_printerr ("bench-inventory needs a display (run it under xvfb-run)\n");
      return 2;
    }
  adw_init ();

  if (path == NULL)
    {
      path = g_build_filename (dir, "Demo.aims", NULL);
      g_print ("generating the %s demo…\n", scale_name);
      if (!aims_demo_write_file (path, scale, AIMS_DEMO_DEFAULT_SEED, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
    }

  app = aims_application_new ();
  g_application_register (G_APPLICATION (app), NULL, NULL);

  for (guint run = 0; run < runs; run++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(AimsDocument) document = NULL;
      AimsWindow *window = aims_window_new (app);
      AimsRecordBrowser *browser;
      AimsRecordList *list;
      GtkColumnView *view;
      GtkEditable *search;
      GtkAdjustment *adjustment;
      GdkFrameClock *clock;
      GListModel *columns;
      gulong handler;
      gint64 start;

      gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
      gtk_window_present (GTK_WINDOW (window));
      while (gtk_widget_get_frame_clock (GTK_WIDGET (window)) == NULL)
        g_main_context_iteration (NULL, TRUE);
      clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
      handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), NULL);
      wait_for_paint (GTK_WIDGET (window), g_get_monotonic_time ());

      /* Open: checks, working copy, the Overview drawn */
      start = g_get_monotonic_time ();
      aims_window_open_file (window, file);
      add (open_ms, wait_for_paint (GTK_WIDGET (window), start));
      document = g_object_ref (window->document);

      /* The AI Systems list shown */
      start = g_get_monotonic_time ();
      aims_window_show_section (window, "systems");
      add (shown_ms, wait_for_paint (GTK_WIDGET (window), start));

      browser = aims_inventory_page_get_browser (AIMS_INVENTORY_PAGE (window->inventory_page), "ai_system");
      list = aims_record_browser_get_list (browser);
      total = aims_record_list_get_total (list);
      view = GTK_COLUMN_VIEW (find_descendant_of_type (GTK_WIDGET (browser), GTK_TYPE_COLUMN_VIEW));
      search = GTK_EDITABLE (find_descendant_of_type (GTK_WIDGET (browser), GTK_TYPE_SEARCH_ENTRY));

      /* Typing, one keystroke at a time; "search-changed" is what the
       * entry emits once the person pauses */
      for (guint w = 0; w < G_N_ELEMENTS (typed); w++)
        {
          for (glong n = 1; n <= g_utf8_strlen (typed[w], -1); n++)
            {
              g_autofree char *prefix = g_utf8_substring (typed[w], 0, n);

              start = g_get_monotonic_time ();
              gtk_editable_set_text (search, prefix);
              g_signal_emit_by_name (search, "search-changed");
              add (key_ms, wait_for_paint (GTK_WIDGET (window), start));
              if (g_getenv ("AIMS_BENCH_VERBOSE"))
                g_print ("    “%s”: %.1f ms, %u shown\n", prefix,
                         g_array_index (key_ms, double, key_ms->len - 1),
                         g_list_model_get_n_items (G_LIST_MODEL (list)));
            }
          start = g_get_monotonic_time ();
          gtk_editable_set_text (search, "");
          g_signal_emit_by_name (search, "search-changed");
          add (key_ms, wait_for_paint (GTK_WIDGET (window), start));
        }

      /* Sorting by each column, ascending then descending */
      columns = gtk_column_view_get_columns (view);
      for (guint c = 0; c < g_list_model_get_n_items (columns); c++)
        {
          g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, c);

          if (gtk_column_view_column_get_sorter (column) == NULL)
            continue;
          for (int way = 0; way < 2; way++)
            {
              start = g_get_monotonic_time ();
              gtk_column_view_sort_by_column (view, column, way == 0 ? GTK_SORT_ASCENDING : GTK_SORT_DESCENDING);
              add (sort_ms, wait_for_paint (GTK_WIDGET (window), start));
            }
        }

      /* Scrolling: a page at a time for a while, then jumps across */
      adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
      for (guint step = 0; step < 40; step++)
        {
          double upper = gtk_adjustment_get_upper (adjustment);
          double page = gtk_adjustment_get_page_size (adjustment);
          double to = step < 20 ? step * page : (upper - page) * (step - 20) / 19.0;

          start = g_get_monotonic_time ();
          gtk_adjustment_set_value (adjustment, to);
          add (scroll_ms, wait_for_paint (GTK_WIDGET (window), start));
        }
      loaded = _aims_record_list_get_n_loaded (list);

      g_signal_handler_disconnect (clock, handler);
      gtk_window_destroy (GTK_WINDOW (window));
      for (guint i = 0; i < 20; i++)
        g_main_context_iteration (NULL, FALSE);
      aims_document_close (document);
    }

  g_print ("AIMS Workbench %s, AI Systems section, demo scale “%s”: %u AI systems, %u runs\n",
           PACKAGE_VERSION, scale_name, total, runs);
  report_plain ("open the project (Overview drawn)", open_ms);
  report ("list shown after opening", shown_ms);
  report ("each keystroke of the search", key_ms);
  report ("sort by a column", sort_ms);
  report ("scroll by a page or jump", scroll_ms);
  g_print ("  rows read from the file after scrolling: %u of %u\n", loaded, total);

  return 0;
}
