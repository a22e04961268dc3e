/* aims-audit.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aims-audit"

#include "config.h"

#include "aims-audit.h"

#include "aims-risks-private.h"
#include "aims-schema.h"
#include "aims-sqlite-private.h"
#include "aims-store-private.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

/*
 * Internal audits (ISO/IEC 42001 9.2). An audit's scope is a JSON list of
 * the bundled catalogue's ids: a clause at any level ("9", "9.2"), a
 * control objective ("A.6"), or single requirements ("9.2.2", "A.6.2.4").
 * Starting the audit expands the scope to requirements, the clauses without
 * sub-clauses and the Annex A controls, in catalogue order, and makes one
 * checklist line for each, once, as one undo step. Each line records a
 * result and the evidence seen; a line that is not conforming raises a
 * finding (aims-finding.c).
 */

G_DEFINE_QUARK (aims-audit-error-quark, aims_audit_error)

static GHashTable *
values_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_variant_unref);
}

static void
put (GHashTable *values,
     const char *field,
     const char *text)
{
  g_hash_table_replace (values, (gpointer) field,
                        g_variant_ref_sink (g_variant_new_string (text != NULL ? text : "")));
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
is_requirement_kind (AimsCatalogKind kind)
{
  return kind == AIMS_CATALOG_KIND_CLAUSE || kind == AIMS_CATALOG_KIND_CONTROL_OBJECTIVE ||
         kind == AIMS_CATALOG_KIND_CONTROL;
}

/* Whether @id or one of its parents is in @chosen */
static gboolean
is_chosen (AimsCatalog *catalog,
           GHashTable  *chosen,
           const char  *id)
{
  while (id != NULL)
    {
      AimsCatalogItem *item;

      if (g_hash_table_contains (chosen, id))
        return TRUE;

      item = aims_catalog_lookup (catalog, id);
      id = item != NULL ? aims_catalog_item_get_parent_id (item) : NULL;
    }

  return FALSE;
}

static guint
count_items (AimsStore  *store,
             const char *audit)
{
  sqlite3_stmt *stmt = _aims_store_prepare (store,
                                            "SELECT count(*) FROM audit_item WHERE audit = ?",
                                            NULL);
  guint n = 0;

  if (stmt == NULL)
    return 0;

  sqlite3_bind_text (stmt, 1, audit, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = (guint) sqlite3_column_int64 (stmt, 0);
  _aims_store_release (stmt);

  return n;
}

/* Public API */

/**
 * aims_audit_parse_scope:
 * @json: (nullable): an audit's scope, a JSON list of catalogue ids
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the ids as written; empty for %NULL
 *   or empty text
 */
char **
aims_audit_parse_scope (const char  *json,
                        GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonNode *root;
  JsonArray *array;

  if (json == NULL || json[0] == '\0')
    return g_strv_builder_end (builder);

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, json, -1, NULL) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    {
      g_set_error (error, AIMS_AUDIT_ERROR, AIMS_AUDIT_ERROR_SCOPE_INVALID,
                   _("The audit’s scope is not a list of clauses and controls; choose them "
                     "again."));
      return NULL;
    }

  array = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        {
          g_set_error (error, AIMS_AUDIT_ERROR, AIMS_AUDIT_ERROR_SCOPE_INVALID,
                       _("The audit’s scope is not a list of clauses and controls; choose them "
                         "again."));
          return NULL;
        }
      g_strv_builder_add (builder, json_node_get_string (node));
    }

  return g_strv_builder_end (builder);
}

/**
 * aims_audit_format_scope:
 * @ids: (nullable): catalogue ids
 *
 * Returns: (transfer full): the ids as an audit's scope, a JSON list
 */
char *
aims_audit_format_scope (const char * const *ids)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    json_builder_add_string_value (builder, ids[i]);
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);

  return json_generator_to_data (generator, NULL);
}

/**
 * aims_audit_expand_scope:
 * @catalog: the bundled catalogue
 * @json: (nullable): an audit's scope, a JSON list of catalogue ids
 * @error: return location for a #GError
 *
 * The requirements an audit of @json covers: the clauses without
 * sub-clauses, then the Annex A controls, each in catalogue order, that are
 * named or lie under a named clause or control objective. Each comes once,
 * however often the scope names it.
 *
 * Returns: (transfer full) (nullable): the requirements' ids; empty for an
 *   empty scope; %NULL with @error when the scope names something the
 *   catalogue does not have
 */
