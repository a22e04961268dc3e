/* test-ui-heatmap.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Heatmap section on the demo project, driven through its real
 * widgets: the cells' accessible names against the core's counts, a new
 * risk, the mode and AI system filters, a cell shown in the register,
 * exports, the drawing in the light and dark styles, the presentation
 * window and the keyboard. */

#include "config.h"

#include "aims-test-gtk.h"
#include "aims-test-util.h"

#include <adwaita.h>

#include "aims-application.h"
#include "aims-heatmap-page.h"
#include "aims-heatmap-view.h"
#include "aims-presentation-window.h"
#include "aims-record-browser.h"
#include "aims-window-private.h"

#include <math.h>

static AimsApplication *app;

typedef struct
{
  AimsWindow        *window;
  AimsHeatmapPage   *page;
  AimsHeatmapView   *view;
  AimsStore         *store;
  AimsMatrix        *matrix;
  GtkDropDown       *mode_dropdown;
  GtkDropDown       *system_dropdown;
  char              *dir;
} Fixture;

/* The page's drop-downs, by their first entry: mode, AI system */
static void
find_dropdowns (Fixture *f)
{
  g_autoptr(GPtrArray) dropdowns = g_ptr_array_new ();

  collect_of_type (GTK_WIDGET (f->page), GTK_TYPE_DROP_DOWN, dropdowns);
  for (guint k = 0; k < dropdowns->len; k++)
    {
      GtkDropDown *dropdown = g_ptr_array_index (dropdowns, k);
      GListModel *model = gtk_drop_down_get_model (dropdown);
      const char *first;

      if (model == NULL || g_list_model_get_n_items (model) == 0)
        continue;
      first = gtk_string_list_get_string (GTK_STRING_LIST (model), 0);
      if (g_strcmp0 (first, "Inherent") == 0)
        f->mode_dropdown = dropdown;
      else if (g_strcmp0 (first, "All AI Systems") == 0)
        f->system_dropdown = dropdown;
    }
  g_assert_nonnull (f->mode_dropdown);
  g_assert_nonnull (f->system_dropdown);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;

  f->dir = g_dir_make_tmp ("aims-ui-heatmap-XXXXXX", NULL);
  path = g_build_filename (f->dir, "Demo.aims", NULL);
  g_assert_true (aims_demo_write_file (path, AIMS_DEMO_SCALE_SMALL, 42, &error));
  g_assert_no_error (error);
  file = g_file_new_for_path (path);

  f->window = aims_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1400, 900);
  gtk_window_present (GTK_WINDOW (f->window));
  aims_window_open_file (f->window, file);
  g_assert_true (aims_window_has_project (f->window));
  aims_window_show_section (f->window, "heatmap");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));

  g_assert_nonnull (f->window->heatmap_page);
  f->page = AIMS_HEATMAP_PAGE (f->window->heatmap_page);
  f->view = aims_heatmap_page_get_view (f->page);
  f->store = aims_document_get_store (f->window->document);
  f->matrix = aims_store_dup_matrix (f->store);
  g_assert_cmpuint (aims_store_count (f->store, "risk"), >, 0);
  find_dropdowns (f);
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (f->view)) && gtk_widget_get_width (GTK_WIDGET (f->view)) > 0);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (f->view)));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(AimsDocument) document = g_object_ref (f->window->document);

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  g_clear_object (&f->matrix);
  gtk_window_destroy (GTK_WINDOW (f->window));
  wait_ms (20);
  aims_document_close (document);
  aims_test_remove_tree (f->dir);
  g_free (f->dir);
}

static AimsHeatmapCounts *
core_counts (Fixture              *f,
             const AimsRiskFilter *filter)
{
  g_autoptr(GError) error = NULL;
  AimsHeatmapCounts *counts = aims_risks_count_cells (f->store, f->matrix, filter, &error);

  g_assert_no_error (error);
  g_assert_nonnull (counts);
  return counts;
}

