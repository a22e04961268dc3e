/* aims-review.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Management reviews (ISO/IEC 42001 9.3): the record, the inputs gathered at
 * its date, and the actions it decides.
 *
 * The inputs are computed once, by "Gather Inputs", and written to the
 * review as a JSON snapshot (management_review.inputs): the figures of
 * aims-kpi.c, the risk profile cell by cell, the top risks, the audits, the
 * impact assessments due, the objectives and the actions of earlier
 * reviews. What the review saw stays as it was when the project changes
 * later; gathering again is a deliberate edit, undone like any other. */

#define G_LOG_DOMAIN "aims-review"

#include "config.h"

#include "aims-review.h"

#include "aims-matrix.h"
#include "aims-pdca.h"
#include "aims-risks.h"
#include "aims-risks-private.h"
#include "aims-rules.h"
#include "aims-sqlite-private.h"
#include "aims-store-private.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#define INPUTS_FORMAT 1
#define DUE_WITHIN_DAYS 30

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return g_strdup (text != NULL ? text : "");
}

static gboolean
check_open (AimsStore  *store,
            GError    **error)
{
  if (_aims_store_get_db (store) != NULL)
    return TRUE;

  g_set_error (error, AIMS_STORE_ERROR, AIMS_STORE_ERROR_FAILED, _("The project has been closed."));
  return FALSE;
}

void
aims_review_item_free (AimsReviewItem *item)
{
  if (item == NULL)
    return;

  g_free (item->reference);
  g_free (item->title);
  g_free (item->status);
  g_free (item->date);
  g_free (item->owner);
  g_free (item);
}

static GPtrArray *
item_array_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) aims_review_item_free);
}

/* Runs @sql with "?" parameters bound to @first, @second (either may be
 * NULL), each row (reference, title, status, date, owner[, count]) an item. */
static GPtrArray *
query_items (AimsStore   *store,
             const char  *sql,
             const char  *first,
             const char  *second,
             GError     **error)
{
  g_autoptr(GPtrArray) items = item_array_new ();
  sqlite3_stmt *stmt = _aims_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;

  if (first != NULL)
    sqlite3_bind_text (stmt, 1, first, -1, SQLITE_TRANSIENT);
  if (second != NULL)
    sqlite3_bind_text (stmt, 2, second, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AimsReviewItem *item = g_new0 (AimsReviewItem, 1);

      item->reference = column_dup (stmt, 0);
      item->title = column_dup (stmt, 1);
      item->status = column_dup (stmt, 2);
      item->date = column_dup (stmt, 3);
      item->owner = column_dup (stmt, 4);
      if (sqlite3_column_count (stmt) > 5)
        item->count = (guint) CLAMP (sqlite3_column_int64 (stmt, 5), 0, G_MAXUINT);
      g_ptr_array_add (items, item);
    }
  _aims_store_release (stmt);

  if (rc != SQLITE_DONE)
    {
      _aims_sqlite_set_error (error, _aims_store_get_db (store), rc,
                              _("Could not gather the review’s inputs"));
      return NULL;
    }

  return g_steal_pointer (&items);
}

static char *
add_days (const char *date,
          int         days)
{
  g_autoptr(GDateTime) day = NULL;
  g_autoptr(GDateTime) later = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  int y, m, d;

  if (sscanf (date, "%4d-%2d-%2d", &y, &m, &d) != 3 ||
      (day = g_date_time_new (utc, y, m, d, 0, 0, 0)) == NULL)
    return g_strdup (date);

  later = g_date_time_add_days (day, days);
  return g_date_time_format (later, "%Y-%m-%d");
}

