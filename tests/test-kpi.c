/* test-kpi.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Each figure of DOMAIN.md on a small project built here, with the edge
 * cases a review meets: no AI systems, no incidents, incidents with times
 * missing or typed out of order; and the figures of the demo. */

#include "config.h"

#include <aims-core.h>

#include "aims-store-private.h"
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
insert (AimsStore  *store,
        const char *table,
        GHashTable *values)
{
  g_autoptr(GError) error = NULL;
  char *uuid = aims_store_insert (store, table, values, &error);

  g_assert_no_error (error);
  g_assert_nonnull (uuid);
  g_hash_table_unref (values);
  return uuid;
}

static void
set_text (AimsStore  *store,
          const char *table,
          const char *uuid,
          const char *field,
          const char *value)
{
  g_autoptr(GError) error = NULL;

  gboolean ok = aims_store_update (store, table, uuid, field, g_variant_new_string (value),
                                  &error);

  g_assert_no_error (error);
  g_assert_true (ok);
}

static void
set_bool (AimsStore  *store,
          const char *table,
          const char *uuid,
          const char *field,
          gboolean    value)
{
  g_autoptr(GError) error = NULL;

  gboolean ok = aims_store_update (store, table, uuid, field, g_variant_new_boolean (value),
                                  &error);

  g_assert_no_error (error);
  g_assert_true (ok);
}

static char *
add_risk (AimsStore  *store,
          const char *reference,
          guint       likelihood,
          guint       impact,
          const char *treatment)
{
  return insert (store, "risk",
                 aims_test_values ("reference", g_variant_new_string (reference),
                                   "title", g_variant_new_string (reference),
                                   "inherent_likelihood", g_variant_new_int64 (likelihood),
                                   "inherent_impact", g_variant_new_int64 (impact),
                                   "treatment", g_variant_new_string (treatment),
                                   NULL));
}

static char *
add_action (AimsStore  *store,
            const char *risk,
            const char *status)
{
  return insert (store, "treatment_action",
                 aims_test_values ("risk", g_variant_new_string (risk),
                                   "what", g_variant_new_string ("Do something"),
                                   "status", g_variant_new_string (status),
                                   NULL));
}

static char *
add_incident (AimsStore  *store,
              const char *reference,
              const char *severity,
              const char *occurred,
              const char *detected,
              const char *resolved)
{
  return insert (store, "incident",
                 aims_test_values ("reference", g_variant_new_string (reference),
                                   "title", g_variant_new_string (reference),
                                   "severity", g_variant_new_string (severity),
                                   "occurred", g_variant_new_string (occurred),
                                   "detected", g_variant_new_string (detected),
                                   "resolved", g_variant_new_string (resolved),
                                   NULL));
}

/* An incident as a file from elsewhere may hold it: the store's rules refuse
 * impossible or out-of-order times, so it is written past them, in SQL. */
static void
add_incident_raw (AimsStore  *store,
                  const char *reference,
                  const char *severity,
                  const char *occurred,
                  const char *detected,
                  const char *resolved)
{
  g_autofree char *uuid = g_uuid_string_random ();
  char *sql = sqlite3_mprintf ("INSERT INTO incident (uuid, reference, title, severity, occurred, "
                               "detected, resolved, created, modified) VALUES (%Q, %Q, %Q, %Q, "
                               "%Q, %Q, %Q, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
                               uuid, reference, reference, severity, occurred, detected,
                               resolved);

  g_assert_cmpint (sqlite3_exec (_aims_store_get_db (store), sql, NULL, NULL, NULL), ==,
                   SQLITE_OK);
  sqlite3_free (sql);
}

