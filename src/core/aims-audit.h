/* aims-audit.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined(AIMS_CORE_INSIDE) && !defined(AIMS_CORE_COMPILATION)
# error "Only <aims-core.h> can be included directly."
#endif

#include "aims-catalog.h"
#include "aims-store.h"

G_BEGIN_DECLS

#define AIMS_AUDIT_ERROR (aims_audit_error_quark ())

/**
 * AimsAuditError:
 * @AIMS_AUDIT_ERROR_SCOPE_EMPTY: an audit is started with nothing in its scope
 * @AIMS_AUDIT_ERROR_SCOPE_INVALID: a scope is not a JSON list of catalogue ids,
 *   or names an id the catalogue does not have
 * @AIMS_AUDIT_ERROR_STARTED: an audit is started a second time
 * @AIMS_AUDIT_ERROR_NOT_CLOSABLE: a finding is closed while its actions are
 *   not done or not verified effective
 * @AIMS_AUDIT_ERROR_NO_FINDING: a finding is raised from a checklist line
 *   whose result is not a nonconformity, observation or opportunity
 *
 * What the internal audits and their findings refuse (ISO/IEC 42001 9.2,
 * 10.2). Each message says what to do.
 */
typedef enum
{
  AIMS_AUDIT_ERROR_SCOPE_EMPTY,
  AIMS_AUDIT_ERROR_SCOPE_INVALID,
  AIMS_AUDIT_ERROR_STARTED,
  AIMS_AUDIT_ERROR_NOT_CLOSABLE,
  AIMS_AUDIT_ERROR_NO_FINDING,
} AimsAuditError;

GQuark    aims_audit_error_quark              (void);

char    **aims_audit_parse_scope              (const char   *json,
                                               GError      **error);
char     *aims_audit_format_scope             (const char * const *ids);
char    **aims_audit_expand_scope             (AimsCatalog  *catalog,
                                               const char   *json,
                                               GError      **error);
gboolean  aims_audit_set_scope                (AimsStore    *store,
                                               const char   *audit,
                                               const char * const *ids,
                                               GError      **error);
char    **aims_audit_dup_scope                (AimsStore    *store,
                                               const char   *audit,
                                               GError      **error);
gboolean  aims_audit_start                    (AimsStore    *store,
                                               const char   *audit,
                                               GError      **error);
char    **aims_audit_dup_checklist            (AimsStore    *store,
                                               const char   *audit,
                                               GError      **error);
gboolean  aims_audit_record_result            (AimsStore    *store,
                                               const char   *item,
                                               const char   *result,
                                               const char   *evidence_seen,
                                               GError      **error);
char     *aims_audit_raise_finding            (AimsStore    *store,
                                               const char   *item,
                                               GError      **error);

G_END_DECLS
