/* test-list-changes.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The steps in which a record list tells a view that its rows changed
 * (aims-list-changes.c): applied in order they give the new rows; a row
 * someone holds is never removed in a step that adds many rows (GTK would
 * look for it through all of them); a new query leaves the old rows a view
 * shows in place until new rows fill the top. */

#include "config.h"

#include "aims-list-changes-private.h"

#include <string.h>

/* Applies @steps to @rows, checking each against @live; returns the rows */
static GArray *
apply (const gint64 *old_rows,
       guint         n_old,
       const gint64 *new_rows,
       GArray       *steps,
       GHashTable   *live)
{
  GArray *rows = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_array_append_vals (rows, old_rows, n_old);
  for (guint i = 0; i < steps->len; i++)
    {
      const AimsListStep *step = &g_array_index (steps, AimsListStep, i);

      g_assert_cmpuint (step->position + step->removed, <=, rows->len);
      g_assert_true (step->removed > 0 || step->added > 0);

      /* Many rows added: no held row among the removed ones */
      if (step->added > AIMS_LIST_STEP_SMALL && live != NULL)
        for (guint k = 0; k < step->removed; k++)
          g_assert_false (g_hash_table_contains (live, &g_array_index (rows, gint64, step->position + k)));

      g_array_remove_range (rows, step->position, step->removed);
      if (step->added > 0)
        g_array_insert_vals (rows, step->position, new_rows + step->from, step->added);
    }

  return rows;
}

static void
assert_rows (GArray       *rows,
             const gint64 *expected,
             guint         n)
{
  g_assert_cmpuint (rows->len, ==, n);
  if (n > 0)
    g_assert_cmpint (memcmp (rows->data, expected, n * sizeof (gint64)), ==, 0);
}

