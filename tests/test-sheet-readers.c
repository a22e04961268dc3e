/* test-sheet-readers.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The CSV and XLSX readers of issue 9: encodings, separators, quoting,
 * cell types, and the bad input that must be refused with a message naming
 * the file, row and column. XLSX fixtures are written with libxlsxwriter
 * (the exporter's library) and libzip. */

#include "config.h"

#include "aims-test-util.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <xlsxwriter.h>
#include <zip.h>

static AimsSheet *
read_csv (const char *data,
          gssize      length)
{
  g_autoptr(GError) error = NULL;
  AimsSheet *sheet;

  sheet = aims_csv_read_data (data, length < 0 ? strlen (data) : (gsize) length, "t.csv", &error);
  g_assert_no_error (error);
  g_assert_nonnull (sheet);
  return sheet;
}

static void
assert_row (AimsSheet  *sheet,
            guint       index,
            guint       number,
            const char *first,
            ...)
{
  const char * const *cells;
  guint n_cells;
  va_list args;
  guint i = 0;

  cells = aims_sheet_get_row (sheet, index, &n_cells);
  g_assert_cmpuint (aims_sheet_get_row_number (sheet, index), ==, number);

  va_start (args, first);
  for (const char *expected = first; expected != NULL; expected = va_arg (args, const char *))
    {
      g_assert_cmpuint (i, <, n_cells);
      g_assert_cmpstr (cells[i], ==, expected);
      i++;
    }
  va_end (args);
  g_assert_cmpuint (i, ==, n_cells);
}

static void
test_csv_utf8_bom_quotes (void)
{
  g_autoptr(AimsSheet) sheet = read_csv ("\xEF\xBB\xBFReference,Title,Notes\r\n"
                                         "R-1,\"Bias, in hiring\",\"line one\r\nline two\"\r\n"
                                         "R-2,\"Say \"\"hi\"\"\",\"\"\r\n"
                                         "\r\n"
                                         "R-3,Ünïcödé ✓,last", -1);

  g_assert_cmpstr (aims_sheet_get_format (sheet), ==, "csv");
  g_assert_cmpuint (aims_sheet_get_n_rows (sheet), ==, 4);
  assert_row (sheet, 0, 1, "Reference", "Title", "Notes", NULL);
  assert_row (sheet, 1, 2, "R-1", "Bias, in hiring", "line one\r\nline two", NULL);
  assert_row (sheet, 2, 3, "R-2", "Say \"hi\"", "", NULL);
  /* The blank line is row 4: counted, not kept. */
  assert_row (sheet, 3, 5, "R-3", "Ünïcödé ✓", "last", NULL);
  g_assert_null (aims_sheet_get_row_problem (sheet, 1));
}

static void
test_csv_delimiters (void)
{
  g_autoptr(AimsSheet) semicolons = read_csv ("a;b;c\n1,5;2;3\n", -1);
  g_autoptr(AimsSheet) tabs = read_csv ("a\tb\tc,d\n1\t2\t3,4\n", -1);
  g_autoptr(AimsSheet) single = read_csv ("only\nx\n", -1);

  assert_row (semicolons, 1, 2, "1,5", "2", "3", NULL);
  assert_row (tabs, 0, 1, "a", "b", "c,d", NULL);
  assert_row (tabs, 1, 2, "1", "2", "3,4", NULL);
  assert_row (single, 1, 2, "x", NULL);
}

static void
test_csv_utf16 (void)
{
  const char *text = "Name;Städte\nZürich;€ 5\n";
  g_autofree char *le = NULL;
  g_autofree char *be = NULL;
  g_autoptr(GString) le_bom = g_string_new_len ("\xFF\xFE", 2);
  g_autoptr(GString) be_bom = g_string_new_len ("\xFE\xFF", 2);
  g_autoptr(AimsSheet) a = NULL;
  g_autoptr(AimsSheet) b = NULL;
  gsize le_length = 0, be_length = 0;

  le = g_convert (text, -1, "UTF-16LE", "UTF-8", NULL, &le_length, NULL);
  be = g_convert (text, -1, "UTF-16BE", "UTF-8", NULL, &be_length, NULL);
  g_string_append_len (le_bom, le, le_length);
  g_string_append_len (be_bom, be, be_length);

  a = read_csv (le_bom->str, le_bom->len);
  b = read_csv (be_bom->str, be_bom->len);
  assert_row (a, 1, 2, "Zürich", "€ 5", NULL);
  assert_row (b, 0, 1, "Name", "Städte", NULL);
  assert_row (b, 1, 2, "Zürich", "€ 5", NULL);
}

