/* aims-actions-group.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The actions of a record inside its form: a risk's treatment plan (ISO/IEC
 * 42001 6.1.3) or a finding's corrective actions (10.2). One row per action
 * with what, owner, due date and status, overdue ones marked in words and
 * colour; Add, edit in a small window, and remove with the Undo toast every
 * delete in the app offers. The list follows the store, so undo, redo and
 * edits elsewhere (the PDCA board) show at once.
 *
 * The two kinds differ only in the table, the record they belong to, their
 * words and the core functions that add and summarise: see kinds[]. */

#define G_LOG_DOMAIN "aims-actions-group"

#include "config.h"

#include "aims-actions-group.h"

#include "aims-error-dialog.h"
#include "aims-treatment-action-dialog.h"
#include "aims-window.h"

#include <glib/gi18n.h>

/* Where a record's actions stand: AimsTreatmentSummary and
 * AimsFindingSummary have these same members. */
typedef struct
{
  guint n_actions;
  guint n_done;
  guint n_overdue;
} Summary;

typedef struct
{
  const char  *table;         /* the actions' table, and the group's name */
  const char  *parent;        /* the table of the record they belong to, and
                               * the actions' column that names it */
  const char  *row_name;
  const char  *list_name;
  const char  *title;         /* the group's title, the list's accessible name */
  const char  *add_tooltip;
  const char  *placeholder;
  const char  *new_what;      /* the "what" of an action just added */
  const char  *add_failed;
  const char  *dialog_title;  /* NULL: the dialog's own */
  gboolean   (*summarize)  (AimsStore   *store,
                            const char  *parent,
                            Summary     *summary,
                            GError     **error);
  char      *(*add)        (AimsStore   *store,
                            const char  *parent,
                            const char  *what,
                            GError     **error);
  gboolean   (*is_overdue) (const char  *due_date,
                            const char  *status,
                            const char  *today);
} Kind;

static gboolean
summarize_treatment (AimsStore   *store,
                     const char  *risk,
                     Summary     *summary,
                     GError     **error)
{
  AimsTreatmentSummary s;

  if (!aims_treatment_summarize (store, risk, NULL, &s, error))
    return FALSE;
  *summary = (Summary) { s.n_actions, s.n_done, s.n_overdue };
  return TRUE;
}

static gboolean
summarize_corrective (AimsStore   *store,
                      const char  *finding,
                      Summary     *summary,
                      GError     **error)
{
  AimsFindingSummary s;

  if (!aims_finding_summarize (store, finding, NULL, &s, error))
    return FALSE;
  *summary = (Summary) { s.n_actions, s.n_done, s.n_overdue };
  return TRUE;
}

static const Kind kinds[] = {
  [AIMS_ACTIONS_GROUP_TREATMENT] = {
    .table = "treatment_action",
    .parent = "risk",
    .row_name = "treatment-action",
    .list_name = "treatment_action-list",
    .title = N_("Treatment Actions"),
    .add_tooltip = N_("Add a Treatment Action"),
    .placeholder = N_("No treatment actions yet. Add the steps that put the treatment in "
                      "place, each with an owner and a due date."),
    .new_what = N_("New treatment action"),
    .add_failed = N_("Could Not Add the Treatment Action"),
    .dialog_title = NULL,
    .summarize = summarize_treatment,
    .add = aims_treatment_add_action,
    .is_overdue = aims_treatment_action_is_overdue,
  },
  [AIMS_ACTIONS_GROUP_CORRECTIVE] = {
    .table = "corrective_action",
    .parent = "finding",
    .row_name = "corrective-action",
    .list_name = "corrective_action-list",
    .title = N_("Corrective Actions"),
    .add_tooltip = N_("Add a Corrective Action"),
    .placeholder = N_("No corrective actions yet. Add what will remove the cause of the "
                      "finding, each with an owner and a due date."),
    .new_what = N_("New corrective action"),
    .add_failed = N_("Could Not Add the Corrective Action"),
    .dialog_title = N_("Corrective Action"),
    .summarize = summarize_corrective,
    .add = aims_finding_add_action,
    .is_overdue = aims_corrective_action_is_overdue,
  },
};

struct _AimsActionsGroup
{
  AdwPreferencesGroup  parent_instance;

