/* aims-finding.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aims-finding"

#include "config.h"

#include "aims-finding-private.h"

#include "aims-audit.h"
#include "aims-risks-private.h"
#include "aims-rules.h"
#include "aims-schema.h"
#include "aims-sqlite-private.h"
#include "aims-store-private.h"

#include <glib/gi18n.h>
#include <string.h>

/*
 * Findings and their corrective actions (ISO/IEC 42001 10.2). A finding is a
 * nonconformity, an observation or an opportunity for improvement; its root
 * cause is analysed with five whys (a JSON list of text) and a free cause,
 * its corrective actions say what, who, by when and how far, and someone
 * then verifies that they worked.
 *
 * A finding closes only when that work is finished: a nonconformity needs
 * at least one corrective action; every action of a finding is done or
 * cancelled, at least one done; and the verification is "effective", with
 * who verified and when. An observation or opportunity without actions
 * closes freely. The store applies this to every edit of the status, so no
 * caller can skip it.
 *
 * A corrective action is overdue when it is planned or in progress and its
 * due date is before today (DOMAIN.md: "overdue corrective actions").
 */

static GHashTable *
values_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_variant_unref);
}

static const char *
text_of (GHashTable *record,
         const char *field)
{
  GVariant *value = g_hash_table_lookup (record, field);

  if (value == NULL || !g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    return "";

  return g_variant_get_string (value, NULL);
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p++)
    {
      if (!g_ascii_isspace (*p))
        return FALSE;
    }

  return TRUE;
}

static gboolean
is_open (const char *status)
{
  return g_strcmp0 (status, "planned") == 0 || g_strcmp0 (status, "in-progress") == 0;
}

static const char *
label_of (const char *field)
{
  const AimsFieldInfo *info = aims_table_info_lookup_field (aims_schema_lookup_table ("finding"),
                                                            field);

  return info != NULL ? _(info->label) : field;
}

/* What the finding in @record still needs before it may close, one line
 * each; empty when nothing. */
static GPtrArray *
list_missing (AimsStore   *store,
              const char  *uuid,
              GHashTable  *record,
              GError     **error)
{
  g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
  AimsFindingSummary summary;
  gboolean nonconformity = g_str_equal (text_of (record, "kind"), "nonconformity");

  if (!aims_finding_summarize (store, uuid, NULL, &summary, error))
    return NULL;

  if (!nonconformity && summary.n_actions == 0)
    return g_steal_pointer (&missing);

  if (summary.n_actions == 0)
    g_ptr_array_add (missing, g_strdup (_("Add at least one corrective action.")));
  if (summary.n_open > 0)
    g_ptr_array_add (missing,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "Finish or cancel the corrective action "
                                                   "still open (%u).",
                                                   "Finish or cancel the corrective actions "
                                                   "still open (%u).",
                                                   summary.n_open),
                                      summary.n_open));
  else if (summary.n_actions > 0 && summary.n_done == 0)
    g_ptr_array_add (missing, g_strdup (_("At least one corrective action must be done; all of "
                                          "them are cancelled.")));

  if (!g_str_equal (text_of (record, "verification"), "effective"))
    g_ptr_array_add (missing,
                     /* Translators: %s is the label of the verification's result field */
                     g_strdup_printf (_("Verify that the actions worked: set “%s” to "
                                        "“Effective”."),
                                      label_of ("verification")));
  if (is_blank (text_of (record, "verified_by")))
    g_ptr_array_add (missing,
                     /* Translators: %s is a field label, "Verified by" */
                     g_strdup_printf (_("Fill in “%s”."), label_of ("verified_by")));
  if (is_blank (text_of (record, "verified_on")))
    g_ptr_array_add (missing,
                     /* Translators: %s is a field label, "Verified on" */
                     g_strdup_printf (_("Fill in “%s”."), label_of ("verified_on")));

  return g_steal_pointer (&missing);
}

static char *
join_missing (GPtrArray *missing)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < missing->len; i++)
    {
      if (i > 0)
        g_string_append_c (text, '\n');
      /* Translators: a bullet before one thing a finding still needs */
      g_string_append_printf (text, _("• %s"), (const char *) g_ptr_array_index (missing, i));
    }

  return g_string_free (text, FALSE);
}

/*
 * _aims_finding_check_record:
 * @uuid: a finding
 * @record: (element-type utf8 GVariant): the finding as an edit of its
 *   status would leave it
 *
 * A finding becomes closed only when aims_finding_dup_missing() finds
 * nothing missing. Reopening, and edits that leave the status as it is,
 * are always allowed.
 */