static void
test_csv_utf16_broken (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsSheet) sheet = NULL;
  /* "a,b\nc,<lone high surrogate>" in UTF-16LE */
  const char data[] = "\xFF\xFE" "a\0,\0b\0\n\0c\0,\0\x00\xD8x\0";

  sheet = aims_csv_read_data (data, sizeof data - 1, "u16.csv", &error);
  g_assert_null (sheet);
  g_assert_error (error, AIMS_SHEET_ERROR, AIMS_SHEET_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "“u16.csv”, row 2, column B"));
  g_assert_nonnull (strstr (error->message, "wrong encoding"));
}

static void
test_csv_windows_1252 (void)
{
  g_autoptr(AimsSheet) sheet = read_csv ("Name,Price\nCaf\xE9,\x80 5 \x93quoted\x94\n", -1);

  assert_row (sheet, 1, 2, "Café", "€ 5 “quoted”", NULL);
  g_assert_null (aims_sheet_get_row_problem (sheet, 1));
}

static void
test_csv_wrong_encoding (void)
{
  /* UTF-8, except one cell in Latin-1: that row has a problem naming the
   * column; the others are fine. */
  g_autoptr(AimsSheet) sheet = read_csv ("Name,City\nA,Zürich\nB,M\xFCnchen\nC,Köln\n", -1);
  g_autoptr(AimsSheet) undefined = read_csv ("Name,City\nA,x\x81y\n", -1);

  g_assert_cmpuint (aims_sheet_get_n_rows (sheet), ==, 4);
  g_assert_null (aims_sheet_get_row_problem (sheet, 1));
  g_assert_nonnull (aims_sheet_get_row_problem (sheet, 2));
  g_assert_nonnull (strstr (aims_sheet_get_row_problem (sheet, 2), "column B"));
  g_assert_nonnull (strstr (aims_sheet_get_row_problem (sheet, 2), "wrong encoding"));
  g_assert_null (aims_sheet_get_row_problem (sheet, 3));
  assert_row (sheet, 3, 4, "C", "Köln", NULL);

  /* 0x81 is not a character in Windows-1252 either. */
  g_assert_nonnull (aims_sheet_get_row_problem (undefined, 1));
  g_assert_nonnull (strstr (aims_sheet_get_row_problem (undefined, 1), "column B"));
}

/* The reader checks a file's text eight bytes at a time: a character or a
 * wrong byte lands at every position of such a word, and at the very end */
static void
test_csv_text_checked_everywhere (void)
{
  static const char * const good[] = { "\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80" };
  static const char * const bad[] = {
    "\xC0\x80",          /* overlong */
    "\xED\xA0\x80",      /* a surrogate */
    "\x80",              /* a continuation byte alone */
    "\xF5\x80\x80\x80",  /* past U+10FFFF */
  };

  for (guint at = 0; at < 17; at++)
    {
      g_autofree char *padding = g_strnfill (at, 'x');

      for (guint i = 0; i < G_N_ELEMENTS (good); i++)
        {
          g_autofree char *cell = g_strconcat (padding, good[i], NULL);
          g_autofree char *text = g_strconcat ("Name,Notes\nA,", cell, NULL);
          g_autoptr(AimsSheet) sheet = read_csv (text, -1);

          assert_row (sheet, 1, 2, "A", cell, NULL);
          g_assert_null (aims_sheet_get_row_problem (sheet, 1));
        }

      for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
        {
          /* A UTF-8 file (the é says so) with one wrong cell, the last */
          g_autofree char *text = g_strconcat ("Name,Notes\nCaf\xC3\xA9,ok\nB,", padding, bad[i],
                                               NULL);
          g_autoptr(AimsSheet) sheet = read_csv (text, -1);

          g_assert_cmpuint (aims_sheet_get_n_rows (sheet), ==, 3);
          g_assert_null (aims_sheet_get_row_problem (sheet, 1));
          g_assert_nonnull (aims_sheet_get_row_problem (sheet, 2));
          g_assert_nonnull (strstr (aims_sheet_get_row_problem (sheet, 2), "column B"));
        }

      /* A zero byte is never text; the row says where */
      {
        g_autoptr(GString) text = g_string_new ("Name,Notes\nA,");
        g_autoptr(AimsSheet) sheet = NULL;

        g_string_append (text, padding);
        g_string_append_len (text, "\0y", 2);
        sheet = read_csv (text->str, text->len);
        g_assert_nonnull (aims_sheet_get_row_problem (sheet, 1));
        g_assert_nonnull (strstr (aims_sheet_get_row_problem (sheet, 1), "column B"));
      }
    }

  /* Clean text with a character cut short at the end of the file */
  {
    g_autoptr(AimsSheet) sheet = read_csv ("Name\nCaf\xC3\xA9\nx\xE2\x82", -1);

    g_assert_null (aims_sheet_get_row_problem (sheet, 1));
    g_assert_nonnull (aims_sheet_get_row_problem (sheet, 2));
  }
}

