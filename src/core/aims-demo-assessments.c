/* aims-demo-assessments.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The demo's impact assessments (issue 6): the CV screening assistant, a
 * high-risk system under Annex III, with an approved version 2 that
 * superseded version 1; the claims triage model approved and now due for
 * review; the fraud score in review; and the customer chatbot still a draft
 * with parts missing. Identifiers come from their own generator, seeded from
 * the demo's seed, so the rest of the demo stays as it was. */

#define G_LOG_DOMAIN "aims-demo"

#include "config.h"

#include "aims-demo-private.h"

#include "aims-assessment.h"
#include "aims-store-private.h"

#include <glib/gi18n.h>

typedef struct
{
  const char *affected;
  const char *level;
  const char *nature;
  const char *dimension;
  const char *scenario;
  const char *description;
  guint       severity;
  guint       likelihood;
  const char *scale;
  const char *reversibility;
  const char *status;
  const char *measure;
  const char *owner;
} DemoImpact;

typedef struct
{
  const char       *system;       /* the system's reference */
  guint             version;
  const char       *status;
  const char       *trigger;
  const char       *date;
  const char       *approval_date;
  const char       *next_review;
  const char       *assessor;
  const char       *approver;
  const char       *approver_role;
  const char       *scope;
  const char       *functions;
  const char       *data_information;
  const char       *data_quality;
  const char       *algorithm;
  const char       *constraints;
  const char       *indirectly_affected;
  const char       *vulnerable_groups;
  const char       *thresholds;
  const char       *threshold_notes;
  const char       *conclusion;
  const char       *residual_impact;
  const DemoImpact *impacts;
  guint             n_impacts;
} DemoAssessment;

static const DemoImpact cv_impacts[] = {
  { "Job applicants over 50", "group", "harm", "fairness", "normal-use",
    "The ranking learned from past hiring decisions and scores older applicants lower for "
    "the same experience.", 4, 3, "About 9,000 applications a year", "hard-to-reverse",
    "addressed", "Quarterly disparate-impact test by age band; retrain when the ratio falls "
    "below 0.8", "Jonas Meyer, HR Systems Manager" },
  { "Applicants with career breaks", "individual", "harm", "fairness", "normal-use",
    "Gaps in a CV lower the score, which mostly affects carers and people returning from "
    "illness.", 3, 3, "About 1 in 8 applicants", "reversible", "open",
    "Remove gap length from the features; recruiters see the unranked list on request",
    "Aisha Bello, HR Director" },
  { "Applicants", "individual", "harm", "transparency", "failure",
    "A rejected applicant cannot learn why, nor that an AI system took part.", 3, 2,
    "Every rejected applicant", "reversible", "addressed",
    "Notice in the job portal and an explanation on request within 30 days",
    "Data Protection Officer" },
  { "Recruiters", "group", "benefit", "employment-economic", "normal-use",
    "Screening time per vacancy falls from about six hours to one.", 0, 0,
    "40 recruiters", "reversible", "addressed", NULL, NULL },
  { "Applicants", "society", "harm", "autonomy-rights", "misuse",
    "Hiring managers use the score as the decision instead of one input among several.", 4, 2,
    "All vacancies", "hard-to-reverse", "open",
    "Human review of every rejection; the score is hidden until the recruiter has read the CV",
    "Aisha Bello, HR Director" },
};

static const DemoImpact triage_impacts[] = {
  { "Claimants with complex injuries", "individual", "harm", "safety", "failure",
    "A complex injury claim sent down the fast track is settled too low.", 4, 2,
    "About 300 claims a year", "hard-to-reverse", "addressed",
    "Injury claims above EUR 10,000 always go to a senior handler",
    "Priya Raman, Head of Claims Operations" },
  { "Claimants", "group", "benefit", "employment-economic", "normal-use",
    "Simple claims are paid in two days instead of nine.", 0, 0, "About 60,000 claims a year",
    "reversible", "addressed", NULL, NULL },
};

static const DemoImpact fraud_impacts[] = {
  { "Claimants in some postcodes", "group", "harm", "fairness", "normal-use",
    "Postcode features make investigations more likely in poorer areas.", 3, 3,
    "About 2,000 referrals a year", "reversible", "open",
    "Remove postcode features; monitor referral rates by area", "Wei Chen, Fraud Analytics Lead" },
};

static const DemoImpact chatbot_impacts[] = {
  { "Customers", "individual", "harm", "transparency", "normal-use",
    "Customers may not notice that they talk to a chatbot.", 2, 3, "About 25,000 chats a month",
    "reversible", "open", NULL, NULL },
};

