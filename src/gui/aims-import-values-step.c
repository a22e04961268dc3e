/* aims-import-values-step.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Step 3 of the import assistant: the texts of the file that are not a
 * step of the risk matrix or a choice of their field ("High", "Very
 * unlikely", "Reduce"), each with a combo row of the step or choice it
 * stands for. The core guesses some; the rest are "Not mapped" and rejected
 * by the dry run until they are mapped. */

#define G_LOG_DOMAIN "aims-import-assistant"

#include "config.h"

#include "aims-import-assistant-private.h"

#include <glib/gi18n.h>

#define MAX_VALUE_ROWS 200

AimsMatrixAxis
_aims_import_field_axis (const AimsFieldInfo *field)
{
  return (g_str_equal (field->name, "likelihood") || g_str_has_suffix (field->name, "_likelihood"))
         ? AIMS_MATRIX_LIKELIHOOD : AIMS_MATRIX_IMPACT;
}

/* Whether the core reads @text as a value of @field without a mapping */
static gboolean
text_is_known (AimsImportAssistant *self,
               const AimsFieldInfo *field,
               const char          *text)
{
  g_autofree char *key = aims_import_fold_text (text);

  if (*key == '\0')
    return TRUE;

  if (field->widget == AIMS_FIELD_WIDGET_SCORE)
    {
      AimsMatrixAxis axis = _aims_import_field_axis (field);
      char *end = NULL;
      guint64 step = g_ascii_strtoull (text, &end, 10);

      if (end != text && *end == '\0' && step <= aims_matrix_get_n_steps (self->matrix, axis))
        return TRUE;
      return aims_matrix_find_step (self->matrix, axis, text) != 0;
    }

  for (guint i = 0; i < field->n_choices; i++)
    {
      g_autofree char *id = aims_import_fold_text (field->choice_list[i].id);
      g_autofree char *label = aims_import_fold_text (field->choice_list[i].label);
      g_autofree char *translated = aims_import_fold_text (_(field->choice_list[i].label));

      if (g_str_equal (key, id) || g_str_equal (key, label) || g_str_equal (key, translated))
        return TRUE;
    }
  return FALSE;
}

typedef struct
{
  const AimsFieldInfo *field;
  char                *text;
  GPtrArray           *values;  /* what each position of the combo row maps to; NULL at 0 */
} ValueRow;

static void
value_row_free (gpointer data)
{
  ValueRow *value = data;

  g_free (value->text);
  g_clear_pointer (&value->values, g_ptr_array_unref);
  g_free (value);
}

static void
on_value_selected_cb (AdwComboRow         *row,
                      GParamSpec          *pspec,
                      AimsImportAssistant *self)
{
  ValueRow *value = g_object_get_data (G_OBJECT (row), "value");
  guint selected = adw_combo_row_get_selected (row);

  if (self->mapping == NULL || selected == GTK_INVALID_LIST_POSITION ||
      selected >= value->values->len)
    return;
  aims_import_mapping_set_value (self->mapping, value->field->name, value->text,
                                 g_ptr_array_index (value->values, selected));
}

