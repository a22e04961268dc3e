/* aims-xlsx-reader.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aims-xlsx-reader"

#include "config.h"

#include "aims-xlsx-reader.h"

#include "aims-sheet-private.h"

#include <glib/gi18n.h>
#include <libxml/xmlreader.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

/*
 * XLSX (Office Open XML, ECMA-376) read with libzip and libxml2's streaming
 * reader. Debian 12 ships no maintained C library that reads XLSX (freexl
 * reads the old .xls only; xlsxio and OpenXLSX are not packaged), and the
 * part of the format a sheet of records needs is small: the workbook's
 * sheet list and its relationships, the shared strings, the number formats
 * (to tell a date from a number) and the cells of one sheet.
 *
 * Cell values become text: shared and inline strings as they are, numbers
 * as written, booleans TRUE or FALSE, and numbers in a date format as
 * YYYY-MM-DD (with THH:MM when they have a time). A cell with a formula is
 * not evaluated: its row carries a problem and is rejected.
 *
 * Hostile archives: every part is checked against its declared size before
 * it is unpacked (at most AIMS_XLSX_MAX_UNPACKED bytes, and at most
 * AIMS_XLSX_MAX_RATIO times its packed size), and reading stops at the
 * declared size whatever the data says. XML is parsed without entities
 * from outside and without network access.
 */

#define NS_REL_TRANSITIONAL "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_REL_STRICT "http://purl.oclc.org/ooxml/officeDocument/relationships"

typedef struct
{
  const char *display_name;
  gsize       length;        /* of the archive */
  zip_t      *zip;
  gboolean    date1904;
  GPtrArray  *sheet_names;   /* of char* */
  GPtrArray  *sheet_ids;     /* relationship ids, in step */
  GHashTable *rels;          /* id → part name */
  char       *shared_strings_part;
  char       *styles_part;
  GPtrArray  *shared_strings;
  GArray     *date_styles;   /* gboolean per cellXfs index */
} Workbook;

static void
workbook_clear (Workbook *wb)
{
  g_clear_pointer (&wb->zip, zip_discard);
  g_clear_pointer (&wb->sheet_names, g_ptr_array_unref);
  g_clear_pointer (&wb->sheet_ids, g_ptr_array_unref);
  g_clear_pointer (&wb->rels, g_hash_table_unref);
  g_clear_pointer (&wb->shared_strings_part, g_free);
  g_clear_pointer (&wb->styles_part, g_free);
  g_clear_pointer (&wb->shared_strings, g_ptr_array_unref);
  g_clear_pointer (&wb->date_styles, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Workbook, workbook_clear)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlTextReader, xmlFreeTextReader)

static void
ignore_xml_error (void                    *arg,
                  const char              *msg,
                  xmlParserSeverities      severity,
                  xmlTextReaderLocatorPtr  locator)
{
}

static void
set_not_xlsx (GError     **error,
              const char  *display_name)
{
  g_set_error (error, AIMS_SHEET_ERROR, AIMS_SHEET_ERROR_NOT_XLSX,
               _("“%s” is not an XLSX workbook (an Excel 2007 or later file). Save it as "
                 "“Excel Workbook (.xlsx)” or as CSV and import it again."),
               display_name);
}

static void
set_bad_part (GError     **error,
              const char  *display_name,
              const char  *part,
              int          line)
{
  g_set_error (error, AIMS_SHEET_ERROR, AIMS_SHEET_ERROR_SYNTAX,
               _("“%s” is damaged: its part %s is not well-formed XML (line %d). Open it in a "
                 "spreadsheet program, save it again, and import it again."),
               display_name, part, line);
}

/* Unpacks one part, or NULL with @error set (or not set, when the part
 * does not exist and @optional). */
