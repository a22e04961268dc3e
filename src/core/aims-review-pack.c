/* aims-review-pack.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The management review pack: an A4 PDF for executives, drawn with cairo
 * and pango in the house layout of the printed documents
 * (aims-pdf-layout.c). A cover, the contents with page numbers, one page of
 * key figures, the inherent and residual heatmaps, the top risks, the
 * changes since the previous review, the open actions, the other inputs of
 * ISO/IEC 42001 9.3.2 and the review's outputs.
 *
 * The figures are the review's snapshot when its inputs were gathered, so
 * the pack shows what the review saw; otherwise they are gathered for the
 * day, in memory. The open actions are the project's as it is. The document
 * is laid out twice, first to learn where each section starts and how many
 * pages there are, then into the PDF, which is written in one step through
 * aims_export_write_file(). */

#define G_LOG_DOMAIN "aims-review-pack"

#include "config.h"

#include "aims-review-pack.h"

#include "aims-export.h"
#include "aims-heatmap.h"
#include "aims-kpi.h"
#include "aims-matrix.h"
#include "aims-pdf-layout-private.h"
#include "aims-review.h"
#include "aims-risks-private.h"
#include "aims-schema.h"
#include "aims-sqlite-private.h"
#include "aims-store-private.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <string.h>

#define MARGIN    AIMS_PDF_MARGIN
#define CONTENT_W AIMS_PDF_CONTENT_W
#define BOTTOM    AIMS_PDF_BOTTOM

#define ACTIONS_LISTED 25

typedef enum
{
  SECTION_FIGURES,
  SECTION_PROFILE,
  SECTION_TOP_RISKS,
  SECTION_CHANGES,
  SECTION_ACTIONS,
  SECTION_INPUTS,
  SECTION_OUTPUTS,
  N_SECTIONS
} Section;

static const char * const section_titles[N_SECTIONS] = {
  N_("Key Figures"),
  N_("Risk Profile"),
  N_("Top Risks"),
  N_("Changes Since the Previous Review"),
  N_("Open Actions"),
  N_("Other Inputs"),
  N_("Outputs of the Review"),
};

typedef struct
{
  AimsPdfDoc         pdf;
  AimsStore         *store;
  AimsMatrix        *matrix;
  const char        *review;       /* nullable */
  GHashTable        *record;       /* the review's fields, text by name */
  AimsReviewInputs  *inputs;
  AimsReviewInputs  *previous;     /* nullable */
  const char        *organisation;
  const char        *date;
  guint              section_pages[N_SECTIONS];
} Pack;

typedef struct
{
  const double      *widths;
  guint              n;
  const char *const *header;
} Table;

static const char *
field_text (Pack       *pack,
            const char *field)
{
  const char *text = pack->record != NULL ? g_hash_table_lookup (pack->record, field) : NULL;

  return text != NULL ? text : "";
}

static const char *
or_dash (const char *text)
{
  return text != NULL && *text != '\0' ? text : "—";
}

static const char *
choice_label (const char *table,
              const char *field,
              const char *id)
{
  const AimsFieldInfo *info = aims_table_info_lookup_field (aims_schema_lookup_table (table),
                                                            field);

  return info != NULL ? aims_choice_label (info, id) : id;
}

static void
start_section (Pack    *pack,
               Section  section)
{
  if (pack->pdf.y > MARGIN)
    _aims_pdf_new_page (&pack->pdf);
  pack->section_pages[section] = pack->pdf.page;
  _aims_pdf_draw_heading (&pack->pdf, _(section_titles[section]));
}

static void
sub_heading (Pack       *pack,
             const char *title)
{
  _aims_pdf_ensure_space (&pack->pdf, 60);
  pack->pdf.y += 6;
  _aims_pdf_draw_paragraph (&pack->pdf, AIMS_PDF_FONT_LABEL, MARGIN, CONTENT_W, title, 0.15);
  pack->pdf.y += 4;
}

static void
note (Pack       *pack,
      const char *text)
{
  _aims_pdf_draw_paragraph (&pack->pdf, AIMS_PDF_FONT_BODY, MARGIN, CONTENT_W, text, 0.35);
  pack->pdf.y += 6;
}

/* Tables */

static double
draw_row (Pack              *pack,
          const Table       *table,
          const char *const *cells,
          gboolean           header)
{
  AimsPdfDoc *doc = &pack->pdf;
  g_autoptr(GPtrArray) layouts = g_ptr_array_new_with_free_func (g_object_unref);
  double height = 0, x = MARGIN;

  for (guint i = 0; i < table->n; i++)
    {
      PangoLayout *layout = _aims_pdf_new_layout (doc, header ? "Sans Bold 8" : AIMS_PDF_FONT_SMALL,
                                                  table->widths[i] - 6, or_dash (cells[i]));

      height = MAX (height, _aims_pdf_layout_height (layout));
      g_ptr_array_add (layouts, layout);
    }
  height += 6;

  /* A row taller than a page is cut by the page; never loop on it */
  if (doc->y + height > BOTTOM && doc->y > MARGIN + 40)
    return -1;

  if (header)
    {
      cairo_set_source_rgb (doc->cr, 0.92, 0.93, 0.95);
      cairo_rectangle (doc->cr, MARGIN, doc->y, CONTENT_W, height);
      cairo_fill (doc->cr);
    }

  for (guint i = 0; i < layouts->len; i++)
    {
      cairo_set_source_rgb (doc->cr, 0, 0, 0);
      cairo_move_to (doc->cr, x + 3, doc->y + 3);
      pango_cairo_show_layout (doc->cr, g_ptr_array_index (layouts, i));
      x += table->widths[i];
    }

  cairo_set_source_rgb (doc->cr, 0.75, 0.75, 0.75);
  cairo_set_line_width (doc->cr, 0.5);
  cairo_move_to (doc->cr, MARGIN, doc->y + height);
  cairo_line_to (doc->cr, MARGIN + CONTENT_W, doc->y + height);
  cairo_stroke (doc->cr);

  doc->y += height;
  return height;
}

