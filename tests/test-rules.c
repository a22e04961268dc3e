/* test-rules.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The rules of the AI system inventory, through the store's one write path
 * (aims_store_insert(), aims_store_update()) and through the questions forms
 * and imports ask first (aims_rules_check_insert(), aims_rules_check_update()).
 * Every refusal is checked for its error, for a message that names the field
 * by the label people see, and for leaving no trace: the record reads back as
 * it was, and neither the change log nor the undo stack grows.
 *
 * The store and the rules agree on what they refuse; for a value that does
 * not fit its field by itself (too long, not one of the choices, a reference
 * taken by another record) the store keeps its own codes
 * (AIMS_STORE_ERROR_INVALID_VALUE, AIMS_STORE_ERROR_CONSTRAINT) while the
 * rules' checks give the rules' codes, as their documentation says. */

#include "config.h"

#include "aims-store-private.h"
#include "aims-test-util.h"

#include <string.h>

typedef struct
{
  char                *dir;
  AimsStore           *store;
  const AimsTableInfo *systems;
  char                *system;    /* SYS-001, valid, in scope, minimal risk */
} Fixture;

/* What a refusal must not change. */
typedef struct
{
  gint64  last_change_id;
  gint64  n_log;
  gint64  n_changesets;
  guint   n_systems;
  char   *undo_label;
  char   *records;
} Trace;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = aims_test_make_dir ();
  path = g_build_filename (fixture->dir, "rules.sqlite", NULL);
  fixture->store = aims_store_new (path, "Ada", &error);
  g_assert_no_error (error);
  g_assert_true (_aims_store_create_project (fixture->store, &error));
  g_assert_no_error (error);

  fixture->systems = aims_schema_lookup_table ("ai_system");
  g_assert_nonnull (fixture->systems);

  fixture->system = aims_test_add_system (fixture->store, "SYS-001", "Credit scoring");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  aims_test_remove_tree (fixture->dir);
  g_free (fixture->system);
  g_free (fixture->dir);
}

/* The label a form shows for @field, from the descriptor. */
static const char *
label_of (Fixture    *fixture,
          const char *field)
{
  const AimsFieldInfo *info = aims_table_info_lookup_field (fixture->systems, field);

  g_assert_nonnull (info);
  return info->label;
}

