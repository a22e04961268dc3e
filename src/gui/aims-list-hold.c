/* aims-list-hold.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A list model that passes another one on to a view, except that while
 * that one is empty it keeps the rows the view last had.
 *
 * A register shows "No Results" in place of its list while a search or a
 * filter matches nothing, so the list view is hidden then. A GTK 4.8 list
 * view destroys the widgets of the rows it loses and builds new ones for
 * the rows it gains: a search that matched nothing and is then cleared cost
 * some 200 rows of cells built anew, and each new cell has its whole column
 * measured again (the worst keystroke on the huge demo). Held here, the
 * hidden view keeps its rows; when the model has rows again they are put in
 * front of the held ones, "rows-in-front" lets the view's owner scroll to
 * the top, where the new rows take the held rows' widgets (a bind each),
 * and then the held rows go.
 *
 * Only the rows the view asked for are held, from the first on, as far as
 * the view still holds them (weak references): more than a list view
 * builds, and no others. Positions are the model's whenever it has rows. */

#define G_LOG_DOMAIN "aims-list-hold"

#include "config.h"

#include "aims-list-hold.h"

/* More rows than a GTK 4.8 list view keeps (200 and a few) */
#define HOLD_MAX 256

struct _AimsListHold
{
  GObject     parent_instance;

  GListModel *model;
  GWeakRef    seen[HOLD_MAX]; /* the items handed out, by position */
  guint       n_seen;         /* seen[n_seen …] are unset */
  GPtrArray  *held;           /* while the model is empty; else NULL */
  guint       n_front;        /* while letting go: the model's rows in front */
};

enum {
  ROWS_IN_FRONT,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static GType
aims_list_hold_get_item_type (GListModel *list)
{
  AimsListHold *self = AIMS_LIST_HOLD (list);

  return g_list_model_get_item_type (self->model);
}

static guint
aims_list_hold_get_n_items (GListModel *list)
{
  AimsListHold *self = AIMS_LIST_HOLD (list);

  if (self->held != NULL)
    return self->n_front + self->held->len;

  return g_list_model_get_n_items (self->model);
}

static gpointer
aims_list_hold_get_item (GListModel *list,
                         guint       position)
{
  AimsListHold *self = AIMS_LIST_HOLD (list);
  gpointer item;

  if (self->held != NULL)
    {
      if (position < self->n_front)
        return g_list_model_get_item (self->model, position);
      if (position - self->n_front < self->held->len)
        return g_object_ref (g_ptr_array_index (self->held, position - self->n_front));
      return NULL;
    }

  item = g_list_model_get_item (self->model, position);
  if (item != NULL && position < HOLD_MAX)
    {
      g_weak_ref_set (&self->seen[position], item);
      self->n_seen = MAX (self->n_seen, position + 1);
    }

  return item;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = aims_list_hold_get_item_type;
  iface->get_n_items = aims_list_hold_get_n_items;
  iface->get_item = aims_list_hold_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (AimsListHold, aims_list_hold, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

/* Forgets the items seen from @position on */
static void
forget_from (AimsListHold *self,
             guint         position)
{
  for (guint i = position; i < self->n_seen; i++)
    g_weak_ref_set (&self->seen[i], NULL);
  self->n_seen = MIN (self->n_seen, position);
}

/* Moves the items seen to their new positions after a change: a view keeps
 * the widgets of rows that only moved, and does not ask for them again */
static void
move_seen (AimsListHold *self,
           guint         position,
           guint         removed,
           guint         added)
{
  GObject *moved[HOLD_MAX] = { NULL, };
  guint n_moved = 0;

  if (position >= self->n_seen || removed == added)
    {
      /* Nothing seen moves; the rows replaced are asked for again */
      for (guint i = position; i < MIN (position + removed, self->n_seen); i++)
        g_weak_ref_set (&self->seen[i], NULL);
      return;
    }

  for (guint i = position + removed; i < self->n_seen; i++)
    {
      guint to = i - removed + added;

      if (to < HOLD_MAX)
        {
          moved[to] = g_weak_ref_get (&self->seen[i]);
          n_moved = MAX (n_moved, to + 1);
        }
    }

  forget_from (self, position);
  for (guint i = position; i < n_moved; i++)
    {
      if (moved[i] != NULL)
        {
          g_weak_ref_set (&self->seen[i], moved[i]);
          g_object_unref (moved[i]);
        }
    }
  self->n_seen = MAX (self->n_seen, n_moved);
}

/* The model lost its last rows: keeps those the view still holds */
static void
start_holding (AimsListHold *self,
               guint         removed)
{
  g_autoptr(GPtrArray) held = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < MIN (self->n_seen, removed); i++)
    {
      GObject *item = g_weak_ref_get (&self->seen[i]);

      if (item == NULL)
        break;
      g_ptr_array_add (held, item);
    }
  forget_from (self, 0);

  if (held->len == 0)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, 0);
      return;
    }

