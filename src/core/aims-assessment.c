/* aims-assessment.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* AI system impact assessments (ISO/IEC 42001 6.1.4 and A.5, in the shape of
 * ISO/IEC 42005): versions, completeness, approval, and the way from a harm
 * to a register risk. Every write goes through the store's one write path,
 * grouped so that each action is one undo step with its change log. */

#define G_LOG_DOMAIN "aims-assessment"

#include "config.h"

#include "aims-assessment-private.h"

#include "aims-links.h"
#include "aims-risks-private.h"
#include "aims-sqlite-private.h"
#include "aims-store-private.h"

#include <glib/gi18n.h>
#include <string.h>

/* The fields an approval needs, in form order. Each belongs to the form
 * section its descriptor names. */
static const char * const required_fields[] = {
  "trigger",
  "assessment_date",
  "assessor",
  "scope",
  "system_description",
  "functions",
  "purpose",
  "intended_uses",
  "unintended_uses",
  "data_information",
  "data_quality",
  "algorithm_information",
  "deployment_geography",
  "deployment_languages",
  "directly_affected",
  "thresholds",
  "conclusion",
  "residual_impact",
  "approver",
  "approver_role",
  "retention",
  "next_review",
};

/* What every impact needs; a harm also needs its scores and a measure. */
static const char * const required_impact_fields[] = {
  "affected",
  "level",
  "dimension",
  "scenario",
  "description",
};

/* On the store, while aims_assessment_approve() sets the status: the uuid
 * of the assessment whose completeness it has just checked. */
#define APPROVING_KEY "aims-assessment-approving"

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

/* An impact's dimension as the Annex C objective a risk is tagged with. */
static const struct
{
  const char *dimension;
  const char *objective;
} objectives[] = {
  { "fairness", "C.2.5" },
  { "privacy", "C.2.7" },
  { "safety", "C.2.9" },
  { "security", "C.2.10" },
  { "transparency", "C.2.11" },
  { "accountability", "C.2.1" },
  { "autonomy-rights", "C.2.1" },
  { "environment", "C.2.4" },
};

#define IMPACTS_SECTION N_("Impacts")

G_DEFINE_QUARK (aims-assessment-error-quark, aims_assessment_error)

static GHashTable *
values_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_variant_unref);
}

static void
put_text (GHashTable *values,
          const char *field,
          const char *text)
{
  g_hash_table_replace (values, (gpointer) field, g_variant_ref_sink (g_variant_new_string (text)));
}

