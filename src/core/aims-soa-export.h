/* aims-soa-export.h
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

const char * const *aims_soa_export_columns (void);
GBytes             *aims_soa_export_csv     (AimsStore   *store,
                                             GError     **error);
GBytes             *aims_soa_export_pdf     (AimsStore   *store,
                                             const char  *today,
                                             GError     **error);
gboolean            aims_soa_export_file    (AimsStore   *store,
                                             const char  *path,
                                             GError     **error);

G_END_DECLS
