/* aims-recoverable.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined(AIMS_CORE_INSIDE) && !defined(AIMS_CORE_COMPILATION)
# error "Only <aims-core.h> can be included directly."
#endif

#include <glib-object.h>

G_BEGIN_DECLS

#define AIMS_TYPE_RECOVERABLE (aims_recoverable_get_type ())

G_DECLARE_FINAL_TYPE (AimsRecoverable, aims_recoverable, AIMS, RECOVERABLE, GObject)

const char *aims_recoverable_get_working_dir   (AimsRecoverable *self);
const char *aims_recoverable_get_original_path (AimsRecoverable *self);
const char *aims_recoverable_get_display_name  (AimsRecoverable *self);
GDateTime  *aims_recoverable_get_modified      (AimsRecoverable *self);
guint       aims_recoverable_get_n_changes     (AimsRecoverable *self);

G_END_DECLS
