/* aims-store.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aims-store"

#include "config.h"

#include "aims-store-private.h"

#include "aims-assessment-private.h"
#include "aims-change-private.h"
#include "aims-file-copy-private.h"
#include "aims-finding-private.h"
#include "aims-json-private.h"
#include "aims-risks-private.h"
#include "aims-rules-private.h"
#include "aims-sqlite-private.h"
#include "aims-store-checkpoint-private.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sys/stat.h>
#include <unistd.h>

/*
 * AimsStore owns the one connection to a working copy and is the one write
 * path of the project: insert, update and delete go through here, each inside
 * a changeset (one SQL transaction, one undo step), each logging what it did
 * in the append-only change_log of the same transaction.
 *
 * Undo applies the inverse of a changeset's log rows as a new changeset, so the
 * log only ever grows and always tells the whole story.
 */

/* Above this many records of one table in one changeset, `changed` is emitted
 * once for the table (uuid NULL) instead of once per record. */
#define MAX_CHANGED_PER_TABLE 64

/* FULL costs one fsync of the WAL per commit and keeps committed edits across
 * a power cut, not just across a crash; it meets the latency goal here (see
 * tests/bench/bench-synchronous.c for the figures). */
#define DEFAULT_SYNCHRONOUS_FULL TRUE

/* A snapshot copies the database file as it is, free pages included, unless
 * more than this share of it is free: then VACUUM INTO writes it compacted. */
#define MAX_FREE_SHARE 4

typedef struct
{
  gint64  changeset;
  gint64  first_log;
  gint64  last_log;
  char   *label;
} UndoStep;

/* A foreign key between two record tables: deleting a parent first deletes,
 * through the write path, every child that refers to it. */
typedef struct
{
  const AimsTableInfo *child;
  const AimsFieldInfo *child_field;
  const AimsTableInfo *parent;
  const AimsFieldInfo *parent_field;
} Link;

/* A value read from SQLite, before it becomes a GVariant or a display string. */
typedef struct
{
  int         type;
  gint64      i;
  double      d;
  const char *text;
  int         bytes;
} RawValue;

/* One row of the change log, loaded to apply its inverse. */
typedef struct
{
  char          *table;
  char          *uuid;
  char          *op;
  char          *field;
  sqlite3_value *old_value;
} LogRow;

struct _AimsStore
{
  GObject              parent_instance;

  /* Owned references */
  sqlite3             *db;
  char                *filename;
  int                  file_fd;      /* the database file, read-only, for snapshots */
  AimsCheckpointer    *checkpointer; /* runs the WAL's checkpoints on a thread */
  char                *author;
  GHashTable          *statements;
  GArray              *links;
  GPtrArray           *undo_stack;
  GPtrArray           *redo_stack;
  const AimsSchemaDef *schema;

  /* The changeset being written */
  guint                depth;
  gint64               changeset_id;
  gint64               first_log_id;
  char                *group_at;
  char                *group_label;
  const char          *group_kind;
  GError              *group_error;
  GPtrArray           *touched;
  GHashTable          *touched_set;
  guint                write_mark;   /* touched->len when the write's savepoint began */

  gint64               last_change_id;
  guint                read_only : 1;
  guint                compact_log : 1;
  guint                bulk_load : 1;   /* compact_log without the per-record rows */
  guint                checks_off : 1;  /* PRAGMA ignore_check_constraints is on */
};

enum {
  PROP_0,
  PROP_FILENAME,
  PROP_AUTHOR,
  PROP_READ_ONLY,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_LAST_CHANGE_ID,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (AimsStore, aims_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (aims-store-error-quark, aims_store_error)

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static gboolean delete_record (AimsStore            *self,
                               const AimsTableInfo  *table,
                               const char           *uuid,
                               GHashTable           *visiting,
                               GError              **error);

static void
undo_step_free (UndoStep *step)
{
  g_free (step->label);
  g_free (step);
}

static void
log_row_free (LogRow *row)
{
  g_free (row->table);
  g_free (row->uuid);
  g_free (row->op);
  g_free (row->field);
  sqlite3_value_free (row->old_value);
  g_free (row);
}

static const char *
translated (const char *msgid)
{
  return msgid != NULL ? _(msgid) : "";
}

/* Statements */

static sqlite3_stmt *
prepare (AimsStore   *self,
         const char  *sql,
         GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (self->db == NULL)
    {
      g_set_error (error, AIMS_STORE_ERROR, AIMS_STORE_ERROR_FAILED,
                   _("The project has been closed."));
      return NULL;
    }

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    return stmt;

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _aims_sqlite_set_error (error, self->db, rc, _("Could not prepare a database query"));
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

static void
release (sqlite3_stmt *stmt)
{
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
    }
}

static gboolean
exec (AimsStore   *self,
      const char  *sql,
      GError     **error)
{
  if (self->db == NULL)
    {
      g_set_error (error, AIMS_STORE_ERROR, AIMS_STORE_ERROR_FAILED,
                   _("The project has been closed."));
      return FALSE;
    }

  return _aims_sqlite_exec (self->db, sql, error);
}

/* Values */

static void
raw_from_column (RawValue     *raw,
                 sqlite3_stmt *stmt,
                 int           column)
{
  raw->type = sqlite3_column_type (stmt, column);
  raw->i = 0;
  raw->d = 0;
  raw->text = NULL;
  raw->bytes = 0;

  switch (raw->type)
    {
    case SQLITE_INTEGER:
      raw->i = sqlite3_column_int64 (stmt, column);
      break;
    case SQLITE_FLOAT:
      raw->d = sqlite3_column_double (stmt, column);
      break;
    case SQLITE_TEXT:
    case SQLITE_BLOB:
      raw->text = (const char *) sqlite3_column_text (stmt, column);
      raw->bytes = sqlite3_column_bytes (stmt, column);
      break;
    default:
      break;
    }
}

static void
raw_from_value (RawValue      *raw,
                sqlite3_value *value)
{
  raw->type = value != NULL ? sqlite3_value_type (value) : SQLITE_NULL;
  raw->i = 0;
  raw->d = 0;
  raw->text = NULL;
  raw->bytes = 0;

  switch (raw->type)
    {
    case SQLITE_INTEGER:
      raw->i = sqlite3_value_int64 (value);
      break;
    case SQLITE_FLOAT:
      raw->d = sqlite3_value_double (value);
      break;
    case SQLITE_TEXT:
    case SQLITE_BLOB:
      raw->text = (const char *) sqlite3_value_text (value);
      raw->bytes = sqlite3_value_bytes (value);
      break;
    default:
      break;
    }
}

/* Reads are bounded: never more than the field's limit, always valid UTF-8,
 * whatever the working copy holds. */
static char *
bounded_text (const char *text,
              gsize       bytes,
              gsize       max_bytes)
{
  if (text == NULL)
    return g_strdup ("");

  if (max_bytes > 0 && bytes > max_bytes)
    {
      bytes = max_bytes;
      /* Do not cut a character in half. */
      while (bytes > 0 && ((guchar) text[bytes] & 0xC0) == 0x80)
        bytes--;
    }

  return g_utf8_make_valid (text, bytes);
}

static GVariant *
raw_to_variant (const RawValue      *raw,
                const AimsFieldInfo *field)
{
  AimsFieldKind kind = field != NULL ? field->kind : AIMS_FIELD_ANY;
  gsize max_bytes = field != NULL ? field->max_bytes : AIMS_TEXT_LIMIT_JSON;

  if (raw->type == SQLITE_NULL)
    return NULL;

  switch (kind)
    {
    case AIMS_FIELD_TEXT:
    case AIMS_FIELD_JSON:
      if (raw->type == SQLITE_TEXT || raw->type == SQLITE_BLOB)
        return g_variant_ref_sink (g_variant_new_take_string (bounded_text (raw->text, raw->bytes,
                                                                            max_bytes)));
      if (raw->type == SQLITE_INTEGER)
        return g_variant_ref_sink (g_variant_new_take_string (g_strdup_printf ("%" G_GINT64_FORMAT,
                                                                               raw->i)));
      return g_variant_ref_sink (g_variant_new_take_string (g_strdup_printf ("%g", raw->d)));

    case AIMS_FIELD_INTEGER:
      return g_variant_ref_sink (g_variant_new_int64 (raw->type == SQLITE_FLOAT
                                                      ? (gint64) raw->d : raw->i));

    case AIMS_FIELD_BOOLEAN:
      return g_variant_ref_sink (g_variant_new_boolean (raw->type == SQLITE_FLOAT
                                                        ? raw->d != 0 : raw->i != 0));

    case AIMS_FIELD_REAL:
      return g_variant_ref_sink (g_variant_new_double (raw->type == SQLITE_INTEGER
                                                       ? (double) raw->i : raw->d));

    case AIMS_FIELD_ANY:
    default:
      if (raw->type == SQLITE_INTEGER)
        return g_variant_ref_sink (g_variant_new_int64 (raw->i));
      if (raw->type == SQLITE_FLOAT)
        return g_variant_ref_sink (g_variant_new_double (raw->d));
      return g_variant_ref_sink (g_variant_new_take_string (bounded_text (raw->text, raw->bytes,
                                                                          max_bytes)));
    }
}

static char *
raw_to_display (const RawValue      *raw,
                const AimsFieldInfo *field)
{
  gsize max_bytes = field != NULL && field->max_bytes > 0 ? field->max_bytes : AIMS_TEXT_LIMIT_JSON;

  switch (raw->type)
    {
    case SQLITE_NULL:
      return NULL;
    case SQLITE_INTEGER:
      if (field != NULL && field->kind == AIMS_FIELD_BOOLEAN)
        return g_strdup (raw->i != 0 ? _("Yes") : _("No"));
      return g_strdup_printf ("%" G_GINT64_FORMAT, raw->i);
    case SQLITE_FLOAT:
      return g_strdup_printf ("%g", raw->d);
    default:
      return bounded_text (raw->text, raw->bytes, max_bytes);
    }
}

static void
bind_variant (sqlite3_stmt *stmt,
              int           index,
              GVariant     *value)
{
  if (value == NULL)
    {
      sqlite3_bind_null (stmt, index);
      return;
    }

  if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    {
      gsize len;
      const char *text = g_variant_get_string (value, &len);

      sqlite3_bind_text (stmt, index, text, len, SQLITE_TRANSIENT);
    }
  else if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
    sqlite3_bind_int64 (stmt, index, g_variant_get_int64 (value));
  else if (g_variant_is_of_type (value, G_VARIANT_TYPE_BOOLEAN))
    sqlite3_bind_int (stmt, index, g_variant_get_boolean (value) ? 1 : 0);
  else if (g_variant_is_of_type (value, G_VARIANT_TYPE_DOUBLE))
    sqlite3_bind_double (stmt, index, g_variant_get_double (value));
  else
    g_assert_not_reached ();
}

static gboolean
variant_get_integer (GVariant *value,
                     gint64   *out)
{
  const GVariantType *type = g_variant_get_type (value);

  if (g_variant_type_equal (type, G_VARIANT_TYPE_INT64))
    *out = g_variant_get_int64 (value);
  else if (g_variant_type_equal (type, G_VARIANT_TYPE_INT32))
    *out = g_variant_get_int32 (value);
  else if (g_variant_type_equal (type, G_VARIANT_TYPE_UINT32))
    *out = g_variant_get_uint32 (value);
  else if (g_variant_type_equal (type, G_VARIANT_TYPE_INT16))
    *out = g_variant_get_int16 (value);
  else if (g_variant_type_equal (type, G_VARIANT_TYPE_UINT16))
    *out = g_variant_get_uint16 (value);
  else if (g_variant_type_equal (type, G_VARIANT_TYPE_BYTE))
    *out = g_variant_get_byte (value);
  else if (g_variant_type_equal (type, G_VARIANT_TYPE_UINT64) &&
           g_variant_get_uint64 (value) <= G_MAXINT64)
    *out = (gint64) g_variant_get_uint64 (value);
  else
    return FALSE;

  return TRUE;
}

/* The allowed values of a choice field, for messages; the empty value of an
 * optional choice is not worth listing. */
static char *
join_choices (const AimsFieldInfo *field)
{
  GString *allowed = g_string_new (NULL);

  for (guint i = 0; field->choices[i] != NULL; i++)
    {
      if (field->choices[i][0] == '\0')
        continue;
      if (allowed->len > 0)
        g_string_append (allowed, ", ");
      g_string_append (allowed, field->choices[i]);
    }

  return g_string_free (allowed, FALSE);
}

/* A reference of @value for the caller of normalize_value(). One that is
 * not floating (a caller's table holds it) gets one more reference, which
 * the caller drops; g_variant_ref_sink (g_variant_ref ()) took two of those,
 * one of which nobody dropped, so every text and number an import or an
 * edit stored stayed in memory. A floating one is taken as before. */
static GVariant *
take_value (GVariant *value)
{
  if (!g_variant_is_floating (value))
    return g_variant_ref (value);

  return g_variant_ref_sink (g_variant_ref (value));
}

/*
 * normalize_value:
 *
 * Checks that @value fits @field (type, size, allowed values, JSON) and
 * returns it in the field's canonical type (s, x, b or d), or NULL for NULL.
 */
static gboolean
normalize_value (const AimsTableInfo  *table,
                 const AimsFieldInfo  *field,
                 GVariant             *value,
                 GVariant            **out,
                 GError              **error)
{
  /* Translated only for a message: a lookup per value costs an import time. */
#define label translated (field->label)
  gint64 number;

  *out = NULL;

  if (value == NULL)
    {
      if (field->flags & AIMS_FIELD_FLAG_NOT_NULL)
        {
          g_set_error (error, AIMS_STORE_ERROR, AIMS_STORE_ERROR_INVALID_VALUE,
                       _("“%s” must have a value."), label);
          return FALSE;
        }
      return TRUE;
    }

  switch (field->kind)
    {
    case AIMS_FIELD_TEXT:
    case AIMS_FIELD_JSON:
      {
        const char *text;
        gsize len;

        if (g_variant_classify (value) != G_VARIANT_CLASS_STRING)
          goto wrong_type;

        text = g_variant_get_string (value, &len);
        if (len > field->max_bytes)
          {
            g_autofree char *size = _aims_format_bytes (len);
            g_autofree char *limit = _aims_format_bytes (field->max_bytes);

            g_set_error (error, AIMS_STORE_ERROR, AIMS_STORE_ERROR_INVALID_VALUE,
                         _("“%s” is too long (%s); the limit is %s."), label, size, limit);
            return FALSE;
          }

        if (field->choices != NULL && !g_strv_contains (field->choices, text))
          {
            g_autofree char *shown = _aims_text_for_message (text, len);
            g_autofree char *allowed = join_choices (field);

            g_set_error (error, AIMS_STORE_ERROR, AIMS_STORE_ERROR_INVALID_VALUE,
                         _("“%s” cannot be “%s”; it is one of: %s."), label, shown, allowed);
            return FALSE;
          }

        if (field->kind == AIMS_FIELD_JSON)
          {
            g_autoptr(JsonParser) parser = json_parser_new_immutable ();
            g_autoptr(GError) json_error = NULL;

            if (!_aims_json_nesting_within (text, len, AIMS_JSON_MAX_DEPTH))
              {
                g_set_error (error, AIMS_STORE_ERROR, AIMS_STORE_ERROR_INVALID_VALUE,
                             _("“%s” is not valid JSON: it is nested more than %u deep."),
                             label, AIMS_JSON_MAX_DEPTH);
                return FALSE;
              }

            if (!json_parser_load_from_data (parser, text, len, &json_error))
              {
                g_set_error (error, AIMS_STORE_ERROR, AIMS_STORE_ERROR_INVALID_VALUE,
                             _("“%s” is not valid JSON: %s"), label, json_error->message);
                return FALSE;
              }
          }

        *out = take_value (value);
        return TRUE;
      }

    case AIMS_FIELD_INTEGER:
      if (!variant_get_integer (value, &number))
        goto wrong_type;
      if (g_variant_classify (value) == G_VARIANT_CLASS_INT64)
        *out = take_value (value);
      else
        *out = g_variant_ref_sink (g_variant_new_int64 (number));
      return TRUE;

    case AIMS_FIELD_BOOLEAN:
      if (g_variant_classify (value) == G_VARIANT_CLASS_BOOLEAN)
        *out = g_variant_ref (value);
      else if (variant_get_integer (value, &number) && (number == 0 || number == 1))
        *out = g_variant_ref_sink (g_variant_new_boolean (number == 1));
      else
        goto wrong_type;
      return TRUE;

    case AIMS_FIELD_REAL:
      if (g_variant_classify (value) == G_VARIANT_CLASS_DOUBLE)
        *out = g_variant_ref (value);
      else if (variant_get_integer (value, &number))
        *out = g_variant_ref_sink (g_variant_new_double ((double) number));
      else
        goto wrong_type;
      return TRUE;

    case AIMS_FIELD_ANY:
    default:
      goto wrong_type;
    }

wrong_type:
  g_set_error (error, AIMS_STORE_ERROR, AIMS_STORE_ERROR_INVALID_VALUE,
               _("“%s” of %s cannot hold a value of type “%s”; it holds %s."),
               label, translated (table->noun), g_variant_get_type_string (value),
               aims_field_kind_to_string (field->kind));
  return FALSE;
#undef label
}

static gboolean
values_equal (GVariant *a,
              GVariant *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return g_variant_equal (a, b);
}

/* Names */

static const AimsTableInfo *
lookup_table (AimsStore   *self,
              const char  *name,
              gboolean     writable,
              GError     **error)
{
  const AimsTableInfo *table = _aims_schema_def_lookup_table (self->schema, name);

  if (table == NULL || (writable && table->kind == AIMS_TABLE_INTERNAL))
    {
      g_autofree char *shown = _aims_text_for_message (name, -1);

      if (table == NULL)
        g_set_error (error, AIMS_STORE_ERROR, AIMS_STORE_ERROR_UNKNOWN_FIELD,
                     _("The project has no table “%s”."), shown);
      else
        g_set_error (error, AIMS_STORE_ERROR, AIMS_STORE_ERROR_UNKNOWN_FIELD,
                     _("The table “%s” is written by AIMS Workbench itself and cannot be edited."),
                     shown);
      return NULL;
    }

  /* The history tables have no uuid; reading them goes through history. */
  if (table->kind == AIMS_TABLE_INTERNAL)
    {
      g_autofree char *shown = _aims_text_for_message (name, -1);

      g_set_error (error, AIMS_STORE_ERROR, AIMS_STORE_ERROR_UNKNOWN_FIELD,
                   _("The table “%s” has no records to read by identifier."), shown);
      return NULL;
    }

  return table;
}

static const AimsFieldInfo *
lookup_field (const AimsTableInfo  *table,
              const char           *name,
              gboolean              writable,
              GError              **error)
{
  const AimsFieldInfo *field = aims_table_info_lookup_field (table, name);

  if (field == NULL)
    {
      g_autofree char *shown = _aims_text_for_message (name, -1);

      g_set_error (error, AIMS_STORE_ERROR, AIMS_STORE_ERROR_UNKNOWN_FIELD,
                   _("%s has no field “%s”."), translated (table->noun), shown);
      return NULL;
    }

  if (writable && (field->flags & AIMS_FIELD_FLAG_SYSTEM))
    {
      g_set_error (error, AIMS_STORE_ERROR, AIMS_STORE_ERROR_UNKNOWN_FIELD,
                   _("“%s” is kept by AIMS Workbench and cannot be edited."),
                   translated (field->label));
      return NULL;
    }

  return field;
}

static gboolean
check_writable (AimsStore  *self,
                GError    **error)
{
  if (self->db == NULL)
    {
      g_set_error (error, AIMS_STORE_ERROR, AIMS_STORE_ERROR_FAILED,
                   _("The project has been closed."));
      return FALSE;
    }

  if (self->read_only)
    {
      g_set_error (error, AIMS_STORE_ERROR, AIMS_STORE_ERROR_READ_ONLY,
                   _("This is a read-only view of the project; use Save As to keep a copy "
                     "you can edit."));
      return FALSE;
    }

  return TRUE;
}

static void
set_step_error (AimsStore   *self,
                GError     **error,
                int          rc,
                const char  *what)
{
  int ext = sqlite3_extended_errcode (self->db);

  if (ext == SQLITE_CONSTRAINT_UNIQUE || ext == SQLITE_CONSTRAINT_PRIMARYKEY ||
      ext == SQLITE_CONSTRAINT_NOTNULL)
    {
      const char *msg = sqlite3_errmsg (self->db);
      const char *colon = strrchr (msg, ':');
      const char *dot = colon != NULL ? strchr (colon, '.') : NULL;
      g_autofree char *table_name = NULL;
      const AimsTableInfo *table = NULL;
      const AimsFieldInfo *field = NULL;

      /* "UNIQUE constraint failed: ai_system.reference", "NOT NULL constraint
       * failed: ai_system.name" */
      if (colon != NULL && dot != NULL)
        {
          table_name = g_strndup (colon + 2, dot - colon - 2);
          table = _aims_schema_def_lookup_table (self->schema, table_name);
          if (table != NULL)
            field = aims_table_info_lookup_field (table, dot + 1);
        }

      if (field != NULL && ext == SQLITE_CONSTRAINT_NOTNULL)
        {
          g_set_error (error, AIMS_STORE_ERROR, AIMS_STORE_ERROR_INVALID_VALUE,
                       _("“%s” must have a value."), translated (field->label));
          return;
        }
      else if (field != NULL)
        {
          g_set_error (error, AIMS_STORE_ERROR, AIMS_STORE_ERROR_CONSTRAINT,
                       _("Another %s already has this “%s”; choose a different one."),
                       translated (table->noun), translated (field->label));
          return;
        }
    }

  _aims_sqlite_set_error (error, self->db, rc, what);
}

/* Signals and undo state */

static void
touch (AimsStore  *self,
       const char *table,
       const char *uuid)
{
  char *key = g_strconcat (table, "\x1f", uuid, NULL);

  /* g_hash_table_add() would free the old, equal key that touched holds. */
  if (g_hash_table_contains (self->touched_set, key))
    {
      g_free (key);
      return;
    }

  g_hash_table_add (self->touched_set, key);
  g_ptr_array_add (self->touched, key);
}

/* Forgets the records touched after the first @mark ones: their changes were
 * rolled back, so `changed` must not announce them. */
static void
untouch_since (AimsStore *self,
               guint      mark)
{
  while (self->touched->len > mark)
    {
      char *key = g_ptr_array_steal_index (self->touched, self->touched->len - 1);

      /* touched_set owns the key and frees it. */
      g_hash_table_remove (self->touched_set, key);
    }
}

static void
emit_changed (AimsStore *self,
              GPtrArray *touched)
{
  g_autoptr(GHashTable) per_table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) emitted_tables = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < touched->len; i++)
    {
      const char *key = g_ptr_array_index (touched, i);
      char *table = g_strndup (key, strchr (key, '\x1f') - key);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (per_table, table));