static AimsKpi *
compute (AimsStore  *store,
         const char *date,
         const char *since)
{
  g_autoptr(GError) error = NULL;
  AimsKpi *kpi = aims_kpi_compute (store, date, since, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (kpi);
  return kpi;
}

/* An empty project: every figure is 0, nothing divides by zero. */
static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(AimsKpi) kpi = compute (fixture->store, "2026-06-01", NULL);

  g_assert_cmpstr (kpi->date, ==, "2026-06-01");
  g_assert_cmpuint (kpi->n_in_scope, ==, 0);
  g_assert_cmpuint (kpi->n_covered, ==, 0);
  g_assert_cmpuint (kpi->n_treatment_actions, ==, 0);
  g_assert_cmpuint (kpi->n_above_tolerance, ==, 0);
  g_assert_cmpuint (kpi->above_tolerance->len, ==, 0);
  g_assert_cmpuint (kpi->n_applicable_controls, ==, 0);
  g_assert_cmpuint (kpi->n_requirements_done, ==, 0);
  /* Every clause requirement of the catalogue counts, done or not */
  g_assert_cmpuint (kpi->n_requirements, >, 20);
  g_assert_cmpuint (kpi->n_open_nonconformities, ==, 0);
  g_assert_cmpuint (kpi->n_incidents, ==, 0);
  g_assert_cmpuint (kpi->n_mttd, ==, 0);
  g_assert_cmpfloat (kpi->mttd_minutes, ==, 0);
  g_assert_cmpuint (kpi->n_systems_overdue + kpi->n_risks_overdue + kpi->n_assessments_overdue,
                    ==, 0);
  g_assert_cmpfloat (aims_kpi_fraction (kpi->n_covered, kpi->n_in_scope), ==, 0);
}

/* Coverage counts the in-scope systems only; one without an approved
 * impact assessment is not covered, whatever its risks. */
static void
test_coverage (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *a = aims_test_add_system (fixture->store, "SYS-001", "Triage");
  g_autofree char *b = aims_test_add_system (fixture->store, "SYS-002", "Pricing");
  g_autofree char *c = aims_test_add_system (fixture->store, "SYS-003", "Chatbot");
  g_autofree char *risk = add_risk (fixture->store, "R-001", 2, 2, "");
  g_autoptr(AimsKpi) kpi = NULL;
  guint covered = 0, in_scope = 0;

  set_text (fixture->store, "ai_system", c, "scope_justification", "Retired");
  set_bool (fixture->store, "ai_system", c, "in_scope", FALSE);
  g_free (insert (fixture->store, "risk_system",
                  aims_test_values ("risk", g_variant_new_string (risk),
                                    "system", g_variant_new_string (a), NULL)));

  kpi = compute (fixture->store, "2026-06-01", NULL);
  g_assert_cmpuint (kpi->n_in_scope, ==, 2);
  g_assert_cmpuint (kpi->n_covered, ==, 0);

  /* The same figure as the Overview's own count */
  g_assert_true (aims_coverage_count (fixture->store, "2026-06-01", &covered, &in_scope, NULL));
  g_assert_cmpuint (covered, ==, kpi->n_covered);
  g_assert_cmpuint (in_scope, ==, kpi->n_in_scope);
}

/* Treatment implementation: done actions out of all actions of risks that
 * are mitigated, transferred or avoided; untreated risks' actions are not
 * counted. */
static void
test_treatment (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *mitigated = add_risk (fixture->store, "R-001", 3, 3, "mitigate");
  g_autofree char *avoided = add_risk (fixture->store, "R-002", 3, 3, "avoid");
  g_autofree char *untreated = add_risk (fixture->store, "R-003", 3, 3, "");
  g_autoptr(AimsKpi) kpi = NULL;

  g_free (add_action (fixture->store, mitigated, "done"));
  g_free (add_action (fixture->store, mitigated, "planned"));
  g_free (add_action (fixture->store, mitigated, "in-progress"));
  g_free (add_action (fixture->store, avoided, "done"));
  g_free (add_action (fixture->store, untreated, "done"));
  g_free (add_action (fixture->store, untreated, "planned"));

  kpi = compute (fixture->store, "2026-06-01", NULL);
  g_assert_cmpuint (kpi->n_treatment_actions, ==, 4);
  g_assert_cmpuint (kpi->n_treatment_done, ==, 2);
  g_assert_cmpfloat (aims_kpi_fraction (kpi->n_treatment_done, kpi->n_treatment_actions), ==, 0.5);
}

