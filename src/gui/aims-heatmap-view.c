/* aims-heatmap-view.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The risk heatmap on screen. The core draws it (aims_heatmap_draw(), the
 * same routine that writes PNG, SVG and PDF), so the screen and every export
 * always agree. Over each cell sits a flat, see-through button: it takes the
 * keyboard focus (Tab and the arrow keys move between cells), activates with
 * a click, Enter or Space, carries the cell's accessible name ("Likely ×
 * Major: 3 risks, level High") and shows the cell's top risks as a tooltip.
 */

#define G_LOG_DOMAIN "aims-heatmap-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "aims-heatmap-view.h"

struct _AimsHeatmapView
{
  GtkWidget           parent_instance;

  AimsMatrix         *matrix;
  AimsHeatmapCounts  *counts;
  AimsHeatmapOptions  options;
  char               *title;       /* options.title points here */
  double              type_scale;

  /* One button per cell, row-major by likelihood then impact (1-based
   * values, so cell (l, i) is at (l - 1) * n_impact + (i - 1)) */
  GPtrArray          *cells;
  guint               n_likelihood;
  guint               n_impact;
  AimsHeatmapTooltipFunc tooltip_func;
  gpointer               tooltip_data;
};

enum {
  CELL_ACTIVATED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

G_DEFINE_FINAL_TYPE (AimsHeatmapView, aims_heatmap_view, GTK_TYPE_WIDGET)

static void
fill_style (AimsHeatmapView *self,
            AimsRenderStyle *style)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  gboolean dark = adw_style_manager_get_dark (manager);
  gboolean contrast = adw_style_manager_get_high_contrast (manager);

  *style = *aims_render_style_default ();
  /* Libadwaita's window colours, so the grid sits on the page seamlessly */
  if (dark)
    {
      style->foreground = contrast ? "#ffffff" : "#eeeeec";
      style->background = "#242424";
    }
  else
    {
      style->foreground = contrast ? "#000000" : "#2e3436";
      style->background = "#fafafa";
    }
  style->scale = self->type_scale;
}

static GtkWidget *
get_cell (AimsHeatmapView *self,
          guint            likelihood,
          guint            impact)
{
  if (likelihood < 1 || likelihood > self->n_likelihood || impact < 1 || impact > self->n_impact)
    return NULL;

  return g_ptr_array_index (self->cells, (likelihood - 1) * self->n_impact + (impact - 1));
}

static void
update_cell_labels (AimsHeatmapView *self)
{
  if (self->matrix == NULL)
    return;

  for (guint l = 1; l <= self->n_likelihood; l++)
    for (guint i = 1; i <= self->n_impact; i++)
      {
        GtkWidget *cell = get_cell (self, l, i);
        guint n = self->counts ? aims_heatmap_counts_get (self->counts, self->options.mode, l, i) : 0;
        int level = aims_matrix_lookup (self->matrix, l, i);
        const char *level_name = level >= 0 ? aims_matrix_get_level_name (self->matrix, level) : "";
        g_autofree char *risks = NULL;
        g_autofree char *label = NULL;

        risks = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u risk", "%u risks", n), n);
        /* Translators: a heatmap cell, read by screen readers and shown as
         * its tooltip: "Likely × Major: 3 risks, level High" */
        label = g_strdup_printf (_("%s × %s: %s, level %s"),
                                 aims_matrix_get_step_label (self->matrix, AIMS_MATRIX_LIKELIHOOD, l),
                                 aims_matrix_get_step_label (self->matrix, AIMS_MATRIX_IMPACT, i),
                                 risks, level_name);
        gtk_accessible_update_property (GTK_ACCESSIBLE (cell),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                       -1);
        g_object_set_data_full (G_OBJECT (cell), "label", g_steal_pointer (&label), g_free);
      }
}

/* Asked only when the pointer rests on a cell: listing its top risks
 * queries the project, which is not worth doing for every cell at every
 * change */
