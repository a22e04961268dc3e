/* aims-finding-private.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "aims-core.h"

G_BEGIN_DECLS

/* The closure rule of a finding, which the store applies to every edit of
 * its status (aims_store_update() and aims_rules_check_update()): @record is
 * the finding as the edit would leave it. */
gboolean _aims_finding_check_record (AimsStore   *store,
                                     const char  *uuid,
                                     GHashTable  *record,
                                     GError     **error);

G_END_DECLS
