/* aims-csv-reader.h
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

AimsSheet *aims_csv_read_data (const char  *data,
                               gsize        length,
                               const char  *display_name,
                               GError     **error);
AimsSheet *aims_csv_read_file (const char  *path,
                               GError     **error);

G_END_DECLS
