/* aims-import-assistant.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The import assistant: rows of a CSV file or of a sheet of an XLSX
 * workbook into one register, in four steps: the file, the columns, the
 * values, and the dry run with Import. The core does the reading, the
 * guessing and the import (aims-csv-reader.c, aims-xlsx-reader.c,
 * aims-import.c), as `aims import` does; this only shows it. */

#define G_LOG_DOMAIN "aims-import-assistant"

#include "config.h"

#include "aims-import-assistant.h"
#include "aims-file-chooser.h"
#include "aims-window.h"

#include <glib/gi18n.h>

#define N_PREVIEW_ROWS 5
#define MAX_VALUE_ROWS 200

static const char * const page_names[] = { "file", "columns", "values", "check" };
#define N_PAGES G_N_ELEMENTS (page_names)

struct _AimsImportAssistant
{
  AdwWindow          parent_instance;

  AimsStore         *store;
  AimsMatrix        *matrix;
  const AimsTableInfo *table;
  char              *register_name;

  AimsSheet         *sheet;
  AimsImportMapping *mapping;
  char              *loaded_path;
  char              *loaded_sheet_name;
  char             **sheet_names;     /* of the XLSX workbook, or NULL */
  guint              page;
  gboolean           filling_sheets;  /* while the sheet row's model changes */

  AdwWindowTitle    *title;
  GtkWidget         *back_button;
  GtkWidget         *next_button;
  GtkWidget         *import_button;
  GtkStack          *stack;

  AdwEntryRow       *path_row;
  AdwComboRow       *sheet_row;
  GtkLabel          *file_error;

  GtkGrid           *preview;
  AdwPreferencesGroup *columns_group;
  GPtrArray         *column_rows;     /* AdwComboRow per column */
  GtkWidget         *match_switch;

  GtkWidget         *values_box;      /* rebuilt on entering the step */

  GtkLabel          *counts_label;
  GtkLabel          *check_error;
  GtkListBox        *rejected_list;
  GtkWidget         *rejected_group;
};

G_DEFINE_FINAL_TYPE (AimsImportAssistant, aims_import_assistant, ADW_TYPE_WINDOW)

/* Helpers */

/* As the core folds headers and texts: case, surrounding spaces, and
 * spaces, hyphens and underscores between words do not count. */
static char *
fold (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autofree char *folded = g_utf8_casefold (stripped, -1);
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = folded; *p != '\0'; p++)
    {
      if (*p == '_' || *p == '-' || *p == ' ' || *p == '\t')
        space = TRUE;
      else
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_c (out, *p);
        }
    }

  return g_string_free (out, FALSE);
}

static gboolean
field_is_importable (const AimsFieldInfo *field)
{
  /* The fields aims_import_mapping_set_field() accepts */
  return !(field->flags & AIMS_FIELD_FLAG_SYSTEM) &&
         field->widget != AIMS_FIELD_WIDGET_HIDDEN &&
         field->widget != AIMS_FIELD_WIDGET_LEVEL &&
         field->kind != AIMS_FIELD_ANY;
}

static AimsMatrixAxis
field_axis (const AimsFieldInfo *field)
{
  return (g_str_equal (field->name, "likelihood") || g_str_has_suffix (field->name, "_likelihood"))
         ? AIMS_MATRIX_LIKELIHOOD : AIMS_MATRIX_IMPACT;
}

static void
clear_children (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    {
      if (GTK_IS_BOX (box))
        gtk_box_remove (GTK_BOX (box), child);
      else if (GTK_IS_GRID (box))
        gtk_grid_remove (GTK_GRID (box), child);
      else if (GTK_IS_LIST_BOX (box))
        gtk_list_box_remove (GTK_LIST_BOX (box), child);
      else
        gtk_widget_unparent (child);
    }
}

static void
set_label (GtkWidget  *widget,
           const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/* A button with a mnemonic in a label of its own: GTK 4.8 names a
 * button made with gtk_button_new_with_mnemonic() "_Next Next" */
static GtkWidget *
new_mnemonic_button (const char *text)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *label = gtk_label_new_with_mnemonic (text);

  gtk_label_set_mnemonic_widget (GTK_LABEL (label), button);
  gtk_button_set_child (GTK_BUTTON (button), label);
  return button;
}

