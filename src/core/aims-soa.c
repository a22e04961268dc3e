/* aims-soa.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aims-soa"

#include "config.h"

#include "aims-soa.h"

#include "aims-risks-private.h"
#include "aims-sqlite-private.h"
#include "aims-store-private.h"

#include <glib/gi18n.h>
#include <string.h>

/*
 * The Statement of Applicability (ISO/IEC 42001 6.1.3): one entry per Annex A
 * control of the bundled catalogue. A control's row in soa_entry is made on
 * its first edit; until then the control is undecided and not started. The
 * figures use the definitions of DOMAIN.md: SoA implementation is applicable
 * controls implemented divided by applicable controls.
 */

struct _AimsSoaEntry
{
  GObject          parent_instance;

  AimsCatalogItem *control;
  AimsCatalogItem *objective;
  char            *uuid;
  char            *applicability;
  char            *justification;
  char            *implementation;
  char            *owner;
  char            *how_implemented;
  char            *last_reviewed;
  GStrv            risks;
  guint            n_evidence;
};

G_DEFINE_FINAL_TYPE (AimsSoaEntry, aims_soa_entry, G_TYPE_OBJECT)

G_DEFINE_QUARK (aims-soa-error-quark, aims_soa_error)

static void
aims_soa_entry_finalize (GObject *object)
{
  AimsSoaEntry *self = AIMS_SOA_ENTRY (object);

  g_clear_object (&self->control);
  g_clear_object (&self->objective);
  g_free (self->uuid);
  g_free (self->applicability);
  g_free (self->justification);
  g_free (self->implementation);
  g_free (self->owner);
  g_free (self->how_implemented);
  g_free (self->last_reviewed);
  g_strfreev (self->risks);

  G_OBJECT_CLASS (aims_soa_entry_parent_class)->finalize (object);
}

static void
aims_soa_entry_class_init (AimsSoaEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = aims_soa_entry_finalize;
}

static void
aims_soa_entry_init (AimsSoaEntry *self)
{
}

/* Helpers */

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return g_strdup (text != NULL ? text : "");
}

/* The root objective (A.2 … A.10) of a control. */
static AimsCatalogItem *
root_objective (AimsCatalog     *catalog,
                AimsCatalogItem *control)
{
  AimsCatalogItem *item = aims_catalog_lookup (catalog,
                                               aims_catalog_item_get_parent_id (control));

  while (item != NULL && aims_catalog_item_get_parent_id (item) != NULL)
    item = aims_catalog_lookup (catalog, aims_catalog_item_get_parent_id (item));

  return item;
}

static AimsSoaEntry *
entry_new (AimsCatalog     *catalog,
           AimsCatalogItem *control)
{
  AimsSoaEntry *self = g_object_new (AIMS_TYPE_SOA_ENTRY, NULL);
  AimsCatalogItem *objective = root_objective (catalog, control);

  self->control = g_object_ref (control);
  self->objective = objective != NULL ? g_object_ref (objective) : NULL;
  self->applicability = g_strdup ("");
  self->justification = g_strdup ("");
  self->implementation = g_strdup ("not-started");
  self->owner = g_strdup ("");
  self->how_implemented = g_strdup ("");
  self->last_reviewed = g_strdup ("");

  return self;
}

static AimsCatalog *
get_catalog (GError **error)
{
  return aims_catalog_get_default (error);
}

static AimsCatalogItem *
lookup_control (const char  *control_id,
                GError     **error)
{
  AimsCatalog *catalog = get_catalog (error);
  AimsCatalogItem *item;

  if (catalog == NULL)
    return NULL;

  item = control_id != NULL ? aims_catalog_lookup (catalog, control_id) : NULL;
  if (item == NULL || aims_catalog_item_get_kind (item) != AIMS_CATALOG_KIND_CONTROL)
    {
      g_autofree char *shown = _aims_text_for_message (control_id != NULL ? control_id : "", -1);

      g_set_error (error, AIMS_SOA_ERROR, AIMS_SOA_ERROR_UNKNOWN_CONTROL,
                   _("“%s” is not an Annex A control; controls are named like A.6.2.4."), shown);
      return NULL;
    }

  return item;
}

