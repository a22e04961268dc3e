/* aims-record-list-private.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "aims-record-list.h"

G_BEGIN_DECLS

guint _aims_record_list_get_n_loaded (AimsRecordList *self);
guint _aims_record_list_get_n_reads  (AimsRecordList *self);

G_END_DECLS
