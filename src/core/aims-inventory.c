/* aims-inventory.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aims-inventory"

#include "config.h"

#include "aims-inventory.h"

#include "aims-sqlite-private.h"
#include "aims-store-private.h"

#include <glib/gi18n.h>

/*
 * The figures of the AI system inventory, with the same definitions wherever
 * they are shown (Overview, review pack, command line). Each counts the AI
 * systems in the AIMS scope only: an excluded system is listed, not managed.
 */

static guint
query_count (AimsStore  *store,
             const char *sql,
             const char *text)
{
  sqlite3_stmt *stmt = _aims_store_prepare (store, sql, NULL);
  guint count = 0;

  if (stmt == NULL)
    return 0;

  if (text != NULL)
    sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = (guint) CLAMP (sqlite3_column_int64 (stmt, 0), 0, G_MAXUINT);
  _aims_store_release (stmt);

  return count;
}

static void
add_count (GHashTable *counts,
           const char *key,
           guint       n)
{
  guint current = GPOINTER_TO_UINT (g_hash_table_lookup (counts, key));

  g_hash_table_replace (counts, g_strdup (key), GUINT_TO_POINTER (current + n));
}

/**
 * aims_inventory_count_by:
 * @store: a #AimsStore
 * @field: a field of AI systems, usually a choice ("lifecycle",
 *   "eu_ai_act_category", "criticality", "status")
 *
 * How many AI systems in the scope hold each value of @field. A multiple
 * choice field ("roles") counts a system once under each of its values;
 * booleans count under "0" and "1". Values no system holds are absent.
 *
 * Returns: (transfer full) (element-type utf8 guint): value → count, as
 *   GUINT_TO_POINTER()
 */
GHashTable *
aims_inventory_count_by (AimsStore  *store,
                         const char *field)
{
  g_autoptr(GHashTable) counts = NULL;
  g_autofree char *quoted = NULL;
  g_autofree char *sql = NULL;
  const AimsTableInfo *table;
  const AimsFieldInfo *info;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (AIMS_IS_STORE (store), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  table = _aims_schema_def_lookup_table (_aims_store_get_schema (store), "ai_system");
  info = table != NULL ? aims_table_info_lookup_field (table, field) : NULL;
  if (info == NULL)
    {
      g_critical ("AI systems have no field “%s”", field);
      return g_steal_pointer (&counts);
    }

  quoted = _aims_sqlite_quote (info->name);
  sql = g_strdup_printf ("SELECT %1$s, count(*) FROM ai_system WHERE in_scope = 1 GROUP BY %1$s",
                         quoted);
  stmt = _aims_store_prepare (store, sql, NULL);
  if (stmt == NULL)
    return g_steal_pointer (&counts);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *value = _aims_store_column_text (stmt, 0, info);
      guint n = (guint) CLAMP (sqlite3_column_int64 (stmt, 1), 0, G_MAXUINT);

      if (value == NULL)
        continue;

      if (info->widget == AIMS_FIELD_WIDGET_MULTI_CHOICE)
        {
          g_auto(GStrv) tokens = g_strsplit (value, ",", -1);

          for (guint i = 0; tokens[i] != NULL; i++)
            {
              g_strstrip (tokens[i]);
              if (tokens[i][0] != '\0')
                add_count (counts, tokens[i], n);
            }
        }
      else
        add_count (counts, value, n);
    }
  _aims_store_release (stmt);

  return g_steal_pointer (&counts);
}

/**
 * aims_inventory_count_overdue:
 * @store: a #AimsStore
 * @today: the day to compare with, in the time zone the person works in
 *
 * Returns: the number of AI systems in the scope whose next review is set
 *   and is before @today
 */
guint
aims_inventory_count_overdue (AimsStore *store,
                              GDateTime *today)
{
  g_autofree char *date = NULL;

  g_return_val_if_fail (AIMS_IS_STORE (store), 0);
  g_return_val_if_fail (today != NULL, 0);

  date = g_date_time_format (today, "%Y-%m-%d");
  return query_count (store,
                      "SELECT count(*) FROM ai_system WHERE in_scope = 1 "
                      "AND next_review <> '' AND next_review < ?",
                      date);
}

/**
 * aims_inventory_count_in_scope:
 * @store: a #AimsStore
 *
 * Returns: the number of AI systems in the AIMS scope
 */
guint
aims_inventory_count_in_scope (AimsStore *store)
{
  g_return_val_if_fail (AIMS_IS_STORE (store), 0);

  return query_count (store, "SELECT count(*) FROM ai_system WHERE in_scope = 1", NULL);
}
