/* aims-demo-incidents.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The demo's AI incidents (issue 8). By hand: drift in the fraud score, the
 * chatbot giving wrong advice about cover, a prompt injection that exposed
 * personal data (reported to the ICO), OCR misreading invoice amounts, dark
 * photos under-scored after a storm, a claim handler pasting medical notes
 * into the writing assistant, and a claim fast-tracked by mistake that is
 * still open on 2026-11-22, the day the demo describes. Each is linked to
 * the risks of the register it reveals. The large and huge scales add one
 * incident per ten generated AI systems. Identifiers come from their own
 * generator, seeded from the demo's seed, so the rest of the demo stays as
 * it was. */

#define G_LOG_DOMAIN "aims-demo"

#include "config.h"

#include "aims-demo-private.h"

#include "aims-store-private.h"

#include <glib/gi18n.h>

/* The day the demo describes, as the other demo files fix it */
#define DEMO_TODAY_UNIX G_GINT64_CONSTANT (1795305600) /* 2026-11-22T00:00 UTC */

/* One generated incident per this many generated AI systems */
#define SYSTEMS_PER_INCIDENT 10

typedef struct
{
  const char *system;          /* the system's name */
  const char *title;
  const char *type;
  const char *severity;
  const char *status;
  const char *occurred;
  const char *detected;
  const char *responded;
  const char *resolved;
  const char *description;
  const char *affected;
  const char *immediate_actions;
  const char *root_cause;
  const char *lessons_learned;
  gboolean    reportable;
  const char *authority;
  const char *reported_on;
  const char *risks[3];        /* the titles of the risks it reveals */
} DemoIncident;

