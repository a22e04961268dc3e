/* aims-audit-checklist.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include <aims-core.h>

G_BEGIN_DECLS

#define AIMS_TYPE_AUDIT_CHECKLIST (aims_audit_checklist_get_type())

G_DECLARE_FINAL_TYPE (AimsAuditChecklist, aims_audit_checklist, AIMS, AUDIT_CHECKLIST, AdwPreferencesGroup)

GtkWidget *aims_audit_checklist_new         (void);
void       aims_audit_checklist_set_audit  (AimsAuditChecklist *self,
                                   AimsStore   *store,
                                   const char  *audit);
GtkWidget *aims_audit_checklist_find_row (AimsAuditChecklist *self,
                                         const char         *requirement);

G_END_DECLS
