/* aims-cell-text.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define AIMS_TYPE_CELL_TEXT (aims_cell_text_get_type ())

G_DECLARE_FINAL_TYPE (AimsCellText, aims_cell_text, AIMS, CELL_TEXT, GtkWidget)

GtkWidget   *aims_cell_text_new           (void);
const char  *aims_cell_text_get_text      (AimsCellText *self);
void         aims_cell_text_set_text      (AimsCellText *self,
                                           const char   *text);
void         aims_cell_text_set_xalign    (AimsCellText *self,
                                           float         xalign);
void         aims_cell_text_set_chars     (AimsCellText *self,
                                           guint         min_chars,
                                           guint         nat_chars);
gboolean     aims_cell_text_is_ellipsized (AimsCellText *self);

G_END_DECLS