      g_hash_table_replace (per_table, table, GUINT_TO_POINTER (n + 1));
    }

  for (guint i = 0; i < touched->len; i++)
    {
      const char *key = g_ptr_array_index (touched, i);
      const char *sep = strchr (key, '\x1f');
      g_autofree char *table = g_strndup (key, sep - key);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (per_table, table));

      if (n > MAX_CHANGED_PER_TABLE)
        {
          gpointer stored;

          if (!g_hash_table_lookup_extended (per_table, table, &stored, NULL) ||
              g_hash_table_contains (emitted_tables, stored))
            continue;

          g_hash_table_add (emitted_tables, stored);
          g_signal_emit (self, signals [CHANGED], 0, table, NULL);
        }
      else
        g_signal_emit (self, signals [CHANGED], 0, table, sep + 1);
    }
}

static void
push_step (GPtrArray *stack,
           UndoStep  *step)
{
  g_ptr_array_add (stack, step);
}

static UndoStep *
peek_step (GPtrArray *stack)
{
  return stack->len > 0 ? g_ptr_array_index (stack, stack->len - 1) : NULL;
}

static UndoStep *
pop_step (GPtrArray *stack)
{
  return stack->len > 0 ? g_ptr_array_steal_index (stack, stack->len - 1) : NULL;
}

/* Changesets */

static void
reset_group (AimsStore *self)
{
  self->depth = 0;
  self->changeset_id = 0;
  self->first_log_id = 0;
  self->compact_log = FALSE;
  self->bulk_load = FALSE;
  self->group_kind = NULL;
  g_clear_pointer (&self->group_at, g_free);
  g_clear_pointer (&self->group_label, g_free);
  g_clear_error (&self->group_error);
  g_ptr_array_set_size (self->touched, 0);
  g_hash_table_remove_all (self->touched_set);
}

static gboolean
open_changeset (AimsStore   *self,
                const char  *label,
                const char  *kind,
                GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_assert (self->depth == 0);

  if (!exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  self->group_at = _aims_timestamp_now ();
  self->group_label = g_strdup (label != NULL ? label : "");
  self->group_kind = kind;
  self->first_log_id = self->last_change_id;

  stmt = prepare (self,
                  "INSERT INTO changeset (at, author, label, kind) VALUES (?, ?, ?, ?)",
                  error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_text (stmt, 1, self->group_at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, self->author, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, self->group_label, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, kind, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  release (stmt);
  if (rc != SQLITE_DONE)
    {
      _aims_sqlite_set_error (error, self->db, rc, _("Could not start recording the change"));
      goto failed;
    }

  self->changeset_id = sqlite3_last_insert_rowid (self->db);
  self->depth = 1;
  return TRUE;

failed:
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  reset_group (self);
  return FALSE;
}

static void
rollback_changeset (AimsStore *self)
{
  if (self->db != NULL && !sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);

  reset_group (self);
}

/*
 * close_changeset:
 * @step: (out) (optional) (nullable): the committed step, NULL if the
 *   changeset changed nothing (it is then rolled back and leaves no trace)
 */
static gboolean
close_changeset (AimsStore  *self,
                 UndoStep  **step,
                 GError    **error)
{
  g_autoptr(GPtrArray) touched = NULL;
  gint64 max_id = 0;

  if (step != NULL)
    *step = NULL;

  if (!_aims_sqlite_query_int (self->db, "SELECT max(id) FROM change_log", &max_id, error))
    {
      rollback_changeset (self);
      return FALSE;
    }

  /* A bulk load's records are not logged: what it touched counts. */
  if (max_id <= self->first_log_id && !(self->bulk_load && self->touched->len > 0))
    {
      rollback_changeset (self);
      return TRUE;
    }

  if (!exec (self, "COMMIT", error))
    {
      rollback_changeset (self);
      return FALSE;
    }

  if (step != NULL)
    {
      *step = g_new0 (UndoStep, 1);
      (*step)->changeset = self->changeset_id;
      (*step)->first_log = self->first_log_id + 1;
      (*step)->last_log = max_id;
      (*step)->label = g_strdup (self->group_label);
    }

  self->last_change_id = max_id;

  /* Emit after the state is consistent: handlers may read or even write. */
  touched = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < self->touched->len; i++)
    g_ptr_array_add (touched, g_strdup (g_ptr_array_index (self->touched, i)));
  reset_group (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LAST_CHANGE_ID]);
  emit_changed (self, touched);

  return TRUE;
}

/* After an edit (not an undo or redo) commits: it becomes the next undo step
 * and the redo stack no longer applies. */
static void
record_edit (AimsStore *self,
             UndoStep  *step)
{
  gboolean could_undo = aims_store_get_can_undo (self);
  gboolean could_redo = aims_store_get_can_redo (self);

  if (step == NULL)
    return;

  push_step (self->undo_stack, step);
  g_ptr_array_set_size (self->redo_stack, 0);

  if (!could_undo)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CAN_UNDO]);
  if (could_redo)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CAN_REDO]);
}

/* Forgets every undo and redo step. */
static void
clear_undo_history (AimsStore *self)
{
  gboolean could_undo = aims_store_get_can_undo (self);
  gboolean could_redo = aims_store_get_can_redo (self);

  g_ptr_array_set_size (self->undo_stack, 0);
  g_ptr_array_set_size (self->redo_stack, 0);

  if (could_undo)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CAN_UNDO]);
  if (could_redo)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CAN_REDO]);
}

/*
 * write_begin:
 * @implicit: (out): set when the write is its own changeset
 *
 * Every write is atomic: alone it is a changeset of its own, inside a group it
 * runs in a savepoint so a failure undoes it and leaves the group usable.
 */
static gboolean
write_begin (AimsStore   *self,
             const char  *label,
             gboolean    *implicit,
             GError     **error)
{
  *implicit = self->depth == 0;

  if (*implicit)
    return open_changeset (self, label, "edit", error);

  if (self->group_error != NULL)
    {
      g_propagate_error (error, g_error_copy (self->group_error));
      return FALSE;
    }

  self->write_mark = self->touched->len;
  return exec (self, "SAVEPOINT aims_write", error);
}