static const DemoAssessment assessments[] = {
  { "SYS-005", 1, "superseded", "new-system", "2025-03-10", "2025-03-20", "2026-03-20",
    "Jonas Meyer, HR Systems Manager", "Aisha Bello", "HR Director",
    "The CV screening assistant before its launch, for office vacancies in Ireland.",
    "Parses CVs, ranks applicants against the job profile and drafts a shortlist.",
    "Five years of applications and hiring decisions (DS-005), pseudonymised.",
    "Checked for completeness; the age and gender balance of past hires is known to be skewed.",
    "Gradient-boosted ranking model over parsed CV features, retrained twice a year.",
    "Used only as a first sort; final decisions stay with recruiters.",
    "Hiring managers and the teams they hire for.",
    "Older applicants, applicants with disabilities, applicants with career breaks.",
    "restricted", "High-risk under the EU AI Act, Annex III area 4 (employment).",
    "Acceptable for launch with the measures listed.",
    "Moderate until the age-bias measure has run for a year.",
    cv_impacts, 3 },
  { "SYS-005", 2, "approved", "significant-change", "2026-02-02", "2026-02-16", "2027-02-16",
    "Jonas Meyer, HR Systems Manager", "Aisha Bello", "HR Director",
    "The CV screening assistant after its extension to all vacancies in Ireland and the UK.",
    "Parses CVs, ranks applicants against the job profile and drafts a shortlist.",
    "Six years of applications and hiring decisions (DS-005), pseudonymised; UK data added.",
    "Checked for completeness; the age and gender balance of past hires is known to be skewed.",
    "Gradient-boosted ranking model over parsed CV features, retrained twice a year.",
    "Used only as a first sort; final decisions stay with recruiters.",
    "Hiring managers and the teams they hire for.",
    "Older applicants, applicants with disabilities, applicants with career breaks.",
    "restricted", "High-risk under the EU AI Act, Annex III area 4 (employment).",
    "Acceptable with the measures listed; the open harms are reviewed monthly.",
    "Low to moderate: the age gap halved after retraining.",
    cv_impacts, G_N_ELEMENTS (cv_impacts) },
  { "SYS-001", 1, "approved", "new-system", "2025-08-18", "2025-09-01", "2026-09-01",
    "Samuel Okoye, Lead Data Scientist, Claims", "Priya Raman", "Head of Claims Operations",
    "The claims triage model for motor and home claims.",
    "Scores each new claim for complexity and routes it to the fast track or a handler.",
    "Closed claims since 2018 (DS-001) with their handling outcomes.",
    "Monthly checks for missing fields; drift monitored since the new claims portal.",
    "Gradient-boosted classifier with a threshold set by Claims Operations.",
    "Only claims lodged in Ireland; injury claims above a limit always go to a handler.",
    "Claims handlers, repairers and medical assessors.",
    "Claimants with serious injuries.",
    "sensitive", "Decisions about insurance claims affect people's finances.",
    "Acceptable with the measures listed.", "Low.",
    triage_impacts, G_N_ELEMENTS (triage_impacts) },
  { "SYS-002", 1, "in-review", "periodic-review", "2026-10-05", "", "2027-10-05",
    "Wei Chen, Fraud Analytics Lead", "", "",
    "The fraud detection score for all claims.",
    "Scores claims for fraud indicators and refers the highest to investigators.",
    "Claims and investigation outcomes since 2016 (DS-002).",
    "Labels depend on past investigations, which were not random.",
    "Anomaly detection plus a supervised classifier.",
    "Referrals only; no claim is refused on the score alone.",
    "Investigators.", "Claimants in deprived areas.",
    "sensitive", "", "", "",
    fraud_impacts, G_N_ELEMENTS (fraud_impacts) },
  { "SYS-004", 1, "draft", "new-system", "2026-11-10", "", "",
    "Elena Rossi, Digital Product Owner", "", "",
    "The Ask Northwind chatbot on the website and in the app.",
    "", "", "", "", "", "", "", "", "", "", "",
    chatbot_impacts, G_N_ELEMENTS (chatbot_impacts) },
};

static GHashTable *
values_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_variant_unref);
}

static void
put (GHashTable *values,
     const char *field,
     const char *text)
{
  g_hash_table_replace (values, (gpointer) field,
                        g_variant_ref_sink (g_variant_new_string (text != NULL ? text : "")));
}

