/* aims-review-export.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include <aims-core.h>

G_BEGIN_DECLS

void aims_review_export_pack (GtkWidget  *parent,
                              AimsStore  *store,
                              const char *review);

G_END_DECLS