static gboolean
write_end (AimsStore  *self,
           gboolean    implicit,
           gboolean    ok,
           GError    **error)
{
  if (implicit)
    {
      UndoStep *step = NULL;

      if (!ok)
        {
          rollback_changeset (self);
          return FALSE;
        }

      if (!close_changeset (self, &step, error))
        return FALSE;

      record_edit (self, step);
      return TRUE;
    }

  if (!ok)
    {
      sqlite3_exec (self->db, "ROLLBACK TO aims_write; RELEASE aims_write", NULL, NULL, NULL);
      untouch_since (self, self->write_mark);
      return FALSE;
    }

  return exec (self, "RELEASE aims_write", error);
}

/* The change log */

static gboolean
log_change (AimsStore      *self,
            const char     *table,
            const char     *uuid,
            const char     *op,
            const char     *field,
            GVariant       *old_value,
            sqlite3_value  *old_raw,
            GVariant       *new_value,
            sqlite3_value  *new_raw,
            GError        **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = prepare (self,
                  "INSERT INTO change_log (changeset, at, author, record_table, record_uuid, "
                  "op, field, old_value, new_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                  error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, self->changeset_id);
  sqlite3_bind_text (stmt, 2, self->group_at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, self->author, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, table, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, op, -1, SQLITE_STATIC);
  if (field != NULL)
    sqlite3_bind_text (stmt, 7, field, -1, SQLITE_STATIC);
  if (old_raw != NULL)
    sqlite3_bind_value (stmt, 8, old_raw);
  else
    bind_variant (stmt, 8, old_value);
  if (new_raw != NULL)
    sqlite3_bind_value (stmt, 9, new_raw);
  else
    bind_variant (stmt, 9, new_value);

  rc = sqlite3_step (stmt);
  release (stmt);

  if (rc != SQLITE_DONE)
    {
      _aims_sqlite_set_error (error, self->db, rc, _("Could not record the change in the history"));
      return FALSE;
    }

  return TRUE;
}

/* Builds "SELECT "a", "b" FROM "t" WHERE uuid = ?" over the non-uuid columns,
 * or only the editable ones. */
static char *
select_columns_sql (const AimsTableInfo *table,
                    gboolean             editable_only)
{
  g_autofree char *quoted_table = _aims_sqlite_quote (table->name);
  GString *sql = g_string_new ("SELECT ");
  gboolean first = TRUE;

  for (guint i = 0; i < table->n_fields; i++)
    {
      const AimsFieldInfo *field = &table->fields[i];
      g_autofree char *quoted = NULL;

      if (g_str_equal (field->name, "uuid"))
        continue;
      if (editable_only && (field->flags & AIMS_FIELD_FLAG_SYSTEM))
        continue;

      quoted = _aims_sqlite_quote (field->name);
      g_string_append_printf (sql, "%s%s", first ? "" : ", ", quoted);
      first = FALSE;
    }

  if (first)
    g_string_append (sql, "uuid");

  g_string_append_printf (sql, " FROM %s WHERE uuid = ?", quoted_table);
  return g_string_free (sql, FALSE);
}

static const AimsFieldInfo *
nth_column_field (const AimsTableInfo *table,
                  gboolean             editable_only,
                  guint                n)
{
  for (guint i = 0; i < table->n_fields; i++)
    {
      const AimsFieldInfo *field = &table->fields[i];

      if (g_str_equal (field->name, "uuid"))
        continue;
      if (editable_only && (field->flags & AIMS_FIELD_FLAG_SYSTEM))
        continue;
      if (n-- == 0)
        return field;
    }

  return NULL;
}

/* Records */

static char *
record_title (AimsStore           *self,
              const AimsTableInfo *table,
              const char          *uuid)
{
  g_autofree char *quoted_table = NULL;
  g_autofree char *quoted_field = NULL;
  g_autofree char *sql = NULL;
  const AimsFieldInfo *field;
  sqlite3_stmt *stmt;
  char *title = NULL;

  if (table->title_field == NULL ||
      (field = aims_table_info_lookup_field (table, table->title_field)) == NULL)
    return NULL;

  quoted_table = _aims_sqlite_quote (table->name);
  quoted_field = _aims_sqlite_quote (field->name);
  sql = g_strdup_printf ("SELECT %s FROM %s WHERE uuid = ?", quoted_field, quoted_table);

  stmt = prepare (self, sql, NULL);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      RawValue raw;

      raw_from_column (&raw, stmt, 0);
      title = raw_to_display (&raw, field);
    }
  release (stmt);

  return title;
}

static gboolean
record_exists (AimsStore            *self,
               const AimsTableInfo  *table,
               const char           *uuid,
               gboolean             *exists,
               GError              **error)
{
  g_autofree char *quoted_table = _aims_sqlite_quote (table->name);
  g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM %s WHERE uuid = ?", quoted_table);
  sqlite3_stmt *stmt;
  int rc;

  stmt = prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  release (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _aims_sqlite_set_error (error, self->db, rc, _("Could not read the project"));
      return FALSE;
    }

  *exists = rc == SQLITE_ROW;
  return TRUE;
}

static void
set_not_found (GError              **error,
               const AimsTableInfo  *table,
               const char           *uuid)
{
  g_autofree char *shown = _aims_text_for_message (uuid, -1);

  g_set_error (error, AIMS_STORE_ERROR, AIMS_STORE_ERROR_NOT_FOUND,
               _("There is no %s with the identifier “%s”; it may have been deleted."),
               translated (table->noun), shown);
}

/*
 * insert_record:
 * @values: field name → GVariant (borrowed), already checked
 * @restore: the values come from the change log (undo of a delete) and
 *   include created, modified and author
 */
static char *
insert_record (AimsStore            *self,
               const AimsTableInfo  *table,
               const char           *uuid,
               GHashTable           *values,
               GError              **error)
{
  g_autofree char *quoted_table = _aims_sqlite_quote (table->name);
  g_autofree char *new_uuid = uuid != NULL ? g_strdup (uuid) : g_uuid_string_random ();
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GString) params = g_string_new ("?");
  g_autoptr(GPtrArray) bound = g_ptr_array_new ();
  sqlite3_stmt *stmt;
  int rc;

  g_string_append_printf (sql, "INSERT INTO %s (uuid", quoted_table);

  for (guint i = 0; i < table->n_fields; i++)
    {
      const AimsFieldInfo *field = &table->fields[i];
      g_autofree char *quoted = NULL;

      if (g_str_equal (field->name, "uuid"))
        continue;

      if (!g_hash_table_contains (values, field->name) &&
          !g_str_equal (field->name, "created") &&
          !g_str_equal (field->name, "modified") &&
          !g_str_equal (field->name, "author"))
        continue;

      quoted = _aims_sqlite_quote (field->name);
      g_string_append_printf (sql, ", %s", quoted);
      g_string_append (params, ", ?");
      g_ptr_array_add (bound, (gpointer) field);
    }

  g_string_append_printf (sql, ") VALUES (%s)", params->str);

  stmt = prepare (self, sql->str, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, new_uuid, -1, SQLITE_TRANSIENT);
  for (guint i = 0; i < bound->len; i++)
    {
      const AimsFieldInfo *field = g_ptr_array_index (bound, i);
      gpointer value;

      if (g_hash_table_lookup_extended (values, field->name, NULL, &value))
        bind_variant (stmt, i + 2, value);
      else if (g_str_equal (field->name, "author"))
        sqlite3_bind_text (stmt, i + 2, self->author, -1, SQLITE_TRANSIENT);
      else
        sqlite3_bind_text (stmt, i + 2, self->group_at, -1, SQLITE_TRANSIENT);
    }

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      g_autofree char *what = g_strdup_printf (_("Could not add the %s"), translated (table->noun));

      set_step_error (self, error, rc, what);
      release (stmt);
      return NULL;
    }
  release (stmt);

  if (self->compact_log)
    {
      /* A bulk import logs one row per record; undo only needs the uuid. A
       * bulk load (a project's starting content) logs none. */
      if (!self->bulk_load &&
          !log_change (self, table->name, new_uuid, "insert", NULL, NULL, NULL, NULL, NULL, error))
        return NULL;
    }
  else
    {
      g_autofree char *select_sql = select_columns_sql (table, TRUE);
      guint n_columns;

      stmt = prepare (self, select_sql, error);
      if (stmt == NULL)
        return NULL;

      sqlite3_bind_text (stmt, 1, new_uuid, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_ROW)
        {
          _aims_sqlite_set_error (error, self->db, rc, _("Could not read back the new record"));
          release (stmt);
          return NULL;
        }

      n_columns = sqlite3_column_count (stmt);
      for (guint i = 0; i < n_columns; i++)
        {
          const AimsFieldInfo *field = nth_column_field (table, TRUE, i);

          if (field == NULL)
            break;

          if (!log_change (self, table->name, new_uuid, "insert", field->name,
                           NULL, NULL, NULL, sqlite3_column_value (stmt, i), error))
            {
              release (stmt);
              return NULL;
            }
        }
      release (stmt);
    }

  touch (self, table->name, new_uuid);
  return g_steal_pointer (&new_uuid);
}

static gboolean
update_field (AimsStore            *self,
              const AimsTableInfo  *table,
              const char           *uuid,
              const AimsFieldInfo  *field,
              GVariant             *value,
              GError              **error)
{
  g_autofree char *quoted_table = _aims_sqlite_quote (table->name);
  g_autofree char *quoted_field = _aims_sqlite_quote (field->name);
  g_autofree char *sql = NULL;
  g_autoptr(GVariant) old_value = NULL;
  gboolean has_modified = aims_table_info_lookup_field (table, "modified") != NULL;
  gboolean has_author = aims_table_info_lookup_field (table, "author") != NULL;
  sqlite3_stmt *stmt;
  RawValue raw;
  int rc;

  sql = g_strdup_printf ("SELECT %s FROM %s WHERE uuid = ?", quoted_field, quoted_table);
  stmt = prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      release (stmt);
      set_not_found (error, table, uuid);
      return FALSE;
    }
  else if (rc != SQLITE_ROW)
    {
      _aims_sqlite_set_error (error, self->db, rc, _("Could not read the project"));
      release (stmt);
      return FALSE;
    }

  raw_from_column (&raw, stmt, 0);
  old_value = raw_to_variant (&raw, field);
  release (stmt);

  /* Setting a field to what it holds changes nothing and logs nothing. */
  if (values_equal (old_value, value))
    return TRUE;

  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("UPDATE %s SET %s = ?%s%s WHERE uuid = ?",
                         quoted_table, quoted_field,
                         has_modified ? ", modified = ?" : "",
                         has_author ? ", author = ?" : "");
  stmt = prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;

  {
    int index = 1;

    bind_variant (stmt, index++, value);
    if (has_modified)
      sqlite3_bind_text (stmt, index++, self->group_at, -1, SQLITE_STATIC);
    if (has_author)
      sqlite3_bind_text (stmt, index++, self->author, -1, SQLITE_STATIC);
    sqlite3_bind_text (stmt, index, uuid, -1, SQLITE_STATIC);
  }

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      g_autofree char *what = g_strdup_printf (_("Could not change “%s”"),
                                               translated (field->label));

      set_step_error (self, error, rc, what);
      release (stmt);
      return FALSE;
    }
  release (stmt);

  if (!log_change (self, table->name, uuid, "update", field->name,
                   old_value, NULL, value, NULL, error))
    return FALSE;

  touch (self, table->name, uuid);
  return TRUE;
}

/* An import or a generator restores records as they were, approved
 * assessments with their impacts included; edits may not change those. */
static gboolean
check_assessment_editable (AimsStore           *self,
                           const AimsTableInfo *info,
                           GHashTable          *record,
                           gboolean             status_only,
                           GError             **error)
{
  if (self->depth > 0 && g_strcmp0 (self->group_kind, "import") == 0)
    return TRUE;

  return _aims_assessment_check_editable (self, info, record, status_only, error);
}

/*
 * update_fields:
 * @fields: (array length=n): the fields to change
 * @values: (array length=n): their new values, normalized
 * @how: for a risk, why it is written (its derived fields follow)
 * @matrix: (nullable): the matrix to derive with; %NULL for the project's
 *
 * Changes fields of one record as one write. The rules judge the record as
 * all the changes leave it (with one field, only the rules that involve it),
 * so a refused edit writes and logs nothing; a matrix remap is the store's
 * own arithmetic and skips them.
 */
static gboolean
update_fields (AimsStore            *self,
               const AimsTableInfo  *info,
               const char           *uuid,
               const AimsFieldInfo **fields,
               GVariant            **values,
               guint                 n,
               const char           *label,
               AimsRiskDerive        how,
               AimsMatrix           *matrix,
               GError              **error)
{
  g_autoptr(GHashTable) record = NULL;
  g_autoptr(GHashTable) given = NULL;
  g_autoptr(AimsMatrix) own_matrix = NULL;
  gboolean derive = FALSE;
  gboolean changed = FALSE;
  gboolean implicit;
  gboolean ok = TRUE;

  if (info->kind == AIMS_TABLE_RECORDS)
    {
      record = _aims_store_dup_record (self, info, uuid, error);
      if (record == NULL)
        return FALSE;

      given = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < n; i++)
        {
          /* Setting a field to what it holds changes nothing, so breaks no
           * rule. */
          if (values_equal (g_hash_table_lookup (record, fields[i]->name), values[i]))
            continue;

          changed = TRUE;
          g_hash_table_add (given, (gpointer) fields[i]->name);
          if (values[i] != NULL)
            g_hash_table_replace (record, (gpointer) fields[i]->name, g_variant_ref (values[i]));
          else
            g_hash_table_remove (record, fields[i]->name);
        }

      derive = _aims_risks_is_risk_table (info) && (changed || how == AIMS_RISK_DERIVE_REMAP);
      if (derive)
        {
          if (matrix == NULL)
            matrix = own_matrix = aims_store_dup_matrix (self);
          _aims_risks_derive (matrix, record, given, how, NULL);
        }

      if (changed && how != AIMS_RISK_DERIVE_REMAP)
        {
          const char *involved = n == 1 ? fields[0]->name : NULL;

          if (!_aims_rules_check_record (info, record, involved, error) ||
              (derive && !_aims_rules_check_risk (info, record, involved, matrix, error)))
            return FALSE;

          /* An impact's scores are steps of the matrix */
          if (_aims_rules_impact_needs_matrix (info, involved))
            {
              if (matrix == NULL)
                matrix = own_matrix = aims_store_dup_matrix (self);
              if (!_aims_rules_check_impact (info, record, involved, matrix, error))
                return FALSE;
            }

          /* An approved assessment and its impacts stay as approved */
          if (!check_assessment_editable (self, info, record,
                                          g_hash_table_size (given) == 1 &&
                                          g_hash_table_contains (given, "status"),
                                          error))
            return FALSE;

          /* An assessment's status keeps its rules: approved only when
           * complete, and so on */
          if (g_str_equal (info->name, "impact_assessment") &&
              g_hash_table_contains (given, "status"))
            {
              GVariant *status = g_hash_table_lookup (record, "status");

              if (!_aims_assessment_check_status (self, uuid,
                                                  status != NULL
                                                  ? g_variant_get_string (status, NULL) : NULL,
                                                  error))
                return FALSE;
            }

          /* A finding closes only when its actions are done and verified */
          if (g_str_equal (info->name, "finding") && g_hash_table_contains (given, "status") &&
              !_aims_finding_check_record (self, uuid, record, error))
            return FALSE;
        }
    }

  if (!write_begin (self, label, &implicit, error))
    return FALSE;

  for (guint i = 0; ok && i < n; i++)
    ok = update_field (self, info, uuid, fields[i], values[i], error);

  /* The derived fields, in the same write: undo restores them with the
   * fields they follow. */
  for (const char * const *name = _aims_risks_derived_fields (); ok && derive && *name; name++)
    ok = update_field (self, info, uuid, aims_table_info_lookup_field (info, *name),
                       g_hash_table_lookup (record, *name), error);

  return write_end (self, implicit, ok, error);
}