static GtkWidget *
new_page (GtkWidget **content)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();

  *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_widget_set_margin_top (*content, 18);
  gtk_widget_set_margin_bottom (*content, 18);
  gtk_widget_set_margin_start (*content, 12);
  gtk_widget_set_margin_end (*content, 12);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 720);
  adw_clamp_set_child (ADW_CLAMP (clamp), *content);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_widget_set_vexpand (scrolled, TRUE);
  return scrolled;
}

static GtkLabel *
new_wrapping_label (const char *name)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_name (label, name);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  return GTK_LABEL (label);
}

/* Navigation */

static void
update_buttons (AimsImportAssistant *self)
{
  gboolean last = self->page == N_PAGES - 1;
  const char *path = gtk_editable_get_text (GTK_EDITABLE (self->path_row));

  gtk_widget_set_visible (self->back_button, self->page > 0);
  gtk_widget_set_visible (self->next_button, !last);
  gtk_widget_set_visible (self->import_button, last);
  gtk_widget_set_sensitive (self->next_button,
                            self->page > 0 || (path != NULL && *path != '\0'));
}

static void rebuild_values (AimsImportAssistant *self);
static void run_dry_run    (AimsImportAssistant *self);

static void
show_page (AimsImportAssistant *self,
           guint                page)
{
  static const char *subtitles[] = {
    N_("File"), N_("Columns"), N_("Values"), N_("Check and Import"),
  };
  g_autofree char *subtitle = NULL;

  self->page = page;
  if (page == 2)
    rebuild_values (self);
  if (page == 3)
    run_dry_run (self);

  /* Translators: the step of the import assistant, e.g. "Step 2 of 4: Columns" */
  subtitle = g_strdup_printf (_("Step %u of %u: %s"), page + 1, (guint) N_PAGES,
                              _(subtitles[page]));
  adw_window_title_set_subtitle (self->title, subtitle);
  gtk_stack_set_visible_child_name (self->stack, page_names[page]);
  update_buttons (self);
}

/* Step 1: the file */

static void
show_file_error (AimsImportAssistant *self,
                 const char          *message)
{
  gtk_label_set_label (self->file_error, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->file_error), message != NULL);
}

static void rebuild_columns (AimsImportAssistant *self);

static gboolean
is_xlsx (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  return g_str_has_suffix (lower, ".xlsx");
}

static void
fill_sheet_row (AimsImportAssistant *self)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);

  self->filling_sheets = TRUE;
  for (guint i = 0; self->sheet_names != NULL && self->sheet_names[i] != NULL; i++)
    gtk_string_list_append (model, self->sheet_names[i]);
  adw_combo_row_set_model (self->sheet_row, G_LIST_MODEL (model));
  adw_combo_row_set_selected (self->sheet_row, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->sheet_row), self->sheet_names != NULL);
  self->filling_sheets = FALSE;
}

/* Reads the file named in the path row (and the chosen sheet of a
 * workbook); on failure shows the reader's message and keeps nothing. */
static gboolean
load_file (AimsImportAssistant *self)
{
  g_autofree char *path = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->path_row)));
  g_autoptr(AimsSheet) sheet = NULL;
  g_autoptr(AimsImportMapping) mapping = NULL;
  g_autoptr(GError) error = NULL;
  const char *sheet_name = NULL;

  g_strstrip (path);
  if (*path == '\0')
    {
      show_file_error (self, _("Type the path of a CSV or XLSX file, or choose one."));
      return FALSE;
    }

  if (is_xlsx (path))
    {
      if (g_strcmp0 (path, self->loaded_path) != 0 || self->sheet_names == NULL)
        {
          g_auto(GStrv) names = aims_xlsx_list_sheets (path, &error);

          if (names == NULL)
            goto failed;
          g_strfreev (self->sheet_names);
          self->sheet_names = g_steal_pointer (&names);
          fill_sheet_row (self);
        }
      {
        guint selected = adw_combo_row_get_selected (self->sheet_row);

        if (selected != GTK_INVALID_LIST_POSITION && selected < g_strv_length (self->sheet_names))
          sheet_name = self->sheet_names[selected];
      }
      sheet = aims_xlsx_read_file (path, sheet_name, &error);
    }
  else
    {
      g_clear_pointer (&self->sheet_names, g_strfreev);
      fill_sheet_row (self);
      sheet = aims_csv_read_file (path, &error);
    }

  if (sheet == NULL)
    goto failed;

  mapping = aims_import_mapping_guess (self->table->name, sheet, self->matrix, &error);
  if (mapping == NULL)
    goto failed;

  g_set_object (&self->sheet, sheet);
  g_set_object (&self->mapping, mapping);
  g_free (self->loaded_path);
  self->loaded_path = g_steal_pointer (&path);
  g_free (self->loaded_sheet_name);
  self->loaded_sheet_name = g_strdup (sheet_name);
  show_file_error (self, NULL);
  rebuild_columns (self);
  return TRUE;

