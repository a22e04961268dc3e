/* aims-heatmap.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aims-heatmap"

#include "config.h"

#include "aims-heatmap.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>
#include <sys/stat.h>

/*
 * The risk heatmap: one cairo routine draws it for the screen (the GUI's
 * widget), for presentation mode (style->scale) and for files (PNG, SVG,
 * PDF), as gnome-power-statistics does for its graphs. Hit testing and cell
 * rectangles come from the same layout function as the drawing, so a click
 * always lands on the cell that was drawn there.
 *
 * Text is measured and drawn with one PangoContext of our own, with hinting
 * off and a fixed resolution, never with the cairo_t's: the layout then does
 * not depend on the target (screen, 2x PNG, SVG or PDF), so all of them, and
 * the hit testing, which has no cairo_t at all, agree to the pixel.
 */

/* Writing a PNG at twice the size in pixels keeps text and lines crisp on
 * high-density screens and in slides; the picture is the same. */
#define PNG_DEVICE_SCALE 2.0
/* Cairo image surfaces are at most 32767 pixels on a side. */
#define MAX_FILE_SIZE 16000.0

struct _AimsHeatmapCounts
{
  gatomicrefcount  ref_count;
  guint            n_likelihood;
  guint            n_impact;
  guint            total;
  /* n_likelihood × n_impact, indexed by cell_index() */
  guint           *inherent;
  guint           *residual;
  /* (n_likelihood × n_impact)², indexed by from × n_cells + to */
  guint           *moves;
};

G_DEFINE_BOXED_TYPE (AimsHeatmapCounts, aims_heatmap_counts,
                     aims_heatmap_counts_ref, aims_heatmap_counts_unref)

typedef struct
{
  double r;
  double g;
  double b;
} Rgb;

typedef struct
{
  /* Grid shape: rows are likelihood unless the axes are swapped */
  guint             n_rows;
  guint             n_cols;

  /* Type sizes, in user units */
  double            base;
  double            label_size;
  double            col_label_size;
  double            col_label_pad;
  double            legend_size;
  double            title_size;
  double            line_height;
  double            label_line_height;

  double            gap;
  double            tolerance_width;

  cairo_rectangle_t title;
  cairo_rectangle_t grid;
  cairo_rectangle_t row_title;
  cairo_rectangle_t row_labels;
  cairo_rectangle_t col_labels;
  cairo_rectangle_t col_title;
  guint             col_label_lines;

  /* Legend: beside the grid (one column) or below it (in columns) */
  gboolean          show_legend;
  gboolean          legend_beside;
  cairo_rectangle_t legend;
  guint             legend_cols;
  guint             legend_n_entries;
  double            legend_entry_width;
  double            legend_entry_height;
  double            swatch;
} Layout;

/* Paul Tol's sequential "YlOrBr" scheme (personal.sron.nl/~pault, fig. 18):
 * light yellow to dark orange-brown. Its order rests on lightness, which
 * deuteranopia, protanopia and tritanopia keep, so neighbouring levels stay
 * apart for everyone; the lightest stop (#FFFFE5) is left out, as it vanishes
 * on a white page. Levels are spread evenly over the remaining ramp. */
static const Rgb colour_blind_ramp[] = {
  { 0xff / 255.0, 0xf7 / 255.0, 0xbc / 255.0 },
  { 0xfe / 255.0, 0xe3 / 255.0, 0x91 / 255.0 },
  { 0xfe / 255.0, 0xc4 / 255.0, 0x4f / 255.0 },
  { 0xfb / 255.0, 0x9a / 255.0, 0x29 / 255.0 },
  { 0xec / 255.0, 0x70 / 255.0, 0x14 / 255.0 },
  { 0xcc / 255.0, 0x4c / 255.0, 0x02 / 255.0 },
  { 0x99 / 255.0, 0x34 / 255.0, 0x04 / 255.0 },
  { 0x66 / 255.0, 0x25 / 255.0, 0x06 / 255.0 },
};

static const AimsRenderStyle default_style = {
  .foreground = "#1e1e1e",
  .background = "#ffffff",
  .font_family = NULL,
  .scale = 1.0,
};

/* Counts */

static inline gboolean
counts_in_range (AimsHeatmapCounts *self,
                 guint              likelihood,
                 guint              impact)
{
  return likelihood >= 1 && likelihood <= self->n_likelihood &&
         impact >= 1 && impact <= self->n_impact;
}

static inline guint
cell_index (AimsHeatmapCounts *self,
            guint              likelihood,
            guint              impact)
{
  return (likelihood - 1) * self->n_impact + (impact - 1);
}

/* Colours */

static gboolean
parse_rgb (const char *text,
           Rgb        *rgb)
{
  guint value = 0;

  if (text == NULL || text[0] != '#' || strlen (text) != 7)
    return FALSE;

  for (guint i = 1; i < 7; i++)
    {
      int digit = g_ascii_xdigit_value (text[i]);

      if (digit < 0)
        return FALSE;
      value = (value << 4) | (guint) digit;
    }

  rgb->r = ((value >> 16) & 0xff) / 255.0;
  rgb->g = ((value >> 8) & 0xff) / 255.0;
  rgb->b = (value & 0xff) / 255.0;
  return TRUE;
}

static Rgb
rgb_or (const char *text,
        Rgb         fallback)
{
  Rgb rgb;

  return parse_rgb (text, &rgb) ? rgb : fallback;
}