char **
aims_audit_expand_scope (AimsCatalog  *catalog,
                         const char   *json,
                         GError      **error)
{
  g_auto(GStrv) ids = NULL;
  g_autoptr(GHashTable) chosen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GListModel *clauses, *controls;

  g_return_val_if_fail (AIMS_IS_CATALOG (catalog), NULL);

  if ((ids = aims_audit_parse_scope (json, error)) == NULL)
    return NULL;

  for (guint i = 0; ids[i] != NULL; i++)
    {
      AimsCatalogItem *item = aims_catalog_lookup (catalog, ids[i]);

      if (item == NULL || !is_requirement_kind (aims_catalog_item_get_kind (item)))
        {
          g_autofree char *shown = _aims_text_for_message (ids[i], -1);

          g_set_error (error, AIMS_AUDIT_ERROR, AIMS_AUDIT_ERROR_SCOPE_INVALID,
                       /* Translators: an id in an audit's scope, such as 9.2.7 */
                       _("“%s” is not a clause or Annex A control of ISO/IEC 42001; remove it "
                         "from the audit’s scope."),
                       shown);
          return NULL;
        }
      g_hash_table_add (chosen, ids[i]);
    }

  clauses = aims_catalog_get_items (catalog, AIMS_CATALOG_KIND_CLAUSE);
  for (guint i = 0; i < g_list_model_get_n_items (clauses); i++)
    {
      g_autoptr(AimsCatalogItem) clause = g_list_model_get_item (clauses, i);
      const char *id = aims_catalog_item_get_id (clause);

      if (g_list_model_get_n_items (aims_catalog_get_children (catalog, id)) == 0 &&
          is_chosen (catalog, chosen, id))
        g_strv_builder_add (builder, id);
    }

  controls = aims_catalog_get_items (catalog, AIMS_CATALOG_KIND_CONTROL);
  for (guint i = 0; i < g_list_model_get_n_items (controls); i++)
    {
      g_autoptr(AimsCatalogItem) control = g_list_model_get_item (controls, i);
      const char *id = aims_catalog_item_get_id (control);

      if (is_chosen (catalog, chosen, id))
        g_strv_builder_add (builder, id);
    }

  return g_strv_builder_end (builder);
}

/**
 * aims_audit_dup_scope:
 * @store: a project
 * @audit: an audit
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the ids the audit's scope names
 */
char **
aims_audit_dup_scope (AimsStore   *store,
                      const char  *audit,
                      GError     **error)
{
  g_autofree char *json = NULL;

  g_return_val_if_fail (AIMS_IS_STORE (store), NULL);
  g_return_val_if_fail (audit != NULL, NULL);

  if ((json = aims_store_dup_text (store, "audit", audit, "scope", error)) == NULL)
    return NULL;

  return aims_audit_parse_scope (json, error);
}

/**
 * aims_audit_set_scope:
 * @store: a project
 * @audit: an audit
 * @ids: (nullable): clause and control ids
 * @error: return location for a #GError
 *
 * Sets what the audit covers, as one undo step. Every id must be a clause
 * or control objective or control of the catalogue.
 *
 * Returns: %TRUE on success
 */
gboolean
aims_audit_set_scope (AimsStore          *store,
                      const char         *audit,
                      const char * const *ids,
                      GError            **error)
{
  g_autofree char *json = NULL;
  g_auto(GStrv) expanded = NULL;
  AimsCatalog *catalog;

  g_return_val_if_fail (AIMS_IS_STORE (store), FALSE);
  g_return_val_if_fail (audit != NULL, FALSE);

  json = aims_audit_format_scope (ids);
  if ((catalog = aims_catalog_get_default (error)) == NULL ||
      (expanded = aims_audit_expand_scope (catalog, json, error)) == NULL)
    return FALSE;

  return aims_store_update (store, "audit", audit, "scope", g_variant_new_string (json), error);
}

