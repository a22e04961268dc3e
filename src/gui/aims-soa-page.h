/* aims-soa-page.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include <aims-core.h>

#include "aims-soa-evidence.h"

G_BEGIN_DECLS

#define AIMS_TYPE_SOA_PAGE (aims_soa_page_get_type())

G_DECLARE_FINAL_TYPE (AimsSoaPage, aims_soa_page, AIMS, SOA_PAGE, GtkWidget)

GtkWidget   *aims_soa_page_new           (void);
void         aims_soa_page_set_document  (AimsSoaPage *self,
                                          AimsDocument *document);
GtkDropDown *aims_soa_page_get_dropdown  (AimsSoaPage *self,
                                          const char  *filter);
guint        aims_soa_page_get_n_shown   (AimsSoaPage *self);
GtkWidget   *aims_soa_page_find_row      (AimsSoaPage *self,
                                          const char  *control_id);
void         aims_soa_page_show_control  (AimsSoaPage *self,
                                          const char  *control_id);
const char  *aims_soa_page_get_summary   (AimsSoaPage *self);
gboolean     aims_soa_page_export        (AimsSoaPage *self,
                                          GFile       *file,
                                          GError     **error);
AimsSoaEvidence *aims_soa_page_get_evidence (AimsSoaPage *self);

G_END_DECLS
