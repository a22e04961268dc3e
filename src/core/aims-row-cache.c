/* aims-row-cache.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aims-row-cache"

#include "config.h"

#include "aims-row-cache-private.h"

#include "aims-record-private.h"
#include "aims-sqlite-private.h"
#include "aims-store-private.h"

/*
 * The rows a lazy list hands out, read a page at a time and kept by rowid.
 *
 * A list view asks for its rows one at a time, and may drop a record and ask
 * for it again a moment later (GTK 4.8 sets up some 200 rows when a list is
 * shown, and asks again when it binds them). Read one by one, that is a
 * statement per row, and a second one whenever a record was dropped in
 * between. Here one statement reads up to AIMS_ROW_CACHE_PAGE rows (the
 * neighbours of the row asked for, in the list's order), and the values stay
 * until the row changes, so a record made again costs no read.
 *
 * Rows are kept by rowid, not by position: a new order or search keeps
 * every row read so far. What invalidates them:
 *
 *   - the store's change of one record: the list forgets that row, by its
 *     rowid and by its uuid (a deleted row's rowid may be taken by the next
 *     insert);
 *   - a change of many records: the list forgets every row;
 *   - and as a guard, any committed change the list has not been told of
 *     yet (another handler of AimsStore::changed asking for rows before the
 *     list's own runs): the store's last change id differs from the one the
 *     rows were read at, and every row is forgotten.
 *
 * At most MAX_ROWS are kept; past that the cache starts again empty.
 */

#define MAX_ROWS 1024

typedef struct
{
  gint64  rowid;
  guint   n_values;
  char  **values;  /* one per field, each nullable */
} Row;

struct _AimsRowCache
{
  AimsStore           *store;
  const AimsTableInfo *table;
  char                *sql;
  int                  uuid_index;
  GHashTable          *rows;     /* gint64 rowid → Row */
  GHashTable          *by_uuid;  /* uuid (the Row's) → Row */
  gint64               change_id;
  guint                n_reads;
};

static void
row_free (gpointer data)
{
  Row *row = data;

  for (guint i = 0; i < row->n_values; i++)
    g_free (row->values[i]);
  g_free (row->values);
  g_free (row);
}

static char *
build_sql (const AimsTableInfo *table)
{
  g_autofree char *quoted_table = _aims_sqlite_quote (table->name);
  GString *sql = g_string_new ("SELECT rowid");

  for (guint i = 0; i < table->n_fields; i++)
    {
      g_autofree char *quoted = _aims_sqlite_quote (table->fields[i].name);

      g_string_append_printf (sql, ", %s", quoted);
    }
  g_string_append_printf (sql, " FROM %s WHERE rowid IN (", quoted_table);
  for (guint i = 0; i < AIMS_ROW_CACHE_PAGE; i++)
    g_string_append_printf (sql, "%s?%u", i > 0 ? ", " : "", i + 1);
  g_string_append_c (sql, ')');

  return g_string_free (sql, FALSE);
}

AimsRowCache *
_aims_row_cache_new (AimsStore           *store,
                     const AimsTableInfo *table)
{
  AimsRowCache *self;

  g_return_val_if_fail (AIMS_IS_STORE (store), NULL);
  g_return_val_if_fail (table != NULL, NULL);

  self = g_new0 (AimsRowCache, 1);
  self->store = g_object_ref (store);
  self->table = table;
  self->sql = build_sql (table);
  self->uuid_index = -1;
  for (guint i = 0; i < table->n_fields; i++)
    if (g_str_equal (table->fields[i].name, "uuid"))
      self->uuid_index = (int) i;
  self->rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, row_free);
  self->by_uuid = g_hash_table_new (g_str_hash, g_str_equal);
  self->change_id = aims_store_get_last_change_id (store);

  return self;
}

void
_aims_row_cache_free (AimsRowCache *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->by_uuid, g_hash_table_unref);
  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_object (&self->store);
  g_free (self->sql);
  g_free (self);
}

void
_aims_row_cache_clear (AimsRowCache *self)
{
  g_return_if_fail (self != NULL);

  g_hash_table_remove_all (self->by_uuid);
  g_hash_table_remove_all (self->rows);
}

/* Rows read before a change the cache was not told of are not trusted */
static void
check_change (AimsRowCache *self)
{
  gint64 change_id = aims_store_get_last_change_id (self->store);

  if (change_id != self->change_id)
    {
      _aims_row_cache_clear (self);
      self->change_id = change_id;
    }
}

static const char *
row_uuid (AimsRowCache *self,
          Row          *row)
{
  return self->uuid_index >= 0 ? row->values[self->uuid_index] : NULL;
}

