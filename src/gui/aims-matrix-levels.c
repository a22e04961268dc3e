/* aims-matrix-levels.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The risk levels of the matrix being edited, from the lowest to the
 * highest: one expander row each with its name, colour, whether it is within
 * the risk appetite and its review interval; buttons to add a level above
 * the highest and to remove any (2 to 7 levels); and the tolerance, the
 * highest level accepted without treatment.
 *
 * Like the grid, it edits the matrix it is given in place and emits
 * AimsMatrixLevels::changed.
 */

#define G_LOG_DOMAIN "aims-matrix-editor"

#include "config.h"

#include "aims-matrix-levels.h"

#include "aims-matrix-private.h"

#include <glib/gi18n.h>

/* Review intervals a level may have, as the core checks them */
#define MIN_REVIEW_DAYS 1
#define MAX_REVIEW_DAYS 3660

/* The colour and remove buttons sit in the expander's header; the rows
 * inside are made when the level is first expanded */
typedef struct
{
  AdwExpanderRow *expander;
  GtkWidget      *colour_button;
  GtkWidget      *remove_button;
  AdwEntryRow    *name_row;         /* (nullable) until expanded */
  GtkWidget      *appetite_switch;
  GtkWidget      *days_spin;
} LevelRows;

struct _AimsMatrixLevels
{
  AdwPreferencesGroup  parent_instance;

  /* Template widgets */
  GtkWidget           *add_button;

  /* Owned references */
  AimsMatrix          *matrix;
  GArray              *rows;             /* LevelRows, one per level */
  AdwComboRow         *tolerance_row;
  GtkStringList       *tolerance_names;

  guint                updating : 1;     /* widgets are being set from the matrix */
};

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

G_DEFINE_FINAL_TYPE (AimsMatrixLevels, aims_matrix_levels, ADW_TYPE_PREFERENCES_GROUP)

/* Colours offered to a new level, from the GNOME palette, the first not
 * yet used */
static const char * const new_level_colours[] = {
  "#613583", "#1c71d8", "#c64600", "#e5a50a", "#26a269", "#63452c", "#3d3846",
};

static LevelRows *
get_rows (AimsMatrixLevels *self,
          guint             level)
{
  if (level >= self->rows->len)
    return NULL;

  return &g_array_index (self->rows, LevelRows, level);
}

static guint
level_of (gpointer widget)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "level"));
}

static void
emit_changed (AimsMatrixLevels *self)
{
  g_signal_emit (self, signals [CHANGED], 0);
}

