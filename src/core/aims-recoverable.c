/* aims-recoverable.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aims-recoverable"

#include "config.h"

#include "aims-recoverable-private.h"

/* The unsaved work of a session that ended without closing its project
 * (crash, kill, power cut), as found by aims_document_list_recoverable(). */
struct _AimsRecoverable
{
  GObject    parent_instance;

  char      *working_dir;
  char      *original_path;
  char      *display_name;
  GDateTime *modified;
  guint      n_changes;
};

enum {
  PROP_0,
  PROP_WORKING_DIR,
  PROP_ORIGINAL_PATH,
  PROP_DISPLAY_NAME,
  PROP_MODIFIED,
  PROP_N_CHANGES,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (AimsRecoverable, aims_recoverable, G_TYPE_OBJECT)

static GParamSpec *properties [N_PROPS];

static void
aims_recoverable_finalize (GObject *object)
{
  AimsRecoverable *self = (AimsRecoverable *)object;

  g_clear_pointer (&self->working_dir, g_free);
  g_clear_pointer (&self->original_path, g_free);
  g_clear_pointer (&self->display_name, g_free);
  g_clear_pointer (&self->modified, g_date_time_unref);

  G_OBJECT_CLASS (aims_recoverable_parent_class)->finalize (object);
}

static void
aims_recoverable_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AimsRecoverable *self = AIMS_RECOVERABLE (object);

  switch (prop_id)
    {
    case PROP_WORKING_DIR:
      g_value_set_string (value, self->working_dir);
      break;

    case PROP_ORIGINAL_PATH:
      g_value_set_string (value, self->original_path);
      break;

    case PROP_DISPLAY_NAME:
      g_value_set_string (value, self->display_name);
      break;

    case PROP_MODIFIED:
      g_value_set_boxed (value, self->modified);
      break;

    case PROP_N_CHANGES:
      g_value_set_uint (value, self->n_changes);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aims_recoverable_class_init (AimsRecoverableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = aims_recoverable_finalize;
  object_class->get_property = aims_recoverable_get_property;

  properties [PROP_WORKING_DIR] =
    g_param_spec_string ("working-dir", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties [PROP_ORIGINAL_PATH] =
    g_param_spec_string ("original-path", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties [PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties [PROP_MODIFIED] =
    g_param_spec_boxed ("modified", NULL, NULL, G_TYPE_DATE_TIME,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties [PROP_N_CHANGES] =
    g_param_spec_uint ("n-changes", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
aims_recoverable_init (AimsRecoverable *self)
{
}

AimsRecoverable *
_aims_recoverable_new (const char *working_dir,
                       const char *original_path,
                       const char *display_name,
                       GDateTime  *modified,
                       guint       n_changes)
{
  AimsRecoverable *self = g_object_new (AIMS_TYPE_RECOVERABLE, NULL);

  self->working_dir = g_strdup (working_dir);
  self->original_path = g_strdup (original_path);
  self->display_name = g_strdup (display_name);
  self->modified = g_date_time_ref (modified);
  self->n_changes = n_changes;

  return self;
}

/**
 * aims_recoverable_get_working_dir:
 * @self: a #AimsRecoverable
 *
 * Returns: (transfer none): the working copy's folder, to pass to
 *   aims_document_recover() or aims_document_discard_recoverable()
 */
const char *
aims_recoverable_get_working_dir (AimsRecoverable *self)
{
  g_return_val_if_fail (AIMS_IS_RECOVERABLE (self), NULL);

  return self->working_dir;
}

/**
 * aims_recoverable_get_original_path:
 * @self: a #AimsRecoverable
 *
 * Returns: (transfer none) (nullable): the project file the work belongs to,
 *   or %NULL if it was never saved
 */
const char *
aims_recoverable_get_original_path (AimsRecoverable *self)
{
  g_return_val_if_fail (AIMS_IS_RECOVERABLE (self), NULL);

  return self->original_path;
}

/**
 * aims_recoverable_get_display_name:
 * @self: a #AimsRecoverable
 *
 * Returns: (transfer none): the project's title
 */
const char *
aims_recoverable_get_display_name (AimsRecoverable *self)
{
  g_return_val_if_fail (AIMS_IS_RECOVERABLE (self), NULL);

  return self->display_name;
}

/**
 * aims_recoverable_get_modified:
 * @self: a #AimsRecoverable
 *
 * Returns: (transfer none): when the working copy was last written
 */
GDateTime *
aims_recoverable_get_modified (AimsRecoverable *self)
{
  g_return_val_if_fail (AIMS_IS_RECOVERABLE (self), NULL);

  return self->modified;
}

/**
 * aims_recoverable_get_n_changes:
 * @self: a #AimsRecoverable
 *
 * Returns: how many changes (undo steps) were not saved
 */
guint
aims_recoverable_get_n_changes (AimsRecoverable *self)
{
  g_return_val_if_fail (AIMS_IS_RECOVERABLE (self), 0);

  return self->n_changes;
}
