/* aims-version.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aims-version"

#include "config.h"

#include "aims-version.h"

/**
 * aims_core_get_version:
 *
 * Returns: (transfer none): the version of AIMS Workbench this core belongs to
 */
const char *
aims_core_get_version (void)
{
  return PACKAGE_VERSION;
}
