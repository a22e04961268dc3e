/* test-heatmap.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "aims-test-util.h"

#include <math.h>
#include <string.h>

/* Probes allow this much per channel: antialiasing and the PDF and SVG
 * rasterisers round colours a little differently. */
#define TOLERANCE 8

typedef struct
{
  guint8 r;
  guint8 g;
  guint8 b;
} Pixel;

static Pixel
parse_hex (const char *hex)
{
  guint value;

  g_assert_nonnull (hex);
  g_assert_cmpint (strlen (hex), ==, 7);
  g_assert_cmpint (hex[0], ==, '#');
  value = (guint) g_ascii_strtoull (hex + 1, NULL, 16);
  return (Pixel) { (value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff };
}

static Pixel
probe (cairo_surface_t *surface,
       double           x,
       double           y)
{
  int stride = cairo_image_surface_get_stride (surface);
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  cairo_format_t format = cairo_image_surface_get_format (surface);
  int px = (int) floor (x);
  int py = (int) floor (y);
  const guint8 *data;
  guint32 value;

  cairo_surface_flush (surface);
  g_assert_true (format == CAIRO_FORMAT_ARGB32 || format == CAIRO_FORMAT_RGB24);
  g_assert_cmpint (px, >=, 0);
  g_assert_cmpint (py, >=, 0);
  g_assert_cmpint (px, <, width);
  g_assert_cmpint (py, <, height);

  data = cairo_image_surface_get_data (surface);
  memcpy (&value, data + py * stride + px * 4, sizeof value);
  /* Opaque everywhere we probe, so premultiplication changes nothing */
  return (Pixel) { (value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff };
}

static gboolean
pixel_near (Pixel a,
            Pixel b)
{
  return ABS ((int) a.r - (int) b.r) <= TOLERANCE && ABS ((int) a.g - (int) b.g) <= TOLERANCE &&
         ABS ((int) a.b - (int) b.b) <= TOLERANCE;
}

#define assert_pixel(actual, expected, what)                                                  \
  G_STMT_START {                                                                              \
    Pixel a_ = (actual);                                                                      \
    Pixel e_ = (expected);                                                                    \
    if (!pixel_near (a_, e_))                                                                 \
      g_error ("%s: pixel #%02x%02x%02x, expected #%02x%02x%02x", (what), a_.r, a_.g, a_.b, \
               e_.r, e_.g, e_.b);                                                             \
  } G_STMT_END

/* Near the cell's top-left corner: away from the count in the middle, the
 * level name at the foot, and the tolerance line along the edges. */
static void
probe_point (const cairo_rectangle_t *rect,
             double                  *x,
             double                  *y)
{
  *x = rect->x + rect->width * 0.12;
  *y = rect->y + rect->height * 0.12;
}

static Pixel
expected_colour (AimsMatrix         *matrix,
                 AimsHeatmapPalette  palette,
                 guint               likelihood,
                 guint               impact)
{
  g_autofree char *hex = aims_heatmap_dup_level_colour (matrix, palette,
                                                        aims_matrix_lookup (matrix, likelihood,
                                                                            impact));

  return parse_hex (hex);
}

/* A spread of risks over the 5×5 preset: some moved by treatment, some
 * without a residual. */
static AimsHeatmapCounts *
sample_counts (void)
{
  AimsHeatmapCounts *counts = aims_heatmap_counts_new (5, 5);

  for (guint k = 0; k < 4; k++)
    aims_heatmap_counts_add (counts, 5, 5, 2, 3);
  aims_heatmap_counts_add (counts, 5, 5, 0, 0);
  aims_heatmap_counts_add (counts, 4, 4, 2, 2);
  aims_heatmap_counts_add (counts, 4, 4, 2, 2);
  aims_heatmap_counts_add (counts, 3, 5, 1, 5);
  aims_heatmap_counts_add (counts, 1, 2, 0, 0);
  for (guint k = 0; k < 12; k++)
    aims_heatmap_counts_add (counts, 2, 3, 0, 0);
  return counts;
}

static cairo_surface_t *
render (double                    width,
        double                    height,
        AimsMatrix               *matrix,
        AimsHeatmapCounts        *counts,
        const AimsHeatmapOptions *options,
        const AimsRenderStyle    *style)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (width),
                                                         (int) ceil (height));
  cairo_t *cr = cairo_create (surface);

  aims_heatmap_draw (cr, width, height, matrix, counts, options, style);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  return surface;
}

/* Every cell of @surface (drawn at @scale times @width × @height) has its
 * level's colour at the probe point. */