static gboolean
gather_cells (AimsStore         *store,
              AimsReviewInputs  *inputs,
              GError           **error)
{
  g_autoptr(AimsMatrix) matrix = aims_store_dup_matrix (store);
  g_autoptr(AimsHeatmapCounts) counts = NULL;
  AimsRiskFilter filter;

  aims_risk_filter_init (&filter);
  filter.flags = AIMS_RISK_FILTER_OPEN;
  if ((counts = aims_risks_count_cells (store, matrix, &filter, error)) == NULL)
    return FALSE;

  inputs->n_likelihood = aims_matrix_get_n_steps (matrix, AIMS_MATRIX_LIKELIHOOD);
  inputs->n_impact = aims_matrix_get_n_steps (matrix, AIMS_MATRIX_IMPACT);
  inputs->inherent = g_new0 (guint, inputs->n_likelihood * inputs->n_impact);
  inputs->residual = g_new0 (guint, inputs->n_likelihood * inputs->n_impact);
  for (guint l = 1; l <= inputs->n_likelihood; l++)
    for (guint i = 1; i <= inputs->n_impact; i++)
      {
        guint index = (l - 1) * inputs->n_impact + i - 1;

        inputs->inherent[index] = aims_heatmap_counts_get (counts, AIMS_HEATMAP_INHERENT, l, i);
        inputs->residual[index] = aims_heatmap_counts_get (counts, AIMS_HEATMAP_RESIDUAL, l, i);
      }

  return TRUE;
}

/* The AI objectives (6.2), as the board lists them: in the order added */
static GPtrArray *
gather_objectives (AimsStore  *store,
                   GError    **error)
{
  g_autoptr(GPtrArray) items = query_items (store,
                                            "SELECT '', title, status, due_date, owner "
                                            "FROM pdca_card WHERE kind = 'objective' "
                                            "ORDER BY created, rowid", NULL, NULL, error);

  if (items == NULL)
    return NULL;

  for (guint i = 0; i < items->len; i++)
    {
      AimsReviewItem *item = g_ptr_array_index (items, i);

      g_free (item->reference);
      item->reference = g_strdup_printf ("%u", i + 1);
    }

  return g_steal_pointer (&items);
}

/* Public API */

/**
 * aims_review_create:
 * @store: a #AimsStore
 * @date: (nullable): the review's date, YYYY-MM-DD; %NULL for today (UTC)
 * @title: (nullable): its title; %NULL for "Management review"
 * @error: return location for a #GError
 *
 * Adds a planned management review with the next MR-nnn reference, as one
 * undo step.
 *
 * Returns: (transfer full) (nullable): the new review's uuid
 */
char *
aims_review_create (AimsStore   *store,
                    const char  *date,
                    const char  *title,
                    GError     **error)
{
  g_autoptr(GHashTable) values = NULL;
  g_autofree char *today = NULL;
  g_autofree char *reference = NULL;

  g_return_val_if_fail (AIMS_IS_STORE (store), NULL);

  if (!check_open (store, error))
    return NULL;

  if (date == NULL)
    date = today = _aims_risks_today ();

  reference = aims_store_next_reference (store, "management_review");
  values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_variant_unref);
#define PUT(name, text) \
  g_hash_table_insert (values, (gpointer) name, g_variant_ref_sink (g_variant_new_string (text)))
  PUT ("reference", reference);
  PUT ("title", title != NULL ? title : _("Management review"));
  PUT ("review_date", date);
  PUT ("status", "planned");
#undef PUT

  return aims_store_insert (store, "management_review", values, error);
}

/**
 * aims_review_list:
 * @store: a #AimsStore
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the reviews' uuids, newest date first
 */
