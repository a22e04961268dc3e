/* aims-deferred-refresh.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/**
 * AimsDeferredRefreshFunc:
 * @widget: the page
 * @shown_again: %TRUE when the page is refreshed because it was shown
 *   after changes it missed while hidden, %FALSE for a refresh queued while
 *   it was shown
 *
 * Brings a page up to date with its document.
 */
typedef void (*AimsDeferredRefreshFunc) (GtkWidget *widget,
                                         gboolean   shown_again);

/**
 * AimsDeferredRefresh:
 *
 * "Refresh later when the document changes", for a page embedded in the
 * window's section stack: while the page is shown, a change refreshes it
 * (at once, or once in an idle however many changes come); while it is
 * hidden, a change only marks it stale, and it refreshes when it is shown
 * again. Editing elsewhere thus never pays for a hidden page.
 *
 * Embed one in the page's instance struct; everything in it is private.
 */
typedef struct
{
  /*< private >*/
  GtkWidget               *widget;
  AimsDeferredRefreshFunc  func;
  int                      priority;
  guint                    source;
  gulong                   map_handler;
  gboolean                 stale;
} AimsDeferredRefresh;

void     aims_deferred_refresh_init       (AimsDeferredRefresh     *self,
                                           GtkWidget               *widget,
                                           int                      priority,
                                           AimsDeferredRefreshFunc  func);
void     aims_deferred_refresh_clear      (AimsDeferredRefresh     *self);
void     aims_deferred_refresh_queue      (AimsDeferredRefresh     *self);
void     aims_deferred_refresh_update     (AimsDeferredRefresh     *self);
void     aims_deferred_refresh_mark_stale (AimsDeferredRefresh     *self);
void     aims_deferred_refresh_cancel     (AimsDeferredRefresh     *self);
void     aims_deferred_refresh_done       (AimsDeferredRefresh     *self);
gboolean aims_deferred_refresh_is_stale   (AimsDeferredRefresh     *self);

G_END_DECLS
