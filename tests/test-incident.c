/* test-incident.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* AI incidents (issue 8): recording one, the rules of its times (each a real
 * wall-clock time, in order), of its status and of its reporting, the time
 * it took to detect and to resolve, the risks it reveals with undo, the
 * "reassess risk" shortcut and the demo's incidents. */

#include "config.h"

#include "aims-test-util.h"

#include "aims-store-private.h"

#include <string.h>

typedef struct
{
  char      *dir;
  AimsStore *store;
  char      *system;
  char      *incident;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = aims_test_make_dir ();
  path = g_build_filename (fixture->dir, "incidents.db", NULL);
  fixture->store = aims_store_new (path, "Ada", &error);
  g_assert_no_error (error);
  g_assert_true (_aims_store_create_project (fixture->store, &error));
  g_assert_no_error (error);

  fixture->system = aims_test_add_system (fixture->store, "SYS-001", "Fraud scoring");
  fixture->incident = aims_incident_create (fixture->store, fixture->system,
                                            "Referrals halve", &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->incident);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  aims_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->system);
  g_free (fixture->incident);
}

static char *
dup_text (Fixture    *fixture,
          const char *table,
          const char *uuid,
          const char *field)
{
  char *text = aims_store_dup_text (fixture->store, table, uuid, field, NULL);

  g_assert_nonnull (text);
  return text;
}

static void
set_ok (Fixture    *fixture,
        const char *field,
        GVariant   *value)
{
  g_autoptr(GError) error = NULL;

  g_variant_ref_sink (value);
  g_assert_true (aims_rules_check_update (fixture->store, "incident", fixture->incident, field,
                                          value, &error));
  g_assert_no_error (error);
  g_assert_true (aims_store_update (fixture->store, "incident", fixture->incident, field, value,
                                    &error));
  g_assert_no_error (error);
  g_variant_unref (value);
}

static void
set_time (Fixture    *fixture,
          const char *field,
          const char *text)
{
  set_ok (fixture, field, g_variant_new_string (text));
}

/* Refused by the rules check and by the store alike, with @code and
 * @message, writing nothing. */
static void
set_refused (Fixture    *fixture,
             const char *field,
             GVariant   *value,
             gint        code,
             const char *message)
{
  g_autoptr(GError) check_error = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) before = aims_store_get (fixture->store, "incident", fixture->incident,
                                               field, NULL);
  g_autoptr(GVariant) after = NULL;
  gint64 last_change = aims_store_get_last_change_id (fixture->store);

  g_variant_ref_sink (value);
  g_assert_false (aims_rules_check_update (fixture->store, "incident", fixture->incident, field,
                                           value, &check_error));
  g_assert_error (check_error, AIMS_RULE_ERROR, code);
  g_assert_false (aims_store_update (fixture->store, "incident", fixture->incident, field, value,
                                     &error));
  g_assert_error (error, AIMS_RULE_ERROR, code);
  g_assert_cmpstr (error->message, ==, check_error->message);
  g_assert_cmpstr (error->message, ==, message);
  g_variant_unref (value);

  after = aims_store_get (fixture->store, "incident", fixture->incident, field, NULL);
  g_assert_true (g_variant_equal (before, after));
  g_assert_cmpint (aims_store_get_last_change_id (fixture->store), ==, last_change);
}

static char *
add_risk (Fixture    *fixture,
          const char *reference,
          const char *assessed)
{
  g_autoptr(GHashTable) values = aims_test_values ("reference", g_variant_new_string (reference),
                                                   "title", g_variant_new_string (reference),
                                                   "inherent_likelihood", g_variant_new_int64 (2),
                                                   "inherent_impact", g_variant_new_int64 (3),
                                                   "assessed", g_variant_new_string (assessed),
                                                   NULL);
  g_autoptr(GError) error = NULL;
  char *uuid = aims_store_insert (fixture->store, "risk", values, &error);

  g_assert_no_error (error);
  g_assert_nonnull (uuid);
  return uuid;
}

static guint
n_items (AimsRecordList *list)
{
  return g_list_model_get_n_items (G_LIST_MODEL (list));
}

/* Times */

