/* aims-review-export.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* "Export Pack…" on a management review and "Export Review Pack…" in the
 * main menu: a file chooser, then the pack written by the core
 * (aims_review_pack_write()), with a toast saying where it went. */

#define G_LOG_DOMAIN "aims-review-export"

#include "config.h"

#include "aims-review-export.h"

#include "aims-error-dialog.h"
#include "aims-file-chooser.h"
#include "aims-window.h"

#include <glib/gi18n.h>

typedef struct
{
  GtkWidget *parent;
  AimsStore *store;
  char      *review;
} Export;

static void
export_free (Export *export)
{
  g_clear_object (&export->parent);
  g_clear_object (&export->store);
  g_free (export->review);
  g_free (export);
}

static void
on_file_chosen_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Export *export = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  GtkWidget *window;
  guint n_pages = 0;

  file = aims_file_chooser_finish (result, &error);
  if (file == NULL)
    {
      export_free (export);
      return;
    }

  path = g_file_get_path (file);
  if (path == NULL)
    g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                 _("The review pack can only be written to a local folder; choose one on this "
                   "computer."));
  if (path == NULL ||
      !aims_review_pack_write (export->store, export->review, NULL, path, &n_pages, &error))
    {
      aims_show_error_dialog (export->parent, _("Could Not Export the Review Pack"), error);
      export_free (export);
      return;
    }

  window = gtk_widget_get_ancestor (export->parent, AIMS_TYPE_WINDOW);
  if (window == NULL && AIMS_IS_WINDOW (export->parent))
    window = export->parent;
  if (window != NULL)
    {
      g_autofree char *basename = g_file_get_basename (file);
      g_autofree char *title = NULL;

      /* Translators: a toast once the review pack is written: Exported “pack.pdf”, 10 pages */
      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported “%s”, %u page",
                                            "Exported “%s”, %u pages", n_pages),
                               basename, n_pages);
      aims_window_add_toast (AIMS_WINDOW (window), adw_toast_new (title));
    }

  export_free (export);
}

/**
 * aims_review_export_pack:
 * @parent: the widget asking
 * @store: the project
 * @review: (nullable): a management review; %NULL for a pack of today
 *
 * Asks where to write the review pack, then writes it.
 */
void
aims_review_export_pack (GtkWidget  *parent,
                         AimsStore  *store,
                         const char *review)
{
  Export *export;
  g_autofree char *reference = NULL;
  g_autofree char *name = NULL;
  GtkRoot *root;

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (AIMS_IS_STORE (store));

  export = g_new0 (Export, 1);
  export->parent = g_object_ref (parent);
  export->store = g_object_ref (store);
  export->review = g_strdup (review);

  if (review != NULL)
    reference = aims_store_dup_text (store, "management_review", review, "reference", NULL);
  /* Translators: the file name offered for the review pack; %s is the review's reference */
  name = reference != NULL ? g_strdup_printf (_("Management review pack %s.pdf"), reference)
                           : g_strdup (_("Management review pack.pdf"));

  root = gtk_widget_get_root (parent);
  aims_file_chooser_save_export_async (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                       _("Export Review Pack"), NULL, name, "pdf",
                                       on_file_chosen_cb, export);
}