  /* Template widgets */
  GtkWidget           *add_button;
  GtkListBox          *list;
  GtkLabel            *placeholder;

  /* Owned references */
  AimsStore           *store;
  AimsRecordList      *actions;
  char                *parent;

  const Kind          *kind;
  guint                read_only : 1;
};

enum {
  PROP_0,
  PROP_KIND,
  PROP_READ_ONLY,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

G_DEFINE_FINAL_TYPE (AimsActionsGroup, aims_actions_group, ADW_TYPE_PREFERENCES_GROUP)

static gboolean
is_editable (AimsActionsGroup *self)
{
  return !self->read_only && self->store != NULL && self->parent != NULL &&
         !aims_store_get_read_only (self->store);
}

static const AimsFieldInfo *
action_field (AimsActionsGroup *self,
              const char       *name)
{
  return aims_table_info_lookup_field (aims_schema_lookup_table (self->kind->table), name);
}

/* "Wei Chen · due 2026-12-31 · In progress" */
static char *
dup_subtitle (AimsActionsGroup *self,
              const char       *owner,
              const char       *due_date,
              const char       *status)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (owner != NULL && owner[0] != '\0')
    g_ptr_array_add (parts, g_strdup (owner));
  if (due_date != NULL && due_date[0] != '\0')
    /* Translators: when a treatment or corrective action is due, "due 2026-12-31" */
    g_ptr_array_add (parts, g_strdup_printf (_("due %s"), due_date));
  else
    g_ptr_array_add (parts, g_strdup (_("no due date")));
  g_ptr_array_add (parts, g_strdup (aims_choice_label (action_field (self, "status"), status)));
  g_ptr_array_add (parts, NULL);

  /* Translators: separates the owner, due date and status of an action */
  return g_strjoinv (_(" · "), (char **) parts->pdata);
}

