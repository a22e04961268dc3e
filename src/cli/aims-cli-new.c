/* aims-cli-new.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aims-cli"

#include "config.h"

#include <aims-core.h>

#include "aims-cli.h"

#include <glib/gi18n.h>

/* aims new FILE [--organisation NAME] [--force] */
int
aims_cli_new (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(AimsDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *organisation = NULL;
  g_auto(GStrv) files = NULL;
  gboolean force = FALSE;
  gboolean ok;
  const GOptionEntry entries[] = {
    { "organisation", 'o', 0, G_OPTION_ARG_STRING, &organisation,
      N_("The organisation the management system is for"), N_("NAME") },
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force,
      N_("Replace FILE if it exists"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, NULL },
    G_OPTION_ENTRY_NULL
  };

  context = g_option_context_new (_("FILE"));
  g_option_context_set_summary (context, _("Create an empty AIMS Workbench project file."));
  g_option_context_set_description (context,
                                    _("Exit status: 0 created, 1 it could not be written, "
                                      "2 wrong arguments."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!aims_cli_parse_options (context, "new", &argc, &argv))
    return AIMS_EXIT_USAGE;

  if (files == NULL || g_strv_length (files) != 1)
    {
      aims_cli_printerr (_("Give exactly one FILE. Run “aims new --help” for the options."));
      return AIMS_EXIT_USAGE;
    }

  if (!force && g_file_test (files[0], G_FILE_TEST_EXISTS))
    {
      g_autofree char *display = g_filename_display_name (files[0]);

      aims_cli_printerr (_("“%s” already exists. Use --force to replace it."), display);
      return AIMS_EXIT_ERROR;
    }

  document = aims_document_new_untitled (g_get_real_name (), &error);
  if (document == NULL)
    {
      aims_cli_printerr ("%s", error->message);
      return AIMS_EXIT_ERROR;
    }

  file = g_file_new_for_commandline_arg (files[0]);
  ok = TRUE;

  if (organisation != NULL)
    {
      g_autofree char *uuid = aims_store_dup_project_uuid (aims_document_get_store (document));

      ok = aims_store_update (aims_document_get_store (document), "project", uuid, "organisation",
                              g_variant_new_string (organisation), &error);
    }

  ok = ok && aims_document_save_as (document, file, &error);
  aims_document_close (document);

  if (!ok)
    {
      aims_cli_printerr ("%s", error->message);
      return AIMS_EXIT_ERROR;
    }

  {
    g_autofree char *display = g_file_get_parse_name (file);

    g_print (_("Created %s\n"), display);
  }

  return AIMS_EXIT_OK;
}
