/* aims-finding-close-group.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include <aims-core.h>

G_BEGIN_DECLS

#define AIMS_TYPE_FINDING_CLOSE_GROUP (aims_finding_close_group_get_type())

G_DECLARE_FINAL_TYPE (AimsFindingCloseGroup, aims_finding_close_group, AIMS, FINDING_CLOSE_GROUP, AdwPreferencesGroup)

GtkWidget *aims_finding_close_group_new         (void);
void       aims_finding_close_group_set_finding  (AimsFindingCloseGroup *self,
                                   AimsStore   *store,
                                   const char  *finding);

G_END_DECLS