failed:
  /* Nothing of a file that cannot be read is kept */
  g_clear_object (&self->sheet);
  g_clear_object (&self->mapping);
  g_clear_pointer (&self->loaded_path, g_free);
  g_clear_pointer (&self->loaded_sheet_name, g_free);
  show_file_error (self, error->message);
  return FALSE;
}

static gboolean
loaded_is_current (AimsImportAssistant *self)
{
  g_autofree char *path = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->path_row))));
  const char *sheet_name = NULL;

  if (self->sheet == NULL || g_strcmp0 (path, self->loaded_path) != 0)
    return FALSE;
  if (self->sheet_names != NULL)
    {
      guint selected = adw_combo_row_get_selected (self->sheet_row);

      if (selected < g_strv_length (self->sheet_names))
        sheet_name = self->sheet_names[selected];
    }
  return g_strcmp0 (sheet_name, self->loaded_sheet_name) == 0;
}

static void
on_path_activated_cb (AimsImportAssistant *self)
{
  if (load_file (self))
    show_page (self, 1);
}

static void
on_path_changed_cb (AimsImportAssistant *self)
{
  update_buttons (self);
}

static void
on_sheet_selected_cb (AimsImportAssistant *self)
{
  if (!self->filling_sheets && self->sheet_names != NULL)
    load_file (self);
}

static void
on_file_chosen_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(AimsImportAssistant) self = user_data;
  g_autoptr(GFile) file = aims_file_chooser_finish (result, NULL);
  g_autofree char *path = NULL;

  if (file == NULL || (path = g_file_get_path (file)) == NULL)
    return;
  aims_import_assistant_open_path (self, path);
}

static void
on_choose_clicked_cb (AimsImportAssistant *self)
{
  aims_file_chooser_open_sheet_async (GTK_WINDOW (self), on_file_chosen_cb, g_object_ref (self));
}

/* Step 2: the preview and the columns */

static void
update_preview (AimsImportAssistant *self)
{
  guint n_header = 0;
  const char * const *header;
  guint n_rows;

  clear_children (GTK_WIDGET (self->preview));
  if (self->sheet == NULL)
    return;

  header = aims_sheet_get_row (self->sheet, 0, &n_header);
  n_rows = MIN (aims_sheet_get_n_rows (self->sheet), N_PREVIEW_ROWS + 1);

  for (guint column = 0; column < n_header; column++)
    {
      const char *name = aims_import_mapping_get_field (self->mapping, column);
      const AimsFieldInfo *field = name != NULL ? aims_table_info_lookup_field (self->table, name)
                                                : NULL;
      GtkWidget *label = gtk_label_new (header[column]);
      g_autofree char *target = NULL;

      gtk_widget_add_css_class (label, "heading");
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
      gtk_grid_attach (self->preview, label, (int) column, 0, 1, 1);

      /* Translators: under a column's header in the import preview: the
       * field it fills, or that it is left out */
      target = field != NULL ? g_strdup_printf (_("→ %s"), _(field->label))
                             : g_strdup (_("Not imported"));
      label = gtk_label_new (target);
      gtk_widget_set_name (label, "preview-field");
      gtk_widget_add_css_class (label, field != NULL ? "accent" : "dim-label");
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
      gtk_grid_attach (self->preview, label, (int) column, 1, 1, 1);

      for (guint row = 1; row < n_rows; row++)
        {
          guint n_cells = 0;
          const char * const *cells = aims_sheet_get_row (self->sheet, row, &n_cells);

          label = gtk_label_new (column < n_cells ? cells[column] : "");
          gtk_label_set_xalign (GTK_LABEL (label), 0);
          gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
          gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
          gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
          gtk_grid_attach (self->preview, label, (int) column, (int) row + 1, 1, 1);
        }
    }
}

