/* aims-history-window.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include <aims-core.h>

G_BEGIN_DECLS

#define AIMS_TYPE_HISTORY_WINDOW (aims_history_window_get_type())

G_DECLARE_FINAL_TYPE (AimsHistoryWindow, aims_history_window, AIMS, HISTORY_WINDOW, AdwWindow)

GtkWidget *aims_history_window_new (GtkWindow  *parent,
                                    AimsStore  *store,
                                    const char *record_uuid,
                                    const char *record_title);

G_END_DECLS
