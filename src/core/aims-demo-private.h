/* aims-demo-private.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "aims-store.h"

G_BEGIN_DECLS

gboolean _aims_demo_generate_assessments (AimsStore  *store,
                                          guint32     seed,
                                          GError    **error);

gboolean _aims_demo_generate_incidents      (AimsStore  *store,
                                            guint32     seed,
                                            GError    **error);
gboolean _aims_demo_generate_more_incidents (AimsStore  *store,
                                            guint32     seed,
                                            guint       n_skip,
                                            GError    **error);

G_END_DECLS
