/* test-risks.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The risk register's data model (issue 5): the levels the store computes
 * from the matrix, the rules of a risk, the next review, the remap of a
 * matrix change with its undo, the heat map's counts and filters, the
 * upgrade of a format 3 file and the refusal of hostile ones.
 *
 * tests/data/project-v3.aims was written by format 3 (`aims demo`, small
 * scale, seed 42) before migration 4 existed. Never regenerate it. */

#include "config.h"

#include "aims-test-util.h"

#include "aims-risks-private.h"
#include "aims-rules-private.h"
#include "aims-store-private.h"

typedef struct
{
  char      *dir;
  char      *path;
  AimsStore *store;
  char      *project;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = aims_test_make_dir ();
  fixture->path = g_build_filename (fixture->dir, "work.db", NULL);
  fixture->store = aims_store_new (fixture->path, "Ada", &error);
  g_assert_no_error (error);
  g_assert_true (_aims_store_create_project (fixture->store, &error));
  g_assert_no_error (error);
  fixture->project = aims_store_dup_project_uuid (fixture->store);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  aims_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->project);
}

static char *
add_risk_full (AimsStore  *store,
               const char *reference,
               guint       likelihood,
               guint       impact,
               const char *assessed,
               GError    **error)
{
  g_autoptr(GHashTable) values = aims_test_values ("reference", g_variant_new_string (reference),
                                                   "title", g_variant_new_string (reference),
                                                   "inherent_likelihood",
                                                   g_variant_new_int64 (likelihood),
                                                   "inherent_impact",
                                                   g_variant_new_int64 (impact),
                                                   NULL);

  if (assessed != NULL)
    g_hash_table_insert (values, (gpointer) "assessed",
                         g_variant_ref_sink (g_variant_new_string (assessed)));

  return aims_store_insert (store, "risk", values, error);
}

static char *
add_risk (AimsStore  *store,
          const char *reference,
          guint       likelihood,
          guint       impact)
{
  g_autoptr(GError) error = NULL;
  char *uuid = add_risk_full (store, reference, likelihood, impact, "2026-01-10", &error);

  g_assert_no_error (error);
  g_assert_nonnull (uuid);
  return uuid;
}

static gint64
get_int (AimsStore  *store,
         const char *uuid,
         const char *field)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) value = aims_store_get (store, "risk", uuid, field, &error);

  g_assert_no_error (error);
  g_assert_nonnull (value);
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_BOOLEAN))
    return g_variant_get_boolean (value);
  return g_variant_get_int64 (value);
}

static char *
get_text (AimsStore  *store,
          const char *uuid,
          const char *field)
{
  g_autoptr(GError) error = NULL;
  char *text = aims_store_dup_text (store, "risk", uuid, field, &error);

  g_assert_no_error (error);
  return text;
}

static void
update_ok (AimsStore  *store,
           const char *uuid,
           const char *field,
           GVariant   *value)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (aims_store_update (store, "risk", uuid, field, value, &error));
  g_assert_no_error (error);
}

static void
update_refused (AimsStore  *store,
                const char *uuid,
                const char *field,
                GVariant   *value,
                GQuark      domain,
                int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) check_error = NULL;
  g_autoptr(GVariant) sunk = g_variant_ref_sink (value);
  gint64 last = aims_store_get_last_change_id (store);

  /* The check without writing says the same as the store. */
  g_assert_false (aims_rules_check_update (store, "risk", uuid, field, sunk, &check_error));
  g_assert_error (check_error, domain, code);

  g_assert_false (aims_store_update (store, "risk", uuid, field, sunk, &error));
  g_assert_error (error, domain, code);
  g_assert_cmpint (aims_store_get_last_change_id (store), ==, last);
}

static char *
today_plus (int days)
{
  g_autofree char *today = _aims_risks_today ();
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_parse (&date, today);
  g_date_add_days (&date, days);
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));
}

/* The format: four new tables, levels kept by the store. */
static void
test_schema (Fixture       *fixture,
             gconstpointer  data)
{
  const AimsTableInfo *risk = aims_schema_lookup_table ("risk");
  const char * const tables[] = { "risk_system", "risk_control", "treatment_action" };

  g_assert_cmpuint (AIMS_FORMAT_VERSION, >=, 4);
  g_assert_nonnull (risk);
  g_assert_cmpstr (risk->reference_prefix, ==, "R-");
  g_assert_cmpstr (risk->title_field, ==, "title");
  g_assert_true (aims_table_info_lookup_field (risk, "inherent_level")->flags &
                 AIMS_FIELD_FLAG_SYSTEM);
  g_assert_true (aims_table_info_lookup_field (risk, "residual_level")->flags &
                 AIMS_FIELD_FLAG_SYSTEM);
  g_assert_false (aims_table_info_lookup_field (risk, "next_review")->flags &
                  AIMS_FIELD_FLAG_SYSTEM);
  g_assert_cmpuint (aims_table_info_lookup_field (risk, "objectives")->widget, ==,
                    AIMS_FIELD_WIDGET_MULTI_CHOICE);
  g_assert_cmpuint (aims_table_info_lookup_field (risk, "objectives")->n_choices, ==, 11);
  g_assert_cmpuint (aims_table_info_lookup_field (risk, "risk_source")->n_choices, ==, 7);
  g_assert_cmpuint (aims_table_info_lookup_field (risk, "lifecycle")->n_choices, ==,
                    aims_table_info_lookup_field (aims_schema_lookup_table ("ai_system"),
                                                  "lifecycle")->n_choices);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    g_assert_nonnull (aims_schema_lookup_table (tables[i]));

  /* Every visible field of a record table sits in a section. */
  for (guint i = 0; i < risk->n_fields; i++)
    if (risk->fields[i].widget != AIMS_FIELD_WIDGET_HIDDEN)
      g_assert_nonnull (risk->fields[i].group);

  {
    g_autofree char *next = aims_store_next_reference (fixture->store, "risk");

    g_assert_cmpstr (next, ==, "R-001");
  }
}

/* Every cell of the default matrix, on insert and on update, inherent and
 * residual: the level is the matrix's. */
