/* aims-change.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aims-change"

#include "config.h"

#include "aims-change-private.h"

/* One row of the change log, ready to show: values are display strings. */
struct _AimsChange
{
  GObject       parent_instance;

  gint64        id;
  char         *at;
  char         *author;
  char         *table;
  char         *record_uuid;
  AimsChangeOp  op;
  char         *field;
  char         *field_label;
  char         *old_value;
  char         *new_value;
  char         *changeset_label;
  char         *changeset_kind;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_AT,
  PROP_AUTHOR,
  PROP_TABLE,
  PROP_RECORD_UUID,
  PROP_OP,
  PROP_FIELD,
  PROP_FIELD_LABEL,
  PROP_OLD_VALUE,
  PROP_NEW_VALUE,
  PROP_CHANGESET_LABEL,
  PROP_CHANGESET_KIND,
  N_PROPS
};

G_DEFINE_ENUM_TYPE (AimsChangeOp, aims_change_op,
                    G_DEFINE_ENUM_VALUE (AIMS_CHANGE_OP_INSERT, "insert"),
                    G_DEFINE_ENUM_VALUE (AIMS_CHANGE_OP_UPDATE, "update"),
                    G_DEFINE_ENUM_VALUE (AIMS_CHANGE_OP_DELETE, "delete"))

G_DEFINE_FINAL_TYPE (AimsChange, aims_change, G_TYPE_OBJECT)

static GParamSpec *properties [N_PROPS];

static void
aims_change_finalize (GObject *object)
{
  AimsChange *self = (AimsChange *)object;

  g_clear_pointer (&self->at, g_free);
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->table, g_free);
  g_clear_pointer (&self->record_uuid, g_free);
  g_clear_pointer (&self->field, g_free);
  g_clear_pointer (&self->field_label, g_free);
  g_clear_pointer (&self->old_value, g_free);
  g_clear_pointer (&self->new_value, g_free);
  g_clear_pointer (&self->changeset_label, g_free);
  g_clear_pointer (&self->changeset_kind, g_free);

  G_OBJECT_CLASS (aims_change_parent_class)->finalize (object);
}

