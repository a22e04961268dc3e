/* aims-demo-reviews.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The demo's management review (ISO/IEC 42001 9.3): one review held six
 * months before the day the demo describes (2026-11-22), its inputs
 * gathered on its date from the demo as generated, its outputs, and two
 * actions: one done, one still open. It is generated last, so its snapshot
 * sees every other record of the demo. */

#define G_LOG_DOMAIN "aims-demo"

#include "config.h"

#include "aims-demo-reviews-private.h"

#include "aims-review.h"

#include <glib/gi18n.h>

#define REVIEW_DATE "2026-05-22"

gboolean
_aims_demo_generate_reviews (AimsStore  *store,
                             GError    **error)
{
  g_autofree char *review = NULL;
  g_autofree char *done = NULL;
  g_autofree char *open = NULL;
  const struct { const char *field; const char *value; } fields[] = {
    { "status", "held" },
    { "chair", "Chief Executive" },
    { "attendees", "Chief Executive; Chief Risk Officer; Head of Model Risk Management; "
                   "Data Protection Officer; Head of Claims Operations; Internal Audit (observer)" },
    { "decisions", "The AI policy stays as it is. The claims triage model may go live in the "
                   "Nordic market once its impact assessment is approved." },
    { "changes", "Impact assessments become mandatory before any AI system enters production." },
    { "resources", "One more model validator for the Model Risk Management team from Q3." },
    { "improvements", "Automate the drift monitoring reports that feed the risk register." },
  };

  review = aims_review_create (store, REVIEW_DATE, "Half-year management review", error);
  if (review == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      if (!aims_store_update (store, "management_review", review, fields[i].field,
                              g_variant_new_string (fields[i].value), error))
        return FALSE;
    }

  if (!aims_review_gather_inputs (store, review, error))
    return FALSE;

  done = aims_review_add_action (store, review,
                                 "Recruit a second model validator for Model Risk Management",
                                 "Head of Model Risk Management", "2026-08-31", error);
  if (done == NULL ||
      !aims_review_set_action (store, done, "status", "done", error))
    return FALSE;

  open = aims_review_add_action (store, review,
                                 "Automate the monthly drift monitoring report for all models in "
                                 "production",
                                 "Chief Risk Officer", "2026-12-31", error);
  return open != NULL;
}
