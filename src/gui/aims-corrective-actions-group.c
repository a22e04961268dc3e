/* aims-corrective-actions-group.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A finding's corrective actions inside its form (ISO/IEC 42001 10.2), as
 * a risk's treatment actions are in its: one row per action with what,
 * owner, due date and status, overdue ones marked in words and colour; Add,
 * edit in a small window, and remove with the Undo toast every delete in
 * the app offers. The list follows the store, so undo, redo and edits
 * elsewhere (the PDCA board) show at once. */

#define G_LOG_DOMAIN "aims-corrective-actions-group"

#include "config.h"

#include "aims-corrective-actions-group.h"

#include "aims-error-dialog.h"
#include "aims-treatment-action-dialog.h"
#include "aims-window.h"

#include <glib/gi18n.h>

struct _AimsCorrectiveActionsGroup
{
  AdwPreferencesGroup  parent_instance;

  /* Template widgets */
  GtkWidget           *add_button;
  GtkListBox          *list;

  /* Owned references */
  AimsStore           *store;
  AimsRecordList      *actions;
  char                *finding;

  guint                read_only : 1;
};

enum {
  PROP_0,
  PROP_READ_ONLY,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

G_DEFINE_FINAL_TYPE (AimsCorrectiveActionsGroup, aims_corrective_actions_group,
                     ADW_TYPE_PREFERENCES_GROUP)

static gboolean
is_editable (AimsCorrectiveActionsGroup *self)
{
  return !self->read_only && self->store != NULL && self->finding != NULL &&
         !aims_store_get_read_only (self->store);
}

static const AimsFieldInfo *
action_field (const char *name)
{
  return aims_table_info_lookup_field (aims_schema_lookup_table ("corrective_action"), name);
}

/* "Wei Chen · due 2026-12-31 · In progress" */
static char *
dup_subtitle (const char *owner,
              const char *due_date,
              const char *status)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (owner != NULL && owner[0] != '\0')
    g_ptr_array_add (parts, g_strdup (owner));
  if (due_date != NULL && due_date[0] != '\0')
    /* Translators: when a corrective action is due, "due 2026-12-31" */
    g_ptr_array_add (parts, g_strdup_printf (_("due %s"), due_date));
  else
    g_ptr_array_add (parts, g_strdup (_("no due date")));
  g_ptr_array_add (parts, g_strdup (aims_choice_label (action_field ("status"), status)));
  g_ptr_array_add (parts, NULL);

  /* Translators: separates the owner, due date and status of a corrective action */
  return g_strjoinv (_(" · "), (char **) parts->pdata);
}

static void
update_summary (AimsCorrectiveActionsGroup *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  AimsFindingSummary summary;

  if (self->store == NULL || self->finding == NULL ||
      !aims_finding_summarize (self->store, self->finding, NULL, &summary, &error) ||
      summary.n_actions == 0)
    {
      if (error != NULL)
        g_debug ("Could not summarise the corrective actions: %s", error->message);
      /* The list's placeholder says what belongs here */
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), NULL);
      return;
    }

  /* Translators: the first part of a finding's actions summary, "3 actions, 1 done" */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u action, %u done",
                                       "%u actions, %u done", summary.n_actions),
                          summary.n_actions, summary.n_done);
  if (summary.n_overdue > 0)
    {
      g_autofree char *overdue = NULL;
      g_autofree char *whole = NULL;

      /* Translators: the second part of a finding's actions summary */
      overdue = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u overdue", "%u overdue",
                                              summary.n_overdue),
                                 summary.n_overdue);
      /* Translators: "3 actions, 1 done" and "1 overdue" */
      whole = g_strdup_printf (_("%s · %s"), text, overdue);
      g_free (text);
      text = g_steal_pointer (&whole);
    }

  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), text);
}

static void
update_editable (AimsCorrectiveActionsGroup *self)
{
  gboolean editable = is_editable (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "actions.add", editable);
  gtk_widget_set_visible (self->add_button, editable);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *button = g_object_get_data (G_OBJECT (row), "remove-button");

      if (button != NULL)
        gtk_widget_set_visible (button, editable);
    }
}

/* "F-003 · 9.2.2 Internal audit programme" */
static char *
dup_finding_title (AimsCorrectiveActionsGroup *self)
{
  g_autofree char *reference = aims_store_dup_text (self->store, "finding", self->finding, "reference",
                                                    NULL);
  g_autofree char *title = aims_store_dup_text (self->store, "finding", self->finding, "title", NULL);

  /* Translators: a finding's reference and title, "F-003 · No audit programme" */
  return g_strdup_printf (_("%s · %s"), reference != NULL ? reference : "",
                          title != NULL ? title : "");
}

