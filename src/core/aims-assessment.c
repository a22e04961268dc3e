/* aims-assessment.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* AI system impact assessments (ISO/IEC 42001 6.1.4 and A.5, in the shape of
 * ISO/IEC 42005): the record and its versions, submission, approval and the
 * list. Completeness is in aims-assessment-complete.c, impacts, measures and
 * the way from a harm to a register risk in aims-assessment-impacts.c, and
 * the status rules the store applies to every write in
 * aims-assessment-rules.c. Every write goes through the store's one write
 * path, grouped so that each action is one undo step with its change log. */

#define G_LOG_DOMAIN "aims-assessment"

#include "config.h"

#include "aims-assessment-private.h"
#include "aims-assessment-record-private.h"

#include "aims-links.h"
#include "aims-risks-private.h"
#include "aims-sqlite-private.h"
#include "aims-store-private.h"

#include <glib/gi18n.h>
#include <string.h>

/* The fields a new version does not inherit from the one before. */
static const char * const fresh_fields[] = {
  "uuid",
  "reference",
  "version",
  "status",
  "trigger",
  "assessment_date",
  "approver",
  "approver_role",
  "approval_date",
  "created",
  "modified",
  "author",
};

/* Where a new assessment's system information comes from in the inventory. */
static const struct
{
  const char *from;
  const char *to;
} prefill[] = {
  { "description", "system_description" },
  { "intended_purpose", "purpose" },
  { "intended_users", "intended_uses" },
  { "foreseeable_misuse", "unintended_uses" },
  { "geographies", "deployment_geography" },
  { "languages", "deployment_languages" },
  { "affected_stakeholders", "directly_affected" },
  { "known_limitations", "algorithm_information" },
};

G_DEFINE_QUARK (aims-assessment-error-quark, aims_assessment_error)

