/* aims-pdf-layout.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The layout helpers of the printed documents (the impact assessment, the
 * review pack): paragraphs that break across pages line by line, headings
 * with their rule, labels beside their values, table rows, and the footer
 * with the page number, so that every document looks the same. */

#define G_LOG_DOMAIN "aims-pdf"

#include "config.h"

#include "aims-pdf-layout-private.h"

#include <glib/gi18n.h>

PangoLayout *
_aims_pdf_new_layout (AimsPdfDoc *doc,
                      const char *font,
                      double      width,
                      const char *text)
{
  PangoLayout *layout = pango_cairo_create_layout (doc->cr);
  PangoFontDescription *desc = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);

  return layout;
}

double
_aims_pdf_layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

void
_aims_pdf_draw_footer (AimsPdfDoc *doc)
{
  g_autofree char *right = NULL;
  g_autoptr(PangoLayout) layout = NULL;

  /* Translators: a page number: Page 2 of 7 */
  right = g_strdup_printf (_("Page %u of %u"), doc->page,
                           doc->n_pages > 0 ? doc->n_pages : doc->page);

  cairo_save (doc->cr);
  cairo_set_source_rgb (doc->cr, 0.4, 0.4, 0.4);
  cairo_set_line_width (doc->cr, 0.5);
  cairo_move_to (doc->cr, AIMS_PDF_MARGIN, AIMS_PDF_PAGE_HEIGHT - AIMS_PDF_MARGIN - 10);
  cairo_line_to (doc->cr, AIMS_PDF_PAGE_WIDTH - AIMS_PDF_MARGIN,
                 AIMS_PDF_PAGE_HEIGHT - AIMS_PDF_MARGIN - 10);
  cairo_stroke (doc->cr);

  layout = _aims_pdf_new_layout (doc, AIMS_PDF_FONT_SMALL, AIMS_PDF_CONTENT_W * 0.7,
                                 doc->footer != NULL ? doc->footer : "");
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  cairo_move_to (doc->cr, AIMS_PDF_MARGIN, AIMS_PDF_PAGE_HEIGHT - AIMS_PDF_MARGIN - 4);
  pango_cairo_show_layout (doc->cr, layout);
  g_clear_object (&layout);

  layout = _aims_pdf_new_layout (doc, AIMS_PDF_FONT_SMALL, AIMS_PDF_CONTENT_W, right);
  pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
  cairo_move_to (doc->cr, AIMS_PDF_MARGIN, AIMS_PDF_PAGE_HEIGHT - AIMS_PDF_MARGIN - 4);
  pango_cairo_show_layout (doc->cr, layout);
  cairo_restore (doc->cr);
}

void
_aims_pdf_new_page (AimsPdfDoc *doc)
{
  _aims_pdf_draw_footer (doc);
  cairo_show_page (doc->cr);
  doc->page++;
  doc->y = AIMS_PDF_MARGIN;
}

void
_aims_pdf_ensure_space (AimsPdfDoc *doc,
                        double      height)
{
  if (doc->y + height > AIMS_PDF_BOTTOM && doc->y > AIMS_PDF_MARGIN)
    _aims_pdf_new_page (doc);
}

/* Draws a paragraph at @x, @width, line by line, breaking pages between
 * lines. */