static void
update_summary (AimsActionsGroup *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  Summary summary;

  if (self->store == NULL || self->parent == NULL ||
      !self->kind->summarize (self->store, self->parent, &summary, &error) ||
      summary.n_actions == 0)
    {
      if (error != NULL)
        g_debug ("Could not summarise the %s rows: %s", self->kind->table, error->message);
      /* The list's placeholder says what belongs here */
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), NULL);
      return;
    }

  /* Translators: the first part of a risk's or finding's actions summary, "3 actions, 1 done" */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u action, %u done",
                                       "%u actions, %u done", summary.n_actions),
                          summary.n_actions, summary.n_done);
  if (summary.n_overdue > 0)
    {
      g_autofree char *overdue = NULL;
      g_autofree char *whole = NULL;

      /* Translators: the second part of a risk's or finding's actions summary */
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
update_editable (AimsActionsGroup *self)
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

/* "R-042 · Chatbot leaks personal data", "F-003 · No audit programme" */
static char *
dup_parent_title (AimsActionsGroup *self)
{
  g_autofree char *reference = aims_store_dup_text (self->store, self->kind->parent, self->parent,
                                                    "reference", NULL);
  g_autofree char *title = aims_store_dup_text (self->store, self->kind->parent, self->parent,
                                                "title", NULL);

  /* Translators: a risk's or finding's reference and title, "R-042 · Chatbot leaks personal data" */
  return g_strdup_printf (_("%s · %s"), reference != NULL ? reference : "",
                          title != NULL ? title : "");
}

/* What the Undo toast says was deleted (a format each: they are checked) */
static char *
dup_deleted_description (AimsActionsGroup *self,
                         const char       *what)
{
  switch (aims_actions_group_get_kind (self))
    {
    case AIMS_ACTIONS_GROUP_CORRECTIVE:
      /* Translators: what was deleted, e.g. corrective action “Write the audit programme” */
      return g_strdup_printf (_("corrective action “%s”"), what);

    case AIMS_ACTIONS_GROUP_TREATMENT:
    default:
      /* Translators: what was deleted, e.g. treatment action “Retrain the model” */
      return g_strdup_printf (_("treatment action “%s”"), what);
    }
}

static void
remove_action (AimsActionsGroup *self,
               const char                *action)
{
  g_autofree char *what = NULL;
  g_autofree char *description = NULL;
  g_autoptr(GError) error = NULL;
  GtkRoot *root;

  if (!is_editable (self))
    return;

  what = aims_store_dup_text (self->store, self->kind->table, action, "what", NULL);
  description = dup_deleted_description (self, what != NULL ? what : "");

  /* Through the window: one delete, one Undo toast, as everywhere else */
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (AIMS_IS_WINDOW (root))
    {
      aims_window_delete_record (AIMS_WINDOW (root), self->kind->table, action, description);
      return;
    }

  if (!aims_store_delete (self->store, self->kind->table, action, &error))
    aims_show_error_dialog (GTK_WIDGET (self), _("Could Not Delete"), error);
}

static GtkWidget *
edit_action (AimsActionsGroup      *self,
             const char                     *action,
             AimsTreatmentActionDialogFlags  flags)
{
  g_autofree char *parent_title = NULL;
  GtkRoot *root;
  GtkWidget *dialog;

  if (self->store == NULL || self->parent == NULL)
    return NULL;

  if (!is_editable (self))
    flags |= AIMS_TREATMENT_ACTION_DIALOG_READ_ONLY;

  root = gtk_widget_get_root (GTK_WIDGET (self));
  parent_title = dup_parent_title (self);
  dialog = aims_treatment_action_dialog_new_full (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                  self->store, self->kind->table, action,
                                                  self->kind->dialog_title != NULL
                                                  ? _(self->kind->dialog_title) : NULL,
                                                  parent_title, flags);
  gtk_window_present (GTK_WINDOW (dialog));

  return dialog;
}

/* Rows */

static void
on_edit_clicked_cb (GtkButton                 *button,
                    AimsActionsGroup *self)
{
  aims_actions_group_edit (self, g_object_get_data (G_OBJECT (button), "uuid"));
}

static void
on_remove_clicked_cb (GtkButton                 *button,
                      AimsActionsGroup *self)
{
  g_autofree char *action = g_strdup (g_object_get_data (G_OBJECT (button), "uuid"));

  remove_action (self, action);
}

static void
on_row_activated_cb (AdwActionRow              *row,
                     AimsActionsGroup *self)
{
  aims_actions_group_edit (self, g_object_get_data (G_OBJECT (row), "uuid"));
}

/* Delete on a focused action removes that action, never the record around
 * it (the register's Delete key acts on what the focus did not use) */
static gboolean
on_row_key_pressed_cb (GtkEventControllerKey     *controller,
                       guint                      keyval,
                       guint                      keycode,
                       GdkModifierType            state,
                       AimsActionsGroup *self)
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
  AimsActionsGroup *self = user_data;
  AimsRecord *record = item;
  const char *uuid = aims_record_get_uuid (record);
  g_autofree char *what = aims_record_dup_text (record, "what");
  g_autofree char *owner = aims_record_dup_text (record, "owner");
  g_autofree char *due_date = aims_record_dup_text (record, "due_date");
  g_autofree char *status = aims_record_dup_text (record, "status");
  g_autofree char *subtitle = dup_subtitle (self, owner, due_date, status);
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
  gtk_widget_set_name (row, self->kind->row_name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), what);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  g_object_set_data_full (G_OBJECT (row), "uuid", g_strdup (uuid), g_free);

  if (self->kind->is_overdue (due_date, status, NULL))
    {
      g_autofree char *description = NULL;

      gtk_widget_add_css_class (row, "overdue");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), create_overdue_badge ());
      /* Translators: read with an overdue action, after its title */
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
on_actions_changed_cb (AimsActionsGroup *self)
{
  update_summary (self);
}

/* Actions */

static void
actions_add_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  AimsActionsGroup *self = AIMS_ACTIONS_GROUP (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *action = NULL;

  if (!is_editable (self))
    return;

  action = self->kind->add (self->store, self->parent, _(self->kind->new_what), &error);
  if (action == NULL)
    {
      aims_show_error_dialog (widget, _(self->kind->add_failed), error);
      return;
    }

  edit_action (self, action, AIMS_TREATMENT_ACTION_DIALOG_NEW);
}

