/* aims-record-list.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aims-record-list"

#include "config.h"

#include "aims-record-list.h"
#include "aims-record-list-private.h"

#include "aims-list-changes-private.h"
#include "aims-natural-order-private.h"
#include "aims-record-private.h"
#include "aims-risks-private.h"
#include "aims-row-cache-private.h"
#include "aims-sqlite-private.h"
#include "aims-store-private.h"

#include <glib/gi18n.h>
#include <string.h>

/*
 * A lazy GListModel over one table. Search, facets, links and order are one
 * SQL query (values bound, field names checked against the descriptor) that
 * yields the rowids of the matching records, in order; that is all the list
 * holds. Records are made only when get_item() asks for a position, and read
 * their row only when asked for a value, so showing 10,000 systems costs a
 * query and one record per visible row. The query runs when someone first
 * asks for the rows, so setting up a list's search and filters costs one.
 *
 * The natural order of references (SYS-9 before SYS-10) comes from
 * AimsNaturalOrder: rows in that order alone are fetched unordered and put
 * in order in memory; rows sorted by a column are ordered by SQL, with ties
 * broken by aims_natural_rank(). Neither reads a row only for its reference.
 *
 * Records are kept in a cache of weak references by rowid: while a view (or
 * a selection) holds a record, the list hands out the same object and updates
 * it in place when the store says its row changed; rows scrolled away are
 * freed. The rows themselves are read a page at a time, the neighbours of
 * the row asked for in the list's order, and kept by rowid until they change
 * (aims-row-cache.c): a view that sets up 200 rows runs four statements, and
 * a record dropped and asked for again, or shown again in a new order, is
 * not read again. A change of the store that leaves the order of rows unchanged emits
 * items-changed for the changed row only, so selection and scroll survive.
 * Other changes are told in the steps of aims-list-changes.c, which keep a
 * view's work in proportion to the rows it shows.
 */

/* What search-as-you-type looks at, per table; other tables search their
 * title and reference. */
static const struct
{
  const char *table;
  const char *fields[6];
} search_fields[] = {
  { "ai_system", { "name", "reference", "business_owner", "technical_owner", "description", NULL } },
  { "data_set", { "name", "reference", "owner", "source", NULL } },
  { "third_party", { "name", "reference", "supplies", NULL } },
  { "incident", { "title", "reference", "description", "affected", NULL } },
};

/* A value to bind to the query. */
typedef struct
{
  gboolean  is_int;
  gint64    number;
  char     *text;
} Param;

/* A record handed out, while someone holds it */
typedef struct
{
  gint64      rowid;
  AimsRecord *record;
} CacheEntry;

struct _AimsRecordList
{
  GObject              parent_instance;

  /* Owned references */
  AimsStore           *store;
  char                *table_name; /* until constructed */
  GArray              *ids;        /* gint64 rowids, in list order; NULL until asked */
  GHashTable          *cache;      /* gint64 rowid → CacheEntry (record weak) */
  GHashTable          *cache_by_record; /* AimsRecord → CacheEntry */
  AimsRowCache        *rows;       /* rows read, by rowid */
  char                *search;
  GHashTable          *filters;    /* field name (descriptor) → value */
  char                *linked_uuid;
  int                  cell_score;      /* -1: no cell filter; else AimsRiskScore */
  guint                cell_likelihood;
  guint                cell_impact;
  AimsRiskFilter      *risk_filter; /* NULL: none */

  const AimsTableInfo *table;
  AimsNaturalOrder    *natural;    /* owned by the store; NULL: no reference */
  const AimsFieldInfo *sort_field;
  gboolean             descending;
  const AimsTableInfo *link_table;
  const AimsFieldInfo *link_own;   /* the link column that refers to our table */
  const AimsFieldInfo *link_other;
  guint                total;
  guint                n_loaded;   /* records read from the file, ever */
  guint                changing;   /* emitting the steps of a change */
  gboolean             more_steps; /* the step being told is not the last */
  guint                updating;   /* in aims_record_list_begin_update() */
  gboolean             reset_pending;
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_TABLE,
  PROP_N_ITEMS,
  PROP_TOTAL,
  N_PROPS
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AimsRecordList, aims_record_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GParamSpec *properties [N_PROPS];

static void
param_clear (Param *param)
{
  g_clear_pointer (&param->text, g_free);
}

static Param *
add_param (GArray *params)
{
  Param param = { FALSE, 0, NULL };

  g_array_append_val (params, param);
  return &g_array_index (params, Param, params->len - 1);
}

/* "%text%" for LIKE … ESCAPE '\' */
static char *
like_pattern (const char *prefix,
              const char *text,
              const char *suffix)
{
  GString *pattern = g_string_new (prefix);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append (pattern, suffix);

  return g_string_free (pattern, FALSE);
}

static char *
quote_literal (const char *text)
{
  GString *quoted = g_string_new ("'");

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\'')
        g_string_append_c (quoted, '\'');
      g_string_append_c (quoted, *p);
    }
  g_string_append_c (quoted, '\'');

  return g_string_free (quoted, FALSE);
}

static gboolean
is_text_field (const AimsFieldInfo *field)
{
  return field->kind == AIMS_FIELD_TEXT || field->kind == AIMS_FIELD_JSON;
}

/* The ORDER BY term of a field: choices in their own order (life cycle
 * stages from inception to retirement, criticality from low to critical),
 * text without regard to case, numbers as numbers. */