/* The fields a column can fill, in the order of the combo row after
 * "Do not import" */
static GPtrArray *
list_fields (AimsImportAssistant *self)
{
  GPtrArray *fields = g_ptr_array_new ();

  for (guint i = 0; i < self->table->n_fields; i++)
    if (field_is_importable (&self->table->fields[i]))
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
  g_autoptr(GPtrArray) fields = list_fields (self);
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
}

static void
on_match_changed_cb (AimsImportAssistant *self)
{
  if (self->mapping != NULL)
    aims_import_mapping_set_match_reference (self->mapping,
                                             gtk_switch_get_active (GTK_SWITCH (self->match_switch)));
}

static void
rebuild_columns (AimsImportAssistant *self)
{
  g_autoptr(GPtrArray) fields = list_fields (self);
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
}

/* Step 3: the values */

/* Whether the core reads @text as a value of @field without a mapping */
static gboolean
text_is_known (AimsImportAssistant *self,
               const AimsFieldInfo *field,
               const char          *text)
{
  g_autofree char *key = fold (text);

  if (*key == '\0')
    return TRUE;

  if (field->widget == AIMS_FIELD_WIDGET_SCORE)
    {
      AimsMatrixAxis axis = field_axis (field);
      char *end = NULL;
      guint64 step = g_ascii_strtoull (text, &end, 10);

      if (end != text && *end == '\0' && step <= aims_matrix_get_n_steps (self->matrix, axis))
        return TRUE;
      return aims_matrix_find_step (self->matrix, axis, text) != 0;
    }

  for (guint i = 0; i < field->n_choices; i++)
    {
      g_autofree char *id = fold (field->choice_list[i].id);
      g_autofree char *label = fold (field->choice_list[i].label);
      g_autofree char *translated = fold (_(field->choice_list[i].label));

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
      AimsMatrixAxis axis = field_axis (field);

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

static void
rebuild_values (AimsImportAssistant *self)
{
  g_autoptr(GHashTable) done = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_columns = self->mapping != NULL ? aims_import_mapping_get_n_columns (self->mapping) : 0;
  guint n_rows_shown = 0;

  clear_children (self->values_box);

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

          for (guint r = 1; r < aims_sheet_get_n_rows (self->sheet); r++)
            {
              guint n_cells = 0;
              const char * const *cells = aims_sheet_get_row (self->sheet, r, &n_cells);
              char *key;

              if (other >= n_cells || text_is_known (self, field, cells[other]))
                continue;
              key = fold (cells[other]);
              if (g_hash_table_contains (seen, key) || n_rows_shown >= MAX_VALUE_ROWS)
                {
                  g_free (key);
                  continue;
                }
              g_hash_table_add (seen, key);

              if (group == NULL)
                {
                  g_autofree char *description = NULL;

                  group = adw_preferences_group_new ();
                  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _(field->label));
                  description = field->widget == AIMS_FIELD_WIDGET_SCORE
                    ? g_strdup (_("These texts are not steps of the risk matrix. Choose the step "
                                  "each stands for."))
                    : g_strdup (_("These texts are not choices of the field. Choose the choice "
                                  "each stands for."));
                  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
                  gtk_box_append (GTK_BOX (self->values_box), group);
                }
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

/* Step 4: the dry run and Import */

static void
show_check_error (AimsImportAssistant *self,
                  const char          *message)
{
  gtk_label_set_label (self->check_error, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->check_error), message != NULL);
}

static void
run_dry_run (AimsImportAssistant *self)
{
  g_autoptr(AimsImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *counts = NULL;
  guint n_rejected;

  clear_children (GTK_WIDGET (self->rejected_list));
  gtk_widget_set_sensitive (self->import_button, FALSE);
  gtk_widget_set_visible (self->rejected_group, FALSE);
  gtk_label_set_label (self->counts_label, "");

  if (self->sheet == NULL || self->mapping == NULL)
    return;

  result = aims_import_run (self->store, self->sheet, self->mapping, TRUE, &error);
  if (result == NULL)
    {
      show_check_error (self, error->message);
      return;
    }
  show_check_error (self, NULL);

  n_rejected = aims_import_result_get_n_rejected (result);
  /* Translators: what the import would do, before it is done */
  counts = g_strdup_printf (_("Would add %u, update %u, leave %u unchanged; %u rejected."),
                            aims_import_result_get_n_added (result),
                            aims_import_result_get_n_updated (result),
                            aims_import_result_get_n_unchanged (result), n_rejected);
  gtk_label_set_label (self->counts_label, counts);

  for (guint i = 0; i < n_rejected; i++)
    {
      g_autofree char *row_title = NULL;
      GtkWidget *row = adw_action_row_new ();

      /* Translators: a rejected row of the file, by its number */
      row_title = g_strdup_printf (_("Row %u"), aims_import_result_get_rejected_row (result, i));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), row_title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   aims_import_result_get_rejected_reason (result, i));
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      gtk_widget_set_name (row, "rejected-row");
      gtk_list_box_append (self->rejected_list, row);
    }
  gtk_widget_set_visible (self->rejected_group, n_rejected > 0);
  gtk_widget_set_sensitive (self->import_button,
                            n_rejected == 0 &&
                            aims_import_result_get_n_added (result) +
                            aims_import_result_get_n_updated (result) > 0);
}

static char *
dup_toast_title (guint added,
                 guint updated)
{
  g_autofree char *added_text = NULL;
  g_autofree char *updated_text = NULL;

  added_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u record added",
                                             "%u records added", added), added);
  updated_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u record updated",
                                               "%u records updated", updated), updated);
  if (updated == 0)
    return g_steal_pointer (&added_text);
  if (added == 0)
    return g_steal_pointer (&updated_text);
  /* Translators: "3 records added, 1 record updated" */
  return g_strdup_printf (_("%s, %s"), added_text, updated_text);
}

