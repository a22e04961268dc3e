/* aims-window-private.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <aims-core.h>

#include "aims-section.h"
#include "aims-window.h"

G_BEGIN_DECLS

struct _AimsWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  GtkWidget            *welcome_view;
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar_box;
  GtkWidget            *sidebar_separator;
  GtkListBox           *sidebar_list;
  AdwWindowTitle       *project_title;
  AdwWindowTitle       *content_title;
  GtkStack             *section_stack;
  GtkToggleButton      *sidebar_button;
  GtkWidget            *save_button;
  GtkRevealer          *check_banner;
  GtkSpinner           *check_spinner;

  GtkWidget            *overview_page;
  GtkWidget            *inventory_page;
  GtkWidget            *risks_page;      /* the register's AimsRecordBrowser */
  GtkWidget            *heatmap_page;
  GtkWidget            *assessment_page;
  GtkWidget            *pdca_page;
  GtkWidget            *soa_page;
  GtkWidget            *incidents_page;  /* the incident log's AimsRecordBrowser */
  GtkWidget            *audits_page;     /* audits and findings */
  GtkWidget            *review_page;

  /* Owned references */
  GSettings            *settings;
  AimsDocument         *document;
  GSignalGroup         *document_signals;
  GSignalGroup         *store_signals;

  /* The full check of a file from elsewhere, while it runs */
  GCancellable         *check_cancellable;

  /* What to do once a save started by a close request has succeeded */
  guint                 close_after_save;

  guint                 sidebar_visible : 1;
};

enum {
  CLOSE_NOTHING,
  CLOSE_WINDOW,
  CLOSE_PROJECT,
};

void       _aims_window_class_init_project     (GtkWidgetClass    *widget_class);
void       _aims_window_init_project           (AimsWindow        *self);
void       _aims_window_dispose_project        (AimsWindow        *self);
void       _aims_window_set_page               (AimsWindow        *self,
                                                const char        *page);
void       _aims_window_update_actions         (AimsWindow        *self);
gboolean   _aims_window_close_request_project  (AimsWindow        *self);
GtkWidget *_aims_window_create_section_page    (AimsWindow        *self,
                                                const AimsSection *section);
void       _aims_window_flush_edits            (AimsWindow        *self);

void       _aims_window_close_document         (AimsWindow        *self);

/* aims-window-check.c */
AimsOpenFlags _aims_window_get_defer_flag      (GFile             *file);
void       _aims_window_set_defer_threshold    (goffset            bytes);
void       _aims_window_start_check            (AimsWindow        *self);
void       _aims_window_stop_check             (AimsWindow        *self);
/* aims-window-reviews.c */
void       _aims_window_class_init_reviews     (GtkWidgetClass    *widget_class);
void       _aims_window_update_review_actions  (AimsWindow        *self);

/* aims-window-records.c */
void       _aims_window_class_init_records     (GtkWidgetClass    *widget_class);
void       _aims_window_update_record_actions  (AimsWindow        *self);

G_END_DECLS