static gboolean
delete_dependents (AimsStore            *self,
                   const AimsTableInfo  *table,
                   const char           *uuid,
                   GHashTable           *visiting,
                   GError              **error)
{
  for (guint i = 0; i < self->links->len; i++)
    {
      const Link *link = &g_array_index (self->links, Link, i);
      g_autoptr(GPtrArray) children = NULL;
      g_autofree char *child_table = NULL;
      g_autofree char *child_field = NULL;
      g_autofree char *parent_table = NULL;
      g_autofree char *parent_field = NULL;
      g_autofree char *sql = NULL;
      sqlite3_stmt *stmt;
      int rc;

      if (link->parent != table)
        continue;

      child_table = _aims_sqlite_quote (link->child->name);
      child_field = _aims_sqlite_quote (link->child_field->name);
      parent_table = _aims_sqlite_quote (link->parent->name);
      parent_field = _aims_sqlite_quote (link->parent_field->name);
      sql = g_strdup_printf ("SELECT uuid FROM %s WHERE %s = (SELECT %s FROM %s WHERE uuid = ?) "
                             "ORDER BY rowid",
                             child_table, child_field, parent_field, parent_table);

      stmt = prepare (self, sql, error);
      if (stmt == NULL)
        return FALSE;

      /* Collect first: deleting while the query runs would disturb it. */
      children = g_ptr_array_new_with_free_func (g_free);
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        g_ptr_array_add (children, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      release (stmt);

      if (rc != SQLITE_DONE)
        {
          _aims_sqlite_set_error (error, self->db, rc,
                                  _("Could not find the records that depend on it"));
          return FALSE;
        }

      for (guint j = 0; j < children->len; j++)
        {
          if (!delete_record (self, link->child, g_ptr_array_index (children, j), visiting, error))
            return FALSE;
        }
    }

  return TRUE;
}

static gboolean delete_one (AimsStore            *self,
                            const AimsTableInfo  *table,
                            const char           *uuid,
                            GHashTable           *visiting,
                            GError              **error);

/* A delete writes no value a CHECK constraint judges: a DELETE runs none,
 * and the change log's only CHECK is on its op, "delete" here. SQLite makes
 * a temporary table for every "IN (...)" list each time a statement runs,
 * so a delete logs its record's fields with the CHECKs off: undoing an
 * import of 100,000 records deletes each of them, logging every field. */
static gboolean
delete_record (AimsStore            *self,
               const AimsTableInfo  *table,
               const char           *uuid,
               GHashTable           *visiting,
               GError              **error)
{
  gboolean were_off = self->checks_off;
  gboolean ok;

  if (!were_off && !_aims_store_set_checks (self, FALSE, error))
    return FALSE;

  ok = delete_one (self, table, uuid, visiting, error);

  if (!were_off)
    {
      g_autoptr(GError) local_error = NULL;

      if (!_aims_store_set_checks (self, TRUE, ok ? error : &local_error))
        return FALSE;
    }

  return ok;
}

static gboolean
delete_one (AimsStore            *self,
            const AimsTableInfo  *table,
            const char           *uuid,
            GHashTable           *visiting,
            GError              **error)
{
  g_autofree char *quoted_table = _aims_sqlite_quote (table->name);
  g_autofree char *select_sql = NULL;
  g_autofree char *delete_sql = NULL;
  sqlite3_stmt *stmt;
  gboolean exists = FALSE;
  guint n_columns;
  int rc;

  /* A record that refers to itself, directly or in a cycle. */
  if (g_hash_table_contains (visiting, uuid))
    return TRUE;

  if (!record_exists (self, table, uuid, &exists, error))
    return FALSE;

  if (!exists)
    {
      set_not_found (error, table, uuid);
      return FALSE;
    }

  g_hash_table_add (visiting, g_strdup (uuid));

  if (!delete_dependents (self, table, uuid, visiting, error))
    return FALSE;

  /* Log every field's old value, system fields included, so undo can put
   * the record back exactly as it was. */
  select_sql = select_columns_sql (table, FALSE);
  stmt = prepare (self, select_sql, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      _aims_sqlite_set_error (error, self->db, rc, _("Could not read the record to delete"));
      release (stmt);
      return FALSE;
    }

  n_columns = sqlite3_column_count (stmt);
  for (guint i = 0; i < n_columns; i++)
    {
      const AimsFieldInfo *field = nth_column_field (table, FALSE, i);

      if (field == NULL)
        break;

      if (!log_change (self, table->name, uuid, "delete", field->name,
                       NULL, sqlite3_column_value (stmt, i), NULL, NULL, error))
        {
          release (stmt);
          return FALSE;
        }
    }
  release (stmt);

  delete_sql = g_strdup_printf ("DELETE FROM %s WHERE uuid = ?", quoted_table);
  stmt = prepare (self, delete_sql, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  release (stmt);

  if (rc != SQLITE_DONE)
    {
      g_autofree char *what = g_strdup_printf (_("Could not delete the %s"),
                                               translated (table->noun));

      set_step_error (self, error, rc, what);
      return FALSE;
    }

  touch (self, table->name, uuid);
  return TRUE;
}

/* Undo and redo */

static GPtrArray *
load_log_rows (AimsStore       *self,
               const UndoStep  *step,
               GError         **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) log_row_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = prepare (self,
                  "SELECT record_table, record_uuid, op, field, old_value FROM change_log "
                  "WHERE id BETWEEN ? AND ? AND changeset = ? ORDER BY id DESC",
                  error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, step->first_log);
  sqlite3_bind_int64 (stmt, 2, step->last_log);
  sqlite3_bind_int64 (stmt, 3, step->changeset);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LogRow *row = g_new0 (LogRow, 1);

      row->table = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      row->uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      row->op = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      row->field = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      row->old_value = sqlite3_value_dup (sqlite3_column_value (stmt, 4));
      g_ptr_array_add (rows, row);
    }
  release (stmt);

  if (rc != SQLITE_DONE)
    {
      _aims_sqlite_set_error (error, self->db, rc, _("Could not read the history"));
      return NULL;
    }

  return g_steal_pointer (&rows);
}

static gboolean
set_corrupt_log (GError **error)
{
  g_set_error (error, AIMS_STORE_ERROR, AIMS_STORE_ERROR_CORRUPT,
               _("The history of the project refers to data this version does not know; "
                 "the change cannot be undone."));
  return FALSE;
}

/* Applies the inverse of a changeset inside the current (undo or redo)
 * changeset, newest row first: a delete logged children before their parent,
 * so the parent is restored before its children; an insert of a parent and
 * then a child is reverted child first. */
static gboolean
apply_inverse_rows (AimsStore       *self,
                    const UndoStep  *step,
                    GError         **error)
{
  g_autoptr(GPtrArray) rows = load_log_rows (self, step, error);
  g_autoptr(GHashTable) handled = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint i = 0;

  if (rows == NULL)
    return FALSE;

  while (i < rows->len)
    {
      LogRow *row = g_ptr_array_index (rows, i);
      const AimsTableInfo *table = _aims_schema_def_lookup_table (self->schema, row->table);

      if (table == NULL || table->kind == AIMS_TABLE_INTERNAL)
        return set_corrupt_log (error);

      /* A run of deletes goes with the CHECKs off (see delete_record()),
       * turned off once: each turn makes SQLite prepare its statements
       * again. Writes of logged values have them on. */
      if (!_aims_store_set_checks (self, !g_str_equal (row->op, "insert"), error))
        return FALSE;

      if (g_str_equal (row->op, "update"))
        {
          const AimsFieldInfo *field = aims_table_info_lookup_field (table, row->field);
          g_autoptr(GVariant) value = NULL;
          RawValue raw;

          if (field == NULL)
            return set_corrupt_log (error);

          raw_from_value (&raw, row->old_value);
          value = raw_to_variant (&raw, field);
          if (!update_field (self, table, row->uuid, field, value, error))
            return FALSE;
          i++;
        }
      else if (g_str_equal (row->op, "insert"))
        {
          gboolean exists = FALSE;

          /* Skip the other rows of the same record. */
          while (i < rows->len)
            {
              LogRow *next = g_ptr_array_index (rows, i);

              if (!g_str_equal (next->uuid, row->uuid) || !g_str_equal (next->op, "insert"))
                break;
              i++;
            }

          if (!record_exists (self, table, row->uuid, &exists, error))
            return FALSE;

          /* Deleting a parent created in the same changeset already took its
           * children with it. */
          if (exists && !delete_record (self, table, row->uuid, handled, error))
            return FALSE;
        }
      else if (g_str_equal (row->op, "delete"))
        {
          g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                                (GDestroyNotify) g_variant_unref);
          g_autofree char *uuid = NULL;

          while (i < rows->len)
            {
              LogRow *next = g_ptr_array_index (rows, i);
              const AimsFieldInfo *field;
              GVariant *value;
              RawValue raw;

              if (!g_str_equal (next->uuid, row->uuid) || !g_str_equal (next->op, "delete"))
                break;

              field = aims_table_info_lookup_field (table, next->field);
              if (field == NULL)
                return set_corrupt_log (error);

              raw_from_value (&raw, next->old_value);
              value = raw_to_variant (&raw, field);
              if (value != NULL)
                g_hash_table_insert (values, (gpointer) field->name, value);
              i++;
            }

          uuid = insert_record (self, table, row->uuid, values, error);
          if (uuid == NULL)
            return FALSE;
        }
      else
        return set_corrupt_log (error);
    }

  return TRUE;
}

static gboolean
apply_inverse (AimsStore       *self,
               const UndoStep  *step,
               GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean ok = apply_inverse_rows (self, step, error);

  /* On in every case: a failed undo leaves the connection as it found it. */
  if (!_aims_store_set_checks (self, TRUE, ok ? error : &local_error))
    return FALSE;

  return ok;
}

static gboolean
undo_or_redo (AimsStore  *self,
              gboolean    undo,
              GError    **error)
{
  GPtrArray *from = undo ? self->undo_stack : self->redo_stack;
  GPtrArray *to = undo ? self->redo_stack : self->undo_stack;
  gboolean could_undo = aims_store_get_can_undo (self);
  gboolean could_redo = aims_store_get_can_redo (self);
  UndoStep *step;
  UndoStep *done = NULL;

  if (!check_writable (self, error))
    return FALSE;

  if (self->depth > 0)
    {
      g_set_error (error, AIMS_STORE_ERROR, AIMS_STORE_ERROR_GROUP_OPEN,
                   _("Finish the current change before undoing."));
      return FALSE;
    }

  step = peek_step (from);
  if (step == NULL)
    {
      g_set_error (error, AIMS_STORE_ERROR, AIMS_STORE_ERROR_NOTHING_TO_UNDO,
                   undo ? _("There is nothing to undo.") : _("There is nothing to redo."));
      return FALSE;
    }

  if (!open_changeset (self, step->label, undo ? "undo" : "redo", error))
    return FALSE;

  if (!apply_inverse (self, step, error))
    {
      rollback_changeset (self);
      return FALSE;
    }

  if (!close_changeset (self, &done, error))
    return FALSE;

  undo_step_free (pop_step (from));
  if (done != NULL)
    push_step (to, done);

  if (could_undo != aims_store_get_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CAN_UNDO]);
  if (could_redo != aims_store_get_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CAN_REDO]);

  return TRUE;
}

static void
begin_group_full (AimsStore  *self,
                  const char *label,
                  const char *kind)
{
  g_autoptr(GError) error = NULL;

  if (self->depth > 0)
    {
      if (self->group_error == NULL &&
          !exec (self, "SAVEPOINT aims_group", &self->group_error))
        g_warning ("Could not start a nested group: %s", self->group_error->message);
      self->depth++;
      return;
    }

  if (!check_writable (self, &error) ||
      !open_changeset (self, label, kind, &error))
    {
      /* Keep the failure for end_group(); writes inside the group fail too. */
      reset_group (self);
      self->depth = 1;
      self->group_error = g_steal_pointer (&error);
      return;
    }

  self->compact_log = g_str_equal (kind, "import");
}

/* Set up */

