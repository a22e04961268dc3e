/* aims-assessment-view.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include <aims-core.h>

#include "aims-impact-dialog.h"
#include "aims-record-form.h"

G_BEGIN_DECLS

#define AIMS_TYPE_ASSESSMENT_VIEW (aims_assessment_view_get_type())

G_DECLARE_FINAL_TYPE (AimsAssessmentView, aims_assessment_view, AIMS, ASSESSMENT_VIEW, GtkWidget)

GtkWidget        *aims_assessment_view_new               (void);
void              aims_assessment_view_set_assessment    (AimsAssessmentView *self,
                                                          AimsStore          *store,
                                                          const char         *uuid);
const char       *aims_assessment_view_get_uuid          (AimsAssessmentView *self);
void              aims_assessment_view_refresh           (AimsAssessmentView *self);
void              aims_assessment_view_flush             (AimsAssessmentView *self);
void              aims_assessment_view_show_section      (AimsAssessmentView *self,
                                                          const char         *section);
AimsRecordForm   *aims_assessment_view_get_form          (AimsAssessmentView *self);
AimsImpactDialog *aims_assessment_view_get_impact_dialog (AimsAssessmentView *self);
GtkLabel         *aims_assessment_view_get_missing_label (AimsAssessmentView *self);
GtkProgressBar   *aims_assessment_view_get_progress_bar  (AimsAssessmentView *self);
GListModel       *aims_assessment_view_get_impacts       (AimsAssessmentView *self);

G_END_DECLS