gboolean
_aims_finding_check_record (AimsStore   *store,
                            const char  *uuid,
                            GHashTable  *record,
                            GError     **error)
{
  g_autofree char *current = NULL;
  g_autoptr(GPtrArray) missing = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (AIMS_IS_STORE (store), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  if (!g_str_equal (text_of (record, "status"), "closed"))
    return TRUE;

  current = aims_store_dup_text (store, "finding", uuid, "status", NULL);
  if (current == NULL || g_str_equal (current, "closed"))
    return TRUE;

  if ((missing = list_missing (store, uuid, record, error)) == NULL)
    return FALSE;
  if (missing->len == 0)
    return TRUE;

  text = join_missing (missing);
  g_set_error (error, AIMS_AUDIT_ERROR, AIMS_AUDIT_ERROR_NOT_CLOSABLE,
               _("The finding cannot be closed yet:\n%s"), text);
  return FALSE;
}

/* Public API */

/**
 * aims_corrective_action_is_overdue:
 * @due_date: (nullable): the action's due date, YYYY-MM-DD, or empty
 * @status: (nullable): the action's status
 * @today: (nullable): the day to judge on, YYYY-MM-DD; %NULL for today (UTC)
 *
 * Returns: whether the action is planned or in progress and its due date is
 *   before @today; an action without a valid due date never is
 */
gboolean
aims_corrective_action_is_overdue (const char *due_date,
                                   const char *status,
                                   const char *today)
{
  g_autofree char *owned_today = NULL;

  if (due_date == NULL || !aims_rules_date_is_valid (due_date) || !is_open (status))
    return FALSE;

  if (today == NULL)
    today = owned_today = _aims_risks_today ();

  return strcmp (due_date, today) < 0;
}

/**
 * aims_finding_summarize:
 * @store: a project
 * @finding: a finding
 * @today: (nullable): the day to judge overdue actions on; %NULL for today
 * @summary: (out caller-allocates): where the finding's actions stand
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
aims_finding_summarize (AimsStore           *store,
                        const char          *finding,
                        const char          *today,
                        AimsFindingSummary  *summary,
                        GError             **error)
{
  g_autofree char *owned_today = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (AIMS_IS_STORE (store), FALSE);
  g_return_val_if_fail (finding != NULL, FALSE);
  g_return_val_if_fail (summary != NULL, FALSE);

  memset (summary, 0, sizeof *summary);
  if (today == NULL)
    today = owned_today = _aims_risks_today ();

  stmt = _aims_store_prepare (store,
                              "SELECT status, due_date FROM corrective_action WHERE finding = ?",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, finding, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *status = (const char *) sqlite3_column_text (stmt, 0);
      const char *due_date = (const char *) sqlite3_column_text (stmt, 1);

      summary->n_actions++;
      summary->n_done += g_strcmp0 (status, "done") == 0;
      summary->n_open += is_open (status);
      summary->n_overdue += aims_corrective_action_is_overdue (due_date, status, today);
    }
  _aims_store_release (stmt);

  if (rc != SQLITE_DONE)
    {
      _aims_sqlite_set_error (error, _aims_store_get_db (store), rc,
                              _("Could not read the corrective actions"));
      return FALSE;
    }

  return TRUE;
}

/**
 * aims_finding_add_action:
 * @store: a project
 * @finding: the finding the action corrects
 * @what: what will be done
 * @error: return location for a #GError
 *
 * Adds a planned corrective action to @finding, as one undo step; its
 * owner and due date are left for a person to set.
 *
 * Returns: (transfer full) (nullable): the new action's uuid
 */
char *
aims_finding_add_action (AimsStore   *store,
                         const char  *finding,
                         const char  *what,
                         GError     **error)
{
  g_autoptr(GHashTable) values = values_new ();
  g_autofree char *reference = NULL;

  g_return_val_if_fail (AIMS_IS_STORE (store), NULL);
  g_return_val_if_fail (finding != NULL, NULL);
  g_return_val_if_fail (what != NULL, NULL);

  /* The finding must exist: the store's own message when it does not */
  if ((reference = aims_store_dup_text (store, "finding", finding, "reference", error)) == NULL)
    return NULL;

  g_hash_table_insert (values, (gpointer) "finding",
                       g_variant_ref_sink (g_variant_new_string (finding)));
  g_hash_table_insert (values, (gpointer) "what", g_variant_ref_sink (g_variant_new_string (what)));
  g_hash_table_insert (values, (gpointer) "status",
                       g_variant_ref_sink (g_variant_new_string ("planned")));

  return aims_store_insert (store, "corrective_action", values, error);
}

/**
 * aims_finding_dup_whys:
 * @store: a project
 * @finding: a finding
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the finding's whys, in order
 */
char **
aims_finding_dup_whys (AimsStore   *store,
                       const char  *finding,
                       GError     **error)
{
  g_autofree char *json = NULL;
  g_autoptr(GError) local_error = NULL;
  char **whys;

  g_return_val_if_fail (AIMS_IS_STORE (store), NULL);
  g_return_val_if_fail (finding != NULL, NULL);

  if ((json = aims_store_dup_text (store, "finding", finding, "whys", error)) == NULL)
    return NULL;

  /* The same list format as an audit's scope */
  if ((whys = aims_audit_parse_scope (json, &local_error)) == NULL)
    {
      g_set_error (error, AIMS_AUDIT_ERROR, AIMS_AUDIT_ERROR_SCOPE_INVALID,
                   _("The finding’s five whys are not a list of text."));
      return NULL;
    }

  return whys;
}

/**
 * aims_finding_set_whys:
 * @store: a project
 * @finding: a finding
 * @whys: (nullable): the whys, in order; add, edit or remove one by
 *   passing the whole list as it should become
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
aims_finding_set_whys (AimsStore          *store,
                       const char         *finding,
                       const char * const *whys,
                       GError            **error)
{
  g_autofree char *json = NULL;

  g_return_val_if_fail (AIMS_IS_STORE (store), FALSE);
  g_return_val_if_fail (finding != NULL, FALSE);

  json = aims_audit_format_scope (whys);

  return aims_store_update (store, "finding", finding, "whys", g_variant_new_string (json), error);
}

/**
 * aims_finding_dup_missing:
 * @store: a project
 * @finding: a finding
 * @error: return location for a #GError
 *
 * What the finding still needs before it may close, as lines a person can
 * act on ("• Add at least one corrective action.").
 *
 * Returns: (transfer full) (nullable): the lines, empty when the finding
 *   may close; %NULL on error
 */
char *
aims_finding_dup_missing (AimsStore   *store,
                          const char  *finding,
                          GError     **error)
{
  g_autoptr(GHashTable) record = NULL;
  g_autoptr(GPtrArray) missing = NULL;

  g_return_val_if_fail (AIMS_IS_STORE (store), NULL);
  g_return_val_if_fail (finding != NULL, NULL);

  record = _aims_store_dup_record (store, aims_schema_lookup_table ("finding"), finding, error);
  if (record == NULL || (missing = list_missing (store, finding, record, error)) == NULL)
    return NULL;

  return join_missing (missing);
}

/**
 * aims_finding_close:
 * @store: a project
 * @finding: a finding
 * @error: return location for a #GError
 *
 * Closes the finding, as one undo step, when nothing is missing (see
 * aims_finding_dup_missing()); otherwise %AIMS_AUDIT_ERROR_NOT_CLOSABLE
 * says what is.
 *
 * Returns: %TRUE on success
 */
gboolean
aims_finding_close (AimsStore   *store,
                    const char  *finding,
                    GError     **error)
{
  g_return_val_if_fail (AIMS_IS_STORE (store), FALSE);
  g_return_val_if_fail (finding != NULL, FALSE);

  return aims_store_update (store, "finding", finding, "status", g_variant_new_string ("closed"),
                            error);
}

/**
 * aims_finding_dup_overdue_actions:
 * @store: a project
 * @today: (nullable): the day to judge on; %NULL for today
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the overdue corrective actions, by
 *   due date
 */
char **
aims_finding_dup_overdue_actions (AimsStore   *store,
                                  const char  *today,
                                  GError     **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *owned_today = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (AIMS_IS_STORE (store), NULL);

  if (today == NULL)
    today = owned_today = _aims_risks_today ();

  stmt = _aims_store_prepare (store,
                              "SELECT uuid, due_date, status FROM corrective_action "
                              "ORDER BY due_date, rowid",
                              error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (aims_corrective_action_is_overdue ((const char *) sqlite3_column_text (stmt, 1),
                                             (const char *) sqlite3_column_text (stmt, 2),
                                             today))
        g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
    }
  _aims_store_release (stmt);

  if (rc != SQLITE_DONE)
    {
      _aims_sqlite_set_error (error, _aims_store_get_db (store), rc,
                              _("Could not read the corrective actions"));
      return NULL;
    }

  return g_strv_builder_end (builder);
}
