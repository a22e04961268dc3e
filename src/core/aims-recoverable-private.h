/* aims-recoverable-private.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "aims-core.h"

G_BEGIN_DECLS

AimsRecoverable *_aims_recoverable_new (const char *working_dir,
                                        const char *original_path,
                                        const char *display_name,
                                        GDateTime  *modified,
                                        guint       n_changes);

G_END_DECLS
