/* aims-file-chooser.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* All of GtkFileChooserNative (deprecated in GTK 4.10) stays in this file, so
 * the move to GtkFileDialog later is one change. */

void   aims_file_chooser_open_project_async  (GtkWindow            *parent,
                                              GFile                *folder,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
void   aims_file_chooser_open_evidence_async (GtkWindow            *parent,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
void   aims_file_chooser_open_sheet_async    (GtkWindow            *parent,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
void   aims_file_chooser_save_project_async  (GtkWindow            *parent,
                                              GFile                *folder,
                                              const char           *suggested_name,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
void   aims_file_chooser_save_csv_async      (GtkWindow            *parent,
                                              const char           *title,
                                              GFile                *folder,
                                              const char           *suggested_name,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
void   aims_file_chooser_save_export_async   (GtkWindow            *parent,
                                              const char           *title,
                                              GFile                *folder,
                                              const char           *suggested_name,
                                              const char           *format,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
void   aims_file_chooser_save_mapping_async  (GtkWindow            *parent,
                                              GFile                *folder,
                                              const char           *suggested_name,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
GFile *aims_file_chooser_finish              (GAsyncResult         *result,
                                              GError              **error);

G_END_DECLS