static gboolean
on_cell_query_tooltip_cb (GtkWidget       *cell,
                          int              x,
                          int              y,
                          gboolean         keyboard,
                          GtkTooltip      *tooltip,
                          AimsHeatmapView *self)
{
  guint likelihood = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "likelihood"));
  guint impact = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "impact"));
  const char *label = g_object_get_data (G_OBJECT (cell), "label");
  g_autofree char *more = NULL;

  if (label == NULL)
    return FALSE;

  if (self->tooltip_func != NULL)
    more = self->tooltip_func (likelihood, impact, self->tooltip_data);

  if (more != NULL && *more != '\0')
    {
      g_autofree char *text = g_strconcat (label, "\n", more, NULL);

      gtk_tooltip_set_text (tooltip, text);
    }
  else
    gtk_tooltip_set_text (tooltip, label);

  return TRUE;
}

static void
on_cell_clicked_cb (GtkButton       *cell,
                    AimsHeatmapView *self)
{
  guint likelihood = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "likelihood"));
  guint impact = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "impact"));

  g_signal_emit (self, signals [CELL_ACTIVATED], 0, likelihood, impact);
}

static void
on_cell_focus_cb (GtkEventControllerFocus *controller,
                  AimsHeatmapView         *self)
{
  GtkWidget *cell = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  self->options.focus_likelihood = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "likelihood"));
  self->options.focus_impact = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "impact"));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_cell_blur_cb (GtkEventControllerFocus *controller,
                 AimsHeatmapView         *self)
{
  self->options.focus_likelihood = 0;
  self->options.focus_impact = 0;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
rebuild_cells (AimsHeatmapView *self)
{
  guint n_likelihood = self->matrix ? aims_matrix_get_n_steps (self->matrix, AIMS_MATRIX_LIKELIHOOD) : 0;
  guint n_impact = self->matrix ? aims_matrix_get_n_steps (self->matrix, AIMS_MATRIX_IMPACT) : 0;

  if (n_likelihood == self->n_likelihood && n_impact == self->n_impact)
    return;

  for (guint k = 0; k < self->cells->len; k++)
    gtk_widget_unparent (g_ptr_array_index (self->cells, k));
  g_ptr_array_set_size (self->cells, 0);

  self->n_likelihood = n_likelihood;
  self->n_impact = n_impact;

  /* In reading order (highest likelihood first, as drawn by default) so
   * Tab walks the grid the way the eye does */
  for (guint l = 1; l <= n_likelihood; l++)
    for (guint i = 1; i <= n_impact; i++)
      {
        GtkWidget *cell = gtk_button_new ();
        GtkEventController *focus = gtk_event_controller_focus_new ();

        gtk_widget_add_css_class (cell, "heatmap-cell");
        g_object_set_data (G_OBJECT (cell), "likelihood", GUINT_TO_POINTER (l));
        g_object_set_data (G_OBJECT (cell), "impact", GUINT_TO_POINTER (i));
        g_signal_connect (cell, "clicked", G_CALLBACK (on_cell_clicked_cb), self);
        gtk_widget_set_has_tooltip (cell, TRUE);
        g_signal_connect (cell, "query-tooltip", G_CALLBACK (on_cell_query_tooltip_cb), self);
        g_signal_connect (focus, "enter", G_CALLBACK (on_cell_focus_cb), self);
        g_signal_connect (focus, "leave", G_CALLBACK (on_cell_blur_cb), self);
        gtk_widget_add_controller (cell, focus);
        gtk_widget_set_parent (cell, GTK_WIDGET (self));
        g_ptr_array_add (self->cells, cell);
      }
}

static void
on_style_changed_cb (AimsHeatmapView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
aims_heatmap_view_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  AimsHeatmapView *self = AIMS_HEATMAP_VIEW (widget);

  /* Small enough for a narrow window; the drawing adapts to any size */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 280;
      *natural = (int) (720 * MAX (1.0, self->type_scale));
    }
  else
    {
      *minimum = 240;
      *natural = (int) (540 * MAX (1.0, self->type_scale));
    }

  for (guint k = 0; k < self->cells->len; k++)
    gtk_widget_measure (g_ptr_array_index (self->cells, k), orientation, -1, NULL, NULL, NULL, NULL);
}

