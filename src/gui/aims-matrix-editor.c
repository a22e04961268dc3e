/* aims-matrix-editor.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The risk matrix editor: a modal window where a risk manager changes the
 * project's matrix. It works on a copy (the draft), shared by its parts:
 * the size, the grid of cells (AimsMatrixGrid), the levels and tolerance
 * (AimsMatrixLevels) and the steps of each axis (AimsMatrixSteps). After
 * every change it validates the draft and shows the core's reason when it
 * is refused, redraws the preview with the heatmap's own drawing and the
 * project's risks moved to their new cells, and says what the change does
 * to the risks, with the remapping rule when the size changes.
 *
 * Apply makes the draft the project's matrix in one undoable step
 * (aims_store_set_matrix()); Cancel, Escape or closing the window leave the
 * project as it was. A read-only project can be explored but not changed.
 */

#define G_LOG_DOMAIN "aims-matrix-editor"

#include "config.h"

#include "aims-matrix-editor-private.h"

#include "aims-error-dialog.h"

#include <glib/gi18n.h>

enum {
  APPLIED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

G_DEFINE_FINAL_TYPE (AimsMatrixEditor, aims_matrix_editor, ADW_TYPE_WINDOW)

static AimsStore *
get_store (AimsMatrixEditor *self)
{
  return self->document != NULL ? aims_document_get_store (self->document) : NULL;
}

static gboolean
is_read_only (AimsMatrixEditor *self)
{
  return self->document == NULL || aims_document_get_read_only (self->document);
}

static gboolean
same_size (AimsMatrix *a,
           AimsMatrix *b)
{
  return aims_matrix_get_n_steps (a, AIMS_MATRIX_LIKELIHOOD) ==
           aims_matrix_get_n_steps (b, AIMS_MATRIX_LIKELIHOOD) &&
         aims_matrix_get_n_steps (a, AIMS_MATRIX_IMPACT) ==
           aims_matrix_get_n_steps (b, AIMS_MATRIX_IMPACT);
}

/* The preview and the effect on the risks: one query over the risks, so
 * it runs once per main loop turn however fast the typing */
static gboolean
update_preview_cb (gpointer data)
{
  AimsMatrixEditor *self = data;
  g_autoptr(AimsHeatmapCounts) counts = NULL;
  g_autoptr(AimsMatrix) shown = aims_matrix_copy (self->draft);
  g_autoptr(GError) error = NULL;
  AimsRiskRemapSummary summary = { 0, 0, 0 };
  AimsStore *store = get_store (self);
  gboolean resized = !same_size (self->current, self->draft);

  self->preview_source = 0;

  if (store != NULL)
    {
      counts = aims_risks_preview_remap (store, self->current, self->draft, &summary, &error);
      if (counts == NULL)
        g_warning ("Could not preview the risks on the new matrix: %s", error->message);
    }

  /* The view gets a copy: the draft changes under it while people edit */
  aims_heatmap_view_set_data (self->preview, shown, summary.n_risks > 0 ? counts : NULL);

  if (summary.n_risks > 0 && (resized || summary.n_moved > 0 || summary.n_relevelled > 0))
    {
      g_autofree char *held = NULL;
      g_autofree char *moved = NULL;
      g_autofree char *relevelled = NULL;
      g_autofree char *text = NULL;

      held = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "The project holds %u risk.",
                                           "The project holds %u risks.", summary.n_risks),
                              summary.n_risks);
      /* Whole sentences, so that each translates on its own */
      moved = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u of them will move to another step.",
                                            "%u of them will move to another step.",
                                            summary.n_moved),
                               summary.n_moved);
      relevelled = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "%u of them will get another level.",
                                                 "%u of them will get another level.",
                                                 summary.n_relevelled),
                                    summary.n_relevelled);
      text = g_strjoin (" ", held, moved, relevelled,
                        _("Undo (Ctrl+Z) in the window reverses the whole change, scores "
                          "included."),
                        NULL);
      gtk_label_set_text (self->effect_label, text);

      if (resized)
        {
          g_autofree char *rule = aims_matrix_describe_remap (self->current, self->draft);

          gtk_label_set_text (self->remap_label, rule);
        }
      gtk_widget_set_visible (GTK_WIDGET (self->remap_label), resized);
      gtk_widget_set_visible (self->effect_group, TRUE);
    }
  else
    gtk_widget_set_visible (self->effect_group, FALSE);

  return G_SOURCE_REMOVE;
}

