/* aims-window-project.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The project shown in a window: new, open, save, close, undo, history and
 * recovery. The document itself (working copy, atomic save, lock) is core. */

#define G_LOG_DOMAIN "aims-window-project"

#include "config.h"

#include "aims-assessment-page.h"
#include "aims-audits-page.h"
#include "aims-error-dialog.h"
#include "aims-file-chooser.h"
#include "aims-history-window.h"
#include "aims-heatmap-page.h"
#include "aims-inventory-page.h"
#include "aims-matrix-editor.h"
#include "aims-overview-page.h"
#include "aims-pdca-board.h"
#include "aims-record-browser.h"
#include "aims-review-page.h"
#include "aims-soa-page.h"
#include "aims-welcome-view.h"
#include "aims-window-private.h"

#include <glib/gi18n.h>

/* The demo is generated from a fixed seed, so every fresh copy is the same */
#define DEMO_SEED 42

static void save_as (AimsWindow *self);

static char *
dup_author (AimsWindow *self)
{
  g_autofree char *configured = NULL;
  const char *real_name;

  if (self->settings != NULL)
    configured = g_strstrip (g_settings_get_string (self->settings, "author-name"));
  if (configured != NULL && *configured != '\0')
    return g_steal_pointer (&configured);

  real_name = g_get_real_name ();
  if (real_name != NULL && *real_name != '\0' && g_strcmp0 (real_name, "Unknown") != 0)
    return g_strdup (real_name);

  return g_strdup (g_get_user_name ());
}

static GFile *
dup_last_folder (AimsWindow *self)
{
  g_autofree char *path = NULL;

  if (self->settings != NULL)
    path = g_settings_get_string (self->settings, "last-folder");
  if (path != NULL && *path != '\0' && g_file_test (path, G_FILE_TEST_IS_DIR))
    return g_file_new_for_path (path);

  return NULL;
}

static void
remember_folder (AimsWindow *self,
                 GFile      *file)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *path = parent != NULL ? g_file_get_path (parent) : NULL;

  if (self->settings != NULL && path != NULL)
    g_settings_set_string (self->settings, "last-folder", path);
}

static void
add_to_recent (GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentData data = {
    .display_name = NULL,
    .description = NULL,
    .mime_type = (char *)AIMS_PROJECT_MIME_TYPE,
    .app_name = (char *)"AIMS Workbench",
    .app_exec = (char *)"aims-workbench %u",
    .groups = NULL,
    .is_private = FALSE,
  };

  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

/* Text still waiting for a pause in typing becomes a recorded edit now:
 * before saving, undoing, closing or showing history. */
static void
flush_edits (AimsWindow *self)
{
  if (self->overview_page != NULL)
    aims_overview_page_flush (AIMS_OVERVIEW_PAGE (self->overview_page));
  if (self->inventory_page != NULL)
    aims_inventory_page_flush (AIMS_INVENTORY_PAGE (self->inventory_page));
  if (self->risks_page != NULL)
    aims_record_browser_flush (AIMS_RECORD_BROWSER (self->risks_page));
  if (self->incidents_page != NULL)
    aims_record_browser_flush (AIMS_RECORD_BROWSER (self->incidents_page));
  if (self->assessment_page != NULL)
    aims_assessment_page_flush (AIMS_ASSESSMENT_PAGE (self->assessment_page));
  if (self->audits_page != NULL)
    aims_audits_page_flush (AIMS_AUDITS_PAGE (self->audits_page));
}

void
_aims_window_flush_edits (AimsWindow *self)
{
  flush_edits (self);
}

static void
update_title (AimsWindow *self)
{
  g_autofree char *window_title = NULL;
  const char *subtitle = NULL;
  const char *name;
  gboolean modified;

  if (self->document == NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("AIMS Workbench"));
      return;
    }

  name = aims_document_get_title (self->document);
  modified = aims_document_get_modified (self->document);

  if (aims_document_get_checking (self->document))
    subtitle = _("Checking…");
  else if (aims_document_get_read_only (self->document))
    subtitle = _("Read-Only");
  else if (modified)
    subtitle = _("Unsaved Changes");
  else if (aims_document_get_file (self->document) == NULL)
    subtitle = _("Not Saved");
  else
    subtitle = _("Saved");

  adw_window_title_set_title (self->project_title, name);
  adw_window_title_set_subtitle (self->project_title, subtitle);
  adw_window_title_set_subtitle (self->content_title, name);

  /* Window lists and task switchers show this; the dot marks unsaved work as
   * GNOME Text Editor does. */
  window_title = g_strdup_printf ("%s%s — %s", modified ? "• " : "", name, _("AIMS Workbench"));
  gtk_window_set_title (GTK_WINDOW (self), window_title);
}