static void
check_cell_colours (cairo_surface_t          *surface,
                    double                    scale,
                    double                    width,
                    double                    height,
                    AimsMatrix               *matrix,
                    const AimsHeatmapOptions *options,
                    const AimsRenderStyle    *style,
                    const char               *what)
{
  guint n_l = aims_matrix_get_n_steps (matrix, AIMS_MATRIX_LIKELIHOOD);
  guint n_i = aims_matrix_get_n_steps (matrix, AIMS_MATRIX_IMPACT);

  for (guint l = 1; l <= n_l; l++)
    for (guint i = 1; i <= n_i; i++)
      {
        g_autofree char *where = g_strdup_printf ("%s, cell L%u I%u", what, l, i);
        cairo_rectangle_t rect;
        double x, y;

        g_assert_true (aims_heatmap_get_cell_rect (width, height, matrix, options, style, l, i,
                                                   &rect));
        /* Too small to probe clear of the antialiased edges */
        if (rect.width * scale < 12 || rect.height * scale < 12)
          continue;
        probe_point (&rect, &x, &y);
        assert_pixel (probe (surface, x * scale, y * scale),
                      expected_colour (matrix, options->palette, l, i), where);
      }
}

/* Counts */

static void
test_counts_basic (void)
{
  g_autoptr(AimsHeatmapCounts) counts = aims_heatmap_counts_new (5, 5);
  AimsHeatmapCounts *copy;

  g_assert_cmpuint (aims_heatmap_counts_get_total (counts), ==, 0);
  g_assert_cmpuint (aims_heatmap_counts_get (counts, AIMS_HEATMAP_INHERENT, 3, 4), ==, 0);

  /* No residual: counts at the inherent position in every mode, no move */
  aims_heatmap_counts_add (counts, 3, 4, 0, 0);
  g_assert_cmpuint (aims_heatmap_counts_get (counts, AIMS_HEATMAP_INHERENT, 3, 4), ==, 1);
  g_assert_cmpuint (aims_heatmap_counts_get (counts, AIMS_HEATMAP_RESIDUAL, 3, 4), ==, 1);
  g_assert_cmpuint (aims_heatmap_counts_get (counts, AIMS_HEATMAP_BOTH, 3, 4), ==, 1);
  g_assert_cmpuint (aims_heatmap_counts_get_move (counts, 3, 4, 3, 4), ==, 0);
  g_assert_cmpuint (aims_heatmap_counts_get_total (counts), ==, 1);

  /* A residual in another cell: a move */
  aims_heatmap_counts_add (counts, 5, 5, 2, 2);
  aims_heatmap_counts_add (counts, 5, 5, 2, 2);
  aims_heatmap_counts_add (counts, 5, 5, 3, 2);
  g_assert_cmpuint (aims_heatmap_counts_get (counts, AIMS_HEATMAP_INHERENT, 5, 5), ==, 3);
  g_assert_cmpuint (aims_heatmap_counts_get (counts, AIMS_HEATMAP_RESIDUAL, 5, 5), ==, 0);
  g_assert_cmpuint (aims_heatmap_counts_get (counts, AIMS_HEATMAP_INHERENT, 2, 2), ==, 0);
  g_assert_cmpuint (aims_heatmap_counts_get (counts, AIMS_HEATMAP_RESIDUAL, 2, 2), ==, 2);
  g_assert_cmpuint (aims_heatmap_counts_get (counts, AIMS_HEATMAP_BOTH, 3, 2), ==, 1);
  g_assert_cmpuint (aims_heatmap_counts_get_move (counts, 5, 5, 2, 2), ==, 2);
  g_assert_cmpuint (aims_heatmap_counts_get_move (counts, 5, 5, 3, 2), ==, 1);
  g_assert_cmpuint (aims_heatmap_counts_get_move (counts, 2, 2, 5, 5), ==, 0);
  g_assert_cmpuint (aims_heatmap_counts_get_total (counts), ==, 4);

  /* A residual set to the inherent cell is not a move */
  aims_heatmap_counts_add (counts, 1, 1, 1, 1);
  g_assert_cmpuint (aims_heatmap_counts_get_move (counts, 1, 1, 1, 1), ==, 0);
  g_assert_cmpuint (aims_heatmap_counts_get (counts, AIMS_HEATMAP_RESIDUAL, 1, 1), ==, 1);
  g_assert_cmpuint (aims_heatmap_counts_get_total (counts), ==, 5);

  /* A boxed type with references */
  g_assert_true (G_TYPE_IS_BOXED (AIMS_TYPE_HEATMAP_COUNTS));
  copy = g_boxed_copy (AIMS_TYPE_HEATMAP_COUNTS, counts);
  g_assert_true (copy == counts);
  g_boxed_free (AIMS_TYPE_HEATMAP_COUNTS, copy);
  g_assert_cmpuint (aims_heatmap_counts_get_total (counts), ==, 5);
}

