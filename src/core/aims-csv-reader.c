/* aims-csv-reader.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aims-csv-reader"

#include "config.h"

#include "aims-csv-reader.h"

#include "aims-big-block-private.h"
#include "aims-csv-field-private.h"
#include "aims-sheet-private.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

/*
 * CSV as spreadsheets write it (RFC 4180): fields separated by a comma, a
 * semicolon (what Excel writes where the comma is the decimal separator) or
 * a tab, whichever the header row has most of; a field in double quotes may
 * hold separators, line breaks and doubled quotes.
 *
 * Encodings: a byte order mark says UTF-8, UTF-16LE or UTF-16BE; without
 * one, text that is valid UTF-8 is UTF-8, and anything else is
 * Windows-1252 (what Excel on Windows writes). A file that is UTF-8 except
 * for a few cells has those cells in the wrong encoding: their rows carry a
 * problem naming the column, and the importer rejects them.
 *
 * Rows are split on the raw bytes: the separators, quotes and line breaks
 * are ASCII, the same byte in UTF-8 and Windows-1252 (UTF-16 is converted
 * to UTF-8 first).
 *
 * A cell that starts with ' before = + - @, a tab or CR is text the app's
 * CSV export guarded against being run as a formula: it is read without
 * that one quote (aims-csv-field.c), so export then import changes nothing.
 */

/* Windows-1252's 0x80–0x9F; 0 marks the five bytes it leaves undefined. */
static const gunichar cp1252_high[32] = {
  0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
  0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

typedef enum
{
  ENCODING_UTF8,
  ENCODING_CP1252,
} Encoding;

typedef struct
{
  const char *display_name;
  Encoding    encoding;
  gboolean    clean;      /* the whole text is UTF-8 without a NUL */
} Context;

/* Valid UTF-8 holding no NUL. Most of a register is ASCII, checked here a
 * word at a time; GLib checks each multibyte character. */
static gboolean
is_clean_utf8 (const char *data,
               gsize       length)
{
  const guint64 high = G_GUINT64_CONSTANT (0x8080808080808080);
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  gsize i = 0;

  while (i < length)
    {
      guchar c;
      gsize n;

      for (; i + 8 <= length; i += 8)
        {
          guint64 word;

          memcpy (&word, data + i, sizeof word);
          /* A byte with its high bit set, or a zero byte */
          if ((word & high) != 0 || ((word - ones) & ~word & high) != 0)
            break;
        }
      if (i >= length)
        break;

      c = (guchar) data[i];
      if (c == 0)
        return FALSE;
      if (c < 0x80)
        {
          i++;
          continue;
        }

      n = g_utf8_skip[c];
      if (n < 2 || n > length - i || !g_utf8_validate_len (data + i, n, NULL))
        return FALSE;
      i += n;
    }

  return TRUE;
}

static gboolean
has_multibyte_utf8 (const char *text,
                    gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if ((guchar) text[i] >= 0x80)
      return TRUE;
  return FALSE;
}

/* Decodes one cell. Returns FALSE, with the text decoded as well as it
 * can be, when the bytes are not text in the file's encoding. */
static gboolean
decode_cell (const Context *context,
             const char    *raw,
             gsize          length,
             char         **text)
{
  GString *out;
  gboolean ok = TRUE;

  if (memchr (raw, '\0', length) == NULL &&
      g_utf8_validate_len (raw, length, NULL) &&
      (context->encoding == ENCODING_UTF8 || !has_multibyte_utf8 (raw, length)))
    {
      *text = g_strndup (raw, length);
      return TRUE;
    }

  out = g_string_sized_new (length + 8);
  for (gsize i = 0; i < length; i++)
    {
      guchar c = (guchar) raw[i];

      if (c == 0)
        {
          g_string_append_unichar (out, 0xFFFD);
          ok = FALSE;
        }
      else if (c < 0x80)
        g_string_append_c (out, (char) c);
      else if (context->encoding == ENCODING_UTF8)
        {
          /* A file in UTF-8 with bytes that are not: keep the valid
           * sequences, replace the others. */
          gsize n = g_utf8_skip[c];

          if (n > 1 && n <= length - i &&
              g_utf8_get_char_validated (raw + i, n) < (gunichar) -2)
            {
              g_string_append_len (out, raw + i, n);
              i += n - 1;
              continue;
            }
          g_string_append_unichar (out, 0xFFFD);
          ok = FALSE;
        }
      else if (c < 0xA0)
        {
          gunichar u = cp1252_high[c - 0x80];

          if (u == 0)
            {
              g_string_append_unichar (out, 0xFFFD);
              ok = FALSE;
            }
          else
            g_string_append_unichar (out, u);
        }
      else
        g_string_append_unichar (out, c);
    }

  *text = g_string_free (out, FALSE);
  return ok;
}

static char
detect_delimiter (const char *data,
                  gsize       length)
{
  guint commas = 0, semicolons = 0, tabs = 0;
  gboolean quoted = FALSE;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (c == '"')
        quoted = !quoted;
      else if (quoted)
        continue;
      else if (c == '\n' || c == '\r')
        break;
      else if (c == ',')
        commas++;
      else if (c == ';')
        semicolons++;
      else if (c == '\t')
        tabs++;
    }

  if (commas >= semicolons && commas >= tabs)
    return ',';
  if (semicolons >= tabs)
    return ';';
  return '\t';
}

