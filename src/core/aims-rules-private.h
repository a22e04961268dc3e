/* aims-rules-private.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "aims-core.h"

G_BEGIN_DECLS

/* The rules on a whole record (field name → GVariant in the field's
 * canonical type; absent means NULL). With @field, only the rules that
 * involve it; with NULL, every rule. Uniqueness is the database's job in the
 * store and aims_rules_check_*()'s outside it. */
gboolean _aims_rules_check_record        (const AimsTableInfo  *table,
                                          GHashTable           *record,
                                          const char           *field,
                                          GError              **error);

/* The rules of one field by itself (required, size, a date, a choice). */
gboolean _aims_rules_check_field         (const AimsFieldInfo  *field,
                                          GHashTable           *record,
                                          GError              **error);

/* _aims_rules_check_record() over every rule, but the rules of one field by
 * itself for the fields @kept marks (per field of @table): those whose
 * values _aims_rules_check_field() has already judged, such as the defaults
 * of a new record, judged once for many. The first rule broken is the one
 * _aims_rules_check_record() would name, as long as @kept marks only fields
 * that keep their own rules. */
gboolean _aims_rules_check_record_kept   (const AimsTableInfo  *table,
                                          GHashTable           *record,
                                          const gboolean       *kept,
                                          GError              **error);

/* The rules of a risk that need the project's matrix: scores within it, a
 * residual score whole or absent, acceptance recorded (who, role, when,
 * why) before a risk is accepted by its status or its treatment, and an
 * acceptance that does not expire before it was given. */
gboolean _aims_rules_check_risk   (const AimsTableInfo  *table,
                                   GHashTable           *record,
                                   const char           *field,
                                   AimsMatrix           *matrix,
                                   GError              **error);

/* The scores of an impact: a severity within the matrix's impact steps and a
 * likelihood within its likelihood steps, or 0 for not assessed. */
gboolean _aims_rules_check_impact        (const AimsTableInfo  *table,
                                          GHashTable           *record,
                                          const char           *field,
                                          AimsMatrix           *matrix,
                                          GError              **error);
gboolean _aims_rules_impact_needs_matrix (const AimsTableInfo  *table,
                                          const char           *field);

/* Whether a risk (field name → canonical GVariant) is being accepted: its
 * status is accepted or its treatment is to accept it. */
gboolean _aims_rules_risk_is_accepting (GHashTable *record);

/* What the database puts in each column an insert leaves out, as a record
 * (field name → canonical GVariant); fields without a default are absent. */
GHashTable *_aims_rules_dup_defaults (AimsStore            *store,
                                      const AimsTableInfo  *table,
                                      GError              **error);

G_END_DECLS
