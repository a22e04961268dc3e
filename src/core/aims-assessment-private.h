/* aims-assessment-private.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "aims-core.h"

G_BEGIN_DECLS

/* The rules of an assessment's status, which the store applies to every
 * edit of it (aims_store_update() and aims_rules_check_update()), so that no
 * caller can skip what aims_assessment_approve() checks. */
gboolean _aims_assessment_check_status (AimsStore   *store,
                                        const char  *uuid,
                                        const char  *status,
                                        GError     **error);

gboolean _aims_assessment_check_editable (AimsStore           *store,
                                          const AimsTableInfo *table,
                                          GHashTable          *record,
                                          gboolean             status_only,
                                          GError             **error);

G_END_DECLS
