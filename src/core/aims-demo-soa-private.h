/* aims-demo-soa-private.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "aims-core.h"

G_BEGIN_DECLS

/* The demo's Statement of Applicability and PDCA board (aims-demo-soa.c) */
gboolean _aims_demo_generate_soa (AimsStore  *store,
                                  GError    **error);

G_END_DECLS
