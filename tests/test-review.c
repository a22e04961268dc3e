/* test-review.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Management reviews: the inputs snapshot stays what the review saw when
 * the project changes later; actions are added, edited and removed; the
 * demo's review. */

#include "config.h"

#include <aims-core.h>

#include "aims-test-util.h"

typedef struct
{
  AimsDocument *document;
  AimsStore    *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->document = aims_document_new_untitled ("Test Author", &error);
  g_assert_no_error (error);
  fixture->store = aims_document_get_store (fixture->document);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  aims_document_close (fixture->document);
  g_clear_object (&fixture->document);
}

static char *
add_risk (AimsStore  *store,
          const char *reference,
          guint       likelihood,
          guint       impact)
{
  g_autoptr(GHashTable) values =
    aims_test_values ("reference", g_variant_new_string (reference),
                      "title", g_variant_new_string (reference),
                      "inherent_likelihood", g_variant_new_int64 (likelihood),
                      "inherent_impact", g_variant_new_int64 (impact),
                      NULL);
  g_autoptr(GError) error = NULL;
  char *uuid = aims_store_insert (store, "risk", values, &error);

  g_assert_no_error (error);
  return uuid;
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

static char *
create (AimsStore  *store,
        const char *date)
{
  g_autoptr(GError) error = NULL;
  char *uuid = aims_review_create (store, date, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (uuid);
  return uuid;
}

static void
gather (AimsStore  *store,
        const char *review)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = aims_review_gather_inputs (store, review, &error);

  g_assert_no_error (error);
  g_assert_true (ok);
}

static AimsReviewInputs *
read_inputs (AimsStore  *store,
             const char *review)
{
  g_autoptr(GError) error = NULL;
  AimsReviewInputs *inputs = aims_review_dup_inputs (store, review, &error);

  g_assert_no_error (error);
  g_assert_nonnull (inputs);
  return inputs;
}

/* A new review: MR-001, planned, with no inputs until they are gathered. */
static void
test_create (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *first = create (fixture->store, "2026-06-01");
  g_autofree char *second = create (fixture->store, "2026-12-01");
  g_autofree char *reference = get_text (fixture->store, "management_review", second, "reference");
  g_autofree char *status = get_text (fixture->store, "management_review", first, "status");
  g_autofree char *latest = aims_review_dup_latest (fixture->store);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) list = aims_review_list (fixture->store, &error);
  g_autoptr(AimsReviewInputs) none = aims_review_dup_inputs (fixture->store, first, &error);
  g_autofree char *bad = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (reference, ==, "MR-002");
  g_assert_cmpstr (status, ==, "planned");
  g_assert_cmpstr (latest, ==, second);
  g_assert_cmpuint (g_strv_length (list), ==, 2);
  g_assert_cmpstr (list[0], ==, second);
  g_assert_null (none);

  /* A date that does not exist is refused, saying how to write it */
  bad = aims_review_create (fixture->store, "2026-02-30", NULL, &error);
  g_assert_null (bad);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "YYYY-MM-DD"));
}

/* The snapshot does not change when the project does; gathering again is
 * one undo step. */
