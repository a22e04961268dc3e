/* aims-import-assistant.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include <aims-core.h>

G_BEGIN_DECLS

#define AIMS_TYPE_IMPORT_ASSISTANT (aims_import_assistant_get_type ())

G_DECLARE_FINAL_TYPE (AimsImportAssistant, aims_import_assistant, AIMS, IMPORT_ASSISTANT, AdwWindow)

GtkWidget *aims_import_assistant_new       (GtkWindow           *parent,
                                            AimsStore           *store,
                                            const char          *table);
void       aims_import_assistant_open_path (AimsImportAssistant *self,
                                            const char          *path);

G_END_DECLS
