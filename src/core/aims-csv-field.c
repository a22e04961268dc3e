/* aims-csv-field.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aims-csv-field"

#include "config.h"

#include "aims-csv-field-private.h"

#include <string.h>

/*
 * One CSV field as every CSV the app writes has it (the inventory, the
 * registers, the Statement of Applicability), and the one rule that keeps
 * spreadsheet programs from running a cell as a formula ("CSV injection",
 * OWASP).
 *
 * Quoting is RFC 4180: a field that holds a comma, a quote, CR or LF is
 * written in double quotes, with its quotes doubled.
 *
 * The formula guard: a text cell that starts with = + - @, a tab or a
 * carriage return is written with a single quote ' before it, which
 * spreadsheet programs take as "this is text". Numbers, booleans and dates
 * the app writes itself are not guarded, so -3 in a numeric column stays a
 * number. The CSV reader undoes the guard: a cell that starts with ' and
 * would have been guarded without it loses that one quote.
 *
 * So that export then import gives back every text exactly, including text
 * that itself starts with quotes ("'=x", "''-1"), the guard also goes before
 * any run of quotes followed by one of those characters: "'=x" is written
 * "''=x" and read back as "'=x". A quote followed by anything else ("'tis")
 * is neither guarded nor changed on reading.
 */

/* What makes a spreadsheet program read a cell as a formula. */
#define FORMULA_START "=+-@\t\r"

/* TRUE if @text, after any run of single quotes, starts with one of the
 * characters that begin a formula. */
gboolean
_aims_csv_field_needs_guard (const char *text)
{
  g_assert (text != NULL);

  while (*text == '\'')
    text++;

  return *text != '\0' && strchr (FORMULA_START, *text) != NULL;
}

/* Appends @text to @out as one field; a text cell gets the formula guard. */
void
_aims_csv_append_field (GString     *out,
                        const char  *text,
                        AimsCsvCell  cell)
{
  gboolean guard;

  g_assert (out != NULL);
  g_assert (text != NULL);

  guard = cell == AIMS_CSV_CELL_TEXT && _aims_csv_field_needs_guard (text);

  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      if (guard)
        g_string_append_c (out, '\'');
      g_string_append (out, text);
      return;
    }

  g_string_append_c (out, '"');
  if (guard)
    g_string_append_c (out, '\'');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* TRUE if @text, a cell read from a CSV file, starts with the guard: one
 * leading ' before what would have been guarded. The reader drops it. */
gboolean
_aims_csv_field_is_guarded (const char *text)
{
  g_assert (text != NULL);

  return text[0] == '\'' && _aims_csv_field_needs_guard (text + 1);
}
