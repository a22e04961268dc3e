/* aims-demo-reviews-private.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "aims-store.h"

G_BEGIN_DECLS

gboolean _aims_demo_generate_reviews (AimsStore  *store,
                                      GError    **error);

G_END_DECLS
