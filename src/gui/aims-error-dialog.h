/* aims-error-dialog.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void aims_show_error_dialog (GtkWidget    *parent,
                             const char   *heading,
                             const GError *error);

G_END_DECLS
