/* aims-store-bulk.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aims-store"

#include "config.h"

#include "aims-store-private.h"

#include "aims-assessment-private.h"
#include "aims-finding-private.h"
#include "aims-risks-private.h"
#include "aims-rules-private.h"
#include "aims-sqlite-private.h"

#include <glib/gi18n.h>
#include <string.h>

/*
 * The bulk write path of an import: the same records, rules, change log and
 * undo step as aims_store_insert() and aims_store_update() inside an import
 * group, at a fraction of the cost per row.
 *
 * The general path pays, per row, a savepoint, a read of the matrix, a
 * read-back of the written record to judge it, and a statement built and
 * looked up by its text. Here what the rules need is loaded once (the
 * matrix, the columns' defaults, today's date, the table's references) and a
 * record is judged in memory as the database will make it, before it is
 * written; a row is then one prepared INSERT (or UPDATE) and one row of the
 * change log. There is no savepoint per row: a statement the database
 * refuses (a UNIQUE or FOREIGN KEY constraint) undoes itself, and a refused
 * row makes the importer abort the whole group anyway.
 *
 * Many new rows into a table that holds fewer are added with its plain
 * (not UNIQUE) indexes dropped, and the indexes made again at the end, in
 * the same transaction: building an index over sorted keys costs a third of
 * updating it row by row. A rollback (a refused row, a dry run) puts them
 * back as they were.
 *
 * The log is that of an import in the general path: one "insert" row per new
 * record (undo deletes it, logging every field, so redo restores it) and one
 * "update" row per changed field with the old and new value.
 */

/*
 * The database's CHECK constraints (a choice column's list of values) are
 * off while a bulk is open: every one of them is a "column IN (...)" list,
 * and SQLite builds a small temporary table for such a list each time a
 * statement runs, which was two thirds of the time of an INSERT. The bulk
 * has judged each value against the same lists before it writes it
 * (normalize_value() in aims-store.c; the field descriptors' choices are
 * the CHECK lists, which tests/test-import-bulk.c asserts for every
 * column), so what it writes meets them. NOT NULL, UNIQUE and FOREIGN KEY
 * constraints stay on.
 *
 * Checking and writing a new record are two steps
 * (_aims_store_bulk_check_insert() and _aims_store_bulk_write_insert()) so
 * that an importer can check rows on one thread while it writes the rows
 * already checked on the thread that owns the store. Checking reads only what
 * the bulk loaded when it began, and the references it has handed out.
 */

/* Fewer new rows than this are not worth dropping and making indexes for. */
#define MIN_ROWS_TO_DEFER 1000

/* What the bulk itself puts in a field of a new record. */
typedef enum
{
  ROLE_GIVEN,     /* the caller's value, or the column's default */
  ROLE_UUID,
  ROLE_STAMP,     /* created and modified: when the import began */
  ROLE_AUTHOR,
} FieldRole;

struct _AimsStoreBulk
{
  AimsStore           *store;
  sqlite3             *db;
  const AimsTableInfo *table;
  AimsMatrix          *matrix;
  char                *today;
  GHashTable          *defaults;     /* field → GVariant the database puts in a left-out column */
  GHashTable          *references;   /* reference → uuid, as the table was when the bulk began */
  GHashTable          *added;        /* references of the records added since */
  GHashTable          *inserts;      /* columns key → sqlite3_stmt */
  GHashTable          *updates;      /* columns key → sqlite3_stmt */
  gint64               largest;      /* the largest number of a reference with the prefix */
  gboolean             largest_known;
  GPtrArray           *deferred;     /* CREATE INDEX statements of the dropped indexes */
  char                *group_at;
  char                *author;
  GHashTable          *base;         /* field → what a new record has when not given it */
  GPtrArray           *required;     /* fields with neither a value in base nor NULL allowed */
  GHashTable          *record;       /* the record being checked: base, and the given values */
  gboolean            *base_kept;    /* per field: the base value keeps the field's own rules */
  gboolean            *kept;         /* per field, for the record being checked: the same,
                                      * and the row does not give it */
  GRand               *rand;         /* for UUIDs, without the global generator's lock */
  guint64              uuid_ms;      /* the UUIDs' time: when the bulk began, in ms */
  guint32              uuid_count;   /* the UUIDs' counter, from a random start */
  GVariant            *group_at_value;
  GVariant            *author_value;
  FieldRole           *roles;        /* per field of the table */
  gboolean             has_modified;
  gboolean             has_author;

  /* Guards added, largest and largest_known: an importer may check rows on
   * a worker thread while it writes the rows checked before. */
  GMutex               references_lock;
};

struct _AimsBulkRow
{
  GHashTable *checked;                /* field → normalised value, as given */
  char       *uuid;
};

static gboolean
values_equal (GVariant *a,
              GVariant *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return g_variant_equal (a, b);
}

