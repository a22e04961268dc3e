/* aims-natural-order.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aims-natural-order"

#include "config.h"

#include "aims-natural-order-private.h"

#include "aims-sqlite-private.h"
#include "aims-store-private.h"

#include <string.h>

/*
 * The natural order of a table's references (SYS-9 before SYS-10 before
 * SYS-10000), held in memory for the working copy: every list of records
 * shows this order, alone or after the column it is sorted by.
 *
 * SQL can compute that order, but only from the reference, which sits in the
 * table's rows: a register narrowed to one heatmap cell then reads every
 * matching row of a 100,000-risk table (the cell's own index has no
 * reference) only to sort it. Here the references are read once, through
 * their UNIQUE index, sorted once, and kept as a position per rowid. A list
 * then asks SQL for the matching rowids alone and puts them in order here,
 * or lets SQL sort by a column and break ties with aims_natural_rank(), a
 * function of this connection that answers from the same positions.
 *
 * One order per store and table, shared by every list. It follows the
 * store's changes one record at a time (a reference typed, a record added);
 * a change of many records drops it, and it is read again when next needed.
 * A deleted row's entry may stay behind: no query yields that rowid, and a
 * new row that takes it over is placed by its own reference.
 *
 * The order is exactly the one the lists used in SQL before:
 *
 *   rtrim(reference, '0123456789') COLLATE NOCASE,
 *   CAST(<the trailing digits> AS INTEGER), reference, rowid
 */

#define RANK_FUNCTION "aims_natural_rank"
#define POINTER_TYPE "aims-natural-order"
#define UNKNOWN G_MAXUINT32

/* Rowids up to this many times the number of rows (plus some slack) are
 * looked up in an array; any others in a hash table. */
#define DENSE_FACTOR 8
#define DENSE_SLACK 65536

typedef struct
{
  gint64      rowid;
  const char *reference;   /* in strings */
  gint64      number;      /* the trailing digits as SQLite casts them */
  guint       prefix_len;  /* the length without the trailing digits */
} Entry;

struct _AimsNaturalOrder
{
  AimsStore           *store;       /* not owned: the store owns the order */
  const AimsTableInfo *table;

  GArray              *entries;     /* Entry, in order; NULL: to be read */
  GStringChunk        *strings;
  guint32             *dense;       /* rowid → position, UNKNOWN if none */
  gsize                dense_len;
  GHashTable          *sparse;      /* other rowids → position */

  guint                n_builds;
  gboolean             missed;      /* the rank function met a rowid it had no position for */
};

typedef struct
{
  AimsStore  *store;
  sqlite3    *db_with_function;
  GHashTable *orders;    /* table name → AimsNaturalOrder */
} Registry;

static const char registry_key[] = "aims-natural-orders";

/* Comparing */

