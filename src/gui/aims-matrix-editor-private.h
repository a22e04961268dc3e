/* aims-matrix-editor-private.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "aims-heatmap-view.h"
#include "aims-matrix-editor.h"
#include "aims-matrix-grid.h"
#include "aims-matrix-levels.h"
#include "aims-matrix-steps.h"

G_BEGIN_DECLS

/* The editor's insides, for its tests */
struct _AimsMatrixEditor
{
  AdwWindow         parent_instance;

  /* Template widgets */
  AdwWindowTitle   *window_title;
  GtkWidget        *cancel_button;
  GtkWidget        *apply_button;
  GtkRevealer      *problem_revealer;
  GtkWidget        *problem_bar;
  GtkImage         *problem_icon;
  GtkLabel         *problem_label;
  GtkSpinButton    *likelihood_spin;
  GtkSpinButton    *impact_spin;
  GtkWidget        *start_button;
  AimsMatrixGrid   *grid;
  GtkWidget        *effect_group;
  GtkLabel         *effect_label;
  GtkLabel         *remap_label;
  AimsHeatmapView  *preview;
  AimsMatrixLevels *levels;
  AimsMatrixSteps  *likelihood_steps;
  AimsMatrixSteps  *impact_steps;

  /* Owned references */
  AimsDocument     *document;
  AimsMatrix       *current;      /* the project's matrix when the editor opened */
  AimsMatrix       *draft;        /* what the parts edit */

  guint             preview_source;
  guint             updating : 1; /* the spins are being set from the draft */
};

G_END_DECLS
