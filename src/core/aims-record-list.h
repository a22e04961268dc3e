/* aims-record-list.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined(AIMS_CORE_INSIDE) && !defined(AIMS_CORE_COMPILATION)
# error "Only <aims-core.h> can be included directly."
#endif

#include <gio/gio.h>

#include "aims-risks.h"
#include "aims-store.h"

G_BEGIN_DECLS

#define AIMS_TYPE_RECORD_LIST (aims_record_list_get_type ())

G_DECLARE_FINAL_TYPE (AimsRecordList, aims_record_list, AIMS, RECORD_LIST, GObject)

AimsRecordList *aims_record_list_new              (AimsStore      *store,
                                                   const char     *table);
AimsStore      *aims_record_list_get_store        (AimsRecordList *self);
const char     *aims_record_list_get_table        (AimsRecordList *self);
void            aims_record_list_set_search       (AimsRecordList *self,
                                                   const char     *text);
void            aims_record_list_set_filter       (AimsRecordList *self,
                                                   const char     *field,
                                                   const char     *value);
void            aims_record_list_set_sort         (AimsRecordList *self,
                                                   const char     *field,
                                                   gboolean        descending);
void            aims_record_list_set_linked_to    (AimsRecordList *self,
                                                   const char     *link_table,
                                                   const char     *other_uuid);
guint           aims_record_list_get_total        (AimsRecordList *self);
guint           aims_record_list_find             (AimsRecordList *self,
                                                   const char     *uuid);
GPtrArray      *aims_record_list_dup_facet_values (AimsRecordList *self,
                                                   const char     *field);
void            aims_record_list_set_cell         (AimsRecordList *self,
                                                   AimsRiskScore   score,
                                                   guint           likelihood,
                                                   guint           impact);
gboolean        aims_record_list_get_cell         (AimsRecordList *self,
                                                   AimsRiskScore  *score,
                                                   guint          *likelihood,
                                                   guint          *impact);
void            aims_record_list_begin_update     (AimsRecordList *self);
void            aims_record_list_end_update       (AimsRecordList *self);
gboolean        aims_record_list_has_more_steps   (AimsRecordList *self);
void            aims_record_list_set_risk_filter  (AimsRecordList       *self,
                                                   const AimsRiskFilter *filter);

G_END_DECLS
