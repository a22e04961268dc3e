/* test-ui-list-limit.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The model through which a register's view is given its first rows a few
 * at a time (aims-list-limit.c): the first so many rows of a list, or all of
 * them. A view that follows its changes always has exactly those rows; with
 * no limit, each change reaches it as the list made it (a row added in front
 * of 10,000 is one row added, not 10,000 replaced). The "view" here is a
 * copy kept up to date from the signals alone. */

#include "config.h"

#include <gio/gio.h>

#include "aims-test-util.h"

#include "aims-list-limit.h"

typedef struct
{
  GPtrArray *rows;      /* what a view following the signals has */
  guint      n_changes;
  guint      last_position;
  guint      last_removed;
  guint      last_added;
} View;

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     View       *view)
{
  g_assert_cmpuint (position + removed, <=, view->rows->len);
  g_ptr_array_remove_range (view->rows, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (view->rows, position + i, g_list_model_get_item (model, position + i));

  view->n_changes++;
  view->last_position = position;
  view->last_removed = removed;
  view->last_added = added;
}

static void
view_init (View          *view,
           AimsListLimit *limit)
{
  view->rows = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (limit)); i++)
    g_ptr_array_add (view->rows, g_list_model_get_item (G_LIST_MODEL (limit), i));
  g_signal_connect (limit, "items-changed", G_CALLBACK (on_items_changed_cb), view);
}

static void
view_clear (View          *view,
            AimsListLimit *limit)
{
  g_signal_handlers_disconnect_by_data (limit, view);
  g_ptr_array_unref (view->rows);
}

static void
add_in_front (GListStore *store,
              guint       n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_object_new (G_TYPE_OBJECT, NULL);

      g_list_store_insert (store, 0, item);
    }
}

/* The view has the list's first @limit rows (all with G_MAXUINT), and the
 * model says the same */
static void
assert_view_has_first_rows (View       *view,
                            GListStore *store,
                            guint       limit)
{
  guint n = MIN (g_list_model_get_n_items (G_LIST_MODEL (store)), limit);

  g_assert_cmpuint (view->rows->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) expected = g_list_model_get_item (G_LIST_MODEL (store), i);

      g_assert_true (g_ptr_array_index (view->rows, i) == expected);
    }
}

static void
test_passes_every_change_as_made (void)
{
  g_autoptr(GListStore) store = aims_test_new_object_store (10000);
  g_autoptr(AimsListLimit) limit = aims_list_limit_new ();
  View view = { 0 };

  aims_list_limit_set_model (limit, G_LIST_MODEL (store));
  g_assert_cmpuint (aims_list_limit_get_limit (limit), ==, G_MAXUINT);
  view_init (&view, limit);
  assert_view_has_first_rows (&view, store, G_MAXUINT);

  /* One row in front: one row added, nothing else touched */
  add_in_front (store, 1);
  g_assert_cmpuint (view.n_changes, ==, 1);
  g_assert_cmpuint (view.last_position, ==, 0);
  g_assert_cmpuint (view.last_removed, ==, 0);
  g_assert_cmpuint (view.last_added, ==, 1);

  /* Rows in the middle replaced, and rows at the end removed */
  {
    g_autoptr(GObject) a = g_object_new (G_TYPE_OBJECT, NULL);
    g_autoptr(GObject) b = g_object_new (G_TYPE_OBJECT, NULL);
    gpointer added[] = { a, b };

    g_list_store_splice (store, 5000, 3, added, 2);
  }
  g_assert_cmpuint (view.last_position, ==, 5000);
  g_assert_cmpuint (view.last_removed, ==, 3);
  g_assert_cmpuint (view.last_added, ==, 2);
  g_list_store_splice (store, 9990, 10, NULL, 0);
  g_assert_cmpuint (view.last_removed, ==, 10);
  assert_view_has_first_rows (&view, store, G_MAXUINT);

  view_clear (&view, limit);
}

static void
test_first_rows_only (void)
{
  g_autoptr(GListStore) store = aims_test_new_object_store (300);
  g_autoptr(AimsListLimit) limit = aims_list_limit_new ();
  View view = { 0 };

  aims_list_limit_set_model (limit, G_LIST_MODEL (store));
  aims_list_limit_set_limit (limit, 50);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (limit)), ==, 50);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (limit), 50));
  view_init (&view, limit);
  assert_view_has_first_rows (&view, store, 50);

  /* More rows let through: added at the end */
  aims_list_limit_set_limit (limit, 100);
  g_assert_cmpuint (view.last_position, ==, 50);
  g_assert_cmpuint (view.last_removed, ==, 0);
  g_assert_cmpuint (view.last_added, ==, 50);
  assert_view_has_first_rows (&view, store, 100);

  /* Rows in front push as many past the limit; rows removed in front let
   * as many in; no change reaches past the limit */
  add_in_front (store, 3);
  assert_view_has_first_rows (&view, store, 100);
  g_assert_cmpuint (view.last_position + view.last_removed, <=, 100);
  g_list_store_splice (store, 10, 20, NULL, 0);
  assert_view_has_first_rows (&view, store, 100);

  /* A change past the limit is not passed on */
  {
    guint before = view.n_changes;

    g_list_store_splice (store, 200, 5, NULL, 0);
    g_assert_cmpuint (view.n_changes, ==, before);
  }

  /* Fewer rows than the limit, then more again */
  g_list_store_splice (store, 40, g_list_model_get_n_items (G_LIST_MODEL (store)) - 40, NULL, 0);
  assert_view_has_first_rows (&view, store, 100);
  add_in_front (store, 100);
  assert_view_has_first_rows (&view, store, 100);

  /* A lower limit drops rows at the end; none lets all through */
  aims_list_limit_set_limit (limit, 30);
  assert_view_has_first_rows (&view, store, 30);
  aims_list_limit_set_limit (limit, G_MAXUINT);
  assert_view_has_first_rows (&view, store, G_MAXUINT);
  g_assert_cmpuint (view.rows->len, ==, 140);

  view_clear (&view, limit);
}

static void
test_model_replaced (void)
{
  g_autoptr(GListStore) first = aims_test_new_object_store (80);
  g_autoptr(GListStore) second = aims_test_new_object_store (20);
  g_autoptr(AimsListLimit) limit = aims_list_limit_new ();
  View view = { 0 };

  view_init (&view, limit);
  g_assert_cmpuint (view.rows->len, ==, 0);

  aims_list_limit_set_limit (limit, 50);
  aims_list_limit_set_model (limit, G_LIST_MODEL (first));
  assert_view_has_first_rows (&view, first, 50);
  aims_list_limit_set_model (limit, G_LIST_MODEL (second));
  g_assert_true (aims_list_limit_get_model (limit) == G_LIST_MODEL (second));
  assert_view_has_first_rows (&view, second, 50);

  /* The old list's changes no longer reach the view */
  add_in_front (first, 2);
  assert_view_has_first_rows (&view, second, 50);

  aims_list_limit_set_model (limit, NULL);
  g_assert_cmpuint (view.rows->len, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (limit)), ==, 0);

  view_clear (&view, limit);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/list-limit/passes-every-change-as-made", test_passes_every_change_as_made);
  g_test_add_func ("/list-limit/first-rows-only", test_first_rows_only);
  g_test_add_func ("/list-limit/model-replaced", test_model_replaced);

  return g_test_run ();
}