static void
begin_table (Pack        *pack,
             const Table *table)
{
  const char *header[8];

  _aims_pdf_ensure_space (&pack->pdf, 50);
  for (guint i = 0; i < table->n && i < G_N_ELEMENTS (header); i++)
    header[i] = _(table->header[i]);
  draw_row (pack, table, header, TRUE);
}

static void
put_row (Pack              *pack,
         const Table       *table,
         const char *const *cells)
{
  if (draw_row (pack, table, cells, FALSE) < 0)
    {
      _aims_pdf_new_page (&pack->pdf);
      begin_table (pack, table);
      draw_row (pack, table, cells, FALSE);
    }
}

/* The cover and the contents */

/* "2026-11-30T04:37:02.854115Z" as "2026-11-30 04:37 UTC" */
static char *
format_gathered (const char *iso)
{
  g_autoptr(GDateTime) time = NULL;

  if (iso == NULL || *iso == '\0' ||
      (time = g_date_time_new_from_iso8601 (iso, NULL)) == NULL)
    return g_strdup (_("Not gathered: the figures as the pack was written"));

  /* Translators: when a review's inputs were gathered, in UTC */
  return g_date_time_format (time, _("%Y-%m-%d %H:%M UTC"));
}

static void
draw_cover (Pack *pack)
{
  AimsPdfDoc *doc = &pack->pdf;
  g_autofree char *review_line = NULL;
  g_autofree char *gathered = NULL;
  const char *rows[][2] = {
    { N_("Review"), NULL },
    { N_("Date"), pack->date },
    { N_("Status"), NULL },
    { N_("Chair"), field_text (pack, "chair") },
    { N_("Attendees"), field_text (pack, "attendees") },
    { N_("Inputs gathered"), NULL },
  };

  gathered = format_gathered (pack->inputs->gathered);
  rows[5][1] = gathered;
  if (pack->review != NULL)
    {
      review_line = g_strdup_printf ("%s %s", field_text (pack, "reference"),
                                     field_text (pack, "title"));
      rows[0][1] = review_line;
      rows[2][1] = choice_label ("management_review", "status", field_text (pack, "status"));
    }
  else
    {
      rows[0][1] = _("No review recorded: the figures of the day");
    }

  doc->y = MARGIN + 120;
  _aims_pdf_draw_paragraph (doc, AIMS_PDF_FONT_SMALL, MARGIN, CONTENT_W,
                            _("ISO/IEC 42001 clause 9.3 · management review"), 0.35);
  doc->y += 8;
  _aims_pdf_draw_paragraph (doc, AIMS_PDF_FONT_TITLE, MARGIN, CONTENT_W,
                            _("Management Review Pack"), 0.05);
  doc->y += 10;
  _aims_pdf_draw_paragraph (doc, "Sans 16", MARGIN, CONTENT_W,
                            or_dash (pack->organisation), 0.2);
  doc->y += 6;
  _aims_pdf_draw_paragraph (doc, AIMS_PDF_FONT_BODY, MARGIN, CONTENT_W, pack->date, 0.35);
  doc->y += 40;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(PangoLayout) label = _aims_pdf_new_layout (doc, AIMS_PDF_FONT_LABEL, 150,
                                                           _(rows[i][0]));
      g_autoptr(PangoLayout) value = _aims_pdf_new_layout (doc, AIMS_PDF_FONT_BODY,
                                                           CONTENT_W - 160, or_dash (rows[i][1]));

      cairo_set_source_rgb (doc->cr, 0.25, 0.25, 0.25);
      cairo_move_to (doc->cr, MARGIN, doc->y);
      pango_cairo_show_layout (doc->cr, label);
      cairo_set_source_rgb (doc->cr, 0, 0, 0);
      cairo_move_to (doc->cr, MARGIN + 160, doc->y);
      pango_cairo_show_layout (doc->cr, value);
      doc->y += MAX (_aims_pdf_layout_height (label), _aims_pdf_layout_height (value)) + 6;
    }

  _aims_pdf_new_page (doc);
}