static double
linear_channel (double c)
{
  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

/* WCAG 2 relative luminance */
static double
luminance (Rgb c)
{
  return 0.2126 * linear_channel (c.r) + 0.7152 * linear_channel (c.g) +
         0.0722 * linear_channel (c.b);
}

/* Black or white, whichever contrasts more with @fill (WCAG contrast ratio:
 * the two are equal at a luminance of about 0.179). */
static Rgb
text_colour_on (Rgb fill)
{
  static const Rgb black = { 0, 0, 0 };
  static const Rgb white = { 1, 1, 1 };

  return luminance (fill) > 0.179 ? black : white;
}

static Rgb
level_colour (AimsMatrix         *matrix,
              AimsHeatmapPalette  palette,
              int                 level)
{
  static const Rgb unassigned = { 0.6, 0.6, 0.6 };
  guint n_levels = aims_matrix_get_n_levels (matrix);

  if (level < 0 || (guint) level >= n_levels)
    return unassigned;

  if (palette == AIMS_HEATMAP_PALETTE_COLOUR_BLIND)
    {
      double t = n_levels > 1 ? (double) level / (n_levels - 1) : 0.0;
      double pos = t * (G_N_ELEMENTS (colour_blind_ramp) - 1);
      guint i = MIN ((guint) pos, G_N_ELEMENTS (colour_blind_ramp) - 2);
      double f = pos - i;
      const Rgb *a = &colour_blind_ramp[i];
      const Rgb *b = &colour_blind_ramp[i + 1];

      return (Rgb) { a->r + (b->r - a->r) * f,
                     a->g + (b->g - a->g) * f,
                     a->b + (b->b - a->b) * f };
    }

  return rgb_or (aims_matrix_get_level_colour (matrix, (guint) level), unassigned);
}

static void
set_rgba (cairo_t *cr,
          Rgb      c,
          double   alpha)
{
  cairo_set_source_rgba (cr, c.r, c.g, c.b, alpha);
}

/* Text */

static PangoContext *
create_text_context (void)
{
  PangoFontMap *font_map = pango_cairo_font_map_get_default ();
  PangoContext *context = pango_font_map_create_context (font_map);
  cairo_font_options_t *font_options = cairo_font_options_create ();

  /* Metrics that do not depend on the target: see the top of the file. */
  cairo_font_options_set_hint_metrics (font_options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (font_options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias (font_options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (context, font_options);
  pango_cairo_context_set_resolution (context, 72.0);
  pango_context_set_round_glyph_positions (context, FALSE);
  pango_context_set_language (context, pango_language_get_default ());
  cairo_font_options_destroy (font_options);

  return context;
}

static PangoLayout *
create_text (PangoContext          *context,
             const AimsRenderStyle *style,
             double                 size,
             PangoWeight            weight,
             const char            *text)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *font = pango_font_description_new ();

  pango_font_description_set_family (font, style->font_family != NULL ? style->font_family
                                                                       : "Sans");
  pango_font_description_set_absolute_size (font, MAX (size, 1.0) * PANGO_SCALE);
  pango_font_description_set_weight (font, weight);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  pango_font_description_free (font);

  return layout;
}

/* Limits @layout to @width and @lines lines, wrapping at words and
 * ellipsizing what does not fit. */
static void
constrain_text (PangoLayout *layout,
                double       width,
                guint        lines)
{
  pango_layout_set_width (layout, (int) (MAX (width, 1.0) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (layout, -(int) MAX (lines, 1));
}

static void
text_size (PangoLayout *layout,
           double      *width,
           double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = (double) logical.width / PANGO_SCALE;
  if (height != NULL)
    *height = (double) logical.height / PANGO_SCALE;
}

static double
measure_width (PangoContext          *context,
               const AimsRenderStyle *style,
               double                 size,
               PangoWeight            weight,
               const char            *text)
{
  g_autoptr(PangoLayout) layout = create_text (context, style, size, weight, text);
  double width;

  text_size (layout, &width, NULL);
  return width;
}

/* Draws @layout centred vertically in the band (@y, @height), from @x. */
static void
show_text (cairo_t     *cr,
           PangoLayout *layout,
           double       x,
           double       y,
           double       height)
{
  double h;

  text_size (layout, NULL, &h);
  cairo_move_to (cr, x, y + (height - h) / 2.0);
  pango_cairo_show_layout (cr, layout);
}

/* Labels */

static const char *
axis_title (AimsMatrixAxis axis)
{
  return axis == AIMS_MATRIX_LIKELIHOOD ? _("Likelihood") : _("Impact");
}

static AimsMatrixAxis
row_axis (const AimsHeatmapOptions *options)
{
  return options->swap_axes ? AIMS_MATRIX_IMPACT : AIMS_MATRIX_LIKELIHOOD;
}

static AimsMatrixAxis
col_axis (const AimsHeatmapOptions *options)
{
  return options->swap_axes ? AIMS_MATRIX_LIKELIHOOD : AIMS_MATRIX_IMPACT;
}

/* Where the step @value of @axis sits: the row (from the top) or column
 * (from the left). Rows grow upwards, columns to the right; flipping
 * reverses the likelihood axis, on whichever side it is. */
static guint
step_position (const AimsHeatmapOptions *options,
               AimsMatrixAxis            axis,
               guint                     value,
               guint                     n_steps)
{
  gboolean on_rows = axis == row_axis (options);
  gboolean reversed = on_rows;

  if (axis == AIMS_MATRIX_LIKELIHOOD && options->flip_likelihood)
    reversed = !reversed;

  return reversed ? n_steps - value : value - 1;
}

static char *
step_label (AimsMatrix     *matrix,
            AimsMatrixAxis  axis,
            guint           value)
{
  const char *label = aims_matrix_get_step_label (matrix, axis, value);

  if (label == NULL || label[0] == '\0')
    return g_strdup_printf ("%u", value);
  return g_strdup (label);
}

/* Legend entries: the levels from highest to lowest, then the tolerance
 * boundary, then (when drawn) the arrows. */
typedef enum
{
  ENTRY_LEVEL,
  ENTRY_TOLERANCE,
  ENTRY_MOVES,
} EntryKind;

static guint
legend_n_entries (AimsMatrix               *matrix,
                  const AimsHeatmapOptions *options)
{
  return aims_matrix_get_n_levels (matrix) + 1 + (options->mode == AIMS_HEATMAP_BOTH ? 1 : 0);
}

static EntryKind
legend_entry (AimsMatrix *matrix,
              guint       entry,
              guint      *level)
{
  guint n_levels = aims_matrix_get_n_levels (matrix);

  if (entry < n_levels)
    {
      *level = n_levels - 1 - entry;
      return ENTRY_LEVEL;
    }
  return entry == n_levels ? ENTRY_TOLERANCE : ENTRY_MOVES;
}

static char *
legend_markup (AimsMatrix *matrix,
               guint       entry)
{
  guint level = 0;

  switch (legend_entry (matrix, entry, &level))
    {
    case ENTRY_LEVEL:
      {
        const char *name = aims_matrix_get_level_name (matrix, level);
        g_autofree char *escaped = g_markup_escape_text (name != NULL ? name : "", -1);

        if (aims_matrix_get_level_within_appetite (matrix, level))
          {
            g_autofree char *marker = g_markup_escape_text (_("within appetite"), -1);

            return g_strdup_printf ("%s  <span size='smaller' alpha='70%%'>✓ %s</span>",
                                    escaped, marker);
          }
        return g_steal_pointer (&escaped);
      }

    case ENTRY_TOLERANCE:
      return g_markup_escape_text (_("Tolerance boundary"), -1);

    case ENTRY_MOVES:
    default:
      return g_markup_escape_text (_("Moved by treatment"), -1);
    }
}

static PangoLayout *
create_legend_text (PangoContext          *context,
                    const AimsRenderStyle *style,
                    double                 size,
                    AimsMatrix            *matrix,
                    guint                  entry)
{
  PangoLayout *layout = create_text (context, style, size, PANGO_WEIGHT_NORMAL, NULL);
  g_autofree char *markup = legend_markup (matrix, entry);

  pango_layout_set_markup (layout, markup, -1);
  return layout;
}

/* Layout */

/* Text is measured once, at this size, and scaled: with hinting off, widths
 * and heights are proportional to the size. The layout tries several sizes,
 * and hit testing runs it on every pointer motion. */
#define REF_SIZE 100.0
/* What scaling may be off by (glyph positions are rounded to Pango units) */
#define SLACK 1.01

typedef struct
{
  double       line_height;         /* per unit of size */
  double       bold_line_height;
  double       row_label_width;     /* the widest, per unit of label size */
  double       legend_text_width;
  double       col_word_width;      /* the widest word of the column labels */
  guint        n_cols;
  PangoLayout *col_labels[AIMS_MATRIX_MAX_STEPS];
} Measures;

static void
measure (Measures                 *m,
         PangoContext             *context,
         AimsMatrix               *matrix,
         const AimsHeatmapOptions *options,
         const AimsRenderStyle    *style)
{
  AimsMatrixAxis rows = row_axis (options);
  AimsMatrixAxis cols = col_axis (options);
  g_autoptr(PangoLayout) sample = create_text (context, style, REF_SIZE, PANGO_WEIGHT_NORMAL, "Ag");
  g_autoptr(PangoLayout) bold = create_text (context, style, REF_SIZE, PANGO_WEIGHT_BOLD, "Ag");
  guint n_rows = aims_matrix_get_n_steps (matrix, rows);
  guint n_entries = legend_n_entries (matrix, options);
  double h;

  memset (m, 0, sizeof *m);
  text_size (sample, NULL, &h);
  m->line_height = h / REF_SIZE;
  text_size (bold, NULL, &h);
  m->bold_line_height = h / REF_SIZE;

  for (guint v = 1; v <= n_rows; v++)
    {
      g_autofree char *label = step_label (matrix, rows, v);

      m->row_label_width = MAX (m->row_label_width,
                                measure_width (context, style, REF_SIZE, PANGO_WEIGHT_NORMAL,
                                               label) * SLACK / REF_SIZE);
    }

  for (guint i = 0; options->show_legend && i < n_entries; i++)
    {
      g_autoptr(PangoLayout) text = create_legend_text (context, style, REF_SIZE, matrix, i);
      double w;

      text_size (text, &w, NULL);
      m->legend_text_width = MAX (m->legend_text_width, w * SLACK / REF_SIZE);
    }

  m->n_cols = MIN (aims_matrix_get_n_steps (matrix, cols), AIMS_MATRIX_MAX_STEPS);
  for (guint v = 1; v <= m->n_cols; v++)
    {
      g_autofree char *label = step_label (matrix, cols, v);

      g_auto(GStrv) words = g_strsplit (label, " ", -1);

      m->col_labels[v - 1] = create_text (context, style, REF_SIZE, PANGO_WEIGHT_NORMAL, label);
      pango_layout_set_wrap (m->col_labels[v - 1], PANGO_WRAP_WORD);
      for (guint k = 0; words[k] != NULL; k++)
        m->col_word_width = MAX (m->col_word_width,
                                 measure_width (context, style, REF_SIZE, PANGO_WEIGHT_NORMAL,
                                                words[k]) * SLACK / REF_SIZE);
    }
}

static void
measures_clear (Measures *m)
{
  for (guint v = 0; v < m->n_cols; v++)
    g_clear_object (&m->col_labels[v]);
}

static void
layout_with_base (Layout                   *lo,
                  const Measures           *me,
                  double                    width,
                  double                    height,
                  AimsMatrix               *matrix,
                  const AimsHeatmapOptions *options,
                  const AimsRenderStyle    *style,
                  double                    base)
{
  AimsMatrixAxis rows = row_axis (options);
  AimsMatrixAxis cols = col_axis (options);
  double margin = base * 0.8;
  double spacing = base * 0.5;
  double x = margin;
  double y = margin;
  double w = MAX (width - 2 * margin, 1.0);
  double h = MAX (height - 2 * margin, 1.0);
  double row_label_w = 0.0;
  double legend_natural_w = 0.0;
  double grid_w;
  double grid_h;
  double cell_w;
  double cell_h;
  double block_w;
  double block_h;
  double h_all;
  double x0;
  double y0;

  lo->n_rows = aims_matrix_get_n_steps (matrix, rows);
  lo->n_cols = aims_matrix_get_n_steps (matrix, cols);
  lo->base = base;
  lo->label_size = base * 0.9;
  lo->title_size = base * 1.4;
  lo->line_height = me->line_height * base;
  lo->label_line_height = me->line_height * lo->label_size;
  lo->gap = MAX (1.0, base * 0.18);
  lo->tolerance_width = MAX (2.0, base * 0.32);

  /* Title */
  memset (&lo->title, 0, sizeof lo->title);
  if (options->title != NULL && options->title[0] != '\0')
    {
      double title_h = me->bold_line_height * lo->title_size;

      lo->title = (cairo_rectangle_t) { x, y, w, title_h };
      y += title_h + spacing;
      h -= title_h + spacing;
    }

  /* What the grid, its labels and a legend below share */
  h_all = h;

  /* Legend: beside the grid on a landscape canvas, below it otherwise */
  lo->show_legend = options->show_legend;
  lo->legend_n_entries = legend_n_entries (matrix, options);
  lo->legend_beside = width >= height * 1.25;
  lo->legend_size = lo->label_size;
  memset (&lo->legend, 0, sizeof lo->legend);
  lo->legend_cols = 1;
  if (lo->show_legend)
    {
      /* Beside the grid, the legend takes at most 30% of the width: smaller
       * type first (down to 75%), then below the grid instead */
      if (lo->legend_beside)
        {
          double room = w * 0.3 - lo->label_line_height * 1.8 - spacing;
          double natural = me->legend_text_width * lo->label_size;

          if (natural > room)
            {
              lo->legend_size = lo->label_size * MAX (room / natural, 0.75);
              if (me->legend_text_width * lo->legend_size > room * 1.001)
                {
                  lo->legend_beside = FALSE;
                  lo->legend_size = lo->label_size;
                }
            }
        }

      lo->swatch = me->line_height * lo->legend_size * 0.9;
      lo->legend_entry_height = me->line_height * lo->legend_size + base * 0.35;
      legend_natural_w = lo->swatch * 2 + spacing + me->legend_text_width * lo->legend_size;

      if (lo->legend_beside)
        {
          lo->legend_entry_width = MIN (legend_natural_w, w * 0.3);
          lo->legend.width = lo->legend_entry_width;
          lo->legend.height = MIN (lo->legend_entry_height * lo->legend_n_entries, h);
          w -= lo->legend.width + base * 1.5;
        }
      else
        {
          double column_gap = base * 1.5;
          guint n_lines;

          lo->legend_entry_width = MIN (legend_natural_w, w);
          lo->legend_cols = (guint) floor ((w + column_gap) / (lo->legend_entry_width + column_gap));
          lo->legend_cols = CLAMP (lo->legend_cols, 1, lo->legend_n_entries);
          n_lines = (lo->legend_n_entries + lo->legend_cols - 1) / lo->legend_cols;
          lo->legend.width = lo->legend_cols * lo->legend_entry_width +
                             (lo->legend_cols - 1) * column_gap;
          lo->legend.height = n_lines * lo->legend_entry_height;
          h -= lo->legend.height + spacing;
        }
    }

  /* Row side: the axis title turned on its side, then the step labels */
  lo->row_title.width = me->bold_line_height * base;
  row_label_w = MIN (me->row_label_width * lo->label_size, (w - lo->row_title.width) * 0.25);
  lo->row_labels.width = row_label_w;
  grid_w = MAX (w - lo->row_title.width - row_label_w - spacing * 1.5, 1.0);

  /* Column side: labels under the grid, wrapped into one or two lines, then
   * the axis title. Narrower cells may need the second line, so measure
   * again with the final width. */
  lo->col_label_lines = 1;
  for (guint pass = 0; pass < 2; pass++)
    {
      guint needed = 1;

      /* Assume the label size of the previous pass, or the full size */
      if (pass == 0)
        lo->col_label_size = lo->label_size;
      lo->col_labels.height = me->line_height * lo->col_label_size * lo->col_label_lines;
      lo->col_title.height = me->bold_line_height * base;
      grid_h = MAX (h - lo->col_labels.height - lo->col_title.height - spacing * 1.0, 1.0);

      /* Keep cells from turning into slivers: at most 2:1 either way */
      cell_w = MAX (grid_w, 1.0) / lo->n_cols;
      cell_h = MAX (grid_h, 1.0) / lo->n_rows;
      cell_w = MIN (cell_w, cell_h * 2.0);
      cell_h = MIN (cell_h, cell_w * 2.0);

      /* Smaller type (down to 70%) where a word would not fit a column */
      lo->col_label_pad = MAX (lo->gap * 2, lo->label_size * 0.5);
      if (me->col_word_width > 0)
        lo->col_label_size = MIN (lo->label_size,
                                  MAX (lo->label_size * 0.7,
                                       (cell_w - lo->col_label_pad) / me->col_word_width));

      for (guint v = 0; v < me->n_cols; v++)
        {
          double room = MAX (cell_w - lo->col_label_pad, 1.0) * REF_SIZE / lo->col_label_size /
                        SLACK;

          pango_layout_set_width (me->col_labels[v], (int) (room * PANGO_SCALE));
          needed = MAX (needed, (guint) pango_layout_get_line_count (me->col_labels[v]));
        }
      needed = MIN (needed, 2);
      if (needed <= lo->col_label_lines)
        {
          lo->col_labels.height = me->line_height * lo->col_label_size * lo->col_label_lines;
          break;
        }
      lo->col_label_lines = needed;
    }

  /* Centre the block of titles, labels, grid (and legend beside it) */
  block_w = lo->row_title.width + row_label_w + spacing * 1.5 + cell_w * lo->n_cols;
  if (lo->show_legend && lo->legend_beside)
    block_w += base * 1.5 + lo->legend.width;
  block_h = cell_h * lo->n_rows + spacing * 1.0 + lo->col_labels.height + lo->col_title.height;
  if (lo->show_legend && !lo->legend_beside)
    block_h += spacing + lo->legend.height;

  x0 = margin + MAX (width - 2 * margin - block_w, 0.0) / 2.0;
  y0 = y + MAX (h_all - block_h, 0.0) / 2.0;

  lo->row_title.x = x0;
  lo->row_labels.x = x0 + lo->row_title.width + spacing * 0.5;
  lo->grid.x = lo->row_labels.x + row_label_w + spacing;
  lo->grid.y = y0;
  lo->grid.width = cell_w * lo->n_cols;
  lo->grid.height = cell_h * lo->n_rows;
  lo->row_title.y = lo->row_labels.y = lo->grid.y;
  lo->row_title.height = lo->row_labels.height = lo->grid.height;

  lo->col_labels.x = lo->col_title.x = lo->grid.x;
  lo->col_labels.width = lo->col_title.width = lo->grid.width;
  lo->col_labels.y = lo->grid.y + lo->grid.height + spacing * 0.5;
  lo->col_title.y = lo->col_labels.y + lo->col_labels.height + spacing * 0.5;

  if (lo->show_legend && lo->legend_beside)
    {
      lo->legend.x = lo->grid.x + lo->grid.width + base * 1.5;
      lo->legend.y = lo->grid.y + MAX (lo->grid.height - lo->legend.height, 0.0) / 2.0;
    }
  else if (lo->show_legend)
    {
      lo->legend.x = margin + MAX (width - 2 * margin - lo->legend.width, 0.0) / 2.0;
      lo->legend.y = lo->col_title.y + lo->col_title.height + spacing;
    }
}

/* Finds type sizes that leave the cells room: starts from a size that follows
 * the canvas (and the style's scale), and shrinks it while cells are cramped. */
static void
compute_layout (Layout                   *lo,
                PangoContext             *context,
                double                    width,
                double                    height,
                AimsMatrix               *matrix,
                const AimsHeatmapOptions *options,
                const AimsRenderStyle    *style)
{
  double scale = style->scale > 0.0 ? CLAMP (style->scale, 0.25, 8.0) : 1.0;
  double base = CLAMP (MIN (width, height) / 42.0, 8.0, 28.0) * scale;
  Measures measures;

  measure (&measures, context, matrix, options, style);
  for (guint attempt = 0; attempt < 12; attempt++)
    {
      double cell;

      layout_with_base (lo, &measures, width, height, matrix, options, style, base);
      cell = MIN (lo->grid.width / lo->n_cols, lo->grid.height / lo->n_rows);
      if (cell >= base * 2.6 || base <= 4.0)
        break;
      base = MAX (base * 0.85, 4.0);
    }
  measures_clear (&measures);
}

/* The cell's place in the grid, without the gap around it */
static void
cell_rect (const Layout             *lo,
           const AimsHeatmapOptions *options,
           guint                     likelihood,
           guint                     impact,
           cairo_rectangle_t        *rect)
{
  guint l_pos = step_position (options, AIMS_MATRIX_LIKELIHOOD, likelihood,
                               options->swap_axes ? lo->n_cols : lo->n_rows);
  guint i_pos = step_position (options, AIMS_MATRIX_IMPACT, impact,
                               options->swap_axes ? lo->n_rows : lo->n_cols);
  guint row = options->swap_axes ? i_pos : l_pos;
  guint col = options->swap_axes ? l_pos : i_pos;
  double pitch_w = lo->grid.width / lo->n_cols;
  double pitch_h = lo->grid.height / lo->n_rows;

  rect->x = lo->grid.x + col * pitch_w + lo->gap / 2.0;
  rect->y = lo->grid.y + row * pitch_h + lo->gap / 2.0;
  rect->width = MAX (pitch_w - lo->gap, 0.0);
  rect->height = MAX (pitch_h - lo->gap, 0.0);
}

static gboolean
check_args (double                    width,
            double                    height,
            AimsMatrix               *matrix,
            const AimsHeatmapOptions *options)
{
  guint n_l;
  guint n_i;

  if (!(width >= 1.0 && height >= 1.0 && isfinite (width) && isfinite (height)))
    return FALSE;

  n_l = aims_matrix_get_n_steps (matrix, AIMS_MATRIX_LIKELIHOOD);
  n_i = aims_matrix_get_n_steps (matrix, AIMS_MATRIX_IMPACT);
  return n_l >= 1 && n_l <= AIMS_MATRIX_MAX_STEPS && n_i >= 1 && n_i <= AIMS_MATRIX_MAX_STEPS &&
         aims_matrix_get_n_levels (matrix) <= AIMS_MATRIX_MAX_LEVELS &&
         (guint) options->mode <= AIMS_HEATMAP_BOTH;
}

/* Drawing */

static void
draw_cells (cairo_t                  *cr,
            const Layout             *lo,
            AimsMatrix               *matrix,
            const AimsHeatmapOptions *options,
            Rgb                       fg)
{
  guint n_l = aims_matrix_get_n_steps (matrix, AIMS_MATRIX_LIKELIHOOD);
  guint n_i = aims_matrix_get_n_steps (matrix, AIMS_MATRIX_IMPACT);

  for (guint l = 1; l <= n_l; l++)
    for (guint i = 1; i <= n_i; i++)
      {
        cairo_rectangle_t r;

        cell_rect (lo, options, l, i, &r);
        set_rgba (cr, level_colour (matrix, options->palette, aims_matrix_lookup (matrix, l, i)),
                  1.0);
        cairo_rectangle (cr, r.x, r.y, r.width, r.height);
        cairo_fill (cr);
      }

  /* A hairline around the grid, so pale cells keep an edge on a pale page */
  cairo_set_line_width (cr, MAX (1.0, lo->gap * 0.5));
  set_rgba (cr, fg, 0.25);
  cairo_rectangle (cr, lo->grid.x, lo->grid.y, lo->grid.width, lo->grid.height);
  cairo_stroke (cr);
}

static gboolean
cell_above_tolerance (AimsMatrix *matrix,
                      guint       likelihood,
                      guint       impact)
{
  int level = aims_matrix_lookup (matrix, likelihood, impact);

  return level >= 0 && aims_matrix_is_above_tolerance (matrix, (guint) level);
}

/* The thick line along every edge between a cell at or below the tolerance
 * and one above it. */
static void
draw_tolerance (cairo_t                  *cr,
                const Layout             *lo,
                AimsMatrix               *matrix,
                const AimsHeatmapOptions *options,
                Rgb                       fg)
{
  guint n_l = aims_matrix_get_n_steps (matrix, AIMS_MATRIX_LIKELIHOOD);
  guint n_i = aims_matrix_get_n_steps (matrix, AIMS_MATRIX_IMPACT);

  cairo_save (cr);
  /* Square caps join the segments at corners; the clip keeps them from
   * poking out of the grid */
  cairo_rectangle (cr, lo->grid.x, lo->grid.y, lo->grid.width, lo->grid.height);
  cairo_clip (cr);
  cairo_set_line_width (cr, lo->tolerance_width);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_SQUARE);
  set_rgba (cr, fg, 1.0);

  for (guint l = 1; l <= n_l; l++)
    for (guint i = 1; i <= n_i; i++)
      {
        gboolean above = cell_above_tolerance (matrix, l, i);
        cairo_rectangle_t a;

        cell_rect (lo, options, l, i, &a);

        /* Each neighbour pair once: the next likelihood and the next impact */
        for (guint k = 0; k < 2; k++)
          {
            guint nl = k == 0 ? l + 1 : l;
            guint ni = k == 0 ? i : i + 1;
            cairo_rectangle_t b;
            double ax, ay, bx, by;

            if (nl > n_l || ni > n_i || cell_above_tolerance (matrix, nl, ni) == above)
              continue;

            cell_rect (lo, options, nl, ni, &b);
            ax = a.x + a.width / 2;
            ay = a.y + a.height / 2;
            bx = b.x + b.width / 2;
            by = b.y + b.height / 2;

            if (fabs (ax - bx) > fabs (ay - by))
              {
                /* Side by side: a vertical edge between them */
                double ex = (ax + bx) / 2.0;

                cairo_move_to (cr, ex, a.y - lo->gap / 2.0);
                cairo_line_to (cr, ex, a.y + a.height + lo->gap / 2.0);
              }
            else
              {
                double ey = (ay + by) / 2.0;

                cairo_move_to (cr, a.x - lo->gap / 2.0, ey);
                cairo_line_to (cr, a.x + a.width + lo->gap / 2.0, ey);
              }
            cairo_stroke (cr);
          }
      }

  cairo_restore (cr);
}

static void
arrow_head (cairo_t *cr,
            double   tip_x,
            double   tip_y,
            double   dir_x,
            double   dir_y,
            double   size)
{
  double len = hypot (dir_x, dir_y);
  double ux;
  double uy;

  if (len <= 0.0)
    return;
  ux = dir_x / len;
  uy = dir_y / len;

  cairo_move_to (cr, tip_x, tip_y);
  cairo_line_to (cr, tip_x - ux * size + uy * size * 0.55, tip_y - uy * size - ux * size * 0.55);
  cairo_line_to (cr, tip_x - ux * size - uy * size * 0.55, tip_y - uy * size + ux * size * 0.55);
  cairo_close_path (cr);
}

/* Arrows from inherent to residual cells, bent a little to the right of
 * their direction so that a pair of opposite moves does not overlap and
 * arrows pass beside, not through, the counts of cells on the way. The
 * thickness grows with the square root of the number of risks moved. */
static void
draw_moves (cairo_t                  *cr,
            const Layout             *lo,
            AimsMatrix               *matrix,
            AimsHeatmapCounts        *counts,
            const AimsHeatmapOptions *options,
            Rgb                       fg,
            Rgb                       bg)
{
  guint n_l = aims_matrix_get_n_steps (matrix, AIMS_MATRIX_LIKELIHOOD);
  guint n_i = aims_matrix_get_n_steps (matrix, AIMS_MATRIX_IMPACT);
  double pitch = MIN (lo->grid.width / lo->n_cols, lo->grid.height / lo->n_rows);
  double thin = MAX (1.5, lo->base * 0.12);
  double thick = MAX (thin, pitch * 0.065);
  guint max_moved = 0;

  for (guint pass = 0; pass < 3; pass++)
    for (guint fl = 1; fl <= n_l; fl++)
      for (guint fi = 1; fi <= n_i; fi++)
        for (guint tl = 1; tl <= n_l; tl++)
          for (guint ti = 1; ti <= n_i; ti++)
            {
              guint moved = aims_heatmap_counts_get_move (counts, fl, fi, tl, ti);
              cairo_rectangle_t a, b;
              double ax, ay, bx, by, dx, dy, len, mx, my, cx, cy, sx, sy, ex, ey, w, head, r;

              if (moved == 0)
                continue;
              if (pass == 0)
                {
                  max_moved = MAX (max_moved, moved);
                  continue;
                }

              cell_rect (lo, options, fl, fi, &a);
              cell_rect (lo, options, tl, ti, &b);
              ax = a.x + a.width / 2;
              ay = a.y + a.height / 2;
              bx = b.x + b.width / 2;
              by = b.y + b.height / 2;
              dx = bx - ax;
              dy = by - ay;
              len = hypot (dx, dy);
              if (len <= 0.0)
                continue;

              /* Start and end off the centres, clear of the counts */
              r = pitch * 0.3;
              w = thin + (thick - thin) * sqrt ((double) moved / max_moved);
              head = MAX (w * 2.4, lo->base * 0.75);
              mx = (ax + bx) / 2 - dy * 0.16;
              my = (ay + by) / 2 + dx * 0.16;
              sx = ax + (mx - ax) / hypot (mx - ax, my - ay) * r;
              sy = ay + (my - ay) / hypot (mx - ax, my - ay) * r;
              ex = bx + (mx - bx) / hypot (mx - bx, my - by) * r;
              ey = by + (my - by) / hypot (mx - bx, my - by) * r;
              cx = mx;
              cy = my;

              /* Pass 1: a halo in the background colour, pass 2: the arrow */
              if (pass == 1)
                {
                  set_rgba (cr, bg, 0.85);
                  cairo_set_line_width (cr, w + MAX (2.0, w * 0.6));
                }
              else
                {
                  set_rgba (cr, fg, 1.0);
                  cairo_set_line_width (cr, w);
                }

              {
                /* Stop the shaft inside the head, so its end does not show */
                double tx = ex - cx;
                double ty = ey - cy;
                double tl_len = hypot (tx, ty);
                double shaft_x = tl_len > 0 ? ex - tx / tl_len * head * 0.7 : ex;
                double shaft_y = tl_len > 0 ? ey - ty / tl_len * head * 0.7 : ey;

                cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
                cairo_move_to (cr, sx, sy);
                cairo_curve_to (cr, sx + (cx - sx) * 2 / 3, sy + (cy - sy) * 2 / 3,
                                shaft_x + (cx - shaft_x) * 2 / 3, shaft_y + (cy - shaft_y) * 2 / 3,
                                shaft_x, shaft_y);
                cairo_stroke (cr);

                arrow_head (cr, ex, ey, tx, ty, head);
                if (pass == 1)
                  {
                    cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
                    cairo_stroke_preserve (cr);
                  }
                cairo_fill (cr);
              }
            }
}

static void
draw_cell_text (cairo_t                  *cr,
                PangoContext             *context,
                const Layout             *lo,
                AimsMatrix               *matrix,
                AimsHeatmapCounts        *counts,
                const AimsHeatmapOptions *options,
                const AimsRenderStyle    *style)
{
  guint n_l = aims_matrix_get_n_steps (matrix, AIMS_MATRIX_LIKELIHOOD);
  guint n_i = aims_matrix_get_n_steps (matrix, AIMS_MATRIX_IMPACT);

  for (guint l = 1; l <= n_l; l++)
    for (guint i = 1; i <= n_i; i++)
      {
        int level = aims_matrix_lookup (matrix, l, i);
        Rgb ink = text_colour_on (level_colour (matrix, options->palette, level));
        cairo_rectangle_t r;
        double pad;
        double name_size;
        double name_band = 0.0;
        guint count = 0;

        cell_rect (lo, options, l, i, &r);
        pad = MAX (1.0, MIN (r.width, r.height) * 0.06);

        /* The level's name, small, at the foot of the cell: the meaning
         * never rests on colour alone. Left out only where it would be
         * too small to read (the legend still names every colour). */
        name_size = MIN (lo->base * 0.8, r.height * 0.2);
        if (level >= 0 && name_size >= 5.0)
          {
            g_autoptr(PangoLayout) name = NULL;
            double name_h;

            name = create_text (context, style, name_size, PANGO_WEIGHT_NORMAL,
                                aims_matrix_get_level_name (matrix, (guint) level));
            constrain_text (name, r.width - 2 * pad, 1);
            pango_layout_set_alignment (name, PANGO_ALIGN_CENTER);
            text_size (name, NULL, &name_h);
            name_band = name_h + pad;
            set_rgba (cr, ink, 0.85);
            cairo_move_to (cr, r.x + pad, r.y + r.height - name_band);
            pango_cairo_show_layout (cr, name);
          }

        if (counts != NULL)
          count = aims_heatmap_counts_get (counts, options->mode, l, i);

        if (count > 0)
          {
            g_autofree char *digits = g_strdup_printf ("%u", count);
            g_autoptr(PangoLayout) number = NULL;
            double avail_h = r.height - name_band - pad;
            double avail_w = r.width - 2 * pad;
            double size = MIN (avail_h * 0.5, lo->base * 3.0);
            double nw;
            double nh;

            if (size < 3.0 || avail_w < 3.0)
              continue;

            number = create_text (context, style, size, PANGO_WEIGHT_BOLD, digits);
            text_size (number, &nw, &nh);
            if (nw > avail_w * 0.75)
              {
                g_clear_object (&number);
                size *= avail_w * 0.75 / nw;
                number = create_text (context, style, size, PANGO_WEIGHT_BOLD, digits);
                text_size (number, &nw, &nh);
              }

            set_rgba (cr, ink, 1.0);
            cairo_move_to (cr, r.x + (r.width - nw) / 2.0,
                           r.y + pad / 2 + (avail_h - nh) / 2.0 + (name_band > 0 ? pad * 0.5 : 0));
            pango_cairo_show_layout (cr, number);
          }
      }
}

static void
draw_labels (cairo_t                  *cr,
             PangoContext             *context,
             const Layout             *lo,
             AimsMatrix               *matrix,
             const AimsHeatmapOptions *options,
             const AimsRenderStyle    *style,
             Rgb                       fg)
{
  AimsMatrixAxis rows = row_axis (options);
  AimsMatrixAxis cols = col_axis (options);
  double pitch_w = lo->grid.width / lo->n_cols;
  double pitch_h = lo->grid.height / lo->n_rows;

  /* Title */
  if (lo->title.width > 0)
    {
      g_autoptr(PangoLayout) title = create_text (context, style, lo->title_size,
                                                  PANGO_WEIGHT_BOLD, options->title);

      constrain_text (title, lo->title.width, 1);
      pango_layout_set_alignment (title, PANGO_ALIGN_CENTER);
      set_rgba (cr, fg, 1.0);
      show_text (cr, title, lo->title.x, lo->title.y, lo->title.height);
    }

  /* Row step labels, right-aligned against the grid */
  if (lo->row_labels.width >= 1.0)
    {
      guint lines = MAX (1, (guint) floor (pitch_h / lo->label_line_height));

      set_rgba (cr, fg, 0.85);
      for (guint v = 1; v <= lo->n_rows; v++)
        {
          g_autofree char *label = step_label (matrix, rows, v);
          g_autoptr(PangoLayout) text = create_text (context, style, lo->label_size,
                                                     PANGO_WEIGHT_NORMAL, label);
          guint pos = step_position (options, rows, v, lo->n_rows);

          constrain_text (text, lo->row_labels.width, lines);
          pango_layout_set_alignment (text, PANGO_ALIGN_RIGHT);
          show_text (cr, text, lo->row_labels.x, lo->grid.y + pos * pitch_h, pitch_h);
        }
    }

  /* Column step labels, centred under their columns */
  set_rgba (cr, fg, 0.85);
  for (guint v = 1; v <= lo->n_cols; v++)
    {
      g_autofree char *label = step_label (matrix, cols, v);
      g_autoptr(PangoLayout) text = create_text (context, style, lo->col_label_size,
                                                 PANGO_WEIGHT_NORMAL, label);
      guint pos = step_position (options, cols, v, lo->n_cols);

      constrain_text (text, pitch_w - lo->col_label_pad, lo->col_label_lines);
      pango_layout_set_alignment (text, PANGO_ALIGN_CENTER);
      cairo_move_to (cr, lo->grid.x + pos * pitch_w + lo->col_label_pad / 2.0, lo->col_labels.y);
      pango_cairo_show_layout (cr, text);
    }

  /* Axis titles */
  set_rgba (cr, fg, 1.0);
  {
    g_autoptr(PangoLayout) text = create_text (context, style, lo->base, PANGO_WEIGHT_BOLD,
                                               axis_title (cols));

    constrain_text (text, lo->col_title.width, 1);
    pango_layout_set_alignment (text, PANGO_ALIGN_CENTER);
    show_text (cr, text, lo->col_title.x, lo->col_title.y, lo->col_title.height);
  }
  {
    g_autoptr(PangoLayout) text = create_text (context, style, lo->base, PANGO_WEIGHT_BOLD,
                                               axis_title (rows));
    double th;

    constrain_text (text, lo->row_title.height, 1);
    pango_layout_set_alignment (text, PANGO_ALIGN_CENTER);
    text_size (text, NULL, &th);

    cairo_save (cr);
    cairo_translate (cr, lo->row_title.x + lo->row_title.width / 2.0,
                     lo->row_title.y + lo->row_title.height / 2.0);
    cairo_rotate (cr, -G_PI / 2.0);
    cairo_move_to (cr, -lo->row_title.height / 2.0, -th / 2.0);
    pango_cairo_show_layout (cr, text);
    cairo_restore (cr);
  }
}

static void
draw_legend (cairo_t                  *cr,
             PangoContext             *context,
             const Layout             *lo,
             AimsMatrix               *matrix,
             const AimsHeatmapOptions *options,
             const AimsRenderStyle    *style,
             Rgb                       fg)
{
  double column_gap = lo->base * 1.5;
  double spacing = lo->base * 0.5;

  if (!lo->show_legend)
    return;

  for (guint entry = 0; entry < lo->legend_n_entries; entry++)
    {
      g_autoptr(PangoLayout) text = create_legend_text (context, style, lo->legend_size, matrix,
                                                        entry);
      guint column = entry % lo->legend_cols;
      guint line = entry / lo->legend_cols;
      double x = lo->legend.x + column * (lo->legend_entry_width + column_gap);
      double y = lo->legend.y + line * lo->legend_entry_height;
      double h = lo->legend_entry_height;
      double s = lo->swatch;
      double sy = y + (h - s) / 2.0;
      guint level = 0;

      /* Entries that do not fit the height are left out, never overlapped */
      if (y + h > lo->legend.y + lo->legend.height + 0.5)
        break;

      switch (legend_entry (matrix, entry, &level))
        {
        case ENTRY_LEVEL:
          set_rgba (cr, level_colour (matrix, options->palette, (int) level), 1.0);
          cairo_rectangle (cr, x + s * 0.5, sy, s, s);
          cairo_fill_preserve (cr);
          set_rgba (cr, fg, 0.35);
          cairo_set_line_width (cr, 1.0);
          cairo_stroke (cr);
          break;

        case ENTRY_TOLERANCE:
          set_rgba (cr, fg, 1.0);
          cairo_set_line_width (cr, lo->tolerance_width);
          cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
          cairo_move_to (cr, x, y + h / 2.0);
          cairo_line_to (cr, x + s * 2, y + h / 2.0);
          cairo_stroke (cr);
          break;

        case ENTRY_MOVES:
        default:
          set_rgba (cr, fg, 1.0);
          cairo_set_line_width (cr, MAX (1.2, lo->base * 0.15));
          cairo_move_to (cr, x, y + h / 2.0);
          cairo_line_to (cr, x + s * 1.4, y + h / 2.0);
          cairo_stroke (cr);
          arrow_head (cr, x + s * 2, y + h / 2.0, 1.0, 0.0, s * 0.65);
          cairo_fill (cr);
          break;
        }

      constrain_text (text, lo->legend_entry_width - s * 2 - spacing, 1);
      set_rgba (cr, fg, 1.0);
      show_text (cr, text, x + s * 2 + spacing, y, h);
    }
}

static void
draw_focus (cairo_t                  *cr,
            const Layout             *lo,
            AimsMatrix               *matrix,
            const AimsHeatmapOptions *options,
            Rgb                       fg,
            Rgb                       bg)
{
  guint n_l = aims_matrix_get_n_steps (matrix, AIMS_MATRIX_LIKELIHOOD);
  guint n_i = aims_matrix_get_n_steps (matrix, AIMS_MATRIX_IMPACT);
  double w = MAX (2.0, lo->base * 0.25);
  cairo_rectangle_t r;

  if (options->focus_likelihood < 1 || options->focus_likelihood > n_l ||
      options->focus_impact < 1 || options->focus_impact > n_i)
    return;

  cell_rect (lo, options, options->focus_likelihood, options->focus_impact, &r);

  /* A ring in the foreground colour with a ring of the background inside:
   * visible on every cell colour, light or dark theme. */
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
  cairo_set_line_width (cr, w);
  set_rgba (cr, fg, 1.0);
  cairo_rectangle (cr, r.x + w / 2, r.y + w / 2, r.width - w, r.height - w);
  cairo_stroke (cr);
  cairo_set_line_width (cr, w / 2);
  set_rgba (cr, bg, 1.0);
  cairo_rectangle (cr, r.x + w * 1.25, r.y + w * 1.25, r.width - w * 2.5, r.height - w * 2.5);
  cairo_stroke (cr);
}

/* Counts: public API */

/**
 * aims_heatmap_counts_new:
 * @n_likelihood: the matrix's likelihood steps (3 … 7)
 * @n_impact: its impact steps (3 … 7)
 *
 * Creates empty counts for a matrix of that size.
 *
 * Returns: (transfer full): the counts
 */
AimsHeatmapCounts *
aims_heatmap_counts_new (guint n_likelihood,
                         guint n_impact)
{
  AimsHeatmapCounts *self;
  guint n_cells;

  g_return_val_if_fail (n_likelihood >= AIMS_MATRIX_MIN_STEPS &&
                        n_likelihood <= AIMS_MATRIX_MAX_STEPS, NULL);
  g_return_val_if_fail (n_impact >= AIMS_MATRIX_MIN_STEPS &&
                        n_impact <= AIMS_MATRIX_MAX_STEPS, NULL);

  n_cells = n_likelihood * n_impact;
  self = g_new0 (AimsHeatmapCounts, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->n_likelihood = n_likelihood;
  self->n_impact = n_impact;
  self->inherent = g_new0 (guint, n_cells);
  self->residual = g_new0 (guint, n_cells);
  self->moves = g_new0 (guint, n_cells * n_cells);

  return self;
}

/**
 * aims_heatmap_counts_ref:
 * @self: the counts
 *
 * Returns: (transfer full): @self
 */
AimsHeatmapCounts *
aims_heatmap_counts_ref (AimsHeatmapCounts *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

/**
 * aims_heatmap_counts_unref:
 * @self: (transfer full): the counts
 *
 * Drops a reference, freeing the counts with the last one.
 */
void
aims_heatmap_counts_unref (AimsHeatmapCounts *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_free (self->inherent);
      g_free (self->residual);
      g_free (self->moves);
      g_free (self);
    }
}

/**
 * aims_heatmap_counts_add:
 * @self: the counts
 * @inherent_likelihood: the risk's inherent likelihood (1 … n)
 * @inherent_impact: its inherent impact (1 … n)
 * @residual_likelihood: its residual likelihood, or 0 with @residual_impact 0
 *   when no residual is set
 * @residual_impact: its residual impact, or 0
 *
 * Counts one risk. Where no residual is set, the risk counts at its inherent
 * position in the residual view too, and has not moved. A risk with a value
 * outside the matrix (other than the 0, 0 of "no residual") is not counted.
 */
void
aims_heatmap_counts_add (AimsHeatmapCounts *self,
                         guint              inherent_likelihood,
                         guint              inherent_impact,
                         guint              residual_likelihood,
                         guint              residual_impact)
{
  guint from;
  guint to;

  g_return_if_fail (self != NULL);

  if (!counts_in_range (self, inherent_likelihood, inherent_impact))
    return;

  if (residual_likelihood == 0 && residual_impact == 0)
    {
      residual_likelihood = inherent_likelihood;
      residual_impact = inherent_impact;
    }
  else if (!counts_in_range (self, residual_likelihood, residual_impact))
    return;

  from = cell_index (self, inherent_likelihood, inherent_impact);
  to = cell_index (self, residual_likelihood, residual_impact);

  self->inherent[from]++;
  self->residual[to]++;
  if (from != to)
    self->moves[from * self->n_likelihood * self->n_impact + to]++;
  self->total++;
}

/**
 * aims_heatmap_counts_get:
 * @self: the counts
 * @mode: %AIMS_HEATMAP_INHERENT, or %AIMS_HEATMAP_RESIDUAL or
 *   %AIMS_HEATMAP_BOTH for the residual positions
 * @likelihood: the cell's likelihood (1 … n)
 * @impact: its impact (1 … n)
 *
 * Returns: the number of risks in the cell; 0 outside the matrix
 */
guint
aims_heatmap_counts_get (AimsHeatmapCounts *self,
                         AimsHeatmapMode    mode,
                         guint              likelihood,
                         guint              impact)
{
  g_return_val_if_fail (self != NULL, 0);

  if (!counts_in_range (self, likelihood, impact))
    return 0;

  if (mode == AIMS_HEATMAP_INHERENT)
    return self->inherent[cell_index (self, likelihood, impact)];
  return self->residual[cell_index (self, likelihood, impact)];
}

/**
 * aims_heatmap_counts_get_move:
 * @self: the counts
 * @from_likelihood: the inherent likelihood
 * @from_impact: the inherent impact
 * @to_likelihood: the residual likelihood
 * @to_impact: the residual impact
 *
 * Returns: how many risks moved from the first cell to the second (another
 *   cell); 0 for the same cell or outside the matrix
 */
guint
aims_heatmap_counts_get_move (AimsHeatmapCounts *self,
                              guint              from_likelihood,
                              guint              from_impact,
                              guint              to_likelihood,
                              guint              to_impact)
{
  guint from;
  guint to;

  g_return_val_if_fail (self != NULL, 0);

  if (!counts_in_range (self, from_likelihood, from_impact) ||
      !counts_in_range (self, to_likelihood, to_impact))
    return 0;

  from = cell_index (self, from_likelihood, from_impact);
  to = cell_index (self, to_likelihood, to_impact);
  return self->moves[from * self->n_likelihood * self->n_impact + to];
}

/**
 * aims_heatmap_counts_get_total:
 * @self: the counts
 *
 * Returns: the number of risks counted
 */
guint
aims_heatmap_counts_get_total (AimsHeatmapCounts *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->total;
}

/* Drawing: public API */

/**
 * aims_render_style_default:
 *
 * The light style exports use: near-black on white, the default sans-serif,
 * scale 1.
 *
 * Returns: (transfer none): the style
 */
const AimsRenderStyle *
aims_render_style_default (void)
{
  return &default_style;
}

/**
 * aims_heatmap_options_init:
 * @options: (out caller-allocates): the options to fill
 *
 * Sets the defaults: residual positions, the matrix's colours, likelihood
 * down the side with the highest at the top, a legend, no title and no
 * focused cell.
 */
void
aims_heatmap_options_init (AimsHeatmapOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->mode = AIMS_HEATMAP_RESIDUAL;
  options->palette = AIMS_HEATMAP_PALETTE_MATRIX;
  options->show_legend = TRUE;
}

/**
 * aims_heatmap_dup_level_colour:
 * @matrix: the risk matrix
 * @palette: the palette the heatmap is drawn with
 * @level: a level of @matrix (0 … n-1); anything else is "unassigned"
 *
 * The colour a level's cells and legend swatch are painted in: the level's
 * own colour, or its place on the colour-blind-safe ramp. Lets a widget or
 * report match the heatmap (or a test check its pixels).
 *
 * Returns: (transfer full): "#rrggbb"
 */
char *
aims_heatmap_dup_level_colour (AimsMatrix         *matrix,
                               AimsHeatmapPalette  palette,
                               int                 level)
{
  Rgb c;

  g_return_val_if_fail (AIMS_IS_MATRIX (matrix), NULL);

  c = level_colour (matrix, palette, level);
  return g_strdup_printf ("#%02x%02x%02x", (guint) lround (c.r * 255), (guint) lround (c.g * 255),
                          (guint) lround (c.b * 255));
}

/**
 * aims_heatmap_draw:
 * @cr: where to draw
 * @width: the width to fill, in @cr's user units
 * @height: the height to fill
 * @matrix: the risk matrix
 * @counts: (nullable): the risks per cell; %NULL draws the matrix alone
 * @options: what to draw
 * @style: (nullable): colours and type; %NULL for aims_render_style_default()
 *
 * Draws the heatmap into the rectangle (0, 0, @width, @height) of @cr: the
 * cells in their levels' colours, each with its level's name and number of
 * risks, the step labels and axis titles, the tolerance boundary as a thick
 * line, the legend and (in %AIMS_HEATMAP_BOTH mode) arrows from inherent to
 * residual cells. The same routine serves the screen and every file format.
 * @counts must have the size of @matrix; cells outside it count 0.
 */
void
aims_heatmap_draw (cairo_t                  *cr,
                   double                    width,
                   double                    height,
                   AimsMatrix               *matrix,
                   AimsHeatmapCounts        *counts,
                   const AimsHeatmapOptions *options,
                   const AimsRenderStyle    *style)
{
  g_autoptr(GObject) context = NULL;
  Layout lo;
  Rgb fg;
  Rgb bg;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (AIMS_IS_MATRIX (matrix));
  g_return_if_fail (options != NULL);

  if (style == NULL)
    style = &default_style;
  if (!check_args (width, height, matrix, options))
    return;

  fg = rgb_or (style->foreground, (Rgb) { 0.12, 0.12, 0.12 });
  bg = rgb_or (style->background, (Rgb) { 1, 1, 1 });
  context = (GObject *) create_text_context ();
  compute_layout (&lo, PANGO_CONTEXT (context), width, height, matrix, options, style);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  set_rgba (cr, bg, 1.0);
  cairo_paint (cr);

  draw_cells (cr, &lo, matrix, options, fg);
  draw_tolerance (cr, &lo, matrix, options, fg);
  if (counts != NULL && options->mode == AIMS_HEATMAP_BOTH)
    draw_moves (cr, &lo, matrix, counts, options, fg, bg);
  draw_cell_text (cr, PANGO_CONTEXT (context), &lo, matrix, counts, options, style);
  draw_labels (cr, PANGO_CONTEXT (context), &lo, matrix, options, style, fg);
  draw_legend (cr, PANGO_CONTEXT (context), &lo, matrix, options, style, fg);
  draw_focus (cr, &lo, matrix, options, fg, bg);

  cairo_restore (cr);
}

/**
 * aims_heatmap_get_cell_rect:
 * @width: the width the heatmap is drawn at
 * @height: its height
 * @matrix: the risk matrix
 * @options: the options it is drawn with
 * @style: (nullable): its style; %NULL for aims_render_style_default()
 * @likelihood: the cell's likelihood (1 … n)
 * @impact: its impact (1 … n)
 * @rect: (out): where the cell is painted
 *
 * Finds where aims_heatmap_draw() paints a cell (for focus rings, tooltips
 * and accessibility), from the same layout as the drawing.
 *
 * Returns: %TRUE if the cell exists
 */
gboolean
aims_heatmap_get_cell_rect (double                    width,
                            double                    height,
                            AimsMatrix               *matrix,
                            const AimsHeatmapOptions *options,
                            const AimsRenderStyle    *style,
                            guint                     likelihood,
                            guint                     impact,
                            cairo_rectangle_t        *rect)
{
  g_autoptr(GObject) context = NULL;
  Layout lo;

  g_return_val_if_fail (AIMS_IS_MATRIX (matrix), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  if (style == NULL)
    style = &default_style;
  if (!check_args (width, height, matrix, options) ||
      likelihood < 1 || likelihood > aims_matrix_get_n_steps (matrix, AIMS_MATRIX_LIKELIHOOD) ||
      impact < 1 || impact > aims_matrix_get_n_steps (matrix, AIMS_MATRIX_IMPACT))
    return FALSE;

  context = (GObject *) create_text_context ();
  compute_layout (&lo, PANGO_CONTEXT (context), width, height, matrix, options, style);
  cell_rect (&lo, options, likelihood, impact, rect);
  return TRUE;
}

/**
 * aims_heatmap_hit_test:
 * @width: the width the heatmap is drawn at
 * @height: its height
 * @matrix: the risk matrix
 * @options: the options it is drawn with
 * @style: (nullable): its style; %NULL for aims_render_style_default()
 * @x: a point, in the drawing's user units
 * @y: the point's y
 * @likelihood: (out) (optional): the likelihood of the cell under the point
 * @impact: (out) (optional): its impact
 *
 * Finds the cell under a point, from the same layout as the drawing. The
 * thin gap between cells belongs to the nearest cell, so a click never
 * falls between two.
 *
 * Returns: %TRUE if the point is on the grid
 */
gboolean
aims_heatmap_hit_test (double                    width,
                       double                    height,
                       AimsMatrix               *matrix,
                       const AimsHeatmapOptions *options,
                       const AimsRenderStyle    *style,
                       double                    x,
                       double                    y,
                       guint                    *likelihood,
                       guint                    *impact)
{
  g_autoptr(GObject) context = NULL;
  guint n_l;
  guint n_i;
  Layout lo;

  g_return_val_if_fail (AIMS_IS_MATRIX (matrix), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);

  if (style == NULL)
    style = &default_style;
  if (!check_args (width, height, matrix, options))
    return FALSE;

  context = (GObject *) create_text_context ();
  compute_layout (&lo, PANGO_CONTEXT (context), width, height, matrix, options, style);
  n_l = aims_matrix_get_n_steps (matrix, AIMS_MATRIX_LIKELIHOOD);
  n_i = aims_matrix_get_n_steps (matrix, AIMS_MATRIX_IMPACT);

  for (guint l = 1; l <= n_l; l++)
    for (guint i = 1; i <= n_i; i++)
      {
        cairo_rectangle_t r;

        /* The cell with its half of the gap around it */
        cell_rect (&lo, options, l, i, &r);
        if (x >= r.x - lo.gap / 2.0 && x < r.x + r.width + lo.gap / 2.0 &&
            y >= r.y - lo.gap / 2.0 && y < r.y + r.height + lo.gap / 2.0)
          {
            if (likelihood != NULL)
              *likelihood = l;
            if (impact != NULL)
              *impact = i;
            return TRUE;
          }
      }

  return FALSE;
}

/* Files */

typedef enum
{
  FORMAT_UNKNOWN,
  FORMAT_PNG,
  FORMAT_SVG,
  FORMAT_PDF,
} Format;

static Format
format_for_path (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  const char *dot = strrchr (base, '.');

  if (dot == NULL || dot == base)
    return FORMAT_UNKNOWN;
  if (g_ascii_strcasecmp (dot, ".png") == 0)
    return FORMAT_PNG;
  if (g_ascii_strcasecmp (dot, ".svg") == 0)
    return FORMAT_SVG;
  if (g_ascii_strcasecmp (dot, ".pdf") == 0)
    return FORMAT_PDF;
  return FORMAT_UNKNOWN;
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static void
set_write_error (GError     **error,
                 GFileError   code,
                 const char  *path,
                 const char  *detail)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *folder_display = g_filename_display_name (folder);
  GIOErrorEnum io_code = g_io_error_from_file_error (code);

  /* (int): the other codes all take the default */
  switch ((int) code)
    {
    case G_FILE_ERROR_ACCES:
    case G_FILE_ERROR_PERM:
    case G_FILE_ERROR_ROFS:
      g_set_error (error, G_IO_ERROR, io_code,
                   _("“%s” could not be written: the folder “%s” cannot be written to. "
                     "Choose another folder."),
                   display, folder_display);
      break;

    case G_FILE_ERROR_NOSPC:
      g_set_error (error, G_IO_ERROR, io_code,
                   _("“%s” could not be written: the disk is full. Free some space, or choose "
                     "another folder."),
                   display);
      break;

    case G_FILE_ERROR_NOENT:
    case G_FILE_ERROR_NOTDIR:
      g_set_error (error, G_IO_ERROR, io_code,
                   _("“%s” could not be written: there is no folder “%s”."),
                   display, folder_display);
      break;

    case G_FILE_ERROR_ISDIR:
      g_set_error (error, G_IO_ERROR, io_code,
                   _("“%s” could not be written: it is a folder. Choose another name."),
                   display);
      break;

    default:
      g_set_error (error, G_IO_ERROR, io_code,
                   _("“%s” could not be written: %s"), display, detail);
      break;
    }
}

/**
 * aims_heatmap_write_file:
 * @path: the file to write; its extension (.png, .svg or .pdf, in any case)
 *   chooses the format
 * @width: the picture's width: pixels for SVG, points for PDF (the page is
 *   @width × @height points), and for PNG half the width in pixels
 * @height: its height
 * @matrix: the risk matrix
 * @counts: (nullable): the risks per cell
 * @options: what to draw
 * @error: return location for a #GError
 *
 * Draws the heatmap with aims_render_style_default() into a file. A PNG is
 * drawn at a device scale of 2, so it is 2·@width × 2·@height pixels: crisp
 * on high-density screens and projectors, and the same picture as on screen.
 *
 * The whole file is rendered in memory first, then written to a temporary
 * file in the same folder and renamed over @path: a failure leaves @path as
 * it was and no partial file. Errors are %G_IO_ERROR, with a message that
 * names the file.
 *
 * Returns: %TRUE on success
 */
gboolean
aims_heatmap_write_file (const char                *path,
                         double                     width,
                         double                     height,
                         AimsMatrix                *matrix,
                         AimsHeatmapCounts         *counts,
                         const AimsHeatmapOptions  *options,
                         GError                   **error)
{
  g_autoptr(GByteArray) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  cairo_surface_t *surface = NULL;
  cairo_status_t status;
  cairo_t *cr;
  Format format;
  struct stat st;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (AIMS_IS_MATRIX (matrix), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  format = format_for_path (path);
  if (format == FORMAT_UNKNOWN)
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” could not be written: the heatmap can be saved as PNG, SVG or "
                     "PDF. Use a name ending in .png, .svg or .pdf."),
                   display);
      return FALSE;
    }

  if (!(width >= 1.0 && width <= MAX_FILE_SIZE && height >= 1.0 && height <= MAX_FILE_SIZE))
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” could not be written: a heatmap is 1 to %.0f units on a side."),
                   display, MAX_FILE_SIZE);
      return FALSE;
    }

  if (g_stat (path, &st) == 0 && S_ISDIR (st.st_mode))
    {
      set_write_error (error, G_FILE_ERROR_ISDIR, path, NULL);
      return FALSE;
    }

  bytes = g_byte_array_new ();
  switch (format)
    {
    case FORMAT_PNG:
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                            (int) ceil (width * PNG_DEVICE_SCALE),
                                            (int) ceil (height * PNG_DEVICE_SCALE));
      cairo_surface_set_device_scale (surface, PNG_DEVICE_SCALE, PNG_DEVICE_SCALE);
      break;

    case FORMAT_SVG:
      surface = cairo_svg_surface_create_for_stream (append_bytes, bytes, width, height);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
      break;

    case FORMAT_PDF:
      surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes, width, height);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "AIMS Workbench");
      if (options->title != NULL)
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, options->title);
      break;

    case FORMAT_UNKNOWN:
    default:
      g_assert_not_reached ();
    }

  cr = cairo_create (surface);
  aims_heatmap_draw (cr, width, height, matrix, counts, options, aims_render_style_default ());
  cairo_show_page (cr);
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (status == CAIRO_STATUS_SUCCESS && format == FORMAT_PNG)
    {
      cairo_surface_flush (surface);
      status = cairo_surface_write_to_png_stream (surface, append_bytes, bytes);
    }
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      set_write_error (error, G_FILE_ERROR_FAILED, path, cairo_status_to_string (status));
      return FALSE;
    }

  /* A temporary file beside @path, flushed and renamed over it; removed if
   * anything fails. */
  if (!g_file_set_contents_full (path, (const char *) bytes->data, bytes->len,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0666, &local_error))
    {
      GFileError code = local_error->domain == G_FILE_ERROR ? local_error->code
                                                             : G_FILE_ERROR_FAILED;

      set_write_error (error, code, path, local_error->message);
      return FALSE;
    }

  return TRUE;
}
