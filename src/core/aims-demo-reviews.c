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

static void
put (GHashTable *values,
     const char *field,
     const char *text)
{
  g_hash_table_insert (values, (gpointer) field, g_variant_ref_sink (g_variant_new_string (text)));
}

static GHashTable *
values_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_variant_unref);
}

/* Each record is written whole, by one insert: a new demo file then has no
 * history of its own (see aims_demo_write_file()). */
static gboolean
add_action (AimsStore   *store,
            const char  *review,
            const char  *what,
            const char  *owner,
            const char  *due_date,
            const char  *status,
            GError     **error)
{
  g_autoptr(GHashTable) values = values_new ();
  g_autofree char *uuid = NULL;

  put (values, "review", review);
  put (values, "what", what);
  put (values, "owner", owner);
  put (values, "due_date", due_date);
  put (values, "status", status);

  uuid = aims_store_insert (store, "review_action", values, error);
  return uuid != NULL;
}

gboolean
_aims_demo_generate_reviews (AimsStore  *store,
                             GError    **error)
{
  g_autoptr(AimsReviewInputs) inputs = NULL;
  g_autoptr(GHashTable) values = values_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *json = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *review = NULL;
  const struct { const char *field; const char *value; } fields[] = {
    { "title", "Half-year management review" },
    { "review_date", REVIEW_DATE },
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

  /* The inputs as they were gathered on the day of the review */
  inputs = aims_review_inputs_gather (store, REVIEW_DATE, NULL, error);
  if (inputs == NULL)
    return FALSE;
  g_free (inputs->gathered);
  inputs->gathered = g_strdup (REVIEW_DATE "T08:30:00Z");
  node = aims_review_inputs_to_json (inputs);
  json = json_to_string (node, FALSE);

  reference = aims_store_next_reference (store, "management_review");
  put (values, "reference", reference);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    put (values, fields[i].field, fields[i].value);
  put (values, "inputs", json);
  put (values, "inputs_gathered", inputs->gathered);

  review = aims_store_insert (store, "management_review", values, error);
  if (review == NULL)
    return FALSE;

  return add_action (store, review, "Recruit a second model validator for Model Risk Management",
                     "Head of Model Risk Management", "2026-08-31", "done", error) &&
         add_action (store, review, "Automate the monthly drift monitoring report for all models "
                     "in production", "Chief Risk Officer", "2026-12-31", "planned", error);
}