static void
draw_contents (Pack *pack)
{
  AimsPdfDoc *doc = &pack->pdf;

  _aims_pdf_draw_heading (doc, _("Contents"));
  doc->y += 6;

  for (guint i = 0; i < N_SECTIONS; i++)
    {
      g_autoptr(PangoLayout) title = NULL;
      g_autoptr(PangoLayout) page = NULL;
      g_autofree char *number = g_strdup_printf ("%u", pack->section_pages[i]);

      if (pack->section_pages[i] == 0 && doc->n_pages > 0)
        continue;

      title = _aims_pdf_new_layout (doc, "Sans 11", CONTENT_W - 60, _(section_titles[i]));
      page = _aims_pdf_new_layout (doc, "Sans 11", CONTENT_W, number);
      pango_layout_set_alignment (page, PANGO_ALIGN_RIGHT);

      cairo_set_source_rgb (doc->cr, 0.1, 0.1, 0.1);
      cairo_move_to (doc->cr, MARGIN, doc->y);
      pango_cairo_show_layout (doc->cr, title);
      cairo_move_to (doc->cr, MARGIN, doc->y);
      pango_cairo_show_layout (doc->cr, page);

      /* A dotted leader from the title to its page */
      cairo_save (doc->cr);
      cairo_set_source_rgb (doc->cr, 0.6, 0.6, 0.6);
      cairo_set_line_width (doc->cr, 0.6);
      cairo_set_dash (doc->cr, (double[]) { 1, 3 }, 2, 0);
      {
        PangoRectangle extents;

        pango_layout_get_pixel_extents (title, NULL, &extents);
        cairo_move_to (doc->cr, MARGIN + extents.width + 8, doc->y + 12);
        cairo_line_to (doc->cr, MARGIN + CONTENT_W - 24, doc->y + 12);
        cairo_stroke (doc->cr);
      }
      cairo_restore (doc->cr);

      doc->y += _aims_pdf_layout_height (title) + 10;
    }

  _aims_pdf_new_page (doc);
}

/* Key figures: one tile per figure */

typedef struct
{
  const char *label;
  char       *value;
  char       *detail;
  double      fraction;     /* < 0: no bar */
  gboolean    warning;
} Tile;

static char *
percent (guint done,
         guint total)
{
  if (total == 0)
    return g_strdup ("—");

  return g_strdup_printf ("%.0f %%", 100.0 * aims_kpi_fraction (done, total));
}

static void
draw_tile (Pack       *pack,
           const Tile *tile,
           double      x,
           double      y,
           double      width,
           double      height)
{
  cairo_t *cr = pack->pdf.cr;
  g_autoptr(PangoLayout) label = _aims_pdf_new_layout (&pack->pdf, AIMS_PDF_FONT_LABEL,
                                                       width - 24, tile->label);
  g_autoptr(PangoLayout) value = _aims_pdf_new_layout (&pack->pdf, "Sans Bold 26",
                                                       width - 24, tile->value);
  g_autoptr(PangoLayout) detail = _aims_pdf_new_layout (&pack->pdf, AIMS_PDF_FONT_SMALL,
                                                        width - 24, tile->detail);
  double ty = y + 12;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0.965, 0.97, 0.98);
  cairo_rectangle (cr, x, y, width, height);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, 0.8, 0.82, 0.86);
  cairo_set_line_width (cr, 0.6);
  cairo_stroke (cr);
  if (tile->warning)
    {
      cairo_set_source_rgb (cr, 0.90, 0.38, 0.0);
      cairo_rectangle (cr, x, y, 4, height);
      cairo_fill (cr);
    }

  cairo_set_source_rgb (cr, 0.25, 0.25, 0.25);
  cairo_move_to (cr, x + 12, ty);
  pango_cairo_show_layout (cr, label);
  ty += _aims_pdf_layout_height (label) + 4;

  cairo_set_source_rgb (cr, 0.05, 0.05, 0.05);
  cairo_move_to (cr, x + 12, ty);
  pango_cairo_show_layout (cr, value);
  ty += _aims_pdf_layout_height (value) + 4;

  if (tile->fraction >= 0)
    {
      cairo_set_source_rgb (cr, 0.85, 0.87, 0.9);
      cairo_rectangle (cr, x + 12, ty, width - 24, 5);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 0.21, 0.52, 0.89);
      cairo_rectangle (cr, x + 12, ty, (width - 24) * CLAMP (tile->fraction, 0, 1), 5);
      cairo_fill (cr);
      ty += 11;
    }

  cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
  cairo_move_to (cr, x + 12, ty);
  pango_cairo_show_layout (cr, detail);
  cairo_restore (cr);
}

static char *
incident_detail (const AimsKpi *kpi)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *mttd = aims_kpi_format_duration (kpi->mttd_minutes);
  g_autofree char *mttr = aims_kpi_format_duration (kpi->mttr_minutes);

  if (kpi->n_incidents == 0)
    return g_strdup (_("No incidents in the period."));

  /* Translators: incidents by severity on the review pack */
  g_string_append_printf (text, _("%u critical, %u high, %u medium, %u low; %u open."),
                          kpi->incidents[AIMS_KPI_INCIDENT_CRITICAL],
                          kpi->incidents[AIMS_KPI_INCIDENT_HIGH],
                          kpi->incidents[AIMS_KPI_INCIDENT_MEDIUM],
                          kpi->incidents[AIMS_KPI_INCIDENT_LOW], kpi->n_incidents_open);
  g_string_append_c (text, '\n');
  /* Translators: mean time to detect, over how many incidents: To detect: 2.5 h (mean of 3) */
  g_string_append_printf (text, _("To detect: %s (mean of %u)"), kpi->n_mttd > 0 ? mttd : "—",
                          kpi->n_mttd);
  g_string_append_c (text, '\n');
  /* Translators: mean time to resolve, over how many incidents */
  g_string_append_printf (text, _("To resolve: %s (mean of %u)"), kpi->n_mttr > 0 ? mttr : "—",
                          kpi->n_mttr);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