/* A cell guarded against running as a formula loses its guard, quoted or
 * not, wherever it sits in the row; other quotes stay */
static void
test_csv_guard_undone (void)
{
  g_autoptr(AimsSheet) sheet = read_csv ("a,b,c\n'=1+1,\"'@x, y\",'tis\n''-1,'',\"'+\"\n", -1);

  assert_row (sheet, 1, 2, "=1+1", "@x, y", "'tis", NULL);
  assert_row (sheet, 2, 3, "'-1", "''", "+", NULL);
}

/* More columns than a spreadsheet holds: refused, naming the row */
static void
test_csv_too_many_columns (void)
{
  g_autoptr(GString) text = g_string_new ("a\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsSheet) sheet = NULL;

  for (guint i = 0; i < 16385; i++)
    g_string_append (text, i == 0 ? "x" : ",x");
  sheet = aims_csv_read_data (text->str, text->len, "wide.csv", &error);
  g_assert_null (sheet);
  g_assert_error (error, AIMS_SHEET_ERROR, AIMS_SHEET_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, "“wide.csv”, row 2, column XFE"));
  g_assert_nonnull (strstr (error->message, "16384 columns"));
  g_clear_error (&error);

  /* 16,384 is a full row, and fine */
  g_string_truncate (text, text->len - 2);
  sheet = aims_csv_read_data (text->str, text->len, "wide.csv", &error);
  g_assert_no_error (error);
  g_assert_nonnull (sheet);
}

static void
test_csv_syntax_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsSheet) sheet = NULL;

  sheet = aims_csv_read_data ("a,b\n1,\"open\n2,3\n", 16, "bad.csv", &error);
  g_assert_null (sheet);
  g_assert_error (error, AIMS_SHEET_ERROR, AIMS_SHEET_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, "“bad.csv”, row 2, column B"));
  g_assert_nonnull (strstr (error->message, "never closed"));
  g_clear_error (&error);

  sheet = aims_csv_read_data ("a,b\n1,\"x\"y\n", 11, "bad.csv", &error);
  g_assert_null (sheet);
  g_assert_nonnull (strstr (error->message, "row 2, column B"));
  g_clear_error (&error);

  sheet = aims_csv_read_data ("\n\n", 2, "empty.csv", &error);
  g_assert_null (sheet);
  g_assert_error (error, AIMS_SHEET_ERROR, AIMS_SHEET_ERROR_EMPTY);
}

static void
test_csv_huge_file (void)
{
  g_autofree char *dir = aims_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "huge.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsSheet) sheet = NULL;
  int fd;

  /* A sparse 1 GB file: refused from its size, before it is read. */
  fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) 1024 * 1024 * 1024), ==, 0);
  close (fd);

  sheet = aims_csv_read_file (path, &error);
  g_assert_null (sheet);
  g_assert_error (error, AIMS_SHEET_ERROR, AIMS_SHEET_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "“huge.csv” is 1.1\u00a0GB"));
  g_assert_nonnull (strstr (error->message, "Split it"));
  g_clear_error (&error);

  sheet = aims_xlsx_read_file (path, NULL, &error);
  g_assert_null (sheet);
  g_assert_error (error, AIMS_SHEET_ERROR, AIMS_SHEET_ERROR_TOO_LARGE);

  aims_test_remove_tree (dir);
}

/* A file of several megabytes read from disk: its bytes and its rows fill
 * more than one big block, and one cell alone is larger than a block; every
 * row arrives whole, in order */
