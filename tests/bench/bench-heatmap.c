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

#include "bench-stats.h"

#define COUNT_GOAL_MS 20.0
#define DRAW_GOAL_MS 5.0
#define LIST_GOAL_MS 50.0
#define PDF_GOAL_MS 200.0
/* The editor previews after each edit, coalesced per main loop turn: under
 * 50 ms keeps typing fluid */
#define PREVIEW_GOAL_MS 50.0

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
  BenchArgs args;
  AimsHeatmapOptions options;
  AimsRiskFilter filter;
  AimsStore *store;
  cairo_surface_t *surface;
  guint n_likelihood, n_impact;
  gboolean all_met = TRUE;
  gint64 start;

  if (!bench_parse_args (argc, argv, 20, &args))
    return 2;

  if (args.existing != NULL)
    {
      g_clear_object (&file);
      file = g_file_new_for_path (args.existing);
    }
  else
    {
      start = g_get_monotonic_time ();
      if (!aims_demo_write_file (path, args.scale, 42, &error))
        g_error ("Could not write the demo: %s", error->message);
      g_print ("Demo project (%s) written in %.0f ms\n", args.scale_name, bench_since (start));
    }

  start = g_get_monotonic_time ();
  document = aims_document_open (file, AIMS_OPEN_READ_ONLY, NULL, &error);
  if (document == NULL)
    g_error ("Could not open the demo: %s", error->message);
  store = aims_document_get_store (document);
  matrix = aims_store_dup_matrix (store);
  n_likelihood = aims_matrix_get_n_steps (matrix, AIMS_MATRIX_LIKELIHOOD);
  n_impact = aims_matrix_get_n_steps (matrix, AIMS_MATRIX_IMPACT);
  g_print ("Opened in %.0f ms: %u risks, %u AI systems, %ux%u matrix\n\n", bench_since (start),
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

  for (guint r = 0; r < args.runs; r++)
    {
      g_autoptr(AimsHeatmapCounts) again = NULL;

      aims_risk_filter_init (&filter);
      start = g_get_monotonic_time ();
      again = aims_risks_count_cells (store, matrix, &filter, &error);
      bench_add (count_ms, bench_since (start));
      g_assert (again != NULL);
      g_assert (aims_heatmap_counts_get_total (again) == aims_store_count (store, "risk"));
      g_clear_pointer (&again, aims_heatmap_counts_unref);

      filter.owner = owner;
      start = g_get_monotonic_time ();
      again = aims_risks_count_cells (store, matrix, &filter, &error);
      bench_add (count_owner_ms, bench_since (start));
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
  for (guint r = 0; r < args.runs; r++)
    {
      cairo_t *cr = cairo_create (surface);

      options.mode = r % 2 ? AIMS_HEATMAP_RESIDUAL : AIMS_HEATMAP_INHERENT;
      start = g_get_monotonic_time ();
      aims_heatmap_draw (cr, 1200, 900, matrix, counts, &options, aims_render_style_default ());
      cairo_surface_flush (surface);
      bench_add (draw_ms, bench_since (start));
      cairo_destroy (cr);
    }
  cairo_surface_destroy (surface);

  /* The register narrowed to one cell after another, as cells are
   * activated */
  list = aims_record_list_new (store, "risk");
  g_list_model_get_n_items (G_LIST_MODEL (list));
  for (guint r = 0; r < args.runs; r++)
    {
      guint l = 1 + r % n_likelihood;
      guint i = 1 + (r / n_likelihood) % n_impact;
      AimsRiskScore score = r % 2 ? AIMS_RISK_RESIDUAL : AIMS_RISK_INHERENT;
      guint n;

      aims_record_list_set_filter (list, "owner", NULL);
      start = g_get_monotonic_time ();
      aims_record_list_set_cell (list, score, l, i);
      n = g_list_model_get_n_items (G_LIST_MODEL (list));
      bench_add (cell_ms, bench_since (start));
      g_assert (n == aims_heatmap_counts_get (counts, score == AIMS_RISK_RESIDUAL ?
                                              AIMS_HEATMAP_RESIDUAL : AIMS_HEATMAP_INHERENT, l, i));

      aims_record_list_set_cell (list, AIMS_RISK_INHERENT, 0, 0);
      g_list_model_get_n_items (G_LIST_MODEL (list));
      start = g_get_monotonic_time ();
      aims_record_list_set_cell (list, score, l, i);
      aims_record_list_set_filter (list, "owner", owner);
      n = g_list_model_get_n_items (G_LIST_MODEL (list));
      bench_add (cell_owner_ms, bench_since (start));
      aims_record_list_set_cell (list, AIMS_RISK_INHERENT, 0, 0);
      (void) n;
    }

  for (guint r = 0; r < args.runs; r++)
    {
      options.mode = AIMS_HEATMAP_INHERENT;
      start = g_get_monotonic_time ();
      if (!aims_heatmap_write_file (pdf, 1200, 900, matrix, counts, &options, &error))
        g_error ("Could not export: %s", error->message);
      bench_add (pdf_ms, bench_since (start));
    }

  for (guint r = 0; r < args.runs; r++)
    {
      g_autoptr(AimsHeatmapCounts) preview = NULL;
      AimsRiskRemapSummary summary;

      start = g_get_monotonic_time ();
      preview = aims_risks_preview_remap (store, matrix, smaller, &summary, &error);
      bench_add (preview_ms, bench_since (start));
      if (preview == NULL)
        g_error ("Could not preview: %s", error->message);
      g_assert (summary.n_risks == aims_store_count (store, "risk"));
      g_assert (aims_heatmap_counts_get_total (preview) == summary.n_risks);
    }

  g_print ("Heatmap on the %s demo:\n", args.scale_name);
  all_met &= bench_report_ms ("counting the cells", 38, count_ms, COUNT_GOAL_MS);
  all_met &= bench_report_ms ("counting the cells, one owner", 38, count_owner_ms, COUNT_GOAL_MS);
  all_met &= bench_report_ms ("drawing a 1200x900 frame", 38, draw_ms, DRAW_GOAL_MS);
  all_met &= bench_report_ms ("register: one cell", 38, cell_ms, LIST_GOAL_MS);
  all_met &= bench_report_ms ("register: one cell and one owner", 38, cell_owner_ms, LIST_GOAL_MS);
  all_met &= bench_report_ms ("exporting a PDF", 38, pdf_ms, PDF_GOAL_MS);
  all_met &= bench_report_ms ("matrix editor: preview of a 4x4 matrix", 38, preview_ms, PREVIEW_GOAL_MS);

  g_clear_object (&list);
  aims_document_close (document);
  g_clear_object (&document);
  g_unlink (pdf);
  g_unlink (path);
  g_rmdir (dir);

  return all_met ? 0 : 1;
}
