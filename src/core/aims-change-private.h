/* aims-change-private.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "aims-core.h"

G_BEGIN_DECLS

/* Takes ownership of every string. */
AimsChange *_aims_change_new (gint64        id,
                              char         *at,
                              char         *author,
                              char         *table,
                              char         *record_uuid,
                              AimsChangeOp  op,
                              char         *field,
                              char         *field_label,
                              char         *old_value,
                              char         *new_value,
                              char         *changeset_label,
                              char         *changeset_kind);

G_END_DECLS
