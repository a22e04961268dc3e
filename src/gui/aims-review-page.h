/* aims-review-page.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include <aims-core.h>

G_BEGIN_DECLS

#define AIMS_TYPE_REVIEW_PAGE (aims_review_page_get_type())

G_DECLARE_FINAL_TYPE (AimsReviewPage, aims_review_page, AIMS, REVIEW_PAGE, GtkWidget)

GtkWidget  *aims_review_page_new          (void);
void        aims_review_page_set_document (AimsReviewPage *self,
                                           AimsDocument   *document);
void        aims_review_page_select       (AimsReviewPage *self,
                                           const char     *review);
const char *aims_review_page_get_selected (AimsReviewPage *self);
void        aims_review_page_show_view    (AimsReviewPage *self,
                                           const char     *view);

G_END_DECLS
