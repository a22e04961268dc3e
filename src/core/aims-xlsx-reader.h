/* aims-xlsx-reader.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined(AIMS_CORE_INSIDE) && !defined(AIMS_CORE_COMPILATION)
# error "Only <aims-core.h> can be included directly."
#endif

#include "aims-sheet.h"

G_BEGIN_DECLS

/**
 * AIMS_XLSX_MAX_UNPACKED:
 *
 * The most bytes one part of an XLSX archive may unpack to (1 GiB).
 */
#define AIMS_XLSX_MAX_UNPACKED (1024u * 1024u * 1024u)

/**
 * AIMS_XLSX_MAX_RATIO:
 *
 * How many times larger than it is packed a part of more than 1 MiB may
 * unpack to. Spreadsheet XML packs 5 to 30 times; a zip bomb, thousands.
 */
#define AIMS_XLSX_MAX_RATIO 200u

char     **aims_xlsx_list_sheets_data (const char  *data,
                                       gsize        length,
                                       const char  *display_name,
                                       GError     **error);
AimsSheet *aims_xlsx_read_data        (const char  *data,
                                       gsize        length,
                                       const char  *display_name,
                                       const char  *sheet_name,
                                       GError     **error);
char     **aims_xlsx_list_sheets      (const char  *path,
                                       GError     **error);
AimsSheet *aims_xlsx_read_file        (const char  *path,
                                       const char  *sheet_name,
                                       GError     **error);

G_END_DECLS