static void
test_time_parsing (void)
{
  g_autoptr(GDateTime) time = aims_incident_parse_time ("2026-03-14T09:30");

  g_assert_nonnull (time);
  g_assert_cmpint (g_date_time_get_year (time), ==, 2026);
  g_assert_cmpint (g_date_time_get_hour (time), ==, 9);
  g_assert_cmpint (g_date_time_get_minute (time), ==, 30);
  g_assert_cmpint (g_date_time_get_utc_offset (time), ==, 0);

  g_assert_true (aims_incident_time_is_valid ("2028-02-29T23:59"));
  g_assert_true (aims_incident_time_is_valid ("2026-01-01T00:00"));

  /* Days and times that do not exist */
  g_assert_false (aims_incident_time_is_valid ("2026-02-30T10:00"));
  g_assert_false (aims_incident_time_is_valid ("2026-02-29T10:00"));
  g_assert_false (aims_incident_time_is_valid ("2026-03-14T24:00"));
  g_assert_false (aims_incident_time_is_valid ("2026-03-14T09:60"));
  /* Other ways of writing one */
  g_assert_false (aims_incident_time_is_valid ("2026-03-14 09:30"));
  g_assert_false (aims_incident_time_is_valid ("2026-3-14T09:30"));
  g_assert_false (aims_incident_time_is_valid ("2026-03-14T09:30:00"));
  g_assert_false (aims_incident_time_is_valid ("2026-03-14T09:30Z"));
  g_assert_false (aims_incident_time_is_valid ("2026-03-14"));
  g_assert_false (aims_incident_time_is_valid ("yesterday"));
  g_assert_false (aims_incident_time_is_valid (""));
}

