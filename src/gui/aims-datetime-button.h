/* aims-datetime-button.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkWidget *aims_datetime_button_new (GtkEditable *target,
                                     const char  *field_label);

G_END_DECLS
