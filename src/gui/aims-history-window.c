/* aims-history-window.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aims-history-window"

#include "config.h"

#include "aims-history-window.h"

#include <glib/gi18n.h>

/* Values longer than this are shortened in the list; the record keeps them whole */
#define MAX_VALUE_CHARS 120

struct _AimsHistoryWindow
{
  AdwWindow       parent_instance;

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkStack       *stack;
  GtkListBox     *list_box;

  /* Owned references */
  GListModel     *history;
};

G_DEFINE_FINAL_TYPE (AimsHistoryWindow, aims_history_window, ADW_TYPE_WINDOW)

static char *
shorten (const char *value)
{
  if (value == NULL || *value == '\0')
    return g_strdup (_("(empty)"));

  if (g_utf8_strlen (value, -1) <= MAX_VALUE_CHARS)
    return g_strdup (value);

  return g_strconcat (g_utf8_substring (value, 0, MAX_VALUE_CHARS), "…", NULL);
}

static char *
describe_change (AimsChange *change)
{
  g_autofree char *old_value = shorten (aims_change_get_old_value (change));
  g_autofree char *new_value = shorten (aims_change_get_new_value (change));
  const char *field = aims_change_get_field_label (change);

  switch (aims_change_get_op (change))
    {
    case AIMS_CHANGE_OP_INSERT:
      return g_strdup_printf (_("Created, %s: %s"), field, new_value);

    case AIMS_CHANGE_OP_DELETE:
      return g_strdup_printf (_("Deleted, %s was: %s"), field, old_value);

    case AIMS_CHANGE_OP_UPDATE:
    default:
      return g_strdup_printf (_("%s: “%s” → “%s”"), field, old_value, new_value);
    }
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  AimsChange *change = item;
  g_autofree char *title = describe_change (change);
  g_autofree char *subtitle = NULL;
  GtkWidget *row;

  subtitle = g_strdup_printf (_("%s · %s · %s"),
                              aims_change_get_at (change),
                              aims_change_get_author (change),
                              aims_change_get_changeset_label (change));

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);

  return row;
}

static void
aims_history_window_dispose (GObject *object)
{
  AimsHistoryWindow *self = AIMS_HISTORY_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), AIMS_TYPE_HISTORY_WINDOW);
  g_clear_object (&self->history);

  G_OBJECT_CLASS (aims_history_window_parent_class)->dispose (object);
}

static void
aims_history_window_class_init (AimsHistoryWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aims_history_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/aims-history-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AimsHistoryWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, AimsHistoryWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, AimsHistoryWindow, list_box);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
aims_history_window_init (AimsHistoryWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * aims_history_window_new:
 * @parent: the window it belongs to
 * @store: the project's store
 * @record_uuid: the record whose changes are listed
 * @record_title: how people call the record, shown as the subtitle
 *
 * Returns: (transfer floating): a window listing the record's changes, oldest first
 */
GtkWidget *
aims_history_window_new (GtkWindow  *parent,
                         AimsStore  *store,
                         const char *record_uuid,
                         const char *record_title)
{
  AimsHistoryWindow *self;

  g_return_val_if_fail (AIMS_IS_STORE (store), NULL);
  g_return_val_if_fail (record_uuid != NULL, NULL);

  self = g_object_new (AIMS_TYPE_HISTORY_WINDOW,
                       "transient-for", parent,
                       NULL);
  adw_window_title_set_subtitle (self->window_title, record_title);

  self->history = aims_store_list_history (store, record_uuid);
  gtk_list_box_bind_model (self->list_box, self->history, create_row, NULL, NULL);
  gtk_stack_set_visible_child_name (self->stack,
                                    g_list_model_get_n_items (self->history) > 0 ? "list" : "empty");

  return GTK_WIDGET (self);
}