static void
test_levels_every_cell (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(AimsMatrix) matrix = aims_store_dup_matrix (fixture->store);
  g_autofree char *moving = add_risk (fixture->store, "R-100", 1, 1);
  guint n_l = aims_matrix_get_n_steps (matrix, AIMS_MATRIX_LIKELIHOOD);
  guint n_i = aims_matrix_get_n_steps (matrix, AIMS_MATRIX_IMPACT);

  g_assert_cmpuint (n_l, ==, 5);
  g_assert_cmpuint (n_i, ==, 5);

  for (guint l = 1; l <= n_l; l++)
    for (guint i = 1; i <= n_i; i++)
      {
        g_autofree char *reference = g_strdup_printf ("R-%u%u", l, i);
        g_autofree char *uuid = add_risk (fixture->store, reference, l, i);
        g_autoptr(GError) error = NULL;
        int level = aims_matrix_lookup (matrix, l, i);

        g_assert_cmpint (level, >=, 0);
        g_assert_cmpint (get_int (fixture->store, uuid, "inherent_level"), ==, level);
        g_assert_cmpint (get_int (fixture->store, uuid, "residual_level"), ==, -1);

        /* Update: one axis at a time, and both at once. */
        update_ok (fixture->store, moving, "inherent_likelihood", g_variant_new_int64 (l));
        g_assert_cmpint (get_int (fixture->store, moving, "inherent_level"), ==,
                         aims_matrix_lookup (matrix, l, get_int (fixture->store, moving,
                                                                 "inherent_impact")));
        update_ok (fixture->store, moving, "inherent_impact", g_variant_new_int64 (i));
        g_assert_cmpint (get_int (fixture->store, moving, "inherent_level"), ==, level);

        g_assert_true (aims_risks_set_score (fixture->store, moving, AIMS_RISK_RESIDUAL, l, i,
                                             &error));
        g_assert_no_error (error);
        g_assert_cmpint (get_int (fixture->store, moving, "residual_level"), ==, level);
        g_assert_cmpint (get_int (fixture->store, moving, "residual_likelihood"), ==, l);
        g_assert_cmpint (get_int (fixture->store, moving, "residual_impact"), ==, i);
      }

  /* Clearing the residual score clears its level. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_true (aims_risks_set_score (fixture->store, moving, AIMS_RISK_RESIDUAL, 0, 0,
                                         &error));
    g_assert_no_error (error);
    g_assert_cmpint (get_int (fixture->store, moving, "residual_level"), ==, -1);
  }
}

/* Levels are never taken from input: the store refuses them (they are system
 * fields), on insert, update and in the checks without writing. */
static void
test_levels_refused (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *uuid = add_risk (fixture->store, "R-001", 5, 5);
  const char * const fields[] = { "inherent_level", "residual_level" };

  for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
    {
      g_autoptr(GHashTable) values = aims_test_values ("reference", g_variant_new_string ("R-9"),
                                                       "title", g_variant_new_string ("Typed"),
                                                       "inherent_likelihood",
                                                       g_variant_new_int64 (1),
                                                       "inherent_impact",
                                                       g_variant_new_int64 (1),
                                                       fields[f], g_variant_new_int64 (4),
                                                       NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) check_error = NULL;
      g_autofree char *typed = aims_store_insert (fixture->store, "risk", values, &error);

      g_assert_null (typed);
      g_assert_error (error, AIMS_STORE_ERROR, AIMS_STORE_ERROR_UNKNOWN_FIELD);
      g_assert_false (aims_rules_check_insert (fixture->store, "risk", values, &check_error));
      g_assert_error (check_error, AIMS_STORE_ERROR, AIMS_STORE_ERROR_UNKNOWN_FIELD);

      update_refused (fixture->store, uuid, fields[f], g_variant_new_int64 (0),
                      AIMS_STORE_ERROR, AIMS_STORE_ERROR_UNKNOWN_FIELD);
    }

  g_assert_cmpuint (aims_store_count (fixture->store, "risk"), ==, 1);
  g_assert_cmpint (get_int (fixture->store, uuid, "inherent_level"), ==, 4);
}

/* Each rule of a risk, refused with its code and leaving no trace. */
static void
test_rules (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *uuid = add_risk (fixture->store, "R-001", 3, 3);
  g_autoptr(GError) error = NULL;

  /* Scores within the matrix. */
  {
    g_autofree char *none = add_risk_full (fixture->store, "R-002", 0, 3, NULL, &error);

    g_assert_null (none);
    g_assert_error (error, AIMS_RULE_ERROR, AIMS_RULE_ERROR_SCORE_RANGE);
    g_clear_error (&error);
  }
  {
    g_autofree char *none = add_risk_full (fixture->store, "R-002", 3, 6, NULL, &error);

    g_assert_null (none);
    g_assert_error (error, AIMS_RULE_ERROR, AIMS_RULE_ERROR_SCORE_RANGE);
    g_clear_error (&error);
  }
  {
    g_autoptr(GHashTable) values = aims_test_values ("reference", g_variant_new_string ("R-2"),
                                                     "title", g_variant_new_string ("No score"),
                                                     NULL);
    g_autofree char *none = aims_store_insert (fixture->store, "risk", values, &error);

    g_assert_null (none);
    g_assert_nonnull (error);
    g_clear_error (&error);
    g_assert_false (aims_rules_check_insert (fixture->store, "risk", values, &error));
    g_assert_error (error, AIMS_RULE_ERROR, AIMS_RULE_ERROR_REQUIRED);
    g_clear_error (&error);
  }
  g_assert_cmpuint (aims_store_count (fixture->store, "risk"), ==, 1);

  update_refused (fixture->store, uuid, "inherent_likelihood", g_variant_new_int64 (0),
                  AIMS_RULE_ERROR, AIMS_RULE_ERROR_SCORE_RANGE);
  update_refused (fixture->store, uuid, "inherent_impact", g_variant_new_int64 (-2),
                  AIMS_RULE_ERROR, AIMS_RULE_ERROR_SCORE_RANGE);
  update_refused (fixture->store, uuid, "title", g_variant_new_string (" "),
                  AIMS_RULE_ERROR, AIMS_RULE_ERROR_REQUIRED);

  /* A residual score is both values or neither. */
  update_refused (fixture->store, uuid, "residual_likelihood", g_variant_new_int64 (2),
                  AIMS_RULE_ERROR, AIMS_RULE_ERROR_RESIDUAL_INCOMPLETE);
  g_assert_false (aims_risks_set_score (fixture->store, uuid, AIMS_RISK_RESIDUAL, 2, 0,
                                        &error));
  g_assert_error (error, AIMS_RULE_ERROR, AIMS_RULE_ERROR_RESIDUAL_INCOMPLETE);
  g_clear_error (&error);
  g_assert_false (aims_risks_set_score (fixture->store, uuid, AIMS_RISK_RESIDUAL, 2, 9,
                                        &error));
  g_assert_error (error, AIMS_RULE_ERROR, AIMS_RULE_ERROR_SCORE_RANGE);
  g_clear_error (&error);
  g_assert_true (aims_risks_set_score (fixture->store, uuid, AIMS_RISK_RESIDUAL, 2, 2, &error));
  g_assert_no_error (error);
  update_refused (fixture->store, uuid, "residual_impact", g_variant_new_int64 (0),
                  AIMS_RULE_ERROR, AIMS_RULE_ERROR_RESIDUAL_INCOMPLETE);

  /* Accepted needs the treatment "accept", and accepting (by status or by
   * treatment) needs who, in what role, when and why. */
  update_refused (fixture->store, uuid, "status", g_variant_new_string ("accepted"),
                  AIMS_RULE_ERROR, AIMS_RULE_ERROR_ACCEPTANCE_REQUIRED);
  update_refused (fixture->store, uuid, "treatment", g_variant_new_string ("accept"),
                  AIMS_RULE_ERROR, AIMS_RULE_ERROR_ACCEPTANCE_REQUIRED);
  update_ok (fixture->store, uuid, "accepted_by", g_variant_new_string ("Priya Raman"));
  update_ok (fixture->store, uuid, "acceptance_role", g_variant_new_string ("Head of Claims"));
  update_ok (fixture->store, uuid, "acceptance_date", g_variant_new_string ("2026-03-01"));
  update_refused (fixture->store, uuid, "treatment", g_variant_new_string ("accept"),
                  AIMS_RULE_ERROR, AIMS_RULE_ERROR_ACCEPTANCE_REQUIRED);
  update_ok (fixture->store, uuid, "acceptance_rationale",
             g_variant_new_string ("Within appetite after the controls."));
  update_refused (fixture->store, uuid, "status", g_variant_new_string ("accepted"),
                  AIMS_RULE_ERROR, AIMS_RULE_ERROR_ACCEPTANCE_REQUIRED);
  update_ok (fixture->store, uuid, "treatment", g_variant_new_string ("accept"));
  update_ok (fixture->store, uuid, "status", g_variant_new_string ("accepted"));

  /* …and keeps them while it is accepted. */
  update_refused (fixture->store, uuid, "accepted_by", g_variant_new_string (""),
                  AIMS_RULE_ERROR, AIMS_RULE_ERROR_ACCEPTANCE_REQUIRED);
  update_refused (fixture->store, uuid, "acceptance_role", g_variant_new_string (" "),
                  AIMS_RULE_ERROR, AIMS_RULE_ERROR_ACCEPTANCE_REQUIRED);
  update_refused (fixture->store, uuid, "treatment", g_variant_new_string ("mitigate"),
                  AIMS_RULE_ERROR, AIMS_RULE_ERROR_ACCEPTANCE_REQUIRED);

  /* The acceptance does not expire before it was given; dates exist. */
  update_refused (fixture->store, uuid, "acceptance_expiry", g_variant_new_string ("2026-02-28"),
                  AIMS_RULE_ERROR, AIMS_RULE_ERROR_DATE_ORDER);
  update_ok (fixture->store, uuid, "acceptance_expiry", g_variant_new_string ("2027-03-01"));
  update_refused (fixture->store, uuid, "acceptance_date", g_variant_new_string ("2027-03-02"),
                  AIMS_RULE_ERROR, AIMS_RULE_ERROR_DATE_ORDER);
  update_refused (fixture->store, uuid, "acceptance_date", g_variant_new_string ("2026-02-30"),
                  AIMS_RULE_ERROR, AIMS_RULE_ERROR_INVALID_DATE);
  update_refused (fixture->store, uuid, "assessed", g_variant_new_string ("10/01/2026"),
                  AIMS_RULE_ERROR, AIMS_RULE_ERROR_INVALID_DATE);
  update_refused (fixture->store, uuid, "next_review", g_variant_new_string ("2026-13-01"),
                  AIMS_RULE_ERROR, AIMS_RULE_ERROR_INVALID_DATE);
  update_refused (fixture->store, uuid, "objectives", g_variant_new_string ("C.2.5,C.9.9"),
                  AIMS_RULE_ERROR, AIMS_RULE_ERROR_INVALID_CHOICE);
  g_assert_false (aims_store_update (fixture->store, "risk", uuid, "risk_source",
                                     g_variant_new_string ("C.2.1"), &error));
  g_assert_error (error, AIMS_STORE_ERROR, AIMS_STORE_ERROR_INVALID_VALUE);
  g_clear_error (&error);

  /* Treatment actions: what is required, due dates exist. */
  {
    g_autoptr(GHashTable) values = aims_test_values ("risk", g_variant_new_string (uuid),
                                                     "what", g_variant_new_string ("Fix it"),
                                                     "due_date",
                                                     g_variant_new_string ("2026-04-31"),
                                                     NULL);
    g_autofree char *action = aims_store_insert (fixture->store, "treatment_action", values,
                                                 &error);

    g_assert_null (action);
    g_assert_error (error, AIMS_RULE_ERROR, AIMS_RULE_ERROR_INVALID_DATE);
    g_clear_error (&error);

    g_hash_table_replace (values, (gpointer) "due_date",
                          g_variant_ref_sink (g_variant_new_string ("2026-04-30")));
    action = aims_store_insert (fixture->store, "treatment_action", values, &error);
    g_assert_no_error (error);
    g_assert_nonnull (action);

    g_assert_false (aims_store_update (fixture->store, "treatment_action", action, "status",
                                       g_variant_new_string ("finished"), &error));
    g_assert_error (error, AIMS_STORE_ERROR, AIMS_STORE_ERROR_INVALID_VALUE);
    g_clear_error (&error);
    g_assert_false (aims_store_update (fixture->store, "treatment_action", action, "what",
                                       g_variant_new_string (""), &error));
    g_assert_error (error, AIMS_RULE_ERROR, AIMS_RULE_ERROR_REQUIRED);
    g_clear_error (&error);

    /* Deleting the risk takes its actions and links with it. */
    {
      g_autofree char *system = aims_test_add_system (fixture->store, "SYS-001", "Triage");
      g_autofree char *link = aims_store_link (fixture->store, "risk_system", uuid, system,
                                               &error);
      g_autofree char *control = aims_store_link (fixture->store, "risk_control", uuid,
                                                  "A.6.2.4", &error);

      g_assert_no_error (error);
      g_assert_nonnull (link);
      g_assert_nonnull (control);
      g_assert_true (aims_store_delete (fixture->store, "risk", uuid, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (aims_store_count (fixture->store, "treatment_action"), ==, 0);
      g_assert_cmpuint (aims_store_count (fixture->store, "risk_system"), ==, 0);
      g_assert_cmpuint (aims_store_count (fixture->store, "risk_control"), ==, 0);
      g_assert_true (aims_store_undo (fixture->store, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (aims_store_count (fixture->store, "treatment_action"), ==, 1);
      g_assert_cmpuint (aims_store_count (fixture->store, "risk_system"), ==, 1);
      g_assert_cmpuint (aims_store_count (fixture->store, "risk_control"), ==, 1);
      g_assert_cmpint (get_int (fixture->store, uuid, "residual_level"), ==, 1);
    }
  }
}

/* The next review: the interval of the current level from the last
 * assessment, unless set by hand. */
static void
test_next_review (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(AimsMatrix) matrix = aims_store_dup_matrix (fixture->store);
  g_autofree char *uuid = add_risk (fixture->store, "R-001", 5, 5);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint days_top = aims_matrix_get_level_review_days (matrix, aims_matrix_lookup (matrix, 5, 5));
  guint days_low = aims_matrix_get_level_review_days (matrix, aims_matrix_lookup (matrix, 1, 1));
  g_autofree char *expected = NULL;

  g_assert_cmpuint (days_top, ==, 14);
  g_assert_cmpuint (days_low, ==, 365);

  /* Inserted with its assessment date. */
  text = get_text (fixture->store, uuid, "next_review");
  g_assert_cmpstr (text, ==, "2026-01-24");
  g_clear_pointer (&text, g_free);
  g_assert_false (get_int (fixture->store, uuid, "next_review_manual"));

  /* A new score is a new assessment, today; the residual level counts. */
  g_assert_true (aims_risks_set_score (fixture->store, uuid, AIMS_RISK_RESIDUAL, 1, 1, &error));
  g_assert_no_error (error);
  text = get_text (fixture->store, uuid, "assessed");
  expected = today_plus (0);
  g_assert_cmpstr (text, ==, expected);
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&expected, g_free);
  text = get_text (fixture->store, uuid, "next_review");
  expected = today_plus (days_low);
  g_assert_cmpstr (text, ==, expected);
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&expected, g_free);

  /* Changing the assessment date moves the review. */
  update_ok (fixture->store, uuid, "assessed", g_variant_new_string ("2026-01-10"));
  text = get_text (fixture->store, uuid, "next_review");
  g_assert_cmpstr (text, ==, "2027-01-10");
  g_clear_pointer (&text, g_free);

  /* Set by hand: it stays, whatever the scores do. */
  update_ok (fixture->store, uuid, "next_review", g_variant_new_string ("2026-06-01"));
  g_assert_true (get_int (fixture->store, uuid, "next_review_manual"));
  update_ok (fixture->store, uuid, "inherent_likelihood", g_variant_new_int64 (4));
  g_assert_true (aims_risks_set_score (fixture->store, uuid, AIMS_RISK_RESIDUAL, 5, 5, &error));
  g_assert_no_error (error);
  text = get_text (fixture->store, uuid, "next_review");
  g_assert_cmpstr (text, ==, "2026-06-01");
  g_clear_pointer (&text, g_free);

  /* Handing it back to the interval recomputes it. */
  update_ok (fixture->store, uuid, "next_review_manual", g_variant_new_boolean (FALSE));
  text = get_text (fixture->store, uuid, "next_review");
  expected = today_plus (days_top);
  g_assert_cmpstr (text, ==, expected);
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&expected, g_free);

  /* Emptying a manual date does too. */
  update_ok (fixture->store, uuid, "next_review", g_variant_new_string ("2030-01-01"));
  g_assert_true (get_int (fixture->store, uuid, "next_review_manual"));
  update_ok (fixture->store, uuid, "next_review", g_variant_new_string (""));
  g_assert_false (get_int (fixture->store, uuid, "next_review_manual"));
  text = get_text (fixture->store, uuid, "next_review");
  expected = today_plus (days_top);
  g_assert_cmpstr (text, ==, expected);
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&expected, g_free);

  /* A risk inserted with a next review keeps it, as set by hand. */
  {
    g_autoptr(GHashTable) values = aims_test_values ("reference", g_variant_new_string ("R-2"),
                                                     "title", g_variant_new_string ("Manual"),
                                                     "inherent_likelihood",
                                                     g_variant_new_int64 (2),
                                                     "inherent_impact", g_variant_new_int64 (2),
                                                     "next_review",
                                                     g_variant_new_string ("2026-12-24"),
                                                     NULL);
    g_autofree char *manual = aims_store_insert (fixture->store, "risk", values, &error);

    g_assert_no_error (error);
    g_assert_true (get_int (fixture->store, manual, "next_review_manual"));
    text = get_text (fixture->store, manual, "next_review");
    g_assert_cmpstr (text, ==, "2026-12-24");
    g_clear_pointer (&text, g_free);
  }
}

/* One edit of a score is one undo step that restores the level and the
 * dates with it. */
static void
test_undo_score (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *uuid = add_risk (fixture->store, "R-001", 1, 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  update_ok (fixture->store, uuid, "inherent_impact", g_variant_new_int64 (5));
  g_assert_cmpint (get_int (fixture->store, uuid, "inherent_level"), ==, 2);

  g_assert_true (aims_store_undo (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (get_int (fixture->store, uuid, "inherent_impact"), ==, 1);
  g_assert_cmpint (get_int (fixture->store, uuid, "inherent_level"), ==, 0);
  text = get_text (fixture->store, uuid, "assessed");
  g_assert_cmpstr (text, ==, "2026-01-10");
  g_clear_pointer (&text, g_free);
  text = get_text (fixture->store, uuid, "next_review");
  g_assert_cmpstr (text, ==, "2027-01-10");
  g_clear_pointer (&text, g_free);

  g_assert_true (aims_store_redo (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (get_int (fixture->store, uuid, "inherent_level"), ==, 2);
}

typedef struct
{
  gint64 scores[4];
  gint64 levels[2];
  char  *next_review;
} Snapshot;

static void
snapshot (AimsStore  *store,
          const char *uuid,
          Snapshot   *shot)
{
  const char * const names[] = {
    "inherent_likelihood", "inherent_impact", "residual_likelihood", "residual_impact"
  };

  for (guint i = 0; i < 4; i++)
    shot->scores[i] = get_int (store, uuid, names[i]);
  shot->levels[0] = get_int (store, uuid, "inherent_level");
  shot->levels[1] = get_int (store, uuid, "residual_level");
  shot->next_review = get_text (store, uuid, "next_review");
}

/* A new matrix remaps every score and recomputes every level, as one undo
 * step with the matrix itself. */
static void
test_matrix_remap (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(AimsMatrix) before = aims_store_dup_matrix (fixture->store);
  g_autoptr(AimsMatrix) small = aims_matrix_new_preset (AIMS_MATRIX_PRESET_3X3);
  g_autoptr(GPtrArray) uuids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) shots = g_array_new (FALSE, TRUE, sizeof (Snapshot));
  g_autoptr(GError) error = NULL;

  for (guint l = 1; l <= 5; l++)
    for (guint i = 1; i <= 5; i++)
      {
        g_autofree char *reference = g_strdup_printf ("R-%u%u", l, i);
        char *uuid = add_risk (fixture->store, reference, l, i);

        if ((l + i) % 2 == 0)
          {
            g_assert_true (aims_risks_set_score (fixture->store, uuid, AIMS_RISK_RESIDUAL,
                                                 MAX (1, l - 1), i, &error));
            g_assert_no_error (error);
          }
        g_ptr_array_add (uuids, uuid);
      }

  g_array_set_size (shots, uuids->len);
  for (guint k = 0; k < uuids->len; k++)
    snapshot (fixture->store, g_ptr_array_index (uuids, k), &g_array_index (shots, Snapshot, k));

  g_assert_true (aims_store_set_matrix (fixture->store, small, &error));
  g_assert_no_error (error);

  for (guint k = 0; k < uuids->len; k++)
    {
      const Snapshot *old = &g_array_index (shots, Snapshot, k);
      const char *uuid = g_ptr_array_index (uuids, k);
      gint64 scores[4];
      int residual;

      for (guint j = 0; j < 4; j++)
        scores[j] = aims_matrix_remap_value (old->scores[j], 5, 3);

      g_assert_cmpint (get_int (fixture->store, uuid, "inherent_likelihood"), ==, scores[0]);
      g_assert_cmpint (get_int (fixture->store, uuid, "inherent_impact"), ==, scores[1]);
      g_assert_cmpint (get_int (fixture->store, uuid, "residual_likelihood"), ==, scores[2]);
      g_assert_cmpint (get_int (fixture->store, uuid, "residual_impact"), ==, scores[3]);
      g_assert_cmpint (get_int (fixture->store, uuid, "inherent_level"), ==,
                       aims_matrix_lookup (small, scores[0], scores[1]));
      residual = scores[2] > 0 ? aims_matrix_lookup (small, scores[2], scores[3]) : -1;
      g_assert_cmpint (get_int (fixture->store, uuid, "residual_level"), ==, residual);
    }

  /* One undo restores the matrix, every score and every level. */
  g_assert_true (aims_store_undo (fixture->store, &error));
  g_assert_no_error (error);
  {
    g_autoptr(AimsMatrix) restored = aims_store_dup_matrix (fixture->store);

    g_assert_true (aims_matrix_equal (restored, before));
  }

  for (guint k = 0; k < uuids->len; k++)
    {
      Snapshot *old = &g_array_index (shots, Snapshot, k);
      Snapshot now;

      snapshot (fixture->store, g_ptr_array_index (uuids, k), &now);
      for (guint j = 0; j < 4; j++)
        g_assert_cmpint (now.scores[j], ==, old->scores[j]);
      g_assert_cmpint (now.levels[0], ==, old->levels[0]);
      g_assert_cmpint (now.levels[1], ==, old->levels[1]);
      g_assert_cmpstr (now.next_review, ==, old->next_review);
      g_free (now.next_review);
      g_free (old->next_review);
    }

  g_assert_true (aims_store_redo (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (get_int (fixture->store, g_ptr_array_index (uuids, uuids->len - 1),
                            "inherent_level"), ==, aims_matrix_lookup (small, 3, 3));
}

static const char *
name_of_level (AimsMatrix *matrix,
               gint64      level)
{
  return level >= 0 ? aims_matrix_get_level_name (matrix, level) : NULL;
}

/* The editor's preview of a matrix change says what the change then does:
 * the counts on the new cells, the risks that move and those whose level
 * changes; asking writes nothing. */
static void
test_preview_remap (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(AimsMatrix) before = aims_store_dup_matrix (fixture->store);
  g_autoptr(AimsMatrix) small = aims_matrix_new_preset (AIMS_MATRIX_PRESET_3X3);
  g_autoptr(AimsMatrix) unfinished = aims_matrix_copy (before);
  g_autoptr(GPtrArray) uuids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) shots = g_array_new (FALSE, TRUE, sizeof (Snapshot));
  g_autoptr(AimsHeatmapCounts) same = NULL;
  g_autoptr(AimsHeatmapCounts) preview = NULL;
  g_autoptr(AimsHeatmapCounts) partial = NULL;
  g_autoptr(AimsHeatmapCounts) applied = NULL;
  g_autoptr(AimsHeatmapCounts) now = NULL;
  g_autoptr(GError) error = NULL;
  AimsRiskRemapSummary summary;
  guint moved = 0, relevelled = 0, at_top = 0;
  gint64 last;

  for (guint l = 1; l <= 5; l++)
    for (guint i = 1; i <= 5; i++)
      {
        g_autofree char *reference = g_strdup_printf ("R-%u%u", l, i);
        char *uuid = add_risk (fixture->store, reference, l, i);

        if ((l + i) % 3 == 0)
          {
            g_assert_true (aims_risks_set_score (fixture->store, uuid, AIMS_RISK_RESIDUAL,
                                                 l > 2 ? l - 2 : 1, i > 1 ? i - 1 : 1, &error));
            g_assert_no_error (error);
          }
        g_ptr_array_add (uuids, uuid);
      }

  g_array_set_size (shots, uuids->len);
  for (guint k = 0; k < uuids->len; k++)
    snapshot (fixture->store, g_ptr_array_index (uuids, k), &g_array_index (shots, Snapshot, k));
  last = aims_store_get_last_change_id (fixture->store);

  /* The same matrix: nothing moves, the counts are the heat map's */
  same = aims_risks_preview_remap (fixture->store, before, before, &summary, &error);
  g_assert_no_error (error);
  now = aims_risks_count_cells (fixture->store, before, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary.n_risks, ==, 25);
  g_assert_cmpuint (summary.n_moved, ==, 0);
  g_assert_cmpuint (summary.n_relevelled, ==, 0);
  for (guint l = 1; l <= 5; l++)
    for (guint i = 1; i <= 5; i++)
      for (AimsHeatmapMode mode = AIMS_HEATMAP_INHERENT; mode <= AIMS_HEATMAP_RESIDUAL; mode++)
        g_assert_cmpuint (aims_heatmap_counts_get (same, mode, l, i), ==,
                          aims_heatmap_counts_get (now, mode, l, i));

  /* An unfinished matrix may be previewed: the risks in a cell with no
   * level lose their level */
  aims_matrix_set_cell (unfinished, 5, 5, -1);
  partial = aims_risks_preview_remap (fixture->store, before, unfinished, &summary, &error);
  g_assert_no_error (error);
  g_assert_nonnull (partial);
  for (guint k = 0; k < uuids->len; k++)
    {
      const Snapshot *old = &g_array_index (shots, Snapshot, k);

      if ((old->scores[0] == 5 && old->scores[1] == 5) ||
          (old->scores[2] == 5 && old->scores[3] == 5))
        at_top++;
    }
  g_assert_cmpuint (at_top, >, 0);
  g_assert_cmpuint (summary.n_moved, ==, 0);
  g_assert_cmpuint (summary.n_relevelled, ==, at_top);

  /* 5×5 to 3×3: the preview, then the change itself */
  preview = aims_risks_preview_remap (fixture->store, before, small, &summary, &error);
  g_assert_no_error (error);
  g_assert_cmpint (aims_store_get_last_change_id (fixture->store), ==, last);

  g_assert_true (aims_store_set_matrix (fixture->store, small, &error));
  g_assert_no_error (error);
  applied = aims_risks_count_cells (fixture->store, small, NULL, &error);
  g_assert_no_error (error);

  for (guint k = 0; k < uuids->len; k++)
    {
      Snapshot *old = &g_array_index (shots, Snapshot, k);
      Snapshot after;
      gboolean differs = FALSE;

      snapshot (fixture->store, g_ptr_array_index (uuids, k), &after);
      for (guint j = 0; j < 4; j++)
        differs |= after.scores[j] != old->scores[j];
      moved += differs;
      relevelled += g_strcmp0 (name_of_level (before, old->levels[0]),
                               name_of_level (small, after.levels[0])) != 0 ||
                    g_strcmp0 (name_of_level (before, old->levels[1]),
                               name_of_level (small, after.levels[1])) != 0;
      g_free (after.next_review);
      g_free (old->next_review);
    }

  g_assert_cmpuint (summary.n_risks, ==, 25);
  g_assert_cmpuint (summary.n_moved, ==, moved);
  g_assert_cmpuint (summary.n_relevelled, ==, relevelled);
  g_assert_cmpuint (moved, >, 0);
  g_assert_cmpuint (moved, <, 25);
  g_assert_cmpuint (aims_heatmap_counts_get_total (preview), ==, 25);
  for (guint l = 1; l <= 3; l++)
    for (guint i = 1; i <= 3; i++)
      for (AimsHeatmapMode mode = AIMS_HEATMAP_INHERENT; mode <= AIMS_HEATMAP_RESIDUAL; mode++)
        g_assert_cmpuint (aims_heatmap_counts_get (preview, mode, l, i), ==,
                          aims_heatmap_counts_get (applied, mode, l, i));
}

/* The heat map's counts against a count of the records one by one. */
static gboolean
risk_matches (AimsStore            *store,
              AimsMatrix           *matrix,
              const char           *uuid,
              const AimsRiskFilter *filter)
{
  g_autofree char *owner = get_text (store, uuid, "owner");
  g_autofree char *objectives = get_text (store, uuid, "objectives");
  g_autofree char *next = get_text (store, uuid, "next_review");
  g_autofree char *status = get_text (store, uuid, "status");
  gint64 residual = get_int (store, uuid, "residual_level");
  gint64 current = residual >= 0 ? residual : get_int (store, uuid, "inherent_level");

  if (filter->system != NULL)
    {
      g_autofree char *link = aims_store_dup_link_uuid (store, "risk_system", uuid,
                                                        filter->system);

      if (link == NULL)
        return FALSE;
    }
  if (filter->owner != NULL && g_ascii_strcasecmp (owner, filter->owner) != 0)
    return FALSE;
  if (filter->objective != NULL)
    {
      g_auto(GStrv) ids = g_strsplit (objectives, ",", -1);

      if (!g_strv_contains ((const char * const *) ids, filter->objective))
        return FALSE;
    }
  if ((filter->flags & AIMS_RISK_FILTER_LEVEL) && current != filter->level)
    return FALSE;
  if ((filter->flags & AIMS_RISK_FILTER_ABOVE_TOLERANCE) &&
      !aims_matrix_is_above_tolerance (matrix, current))
    return FALSE;
  if ((filter->flags & AIMS_RISK_FILTER_OVERDUE) &&
      (next[0] == '\0' || strcmp (next, filter->today) >= 0))
    return FALSE;
  if ((filter->flags & AIMS_RISK_FILTER_OPEN) && g_str_equal (status, "closed"))
    return FALSE;

  return TRUE;
}

static void
assert_counts (AimsStore            *store,
               AimsMatrix           *matrix,
               const AimsRiskFilter *filter,
               guint                *total)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsHeatmapCounts) counts = aims_risks_count_cells (store, matrix, filter, &error);
  g_auto(GStrv) uuids = aims_store_dup_uuids (store, "risk", &error);
  guint inherent[6][6] = { { 0 } };
  guint residual[6][6] = { { 0 } };
  AimsRiskFilter all;
  guint n = 0;

  g_assert_no_error (error);
  g_assert_nonnull (counts);

  aims_risk_filter_init (&all);
  if (filter == NULL)
    filter = &all;

  for (guint k = 0; uuids[k] != NULL; k++)
    {
      gint64 il, ii, rl, ri;

      if (!risk_matches (store, matrix, uuids[k], filter))
        continue;

      il = get_int (store, uuids[k], "inherent_likelihood");
      ii = get_int (store, uuids[k], "inherent_impact");
      rl = get_int (store, uuids[k], "residual_likelihood");
      ri = get_int (store, uuids[k], "residual_impact");
      inherent[il][ii]++;
      residual[rl > 0 ? rl : il][rl > 0 ? ri : ii]++;
      n++;
    }

  for (guint l = 1; l <= 5; l++)
    for (guint i = 1; i <= 5; i++)
      {
        g_assert_cmpuint (aims_heatmap_counts_get (counts, AIMS_HEATMAP_INHERENT, l, i), ==,
                          inherent[l][i]);
        g_assert_cmpuint (aims_heatmap_counts_get (counts, AIMS_HEATMAP_RESIDUAL, l, i), ==,
                          residual[l][i]);
      }
  g_assert_cmpuint (aims_heatmap_counts_get_total (counts), ==, n);

  if (total != NULL)
    *total = n;
}

static void
test_count_cells (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(AimsMatrix) matrix = aims_store_dup_matrix (fixture->store);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) systems = NULL;
  AimsRiskFilter filter;
  guint n = 0;
  guint n_above = 0;

  g_assert_true (aims_demo_generate (fixture->store, AIMS_DEMO_SCALE_SMALL, 42, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (aims_store_count (fixture->store, "risk"), ==,
                    aims_demo_scale_get_n_risks (AIMS_DEMO_SCALE_SMALL));
  systems = aims_store_dup_uuids (fixture->store, "ai_system", &error);
  g_assert_no_error (error);

  aims_risk_filter_init (&filter);
  assert_counts (fixture->store, matrix, NULL, &n);
  g_assert_cmpuint (n, ==, aims_store_count (fixture->store, "risk"));
  assert_counts (fixture->store, matrix, &filter, &n);
  g_assert_cmpuint (n, ==, aims_store_count (fixture->store, "risk"));

  filter.system = systems[0];
  assert_counts (fixture->store, matrix, &filter, &n);
  g_assert_cmpuint (n, >, 0);
  filter.system = NULL;

  filter.owner = "priya raman, head of claims operations";
  assert_counts (fixture->store, matrix, &filter, &n);
  g_assert_cmpuint (n, >, 0);
  filter.owner = NULL;

  filter.objective = "C.2.1";
  assert_counts (fixture->store, matrix, &filter, &n);
  g_assert_cmpuint (n, >, 0);
  filter.objective = "C.2.10";
  assert_counts (fixture->store, matrix, &filter, &n);
  g_assert_cmpuint (n, >, 0);
  filter.objective = NULL;

  for (guint level = 0; level < aims_matrix_get_n_levels (matrix); level++)
    {
      filter.flags = AIMS_RISK_FILTER_LEVEL;
      filter.level = level;
      assert_counts (fixture->store, matrix, &filter, NULL);
    }

  filter.flags = AIMS_RISK_FILTER_ABOVE_TOLERANCE | AIMS_RISK_FILTER_OPEN;
  assert_counts (fixture->store, matrix, &filter, &n_above);
  g_assert_cmpuint (n_above, >, 0);
  g_assert_cmpuint (aims_risks_count_above_tolerance (fixture->store, matrix, &error), ==,
                    n_above);
  g_assert_no_error (error);

  /* The demo's day: some reviews are overdue. */
  filter.flags = AIMS_RISK_FILTER_OVERDUE | AIMS_RISK_FILTER_OPEN;
  filter.today = "2026-11-22";
  assert_counts (fixture->store, matrix, &filter, &n);
  g_assert_cmpuint (n, >=, 3);
  g_assert_cmpuint (aims_risks_count_overdue (fixture->store, "2026-11-22", &error), ==, n);
  g_assert_no_error (error);
  g_assert_cmpuint (aims_risks_count_overdue (fixture->store, "2000-01-01", &error), ==, 0);

  /* Everything at once. */
  filter.system = systems[1];
  filter.objective = "C.2.5";
  filter.flags |= AIMS_RISK_FILTER_ABOVE_TOLERANCE;
  assert_counts (fixture->store, matrix, &filter, NULL);
}

/* The demo's risks keep every rule and their levels are the matrix's. */
static void
test_demo_consistent (Fixture       *fixture,
                      gconstpointer  data)
{
  AimsDemoScale scale = GPOINTER_TO_UINT (data);
  g_autoptr(AimsMatrix) matrix = aims_store_dup_matrix (fixture->store);
  const AimsTableInfo *table = aims_schema_lookup_table ("risk");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) uuids = NULL;
  guint n_accepted = 0, n_manual = 0;

  g_assert_true (aims_demo_generate (fixture->store, scale, 42, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (aims_store_count (fixture->store, "risk"), ==,
                    aims_demo_scale_get_n_risks (scale));
  g_assert_cmpuint (aims_store_count (fixture->store, "treatment_action"), >,
                    aims_store_count (fixture->store, "risk") / 2);
  g_assert_cmpuint (aims_store_count (fixture->store, "risk_system"), >=,
                    aims_store_count (fixture->store, "risk"));

  uuids = aims_store_dup_uuids (fixture->store, "risk", &error);
  g_assert_no_error (error);
  for (guint k = 0; uuids[k] != NULL; k++)
    {
      g_autoptr(GHashTable) record = _aims_store_dup_record (fixture->store, table, uuids[k],
                                                             &error);
      g_autoptr(GHashTable) derived = NULL;
      g_autofree char *status = NULL;

      g_assert_no_error (error);
      g_assert_true (_aims_rules_check_record (table, record, NULL, &error));
      g_assert_no_error (error);
      g_assert_true (_aims_rules_check_risk (table, record, NULL, matrix, &error));
      g_assert_no_error (error);

      /* Deriving again changes nothing. */
      derived = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                       (GDestroyNotify) g_variant_unref);
      {
        GHashTableIter iter;
        gpointer key, value;

        g_hash_table_iter_init (&iter, record);
        while (g_hash_table_iter_next (&iter, &key, &value))
          g_hash_table_insert (derived, key, g_variant_ref (value));
      }
      _aims_risks_derive (matrix, derived, NULL, AIMS_RISK_DERIVE_REMAP, NULL);
      for (const char * const *name = _aims_risks_derived_fields (); *name; name++)
        g_assert_true (g_variant_equal (g_hash_table_lookup (record, *name),
                                        g_hash_table_lookup (derived, *name)));

      status = get_text (fixture->store, uuids[k], "status");
      n_accepted += g_str_equal (status, "accepted");
      n_manual += get_int (fixture->store, uuids[k], "next_review_manual");
    }

  g_assert_cmpuint (n_accepted, >=, 2);
  g_assert_cmpuint (n_manual, ==, 0);

  /* One undo removes the whole demo, risks included. */
  g_assert_true (aims_store_undo (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (aims_store_count (fixture->store, "risk"), ==, 0);
  g_assert_cmpuint (aims_store_count (fixture->store, "treatment_action"), ==, 0);
  g_assert_cmpuint (aims_store_count (fixture->store, "risk_system"), ==, 0);
}

static char *
copy_v3_fixture (const char *dir)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "project-v3.aims", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  char *target = g_build_filename (dir, "v3.aims", NULL);
  gsize len;

  g_file_get_contents (source, &contents, &len, &error);
  g_assert_no_error (error);
  g_file_set_contents (target, contents, len, &error);
  g_assert_no_error (error);

  return target;
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

/* The committed format 3 file upgrades in the working copy, keeps its
 * inventory and history, gains the register and saves as format 4. */
static void
test_upgrade_v3 (void)
{
  g_autofree char *dir = aims_test_make_dir ();
  g_autofree char *path = copy_v3_fixture (dir);
  g_autofree char *saved = g_build_filename (dir, "v4.aims", NULL);
  g_autofree char *before = aims_test_sha256_file (path);
  g_autofree char *after = NULL;
  g_autoptr(AimsProjectFileInfo) info = NULL;
  g_autoptr(AimsDocument) document = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) target = g_file_new_for_path (saved);
  g_autoptr(GError) error = NULL;
  g_autofree char *system = NULL;
  g_autofree char *risk = NULL;
  g_auto(GStrv) systems = NULL;
  AimsStore *store;
  sqlite3 *db;

  g_assert_true (aims_project_file_check_full (path, AIMS_CHECK_NONE, &info, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (info->format_version, ==, 3);

  document = aims_document_open (file, AIMS_OPEN_NONE, "Upgrader", &error);
  g_assert_no_error (error);
  store = aims_document_get_store (document);
  db = _aims_store_get_db (store);

  g_assert_cmpint (query_int (db, "PRAGMA user_version"), ==, AIMS_FORMAT_VERSION);
  g_assert_false (aims_document_get_modified (document));
  g_assert_cmpuint (aims_store_count (store, "ai_system"), ==, 13);
  g_assert_cmpuint (aims_store_count (store, "data_set"), ==, 11);
  g_assert_cmpuint (aims_store_count (store, "system_data_set"), ==, 15);
  g_assert_cmpuint (aims_store_count (store, "risk"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM change_log"), ==, 65);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM changeset WHERE kind = 'migration' "
                                  "AND label LIKE '%3 to 4%' AND author = 'Upgrader'"), ==, 1);

  /* The register works on the upgraded file. */
  systems = aims_store_dup_uuids (store, "ai_system", &error);
  g_assert_no_error (error);
  risk = add_risk (store, "R-001", 4, 4);
  system = aims_store_link (store, "risk_system", risk, systems[0], &error);
  g_assert_no_error (error);
  g_assert_nonnull (system);
  g_assert_cmpint (get_int (store, risk, "inherent_level"), ==, 3);

  g_assert_true (aims_document_save_as (document, target, &error));
  g_assert_no_error (error);
  aims_document_close (document);

  /* The original is untouched; the copy is a sound file of the current format. */
  after = aims_test_sha256_file (path);
  g_assert_cmpstr (before, ==, after);
  g_clear_pointer (&info, aims_project_file_info_free);
  g_assert_true (aims_project_file_check_full (saved, AIMS_CHECK_NONE, &info, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (info->format_version, ==, AIMS_FORMAT_VERSION);

  aims_test_remove_tree (dir);
}

/* The demo file has no history of its own: the changeset that generated it
 * and the project's fields, no log row per generated record. */
static void
test_demo_file_history (void)
{
  g_autofree char *dir = aims_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "demo.aims", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(AimsDocument) document = NULL;
  g_autoptr(GListModel) project_history = NULL;
  g_autoptr(GListModel) risk_history = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *project = NULL;
  g_auto(GStrv) risks = NULL;
  AimsStore *store;
  sqlite3 *db;
  guint n_generated = 0;

  g_assert_true (aims_demo_write_file (path, AIMS_DEMO_SCALE_SMALL, 42, &error));
  g_assert_no_error (error);
  document = aims_document_open (file, AIMS_OPEN_NONE, "Reader", &error);
  g_assert_no_error (error);
  store = aims_document_get_store (document);
  db = _aims_store_get_db (store);

  g_assert_cmpuint (aims_store_count (store, "risk"), ==,
                    aims_demo_scale_get_n_risks (AIMS_DEMO_SCALE_SMALL));
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM change_log "
                                  "WHERE record_table != 'project'"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM changeset "
                                  "WHERE label = 'Generate the demo project' AND kind = 'import' "
                                  "AND author = 'Demo generator'"), ==, 1);

  project = aims_store_dup_project_uuid (store);
  project_history = aims_store_list_history (store, project);
  for (guint i = 0; i < g_list_model_get_n_items (project_history); i++)
    {
      g_autoptr(AimsChange) change = g_list_model_get_item (project_history, i);

      n_generated += g_strcmp0 (aims_change_get_changeset_label (change),
                                "Generate the demo project") == 0;
    }
  g_assert_cmpuint (n_generated, ==, 3);

  /* A generated risk has no changes yet; its own fields say who made it. */
  risks = aims_store_dup_uuids (store, "risk", &error);
  g_assert_no_error (error);
  risk_history = aims_store_list_history (store, risks[0]);
  g_assert_cmpuint (g_list_model_get_n_items (risk_history), ==, 0);
  {
    g_autofree char *author = aims_store_dup_text (store, "risk", risks[0], "author", NULL);

    g_assert_cmpstr (author, ==, "Demo generator");
  }

  aims_document_close (document);
  aims_test_remove_tree (dir);
}

/* The file checks compare with what migrations produce, so they know the new
 * tables: a sound format 4 file opens, one with an extra trigger or index on
 * the register does not. */
static void
test_hostile (void)
{
  const char * const attacks[] = {
    "CREATE TRIGGER evil AFTER UPDATE ON risk BEGIN UPDATE risk SET inherent_level = 0; END;",
    "CREATE INDEX sneaky ON treatment_action (owner);",
    "DROP INDEX risk_cell;",
    "CREATE TABLE risk_notes (risk TEXT, note TEXT);",
  };
  g_autofree char *dir = aims_test_make_dir ();
  g_autofree char *good = g_build_filename (dir, "good.aims", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (aims_demo_write_file (good, AIMS_DEMO_SCALE_SMALL, 7, &error));
  g_assert_no_error (error);
  g_assert_true (aims_project_file_check (good, AIMS_CHECK_NONE, NULL, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (attacks); i++)
    {
      g_autofree char *bad = g_strdup_printf ("%s/bad-%u.aims", dir, i);
      g_autofree char *contents = NULL;
      sqlite3 *db = NULL;
      gsize len;

      g_file_get_contents (good, &contents, &len, &error);
      g_assert_no_error (error);
      g_file_set_contents (bad, contents, len, &error);
      g_assert_no_error (error);

      g_assert_cmpint (sqlite3_open (bad, &db), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_exec (db, attacks[i], NULL, NULL, NULL), ==, SQLITE_OK);
      sqlite3_close (db);

      g_assert_false (aims_project_file_check (bad, AIMS_CHECK_NONE, NULL, &error));
      g_assert_nonnull (error);
      g_assert_true (error->domain == AIMS_FILE_ERROR);
      g_test_message ("%s → %s", attacks[i], error->message);
      g_clear_error (&error);
    }

  aims_test_remove_tree (dir);
}

/* -m perf: count_cells on 100,000 risks (the huge scale's register). */
static void
test_count_cells_perf (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(AimsMatrix) matrix = aims_store_dup_matrix (fixture->store);
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  sqlite3 *db = _aims_store_get_db (fixture->store);
  sqlite3_stmt *stmt = NULL;
  AimsRiskFilter filter;
  const guint n = 100000;

  g_assert_cmpint (sqlite3_exec (db, "BEGIN", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "INSERT INTO risk (uuid, reference, title, description, "
                                       "owner, inherent_likelihood, inherent_impact, "
                                       "inherent_level, residual_likelihood, residual_impact, "
                                       "residual_level, next_review, created, modified) "
                                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', '')",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  for (guint k = 0; k < n; k++)
    {
      g_autofree char *uuid = g_uuid_string_random ();
      g_autofree char *reference = g_strdup_printf ("R-%06u", k);
      guint il = g_rand_int_range (rand, 1, 6), ii = g_rand_int_range (rand, 1, 6);
      guint rl = g_rand_int_range (rand, 0, il + 1), ri = rl > 0 ? g_rand_int_range (rand, 1, 6)
                                                                 : 0;

      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, reference, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, "A risk of a typical length for the register", -1,
                         SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, "A description of several sentences, as people write them "
                                  "in a register: what could happen, to whom, and why it "
                                  "matters to the organisation and its customers.", -1,
                         SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, k % 7 == 0 ? "Priya Raman" : "Tom Gallagher", -1,
                         SQLITE_STATIC);
      sqlite3_bind_int (stmt, 6, il);
      sqlite3_bind_int (stmt, 7, ii);
      sqlite3_bind_int (stmt, 8, _aims_risks_level (matrix, il, ii));
      sqlite3_bind_int (stmt, 9, rl);
      sqlite3_bind_int (stmt, 10, ri);
      sqlite3_bind_int (stmt, 11, _aims_risks_level (matrix, rl, ri));
      sqlite3_bind_text (stmt, 12, k % 3 == 0 ? "2026-01-01" : "2027-01-01", -1, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_exec (db, "COMMIT; ANALYZE", NULL, NULL, NULL), ==, SQLITE_OK);

  aims_risk_filter_init (&filter);
  for (guint variant = 0; variant < 4; variant++)
    {
      const char *names[] = { "all", "above tolerance", "owner", "overdue" };

      aims_risk_filter_init (&filter);
      if (variant == 1)
        filter.flags = AIMS_RISK_FILTER_ABOVE_TOLERANCE;
      else if (variant == 2)
        filter.owner = "Priya Raman";
      else if (variant == 3)
        {
          filter.flags = AIMS_RISK_FILTER_OVERDUE;
          filter.today = "2026-06-01";
        }

      g_array_set_size (times, 0);
      for (guint run = 0; run < 21; run++)
        {
          gint64 start = g_get_monotonic_time ();
          g_autoptr(AimsHeatmapCounts) counts = aims_risks_count_cells (fixture->store, matrix,
                                                                        &filter, &error);
          double ms = (g_get_monotonic_time () - start) / 1000.0;

          g_assert_no_error (error);
          if (variant == 0)
            g_assert_cmpuint (aims_heatmap_counts_get_total (counts), ==, n);
          g_array_append_val (times, ms);
        }
      {
        double best = G_MAXDOUBLE, sum = 0;

        for (guint r = 0; r < times->len; r++)
          {
            best = MIN (best, g_array_index (times, double, r));
            sum += g_array_index (times, double, r);
          }
        g_test_minimized_result (best, "count_cells (%s) on %u risks: best %.2f ms, mean %.2f ms",
                                 names[variant], n, best, sum / times->len);
      }
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/risks/schema", test_schema);
  ADD ("/risks/levels-every-cell", test_levels_every_cell);
  ADD ("/risks/levels-refused", test_levels_refused);
  ADD ("/risks/rules", test_rules);
  ADD ("/risks/next-review", test_next_review);
  ADD ("/risks/undo-score", test_undo_score);
  ADD ("/risks/matrix-remap", test_matrix_remap);
  ADD ("/risks/preview-remap", test_preview_remap);
  ADD ("/risks/count-cells", test_count_cells);
  g_test_add ("/risks/demo-small", Fixture, GUINT_TO_POINTER (AIMS_DEMO_SCALE_SMALL),
              fixture_set_up, test_demo_consistent, fixture_tear_down);
  if (g_test_slow ())
    g_test_add ("/risks/demo-large", Fixture, GUINT_TO_POINTER (AIMS_DEMO_SCALE_LARGE),
                fixture_set_up, test_demo_consistent, fixture_tear_down);
  if (g_test_perf ())
    ADD ("/risks/count-cells-perf", test_count_cells_perf);
  g_test_add_func ("/risks/upgrade-v3-fixture", test_upgrade_v3);
  g_test_add_func ("/risks/hostile", test_hostile);
  g_test_add_func ("/risks/demo-file-history", test_demo_file_history);

#undef ADD

  return g_test_run ();
}
