/* aims-treatment-action-dialog.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include <aims-core.h>

#include "aims-record-form.h"

G_BEGIN_DECLS

#define AIMS_TYPE_TREATMENT_ACTION_DIALOG (aims_treatment_action_dialog_get_type())

G_DECLARE_FINAL_TYPE (AimsTreatmentActionDialog, aims_treatment_action_dialog, AIMS,
                      TREATMENT_ACTION_DIALOG, AdwWindow)

GtkWidget      *aims_treatment_action_dialog_new      (GtkWindow                 *parent,
                                                       AimsStore                 *store,
                                                       const char                *action,
                                                       const char                *risk_title,
                                                       gboolean                   read_only);
AimsRecordForm *aims_treatment_action_dialog_get_form (AimsTreatmentActionDialog *self);

G_END_DECLS
