/* aims-text-field.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A titled multi-line text area that saves as an AdwEntryRow with an apply
 * button does: what is typed stays a draft until the person applies it
 * with the "Save" button beside the title (shown only when the text
 * differs from what was saved) or Ctrl+Enter; then "apply" is emitted once,
 * and the owner records it as one undoable change. Enter starts a new line
 * and Tab leaves the field, as in the record form's text areas. */

#define G_LOG_DOMAIN "aims-text-field"

#include "config.h"

#include "aims-text-field.h"

#include <glib/gi18n.h>

struct _AimsTextField
{
  GtkWidget    parent_instance;

  GtkWidget   *box;
  GtkLabel    *title;
  GtkWidget   *apply_button;
  GtkTextView *view;

  char        *saved;       /* the text as last set or applied */
  guint        setting : 1;
};

G_DEFINE_FINAL_TYPE (AimsTextField, aims_text_field, GTK_TYPE_WIDGET)

enum {
  APPLY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
buffer_text (AimsTextField *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
update_button (AimsTextField *self)
{
  gtk_widget_set_visible (self->apply_button, aims_text_field_get_modified (self));
}

static void
on_buffer_changed_cb (AimsTextField *self)
{
  if (!self->setting)
    update_button (self);
}

static void
on_apply_clicked_cb (AimsTextField *self)
{
  aims_text_field_apply (self);
}

static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   AimsTextField         *self)
{
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter) &&
      (state & GDK_CONTROL_MASK) != 0)
    {
      aims_text_field_apply (self);
      return TRUE;
    }

  return FALSE;
}

static void
aims_text_field_dispose (GObject *object)
{
  AimsTextField *self = AIMS_TEXT_FIELD (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (aims_text_field_parent_class)->dispose (object);
}

static void
aims_text_field_finalize (GObject *object)
{
  AimsTextField *self = AIMS_TEXT_FIELD (object);

  g_free (self->saved);

  G_OBJECT_CLASS (aims_text_field_parent_class)->finalize (object);
}

static void
aims_text_field_class_init (AimsTextFieldClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aims_text_field_dispose;
  object_class->finalize = aims_text_field_finalize;

  /**
   * AimsTextField::apply:
   *
   * The person saved the text (the Save button or Ctrl+Enter); read it with
   * aims_text_field_dup_text().
   */
  signals[APPLY] = g_signal_new ("apply", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "textfield");
}

static void
aims_text_field_init (AimsTextField *self)
{
  GtkWidget *header, *frame, *view;
  GtkEventController *keys;

  self->saved = g_strdup ("");

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (self->box), header);

  self->title = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->title, 0);
  gtk_label_set_wrap (self->title, TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->title), TRUE);
  gtk_widget_set_valign (GTK_WIDGET (self->title), GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (self->title));

  self->apply_button = gtk_button_new_with_label (_("Save"));
  gtk_widget_set_tooltip_text (self->apply_button, _("Save the text (Ctrl+Enter)"));
  gtk_widget_add_css_class (self->apply_button, "suggested-action");
  gtk_widget_set_valign (self->apply_button, GTK_ALIGN_CENTER);
  gtk_widget_set_visible (self->apply_button, FALSE);
  g_signal_connect_object (self->apply_button, "clicked", G_CALLBACK (on_apply_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (header), self->apply_button);

  view = gtk_text_view_new ();
  self->view = GTK_TEXT_VIEW (view);
  gtk_text_view_set_wrap_mode (self->view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (self->view, 8);
  gtk_text_view_set_bottom_margin (self->view, 8);
  gtk_text_view_set_left_margin (self->view, 10);
  gtk_text_view_set_right_margin (self->view, 10);
  gtk_text_view_set_accepts_tab (self->view, FALSE);
  gtk_widget_set_size_request (view, -1, 96);
  gtk_label_set_mnemonic_widget (self->title, view);
  g_signal_connect_object (gtk_text_view_get_buffer (self->view), "changed",
                           G_CALLBACK (on_buffer_changed_cb), self, G_CONNECT_SWAPPED);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_key_pressed_cb), self, 0);
  gtk_widget_add_controller (view, keys);

  frame = gtk_frame_new (NULL);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  gtk_box_append (GTK_BOX (self->box), frame);
}

/**
 * aims_text_field_new:
 * @title: the field's name, shown above it and read by screen readers
 * @description: (nullable): what to write, as a tooltip and the accessible
 *   description
 */
GtkWidget *
aims_text_field_new (const char *title,
                     const char *description)
{
  AimsTextField *self = g_object_new (AIMS_TYPE_TEXT_FIELD, NULL);

  gtk_label_set_text (self->title, title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title, GTK_ACCESSIBLE_PROPERTY_MULTI_LINE, TRUE, -1);
  if (description != NULL)
    {
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->view), description);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->view),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
    }

  return GTK_WIDGET (self);
}

/**
 * aims_text_field_set_text:
 * @text: (nullable): the saved text
 *
 * Shows @text as what is saved: no Save button until it is edited.
 */
void
aims_text_field_set_text (AimsTextField *self,
                          const char    *text)
{
  g_return_if_fail (AIMS_IS_TEXT_FIELD (self));

  g_free (self->saved);
  self->saved = g_strdup (text != NULL ? text : "");
  self->setting = TRUE;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->view), self->saved, -1);
  self->setting = FALSE;
  update_button (self);
}

/**
 * aims_text_field_dup_text:
 *
 * Returns: (transfer full): the text shown, saved or not
 */
char *
aims_text_field_dup_text (AimsTextField *self)
{
  g_return_val_if_fail (AIMS_IS_TEXT_FIELD (self), NULL);

  return buffer_text (self);
}

/**
 * aims_text_field_get_modified:
 *
 * Returns: whether the text shown differs from the text saved
 */
gboolean
aims_text_field_get_modified (AimsTextField *self)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (AIMS_IS_TEXT_FIELD (self), FALSE);

  text = buffer_text (self);
  return g_strcmp0 (text, self->saved) != 0;
}

/**
 * aims_text_field_get_view:
 *
 * Returns: (transfer none): the text view
 */
GtkTextView *
aims_text_field_get_view (AimsTextField *self)
{
  g_return_val_if_fail (AIMS_IS_TEXT_FIELD (self), NULL);

  return self->view;
}

/**
 * aims_text_field_apply:
 *
 * Saves the text shown, as the Save button does: emits "apply" if it
 * differs from the text saved.
 *
 * Returns: whether "apply" was emitted
 */
gboolean
aims_text_field_apply (AimsTextField *self)
{
  g_return_val_if_fail (AIMS_IS_TEXT_FIELD (self), FALSE);

  if (!aims_text_field_get_modified (self))
    return FALSE;

  g_free (self->saved);
  self->saved = buffer_text (self);
  update_button (self);
  g_signal_emit (self, signals[APPLY], 0);

  return TRUE;
}