static void
aims_heatmap_view_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  AimsHeatmapView *self = AIMS_HEATMAP_VIEW (widget);
  AimsRenderStyle style;

  if (self->matrix == NULL)
    return;

  fill_style (self, &style);
  for (guint l = 1; l <= self->n_likelihood; l++)
    for (guint i = 1; i <= self->n_impact; i++)
      {
        GtkWidget *cell = get_cell (self, l, i);
        cairo_rectangle_t rect = { 0, 0, 0, 0 };
        GtkAllocation allocation;

        if (!aims_heatmap_get_cell_rect (width, height, self->matrix, &self->options, &style,
                                         l, i, &rect))
          rect.width = rect.height = 0;

        allocation.x = (int) rect.x;
        allocation.y = (int) rect.y;
        allocation.width = MAX (0, (int) (rect.x + rect.width) - allocation.x);
        allocation.height = MAX (0, (int) (rect.y + rect.height) - allocation.y);
        gtk_widget_size_allocate (cell, &allocation, -1);
      }
}

static void
aims_heatmap_view_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  AimsHeatmapView *self = AIMS_HEATMAP_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  AimsRenderStyle style;
  cairo_t *cr;

  if (self->matrix == NULL || width <= 0 || height <= 0)
    return;

  fill_style (self, &style);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  aims_heatmap_draw (cr, width, height, self->matrix, self->counts, &self->options, &style);
  cairo_destroy (cr);

  /* The buttons draw only their hover tint and focus ring */
  for (guint k = 0; k < self->cells->len; k++)
    gtk_widget_snapshot_child (widget, g_ptr_array_index (self->cells, k), snapshot);
}

static void
aims_heatmap_view_dispose (GObject *object)
{
  AimsHeatmapView *self = AIMS_HEATMAP_VIEW (object);

  for (guint k = 0; self->cells && k < self->cells->len; k++)
    gtk_widget_unparent (g_ptr_array_index (self->cells, k));
  g_clear_pointer (&self->cells, g_ptr_array_unref);
  g_clear_object (&self->matrix);
  g_clear_pointer (&self->counts, aims_heatmap_counts_unref);

  G_OBJECT_CLASS (aims_heatmap_view_parent_class)->dispose (object);
}

static void
aims_heatmap_view_finalize (GObject *object)
{
  AimsHeatmapView *self = AIMS_HEATMAP_VIEW (object);

  g_free (self->title);

  G_OBJECT_CLASS (aims_heatmap_view_parent_class)->finalize (object);
}