static void
remove_action (AimsCorrectiveActionsGroup *self,
               const char                *action)
{
  g_autofree char *what = NULL;
  g_autofree char *description = NULL;
  g_autoptr(GError) error = NULL;
  GtkRoot *root;

  if (!is_editable (self))
    return;

  what = aims_store_dup_text (self->store, "corrective_action", action, "what", NULL);
  /* Translators: what was deleted, e.g. corrective action “Write the audit programme” */
  description = g_strdup_printf (_("corrective action “%s”"), what != NULL ? what : "");

  /* Through the window: one delete, one Undo toast, as everywhere else */
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (AIMS_IS_WINDOW (root))
    {
      aims_window_delete_record (AIMS_WINDOW (root), "corrective_action", action, description);
      return;
    }

  if (!aims_store_delete (self->store, "corrective_action", action, &error))
    aims_show_error_dialog (GTK_WIDGET (self), _("Could Not Delete"), error);
}

static GtkWidget *
edit_action (AimsCorrectiveActionsGroup      *self,
             const char                     *action,
             AimsTreatmentActionDialogFlags  flags)
{
  g_autofree char *finding_title = NULL;
  GtkRoot *root;
  GtkWidget *dialog;

  if (self->store == NULL || self->finding == NULL)
    return NULL;

  if (!is_editable (self))
    flags |= AIMS_TREATMENT_ACTION_DIALOG_READ_ONLY;

  root = gtk_widget_get_root (GTK_WIDGET (self));
  finding_title = dup_finding_title (self);
  dialog = aims_treatment_action_dialog_new_full (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                  self->store, "corrective_action", action,
                                                  _("Corrective Action"), finding_title, flags);
  gtk_window_present (GTK_WINDOW (dialog));

  return dialog;
}

/* Rows */

static void
on_edit_clicked_cb (GtkButton                 *button,
                    AimsCorrectiveActionsGroup *self)
{
  aims_corrective_actions_group_edit (self, g_object_get_data (G_OBJECT (button), "uuid"));
}

static void
on_remove_clicked_cb (GtkButton                 *button,
                      AimsCorrectiveActionsGroup *self)
{
  g_autofree char *action = g_strdup (g_object_get_data (G_OBJECT (button), "uuid"));

  remove_action (self, action);
}

static void
on_row_activated_cb (AdwActionRow              *row,
                     AimsCorrectiveActionsGroup *self)
{
  aims_corrective_actions_group_edit (self, g_object_get_data (G_OBJECT (row), "uuid"));
}

/* Delete on a focused action removes that action, never the finding around
 * it (the register's Delete key acts on what the focus did not use) */
static gboolean
on_row_key_pressed_cb (GtkEventControllerKey     *controller,
                       guint                      keyval,
                       guint                      keycode,
                       GdkModifierType            state,
                       AimsCorrectiveActionsGroup *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  g_autofree char *action = NULL;

  if (keyval != GDK_KEY_Delete || (state & gtk_accelerator_get_default_mod_mask ()) != 0)
    return FALSE;

  action = g_strdup (g_object_get_data (G_OBJECT (row), "uuid"));
  remove_action (self, action);
  return TRUE;
}

static GtkWidget *
create_icon_button (const char *icon_name,
                    const char *tooltip,
                    const char *accessible_label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label,
                                  -1);
  return button;
}