/* _aims_store_bind_variant() for a value that outlives the statement's step */
static void
bind_static (sqlite3_stmt *stmt,
             int           index,
             GVariant     *value)
{
  if (value != NULL && g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    {
      gsize len;
      const char *text = g_variant_get_string (value, &len);

      sqlite3_bind_text (stmt, index, text, len, SQLITE_STATIC);
    }
  else
    _aims_store_bind_variant (stmt, index, value);
}

static sqlite3_stmt *
prepare_cached (AimsStoreBulk  *self,
                GHashTable     *cache,
                char           *key,
                const char     *sql,
                GError        **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _aims_sqlite_set_error (error, self->db, rc, _("Could not prepare a database query"));
      g_free (key);
      return NULL;
    }

  g_hash_table_insert (cache, key, stmt);
  return stmt;
}

/* The number of a reference made of the table's prefix and up to nine
 * digits ("R-014" → 14), as aims_store_next_reference() counts them; -1 for
 * any other reference. */
static gint64
reference_number (const AimsTableInfo *table,
                  const char          *reference)
{
  gsize prefix_len = strlen (table->reference_prefix);
  const char *digits;
  gsize n_digits;

  if (strncmp (reference, table->reference_prefix, prefix_len) != 0)
    return -1;

  digits = reference + prefix_len;
  n_digits = strlen (digits);
  if (n_digits == 0 || n_digits > 9)
    return -1;

  for (gsize i = 0; i < n_digits; i++)
    if (!g_ascii_isdigit (digits[i]))
      return -1;

  return g_ascii_strtoll (digits, NULL, 10);
}

static void
note_reference (AimsStoreBulk *self,
                const char    *reference)
{
  if (self->table->reference_prefix != NULL && self->largest_known)
    self->largest = MAX (self->largest, reference_number (self->table, reference));
}

static gboolean
load_references (AimsStoreBulk  *self,
                 GError        **error)
{
  g_autofree char *quoted = _aims_sqlite_quote (self->table->name);
  g_autofree char *sql = g_strdup_printf ("SELECT reference, uuid FROM %s", quoted);
  sqlite3_stmt *stmt = _aims_store_prepare (self->store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *reference = (const char *) sqlite3_column_text (stmt, 0);
      const char *uuid = (const char *) sqlite3_column_text (stmt, 1);

      if (reference != NULL && uuid != NULL)
        g_hash_table_replace (self->references, g_strdup (reference), g_strdup (uuid));
    }
  _aims_store_release (stmt);

  if (rc != SQLITE_DONE)
    {
      _aims_sqlite_set_error (error, self->db, rc, _("Could not read the references"));
      return FALSE;
    }

  return TRUE;
}

/* "110100…": which fields of the table a statement writes. */
static char *
columns_key (const AimsTableInfo *table,
             GHashTable          *fields)
{
  char *key = g_malloc (table->n_fields + 1);
  GHashTableIter iter;
  gpointer name;

  memset (key, '0', table->n_fields);
  key[table->n_fields] = '\0';

  /* A record has a few of the table's fields: walk those. */
  g_hash_table_iter_init (&iter, fields);
  while (g_hash_table_iter_next (&iter, &name, NULL))
    {
      const AimsFieldInfo *field = aims_table_info_lookup_field (table, name);

      if (field != NULL)
        key[field - table->fields] = '1';
    }

  return key;
}

/* The INSERT of the general path (insert_record() in aims-store.c): the
 * given fields, plus created, modified and author; the others take the
 * column's default. */
static sqlite3_stmt *
insert_statement (AimsStoreBulk  *self,
                  const char     *key,
                  GError        **error)
{
  const AimsTableInfo *table = self->table;
  g_autofree char *quoted_table = NULL;
  g_autoptr(GString) sql = NULL;
  g_autoptr(GString) params = NULL;
  sqlite3_stmt *stmt;

  if ((stmt = g_hash_table_lookup (self->inserts, key)) != NULL)
    return stmt;

  quoted_table = _aims_sqlite_quote (table->name);
  sql = g_string_new (NULL);
  params = g_string_new ("?");
  g_string_append_printf (sql, "INSERT INTO %s (uuid", quoted_table);

  for (guint i = 0; i < table->n_fields; i++)
    {
      const AimsFieldInfo *field = &table->fields[i];
      g_autofree char *quoted = NULL;

      if (g_str_equal (field->name, "uuid"))
        continue;

      if (key[i] == '0' &&
          !g_str_equal (field->name, "created") &&
          !g_str_equal (field->name, "modified") &&
          !g_str_equal (field->name, "author"))
        continue;

      quoted = _aims_sqlite_quote (field->name);
      g_string_append_printf (sql, ", %s", quoted);
      g_string_append (params, ", ?");
    }

  g_string_append_printf (sql, ") VALUES (%s)", params->str);

  return prepare_cached (self, self->inserts, g_strdup (key), sql->str, error);
}

/* "UPDATE t SET a = ?, b = ?, modified = ?, author = ? WHERE uuid = ?" over
 * the fields of @changed, in the table's order. */