/* What the cell's accessible name must read */
static char *
expected_label (Fixture *f,
                guint    likelihood,
                guint    impact,
                guint    n)
{
  int level = aims_matrix_lookup (f->matrix, likelihood, impact);

  return g_strdup_printf ("%s × %s: %u %s, level %s",
                          aims_matrix_get_step_label (f->matrix, AIMS_MATRIX_LIKELIHOOD, likelihood),
                          aims_matrix_get_step_label (f->matrix, AIMS_MATRIX_IMPACT, impact),
                          n, n == 1 ? "risk" : "risks",
                          aims_matrix_get_level_name (f->matrix, level));
}

/* Every cell's accessible name carries its count in @counts for @mode */
static void
assert_cells (Fixture           *f,
              AimsHeatmapCounts *counts,
              AimsHeatmapMode    mode)
{
  guint n_likelihood = aims_matrix_get_n_steps (f->matrix, AIMS_MATRIX_LIKELIHOOD);
  guint n_impact = aims_matrix_get_n_steps (f->matrix, AIMS_MATRIX_IMPACT);

  for (guint l = 1; l <= n_likelihood; l++)
    for (guint i = 1; i <= n_impact; i++)
      {
        GtkWidget *cell = aims_heatmap_view_get_cell (f->view, l, i);
        g_autofree char *label = expected_label (f, l, i, aims_heatmap_counts_get (counts, mode, l, i));

        g_assert_nonnull (cell);
        g_assert_true (gtk_widget_has_css_class (cell, "heatmap-cell"));
        gtk_test_accessible_assert_property (cell, GTK_ACCESSIBLE_PROPERTY_LABEL, label);
      }
}

/* Does every cell read as @counts says? */
static gboolean
cells_read (Fixture           *f,
            AimsHeatmapCounts *counts,
            AimsHeatmapMode    mode)
{
  guint n_likelihood = aims_matrix_get_n_steps (f->matrix, AIMS_MATRIX_LIKELIHOOD);
  guint n_impact = aims_matrix_get_n_steps (f->matrix, AIMS_MATRIX_IMPACT);

  for (guint l = 1; l <= n_likelihood; l++)
    for (guint i = 1; i <= n_impact; i++)
      {
        GtkWidget *cell = aims_heatmap_view_get_cell (f->view, l, i);
        g_autofree char *label = expected_label (f, l, i, aims_heatmap_counts_get (counts, mode, l, i));
        g_autofree char *wrong = gtk_test_accessible_check_property (GTK_ACCESSIBLE (cell),
                                                                     GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                                     label);

        if (wrong != NULL)
          return FALSE;
      }

  return TRUE;
}

/* The cell where most risks sit (a cell with risks) */
static void
busiest_cell (AimsHeatmapCounts *counts,
              AimsMatrix        *matrix,
              AimsHeatmapMode    mode,
              guint             *likelihood,
              guint             *impact)
{
  guint best = 0;

  *likelihood = *impact = 0;
  for (guint l = 1; l <= aims_matrix_get_n_steps (matrix, AIMS_MATRIX_LIKELIHOOD); l++)
    for (guint i = 1; i <= aims_matrix_get_n_steps (matrix, AIMS_MATRIX_IMPACT); i++)
      if (aims_heatmap_counts_get (counts, mode, l, i) > best)
        {
          best = aims_heatmap_counts_get (counts, mode, l, i);
          *likelihood = l;
          *impact = i;
        }
  g_assert_cmpuint (best, >, 0);
}

/* The uuids of the risks in a cell, found by reading every risk */
static GHashTable *
risks_in_cell (Fixture       *f,
               AimsRiskScore  score,
               guint          likelihood,
               guint          impact,
               const char    *system)
{
  g_autoptr(AimsRecordList) all = aims_record_list_new (f->store, "risk");
  GHashTable *uuids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (all)); k++)
    {
      g_autoptr(AimsRecord) record = g_list_model_get_item (G_LIST_MODEL (all), k);
      gint64 l = aims_record_get_int (record, "inherent_likelihood");
      gint64 i = aims_record_get_int (record, "inherent_impact");
      gint64 rl = aims_record_get_int (record, "residual_likelihood");
      gint64 ri = aims_record_get_int (record, "residual_impact");

      if (score == AIMS_RISK_RESIDUAL && rl > 0 && ri > 0)
        {
          l = rl;
          i = ri;
        }
      if (l != likelihood || i != impact)
        continue;
      if (system != NULL)
        {
          g_autofree char *link = aims_store_dup_link_uuid (f->store, "risk_system",
                                                            aims_record_get_uuid (record), system);

          if (link == NULL)
            continue;
        }
      g_hash_table_add (uuids, g_strdup (aims_record_get_uuid (record)));
    }

  return uuids;
}

