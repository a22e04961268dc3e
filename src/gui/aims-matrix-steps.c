/* aims-matrix-steps.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The steps of one axis of the matrix being edited (likelihood or impact),
 * from the lowest to the highest: one expander row each with the step's
 * label, its description and an optional quantitative range such as "once a
 * year" or "EUR 100k–1M". The number of steps is chosen by the editor; this
 * group follows it on refresh.
 *
 * It edits the matrix it is given in place and emits
 * AimsMatrixSteps::changed.
 */

#define G_LOG_DOMAIN "aims-matrix-editor"

#include "config.h"

#include "aims-matrix-steps.h"

#include "aims-matrix-private.h"

#include <glib/gi18n.h>

/* The entry rows are made when the step is first expanded: a 7 × 7
 * matrix would otherwise open with 42 of them, measured but unseen */
typedef struct
{
  AdwExpanderRow *expander;
  AdwEntryRow    *label_row;        /* (nullable) until expanded */
  AdwEntryRow    *description_row;
  AdwEntryRow    *range_row;
} StepRows;

struct _AimsMatrixSteps
{
  AdwPreferencesGroup  parent_instance;

  /* Owned references */
  AimsMatrix          *matrix;
  GArray              *rows;        /* StepRows, [value - 1] */

  AimsMatrixAxis       axis;
  guint                updating : 1;
};

enum {
  PROP_0,
  PROP_AXIS,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

G_DEFINE_FINAL_TYPE (AimsMatrixSteps, aims_matrix_steps, ADW_TYPE_PREFERENCES_GROUP)

static StepRows *
get_rows (AimsMatrixSteps *self,
          guint            value)
{
  if (value < 1 || value > self->rows->len)
    return NULL;

  return &g_array_index (self->rows, StepRows, value - 1);
}

static void
update_header (AimsMatrixSteps *self,
               guint            value)
{
  StepRows *rows = get_rows (self, value);
  g_autofree char *name = _aims_matrix_dup_step_name (self->matrix, self->axis, value);
  const char *range = aims_matrix_get_step_range (self->matrix, self->axis, value);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rows->expander), name);
  adw_expander_row_set_subtitle (rows->expander, range != NULL ? range : "");
}

static void
set_text (AdwEntryRow *row,
          const char  *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text != NULL ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static void
update_step (AimsMatrixSteps *self,
             guint            value)
{
  StepRows *rows = get_rows (self, value);

  update_header (self, value);
  if (rows->label_row == NULL)
    return;

  self->updating = TRUE;
  set_text (rows->label_row, aims_matrix_get_step_label (self->matrix, self->axis, value));
  set_text (rows->description_row,
            aims_matrix_get_step_description (self->matrix, self->axis, value));
  set_text (rows->range_row, aims_matrix_get_step_range (self->matrix, self->axis, value));
  self->updating = FALSE;
}

static void
on_text_changed_cb (GtkEditable     *editable,
                    AimsMatrixSteps *self)
{
  guint value = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (editable), "value"));
  StepRows *rows = get_rows (self, value);

  if (self->updating || rows == NULL)
    return;

  aims_matrix_set_step (self->matrix, self->axis, value,
                        gtk_editable_get_text (GTK_EDITABLE (rows->label_row)),
                        gtk_editable_get_text (GTK_EDITABLE (rows->description_row)),
                        gtk_editable_get_text (GTK_EDITABLE (rows->range_row)));
  update_header (self, value);
  g_signal_emit (self, signals [CHANGED], 0);
}

static AdwEntryRow *
new_entry_row (AimsMatrixSteps *self,
               AdwExpanderRow  *expander,
               guint            value,
               const char      *title)
{
  AdwEntryRow *row = ADW_ENTRY_ROW (adw_entry_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "value", GUINT_TO_POINTER (value));
  g_signal_connect (row, "changed", G_CALLBACK (on_text_changed_cb), self);
  adw_expander_row_add_row (expander, GTK_WIDGET (row));
  return row;
}

static void
ensure_entry_rows (AimsMatrixSteps *self,
                   guint            value)
{
  StepRows *rows = get_rows (self, value);

  if (rows->label_row != NULL)
    return;

  rows->label_row = new_entry_row (self, rows->expander, value, _("_Label"));
  rows->description_row = new_entry_row (self, rows->expander, value, _("_Description"));
  rows->range_row = new_entry_row (self, rows->expander, value, _("_Range (Optional)"));
  update_step (self, value);
}

static void
on_expanded_notify_cb (AdwExpanderRow  *expander,
                       GParamSpec      *pspec,
                       AimsMatrixSteps *self)
{
  if (adw_expander_row_get_expanded (expander))
    ensure_entry_rows (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (expander), "value")));
}

static void
create_step_rows (AimsMatrixSteps *self,
                  guint            value,
                  StepRows        *rows)
{
  g_autofree char *number = g_strdup_printf ("%u", value);
  GtkWidget *prefix = gtk_label_new (number);

  rows->expander = ADW_EXPANDER_ROW (adw_expander_row_new ());
  /* Labels are the risk manager's text, not markup */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (rows->expander), FALSE);
  gtk_widget_add_css_class (prefix, "numeric");
  gtk_widget_add_css_class (prefix, "dim-label");
  gtk_label_set_width_chars (GTK_LABEL (prefix), 2);
  adw_expander_row_add_prefix (rows->expander, prefix);
  g_object_set_data (G_OBJECT (rows->expander), "value", GUINT_TO_POINTER (value));
  g_signal_connect (rows->expander, "notify::expanded", G_CALLBACK (on_expanded_notify_cb), self);
}