static sqlite3_stmt *
update_statement (AimsStoreBulk  *self,
                  GHashTable     *changed,
                  GError        **error)
{
  const AimsTableInfo *table = self->table;
  g_autofree char *key = columns_key (table, changed);
  g_autofree char *quoted_table = NULL;
  g_autoptr(GString) sql = NULL;
  gboolean first = TRUE;
  sqlite3_stmt *stmt;

  if ((stmt = g_hash_table_lookup (self->updates, key)) != NULL)
    return stmt;

  quoted_table = _aims_sqlite_quote (table->name);
  sql = g_string_new (NULL);
  g_string_append_printf (sql, "UPDATE %s SET ", quoted_table);

  for (guint i = 0; i < table->n_fields; i++)
    {
      g_autofree char *quoted = NULL;

      if (key[i] == '0')
        continue;

      quoted = _aims_sqlite_quote (table->fields[i].name);
      g_string_append_printf (sql, "%s%s = ?", first ? "" : ", ", quoted);
      first = FALSE;
    }

  if (self->has_modified)
    g_string_append (sql, ", modified = ?");
  if (self->has_author)
    g_string_append (sql, ", author = ?");
  g_string_append (sql, " WHERE uuid = ?");

  return prepare_cached (self, self->updates, g_steal_pointer (&key), sql->str, error);
}

/* The rules the general path applies to a record it inserts or changes,
 * besides the ones of aims_store_insert() that ask the database. */
static gboolean
check_rules (AimsStoreBulk  *self,
             GHashTable     *record,
             const char     *involved,
             const gboolean *kept,
             gboolean        is_risk,
             gboolean        scores_given,
             GError        **error)
{
  const AimsTableInfo *table = self->table;

  if (kept != NULL ? !_aims_rules_check_record_kept (table, record, kept, error)
                   : !_aims_rules_check_record (table, record, involved, error))
    return FALSE;

  if (is_risk && !_aims_rules_check_risk (table, record, involved, self->matrix, error))
    return FALSE;

  if (scores_given && _aims_rules_impact_needs_matrix (table, involved) &&
      !_aims_rules_check_impact (table, record, involved, self->matrix, error))
    return FALSE;

  return TRUE;
}

/* The plain indexes of the table: their CREATE INDEX statements. UNIQUE
 * ones stay, as they keep a rule. */
static GPtrArray *
dup_plain_indexes (AimsStoreBulk  *self,
                   GError        **error)
{
  g_autoptr(GPtrArray) indexes = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db,
                           "SELECT sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = ? "
                           "AND sql IS NOT NULL ORDER BY rowid",
                           -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _aims_sqlite_set_error (error, self->db, rc, _("Could not read the project"));
      return NULL;
    }

  sqlite3_bind_text (stmt, 1, self->table->name, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *sql = (const char *) sqlite3_column_text (stmt, 0);

      if (g_str_has_prefix (sql, "CREATE INDEX "))
        g_ptr_array_add (indexes, g_strdup (sql));
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      _aims_sqlite_set_error (error, self->db, rc, _("Could not read the project"));
      return NULL;
    }

  return g_steal_pointer (&indexes);
}

/* "CREATE INDEX risk_title ON …" → "risk_title" */
static char *
index_name (const char *sql)
{
  const char *name = sql + strlen ("CREATE INDEX ");
  const char *end = strchr (name, ' ');

  return end != NULL ? g_strndup (name, end - name) : NULL;
}

static gboolean
defer_indexes (AimsStoreBulk  *self,
               guint           n_rows,
               GError        **error)
{
  g_autoptr(GPtrArray) indexes = NULL;
  g_autofree char *quoted = _aims_sqlite_quote (self->table->name);
  g_autofree char *count_sql = g_strdup_printf ("SELECT count(*) FROM %s", quoted);
  gint64 n_records = 0;

  if (n_rows < MIN_ROWS_TO_DEFER)
    return TRUE;

  if (!_aims_sqlite_query_int (self->db, count_sql, &n_records, error))
    return FALSE;

  if ((gint64) n_rows < n_records)
    return TRUE;

  if ((indexes = dup_plain_indexes (self, error)) == NULL)
    return FALSE;

  for (guint i = 0; i < indexes->len; i++)
    {
      g_autofree char *name = index_name (g_ptr_array_index (indexes, i));
      g_autofree char *quoted_name = NULL;
      g_autofree char *drop = NULL;

      if (name == NULL)
        continue;

      quoted_name = _aims_sqlite_quote (name);
      drop = g_strdup_printf ("DROP INDEX %s", quoted_name);
      if (!_aims_sqlite_exec (self->db, drop, error))
        return FALSE;

      if (self->deferred == NULL)
        self->deferred = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (self->deferred, g_strdup (g_ptr_array_index (indexes, i)));
    }

  return TRUE;
}

/* Makes the indexes dropped by defer_indexes() again; with @if_missing,
 * those the transaction's rollback has not already put back. */