static void
on_import_clicked_cb (AimsImportAssistant *self)
{
  g_autoptr(AimsImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *parent;

  if (self->sheet == NULL || self->mapping == NULL)
    return;

  result = aims_import_run (self->store, self->sheet, self->mapping, FALSE, &error);
  if (result == NULL)
    {
      show_check_error (self, error->message);
      return;
    }
  if (!aims_import_result_get_applied (result))
    {
      /* Rows rejected after all (the project changed meanwhile): show them */
      run_dry_run (self);
      return;
    }

  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  if (AIMS_IS_WINDOW (parent))
    {
      g_autofree char *title = dup_toast_title (aims_import_result_get_n_added (result),
                                                aims_import_result_get_n_updated (result));
      AdwToast *toast = adw_toast_new (title);

      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      aims_window_add_toast (AIMS_WINDOW (parent), toast);
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_back_clicked_cb (AimsImportAssistant *self)
{
  if (self->page > 0)
    show_page (self, self->page - 1);
}

static void
on_next_clicked_cb (AimsImportAssistant *self)
{
  if (self->page == 0 && !loaded_is_current (self) && !load_file (self))
    return;
  if (self->page + 1 < N_PAGES)
    show_page (self, self->page + 1);
}

/* Construction */

static GtkWidget *
build_file_page (AimsImportAssistant *self)
{
  GtkWidget *content;
  GtkWidget *page = new_page (&content);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *choose = new_mnemonic_button (_("_Choose…"));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("File"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("A CSV file or an XLSX workbook. Row 1 is the header; "
                                           "each other row becomes a record."));

  self->path_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  gtk_widget_set_name (GTK_WIDGET (self->path_row), "path-row");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->path_row), _("Path"));
  g_signal_connect_swapped (self->path_row, "entry-activated", G_CALLBACK (on_path_activated_cb), self);
  g_signal_connect_swapped (self->path_row, "changed", G_CALLBACK (on_path_changed_cb), self);

  gtk_widget_set_name (choose, "choose-button");
  gtk_widget_set_valign (choose, GTK_ALIGN_CENTER);
  /* Its label names it; the tooltip says more */
  gtk_widget_set_tooltip_text (choose, _("Choose a CSV or XLSX file"));
  g_signal_connect_swapped (choose, "clicked", G_CALLBACK (on_choose_clicked_cb), self);
  adw_entry_row_add_suffix (self->path_row, choose);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->path_row));

  self->sheet_row = ADW_COMBO_ROW (adw_combo_row_new ());
  gtk_widget_set_name (GTK_WIDGET (self->sheet_row), "sheet-row");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->sheet_row), _("Sheet"));
  gtk_widget_set_visible (GTK_WIDGET (self->sheet_row), FALSE);
  g_signal_connect_swapped (self->sheet_row, "notify::selected", G_CALLBACK (on_sheet_selected_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->sheet_row));
  gtk_box_append (GTK_BOX (content), group);

  self->file_error = new_wrapping_label ("file-error");
  gtk_widget_add_css_class (GTK_WIDGET (self->file_error), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->file_error), FALSE);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->file_error));
  return page;
}

