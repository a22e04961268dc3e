/* aims-list-limit.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define AIMS_TYPE_LIST_LIMIT (aims_list_limit_get_type ())

G_DECLARE_FINAL_TYPE (AimsListLimit, aims_list_limit, AIMS, LIST_LIMIT, GObject)

AimsListLimit *aims_list_limit_new       (void);
void           aims_list_limit_set_model (AimsListLimit *self,
                                          GListModel    *model);
GListModel    *aims_list_limit_get_model (AimsListLimit *self);
void           aims_list_limit_set_limit (AimsListLimit *self,
                                          guint          limit);
guint          aims_list_limit_get_limit (AimsListLimit *self);

G_END_DECLS