static char *
order_term (const AimsFieldInfo *field)
{
  g_autofree char *quoted = _aims_sqlite_quote (field->name);
  GString *term;

  if (field->widget == AIMS_FIELD_WIDGET_CHOICE && field->n_choices > 0)
    {
      term = g_string_new ("CASE ");
      g_string_append (term, quoted);
      for (guint i = 0; i < field->n_choices; i++)
        {
          g_autofree char *literal = quote_literal (field->choice_list[i].id);

          g_string_append_printf (term, " WHEN %s THEN %u", literal, i);
        }
      g_string_append_printf (term, " ELSE %u END", field->n_choices);
      return g_string_free (term, FALSE);
    }

  /* An AI system by its name, not its uuid */
  if (field->widget == AIMS_FIELD_WIDGET_AI_SYSTEM)
    return g_strdup_printf ("(SELECT name FROM ai_system WHERE ai_system.uuid = %s) "
                            "COLLATE NOCASE", quoted);

  if (is_text_field (field))
    return g_strdup_printf ("%s COLLATE NOCASE", quoted);

  return g_steal_pointer (&quoted);
}

/* How the rows come in order */
typedef enum
{
  ORDER_SQL,      /* ORDER BY alone */
  ORDER_RANK,     /* ORDER BY a column, then aims_natural_rank (?N, rowid) */
  ORDER_NATURAL,  /* no ORDER BY: AimsNaturalOrder arranges the rows */
} OrderKind;

/* Rows of a table with references come in natural order of references:
 * SYS-9 before SYS-10 before SYS-10000; after the sort column, if any,
 * whatever its direction. Others in the order they were added. */
static OrderKind
append_order (AimsRecordList *self,
              GString        *sql,
              guint           rank_param)
{
  const char *direction = self->descending ? " DESC" : "";

  if (self->sort_field != NULL)
    {
      g_autofree char *term = order_term (self->sort_field);

      g_string_append_printf (sql, " ORDER BY %s%s, ", term, direction);
      if (self->natural != NULL)
        {
          g_string_append_printf (sql, AIMS_NATURAL_RANK_FORMAT, rank_param);
          return ORDER_RANK;
        }
      g_string_append (sql, "rowid");
      return ORDER_SQL;
    }

  if (self->natural != NULL)
    return ORDER_NATURAL;

  g_string_append_printf (sql, " ORDER BY rowid%s", direction);
  return ORDER_SQL;
}

static void
append_search (AimsRecordList *self,
               GString        *sql,
               GArray         *params)
{
  const char * const *names = NULL;
  const char *fallback[3] = { NULL, NULL, NULL };
  Param *param;
  guint n = 0;

  if (self->search == NULL || self->search[0] == '\0')
    return;

  for (guint i = 0; i < G_N_ELEMENTS (search_fields); i++)
    {
      if (g_str_equal (search_fields[i].table, self->table->name))
        names = search_fields[i].fields;
    }

  if (names == NULL)
    {
      fallback[0] = self->table->title_field;
      fallback[1] = aims_table_info_lookup_field (self->table, "reference") != NULL
        ? "reference" : NULL;
      names = fallback[0] != NULL ? fallback : fallback + 1;
    }

  param = add_param (params);
  param->text = like_pattern ("%", self->search, "%");

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *quoted = NULL;

      if (aims_table_info_lookup_field (self->table, names[i]) == NULL)
        continue;

      quoted = _aims_sqlite_quote (names[i]);
      g_string_append_printf (sql, "%s%s LIKE ?%u ESCAPE '\\'",
                              n++ == 0 ? " AND (" : " OR ", quoted, params->len);
    }

  if (n > 0)
    g_string_append (sql, ")");
  else
    g_string_append (sql, " AND 0");
}

static void
append_filters (AimsRecordList *self,
                GString        *sql,
                GArray         *params)
{
  g_autoptr(GList) names = g_hash_table_get_keys (self->filters);

  /* A stable order keeps the SQL (and its cached statement) the same. */
  names = g_list_sort (names, (GCompareFunc) strcmp);

  for (const GList *l = names; l != NULL; l = l->next)
    {
      const AimsFieldInfo *field = aims_table_info_lookup_field (self->table, l->data);
      const char *value = g_hash_table_lookup (self->filters, l->data);
      g_autofree char *quoted = _aims_sqlite_quote (field->name);
      Param *param = add_param (params);

      if (field->widget == AIMS_FIELD_WIDGET_MULTI_CHOICE)
        {
          /* One of the chosen values */
          param->text = like_pattern ("%,", value, ",%");
          g_string_append_printf (sql, " AND (',' || replace(%s, ' ', '') || ',') LIKE ?%u "
                                  "ESCAPE '\\'",
                                  quoted, params->len);
        }
      else
        {
          if (!is_text_field (field) &&
              g_ascii_string_to_signed (value, 10, G_MININT64, G_MAXINT64, &param->number, NULL))
            param->is_int = TRUE;
          else
            param->text = g_strdup (value);
          g_string_append_printf (sql, " AND %s = ?%u", quoted, params->len);
        }
    }
}

static void
append_link (AimsRecordList *self,
             GString        *sql,
             GArray         *params)
{
  g_autofree char *quoted_table = NULL;
  g_autofree char *quoted_own = NULL;
  g_autofree char *quoted_other = NULL;
  Param *param;

  if (self->link_table == NULL)
    return;

  quoted_table = _aims_sqlite_quote (self->link_table->name);
  quoted_own = _aims_sqlite_quote (self->link_own->name);
  quoted_other = _aims_sqlite_quote (self->link_other->name);

  param = add_param (params);
  param->text = g_strdup (self->linked_uuid);
  g_string_append_printf (sql, " AND uuid IN (SELECT %s FROM %s WHERE %s = ?%u)",
                          quoted_own, quoted_table, quoted_other, params->len);
}

/* A heatmap cell: the risks placed there. A residual position falls back to
 * the inherent one while the residual scores are not set, as the heatmap
 * counts them (aims_risks_count_cells()). */