static gint64
query_int (AimsStore  *store,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (_aims_store_get_db (store), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

/* Every field of one record, read through the public API. */
static char *
dump_record (Fixture    *fixture,
             const char *uuid)
{
  GString *dump = g_string_new (NULL);

  for (guint i = 0; i < fixture->systems->n_fields; i++)
    {
      const char *name = fixture->systems->fields[i].name;
      g_autoptr(GError) error = NULL;
      g_autoptr(GVariant) value = aims_store_get (fixture->store, "ai_system", uuid, name,
                                                  &error);
      g_autofree char *printed = NULL;

      g_assert_no_error (error);
      printed = value != NULL ? g_variant_print (value, TRUE) : g_strdup ("NULL");
      g_string_append_printf (dump, "%s=%s\n", name, printed);
    }

  return g_string_free (dump, FALSE);
}

static char *
dump_all_records (Fixture *fixture)
{
  g_auto(GStrv) uuids = aims_store_dup_uuids (fixture->store, "ai_system", NULL);
  GString *dump = g_string_new (NULL);

  g_assert_nonnull (uuids);
  for (guint i = 0; uuids[i] != NULL; i++)
    {
      g_autofree char *record = dump_record (fixture, uuids[i]);

      g_string_append_printf (dump, "[%s]\n%s", uuids[i], record);
    }

  return g_string_free (dump, FALSE);
}

static void
trace_take (Fixture *fixture,
            Trace   *trace)
{
  trace->last_change_id = aims_store_get_last_change_id (fixture->store);
  trace->n_log = query_int (fixture->store, "SELECT count(*) FROM change_log");
  trace->n_changesets = query_int (fixture->store, "SELECT count(*) FROM changeset");
  trace->n_systems = aims_store_count (fixture->store, "ai_system");
  trace->undo_label = aims_store_dup_undo_label (fixture->store);
  trace->records = dump_all_records (fixture);
}

static void
trace_clear (Trace *trace)
{
  g_clear_pointer (&trace->undo_label, g_free);
  g_clear_pointer (&trace->records, g_free);
}

/* Nothing was written, logged or made undoable since @before. */
static void
assert_no_trace (Fixture *fixture,
                 Trace   *before)
{
  Trace after = { 0 };

  trace_take (fixture, &after);
  g_assert_cmpint (after.last_change_id, ==, before->last_change_id);
  g_assert_cmpint (after.n_log, ==, before->n_log);
  g_assert_cmpint (after.n_changesets, ==, before->n_changesets);
  g_assert_cmpuint (after.n_systems, ==, before->n_systems);
  g_assert_cmpstr (after.undo_label, ==, before->undo_label);
  g_assert_cmpstr (after.records, ==, before->records);
  trace_clear (&after);
}

static void
assert_names_field (const GError *error,
                    const char   *label)
{
  if (strstr (error->message, label) == NULL)
    g_error ("“%s” does not name the field “%s”", error->message, label);
}

/* An edit both paths refuse, with the field @blamed named in the message;
 * the record and the history stay as they were. */
static void
assert_update_refused (Fixture    *fixture,
                       const char *uuid,
                       const char *field,
                       GVariant   *value,
                       GQuark      store_domain,
                       int         store_code,
                       int         rule_code,
                       const char *blamed)
{
  g_autoptr(GVariant) owned = g_variant_ref_sink (value);
  g_autoptr(GError) check_error = NULL;
  g_autoptr(GError) store_error = NULL;
  Trace before = { 0 };

  trace_take (fixture, &before);

  g_assert_false (aims_rules_check_update (fixture->store, "ai_system", uuid, field, owned,
                                           &check_error));
  g_assert_error (check_error, AIMS_RULE_ERROR, rule_code);
  assert_names_field (check_error, label_of (fixture, blamed));

  g_assert_false (aims_store_update (fixture->store, "ai_system", uuid, field, owned,
                                     &store_error));
  g_assert_error (store_error, store_domain, store_code);
  assert_names_field (store_error, label_of (fixture, blamed));

  assert_no_trace (fixture, &before);
  trace_clear (&before);
}

static void
assert_insert_refused (Fixture    *fixture,
                       GHashTable *values,
                       GQuark      store_domain,
                       int         store_code,
                       int         rule_code,
                       const char *blamed)
{
  g_autoptr(GError) check_error = NULL;
  g_autoptr(GError) store_error = NULL;
  g_autofree char *uuid = NULL;
  Trace before = { 0 };

  trace_take (fixture, &before);

  g_assert_false (aims_rules_check_insert (fixture->store, "ai_system", values, &check_error));
  g_assert_error (check_error, AIMS_RULE_ERROR, rule_code);
  assert_names_field (check_error, label_of (fixture, blamed));

  uuid = aims_store_insert (fixture->store, "ai_system", values, &store_error);
  g_assert_null (uuid);
  g_assert_error (store_error, store_domain, store_code);
  assert_names_field (store_error, label_of (fixture, blamed));

  assert_no_trace (fixture, &before);
  trace_clear (&before);
}

/* An edit both paths accept; it is then read back. */
static void
assert_update_accepted (Fixture    *fixture,
                        const char *uuid,
                        const char *field,
                        GVariant   *value)
{
  g_autoptr(GVariant) owned = g_variant_ref_sink (value);
  g_autoptr(GVariant) stored = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (aims_rules_check_update (fixture->store, "ai_system", uuid, field, owned,
                                          &error));
  g_assert_no_error (error);
  g_assert_true (aims_store_update (fixture->store, "ai_system", uuid, field, owned, &error));
  g_assert_no_error (error);

  stored = aims_store_get (fixture->store, "ai_system", uuid, field, &error);
  g_assert_no_error (error);
  if (g_variant_is_of_type (owned, G_VARIANT_TYPE_STRING))
    g_assert_cmpstr (g_variant_get_string (stored, NULL), ==, g_variant_get_string (owned, NULL));
}

static void
set_text (Fixture    *fixture,
          const char *uuid,
          const char *field,
          const char *text)
{
  assert_update_accepted (fixture, uuid, field, g_variant_new_string (text));
}

static char *
insert_accepted (Fixture    *fixture,
                 GHashTable *values)
{
  g_autoptr(GError) error = NULL;
  char *uuid;

  g_assert_true (aims_rules_check_insert (fixture->store, "ai_system", values, &error));
  g_assert_no_error (error);
  uuid = aims_store_insert (fixture->store, "ai_system", values, &error);
  g_assert_no_error (error);
  g_assert_nonnull (uuid);

  return uuid;
}

static void
test_required (Fixture       *fixture,
               gconstpointer  data)
{
  /* An AI system without a name: left out, empty or only spaces. */
  {
    g_autoptr(GHashTable) values = aims_test_values ("reference", g_variant_new_string ("SYS-002"),
                                                     NULL);

    assert_insert_refused (fixture, values, AIMS_STORE_ERROR, AIMS_STORE_ERROR_INVALID_VALUE,
                           AIMS_RULE_ERROR_REQUIRED, "name");
  }
  {
    g_autoptr(GHashTable) values = aims_test_values ("reference", g_variant_new_string ("SYS-002"),
                                                     "name", g_variant_new_string (""),
                                                     NULL);

    assert_insert_refused (fixture, values, AIMS_RULE_ERROR, AIMS_RULE_ERROR_REQUIRED,
                           AIMS_RULE_ERROR_REQUIRED, "name");
  }
  {
    g_autoptr(GHashTable) values = aims_test_values ("reference", g_variant_new_string ("SYS-002"),
                                                     "name", g_variant_new_string (" \t\n "),
                                                     NULL);

    assert_insert_refused (fixture, values, AIMS_RULE_ERROR, AIMS_RULE_ERROR_REQUIRED,
                           AIMS_RULE_ERROR_REQUIRED, "name");
  }
  {
    g_autoptr(GHashTable) values = aims_test_values ("reference", g_variant_new_string (""),
                                                     "name", g_variant_new_string ("Chatbot"),
                                                     NULL);

    assert_insert_refused (fixture, values, AIMS_RULE_ERROR, AIMS_RULE_ERROR_REQUIRED,
                           AIMS_RULE_ERROR_REQUIRED, "reference");
  }

  /* Emptying a required field of an existing system. */
  assert_update_refused (fixture, fixture->system, "name", g_variant_new_string (""),
                         AIMS_RULE_ERROR, AIMS_RULE_ERROR_REQUIRED, AIMS_RULE_ERROR_REQUIRED,
                         "name");
  assert_update_refused (fixture, fixture->system, "name", g_variant_new_string ("   "),
                         AIMS_RULE_ERROR, AIMS_RULE_ERROR_REQUIRED, AIMS_RULE_ERROR_REQUIRED,
                         "name");
  assert_update_refused (fixture, fixture->system, "reference", g_variant_new_string (""),
                         AIMS_RULE_ERROR, AIMS_RULE_ERROR_REQUIRED, AIMS_RULE_ERROR_REQUIRED,
                         "reference");

  /* A field that is not required may be emptied. */
  set_text (fixture, fixture->system, "description", "Scores loan applications.");
  set_text (fixture, fixture->system, "description", "");
}

static void
test_dates_exist (Fixture       *fixture,
                  gconstpointer  data)
{
  static const struct
  {
    const char *text;
    gboolean    valid;
  } dates[] = {
    { "2024-02-29", TRUE },   /* a leap year */
    { "2000-02-29", TRUE },   /* divisible by 400 */
    { "2026-12-31", TRUE },
    { "2026-02-28", TRUE },
    { "2026-02-30", FALSE },
    { "2025-02-29", FALSE },
    { "1900-02-29", FALSE },  /* divisible by 100 */
    { "2026-04-31", FALSE },
    { "2026-13-01", FALSE },
    { "2026-00-10", FALSE },
    { "2026-01-00", FALSE },
    { "0000-01-01", FALSE },
    { "2026-2-8", FALSE },
    { "2026/02/08", FALSE },
    { "08-02-2026", FALSE },
    { "2026-02-08 ", FALSE },
    { "tomorrow", FALSE },
    { "", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      if (aims_rules_date_is_valid (dates[i].text) != dates[i].valid)
        g_error ("aims_rules_date_is_valid (\"%s\") should be %s", dates[i].text,
                 dates[i].valid ? "TRUE" : "FALSE");
    }

  /* Through the write path */
  assert_update_refused (fixture, fixture->system, "next_review",
                         g_variant_new_string ("2026-02-30"),
                         AIMS_RULE_ERROR, AIMS_RULE_ERROR_INVALID_DATE,
                         AIMS_RULE_ERROR_INVALID_DATE, "next_review");
  assert_update_refused (fixture, fixture->system, "last_review",
                         g_variant_new_string ("tomorrow"),
                         AIMS_RULE_ERROR, AIMS_RULE_ERROR_INVALID_DATE,
                         AIMS_RULE_ERROR_INVALID_DATE, "last_review");
  assert_update_refused (fixture, fixture->system, "last_review",
                         g_variant_new_string ("2025-02-29"),
                         AIMS_RULE_ERROR, AIMS_RULE_ERROR_INVALID_DATE,
                         AIMS_RULE_ERROR_INVALID_DATE, "last_review");

  set_text (fixture, fixture->system, "last_review", "2024-02-29");
  set_text (fixture, fixture->system, "next_review", "2025-02-28");

  /* A date can be removed again: no date is not a wrong date. */
  set_text (fixture, fixture->system, "next_review", "");

  /* The rejected value is not in the record, nor is a date refused on
   * insert. */
  assert_update_refused (fixture, fixture->system, "next_review",
                         g_variant_new_string ("2026-02-30"),
                         AIMS_RULE_ERROR, AIMS_RULE_ERROR_INVALID_DATE,
                         AIMS_RULE_ERROR_INVALID_DATE, "next_review");
  {
    g_autoptr(GHashTable) values = aims_test_values ("reference", g_variant_new_string ("SYS-002"),
                                                     "name", g_variant_new_string ("Chatbot"),
                                                     "next_review",
                                                     g_variant_new_string ("2026-02-30"),
                                                     NULL);

    assert_insert_refused (fixture, values, AIMS_RULE_ERROR, AIMS_RULE_ERROR_INVALID_DATE,
                           AIMS_RULE_ERROR_INVALID_DATE, "next_review");
  }
}

static void
test_review_order (Fixture       *fixture,
                   gconstpointer  data)
{
  set_text (fixture, fixture->system, "last_review", "2026-03-01");
  set_text (fixture, fixture->system, "next_review", "2026-09-01");

  /* The next review moved before the last one: the message blames it. */
  assert_update_refused (fixture, fixture->system, "next_review",
                         g_variant_new_string ("2026-01-10"),
                         AIMS_RULE_ERROR, AIMS_RULE_ERROR_DATE_ORDER,
                         AIMS_RULE_ERROR_DATE_ORDER, "next_review");
  assert_update_refused (fixture, fixture->system, "next_review",
                         g_variant_new_string ("2026-02-28"),
                         AIMS_RULE_ERROR, AIMS_RULE_ERROR_DATE_ORDER,
                         AIMS_RULE_ERROR_DATE_ORDER, "next_review");

  /* The last review moved after the next one: the message blames that. */
  assert_update_refused (fixture, fixture->system, "last_review",
                         g_variant_new_string ("2026-10-01"),
                         AIMS_RULE_ERROR, AIMS_RULE_ERROR_DATE_ORDER,
                         AIMS_RULE_ERROR_DATE_ORDER, "last_review");
  assert_update_refused (fixture, fixture->system, "last_review",
                         g_variant_new_string ("2026-09-02"),
                         AIMS_RULE_ERROR, AIMS_RULE_ERROR_DATE_ORDER,
                         AIMS_RULE_ERROR_DATE_ORDER, "last_review");

  /* "Not before" allows the same day; either date may be empty. */
  set_text (fixture, fixture->system, "next_review", "2026-03-01");
  set_text (fixture, fixture->system, "last_review", "");
  set_text (fixture, fixture->system, "next_review", "2025-01-01");
  set_text (fixture, fixture->system, "last_review", "2025-01-01");

  /* The order is compared as dates, across years. */
  set_text (fixture, fixture->system, "next_review", "2025-12-31");
  assert_update_refused (fixture, fixture->system, "last_review",
                         g_variant_new_string ("2026-01-01"),
                         AIMS_RULE_ERROR, AIMS_RULE_ERROR_DATE_ORDER,
                         AIMS_RULE_ERROR_DATE_ORDER, "last_review");

  {
    g_autoptr(GHashTable) values = aims_test_values ("reference", g_variant_new_string ("SYS-002"),
                                                     "name", g_variant_new_string ("Chatbot"),
                                                     "last_review",
                                                     g_variant_new_string ("2026-05-01"),
                                                     "next_review",
                                                     g_variant_new_string ("2026-04-30"),
                                                     NULL);

    assert_insert_refused (fixture, values, AIMS_RULE_ERROR, AIMS_RULE_ERROR_DATE_ORDER,
                           AIMS_RULE_ERROR_DATE_ORDER, "next_review");
  }
}

static void
test_exclusion_justified (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *excluded = NULL;

  /* Excluding a system that says nothing about why. */
  assert_update_refused (fixture, fixture->system, "in_scope", g_variant_new_boolean (FALSE),
                         AIMS_RULE_ERROR, AIMS_RULE_ERROR_JUSTIFICATION_REQUIRED,
                         AIMS_RULE_ERROR_JUSTIFICATION_REQUIRED, "in_scope");
  assert_update_refused (fixture, fixture->system, "in_scope", g_variant_new_int64 (0),
                         AIMS_RULE_ERROR, AIMS_RULE_ERROR_JUSTIFICATION_REQUIRED,
                         AIMS_RULE_ERROR_JUSTIFICATION_REQUIRED, "scope_justification");

  /* A new excluded system without a justification, or only blanks. */
  {
    g_autoptr(GHashTable) values = aims_test_values ("reference", g_variant_new_string ("SYS-002"),
                                                     "name", g_variant_new_string ("Chatbot"),
                                                     "in_scope", g_variant_new_boolean (FALSE),
                                                     NULL);

    assert_insert_refused (fixture, values, AIMS_RULE_ERROR,
                           AIMS_RULE_ERROR_JUSTIFICATION_REQUIRED,
                           AIMS_RULE_ERROR_JUSTIFICATION_REQUIRED, "scope_justification");
  }
  {
    g_autoptr(GHashTable) values = aims_test_values ("reference", g_variant_new_string ("SYS-002"),
                                                     "name", g_variant_new_string ("Chatbot"),
                                                     "in_scope", g_variant_new_boolean (FALSE),
                                                     "scope_justification",
                                                     g_variant_new_string ("  \n "),
                                                     NULL);

    assert_insert_refused (fixture, values, AIMS_RULE_ERROR,
                           AIMS_RULE_ERROR_JUSTIFICATION_REQUIRED,
                           AIMS_RULE_ERROR_JUSTIFICATION_REQUIRED, "scope_justification");
  }

  /* With a justification first, the exclusion is accepted… */
  set_text (fixture, fixture->system, "scope_justification", "Run by the parent company.");
  assert_update_accepted (fixture, fixture->system, "in_scope", g_variant_new_boolean (FALSE));

  /* …and the justification can no longer be cleared. */
  assert_update_refused (fixture, fixture->system, "scope_justification",
                         g_variant_new_string (""),
                         AIMS_RULE_ERROR, AIMS_RULE_ERROR_JUSTIFICATION_REQUIRED,
                         AIMS_RULE_ERROR_JUSTIFICATION_REQUIRED, "scope_justification");
  assert_update_refused (fixture, fixture->system, "scope_justification",
                         g_variant_new_string ("   "),
                         AIMS_RULE_ERROR, AIMS_RULE_ERROR_JUSTIFICATION_REQUIRED,
                         AIMS_RULE_ERROR_JUSTIFICATION_REQUIRED, "scope_justification");

  /* Back in scope, it may be cleared. */
  assert_update_accepted (fixture, fixture->system, "in_scope", g_variant_new_boolean (TRUE));
  set_text (fixture, fixture->system, "scope_justification", "");

  {
    g_autoptr(GHashTable) values = aims_test_values ("reference", g_variant_new_string ("SYS-002"),
                                                     "name", g_variant_new_string ("Chatbot"),
                                                     "in_scope", g_variant_new_boolean (FALSE),
                                                     "scope_justification",
                                                     g_variant_new_string ("A pilot of HR."),
                                                     NULL);

    excluded = insert_accepted (fixture, values);
  }
  assert_update_refused (fixture, excluded, "scope_justification", g_variant_new_string (""),
                         AIMS_RULE_ERROR, AIMS_RULE_ERROR_JUSTIFICATION_REQUIRED,
                         AIMS_RULE_ERROR_JUSTIFICATION_REQUIRED, "scope_justification");
}

static void
test_annex_iii_area (Fixture       *fixture,
                     gconstpointer  data)
{
  /* The category first, without its area. */
  assert_update_refused (fixture, fixture->system, "eu_ai_act_category",
                         g_variant_new_string ("high-risk-annex-iii"),
                         AIMS_RULE_ERROR, AIMS_RULE_ERROR_AREA_REQUIRED,
                         AIMS_RULE_ERROR_AREA_REQUIRED, "eu_ai_act_category");

  {
    g_autoptr(GHashTable) values = aims_test_values ("reference", g_variant_new_string ("SYS-002"),
                                                     "name", g_variant_new_string ("CV screening"),
                                                     "eu_ai_act_category",
                                                     g_variant_new_string ("high-risk-annex-iii"),
                                                     NULL);

    assert_insert_refused (fixture, values, AIMS_RULE_ERROR, AIMS_RULE_ERROR_AREA_REQUIRED,
                           AIMS_RULE_ERROR_AREA_REQUIRED, "eu_ai_act_area");
  }

  /* Other high-risk categories need no area. */
  set_text (fixture, fixture->system, "eu_ai_act_category", "high-risk-annex-i");

  /* The area first, then the category. */
  set_text (fixture, fixture->system, "eu_ai_act_area", "annex_iii_4");
  set_text (fixture, fixture->system, "eu_ai_act_category", "high-risk-annex-iii");

  /* The area cannot be taken away while the category needs it. */
  assert_update_refused (fixture, fixture->system, "eu_ai_act_area", g_variant_new_string (""),
                         AIMS_RULE_ERROR, AIMS_RULE_ERROR_AREA_REQUIRED,
                         AIMS_RULE_ERROR_AREA_REQUIRED, "eu_ai_act_area");

  /* Another area is fine, and so is clearing it after the category. */
  set_text (fixture, fixture->system, "eu_ai_act_area", "annex_iii_5");
  set_text (fixture, fixture->system, "eu_ai_act_category", "minimal");
  set_text (fixture, fixture->system, "eu_ai_act_area", "");

  {
    g_autoptr(GHashTable) values = aims_test_values ("reference", g_variant_new_string ("SYS-002"),
                                                     "name", g_variant_new_string ("CV screening"),
                                                     "eu_ai_act_category",
                                                     g_variant_new_string ("high-risk-annex-iii"),
                                                     "eu_ai_act_area",
                                                     g_variant_new_string ("annex_iii_4"),
                                                     NULL);
    g_autofree char *uuid = insert_accepted (fixture, values);
  }
}

static void
test_invalid_choice (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* A single choice */
  assert_update_refused (fixture, fixture->system, "lifecycle", g_variant_new_string ("maybe"),
                         AIMS_STORE_ERROR, AIMS_STORE_ERROR_INVALID_VALUE,
                         AIMS_RULE_ERROR_INVALID_CHOICE, "lifecycle");
  assert_update_refused (fixture, fixture->system, "eu_ai_act_category",
                         g_variant_new_string ("High-risk-annex-iii"),
                         AIMS_STORE_ERROR, AIMS_STORE_ERROR_INVALID_VALUE,
                         AIMS_RULE_ERROR_INVALID_CHOICE, "eu_ai_act_category");
  assert_update_refused (fixture, fixture->system, "eu_ai_act_area",
                         g_variant_new_string ("annex_iii_9"),
                         AIMS_STORE_ERROR, AIMS_STORE_ERROR_INVALID_VALUE,
                         AIMS_RULE_ERROR_INVALID_CHOICE, "eu_ai_act_area");

  /* A multiple choice: one bad value among good ones is enough, and the
   * message says which. */
  set_text (fixture, fixture->system, "roles", "developer,deployer");
  assert_update_refused (fixture, fixture->system, "roles",
                         g_variant_new_string ("developer,user,deployer"),
                         AIMS_RULE_ERROR, AIMS_RULE_ERROR_INVALID_CHOICE,
                         AIMS_RULE_ERROR_INVALID_CHOICE, "roles");
  g_assert_false (aims_store_update (fixture->store, "ai_system", fixture->system, "roles",
                                     g_variant_new_string ("provider,user"), &error));
  g_assert_error (error, AIMS_RULE_ERROR, AIMS_RULE_ERROR_INVALID_CHOICE);
  g_assert_nonnull (strstr (error->message, "“user”"));
  g_clear_error (&error);
  assert_update_refused (fixture, fixture->system, "roles", g_variant_new_string ("Developer"),
                         AIMS_RULE_ERROR, AIMS_RULE_ERROR_INVALID_CHOICE,
                         AIMS_RULE_ERROR_INVALID_CHOICE, "roles");

  /* Each of the choices, alone or together, and none at all. */
  set_text (fixture, fixture->system, "roles", "provider");
  set_text (fixture, fixture->system, "roles", "developer,provider,deployer,importer,distributor");
  set_text (fixture, fixture->system, "roles", "");

  {
    g_autoptr(GHashTable) values = aims_test_values ("reference", g_variant_new_string ("SYS-002"),
                                                     "name", g_variant_new_string ("Chatbot"),
                                                     "roles",
                                                     g_variant_new_string ("deployer,reseller"),
                                                     NULL);

    assert_insert_refused (fixture, values, AIMS_RULE_ERROR, AIMS_RULE_ERROR_INVALID_CHOICE,
                           AIMS_RULE_ERROR_INVALID_CHOICE, "roles");
  }
  {
    g_autoptr(GHashTable) values = aims_test_values ("reference", g_variant_new_string ("SYS-002"),
                                                     "name", g_variant_new_string ("Chatbot"),
                                                     "lifecycle", g_variant_new_string ("beta"),
                                                     NULL);

    assert_insert_refused (fixture, values, AIMS_STORE_ERROR, AIMS_STORE_ERROR_INVALID_VALUE,
                           AIMS_RULE_ERROR_INVALID_CHOICE, "lifecycle");
  }
}

static void
test_duplicate_reference (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *second = aims_test_add_system (fixture->store, "SYS-002", "Chatbot");

  {
    g_autoptr(GHashTable) values = aims_test_values ("reference", g_variant_new_string ("SYS-001"),
                                                     "name", g_variant_new_string ("Other"),
                                                     NULL);

    assert_insert_refused (fixture, values, AIMS_STORE_ERROR, AIMS_STORE_ERROR_CONSTRAINT,
                           AIMS_RULE_ERROR_DUPLICATE_REFERENCE, "reference");
  }

  assert_update_refused (fixture, second, "reference", g_variant_new_string ("SYS-001"),
                         AIMS_STORE_ERROR, AIMS_STORE_ERROR_CONSTRAINT,
                         AIMS_RULE_ERROR_DUPLICATE_REFERENCE, "reference");

  /* Its own reference again is no duplicate; a free one is fine. */
  set_text (fixture, second, "reference", "SYS-002");
  set_text (fixture, second, "reference", "SYS-003");

  /* Once freed, a reference can be used again. */
  set_text (fixture, fixture->system, "reference", "SYS-010");
  set_text (fixture, second, "reference", "SYS-001");
}

static void
test_too_long (Fixture       *fixture,
               gconstpointer  data)
{
  const AimsFieldInfo *name = aims_table_info_lookup_field (fixture->systems, "name");
  const AimsFieldInfo *description = aims_table_info_lookup_field (fixture->systems,
                                                                   "description");
  g_autofree char *long_name = g_strnfill (name->max_bytes + 1, 'n');
  g_autofree char *max_name = g_strnfill (name->max_bytes, 'n');
  g_autofree char *long_description = g_strnfill (description->max_bytes + 1, 'd');
  g_autoptr(GString) accents = g_string_new (NULL);

  assert_update_refused (fixture, fixture->system, "name", g_variant_new_string (long_name),
                         AIMS_STORE_ERROR, AIMS_STORE_ERROR_INVALID_VALUE,
                         AIMS_RULE_ERROR_TOO_LONG, "name");
  assert_update_refused (fixture, fixture->system, "description",
                         g_variant_new_string (long_description),
                         AIMS_STORE_ERROR, AIMS_STORE_ERROR_INVALID_VALUE,
                         AIMS_RULE_ERROR_TOO_LONG, "description");

  /* The limit counts bytes of UTF-8: 128 "é" fill 256 bytes, one more is
   * too many. */
  for (guint i = 0; i < name->max_bytes / 2; i++)
    g_string_append (accents, "é");
  set_text (fixture, fixture->system, "name", accents->str);
  g_string_append (accents, "é");
  assert_update_refused (fixture, fixture->system, "name", g_variant_new_string (accents->str),
                         AIMS_STORE_ERROR, AIMS_STORE_ERROR_INVALID_VALUE,
                         AIMS_RULE_ERROR_TOO_LONG, "name");

  set_text (fixture, fixture->system, "name", max_name);

  {
    g_autoptr(GHashTable) values = aims_test_values ("reference", g_variant_new_string ("SYS-002"),
                                                     "name", g_variant_new_string (long_name),
                                                     NULL);

    assert_insert_refused (fixture, values, AIMS_STORE_ERROR, AIMS_STORE_ERROR_INVALID_VALUE,
                           AIMS_RULE_ERROR_TOO_LONG, "name");
  }
}

/* A refused edit undoes nothing else: undo still reverts the last accepted
 * edit, and inside a group the other edits are kept. */
static void
test_refusal_keeps_history (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  g_autofree char *name = NULL;

  set_text (fixture, fixture->system, "name", "Credit scoring v2");
  label = aims_store_dup_undo_label (fixture->store);

  g_assert_false (aims_store_update (fixture->store, "ai_system", fixture->system, "next_review",
                                     g_variant_new_string ("2026-02-30"), &error));
  g_assert_error (error, AIMS_RULE_ERROR, AIMS_RULE_ERROR_INVALID_DATE);
  g_clear_error (&error);

  {
    g_autofree char *now = aims_store_dup_undo_label (fixture->store);

    g_assert_cmpstr (now, ==, label);
    g_assert_false (aims_store_get_can_redo (fixture->store));
  }

  g_assert_true (aims_store_undo (fixture->store, &error));
  g_assert_no_error (error);
  name = aims_store_dup_text (fixture->store, "ai_system", fixture->system, "name", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (name, ==, "Credit scoring");
  g_clear_pointer (&name, g_free);

  /* In a group: the refused edit fails alone. */
  aims_store_begin_group (fixture->store, "Edit several fields");
  g_assert_true (aims_store_update (fixture->store, "ai_system", fixture->system, "name",
                                    g_variant_new_string ("Renamed"), &error));
  g_assert_no_error (error);
  g_assert_false (aims_store_update (fixture->store, "ai_system", fixture->system, "lifecycle",
                                     g_variant_new_string ("maybe"), &error));
  g_assert_error (error, AIMS_STORE_ERROR, AIMS_STORE_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_false (aims_store_update (fixture->store, "ai_system", fixture->system, "in_scope",
                                     g_variant_new_boolean (FALSE), &error));
  g_assert_error (error, AIMS_RULE_ERROR, AIMS_RULE_ERROR_JUSTIFICATION_REQUIRED);
  g_clear_error (&error);
  g_assert_true (aims_store_update (fixture->store, "ai_system", fixture->system, "description",
                                    g_variant_new_string ("Scores applications."), &error));
  g_assert_no_error (error);
  g_assert_true (aims_store_end_group (fixture->store, &error));
  g_assert_no_error (error);

  name = aims_store_dup_text (fixture->store, "ai_system", fixture->system, "name", &error);
  g_assert_cmpstr (name, ==, "Renamed");
  {
    g_autoptr(GVariant) in_scope = aims_store_get (fixture->store, "ai_system", fixture->system,
                                                   "in_scope", &error);
    g_autofree char *lifecycle = aims_store_dup_text (fixture->store, "ai_system",
                                                      fixture->system, "lifecycle", &error);

    g_assert_true (g_variant_get_boolean (in_scope));
    g_assert_cmpstr (lifecycle, ==, "inception");
  }

  /* The group is one undo step holding the two accepted edits only. */
  g_assert_cmpint (query_int (fixture->store,
                              "SELECT count(*) FROM change_log WHERE changeset = "
                              "(SELECT max(id) FROM changeset)"), ==, 2);
}

typedef struct
{
  GPtrArray *uuids;
} Changed;

static void
on_changed_cb (AimsStore  *store,
               const char *table,
               const char *uuid,
               Changed    *changed)
{
  g_ptr_array_add (changed->uuids, g_strdup (uuid));
}

/* An insert the rules refuse inside a group is not announced when the group
 * commits: nothing by that identifier exists. */
static void
test_refused_insert_in_group (Fixture       *fixture,
                              gconstpointer  data)
{
  const char *refused = "0f8d8e0c-3f0a-4a8e-9c1e-6f2b8c3d4e5f";
  g_autoptr(GHashTable) bad = aims_test_values ("uuid", g_variant_new_string (refused),
                                                "reference", g_variant_new_string ("SYS-003"),
                                                "name", g_variant_new_string ("Excluded"),
                                                "in_scope", g_variant_new_boolean (FALSE),
                                                NULL);
  g_autoptr(GHashTable) good = aims_test_values ("reference", g_variant_new_string ("SYS-002"),
                                                 "name", g_variant_new_string ("Chatbot"),
                                                 NULL);
  Changed changed = { g_ptr_array_new_with_free_func (g_free) };
  g_autoptr(GError) error = NULL;
  g_autofree char *added = NULL;
  g_autofree char *missing = NULL;
  gulong handler;

  handler = g_signal_connect (fixture->store, "changed", G_CALLBACK (on_changed_cb), &changed);

  aims_store_begin_group (fixture->store, "Import two systems");
  added = aims_store_insert (fixture->store, "ai_system", good, &error);
  g_assert_no_error (error);
  g_assert_null (aims_store_insert (fixture->store, "ai_system", bad, &error));
  g_assert_error (error, AIMS_RULE_ERROR, AIMS_RULE_ERROR_JUSTIFICATION_REQUIRED);
  g_clear_error (&error);
  g_assert_true (aims_store_end_group (fixture->store, &error));
  g_assert_no_error (error);

  g_signal_handler_disconnect (fixture->store, handler);

  missing = aims_store_dup_text (fixture->store, "ai_system", refused, "name", &error);
  g_assert_error (error, AIMS_STORE_ERROR, AIMS_STORE_ERROR_NOT_FOUND);
  g_assert_null (missing);

  g_assert_cmpuint (changed.uuids->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (changed.uuids, 0), ==, added);
  g_assert_cmpuint (aims_store_count (fixture->store, "ai_system"), ==, 2);
  g_ptr_array_unref (changed.uuids);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/rules/required", test_required);
  ADD ("/rules/dates-exist", test_dates_exist);
  ADD ("/rules/review-order", test_review_order);
  ADD ("/rules/exclusion-justified", test_exclusion_justified);
  ADD ("/rules/annex-iii-area", test_annex_iii_area);
  ADD ("/rules/invalid-choice", test_invalid_choice);
  ADD ("/rules/duplicate-reference", test_duplicate_reference);
  ADD ("/rules/too-long", test_too_long);
  ADD ("/rules/refusal-keeps-history", test_refusal_keeps_history);
  ADD ("/rules/refused-insert-in-group", test_refused_insert_in_group);

#undef ADD

  return g_test_run ();
}
