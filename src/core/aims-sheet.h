/* aims-sheet.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined(AIMS_CORE_INSIDE) && !defined(AIMS_CORE_COMPILATION)
# error "Only <aims-core.h> can be included directly."
#endif

#include <glib-object.h>

G_BEGIN_DECLS

#define AIMS_SHEET_ERROR (aims_sheet_error_quark ())

/**
 * AIMS_SHEET_MAX_FILE_SIZE:
 *
 * The largest CSV or XLSX file the readers accept, in bytes (256 MiB).
 */
#define AIMS_SHEET_MAX_FILE_SIZE (256u * 1024u * 1024u)

/**
 * AIMS_SHEET_MAX_ROWS:
 *
 * The most rows a sheet may have: as many as a spreadsheet holds.
 */
#define AIMS_SHEET_MAX_ROWS 1048576u

/**
 * AimsSheetError:
 * @AIMS_SHEET_ERROR_IO: the file could not be read
 * @AIMS_SHEET_ERROR_TOO_LARGE: the file is larger than the readers accept
 * @AIMS_SHEET_ERROR_ENCODING: the text is in no encoding the reader knows
 * @AIMS_SHEET_ERROR_SYNTAX: the CSV or the XML of the XLSX is malformed
 * @AIMS_SHEET_ERROR_NOT_XLSX: not a ZIP archive of an Office Open XML workbook
 * @AIMS_SHEET_ERROR_ZIP_BOMB: a part of the archive unpacks to far more
 *   than it holds
 * @AIMS_SHEET_ERROR_NO_SHEET: the workbook has no sheet of the given name
 * @AIMS_SHEET_ERROR_EMPTY: there is not even a header row
 *
 * Why a spreadsheet could not be read. Every message names the file and,
 * where there is one, the row and column.
 */
typedef enum
{
  AIMS_SHEET_ERROR_IO,
  AIMS_SHEET_ERROR_TOO_LARGE,
  AIMS_SHEET_ERROR_ENCODING,
  AIMS_SHEET_ERROR_SYNTAX,
  AIMS_SHEET_ERROR_NOT_XLSX,
  AIMS_SHEET_ERROR_ZIP_BOMB,
  AIMS_SHEET_ERROR_NO_SHEET,
  AIMS_SHEET_ERROR_EMPTY,
} AimsSheetError;

GQuark aims_sheet_error_quark (void);

#define AIMS_TYPE_SHEET (aims_sheet_get_type ())

G_DECLARE_FINAL_TYPE (AimsSheet, aims_sheet, AIMS, SHEET, GObject)

const char         *aims_sheet_get_display_name (AimsSheet  *self);
const char         *aims_sheet_get_format       (AimsSheet  *self);
guint               aims_sheet_get_n_rows       (AimsSheet  *self);
const char * const *aims_sheet_get_row          (AimsSheet  *self,
                                                 guint       index,
                                                 guint      *n_cells);
guint               aims_sheet_get_row_number   (AimsSheet  *self,
                                                 guint       index);
const char         *aims_sheet_get_row_problem  (AimsSheet  *self,
                                                 guint       index);
char               *aims_sheet_column_name      (guint       column);

const char         *aims_sheet_register_to_table (const char *name,
                                                  gboolean   *importable);
const char * const *aims_sheet_list_registers    (gboolean    importable_only);
const char         *aims_sheet_table_to_register (const char *table);

G_END_DECLS
