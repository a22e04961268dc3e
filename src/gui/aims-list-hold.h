/* aims-list-hold.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define AIMS_TYPE_LIST_HOLD (aims_list_hold_get_type ())

G_DECLARE_FINAL_TYPE (AimsListHold, aims_list_hold, AIMS, LIST_HOLD, GObject)

AimsListHold *aims_list_hold_new         (GListModel   *model);
GListModel   *aims_list_hold_get_model   (AimsListHold *self);
gboolean      aims_list_hold_get_holding (AimsListHold *self);

G_END_DECLS
