/* aims-assessment-pdf.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* One impact assessment as a printable A4 document, drawn with cairo and
 * pango: a cover, each ISO/IEC 42005 section with its fields, the impacts
 * table with their measures, and the approval block, with "page N of M" in
 * every footer. The document is laid out twice: once to count its pages,
 * then into the PDF. */

#define G_LOG_DOMAIN "aims-assessment-pdf"

#include "config.h"

#include "aims-assessment-pdf.h"

#include "aims-assessment.h"
#include "aims-matrix.h"
#include "aims-schema.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

/* A4 in points, with 2 cm margins */
#define PAGE_WIDTH   595.0
#define PAGE_HEIGHT  842.0
#define MARGIN       56.0
#define FOOTER       28.0
#define CONTENT_W    (PAGE_WIDTH - 2 * MARGIN)
#define BOTTOM       (PAGE_HEIGHT - MARGIN - FOOTER)

#define FONT_BODY    "Sans 9.5"
#define FONT_SMALL   "Sans 8"
#define FONT_LABEL   "Sans Bold 9.5"
#define FONT_HEADING "Sans Bold 13"
#define FONT_TITLE   "Sans Bold 24"

typedef struct
{
  cairo_t    *cr;
  AimsStore  *store;
  GHashTable *record;
  AimsMatrix *matrix;
  const char *reference;
  const char *system_name;
  guint       version;
  guint       page;        /* 1-based */
  guint       n_pages;     /* 0 while counting */
  double      y;
} Doc;

