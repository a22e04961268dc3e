/* aims-window-check.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A large file from elsewhere is shown as soon as its cheap checks pass;
 * the full check then runs in a worker thread (aims-document-check.c). Until
 * it passes the project is read-only and a banner says why; if it fails the
 * project is closed with the refusal opening would have shown. */

#define G_LOG_DOMAIN "aims-window-check"

#include "config.h"

#include "aims-error-dialog.h"
#include "aims-overview-page.h"
#include "aims-pdca-board.h"
#include "aims-soa-page.h"
#include "aims-window-private.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

/* Below this size the full check takes well under a tenth of a second: it
 * runs before the project is shown, as it always did. */
#define DEFAULT_DEFER_THRESHOLD (8 * 1024 * 1024)

static goffset defer_threshold = DEFAULT_DEFER_THRESHOLD;

/* For tests: defer the check of files of at least @bytes */
void
_aims_window_set_defer_threshold (goffset bytes)
{
  defer_threshold = bytes >= 0 ? bytes : DEFAULT_DEFER_THRESHOLD;
}

/* The flag to open @file with: large files are checked in the background */
AimsOpenFlags
_aims_window_get_defer_flag (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);
  GStatBuf st;

  if (path != NULL && g_stat (path, &st) == 0 && st.st_size >= defer_threshold)
    return AIMS_OPEN_DEFER_CHECK;

  return AIMS_OPEN_NONE;
}

static void
show_banner (AimsWindow *self,
             gboolean    shown)
{
  gtk_revealer_set_reveal_child (self->check_banner, shown);
  gtk_spinner_set_spinning (self->check_spinner, shown);
}

/* Pages that decide what may be edited when they are given the document */
static void
refresh_editable_pages (AimsWindow *self)
{
  AimsDocument *document = self->document;

  if (self->overview_page != NULL)
    {
      aims_overview_page_set_document (AIMS_OVERVIEW_PAGE (self->overview_page), NULL);
      aims_overview_page_set_document (AIMS_OVERVIEW_PAGE (self->overview_page), document);
    }
  if (self->pdca_page != NULL)
    {
      aims_pdca_board_set_document (AIMS_PDCA_BOARD (self->pdca_page), NULL);
      aims_pdca_board_set_document (AIMS_PDCA_BOARD (self->pdca_page), document);
    }
  if (self->soa_page != NULL)
    {
      aims_soa_page_set_document (AIMS_SOA_PAGE (self->soa_page), NULL);
      aims_soa_page_set_document (AIMS_SOA_PAGE (self->soa_page), document);
    }
}

static void
on_checked_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  AimsDocument *document = AIMS_DOCUMENT (object);
  g_autoptr(AimsWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean passed;

  passed = aims_document_check_finish (document, result, &error);

  /* Closed or replaced meanwhile: nothing to show */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->document != document)
    return;

  g_clear_object (&self->check_cancellable);
  show_banner (self, FALSE);

  if (passed)
    {
      refresh_editable_pages (self);
      _aims_window_update_actions (self);
      return;
    }

  /* The same refusal as when the whole check ran before showing it; the
   * working copy is deleted, the file itself was never written. */
  _aims_window_close_document (self);
  aims_show_error_dialog (GTK_WIDGET (self), _("Could Not Open the Project"), error);
}

/* Starts the full check of the window's document, if it still needs one */
void
_aims_window_start_check (AimsWindow *self)
{
  if (self->document == NULL || !aims_document_get_checking (self->document))
    return;

  _aims_window_stop_check (self);
  self->check_cancellable = g_cancellable_new ();
  show_banner (self, TRUE);
  aims_document_check_async (self->document, self->check_cancellable, on_checked_cb,
                             g_object_ref (self));
}

/* Stops a running check: the document is being closed or the window goes */
void
_aims_window_stop_check (AimsWindow *self)
{
  if (self->check_cancellable != NULL)
    g_cancellable_cancel (self->check_cancellable);
  g_clear_object (&self->check_cancellable);
  show_banner (self, FALSE);
}