static void
append_cell (AimsRecordList *self,
             GString        *sql,
             GArray         *params)
{
  Param *param;

  if (self->cell_score < 0)
    return;

  if (self->cell_score == AIMS_RISK_INHERENT)
    g_string_append (sql, " AND inherent_likelihood = ?");
  else
    g_string_append (sql, " AND (CASE WHEN residual_likelihood > 0 AND residual_impact > 0 "
                          "THEN residual_likelihood ELSE inherent_likelihood END) = ?");
  g_string_append_printf (sql, "%u", params->len + 1);
  param = add_param (params);
  param->is_int = TRUE;
  param->number = self->cell_likelihood;

  if (self->cell_score == AIMS_RISK_INHERENT)
    g_string_append (sql, " AND inherent_impact = ?");
  else
    g_string_append (sql, " AND (CASE WHEN residual_likelihood > 0 AND residual_impact > 0 "
                          "THEN residual_impact ELSE inherent_impact END) = ?");
  g_string_append_printf (sql, "%u", params->len + 1);
  param = add_param (params);
  param->is_int = TRUE;
  param->number = self->cell_impact;
}

/* The register's risk filters, in the words of aims_risks_count_cells(),
 * so a figure and the list behind it agree. Its parameters are numbered
 * after ours. */
static void
append_risk_filter (AimsRecordList *self,
                    GString        *sql,
                    GArray         *params)
{
  g_autoptr(GPtrArray) texts = NULL;
  g_autoptr(GArray) ints = NULL;
  g_autoptr(AimsMatrix) matrix = NULL;
  g_autofree char *today = NULL;
  g_autofree char *where = NULL;
  const char *p;

  if (self->risk_filter == NULL)
    return;

  texts = g_ptr_array_new ();
  ints = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (self->risk_filter->flags & AIMS_RISK_FILTER_ABOVE_TOLERANCE)
    matrix = aims_store_dup_matrix (self->store);
  today = _aims_risks_today ();
  where = _aims_risks_filter_sql (matrix, self->risk_filter, today, texts, ints);
  p = where;

  g_string_append (sql, " AND (");
  for (guint k = 0; *p != '\0'; )
    {
      const char *mark = strchr (p, '?');
      Param *param;

      if (mark == NULL)
        {
          g_string_append (sql, p);
          break;
        }

      /* The clause holds no literal '?': each is the next value */
      g_string_append_len (sql, p, mark - p);
      g_assert (k < texts->len);
      param = add_param (params);
      if (g_ptr_array_index (texts, k) != NULL)
        param->text = g_strdup (g_ptr_array_index (texts, k));
      else
        {
          param->is_int = TRUE;
          param->number = g_array_index (ints, gint64, k);
        }
      g_string_append_printf (sql, "?%u", params->len);
      k++;
      p = mark + 1;
    }
  g_string_append_c (sql, ')');
}

/* Runs the query; NULL if it could not run (a closed project). */
static GArray *
query_ids (AimsRecordList *self)
{
  g_autoptr(GArray) params = g_array_new (FALSE, FALSE, sizeof (Param));
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autofree char *quoted_table = _aims_sqlite_quote (self->table->name);
  GArray *ids;
  OrderKind order;
  sqlite3_stmt *stmt;
  guint attempts = 0;
  int rc;

  g_array_set_clear_func (params, (GDestroyNotify) param_clear);

  g_string_append_printf (sql, "SELECT rowid FROM %s WHERE 1", quoted_table);
  append_search (self, sql, params);
  append_filters (self, sql, params);
  append_link (self, sql, params);
  append_cell (self, sql, params);
  append_risk_filter (self, sql, params);
  order = append_order (self, sql, params->len + 1);

again:
  /* The function first: a statement that calls it cannot be prepared
   * without it */
  if (order == ORDER_RANK && !_aims_natural_order_prepare_rank (self->natural))
    return NULL;

  stmt = _aims_store_prepare (self->store, sql->str, NULL);
  if (stmt == NULL)
    return NULL;

  for (guint i = 0; i < params->len; i++)
    {
      const Param *param = &g_array_index (params, Param, i);

      if (param->is_int)
        sqlite3_bind_int64 (stmt, i + 1, param->number);
      else
        sqlite3_bind_text (stmt, i + 1, param->text, -1, SQLITE_TRANSIENT);
    }
  if (order == ORDER_RANK)
    _aims_natural_order_bind_rank (self->natural, stmt, params->len + 1);

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 rowid = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, rowid);
    }
  _aims_store_release (stmt);

  if (rc != SQLITE_DONE)
    {
      g_warning ("Could not list %s: %s", self->table->name,
                 sqlite3_errmsg (_aims_store_get_db (self->store)));
      g_array_unref (ids);
      return NULL;
    }

  /* A row the natural order had no place for (changed behind the store's
   * back): the order is read again, and the query runs once more */
  if (order == ORDER_RANK && _aims_natural_order_rank_missed (self->natural) && attempts++ == 0)
    {
      g_array_unref (ids);
      goto again;
    }

  if (order == ORDER_NATURAL && !_aims_natural_order_arrange (self->natural, ids, self->descending))
    {
      g_array_unref (ids);
      return NULL;
    }

  return ids;
}

/* The rows, queried the first time someone asks */
static GArray *
ensure_ids (AimsRecordList *self)
{
  if (self->ids == NULL)
    {
      self->ids = self->table != NULL ? query_ids (self) : NULL;
      if (self->ids == NULL)
        self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
    }

  return self->ids;
}

static guint
count_total (AimsRecordList *self)
{
  g_autofree char *quoted = _aims_sqlite_quote (self->table->name);
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", quoted);
  sqlite3_stmt *stmt = _aims_store_prepare (self->store, sql, NULL);
  guint total = 0;

  if (stmt == NULL)
    return 0;

  if (sqlite3_step (stmt) == SQLITE_ROW)
    total = (guint) MIN (sqlite3_column_int64 (stmt, 0), G_MAXUINT);
  _aims_store_release (stmt);

  return total;
}