static gboolean
discover_links (AimsStore  *self,
                GError    **error)
{
  for (guint i = 0; i < self->schema->n_tables; i++)
    {
      const AimsTableInfo *child = &self->schema->tables[i];
      sqlite3_stmt *stmt;
      int rc;

      if (child->kind == AIMS_TABLE_INTERNAL)
        continue;

      stmt = prepare (self,
                      "SELECT \"table\", \"from\", \"to\" FROM pragma_foreign_key_list(?)",
                      error);
      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_text (stmt, 1, child->name, -1, SQLITE_STATIC);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          const char *parent_name = (const char *) sqlite3_column_text (stmt, 0);
          const char *from = (const char *) sqlite3_column_text (stmt, 1);
          const char *to = (const char *) sqlite3_column_text (stmt, 2);
          Link link;

          link.child = child;
          link.child_field = aims_table_info_lookup_field (child, from);
          link.parent = _aims_schema_def_lookup_table (self->schema, parent_name);
          link.parent_field = link.parent != NULL
            ? aims_table_info_lookup_field (link.parent, to != NULL ? to : "uuid")
            : NULL;

          if (link.child_field != NULL && link.parent != NULL && link.parent_field != NULL &&
              link.parent->kind != AIMS_TABLE_INTERNAL)
            g_array_append_val (self->links, link);
        }
      release (stmt);

      if (rc != SQLITE_DONE)
        {
          _aims_sqlite_set_error (error, self->db, rc,
                                  _("Could not read the links between tables"));
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
open_database (AimsStore  *self,
               GError    **error)
{
  g_autofree char *pragma = NULL;
  int rc;

  rc = sqlite3_open_v2 (self->filename, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_EXRESCODE,
                        NULL);
  if (rc != SQLITE_OK)
    {
      _aims_sqlite_set_error (error, self->db, rc,
                              _("Could not open the working copy of the project"));
      sqlite3_close (self->db);
      self->db = NULL;
      return FALSE;
    }

  sqlite3_busy_timeout (self->db, 2000);

  /* Snapshots copy the file through this descriptor. It stays open until the
   * connection is closed: closing any descriptor of a file drops the POSIX
   * locks the process holds on it, SQLite's included. */
  self->file_fd = g_open (self->filename, O_RDONLY | O_CLOEXEC | O_NOCTTY, 0);

  if (!_aims_sqlite_harden (self->db, FALSE, error) ||
      !exec (self, "PRAGMA journal_mode = WAL", error) ||
      !exec (self, "PRAGMA foreign_keys = ON", error) ||
      !exec (self, "PRAGMA cache_size = -32768", error))
    return FALSE;

  /* Reads through a memory map of the working copy, not a read() per page:
   * the figures and the review pack scan every risk of a project of 100,000
   * (issue 8), which took as much time in system calls as in SQLite. The
   * file is our own private copy, so no other program truncates it under
   * the map. A build of SQLite without mmap simply ignores this. */
  sqlite3_exec (self->db, "PRAGMA mmap_size = 1073741824", NULL, NULL, NULL);

  self->checkpointer = _aims_checkpointer_new (self->db, self->filename);

  _aims_store_set_synchronous (self, DEFAULT_SYNCHRONOUS_FULL);

  if (!_aims_schema_migrate (self->schema, self->db, self->schema->version, self->author, error))
    return FALSE;

  if (!_aims_sqlite_query_int (self->db, "SELECT max(id) FROM change_log",
                               &self->last_change_id, error))
    return FALSE;

  return discover_links (self, error);
}

static void
finalize_statements (AimsStore *self)
{
  GHashTableIter iter;
  gpointer stmt;

  g_hash_table_iter_init (&iter, self->statements);
  while (g_hash_table_iter_next (&iter, NULL, &stmt))
    sqlite3_finalize (stmt);
  g_hash_table_remove_all (self->statements);
}

static void
aims_store_finalize (GObject *object)
{
  AimsStore *self = (AimsStore *)object;

  _aims_store_close (self);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->links, g_array_unref);
  g_clear_pointer (&self->undo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->redo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->touched, g_ptr_array_unref);
  g_clear_pointer (&self->touched_set, g_hash_table_unref);
  g_clear_pointer (&self->filename, g_free);
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->group_at, g_free);
  g_clear_pointer (&self->group_label, g_free);
  g_clear_error (&self->group_error);

  G_OBJECT_CLASS (aims_store_parent_class)->finalize (object);
}