/**
 * aims_audit_start:
 * @store: a project
 * @audit: a planned audit
 * @error: return location for a #GError
 *
 * Starts the audit: its status becomes in progress, its start date today
 * when it had none, and its checklist gets one line per requirement of its
 * scope, in catalogue order. All of it is one undo step. An audit that was
 * started already, or whose scope is empty, is refused
 * (%AIMS_AUDIT_ERROR).
 *
 * Returns: %TRUE on success
 */
gboolean
aims_audit_start (AimsStore   *store,
                  const char  *audit,
                  GError     **error)
{
  g_autoptr(GHashTable) record = NULL;
  g_auto(GStrv) requirements = NULL;
  g_autofree char *label = NULL;
  AimsCatalog *catalog;
  gboolean ok = TRUE;

  g_return_val_if_fail (AIMS_IS_STORE (store), FALSE);
  g_return_val_if_fail (audit != NULL, FALSE);

  record = _aims_store_dup_record (store, aims_schema_lookup_table ("audit"), audit, error);
  if (record == NULL)
    return FALSE;

  if (!g_str_equal (text_of (record, "status"), "planned") || count_items (store, audit) > 0)
    {
      g_set_error (error, AIMS_AUDIT_ERROR, AIMS_AUDIT_ERROR_STARTED,
                   _("This audit has been started already; its checklist exists. Record the "
                     "results there, or add a new audit."));
      return FALSE;
    }

  if ((catalog = aims_catalog_get_default (error)) == NULL ||
      (requirements = aims_audit_expand_scope (catalog, text_of (record, "scope"), error)) == NULL)
    return FALSE;

  if (requirements[0] == NULL)
    {
      g_set_error (error, AIMS_AUDIT_ERROR, AIMS_AUDIT_ERROR_SCOPE_EMPTY,
                   _("The audit’s scope is empty. Choose the clauses and Annex A controls it "
                     "covers, then start it."));
      return FALSE;
    }

  /* Translators: an undo step, with the audit's title */
  label = g_strdup_printf (_("Start audit “%s”"), text_of (record, "title"));
  aims_store_begin_group (store, label);

  ok = aims_store_update (store, "audit", audit, "status",
                          g_variant_new_string ("in-progress"), error);
  if (ok && text_of (record, "start_date")[0] == '\0')
    {
      g_autofree char *today = _aims_risks_today ();

      ok = aims_store_update (store, "audit", audit, "start_date",
                              g_variant_new_string (today), error);
    }

  for (guint i = 0; ok && requirements[i] != NULL; i++)
    {
      g_autoptr(GHashTable) values = values_new ();
      g_autofree char *item = NULL;

      put (values, "audit", audit);
      put (values, "requirement", requirements[i]);
      g_hash_table_replace (values, (gpointer) "position",
                            g_variant_ref_sink (g_variant_new_int64 (i)));
      item = aims_store_insert (store, "audit_item", values, error);
      ok = item != NULL;
    }

  if (!ok)
    {
      aims_store_abort_group (store);
      return FALSE;
    }

  return aims_store_end_group (store, error);
}

/**
 * aims_audit_dup_checklist:
 * @store: a project
 * @audit: an audit
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the audit's checklist lines, in
 *   catalogue order; empty before the audit starts
 */
