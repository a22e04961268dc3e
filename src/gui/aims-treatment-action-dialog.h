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

/**
 * AimsTreatmentActionDialogFlags:
 * @AIMS_TREATMENT_ACTION_DIALOG_NONE: an action to edit
 * @AIMS_TREATMENT_ACTION_DIALOG_NEW: an action just added: its placeholder
 *   text is selected, to be typed over
 * @AIMS_TREATMENT_ACTION_DIALOG_READ_ONLY: the action can only be read
 */
typedef enum
{
  AIMS_TREATMENT_ACTION_DIALOG_NONE      = 0,
  AIMS_TREATMENT_ACTION_DIALOG_NEW       = 1 << 0,
  AIMS_TREATMENT_ACTION_DIALOG_READ_ONLY = 1 << 1,
} AimsTreatmentActionDialogFlags;

#define AIMS_TYPE_TREATMENT_ACTION_DIALOG (aims_treatment_action_dialog_get_type())

G_DECLARE_FINAL_TYPE (AimsTreatmentActionDialog, aims_treatment_action_dialog, AIMS,
                      TREATMENT_ACTION_DIALOG, AdwWindow)

GtkWidget      *aims_treatment_action_dialog_new      (GtkWindow                      *parent,
                                                       AimsStore                      *store,
                                                       const char                     *action,
                                                       const char                     *risk_title,
                                                       AimsTreatmentActionDialogFlags  flags);
GtkWidget      *aims_treatment_action_dialog_new_full (GtkWindow                      *parent,
                                                       AimsStore                      *store,
                                                       const char                     *table,
                                                       const char                     *action,
                                                       const char                     *title,
                                                       const char                     *subtitle,
                                                       AimsTreatmentActionDialogFlags  flags);
AimsRecordForm *aims_treatment_action_dialog_get_form (AimsTreatmentActionDialog      *self);

G_END_DECLS