static const DemoIncident hand_written[] = {
  { "Fraud detection scoring",
    "Fraud referrals halve after the new claims portal goes live",
    "drift", "high", "closed",
    "2026-06-01T06:00", "2026-06-09T10:15", "2026-06-09T14:00", "2026-06-23T17:30",
    "The portal writes first notice of loss in shorter, structured fields. The fraud score's "
    "text features went quiet and the share of claims referred fell from 2.1% to 0.9%.",
    "Fraud investigators; honest customers indirectly, through higher losses passed on.",
    "Referral threshold lowered for portal claims; a second rules check added until the "
    "model was retrained.",
    "No monitoring of the score's input features; the portal change was not flagged to the "
    "model's owners.",
    "Any change to how claims are captured is a change to the fraud model's inputs. Weekly "
    "drift monitoring now covers the fraud score.",
    FALSE, "", "",
    { "Fraud model evaded by organised rings", "Investigators over-rely on the fraud score",
      NULL } },
  { "Ask Northwind customer chatbot",
    "Chatbot tells customers storm damage to fences is covered",
    "unexpected-behaviour", "high", "resolved",
    "2026-09-02T19:20", "2026-09-04T09:05", "2026-09-04T09:40", "2026-09-05T16:00",
    "After a policy wording update the chatbot answered from the old wording and told at "
    "least 37 customers that fences damaged in a storm were covered. They are not.",
    "37 home insurance customers who asked about storm damage; complaints handlers.",
    "Storm questions routed to human agents; every affected customer contacted and their "
    "claims honoured as a goodwill gesture.",
    "The retrieval index was not rebuilt when the policy wording changed.",
    "Rebuilding the index is now a step of publishing new wording, with ten test questions "
    "answered before the chatbot goes back on.",
    FALSE, "", "",
    { "Chatbot gives wrong answers about policy cover", NULL, NULL } },
  { "Ask Northwind customer chatbot",
    "Prompt injection shows another customer's policy details",
    "security-breach", "critical", "closed",
    "2026-08-11T22:47", "2026-08-12T07:30", "2026-08-12T08:10", "2026-08-12T13:45",
    "A visitor asked the chatbot to ignore its instructions and repeat the last document it "
    "retrieved; it showed the name, address and policy number of another customer.",
    "One customer whose details were shown; potentially anyone whose policy documents the "
    "chatbot can retrieve.",
    "Chatbot taken offline; retrieval limited to the signed-in customer's own documents.",
    "Retrieval was not scoped to the conversation's customer, and outputs were not checked "
    "for personal data.",
    "Treat every retrieved document as personal data; red-team prompts before each release.",
    TRUE, "Information Commissioner's Office (ICO)", "2026-08-14",
    { "Chatbot leaks personal data through prompt injection", NULL, NULL } },
  { "Claim document OCR and extraction",
    "OCR drops the decimal point on handwritten invoice totals",
    "data-problem", "medium", "closed",
    "2026-04-14T08:00", "2026-04-28T15:20", "2026-04-29T09:00", "2026-05-06T12:00",
    "Handwritten totals such as 1.250,00 were read as 125000, and 14 claims were paid "
    "too much before a handler noticed.",
    "Claims handlers; 14 claimants who had to return overpayments.",
    "Handwritten invoices sent to manual keying; overpayments recovered.",
    "The vendor's new model version reads European number formats differently; it was "
    "rolled out without our test set.",
    "Run our own invoice test set before accepting a vendor model update.",
    FALSE, "", "",
    { "OCR misreads amounts on handwritten invoices",
      "Document extraction vendor stops support for the model", NULL } },
  { "Property damage photo assessment",
    "Storm photos taken at dusk are under-scored",
    "performance-degradation", "medium", "resolved",
    "2026-10-18T17:00", "2026-10-24T11:30", "2026-10-24T15:00", "2026-11-07T10:00",
    "After the October storm many customers photographed damage at dusk; the damage "
    "estimates for dark photos were 30% lower than the loss adjusters' figures.",
    "About 400 home claimants after the October storm.",
    "Estimates below 2,000 for dark photos sent to a loss adjuster.",
    "The model was trained on daylight photos only.",
    "Check photo quality before the estimate, and ask for another photo when it is too dark.",
    FALSE, "", "",
    { "Photo assessment underestimates damage in poor light", NULL, NULL } },
  { "Office suite writing assistant",
    "Claimant's medical notes pasted into the writing assistant",
    "misuse", "medium", "closed",
    "2026-07-08T10:10", "2026-07-08T16:45", "2026-07-09T09:00", "2026-07-10T12:00",
    "A claim handler pasted a claimant's medical report into the writing assistant to draft "
    "a letter. The tenant's settings keep prompts out of training, so nothing left the tenant.",
    "One claimant.",
    "Prompt deleted; handler and team reminded of the acceptable-use policy.",
    "Training on the assistant did not say which data may not be pasted.",
    "Data-loss prevention now warns before health data is pasted into the assistant.",
    FALSE, "", "",
    { "Staff paste customer data into the writing assistant", NULL, NULL } },
  { "Claims triage model",
    "Serious injury claim sent down the fast track",
    "malfunction", "high", "open",
    "2026-11-19T08:40", "2026-11-20T11:05", "2026-11-20T12:30", "",
    "A motor claim describing a whiplash injury in free text was scored as low complexity "
    "and offered a fast-track settlement.",
    "The claimant, who could have settled for less than the injury warranted.",
    "Offer withdrawn; injury claims in the last month being checked by hand.",
    "",
    "",
    FALSE, "", "",
    { "Triage sends complex injury claims down the fast track",
      "Triage model drifts after the new claims portal", NULL } },
};

/* The generated scales' incidents, worded for the system */
typedef struct
{
  const char *title;   /* after the system's name */
  const char *type;
  const char *severity;
} IncidentTemplate;

static const IncidentTemplate templates[] = {
  { ": input data drifted after an upstream change", "drift", "medium" },
  { ": outage during the monthly batch run", "malfunction", "low" },
  { ": unexpected outputs for a new customer segment", "unexpected-behaviour", "medium" },
  { ": used for a purpose it was not approved for", "misuse", "high" },
  { ": missing values in a supplier feed", "data-problem", "medium" },
  { ": accuracy below its threshold for two weeks", "performance-degradation", "high" },
  { ": credentials for the model endpoint exposed", "security-breach", "critical" },
};

