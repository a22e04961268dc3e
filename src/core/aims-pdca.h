/* aims-pdca.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined(AIMS_CORE_INSIDE) && !defined(AIMS_CORE_COMPILATION)
# error "Only <aims-core.h> can be included directly."
#endif

#include <gio/gio.h>

#include "aims-catalog.h"
#include "aims-soa.h"
#include "aims-store.h"

G_BEGIN_DECLS

/**
 * AimsPdcaCardKind:
 * @AIMS_PDCA_CARD_CLAUSE: a clause requirement of ISO/IEC 42001 (4.1 … 10.2)
 * @AIMS_PDCA_CARD_OBJECTIVE: one of the organisation's AI objectives (6.2)
 * @AIMS_PDCA_CARD_ACTION: a risk treatment action
 * @AIMS_PDCA_CARD_CORRECTIVE_ACTION: an open corrective action of a finding
 *   (10.2), in Act
 * @AIMS_PDCA_CARD_REVIEW_ACTION: an open action a management review decided
 *   (9.3.3), in Act
 */
typedef enum
{
  AIMS_PDCA_CARD_CLAUSE,
  AIMS_PDCA_CARD_OBJECTIVE,
  AIMS_PDCA_CARD_ACTION,
  AIMS_PDCA_CARD_CORRECTIVE_ACTION,
  AIMS_PDCA_CARD_REVIEW_ACTION,
} AimsPdcaCardKind;

/**
 * AimsProgress:
 * @done: items done
 * @total: items counted
 */
typedef struct
{
  guint done;
  guint total;
} AimsProgress;

#define AIMS_PDCA_N_CLAUSES 7

/**
 * AimsPdcaSummary:
 * @requirements: clause requirements done / all clause requirements (the
 *   clause readiness figure)
 * @clauses: the same per clause, 4 to 10 (index 0 is clause 4)
 * @phases: every card of a column, done / all (index 0 is Plan)
 * @n_overdue: cards not done whose due date has passed
 */
typedef struct
{
  AimsProgress requirements;
  AimsProgress clauses[AIMS_PDCA_N_CLAUSES];
  AimsProgress phases[4];
  guint        n_overdue;
} AimsPdcaSummary;

#define AIMS_TYPE_PDCA_CARD (aims_pdca_card_get_type ())

G_DECLARE_FINAL_TYPE (AimsPdcaCard, aims_pdca_card, AIMS, PDCA_CARD, GObject)

GPtrArray        *aims_pdca_load                (AimsStore        *store,
                                                 GError          **error);
gboolean          aims_pdca_move                (AimsStore        *store,
                                                 AimsPdcaCard     *card,
                                                 AimsPdcaPhase     phase,
                                                 GError          **error);
gboolean          aims_pdca_set                 (AimsStore        *store,
                                                 AimsPdcaCard     *card,
                                                 const char       *field,
                                                 GVariant         *value,
                                                 GError          **error);
char             *aims_pdca_add_objective       (AimsStore        *store,
                                                 const char       *title,
                                                 const char       *owner,
                                                 const char       *due_date,
                                                 GError          **error);
void              aims_pdca_summarize           (GPtrArray        *cards,
                                                 const char       *today,
                                                 AimsPdcaSummary  *summary);
double            aims_progress_get_fraction    (const AimsProgress *progress);

AimsPdcaCardKind  aims_pdca_card_get_kind       (AimsPdcaCard     *self);
const char       *aims_pdca_card_get_key        (AimsPdcaCard     *self);
const char       *aims_pdca_card_get_uuid       (AimsPdcaCard     *self);
const char       *aims_pdca_card_get_parent     (AimsPdcaCard     *self);
gboolean          aims_pdca_card_can_move       (AimsPdcaCard     *self);
const char       *aims_pdca_card_get_clause     (AimsPdcaCard     *self);
const char       *aims_pdca_card_get_title      (AimsPdcaCard     *self);
AimsPdcaPhase     aims_pdca_card_get_phase      (AimsPdcaCard     *self);
const char       *aims_pdca_card_get_status     (AimsPdcaCard     *self);
const char       *aims_pdca_card_get_owner      (AimsPdcaCard     *self);
const char       *aims_pdca_card_get_due_date   (AimsPdcaCard     *self);
const char       *aims_pdca_card_get_evidence_note (AimsPdcaCard  *self);
gboolean          aims_pdca_card_is_done        (AimsPdcaCard     *self);
gboolean          aims_pdca_card_is_overdue     (AimsPdcaCard     *self,
                                                 const char       *today);

G_END_DECLS
