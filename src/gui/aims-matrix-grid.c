/* aims-matrix-grid.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The cells of the matrix being edited, each a button in its level's colour
 * with the level's name, laid out as the heatmap draws them: the highest
 * likelihood at the top, impact rising to the right. Clicking a cell, or
 * Enter or Space on it, opens a list of the levels to choose from; the
 * arrow keys and Tab move between cells. Each cell reads to a screen reader
 * as "Likelihood Likely, impact Major: High".
 *
 * The grid edits the matrix it is given in place and says so with
 * AimsMatrixGrid::changed; the editor refreshes it when other parts change
 * the steps or the levels.
 */

#define G_LOG_DOMAIN "aims-matrix-editor"

#include "config.h"

#include "aims-matrix-grid.h"

#include "aims-matrix-private.h"

#include <glib/gi18n.h>

struct _AimsMatrixGrid
{
  GtkWidget   parent_instance;

  /* Template widgets */
  GtkWidget  *scroller;
  GtkGrid    *grid;

  /* Owned references */
  AimsMatrix *matrix;
  GtkWidget  *popover;        /* parented to the grid widget itself */
  GPtrArray  *cells;          /* (l - 1) * n_impact + (i - 1) */
  GPtrArray  *level_buttons;  /* the popover's, one per level */

  guint       n_likelihood;
  guint       n_impact;
  guint       chosen_likelihood;  /* the cell the popover is open for */
  guint       chosen_impact;
};

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

G_DEFINE_FINAL_TYPE (AimsMatrixGrid, aims_matrix_grid, GTK_TYPE_WIDGET)

static GtkWidget *
get_cell (AimsMatrixGrid *self,
          guint           likelihood,
          guint           impact)
{
  if (likelihood < 1 || likelihood > self->n_likelihood || impact < 1 || impact > self->n_impact)
    return NULL;

  return g_ptr_array_index (self->cells, (likelihood - 1) * self->n_impact + (impact - 1));
}

static void
update_cell (AimsMatrixGrid *self,
             guint           likelihood,
             guint           impact)
{
  GtkWidget *cell = get_cell (self, likelihood, impact);
  GtkWidget *label = gtk_button_get_child (GTK_BUTTON (cell));
  int level = aims_matrix_lookup (self->matrix, likelihood, impact);
  g_autofree char *colour = aims_heatmap_dup_level_colour (self->matrix,
                                                           AIMS_HEATMAP_PALETTE_MATRIX, level);
  g_autofree char *level_name = _aims_matrix_dup_level_name (self->matrix, level);
  g_autofree char *l_name = _aims_matrix_dup_step_name (self->matrix, AIMS_MATRIX_LIKELIHOOD,
                                                        likelihood);
  g_autofree char *i_name = _aims_matrix_dup_step_name (self->matrix, AIMS_MATRIX_IMPACT, impact);
  g_autofree char *description = NULL;

  gtk_label_set_text (GTK_LABEL (label), level_name);
  _aims_matrix_paint_widget (cell, colour);
  if (level < 0)
    gtk_widget_add_css_class (cell, "unassigned");
  else
    gtk_widget_remove_css_class (cell, "unassigned");

  /* Translators: a cell of the matrix editor, read by screen readers and
   * shown as its tooltip: "Likelihood Likely, impact Major: High" */
  description = g_strdup_printf (_("Likelihood %s, impact %s: %s"), l_name, i_name, level_name);
  gtk_widget_set_tooltip_text (cell, description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (cell),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                  -1);
}

static void
update_step_label (GtkWidget      *label,
                   AimsMatrix     *matrix,
                   AimsMatrixAxis  axis,
                   guint           value)
{
  g_autofree char *name = _aims_matrix_dup_step_name (matrix, axis, value);
  const char *range = aims_matrix_get_step_range (matrix, axis, value);

  gtk_label_set_text (GTK_LABEL (label), name);
  gtk_widget_set_tooltip_text (label, range);
}

static void
choose_level (AimsMatrixGrid *self,
              int             level)
{
  GtkWidget *cell = get_cell (self, self->chosen_likelihood, self->chosen_impact);

  gtk_popover_popdown (GTK_POPOVER (self->popover));
  if (cell == NULL)
    return;

  if (aims_matrix_lookup (self->matrix, self->chosen_likelihood, self->chosen_impact) != level)
    {
      aims_matrix_set_cell (self->matrix, self->chosen_likelihood, self->chosen_impact, level);
      update_cell (self, self->chosen_likelihood, self->chosen_impact);
      g_signal_emit (self, signals [CHANGED], 0);
    }

  gtk_widget_grab_focus (cell);
}