static void
put_int (GHashTable *values,
         const char *field,
         gint64      value)
{
  g_hash_table_replace (values, (gpointer) field, g_variant_ref_sink (g_variant_new_int64 (value)));
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

static char *
find_system (AimsStore  *store,
             const char *reference)
{
  sqlite3_stmt *stmt = _aims_store_prepare (store,
                                            "SELECT uuid FROM ai_system WHERE reference = ?",
                                            NULL);
  char *uuid = NULL;

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, reference, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  _aims_store_release (stmt);

  return uuid;
}

static gboolean
insert_impacts (AimsStore             *store,
                GRand                 *rand,
                const char            *assessment,
                const DemoAssessment  *demo,
                GError               **error)
{
  for (guint i = 0; i < demo->n_impacts; i++)
    {
      const DemoImpact *impact = &demo->impacts[i];
      g_autoptr(GHashTable) values = values_new ();
      g_autofree char *uuid = NULL;
      /* The first version had not yet put its measures in place */
      const char *status = demo->version == 1 && g_str_equal (demo->status, "superseded")
                           ? "open" : impact->status;

      put (values, "assessment", assessment);
      put (values, "affected", impact->affected);
      put (values, "level", impact->level);
      put (values, "nature", impact->nature);
      put (values, "dimension", impact->dimension);
      put (values, "scenario", impact->scenario);
      put (values, "description", impact->description);
      put_int (values, "severity", impact->severity);
      put_int (values, "likelihood", impact->likelihood);
      put (values, "scale", impact->scale);
      put (values, "reversibility", impact->reversibility);
      put (values, "status", status);

      if ((uuid = insert (store, rand, "impact", values, error)) == NULL)
        return FALSE;

      if (impact->measure != NULL)
        {
          g_autoptr(GHashTable) measure = values_new ();
          g_autofree char *measure_uuid = NULL;

          put (measure, "impact", uuid);
          put (measure, "what", impact->measure);
          put (measure, "owner", impact->owner);
          if ((measure_uuid = insert (store, rand, "impact_measure", measure, error)) == NULL)
            return FALSE;
        }
    }

  return TRUE;
}

/*
 * _aims_demo_generate_assessments:
 *
 * Adds the demo's impact assessments to the hand-written AI systems that the
 * store holds; systems the demo did not write are skipped.
 */
gboolean
_aims_demo_generate_assessments (AimsStore  *store,
                                 guint32     seed,
                                 GError    **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed ^ 0x1a5e55u);
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (assessments); i++)
    {
      const DemoAssessment *demo = &assessments[i];
      g_autoptr(GHashTable) values = values_new ();
      g_autofree char *system = find_system (store, demo->system);
      g_autofree char *reference = NULL;
      g_autofree char *uuid = NULL;
      g_autoptr(GHashTable) record = NULL;

      if (system == NULL)
        continue;

      record = _aims_store_dup_record (store, aims_schema_lookup_table ("ai_system"), system,
                                       error);
      if (record == NULL)
        return FALSE;

      reference = g_strdup_printf ("IA-%03u", ++n);
      put (values, "reference", reference);
      put (values, "system", system);
      put_int (values, "version", demo->version);
      put (values, "status", demo->status);
      put (values, "trigger", demo->trigger);
      put (values, "assessment_date", demo->date);
      put (values, "assessor", demo->assessor);
      put (values, "scope", demo->scope);
      g_hash_table_replace (values, (gpointer) "system_description",
                            g_variant_ref (g_hash_table_lookup (record, "description")));
      put (values, "functions", demo->functions);
      g_hash_table_replace (values, (gpointer) "purpose",
                            g_variant_ref (g_hash_table_lookup (record, "intended_purpose")));
      g_hash_table_replace (values, (gpointer) "intended_uses",
                            g_variant_ref (g_hash_table_lookup (record, "intended_users")));
      g_hash_table_replace (values, (gpointer) "unintended_uses",
                            g_variant_ref (g_hash_table_lookup (record, "foreseeable_misuse")));
      put (values, "data_information", demo->data_information);
      put (values, "data_quality", demo->data_quality);
      put (values, "algorithm_information", demo->algorithm);
      g_hash_table_replace (values, (gpointer) "deployment_geography",
                            g_variant_ref (g_hash_table_lookup (record, "geographies")));
      g_hash_table_replace (values, (gpointer) "deployment_languages",
                            g_variant_ref (g_hash_table_lookup (record, "languages")));
      put (values, "deployment_constraints", demo->constraints);
      g_hash_table_replace (values, (gpointer) "directly_affected",
                            g_variant_ref (g_hash_table_lookup (record,
                                                                "affected_stakeholders")));
      put (values, "indirectly_affected", demo->indirectly_affected);
      put (values, "vulnerable_groups", demo->vulnerable_groups);
      put (values, "thresholds", demo->thresholds);
      put (values, "threshold_notes", demo->threshold_notes);
      put (values, "conclusion", demo->conclusion);
      put (values, "residual_impact", demo->residual_impact);
      put (values, "approver", demo->approver);
      put (values, "approver_role", demo->approver_role);
      put (values, "approval_date", demo->approval_date);
      put (values, "retention", *demo->conclusion != '\0'
                                ? "10 years after the system is retired" : "");
      put (values, "next_review", demo->next_review);

      if ((uuid = insert (store, rand, "impact_assessment", values, error)) == NULL ||
          !insert_impacts (store, rand, uuid, demo, error))
        return FALSE;
    }

  return TRUE;
}