static void
assert_list_is (AimsRecordList *list,
                GHashTable     *uuids)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  g_assert_cmpuint (n, ==, g_hash_table_size (uuids));
  for (guint k = 0; k < n; k++)
    {
      g_autoptr(AimsRecord) record = g_list_model_get_item (G_LIST_MODEL (list), k);

      g_assert_true (g_hash_table_contains (uuids, aims_record_get_uuid (record)));
    }
}

static void
test_cells_read_core_counts (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(AimsHeatmapCounts) counts = core_counts (f, NULL);

  g_assert_cmpstr (aims_window_get_visible_section (f->window), ==, "heatmap");
  g_assert_cmpuint (aims_heatmap_counts_get_total (counts), ==, aims_store_count (f->store, "risk"));
  g_assert_true (aims_matrix_equal (aims_heatmap_view_get_matrix (f->view), f->matrix));
  assert_cells (f, counts, AIMS_HEATMAP_INHERENT);
}

static void
test_new_risk_counts (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(AimsHeatmapCounts) before = core_counts (f, NULL);
  g_autoptr(AimsHeatmapCounts) after = NULL;
  g_autoptr(GHashTable) values = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  guint n_likelihood = aims_matrix_get_n_steps (f->matrix, AIMS_MATRIX_LIKELIHOOD);
  guint n_impact = aims_matrix_get_n_steps (f->matrix, AIMS_MATRIX_IMPACT);

  values = aims_test_values ("reference", g_variant_new_string ("R-900"),
                             "title", g_variant_new_string ("Heatmap test risk"),
                             "inherent_likelihood", g_variant_new_int64 (2),
                             "inherent_impact", g_variant_new_int64 (4),
                             NULL);
  uuid = aims_store_insert (f->store, "risk", values, &error);
  g_assert_no_error (error);
  g_assert_nonnull (uuid);

  /* The page counts again once the main loop is idle */
  after = core_counts (f, NULL);
  WAIT_UNTIL (cells_read (f, after, AIMS_HEATMAP_INHERENT));
  assert_cells (f, after, AIMS_HEATMAP_INHERENT);

  for (guint l = 1; l <= n_likelihood; l++)
    for (guint i = 1; i <= n_impact; i++)
      g_assert_cmpuint (aims_heatmap_counts_get (after, AIMS_HEATMAP_INHERENT, l, i), ==,
                        aims_heatmap_counts_get (before, AIMS_HEATMAP_INHERENT, l, i) +
                        (l == 2 && i == 4 ? 1 : 0));
}

static void
test_residual_mode (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(AimsHeatmapCounts) counts = core_counts (f, NULL);
  gboolean differs = FALSE;

  /* The demo has treated risks: some move */
  for (guint l = 1; l <= aims_matrix_get_n_steps (f->matrix, AIMS_MATRIX_LIKELIHOOD); l++)
    for (guint i = 1; i <= aims_matrix_get_n_steps (f->matrix, AIMS_MATRIX_IMPACT); i++)
      if (aims_heatmap_counts_get (counts, AIMS_HEATMAP_INHERENT, l, i) !=
          aims_heatmap_counts_get (counts, AIMS_HEATMAP_RESIDUAL, l, i))
        differs = TRUE;
  g_assert_true (differs);

  gtk_drop_down_set_selected (f->mode_dropdown, 1);
  WAIT_UNTIL (aims_heatmap_view_get_options (f->view)->mode == AIMS_HEATMAP_RESIDUAL);
  g_assert_cmpint (aims_heatmap_view_get_options (f->view)->mode, ==, AIMS_HEATMAP_RESIDUAL);
  assert_cells (f, counts, AIMS_HEATMAP_RESIDUAL);

  gtk_drop_down_set_selected (f->mode_dropdown, 0);
  WAIT_UNTIL (aims_heatmap_view_get_options (f->view)->mode == AIMS_HEATMAP_INHERENT);
  assert_cells (f, counts, AIMS_HEATMAP_INHERENT);
}

