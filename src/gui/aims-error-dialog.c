/* aims-error-dialog.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aims-error-dialog"

#include "config.h"

#include <adwaita.h>

#include "aims-error-dialog.h"

#include <glib/gi18n.h>

/**
 * aims_show_error_dialog:
 * @parent: any widget of the window the dialog belongs to
 * @heading: what failed, such as "Could Not Save the Project"
 * @error: why; its message is written for people and shown as it is
 *
 * Presents a modal message dialog and returns at once.
 */
void
aims_show_error_dialog (GtkWidget    *parent,
                        const char   *heading,
                        const GError *error)
{
  GtkRoot *root = gtk_widget_get_root (parent);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   heading,
                                   error != NULL ? error->message : NULL);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}