void
_aims_window_update_actions (AimsWindow *self)
{
  AimsStore *store = self->document != NULL ? aims_document_get_store (self->document) : NULL;
  gboolean have = store != NULL;
  gboolean writable = have && !aims_document_get_read_only (self->document);
  g_autofree char *undo_label = NULL;
  g_autofree char *redo_label = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as",
                                 have && !aims_document_get_checking (self->document));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.close-project", have);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-history", have);
  /* Read-only projects open it too, to look; it refuses to apply */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-matrix", have);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-assessment", have);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", writable && aims_store_get_can_undo (store));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", writable && aims_store_get_can_redo (store));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.toggle-sidebar", have);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-sidebar", have);

  gtk_widget_set_visible (self->save_button, writable && aims_document_get_modified (self->document));
  _aims_window_update_record_actions (self);
  _aims_window_update_review_actions (self);

  update_title (self);
}

static void
show_open_warnings (AimsWindow   *self,
                    AimsDocument *document)
{
  GPtrArray *warnings = aims_document_get_warnings (document);
  g_autoptr(GString) body = NULL;
  GtkWidget *dialog;

  if (warnings == NULL || warnings->len == 0)
    return;

  body = g_string_new (NULL);
  for (guint i = 0; i < warnings->len; i++)
    {
      if (i > 0)
        g_string_append (body, "\n\n");
      g_string_append (body, g_ptr_array_index (warnings, i));
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Opened With Warnings"), body->str);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_OK"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
set_document (AimsWindow   *self,
              AimsDocument *document)
{
  if (self->document == document)
    return;

  _aims_window_stop_check (self);

  if (self->overview_page != NULL)
    aims_overview_page_set_document (AIMS_OVERVIEW_PAGE (self->overview_page), document);
  if (self->inventory_page != NULL)
    aims_inventory_page_set_document (AIMS_INVENTORY_PAGE (self->inventory_page), document);
  if (self->risks_page != NULL)
    aims_record_browser_set_document (AIMS_RECORD_BROWSER (self->risks_page), document);
  if (self->incidents_page != NULL)
    aims_record_browser_set_document (AIMS_RECORD_BROWSER (self->incidents_page), document);
  if (self->heatmap_page != NULL)
    aims_heatmap_page_set_document (AIMS_HEATMAP_PAGE (self->heatmap_page), document);
  if (self->assessment_page != NULL)
    aims_assessment_page_set_document (AIMS_ASSESSMENT_PAGE (self->assessment_page), document);
  if (self->pdca_page != NULL)
    aims_pdca_board_set_document (AIMS_PDCA_BOARD (self->pdca_page), document);
  if (self->soa_page != NULL)
    aims_soa_page_set_document (AIMS_SOA_PAGE (self->soa_page), document);
  if (self->audits_page != NULL)
    aims_audits_page_set_document (AIMS_AUDITS_PAGE (self->audits_page), document);
  if (self->review_page != NULL)
    aims_review_page_set_document (AIMS_REVIEW_PAGE (self->review_page), document);

  g_set_object (&self->document, document);
  g_signal_group_set_target (self->document_signals, document);
  g_signal_group_set_target (self->store_signals,
                             document != NULL ? aims_document_get_store (document) : NULL);

  if (document != NULL)
    {
      aims_window_show_section (self, "overview");
      _aims_window_set_page (self, "project");
      if (adw_leaflet_get_folded (self->leaflet))
        adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
      /* The section people go to first, readied while they look at the
       * Overview */
      if (self->inventory_page != NULL)
        aims_inventory_page_prepare (AIMS_INVENTORY_PAGE (self->inventory_page));
    }
  else
    _aims_window_set_page (self, "welcome");

  _aims_window_update_actions (self);
  _aims_window_start_check (self);
}

static void
close_document (AimsWindow *self)
{
  g_autoptr(AimsDocument) document = NULL;

  if (self->document == NULL)
    return;

  flush_edits (self);
  document = g_object_ref (self->document);
  set_document (self, NULL);
  aims_document_close (document);
}

void
_aims_window_close_document (AimsWindow *self)
{
  close_document (self);
}

static void
finish_close (AimsWindow *self,
              guint       what)
{
  close_document (self);

  if (what == CLOSE_WINDOW)
    gtk_window_close (GTK_WINDOW (self));
}

/* Open */

static void open_file_with_flags (AimsWindow    *self,
                                  GFile         *file,
                                  AimsOpenFlags  flags);

typedef struct
{
  AimsWindow    *self;
  GFile         *file;
  AimsOpenFlags  flags;
} RetryOpen;

static void
retry_open_free (RetryOpen *retry)
{
  g_object_unref (retry->self);
  g_object_unref (retry->file);
  g_free (retry);
}

static void
on_retry_open_response_cb (AdwMessageDialog *dialog,
                           const char       *response,
                           RetryOpen        *retry)
{
  if (g_strcmp0 (response, "retry") == 0)
    open_file_with_flags (retry->self, retry->file, retry->flags);
}

static void
ask_to_retry_open (AimsWindow    *self,
                   GFile         *file,
                   const char    *heading,
                   const char    *body,
                   const char    *retry_label,
                   AimsOpenFlags  retry_flags)
{
  RetryOpen *retry = g_new0 (RetryOpen, 1);
  GtkWidget *dialog;

  retry->self = g_object_ref (self);
  retry->file = g_object_ref (file);
  retry->flags = retry_flags;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "retry", retry_label,
                                    NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_retry_open_response_cb),
                         retry, (GClosureNotify)(void (*) (void))retry_open_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* For the README's screenshots (build-aux/screenshot.sh): the assessment
 * whose reference AIMS_SHOW_ASSESSMENT names opens with the project. */
static void
show_requested_assessment (AimsWindow *self)
{
  const char *reference = g_getenv ("AIMS_SHOW_ASSESSMENT");
  g_autoptr(GPtrArray) list = NULL;

  if (reference == NULL || self->assessment_page == NULL || self->document == NULL)
    return;

  list = aims_assessment_list (aims_document_get_store (self->document), NULL);
  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      const AimsAssessmentSummary *summary = g_ptr_array_index (list, i);

      if (g_str_equal (summary->reference, reference))
        {
          aims_assessment_page_open (AIMS_ASSESSMENT_PAGE (self->assessment_page), summary->uuid);
          aims_window_show_section (self, "impact");
          return;
        }
    }

  g_warning ("No impact assessment %s in this project", reference);
}

static void
open_file_with_flags (AimsWindow    *self,
                      GFile         *file,
                      AimsOpenFlags  flags)
{
  g_autoptr(AimsDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *author = dup_author (self);

  /* A large file from elsewhere is shown before its full check has passed */
  document = aims_document_open (file, flags | _aims_window_get_defer_flag (file), author, &error);

  if (document == NULL)
    {
      if (g_error_matches (error, AIMS_FILE_ERROR, AIMS_FILE_ERROR_IN_USE))
        {
          g_autofree char *body = g_strdup_printf ("%s\n\n%s", error->message,
                                                   _("You can look at it in a read-only window. "
                                                     "Changes can only be made where it is already open."));
          ask_to_retry_open (self, file, _("Project Already Open"), body,
                             _("Open _Read-Only"), flags | AIMS_OPEN_READ_ONLY);
        }
      else if (g_error_matches (error, AIMS_FILE_ERROR, AIMS_FILE_ERROR_UNEXPECTED_OBJECTS))
        {
          g_autofree char *body = g_strdup_printf ("%s\n\n%s", error->message,
                                                   _("AIMS Workbench can open a copy without them. "
                                                     "The file itself is not changed unless you save."));
          ask_to_retry_open (self, file, _("Unexpected Content"), body,
                             _("Open _Without Them"), flags | AIMS_OPEN_ALLOW_EXTRA_OBJECTS);
        }
      else
        aims_show_error_dialog (GTK_WIDGET (self), _("Could Not Open the Project"), error);
      return;
    }

  remember_folder (self, file);
  add_to_recent (file);

  /* A project opened while this window shows another goes to a new window */
  if (self->document != NULL)
    {
      GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
      AimsWindow *other = aims_window_new (AIMS_APPLICATION (app));

      set_document (other, document);
      gtk_window_present (GTK_WINDOW (other));
      show_open_warnings (other, document);
      show_requested_assessment (other);
      return;
    }

  set_document (self, document);
  show_open_warnings (self, document);
  show_requested_assessment (self);
}

static void
on_open_chosen_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(AimsWindow) self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (!(file = aims_file_chooser_finish (result, &error)))
    return;

  aims_window_open_file (self, file);
}

/* Save */

static void
after_save (AimsWindow *self)
{
  guint what = self->close_after_save;
  GFile *file = aims_document_get_file (self->document);

  self->close_after_save = CLOSE_NOTHING;
  add_to_recent (file);
  _aims_window_update_actions (self);

  if (what != CLOSE_NOTHING)
    finish_close (self, what);
  else
    aims_window_add_toast (self, adw_toast_new (_("Project saved")));
}

static void
report_save_error (AimsWindow   *self,
                   const GError *error)
{
  self->close_after_save = CLOSE_NOTHING;
  aims_show_error_dialog (GTK_WIDGET (self), _("Could Not Save the Project"), error);
}

static void
save (AimsWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (aims_document_get_file (self->document) == NULL)
    {
      save_as (self);
      return;
    }

  flush_edits (self);

  if (!aims_document_save (self->document, &error))
    report_save_error (self, error);
  else
    after_save (self);
}

static void
on_save_as_chosen_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(AimsWindow) self = user_data;
  g_autoptr(GFile) chosen = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = NULL;

  if (!(chosen = aims_file_chooser_finish (result, &error)))
    {
      self->close_after_save = CLOSE_NOTHING;
      return;
    }

  if (self->document == NULL)
    return;

  /* Keep the extension that file managers and the MIME type rely on */
  basename = g_file_get_basename (chosen);
  if (g_str_has_suffix (basename, ".aims"))
    file = g_steal_pointer (&chosen);
  else
    {
      g_autoptr(GFile) parent = g_file_get_parent (chosen);
      g_autofree char *with_suffix = g_strconcat (basename, ".aims", NULL);

      file = g_file_get_child (parent, with_suffix);
    }

  flush_edits (self);

  if (!aims_document_save_as (self->document, file, &error))
    {
      report_save_error (self, error);
      return;
    }

  remember_folder (self, file);
  after_save (self);
}

