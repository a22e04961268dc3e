/* aims-form-extras.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The groups that record forms hold beyond the fields of their table, and
 * where they go. An audit: its scope, then its checklist, before the result.
 * A finding: its five whys before the root cause, its corrective actions
 * before the verification, and its closure last. */

#define G_LOG_DOMAIN "aims-form-extras"

#include "config.h"

#include "aims-form-extras.h"

#include "aims-actions-group.h"
#include "aims-audit-checklist.h"
#include "aims-audit-scope-group.h"
#include "aims-finding-close-group.h"
#include "aims-finding-whys-group.h"

static const AimsFormExtra extras[] = {
  { "audit", "status", "(audit scope)", aims_audit_scope_group_new },
  { "audit", "status", "(audit checklist)", aims_audit_checklist_new },
  { "finding", "root_cause", "(five whys)", aims_finding_whys_group_new },
  { "finding", "verified_by", "(corrective actions)", aims_actions_group_new_corrective },
  { "finding", NULL, "(closure)", aims_finding_close_group_new },
};

const AimsFormExtra *
_aims_form_extras_get (guint *n_extras)
{
  *n_extras = G_N_ELEMENTS (extras);
  return extras;
}

void
_aims_form_extra_set_record (GtkWidget  *group,
                             AimsStore  *store,
                             const char *uuid)
{
  if (AIMS_IS_AUDIT_SCOPE_GROUP (group))
    aims_audit_scope_group_set_audit (AIMS_AUDIT_SCOPE_GROUP (group), store, uuid);
  else if (AIMS_IS_AUDIT_CHECKLIST (group))
    aims_audit_checklist_set_audit (AIMS_AUDIT_CHECKLIST (group), store, uuid);
  else if (AIMS_IS_FINDING_WHYS_GROUP (group))
    aims_finding_whys_group_set_finding (AIMS_FINDING_WHYS_GROUP (group), store, uuid);
  else if (AIMS_IS_ACTIONS_GROUP (group))
    aims_actions_group_set_parent (AIMS_ACTIONS_GROUP (group), store, uuid);
  else if (AIMS_IS_FINDING_CLOSE_GROUP (group))
    aims_finding_close_group_set_finding (AIMS_FINDING_CLOSE_GROUP (group), store, uuid);
}

void
_aims_form_extra_set_read_only (GtkWidget *group,
                                gboolean   read_only)
{
  /* Every extra group has the property */
  g_object_set (group, "read-only", read_only, NULL);
}