/* Above tolerance: the residual level where set, else the inherent one;
 * closed risks are not counted; the list is highest first. */
static void
test_above_tolerance (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(AimsMatrix) matrix = aims_store_dup_matrix (fixture->store);
  g_autofree char *high = add_risk (fixture->store, "R-001", 5, 5, "mitigate");
  g_autofree char *lower = add_risk (fixture->store, "R-002", 5, 5, "mitigate");
  g_autofree char *treated = add_risk (fixture->store, "R-003", 5, 5, "mitigate");
  g_autofree char *closed = add_risk (fixture->store, "R-004", 5, 5, "mitigate");
  g_autofree char *low = add_risk (fixture->store, "R-005", 1, 1, "");
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsKpi) kpi = NULL;
  guint n_steps = aims_matrix_get_n_steps (matrix, AIMS_MATRIX_LIKELIHOOD);
  AimsKpiRisk *first, *second;

  g_assert_cmpuint (n_steps, ==, 5);
  g_assert_true (aims_matrix_is_above_tolerance (matrix, aims_matrix_lookup (matrix, 5, 5)));
  g_assert_true (aims_matrix_is_above_tolerance (matrix, aims_matrix_lookup (matrix, 5, 4)));
  g_assert_false (aims_matrix_is_above_tolerance (matrix, aims_matrix_lookup (matrix, 1, 1)));

  g_assert_true (aims_risks_set_score (fixture->store, lower, AIMS_RISK_RESIDUAL, 5, 4, &error));
  g_assert_true (aims_risks_set_score (fixture->store, treated, AIMS_RISK_RESIDUAL, 1, 1, &error));
  g_assert_no_error (error);
  set_text (fixture->store, "risk", closed, "status", "closed");

  kpi = compute (fixture->store, "2026-06-01", NULL);
  g_assert_cmpuint (kpi->n_above_tolerance, ==, 2);
  g_assert_cmpuint (kpi->above_tolerance->len, ==, 2);
  first = g_ptr_array_index (kpi->above_tolerance, 0);
  second = g_ptr_array_index (kpi->above_tolerance, 1);
  g_assert_cmpstr (first->reference, ==, "R-001");
  g_assert_cmpuint (first->likelihood * first->impact, ==, 25);
  g_assert_cmpstr (second->reference, ==, "R-002");
  g_assert_cmpuint (second->impact, ==, 4);
  g_assert_cmpstr (first->level_name, !=, "");

  /* The register's own count agrees */
  g_assert_cmpuint (aims_risks_count_above_tolerance (fixture->store, matrix, NULL), ==, 2);
}

static void
set_soa (AimsStore  *store,
         const char *control,
         const char *field,
         const char *value)
{
  g_autoptr(GError) error = NULL;

  gboolean ok = aims_soa_set (store, control, field, g_variant_new_string (value), &error);

  g_assert_no_error (error);
  g_assert_true (ok);
}

/* SoA implementation over the applicable controls only; clause readiness
 * over every clause requirement. */