static GtkWidget *
create_overdue_badge (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  GtkWidget *label = gtk_label_new (_("Overdue"));

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_widget_set_name (box, "overdue");
  gtk_widget_add_css_class (box, "overdue");
  gtk_widget_add_css_class (box, "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);

  return box;
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  AimsCorrectiveActionsGroup *self = user_data;
  AimsRecord *record = item;
  const char *uuid = aims_record_get_uuid (record);
  g_autofree char *what = aims_record_dup_text (record, "what");
  g_autofree char *owner = aims_record_dup_text (record, "owner");
  g_autofree char *due_date = aims_record_dup_text (record, "due_date");
  g_autofree char *status = aims_record_dup_text (record, "status");
  g_autofree char *subtitle = dup_subtitle (owner, due_date, status);
  g_autofree char *edit_label = NULL;
  g_autofree char *remove_label = NULL;
  GtkEventController *keys;
  GtkWidget *row, *button;

  if (what == NULL || what[0] == '\0')
    {
      g_free (what);
      what = g_strdup (_("Untitled"));
    }

  row = adw_action_row_new ();
  gtk_widget_set_name (row, "corrective-action");
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), what);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  g_object_set_data_full (G_OBJECT (row), "uuid", g_strdup (uuid), g_free);

  if (aims_corrective_action_is_overdue (due_date, status, NULL))
    {
      g_autofree char *description = NULL;

      gtk_widget_add_css_class (row, "overdue");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), create_overdue_badge ());
      /* Translators: read with an overdue corrective action, after its title */
      description = g_strdup_printf (_("Overdue: %s"), subtitle);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                      -1);
    }

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_signal_connect_object (row, "activated", G_CALLBACK (on_row_activated_cb), self, 0);

  /* Translators: the accessible name of a button, with the action's title */
  edit_label = g_strdup_printf (_("Edit action “%s”"), what);
  button = create_icon_button ("document-edit-symbolic", _("Edit Action"), edit_label);
  gtk_widget_set_name (button, "edit");
  g_object_set_data_full (G_OBJECT (button), "uuid", g_strdup (uuid), g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_edit_clicked_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  /* Translators: the accessible name of a button, with the action's title */
  remove_label = g_strdup_printf (_("Remove action “%s”"), what);
  button = create_icon_button ("user-trash-symbolic", _("Remove Action"), remove_label);
  gtk_widget_set_name (button, "remove");
  g_object_set_data_full (G_OBJECT (button), "uuid", g_strdup (uuid), g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_remove_clicked_cb), self, 0);
  gtk_widget_set_visible (button, is_editable (self));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  g_object_set_data (G_OBJECT (row), "remove-button", button);

  keys = gtk_event_controller_key_new ();
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_row_key_pressed_cb), self, 0);
  gtk_widget_add_controller (row, keys);

  return row;
}

static void
on_actions_changed_cb (AimsCorrectiveActionsGroup *self)
{
  update_summary (self);
}

/* Actions */

static void
actions_add_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  AimsCorrectiveActionsGroup *self = AIMS_CORRECTIVE_ACTIONS_GROUP (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *action = NULL;

  if (!is_editable (self))
    return;

  action = aims_finding_add_action (self->store, self->finding, _("New corrective action"), &error);
  if (action == NULL)
    {
      aims_show_error_dialog (widget, _("Could Not Add the Corrective Action"), error);
      return;
    }

  edit_action (self, action, AIMS_TREATMENT_ACTION_DIALOG_NEW);
}

/* GObject */

static void
aims_corrective_actions_group_dispose (GObject *object)
{
  AimsCorrectiveActionsGroup *self = AIMS_CORRECTIVE_ACTIONS_GROUP (object);

  if (self->list != NULL)
    gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), AIMS_TYPE_CORRECTIVE_ACTIONS_GROUP);
  g_clear_object (&self->actions);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (aims_corrective_actions_group_parent_class)->dispose (object);
}

static void
aims_corrective_actions_group_finalize (GObject *object)
{
  AimsCorrectiveActionsGroup *self = AIMS_CORRECTIVE_ACTIONS_GROUP (object);

  g_clear_pointer (&self->finding, g_free);

  G_OBJECT_CLASS (aims_corrective_actions_group_parent_class)->finalize (object);
}

