/* aims-record.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aims-record"

#include "config.h"

#include "aims-record-private.h"

#include "aims-sqlite-private.h"
#include "aims-store-private.h"

#include <glib/gi18n.h>

/*
 * One row of a table, as a list shows it: every field as text, read once.
 *
 * A record is cheap to make: it reads its row the first time anything asks
 * for a value, not when it is made. A GtkSingleSelection looks for its
 * selected item among all the rows after a new search; with reading deferred,
 * that costs an allocation per row, not a query per row. The list that made
 * it calls _aims_record_reload() when the row changes in the store, and the
 * record then emits AimsRecord::changed.
 */

struct _AimsRecord
{
  GObject              parent_instance;

  /* Owned references */
  AimsStore           *store;
  char                *uuid;
  char               **values;   /* n_fields entries, each nullable */

  const AimsTableInfo *table;
  gint64               rowid;
  guint                loaded : 1;
};

enum {
  PROP_0,
  PROP_UUID,
  PROP_TABLE,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (AimsRecord, aims_record, G_TYPE_OBJECT)

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];
static gint n_alive;
static gint n_loads;

static void
free_values (const AimsTableInfo  *table,
             char                **values)
{
  if (values == NULL)
    return;

  for (guint i = 0; i < table->n_fields; i++)
    g_free (values[i]);
  g_free (values);
}

static char *
build_select_sql (const AimsTableInfo *table)
{
  g_autofree char *quoted_table = _aims_sqlite_quote (table->name);
  GString *sql = g_string_new ("SELECT ");

  for (guint i = 0; i < table->n_fields; i++)
    {
      g_autofree char *quoted = _aims_sqlite_quote (table->fields[i].name);

      g_string_append_printf (sql, "%s%s", i > 0 ? ", " : "", quoted);
    }
  g_string_append_printf (sql, " FROM %s WHERE rowid = ?", quoted_table);

  return g_string_free (sql, FALSE);
}

/* The query of a table's rows, made once: a list binding a screenful of
 * rows reads a row per record. Table descriptors live as long as the
 * program. */
static const char *
select_sql (const AimsTableInfo *table)
{
  static GHashTable *sql_by_table;
  G_LOCK_DEFINE_STATIC (sql_by_table);
  const char *sql;

  G_LOCK (sql_by_table);
  if (sql_by_table == NULL)
    sql_by_table = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  sql = g_hash_table_lookup (sql_by_table, table);
  if (sql == NULL)
    {
      char *built = build_select_sql (table);

      g_hash_table_insert (sql_by_table, (gpointer) table, built);
      sql = built;
    }
  G_UNLOCK (sql_by_table);

  return sql;
}

/* Reads the row into @values and its uuid into @uuid; FALSE if it is gone or
 * cannot be read. */
static gboolean
read_row (AimsRecord   *self,
          char       ***values,
          char        **uuid)
{
  const char *sql = select_sql (self->table);
  sqlite3_stmt *stmt;
  gboolean found = FALSE;

  *values = NULL;
  *uuid = NULL;

  stmt = _aims_store_prepare (self->store, sql, NULL);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, self->rowid);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      *values = g_new0 (char *, self->table->n_fields);
      for (guint i = 0; i < self->table->n_fields; i++)
        {
          (*values)[i] = _aims_store_column_text (stmt, i, &self->table->fields[i]);
          if (g_str_equal (self->table->fields[i].name, "uuid"))
            *uuid = g_strdup ((*values)[i]);
        }
      found = TRUE;
      g_atomic_int_inc (&n_loads);
    }
  _aims_store_release (stmt);

  return found;
}

static void
ensure_loaded (AimsRecord *self)
{
  char **values = NULL;
  char *uuid = NULL;

  if (self->loaded)
    return;

  /* A row that is gone (or a closed project) reads as empty, once. */
  self->loaded = TRUE;
  if (!read_row (self, &values, &uuid))
    {
      self->values = g_new0 (char *, self->table->n_fields);
      return;
    }

  self->values = values;
  g_free (self->uuid);
  self->uuid = uuid;
}

static int
field_index (AimsRecord *self,
             const char *field)
{
  for (guint i = 0; i < self->table->n_fields; i++)
    {
      if (g_str_equal (self->table->fields[i].name, field))
        return i;
    }

  return -1;
}

static void
aims_record_dispose (GObject *object)
{
  AimsRecord *self = (AimsRecord *)object;

  g_clear_object (&self->store);

  G_OBJECT_CLASS (aims_record_parent_class)->dispose (object);
}

static void
aims_record_finalize (GObject *object)
{
  AimsRecord *self = (AimsRecord *)object;

  free_values (self->table, self->values);
  g_clear_pointer (&self->uuid, g_free);
  (void) g_atomic_int_add (&n_alive, -1);

  G_OBJECT_CLASS (aims_record_parent_class)->finalize (object);
}

