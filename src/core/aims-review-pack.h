/* aims-review-pack.h
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

gboolean aims_review_pack_write (AimsStore   *store,
                                 const char  *review,
                                 const char  *date,
                                 const char  *path,
                                 guint       *n_pages,
                                 GError     **error);

G_END_DECLS
