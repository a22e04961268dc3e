/* aims-assessment-rules.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The rules of an assessment's status, which the store applies to every
 * write (aims_store_update() and aims_rules_check_update()): approved and
 * superseded assessments stay as they were, and a status changes only as
 * the approval path allows. */

#define G_LOG_DOMAIN "aims-assessment"

#include "config.h"

#include "aims-assessment-private.h"
#include "aims-assessment-record-private.h"

#include "aims-store-private.h"

#include <glib/gi18n.h>

/* Whether a later version of @uuid's AI system is approved */
static gboolean
has_later_approved (AimsStore  *store,
                    const char *uuid)
{
  g_auto(GStrv) later = NULL;

  later = _aims_assessment_query_uuids (store,
                                        "SELECT uuid FROM impact_assessment WHERE system = "
                                        "(SELECT system FROM impact_assessment "
                                        "WHERE uuid = ?1) AND version > "
                                        "(SELECT version FROM impact_assessment "
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
