/* aims-welcome-view.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define AIMS_TYPE_WELCOME_VIEW (aims_welcome_view_get_type())

G_DECLARE_FINAL_TYPE (AimsWelcomeView, aims_welcome_view, AIMS, WELCOME_VIEW, GtkWidget)

GtkWidget *aims_welcome_view_new    (void);
void       aims_welcome_view_reload (AimsWelcomeView *self);

/* The MIME type of project files, as registered by the shared-mime-info entry in data/ */
#define AIMS_PROJECT_MIME_TYPE "application/x-aims-project"

G_END_DECLS