static void
save_as (AimsWindow *self)
{
  g_autofree char *name = NULL;
  g_autoptr(GFile) folder = NULL;
  GFile *current = aims_document_get_file (self->document);

  if (current != NULL)
    {
      folder = g_file_get_parent (current);
      name = g_file_get_basename (current);
    }
  else
    {
      folder = dup_last_folder (self);
      name = g_strdup_printf ("%s.aims", aims_document_get_title (self->document));
    }

  aims_file_chooser_save_project_async (GTK_WINDOW (self), folder, name,
                                        on_save_as_chosen_cb, g_object_ref (self));
}

/* Closing with unsaved changes */

static void
on_unsaved_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        AimsWindow       *self)
{
  guint what = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "close-what"));

  if (self->document == NULL)
    return;

  if (g_strcmp0 (response, "save") == 0)
    {
      self->close_after_save = what;
      save (self);
    }
  else if (g_strcmp0 (response, "discard") == 0)
    finish_close (self, what);
}

static void
ask_about_unsaved (AimsWindow *self,
                   guint       what)
{
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  heading = g_strdup_printf (_("Save Changes to “%s”?"), aims_document_get_title (self->document));
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   _("The project has changes that are not saved to its file. "
                                     "If you discard them, they are lost."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "close-what", GUINT_TO_POINTER (what));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_unsaved_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
has_unsaved_changes (AimsWindow *self)
{
  if (self->document == NULL)
    return FALSE;

  flush_edits (self);

  return !aims_document_get_read_only (self->document) &&
         aims_document_get_modified (self->document);
}

gboolean
_aims_window_close_request_project (AimsWindow *self)
{
  if (has_unsaved_changes (self))
    {
      ask_about_unsaved (self, CLOSE_WINDOW);
      return TRUE;
    }

  close_document (self);
  return FALSE;
}

/* Actions */

static void
aims_window_save_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  save (AIMS_WINDOW (widget));
}