static void
test_snapshot_unchanged (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *system = aims_test_add_system (fixture->store, "SYS-001", "Triage");
  g_autofree char *risk = add_risk (fixture->store, "R-001", 5, 5);
  g_autofree char *review = create (fixture->store, "2026-06-01");
  g_autofree char *json = NULL;
  g_autofree char *json_later = NULL;
  g_autofree char *gathered = NULL;
  g_autofree char *more = NULL;
  g_autofree char *another = NULL;
  g_autoptr(AimsReviewInputs) inputs = NULL;
  g_autoptr(AimsReviewInputs) later = NULL;
  g_autoptr(AimsReviewInputs) again = NULL;
  g_autoptr(GError) error = NULL;
  AimsKpiRisk *top;

  gather (fixture->store, review);
  json = get_text (fixture->store, "management_review", review, "inputs");
  gathered = get_text (fixture->store, "management_review", review, "inputs_gathered");
  g_assert_cmpstr (json, !=, "");
  g_assert_cmpstr (gathered, !=, "");

  inputs = read_inputs (fixture->store, review);
  g_assert_cmpstr (inputs->date, ==, "2026-06-01");
  g_assert_cmpuint (inputs->kpi->n_in_scope, ==, 1);
  g_assert_cmpuint (inputs->kpi->n_above_tolerance, ==, 1);
  g_assert_cmpuint (inputs->top_risks->len, ==, 1);
  top = g_ptr_array_index (inputs->top_risks, 0);
  g_assert_cmpstr (top->reference, ==, "R-001");
  g_assert_cmpuint (inputs->n_likelihood, ==, 5);
  g_assert_cmpuint (inputs->inherent[4 * inputs->n_impact + 4], ==, 1);

  /* The project changes: more risks, another system, the first risk treated */
  more = add_risk (fixture->store, "R-002", 5, 4);
  another = aims_test_add_system (fixture->store, "SYS-002", "Pricing");
  g_assert_true (aims_risks_set_score (fixture->store, risk, AIMS_RISK_RESIDUAL, 1, 1, &error));
  g_assert_no_error (error);
  g_assert_true (aims_store_update (fixture->store, "risk", more, "title",
                                    g_variant_new_string ("Renamed"), &error));

  json_later = get_text (fixture->store, "management_review", review, "inputs");
  g_assert_cmpstr (json_later, ==, json);
  later = read_inputs (fixture->store, review);
  g_assert_cmpuint (later->kpi->n_in_scope, ==, 1);
  g_assert_cmpuint (later->kpi->n_above_tolerance, ==, 1);
  g_assert_cmpuint (later->top_risks->len, ==, 1);
  g_assert_cmpstr (((AimsKpiRisk *) g_ptr_array_index (later->top_risks, 0))->reference, ==,
                   "R-001");
  g_assert_cmpuint (later->inherent[4 * later->n_impact + 4], ==, 1);
  g_assert_cmpuint (later->inherent[4 * later->n_impact + 3], ==, 0);

  /* Gathering again sees the project as it is now… */
  gather (fixture->store, review);
  again = read_inputs (fixture->store, review);
  g_assert_cmpuint (again->kpi->n_in_scope, ==, 2);
  g_assert_cmpuint (again->kpi->n_above_tolerance, ==, 1);
  g_assert_cmpstr (((AimsKpiRisk *) g_ptr_array_index (again->kpi->above_tolerance, 0))->title,
                   ==, "Renamed");

  /* …and one undo brings the earlier snapshot back */
  g_assert_true (aims_store_undo (fixture->store, &error));
  g_assert_no_error (error);
  g_clear_pointer (&json_later, g_free);
  json_later = get_text (fixture->store, "management_review", review, "inputs");
  g_assert_cmpstr (json_later, ==, json);
}

/* The snapshot survives saving and opening the file. */
static void
test_snapshot_saved (void)
{
  g_autofree char *dir = aims_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "review.aims", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(AimsDocument) document = NULL;
  g_autoptr(AimsDocument) reopened = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsReviewInputs) inputs = NULL;
  g_autofree char *review = NULL;
  g_autofree char *risk = NULL;

  document = aims_document_new_untitled ("Test Author", &error);
  g_assert_no_error (error);
  risk = add_risk (aims_document_get_store (document), "R-001", 5, 5);
  review = create (aims_document_get_store (document), "2026-06-01");
  gather (aims_document_get_store (document), review);
  g_assert_true (aims_document_save_as (document, file, &error));
  g_assert_no_error (error);
  aims_document_close (document);

  reopened = aims_document_open (file, AIMS_OPEN_READ_ONLY, NULL, &error);
  g_assert_no_error (error);
  inputs = read_inputs (aims_document_get_store (reopened), review);
  g_assert_cmpuint (inputs->kpi->n_above_tolerance, ==, 1);
  aims_document_close (reopened);

  aims_test_remove_tree (dir);
}

/* Actions: added planned, edited, removed; each an undo step; bad values
 * refused with the store's message. */