char **
aims_review_list (AimsStore  *store,
                  GError    **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (AIMS_IS_STORE (store), NULL);

  if (!check_open (store, error) ||
      (stmt = _aims_store_prepare (store,
                                   "SELECT uuid FROM management_review "
                                   "ORDER BY review_date DESC, reference DESC", error)) == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  _aims_store_release (stmt);

  if (rc != SQLITE_DONE)
    {
      _aims_sqlite_set_error (error, _aims_store_get_db (store), rc,
                              _("Could not read the management reviews"));
      return NULL;
    }

  return g_strv_builder_end (builder);
}

/**
 * aims_review_dup_latest:
 * @store: a #AimsStore
 *
 * Returns: (transfer full) (nullable): the review with the latest date, or
 *   %NULL when there is none
 */
char *
aims_review_dup_latest (AimsStore *store)
{
  g_auto(GStrv) reviews = aims_review_list (store, NULL);

  return reviews != NULL && reviews[0] != NULL ? g_strdup (reviews[0]) : NULL;
}

/**
 * aims_review_dup_previous:
 * @store: a #AimsStore
 * @review: a review
 *
 * Returns: (transfer full) (nullable): the latest review dated before
 *   @review whose inputs were gathered, or %NULL
 */
char *
aims_review_dup_previous (AimsStore  *store,
                          const char *review)
{
  sqlite3_stmt *stmt;
  char *previous = NULL;

  g_return_val_if_fail (AIMS_IS_STORE (store), NULL);
  g_return_val_if_fail (review != NULL, NULL);

  if (!check_open (store, NULL) ||
      (stmt = _aims_store_prepare (store,
                                   "SELECT p.uuid FROM management_review p, management_review r "
                                   "WHERE r.uuid = ? AND p.uuid <> r.uuid AND p.inputs <> '' "
                                   "AND p.review_date < r.review_date "
                                   "ORDER BY p.review_date DESC LIMIT 1", NULL)) == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, review, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    previous = column_dup (stmt, 0);
  _aims_store_release (stmt);

  return previous;
}

/**
 * aims_review_dup_period_start:
 * @store: a #AimsStore
 * @date: a day, YYYY-MM-DD
 * @review: (nullable): a review not to count (the one the period is for)
 *
 * The incident period of a review or of the figures of @date: from the day
 * after the latest review dated before @date.
 *
 * Returns: (transfer full) (nullable): its first day, or %NULL when no
 *   review came before (the period has no start)
 */
char *
aims_review_dup_period_start (AimsStore  *store,
                              const char *date,
                              const char *review)
{
  sqlite3_stmt *stmt;
  char *start = NULL;

  g_return_val_if_fail (AIMS_IS_STORE (store), NULL);
  g_return_val_if_fail (date != NULL, NULL);

  if (!check_open (store, NULL) ||
      (stmt = _aims_store_prepare (store,
                                   "SELECT max (review_date) FROM management_review "
                                   "WHERE review_date <> '' AND review_date < ?1 "
                                   "AND uuid IS NOT ?2", NULL)) == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, date, -1, SQLITE_TRANSIENT);
  if (review != NULL)
    sqlite3_bind_text (stmt, 2, review, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    start = add_days ((const char *) sqlite3_column_text (stmt, 0), 1);
  _aims_store_release (stmt);

  return start;
}

/**
 * aims_review_inputs_gather:
 * @store: a #AimsStore
 * @date: (nullable): the day to gather for; %NULL for today (UTC)
 * @review: (nullable): the review they are for: its own actions are not
 *   among the earlier reviews' actions
 * @error: return location for a #GError
 *
 * Computes a review's inputs from the project judged on @date, as at that
 * day where the file dates things (aims_kpi_compute()), without writing
 * anything. Incidents are counted from the day after the previous review
 * (all of them when there is none) to @date. Audits are those started by
 * @date, with the nonconformities raised by then; one that ended after
 * @date shows as in progress.
 *
 * Returns: (transfer full) (nullable): the inputs
 */
AimsReviewInputs *
aims_review_inputs_gather (AimsStore   *store,
                           const char  *date,
                           const char  *review,
                           GError     **error)
{
  g_autoptr(AimsReviewInputs) inputs = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *due_by = NULL;
  g_autofree char *period_start = NULL;

  g_return_val_if_fail (AIMS_IS_STORE (store), NULL);

  if (!check_open (store, error))
    return NULL;

  if (date != NULL && !aims_rules_date_is_valid (date))
    {
      g_set_error (error, AIMS_STORE_ERROR, AIMS_STORE_ERROR_INVALID_VALUE,
                   _("The review’s date “%s” is not a date that exists; write it as YYYY-MM-DD."),
                   date);
      return NULL;
    }

  inputs = g_new0 (AimsReviewInputs, 1);
  inputs->date = date != NULL ? g_strdup (date) : _aims_risks_today ();
  inputs->gathered = g_date_time_format_iso8601 (now);

  period_start = aims_review_dup_period_start (store, inputs->date, review);
  inputs->kpi = aims_kpi_compute (store, inputs->date, period_start, inputs->date, error);
  if (inputs->kpi == NULL || !gather_cells (store, inputs, error))
    return NULL;

  if ((inputs->top_risks = aims_kpi_list_top_risks (store, AIMS_REVIEW_TOP_RISKS, error)) == NULL)
    return NULL;

  inputs->earlier_actions =
    query_items (store,
                 "SELECT m.reference, a.what, a.status, a.due_date, a.owner "
                 "FROM review_action a JOIN management_review m ON m.uuid = a.review "
                 "WHERE m.review_date <= ?1 AND m.uuid IS NOT ?2 "
                 "ORDER BY m.review_date, m.reference, a.due_date, a.rowid",
                 inputs->date, review, error);
  if (inputs->earlier_actions == NULL)
    return NULL;

  inputs->audits =
    query_items (store,
                 "SELECT a.reference, a.title, "
                 "CASE WHEN a.status = 'completed' AND a.end_date > ?1 THEN 'in-progress' "
                 "ELSE a.status END, a.end_date, a.auditor, "
                 "(SELECT count(*) FROM finding f WHERE f.audit = a.uuid "
                 " AND f.kind = 'nonconformity' AND (f.raised_on = '' OR f.raised_on <= ?1)) "
                 "FROM audit a WHERE a.start_date <> '' AND a.start_date <= ?1 "
                 "AND a.status <> 'cancelled' ORDER BY a.start_date DESC, a.reference LIMIT 20",
                 inputs->date, NULL, error);
  if (inputs->audits == NULL)
    return NULL;

  due_by = add_days (inputs->date, DUE_WITHIN_DAYS);
  inputs->assessments_due =
    query_items (store,
                 "SELECT a.reference, s.name, a.status, a.next_review, a.assessor "
                 "FROM impact_assessment a JOIN ai_system s ON s.uuid = a.system "
                 "WHERE a.status = 'approved' AND a.next_review <> '' AND a.next_review <= ?1 "
                 "ORDER BY a.next_review, a.reference LIMIT 50",
                 due_by, NULL, error);
  if (inputs->assessments_due == NULL)
    return NULL;

  if ((inputs->objectives = gather_objectives (store, error)) == NULL)
    return NULL;

  return g_steal_pointer (&inputs);
}

/**
 * aims_review_gather_inputs:
 * @store: a #AimsStore
 * @review: a management review
 * @error: return location for a #GError
 *
 * Gathers @review's inputs at its date (today when it has none) and writes
 * them to it, replacing any gathered before, as one undo step.
 *
 * Returns: %TRUE on success
 */
gboolean
aims_review_gather_inputs (AimsStore   *store,
                           const char  *review,
                           GError     **error)
{
  g_autoptr(AimsReviewInputs) inputs = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *date = NULL;
  g_autofree char *json = NULL;

  g_return_val_if_fail (AIMS_IS_STORE (store), FALSE);
  g_return_val_if_fail (review != NULL, FALSE);

  date = aims_store_dup_text (store, "management_review", review, "review_date", error);
  if (date == NULL)
    return FALSE;

  inputs = aims_review_inputs_gather (store, *date != '\0' ? date : NULL, review, error);
  if (inputs == NULL)
    return FALSE;

  node = aims_review_inputs_to_json (inputs);
  json = json_to_string (node, FALSE);

  aims_store_begin_group (store, _("Gather Review Inputs"));
  if (!aims_store_update (store, "management_review", review, "inputs",
                          g_variant_new_string (json), error) ||
      !aims_store_update (store, "management_review", review, "inputs_gathered",
                          g_variant_new_string (inputs->gathered), error))
    {
      aims_store_abort_group (store);
      return FALSE;
    }

  return aims_store_end_group (store, error);
}

/**
 * aims_review_dup_inputs:
 * @store: a #AimsStore
 * @review: a management review
 * @error: return location for a #GError
 *
 * Reads back the inputs gathered for @review.
 *
 * Returns: (transfer full) (nullable): the inputs, or %NULL without @error
 *   set when they have not been gathered
 */
AimsReviewInputs *
aims_review_dup_inputs (AimsStore   *store,
                        const char  *review,
                        GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autofree char *json = NULL;

  g_return_val_if_fail (AIMS_IS_STORE (store), NULL);
  g_return_val_if_fail (review != NULL, NULL);

  json = aims_store_dup_text (store, "management_review", review, "inputs", error);
  if (json == NULL || *json == '\0')
    return NULL;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, json, -1, error))
    return NULL;

  return aims_review_inputs_new_from_json (json_parser_get_root (parser), error);
}

/* JSON */

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value != NULL ? value : "");
}

