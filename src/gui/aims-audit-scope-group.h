/* aims-audit-scope-group.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include <aims-core.h>

G_BEGIN_DECLS

#define AIMS_TYPE_AUDIT_SCOPE_GROUP (aims_audit_scope_group_get_type())

G_DECLARE_FINAL_TYPE (AimsAuditScopeGroup, aims_audit_scope_group, AIMS, AUDIT_SCOPE_GROUP, AdwPreferencesGroup)

GtkWidget *aims_audit_scope_group_new         (void);
void       aims_audit_scope_group_set_audit  (AimsAuditScopeGroup *self,
                                   AimsStore   *store,
                                   const char  *audit);

G_END_DECLS