static void
test_counts_out_of_range (void)
{
  g_autoptr(AimsHeatmapCounts) counts = aims_heatmap_counts_new (3, 5);
  guint sum = 0;

  aims_heatmap_counts_add (counts, 0, 1, 0, 0);
  aims_heatmap_counts_add (counts, 1, 0, 0, 0);
  aims_heatmap_counts_add (counts, 4, 1, 0, 0);   /* only 3 likelihood steps */
  aims_heatmap_counts_add (counts, 1, 6, 0, 0);
  aims_heatmap_counts_add (counts, 1, 1, 4, 1);
  aims_heatmap_counts_add (counts, 1, 1, 1, 6);
  aims_heatmap_counts_add (counts, 1, 1, 0, 2);   /* half a residual */
  aims_heatmap_counts_add (counts, 1, 1, 2, 0);
  aims_heatmap_counts_add (counts, G_MAXUINT, G_MAXUINT, G_MAXUINT, G_MAXUINT);
  g_assert_cmpuint (aims_heatmap_counts_get_total (counts), ==, 0);

  for (guint l = 0; l <= 8; l++)
    for (guint i = 0; i <= 8; i++)
      {
        sum += aims_heatmap_counts_get (counts, AIMS_HEATMAP_INHERENT, l, i);
        sum += aims_heatmap_counts_get (counts, AIMS_HEATMAP_RESIDUAL, l, i);
      }
  g_assert_cmpuint (sum, ==, 0);

  /* The last cell of a non-square matrix, and reads outside it */
  aims_heatmap_counts_add (counts, 3, 5, 1, 1);
  g_assert_cmpuint (aims_heatmap_counts_get (counts, AIMS_HEATMAP_INHERENT, 3, 5), ==, 1);
  g_assert_cmpuint (aims_heatmap_counts_get (counts, AIMS_HEATMAP_RESIDUAL, 1, 1), ==, 1);
  g_assert_cmpuint (aims_heatmap_counts_get_move (counts, 3, 5, 1, 1), ==, 1);
  g_assert_cmpuint (aims_heatmap_counts_get (counts, AIMS_HEATMAP_INHERENT, 5, 3), ==, 0);
  g_assert_cmpuint (aims_heatmap_counts_get (counts, AIMS_HEATMAP_INHERENT, 0, 0), ==, 0);
  g_assert_cmpuint (aims_heatmap_counts_get_move (counts, 3, 5, 0, 0), ==, 0);
  g_assert_cmpuint (aims_heatmap_counts_get_move (counts, 9, 9, 1, 1), ==, 0);
  g_assert_cmpuint (aims_heatmap_counts_get_total (counts), ==, 1);
}

/* Rendering */

static void
test_options_default (void)
{
  const AimsRenderStyle *style = aims_render_style_default ();
  AimsHeatmapOptions options;

  memset (&options, 0xff, sizeof options);
  aims_heatmap_options_init (&options);
  g_assert_cmpint (options.mode, ==, AIMS_HEATMAP_RESIDUAL);
  g_assert_cmpint (options.palette, ==, AIMS_HEATMAP_PALETTE_MATRIX);
  g_assert_false (options.swap_axes);
  g_assert_false (options.flip_likelihood);
  g_assert_true (options.show_legend);
  g_assert_null (options.title);
  g_assert_cmpuint (options.focus_likelihood, ==, 0);
  g_assert_cmpuint (options.focus_impact, ==, 0);

  g_assert_nonnull (style);
  g_assert_cmpstr (style->background, ==, "#ffffff");
  g_assert_cmpfloat (style->scale, ==, 1.0);
}

static void
test_cell_colours (void)
{
  g_autoptr(AimsMatrix) matrix = aims_matrix_new_preset (AIMS_MATRIX_PRESET_5X5);
  g_autoptr(AimsHeatmapCounts) counts = sample_counts ();
  const AimsRenderStyle *style = aims_render_style_default ();
  AimsHeatmapOptions options;
  cairo_surface_t *surface;

  aims_heatmap_options_init (&options);
  options.title = "Risk heatmap";

  /* The level colours are the matrix's own */
  for (guint level = 0; level < aims_matrix_get_n_levels (matrix); level++)
    {
      g_autofree char *hex = aims_heatmap_dup_level_colour (matrix, AIMS_HEATMAP_PALETTE_MATRIX,
                                                            (int) level);

      g_assert_cmpstr (hex, ==, aims_matrix_get_level_colour (matrix, level));
    }

  /* (Not in BOTH mode, whose arrows may cross a probe point) */
  for (guint mode = AIMS_HEATMAP_INHERENT; mode <= AIMS_HEATMAP_RESIDUAL; mode++)
    {
      options.mode = mode;
      surface = render (800, 560, matrix, counts, &options, style);
      check_cell_colours (surface, 1.0, 800, 560, matrix, &options, style, "light");
      cairo_surface_destroy (surface);
    }

  /* The background is the style's */
  options.mode = AIMS_HEATMAP_RESIDUAL;
  surface = render (800, 560, matrix, counts, &options, style);
  assert_pixel (probe (surface, 1, 1), parse_hex (style->background), "background");
  assert_pixel (probe (surface, 799, 559), parse_hex (style->background), "background");
  cairo_surface_destroy (surface);
}

