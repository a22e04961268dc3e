/* aims-treatment.h
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
 * AimsTreatmentSummary:
 * @n_actions: the risk's treatment actions
 * @n_done: those done
 * @n_open: those planned or in progress
 * @n_overdue: the open ones whose due date has passed
 *
 * Where a risk's treatment plan stands.
 */
typedef struct
{
  guint n_actions;
  guint n_done;
  guint n_open;
  guint n_overdue;
} AimsTreatmentSummary;

gboolean aims_treatment_action_is_open    (const char           *status);
gboolean aims_treatment_action_is_overdue (const char           *due_date,
                                           const char           *status,
                                           const char           *today);
gboolean aims_treatment_summarize         (AimsStore            *store,
                                           const char           *risk,
                                           const char           *today,
                                           AimsTreatmentSummary *summary,
                                           GError              **error);
char    *aims_treatment_add_action        (AimsStore            *store,
                                           const char           *risk,
                                           const char           *what,
                                           GError              **error);

G_END_DECLS