/* The words and names of @kind; set once, at construction. */
static void
set_kind (AimsActionsGroup     *self,
          AimsActionsGroupKind  kind)
{
  g_assert (kind < G_N_ELEMENTS (kinds));

  self->kind = &kinds[kind];
  gtk_widget_set_name (GTK_WIDGET (self), self->kind->table);
  gtk_widget_set_name (GTK_WIDGET (self->list), self->kind->list_name);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _(self->kind->title));
  gtk_widget_set_tooltip_text (self->add_button, _(self->kind->add_tooltip));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(self->kind->title),
                                  -1);
  gtk_label_set_label (self->placeholder, _(self->kind->placeholder));
}

/* GObject */

/* A commit that touched many actions at once (a bulk edit, its undo) is
 * announced for the whole table, and the list then tells only about the
 * records it holds, while the rows show copies: build the rows again. */
static void
on_store_changed_cb (AimsActionsGroup *self,
                     const char                *table,
                     const char                *uuid)
{
  if (uuid != NULL || g_strcmp0 (table, self->kind->table) != 0 || self->actions == NULL)
    return;

  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->actions), create_row_cb, self, NULL);
  update_summary (self);
}

static void
aims_actions_group_dispose (GObject *object)
{
  AimsActionsGroup *self = AIMS_ACTIONS_GROUP (object);

  if (self->list != NULL)
    gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), AIMS_TYPE_ACTIONS_GROUP);
  g_clear_object (&self->actions);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (aims_actions_group_parent_class)->dispose (object);
}

static void
aims_actions_group_finalize (GObject *object)
{
  AimsActionsGroup *self = AIMS_ACTIONS_GROUP (object);

  g_clear_pointer (&self->parent, g_free);

  G_OBJECT_CLASS (aims_actions_group_parent_class)->finalize (object);
}