static GHashTable *
live_set (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

static void
add_live (GHashTable *live,
          gint64      rowid)
{
  g_hash_table_add (live, g_memdup2 (&rowid, sizeof rowid));
}

/* Random lists: searches (subsets in order), sorts (permutations), edits */
static void
test_random (void)
{
  GRand *rand = g_rand_new_with_seed (42);

  for (guint round = 0; round < 2000; round++)
    {
      g_autoptr(GArray) old_rows = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autoptr(GArray) new_rows = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autoptr(GHashTable) live = live_set ();
      g_autoptr(GArray) steps = NULL;
      g_autoptr(GArray) result = NULL;
      guint n = g_rand_int_range (rand, 0, 600);
      AimsListChangeKind kind = g_rand_boolean (rand) ? AIMS_LIST_CHANGE_QUERY : AIMS_LIST_CHANGE_EDIT;
      guint shown_from, shown;

      for (guint i = 0; i < n; i++)
        {
          gint64 rowid = i + 1;

          if (g_rand_int_range (rand, 0, 4) != 0)
            g_array_append_val (old_rows, rowid);
          if (g_rand_int_range (rand, 0, 3) != 0)
            g_array_append_val (new_rows, rowid);
        }

      /* Sometimes a new order */
      if (g_rand_int_range (rand, 0, 3) == 0)
        for (guint i = new_rows->len; i > 1; i--)
          {
            guint j = g_rand_int_range (rand, 0, i);
            gint64 tmp = g_array_index (new_rows, gint64, i - 1);

            g_array_index (new_rows, gint64, i - 1) = g_array_index (new_rows, gint64, j);
            g_array_index (new_rows, gint64, j) = tmp;
          }

      /* What a view holds: a screenful somewhere, and a selected row */
      shown_from = old_rows->len > 0 ? g_rand_int_range (rand, 0, old_rows->len) : 0;
      if (g_rand_boolean (rand))
        shown_from = 0;
      shown = MIN (old_rows->len - shown_from, 205);
      for (guint i = 0; i < shown; i++)
        add_live (live, g_array_index (old_rows, gint64, shown_from + i));
      if (old_rows->len > 0)
        add_live (live, g_array_index (old_rows, gint64, g_rand_int_range (rand, 0, old_rows->len)));

      steps = _aims_list_plan_steps ((gint64 *) old_rows->data, old_rows->len,
                                     (gint64 *) new_rows->data, new_rows->len, live, kind);
      g_assert_cmpuint (steps->len, <=, 3);
      result = apply ((gint64 *) old_rows->data, old_rows->len, (gint64 *) new_rows->data, steps, live);
      assert_rows (result, (gint64 *) new_rows->data, new_rows->len);
    }

  g_rand_free (rand);
}

/* A search typed while the view shows the first rows: the new rows come in
 * front of the old ones, none removed, so that the old rows the view shows
 * are still there to lend their widgets once the view is back at the top;
 * only then do the old rows go, nothing added with them. No shown row is
 * removed while a new one comes: the view would destroy its widgets and
 * build new ones. */
static void
test_query_keeps_view_rows (void)
{
  g_autoptr(GArray) old_rows = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) new_rows = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) live = live_set ();
  g_autoptr(GArray) steps = NULL;
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (gint64));
  const AimsListStep *step;

  for (gint64 i = 1; i <= 10000; i++)
    {
      g_array_append_val (old_rows, i);
      if (i % 3 == 0)
        g_array_append_val (new_rows, i);
    }
  for (guint i = 0; i < 205; i++)
    add_live (live, g_array_index (old_rows, gint64, i));

  steps = _aims_list_plan_steps ((gint64 *) old_rows->data, old_rows->len,
                                 (gint64 *) new_rows->data, new_rows->len, live,
                                 AIMS_LIST_CHANGE_QUERY);
  g_assert_cmpuint (steps->len, ==, 2);

  /* First: every new row, in front of the old ones, nothing removed */
  step = &g_array_index (steps, AimsListStep, 0);
  g_assert_cmpuint (step->position, ==, 0);
  g_assert_cmpuint (step->removed, ==, 0);
  g_assert_cmpuint (step->added, ==, new_rows->len);
  g_assert_cmpuint (step->from, ==, 0);

  /* By then the new rows lead and all the old rows a view showed are still
   * there, behind them */
  g_array_append_vals (rows, old_rows->data, old_rows->len);
  g_array_insert_vals (rows, step->position, &g_array_index (new_rows, gint64, step->from), step->added);
  g_assert_cmpint (memcmp (rows->data, new_rows->data, new_rows->len * sizeof (gint64)), ==, 0);
  for (guint i = 0; i < 205; i++)
    g_assert_cmpint (g_array_index (rows, gint64, new_rows->len + i), ==,
                     g_array_index (old_rows, gint64, i));

  /* Last: the old rows out, nothing added */
  step = &g_array_index (steps, AimsListStep, 1);
  g_assert_cmpuint (step->position, ==, new_rows->len);
  g_assert_cmpuint (step->removed, ==, old_rows->len);
  g_assert_cmpuint (step->added, ==, 0);
}

/* The same, a new order that keeps the first row where it was: the new rows
 * go in after it */