static gboolean
restore_indexes (AimsStoreBulk  *self,
                 gboolean        if_missing,
                 GError        **error)
{
  for (guint i = 0; self->deferred != NULL && i < self->deferred->len; i++)
    {
      const char *sql = g_ptr_array_index (self->deferred, i);
      g_autofree char *create = if_missing
        ? g_strconcat ("CREATE INDEX IF NOT EXISTS ", sql + strlen ("CREATE INDEX "), NULL)
        : g_strdup (sql);

      if (!_aims_sqlite_exec (self->db, create, error))
        return FALSE;
    }

  g_clear_pointer (&self->deferred, g_ptr_array_unref);
  return TRUE;
}

/* Private API */

/*
 * _aims_store_bulk_new:
 * @table: a table of records
 * @n_rows: about how many rows will be written
 *
 * Starts writing records of @table in the open import group
 * (_aims_store_begin_import()). Call _aims_store_bulk_finish() before
 * ending the group, and free it after the group ends (or is aborted).
 *
 * Returns: (transfer full) (nullable): the bulk writer
 */
AimsStoreBulk *
_aims_store_bulk_new (AimsStore   *store,
                      const char  *table,
                      guint        n_rows,
                      GError     **error)
{
  g_autoptr(AimsStoreBulk) self = NULL;
  const AimsTableInfo *info;

  g_return_val_if_fail (AIMS_IS_STORE (store), NULL);
  g_return_val_if_fail (table != NULL, NULL);
  if (!_aims_store_in_import (store))
    {
      g_set_error (error, AIMS_STORE_ERROR, AIMS_STORE_ERROR_FAILED,
                   _("Records can be added in bulk only by an import."));
      return NULL;
    }

  if ((info = _aims_store_lookup_table (store, table, TRUE, error)) == NULL)
    return NULL;

  if (info->kind != AIMS_TABLE_RECORDS)
    {
      g_set_error (error, AIMS_STORE_ERROR, AIMS_STORE_ERROR_UNKNOWN_FIELD,
                   _("A project has exactly one %s; it cannot be added."), _(info->noun));
      return NULL;
    }

  self = g_new0 (AimsStoreBulk, 1);
  self->store = g_object_ref (store);
  self->db = _aims_store_get_db (store);
  self->table = info;
  self->matrix = aims_store_dup_matrix (store);
  self->today = _aims_risks_today ();
  self->references = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->added = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->inserts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) sqlite3_finalize);
  self->updates = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) sqlite3_finalize);
  self->roles = g_new0 (FieldRole, info->n_fields);
  for (guint i = 0; i < info->n_fields; i++)
    {
      const char *name = info->fields[i].name;

      if (g_str_equal (name, "uuid"))
        self->roles[i] = ROLE_UUID;
      else if (g_str_equal (name, "created") || g_str_equal (name, "modified"))
        self->roles[i] = ROLE_STAMP;
      else if (g_str_equal (name, "author"))
        self->roles[i] = ROLE_AUTHOR;
    }
  self->group_at = g_strdup (_aims_store_get_group_at (store));
  self->author = g_strdup (aims_store_get_author (store));
  self->rand = g_rand_new ();
  self->uuid_ms = (guint64) (g_get_real_time () / 1000);
  self->uuid_count = g_rand_int (self->rand) >> 1;
  self->group_at_value = g_variant_ref_sink (g_variant_new_string (self->group_at));
  self->author_value = g_variant_ref_sink (g_variant_new_string (self->author));
  g_mutex_init (&self->references_lock);
  self->has_modified = aims_table_info_lookup_field (info, "modified") != NULL;
  self->has_author = aims_table_info_lookup_field (info, "author") != NULL;

  if ((self->defaults = _aims_rules_dup_defaults (store, info, error)) == NULL)
    return NULL;

  self->base = g_hash_table_new_full (_aims_field_name_hash, g_str_equal, NULL,
                                      (GDestroyNotify) g_variant_unref);
  self->required = g_ptr_array_new ();
  for (guint i = 0; i < info->n_fields; i++)
    {
      const AimsFieldInfo *field = &info->fields[i];
      GVariant *value = NULL;

      if (self->roles[i] == ROLE_UUID)
        continue;
      if (self->roles[i] == ROLE_STAMP)
        value = self->group_at_value;
      else if (self->roles[i] == ROLE_AUTHOR)
        value = self->author_value;
      else
        value = g_hash_table_lookup (self->defaults, field->name);

      if (value != NULL)
        g_hash_table_insert (self->base, (gpointer) field->name, g_variant_ref (value));
      else if (field->flags & AIMS_FIELD_FLAG_NOT_NULL)
        g_ptr_array_add (self->required, (gpointer) field);
    }
  self->record = g_hash_table_new_full (_aims_field_name_hash, g_str_equal, NULL,
                                        (GDestroyNotify) g_variant_unref);
  {
    GHashTableIter iter;
    gpointer key, value;

    g_hash_table_iter_init (&iter, self->base);
    while (g_hash_table_iter_next (&iter, &key, &value))
      g_hash_table_insert (self->record, key, g_variant_ref (value));
  }

  /* The rules of a field by itself hold for its base value in every new
   * record that does not give it: judged once here, not for every row. */
  self->base_kept = g_new0 (gboolean, info->n_fields);
  self->kept = g_new0 (gboolean, info->n_fields);
  for (guint i = 0; i < info->n_fields; i++)
    self->base_kept[i] = self->roles[i] != ROLE_UUID &&
                         _aims_rules_check_field (&info->fields[i], self->record, NULL);

  if (aims_table_info_lookup_field (info, "reference") != NULL && !load_references (self, error))
    return NULL;

  if (!_aims_store_set_checks (store, FALSE, error))
    return NULL;

  if (!defer_indexes (self, n_rows, error))
    {
      /* Those it dropped come back with the group's rollback. */
      return NULL;
    }

  return g_steal_pointer (&self);
}

