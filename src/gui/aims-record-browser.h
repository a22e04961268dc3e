/* aims-record-browser.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include <aims-core.h>

G_BEGIN_DECLS

#define AIMS_TYPE_RECORD_BROWSER (aims_record_browser_get_type())

G_DECLARE_FINAL_TYPE (AimsRecordBrowser, aims_record_browser, AIMS, RECORD_BROWSER, GtkWidget)

GtkWidget      *aims_record_browser_new           (const char        *table);
const char     *aims_record_browser_get_table     (AimsRecordBrowser *self);
void            aims_record_browser_set_document  (AimsRecordBrowser *self,
                                                   AimsDocument      *document);
void            aims_record_browser_focus_search  (AimsRecordBrowser *self);
gboolean        aims_record_browser_prepare_view  (AimsRecordBrowser *self);
void            aims_record_browser_select        (AimsRecordBrowser *self,
                                                   const char        *uuid);
const char     *aims_record_browser_get_selected  (AimsRecordBrowser *self);
AimsRecordList *aims_record_browser_get_list      (AimsRecordBrowser *self);
void            aims_record_browser_flush         (AimsRecordBrowser *self);
void            aims_record_browser_show_record   (AimsRecordBrowser *self,
                                                   const char        *uuid);
void            aims_record_browser_show_cell     (AimsRecordBrowser    *self,
                                                   AimsRiskScore         score,
                                                   guint                 likelihood,
                                                   guint                 impact,
                                                   const AimsRiskFilter *filter);

void               aims_record_browser_show_risk_filter (AimsRecordBrowser *self,
                                                         const char        *name);

G_END_DECLS
