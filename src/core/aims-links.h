/* aims-links.h
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

char     *aims_store_link          (AimsStore   *self,
                                    const char  *link_table,
                                    const char  *first_uuid,
                                    const char  *second_uuid,
                                    GError     **error);
gboolean  aims_store_unlink        (AimsStore   *self,
                                    const char  *link_table,
                                    const char  *first_uuid,
                                    const char  *second_uuid,
                                    GError     **error);
char     *aims_store_dup_link_uuid (AimsStore   *self,
                                    const char  *link_table,
                                    const char  *first_uuid,
                                    const char  *second_uuid);

G_END_DECLS