static void
add_items (JsonBuilder *builder,
           const char  *name,
           GPtrArray   *items)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      AimsReviewItem *item = g_ptr_array_index (items, i);

      json_builder_begin_object (builder);
      add_string (builder, "reference", item->reference);
      add_string (builder, "title", item->title);
      add_string (builder, "status", item->status);
      add_string (builder, "date", item->date);
      add_string (builder, "owner", item->owner);
      json_builder_set_member_name (builder, "count");
      json_builder_add_int_value (builder, item->count);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_cells (JsonBuilder *builder,
           const char  *name,
           const guint *cells,
           guint        n)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    json_builder_add_int_value (builder, cells[i]);
  json_builder_end_array (builder);
}

/**
 * aims_review_inputs_to_json:
 * @inputs: a review's inputs
 *
 * Returns: (transfer full): the inputs as the snapshot keeps them
 */
JsonNode *
aims_review_inputs_to_json (const AimsReviewInputs *inputs)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  guint n_cells;

  g_return_val_if_fail (inputs != NULL, NULL);

  n_cells = inputs->n_likelihood * inputs->n_impact;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_int_value (builder, INPUTS_FORMAT);
  add_string (builder, "date", inputs->date);
  add_string (builder, "gathered", inputs->gathered);
  json_builder_set_member_name (builder, "figures");
  json_builder_add_value (builder, aims_kpi_to_json (inputs->kpi));

  json_builder_set_member_name (builder, "risk_profile");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "likelihood_steps");
  json_builder_add_int_value (builder, inputs->n_likelihood);
  json_builder_set_member_name (builder, "impact_steps");
  json_builder_add_int_value (builder, inputs->n_impact);
  add_cells (builder, "inherent", inputs->inherent, n_cells);
  add_cells (builder, "residual", inputs->residual, n_cells);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "top_risks");
  json_builder_begin_array (builder);
  for (guint i = 0; inputs->top_risks != NULL && i < inputs->top_risks->len; i++)
    json_builder_add_value (builder, aims_kpi_risk_to_json (g_ptr_array_index (inputs->top_risks, i)));
  json_builder_end_array (builder);

  add_items (builder, "earlier_actions", inputs->earlier_actions);
  add_items (builder, "audits", inputs->audits);
  add_items (builder, "assessments_due", inputs->assessments_due);
  add_items (builder, "objectives", inputs->objectives);
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

  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
      json_node_get_value_type (node) == G_TYPE_INT64)
    return json_node_get_int (node);

  return 0;
}

