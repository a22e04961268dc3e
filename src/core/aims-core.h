/* aims-core.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#define AIMS_CORE_INSIDE

#include "aims-version.h"

#undef AIMS_CORE_INSIDE