static void
update_header (AimsMatrixLevels *self,
               guint             level)
{
  LevelRows *rows = get_rows (self, level);
  g_autofree char *name = _aims_matrix_dup_level_name (self->matrix, level);
  g_autofree char *subtitle = NULL;
  g_autofree char *colour_label = NULL;
  g_autofree char *remove_label = NULL;
  guint days = aims_matrix_get_level_review_days (self->matrix, level);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rows->expander), name);
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%s · reviewed every %u day",
                                           "%s · reviewed every %u days", days),
                              aims_matrix_get_level_within_appetite (self->matrix, level)
                              ? _("Within appetite") : _("Above appetite"),
                              days);
  adw_expander_row_set_subtitle (rows->expander, subtitle);

  /* Translators: the accessible name of a level's colour button */
  colour_label = g_strdup_printf (_("Colour of level %s"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (rows->colour_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, colour_label,
                                  -1);
  gtk_color_button_set_title (GTK_COLOR_BUTTON (rows->colour_button), colour_label);
  remove_label = g_strdup_printf (_("Remove level %s"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (rows->remove_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label,
                                  -1);
  gtk_widget_set_tooltip_text (rows->remove_button, remove_label);
}

/* The tolerance's choices are the levels' names */
static void
update_tolerance (AimsMatrixLevels *self)
{
  guint n_levels = aims_matrix_get_n_levels (self->matrix);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->tolerance_names));
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  guint tolerance = aims_matrix_get_tolerance (self->matrix);
  gboolean same = n_items == n_levels;

  for (guint l = 0; l < n_levels; l++)
    {
      g_ptr_array_add (names, _aims_matrix_dup_level_name (self->matrix, l));
      if (same && g_strcmp0 (gtk_string_list_get_string (self->tolerance_names, l),
                             g_ptr_array_index (names, l)) != 0)
        same = FALSE;
    }
  g_ptr_array_add (names, NULL);

  self->updating = TRUE;
  if (!same)
    gtk_string_list_splice (self->tolerance_names, 0, n_items,
                            (const char * const *) names->pdata);
  if (tolerance < n_levels && adw_combo_row_get_selected (self->tolerance_row) != tolerance)
    adw_combo_row_set_selected (self->tolerance_row, tolerance);
  self->updating = FALSE;
}

static void
update_sensitivity (AimsMatrixLevels *self)
{
  guint n_levels = aims_matrix_get_n_levels (self->matrix);

  gtk_widget_set_sensitive (self->add_button, n_levels < AIMS_MATRIX_MAX_LEVELS);
  for (guint l = 0; l < self->rows->len; l++)
    gtk_widget_set_sensitive (get_rows (self, l)->remove_button, n_levels > AIMS_MATRIX_MIN_LEVELS);
}

/* Sets one level from the matrix into its rows, leaving alone what already
 * shows the value (so typing is not disturbed) */
static void
update_level (AimsMatrixLevels *self,
              guint             level)
{
  LevelRows *rows = get_rows (self, level);
  const char *name = aims_matrix_get_level_name (self->matrix, level);
  const char *colour = aims_matrix_get_level_colour (self->matrix, level);
  GdkRGBA rgba;
  GdkRGBA shown;

  self->updating = TRUE;

  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (rows->colour_button), &shown);
  if (colour != NULL && gdk_rgba_parse (&rgba, colour) && !gdk_rgba_equal (&rgba, &shown))
    gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (rows->colour_button), &rgba);

  if (rows->name_row != NULL)
    {
      if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (rows->name_row)), name) != 0)
        gtk_editable_set_text (GTK_EDITABLE (rows->name_row), name);
      gtk_switch_set_active (GTK_SWITCH (rows->appetite_switch),
                             aims_matrix_get_level_within_appetite (self->matrix, level));
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (rows->days_spin),
                                 aims_matrix_get_level_review_days (self->matrix, level));
    }

  self->updating = FALSE;

  update_header (self, level);
}

/* Changes one thing of a level, keeping the rest */
typedef enum
{
  FIELD_NAME,
  FIELD_COLOUR,
  FIELD_APPETITE,
  FIELD_DAYS,
} Field;

static void
set_field (AimsMatrixLevels *self,
           guint             level,
           Field             field,
           const char       *text,
           guint             number)
{
  g_autofree char *name = g_strdup (aims_matrix_get_level_name (self->matrix, level));
  g_autofree char *colour = g_strdup (aims_matrix_get_level_colour (self->matrix, level));
  gboolean appetite = aims_matrix_get_level_within_appetite (self->matrix, level);
  guint days = aims_matrix_get_level_review_days (self->matrix, level);

  switch (field)
    {
    case FIELD_NAME:
      g_free (name);
      name = g_strdup (text);
      break;
    case FIELD_COLOUR:
      g_free (colour);
      colour = g_strdup (text);
      break;
    case FIELD_APPETITE:
      appetite = number != 0;
      break;
    case FIELD_DAYS:
    default:
      days = number;
      break;
    }

  aims_matrix_set_level (self->matrix, level, name, colour, appetite, days);
  update_header (self, level);
  if (field == FIELD_NAME)
    update_tolerance (self);
  emit_changed (self);
}

static void
on_name_changed_cb (GtkEditable      *editable,
                    AimsMatrixLevels *self)
{
  if (!self->updating)
    set_field (self, level_of (editable), FIELD_NAME, gtk_editable_get_text (editable), 0);
}

static void
on_colour_notify_cb (GtkColorChooser  *chooser,
                     GParamSpec       *pspec,
                     AimsMatrixLevels *self)
{
  g_autofree char *colour = NULL;
  GdkRGBA rgba;

  if (self->updating)
    return;

  gtk_color_chooser_get_rgba (chooser, &rgba);
  colour = g_strdup_printf ("#%02x%02x%02x",
                            (guint) CLAMP (rgba.red * 255 + 0.5, 0, 255),
                            (guint) CLAMP (rgba.green * 255 + 0.5, 0, 255),
                            (guint) CLAMP (rgba.blue * 255 + 0.5, 0, 255));
  set_field (self, level_of (chooser), FIELD_COLOUR, colour, 0);
}