static void
test_csv_large_file (void)
{
  g_autofree char *dir = aims_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "large.csv", NULL);
  g_autofree char *long_cell = g_strnfill (3 * 1024 * 1024, 'L');
  g_autoptr(GString) text = g_string_new ("\xEF\xBB\xBFReference,Title,Notes\r\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsSheet) sheet = NULL;
  const guint n = 60000;

  for (guint i = 0; i < n; i++)
    {
      g_string_append_printf (text, "R-%05u,\"Risk %u, \"\"quoted\"\"\",Caf\xC3\xA9 %u\r\n", i, i, i);
      if (i == n / 2)
        g_string_append_printf (text, "LONG,%s,end\r\n", long_cell);
    }
  g_assert_cmpuint (text->len, >, 5 * 1024 * 1024);
  g_assert_true (g_file_set_contents (path, text->str, text->len, &error));
  g_assert_no_error (error);

  sheet = aims_csv_read_file (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (sheet);
  g_assert_cmpuint (aims_sheet_get_n_rows (sheet), ==, n + 2);
  assert_row (sheet, 0, 1, "Reference", "Title", "Notes", NULL);
  assert_row (sheet, 1, 2, "R-00000", "Risk 0, \"quoted\"", "Caf\xC3\xA9 0", NULL);
  assert_row (sheet, n / 2 + 2, n / 2 + 3, "LONG", long_cell, "end", NULL);
  assert_row (sheet, n + 1, n + 2, "R-59999", "Risk 59999, \"quoted\"", "Caf\xC3\xA9 59999", NULL);
  for (guint i = 1; i <= n + 1; i++)
    g_assert_null (aims_sheet_get_row_problem (sheet, i));

  /* The same bytes given in memory read the same */
  {
    g_autoptr(AimsSheet) again = read_csv (text->str, text->len);

    g_assert_cmpuint (aims_sheet_get_n_rows (again), ==, n + 2);
    for (guint i = 0; i < n + 2; i += 997)
      {
        guint a_n, b_n;
        const char * const *a = aims_sheet_get_row (sheet, i, &a_n);
        const char * const *b = aims_sheet_get_row (again, i, &b_n);

        g_assert_cmpuint (a_n, ==, b_n);
        for (guint c = 0; c < a_n; c++)
          g_assert_cmpstr (a[c], ==, b[c]);
      }
  }

  aims_test_remove_tree (dir);
}

/* A large file the user may not read (it takes the big-block path): the
 * error names the file and the reason, and the file is left as it was */
static void
read_unreadable (gpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsSheet) sheet = aims_csv_read_file (data, &error);

  g_assert_null (sheet);
  g_assert_error (error, AIMS_SHEET_ERROR, AIMS_SHEET_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "“locked.csv” could not be read"));
  g_assert_nonnull (strstr (error->message, g_strerror (EACCES)));
}

static void
test_csv_large_file_unreadable (void)
{
  g_autofree char *dir = aims_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "locked.csv", NULL);
  g_autoptr(GString) text = g_string_new ("Reference,Title\n");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  while (text->len < 3 * 1024 * 1024)
    g_string_append_printf (text, "R-%06u,Risk\n", (guint) text->len);
  g_assert_true (g_file_set_contents (path, text->str, text->len, &error));
  g_assert_no_error (error);
  before = aims_test_sha256_file (path);
  g_assert_cmpint (g_chmod (path, 0), ==, 0);

  aims_test_run_unprivileged (read_unreadable, path);

  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  after = aims_test_sha256_file (path);
  g_assert_cmpstr (after, ==, before);
  aims_test_remove_tree (dir);
}

