/* aims-review.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined(AIMS_CORE_INSIDE) && !defined(AIMS_CORE_COMPILATION)
# error "Only <aims-core.h> can be included directly."
#endif

#include "aims-heatmap.h"
#include "aims-kpi.h"
#include "aims-store.h"

G_BEGIN_DECLS

/**
 * AimsReviewItem:
 * @reference: what people cite (MR-001, AUD-002, IA-004), or ""
 * @title: what it is
 * @status: its status id
 * @date: its date (due, end, next review), or ""
 * @owner: who owns it, or ""
 * @count: a number that goes with it (an audit's nonconformities), or 0
 *
 * One line of a review's inputs: an action of an earlier review, an audit,
 * an impact assessment due, an objective.
 */
typedef struct
{
  char  *reference;
  char  *title;
  char  *status;
  char  *date;
  char  *owner;
  guint  count;
} AimsReviewItem;

/**
 * AimsReviewInputs:
 * @date: the day the inputs describe
 * @gathered: when they were gathered (UTC, ISO 8601), or ""
 * @kpi: the figures on @date
 * @n_likelihood: the matrix's likelihood steps then
 * @n_impact: its impact steps then
 * @inherent: (array): open risks per cell at their inherent position,
 *   index (likelihood − 1) × @n_impact + impact − 1
 * @residual: (array): the same at their residual position
 * @top_risks: (element-type AimsKpiRisk): the highest open risks
 * @earlier_actions: (element-type AimsReviewItem): actions of earlier
 *   reviews, with the review's reference
 * @audits: (element-type AimsReviewItem): audits started by @date, with
 *   their nonconformities
 * @assessments_due: (element-type AimsReviewItem): approved impact
 *   assessments whose next review is past or within 30 days
 * @objectives: (element-type AimsReviewItem): the AI objectives (6.2)
 *
 * What a management review considers (ISO/IEC 42001 9.3.2), gathered once
 * and kept as JSON, so it does not change when the project does.
 */
typedef struct
{
  char      *date;
  char      *gathered;
  AimsKpi   *kpi;
  guint      n_likelihood;
  guint      n_impact;
  guint     *inherent;
  guint     *residual;
  GPtrArray *top_risks;
  GPtrArray *earlier_actions;
  GPtrArray *audits;
  GPtrArray *assessments_due;
  GPtrArray *objectives;
} AimsReviewInputs;

#define AIMS_REVIEW_TOP_RISKS 10

char             *aims_review_create             (AimsStore               *store,
                                                  const char              *date,
                                                  const char              *title,
                                                  GError                 **error);
char            **aims_review_list               (AimsStore               *store,
                                                  GError                 **error);
char             *aims_review_dup_latest         (AimsStore               *store);
char             *aims_review_dup_previous       (AimsStore               *store,
                                                  const char              *review);
char             *aims_review_dup_period_start   (AimsStore               *store,
                                                  const char              *date,
                                                  const char              *review);

AimsReviewInputs *aims_review_inputs_gather      (AimsStore               *store,
                                                  const char              *date,
                                                  const char              *review,
                                                  GError                 **error);
gboolean          aims_review_gather_inputs      (AimsStore               *store,
                                                  const char              *review,
                                                  GError                 **error);
AimsReviewInputs *aims_review_dup_inputs         (AimsStore               *store,
                                                  const char              *review,
                                                  GError                 **error);
JsonNode         *aims_review_inputs_to_json     (const AimsReviewInputs  *inputs);
AimsReviewInputs *aims_review_inputs_new_from_json (JsonNode              *node,
                                                  GError                 **error);
AimsHeatmapCounts *aims_review_inputs_dup_counts (const AimsReviewInputs  *inputs,
                                                  gboolean                 residual);
void              aims_review_inputs_free        (AimsReviewInputs        *inputs);
void              aims_review_item_free          (AimsReviewItem          *item);

char             *aims_review_add_action         (AimsStore               *store,
                                                  const char              *review,
                                                  const char              *what,
                                                  const char              *owner,
                                                  const char              *due_date,
                                                  GError                 **error);
gboolean          aims_review_set_action         (AimsStore               *store,
                                                  const char              *action,
                                                  const char              *field,
                                                  const char              *value,
                                                  GError                 **error);
gboolean          aims_review_remove_action      (AimsStore               *store,
                                                  const char              *action,
                                                  GError                 **error);
char            **aims_review_dup_actions        (AimsStore               *store,
                                                  const char              *review,
                                                  GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AimsReviewInputs, aims_review_inputs_free)

G_END_DECLS