static GtkWidget *
build_columns_page (AimsImportAssistant *self)
{
  GtkWidget *content;
  GtkWidget *page = new_page (&content);
  GtkWidget *preview_group = adw_preferences_group_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *match_group = adw_preferences_group_new ();
  GtkWidget *match_row = adw_action_row_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (preview_group), _("Preview"));
  self->preview = GTK_GRID (gtk_grid_new ());
  gtk_widget_set_name (GTK_WIDGET (self->preview), "preview-grid");
  gtk_grid_set_column_spacing (self->preview, 18);
  gtk_grid_set_row_spacing (self->preview, 6);
  gtk_widget_set_margin_top (GTK_WIDGET (self->preview), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->preview), 12);
  gtk_widget_set_margin_start (GTK_WIDGET (self->preview), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->preview), 12);
  set_label (GTK_WIDGET (self->preview), _("Preview of the first rows"));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_AUTOMATIC,
                                  GTK_POLICY_NEVER);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->preview));
  gtk_frame_set_child (GTK_FRAME (frame), scrolled);
  gtk_widget_add_css_class (frame, "view");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (preview_group), frame);
  gtk_box_append (GTK_BOX (content), preview_group);

  self->columns_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->columns_group, _("Columns"));
  adw_preferences_group_set_description (self->columns_group,
                                         _("The field each column fills. Columns are matched "
                                           "to fields by their headers."));
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->columns_group));

  self->match_switch = gtk_switch_new ();
  gtk_widget_set_name (self->match_switch, "match-switch");
  gtk_widget_set_valign (self->match_switch, GTK_ALIGN_CENTER);
  set_label (self->match_switch, _("Match rows to existing records by reference"));
  g_signal_connect_swapped (self->match_switch, "notify::active", G_CALLBACK (on_match_changed_cb), self);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (match_row),
                                 _("Match Rows to Existing Records by Reference"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (match_row),
                               _("A row with the reference of a record already in the register "
                                 "updates it; otherwise it is rejected as a duplicate."));
  adw_action_row_add_suffix (ADW_ACTION_ROW (match_row), self->match_switch);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (match_row), self->match_switch);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (match_group), match_row);
  gtk_box_append (GTK_BOX (content), match_group);
  return page;
}

static GtkWidget *
build_values_page (AimsImportAssistant *self)
{
  GtkWidget *content;
  GtkWidget *page = new_page (&content);

  self->values_box = content;
  return page;
}

static GtkWidget *
build_check_page (AimsImportAssistant *self)
{
  GtkWidget *content;
  GtkWidget *page = new_page (&content);
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Dry Run"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Nothing is imported while any row is rejected."));
  gtk_box_append (GTK_BOX (content), group);

  self->counts_label = new_wrapping_label ("counts-label");
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->counts_label));

  self->check_error = new_wrapping_label ("check-error");
  gtk_widget_add_css_class (GTK_WIDGET (self->check_error), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->check_error), FALSE);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->check_error));

  self->rejected_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->rejected_group), _("Rejected Rows"));
  self->rejected_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_set_name (GTK_WIDGET (self->rejected_list), "rejected-list");
  gtk_list_box_set_selection_mode (self->rejected_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->rejected_list), "boxed-list");
  set_label (GTK_WIDGET (self->rejected_list), _("Rejected Rows"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->rejected_group),
                             GTK_WIDGET (self->rejected_list));
  gtk_widget_set_visible (self->rejected_group, FALSE);
  gtk_box_append (GTK_BOX (content), self->rejected_group);
  return page;
}

