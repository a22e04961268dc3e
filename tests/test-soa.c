/* test-soa.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Statement of Applicability and the PDCA board: the format that holds
 * them (and the upgrade of a format 4 file), the SoA rules, evidence with its
 * SHA-256, the figures on a known project, the board's moves and undo, and
 * the CSV and PDF exports with `aims soa`. */

#include "config.h"

#include "aims-test-util.h"

#include "aims-schema-private.h"
#include "aims-store-private.h"

#include <glib/gstdio.h>
#include <string.h>

typedef struct
{
  char      *dir;
  char      *path;
  AimsStore *store;
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
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  aims_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static AimsSoaEntry *
entry_of (GPtrArray  *entries,
          const char *control_id)
{
  for (guint i = 0; i < entries->len; i++)
    {
      AimsSoaEntry *entry = g_ptr_array_index (entries, i);

      if (g_str_equal (aims_soa_entry_get_control_id (entry), control_id))
        return entry;
    }

  g_assert_not_reached ();
}

static AimsPdcaCard *
card_of (GPtrArray  *cards,
         const char *key)
{
  for (guint i = 0; i < cards->len; i++)
    {
      AimsPdcaCard *card = g_ptr_array_index (cards, i);

      if (g_str_equal (aims_pdca_card_get_key (card), key))
        return card;
    }

  g_assert_not_reached ();
}

static void
set_ok (AimsStore  *store,
        const char *control,
        const char *field,
        const char *value)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (aims_soa_set (store, control, field, g_variant_new_string (value), &error));
  g_assert_no_error (error);
}

static char *
add_risk (AimsStore  *store,
          const char *reference,
          const char *control)
{
  g_autoptr(GHashTable) values = aims_test_values ("reference", g_variant_new_string (reference),
                                                   "title", g_variant_new_string (reference),
                                                   "inherent_likelihood", g_variant_new_int64 (3),
                                                   "inherent_impact", g_variant_new_int64 (3),
                                                   NULL);
  g_autoptr(GError) error = NULL;
  char *uuid = aims_store_insert (store, "risk", values, &error);

  g_assert_no_error (error);
  if (control != NULL)
    {
      g_autoptr(GHashTable) link = aims_test_values ("risk", g_variant_new_string (uuid),
                                                     "control", g_variant_new_string (control),
                                                     NULL);
      g_autofree char *link_uuid = aims_store_insert (store, "risk_control", link, &error);

      g_assert_no_error (error);
    }

  return uuid;
}

/* A new project: 38 controls, undecided and not started, no rows written. */
static void
test_defaults (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = aims_soa_load (fixture->store, &error);
  g_autoptr(GPtrArray) cards = NULL;
  AimsSoaSummary summary;
  AimsPdcaSummary board;

  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 38);
  g_assert_cmpuint (aims_store_count (fixture->store, "soa_entry"), ==, 0);

  aims_soa_summarize (entries, NULL, &summary);
  g_assert_cmpuint (summary.n_controls, ==, 38);
  g_assert_cmpuint (summary.n_undecided, ==, 38);
  g_assert_cmpuint (summary.n_applicable, ==, 0);
  g_assert_cmpfloat (aims_soa_summary_get_fraction (&summary), ==, 0.0);

  /* The nine objectives group the 38 controls. */
  aims_soa_summarize (entries, "A.6", &summary);
  g_assert_cmpuint (summary.n_controls, ==, 9);
  g_assert_cmpstr (aims_catalog_item_get_id (aims_soa_entry_get_objective (entry_of (entries,
                                                                                      "A.6.2.4"))),
                   ==, "A.6");

  cards = aims_pdca_load (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cards->len, ==, 32);
  g_assert_cmpint (aims_pdca_card_get_phase (card_of (cards, "4.3")), ==, AIMS_PDCA_PHASE_PLAN);
  g_assert_cmpint (aims_pdca_card_get_phase (card_of (cards, "8.2")), ==, AIMS_PDCA_PHASE_DO);
  g_assert_cmpint (aims_pdca_card_get_phase (card_of (cards, "9.2.2")), ==, AIMS_PDCA_PHASE_CHECK);
  g_assert_cmpint (aims_pdca_card_get_phase (card_of (cards, "10.2")), ==, AIMS_PDCA_PHASE_ACT);

  aims_pdca_summarize (cards, "2026-01-01", &board);
  g_assert_cmpuint (board.requirements.total, ==, 32);
  g_assert_cmpuint (board.requirements.done, ==, 0);
  g_assert_cmpuint (board.clauses[0].total, ==, 4);    /* 4.1 … 4.4 */
  g_assert_cmpuint (board.clauses[5].total, ==, 6);    /* 9.1, 9.2.1-2, 9.3.1-3 */
  g_assert_cmpuint (board.phases[1].total, ==, 4);     /* Do: 8.1 … 8.4 */
  g_assert_cmpuint (aims_store_count (fixture->store, "pdca_card"), ==, 0);
}

