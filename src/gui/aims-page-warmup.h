/* aims-page-warmup.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef struct _AimsPageWarmup AimsPageWarmup;

AimsPageWarmup *aims_page_warmup_new         (void);
void            aims_page_warmup_free        (AimsPageWarmup *self);
void            aims_page_warmup_widget      (AimsPageWarmup *self,
                                              GtkWidget      *widget);
guint           aims_page_warmup_get_n_texts (AimsPageWarmup *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AimsPageWarmup, aims_page_warmup_free)

G_END_DECLS
