/* aims-treatment-action-dialog.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* One treatment action in a small window: the same generated form as every
 * record, so its fields are checked, recorded and undone the same way.
 * Changes are recorded as they are made; closing the window records what is
 * still being typed. */

#define G_LOG_DOMAIN "aims-treatment-action-dialog"

#include "config.h"

#include "aims-treatment-action-dialog.h"

#include <glib/gi18n.h>

struct _AimsTreatmentActionDialog
{
  AdwWindow       parent_instance;

  /* Template widgets */
  AdwWindowTitle *window_title;
  AimsRecordForm *form;

  gboolean        is_new;
  AimsStore      *store;
  gint64          change_at_open;  /* the store's last change when a new action opened */
};

G_DEFINE_FINAL_TYPE (AimsTreatmentActionDialog, aims_treatment_action_dialog, ADW_TYPE_WINDOW)

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (g_strcmp0 (gtk_widget_get_name (child), name) == 0)
        return child;
      if ((found = find_named (child, name)) != NULL)
        return found;
    }

  return NULL;
}

/* Typing starts in "What"; for a new action its text is selected, so the
 * placeholder is replaced by the first key */
static gboolean
focus_what_cb (gpointer data)
{
  AimsTreatmentActionDialog *self = data;
  GtkWidget *what = find_named (GTK_WIDGET (self->form), "what");

  if (GTK_IS_TEXT_VIEW (what))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (what));
      GtkTextIter start, end;

      gtk_widget_grab_focus (what);
      gtk_text_buffer_get_bounds (buffer, &start, &end);
      if (self->is_new)
        gtk_text_buffer_select_range (buffer, &start, &end);
      else
        gtk_text_buffer_place_cursor (buffer, &end);
    }

  return G_SOURCE_REMOVE;
}

static gboolean
aims_treatment_action_dialog_close_request (GtkWindow *window)
{
  AimsTreatmentActionDialog *self = AIMS_TREATMENT_ACTION_DIALOG (window);

  aims_record_form_flush (self->form);

  /* A new action closed untouched was added by mistake: take the
   * placeholder back rather than leave "New treatment action" in the plan
   * (or "New corrective action" on a finding) */
  if (self->is_new && self->store != NULL &&
      aims_store_get_last_change_id (self->store) == self->change_at_open)
    {
      g_autoptr(GError) error = NULL;

      self->is_new = FALSE;
      if (!aims_store_undo (self->store, &error))
        g_warning ("Could not remove the untouched new action: %s", error->message);
    }

  return GTK_WINDOW_CLASS (aims_treatment_action_dialog_parent_class)->close_request (window);
}

static void
aims_treatment_action_dialog_dispose (GObject *object)
{
  AimsTreatmentActionDialog *self = AIMS_TREATMENT_ACTION_DIALOG (object);

  g_idle_remove_by_data (self);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), AIMS_TYPE_TREATMENT_ACTION_DIALOG);

  G_OBJECT_CLASS (aims_treatment_action_dialog_parent_class)->dispose (object);
}

static void
aims_treatment_action_dialog_class_init (AimsTreatmentActionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = aims_treatment_action_dialog_dispose;
  window_class->close_request = aims_treatment_action_dialog_close_request;

  g_type_ensure (AIMS_TYPE_RECORD_FORM);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/aims-treatment-action-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AimsTreatmentActionDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, AimsTreatmentActionDialog, form);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
aims_treatment_action_dialog_init (AimsTreatmentActionDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * aims_treatment_action_dialog_new_full:
 * @parent: (nullable): the window it belongs to
 * @store: the project's store
 * @table: the action's table: "treatment_action" or "corrective_action"
 * @action: the action to edit
 * @title: the window's title, such as "Corrective Action"
 * @subtitle: how people call what the action belongs to
 * @flags: whether the action was just added, or can only be read
 *
 * Returns: (transfer floating): a window editing the action
 */
GtkWidget *
aims_treatment_action_dialog_new_full (GtkWindow                     *parent,
                                       AimsStore                     *store,
                                       const char                    *table,
                                       const char                    *action,
                                       const char                    *title,
                                       const char                    *subtitle,
                                       AimsTreatmentActionDialogFlags flags)
{
  gboolean read_only = (flags & AIMS_TREATMENT_ACTION_DIALOG_READ_ONLY) != 0;
  AimsTreatmentActionDialog *self;

  g_return_val_if_fail (AIMS_IS_STORE (store), NULL);
  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (action != NULL, NULL);

  self = g_object_new (AIMS_TYPE_TREATMENT_ACTION_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->is_new = (flags & AIMS_TREATMENT_ACTION_DIALOG_NEW) != 0;
  self->store = g_object_ref (store);
  self->change_at_open = aims_store_get_last_change_id (store);
  if (title != NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), title);
      adw_window_title_set_title (self->window_title, title);
    }
  adw_window_title_set_subtitle (self->window_title, subtitle != NULL ? subtitle : "");
  aims_record_form_set_read_only (self->form, read_only);
  aims_record_form_set_record (self->form, store, table, action);

  if (!read_only)
    g_idle_add (focus_what_cb, self);

  return GTK_WIDGET (self);
}

/**
 * aims_treatment_action_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @store: the project's store
 * @action: the treatment action to edit
 * @risk_title: how people call the risk, shown as the subtitle
 * @flags: whether the action was just added, or can only be read
 *
 * Returns: (transfer floating): a window editing the action
 */
GtkWidget *
aims_treatment_action_dialog_new (GtkWindow                     *parent,
                                  AimsStore                     *store,
                                  const char                    *action,
                                  const char                    *risk_title,
                                  AimsTreatmentActionDialogFlags flags)
{
  return aims_treatment_action_dialog_new_full (parent, store, "treatment_action", action, NULL,
                                                risk_title, flags);
}

/**
 * aims_treatment_action_dialog_get_form:
 *
 * Returns: (transfer none): the action's form
 */
AimsRecordForm *
aims_treatment_action_dialog_get_form (AimsTreatmentActionDialog *self)
{
  g_return_val_if_fail (AIMS_IS_TREATMENT_ACTION_DIALOG (self), NULL);

  return self->form;
}