char **
aims_audit_dup_checklist (AimsStore   *store,
                          const char  *audit,
                          GError     **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (AIMS_IS_STORE (store), NULL);
  g_return_val_if_fail (audit != NULL, NULL);

  stmt = _aims_store_prepare (store,
                              "SELECT uuid FROM audit_item WHERE audit = ? "
                              "ORDER BY position, rowid",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, audit, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  _aims_store_release (stmt);

  if (rc != SQLITE_DONE)
    {
      _aims_sqlite_set_error (error, _aims_store_get_db (store), rc,
                              _("Could not read the audit’s checklist"));
      return NULL;
    }

  return g_strv_builder_end (builder);
}

/**
 * aims_audit_record_result:
 * @store: a project
 * @item: a checklist line
 * @result: "" (not checked yet), "conforming", "minor-nonconformity",
 *   "major-nonconformity", "observation", "improvement" or "not-audited"
 * @evidence_seen: (nullable): what the auditor saw; %NULL keeps it
 * @error: return location for a #GError
 *
 * Records the result of one requirement, as one undo step.
 *
 * Returns: %TRUE on success
 */
gboolean
aims_audit_record_result (AimsStore   *store,
                          const char  *item,
                          const char  *result,
                          const char  *evidence_seen,
                          GError     **error)
{
  g_autofree char *requirement = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (AIMS_IS_STORE (store), FALSE);
  g_return_val_if_fail (item != NULL, FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  if ((requirement = aims_store_dup_text (store, "audit_item", item, "requirement", error)) == NULL)
    return FALSE;

  /* Translators: an undo step, with a requirement such as 9.2.2 */
  label = g_strdup_printf (_("Record the result of %s"), requirement);
  aims_store_begin_group (store, label);
  if (!aims_store_update (store, "audit_item", item, "result", g_variant_new_string (result),
                          error) ||
      (evidence_seen != NULL &&
       !aims_store_update (store, "audit_item", item, "evidence_seen",
                           g_variant_new_string (evidence_seen), error)))
    {
      aims_store_abort_group (store);
      return FALSE;
    }

  return aims_store_end_group (store, error);
}

/**
 * aims_audit_raise_finding:
 * @store: a project
 * @item: a checklist line whose result is a nonconformity, an observation
 *   or an opportunity for improvement
 * @error: return location for a #GError
 *
 * Adds an open finding for the line, as one undo step: its kind and
 * severity follow the result, it is against the line's requirement and
 * part of its audit, raised by the audit's auditor today, and its
 * description starts from the evidence seen.
 *
 * Returns: (transfer full) (nullable): the new finding's uuid
 */
char *
aims_audit_raise_finding (AimsStore   *store,
                          const char  *item,
                          GError     **error)
{
  g_autoptr(GHashTable) line = NULL;
  g_autoptr(GHashTable) values = values_new ();
  g_autofree char *auditor = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *title = NULL;
  g_autofree char *today = NULL;
  const char *result, *requirement, *kind, *severity = "";
  AimsCatalogItem *entry = NULL;
  AimsCatalog *catalog;

  g_return_val_if_fail (AIMS_IS_STORE (store), NULL);
  g_return_val_if_fail (item != NULL, NULL);

  line = _aims_store_dup_record (store, aims_schema_lookup_table ("audit_item"), item, error);
  if (line == NULL)
    return NULL;

  result = text_of (line, "result");
  requirement = text_of (line, "requirement");
  if (g_str_equal (result, "minor-nonconformity"))
    kind = "nonconformity", severity = "minor";
  else if (g_str_equal (result, "major-nonconformity"))
    kind = "nonconformity", severity = "major";
  else if (g_str_equal (result, "observation"))
    kind = "observation";
  else if (g_str_equal (result, "improvement"))
    kind = "improvement";
  else
    {
      g_set_error (error, AIMS_AUDIT_ERROR, AIMS_AUDIT_ERROR_NO_FINDING,
                   /* Translators: a requirement such as 9.2.2 */
                   _("%s is not recorded as a nonconformity, observation or opportunity for "
                     "improvement; record that result first, then raise the finding."),
                   requirement);
      return NULL;
    }

  if ((catalog = aims_catalog_get_default (NULL)) != NULL)
    entry = aims_catalog_lookup (catalog, requirement);
  auditor = aims_store_dup_text (store, "audit", text_of (line, "audit"), "auditor", NULL);
  reference = aims_store_next_reference (store, "finding");
  today = _aims_risks_today ();
  /* Translators: a new finding's title, a requirement and its title,
   * "9.2.2 Internal audit programme" */
  title = g_strdup_printf (_("%s %s"), requirement,
                           entry != NULL ? aims_catalog_item_get_title (entry) : "");

  put (values, "reference", reference);
  put (values, "audit", text_of (line, "audit"));
  put (values, "audit_item", item);
  put (values, "kind", kind);
  put (values, "severity", severity);
  put (values, "requirement", requirement);
  put (values, "title", g_strstrip (title));
  put (values, "description", text_of (line, "evidence_seen"));
  put (values, "raised_by", auditor);
  put (values, "raised_on", today);
  put (values, "status", "open");

  return aims_store_insert (store, "finding", values, error);
}