static const char *
text_of (GHashTable *record,
         const char *field)
{
  GVariant *value = record != NULL ? g_hash_table_lookup (record, field) : NULL;

  if (value != NULL && g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    return g_variant_get_string (value, NULL);

  return "";
}

static gint64
int_of (GHashTable *record,
        const char *field)
{
  GVariant *value = record != NULL ? g_hash_table_lookup (record, field) : NULL;

  if (value != NULL && g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
    return g_variant_get_int64 (value);

  return 0;
}

static PangoLayout *
new_layout (Doc        *doc,
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

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

static void
draw_footer (Doc *doc)
{
  g_autofree char *left = NULL;
  g_autofree char *right = NULL;
  g_autoptr(PangoLayout) layout = NULL;

  /* Translators: the footer of a printed assessment: IA-004 version 2 · Claims triage */
  left = g_strdup_printf (_("%s version %u · %s"), doc->reference, doc->version, doc->system_name);
  /* Translators: a page number: Page 2 of 7 */
  right = doc->n_pages > 0 ? g_strdup_printf (_("Page %u of %u"), doc->page, doc->n_pages)
                           : g_strdup_printf (_("Page %u of %u"), doc->page, doc->page);

  cairo_save (doc->cr);
  cairo_set_source_rgb (doc->cr, 0.4, 0.4, 0.4);
  cairo_set_line_width (doc->cr, 0.5);
  cairo_move_to (doc->cr, MARGIN, PAGE_HEIGHT - MARGIN - 10);
  cairo_line_to (doc->cr, PAGE_WIDTH - MARGIN, PAGE_HEIGHT - MARGIN - 10);
  cairo_stroke (doc->cr);

  layout = new_layout (doc, FONT_SMALL, CONTENT_W * 0.7, left);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  cairo_move_to (doc->cr, MARGIN, PAGE_HEIGHT - MARGIN - 4);
  pango_cairo_show_layout (doc->cr, layout);
  g_clear_object (&layout);

  layout = new_layout (doc, FONT_SMALL, CONTENT_W, right);
  pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
  cairo_move_to (doc->cr, MARGIN, PAGE_HEIGHT - MARGIN - 4);
  pango_cairo_show_layout (doc->cr, layout);
  cairo_restore (doc->cr);
}

static void
new_page (Doc *doc)
{
  draw_footer (doc);
  cairo_show_page (doc->cr);
  doc->page++;
  doc->y = MARGIN;
}

static void
ensure_space (Doc    *doc,
              double  height)
{
  if (doc->y + height > BOTTOM && doc->y > MARGIN)
    new_page (doc);
}

/* Draws a paragraph at @x, @width, line by line, breaking pages between
 * lines. */
static void
draw_paragraph (Doc        *doc,
                const char *font,
                double      x,
                double      width,
                const char *text,
                double      gray)
{
  g_autoptr(PangoLayout) layout = new_layout (doc, font, width, text);
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

      if (doc->y + height > BOTTOM)
        {
          cairo_restore (doc->cr);
          new_page (doc);
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

static void
draw_heading (Doc        *doc,
              const char *title)
{
  ensure_space (doc, 80);
  doc->y += 10;
  draw_paragraph (doc, FONT_HEADING, MARGIN, CONTENT_W, title, 0.1);
  cairo_save (doc->cr);
  cairo_set_source_rgb (doc->cr, 0.21, 0.52, 0.89);
  cairo_set_line_width (doc->cr, 1.2);
  cairo_move_to (doc->cr, MARGIN, doc->y + 3);
  cairo_line_to (doc->cr, PAGE_WIDTH - MARGIN, doc->y + 3);
  cairo_stroke (doc->cr);
  cairo_restore (doc->cr);
  doc->y += 10;
}

static void
draw_field (Doc        *doc,
            const char *label,
            const char *value)
{
  ensure_space (doc, 34);
  draw_paragraph (doc, FONT_LABEL, MARGIN, CONTENT_W, label, 0.25);
  doc->y += 1;
  draw_paragraph (doc, FONT_BODY, MARGIN + 8, CONTENT_W - 8,
                  value != NULL && *value != '\0' ? value : "—", 0.0);
  doc->y += 7;
}

static const char *
field_value (Doc                 *doc,
             const AimsFieldInfo *field)
{
  const char *text = text_of (doc->record, field->name);

  if (field->n_choices > 0)
    return aims_choice_label (field, text);

  return text;
}

static void
draw_cover (Doc *doc)
{
  const AimsTableInfo *table = aims_schema_lookup_table ("impact_assessment");
  g_autofree char *organisation = NULL;
  g_autofree char *project = aims_store_dup_project_uuid (doc->store);
  g_autofree char *system_line = NULL;
  g_autofree char *system_reference = NULL;
  const char *rows[][2] = {
    { N_("Assessment"), doc->reference },
    { N_("Version"), NULL },
    { N_("Status"), aims_choice_label (aims_table_info_lookup_field (table, "status"),
                                       text_of (doc->record, "status")) },
    { N_("Trigger"), aims_choice_label (aims_table_info_lookup_field (table, "trigger"),
                                        text_of (doc->record, "trigger")) },
    { N_("Assessment date"), text_of (doc->record, "assessment_date") },
    { N_("Assessor"), text_of (doc->record, "assessor") },
    { N_("Next review"), text_of (doc->record, "next_review") },
  };
  g_autofree char *version = g_strdup_printf ("%u", doc->version);

  organisation = project != NULL ? aims_store_dup_text (doc->store, "project", project,
                                                        "organisation", NULL) : NULL;
  system_reference = aims_store_dup_text (doc->store, "ai_system",
                                          text_of (doc->record, "system"), "reference", NULL);
  rows[1][1] = version;

  doc->y = MARGIN + 120;
  draw_paragraph (doc, FONT_SMALL, MARGIN, CONTENT_W,
                  _("ISO/IEC 42001 clause 6.1.4 and Annex A.5 · structured after ISO/IEC 42005"),
                  0.35);
  doc->y += 8;
  draw_paragraph (doc, FONT_TITLE, MARGIN, CONTENT_W, _("AI System Impact Assessment"), 0.05);
  doc->y += 10;
  system_line = g_strdup_printf ("%s %s", system_reference != NULL ? system_reference : "",
                                 doc->system_name);
  draw_paragraph (doc, "Sans 16", MARGIN, CONTENT_W, system_line, 0.2);
  doc->y += 6;
  if (organisation != NULL && *organisation != '\0')
    draw_paragraph (doc, FONT_BODY, MARGIN, CONTENT_W, organisation, 0.35);
  doc->y += 40;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(PangoLayout) label = new_layout (doc, FONT_LABEL, 150, _(rows[i][0]));
      g_autoptr(PangoLayout) value = new_layout (doc, FONT_BODY, CONTENT_W - 160,
                                                 rows[i][1] != NULL && *rows[i][1] != '\0'
                                                 ? rows[i][1] : "—");

      cairo_set_source_rgb (doc->cr, 0.25, 0.25, 0.25);
      cairo_move_to (doc->cr, MARGIN, doc->y);
      pango_cairo_show_layout (doc->cr, label);
      cairo_set_source_rgb (doc->cr, 0, 0, 0);
      cairo_move_to (doc->cr, MARGIN + 160, doc->y);
      pango_cairo_show_layout (doc->cr, value);
      doc->y += MAX (layout_height (label), layout_height (value)) + 6;
    }

  new_page (doc);
}

static void
draw_sections (Doc        *doc,
               const char *from,
               const char *until)
{
  const AimsTableInfo *table = aims_schema_lookup_table ("impact_assessment");
  const char *group = NULL;
  gboolean started = from == NULL;

  for (guint next = 0; next < table->n_fields; next++)
    {
      const AimsFieldInfo *field = &table->fields[next];

      if (field->widget == AIMS_FIELD_WIDGET_HIDDEN || field->group == NULL)
        continue;

      if (from != NULL && g_str_equal (field->group, from))
        started = TRUE;
      if (!started)
        continue;
      if (until != NULL && g_str_equal (field->group, until))
        return;

      /* The approval block has a page of its own at the end */
      if (g_str_equal (field->group, N_("Approval")) ||
          g_str_equal (field->group, N_("Retention and Review")))
        continue;

      if (g_strcmp0 (group, field->group) != 0)
        {
          draw_heading (doc, _(field->group));
          group = field->group;
        }

      draw_field (doc, _(field->label), field_value (doc, field));
    }
}

/* The impacts table */

static const double column_widths[] = { 18, 95, 95, 62, 88, 125 };

static const char *
score_label (Doc            *doc,
             AimsMatrixAxis  axis,
             gint64          value)
{
  if (value <= 0 || doc->matrix == NULL ||
      (guint) value > aims_matrix_get_n_steps (doc->matrix, axis))
    return C_("score", "Not assessed");

  return aims_matrix_get_step_label (doc->matrix, axis, (guint) value);
}

static double
draw_row (Doc         *doc,
          const char **cells,
          const char  *font,
          gboolean     header,
          gboolean     measure_only)
{
  g_autoptr(GPtrArray) layouts = g_ptr_array_new_with_free_func (g_object_unref);
  double height = 0;
  double x = MARGIN;

  for (guint i = 0; i < G_N_ELEMENTS (column_widths); i++)
    {
      PangoLayout *layout = new_layout (doc, font, column_widths[i] - 6, cells[i]);

      height = MAX (height, layout_height (layout));
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
      x += column_widths[i];
    }

  cairo_set_source_rgb (doc->cr, 0.75, 0.75, 0.75);
  cairo_set_line_width (doc->cr, measure_only ? 0.25 : 0.5);
  cairo_move_to (doc->cr, MARGIN, doc->y + height);
  cairo_line_to (doc->cr, PAGE_WIDTH - MARGIN, doc->y + height);
  cairo_stroke (doc->cr);

  doc->y += height;
  return height;
}

static void
draw_table_header (Doc *doc)
{
  const char *cells[] = {
    "#", _("Affected (level)"), _("Benefit or harm, dimension"), _("Scenario"),
    _("Severity × likelihood"), _("Scale, reversibility, status"),
  };

  draw_row (doc, cells, "Sans Bold 8", TRUE, FALSE);
}

static void
put_row (Doc         *doc,
         const char **cells,
         const char  *font,
         gboolean     measure_only)
{
  if (draw_row (doc, cells, font, FALSE, measure_only) < 0)
    {
      new_page (doc);
      draw_table_header (doc);
      draw_row (doc, cells, font, FALSE, measure_only);
    }
}

static void
draw_impacts (Doc *doc)
{
  const AimsTableInfo *table = aims_schema_lookup_table ("impact");
  g_auto(GStrv) impacts = aims_assessment_dup_impacts (doc->store,
                                                       text_of (doc->record, "uuid"), NULL);

  draw_heading (doc, _("Impacts"));

  if (impacts == NULL || impacts[0] == NULL)
    {
      draw_paragraph (doc, FONT_BODY, MARGIN, CONTENT_W, _("No impacts were recorded."), 0.3);
      return;
    }

  draw_table_header (doc);

  for (guint i = 0; impacts[i] != NULL; i++)
    {
      g_autoptr(GHashTable) impact = NULL;
      g_auto(GStrv) measures = NULL;
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      g_autofree char *affected = NULL;
      g_autofree char *nature = NULL;
      g_autofree char *scores = NULL;
      g_autofree char *extent = NULL;
      g_autofree char *description = NULL;
      const char *cells[6];

      {
        g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                              (GDestroyNotify) g_variant_unref);

        for (guint f = 0; f < table->n_fields; f++)
          {
            GVariant *value = aims_store_get (doc->store, "impact", impacts[i],
                                              table->fields[f].name, NULL);

            if (value != NULL)
              g_hash_table_insert (values, (gpointer) table->fields[f].name, value);
          }
        impact = g_steal_pointer (&values);
      }

      affected = g_strdup_printf ("%s (%s)", *text_of (impact, "affected") != '\0'
                                             ? text_of (impact, "affected") : "—",
                                  aims_choice_label (aims_table_info_lookup_field (table, "level"),
                                                     text_of (impact, "level")));
      nature = g_strdup_printf ("%s, %s",
                                aims_choice_label (aims_table_info_lookup_field (table, "nature"),
                                                   text_of (impact, "nature")),
                                aims_choice_label (aims_table_info_lookup_field (table,
                                                                                 "dimension"),
                                                   text_of (impact, "dimension")));
      scores = g_strdup_printf ("%s × %s",
                                score_label (doc, AIMS_MATRIX_IMPACT, int_of (impact, "severity")),
                                score_label (doc, AIMS_MATRIX_LIKELIHOOD,
                                             int_of (impact, "likelihood")));
      extent = g_strdup_printf ("%s; %s; %s",
                                *text_of (impact, "scale") != '\0' ? text_of (impact, "scale")
                                                                   : "—",
                                aims_choice_label (aims_table_info_lookup_field (table,
                                                                                 "reversibility"),
                                                   text_of (impact, "reversibility")),
                                aims_choice_label (aims_table_info_lookup_field (table, "status"),
                                                   text_of (impact, "status")));

      cells[0] = number;
      cells[1] = affected;
      cells[2] = nature;
      cells[3] = aims_choice_label (aims_table_info_lookup_field (table, "scenario"),
                                    text_of (impact, "scenario"));
      cells[4] = scores;
      cells[5] = extent;
      put_row (doc, cells, FONT_SMALL, FALSE);

      /* The description and the measures span the row */
      description = g_strdup (text_of (impact, "description"));
      measures = aims_assessment_dup_measures (doc->store, impacts[i], NULL);
      if (*description != '\0' || (measures != NULL && measures[0] != NULL))
        {
          g_autoptr(GString) text = g_string_new (description);

          for (guint m = 0; measures != NULL && measures[m] != NULL; m++)
            {
              g_autofree char *what = aims_store_dup_text (doc->store, "impact_measure",
                                                           measures[m], "what", NULL);
              g_autofree char *owner = aims_store_dup_text (doc->store, "impact_measure",
                                                            measures[m], "owner", NULL);

              if (text->len > 0)
                g_string_append_c (text, '\n');
              /* Translators: a measure in the printed impacts table: Measure: bias audit
               * (owner: Data science lead) */
              g_string_append_printf (text, _("Measure: %s (owner: %s)"), what != NULL ? what : "",
                                      owner != NULL && *owner != '\0' ? owner : "—");
            }

          ensure_space (doc, 14);
          draw_paragraph (doc, FONT_SMALL, MARGIN + column_widths[0] + 3,
                          CONTENT_W - column_widths[0] - 6, text->str, 0.25);
          doc->y += 4;
          cairo_set_source_rgb (doc->cr, 0.75, 0.75, 0.75);
          cairo_set_line_width (doc->cr, 0.5);
          cairo_move_to (doc->cr, MARGIN, doc->y);
          cairo_line_to (doc->cr, PAGE_WIDTH - MARGIN, doc->y);
          cairo_stroke (doc->cr);
        }
    }
}

static void
draw_approval (Doc *doc)
{
  const AimsTableInfo *table = aims_schema_lookup_table ("impact_assessment");
  const char * const fields[] = {
    "status", "approver", "approver_role", "approval_date", "retention", "next_review",
  };
  double top, box_height = 40 + 22 * G_N_ELEMENTS (fields) + 50;

  /* The heading stays with its block */
  ensure_space (doc, box_height + 40);
  draw_heading (doc, _("Approval"));
  top = doc->y;
  doc->y += 12;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const AimsFieldInfo *field = aims_table_info_lookup_field (table, fields[i]);
      g_autoptr(PangoLayout) label = new_layout (doc, FONT_LABEL, 150, _(field->label));
      const char *value = field_value (doc, field);
      g_autoptr(PangoLayout) shown = new_layout (doc, FONT_BODY, CONTENT_W - 190,
                                                 value != NULL && *value != '\0' ? value : "—");

      cairo_set_source_rgb (doc->cr, 0.25, 0.25, 0.25);
      cairo_move_to (doc->cr, MARGIN + 12, doc->y);
      pango_cairo_show_layout (doc->cr, label);
      cairo_set_source_rgb (doc->cr, 0, 0, 0);
      cairo_move_to (doc->cr, MARGIN + 170, doc->y);
      pango_cairo_show_layout (doc->cr, shown);
      doc->y += MAX (layout_height (label), layout_height (shown)) + 8;
    }

  /* A line to sign on paper */
  doc->y += 28;
  cairo_set_source_rgb (doc->cr, 0.3, 0.3, 0.3);
  cairo_set_line_width (doc->cr, 0.6);
  cairo_move_to (doc->cr, MARGIN + 12, doc->y);
  cairo_line_to (doc->cr, MARGIN + 230, doc->y);
  cairo_stroke (doc->cr);
  doc->y += 4;
  draw_paragraph (doc, FONT_SMALL, MARGIN + 12, 220, _("Signature of the approver"), 0.4);
  doc->y += 10;

  cairo_set_source_rgb (doc->cr, 0.6, 0.6, 0.6);
  cairo_set_line_width (doc->cr, 0.8);
  cairo_rectangle (doc->cr, MARGIN, top, CONTENT_W, doc->y - top);
  cairo_stroke (doc->cr);
}

static void
draw_document (Doc *doc)
{
  doc->page = 1;
  doc->y = MARGIN;

  draw_cover (doc);
  /* The impacts come before the conclusion, as in ISO/IEC 42005 */
  draw_sections (doc, NULL, N_("Thresholds and Conclusion"));
  draw_impacts (doc);
  draw_sections (doc, N_("Thresholds and Conclusion"), NULL);
  draw_approval (doc);
  draw_footer (doc);
  cairo_show_page (doc->cr);
}

/* Reads the record as the store has it, every field. */
static GHashTable *
read_record (AimsStore   *store,
             const char  *uuid,
             GError     **error)
{
  const AimsTableInfo *table = aims_schema_lookup_table ("impact_assessment");
  g_autoptr(GHashTable) record = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                        (GDestroyNotify) g_variant_unref);

  for (guint i = 0; i < table->n_fields; i++)
    {
      g_autoptr(GError) local_error = NULL;
      GVariant *value = aims_store_get (store, "impact_assessment", uuid, table->fields[i].name,
                                        &local_error);

      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      if (value != NULL)
        g_hash_table_insert (record, (gpointer) table->fields[i].name, value);
    }

  return g_steal_pointer (&record);
}

/**
 * aims_assessment_write_pdf:
 * @store: a #AimsStore
 * @uuid: an impact assessment
 * @path: the PDF file to write
 * @n_pages: (out) (optional): the number of pages written
 * @error: return location for a #GError
 *
 * Writes @uuid as a printable A4 PDF: a cover, each section, the impacts
 * with their measures, and the approval block, with page numbers.
 *
 * Returns: %TRUE on success
 */
gboolean
aims_assessment_write_pdf (AimsStore   *store,
                           const char  *uuid,
                           const char  *path,
                           guint       *n_pages,
                           GError     **error)
{
  g_autoptr(GHashTable) record = NULL;
  g_autofree char *system_name = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  Doc doc = { 0, };

  g_return_val_if_fail (AIMS_IS_STORE (store), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if ((record = read_record (store, uuid, error)) == NULL)
    return FALSE;

  system_name = aims_store_dup_text (store, "ai_system", text_of (record, "system"), "name", NULL);

  doc.store = store;
  doc.record = record;
  doc.matrix = aims_store_dup_matrix (store);
  doc.reference = text_of (record, "reference");
  doc.system_name = system_name != NULL ? system_name : "";
  doc.version = (guint) int_of (record, "version");

  /* First pass: count the pages */
  surface = cairo_pdf_surface_create_for_stream (NULL, NULL, PAGE_WIDTH, PAGE_HEIGHT);
  doc.cr = cairo_create (surface);
  draw_document (&doc);
  cairo_destroy (doc.cr);
  cairo_surface_destroy (surface);
  doc.n_pages = doc.page;

  surface = cairo_pdf_surface_create (path, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  _("AI System Impact Assessment"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "AIMS Workbench");
  doc.cr = cairo_create (surface);
  draw_document (&doc);
  status = cairo_status (doc.cr);
  cairo_destroy (doc.cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  g_clear_object (&doc.matrix);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_autofree char *shown = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not write “%s”: %s"), shown, cairo_status_to_string (status));
      return FALSE;
    }

  if (n_pages != NULL)
    *n_pages = doc.n_pages;

  return TRUE;
}