static void
on_level_clicked_cb (GtkButton      *button,
                     AimsMatrixGrid *self)
{
  choose_level (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "level")));
}

/* The popover's list: a swatch and the name of each level, the cell's own
 * marked, lowest first */
static void
fill_popover (AimsMatrixGrid *self,
              int             current)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  g_ptr_array_set_size (self->level_buttons, 0);

  for (guint k = 0; k < aims_matrix_get_n_levels (self->matrix); k++)
    {
      guint level = aims_matrix_get_n_levels (self->matrix) - 1 - k;
      g_autofree char *name = _aims_matrix_dup_level_name (self->matrix, level);
      g_autofree char *colour = aims_heatmap_dup_level_colour (self->matrix,
                                                               AIMS_HEATMAP_PALETTE_MATRIX, level);
      GtkWidget *button = gtk_button_new ();
      GtkWidget *content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *swatch = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      GtkWidget *label = gtk_label_new (name);
      GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

      gtk_widget_add_css_class (button, "flat");
      gtk_widget_add_css_class (swatch, "matrix-swatch");
      _aims_matrix_paint_widget (swatch, colour);
      gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_widget_set_opacity (check, (int) level == current ? 1.0 : 0.0);
      gtk_box_append (GTK_BOX (content), swatch);
      gtk_box_append (GTK_BOX (content), label);
      gtk_box_append (GTK_BOX (content), check);
      gtk_button_set_child (GTK_BUTTON (button), content);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                      -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (button),
                                   GTK_ACCESSIBLE_STATE_CHECKED,
                                   (int) level == current ? GTK_ACCESSIBLE_TRISTATE_TRUE
                                                          : GTK_ACCESSIBLE_TRISTATE_FALSE,
                                   -1);
      g_object_set_data (G_OBJECT (button), "level", GINT_TO_POINTER (level));
      g_signal_connect (button, "clicked", G_CALLBACK (on_level_clicked_cb), self);
      gtk_box_append (GTK_BOX (box), button);
    }

  /* level_buttons[level] in the order of levels */
  for (GtkWidget *b = gtk_widget_get_last_child (box); b != NULL; b = gtk_widget_get_prev_sibling (b))
    g_ptr_array_add (self->level_buttons, b);

  gtk_popover_set_child (GTK_POPOVER (self->popover), box);
}

static void
on_cell_clicked_cb (GtkButton      *cell,
                    AimsMatrixGrid *self)
{
  guint likelihood = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "likelihood"));
  guint impact = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "impact"));
  int current = aims_matrix_lookup (self->matrix, likelihood, impact);
  graphene_rect_t bounds;

  self->chosen_likelihood = likelihood;
  self->chosen_impact = impact;
  fill_popover (self, current);

  if (gtk_widget_compute_bounds (GTK_WIDGET (cell), GTK_WIDGET (self), &bounds))
    gtk_popover_set_pointing_to (GTK_POPOVER (self->popover),
                                 &(GdkRectangle) { (int) bounds.origin.x, (int) bounds.origin.y,
                                                   (int) bounds.size.width,
                                                   (int) bounds.size.height });
  gtk_popover_popup (GTK_POPOVER (self->popover));

  /* The keyboard starts on the cell's level */
  if (current >= 0 && (guint) current < self->level_buttons->len)
    gtk_widget_grab_focus (g_ptr_array_index (self->level_buttons, current));
}

static void
on_popover_closed_cb (GtkPopover     *popover,
                      AimsMatrixGrid *self)
{
  GtkWidget *cell = get_cell (self, self->chosen_likelihood, self->chosen_impact);

  /* Escape gives the focus back to the cell it came from */
  if (cell != NULL && !gtk_widget_has_focus (cell))
    gtk_widget_grab_focus (cell);
}

static void
clear_grid (AimsMatrixGrid *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);
  g_ptr_array_set_size (self->cells, 0);
}

static GtkWidget *
new_step_label (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 12);
  gtk_widget_add_css_class (label, "caption");
  return label;
}