static const char *
text_of (GHashTable *record,
         const char *field)
{
  GVariant *value = record != NULL ? g_hash_table_lookup (record, field) : NULL;

  if (value != NULL && g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    return g_variant_get_string (value, NULL);

  return "";
}

static gint64
int_of (GHashTable *record,
        const char *field)
{
  GVariant *value = record != NULL ? g_hash_table_lookup (record, field) : NULL;

  if (value != NULL && g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
    return g_variant_get_int64 (value);

  return 0;
}

static gboolean
is_blank (const char *text)
{
  for (; text != NULL && *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;

  return TRUE;
}

static GHashTable *
dup_record (AimsStore   *store,
            const char  *table,
            const char  *uuid,
            GError     **error)
{
  const AimsTableInfo *info = aims_schema_lookup_table (table);

  return _aims_store_dup_record (store, info, uuid, error);
}

/* The uuids one query returns, in order. */
static char **
query_uuids (AimsStore   *store,
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

/* The impacts of @assessment as records, in the order they were added, with
 * the fields completeness looks at. */
static GPtrArray *
dup_impact_records (AimsStore   *store,
                    const char  *assessment,
                    GError     **error)
{
  static const char * const columns[] = {
    "uuid", "affected", "level", "nature", "dimension", "scenario", "description", "severity",
    "likelihood",
  };
  const AimsTableInfo *info = aims_schema_lookup_table ("impact");
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _aims_store_prepare (store,
                              "SELECT uuid, affected, level, nature, dimension, scenario, "
                              "description, severity, likelihood FROM impact "
                              "WHERE assessment = ? ORDER BY rowid",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, assessment, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GHashTable *record = values_new ();

      for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
        {
          const AimsFieldInfo *field = aims_table_info_lookup_field (info, columns[c]);
          GVariant *value = _aims_store_column_variant (stmt, c, field);

          if (value != NULL)
            g_hash_table_insert (record, (gpointer) field->name, value);
        }
      g_ptr_array_add (records, record);
    }
  _aims_store_release (stmt);

  if (rc != SQLITE_DONE)
    {
      _aims_sqlite_set_error (error, _aims_store_get_db (store), rc,
                              _("Could not read the impact assessments"));
      return NULL;
    }

  return g_steal_pointer (&records);
}

/* impact → its measures as uuid, owner, uuid, owner…, in the order added */
static GHashTable *
dup_measure_owners (AimsStore   *store,
                    const char  *assessment,
                    GError     **error)
{
  g_autoptr(GHashTable) owners = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        (GDestroyNotify) g_ptr_array_unref);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _aims_store_prepare (store,
                              "SELECT m.impact, m.uuid, m.owner FROM impact_measure m "
                              "JOIN impact i ON i.uuid = m.impact WHERE i.assessment = ? "
                              "ORDER BY m.rowid",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, assessment, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *impact = (const char *) sqlite3_column_text (stmt, 0);
      const char *owner = (const char *) sqlite3_column_text (stmt, 2);
      GPtrArray *list = g_hash_table_lookup (owners, impact);

      if (list == NULL)
        {
          list = g_ptr_array_new_with_free_func (g_free);
          g_hash_table_insert (owners, g_strdup (impact), list);
        }
      g_ptr_array_add (list, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
      g_ptr_array_add (list, g_strdup (owner != NULL ? owner : ""));
    }
  _aims_store_release (stmt);

  if (rc != SQLITE_DONE)
    {
      _aims_sqlite_set_error (error, _aims_store_get_db (store), rc,
                              _("Could not read the impact assessments"));
      return NULL;
    }

  return g_steal_pointer (&owners);
}

static const char *
field_label (const char *table,
             const char *field)
{
  const AimsFieldInfo *info = aims_table_info_lookup_field (aims_schema_lookup_table (table),
                                                            field);

  return info != NULL ? _(info->label) : field;
}

static const char *
field_section (const char *field)
{
  const AimsFieldInfo *info =
    aims_table_info_lookup_field (aims_schema_lookup_table ("impact_assessment"), field);

  return info != NULL && info->group != NULL ? _(info->group) : "";
}

static void
add_gap (GPtrArray  *gaps,
         const char *section,
         char       *what,
         const char *record,
         const char *field)
{
  AimsAssessmentGap *gap = g_new0 (AimsAssessmentGap, 1);

  gap->section = g_strdup (section);
  gap->what = what;
  gap->record = g_strdup (record);
  gap->field = g_strdup (field);
  g_ptr_array_add (gaps, gap);
}

/* How people know an impact in a message: its party, or its position. */
static char *
impact_name (GHashTable *impact,
             guint       position)
{
  const char *affected = text_of (impact, "affected");

  if (!is_blank (affected))
    return _aims_text_for_message (affected, -1);

  /* Translators: an impact without a name, by its place in the list */
  return g_strdup_printf (_("impact %u"), position);
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

  uuids = query_uuids (store,
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
 * aims_assessment_dup_missing:
 * @store: a #AimsStore
 * @uuid: an assessment
 * @n_parts: (out) (optional): the number of required parts, filled or not
 * @error: return location for a #GError
 *
 * The required parts of an assessment that are still empty, in form order:
 * its fields, at least one impact, each impact's party, level, dimension,
 * scenario and description, each harm's severity, likelihood and at least
 * one measure, and each measure's owner.
 *
 * Returns: (transfer full) (element-type AimsAssessmentGap) (nullable): the
 *   gaps, empty when the assessment is complete
 */
GPtrArray *
aims_assessment_dup_missing (AimsStore   *store,
                             const char  *uuid,
                             guint       *n_parts,
                             GError     **error)
{
  g_autoptr(GPtrArray) gaps = NULL;
  g_autoptr(GHashTable) record = NULL;
  g_autoptr(GPtrArray) impacts = NULL;
  g_autoptr(GHashTable) measures = NULL;
  const char *impacts_section;
  guint parts = 0;

  g_return_val_if_fail (AIMS_IS_STORE (store), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  /* Three reads however many impacts there are: the form asks after every
   * edit */
  if ((record = dup_record (store, "impact_assessment", uuid, error)) == NULL ||
      (impacts = dup_impact_records (store, uuid, error)) == NULL ||
      (measures = dup_measure_owners (store, uuid, error)) == NULL)
    return NULL;

  gaps = g_ptr_array_new_with_free_func ((GDestroyNotify) aims_assessment_gap_free);
  impacts_section = _(IMPACTS_SECTION);

  /* The impacts come between the interested parties and the conclusion, as
   * in the form and the printed assessment. */
  for (guint i = 0; i < G_N_ELEMENTS (required_fields); i++)
    {
      const char *name = required_fields[i];

      if (g_str_equal (name, "thresholds"))
        {
          parts++;
          if (impacts->len == 0)
            add_gap (gaps, impacts_section, g_strdup (_("at least one impact")), NULL, NULL);

          for (guint k = 0; k < impacts->len; k++)
            {
              GHashTable *impact = g_ptr_array_index (impacts, k);
              const char *impact_uuid = text_of (impact, "uuid");
              GPtrArray *owned = g_hash_table_lookup (measures, impact_uuid);
              g_autofree char *who = NULL;
              gboolean harm;

              who = impact_name (impact, k + 1);
              harm = g_str_equal (text_of (impact, "nature"), "harm");

              for (guint f = 0; f < G_N_ELEMENTS (required_impact_fields); f++)
                {
                  const char *field = required_impact_fields[f];

                  parts++;
                  if (is_blank (text_of (impact, field)))
                    add_gap (gaps, impacts_section,
                             /* Translators: “Applicants”: Dimension */
                             g_strdup_printf (_("“%s”: %s"), who, field_label ("impact", field)),
                             impact_uuid, field);
                }

              if (!harm)
                continue;

              parts += 3;
              if (int_of (impact, "severity") <= 0)
                add_gap (gaps, impacts_section,
                         g_strdup_printf (_("“%s”: %s"), who, field_label ("impact", "severity")),
                         impact_uuid, "severity");
              if (int_of (impact, "likelihood") <= 0)
                add_gap (gaps, impacts_section,
                         g_strdup_printf (_("“%s”: %s"), who,
                                          field_label ("impact", "likelihood")),
                         impact_uuid, "likelihood");
              if (owned == NULL)
                add_gap (gaps, impacts_section,
                         g_strdup_printf (_("“%s”: at least one measure"), who),
                         impact_uuid, NULL);

              /* uuid, owner, uuid, owner… */
              for (guint m = 0; owned != NULL && m + 1 < owned->len; m += 2)
                {
                  parts++;
                  if (is_blank (g_ptr_array_index (owned, m + 1)))
                    add_gap (gaps, impacts_section,
                             g_strdup_printf (_("“%s”: the owner of measure %u"), who,
                                              m / 2 + 1),
                             g_ptr_array_index (owned, m), "owner");
                }
            }
        }

      parts++;
      if (is_blank (text_of (record, name)))
        add_gap (gaps, field_section (name), g_strdup (field_label ("impact_assessment", name)),
                 NULL, name);
    }

  if (n_parts != NULL)
    *n_parts = parts;

  return g_steal_pointer (&gaps);
}

/**
 * aims_assessment_describe_missing:
 * @gaps: (element-type AimsAssessmentGap): from aims_assessment_dup_missing()
 *
 * Returns: (transfer full): the gaps by section, one section a line:
 *   "AI System Information: Purpose, Intended uses"
 */
char *
aims_assessment_describe_missing (GPtrArray *gaps)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const char *section = NULL;

  g_return_val_if_fail (gaps != NULL, NULL);

  for (guint i = 0; i < gaps->len; i++)
    {
      const AimsAssessmentGap *gap = g_ptr_array_index (gaps, i);

      if (g_strcmp0 (section, gap->section) != 0)
        {
          if (text->len > 0)
            g_string_append_c (text, '\n');
          /* Translators: a section and the parts missing in it, as in
           * "Approval: Approver, Approver’s role" */
          g_string_append_printf (text, _("%s: "), gap->section);
          section = gap->section;
        }
      else
        g_string_append (text, ", ");

      g_string_append (text, gap->what);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
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

  earlier = query_uuids (store,
                         "SELECT uuid FROM impact_assessment WHERE system = "
                         "(SELECT system FROM impact_assessment WHERE uuid = ?1) AND "
                         "version < (SELECT version FROM impact_assessment WHERE uuid = ?1) AND "
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

/* Whether a later version of @uuid's AI system is approved */
static gboolean
has_later_approved (AimsStore  *store,
                    const char *uuid)
{
  g_auto(GStrv) later = query_uuids (store,
                                     "SELECT uuid FROM impact_assessment WHERE system = "
                                     "(SELECT system FROM impact_assessment WHERE uuid = ?1) AND "
                                     "version > (SELECT version FROM impact_assessment "
                                     "WHERE uuid = ?1) AND status = 'approved' LIMIT 1",
                                     uuid, NULL);

  return later != NULL && later[0] != NULL;
}

/* The status of the assessment @table's record @record belongs to, from the
 * database: the assessment itself, an impact's or a measure's. */
static char *
dup_owning_status (AimsStore           *store,
                   const AimsTableInfo *table,
                   GHashTable          *record)
{
  g_autofree char *assessment = NULL;

  if (g_str_equal (table->name, "impact_assessment"))
    assessment = g_strdup (text_of (record, "uuid"));
  else if (g_str_equal (table->name, "impact"))
    assessment = g_strdup (text_of (record, "assessment"));
  else if (g_str_equal (table->name, "impact_measure"))
    assessment = aims_store_dup_text (store, "impact", text_of (record, "impact"), "assessment",
                                      NULL);

  if (assessment == NULL || *assessment == '\0')
    return NULL;

  return aims_store_dup_text (store, "impact_assessment", assessment, "status", NULL);
}

/*
 * _aims_assessment_check_editable:
 * @table: the table of the record being written
 * @record: the record as it is, or as an insert would make it
 * @status_only: the edit changes only the assessment's status, which
 *   _aims_assessment_check_status() judges
 *
 * An approved or superseded assessment is a decision on record: it, its
 * impacts and their measures stay as they were approved, whoever writes
 * (the forms, the CLI, an import). Undo, redo and a matrix remap restore or
 * translate what was, and do not come here.
 */
gboolean
_aims_assessment_check_editable (AimsStore           *store,
                                 const AimsTableInfo *table,
                                 GHashTable          *record,
                                 gboolean             status_only,
                                 GError             **error)
{
  g_autofree char *status = NULL;

  if (status_only && g_str_equal (table->name, "impact_assessment"))
    return TRUE;

  status = dup_owning_status (store, table, record);
  if (status == NULL || g_str_equal (status, "draft") || g_str_equal (status, "in-review"))
    return TRUE;

  g_set_error (error, AIMS_ASSESSMENT_ERROR, AIMS_ASSESSMENT_ERROR_STATUS,
               _("An approved or superseded impact assessment stays as it was approved, "
                 "impacts and measures included; start a new version to change it."));
  return FALSE;
}

/*
 * _aims_assessment_check_status:
 * @uuid: an assessment
 * @status: the status an edit would give it
 *
 * A draft and an assessment in review may pass between those two freely. An
 * assessment becomes approved only when complete, and superseded only once a
 * later version of it is approved; an approved or superseded assessment
 * stays as it is, but for the approved one becoming superseded. Undo and
 * redo restore what was, and do not come here.
 */
gboolean
_aims_assessment_check_status (AimsStore   *store,
                               const char  *uuid,
                               const char  *status,
                               GError     **error)
{
  g_autofree char *current = NULL;

  g_return_val_if_fail (AIMS_IS_STORE (store), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  current = aims_store_dup_text (store, "impact_assessment", uuid, "status", NULL);

  /* No such assessment, or no change: the store has its own answers */
  if (current == NULL || status == NULL || g_str_equal (current, status))
    return TRUE;

  if (g_str_equal (status, "superseded"))
    {
      if (has_later_approved (store, uuid))
        return TRUE;

      g_set_error (error, AIMS_ASSESSMENT_ERROR, AIMS_ASSESSMENT_ERROR_STATUS,
                   _("An assessment is superseded only when a later version of it is "
                     "approved; approve the later version instead."));
      return FALSE;
    }

  if (g_str_equal (current, "approved") || g_str_equal (current, "superseded"))
    {
      g_set_error (error, AIMS_ASSESSMENT_ERROR, AIMS_ASSESSMENT_ERROR_STATUS,
                   _("This assessment is already approved or superseded; start a new version "
                     "to assess the system again."));
      return FALSE;
    }

  if (g_str_equal (status, "approved"))
    {
      g_autoptr(GPtrArray) gaps = NULL;
      g_autofree char *missing = NULL;

      /* aims_assessment_approve() checked it a moment ago */
      if (g_strcmp0 (g_object_get_data (G_OBJECT (store), APPROVING_KEY), uuid) == 0)
        return TRUE;

      gaps = aims_assessment_dup_missing (store, uuid, NULL, error);
      if (gaps == NULL)
        return FALSE;

      if (gaps->len == 0)
        return TRUE;

      missing = aims_assessment_describe_missing (gaps);
      g_set_error (error, AIMS_ASSESSMENT_ERROR, AIMS_ASSESSMENT_ERROR_INCOMPLETE,
                   _("The assessment cannot be approved until these parts are filled in:\n%s"),
                   missing);
      return FALSE;
    }

  return TRUE;
}

/**
 * aims_assessment_dup_impacts:
 * @store: a #AimsStore
 * @uuid: an assessment
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the impacts of @uuid, in the order
 *   they were added
 */
char **
aims_assessment_dup_impacts (AimsStore   *store,
                             const char  *uuid,
                             GError     **error)
{
  g_return_val_if_fail (AIMS_IS_STORE (store), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  return query_uuids (store, "SELECT uuid FROM impact WHERE assessment = ? ORDER BY rowid",
                      uuid, error);
}

/**
 * aims_assessment_add_impact:
 * @store: a #AimsStore
 * @uuid: an assessment
 * @error: return location for a #GError
 *
 * Adds an empty harm to @uuid.
 *
 * Returns: (transfer full) (nullable): the new impact
 */
char *
aims_assessment_add_impact (AimsStore   *store,
                            const char  *uuid,
                            GError     **error)
{
  g_autoptr(GHashTable) values = values_new ();

  g_return_val_if_fail (AIMS_IS_STORE (store), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  put_text (values, "assessment", uuid);
  put_text (values, "nature", "harm");

  return aims_store_insert (store, "impact", values, error);
}

/**
 * aims_assessment_dup_measures:
 * @store: a #AimsStore
 * @impact: an impact
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the measures of @impact, in order
 */
char **
aims_assessment_dup_measures (AimsStore   *store,
                              const char  *impact,
                              GError     **error)
{
  g_return_val_if_fail (AIMS_IS_STORE (store), NULL);
  g_return_val_if_fail (impact != NULL, NULL);

  return query_uuids (store, "SELECT uuid FROM impact_measure WHERE impact = ? ORDER BY rowid",
                      impact, error);
}

/**
 * aims_assessment_objective_for:
 * @dimension: an impact's dimension
 *
 * Returns: (nullable): the Annex C objective a risk made from an impact of
 *   @dimension is tagged with, or %NULL when none fits
 */
const char *
aims_assessment_objective_for (const char *dimension)
{
  for (guint i = 0; i < G_N_ELEMENTS (objectives); i++)
    if (g_strcmp0 (objectives[i].dimension, dimension) == 0)
      return objectives[i].objective;

  return NULL;
}

static char *
build_risk (AimsStore   *store,
            const char  *impact_uuid,
            GHashTable  *impact,
            GHashTable  *assessment,
            GError     **error)
{
  const AimsTableInfo *info = aims_schema_lookup_table ("impact");
  const char *dimension = text_of (impact, "dimension");
  const char *scenario = text_of (impact, "scenario");
  const char *objective = aims_assessment_objective_for (dimension);
  const char *affected = text_of (impact, "affected");
  g_autofree char *reference = aims_store_next_reference (store, "risk");
  g_autofree char *title = NULL;
  g_autofree char *cause = NULL;
  g_autofree char *short_title = NULL;
  g_autoptr(GHashTable) values = values_new ();
  g_autofree char *risk = NULL;
  g_autofree char *link = NULL;
  g_autofree char *system_link = NULL;

  if (is_blank (dimension))
    /* Translators: the title of a risk made from an impact: Harm to applicants */
    title = g_strdup_printf (_("Harm to %s"), is_blank (affected) ? _("people") : affected);
  else
    /* Translators: the title of a risk made from an impact: Fairness harm to applicants */
    title = g_strdup_printf (_("%s: harm to %s"),
                             aims_choice_label (aims_table_info_lookup_field (info, "dimension"),
                                                dimension),
                             is_blank (affected) ? _("people") : affected);
  short_title = g_utf8_substring (title, 0, MIN (g_utf8_strlen (title, -1), 80));

  /* Translators: the cause of a risk made from an impact: Misuse scenario, from
   * impact assessment IA-004 version 2 */
  cause = g_strdup_printf (_("%s scenario, from impact assessment %s version %u"),
                           is_blank (scenario)
                             ? _("Unspecified")
                             : aims_choice_label (aims_table_info_lookup_field (info, "scenario"),
                                                  scenario),
                           text_of (assessment, "reference"),
                           (guint) int_of (assessment, "version"));

  put_text (values, "reference", reference);
  put_text (values, "title", short_title);
  put_text (values, "description", text_of (impact, "description"));
  put_text (values, "consequence", text_of (impact, "description"));
  put_text (values, "cause", cause);
  put_text (values, "owner", text_of (assessment, "assessor"));
  if (objective != NULL)
    put_text (values, "objectives", objective);
  g_hash_table_replace (values, (gpointer) "inherent_likelihood",
                        g_variant_ref_sink (g_variant_new_int64 (int_of (impact, "likelihood"))));
  g_hash_table_replace (values, (gpointer) "inherent_impact",
                        g_variant_ref_sink (g_variant_new_int64 (int_of (impact, "severity"))));

  if ((risk = aims_store_insert (store, "risk", values, error)) == NULL ||
      (link = aims_store_link (store, "impact_risk", impact_uuid, risk, error)) == NULL ||
      (system_link = aims_store_link (store, "risk_system", risk, text_of (assessment, "system"),
                                      error)) == NULL)
    return NULL;

  return g_steal_pointer (&risk);
}

/**
 * aims_assessment_create_risk:
 * @store: a #AimsStore
 * @impact: a harm with a severity and a likelihood
 * @error: return location for a #GError
 *
 * Turns a harm into a register risk, in one undo step: the risk concerns the
 * assessment's AI system, takes the harm's likelihood and severity as its
 * inherent likelihood and impact (the same matrix scales), its dimension as
 * the Annex C objective at stake and its scenario as the cause, and is
 * linked to the impact (aims_assessment_dup_impact_risks() and
 * aims_assessment_dup_risk_impacts() follow the link either way).
 *
 * Returns: (transfer full) (nullable): the new risk
 */
char *
aims_assessment_create_risk (AimsStore   *store,
                             const char  *impact,
                             GError     **error)
{
  g_autoptr(GHashTable) record = NULL;
  g_autoptr(GHashTable) assessment = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *label = NULL;
  g_autofree char *risk = NULL;

  g_return_val_if_fail (AIMS_IS_STORE (store), NULL);
  g_return_val_if_fail (impact != NULL, NULL);

  if ((record = dup_record (store, "impact", impact, error)) == NULL ||
      (assessment = dup_record (store, "impact_assessment", text_of (record, "assessment"),
                                error)) == NULL)
    return NULL;

  if (!g_str_equal (text_of (record, "nature"), "harm"))
    {
      g_set_error (error, AIMS_ASSESSMENT_ERROR, AIMS_ASSESSMENT_ERROR_NOT_HARM,
                   _("A benefit is not a risk; only a harm can become a register risk."));
      return NULL;
    }

  if (int_of (record, "severity") <= 0 || int_of (record, "likelihood") <= 0)
    {
      g_set_error (error, AIMS_ASSESSMENT_ERROR, AIMS_ASSESSMENT_ERROR_NOT_SCORED,
                   _("Give the impact a severity and a likelihood before making it a risk: "
                     "they become the risk’s inherent impact and likelihood."));
      return NULL;
    }

  label = g_strdup_printf (_("Create a risk from the impact on “%s”"),
                           text_of (record, "affected"));
  aims_store_begin_group (store, label);
  risk = build_risk (store, impact, record, assessment, &local_error);
  if (risk == NULL)
    {
      aims_store_abort_group (store);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (!aims_store_end_group (store, error))
    return NULL;

  return g_steal_pointer (&risk);
}

/**
 * aims_assessment_dup_impact_risks:
 * @store: a #AimsStore
 * @impact: an impact
 *
 * Returns: (transfer full) (nullable): the risks made from @impact
 */
char **
aims_assessment_dup_impact_risks (AimsStore  *store,
                                  const char *impact)
{
  g_return_val_if_fail (AIMS_IS_STORE (store), NULL);
  g_return_val_if_fail (impact != NULL, NULL);

  return query_uuids (store, "SELECT risk FROM impact_risk WHERE impact = ? ORDER BY rowid",
                      impact, NULL);
}

/**
 * aims_assessment_dup_risk_impacts:
 * @store: a #AimsStore
 * @risk: a risk
 *
 * Returns: (transfer full) (nullable): the impacts @risk was made from or
 *   linked to, in every version of their assessment
 */
char **
aims_assessment_dup_risk_impacts (AimsStore  *store,
                                  const char *risk)
{
  g_return_val_if_fail (AIMS_IS_STORE (store), NULL);
  g_return_val_if_fail (risk != NULL, NULL);

  return query_uuids (store, "SELECT impact FROM impact_risk WHERE risk = ? ORDER BY rowid",
                      risk, NULL);
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