/*
 * _aims_store_bulk_finish:
 *
 * Makes the indexes the bulk dropped again, in the open group: call it
 * before ending the group. Aborting the group instead needs no call.
 *
 * Returns: %TRUE on success; on failure the group must be aborted
 */
gboolean
_aims_store_bulk_finish (AimsStoreBulk  *self,
                         GError        **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (!restore_indexes (self, FALSE, error))
    return FALSE;

  /* The store knows whether they are off: on again is a no-op if not */
  return _aims_store_set_checks (self->store, TRUE, error);
}

void
_aims_store_bulk_free (AimsStoreBulk *self)
{
  g_autoptr(GError) error = NULL;

  if (self == NULL)
    return;

  /* Never leave a table without its indexes: after a rollback they are
   * back already, after a commit without _aims_store_bulk_finish() they are
   * made now. */
  if (self->deferred != NULL && self->db != NULL && !restore_indexes (self, TRUE, &error))
    g_critical ("Could not make the indexes of %s again: %s", self->table->name, error->message);
  g_clear_error (&error);
  if (self->store != NULL && !_aims_store_set_checks (self->store, TRUE, &error))
    g_critical ("Could not turn the CHECK constraints on again: %s", error->message);

  g_clear_pointer (&self->inserts, g_hash_table_unref);
  g_clear_pointer (&self->updates, g_hash_table_unref);
  g_clear_pointer (&self->defaults, g_hash_table_unref);
  g_clear_pointer (&self->references, g_hash_table_unref);
  g_clear_pointer (&self->added, g_hash_table_unref);
  g_clear_pointer (&self->deferred, g_ptr_array_unref);
  g_clear_object (&self->matrix);
  g_clear_object (&self->store);
  g_mutex_clear (&self->references_lock);
  g_free (self->group_at);
  g_free (self->author);
  g_free (self->roles);
  g_free (self->base_kept);
  g_free (self->kept);
  g_clear_pointer (&self->group_at_value, g_variant_unref);
  g_clear_pointer (&self->record, g_hash_table_unref);
  g_clear_pointer (&self->base, g_hash_table_unref);
  g_clear_pointer (&self->required, g_ptr_array_unref);
  g_clear_pointer (&self->rand, g_rand_free);
  g_clear_pointer (&self->author_value, g_variant_unref);
  g_free (self->today);
  g_free (self);
}

/* The UUID of the record that had @reference when the bulk began, or NULL:
 * records the bulk added are not matched. */
const char *
_aims_store_bulk_lookup_reference (AimsStoreBulk *self,
                                   const char    *reference)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (reference != NULL, NULL);

  return g_hash_table_lookup (self->references, reference);
}

/* aims_store_next_reference() for the table as the bulk has left it,
 * without a query. */
static char *next_reference_locked (AimsStoreBulk *self);

char *
_aims_store_bulk_next_reference (AimsStoreBulk *self)
{
  const AimsTableInfo *table;
  char *reference;

  g_return_val_if_fail (self != NULL, NULL);

  table = self->table;
  if (table->reference_prefix == NULL)
    return NULL;

  g_mutex_lock (&self->references_lock);
  reference = next_reference_locked (self);
  g_mutex_unlock (&self->references_lock);

  return reference;
}

static char *
next_reference_locked (AimsStoreBulk *self)
{
  const AimsTableInfo *table = self->table;

  if (!self->largest_known)
    {
      GHashTableIter iter;
      gpointer key;

      self->largest = 0;
      g_hash_table_iter_init (&iter, self->references);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        self->largest = MAX (self->largest, reference_number (table, key));
      g_hash_table_iter_init (&iter, self->added);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        self->largest = MAX (self->largest, reference_number (table, key));
      self->largest_known = TRUE;
    }

  /* "R-14" and "R-014" are different references with the same number. */
  for (guint i = 1; i <= 1000; i++)
    {
      char *reference = g_strdup_printf ("%s%03" G_GINT64_FORMAT, table->reference_prefix,
                                         self->largest + i);

      if (!g_hash_table_contains (self->references, reference) &&
          !g_hash_table_contains (self->added, reference))
        return reference;
      g_free (reference);
    }

  {
    g_autofree char *random = g_uuid_string_random ();

    return g_strconcat (table->reference_prefix, random, NULL);
  }
}