void
_aims_pdf_draw_paragraph (AimsPdfDoc *doc,
                          const char *font,
                          double      x,
                          double      width,
                          const char *text,
                          double      gray)
{
  g_autoptr(PangoLayout) layout = _aims_pdf_new_layout (doc, font, width, text);
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  cairo_save (doc->cr);
  cairo_set_source_rgb (doc->cr, gray, gray, gray);
  do
    {
      PangoRectangle logical;
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      int baseline = pango_layout_iter_get_baseline (iter);
      double height, ascent;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      height = (double) logical.height / PANGO_SCALE;
      ascent = (double) (baseline - logical.y) / PANGO_SCALE;

      if (doc->y + height > AIMS_PDF_BOTTOM)
        {
          cairo_restore (doc->cr);
          _aims_pdf_new_page (doc);
          cairo_save (doc->cr);
          cairo_set_source_rgb (doc->cr, gray, gray, gray);
        }

      cairo_move_to (doc->cr, x, doc->y + ascent);
      pango_cairo_show_layout_line (doc->cr, line);
      doc->y += height;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  cairo_restore (doc->cr);
}

void
_aims_pdf_draw_rule (AimsPdfDoc *doc,
                     double      y,
                     double      width)
{
  cairo_save (doc->cr);
  cairo_set_source_rgb (doc->cr, 0.21, 0.52, 0.89);
  cairo_set_line_width (doc->cr, width);
  cairo_move_to (doc->cr, AIMS_PDF_MARGIN, y);
  cairo_line_to (doc->cr, AIMS_PDF_PAGE_WIDTH - AIMS_PDF_MARGIN, y);
  cairo_stroke (doc->cr);
  cairo_restore (doc->cr);
}

void
_aims_pdf_draw_heading (AimsPdfDoc *doc,
                        const char *title)
{
  _aims_pdf_ensure_space (doc, 80);
  doc->y += 10;
  _aims_pdf_draw_paragraph (doc, AIMS_PDF_FONT_HEADING, AIMS_PDF_MARGIN, AIMS_PDF_CONTENT_W,
                            title, 0.1);
  _aims_pdf_draw_rule (doc, doc->y + 3, 1.2);
  doc->y += 10;
}

/* A thin line from @x0 to @x1 at @y, in a gray. */
void
_aims_pdf_draw_line (AimsPdfDoc *doc,
                     double      x0,
                     double      x1,
                     double      y,
                     double      width,
                     double      gray)
{
  cairo_save (doc->cr);
  cairo_set_source_rgb (doc->cr, gray, gray, gray);
  cairo_set_line_width (doc->cr, width);
  cairo_move_to (doc->cr, x0, y);
  cairo_line_to (doc->cr, x1, y);
  cairo_stroke (doc->cr);
  cairo_restore (doc->cr);
}

/* A label in bold gray at @label_x, AIMS_PDF_LABEL_W wide, and its value
 * beside it at @value_x, as on a cover or in an approval block; then the
 * next line, @spacing below the taller of the two. An empty value shows as
 * a dash. The pair stays on one page: it is not broken. */
void
_aims_pdf_draw_label_value (AimsPdfDoc *doc,
                            double      label_x,
                            double      value_x,
                            double      value_width,
                            const char *label,
                            const char *value,
                            double      spacing)
{
  g_autoptr(PangoLayout) label_layout = _aims_pdf_new_layout (doc, AIMS_PDF_FONT_LABEL,
                                                              AIMS_PDF_LABEL_W, label);
  g_autoptr(PangoLayout) value_layout = _aims_pdf_new_layout (doc, AIMS_PDF_FONT_BODY,
                                                              value_width,
                                                              value != NULL && *value != '\0'
                                                              ? value : "—");

  cairo_save (doc->cr);
  cairo_set_source_rgb (doc->cr, 0.25, 0.25, 0.25);
  cairo_move_to (doc->cr, label_x, doc->y);
  pango_cairo_show_layout (doc->cr, label_layout);
  cairo_set_source_rgb (doc->cr, 0, 0, 0);
  cairo_move_to (doc->cr, value_x, doc->y);
  pango_cairo_show_layout (doc->cr, value_layout);
  cairo_restore (doc->cr);

  doc->y += MAX (_aims_pdf_layout_height (label_layout),
                 _aims_pdf_layout_height (value_layout)) + spacing;
}

/* One row of a table whose columns, @widths wide, start at the left margin:
 * each cell wrapped in its column, a shaded band behind a @header row and a
 * rule of @rule_width below. A row that does not fit the rest of the page
 * is not drawn: -1 tells the caller to start a page (and repeat the header)
 * first. A row taller than a page is cut by the page, never refused twice.
 *
 * Returns: the row's height, or -1 */
double
_aims_pdf_draw_table_row (AimsPdfDoc        *doc,
                          const double      *widths,
                          guint              n_columns,
                          const char *const *cells,
                          const char        *font,
                          gboolean           header,
                          double             rule_width)
{
  g_autoptr(GPtrArray) layouts = g_ptr_array_new_with_free_func (g_object_unref);
  double height = 0;
  double x = AIMS_PDF_MARGIN;

  for (guint i = 0; i < n_columns; i++)
    {
      PangoLayout *layout = _aims_pdf_new_layout (doc, font, widths[i] - 6, cells[i]);

      height = MAX (height, _aims_pdf_layout_height (layout));
      g_ptr_array_add (layouts, layout);
    }
  height += 6;

  if (doc->y + height > AIMS_PDF_BOTTOM && doc->y > AIMS_PDF_MARGIN + 40)
    return -1;

  cairo_save (doc->cr);
  if (header)
    {
      cairo_set_source_rgb (doc->cr, 0.92, 0.93, 0.95);
      cairo_rectangle (doc->cr, AIMS_PDF_MARGIN, doc->y, AIMS_PDF_CONTENT_W, height);
      cairo_fill (doc->cr);
    }

  cairo_set_source_rgb (doc->cr, 0, 0, 0);
  for (guint i = 0; i < layouts->len; i++)
    {
      cairo_move_to (doc->cr, x + 3, doc->y + 3);
      pango_cairo_show_layout (doc->cr, g_ptr_array_index (layouts, i));
      x += widths[i];
    }
  cairo_restore (doc->cr);

  _aims_pdf_draw_line (doc, AIMS_PDF_MARGIN, AIMS_PDF_MARGIN + AIMS_PDF_CONTENT_W,
                       doc->y + height, rule_width, 0.75);

  doc->y += height;
  return height;
}
