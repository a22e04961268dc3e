/* aims-demo-audits-private.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "aims-core.h"

G_BEGIN_DECLS

/* The demo's internal audit, findings and corrective actions (aims-demo-audits.c) */
gboolean _aims_demo_generate_audits (AimsStore  *store,
                                     GError    **error);

G_END_DECLS