static void
on_appetite_notify_cb (GtkSwitch        *sw,
                       GParamSpec       *pspec,
                       AimsMatrixLevels *self)
{
  if (!self->updating)
    set_field (self, level_of (sw), FIELD_APPETITE, NULL, gtk_switch_get_active (sw));
}

static void
on_days_changed_cb (GtkSpinButton    *spin,
                    AimsMatrixLevels *self)
{
  if (!self->updating)
    set_field (self, level_of (spin), FIELD_DAYS, NULL,
               (guint) gtk_spin_button_get_value_as_int (spin));
}

static void
on_tolerance_notify_cb (AdwComboRow      *row,
                        GParamSpec       *pspec,
                        AimsMatrixLevels *self)
{
  guint selected = adw_combo_row_get_selected (row);

  if (self->updating || selected == GTK_INVALID_LIST_POSITION ||
      selected >= aims_matrix_get_n_levels (self->matrix) ||
      selected == aims_matrix_get_tolerance (self->matrix))
    return;

  aims_matrix_set_tolerance (self->matrix, selected);
  emit_changed (self);
}

static void rebuild           (AimsMatrixLevels *self);
static void ensure_inner_rows (AimsMatrixLevels *self,
                               guint             level);

static void
on_remove_clicked_cb (GtkButton        *button,
                      AimsMatrixLevels *self)
{
  guint level = level_of (button);

  if (level >= aims_matrix_get_n_levels (self->matrix) ||
      aims_matrix_get_n_levels (self->matrix) <= AIMS_MATRIX_MIN_LEVELS)
    return;

  aims_matrix_remove_level (self->matrix, level);
  rebuild (self);
  /* The focus was on the button that is gone */
  gtk_widget_grab_focus (GTK_WIDGET (get_rows (self, level > 0 ? level - 1 : 0)->expander));
  emit_changed (self);
}

static void
on_add_clicked_cb (AimsMatrixLevels *self)
{
  guint n_levels = aims_matrix_get_n_levels (self->matrix);
  const char *colour = new_level_colours[0];
  g_autofree char *name = NULL;
  guint days = 30;
  guint level;
  LevelRows *rows;

  if (n_levels >= AIMS_MATRIX_MAX_LEVELS)
    return;

  for (guint c = 0; c < G_N_ELEMENTS (new_level_colours); c++)
    {
      gboolean used = FALSE;

      for (guint l = 0; l < n_levels; l++)
        used |= g_ascii_strcasecmp (aims_matrix_get_level_colour (self->matrix, l),
                                    new_level_colours[c]) == 0;
      if (!used)
        {
          colour = new_level_colours[c];
          break;
        }
    }

  /* Reviewed at least as often as the highest level so far */
  if (n_levels > 0)
    days = aims_matrix_get_level_review_days (self->matrix, n_levels - 1);

  name = g_strdup_printf (_("Level %u"), n_levels + 1);
  level = aims_matrix_add_level (self->matrix, name, colour, FALSE, days);
  rebuild (self);

  /* Straight to naming it */
  rows = get_rows (self, level);
  adw_expander_row_set_expanded (rows->expander, TRUE);
  ensure_inner_rows (self, level);
  gtk_widget_grab_focus (GTK_WIDGET (rows->name_row));
  emit_changed (self);
}

static GtkWidget *
new_suffix_row (const char *title,
                const char *subtitle,
                GtkWidget  *suffix)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (suffix, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), suffix);
  return row;
}

static void on_expanded_notify_cb (AdwExpanderRow   *expander,
                                   GParamSpec       *pspec,
                                   AimsMatrixLevels *self);