static void
remove_row (AimsRowCache *self,
            Row          *row)
{
  const char *uuid = row_uuid (self, row);

  if (uuid != NULL && g_hash_table_lookup (self->by_uuid, uuid) == row)
    g_hash_table_remove (self->by_uuid, uuid);
  g_hash_table_remove (self->rows, &row->rowid);
}

/**
 * _aims_row_cache_lookup:
 *
 * Returns: (nullable) (transfer none): the row's values, one per field of
 *   the table (each nullable), or %NULL if the row has not been read
 */
const char * const *
_aims_row_cache_lookup (AimsRowCache *self,
                        gint64        rowid)
{
  Row *row;

  g_return_val_if_fail (self != NULL, NULL);

  check_change (self);
  row = g_hash_table_lookup (self->rows, &rowid);

  return row != NULL ? (const char * const *) row->values : NULL;
}

/* One statement: up to a page of rowids, none of them cached */
static guint
read_page (AimsRowCache *self,
           const gint64 *rowids,
           guint         n)
{
  sqlite3_stmt *stmt;
  guint n_read = 0;
  int rc;

  g_assert (n <= AIMS_ROW_CACHE_PAGE);

  stmt = _aims_store_prepare (self->store, self->sql, NULL);
  if (stmt == NULL)
    return 0;

  /* Unbound parameters are NULL and match no row */
  for (guint i = 0; i < n; i++)
    sqlite3_bind_int64 (stmt, i + 1, rowids[i]);

  self->n_reads++;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Row *row = g_new (Row, 1);
      const char *uuid;

      row->rowid = sqlite3_column_int64 (stmt, 0);
      row->n_values = self->table->n_fields;
      row->values = g_new0 (char *, row->n_values);
      for (guint i = 0; i < row->n_values; i++)
        row->values[i] = _aims_store_column_text (stmt, i + 1, &self->table->fields[i]);

      g_hash_table_replace (self->rows, &row->rowid, row);
      if ((uuid = row_uuid (self, row)) != NULL)
        g_hash_table_replace (self->by_uuid, (gpointer) uuid, row);
      n_read++;
    }
  _aims_store_release (stmt);

  if (rc != SQLITE_DONE)
    g_warning ("Could not read rows of %s: %s", self->table->name,
               sqlite3_errmsg (_aims_store_get_db (self->store)));

  _aims_record_add_loads (n_read);
  return n_read;
}

/**
 * _aims_row_cache_read:
 * @rowids: rows a list is about to hand out
 *
 * Reads those of @rowids that are not cached, AIMS_ROW_CACHE_PAGE to a
 * statement. Rowids that name no row are left out.
 *
 * Returns: the number of rows read
 */
guint
_aims_row_cache_read (AimsRowCache *self,
                      const gint64 *rowids,
                      guint         n_rowids)
{
  gint64 missing[AIMS_ROW_CACHE_PAGE];
  guint n_missing = 0;
  guint n_read = 0;

  g_return_val_if_fail (self != NULL, 0);

  check_change (self);

  for (guint i = 0; i < n_rowids; i++)
    {
      gboolean repeated = FALSE;

      if (g_hash_table_contains (self->rows, &rowids[i]))
        continue;
      for (guint k = 0; k < n_missing && !repeated; k++)
        repeated = missing[k] == rowids[i];
      if (repeated)
        continue;

      missing[n_missing++] = rowids[i];
      if (n_missing == AIMS_ROW_CACHE_PAGE)
        {
          if (g_hash_table_size (self->rows) + n_missing > MAX_ROWS)
            _aims_row_cache_clear (self);
          n_read += read_page (self, missing, n_missing);
          n_missing = 0;
        }
    }

  if (n_missing > 0)
    {
      if (g_hash_table_size (self->rows) + n_missing > MAX_ROWS)
        _aims_row_cache_clear (self);
      n_read += read_page (self, missing, n_missing);
    }

  return n_read;
}

/* A row changed, was added or deleted */
void
_aims_row_cache_forget (AimsRowCache *self,
                        gint64        rowid)
{
  Row *row;

  g_return_if_fail (self != NULL);

  if ((row = g_hash_table_lookup (self->rows, &rowid)) != NULL)
    remove_row (self, row);
}

/* The row of a record that changed, wherever it was: after a delete, its
 * rowid can no longer be looked up */
void
_aims_row_cache_forget_uuid (AimsRowCache *self,
                             const char   *uuid)
{
  Row *row;

  g_return_if_fail (self != NULL);

  if (uuid != NULL && (row = g_hash_table_lookup (self->by_uuid, uuid)) != NULL)
    remove_row (self, row);
}

/* The rows kept (tests) */
guint
_aims_row_cache_get_size (AimsRowCache *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return g_hash_table_size (self->rows);
}

/* The statements run to read rows (tests and benchmarks) */
guint
_aims_row_cache_get_n_reads (AimsRowCache *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_reads;
}
