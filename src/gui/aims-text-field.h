/* aims-text-field.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define AIMS_TYPE_TEXT_FIELD (aims_text_field_get_type())

G_DECLARE_FINAL_TYPE (AimsTextField, aims_text_field, AIMS, TEXT_FIELD, GtkWidget)

GtkWidget   *aims_text_field_new          (const char    *title,
                                           const char    *description);
void         aims_text_field_set_text     (AimsTextField *self,
                                           const char    *text);
char        *aims_text_field_dup_text     (AimsTextField *self);
gboolean     aims_text_field_get_modified (AimsTextField *self);
GtkTextView *aims_text_field_get_view     (AimsTextField *self);
gboolean     aims_text_field_apply        (AimsTextField *self);

G_END_DECLS
