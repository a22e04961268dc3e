/* aims-kpi.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The figures the product computes (DOMAIN.md), in one place, so the
 * Overview, the management review's inputs, the review pack and `aims kpi`
 * show the same numbers. Each figure asks the module that owns its
 * definition where there is one (coverage, tolerance, SoA, clause
 * readiness, overdue systems and risks) and is otherwise one SQL aggregate,
 * so the huge demo is counted in a fraction of a second. */

#define G_LOG_DOMAIN "aims-kpi"

#include "config.h"

#include "aims-kpi.h"

#include "aims-catalog.h"
#include "aims-catalog-item.h"
#include "aims-coverage.h"
#include "aims-inventory.h"
#include "aims-matrix.h"
#include "aims-pdca.h"
#include "aims-risks.h"
#include "aims-risks-private.h"
#include "aims-rules.h"
#include "aims-soa.h"
#include "aims-sqlite-private.h"
#include "aims-store-private.h"

#include <glib/gi18n.h>
#include <string.h>

#define CURRENT_LEVEL_SQL \
  "(CASE WHEN residual_level >= 0 THEN residual_level ELSE inherent_level END)"
#define CURRENT_LIKELIHOOD_SQL \
  "(CASE WHEN residual_likelihood > 0 THEN residual_likelihood ELSE inherent_likelihood END)"
#define CURRENT_IMPACT_SQL \
  "(CASE WHEN residual_impact > 0 THEN residual_impact ELSE inherent_impact END)"

static const char * const nc_severity_ids[] = { "minor", "major", "" };
static const char * const incident_severity_ids[] = { "low", "medium", "high", "critical" };

G_STATIC_ASSERT (G_N_ELEMENTS (nc_severity_ids) == AIMS_KPI_N_NC_SEVERITIES);
G_STATIC_ASSERT (G_N_ELEMENTS (incident_severity_ids) == AIMS_KPI_N_INCIDENT_SEVERITIES);

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return g_strdup (text != NULL ? text : "");
}

static gboolean
step_failed (AimsStore   *store,
             int          rc,
             GError     **error)
{
  if (rc == SQLITE_DONE || rc == SQLITE_ROW)
    return FALSE;

  _aims_sqlite_set_error (error, _aims_store_get_db (store), rc,
                          _("Could not compute the figures"));
  return TRUE;
}

/* One row of integers from @sql, its "?" parameters all bound to @text. */
static gboolean
query_ints (AimsStore   *store,
            const char  *sql,
            const char  *text,
            gint64      *values,
            guint        n_values,
            GError     **error)
{
  sqlite3_stmt *stmt = _aims_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  for (int i = 1; text != NULL && i <= sqlite3_bind_parameter_count (stmt); i++)
    sqlite3_bind_text (stmt, i, text, -1, SQLITE_TRANSIENT);

  memset (values, 0, sizeof (gint64) * n_values);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      for (guint i = 0; i < n_values; i++)
        values[i] = sqlite3_column_int64 (stmt, (int) i);
    }
  _aims_store_release (stmt);

  return !step_failed (store, rc, error);
}

static guint
clamp_count (gint64 value)
{
  return (guint) CLAMP (value, 0, G_MAXUINT);
}

/* Treatment implementation: actions done out of the actions of risks
 * treated by mitigate, transfer or avoid. */
static gboolean
count_treatment (AimsStore  *store,
                 AimsKpi    *kpi,
                 GError    **error)
{
  gint64 values[2];

  if (!query_ints (store,
                   "SELECT count(*), coalesce(sum(a.status = 'done'), 0) FROM treatment_action a "
                   "JOIN risk r ON r.uuid = a.risk "
                   "WHERE r.treatment IN ('mitigate', 'transfer', 'avoid')",
                   NULL, values, 2, error))
    return FALSE;

  kpi->n_treatment_actions = clamp_count (values[0]);
  kpi->n_treatment_done = clamp_count (values[1]);
  return TRUE;
}