static inline guchar
fold (guchar c)
{
  return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

static void
split_reference (const char *reference,
                 guint      *prefix_len,
                 gint64     *number)
{
  gsize len = strlen (reference);
  gsize start = len;
  gint64 value = 0;

  while (start > 0 && g_ascii_isdigit (reference[start - 1]))
    start--;

  /* CAST('' AS INTEGER) is 0, and a number too large for 64 bits is the
   * largest one */
  for (gsize i = start; i < len; i++)
    {
      int digit = reference[i] - '0';

      if (value > (G_MAXINT64 - digit) / 10)
        {
          value = G_MAXINT64;
          break;
        }
      value = value * 10 + digit;
    }

  *prefix_len = (guint) start;
  *number = value;
}

/* As SQLite's NOCASE collation: ASCII letters folded, bytes compared, then
 * the shorter first */
static int
compare_prefixes (const char *a,
                  guint       a_len,
                  const char *b,
                  guint       b_len)
{
  guint n = MIN (a_len, b_len);

  for (guint i = 0; i < n; i++)
    {
      guchar ca = fold ((guchar) a[i]);
      guchar cb = fold ((guchar) b[i]);

      if (ca != cb)
        return (int) ca - (int) cb;
    }

  return a_len < b_len ? -1 : a_len > b_len ? 1 : 0;
}

static int
compare_entries (const Entry *a,
                 const Entry *b)
{
  int order = compare_prefixes (a->reference, a->prefix_len, b->reference, b->prefix_len);

  if (order != 0)
    return order;
  if (a->number != b->number)
    return a->number < b->number ? -1 : 1;

  order = strcmp (a->reference, b->reference);
  if (order != 0)
    return order;

  return a->rowid < b->rowid ? -1 : a->rowid > b->rowid ? 1 : 0;
}

static int
compare_entries_cb (gconstpointer a,
                    gconstpointer b)
{
  return compare_entries (a, b);
}

/* Positions by rowid */

static guint32
lookup_position (AimsNaturalOrder *self,
                 gint64            rowid)
{
  gpointer value;

  if (rowid >= 0 && (guint64) rowid < self->dense_len)
    return self->dense[rowid];

  if (self->sparse != NULL && g_hash_table_lookup_extended (self->sparse, &rowid, NULL, &value))
    return GPOINTER_TO_UINT (value);

  return UNKNOWN;
}

static void
set_position (AimsNaturalOrder *self,
              gint64            rowid,
              guint32           position)
{
  gsize limit = (gsize) DENSE_FACTOR * self->entries->len + DENSE_SLACK;

  if (rowid >= 0 && (guint64) rowid >= self->dense_len && (guint64) rowid < limit)
    {
      gsize len = MIN (limit, MAX ((gsize) rowid + 1, self->dense_len * 2));

      self->dense = g_renew (guint32, self->dense, len);
      memset (self->dense + self->dense_len, 0xff, (len - self->dense_len) * sizeof (guint32));
      self->dense_len = len;
    }

  if (rowid >= 0 && (guint64) rowid < self->dense_len)
    {
      self->dense[rowid] = position;
      return;
    }

  if (self->sparse == NULL)
    self->sparse = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_hash_table_replace (self->sparse, g_memdup2 (&rowid, sizeof rowid), GUINT_TO_POINTER (position));
}

static void
unset_position (AimsNaturalOrder *self,
                gint64            rowid)
{
  if (rowid >= 0 && (guint64) rowid < self->dense_len)
    self->dense[rowid] = UNKNOWN;
  else if (self->sparse != NULL)
    g_hash_table_remove (self->sparse, &rowid);
}

/* Positions from @from on moved: write them again */
static void
renumber (AimsNaturalOrder *self,
          guint             from)
{
  for (guint i = from; i < self->entries->len; i++)
    set_position (self, g_array_index (self->entries, Entry, i).rowid, i);
}

/* Reading */

static void
drop (AimsNaturalOrder *self)
{
  g_clear_pointer (&self->entries, g_array_unref);
  g_clear_pointer (&self->strings, g_string_chunk_free);
  g_clear_pointer (&self->dense, g_free);
  g_clear_pointer (&self->sparse, g_hash_table_unref);
  self->dense_len = 0;
}

static gboolean
build (AimsNaturalOrder *self)
{
  g_autofree char *quoted = _aims_sqlite_quote (self->table->name);
  g_autofree char *sql = NULL;
  gboolean sorted = TRUE;
  sqlite3_stmt *stmt;
  int rc;

  drop (self);

  /* The UNIQUE index on reference holds both columns: this reads no row */
  sql = g_strdup_printf ("SELECT rowid, reference FROM %s ORDER BY reference", quoted);
  stmt = _aims_store_prepare (self->store, sql, NULL);
  if (stmt == NULL)
    return FALSE;

  self->entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  self->strings = g_string_chunk_new (16 * 1024);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *text = (const char *) sqlite3_column_text (stmt, 1);
      Entry entry;

      entry.rowid = sqlite3_column_int64 (stmt, 0);
      entry.reference = g_string_chunk_insert (self->strings, text != NULL ? text : "");
      split_reference (entry.reference, &entry.prefix_len, &entry.number);
      if (sorted && self->entries->len > 0 &&
          compare_entries (&g_array_index (self->entries, Entry, self->entries->len - 1),
                           &entry) > 0)
        sorted = FALSE;
      g_array_append_val (self->entries, entry);
    }
  _aims_store_release (stmt);

  if (rc != SQLITE_DONE)
    {
      g_warning ("Could not read the references of %s: %s", self->table->name,
                 sqlite3_errmsg (_aims_store_get_db (self->store)));
      drop (self);
      return FALSE;
    }

  /* References of one width come in order already */
  if (!sorted)
    g_array_sort (self->entries, compare_entries_cb);

  renumber (self, 0);
  self->n_builds++;

  return TRUE;
}

static gboolean
ensure_built (AimsNaturalOrder *self)
{
  return self->entries != NULL || build (self);
}

/* Binary search: where @entry belongs */
static guint
find_place (AimsNaturalOrder *self,
            const Entry      *entry)
{
  guint low = 0, high = self->entries->len;

  while (low < high)
    {
      guint mid = low + (high - low) / 2;

      if (compare_entries (&g_array_index (self->entries, Entry, mid), entry) < 0)
        low = mid + 1;
      else
        high = mid;
    }

  return low;
}

