/* test-risk-register.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the risk register adds on top of the risk record (issue 5): the
 * rules of a risk acceptance and the warning when it exceeds the appetite,
 * the register's "above tolerance" and "overdue review" filters against a
 * definition computed here from the records, treatment actions (overdue,
 * summary, adding one) and a risk created from an AI system's page. */

#include "config.h"

#include "aims-test-util.h"

#include "aims-store-private.h"

#include <string.h>

typedef struct
{
  char      *dir;
  AimsStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = aims_test_make_dir ();
  path = g_build_filename (fixture->dir, "register.db", NULL);
  fixture->store = aims_store_new (path, "Ada", &error);
  g_assert_no_error (error);
  g_assert_true (_aims_store_create_project (fixture->store, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  aims_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static char *
add_risk (AimsStore  *store,
          const char *reference,
          guint       likelihood,
          guint       impact)
{
  g_autoptr(GHashTable) values = aims_test_values ("reference", g_variant_new_string (reference),
                                                   "title", g_variant_new_string (reference),
                                                   "inherent_likelihood",
                                                   g_variant_new_int64 (likelihood),
                                                   "inherent_impact",
                                                   g_variant_new_int64 (impact),
                                                   "assessed",
                                                   g_variant_new_string ("2026-01-10"),
                                                   NULL);
  g_autoptr(GError) error = NULL;
  char *uuid = aims_store_insert (store, "risk", values, &error);

  g_assert_no_error (error);
  g_assert_nonnull (uuid);
  return uuid;
}

static void
update_ok (AimsStore  *store,
           const char *table,
           const char *uuid,
           const char *field,
           GVariant   *value)
{
  g_autoptr(GError) error = NULL;

  g_variant_ref_sink (value);
  g_assert_true (aims_rules_check_update (store, table, uuid, field, value, &error));
  g_assert_no_error (error);
  g_assert_true (aims_store_update (store, table, uuid, field, value, &error));
  g_assert_no_error (error);
  g_variant_unref (value);
}

/* Refused by both paths with the same code and @message, leaving the
 * field as it was. */
static void
update_refused (AimsStore  *store,
                const char *uuid,
                const char *field,
                GVariant   *value,
                gint        code,
                const char *message)
{
  g_autoptr(GError) check_error = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) before = aims_store_get (store, "risk", uuid, field, NULL);
  g_autoptr(GVariant) after = NULL;
  gint64 last_change = aims_store_get_last_change_id (store);

  g_variant_ref_sink (value);
  g_assert_false (aims_rules_check_update (store, "risk", uuid, field, value, &check_error));
  g_assert_error (check_error, AIMS_RULE_ERROR, code);
  g_assert_false (aims_store_update (store, "risk", uuid, field, value, &error));
  g_assert_error (error, AIMS_RULE_ERROR, code);
  g_assert_cmpstr (error->message, ==, check_error->message);
  if (message != NULL)
    g_assert_cmpstr (error->message, ==, message);
  g_variant_unref (value);

  after = aims_store_get (store, "risk", uuid, field, NULL);
  g_assert_true (g_variant_equal (before, after));
  g_assert_cmpint (aims_store_get_last_change_id (store), ==, last_change);
}

static void
fill_acceptance (AimsStore  *store,
                 const char *uuid)
{
  update_ok (store, "risk", uuid, "accepted_by", g_variant_new_string ("Priya Raman"));
  update_ok (store, "risk", uuid, "acceptance_role",
             g_variant_new_string ("Head of Claims Operations"));
  update_ok (store, "risk", uuid, "acceptance_date", g_variant_new_string ("2026-03-01"));
  update_ok (store, "risk", uuid, "acceptance_rationale",
             g_variant_new_string ("Manual triage keeps claims moving."));
}

/* Accepting a risk, by its treatment or its status, needs who, in what
 * role, when and why; the message names the field being edited and the one
 * to fill in, by their labels. */
static void
test_acceptance_rules (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *uuid = add_risk (fixture->store, "R-001", 2, 3);

  update_refused (fixture->store, uuid, "treatment", g_variant_new_string ("accept"),
                  AIMS_RULE_ERROR_ACCEPTANCE_REQUIRED,
                  "Treatment: an accepted risk needs “Accepted by”; fill it in first.");
  update_ok (fixture->store, "risk", uuid, "accepted_by", g_variant_new_string ("Priya Raman"));
  update_refused (fixture->store, uuid, "treatment", g_variant_new_string ("accept"),
                  AIMS_RULE_ERROR_ACCEPTANCE_REQUIRED,
                  "Treatment: an accepted risk needs “Role of the acceptor”; fill it in first.");
  update_ok (fixture->store, "risk", uuid, "acceptance_role",
             g_variant_new_string ("Head of Claims Operations"));
  update_refused (fixture->store, uuid, "treatment", g_variant_new_string ("accept"),
                  AIMS_RULE_ERROR_ACCEPTANCE_REQUIRED,
                  "Treatment: an accepted risk needs “Acceptance date”; fill it in first.");
  update_ok (fixture->store, "risk", uuid, "acceptance_date", g_variant_new_string ("2026-03-01"));
  update_refused (fixture->store, uuid, "treatment", g_variant_new_string ("accept"),
                  AIMS_RULE_ERROR_ACCEPTANCE_REQUIRED,
                  "Treatment: an accepted risk needs “Rationale for acceptance”; fill it in "
                  "first.");
  update_ok (fixture->store, "risk", uuid, "acceptance_rationale",
             g_variant_new_string ("Manual triage keeps claims moving."));

  /* The status "accepted" needs the treatment "accept" */
  update_refused (fixture->store, uuid, "status", g_variant_new_string ("accepted"),
                  AIMS_RULE_ERROR_ACCEPTANCE_REQUIRED,
                  "Status: only a risk whose treatment is “Accept” can be accepted.");
  update_ok (fixture->store, "risk", uuid, "treatment", g_variant_new_string ("accept"));
  update_ok (fixture->store, "risk", uuid, "status", g_variant_new_string ("accepted"));

  /* While accepted, nothing of the acceptance can be emptied */
  update_refused (fixture->store, uuid, "acceptance_role", g_variant_new_string (""),
                  AIMS_RULE_ERROR_ACCEPTANCE_REQUIRED,
                  "Role of the acceptor: required while the risk is accepted.");
  update_refused (fixture->store, uuid, "acceptance_rationale", g_variant_new_string ("  "),
                  AIMS_RULE_ERROR_ACCEPTANCE_REQUIRED,
                  "Rationale for acceptance: required while the risk is accepted.");
  update_refused (fixture->store, uuid, "treatment", g_variant_new_string ("mitigate"),
                  AIMS_RULE_ERROR_ACCEPTANCE_REQUIRED,
                  "Treatment: only a risk whose treatment is “Accept” can be accepted.");

  /* The expiry is not before the acceptance date */
  update_refused (fixture->store, uuid, "acceptance_expiry", g_variant_new_string ("2026-02-28"),
                  AIMS_RULE_ERROR_DATE_ORDER,
                  "Acceptance expires: 2026-02-28 is before the acceptance date (2026-03-01).");
  update_ok (fixture->store, "risk", uuid, "acceptance_expiry", g_variant_new_string ("2026-03-01"));
  update_refused (fixture->store, uuid, "acceptance_date", g_variant_new_string ("2026-03-02"),
                  AIMS_RULE_ERROR_DATE_ORDER, NULL);
  update_refused (fixture->store, uuid, "acceptance_expiry", g_variant_new_string ("next year"),
                  AIMS_RULE_ERROR_INVALID_DATE,
                  "Acceptance expires: “next year” is not a date that exists; write it as "
                  "YYYY-MM-DD.");

  /* Back to mitigating: the acceptance may then be emptied */
  update_ok (fixture->store, "risk", uuid, "status", g_variant_new_string ("assessed"));
  update_ok (fixture->store, "risk", uuid, "treatment", g_variant_new_string ("mitigate"));
  update_ok (fixture->store, "risk", uuid, "acceptance_role", g_variant_new_string (""));
}

/* A new record is judged whole: a risk inserted as accepted must carry its
 * whole acceptance, the role included. */
static void
test_acceptance_insert (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GHashTable) values = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;

  values = aims_test_values ("reference", g_variant_new_string ("R-001"),
                             "title", g_variant_new_string ("Vendor retires the model"),
                             "inherent_likelihood", g_variant_new_int64 (2),
                             "inherent_impact", g_variant_new_int64 (3),
                             "treatment", g_variant_new_string ("accept"),
                             "accepted_by", g_variant_new_string ("Priya Raman"),
                             "acceptance_date", g_variant_new_string ("2026-06-20"),
                             "acceptance_rationale", g_variant_new_string ("Notice period."),
                             NULL);
  g_assert_false (aims_rules_check_insert (fixture->store, "risk", values, &error));
  g_assert_error (error, AIMS_RULE_ERROR, AIMS_RULE_ERROR_ACCEPTANCE_REQUIRED);
  g_assert_nonnull (strstr (error->message, "Role of the acceptor"));
  g_clear_error (&error);
  g_assert_null (aims_store_insert (fixture->store, "risk", values, &error));
  g_assert_error (error, AIMS_RULE_ERROR, AIMS_RULE_ERROR_ACCEPTANCE_REQUIRED);
  g_clear_error (&error);
  g_assert_cmpuint (aims_store_count (fixture->store, "risk"), ==, 0);

  g_hash_table_insert (values, (gpointer) "acceptance_role",
                       g_variant_ref_sink (g_variant_new_string ("Head of Claims")));
  uuid = aims_store_insert (fixture->store, "risk", values, &error);
  g_assert_no_error (error);
  g_assert_nonnull (uuid);
}

/* Accepting a risk above the tolerance is allowed, with a warning that
 * names the level and the tolerance; within the appetite, or not accepted,
 * there is none. The default 5×5 matrix tolerates up to "Moderate". */
static void
test_acceptance_warning (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *uuid = add_risk (fixture->store, "R-001", 5, 5);
  g_autofree char *warning = NULL;
  g_autoptr(GError) error = NULL;

  /* Critical, but not accepted: no warning */
  g_assert_null (aims_rules_dup_acceptance_warning (fixture->store, uuid));

  fill_acceptance (fixture->store, uuid);
  update_ok (fixture->store, "risk", uuid, "treatment", g_variant_new_string ("accept"));
  warning = aims_rules_dup_acceptance_warning (fixture->store, uuid);
  g_assert_cmpstr (warning, ==,
                   "This acceptance exceeds the risk appetite: with no residual score yet, the "
                   "inherent level “Critical” is above the tolerance “Moderate”.");
  g_clear_pointer (&warning, g_free);

  /* The residual level counts once it is set */
  g_assert_true (aims_risks_set_score (fixture->store, uuid, AIMS_RISK_RESIDUAL, 4, 3, &error));
  g_assert_no_error (error);
  warning = aims_rules_dup_acceptance_warning (fixture->store, uuid);
  g_assert_cmpstr (warning, ==,
                   "This acceptance exceeds the risk appetite: the residual level “High” is "
                   "above the tolerance “Moderate”.");
  g_clear_pointer (&warning, g_free);

  g_assert_true (aims_risks_set_score (fixture->store, uuid, AIMS_RISK_RESIDUAL, 2, 2, &error));
  g_assert_no_error (error);
  g_assert_null (aims_rules_dup_acceptance_warning (fixture->store, uuid));

  /* The status alone accepts it too; a wider tolerance removes the warning */
  g_assert_true (aims_risks_set_score (fixture->store, uuid, AIMS_RISK_RESIDUAL, 3, 3, &error));
  g_assert_no_error (error);
  update_ok (fixture->store, "risk", uuid, "status", g_variant_new_string ("accepted"));
  warning = aims_rules_dup_acceptance_warning (fixture->store, uuid);
  g_assert_nonnull (warning);
  g_assert_nonnull (strstr (warning, "“Significant”"));
  g_clear_pointer (&warning, g_free);
  {
    g_autoptr(AimsMatrix) matrix = aims_store_dup_matrix (fixture->store);

    aims_matrix_set_tolerance (matrix, 2);
    g_assert_true (aims_store_set_matrix (fixture->store, matrix, &error));
    g_assert_no_error (error);
  }
  g_assert_null (aims_rules_dup_acceptance_warning (fixture->store, uuid));

  /* Unknown risks have no warning */
  g_assert_null (aims_rules_dup_acceptance_warning (fixture->store,
                                                    "00000000-0000-4000-8000-000000000000"));
}

/* The definitions, computed here from each record as DOMAIN.md words them:
 * above tolerance is the residual level, or the inherent one where no
 * residual is set, above the tolerance; overdue is a next review before the
 * day. Closed risks are neither, as in the Overview's figures. */
static gboolean
expect_above (AimsStore  *store,
              AimsMatrix *matrix,
              const char *uuid)
{
  g_autoptr(GVariant) inherent = aims_store_get (store, "risk", uuid, "inherent_level", NULL);
  g_autoptr(GVariant) residual = aims_store_get (store, "risk", uuid, "residual_level", NULL);
  g_autofree char *status = aims_store_dup_text (store, "risk", uuid, "status", NULL);
  gint64 level = g_variant_get_int64 (residual) >= 0 ? g_variant_get_int64 (residual)
                                                    : g_variant_get_int64 (inherent);

  return !g_str_equal (status, "closed") && level > aims_matrix_get_tolerance (matrix);
}

static gboolean
expect_overdue (AimsStore  *store,
                const char *uuid,
                const char *today)
{
  g_autofree char *next = aims_store_dup_text (store, "risk", uuid, "next_review", NULL);
  g_autofree char *status = aims_store_dup_text (store, "risk", uuid, "status", NULL);

  return !g_str_equal (status, "closed") && next[0] != '\0' && strcmp (next, today) < 0;
}

/* The uuids in @list, sorted, joined */
static char *
list_uuids (AimsRecordList *list)
{
  g_autoptr(GPtrArray) uuids = g_ptr_array_new_with_free_func (g_free);

  for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (list)); k++)
    {
      g_autoptr(AimsRecord) record = g_list_model_get_item (G_LIST_MODEL (list), k);

      g_ptr_array_add (uuids, g_strdup (aims_record_get_uuid (record)));
    }
  g_ptr_array_sort (uuids, aims_test_compare_lines);
  g_ptr_array_add (uuids, NULL);

  return g_strjoinv (",", (char **) uuids->pdata);
}

