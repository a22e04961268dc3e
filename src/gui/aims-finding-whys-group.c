/* aims-finding-whys-group.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A finding's five whys inside its form (ISO/IEC 42001 10.2 b): one entry
 * per why, in order, each applied with Enter or its apply button and
 * removed with its own button; "Add Why" appends an empty one and puts the
 * cursor in it. Each change is one undo step. */

#define G_LOG_DOMAIN "aims-finding-whys-group"

#include "config.h"

#include "aims-finding-whys-group.h"

#include "aims-error-dialog.h"

#include <glib/gi18n.h>

struct _AimsFindingWhysGroup
{
  AdwPreferencesGroup  parent_instance;

  /* Widgets, owned by the group */
  GtkWidget           *add_button;
  GtkListBox          *list;

  /* Owned references */
  AimsStore           *store;
  GSignalGroup        *store_signals;
  char                *finding;
  char               **whys;      /* as shown */

  guint                read_only : 1;
  guint                focus_last : 1;
};

enum {
  PROP_0,
  PROP_READ_ONLY,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

G_DEFINE_FINAL_TYPE (AimsFindingWhysGroup, aims_finding_whys_group, ADW_TYPE_PREFERENCES_GROUP)

static gboolean
is_editable (AimsFindingWhysGroup *self)
{
  return !self->read_only && self->store != NULL && self->finding != NULL &&
         !aims_store_get_read_only (self->store);
}

static void
save (AimsFindingWhysGroup *self,
      GPtrArray            *whys)
{
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (whys, NULL);
  if (!aims_finding_set_whys (self->store, self->finding, (const char * const *) whys->pdata,
                              &error))
    aims_show_error_dialog (GTK_WIDGET (self), _("Could Not Change the Whys"), error);
}

/* The whys as shown, with @index replaced by @text or left out (@text NULL) */
static GPtrArray *
whys_but (AimsFindingWhysGroup *self,
          guint                 index,
          const char           *text)
{
  GPtrArray *whys = g_ptr_array_new ();

  for (guint i = 0; self->whys != NULL && self->whys[i] != NULL; i++)
    {
      if (i != index)
        g_ptr_array_add (whys, self->whys[i]);
      else if (text != NULL)
        g_ptr_array_add (whys, (gpointer) text);
    }

  return whys;
}

static void
on_apply_cb (AdwEntryRow          *entry,
             AimsFindingWhysGroup *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), "index"));
  g_autoptr(GPtrArray) whys = NULL;

  if (!is_editable (self))
    return;

  whys = whys_but (self, index, gtk_editable_get_text (GTK_EDITABLE (entry)));
  save (self, whys);
}

static void
on_remove_clicked_cb (GtkButton            *button,
                      AimsFindingWhysGroup *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index"));
  g_autoptr(GPtrArray) whys = NULL;

  if (!is_editable (self))
    return;

  whys = whys_but (self, index, NULL);
  save (self, whys);
}

static void
on_add_clicked_cb (GtkButton            *button,
                   AimsFindingWhysGroup *self)
{
  g_autoptr(GPtrArray) whys = NULL;

  if (!is_editable (self))
    return;

  whys = whys_but (self, G_MAXUINT, NULL);
  g_ptr_array_add (whys, (gpointer) "");
  self->focus_last = TRUE;
  save (self, whys);
}

static GtkWidget *
create_row (AimsFindingWhysGroup *self,
            guint                 index,
            const char           *text)
{
  g_autofree char *title = NULL;
  g_autofree char *remove_label = NULL;
  GtkWidget *entry = adw_entry_row_new ();
  GtkWidget *button;
  gboolean editable = is_editable (self);

  /* Translators: the title of one of the five whys, "Why 2" */
  title = g_strdup_printf (_("Why %u"), index + 1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), title);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (entry), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  gtk_editable_set_editable (GTK_EDITABLE (entry), editable);
  gtk_widget_set_name (entry, "why");
  g_object_set_data (G_OBJECT (entry), "index", GUINT_TO_POINTER (index));
  g_signal_connect_object (entry, "apply", G_CALLBACK (on_apply_cb), self, 0);
  g_signal_connect_object (entry, "entry-activated", G_CALLBACK (on_apply_cb), self, 0);

  button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_name (button, "remove");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Remove This Why"));
  /* Translators: the accessible name of a button, "Remove why 2" */
  remove_label = g_strdup_printf (_("Remove why %u"), index + 1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  remove_label, -1);
  gtk_widget_set_visible (button, editable);
  g_object_set_data (G_OBJECT (button), "index", GUINT_TO_POINTER (index));
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_remove_clicked_cb), self, 0);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (entry), button);

  return entry;
}

