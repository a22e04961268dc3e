/* aims-impact-dialog.h
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

#define AIMS_TYPE_IMPACT_DIALOG (aims_impact_dialog_get_type())

G_DECLARE_FINAL_TYPE (AimsImpactDialog, aims_impact_dialog, AIMS, IMPACT_DIALOG, AdwWindow)

AimsImpactDialog *aims_impact_dialog_new          (GtkWindow        *parent,
                                                   AimsStore        *store,
                                                   const char       *impact);
AimsRecordForm   *aims_impact_dialog_get_form     (AimsImpactDialog *self);
GtkListBox       *aims_impact_dialog_get_measures (AimsImpactDialog *self);

G_END_DECLS
