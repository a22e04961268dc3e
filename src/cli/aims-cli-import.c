/* aims-cli-import.c
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
 * aims import FILE --csv|--xlsx IN --into REGISTER [--map MAPPING.json]
 *                  [--sheet NAME] [--dry-run]
 *
 * Rows of IN into a register of the project FILE, as the app's import
 * assistant does: one transaction, saved to FILE only when every row was
 * accepted. Rejected rows are listed on the standard error, one a line,
 * with the file, row, column and reason.
 *
 * Each input format is one entry of `formats`: a new one (--json) adds an
 * entry and a case to read_input().
 */

typedef enum
{
  INPUT_CSV,
  INPUT_XLSX,
  N_INPUTS
} InputFormat;

static const struct
{
  const char *option;
  const char *description;
} formats[N_INPUTS] = {
  [INPUT_CSV] = { "csv", N_("Read the rows from the CSV file IN") },
  [INPUT_XLSX] = { "xlsx", N_("Read the rows from a sheet of the XLSX workbook IN") },
};

/* The path given for each input format (g_autofree would free only the
 * first element of an array). */
typedef struct
{
  char *paths[N_INPUTS];
} Inputs;

static void
inputs_clear (Inputs *inputs)
{
  for (guint i = 0; i < N_INPUTS; i++)
    g_clear_pointer (&inputs->paths[i], g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Inputs, inputs_clear)

static AimsSheet *
read_input (InputFormat   format,
            const char   *path,
            const char   *sheet_name,
            GError      **error)
{
  switch (format)
    {
    case INPUT_CSV:
      return aims_csv_read_file (path, error);
    case INPUT_XLSX:
      return aims_xlsx_read_file (path, sheet_name, error);
    case N_INPUTS:
    default:
      g_assert_not_reached ();
    }
}

int
aims_cli_import (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(AimsDocument) document = NULL;
  g_autoptr(AimsSheet) sheet = NULL;
  g_autoptr(AimsImportMapping) mapping = NULL;
  g_autoptr(AimsImportResult) result = NULL;
  g_autoptr(AimsMatrix) matrix = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Inputs) inputs = { { NULL } };
  g_autofree char *into = NULL;
  g_autofree char *map = NULL;
  g_autofree char *sheet_name = NULL;
  g_auto(GStrv) files = NULL;
  g_autofree char *project_json = NULL;
  gboolean dry_run = FALSE;
  gboolean force = FALSE;
  GOptionEntry entries[N_INPUTS + 8];
  InputFormat format = N_INPUTS;
  AimsStore *store;
  guint n = 0;

  for (guint i = 0; i < N_INPUTS; i++)
    entries[n++] = (GOptionEntry) { formats[i].option, 0, 0, G_OPTION_ARG_FILENAME, &inputs.paths[i],
                                    formats[i].description, N_("IN") };
  entries[n++] = (GOptionEntry) { "json", 0, 0, G_OPTION_ARG_FILENAME, &project_json,
                                  N_("Make FILE a new project holding the project JSON IN, as "
                                     "“aims export --json” wrote it"), N_("IN") };
  entries[n++] = (GOptionEntry) { "force", 0, 0, G_OPTION_ARG_NONE, &force,
                                  N_("With --json, replace FILE if it exists"), NULL };
  entries[n++] = (GOptionEntry) { "into", 0, 0, G_OPTION_ARG_STRING, &into,
                                  N_("The register: ai-systems, data-sets, third-parties, risks "
                                     "or incidents"), N_("REGISTER") };
  entries[n++] = (GOptionEntry) { "map", 0, 0, G_OPTION_ARG_FILENAME, &map,
                                  N_("Map columns to fields and texts to values as this mapping "
                                     "file says (see docs/import-mapping.md)"), N_("MAPPING.json") };
  entries[n++] = (GOptionEntry) { "sheet", 0, 0, G_OPTION_ARG_STRING, &sheet_name,
                                  N_("The sheet of the XLSX workbook to read (the first if not "
                                     "given)"), N_("NAME") };
  entries[n++] = (GOptionEntry) { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run,
                                  N_("List what would be imported and every row that would be "
                                     "rejected; change nothing"), NULL };
  entries[n++] = (GOptionEntry) { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files,
                                  NULL, NULL };
  entries[n++] = (GOptionEntry) G_OPTION_ENTRY_NULL;

  context = g_option_context_new (_("FILE"));
  g_option_context_set_summary (context,
                                _("Import the rows of a CSV or XLSX file into a register of the "
                                  "project FILE. Row 1 is the header; columns are matched to "
                                  "fields by their headers unless a mapping file says otherwise. "
                                  "A row with the reference of a record already there updates "
                                  "it. If any row is rejected, nothing is imported."));
  g_option_context_set_description (context,
                                    _("Exit status:\n"
                                      "   0  imported (or, with --dry-run, nothing would be "
                                      "rejected)\n"
                                      "   1  rows were rejected, or IN or FILE could not be "
                                      "read or written\n"
                                      "   2  wrong arguments\n"
                                      "  10–18  FILE is not a sound project, as “aims check” "
                                      "reports it"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!aims_cli_parse_options (context, "import", &argc, &argv))
    return AIMS_EXIT_USAGE;

  if (files == NULL || g_strv_length (files) != 1)
    {
      aims_cli_printerr (_("Give exactly one FILE. Run “aims import --help” for the options."));
      return AIMS_EXIT_USAGE;
    }

  /* A whole project, into a new file (aims-cli-json.c) */
  if (project_json != NULL)
    {
      for (guint i = 0; i < N_INPUTS; i++)
        if (inputs.paths[i] != NULL)
          {
            aims_cli_printerr (_("Give one input: --json IN, --csv IN or --xlsx IN."));
            return AIMS_EXIT_USAGE;
          }
      if (into != NULL || map != NULL || dry_run)
        {
          aims_cli_printerr (_("--json makes a new project from a whole-project JSON; --into, "
                               "--map and --dry-run are for CSV and XLSX rows."));
          return AIMS_EXIT_USAGE;
        }
      return aims_cli_json_import (project_json, files[0], force, NULL);
    }

  for (guint i = 0; i < N_INPUTS; i++)
    {
      if (inputs.paths[i] == NULL)
        continue;
      if (format != N_INPUTS)
        {
          aims_cli_printerr (_("Give one input: --csv IN or --xlsx IN."));
          return AIMS_EXIT_USAGE;
        }
      format = i;
    }
  if (format == N_INPUTS)
    {
      aims_cli_printerr (_("Say what to import with --csv IN or --xlsx IN."));
      return AIMS_EXIT_USAGE;
    }

  if (into == NULL)
    {
      aims_cli_printerr (_("Say which register to import into with --into: ai-systems, "
                           "data-sets, third-parties, risks or incidents."));
      return AIMS_EXIT_USAGE;
    }

  if (sheet_name != NULL && format != INPUT_XLSX)
    {
      aims_cli_printerr (_("--sheet is for XLSX workbooks; a CSV file has one sheet."));
      return AIMS_EXIT_USAGE;
    }

  sheet = read_input (format, inputs.paths[format], sheet_name, &error);
  if (sheet == NULL)
    {
      aims_cli_printerr ("%s", error->message);
      return AIMS_EXIT_ERROR;
    }

  file = g_file_new_for_commandline_arg (files[0]);
  document = aims_document_open (file, AIMS_OPEN_NONE, NULL, &error);
  if (document == NULL)
    {
      aims_cli_printerr ("%s", error->message);
      return aims_cli_exit_status_for_error (error);
    }
  store = aims_document_get_store (document);
  matrix = aims_store_dup_matrix (store);

  if (map != NULL)
    {
      g_autofree char *json = NULL;
      g_autofree char *display = g_filename_display_basename (map);
      gsize length = 0;

      if (!g_file_get_contents (map, &json, &length, &error))
        {
          aims_cli_printerr (_("The mapping file could not be read: %s"), error->message);
          aims_document_close (document);
          return AIMS_EXIT_ERROR;
        }
      mapping = aims_import_mapping_new_from_json (into, sheet, json, (gssize) length, display,
                                                   &error);
    }
  else
    mapping = aims_import_mapping_guess (into, sheet, matrix, &error);

  if (mapping == NULL)
    {
      aims_cli_printerr ("%s", error->message);
      aims_document_close (document);
      return g_error_matches (error, AIMS_IMPORT_ERROR, AIMS_IMPORT_ERROR_REGISTER)
             ? AIMS_EXIT_USAGE : AIMS_EXIT_ERROR;
    }

  result = aims_import_run (store, sheet, mapping, dry_run, &error);
  if (result == NULL)
    {
      aims_cli_printerr ("%s", error->message);
      aims_document_close (document);
      return AIMS_EXIT_ERROR;
    }

  for (guint i = 0; i < aims_import_result_get_n_rejected (result); i++)
    aims_cli_printerr ("%s", aims_import_result_get_rejected_reason (result, i));

  if (aims_import_result_get_n_rejected (result) > 0)
    {
      guint rejected = aims_import_result_get_n_rejected (result);

      aims_cli_printerr (g_dngettext (GETTEXT_PACKAGE,
                                      "%u row was rejected, so nothing was imported.",
                                      "%u rows were rejected, so nothing was imported.",
                                      rejected),
                         rejected);
      aims_document_close (document);
      return AIMS_EXIT_ERROR;
    }

  if (!dry_run && !aims_document_save (document, &error))
    {
      aims_cli_printerr ("%s", error->message);
      aims_document_close (document);
      return AIMS_EXIT_ERROR;
    }

  /* Translators: the counts of an import: added, updated, unchanged */
  g_print (dry_run ? _("Dry run: %u would be added, %u updated, %u unchanged; nothing was "
                       "imported.\n")
                   : _("Imported: %u added, %u updated, %u unchanged.\n"),
           aims_import_result_get_n_added (result), aims_import_result_get_n_updated (result),
           aims_import_result_get_n_unchanged (result));

  aims_document_close (document);
  return AIMS_EXIT_OK;
}