static void
aims_window_save_as_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *param)
{
  save_as (AIMS_WINDOW (widget));
}

static void
aims_window_close_project_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *param)
{
  AimsWindow *self = AIMS_WINDOW (widget);

  if (has_unsaved_changes (self))
    ask_about_unsaved (self, CLOSE_PROJECT);
  else
    close_document (self);
}

static void
undo_or_redo (AimsWindow *self,
              gboolean    redo)
{
  AimsStore *store = aims_document_get_store (self->document);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  flush_edits (self);

  ok = redo ? aims_store_redo (store, &error) : aims_store_undo (store, &error);
  if (!ok)
    aims_show_error_dialog (GTK_WIDGET (self),
                            redo ? _("Could Not Redo") : _("Could Not Undo"),
                            error);
}

static void
aims_window_undo_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  undo_or_redo (AIMS_WINDOW (widget), FALSE);
}

static void
aims_window_redo_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  undo_or_redo (AIMS_WINDOW (widget), TRUE);
}

static void
aims_window_show_history_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *param)
{
  AimsWindow *self = AIMS_WINDOW (widget);
  AimsStore *store = aims_document_get_store (self->document);
  g_autofree char *uuid = aims_store_dup_project_uuid (store);
  GtkWidget *history;

  flush_edits (self);

  history = aims_history_window_new (GTK_WINDOW (self), store, uuid, _("Project Details"));
  gtk_window_present (GTK_WINDOW (history));
}