draw_figures (Pack *pack)
{
  const AimsKpi *kpi = pack->inputs->kpi;
  AimsPdfDoc *doc = &pack->pdf;
  g_autofree char *period = NULL;
  Tile tiles[8] = {
    { N_("Risk assessment coverage"), percent (kpi->n_covered, kpi->n_in_scope),
      g_strdup_printf (_("%u of %u in-scope AI systems have a risk assessed and a current "
                         "approved impact assessment"), kpi->n_covered, kpi->n_in_scope),
      aims_kpi_fraction (kpi->n_covered, kpi->n_in_scope), FALSE },
    { N_("Treatment implementation"), percent (kpi->n_treatment_done, kpi->n_treatment_actions),
      g_strdup_printf (_("%u of %u treatment actions done (risks mitigated, transferred or "
                         "avoided)"), kpi->n_treatment_done, kpi->n_treatment_actions),
      aims_kpi_fraction (kpi->n_treatment_done, kpi->n_treatment_actions), FALSE },
    { N_("Risks above tolerance"), g_strdup_printf ("%u", kpi->n_above_tolerance),
      g_strdup (_("Open risks whose residual level (inherent where none is set) is above the "
                  "tolerance level")), -1, kpi->n_above_tolerance > 0 },
    { N_("SoA implementation"),
      percent (kpi->n_implemented_controls, kpi->n_applicable_controls),
      g_strdup_printf (_("%u of %u applicable Annex A controls implemented"),
                       kpi->n_implemented_controls, kpi->n_applicable_controls),
      aims_kpi_fraction (kpi->n_implemented_controls, kpi->n_applicable_controls), FALSE },
    { N_("Clause readiness"), percent (kpi->n_requirements_done, kpi->n_requirements),
      g_strdup_printf (_("%u of %u clause requirements done"), kpi->n_requirements_done,
                       kpi->n_requirements),
      aims_kpi_fraction (kpi->n_requirements_done, kpi->n_requirements), FALSE },
    { N_("Open nonconformities"), g_strdup_printf ("%u", kpi->n_open_nonconformities),
      g_strdup_printf (_("%u major, %u minor, %u not graded; overdue corrective actions: %u"),
                       kpi->open_nonconformities[AIMS_KPI_NC_MAJOR],
                       kpi->open_nonconformities[AIMS_KPI_NC_MINOR],
                       kpi->open_nonconformities[AIMS_KPI_NC_UNGRADED],
                       kpi->n_corrective_overdue),
      -1, kpi->n_open_nonconformities > 0 || kpi->n_corrective_overdue > 0 },
    { N_("Incidents"), g_strdup_printf ("%u", kpi->n_incidents), incident_detail (kpi), -1,
      kpi->incidents[AIMS_KPI_INCIDENT_CRITICAL] > 0 },
    { N_("Overdue reviews"),
      g_strdup_printf ("%u", kpi->n_systems_overdue + kpi->n_risks_overdue +
                             kpi->n_assessments_overdue),
      g_strdup_printf (_("Past their next review: AI systems %u, risks %u, "
                         "impact assessments %u"), kpi->n_systems_overdue, kpi->n_risks_overdue,
                       kpi->n_assessments_overdue),
      -1, kpi->n_systems_overdue + kpi->n_risks_overdue + kpi->n_assessments_overdue > 0 },
  };
  double gap = 12, width = (CONTENT_W - gap) / 2, height = 146, top;

  start_section (pack, SECTION_FIGURES);

  if (*kpi->period_start != '\0')
    /* Translators: the review pack's key figures: judged on 2026-11-22; incidents from
     * 2026-05-23 to 2026-11-22 */
    period = g_strdup_printf (_("Judged on %s; incidents from %s to %s."), kpi->date,
                              kpi->period_start, kpi->period_end);
  else
    period = g_strdup_printf (_("Judged on %s; incidents up to %s."), kpi->date,
                              kpi->period_end);
  note (pack, period);

  top = doc->y + 4;
  for (guint i = 0; i < G_N_ELEMENTS (tiles); i++)
    {
      tiles[i].label = _(tiles[i].label);
      draw_tile (pack, &tiles[i], MARGIN + (i % 2) * (width + gap),
                 top + (i / 2) * (height + gap), width, height);
      g_free (tiles[i].value);
      g_free (tiles[i].detail);
    }
  doc->y = top + 4 * (height + gap);
}

/* The risk profile */

static void
draw_heatmap (Pack       *pack,
              gboolean    residual,
              const char *title,
              double      height)
{
  g_autoptr(AimsHeatmapCounts) counts = aims_review_inputs_dup_counts (pack->inputs, residual);
  AimsHeatmapOptions options;

  aims_heatmap_options_init (&options);
  options.mode = AIMS_HEATMAP_INHERENT;
  options.show_legend = TRUE;
  options.title = title;

  cairo_save (pack->pdf.cr);
  cairo_translate (pack->pdf.cr, MARGIN, pack->pdf.y);
  aims_heatmap_draw (pack->pdf.cr, CONTENT_W, height, pack->matrix, counts, &options,
                     aims_render_style_default ());
  cairo_restore (pack->pdf.cr);
  pack->pdf.y += height + 12;
}

