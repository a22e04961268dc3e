/* aims-overview-figures.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include <aims-core.h>

G_BEGIN_DECLS

void aims_overview_figures_update (GtkFlowBox *box,
                                   AimsStore  *store);

G_END_DECLS
