/* test-ui-list-hold.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The model a register's view sees (aims-list-hold.c): the list's rows as
 * they are, except that while the list is empty the rows the view still
 * holds are kept, and given back in an order that lets the view reuse
 * their widgets. A "view" here is the items it asked for and still holds. */

#include "config.h"

#include <gio/gio.h>

#include "aims-test-util.h"

#include "aims-list-hold.h"

typedef struct
{
  guint position;
  guint removed;
  guint added;
  guint n_items;  /* the hold's, when told */
} Change;

typedef struct
{
  GArray *changes;
  guint   in_front;         /* "rows-in-front" emissions */
  guint   n_at_in_front;    /* the hold's rows then */
  GObject *first_at_in_front;
} Watch;

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     Watch      *watch)
{
  Change change = { position, removed, added, g_list_model_get_n_items (model) };

  g_array_append_val (watch->changes, change);
}

static void
on_rows_in_front_cb (AimsListHold *hold,
                     Watch        *watch)
{
  watch->in_front++;
  watch->n_at_in_front = g_list_model_get_n_items (G_LIST_MODEL (hold));
  g_clear_object (&watch->first_at_in_front);
  watch->first_at_in_front = g_list_model_get_item (G_LIST_MODEL (hold), 0);
}

/* Asks @hold for its first @n items, as a view binding rows does */
static GPtrArray *
view_rows (AimsListHold *hold,
           guint         n)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (rows, g_list_model_get_item (G_LIST_MODEL (hold), i));

  return rows;
}

/* With rows, the hold is the list: same count, same items, same changes */
static void
test_passes_rows_on (void)
{
  g_autoptr(GListStore) store = aims_test_new_object_store (5);
  g_autoptr(AimsListHold) hold = aims_list_hold_new (G_LIST_MODEL (store));
  Watch watch = { g_array_new (FALSE, FALSE, sizeof (Change)) };

  g_signal_connect (hold, "items-changed", G_CALLBACK (on_items_changed_cb), &watch);
  g_assert_true (aims_list_hold_get_model (hold) == G_LIST_MODEL (store));
  g_assert_cmpuint (g_list_model_get_item_type (G_LIST_MODEL (hold)), ==, G_TYPE_OBJECT);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (hold)), ==, 5);
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(GObject) a = g_list_model_get_item (G_LIST_MODEL (hold), i);
      g_autoptr(GObject) b = g_list_model_get_item (G_LIST_MODEL (store), i);

      g_assert_true (a == b);
    }

  g_list_store_remove (store, 1);
  g_assert_cmpuint (watch.changes->len, ==, 1);
  g_assert_cmpuint (g_array_index (watch.changes, Change, 0).position, ==, 1);
  g_assert_cmpuint (g_array_index (watch.changes, Change, 0).removed, ==, 1);
  g_assert_cmpuint (g_array_index (watch.changes, Change, 0).n_items, ==, 4);
  g_assert_false (aims_list_hold_get_holding (hold));

  g_array_unref (watch.changes);
}

/* Emptied while a view holds its first rows: those stay, the others go;
 * given rows again, the new ones come in front first (the owner is told),
 * then the kept ones go */
static void
test_holds_view_rows_while_empty (void)
{
  g_autoptr(GListStore) store = aims_test_new_object_store (10);
  g_autoptr(AimsListHold) hold = aims_list_hold_new (G_LIST_MODEL (store));
  g_autoptr(GPtrArray) rows = view_rows (hold, 4);
  g_autoptr(GListStore) fresh = aims_test_new_object_store (6);
  Watch watch = { g_array_new (FALSE, FALSE, sizeof (Change)) };
  const Change *change;

  g_signal_connect (hold, "items-changed", G_CALLBACK (on_items_changed_cb), &watch);
  g_signal_connect (hold, "rows-in-front", G_CALLBACK (on_rows_in_front_cb), &watch);

  g_list_store_remove_all (store);
  g_assert_true (aims_list_hold_get_holding (hold));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (hold)), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (hold), i);

      g_assert_true (item == g_ptr_array_index (rows, i));
    }
  g_assert_cmpuint (watch.changes->len, ==, 1);
  change = &g_array_index (watch.changes, Change, 0);
  g_assert_cmpuint (change->position, ==, 4);
  g_assert_cmpuint (change->removed, ==, 6);
  g_assert_cmpuint (change->added, ==, 0);

  /* Rows again */
  {
    g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (fresh), 0);

    g_list_store_append (store, item);
  }
  g_assert_cmpuint (watch.in_front, ==, 1);
  /* when told, the new row led and the kept ones were behind it */
  g_assert_cmpuint (watch.n_at_in_front, ==, 1 + 4);
  {
    g_autoptr(GObject) first = g_list_model_get_item (G_LIST_MODEL (fresh), 0);

    g_assert_true (watch.first_at_in_front == first);
  }
  g_assert_cmpuint (watch.changes->len, ==, 3);
  change = &g_array_index (watch.changes, Change, 1);
  g_assert_cmpuint (change->position, ==, 0);
  g_assert_cmpuint (change->removed, ==, 0);
  g_assert_cmpuint (change->added, ==, 1);
  g_assert_cmpuint (change->n_items, ==, 5);
  change = &g_array_index (watch.changes, Change, 2);
  g_assert_cmpuint (change->position, ==, 1);
  g_assert_cmpuint (change->removed, ==, 4);
  g_assert_cmpuint (change->added, ==, 0);
  g_assert_cmpuint (change->n_items, ==, 1);

  g_assert_false (aims_list_hold_get_holding (hold));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (hold)), ==, 1);

  g_clear_object (&watch.first_at_in_front);
  g_array_unref (watch.changes);
}

/* Rows the view let go of are not kept: emptied, the hold is empty */
static void
test_keeps_only_held_rows (void)
{
  g_autoptr(GListStore) store = aims_test_new_object_store (10);
  g_autoptr(AimsListHold) hold = aims_list_hold_new (G_LIST_MODEL (store));
  GPtrArray *rows = view_rows (hold, 4);

  g_ptr_array_unref (rows);
  g_list_store_remove_all (store);
  g_assert_false (aims_list_hold_get_holding (hold));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (hold)), ==, 0);
}

/* Rows that moved are followed to their new places: a view keeps a moved
 * row's widgets without asking for it again */
static void
test_follows_moved_rows (void)
{
  g_autoptr(GListStore) store = aims_test_new_object_store (10);
  g_autoptr(AimsListHold) hold = aims_list_hold_new (G_LIST_MODEL (store));
  g_autoptr(GPtrArray) rows = view_rows (hold, 4);
  g_autoptr(GObject) added = g_object_new (G_TYPE_OBJECT, NULL);

  /* The first row goes, the view still holds the next three, now at 0… */
  g_list_store_remove (store, 0);
  /* a row comes in front, which the view asks for */
  g_list_store_insert (store, 0, added);
  g_object_unref (g_list_model_get_item (G_LIST_MODEL (hold), 0));

  g_list_store_remove_all (store);
  g_assert_true (aims_list_hold_get_holding (hold));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (hold)), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (hold), i);

      g_assert_true (item == (i == 0 ? added : g_ptr_array_index (rows, i)));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/list-hold/passes-rows-on", test_passes_rows_on);
  g_test_add_func ("/list-hold/holds-view-rows-while-empty", test_holds_view_rows_while_empty);
  g_test_add_func ("/list-hold/keeps-only-held-rows", test_keeps_only_held_rows);
  g_test_add_func ("/list-hold/follows-moved-rows", test_follows_moved_rows);

  return g_test_run ();
}
