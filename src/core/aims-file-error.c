/* aims-file-error.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aims-file-error"

#include "config.h"

#include "aims-file-error.h"

G_DEFINE_QUARK (aims-file-error-quark, aims_file_error)
