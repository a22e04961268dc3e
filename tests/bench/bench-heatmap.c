/* bench-heatmap.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * How quickly the heatmap answers on a large project, with the core alone
 * (what the Heatmap section and `aims heatmap` run):
 *
 *   - counting the risks per cell (aims_risks_count_cells), unfiltered and
 *     filtered by owner,
 *   - drawing one frame onto a 1200 × 900 image surface,
 *   - the register narrowed to one cell, and to one cell and one owner,
 *     up to the number of rows (AimsRecordList, as after a cell is
 *     activated),
 *   - exporting a PDF,
 *   - the matrix editor's preview of a change of matrix (the risks remapped
 *     to a 4 × 4 preset, counted, with how many move): it runs after each
 *     edit in the editor.
 *
 * Each is run several times; the median and the worst are reported against
 * the goal. The project is the `huge` demo (100,000 risks) unless another
 * scale is given:
 *
 *   build/tests/bench/bench-heatmap [small|large|huge|FILE.aims] [RUNS]
 */

#define G_LOG_DOMAIN "bench-heatmap"

#include "config.h"

#include <aims-core.h>
#include <glib/gstdio.h>

#define COUNT_GOAL_MS 20.0
#define DRAW_GOAL_MS 5.0
#define LIST_GOAL_MS 50.0
#define PDF_GOAL_MS 200.0
/* The editor previews after each edit, coalesced per main loop turn: under
 * 50 ms keeps typing fluid */
#define PREVIEW_GOAL_MS 50.0

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static gboolean
report (const char *what,
        GArray     *ms,
        double      goal)
{
  double median, worst;

  g_array_sort (ms, compare_double);
  median = g_array_index (ms, double, ms->len / 2);
  worst = g_array_index (ms, double, ms->len - 1);
  g_print ("  %-38s median %7.2f ms   max %7.2f ms   (%u runs; goal < %.0f ms: %s)\n",
           what, median, worst, ms->len, goal, worst < goal ? "met" : "NOT met");

  return worst < goal;
}

