/* aims-catalog-item.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined(AIMS_CORE_INSIDE) && !defined(AIMS_CORE_COMPILATION)
# error "Only <aims-core.h> can be included directly."
#endif

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * AimsCatalogKind:
 * @AIMS_CATALOG_KIND_CLAUSE: an ISO/IEC 42001 clause (4 … 10) or sub-clause
 *   (4.1, 6.1.3 …)
 * @AIMS_CATALOG_KIND_CONTROL_OBJECTIVE: an Annex A objective (A.2 … A.10),
 *   or one of the two sub-objectives of A.6 (A.6.1, A.6.2)
 * @AIMS_CATALOG_KIND_CONTROL: an Annex A control (A.2.2 … A.10.4)
 * @AIMS_CATALOG_KIND_AI_OBJECTIVE: an AI-related organisational objective of
 *   Annex C (C.2.1 … C.2.11)
 * @AIMS_CATALOG_KIND_RISK_SOURCE: a risk source of Annex C (C.3.1 … C.3.7)
 * @AIMS_CATALOG_KIND_NIST_FUNCTION: a NIST AI RMF 1.0 function (GOVERN …)
 * @AIMS_CATALOG_KIND_NIST_CATEGORY: a NIST AI RMF category (GOVERN 1 …)
 * @AIMS_CATALOG_KIND_NIST_SUBCATEGORY: a NIST AI RMF subcategory
 *   (GOVERN 1.1 …)
 * @AIMS_CATALOG_KIND_EU_AI_ACT: a label of the EU AI Act (art5_1_a,
 *   annex_iii_4 …), with its tier
 *
 * What a catalog entry is. Identifiers are unique across all kinds.
 */
typedef enum
{
  AIMS_CATALOG_KIND_CLAUSE,
  AIMS_CATALOG_KIND_CONTROL_OBJECTIVE,
  AIMS_CATALOG_KIND_CONTROL,
  AIMS_CATALOG_KIND_AI_OBJECTIVE,
  AIMS_CATALOG_KIND_RISK_SOURCE,
  AIMS_CATALOG_KIND_NIST_FUNCTION,
  AIMS_CATALOG_KIND_NIST_CATEGORY,
  AIMS_CATALOG_KIND_NIST_SUBCATEGORY,
  AIMS_CATALOG_KIND_EU_AI_ACT,
} AimsCatalogKind;

#define AIMS_CATALOG_N_KINDS (AIMS_CATALOG_KIND_EU_AI_ACT + 1)

/**
 * AimsPdcaPhase:
 * @AIMS_PDCA_PHASE_NONE: not a clause: no phase
 * @AIMS_PDCA_PHASE_PLAN: Plan (clauses 4, 5 and 6)
 * @AIMS_PDCA_PHASE_DO: Do (clauses 7 and 8)
 * @AIMS_PDCA_PHASE_CHECK: Check (clause 9)
 * @AIMS_PDCA_PHASE_ACT: Act (clause 10)
 *
 * The Plan-Do-Check-Act phase a clause belongs to by default.
 */
typedef enum
{
  AIMS_PDCA_PHASE_NONE,
  AIMS_PDCA_PHASE_PLAN,
  AIMS_PDCA_PHASE_DO,
  AIMS_PDCA_PHASE_CHECK,
  AIMS_PDCA_PHASE_ACT,
} AimsPdcaPhase;

#define AIMS_TYPE_CATALOG_KIND (aims_catalog_kind_get_type ())
#define AIMS_TYPE_PDCA_PHASE (aims_pdca_phase_get_type ())
#define AIMS_TYPE_CATALOG_ITEM (aims_catalog_item_get_type ())

GType aims_catalog_kind_get_type (void) G_GNUC_CONST;
GType aims_pdca_phase_get_type   (void) G_GNUC_CONST;

G_DECLARE_FINAL_TYPE (AimsCatalogItem, aims_catalog_item, AIMS, CATALOG_ITEM, GObject)

const char      *aims_catalog_item_get_id          (AimsCatalogItem *self);
AimsCatalogKind  aims_catalog_item_get_kind        (AimsCatalogItem *self);
const char      *aims_catalog_item_get_parent_id   (AimsCatalogItem *self);
const char      *aims_catalog_item_get_title       (AimsCatalogItem *self);
const char      *aims_catalog_item_get_description (AimsCatalogItem *self);
AimsPdcaPhase    aims_catalog_item_get_phase       (AimsCatalogItem *self);
const char      *aims_catalog_item_get_tier        (AimsCatalogItem *self);
guint            aims_catalog_item_get_depth       (AimsCatalogItem *self);

const char      *aims_pdca_phase_to_string         (AimsPdcaPhase    phase);
gboolean         aims_pdca_phase_from_string       (const char      *string,
                                                    AimsPdcaPhase   *phase);
const char      *aims_pdca_phase_get_label         (AimsPdcaPhase    phase);

G_END_DECLS