static gint64
lookup_rowid (AimsRecordList *self,
              const char     *uuid)
{
  g_autofree char *quoted = _aims_sqlite_quote (self->table->name);
  g_autofree char *sql = g_strdup_printf ("SELECT rowid FROM %s WHERE uuid = ?", quoted);
  sqlite3_stmt *stmt = _aims_store_prepare (self->store, sql, NULL);
  gint64 rowid = -1;

  if (stmt == NULL)
    return -1;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    rowid = sqlite3_column_int64 (stmt, 0);
  _aims_store_release (stmt);

  return rowid;
}

static guint
position_of_rowid (AimsRecordList *self,
                   gint64          rowid)
{
  GArray *ids = ensure_ids (self);

  for (guint i = 0; i < ids->len; i++)
    {
      if (g_array_index (ids, gint64, i) == rowid)
        return i;
    }

  return G_MAXUINT;
}

static gboolean
same_ids (GArray *a,
          GArray *b)
{
  return a->len == b->len &&
         (a->len == 0 || memcmp (a->data, b->data, a->len * sizeof (gint64)) == 0);
}

/* The record cache */

static void
on_record_finalized (gpointer  data,
                     GObject  *where_the_object_was)
{
  AimsRecordList *self = data;
  CacheEntry *entry = g_hash_table_lookup (self->cache_by_record, where_the_object_was);

  /* The record's memory is gone: its address is all there is to go by */
  if (entry == NULL)
    return;

  g_hash_table_remove (self->cache_by_record, where_the_object_was);
  g_hash_table_remove (self->cache, &entry->rowid);
}

static void
forget_record (AimsRecordList *self,
               AimsRecord     *record)
{
  CacheEntry *entry = g_hash_table_lookup (self->cache_by_record, record);

  if (entry == NULL)
    return;

  g_object_weak_unref (G_OBJECT (record), on_record_finalized, self);
  g_hash_table_remove (self->cache_by_record, record);
  g_hash_table_remove (self->cache, &entry->rowid);
}

static void
forget_all_records (AimsRecordList *self)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->cache);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      CacheEntry *entry = value;

      g_object_weak_unref (G_OBJECT (entry->record), on_record_finalized, self);
      g_hash_table_remove (self->cache_by_record, entry->record);
      g_hash_table_iter_remove (&iter);
    }
}

/* Reads the row of a cached record again; a record whose rowid now holds
 * another row stops being cached. */
static void
reload_record (AimsRecordList *self,
               AimsRecord     *record)
{
  g_object_ref (record);
  if (!_aims_record_reload (record))
    forget_record (self, record);
  g_object_unref (record);
}

static void
reload_all_records (AimsRecordList *self)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  gpointer value;

  /* Reloading emits signals, whose handlers may drop records: work on a
   * copy. */
  g_hash_table_iter_init (&iter, self->cache);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (records, g_object_ref (((CacheEntry *) value)->record));

  for (guint i = 0; i < records->len; i++)
    reload_record (self, g_ptr_array_index (records, i));
}

/* Updating */

static void
set_total (AimsRecordList *self,
           guint           total)
{
  if (self->total != total)
    {
      self->total = total;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TOTAL]);
    }
}

/* Replaces the rows with @ids (taking it), in the steps planned for @kind. */
static void
replace_ids (AimsRecordList     *self,
             GArray             *ids,
             AimsListChangeKind  kind)
{
  g_autoptr(GArray) steps = NULL;
  guint old_n = self->ids->len;

  /* A handler that changes the query while the steps are told would make
   * them wrong for the views that have not heard them yet */
  if (self->changing > 0)
    {
      g_critical ("%s: the list's rows changed while a change of them was being told",
                  G_STRFUNC);
      g_array_unref (ids);
      return;
    }

  steps = _aims_list_plan_steps ((const gint64 *) self->ids->data, self->ids->len,
                                 (const gint64 *) ids->data, ids->len, self->cache, kind);

  self->changing++;
  for (guint i = 0; i < steps->len; i++)
    {
      const AimsListStep *step = &g_array_index (steps, AimsListStep, i);

      /* Each step leaves the rows as the views will believe them to be */
      self->more_steps = i + 1 < steps->len;
      if (step->removed > 0)
        g_array_remove_range (self->ids, step->position, step->removed);
      if (step->added > 0)
        g_array_insert_vals (self->ids, step->position, &g_array_index (ids, gint64, step->from),
                             step->added);

      g_list_model_items_changed (G_LIST_MODEL (self), step->position, step->removed, step->added);
    }
  self->changing--;
  self->more_steps = FALSE;

  g_assert (same_ids (self->ids, ids));
  g_array_unref (self->ids);
  self->ids = ids;

  if (old_n != ids->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_ITEMS]);
}

/* After a change of the query. */
static void
reset (AimsRecordList *self)
{
  GArray *ids;

  /* Nobody has seen the rows: the next look runs the new query */
  if (self->ids == NULL)
    return;

  /* More of the query is about to change */
  if (self->updating > 0)
    {
      self->reset_pending = TRUE;
      return;
    }
  self->reset_pending = FALSE;

  ids = query_ids (self);
  if (ids == NULL)
    ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (same_ids (ids, self->ids))
    {
      g_array_unref (ids);
      return;
    }

  replace_ids (self, ids, AIMS_LIST_CHANGE_QUERY);
}

/* Many records changed, the rows stayed: the rows someone holds are told
 * changed, in runs, and no others: a record nobody holds is made afresh when
 * asked for, with the new values. (One items-changed over 100,000 rows
 * would make a view look through all of them.) */