static void
queue_preview (AimsMatrixEditor *self)
{
  if (self->preview_source == 0)
    self->preview_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 30, update_preview_cb,
                                            self, NULL);
}

/* Validation at once, on every change: the reason the draft is refused,
 * and whether Apply can be pressed */
static void
update (AimsMatrixEditor *self)
{
  g_autoptr(GError) error = NULL;
  gboolean valid = aims_matrix_validate (self->draft, &error);
  gboolean changed = !aims_matrix_equal (self->draft, self->current);
  const char *message = NULL;

  if (!valid)
    {
      message = error->message;
      gtk_widget_remove_css_class (self->problem_bar, "matrix-notice");
      gtk_image_set_from_icon_name (self->problem_icon, "dialog-warning-symbolic");
    }
  else if (is_read_only (self))
    {
      message = _("This project is open read-only: you can try changes here, but not apply "
                  "them.");
      gtk_widget_add_css_class (self->problem_bar, "matrix-notice");
      gtk_image_set_from_icon_name (self->problem_icon, "changes-prevent-symbolic");
    }

  if (message != NULL)
    gtk_label_set_text (self->problem_label, message);
  gtk_revealer_set_reveal_child (self->problem_revealer, message != NULL);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "matrix.apply",
                                 valid && changed && !is_read_only (self));
  adw_window_title_set_subtitle (self->window_title,
                                 changed ? _("Changed, not applied") : NULL);

  queue_preview (self);
}

static void
sync_size (AimsMatrixEditor *self)
{
  self->updating = TRUE;
  gtk_spin_button_set_value (self->likelihood_spin,
                             aims_matrix_get_n_steps (self->draft, AIMS_MATRIX_LIKELIHOOD));
  gtk_spin_button_set_value (self->impact_spin,
                             aims_matrix_get_n_steps (self->draft, AIMS_MATRIX_IMPACT));
  self->updating = FALSE;
}

/* Puts @matrix in the editor as the new draft */
static void
set_draft (AimsMatrixEditor *self,
           AimsMatrix       *matrix)
{
  g_set_object (&self->draft, matrix);

  sync_size (self);
  aims_matrix_grid_set_matrix (self->grid, self->draft);
  aims_matrix_levels_set_matrix (self->levels, self->draft);
  aims_matrix_steps_set_matrix (self->likelihood_steps, self->draft);
  aims_matrix_steps_set_matrix (self->impact_steps, self->draft);
  update (self);
}

static void
on_size_changed_cb (AimsMatrixEditor *self,
                    GtkSpinButton    *spin)
{
  AimsMatrixAxis axis = spin == self->likelihood_spin ? AIMS_MATRIX_LIKELIHOOD : AIMS_MATRIX_IMPACT;
  guint n_steps = (guint) gtk_spin_button_get_value_as_int (spin);

  if (self->updating || self->draft == NULL ||
      n_steps == aims_matrix_get_n_steps (self->draft, axis))
    return;

  aims_matrix_set_n_steps (self->draft, axis, n_steps);
  aims_matrix_grid_refresh (self->grid);
  aims_matrix_steps_refresh (axis == AIMS_MATRIX_LIKELIHOOD ? self->likelihood_steps
                                                            : self->impact_steps);
  update (self);
}

static void
on_grid_changed_cb (AimsMatrixEditor *self)
{
  update (self);
}

static void
on_levels_changed_cb (AimsMatrixEditor *self)
{
  /* Names and colours show in the cells */
  aims_matrix_grid_refresh (self->grid);
  update (self);
}

static void
on_steps_changed_cb (AimsMatrixEditor *self)
{
  /* Labels show beside the cells and in their names */
  aims_matrix_grid_refresh (self->grid);
  update (self);
}

static void
matrix_start_from_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  AimsMatrixEditor *self = AIMS_MATRIX_EDITOR (widget);
  int preset = g_variant_get_int32 (param);
  g_autoptr(AimsMatrix) matrix = NULL;

  if (preset < 0)
    matrix = aims_matrix_copy (self->current);
  else if (preset <= AIMS_MATRIX_PRESET_6X6)
    matrix = aims_matrix_new_preset ((AimsMatrixPreset) preset);
  else
    return;

  set_draft (self, matrix);
}