static void
test_colour_blind_palette (void)
{
  g_autoptr(AimsMatrix) matrix = aims_matrix_new_preset (AIMS_MATRIX_PRESET_5X5);
  g_autoptr(AimsHeatmapCounts) counts = sample_counts ();
  const AimsRenderStyle *style = aims_render_style_default ();
  guint n_levels = aims_matrix_get_n_levels (matrix);
  AimsHeatmapOptions options;
  cairo_surface_t *surface;
  double last_luma = 2.0;

  aims_heatmap_options_init (&options);
  options.palette = AIMS_HEATMAP_PALETTE_COLOUR_BLIND;

  /* Light to dark: each level is darker than the one below it, from the
   * ramp's first stop to its last */
  for (guint level = 0; level < n_levels; level++)
    {
      g_autofree char *hex = aims_heatmap_dup_level_colour (matrix, options.palette, (int) level);
      Pixel p = parse_hex (hex);
      double luma = (0.2126 * p.r + 0.7152 * p.g + 0.0722 * p.b) / 255.0;

      g_assert_cmpstr (hex, !=, aims_matrix_get_level_colour (matrix, level));
      g_assert_cmpfloat (luma, <, last_luma - 0.05);
      last_luma = luma;

      if (level == 0)
        g_assert_cmpstr (hex, ==, "#fff7bc");
      if (level == n_levels - 1)
        g_assert_cmpstr (hex, ==, "#662506");
    }

  surface = render (640, 480, matrix, counts, &options, style);
  check_cell_colours (surface, 1.0, 640, 480, matrix, &options, style, "colour-blind");
  cairo_surface_destroy (surface);
}

static void
test_dark_style (void)
{
  g_autoptr(AimsMatrix) matrix = aims_matrix_new_preset (AIMS_MATRIX_PRESET_5X5);
  g_autoptr(AimsHeatmapCounts) counts = sample_counts ();
  AimsRenderStyle dark = { "#ffffff", "#242424", NULL, 1.0 };
  AimsHeatmapOptions options;
  cairo_surface_t *surface;

  aims_heatmap_options_init (&options);
  surface = render (700, 500, matrix, counts, &options, &dark);
  assert_pixel (probe (surface, 2, 2), parse_hex ("#242424"), "dark background");
  check_cell_colours (surface, 1.0, 700, 500, matrix, &options, &dark, "dark");
  cairo_surface_destroy (surface);
}

/* The tolerance boundary: a thick line in the foreground colour on the edge
 * between a cell at or below the tolerance and its neighbour above it. */
static void
test_tolerance_line (void)
{
  g_autoptr(AimsMatrix) matrix = aims_matrix_new_preset (AIMS_MATRIX_PRESET_5X5);
  const AimsRenderStyle *style = aims_render_style_default ();
  AimsHeatmapOptions options;
  cairo_surface_t *surface;
  guint n_edges = 0;
  guint n_plain = 0;

  aims_heatmap_options_init (&options);
  surface = render (900, 600, matrix, NULL, &options, style);

  for (guint l = 1; l <= 5; l++)
    for (guint i = 1; i < 5; i++)
      {
        gboolean a = aims_matrix_is_above_tolerance (matrix,
                                                     (guint) aims_matrix_lookup (matrix, l, i));
        gboolean b = aims_matrix_is_above_tolerance (matrix,
                                                     (guint) aims_matrix_lookup (matrix, l, i + 1));
        cairo_rectangle_t ra, rb;
        double x, y;
        Pixel p;

        aims_heatmap_get_cell_rect (900, 600, matrix, &options, style, l, i, &ra);
        aims_heatmap_get_cell_rect (900, 600, matrix, &options, style, l, i + 1, &rb);
        /* Between the two cells, a fifth of the way down */
        x = (ra.x + ra.width + rb.x) / 2.0;
        y = ra.y + ra.height * 0.2;
        p = probe (surface, x, y);

        if (a != b)
          {
            assert_pixel (p, parse_hex (style->foreground), "tolerance line");
            n_edges++;
          }
        else
          {
            /* No line: the gap shows the background */
            g_assert_false (pixel_near (p, parse_hex (style->foreground)));
            n_plain++;
          }
      }

  /* The preset has a boundary, and cells on both sides of it */
  g_assert_cmpuint (n_edges, >, 0);
  g_assert_cmpuint (n_plain, >, 0);
  cairo_surface_destroy (surface);
}