static gboolean
fill_rows (AimsStore   *store,
           GHashTable  *by_id,
           GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _aims_store_prepare (store,
                              "SELECT control, uuid, applicability, justification, "
                              "implementation, owner, how_implemented, last_reviewed "
                              "FROM soa_entry",
                              error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AimsSoaEntry *entry = g_hash_table_lookup (by_id, sqlite3_column_text (stmt, 0));

      /* A row for an id the catalogue does not know (a later catalogue, or a
       * hand-edited file) is kept in the file but not counted. */
      if (entry == NULL)
        continue;

      g_free (entry->uuid);
      entry->uuid = column_dup (stmt, 1);
      g_free (entry->applicability);
      entry->applicability = column_dup (stmt, 2);
      g_free (entry->justification);
      entry->justification = column_dup (stmt, 3);
      g_free (entry->implementation);
      entry->implementation = column_dup (stmt, 4);
      g_free (entry->owner);
      entry->owner = column_dup (stmt, 5);
      g_free (entry->how_implemented);
      entry->how_implemented = column_dup (stmt, 6);
      g_free (entry->last_reviewed);
      entry->last_reviewed = column_dup (stmt, 7);
    }
  _aims_store_release (stmt);

  if (rc != SQLITE_DONE)
    {
      _aims_sqlite_set_error (error, _aims_store_get_db (store), rc,
                              _("Could not read the Statement of Applicability"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
fill_links (AimsStore   *store,
            GHashTable  *by_id,
            GError     **error)
{
  g_autoptr(GHashTable) risks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                      (GDestroyNotify) g_ptr_array_unref);
  GHashTableIter iter;
  gpointer key, value;
  sqlite3_stmt *stmt;
  int rc;

  stmt = _aims_store_prepare (store,
                              "SELECT rc.control, r.reference FROM risk_control rc "
                              "JOIN risk r ON r.uuid = rc.risk ORDER BY r.reference",
                              error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *control = (const char *) sqlite3_column_text (stmt, 0);
      GPtrArray *list;

      if (control == NULL || !g_hash_table_contains (by_id, control))
        continue;

      list = g_hash_table_lookup (risks, control);
      if (list == NULL)
        {
          list = g_ptr_array_new_with_free_func (g_free);
          g_hash_table_insert (risks, g_strdup (control), list);
        }
      g_ptr_array_add (list, column_dup (stmt, 1));
    }
  _aims_store_release (stmt);

  if (rc != SQLITE_DONE)
    {
      _aims_sqlite_set_error (error, _aims_store_get_db (store), rc,
                              _("Could not read the risks the controls treat"));
      return FALSE;
    }

  g_hash_table_iter_init (&iter, risks);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      AimsSoaEntry *entry = g_hash_table_lookup (by_id, key);
      GPtrArray *list = value;

      g_ptr_array_add (list, NULL);
      entry->risks = (GStrv) g_ptr_array_steal (list, NULL);
    }

  stmt = _aims_store_prepare (store,
                              "SELECT s.control, count(*) FROM evidence e "
                              "JOIN soa_entry s ON s.uuid = e.soa_entry GROUP BY s.control",
                              error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AimsSoaEntry *entry = g_hash_table_lookup (by_id, sqlite3_column_text (stmt, 0));

      if (entry != NULL)
        entry->n_evidence = (guint) CLAMP (sqlite3_column_int64 (stmt, 1), 0, G_MAXUINT);
    }
  _aims_store_release (stmt);

  if (rc != SQLITE_DONE)
    {
      _aims_sqlite_set_error (error, _aims_store_get_db (store), rc,
                              _("Could not read the evidence of the controls"));
      return FALSE;
    }

  return TRUE;
}

/* The uuid of a control's row, or NULL if it has none yet. */
static char *
dup_entry_uuid (AimsStore  *store,
                const char *control_id)
{
  sqlite3_stmt *stmt = _aims_store_prepare (store, "SELECT uuid FROM soa_entry WHERE control = ?",
                                            NULL);
  char *uuid = NULL;

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, control_id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    uuid = column_dup (stmt, 0);
  _aims_store_release (stmt);

  return uuid;
}

/* Inserts or updates one field of a control's row, inside the open group. */
static gboolean
write_field (AimsStore   *store,
             const char  *control_id,
             const char  *field,
             GVariant    *value,
             GError     **error)
{
  g_autofree char *uuid = dup_entry_uuid (store, control_id);
  g_autoptr(GHashTable) values = NULL;
  g_autofree char *new_uuid = NULL;

  if (uuid != NULL)
    return aims_store_update (store, "soa_entry", uuid, field, value, error);

  values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_variant_unref);
  g_hash_table_insert (values, (gpointer) "control", g_variant_ref_sink (g_variant_new_string (control_id)));
  if (value != NULL)
    g_hash_table_insert (values, (gpointer) field, g_variant_ref_sink (value));

  new_uuid = aims_store_insert (store, "soa_entry", values, error);
  return new_uuid != NULL;
}

static const char *
variant_text (GVariant *value)
{
  if (value == NULL || !g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    return "";
  return g_variant_get_string (value, NULL);
}

static char *
ensure_entry (AimsStore   *store,
              const char  *control_id,
              GError     **error)
{
  char *uuid = dup_entry_uuid (store, control_id);
  g_autoptr(GHashTable) values = NULL;

  if (uuid != NULL)
    return uuid;

  values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_variant_unref);
  g_hash_table_insert (values, (gpointer) "control", g_variant_ref_sink (g_variant_new_string (control_id)));
  return aims_store_insert (store, "soa_entry", values, error);
}

static gboolean
date_or_today (const char  *date,
               char       **out,
               GError     **error)
{
  if (date == NULL || date[0] == '\0')
    {
      *out = _aims_risks_today ();
      return TRUE;
    }

  if (!aims_rules_date_is_valid (date))
    {
      g_autofree char *shown = _aims_text_for_message (date, -1);

      g_set_error (error, AIMS_RULE_ERROR, AIMS_RULE_ERROR_INVALID_DATE,
                   _("Date: “%s” is not a date that exists; write it as YYYY-MM-DD."), shown);
      return FALSE;
    }

  *out = g_strdup (date);
  return TRUE;
}

static char *
insert_evidence (AimsStore   *store,
                 const char  *control_id,
                 const char  *kind,
                 const char  *title,
                 const char  *location,
                 const char  *sha256,
                 const char  *date,
                 GError     **error)
{
  g_autofree char *label = g_strdup_printf (_("Add evidence “%s” to control %s"), title, control_id);
  g_autofree char *entry = NULL;
  g_autoptr(GHashTable) values = NULL;
  char *uuid = NULL;

  aims_store_begin_group (store, label);

  entry = ensure_entry (store, control_id, error);
  if (entry != NULL)
    {
      values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                      (GDestroyNotify) g_variant_unref);
#define PUT(name, text) \
      g_hash_table_insert (values, (gpointer) name, g_variant_ref_sink (g_variant_new_string (text)))
      PUT ("soa_entry", entry);
      PUT ("kind", kind);
      PUT ("title", title);
      PUT ("location", location);
      PUT ("sha256", sha256);
      PUT ("evidence_date", date);
#undef PUT
      uuid = aims_store_insert (store, "evidence", values, error);
    }

  if (uuid == NULL)
    {
      aims_store_abort_group (store);
      return NULL;
    }

  if (!aims_store_end_group (store, error))
    g_clear_pointer (&uuid, g_free);

  return uuid;
}

