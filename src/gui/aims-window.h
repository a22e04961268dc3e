/* aims-window.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include <aims-core.h>

#include "aims-application.h"

G_BEGIN_DECLS

#define AIMS_TYPE_WINDOW (aims_window_get_type())

G_DECLARE_FINAL_TYPE (AimsWindow, aims_window, AIMS, WINDOW, AdwApplicationWindow)

AimsWindow *aims_window_new                 (AimsApplication *application);
const char *aims_window_get_visible_section (AimsWindow      *self);
void        aims_window_show_section        (AimsWindow      *self,
                                             const char      *section_id);
void        aims_window_add_toast           (AimsWindow      *self,
                                             AdwToast        *toast);

/* aims-window-project.c: the project shown in this window */
gboolean    aims_window_has_project         (AimsWindow      *self);
GFile      *aims_window_get_file            (AimsWindow      *self);
AimsDocument *aims_window_get_document      (AimsWindow      *self);
void        aims_window_new_project         (AimsWindow      *self);
void        aims_window_choose_and_open     (AimsWindow      *self);
void        aims_window_open_file           (AimsWindow      *self,
                                             GFile           *file);
void        aims_window_open_demo           (AimsWindow      *self);
gboolean    aims_window_delete_record       (AimsWindow      *self,
                                             const char      *table,
                                             const char      *uuid,
                                             const char      *description);

/* aims-window-records.c: records across sections */
gboolean    aims_window_show_record         (AimsWindow      *self,
                                             const char      *table,
                                             const char      *uuid);

G_END_DECLS
