/* aims-import-file-step.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Step 1 of the import assistant: the file, and the sheet of a workbook.
 *
 * A register of 100,000 rows takes seconds to read, so the file is read,
 * and its mapping guessed, in a GTask worker while the window shows the
 * busy page and stays responsive. The worker touches no widget and shares
 * nothing with the main thread: it gets copies of the path, the sheet's
 * name and the matrix, and hands back a new sheet and mapping. Choosing
 * another file, Cancel, or closing the assistant cancels it; what a
 * cancelled worker finds is dropped. */

#define G_LOG_DOMAIN "aims-import-assistant"

#include "config.h"

#include "aims-import-assistant-private.h"
#include "aims-file-chooser.h"

#include <glib/gi18n.h>

/* The worker */

typedef struct
{
  /* In: copies owned by the worker */
  char        *path;
  char        *sheet_name;    /* the sheet asked for, or NULL for the first */
  gboolean     xlsx;
  gboolean     list_sheets;   /* the workbook's sheets are not known yet */
  const char  *table;         /* static schema string */
  AimsMatrix  *matrix;        /* a copy of the project's */

  /* Out */
  char       **sheet_names;
  AimsSheet   *sheet;
  AimsImportMapping *mapping;
} Load;

static void
load_free (gpointer data)
{
  Load *load = data;

  g_free (load->path);
  g_free (load->sheet_name);
  g_clear_object (&load->matrix);
  g_strfreev (load->sheet_names);
  g_clear_object (&load->sheet);
  g_clear_object (&load->mapping);
  g_free (load);
}

static void
load_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Load *load = task_data;
  g_autoptr(GError) error = NULL;

  if (load->xlsx)
    {
      if (load->list_sheets)
        {
          load->sheet_names = aims_xlsx_list_sheets (load->path, &error);
          if (load->sheet_names == NULL)
            {
              g_task_return_error (task, g_steal_pointer (&error));
              return;
            }
          g_free (load->sheet_name);
          load->sheet_name = g_strdup (load->sheet_names[0]);
        }
      if (g_task_return_error_if_cancelled (task))
        return;
      load->sheet = aims_xlsx_read_file (load->path, load->sheet_name, &error);
    }
  else
    load->sheet = aims_csv_read_file (load->path, &error);

  if (load->sheet == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    return;

  load->mapping = aims_import_mapping_guess (load->table, load->sheet, load->matrix, &error);
  if (load->mapping == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

/* The main thread */

static void
show_file_error (AimsImportAssistant *self,
                 const char          *message)
{
  gtk_label_set_label (self->file_error, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->file_error), message != NULL);
}

static gboolean
is_xlsx (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  return g_str_has_suffix (lower, ".xlsx");
}

static void
fill_sheet_row (AimsImportAssistant *self,
                const char          *selected_name)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  guint selected = 0;

  self->filling_sheets = TRUE;
  for (guint i = 0; self->sheet_names != NULL && self->sheet_names[i] != NULL; i++)
    {
      gtk_string_list_append (model, self->sheet_names[i]);
      if (g_strcmp0 (self->sheet_names[i], selected_name) == 0)
        selected = i;
    }
  adw_combo_row_set_model (self->sheet_row, G_LIST_MODEL (model));
  adw_combo_row_set_selected (self->sheet_row, selected);
  gtk_widget_set_visible (GTK_WIDGET (self->sheet_row), self->sheet_names != NULL);
  self->filling_sheets = FALSE;
}

static char *
dup_path (AimsImportAssistant *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->path_row))));
}

static const char *
selected_sheet_name (AimsImportAssistant *self)
{
  guint selected = adw_combo_row_get_selected (self->sheet_row);

  if (self->sheet_names == NULL || selected == GTK_INVALID_LIST_POSITION ||
      selected >= g_strv_length (self->sheet_names))
    return NULL;
  return self->sheet_names[selected];
}

/* Nothing of a file that cannot be read is kept */
static void
forget_file (AimsImportAssistant *self)
{
  g_clear_object (&self->sheet);
  g_clear_object (&self->mapping);
  g_clear_pointer (&self->loaded_path, g_free);
  g_clear_pointer (&self->loaded_sheet_name, g_free);
}

typedef struct
{
  GWeakRef  assistant;
  gboolean  then_columns;
} LoadCall;

static void
load_call_free (LoadCall *call)
{
  g_weak_ref_clear (&call->assistant);
  g_free (call);
}

