/* aims-oscal.h
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

#include "aims-store.h"

G_BEGIN_DECLS

/**
 * AIMS_OSCAL_VERSION:
 *
 * The OSCAL version of the documents aims_oscal_export() writes.
 */
#define AIMS_OSCAL_VERSION "1.1.2"

#define AIMS_OSCAL_ERROR (aims_oscal_error_quark ())

/**
 * AimsOscalError:
 * @AIMS_OSCAL_ERROR_NOTHING_TO_EXPORT: the project holds nothing the
 *   document could list (a plan of action with no open action)
 */
typedef enum
{
  AIMS_OSCAL_ERROR_NOTHING_TO_EXPORT,
} AimsOscalError;

/**
 * AimsOscalKind:
 * @AIMS_OSCAL_COMPONENT_DEFINITION: the SoA and how each Annex A control is
 *   implemented, as a component definition
 * @AIMS_OSCAL_SSP: the same as a system security plan
 * @AIMS_OSCAL_ASSESSMENT_RESULTS: audits and their findings, with the
 *   corrective actions as remediations
 * @AIMS_OSCAL_POAM: the open corrective actions as a plan of action and
 *   milestones
 */
typedef enum
{
  AIMS_OSCAL_COMPONENT_DEFINITION,
  AIMS_OSCAL_SSP,
  AIMS_OSCAL_ASSESSMENT_RESULTS,
  AIMS_OSCAL_POAM,
} AimsOscalKind;

GQuark       aims_oscal_error_quark      (void);
gboolean     aims_oscal_kind_from_string (const char     *name,
                                          AimsOscalKind  *kind);
const char  *aims_oscal_kind_to_string   (AimsOscalKind   kind);
char        *aims_oscal_uuid_v5          (const char     *name);
GBytes      *aims_oscal_export           (AimsStore      *store,
                                          AimsOscalKind   kind,
                                          GError        **error);
gboolean     aims_oscal_export_file      (const char     *project,
                                          AimsOscalKind   kind,
                                          const char     *output,
                                          GError        **error);

G_END_DECLS