static AimsKpiRisk *
risk_from_row (sqlite3_stmt *stmt,
               AimsMatrix   *matrix)
{
  AimsKpiRisk *risk = g_new0 (AimsKpiRisk, 1);

  risk->uuid = column_dup (stmt, 0);
  risk->reference = column_dup (stmt, 1);
  risk->title = column_dup (stmt, 2);
  risk->level = sqlite3_column_int (stmt, 3);
  risk->likelihood = (guint) MAX (sqlite3_column_int (stmt, 4), 0);
  risk->impact = (guint) MAX (sqlite3_column_int (stmt, 5), 0);
  risk->owner = column_dup (stmt, 6);
  if (matrix != NULL && risk->level >= 0 &&
      (guint) risk->level < aims_matrix_get_n_levels (matrix))
    risk->level_name = g_strdup (aims_matrix_get_level_name (matrix, (guint) risk->level));
  else
    risk->level_name = g_strdup ("");

  return risk;
}

/* Open risks ordered by current level, then score, then reference; @where
 * narrows them. */
static GPtrArray *
list_risks (AimsStore    *store,
            AimsMatrix   *matrix,
            const char   *where,
            gint64        tolerance,
            guint         limit,
            GError      **error)
{
  g_autoptr(GPtrArray) risks = g_ptr_array_new_with_free_func ((GDestroyNotify) aims_kpi_risk_free);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  int rc;

  sql = g_strdup_printf ("SELECT uuid, reference, title, " CURRENT_LEVEL_SQL ", "
                         CURRENT_LIKELIHOOD_SQL ", " CURRENT_IMPACT_SQL ", owner FROM risk "
                         "WHERE status <> 'closed' AND %s "
                         "ORDER BY 4 DESC, 5 * 6 DESC, 6 DESC, length (reference), reference "
                         "LIMIT ?2",
                         where);
  if ((stmt = _aims_store_prepare (store, sql, error)) == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, tolerance);
  sqlite3_bind_int64 (stmt, 2, limit > 0 ? (gint64) limit : -1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (risks, risk_from_row (stmt, matrix));
  _aims_store_release (stmt);

  if (step_failed (store, rc, error))
    return NULL;

  return g_steal_pointer (&risks);
}

/* Risks above tolerance, counted as the register's filter counts them */
static gboolean
count_above_tolerance (AimsStore   *store,
                       AimsMatrix  *matrix,
                       AimsKpi     *kpi,
                       GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  kpi->n_above_tolerance = aims_risks_count_above_tolerance (store, matrix, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  kpi->above_tolerance = list_risks (store, matrix, CURRENT_LEVEL_SQL " > ?1",
                                     aims_matrix_get_tolerance (matrix), 0, error);

  return kpi->above_tolerance != NULL;
}

static gboolean
count_soa (AimsStore  *store,
           AimsKpi    *kpi,
           GError    **error)
{
  g_autoptr(GPtrArray) entries = aims_soa_load (store, error);
  AimsSoaSummary summary;

  if (entries == NULL)
    return FALSE;

  aims_soa_summarize (entries, NULL, &summary);
  kpi->n_applicable_controls = summary.n_applicable;
  kpi->n_implemented_controls = summary.n_implemented;
  return TRUE;
}

/* Clause readiness as the PDCA board counts it (aims_pdca_summarize()): the
 * catalogue's clause requirements (clauses without sub-clauses), done when
 * their card says so. The board's own loader also reads every treatment
 * action, which on the huge demo costs most of a second; the clause rows
 * alone are a few dozen. */
static gboolean
count_clauses (AimsStore  *store,
               AimsKpi    *kpi,
               GError    **error)
{
  g_autoptr(GHashTable) requirements = g_hash_table_new (g_str_hash, g_str_equal);
  AimsCatalog *catalog;
  GListModel *clauses;
  sqlite3_stmt *stmt;
  int rc;

  if ((catalog = aims_catalog_get_default (error)) == NULL)
    return FALSE;

  clauses = aims_catalog_get_items (catalog, AIMS_CATALOG_KIND_CLAUSE);
  for (guint i = 0; i < g_list_model_get_n_items (clauses); i++)
    {
      g_autoptr(AimsCatalogItem) clause = g_list_model_get_item (clauses, i);
      const char *id = aims_catalog_item_get_id (clause);

      if (g_list_model_get_n_items (aims_catalog_get_children (catalog, id)) == 0)
        g_hash_table_add (requirements, (gpointer) id);
    }
  kpi->n_requirements = g_hash_table_size (requirements);

  stmt = _aims_store_prepare (store,
                              "SELECT clause FROM pdca_card WHERE kind = 'clause' "
                              "AND status = 'done'", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (g_hash_table_contains (requirements, sqlite3_column_text (stmt, 0)))
        kpi->n_requirements_done++;
    }
  _aims_store_release (stmt);

  return !step_failed (store, rc, error);
}

/* The figures are as at their day (DOMAIN.md: a review's inputs are a
 * snapshot at its date), so records later than the day are left out and
 * states reached after it are undone, as far as the file records when:
 * - a finding is there from the day it was raised (one without that day is
 *   taken as always there: when it was typed in says nothing of when it
 *   was raised);
 * - a closed finding was closed on the day it was verified, the last step
 *   closure needs; without that day it is taken as closed all along. */
#define FINDING_RAISED_BY_SQL "(f.raised_on = '' OR f.raised_on <= ?1)"
#define FINDING_OPEN_ON_SQL   "(f.status = 'open' OR f.verified_on > ?1)"

static gboolean
count_findings (AimsStore  *store,
                AimsKpi    *kpi,
                GError    **error)
{
  gint64 values[4];

  if (!query_ints (store,
                   "SELECT coalesce(sum(f.severity = 'minor'), 0), "
                   "coalesce(sum(f.severity = 'major'), 0), coalesce(sum(f.severity = ''), 0), "
                   "count(*) FROM finding f WHERE f.kind = 'nonconformity' "
                   "AND " FINDING_RAISED_BY_SQL " AND " FINDING_OPEN_ON_SQL,
                   kpi->date, values, 4, error))
    return FALSE;

  for (guint i = 0; i < AIMS_KPI_N_NC_SEVERITIES; i++)
    kpi->open_nonconformities[i] = clamp_count (values[i]);
  kpi->n_open_nonconformities = clamp_count (values[3]);

  /* Open as a treatment action is open: planned or in progress, or done
   * after the day. An action is there from the day its finding was raised. */
  if (!query_ints (store,
                   "SELECT count(*) FROM corrective_action a JOIN finding f ON f.uuid = a.finding "
                   "WHERE a.due_date <> '' AND a.due_date < ?1 AND " FINDING_RAISED_BY_SQL " "
                   "AND (a.status IN ('planned', 'in-progress') OR "
                   "(a.status = 'done' AND a.completed_on > ?1))",
                   kpi->date, values, 1, error))
    return FALSE;

  kpi->n_corrective_overdue = clamp_count (values[0]);
  return TRUE;
}

/**
 * aims_kpi_parse_time:
 * @text: (nullable): an incident time, YYYY-MM-DDTHH:MM
 * @unix_seconds: (out): the time, read as UTC
 *
 * Incident times are the organisation's wall-clock times; differences
 * between two of them are the same in any zone, so they are read as UTC.
 *
 * Returns: whether @text is such a time
 */
gboolean
aims_kpi_parse_time (const char *text,
                     gint64     *unix_seconds)
{
  g_autoptr(GDateTime) time = NULL;
  g_autoptr(GTimeZone) utc = NULL;
  g_autofree char *with_seconds = NULL;

  g_return_val_if_fail (unix_seconds != NULL, FALSE);

  if (text == NULL || *text == '\0')
    return FALSE;

  /* Only the form the forms ask for: the parser would also take zones */
  if (strlen (text) != 16 || text[10] != 'T')
    return FALSE;

  /* GLib's parser wants the seconds */
  utc = g_time_zone_new_utc ();
  with_seconds = g_strconcat (text, ":00", NULL);
  time = g_date_time_new_from_iso8601 (with_seconds, utc);
  if (time == NULL)
    return FALSE;

  *unix_seconds = g_date_time_to_unix (time);
  return TRUE;
}

/* An incident belongs to the period of the day it occurred (or, without
 * that time, was detected; without either, was recorded). */
#define INCIDENT_DAY_SQL \
  "substr (coalesce (nullif (occurred, ''), nullif (detected, ''), created), 1, 10)"

static gboolean
count_incidents (AimsStore  *store,
                 AimsKpi    *kpi,
                 GError    **error)
{
  sqlite3_stmt *stmt;
  double mttd_total = 0, mttr_total = 0;
  gint64 day_end;
  int rc;

  stmt = _aims_store_prepare (store,
                              "SELECT severity, status, occurred, detected, resolved FROM incident "
                              "WHERE " INCIDENT_DAY_SQL " >= ?1 AND " INCIDENT_DAY_SQL " <= ?2",
                              error);
  if (stmt == NULL)
    return FALSE;

  /* The first minute after the day */
  {
    g_autofree char *midnight = g_strconcat (kpi->date, "T00:00", NULL);

    if (!aims_kpi_parse_time (midnight, &day_end))
      day_end = G_MAXINT64 - 86400;
    day_end += 86400;
  }

  sqlite3_bind_text (stmt, 1, kpi->period_start, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, kpi->period_end, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *severity = (const char *) sqlite3_column_text (stmt, 0);
      const char *status = (const char *) sqlite3_column_text (stmt, 1);
      gint64 occurred, detected, resolved;
      gboolean has_occurred = aims_kpi_parse_time ((const char *) sqlite3_column_text (stmt, 2),
                                                   &occurred);
      gboolean has_detected = aims_kpi_parse_time ((const char *) sqlite3_column_text (stmt, 3),
                                                   &detected);
      gboolean has_resolved = aims_kpi_parse_time ((const char *) sqlite3_column_text (stmt, 4),
                                                   &resolved);
      gboolean resolved_later = FALSE;

      /* As at the day: a time after it had not come yet */
      if (has_detected && detected >= day_end)
        has_detected = FALSE;
      if (has_resolved && resolved >= day_end)
        {
          has_resolved = FALSE;
          resolved_later = TRUE;
        }

      kpi->n_incidents++;
      for (guint i = 0; i < AIMS_KPI_N_INCIDENT_SEVERITIES; i++)
        {
          if (g_strcmp0 (severity, incident_severity_ids[i]) == 0)
            kpi->incidents[i]++;
        }
      /* Resolved or closed after the day: still open on it */
      if (g_strcmp0 (status, "open") == 0 || resolved_later)
        kpi->n_incidents_open++;

      /* A time before the one it follows is a typing mistake: left out */
      if (has_occurred && has_detected && detected >= occurred)
        {
          mttd_total += (detected - occurred) / 60.0;
          kpi->n_mttd++;
        }
      if (has_detected && has_resolved && resolved >= detected)
        {
          mttr_total += (resolved - detected) / 60.0;
          kpi->n_mttr++;
        }
    }
  _aims_store_release (stmt);

  if (step_failed (store, rc, error))
    return FALSE;

  kpi->mttd_minutes = kpi->n_mttd > 0 ? mttd_total / kpi->n_mttd : 0;
  kpi->mttr_minutes = kpi->n_mttr > 0 ? mttr_total / kpi->n_mttr : 0;
  return TRUE;
}

static gboolean
count_overdue_reviews (AimsStore  *store,
                       AimsKpi    *kpi,
                       GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  gint64 values[1];

  /* The inventory's own count: in-scope systems whose next review is before the day */
  if (!query_ints (store,
                   "SELECT count(*) FROM ai_system WHERE in_scope = 1 "
                   "AND next_review <> '' AND next_review < ?",
                   kpi->date, values, 1, error))
    return FALSE;
  kpi->n_systems_overdue = clamp_count (values[0]);

  kpi->n_risks_overdue = aims_risks_count_overdue (store, kpi->date, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* The approved version is the current one; superseded ones are history */
  if (!query_ints (store,
                   "SELECT count(*) FROM impact_assessment WHERE status = 'approved' "
                   "AND next_review <> '' AND next_review < ?",
                   kpi->date, values, 1, error))
    return FALSE;
  kpi->n_assessments_overdue = clamp_count (values[0]);

  return TRUE;
}

/* Public API */

/**
 * aims_kpi_incident_severity_id:
 * @severity: an incident severity
 *
 * Returns: its id in the file: "low" … "critical"
 */
const char *
aims_kpi_incident_severity_id (AimsKpiIncidentSeverity severity)
{
  g_return_val_if_fail (severity < AIMS_KPI_N_INCIDENT_SEVERITIES, "");

  return incident_severity_ids[severity];
}

/**
 * aims_kpi_nc_severity_id:
 * @severity: a nonconformity severity
 *
 * Returns: its id in the file: "minor", "major" or "" (not graded)
 */
const char *
aims_kpi_nc_severity_id (AimsKpiNcSeverity severity)
{
  g_return_val_if_fail (severity < AIMS_KPI_N_NC_SEVERITIES, "");

  return nc_severity_ids[severity];
}

/**
 * aims_kpi_compute:
 * @store: a #AimsStore
 * @date: (nullable): the day to judge due and review dates on, YYYY-MM-DD;
 *   %NULL for today (UTC)
 * @period_start: (nullable): the first day of the incident period; %NULL
 *   for no limit
 * @period_end: (nullable): its last day; %NULL for @date
 * @error: return location for a #GError
 *
 * Computes every figure of DOMAIN.md for the project judged on @date. What
 * the file dates is taken as it was on @date: findings raised after it are
 * left out, and findings verified, corrective actions completed and
 * incidents resolved after it count as open. What it does not date
 * (treatment actions, controls, clause requirements, risk levels) is taken
 * as it is now.
 *
 * Returns: (transfer full) (nullable): the figures, or %NULL with @error set
 */
AimsKpi *
aims_kpi_compute (AimsStore   *store,
                  const char  *date,
                  const char  *period_start,
                  const char  *period_end,
                  GError     **error)
{
  g_autoptr(AimsKpi) kpi = NULL;
  g_autoptr(AimsMatrix) matrix = NULL;

  g_return_val_if_fail (AIMS_IS_STORE (store), NULL);

  if ((date != NULL && !aims_rules_date_is_valid (date)) ||
      (period_start != NULL && *period_start != '\0' && !aims_rules_date_is_valid (period_start)) ||
      (period_end != NULL && *period_end != '\0' && !aims_rules_date_is_valid (period_end)))
    {
      g_set_error (error, AIMS_STORE_ERROR, AIMS_STORE_ERROR_INVALID_VALUE,
                   _("A date of the figures is not a date that exists; write it as YYYY-MM-DD."));
      return NULL;
    }

  if (_aims_store_get_db (store) == NULL)
    {
      g_set_error (error, AIMS_STORE_ERROR, AIMS_STORE_ERROR_FAILED,
                   _("The project has been closed."));
      return NULL;
    }

  kpi = g_new0 (AimsKpi, 1);
  kpi->date = date != NULL ? g_strdup (date) : _aims_risks_today ();
  kpi->period_start = g_strdup (period_start != NULL ? period_start : "");
  kpi->period_end = g_strdup (period_end != NULL && *period_end != '\0' ? period_end : kpi->date);

  matrix = aims_store_dup_matrix (store);
  if (matrix == NULL)
    {
      g_set_error (error, AIMS_STORE_ERROR, AIMS_STORE_ERROR_FAILED,
                   _("The project has no risk matrix."));
      return NULL;
    }

  if (!aims_coverage_count (store, kpi->date, &kpi->n_covered, &kpi->n_in_scope, error) ||
      !count_treatment (store, kpi, error) ||
      !count_above_tolerance (store, matrix, kpi, error) ||
      !count_soa (store, kpi, error) ||
      !count_clauses (store, kpi, error) ||
      !count_findings (store, kpi, error) ||
      !count_incidents (store, kpi, error) ||
      !count_overdue_reviews (store, kpi, error))
    return NULL;

  return g_steal_pointer (&kpi);
}

/**
 * aims_kpi_list_top_risks:
 * @store: a #AimsStore
 * @limit: how many at most; 0 for all
 * @error: return location for a #GError
 *
 * The open risks with the highest current level (residual, else inherent),
 * then the highest score (likelihood × impact), as the review pack lists
 * them.
 *
 * Returns: (transfer full) (element-type AimsKpiRisk) (nullable): the risks
 */
GPtrArray *
aims_kpi_list_top_risks (AimsStore  *store,
                         guint       limit,
                         GError    **error)
{
  g_autoptr(AimsMatrix) matrix = NULL;

  g_return_val_if_fail (AIMS_IS_STORE (store), NULL);

  matrix = aims_store_dup_matrix (store);
  return list_risks (store, matrix, "?1 = ?1", 0, limit, error);
}

void
aims_kpi_risk_free (AimsKpiRisk *risk)
{
  if (risk == NULL)
    return;

  g_free (risk->uuid);
  g_free (risk->reference);
  g_free (risk->title);
  g_free (risk->level_name);
  g_free (risk->owner);
  g_free (risk);
}

void
aims_kpi_free (AimsKpi *kpi)
{
  if (kpi == NULL)
    return;

  g_free (kpi->date);
  g_free (kpi->period_start);
  g_free (kpi->period_end);
  g_clear_pointer (&kpi->above_tolerance, g_ptr_array_unref);
  g_free (kpi);
}

/**
 * aims_kpi_fraction:
 * @done: the part
 * @total: the whole
 *
 * Returns: @done / @total, 0 when @total is 0
 */
double
aims_kpi_fraction (guint done,
                   guint total)
{
  return total > 0 ? (double) done / total : 0.0;
}

/**
 * aims_kpi_format_duration:
 * @minutes: a duration
 *
 * Returns: (transfer full): the duration for people: "45 min", "3.5 h",
 *   "2.1 days"
 */
char *
aims_kpi_format_duration (double minutes)
{
  if (minutes < 90)
    /* Translators: a duration in minutes */
    return g_strdup_printf (_("%.0f min"), minutes);
  if (minutes < 48 * 60)
    /* Translators: a duration in hours */
    return g_strdup_printf (_("%.1f h"), minutes / 60);

  /* Translators: a duration in days */
  return g_strdup_printf (_("%.1f days"), minutes / (24 * 60));
}

/* JSON: the snapshot of a management review keeps the figures as they were */

JsonNode *
aims_kpi_risk_to_json (const AimsKpiRisk *risk)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "reference");
  json_builder_add_string_value (builder, risk->reference);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, risk->title);
  json_builder_set_member_name (builder, "level");
  json_builder_add_int_value (builder, risk->level);
  json_builder_set_member_name (builder, "level_name");
  json_builder_add_string_value (builder, risk->level_name);
  json_builder_set_member_name (builder, "likelihood");
  json_builder_add_int_value (builder, risk->likelihood);
  json_builder_set_member_name (builder, "impact");
  json_builder_add_int_value (builder, risk->impact);
  json_builder_set_member_name (builder, "owner");
  json_builder_add_string_value (builder, risk->owner);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
      json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);

  return "";
}