/* Public API */

/**
 * aims_soa_load:
 * @store: a project
 * @error: return location for a #GError
 *
 * Every Annex A control of the bundled catalogue with its entry in the
 * project's Statement of Applicability, in catalogue order. A control the
 * project has not touched is undecided and not started.
 *
 * Returns: (transfer full) (element-type AimsSoaEntry) (nullable): the 38
 *   entries
 */
GPtrArray *
aims_soa_load (AimsStore  *store,
               GError    **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  AimsCatalog *catalog;
  GListModel *controls;
  guint n;

  g_return_val_if_fail (AIMS_IS_STORE (store), NULL);

  if ((catalog = get_catalog (error)) == NULL)
    return NULL;

  controls = aims_catalog_get_items (catalog, AIMS_CATALOG_KIND_CONTROL);
  n = g_list_model_get_n_items (controls);
  entries = g_ptr_array_new_full (n, g_object_unref);
  by_id = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AimsCatalogItem) control = g_list_model_get_item (controls, i);
      AimsSoaEntry *entry = entry_new (catalog, control);

      g_ptr_array_add (entries, entry);
      g_hash_table_insert (by_id, (gpointer) aims_catalog_item_get_id (control), entry);
    }

  if (!fill_rows (store, by_id, error) || !fill_links (store, by_id, error))
    return NULL;

  return g_steal_pointer (&entries);
}

