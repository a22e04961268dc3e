/* aims-file-chooser.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aims-file-chooser"

#include "config.h"

#include "aims-file-chooser.h"
#include "aims-welcome-view.h"

#include <glib/gi18n.h>

static void
add_project_filters (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) projects = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (projects, _("AIMS Projects"));
  gtk_file_filter_add_mime_type (projects, AIMS_PROJECT_MIME_TYPE);
  gtk_file_filter_add_suffix (projects, "aims");
  gtk_file_chooser_add_filter (chooser, projects);

  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (chooser, all);

  gtk_file_chooser_set_filter (chooser, projects);
}

static void
add_xlsx_filters (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) xlsx = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (xlsx, _("Excel Workbooks"));
  gtk_file_filter_add_mime_type (xlsx,
                                 "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  gtk_file_filter_add_suffix (xlsx, "xlsx");
  gtk_file_chooser_add_filter (chooser, xlsx);

  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (chooser, all);

  gtk_file_chooser_set_filter (chooser, xlsx);
}

static void
add_csv_filters (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (csv, _("CSV Files"));
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_filter_add_suffix (csv, "csv");
  gtk_file_chooser_add_filter (chooser, csv);

  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (chooser, all);

  gtk_file_chooser_set_filter (chooser, csv);
}

static void
add_sheet_filters (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) sheets = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (sheets, _("Spreadsheets (CSV or XLSX)"));
  gtk_file_filter_add_mime_type (sheets, "text/csv");
  gtk_file_filter_add_mime_type (sheets,
                                 "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  gtk_file_filter_add_suffix (sheets, "csv");
  gtk_file_filter_add_suffix (sheets, "xlsx");
  gtk_file_chooser_add_filter (chooser, sheets);

  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (chooser, all);

  gtk_file_chooser_set_filter (chooser, sheets);
}

static void
add_single_filter (GtkFileChooser *chooser,
                   const char     *name,
                   const char     *mime_type,
                   const char     *suffix)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_filter_add_suffix (filter, suffix);
  gtk_file_chooser_add_filter (chooser, filter);
  gtk_file_chooser_set_filter (chooser, filter);
}

static void
add_any_filters (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (chooser, all);
}

static void
add_png_filters (GtkFileChooser *chooser)
{
  add_single_filter (chooser, _("PNG Images"), "image/png", "png");
}

static void
add_svg_filters (GtkFileChooser *chooser)
{
  add_single_filter (chooser, _("SVG Images"), "image/svg+xml", "svg");
}

static void
add_pdf_filters (GtkFileChooser *chooser)
{
  add_single_filter (chooser, _("PDF Documents"), "application/pdf", "pdf");
}

static void
on_response_cb (GtkNativeDialog *dialog,
                int              response,
                gpointer         user_data)
{
  g_autoptr(GTask) task = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      g_task_return_pointer (task, g_steal_pointer (&file), g_object_unref);
    }
  else
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("No file was chosen"));

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
run (GtkFileChooserNative *native,
     GFile                *folder,
     void                (*add_filters) (GtkFileChooser *chooser),
     GAsyncReadyCallback   callback,
     gpointer              user_data)
{
  GTask *task = g_task_new (NULL, NULL, callback, user_data);

  g_task_set_source_tag (task, run);
  add_filters (GTK_FILE_CHOOSER (native));
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  g_signal_connect (native, "response", G_CALLBACK (on_response_cb), task);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/**
 * aims_file_chooser_open_project_async:
 * @parent: (nullable): the window the chooser belongs to
 * @folder: (nullable): where to start
 *
 * Asks for a project file to open. Finish with aims_file_chooser_finish().
 */