static gint64
member_int (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node != NULL && JSON_NODE_HOLDS_VALUE (node))
    {
      GType type = json_node_get_value_type (node);

      if (type == G_TYPE_INT64)
        return json_node_get_int (node);
      if (type == G_TYPE_DOUBLE)
        return (gint64) json_node_get_double (node);
    }

  return 0;
}

static double
member_double (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node != NULL && JSON_NODE_HOLDS_VALUE (node))
    {
      GType type = json_node_get_value_type (node);

      if (type == G_TYPE_DOUBLE)
        return json_node_get_double (node);
      if (type == G_TYPE_INT64)
        return (double) json_node_get_int (node);
    }

  return 0;
}

AimsKpiRisk *
aims_kpi_risk_new_from_json (JsonObject *object)
{
  AimsKpiRisk *risk = g_new0 (AimsKpiRisk, 1);

  risk->uuid = g_strdup ("");
  risk->reference = g_strdup (member_string (object, "reference"));
  risk->title = g_strdup (member_string (object, "title"));
  risk->level = (int) CLAMP (member_int (object, "level"), -1, 64);
  risk->level_name = g_strdup (member_string (object, "level_name"));
  risk->likelihood = (guint) CLAMP (member_int (object, "likelihood"), 0, 64);
  risk->impact = (guint) CLAMP (member_int (object, "impact"), 0, 64);
  risk->owner = g_strdup (member_string (object, "owner"));

  return risk;
}