/* Chooses the AI system with the most risks that does not hold them all;
 * returns its uuid */
static char *
choose_system (Fixture *f)
{
  g_autoptr(AimsHeatmapCounts) all = core_counts (f, NULL);
  GListModel *model = gtk_drop_down_get_model (f->system_dropdown);
  guint best = 0, best_n = 0;
  AimsRiskFilter filter;

  g_assert_cmpuint (g_list_model_get_n_items (model), >=, 2);
  for (guint k = 1; k < g_list_model_get_n_items (model); k++)
    {
      g_autoptr(AimsHeatmapCounts) counts = NULL;
      guint n;

      gtk_drop_down_set_selected (f->system_dropdown, k);
      aims_heatmap_page_get_filter (f->page, &filter);
      g_assert_nonnull (filter.system);
      counts = core_counts (f, &filter);
      n = aims_heatmap_counts_get_total (counts);
      if (n > best_n && n < aims_heatmap_counts_get_total (all))
        {
          best = k;
          best_n = n;
        }
    }
  g_assert_cmpuint (best, >, 0);

  gtk_drop_down_set_selected (f->system_dropdown, best);
  aims_heatmap_page_get_filter (f->page, &filter);

  /* The entry shown names that system */
  {
    g_autofree char *name = aims_store_dup_text (f->store, "ai_system", filter.system, "name", NULL);

    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (model), best), ==, name);
  }

  return g_strdup (filter.system);
}

static void
test_system_filter (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(AimsHeatmapCounts) all = core_counts (f, NULL);
  g_autoptr(AimsHeatmapCounts) counts = NULL;
  g_autofree char *system = choose_system (f);
  AimsRiskFilter filter;

  aims_risk_filter_init (&filter);
  filter.system = system;
  counts = core_counts (f, &filter);
  g_assert_cmpuint (aims_heatmap_counts_get_total (counts), <, aims_heatmap_counts_get_total (all));

  WAIT_UNTIL (cells_read (f, counts, AIMS_HEATMAP_INHERENT));
  assert_cells (f, counts, AIMS_HEATMAP_INHERENT);

  /* All systems again */
  gtk_drop_down_set_selected (f->system_dropdown, 0);
  WAIT_UNTIL (cells_read (f, all, AIMS_HEATMAP_INHERENT));
  assert_cells (f, all, AIMS_HEATMAP_INHERENT);
}

static void
activate_cell_and_check (Fixture       *f,
                         AimsRiskScore  score,
                         guint          likelihood,
                         guint          impact,
                         const char    *system,
                         guint          expected)
{
  AimsRecordBrowser *browser = AIMS_RECORD_BROWSER (f->window->risks_page);
  AimsRecordList *list;
  g_autoptr(GHashTable) uuids = risks_in_cell (f, score, likelihood, impact, system);

  g_assert_cmpuint (g_hash_table_size (uuids), ==, expected);

  g_signal_emit_by_name (aims_heatmap_view_get_cell (f->view, likelihood, impact), "clicked");
  wait_ms (20);
  g_assert_cmpstr (aims_window_get_visible_section (f->window), ==, "risks");

  list = aims_record_browser_get_list (browser);
  g_assert_nonnull (list);
  assert_list_is (list, uuids);

  /* Clear Filters shows every risk again */
  gtk_widget_activate_action (GTK_WIDGET (browser), "browser.clear-filters", NULL);
  WAIT_UNTIL (g_list_model_get_n_items (G_LIST_MODEL (list)) == aims_store_count (f->store, "risk"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, aims_store_count (f->store, "risk"));
}

static void
test_activate_cell (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(AimsHeatmapCounts) counts = core_counts (f, NULL);
  guint l, i;

  g_assert_nonnull (f->window->risks_page);

  busiest_cell (counts, f->matrix, AIMS_HEATMAP_INHERENT, &l, &i);
  activate_cell_and_check (f, AIMS_RISK_INHERENT, l, i, NULL,
                           aims_heatmap_counts_get (counts, AIMS_HEATMAP_INHERENT, l, i));

  /* In residual mode, the cell's residual risks */
  aims_window_show_section (f->window, "heatmap");
  gtk_drop_down_set_selected (f->mode_dropdown, 1);
  WAIT_UNTIL (aims_heatmap_view_get_options (f->view)->mode == AIMS_HEATMAP_RESIDUAL);
  busiest_cell (counts, f->matrix, AIMS_HEATMAP_RESIDUAL, &l, &i);
  activate_cell_and_check (f, AIMS_RISK_RESIDUAL, l, i, NULL,
                           aims_heatmap_counts_get (counts, AIMS_HEATMAP_RESIDUAL, l, i));
}

/* With an AI system chosen, the register shows what the cell counted:
 * that system's risks only */
static void
test_activate_cell_filtered (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(AimsHeatmapCounts) counts = NULL;
  g_autofree char *system = choose_system (f);
  AimsRiskFilter filter;
  guint l, i;

  aims_risk_filter_init (&filter);
  filter.system = system;
  counts = core_counts (f, &filter);
  WAIT_UNTIL (cells_read (f, counts, AIMS_HEATMAP_INHERENT));
  busiest_cell (counts, f->matrix, AIMS_HEATMAP_INHERENT, &l, &i);
  activate_cell_and_check (f, AIMS_RISK_INHERENT, l, i, system,
                           aims_heatmap_counts_get (counts, AIMS_HEATMAP_INHERENT, l, i));
}

static void
check_png_signature (const char *path)
{
  static const guint8 signature[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, sizeof signature);
  g_assert_cmpmem (contents, sizeof signature, signature, sizeof signature);
}

static void
check_starts_with (const char *path,
                   const char *prefix)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, strlen (prefix));
  g_assert_true (g_str_has_prefix (contents, prefix));
}

