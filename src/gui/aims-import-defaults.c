/* aims-import-defaults.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The "New Records" group of the import assistant's columns step: what the
 * mapping file's "defaults" and "prefix" say (docs/import-mapping.md), set
 * in the window.
 *
 * - A row per required field no column fills, giving new records a value
 *   for it: a combo row of the matrix's steps or of the field's choices, an
 *   entry row for a text (checked as the core checks it: no longer than
 *   the field holds). The reference is left out: the project numbers new
 *   records itself.
 * - "Reference Prefix", shown when a column fills the reference: text put
 *   before every reference of the file ("XL-" before "17").
 * - "Save Mapping…": the mapping as the JSON file `aims import --map`
 *   reads, so the same import can be repeated from the command line. */

#define G_LOG_DOMAIN "aims-import-assistant"

#include "config.h"

#include "aims-import-assistant-private.h"
#include "aims-file-chooser.h"

#include <glib/gi18n.h>
#include <string.h>

static gboolean
column_fills (AimsImportAssistant *self,
              const char          *field)
{
  guint n_columns = aims_import_mapping_get_n_columns (self->mapping);

  for (guint column = 0; column < n_columns; column++)
    if (g_strcmp0 (aims_import_mapping_get_field (self->mapping, column), field) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
offers_default (AimsImportAssistant *self,
                const AimsFieldInfo *field)
{
  if (!field->required || !aims_import_field_is_importable (field) ||
      g_str_equal (field->name, "reference"))
    return FALSE;
  return field->widget == AIMS_FIELD_WIDGET_SCORE ||
         (field->widget == AIMS_FIELD_WIDGET_CHOICE && field->n_choices > 0) ||
         field->widget == AIMS_FIELD_WIDGET_ENTRY ||
         field->widget == AIMS_FIELD_WIDGET_TEXT_AREA;
}

/* Combo rows: what each position stands for, NULL at 0 ("No default") */
static void
on_default_selected_cb (AdwComboRow         *row,
                        GParamSpec          *pspec,
                        AimsImportAssistant *self)
{
  const AimsFieldInfo *field = g_object_get_data (G_OBJECT (row), "field");
  GPtrArray *values = g_object_get_data (G_OBJECT (row), "values");
  guint selected = adw_combo_row_get_selected (row);

  if (self->mapping == NULL || selected == GTK_INVALID_LIST_POSITION || selected >= values->len)
    return;
  aims_import_mapping_set_default (self->mapping, field->name, g_ptr_array_index (values, selected));
}

static GtkWidget *
new_combo_row (AimsImportAssistant *self,
               const AimsFieldInfo *field)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  GPtrArray *values = g_ptr_array_new_with_free_func (g_free);
  const char *current = aims_import_mapping_get_default (self->mapping, field->name);
  GtkWidget *row = adw_combo_row_new ();
  guint selected = 0;

  /* Translators: the first choice of a default value for a field no
   * column of the imported file fills */
  gtk_string_list_append (model, _("No Default"));
  g_ptr_array_add (values, NULL);

  if (field->widget == AIMS_FIELD_WIDGET_SCORE)
    {
      AimsMatrixAxis axis = _aims_import_field_axis (field);

      for (guint step = 1; step <= aims_matrix_get_n_steps (self->matrix, axis); step++)
        {
          g_autofree char *label = g_strdup_printf (_("%u %s"), step,
                                                    aims_matrix_get_step_label (self->matrix, axis, step));
          g_autofree char *number = g_strdup_printf ("%u", step);

          if (g_strcmp0 (current, number) == 0)
            selected = values->len;
          gtk_string_list_append (model, label);
          g_ptr_array_add (values, g_steal_pointer (&number));
        }
    }
  else
    for (guint i = 0; i < field->n_choices; i++)
      {
        if (*field->choice_list[i].id == '\0')
          continue;
        if (g_strcmp0 (current, field->choice_list[i].id) == 0)
          selected = values->len;
        gtk_string_list_append (model, _(field->choice_list[i].label));
        g_ptr_array_add (values, g_strdup (field->choice_list[i].id));
      }

  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  g_object_set_data_full (G_OBJECT (row), "values", values, (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect (row, "notify::selected", G_CALLBACK (on_default_selected_cb), self);
  return row;
}

/* Why @text cannot be @field's default, as the core would reject it, or NULL */
static char *
dup_text_problem (const AimsFieldInfo *field,
                  const char          *text)
{
  if (field->max_bytes > 0 && strlen (text) > field->max_bytes)
    return g_strdup_printf (_("The default of “%s” is %zu bytes long; the field holds at most "
                              "%zu bytes."),
                            _(field->label), strlen (text), field->max_bytes);
  return NULL;
}

static void
on_default_changed_cb (AdwEntryRow         *row,
                       AimsImportAssistant *self)
{
  const AimsFieldInfo *field = g_object_get_data (G_OBJECT (row), "field");
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autofree char *problem = NULL;

  if (self->mapping == NULL)
    return;

  problem = dup_text_problem (field, text);
  if (problem != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  /* A default the core would reject is not kept; Next says why */
  aims_import_mapping_set_default (self->mapping, field->name,
                                   *text != '\0' && problem == NULL ? text : NULL);
  if (problem == NULL)
    gtk_widget_set_visible (GTK_WIDGET (self->defaults_error), FALSE);
}

static GtkWidget *
new_entry_row (AimsImportAssistant *self,
               const AimsFieldInfo *field)
{
  const char *current = aims_import_mapping_get_default (self->mapping, field->name);
  GtkWidget *row = adw_entry_row_new ();

  gtk_editable_set_text (GTK_EDITABLE (row), current != NULL ? current : "");
  g_signal_connect (row, "changed", G_CALLBACK (on_default_changed_cb), self);
  return row;
}

/* Remakes the rows for the mapping as it is now */
void
_aims_import_defaults_rebuild (AimsImportAssistant *self)
{
  const AimsFieldInfo *reference;
  const char *prefix;
  gboolean prefixable;

  for (guint i = 0; i < self->default_rows->len; i++)
    adw_preferences_group_remove (self->defaults_group, g_ptr_array_index (self->default_rows, i));
  g_ptr_array_set_size (self->default_rows, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->defaults_error), FALSE);
  if (self->mapping == NULL)
    return;

  for (guint i = 0; i < self->table->n_fields; i++)
    {
      const AimsFieldInfo *field = &self->table->fields[i];
      g_autofree char *widget_name = NULL;
      g_autofree char *title = NULL;
      GtkWidget *row;

      if (!offers_default (self, field))
        continue;
      if (column_fills (self, field->name))
        {
          /* The column's text wins; a default left over would only
           * confuse the saved mapping */
          aims_import_mapping_set_default (self->mapping, field->name, NULL);
          continue;
        }

      row = field->widget == AIMS_FIELD_WIDGET_SCORE || field->widget == AIMS_FIELD_WIDGET_CHOICE
            ? new_combo_row (self, field) : new_entry_row (self, field);
      widget_name = g_strdup_printf ("default:%s", field->name);
      /* Translators: a row giving imported records a value for a field no
       * column fills: "Default Inherent likelihood" */
      title = g_strdup_printf (_("Default %s"), _(field->label));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_widget_set_name (row, widget_name);
      g_object_set_data (G_OBJECT (row), "field", (gpointer) field);
      adw_preferences_group_add (self->defaults_group, row);
      g_ptr_array_add (self->default_rows, row);
    }

  /* The prefix row, for the reference a column gives */
  reference = aims_table_info_lookup_field (self->table, "reference");
  prefixable = reference != NULL && column_fills (self, "reference");
  prefix = prefixable ? aims_import_mapping_get_prefix (self->mapping, "reference") : NULL;
  gtk_widget_set_visible (GTK_WIDGET (self->prefix_row), prefixable);
  if (!prefixable)
    aims_import_mapping_set_prefix (self->mapping, "reference", NULL);
  if (g_strcmp0 (prefix != NULL ? prefix : "", gtk_editable_get_text (GTK_EDITABLE (self->prefix_row))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->prefix_row), prefix != NULL ? prefix : "");
}

static void
on_prefix_changed_cb (AimsImportAssistant *self)
{
  if (self->mapping != NULL && gtk_widget_get_visible (GTK_WIDGET (self->prefix_row)))
    aims_import_mapping_set_prefix (self->mapping, "reference",
                                    gtk_editable_get_text (GTK_EDITABLE (self->prefix_row)));
}

/**
 * _aims_import_defaults_check:
 * @self: the assistant
 *
 * Before leaving the columns: a default the core would reject is shown
 * with why, and its row focused.
 *
 * Returns: whether every default can be used
 */
gboolean
_aims_import_defaults_check (AimsImportAssistant *self)
{
  for (guint i = 0; i < self->default_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->default_rows, i);
      const AimsFieldInfo *field = g_object_get_data (G_OBJECT (row), "field");
      g_autofree char *problem = NULL;

      if (!ADW_IS_ENTRY_ROW (row))
        continue;
      problem = dup_text_problem (field, gtk_editable_get_text (GTK_EDITABLE (row)));
      if (problem != NULL)
        {
          gtk_label_set_label (self->defaults_error, problem);
          gtk_widget_set_visible (GTK_WIDGET (self->defaults_error), TRUE);
          gtk_widget_grab_focus (row);
          return FALSE;
        }
    }
  gtk_widget_set_visible (GTK_WIDGET (self->defaults_error), FALSE);
  return TRUE;
}

/* Save Mapping… */

static void
on_mapping_written_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(AimsImportAssistant) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  name = g_file_get_basename (G_FILE (object));
  if (!g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    {
      g_autofree char *message = NULL;

      /* Translators: the file, and why it could not be written */
      message = g_strdup_printf (_("Could not save the mapping as “%s”: %s"), name, error->message);
      gtk_label_set_label (self->defaults_error, message);
      gtk_widget_set_visible (GTK_WIDGET (self->defaults_error), TRUE);
      return;
    }

  /* Translators: a toast after the import mapping was saved */
  title = g_strdup_printf (_("Mapping saved as “%s”"), name);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

static void
on_mapping_file_chosen_cb (GObject      *object,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  g_autoptr(AimsImportAssistant) self = user_data;
  g_autoptr(GFile) file = aims_file_chooser_finish (result, NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *json = NULL;
  gsize length;

  if (file == NULL || self->mapping == NULL)
    return;

  json = aims_import_mapping_to_json (self->mapping);
  length = strlen (json);
  bytes = g_bytes_new_take (g_steal_pointer (&json), length);
  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                       NULL, on_mapping_written_cb, g_object_ref (self));
}

static void
on_save_mapping_clicked_cb (AimsImportAssistant *self)
{
  g_autofree char *base = NULL;
  g_autofree char *suggested = NULL;
  g_autofree char *dirname = NULL;
  g_autoptr(GFile) folder = NULL;
  char *dot;

  if (self->mapping == NULL)
    return;

  /* Beside the file imported, named after it: "risks.mapping.json" */
  if (self->loaded_path != NULL)
    {
      dirname = g_path_get_dirname (self->loaded_path);
      folder = g_file_new_for_path (dirname);
    }

  base = self->loaded_path != NULL ? g_path_get_basename (self->loaded_path)
                                   : g_strdup (self->register_name);
  if ((dot = strrchr (base, '.')) != NULL && dot != base)
    *dot = '\0';
  suggested = g_strconcat (base, ".mapping.json", NULL);
  aims_file_chooser_save_mapping_async (GTK_WINDOW (self), folder, suggested,
                                        on_mapping_file_chosen_cb, g_object_ref (self));
}

void
_aims_import_defaults_init (AimsImportAssistant *self)
{
  g_signal_connect_swapped (self->prefix_row, "changed", G_CALLBACK (on_prefix_changed_cb), self);
  g_signal_connect_swapped (self->save_mapping_button, "clicked",
                            G_CALLBACK (on_save_mapping_clicked_cb), self);
}
