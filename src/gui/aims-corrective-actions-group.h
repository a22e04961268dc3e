/* aims-corrective-actions-group.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include <aims-core.h>

G_BEGIN_DECLS

#define AIMS_TYPE_CORRECTIVE_ACTIONS_GROUP (aims_corrective_actions_group_get_type())

G_DECLARE_FINAL_TYPE (AimsCorrectiveActionsGroup, aims_corrective_actions_group, AIMS,
                      CORRECTIVE_ACTIONS_GROUP, AdwPreferencesGroup)

GtkWidget  *aims_corrective_actions_group_new           (void);
void        aims_corrective_actions_group_set_finding   (AimsCorrectiveActionsGroup *self,
                                                        AimsStore                 *store,
                                                        const char                *finding);
const char *aims_corrective_actions_group_get_finding   (AimsCorrectiveActionsGroup *self);
gboolean    aims_corrective_actions_group_get_read_only (AimsCorrectiveActionsGroup *self);
void        aims_corrective_actions_group_set_read_only (AimsCorrectiveActionsGroup *self,
                                                        gboolean                   read_only);
GtkWidget  *aims_corrective_actions_group_edit          (AimsCorrectiveActionsGroup *self,
                                                        const char                *action);

G_END_DECLS