static char *
write_workbook (const char *dir,
                const char *name)
{
  char *path = g_build_filename (dir, name, NULL);
  lxw_workbook *workbook = workbook_new (path);
  lxw_worksheet *risks = workbook_add_worksheet (workbook, "Risks");
  lxw_worksheet *other = workbook_add_worksheet (workbook, "Other");
  lxw_format *date = workbook_add_format (workbook);
  lxw_format *when = workbook_add_format (workbook);
  lxw_datetime day = { 2026, 3, 14, 0, 0, 0 };
  lxw_datetime moment = { 2026, 3, 14, 9, 30, 0 };

  format_set_num_format (date, "yyyy-mm-dd");
  format_set_num_format (when, "dd/mm/yyyy hh:mm");

  worksheet_write_string (risks, 0, 0, "Reference", NULL);
  worksheet_write_string (risks, 0, 1, "Title", NULL);
  worksheet_write_string (risks, 0, 2, "Likelihood", NULL);
  worksheet_write_string (risks, 0, 3, "Assessed", NULL);
  worksheet_write_string (risks, 0, 4, "Flag", NULL);
  worksheet_write_string (risks, 1, 0, "R-1", NULL);
  worksheet_write_string (risks, 1, 1, "Two\nlines & <markup>", NULL);
  worksheet_write_number (risks, 1, 2, 4, NULL);
  worksheet_write_datetime (risks, 1, 3, &day, date);
  worksheet_write_boolean (risks, 1, 4, 1, NULL);
  /* Row 3 is empty; row 4 has a gap in column B and a time. */
  worksheet_write_string (risks, 3, 0, "R-2", NULL);
  worksheet_write_number (risks, 3, 2, 2.5, NULL);
  worksheet_write_datetime (risks, 3, 3, &moment, when);
  worksheet_write_boolean (risks, 3, 4, 0, NULL);
  worksheet_write_string (risks, 4, 0, "R-3", NULL);
  worksheet_write_formula_num (risks, 4, 2, "=C2+1", NULL, 5);

  worksheet_write_string (other, 0, 0, "Other sheet", NULL);

  g_assert_cmpint (workbook_close (workbook), ==, LXW_NO_ERROR);
  return path;
}

static void
test_xlsx_cells (void)
{
  g_autofree char *dir = aims_test_make_dir ();
  g_autofree char *path = write_workbook (dir, "book.xlsx");
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsSheet) sheet = NULL;
  g_auto(GStrv) names = NULL;

  names = aims_xlsx_list_sheets (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (names), ==, 2);
  g_assert_cmpstr (names[0], ==, "Risks");
  g_assert_cmpstr (names[1], ==, "Other");

  sheet = aims_xlsx_read_file (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (aims_sheet_get_format (sheet), ==, "xlsx");
  g_assert_cmpuint (aims_sheet_get_n_rows (sheet), ==, 4);
  assert_row (sheet, 0, 1, "Reference", "Title", "Likelihood", "Assessed", "Flag", NULL);
  assert_row (sheet, 1, 2, "R-1", "Two\nlines & <markup>", "4", "2026-03-14", "TRUE", NULL);
  assert_row (sheet, 2, 4, "R-2", "", "2.5", "2026-03-14T09:30", "FALSE", NULL);
  g_assert_null (aims_sheet_get_row_problem (sheet, 1));

  /* The formula is not evaluated: the row carries the problem. */
  g_assert_nonnull (aims_sheet_get_row_problem (sheet, 3));
  g_assert_nonnull (strstr (aims_sheet_get_row_problem (sheet, 3), "cell C5 holds a formula"));
  g_assert_nonnull (strstr (aims_sheet_get_row_problem (sheet, 3), "C2+1"));
  g_clear_object (&sheet);

  sheet = aims_xlsx_read_file (path, "Other", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (aims_sheet_get_display_name (sheet), ==, "book.xlsx (Other)");
  assert_row (sheet, 0, 1, "Other sheet", NULL);
  g_clear_object (&sheet);

  sheet = aims_xlsx_read_file (path, "Missing", &error);
  g_assert_null (sheet);
  g_assert_error (error, AIMS_SHEET_ERROR, AIMS_SHEET_ERROR_NO_SHEET);
  g_assert_nonnull (strstr (error->message, "“Risks”, “Other”"));

  aims_test_remove_tree (dir);
}

static void
test_xlsx_not_a_workbook (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsSheet) sheet = NULL;

  sheet = aims_xlsx_read_data ("a,b\n1,2\n", 8, "fake.xlsx", NULL, &error);
  g_assert_null (sheet);
  g_assert_error (error, AIMS_SHEET_ERROR, AIMS_SHEET_ERROR_NOT_XLSX);
  g_assert_nonnull (strstr (error->message, "“fake.xlsx” is not an XLSX workbook"));
}