static void
aims_actions_group_get_property (GObject    *object,
                                           guint       prop_id,
                                           GValue     *value,
                                           GParamSpec *pspec)
{
  AimsActionsGroup *self = AIMS_ACTIONS_GROUP (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_int (value, (int) (self->kind - kinds));
      break;

    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aims_actions_group_set_property (GObject      *object,
                                           guint         prop_id,
                                           const GValue *value,
                                           GParamSpec   *pspec)
{
  AimsActionsGroup *self = AIMS_ACTIONS_GROUP (object);

  switch (prop_id)
    {
    case PROP_KIND:
      set_kind (self, (AimsActionsGroupKind) g_value_get_int (value));
      break;

    case PROP_READ_ONLY:
      aims_actions_group_set_read_only (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aims_actions_group_class_init (AimsActionsGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aims_actions_group_dispose;
  object_class->finalize = aims_actions_group_finalize;
  object_class->get_property = aims_actions_group_get_property;
  object_class->set_property = aims_actions_group_set_property;

  /**
   * AimsActionsGroup:kind:
   *
   * Whose actions the group lists: an #AimsActionsGroupKind.
   */
  properties [PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL,
                      AIMS_ACTIONS_GROUP_TREATMENT, AIMS_ACTIONS_GROUP_CORRECTIVE,
                      AIMS_ACTIONS_GROUP_TREATMENT,
                      (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * AimsActionsGroup:read-only:
   *
   * Whether the actions can only be read. They also can when the store is
   * read-only.
   */
  properties [PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/aims-actions-group.ui");
  gtk_widget_class_bind_template_child (widget_class, AimsActionsGroup, add_button);
  gtk_widget_class_bind_template_child (widget_class, AimsActionsGroup, list);
  gtk_widget_class_bind_template_child (widget_class, AimsActionsGroup, placeholder);

  gtk_widget_class_install_action (widget_class, "actions.add", NULL, actions_add_action);
}

static void
aims_actions_group_init (AimsActionsGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  set_kind (self, AIMS_ACTIONS_GROUP_TREATMENT);

  update_summary (self);
  update_editable (self);
}

/* Public API */

/**
 * aims_actions_group_new:
 * @kind: whose actions to list
 *
 * Returns: (transfer floating): a new group
 */
GtkWidget *
aims_actions_group_new (AimsActionsGroupKind kind)
{
  g_return_val_if_fail (kind <= AIMS_ACTIONS_GROUP_CORRECTIVE, NULL);

  return g_object_new (AIMS_TYPE_ACTIONS_GROUP, "kind", (int) kind, NULL);
}

/**
 * aims_actions_group_new_treatment:
 *
 * Returns: (transfer floating): a group for a risk's treatment actions
 */
GtkWidget *
aims_actions_group_new_treatment (void)
{
  return aims_actions_group_new (AIMS_ACTIONS_GROUP_TREATMENT);
}

/**
 * aims_actions_group_new_corrective:
 *
 * Returns: (transfer floating): a group for a finding's corrective actions
 */
GtkWidget *
aims_actions_group_new_corrective (void)
{
  return aims_actions_group_new (AIMS_ACTIONS_GROUP_CORRECTIVE);
}

AimsActionsGroupKind
aims_actions_group_get_kind (AimsActionsGroup *self)
{
  g_return_val_if_fail (AIMS_IS_ACTIONS_GROUP (self), AIMS_ACTIONS_GROUP_TREATMENT);

  return (AimsActionsGroupKind) (self->kind - kinds);
}

/**
 * aims_actions_group_set_parent:
 * @store: (nullable): the store holding the record
 * @parent: (nullable): the risk (treatment) or finding (corrective) whose
 *   actions to list
 *
 * Lists the actions of @parent, by due date.
 */
void
aims_actions_group_set_parent (AimsActionsGroup *self,
                               AimsStore        *store,
                               const char       *parent)
{
  g_return_if_fail (AIMS_IS_ACTIONS_GROUP (self));
  g_return_if_fail (store == NULL || AIMS_IS_STORE (store));

  if (store == NULL)
    parent = NULL;

  if (self->store == store && g_strcmp0 (self->parent, parent) == 0)
    return;

  if (self->store != store)
    {
      /* A record list belongs to one store */
      gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
      if (self->actions != NULL)
        g_signal_handlers_disconnect_by_data (self->actions, self);
      g_clear_object (&self->actions);
      if (self->store != NULL)
        g_signal_handlers_disconnect_by_data (self->store, self);
      g_set_object (&self->store, store);
      if (self->store != NULL)
        g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed_cb), self,
                                 G_CONNECT_SWAPPED);
    }

  g_free (self->parent);
  self->parent = g_strdup (parent);

  if (self->store != NULL && self->actions == NULL)
    {
      self->actions = aims_record_list_new (self->store, self->kind->table);
      aims_record_list_set_sort (self->actions, "due_date", FALSE);
      /* No record yet: a value no uuid has, so the list starts empty */
      aims_record_list_set_filter (self->actions, self->kind->parent, "");
      g_signal_connect_object (self->actions, "items-changed",
                               G_CALLBACK (on_actions_changed_cb), self, G_CONNECT_SWAPPED);
      gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->actions), create_row_cb, self,
                               NULL);
    }

  if (self->actions != NULL)
    aims_record_list_set_filter (self->actions, self->kind->parent, parent != NULL ? parent : "");

  update_summary (self);
  update_editable (self);
}

/**
 * aims_actions_group_get_parent:
 *
 * Returns: (nullable): the risk or finding whose actions are listed
 */
const char *
aims_actions_group_get_parent (AimsActionsGroup *self)
{
  g_return_val_if_fail (AIMS_IS_ACTIONS_GROUP (self), NULL);

  return self->parent;
}

gboolean
aims_actions_group_get_read_only (AimsActionsGroup *self)
{
  g_return_val_if_fail (AIMS_IS_ACTIONS_GROUP (self), FALSE);

  return self->read_only;
}

void
aims_actions_group_set_read_only (AimsActionsGroup *self,
                                  gboolean          read_only)
{
  g_return_if_fail (AIMS_IS_ACTIONS_GROUP (self));

  read_only = !!read_only;
  if (self->read_only == read_only)
    return;

  self->read_only = read_only;
  update_editable (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_READ_ONLY]);
}

/**
 * aims_actions_group_edit:
 * @action: one of the listed actions
 *
 * Opens the action in a small window over this one.
 *
 * Returns: (transfer none) (nullable): the window
 */
GtkWidget *
aims_actions_group_edit (AimsActionsGroup *self,
                         const char       *action)
{
  g_return_val_if_fail (AIMS_IS_ACTIONS_GROUP (self), NULL);
  g_return_val_if_fail (action != NULL, NULL);

  return edit_action (self, action, AIMS_TREATMENT_ACTION_DIALOG_NONE);
}