static void
on_matrix_applied_cb (AimsWindow *self)
{
  AdwToast *toast = adw_toast_new (_("Risk matrix changed"));

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  aims_window_add_toast (self, toast);
}

static void
aims_window_edit_matrix_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *param)
{
  AimsWindow *self = AIMS_WINDOW (widget);
  GtkWidget *editor;

  if (self->document == NULL)
    return;

  /* Text still being typed is recorded first, so undo keeps its order */
  flush_edits (self);

  editor = aims_matrix_editor_new (GTK_WINDOW (self), self->document);
  g_signal_connect_object (editor, "applied", G_CALLBACK (on_matrix_applied_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
aims_window_recover_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *param)
{
  AimsWindow *self = AIMS_WINDOW (widget);
  g_autoptr(AimsDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *author = dup_author (self);

  document = aims_document_recover (g_variant_get_string (param, NULL), author, &error);
  aims_welcome_view_reload (AIMS_WELCOME_VIEW (self->welcome_view));

  if (document == NULL)
    {
      aims_show_error_dialog (widget, _("Could Not Recover the Unsaved Work"), error);
      return;
    }

  if (self->document != NULL)
    {
      GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
      AimsWindow *other = aims_window_new (AIMS_APPLICATION (app));

      set_document (other, document);
      gtk_window_present (GTK_WINDOW (other));
      return;
    }

  set_document (self, document);
  aims_window_add_toast (self, adw_toast_new (_("Unsaved work recovered — save it to keep it")));
}

static void
aims_window_discard_recoverable_action (GtkWidget  *widget,
                                        const char *action_name,
                                        GVariant   *param)
{
  AimsWindow *self = AIMS_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!aims_document_discard_recoverable (g_variant_get_string (param, NULL), &error))
    aims_show_error_dialog (widget, _("Could Not Discard the Unsaved Work"), error);

  aims_welcome_view_reload (AIMS_WELCOME_VIEW (self->welcome_view));
}

/* "Assess Impact" on an AI system: its latest assessment, or a new one */
static void
aims_window_assess_impact_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *param)
{
  AimsWindow *self = AIMS_WINDOW (widget);

  if (self->assessment_page == NULL || self->document == NULL)
    return;

  if (aims_assessment_page_assess_system (AIMS_ASSESSMENT_PAGE (self->assessment_page),
                                          g_variant_get_string (param, NULL)))
    aims_window_show_section (self, "impact");
}

/* An impact assessment by its uuid, at its impacts: from a risk's form */
static void
aims_window_show_assessment_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *param)
{
  AimsWindow *self = AIMS_WINDOW (widget);
  AimsAssessmentPage *page;

  if (self->assessment_page == NULL || self->document == NULL)
    return;

  page = AIMS_ASSESSMENT_PAGE (self->assessment_page);
  aims_assessment_page_open (page, g_variant_get_string (param, NULL));
  aims_assessment_view_show_section (aims_assessment_page_get_view (page), "impacts");
  aims_window_show_section (self, "impact");
}