/**
 * aims_soa_load_entry:
 * @store: a project
 * @control_id: an Annex A control id
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the entry of one control
 */
AimsSoaEntry *
aims_soa_load_entry (AimsStore   *store,
                     const char  *control_id,
                     GError     **error)
{
  g_autoptr(GPtrArray) entries = NULL;

  if (lookup_control (control_id, error) == NULL ||
      (entries = aims_soa_load (store, error)) == NULL)
    return NULL;

  for (guint i = 0; i < entries->len; i++)
    {
      AimsSoaEntry *entry = g_ptr_array_index (entries, i);

      if (g_str_equal (aims_soa_entry_get_control_id (entry), control_id))
        return g_object_ref (entry);
    }

  g_return_val_if_reached (NULL);
}

/**
 * aims_soa_set:
 * @store: a project
 * @control_id: an Annex A control id, such as "A.6.2.4"
 * @field: a field of soa_entry ("applicability", "justification",
 *   "implementation", "owner", "how_implemented", "last_reviewed")
 * @value: (nullable): the new value (floating references are sunk)
 * @error: return location for a #GError
 *
 * Changes a field of a control's entry, making the entry on its first edit,
 * as one undo step. Applicability and implementation are kept together:
 * excluding a control makes it "not applicable"; including one that was
 * "not applicable" makes it "not started"; choosing "not applicable" excludes
 * it. The rules apply: a decided control needs its justification.
 *
 * Returns: %TRUE on success
 */
gboolean
aims_soa_set (AimsStore   *store,
              const char  *control_id,
              const char  *field,
              GVariant    *value,
              GError     **error)
{
  g_autoptr(GVariant) owned = NULL;
  g_autoptr(AimsSoaEntry) entry = NULL;
  g_autofree char *label = NULL;
  const AimsTableInfo *table = aims_schema_lookup_table ("soa_entry");
  const AimsFieldInfo *info;
  const char *text;
  gboolean ok;

  g_return_val_if_fail (AIMS_IS_STORE (store), FALSE);
  g_return_val_if_fail (field != NULL, FALSE);

  if (value != NULL)
    owned = g_variant_ref_sink (value);

  if (lookup_control (control_id, error) == NULL)
    return FALSE;

  info = aims_table_info_lookup_field (table, field);
  if (info == NULL || g_str_equal (field, "control") || (info->flags & AIMS_FIELD_FLAG_SYSTEM))
    {
      g_autofree char *shown = _aims_text_for_message (field, -1);

      g_set_error (error, AIMS_STORE_ERROR, AIMS_STORE_ERROR_UNKNOWN_FIELD,
                   _("A control of the Statement of Applicability has no field “%s”."), shown);
      return FALSE;
    }

  if ((entry = aims_soa_load_entry (store, control_id, error)) == NULL)
    return FALSE;

  text = variant_text (owned);
  label = g_strdup_printf (_("Change “%s” of control %s"), _(info->label), control_id);
  aims_store_begin_group (store, label);

  if (g_str_equal (field, "applicability") && g_str_equal (text, "excluded"))
    ok = write_field (store, control_id, field, owned, error) &&
         write_field (store, control_id, "implementation",
                      g_variant_new_string ("not-applicable"), error);
  else if (g_str_equal (field, "applicability") &&
           g_str_equal (entry->implementation, "not-applicable"))
    ok = write_field (store, control_id, "implementation",
                      g_variant_new_string ("not-started"), error) &&
         write_field (store, control_id, field, owned, error);
  else if (g_str_equal (field, "implementation") && g_str_equal (text, "not-applicable") &&
           !g_str_equal (entry->applicability, "excluded"))
    ok = write_field (store, control_id, "applicability", g_variant_new_string ("excluded"),
                      error) &&
         write_field (store, control_id, field, owned, error);
  else if (g_str_equal (field, "implementation") && !g_str_equal (text, "not-applicable") &&
           g_str_equal (entry->applicability, "excluded"))
    ok = write_field (store, control_id, field, owned, error) &&
         write_field (store, control_id, "applicability", g_variant_new_string ("applicable"),
                      error);
  else
    ok = write_field (store, control_id, field, owned, error);

  if (!ok)
    {
      aims_store_abort_group (store);
      return FALSE;
    }

  return aims_store_end_group (store, error);
}