static void
test_swap_and_flip (void)
{
  g_autoptr(AimsMatrix) matrix = aims_matrix_new_preset (AIMS_MATRIX_PRESET_5X5);
  g_autoptr(AimsHeatmapCounts) counts = sample_counts ();
  const AimsRenderStyle *style = aims_render_style_default ();
  AimsHeatmapOptions options;
  cairo_rectangle_t high;   /* likelihood 5, impact 1 */
  cairo_rectangle_t low;    /* likelihood 1, impact 1 */
  cairo_rectangle_t wide;   /* likelihood 1, impact 5 */
  cairo_surface_t *surface;

  aims_heatmap_options_init (&options);

  /* Default: likelihood down the side, highest at the top; impact across */
  aims_heatmap_get_cell_rect (600, 600, matrix, &options, style, 5, 1, &high);
  aims_heatmap_get_cell_rect (600, 600, matrix, &options, style, 1, 1, &low);
  aims_heatmap_get_cell_rect (600, 600, matrix, &options, style, 1, 5, &wide);
  g_assert_cmpfloat (high.y, <, low.y);
  g_assert_cmpfloat_with_epsilon (high.x, low.x, 1e-9);
  g_assert_cmpfloat (wide.x, >, low.x);
  g_assert_cmpfloat_with_epsilon (wide.y, low.y, 1e-9);

  /* Flipped: highest likelihood at the bottom */
  options.flip_likelihood = TRUE;
  aims_heatmap_get_cell_rect (600, 600, matrix, &options, style, 5, 1, &high);
  aims_heatmap_get_cell_rect (600, 600, matrix, &options, style, 1, 1, &low);
  g_assert_cmpfloat (high.y, >, low.y);
  g_assert_cmpfloat_with_epsilon (high.x, low.x, 1e-9);
  surface = render (600, 600, matrix, counts, &options, style);
  check_cell_colours (surface, 1.0, 600, 600, matrix, &options, style, "flipped");
  cairo_surface_destroy (surface);

  /* Swapped: likelihood across (highest at the right), impact down
   * (highest at the top) */
  options.flip_likelihood = FALSE;
  options.swap_axes = TRUE;
  aims_heatmap_get_cell_rect (600, 600, matrix, &options, style, 5, 1, &high);
  aims_heatmap_get_cell_rect (600, 600, matrix, &options, style, 1, 1, &low);
  aims_heatmap_get_cell_rect (600, 600, matrix, &options, style, 1, 5, &wide);
  g_assert_cmpfloat (high.x, >, low.x);
  g_assert_cmpfloat_with_epsilon (high.y, low.y, 1e-9);
  g_assert_cmpfloat (wide.y, <, low.y);
  g_assert_cmpfloat_with_epsilon (wide.x, low.x, 1e-9);
  surface = render (600, 600, matrix, counts, &options, style);
  check_cell_colours (surface, 1.0, 600, 600, matrix, &options, style, "swapped");

  /* The highest-likelihood, lowest-impact cell is in the bottom-right
   * corner, painted in its level's colour */
  {
    double x, y;

    probe_point (&high, &x, &y);
    assert_pixel (probe (surface, x, y), expected_colour (matrix, options.palette, 5, 1),
                  "swapped corner");
  }
  cairo_surface_destroy (surface);

  /* Swapped and flipped: highest likelihood at the left */
  options.flip_likelihood = TRUE;
  aims_heatmap_get_cell_rect (600, 600, matrix, &options, style, 5, 1, &high);
  aims_heatmap_get_cell_rect (600, 600, matrix, &options, style, 1, 1, &low);
  g_assert_cmpfloat (high.x, <, low.x);
  g_assert_cmpfloat_with_epsilon (high.y, low.y, 1e-9);
}

static AimsMatrix *
filled_matrix (guint n_l,
               guint n_i,
               guint n_levels)
{
  static const char *colours[] = {
    "#2ec27e", "#8ff0a4", "#f9f06b", "#ffbe6f", "#ff7800", "#e01b24", "#613583",
  };
  AimsMatrix *matrix = aims_matrix_new (n_l, n_i, n_levels);

  for (guint v = 1; v <= n_l; v++)
    {
      g_autofree char *label = g_strdup_printf ("Likelihood step number %u", v);

      aims_matrix_set_step (matrix, AIMS_MATRIX_LIKELIHOOD, v, label, NULL, NULL);
    }
  for (guint v = 1; v <= n_i; v++)
    {
      g_autofree char *label = g_strdup_printf ("Impact %u with a long label", v);

      aims_matrix_set_step (matrix, AIMS_MATRIX_IMPACT, v, label, NULL, NULL);
    }
  for (guint level = 0; level < n_levels; level++)
    {
      g_autofree char *name = g_strdup_printf ("Level %u", level + 1);

      aims_matrix_set_level (matrix, level, name, colours[level], level < n_levels / 2, 90);
    }
  for (guint l = 1; l <= n_l; l++)
    for (guint i = 1; i <= n_i; i++)
      aims_matrix_set_cell (matrix, l, i,
                            (int) (((l - 1) + (i - 1)) * (n_levels - 1) / (n_l + n_i - 2)));
  aims_matrix_set_tolerance (matrix, n_levels / 2 - 1);

  return matrix;
}

/* The cell under each cell's centre is that cell, at several sizes and with
 * every arrangement; the margins are on no cell. (Each call lays the whole
 * heatmap out, which is slow under AddressSanitizer: keep the cases few.) */