/* The uuids one query returns, in order. */
char **
_aims_assessment_query_uuids (AimsStore   *store,
                              const char  *sql,
                              const char  *param,
                              GError     **error)
{
  g_autoptr(GPtrArray) uuids = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  if ((stmt = _aims_store_prepare (store, sql, error)) == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, param, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (uuids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  _aims_store_release (stmt);

  if (rc != SQLITE_DONE)
    {
      _aims_sqlite_set_error (error, _aims_store_get_db (store), rc,
                              _("Could not read the impact assessments"));
      return NULL;
    }

  g_ptr_array_add (uuids, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&uuids), FALSE);
}

static gboolean
set_status (AimsStore   *store,
            const char  *uuid,
            const char  *status,
            GError     **error)
{
  return aims_store_update (store, "impact_assessment", uuid, "status",
                            g_variant_new_string (status), error);
}

static char *
system_title (AimsStore  *store,
              const char *system)
{
  g_autofree char *name = aims_store_dup_text (store, "ai_system", system, "name", NULL);

  return name != NULL ? g_steal_pointer (&name) : g_strdup ("");
}

/* Copies the impacts of @from, their measures and their risk links, to @to. */
static gboolean
copy_impacts (AimsStore   *store,
              const char  *from,
              const char  *to,
              GError     **error)
{
  g_auto(GStrv) impacts = aims_assessment_dup_impacts (store, from, error);
  const AimsTableInfo *impact_info = aims_schema_lookup_table ("impact");
  const AimsTableInfo *measure_info = aims_schema_lookup_table ("impact_measure");

  if (impacts == NULL)
    return FALSE;

  for (guint i = 0; impacts[i] != NULL; i++)
    {
      g_autoptr(GHashTable) impact = dup_record (store, "impact", impacts[i], error);
      g_autoptr(GHashTable) values = values_new ();
      g_auto(GStrv) measures = NULL;
      g_auto(GStrv) risks = NULL;
      g_autofree char *copy = NULL;

      if (impact == NULL)
        return FALSE;

      for (guint f = 0; f < impact_info->n_fields; f++)
        {
          const AimsFieldInfo *field = &impact_info->fields[f];
          GVariant *value = g_hash_table_lookup (impact, field->name);

          if ((field->flags & AIMS_FIELD_FLAG_SYSTEM) == 0 && value != NULL)
            g_hash_table_insert (values, (gpointer) field->name, g_variant_ref (value));
        }
      put_text (values, "assessment", to);

      if ((copy = aims_store_insert (store, "impact", values, error)) == NULL ||
          (measures = aims_assessment_dup_measures (store, impacts[i], error)) == NULL)
        return FALSE;

      for (guint m = 0; measures[m] != NULL; m++)
        {
          g_autoptr(GHashTable) measure = dup_record (store, "impact_measure", measures[m], error);
          g_autoptr(GHashTable) measure_values = values_new ();
          g_autofree char *measure_copy = NULL;

          if (measure == NULL)
            return FALSE;

          for (guint f = 0; f < measure_info->n_fields; f++)
            {
              const AimsFieldInfo *field = &measure_info->fields[f];
              GVariant *value = g_hash_table_lookup (measure, field->name);

              if ((field->flags & AIMS_FIELD_FLAG_SYSTEM) == 0 && value != NULL)
                g_hash_table_insert (measure_values, (gpointer) field->name,
                                     g_variant_ref (value));
            }
          put_text (measure_values, "impact", copy);

          if ((measure_copy = aims_store_insert (store, "impact_measure", measure_values,
                                                 error)) == NULL)
            return FALSE;
        }

      risks = aims_assessment_dup_impact_risks (store, impacts[i]);
      for (guint r = 0; risks != NULL && risks[r] != NULL; r++)
        {
          g_autofree char *link = aims_store_link (store, "impact_risk", copy, risks[r], error);

          if (link == NULL)
            return FALSE;
        }
    }

  return TRUE;
}

static char *
insert_assessment (AimsStore   *store,
                   const char  *system,
                   GError     **error)
{
  g_autofree char *latest = aims_assessment_dup_latest (store, system);
  g_autofree char *reference = aims_store_next_reference (store, "impact_assessment");
  g_autofree char *today = _aims_risks_today ();
  g_autoptr(GHashTable) values = values_new ();
  g_autofree char *uuid = NULL;
  gint64 version = 1;

  if (latest != NULL)
    {
      const AimsTableInfo *info = aims_schema_lookup_table ("impact_assessment");
      g_autoptr(GHashTable) previous = dup_record (store, "impact_assessment", latest, error);

      if (previous == NULL)
        return NULL;

      for (guint i = 0; i < info->n_fields; i++)
        {
          const char *name = info->fields[i].name;
          GVariant *value = g_hash_table_lookup (previous, name);

          if (value != NULL && !g_strv_contains (fresh_fields, name))
            g_hash_table_insert (values, (gpointer) name, g_variant_ref (value));
        }
      version = int_of (previous, "version") + 1;
    }
  else
    {
      g_autoptr(GHashTable) inventory = dup_record (store, "ai_system", system, error);

      if (inventory == NULL)
        return NULL;

      for (guint i = 0; i < G_N_ELEMENTS (prefill); i++)
        put_text (values, prefill[i].to, text_of (inventory, prefill[i].from));
      put_text (values, "trigger", "new-system");
      put_text (values, "system", system);
    }

  put_text (values, "reference", reference);
  put_text (values, "status", "draft");
  put_text (values, "assessment_date", today);
  g_hash_table_replace (values, (gpointer) "version",
                        g_variant_ref_sink (g_variant_new_int64 (version)));

  if ((uuid = aims_store_insert (store, "impact_assessment", values, error)) == NULL)
    return NULL;

  if (latest != NULL && !copy_impacts (store, latest, uuid, error))
    return NULL;

  return g_steal_pointer (&uuid);
}

/* Public API */

/**
 * aims_assessment_dup_latest:
 * @store: a #AimsStore
 * @system: an AI system
 *
 * Returns: (transfer full) (nullable): the assessment of @system with the
 *   highest version, or %NULL if it has none
 */
char *
aims_assessment_dup_latest (AimsStore  *store,
                            const char *system)
{
  g_auto(GStrv) uuids = NULL;

  g_return_val_if_fail (AIMS_IS_STORE (store), NULL);
  g_return_val_if_fail (system != NULL, NULL);

  uuids = _aims_assessment_query_uuids (store,
                                        "SELECT uuid FROM impact_assessment WHERE system = ? "
                                        "ORDER BY version DESC, rowid DESC LIMIT 1",
                                        system, NULL);

  return uuids != NULL && uuids[0] != NULL ? g_strdup (uuids[0]) : NULL;
}

/**
 * aims_assessment_start:
 * @store: a #AimsStore
 * @system: the AI system to assess
 * @error: return location for a #GError
 *
 * Starts a new draft assessment of @system, in one undo step. The first one
 * takes the system information from the inventory; each later one starts as
 * a copy of the latest version, its impacts, measures and risk links
 * included, with the next version number, today's date and no approval.
 *
 * Returns: (transfer full) (nullable): the new assessment
 */
char *
aims_assessment_start (AimsStore   *store,
                       const char  *system,
                       GError     **error)
{
  g_autofree char *name = NULL;
  g_autofree char *label = NULL;
  g_autofree char *uuid = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (AIMS_IS_STORE (store), NULL);
  g_return_val_if_fail (system != NULL, NULL);

  name = system_title (store, system);
  label = g_strdup_printf (_("Start an impact assessment of “%s”"), name);

  aims_store_begin_group (store, label);
  uuid = insert_assessment (store, system, &local_error);
  if (uuid == NULL)
    {
      aims_store_abort_group (store);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (!aims_store_end_group (store, error))
    return NULL;

  return g_steal_pointer (&uuid);
}

/**
 * aims_assessment_is_editable:
 * @store: a #AimsStore
 * @uuid: an assessment
 *
 * Approved and superseded assessments are the record of a decision: they
 * stay as they were. A change starts a new version.
 *
 * Returns: whether @uuid is a draft or in review
 */
gboolean
aims_assessment_is_editable (AimsStore  *store,
                             const char *uuid)
{
  g_autofree char *status = NULL;

  g_return_val_if_fail (AIMS_IS_STORE (store), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  status = aims_store_dup_text (store, "impact_assessment", uuid, "status", NULL);

  return g_strcmp0 (status, "draft") == 0 || g_strcmp0 (status, "in-review") == 0;
}

/**
 * aims_assessment_submit:
 * @store: a #AimsStore
 * @uuid: a draft assessment
 * @error: return location for a #GError
 *
 * Sends a draft for review. It need not be complete yet.
 *
 * Returns: %TRUE on success
 */
gboolean
aims_assessment_submit (AimsStore   *store,
                        const char  *uuid,
                        GError     **error)
{
  g_autofree char *status = NULL;

  g_return_val_if_fail (AIMS_IS_STORE (store), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  status = aims_store_dup_text (store, "impact_assessment", uuid, "status", error);
  if (status == NULL)
    return FALSE;

  if (!g_str_equal (status, "draft"))
    {
      g_set_error (error, AIMS_ASSESSMENT_ERROR, AIMS_ASSESSMENT_ERROR_STATUS,
                   _("Only a draft can be sent for review; start a new version to change an "
                     "approved assessment."));
      return FALSE;
    }

  return set_status (store, uuid, "in-review", error);
}

/**
 * aims_assessment_approve:
 * @store: a #AimsStore
 * @uuid: a draft or an assessment in review
 * @today: (nullable): the approval date when none is set, YYYY-MM-DD; %NULL
 *   for today in UTC
 * @error: return location for a #GError
 *
 * Approves a complete assessment, in one undo step: its status becomes
 * approved, its approval date is set if empty, and every earlier version of
 * the same AI system becomes superseded. An incomplete one is refused with
 * %AIMS_ASSESSMENT_ERROR_INCOMPLETE, whose message names the missing parts
 * by section.
 *
 * Returns: %TRUE on success
 */
gboolean
aims_assessment_approve (AimsStore   *store,
                         const char  *uuid,
                         const char  *today,
                         GError     **error)
{
  g_autoptr(GHashTable) record = NULL;
  g_autoptr(GPtrArray) gaps = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *fallback = NULL;
  g_autofree char *label = NULL;
  g_autofree char *name = NULL;
  g_auto(GStrv) earlier = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (AIMS_IS_STORE (store), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  if ((record = dup_record (store, "impact_assessment", uuid, error)) == NULL)
    return FALSE;

  if (!aims_assessment_is_editable (store, uuid))
    {
      g_set_error (error, AIMS_ASSESSMENT_ERROR, AIMS_ASSESSMENT_ERROR_STATUS,
                   _("This assessment is already approved or superseded; start a new version "
                     "to assess the system again."));
      return FALSE;
    }

  if ((gaps = aims_assessment_dup_missing (store, uuid, NULL, error)) == NULL)
    return FALSE;

  if (gaps->len > 0)
    {
      g_autofree char *missing = aims_assessment_describe_missing (gaps);

      g_set_error (error, AIMS_ASSESSMENT_ERROR, AIMS_ASSESSMENT_ERROR_INCOMPLETE,
                   _("The assessment cannot be approved until these parts are filled in:\n%s"),
                   missing);
      return FALSE;
    }

  if (today == NULL)
    today = fallback = _aims_risks_today ();

  earlier = _aims_assessment_query_uuids (store,
                                          "SELECT uuid FROM impact_assessment WHERE system = "
                                          "(SELECT system FROM impact_assessment "
                                          "WHERE uuid = ?1) AND version < "
                                          "(SELECT version FROM impact_assessment "
                                          "WHERE uuid = ?1) AND "
                                          "status <> 'superseded' ORDER BY version",
                                          uuid, error);
  if (earlier == NULL)
    return FALSE;

  name = system_title (store, text_of (record, "system"));
  label = g_strdup_printf (_("Approve the impact assessment of “%s”"), name);

  /* The date first: once approved, the assessment takes no more edits */
  aims_store_begin_group (store, label);
  ok = TRUE;
  if (is_blank (text_of (record, "approval_date")))
    ok = aims_store_update (store, "impact_assessment", uuid, "approval_date",
                            g_variant_new_string (today), &local_error);
  /* Completeness was just checked above, in this group: the store's status
   * rule (_aims_assessment_check_status) need not compute it again */
  g_object_set_data (G_OBJECT (store), APPROVING_KEY, (gpointer) uuid);
  ok = ok && set_status (store, uuid, "approved", &local_error);
  g_object_set_data (G_OBJECT (store), APPROVING_KEY, NULL);
  for (guint i = 0; ok && earlier[i] != NULL; i++)
    ok = set_status (store, earlier[i], "superseded", &local_error);

  if (!ok)
    {
      aims_store_abort_group (store);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return aims_store_end_group (store, error);
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return g_utf8_make_valid (text != NULL ? text : "", -1);
}

/**
 * aims_assessment_list:
 * @store: a #AimsStore
 * @error: return location for a #GError
 *
 * Every assessment with its AI system and the number of its open harms,
 * by system name and then newest version first.
 *
 * Returns: (transfer full) (element-type AimsAssessmentSummary) (nullable):
 *   the list
 */
GPtrArray *
aims_assessment_list (AimsStore  *store,
                      GError    **error)
{
  g_autoptr(GPtrArray) list = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (AIMS_IS_STORE (store), NULL);

  stmt = _aims_store_prepare (store,
                              "SELECT a.uuid, a.reference, a.system, s.reference, s.name, "
                              "a.version, a.status, a.assessment_date, a.next_review, "
                              "(SELECT count(*) FROM impact i WHERE i.assessment = a.uuid), "
                              "(SELECT count(*) FROM impact i WHERE i.assessment = a.uuid "
                              "AND i.nature = 'harm' AND i.status = 'open') "
                              "FROM impact_assessment a LEFT JOIN ai_system s ON s.uuid = a.system "
                              "ORDER BY s.name COLLATE NOCASE, a.system, a.version DESC",
                              error);
  if (stmt == NULL)
    return NULL;

  list = g_ptr_array_new_with_free_func ((GDestroyNotify) aims_assessment_summary_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AimsAssessmentSummary *summary = g_new0 (AimsAssessmentSummary, 1);

      summary->uuid = column_dup (stmt, 0);
      summary->reference = column_dup (stmt, 1);
      summary->system = column_dup (stmt, 2);
      summary->system_reference = column_dup (stmt, 3);
      summary->system_name = column_dup (stmt, 4);
      summary->version = sqlite3_column_int64 (stmt, 5);
      summary->status = column_dup (stmt, 6);
      summary->assessment_date = column_dup (stmt, 7);
      summary->next_review = column_dup (stmt, 8);
      summary->n_impacts = sqlite3_column_int (stmt, 9);
      summary->n_open_harms = sqlite3_column_int (stmt, 10);
      g_ptr_array_add (list, summary);
    }
  _aims_store_release (stmt);

  if (rc != SQLITE_DONE)
    {
      _aims_sqlite_set_error (error, _aims_store_get_db (store), rc,
                              _("Could not read the impact assessments"));
      return NULL;
    }

  return g_steal_pointer (&list);
}

void
aims_assessment_gap_free (AimsAssessmentGap *gap)
{
  if (gap == NULL)
    return;

  g_free (gap->section);
  g_free (gap->what);
  g_free (gap->record);
  g_free (gap->field);
  g_free (gap);
}

void
aims_assessment_summary_free (AimsAssessmentSummary *summary)
{
  if (summary == NULL)
    return;

  g_free (summary->uuid);
  g_free (summary->reference);
  g_free (summary->system);
  g_free (summary->system_reference);
  g_free (summary->system_name);
  g_free (summary->status);
  g_free (summary->assessment_date);
  g_free (summary->next_review);
  g_free (summary);
}
