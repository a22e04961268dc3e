/* aims-risk-impacts.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include <aims-core.h>

G_BEGIN_DECLS

#define AIMS_TYPE_RISK_IMPACTS (aims_risk_impacts_get_type())

G_DECLARE_FINAL_TYPE (AimsRiskImpacts, aims_risk_impacts, AIMS, RISK_IMPACTS, AdwPreferencesGroup)

GtkWidget  *aims_risk_impacts_new      (void);
void        aims_risk_impacts_set_risk (AimsRiskImpacts *self,
                                        AimsStore       *store,
                                        const char      *risk);
GtkListBox *aims_risk_impacts_get_list (AimsRiskImpacts *self);

G_END_DECLS
