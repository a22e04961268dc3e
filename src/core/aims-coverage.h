/* aims-coverage.h
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

gboolean aims_coverage_count (AimsStore   *store,
                              const char  *today,
                              guint       *n_covered,
                              guint       *n_in_scope,
                              GError     **error);

G_END_DECLS
