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
 * aims-import.c), as `aims import` does; the assistant only shows it.
 *
 * This file is the window: its steps, Back and Next, and the busy page
 * shown while a worker reads the file or runs the dry run. Each step is a
 * file of its own (see aims-import-assistant-private.h). */

#define G_LOG_DOMAIN "aims-import-assistant"

#include "config.h"

#include "aims-import-assistant-private.h"

#include <glib/gi18n.h>

static const char * const page_names[] = { "file", "columns", "values", "check" };

G_STATIC_ASSERT (G_N_ELEMENTS (page_names) == AIMS_IMPORT_N_PAGES);

G_DEFINE_FINAL_TYPE (AimsImportAssistant, aims_import_assistant, ADW_TYPE_WINDOW)

/* Helpers the steps share */

void
_aims_import_clear_children (GtkWidget *box)
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

void
_aims_import_set_label (GtkWidget  *widget,
                        const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/* Navigation */

static gboolean
is_busy (AimsImportAssistant *self)
{
  return self->loading != NULL || self->checking != NULL || self->importing;
}

void
_aims_import_assistant_update_buttons (AimsImportAssistant *self)
{
  gboolean last = self->page == AIMS_IMPORT_N_PAGES - 1;
  gboolean busy = is_busy (self);
  const char *path = gtk_editable_get_text (GTK_EDITABLE (self->path_row));

  gtk_widget_set_visible (self->back_button, self->page > 0 && !busy);
  gtk_widget_set_visible (self->next_button, !last);
  gtk_widget_set_visible (self->import_button, last);
  gtk_widget_set_sensitive (self->next_button,
                            !busy && (self->page > 0 || (path != NULL && *path != '\0')));
  if (busy)
    gtk_widget_set_sensitive (self->import_button, FALSE);
}

static void
set_subtitle (AimsImportAssistant *self,
              guint                page)
{
  static const char *subtitles[] = {
    N_("File"), N_("Columns"), N_("Values"), N_("Check and Import"),
  };
  g_autofree char *subtitle = NULL;

  /* Translators: the step of the import assistant, e.g. "Step 2 of 4: Columns" */
  subtitle = g_strdup_printf (_("Step %u of %u: %s"), page + 1, (guint) AIMS_IMPORT_N_PAGES,
                              _(subtitles[page]));
  adw_window_title_set_subtitle (self->title, subtitle);
}

void
_aims_import_assistant_show_page (AimsImportAssistant *self,
                                  AimsImportPage       page)
{
  g_return_if_fail (page < AIMS_IMPORT_N_PAGES);

  self->page = page;
  set_subtitle (self, page);
  gtk_stack_set_visible_child_name (self->stack, page_names[page]);

  if (page == AIMS_IMPORT_PAGE_VALUES)
    _aims_import_values_step_rebuild (self);
  if (page == AIMS_IMPORT_PAGE_CHECK)
    _aims_import_dry_run_step_run (self);  /* may show the busy page */
  _aims_import_assistant_update_buttons (self);
}

/**
 * _aims_import_assistant_show_busy:
 * @self: the assistant
 * @title: what is being done: "Reading File…"
 * @description: (nullable): more, such as the file's name
 *
 * Shows the spinner and Cancel while a worker runs; the step's page comes
 * back with _aims_import_assistant_show_page().
 */
void
_aims_import_assistant_show_busy (AimsImportAssistant *self,
                                  const char          *title,
                                  const char          *description)
{
  adw_status_page_set_title (self->busy_page, title);
  adw_status_page_set_description (self->busy_page, description);
  /* Reading and checking can be cancelled; the import cannot */
  gtk_widget_set_visible (self->cancel_button, !self->importing);
  gtk_stack_set_visible_child_name (self->stack, "busy");
  _aims_import_assistant_update_buttons (self);
  if (!self->importing)
    gtk_widget_grab_focus (self->cancel_button);
}

static void
cancel_workers (AimsImportAssistant *self)
{
  _aims_import_file_step_cancel (self);
  if (self->checking != NULL)
    g_cancellable_cancel (self->checking);
  g_clear_object (&self->checking);
}

static void
on_cancel_clicked_cb (AimsImportAssistant *self)
{
  gboolean was_checking = self->checking != NULL;

  cancel_workers (self);
  /* Back where the person was: the file, or the values before the check */
  _aims_import_assistant_show_page (self, was_checking ? AIMS_IMPORT_PAGE_VALUES
                                                       : AIMS_IMPORT_PAGE_FILE);
}

static void
on_back_clicked_cb (AimsImportAssistant *self)
{
  if (self->page > 0 && !is_busy (self))
    _aims_import_assistant_show_page (self, self->page - 1);
}

static void
on_next_clicked_cb (AimsImportAssistant *self)
{
  if (is_busy (self))
    return;

  if (self->page == AIMS_IMPORT_PAGE_FILE)
    {
      /* The file is read in a worker; the columns follow when it is */
      if (!_aims_import_file_step_is_current (self))
        {
          _aims_import_file_step_load (self, TRUE);
          return;
        }
    }
  else if (self->page == AIMS_IMPORT_PAGE_COLUMNS && !_aims_import_defaults_check (self))
    return;

  if (self->page + 1 < AIMS_IMPORT_N_PAGES)
    _aims_import_assistant_show_page (self, self->page + 1);
}

/* GObject */

static void
aims_import_assistant_unrealize (GtkWidget *widget)
{
  /* gtk_window_destroy() unrealizes: nothing a worker finds is wanted */
  cancel_workers (AIMS_IMPORT_ASSISTANT (widget));

  GTK_WIDGET_CLASS (aims_import_assistant_parent_class)->unrealize (widget);
}

static void
aims_import_assistant_dispose (GObject *object)
{
  AimsImportAssistant *self = AIMS_IMPORT_ASSISTANT (object);

  cancel_workers (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), AIMS_TYPE_IMPORT_ASSISTANT);
  g_clear_object (&self->sheet);
  g_clear_object (&self->mapping);
  g_clear_object (&self->matrix);
  g_clear_object (&self->store);
  g_clear_pointer (&self->column_rows, g_ptr_array_unref);
  g_clear_pointer (&self->default_rows, g_ptr_array_unref);

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
  widget_class->unrealize = aims_import_assistant_unrealize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/aims-import-assistant.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, AimsImportAssistant, name)
  BIND (toast_overlay);
  BIND (title);
  BIND (back_button);
  BIND (next_button);
  BIND (import_button);
  BIND (stack);
  BIND (busy_page);
  BIND (cancel_button);
  BIND (path_row);
  BIND (choose_button);
  BIND (sheet_row);
  BIND (file_error);
  BIND (preview);
  BIND (columns_group);
  BIND (match_switch);
  BIND (defaults_group);
  BIND (prefix_row);
  BIND (defaults_error);
  BIND (save_mapping_button);
  BIND (values_box);
  BIND (counts_label);
  BIND (check_error);
  BIND (rejected_list);
  BIND (rejected_group);