static void
tell_live_rows_changed (AimsRecordList *self)
{
  g_autoptr(GArray) runs = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < self->ids->len; i++)
    {
      guint start = i;

      while (i < self->ids->len && g_hash_table_contains (self->cache, &g_array_index (self->ids, gint64, i)))
        i++;
      if (i > start)
        {
          g_array_append_val (runs, start);
          g_array_append_val (runs, i);
        }
    }

  self->changing++;
  for (guint r = 0; r < runs->len; r += 2)
    {
      guint start = g_array_index (runs, guint, r);
      guint end = g_array_index (runs, guint, r + 1);

      self->more_steps = r + 2 < runs->len;
      g_list_model_items_changed (G_LIST_MODEL (self), start, end - start, end - start);
    }
  self->changing--;
  self->more_steps = FALSE;
}

/* A list filtered by the tolerance, or by AI system, follows the matrix and
 * the links the filter reads. */
static gboolean
follows_other_table (AimsRecordList *self,
                 const char     *table)
{
  if (self->risk_filter == NULL)
    return FALSE;

  return ((self->risk_filter->flags & AIMS_RISK_FILTER_ABOVE_TOLERANCE) &&
          g_strcmp0 (table, "project") == 0) ||
         (self->risk_filter->system != NULL && g_strcmp0 (table, "risk_system") == 0);
}

static void
on_store_changed_cb (AimsRecordList *self,
                     const char     *table,
                     const char     *uuid,
                     AimsStore      *store)
{
  gboolean ours = g_strcmp0 (table, self->table->name) == 0;
  AimsRecord *record = NULL;
  GArray *ids;
  guint position = G_MAXUINT;

  if (!ours && (self->link_table == NULL || g_strcmp0 (table, self->link_table->name) != 0) &&
      !follows_other_table (self, table))
    return;

  if (ours)
    {
      /* Whichever of the store's handlers runs first, the order knows of
       * the change before the query */
      if (self->natural != NULL)
        _aims_natural_order_note (self->natural, uuid);

      set_total (self, count_total (self));

      /* The changed record, if a view holds it, shows the new values
       * whatever happens to the order. */
      if (uuid != NULL)
        {
          gint64 rowid = lookup_rowid (self, uuid);
          CacheEntry *entry = rowid >= 0 ? g_hash_table_lookup (self->cache, &rowid) : NULL;

          /* Its row as read before, and whatever row its rowid held */
          _aims_row_cache_forget_uuid (self->rows, uuid);
          if (rowid >= 0)
            _aims_row_cache_forget (self->rows, rowid);

          if (entry != NULL)
            reload_record (self, record = entry->record);
          if (rowid >= 0 && self->ids != NULL)
            position = position_of_rowid (self, rowid);
        }
      else
        {
          _aims_row_cache_clear (self->rows);
          reload_all_records (self);
        }
    }

  /* Nobody has seen the rows yet */
  if (self->ids == NULL)
    return;

  ids = query_ids (self);
  if (ids == NULL)
    ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (!same_ids (ids, self->ids))
    {
      replace_ids (self, ids, AIMS_LIST_CHANGE_EDIT);
      return;
    }
  g_array_unref (ids);

  /* The same rows in the same order: only the changed one is new. */
  if (!ours)
    return;

  if (uuid == NULL)
    tell_live_rows_changed (self);
  else if (position != G_MAXUINT)
    g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
}

/* GListModel */

static GType
aims_record_list_get_item_type (GListModel *model)
{
  return AIMS_TYPE_RECORD;
}

static guint
aims_record_list_get_n_items (GListModel *model)
{
  AimsRecordList *self = AIMS_RECORD_LIST (model);

  return ensure_ids (self)->len;
}

static gpointer
aims_record_list_get_item (GListModel *model,
                           guint       position)
{
  AimsRecordList *self = AIMS_RECORD_LIST (model);
  GArray *ids = ensure_ids (self);
  const char * const *values;
  CacheEntry *entry;
  AimsRecord *record;
  gint64 rowid;

  if (position >= ids->len)
    return NULL;

  rowid = g_array_index (ids, gint64, position);
  entry = g_hash_table_lookup (self->cache, &rowid);
  if (entry != NULL)
    return g_object_ref (entry->record);

  /* The row, read with the rest of its page if it has not been */
  values = _aims_row_cache_lookup (self->rows, rowid);
  if (values == NULL)
    {
      guint start = position - position % AIMS_ROW_CACHE_PAGE;
      guint n = MIN (AIMS_ROW_CACHE_PAGE, ids->len - start);

      _aims_row_cache_read (self->rows, &g_array_index (ids, gint64, start), n);
      values = _aims_row_cache_lookup (self->rows, rowid);
    }

  /* A row that could not be read (gone, or a closed project) reads as
   * empty when asked */
  if (values != NULL)
    record = _aims_record_new_with_values (self->store, self->table, rowid, values);
  else
    record = _aims_record_new (self->store, self->table, rowid);
  self->n_loaded++;

  entry = g_new (CacheEntry, 1);
  entry->rowid = rowid;
  entry->record = record;
  g_object_weak_ref (G_OBJECT (record), on_record_finalized, self);
  g_hash_table_insert (self->cache, &entry->rowid, entry);
  g_hash_table_insert (self->cache_by_record, record, entry);

  return record;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = aims_record_list_get_item_type;
  iface->get_n_items = aims_record_list_get_n_items;
  iface->get_item = aims_record_list_get_item;
}

static void
aims_record_list_constructed (GObject *object)
{
  AimsRecordList *self = AIMS_RECORD_LIST (object);

  G_OBJECT_CLASS (aims_record_list_parent_class)->constructed (object);

  if (self->store != NULL && self->table_name != NULL)
    self->table = _aims_schema_def_lookup_table (_aims_store_get_schema (self->store),
                                                 self->table_name);

  if (self->table == NULL || self->table->kind == AIMS_TABLE_INTERNAL)
    {
      g_critical ("The project has no table of records “%s”",
                  self->table_name != NULL ? self->table_name : "(null)");
      self->table = NULL;
      return;
    }

  g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed_cb), self,
                           G_CONNECT_SWAPPED);

  self->natural = _aims_natural_order_get (self->store, self->table);
  self->rows = _aims_row_cache_new (self->store, self->table);
  self->total = count_total (self);
}

