/* aims-soa-export.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aims-soa-export"

#include "config.h"

#include "aims-soa-export.h"

#include "aims-export.h"
#include "aims-risks-private.h"
#include "aims-soa.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>
#include <string.h>

/*
 * The Statement of Applicability for an auditor.
 *
 * CSV (RFC 4180, as the inventory's): a header of field names, one row per
 * Annex A control in catalogue order (38), values as stored (choice ids,
 * dates YYYY-MM-DD); risks are references joined with "; ", evidence is
 * "title <location> sha256:… date" joined with "; ".
 *
 * PDF: A4 landscape, a table with wrapped text whose header repeats on each
 * page, a row per objective before its controls, "Page n of N" in the
 * footer. Laid out once to count the pages, then drawn.
 */

#define PAGE_WIDTH 841.89
#define PAGE_HEIGHT 595.28
#define MARGIN 36.0
#define CELL_PAD 3.0
#define FOOTER_HEIGHT 20.0
#define BODY_SIZE 7.5

static const char * const columns[] = {
  "control", "title", "objective", "applicability", "justification", "implementation", "owner",
  "how_implemented", "risks", "evidence", "last_reviewed", NULL
};

/* Table columns of the PDF: their heading and share of the width. */
typedef struct
{
  const char *heading;
  double      width;
} Column;

static const Column pdf_columns[] = {
  { N_("Control"), 46 },
  { N_("Title"), 100 },
  { N_("Applicability"), 60 },
  { N_("Justification"), 146 },
  { N_("Implementation"), 82 },
  { N_("Owner"), 64 },
  { N_("How it is implemented"), 140 },
  { N_("Risks treated"), 52 },
  { N_("Evidence"), 79.89 },
};

#define N_PDF_COLUMNS G_N_ELEMENTS (pdf_columns)

/**
 * aims_soa_export_columns:
 *
 * Returns: (transfer none): the CSV's column names, %NULL-terminated
 */
const char * const *
aims_soa_export_columns (void)
{
  return columns;
}

static const AimsFieldInfo *
soa_field (const char *name)
{
  return aims_table_info_lookup_field (aims_schema_lookup_table ("soa_entry"), name);
}

static char *
join_risks (AimsSoaEntry *entry)
{
  const char * const *risks = aims_soa_entry_get_risks (entry);

  return risks != NULL ? g_strjoinv ("; ", (char **) risks) : g_strdup ("");
}

static char *
join_evidence (AimsStore    *store,
               AimsSoaEntry *entry,
               gboolean      full,
               GError      **error)
{
  g_autoptr(GPtrArray) list = NULL;
  GString *text = g_string_new (NULL);

  if (aims_soa_entry_get_n_evidence (entry) == 0)
    return g_string_free (text, FALSE);

  list = aims_soa_list_evidence (store, aims_soa_entry_get_control_id (entry), error);
  if (list == NULL)
    {
      g_string_free (text, TRUE);
      return NULL;
    }

  for (guint i = 0; i < list->len; i++)
    {
      AimsEvidence *evidence = g_ptr_array_index (list, i);

      if (i > 0)
        g_string_append (text, full ? "; " : "\n");
      g_string_append (text, evidence->title);
      if (full)
        g_string_append_printf (text, " <%s>", evidence->location);
      if (evidence->sha256[0] != '\0')
        g_string_append_printf (text, full ? " sha256:%s" : " (SHA-256 %.12s…)",
                                evidence->sha256);
      if (evidence->date[0] != '\0')
        g_string_append_printf (text, full ? " %s" : ", %s", evidence->date);
    }

  return g_string_free (text, FALSE);
}

/**
 * aims_soa_export_csv:
 * @store: a project
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the SoA as CSV
 */