static void
on_loaded_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  LoadCall *call = user_data;
  g_autoptr(AimsImportAssistant) self = g_weak_ref_get (&call->assistant);
  gboolean then_columns = call->then_columns;
  GTask *task = G_TASK (result);
  Load *load = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  load_call_free (call);
  ok = g_task_propagate_boolean (task, &error);

  /* Closed, or another file chosen meanwhile: not ours to show */
  if (self == NULL || g_task_get_cancellable (task) != self->loading)
    return;
  g_clear_object (&self->loading);

  if (load->sheet_names != NULL)
    {
      g_strfreev (self->sheet_names);
      self->sheet_names = g_steal_pointer (&load->sheet_names);
      fill_sheet_row (self, load->sheet_name);
    }
  else if (!load->xlsx)
    {
      g_clear_pointer (&self->sheet_names, g_strfreev);
      fill_sheet_row (self, NULL);
    }

  if (!ok)
    {
      forget_file (self);
      show_file_error (self, error->message);
      _aims_import_assistant_show_page (self, AIMS_IMPORT_PAGE_FILE);
      gtk_widget_grab_focus (GTK_WIDGET (self->path_row));
      return;
    }

  g_set_object (&self->sheet, load->sheet);
  g_set_object (&self->mapping, load->mapping);
  g_free (self->loaded_path);
  self->loaded_path = g_steal_pointer (&load->path);
  g_free (self->loaded_sheet_name);
  self->loaded_sheet_name = g_steal_pointer (&load->sheet_name);
  show_file_error (self, NULL);
  _aims_import_columns_step_rebuild (self);
  _aims_import_assistant_show_page (self, then_columns ? AIMS_IMPORT_PAGE_COLUMNS
                                                       : AIMS_IMPORT_PAGE_FILE);
}

/**
 * _aims_import_file_step_load:
 * @self: the assistant
 * @then_columns: go on to the columns when the file is read
 *
 * Reads the file named in the path row (and the chosen sheet of a
 * workbook) in a worker, showing the busy page meanwhile; a file being
 * read is forgotten. On failure the first step shows the reader's message
 * and nothing of the file is kept.
 */
void
_aims_import_file_step_load (AimsImportAssistant *self,
                             gboolean             then_columns)
{
  g_autofree char *path = dup_path (self);
  g_autofree char *basename = NULL;
  g_autoptr(GTask) task = NULL;
  LoadCall *call;
  Load *load;

  _aims_import_file_step_cancel (self);

  if (*path == '\0')
    {
      show_file_error (self, _("Type the path of a CSV or XLSX file, or choose one."));
      return;
    }

  load = g_new0 (Load, 1);
  load->xlsx = is_xlsx (path);
  load->list_sheets = load->xlsx && (g_strcmp0 (path, self->loaded_path) != 0 ||
                                     self->sheet_names == NULL);
  load->sheet_name = load->list_sheets ? NULL : g_strdup (selected_sheet_name (self));
  load->table = self->table->name;
  load->matrix = aims_store_dup_matrix (self->store);
  load->path = g_steal_pointer (&path);

  call = g_new0 (LoadCall, 1);
  g_weak_ref_init (&call->assistant, self);
  call->then_columns = then_columns;

  self->loading = g_cancellable_new ();
  task = g_task_new (NULL, self->loading, on_loaded_cb, call);
  g_task_set_source_tag (task, _aims_import_file_step_load);
  g_task_set_name (task, "[aims] read import file");
  g_task_set_task_data (task, load, load_free);
  /* Cancel answers at once; the reader finishes on its own and is dropped */
  g_task_set_return_on_cancel (task, TRUE);

  basename = g_path_get_basename (load->path);
  _aims_import_assistant_show_busy (self, _("Reading File…"), basename);
  g_task_run_in_thread (task, load_in_thread);
}

/* Cancels the file being read, if any */
void
_aims_import_file_step_cancel (AimsImportAssistant *self)
{
  if (self->loading == NULL)
    return;
  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
}

/* Whether the sheet read is that of the path row and the sheet row */
gboolean
_aims_import_file_step_is_current (AimsImportAssistant *self)
{
  g_autofree char *path = dup_path (self);

  if (self->sheet == NULL || g_strcmp0 (path, self->loaded_path) != 0)
    return FALSE;
  return g_strcmp0 (selected_sheet_name (self), self->loaded_sheet_name) == 0;
}

static void
on_path_activated_cb (AimsImportAssistant *self)
{
  if (_aims_import_file_step_is_current (self))
    _aims_import_assistant_show_page (self, AIMS_IMPORT_PAGE_COLUMNS);
  else
    _aims_import_file_step_load (self, TRUE);
}

static void
on_path_changed_cb (AimsImportAssistant *self)
{
  _aims_import_assistant_update_buttons (self);
}

static void
on_sheet_selected_cb (AimsImportAssistant *self)
{
  if (!self->filling_sheets && self->sheet_names != NULL && !_aims_import_file_step_is_current (self))
    _aims_import_file_step_load (self, FALSE);
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

void
_aims_import_file_step_init (AimsImportAssistant *self)
{
  g_signal_connect_swapped (self->path_row, "entry-activated", G_CALLBACK (on_path_activated_cb), self);
  g_signal_connect_swapped (self->path_row, "changed", G_CALLBACK (on_path_changed_cb), self);
  g_signal_connect_swapped (self->sheet_row, "notify::selected", G_CALLBACK (on_sheet_selected_cb), self);
  g_signal_connect_swapped (self->choose_button, "clicked", G_CALLBACK (on_choose_clicked_cb), self);
}
