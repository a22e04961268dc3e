/* aims-page-prepare.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef struct _AimsPagePrepare AimsPagePrepare;

/* The page's own first step (e.g. giving a list view its rows), before the
 * page's styles are worked out; each call is one main-loop turn, and it is
 * called again, in a later turn, for as long as it returns TRUE */
typedef gboolean (*AimsPagePrepareFunc) (GtkWidget *page,
                                         gpointer   user_data);

AimsPagePrepare *aims_page_prepare_new              (GtkWidget           *page,
                                                     AimsPagePrepareFunc  first_step,
                                                     gpointer             user_data);
void             aims_page_prepare_free             (AimsPagePrepare     *self);
void             aims_page_prepare_start            (AimsPagePrepare     *self);
void             aims_page_prepare_stop             (AimsPagePrepare     *self);
gboolean         aims_page_prepare_get_running      (AimsPagePrepare     *self);
gboolean         aims_page_prepare_get_done         (AimsPagePrepare     *self);
double           aims_page_prepare_get_longest_step (AimsPagePrepare     *self);
double           aims_page_prepare_get_longest_step_cpu (AimsPagePrepare *self);
double           aims_page_prepare_get_total        (AimsPagePrepare     *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AimsPagePrepare, aims_page_prepare_free)

G_END_DECLS