#undef BIND

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
aims_import_assistant_init (AimsImportAssistant *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->column_rows = g_ptr_array_new ();
  self->default_rows = g_ptr_array_new ();

  g_signal_connect_swapped (self->back_button, "clicked", G_CALLBACK (on_back_clicked_cb), self);
  g_signal_connect_swapped (self->next_button, "clicked", G_CALLBACK (on_next_clicked_cb), self);
  g_signal_connect_swapped (self->cancel_button, "clicked", G_CALLBACK (on_cancel_clicked_cb), self);

  _aims_import_file_step_init (self);
  _aims_import_columns_step_init (self);
  _aims_import_defaults_init (self);
  _aims_import_dry_run_step_init (self);
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

  _aims_import_assistant_show_page (self, AIMS_IMPORT_PAGE_FILE);
  gtk_widget_grab_focus (GTK_WIDGET (self->path_row));
  return GTK_WIDGET (self);
}

/**
 * aims_import_assistant_open_path:
 * @self: the assistant
 * @path: a CSV or XLSX file
 *
 * Reads @path (in a worker) as if it had been chosen, and goes on to the
 * columns if it could be read; if not, the first step shows why.
 */
void
aims_import_assistant_open_path (AimsImportAssistant *self,
                                 const char          *path)
{
  g_return_if_fail (AIMS_IS_IMPORT_ASSISTANT (self));
  g_return_if_fail (path != NULL);

  _aims_import_file_step_cancel (self);
  _aims_import_assistant_show_page (self, AIMS_IMPORT_PAGE_FILE);
  gtk_editable_set_text (GTK_EDITABLE (self->path_row), path);
  _aims_import_file_step_load (self, TRUE);
}
