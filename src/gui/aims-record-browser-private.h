/* aims-record-browser-private.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "aims-record-browser.h"

G_BEGIN_DECLS

gboolean _aims_record_browser_export_to_file (AimsRecordBrowser *self,
                                              GFile             *file);

G_END_DECLS