static void
load (AimsFindingWhysGroup *self)
{
  g_auto(GStrv) whys = NULL;
  GtkWidget *child, *last = NULL;

  if (self->store != NULL && self->finding != NULL)
    whys = aims_finding_dup_whys (self->store, self->finding, NULL);

  gtk_widget_set_visible (self->add_button, is_editable (self));

  if (whys != NULL && self->whys != NULL &&
      g_strv_equal ((const char * const *) whys, (const char * const *) self->whys) &&
      !self->focus_last)
    return;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  g_strfreev (self->whys);
  self->whys = g_steal_pointer (&whys);

  for (guint i = 0; self->whys != NULL && self->whys[i] != NULL; i++)
    {
      last = create_row (self, i, self->whys[i]);
      gtk_list_box_append (self->list, last);
    }

  if (self->focus_last && last != NULL)
    gtk_widget_grab_focus (last);
  self->focus_last = FALSE;
}

static void
on_store_changed_cb (AimsFindingWhysGroup *self,
                     const char           *table,
                     const char           *uuid,
                     AimsStore            *store)
{
  if (self->finding != NULL && (table == NULL || g_strcmp0 (table, "finding") == 0) &&
      (uuid == NULL || g_strcmp0 (uuid, self->finding) == 0))
    load (self);
}

/* GObject */

static void
aims_finding_whys_group_dispose (GObject *object)
{
  AimsFindingWhysGroup *self = AIMS_FINDING_WHYS_GROUP (object);

  if (self->store_signals != NULL)
    g_signal_group_set_target (self->store_signals, NULL);
  g_clear_object (&self->store_signals);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (aims_finding_whys_group_parent_class)->dispose (object);
}

static void
aims_finding_whys_group_finalize (GObject *object)
{
  AimsFindingWhysGroup *self = AIMS_FINDING_WHYS_GROUP (object);

  g_clear_pointer (&self->finding, g_free);
  g_clear_pointer (&self->whys, g_strfreev);

  G_OBJECT_CLASS (aims_finding_whys_group_parent_class)->finalize (object);
}

static void
aims_finding_whys_group_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  AimsFindingWhysGroup *self = AIMS_FINDING_WHYS_GROUP (object);

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
aims_finding_whys_group_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  AimsFindingWhysGroup *self = AIMS_FINDING_WHYS_GROUP (object);

  switch (prop_id)
    {
    case PROP_READ_ONLY:
      if (self->read_only != g_value_get_boolean (value))
        {
          self->read_only = g_value_get_boolean (value);
          g_clear_pointer (&self->whys, g_strfreev);
          load (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aims_finding_whys_group_class_init (AimsFindingWhysGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = aims_finding_whys_group_dispose;
  object_class->finalize = aims_finding_whys_group_finalize;
  object_class->get_property = aims_finding_whys_group_get_property;
  object_class->set_property = aims_finding_whys_group_set_property;

  properties [PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
aims_finding_whys_group_init (AimsFindingWhysGroup *self)
{
  GtkWidget *content, *placeholder;

  gtk_widget_set_name (GTK_WIDGET (self), "whys");
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Five Whys"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         _("Ask why it happened, then why that happened, until "
                                           "the root cause shows."));

  content = adw_button_content_new ();
  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("_Add Why"));
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  self->add_button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (self->add_button), content);
  gtk_widget_set_name (self->add_button, "add-why");
  gtk_widget_set_valign (self->add_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->add_button, "flat");
  g_signal_connect_object (self->add_button, "clicked", G_CALLBACK (on_add_clicked_cb), self, 0);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), self->add_button);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_set_name (GTK_WIDGET (self->list), "whys-list");
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Five Whys"), -1);
  placeholder = gtk_label_new (_("No whys yet."));
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_list_box_set_placeholder (self->list, placeholder);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->list));

  self->store_signals = g_signal_group_new (AIMS_TYPE_STORE);
  g_signal_group_connect_object (self->store_signals, "changed",
                                 G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);
}

/* Public API */

GtkWidget *
aims_finding_whys_group_new (void)
{
  return g_object_new (AIMS_TYPE_FINDING_WHYS_GROUP, NULL);
}

/**
 * aims_finding_whys_group_set_finding:
 * @store: (nullable): the store holding the finding
 * @finding: (nullable): the finding whose whys to show
 */
void
aims_finding_whys_group_set_finding (AimsFindingWhysGroup *self,
                                     AimsStore            *store,
                                     const char           *finding)
{
  g_return_if_fail (AIMS_IS_FINDING_WHYS_GROUP (self));

  if (store == NULL)
    finding = NULL;

  g_set_object (&self->store, store);
  g_signal_group_set_target (self->store_signals, store);
  g_free (self->finding);
  self->finding = g_strdup (finding);
  g_clear_pointer (&self->whys, g_strfreev);

  load (self);
}