static void
test_actions (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *review = create (fixture->store, "2026-06-01");
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *status = NULL;
  g_autofree char *owner = NULL;
  g_auto(GStrv) actions = NULL;
  g_autoptr(GError) error = NULL;

  first = aims_review_add_action (fixture->store, review, "Hire a validator", "CRO",
                                  "2026-09-30", &error);
  g_assert_no_error (error);
  second = aims_review_add_action (fixture->store, review, "Automate drift reports", NULL, NULL,
                                   &error);
  g_assert_no_error (error);

  status = get_text (fixture->store, "review_action", first, "status");
  g_assert_cmpstr (status, ==, "planned");
  actions = aims_review_dup_actions (fixture->store, review, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (actions), ==, 2);
  /* By due date, those without one last */
  g_assert_cmpstr (actions[0], ==, first);
  g_assert_cmpstr (actions[1], ==, second);

  g_assert_true (aims_review_set_action (fixture->store, second, "owner", "Head of IT", &error));
  g_assert_true (aims_review_set_action (fixture->store, first, "status", "done", &error));
  g_assert_no_error (error);
  owner = get_text (fixture->store, "review_action", second, "owner");
  g_assert_cmpstr (owner, ==, "Head of IT");

  /* Not a status, not a date: refused, with what to do */
  g_assert_false (aims_review_set_action (fixture->store, first, "status", "finished", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (aims_review_set_action (fixture->store, first, "due_date", "next week",
                                          &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "YYYY-MM-DD"));
  g_clear_error (&error);

  g_assert_true (aims_review_remove_action (fixture->store, second, &error));
  g_assert_no_error (error);
  g_clear_pointer (&actions, g_strfreev);
  actions = aims_review_dup_actions (fixture->store, review, NULL);
  g_assert_cmpuint (g_strv_length (actions), ==, 1);

  g_assert_true (aims_store_undo (fixture->store, &error));
  g_clear_pointer (&actions, g_strfreev);
  actions = aims_review_dup_actions (fixture->store, review, NULL);
  g_assert_cmpuint (g_strv_length (actions), ==, 2);
}

/* A later review's inputs list the earlier reviews' actions with their
 * status, and count incidents since the earlier review. */
static void
test_earlier_actions (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *first = create (fixture->store, "2026-01-15");
  g_autofree char *second = NULL;
  g_autofree char *action = NULL;
  g_autofree char *own = NULL;
  g_autofree char *previous = NULL;
  g_autoptr(AimsReviewInputs) inputs = NULL;
  g_autoptr(GError) error = NULL;
  AimsReviewItem *item;

  gather (fixture->store, first);
  action = aims_review_add_action (fixture->store, first, "Hire a validator", "CRO", "2026-03-31",
                                   &error);
  g_assert_no_error (error);
  g_assert_true (aims_review_set_action (fixture->store, action, "status", "in-progress", &error));

  second = create (fixture->store, "2026-07-15");
  own = aims_review_add_action (fixture->store, second, "Its own action", NULL, NULL, &error);
  gather (fixture->store, second);
  inputs = read_inputs (fixture->store, second);

  g_assert_cmpuint (inputs->earlier_actions->len, ==, 1);
  item = g_ptr_array_index (inputs->earlier_actions, 0);
  g_assert_cmpstr (item->reference, ==, "MR-001");
  g_assert_cmpstr (item->title, ==, "Hire a validator");
  g_assert_cmpstr (item->status, ==, "in-progress");
  g_assert_cmpstr (inputs->kpi->period_start, ==, "2026-01-16");

  previous = aims_review_dup_previous (fixture->store, second);
  g_assert_cmpstr (previous, ==, first);
}

/* The demo holds one review, six months before its day, with its inputs
 * and two actions: one done, one open. */
static void
test_demo (void)
{
  g_autoptr(AimsDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsReviewInputs) inputs = NULL;
  g_auto(GStrv) reviews = NULL;
  g_auto(GStrv) actions = NULL;
  g_autofree char *date = NULL;
  g_autofree char *status = NULL;
  AimsStore *store;
  guint done = 0;

  document = aims_document_new_untitled ("Test Author", &error);
  g_assert_no_error (error);
  store = aims_document_get_store (document);
  g_assert_true (aims_demo_generate (store, AIMS_DEMO_SCALE_SMALL, AIMS_DEMO_DEFAULT_SEED,
                                     &error));
  g_assert_no_error (error);

  reviews = aims_review_list (store, &error);
  g_assert_cmpuint (g_strv_length (reviews), ==, 1);
  date = get_text (store, "management_review", reviews[0], "review_date");
  g_assert_cmpstr (date, ==, "2026-05-22");
  status = get_text (store, "management_review", reviews[0], "status");
  g_assert_cmpstr (status, ==, "held");

  inputs = read_inputs (store, reviews[0]);
  g_assert_cmpstr (inputs->kpi->date, ==, "2026-05-22");
  g_assert_cmpuint (inputs->kpi->n_in_scope, ==, 12);
  g_assert_cmpuint (inputs->top_risks->len, ==, AIMS_REVIEW_TOP_RISKS);
  /* As at May: the September audit and its open nonconformity came later */
  g_assert_cmpuint (inputs->kpi->n_open_nonconformities, ==, 0);
  g_assert_cmpuint (inputs->kpi->n_corrective_overdue, ==, 0);
  g_assert_cmpuint (inputs->audits->len, ==, 0);

  actions = aims_review_dup_actions (store, reviews[0], &error);
  g_assert_cmpuint (g_strv_length (actions), ==, 2);
  for (guint i = 0; actions[i] != NULL; i++)
    {
      g_autofree char *action_status = get_text (store, "review_action", actions[i], "status");

      done += g_str_equal (action_status, "done");
    }
  g_assert_cmpuint (done, ==, 1);

  aims_document_close (document);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/review/create", test_create);
  ADD ("/review/snapshot-unchanged", test_snapshot_unchanged);
  ADD ("/review/actions", test_actions);
  ADD ("/review/earlier-actions", test_earlier_actions);
#undef ADD
  g_test_add_func ("/review/snapshot-saved", test_snapshot_saved);
  g_test_add_func ("/review/demo", test_demo);

  return g_test_run ();
}
