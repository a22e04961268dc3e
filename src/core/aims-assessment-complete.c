/* aims-assessment-complete.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Whether an impact assessment is complete: the required parts still
 * empty, in form order, and how to say so by section. */

#define G_LOG_DOMAIN "aims-assessment"

#include "config.h"

#include "aims-assessment-private.h"
#include "aims-assessment-record-private.h"

#include "aims-sqlite-private.h"
#include "aims-store-private.h"

#include <glib/gi18n.h>

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

#define IMPACTS_SECTION N_("Impacts")

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

/* Public API */

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