static void
create_level_rows (AimsMatrixLevels *self,
                   guint             level,
                   LevelRows        *rows)
{
  rows->expander = ADW_EXPANDER_ROW (adw_expander_row_new ());
  /* Names are the risk manager's text, not markup */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (rows->expander), FALSE);

  /* Actions are put before the ones already there: the colour ends up
   * first, the remove button next to the arrow */
  rows->remove_button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (rows->remove_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (rows->remove_button, "flat");
  adw_expander_row_add_action (rows->expander, rows->remove_button);

  rows->colour_button = gtk_color_button_new ();
  gtk_color_chooser_set_use_alpha (GTK_COLOR_CHOOSER (rows->colour_button), FALSE);
  gtk_color_button_set_modal (GTK_COLOR_BUTTON (rows->colour_button), TRUE);
  gtk_widget_set_valign (rows->colour_button, GTK_ALIGN_CENTER);
  adw_expander_row_add_action (rows->expander, rows->colour_button);

  g_object_set_data (G_OBJECT (rows->expander), "level", GUINT_TO_POINTER (level));
  g_object_set_data (G_OBJECT (rows->colour_button), "level", GUINT_TO_POINTER (level));
  g_object_set_data (G_OBJECT (rows->remove_button), "level", GUINT_TO_POINTER (level));
  g_signal_connect (rows->colour_button, "notify::rgba", G_CALLBACK (on_colour_notify_cb), self);
  g_signal_connect (rows->remove_button, "clicked", G_CALLBACK (on_remove_clicked_cb), self);
  g_signal_connect (rows->expander, "notify::expanded", G_CALLBACK (on_expanded_notify_cb), self);
}

static void
ensure_inner_rows (AimsMatrixLevels *self,
                   guint             level)
{
  LevelRows *rows = get_rows (self, level);
  GtkWidget *days_box;
  GtkWidget *days_label;
  GtkWidget *row;

  if (rows->name_row != NULL)
    return;

  rows->name_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rows->name_row), _("_Name"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (rows->name_row), TRUE);
  adw_expander_row_add_row (rows->expander, GTK_WIDGET (rows->name_row));

  rows->appetite_switch = gtk_switch_new ();
  row = new_suffix_row (_("_Within Appetite"),
                        _("Risks of this level may be accepted without treatment"),
                        rows->appetite_switch);
  adw_expander_row_add_row (rows->expander, row);

  rows->days_spin = gtk_spin_button_new_with_range (MIN_REVIEW_DAYS, MAX_REVIEW_DAYS, 1);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (rows->days_spin), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (rows->days_spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Review interval in days"),
                                  -1);
  days_label = gtk_label_new (_("days"));
  gtk_widget_add_css_class (days_label, "dim-label");
  days_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (days_box), rows->days_spin);
  gtk_box_append (GTK_BOX (days_box), days_label);
  row = new_suffix_row (_("_Review Interval"),
                        _("How long until a risk of this level is reviewed again"),
                        days_box);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), rows->days_spin);
  adw_expander_row_add_row (rows->expander, row);

  g_object_set_data (G_OBJECT (rows->name_row), "level", GUINT_TO_POINTER (level));
  g_object_set_data (G_OBJECT (rows->appetite_switch), "level", GUINT_TO_POINTER (level));
  g_object_set_data (G_OBJECT (rows->days_spin), "level", GUINT_TO_POINTER (level));

  update_level (self, level);

  g_signal_connect (rows->name_row, "changed", G_CALLBACK (on_name_changed_cb), self);
  g_signal_connect (rows->appetite_switch, "notify::active", G_CALLBACK (on_appetite_notify_cb), self);
  g_signal_connect (rows->days_spin, "value-changed", G_CALLBACK (on_days_changed_cb), self);
}

static void
on_expanded_notify_cb (AdwExpanderRow   *expander,
                       GParamSpec       *pspec,
                       AimsMatrixLevels *self)
{
  if (adw_expander_row_get_expanded (expander))
    ensure_inner_rows (self, level_of (expander));
}

/* Makes the rows again for the matrix's levels */
static void
rebuild (AimsMatrixLevels *self)
{
  guint n_levels = self->matrix ? aims_matrix_get_n_levels (self->matrix) : 0;

  for (guint l = 0; l < self->rows->len; l++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self),
                                  GTK_WIDGET (get_rows (self, l)->expander));
  g_array_set_size (self->rows, 0);
  if (gtk_widget_get_parent (GTK_WIDGET (self->tolerance_row)) != NULL)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->tolerance_row));

  if (self->matrix == NULL)
    return;

  g_array_set_size (self->rows, n_levels);
  for (guint l = 0; l < n_levels; l++)
    {
      LevelRows *rows = get_rows (self, l);

      create_level_rows (self, l, rows);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (rows->expander));
      update_level (self, l);
    }

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->tolerance_row));
  update_tolerance (self);
  update_sensitivity (self);
}