/* The SQL function */

static void
rank_function (sqlite3_context  *context,
               int               argc,
               sqlite3_value   **argv)
{
  AimsNaturalOrder *self = sqlite3_value_pointer (argv[0], POINTER_TYPE);
  guint32 position;

  if (self == NULL || self->entries == NULL)
    {
      sqlite3_result_null (context);
      return;
    }

  position = lookup_position (self, sqlite3_value_int64 (argv[1]));
  if (position == UNKNOWN)
    {
      self->missed = TRUE;
      sqlite3_result_null (context);
      return;
    }

  sqlite3_result_int64 (context, position);
}

/* The registry, one per store */

static void
order_free (gpointer data)
{
  AimsNaturalOrder *self = data;

  drop (self);
  g_free (self);
}

static void
registry_free (gpointer data)
{
  Registry *registry = data;

  g_clear_pointer (&registry->orders, g_hash_table_unref);
  g_free (registry);
}

static void
on_store_changed_cb (AimsStore  *store,
                     const char *table,
                     const char *uuid,
                     Registry   *registry)
{
  AimsNaturalOrder *self = g_hash_table_lookup (registry->orders, table);

  if (self != NULL)
    _aims_natural_order_note (self, uuid);
}

/**
 * _aims_natural_compare:
 *
 * Compares two references in natural order: the text before the trailing
 * number ignoring the case of ASCII letters, then the number, then the
 * references byte for byte.
 *
 * Returns: negative, 0 or positive, as strcmp()
 */
int
_aims_natural_compare (const char *a,
                       const char *b)
{
  Entry ea = { 0, a, 0, 0 };
  Entry eb = { 0, b, 0, 0 };

  g_return_val_if_fail (a != NULL && b != NULL, 0);

  split_reference (a, &ea.prefix_len, &ea.number);
  split_reference (b, &eb.prefix_len, &eb.number);

  return compare_entries (&ea, &eb);
}

/**
 * _aims_natural_order_get:
 * @store: the store
 * @table: one of its tables of records
 *
 * Returns: (transfer none) (nullable): the natural order of @table's
 *   references, owned by @store; %NULL if @table has no reference
 */
AimsNaturalOrder *
_aims_natural_order_get (AimsStore           *store,
                         const AimsTableInfo *table)
{
  Registry *registry;
  AimsNaturalOrder *self;

  g_return_val_if_fail (AIMS_IS_STORE (store), NULL);
  g_return_val_if_fail (table != NULL, NULL);

  if (aims_table_info_lookup_field (table, "reference") == NULL)
    return NULL;

  registry = g_object_get_data (G_OBJECT (store), registry_key);
  if (registry == NULL)
    {
      registry = g_new0 (Registry, 1);
      registry->store = store;
      registry->orders = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, order_free);
      g_object_set_data_full (G_OBJECT (store), registry_key, registry, registry_free);
      g_signal_connect (store, "changed", G_CALLBACK (on_store_changed_cb), registry);
    }

  self = g_hash_table_lookup (registry->orders, table->name);
  if (self == NULL)
    {
      self = g_new0 (AimsNaturalOrder, 1);
      self->store = store;
      self->table = table;
      g_hash_table_insert (registry->orders, (gpointer) table->name, self);
    }

  return self;
}

/**
 * _aims_natural_order_note:
 * @uuid: (nullable): the record that changed, or %NULL for any number
 *
 * Follows a change of the store. Safe to call more than once for one
 * change: lists call it before they query, whatever the order in which the
 * store's handlers run.
 */
