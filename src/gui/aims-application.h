/* aims-application.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define AIMS_TYPE_APPLICATION (aims_application_get_type())

G_DECLARE_FINAL_TYPE (AimsApplication, aims_application, AIMS, APPLICATION, AdwApplication)

AimsApplication *aims_application_new          (void);
GSettings       *aims_application_get_settings (AimsApplication *self);

G_END_DECLS