static void
test_hit_test (void)
{
  static const struct {
    guint  matrix;
    double width;
    double height;
  } cases[] = {
    { 0, 800, 560 }, { 0, 200, 150 }, { 1, 420, 900 }, { 1, 3000, 2000 }, { 1, 1000, 240 },
  };
  g_autoptr(AimsMatrix) square = aims_matrix_new_preset (AIMS_MATRIX_PRESET_5X5);
  g_autoptr(AimsMatrix) odd = filled_matrix (3, 5, 4);
  AimsMatrix *matrices[] = { square, odd };
  AimsRenderStyle big = *aims_render_style_default ();

  big.scale = 2.0;

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    for (guint arrangement = 0; arrangement < 8; arrangement += c < 2 ? 1 : 3)
      {
        AimsMatrix *matrix = matrices[cases[c].matrix];
        const AimsRenderStyle *style = arrangement & 4 ? &big : aims_render_style_default ();
        double w = cases[c].width;
        double h = cases[c].height;
        AimsHeatmapOptions options;
        guint hl = 99;
        guint hi = 99;

        aims_heatmap_options_init (&options);
        options.swap_axes = (arrangement & 1) != 0;
        options.flip_likelihood = (arrangement & 2) != 0;
        options.title = arrangement & 4 ? "A title" : NULL;

        for (guint l = 1; l <= aims_matrix_get_n_steps (matrix, AIMS_MATRIX_LIKELIHOOD); l++)
          for (guint i = 1; i <= aims_matrix_get_n_steps (matrix, AIMS_MATRIX_IMPACT); i++)
            {
              cairo_rectangle_t r;

              g_assert_true (aims_heatmap_get_cell_rect (w, h, matrix, &options, style, l, i,
                                                         &r));
              g_assert_cmpfloat (r.width, >, 0);
              g_assert_cmpfloat (r.height, >, 0);
              g_assert_cmpfloat (r.x, >=, 0);
              g_assert_cmpfloat (r.y, >=, 0);
              g_assert_cmpfloat (r.x + r.width, <=, w);
              g_assert_cmpfloat (r.y + r.height, <=, h);

              g_assert_true (aims_heatmap_hit_test (w, h, matrix, &options, style,
                                                    r.x + r.width / 2, r.y + r.height / 2,
                                                    &hl, &hi));
              g_assert_cmpuint (hl, ==, l);
              g_assert_cmpuint (hi, ==, i);

              /* Near a corner too */
              if (l == i)
                {
                  g_assert_true (aims_heatmap_hit_test (w, h, matrix, &options, style,
                                                        r.x + 0.5, r.y + r.height - 0.5,
                                                        &hl, &hi));
                  g_assert_cmpuint (hl, ==, l);
                  g_assert_cmpuint (hi, ==, i);
                }
            }

        g_assert_false (aims_heatmap_hit_test (w, h, matrix, &options, style, 0.5, 0.5,
                                               &hl, &hi));
        g_assert_false (aims_heatmap_hit_test (w, h, matrix, &options, style, w - 0.5, h - 0.5,
                                               NULL, NULL));
        g_assert_false (aims_heatmap_hit_test (w, h, matrix, &options, style, -10, -10,
                                               NULL, NULL));
      }

  /* Cells that do not exist */
  {
    AimsHeatmapOptions options;
    cairo_rectangle_t r;

    aims_heatmap_options_init (&options);
    g_assert_false (aims_heatmap_get_cell_rect (400, 300, odd, &options, NULL, 4, 1, &r));
    g_assert_false (aims_heatmap_get_cell_rect (400, 300, odd, &options, NULL, 1, 6, &r));
    g_assert_false (aims_heatmap_get_cell_rect (400, 300, odd, &options, NULL, 0, 1, &r));
    g_assert_false (aims_heatmap_get_cell_rect (0, 300, odd, &options, NULL, 1, 1, &r));
  }
}

/* Odd shapes and sizes draw without trouble, and the cells keep their
 * colours wherever they are big enough to probe. */