static void
test_soa_and_clauses (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(AimsKpi) before = compute (fixture->store, "2026-06-01", NULL);
  g_autoptr(AimsKpi) kpi = NULL;
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GError) error = NULL;
  guint done = 0;

  set_soa (fixture->store, "A.2.2", "justification", "Needed");
  set_soa (fixture->store, "A.2.2", "applicability", "applicable");
  set_soa (fixture->store, "A.2.2", "implementation", "implemented");
  set_soa (fixture->store, "A.2.3", "justification", "Needed");
  set_soa (fixture->store, "A.2.3", "applicability", "applicable");
  set_soa (fixture->store, "A.2.3", "implementation", "partial");
  set_soa (fixture->store, "A.2.4", "justification", "Needed");
  set_soa (fixture->store, "A.2.4", "applicability", "applicable");
  set_soa (fixture->store, "A.3.2", "justification", "Not relevant");
  set_soa (fixture->store, "A.3.2", "applicability", "excluded");

  cards = aims_pdca_load (fixture->store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < cards->len && done < 2; i++)
    {
      AimsPdcaCard *card = g_ptr_array_index (cards, i);

      if (aims_pdca_card_get_kind (card) != AIMS_PDCA_CARD_CLAUSE)
        continue;
      g_assert_true (aims_pdca_set (fixture->store, card, "status",
                                    g_variant_new_string ("done"), &error));
      g_assert_no_error (error);
      done++;
    }

  kpi = compute (fixture->store, "2026-06-01", NULL);
  g_assert_cmpuint (kpi->n_applicable_controls, ==, 3);
  g_assert_cmpuint (kpi->n_implemented_controls, ==, 1);
  g_assert_cmpuint (kpi->n_requirements, ==, before->n_requirements);
  g_assert_cmpuint (kpi->n_requirements_done, ==, 2);
}

/* Open nonconformities by severity: findings of kind nonconformity that are
 * open; overdue corrective actions: open past their due date. */
static void
test_nonconformities (Fixture       *fixture,
                      gconstpointer  data)
{
  const struct { const char *kind, *severity, *status; } findings[] = {
    { "nonconformity", "major", "open" },
    { "nonconformity", "minor", "open" },
    { "nonconformity", "minor", "open" },
    { "nonconformity", "", "open" },
    { "nonconformity", "major", "closed" },
    { "observation", "", "open" },
    { "improvement", "", "open" },
  };
  const struct { const char *due, *status; } actions[] = {
    { "2026-05-31", "planned" },       /* overdue */
    { "2026-05-01", "in-progress" },   /* overdue */
    { "2026-06-01", "planned" },       /* due today: not yet overdue */
    { "2026-04-01", "done" },
    { "2026-04-01", "cancelled" },
    { "", "planned" },
  };
  g_autofree char *first = NULL;
  g_autoptr(AimsKpi) kpi = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (findings); i++)
    {
      g_autofree char *reference = g_strdup_printf ("F-%03u", i + 1);
      char *uuid = insert (fixture->store, "finding",
                           aims_test_values ("reference", g_variant_new_string (reference),
                                             "title", g_variant_new_string (reference),
                                             "kind", g_variant_new_string (findings[i].kind),
                                             "severity",
                                             g_variant_new_string (findings[i].severity),
                                             "status", g_variant_new_string (findings[i].status),
                                             NULL));

      if (first == NULL)
        first = uuid;
      else
        g_free (uuid);
    }

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    g_free (insert (fixture->store, "corrective_action",
                    aims_test_values ("finding", g_variant_new_string (first),
                                      "what", g_variant_new_string ("Fix it"),
                                      "due_date", g_variant_new_string (actions[i].due),
                                      "status", g_variant_new_string (actions[i].status),
                                      NULL)));

  kpi = compute (fixture->store, "2026-06-01", NULL);
  g_assert_cmpuint (kpi->n_open_nonconformities, ==, 4);
  g_assert_cmpuint (kpi->open_nonconformities[AIMS_KPI_NC_MAJOR], ==, 1);
  g_assert_cmpuint (kpi->open_nonconformities[AIMS_KPI_NC_MINOR], ==, 2);
  g_assert_cmpuint (kpi->open_nonconformities[AIMS_KPI_NC_UNGRADED], ==, 1);
  g_assert_cmpuint (kpi->n_corrective_overdue, ==, 2);
}

/* The figures as at a day count what the file says existed on it: a
 * nonconformity raised after the day is not counted, one closed (verified)
 * after it is still open on it, a corrective action done after it is still
 * open, and an incident resolved after it is open and out of the resolve
 * mean. The same project gives other figures on another day. */
