/* aims-risks.h
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
#include "aims-matrix.h"
#include "aims-store.h"

G_BEGIN_DECLS

/**
 * AimsRiskFilterFlags:
 * @AIMS_RISK_FILTER_NONE: no flag
 * @AIMS_RISK_FILTER_LEVEL: only risks whose current level (residual, else
 *   inherent) is #AimsRiskFilter.level
 * @AIMS_RISK_FILTER_ABOVE_TOLERANCE: only risks whose current level is above
 *   the matrix's tolerance
 * @AIMS_RISK_FILTER_OVERDUE: only risks whose next review is before
 *   #AimsRiskFilter.today
 * @AIMS_RISK_FILTER_OPEN: leave out closed risks
 *
 * The flags of a #AimsRiskFilter; all that are set must hold.
 */
typedef enum
{
  AIMS_RISK_FILTER_NONE            = 0,
  AIMS_RISK_FILTER_LEVEL           = 1 << 0,
  AIMS_RISK_FILTER_ABOVE_TOLERANCE = 1 << 1,
  AIMS_RISK_FILTER_OVERDUE         = 1 << 2,
  AIMS_RISK_FILTER_OPEN            = 1 << 3,
} AimsRiskFilterFlags;

/**
 * AimsRiskFilter:
 * @system: (nullable): only risks linked to this AI system (uuid)
 * @owner: (nullable): only risks of this owner (exactly, ignoring case)
 * @objective: (nullable): only risks that name this Annex C objective
 *   ("C.2.5")
 * @flags: #AimsRiskFilterFlags
 * @level: with %AIMS_RISK_FILTER_LEVEL, the level, 0 … n-1
 * @today: (nullable): with %AIMS_RISK_FILTER_OVERDUE, the day, YYYY-MM-DD;
 *   %NULL for today (UTC)
 *
 * Which risks the register shows. Initialise it with aims_risk_filter_init().
 */
typedef struct
{
  const char          *system;
  const char          *owner;
  const char          *objective;
  AimsRiskFilterFlags  flags;
  guint                level;
  const char          *today;
} AimsRiskFilter;

/**
 * AimsRiskScore:
 * @AIMS_RISK_INHERENT: before treatment
 * @AIMS_RISK_RESIDUAL: once the treatment is in place
 */
typedef enum
{
  AIMS_RISK_INHERENT,
  AIMS_RISK_RESIDUAL,
} AimsRiskScore;

/**
 * AimsRiskRemapSummary:
 * @n_risks: the risks in the project
 * @n_moved: the risks whose inherent or residual likelihood or impact
 *   moves to another step
 * @n_relevelled: the risks whose inherent or residual level gets another
 *   name (or gets one, or loses it)
 *
 * What a change of matrix does to the project's risks.
 */
typedef struct
{
  guint n_risks;
  guint n_moved;
  guint n_relevelled;
} AimsRiskRemapSummary;

void               aims_risk_filter_init             (AimsRiskFilter        *filter);

AimsHeatmapCounts *aims_risks_count_cells            (AimsStore             *store,
                                                      AimsMatrix            *matrix,
                                                      const AimsRiskFilter  *filter,
                                                      GError               **error);
guint              aims_risks_count_above_tolerance  (AimsStore             *store,
                                                      AimsMatrix            *matrix,
                                                      GError               **error);
guint              aims_risks_count_overdue          (AimsStore             *store,
                                                      const char            *today,
                                                      GError               **error);
AimsHeatmapCounts *aims_risks_preview_remap          (AimsStore             *store,
                                                      AimsMatrix            *from,
                                                      AimsMatrix            *to,
                                                      AimsRiskRemapSummary  *summary,
                                                      GError               **error);
gboolean           aims_risks_set_score              (AimsStore             *store,
                                                      const char            *uuid,
                                                      AimsRiskScore          score,
                                                      guint                  likelihood,
                                                      guint                  impact,
                                                      GError               **error);
char              *aims_risks_add_for_system         (AimsStore             *store,
                                                      const char            *system,
                                                      const char            *title,
                                                      GError               **error);

G_END_DECLS