static void
draw_profile (Pack *pack)
{
  const AimsReviewInputs *inputs = pack->inputs;
  guint total = 0;

  start_section (pack, SECTION_PROFILE);

  for (guint i = 0; i < inputs->n_likelihood * inputs->n_impact; i++)
    total += inputs->inherent[i];

  if (pack->matrix == NULL ||
      inputs->n_likelihood != aims_matrix_get_n_steps (pack->matrix, AIMS_MATRIX_LIKELIHOOD) ||
      inputs->n_impact != aims_matrix_get_n_steps (pack->matrix, AIMS_MATRIX_IMPACT))
    {
      note (pack, _("The risk matrix has changed since the inputs were gathered, so the "
                    "heatmaps cannot be drawn on it. Gather the inputs again to see them."));
      return;
    }

  {
    g_autofree char *text =
      g_strdup_printf (ngettext ("%u open risk, before treatment (inherent) and once the "
                                 "treatment is in place (residual).",
                                 "%u open risks, before treatment (inherent) and once the "
                                 "treatment is in place (residual).", total), total);
    note (pack, text);
  }

  draw_heatmap (pack, FALSE, _("Inherent risk"), 318);
  draw_heatmap (pack, TRUE, _("Residual risk"), 318);
}

static void
draw_top_risks (Pack *pack)
{
  static const double widths[] = { 52, 205, 80, 50, 96 };
  static const char * const header[] = {
    N_("Risk"), N_("Title"), N_("Level"), N_("L × I"), N_("Owner"),
  };
  const Table table = { widths, G_N_ELEMENTS (widths), header };
  const AimsKpi *kpi = pack->inputs->kpi;
  g_autofree char *intro = NULL;

  start_section (pack, SECTION_TOP_RISKS);

  intro = g_strdup_printf (ngettext ("The open risks with the highest residual level, then "
                                     "score. %u risk is above tolerance.",
                                     "The open risks with the highest residual level, then "
                                     "score. %u risks are above tolerance.",
                                     kpi->n_above_tolerance), kpi->n_above_tolerance);
  note (pack, intro);

  if (pack->inputs->top_risks->len == 0)
    {
      note (pack, _("The register has no open risks."));
      return;
    }

  begin_table (pack, &table);
  for (guint i = 0; i < pack->inputs->top_risks->len; i++)
    {
      AimsKpiRisk *risk = g_ptr_array_index (pack->inputs->top_risks, i);
      g_autofree char *score = g_strdup_printf ("%u × %u", risk->likelihood, risk->impact);
      const char *cells[] = { risk->reference, risk->title, risk->level_name, score, risk->owner };

      put_row (pack, &table, cells);
    }
}

/* Changes since the previous review */

static char *
format_figure (double   value,
               gboolean is_percent)
{
  return is_percent ? g_strdup_printf ("%.0f %%", 100 * value) : g_strdup_printf ("%.0f", value);
}

static char *
format_change (double   then,
               double   now,
               gboolean is_percent)
{
  double delta = is_percent ? 100 * (now - then) : now - then;

  if (delta > -0.5 && delta < 0.5)
    return g_strdup (C_("change", "no change"));
  if (is_percent)
    /* Translators: a change in percentage points: +5 points */
    return g_strdup_printf (_("%+.0f points"), delta);

  return g_strdup_printf ("%+.0f", delta);
}