/* A time-ordered (version 7, RFC 9562) UUID for the next new record: the
 * bulk's start in ms, a counter of 32 bits from a random start, and 42
 * random bits, all from the bulk's own generator (the global one takes a
 * lock for every number).
 *
 * Why not random (version 4) as the general path makes them: each new
 * record's UUID goes into two indexes, the table's key and the change
 * log's record_uuid. Random keys land all over those B-trees, and an import
 * of 100,000 risks spent half of SQLite's time on them; keys in the order
 * of the rows are appended. Rows are checked in order on one thread, so the
 * counter follows the file. */
static char *
next_uuid (AimsStoreBulk *self)
{
  static const char hex[] = "0123456789abcdef";
  guint32 count = self->uuid_count++;
  guint32 r1 = g_rand_int (self->rand);
  guint32 r2 = g_rand_int (self->rand);
  guint8 bytes[16];
  char *uuid = g_malloc (37);
  guint n = 0;

  for (guint i = 0; i < 6; i++)
    bytes[i] = (self->uuid_ms >> (40 - 8 * i)) & 0xff;
  bytes[6] = 0x70 | ((count >> 28) & 0x0f);          /* version 7 */
  bytes[7] = (count >> 20) & 0xff;
  bytes[8] = 0x80 | ((count >> 14) & 0x3f);          /* RFC 9562 variant */
  bytes[9] = (count >> 6) & 0xff;
  bytes[10] = ((count & 0x3f) << 2) | (r1 & 0x03);
  bytes[11] = (r1 >> 8) & 0xff;
  bytes[12] = (r1 >> 16) & 0xff;
  bytes[13] = (r1 >> 24) & 0xff;
  bytes[14] = r2 & 0xff;
  bytes[15] = (r2 >> 8) & 0xff;

  for (guint i = 0; i < 16; i++)
    {
      if (i == 4 || i == 6 || i == 8 || i == 10)
        uuid[n++] = '-';
      uuid[n++] = hex[bytes[i] >> 4];
      uuid[n++] = hex[bytes[i] & 0x0f];
    }
  uuid[n] = '\0';

  return uuid;
}

void
_aims_store_bulk_row_free (AimsBulkRow *row)
{
  if (row == NULL)
    return;

  g_clear_pointer (&row->checked, g_hash_table_unref);
  g_free (row->uuid);
  g_free (row);
}

/*
 * _aims_store_bulk_check_insert:
 * @values: (element-type utf8 GVariant): field name → value, as for
 *   aims_store_insert()
 *
 * The checks of aims_store_insert() in an import group, with the same
 * errors, on the record @values would add: each value known and normalised,
 * the rules over the record as the database will make it. The reference it
 * takes counts as given from now on (for _aims_store_bulk_next_reference()).
 *
 * May run on another thread than the one that owns the store, one thread at
 * a time.
 *
 * Returns: (transfer full) (nullable): the checked record, for
 *   _aims_store_bulk_write_insert()
 */
AimsBulkRow *
_aims_store_bulk_check_insert (AimsStoreBulk  *self,
                               GHashTable     *values,
                               GError        **error)
{
  const AimsTableInfo *table;
  g_autoptr(GHashTable) checked = NULL;
  GHashTable *record;
  GHashTableIter iter;
  gpointer key, value;
  g_autofree char *uuid = NULL;
  gboolean ok;
  AimsBulkRow *row;
  gboolean is_risk;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (values != NULL, NULL);

  table = self->table;
  is_risk = _aims_risks_is_risk_table (table);
  if ((checked = _aims_store_check_new_values (table, values, &uuid, error)) == NULL)
    return NULL;

  if (is_risk)
    _aims_risks_derive (self->matrix, checked, values, AIMS_RISK_DERIVE_INSERT, self->today);

  if (uuid == NULL)
    uuid = next_uuid (self);

  for (guint i = 0; i < self->required->len; i++)
    {
      const AimsFieldInfo *field = g_ptr_array_index (self->required, i);

      if (!g_hash_table_contains (checked, field->name))
        {
          /* As the database refuses it, and says it */
          g_set_error (error, AIMS_STORE_ERROR, AIMS_STORE_ERROR_INVALID_VALUE,
                       _("“%s” must have a value."), _(field->label));
          return NULL;
        }
    }

  /* The record as the database will make it: the general path reads it back
   * after the insert and judges that. It is the base with the given values
   * over it, and goes back to the base after: one table serves every row. */
  record = self->record;
  memcpy (self->kept, self->base_kept, sizeof (gboolean) * table->n_fields);
  g_hash_table_replace (record, (gpointer) "uuid",
                        g_variant_ref_sink (g_variant_new_string (uuid)));
  g_hash_table_iter_init (&iter, checked);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const AimsFieldInfo *field = aims_table_info_lookup_field (table, key);

      if (field != NULL)
        self->kept[field - table->fields] = FALSE;
      g_hash_table_replace (record, key, g_variant_ref (value));
    }

  ok = check_rules (self, record, NULL, self->kept, is_risk,
                    g_hash_table_contains (checked, "severity") ||
                    g_hash_table_contains (checked, "likelihood"),
                    error);

  g_hash_table_iter_init (&iter, checked);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      GVariant *base = g_hash_table_lookup (self->base, key);

      if (base != NULL)
        g_hash_table_replace (record, key, g_variant_ref (base));
      else
        g_hash_table_remove (record, key);
    }

  if (!ok)
    return NULL;

  {
    GVariant *reference = g_hash_table_lookup (checked, "reference");

    if (reference != NULL && g_variant_classify (reference) == G_VARIANT_CLASS_STRING)
      {
        const char *text = g_variant_get_string (reference, NULL);

        g_mutex_lock (&self->references_lock);
        note_reference (self, text);
        g_hash_table_add (self->added, g_strdup (text));
        g_mutex_unlock (&self->references_lock);
      }
  }

  row = g_new0 (AimsBulkRow, 1);
  row->checked = g_steal_pointer (&checked);
  row->uuid = g_steal_pointer (&uuid);
  return row;
}

