/* aims-sheet-private.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "aims-sheet.h"

G_BEGIN_DECLS

AimsSheet *_aims_sheet_new             (const char  *display_name,
                                        const char  *format);
void       _aims_sheet_add_row         (AimsSheet   *self,
                                        guint        row_number,
                                        GPtrArray   *cells,
                                        char        *problem);
void       _aims_sheet_add_packed_row  (AimsSheet   *self,
                                        guint        row_number,
                                        const char  *texts,
                                        gsize        texts_length,
                                        const gsize *starts,
                                        guint        n_cells,
                                        char        *problem);
gboolean   _aims_sheet_check_file_size (const char  *path,
                                        const char  *display_name,
                                        gsize       *size,
                                        GError     **error);

G_END_DECLS
