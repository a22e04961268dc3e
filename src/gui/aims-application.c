/* aims-application.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aims-application"

#include "config.h"

#include "aims-application.h"
#include "aims-first-frame.h"
#include "aims-window.h"

#include <glib/gi18n.h>

struct _AimsApplication
{
  AdwApplication  parent_instance;

  /* Owned references */
  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (AimsApplication, aims_application, ADW_TYPE_APPLICATION)

/* A window without a project can take the next project; otherwise make one. */
static AimsWindow *
get_window_for_project (AimsApplication *self)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (AIMS_IS_WINDOW (active) && !aims_window_has_project (AIMS_WINDOW (active)))
    return AIMS_WINDOW (active);

  for (const GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      if (AIMS_IS_WINDOW (l->data) && !aims_window_has_project (l->data))
        return l->data;
    }

  return aims_window_new (self);
}

static AimsWindow *
find_window_for_file (AimsApplication *self,
                      GFile           *file)
{
  for (const GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      GFile *shown;

      if (!AIMS_IS_WINDOW (l->data))
        continue;

      shown = aims_window_get_file (l->data);
      if (shown != NULL && g_file_equal (shown, file))
        return l->data;
    }

  return NULL;
}

static void
aims_application_new_project_action (GSimpleAction *action,
                                     GVariant      *param,
                                     gpointer       user_data)
{
  AimsApplication *self = user_data;
  AimsWindow *window = get_window_for_project (self);

  gtk_window_present (GTK_WINDOW (window));
  aims_window_new_project (window);
}

static void
aims_application_open_action (GSimpleAction *action,
                              GVariant      *param,
                              gpointer       user_data)
{
  AimsApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (!AIMS_IS_WINDOW (window))
    window = GTK_WINDOW (aims_window_new (self));

  gtk_window_present (window);
  aims_window_choose_and_open (AIMS_WINDOW (window));
}

static void
aims_application_open_demo_action (GSimpleAction *action,
                                   GVariant      *param,
                                   gpointer       user_data)
{
  AimsApplication *self = user_data;
  AimsWindow *window = get_window_for_project (self);

  gtk_window_present (GTK_WINDOW (window));
  aims_window_open_demo (window);
}

static void
aims_application_open_recent_action (GSimpleAction *action,
                                     GVariant      *param,
                                     gpointer       user_data)
{
  AimsApplication *self = user_data;
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (param, NULL));

  g_application_open (G_APPLICATION (self), &file, 1, "");
}

static void
aims_application_quit_action (GSimpleAction *action,
                              GVariant      *param,
                              gpointer       user_data)
{
  AimsApplication *self = user_data;
  g_autoptr(GList) windows = NULL;

  /* Closing each window lets it ask about unsaved changes; the application
   * quits by itself when the last window is gone. */
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (const GList *l = windows; l; l = l->next)
    gtk_window_close (l->data);
}