/**
 * aims_soa_dup_exclusion_warning:
 * @store: a project
 * @control_id: an Annex A control id
 *
 * What excluding a control would leave behind: the risks it treats.
 *
 * Returns: (transfer full) (nullable): a sentence to show before the control
 *   is excluded, or %NULL if it treats no risk
 */
char *
aims_soa_dup_exclusion_warning (AimsStore  *store,
                                const char *control_id)
{
  g_autoptr(AimsSoaEntry) entry = NULL;
  g_autofree char *list = NULL;
  guint n;

  g_return_val_if_fail (AIMS_IS_STORE (store), NULL);

  entry = aims_soa_load_entry (store, control_id, NULL);
  if (entry == NULL || entry->risks == NULL || (n = g_strv_length (entry->risks)) == 0)
    return NULL;

  list = g_strjoinv (", ", entry->risks);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Control %s treats %u risk (%s); excluded, it no longer "
                                       "counts as treating it.",
                                       "Control %s treats %u risks (%s); excluded, it no longer "
                                       "counts as treating them.",
                                       n),
                          control_id, n, list);
}

/**
 * aims_soa_check:
 * @entries: (element-type AimsSoaEntry): from aims_soa_load()
 *
 * The warnings an auditor would raise: excluded controls that treat risks,
 * included controls marked "not applicable", and controls not decided yet.
 *
 * Returns: (transfer full) (element-type utf8): translated sentences, one
 *   per problem, in catalogue order (the undecided count last)
 */
GPtrArray *
aims_soa_check (GPtrArray *entries)
{
  GPtrArray *warnings = g_ptr_array_new_with_free_func (g_free);
  guint n_undecided = 0;

  g_return_val_if_fail (entries != NULL, warnings);

  for (guint i = 0; i < entries->len; i++)
    {
      AimsSoaEntry *entry = g_ptr_array_index (entries, i);
      const char *id = aims_soa_entry_get_control_id (entry);
      guint n_risks = entry->risks != NULL ? g_strv_length (entry->risks) : 0;

      if (aims_soa_entry_is_excluded (entry) && n_risks > 0)
        {
          g_autofree char *list = g_strjoinv (", ", entry->risks);

          g_ptr_array_add (warnings,
                           g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                         "Control %s is excluded but treats %u "
                                                         "risk: %s.",
                                                         "Control %s is excluded but treats %u "
                                                         "risks: %s.",
                                                         n_risks),
                                            id, n_risks, list));
        }
      else if (aims_soa_entry_is_applicable (entry) &&
               g_str_equal (entry->implementation, "not-applicable"))
        g_ptr_array_add (warnings,
                         g_strdup_printf (_("Control %s is applicable but its implementation "
                                            "says “Not applicable”."), id));

      if (entry->applicability[0] == '\0')
        n_undecided++;
    }

  if (n_undecided > 0)
    g_ptr_array_add (warnings,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "%u control is not decided yet: neither "
                                                   "applicable nor excluded.",
                                                   "%u controls are not decided yet: neither "
                                                   "applicable nor excluded.",
                                                   n_undecided),
                                      n_undecided));

  return warnings;
}

/**
 * aims_soa_summarize:
 * @entries: (element-type AimsSoaEntry): from aims_soa_load()
 * @objective_id: (nullable): count only the controls under this objective
 *   ("A.6" includes A.6.1.x and A.6.2.x), or %NULL for all
 * @summary: (out caller-allocates): the figures
 */
