/* aims-audits-page.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include <aims-core.h>

#include "aims-record-browser.h"

G_BEGIN_DECLS

#define AIMS_TYPE_AUDITS_PAGE (aims_audits_page_get_type())

G_DECLARE_FINAL_TYPE (AimsAuditsPage, aims_audits_page, AIMS, AUDITS_PAGE, GtkWidget)

GtkWidget         *aims_audits_page_new          (void);
void               aims_audits_page_set_document (AimsAuditsPage *self,
                                                     AimsDocument      *document);
AimsRecordBrowser *aims_audits_page_get_browser  (AimsAuditsPage *self,
                                                     const char        *table);
void               aims_audits_page_show         (AimsAuditsPage *self,
                                                     const char        *table,
                                                     const char        *uuid);
void               aims_audits_page_flush        (AimsAuditsPage *self);

G_END_DECLS
