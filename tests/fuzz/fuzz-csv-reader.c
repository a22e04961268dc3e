/* fuzz-csv-reader.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* libFuzzer target: any bytes through the CSV reader. It must return rows
 * or an error, and every row it returns must be valid UTF-8. */

#include "config.h"

#include <aims-core.h>

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsSheet) sheet = NULL;

  sheet = aims_csv_read_data ((const char *) data, size, "fuzz.csv", &error);
  g_assert ((sheet == NULL) != (error == NULL));

  if (sheet == NULL)
    return 0;

  for (guint i = 0; i < aims_sheet_get_n_rows (sheet); i++)
    {
      guint n_cells = 0;
      const char * const *cells = aims_sheet_get_row (sheet, i, &n_cells);

      for (guint j = 0; j < n_cells; j++)
        g_assert (g_utf8_validate (cells[j], -1, NULL));
    }

  return 0;
}
