/* aims-deferred-refresh.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The one way the pages of the window follow their document: refreshed
 * while shown, marked stale while hidden and refreshed when shown again.
 * A page's own refresh calls aims_deferred_refresh_done() first, so that a
 * refresh it makes for another reason (a filter, a new document) also
 * settles what was pending. */

#define G_LOG_DOMAIN "aims-deferred-refresh"

#include "config.h"

#include "aims-deferred-refresh.h"

static gboolean
refresh_idle_cb (gpointer data)
{
  AimsDeferredRefresh *self = data;

  self->source = 0;
  self->stale = FALSE;
  self->func (self->widget, FALSE);

  return G_SOURCE_REMOVE;
}

/* "map" runs the class handler first: the page is mapped, its children
 * too, when it refreshes. */
static void
on_map_cb (GtkWidget *widget,
           gpointer   data)
{
  AimsDeferredRefresh *self = data;

  if (!self->stale)
    return;

  g_clear_handle_id (&self->source, g_source_remove);
  self->stale = FALSE;
  self->func (self->widget, TRUE);
}

/**
 * aims_deferred_refresh_init:
 * @self: an #AimsDeferredRefresh in @widget's instance struct
 * @widget: the page
 * @priority: the priority of a queued refresh, such as
 *   %G_PRIORITY_DEFAULT_IDLE (or %G_PRIORITY_DEFAULT, above redrawing, so
 *   that a slow frame cannot starve it)
 * @func: what brings the page up to date
 *
 * Starts following @widget's visibility; call aims_deferred_refresh_clear()
 * in its dispose.
 */
void
aims_deferred_refresh_init (AimsDeferredRefresh     *self,
                            GtkWidget               *widget,
                            int                      priority,
                            AimsDeferredRefreshFunc  func)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (func != NULL);

  self->widget = widget;
  self->func = func;
  self->priority = priority;
  self->source = 0;
  self->stale = FALSE;
  self->map_handler = g_signal_connect (widget, "map", G_CALLBACK (on_map_cb), self);
}

/**
 * aims_deferred_refresh_clear:
 * @self: an #AimsDeferredRefresh
 *
 * Drops a pending refresh and stops following the page. Safe to call twice.
 */
void
aims_deferred_refresh_clear (AimsDeferredRefresh *self)
{
  g_return_if_fail (self != NULL);

  g_clear_handle_id (&self->source, g_source_remove);
  if (self->widget != NULL)
    g_clear_signal_handler (&self->map_handler, self->widget);
  self->widget = NULL;
}

/**
 * aims_deferred_refresh_queue:
 * @self: an #AimsDeferredRefresh
 *
 * The document changed: while the page is shown, refreshes it once in an
 * idle, however many changes come before; while it is hidden, marks it
 * stale.
 */
void
aims_deferred_refresh_queue (AimsDeferredRefresh *self)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (self->widget != NULL);

  if (!gtk_widget_get_mapped (self->widget))
    aims_deferred_refresh_mark_stale (self);
  else if (self->source == 0)
    self->source = g_idle_add_full (self->priority, refresh_idle_cb, self, NULL);
}

/**
 * aims_deferred_refresh_update:
 * @self: an #AimsDeferredRefresh
 *
 * The document changed: while the page is shown, refreshes it at once;
 * while it is hidden, marks it stale.
 */
void
aims_deferred_refresh_update (AimsDeferredRefresh *self)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (self->widget != NULL);

  if (!gtk_widget_get_mapped (self->widget))
    {
      aims_deferred_refresh_mark_stale (self);
      return;
    }

  aims_deferred_refresh_done (self);
  self->func (self->widget, FALSE);
}

/**
 * aims_deferred_refresh_mark_stale:
 * @self: an #AimsDeferredRefresh
 *
 * Drops a pending refresh: the page refreshes when it is next shown.
 */
void
aims_deferred_refresh_mark_stale (AimsDeferredRefresh *self)
{
  g_return_if_fail (self != NULL);

  g_clear_handle_id (&self->source, g_source_remove);
  self->stale = TRUE;
}

/**
 * aims_deferred_refresh_cancel:
 * @self: an #AimsDeferredRefresh
 *
 * Drops a pending refresh, and leaves the page stale if it was.
 */
void
aims_deferred_refresh_cancel (AimsDeferredRefresh *self)
{
  g_return_if_fail (self != NULL);

  g_clear_handle_id (&self->source, g_source_remove);
}

/**
 * aims_deferred_refresh_done:
 * @self: an #AimsDeferredRefresh
 *
 * The page is being brought up to date by other means: nothing is pending
 * any more.
 */
void
aims_deferred_refresh_done (AimsDeferredRefresh *self)
{
  g_return_if_fail (self != NULL);

  g_clear_handle_id (&self->source, g_source_remove);
  self->stale = FALSE;
}

/**
 * aims_deferred_refresh_is_stale:
 * @self: an #AimsDeferredRefresh
 *
 * Returns: whether the page missed changes while hidden
 */
gboolean
aims_deferred_refresh_is_stale (AimsDeferredRefresh *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->stale;
}
