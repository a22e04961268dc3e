/* aims-change.h
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

/**
 * AimsChangeOp:
 * @AIMS_CHANGE_OP_INSERT: the record was created (or restored)
 * @AIMS_CHANGE_OP_UPDATE: one field changed
 * @AIMS_CHANGE_OP_DELETE: the record was deleted
 */
typedef enum
{
  AIMS_CHANGE_OP_INSERT,
  AIMS_CHANGE_OP_UPDATE,
  AIMS_CHANGE_OP_DELETE,
} AimsChangeOp;

#define AIMS_TYPE_CHANGE_OP (aims_change_op_get_type ())
GType aims_change_op_get_type (void);

#define AIMS_TYPE_CHANGE (aims_change_get_type ())

G_DECLARE_FINAL_TYPE (AimsChange, aims_change, AIMS, CHANGE, GObject)

gint64        aims_change_get_id              (AimsChange *self);
const char   *aims_change_get_at              (AimsChange *self);
const char   *aims_change_get_author          (AimsChange *self);
const char   *aims_change_get_table           (AimsChange *self);
const char   *aims_change_get_record_uuid     (AimsChange *self);
AimsChangeOp  aims_change_get_op              (AimsChange *self);
const char   *aims_change_get_field           (AimsChange *self);
const char   *aims_change_get_field_label     (AimsChange *self);
const char   *aims_change_get_old_value       (AimsChange *self);
const char   *aims_change_get_new_value       (AimsChange *self);
const char   *aims_change_get_changeset_label (AimsChange *self);
const char   *aims_change_get_changeset_kind  (AimsChange *self);

G_END_DECLS