static char *
read_part (Workbook    *wb,
           const char  *name,
           gboolean     optional,
           gsize       *length,
           GError     **error)
{
  zip_stat_t st;
  zip_int64_t index;
  zip_file_t *file;
  char *buffer;
  zip_uint64_t total = 0;
  zip_uint64_t allocated;

  index = zip_name_locate (wb->zip, name, ZIP_FL_NOCASE);
  if (index < 0)
    {
      if (!optional)
        set_not_xlsx (error, wb->display_name);
      return NULL;
    }

  zip_stat_init (&st);
  if (zip_stat_index (wb->zip, (zip_uint64_t) index, 0, &st) != 0 ||
      !(st.valid & ZIP_STAT_SIZE) || !(st.valid & ZIP_STAT_COMP_SIZE))
    {
      set_not_xlsx (error, wb->display_name);
      return NULL;
    }

  /* A part cannot be packed into more bytes than the archive has. */
  if (st.comp_size > wb->length)
    {
      g_set_error (error, AIMS_SHEET_ERROR, AIMS_SHEET_ERROR_NOT_XLSX,
                   _("“%s” is damaged: its part %s claims to be larger than the whole file."),
                   wb->display_name, name);
      return NULL;
    }

  if (st.size > AIMS_XLSX_MAX_UNPACKED ||
      (st.size > 1024 * 1024 && st.size / MAX (st.comp_size, 1) > AIMS_XLSX_MAX_RATIO))
    {
      g_autofree char *packed = g_format_size (st.comp_size);
      g_autofree char *unpacked = g_format_size (st.size);

      g_set_error (error, AIMS_SHEET_ERROR, AIMS_SHEET_ERROR_ZIP_BOMB,
                   _("“%s” is refused: its part %s would unpack from %s to %s, far more than a "
                     "spreadsheet does (a “zip bomb”). Nothing was imported."),
                   wb->display_name, name, packed, unpacked);
      return NULL;
    }

  file = zip_fopen_index (wb->zip, (zip_uint64_t) index, 0);
  if (file == NULL)
    {
      g_set_error (error, AIMS_SHEET_ERROR, AIMS_SHEET_ERROR_NOT_XLSX,
                   _("“%s” is damaged: its part %s cannot be unpacked (%s)."),
                   wb->display_name, name, zip_strerror (wb->zip));
      return NULL;
    }

  /* Grown as data arrives: the declared size is only an upper bound. */
  allocated = MIN (st.size, (zip_uint64_t) 1024 * 1024) + 1;
  buffer = g_malloc (allocated);

  /* Never past the declared size, whatever the data says. */
  while (total < st.size)
    {
      zip_int64_t n;

      if (total + 1 >= allocated)
        {
          allocated = MIN ((zip_uint64_t) allocated * 2, st.size + 1);
          buffer = g_realloc (buffer, allocated);
        }

      n = zip_fread (file, buffer + total, MIN (st.size - total, allocated - 1 - total));
      if (n < 0)
        {
          g_set_error (error, AIMS_SHEET_ERROR, AIMS_SHEET_ERROR_NOT_XLSX,
                       _("“%s” is damaged: its part %s cannot be unpacked (%s)."),
                       wb->display_name, name, zip_file_strerror (file));
          zip_fclose (file);
          g_free (buffer);
          return NULL;
        }
      if (n == 0)
        break;
      total += (zip_uint64_t) n;
    }
  zip_fclose (file);

  if (total != st.size)
    {
      g_set_error (error, AIMS_SHEET_ERROR, AIMS_SHEET_ERROR_NOT_XLSX,
                   _("“%s” is damaged: its part %s is shorter than the archive says."),
                   wb->display_name, name);
      g_free (buffer);
      return NULL;
    }

  buffer[total] = '\0';
  *length = total;
  return buffer;
}