static void
test_as_at_date (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *march = NULL;
  g_autofree char *september = NULL;
  g_autoptr(AimsKpi) may = NULL;
  g_autoptr(AimsKpi) november = NULL;

  /* Raised in March, verified and closed on 1 July */
  march = insert (fixture->store, "finding",
                  aims_test_values ("reference", g_variant_new_string ("F-001"),
                                    "title", g_variant_new_string ("No drift monitoring"),
                                    "kind", g_variant_new_string ("nonconformity"),
                                    "severity", g_variant_new_string ("major"),
                                    "raised_on", g_variant_new_string ("2026-03-10"),
                                    "verified_on", g_variant_new_string ("2026-07-01"),
                                    "status", g_variant_new_string ("closed"),
                                    NULL));
  /* Raised by the September audit, still open */
  september = insert (fixture->store, "finding",
                      aims_test_values ("reference", g_variant_new_string ("F-002"),
                                        "title", g_variant_new_string ("Audit programme"),
                                        "kind", g_variant_new_string ("nonconformity"),
                                        "severity", g_variant_new_string ("minor"),
                                        "raised_on", g_variant_new_string ("2026-09-18"),
                                        NULL));
  /* Due in April, done in June */
  g_free (insert (fixture->store, "corrective_action",
                  aims_test_values ("finding", g_variant_new_string (march),
                                    "what", g_variant_new_string ("Monitor drift"),
                                    "due_date", g_variant_new_string ("2026-04-30"),
                                    "status", g_variant_new_string ("done"),
                                    "completed_on", g_variant_new_string ("2026-06-15"),
                                    NULL)));
  /* Due in October, not done */
  g_free (insert (fixture->store, "corrective_action",
                  aims_test_values ("finding", g_variant_new_string (september),
                                    "what", g_variant_new_string ("Extend the programme"),
                                    "due_date", g_variant_new_string ("2026-10-15"),
                                    "status", g_variant_new_string ("in-progress"),
                                    NULL)));
  /* Detected in 2 h, resolved on 1 June */
  g_free (insert (fixture->store, "incident",
                  aims_test_values ("reference", g_variant_new_string ("INC-001"),
                                    "title", g_variant_new_string ("Wrong refusals"),
                                    "severity", g_variant_new_string ("high"),
                                    "status", g_variant_new_string ("resolved"),
                                    "occurred", g_variant_new_string ("2026-05-01T10:00"),
                                    "detected", g_variant_new_string ("2026-05-01T12:00"),
                                    "resolved", g_variant_new_string ("2026-06-01T12:00"),
                                    NULL)));

  may = compute (fixture->store, "2026-05-22", NULL);
  g_assert_cmpuint (may->n_open_nonconformities, ==, 1);
  g_assert_cmpuint (may->open_nonconformities[AIMS_KPI_NC_MAJOR], ==, 1);
  g_assert_cmpuint (may->open_nonconformities[AIMS_KPI_NC_MINOR], ==, 0);
  g_assert_cmpuint (may->n_corrective_overdue, ==, 1);
  g_assert_cmpuint (may->n_incidents, ==, 1);
  g_assert_cmpuint (may->n_incidents_open, ==, 1);
  g_assert_cmpuint (may->n_mttd, ==, 1);
  g_assert_cmpuint (may->n_mttr, ==, 0);

  november = compute (fixture->store, "2026-11-22", NULL);
  g_assert_cmpuint (november->n_open_nonconformities, ==, 1);
  g_assert_cmpuint (november->open_nonconformities[AIMS_KPI_NC_MAJOR], ==, 0);
  g_assert_cmpuint (november->open_nonconformities[AIMS_KPI_NC_MINOR], ==, 1);
  g_assert_cmpuint (november->n_corrective_overdue, ==, 1);
  g_assert_cmpuint (november->n_incidents, ==, 1);
  g_assert_cmpuint (november->n_incidents_open, ==, 0);
  g_assert_cmpuint (november->n_mttr, ==, 1);
  g_assert_cmpfloat_with_epsilon (november->mttr_minutes, 31 * 24 * 60, 1e-9);

  /* Between the two: the March finding closed, the September one not yet
   * raised, the action done */
  g_clear_pointer (&may, aims_kpi_free);
  may = compute (fixture->store, "2026-08-01", NULL);
  g_assert_cmpuint (may->n_open_nonconformities, ==, 0);
  g_assert_cmpuint (may->n_corrective_overdue, ==, 0);
}