static JsonArray *
member_array (JsonObject *object,
              const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static GPtrArray *
read_items (JsonObject *object,
            const char *name)
{
  GPtrArray *items = item_array_new ();
  JsonArray *array = member_array (object, name);

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonObject *member;
      AimsReviewItem *item;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;

      member = json_node_get_object (element);
      item = g_new0 (AimsReviewItem, 1);
      item->reference = g_strdup (member_string (member, "reference"));
      item->title = g_strdup (member_string (member, "title"));
      item->status = g_strdup (member_string (member, "status"));
      item->date = g_strdup (member_string (member, "date"));
      item->owner = g_strdup (member_string (member, "owner"));
      item->count = (guint) CLAMP (member_int (member, "count"), 0, G_MAXUINT);
      g_ptr_array_add (items, item);
    }

  return items;
}

static guint *
read_cells (JsonObject *object,
            const char *name,
            guint       n)
{
  guint *cells = g_new0 (guint, MAX (n, 1));
  JsonArray *array = member_array (object, name);

  for (guint i = 0; array != NULL && i < n && i < json_array_get_length (array); i++)
    cells[i] = (guint) CLAMP (json_array_get_int_element (array, i), 0, G_MAXUINT);

  return cells;
}

/**
 * aims_review_inputs_new_from_json:
 * @node: what aims_review_inputs_to_json() made
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the inputs
 */