static void
on_document_notify_cb (AimsWindow   *self,
                       GParamSpec   *pspec,
                       AimsDocument *document)
{
  _aims_window_update_actions (self);
}

static void
on_store_notify_cb (AimsWindow *self,
                    GParamSpec *pspec,
                    AimsStore  *store)
{
  _aims_window_update_actions (self);
}

/* A heatmap cell was activated: its risks, in the register */
static void
on_heatmap_show_cell_cb (AimsWindow *self,
                         int         score,
                         guint       likelihood,
                         guint       impact)
{
  AimsRiskFilter filter;

  if (self->risks_page == NULL)
    return;

  /* With the heatmap's filters, so the register lists what the cell counted */
  aims_heatmap_page_get_filter (AIMS_HEATMAP_PAGE (self->heatmap_page), &filter);
  aims_window_show_section (self, "risks");
  aims_record_browser_show_cell (AIMS_RECORD_BROWSER (self->risks_page), (AimsRiskScore) score,
                                 likelihood, impact, &filter);
}

GtkWidget *
_aims_window_create_section_page (AimsWindow        *self,
                                  const AimsSection *section)
{
  if (g_str_equal (section->id, "systems"))
    {
      self->inventory_page = aims_inventory_page_new ();
      return self->inventory_page;
    }

  if (g_str_equal (section->id, "risks"))
    {
      self->risks_page = aims_record_browser_new ("risk");
      return self->risks_page;
    }

  if (g_str_equal (section->id, "incidents"))
    {
      self->incidents_page = aims_record_browser_new ("incident");
      return self->incidents_page;
    }

  if (g_str_equal (section->id, "heatmap"))
    {
      self->heatmap_page = aims_heatmap_page_new ();
      g_signal_connect_object (self->heatmap_page, "show-cell",
                               G_CALLBACK (on_heatmap_show_cell_cb), self, G_CONNECT_SWAPPED);
      return self->heatmap_page;
    }

  if (g_str_equal (section->id, "impact"))
    {
      self->assessment_page = aims_assessment_page_new ();
      return self->assessment_page;
    }

  if (g_str_equal (section->id, "controls"))
    {
      self->soa_page = aims_soa_page_new ();
      return self->soa_page;
    }

  if (g_str_equal (section->id, "audits"))
    {
      self->audits_page = aims_audits_page_new ();
      return self->audits_page;
    }

  if (g_str_equal (section->id, "pdca"))
    {
      self->pdca_page = aims_pdca_board_new ();
      return self->pdca_page;
    }

  if (g_str_equal (section->id, "reviews"))
    {
      self->review_page = aims_review_page_new ();
      return self->review_page;
    }

  g_assert (g_str_equal (section->id, "overview"));
  self->overview_page = aims_overview_page_new ();

  return self->overview_page;
}

