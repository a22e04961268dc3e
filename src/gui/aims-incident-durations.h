/* aims-incident-durations.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include <aims-core.h>

G_BEGIN_DECLS

GtkWidget *aims_incident_durations_new    (void);
void       aims_incident_durations_update (GtkWidget  *group,
                                           AimsStore  *store,
                                           const char *uuid);

G_END_DECLS
