/* aims-inventory.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined(AIMS_CORE_INSIDE) && !defined(AIMS_CORE_COMPILATION)
# error "Only <aims-core.h> can be included directly."
#endif

#include "aims-store.h"

G_BEGIN_DECLS

GHashTable *aims_inventory_count_by       (AimsStore  *store,
                                           const char *field);
guint       aims_inventory_count_overdue  (AimsStore  *store,
                                           GDateTime  *today);
guint       aims_inventory_count_in_scope (AimsStore  *store);

G_END_DECLS