static void
aims_store_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  AimsStore *self = AIMS_STORE (object);

  switch (prop_id)
    {
    case PROP_FILENAME:
      g_value_set_string (value, self->filename);
      break;

    case PROP_AUTHOR:
      g_value_set_string (value, self->author);
      break;

    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;

    case PROP_CAN_UNDO:
      g_value_set_boolean (value, aims_store_get_can_undo (self));
      break;

    case PROP_CAN_REDO:
      g_value_set_boolean (value, aims_store_get_can_redo (self));
      break;

    case PROP_LAST_CHANGE_ID:
      g_value_set_int64 (value, self->last_change_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aims_store_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  AimsStore *self = AIMS_STORE (object);

  switch (prop_id)
    {
    case PROP_AUTHOR:
      aims_store_set_author (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aims_store_class_init (AimsStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = aims_store_finalize;
  object_class->get_property = aims_store_get_property;
  object_class->set_property = aims_store_set_property;

  properties [PROP_FILENAME] =
    g_param_spec_string ("filename", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties [PROP_AUTHOR] =
    g_param_spec_string ("author", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_LAST_CHANGE_ID] =
    g_param_spec_int64 ("last-change-id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AimsStore::changed:
   * @self: the store
   * @table: the table of the changed record
   * @uuid: (nullable): the changed record, or %NULL when many records of
   *   @table changed at once (reload the whole table)
   *
   * Emitted after a change is committed, including undo and redo.
   */
  signals [CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
}

static void
aims_store_init (AimsStore *self)
{
  self->author = g_strdup ("");
  self->file_fd = -1;
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->links = g_array_new (FALSE, FALSE, sizeof (Link));
  self->undo_stack = g_ptr_array_new_with_free_func ((GDestroyNotify) undo_step_free);
  self->redo_stack = g_ptr_array_new_with_free_func ((GDestroyNotify) undo_step_free);
  self->touched = g_ptr_array_new ();
  self->touched_set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->schema = _aims_schema_get_default ();
}

/* Private API */

AimsStore *
_aims_store_new_full (const char           *filename,
                      const AimsSchemaDef  *schema,
                      const char           *author,
                      GError              **error)
{
  g_autoptr(AimsStore) self = NULL;

  g_return_val_if_fail (filename != NULL, NULL);
  g_return_val_if_fail (schema != NULL, NULL);

  self = g_object_new (AIMS_TYPE_STORE, NULL);
  self->filename = g_strdup (filename);
  self->schema = schema;
  g_free (self->author);
  self->author = g_strdup (author != NULL ? author : "");

  if (!open_database (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

sqlite3 *
_aims_store_get_db (AimsStore *self)
{
  g_return_val_if_fail (AIMS_IS_STORE (self), NULL);

  return self->db;
}

/* Waits for a checkpoint running on its thread (aims-store-checkpoint.c);
 * returns how many have run so far */
guint
_aims_store_wait_checkpoint (AimsStore *self)
{
  g_return_val_if_fail (AIMS_IS_STORE (self), 0);

  return self->checkpointer != NULL ? _aims_checkpointer_wait (self->checkpointer) : 0;
}

void
_aims_store_set_read_only (AimsStore *self,
                           gboolean   read_only)
{
  g_return_if_fail (AIMS_IS_STORE (self));

  read_only = !!read_only;
  if (self->read_only != read_only)
    {
      self->read_only = read_only;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_READ_ONLY]);
    }
}

/* FULL: each commit fsyncs the WAL (durable across power loss). NORMAL: the
 * WAL is synced at checkpoints only (durable across a crash of the process). */
void
_aims_store_set_synchronous (AimsStore *self,
                             gboolean   full)
{
  g_return_if_fail (AIMS_IS_STORE (self));

  if (self->db != NULL)
    sqlite3_exec (self->db, full ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL",
                  NULL, NULL, NULL);
}

/* Like aims_store_begin_group(), for bulk loads: the changeset is of kind
 * 'import' and logs one row per new record instead of one per field. */
void
_aims_store_begin_import (AimsStore  *self,
                          const char *label)
{
  g_return_if_fail (AIMS_IS_STORE (self));

  begin_group_full (self, label, "import");
}

/*
 * _aims_store_begin_bulk_load:
 *
 * Like _aims_store_begin_import() for a project's starting content made by a
 * generator (the demo project written to a new file): its records are not
 * logged one by one. Each keeps its own created, modified and author; the
 * changeset, and what the group changes through the normal write path (the
 * project's fields), say where they came from. Such a group cannot be undone
 * and clears undo and redo when it ends. The log of 100,000 generated risks
 * would otherwise be a quarter of the file and tell nothing.
 */
void
_aims_store_begin_bulk_load (AimsStore  *self,
                             const char *label)
{
  g_return_if_fail (AIMS_IS_STORE (self));
  g_return_if_fail (self->depth == 0);

  begin_group_full (self, label, "import");
  if (self->group_error == NULL)
    self->bulk_load = TRUE;
}

/* Creates the one project row of a new file. Its creation is in the history
 * but is not an undo step. */
gboolean
_aims_store_create_project (AimsStore  *self,
                            GError    **error)
{
  g_autoptr(GHashTable) values = NULL;
  g_autofree char *uuid = NULL;
  gboolean could_undo;

  g_return_val_if_fail (AIMS_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->depth == 0, FALSE);

  values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_variant_unref);
  g_hash_table_insert (values, (gpointer) "format_version",
                       g_variant_ref_sink (g_variant_new_int64 (self->schema->version)));
  g_hash_table_insert (values, (gpointer) "app_version",
                       g_variant_ref_sink (g_variant_new_string (PACKAGE_VERSION)));

  if (!open_changeset (self, _("Create the project"), "edit", error))
    return FALSE;

  uuid = insert_record (self, _aims_schema_def_lookup_table (self->schema, "project"),
                        NULL, values, error);
  if (uuid == NULL)
    {
      rollback_changeset (self);
      return FALSE;
    }

  could_undo = aims_store_get_can_undo (self);
  if (!close_changeset (self, NULL, error))
    return FALSE;

  if (could_undo)
    {
      g_ptr_array_set_size (self->undo_stack, 0);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CAN_UNDO]);
    }

  return TRUE;
}

static gint64
page_size (AimsStore *self)
{
  gint64 size = 0;

  if (!_aims_sqlite_query_int (self->db, "PRAGMA page_size", &size, NULL))
    return 0;

  return size;
}

/* The error of a failed write to the snapshot, as the store reports it. */
static void
set_copy_error (GError     **error,
                int          saved_errno)
{
  AimsStoreError code;

  switch (saved_errno)
    {
    case ENOSPC:
    case EDQUOT:
    case EFBIG:
      code = AIMS_STORE_ERROR_NO_SPACE;
      break;

    case EACCES:
    case EPERM:
    case EROFS:
      code = AIMS_STORE_ERROR_READ_ONLY;
      break;

    default:
      code = AIMS_STORE_ERROR_IO;
      break;
    }

  g_set_error (error, AIMS_STORE_ERROR, code, _("Could not write the project: %s."),
               g_strerror (saved_errno));
}

static gboolean
vacuum_into (AimsStore   *self,
             const char  *path,
             GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, "VACUUM INTO ?", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, path, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
    }

  if (rc != SQLITE_OK)
    {
      _aims_sqlite_set_error (error, self->db, rc, _("Could not write the project"));
      sqlite3_finalize (stmt);
      return FALSE;
    }
  sqlite3_finalize (stmt);

  return TRUE;
}

/*
 * copy_file:
 * @done: (out): %FALSE if the file cannot be copied as it is (the WAL could
 *   not be emptied, or too much of it is free), so VACUUM INTO must write it
 *
 * Empties the WAL into the database file, then copies that file: the kernel
 * copies, or shares, its blocks, which takes a fraction of the time VACUUM
 * INTO needs to rebuild every table and index. The copy is then marked as a
 * rollback-journal database (the two bytes "PRAGMA journal_mode = DELETE"
 * changes), so other programs read it as a single file and never look for,
 * or leave, a -wal beside it.
 */
static gboolean
copy_file (AimsStore  *self,
           int         fd,
           gboolean   *done,
           GError    **error)
{
  static const guchar rollback_mode[2] = { 1, 1 };
  gint64 n_pages = 0, n_free = 0;
  int n_log = -1, n_checkpointed = -1;
  int saved_errno = 0;
  guint64 n_copied = 0;
  struct stat st;
  int rc;

  *done = FALSE;

  if (self->file_fd < 0 ||
      !_aims_sqlite_query_int (self->db, "PRAGMA page_count", &n_pages, NULL) ||
      !_aims_sqlite_query_int (self->db, "PRAGMA freelist_count", &n_free, NULL) ||
      n_free * MAX_FREE_SHARE > n_pages)
    return TRUE;

  /* A checkpoint on its thread would make this one fail as busy */
  if (self->checkpointer != NULL)
    _aims_checkpointer_wait (self->checkpointer);

  /* TRUNCATE: the WAL is written back and emptied, so the database file
   * alone holds every committed change. A reader elsewhere (there is none
   * in normal use) would make it incomplete: then VACUUM INTO is used. */
  rc = sqlite3_wal_checkpoint_v2 (self->db, "main", SQLITE_CHECKPOINT_TRUNCATE,
                                  &n_log, &n_checkpointed);
  if (rc == SQLITE_BUSY || (rc == SQLITE_OK && n_log != n_checkpointed))
    return TRUE;
  if (rc != SQLITE_OK)
    {
      _aims_sqlite_set_error (error, self->db, rc, _("Could not write the project"));
      return FALSE;
    }

  if (fstat (self->file_fd, &st) != 0 || st.st_size != n_pages * (gint64) page_size (self))
    return TRUE;

  if (!_aims_file_copy_fd (self->file_fd, fd, &n_copied, &saved_errno))
    {
      set_copy_error (error, saved_errno);
      return FALSE;
    }

  if (n_copied != (guint64) st.st_size)
    {
      set_copy_error (error, EIO);
      return FALSE;
    }

  if (pwrite (fd, rollback_mode, sizeof rollback_mode, 18) != (gssize) sizeof rollback_mode)
    {
      set_copy_error (error, errno);
      return FALSE;
    }

  *done = TRUE;
  return TRUE;
}

/*
 * _aims_store_snapshot:
 * @fd: an empty file open for writing, at @path
 * @path: its name
 * @change_id: (out): the last change the snapshot holds
 *
 * Records which version writes the file, then writes the whole project into
 * @fd: a consistent copy in rollback-journal mode, with no -wal beside it.
 * Does not flush it.
 */
gboolean
_aims_store_snapshot (AimsStore   *self,
                      int          fd,
                      const char  *path,
                      gint64      *change_id,
                      GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean copied = FALSE;
  int rc;

  g_return_val_if_fail (AIMS_IS_STORE (self), FALSE);
  g_return_val_if_fail (fd >= 0, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->db == NULL)
    {
      g_set_error (error, AIMS_STORE_ERROR, AIMS_STORE_ERROR_FAILED,
                   _("The project has been closed."));
      return FALSE;
    }

  if (self->depth > 0)
    {
      g_set_error (error, AIMS_STORE_ERROR, AIMS_STORE_ERROR_GROUP_OPEN,
                   _("Finish the current change before saving."));
      return FALSE;
    }

  stmt = prepare (self,
                  "UPDATE project SET format_version = ?1, app_version = ?2 "
                  "WHERE format_version IS NOT ?1 OR app_version IS NOT ?2",
                  error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, self->schema->version);
  sqlite3_bind_text (stmt, 2, PACKAGE_VERSION, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  release (stmt);
  if (rc != SQLITE_DONE)
    {
      _aims_sqlite_set_error (error, self->db, rc, _("Could not prepare the project for saving"));
      return FALSE;
    }

  if (!copy_file (self, fd, &copied, error))
    return FALSE;

  if (!copied && !vacuum_into (self, path, error))
    return FALSE;

  if (change_id != NULL)
    *change_id = self->last_change_id;

  return TRUE;
}

const AimsSchemaDef *
_aims_store_get_schema (AimsStore *self)
{
  g_return_val_if_fail (AIMS_IS_STORE (self), NULL);

  return self->schema;
}

/* A statement from the store's cache: bind, step, then _aims_store_release()
 * it before anything else can use the same SQL. Never finalize it. */
sqlite3_stmt *
_aims_store_prepare (AimsStore   *self,
                     const char  *sql,
                     GError     **error)
{
  g_return_val_if_fail (AIMS_IS_STORE (self), NULL);

  return prepare (self, sql, error);
}

void
_aims_store_release (sqlite3_stmt *stmt)
{
  release (stmt);
}

const AimsTableInfo *
_aims_store_lookup_table (AimsStore   *self,
                          const char  *name,
                          gboolean     writable,
                          GError     **error)
{
  g_return_val_if_fail (AIMS_IS_STORE (self), NULL);

  return lookup_table (self, name, writable, error);
}

const AimsFieldInfo *
_aims_store_lookup_field (const AimsTableInfo  *table,
                          const char           *name,
                          gboolean              writable,
                          GError              **error)
{
  return lookup_field (table, name, writable, error);
}

guint
_aims_field_name_hash (gconstpointer name)
{
  const guchar *text = name;
  gsize len = strlen (name);

  if (len < 2)
    return len == 0 ? 0 : text[0];

  return ((guint) len * 0x9E3779B1u) ^ ((guint) text[0] << 16) ^ ((guint) text[len / 2] << 8) ^
         text[len - 1] ^ ((guint) text[len - 2] << 24);
}

/*
 * _aims_store_check_new_values:
 * @uuid: (out): the lower-cased "uuid" among @values, or %NULL if none
 *
 * The values of a new record, each field known and normalised; what both
 * aims_store_insert() and the bulk path of imports store.
 *
 * Returns: (transfer full) (nullable): field name → normalised value
 */
GHashTable *
_aims_store_check_new_values (const AimsTableInfo  *info,
                              GHashTable           *values,
                              char                **uuid,
                              GError              **error)
{
  g_autoptr(GHashTable) checked = NULL;
  GHashTableIter iter;
  gpointer key, value;

  *uuid = NULL;
  checked = g_hash_table_new_full (_aims_field_name_hash, g_str_equal, NULL,
                                   (GDestroyNotify) g_variant_unref);
  g_hash_table_iter_init (&iter, values);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const AimsFieldInfo *field;
      GVariant *normalized = NULL;

      if (g_strcmp0 (key, "uuid") == 0)
        {
          if (value == NULL || !g_variant_is_of_type (value, G_VARIANT_TYPE_STRING) ||
              !g_uuid_string_is_valid (g_variant_get_string (value, NULL)))
            {
              g_set_error (error, AIMS_STORE_ERROR, AIMS_STORE_ERROR_INVALID_VALUE,
                           _("The identifier of a new record must be a UUID."));
              g_clear_pointer (uuid, g_free);
              return NULL;
            }
          g_free (*uuid);
          *uuid = g_ascii_strdown (g_variant_get_string (value, NULL), -1);
          continue;
        }

      if ((field = lookup_field (info, key, TRUE, error)) == NULL ||
          !normalize_value (info, field, value, &normalized, error))
        {
          g_clear_pointer (uuid, g_free);
          return NULL;
        }

      if (normalized != NULL)
        g_hash_table_insert (checked, (gpointer) field->name, normalized);
    }

  return g_steal_pointer (&checked);
}


/* The store's own checks of one value: type, NULL, size, allowed values and
 * JSON; @out receives it in the field's canonical type. */
gboolean
_aims_store_normalize_value (const AimsTableInfo  *table,
                             const AimsFieldInfo  *field,
                             GVariant             *value,
                             GVariant            **out,
                             GError              **error)
{
  return normalize_value (table, field, value, out, error);
}

/* A column as text for lists and exports: NULL stays NULL, booleans are 0 or
 * 1, text is bounded by the field's limit and valid UTF-8. */
char *
_aims_store_column_text (sqlite3_stmt        *stmt,
                         int                  column,
                         const AimsFieldInfo *field)
{
  gsize max_bytes = field != NULL && field->max_bytes > 0 ? field->max_bytes
                                                          : AIMS_TEXT_LIMIT_JSON;
  RawValue raw;

  raw_from_column (&raw, stmt, column);

  switch (raw.type)
    {
    case SQLITE_NULL:
      return NULL;
    case SQLITE_INTEGER:
      return g_strdup_printf ("%" G_GINT64_FORMAT, raw.i);
    case SQLITE_FLOAT:
      return g_strdup_printf ("%g", raw.d);
    default:
      return bounded_text (raw.text, raw.bytes, max_bytes);
    }
}

/* A column as the GVariant aims_store_get() would return. */
GVariant *
_aims_store_column_variant (sqlite3_stmt        *stmt,
                            int                  column,
                            const AimsFieldInfo *field)
{
  RawValue raw;

  raw_from_column (&raw, stmt, column);
  return raw_to_variant (&raw, field);
}

/*
 * _aims_store_dup_record:
 *
 * Reads a whole record.
 *
 * Returns: (transfer full) (element-type utf8 GVariant): field name (the
 *   descriptor's string) → value; fields holding NULL are absent
 */
GHashTable *
_aims_store_dup_record (AimsStore            *self,
                        const AimsTableInfo  *table,
                        const char           *uuid,
                        GError              **error)
{
  g_autoptr(GHashTable) record = NULL;
  g_autoptr(GString) sql = g_string_new ("SELECT ");
  g_autofree char *quoted_table = _aims_sqlite_quote (table->name);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (AIMS_IS_STORE (self), NULL);

  for (guint i = 0; i < table->n_fields; i++)
    {
      g_autofree char *quoted = _aims_sqlite_quote (table->fields[i].name);

      g_string_append_printf (sql, "%s%s", i > 0 ? ", " : "", quoted);
    }
  g_string_append_printf (sql, " FROM %s WHERE uuid = ?", quoted_table);

  stmt = prepare (self, sql->str, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      release (stmt);
      set_not_found (error, table, uuid);
      return NULL;
    }
  else if (rc != SQLITE_ROW)
    {
      _aims_sqlite_set_error (error, self->db, rc, _("Could not read the project"));
      release (stmt);
      return NULL;
    }

  record = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_variant_unref);
  for (guint i = 0; i < table->n_fields; i++)
    {
      RawValue raw;
      GVariant *value;

      raw_from_column (&raw, stmt, i);
      value = raw_to_variant (&raw, &table->fields[i]);
      if (value != NULL)
        g_hash_table_insert (record, (gpointer) table->fields[i].name, value);
    }
  release (stmt);

  return g_steal_pointer (&record);
}

/*
 * _aims_store_update_fields:
 * @changes: (element-type utf8 GVariant): field name → new value
 * @label: (nullable): the undo label when the write is its own step
 *
 * Like aims_store_update() for several fields of one record at once: the
 * rules judge the record as all the changes leave it, so fields that must
 * change together (a residual likelihood and impact) can.
 */
gboolean
_aims_store_update_fields (AimsStore   *self,
                           const char  *table,
                           const char  *uuid,
                           GHashTable  *changes,
                           const char  *label,
                           GError     **error)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new ();
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  const AimsTableInfo *info;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (AIMS_IS_STORE (self), FALSE);
  g_return_val_if_fail (table != NULL, FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);
  g_return_val_if_fail (changes != NULL, FALSE);

  if (!check_writable (self, error) ||
      (info = lookup_table (self, table, TRUE, error)) == NULL)
    return FALSE;

  g_hash_table_iter_init (&iter, changes);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const AimsFieldInfo *field;
      GVariant *normalized = NULL;

      if ((field = lookup_field (info, key, TRUE, error)) == NULL ||
          !normalize_value (info, field, value, &normalized, error))
        return FALSE;

      g_ptr_array_add (fields, (gpointer) field);
      /* NULL is a value too: keep the arrays in step. */
      g_ptr_array_add (values, normalized);
    }

  return update_fields (self, info, uuid, (const AimsFieldInfo **) fields->pdata,
                        (GVariant **) values->pdata, fields->len, label,
                        AIMS_RISK_DERIVE_EDIT, NULL, error);
}

/* The impacts' severity and likelihood are steps of the same scales as the
 * risks' impact and likelihood, and move with them. */
static gboolean
remap_impacts (AimsStore   *self,
               AimsMatrix  *from,
               AimsMatrix  *to,
               GError     **error)
{
  const AimsTableInfo *info = _aims_schema_def_lookup_table (self->schema, "impact");
  const AimsFieldInfo *fields[2];
  guint steps_from[2], steps_to[2];
  g_autoptr(GPtrArray) uuids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) scores = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  /* A file of format 4 has no impacts */
  if (info == NULL)
    return TRUE;

  fields[0] = aims_table_info_lookup_field (info, "severity");
  fields[1] = aims_table_info_lookup_field (info, "likelihood");
  steps_from[0] = aims_matrix_get_n_steps (from, AIMS_MATRIX_IMPACT);
  steps_from[1] = aims_matrix_get_n_steps (from, AIMS_MATRIX_LIKELIHOOD);
  steps_to[0] = aims_matrix_get_n_steps (to, AIMS_MATRIX_IMPACT);
  steps_to[1] = aims_matrix_get_n_steps (to, AIMS_MATRIX_LIKELIHOOD);

  stmt = prepare (self,
                  "SELECT uuid, severity, likelihood FROM impact "
                  "WHERE severity <> 0 OR likelihood <> 0 ORDER BY rowid",
                  error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (uuids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      for (guint axis = 0; axis < 2; axis++)
        {
          gint64 value = CLAMP (sqlite3_column_int64 (stmt, axis + 1), 0,
                                (gint64) steps_from[axis]);

          value = aims_matrix_remap_value (value, steps_from[axis], steps_to[axis]);
          g_array_append_val (scores, value);
        }
    }
  release (stmt);

  if (rc != SQLITE_DONE)
    {
      _aims_sqlite_set_error (error, self->db, rc, _("Could not read the impact assessments"));
      return FALSE;
    }

  for (guint i = 0; i < uuids->len; i++)
    {
      GVariant *values[2];
      gboolean ok;

      for (guint axis = 0; axis < 2; axis++)
        values[axis] = g_variant_ref_sink (g_variant_new_int64 (g_array_index (scores, gint64,
                                                                               i * 2 + axis)));

      /* As for the risks: the store's own arithmetic, past the rules */
      ok = update_fields (self, info, g_ptr_array_index (uuids, i), fields, values, 2, NULL,
                          AIMS_RISK_DERIVE_REMAP, to, error);

      g_variant_unref (values[0]);
      g_variant_unref (values[1]);

      if (!ok)
        return FALSE;
    }

  return TRUE;
}

/*
 * _aims_store_remap_scores:
 * @from: the matrix the scores were given on
 * @to: the new matrix, already the project's
 *
 * Moves every risk's scores to the steps of @to and recomputes its levels
 * and next review, and moves every impact's severity and likelihood the
 * same way, inside the caller's group (one undo step with the matrix change
 * itself).
 */
gboolean
_aims_store_remap_scores (AimsStore   *self,
                         AimsMatrix  *from,
                         AimsMatrix  *to,
                         GError     **error)
{
  static const char * const names[] = {
    "inherent_likelihood", "inherent_impact", "residual_likelihood", "residual_impact"
  };
  const AimsTableInfo *info;
  const AimsFieldInfo *fields[G_N_ELEMENTS (names)];
  guint steps_from[2], steps_to[2];
  g_autoptr(GPtrArray) uuids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) scores = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (AIMS_IS_STORE (self), FALSE);
  g_return_val_if_fail (AIMS_IS_MATRIX (from), FALSE);
  g_return_val_if_fail (AIMS_IS_MATRIX (to), FALSE);

  if (!check_writable (self, error))
    return FALSE;

  info = _aims_schema_def_lookup_table (self->schema, "risk");
  if (info == NULL)
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    fields[i] = aims_table_info_lookup_field (info, names[i]);

  steps_from[0] = aims_matrix_get_n_steps (from, AIMS_MATRIX_LIKELIHOOD);
  steps_from[1] = aims_matrix_get_n_steps (from, AIMS_MATRIX_IMPACT);
  steps_to[0] = aims_matrix_get_n_steps (to, AIMS_MATRIX_LIKELIHOOD);
  steps_to[1] = aims_matrix_get_n_steps (to, AIMS_MATRIX_IMPACT);

  /* Read first: the updates below must not disturb the query. */
  stmt = prepare (self,
                  "SELECT uuid, inherent_likelihood, inherent_impact, residual_likelihood, "
                  "residual_impact FROM risk ORDER BY rowid",
                  error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (uuids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        {
          gint64 value = sqlite3_column_int64 (stmt, i + 1);
          guint axis = i % 2;

          /* A value outside the old matrix (a file edited elsewhere) is taken
           * as its nearest step; 0 stays "not assessed". */
          value = CLAMP (value, 0, (gint64) steps_from[axis]);
          value = aims_matrix_remap_value (value, steps_from[axis], steps_to[axis]);
          g_array_append_val (scores, value);
        }
    }
  release (stmt);

  if (rc != SQLITE_DONE)
    {
      _aims_sqlite_set_error (error, self->db, rc, _("Could not read the risks"));
      return FALSE;
    }

  for (guint i = 0; i < uuids->len; i++)
    {
      GVariant *values[G_N_ELEMENTS (names)];
      gboolean ok;

      for (guint j = 0; j < G_N_ELEMENTS (names); j++)
        values[j] = g_variant_ref_sink (
          g_variant_new_int64 (g_array_index (scores, gint64, i * G_N_ELEMENTS (names) + j)));

      ok = update_fields (self, info, g_ptr_array_index (uuids, i), fields, values,
                          G_N_ELEMENTS (names), NULL, AIMS_RISK_DERIVE_REMAP, to, error);

      for (guint j = 0; j < G_N_ELEMENTS (names); j++)
        g_variant_unref (values[j]);

      if (!ok)
        return FALSE;
    }

  return remap_impacts (self, from, to, error);
}

/*
 * _aims_store_log_import:
 *
 * For bulk loads inside _aims_store_begin_import(): the caller inserted the
 * row of @uuid itself (a prepared statement of its own, on the trusted data
 * of the demo generator); this records it as the import's other records are,
 * so undo removes it and `changed` announces it.
 */
gboolean
_aims_store_log_import (AimsStore   *self,
                        const char  *table,
                        const char  *uuid,
                        GError     **error)
{
  g_return_val_if_fail (AIMS_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->depth > 0 && self->compact_log, FALSE);

  if (!self->bulk_load &&
      !log_change (self, table, uuid, "insert", NULL, NULL, NULL, NULL, NULL, error))
    return FALSE;

  touch (self, table, uuid);
  return TRUE;
}

/*
 * _aims_store_log_update:
 *
 * For the bulk write path (aims-store-bulk.c), which changes a record's
 * fields with one UPDATE of its own: logs one changed field as
 * aims_store_update() does (old and new value), so undo restores it.
 */
gboolean
_aims_store_log_update (AimsStore   *self,
                        const char  *table,
                        const char  *uuid,
                        const char  *field,
                        GVariant    *old_value,
                        GVariant    *new_value,
                        GError     **error)
{
  g_return_val_if_fail (AIMS_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->depth > 0 && self->compact_log, FALSE);

  if (!log_change (self, table, uuid, "update", field, old_value, NULL, new_value, NULL, error))
    return FALSE;

  touch (self, table, uuid);
  return TRUE;
}

/* Whether an import group (_aims_store_begin_import()) is open and usable:
 * the bulk write path writes only inside one. */
gboolean
_aims_store_in_import (AimsStore *self)
{
  g_return_val_if_fail (AIMS_IS_STORE (self), FALSE);

  return self->depth > 0 && self->compact_log && !self->bulk_load &&
         self->group_error == NULL;
}

/* The error of a failed INSERT or UPDATE, worded as the general write path
 * words it ("Another risk already has this “Reference”"). */
void
_aims_store_set_step_error (AimsStore   *self,
                            GError     **error,
                            int          rc,
                            const char  *what)
{
  g_return_if_fail (AIMS_IS_STORE (self));

  set_step_error (self, error, rc, what);
}

/* Binds a canonical value (s, x, b or d; NULL binds NULL) as the store does. */
void
_aims_store_bind_variant (sqlite3_stmt *stmt,
                          int           index,
                          GVariant     *value)
{
  bind_variant (stmt, index, value);
}

/* The time stamp of the open changeset's records (created, modified). */
const char *
_aims_store_get_group_at (AimsStore *self)
{
  g_return_val_if_fail (AIMS_IS_STORE (self), NULL);

  return self->group_at;
}

/*
 * _aims_store_set_checks:
 * @on: whether the database judges its CHECK constraints
 *
 * Turns the CHECK constraints (the choice lists of the columns) off for
 * writes whose values are known to meet them, and on again. NOT NULL,
 * UNIQUE and FOREIGN KEY constraints stay on.
 */
gboolean
_aims_store_set_checks (AimsStore  *self,
                        gboolean    on,
                        GError    **error)
{
  g_return_val_if_fail (AIMS_IS_STORE (self), FALSE);

  if (self->db == NULL || !self->checks_off == !!on)
    return TRUE;

  if (!_aims_sqlite_exec (self->db, on ? "PRAGMA ignore_check_constraints = OFF"
                                       : "PRAGMA ignore_check_constraints = ON", error))
    return FALSE;

  self->checks_off = !on;
  return TRUE;
}

/* Closes the connection (checkpointing the WAL); later calls fail cleanly. */
void
_aims_store_close (AimsStore *self)
{
  g_return_if_fail (AIMS_IS_STORE (self));

  if (self->db == NULL)
    return;

  if (self->depth > 0)
    rollback_changeset (self);

  g_clear_pointer (&self->checkpointer, _aims_checkpointer_free);
  finalize_statements (self);
  sqlite3_close (self->db);
  self->db = NULL;
  self->checks_off = FALSE;

  if (self->file_fd >= 0)
    {
      close (self->file_fd);
      self->file_fd = -1;
    }
}

/* Public API */

/**
 * aims_store_new:
 * @filename: the working copy, created if it does not exist
 * @author: (nullable): the name recorded with every change
 * @error: return location for a #GError
 *
 * Opens a database this process owns (a working copy, never a file from
 * elsewhere: see aims_document_open() for those) and brings it to the current
 * file format. A new file gets the schema but no project row.
 *
 * Returns: (transfer full) (nullable): the store, or %NULL with @error set
 */
AimsStore *
aims_store_new (const char  *filename,
                const char  *author,
                GError     **error)
{
  return _aims_store_new_full (filename, _aims_schema_get_default (), author, error);
}

/**
 * aims_store_get_filename:
 * @self: a #AimsStore
 *
 * Returns: (transfer none): the path of the database
 */
const char *
aims_store_get_filename (AimsStore *self)
{
  g_return_val_if_fail (AIMS_IS_STORE (self), NULL);

  return self->filename;
}

/**
 * aims_store_get_author:
 * @self: a #AimsStore
 *
 * Returns: (transfer none): the name recorded with new changes
 */
const char *
aims_store_get_author (AimsStore *self)
{
  g_return_val_if_fail (AIMS_IS_STORE (self), NULL);

  return self->author;
}

/**
 * aims_store_set_author:
 * @self: a #AimsStore
 * @author: (nullable): the name to record with new changes
 */
void
aims_store_set_author (AimsStore  *self,
                       const char *author)
{
  g_autofree char *clipped = NULL;

  g_return_if_fail (AIMS_IS_STORE (self));

  if (author == NULL || !g_utf8_validate (author, -1, NULL))
    author = "";

  clipped = bounded_text (author, strlen (author), AIMS_TEXT_LIMIT_SHORT);
  if (g_strcmp0 (self->author, clipped) != 0)
    {
      g_free (self->author);
      self->author = g_steal_pointer (&clipped);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_AUTHOR]);
    }
}

