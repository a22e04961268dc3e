/* aims-pdf-layout-private.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>
#include <pango/pangocairo.h>

G_BEGIN_DECLS

/* The house layout of the printed documents (the impact assessment, the
 * review pack): A4 portrait in points, 2 cm margins, a footer with "page N
 * of M", Sans in the sizes below. */
#define AIMS_PDF_PAGE_WIDTH   595.0
#define AIMS_PDF_PAGE_HEIGHT  842.0
#define AIMS_PDF_MARGIN       56.0
#define AIMS_PDF_FOOTER       28.0
#define AIMS_PDF_CONTENT_W    (AIMS_PDF_PAGE_WIDTH - 2 * AIMS_PDF_MARGIN)
#define AIMS_PDF_BOTTOM       (AIMS_PDF_PAGE_HEIGHT - AIMS_PDF_MARGIN - AIMS_PDF_FOOTER)

#define AIMS_PDF_FONT_BODY    "Sans 9.5"
#define AIMS_PDF_FONT_SMALL   "Sans 8"
#define AIMS_PDF_FONT_LABEL   "Sans Bold 9.5"
#define AIMS_PDF_FONT_HEADING "Sans Bold 13"
#define AIMS_PDF_FONT_TITLE   "Sans Bold 24"
#define AIMS_PDF_FONT_TABLE_HEADER "Sans Bold 8"

/* The width of a label beside its value (_aims_pdf_draw_label_value()) */
#define AIMS_PDF_LABEL_W      150.0

typedef struct
{
  cairo_t    *cr;
  const char *footer;     /* the footer's left side */
  guint       page;       /* 1-based */
  guint       n_pages;    /* 0 while counting */
  double      y;
} AimsPdfDoc;

PangoLayout *_aims_pdf_new_layout       (AimsPdfDoc        *doc,
                                         const char        *font,
                                         double             width,
                                         const char        *text);
double       _aims_pdf_layout_height    (PangoLayout       *layout);
void         _aims_pdf_draw_footer      (AimsPdfDoc        *doc);
void         _aims_pdf_new_page         (AimsPdfDoc        *doc);
void         _aims_pdf_ensure_space     (AimsPdfDoc        *doc,
                                         double             height);
void         _aims_pdf_draw_paragraph   (AimsPdfDoc        *doc,
                                         const char        *font,
                                         double             x,
                                         double             width,
                                         const char        *text,
                                         double             gray);
void         _aims_pdf_draw_heading     (AimsPdfDoc        *doc,
                                         const char        *title);
void         _aims_pdf_draw_rule        (AimsPdfDoc        *doc,
                                         double             y,
                                         double             width);
void         _aims_pdf_draw_line        (AimsPdfDoc        *doc,
                                         double             x0,
                                         double             x1,
                                         double             y,
                                         double             width,
                                         double             gray);
void         _aims_pdf_draw_label_value (AimsPdfDoc        *doc,
                                         double             label_x,
                                         double             value_x,
                                         double             value_width,
                                         const char        *label,
                                         const char        *value,
                                         double             spacing);
double       _aims_pdf_draw_table_row   (AimsPdfDoc        *doc,
                                         const double      *widths,
                                         guint              n_columns,
                                         const char *const *cells,
                                         const char        *font,
                                         gboolean           header,
                                         double             rule_width);

G_END_DECLS
