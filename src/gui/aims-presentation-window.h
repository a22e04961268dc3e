/* aims-presentation-window.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include <aims-core.h>

G_BEGIN_DECLS

#define AIMS_TYPE_PRESENTATION_WINDOW (aims_presentation_window_get_type())

G_DECLARE_FINAL_TYPE (AimsPresentationWindow, aims_presentation_window, AIMS, PRESENTATION_WINDOW, AdwWindow)

GtkWidget *aims_presentation_window_new (GtkWindow                *parent,
                                         AimsMatrix               *matrix,
                                         AimsHeatmapCounts        *counts,
                                         const AimsHeatmapOptions *options);

G_END_DECLS