/**
 * aims_store_get_read_only:
 * @self: a #AimsStore
 *
 * Returns: %TRUE if every write fails with %AIMS_STORE_ERROR_READ_ONLY
 */
gboolean
aims_store_get_read_only (AimsStore *self)
{
  g_return_val_if_fail (AIMS_IS_STORE (self), TRUE);

  return self->read_only;
}

/**
 * aims_store_insert:
 * @self: a #AimsStore
 * @table: a table of records, such as "ai_system"
 * @values: (element-type utf8 GVariant): field name → value (`s`, `x`, `b` or
 *   `d`, as the field's kind says); absent fields get their default. A valid
 *   "uuid" may be given, otherwise one is made. The store does not keep
 *   references to @values.
 * @error: return location for a #GError
 *
 * Adds a record, stamping created, modified and author, and logs one change
 * per field.
 *
 * Returns: (transfer full) (nullable): the new record's UUID
 */
char *
aims_store_insert (AimsStore   *self,
                   const char  *table,
                   GHashTable  *values,
                   GError     **error)
{
  g_autoptr(GHashTable) checked = NULL;
  g_autoptr(AimsMatrix) matrix = NULL;
  g_autofree char *label = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *new_uuid = NULL;
  const AimsTableInfo *info;
  gboolean implicit;

  g_return_val_if_fail (AIMS_IS_STORE (self), NULL);
  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (values != NULL, NULL);

  if (!check_writable (self, error) ||
      (info = lookup_table (self, table, TRUE, error)) == NULL)
    return NULL;

  if (info->kind != AIMS_TABLE_RECORDS)
    {
      g_set_error (error, AIMS_STORE_ERROR, AIMS_STORE_ERROR_UNKNOWN_FIELD,
                   _("A project has exactly one %s; it cannot be added."), translated (info->noun));
      return NULL;
    }

  if ((checked = _aims_store_check_new_values (info, values, &uuid, error)) == NULL)
    return NULL;

  /* A risk's levels and next review come from the matrix, never from the
   * caller (who cannot give them: they are system fields). */
  if (_aims_risks_is_risk_table (info))
    {
      matrix = aims_store_dup_matrix (self);
      _aims_risks_derive (matrix, checked, values, AIMS_RISK_DERIVE_INSERT, NULL);
    }

  if (self->depth == 0)
    {
      GVariant *title = info->title_field != NULL
        ? g_hash_table_lookup (checked, info->title_field)
        : NULL;

      label = g_strdup_printf (_("Add %s “%s”"), translated (info->noun),
                               title != NULL ? g_variant_get_string (title, NULL) : "");
    }

  if (!write_begin (self, label, &implicit, error))
    return NULL;

  new_uuid = insert_record (self, info, uuid, checked, error);

  /* The rules judge the record as the database made it, defaults included;
   * a refusal rolls the insert and its log back. */
  if (new_uuid != NULL)
    {
      g_autoptr(GHashTable) record = _aims_store_dup_record (self, info, new_uuid, error);

      if (record == NULL || !_aims_rules_check_record (info, record, NULL, error) ||
          (matrix != NULL && !_aims_rules_check_risk (info, record, NULL, matrix, error)) ||
          !check_assessment_editable (self, info, record, FALSE, error))
        g_clear_pointer (&new_uuid, g_free);
      else if (_aims_rules_impact_needs_matrix (info, NULL) &&
               (g_hash_table_contains (checked, "severity") ||
                g_hash_table_contains (checked, "likelihood")))
        {
          g_autoptr(AimsMatrix) scales = aims_store_dup_matrix (self);

          if (!_aims_rules_check_impact (info, record, NULL, scales, error))
            g_clear_pointer (&new_uuid, g_free);
        }
    }

  if (!write_end (self, implicit, new_uuid != NULL, error))
    return NULL;

  return g_steal_pointer (&new_uuid);
}

/**
 * aims_store_update:
 * @self: a #AimsStore
 * @table: the table of the record
 * @uuid: the record
 * @field: the field to change
 * @value: (nullable): the new value (floating references are sunk), or
 *   %NULL to store NULL
 * @error: return location for a #GError
 *
 * Changes one field, stamps modified and author, and logs the old and new
 * value. Setting a field to the value it holds does nothing and logs nothing.
 * The rules of the data apply (%AIMS_RULE_ERROR), and an impact
 * assessment's status keeps those of aims_assessment_approve(): approved
 * only when complete (%AIMS_ASSESSMENT_ERROR_INCOMPLETE), superseded only
 * by a later approved version, and no way back from either
 * (%AIMS_ASSESSMENT_ERROR_STATUS).
 *
 * Returns: %TRUE on success
 */
gboolean
aims_store_update (AimsStore   *self,
                   const char  *table,
                   const char  *uuid,
                   const char  *field,
                   GVariant    *value,
                   GError     **error)
{
  g_autoptr(GVariant) owned = NULL;
  g_autoptr(GVariant) normalized = NULL;
  g_autofree char *label = NULL;
  const AimsTableInfo *info;
  const AimsFieldInfo *field_info;

  g_return_val_if_fail (AIMS_IS_STORE (self), FALSE);
  g_return_val_if_fail (table != NULL, FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);
  g_return_val_if_fail (field != NULL, FALSE);

  if (value != NULL)
    owned = g_variant_ref_sink (value);

  if (!check_writable (self, error) ||
      (info = lookup_table (self, table, TRUE, error)) == NULL ||
      (field_info = lookup_field (info, field, TRUE, error)) == NULL ||
      !normalize_value (info, field_info, owned, &normalized, error))
    return FALSE;

  if (self->depth == 0)
    {
      g_autofree char *title = NULL;

      if (info->kind == AIMS_TABLE_SINGLETON)
        label = g_strdup_printf (_("Change “%s” of the %s"),
                                 translated (field_info->label), translated (info->noun));
      else
        {
          title = record_title (self, info, uuid);
          label = g_strdup_printf (_("Change “%s” of “%s”"),
                                   translated (field_info->label), title != NULL ? title : "");
        }
    }

  return update_fields (self, info, uuid, &field_info, &normalized, 1, label,
                        AIMS_RISK_DERIVE_EDIT, NULL, error);
}

/**
 * aims_store_delete:
 * @self: a #AimsStore
 * @table: a table of records
 * @uuid: the record to delete
 * @error: return location for a #GError
 *
 * Deletes a record and, first, every record that refers to it, logging each
 * field's old value so the delete can be undone completely.
 *
 * Returns: %TRUE on success
 */