static void
rebuild (AimsMatrixSteps *self)
{
  guint n_steps = self->matrix ? aims_matrix_get_n_steps (self->matrix, self->axis) : 0;

  for (guint v = 1; v <= self->rows->len; v++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self),
                                  GTK_WIDGET (get_rows (self, v)->expander));
  g_array_set_size (self->rows, 0);

  g_array_set_size (self->rows, n_steps);
  for (guint v = 1; v <= n_steps; v++)
    {
      StepRows *rows = get_rows (self, v);

      create_step_rows (self, v, rows);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (rows->expander));
      update_step (self, v);
    }
}

static void
aims_matrix_steps_constructed (GObject *object)
{
  AimsMatrixSteps *self = AIMS_MATRIX_STEPS (object);

  G_OBJECT_CLASS (aims_matrix_steps_parent_class)->constructed (object);

  if (self->axis == AIMS_MATRIX_LIKELIHOOD)
    {
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Likelihood Steps"));
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                             _("How often the harm is expected, from the "
                                               "least to the most likely. A range such as "
                                               "“once a year” helps people score alike."));
    }
  else
    {
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Impact Steps"));
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                             _("How bad the harm would be, from the least to "
                                               "the most severe. A range such as "
                                               "“EUR 100k–1M” helps people score alike."));
    }
}

static void
aims_matrix_steps_dispose (GObject *object)
{
  AimsMatrixSteps *self = AIMS_MATRIX_STEPS (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), AIMS_TYPE_MATRIX_STEPS);
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_object (&self->matrix);

  G_OBJECT_CLASS (aims_matrix_steps_parent_class)->dispose (object);
}

static void
aims_matrix_steps_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AimsMatrixSteps *self = AIMS_MATRIX_STEPS (object);

  switch (prop_id)
    {
    case PROP_AXIS:
      g_value_set_uint (value, self->axis);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aims_matrix_steps_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  AimsMatrixSteps *self = AIMS_MATRIX_STEPS (object);

  switch (prop_id)
    {
    case PROP_AXIS:
      self->axis = g_value_get_uint (value) == AIMS_MATRIX_IMPACT ? AIMS_MATRIX_IMPACT
                                                                 : AIMS_MATRIX_LIKELIHOOD;
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aims_matrix_steps_class_init (AimsMatrixStepsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = aims_matrix_steps_constructed;
  object_class->dispose = aims_matrix_steps_dispose;
  object_class->get_property = aims_matrix_steps_get_property;
  object_class->set_property = aims_matrix_steps_set_property;

  /**
   * AimsMatrixSteps:axis:
   *
   * Which axis: 0 for likelihood, 1 for impact (#AimsMatrixAxis).
   */
  properties [PROP_AXIS] =
    g_param_spec_uint ("axis", NULL, NULL,
                       AIMS_MATRIX_LIKELIHOOD, AIMS_MATRIX_IMPACT, AIMS_MATRIX_LIKELIHOOD,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AimsMatrixSteps::changed:
   *
   * A step's label, description or range changed.
   */
  signals [CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/aims-matrix-steps.ui");
}

static void
aims_matrix_steps_init (AimsMatrixSteps *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_array_new (FALSE, TRUE, sizeof (StepRows));
}

GtkWidget *
aims_matrix_steps_new (AimsMatrixAxis axis)
{
  return g_object_new (AIMS_TYPE_MATRIX_STEPS, "axis", axis, NULL);
}

AimsMatrixAxis
aims_matrix_steps_get_axis (AimsMatrixSteps *self)
{
  g_return_val_if_fail (AIMS_IS_MATRIX_STEPS (self), AIMS_MATRIX_LIKELIHOOD);

  return self->axis;
}

/**
 * aims_matrix_steps_set_matrix:
 * @matrix: (nullable): the matrix to edit, in place
 */
void
aims_matrix_steps_set_matrix (AimsMatrixSteps *self,
                              AimsMatrix      *matrix)
{
  g_return_if_fail (AIMS_IS_MATRIX_STEPS (self));
  g_return_if_fail (matrix == NULL || AIMS_IS_MATRIX (matrix));

  g_set_object (&self->matrix, matrix);
  rebuild (self);
}

/**
 * aims_matrix_steps_refresh:
 *
 * Catches up with changes made to the matrix elsewhere: the number of steps
 * (rows are made again) or their texts (a preset loaded).
 */
void
aims_matrix_steps_refresh (AimsMatrixSteps *self)
{
  g_return_if_fail (AIMS_IS_MATRIX_STEPS (self));

  if (self->matrix == NULL || self->rows->len != aims_matrix_get_n_steps (self->matrix, self->axis))
    {
      rebuild (self);
      return;
    }

  for (guint v = 1; v <= self->rows->len; v++)
    update_step (self, v);
}

/**
 * aims_matrix_steps_get_entry_row:
 * @value: a step, 1 … n
 * @what: "label", "description" or "range"
 *
 * Returns: (transfer none) (nullable): the row that edits it, made now if
 *   the step was never expanded
 */
AdwEntryRow *
aims_matrix_steps_get_entry_row (AimsMatrixSteps *self,
                                 guint            value,
                                 const char      *what)
{
  StepRows *rows;

  g_return_val_if_fail (AIMS_IS_MATRIX_STEPS (self), NULL);

  if ((rows = get_rows (self, value)) == NULL)
    return NULL;

  ensure_entry_rows (self, value);

  if (g_strcmp0 (what, "label") == 0)
    return rows->label_row;
  if (g_strcmp0 (what, "description") == 0)
    return rows->description_row;
  if (g_strcmp0 (what, "range") == 0)
    return rows->range_row;

  return NULL;
}