static void
draw_changes (Pack *pack)
{
  static const double widths[] = { 203, 90, 90, 100 };
  static const char * const header[] = {
    N_("Figure"), N_("Previous review"), N_("Now"), N_("Change"),
  };
  const Table table = { widths, G_N_ELEMENTS (widths), header };
  const AimsKpi *now = pack->inputs->kpi;
  const AimsKpi *then;
  struct { const char *label; double then, now; gboolean is_percent; } rows[9];
  g_autofree char *intro = NULL;
  sqlite3_stmt *stmt;
  guint n = 0;

  start_section (pack, SECTION_CHANGES);

  if (pack->previous == NULL)
    {
      note (pack, _("There is no earlier review with gathered inputs to compare with."));
      return;
    }

  then = pack->previous->kpi;
  intro = g_strdup_printf (_("The figures of the previous review (%s) and of this one (%s)."),
                           pack->previous->date, pack->inputs->date);
  note (pack, intro);

#define ROW(text, a, b, pct) \
  rows[n].label = text; rows[n].then = a; rows[n].now = b; rows[n].is_percent = pct; n++
  ROW (_("Risk assessment coverage"), aims_kpi_fraction (then->n_covered, then->n_in_scope),
       aims_kpi_fraction (now->n_covered, now->n_in_scope), TRUE);
  ROW (_("Treatment implementation"),
       aims_kpi_fraction (then->n_treatment_done, then->n_treatment_actions),
       aims_kpi_fraction (now->n_treatment_done, now->n_treatment_actions), TRUE);
  ROW (_("Risks above tolerance"), then->n_above_tolerance, now->n_above_tolerance, FALSE);
  ROW (_("SoA implementation"),
       aims_kpi_fraction (then->n_implemented_controls, then->n_applicable_controls),
       aims_kpi_fraction (now->n_implemented_controls, now->n_applicable_controls), TRUE);
  ROW (_("Clause readiness"), aims_kpi_fraction (then->n_requirements_done, then->n_requirements),
       aims_kpi_fraction (now->n_requirements_done, now->n_requirements), TRUE);
  ROW (_("Open nonconformities"), then->n_open_nonconformities, now->n_open_nonconformities,
       FALSE);
  ROW (_("Incidents in the period"), then->n_incidents, now->n_incidents, FALSE);
  ROW (_("AI systems in scope"), then->n_in_scope, now->n_in_scope, FALSE);
  ROW (_("Overdue reviews"),
       then->n_systems_overdue + then->n_risks_overdue + then->n_assessments_overdue,
       now->n_systems_overdue + now->n_risks_overdue + now->n_assessments_overdue, FALSE);
#undef ROW

  begin_table (pack, &table);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *a = format_figure (rows[i].then, rows[i].is_percent);
      g_autofree char *b = format_figure (rows[i].now, rows[i].is_percent);
      g_autofree char *c = format_change (rows[i].then, rows[i].now, rows[i].is_percent);
      const char *cells[] = { rows[i].label, a, b, c };

      put_row (pack, &table, cells);
    }

  /* What the change log says was done since */
  sub_heading (pack, _("Records changed since the previous review"));
  stmt = _aims_store_prepare (pack->store,
                              "SELECT record_table, count (DISTINCT record_uuid) FROM change_log "
                              "WHERE at >= ? GROUP BY 1 ORDER BY 2 DESC, 1", NULL);
  if (stmt != NULL)
    {
      static const double log_widths[] = { 283, 200 };
      static const char * const log_header[] = { N_("Kind of record"), N_("Records changed") };
      const Table log_table = { log_widths, 2, log_header };
      gboolean any = FALSE;

      sqlite3_bind_text (stmt, 1, pack->previous->date, -1, SQLITE_TRANSIENT);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          const AimsTableInfo *info = aims_schema_lookup_table ((const char *)
                                                                sqlite3_column_text (stmt, 0));
          g_autofree char *count = g_strdup_printf ("%lld",
                                                    (long long) sqlite3_column_int64 (stmt, 1));
          const char *cells[2];

          if (info == NULL)
            continue;
          if (!any)
            begin_table (pack, &log_table);
          any = TRUE;
          cells[0] = _(info->noun);
          cells[1] = count;
          put_row (pack, &log_table, cells);
        }
      _aims_store_release (stmt);

      if (!any)
        note (pack, _("The history records no change since then."));
    }
}

/* Open actions */

static void
draw_action_list (Pack       *pack,
                  const char *title,
                  const char *table_name,
                  const char *sql,
                  const char *count_sql)
{
  static const double widths[] = { 54, 167, 90, 100, 72 };
  static const char * const header[] = {
    N_("For"), N_("Action"), N_("Owner"), N_("Due"), N_("Status"),
  };
  const Table table = { widths, G_N_ELEMENTS (widths), header };
  sqlite3_stmt *stmt;
  gint64 total = 0;
  guint shown = 0;

  sub_heading (pack, title);

  if ((stmt = _aims_store_prepare (pack->store, count_sql, NULL)) != NULL)
    {
      if (sqlite3_step (stmt) == SQLITE_ROW)
        total = sqlite3_column_int64 (stmt, 0);
      _aims_store_release (stmt);
    }

  if (total == 0 || (stmt = _aims_store_prepare (pack->store, sql, NULL)) == NULL)
    {
      note (pack, _("None open."));
      return;
    }

  begin_table (pack, &table);
  sqlite3_bind_int (stmt, 1, ACTIONS_LISTED);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *due = (const char *) sqlite3_column_text (stmt, 3);
      g_autofree char *due_text = NULL;
      const char *cells[5];

      if (due != NULL && *due != '\0' && strcmp (due, pack->date) < 0)
        /* Translators: a due date in the review pack's open actions: 2026-03-31 (overdue) */
        due_text = g_strdup_printf (_("%s (overdue)"), due);
      else
        due_text = g_strdup (due);

      cells[0] = (const char *) sqlite3_column_text (stmt, 0);
      cells[1] = (const char *) sqlite3_column_text (stmt, 1);
      cells[2] = (const char *) sqlite3_column_text (stmt, 2);
      cells[3] = due_text;
      cells[4] = choice_label (table_name, "status", (const char *) sqlite3_column_text (stmt, 4));
      put_row (pack, &table, cells);
      shown++;
    }
  _aims_store_release (stmt);

  if (total > shown)
    {
      g_autofree char *more = g_strdup_printf (_("… and %lld more, due later."),
                                               (long long) (total - shown));

      pack->pdf.y += 4;
      note (pack, more);
    }
}

#define OPEN_SQL "status IN ('planned', 'in-progress')"
#define DUE_ORDER "due_date = '', due_date"