static void
aims_change_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  AimsChange *self = AIMS_CHANGE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_AT:
      g_value_set_string (value, self->at);
      break;

    case PROP_AUTHOR:
      g_value_set_string (value, self->author);
      break;

    case PROP_TABLE:
      g_value_set_string (value, self->table);
      break;

    case PROP_RECORD_UUID:
      g_value_set_string (value, self->record_uuid);
      break;

    case PROP_OP:
      g_value_set_enum (value, self->op);
      break;

    case PROP_FIELD:
      g_value_set_string (value, self->field);
      break;

    case PROP_FIELD_LABEL:
      g_value_set_string (value, self->field_label);
      break;

    case PROP_OLD_VALUE:
      g_value_set_string (value, self->old_value);
      break;

    case PROP_NEW_VALUE:
      g_value_set_string (value, self->new_value);
      break;

    case PROP_CHANGESET_LABEL:
      g_value_set_string (value, self->changeset_label);
      break;

    case PROP_CHANGESET_KIND:
      g_value_set_string (value, self->changeset_kind);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aims_change_class_init (AimsChangeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = aims_change_finalize;
  object_class->get_property = aims_change_get_property;

  properties [PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties [PROP_AT] =
    g_param_spec_string ("at", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties [PROP_AUTHOR] =
    g_param_spec_string ("author", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties [PROP_TABLE] =
    g_param_spec_string ("table", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties [PROP_RECORD_UUID] =
    g_param_spec_string ("record-uuid", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties [PROP_OP] =
    g_param_spec_enum ("op", NULL, NULL,
                       AIMS_TYPE_CHANGE_OP, AIMS_CHANGE_OP_UPDATE,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties [PROP_FIELD] =
    g_param_spec_string ("field", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties [PROP_FIELD_LABEL] =
    g_param_spec_string ("field-label", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties [PROP_OLD_VALUE] =
    g_param_spec_string ("old-value", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties [PROP_NEW_VALUE] =
    g_param_spec_string ("new-value", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties [PROP_CHANGESET_LABEL] =
    g_param_spec_string ("changeset-label", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties [PROP_CHANGESET_KIND] =
    g_param_spec_string ("changeset-kind", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
aims_change_init (AimsChange *self)
{
}

AimsChange *
_aims_change_new (gint64        id,
                  char         *at,
                  char         *author,
                  char         *table,
                  char         *record_uuid,
                  AimsChangeOp  op,
                  char         *field,
                  char         *field_label,
                  char         *old_value,
                  char         *new_value,
                  char         *changeset_label,
                  char         *changeset_kind)
{
  AimsChange *self = g_object_new (AIMS_TYPE_CHANGE, NULL);

  self->id = id;
  self->at = at;
  self->author = author;
  self->table = table;
  self->record_uuid = record_uuid;
  self->op = op;
  self->field = field;
  self->field_label = field_label;
  self->old_value = old_value;
  self->new_value = new_value;
  self->changeset_label = changeset_label;
  self->changeset_kind = changeset_kind;

  return self;
}

/**
 * aims_change_get_id:
 * @self: a #AimsChange
 *
 * Returns: the position of the change in the log; later changes have larger ids
 */
gint64
aims_change_get_id (AimsChange *self)
{
  g_return_val_if_fail (AIMS_IS_CHANGE (self), 0);

  return self->id;
}

/**
 * aims_change_get_at:
 * @self: a #AimsChange
 *
 * Returns: (transfer none): when the change was made, UTC, ISO 8601
 */
const char *
aims_change_get_at (AimsChange *self)
{
  g_return_val_if_fail (AIMS_IS_CHANGE (self), NULL);

  return self->at;
}

/**
 * aims_change_get_author:
 * @self: a #AimsChange
 *
 * Returns: (transfer none): who made the change
 */
const char *
aims_change_get_author (AimsChange *self)
{
  g_return_val_if_fail (AIMS_IS_CHANGE (self), NULL);

  return self->author;
}

/**
 * aims_change_get_table:
 * @self: a #AimsChange
 *
 * Returns: (transfer none): the table of the changed record
 */
const char *
aims_change_get_table (AimsChange *self)
{
  g_return_val_if_fail (AIMS_IS_CHANGE (self), NULL);

  return self->table;
}

/**
 * aims_change_get_record_uuid:
 * @self: a #AimsChange
 *
 * Returns: (transfer none): the identifier of the changed record
 */
const char *
aims_change_get_record_uuid (AimsChange *self)
{
  g_return_val_if_fail (AIMS_IS_CHANGE (self), NULL);

  return self->record_uuid;
}

/**
 * aims_change_get_op:
 * @self: a #AimsChange
 *
 * Returns: whether the record was created, changed or deleted
 */
AimsChangeOp
aims_change_get_op (AimsChange *self)
{
  g_return_val_if_fail (AIMS_IS_CHANGE (self), AIMS_CHANGE_OP_UPDATE);

  return self->op;
}

/**
 * aims_change_get_field:
 * @self: a #AimsChange
 *
 * Returns: (transfer none) (nullable): the changed column, or %NULL when the
 *   change covers the whole record (a bulk import logs one row per record)
 */
const char *
aims_change_get_field (AimsChange *self)
{
  g_return_val_if_fail (AIMS_IS_CHANGE (self), NULL);

  return self->field;
}

/**
 * aims_change_get_field_label:
 * @self: a #AimsChange
 *
 * Returns: (transfer none): the translated label of the field ("Description"),
 *   or a word for the whole record
 */
const char *
aims_change_get_field_label (AimsChange *self)
{
  g_return_val_if_fail (AIMS_IS_CHANGE (self), NULL);

  return self->field_label;
}

/**
 * aims_change_get_old_value:
 * @self: a #AimsChange
 *
 * Returns: (transfer none) (nullable): the value before, as text; %NULL when
 *   there was none
 */
const char *
aims_change_get_old_value (AimsChange *self)
{
  g_return_val_if_fail (AIMS_IS_CHANGE (self), NULL);

  return self->old_value;
}

/**
 * aims_change_get_new_value:
 * @self: a #AimsChange
 *
 * Returns: (transfer none) (nullable): the value after, as text; %NULL when
 *   there is none
 */
const char *
aims_change_get_new_value (AimsChange *self)
{
  g_return_val_if_fail (AIMS_IS_CHANGE (self), NULL);

  return self->new_value;
}

/**
 * aims_change_get_changeset_label:
 * @self: a #AimsChange
 *
 * Returns: (transfer none): the label of the undo step the change belongs to
 */
const char *
aims_change_get_changeset_label (AimsChange *self)
{
  g_return_val_if_fail (AIMS_IS_CHANGE (self), NULL);

  return self->changeset_label;
}

/**
 * aims_change_get_changeset_kind:
 * @self: a #AimsChange
 *
 * Returns: (transfer none): "edit", "undo", "redo", "import" or "migration"
 */
const char *
aims_change_get_changeset_kind (AimsChange *self)
{
  g_return_val_if_fail (AIMS_IS_CHANGE (self), NULL);

  return self->changeset_kind;
}
