/* aims-export-private.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A file being written by _aims_export_write_file_with(). */
typedef struct _AimsExportFile AimsExportFile;

/* Writes the content through _aims_export_file_write(). Returns FALSE, with
 * @error set, when it could not make the content (a failed write needs no
 * error: the file knows why). */
typedef gboolean (*AimsExportFileFunc) (AimsExportFile  *file,
                                        gpointer         user_data,
                                        GError         **error);

gboolean _aims_export_file_write      (AimsExportFile      *file,
                                       const char          *data,
                                       gsize                length);
gboolean _aims_export_write_file_with (const char          *path,
                                       AimsExportFileFunc   func,
                                       gpointer             user_data,
                                       GError             **error);

G_END_DECLS
