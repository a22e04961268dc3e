/* test-assessment.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* AI system impact assessments (issue 6): the upgrade of a format 4 file,
 * the round trip of every field, versions, completeness, the refusal of an
 * incomplete approval, and the risk made from a harm.
 *
 * tests/data/project-v4.aims was written by format 4 (`aims demo`, small
 * scale, seed 42) before migration 5 existed. Never regenerate it. */

#include "config.h"

#include "aims-test-util.h"

#include "aims-store-private.h"

typedef struct
{
  char      *dir;
  char      *path;
  AimsStore *store;
  char      *system;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) values = NULL;

  fixture->dir = aims_test_make_dir ();
  fixture->path = g_build_filename (fixture->dir, "work.db", NULL);
  fixture->store = aims_store_new (fixture->path, "Ada", &error);
  g_assert_no_error (error);
  g_assert_true (_aims_store_create_project (fixture->store, &error));
  g_assert_no_error (error);

  values = aims_test_values ("reference", g_variant_new_string ("SYS-001"),
                             "name", g_variant_new_string ("Claims triage"),
                             "description", g_variant_new_string ("Ranks incoming claims."),
                             "intended_purpose", g_variant_new_string ("Faster claims."),
                             "foreseeable_misuse", g_variant_new_string ("Denying claims."),
                             "geographies", g_variant_new_string ("EU"),
                             "languages", g_variant_new_string ("German, French"),
                             "affected_stakeholders", g_variant_new_string ("Policyholders"),
                             NULL);
  fixture->system = aims_store_insert (fixture->store, "ai_system", values, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  aims_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->system);
}

static void
set_text (AimsStore  *store,
          const char *table,
          const char *uuid,
          const char *field,
          const char *text)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (aims_store_update (store, table, uuid, field, g_variant_new_string (text),
                                    &error));
  g_assert_no_error (error);
}

static void
set_int (AimsStore  *store,
         const char *table,
         const char *uuid,
         const char *field,
         gint64      value)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (aims_store_update (store, table, uuid, field, g_variant_new_int64 (value),
                                    &error));
  g_assert_no_error (error);
}

static char *
get_text (AimsStore  *store,
          const char *table,
          const char *uuid,
          const char *field)
{
  g_autoptr(GError) error = NULL;
  char *text = aims_store_dup_text (store, table, uuid, field, &error);

  g_assert_no_error (error);
  return text;
}

static gint64
get_int (AimsStore  *store,
         const char *table,
         const char *uuid,
         const char *field)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) value = aims_store_get (store, table, uuid, field, &error);

  g_assert_no_error (error);
  return g_variant_get_int64 (value);
}

static char *
add_measure (AimsStore  *store,
             const char *impact,
             const char *what,
             const char *owner)
{
  g_autoptr(GHashTable) values = aims_test_values ("impact", g_variant_new_string (impact),
                                                   "what", g_variant_new_string (what),
                                                   "owner", g_variant_new_string (owner),
                                                   NULL);
  g_autoptr(GError) error = NULL;
  char *uuid = aims_store_insert (store, "impact_measure", values, &error);

  g_assert_no_error (error);
  return uuid;
}

/* A harm with every part an approval needs. */
static char *
add_full_impact (AimsStore  *store,
                 const char *assessment)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *measure = NULL;
  char *impact = aims_assessment_add_impact (store, assessment, &error);

  g_assert_no_error (error);
  set_text (store, "impact", impact, "affected", "Applicants");
  set_text (store, "impact", impact, "level", "group");
  set_text (store, "impact", impact, "dimension", "fairness");
  set_text (store, "impact", impact, "scenario", "misuse");
  set_text (store, "impact", impact, "description", "Claims of older people are ranked low.");
  set_int (store, "impact", impact, "severity", 4);
  set_int (store, "impact", impact, "likelihood", 3);
  measure = add_measure (store, impact, "Bias audit every quarter", "Data science lead");

  return impact;
}

