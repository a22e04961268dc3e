/* aims-frame-pool.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void     aims_frame_pool_attach   (GtkWindow *window);
gboolean aims_frame_pool_get_held (GtkWindow *window,
                                   int       *width,
                                   int       *height);

G_END_DECLS
