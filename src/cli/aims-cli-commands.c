/* aims-cli-commands.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aims-cli"

#include "config.h"

#include "aims-cli.h"

#include <glib/gi18n.h>

/* The table of commands, in the order `aims --help` lists them. Each command
 * lives in its own aims-cli-<name>.c file. */
static const AimsCliCommand commands[] = {
  { "new", "FILE [OPTION…]",
    N_("Create an empty project file"), aims_cli_new },
  { "check", "FILE [OPTION…]",
    N_("Check that a file is a sound project; the exit code says why not"), aims_cli_check },
  { "demo", "FILE [OPTION…]",
    N_("Write a demo project of an insurer"), aims_cli_demo },
  { "import", "FILE --csv|--xlsx IN --into REGISTER [OPTION…]",
    N_("Import rows of a CSV or XLSX file into a register"), aims_cli_import },
  { "export", "FILE --into REGISTER -o OUT.{csv,xlsx}",
    N_("Export a register as CSV or XLSX"), aims_cli_export },
  { "export-inventory", "FILE [OPTION…]",
    N_("Export the AI system inventory of a project as CSV"), aims_cli_export_inventory },
  { "export-json", "FILE -o OUT.json",
    N_("Export the whole project as JSON"), aims_cli_export_json },
  { "import-json", "IN.json -o NEW.aims",
    N_("Make a new project file from a project JSON"), aims_cli_import_json },
  { "export-oscal", "FILE --kind KIND -o OUT.json",
    N_("Export the SoA, audit findings or open actions as OSCAL 1.1.2"), aims_cli_export_oscal },
  { "heatmap", "FILE -o OUT.{png,svg,pdf} [OPTION…]",
    N_("Draw the risk heatmap as PNG, SVG or PDF"), aims_cli_heatmap },
  { "assessment", "FILE --system ID -o OUT.pdf",
    N_("Write an AI system’s impact assessment as a printable PDF"), aims_cli_assessment },
  { "soa", "FILE -o OUT.{csv,pdf}",
    N_("Write the Statement of Applicability as CSV or PDF"), aims_cli_soa },
  { "kpi", "FILE [--date D] [--json]",
    N_("Print the project’s figures (KPIs)"), aims_cli_kpi },
  { "report", "FILE -o OUT.pdf [--review REF] [--date D]",
    N_("Write the management review pack as a PDF"), aims_cli_report },
  { "catalog", "[--json]",
    N_("List the bundled ISO/IEC 42001 and NIST AI RMF catalog"), aims_cli_catalog },
  { "bench", "[OPTION…]",
    N_("Measure opening, saving and editing a large project"), aims_cli_bench },
  { NULL, NULL, NULL, NULL },
};

const AimsCliCommand *
aims_cli_get_commands (guint *n_commands)
{
  *n_commands = G_N_ELEMENTS (commands) - 1;
  return commands;
}
