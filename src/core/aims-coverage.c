/* aims-coverage.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Risk assessment coverage, one of the figures the product computes with
 * the same definition everywhere (the Overview now, the review pack and the
 * command line later): the AI systems in the AIMS scope that have at least
 * one risk assessed in the register and an approved impact assessment not
 * past its review date, out of the AI systems in the scope. */

#define G_LOG_DOMAIN "aims-coverage"

#include "config.h"

#include "aims-coverage.h"

#include "aims-rules.h"
#include "aims-sqlite-private.h"
#include "aims-store-private.h"

#include <glib/gi18n.h>

/* A risk is assessed once it has its inherent likelihood and impact; an
 * approved assessment without a review date is not past one. A draft, one
 * in review and a superseded version do not count. */
static const char coverage_sql[] =
  "SELECT count(*), coalesce(sum(EXISTS ("
  "    SELECT 1 FROM risk_system rs JOIN risk r ON r.uuid = rs.risk "
  "    WHERE rs.system = s.uuid AND r.inherent_likelihood > 0 AND r.inherent_impact > 0) "
  "  AND EXISTS ("
  "    SELECT 1 FROM impact_assessment a WHERE a.system = s.uuid AND a.status = 'approved' "
  "    AND (a.next_review = '' OR a.next_review >= ?1))), 0) "
  "FROM ai_system s WHERE s.in_scope = 1";

/**
 * aims_coverage_count:
 * @store: a #AimsStore
 * @today: (nullable): the date to judge review dates by, YYYY-MM-DD; %NULL
 *   for today in UTC
 * @n_covered: (out) (optional): the in-scope AI systems with at least one
 *   risk assessed and an approved impact assessment not past its review date
 * @n_in_scope: (out) (optional): the AI systems in the AIMS scope
 * @error: return location for a #GError
 *
 * Counts the risk assessment coverage: @n_covered out of @n_in_scope. A
 * system whose approved assessment's next review is @today is still covered;
 * the day after, it is not.
 *
 * Returns: %TRUE on success
 */
gboolean
aims_coverage_count (AimsStore   *store,
                     const char  *today,
                     guint       *n_covered,
                     guint       *n_in_scope,
                     GError     **error)
{
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (AIMS_IS_STORE (store), FALSE);
  g_return_val_if_fail (today == NULL || aims_rules_date_is_valid (today), FALSE);

  if (today == NULL)
    today = now = aims_today ();

  if ((stmt = _aims_store_prepare (store, coverage_sql, error)) == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, today, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      if (n_in_scope != NULL)
        *n_in_scope = (guint) sqlite3_column_int64 (stmt, 0);
      if (n_covered != NULL)
        *n_covered = (guint) sqlite3_column_int64 (stmt, 1);
    }
  _aims_store_release (stmt);

  if (rc != SQLITE_ROW)
    {
      _aims_sqlite_set_error (error, _aims_store_get_db (store), rc,
                              _("Could not count the risk assessment coverage"));
      return FALSE;
    }

  return TRUE;
}
