/* aims-cli-export.c
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
 * aims export FILE --into REGISTER -o OUT.{csv,xlsx}
 *
 * A register of FILE as a spreadsheet, from the same core code as the app's
 * “Export as CSV…” and “Export as XLSX…”. FILE is opened read-only: nothing
 * in it changes. OUT is replaced in one step.
 *
 * The output format comes from OUT's extension, one entry of `formats`; a
 * new format (--json) adds an entry.
 */

static const struct
{
  const char      *extension;
  AimsSheetFormat  format;
} formats[] = {
  { ".csv", AIMS_SHEET_FORMAT_CSV },
  { ".xlsx", AIMS_SHEET_FORMAT_XLSX },
};

int
aims_cli_export (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(AimsDocument) document = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *into = NULL;
  g_autofree char *output = NULL;
  g_autofree char *lower = NULL;
  g_autofree char *display = NULL;
  g_auto(GStrv) files = NULL;
  gboolean known = FALSE;
  g_autofree char *oscal = NULL;
  gboolean json = FALSE;
  const char *table;
  guint n_records = 0;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Write the whole project as JSON: every record, link, the matrix and the history "
         "(see docs/project-json.md)"), NULL },
    { "oscal", 0, 0, G_OPTION_ARG_STRING, &oscal,
      N_("Write an OSCAL 1.1.2 document: component-definition, ssp, assessment-results or "
         "poam"), N_("KIND") },
    { "into", 0, 0, G_OPTION_ARG_STRING, &into,
      N_("The register: ai-systems, data-sets, third-parties, risks, incidents, impacts, soa, "
         "findings or corrective-actions"), N_("REGISTER") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to OUT; its extension, .csv or .xlsx, says the format"), N_("OUT") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, NULL },
    G_OPTION_ENTRY_NULL
  };

  context = g_option_context_new (_("FILE"));
  g_option_context_set_summary (context,
                                _("Export a register of the project FILE as CSV or XLSX: a "
                                  "header row and one row per record. Importing the file again "
                                  "changes nothing. With --json, the whole project; with "
                                  "--oscal, an OSCAL document. FILE is only read."));
  g_option_context_set_description (context,
                                    _("Exit status:\n"
                                      "   0  exported\n"
                                      "   1  the export could not be written\n"
                                      "   2  wrong arguments\n"
                                      "  10–18  FILE is not a sound project, as “aims check” "
                                      "reports it"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!aims_cli_parse_options (context, "export", &argc, &argv))
    return AIMS_EXIT_USAGE;

  if (files == NULL || g_strv_length (files) != 1)
    {
      aims_cli_printerr (_("Give exactly one FILE. Run “aims export --help” for the options."));
      return AIMS_EXIT_USAGE;
    }

  /* The whole project, or one of its OSCAL views (aims-cli-json.c) */
  if (json || oscal != NULL)
    {
      if (json && oscal != NULL)
        {
          aims_cli_printerr (_("Give one of --json and --oscal."));
          return AIMS_EXIT_USAGE;
        }
      if (into != NULL)
        {
          aims_cli_printerr (_("--into names a register to write as CSV or XLSX; --json and "
                               "--oscal write the whole project."));
          return AIMS_EXIT_USAGE;
        }
      if (output == NULL || *output == '\0')
        {
          aims_cli_printerr (_("Say where to write it with -o OUT.json."));
          return AIMS_EXIT_USAGE;
        }
      return json ? aims_cli_json_export (files[0], output, NULL)
                  : aims_cli_oscal_export (files[0], oscal, output, NULL);
    }

  if (into == NULL || (table = aims_sheet_register_to_table (into, NULL)) == NULL)
    {
      g_autofree char *list = g_strjoinv (", ", (char **) aims_sheet_list_registers (FALSE));

      aims_cli_printerr (_("Say which register to export with --into, one of: %s."), list);
      return AIMS_EXIT_USAGE;
    }

  if (output == NULL || *output == '\0')
    {
      aims_cli_printerr (_("Say where to write the register with -o OUT.csv or OUT.xlsx."));
      return AIMS_EXIT_USAGE;
    }

  lower = g_ascii_strdown (output, -1);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    known = known || g_str_has_suffix (lower, formats[i].extension);
  if (!known)
    {
      aims_cli_printerr (_("“%s”: a register is written as .csv or .xlsx; end the name with one "
                           "of them."),
                         output);
      return AIMS_EXIT_USAGE;
    }

  file = g_file_new_for_commandline_arg (files[0]);
  document = aims_document_open (file, AIMS_OPEN_READ_ONLY, NULL, &error);
  if (document == NULL)
    {
      aims_cli_printerr ("%s", error->message);
      return aims_cli_exit_status_for_error (error);
    }

  if (!aims_sheet_export_to_file (aims_document_get_store (document), table, output, &n_records,
                                  &error))
    {
      aims_cli_printerr ("%s", error->message);
      aims_document_close (document);
      return AIMS_EXIT_ERROR;
    }

  display = g_filename_display_name (output);
  g_print (g_dngettext (GETTEXT_PACKAGE, "Exported %u record to %s\n",
                        "Exported %u records to %s\n", n_records),
           n_records, display);

  aims_document_close (document);
  return AIMS_EXIT_OK;
}