GBytes *
aims_soa_export_csv (AimsStore  *store,
                     GError    **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  GString *csv;

  g_return_val_if_fail (AIMS_IS_STORE (store), NULL);

  if ((entries = aims_soa_load (store, error)) == NULL)
    return NULL;

  csv = g_string_new (NULL);
  for (guint i = 0; columns[i] != NULL; i++)
    g_string_append_printf (csv, "%s%s", i > 0 ? "," : "", columns[i]);
  g_string_append (csv, "\r\n");

  for (guint i = 0; i < entries->len; i++)
    {
      AimsSoaEntry *entry = g_ptr_array_index (entries, i);
      AimsCatalogItem *control = aims_soa_entry_get_control (entry);
      AimsCatalogItem *objective = aims_soa_entry_get_objective (entry);
      g_autofree char *risks = join_risks (entry);
      g_autofree char *evidence = join_evidence (store, entry, TRUE, error);
      const char *values[G_N_ELEMENTS (columns)];

      if (evidence == NULL)
        {
          g_string_free (csv, TRUE);
          return NULL;
        }

      values[0] = aims_catalog_item_get_id (control);
      values[1] = aims_catalog_item_get_title (control);
      values[2] = objective != NULL ? aims_catalog_item_get_id (objective) : "";
      values[3] = aims_soa_entry_get_applicability (entry);
      values[4] = aims_soa_entry_get_justification (entry);
      values[5] = aims_soa_entry_get_implementation (entry);
      values[6] = aims_soa_entry_get_owner (entry);
      values[7] = aims_soa_entry_get_how_implemented (entry);
      values[8] = risks;
      values[9] = evidence;
      values[10] = aims_soa_entry_get_last_reviewed (entry);

      for (guint j = 0; columns[j] != NULL; j++)
        {
          g_autofree char *field = aims_export_csv_field (values[j]);

          g_string_append_printf (csv, "%s%s", j > 0 ? "," : "", field);
        }
      g_string_append (csv, "\r\n");
    }

  return g_string_free_to_bytes (csv);
}

/* The PDF */

typedef struct
{
  gboolean  group;              /* an objective's heading row */
  char     *cells[N_PDF_COLUMNS];
  double    height;
} Row;

static void
row_free (Row *row)
{
  for (guint i = 0; i < N_PDF_COLUMNS; i++)
    g_free (row->cells[i]);
  g_free (row);
}

static PangoLayout *
cell_layout (cairo_t    *cr,
             const char *text,
             double      width,
             gboolean    bold,
             double      size)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans");

  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  pango_layout_set_width (layout, (int) ((width - 2 * CELL_PAD) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);

  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  return height;
}

static double
measure_row (cairo_t *cr,
             Row     *row,
             gboolean bold)
{
  double height = 0;

  if (row->group)
    {
      g_autoptr(PangoLayout) layout = cell_layout (cr, row->cells[0], PAGE_WIDTH - 2 * MARGIN,
                                                   TRUE, BODY_SIZE + 0.5);

      return layout_height (layout) + 2 * CELL_PAD;
    }

  for (guint i = 0; i < N_PDF_COLUMNS; i++)
    {
      g_autoptr(PangoLayout) layout = cell_layout (cr, row->cells[i], pdf_columns[i].width, bold,
                                                   BODY_SIZE);

      height = MAX (height, layout_height (layout));
    }

  return height + 2 * CELL_PAD;
}