static void
aims_matrix_levels_dispose (GObject *object)
{
  AimsMatrixLevels *self = AIMS_MATRIX_LEVELS (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), AIMS_TYPE_MATRIX_LEVELS);
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_object (&self->tolerance_row);
  g_clear_object (&self->tolerance_names);
  g_clear_object (&self->matrix);

  G_OBJECT_CLASS (aims_matrix_levels_parent_class)->dispose (object);
}

static void
aims_matrix_levels_class_init (AimsMatrixLevelsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aims_matrix_levels_dispose;

  /**
   * AimsMatrixLevels::changed:
   *
   * A level, the number of levels or the tolerance changed.
   */
  signals [CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/aims-matrix-levels.ui");
  gtk_widget_class_bind_template_child (widget_class, AimsMatrixLevels, add_button);
  gtk_widget_class_bind_template_callback (widget_class, on_add_clicked_cb);
}

static void
aims_matrix_levels_init (AimsMatrixLevels *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_array_new (FALSE, TRUE, sizeof (LevelRows));
  self->tolerance_names = gtk_string_list_new (NULL);
  /* Kept while it is taken out and put back after the level rows */
  self->tolerance_row = g_object_ref_sink (ADW_COMBO_ROW (adw_combo_row_new ()));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->tolerance_row), _("_Tolerance"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->tolerance_row), TRUE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->tolerance_row),
                               _("The highest level accepted without treatment"));
  adw_combo_row_set_model (self->tolerance_row, G_LIST_MODEL (self->tolerance_names));
  g_signal_connect (self->tolerance_row, "notify::selected", G_CALLBACK (on_tolerance_notify_cb), self);
}

GtkWidget *
aims_matrix_levels_new (void)
{
  return g_object_new (AIMS_TYPE_MATRIX_LEVELS, NULL);
}

/**
 * aims_matrix_levels_set_matrix:
 * @matrix: (nullable): the matrix to edit, in place
 */
void
aims_matrix_levels_set_matrix (AimsMatrixLevels *self,
                               AimsMatrix       *matrix)
{
  g_return_if_fail (AIMS_IS_MATRIX_LEVELS (self));
  g_return_if_fail (matrix == NULL || AIMS_IS_MATRIX (matrix));

  g_set_object (&self->matrix, matrix);
  rebuild (self);
}

/**
 * aims_matrix_levels_refresh:
 *
 * Catches up with changes made to the matrix elsewhere (a preset loaded).
 */
void
aims_matrix_levels_refresh (AimsMatrixLevels *self)
{
  g_return_if_fail (AIMS_IS_MATRIX_LEVELS (self));

  if (self->matrix == NULL || self->rows->len != aims_matrix_get_n_levels (self->matrix))
    {
      rebuild (self);
      return;
    }

  for (guint l = 0; l < self->rows->len; l++)
    update_level (self, l);
  update_tolerance (self);
  update_sensitivity (self);
}

AdwEntryRow *
aims_matrix_levels_get_name_row (AimsMatrixLevels *self,
                                 guint             level)
{
  g_return_val_if_fail (AIMS_IS_MATRIX_LEVELS (self), NULL);

  if (level >= self->rows->len)
    return NULL;

  /* Made now if the level was never expanded */
  ensure_inner_rows (self, level);
  return get_rows (self, level)->name_row;
}

GtkWidget *
aims_matrix_levels_get_colour_button (AimsMatrixLevels *self,
                                      guint             level)
{
  g_return_val_if_fail (AIMS_IS_MATRIX_LEVELS (self), NULL);

  return level < self->rows->len ? get_rows (self, level)->colour_button : NULL;
}

GtkWidget *
aims_matrix_levels_get_remove_button (AimsMatrixLevels *self,
                                      guint             level)
{
  g_return_val_if_fail (AIMS_IS_MATRIX_LEVELS (self), NULL);

  return level < self->rows->len ? get_rows (self, level)->remove_button : NULL;
}

GtkWidget *
aims_matrix_levels_get_add_button (AimsMatrixLevels *self)
{
  g_return_val_if_fail (AIMS_IS_MATRIX_LEVELS (self), NULL);

  return self->add_button;
}

AdwComboRow *
aims_matrix_levels_get_tolerance_row (AimsMatrixLevels *self)
{
  g_return_val_if_fail (AIMS_IS_MATRIX_LEVELS (self), NULL);

  return self->tolerance_row;
}