static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  const char *formats[] = { "png", "svg", "pdf" };
  g_autofree char *blocker = g_build_filename (f->dir, "not-a-folder", NULL);
  g_autofree char *bad = g_build_filename (blocker, "Risk heatmap.png", NULL);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad);
  g_autoptr(GError) error = NULL;

  for (guint k = 0; k < G_N_ELEMENTS (formats); k++)
    {
      g_autofree char *name = g_strdup_printf ("Risk heatmap.%s", formats[k]);
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);

      g_assert_true (aims_heatmap_page_export (f->page, file, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
      if (k == 0)
        check_png_signature (path);
      else if (k == 1)
        check_starts_with (path, "<?xml");
      else
        check_starts_with (path, "%PDF");
    }

  /* A path under a regular file cannot be written: an error, and no file */
  g_assert_true (g_file_set_contents (blocker, "x", 1, NULL));
  g_assert_false (aims_heatmap_page_export (f->page, bad_file, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (error->message);
  g_assert_cmpstr (error->message, !=, "");
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
}

/* The view, rendered offscreen as the window draws it */
static GdkTexture *
render_view (Fixture *f)
{
  GtkWidget *widget = GTK_WIDGET (f->view);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);

  return gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                      node, &GRAPHENE_RECT_INIT (0, 0, width, height));
}

/* 0xRRGGBB of a pixel */
static guint32
texture_pixel (GdkTexture *texture,
               int         x,
               int         y)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  g_autofree guint32 *data = g_new (guint32, (gsize) width * height);

  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, width);
  g_assert_cmpint (y, <, height);
  /* CAIRO_FORMAT_ARGB32: native-endian 0xAARRGGBB words */
  gdk_texture_download (texture, (guchar *) data, (gsize) width * 4);

  return data[y * width + x] & 0xffffff;
}

static guint32
parse_colour (const char *colour)
{
  g_assert_nonnull (colour);
  g_assert_cmpint (strlen (colour), ==, 7);
  g_assert_cmpint (colour[0], ==, '#');
  return (guint32) g_ascii_strtoull (colour + 1, NULL, 16);
}

static void
assert_colour_near (guint32 got,
                    guint32 expected)
{
  for (int shift = 0; shift <= 16; shift += 8)
    {
      int a = (got >> shift) & 0xff;
      int b = (expected >> shift) & 0xff;

      if (ABS (a - b) > 2)
        g_error ("pixel #%06x, expected #%06x", got, expected);
    }
}