#define KPI_COUNTS(X) \
  X (n_in_scope) X (n_covered) X (n_treatment_actions) X (n_treatment_done) \
  X (n_above_tolerance) X (n_applicable_controls) X (n_implemented_controls) \
  X (n_requirements) X (n_requirements_done) X (n_open_nonconformities) \
  X (n_corrective_overdue) X (n_incidents) X (n_incidents_open) X (n_mttd) X (n_mttr) \
  X (n_systems_overdue) X (n_risks_overdue) X (n_assessments_overdue)

/**
 * aims_kpi_to_json:
 * @kpi: figures
 *
 * The figures as a JSON object; of the risks above tolerance, the first
 * %AIMS_KPI_MAX_LISTED are listed.
 *
 * Returns: (transfer full): a JSON object node
 */
JsonNode *
aims_kpi_to_json (const AimsKpi *kpi)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (kpi != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "date");
  json_builder_add_string_value (builder, kpi->date);
  json_builder_set_member_name (builder, "period_start");
  json_builder_add_string_value (builder, kpi->period_start);
  json_builder_set_member_name (builder, "period_end");
  json_builder_add_string_value (builder, kpi->period_end);
#define ADD_COUNT(name) \
  json_builder_set_member_name (builder, #name); \
  json_builder_add_int_value (builder, kpi->name);
  KPI_COUNTS (ADD_COUNT)
#undef ADD_COUNT
  json_builder_set_member_name (builder, "mttd_minutes");
  json_builder_add_double_value (builder, kpi->mttd_minutes);
  json_builder_set_member_name (builder, "mttr_minutes");
  json_builder_add_double_value (builder, kpi->mttr_minutes);

  json_builder_set_member_name (builder, "open_nonconformities");
  json_builder_begin_object (builder);
  for (guint i = 0; i < AIMS_KPI_N_NC_SEVERITIES; i++)
    {
      json_builder_set_member_name (builder, *nc_severity_ids[i] != '\0' ? nc_severity_ids[i]
                                                                         : "ungraded");
      json_builder_add_int_value (builder, kpi->open_nonconformities[i]);
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "incidents_by_severity");
  json_builder_begin_object (builder);
  for (guint i = 0; i < AIMS_KPI_N_INCIDENT_SEVERITIES; i++)
    {
      json_builder_set_member_name (builder, incident_severity_ids[i]);
      json_builder_add_int_value (builder, kpi->incidents[i]);
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "above_tolerance");
  json_builder_begin_array (builder);
  for (guint i = 0; kpi->above_tolerance != NULL && i < kpi->above_tolerance->len &&
                    i < AIMS_KPI_MAX_LISTED; i++)
    json_builder_add_value (builder,
                            aims_kpi_risk_to_json (g_ptr_array_index (kpi->above_tolerance, i)));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * aims_kpi_new_from_json:
 * @node: what aims_kpi_to_json() made
 * @error: return location for a #GError
 *
 * Reads figures back, as a review's snapshot keeps them. Missing members
 * read as 0.
 *
 * Returns: (transfer full) (nullable): the figures
 */
AimsKpi *
aims_kpi_new_from_json (JsonNode  *node,
                        GError   **error)
{
  g_autoptr(AimsKpi) kpi = NULL;
  JsonObject *object, *severities;
  JsonNode *member;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, AIMS_STORE_ERROR, AIMS_STORE_ERROR_INVALID_VALUE,
                   _("The review’s inputs are not figures this version can read."));
      return NULL;
    }

  object = json_node_get_object (node);
  kpi = g_new0 (AimsKpi, 1);
  kpi->date = g_strdup (member_string (object, "date"));
  kpi->period_start = g_strdup (member_string (object, "period_start"));
  kpi->period_end = g_strdup (member_string (object, "period_end"));
