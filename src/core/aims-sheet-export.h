/* aims-sheet-export.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined(AIMS_CORE_INSIDE) && !defined(AIMS_CORE_COMPILATION)
# error "Only <aims-core.h> can be included directly."
#endif

#include <gio/gio.h>

#include "aims-store.h"

G_BEGIN_DECLS

/**
 * AimsSheetFormat:
 * @AIMS_SHEET_FORMAT_CSV: CSV (RFC 4180), UTF-8
 * @AIMS_SHEET_FORMAT_XLSX: an Excel workbook of one sheet
 *
 * The spreadsheet formats a register can be exported to.
 */
typedef enum
{
  AIMS_SHEET_FORMAT_CSV,
  AIMS_SHEET_FORMAT_XLSX,
} AimsSheetFormat;

gboolean  aims_sheet_format_from_path    (const char       *path,
                                          AimsSheetFormat  *format);
GBytes   *aims_sheet_export              (AimsStore        *store,
                                          const char       *table,
                                          AimsSheetFormat   format,
                                          guint            *n_records,
                                          GError          **error);
gboolean  aims_sheet_export_to_file      (AimsStore        *store,
                                          const char       *table,
                                          const char       *path,
                                          guint            *n_records,
                                          GError          **error);

G_END_DECLS