void
aims_soa_summarize (GPtrArray      *entries,
                    const char     *objective_id,
                    AimsSoaSummary *summary)
{
  g_return_if_fail (entries != NULL);
  g_return_if_fail (summary != NULL);

  memset (summary, 0, sizeof *summary);

  for (guint i = 0; i < entries->len; i++)
    {
      AimsSoaEntry *entry = g_ptr_array_index (entries, i);

      if (objective_id != NULL &&
          (entry->objective == NULL ||
           !g_str_equal (aims_catalog_item_get_id (entry->objective), objective_id)))
        continue;

      summary->n_controls++;
      if (aims_soa_entry_is_applicable (entry))
        summary->n_applicable++;
      else if (aims_soa_entry_is_excluded (entry))
        summary->n_excluded++;
      else
        summary->n_undecided++;

      if (aims_soa_entry_is_implemented (entry))
        summary->n_implemented++;
    }
}

/**
 * aims_soa_summary_get_fraction:
 * @summary: figures from aims_soa_summarize()
 *
 * Returns: applicable controls implemented divided by applicable controls;
 *   0 when no control is applicable yet
 */
double
aims_soa_summary_get_fraction (const AimsSoaSummary *summary)
{
  g_return_val_if_fail (summary != NULL, 0.0);

  if (summary->n_applicable == 0)
    return 0.0;

  return (double) summary->n_implemented / summary->n_applicable;
}

/**
 * aims_file_compute_sha256:
 * @file: a file
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the SHA-256 of @file's contents, as 64
 *   lowercase hexadecimal digits
 */
char *
aims_file_compute_sha256 (GFile         *file,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree guchar *buffer = NULL;
  gssize n;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE, G_FILE_QUERY_INFO_NONE,
                            cancellable, error);
  if (info == NULL)
    return NULL;

  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, AIMS_SOA_ERROR, AIMS_SOA_ERROR_NOT_A_FILE,
                   _("“%s” is not a file; evidence can name a file or a link."), name);
      return NULL;
    }

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return NULL;

  buffer = g_malloc (64 * 1024);
  while ((n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, 64 * 1024, cancellable,
                                   error)) > 0)
    g_checksum_update (checksum, buffer, n);

  if (n < 0)
    return NULL;

  return g_strdup (g_checksum_get_string (checksum));
}

/**
 * aims_soa_add_evidence_file:
 * @store: a project
 * @control_id: an Annex A control id
 * @file: the evidence
 * @date: (nullable): its date, YYYY-MM-DD; today if %NULL or empty
 * @error: return location for a #GError
 *
 * Records a file as evidence of a control, with the SHA-256 of its contents
 * now, so a later change to the file can be noticed. The file itself stays
 * where it is. One undo step.
 *
 * Returns: (transfer full) (nullable): the evidence's uuid
 */
char *
aims_soa_add_evidence_file (AimsStore   *store,
                            const char  *control_id,
                            GFile       *file,
                            const char  *date,
                            GError     **error)
{
  g_autofree char *sha256 = NULL;
  g_autofree char *day = NULL;
  g_autofree char *path = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (AIMS_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (lookup_control (control_id, error) == NULL || !date_or_today (date, &day, error) ||
      (sha256 = aims_file_compute_sha256 (file, NULL, error)) == NULL)
    return NULL;

  path = g_file_get_parse_name (file);
  title = g_file_get_basename (file);

  return insert_evidence (store, control_id, "file", title, path, sha256, day, error);
}

static gboolean
is_sha256 (const char *text)
{
  if (text == NULL || strlen (text) != 64)
    return FALSE;

  for (const char *c = text; *c != '\0'; c++)
    if (!g_ascii_isxdigit (*c) || g_ascii_isupper (*c))
      return FALSE;

  return TRUE;
}

/**
 * aims_soa_add_evidence_file_with_sha256:
 * @store: a project
 * @control_id: an Annex A control id
 * @file: the evidence
 * @title: (nullable): what it is; the file's name if %NULL or empty
 * @sha256: the SHA-256 of its contents, computed beforehand (for example
 *   off the main thread with aims_file_compute_sha256_async()): 64
 *   lowercase hexadecimal digits
 * @date: (nullable): its date, YYYY-MM-DD; today if %NULL or empty
 * @error: return location for a #GError
 *
 * As aims_soa_add_evidence_file(), without reading the file again. One undo
 * step.
 *
 * Returns: (transfer full) (nullable): the evidence's uuid
 */
char *
aims_soa_add_evidence_file_with_sha256 (AimsStore   *store,
                                        const char  *control_id,
                                        GFile       *file,
                                        const char  *title,
                                        const char  *sha256,
                                        const char  *date,
                                        GError     **error)
{
  g_autofree char *day = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (AIMS_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (lookup_control (control_id, error) == NULL || !date_or_today (date, &day, error))
    return NULL;

  if (!is_sha256 (sha256))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The file's SHA-256 is not 64 hexadecimal digits; the evidence was not "
                     "recorded."));
      return NULL;
    }

  path = g_file_get_parse_name (file);
  name = g_file_get_basename (file);

  return insert_evidence (store, control_id, "file",
                          title != NULL && title[0] != '\0' ? title : name,
                          path, sha256, day, error);
}

