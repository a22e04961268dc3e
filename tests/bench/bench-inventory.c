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
 *   - the AI Systems section readied while the Overview is shown after
 *     opening (aims-page-prepare.c): the longest the main loop was held by
 *     one of its steps, which is what a click meanwhile could wait for, and
 *     all its steps together,
 *   - the list shown after opening the project, with the first run on its
 *     own line: it is what a person who starts the app and opens a project
 *     gets, when nothing in the process has drawn these glyphs and icons,
 *   - each keystroke of a search (the entry's own typing delay excluded: it
 *     is a deliberate pause, not work),
 *   - sorting by a column, both ways,
 *   - scrolling through the list, with the number of rows read from the
 *     file meanwhile, which must stay far below the total.
 *
 * Each figure comes with the CPU time spent meanwhile and with what the view
 * built: the list cells it set up (new widgets) and the records it made
 * (bench-frame.h).
 *
 * Run under a display, e.g.:
 *
 *   xvfb-run -a dbus-run-session -- build/tests/bench/bench-inventory [small|large|huge|FILE.aims]
 *
 * A FILE is opened as the app opens it (nothing is saved to it) in place of
 * a newly generated demo: the huge demo takes a while to generate, so make
 * it once with `aims demo FILE --scale huge`. AIMS_BENCH_RUNS sets the
 * number of runs (3), AIMS_BENCH_VERBOSE=1 prints each keystroke. The exit
 * status is 1 if a goal is not met.
 */

#define G_LOG_DOMAIN "bench-inventory"

#include "config.h"

#include <adwaita.h>

#include "aims-application.h"
#include "aims-inventory-page.h"
#include "aims-record-browser.h"
#include "aims-record-list-private.h"
#include "aims-record-private.h"
#include "aims-window-private.h"

#include "bench-frame.h"

