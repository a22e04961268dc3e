/* aims-assessment-pdf.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* One impact assessment as a printable A4 document, drawn with cairo and
 * pango on the house layout of aims-pdf-layout.c: a cover, each ISO/IEC
 * 42005 section with its fields, the impacts table with their measures, and
 * the approval block, with "page N of M" in every footer. The document is
 * laid out twice: once to count its pages, then into the PDF. */

#define G_LOG_DOMAIN "aims-assessment-pdf"

#include "config.h"

#include "aims-assessment-pdf.h"

#include "aims-assessment.h"
#include "aims-matrix.h"
#include "aims-pdf-layout-private.h"
#include "aims-schema.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#define MARGIN    AIMS_PDF_MARGIN
#define CONTENT_W AIMS_PDF_CONTENT_W

typedef struct
{
  AimsPdfDoc  pdf;
  AimsStore  *store;
  GHashTable *record;
  AimsMatrix *matrix;
  const char *reference;
  const char *system_name;
  guint       version;
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

static void
draw_field (Doc        *doc,
            const char *label,
            const char *value)
{
  _aims_pdf_ensure_space (&doc->pdf, 34);
  _aims_pdf_draw_paragraph (&doc->pdf, AIMS_PDF_FONT_LABEL, MARGIN, CONTENT_W, label, 0.25);
  doc->pdf.y += 1;
  _aims_pdf_draw_paragraph (&doc->pdf, AIMS_PDF_FONT_BODY, MARGIN + 8, CONTENT_W - 8,
                            value != NULL && *value != '\0' ? value : "—", 0.0);
  doc->pdf.y += 7;
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

  doc->pdf.y = MARGIN + 120;
  _aims_pdf_draw_paragraph (&doc->pdf, AIMS_PDF_FONT_SMALL, MARGIN, CONTENT_W,
                            _("ISO/IEC 42001 clause 6.1.4 and Annex A.5 · structured after "
                              "ISO/IEC 42005"),
                            0.35);
  doc->pdf.y += 8;
  _aims_pdf_draw_paragraph (&doc->pdf, AIMS_PDF_FONT_TITLE, MARGIN, CONTENT_W,
                            _("AI System Impact Assessment"), 0.05);
  doc->pdf.y += 10;
  system_line = g_strdup_printf ("%s %s", system_reference != NULL ? system_reference : "",
                                 doc->system_name);
  _aims_pdf_draw_paragraph (&doc->pdf, "Sans 16", MARGIN, CONTENT_W, system_line, 0.2);
  doc->pdf.y += 6;
  if (organisation != NULL && *organisation != '\0')
    _aims_pdf_draw_paragraph (&doc->pdf, AIMS_PDF_FONT_BODY, MARGIN, CONTENT_W, organisation,
                              0.35);
  doc->pdf.y += 40;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    _aims_pdf_draw_label_value (&doc->pdf, MARGIN, MARGIN + 160, CONTENT_W - 160,
                                _(rows[i][0]), rows[i][1], 6);

  _aims_pdf_new_page (&doc->pdf);
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
          _aims_pdf_draw_heading (&doc->pdf, _(field->group));
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

static void
draw_table_header (Doc *doc)
{
  const char *cells[] = {
    "#", _("Affected (level)"), _("Benefit or harm, dimension"), _("Scenario"),
    _("Severity × likelihood"), _("Scale, reversibility, status"),
  };

  _aims_pdf_draw_table_row (&doc->pdf, column_widths, G_N_ELEMENTS (column_widths), cells,
                            AIMS_PDF_FONT_TABLE_HEADER, TRUE, 0.5);
}

/* A row of the table, on the next page (under the header again) when it
 * does not fit this one */
static void
put_row (Doc               *doc,
         const char *const *cells)
{
  if (_aims_pdf_draw_table_row (&doc->pdf, column_widths, G_N_ELEMENTS (column_widths), cells,
                                AIMS_PDF_FONT_SMALL, FALSE, 0.5) < 0)
    {
      _aims_pdf_new_page (&doc->pdf);
      draw_table_header (doc);
      _aims_pdf_draw_table_row (&doc->pdf, column_widths, G_N_ELEMENTS (column_widths), cells,
                                AIMS_PDF_FONT_SMALL, FALSE, 0.5);
    }
}

static void
draw_impacts (Doc *doc)
{
  const AimsTableInfo *table = aims_schema_lookup_table ("impact");
  g_auto(GStrv) impacts = aims_assessment_dup_impacts (doc->store,
                                                       text_of (doc->record, "uuid"), NULL);

  _aims_pdf_draw_heading (&doc->pdf, _("Impacts"));

  if (impacts == NULL || impacts[0] == NULL)
    {
      _aims_pdf_draw_paragraph (&doc->pdf, AIMS_PDF_FONT_BODY, MARGIN, CONTENT_W,
                                _("No impacts were recorded."), 0.3);
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
      put_row (doc, cells);

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

          _aims_pdf_ensure_space (&doc->pdf, 14);
          _aims_pdf_draw_paragraph (&doc->pdf, AIMS_PDF_FONT_SMALL, MARGIN + column_widths[0] + 3,
                                    CONTENT_W - column_widths[0] - 6, text->str, 0.25);
          doc->pdf.y += 4;
          _aims_pdf_draw_line (&doc->pdf, MARGIN, MARGIN + CONTENT_W, doc->pdf.y, 0.5, 0.75);
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
  _aims_pdf_ensure_space (&doc->pdf, box_height + 40);
  _aims_pdf_draw_heading (&doc->pdf, _("Approval"));
  top = doc->pdf.y;
  doc->pdf.y += 12;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const AimsFieldInfo *field = aims_table_info_lookup_field (table, fields[i]);

      _aims_pdf_draw_label_value (&doc->pdf, MARGIN + 12, MARGIN + 170, CONTENT_W - 190,
                                  _(field->label), field_value (doc, field), 8);
    }

  /* A line to sign on paper */
  doc->pdf.y += 28;
  _aims_pdf_draw_line (&doc->pdf, MARGIN + 12, MARGIN + 230, doc->pdf.y, 0.6, 0.3);
  doc->pdf.y += 4;
  _aims_pdf_draw_paragraph (&doc->pdf, AIMS_PDF_FONT_SMALL, MARGIN + 12, 220,
                            _("Signature of the approver"), 0.4);
  doc->pdf.y += 10;

  cairo_save (doc->pdf.cr);
  cairo_set_source_rgb (doc->pdf.cr, 0.6, 0.6, 0.6);
  cairo_set_line_width (doc->pdf.cr, 0.8);
  cairo_rectangle (doc->pdf.cr, MARGIN, top, CONTENT_W, doc->pdf.y - top);
  cairo_stroke (doc->pdf.cr);
  cairo_restore (doc->pdf.cr);
}

static void
draw_document (Doc *doc)
{
  doc->pdf.page = 1;
  doc->pdf.y = MARGIN;

  draw_cover (doc);
  /* The impacts come before the conclusion, as in ISO/IEC 42005 */
  draw_sections (doc, NULL, N_("Thresholds and Conclusion"));
  draw_impacts (doc);
  draw_sections (doc, N_("Thresholds and Conclusion"), NULL);
  draw_approval (doc);
  _aims_pdf_draw_footer (&doc->pdf);
  cairo_show_page (doc->pdf.cr);
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
  g_autofree char *footer = NULL;
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
  /* Translators: the footer of a printed assessment: IA-004 version 2 · Claims triage */
  footer = g_strdup_printf (_("%s version %u · %s"), doc.reference, doc.version, doc.system_name);
  doc.pdf.footer = footer;

  /* First pass: count the pages */
  surface = cairo_pdf_surface_create_for_stream (NULL, NULL, AIMS_PDF_PAGE_WIDTH,
                                                 AIMS_PDF_PAGE_HEIGHT);
  doc.pdf.cr = cairo_create (surface);
  draw_document (&doc);
  cairo_destroy (doc.pdf.cr);
  cairo_surface_destroy (surface);
  doc.pdf.n_pages = doc.pdf.page;

  surface = cairo_pdf_surface_create (path, AIMS_PDF_PAGE_WIDTH, AIMS_PDF_PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  _("AI System Impact Assessment"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "AIMS Workbench");
  doc.pdf.cr = cairo_create (surface);
  draw_document (&doc);
  status = cairo_status (doc.pdf.cr);
  cairo_destroy (doc.pdf.cr);
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
    *n_pages = doc.pdf.n_pages;

  return TRUE;
}
