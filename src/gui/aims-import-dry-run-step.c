/* aims-import-dry-run-step.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Step 4 of the import assistant: the dry run, which lists every row that
 * would be rejected with the file, row, column and reason, and Import,
 * which is one transaction and one undo step. */

#define G_LOG_DOMAIN "aims-import-assistant"

#include "config.h"

#include "aims-import-assistant-private.h"
#include "aims-window.h"

#include <glib/gi18n.h>

static void
show_check_error (AimsImportAssistant *self,
                  const char          *message)
{
  gtk_label_set_label (self->check_error, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->check_error), message != NULL);
}

static void
show_result (AimsImportAssistant *self,
             AimsImportResult    *result)
{
  g_autofree char *counts = NULL;
  guint n_rejected = aims_import_result_get_n_rejected (result);

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

static void
clear_result (AimsImportAssistant *self)
{
  _aims_import_clear_children (GTK_WIDGET (self->rejected_list));
  gtk_widget_set_sensitive (self->import_button, FALSE);
  gtk_widget_set_visible (self->rejected_group, FALSE);
  gtk_label_set_label (self->counts_label, "");
}

static void
on_dry_run_done_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(AimsImportAssistant) self = g_weak_ref_get (user_data);
  g_autoptr(AimsImportResult) import_result = NULL;
  g_autoptr(GError) error = NULL;

  g_weak_ref_clear (user_data);
  g_free (user_data);
  import_result = aims_import_dry_run_finish (result, &error);

  /* Closed, cancelled, or another dry run started meanwhile */
  if (self == NULL || g_task_get_cancellable (G_TASK (result)) != self->checking)
    return;
  g_clear_object (&self->checking);

  gtk_stack_set_visible_child_name (self->stack, "check");
  _aims_import_assistant_update_buttons (self);
  if (import_result == NULL)
    {
      show_check_error (self, error->message);
      return;
    }
  show_check_error (self, NULL);
  show_result (self, import_result);
}

/**
 * _aims_import_dry_run_step_run:
 * @self: the assistant
 *
 * Runs the dry run on entering the step: in a worker, on a copy of the
 * project (see aims-import-dry-run.c), with the busy page shown meanwhile.
 */
void
_aims_import_dry_run_step_run (AimsImportAssistant *self)
{
  g_autofree char *description = NULL;
  guint n_rows;
  GWeakRef *ref;

  if (self->checking != NULL)
    g_cancellable_cancel (self->checking);
  g_clear_object (&self->checking);
  clear_result (self);

  if (self->sheet == NULL || self->mapping == NULL)
    return;

  n_rows = aims_sheet_get_n_rows (self->sheet) - 1;
  self->checking = g_cancellable_new ();
  ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (ref, self);
  aims_import_dry_run_async (self->store, self->sheet, self->mapping, self->checking,
                             on_dry_run_done_cb, ref);

  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u row of “%s”",
                                              "%u rows of “%s”", n_rows),
                                 n_rows, aims_sheet_get_display_name (self->sheet));
  _aims_import_assistant_show_busy (self, _("Checking Rows…"), description);
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

static gboolean
import_cb (gpointer data)
{
  AimsImportAssistant *self = data;
  g_autoptr(AimsImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *parent;

  self->importing = FALSE;
  if (!gtk_widget_get_realized (GTK_WIDGET (self)) || self->sheet == NULL || self->mapping == NULL)
    return G_SOURCE_REMOVE;

  /* In the project's store, so on this thread: the window waits */
  result = aims_import_run (self->store, self->sheet, self->mapping, FALSE, &error);
  gtk_stack_set_visible_child_name (self->stack, "check");
  _aims_import_assistant_update_buttons (self);
  if (result == NULL)
    {
      show_check_error (self, error->message);
      return G_SOURCE_REMOVE;
    }
  if (!aims_import_result_get_applied (result))
    {
      /* Rows rejected after all (the project changed meanwhile): show them */
      clear_result (self);
      show_result (self, result);
      return G_SOURCE_REMOVE;
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
  return G_SOURCE_REMOVE;
}

static void
on_busy_painted_cb (GdkFrameClock       *clock,
                    AimsImportAssistant *self)
{
  g_signal_handlers_disconnect_by_func (clock, on_busy_painted_cb, self);
  g_idle_add_full (G_PRIORITY_DEFAULT, import_cb, g_object_ref (self), g_object_unref);
}

static void
on_import_clicked_cb (AimsImportAssistant *self)
{
  GdkFrameClock *clock;

  if (self->sheet == NULL || self->mapping == NULL || self->importing)
    return;

  /* The busy page is painted before the import takes the main thread; it
   * cannot be cancelled (the import is one transaction, or nothing) */
  self->importing = TRUE;
  _aims_import_assistant_show_busy (self, _("Importing Rows…"), NULL);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  if (clock != NULL)
    {
      g_signal_connect_object (clock, "after-paint", G_CALLBACK (on_busy_painted_cb), self, 0);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  else
    g_idle_add_full (G_PRIORITY_DEFAULT, import_cb, g_object_ref (self), g_object_unref);
}

void
_aims_import_dry_run_step_init (AimsImportAssistant *self)
{
  g_signal_connect_swapped (self->import_button, "clicked", G_CALLBACK (on_import_clicked_cb), self);
}