void
_aims_natural_order_note (AimsNaturalOrder *self,
                          const char       *uuid)
{
  g_autofree char *quoted = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  Entry entry = { 0, NULL, 0, 0 };
  const char *reference = NULL;
  guint32 position = UNKNOWN;
  guint place;
  gboolean changed = FALSE;

  g_return_if_fail (self != NULL);

  /* Nothing read, nothing to keep */
  if (self->entries == NULL)
    return;

  if (uuid == NULL)
    {
      drop (self);
      return;
    }

  quoted = _aims_sqlite_quote (self->table->name);
  sql = g_strdup_printf ("SELECT rowid, reference FROM %s WHERE uuid = ?", quoted);
  stmt = _aims_store_prepare (self->store, sql, NULL);
  if (stmt == NULL)
    {
      drop (self);
      return;
    }

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      entry.rowid = sqlite3_column_int64 (stmt, 0);
      reference = (const char *) sqlite3_column_text (stmt, 1);
      if (reference == NULL)
        reference = "";
      position = lookup_position (self, entry.rowid);
      changed = position == UNKNOWN ||
                strcmp (g_array_index (self->entries, Entry, position).reference, reference) != 0;
      if (changed)
        entry.reference = g_string_chunk_insert (self->strings, reference);
    }
  _aims_store_release (stmt);

  /* The same reference (most edits), or a deleted record: its entry stays
   * until a new row takes its rowid */
  if (!changed)
    return;

  split_reference (entry.reference, &entry.prefix_len, &entry.number);

  if (position != UNKNOWN)
    {
      g_array_remove_index (self->entries, position);
      unset_position (self, entry.rowid);
    }

  place = find_place (self, &entry);
  g_array_insert_val (self->entries, place, entry);
  renumber (self, position != UNKNOWN ? MIN (place, position) : place);
}

/**
 * _aims_natural_order_arrange:
 * @rowids: (element-type gint64): rowids of the table, each once
 *
 * Puts @rowids in natural order of their references, or the reverse.
 *
 * Returns: %FALSE if the references could not be read (a closed project)
 */
gboolean
_aims_natural_order_arrange (AimsNaturalOrder *self,
                             GArray           *rowids,
                             gboolean          descending)
{
  g_autofree guint8 *marks = NULL;
  gboolean rebuilt = FALSE;
  guint n = 0;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (rowids != NULL, FALSE);

  if (!ensure_built (self))
    return FALSE;

  if (rowids->len < 2)
    return TRUE;

again:
  g_clear_pointer (&marks, g_free);
  marks = g_new0 (guint8, self->entries->len);

  for (guint i = 0; i < rowids->len; i++)
    {
      guint32 position = lookup_position (self, g_array_index (rowids, gint64, i));

      /* A row the order has not seen (changed behind the store's back):
       * read the order again, once */
      if (position == UNKNOWN)
        {
          if (rebuilt || !build (self))
            return FALSE;
          rebuilt = TRUE;
          goto again;
        }
      marks[position] = 1;
    }

  /* Walking the whole order costs less than sorting even a tenth of it */
  for (guint k = 0; k < self->entries->len; k++)
    {
      guint i = descending ? self->entries->len - 1 - k : k;

      if (marks[i])
        g_array_index (rowids, gint64, n++) = g_array_index (self->entries, Entry, i).rowid;
    }
  g_assert (n == rowids->len);

  return TRUE;
}

/**
 * _aims_natural_order_prepare_rank:
 *
 * Makes `aims_natural_rank(?, rowid)` usable in a query of the store's
 * connection: the position of the row in natural order. Bind the order to
 * the first argument with _aims_natural_order_bind_rank(); after the query,
 * _aims_natural_order_rank_missed() says whether a row had no position.
 *
 * Returns: %FALSE if the order could not be read
 */
gboolean
_aims_natural_order_prepare_rank (AimsNaturalOrder *self)
{
  Registry *registry;
  sqlite3 *db;

  g_return_val_if_fail (self != NULL, FALSE);

  if (!ensure_built (self))
    return FALSE;

  registry = g_object_get_data (G_OBJECT (self->store), registry_key);
  db = _aims_store_get_db (self->store);
  if (db == NULL)
    return FALSE;

  /* Direct only: a view or trigger in a file cannot reach it */
  if (registry->db_with_function != db)
    {
      if (sqlite3_create_function_v2 (db, RANK_FUNCTION, 2, SQLITE_UTF8 | SQLITE_DIRECTONLY,
                                      NULL, rank_function, NULL, NULL, NULL) != SQLITE_OK)
        return FALSE;
      registry->db_with_function = db;
    }

  self->missed = FALSE;
  return TRUE;
}

void
_aims_natural_order_bind_rank (AimsNaturalOrder *self,
                               sqlite3_stmt     *stmt,
                               int               index)
{
  g_return_if_fail (self != NULL);

  sqlite3_bind_pointer (stmt, index, self, POINTER_TYPE, NULL);
}

/* Whether the last query met a row the order had no position for; the order
 * is then dropped, to be read again */
gboolean
_aims_natural_order_rank_missed (AimsNaturalOrder *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (!self->missed)
    return FALSE;

  self->missed = FALSE;
  drop (self);
  return TRUE;
}

/* How many times the order was read whole: what tests of following changes
 * one at a time look at */
guint
_aims_natural_order_get_n_builds (AimsNaturalOrder *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_builds;
}
