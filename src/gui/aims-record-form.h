/* aims-record-form.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include <aims-core.h>

G_BEGIN_DECLS

#define AIMS_TYPE_RECORD_FORM (aims_record_form_get_type())

G_DECLARE_FINAL_TYPE (AimsRecordForm, aims_record_form, AIMS, RECORD_FORM, GtkWidget)

GtkWidget  *aims_record_form_new           (void);
void        aims_record_form_set_record    (AimsRecordForm *self,
                                            AimsStore      *store,
                                            const char     *table,
                                            const char     *uuid);
AimsStore  *aims_record_form_get_store     (AimsRecordForm *self);
const char *aims_record_form_get_table     (AimsRecordForm *self);
const char *aims_record_form_get_uuid      (AimsRecordForm *self);
void        aims_record_form_flush         (AimsRecordForm *self);
gboolean    aims_record_form_get_read_only (AimsRecordForm *self);
void        aims_record_form_set_read_only (AimsRecordForm *self,
                                            gboolean        read_only);

G_END_DECLS