/* Records the list has made so far */
static guint
made (AimsRecordList *list)
{
  return list != NULL ? _aims_record_list_get_n_loaded (list) : 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsApplication) app = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  const char *scale_name = argc > 1 ? argv[1] : "huge";
  const char *runs_text = g_getenv ("AIMS_BENCH_RUNS");
  static const char *const typed[] = { "claims", "fraud", "model 1", "pricing" };
  guint runs = runs_text != NULL ? MAX (1, (guint) g_ascii_strtoull (runs_text, NULL, 10)) : 3;
  guint total = 0, read_scrolling = 0;
  BenchFigure open_figure, editable, shown, idle, keys, sorts, scrolls;
  g_autoptr(GArray) prepare_longest = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) prepare_total = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) prepare_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  gboolean all_met = TRUE;
  double first_shown = 0, first_shown_cpu = 0;
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

  bench_figure_init (&open_figure);
  bench_figure_init (&editable);
  bench_figure_init (&shown);
  bench_figure_init (&idle);
  bench_figure_init (&keys);
  bench_figure_init (&sorts);
  bench_figure_init (&scrolls);

  app = aims_application_new ();
  g_application_register (G_APPLICATION (app), NULL, NULL);

  for (guint run = 0; run < runs; run++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(AimsDocument) document = NULL;
      AimsWindow *window = aims_window_new (app);
      GtkWidget *widget = GTK_WIDGET (window);
      AimsRecordBrowser *browser;
      AimsRecordList *list;
      GtkColumnView *view;
      GtkEditable *search;
      GtkAdjustment *adjustment;
      GListModel *columns;
      BenchStart start;
      gulong handler;
      guint reads;

      gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
      gtk_window_present (GTK_WINDOW (window));
      handler = bench_watch_frames (widget);
      bench_wait_for_paint (widget);

      /* Open: checks, working copy, the Overview drawn */
      start = bench_start (0);
      aims_window_open_file (window, file);
      bench_finish (&open_figure, widget, start, 0);
      document = g_object_ref (window->document);

      /* Editable once the full check of a file from elsewhere has passed */
      {
        double ms = bench_wait_for_check (document, start.wall);

        g_array_append_val (editable.wall, ms);
        ms = bench_cpu_ms () - start.cpu;
        g_array_append_val (editable.cpu, ms);
      }

      /* The section readied meanwhile, in idles of its own: the person
       * could have clicked at any of its steps */
      {
        AimsPagePrepare *prepare = aims_inventory_page_get_prepare (AIMS_INVENTORY_PAGE (window->inventory_page));
        double ms;

        while (aims_page_prepare_get_running (prepare))
          g_main_context_iteration (NULL, TRUE);
        ms = aims_page_prepare_get_longest_step (prepare);
        g_array_append_val (prepare_longest, ms);
        ms = aims_page_prepare_get_longest_step_cpu (prepare);
        g_array_append_val (prepare_cpu, ms);
        ms = aims_page_prepare_get_total (prepare);
        g_array_append_val (prepare_total, ms);
      }

      /* The AI Systems list shown; the section's page is made on first
       * show, so its cells are counted from the next action on */
      start = bench_start (0);
      aims_window_show_section (window, "systems");
      browser = aims_inventory_page_get_browser (AIMS_INVENTORY_PAGE (window->inventory_page), "ai_system");
      list = aims_record_browser_get_list (browser);
      {
        double ms = bench_finish (&shown, widget, start, made (list));

        /* What a person who starts the app and opens a project gets */
        if (run == 0)
          {
            first_shown = ms;
            first_shown_cpu = g_array_index (shown.cpu, double, 0);
          }
      }

      total = aims_record_list_get_total (list);
      view = GTK_COLUMN_VIEW (bench_find_descendant (GTK_WIDGET (browser), GTK_TYPE_COLUMN_VIEW));
      /* The list's own search entry (Ctrl+F), not one of a filter's popover */
      aims_record_browser_focus_search (browser);
      search = GTK_EDITABLE (gtk_widget_get_ancestor (gtk_root_get_focus (GTK_ROOT (window)),
                                                      GTK_TYPE_SEARCH_ENTRY));
      bench_count_cells (view);

      /* What a frame costs here with nothing changed: the floor under every
       * figure below (software rendering, under Xvfb) */
      for (guint i = 0; i < 10; i++)
        {
          start = bench_start (made (list));
          bench_finish (&idle, widget, start, made (list));
        }

      /* Typing, one keystroke at a time, then clearing the search;
       * "search-changed" is what the entry emits once the person pauses. A
       * keystroke adds a character: gtk_editable_set_text() would empty the
       * entry first, and an empty search entry says so at once. */
      for (guint w = 0; w < G_N_ELEMENTS (typed); w++)
        {
          for (glong n = 0; n <= g_utf8_strlen (typed[w], -1); n++)
            {
              gboolean clear = n == g_utf8_strlen (typed[w], -1);
              g_autofree char *key = clear ? NULL : g_utf8_substring (typed[w], n, n + 1);
              double ms;

              start = bench_start (made (list));
              if (clear)
                gtk_editable_set_text (search, "");
              else
                {
                  int position = -1;

                  gtk_editable_insert_text (search, key, -1, &position);
                }
              g_signal_emit_by_name (search, "search-changed");
              ms = bench_finish (&keys, widget, start, made (list));
              if (g_getenv ("AIMS_BENCH_VERBOSE"))
                g_print ("    “%s”: %.1f ms (cpu %.1f), %u shown\n", gtk_editable_get_text (search), ms,
                         g_array_index (keys.cpu, double, keys.cpu->len - 1),
                         g_list_model_get_n_items (G_LIST_MODEL (list)));
            }
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
              start = bench_start (made (list));
              gtk_column_view_sort_by_column (view, column, way == 0 ? GTK_SORT_ASCENDING : GTK_SORT_DESCENDING);
              bench_finish (&sorts, widget, start, made (list));
            }
        }

      /* Scrolling: a page at a time for a while, then jumps across */
      reads = _aims_record_get_n_loads ();
      adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
      for (guint step = 0; step < 40; step++)
        {
          double upper = gtk_adjustment_get_upper (adjustment);
          double page = gtk_adjustment_get_page_size (adjustment);
          double to = step < 20 ? step * page : (upper - page) * (step - 20) / 19.0;

          start = bench_start (made (list));
          gtk_adjustment_set_value (adjustment, to);
          bench_finish (&scrolls, widget, start, made (list));
        }
      read_scrolling = _aims_record_get_n_loads () - reads;

      bench_stop_counting_cells (view);
      g_signal_handler_disconnect (gtk_widget_get_frame_clock (widget), handler);
      gtk_window_destroy (GTK_WINDOW (window));
      for (guint i = 0; i < 20; i++)
        g_main_context_iteration (NULL, FALSE);
      aims_document_close (document);
    }

  g_print ("AIMS Workbench %s, AI Systems section, demo scale “%s”: %u AI systems, %u runs\n",
           PACKAGE_VERSION, scale_name, total, runs);
  g_print ("  (wall time to the next painted frame; cpu: the process's CPU time meanwhile;\n"
           "   cells: list cells set up per action; records: records made per action)\n");
  bench_report ("open the project (Overview drawn)", &open_figure, 0);
  bench_report ("  editable (full check done)", &editable, 0);
  g_print ("  %-36s median %7.1f ms (cpu %6.1f)   max %7.1f ms (cpu %6.1f)   "
           "(all steps: median %.1f ms, max %.1f ms; goal < 50 ms: %s)\n",
           "section readied meanwhile, per step", bench_median (prepare_longest), bench_median (prepare_cpu),
           bench_max (prepare_longest), bench_max (prepare_cpu),
           bench_median (prepare_total), bench_max (prepare_total),
           bench_max (prepare_longest) < BENCH_GOAL_MS ? "met" : "NOT met");
  all_met &= bench_report ("list shown after opening", &shown, BENCH_GOAL_MS);
  g_print ("    first show in this process: %.1f ms (cpu %.1f; goal < %.0f ms: %s)\n", first_shown, first_shown_cpu,
           BENCH_GOAL_MS, first_shown < BENCH_GOAL_MS ? "met" : "NOT met");
  bench_report ("a frame with nothing changed", &idle, 0);
  all_met &= bench_report ("each keystroke of the search", &keys, BENCH_GOAL_MS);
  all_met &= bench_report ("sort by a column", &sorts, BENCH_GOAL_MS);
  all_met &= bench_report ("scroll by a page or jump", &scrolls, BENCH_GOAL_MS);
  g_print ("  rows read from the file while scrolling 40 times: %u of %u\n", read_scrolling, total);

  bench_figure_clear (&open_figure);
  bench_figure_clear (&editable);
  bench_figure_clear (&shown);
  bench_figure_clear (&idle);
  bench_figure_clear (&keys);
  bench_figure_clear (&sorts);
  bench_figure_clear (&scrolls);

  return all_met ? 0 : 1;
}
