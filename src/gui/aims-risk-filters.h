/* aims-risk-filters.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include <aims-core.h>

G_BEGIN_DECLS

#define AIMS_TYPE_RISK_FILTERS (aims_risk_filters_get_type())

G_DECLARE_FINAL_TYPE (AimsRiskFilters, aims_risk_filters, AIMS, RISK_FILTERS, GObject)

AimsRiskFilters *aims_risk_filters_new        (void);
void             aims_risk_filters_add_to     (AimsRiskFilters *self,
                                               GtkFlowBox      *box);
void             aims_risk_filters_set_list   (AimsRiskFilters *self,
                                               AimsRecordList  *list);
void             aims_risk_filters_clear      (AimsRiskFilters *self);
void             aims_risk_filters_set_system (AimsRiskFilters *self,
                                               const char      *system);
GtkWidget       *aims_risk_filters_get_widget (AimsRiskFilters *self,
                                               const char      *name);

G_END_DECLS
