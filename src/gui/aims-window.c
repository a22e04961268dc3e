/* aims-window.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aims-window"

#include "config.h"

#include "aims-frame-pool.h"
#include "aims-section.h"
#include "aims-welcome-view.h"
#include "aims-window-private.h"

#include <glib/gi18n.h>

enum {
  PROP_0,
  PROP_SIDEBAR_VISIBLE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

G_DEFINE_FINAL_TYPE (AimsWindow, aims_window, ADW_TYPE_APPLICATION_WINDOW)

static GtkWidget *
create_sidebar_row (const AimsSection *section)
{
  GtkWidget *row;
  GtkWidget *box;
  GtkWidget *label;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (section->icon_name));
  label = gtk_label_new (_(section->title));
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), label);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_name (row, section->id);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(section->title),
                                  -1);

  return row;
}

static GtkWidget *
create_planned_page (const AimsSection *section)
{
  GtkWidget *page = adw_status_page_new ();

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), section->icon_name);
  adw_status_page_set_title (ADW_STATUS_PAGE (page), _(section->title));
  adw_status_page_set_description (ADW_STATUS_PAGE (page), _(section->planned));

  return page;
}

/* Only the shown section's page is visible: the hidden ones then stay out of
 * the accessibility tree, which screen readers (and the AT-SPI tests) walk
 * whole, and out of size allocation. */
static void
show_only_page (AimsWindow *self,
                const char *section_id)
{
  GtkWidget *page = gtk_stack_get_child_by_name (self->section_stack, section_id);

  g_return_if_fail (page != NULL);

  gtk_widget_set_visible (page, TRUE);
  gtk_stack_set_visible_child (self->section_stack, page);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->section_stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (child != page)
      gtk_widget_set_visible (child, FALSE);
}

static void
build_sections (AimsWindow *self)
{
  const AimsSection *sections;
  guint n_sections;

  sections = aims_section_get_all (&n_sections);
  for (guint i = 0; i < n_sections; i++)
    {
      GtkWidget *page;

      gtk_list_box_append (self->sidebar_list, create_sidebar_row (&sections[i]));

      if (sections[i].planned != NULL)
        page = create_planned_page (&sections[i]);
      else
        page = _aims_window_create_section_page (self, &sections[i]);

      gtk_stack_add_titled (self->section_stack, page, sections[i].id, _(sections[i].title));
      gtk_widget_set_visible (page, i == 0);
    }
}

static void
select_sidebar_row (AimsWindow *self,
                    const char *section_id)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (g_strcmp0 (gtk_widget_get_name (row), section_id) == 0)
        {
          gtk_list_box_select_row (self->sidebar_list, GTK_LIST_BOX_ROW (row));
          return;
        }
    }
}

static void
apply_sidebar_visible (AimsWindow *self)
{
  gboolean folded = adw_leaflet_get_folded (self->leaflet);

  /* Folded, the leaflet shows one pane at a time and the back button leads to
   * the sidebar; hiding it there would strand the person on the content. */
  gtk_widget_set_visible (self->sidebar_box, folded || self->sidebar_visible);
  gtk_widget_set_visible (self->sidebar_separator, folded || self->sidebar_visible);
  gtk_widget_set_visible (GTK_WIDGET (self->sidebar_button), !folded);
}

static void
on_leaflet_folded_cb (AimsWindow *self,
                      GParamSpec *pspec,
                      AdwLeaflet *leaflet)
{
  apply_sidebar_visible (self);
}

static void
on_sidebar_row_selected_cb (AimsWindow    *self,
                            GtkListBoxRow *row,
                            GtkListBox    *list)
{
  if (row != NULL)
    aims_window_show_section (self, gtk_widget_get_name (GTK_WIDGET (row)));
}

static void
on_sidebar_row_activated_cb (AimsWindow    *self,
                             GtkListBoxRow *row,
                             GtkListBox    *list)
{
  aims_window_show_section (self, gtk_widget_get_name (GTK_WIDGET (row)));

  /* Folded, this leads to the section's content. Unfolded, it makes the
   * content the pane the leaflet keeps when it folds: a section that needs
   * more width than the one before (a register's list beside its form) folds
   * a narrow window, which then shows the section chosen, not the sidebar. */
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
}

static void
aims_window_toggle_sidebar_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *param)
{
  AimsWindow *self = AIMS_WINDOW (widget);

  if (adw_leaflet_get_folded (self->leaflet))
    {
      GtkWidget *sidebar_page = self->sidebar_box;

      if (adw_leaflet_get_visible_child (self->leaflet) == sidebar_page)
        adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
      else
        adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
      return;
    }

  g_object_set (self, "sidebar-visible", !self->sidebar_visible, NULL);
}

static void
aims_window_show_sidebar_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *param)
{
  AimsWindow *self = AIMS_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
aims_window_show_section_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *param)
{
  aims_window_show_section (AIMS_WINDOW (widget), g_variant_get_string (param, NULL));
}

static void
aims_window_close_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
save_window_state (AimsWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);

  g_settings_delay (self->settings);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  /* A maximised window's default size is still the restored size */
  if (width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_boolean (self->settings, "sidebar-visible", self->sidebar_visible);
  g_settings_apply (self->settings);
}

static void
restore_window_state (AimsWindow *self)
{
  if (self->settings == NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (self), 1180, 760);
      return;
    }

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  self->sidebar_visible = g_settings_get_boolean (self->settings, "sidebar-visible");
}