static void
draw_actions (Pack *pack)
{
  start_section (pack, SECTION_ACTIONS);
  note (pack, _("Actions planned or in progress, the earliest due first."));

  draw_action_list (pack, _("Risk treatment actions"), "treatment_action",
                    "SELECT r.reference, a.what, a.owner, a.due_date, a.status "
                    "FROM treatment_action a JOIN risk r ON r.uuid = a.risk "
                    "WHERE a." OPEN_SQL " ORDER BY a.due_date = '', a.due_date, r.reference "
                    "LIMIT ?",
                    "SELECT count(*) FROM treatment_action WHERE " OPEN_SQL);
  draw_action_list (pack, _("Corrective actions"), "corrective_action",
                    "SELECT f.reference, c.what, c.owner, c.due_date, c.status "
                    "FROM corrective_action c JOIN finding f ON f.uuid = c.finding "
                    "WHERE c." OPEN_SQL " ORDER BY c.due_date = '', c.due_date, f.reference "
                    "LIMIT ?",
                    "SELECT count(*) FROM corrective_action WHERE " OPEN_SQL);
  draw_action_list (pack, _("Management review actions"), "review_action",
                    "SELECT m.reference, a.what, a.owner, a.due_date, a.status "
                    "FROM review_action a JOIN management_review m ON m.uuid = a.review "
                    "WHERE a." OPEN_SQL " ORDER BY a.due_date = '', a.due_date, m.reference "
                    "LIMIT ?",
                    "SELECT count(*) FROM review_action WHERE " OPEN_SQL);
}

/* The other inputs of 9.3.2 */

static void
draw_items (Pack        *pack,
            const char  *title,
            GPtrArray   *items,
            const Table *table,
            const char  *table_name,
            gboolean     with_count,
            const char  *empty)
{
  sub_heading (pack, title);

  if (items == NULL || items->len == 0)
    {
      note (pack, empty);
      return;
    }

  begin_table (pack, table);
  for (guint i = 0; i < items->len; i++)
    {
      AimsReviewItem *item = g_ptr_array_index (items, i);
      g_autofree char *count = g_strdup_printf ("%u", item->count);
      const char *cells[] = {
        item->reference, item->title,
        table_name != NULL ? choice_label (table_name, "status", item->status) : item->status,
        item->date, with_count ? count : item->owner,
      };

      put_row (pack, table, cells);
    }
}

static void
draw_inputs (Pack *pack)
{
  static const double widths[] = { 72, 171, 80, 70, 90 };
  static const char * const action_header[] = {
    N_("Review"), N_("Action"), N_("Status"), N_("Due"), N_("Owner"),
  };
  static const char * const audit_header[] = {
    N_("Audit"), N_("Title"), N_("Status"), N_("Ended"), N_("Nonconformities"),
  };
  static const char * const assessment_header[] = {
    N_("Assessment"), N_("AI system"), N_("Status"), N_("Next review"), N_("Assessor"),
  };
  static const char * const objective_header[] = {
    "#", N_("Objective"), N_("Status"), N_("Due"), N_("Owner"),
  };
  const Table actions = { widths, 5, action_header };
  const Table audits = { widths, 5, audit_header };
  const Table assessments = { widths, 5, assessment_header };
  const Table objectives = { widths, 5, objective_header };

  start_section (pack, SECTION_INPUTS);
  draw_items (pack, _("Actions of earlier reviews"), pack->inputs->earlier_actions, &actions,
              "review_action", FALSE, _("Earlier reviews decided no actions."));
  draw_items (pack, _("Audit results"), pack->inputs->audits, &audits, "audit", TRUE,
              _("No internal audit has started yet."));
  draw_items (pack, _("Impact assessments due within 30 days or overdue"),
              pack->inputs->assessments_due, &assessments, "impact_assessment", FALSE,
              _("No impact assessment is due."));
  draw_items (pack, _("AI objectives"), pack->inputs->objectives, &objectives, "pdca_card", FALSE,
              _("No AI objectives are recorded."));
}

static void
draw_outputs (Pack *pack)
{
  const AimsTableInfo *table = aims_schema_lookup_table ("management_review");
  const char * const fields[] = { "decisions", "changes", "resources", "improvements" };

  start_section (pack, SECTION_OUTPUTS);

  if (pack->review == NULL)
    {
      note (pack, _("No review is recorded for this pack, so it has no outputs yet."));
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const AimsFieldInfo *field = aims_table_info_lookup_field (table, fields[i]);

      _aims_pdf_ensure_space (&pack->pdf, 34);
      _aims_pdf_draw_paragraph (&pack->pdf, AIMS_PDF_FONT_LABEL, MARGIN, CONTENT_W,
                                _(field->label), 0.25);
      pack->pdf.y += 1;
      _aims_pdf_draw_paragraph (&pack->pdf, AIMS_PDF_FONT_BODY, MARGIN + 8, CONTENT_W - 8,
                                or_dash (field_text (pack, fields[i])), 0.0);
      pack->pdf.y += 7;
    }
}

