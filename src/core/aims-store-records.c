/* aims-store-records.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aims-store"

#include "config.h"

#include "aims-store-private.h"

#include "aims-sqlite-private.h"

#include <glib/gi18n.h>
#include <string.h>

/*
 * Record-level operations built on the one write path: the next free
 * reference and duplicating a record with its links. They only read the
 * database directly; every write is an aims_store_insert() inside one group,
 * so a duplicate is logged, checked by the rules and undone like any edit.
 */

/* Duplicates try the next references at most this many times when the
 * largest number is taken by a reference written differently. */
#define MAX_REFERENCE_TRIES 1000

/* A column of a link table that refers to a record table. */
typedef struct
{
  const AimsTableInfo *table;
  const AimsFieldInfo *column;
} LinkColumn;

static gboolean
reference_exists (AimsStore           *self,
                  const AimsTableInfo *table,
                  const char          *reference)
{
  g_autofree char *quoted = _aims_sqlite_quote (table->name);
  g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM %s WHERE reference = ?", quoted);
  sqlite3_stmt *stmt = _aims_store_prepare (self, sql, NULL);
  gboolean exists;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, reference, -1, SQLITE_TRANSIENT);
  exists = sqlite3_step (stmt) == SQLITE_ROW;
  _aims_store_release (stmt);

  return exists;
}

/* The columns of link tables that refer to @table: a link table has no title
 * and exactly two foreign keys. */
static GArray *
find_link_columns (AimsStore           *self,
                   const AimsTableInfo *table)
{
  const AimsSchemaDef *schema = _aims_store_get_schema (self);
  GArray *columns = g_array_new (FALSE, FALSE, sizeof (LinkColumn));

  for (guint i = 0; i < schema->n_tables; i++)
    {
      const AimsTableInfo *child = &schema->tables[i];
      const AimsFieldInfo *column = NULL;
      sqlite3_stmt *stmt;
      guint n_keys = 0;

      if (child->kind != AIMS_TABLE_RECORDS || child->title_field != NULL)
        continue;

      stmt = _aims_store_prepare (self,
                                  "SELECT \"table\", \"from\" FROM pragma_foreign_key_list(?)",
                                  NULL);
      if (stmt == NULL)
        break;

      sqlite3_bind_text (stmt, 1, child->name, -1, SQLITE_TRANSIENT);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          n_keys++;
          if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), table->name) == 0)
            column = aims_table_info_lookup_field (child,
                                                   (const char *) sqlite3_column_text (stmt, 1));
        }
      _aims_store_release (stmt);

      if (n_keys == 2 && column != NULL)
        {
          LinkColumn link = { child, column };

          g_array_append_val (columns, link);
        }
    }

  return columns;
}