static void
aims_corrective_actions_group_get_property (GObject    *object,
                                           guint       prop_id,
                                           GValue     *value,
                                           GParamSpec *pspec)
{
  AimsCorrectiveActionsGroup *self = AIMS_CORRECTIVE_ACTIONS_GROUP (object);

  switch (prop_id)
    {
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aims_corrective_actions_group_set_property (GObject      *object,
                                           guint         prop_id,
                                           const GValue *value,
                                           GParamSpec   *pspec)
{
  AimsCorrectiveActionsGroup *self = AIMS_CORRECTIVE_ACTIONS_GROUP (object);

  switch (prop_id)
    {
    case PROP_READ_ONLY:
      aims_corrective_actions_group_set_read_only (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aims_corrective_actions_group_class_init (AimsCorrectiveActionsGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aims_corrective_actions_group_dispose;
  object_class->finalize = aims_corrective_actions_group_finalize;
  object_class->get_property = aims_corrective_actions_group_get_property;
  object_class->set_property = aims_corrective_actions_group_set_property;

  /**
   * AimsCorrectiveActionsGroup:read-only:
   *
   * Whether the actions can only be read. They also can when the store is
   * read-only.
   */
  properties [PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/aims-corrective-actions-group.ui");
  gtk_widget_class_bind_template_child (widget_class, AimsCorrectiveActionsGroup, add_button);
  gtk_widget_class_bind_template_child (widget_class, AimsCorrectiveActionsGroup, list);

  gtk_widget_class_install_action (widget_class, "actions.add", NULL, actions_add_action);
}

static void
aims_corrective_actions_group_init (AimsCorrectiveActionsGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_name (GTK_WIDGET (self), "corrective_action");

  update_summary (self);
  update_editable (self);
}

/* Public API */

GtkWidget *
aims_corrective_actions_group_new (void)
{
  return g_object_new (AIMS_TYPE_CORRECTIVE_ACTIONS_GROUP, NULL);
}

/**
 * aims_corrective_actions_group_set_finding:
 * @store: (nullable): the store holding the finding
 * @finding: (nullable): the finding whose actions to list
 *
 * Lists the corrective actions of @finding, by due date.
 */
void
aims_corrective_actions_group_set_finding (AimsCorrectiveActionsGroup *self,
                                       AimsStore                 *store,
                                       const char                *finding)
{
  g_return_if_fail (AIMS_IS_CORRECTIVE_ACTIONS_GROUP (self));
  g_return_if_fail (store == NULL || AIMS_IS_STORE (store));

  if (store == NULL)
    finding = NULL;

  if (self->store == store && g_strcmp0 (self->finding, finding) == 0)
    return;

  if (self->store != store)
    {
      /* A record list belongs to one store */
      gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
      if (self->actions != NULL)
        g_signal_handlers_disconnect_by_data (self->actions, self);
      g_clear_object (&self->actions);
      g_set_object (&self->store, store);
    }

  g_free (self->finding);
  self->finding = g_strdup (finding);

  if (self->store != NULL && self->actions == NULL)
    {
      self->actions = aims_record_list_new (self->store, "corrective_action");
      aims_record_list_set_sort (self->actions, "due_date", FALSE);
      /* No finding yet: a value no uuid has, so the list starts empty */
      aims_record_list_set_filter (self->actions, "finding", "");
      g_signal_connect_object (self->actions, "items-changed",
                               G_CALLBACK (on_actions_changed_cb), self, G_CONNECT_SWAPPED);
      gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->actions), create_row_cb, self,
                               NULL);
    }

  if (self->actions != NULL)
    aims_record_list_set_filter (self->actions, "finding", finding != NULL ? finding : "");

  update_summary (self);
  update_editable (self);
}

/**
 * aims_corrective_actions_group_get_finding:
 *
 * Returns: (nullable): the finding whose actions are listed
 */
const char *
aims_corrective_actions_group_get_finding (AimsCorrectiveActionsGroup *self)
{
  g_return_val_if_fail (AIMS_IS_CORRECTIVE_ACTIONS_GROUP (self), NULL);

  return self->finding;
}

gboolean
aims_corrective_actions_group_get_read_only (AimsCorrectiveActionsGroup *self)
{
  g_return_val_if_fail (AIMS_IS_CORRECTIVE_ACTIONS_GROUP (self), FALSE);

  return self->read_only;
}

void
aims_corrective_actions_group_set_read_only (AimsCorrectiveActionsGroup *self,
                                            gboolean                   read_only)
{
  g_return_if_fail (AIMS_IS_CORRECTIVE_ACTIONS_GROUP (self));

  read_only = !!read_only;
  if (self->read_only == read_only)
    return;

  self->read_only = read_only;
  update_editable (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_READ_ONLY]);
}

/**
 * aims_corrective_actions_group_edit:
 * @action: one of the finding's corrective actions
 *
 * Opens the action in a small window over this one.
 *
 * Returns: (transfer none) (nullable): the window
 */
GtkWidget *
aims_corrective_actions_group_edit (AimsCorrectiveActionsGroup *self,
                                   const char                *action)
{
  g_return_val_if_fail (AIMS_IS_CORRECTIVE_ACTIONS_GROUP (self), NULL);
  g_return_val_if_fail (action != NULL, NULL);

  return edit_action (self, action, AIMS_TREATMENT_ACTION_DIALOG_NONE);
}