static xmlTextReader *
open_reader (const char *xml,
             gsize       length,
             const char *part)
{
  xmlTextReader *reader;

  if (length > G_MAXINT)
    return NULL;

  reader = xmlReaderForMemory (xml, (int) length, part, NULL,
                               XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (reader != NULL)
    xmlTextReaderSetErrorHandler (reader, ignore_xml_error, NULL);
  return reader;
}

static gboolean
is_element (xmlTextReader *reader,
            const char    *local_name)
{
  return xmlTextReaderNodeType (reader) == XML_READER_TYPE_ELEMENT &&
         g_strcmp0 ((const char *) xmlTextReaderConstLocalName (reader), local_name) == 0;
}

static gboolean
is_end (xmlTextReader *reader,
        const char    *local_name)
{
  return xmlTextReaderNodeType (reader) == XML_READER_TYPE_END_ELEMENT &&
         g_strcmp0 ((const char *) xmlTextReaderConstLocalName (reader), local_name) == 0;
}

static char *
get_attribute (xmlTextReader *reader,
               const char    *name)
{
  xmlChar *value = xmlTextReaderGetAttribute (reader, (const xmlChar *) name);
  char *copy = value != NULL ? g_strdup ((const char *) value) : NULL;

  xmlFree (value);
  return copy;
}

static gboolean
is_text_node (xmlTextReader *reader)
{
  int type = xmlTextReaderNodeType (reader);

  return type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
         type == XML_READER_TYPE_WHITESPACE || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE;
}

/* Resolves a relationship's target against the folder of xl/workbook.xml. */
static char *
resolve_target (const char *target)
{
  if (target[0] == '/')
    return g_strdup (target + 1);
  if (g_str_has_prefix (target, "xl/"))
    return g_strdup (target);
  return g_strconcat ("xl/", target, NULL);
}

static gboolean
read_workbook (Workbook  *wb,
               GError   **error)
{
  g_autofree char *xml = NULL;
  g_autoptr(xmlTextReader) reader = NULL;
  gsize length = 0;
  int rc;

  xml = read_part (wb, "xl/workbook.xml", FALSE, &length, error);
  if (xml == NULL)
    return FALSE;

  reader = open_reader (xml, length, "xl/workbook.xml");
  if (reader == NULL)
    {
      set_not_xlsx (error, wb->display_name);
      return FALSE;
    }

  wb->sheet_names = g_ptr_array_new_with_free_func (g_free);
  wb->sheet_ids = g_ptr_array_new_with_free_func (g_free);

  while ((rc = xmlTextReaderRead (reader)) == 1)
    {
      if (is_element (reader, "workbookPr"))
        {
          g_autofree char *value = get_attribute (reader, "date1904");

          wb->date1904 = value != NULL &&
                         (g_str_equal (value, "1") || g_ascii_strcasecmp (value, "true") == 0);
        }
      else if (is_element (reader, "sheet"))
        {
          char *name = get_attribute (reader, "name");
          xmlChar *id = xmlTextReaderGetAttributeNs (reader, (const xmlChar *) "id",
                                                     (const xmlChar *) NS_REL_TRANSITIONAL);

          if (id == NULL)
            id = xmlTextReaderGetAttributeNs (reader, (const xmlChar *) "id",
                                              (const xmlChar *) NS_REL_STRICT);
          if (name != NULL && id != NULL)
            {
              g_ptr_array_add (wb->sheet_names, name);
              g_ptr_array_add (wb->sheet_ids, g_strdup ((const char *) id));
            }
          else
            g_free (name);
          xmlFree (id);
        }
    }

  if (rc != 0)
    {
      set_bad_part (error, wb->display_name, "xl/workbook.xml",
                    xmlTextReaderGetParserLineNumber (reader));
      return FALSE;
    }

  if (wb->sheet_names->len == 0)
    {
      g_set_error (error, AIMS_SHEET_ERROR, AIMS_SHEET_ERROR_NO_SHEET,
                   _("“%s” has no sheets."), wb->display_name);
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_relationships (Workbook  *wb,
                    GError   **error)
{
  g_autofree char *xml = NULL;
  g_autoptr(xmlTextReader) reader = NULL;
  gsize length = 0;
  int rc;

  wb->rels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  xml = read_part (wb, "xl/_rels/workbook.xml.rels", FALSE, &length, error);
  if (xml == NULL)
    return FALSE;

  reader = open_reader (xml, length, "xl/_rels/workbook.xml.rels");
  if (reader == NULL)
    {
      set_not_xlsx (error, wb->display_name);
      return FALSE;
    }

  while ((rc = xmlTextReaderRead (reader)) == 1)
    {
      g_autofree char *id = NULL;
      g_autofree char *target = NULL;
      g_autofree char *type = NULL;

      if (!is_element (reader, "Relationship"))
        continue;

      id = get_attribute (reader, "Id");
      target = get_attribute (reader, "Target");
      type = get_attribute (reader, "Type");
      if (id == NULL || target == NULL)
        continue;

      if (type != NULL && g_str_has_suffix (type, "/sharedStrings") &&
          wb->shared_strings_part == NULL)
        wb->shared_strings_part = resolve_target (target);
      else if (type != NULL && g_str_has_suffix (type, "/styles") && wb->styles_part == NULL)
        wb->styles_part = resolve_target (target);

      g_hash_table_replace (wb->rels, g_steal_pointer (&id), resolve_target (target));
    }

  if (rc != 0)
    {
      set_bad_part (error, wb->display_name, "xl/_rels/workbook.xml.rels",
                    xmlTextReaderGetParserLineNumber (reader));
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_shared_strings (Workbook  *wb,
                     GError   **error)
{
  g_autofree char *xml = NULL;
  g_autoptr(xmlTextReader) reader = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  const char *part = wb->shared_strings_part != NULL ? wb->shared_strings_part
                                                     : "xl/sharedStrings.xml";
  gsize length = 0;
  gboolean in_si = FALSE, in_t = FALSE;
  guint phonetic = 0;
  int rc;

  wb->shared_strings = g_ptr_array_new_with_free_func (g_free);

  xml = read_part (wb, part, TRUE, &length, error);
  if (xml == NULL)
    return error == NULL || *error == NULL;

  reader = open_reader (xml, length, part);
  if (reader == NULL)
    {
      set_not_xlsx (error, wb->display_name);
      return FALSE;
    }

  while ((rc = xmlTextReaderRead (reader)) == 1)
    {
      if (is_element (reader, "si"))
        {
          in_si = !xmlTextReaderIsEmptyElement (reader);
          g_string_truncate (text, 0);
          if (!in_si)
            g_ptr_array_add (wb->shared_strings, g_strdup (""));
        }
      else if (is_end (reader, "si"))
        {
          g_ptr_array_add (wb->shared_strings, g_strndup (text->str, text->len));
          in_si = FALSE;
        }
      else if (is_element (reader, "rPh") && !xmlTextReaderIsEmptyElement (reader))
        phonetic++;
      else if (is_end (reader, "rPh") && phonetic > 0)
        phonetic--;
      else if (is_element (reader, "t"))
        in_t = !xmlTextReaderIsEmptyElement (reader);
      else if (is_end (reader, "t"))
        in_t = FALSE;
      else if (in_si && in_t && phonetic == 0 && is_text_node (reader))
        g_string_append (text, (const char *) xmlTextReaderConstValue (reader));
    }

  if (rc != 0)
    {
      set_bad_part (error, wb->display_name, part, xmlTextReaderGetParserLineNumber (reader));
      return FALSE;
    }

  return TRUE;
}

static gboolean
builtin_date_format (long id)
{
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) ||
         (id >= 50 && id <= 58);
}

/* A format code shows a date or time when, outside quotes, brackets and
 * escapes, it has d, m, y, h or s. */
static gboolean
custom_date_format (const char *code)
{
  gboolean quoted = FALSE;
  gboolean bracket = FALSE;

  for (const char *p = code; *p != '\0'; p++)
    {
      char c = g_ascii_tolower (*p);

      if (c == '"')
        quoted = !quoted;
      else if (quoted)
        continue;
      else if (c == '\\' || c == '_' || c == '*')
        {
          if (p[1] != '\0')
            p++;
        }
      else if (c == '[')
        bracket = TRUE;
      else if (c == ']')
        bracket = FALSE;
      else if (!bracket && strchr ("dmyhs", c) != NULL)
        return TRUE;
    }

  return FALSE;
}

static gboolean
read_styles (Workbook  *wb,
             GError   **error)
{
  g_autofree char *xml = NULL;
  g_autoptr(xmlTextReader) reader = NULL;
  g_autoptr(GHashTable) custom = g_hash_table_new (g_direct_hash, g_direct_equal);
  const char *part = wb->styles_part != NULL ? wb->styles_part : "xl/styles.xml";
  gsize length = 0;
  gboolean in_xfs = FALSE;
  int rc;

  wb->date_styles = g_array_new (FALSE, TRUE, sizeof (gboolean));

  xml = read_part (wb, part, TRUE, &length, error);
  if (xml == NULL)
    return error == NULL || *error == NULL;

  reader = open_reader (xml, length, part);
  if (reader == NULL)
    {
      set_not_xlsx (error, wb->display_name);
      return FALSE;
    }

  while ((rc = xmlTextReaderRead (reader)) == 1)
    {
      if (is_element (reader, "numFmt"))
        {
          g_autofree char *id = get_attribute (reader, "numFmtId");
          g_autofree char *code = get_attribute (reader, "formatCode");

          if (id != NULL && code != NULL && custom_date_format (code))
            g_hash_table_add (custom, GINT_TO_POINTER ((int) strtol (id, NULL, 10)));
        }
      else if (is_element (reader, "cellXfs"))
        in_xfs = !xmlTextReaderIsEmptyElement (reader);
      else if (is_end (reader, "cellXfs"))
        in_xfs = FALSE;
      else if (in_xfs && is_element (reader, "xf"))
        {
          g_autofree char *id = get_attribute (reader, "numFmtId");
          long n = id != NULL ? strtol (id, NULL, 10) : 0;
          gboolean is_date = builtin_date_format (n) ||
                             g_hash_table_contains (custom, GINT_TO_POINTER ((int) n));

          if (wb->date_styles->len < 65536)
            g_array_append_val (wb->date_styles, is_date);
        }
    }

  if (rc != 0)
    {
      set_bad_part (error, wb->display_name, part, xmlTextReaderGetParserLineNumber (reader));
      return FALSE;
    }

  return TRUE;
}

/* "BC12" → column 54 (0-based) and row 12; FALSE when it is not a cell
 * reference within a sheet's bounds. */
static gboolean
parse_reference (const char *ref,
                 guint      *column,
                 guint      *row)
{
  guint64 col = 0, r = 0;
  const char *p = ref;

  while (g_ascii_isalpha (*p))
    {
      col = col * 26 + (guint64) (g_ascii_toupper (*p) - 'A' + 1);
      if (col > 16384)
        return FALSE;
      p++;
    }
  while (g_ascii_isdigit (*p))
    {
      r = r * 10 + (guint64) (*p - '0');
      if (r > AIMS_SHEET_MAX_ROWS)
        return FALSE;
      p++;
    }
  if (*p != '\0' || col == 0 || r == 0)
    return FALSE;

  *column = (guint) col - 1;
  *row = (guint) r;
  return TRUE;
}

/* A serial date number as YYYY-MM-DD[THH:MM[:SS]], or NULL when it is no
 * day that exists. */
static char *
serial_to_date (double   serial,
                gboolean date1904)
{
  g_autoptr(GDateTime) base = NULL;
  g_autoptr(GDateTime) when = NULL;
  double days = floor (serial);
  double fraction = serial - days;
  gint64 seconds;

  if (!isfinite (serial) || serial < 0 || serial > 2958465.0)
    return NULL;

  if (date1904)
    base = g_date_time_new_utc (1904, 1, 1, 0, 0, 0);
  else if (days >= 61)
    base = g_date_time_new_utc (1899, 12, 30, 0, 0, 0);
  else if (days == 60 || days == 0)
    return NULL;    /* 1900-02-29 and 1900-01-00 do not exist */
  else
    base = g_date_time_new_utc (1899, 12, 31, 0, 0, 0);

  seconds = (gint64) llround (fraction * 86400.0);
  when = g_date_time_add_seconds (base, days * 86400.0 + (double) seconds);
  if (when == NULL)
    return NULL;

  if (seconds == 0)
    return g_date_time_format (when, "%Y-%m-%d");
  if (seconds % 60 == 0)
    return g_date_time_format (when, "%Y-%m-%dT%H:%M");
  return g_date_time_format (when, "%Y-%m-%dT%H:%M:%S");
}

typedef struct
{
  guint      number;
  GPtrArray *cells;
  char      *problem;
} RowBuilder;

static void
row_set_cell (RowBuilder *row,
              guint       column,
              char       *text)
{
  while (row->cells->len <= column)
    g_ptr_array_add (row->cells, g_strdup (""));
  g_free (g_ptr_array_index (row->cells, column));
  g_ptr_array_index (row->cells, column) = text;
}

static void
row_add_problem (RowBuilder *row,
                 char       *problem)
{
  if (row->problem == NULL)
    row->problem = problem;
  else
    g_free (problem);
}

static gboolean
read_sheet (Workbook   *wb,
            AimsSheet  *sheet,
            const char *part,
            const char *sheet_display,
            GError    **error)
{
  g_autofree char *xml = NULL;
  g_autoptr(xmlTextReader) reader = NULL;
  g_autoptr(GString) value = g_string_new (NULL);
  g_autoptr(GString) formula = g_string_new (NULL);
  RowBuilder row = { 0, NULL, NULL };
  guint last_row = 0;
  guint cell_column = 0;
  guint next_column = 0;
  gboolean in_cell = FALSE, in_v = FALSE, in_f = FALSE, in_t = FALSE, has_formula = FALSE;
  g_autofree char *cell_type = NULL;
  guint cell_style = 0;
  gsize length = 0;
  int rc;

  xml = read_part (wb, part, FALSE, &length, error);
  if (xml == NULL)
    return FALSE;

  reader = open_reader (xml, length, part);
  if (reader == NULL)
    {
      set_not_xlsx (error, wb->display_name);
      return FALSE;
    }

  while ((rc = xmlTextReaderRead (reader)) == 1)
    {
      if (is_element (reader, "row"))
        {
          g_autofree char *r = get_attribute (reader, "r");
          guint64 number = r != NULL ? g_ascii_strtoull (r, NULL, 10) : last_row + 1;

          if (number <= last_row || number > AIMS_SHEET_MAX_ROWS)
            {
              g_set_error (error, AIMS_SHEET_ERROR, AIMS_SHEET_ERROR_SYNTAX,
                           _("“%s” is damaged: after row %u of sheet “%s” comes row %s."),
                           wb->display_name, last_row, sheet_display, r != NULL ? r : "?");
              goto failed;
            }

          row.number = (guint) number;
          row.cells = g_ptr_array_new_with_free_func (g_free);
          row.problem = NULL;
          last_row = row.number;
          next_column = 0;

          if (xmlTextReaderIsEmptyElement (reader))
            {
              g_clear_pointer (&row.cells, g_ptr_array_unref);
              continue;
            }
        }
      else if (is_end (reader, "row") && row.cells != NULL)
        {
          gboolean empty = TRUE;

          for (guint i = 0; i < row.cells->len && empty; i++)
            empty = *(const char *) g_ptr_array_index (row.cells, i) == '\0';

          if (!empty || row.problem != NULL)
            _aims_sheet_add_row (sheet, row.number, g_steal_pointer (&row.cells),
                                 g_steal_pointer (&row.problem));
          g_clear_pointer (&row.cells, g_ptr_array_unref);
          g_clear_pointer (&row.problem, g_free);
        }
      else if (is_element (reader, "c") && row.cells != NULL)
        {
          g_autofree char *ref = get_attribute (reader, "r");
          g_autofree char *style = get_attribute (reader, "s");
          guint ref_row = row.number;

          cell_column = next_column;
          if (ref != NULL && (!parse_reference (ref, &cell_column, &ref_row) ||
                              ref_row != row.number || cell_column < next_column))
            {
              g_set_error (error, AIMS_SHEET_ERROR, AIMS_SHEET_ERROR_SYNTAX,
                           _("“%s” is damaged: sheet “%s”, row %u has a cell “%s” out of "
                             "place."),
                           wb->display_name, sheet_display, row.number, ref);
              goto failed;
            }
          if (cell_column >= 16384)
            {
              g_set_error (error, AIMS_SHEET_ERROR, AIMS_SHEET_ERROR_SYNTAX,
                           _("“%s” is damaged: sheet “%s”, row %u has more than 16384 "
                             "columns."),
                           wb->display_name, sheet_display, row.number);
              goto failed;
            }
          next_column = cell_column + 1;

          g_free (cell_type);
          cell_type = get_attribute (reader, "t");
          cell_style = style != NULL ? (guint) MIN (g_ascii_strtoull (style, NULL, 10), G_MAXUINT)
                                     : 0;
          g_string_truncate (value, 0);
          g_string_truncate (formula, 0);
          has_formula = FALSE;
          in_cell = !xmlTextReaderIsEmptyElement (reader);
        }
      else if (in_cell && is_element (reader, "f"))
        {
          has_formula = TRUE;
          in_f = !xmlTextReaderIsEmptyElement (reader);
        }
      else if (in_cell && is_end (reader, "f"))
        in_f = FALSE;
      else if (in_cell && is_element (reader, "v"))
        in_v = !xmlTextReaderIsEmptyElement (reader);
      else if (in_cell && is_end (reader, "v"))
        in_v = FALSE;
      else if (in_cell && is_element (reader, "t"))
        in_t = !xmlTextReaderIsEmptyElement (reader);
      else if (in_cell && is_end (reader, "t"))
        in_t = FALSE;
      else if (in_cell && is_text_node (reader))
        {
          const char *text = (const char *) xmlTextReaderConstValue (reader);

          if (in_f)
            g_string_append (formula, text);
          else if (in_v || in_t)
            g_string_append (value, text);
        }
      else if (in_cell && is_end (reader, "c"))
        {
          g_autofree char *name = aims_sheet_column_name (cell_column);
          char *text = NULL;

          in_cell = FALSE;

          if (has_formula)
            {
              row_add_problem (&row, g_strdup_printf (_("cell %s%u holds a formula (=%s); "
                                                        "formulas are not evaluated: copy the "
                                                        "cells and paste them as values"),
                                                      name, row.number, formula->str));
              text = g_strdup ("");
            }
          else if (g_strcmp0 (cell_type, "s") == 0)
            {
              char *end = NULL;
              guint64 index = g_ascii_strtoull (value->str, &end, 10);

              if (end == value->str || *end != '\0' || index >= wb->shared_strings->len)
                {
                  row_add_problem (&row, g_strdup_printf (_("cell %s%u refers to text the file "
                                                            "does not have; the file is "
                                                            "damaged"),
                                                          name, row.number));
                  text = g_strdup ("");
                }
              else
                text = g_strdup (g_ptr_array_index (wb->shared_strings, index));
            }
          else if (g_strcmp0 (cell_type, "b") == 0)
            text = g_strdup (g_str_equal (value->str, "1") ? "TRUE" : "FALSE");
          else if (g_strcmp0 (cell_type, "e") == 0)
            {
              row_add_problem (&row, g_strdup_printf (_("cell %s%u holds the error %s"),
                                                      name, row.number, value->str));
              text = g_strdup ("");
            }
          else if (g_strcmp0 (cell_type, "inlineStr") == 0 ||
                   g_strcmp0 (cell_type, "str") == 0 || g_strcmp0 (cell_type, "d") == 0)
            text = g_strndup (value->str, value->len);
          else if (value->len > 0 && cell_style < wb->date_styles->len &&
                   g_array_index (wb->date_styles, gboolean, cell_style))
            {
              char *end = NULL;
              double serial = g_ascii_strtod (value->str, &end);

              text = (end != NULL && *end == '\0') ? serial_to_date (serial, wb->date1904)
                                                   : NULL;
              if (text == NULL)
                {
                  row_add_problem (&row, g_strdup_printf (_("cell %s%u holds the date number "
                                                            "%s, which is no day that "
                                                            "exists"),
                                                          name, row.number, value->str));
                  text = g_strdup ("");
                }
            }
          else
            text = g_strndup (value->str, value->len);

          if (!g_utf8_validate (text, -1, NULL))
            {
              g_free (text);
              text = g_strdup ("");
            }
          row_set_cell (&row, cell_column, text);
        }
    }

  if (rc != 0)
    {
      set_bad_part (error, wb->display_name, part, xmlTextReaderGetParserLineNumber (reader));
      goto failed;
    }

  g_clear_pointer (&row.cells, g_ptr_array_unref);
  g_clear_pointer (&row.problem, g_free);
  return TRUE;

failed:
  g_clear_pointer (&row.cells, g_ptr_array_unref);
  g_clear_pointer (&row.problem, g_free);
  return FALSE;
}

static gboolean
open_workbook (Workbook    *wb,
               const char  *data,
               gsize        length,
               const char  *display_name,
               GError     **error)
{
  zip_source_t *source;
  zip_error_t zerror;

  wb->display_name = display_name;
  wb->length = length;

  /* A ZIP archive starts with a local file header. */
  if (length < 4 || memcmp (data, "PK\003\004", 4) != 0)
    {
      set_not_xlsx (error, display_name);
      return FALSE;
    }

  zip_error_init (&zerror);
  source = zip_source_buffer_create (data, length, 0, &zerror);
  if (source == NULL)
    {
      zip_error_fini (&zerror);
      set_not_xlsx (error, display_name);
      return FALSE;
    }

  wb->zip = zip_open_from_source (source, ZIP_RDONLY, &zerror);
  if (wb->zip == NULL)
    {
      zip_source_free (source);
      zip_error_fini (&zerror);
      set_not_xlsx (error, display_name);
      return FALSE;
    }
  zip_error_fini (&zerror);

  return read_workbook (wb, error);
}

/**
 * aims_xlsx_list_sheets_data:
 * @data: (array length=length): the bytes of an XLSX file
 * @length: the length of @data
 * @display_name: the file's name, for messages
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the names of the workbook's sheets,
 *   in order
 */
char **
aims_xlsx_list_sheets_data (const char  *data,
                            gsize        length,
                            const char  *display_name,
                            GError     **error)
{
  g_auto(Workbook) wb = { 0 };
  GStrvBuilder *builder;
  char **names;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  if (!open_workbook (&wb, data, length, display_name, error))
    return NULL;

  builder = g_strv_builder_new ();
  for (guint i = 0; i < wb.sheet_names->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (wb.sheet_names, i));
  names = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return names;
}

/**
 * aims_xlsx_read_data:
 * @data: (array length=length): the bytes of an XLSX file
 * @length: the length of @data
 * @display_name: the file's name, for messages
 * @sheet_name: (nullable): the sheet to read; %NULL for the first
 * @error: return location for a #GError
 *
 * Reads one sheet of an XLSX workbook. Failures are %AIMS_SHEET_ERROR;
 * cells that cannot be taken as they are (formulas, errors, dates that do
 * not exist) give their row a problem instead.
 *
 * Returns: (transfer full) (nullable): the rows
 */
AimsSheet *
aims_xlsx_read_data (const char  *data,
                     gsize        length,
                     const char  *display_name,
                     const char  *sheet_name,
                     GError     **error)
{
  g_auto(Workbook) wb = { 0 };
  g_autoptr(AimsSheet) sheet = NULL;
  g_autofree char *sheet_display = NULL;
  const char *part;
  guint index = 0;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  if (!open_workbook (&wb, data, length, display_name, error))
    return NULL;

  if (sheet_name != NULL)
    {
      if (!g_ptr_array_find_with_equal_func (wb.sheet_names, sheet_name, g_str_equal, &index))
        {
          g_autofree char *list = NULL;

          g_ptr_array_add (wb.sheet_names, NULL);
          list = g_strjoinv ("”, “", (char **) wb.sheet_names->pdata);
          g_ptr_array_remove_index (wb.sheet_names, wb.sheet_names->len - 1);
          g_set_error (error, AIMS_SHEET_ERROR, AIMS_SHEET_ERROR_NO_SHEET,
                       _("“%s” has no sheet “%s”; its sheets are “%s”."),
                       display_name, sheet_name, list);
          return NULL;
        }
    }

  if (!read_relationships (&wb, error) || !read_shared_strings (&wb, error) ||
      !read_styles (&wb, error))
    return NULL;

  part = g_hash_table_lookup (wb.rels, g_ptr_array_index (wb.sheet_ids, index));
  if (part == NULL)
    {
      set_not_xlsx (error, display_name);
      return NULL;
    }

  sheet_display = g_strdup (g_ptr_array_index (wb.sheet_names, index));
  {
    g_autofree char *full = g_strdup_printf ("%s (%s)", display_name, sheet_display);

    sheet = _aims_sheet_new (wb.sheet_names->len > 1 ? full : display_name, "xlsx");
  }

  if (!read_sheet (&wb, sheet, part, sheet_display, error))
    return NULL;

  if (aims_sheet_get_n_rows (sheet) == 0)
    {
      g_set_error (error, AIMS_SHEET_ERROR, AIMS_SHEET_ERROR_EMPTY,
                   _("Sheet “%s” of “%s” is empty: there is not even a header row."),
                   sheet_display, display_name);
      return NULL;
    }

  return g_steal_pointer (&sheet);
}

static char *
read_file (const char  *path,
           const char  *display_name,
           gsize       *length,
           GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  char *contents = NULL;
  gsize size = 0;

  if (!_aims_sheet_check_file_size (path, display_name, &size, error))
    return NULL;

  if (!g_file_get_contents (path, &contents, length, &local_error))
    {
      g_set_error (error, AIMS_SHEET_ERROR, AIMS_SHEET_ERROR_IO,
                   _("“%s” could not be read: %s"), display_name, local_error->message);
      return NULL;
    }

  return contents;
}

/**
 * aims_xlsx_list_sheets:
 * @path: an XLSX file
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the names of its sheets
 */
char **
aims_xlsx_list_sheets (const char  *path,
                       GError     **error)
{
  g_autofree char *display_name = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, NULL);

  display_name = g_filename_display_basename (path);
  contents = read_file (path, display_name, &length, error);
  if (contents == NULL)
    return NULL;

  return aims_xlsx_list_sheets_data (contents, length, display_name, error);
}

/**
 * aims_xlsx_read_file:
 * @path: an XLSX file
 * @sheet_name: (nullable): the sheet to read; %NULL for the first
 * @error: return location for a #GError
 *
 * Reads a sheet of an XLSX file as aims_xlsx_read_data() does. A file
 * larger than %AIMS_SHEET_MAX_FILE_SIZE is refused before it is read.
 *
 * Returns: (transfer full) (nullable): the rows
 */
AimsSheet *
aims_xlsx_read_file (const char  *path,
                     const char  *sheet_name,
                     GError     **error)
{
  g_autofree char *display_name = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, NULL);

  display_name = g_filename_display_basename (path);
  contents = read_file (path, display_name, &length, error);
  if (contents == NULL)
    return NULL;

  return aims_xlsx_read_data (contents, length, display_name, sheet_name, error);
}
