/* aims-risks-private.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "aims-core.h"

G_BEGIN_DECLS

/* How a write of a risk came about, for the fields the store derives. */
typedef enum
{
  AIMS_RISK_DERIVE_INSERT,  /* a new risk: assessed defaults to today */
  AIMS_RISK_DERIVE_EDIT,    /* a person's edit: a new score is a new assessment */
  AIMS_RISK_DERIVE_REMAP,   /* the matrix changed: recompute, assess nothing */
} AimsRiskDerive;

gboolean            _aims_risks_is_risk_table (const AimsTableInfo *table);
const char * const *_aims_risks_derived_fields (void);
char               *_aims_risks_today          (void);
int                 _aims_risks_level          (AimsMatrix          *matrix,
                                                gint64               likelihood,
                                                gint64               impact);
char               *_aims_risks_next_review    (AimsMatrix          *matrix,
                                                const char          *assessed,
                                                int                  level);
void                _aims_risks_derive         (AimsMatrix          *matrix,
                                                GHashTable          *record,
                                                GHashTable          *given,
                                                AimsRiskDerive       how,
                                                const char          *today);

/* The WHERE clause of @filter (plain "?" parameters), appending the value
 * of each parameter in order to @texts, or NULL there and the number to
 * @ints. @matrix gives the tolerance and may be NULL when @filter does not
 * ask for it; @today is used when the filter has none. */
char               *_aims_risks_filter_sql     (AimsMatrix           *matrix,
                                                const AimsRiskFilter *filter,
                                                const char           *today,
                                                GPtrArray            *texts,
                                                GArray               *ints);
AimsRiskFilter     *_aims_risk_filter_dup      (const AimsRiskFilter *filter);
void                _aims_risk_filter_free     (AimsRiskFilter       *filter);
gboolean            _aims_risk_filter_equal    (const AimsRiskFilter *a,
                                                const AimsRiskFilter *b);

G_END_DECLS