static char *
cell_problem (const Context *context,
              guint          column)
{
  g_autofree char *name = aims_sheet_column_name (column);

  if (context->encoding == ENCODING_UTF8)
    /* Translators: the file is UTF-8 but this cell is not */
    return g_strdup_printf (_("column %s: the text is not in UTF-8 like the rest of the file "
                              "(wrong encoding); save the file as “CSV UTF-8” and import it "
                              "again"), name);

  return g_strdup_printf (_("column %s: the bytes are neither UTF-8 nor Windows-1252 text "
                            "(wrong encoding); save the file as “CSV UTF-8” and import it "
                            "again"), name);
}

/* Ends the cell that started at @start in @texts: decodes it if the text
 * is not clean UTF-8 (noting the first cell that is not text), undoes the
 * formula guard, and ends it with a NUL. FALSE past 16,384 cells. */
static gboolean
finish_cell (const Context *context,
             GString       *texts,
             gsize          start,
             GArray        *starts,
             char         **problem)
{
  if (!context->clean)
    {
      g_autofree char *text = NULL;

      /* Decoded text has no NUL: decode_cell() replaces it */
      if (!decode_cell (context, texts->str + start, texts->len - start, &text) &&
          *problem == NULL)
        *problem = cell_problem (context, starts->len);
      g_string_truncate (texts, start);
      g_string_append (texts, text);
    }

  if (_aims_csv_field_is_guarded (texts->str + start))
    g_string_erase (texts, start, 1);

  g_string_append_c (texts, '\0');
  g_array_append_val (starts, start);

  return starts->len <= 16384;
}

static void
set_syntax_error (GError     **error,
                  const char  *display_name,
                  guint        row,
                  guint        column,
                  const char  *problem)
{
  g_autofree char *name = aims_sheet_column_name (column);

  g_set_error (error, AIMS_SHEET_ERROR, AIMS_SHEET_ERROR_SYNTAX,
               /* Translators: “file”, row 3, column B: what is wrong */
               _("“%s”, row %u, column %s: %s"), display_name, row, name, problem);
}