static void
put (GHashTable *values,
     const char *field,
     const char *text)
{
  g_hash_table_replace (values, (gpointer) field, g_variant_ref_sink (g_variant_new_string (text)));
}

static char *
random_uuid (GRand *rand)
{
  guint8 bytes[16];

  for (guint i = 0; i < sizeof bytes; i++)
    bytes[i] = g_rand_int_range (rand, 0, 256);

  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;

  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                          bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6],
                          bytes[7], bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13],
                          bytes[14], bytes[15]);
}

static char *
find_uuid (AimsStore  *store,
           const char *sql,
           const char *key)
{
  sqlite3_stmt *stmt = _aims_store_prepare (store, sql, NULL);
  char *uuid = NULL;

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  _aims_store_release (stmt);

  return uuid;
}

static char *
insert (AimsStore   *store,
        GRand       *rand,
        const char  *table,
        GHashTable  *values,
        GError     **error)
{
  g_hash_table_replace (values, (gpointer) "uuid",
                        g_variant_ref_sink (g_variant_new_take_string (random_uuid (rand))));
  return aims_store_insert (store, table, values, error);
}

static gboolean
link_risk (AimsStore   *store,
           GRand       *rand,
           const char  *incident,
           const char  *risk,
           GError     **error)
{
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                        (GDestroyNotify) g_variant_unref);
  g_autofree char *uuid = NULL;

  put (values, "incident", incident);
  put (values, "risk", risk);
  uuid = insert (store, rand, "incident_risk", values, error);

  return uuid != NULL;
}

static gboolean
insert_hand_written (AimsStore           *store,
                     GRand               *rand,
                     guint                number,
                     const DemoIncident  *demo,
                     GError             **error)
{
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                        (GDestroyNotify) g_variant_unref);
  g_autofree char *system = NULL;
  g_autofree char *reference = g_strdup_printf ("INC-%03u", number);
  g_autofree char *uuid = NULL;

  system = find_uuid (store, "SELECT uuid FROM ai_system WHERE name = ?", demo->system);
  if (system == NULL)
    {
      g_set_error (error, AIMS_STORE_ERROR, AIMS_STORE_ERROR_FAILED,
                   _("The demo’s AI systems could not be read back."));
      return FALSE;
    }

  put (values, "reference", reference);
  put (values, "title", demo->title);
  put (values, "system", system);
  put (values, "type", demo->type);
  put (values, "severity", demo->severity);
  put (values, "status", demo->status);
  put (values, "occurred", demo->occurred);
  put (values, "detected", demo->detected);
  put (values, "responded", demo->responded);
  put (values, "resolved", demo->resolved);
  put (values, "description", demo->description);
  put (values, "affected", demo->affected);
  put (values, "immediate_actions", demo->immediate_actions);
  put (values, "root_cause", demo->root_cause);
  put (values, "lessons_learned", demo->lessons_learned);
  g_hash_table_replace (values, (gpointer) "reportable",
                        g_variant_ref_sink (g_variant_new_int64 (demo->reportable ? 1 : 0)));
  put (values, "authority", demo->authority);
  put (values, "reported_on", demo->reported_on);

  if ((uuid = insert (store, rand, "incident", values, error)) == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (demo->risks) && demo->risks[i] != NULL; i++)
    {
      g_autofree char *risk = find_uuid (store, "SELECT uuid FROM risk WHERE title = ?",
                                         demo->risks[i]);

      /* A register cut short by a small scale leaves the link out */
      if (risk != NULL && !link_risk (store, rand, uuid, risk, error))
        return FALSE;
    }

  return TRUE;
}

static char *
format_time (gint64 unix_time)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (unix_time);

  return g_date_time_format (time, "%Y-%m-%dT%H:%M");
}