/* Makes the cells and labels again for the matrix's size; the rows run
 * from the highest likelihood down, as in the heatmap */
static void
rebuild (AimsMatrixGrid *self)
{
  GtkWidget *title;

  if (gtk_widget_get_visible (self->popover))
    gtk_popover_popdown (GTK_POPOVER (self->popover));
  clear_grid (self);

  self->n_likelihood = self->matrix ? aims_matrix_get_n_steps (self->matrix, AIMS_MATRIX_LIKELIHOOD) : 0;
  self->n_impact = self->matrix ? aims_matrix_get_n_steps (self->matrix, AIMS_MATRIX_IMPACT) : 0;
  if (self->matrix == NULL)
    return;

  title = gtk_label_new (_("Likelihood ↑"));
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (title), 1.0);
  gtk_grid_attach (self->grid, title, 0, 0, 1, 1);

  for (guint l = 1; l <= self->n_likelihood; l++)
    for (guint i = 1; i <= self->n_impact; i++)
      {
        GtkWidget *cell = gtk_button_new ();
        GtkWidget *label = gtk_label_new (NULL);

        gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
        /* Narrow windows shorten the names; the tooltip and the
         * accessible name keep them whole */
        gtk_label_set_width_chars (GTK_LABEL (label), 3);
        gtk_label_set_max_width_chars (GTK_LABEL (label), 10);
        gtk_button_set_child (GTK_BUTTON (cell), label);
        gtk_widget_add_css_class (cell, "matrix-cell");
        gtk_widget_set_hexpand (cell, TRUE);
        g_object_set_data (G_OBJECT (cell), "likelihood", GUINT_TO_POINTER (l));
        g_object_set_data (G_OBJECT (cell), "impact", GUINT_TO_POINTER (i));
        g_signal_connect (cell, "clicked", G_CALLBACK (on_cell_clicked_cb), self);
        gtk_grid_attach (self->grid, cell, i, 1 + self->n_likelihood - l, 1, 1);
        g_ptr_array_add (self->cells, cell);
      }

  for (guint l = 1; l <= self->n_likelihood; l++)
    {
      GtkWidget *label = new_step_label ();

      gtk_label_set_xalign (GTK_LABEL (label), 1.0);
      gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_RIGHT);
      g_object_set_data (G_OBJECT (label), "likelihood", GUINT_TO_POINTER (l));
      gtk_grid_attach (self->grid, label, 0, 1 + self->n_likelihood - l, 1, 1);
    }

  for (guint i = 1; i <= self->n_impact; i++)
    {
      GtkWidget *label = new_step_label ();

      gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
      gtk_widget_set_valign (label, GTK_ALIGN_START);
      g_object_set_data (G_OBJECT (label), "impact", GUINT_TO_POINTER (i));
      gtk_grid_attach (self->grid, label, i, 1 + self->n_likelihood, 1, 1);
    }

  title = gtk_label_new (_("Impact →"));
  gtk_widget_add_css_class (title, "heading");
  gtk_grid_attach (self->grid, title, 1, 2 + self->n_likelihood, self->n_impact, 1);
}

static void
aims_matrix_grid_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  AimsMatrixGrid *self = AIMS_MATRIX_GRID (widget);

  gtk_widget_measure (self->scroller, orientation, for_size, minimum, natural, NULL, NULL);
}

static void
aims_matrix_grid_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  AimsMatrixGrid *self = AIMS_MATRIX_GRID (widget);

  gtk_widget_size_allocate (self->scroller,
                            &(GtkAllocation) { 0, 0, width, height },
                            baseline);

  /* The popover follows its cell when the window changes */
  if (gtk_widget_get_visible (self->popover))
    gtk_popover_present (GTK_POPOVER (self->popover));
}

static void
aims_matrix_grid_dispose (GObject *object)
{
  AimsMatrixGrid *self = AIMS_MATRIX_GRID (object);

  if (self->popover != NULL)
    g_signal_handlers_disconnect_by_data (self->popover, self);
  g_clear_pointer (&self->popover, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), AIMS_TYPE_MATRIX_GRID);
  g_clear_pointer (&self->cells, g_ptr_array_unref);
  g_clear_pointer (&self->level_buttons, g_ptr_array_unref);
  g_clear_object (&self->matrix);

  G_OBJECT_CLASS (aims_matrix_grid_parent_class)->dispose (object);
}