/*
 * _aims_store_bulk_write_insert:
 * @row: a record _aims_store_bulk_check_insert() checked
 *
 * Adds the record, on the thread that owns the store, and logs it as
 * aims_store_insert() does in an import group. What only the database can
 * judge (a link to a record that does not exist) fails here.
 *
 * Returns: (transfer none) (nullable): the new record's UUID, held by @row
 */
const char *
_aims_store_bulk_write_insert (AimsStoreBulk  *self,
                               AimsBulkRow    *row,
                               GError        **error)
{
  const AimsTableInfo *table;
  g_autofree char *key = NULL;
  sqlite3_stmt *stmt;
  int index = 1;
  int rc;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (row != NULL, NULL);

  if (!_aims_store_in_import (self->store))
    {
      g_set_error (error, AIMS_STORE_ERROR, AIMS_STORE_ERROR_FAILED,
                   _("The import has ended; nothing more can be added to it."));
      return NULL;
    }

  table = self->table;
  key = columns_key (table, row->checked);
  if ((stmt = insert_statement (self, key, error)) == NULL)
    return NULL;

  /* Every parameter is bound each time, so none needs clearing; the row
   * outlives the step, so its texts need no copy. */
  sqlite3_bind_text (stmt, index++, row->uuid, -1, SQLITE_STATIC);
  for (guint i = 0; i < table->n_fields; i++)
    {
      if (self->roles[i] == ROLE_UUID)
        continue;

      if (key[i] == '1')
        bind_static (stmt, index++, g_hash_table_lookup (row->checked, table->fields[i].name));
      else if (self->roles[i] == ROLE_AUTHOR)
        sqlite3_bind_text (stmt, index++, self->author, -1, SQLITE_STATIC);
      else if (self->roles[i] == ROLE_STAMP)
        sqlite3_bind_text (stmt, index++, self->group_at, -1, SQLITE_STATIC);
    }

  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      g_autofree char *what = g_strdup_printf (_("Could not add the %s"), _(table->noun));

      _aims_store_set_step_error (self->store, error, rc, what);
      return NULL;
    }

  if (!_aims_store_log_import (self->store, table->name, row->uuid, error))
    return NULL;

  return row->uuid;
}

/*
 * _aims_store_bulk_update:
 * @uuid: the record
 * @record: (element-type utf8 GVariant): the record as it is, from
 *   _aims_store_dup_record()
 * @changes: (element-type utf8 GVariant): field name → new value
 *
 * Changes fields of a record as _aims_store_update_fields() does in an
 * import group: the rules judge the record as all the changes leave it, a
 * risk's derived fields follow, and each changed field is logged with its
 * old and new value. Fields set to what they hold change nothing.
 *
 * Returns: %TRUE on success
 */