gboolean
aims_store_delete (AimsStore   *self,
                   const char  *table,
                   const char  *uuid,
                   GError     **error)
{
  g_autoptr(GHashTable) visiting = NULL;
  g_autofree char *label = NULL;
  const AimsTableInfo *info;
  gboolean implicit;
  gboolean ok;

  g_return_val_if_fail (AIMS_IS_STORE (self), FALSE);
  g_return_val_if_fail (table != NULL, FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  if (!check_writable (self, error) ||
      (info = lookup_table (self, table, TRUE, error)) == NULL)
    return FALSE;

  if (info->kind != AIMS_TABLE_RECORDS)
    {
      g_set_error (error, AIMS_STORE_ERROR, AIMS_STORE_ERROR_UNKNOWN_FIELD,
                   _("A project has exactly one %s; it cannot be deleted."),
                   translated (info->noun));
      return FALSE;
    }

  if (self->depth == 0)
    {
      g_autofree char *title = record_title (self, info, uuid);

      label = g_strdup_printf (_("Delete %s “%s”"), translated (info->noun),
                               title != NULL ? title : "");
    }

  /* An approved assessment keeps its impacts and measures; deleting the
   * assessment or its AI system takes them along, which is not an edit */
  if (g_str_equal (info->name, "impact") || g_str_equal (info->name, "impact_measure"))
    {
      g_autoptr(GHashTable) record = _aims_store_dup_record (self, info, uuid, error);

      if (record == NULL || !check_assessment_editable (self, info, record, FALSE, error))
        return FALSE;
    }

  if (!write_begin (self, label, &implicit, error))
    return FALSE;

  visiting = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ok = delete_record (self, info, uuid, visiting, error);

  return write_end (self, implicit, ok, error);
}

/**
 * aims_store_begin_group:
 * @self: a #AimsStore
 * @label: what the group does, shown as "Undo @label"
 *
 * Starts a group: the edits until the matching aims_store_end_group() form
 * one changeset, one SQL transaction and one undo step. Groups nest; only the
 * outermost one commits, and only its label is used.
 */
void
aims_store_begin_group (AimsStore  *self,
                        const char *label)
{
  g_return_if_fail (AIMS_IS_STORE (self));

  begin_group_full (self, label, "edit");
}

/**
 * aims_store_end_group:
 * @self: a #AimsStore
 * @error: return location for a #GError
 *
 * Ends the innermost group. Ending the outermost one commits the changeset
 * and emits #AimsStore::changed for every changed record. A group in which
 * nothing changed leaves no trace.
 *
 * Returns: %TRUE on success; %FALSE if the group could not start or commit,
 *   in which case none of its changes were kept
 */
gboolean
aims_store_end_group (AimsStore  *self,
                      GError    **error)
{
  UndoStep *step = NULL;
  gboolean is_edit;
  gboolean bulk_load;

  g_return_val_if_fail (AIMS_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (self->depth > 1)
    {
      self->depth--;
      if (self->group_error != NULL)
        return TRUE;
      return exec (self, "RELEASE aims_group", error);
    }

  if (self->group_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&self->group_error));
      rollback_changeset (self);
      return FALSE;
    }

  is_edit = g_strcmp0 (self->group_kind, "edit") == 0 ||
            g_strcmp0 (self->group_kind, "import") == 0;
  bulk_load = self->bulk_load;
  if (!close_changeset (self, &step, error))
    return FALSE;

  if (bulk_load)
    {
      /* Its records are not in the log: it cannot be undone, and it is the
       * new starting point of undo. */
      g_clear_pointer (&step, undo_step_free);
      clear_undo_history (self);
    }
  else if (is_edit)
    record_edit (self, step);
  else if (step != NULL)
    undo_step_free (step);

  return TRUE;
}

/**
 * aims_store_abort_group:
 * @self: a #AimsStore
 *
 * Ends the innermost group, discarding every change made in it. Aborting the
 * outermost group leaves no trace of it.
 */
void
aims_store_abort_group (AimsStore *self)
{
  g_return_if_fail (AIMS_IS_STORE (self));
  g_return_if_fail (self->depth > 0);

  if (self->depth > 1)
    {
      self->depth--;
      if (self->group_error == NULL)
        sqlite3_exec (self->db, "ROLLBACK TO aims_group; RELEASE aims_group", NULL, NULL, NULL);
      return;
    }

  rollback_changeset (self);
}

/**
 * aims_store_get:
 * @self: a #AimsStore
 * @table: a table of records, or "project"
 * @uuid: the record
 * @field: the field to read
 * @error: return location for a #GError
 *
 * Reads one field. Text is never longer than the field's limit and is always
 * valid UTF-8. A record that does not exist is %AIMS_STORE_ERROR_NOT_FOUND; a
 * field holding NULL returns %NULL without an error.
 *
 * Returns: (transfer full) (nullable): the value (`s`, `x`, `b` or `d`)
 */
GVariant *
aims_store_get (AimsStore   *self,
                const char  *table,
                const char  *uuid,
                const char  *field,
                GError     **error)
{
  g_autofree char *quoted_table = NULL;
  g_autofree char *quoted_field = NULL;
  g_autofree char *sql = NULL;
  const AimsTableInfo *info;
  const AimsFieldInfo *field_info;
  GVariant *value = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (AIMS_IS_STORE (self), NULL);
  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (uuid != NULL, NULL);
  g_return_val_if_fail (field != NULL, NULL);

  if ((info = lookup_table (self, table, FALSE, error)) == NULL ||
      (field_info = lookup_field (info, field, FALSE, error)) == NULL)
    return NULL;

  quoted_table = _aims_sqlite_quote (info->name);
  quoted_field = _aims_sqlite_quote (field_info->name);
  sql = g_strdup_printf ("SELECT %s FROM %s WHERE uuid = ?", quoted_field, quoted_table);

  stmt = prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      RawValue raw;

      raw_from_column (&raw, stmt, 0);
      value = raw_to_variant (&raw, field_info);
    }
  else if (rc == SQLITE_DONE)
    set_not_found (error, info, uuid);
  else
    _aims_sqlite_set_error (error, self->db, rc, _("Could not read the project"));

  release (stmt);
  return value;
}

/**
 * aims_store_dup_text:
 * @self: a #AimsStore
 * @table: a table of records, or "project"
 * @uuid: the record
 * @field: the field to read
 * @error: return location for a #GError
 *
 * Like aims_store_get(), as text (numbers are formatted).
 *
 * Returns: (transfer full) (nullable): the text, or %NULL for NULL or an error
 */
char *
aims_store_dup_text (AimsStore   *self,
                     const char  *table,
                     const char  *uuid,
                     const char  *field,
                     GError     **error)
{
  g_autoptr(GVariant) value = aims_store_get (self, table, uuid, field, error);

  if (value == NULL)
    return NULL;

  if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    return g_variant_dup_string (value, NULL);
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
    return g_strdup_printf ("%" G_GINT64_FORMAT, g_variant_get_int64 (value));
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_BOOLEAN))
    return g_strdup (g_variant_get_boolean (value) ? "1" : "0");

  return g_strdup_printf ("%g", g_variant_get_double (value));
}

/**
 * aims_store_dup_project_uuid:
 * @self: a #AimsStore
 *
 * Returns: (transfer full) (nullable): the UUID of the project record
 */
char *
aims_store_dup_project_uuid (AimsStore *self)
{
  sqlite3_stmt *stmt;
  char *uuid = NULL;

  g_return_val_if_fail (AIMS_IS_STORE (self), NULL);

  stmt = prepare (self, "SELECT uuid FROM project ORDER BY rowid LIMIT 1", NULL);
  if (stmt == NULL)
    return NULL;

  if (sqlite3_step (stmt) == SQLITE_ROW)
    uuid = bounded_text ((const char *) sqlite3_column_text (stmt, 0),
                         sqlite3_column_bytes (stmt, 0), AIMS_TEXT_LIMIT_SHORT);
  release (stmt);

  return uuid;
}

/**
 * aims_store_count:
 * @self: a #AimsStore
 * @table: a table of the file format
 *
 * Returns: the number of rows of @table, 0 if it is unknown
 */
guint
aims_store_count (AimsStore  *self,
                  const char *table)
{
  g_autofree char *quoted = NULL;
  g_autofree char *sql = NULL;
  const AimsTableInfo *info;
  sqlite3_stmt *stmt;
  guint count = 0;

  g_return_val_if_fail (AIMS_IS_STORE (self), 0);

  if ((info = _aims_schema_def_lookup_table (self->schema, table)) == NULL)
    return 0;

  quoted = _aims_sqlite_quote (info->name);
  sql = g_strdup_printf ("SELECT count(*) FROM %s", quoted);

  stmt = prepare (self, sql, NULL);
  if (stmt == NULL)
    return 0;

  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = (guint) MIN (sqlite3_column_int64 (stmt, 0), G_MAXUINT);
  release (stmt);

  return count;
}

/**
 * aims_store_dup_uuids:
 * @self: a #AimsStore
 * @table: a table of records
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the UUIDs of every record of @table,
 *   in the order they were added
 */
char **
aims_store_dup_uuids (AimsStore   *self,
                      const char  *table,
                      GError     **error)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  g_autofree char *quoted = NULL;
  g_autofree char *sql = NULL;
  const AimsTableInfo *info;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (AIMS_IS_STORE (self), NULL);

  if ((info = lookup_table (self, table, FALSE, error)) == NULL)
    return NULL;

  quoted = _aims_sqlite_quote (info->name);
  sql = g_strdup_printf ("SELECT uuid FROM %s ORDER BY rowid", quoted);

  stmt = prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;

  builder = g_strv_builder_new ();
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *uuid = bounded_text ((const char *) sqlite3_column_text (stmt, 0),
                                            sqlite3_column_bytes (stmt, 0),
                                            AIMS_TEXT_LIMIT_SHORT);

      g_strv_builder_add (builder, uuid);
    }
  release (stmt);

  if (rc != SQLITE_DONE)
    {
      _aims_sqlite_set_error (error, self->db, rc, _("Could not read the project"));
      return NULL;
    }

  return g_strv_builder_end (builder);
}

/**
 * aims_store_get_last_change_id:
 * @self: a #AimsStore
 *
 * Returns: the id of the newest row of the change log (0 if empty); it grows
 *   with every committed change, including undo and redo
 */
gint64
aims_store_get_last_change_id (AimsStore *self)
{
  g_return_val_if_fail (AIMS_IS_STORE (self), 0);

  return self->last_change_id;
}

/**
 * aims_store_undo:
 * @self: a #AimsStore
 * @error: return location for a #GError
 *
 * Reverts the last edit (a whole group at once) by applying its inverse as a
 * new changeset of kind 'undo'; the history keeps both.
 *
 * Returns: %TRUE on success
 */
gboolean
aims_store_undo (AimsStore  *self,
                 GError    **error)
{
  g_return_val_if_fail (AIMS_IS_STORE (self), FALSE);

  return undo_or_redo (self, TRUE, error);
}

/**
 * aims_store_redo:
 * @self: a #AimsStore
 * @error: return location for a #GError
 *
 * Re-applies the last undone edit, as a new changeset of kind 'redo'.
 *
 * Returns: %TRUE on success
 */
gboolean
aims_store_redo (AimsStore  *self,
                 GError    **error)
{
  g_return_val_if_fail (AIMS_IS_STORE (self), FALSE);

  return undo_or_redo (self, FALSE, error);
}

/**
 * aims_store_get_can_undo:
 * @self: a #AimsStore
 *
 * Returns: %TRUE if there is an edit to undo
 */
gboolean
aims_store_get_can_undo (AimsStore *self)
{
  g_return_val_if_fail (AIMS_IS_STORE (self), FALSE);

  return !self->read_only && self->undo_stack->len > 0;
}

/**
 * aims_store_get_can_redo:
 * @self: a #AimsStore
 *
 * Returns: %TRUE if there is an undone edit to redo
 */
gboolean
aims_store_get_can_redo (AimsStore *self)
{
  g_return_val_if_fail (AIMS_IS_STORE (self), FALSE);

  return !self->read_only && self->redo_stack->len > 0;
}

/**
 * aims_store_dup_undo_label:
 * @self: a #AimsStore
 *
 * Returns: (transfer full) (nullable): what undo would revert ("Delete AI
 *   system “Fraud detection”"), for menus and toasts
 */
char *
aims_store_dup_undo_label (AimsStore *self)
{
  UndoStep *step;

  g_return_val_if_fail (AIMS_IS_STORE (self), NULL);

  step = peek_step (self->undo_stack);
  return step != NULL ? g_strdup (step->label) : NULL;
}

/**
 * aims_store_dup_redo_label:
 * @self: a #AimsStore
 *
 * Returns: (transfer full) (nullable): what redo would re-apply
 */
char *
aims_store_dup_redo_label (AimsStore *self)
{
  UndoStep *step;

  g_return_val_if_fail (AIMS_IS_STORE (self), NULL);

  step = peek_step (self->redo_stack);
  return step != NULL ? g_strdup (step->label) : NULL;
}

static AimsChangeOp
op_from_string (const char *op)
{
  if (g_strcmp0 (op, "insert") == 0)
    return AIMS_CHANGE_OP_INSERT;
  if (g_strcmp0 (op, "delete") == 0)
    return AIMS_CHANGE_OP_DELETE;
  return AIMS_CHANGE_OP_UPDATE;
}

static char *
dup_bounded_column (sqlite3_stmt *stmt,
                    int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NULL;

  return bounded_text ((const char *) sqlite3_column_text (stmt, column),
                       sqlite3_column_bytes (stmt, column), AIMS_TEXT_LIMIT_LONG);
}

/**
 * aims_store_list_history:
 * @self: a #AimsStore
 * @uuid: a record
 *
 * Every logged change of one record, oldest first.
 *
 * Returns: (transfer full): a #GListModel of #AimsChange
 */
GListModel *
aims_store_list_history (AimsStore  *self,
                         const char *uuid)
{
  GListStore *changes;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (AIMS_IS_STORE (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  changes = g_list_store_new (AIMS_TYPE_CHANGE);

  stmt = prepare (self,
                  "SELECT l.id, l.at, l.author, l.record_table, l.record_uuid, l.op, l.field, "
                  "l.old_value, l.new_value, c.label, c.kind "
                  "FROM change_log AS l JOIN changeset AS c ON c.id = l.changeset "
                  "WHERE l.record_uuid = ? ORDER BY l.id",
                  NULL);
  if (stmt == NULL)
    return G_LIST_MODEL (changes);

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(AimsChange) change = NULL;
      const AimsTableInfo *table;
      const AimsFieldInfo *field = NULL;
      char *table_name = dup_bounded_column (stmt, 3);
      char *field_name = dup_bounded_column (stmt, 6);
      const char *field_label;
      RawValue old_raw, new_raw;

      table = _aims_schema_def_lookup_table (self->schema, table_name);
      if (table != NULL && field_name != NULL)
        field = aims_table_info_lookup_field (table, field_name);

      if (field != NULL)
        field_label = _(field->label);
      else if (field_name != NULL)
        field_label = field_name;
      else
        field_label = _("Whole record");

      raw_from_column (&old_raw, stmt, 7);
      raw_from_column (&new_raw, stmt, 8);

      change = _aims_change_new (sqlite3_column_int64 (stmt, 0),
                                 dup_bounded_column (stmt, 1),
                                 dup_bounded_column (stmt, 2),
                                 table_name,
                                 dup_bounded_column (stmt, 4),
                                 op_from_string ((const char *) sqlite3_column_text (stmt, 5)),
                                 field_name,
                                 g_strdup (field_label),
                                 raw_to_display (&old_raw, field),
                                 raw_to_display (&new_raw, field),
                                 dup_bounded_column (stmt, 9),
                                 dup_bounded_column (stmt, 10));
      g_list_store_append (changes, change);
    }
  release (stmt);

  return G_LIST_MODEL (changes);
}
