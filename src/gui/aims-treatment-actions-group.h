/* aims-treatment-actions-group.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include <aims-core.h>

G_BEGIN_DECLS

#define AIMS_TYPE_TREATMENT_ACTIONS_GROUP (aims_treatment_actions_group_get_type())

G_DECLARE_FINAL_TYPE (AimsTreatmentActionsGroup, aims_treatment_actions_group, AIMS,
                      TREATMENT_ACTIONS_GROUP, AdwPreferencesGroup)

GtkWidget  *aims_treatment_actions_group_new           (void);
void        aims_treatment_actions_group_set_risk      (AimsTreatmentActionsGroup *self,
                                                        AimsStore                 *store,
                                                        const char                *risk);
const char *aims_treatment_actions_group_get_risk      (AimsTreatmentActionsGroup *self);
gboolean    aims_treatment_actions_group_get_read_only (AimsTreatmentActionsGroup *self);
void        aims_treatment_actions_group_set_read_only (AimsTreatmentActionsGroup *self,
                                                        gboolean                   read_only);
GtkWidget  *aims_treatment_actions_group_edit          (AimsTreatmentActionsGroup *self,
                                                        const char                *action);

G_END_DECLS
