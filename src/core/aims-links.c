/* aims-links.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Links between records. A link table (system_data_set, system_third_party)
 * holds one row per link, with its own uuid and the two linked records'
 * uuids in its first two editable columns. Links are made and removed
 * through the public store API, so they are recorded, undone and shown in
 * history like any other edit; only finding a link's row reads the
 * database directly. */

#define G_LOG_DOMAIN "aims-links"

#include "config.h"

#include "aims-links.h"

#include "aims-sqlite-private.h"
#include "aims-store-private.h"

#include <glib/gi18n.h>
#include <string.h>

typedef struct
{
  const AimsTableInfo *table;
  const AimsFieldInfo *columns[2];
  const AimsTableInfo *targets[2];   /* the linked tables, from the foreign keys */
} LinkInfo;

static const AimsTableInfo *
lookup_target (sqlite3    *db,
               const char *link_table,
               const char *column)
{
  const AimsTableInfo *target = NULL;
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db,
                          "SELECT \"table\" FROM pragma_foreign_key_list (?1) WHERE \"from\" = ?2",
                          -1, &stmt, NULL) != SQLITE_OK)
    return NULL;

  sqlite3_bind_text (stmt, 1, link_table, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, column, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    target = aims_schema_lookup_table ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  return target;
}

static gboolean
lookup_link (AimsStore   *store,
             const char  *link_table,
             LinkInfo    *info,
             GError     **error)
{
  sqlite3 *db = _aims_store_get_db (store);
  guint n = 0;

  memset (info, 0, sizeof *info);

  if (db == NULL)
    {
      g_set_error (error, AIMS_STORE_ERROR, AIMS_STORE_ERROR_FAILED,
                   _("The project has been closed."));
      return FALSE;
    }

  info->table = aims_schema_lookup_table (link_table);
  if (info->table != NULL && info->table->kind == AIMS_TABLE_RECORDS)
    {
      for (guint i = 0; i < info->table->n_fields && n < 2; i++)
        {
          const AimsFieldInfo *field = &info->table->fields[i];

          if ((field->flags & AIMS_FIELD_FLAG_SYSTEM) == 0 && field->kind == AIMS_FIELD_TEXT)
            info->columns[n++] = field;
        }
    }

  if (n < 2)
    {
      g_autofree char *shown = _aims_text_for_message (link_table, -1);

      g_set_error (error, AIMS_STORE_ERROR, AIMS_STORE_ERROR_UNKNOWN_FIELD,
                   _("The table “%s” does not link records."), shown);
      return FALSE;
    }

  for (guint i = 0; i < 2; i++)
    info->targets[i] = lookup_target (db, link_table, info->columns[i]->name);

  return TRUE;
}