/* Incidents by severity, and the means over the incidents that have both
 * times; missing and out-of-order times are left out and said so. */
static void
test_incidents (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(AimsKpi) kpi = NULL;
  g_autoptr(AimsKpi) since = NULL;

  /* detect 60 min, resolve 2 h */
  g_free (add_incident (fixture->store, "INC-001", "high", "2026-03-14T09:30", "2026-03-14T10:30",
                        "2026-03-14T12:30"));
  /* detect 180 min, resolve 1 day */
  g_free (add_incident (fixture->store, "INC-002", "critical", "2026-04-01T23:00",
                        "2026-04-02T02:00", "2026-04-03T02:00"));
  /* no occurred time: only in the resolve mean (4 h) */
  g_free (add_incident (fixture->store, "INC-003", "low", "", "2026-05-02T08:00",
                        "2026-05-02T12:00"));
  /* still open, no resolved time: only in the detect mean (0 min) */
  g_free (add_incident (fixture->store, "INC-004", "high", "2026-05-20T08:00",
                        "2026-05-20T08:00", ""));
  /* detected before it occurred: a typing mistake, in neither mean */
  add_incident_raw (fixture->store, "INC-005", "medium", "2026-05-21T10:00",
                    "2026-05-21T09:00", "not a time");

  kpi = compute (fixture->store, "2026-06-01", NULL);
  g_assert_cmpuint (kpi->n_incidents, ==, 5);
  g_assert_cmpuint (kpi->incidents[AIMS_KPI_INCIDENT_LOW], ==, 1);
  g_assert_cmpuint (kpi->incidents[AIMS_KPI_INCIDENT_MEDIUM], ==, 1);
  g_assert_cmpuint (kpi->incidents[AIMS_KPI_INCIDENT_HIGH], ==, 2);
  g_assert_cmpuint (kpi->incidents[AIMS_KPI_INCIDENT_CRITICAL], ==, 1);
  g_assert_cmpuint (kpi->n_mttd, ==, 3);
  g_assert_cmpfloat_with_epsilon (kpi->mttd_minutes, (60 + 180 + 0) / 3.0, 1e-9);
  g_assert_cmpuint (kpi->n_mttr, ==, 3);
  g_assert_cmpfloat_with_epsilon (kpi->mttr_minutes, (120 + 1440 + 240) / 3.0, 1e-9);

  /* A period: only the incidents that occurred (or were detected) in it */
  since = aims_kpi_compute (fixture->store, "2026-06-01", "2026-05-01", NULL, NULL);
  g_assert_nonnull (since);
  g_assert_cmpuint (since->n_incidents, ==, 3);
  g_assert_cmpuint (since->n_mttd, ==, 1);
  g_assert_cmpuint (since->n_mttr, ==, 1);
  g_assert_cmpfloat_with_epsilon (since->mttr_minutes, 240, 1e-9);

  /* Incidents after the day are not in the figures of that day */
  g_clear_pointer (&since, aims_kpi_free);
  since = compute (fixture->store, "2026-04-30", NULL);
  g_assert_cmpuint (since->n_incidents, ==, 2);
}

/* Overdue reviews: in-scope systems and open risks whose next review is
 * before the day. */
