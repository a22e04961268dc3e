/* aims-cli-kpi.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * `aims kpi FILE [--date D] [--since D] [--json]`: the figures of DOMAIN.md,
 * as the Overview and the review pack show them.
 */

#define G_LOG_DOMAIN "aims-cli"

#include "config.h"

#include <aims-core.h>

#include "aims-cli.h"

#include <glib/gi18n.h>

static void
print_fraction (const char *label,
                guint       done,
                guint       total)
{
  if (total == 0)
    g_print ("%-28s %u / %u\n", label, done, total);
  else
    g_print ("%-28s %u / %u (%.0f%%)\n", label, done, total, 100.0 * done / total);
}

static void
print_kpi (const AimsKpi *kpi)
{
  g_autofree char *mttd = aims_kpi_format_duration (kpi->mttd_minutes);
  g_autofree char *mttr = aims_kpi_format_duration (kpi->mttr_minutes);

  g_print (_("Figures on %s\n"), kpi->date);
  print_fraction (_("Risk assessment coverage"), kpi->n_covered, kpi->n_in_scope);
  print_fraction (_("Treatment implementation"), kpi->n_treatment_done, kpi->n_treatment_actions);
  g_print ("%-28s %u\n", _("Risks above tolerance"), kpi->n_above_tolerance);
  print_fraction (_("SoA implementation"), kpi->n_implemented_controls,
                  kpi->n_applicable_controls);
  print_fraction (_("Clause readiness"), kpi->n_requirements_done, kpi->n_requirements);
  g_print (_("%-28s %u (major %u, minor %u, not graded %u)\n"), _("Open nonconformities"),
           kpi->n_open_nonconformities, kpi->open_nonconformities[AIMS_KPI_NC_MAJOR],
           kpi->open_nonconformities[AIMS_KPI_NC_MINOR],
           kpi->open_nonconformities[AIMS_KPI_NC_UNGRADED]);
  g_print ("%-28s %u\n", _("Overdue corrective actions"), kpi->n_corrective_overdue);
  g_print (_("%-28s %u (critical %u, high %u, medium %u, low %u)\n"), _("Incidents"),
           kpi->n_incidents, kpi->incidents[AIMS_KPI_INCIDENT_CRITICAL],
           kpi->incidents[AIMS_KPI_INCIDENT_HIGH], kpi->incidents[AIMS_KPI_INCIDENT_MEDIUM],
           kpi->incidents[AIMS_KPI_INCIDENT_LOW]);
  g_print (_("%-28s %s over %u incidents\n"), _("Mean time to detect"),
           kpi->n_mttd > 0 ? mttd : "—", kpi->n_mttd);
  g_print (_("%-28s %s over %u incidents\n"), _("Mean time to resolve"),
           kpi->n_mttr > 0 ? mttr : "—", kpi->n_mttr);
  g_print (_("%-28s %u AI systems, %u risks, %u impact assessments\n"), _("Overdue reviews"),
           kpi->n_systems_overdue, kpi->n_risks_overdue, kpi->n_assessments_overdue);
}

int
aims_cli_kpi (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsDocument) document = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(AimsKpi) kpi = NULL;
  g_autofree char *date = NULL;
  g_autofree char *since = NULL;
  g_auto(GStrv) files = NULL;
  gboolean json = FALSE;
  const GOptionEntry options[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &date,
      N_("Judge due and review dates on this day, YYYY-MM-DD (default: today)"), N_("DATE") },
    { "since", 0, 0, G_OPTION_ARG_STRING, &since,
      N_("Count incidents from this day, YYYY-MM-DD (default: all)"), N_("DATE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("FILE") },
    { NULL }
  };

  context = g_option_context_new (_("FILE"));
  g_option_context_set_summary (context,
                                _("Print the project’s figures: coverage, treatment, risks "
                                  "above tolerance, SoA, clause readiness, nonconformities, "
                                  "incidents and overdue reviews."));
  g_option_context_add_main_entries (context, options, GETTEXT_PACKAGE);
  if (!aims_cli_parse_options (context, "kpi", &argc, &argv))
    return AIMS_EXIT_USAGE;

  if (files == NULL || g_strv_length (files) != 1)
    {
      aims_cli_printerr (_("Give exactly one project FILE."));
      return AIMS_EXIT_USAGE;
    }
  if ((date != NULL && !aims_rules_date_is_valid (date)) ||
      (since != NULL && !aims_rules_date_is_valid (since)))
    {
      aims_cli_printerr (_("“%s” is not a date that exists; write it as YYYY-MM-DD."),
                         date != NULL && !aims_rules_date_is_valid (date) ? date : since);
      return AIMS_EXIT_USAGE;
    }

  file = g_file_new_for_commandline_arg (files[0]);
  document = aims_document_open (file, AIMS_OPEN_READ_ONLY, NULL, &error);
  if (document == NULL)
    {
      aims_cli_printerr ("%s", error->message);
      return aims_cli_exit_status_for_error (error);
    }

  kpi = aims_kpi_compute (aims_document_get_store (document), date, since, NULL, &error);
  if (kpi == NULL)
    {
      aims_cli_printerr ("%s", error->message);
      aims_document_close (document);
      return AIMS_EXIT_ERROR;
    }

  if (json)
    {
      g_autoptr(JsonNode) node = aims_kpi_to_json (kpi);
      g_autofree char *text = json_to_string (node, TRUE);

      g_print ("%s\n", text);
    }
  else
    print_kpi (kpi);

  aims_document_close (document);
  return AIMS_EXIT_OK;
}
