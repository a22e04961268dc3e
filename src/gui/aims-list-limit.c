/* aims-list-limit.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A list model that passes on the first so many rows of another one, or
 * all of them (G_MAXUINT, the default).
 *
 * A register's preparation (aims-page-prepare.c) gives its column view its
 * rows a few at a time, since GTK 4.8 sets up a row of cells for each row
 * a view is given, up to some 200. GtkSliceListModel would do, but that
 * passes on every change that adds or removes rows as the removal of all
 * rows from that point on and the addition of as many: for a new search or
 * order of 10,000 systems, the view would look through all of them. Here,
 * with no limit, every change is passed on as it is; with one, a change
 * within the first rows is passed on as that of the rows from it up to the
 * limit, at most the few hundred a preparation gives. */

#define G_LOG_DOMAIN "aims-list-limit"

#include "config.h"

#include "aims-list-limit.h"

struct _AimsListLimit
{
  GObject     parent_instance;

  GListModel *model;
  guint       limit;
};

static guint
limited (AimsListLimit *self,
         guint          n)
{
  return MIN (n, self->limit);
}

static GType
aims_list_limit_get_item_type (GListModel *list)
{
  AimsListLimit *self = AIMS_LIST_LIMIT (list);

  return self->model != NULL ? g_list_model_get_item_type (self->model) : G_TYPE_OBJECT;
}

static guint
aims_list_limit_get_n_items (GListModel *list)
{
  AimsListLimit *self = AIMS_LIST_LIMIT (list);

  return self->model != NULL ? limited (self, g_list_model_get_n_items (self->model)) : 0;
}

static gpointer
aims_list_limit_get_item (GListModel *list,
                          guint       position)
{
  AimsListLimit *self = AIMS_LIST_LIMIT (list);

  if (self->model == NULL || position >= self->limit)
    return NULL;

  return g_list_model_get_item (self->model, position);
}

static void
aims_list_limit_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = aims_list_limit_get_item_type;
  iface->get_n_items = aims_list_limit_get_n_items;
  iface->get_item = aims_list_limit_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (AimsListLimit, aims_list_limit, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, aims_list_limit_list_model_init))

static void
on_items_changed_cb (GListModel    *model,
                     guint          position,
                     guint          removed,
                     guint          added,
                     AimsListLimit *self)
{
  guint after, before;

  if (self->limit == G_MAXUINT)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
      return;
    }

  after = g_list_model_get_n_items (model);
  before = limited (self, after - added + removed);
  after = limited (self, after);
  if (position >= before && position >= after)
    return;

  /* Rows move in or out past the limit: the rows from the change on */
  g_list_model_items_changed (G_LIST_MODEL (self), position, before - MIN (position, before),
                              after - MIN (position, after));
}

static void
aims_list_limit_dispose (GObject *object)
{
  AimsListLimit *self = AIMS_LIST_LIMIT (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, on_items_changed_cb, self);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (aims_list_limit_parent_class)->dispose (object);
}

static void
aims_list_limit_class_init (AimsListLimitClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = aims_list_limit_dispose;
}

static void
aims_list_limit_init (AimsListLimit *self)
{
  self->limit = G_MAXUINT;
}

AimsListLimit *
aims_list_limit_new (void)
{
  return g_object_new (AIMS_TYPE_LIST_LIMIT, NULL);
}

/**
 * aims_list_limit_set_model:
 * @model: (nullable): the model whose rows to pass on
 */
void
aims_list_limit_set_model (AimsListLimit *self,
                           GListModel    *model)
{
  guint removed, added;

  g_return_if_fail (AIMS_IS_LIST_LIMIT (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->model == model)
    return;

  removed = g_list_model_get_n_items (G_LIST_MODEL (self));
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, on_items_changed_cb, self);
  g_set_object (&self->model, model);
  if (model != NULL)
    g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed_cb), self);
  added = g_list_model_get_n_items (G_LIST_MODEL (self));

  if (removed > 0 || added > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, added);
}

GListModel *
aims_list_limit_get_model (AimsListLimit *self)
{
  g_return_val_if_fail (AIMS_IS_LIST_LIMIT (self), NULL);

  return self->model;
}

/**
 * aims_list_limit_set_limit:
 * @limit: the most rows passed on, G_MAXUINT for all
 *
 * Rows let through or held back are added or removed at the end.
 */
void
aims_list_limit_set_limit (AimsListLimit *self,
                           guint          limit)
{
  guint before, after;

  g_return_if_fail (AIMS_IS_LIST_LIMIT (self));

  before = g_list_model_get_n_items (G_LIST_MODEL (self));
  self->limit = limit;
  after = g_list_model_get_n_items (G_LIST_MODEL (self));

  if (before > after)
    g_list_model_items_changed (G_LIST_MODEL (self), after, before - after, 0);
  else if (after > before)
    g_list_model_items_changed (G_LIST_MODEL (self), before, 0, after - before);
}

guint
aims_list_limit_get_limit (AimsListLimit *self)
{
  g_return_val_if_fail (AIMS_IS_LIST_LIMIT (self), G_MAXUINT);

  return self->limit;
}