static void
aims_record_list_dispose (GObject *object)
{
  AimsRecordList *self = (AimsRecordList *)object;

  forget_all_records (self);
  g_clear_pointer (&self->rows, _aims_row_cache_free);
  self->natural = NULL;
  g_clear_object (&self->store);

  G_OBJECT_CLASS (aims_record_list_parent_class)->dispose (object);
}

static void
aims_record_list_finalize (GObject *object)
{
  AimsRecordList *self = (AimsRecordList *)object;

  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->cache, g_hash_table_unref);
  g_clear_pointer (&self->cache_by_record, g_hash_table_unref);
  g_clear_pointer (&self->filters, g_hash_table_unref);
  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->linked_uuid, g_free);
  g_clear_pointer (&self->table_name, g_free);
  g_clear_pointer (&self->risk_filter, _aims_risk_filter_free);

  G_OBJECT_CLASS (aims_record_list_parent_class)->finalize (object);
}

static void
aims_record_list_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AimsRecordList *self = AIMS_RECORD_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_TABLE:
      g_value_set_string (value, self->table_name);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, ensure_ids (self)->len);
      break;

    case PROP_TOTAL:
      g_value_set_uint (value, self->total);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aims_record_list_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  AimsRecordList *self = AIMS_RECORD_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_TABLE:
      self->table_name = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aims_record_list_class_init (AimsRecordListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = aims_record_list_constructed;
  object_class->dispose = aims_record_list_dispose;
  object_class->finalize = aims_record_list_finalize;
  object_class->get_property = aims_record_list_get_property;
  object_class->set_property = aims_record_list_set_property;

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, AIMS_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_TABLE] =
    g_param_spec_string ("table", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_TOTAL] =
    g_param_spec_uint ("total", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
aims_record_list_init (AimsRecordList *self)
{
  self->cache = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
  self->cache_by_record = g_hash_table_new (NULL, NULL);
  self->filters = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  self->cell_score = -1;
}

/* Public API */

/**
 * aims_record_list_new:
 * @store: a #AimsStore
 * @table: a table of records ("ai_system", "data_set", "third_party")
 *
 * A list of every record of @table, in reference order, that follows the
 * store's changes. Narrow and order it with aims_record_list_set_search(),
 * aims_record_list_set_filter(), aims_record_list_set_linked_to() and
 * aims_record_list_set_sort().
 *
 * Returns: (transfer full): a new #AimsRecordList
 */
AimsRecordList *
aims_record_list_new (AimsStore  *store,
                      const char *table)
{
  const AimsTableInfo *info;

  g_return_val_if_fail (AIMS_IS_STORE (store), NULL);
  g_return_val_if_fail (table != NULL, NULL);

  info = _aims_schema_def_lookup_table (_aims_store_get_schema (store), table);
  g_return_val_if_fail (info != NULL && info->kind != AIMS_TABLE_INTERNAL, NULL);

  return g_object_new (AIMS_TYPE_RECORD_LIST,
                       "store", store,
                       "table", table,
                       NULL);
}

/**
 * aims_record_list_get_store:
 * @self: a #AimsRecordList
 *
 * Returns: (transfer none): the store
 */
AimsStore *
aims_record_list_get_store (AimsRecordList *self)
{
  g_return_val_if_fail (AIMS_IS_RECORD_LIST (self), NULL);

  return self->store;
}

/**
 * aims_record_list_get_table:
 * @self: a #AimsRecordList
 *
 * Returns: (transfer none): the name of the table
 */
const char *
aims_record_list_get_table (AimsRecordList *self)
{
  g_return_val_if_fail (AIMS_IS_RECORD_LIST (self), NULL);

  return self->table->name;
}

/**
 * aims_record_list_set_search:
 * @self: a #AimsRecordList
 * @text: (nullable): what to look for; %NULL or "" shows every record
 *
 * Keeps the records where @text appears, ignoring case (of ASCII letters),
 * in one of the table's searchable fields: for AI systems the name,
 * reference, business and technical owners and description; for data sets
 * the name, reference, owner and source; for third parties the name,
 * reference and what they supply.
 */
void
aims_record_list_set_search (AimsRecordList *self,
                             const char     *text)
{
  g_autofree char *stripped = NULL;

  g_return_if_fail (AIMS_IS_RECORD_LIST (self));

  stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  if (g_strcmp0 (stripped, self->search != NULL ? self->search : "") == 0)
    return;

  g_free (self->search);
  self->search = g_steal_pointer (&stripped);
  reset (self);
}

/**
 * aims_record_list_set_filter:
 * @self: a #AimsRecordList
 * @field: a field of the table
 * @value: (nullable): the value to keep, or %NULL to stop filtering on
 *   @field
 *
 * Keeps the records whose @field equals @value; filters on several fields
 * combine. Booleans are "0" and "1"; for a multiple choice field, records
 * that have @value among their choices are kept.
 */
void
aims_record_list_set_filter (AimsRecordList *self,
                             const char     *field,
                             const char     *value)
{
  const AimsFieldInfo *info;
  const char *current;

  g_return_if_fail (AIMS_IS_RECORD_LIST (self));
  g_return_if_fail (field != NULL);

  info = aims_table_info_lookup_field (self->table, field);
  if (info == NULL)
    {
      g_critical ("%s has no field “%s”", self->table->name, field);
      return;
    }

  current = g_hash_table_lookup (self->filters, info->name);
  if (g_strcmp0 (current, value) == 0)
    return;

  if (value == NULL)
    g_hash_table_remove (self->filters, info->name);
  else
    g_hash_table_replace (self->filters, (gpointer) info->name, g_strdup (value));

  reset (self);
}

/**
 * aims_record_list_set_sort:
 * @self: a #AimsRecordList
 * @field: (nullable): the field to order by, or %NULL for the reference
 * @descending: from the largest to the smallest
 *
 * Orders the records by @field, then by reference. Text ignores case;
 * choices keep their own order (life cycle stages from inception to
 * retirement); references order their numbers as numbers (SYS-9 before
 * SYS-10).
 */
void
aims_record_list_set_sort (AimsRecordList *self,
                           const char     *field,
                           gboolean        descending)
{
  const AimsFieldInfo *info = NULL;

  g_return_if_fail (AIMS_IS_RECORD_LIST (self));

  if (field != NULL && !g_str_equal (field, "reference"))
    {
      info = aims_table_info_lookup_field (self->table, field);
      if (info == NULL)
        {
          g_critical ("%s has no field “%s”", self->table->name, field);
          return;
        }
    }

  descending = !!descending;
  if (info == self->sort_field && descending == self->descending)
    return;

  self->sort_field = info;
  self->descending = descending;
  reset (self);
}

/**
 * aims_record_list_set_linked_to:
 * @self: a #AimsRecordList
 * @link_table: (nullable): a link table with a column that refers to this
 *   list's table ("system_data_set" for a list of data sets or of AI
 *   systems), or %NULL to stop
 * @other_uuid: (nullable): the record on the other side of the links
 *
 * Keeps only the records that @link_table links to @other_uuid: the data sets
 * of one AI system, or the AI systems of one data set. The list follows links
 * as they are added and removed.
 */
void
aims_record_list_set_linked_to (AimsRecordList *self,
                                const char     *link_table,
                                const char     *other_uuid)
{
  const AimsTableInfo *link = NULL;
  const AimsFieldInfo *own = NULL;
  const AimsFieldInfo *other = NULL;

  g_return_if_fail (AIMS_IS_RECORD_LIST (self));

  if (link_table != NULL)
    {
      sqlite3_stmt *stmt;

      g_return_if_fail (other_uuid != NULL);

      link = _aims_schema_def_lookup_table (_aims_store_get_schema (self->store), link_table);
      stmt = link != NULL
        ? _aims_store_prepare (self->store,
                               "SELECT \"table\", \"from\" FROM pragma_foreign_key_list(?)", NULL)
        : NULL;
      if (stmt != NULL)
        {
          sqlite3_bind_text (stmt, 1, link->name, -1, SQLITE_TRANSIENT);
          while (sqlite3_step (stmt) == SQLITE_ROW)
            {
              const char *target = (const char *) sqlite3_column_text (stmt, 0);
              const char *column = (const char *) sqlite3_column_text (stmt, 1);
              const AimsFieldInfo *field = aims_table_info_lookup_field (link, column);

              if (own == NULL && g_strcmp0 (target, self->table->name) == 0)
                own = field;
              else if (other == NULL)
                other = field;
            }
          _aims_store_release (stmt);
        }

      if (own == NULL || other == NULL)
        {
          g_critical ("“%s” does not link %s to other records", link_table, self->table->name);
          return;
        }
    }
  else
    other_uuid = NULL;

  if (link == self->link_table && own == self->link_own &&
      g_strcmp0 (other_uuid, self->linked_uuid) == 0)
    return;

  self->link_table = link;
  self->link_own = own;
  self->link_other = other;
  g_free (self->linked_uuid);
  self->linked_uuid = g_strdup (other_uuid);
  reset (self);
}

/**
 * aims_record_list_get_total:
 * @self: a #AimsRecordList
 *
 * Returns: the number of records of the table, whatever the search, filters
 *   and links
 */
guint
aims_record_list_get_total (AimsRecordList *self)
{
  g_return_val_if_fail (AIMS_IS_RECORD_LIST (self), 0);

  return self->total;
}

/**
 * aims_record_list_find:
 * @self: a #AimsRecordList
 * @uuid: a record
 *
 * Returns: the position of @uuid in the list, or %G_MAXUINT if it is not
 *   shown
 */
guint
aims_record_list_find (AimsRecordList *self,
                       const char     *uuid)
{
  gint64 rowid;

  g_return_val_if_fail (AIMS_IS_RECORD_LIST (self), G_MAXUINT);
  g_return_val_if_fail (uuid != NULL, G_MAXUINT);

  rowid = lookup_rowid (self, uuid);
  if (rowid < 0)
    return G_MAXUINT;

  return position_of_rowid (self, rowid);
}

/**
 * aims_record_list_dup_facet_values:
 * @self: a #AimsRecordList
 * @field: a field of the table
 *
 * The values @field holds across the whole table (whatever the search and
 * filters), for facets such as the owner: each once, empty ones left out,
 * in alphabetical order ignoring case.
 *
 * Returns: (transfer full) (element-type utf8): the values
 */
GPtrArray *
aims_record_list_dup_facet_values (AimsRecordList *self,
                                   const char     *field)
{
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *quoted_table = NULL;
  g_autofree char *quoted_field = NULL;
  g_autofree char *sql = NULL;
  const AimsFieldInfo *info;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (AIMS_IS_RECORD_LIST (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  info = aims_table_info_lookup_field (self->table, field);
  if (info == NULL)
    {
      g_critical ("%s has no field “%s”", self->table->name, field);
      return g_steal_pointer (&values);
    }

  quoted_table = _aims_sqlite_quote (self->table->name);
  quoted_field = _aims_sqlite_quote (info->name);
  sql = g_strdup_printf ("SELECT DISTINCT %1$s FROM %2$s WHERE %1$s IS NOT NULL AND %1$s <> '' "
                         "ORDER BY %1$s%3$s",
                         quoted_field, quoted_table, is_text_field (info) ? " COLLATE NOCASE" : "");

  stmt = _aims_store_prepare (self->store, sql, NULL);
  if (stmt == NULL)
    return g_steal_pointer (&values);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (values, _aims_store_column_text (stmt, 0, info));
  _aims_store_release (stmt);

  return g_steal_pointer (&values);
}

/* The statements the list ran to read rows, a page each (tests and
 * benchmarks) */
guint
_aims_record_list_get_n_reads (AimsRecordList *self)
{
  g_return_val_if_fail (AIMS_IS_RECORD_LIST (self), 0);

  return self->rows != NULL ? _aims_row_cache_get_n_reads (self->rows) : 0;
}

/* How many records get_item() has made since the list was created: what
 * laziness is measured by (tests and benchmarks). */
guint
_aims_record_list_get_n_loaded (AimsRecordList *self)
{
  g_return_val_if_fail (AIMS_IS_RECORD_LIST (self), 0);

  return self->n_loaded;
}

/**
 * aims_record_list_set_cell:
 * @self: a #AimsRecordList over the risk register
 * @score: inherent or residual position
 * @likelihood: the cell's likelihood step, or 0 to stop filtering by cell
 * @impact: the cell's impact step
 *
 * Keeps the risks of one heatmap cell, exactly those the heatmap counts
 * there: a residual position is the inherent one until both residual
 * scores are set.
 */
void
aims_record_list_set_cell (AimsRecordList *self,
                           AimsRiskScore   score,
                           guint           likelihood,
                           guint           impact)
{
  int cell_score = likelihood > 0 && impact > 0 ? (int) score : -1;

  g_return_if_fail (AIMS_IS_RECORD_LIST (self));
  g_return_if_fail (aims_table_info_lookup_field (self->table, "inherent_likelihood") != NULL);

  if (cell_score == self->cell_score && (cell_score < 0 || (likelihood == self->cell_likelihood &&
                                                            impact == self->cell_impact)))
    return;

  self->cell_score = cell_score;
  self->cell_likelihood = likelihood;
  self->cell_impact = impact;
  reset (self);
}

/**
 * aims_record_list_get_cell:
 * @likelihood: (out) (optional): the cell's likelihood, 0 if none
 * @impact: (out) (optional): the cell's impact, 0 if none
 *
 * Returns: whether the list keeps only one heatmap cell's risks
 */
gboolean
aims_record_list_get_cell (AimsRecordList *self,
                           AimsRiskScore  *score,
                           guint          *likelihood,
                           guint          *impact)
{
  g_return_val_if_fail (AIMS_IS_RECORD_LIST (self), FALSE);

  if (score != NULL)
    *score = self->cell_score < 0 ? AIMS_RISK_INHERENT : (AimsRiskScore) self->cell_score;
  if (likelihood != NULL)
    *likelihood = self->cell_score < 0 ? 0 : self->cell_likelihood;
  if (impact != NULL)
    *impact = self->cell_score < 0 ? 0 : self->cell_impact;

  return self->cell_score >= 0;
}

/**
 * aims_record_list_begin_update:
 * @self: a #AimsRecordList
 *
 * Holds back the effect of the setters (search, filters, links, cell,
 * order) until aims_record_list_end_update(), which then queries once and
 * tells the change at once. Until then the list keeps its rows.
 */
void
aims_record_list_begin_update (AimsRecordList *self)
{
  g_return_if_fail (AIMS_IS_RECORD_LIST (self));

  self->updating++;
}

/**
 * aims_record_list_end_update:
 * @self: a #AimsRecordList
 *
 * Ends what aims_record_list_begin_update() began; calls nest.
 */
void
aims_record_list_end_update (AimsRecordList *self)
{
  g_return_if_fail (AIMS_IS_RECORD_LIST (self));
  g_return_if_fail (self->updating > 0);

  if (--self->updating == 0 && self->reset_pending)
    reset (self);
}

/**
 * aims_record_list_has_more_steps:
 * @self: a #AimsRecordList
 *
 * A change of many rows is told in a few #GListModel::items-changed
 * emissions (so that views do little work). During one of them, this says
 * whether others follow: a record may leave the list in one step and come
 * back in the next. A view that keeps a selection waits for the last step.
 *
 * Returns: %TRUE while an items-changed that is not the last of its change
 *   is emitted
 */
gboolean
aims_record_list_has_more_steps (AimsRecordList *self)
{
  g_return_val_if_fail (AIMS_IS_RECORD_LIST (self), FALSE);

  return self->more_steps;
}

/**
 * aims_record_list_set_risk_filter:
 * @self: a #AimsRecordList over the risk register
 * @filter: (nullable): which risks to keep, or %NULL to stop
 *
 * Keeps the risks @filter lets through, exactly those that
 * aims_risks_count_cells(), aims_risks_count_above_tolerance() and
 * aims_risks_count_overdue() count under the same filter: above tolerance is
 * the residual level (the inherent one while no residual is set) above the
 * matrix's tolerance, overdue is a next review before the filter's day. It
 * combines with the search, the other filters and a heatmap cell. The list
 * follows changes of the matrix while it filters by tolerance.
 */
void
aims_record_list_set_risk_filter (AimsRecordList       *self,
                                  const AimsRiskFilter *filter)
{
  g_return_if_fail (AIMS_IS_RECORD_LIST (self));
  g_return_if_fail (aims_table_info_lookup_field (self->table, "inherent_level") != NULL);

  if (_aims_risk_filter_equal (filter, self->risk_filter))
    return;

  g_clear_pointer (&self->risk_filter, _aims_risk_filter_free);
  self->risk_filter = _aims_risk_filter_dup (filter);
  reset (self);
}