static void
test_overdue_reviews (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *a = aims_test_add_system (fixture->store, "SYS-001", "Triage");
  g_autofree char *b = aims_test_add_system (fixture->store, "SYS-002", "Pricing");
  g_autofree char *c = aims_test_add_system (fixture->store, "SYS-003", "Chatbot");
  g_autofree char *late = add_risk (fixture->store, "R-001", 2, 2, "");
  g_autofree char *closed = add_risk (fixture->store, "R-002", 2, 2, "");
  g_autofree char *fine = add_risk (fixture->store, "R-003", 2, 2, "");
  g_autoptr(AimsKpi) kpi = NULL;

  set_text (fixture->store, "ai_system", a, "next_review", "2026-05-31");
  set_text (fixture->store, "ai_system", b, "next_review", "2026-06-01");
  set_text (fixture->store, "ai_system", c, "next_review", "2026-01-01");
  set_text (fixture->store, "ai_system", c, "scope_justification", "Retired");
  set_bool (fixture->store, "ai_system", c, "in_scope", FALSE);

  for (guint i = 0; i < 3; i++)
    {
      const char *risk = (const char *[]) { late, closed, fine }[i];

      set_bool (fixture->store, "risk", risk, "next_review_manual", TRUE);
      set_text (fixture->store, "risk", risk, "next_review", i < 2 ? "2026-02-01" : "2026-12-01");
    }
  set_text (fixture->store, "risk", closed, "status", "closed");

  kpi = compute (fixture->store, "2026-06-01", NULL);
  g_assert_cmpuint (kpi->n_systems_overdue, ==, 1);
  g_assert_cmpuint (kpi->n_risks_overdue, ==, 1);
  g_assert_cmpuint (kpi->n_assessments_overdue, ==, 0);
}

/* The demo describes 2026-11-22: its figures are known. */
static void
test_demo (void)
{
  g_autoptr(AimsDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsKpi) kpi = NULL;
  g_autoptr(AimsMatrix) matrix = NULL;
  AimsStore *store;

  document = aims_document_new_untitled ("Test Author", &error);
  g_assert_no_error (error);
  store = aims_document_get_store (document);
  g_assert_true (aims_demo_generate (store, AIMS_DEMO_SCALE_SMALL, AIMS_DEMO_DEFAULT_SEED,
                                     &error));
  g_assert_no_error (error);

  kpi = compute (store, "2026-11-22", NULL);
  matrix = aims_store_dup_matrix (store);
  g_assert_cmpuint (kpi->n_in_scope, ==, 12);
  g_assert_cmpuint (kpi->n_covered, ==, 1);
  g_assert_cmpuint (kpi->n_treatment_actions, ==, 35);
  g_assert_cmpuint (kpi->n_treatment_done, ==, 16);
  g_assert_cmpuint (kpi->n_above_tolerance, ==, 15);
  g_assert_cmpuint (kpi->n_above_tolerance, ==,
                    aims_risks_count_above_tolerance (store, matrix, NULL));
  g_assert_cmpuint (kpi->n_applicable_controls, ==, 36);
  g_assert_cmpuint (kpi->n_implemented_controls, ==, 18);
  g_assert_cmpuint (kpi->n_requirements, ==, 32);
  g_assert_cmpuint (kpi->n_requirements_done, ==, 10);
  g_assert_cmpuint (kpi->n_systems_overdue, ==, 2);
  g_assert_cmpuint (kpi->n_risks_overdue, ==, 6);
  g_assert_cmpuint (kpi->n_assessments_overdue, ==, 1);

  aims_document_close (document);
}