static double
since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
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
  g_autofree char *dir = g_dir_make_tmp ("aims-bench-heatmap-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "Huge.aims", NULL);
  g_autofree char *pdf = g_build_filename (dir, "Risk heatmap.pdf", NULL);
  g_autofree char *owner = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(AimsDocument) document = NULL;
  g_autoptr(AimsMatrix) matrix = NULL;
  g_autoptr(AimsHeatmapCounts) counts = NULL;
  g_autoptr(AimsRecordList) list = NULL;
  g_autoptr(GArray) count_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) count_owner_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) draw_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cell_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cell_owner_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) pdf_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) preview_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(AimsMatrix) smaller = aims_matrix_new_preset (AIMS_MATRIX_PRESET_4X4);
  AimsDemoScale scale = AIMS_DEMO_SCALE_HUGE;
  const char *scale_name = "huge";
  const char *existing = NULL;     /* a project to measure instead of a new demo */
  AimsHeatmapOptions options;
  AimsRiskFilter filter;
  AimsStore *store;
  cairo_surface_t *surface;
  guint runs = 20;
  guint n_likelihood, n_impact;
  gboolean all_met = TRUE;
  gint64 start;

  if (argc > 1)
    {
      scale_name = argv[1];
      if (g_str_equal (argv[1], "small"))
        scale = AIMS_DEMO_SCALE_SMALL;
      else if (g_str_equal (argv[1], "large"))
        scale = AIMS_DEMO_SCALE_LARGE;
      else if (g_str_has_suffix (argv[1], ".aims") && g_file_test (argv[1], G_FILE_TEST_IS_REGULAR))
        existing = argv[1];
      else if (!g_str_equal (argv[1], "huge"))
        {
          g_printerr ("Usage: %s [small|large|huge|FILE.aims] [RUNS]\n", argv[0]);
          return 2;
        }
    }
  if (argc > 2)
    runs = MAX (1, (guint) g_ascii_strtoull (argv[2], NULL, 10));

  if (existing != NULL)
    {
      g_clear_object (&file);
      file = g_file_new_for_path (existing);
    }
  else
    {
      start = g_get_monotonic_time ();
      if (!aims_demo_write_file (path, scale, 42, &error))
        g_error ("Could not write the demo: %s", error->message);
      g_print ("Demo project (%s) written in %.0f ms\n", scale_name, since (start));
    }

  start = g_get_monotonic_time ();
  document = aims_document_open (file, AIMS_OPEN_READ_ONLY, NULL, &error);
  if (document == NULL)
    g_error ("Could not open the demo: %s", error->message);
  store = aims_document_get_store (document);
  matrix = aims_store_dup_matrix (store);
  n_likelihood = aims_matrix_get_n_steps (matrix, AIMS_MATRIX_LIKELIHOOD);
  n_impact = aims_matrix_get_n_steps (matrix, AIMS_MATRIX_IMPACT);
  g_print ("Opened in %.0f ms: %u risks, %u AI systems, %ux%u matrix\n\n", since (start),
           aims_store_count (store, "risk"), aims_store_count (store, "ai_system"),
           n_likelihood, n_impact);

  /* An owner to filter by: the first risk's */
  {
    g_autoptr(AimsRecordList) risks = aims_record_list_new (store, "risk");
    g_autoptr(AimsRecord) first = g_list_model_get_item (G_LIST_MODEL (risks), 0);

    owner = aims_record_dup_text (first, "owner");
  }

  /* Once, so the file's pages are in the cache for every run alike */
  aims_risk_filter_init (&filter);
  counts = aims_risks_count_cells (store, matrix, &filter, &error);
  if (counts == NULL)
    g_error ("Could not count: %s", error->message);

  for (guint r = 0; r < runs; r++)
    {
      g_autoptr(AimsHeatmapCounts) again = NULL;

      aims_risk_filter_init (&filter);
      start = g_get_monotonic_time ();
      again = aims_risks_count_cells (store, matrix, &filter, &error);
      add (count_ms, since (start));
      g_assert (again != NULL);
      g_assert (aims_heatmap_counts_get_total (again) == aims_store_count (store, "risk"));
      g_clear_pointer (&again, aims_heatmap_counts_unref);

      filter.owner = owner;
      start = g_get_monotonic_time ();
      again = aims_risks_count_cells (store, matrix, &filter, &error);
      add (count_owner_ms, since (start));
      g_assert (again != NULL);
    }

  aims_heatmap_options_init (&options);
  options.show_legend = TRUE;
  options.title = "Risk heatmap";
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1200, 900);
  /* Once untimed: the first frame loads the fonts */
  {
    cairo_t *cr = cairo_create (surface);

    aims_heatmap_draw (cr, 1200, 900, matrix, counts, &options, aims_render_style_default ());
    cairo_destroy (cr);
  }
  for (guint r = 0; r < runs; r++)
    {
      cairo_t *cr = cairo_create (surface);

      options.mode = r % 2 ? AIMS_HEATMAP_RESIDUAL : AIMS_HEATMAP_INHERENT;
      start = g_get_monotonic_time ();
      aims_heatmap_draw (cr, 1200, 900, matrix, counts, &options, aims_render_style_default ());
      cairo_surface_flush (surface);
      add (draw_ms, since (start));
      cairo_destroy (cr);
    }
  cairo_surface_destroy (surface);

  /* The register narrowed to one cell after another, as cells are
   * activated */
  list = aims_record_list_new (store, "risk");
  g_list_model_get_n_items (G_LIST_MODEL (list));
  for (guint r = 0; r < runs; r++)
    {
      guint l = 1 + r % n_likelihood;
      guint i = 1 + (r / n_likelihood) % n_impact;
      AimsRiskScore score = r % 2 ? AIMS_RISK_RESIDUAL : AIMS_RISK_INHERENT;
      guint n;

      aims_record_list_set_filter (list, "owner", NULL);
      start = g_get_monotonic_time ();
      aims_record_list_set_cell (list, score, l, i);
      n = g_list_model_get_n_items (G_LIST_MODEL (list));
      add (cell_ms, since (start));
      g_assert (n == aims_heatmap_counts_get (counts, score == AIMS_RISK_RESIDUAL ?
                                              AIMS_HEATMAP_RESIDUAL : AIMS_HEATMAP_INHERENT, l, i));

      aims_record_list_set_cell (list, AIMS_RISK_INHERENT, 0, 0);
      g_list_model_get_n_items (G_LIST_MODEL (list));
      start = g_get_monotonic_time ();
      aims_record_list_set_cell (list, score, l, i);
      aims_record_list_set_filter (list, "owner", owner);
      n = g_list_model_get_n_items (G_LIST_MODEL (list));
      add (cell_owner_ms, since (start));
      aims_record_list_set_cell (list, AIMS_RISK_INHERENT, 0, 0);
      (void) n;
    }

  for (guint r = 0; r < runs; r++)
    {
      options.mode = AIMS_HEATMAP_INHERENT;
      start = g_get_monotonic_time ();
      if (!aims_heatmap_write_file (pdf, 1200, 900, matrix, counts, &options, &error))
        g_error ("Could not export: %s", error->message);
      add (pdf_ms, since (start));
    }

  for (guint r = 0; r < runs; r++)
    {
      g_autoptr(AimsHeatmapCounts) preview = NULL;
      AimsRiskRemapSummary summary;

      start = g_get_monotonic_time ();
      preview = aims_risks_preview_remap (store, matrix, smaller, &summary, &error);
      add (preview_ms, since (start));
      if (preview == NULL)
        g_error ("Could not preview: %s", error->message);
      g_assert (summary.n_risks == aims_store_count (store, "risk"));
      g_assert (aims_heatmap_counts_get_total (preview) == summary.n_risks);
    }

  g_print ("Heatmap on the %s demo:\n", scale_name);
  all_met &= report ("counting the cells", count_ms, COUNT_GOAL_MS);
  all_met &= report ("counting the cells, one owner", count_owner_ms, COUNT_GOAL_MS);
  all_met &= report ("drawing a 1200x900 frame", draw_ms, DRAW_GOAL_MS);
  all_met &= report ("register: one cell", cell_ms, LIST_GOAL_MS);
  all_met &= report ("register: one cell and one owner", cell_owner_ms, LIST_GOAL_MS);
  all_met &= report ("exporting a PDF", pdf_ms, PDF_GOAL_MS);
  all_met &= report ("matrix editor: preview of a 4x4 matrix", preview_ms, PREVIEW_GOAL_MS);

  g_clear_object (&list);
  aims_document_close (document);
  g_clear_object (&document);
  g_unlink (pdf);
  g_unlink (path);
  g_rmdir (dir);

  return all_met ? 0 : 1;
}