  self->held = g_steal_pointer (&held);
  if (removed > self->held->len)
    g_list_model_items_changed (G_LIST_MODEL (self), self->held->len, removed - self->held->len, 0);
}

/* The model has rows again: they go in front of the held ones, the view
 * is taken to the top, then the held rows go */
static void
stop_holding (AimsListHold *self,
              guint         added)
{
  guint n_held = self->held->len;

  self->n_front = added;
  g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, added);
  g_signal_emit (self, signals [ROWS_IN_FRONT], 0);

  g_clear_pointer (&self->held, g_ptr_array_unref);
  self->n_front = 0;
  g_list_model_items_changed (G_LIST_MODEL (self), added, n_held, 0);
}

static void
on_items_changed_cb (AimsListHold *self,
                     guint         position,
                     guint         removed,
                     guint         added,
                     GListModel   *model)
{
  guint n = g_list_model_get_n_items (model);

  if (self->held != NULL)
    {
      /* Rows again: the model went from none to @n in this step */
      if (n > 0)
        stop_holding (self, n);
      return;
    }

  if (n == 0 && removed > 0)
    {
      start_holding (self, removed);
      return;
    }

  move_seen (self, position, removed, added);
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

static void
aims_list_hold_dispose (GObject *object)
{
  AimsListHold *self = AIMS_LIST_HOLD (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_object (&self->model);
  g_clear_pointer (&self->held, g_ptr_array_unref);
  forget_from (self, 0);

  G_OBJECT_CLASS (aims_list_hold_parent_class)->dispose (object);
}

static void
aims_list_hold_finalize (GObject *object)
{
  AimsListHold *self = AIMS_LIST_HOLD (object);

  for (guint i = 0; i < HOLD_MAX; i++)
    g_weak_ref_clear (&self->seen[i]);

  G_OBJECT_CLASS (aims_list_hold_parent_class)->finalize (object);
}

static void
aims_list_hold_class_init (AimsListHoldClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = aims_list_hold_dispose;
  object_class->finalize = aims_list_hold_finalize;

  /**
   * AimsListHold::rows-in-front:
   *
   * The model has rows again, and they are now in front of the held ones,
   * which go right after this: a view scrolled to the top here hands the
   * held rows' widgets over to the new rows.
   */
  signals [ROWS_IN_FRONT] =
    g_signal_new ("rows-in-front",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
aims_list_hold_init (AimsListHold *self)
{
  for (guint i = 0; i < HOLD_MAX; i++)
    g_weak_ref_init (&self->seen[i], NULL);
}

/**
 * aims_list_hold_new:
 * @model: the model to pass on
 *
 * Returns: (transfer full): a model with @model's rows, which keeps the
 *   rows a view last asked for while @model has none
 */
AimsListHold *
aims_list_hold_new (GListModel *model)
{
  AimsListHold *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);

  self = g_object_new (AIMS_TYPE_LIST_HOLD, NULL);
  self->model = g_object_ref (model);
  g_signal_connect_object (model, "items-changed", G_CALLBACK (on_items_changed_cb), self,
                           G_CONNECT_SWAPPED);

  return self;
}

GListModel *
aims_list_hold_get_model (AimsListHold *self)
{
  g_return_val_if_fail (AIMS_IS_LIST_HOLD (self), NULL);

  return self->model;
}

/**
 * aims_list_hold_get_holding:
 *
 * Returns: whether the model is empty and rows a view had are kept
 */
gboolean
aims_list_hold_get_holding (AimsListHold *self)
{
  g_return_val_if_fail (AIMS_IS_LIST_HOLD (self), FALSE);

  return self->held != NULL;
}