static char *
expected_uuids (AimsStore  *store,
                AimsMatrix *matrix,
                gboolean    above,
                gboolean    overdue,
                const char *today,
                const char *owner)
{
  g_autoptr(GPtrArray) uuids = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) all = aims_store_dup_uuids (store, "risk", NULL);

  for (guint k = 0; all[k] != NULL; k++)
    {
      g_autofree char *risk_owner = aims_store_dup_text (store, "risk", all[k], "owner", NULL);

      if ((above && !expect_above (store, matrix, all[k])) ||
          (overdue && !expect_overdue (store, all[k], today)) ||
          (owner != NULL && g_ascii_strcasecmp (owner, risk_owner) != 0))
        continue;
      g_ptr_array_add (uuids, g_strdup (all[k]));
    }
  g_ptr_array_sort (uuids, aims_test_compare_lines);
  g_ptr_array_add (uuids, NULL);

  return g_strjoinv (",", (char **) uuids->pdata);
}

static void
assert_list (AimsRecordList *list,
             const char     *expected)
{
  g_autofree char *shown = list_uuids (list);

  g_assert_cmpstr (shown, ==, expected);
}

static void
test_register_filters (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(AimsMatrix) matrix = NULL;
  g_autoptr(AimsRecordList) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *all = NULL;
  const char *today = "2026-11-22";
  AimsRiskFilter filter;
  guint total;

  g_assert_true (aims_demo_generate (fixture->store, AIMS_DEMO_SCALE_SMALL, 42, &error));
  g_assert_no_error (error);
  matrix = aims_store_dup_matrix (fixture->store);
  list = aims_record_list_new (fixture->store, "risk");
  total = g_list_model_get_n_items (G_LIST_MODEL (list));
  all = list_uuids (list);

  /* Above tolerance: what the Overview counts, and only that */
  aims_risk_filter_init (&filter);
  filter.flags = AIMS_RISK_FILTER_ABOVE_TOLERANCE | AIMS_RISK_FILTER_OPEN;
  aims_record_list_set_risk_filter (list, &filter);
  expected = expected_uuids (fixture->store, matrix, TRUE, FALSE, NULL, NULL);
  assert_list (list, expected);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==,
                    aims_risks_count_above_tolerance (fixture->store, matrix, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), <, total);
  g_assert_cmpuint (aims_record_list_get_total (list), ==, total);
  g_clear_pointer (&expected, g_free);

  /* Overdue review on the demo's day */
  filter.flags = AIMS_RISK_FILTER_OVERDUE | AIMS_RISK_FILTER_OPEN;
  filter.today = today;
  aims_record_list_set_risk_filter (list, &filter);
  expected = expected_uuids (fixture->store, matrix, FALSE, TRUE, today, NULL);
  assert_list (list, expected);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==,
                    aims_risks_count_overdue (fixture->store, today, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), >, 0);
  g_clear_pointer (&expected, g_free);

  /* Both, with an owner facet and a search: every condition holds */
  filter.flags |= AIMS_RISK_FILTER_ABOVE_TOLERANCE;
  aims_record_list_set_risk_filter (list, &filter);
  expected = expected_uuids (fixture->store, matrix, TRUE, TRUE, today, NULL);
  assert_list (list, expected);
  g_clear_pointer (&expected, g_free);
  aims_record_list_set_filter (list, "owner", "Tom Gallagher, Head of Special Investigations");
  aims_record_list_set_search (list, "R-0");
  expected = expected_uuids (fixture->store, matrix, TRUE, TRUE, today,
                             "Tom Gallagher, Head of Special Investigations");
  assert_list (list, expected);
  g_clear_pointer (&expected, g_free);
  aims_record_list_set_filter (list, "owner", NULL);
  aims_record_list_set_search (list, NULL);

  /* The list follows a change of the tolerance */
  filter.flags = AIMS_RISK_FILTER_ABOVE_TOLERANCE | AIMS_RISK_FILTER_OPEN;
  aims_record_list_set_risk_filter (list, &filter);
  aims_matrix_set_tolerance (matrix, 2);
  g_assert_true (aims_store_set_matrix (fixture->store, matrix, &error));
  g_assert_no_error (error);
  expected = expected_uuids (fixture->store, matrix, TRUE, FALSE, NULL, NULL);
  assert_list (list, expected);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==,
                    aims_risks_count_above_tolerance (fixture->store, matrix, NULL));
  g_clear_pointer (&expected, g_free);

  /* …and a risk whose level changes */
  {
    g_autoptr(AimsRecord) first = g_list_model_get_item (G_LIST_MODEL (list), 0);
    g_autofree char *uuid = g_strdup (aims_record_get_uuid (first));
    guint before = g_list_model_get_n_items (G_LIST_MODEL (list));

    g_assert_true (aims_risks_set_score (fixture->store, uuid, AIMS_RISK_RESIDUAL, 1, 1, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, before - 1);
    g_assert_cmpuint (aims_record_list_find (list, uuid), ==, G_MAXUINT);
  }

  /* NULL lets every risk through again */
  aims_record_list_set_risk_filter (list, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, total);
  assert_list (list, all);
}