static void
test_xlsx_zip_bomb (void)
{
  g_autofree char *dir = aims_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "bomb.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsSheet) sheet = NULL;
  const gsize size = 64 * 1024 * 1024;
  const char *workbook =
    "<workbook xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
    "<sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
  const char *rels =
    "<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\" "
    "Type=\"x/worksheet\"/></Relationships>";
  char *zeros = g_malloc0 (size);
  zip_t *zip;
  int zerr = 0;

  /* 64 MiB of spaces packs to about 64 KiB: a ratio of 1000. */
  memset (zeros, ' ', size);
  zip = zip_open (path, ZIP_CREATE | ZIP_TRUNCATE, &zerr);
  g_assert_nonnull (zip);
  g_assert_cmpint (zip_file_add (zip, "xl/workbook.xml",
                                 zip_source_buffer (zip, workbook, strlen (workbook), 0),
                                 0), >=, 0);
  g_assert_cmpint (zip_file_add (zip, "xl/_rels/workbook.xml.rels",
                                 zip_source_buffer (zip, rels, strlen (rels), 0), 0), >=, 0);
  g_assert_cmpint (zip_file_add (zip, "xl/worksheets/sheet1.xml",
                                 zip_source_buffer (zip, zeros, size, 0), 0), >=, 0);
  g_assert_cmpint (zip_close (zip), ==, 0);
  g_free (zeros);

  sheet = aims_xlsx_read_file (path, NULL, &error);
  g_assert_null (sheet);
  g_assert_error (error, AIMS_SHEET_ERROR, AIMS_SHEET_ERROR_ZIP_BOMB);
  g_assert_nonnull (strstr (error->message, "“bomb.xlsx”"));
  g_assert_nonnull (strstr (error->message, "xl/worksheets/sheet1.xml"));
  g_assert_nonnull (strstr (error->message, "zip bomb"));

  aims_test_remove_tree (dir);
}

/* Found by fuzz-xlsx-reader: a 1,308-byte archive whose central directory
 * says a part is 942 MB, packed as much. It used to be given a 942 MB
 * buffer up front; now it is refused at once. */
static void
test_xlsx_lying_sizes (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fuzz", "regressions",
                                                 "xlsx-declared-942mb.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsSheet) sheet = NULL;
  gint64 start = g_get_monotonic_time ();

  sheet = aims_xlsx_read_file (path, NULL, &error);
  g_assert_null (sheet);
  g_assert_error (error, AIMS_SHEET_ERROR, AIMS_SHEET_ERROR_NOT_XLSX);
  g_assert_nonnull (strstr (error->message, "“xlsx-declared-942mb.xlsx” is damaged"));
  /* Generous, for loaded machines and sanitizers: it took tens of seconds. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
}

static void
test_column_names (void)
{
  const struct { guint column; const char *name; } cases[] = {
    { 0, "A" }, { 25, "Z" }, { 26, "AA" }, { 51, "AZ" }, { 52, "BA" }, { 701, "ZZ" },
    { 702, "AAA" }, { 16383, "XFD" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = aims_sheet_column_name (cases[i].column);

      g_assert_cmpstr (name, ==, cases[i].name);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sheet/column-names", test_column_names);
  g_test_add_func ("/csv/utf8-bom-quotes", test_csv_utf8_bom_quotes);
  g_test_add_func ("/csv/delimiters", test_csv_delimiters);
  g_test_add_func ("/csv/utf16", test_csv_utf16);
  g_test_add_func ("/csv/utf16-broken", test_csv_utf16_broken);
  g_test_add_func ("/csv/windows-1252", test_csv_windows_1252);
  g_test_add_func ("/csv/wrong-encoding", test_csv_wrong_encoding);
  g_test_add_func ("/csv/text-checked-everywhere", test_csv_text_checked_everywhere);
  g_test_add_func ("/csv/guard-undone", test_csv_guard_undone);
  g_test_add_func ("/csv/too-many-columns", test_csv_too_many_columns);
  g_test_add_func ("/csv/syntax-errors", test_csv_syntax_errors);
  g_test_add_func ("/csv/huge-file", test_csv_huge_file);
  g_test_add_func ("/csv/large-file", test_csv_large_file);
  g_test_add_func ("/csv/large-file-unreadable", test_csv_large_file_unreadable);
  g_test_add_func ("/xlsx/cells", test_xlsx_cells);
  g_test_add_func ("/xlsx/not-a-workbook", test_xlsx_not_a_workbook);
  g_test_add_func ("/xlsx/zip-bomb", test_xlsx_zip_bomb);
  g_test_add_func ("/xlsx/lying-sizes", test_xlsx_lying_sizes);

  return g_test_run ();
}