static void
aims_record_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  AimsRecord *self = AIMS_RECORD (object);

  switch (prop_id)
    {
    case PROP_UUID:
      g_value_set_string (value, aims_record_get_uuid (self));
      break;

    case PROP_TABLE:
      g_value_set_string (value, aims_record_get_table (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aims_record_class_init (AimsRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = aims_record_dispose;
  object_class->finalize = aims_record_finalize;
  object_class->get_property = aims_record_get_property;

  properties [PROP_UUID] =
    g_param_spec_string ("uuid", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties [PROP_TABLE] =
    g_param_spec_string ("table", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AimsRecord::changed:
   * @self: the record
   *
   * Emitted when the record's row changed in the store and the record has
   * read it again. The list that holds the record also emits
   * #GListModel::items-changed for its position, with the same object, so a
   * view that wants the new values at once (a list row's cells) listens here.
   */
  signals [CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);
}

static void
aims_record_init (AimsRecord *self)
{
  g_atomic_int_inc (&n_alive);
}

/* Private API */

AimsRecord *
_aims_record_new (AimsStore           *store,
                  const AimsTableInfo *table,
                  gint64               rowid)
{
  AimsRecord *self;

  g_return_val_if_fail (AIMS_IS_STORE (store), NULL);
  g_return_val_if_fail (table != NULL, NULL);

  self = g_object_new (AIMS_TYPE_RECORD, NULL);
  self->store = g_object_ref (store);
  self->table = table;
  self->rowid = rowid;

  return self;
}

/*
 * _aims_record_new_with_values:
 * @values: one value per field of @table (each nullable), as the list read
 *   them with the rows around this one (aims-row-cache.c)
 *
 * A record whose row is already read: asking for a value reads nothing.
 */
AimsRecord *
_aims_record_new_with_values (AimsStore           *store,
                              const AimsTableInfo *table,
                              gint64               rowid,
                              const char * const  *values)
{
  AimsRecord *self;

  g_return_val_if_fail (values != NULL, NULL);

  self = _aims_record_new (store, table, rowid);
  g_return_val_if_fail (self != NULL, NULL);

  self->values = g_new0 (char *, table->n_fields);
  for (guint i = 0; i < table->n_fields; i++)
    {
      self->values[i] = g_strdup (values[i]);
      if (g_str_equal (table->fields[i].name, "uuid"))
        self->uuid = g_strdup (values[i]);
    }
  self->loaded = TRUE;

  return self;
}

/* Rows read from the file for records by others (a list reading a page) */
void
_aims_record_add_loads (guint n)
{
  (void) g_atomic_int_add (&n_loads, (gint) n);
}

gint64
_aims_record_get_rowid (AimsRecord *self)
{
  g_return_val_if_fail (AIMS_IS_RECORD (self), 0);

  return self->rowid;
}

gboolean
_aims_record_get_loaded (AimsRecord *self)
{
  g_return_val_if_fail (AIMS_IS_RECORD (self), FALSE);

  return self->loaded;
}

/*
 * _aims_record_reload:
 *
 * Reads the row again if it had been read, and emits ::changed. A row that is
 * gone leaves the record as it was.
 *
 * Returns: %FALSE if the row now belongs to another record (SQLite reuses
 *   the rowid of a deleted row): the caller must stop using this record for
 *   that rowid
 */
gboolean
_aims_record_reload (AimsRecord *self)
{
  char **values = NULL;
  g_autofree char *uuid = NULL;

  g_return_val_if_fail (AIMS_IS_RECORD (self), FALSE);

  if (!self->loaded)
    return TRUE;

  if (!read_row (self, &values, &uuid))
    return TRUE;

  if (g_strcmp0 (uuid, self->uuid) != 0)
    {
      free_values (self->table, values);
      return FALSE;
    }

  free_values (self->table, self->values);
  self->values = values;
  g_signal_emit (self, signals [CHANGED], 0);

  return TRUE;
}

guint
_aims_record_get_n_alive (void)
{
  return g_atomic_int_get (&n_alive);
}

guint
_aims_record_get_n_loads (void)
{
  return g_atomic_int_get (&n_loads);
}

/* Public API */

/**
 * aims_record_get_uuid:
 * @self: a #AimsRecord
 *
 * Returns: (transfer none): the record's UUID ("" if its row is gone)
 */
const char *
aims_record_get_uuid (AimsRecord *self)
{
  g_return_val_if_fail (AIMS_IS_RECORD (self), NULL);

  ensure_loaded (self);
  return self->uuid != NULL ? self->uuid : "";
}

/**
 * aims_record_get_table:
 * @self: a #AimsRecord
 *
 * Returns: (transfer none): the name of the record's table
 */
const char *
aims_record_get_table (AimsRecord *self)
{
  g_return_val_if_fail (AIMS_IS_RECORD (self), NULL);

  return self->table->name;
}

/**
 * aims_record_dup_text:
 * @self: a #AimsRecord
 * @field: a field of the record's table
 *
 * A field as text, ready to show or compare: text as stored (choice fields
 * give their ids; see aims_choice_label()), numbers in decimal, booleans as
 * "0" or "1", and "" for NULL or an unknown field.
 *
 * Returns: (transfer full): the text
 */
char *
aims_record_dup_text (AimsRecord *self,
                      const char *field)
{
  int index;

  g_return_val_if_fail (AIMS_IS_RECORD (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  index = field_index (self, field);
  if (index < 0)
    {
      g_critical ("%s has no field “%s”", self->table->name, field);
      return g_strdup ("");
    }

  ensure_loaded (self);
  return g_strdup (self->values[index] != NULL ? self->values[index] : "");
}

/**
 * aims_record_get_int:
 * @self: a #AimsRecord
 * @field: a field of the record's table
 *
 * Returns: a numeric or boolean field as an integer (0 for NULL, text or an
 *   unknown field)
 */
gint64
aims_record_get_int (AimsRecord *self,
                     const char *field)
{
  g_autofree char *text = NULL;
  gint64 value = 0;

  g_return_val_if_fail (AIMS_IS_RECORD (self), 0);
  g_return_val_if_fail (field != NULL, 0);

  text = aims_record_dup_text (self, field);
  if (!g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, &value, NULL))
    return 0;

  return value;
}