/* Overdue means open and due before the day; cancelled and done actions,
 * and actions without a date, never are. */
static void
test_action_overdue (void)
{
  g_assert_true (aims_treatment_action_is_overdue ("2026-11-21", "planned", "2026-11-22"));
  g_assert_true (aims_treatment_action_is_overdue ("2025-01-01", "in-progress", "2026-11-22"));
  g_assert_false (aims_treatment_action_is_overdue ("2026-11-22", "planned", "2026-11-22"));
  g_assert_false (aims_treatment_action_is_overdue ("2026-11-21", "done", "2026-11-22"));
  g_assert_false (aims_treatment_action_is_overdue ("2026-11-21", "cancelled", "2026-11-22"));
  g_assert_false (aims_treatment_action_is_overdue ("", "planned", "2026-11-22"));
  g_assert_false (aims_treatment_action_is_overdue (NULL, "planned", "2026-11-22"));
  g_assert_false (aims_treatment_action_is_overdue ("soon", "planned", "2026-11-22"));
  g_assert_true (aims_treatment_action_is_overdue ("2000-01-01", "planned", NULL));
  g_assert_false (aims_treatment_action_is_overdue ("2999-01-01", "planned", NULL));

  g_assert_true (aims_treatment_action_is_open ("planned"));
  g_assert_true (aims_treatment_action_is_open ("in-progress"));
  g_assert_false (aims_treatment_action_is_open ("done"));
  g_assert_false (aims_treatment_action_is_open ("cancelled"));
  g_assert_false (aims_treatment_action_is_open (NULL));
}

