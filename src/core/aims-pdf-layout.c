/* aims-pdf-layout.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The layout helpers of the printed documents: paragraphs that break
 * across pages line by line, headings with their rule, and the footer with
 * the page number. Taken from the impact assessment's PDF so the review
 * pack looks the same. */

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
