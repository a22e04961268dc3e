/* aims-incident-private.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "aims-core.h"

G_BEGIN_DECLS

/* The rules of date-and-time fields (any table) and of an incident: its
 * times in order, a resolved or closed incident resolved, a reported one
 * naming its authority. Called from _aims_rules_check_record(). */
gboolean _aims_incident_check_record (const AimsTableInfo  *table,
                                      GHashTable           *record,
                                      const char           *field,
                                      GError              **error);

G_END_DECLS