/* Every field of the assessment an approval needs, filled. */
static void
fill_fields (AimsStore  *store,
             const char *uuid)
{
  const char * const texts[][2] = {
    { "trigger", "periodic-review" },
    { "assessment_date", "2026-03-01" },
    { "assessor", "Grace" },
    { "scope", "Version 3 in production." },
    { "system_description", "Ranks incoming claims." },
    { "functions", "Scores and sorts." },
    { "purpose", "Faster claims." },
    { "intended_uses", "Claims handlers." },
    { "unintended_uses", "Denying claims." },
    { "data_information", "Claims since 2015." },
    { "data_quality", "Checked monthly." },
    { "algorithm_information", "Gradient boosting." },
    { "deployment_geography", "EU" },
    { "deployment_languages", "German" },
    { "directly_affected", "Policyholders" },
    { "thresholds", "sensitive" },
    { "conclusion", "Acceptable with measures." },
    { "residual_impact", "Low." },
    { "approver", "Linus" },
    { "approver_role", "Chief Risk Officer" },
    { "retention", "10 years" },
    { "next_review", "2027-03-01" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    set_text (store, "impact_assessment", uuid, texts[i][0], texts[i][1]);
}

static gboolean
gaps_contain (GPtrArray  *gaps,
              const char *section,
              const char *what)
{
  for (guint i = 0; i < gaps->len; i++)
    {
      const AimsAssessmentGap *gap = g_ptr_array_index (gaps, i);

      if (g_str_equal (gap->section, section) && g_str_equal (gap->what, what))
        return TRUE;
    }

  return FALSE;
}

/* The first assessment takes the system information from the inventory. */
static void
test_start_prefills (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = aims_assessment_start (fixture->store, fixture->system, &error);
  g_autofree char *latest = NULL;
  g_autofree char *text = NULL;
  g_autofree char *undo = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (uuid);

  g_assert_cmpint (get_int (fixture->store, "impact_assessment", uuid, "version"), ==, 1);
  text = get_text (fixture->store, "impact_assessment", uuid, "status");
  g_assert_cmpstr (text, ==, "draft");
  g_free (text);
  text = get_text (fixture->store, "impact_assessment", uuid, "reference");
  g_assert_cmpstr (text, ==, "IA-001");
  g_free (text);
  text = get_text (fixture->store, "impact_assessment", uuid, "trigger");
  g_assert_cmpstr (text, ==, "new-system");
  g_free (text);
  text = get_text (fixture->store, "impact_assessment", uuid, "system_description");
  g_assert_cmpstr (text, ==, "Ranks incoming claims.");
  g_free (text);
  text = get_text (fixture->store, "impact_assessment", uuid, "unintended_uses");
  g_assert_cmpstr (text, ==, "Denying claims.");
  g_free (text);
  text = get_text (fixture->store, "impact_assessment", uuid, "deployment_languages");
  g_assert_cmpstr (text, ==, "German, French");
  g_free (text);
  text = get_text (fixture->store, "impact_assessment", uuid, "directly_affected");
  g_assert_cmpstr (text, ==, "Policyholders");

  latest = aims_assessment_dup_latest (fixture->store, fixture->system);
  g_assert_cmpstr (latest, ==, uuid);

  /* One undo step, which takes it all back. */
  undo = aims_store_dup_undo_label (fixture->store);
  g_assert_cmpstr (undo, ==, "Start an impact assessment of “Claims triage”");
  g_assert_true (aims_store_undo (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (aims_store_count (fixture->store, "impact_assessment"), ==, 0);
}

/* A new version copies the latest with its impacts, measures and risk
 * links; the earlier one stays as it was, and is superseded on approval. */
static void
test_versioning (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *first = aims_assessment_start (fixture->store, fixture->system, &error);
  g_autofree char *impact = NULL;
  g_autofree char *risk = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;
  g_auto(GStrv) impacts = NULL;
  g_auto(GStrv) measures = NULL;
  g_auto(GStrv) risks = NULL;
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  fill_fields (fixture->store, first);
  impact = add_full_impact (fixture->store, first);
  risk = aims_assessment_create_risk (fixture->store, impact, &error);
  g_assert_no_error (error);
  g_assert_true (aims_assessment_approve (fixture->store, first, "2026-03-02", &error));
  g_assert_no_error (error);

  second = aims_assessment_start (fixture->store, fixture->system, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (second, !=, first);
  g_assert_cmpint (get_int (fixture->store, "impact_assessment", second, "version"), ==, 2);

  /* The copy: fields, impacts, measures and links; no approval yet. */
  text = get_text (fixture->store, "impact_assessment", second, "conclusion");
  g_assert_cmpstr (text, ==, "Acceptable with measures.");
  g_free (text);
  text = get_text (fixture->store, "impact_assessment", second, "approver");
  g_assert_cmpstr (text, ==, "");
  g_free (text);
  text = get_text (fixture->store, "impact_assessment", second, "status");
  g_assert_cmpstr (text, ==, "draft");
  g_free (text);
  text = get_text (fixture->store, "impact_assessment", second, "reference");
  g_assert_cmpstr (text, ==, "IA-002");
  g_free (text);

  impacts = aims_assessment_dup_impacts (fixture->store, second, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (impacts), ==, 1);
  g_assert_cmpstr (impacts[0], !=, impact);
  text = get_text (fixture->store, "impact", impacts[0], "description");
  g_assert_cmpstr (text, ==, "Claims of older people are ranked low.");
  g_free (text);
  g_assert_cmpint (get_int (fixture->store, "impact", impacts[0], "severity"), ==, 4);
  measures = aims_assessment_dup_measures (fixture->store, impacts[0], &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (measures), ==, 1);
  text = get_text (fixture->store, "impact_measure", measures[0], "owner");
  g_assert_cmpstr (text, ==, "Data science lead");
  g_free (text);
  risks = aims_assessment_dup_impact_risks (fixture->store, impacts[0]);
  g_assert_cmpuint (g_strv_length (risks), ==, 1);
  g_assert_cmpstr (risks[0], ==, risk);

  /* The earlier version is still approved and readable, unchanged. */
  text = get_text (fixture->store, "impact_assessment", first, "status");
  g_assert_cmpstr (text, ==, "approved");
  g_free (text);
  g_assert_false (aims_assessment_is_editable (fixture->store, first));
  g_assert_true (aims_assessment_is_editable (fixture->store, second));

  /* Approving the new version supersedes it. */
  set_text (fixture->store, "impact_assessment", second, "trigger", "significant-change");
  set_text (fixture->store, "impact_assessment", second, "approver", "Linus");
  set_text (fixture->store, "impact_assessment", second, "approver_role", "CRO");
  g_assert_true (aims_assessment_approve (fixture->store, second, "2026-06-01", &error));
  g_assert_no_error (error);
  text = get_text (fixture->store, "impact_assessment", first, "status");
  g_assert_cmpstr (text, ==, "superseded");
  g_free (text);
  text = get_text (fixture->store, "impact_assessment", first, "conclusion");
  g_assert_cmpstr (text, ==, "Acceptable with measures.");
  g_free (text);
  text = get_text (fixture->store, "impact_assessment", second, "approval_date");
  g_assert_cmpstr (text, ==, "2026-06-01");
  g_free (text);

  /* Undoing the approval brings both statuses back. */
  g_assert_true (aims_store_undo (fixture->store, &error));
  g_assert_no_error (error);
  text = get_text (fixture->store, "impact_assessment", first, "status");
  g_assert_cmpstr (text, ==, "approved");
  g_free (text);
  text = get_text (fixture->store, "impact_assessment", second, "status");
  g_assert_cmpstr (text, ==, "draft");
  g_free (text);

  third = aims_assessment_start (fixture->store, fixture->system, &error);
  g_assert_no_error (error);
  g_assert_cmpint (get_int (fixture->store, "impact_assessment", third, "version"), ==, 3);
  text = aims_assessment_dup_latest (fixture->store, fixture->system);
  g_assert_cmpstr (text, ==, third);
}

/* The missing parts, by section, shrink as the form is filled. */
static void
test_completeness (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = aims_assessment_start (fixture->store, fixture->system, &error);
  g_autoptr(GPtrArray) gaps = NULL;
  g_autofree char *impact = NULL;
  g_autofree char *measure = NULL;
  g_autofree char *text = NULL;
  guint n_parts = 0;
  guint n_before;

  g_assert_no_error (error);

  gaps = aims_assessment_dup_missing (fixture->store, uuid, &n_parts, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_parts, ==, 23);
  g_assert_true (gaps_contain (gaps, "Assessment", "Assessor"));
  g_assert_true (gaps_contain (gaps, "AI System Information", "Functions and capabilities"));
  g_assert_true (gaps_contain (gaps, "Impacts", "at least one impact"));
  g_assert_true (gaps_contain (gaps, "Approval", "Approver"));
  g_assert_true (gaps_contain (gaps, "Retention and Review", "Next review"));
  /* Prefilled from the inventory: not missing. */
  g_assert_false (gaps_contain (gaps, "AI System Information", "Purpose"));
  g_assert_false (gaps_contain (gaps, "Assessment", "Trigger"));

  text = aims_assessment_describe_missing (gaps);
  g_assert_nonnull (strstr (text, "Approval: Approver, Approver’s role\n"));
  g_assert_nonnull (strstr (text, "Impacts: at least one impact\n"));
  n_before = gaps->len;
  g_clear_pointer (&gaps, g_ptr_array_unref);

  /* An empty harm: each of its parts is missing, named by its place. */
  impact = aims_assessment_add_impact (fixture->store, uuid, &error);
  g_assert_no_error (error);
  gaps = aims_assessment_dup_missing (fixture->store, uuid, &n_parts, &error);
  g_assert_no_error (error);
  g_assert_false (gaps_contain (gaps, "Impacts", "at least one impact"));
  g_assert_true (gaps_contain (gaps, "Impacts", "“impact 1”: Dimension"));
  g_assert_true (gaps_contain (gaps, "Impacts", "“impact 1”: Severity"));
  g_assert_true (gaps_contain (gaps, "Impacts", "“impact 1”: at least one measure"));
  g_clear_pointer (&gaps, g_ptr_array_unref);

  /* A measure without an owner is missing its owner. */
  set_text (fixture->store, "impact", impact, "affected", "Applicants");
  measure = add_measure (fixture->store, impact, "Human review", "");
  gaps = aims_assessment_dup_missing (fixture->store, uuid, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (gaps_contain (gaps, "Impacts", "“Applicants”: the owner of measure 1"));
  g_assert_false (gaps_contain (gaps, "Impacts", "“Applicants”: at least one measure"));
  g_clear_pointer (&gaps, g_ptr_array_unref);

  /* A benefit needs no scores and no measures. */
  set_text (fixture->store, "impact", impact, "nature", "benefit");
  gaps = aims_assessment_dup_missing (fixture->store, uuid, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (gaps_contain (gaps, "Impacts", "“Applicants”: Severity"));
  g_assert_false (gaps_contain (gaps, "Impacts", "“Applicants”: the owner of measure 1"));
  g_clear_pointer (&gaps, g_ptr_array_unref);

  fill_fields (fixture->store, uuid);
  set_text (fixture->store, "impact", impact, "nature", "harm");
  set_text (fixture->store, "impact", impact, "level", "individual");
  set_text (fixture->store, "impact", impact, "dimension", "privacy");
  set_text (fixture->store, "impact", impact, "scenario", "failure");
  set_text (fixture->store, "impact", impact, "description", "A leak.");
  set_int (fixture->store, "impact", impact, "severity", 2);
  set_int (fixture->store, "impact", impact, "likelihood", 2);
  set_text (fixture->store, "impact_measure", measure, "owner", "DPO");
  gaps = aims_assessment_dup_missing (fixture->store, uuid, &n_parts, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gaps->len, ==, 0);
  g_assert_cmpuint (n_parts, >, n_before);
}

/* Statements that read an assessment's measures: completeness reads them,
 * and nothing else on the way to approval does. */
static int
count_measure_reads_cb (unsigned int  type,
                        void         *data,
                        void         *stmt,
                        void         *sql)
{
  guint *count = data;

  if (type == SQLITE_TRACE_STMT && strstr (sql, "impact_measure") != NULL &&
      g_ascii_strncasecmp (sql, "SELECT", 6) == 0)
    (*count)++;
  return 0;
}

/* Approving computes the completeness once, not once in
 * aims_assessment_approve() and again in the store's status rule. */
static void
test_approval_checks_once (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = aims_assessment_start (fixture->store, fixture->system, &error);
  g_autofree char *impact = NULL;
  g_autoptr(GPtrArray) gaps = NULL;
  sqlite3 *db = _aims_store_get_db (fixture->store);
  guint one_check = 0;
  guint approval = 0;

  g_assert_no_error (error);
  fill_fields (fixture->store, uuid);
  impact = add_full_impact (fixture->store, uuid);

  sqlite3_trace_v2 (db, SQLITE_TRACE_STMT, count_measure_reads_cb, &one_check);
  gaps = aims_assessment_dup_missing (fixture->store, uuid, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gaps->len, ==, 0);
  g_assert_cmpuint (one_check, >, 0);

  sqlite3_trace_v2 (db, SQLITE_TRACE_STMT, count_measure_reads_cb, &approval);
  g_assert_true (aims_assessment_approve (fixture->store, uuid, "2026-03-02", &error));
  g_assert_no_error (error);
  sqlite3_trace_v2 (db, 0, NULL, NULL);

  g_assert_cmpuint (approval, ==, one_check);

}

/* An incomplete assessment is refused with the missing parts named; a
 * complete one is approved. */
static void
test_approval_refused (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = aims_assessment_start (fixture->store, fixture->system, &error);
  g_autofree char *impact = NULL;
  g_autofree char *text = NULL;
  gint64 last_change;

  g_assert_no_error (error);
  last_change = aims_store_get_last_change_id (fixture->store);

  g_assert_false (aims_assessment_approve (fixture->store, uuid, "2026-03-02", &error));
  g_assert_error (error, AIMS_ASSESSMENT_ERROR, AIMS_ASSESSMENT_ERROR_INCOMPLETE);
  g_assert_nonnull (strstr (error->message, "cannot be approved"));
  g_assert_nonnull (strstr (error->message, "Impacts: at least one impact"));
  g_assert_nonnull (strstr (error->message, "Approval: Approver, Approver’s role"));
  g_clear_error (&error);

  /* Nothing was written. */
  text = get_text (fixture->store, "impact_assessment", uuid, "status");
  g_assert_cmpstr (text, ==, "draft");
  g_clear_pointer (&text, g_free);
  g_assert_cmpint (aims_store_get_last_change_id (fixture->store), ==, last_change);

  /* One part left: the message names it and nothing else. */
  fill_fields (fixture->store, uuid);
  impact = add_full_impact (fixture->store, uuid);
  set_text (fixture->store, "impact_assessment", uuid, "approver_role", "");
  g_assert_false (aims_assessment_approve (fixture->store, uuid, "2026-03-02", &error));
  g_assert_error (error, AIMS_ASSESSMENT_ERROR, AIMS_ASSESSMENT_ERROR_INCOMPLETE);
  g_assert_cmpstr (error->message, ==,
                   "The assessment cannot be approved until these parts are filled in:\n"
                   "Approval: Approver’s role");
  g_clear_error (&error);

  /* In review, then approved. */
  g_assert_true (aims_assessment_submit (fixture->store, uuid, &error));
  g_assert_no_error (error);
  text = get_text (fixture->store, "impact_assessment", uuid, "status");
  g_assert_cmpstr (text, ==, "in-review");
  g_clear_pointer (&text, g_free);

  set_text (fixture->store, "impact_assessment", uuid, "approver_role", "CRO");
  g_assert_true (aims_assessment_approve (fixture->store, uuid, "2026-03-02", &error));
  g_assert_no_error (error);
  text = get_text (fixture->store, "impact_assessment", uuid, "status");
  g_assert_cmpstr (text, ==, "approved");
  g_clear_pointer (&text, g_free);
  text = get_text (fixture->store, "impact_assessment", uuid, "approval_date");
  g_assert_cmpstr (text, ==, "2026-03-02");
  g_clear_pointer (&text, g_free);
  text = aims_store_dup_undo_label (fixture->store);
  g_assert_cmpstr (text, ==, "Approve the impact assessment of “Claims triage”");

  /* Approved is final. */
  g_assert_false (aims_assessment_approve (fixture->store, uuid, NULL, &error));
  g_assert_error (error, AIMS_ASSESSMENT_ERROR, AIMS_ASSESSMENT_ERROR_STATUS);
  g_clear_error (&error);
  g_assert_false (aims_assessment_submit (fixture->store, uuid, &error));
  g_assert_error (error, AIMS_ASSESSMENT_ERROR, AIMS_ASSESSMENT_ERROR_STATUS);
  g_clear_error (&error);

  /* So is what it says, whoever writes: its fields, its impacts and their
   * measures, through the store itself */
  {
    g_auto(GStrv) impacts = aims_assessment_dup_impacts (fixture->store, uuid, &error);
    g_auto(GStrv) measures = NULL;
    g_autoptr(GHashTable) values = NULL;
    g_autofree char *added = NULL;
    guint n_impacts = aims_store_count (fixture->store, "impact");

    g_assert_no_error (error);
    g_assert_nonnull (impacts[0]);
    measures = aims_assessment_dup_measures (fixture->store, impacts[0], &error);
    g_assert_no_error (error);

    g_assert_false (aims_store_update (fixture->store, "impact_assessment", uuid, "scope",
                                       g_variant_new_string ("Something else"), &error));
    g_assert_error (error, AIMS_ASSESSMENT_ERROR, AIMS_ASSESSMENT_ERROR_STATUS);
    g_clear_error (&error);

    g_assert_false (aims_store_update (fixture->store, "impact", impacts[0], "description",
                                       g_variant_new_string ("Rewritten"), &error));
    g_assert_error (error, AIMS_ASSESSMENT_ERROR, AIMS_ASSESSMENT_ERROR_STATUS);
    g_clear_error (&error);

    values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_variant_unref);
    g_hash_table_insert (values, (gpointer) "impact", g_variant_ref_sink (g_variant_new_string (impacts[0])));
    g_hash_table_insert (values, (gpointer) "what", g_variant_ref_sink (g_variant_new_string ("More")));
    added = aims_store_insert (fixture->store, "impact_measure", values, &error);
    g_assert_null (added);
    g_assert_error (error, AIMS_ASSESSMENT_ERROR, AIMS_ASSESSMENT_ERROR_STATUS);
    g_clear_error (&error);

    g_assert_false (aims_store_delete (fixture->store, "impact", impacts[0], &error));
    g_assert_error (error, AIMS_ASSESSMENT_ERROR, AIMS_ASSESSMENT_ERROR_STATUS);
    g_clear_error (&error);
    g_assert_cmpuint (aims_store_count (fixture->store, "impact"), ==, n_impacts);

    /* Undo of the approval makes it a draft in review again, editable */
    g_assert_true (aims_store_undo (fixture->store, &error));
    g_assert_no_error (error);
    g_assert_true (aims_store_update (fixture->store, "impact", impacts[0], "description",
                                      g_variant_new_string ("Rewritten"), &error));
    g_assert_no_error (error);
  }
}

/* A harm becomes a register risk carrying its system, dimension, scenario,
 * severity and likelihood, linked both ways, in one undo step. */
static void
test_create_risk (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = aims_assessment_start (fixture->store, fixture->system, &error);
  g_autofree char *impact = NULL;
  g_autofree char *risk = NULL;
  g_autofree char *text = NULL;
  g_autofree char *link = NULL;
  g_auto(GStrv) back = NULL;
  g_auto(GStrv) forth = NULL;

  g_assert_no_error (error);
  impact = aims_assessment_add_impact (fixture->store, uuid, &error);
  g_assert_no_error (error);
  set_text (fixture->store, "impact_assessment", uuid, "assessor", "Grace");

  /* Not scored yet. */
  g_assert_null (aims_assessment_create_risk (fixture->store, impact, &error));
  g_assert_error (error, AIMS_ASSESSMENT_ERROR, AIMS_ASSESSMENT_ERROR_NOT_SCORED);
  g_clear_error (&error);

  set_text (fixture->store, "impact", impact, "affected", "Older applicants");
  set_text (fixture->store, "impact", impact, "dimension", "fairness");
  set_text (fixture->store, "impact", impact, "scenario", "misuse");
  set_text (fixture->store, "impact", impact, "description", "Claims are ranked low.");
  set_int (fixture->store, "impact", impact, "severity", 4);
  set_int (fixture->store, "impact", impact, "likelihood", 2);

  /* A benefit is no risk. */
  set_text (fixture->store, "impact", impact, "nature", "benefit");
  g_assert_null (aims_assessment_create_risk (fixture->store, impact, &error));
  g_assert_error (error, AIMS_ASSESSMENT_ERROR, AIMS_ASSESSMENT_ERROR_NOT_HARM);
  g_clear_error (&error);
  set_text (fixture->store, "impact", impact, "nature", "harm");

  risk = aims_assessment_create_risk (fixture->store, impact, &error);
  g_assert_no_error (error);
  g_assert_nonnull (risk);

  text = get_text (fixture->store, "risk", risk, "title");
  g_assert_cmpstr (text, ==, "Fairness and non-discrimination: harm to Older applicants");
  g_clear_pointer (&text, g_free);
  text = get_text (fixture->store, "risk", risk, "objectives");
  g_assert_cmpstr (text, ==, "C.2.5");
  g_clear_pointer (&text, g_free);
  text = get_text (fixture->store, "risk", risk, "cause");
  g_assert_cmpstr (text, ==, "Misuse scenario, from impact assessment IA-001 version 1");
  g_clear_pointer (&text, g_free);
  text = get_text (fixture->store, "risk", risk, "consequence");
  g_assert_cmpstr (text, ==, "Claims are ranked low.");
  g_clear_pointer (&text, g_free);
  text = get_text (fixture->store, "risk", risk, "owner");
  g_assert_cmpstr (text, ==, "Grace");
  g_clear_pointer (&text, g_free);
  g_assert_cmpint (get_int (fixture->store, "risk", risk, "inherent_impact"), ==, 4);
  g_assert_cmpint (get_int (fixture->store, "risk", risk, "inherent_likelihood"), ==, 2);
  g_assert_cmpint (get_int (fixture->store, "risk", risk, "inherent_level"), >=, 0);

  link = aims_store_dup_link_uuid (fixture->store, "risk_system", risk, fixture->system);
  g_assert_nonnull (link);
  forth = aims_assessment_dup_impact_risks (fixture->store, impact);
  g_assert_cmpuint (g_strv_length (forth), ==, 1);
  g_assert_cmpstr (forth[0], ==, risk);
  back = aims_assessment_dup_risk_impacts (fixture->store, risk);
  g_assert_cmpuint (g_strv_length (back), ==, 1);
  g_assert_cmpstr (back[0], ==, impact);

  /* One undo takes the risk and both links away. */
  g_assert_true (aims_store_undo (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (aims_store_count (fixture->store, "risk"), ==, 0);
  g_assert_cmpuint (aims_store_count (fixture->store, "risk_system"), ==, 0);
  g_assert_cmpuint (aims_store_count (fixture->store, "impact_risk"), ==, 0);
  g_assert_cmpuint (aims_store_count (fixture->store, "impact"), ==, 1);

  /* Deleting a risk drops its link, not the impact. */
  g_assert_true (aims_store_redo (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_true (aims_store_delete (fixture->store, "risk", risk, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (aims_store_count (fixture->store, "impact_risk"), ==, 0);
  g_assert_cmpuint (aims_store_count (fixture->store, "impact"), ==, 1);
}

/* The list: system, version, status, dates and open harms. */
static void
test_list (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = aims_assessment_start (fixture->store, fixture->system, &error);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *benefit = NULL;
  g_autoptr(GPtrArray) list = NULL;
  const AimsAssessmentSummary *summary;

  g_assert_no_error (error);
  first = add_full_impact (fixture->store, uuid);
  second = add_full_impact (fixture->store, uuid);
  set_text (fixture->store, "impact", second, "status", "addressed");
  benefit = aims_assessment_add_impact (fixture->store, uuid, &error);
  g_assert_no_error (error);
  set_text (fixture->store, "impact", benefit, "nature", "benefit");
  set_text (fixture->store, "impact_assessment", uuid, "next_review", "2027-01-31");

  list = aims_assessment_list (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  summary = g_ptr_array_index (list, 0);
  g_assert_cmpstr (summary->uuid, ==, uuid);
  g_assert_cmpstr (summary->system, ==, fixture->system);
  g_assert_cmpstr (summary->system_name, ==, "Claims triage");
  g_assert_cmpstr (summary->system_reference, ==, "SYS-001");
  g_assert_cmpint (summary->version, ==, 1);
  g_assert_cmpstr (summary->status, ==, "draft");
  g_assert_cmpstr (summary->next_review, ==, "2027-01-31");
  g_assert_cmpuint (summary->n_impacts, ==, 3);
  g_assert_cmpuint (summary->n_open_harms, ==, 1);
}

/* A value for every editable field, different from its default. */
static GVariant *
sample_value (const AimsFieldInfo *field,
              guint                salt)
{
  if (field->kind == AIMS_FIELD_INTEGER)
    return g_variant_new_int64 (field->widget == AIMS_FIELD_WIDGET_SCORE ? 1 + salt % 5 : 7);

  if (field->n_choices > 0)
    return g_variant_new_string (field->choice_list[salt % field->n_choices].id);

  if (field->widget == AIMS_FIELD_WIDGET_DATE)
    return g_variant_new_string ("2026-02-28");

  return g_variant_new_take_string (g_strdup_printf ("%s «%u» ünïcode\nline two", field->name, salt));
}

/* Every field of the three tables, written through the store, saved, and
 * read back the same from the reopened file. */
static void
test_round_trip (void)
{
  const char * const tables[] = { "impact_assessment", "impact", "impact_measure" };
  g_autofree char *dir = aims_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "round.aims", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(AimsDocument) document = NULL;
  g_autoptr(GHashTable) written = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                         (GDestroyNotify) g_variant_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *system = NULL;
  const char *uuids[3] = { NULL, };
  g_autofree char *assessment = NULL;
  g_autofree char *impact = NULL;
  g_autofree char *measure = NULL;
  AimsStore *store;

  document = aims_document_new_untitled ("Ada", &error);
  g_assert_no_error (error);
  store = aims_document_get_store (document);
  system = aims_test_add_system (store, "SYS-001", "Claims triage");
  assessment = aims_assessment_start (store, system, &error);
  g_assert_no_error (error);
  impact = aims_assessment_add_impact (store, assessment, &error);
  g_assert_no_error (error);
  measure = add_measure (store, impact, "Review", "Ops");
  uuids[0] = assessment;
  uuids[1] = impact;
  uuids[2] = measure;

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      const AimsTableInfo *info = aims_schema_lookup_table (tables[t]);

      for (guint f = 0; f < info->n_fields; f++)
        {
          const AimsFieldInfo *field = &info->fields[f];
          g_autoptr(GVariant) value = NULL;

          if ((field->flags & AIMS_FIELD_FLAG_SYSTEM) != 0 ||
              g_str_equal (field->name, "system") || g_str_equal (field->name, "assessment") ||
              g_str_equal (field->name, "impact"))
            continue;

          value = g_variant_ref_sink (sample_value (field, f + 3 * t));
          g_assert_true (aims_store_update (store, tables[t], uuids[t], field->name, value,
                                            &error));
          g_assert_no_error (error);
          g_hash_table_insert (written, g_strconcat (tables[t], ".", field->name, NULL),
                               g_variant_ref (value));
        }
    }

  g_assert_cmpuint (g_hash_table_size (written), ==, 43);
  g_assert_true (aims_document_save_as (document, file, &error));
  g_assert_no_error (error);
  aims_document_close (document);
  g_clear_object (&document);

  document = aims_document_open (file, AIMS_OPEN_NONE, "Ada", &error);
  g_assert_no_error (error);
  store = aims_document_get_store (document);

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      const AimsTableInfo *info = aims_schema_lookup_table (tables[t]);

      for (guint f = 0; f < info->n_fields; f++)
        {
          g_autofree char *key = g_strconcat (tables[t], ".", info->fields[f].name, NULL);
          GVariant *expected = g_hash_table_lookup (written, key);
          g_autoptr(GVariant) actual = NULL;

          if (expected == NULL)
            continue;

          actual = aims_store_get (store, tables[t], uuids[t], info->fields[f].name, &error);
          g_assert_no_error (error);
          if (!g_variant_equal (expected, actual))
            g_error ("%s: wrote %s, read %s", key, g_variant_print (expected, TRUE),
                     g_variant_print (actual, TRUE));
        }
    }

  aims_document_close (document);
  aims_test_remove_tree (dir);
}

static gint64
query_int (sqlite3    *db,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

/* The committed format 4 file upgrades in the working copy, keeps its
 * register and history, gains the assessments and saves as format 5. */
static void
test_upgrade_v4 (void)
{
  g_autofree char *dir = aims_test_make_dir ();
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "project-v4.aims", NULL);
  g_autofree char *path = g_build_filename (dir, "v4.aims", NULL);
  g_autofree char *saved = g_build_filename (dir, "v5.aims", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(AimsProjectFileInfo) info = NULL;
  g_autoptr(AimsDocument) document = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) target = g_file_new_for_path (saved);
  g_autoptr(GError) error = NULL;
  g_autofree char *assessment = NULL;
  g_auto(GStrv) systems = NULL;
  AimsStore *store;
  sqlite3 *db;
  gsize len;

  g_file_get_contents (source, &contents, &len, &error);
  g_assert_no_error (error);
  g_file_set_contents (path, contents, len, &error);
  g_assert_no_error (error);
  file = g_file_new_for_path (path);
  before = aims_test_sha256_file (path);

  g_assert_true (aims_project_file_check_full (path, AIMS_CHECK_NONE, &info, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (info->format_version, ==, 4);

  document = aims_document_open (file, AIMS_OPEN_NONE, "Upgrader", &error);
  g_assert_no_error (error);
  store = aims_document_get_store (document);
  db = _aims_store_get_db (store);

  g_assert_cmpint (query_int (db, "PRAGMA user_version"), ==, AIMS_FORMAT_VERSION);
  g_assert_false (aims_document_get_modified (document));
  g_assert_cmpuint (aims_store_count (store, "ai_system"), ==, 13);
  g_assert_cmpuint (aims_store_count (store, "risk"), ==, 28);
  g_assert_cmpuint (aims_store_count (store, "impact_assessment"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM change_log"), ==, 206);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM changeset WHERE kind = 'migration' "
                                  "AND label LIKE '%4 to 5%' AND author = 'Upgrader'"), ==, 1);

  /* Assessments work on the upgraded file. */
  systems = aims_store_dup_uuids (store, "ai_system", &error);
  g_assert_no_error (error);
  assessment = aims_assessment_start (store, systems[0], &error);
  g_assert_no_error (error);
  g_assert_nonnull (assessment);

  g_assert_true (aims_document_save_as (document, target, &error));
  g_assert_no_error (error);
  aims_document_close (document);

  after = aims_test_sha256_file (path);
  g_assert_cmpstr (before, ==, after);
  g_clear_pointer (&info, aims_project_file_info_free);
  g_assert_true (aims_project_file_check_full (saved, AIMS_CHECK_NONE, &info, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (info->format_version, ==, AIMS_FORMAT_VERSION);

  aims_test_remove_tree (dir);
}

/* The demo: approved and draft assessments for several systems, the
 * high-risk one with two versions; approved ones are complete; the same seed
 * gives the same identifiers. */
static void
test_demo (void)
{
  g_autofree char *dir = aims_test_make_dir ();
  g_autofree char *first = g_build_filename (dir, "a.aims", NULL);
  g_autofree char *second = g_build_filename (dir, "b.aims", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (first);
  g_autoptr(AimsDocument) document = NULL;
  g_autoptr(AimsDocument) again = NULL;
  g_autoptr(GFile) other = g_file_new_for_path (second);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) list_again = NULL;
  g_autoptr(GError) error = NULL;
  guint n_approved = 0, n_draft = 0, n_superseded = 0;
  gboolean high_risk_approved = FALSE;
  AimsStore *store;

  g_assert_true (aims_demo_write_file (first, AIMS_DEMO_SCALE_SMALL, 42, &error));
  g_assert_no_error (error);
  g_assert_true (aims_demo_write_file (second, AIMS_DEMO_SCALE_SMALL, 42, &error));
  g_assert_no_error (error);

  document = aims_document_open (file, AIMS_OPEN_READ_ONLY, NULL, &error);
  g_assert_no_error (error);
  store = aims_document_get_store (document);
  list = aims_assessment_list (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 5);

  for (guint i = 0; i < list->len; i++)
    {
      const AimsAssessmentSummary *summary = g_ptr_array_index (list, i);
      g_autoptr(GPtrArray) gaps = aims_assessment_dup_missing (store, summary->uuid, NULL,
                                                               &error);
      g_autofree char *category = aims_store_dup_text (store, "ai_system", summary->system,
                                                       "eu_ai_act_category", NULL);

      g_assert_no_error (error);
      g_assert_cmpuint (summary->n_impacts, >, 0);
      if (g_str_equal (summary->status, "approved"))
        {
          n_approved++;
          g_assert_cmpuint (gaps->len, ==, 0);
          if (g_str_equal (category, "high-risk-annex-iii") && summary->version == 2)
            high_risk_approved = TRUE;
        }
      else if (g_str_equal (summary->status, "draft"))
        {
          n_draft++;
          g_assert_cmpuint (gaps->len, >, 0);
        }
      else if (g_str_equal (summary->status, "superseded"))
        n_superseded++;
    }

  g_assert_cmpuint (n_approved, ==, 2);
  g_assert_cmpuint (n_draft, ==, 1);
  g_assert_cmpuint (n_superseded, ==, 1);
  g_assert_true (high_risk_approved);

  again = aims_document_open (other, AIMS_OPEN_READ_ONLY, NULL, &error);
  g_assert_no_error (error);
  list_again = aims_assessment_list (aims_document_get_store (again), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list_again->len, ==, list->len);
  for (guint i = 0; i < list->len; i++)
    g_assert_cmpstr (((AimsAssessmentSummary *) g_ptr_array_index (list, i))->uuid, ==,
                     ((AimsAssessmentSummary *) g_ptr_array_index (list_again, i))->uuid);

  aims_document_close (document);
  aims_document_close (again);
  aims_test_remove_tree (dir);
}

static guint
count_rendered_pages (const char *dir,
                      const char *pdf)
{
  g_autofree char *prefix = g_build_filename (dir, "page", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  const char *argv[] = { "pdftoppm", "-png", "-r", "30", pdf, prefix, NULL };
  const char *name;
  int status = -1;
  guint n = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  listing = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (listing)) != NULL)
    n += g_str_has_prefix (name, "page") && g_str_has_suffix (name, ".png");

  return n;
}

/* The PDF renders with pdftoppm, with as many pages as it says it has: the
 * demo's high-risk assessment fills five; a new draft, with only what the
 * inventory gave it, four; 200 impacts make many more. */
static void
test_pdf (void)
{
  g_autofree char *dir = aims_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "demo.aims", NULL);
  g_autofree char *pdf = g_build_filename (dir, "ia.pdf", NULL);
  g_autofree char *pages_dir = g_build_filename (dir, "pages", NULL);
  g_autofree char *pdftoppm = g_find_program_in_path ("pdftoppm");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(AimsDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *system = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *empty = NULL;
  AimsStore *store;
  guint n_pages = 0, n_empty = 0, n_large = 0;

  if (pdftoppm == NULL)
    {
      g_test_skip ("pdftoppm (poppler-utils) is not installed");
      return;
    }

  g_assert_true (aims_demo_write_file (path, AIMS_DEMO_SCALE_SMALL, 42, &error));
  g_assert_no_error (error);
  document = aims_document_open (file, AIMS_OPEN_NONE, "Ada", &error);
  g_assert_no_error (error);
  store = aims_document_get_store (document);

  {
    g_autoptr(GPtrArray) list = aims_assessment_list (store, &error);

    for (guint i = 0; i < list->len; i++)
      {
        const AimsAssessmentSummary *summary = g_ptr_array_index (list, i);

        if (g_str_equal (summary->system_reference, "SYS-005") && summary->version == 2)
          uuid = g_strdup (summary->uuid);
        if (g_str_equal (summary->system_reference, "SYS-013"))
          system = g_strdup (summary->system);
      }
    g_assert_nonnull (uuid);
  }

  g_assert_true (aims_assessment_write_pdf (store, uuid, pdf, &n_pages, &error));
  g_assert_no_error (error);
  g_file_get_contents (pdf, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, "%PDF"));
  g_assert_cmpuint (n_pages, ==, 5);
  g_assert_cmpint (g_mkdir (pages_dir, 0755), ==, 0);
  g_assert_cmpuint (count_rendered_pages (pages_dir, pdf), ==, n_pages);

  /* An empty draft of a system with no assessment yet */
  {
    g_auto(GStrv) systems = aims_store_dup_uuids (store, "ai_system", &error);
    g_autofree char *sub = g_build_filename (dir, "empty", NULL);
    g_autofree char *empty_pdf = g_build_filename (dir, "empty.pdf", NULL);
    g_autofree char *last = NULL;

    g_assert_no_error (error);
    last = aims_assessment_dup_latest (store, systems[12]);
    g_assert_null (last);
    empty = aims_assessment_start (store, systems[12], &error);
    g_assert_no_error (error);
    g_assert_true (aims_assessment_write_pdf (store, empty, empty_pdf, &n_empty, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (n_empty, ==, 4);
    g_assert_cmpint (g_mkdir (sub, 0755), ==, 0);
    g_assert_cmpuint (count_rendered_pages (sub, empty_pdf), ==, n_empty);
  }

  /* 200 impacts: the table breaks over pages, each page numbered */
  {
    g_autofree char *sub = g_build_filename (dir, "large", NULL);
    g_autofree char *large_pdf = g_build_filename (dir, "large.pdf", NULL);

    aims_store_begin_group (store, "200 impacts");
    for (guint i = 0; i < 200; i++)
      {
        g_autofree char *impact = aims_assessment_add_impact (store, empty, &error);

        g_assert_no_error (error);
        set_text (store, "impact", impact, "affected", "Customers of the long-tail segment");
        set_text (store, "impact", impact, "description",
                  "A long description that wraps over several lines of the table, so that "
                  "rows differ in height and page breaks fall in different places.");
      }
    g_assert_true (aims_store_end_group (store, &error));
    g_assert_no_error (error);

    g_assert_true (aims_assessment_write_pdf (store, empty, large_pdf, &n_large, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (n_large, >, 12);
    g_assert_cmpint (g_mkdir (sub, 0755), ==, 0);
    g_assert_cmpuint (count_rendered_pages (sub, large_pdf), ==, n_large);
  }

  /* A place that cannot be written is an error a person can act on */
  {
    g_autofree char *bad = g_build_filename (dir, "missing", "ia.pdf", NULL);

    g_assert_false (aims_assessment_write_pdf (store, uuid, bad, NULL, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
    g_assert_nonnull (strstr (error->message, "Could not write"));
  }

  aims_document_close (document);
  aims_test_remove_tree (dir);
}

/* `aims assessment`: writes the PDF; a wrong system is refused with a
 * message and exit status 2, and nothing is written. */
static void
test_cli (void)
{
  const char *cli = g_getenv ("AIMS_CLI");
  g_autofree char *dir = aims_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "demo.aims", NULL);
  g_autofree char *pdf = g_build_filename (dir, "out.pdf", NULL);
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = -1;

  if (cli == NULL)
    {
      g_test_skip ("AIMS_CLI is not set");
      return;
    }

  g_assert_true (aims_demo_write_file (path, AIMS_DEMO_SCALE_SMALL, 42, &error));
  g_assert_no_error (error);

  {
    const char *argv[] = { cli, "assessment", path, "--system", "SYS-099", "-o", pdf, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, 0, NULL, NULL, NULL, &err, &status, &error);
    g_assert_no_error (error);
    g_assert_true (WIFEXITED (status));
    g_assert_cmpint (WEXITSTATUS (status), ==, 2);
    g_assert_nonnull (strstr (err, "no AI system “SYS-099”"));
    g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
    g_clear_pointer (&err, g_free);
  }

  {
    const char *argv[] = { cli, "assessment", path, "--system", "SYS-013", "-o", pdf, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, 0, NULL, NULL, NULL, &err, &status, &error);
    g_assert_no_error (error);
    g_assert_cmpint (WEXITSTATUS (status), ==, 2);
    g_assert_nonnull (strstr (err, "has no impact assessment yet"));
    g_clear_pointer (&err, g_free);
  }

  {
    const char *argv[] = { cli, "assessment", path, "--system", "SYS-005", "-o", pdf, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, 0, NULL, NULL, NULL, &err, &status, &error);
    g_assert_no_error (error);
    g_assert_cmpint (WEXITSTATUS (status), ==, 0);
    g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  }

  aims_test_remove_tree (dir);
}

/* The status of an assessment keeps its rules when it is written directly
 * through the store, as a script or an import would: no approval while
 * parts are missing, no way back from approved, superseded only by a later
 * approved version. Refusals write and log nothing; undo still restores. */
static void
test_status_rules (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *first = aims_assessment_start (fixture->store, fixture->system, &error);
  g_autofree char *second = NULL;
  g_autofree char *impact = NULL;
  g_autofree char *text = NULL;
  gint64 last_change;

  g_assert_no_error (error);
  last_change = aims_store_get_last_change_id (fixture->store);

  /* Approved while incomplete: refused, naming what is missing, both by the
   * store and by the question asked first */
  g_assert_false (aims_rules_check_update (fixture->store, "impact_assessment", first, "status",
                                          g_variant_new_string ("approved"), &error));
  g_assert_error (error, AIMS_ASSESSMENT_ERROR, AIMS_ASSESSMENT_ERROR_INCOMPLETE);
  g_clear_error (&error);
  g_assert_false (aims_store_update (fixture->store, "impact_assessment", first, "status",
                                     g_variant_new_string ("approved"), &error));
  g_assert_error (error, AIMS_ASSESSMENT_ERROR, AIMS_ASSESSMENT_ERROR_INCOMPLETE);
  g_assert_nonnull (strstr (error->message, "Approval: Approver, Approver’s role"));
  g_clear_error (&error);
  text = get_text (fixture->store, "impact_assessment", first, "status");
  g_assert_cmpstr (text, ==, "draft");
  g_clear_pointer (&text, g_free);
  g_assert_cmpint (aims_store_get_last_change_id (fixture->store), ==, last_change);

  /* Superseded with no later version approved: refused */
  g_assert_false (aims_store_update (fixture->store, "impact_assessment", first, "status",
                                     g_variant_new_string ("superseded"), &error));
  g_assert_error (error, AIMS_ASSESSMENT_ERROR, AIMS_ASSESSMENT_ERROR_STATUS);
  g_clear_error (&error);

  /* Draft and in review pass freely */
  set_text (fixture->store, "impact_assessment", first, "status", "in-review");
  set_text (fixture->store, "impact_assessment", first, "status", "draft");

  /* Complete, a direct approval is what aims_assessment_approve() allows */
  fill_fields (fixture->store, first);
  impact = add_full_impact (fixture->store, first);
  set_text (fixture->store, "impact_assessment", first, "status", "approved");

  /* No way back */
  g_assert_false (aims_store_update (fixture->store, "impact_assessment", first, "status",
                                     g_variant_new_string ("draft"), &error));
  g_assert_error (error, AIMS_ASSESSMENT_ERROR, AIMS_ASSESSMENT_ERROR_STATUS);
  g_clear_error (&error);

  /* Version 2 is a copy, still a draft: version 1 is not superseded yet */
  second = aims_assessment_start (fixture->store, fixture->system, &error);
  g_assert_no_error (error);
  g_assert_false (aims_store_update (fixture->store, "impact_assessment", first, "status",
                                     g_variant_new_string ("superseded"), &error));
  g_assert_error (error, AIMS_ASSESSMENT_ERROR, AIMS_ASSESSMENT_ERROR_STATUS);
  g_clear_error (&error);

  /* Approving version 2 supersedes version 1, which then stays so */
  set_text (fixture->store, "impact_assessment", second, "trigger", "periodic-review");
  set_text (fixture->store, "impact_assessment", second, "approver", "Linus");
  set_text (fixture->store, "impact_assessment", second, "approver_role", "Chief Risk Officer");
  g_assert_true (aims_assessment_approve (fixture->store, second, "2026-04-01", &error));
  g_assert_no_error (error);
  text = get_text (fixture->store, "impact_assessment", first, "status");
  g_assert_cmpstr (text, ==, "superseded");
  g_clear_pointer (&text, g_free);
  g_assert_false (aims_store_update (fixture->store, "impact_assessment", first, "status",
                                     g_variant_new_string ("approved"), &error));
  g_assert_error (error, AIMS_ASSESSMENT_ERROR, AIMS_ASSESSMENT_ERROR_STATUS);
  g_clear_error (&error);

  /* Undo takes the approval back: version 2 a draft, version 1 approved */
  g_assert_true (aims_store_undo (fixture->store, &error));
  g_assert_no_error (error);
  text = get_text (fixture->store, "impact_assessment", second, "status");
  g_assert_cmpstr (text, ==, "draft");
  g_clear_pointer (&text, g_free);
  text = get_text (fixture->store, "impact_assessment", first, "status");
  g_assert_cmpstr (text, ==, "approved");
}

static void
update_score_refused (AimsStore  *store,
                      const char *impact,
                      const char *field,
                      gint64      value,
                      const char *message)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (aims_rules_check_update (store, "impact", impact, field,
                                           g_variant_new_int64 (value), &error));
  g_assert_error (error, AIMS_RULE_ERROR, AIMS_RULE_ERROR_SCORE_RANGE);
  g_clear_error (&error);
  g_assert_false (aims_store_update (store, "impact", impact, field, g_variant_new_int64 (value),
                                     &error));
  g_assert_error (error, AIMS_RULE_ERROR, AIMS_RULE_ERROR_SCORE_RANGE);
  g_assert_cmpstr (error->message, ==, message);
}

/* An impact's severity and likelihood are steps of the project's matrix, or
 * 0 for not assessed; a smaller matrix moves them with the risks' scores. */
static void
test_impact_scores (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = aims_assessment_start (fixture->store, fixture->system, &error);
  g_autofree char *impact = NULL;
  g_autofree char *refused = NULL;
  g_autoptr(GHashTable) values = NULL;
  g_autoptr(AimsMatrix) small = aims_matrix_new_preset (AIMS_MATRIX_PRESET_3X3);
  g_autoptr(AimsMatrix) matrix = aims_store_dup_matrix (fixture->store);
  const AimsTableInfo *info = aims_schema_lookup_table ("impact");

  g_assert_no_error (error);
  impact = aims_assessment_add_impact (fixture->store, uuid, &error);
  g_assert_no_error (error);

  update_score_refused (fixture->store, impact, "severity", 6,
                        "Severity: 6 is not a step of the risk matrix; choose 1 to 5, "
                        "or 0 for not assessed.");
  update_score_refused (fixture->store, impact, "likelihood", -1,
                        "Likelihood: -1 is not a step of the risk matrix; choose 1 to 5, "
                        "or 0 for not assessed.");
  g_assert_cmpint (get_int (fixture->store, "impact", impact, "severity"), ==, 0);
  g_assert_cmpint (get_int (fixture->store, "impact", impact, "likelihood"), ==, 0);

  set_int (fixture->store, "impact", impact, "severity", 5);
  set_int (fixture->store, "impact", impact, "likelihood", 4);
  set_int (fixture->store, "impact", impact, "likelihood", 0);
  set_int (fixture->store, "impact", impact, "likelihood", 4);

  /* A new impact cannot bring a score from outside either */
  values = aims_test_values ("assessment", g_variant_new_string (uuid),
                             "affected", g_variant_new_string ("Staff"),
                             "severity", g_variant_new_int64 (9),
                             NULL);
  g_assert_false (aims_rules_check_insert (fixture->store, "impact", values, &error));
  g_assert_error (error, AIMS_RULE_ERROR, AIMS_RULE_ERROR_SCORE_RANGE);
  g_clear_error (&error);
  refused = aims_store_insert (fixture->store, "impact", values, &error);
  g_assert_null (refused);
  g_assert_error (error, AIMS_RULE_ERROR, AIMS_RULE_ERROR_SCORE_RANGE);
  g_clear_error (&error);
  g_assert_cmpuint (aims_store_count (fixture->store, "impact"), ==, 1);

  /* What a form asks of a score it shows */
  g_assert_true (aims_rules_check_score (matrix, aims_table_info_lookup_field (info, "severity"),
                                         0, &error));
  g_assert_false (aims_rules_check_score (matrix,
                                          aims_table_info_lookup_field (info, "likelihood"),
                                          7, &error));
  g_assert_error (error, AIMS_RULE_ERROR, AIMS_RULE_ERROR_SCORE_RANGE);
  g_clear_error (&error);

  /* A 3 × 3 matrix: 5 of 5 becomes 3 of 3, 4 of 5 becomes 3 (2.5 rounds up);
   * 6 is now refused at 4 */
  g_assert_true (aims_store_set_matrix (fixture->store, small, &error));
  g_assert_no_error (error);
  g_assert_cmpint (get_int (fixture->store, "impact", impact, "severity"), ==, 3);
  g_assert_cmpint (get_int (fixture->store, "impact", impact, "likelihood"), ==, 3);
  update_score_refused (fixture->store, impact, "severity", 4,
                        "Severity: 4 is not a step of the risk matrix; choose 1 to 3, "
                        "or 0 for not assessed.");

  /* One undo takes the matrix and the moved scores back */
  g_assert_true (aims_store_undo (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (get_int (fixture->store, "impact", impact, "severity"), ==, 5);
  g_assert_cmpint (get_int (fixture->store, "impact", impact, "likelihood"), ==, 4);
}

static char *
add_risk (AimsStore  *store,
          const char *system,
          const char *reference)
{
  g_autoptr(GHashTable) values = aims_test_values ("reference", g_variant_new_string (reference),
                                                   "title", g_variant_new_string (reference),
                                                   "inherent_likelihood", g_variant_new_int64 (3),
                                                   "inherent_impact", g_variant_new_int64 (2),
                                                   NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *link = NULL;
  char *risk = aims_store_insert (store, "risk", values, &error);

  g_assert_no_error (error);
  link = aims_store_link (store, "risk_system", risk, system, &error);
  g_assert_no_error (error);

  return risk;
}

static char *
add_approved (AimsStore  *store,
              const char *system,
              const char *next_review)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *impact = NULL;
  char *uuid = aims_assessment_start (store, system, &error);

  g_assert_no_error (error);
  fill_fields (store, uuid);
  set_text (store, "impact_assessment", uuid, "next_review", next_review);
  impact = add_full_impact (store, uuid);
  g_assert_true (aims_assessment_approve (store, uuid, "2026-03-01", &error));
  g_assert_no_error (error);

  return uuid;
}

static void
assert_coverage (AimsStore  *store,
                 const char *today,
                 guint       covered,
                 guint       in_scope)
{
  g_autoptr(GError) error = NULL;
  guint n_covered = G_MAXUINT, n_in_scope = G_MAXUINT;

  g_assert_true (aims_coverage_count (store, today, &n_covered, &n_in_scope, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_covered, ==, covered);
  g_assert_cmpuint (n_in_scope, ==, in_scope);
}

/* Risk assessment coverage, as DOMAIN.md defines it: in-scope systems with
 * a risk assessed and an approved impact assessment not past its review
 * date, out of the in-scope systems. */
static void
test_coverage (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *no_risk = aims_test_add_system (fixture->store, "SYS-002", "Chatbot");
  g_autofree char *draft_only = aims_test_add_system (fixture->store, "SYS-003", "Pricing");
  g_autofree char *outside = aims_test_add_system (fixture->store, "SYS-004", "Lab prototype");
  g_autofree char *outside_assessment = NULL;
  g_autofree char *draft = NULL;
  g_autofree char *risk1 = NULL, *risk2 = NULL, *risk3 = NULL;
  g_autofree char *approved = NULL, *approved2 = NULL;

  set_text (fixture->store, "ai_system", outside, "scope_justification", "A lab prototype.");
  g_assert_true (aims_store_update (fixture->store, "ai_system", outside, "in_scope",
                                    g_variant_new_boolean (FALSE), &error));
  g_assert_no_error (error);
  assert_coverage (fixture->store, "2026-06-01", 0, 3);

  /* A risk alone, or a draft with its risk, is not coverage */
  risk1 = add_risk (fixture->store, fixture->system, "R-001");
  risk2 = add_risk (fixture->store, draft_only, "R-002");
  draft = aims_assessment_start (fixture->store, draft_only, &error);
  g_assert_no_error (error);
  fill_fields (fixture->store, draft);
  assert_coverage (fixture->store, "2026-06-01", 0, 3);

  /* An approved assessment without a risk is not either */
  approved2 = add_approved (fixture->store, no_risk, "2027-03-01");
  assert_coverage (fixture->store, "2026-06-01", 0, 3);

  /* A risk and an approved assessment: covered, until the review date has
   * passed */
  approved = add_approved (fixture->store, fixture->system, "2027-03-01");
  assert_coverage (fixture->store, "2026-06-01", 1, 3);
  assert_coverage (fixture->store, "2027-03-01", 1, 3);
  assert_coverage (fixture->store, "2027-03-02", 0, 3);

  /* Out of scope counts in neither number */
  risk3 = add_risk (fixture->store, outside, "R-003");
  outside_assessment = add_approved (fixture->store, outside, "2027-03-01");
  assert_coverage (fixture->store, "2026-06-01", 1, 3);

  /* A new draft version does not take the approved one's coverage away */
  g_clear_pointer (&draft, g_free);
  draft = aims_assessment_start (fixture->store, fixture->system, &error);
  g_assert_no_error (error);
  assert_coverage (fixture->store, "2026-06-01", 1, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/assessment/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("start-prefills", test_start_prefills);
  ADD ("versioning", test_versioning);
  ADD ("completeness", test_completeness);
  ADD ("approval-refused", test_approval_refused);
  ADD ("approval-checks-once", test_approval_checks_once);
  ADD ("create-risk", test_create_risk);
  ADD ("list", test_list);
  ADD ("status-rules", test_status_rules);
  ADD ("impact-scores", test_impact_scores);
  ADD ("coverage", test_coverage);
  g_test_add_func ("/assessment/round-trip", test_round_trip);
  g_test_add_func ("/assessment/upgrade-v4-fixture", test_upgrade_v4);
  g_test_add_func ("/assessment/demo", test_demo);
  g_test_add_func ("/assessment/pdf", test_pdf);
  g_test_add_func ("/assessment/cli", test_cli);

#undef ADD

  return g_test_run ();
}
