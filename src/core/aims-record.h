/* aims-record.h
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

#define AIMS_TYPE_RECORD (aims_record_get_type ())

G_DECLARE_FINAL_TYPE (AimsRecord, aims_record, AIMS, RECORD, GObject)

const char *aims_record_get_uuid  (AimsRecord *self);
const char *aims_record_get_table (AimsRecord *self);
char       *aims_record_dup_text  (AimsRecord *self,
                                   const char *field);
gint64      aims_record_get_int   (AimsRecord *self,
                                   const char *field);

G_END_DECLS
