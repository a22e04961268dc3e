/* aims-csv-field-private.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What a CSV cell is: text gets the formula guard, numbers, booleans and
 * dates as the app writes them do not. */
typedef enum
{
  AIMS_CSV_CELL_TEXT,
  AIMS_CSV_CELL_VALUE,
} AimsCsvCell;

gboolean  _aims_csv_field_needs_guard  (const char  *text);
void      _aims_csv_append_field       (GString     *out,
                                        const char  *text,
                                        AimsCsvCell  cell);
gboolean  _aims_csv_field_is_guarded   (const char  *text);

G_END_DECLS
