/* aims-cli-soa.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * `aims soa FILE -o OUT.{csv,pdf}`: the project's Statement of Applicability
 * for an auditor, written by the same core code as the app's export. The
 * figures go to standard output, the SoA's warnings to standard error.
 */

#define G_LOG_DOMAIN "aims-cli"

#include "config.h"

#include <aims-core.h>

#include "aims-cli.h"

#include <glib/gi18n.h>

int
aims_cli_soa (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsDocument) document = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *output = NULL;
  g_autofree char *lower = NULL;
  g_auto(GStrv) files = NULL;
  AimsSoaSummary summary;
  AimsStore *store;
  const GOptionEntry options[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Where to write: a .csv or .pdf file"), N_("OUT") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("FILE") },
    { NULL }
  };

  context = g_option_context_new (_("FILE -o OUT.{csv,pdf}"));
  g_option_context_set_summary (context,
                                _("Write the project’s Statement of Applicability (ISO/IEC 42001 "
                                  "Annex A) as CSV or as a PDF table for an auditor."));
  g_option_context_add_main_entries (context, options, GETTEXT_PACKAGE);
  if (!aims_cli_parse_options (context, "soa", &argc, &argv))
    return AIMS_EXIT_USAGE;

  if (files == NULL || g_strv_length (files) != 1)
    {
      aims_cli_printerr (_("Give exactly one project FILE."));
      return AIMS_EXIT_USAGE;
    }
  if (output == NULL)
    {
      aims_cli_printerr (_("Say where to write the Statement of Applicability with -o OUT.csv or "
                           "OUT.pdf."));
      return AIMS_EXIT_USAGE;
    }
  lower = g_ascii_strdown (output, -1);
  if (!g_str_has_suffix (lower, ".csv") && !g_str_has_suffix (lower, ".pdf"))
    {
      aims_cli_printerr (_("“%s”: the Statement of Applicability is written as .csv or .pdf; end "
                           "the name with one of them."),
                         output);
      return AIMS_EXIT_USAGE;
    }

  /* Read-only: nothing is locked, nothing in the file changes */
  file = g_file_new_for_commandline_arg (files[0]);
  document = aims_document_open (file, AIMS_OPEN_READ_ONLY, NULL, &error);
  if (document == NULL)
    {
      aims_cli_printerr ("%s", error->message);
      return aims_cli_exit_status_for_error (error);
    }
  store = aims_document_get_store (document);

  if ((entries = aims_soa_load (store, &error)) == NULL ||
      !aims_soa_export_file (store, output, &error))
    {
      aims_cli_printerr ("%s", error->message);
      aims_document_close (document);
      return AIMS_EXIT_ERROR;
    }

  warnings = aims_soa_check (entries);
  for (guint i = 0; i < warnings->len; i++)
    /* Translators: a warning about the SoA, on the command line */
    aims_cli_printerr (_("Warning: %s"), (const char *) g_ptr_array_index (warnings, i));

  aims_soa_summarize (entries, NULL, &summary);
  g_print (_("%u applicable, %u excluded, %u not decided; %u of %u applicable controls "
             "implemented (%.0f%%)\n"),
           summary.n_applicable, summary.n_excluded, summary.n_undecided, summary.n_implemented,
           summary.n_applicable, 100.0 * aims_soa_summary_get_fraction (&summary));

  aims_document_close (document);
  return AIMS_EXIT_OK;
}