static void
aims_heatmap_view_class_init (AimsHeatmapViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aims_heatmap_view_dispose;
  object_class->finalize = aims_heatmap_view_finalize;

  widget_class->measure = aims_heatmap_view_measure;
  widget_class->size_allocate = aims_heatmap_view_size_allocate;
  widget_class->snapshot = aims_heatmap_view_snapshot;

  /**
   * AimsHeatmapView::cell-activated:
   * @likelihood: the cell's likelihood step (1 … n)
   * @impact: the cell's impact step (1 … n)
   *
   * A cell was clicked, or activated with Enter or Space.
   */
  signals [CELL_ACTIVATED] =
    g_signal_new ("cell-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_set_css_name (widget_class, "heatmap");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
aims_heatmap_view_init (AimsHeatmapView *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  self->cells = g_ptr_array_new ();
  self->type_scale = 1.0;
  aims_heatmap_options_init (&self->options);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Risk heatmap"),
                                  -1);

  g_signal_connect_object (manager, "notify::dark", G_CALLBACK (on_style_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (manager, "notify::high-contrast", G_CALLBACK (on_style_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

GtkWidget *
aims_heatmap_view_new (void)
{
  return g_object_new (AIMS_TYPE_HEATMAP_VIEW, NULL);
}

/**
 * aims_heatmap_view_set_data:
 * @matrix: the project's matrix
 * @counts: (nullable): risks per cell for that matrix
 *
 * Shows @counts on @matrix. Cells are made again only when the matrix's
 * size changes, so focus stays where it was when the counts are refreshed.
 */
void
aims_heatmap_view_set_data (AimsHeatmapView   *self,
                            AimsMatrix        *matrix,
                            AimsHeatmapCounts *counts)
{
  g_return_if_fail (AIMS_IS_HEATMAP_VIEW (self));
  g_return_if_fail (AIMS_IS_MATRIX (matrix));

  g_set_object (&self->matrix, matrix);
  if (counts != NULL)
    aims_heatmap_counts_ref (counts);
  g_clear_pointer (&self->counts, aims_heatmap_counts_unref);
  self->counts = counts;

  rebuild_cells (self);
  update_cell_labels (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

AimsMatrix *
aims_heatmap_view_get_matrix (AimsHeatmapView *self)
{
  g_return_val_if_fail (AIMS_IS_HEATMAP_VIEW (self), NULL);

  return self->matrix;
}

AimsHeatmapCounts *
aims_heatmap_view_get_counts (AimsHeatmapView *self)
{
  g_return_val_if_fail (AIMS_IS_HEATMAP_VIEW (self), NULL);

  return self->counts;
}

const AimsHeatmapOptions *
aims_heatmap_view_get_options (AimsHeatmapView *self)
{
  g_return_val_if_fail (AIMS_IS_HEATMAP_VIEW (self), NULL);

  return &self->options;
}

/**
 * aims_heatmap_view_set_options:
 *
 * Mode, palette, axes and title. The focused cell is the view's own.
 */
void
aims_heatmap_view_set_options (AimsHeatmapView          *self,
                               const AimsHeatmapOptions *options)
{
  guint focus_likelihood, focus_impact;

  g_return_if_fail (AIMS_IS_HEATMAP_VIEW (self));
  g_return_if_fail (options != NULL);

  focus_likelihood = self->options.focus_likelihood;
  focus_impact = self->options.focus_impact;
  g_free (self->title);
  self->title = g_strdup (options->title);
  self->options = *options;
  self->options.title = self->title;
  self->options.focus_likelihood = focus_likelihood;
  self->options.focus_impact = focus_impact;

  update_cell_labels (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * aims_heatmap_view_set_type_scale:
 * @scale: 1.0 at the desk, larger for presentation on a projector
 */
void
aims_heatmap_view_set_type_scale (AimsHeatmapView *self,
                                  double           scale)
{
  g_return_if_fail (AIMS_IS_HEATMAP_VIEW (self));

  self->type_scale = CLAMP (scale, 0.5, 4.0);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/**
 * aims_heatmap_view_set_tooltip_func:
 * @func: (nullable): gives more to say of a cell, e.g. its top risks
 *
 * Called when a cell's tooltip is about to show.
 */
void
aims_heatmap_view_set_tooltip_func (AimsHeatmapView        *self,
                                    AimsHeatmapTooltipFunc  func,
                                    gpointer                user_data)
{
  g_return_if_fail (AIMS_IS_HEATMAP_VIEW (self));

  self->tooltip_func = func;
  self->tooltip_data = user_data;
}

/**
 * aims_heatmap_view_get_cell:
 *
 * Returns: (transfer none) (nullable): the button over a cell
 */
GtkWidget *
aims_heatmap_view_get_cell (AimsHeatmapView *self,
                            guint            likelihood,
                            guint            impact)
{
  g_return_val_if_fail (AIMS_IS_HEATMAP_VIEW (self), NULL);

  return get_cell (self, likelihood, impact);
}
