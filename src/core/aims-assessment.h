/* aims-assessment.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined(AIMS_CORE_INSIDE) && !defined(AIMS_CORE_COMPILATION)
# error "Only <aims-core.h> can be included directly."
#endif

#include "aims-store.h"

G_BEGIN_DECLS

#define AIMS_ASSESSMENT_ERROR (aims_assessment_error_quark ())

/**
 * AimsAssessmentError:
 * @AIMS_ASSESSMENT_ERROR_INCOMPLETE: required parts are missing; the message
 *   names them
 * @AIMS_ASSESSMENT_ERROR_STATUS: the assessment's status does not allow it
 * @AIMS_ASSESSMENT_ERROR_NOT_SCORED: an impact without severity or likelihood
 *   cannot become a risk
 * @AIMS_ASSESSMENT_ERROR_NOT_HARM: only a harm becomes a risk
 */
typedef enum
{
  AIMS_ASSESSMENT_ERROR_INCOMPLETE,
  AIMS_ASSESSMENT_ERROR_STATUS,
  AIMS_ASSESSMENT_ERROR_NOT_SCORED,
  AIMS_ASSESSMENT_ERROR_NOT_HARM,
} AimsAssessmentError;

/**
 * AimsAssessmentGap:
 * @section: the translated title of the form section the part belongs to
 * @what: the translated name of the missing part
 * @record: (nullable): the impact or measure it concerns, for parts of the
 *   impacts list; %NULL for a field of the assessment
 * @field: (nullable): the field of the assessment or of @record
 *
 * One required part of an assessment that is still empty.
 */
typedef struct
{
  char *section;
  char *what;
  char *record;
  char *field;
} AimsAssessmentGap;

/**
 * AimsAssessmentSummary:
 *
 * One line of the list of assessments.
 */
typedef struct
{
  char   *uuid;
  char   *reference;
  char   *system;
  char   *system_reference;
  char   *system_name;
  gint64  version;
  char   *status;
  char   *assessment_date;
  char   *next_review;
  guint   n_impacts;
  guint   n_open_harms;
} AimsAssessmentSummary;

GQuark      aims_assessment_error_quark        (void);

char       *aims_assessment_dup_latest         (AimsStore    *store,
                                                const char   *system);
char       *aims_assessment_start              (AimsStore    *store,
                                                const char   *system,
                                                GError      **error);
GPtrArray  *aims_assessment_dup_missing        (AimsStore    *store,
                                                const char   *uuid,
                                                guint        *n_parts,
                                                GError      **error);
char       *aims_assessment_describe_missing   (GPtrArray    *gaps);
gboolean    aims_assessment_submit             (AimsStore    *store,
                                                const char   *uuid,
                                                GError      **error);
gboolean    aims_assessment_approve            (AimsStore    *store,
                                                const char   *uuid,
                                                const char   *today,
                                                GError      **error);
gboolean    aims_assessment_is_editable        (AimsStore    *store,
                                                const char   *uuid);
char      **aims_assessment_dup_impacts        (AimsStore    *store,
                                                const char   *uuid,
                                                GError      **error);
char       *aims_assessment_add_impact         (AimsStore    *store,
                                                const char   *uuid,
                                                GError      **error);
char      **aims_assessment_dup_measures       (AimsStore    *store,
                                                const char   *impact,
                                                GError      **error);
char       *aims_assessment_create_risk        (AimsStore    *store,
                                                const char   *impact,
                                                GError      **error);
char      **aims_assessment_dup_impact_risks   (AimsStore    *store,
                                                const char   *impact);
char      **aims_assessment_dup_risk_impacts   (AimsStore    *store,
                                                const char   *risk);
GPtrArray  *aims_assessment_list               (AimsStore    *store,
                                                GError      **error);
const char *aims_assessment_objective_for      (const char   *dimension);

void        aims_assessment_gap_free           (AimsAssessmentGap     *gap);
void        aims_assessment_summary_free       (AimsAssessmentSummary *summary);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AimsAssessmentGap, aims_assessment_gap_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AimsAssessmentSummary, aims_assessment_summary_free)

G_END_DECLS