static void
draw_document (Pack *pack)
{
  pack->pdf.page = 1;
  pack->pdf.y = MARGIN;

  draw_cover (pack);
  draw_contents (pack);
  draw_figures (pack);
  draw_profile (pack);
  draw_top_risks (pack);
  draw_changes (pack);
  draw_actions (pack);
  draw_inputs (pack);
  draw_outputs (pack);
  _aims_pdf_draw_footer (&pack->pdf);
  cairo_show_page (pack->pdf.cr);
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static cairo_status_t
discard_bytes (void                *closure,
               const unsigned char *data,
               unsigned int         length)
{
  return CAIRO_STATUS_SUCCESS;
}

static GHashTable *
read_review (AimsStore   *store,
             const char  *review,
             GError     **error)
{
  const AimsTableInfo *table = aims_schema_lookup_table ("management_review");
  g_autoptr(GHashTable) record = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  for (guint i = 0; i < table->n_fields; i++)
    {
      char *text;

      if (g_str_equal (table->fields[i].name, "inputs"))
        continue;
      text = aims_store_dup_text (store, "management_review", review, table->fields[i].name,
                                  error);
      if (text == NULL)
        return NULL;
      g_hash_table_insert (record, (gpointer) table->fields[i].name, text);
    }

  return g_steal_pointer (&record);
}

/**
 * aims_review_pack_write:
 * @store: a #AimsStore
 * @review: (nullable): a management review; %NULL for a pack of the figures
 *   of @date
 * @date: (nullable): with no @review, the day; %NULL for today (UTC)
 * @path: the PDF file to write
 * @n_pages: (out) (optional): the number of pages written
 * @error: return location for a #GError
 *
 * Writes the management review pack of @review: its snapshot when its
 * inputs were gathered, else the inputs gathered now for its date. The file
 * is replaced in one step; on failure it is as it was.
 *
 * Returns: %TRUE on success
 */
gboolean
aims_review_pack_write (AimsStore   *store,
                        const char  *review,
                        const char  *date,
                        const char  *path,
                        guint       *n_pages,
                        GError     **error)
{
  g_autoptr(GHashTable) record = NULL;
  g_autoptr(AimsReviewInputs) inputs = NULL;
  g_autoptr(AimsReviewInputs) previous = NULL;
  g_autoptr(AimsMatrix) matrix = NULL;
  g_autoptr(GByteArray) bytes = NULL;
  g_autofree char *project = NULL;
  g_autofree char *organisation = NULL;
  g_autofree char *previous_uuid = NULL;
  g_autofree char *footer = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  Pack pack = { { 0, }, };

  g_return_val_if_fail (AIMS_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (review != NULL)
    {
      g_autoptr(GError) local_error = NULL;
      const char *review_date;

      if ((record = read_review (store, review, error)) == NULL)
        return FALSE;
      review_date = g_hash_table_lookup (record, "review_date");

      inputs = aims_review_dup_inputs (store, review, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (inputs == NULL)
        inputs = aims_review_inputs_gather (store, *review_date != '\0' ? review_date : NULL,
                                            review, error);
      if (inputs == NULL)
        return FALSE;

      previous_uuid = aims_review_dup_previous (store, review);
    }
  else
    {
      sqlite3_stmt *stmt;

      if ((inputs = aims_review_inputs_gather (store, date, NULL, error)) == NULL)
        return FALSE;

      /* The last review with inputs before the day */
      stmt = _aims_store_prepare (store,
                                  "SELECT uuid FROM management_review WHERE inputs <> '' "
                                  "AND review_date < ? ORDER BY review_date DESC LIMIT 1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, inputs->date, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        previous_uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      _aims_store_release (stmt);
    }

  if (previous_uuid != NULL)
    previous = aims_review_dup_inputs (store, previous_uuid, NULL);

  project = aims_store_dup_project_uuid (store);
  organisation = project != NULL ? aims_store_dup_text (store, "project", project,
                                                        "organisation", NULL) : NULL;
  matrix = aims_store_dup_matrix (store);

  pack.store = store;
  pack.matrix = matrix;
  pack.review = review;
  pack.record = record;
  pack.inputs = inputs;
  pack.previous = previous;
  pack.organisation = organisation;
  pack.date = inputs->date;
  if (review != NULL)
    /* Translators: the footer of the review pack: MR-002 · Northwind Mutual */
    footer = g_strdup_printf (_("Management review pack · %s · %s"), field_text (&pack, "reference"),
                              organisation != NULL ? organisation : "");
  else
    footer = g_strdup_printf (_("Management review pack · %s · %s"), inputs->date,
                              organisation != NULL ? organisation : "");
  pack.pdf.footer = footer;

  /* First pass: where the sections start and how many pages */
  surface = cairo_pdf_surface_create_for_stream (discard_bytes, NULL, AIMS_PDF_PAGE_WIDTH,
                                                 AIMS_PDF_PAGE_HEIGHT);
  pack.pdf.cr = cairo_create (surface);
  draw_document (&pack);
  cairo_destroy (pack.pdf.cr);
  cairo_surface_destroy (surface);
  pack.pdf.n_pages = pack.pdf.page;

  bytes = g_byte_array_new ();
  surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes, AIMS_PDF_PAGE_WIDTH,
                                                 AIMS_PDF_PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, _("Management Review Pack"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "AIMS Workbench");
  pack.pdf.cr = cairo_create (surface);
  draw_document (&pack);
  status = cairo_status (pack.pdf.cr);
  cairo_destroy (pack.pdf.cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not draw the review pack: %s"), cairo_status_to_string (status));
      return FALSE;
    }

  if (!aims_export_write_file (path, (const char *) bytes->data, bytes->len, error))
    return FALSE;

  if (n_pages != NULL)
    *n_pages = pack.pdf.n_pages;

  return TRUE;
}