/**
 * aims_soa_add_evidence_link:
 * @store: a project
 * @control_id: an Annex A control id
 * @title: (nullable): what the link shows; the address if %NULL or empty
 * @address: an address with a scheme, such as https://…
 * @date: (nullable): its date, YYYY-MM-DD; today if %NULL or empty
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the evidence's uuid
 */
char *
aims_soa_add_evidence_link (AimsStore   *store,
                            const char  *control_id,
                            const char  *title,
                            const char  *address,
                            const char  *date,
                            GError     **error)
{
  g_autofree char *day = NULL;

  g_return_val_if_fail (AIMS_IS_STORE (store), NULL);

  if (lookup_control (control_id, error) == NULL || !date_or_today (date, &day, error))
    return NULL;

  if (address == NULL || !g_uri_is_valid (address, G_URI_FLAGS_NONE, NULL))
    {
      g_autofree char *shown = _aims_text_for_message (address != NULL ? address : "", -1);

      g_set_error (error, AIMS_SOA_ERROR, AIMS_SOA_ERROR_INVALID_LINK,
                   _("“%s” is not a link; write the whole address, such as "
                     "https://intranet.example/policy."), shown);
      return NULL;
    }

  return insert_evidence (store, control_id, "link",
                          title != NULL && title[0] != '\0' ? title : address,
                          address, "", day, error);
}

/**
 * aims_soa_list_evidence:
 * @store: a project
 * @control_id: an Annex A control id
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type AimsEvidence) (nullable): the
 *   evidence of a control, newest date first
 */
GPtrArray *
aims_soa_list_evidence (AimsStore   *store,
                        const char  *control_id,
                        GError     **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) aims_evidence_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (AIMS_IS_STORE (store), NULL);

  stmt = _aims_store_prepare (store,
                              "SELECT e.uuid, e.kind, e.title, e.location, e.sha256, "
                              "e.evidence_date FROM evidence e JOIN soa_entry s "
                              "ON s.uuid = e.soa_entry WHERE s.control = ? "
                              "ORDER BY e.evidence_date DESC, e.title",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, control_id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AimsEvidence *evidence = g_new0 (AimsEvidence, 1);

      evidence->uuid = column_dup (stmt, 0);
      evidence->kind = column_dup (stmt, 1);
      evidence->title = column_dup (stmt, 2);
      evidence->location = column_dup (stmt, 3);
      evidence->sha256 = column_dup (stmt, 4);
      evidence->date = column_dup (stmt, 5);
      g_ptr_array_add (list, evidence);
    }
  _aims_store_release (stmt);

  if (rc != SQLITE_DONE)
    {
      _aims_sqlite_set_error (error, _aims_store_get_db (store), rc,
                              _("Could not read the evidence of the control"));
      return NULL;
    }

  return g_steal_pointer (&list);
}

