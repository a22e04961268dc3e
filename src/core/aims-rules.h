/* aims-rules.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined(AIMS_CORE_INSIDE) && !defined(AIMS_CORE_COMPILATION)
# error "Only <aims-core.h> can be included directly."
#endif

#include "aims-schema.h"
#include "aims-store.h"

G_BEGIN_DECLS

#define AIMS_RULE_ERROR (aims_rule_error_quark ())

/**
 * AimsRuleError:
 * @AIMS_RULE_ERROR_REQUIRED: a required field is empty
 * @AIMS_RULE_ERROR_INVALID_DATE: a date is not written YYYY-MM-DD or does not
 *   exist (2026-02-30)
 * @AIMS_RULE_ERROR_DATE_ORDER: the next review is before the last review, or
 *   an acceptance expires before it was given
 * @AIMS_RULE_ERROR_JUSTIFICATION_REQUIRED: an AI system excluded from the
 *   scope, or an Annex A control included or excluded, has no justification
 * @AIMS_RULE_ERROR_AREA_REQUIRED: an AI system that is high-risk under
 *   Annex III does not name its area
 * @AIMS_RULE_ERROR_INVALID_CHOICE: a value (or, in a multiple choice, one of
 *   its values) is not one of the field's choices
 * @AIMS_RULE_ERROR_DUPLICATE_REFERENCE: another record of the table has the
 *   same reference
 * @AIMS_RULE_ERROR_TOO_LONG: the text is longer than the field allows
 * @AIMS_RULE_ERROR_SCORE_RANGE: a risk's likelihood or impact is not a step
 *   of the project's risk matrix
 * @AIMS_RULE_ERROR_RESIDUAL_INCOMPLETE: a risk has a residual likelihood
 *   without an impact, or the reverse
 * @AIMS_RULE_ERROR_ACCEPTANCE_REQUIRED: a risk is accepted (its status or
 *   its treatment) without who accepted it, in what role, when and why, or
 *   its status is accepted while its treatment is not "accept"
 *
 * The rules of the data, shared by forms, imports and the command line. Each
 * message names the field by its label and says what is wrong.
 */
typedef enum
{
  AIMS_RULE_ERROR_REQUIRED,
  AIMS_RULE_ERROR_INVALID_DATE,
  AIMS_RULE_ERROR_DATE_ORDER,
  AIMS_RULE_ERROR_JUSTIFICATION_REQUIRED,
  AIMS_RULE_ERROR_AREA_REQUIRED,
  AIMS_RULE_ERROR_INVALID_CHOICE,
  AIMS_RULE_ERROR_DUPLICATE_REFERENCE,
  AIMS_RULE_ERROR_TOO_LONG,
  AIMS_RULE_ERROR_SCORE_RANGE,
  AIMS_RULE_ERROR_RESIDUAL_INCOMPLETE,
  AIMS_RULE_ERROR_ACCEPTANCE_REQUIRED,
} AimsRuleError;

GQuark   aims_rule_error_quark             (void);

gboolean aims_rules_check_update           (AimsStore   *store,
                                            const char  *table,
                                            const char  *uuid,
                                            const char  *field,
                                            GVariant    *value,
                                            GError     **error);
gboolean aims_rules_check_insert           (AimsStore   *store,
                                            const char  *table,
                                            GHashTable  *values,
                                            GError     **error);
gboolean aims_rules_date_is_valid          (const char  *text);
char    *aims_rules_dup_acceptance_warning (AimsStore   *store,
                                            const char  *uuid);
gboolean aims_rules_check_score   (AimsMatrix           *matrix,
                                   const AimsFieldInfo  *field,
                                   gint64                value,
                                   GError              **error);

G_END_DECLS