static char *
find_link (AimsStore      *store,
           const LinkInfo *info,
           const char     *first_uuid,
           const char     *second_uuid)
{
  g_autofree char *quoted_table = _aims_sqlite_quote (info->table->name);
  g_autofree char *quoted_first = _aims_sqlite_quote (info->columns[0]->name);
  g_autofree char *quoted_second = _aims_sqlite_quote (info->columns[1]->name);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;
  char *uuid = NULL;

  sql = g_strdup_printf ("SELECT uuid FROM %s WHERE %s = ?1 AND %s = ?2 ORDER BY rowid LIMIT 1",
                         quoted_table, quoted_first, quoted_second);
  if (sqlite3_prepare_v2 (_aims_store_get_db (store), sql, -1, &stmt, NULL) != SQLITE_OK)
    return NULL;

  sqlite3_bind_text (stmt, 1, first_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, second_uuid, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  return uuid;
}

/* "data set “Claims history”", or NULL when the record is not known */
static char *
describe_record (AimsStore           *store,
                 const AimsTableInfo *table,
                 const char          *uuid)
{
  g_autofree char *title = NULL;

  if (table == NULL || table->title_field == NULL)
    return NULL;

  title = aims_store_dup_text (store, table->name, uuid, table->title_field, NULL);
  if (title == NULL)
    return NULL;

  /* Translators: a record in the label of an edit, as in: data set “Claims history” */
  return g_strdup_printf (_("%s “%s”"), _(table->noun), title);
}

static gboolean
check_exists (AimsStore            *store,
              const AimsTableInfo  *table,
              const char           *uuid,
              GError              **error)
{
  g_autoptr(GVariant) value = NULL;

  /* Without a foreign key the store would check it by itself */
  if (table == NULL)
    return TRUE;

  value = aims_store_get (store, table->name, uuid, "uuid", error);
  return value != NULL;
}

/**
 * aims_store_dup_link_uuid:
 * @self: a store
 * @link_table: a link table, such as "system_data_set"
 * @first_uuid: the record in the link table's first column (the AI system)
 * @second_uuid: the record in its second column
 *
 * Returns: (transfer full) (nullable): the link row joining the two records,
 *   or %NULL if they are not linked
 */
char *
aims_store_dup_link_uuid (AimsStore  *self,
                          const char *link_table,
                          const char *first_uuid,
                          const char *second_uuid)
{
  LinkInfo info;

  g_return_val_if_fail (AIMS_IS_STORE (self), NULL);
  g_return_val_if_fail (link_table != NULL, NULL);
  g_return_val_if_fail (first_uuid != NULL, NULL);
  g_return_val_if_fail (second_uuid != NULL, NULL);

  if (!lookup_link (self, link_table, &info, NULL))
    return NULL;

  return find_link (self, &info, first_uuid, second_uuid);
}

/**
 * aims_store_link:
 * @self: a store
 * @link_table: a link table, such as "system_data_set"
 * @first_uuid: the record for the link table's first column (the AI system)
 * @second_uuid: the record for its second column
 * @error: return location for a #GError
 *
 * Links two records as one recorded edit. Linking records that are linked
 * already changes nothing and returns the existing link.
 *
 * Returns: (transfer full) (nullable): the link row's uuid, or %NULL on error
 */
char *
aims_store_link (AimsStore   *self,
                 const char  *link_table,
                 const char  *first_uuid,
                 const char  *second_uuid,
                 GError     **error)
{
  g_autoptr(GHashTable) values = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *label = NULL;
  char *uuid;
  LinkInfo info;

  g_return_val_if_fail (AIMS_IS_STORE (self), NULL);
  g_return_val_if_fail (link_table != NULL, NULL);
  g_return_val_if_fail (first_uuid != NULL, NULL);
  g_return_val_if_fail (second_uuid != NULL, NULL);

  if (!lookup_link (self, link_table, &info, error))
    return NULL;

  if ((uuid = find_link (self, &info, first_uuid, second_uuid)) != NULL)
    return uuid;

  if (!check_exists (self, info.targets[0], first_uuid, error) ||
      !check_exists (self, info.targets[1], second_uuid, error))
    return NULL;

  first = describe_record (self, info.targets[0], first_uuid);
  second = describe_record (self, info.targets[1], second_uuid);
  if (first != NULL && second != NULL)
    /* Translators: an edit, as in: Link AI system “Claims triage” with data set “Claims history” */
    label = g_strdup_printf (_("Link %s with %s"), first, second);
  else
    label = g_strdup_printf (_("Add %s"), info.table->noun != NULL ? _(info.table->noun) : link_table);

  values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_variant_unref);
  g_hash_table_insert (values, (gpointer) info.columns[0]->name,
                       g_variant_ref_sink (g_variant_new_string (first_uuid)));
  g_hash_table_insert (values, (gpointer) info.columns[1]->name,
                       g_variant_ref_sink (g_variant_new_string (second_uuid)));

  aims_store_begin_group (self, label);
  uuid = aims_store_insert (self, link_table, values, error);
  if (uuid == NULL)
    {
      aims_store_abort_group (self);
      return NULL;
    }

  if (!aims_store_end_group (self, error))
    {
      g_free (uuid);
      return NULL;
    }

  return uuid;
}

/**
 * aims_store_unlink:
 * @self: a store
 * @link_table: a link table, such as "system_data_set"
 * @first_uuid: the record in the link table's first column (the AI system)
 * @second_uuid: the record in its second column
 * @error: return location for a #GError
 *
 * Removes the link between two records as one recorded edit; the records
 * themselves stay.
 *
 * Returns: whether the link was removed; %AIMS_STORE_ERROR_NOT_FOUND if the
 *   records were not linked
 */
gboolean
aims_store_unlink (AimsStore   *self,
                   const char  *link_table,
                   const char  *first_uuid,
                   const char  *second_uuid,
                   GError     **error)
{
  g_autofree char *uuid = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *label = NULL;
  LinkInfo info;

  g_return_val_if_fail (AIMS_IS_STORE (self), FALSE);
  g_return_val_if_fail (link_table != NULL, FALSE);
  g_return_val_if_fail (first_uuid != NULL, FALSE);
  g_return_val_if_fail (second_uuid != NULL, FALSE);

  if (!lookup_link (self, link_table, &info, error))
    return FALSE;

  if ((uuid = find_link (self, &info, first_uuid, second_uuid)) == NULL)
    {
      g_set_error (error, AIMS_STORE_ERROR, AIMS_STORE_ERROR_NOT_FOUND,
                   _("These records are not linked."));
      return FALSE;
    }

  first = describe_record (self, info.targets[0], first_uuid);
  second = describe_record (self, info.targets[1], second_uuid);
  if (first != NULL && second != NULL)
    /* Translators: an edit, as in: Unlink AI system “Claims triage” from data set “Claims history” */
    label = g_strdup_printf (_("Unlink %s from %s"), first, second);
  else
    label = g_strdup_printf (_("Delete %s"), info.table->noun != NULL ? _(info.table->noun) : link_table);

  aims_store_begin_group (self, label);
  if (!aims_store_delete (self, link_table, uuid, error))
    {
      aims_store_abort_group (self);
      return FALSE;
    }

  return aims_store_end_group (self, error);
}
