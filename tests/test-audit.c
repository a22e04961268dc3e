/* test-audit.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Internal audits and findings: a scope expands to the catalogue's
 * requirements in order, starting an audit makes its checklist once and one
 * Undo takes it back, a finding raised from a line carries what the line
 * says, and a finding closes only when its actions are done and verified. */

#include "config.h"

#include "aims-store-private.h"
#include "aims-test-util.h"

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
  path = g_build_filename (fixture->dir, "audit.sqlite", NULL);
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
add_audit (AimsStore  *store,
           const char *scope)
{
  g_autoptr(GHashTable) values = aims_test_values ("reference", g_variant_new_string ("AUD-001"),
                                                   "title", g_variant_new_string ("Q4 audit"),
                                                   "auditor", g_variant_new_string ("Grace"),
                                                   "scope", g_variant_new_string (scope),
                                                   NULL);
  g_autoptr(GError) error = NULL;
  char *uuid = aims_store_insert (store, "audit", values, &error);

  g_assert_no_error (error);
  g_assert_nonnull (uuid);
  return uuid;
}

static char *
expand (const char  *scope,
        GError     **error)
{
  g_auto(GStrv) ids = aims_audit_expand_scope (aims_catalog_get_default (NULL), scope, error);

  return ids != NULL ? g_strjoinv (" ", ids) : NULL;
}