void
_aims_window_class_init_project (GtkWidgetClass *widget_class)
{
  g_type_ensure (AIMS_TYPE_OVERVIEW_PAGE);
  g_type_ensure (AIMS_TYPE_INVENTORY_PAGE);
  g_type_ensure (AIMS_TYPE_HEATMAP_PAGE);
  g_type_ensure (AIMS_TYPE_ASSESSMENT_PAGE);

  gtk_widget_class_install_action (widget_class, "win.save", NULL, aims_window_save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, aims_window_save_as_action);
  gtk_widget_class_install_action (widget_class, "win.close-project", NULL, aims_window_close_project_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, aims_window_undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, aims_window_redo_action);
  gtk_widget_class_install_action (widget_class, "win.show-history", NULL, aims_window_show_history_action);
  gtk_widget_class_install_action (widget_class, "win.assess-impact", "s", aims_window_assess_impact_action);
  gtk_widget_class_install_action (widget_class, "win.edit-matrix", NULL, aims_window_edit_matrix_action);
  gtk_widget_class_install_action (widget_class, "win.show-assessment", "s",
                                   aims_window_show_assessment_action);
  gtk_widget_class_install_action (widget_class, "win.recover", "s", aims_window_recover_action);
  gtk_widget_class_install_action (widget_class, "win.discard-recoverable", "s",
                                   aims_window_discard_recoverable_action);
}

