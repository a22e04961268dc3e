/* aims-welcome-view.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aims-welcome-view"

#include "config.h"

#include <adwaita.h>

#include <aims-core.h>

#include "aims-welcome-view.h"

#include <glib/gi18n.h>

/* How many recently used projects the welcome view offers */
#define MAX_RECENT 8

struct _AimsWelcomeView
{
  GtkWidget         parent_instance;

  /* Template widgets */
  AdwStatusPage    *status_page;
  GtkWidget        *recent_group;
  GtkListBox       *recent_list;
  GtkWidget        *recover_group;
  GtkListBox       *recover_list;

  /* Unowned: the default manager outlives us */
  GtkRecentManager *recent_manager;
};

G_DEFINE_FINAL_TYPE (AimsWelcomeView, aims_welcome_view, GTK_TYPE_WIDGET)

static void clear_list (GtkListBox *list);

static int
compare_recent_by_modified (gconstpointer a,
                            gconstpointer b)
{
  GtkRecentInfo *info_a = *(GtkRecentInfo **)a;
  GtkRecentInfo *info_b = *(GtkRecentInfo **)b;
  GDateTime *ma = gtk_recent_info_get_modified (info_a);
  GDateTime *mb = gtk_recent_info_get_modified (info_b);

  return g_date_time_compare (mb, ma);
}

static GtkWidget *
create_recent_row (GtkRecentInfo *info)
{
  g_autoptr(GFile) file = g_file_new_for_uri (gtk_recent_info_get_uri (info));
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *folder = NULL;
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *title = NULL;
  GtkWidget *row;
  const char *home = g_get_home_dir ();

  folder = parent != NULL ? g_file_get_path (parent) : NULL;
  if (folder != NULL && g_str_has_prefix (folder, home) && home[1] != '\0')
    {
      g_autofree char *rest = g_strdup (folder + strlen (home));

      g_free (folder);
      folder = g_strconcat ("~", rest, NULL);
    }

  if (g_str_has_suffix (basename, ".aims"))
    title = g_strndup (basename, strlen (basename) - strlen (".aims"));
  else
    title = g_strdup (basename);

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), folder != NULL ? folder : "");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "app.open-recent");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", gtk_recent_info_get_uri (info));

  return row;
}

static void
reload_recent (AimsWelcomeView *self)
{
  g_autoptr(GPtrArray) infos = g_ptr_array_new_with_free_func ((GDestroyNotify)gtk_recent_info_unref);
  GList *items;
  guint shown = 0;

  clear_list (self->recent_list);

  items = gtk_recent_manager_get_items (self->recent_manager);
  for (const GList *l = items; l; l = l->next)
    {
      GtkRecentInfo *info = l->data;

      /* Only our projects that still exist on a local disk */
      if (g_strcmp0 (gtk_recent_info_get_mime_type (info), AIMS_PROJECT_MIME_TYPE) == 0 &&
          gtk_recent_info_is_local (info) &&
          gtk_recent_info_exists (info))
        g_ptr_array_add (infos, gtk_recent_info_ref (info));
    }
  g_list_free_full (items, (GDestroyNotify)gtk_recent_info_unref);

  g_ptr_array_sort (infos, compare_recent_by_modified);
  for (guint i = 0; i < infos->len && shown < MAX_RECENT; i++, shown++)
    gtk_list_box_append (self->recent_list, create_recent_row (g_ptr_array_index (infos, i)));

  gtk_widget_set_visible (self->recent_group, shown > 0);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* GTK 4.8 names a button made with gtk_button_new_with_mnemonic() “_Recover
 * Recover” on the accessibility bus; a button holding a mnemonic label is
 * read as “Recover”. */
static GtkWidget *
create_mnemonic_button (const char *text)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *label = gtk_label_new_with_mnemonic (text);

  gtk_label_set_mnemonic_widget (GTK_LABEL (label), button);
  gtk_button_set_child (GTK_BUTTON (button), label);

  return button;
}

static GtkWidget *
create_recover_row (AimsRecoverable *recoverable)
{
  const char *working_dir = aims_recoverable_get_working_dir (recoverable);
  const char *original = aims_recoverable_get_original_path (recoverable);
  g_autofree char *when = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *changes = NULL;
  GtkWidget *row;
  GtkWidget *button;
  guint n_changes = aims_recoverable_get_n_changes (recoverable);

  when = g_date_time_format (aims_recoverable_get_modified (recoverable), "%x %X");
  changes = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u unsaved change", "%u unsaved changes", n_changes),
                             n_changes);
  subtitle = g_strdup_printf ("%s · %s\n%s", changes, when,
                              original != NULL ? original : _("Never saved"));

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), aims_recoverable_get_display_name (recoverable));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  button = create_mnemonic_button (_("_Discard"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "destructive-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.discard-recoverable");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", working_dir);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  button = create_mnemonic_button (_("_Recover"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.recover");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", working_dir);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

static void
reload_recoverable (AimsWelcomeView *self)
{
  g_autoptr(GPtrArray) recoverable = aims_document_list_recoverable ();

  clear_list (self->recover_list);
  for (guint i = 0; i < recoverable->len; i++)
    gtk_list_box_append (self->recover_list, create_recover_row (g_ptr_array_index (recoverable, i)));

  gtk_widget_set_visible (self->recover_group, recoverable->len > 0);
}

static void
aims_welcome_view_dispose (GObject *object)
{
  AimsWelcomeView *self = AIMS_WELCOME_VIEW (object);

  if (self->recent_manager != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->recent_manager, self);
      self->recent_manager = NULL;
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), AIMS_TYPE_WELCOME_VIEW);

  /* The template's top child has no id, so dispose_template leaves it */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_first_child (GTK_WIDGET (self)))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (aims_welcome_view_parent_class)->dispose (object);
}

static void
aims_welcome_view_class_init (AimsWelcomeViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aims_welcome_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/aims-welcome-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AimsWelcomeView, status_page);
  gtk_widget_class_bind_template_child (widget_class, AimsWelcomeView, recent_group);
  gtk_widget_class_bind_template_child (widget_class, AimsWelcomeView, recent_list);
  gtk_widget_class_bind_template_child (widget_class, AimsWelcomeView, recover_group);
  gtk_widget_class_bind_template_child (widget_class, AimsWelcomeView, recover_list);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "welcomeview");
}

static void
aims_welcome_view_init (AimsWelcomeView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  adw_status_page_set_icon_name (self->status_page, APP_ID);

  self->recent_manager = gtk_recent_manager_get_default ();
  g_signal_connect_swapped (self->recent_manager, "changed", G_CALLBACK (reload_recent), self);
  reload_recent (self);
  reload_recoverable (self);
}

GtkWidget *
aims_welcome_view_new (void)
{
  return g_object_new (AIMS_TYPE_WELCOME_VIEW, NULL);
}

/**
 * aims_welcome_view_reload:
 *
 * Looks again for unsaved work to recover and recently used projects.
 */
void
aims_welcome_view_reload (AimsWelcomeView *self)
{
  g_return_if_fail (AIMS_IS_WELCOME_VIEW (self));

  reload_recent (self);
  reload_recoverable (self);
}