/* Justification is required either way; undecided controls may be drafted. */
static void
test_rules (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsSoaEntry) entry = NULL;

  g_assert_false (aims_soa_set (fixture->store, "A.2.2", "applicability",
                                g_variant_new_string ("applicable"), &error));
  g_assert_error (error, AIMS_RULE_ERROR, AIMS_RULE_ERROR_JUSTIFICATION_REQUIRED);
  g_assert_nonnull (strstr (error->message, "Justification"));
  g_clear_error (&error);
  g_assert_cmpuint (aims_store_count (fixture->store, "soa_entry"), ==, 0);

  g_assert_false (aims_soa_set (fixture->store, "A.5.3", "applicability",
                                g_variant_new_string ("excluded"), &error));
  g_assert_error (error, AIMS_RULE_ERROR, AIMS_RULE_ERROR_JUSTIFICATION_REQUIRED);
  g_clear_error (&error);

  /* An unknown control is named in the message. */
  g_assert_false (aims_soa_set (fixture->store, "A.99", "owner", g_variant_new_string ("x"),
                                &error));
  g_assert_error (error, AIMS_SOA_ERROR, AIMS_SOA_ERROR_UNKNOWN_CONTROL);
  g_assert_nonnull (strstr (error->message, "A.99"));
  g_clear_error (&error);

  set_ok (fixture->store, "A.2.2", "justification", "Required by the AI policy of the group.");
  set_ok (fixture->store, "A.2.2", "applicability", "applicable");
  g_assert_cmpuint (aims_store_count (fixture->store, "soa_entry"), ==, 1);

  /* Emptying the justification of a decided control is refused. */
  g_assert_false (aims_soa_set (fixture->store, "A.2.2", "justification",
                                g_variant_new_string ("  "), &error));
  g_assert_error (error, AIMS_RULE_ERROR, AIMS_RULE_ERROR_JUSTIFICATION_REQUIRED);
  g_clear_error (&error);

  /* Excluding makes it not applicable, in one undo step. */
  set_ok (fixture->store, "A.2.2", "applicability", "excluded");
  entry = aims_soa_load_entry (fixture->store, "A.2.2", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (aims_soa_entry_get_implementation (entry), ==, "not-applicable");
  g_clear_object (&entry);

  g_assert_true (aims_store_undo (fixture->store, &error));
  g_assert_no_error (error);
  entry = aims_soa_load_entry (fixture->store, "A.2.2", &error);
  g_assert_cmpstr (aims_soa_entry_get_applicability (entry), ==, "applicable");
  g_assert_cmpstr (aims_soa_entry_get_implementation (entry), ==, "not-started");
  g_clear_object (&entry);

  /* Choosing an implementation status includes an excluded control again. */
  set_ok (fixture->store, "A.2.2", "applicability", "excluded");
  set_ok (fixture->store, "A.2.2", "implementation", "planned");
  entry = aims_soa_load_entry (fixture->store, "A.2.2", &error);
  g_assert_cmpstr (aims_soa_entry_get_applicability (entry), ==, "applicable");
  g_clear_object (&entry);

  /* Undo back to the very first edit removes the row: the control is as new. */
  while (aims_store_get_can_undo (fixture->store))
    g_assert_true (aims_store_undo (fixture->store, NULL));
  g_assert_cmpuint (aims_store_count (fixture->store, "soa_entry"), ==, 0);
}

