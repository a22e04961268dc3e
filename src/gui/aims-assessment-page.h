/* aims-assessment-page.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include <aims-core.h>

#include "aims-assessment-view.h"

G_BEGIN_DECLS

#define AIMS_TYPE_ASSESSMENT_PAGE (aims_assessment_page_get_type())

G_DECLARE_FINAL_TYPE (AimsAssessmentPage, aims_assessment_page, AIMS, ASSESSMENT_PAGE, GtkWidget)

GtkWidget          *aims_assessment_page_new            (void);
void                aims_assessment_page_set_document   (AimsAssessmentPage *self,
                                                         AimsDocument       *document);
void                aims_assessment_page_open           (AimsAssessmentPage *self,
                                                         const char         *uuid);
gboolean            aims_assessment_page_assess_system  (AimsAssessmentPage *self,
                                                         const char         *system);
AimsAssessmentView *aims_assessment_page_get_view       (AimsAssessmentPage *self);
GtkListBox         *aims_assessment_page_get_list       (AimsAssessmentPage *self);
void                aims_assessment_page_flush          (AimsAssessmentPage *self);

G_END_DECLS