void
aims_evidence_free (AimsEvidence *evidence)
{
  if (evidence == NULL)
    return;

  g_free (evidence->uuid);
  g_free (evidence->kind);
  g_free (evidence->title);
  g_free (evidence->location);
  g_free (evidence->sha256);
  g_free (evidence->date);
  g_free (evidence);
}

/* Entry getters */

AimsCatalogItem *
aims_soa_entry_get_control (AimsSoaEntry *self)
{
  g_return_val_if_fail (AIMS_IS_SOA_ENTRY (self), NULL);
  return self->control;
}

const char *
aims_soa_entry_get_control_id (AimsSoaEntry *self)
{
  g_return_val_if_fail (AIMS_IS_SOA_ENTRY (self), NULL);
  return aims_catalog_item_get_id (self->control);
}

/**
 * aims_soa_entry_get_objective:
 *
 * Returns: (transfer none) (nullable): the control's objective among the nine
 *   roots (A.2 … A.10)
 */
AimsCatalogItem *
aims_soa_entry_get_objective (AimsSoaEntry *self)
{
  g_return_val_if_fail (AIMS_IS_SOA_ENTRY (self), NULL);
  return self->objective;
}

/**
 * aims_soa_entry_get_uuid:
 *
 * Returns: (nullable): the entry's record, or %NULL if the control has never
 *   been edited
 */
const char *
aims_soa_entry_get_uuid (AimsSoaEntry *self)
{
  g_return_val_if_fail (AIMS_IS_SOA_ENTRY (self), NULL);
  return self->uuid;
}

const char *
aims_soa_entry_get_applicability (AimsSoaEntry *self)
{
  g_return_val_if_fail (AIMS_IS_SOA_ENTRY (self), NULL);
  return self->applicability;
}

const char *
aims_soa_entry_get_justification (AimsSoaEntry *self)
{
  g_return_val_if_fail (AIMS_IS_SOA_ENTRY (self), NULL);
  return self->justification;
}

const char *
aims_soa_entry_get_implementation (AimsSoaEntry *self)
{
  g_return_val_if_fail (AIMS_IS_SOA_ENTRY (self), NULL);
  return self->implementation;
}

const char *
aims_soa_entry_get_owner (AimsSoaEntry *self)
{
  g_return_val_if_fail (AIMS_IS_SOA_ENTRY (self), NULL);
  return self->owner;
}

const char *
aims_soa_entry_get_how_implemented (AimsSoaEntry *self)
{
  g_return_val_if_fail (AIMS_IS_SOA_ENTRY (self), NULL);
  return self->how_implemented;
}

const char *
aims_soa_entry_get_last_reviewed (AimsSoaEntry *self)
{
  g_return_val_if_fail (AIMS_IS_SOA_ENTRY (self), NULL);
  return self->last_reviewed;
}

/**
 * aims_soa_entry_get_risks:
 *
 * Returns: (transfer none) (nullable): the references of the risks the
 *   control treats (R-001 …), in order, or %NULL for none
 */
const char * const *
aims_soa_entry_get_risks (AimsSoaEntry *self)
{
  g_return_val_if_fail (AIMS_IS_SOA_ENTRY (self), NULL);
  return (const char * const *) self->risks;
}

guint
aims_soa_entry_get_n_evidence (AimsSoaEntry *self)
{
  g_return_val_if_fail (AIMS_IS_SOA_ENTRY (self), 0);
  return self->n_evidence;
}

gboolean
aims_soa_entry_is_applicable (AimsSoaEntry *self)
{
  g_return_val_if_fail (AIMS_IS_SOA_ENTRY (self), FALSE);
  return g_str_equal (self->applicability, "applicable");
}

gboolean
aims_soa_entry_is_excluded (AimsSoaEntry *self)
{
  g_return_val_if_fail (AIMS_IS_SOA_ENTRY (self), FALSE);
  return g_str_equal (self->applicability, "excluded");
}

/* Implemented counts only for an applicable control (DOMAIN.md). */
gboolean
aims_soa_entry_is_implemented (AimsSoaEntry *self)
{
  g_return_val_if_fail (AIMS_IS_SOA_ENTRY (self), FALSE);
  return aims_soa_entry_is_applicable (self) && g_str_equal (self->implementation, "implemented");
}