/* A control that treats risks warns before and after it is excluded. */
static void
test_exclusion_warning (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autofree char *risk = add_risk (fixture->store, "R-001", "A.7.4");
  g_autofree char *other = add_risk (fixture->store, "R-002", "A.7.4");
  g_autofree char *warning = NULL;
  g_autofree char *none = aims_soa_dup_exclusion_warning (fixture->store, "A.7.2");

  g_assert_null (none);
  warning = aims_soa_dup_exclusion_warning (fixture->store, "A.7.4");
  g_assert_nonnull (warning);
  g_assert_nonnull (strstr (warning, "R-001, R-002"));

  set_ok (fixture->store, "A.7.4", "justification", "We buy all our data.");
  set_ok (fixture->store, "A.7.4", "applicability", "excluded");

  entries = aims_soa_load (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (aims_soa_entry_get_risks (entry_of (entries, "A.7.4")),
                    ((const char * const[]) { "R-001", "R-002", NULL }));
  warnings = aims_soa_check (entries);
  g_assert_cmpuint (warnings->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (warnings, 0), ==,
                   "Control A.7.4 is excluded but treats 2 risks: R-001, R-002.");
  g_assert_cmpstr (g_ptr_array_index (warnings, 1), ==,
                   "37 controls are not decided yet: neither applicable nor excluded.");
}

/* The SoA implementation figure on a known project. */
static void
test_figures (Fixture       *fixture,
              gconstpointer  data)
{
  const char * const applicable[] = { "A.2.2", "A.2.3", "A.6.1.2", "A.6.2.4", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  AimsSoaSummary summary;

  for (guint i = 0; applicable[i] != NULL; i++)
    {
      set_ok (fixture->store, applicable[i], "justification", "Treats risks of our systems.");
      set_ok (fixture->store, applicable[i], "applicability", "applicable");
    }
  set_ok (fixture->store, "A.2.2", "implementation", "implemented");
  set_ok (fixture->store, "A.6.2.4", "implementation", "implemented");
  set_ok (fixture->store, "A.6.1.2", "implementation", "partial");
  set_ok (fixture->store, "A.10.4", "justification", "We supply no customers.");
  set_ok (fixture->store, "A.10.4", "applicability", "excluded");
  /* "Implemented" on an undecided control does not count. */
  set_ok (fixture->store, "A.9.2", "implementation", "implemented");

  entries = aims_soa_load (fixture->store, &error);
  g_assert_no_error (error);
  aims_soa_summarize (entries, NULL, &summary);
  g_assert_cmpuint (summary.n_applicable, ==, 4);
  g_assert_cmpuint (summary.n_excluded, ==, 1);
  g_assert_cmpuint (summary.n_undecided, ==, 33);
  g_assert_cmpuint (summary.n_implemented, ==, 2);
  g_assert_cmpfloat_with_epsilon (aims_soa_summary_get_fraction (&summary), 0.5, 1e-9);

  aims_soa_summarize (entries, "A.2", &summary);
  g_assert_cmpuint (summary.n_controls, ==, 3);    /* A.2.2 … A.2.4 */
  g_assert_cmpuint (summary.n_applicable, ==, 2);
  g_assert_cmpuint (summary.n_implemented, ==, 1);
}

/* A file's SHA-256 is recorded with it; a link must be an address. */
static void
test_evidence (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "ai-policy.txt", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *link = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) folder = g_file_new_for_path (fixture->dir);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  const char contents[] = "AI policy v3, approved by the board on 2026-01-12.\n";
  AimsEvidence *first;

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  expected = g_compute_checksum_for_string (G_CHECKSUM_SHA256, contents, -1);

  uuid = aims_soa_add_evidence_file (fixture->store, "A.2.2", file, "2026-01-12", &error);
  g_assert_no_error (error);
  g_assert_nonnull (uuid);
  link = aims_soa_add_evidence_link (fixture->store, "A.2.2", "Policy portal",
                                     "https://intranet.example/ai-policy", "2026-01-13", &error);
  g_assert_no_error (error);

  list = aims_soa_list_evidence (fixture->store, "A.2.2", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  first = g_ptr_array_index (list, 1);
  g_assert_cmpstr (first->kind, ==, "file");
  g_assert_cmpstr (first->sha256, ==, expected);
  g_assert_cmpstr (first->title, ==, "ai-policy.txt");
  g_assert_cmpstr (first->date, ==, "2026-01-12");
  g_assert_cmpstr (((AimsEvidence *) g_ptr_array_index (list, 0))->sha256, ==, "");

  g_assert_null (aims_soa_add_evidence_link (fixture->store, "A.2.2", NULL, "intranet policy",
                                             NULL, &error));
  g_assert_error (error, AIMS_SOA_ERROR, AIMS_SOA_ERROR_INVALID_LINK);
  g_clear_error (&error);

  g_assert_null (aims_soa_add_evidence_file (fixture->store, "A.2.2", folder, NULL, &error));
  g_assert_error (error, AIMS_SOA_ERROR, AIMS_SOA_ERROR_NOT_A_FILE);
  g_clear_error (&error);

  g_assert_null (aims_soa_add_evidence_file (fixture->store, "A.2.2", file, "2026-02-30",
                                             &error));
  g_assert_error (error, AIMS_RULE_ERROR, AIMS_RULE_ERROR_INVALID_DATE);
  g_clear_error (&error);
  g_assert_cmpuint (aims_store_count (fixture->store, "evidence"), ==, 2);

  /* One undo step each: the link goes, the file stays. */
  g_assert_true (aims_store_undo (fixture->store, &error));
  g_assert_cmpuint (aims_store_count (fixture->store, "evidence"), ==, 1);
}

static void
on_async_done_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_for_result (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return *result;
}

/* A file's SHA-256 computed in a thread is recorded with it; "Verify" finds
 * the file matching, then changed, then missing; a link is not checked. */
static void
test_evidence_check (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "model-card.md", NULL);
  g_autofree char *missing_path = g_build_filename (fixture->dir, "no-such-file.pdf", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *link = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GArray) states = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  GAsyncResult *result = NULL;
  const char contents[] = "Model card: motor pricing v7.\n";
  AimsEvidence *recorded;

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  expected = g_compute_checksum_for_string (G_CHECKSUM_SHA256, contents, -1);

  aims_file_compute_sha256_async (file, NULL, on_async_done_cb, &result);
  sha256 = aims_file_compute_sha256_finish (wait_for_result (&result), &error);
  g_clear_object (&result);
  g_assert_no_error (error);
  g_assert_cmpstr (sha256, ==, expected);

  /* A file that cannot be read says why, and nothing is recorded */
  aims_file_compute_sha256_async (missing, NULL, on_async_done_cb, &result);
  g_assert_null (aims_file_compute_sha256_finish (wait_for_result (&result), &error));
  g_clear_object (&result);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "no-such-file.pdf"));
  g_clear_error (&error);

  g_assert_null (aims_soa_add_evidence_file_with_sha256 (fixture->store, "A.6.2.7", file, NULL,
                                                         "not a checksum", NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_cmpuint (aims_store_count (fixture->store, "evidence"), ==, 0);

  uuid = aims_soa_add_evidence_file_with_sha256 (fixture->store, "A.6.2.7", file, NULL, sha256,
                                                 "2026-11-02", &error);
  g_assert_no_error (error);
  g_assert_nonnull (uuid);
  link = aims_soa_add_evidence_link (fixture->store, "A.6.2.7", NULL,
                                     "https://intranet.example/model-cards", "2026-11-01", &error);
  g_assert_no_error (error);

  list = aims_soa_list_evidence (fixture->store, "A.6.2.7", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  recorded = g_ptr_array_index (list, 0);
  g_assert_cmpstr (recorded->uuid, ==, uuid);
  g_assert_cmpstr (recorded->title, ==, "model-card.md");
  g_assert_cmpstr (recorded->location, ==, path);
  g_assert_cmpstr (recorded->sha256, ==, expected);
  g_assert_cmpstr (recorded->date, ==, "2026-11-02");

  g_assert_cmpint (aims_evidence_check (recorded, NULL, &error), ==, AIMS_EVIDENCE_MATCHES);
  g_assert_cmpint (aims_evidence_check (g_ptr_array_index (list, 1), NULL, &error), ==,
                   AIMS_EVIDENCE_NOT_CHECKED);
  g_assert_no_error (error);

  g_assert_true (g_file_set_contents (path, "Model card: motor pricing v8.\n", -1, NULL));
  aims_evidence_check_async (list, NULL, on_async_done_cb, &result);
  states = aims_evidence_check_finish (wait_for_result (&result), &error);
  g_clear_object (&result);
  g_assert_no_error (error);
  g_assert_cmpuint (states->len, ==, 2);
  g_assert_cmpint (g_array_index (states, AimsEvidenceState, 0), ==, AIMS_EVIDENCE_CHANGED);
  g_assert_cmpint (g_array_index (states, AimsEvidenceState, 1), ==, AIMS_EVIDENCE_NOT_CHECKED);
  g_clear_pointer (&states, g_array_unref);

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (aims_evidence_check (recorded, NULL, &error), ==, AIMS_EVIDENCE_MISSING);
  g_assert_no_error (error);

  /* Cancelled, it finds nothing */
  g_cancellable_cancel (cancellable);
  aims_evidence_check_async (list, cancellable, on_async_done_cb, &result);
  g_assert_null (aims_evidence_check_finish (wait_for_result (&result), &error));
  g_clear_object (&result);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* The demo describes 2026-11-22: on that day its board has the internal
 * audit late (9.2.1, 9.2.2) and no other clause requirement, and nothing
 * on it is dated in the demo's past unless it is done. */
static void
test_demo_dates (void)
{
  g_autofree char *dir = aims_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "Demo.aims", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(AimsDocument) document = NULL;
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GPtrArray) late = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  guint n_clauses = 0;

  g_assert_true (aims_demo_write_file (path, AIMS_DEMO_SCALE_SMALL, 42, &error));
  g_assert_no_error (error);
  document = aims_document_open (file, AIMS_OPEN_READ_ONLY, NULL, &error);
  g_assert_no_error (error);
  cards = aims_pdca_load (aims_document_get_store (document), &error);
  g_assert_no_error (error);

  for (guint i = 0; i < cards->len; i++)
    {
      AimsPdcaCard *card = g_ptr_array_index (cards, i);

      /* The SoA demo's own cards: clauses and objectives, not the actions
       * of risks, findings and reviews */
      if (aims_pdca_card_get_kind (card) != AIMS_PDCA_CARD_CLAUSE &&
          aims_pdca_card_get_kind (card) != AIMS_PDCA_CARD_OBJECTIVE)
        continue;
      n_clauses += aims_pdca_card_get_kind (card) == AIMS_PDCA_CARD_CLAUSE;
      if (aims_pdca_card_get_due_date (card)[0] == '\0')
        continue;
      g_assert_cmpstr (aims_pdca_card_get_due_date (card), >, "2026-01-01");
      if (aims_pdca_card_is_overdue (card, "2026-11-22"))
        g_ptr_array_add (late, (gpointer) aims_pdca_card_get_key (card));
      /* Every card that is not done is due after the demo's first half year */
      if (!aims_pdca_card_is_done (card))
        g_assert_cmpstr (aims_pdca_card_get_due_date (card), >, "2026-10-01");
    }

  g_assert_cmpuint (n_clauses, ==, 32);
  g_assert_cmpuint (late->len, ==, 2);
  g_assert_true (g_ptr_array_find_with_equal_func (late, "9.2.1", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (late, "9.2.2", g_str_equal, NULL));

  aims_document_close (document);
  aims_test_remove_tree (dir);
}

/* Cards move, are undone, and the readiness figures follow. */
static void
test_board (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cards = NULL;
  g_autofree char *risk = add_risk (fixture->store, "R-001", NULL);
  g_autofree char *objective = NULL;
  g_autofree char *action = NULL;
  g_autofree char *label = NULL;
  AimsPdcaSummary summary;
  AimsPdcaCard *card;

  {
    g_autoptr(GHashTable) values = aims_test_values ("risk", g_variant_new_string (risk),
                                                     "what", g_variant_new_string ("Bias audit"),
                                                     "due_date",
                                                     g_variant_new_string ("2026-02-01"),
                                                     NULL);

    action = aims_store_insert (fixture->store, "treatment_action", values, &error);
    g_assert_no_error (error);
  }
  objective = aims_pdca_add_objective (fixture->store, "Explain every credit decision",
                                       "Chief Risk Officer", "2026-06-30", &error);
  g_assert_no_error (error);

  cards = aims_pdca_load (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cards->len, ==, 34);
  card = card_of (cards, action);
  g_assert_cmpint (aims_pdca_card_get_kind (card), ==, AIMS_PDCA_CARD_ACTION);
  g_assert_cmpstr (aims_pdca_card_get_title (card), ==, "R-001: Bias audit");
  g_assert_cmpint (aims_pdca_card_get_phase (card), ==, AIMS_PDCA_PHASE_DO);
  g_assert_true (aims_pdca_card_is_overdue (card, "2026-03-01"));
  g_assert_cmpint (aims_pdca_card_get_phase (card_of (cards, objective)), ==,
                   AIMS_PDCA_PHASE_PLAN);

  /* Move a clause requirement: one undo step, named after it. */
  card = card_of (cards, "9.2.2");
  g_assert_true (aims_pdca_move (fixture->store, card, AIMS_PDCA_PHASE_ACT, &error));
  g_assert_no_error (error);
  label = aims_store_dup_undo_label (fixture->store);
  g_assert_cmpstr (label, ==, "Move “9.2.2 Internal audit programme” to Act");
  g_clear_pointer (&cards, g_ptr_array_unref);
  cards = aims_pdca_load (fixture->store, &error);
  g_assert_cmpint (aims_pdca_card_get_phase (card_of (cards, "9.2.2")), ==, AIMS_PDCA_PHASE_ACT);
  g_assert_true (aims_store_undo (fixture->store, &error));
  g_clear_pointer (&cards, g_ptr_array_unref);
  cards = aims_pdca_load (fixture->store, &error);
  g_assert_cmpint (aims_pdca_card_get_phase (card_of (cards, "9.2.2")), ==,
                   AIMS_PDCA_PHASE_CHECK);

  /* Readiness: 8 of 32 clause requirements done. */
  {
    const char * const done[] = { "4.1", "4.2", "4.3", "4.4", "5.1", "5.2", "6.1.2", "9.2.2",
                                  NULL };

    for (guint i = 0; done[i] != NULL; i++)
      {
        g_assert_true (aims_pdca_set (fixture->store, card_of (cards, done[i]), "status",
                                      g_variant_new_string ("done"), &error));
        g_assert_no_error (error);
      }
  }
  g_assert_true (aims_pdca_set (fixture->store, card_of (cards, action), "status",
                                g_variant_new_string ("done"), &error));
  g_assert_no_error (error);
  {
    g_autofree char *status = aims_store_dup_text (fixture->store, "treatment_action", action,
                                                   "status", NULL);

    g_assert_cmpstr (status, ==, "done");
  }
  g_assert_false (aims_pdca_set (fixture->store, card_of (cards, action), "status",
                                 g_variant_new_string ("cancelled"), &error));
  g_assert_error (error, AIMS_RULE_ERROR, AIMS_RULE_ERROR_INVALID_CHOICE);
  g_clear_error (&error);

  g_clear_pointer (&cards, g_ptr_array_unref);
  cards = aims_pdca_load (fixture->store, &error);
  aims_pdca_summarize (cards, "2026-03-01", &summary);
  g_assert_cmpuint (summary.requirements.done, ==, 8);
  g_assert_cmpuint (summary.requirements.total, ==, 32);
  g_assert_cmpfloat_with_epsilon (aims_progress_get_fraction (&summary.requirements), 0.25, 1e-9);
  g_assert_cmpuint (summary.clauses[0].done, ==, 4);
  g_assert_cmpuint (summary.clauses[0].total, ==, 4);
  g_assert_cmpuint (summary.phases[1].done, ==, 1);    /* the action */
  g_assert_cmpuint (summary.phases[1].total, ==, 5);
  g_assert_cmpuint (summary.n_overdue, ==, 0);
  g_assert_cmpuint (aims_store_count (fixture->store, "pdca_card"), ==, 9);
}

/* A file of format 4 (risk register, no SoA) opens, upgrades in its working
 * copy only, keeps its risk links and shows the SoA's defaults. */
static void
test_upgrade_from_format_4 (void)
{
  g_autofree char *dir = aims_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "v4.aims", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(AimsDocument) document = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  AimsStore *store;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL),
                   ==, SQLITE_OK);
  g_assert_true (_aims_schema_migrate (_aims_schema_get_default (), db, 4, "Old", &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (db,
                                 "INSERT INTO project (uuid, organisation, format_version, "
                                 "  app_version, created, modified) VALUES "
                                 "  ('7d4b3c2a-1e0f-4a9b-8c7d-6e5f4a3b2c1d', 'Old Mutual', 4, "
                                 "   '0.4', '2026-01-05T09:00:00Z', '2026-01-05T09:00:00Z');"
                                 "INSERT INTO risk (uuid, reference, title, inherent_likelihood, "
                                 "  inherent_impact, created, modified) VALUES "
                                 "  ('1d4b3c2a-1e0f-4a9b-8c7d-6e5f4a3b2c1d', 'R-007', 'Drift', 2, "
                                 "   2, '2026-01-05T09:00:00Z', '2026-01-05T09:00:00Z');"
                                 "INSERT INTO risk_control (uuid, risk, control, created, "
                                 "  modified) VALUES ('2d4b3c2a-1e0f-4a9b-8c7d-6e5f4a3b2c1d', "
                                 "  '1d4b3c2a-1e0f-4a9b-8c7d-6e5f4a3b2c1d', 'A.6.2.6', "
                                 "  '2026-01-05T09:00:00Z', '2026-01-05T09:00:00Z');",
                                 NULL, NULL, &message), ==, SQLITE_OK);
  sqlite3_close (db);
  before = aims_test_sha256_file (path);

  document = aims_document_open (file, AIMS_OPEN_NONE, "Upgrader", &error);
  g_assert_no_error (error);
  store = aims_document_get_store (document);
  g_assert_false (aims_document_get_modified (document));

  entries = aims_soa_load (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 38);
  g_assert_cmpstrv (aims_soa_entry_get_risks (entry_of (entries, "A.6.2.6")),
                    ((const char * const[]) { "R-007", NULL }));
  g_assert_cmpuint (aims_store_count (store, "soa_entry"), ==, 0);

  set_ok (store, "A.6.2.6", "owner", "Head of MLOps");
  g_assert_cmpuint (aims_store_count (store, "soa_entry"), ==, 1);

  after = aims_test_sha256_file (path);
  g_assert_cmpstr (before, ==, after);

  aims_document_close (document);
  aims_test_remove_tree (dir);
}

/* A simple RFC 4180 reader: the rows of @text as arrays of fields. */
static GPtrArray *
parse_csv (const char *text)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  gboolean quoted = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (quoted)
        {
          if (*p == '"' && p[1] == '"')
            g_string_append_c (field, *p++);
          else if (*p == '"')
            quoted = FALSE;
          else
            g_string_append_c (field, *p);
        }
      else if (*p == '"')
        quoted = TRUE;
      else if (*p == ',')
        g_ptr_array_add (row, g_string_free (g_steal_pointer (&field), FALSE)),
        field = g_string_new (NULL);
      else if (*p == '\r' && p[1] == '\n')
        {
          p++;
          g_ptr_array_add (row, g_string_free (g_steal_pointer (&field), FALSE));
          field = g_string_new (NULL);
          g_ptr_array_add (rows, row);
          row = g_ptr_array_new_with_free_func (g_free);
        }
      else
        g_string_append_c (field, *p);
    }

  g_assert_false (quoted);
  g_assert_cmpuint (field->len, ==, 0);
  g_assert_cmpuint (row->len, ==, 0);
  g_string_free (field, TRUE);
  g_ptr_array_unref (row);

  return rows;
}