static void
draw_row (cairo_t *cr,
          Row     *row,
          double   y,
          gboolean header)
{
  double x = MARGIN;

  if (row->group || header)
    {
      cairo_rectangle (cr, MARGIN, y, PAGE_WIDTH - 2 * MARGIN, row->height);
      cairo_set_source_rgb (cr, header ? 0.85 : 0.93, header ? 0.87 : 0.94, header ? 0.90 : 0.96);
      cairo_fill (cr);
    }

  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  if (row->group)
    {
      g_autoptr(PangoLayout) layout = cell_layout (cr, row->cells[0], PAGE_WIDTH - 2 * MARGIN,
                                                   TRUE, BODY_SIZE + 0.5);

      cairo_move_to (cr, MARGIN + CELL_PAD, y + CELL_PAD);
      pango_cairo_show_layout (cr, layout);
    }
  else
    {
      for (guint i = 0; i < N_PDF_COLUMNS; i++)
        {
          g_autoptr(PangoLayout) layout = cell_layout (cr, row->cells[i], pdf_columns[i].width,
                                                       header, BODY_SIZE);

          cairo_move_to (cr, x + CELL_PAD, y + CELL_PAD);
          pango_cairo_show_layout (cr, layout);
          x += pdf_columns[i].width;
        }
    }

  /* Rules: below the row, and between cells */
  cairo_set_source_rgb (cr, 0.7, 0.7, 0.72);
  cairo_set_line_width (cr, 0.4);
  cairo_move_to (cr, MARGIN, y + row->height);
  cairo_line_to (cr, PAGE_WIDTH - MARGIN, y + row->height);
  if (!row->group)
    {
      x = MARGIN;
      for (guint i = 0; i + 1 < N_PDF_COLUMNS; i++)
        {
          x += pdf_columns[i].width;
          cairo_move_to (cr, x, y);
          cairo_line_to (cr, x, y + row->height);
        }
    }
  cairo_stroke (cr);
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static GPtrArray *
build_rows (AimsStore  *store,
            GPtrArray  *entries,
            GError    **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  AimsCatalogItem *last_objective = NULL;

  for (guint i = 0; i < entries->len; i++)
    {
      AimsSoaEntry *entry = g_ptr_array_index (entries, i);
      AimsCatalogItem *control = aims_soa_entry_get_control (entry);
      AimsCatalogItem *objective = aims_soa_entry_get_objective (entry);
      const char *applicability = aims_soa_entry_get_applicability (entry);
      Row *row;

      if (objective != NULL && objective != last_objective)
        {
          row = g_new0 (Row, 1);
          row->group = TRUE;
          row->cells[0] = g_strdup_printf ("%s %s", aims_catalog_item_get_id (objective),
                                           aims_catalog_item_get_title (objective));
          for (guint j = 1; j < N_PDF_COLUMNS; j++)
            row->cells[j] = g_strdup ("");
          g_ptr_array_add (rows, row);
          last_objective = objective;
        }

      row = g_new0 (Row, 1);
      row->cells[0] = g_strdup (aims_catalog_item_get_id (control));
      row->cells[1] = g_strdup (aims_catalog_item_get_title (control));
      row->cells[2] = g_strdup (applicability[0] != '\0'
                                ? aims_choice_label (soa_field ("applicability"), applicability)
                                : _("Not decided"));
      row->cells[3] = g_strdup (aims_soa_entry_get_justification (entry));
      row->cells[4] = g_strdup (aims_choice_label (soa_field ("implementation"),
                                                   aims_soa_entry_get_implementation (entry)));
      row->cells[5] = g_strdup (aims_soa_entry_get_owner (entry));
      row->cells[6] = g_strdup (aims_soa_entry_get_how_implemented (entry));
      row->cells[7] = join_risks (entry);
      row->cells[8] = join_evidence (store, entry, FALSE, error);
      if (row->cells[8] == NULL)
        {
          row_free (row);
          return NULL;
        }
      g_ptr_array_add (rows, row);
    }

  return g_steal_pointer (&rows);
}

/**
 * aims_soa_export_pdf:
 * @store: a project
 * @today: (nullable): the date printed on it, YYYY-MM-DD; today if %NULL
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the SoA as a PDF table
 */
GBytes *
aims_soa_export_pdf (AimsStore   *store,
                     const char  *today,
                     GError     **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GArray) page_starts = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *date = today != NULL ? g_strdup (today) : _aims_risks_today ();
  g_autofree char *project = NULL;
  g_autofree char *organisation = NULL;
  g_autofree char *title = NULL;
  g_autofree char *summary_text = NULL;
  AimsSoaSummary summary;
  Row header = { FALSE, { NULL }, 0 };
  GByteArray *bytes;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double title_height;
  double y;
  guint n_pages;

  g_return_val_if_fail (AIMS_IS_STORE (store), NULL);

  if ((entries = aims_soa_load (store, error)) == NULL ||
      (rows = build_rows (store, entries, error)) == NULL)
    return NULL;

  project = aims_store_dup_project_uuid (store);
  organisation = project != NULL
    ? aims_store_dup_text (store, "project", project, "organisation", NULL)
    : NULL;
  title = organisation != NULL && organisation[0] != '\0'
    ? g_strdup_printf (_("Statement of Applicability — %s"), organisation)
    : g_strdup (_("Statement of Applicability"));

  aims_soa_summarize (entries, NULL, &summary);
  summary_text = g_strdup_printf (_("ISO/IEC 42001:2023 Annex A. %u applicable, %u excluded, "
                                    "%u not decided; %u of %u applicable controls implemented "
                                    "(%.0f%%). Issued %s."),
                                  summary.n_applicable, summary.n_excluded, summary.n_undecided,
                                  summary.n_implemented, summary.n_applicable,
                                  100.0 * aims_soa_summary_get_fraction (&summary), date);

  for (guint i = 0; i < N_PDF_COLUMNS; i++)
    header.cells[i] = (char *) _(pdf_columns[i].heading);

  bytes = g_byte_array_new ();
  surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "AIMS Workbench");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cr = cairo_create (surface);

  /* Pass 1: heights and page breaks. The first page starts with the title. */
  {
    g_autoptr(PangoLayout) heading = cell_layout (cr, title, PAGE_WIDTH - 2 * MARGIN, TRUE, 14);
    g_autoptr(PangoLayout) sub = cell_layout (cr, summary_text, PAGE_WIDTH - 2 * MARGIN, FALSE, 9);

    title_height = layout_height (heading) + layout_height (sub) + 12;
  }

  header.height = measure_row (cr, &header, TRUE);
  y = MARGIN + title_height + header.height;
  g_array_append_val (page_starts, (guint) { 0 });
  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = g_ptr_array_index (rows, i);
      double bottom = PAGE_HEIGHT - MARGIN - FOOTER_HEIGHT;

      row->height = measure_row (cr, row, FALSE);
      /* An objective's heading never ends a page. */
      if (y + row->height > bottom ||
          (row->group && i + 1 < rows->len &&
           y + row->height + measure_row (cr, g_ptr_array_index (rows, i + 1), FALSE) > bottom))
        {
          g_array_append_val (page_starts, i);
          y = MARGIN + header.height;
        }
      y += row->height;
    }
  n_pages = page_starts->len;

  /* Pass 2: draw */
  for (guint page = 0; page < n_pages; page++)
    {
      guint first = g_array_index (page_starts, guint, page);
      guint end = page + 1 < n_pages ? g_array_index (page_starts, guint, page + 1) : rows->len;
      g_autofree char *footer = NULL;
      double top;

      y = MARGIN;
      if (page == 0)
        {
          g_autoptr(PangoLayout) heading = cell_layout (cr, title, PAGE_WIDTH - 2 * MARGIN, TRUE,
                                                        14);
          g_autoptr(PangoLayout) sub = cell_layout (cr, summary_text, PAGE_WIDTH - 2 * MARGIN,
                                                    FALSE, 9);

          cairo_set_source_rgb (cr, 0, 0, 0);
          cairo_move_to (cr, MARGIN - CELL_PAD, y);
          pango_cairo_show_layout (cr, heading);
          y += layout_height (heading) + 4;
          cairo_move_to (cr, MARGIN - CELL_PAD, y);
          pango_cairo_show_layout (cr, sub);
          y = MARGIN + title_height;
        }

      draw_row (cr, &header, y, TRUE);
      y += header.height;
      for (guint i = first; i < end; i++)
        {
          Row *row = g_ptr_array_index (rows, i);

          draw_row (cr, row, y, FALSE);
          y += row->height;
        }

      /* A frame around the page's table */
      cairo_set_source_rgb (cr, 0.7, 0.7, 0.72);
      cairo_set_line_width (cr, 0.4);
      top = page == 0 ? MARGIN + title_height : MARGIN;
      cairo_rectangle (cr, MARGIN, top, PAGE_WIDTH - 2 * MARGIN, y - top);
      cairo_stroke (cr);

      /* Translators: the footer of each page of the SoA: Page 2 of 5 */
      footer = g_strdup_printf (_("%s · %s · Page %u of %u"), title, date, page + 1, n_pages);
      {
        g_autoptr(PangoLayout) layout = cell_layout (cr, footer, PAGE_WIDTH - 2 * MARGIN, FALSE,
                                                     7);

        pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
        cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
        cairo_move_to (cr, MARGIN, PAGE_HEIGHT - MARGIN - layout_height (layout));
        pango_cairo_show_layout (cr, layout);
      }

      cairo_show_page (cr);
    }

  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_byte_array_unref (bytes);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not draw the Statement of Applicability: %s"),
                   cairo_status_to_string (status));
      return NULL;
    }

  return g_byte_array_free_to_bytes (bytes);
}

/**
 * aims_soa_export_file:
 * @store: a project
 * @path: where to write: a name ending in .csv or .pdf
 * @error: return location for a #GError
 *
 * Writes the SoA in the format @path's extension names, as one step (see
 * aims_export_write_file()).
 *
 * Returns: %TRUE on success
 */
gboolean
aims_soa_export_file (AimsStore   *store,
                      const char  *path,
                      GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *lower = NULL;
  gconstpointer data;
  gsize length;

  g_return_val_if_fail (AIMS_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".csv"))
    bytes = aims_soa_export_csv (store, error);
  else if (g_str_has_suffix (lower, ".pdf"))
    bytes = aims_soa_export_pdf (store, NULL, error);
  else
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s”: the Statement of Applicability is written as .csv or .pdf; end the "
                     "name with one of them."),
                   display);
      return FALSE;
    }

  if (bytes == NULL)
    return FALSE;

  data = g_bytes_get_data (bytes, &length);
  return aims_export_write_file (path, data, length, error);
}