/* A point inside a cell, near its top-left corner, away from the count */
static void
cell_probe (Fixture *f,
            guint    likelihood,
            guint    impact,
            int     *x,
            int     *y)
{
  AimsRenderStyle style = *aims_render_style_default ();
  cairo_rectangle_t rect;
  graphene_rect_t bounds;
  GtkWidget *cell = aims_heatmap_view_get_cell (f->view, likelihood, impact);

  style.scale = 1.0;
  g_assert_true (aims_heatmap_get_cell_rect (gtk_widget_get_width (GTK_WIDGET (f->view)),
                                             gtk_widget_get_height (GTK_WIDGET (f->view)),
                                             f->matrix, aims_heatmap_view_get_options (f->view),
                                             &style, likelihood, impact, &rect));
  g_assert_cmpfloat (rect.width, >, 20);
  g_assert_cmpfloat (rect.height, >, 20);

  /* The button sits over the cell */
  g_assert_true (gtk_widget_compute_bounds (cell, GTK_WIDGET (f->view), &bounds));
  g_assert_cmpfloat (fabs (bounds.origin.x - rect.x), <=, 1);
  g_assert_cmpfloat (fabs (bounds.origin.y - rect.y), <=, 1);
  g_assert_cmpfloat (fabs (bounds.size.width - rect.width), <=, 1);
  g_assert_cmpfloat (fabs (bounds.size.height - rect.height), <=, 1);

  *x = (int) (rect.x + 8);
  *y = (int) (rect.y + 8);
}

static void
assert_cells_coloured (Fixture    *f,
                       GdkTexture *texture)
{
  guint n_likelihood = aims_matrix_get_n_steps (f->matrix, AIMS_MATRIX_LIKELIHOOD);
  guint n_impact = aims_matrix_get_n_steps (f->matrix, AIMS_MATRIX_IMPACT);

  for (guint l = 1; l <= n_likelihood; l++)
    for (guint i = 1; i <= n_impact; i++)
      {
        g_autofree char *colour = aims_heatmap_dup_level_colour (f->matrix, AIMS_HEATMAP_PALETTE_MATRIX,
                                                                 aims_matrix_lookup (f->matrix, l, i));
        int x, y;

        cell_probe (f, l, i, &x, &y);
        assert_colour_near (texture_pixel (texture, x, y), parse_colour (colour));
      }
}

static void
test_drawing (Fixture       *f,
              gconstpointer  data)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  g_autoptr(GdkTexture) light = NULL;
  g_autoptr(GdkTexture) dark = NULL;
  guint32 light_bg, dark_bg;

  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  light = render_view (f);
  assert_cells_coloured (f, light);
  light_bg = texture_pixel (light, 2, 2);
  assert_colour_near (light_bg, 0xfafafa);

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  WAIT_UNTIL (adw_style_manager_get_dark (manager));
  g_assert_true (adw_style_manager_get_dark (manager));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  dark = render_view (f);
  dark_bg = texture_pixel (dark, 2, 2);
  g_assert_cmpuint (dark_bg, !=, light_bg);
  assert_colour_near (dark_bg, 0x242424);
  /* The cells keep the matrix's colours */
  assert_cells_coloured (f, dark);

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
}

/* Activates what a key press of @keyval on @widget would, through the
 * widget's own shortcuts (GTK 4.8 cannot make key events) */
static gboolean
press_key (GtkWidget *widget,
           guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint k = 0; k < g_list_model_get_n_items (controllers); k++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, k);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint s = 0; s < g_list_model_get_n_items (G_LIST_MODEL (controller)); s++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), s);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == 0)
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }

  return FALSE;
}