#define READ_COUNT(name) kpi->name = clamp_count (member_int (object, #name));
  KPI_COUNTS (READ_COUNT)
#undef READ_COUNT
  kpi->mttd_minutes = member_double (object, "mttd_minutes");
  kpi->mttr_minutes = member_double (object, "mttr_minutes");

  member = json_object_get_member (object, "open_nonconformities");
  if (member != NULL && JSON_NODE_HOLDS_OBJECT (member))
    {
      severities = json_node_get_object (member);
      for (guint i = 0; i < AIMS_KPI_N_NC_SEVERITIES; i++)
        kpi->open_nonconformities[i] =
          clamp_count (member_int (severities, *nc_severity_ids[i] != '\0' ? nc_severity_ids[i]
                                                                           : "ungraded"));
    }

  member = json_object_get_member (object, "incidents_by_severity");
  if (member != NULL && JSON_NODE_HOLDS_OBJECT (member))
    {
      severities = json_node_get_object (member);
      for (guint i = 0; i < AIMS_KPI_N_INCIDENT_SEVERITIES; i++)
        kpi->incidents[i] = clamp_count (member_int (severities, incident_severity_ids[i]));
    }

  kpi->above_tolerance = g_ptr_array_new_with_free_func ((GDestroyNotify) aims_kpi_risk_free);
  member = json_object_get_member (object, "above_tolerance");
  if (member != NULL && JSON_NODE_HOLDS_ARRAY (member))
    {
      JsonArray *array = json_node_get_array (member);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_OBJECT (element))
            g_ptr_array_add (kpi->above_tolerance,
                             aims_kpi_risk_new_from_json (json_node_get_object (element)));
        }
    }

  return g_steal_pointer (&kpi);
}