static GtkWidget *
new_value_row (AimsImportAssistant *self,
               const AimsFieldInfo *field,
               const char          *text)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  const char *current = aims_import_mapping_lookup_value (self->mapping, field->name, text);
  g_autofree char *widget_name = g_strdup_printf ("value:%s:%s", field->name, text);
  GtkWidget *row = adw_combo_row_new ();
  ValueRow *value = g_new0 (ValueRow, 1);
  guint selected = 0;

  value->field = field;
  value->text = g_strdup (text);
  value->values = g_ptr_array_new_with_free_func (g_free);

  gtk_string_list_append (model, _("Not mapped"));
  g_ptr_array_add (value->values, NULL);

  if (field->widget == AIMS_FIELD_WIDGET_SCORE)
    {
      AimsMatrixAxis axis = _aims_import_field_axis (field);

      for (guint step = 1; step <= aims_matrix_get_n_steps (self->matrix, axis); step++)
        {
          /* Translators: a step of the risk matrix's scale: "4 Likely" */
          g_autofree char *label = g_strdup_printf (_("%u %s"), step,
                                                    aims_matrix_get_step_label (self->matrix, axis, step));
          g_autofree char *number = g_strdup_printf ("%u", step);

          if (g_strcmp0 (current, number) == 0)
            selected = value->values->len;
          gtk_string_list_append (model, label);
          g_ptr_array_add (value->values, g_steal_pointer (&number));
        }
    }
  else
    for (guint i = 0; i < field->n_choices; i++)
      {
        if (*field->choice_list[i].id == '\0')
          continue;
        if (g_strcmp0 (current, field->choice_list[i].id) == 0)
          selected = value->values->len;
        gtk_string_list_append (model, _(field->choice_list[i].label));
        g_ptr_array_add (value->values, g_strdup (field->choice_list[i].id));
      }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  gtk_widget_set_name (row, widget_name);
  g_object_set_data_full (G_OBJECT (row), "value", value, value_row_free);
  g_signal_connect (row, "notify::selected", G_CALLBACK (on_value_selected_cb), self);
  return row;
}

static GtkWidget *
new_group (AimsImportAssistant *self,
           const AimsFieldInfo *field)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _(field->label));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         field->widget == AIMS_FIELD_WIDGET_SCORE
                                         ? _("These texts are not steps of the risk matrix. "
                                             "Choose the step each stands for.")
                                         : _("These texts are not choices of the field. Choose "
                                             "the choice each stands for."));
  gtk_box_append (GTK_BOX (self->values_box), group);
  return group;
}

/* Remakes the step on entering it: the mapping may have changed */
void
_aims_import_values_step_rebuild (AimsImportAssistant *self)
{
  g_autoptr(GHashTable) done = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_columns = self->mapping != NULL ? aims_import_mapping_get_n_columns (self->mapping) : 0;
  guint n_rows_shown = 0;

  _aims_import_clear_children (self->values_box);

  for (guint column = 0; column < n_columns; column++)
    {
      const char *name = aims_import_mapping_get_field (self->mapping, column);
      const AimsFieldInfo *field = name != NULL ? aims_table_info_lookup_field (self->table, name)
                                                : NULL;
      g_autoptr(GHashTable) seen = NULL;
      GtkWidget *group = NULL;

      if (field == NULL || g_hash_table_contains (done, field->name) ||
          (field->widget != AIMS_FIELD_WIDGET_SCORE && field->widget != AIMS_FIELD_WIDGET_CHOICE))
        continue;
      g_hash_table_add (done, (gpointer) field->name);
      seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      /* Every column that fills the field */
      for (guint other = column; other < n_columns; other++)
        {
          if (g_strcmp0 (aims_import_mapping_get_field (self->mapping, other), field->name) != 0)
            continue;

          for (guint r = 1; r < aims_sheet_get_n_rows (self->sheet) && n_rows_shown < MAX_VALUE_ROWS; r++)
            {
              guint n_cells = 0;
              const char * const *cells = aims_sheet_get_row (self->sheet, r, &n_cells);
              char *key;

              if (other >= n_cells)
                continue;
              /* Texts met before, known or not, are not looked at again:
               * a register of 100,000 rows has a few distinct levels */
              key = aims_import_fold_text (cells[other]);
              if (g_hash_table_contains (seen, key))
                {
                  g_free (key);
                  continue;
                }
              g_hash_table_add (seen, key);
              if (text_is_known (self, field, cells[other]))
                continue;

              if (group == NULL)
                group = new_group (self, field);
              adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                         new_value_row (self, field, cells[other]));
              n_rows_shown++;
            }
        }
    }

  if (n_rows_shown == 0)
    {
      GtkWidget *status = adw_status_page_new ();

      gtk_widget_set_name (status, "values-all-known");
      adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "object-select-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (status), _("Every Value Is Known"));
      adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                       _("The levels and choices in the file are those of the "
                                         "project; none needs mapping."));
      gtk_box_append (GTK_BOX (self->values_box), status);
    }
}
