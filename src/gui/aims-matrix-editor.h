/* aims-matrix-editor.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include <aims-core.h>

G_BEGIN_DECLS

#define AIMS_TYPE_MATRIX_EDITOR (aims_matrix_editor_get_type())

G_DECLARE_FINAL_TYPE (AimsMatrixEditor, aims_matrix_editor, AIMS, MATRIX_EDITOR, AdwWindow)

GtkWidget  *aims_matrix_editor_new       (GtkWindow        *parent,
                                          AimsDocument     *document);
AimsMatrix *aims_matrix_editor_get_draft (AimsMatrixEditor *self);

G_END_DECLS
