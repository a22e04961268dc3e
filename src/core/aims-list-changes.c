/* aims-list-changes.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aims-list-changes"

#include "config.h"

#include "aims-list-changes-private.h"

#include <string.h>

/*
 * How a lazy list tells a view that its rows changed, so that the view's
 * work stays in proportion to what it shows.
 *
 * A list's rows are rowids; its items are records made on demand, kept only
 * while someone holds them ("live": the rows a view shows, the selected
 * one). What GTK 4.8's list views do with one items-changed (position,
 * removed, added) decides the cost:
 *
 *   - When a row the view follows (the one it is scrolled to, the focused
 *     one, the selected one) is among the removed ones, GtkListItemManager
 *     asks for every added item, looking for that row elsewhere, and
 *     GtkSingleSelection asks for added items until it finds its selected
 *     one. With 10,000 added rows that is 10,000 records made and dropped
 *     for one keystroke.
 *   - A view's row widgets (GtkListView keeps about 200 of them, whatever
 *     its height) survive only if their row is not removed: a removed row's
 *     widgets are destroyed unless the same item comes back in the same
 *     emission; new rows get new widgets. Rows that stay in the list but
 *     leave the range the view shows give their widgets to new rows there,
 *     which costs a bind instead of building a row of cells.
 *
 * So the steps planned here never remove a live row in an emission that
 * also adds more than a few rows, and a new query puts its rows in front of
 * the old ones before removing those: the view, scrolled back to the top
 * between the two (the record browser does, on a step that adds rows with
 * more steps to come), then reuses the old rows' widgets for the new rows.
 * A query change costs two emissions and a bind per shown row, whatever
 * the number of rows, and no new widget.
 *
 * The rows at the start and end that did not change are left alone.
 */

static gboolean
any_live (const gint64 *rows,
          guint         n,
          GHashTable   *live)
{
  if (live == NULL || g_hash_table_size (live) == 0)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      if (g_hash_table_contains (live, &rows[i]))
        return TRUE;
    }

  return FALSE;
}

static gboolean
same_rows (const gint64 *a,
           const gint64 *b,
           guint         n)
{
  return n == 0 || memcmp (a, b, n * sizeof (gint64)) == 0;
}

static void
add_step (GArray *steps,
          guint   position,
          guint   removed,
          guint   added,
          guint   from)
{
  AimsListStep step = { position, removed, added, from };

  if (removed > 0 || added > 0)
    g_array_append_val (steps, step);
}

/**
 * _aims_list_plan_steps:
 * @old_rows: the rows shown until now
 * @new_rows: the rows to show
 * @live: (nullable) (element-type gint64): rows someone holds an item of
 * @kind: what brought the change
 *
 * Plans the items-changed emissions that take a list from @old_rows to
 * @new_rows (see above). Applied in order, each step removes @removed rows at
 * @position and inserts new_rows[@from … @from + @added) there.
 *
 * Returns: (transfer full) (element-type AimsListStep): the steps, none if
 *   the rows are the same
 */
GArray *
_aims_list_plan_steps (const gint64       *old_rows,
                       guint               n_old,
                       const gint64       *new_rows,
                       guint               n_new,
                       GHashTable         *live,
                       AimsListChangeKind  kind)
{
  GArray *steps = g_array_new (FALSE, FALSE, sizeof (AimsListStep));
  const gint64 *old_middle, *new_middle;
  guint prefix = 0, suffix = 0;
  guint removed, added;

  while (prefix < n_old && prefix < n_new && old_rows[prefix] == new_rows[prefix])
    prefix++;
  while (suffix < n_old - prefix && suffix < n_new - prefix &&
         old_rows[n_old - 1 - suffix] == new_rows[n_new - 1 - suffix])
    suffix++;

  removed = n_old - prefix - suffix;
  added = n_new - prefix - suffix;
  old_middle = old_rows + prefix;
  new_middle = new_rows + prefix;

  if (removed == 0 || added == 0 || added <= AIMS_LIST_STEP_SMALL ||
      !any_live (old_middle, removed, live))
    {
      /* Nobody follows a removed row, or finding it again is cheap */
      add_step (steps, prefix, removed, added, prefix);
      return steps;
    }

  if (kind == AIMS_LIST_CHANGE_QUERY)
    {
      /* The view was at the top. The new rows go in front of the old ones
       * first, removing nothing: the view follows the old row it is
       * scrolled to and builds nothing. Its owner then scrolls it back to
       * the top (the record browser does, between the steps), where the new
       * rows take the widgets of the old ones, which are no longer shown:
       * a bind each, no new widget. Then the old rows go, unseen. (Removing
       * a shown row instead would destroy its widgets and have new ones
       * built, and a column view measures all of its cells again whenever
       * one is added.) */
      add_step (steps, prefix, 0, added, prefix);
      add_step (steps, prefix + added, removed, 0, 0);
      return steps;
    }

  /* One record moved (an edit changed the column the list is sorted by):
   * move it alone */
  if (removed == added && removed > 1)
    {
      if (old_middle[0] == new_middle[added - 1] &&
          same_rows (old_middle + 1, new_middle, added - 1))
        {
          add_step (steps, prefix, 1, 0, 0);
          add_step (steps, prefix + added - 1, 0, 1, prefix + added - 1);
          return steps;
        }
      if (old_middle[removed - 1] == new_middle[0] &&
          same_rows (old_middle, new_middle + 1, removed - 1))
        {
          add_step (steps, prefix + removed - 1, 1, 0, 0);
          add_step (steps, prefix, 0, 1, prefix);
          return steps;
        }
    }

  /* Anything else: out, then in */
  add_step (steps, prefix, removed, 0, 0);
  add_step (steps, prefix, 0, added, prefix);

  return steps;
}