static void
matrix_apply_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  AimsMatrixEditor *self = AIMS_MATRIX_EDITOR (widget);
  AimsStore *store = get_store (self);
  g_autoptr(GError) error = NULL;

  if (store == NULL || is_read_only (self))
    return;

  if (!aims_store_set_matrix (store, self->draft, &error))
    {
      aims_show_error_dialog (widget, _("Could Not Change the Risk Matrix"), error);
      return;
    }

  g_signal_emit (self, signals [APPLIED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
aims_matrix_editor_dispose (GObject *object)
{
  AimsMatrixEditor *self = AIMS_MATRIX_EDITOR (object);

  g_clear_handle_id (&self->preview_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), AIMS_TYPE_MATRIX_EDITOR);
  g_clear_object (&self->document);
  g_clear_object (&self->current);
  g_clear_object (&self->draft);

  G_OBJECT_CLASS (aims_matrix_editor_parent_class)->dispose (object);
}

static void
aims_matrix_editor_class_init (AimsMatrixEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aims_matrix_editor_dispose;

  /**
   * AimsMatrixEditor::applied:
   *
   * The draft became the project's matrix; the editor closes next.
   */
  signals [APPLIED] =
    g_signal_new ("applied",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  g_type_ensure (AIMS_TYPE_HEATMAP_VIEW);
  g_type_ensure (AIMS_TYPE_MATRIX_GRID);
  g_type_ensure (AIMS_TYPE_MATRIX_LEVELS);
  g_type_ensure (AIMS_TYPE_MATRIX_STEPS);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/aims-matrix-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, AimsMatrixEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, AimsMatrixEditor, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, AimsMatrixEditor, apply_button);
  gtk_widget_class_bind_template_child (widget_class, AimsMatrixEditor, problem_revealer);
  gtk_widget_class_bind_template_child (widget_class, AimsMatrixEditor, problem_bar);
  gtk_widget_class_bind_template_child (widget_class, AimsMatrixEditor, problem_icon);
  gtk_widget_class_bind_template_child (widget_class, AimsMatrixEditor, problem_label);
  gtk_widget_class_bind_template_child (widget_class, AimsMatrixEditor, likelihood_spin);
  gtk_widget_class_bind_template_child (widget_class, AimsMatrixEditor, impact_spin);
  gtk_widget_class_bind_template_child (widget_class, AimsMatrixEditor, start_button);
  gtk_widget_class_bind_template_child (widget_class, AimsMatrixEditor, grid);
  gtk_widget_class_bind_template_child (widget_class, AimsMatrixEditor, effect_group);
  gtk_widget_class_bind_template_child (widget_class, AimsMatrixEditor, effect_label);
  gtk_widget_class_bind_template_child (widget_class, AimsMatrixEditor, remap_label);
  gtk_widget_class_bind_template_child (widget_class, AimsMatrixEditor, preview);
  gtk_widget_class_bind_template_child (widget_class, AimsMatrixEditor, levels);
  gtk_widget_class_bind_template_child (widget_class, AimsMatrixEditor, likelihood_steps);
  gtk_widget_class_bind_template_child (widget_class, AimsMatrixEditor, impact_steps);
  gtk_widget_class_bind_template_callback (widget_class, on_size_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_grid_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_levels_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_steps_changed_cb);

  gtk_widget_class_install_action (widget_class, "matrix.apply", NULL, matrix_apply_action);
  gtk_widget_class_install_action (widget_class, "matrix.start-from", "i",
                                   matrix_start_from_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
aims_matrix_editor_init (AimsMatrixEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * aims_matrix_editor_new:
 * @parent: the project's window
 * @document: the project
 *
 * Opens on the project's matrix as it is now.
 *
 * Returns: (transfer none): the editor, to present
 */
GtkWidget *
aims_matrix_editor_new (GtkWindow    *parent,
                        AimsDocument *document)
{
  AimsMatrixEditor *self;
  g_autoptr(AimsMatrix) draft = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (AIMS_IS_DOCUMENT (document), NULL);

  self = g_object_new (AIMS_TYPE_MATRIX_EDITOR,
                       "transient-for", parent,
                       NULL);
  self->document = g_object_ref (document);
  self->current = aims_store_dup_matrix (aims_document_get_store (document));
  draft = aims_matrix_copy (self->current);
  set_draft (self, draft);

  return GTK_WIDGET (self);
}

/**
 * aims_matrix_editor_get_draft:
 *
 * Returns: (transfer none): the matrix as edited so far
 */
AimsMatrix *
aims_matrix_editor_get_draft (AimsMatrixEditor *self)
{
  g_return_val_if_fail (AIMS_IS_MATRIX_EDITOR (self), NULL);

  return self->draft;
}