static void
test_query_keeps_first_row (void)
{
  g_autoptr(GArray) old_rows = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) new_rows = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) live = live_set ();
  g_autoptr(GArray) steps = NULL;
  g_autoptr(GArray) result = NULL;
  gint64 first = 1;

  g_array_append_val (new_rows, first);
  for (gint64 i = 1; i <= 1000; i++)
    g_array_append_val (old_rows, i);
  for (gint64 i = 1000; i > 1; i--)
    g_array_append_val (new_rows, i);
  for (guint i = 0; i < 205; i++)
    add_live (live, g_array_index (old_rows, gint64, i));

  steps = _aims_list_plan_steps ((gint64 *) old_rows->data, old_rows->len,
                                 (gint64 *) new_rows->data, new_rows->len, live,
                                 AIMS_LIST_CHANGE_QUERY);
  g_assert_cmpuint (steps->len, ==, 2);
  g_assert_cmpuint (g_array_index (steps, AimsListStep, 0).position, ==, 1);
  g_assert_cmpuint (g_array_index (steps, AimsListStep, 0).removed, ==, 0);
  g_assert_cmpuint (g_array_index (steps, AimsListStep, 0).added, ==, 999);
  g_assert_cmpuint (g_array_index (steps, AimsListStep, 1).position, ==, 1000);
  g_assert_cmpuint (g_array_index (steps, AimsListStep, 1).removed, ==, 999);
  g_assert_cmpuint (g_array_index (steps, AimsListStep, 1).added, ==, 0);

  result = apply ((gint64 *) old_rows->data, old_rows->len, (gint64 *) new_rows->data, steps, live);
  assert_rows (result, (gint64 *) new_rows->data, new_rows->len);
}

/* An edit that moves one record far (a rename under a sort by name) moves
 * that record alone, even when it is held */
static void
test_edit_moves_one (void)
{
  g_autoptr(GArray) old_rows = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) new_rows = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) live = live_set ();
  g_autoptr(GArray) steps = NULL;
  g_autoptr(GArray) result = NULL;

  for (gint64 i = 1; i <= 5000; i++)
    g_array_append_val (old_rows, i);
  for (gint64 i = 1; i <= 5000; i++)
    if (i != 10)
      g_array_append_val (new_rows, i);
  {
    gint64 moved = 10;

    g_array_insert_val (new_rows, 4000, moved);
  }
  for (gint64 i = 1; i <= 205; i++)
    add_live (live, i);

  steps = _aims_list_plan_steps ((gint64 *) old_rows->data, old_rows->len,
                                 (gint64 *) new_rows->data, new_rows->len, live,
                                 AIMS_LIST_CHANGE_EDIT);
  g_assert_cmpuint (steps->len, ==, 2);
  g_assert_cmpuint (g_array_index (steps, AimsListStep, 0).removed, ==, 1);
  g_assert_cmpuint (g_array_index (steps, AimsListStep, 0).added, ==, 0);
  g_assert_cmpuint (g_array_index (steps, AimsListStep, 1).removed, ==, 0);
  g_assert_cmpuint (g_array_index (steps, AimsListStep, 1).added, ==, 1);
  result = apply ((gint64 *) old_rows->data, old_rows->len, (gint64 *) new_rows->data, steps, live);
  assert_rows (result, (gint64 *) new_rows->data, new_rows->len);

  /* A record added, one edited in place: one step each, just that row */
  {
    gint64 rows_a[] = { 1, 2, 3, 4 };
    gint64 rows_b[] = { 1, 2, 9, 3, 4 };
    g_autoptr(GArray) one = _aims_list_plan_steps (rows_a, 4, rows_b, 5, live, AIMS_LIST_CHANGE_EDIT);

    g_assert_cmpuint (one->len, ==, 1);
    g_assert_cmpuint (g_array_index (one, AimsListStep, 0).position, ==, 2);
    g_assert_cmpuint (g_array_index (one, AimsListStep, 0).removed, ==, 0);
    g_assert_cmpuint (g_array_index (one, AimsListStep, 0).added, ==, 1);
  }
  {
    gint64 rows_a[] = { 1, 2, 3, 4 };
    g_autoptr(GArray) none = _aims_list_plan_steps (rows_a, 4, rows_a, 4, live, AIMS_LIST_CHANGE_QUERY);

    g_assert_cmpuint (none->len, ==, 0);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/list-changes/random", test_random);
  g_test_add_func ("/list-changes/query-keeps-view-rows", test_query_keeps_view_rows);
  g_test_add_func ("/list-changes/query-keeps-first-row", test_query_keeps_first_row);
  g_test_add_func ("/list-changes/edit-moves-one", test_edit_moves_one);

  return g_test_run ();
}
