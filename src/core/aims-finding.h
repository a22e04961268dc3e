/* aims-finding.h
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

/**
 * AimsFindingSummary:
 * @n_actions: corrective actions of the finding
 * @n_done: of them, done
 * @n_open: of them, planned or in progress
 * @n_overdue: of them, open past their due date
 */
typedef struct
{
  guint n_actions;
  guint n_done;
  guint n_open;
  guint n_overdue;
} AimsFindingSummary;

gboolean  aims_corrective_action_is_overdue   (const char          *due_date,
                                               const char          *status,
                                               const char          *today);
gboolean  aims_finding_summarize              (AimsStore           *store,
                                               const char          *finding,
                                               const char          *today,
                                               AimsFindingSummary  *summary,
                                               GError             **error);
char     *aims_finding_add_action             (AimsStore           *store,
                                               const char          *finding,
                                               const char          *what,
                                               GError             **error);
char    **aims_finding_dup_whys               (AimsStore           *store,
                                               const char          *finding,
                                               GError             **error);
gboolean  aims_finding_set_whys               (AimsStore           *store,
                                               const char          *finding,
                                               const char * const  *whys,
                                               GError             **error);
char     *aims_finding_dup_missing            (AimsStore           *store,
                                               const char          *finding,
                                               GError             **error);
gboolean  aims_finding_close                  (AimsStore           *store,
                                               const char          *finding,
                                               GError             **error);
char    **aims_finding_dup_overdue_actions    (AimsStore           *store,
                                               const char          *today,
                                               GError             **error);

G_END_DECLS