static void
test_odd_sizes (void)
{
  static const double sizes[][2] = {
    { 200, 150 }, { 3000, 2000 }, { 150, 900 }, { 2400, 120 }, { 40, 30 }, { 1, 1 },
  };
  static const guint shapes[][3] = {
    { 3, 5, 3 }, { 7, 7, 7 }, { 5, 3, 2 }, { 3, 3, 3 }, { 7, 4, 5 },
  };
  AimsRenderStyle presentation = *aims_render_style_default ();

  presentation.scale = 2.5;

  for (guint shape = 0; shape < G_N_ELEMENTS (shapes); shape++)
    {
      g_autoptr(AimsMatrix) matrix = filled_matrix (shapes[shape][0], shapes[shape][1],
                                                    shapes[shape][2]);
      g_autoptr(AimsHeatmapCounts) counts = aims_heatmap_counts_new (shapes[shape][0],
                                                                    shapes[shape][1]);
      /* Counts of another size: cells outside them count 0 */
      g_autoptr(AimsHeatmapCounts) other = aims_heatmap_counts_new (4, 4);

      for (guint k = 0; k < 1234; k++)
        aims_heatmap_counts_add (counts, 1 + k % shapes[shape][0], 1 + k % shapes[shape][1],
                                 1 + (k / 3) % shapes[shape][0], 1 + (k / 7) % shapes[shape][1]);
      aims_heatmap_counts_add (other, 4, 4, 1, 1);

      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        for (guint variant = 0; variant < 3; variant++)
          {
            const AimsRenderStyle *style = variant == 1 ? &presentation
                                                        : aims_render_style_default ();
            double w = sizes[s][0];
            double h = sizes[s][1];
            AimsHeatmapOptions options;
            cairo_surface_t *surface;

            aims_heatmap_options_init (&options);
            options.mode = (AimsHeatmapMode) (variant % 3);
            options.swap_axes = variant == 1;
            options.show_legend = variant != 2;
            options.focus_likelihood = variant == 2 ? 1 : 0;
            options.focus_impact = variant == 2 ? shapes[shape][1] : 0;
            options.title = variant == 0 ? "A very long title that will not fit on a small canvas"
                                         : NULL;

            surface = render (w, h, matrix, variant == 2 ? other : counts, &options, style);

            /* Probe where cells are big enough, when no arrows or focus
             * ring cross the probe points */
            if (w >= 200 && h >= 150 && variant == 0)
              {
                g_autofree char *what = g_strdup_printf ("%ux%u at %gx%g, variant %u",
                                                         shapes[shape][0], shapes[shape][1],
                                                         w, h, variant);

                check_cell_colours (surface, 1.0, w, h, matrix, &options, style, what);
              }
            cairo_surface_destroy (surface);
          }
    }
}

/* Files */

static char *
run_tool (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                     &status, &error))
    return g_strdup (error->message);
  if (!g_spawn_check_wait_status (status, &error))
    return g_strdup_printf ("%s: %s %s", argv[0], error->message, err);
  return NULL;
}

static gboolean
have_program (const char *name)
{
  g_autofree char *path = g_find_program_in_path (name);

  return path != NULL;
}

static void
check_raster (const char               *png,
              int                       expect_w,
              int                       expect_h,
              double                    scale,
              double                    width,
              double                    height,
              AimsMatrix               *matrix,
              const AimsHeatmapOptions *options,
              const char               *what)
{
  cairo_surface_t *surface = cairo_image_surface_create_from_png (png);

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, expect_w);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, expect_h);
  check_cell_colours (surface, scale, width, height, matrix, options,
                      aims_render_style_default (), what);
  cairo_surface_destroy (surface);
}