AimsReviewInputs *
aims_review_inputs_new_from_json (JsonNode  *node,
                                  GError   **error)
{
  g_autoptr(AimsReviewInputs) inputs = NULL;
  JsonObject *object, *profile = NULL;
  JsonNode *member;
  JsonArray *risks;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node) ||
      member_int (json_node_get_object (node), "format") != INPUTS_FORMAT)
    {
      g_set_error (error, AIMS_STORE_ERROR, AIMS_STORE_ERROR_INVALID_VALUE,
                   _("The review’s inputs are not in a form this version can read; gather them "
                     "again."));
      return NULL;
    }

  object = json_node_get_object (node);
  inputs = g_new0 (AimsReviewInputs, 1);
  inputs->date = g_strdup (member_string (object, "date"));
  inputs->gathered = g_strdup (member_string (object, "gathered"));
  if ((inputs->kpi = aims_kpi_new_from_json (json_object_get_member (object, "figures"),
                                             error)) == NULL)
    return NULL;

  member = json_object_get_member (object, "risk_profile");
  if (member != NULL && JSON_NODE_HOLDS_OBJECT (member))
    profile = json_node_get_object (member);
  if (profile != NULL)
    {
      inputs->n_likelihood = (guint) CLAMP (member_int (profile, "likelihood_steps"), 0, 16);
      inputs->n_impact = (guint) CLAMP (member_int (profile, "impact_steps"), 0, 16);
    }
  inputs->inherent = read_cells (profile, "inherent", inputs->n_likelihood * inputs->n_impact);
  inputs->residual = read_cells (profile, "residual", inputs->n_likelihood * inputs->n_impact);

  inputs->top_risks = g_ptr_array_new_with_free_func ((GDestroyNotify) aims_kpi_risk_free);
  risks = member_array (object, "top_risks");
  for (guint i = 0; risks != NULL && i < json_array_get_length (risks); i++)
    {
      JsonNode *element = json_array_get_element (risks, i);

      if (JSON_NODE_HOLDS_OBJECT (element))
        g_ptr_array_add (inputs->top_risks,
                         aims_kpi_risk_new_from_json (json_node_get_object (element)));
    }

  inputs->earlier_actions = read_items (object, "earlier_actions");
  inputs->audits = read_items (object, "audits");
  inputs->assessments_due = read_items (object, "assessments_due");
  inputs->objectives = read_items (object, "objectives");

  return g_steal_pointer (&inputs);
}

/**
 * aims_review_inputs_dup_counts:
 * @inputs: a review's inputs
 * @residual: the residual positions rather than the inherent ones
 *
 * The risk profile as heatmap counts, to draw with aims_heatmap_draw() in
 * %AIMS_HEATMAP_INHERENT mode.
 *
 * Returns: (transfer full) (nullable): the counts, or %NULL when the inputs
 *   have no risk profile
 */
AimsHeatmapCounts *
aims_review_inputs_dup_counts (const AimsReviewInputs *inputs,
                               gboolean                residual)
{
  AimsHeatmapCounts *counts;
  const guint *cells;

  g_return_val_if_fail (inputs != NULL, NULL);

  if (inputs->n_likelihood == 0 || inputs->n_impact == 0)
    return NULL;

  cells = residual ? inputs->residual : inputs->inherent;
  counts = aims_heatmap_counts_new (inputs->n_likelihood, inputs->n_impact);
  for (guint l = 1; l <= inputs->n_likelihood; l++)
    for (guint i = 1; i <= inputs->n_impact; i++)
      for (guint n = cells[(l - 1) * inputs->n_impact + i - 1]; n > 0; n--)
        aims_heatmap_counts_add (counts, l, i, 0, 0);

  return counts;
}

