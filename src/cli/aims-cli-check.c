/* aims-cli-check.c
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

/*
 * aims check FILE
 *
 * Exit status, one per reason, so scripts can tell them apart:
 *    0  a sound AIMS project (warnings, if any, are printed)
 *    1  the check itself failed
 *    2  wrong arguments
 *   10  there is no such file
 *   11  the path is a folder
 *   12  permission denied
 *   13  not a database (empty, another kind of file)
 *   14  an SQLite database, but not an AIMS project
 *   15  made by a newer version of AIMS Workbench
 *   16  damaged (truncated, corrupt, broken links between records)
 *   17  unexpected content (changed tables, oversized or invalid text)
 *   18  extra triggers, views, tables or indexes (see --allow-extra-objects)
 */
enum {
  EXIT_NOT_FOUND          = 10,
  EXIT_IS_DIRECTORY       = 11,
  EXIT_PERMISSION         = 12,
  EXIT_NOT_DATABASE       = 13,
  EXIT_NOT_PROJECT        = 14,
  EXIT_NEWER_VERSION      = 15,
  EXIT_DAMAGED            = 16,
  EXIT_UNEXPECTED_CONTENT = 17,
  EXIT_UNEXPECTED_OBJECTS = 18,
};

/*
 * aims_cli_exit_status_for_error:
 * @error: why a project file was refused
 *
 * Returns: the exit status that tells the reason apart, shared by every
 *   command that reads a project file
 */
int
aims_cli_exit_status_for_error (const GError *error)
{
  if (error->domain != AIMS_FILE_ERROR)
    return AIMS_EXIT_ERROR;

  switch ((AimsFileError) error->code)
    {
    case AIMS_FILE_ERROR_NOT_FOUND:
      return EXIT_NOT_FOUND;
    case AIMS_FILE_ERROR_IS_DIRECTORY:
      return EXIT_IS_DIRECTORY;
    case AIMS_FILE_ERROR_PERMISSION:
      return EXIT_PERMISSION;
    case AIMS_FILE_ERROR_NOT_DATABASE:
      return EXIT_NOT_DATABASE;
    case AIMS_FILE_ERROR_NOT_PROJECT:
      return EXIT_NOT_PROJECT;
    case AIMS_FILE_ERROR_NEWER_VERSION:
      return EXIT_NEWER_VERSION;
    case AIMS_FILE_ERROR_DAMAGED:
      return EXIT_DAMAGED;
    case AIMS_FILE_ERROR_UNEXPECTED_CONTENT:
      return EXIT_UNEXPECTED_CONTENT;
    case AIMS_FILE_ERROR_UNEXPECTED_OBJECTS:
      return EXIT_UNEXPECTED_OBJECTS;
    case AIMS_FILE_ERROR_IN_USE:
    case AIMS_FILE_ERROR_READ_ONLY:
    case AIMS_FILE_ERROR_NO_SPACE:
    case AIMS_FILE_ERROR_SAVE_FAILED:
    default:
      return AIMS_EXIT_ERROR;
    }
}

int
aims_cli_check (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(AimsProjectFileInfo) info = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *display = NULL;
  g_autofree char *systems = NULL;
  g_auto(GStrv) files = NULL;
  gboolean allow_extra = FALSE;
  const GOptionEntry entries[] = {
    { "allow-extra-objects", 0, 0, G_OPTION_ARG_NONE, &allow_extra,
      N_("Report extra triggers, views, tables and indexes as warnings"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, NULL },
    G_OPTION_ENTRY_NULL
  };

  context = g_option_context_new (_("FILE"));
  g_option_context_set_summary (context,
                                _("Check that FILE is a sound AIMS Workbench project this version "
                                  "can open. The file is only read; nothing in it is run."));
  g_option_context_set_description (context,
                                    _("Exit status:\n"
                                      "   0  a sound AIMS project (warnings are printed)\n"
                                      "   1  the check itself failed\n"
                                      "   2  wrong arguments\n"
                                      "  10  there is no such file\n"
                                      "  11  the path is a folder\n"
                                      "  12  permission denied\n"
                                      "  13  not a database\n"
                                      "  14  a database, but not an AIMS project\n"
                                      "  15  made by a newer version of AIMS Workbench\n"
                                      "  16  damaged\n"
                                      "  17  unexpected content (changed tables, oversized or "
                                      "invalid text)\n"
                                      "  18  extra triggers, views, tables or indexes"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!aims_cli_parse_options (context, "check", &argc, &argv))
    return AIMS_EXIT_USAGE;

  if (files == NULL || g_strv_length (files) != 1)
    {
      aims_cli_printerr (_("Give exactly one FILE. Run “aims check --help” for the options."));
      return AIMS_EXIT_USAGE;
    }

  if (!aims_project_file_check_full (files[0],
                                     allow_extra ? AIMS_CHECK_ALLOW_EXTRA_OBJECTS : AIMS_CHECK_NONE,
                                     &info, &warnings, &error))
    {
      aims_cli_printerr ("%s", error->message);
      return aims_cli_exit_status_for_error (error);
    }

  display = g_filename_display_name (files[0]);
  systems = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u AI system", "%u AI systems",
                                          info->n_ai_systems),
                             info->n_ai_systems);
  /* TRANSLATORS: FILE: OK — AIMS project, format 2, organisation “Acme”, 13 AI systems */
  g_print (_("%s: OK — AIMS project, format %u, organisation “%s”, %s\n"),
           display, info->format_version, info->organisation, systems);

  for (guint i = 0; warnings != NULL && i < warnings->len; i++)
    g_print (_("%s: warning: %s\n"), display, (const char *) g_ptr_array_index (warnings, i));

  return AIMS_EXIT_OK;
}