static AimsSheet *
parse (const Context  *context,
       const char     *data,
       gsize           length,
       GError        **error)
{
  g_autoptr(AimsSheet) sheet = _aims_sheet_new (context->display_name, "csv");
  g_autoptr(GString) texts = g_string_sized_new (256);
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  char delimiter = detect_delimiter (data, length);
  gboolean ends_field[256] = { FALSE, };
  guint row = 1;
  gsize i = 0;

  ends_field[(guchar) delimiter] = ends_field['\n'] = ends_field['\r'] = TRUE;

  while (i < length)
    {
      g_autofree char *problem = NULL;
      gboolean quoted_any = FALSE;

      /* One record: fields up to a line break outside quotes, gathered in
       * @texts, one after another. */
      g_string_truncate (texts, 0);
      g_array_set_size (starts, 0);
      for (;;)
        {
          gsize start = texts->len;

          if (i < length && data[i] == '"')
            {
              quoted_any = TRUE;
              i++;
              for (;;)
                {
                  const char *quote = memchr (data + i, '"', length - i);

                  if (quote == NULL)
                    {
                      set_syntax_error (error, context->display_name, row, starts->len,
                                        _("a quoted field is never closed; every opening quote "
                                          "needs a closing one, and a quote inside a field must "
                                          "be doubled"));
                      return NULL;
                    }

                  g_string_append_len (texts, data + i, quote - (data + i));
                  i = quote - data + 1;
                  /* A doubled quote is one quote of the text */
                  if (i < length && data[i] == '"')
                    {
                      g_string_append_c (texts, '"');
                      i++;
                      continue;
                    }
                  break;
                }

              if (i < length && !ends_field[(guchar) data[i]])
                {
                  set_syntax_error (error, context->display_name, row, starts->len,
                                    _("there is text after the closing quote of a quoted field; "
                                      "a quote inside a field must be doubled"));
                  return NULL;
                }
            }
          else
            {
              gsize from = i;

              while (i < length && !ends_field[(guchar) data[i]])
                i++;
              g_string_append_len (texts, data + from, i - from);
            }

          if (!finish_cell (context, texts, start, starts, &problem))
            {
              set_syntax_error (error, context->display_name, row, starts->len - 1,
                                _("the row has more than 16384 columns, more than a spreadsheet "
                                  "holds"));
              return NULL;
            }

          if (i < length && data[i] == delimiter)
            {
              i++;
              continue;
            }
          break;
        }

      /* The line break: CRLF, LF or CR. */
      if (i < length && data[i] == '\r')
        {
          i++;
          if (i < length && data[i] == '\n')
            i++;
        }
      else if (i < length && data[i] == '\n')
        i++;

      /* A blank line is an empty row: counted, not kept. */
      if (!(starts->len == 1 && !quoted_any && texts->str[0] == '\0'))
        {
          if (aims_sheet_get_n_rows (sheet) >= AIMS_SHEET_MAX_ROWS)
            {
              g_set_error (error, AIMS_SHEET_ERROR, AIMS_SHEET_ERROR_TOO_LARGE,
                           _("“%s” has more than %u rows, more than a spreadsheet holds. Split "
                             "it into smaller files."),
                           context->display_name, AIMS_SHEET_MAX_ROWS);
              return NULL;
            }
          _aims_sheet_add_packed_row (sheet, row, texts->str, texts->len,
                                      (const gsize *) starts->data, starts->len,
                                      g_steal_pointer (&problem));
        }
      row++;
    }

  if (aims_sheet_get_n_rows (sheet) == 0)
    {
      g_set_error (error, AIMS_SHEET_ERROR, AIMS_SHEET_ERROR_EMPTY,
                   _("“%s” is empty: there is not even a header row."), context->display_name);
      return NULL;
    }

  return g_steal_pointer (&sheet);
}

/* The record and column where @length bytes of UTF-8 end. */
static void
locate (const char *data,
        gsize       length,
        guint      *row,
        guint      *column)
{
  char delimiter = detect_delimiter (data, length);
  gboolean quoted = FALSE;

  *row = 1;
  *column = 0;
  for (gsize i = 0; i < length; i++)
    {
      if (data[i] == '"')
        quoted = !quoted;
      else if (!quoted && data[i] == '\n')
        {
          (*row)++;
          *column = 0;
        }
      else if (!quoted && data[i] == delimiter)
        (*column)++;
    }
}

static AimsSheet *
read_utf16 (const char  *data,
            gsize        length,
            const char  *codeset,
            const char  *display_name,
            GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *utf8 = NULL;
  gsize bytes_read = 0;
  gsize written = 0;
  Context context = { display_name, ENCODING_UTF8, FALSE };

  utf8 = g_convert (data, length, "UTF-8", codeset, &bytes_read, &written, &local_error);
  if (utf8 == NULL)
    {
      g_autofree char *prefix = NULL;
      g_autofree char *name = NULL;
      gsize prefix_length = 0;
      guint row, column;

      /* Where it went wrong: convert what came before, and count. */
      prefix = g_convert (data, bytes_read - bytes_read % 2, "UTF-8", codeset, NULL,
                          &prefix_length, NULL);
      locate (prefix != NULL ? prefix : "", prefix_length, &row, &column);
      name = aims_sheet_column_name (column);
      g_set_error (error, AIMS_SHEET_ERROR, AIMS_SHEET_ERROR_ENCODING,
                   _("“%s”, row %u, column %s: the file starts as UTF-16 text but the bytes "
                     "here are not (wrong encoding); save the file as “CSV UTF-8” and import "
                     "it again"),
                   display_name, row, name);
      return NULL;
    }

  if (memchr (utf8, '\0', written) != NULL)
    {
      guint row, column;
      g_autofree char *name = NULL;

      locate (utf8, (const char *) memchr (utf8, '\0', written) - utf8, &row, &column);
      name = aims_sheet_column_name (column);
      g_set_error (error, AIMS_SHEET_ERROR, AIMS_SHEET_ERROR_ENCODING,
                   _("“%s”, row %u, column %s: the text holds a zero character; this is not a "
                     "text file, or not in the encoding it claims"),
                   display_name, row, name);
      return NULL;
    }

  context.clean = is_clean_utf8 (utf8, written);
  return parse (&context, utf8, written, error);
}