void
aims_review_inputs_free (AimsReviewInputs *inputs)
{
  if (inputs == NULL)
    return;

  g_free (inputs->date);
  g_free (inputs->gathered);
  g_clear_pointer (&inputs->kpi, aims_kpi_free);
  g_free (inputs->inherent);
  g_free (inputs->residual);
  g_clear_pointer (&inputs->top_risks, g_ptr_array_unref);
  g_clear_pointer (&inputs->earlier_actions, g_ptr_array_unref);
  g_clear_pointer (&inputs->audits, g_ptr_array_unref);
  g_clear_pointer (&inputs->assessments_due, g_ptr_array_unref);
  g_clear_pointer (&inputs->objectives, g_ptr_array_unref);
  g_free (inputs);
}

/* Actions */

/**
 * aims_review_add_action:
 * @store: a #AimsStore
 * @review: the review that decides it
 * @what: what will be done
 * @owner: (nullable): who does it
 * @due_date: (nullable): by when, YYYY-MM-DD
 * @error: return location for a #GError
 *
 * Adds a planned action to @review, as one undo step.
 *
 * Returns: (transfer full) (nullable): the action's uuid
 */
char *
aims_review_add_action (AimsStore   *store,
                        const char  *review,
                        const char  *what,
                        const char  *owner,
                        const char  *due_date,
                        GError     **error)
{
  g_autoptr(GHashTable) values = NULL;

  g_return_val_if_fail (AIMS_IS_STORE (store), NULL);
  g_return_val_if_fail (review != NULL, NULL);
  g_return_val_if_fail (what != NULL, NULL);

  values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_variant_unref);
#define PUT(name, text) \
  g_hash_table_insert (values, (gpointer) name, g_variant_ref_sink (g_variant_new_string (text)))
  PUT ("review", review);
  PUT ("what", what);
  PUT ("owner", owner != NULL ? owner : "");
  PUT ("due_date", due_date != NULL ? due_date : "");
  PUT ("status", "planned");
#undef PUT

  return aims_store_insert (store, "review_action", values, error);
}

/**
 * aims_review_set_action:
 * @store: a #AimsStore
 * @action: a review action
 * @field: "what", "owner", "due_date" or "status"
 * @value: its new value
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success; the store's rules say why not
 */
gboolean
aims_review_set_action (AimsStore   *store,
                        const char  *action,
                        const char  *field,
                        const char  *value,
                        GError     **error)
{
  g_return_val_if_fail (AIMS_IS_STORE (store), FALSE);
  g_return_val_if_fail (action != NULL && field != NULL && value != NULL, FALSE);

  return aims_store_update (store, "review_action", action, field,
                            g_variant_new_string (value), error);
}

/**
 * aims_review_remove_action:
 * @store: a #AimsStore
 * @action: a review action
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
aims_review_remove_action (AimsStore   *store,
                           const char  *action,
                           GError     **error)
{
  g_return_val_if_fail (AIMS_IS_STORE (store), FALSE);
  g_return_val_if_fail (action != NULL, FALSE);

  return aims_store_delete (store, "review_action", action, error);
}

/**
 * aims_review_dup_actions:
 * @store: a #AimsStore
 * @review: a management review
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the uuids of @review's actions, by
 *   due date (none last), then as added
 */
char **
aims_review_dup_actions (AimsStore   *store,
                         const char  *review,
                         GError     **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (AIMS_IS_STORE (store), NULL);
  g_return_val_if_fail (review != NULL, NULL);

  if (!check_open (store, error) ||
      (stmt = _aims_store_prepare (store,
                                   "SELECT uuid FROM review_action WHERE review = ? "
                                   "ORDER BY due_date = '', due_date, rowid", error)) == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, review, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  _aims_store_release (stmt);

  if (rc != SQLITE_DONE)
    {
      _aims_sqlite_set_error (error, _aims_store_get_db (store), rc,
                              _("Could not read the review’s actions"));
      return NULL;
    }

  return g_strv_builder_end (builder);
}