static void
aims_application_about_action (GSimpleAction *action,
                               GVariant      *param,
                               gpointer       user_data)
{
  AimsApplication *self = user_data;
  static const char *developers[] = { "AIMS Workbench Authors", NULL };
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  adw_show_about_window (parent,
                         "application-name", _("AIMS Workbench"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "developer-name", _("AIMS Workbench Authors"),
                         "developers", developers,
                         "copyright", "© 2026 AIMS Workbench Authors",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "website", PACKAGE_WEBSITE,
                         "issue-url", PACKAGE_WEBSITE "/issues",
                         "comments", _("Run an AI management system under ISO/IEC 42001: "
                                       "inventory, risks, impact assessments, controls, "
                                       "audits and management reviews."),
                         /* Translators: your names, one per line */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static const GActionEntry app_actions[] = {
  { "new-project", aims_application_new_project_action },
  { "open", aims_application_open_action },
  { "open-demo", aims_application_open_demo_action },
  { "open-recent", aims_application_open_recent_action, "s" },
  { "quit", aims_application_quit_action },
  { "about", aims_application_about_action },
};

static GSettings *
load_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  /* g_settings_new() aborts on a missing schema; running from an uninstalled
   * tree without GSETTINGS_SCHEMA_DIR must still work, without persistence. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, BASE_APP_ID, TRUE);
  if (schema == NULL)
    {
      g_message ("Settings schema %s is not installed; window state will not be kept",
                 BASE_APP_ID);
      return NULL;
    }

  return g_settings_new_full (schema, NULL, NULL);
}

static void
aims_application_startup (GApplication *app)
{
  AimsApplication *self = AIMS_APPLICATION (app);
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.new-project", { "<Control>n", NULL } },
    { "app.open", { "<Control>o", NULL } },
    { "app.quit", { "<Control>q", NULL } },
    { "win.close", { "<Control>w", NULL } },
    { "win.save", { "<Control>s", NULL } },
    { "win.save-as", { "<Shift><Control>s", NULL } },
    { "win.undo", { "<Control>z", NULL } },
    { "win.redo", { "<Shift><Control>z", "<Control>y", NULL } },
    { "win.toggle-sidebar", { "F9", NULL } },
  };

  G_APPLICATION_CLASS (aims_application_parent_class)->startup (app);

  self->settings = load_settings ();

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                           accels[i].action, accels[i].accels);
}

static void
aims_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    {
      window = GTK_WINDOW (aims_window_new (AIMS_APPLICATION (app)));
      aims_first_frame_watch (window);
    }

  gtk_window_present (window);
}

static void
aims_application_open (GApplication  *app,
                       GFile        **files,
                       int            n_files,
                       const char    *hint)
{
  AimsApplication *self = AIMS_APPLICATION (app);

  for (int i = 0; i < n_files; i++)
    {
      AimsWindow *window = find_window_for_file (self, files[i]);

      if (window == NULL)
        {
          window = get_window_for_project (self);
          aims_window_open_file (window, files[i]);
        }

      gtk_window_present (GTK_WINDOW (window));
    }
}

static int
aims_application_handle_local_options (GApplication *app,
                                       GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return 0;
    }

  return -1;
}

static int
aims_application_command_line (GApplication            *app,
                               GApplicationCommandLine *cmdline)
{
  AimsApplication *self = AIMS_APPLICATION (app);
  GVariantDict *options = g_application_command_line_get_options_dict (cmdline);
  g_auto(GStrv) remaining = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  /* "^aay" copies the strings, which g_auto(GStrv) then frees */
  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^aay", &remaining);
  for (guint i = 0; remaining != NULL && remaining[i] != NULL; i++)
    g_ptr_array_add (files, g_application_command_line_create_file_for_arg (cmdline, remaining[i]));

  if (g_variant_dict_contains (options, "demo"))
    {
      AimsWindow *window = get_window_for_project (self);

      gtk_window_present (GTK_WINDOW (window));
      aims_window_open_demo (window);
    }

  if (files->len > 0)
    g_application_open (app, (GFile **)files->pdata, files->len, "");
  else if (!g_variant_dict_contains (options, "demo"))
    g_application_activate (app);

  return 0;
}

static void
aims_application_dispose (GObject *object)
{
  AimsApplication *self = AIMS_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (aims_application_parent_class)->dispose (object);
}

static void
aims_application_class_init (AimsApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = aims_application_dispose;

  app_class->startup = aims_application_startup;
  app_class->activate = aims_application_activate;
  app_class->open = aims_application_open;
  app_class->command_line = aims_application_command_line;
  app_class->handle_local_options = aims_application_handle_local_options;
}

static void
aims_application_init (AimsApplication *self)
{
  static const GOptionEntry entries[] = {
    { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Open a fresh copy of the demo project"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Show the program version"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, N_("[FILE…]") },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE…]"));
}

/**
 * aims_application_new:
 *
 * Returns: (transfer full): the application
 */
AimsApplication *
aims_application_new (void)
{
  return g_object_new (AIMS_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "resource-base-path", RESOURCE_BASE_PATH,
                       "flags", G_APPLICATION_HANDLES_OPEN | G_APPLICATION_HANDLES_COMMAND_LINE,
                       NULL);
}

/**
 * aims_application_get_settings:
 *
 * Returns: (transfer none) (nullable): the settings, or %NULL when the schema
 *   is not installed
 */
GSettings *
aims_application_get_settings (AimsApplication *self)
{
  g_return_val_if_fail (AIMS_IS_APPLICATION (self), NULL);

  return self->settings;
}
