/* aims-import-columns-step.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Step 2 of the import assistant: a preview of the first rows, the field
 * each column fills (guessed from the headers by the core, changed with a
 * combo row per column), and whether rows match existing records by
 * reference. The defaults and prefixes below them are in
 * aims-import-defaults.c. */

#define G_LOG_DOMAIN "aims-import-assistant"

#include "config.h"

#include "aims-import-assistant-private.h"

#include <glib/gi18n.h>

#define N_PREVIEW_ROWS 5

static GtkWidget *
new_cell (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
  return label;
}

static void
update_preview (AimsImportAssistant *self)
{
  guint n_header = 0;
  const char * const *header;
  guint n_rows;

  _aims_import_clear_children (GTK_WIDGET (self->preview));
  if (self->sheet == NULL)
    return;

  header = aims_sheet_get_row (self->sheet, 0, &n_header);
  n_rows = MIN (aims_sheet_get_n_rows (self->sheet), N_PREVIEW_ROWS + 1);

  for (guint column = 0; column < n_header; column++)
    {
      const char *name = aims_import_mapping_get_field (self->mapping, column);
      const AimsFieldInfo *field = name != NULL ? aims_table_info_lookup_field (self->table, name)
                                                : NULL;
      GtkWidget *label = new_cell (header[column]);
      g_autofree char *target = NULL;

      gtk_widget_add_css_class (label, "heading");
      gtk_grid_attach (self->preview, label, (int) column, 0, 1, 1);

      /* Translators: under a column's header in the import preview: the
       * field it fills, or that it is left out */
      target = field != NULL ? g_strdup_printf (_("→ %s"), _(field->label))
                             : g_strdup (_("Not imported"));
      label = new_cell (target);
      gtk_widget_set_name (label, "preview-field");
      gtk_widget_add_css_class (label, field != NULL ? "accent" : "dim-label");
      gtk_grid_attach (self->preview, label, (int) column, 1, 1, 1);

      for (guint row = 1; row < n_rows; row++)
        {
          guint n_cells = 0;
          const char * const *cells = aims_sheet_get_row (self->sheet, row, &n_cells);

          label = new_cell (column < n_cells ? cells[column] : "");
          gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
          gtk_grid_attach (self->preview, label, (int) column, (int) row + 1, 1, 1);
        }
    }
}

/**
 * _aims_import_list_fields:
 * @self: the assistant
 *
 * Returns: (transfer container): the fields a column can fill, in the
 *   order of the column rows' choices after "Do not import"
 */
GPtrArray *
_aims_import_list_fields (AimsImportAssistant *self)
{
  GPtrArray *fields = g_ptr_array_new ();

  for (guint i = 0; i < self->table->n_fields; i++)
    if (aims_import_field_is_importable (&self->table->fields[i]))
      g_ptr_array_add (fields, (gpointer) &self->table->fields[i]);
  return fields;
}

static void
on_column_selected_cb (AdwComboRow         *row,
                       GParamSpec          *pspec,
                       AimsImportAssistant *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "column"));
  guint selected = adw_combo_row_get_selected (row);
  g_autoptr(GPtrArray) fields = _aims_import_list_fields (self);
  g_autoptr(GError) error = NULL;
  const AimsFieldInfo *field = NULL;

  if (self->mapping == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;
  if (selected > 0 && selected - 1 < fields->len)
    field = g_ptr_array_index (fields, selected - 1);

  if (!aims_import_mapping_set_field (self->mapping, column, field != NULL ? field->name : NULL,
                                      &error))
    {
      g_warning ("%s", error->message);
      return;
    }
  update_preview (self);
  _aims_import_defaults_rebuild (self);
}

static void
on_match_changed_cb (AimsImportAssistant *self)
{
  if (self->mapping != NULL)
    aims_import_mapping_set_match_reference (self->mapping,
                                             gtk_switch_get_active (GTK_SWITCH (self->match_switch)));
}

/* Remakes the step for the file just read */
void
_aims_import_columns_step_rebuild (AimsImportAssistant *self)
{
  g_autoptr(GPtrArray) fields = _aims_import_list_fields (self);
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  guint n_columns = aims_import_mapping_get_n_columns (self->mapping);

  for (guint i = 0; i < self->column_rows->len; i++)
    adw_preferences_group_remove (self->columns_group, g_ptr_array_index (self->column_rows, i));
  g_ptr_array_set_size (self->column_rows, 0);

  gtk_string_list_append (model, _("Do not import"));
  for (guint i = 0; i < fields->len; i++)
    gtk_string_list_append (model, _(((const AimsFieldInfo *) g_ptr_array_index (fields, i))->label));

  for (guint column = 0; column < n_columns; column++)
    {
      const char *header = aims_import_mapping_get_header (self->mapping, column);
      const char *name = aims_import_mapping_get_field (self->mapping, column);
      g_autofree char *column_name = aims_sheet_column_name (column);
      g_autofree char *subtitle = NULL;
      g_autofree char *widget_name = g_strdup_printf ("column-%u", column);
      GtkWidget *row = adw_combo_row_new ();
      guint selected = 0;

      for (guint i = 0; name != NULL && i < fields->len; i++)
        if (g_str_equal (((const AimsFieldInfo *) g_ptr_array_index (fields, i))->name, name))
          selected = i + 1;

      /* Translators: a column of the file, by its letter: "Column C" */
      subtitle = g_strdup_printf (_("Column %s"), column_name);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), *header != '\0' ? header : subtitle);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
      gtk_widget_set_name (row, widget_name);
      g_object_set_data (G_OBJECT (row), "column", GUINT_TO_POINTER (column));
      g_signal_connect (row, "notify::selected", G_CALLBACK (on_column_selected_cb), self);
      adw_preferences_group_add (self->columns_group, row);
      g_ptr_array_add (self->column_rows, row);
    }

  g_signal_handlers_block_by_func (self->match_switch, on_match_changed_cb, self);
  gtk_switch_set_active (GTK_SWITCH (self->match_switch),
                         aims_import_mapping_get_match_reference (self->mapping));
  g_signal_handlers_unblock_by_func (self->match_switch, on_match_changed_cb, self);

  update_preview (self);
  _aims_import_defaults_rebuild (self);
}

void
_aims_import_columns_step_init (AimsImportAssistant *self)
{
  g_signal_connect_swapped (self->match_switch, "notify::active", G_CALLBACK (on_match_changed_cb), self);
}