static GPtrArray *
find_links (AimsStore         *self,
            const LinkColumn  *link,
            const char        *uuid,
            GError           **error)
{
  g_autoptr(GPtrArray) uuids = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *quoted_table = _aims_sqlite_quote (link->table->name);
  g_autofree char *quoted_column = _aims_sqlite_quote (link->column->name);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  int rc;

  sql = g_strdup_printf ("SELECT uuid FROM %s WHERE %s = ? ORDER BY rowid",
                         quoted_table, quoted_column);
  stmt = _aims_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (uuids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  _aims_store_release (stmt);

  if (rc != SQLITE_DONE)
    {
      _aims_sqlite_set_error (error, _aims_store_get_db (self), rc,
                              _("Could not read the links of the record"));
      return NULL;
    }

  return g_steal_pointer (&uuids);
}

/* The editable fields of a record, ready for aims_store_insert(). */
static GHashTable *
dup_editable_values (AimsStore            *self,
                     const AimsTableInfo  *table,
                     const char           *uuid,
                     GError              **error)
{
  g_autoptr(GHashTable) record = _aims_store_dup_record (self, table, uuid, error);

  if (record == NULL)
    return NULL;

  for (guint i = 0; i < table->n_fields; i++)
    {
      if (table->fields[i].flags & AIMS_FIELD_FLAG_SYSTEM)
        g_hash_table_remove (record, table->fields[i].name);
    }

  return g_steal_pointer (&record);
}

/* "Claims triage (copy)", shortened to fit the field. */
static char *
copy_name (const AimsFieldInfo *field,
           const char          *name)
{
  g_autofree char *probe = g_strdup_printf (_("%s (copy)"), "");
  gsize room = field->max_bytes > strlen (probe) ? field->max_bytes - strlen (probe) : 0;
  g_autofree char *shortened = NULL;
  gsize len = strlen (name);

  if (len > room)
    {
      len = room;
      while (len > 0 && ((guchar) name[len] & 0xC0) == 0x80)
        len--;
    }

  shortened = g_strndup (name, len);
  return g_strdup_printf (_("%s (copy)"), shortened);
}

static gboolean
copy_links (AimsStore            *self,
            const AimsTableInfo  *table,
            const char           *uuid,
            const char           *new_uuid,
            GError              **error)
{
  g_autoptr(GArray) columns = find_link_columns (self, table);

  for (guint i = 0; i < columns->len; i++)
    {
      const LinkColumn *link = &g_array_index (columns, LinkColumn, i);
      g_autoptr(GPtrArray) links = find_links (self, link, uuid, error);

      if (links == NULL)
        return FALSE;

      for (guint j = 0; j < links->len; j++)
        {
          g_autoptr(GHashTable) values = NULL;
          g_autofree char *copy = NULL;

          values = dup_editable_values (self, link->table, g_ptr_array_index (links, j), error);
          if (values == NULL)
            return FALSE;

          g_hash_table_replace (values, (gpointer) link->column->name,
                                g_variant_ref_sink (g_variant_new_string (new_uuid)));
          copy = aims_store_insert (self, link->table->name, values, error);
          if (copy == NULL)
            return FALSE;
        }
    }

  return TRUE;
}

/**
 * aims_store_next_reference:
 * @self: a #AimsStore
 * @table: a table whose records have references ("ai_system", "data_set",
 *   "third_party")
 *
 * The reference for a new record: the table's prefix and one more than the
 * largest number in use, with at least three digits ("SYS-014", "DS-003",
 * "TP-002"). Numbers of deleted records are not handed out again while a
 * larger one is in use.
 *
 * Returns: (transfer full) (nullable): the reference, or %NULL if @table has
 *   no references
 */
char *
aims_store_next_reference (AimsStore  *self,
                           const char *table)
{
  g_autofree char *quoted = NULL;
  g_autofree char *sql = NULL;
  const AimsTableInfo *info;
  sqlite3_stmt *stmt;
  gint64 largest = 0;
  gsize prefix_len;

  g_return_val_if_fail (AIMS_IS_STORE (self), NULL);
  g_return_val_if_fail (table != NULL, NULL);

  info = _aims_schema_def_lookup_table (_aims_store_get_schema (self), table);
  if (info == NULL || info->reference_prefix == NULL)
    return NULL;

  prefix_len = strlen (info->reference_prefix);
  quoted = _aims_sqlite_quote (info->name);
  sql = g_strdup_printf ("SELECT max(CAST(substr(reference, ?1 + 1) AS INTEGER)) FROM %s "
                         "WHERE substr(reference, 1, ?1) = ?2 AND length(reference) > ?1 "
                         "AND length(reference) <= ?1 + 9 "
                         "AND substr(reference, ?1 + 1) NOT GLOB '*[^0-9]*'",
                         quoted);

  stmt = _aims_store_prepare (self, sql, NULL);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, prefix_len);
  sqlite3_bind_text (stmt, 2, info->reference_prefix, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    largest = sqlite3_column_int64 (stmt, 0);
  _aims_store_release (stmt);

  /* "SYS-14" and "SYS-014" are different references with the same number. */
  for (guint i = 1; i <= MAX_REFERENCE_TRIES; i++)
    {
      char *reference = g_strdup_printf ("%s%03" G_GINT64_FORMAT, info->reference_prefix,
                                         largest + i);

      if (!reference_exists (self, info, reference))
        return reference;
      g_free (reference);
    }

  {
    g_autofree char *random = g_uuid_string_random ();

    return g_strconcat (info->reference_prefix, random, NULL);
  }
}

/**
 * aims_store_duplicate:
 * @self: a #AimsStore
 * @table: a table of records
 * @uuid: the record to copy
 * @error: return location for a #GError
 *
 * Adds a copy of a record with the next free reference, " (copy)" after its
 * name and the same links (to data sets, third parties, AI systems), as one
 * undo step.
 *
 * Returns: (transfer full) (nullable): the UUID of the copy
 */
char *
aims_store_duplicate (AimsStore   *self,
                      const char  *table,
                      const char  *uuid,
                      GError     **error)
{
  g_autoptr(GHashTable) values = NULL;
  g_autofree char *label = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *new_uuid = NULL;
  const AimsTableInfo *info;
  const AimsFieldInfo *name_field;
  GVariant *name;

  g_return_val_if_fail (AIMS_IS_STORE (self), NULL);
  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  if ((info = _aims_store_lookup_table (self, table, TRUE, error)) == NULL)
    return NULL;

  if (info->kind != AIMS_TABLE_RECORDS)
    {
      g_set_error (error, AIMS_STORE_ERROR, AIMS_STORE_ERROR_UNKNOWN_FIELD,
                   _("A project has exactly one %s; it cannot be added."), _(info->noun));
      return NULL;
    }

  if ((values = dup_editable_values (self, info, uuid, error)) == NULL)
    return NULL;

  name_field = aims_table_info_lookup_field (info, "name");
  name = name_field != NULL ? g_hash_table_lookup (values, "name") : NULL;
  if (name != NULL && g_variant_is_of_type (name, G_VARIANT_TYPE_STRING))
    {
      /* Translators: an edit, as in: Duplicate AI system “Claims triage” */
      label = g_strdup_printf (_("Duplicate %s “%s”"), _(info->noun),
                               g_variant_get_string (name, NULL));
      g_hash_table_replace (values, (gpointer) name_field->name,
                            g_variant_ref_sink (g_variant_new_take_string (
                              copy_name (name_field, g_variant_get_string (name, NULL)))));
    }
  else
    label = g_strdup_printf (_("Duplicate %s"), _(info->noun));

  if ((reference = aims_store_next_reference (self, info->name)) != NULL)
    g_hash_table_replace (values, (gpointer) "reference",
                          g_variant_ref_sink (g_variant_new_string (reference)));

  aims_store_begin_group (self, label);

  new_uuid = aims_store_insert (self, info->name, values, error);
  if (new_uuid == NULL || !copy_links (self, info, uuid, new_uuid, error))
    {
      aims_store_abort_group (self);
      return NULL;
    }

  if (!aims_store_end_group (self, error))
    return NULL;

  return g_steal_pointer (&new_uuid);
}
