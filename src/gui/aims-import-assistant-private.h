/* aims-import-assistant-private.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "aims-import-assistant.h"

G_BEGIN_DECLS

/* The assistant's state, shared by its steps: aims-import-assistant.c
 * (the window, navigation, the busy state), aims-import-file-step.c (the
 * file and its sheet, read in a worker), aims-import-columns-step.c (the
 * preview and the column → field mapping), aims-import-defaults.c (values
 * for fields no column fills, prefixes, Save Mapping…),
 * aims-import-values-step.c (texts → matrix steps and choices) and
 * aims-import-dry-run-step.c (the dry run and Import). */

typedef enum
{
  AIMS_IMPORT_PAGE_FILE,
  AIMS_IMPORT_PAGE_COLUMNS,
  AIMS_IMPORT_PAGE_VALUES,
  AIMS_IMPORT_PAGE_CHECK,
  AIMS_IMPORT_N_PAGES
} AimsImportPage;

struct _AimsImportAssistant
{
  AdwWindow            parent_instance;

  AimsStore           *store;
  AimsMatrix          *matrix;
  const AimsTableInfo *table;
  char                *register_name;

  AimsSheet           *sheet;
  AimsImportMapping   *mapping;
  char                *loaded_path;
  char                *loaded_sheet_name;
  char               **sheet_names;     /* of the XLSX workbook, or NULL */
  guint                page;
  gboolean             filling_sheets;  /* while the sheet row's model changes */

  /* The file being read in a worker, or NULL */
  GCancellable        *loading;
  GCancellable        *checking;        /* the dry run being run, or NULL */
  gboolean             importing;       /* Import clicked, the import not yet run */

  /* Template children */
  AdwToastOverlay     *toast_overlay;
  AdwWindowTitle      *title;
  GtkWidget           *back_button;
  GtkWidget           *next_button;
  GtkWidget           *import_button;
  GtkStack            *stack;
  AdwStatusPage       *busy_page;
  GtkWidget           *cancel_button;

  AdwEntryRow         *path_row;
  GtkWidget           *choose_button;
  AdwComboRow         *sheet_row;
  GtkLabel            *file_error;

  GtkGrid             *preview;
  AdwPreferencesGroup *columns_group;
  GPtrArray           *column_rows;     /* AdwComboRow per column */
  GtkWidget           *match_switch;

  AdwPreferencesGroup *defaults_group;
  GPtrArray           *default_rows;    /* rows of defaults_group, rebuilt */
  AdwEntryRow         *prefix_row;
  GtkLabel            *defaults_error;
  GtkWidget           *save_mapping_button;

  GtkWidget           *values_box;      /* rebuilt on entering the step */

  GtkLabel            *counts_label;
  GtkLabel            *check_error;
  GtkListBox          *rejected_list;
  GtkWidget           *rejected_group;
};

/* aims-import-assistant.c */
void        _aims_import_assistant_show_page     (AimsImportAssistant *self,
                                                  AimsImportPage       page);
void        _aims_import_assistant_show_busy     (AimsImportAssistant *self,
                                                  const char          *title,
                                                  const char          *description);
void        _aims_import_assistant_update_buttons (AimsImportAssistant *self);
void        _aims_import_clear_children          (GtkWidget           *box);
void        _aims_import_set_label               (GtkWidget           *widget,
                                                  const char          *label);

/* aims-import-file-step.c */
void        _aims_import_file_step_init          (AimsImportAssistant *self);
void        _aims_import_file_step_load          (AimsImportAssistant *self,
                                                  gboolean             then_columns);
gboolean    _aims_import_file_step_is_current    (AimsImportAssistant *self);
void        _aims_import_file_step_cancel        (AimsImportAssistant *self);

/* aims-import-columns-step.c */
void        _aims_import_columns_step_init       (AimsImportAssistant *self);
void        _aims_import_columns_step_rebuild    (AimsImportAssistant *self);
GPtrArray  *_aims_import_list_fields             (AimsImportAssistant *self);

/* aims-import-defaults.c */
void        _aims_import_defaults_init           (AimsImportAssistant *self);
void        _aims_import_defaults_rebuild        (AimsImportAssistant *self);
gboolean    _aims_import_defaults_check          (AimsImportAssistant *self);

/* aims-import-values-step.c */
AimsMatrixAxis _aims_import_field_axis           (const AimsFieldInfo *field);
void        _aims_import_values_step_rebuild     (AimsImportAssistant *self);

/* aims-import-dry-run-step.c */
void        _aims_import_dry_run_step_init       (AimsImportAssistant *self);
void        _aims_import_dry_run_step_run        (AimsImportAssistant *self);

G_END_DECLS
