/* aims-required-text.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aims-required-text"

#include "config.h"

#include "aims-required-text.h"

typedef struct
{
  AdwMessageDialog *dialog;   /* unowned: the data lives as long as it */
  char             *response;
  GPtrArray        *editables;
} Required;

static void
required_free (gpointer data)
{
  Required *required = data;

  g_free (required->response);
  g_ptr_array_unref (required->editables);
  g_free (required);
}

static void
update (Required *required)
{
  gboolean filled = TRUE;

  for (guint i = 0; i < required->editables->len && filled; i++)
    {
      g_autofree char *text = g_strdup (gtk_editable_get_text (g_ptr_array_index (required->editables,
                                                                                  i)));

      filled = *g_strstrip (text) != '\0';
    }

  adw_message_dialog_set_response_enabled (required->dialog, required->response, filled);
}

/**
 * aims_message_dialog_require_text:
 * @dialog: a message dialog
 * @response: the response that needs the text, such as "add"
 * @first: an entry of @dialog
 * @...: more entries, then %NULL
 *
 * Keeps @response disabled while any of the entries is blank, as the HIG
 * asks, instead of letting it be chosen and answering with an error.
 */
void
aims_message_dialog_require_text (AdwMessageDialog *dialog,
                                  const char       *response,
                                  GtkEditable      *first,
                                  ...)
{
  Required *required;
  va_list args;

  g_return_if_fail (ADW_IS_MESSAGE_DIALOG (dialog));
  g_return_if_fail (response != NULL);
  g_return_if_fail (GTK_IS_EDITABLE (first));

  required = g_new0 (Required, 1);
  required->dialog = dialog;
  required->response = g_strdup (response);
  required->editables = g_ptr_array_new ();

  va_start (args, first);
  for (GtkEditable *editable = first; editable != NULL; editable = va_arg (args, GtkEditable *))
    g_ptr_array_add (required->editables, editable);
  va_end (args);

  g_object_set_data_full (G_OBJECT (dialog), "aims-required-text", required, required_free);
  for (guint i = 0; i < required->editables->len; i++)
    g_signal_connect_swapped (g_ptr_array_index (required->editables, i), "changed",
                              G_CALLBACK (update), required);
  update (required);
}
