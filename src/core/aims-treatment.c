/* aims-treatment.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aims-treatment"

#include "config.h"

#include "aims-treatment.h"

#include "aims-risks-private.h"
#include "aims-rules.h"
#include "aims-sqlite-private.h"
#include "aims-store-private.h"

#include <glib/gi18n.h>
#include <string.h>

/*
 * A risk's treatment plan (ISO/IEC 42001 6.1.3): its treatment actions,
 * each with what will be done, who does it, by when and how far it got. An
 * action is open while planned or in progress, and overdue when it is open
 * past its due date; the register, the form and later the PDCA board all
 * ask here, so "overdue" means one thing.
 */

/**
 * aims_treatment_action_is_open:
 * @status: (nullable): a treatment action's status
 *
 * Returns: whether the action still has to be done: planned or in progress
 */
gboolean
aims_treatment_action_is_open (const char *status)
{
  return g_strcmp0 (status, "planned") == 0 || g_strcmp0 (status, "in-progress") == 0;
}

/**
 * aims_treatment_action_is_overdue:
 * @due_date: (nullable): the action's due date, YYYY-MM-DD, or empty
 * @status: (nullable): the action's status
 * @today: (nullable): the day to judge on, YYYY-MM-DD; %NULL for today (UTC)
 *
 * An action is overdue when it is still open and its due date is before
 * @today. An action without a due date, or with one that is not a date, is
 * never overdue.
 *
 * Returns: whether the action is overdue
 */
gboolean
aims_treatment_action_is_overdue (const char *due_date,
                                  const char *status,
                                  const char *today)
{
  g_autofree char *owned_today = NULL;

  if (due_date == NULL || !aims_rules_date_is_valid (due_date) ||
      !aims_treatment_action_is_open (status))
    return FALSE;

  if (today == NULL)
    today = owned_today = _aims_risks_today ();

  return strcmp (due_date, today) < 0;
}

/**
 * aims_treatment_summarize:
 * @store: a #AimsStore
 * @risk: a risk
 * @today: (nullable): the day to judge overdue actions on; %NULL for today
 * @summary: (out caller-allocates): where the risk's treatment plan stands
 * @error: return location for a #GError
 *
 * Counts the treatment actions of @risk: all, done, open and overdue (see
 * aims_treatment_action_is_overdue()). Cancelled actions count only among
 * all of them.
 *
 * Returns: %TRUE on success
 */
gboolean
aims_treatment_summarize (AimsStore             *store,
                          const char            *risk,
                          const char            *today,
                          AimsTreatmentSummary  *summary,
                          GError               **error)
{
  g_autofree char *owned_today = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (AIMS_IS_STORE (store), FALSE);
  g_return_val_if_fail (risk != NULL, FALSE);
  g_return_val_if_fail (summary != NULL, FALSE);

  memset (summary, 0, sizeof *summary);

  if (_aims_store_get_db (store) == NULL)
    {
      g_set_error (error, AIMS_STORE_ERROR, AIMS_STORE_ERROR_FAILED,
                   _("The project has been closed."));
      return FALSE;
    }

  if (today == NULL)
    today = owned_today = _aims_risks_today ();

  stmt = _aims_store_prepare (store,
                              "SELECT status, due_date FROM treatment_action WHERE risk = ?",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, risk, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *status = (const char *) sqlite3_column_text (stmt, 0);
      const char *due_date = (const char *) sqlite3_column_text (stmt, 1);

      summary->n_actions++;
      if (g_strcmp0 (status, "done") == 0)
        summary->n_done++;
      if (aims_treatment_action_is_open (status))
        summary->n_open++;
      if (aims_treatment_action_is_overdue (due_date, status, today))
        summary->n_overdue++;
    }
  _aims_store_release (stmt);

  if (rc != SQLITE_DONE)
    {
      _aims_sqlite_set_error (error, _aims_store_get_db (store), rc,
                              _("Could not read the treatment actions"));
      memset (summary, 0, sizeof *summary);
      return FALSE;
    }

  return TRUE;
}

/**
 * aims_treatment_add_action:
 * @store: a #AimsStore
 * @risk: the risk the action treats
 * @what: what will be done
 * @error: return location for a #GError
 *
 * Adds a planned treatment action to @risk, owned by the risk's owner, as
 * one undo step; its due date is left for a person to set.
 *
 * Returns: (transfer full) (nullable): the new action's uuid
 */
char *
aims_treatment_add_action (AimsStore   *store,
                           const char  *risk,
                           const char  *what,
                           GError     **error)
{
  g_autoptr(GHashTable) values = NULL;
  g_autofree char *owner = NULL;

  g_return_val_if_fail (AIMS_IS_STORE (store), NULL);
  g_return_val_if_fail (risk != NULL, NULL);
  g_return_val_if_fail (what != NULL, NULL);

  owner = aims_store_dup_text (store, "risk", risk, "owner", error);
  if (owner == NULL)
    return NULL;

  values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_variant_unref);
  g_hash_table_insert (values, (gpointer) "risk", g_variant_ref_sink (g_variant_new_string (risk)));
  g_hash_table_insert (values, (gpointer) "what", g_variant_ref_sink (g_variant_new_string (what)));
  g_hash_table_insert (values, (gpointer) "owner",
                       g_variant_ref_sink (g_variant_new_string (owner)));
  g_hash_table_insert (values, (gpointer) "status",
                       g_variant_ref_sink (g_variant_new_string ("planned")));

  return aims_store_insert (store, "treatment_action", values, error);
}