static void
test_scope_expansion (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *clause = expand ("[\"9\"]", &error);
  g_autofree char *sub = NULL;
  g_autofree char *group = NULL;
  g_autofree char *mixed = NULL;
  g_autofree char *empty = NULL;
  g_autofree char *unknown = NULL;
  g_autofree char *broken = NULL;

  g_assert_no_error (error);
  /* A top clause: its requirements without the headings 9.2 and 9.3 */
  g_assert_cmpstr (clause, ==, "9.1 9.2.1 9.2.2 9.3.1 9.3.2 9.3.3");

  sub = expand ("[\"9.2\"]", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sub, ==, "9.2.1 9.2.2");

  group = expand ("[\"A.6\"]", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (group, ==,
                   "A.6.1.2 A.6.1.3 A.6.2.2 A.6.2.3 A.6.2.4 A.6.2.5 A.6.2.6 A.6.2.7 A.6.2.8");

  /* Catalogue order whatever the scope's order; each requirement once */
  mixed = expand ("[\"A.6.2.4\", \"10\", \"9.2.2\", \"9.2\", \"A.2.2\"]", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mixed, ==, "9.2.1 9.2.2 10.1 10.2 A.2.2 A.6.2.4");

  empty = expand ("[]", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (empty, ==, "");

  unknown = expand ("[\"9.2.7\"]", &error);
  g_assert_null (unknown);
  g_assert_error (error, AIMS_AUDIT_ERROR, AIMS_AUDIT_ERROR_SCOPE_INVALID);
  g_assert_nonnull (strstr (error->message, "“9.2.7”"));
  g_clear_error (&error);

  broken = expand ("{\"9\": 1}", &error);
  g_assert_null (broken);
  g_assert_error (error, AIMS_AUDIT_ERROR, AIMS_AUDIT_ERROR_SCOPE_INVALID);
}

static void
test_set_scope (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *audit = add_audit (fixture->store, "[]");
  const char *ids[] = { "9.2", "A.6.2.4", NULL };
  const char *bad[] = { "Z.1", NULL };
  g_auto(GStrv) scope = NULL;
  g_autofree char *json = NULL;

  g_assert_true (aims_audit_set_scope (fixture->store, audit, ids, &error));
  g_assert_no_error (error);
  scope = aims_audit_dup_scope (fixture->store, audit, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (scope), ==, 2);
  g_assert_cmpstr (scope[0], ==, "9.2");
  g_assert_cmpstr (scope[1], ==, "A.6.2.4");

  g_assert_false (aims_audit_set_scope (fixture->store, audit, bad, &error));
  g_assert_error (error, AIMS_AUDIT_ERROR, AIMS_AUDIT_ERROR_SCOPE_INVALID);
  json = aims_store_dup_text (fixture->store, "audit", audit, "scope", NULL);
  g_assert_cmpstr (json, ==, "[\"9.2\",\"A.6.2.4\"]");
}

static void
test_start (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *audit = add_audit (fixture->store, "[\"A.6.2\", \"9.2\"]");
  g_autofree char *status = NULL;
  g_autofree char *start_date = NULL;
  g_autofree char *undo_label = NULL;
  g_auto(GStrv) items = NULL;
  g_auto(GStrv) after_undo = NULL;
  g_auto(GStrv) after_redo = NULL;
  guint n_items;

  g_assert_true (aims_audit_start (fixture->store, audit, &error));
  g_assert_no_error (error);

  status = aims_store_dup_text (fixture->store, "audit", audit, "status", NULL);
  g_assert_cmpstr (status, ==, "in-progress");
  start_date = aims_store_dup_text (fixture->store, "audit", audit, "start_date", NULL);
  g_assert_true (aims_rules_date_is_valid (start_date));

  items = aims_audit_dup_checklist (fixture->store, audit, &error);
  g_assert_no_error (error);
  /* 9.2.1 9.2.2, then the seven controls of A.6.2 */
  g_assert_cmpuint (g_strv_length (items), ==, 9);
  n_items = aims_store_count (fixture->store, "audit_item");
  g_assert_cmpuint (n_items, ==, 9);
  {
    g_autofree char *first = aims_store_dup_text (fixture->store, "audit_item", items[0],
                                                  "requirement", NULL);
    g_autofree char *third = aims_store_dup_text (fixture->store, "audit_item", items[2],
                                                  "requirement", NULL);
    g_autofree char *last = aims_store_dup_text (fixture->store, "audit_item", items[8],
                                                 "requirement", NULL);
    g_autofree char *result = aims_store_dup_text (fixture->store, "audit_item", items[0],
                                                   "result", NULL);

    g_assert_cmpstr (first, ==, "9.2.1");
    g_assert_cmpstr (third, ==, "A.6.2.2");
    g_assert_cmpstr (last, ==, "A.6.2.8");
    g_assert_cmpstr (result, ==, "");
  }

  /* A second start is refused and changes nothing */
  g_assert_false (aims_audit_start (fixture->store, audit, &error));
  g_assert_error (error, AIMS_AUDIT_ERROR, AIMS_AUDIT_ERROR_STARTED);
  g_clear_error (&error);
  g_assert_cmpuint (aims_store_count (fixture->store, "audit_item"), ==, 9);

  /* One Undo takes back the checklist and the status */
  undo_label = aims_store_dup_undo_label (fixture->store);
  g_assert_nonnull (strstr (undo_label, "Q4 audit"));
  g_assert_true (aims_store_undo (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (aims_store_count (fixture->store, "audit_item"), ==, 0);
  g_free (status);
  status = aims_store_dup_text (fixture->store, "audit", audit, "status", NULL);
  g_assert_cmpstr (status, ==, "planned");
  g_free (start_date);
  start_date = aims_store_dup_text (fixture->store, "audit", audit, "start_date", NULL);
  g_assert_cmpstr (start_date, ==, "");
  after_undo = aims_audit_dup_checklist (fixture->store, audit, &error);
  g_assert_cmpuint (g_strv_length (after_undo), ==, 0);

  g_assert_true (aims_store_redo (fixture->store, &error));
  g_assert_no_error (error);
  after_redo = aims_audit_dup_checklist (fixture->store, audit, &error);
  g_assert_cmpuint (g_strv_length (after_redo), ==, 9);
}

static void
test_start_empty (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *audit = add_audit (fixture->store, "[]");
  g_autofree char *status = NULL;
  gint64 last = aims_store_get_last_change_id (fixture->store);

  g_assert_false (aims_audit_start (fixture->store, audit, &error));
  g_assert_error (error, AIMS_AUDIT_ERROR, AIMS_AUDIT_ERROR_SCOPE_EMPTY);
  g_assert_nonnull (strstr (error->message, "scope is empty"));
  g_assert_cmpint (aims_store_get_last_change_id (fixture->store), ==, last);
  status = aims_store_dup_text (fixture->store, "audit", audit, "status", NULL);
  g_assert_cmpstr (status, ==, "planned");
}

/* A started audit of 9.2.2 whose line is a minor nonconformity; returns the
 * finding raised from it. */
static char *
raise_minor (AimsStore  *store,
             char      **out_item)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *audit = add_audit (store, "[\"9.2.2\"]");
  g_auto(GStrv) items = NULL;
  char *finding;

  g_assert_true (aims_audit_start (store, audit, &error));
  g_assert_no_error (error);
  items = aims_audit_dup_checklist (store, audit, &error);
  g_assert_cmpuint (g_strv_length (items), ==, 1);
  g_assert_true (aims_audit_record_result (store, items[0], "minor-nonconformity",
                                           "No programme for 2026.", &error));
  g_assert_no_error (error);
  finding = aims_audit_raise_finding (store, items[0], &error);
  g_assert_no_error (error);
  g_assert_nonnull (finding);
  if (out_item != NULL)
    *out_item = g_strdup (items[0]);
  return finding;
}

static void
test_raise_finding (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *item = NULL;
  g_autofree char *finding = raise_minor (fixture->store, &item);
  g_autoptr(GHashTable) record = _aims_store_dup_record (fixture->store,
                                                         aims_schema_lookup_table ("finding"),
                                                         finding, &error);
  g_auto(GStrv) items = NULL;
  g_autofree char *audit = NULL;

  g_assert_no_error (error);
#define TEXT(f) g_variant_get_string (g_hash_table_lookup (record, f), NULL)
  g_assert_cmpstr (TEXT ("reference"), ==, "F-001");
  g_assert_cmpstr (TEXT ("kind"), ==, "nonconformity");
  g_assert_cmpstr (TEXT ("severity"), ==, "minor");
  g_assert_cmpstr (TEXT ("requirement"), ==, "9.2.2");
  g_assert_cmpstr (TEXT ("audit_item"), ==, item);
  g_assert_cmpstr (TEXT ("raised_by"), ==, "Grace");
  g_assert_cmpstr (TEXT ("description"), ==, "No programme for 2026.");
  g_assert_cmpstr (TEXT ("status"), ==, "open");
  g_assert_true (g_str_has_prefix (TEXT ("title"), "9.2.2 "));
  audit = aims_store_dup_text (fixture->store, "audit_item", item, "audit", NULL);
  g_assert_cmpstr (TEXT ("audit"), ==, audit);
#undef TEXT

  /* A conforming line raises nothing */
  g_assert_true (aims_audit_record_result (fixture->store, item, "conforming", NULL, &error));
  g_assert_no_error (error);
  g_assert_null (aims_audit_raise_finding (fixture->store, item, &error));
  g_assert_error (error, AIMS_AUDIT_ERROR, AIMS_AUDIT_ERROR_NO_FINDING);
  g_clear_error (&error);

  /* An observation raises an observation without severity */
  g_assert_true (aims_audit_record_result (fixture->store, item, "observation", NULL, &error));
  {
    g_autofree char *second = aims_audit_raise_finding (fixture->store, item, &error);
    g_autofree char *kind = NULL;
    g_autofree char *severity = NULL;
    g_autofree char *reference = NULL;

    g_assert_no_error (error);
    kind = aims_store_dup_text (fixture->store, "finding", second, "kind", NULL);
    severity = aims_store_dup_text (fixture->store, "finding", second, "severity", NULL);
    reference = aims_store_dup_text (fixture->store, "finding", second, "reference", NULL);
    g_assert_cmpstr (kind, ==, "observation");
    g_assert_cmpstr (severity, ==, "");
    g_assert_cmpstr (reference, ==, "F-002");
  }
}

static void
test_whys (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *finding = raise_minor (fixture->store, NULL);
  const char *three[] = { "No programme", "Nobody owns audits", "Role not in RACI", NULL };
  const char *two[] = { "No programme", "Role not in RACI", NULL };
  g_auto(GStrv) whys = NULL;

  whys = aims_finding_dup_whys (fixture->store, finding, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (whys), ==, 0);
  g_clear_pointer (&whys, g_strfreev);

  g_assert_true (aims_finding_set_whys (fixture->store, finding, three, &error));
  whys = aims_finding_dup_whys (fixture->store, finding, &error);
  g_assert_cmpuint (g_strv_length (whys), ==, 3);
  g_assert_cmpstr (whys[1], ==, "Nobody owns audits");
  g_clear_pointer (&whys, g_strfreev);

  /* Removing the middle one keeps the order of the others */
  g_assert_true (aims_finding_set_whys (fixture->store, finding, two, &error));
  whys = aims_finding_dup_whys (fixture->store, finding, &error);
  g_assert_cmpuint (g_strv_length (whys), ==, 2);
  g_assert_cmpstr (whys[1], ==, "Role not in RACI");
  g_clear_pointer (&whys, g_strfreev);

  g_assert_true (aims_store_undo (fixture->store, &error));
  whys = aims_finding_dup_whys (fixture->store, finding, &error);
  g_assert_cmpuint (g_strv_length (whys), ==, 3);
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
assert_close_refused (AimsStore  *store,
                      const char *finding,
                      const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *status = NULL;
  gint64 last = aims_store_get_last_change_id (store);

  g_assert_false (aims_finding_close (store, finding, &error));
  g_assert_error (error, AIMS_AUDIT_ERROR, AIMS_AUDIT_ERROR_NOT_CLOSABLE);
  if (strstr (error->message, expected) == NULL)
    g_error ("“%s” not in “%s”", expected, error->message);
  g_clear_error (&error);

  /* The same answer before the edit, as forms ask */
  g_assert_false (aims_rules_check_update (store, "finding", finding, "status",
                                           g_variant_new_string ("closed"), &error));
  g_assert_error (error, AIMS_AUDIT_ERROR, AIMS_AUDIT_ERROR_NOT_CLOSABLE);

  status = aims_store_dup_text (store, "finding", finding, "status", NULL);
  g_assert_cmpstr (status, ==, "open");
  g_assert_cmpint (aims_store_get_last_change_id (store), ==, last);
}

static void
test_close_rules (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *finding = raise_minor (fixture->store, NULL);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *status = NULL;

  /* A nonconformity without actions */
  assert_close_refused (fixture->store, finding, "Add at least one corrective action");

  first = aims_finding_add_action (fixture->store, finding, "Write the 2026 programme", &error);
  g_assert_no_error (error);
  second = aims_finding_add_action (fixture->store, finding, "Name an audit owner", &error);
  g_assert_no_error (error);
  assert_close_refused (fixture->store, finding, "still open (2)");

  set_text (fixture->store, "corrective_action", first, "status", "done");
  assert_close_refused (fixture->store, finding, "still open (1)");

  /* Cancelled only: nothing was done */
  set_text (fixture->store, "corrective_action", first, "status", "cancelled");
  set_text (fixture->store, "corrective_action", second, "status", "cancelled");
  assert_close_refused (fixture->store, finding, "At least one corrective action must be done");

  set_text (fixture->store, "corrective_action", first, "status", "done");
  /* Actions finished but not verified */
  assert_close_refused (fixture->store, finding, "“Effective”");
  missing = aims_finding_dup_missing (fixture->store, finding, &error);
  g_assert_nonnull (strstr (missing, "Verified by"));
  g_assert_nonnull (strstr (missing, "Verified on"));
  g_assert_null (strstr (missing, "corrective action"));

  set_text (fixture->store, "finding", finding, "verification", "not-effective");
  set_text (fixture->store, "finding", finding, "verified_by", "Lin");
  set_text (fixture->store, "finding", finding, "verified_on", "2026-11-20");
  assert_close_refused (fixture->store, finding, "“Effective”");

  set_text (fixture->store, "finding", finding, "verification", "effective");
  set_text (fixture->store, "finding", finding, "verified_on", "");
  assert_close_refused (fixture->store, finding, "Verified on");
  set_text (fixture->store, "finding", finding, "verified_on", "2026-11-20");

  g_free (missing);
  missing = aims_finding_dup_missing (fixture->store, finding, &error);
  g_assert_cmpstr (missing, ==, "");
  g_assert_true (aims_rules_check_update (fixture->store, "finding", finding, "status",
                                          g_variant_new_string ("closed"), &error));
  g_assert_true (aims_finding_close (fixture->store, finding, &error));
  g_assert_no_error (error);
  status = aims_store_dup_text (fixture->store, "finding", finding, "status", NULL);
  g_assert_cmpstr (status, ==, "closed");

  /* Reopening is always allowed */
  set_text (fixture->store, "finding", finding, "status", "open");
}

static void
test_close_observation (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) values = aims_test_values ("reference", g_variant_new_string ("F-009"),
                                                   "title", g_variant_new_string ("Tidy logs"),
                                                   "kind", g_variant_new_string ("observation"),
                                                   NULL);
  g_autofree char *finding = aims_store_insert (fixture->store, "finding", values, &error);
  g_autofree char *action = NULL;

  g_assert_no_error (error);
  /* An observation without actions closes as it is */
  g_assert_true (aims_finding_close (fixture->store, finding, &error));
  g_assert_no_error (error);
  set_text (fixture->store, "finding", finding, "status", "open");

  /* With an action, the action and its verification count */
  action = aims_finding_add_action (fixture->store, finding, "Rotate logs", &error);
  assert_close_refused (fixture->store, finding, "still open (1)");
}

static void
test_overdue (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *finding = raise_minor (fixture->store, NULL);
  g_autofree char *late = aims_finding_add_action (fixture->store, finding, "Late", NULL);
  g_autofree char *due_today = aims_finding_add_action (fixture->store, finding, "Today", NULL);
  g_autofree char *done = aims_finding_add_action (fixture->store, finding, "Done late", NULL);
  g_autofree char *undated = aims_finding_add_action (fixture->store, finding, "Undated", NULL);
  g_auto(GStrv) overdue = NULL;
  AimsFindingSummary summary;

  set_text (fixture->store, "corrective_action", late, "due_date", "2026-03-01");
  set_text (fixture->store, "corrective_action", late, "status", "in-progress");
  set_text (fixture->store, "corrective_action", due_today, "due_date", "2026-03-10");
  set_text (fixture->store, "corrective_action", done, "due_date", "2026-01-01");
  set_text (fixture->store, "corrective_action", done, "status", "done");

  g_assert_true (aims_corrective_action_is_overdue ("2026-03-09", "planned", "2026-03-10"));
  g_assert_false (aims_corrective_action_is_overdue ("2026-03-10", "planned", "2026-03-10"));
  g_assert_false (aims_corrective_action_is_overdue ("2026-03-09", "done", "2026-03-10"));
  g_assert_false (aims_corrective_action_is_overdue ("2026-03-09", "cancelled", "2026-03-10"));
  g_assert_false (aims_corrective_action_is_overdue ("", "planned", "2026-03-10"));

  overdue = aims_finding_dup_overdue_actions (fixture->store, "2026-03-10", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (overdue), ==, 1);
  g_assert_cmpstr (overdue[0], ==, late);

  g_assert_true (aims_finding_summarize (fixture->store, finding, "2026-03-10", &summary, &error));
  g_assert_cmpuint (summary.n_actions, ==, 4);
  g_assert_cmpuint (summary.n_done, ==, 1);
  g_assert_cmpuint (summary.n_open, ==, 3);
  g_assert_cmpuint (summary.n_overdue, ==, 1);
}

static AimsPdcaCard *
find_card (GPtrArray  *cards,
           const char *key)
{
  for (guint i = 0; i < cards->len; i++)
    {
      AimsPdcaCard *card = g_ptr_array_index (cards, i);

      if (g_str_equal (aims_pdca_card_get_key (card), key))
        return card;
    }

  return NULL;
}

static void
test_board_cards (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *finding = raise_minor (fixture->store, NULL);
  g_autofree char *action = aims_finding_add_action (fixture->store, finding, "Write it", NULL);
  g_autofree char *status = NULL;
  g_autofree char *owner = NULL;
  g_autoptr(GPtrArray) cards = aims_pdca_load (fixture->store, &error);
  g_autoptr(GPtrArray) after = NULL;
  AimsPdcaCard *card;

  g_assert_no_error (error);
  card = find_card (cards, action);
  g_assert_nonnull (card);
  g_assert_cmpint (aims_pdca_card_get_kind (card), ==, AIMS_PDCA_CARD_CORRECTIVE_ACTION);
  g_assert_cmpint (aims_pdca_card_get_phase (card), ==, AIMS_PDCA_PHASE_ACT);
  g_assert_cmpstr (aims_pdca_card_get_parent (card), ==, finding);
  g_assert_cmpstr (aims_pdca_card_get_title (card), ==, "F-001: Write it");
  g_assert_cmpstr (aims_pdca_card_get_status (card), ==, "not-started");
  g_assert_false (aims_pdca_card_can_move (card));

  /* The card's fields are the action's own */
  g_assert_true (aims_pdca_set (fixture->store, card, "status",
                                g_variant_new_string ("in-progress"), &error));
  g_assert_no_error (error);
  g_assert_true (aims_pdca_set (fixture->store, card, "owner", g_variant_new_string ("Lin"),
                                &error));
  status = aims_store_dup_text (fixture->store, "corrective_action", action, "status", NULL);
  owner = aims_store_dup_text (fixture->store, "corrective_action", action, "owner", NULL);
  g_assert_cmpstr (status, ==, "in-progress");
  g_assert_cmpstr (owner, ==, "Lin");
  g_assert_cmpuint (aims_store_count (fixture->store, "pdca_card"), ==, 0);

  /* It stays in Act */
  g_assert_false (aims_pdca_move (fixture->store, card, AIMS_PDCA_PHASE_DO, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* Done: it leaves the board */
  g_assert_true (aims_pdca_set (fixture->store, card, "status", g_variant_new_string ("done"),
                                &error));
  after = aims_pdca_load (fixture->store, &error);
  g_assert_null (find_card (after, action));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  g_test_add_func ("/audit/scope-expansion", test_scope_expansion);
  ADD ("/audit/set-scope", test_set_scope);
  ADD ("/audit/start", test_start);
  ADD ("/audit/start-empty", test_start_empty);
  ADD ("/audit/raise-finding", test_raise_finding);
  ADD ("/audit/whys", test_whys);
  ADD ("/audit/close-rules", test_close_rules);
  ADD ("/audit/close-observation", test_close_observation);
  ADD ("/audit/overdue", test_overdue);
  ADD ("/audit/board-cards", test_board_cards);
#undef ADD

  return g_test_run ();
}