gboolean
_aims_store_bulk_update (AimsStoreBulk  *self,
                         const char     *uuid,
                         GHashTable     *record,
                         GHashTable     *changes,
                         GError        **error)
{
  const AimsTableInfo *table;
  g_autoptr(GHashTable) updated = NULL;
  g_autoptr(GHashTable) given = NULL;
  g_autoptr(GHashTable) changed = NULL;
  g_autoptr(GPtrArray) order = NULL;
  const AimsFieldInfo *first = NULL;
  const char *involved = NULL;
  GHashTableIter iter;
  gpointer key, value;
  sqlite3_stmt *stmt;
  gboolean is_risk;
  int index = 1;
  int rc;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);
  g_return_val_if_fail (record != NULL, FALSE);
  g_return_val_if_fail (changes != NULL, FALSE);

  if (!_aims_store_in_import (self->store))
    {
      g_set_error (error, AIMS_STORE_ERROR, AIMS_STORE_ERROR_FAILED,
                   _("The import has ended; nothing more can be changed by it."));
      return FALSE;
    }

  table = self->table;
  is_risk = _aims_risks_is_risk_table (table);

  updated = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                   (GDestroyNotify) g_variant_unref);
  g_hash_table_iter_init (&iter, record);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (updated, key, g_variant_ref (value));

  given = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_iter_init (&iter, changes);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const AimsFieldInfo *field;
      GVariant *normalized = NULL;

      if ((field = _aims_store_lookup_field (table, key, TRUE, error)) == NULL ||
          !_aims_store_normalize_value (table, field, value, &normalized, error))
        return FALSE;

      if (g_hash_table_size (changes) == 1)
        involved = field->name;

      /* Setting a field to what it holds changes nothing, so breaks no rule. */
      if (values_equal (g_hash_table_lookup (record, field->name), normalized))
        {
          g_clear_pointer (&normalized, g_variant_unref);
          continue;
        }

      g_hash_table_add (given, (gpointer) field->name);
      if (normalized != NULL)
        g_hash_table_replace (updated, (gpointer) field->name, normalized);
      else
        g_hash_table_remove (updated, field->name);
    }

  if (g_hash_table_size (given) == 0)
    return TRUE;

  if (is_risk)
    _aims_risks_derive (self->matrix, updated, given, AIMS_RISK_DERIVE_EDIT, self->today);

  if (!check_rules (self, updated, involved, NULL, is_risk,
                    _aims_rules_impact_needs_matrix (table, involved), error))
    return FALSE;

  /* The checks of the general path that read other records: tables of
   * other records than an import's registers, kept for the same answer. */
  if (g_str_equal (table->name, "impact_assessment") && g_hash_table_contains (given, "status"))
    {
      GVariant *status = g_hash_table_lookup (updated, "status");

      if (!_aims_assessment_check_status (self->store, uuid,
                                          status != NULL ? g_variant_get_string (status, NULL)
                                                         : NULL,
                                          error))
        return FALSE;
    }
  if (g_str_equal (table->name, "finding") && g_hash_table_contains (given, "status") &&
      !_aims_finding_check_record (self->store, uuid, updated, error))
    return FALSE;

  /* What differs from the record as it is: the given fields, then the
   * derived ones, logged in that order as the general path logs them. */
  changed = g_hash_table_new (g_str_hash, g_str_equal);
  order = g_ptr_array_new ();
  for (guint i = 0; i < table->n_fields; i++)
    {
      const AimsFieldInfo *field = &table->fields[i];

      if (g_hash_table_contains (given, field->name))
        {
          g_hash_table_add (changed, (gpointer) field->name);
          g_ptr_array_add (order, (gpointer) field);
        }
    }
  for (const char * const *name = _aims_risks_derived_fields (); is_risk && *name; name++)
    {
      const AimsFieldInfo *field = aims_table_info_lookup_field (table, *name);

      if (field == NULL || g_hash_table_contains (changed, field->name) ||
          values_equal (g_hash_table_lookup (record, field->name),
                        g_hash_table_lookup (updated, field->name)))
        continue;

      g_hash_table_add (changed, (gpointer) field->name);
      g_ptr_array_add (order, (gpointer) field);
    }

  if ((stmt = update_statement (self, changed, error)) == NULL)
    return FALSE;

  for (guint i = 0; i < table->n_fields; i++)
    {
      const AimsFieldInfo *field = &table->fields[i];

      if (!g_hash_table_contains (changed, field->name))
        continue;
      if (first == NULL)
        first = field;
      _aims_store_bind_variant (stmt, index++, g_hash_table_lookup (updated, field->name));
    }
  if (self->has_modified)
    sqlite3_bind_text (stmt, index++, self->group_at, -1, SQLITE_STATIC);
  if (self->has_author)
    sqlite3_bind_text (stmt, index++, self->author, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, index, uuid, -1, SQLITE_STATIC);

  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    {
      g_autofree char *what = g_strdup_printf (_("Could not change “%s”"), _(first->label));

      _aims_store_set_step_error (self->store, error, rc, what);
      return FALSE;
    }

  if (sqlite3_changes (self->db) == 0)
    {
      g_autofree char *shown = _aims_text_for_message (uuid, -1);

      g_set_error (error, AIMS_STORE_ERROR, AIMS_STORE_ERROR_NOT_FOUND,
                   _("There is no %s with the identifier “%s”; it may have been deleted."),
                   _(table->noun), shown);
      return FALSE;
    }

  for (guint i = 0; i < order->len; i++)
    {
      const AimsFieldInfo *field = g_ptr_array_index (order, i);

      if (!_aims_store_log_update (self->store, table->name, uuid, field->name,
                                   g_hash_table_lookup (record, field->name),
                                   g_hash_table_lookup (updated, field->name), error))
        return FALSE;
    }

  if (g_hash_table_contains (changed, "reference"))
    {
      GVariant *reference = g_hash_table_lookup (updated, "reference");

      if (reference != NULL)
        {
          g_mutex_lock (&self->references_lock);
          note_reference (self, g_variant_get_string (reference, NULL));
          g_hash_table_add (self->added, g_strdup (g_variant_get_string (reference, NULL)));
          g_mutex_unlock (&self->references_lock);
        }
    }

  return TRUE;
}
