/* aims-file-copy-private.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean _aims_file_copy_fd (int      src_fd,
                             int      dest_fd,
                             guint64 *n_copied,
                             int     *saved_errno);

G_END_DECLS