static void
test_presentation (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *window;
  AimsHeatmapView *view = NULL;
  g_autoptr(GPtrArray) views = g_ptr_array_new ();
  g_autoptr(AimsHeatmapCounts) counts = core_counts (f, NULL);

  g_assert_null (find_toplevel_of_type (AIMS_TYPE_PRESENTATION_WINDOW));
  gtk_widget_activate_action (GTK_WIDGET (f->page), "heatmap.present", NULL);
  WAIT_UNTIL (find_toplevel_of_type (AIMS_TYPE_PRESENTATION_WINDOW) != NULL);
  window = find_toplevel_of_type (AIMS_TYPE_PRESENTATION_WINDOW);
  g_assert_nonnull (window);
  WAIT_UNTIL (gtk_window_is_fullscreen (GTK_WINDOW (window)));
  g_assert_true (gtk_window_is_fullscreen (GTK_WINDOW (window)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (window)) == GTK_WINDOW (f->window));

  /* It shows the same heatmap */
  collect_of_type (window, AIMS_TYPE_HEATMAP_VIEW, views);
  g_assert_cmpuint (views->len, ==, 1);
  view = g_ptr_array_index (views, 0);
  g_assert_true (aims_matrix_equal (aims_heatmap_view_get_matrix (view), f->matrix));
  g_assert_cmpuint (aims_heatmap_counts_get_total (aims_heatmap_view_get_counts (view)), ==,
                    aims_heatmap_counts_get_total (counts));

  /* Escape leaves */
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  g_assert_true (press_key (window, GDK_KEY_Escape));
  WAIT_UNTIL (window == NULL);
  g_assert_null (window);
  g_assert_null (find_toplevel_of_type (AIMS_TYPE_PRESENTATION_WINDOW));
}

static void
on_cell_activated_cb (AimsHeatmapView *view,
                      guint            likelihood,
                      guint            impact,
                      guint           *out)
{
  out[0] = likelihood;
  out[1] = impact;
}

static void
test_keyboard (Fixture       *f,
               gconstpointer  data)
{
  GtkWidget *cell = aims_heatmap_view_get_cell (f->view, 4, 3);
  guint activated[2] = { 0, 0 };
  gulong handler;

  for (guint l = 1; l <= aims_matrix_get_n_steps (f->matrix, AIMS_MATRIX_LIKELIHOOD); l++)
    for (guint i = 1; i <= aims_matrix_get_n_steps (f->matrix, AIMS_MATRIX_IMPACT); i++)
      {
        GtkWidget *c = aims_heatmap_view_get_cell (f->view, l, i);

        g_assert_true (gtk_widget_get_focusable (c));
        g_assert_true (gtk_widget_get_can_focus (c));
      }

  g_assert_true (gtk_widget_grab_focus (cell));
  g_assert_true (gtk_widget_has_focus (cell));
  /* The drawing outlines the focused cell */
  g_assert_cmpuint (aims_heatmap_view_get_options (f->view)->focus_likelihood, ==, 4);
  g_assert_cmpuint (aims_heatmap_view_get_options (f->view)->focus_impact, ==, 3);

  handler = g_signal_connect (f->view, "cell-activated", G_CALLBACK (on_cell_activated_cb), activated);
  /* What Enter does on a focused button; the button shows itself pressed
   * for a moment before it reports the click */
  g_assert_true (gtk_widget_activate (cell));
  WAIT_UNTIL (activated[0] != 0);
  g_signal_handler_disconnect (f->view, handler);
  g_assert_cmpuint (activated[0], ==, 4);
  g_assert_cmpuint (activated[1], ==, 3);
  wait_ms (20);
  g_assert_cmpstr (aims_window_get_visible_section (f->window), ==, "risks");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = g_dir_make_tmp ("aims-ui-home-XXXXXX", NULL);
  g_autofree char *state = g_build_filename (home, "state", NULL);
  g_autofree char *data = g_build_filename (home, "data", NULL);
  g_autofree char *config = g_build_filename (home, "config", NULL);
  int ret;

  g_setenv ("XDG_STATE_HOME", state, TRUE);
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  /* The test backend keeps the accessible properties, for
   * gtk_test_accessible_assert_property() */
  g_setenv ("GTK_A11Y", "test", TRUE);

  g_test_init (&argc, &argv, NULL);
  aims_test_gtk_init_log ();

  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/ui/heatmap/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("cells-read-core-counts", test_cells_read_core_counts);
  ADD ("new-risk-counts", test_new_risk_counts);
  ADD ("residual-mode", test_residual_mode);
  ADD ("system-filter", test_system_filter);
  ADD ("activate-cell", test_activate_cell);
  ADD ("activate-cell-filtered", test_activate_cell_filtered);
  ADD ("export", test_export);
  ADD ("drawing", test_drawing);
  ADD ("presentation", test_presentation);
  ADD ("keyboard", test_keyboard);
#undef ADD

  app = aims_application_new ();
  aims_test_register_app (G_APPLICATION (app));
  ret = g_test_run ();
  g_clear_object (&app);

  return ret;
}
