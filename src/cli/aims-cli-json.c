/* aims-cli-json.c
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
 * aims export-json FILE -o OUT.json
 * aims import-json IN.json -o NEW.aims [--force]
 * aims export-oscal FILE --kind KIND -o OUT.json
 *
 * The commands parse their arguments and call aims_cli_json_export(),
 * aims_cli_json_import() and aims_cli_oscal_export(), which `aims export`
 * and `aims import` call too. Those return an exit status and print their
 * own messages.
 */

static char *
local_path (const char *arg)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (arg);

  return g_file_get_path (file);
}

static int
status_for_error (const GError *error)
{
  if (error->domain == AIMS_PROJECT_JSON_ERROR || error->domain == G_IO_ERROR ||
      error->domain == G_FILE_ERROR || error->domain == AIMS_STORE_ERROR)
    return AIMS_EXIT_ERROR;

  return aims_cli_exit_status_for_error (error);
}

/**
 * aims_cli_json_export:
 * @project: the project file
 * @output: the JSON file to write
 * @error: (nullable): return location for a #GError, or %NULL to print it
 *
 * Returns: the exit status
 */
int
aims_cli_json_export (const char  *project,
                      const char  *output,
                      GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *in_path = local_path (project);
  g_autofree char *out_path = local_path (output);
  g_autofree char *display = g_filename_display_name (output);
  int status;

  if (in_path == NULL || out_path == NULL)
    {
      aims_cli_printerr (_("Give local file names."));
      return AIMS_EXIT_USAGE;
    }

  if (aims_project_json_export_file (in_path, out_path, &local_error))
    {
      g_print (_("Exported the project to %s\n"), display);
      return AIMS_EXIT_OK;
    }

  status = status_for_error (local_error);
  if (error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    aims_cli_printerr ("%s", local_error->message);
  return status;
}

/**
 * aims_cli_json_import:
 * @input: the project JSON file
 * @project: the project file to create
 * @force: replace @project if it exists
 * @error: (nullable): return location for a #GError, or %NULL to print it
 *
 * Returns: the exit status
 */
int
aims_cli_json_import (const char  *input,
                      const char  *project,
                      gboolean     force,
                      GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *in_path = local_path (input);
  g_autofree char *out_path = local_path (project);
  g_autofree char *display = g_filename_display_name (project);

  if (in_path == NULL || out_path == NULL)
    {
      aims_cli_printerr (_("Give local file names."));
      return AIMS_EXIT_USAGE;
    }

  if (!force && g_file_test (out_path, G_FILE_TEST_EXISTS))
    {
      aims_cli_printerr (_("“%s” already exists. Use --force to replace it."), display);
      return AIMS_EXIT_ERROR;
    }

  if (aims_project_json_import_file (in_path, out_path, g_get_real_name (), &local_error))
    {
      g_print (_("Imported the project into %s\n"), display);
      return AIMS_EXIT_OK;
    }

  if (error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    aims_cli_printerr ("%s", local_error->message);
  return AIMS_EXIT_ERROR;
}

/**
 * aims_cli_oscal_export:
 * @project: the project file
 * @kind: "component-definition", "ssp", "assessment-results" or "poam"
 * @output: the JSON file to write
 * @error: (nullable): return location for a #GError, or %NULL to print it
 *
 * Returns: the exit status
 */
int
aims_cli_oscal_export (const char  *project,
                       const char  *kind,
                       const char  *output,
                       GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *in_path = local_path (project);
  g_autofree char *out_path = local_path (output);
  g_autofree char *display = g_filename_display_name (output);
  AimsOscalKind oscal_kind;
  int status;

  if (!aims_oscal_kind_from_string (kind, &oscal_kind))
    {
      aims_cli_printerr (_("“%s” is not an OSCAL document kind; use component-definition, ssp, "
                           "assessment-results or poam."), kind);
      return AIMS_EXIT_USAGE;
    }

  if (in_path == NULL || out_path == NULL)
    {
      aims_cli_printerr (_("Give local file names."));
      return AIMS_EXIT_USAGE;
    }

  if (aims_oscal_export_file (in_path, oscal_kind, out_path, &local_error))
    {
      g_print (_("Exported the OSCAL %s to %s\n"), kind, display);
      return AIMS_EXIT_OK;
    }

  status = status_for_error (local_error);
  if (error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    aims_cli_printerr ("%s", local_error->message);
  return status;
}

static int
check_arguments (const char *command,
                 GStrv       files,
                 const char *output)
{
  if (files == NULL || g_strv_length (files) != 1)
    {
      aims_cli_printerr (_("Give exactly one FILE. Run “aims %s --help” for the options."),
                         command);
      return AIMS_EXIT_USAGE;
    }

  if (output == NULL || *output == '\0')
    {
      aims_cli_printerr (_("Give the file to write with -o. Run “aims %s --help” for the "
                           "options."), command);
      return AIMS_EXIT_USAGE;
    }

  return AIMS_EXIT_OK;
}

int
aims_cli_export_json (int    argc,
                      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *output = NULL;
  g_auto(GStrv) files = NULL;
  int status;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The JSON file to write"), N_("OUT") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, NULL },
    G_OPTION_ENTRY_NULL
  };

  context = g_option_context_new (_("FILE"));
  g_option_context_set_summary (context,
                                _("Export the whole project FILE as JSON: every record, field "
                                  "and link, the risk matrix and the change log. The same "
                                  "project always gives the same bytes."));
  g_option_context_set_description (context,
                                    _("Exit status:\n"
                                      "   0  exported\n"
                                      "   1  the export could not be written\n"
                                      "   2  wrong arguments\n"
                                      "  10–18  FILE is not a sound project, as “aims check” "
                                      "reports it"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!aims_cli_parse_options (context, "export-json", &argc, &argv))
    return AIMS_EXIT_USAGE;

  status = check_arguments ("export-json", files, output);
  if (status != AIMS_EXIT_OK)
    return status;

  return aims_cli_json_export (files[0], output, NULL);
}

int
aims_cli_import_json (int    argc,
                      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *output = NULL;
  g_auto(GStrv) files = NULL;
  gboolean force = FALSE;
  int status;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The new project file to write"), N_("NEW.aims") },
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force,
      N_("Replace the project file if it exists"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, NULL },
    G_OPTION_ENTRY_NULL
  };

  context = g_option_context_new (_("IN.json"));
  g_option_context_set_summary (context,
                                _("Make a new project file from a project JSON that “aims "
                                  "export-json” wrote. The whole document is checked first; a "
                                  "problem is reported with its JSON path and nothing is "
                                  "written."));
  g_option_context_set_description (context,
                                    _("Exit status: 0 imported, 1 the document was refused or "
                                      "the project could not be written, 2 wrong arguments."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!aims_cli_parse_options (context, "import-json", &argc, &argv))
    return AIMS_EXIT_USAGE;

  status = check_arguments ("import-json", files, output);
  if (status != AIMS_EXIT_OK)
    return status;

  return aims_cli_json_import (files[0], output, force, NULL);
}

int
aims_cli_export_oscal (int    argc,
                       char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *output = NULL;
  g_autofree char *kind = NULL;
  g_auto(GStrv) files = NULL;
  int status;
  const GOptionEntry entries[] = {
    { "kind", 'k', 0, G_OPTION_ARG_STRING, &kind,
      N_("component-definition (the SoA and how controls are implemented), ssp, "
         "assessment-results (audit findings) or poam (open corrective actions)"),
      N_("KIND") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The JSON file to write"), N_("OUT") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, NULL },
    G_OPTION_ENTRY_NULL
  };

  context = g_option_context_new (_("FILE"));
  g_option_context_set_summary (context,
                                _("Export the project FILE as an OSCAL 1.1.2 document that "
                                  "refers to the ISO/IEC 42001 Annex A controls by their ids."));
  g_option_context_set_description (context,
                                    _("Exit status:\n"
                                      "   0  exported\n"
                                      "   1  the export could not be written\n"
                                      "   2  wrong arguments\n"
                                      "  10–18  FILE is not a sound project, as “aims check” "
                                      "reports it"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!aims_cli_parse_options (context, "export-oscal", &argc, &argv))
    return AIMS_EXIT_USAGE;

  status = check_arguments ("export-oscal", files, output);
  if (status != AIMS_EXIT_OK)
    return status;

  if (kind == NULL)
    {
      aims_cli_printerr (_("Give the kind of document with --kind: component-definition, ssp, "
                           "assessment-results or poam."));
      return AIMS_EXIT_USAGE;
    }

  return aims_cli_oscal_export (files[0], kind, output, NULL);
}