static void
test_write_files (void)
{
  g_autoptr(AimsMatrix) matrix = aims_matrix_new_preset (AIMS_MATRIX_PRESET_5X5);
  g_autoptr(AimsHeatmapCounts) counts = sample_counts ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = aims_test_make_dir ();
  g_autofree char *png = g_build_filename (dir, "heatmap.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "heatmap.SVG", NULL);
  g_autofree char *pdf = g_build_filename (dir, "heatmap.pdf", NULL);
  g_autofree char *svg_png = g_build_filename (dir, "from-svg.png", NULL);
  g_autofree char *pdf_base = g_build_filename (dir, "from-pdf", NULL);
  g_autofree char *pdf_png = g_build_filename (dir, "from-pdf.png", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GDir) listing = NULL;
  AimsHeatmapOptions options;
  gsize length = 0;
  guint n_files = 0;

  aims_heatmap_options_init (&options);
  options.title = "Management review — risks";

  /* PNG: twice the size, for crispness */
  g_assert_true (aims_heatmap_write_file (png, 640, 420, matrix, counts, &options, &error));
  g_assert_no_error (error);
  check_raster (png, 1280, 840, 2.0, 640, 420, matrix, &options, "PNG");

  /* Writing again replaces the file (with arrows, this time) */
  options.mode = AIMS_HEATMAP_BOTH;
  g_assert_true (aims_heatmap_write_file (png, 640, 420, matrix, counts, &options, &error));
  g_assert_no_error (error);
  options.mode = AIMS_HEATMAP_RESIDUAL;

  /* SVG, in pixels; the extension in any case */
  g_assert_true (aims_heatmap_write_file (svg, 640, 420, matrix, counts, &options, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (svg, &contents, &length, NULL));
  g_assert_nonnull (strstr (contents, "<svg"));
  g_assert_nonnull (strstr (contents, "width=\"640px\""));
  g_clear_pointer (&contents, g_free);

  /* PDF: a page of 640 × 420 points */
  g_assert_true (aims_heatmap_write_file (pdf, 640, 420, matrix, counts, &options, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 4);
  g_assert_true (memcmp (contents, "%PDF", 4) == 0);
  g_clear_pointer (&contents, g_free);

  /* No temporary file is left behind */
  listing = g_dir_open (dir, 0, NULL);
  while (g_dir_read_name (listing) != NULL)
    n_files++;
  g_assert_cmpuint (n_files, ==, 3);

  /* Rasterised by other programs, the cells are where the layout says */
  if (!have_program ("rsvg-convert"))
    g_test_message ("rsvg-convert is not installed: the SVG is not rasterised");
  else
    {
      const char *argv[] = { "rsvg-convert", "--format=png", "-o", svg_png, svg, NULL };
      g_autofree char *failure = run_tool (argv);

      g_assert_null (failure);
      check_raster (svg_png, 640, 420, 1.0, 640, 420, matrix, &options, "SVG via rsvg-convert");
    }

  if (!have_program ("pdftoppm"))
    g_test_message ("pdftoppm is not installed: the PDF is not rasterised");
  else
    {
      const char *argv[] = { "pdftoppm", "-png", "-r", "72", "-singlefile", pdf, pdf_base, NULL };
      g_autofree char *failure = run_tool (argv);

      g_assert_null (failure);
      check_raster (pdf_png, 640, 420, 1.0, 640, 420, matrix, &options, "PDF via pdftoppm");
    }

  aims_test_remove_tree (dir);
}

static void
check_write_fails (const char  *dir,
                   const char  *path,
                   GIOErrorEnum code)
{
  g_autoptr(AimsMatrix) matrix = aims_matrix_new_preset (AIMS_MATRIX_PRESET_3X3);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = aims_test_snapshot_dir (dir);
  g_autofree char *after = NULL;
  g_autofree char *base = g_path_get_basename (path);
  AimsHeatmapOptions options;

  aims_heatmap_options_init (&options);
  g_assert_false (aims_heatmap_write_file (path, 300, 200, matrix, NULL, &options, &error));
  g_assert_error (error, G_IO_ERROR, code);
  /* The message names the file */
  g_assert_nonnull (strstr (error->message, base));

  after = aims_test_snapshot_dir (dir);
  g_assert_cmpstr (before, ==, after);
}

static void
test_write_failures (void)
{
  g_autofree char *dir = aims_test_make_dir ();
  g_autofree char *plain = g_build_filename (dir, "plain-file", NULL);
  g_autofree char *folder = g_build_filename (dir, "folder.png", NULL);
  g_autofree char *unknown = g_build_filename (dir, "heatmap.bmp", NULL);
  g_autofree char *no_ext = g_build_filename (dir, "heatmap", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing", "heatmap.png", NULL);
  g_autofree char *under_file = g_build_filename (plain, "heatmap.svg", NULL);
  g_autofree char *missing_dir = g_build_filename (dir, "missing", NULL);

  g_assert_true (g_file_set_contents (plain, "not a folder", -1, NULL));
  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);

  check_write_fails (dir, unknown, G_IO_ERROR_INVALID_ARGUMENT);
  check_write_fails (dir, no_ext, G_IO_ERROR_INVALID_ARGUMENT);
  check_write_fails (dir, missing, G_IO_ERROR_NOT_FOUND);
  check_write_fails (dir, under_file, G_IO_ERROR_NOT_DIRECTORY);
  check_write_fails (dir, folder, G_IO_ERROR_IS_DIRECTORY);
  g_assert_false (g_file_test (missing_dir, G_FILE_TEST_EXISTS));

  /* A size no surface can have */
  {
    g_autoptr(AimsMatrix) matrix = aims_matrix_new_preset (AIMS_MATRIX_PRESET_3X3);
    g_autoptr(GError) error = NULL;
    g_autofree char *png = g_build_filename (dir, "huge.png", NULL);
    AimsHeatmapOptions options;

    aims_heatmap_options_init (&options);
    g_assert_false (aims_heatmap_write_file (png, 1e9, 200, matrix, NULL, &options, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
    g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
  }

  aims_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/heatmap/counts/basic", test_counts_basic);
  g_test_add_func ("/heatmap/counts/out-of-range", test_counts_out_of_range);
  g_test_add_func ("/heatmap/options/default", test_options_default);
  g_test_add_func ("/heatmap/draw/cell-colours", test_cell_colours);
  g_test_add_func ("/heatmap/draw/colour-blind", test_colour_blind_palette);
  g_test_add_func ("/heatmap/draw/dark-style", test_dark_style);
  g_test_add_func ("/heatmap/draw/tolerance-line", test_tolerance_line);
  g_test_add_func ("/heatmap/draw/swap-and-flip", test_swap_and_flip);
  g_test_add_func ("/heatmap/draw/odd-sizes", test_odd_sizes);
  g_test_add_func ("/heatmap/hit-test", test_hit_test);
  g_test_add_func ("/heatmap/file/write", test_write_files);
  g_test_add_func ("/heatmap/file/failures", test_write_failures);

  return g_test_run ();
}
