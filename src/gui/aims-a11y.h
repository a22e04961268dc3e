/* aims-a11y.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void aims_a11y_name_from_mnemonic (GtkWidget *button);

G_END_DECLS