static gboolean
insert_generated (AimsStore   *store,
                  GRand       *rand,
                  guint        number,
                  const char  *system,
                  const char  *name,
                  GError     **error)
{
  const IncidentTemplate *template = &templates[number % G_N_ELEMENTS (templates)];
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                        (GDestroyNotify) g_variant_unref);
  g_autofree char *reference = g_strdup_printf ("INC-%03u", number);
  g_autofree char *title = g_strconcat (name, template->title, NULL);
  g_autofree char *uuid = NULL;
  g_autofree char *risk = NULL;
  g_autofree char *occurred = NULL;
  g_autofree char *detected = NULL;
  g_autofree char *responded = NULL;
  g_autofree char *resolved = NULL;
  gint64 start, seen, acted, fixed;
  gboolean open;

  /* Within the year before the demo's day, to the minute */
  start = DEMO_TODAY_UNIX - g_rand_int_range (rand, 1, 365) * G_GINT64_CONSTANT (86400) -
          g_rand_int_range (rand, 0, 24 * 60) * 60;
  seen = start + g_rand_int_range (rand, 10, 7 * 24 * 60) * 60;
  acted = seen + g_rand_int_range (rand, 5, 8 * 60) * 60;
  fixed = acted + g_rand_int_range (rand, 30, 14 * 24 * 60) * 60;
  open = fixed >= DEMO_TODAY_UNIX;

  occurred = format_time (start);
  detected = seen < DEMO_TODAY_UNIX ? format_time (seen) : g_strdup ("");
  responded = acted < DEMO_TODAY_UNIX && detected[0] != '\0' ? format_time (acted) : g_strdup ("");
  resolved = open ? g_strdup ("") : format_time (fixed);

  put (values, "reference", reference);
  put (values, "title", title);
  put (values, "system", system);
  put (values, "type", template->type);
  put (values, "severity", template->severity);
  put (values, "status", open ? "open" : (g_rand_boolean (rand) ? "closed" : "resolved"));
  put (values, "occurred", occurred);
  put (values, "detected", detected);
  put (values, "responded", responded);
  put (values, "resolved", resolved);

  if ((uuid = insert (store, rand, "incident", values, error)) == NULL)
    return FALSE;

  risk = find_uuid (store, "SELECT risk FROM risk_system WHERE system = ? ORDER BY rowid LIMIT 1",
                    system);

  return risk == NULL || link_risk (store, rand, uuid, risk, error);
}

/*
 * _aims_demo_generate_incidents:
 *
 * The hand-written incidents, after the hand-written risks.
 */
gboolean
_aims_demo_generate_incidents (AimsStore  *store,
                               guint32     seed,
                               GError    **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed ^ 0x1c1d1u);
  guint first = aims_store_count (store, "incident") + 1;

  for (guint i = 0; i < G_N_ELEMENTS (hand_written); i++)
    {
      if (!insert_hand_written (store, rand, first + i, &hand_written[i], error))
        return FALSE;
    }

  return TRUE;
}

/*
 * _aims_demo_generate_more_incidents:
 * @n_skip: the hand-written AI systems, which come first
 *
 * One incident for every tenth of the generated AI systems, after their
 * risks.
 */
gboolean
_aims_demo_generate_more_incidents (AimsStore  *store,
                                    guint32     seed,
                                    guint       n_skip,
                                    GError    **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed ^ 0x1c1d2u);
  g_autoptr(GPtrArray) systems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  guint first = aims_store_count (store, "incident") + 1;
  sqlite3_stmt *stmt;
  int rc;

  stmt = _aims_store_prepare (store,
                              "SELECT uuid, name FROM ai_system ORDER BY rowid LIMIT -1 OFFSET ?",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, n_skip);
  for (guint i = 0; (rc = sqlite3_step (stmt)) == SQLITE_ROW; i++)
    {
      if (i % SYSTEMS_PER_INCIDENT != SYSTEMS_PER_INCIDENT - 1)
        continue;
      g_ptr_array_add (systems, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  _aims_store_release (stmt);

  if (rc != SQLITE_DONE)
    {
      g_set_error (error, AIMS_STORE_ERROR, AIMS_STORE_ERROR_FAILED,
                   _("The demo’s AI systems could not be read back."));
      return FALSE;
    }

  for (guint i = 0; i < systems->len; i++)
    {
      if (!insert_generated (store, rand, first + i, g_ptr_array_index (systems, i),
                             g_ptr_array_index (names, i), error))
        return FALSE;
    }

  return TRUE;
}