/**
 * aims_csv_read_data:
 * @data: (array length=length): the bytes of a CSV file
 * @length: the length of @data
 * @display_name: the file's name, for messages
 * @error: return location for a #GError
 *
 * Reads CSV text (see the top of aims-csv-reader.c for the encodings and
 * separators it knows). Failures are %AIMS_SHEET_ERROR and name the file,
 * row and column.
 *
 * Returns: (transfer full) (nullable): the rows
 */
AimsSheet *
aims_csv_read_data (const char  *data,
                    gsize        length,
                    const char  *display_name,
                    GError     **error)
{
  Context context = { display_name, ENCODING_UTF8, FALSE };
  const guchar *bytes = (const guchar *) data;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  if (length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
    return read_utf16 (data + 2, length - 2, "UTF-16LE", display_name, error);
  if (length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
    return read_utf16 (data + 2, length - 2, "UTF-16BE", display_name, error);

  if (length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
    {
      data += 3;
      length -= 3;
      context.clean = is_clean_utf8 (data, length);
    }
  else if (!(context.clean = is_clean_utf8 (data, length)))
    {
      /* Not UTF-8 as a whole. If it has UTF-8 sequences anyway, it is
       * UTF-8 with some wrong cells; otherwise Windows-1252. */
      const char *p = data;
      const char *end = data + length;
      gboolean utf8_seen = FALSE;

      while (p < end && !utf8_seen)
        {
          if ((guchar) *p >= 0xC2)
            {
              gsize n = g_utf8_skip[(guchar) *p];

              if (n > 1 && (gsize) (end - p) >= n &&
                  g_utf8_get_char_validated (p, n) < (gunichar) -2)
                utf8_seen = TRUE;
            }
          p++;
        }

      context.encoding = utf8_seen ? ENCODING_UTF8 : ENCODING_CP1252;
    }

  return parse (&context, data, length, error);
}

/**
 * aims_csv_read_file:
 * @path: a CSV file
 * @error: return location for a #GError
 *
 * Reads a CSV file as aims_csv_read_data() does. A file larger than
 * %AIMS_SHEET_MAX_FILE_SIZE is refused before it is read.
 *
 * Returns: (transfer full) (nullable): the rows
 */
/* Reads a file of about @size bytes into a big block (aims-big-block.c):
 * FALSE with @errsv set when it cannot be read, and with *@block NULL too
 * when it grew past the block while being read */
static gboolean
read_into_big_block (const char  *path,
                     gsize        size,
                     guint8     **block,
                     gsize       *capacity,
                     gsize       *length,
                     int         *errsv)
{
  int fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY, 0);

  *block = NULL;
  *length = 0;
  *errsv = 0;
  if (fd < 0)
    {
      *errsv = errno;
      return FALSE;
    }

  /* One byte more than the file, to see its end */
  *capacity = size + 1;
  *block = _aims_big_block_alloc (*capacity);
  while (*length < *capacity)
    {
      gssize n = read (fd, *block + *length, *capacity - *length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          *errsv = errno;
          break;
        }
      if (n == 0)
        break;
      *length += n;
    }
  close (fd);

  if (*errsv == 0 && *length < *capacity)
    return TRUE;

  _aims_big_block_free (*block, *capacity);
  *block = NULL;
  return FALSE;
}

AimsSheet *
aims_csv_read_file (const char  *path,
                    GError     **error)
{
  g_autofree char *display_name = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize size = 0;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, NULL);

  display_name = g_filename_display_basename (path);
  if (!_aims_sheet_check_file_size (path, display_name, &size, error))
    return NULL;

  /* A large file goes into a big block, which spares a page fault for
   * every 4 KiB of it */
  if (size >= AIMS_BIG_BLOCK_SIZE)
    {
      guint8 *block = NULL;
      gsize capacity = 0;
      int errsv = 0;

      if (read_into_big_block (path, size, &block, &capacity, &length, &errsv))
        {
          AimsSheet *sheet = aims_csv_read_data ((const char *) block, length, display_name,
                                                 error);

          _aims_big_block_free (block, capacity);
          return sheet;
        }

      if (errsv != 0)
        {
          g_set_error (error, AIMS_SHEET_ERROR, AIMS_SHEET_ERROR_IO,
                       _("“%s” could not be read: %s"), display_name, g_strerror (errsv));
          return NULL;
        }
      /* It grew while being read: read it whole, as below */
    }

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, AIMS_SHEET_ERROR, AIMS_SHEET_ERROR_IO,
                   _("“%s” could not be read: %s"), display_name, local_error->message);
      return NULL;
    }

  return aims_csv_read_data (contents, length, display_name, error);
}