static void
aims_import_assistant_dispose (GObject *object)
{
  AimsImportAssistant *self = AIMS_IMPORT_ASSISTANT (object);

  g_clear_object (&self->sheet);
  g_clear_object (&self->mapping);
  g_clear_object (&self->matrix);
  g_clear_object (&self->store);
  g_clear_pointer (&self->column_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (aims_import_assistant_parent_class)->dispose (object);
}

static void
aims_import_assistant_finalize (GObject *object)
{
  AimsImportAssistant *self = AIMS_IMPORT_ASSISTANT (object);

  g_free (self->register_name);
  g_free (self->loaded_path);
  g_free (self->loaded_sheet_name);
  g_strfreev (self->sheet_names);

  G_OBJECT_CLASS (aims_import_assistant_parent_class)->finalize (object);
}

static void
aims_import_assistant_class_init (AimsImportAssistantClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aims_import_assistant_dispose;
  object_class->finalize = aims_import_assistant_finalize;

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
aims_import_assistant_init (AimsImportAssistant *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();

  self->column_rows = g_ptr_array_new ();

  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 720, 640);
  gtk_widget_set_size_request (GTK_WIDGET (self), 360, 300);

  self->title = ADW_WINDOW_TITLE (adw_window_title_new (_("Import"), NULL));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->title));

  /* The buttons' labels are their accessible names */
  self->back_button = new_mnemonic_button (_("_Back"));
  gtk_widget_set_name (self->back_button, "back-button");
  g_signal_connect_swapped (self->back_button, "clicked", G_CALLBACK (on_back_clicked_cb), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), self->back_button);

  self->import_button = new_mnemonic_button (_("_Import"));
  gtk_widget_set_name (self->import_button, "import-button");
  gtk_widget_add_css_class (self->import_button, "suggested-action");
  g_signal_connect_swapped (self->import_button, "clicked", G_CALLBACK (on_import_clicked_cb), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->import_button);

  self->next_button = new_mnemonic_button (_("_Next"));
  gtk_widget_set_name (self->next_button, "next-button");
  gtk_widget_add_css_class (self->next_button, "suggested-action");
  g_signal_connect_swapped (self->next_button, "clicked", G_CALLBACK (on_next_clicked_cb), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->next_button);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_name (GTK_WIDGET (self->stack), "stack");
  gtk_stack_set_transition_type (self->stack, GTK_STACK_TRANSITION_TYPE_SLIDE_LEFT_RIGHT);
  gtk_stack_add_named (self->stack, build_file_page (self), "file");
  gtk_stack_add_named (self->stack, build_columns_page (self), "columns");
  gtk_stack_add_named (self->stack, build_values_page (self), "values");
  gtk_stack_add_named (self->stack, build_check_page (self), "check");

  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stack));
  adw_window_set_content (ADW_WINDOW (self), box);
}

/**
 * aims_import_assistant_new:
 * @parent: (nullable): the main window; it shows the toast of the import
 * @store: the project's store
 * @table: the register to import into ("risk")
 *
 * Returns: (transfer floating): the assistant, modal for @parent
 */
GtkWidget *
aims_import_assistant_new (GtkWindow  *parent,
                           AimsStore  *store,
                           const char *table)
{
  AimsImportAssistant *self;
  g_return_val_if_fail (AIMS_IS_STORE (store), NULL);
  g_return_val_if_fail (table != NULL, NULL);

  self = g_object_new (AIMS_TYPE_IMPORT_ASSISTANT, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->matrix = aims_store_dup_matrix (store);
  self->table = aims_schema_lookup_table (table);
  g_return_val_if_fail (self->table != NULL, GTK_WIDGET (self));
  self->register_name = g_strdup (aims_sheet_table_to_register (table));

  gtk_window_set_title (GTK_WINDOW (self), _("Import Rows"));
  adw_window_title_set_title (self->title, _("Import Rows"));
  show_page (self, 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->path_row));
  return GTK_WIDGET (self);
}

/**
 * aims_import_assistant_open_path:
 * @self: the assistant
 * @path: a CSV or XLSX file
 *
 * Reads @path as if it had been chosen, and goes on to the columns if it
 * could be read; if not, the first step shows why.
 */
void
aims_import_assistant_open_path (AimsImportAssistant *self,
                                 const char          *path)
{
  g_return_if_fail (AIMS_IS_IMPORT_ASSISTANT (self));
  g_return_if_fail (path != NULL);

  show_page (self, 0);
  gtk_editable_set_text (GTK_EDITABLE (self->path_row), path);
  if (load_file (self))
    show_page (self, 1);
}