static void
aims_matrix_grid_class_init (AimsMatrixGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aims_matrix_grid_dispose;

  widget_class->measure = aims_matrix_grid_measure;
  widget_class->size_allocate = aims_matrix_grid_size_allocate;

  /**
   * AimsMatrixGrid::changed:
   *
   * A cell was given another level.
   */
  signals [CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/aims-matrix-grid.ui");
  gtk_widget_class_bind_template_child (widget_class, AimsMatrixGrid, scroller);
  gtk_widget_class_bind_template_child (widget_class, AimsMatrixGrid, grid);

  gtk_widget_class_set_css_name (widget_class, "matrixgrid");
}

static void
aims_matrix_grid_init (AimsMatrixGrid *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cells = g_ptr_array_new ();
  self->level_buttons = g_ptr_array_new ();

  self->popover = gtk_popover_new ();
  gtk_widget_add_css_class (self->popover, "menu");
  gtk_widget_set_parent (self->popover, GTK_WIDGET (self));
  g_signal_connect (self->popover, "closed", G_CALLBACK (on_popover_closed_cb), self);
}

GtkWidget *
aims_matrix_grid_new (void)
{
  return g_object_new (AIMS_TYPE_MATRIX_GRID, NULL);
}

/**
 * aims_matrix_grid_set_matrix:
 * @matrix: (nullable): the matrix to edit, in place
 *
 * Shows @matrix; the grid keeps a reference and edits it.
 */
void
aims_matrix_grid_set_matrix (AimsMatrixGrid *self,
                             AimsMatrix     *matrix)
{
  g_return_if_fail (AIMS_IS_MATRIX_GRID (self));
  g_return_if_fail (matrix == NULL || AIMS_IS_MATRIX (matrix));

  g_set_object (&self->matrix, matrix);
  self->n_likelihood = self->n_impact = 0;
  aims_matrix_grid_refresh (self);
}

/**
 * aims_matrix_grid_refresh:
 *
 * Catches up with changes made to the matrix elsewhere: its size, step
 * labels, level names and colours. Cells are made again only when the size
 * changed, so the focus stays where it was.
 */
void
aims_matrix_grid_refresh (AimsMatrixGrid *self)
{
  g_return_if_fail (AIMS_IS_MATRIX_GRID (self));

  if (self->matrix == NULL ||
      self->n_likelihood != aims_matrix_get_n_steps (self->matrix, AIMS_MATRIX_LIKELIHOOD) ||
      self->n_impact != aims_matrix_get_n_steps (self->matrix, AIMS_MATRIX_IMPACT) ||
      self->cells->len == 0)
    rebuild (self);

  if (self->matrix == NULL)
    return;

  for (guint l = 1; l <= self->n_likelihood; l++)
    for (guint i = 1; i <= self->n_impact; i++)
      update_cell (self, l, i);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->grid));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      guint likelihood = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (child), "likelihood"));
      guint impact = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (child), "impact"));

      if (!GTK_IS_LABEL (child))
        continue;
      if (likelihood != 0)
        update_step_label (child, self->matrix, AIMS_MATRIX_LIKELIHOOD, likelihood);
      else if (impact != 0)
        update_step_label (child, self->matrix, AIMS_MATRIX_IMPACT, impact);
    }
}

/**
 * aims_matrix_grid_get_cell:
 *
 * Returns: (transfer none) (nullable): the button of a cell
 */
GtkWidget *
aims_matrix_grid_get_cell (AimsMatrixGrid *self,
                           guint           likelihood,
                           guint           impact)
{
  g_return_val_if_fail (AIMS_IS_MATRIX_GRID (self), NULL);

  return get_cell (self, likelihood, impact);
}

/**
 * aims_matrix_grid_get_level_button:
 * @level: a level, 0 … n-1
 *
 * Returns: (transfer none) (nullable): the button that gives the cell last
 *   activated this level, while the list of levels is open
 */
GtkWidget *
aims_matrix_grid_get_level_button (AimsMatrixGrid *self,
                                   guint           level)
{
  g_return_val_if_fail (AIMS_IS_MATRIX_GRID (self), NULL);

  if (!gtk_widget_get_visible (self->popover) || level >= self->level_buttons->len)
    return NULL;

  return g_ptr_array_index (self->level_buttons, level);
}