void
aims_file_chooser_open_project_async (GtkWindow           *parent,
                                      GFile               *folder,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (_("Open Project"), parent,
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"), _("_Cancel"));
  run (native, folder, add_project_filters, callback, user_data);
}

/**
 * aims_file_chooser_open_evidence_async:
 * @parent: (nullable): the window the chooser belongs to
 *
 * Asks for any file to record as evidence. Finish with
 * aims_file_chooser_finish().
 */
void
aims_file_chooser_open_evidence_async (GtkWindow           *parent,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (_("Add a File as Evidence"), parent,
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Add"), _("_Cancel"));
  run (native, NULL, add_any_filters, callback, user_data);
}

/**
 * aims_file_chooser_open_sheet_async:
 * @parent: (nullable): the window the chooser belongs to
 *
 * Asks for a CSV file or an XLSX workbook to import rows from. Finish with
 * aims_file_chooser_finish().
 */
void
aims_file_chooser_open_sheet_async (GtkWindow           *parent,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (_("Choose a File to Import"), parent,
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Choose"), _("_Cancel"));
  run (native, NULL, add_sheet_filters, callback, user_data);
}

/**
 * aims_file_chooser_save_project_async:
 * @parent: (nullable): the window the chooser belongs to
 * @folder: (nullable): where to start
 * @suggested_name: the file name offered
 *
 * Asks where to save a project. Finish with aims_file_chooser_finish(); the
 * file returned always ends in “.aims”.
 */
void
aims_file_chooser_save_project_async (GtkWindow           *parent,
                                      GFile               *folder,
                                      const char          *suggested_name,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (_("Save Project"), parent,
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), suggested_name);
  run (native, folder, add_project_filters, callback, user_data);
}

/**
 * aims_file_chooser_save_csv_async:
 * @parent: (nullable): the window the chooser belongs to
 * @title: the chooser's title, such as “Export AI Systems”
 * @folder: (nullable): where to start
 * @suggested_name: the file name offered
 *
 * Asks where to export a CSV file. Finish with aims_file_chooser_finish().
 */
void
aims_file_chooser_save_csv_async (GtkWindow           *parent,
                                  const char          *title,
                                  GFile               *folder,
                                  const char          *suggested_name,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (title, parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), suggested_name);
  run (native, folder, add_csv_filters, callback, user_data);
}

/**
 * aims_file_chooser_save_export_async:
 * @parent: (nullable): the window the chooser belongs to
 * @title: the chooser's title, such as “Export Heatmap”
 * @folder: (nullable): where to start
 * @suggested_name: the file name offered
 * @format: "png", "svg", "pdf", "csv" or "xlsx": the filter shown
 *
 * Asks where to export an image or a document. Finish with
 * aims_file_chooser_finish().
 */
void
aims_file_chooser_save_export_async (GtkWindow           *parent,
                                     const char          *title,
                                     GFile               *folder,
                                     const char          *suggested_name,
                                     const char          *format,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  GtkFileChooserNative *native;
  void (*add_filters) (GtkFileChooser *chooser) = add_png_filters;

  if (g_strcmp0 (format, "svg") == 0)
    add_filters = add_svg_filters;
  else if (g_strcmp0 (format, "pdf") == 0)
    add_filters = add_pdf_filters;
  else if (g_strcmp0 (format, "csv") == 0)
    add_filters = add_csv_filters;
  else if (g_strcmp0 (format, "xlsx") == 0)
    add_filters = add_xlsx_filters;

  native = gtk_file_chooser_native_new (title, parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), suggested_name);
  run (native, folder, add_filters, callback, user_data);
}

static void
add_mapping_filters (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) json = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (json, _("Import Mappings (JSON)"));
  gtk_file_filter_add_mime_type (json, "application/json");
  gtk_file_filter_add_suffix (json, "json");
  gtk_file_chooser_add_filter (chooser, json);

  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (chooser, all);

  gtk_file_chooser_set_filter (chooser, json);
}

/**
 * aims_file_chooser_save_mapping_async:
 * @parent: (nullable): the window the chooser belongs to
 * @folder: (nullable): where to start
 * @suggested_name: the file name offered
 *
 * Asks where to save an import mapping (the JSON file `aims import --map`
 * reads). Finish with aims_file_chooser_finish().
 */
void
aims_file_chooser_save_mapping_async (GtkWindow           *parent,
                                      GFile               *folder,
                                      const char          *suggested_name,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (_("Save Import Mapping"), parent,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), suggested_name);
  run (native, folder, add_mapping_filters, callback, user_data);
}

/**
 * aims_file_chooser_finish:
 *
 * Returns: (transfer full): the chosen file, or %NULL with
 *   %G_IO_ERROR_CANCELLED when the person cancelled
 */
GFile *
aims_file_chooser_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
