/* aims-required-text.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void aims_message_dialog_require_text (AdwMessageDialog *dialog,
                                       const char       *response,
                                       GtkEditable      *first,
                                       ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS
