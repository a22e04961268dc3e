/* aims-export.h
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

const char * const *aims_export_inventory_columns        (void);
char               *aims_export_csv_field                (const char     *text);
gboolean            aims_export_inventory_csv            (const char     *path,
                                                          GOutputStream  *stream,
                                                          GCancellable   *cancellable,
                                                          GError        **error);
gboolean            aims_export_inventory_csv_from_store (AimsStore      *store,
                                                          GOutputStream  *stream,
                                                          GCancellable   *cancellable,
                                                          GError        **error);
gboolean            aims_export_write_file               (const char     *path,
                                                          const char     *data,
                                                          gsize           length,
                                                          GError        **error);

G_END_DECLS
