/* aims-finding-whys-group.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include <aims-core.h>

G_BEGIN_DECLS

#define AIMS_TYPE_FINDING_WHYS_GROUP (aims_finding_whys_group_get_type())

G_DECLARE_FINAL_TYPE (AimsFindingWhysGroup, aims_finding_whys_group, AIMS, FINDING_WHYS_GROUP, AdwPreferencesGroup)

GtkWidget *aims_finding_whys_group_new         (void);
void       aims_finding_whys_group_set_finding  (AimsFindingWhysGroup *self,
                                   AimsStore   *store,
                                   const char  *finding);

G_END_DECLS