static void
test_format_duration (void)
{
  struct { GTimeSpan span; const char *text; } cases[] = {
    { 0, "0 min" },
    { 45 * G_TIME_SPAN_MINUTE + 59 * G_TIME_SPAN_SECOND, "45 min" },
    { 3 * G_TIME_SPAN_HOUR + 20 * G_TIME_SPAN_MINUTE, "3 h 20 min" },
    { 5 * G_TIME_SPAN_HOUR, "5 h" },
    { 2 * G_TIME_SPAN_DAY + 4 * G_TIME_SPAN_HOUR + 10 * G_TIME_SPAN_MINUTE, "2 d 4 h" },
    { 3 * G_TIME_SPAN_DAY, "3 d" },
    { -G_TIME_SPAN_HOUR, "0 min" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = aims_incident_format_duration (cases[i].span);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_durations (void)
{
  AimsIncidentDurations d;

  aims_incident_compute_durations ("2026-03-14T09:30", "2026-03-14T12:50", "2026-03-16T17:00",
                                   &d);
  g_assert_true (d.has_time_to_detect);
  g_assert_cmpint (d.time_to_detect, ==, 3 * G_TIME_SPAN_HOUR + 20 * G_TIME_SPAN_MINUTE);
  g_assert_true (d.has_time_to_resolve);
  g_assert_cmpint (d.time_to_resolve, ==, 2 * G_TIME_SPAN_DAY + 4 * G_TIME_SPAN_HOUR +
                                          10 * G_TIME_SPAN_MINUTE);

  /* Across a leap day and a month end */
  aims_incident_compute_durations ("2028-02-28T23:00", "2028-03-01T01:00", "", &d);
  g_assert_true (d.has_time_to_detect);
  g_assert_cmpint (d.time_to_detect, ==, G_TIME_SPAN_DAY + 2 * G_TIME_SPAN_HOUR);
  g_assert_false (d.has_time_to_resolve);

  /* Missing, unreadable or out-of-order times give no duration */
  aims_incident_compute_durations ("", "2026-03-14T12:50", NULL, &d);
  g_assert_false (d.has_time_to_detect);
  aims_incident_compute_durations ("2026-02-30T10:00", "2026-03-14T12:50", NULL, &d);
  g_assert_false (d.has_time_to_detect);
  aims_incident_compute_durations ("2026-03-14T12:50", "2026-03-14T09:30", NULL, &d);
  g_assert_false (d.has_time_to_detect);
}

static void
test_durations_from_store (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  AimsIncidentDurations d;

  g_assert_true (aims_incident_get_durations (fixture->store, fixture->incident, &d, &error));
  g_assert_no_error (error);
  g_assert_false (d.has_time_to_detect);
  g_assert_false (d.has_time_to_resolve);

  set_time (fixture, "occurred", "2026-06-01T06:00");
  set_time (fixture, "detected", "2026-06-09T10:15");
  set_time (fixture, "resolved", "2026-06-23T17:30");
  g_assert_true (aims_incident_get_durations (fixture->store, fixture->incident, &d, &error));
  g_assert_cmpint (d.time_to_detect, ==, 8 * G_TIME_SPAN_DAY + 4 * G_TIME_SPAN_HOUR +
                                         15 * G_TIME_SPAN_MINUTE);
  g_assert_cmpint (d.time_to_resolve, ==, 14 * G_TIME_SPAN_DAY + 7 * G_TIME_SPAN_HOUR +
                                          15 * G_TIME_SPAN_MINUTE);

  g_assert_false (aims_incident_get_durations (fixture->store, "no-such-incident", &d, &error));
  g_assert_nonnull (error);
}

/* Recording */

static void
test_create (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *second = NULL;
  g_autofree char *reference = dup_text (fixture, "incident", fixture->incident, "reference");
  g_autofree char *system = dup_text (fixture, "incident", fixture->incident, "system");
  g_autofree char *status = dup_text (fixture, "incident", fixture->incident, "status");
  g_autofree char *severity = dup_text (fixture, "incident", fixture->incident, "severity");
  g_autofree char *type = dup_text (fixture, "incident", fixture->incident, "type");
  g_autofree char *second_reference = NULL;
  g_autoptr(GVariant) second_system = NULL;

  g_assert_cmpstr (reference, ==, "INC-001");
  g_assert_cmpstr (system, ==, fixture->system);
  g_assert_cmpstr (status, ==, "open");
  g_assert_cmpstr (severity, ==, "medium");
  g_assert_cmpstr (type, ==, "other");

  /* Without an AI system, with the next reference */
  second = aims_incident_create (fixture->store, NULL, "Unknown source", &error);
  g_assert_no_error (error);
  second_reference = dup_text (fixture, "incident", second, "reference");
  g_assert_cmpstr (second_reference, ==, "INC-002");
  second_system = aims_store_get (fixture->store, "incident", second, "system", NULL);
  g_assert_null (second_system);

  /* A system that is not there is refused and nothing is recorded */
  g_assert_null (aims_incident_create (fixture->store, "no-such-system", "Ghost", &error));
  g_assert_error (error, AIMS_STORE_ERROR, AIMS_STORE_ERROR_NOT_FOUND);
  g_assert_cmpuint (aims_store_count (fixture->store, "incident"), ==, 2);
}

/* Rules */

static void
test_time_must_exist (Fixture       *fixture,
                      gconstpointer  data)
{
  set_refused (fixture, "detected", g_variant_new_string ("2026-02-30T10:00"),
               AIMS_RULE_ERROR_INVALID_DATE,
               "Detected: “2026-02-30T10:00” is not a date and time that exists; write it as "
               "YYYY-MM-DDTHH:MM, for example 2026-03-14T09:30.");
  set_refused (fixture, "occurred", g_variant_new_string ("14/03/2026 09:30"),
               AIMS_RULE_ERROR_INVALID_DATE,
               "Occurred: “14/03/2026 09:30” is not a date and time that exists; write it as "
               "YYYY-MM-DDTHH:MM, for example 2026-03-14T09:30.");
  set_refused (fixture, "resolved", g_variant_new_string ("2026-03-14T24:00"),
               AIMS_RULE_ERROR_INVALID_DATE,
               "Resolved: “2026-03-14T24:00” is not a date and time that exists; write it as "
               "YYYY-MM-DDTHH:MM, for example 2026-03-14T09:30.");

  /* Real times are kept, and a time can be emptied again */
  set_time (fixture, "responded", "2026-03-14T09:30");
  set_time (fixture, "responded", "");
}

static void
test_time_order (Fixture       *fixture,
                 gconstpointer  data)
{
  set_time (fixture, "occurred", "2026-03-14T10:00");

  set_refused (fixture, "detected", g_variant_new_string ("2026-03-14T09:00"),
               AIMS_RULE_ERROR_DATE_ORDER,
               "Detected: 2026-03-14T09:00 is before “Occurred” (2026-03-14T10:00).");
  set_time (fixture, "detected", "2026-03-14T10:00");  /* the same minute is fine */
  set_time (fixture, "detected", "2026-03-14T11:30");

  /* Moving the earlier time past the later one names the one edited */
  set_refused (fixture, "occurred", g_variant_new_string ("2026-03-15T08:00"),
               AIMS_RULE_ERROR_DATE_ORDER,
               "Occurred: 2026-03-15T08:00 is after “Detected” (2026-03-14T11:30).");

  /* Gaps are skipped: resolved is judged against detected */
  set_refused (fixture, "resolved", g_variant_new_string ("2026-03-14T11:00"),
               AIMS_RULE_ERROR_DATE_ORDER,
               "Resolved: 2026-03-14T11:00 is before “Detected” (2026-03-14T11:30).");
  set_time (fixture, "resolved", "2026-03-16T09:00");
  set_refused (fixture, "responded", g_variant_new_string ("2026-03-17T09:00"),
               AIMS_RULE_ERROR_DATE_ORDER,
               "Responded: 2026-03-17T09:00 is after “Resolved” (2026-03-16T09:00).");
  set_time (fixture, "responded", "2026-03-14T12:00");
}

static void
test_time_order_on_insert (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GHashTable) values = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;

  values = aims_test_values ("reference", g_variant_new_string ("INC-050"),
                             "title", g_variant_new_string ("Backwards"),
                             "occurred", g_variant_new_string ("2026-03-14T10:00"),
                             "detected", g_variant_new_string ("2026-03-13T10:00"),
                             NULL);
  g_assert_false (aims_rules_check_insert (fixture->store, "incident", values, &error));
  g_assert_error (error, AIMS_RULE_ERROR, AIMS_RULE_ERROR_DATE_ORDER);
  g_clear_error (&error);

  uuid = aims_store_insert (fixture->store, "incident", values, &error);
  g_assert_null (uuid);
  g_assert_error (error, AIMS_RULE_ERROR, AIMS_RULE_ERROR_DATE_ORDER);
  g_assert_cmpstr (error->message, ==,
                   "Detected: 2026-03-13T10:00 is before “Occurred” (2026-03-14T10:00).");
  g_assert_cmpuint (aims_store_count (fixture->store, "incident"), ==, 1);
}

static void
test_status_needs_resolved (Fixture       *fixture,
                            gconstpointer  data)
{
  set_refused (fixture, "status", g_variant_new_string ("resolved"), AIMS_RULE_ERROR_REQUIRED,
               "Status: a resolved or closed incident needs the time it was resolved; fill in "
               "“Resolved” first.");
  set_refused (fixture, "status", g_variant_new_string ("closed"), AIMS_RULE_ERROR_REQUIRED,
               "Status: a resolved or closed incident needs the time it was resolved; fill in "
               "“Resolved” first.");

  set_time (fixture, "resolved", "2026-03-16T09:00");
  set_ok (fixture, "status", g_variant_new_string ("closed"));

  set_refused (fixture, "resolved", g_variant_new_string (""), AIMS_RULE_ERROR_REQUIRED,
               "Resolved: required while the incident is resolved or closed; set its “Status” "
               "back to open first.");

  set_ok (fixture, "status", g_variant_new_string ("open"));
  set_time (fixture, "resolved", "");
}

static void
test_reported_needs_authority (Fixture       *fixture,
                               gconstpointer  data)
{
  /* A date alone, without "must be reported", asks for nothing */
  set_time (fixture, "reported_on", "2026-03-20");
  set_refused (fixture, "reportable", g_variant_new_boolean (TRUE), AIMS_RULE_ERROR_REQUIRED,
               "Must be reported to an authority: a reported incident needs the authority it "
               "was reported to; fill in “Authority” first.");
  set_time (fixture, "reported_on", "");

  /* Reportable but not reported yet: the authority may still be found out */
  set_ok (fixture, "reportable", g_variant_new_boolean (TRUE));
  set_refused (fixture, "reported_on", g_variant_new_string ("2026-03-20"),
               AIMS_RULE_ERROR_REQUIRED,
               "Reported on: a reported incident needs the authority it was reported to; fill "
               "in “Authority” first.");

  set_time (fixture, "authority", "Information Commissioner's Office");
  set_time (fixture, "reported_on", "2026-03-20");
  set_refused (fixture, "authority", g_variant_new_string ("  "), AIMS_RULE_ERROR_REQUIRED,
               "Authority: required once the incident is reported (on 2026-03-20).");

  /* The report date is a date */
  set_refused (fixture, "reported_on", g_variant_new_string ("2026-03-32"),
               AIMS_RULE_ERROR_INVALID_DATE,
               "Reported on: “2026-03-32” is not a date that exists; write it as YYYY-MM-DD.");
}

/* Risks */

static void
test_link_risks (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *risk = add_risk (fixture, "R-001", "2026-01-10");
  g_autofree char *other = add_risk (fixture, "R-002", "2026-01-10");
  g_autofree char *link = NULL;
  g_autofree char *again = NULL;
  g_autoptr(AimsRecordList) risks = aims_incident_list_risks (fixture->store, fixture->incident);
  g_autoptr(AimsRecordList) incidents = aims_incident_list_for_risk (fixture->store, risk);
  gint64 before;

  g_assert_cmpuint (n_items (risks), ==, 0);
  g_assert_cmpuint (n_items (incidents), ==, 0);

  link = aims_incident_link_risk (fixture->store, fixture->incident, risk, &error);
  g_assert_no_error (error);
  g_assert_nonnull (link);
  g_assert_cmpuint (n_items (risks), ==, 1);
  g_assert_cmpuint (n_items (incidents), ==, 1);

  /* Linking twice changes nothing */
  before = aims_store_get_last_change_id (fixture->store);
  again = aims_incident_link_risk (fixture->store, fixture->incident, risk, &error);
  g_assert_cmpstr (again, ==, link);
  g_assert_cmpint (aims_store_get_last_change_id (fixture->store), ==, before);

  g_free (aims_incident_link_risk (fixture->store, fixture->incident, other, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_items (risks), ==, 2);

  /* One undo step each */
  g_assert_true (aims_store_undo (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_items (risks), ==, 1);
  g_assert_null (aims_store_dup_link_uuid (fixture->store, "incident_risk", fixture->incident,
                                           other));

  g_assert_true (aims_incident_unlink_risk (fixture->store, fixture->incident, risk, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_items (risks), ==, 0);
  g_assert_cmpuint (n_items (incidents), ==, 0);
  /* The risk stays */
  g_assert_cmpuint (aims_store_count (fixture->store, "risk"), ==, 2);

  g_assert_false (aims_incident_unlink_risk (fixture->store, fixture->incident, risk, &error));
  g_assert_error (error, AIMS_STORE_ERROR, AIMS_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (aims_store_undo (fixture->store, &error));
  g_assert_cmpuint (n_items (risks), ==, 1);
  g_assert_cmpuint (n_items (incidents), ==, 1);

  /* A risk that is not there cannot be linked */
  g_assert_null (aims_incident_link_risk (fixture->store, fixture->incident, "no-such-risk",
                                          &error));
  g_assert_nonnull (error);
}

static void
test_add_risk (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *risk = NULL;
  g_autofree char *title = NULL;
  g_autofree char *bare = NULL;
  g_autofree char *link = NULL;
  g_autofree char *system_link = NULL;

  risk = aims_incident_add_risk (fixture->store, fixture->incident, "Scores drift unseen",
                                 &error);
  g_assert_no_error (error);
  g_assert_nonnull (risk);

  title = dup_text (fixture, "risk", risk, "title");
  g_assert_cmpstr (title, ==, "Scores drift unseen");
  link = aims_store_dup_link_uuid (fixture->store, "incident_risk", fixture->incident, risk);
  g_assert_nonnull (link);
  system_link = aims_store_dup_link_uuid (fixture->store, "risk_system", risk, fixture->system);
  g_assert_nonnull (system_link);

  /* One undo takes back the risk and both links */
  g_assert_true (aims_store_undo (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (aims_store_count (fixture->store, "risk"), ==, 0);
  g_assert_cmpuint (aims_store_count (fixture->store, "incident_risk"), ==, 0);
  g_assert_cmpuint (aims_store_count (fixture->store, "risk_system"), ==, 0);

  /* An incident without an AI system says what to do first */
  bare = aims_incident_create (fixture->store, NULL, "Unknown source", &error);
  g_assert_no_error (error);
  g_assert_null (aims_incident_add_risk (fixture->store, bare, "Anything", &error));
  g_assert_error (error, AIMS_RULE_ERROR, AIMS_RULE_ERROR_REQUIRED);
  g_assert_cmpstr (error->message, ==,
                   "The incident names no AI system; choose its AI system first.");
  g_assert_cmpuint (aims_store_count (fixture->store, "risk"), ==, 0);
}

static void
test_reassess (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *old = add_risk (fixture, "R-001", "2026-01-10");
  g_autofree char *fresh = add_risk (fixture, "R-002", "2026-04-02");
  g_autofree char *target = NULL;
  g_autofree char *note = NULL;
  gint64 before;

  set_time (fixture, "occurred", "2026-03-14T10:00");

  /* Only a risk the incident reveals */
  g_assert_null (aims_incident_reassess_risk (fixture->store, fixture->incident, old, &note,
                                              &error));
  g_assert_error (error, AIMS_STORE_ERROR, AIMS_STORE_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==,
                   "The incident does not reveal risk R-001; link it to the incident first.");
  g_assert_null (note);
  g_clear_error (&error);

  g_free (aims_incident_link_risk (fixture->store, fixture->incident, old, NULL));
  g_free (aims_incident_link_risk (fixture->store, fixture->incident, fresh, NULL));

  /* It writes nothing: the new score is given on the risk's page */
  before = aims_store_get_last_change_id (fixture->store);
  target = aims_incident_reassess_risk (fixture->store, fixture->incident, old, &note, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (target, ==, old);
  g_assert_cmpstr (note, ==,
                   "Risk R-001 was last assessed on 2026-01-10, before the incident occurred; "
                   "give it a new score.");
  g_assert_cmpint (aims_store_get_last_change_id (fixture->store), ==, before);

  g_clear_pointer (&target, g_free);
  g_clear_pointer (&note, g_free);
  target = aims_incident_reassess_risk (fixture->store, fixture->incident, fresh, &note, &error);
  g_assert_cmpstr (target, ==, fresh);
  g_assert_cmpstr (note, ==,
                   "Risk R-002 was last assessed on 2026-04-02; check its score still holds.");
}

/* Demo */

static void
test_demo (void)
{
  g_autofree char *dir = aims_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  g_autoptr(AimsStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) uuids = NULL;
  guint n_open = 0, n_reported = 0, n_linked = 0;

  store = aims_store_new (path, "Ada", &error);
  g_assert_no_error (error);
  g_assert_true (_aims_store_create_project (store, &error));
  g_assert_true (aims_demo_generate (store, AIMS_DEMO_SCALE_SMALL, 42, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (aims_store_count (store, "incident"), >=, 5);
  g_assert_cmpuint (aims_store_count (store, "incident"), <=, 8);

  uuids = aims_store_dup_uuids (store, "incident", &error);
  for (guint i = 0; uuids[i] != NULL; i++)
    {
      g_autofree char *status = aims_store_dup_text (store, "incident", uuids[i], "status", NULL);
      g_autofree char *reported = aims_store_dup_text (store, "incident", uuids[i],
                                                       "reported_on", NULL);
      g_autofree char *system = aims_store_dup_text (store, "incident", uuids[i], "system",
                                                     NULL);
      g_autoptr(AimsRecordList) risks = aims_incident_list_risks (store, uuids[i]);
      AimsIncidentDurations d;

      g_assert_nonnull (system);
      g_assert_true (aims_incident_get_durations (store, uuids[i], &d, NULL));
      g_assert_true (d.has_time_to_detect);
      n_open += g_str_equal (status, "open");
      n_reported += reported[0] != '\0';
      n_linked += n_items (risks) > 0;
    }

  g_assert_cmpuint (n_open, >=, 1);
  g_assert_cmpuint (n_reported, ==, 1);
  g_assert_cmpuint (n_linked, ==, aims_store_count (store, "incident"));

  g_clear_object (&store);
  aims_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/incident/time/parsing", test_time_parsing);
  g_test_add_func ("/incident/time/format-duration", test_format_duration);
  g_test_add_func ("/incident/time/durations", test_durations);
  ADD ("/incident/time/durations-from-store", test_durations_from_store);
  ADD ("/incident/create", test_create);
  ADD ("/incident/rules/time-must-exist", test_time_must_exist);
  ADD ("/incident/rules/time-order", test_time_order);
  ADD ("/incident/rules/time-order-on-insert", test_time_order_on_insert);
  ADD ("/incident/rules/status-needs-resolved", test_status_needs_resolved);
  ADD ("/incident/rules/reported-needs-authority", test_reported_needs_authority);
  ADD ("/incident/risks/link", test_link_risks);
  ADD ("/incident/risks/add", test_add_risk);
  ADD ("/incident/risks/reassess", test_reassess);
  g_test_add_func ("/incident/demo", test_demo);

#undef ADD

  return g_test_run ();
}