static gboolean
aims_window_close_request (GtkWindow *window)
{
  AimsWindow *self = AIMS_WINDOW (window);

  /* The project may hold unsaved changes: it asks first and closes the
   * window itself once the person has decided. */
  if (_aims_window_close_request_project (self))
    return TRUE;

  save_window_state (self);

  return GTK_WINDOW_CLASS (aims_window_parent_class)->close_request (window);
}

/* GtkWindow:application is not a construct property, so this runs from
 * aims_window_new() once it is set. */
static void
attach_settings (AimsWindow      *self,
                 AimsApplication *app)
{
  g_set_object (&self->settings, aims_application_get_settings (app));

  restore_window_state (self);
  apply_sidebar_visible (self);
  gtk_toggle_button_set_active (self->sidebar_button, self->sidebar_visible);
  _aims_window_update_actions (self);
}

static void
aims_window_dispose (GObject *object)
{
  AimsWindow *self = AIMS_WINDOW (object);

  _aims_window_dispose_project (self);
  g_clear_object (&self->settings);

  gtk_widget_dispose_template (GTK_WIDGET (self), AIMS_TYPE_WINDOW);

  G_OBJECT_CLASS (aims_window_parent_class)->dispose (object);
}

static void
aims_window_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  AimsWindow *self = AIMS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SIDEBAR_VISIBLE:
      g_value_set_boolean (value, self->sidebar_visible);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aims_window_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  AimsWindow *self = AIMS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SIDEBAR_VISIBLE:
      if (self->sidebar_visible != g_value_get_boolean (value))
        {
          self->sidebar_visible = g_value_get_boolean (value);
          apply_sidebar_visible (self);
          gtk_toggle_button_set_active (self->sidebar_button, self->sidebar_visible);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aims_window_class_init (AimsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = aims_window_dispose;
  object_class->get_property = aims_window_get_property;
  object_class->set_property = aims_window_set_property;

  window_class->close_request = aims_window_close_request;

  /**
   * AimsWindow:sidebar-visible:
   *
   * Whether the sections sidebar is shown when the window is wide enough to
   * show it beside the content.
   */
  properties [PROP_SIDEBAR_VISIBLE] =
    g_param_spec_boolean ("sidebar-visible", NULL, NULL,
                          TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (AIMS_TYPE_WELCOME_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/aims-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AimsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AimsWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, AimsWindow, welcome_view);
  gtk_widget_class_bind_template_child (widget_class, AimsWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, AimsWindow, sidebar_box);
  gtk_widget_class_bind_template_child (widget_class, AimsWindow, sidebar_separator);
  gtk_widget_class_bind_template_child (widget_class, AimsWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, AimsWindow, project_title);
  gtk_widget_class_bind_template_child (widget_class, AimsWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, AimsWindow, section_stack);
  gtk_widget_class_bind_template_child (widget_class, AimsWindow, sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, AimsWindow, save_button);
  gtk_widget_class_bind_template_child (widget_class, AimsWindow, check_banner);
  gtk_widget_class_bind_template_child (widget_class, AimsWindow, check_spinner);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_selected_cb);

  gtk_widget_class_install_action (widget_class, "win.toggle-sidebar", NULL, aims_window_toggle_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.show-sidebar", NULL, aims_window_show_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.show-section", "s", aims_window_show_section_action);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, aims_window_close_action);

  _aims_window_class_init_project (widget_class);
  _aims_window_class_init_records (widget_class);
  _aims_window_class_init_reviews (widget_class);
}

static void
aims_window_init (AimsWindow *self)
{
  self->sidebar_visible = TRUE;

  gtk_widget_init_template (GTK_WIDGET (self));

  if (DEVELOPMENT_BUILD)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  aims_frame_pool_attach (GTK_WINDOW (self));

  _aims_window_init_project (self);
  build_sections (self);
  aims_window_show_section (self, "overview");
  _aims_window_set_page (self, "welcome");
  _aims_window_update_actions (self);
}

/**
 * aims_window_new:
 * @application: the application
 *
 * Returns: (transfer none): a new window showing the welcome view
 */
AimsWindow *
aims_window_new (AimsApplication *application)
{
  AimsWindow *self;

  g_return_val_if_fail (AIMS_IS_APPLICATION (application), NULL);

  self = g_object_new (AIMS_TYPE_WINDOW,
                       "application", application,
                       NULL);
  attach_settings (self, application);

  return self;
}

/**
 * aims_window_get_visible_section:
 *
 * Returns: (transfer none): the id of the section shown, such as "risks"
 */
const char *
aims_window_get_visible_section (AimsWindow *self)
{
  g_return_val_if_fail (AIMS_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->section_stack);
}

/**
 * aims_window_show_section:
 * @section_id: a section id from aims_section_get_all()
 *
 * Shows a section and selects its sidebar row. Unknown ids are ignored.
 */
void
aims_window_show_section (AimsWindow *self,
                          const char *section_id)
{
  const AimsSection *section;

  g_return_if_fail (AIMS_IS_WINDOW (self));

  if (!(section = aims_section_find (section_id)))
    {
      g_warning ("No section called “%s”", section_id);
      return;
    }

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->section_stack), section->id) == 0 &&
      gtk_list_box_get_selected_row (self->sidebar_list) != NULL)
    return;

  show_only_page (self, section->id);
  adw_window_title_set_title (self->content_title, _(section->title));
  select_sidebar_row (self, section->id);
}

/**
 * aims_window_add_toast:
 * @toast: (transfer full): the toast
 */
void
aims_window_add_toast (AimsWindow *self,
                       AdwToast   *toast)
{
  g_return_if_fail (AIMS_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
_aims_window_set_page (AimsWindow *self,
                       const char *page)
{
  gtk_stack_set_visible_child_name (self->main_stack, page);
}
