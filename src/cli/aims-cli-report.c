/* aims-cli-report.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * `aims report FILE -o pack.pdf [--review REF] [--date D]`: the management
 * review pack, written by the same core code as the app's "Export Review
 * Pack…". Without --review it is the latest review's pack; with --date and
 * no --review, the figures of that day.
 */

#define G_LOG_DOMAIN "aims-cli"

#include "config.h"

#include <aims-core.h>

#include "aims-cli.h"

#include <glib/gi18n.h>

/* The uuid of the review cited as @reference (MR-001), or NULL */
static char *
find_review (AimsStore  *store,
             const char *reference)
{
  g_auto(GStrv) reviews = aims_review_list (store, NULL);

  for (guint i = 0; reviews != NULL && reviews[i] != NULL; i++)
    {
      g_autofree char *text = aims_store_dup_text (store, "management_review", reviews[i],
                                                   "reference", NULL);

      if (text != NULL && g_ascii_strcasecmp (text, reference) == 0)
        return g_strdup (reviews[i]);
    }

  return NULL;
}

int
aims_cli_report (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsDocument) document = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *output = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *date = NULL;
  g_autofree char *review = NULL;
  g_autofree char *lower = NULL;
  g_auto(GStrv) files = NULL;
  AimsStore *store;
  guint n_pages = 0;
  const GOptionEntry options[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Where to write the PDF"), N_("OUT.pdf") },
    { "review", 0, 0, G_OPTION_ARG_STRING, &reference,
      N_("The management review, by its reference (the latest when not given)"), N_("REF") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date,
      N_("Without --review: the figures of this day, YYYY-MM-DD"), N_("DATE") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("FILE") },
    { NULL }
  };

  context = g_option_context_new (_("FILE -o OUT.pdf"));
  g_option_context_set_summary (context,
                                _("Write the management review pack (ISO/IEC 42001 9.3) as a "
                                  "PDF for executives."));
  g_option_context_add_main_entries (context, options, GETTEXT_PACKAGE);
  if (!aims_cli_parse_options (context, "report", &argc, &argv))
    return AIMS_EXIT_USAGE;

  if (files == NULL || g_strv_length (files) != 1)
    {
      aims_cli_printerr (_("Give exactly one project FILE."));
      return AIMS_EXIT_USAGE;
    }
  if (output == NULL)
    {
      aims_cli_printerr (_("Say where to write the review pack with -o OUT.pdf."));
      return AIMS_EXIT_USAGE;
    }
  lower = g_ascii_strdown (output, -1);
  if (!g_str_has_suffix (lower, ".pdf"))
    {
      aims_cli_printerr (_("“%s”: the review pack is a PDF; end the name with .pdf."), output);
      return AIMS_EXIT_USAGE;
    }
  if (date != NULL && !aims_rules_date_is_valid (date))
    {
      aims_cli_printerr (_("--date “%s” is not a date that exists; write it as YYYY-MM-DD."),
                         date);
      return AIMS_EXIT_USAGE;
    }
  if (date != NULL && reference != NULL)
    {
      aims_cli_printerr (_("Give --review or --date, not both: a review has its own date."));
      return AIMS_EXIT_USAGE;
    }

  file = g_file_new_for_commandline_arg (files[0]);
  document = aims_document_open (file, AIMS_OPEN_READ_ONLY, NULL, &error);
  if (document == NULL)
    {
      aims_cli_printerr ("%s", error->message);
      return aims_cli_exit_status_for_error (error);
    }
  store = aims_document_get_store (document);

  if (reference != NULL)
    {
      review = find_review (store, reference);
      if (review == NULL)
        {
          aims_cli_printerr (_("The project has no management review “%s”; `aims kpi` and the "
                               "app list the reviews it has."), reference);
          aims_document_close (document);
          return AIMS_EXIT_ERROR;
        }
    }
  else if (date == NULL)
    review = aims_review_dup_latest (store);

  if (!aims_review_pack_write (store, review, date, output, &n_pages, &error))
    {
      aims_cli_printerr ("%s", error->message);
      aims_document_close (document);
      return AIMS_EXIT_ERROR;
    }

  g_print (ngettext ("Wrote %s: %u page\n", "Wrote %s: %u pages\n", n_pages), output, n_pages);
  aims_document_close (document);
  return AIMS_EXIT_OK;
}