static char *
add_action (AimsStore  *store,
            const char *risk,
            const char *what,
            const char *due,
            const char *status)
{
  g_autoptr(GError) error = NULL;
  char *uuid = aims_treatment_add_action (store, risk, what, &error);

  g_assert_no_error (error);
  g_assert_nonnull (uuid);
  update_ok (store, "treatment_action", uuid, "due_date", g_variant_new_string (due));
  update_ok (store, "treatment_action", uuid, "status", g_variant_new_string (status));
  return uuid;
}

static void
test_actions (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *risk = add_risk (fixture->store, "R-001", 3, 4);
  g_autofree char *other = add_risk (fixture->store, "R-002", 3, 4);
  g_autofree char *action = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  AimsTreatmentSummary summary;

  update_ok (fixture->store, "risk", risk, "owner", g_variant_new_string ("Wei Chen"));

  /* A new action is planned, owned by the risk's owner, one undo step */
  action = aims_treatment_add_action (fixture->store, risk, "Retrain the model", &error);
  g_assert_no_error (error);
  g_assert_nonnull (action);
  text = aims_store_dup_text (fixture->store, "treatment_action", action, "owner", NULL);
  g_assert_cmpstr (text, ==, "Wei Chen");
  g_clear_pointer (&text, g_free);
  text = aims_store_dup_text (fixture->store, "treatment_action", action, "status", NULL);
  g_assert_cmpstr (text, ==, "planned");
  g_clear_pointer (&text, g_free);
  text = aims_store_dup_undo_label (fixture->store);
  g_assert_nonnull (text);
  g_clear_pointer (&text, g_free);
  g_assert_true (aims_store_undo (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (aims_store_count (fixture->store, "treatment_action"), ==, 0);

  /* What is required; an unknown risk is refused */
  g_assert_null (aims_treatment_add_action (fixture->store, risk, " ", &error));
  g_assert_error (error, AIMS_RULE_ERROR, AIMS_RULE_ERROR_REQUIRED);
  g_clear_error (&error);
  g_assert_null (aims_treatment_add_action (fixture->store,
                                            "00000000-0000-4000-8000-000000000000", "Fix",
                                            &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpuint (aims_store_count (fixture->store, "treatment_action"), ==, 0);

  g_free (add_action (fixture->store, risk, "Bias audit", "2026-10-31", "done"));
  g_free (add_action (fixture->store, risk, "Remove features", "2026-11-01", "in-progress"));
  g_free (add_action (fixture->store, risk, "Quarterly review", "2027-01-31", "planned"));
  g_free (add_action (fixture->store, risk, "Old idea", "2026-01-01", "cancelled"));
  g_free (add_action (fixture->store, other, "Elsewhere", "2026-01-01", "planned"));

  g_assert_true (aims_treatment_summarize (fixture->store, risk, "2026-11-22", &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.n_actions, ==, 4);
  g_assert_cmpuint (summary.n_done, ==, 1);
  g_assert_cmpuint (summary.n_open, ==, 2);
  g_assert_cmpuint (summary.n_overdue, ==, 1);

  g_assert_true (aims_treatment_summarize (fixture->store, risk, "2027-02-01", &summary, &error));
  g_assert_cmpuint (summary.n_overdue, ==, 2);
  g_assert_true (aims_treatment_summarize (fixture->store, risk, "2026-01-01", &summary, &error));
  g_assert_cmpuint (summary.n_overdue, ==, 0);

  /* Bad values are refused with the field's label */
  {
    g_auto(GStrv) actions = aims_store_dup_uuids (fixture->store, "treatment_action", NULL);

    g_assert_false (aims_store_update (fixture->store, "treatment_action", actions[0], "due_date",
                                       g_variant_new_string ("31/12/2026"), &error));
    g_assert_error (error, AIMS_RULE_ERROR, AIMS_RULE_ERROR_INVALID_DATE);
    g_assert_cmpstr (error->message, ==,
                     "Due date: “31/12/2026” is not a date that exists; write it as YYYY-MM-DD.");
    g_clear_error (&error);
  }
}

/* "Add Risk" on an AI system's page: a risk of that system, owned by its
 * business owner, in one undo step. */
static void
test_add_for_system (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *system = aims_test_add_system (fixture->store, "SYS-001", "Claims triage");
  g_autofree char *existing = add_risk (fixture->store, "R-007", 2, 2);
  g_autofree char *uuid = NULL;
  g_autofree char *text = NULL;
  g_autofree char *link = NULL;
  g_autofree char *label = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsRecordList) risks = NULL;

  update_ok (fixture->store, "ai_system", system, "business_owner",
             g_variant_new_string ("Priya Raman"));

  uuid = aims_risks_add_for_system (fixture->store, system, "New risk", &error);
  g_assert_no_error (error);
  g_assert_nonnull (uuid);

  text = aims_store_dup_text (fixture->store, "risk", uuid, "reference", NULL);
  g_assert_cmpstr (text, ==, "R-008");
  g_clear_pointer (&text, g_free);
  text = aims_store_dup_text (fixture->store, "risk", uuid, "owner", NULL);
  g_assert_cmpstr (text, ==, "Priya Raman");
  g_clear_pointer (&text, g_free);
  text = aims_store_dup_text (fixture->store, "risk", uuid, "status", NULL);
  g_assert_cmpstr (text, ==, "identified");
  g_clear_pointer (&text, g_free);
  link = aims_store_dup_link_uuid (fixture->store, "risk_system", uuid, system);
  g_assert_nonnull (link);

  /* The system's risks list it */
  risks = aims_record_list_new (fixture->store, "risk");
  aims_record_list_set_linked_to (risks, "risk_system", system);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (risks)), ==, 1);
  g_assert_cmpuint (aims_record_list_find (risks, uuid), ==, 0);

  label = aims_store_dup_undo_label (fixture->store);
  g_assert_cmpstr (label, ==, "Add a risk of an AI system");
  g_assert_true (aims_store_undo (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (aims_store_count (fixture->store, "risk"), ==, 1);
  g_assert_cmpuint (aims_store_count (fixture->store, "risk_system"), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (risks)), ==, 0);

  /* An unknown system adds nothing */
  g_assert_null (aims_risks_add_for_system (fixture->store,
                                            "00000000-0000-4000-8000-000000000000", "New risk",
                                            &error));
  g_assert_error (error, AIMS_STORE_ERROR, AIMS_STORE_ERROR_NOT_FOUND);
  g_assert_cmpuint (aims_store_count (fixture->store, "risk"), ==, 1);
}

/* The demo's acceptances and treatment plans look like a real register:
 * every acceptance complete, some within the appetite and some beyond it,
 * and some actions overdue on the demo's day. */
static void
test_demo_register (Fixture       *fixture,
                    gconstpointer  data)
{
  AimsDemoScale scale = GPOINTER_TO_UINT (data);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) risks = NULL;
  guint n_accepting = 0, n_beyond = 0, n_overdue = 0, n_done = 0;

  g_assert_true (aims_demo_generate (fixture->store, scale, 42, &error));
  g_assert_no_error (error);

  risks = aims_store_dup_uuids (fixture->store, "risk", &error);
  g_assert_no_error (error);
  for (guint k = 0; risks[k] != NULL; k++)
    {
      g_autofree char *treatment = aims_store_dup_text (fixture->store, "risk", risks[k],
                                                        "treatment", NULL);
      g_autofree char *status = aims_store_dup_text (fixture->store, "risk", risks[k], "status",
                                                     NULL);
      g_autofree char *warning = NULL;
      AimsTreatmentSummary summary;

      g_assert_true (aims_treatment_summarize (fixture->store, risks[k], "2026-11-22", &summary,
                                               &error));
      g_assert_no_error (error);
      n_overdue += summary.n_overdue;
      n_done += summary.n_done;

      if (!g_str_equal (treatment, "accept") && !g_str_equal (status, "accepted"))
        continue;

      n_accepting++;
      for (guint f = 0; f < 4; f++)
        {
          static const char * const needed[] = {
            "accepted_by", "acceptance_role", "acceptance_date", "acceptance_rationale"
          };
          g_autofree char *value = aims_store_dup_text (fixture->store, "risk", risks[k],
                                                        needed[f], NULL);

          g_assert_cmpstr (value, !=, "");
        }
      warning = aims_rules_dup_acceptance_warning (fixture->store, risks[k]);
      n_beyond += warning != NULL;
    }

  g_assert_cmpuint (n_accepting, >=, 3);
  g_assert_cmpuint (n_beyond, >, 0);
  g_assert_cmpuint (n_beyond, <, n_accepting);
  g_assert_cmpuint (n_overdue, >, 0);
  g_assert_cmpuint (n_done, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/risk-register/acceptance/rules", test_acceptance_rules);
  ADD ("/risk-register/acceptance/insert", test_acceptance_insert);
  ADD ("/risk-register/acceptance/warning", test_acceptance_warning);
  ADD ("/risk-register/filters", test_register_filters);
  g_test_add_func ("/risk-register/actions/overdue", test_action_overdue);
  ADD ("/risk-register/actions", test_actions);
  ADD ("/risk-register/add-for-system", test_add_for_system);
  /* The generated scales keep the rules too: test-risks checks them */
  g_test_add ("/risk-register/demo/small", Fixture, GUINT_TO_POINTER (AIMS_DEMO_SCALE_SMALL),
              fixture_set_up, test_demo_register, fixture_tear_down);

#undef ADD

  return g_test_run ();
}
