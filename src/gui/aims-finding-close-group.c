/* aims-finding-close-group.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The end of a finding's form: where it stands, and "Close Finding". The
 * store refuses to close a finding whose actions are not done and verified;
 * the refusal's message, which lists what is missing, stays under the
 * button until the finding changes. */

#define G_LOG_DOMAIN "aims-finding-close-group"

#include "config.h"

#include "aims-finding-close-group.h"

#include <glib/gi18n.h>

struct _AimsFindingCloseGroup
{
  AdwPreferencesGroup  parent_instance;

  /* Widgets, owned by the group */
  GtkWidget           *row;
  GtkWidget           *close_button;
  GtkLabel            *problem;

  /* Owned references */
  AimsStore           *store;
  GSignalGroup        *store_signals;
  char                *finding;

  guint                read_only : 1;
};

enum {
  PROP_0,
  PROP_READ_ONLY,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

G_DEFINE_FINAL_TYPE (AimsFindingCloseGroup, aims_finding_close_group, ADW_TYPE_PREFERENCES_GROUP)

static void
load (AimsFindingCloseGroup *self)
{
  g_autofree char *status = NULL;
  gboolean closed;

  if (self->store != NULL && self->finding != NULL)
    status = aims_store_dup_text (self->store, "finding", self->finding, "status", NULL);

  closed = g_strcmp0 (status, "closed") == 0;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->row),
                                 closed ? _("This finding is closed.")
                                        : _("This finding is open."));
  gtk_widget_set_visible (self->close_button,
                          !closed && !self->read_only && self->store != NULL &&
                          self->finding != NULL && !aims_store_get_read_only (self->store));
}

static void
on_close_clicked_cb (GtkButton             *button,
                     AimsFindingCloseGroup *self)
{
  g_autoptr(GError) error = NULL;

  if (self->store == NULL || self->finding == NULL)
    return;

  if (!aims_finding_close (self->store, self->finding, &error))
    {
      gtk_label_set_text (self->problem, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->problem), TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->close_button),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, error->message, -1);
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->problem), FALSE);
  load (self);
}

static void
on_store_changed_cb (AimsFindingCloseGroup *self,
                     const char            *table,
                     const char            *uuid,
                     AimsStore             *store)
{
  if (self->finding == NULL)
    return;

  /* What was missing may be there now */
  if (table == NULL || g_strcmp0 (table, "corrective_action") == 0 ||
      (g_strcmp0 (table, "finding") == 0 && (uuid == NULL || g_strcmp0 (uuid, self->finding) == 0)))
    {
      gtk_widget_set_visible (GTK_WIDGET (self->problem), FALSE);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->close_button),
                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      load (self);
    }
}

/* GObject */

static void
aims_finding_close_group_dispose (GObject *object)
{
  AimsFindingCloseGroup *self = AIMS_FINDING_CLOSE_GROUP (object);

  if (self->store_signals != NULL)
    g_signal_group_set_target (self->store_signals, NULL);
  g_clear_object (&self->store_signals);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (aims_finding_close_group_parent_class)->dispose (object);
}

static void
aims_finding_close_group_finalize (GObject *object)
{
  AimsFindingCloseGroup *self = AIMS_FINDING_CLOSE_GROUP (object);

  g_clear_pointer (&self->finding, g_free);

  G_OBJECT_CLASS (aims_finding_close_group_parent_class)->finalize (object);
}

static void
aims_finding_close_group_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  AimsFindingCloseGroup *self = AIMS_FINDING_CLOSE_GROUP (object);

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
aims_finding_close_group_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  AimsFindingCloseGroup *self = AIMS_FINDING_CLOSE_GROUP (object);

  switch (prop_id)
    {
    case PROP_READ_ONLY:
      if (self->read_only != g_value_get_boolean (value))
        {
          self->read_only = g_value_get_boolean (value);
          load (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aims_finding_close_group_class_init (AimsFindingCloseGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = aims_finding_close_group_dispose;
  object_class->finalize = aims_finding_close_group_finalize;
  object_class->get_property = aims_finding_close_group_get_property;
  object_class->set_property = aims_finding_close_group_set_property;

  properties [PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
aims_finding_close_group_init (AimsFindingCloseGroup *self)
{
  GtkWidget *list;

  gtk_widget_set_name (GTK_WIDGET (self), "closure");
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Closure"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         _("A finding closes when its corrective actions are "
                                           "done and verified effective."));

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");

  self->row = adw_action_row_new ();
  self->close_button = gtk_button_new_with_mnemonic (_("_Close Finding"));
  gtk_widget_set_name (self->close_button, "close-finding");
  gtk_widget_set_valign (self->close_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->close_button, "suggested-action");
  g_signal_connect_object (self->close_button, "clicked", G_CALLBACK (on_close_clicked_cb),
                           self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->row), self->close_button);
  gtk_list_box_append (GTK_LIST_BOX (list), self->row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), list);

  /* AdwPreferencesGroup 1.2 puts non-row children after the rows: here,
   * under the button, where the refusal belongs */
  self->problem = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (self->problem), "close-problem");
  gtk_label_set_wrap (self->problem, TRUE);
  gtk_label_set_xalign (self->problem, 0);
  gtk_label_set_selectable (self->problem, TRUE);
  gtk_widget_set_margin_top (GTK_WIDGET (self->problem), 12);
  gtk_widget_add_css_class (GTK_WIDGET (self->problem), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->problem), FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->problem));

  self->store_signals = g_signal_group_new (AIMS_TYPE_STORE);
  g_signal_group_connect_object (self->store_signals, "changed",
                                 G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);

  load (self);
}

/* Public API */

GtkWidget *
aims_finding_close_group_new (void)
{
  return g_object_new (AIMS_TYPE_FINDING_CLOSE_GROUP, NULL);
}

/**
 * aims_finding_close_group_set_finding:
 * @store: (nullable): the store holding the finding
 * @finding: (nullable): the finding to close
 */
void
aims_finding_close_group_set_finding (AimsFindingCloseGroup *self,
                                      AimsStore             *store,
                                      const char            *finding)
{
  g_return_if_fail (AIMS_IS_FINDING_CLOSE_GROUP (self));

  if (store == NULL)
    finding = NULL;

  g_set_object (&self->store, store);
  g_signal_group_set_target (self->store_signals, store);
  g_free (self->finding);
  self->finding = g_strdup (finding);
  gtk_widget_set_visible (GTK_WIDGET (self->problem), FALSE);

  load (self);
}