void
_aims_window_init_project (AimsWindow *self)
{
  self->document_signals = g_signal_group_new (AIMS_TYPE_DOCUMENT);
  g_signal_group_connect_object (self->document_signals, "notify",
                                 G_CALLBACK (on_document_notify_cb), self, G_CONNECT_SWAPPED);

  self->store_signals = g_signal_group_new (AIMS_TYPE_STORE);
  g_signal_group_connect_object (self->store_signals, "notify::can-undo",
                                 G_CALLBACK (on_store_notify_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->store_signals, "notify::can-redo",
                                 G_CALLBACK (on_store_notify_cb), self, G_CONNECT_SWAPPED);
}

void
_aims_window_dispose_project (AimsWindow *self)
{
  /* A window torn down without a close request (the process is ending) keeps
   * the working copy: it is what recovery offers back at the next start. */
  _aims_window_stop_check (self);
  if (self->document_signals != NULL)
    g_signal_group_set_target (self->document_signals, NULL);
  if (self->store_signals != NULL)
    g_signal_group_set_target (self->store_signals, NULL);
  g_clear_object (&self->document_signals);
  g_clear_object (&self->store_signals);
  g_clear_object (&self->document);
}

/* Public API */

/**
 * aims_window_delete_record:
 * @table: the record's table, such as "ai_system"
 * @uuid: the record
 * @description: how people call it, such as "AI system “Claims triage”"
 *
 * Deletes a record, and everything that only exists through it, as one
 * change; an Undo toast offers it back. Every delete in the app goes here.
 *
 * Returns: whether the record was deleted
 */
gboolean
aims_window_delete_record (AimsWindow *self,
                           const char *table,
                           const char *uuid,
                           const char *description)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  AimsStore *store;
  AdwToast *toast;

  g_return_val_if_fail (AIMS_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (self->document != NULL, FALSE);

  store = aims_document_get_store (self->document);
  if (!aims_store_delete (store, table, uuid, &error))
    {
      aims_show_error_dialog (GTK_WIDGET (self), _("Could Not Delete"), error);
      return FALSE;
    }

  /* Toast titles are markup in libadwaita 1.2 */
  title = g_markup_printf_escaped (_("Deleted %s"), description);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  aims_window_add_toast (self, toast);

  return TRUE;
}

/**
 * aims_window_has_project:
 *
 * Returns: whether the window shows a project (rather than the welcome view)
 */
gboolean
aims_window_has_project (AimsWindow *self)
{
  g_return_val_if_fail (AIMS_IS_WINDOW (self), FALSE);

  return self->document != NULL;
}

/**
 * aims_window_get_file:
 *
 * Returns: (transfer none) (nullable): the file of the project shown
 */
GFile *
aims_window_get_file (AimsWindow *self)
{
  g_return_val_if_fail (AIMS_IS_WINDOW (self), NULL);

  return self->document != NULL ? aims_document_get_file (self->document) : NULL;
}

/**
 * aims_window_get_document:
 *
 * Returns: (transfer none) (nullable): the project shown
 */
AimsDocument *
aims_window_get_document (AimsWindow *self)
{
  g_return_val_if_fail (AIMS_IS_WINDOW (self), NULL);

  return self->document;
}

/**
 * aims_window_new_project:
 *
 * Starts a new, untitled project in this window.
 */
void
aims_window_new_project (AimsWindow *self)
{
  g_autoptr(AimsDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *author = dup_author (self);

  g_return_if_fail (AIMS_IS_WINDOW (self));

  if (!(document = aims_document_new_untitled (author, &error)))
    {
      aims_show_error_dialog (GTK_WIDGET (self), _("Could Not Create a Project"), error);
      return;
    }

  set_document (self, document);
}

/**
 * aims_window_choose_and_open:
 *
 * Asks for a project file and opens it.
 */
void
aims_window_choose_and_open (AimsWindow *self)
{
  g_autoptr(GFile) folder = NULL;

  g_return_if_fail (AIMS_IS_WINDOW (self));

  folder = dup_last_folder (self);
  aims_file_chooser_open_project_async (GTK_WINDOW (self), folder, on_open_chosen_cb, g_object_ref (self));
}

/**
 * aims_window_open_file:
 * @file: a project file
 *
 * Checks and opens @file; every refusal is shown with its reason.
 */
void
aims_window_open_file (AimsWindow *self,
                       GFile      *file)
{
  g_return_if_fail (AIMS_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  open_file_with_flags (self, file, AIMS_OPEN_NONE);
}

/**
 * aims_window_open_demo:
 *
 * Writes a fresh copy of the demo project into the user's data folder and
 * opens it, so exploring it never touches the person's own files.
 */
void
aims_window_open_demo (AimsWindow *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (AIMS_IS_WINDOW (self));

  /* One folder per copy keeps the file name, and so the title, plain */
  stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  folder = g_build_filename (g_get_user_data_dir (), "aims-workbench", "demo", stamp, NULL);
  path = g_build_filename (folder, _("Demo Project.aims"), NULL);
  file = g_file_new_for_path (path);

  if (g_mkdir_with_parents (folder, 0700) != 0 ||
      !aims_demo_write_file (path, AIMS_DEMO_SCALE_SMALL, DEMO_SEED, &error))
    {
      if (error == NULL)
        g_set_error (&error, G_IO_ERROR, g_io_error_from_errno (errno),
                     _("Could not create the folder “%s”: %s"), folder, g_strerror (errno));
      aims_show_error_dialog (GTK_WIDGET (self), _("Could Not Create the Demo Project"), error);
      return;
    }

  open_file_with_flags (self, file, AIMS_OPEN_NONE);
}