static void
write_known_project (const char *path)
{
  g_autoptr(AimsDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *risk = NULL;
  AimsStore *store;

  document = aims_document_new_untitled ("Test Author", &error);
  g_assert_no_error (error);
  store = aims_document_get_store (document);
  risk = add_risk (store, "R-001", "A.6.2.4");
  set_ok (store, "A.6.2.4", "justification",
          "Credit models need verification and validation, \"quoted\", with commas.");
  set_ok (store, "A.6.2.4", "applicability", "applicable");
  set_ok (store, "A.6.2.4", "implementation", "implemented");
  set_ok (store, "A.6.2.4", "how_implemented",
          "Model validation team signs off each release.\nSecond line.");
  set_ok (store, "A.10.4", "justification", "The organisation supplies no AI to customers.");
  set_ok (store, "A.10.4", "applicability", "excluded");
  /* Text a spreadsheet would run as a formula (CSV injection) */
  set_ok (store, "A.10.4", "how_implemented", "=HYPERLINK(\"https://evil.example\",\"Open\")");
  set_ok (store, "A.10.4", "owner", "@ops-team");
  g_assert_true (aims_document_save_as (document, file, &error));
  g_assert_no_error (error);
  aims_document_close (document);
}

/* The CSV parses, has 38 rows of 11 fields; the PDF renders with pdftoppm. */
static void
test_exports (void)
{
  g_autofree char *dir = aims_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "known.aims", NULL);
  g_autofree char *csv_path = g_build_filename (dir, "soa.csv", NULL);
  g_autofree char *pdf_path = g_build_filename (dir, "soa.pdf", NULL);
  g_autofree char *png_prefix = g_build_filename (dir, "page", NULL);
  g_autofree char *png_path = g_build_filename (dir, "page-1.png", NULL);
  g_autofree char *bad_path = g_build_filename (dir, "soa.docx", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *info = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *row = NULL;
  const char *pages;
  int status;

  write_known_project (path);

  status = aims_test_run_cli (&out, &err, "soa", path, "-o", csv_path, NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (out, ==, "1 applicable, 1 excluded, 36 not decided; 1 of 1 applicable "
                            "controls implemented (100%)\n");
  g_assert_nonnull (strstr (err, "36 controls are not decided yet"));

  g_assert_true (g_file_get_contents (csv_path, &contents, NULL, &error));
  rows = parse_csv (contents);
  g_assert_cmpuint (rows->len, ==, 39);
  for (guint i = 0; i < rows->len; i++)
    g_assert_cmpuint (((GPtrArray *) g_ptr_array_index (rows, i))->len, ==, 11);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (g_ptr_array_index (row, 0), ==, "control");
  for (guint i = 1; i < rows->len; i++)
    {
      row = g_ptr_array_index (rows, i);
      if (g_str_equal (g_ptr_array_index (row, 0), "A.6.2.4"))
        break;
    }
  g_assert_cmpstr (g_ptr_array_index (row, 3), ==, "applicable");
  g_assert_cmpstr (g_ptr_array_index (row, 4), ==,
                   "Credit models need verification and validation, \"quoted\", with commas.");
  g_assert_cmpstr (g_ptr_array_index (row, 7), ==,
                   "Model validation team signs off each release.\nSecond line.");
  g_assert_cmpstr (g_ptr_array_index (row, 8), ==, "R-001");

  /* Text that starts like a formula is written with a ' before it. */
  for (guint i = 1; i < rows->len; i++)
    {
      row = g_ptr_array_index (rows, i);
      if (g_str_equal (g_ptr_array_index (row, 0), "A.10.4"))
        break;
    }
  g_assert_cmpstr (g_ptr_array_index (row, 6), ==, "'@ops-team");
  g_assert_cmpstr (g_ptr_array_index (row, 7), ==,
                   "'=HYPERLINK(\"https://evil.example\",\"Open\")");

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  status = aims_test_run_cli (&out, &err, "soa", path, "-o", pdf_path, NULL);
  g_assert_cmpint (status, ==, 0);

  /* pdfinfo counts the pages: the title and 38 rows fit on a few. */
  g_assert_true (g_spawn_sync (NULL, (char *[]) { (char *) "pdfinfo", pdf_path, NULL }, NULL,
                               G_SPAWN_SEARCH_PATH, NULL, NULL, &info, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  pages = strstr (info, "Pages:");
  g_assert_nonnull (pages);
  g_assert_cmpint (atoi (pages + 6), >=, 2);
  g_assert_cmpint (atoi (pages + 6), <=, 8);
  g_assert_nonnull (strstr (info, "Statement of Applicability"));

  g_assert_true (g_spawn_sync (NULL, (char *[]) { (char *) "pdftoppm", (char *) "-r",
                                                  (char *) "40", (char *) "-f", (char *) "1",
                                                  (char *) "-l", (char *) "1", (char *) "-png",
                                                  pdf_path, png_prefix, NULL },
                               NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status,
                               &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  {
    g_autofree char *png = NULL;
    gsize length = 0;

    g_assert_true (g_file_get_contents (png_path, &png, &length, NULL));
    g_assert_cmpuint (length, >, 1000);
    g_assert_true (memcmp (png, "\x89PNG", 4) == 0);
  }

  /* A name that is neither .csv nor .pdf: refused before anything is read */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  status = aims_test_run_cli (&out, &err, "soa", path, "-o", bad_path, NULL);
  g_assert_cmpint (status, ==, 2);
  g_assert_nonnull (strstr (err, ".csv or .pdf"));
  g_assert_false (g_file_test (bad_path, G_FILE_TEST_EXISTS));

  aims_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/soa/defaults", test_defaults);
  ADD ("/soa/rules", test_rules);
  ADD ("/soa/exclusion-warning", test_exclusion_warning);
  ADD ("/soa/figures", test_figures);
  ADD ("/soa/evidence", test_evidence);
  ADD ("/soa/evidence-check", test_evidence_check);
  ADD ("/soa/board", test_board);
#undef ADD
  g_test_add_func ("/soa/upgrade-from-format-4", test_upgrade_from_format_4);
  g_test_add_func ("/soa/exports", test_exports);
  g_test_add_func ("/soa/demo-dates", test_demo_dates);

  return g_test_run ();
}
