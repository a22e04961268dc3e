/* aims-presentation-window.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The heatmap for a management review on a projector: full screen, large
 * type, nothing else on it. Escape (or F5 again) leaves.
 */

#define G_LOG_DOMAIN "aims-presentation-window"

#include "config.h"

#include <glib/gi18n.h>

#include "aims-heatmap-view.h"
#include "aims-presentation-window.h"

/* Type size for a room, against 1.0 at the desk */
#define PRESENTATION_TYPE_SCALE 1.8

struct _AimsPresentationWindow
{
  AdwWindow        parent_instance;

  AimsHeatmapView *view;
};

G_DEFINE_FINAL_TYPE (AimsPresentationWindow, aims_presentation_window, ADW_TYPE_WINDOW)

static void
presentation_leave_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  gtk_window_destroy (GTK_WINDOW (widget));
}

static void
aims_presentation_window_class_init (AimsPresentationWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "presentation.leave", NULL, presentation_leave_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "presentation.leave", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "presentation.leave", NULL);
}

static void
aims_presentation_window_init (AimsPresentationWindow *self)
{
  GtkWidget *overlay = gtk_overlay_new ();
  GtkWidget *leave = gtk_button_new_from_icon_name ("view-restore-symbolic");

  self->view = AIMS_HEATMAP_VIEW (aims_heatmap_view_new ());
  aims_heatmap_view_set_type_scale (self->view, PRESENTATION_TYPE_SCALE);
  gtk_widget_set_margin_start (GTK_WIDGET (self->view), 48);
  gtk_widget_set_margin_end (GTK_WIDGET (self->view), 48);
  gtk_widget_set_margin_top (GTK_WIDGET (self->view), 36);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->view), 36);
  gtk_overlay_set_child (GTK_OVERLAY (overlay), GTK_WIDGET (self->view));

  gtk_widget_set_halign (leave, GTK_ALIGN_END);
  gtk_widget_set_valign (leave, GTK_ALIGN_START);
  gtk_widget_set_margin_top (leave, 12);
  gtk_widget_set_margin_end (leave, 12);
  gtk_widget_add_css_class (leave, "osd");
  gtk_widget_add_css_class (leave, "circular");
  gtk_widget_set_tooltip_text (leave, _("Leave Presentation (Esc)"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (leave), "presentation.leave");
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), leave);

  adw_window_set_content (ADW_WINDOW (self), overlay);
  gtk_window_set_title (GTK_WINDOW (self), _("Risk Heatmap"));
}

/**
 * aims_presentation_window_new:
 * @parent: (nullable): the project's window
 *
 * A full-screen window showing the heatmap as it is on @parent's page.
 */
GtkWidget *
aims_presentation_window_new (GtkWindow                *parent,
                              AimsMatrix               *matrix,
                              AimsHeatmapCounts        *counts,
                              const AimsHeatmapOptions *options)
{
  AimsPresentationWindow *self;
  AimsHeatmapOptions shown;

  g_return_val_if_fail (AIMS_IS_MATRIX (matrix), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  self = g_object_new (AIMS_TYPE_PRESENTATION_WINDOW,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  shown = *options;
  shown.focus_likelihood = shown.focus_impact = 0;
  shown.show_legend = TRUE;
  aims_heatmap_view_set_options (self->view, &shown);
  aims_heatmap_view_set_data (self->view, matrix, counts);
  gtk_window_fullscreen (GTK_WINDOW (self));

  return GTK_WIDGET (self);
}