/* Figures survive the JSON a review's snapshot keeps them in. */
static void
test_json_round_trip (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *risk = add_risk (fixture->store, "R-001", 5, 5, "mitigate");
  g_autoptr(AimsKpi) kpi = NULL;
  g_autoptr(AimsKpi) back = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;

  g_free (add_incident (fixture->store, "INC-001", "critical", "2026-03-14T09:30",
                        "2026-03-14T10:30", ""));
  kpi = compute (fixture->store, "2026-06-01", "2026-01-01");
  node = aims_kpi_to_json (kpi);
  back = aims_kpi_new_from_json (node, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (back->date, ==, "2026-06-01");
  g_assert_cmpstr (back->period_start, ==, "2026-01-01");
  g_assert_cmpuint (back->n_above_tolerance, ==, 1);
  g_assert_cmpuint (back->above_tolerance->len, ==, 1);
  g_assert_cmpstr (((AimsKpiRisk *) g_ptr_array_index (back->above_tolerance, 0))->reference,
                   ==, "R-001");
  g_assert_cmpuint (back->incidents[AIMS_KPI_INCIDENT_CRITICAL], ==, 1);
  g_assert_cmpuint (back->n_mttd, ==, 1);
  g_assert_cmpfloat (back->mttd_minutes, ==, 60);
  g_assert_cmpuint (back->n_requirements, ==, kpi->n_requirements);
}

static void
test_parse_time (void)
{
  gint64 a = 0, b = 0;

  g_assert_true (aims_kpi_parse_time ("2026-03-14T09:30", &a));
  g_assert_true (aims_kpi_parse_time ("2026-03-15T09:30", &b));
  g_assert_cmpint (b - a, ==, 24 * 3600);
  g_assert_false (aims_kpi_parse_time ("", &a));
  g_assert_false (aims_kpi_parse_time ("2026-03-14", &a));
  g_assert_false (aims_kpi_parse_time ("2026-02-30T09:30", &a));
  g_assert_false (aims_kpi_parse_time ("2026-03-14T25:30", &a));
  g_assert_false (aims_kpi_parse_time ("yesterday morning", &a));
}

/* Bad dates are refused with a message a person can act on. */
static void
test_bad_date (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsKpi) kpi = aims_kpi_compute (fixture->store, "2026-02-30", NULL, NULL, &error);

  g_assert_null (kpi);
  g_assert_error (error, AIMS_STORE_ERROR, AIMS_STORE_ERROR_INVALID_VALUE);
  g_assert_nonnull (strstr (error->message, "YYYY-MM-DD"));
}

/* `aims kpi` prints the same figures */
static void
test_cli (void)
{
  g_autofree char *dir = aims_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "demo.aims", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object;

  g_assert_true (aims_demo_write_file (path, AIMS_DEMO_SCALE_SMALL, AIMS_DEMO_DEFAULT_SEED,
                                       &error));
  g_assert_no_error (error);

  g_assert_cmpint (aims_test_run_cli (&out, &err, "kpi", path, "--date", "2026-11-22", "--json",
                                      NULL), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);
  object = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpint (json_object_get_int_member (object, "n_above_tolerance"), ==, 15);
  g_assert_cmpint (json_object_get_int_member (object, "n_covered"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (object, "n_in_scope"), ==, 12);

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (aims_test_run_cli (&out, &err, "kpi", path, "--date", "2026-13-01", NULL),
                   ==, 2);
  g_assert_nonnull (strstr (err, "YYYY-MM-DD"));

  aims_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/kpi/empty", test_empty);
  ADD ("/kpi/coverage", test_coverage);
  ADD ("/kpi/treatment", test_treatment);
  ADD ("/kpi/above-tolerance", test_above_tolerance);
  ADD ("/kpi/soa-and-clauses", test_soa_and_clauses);
  ADD ("/kpi/nonconformities", test_nonconformities);
  ADD ("/kpi/as-at-date", test_as_at_date);
  ADD ("/kpi/incidents", test_incidents);
  ADD ("/kpi/overdue-reviews", test_overdue_reviews);
  ADD ("/kpi/json-round-trip", test_json_round_trip);
  ADD ("/kpi/bad-date", test_bad_date);
#undef ADD
  g_test_add_func ("/kpi/parse-time", test_parse_time);
  g_test_add_func ("/kpi/demo", test_demo);
  g_test_add_func ("/kpi/cli", test_cli);

  return g_test_run ();
}
