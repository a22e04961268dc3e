/* aims-cli-assessment.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * `aims assessment FILE --system ID -o OUT.pdf`: an AI system's impact
 * assessment as a printable PDF, drawn by the same core code as the app's
 * Export PDF button. The latest version unless --version says which.
 */

#define G_LOG_DOMAIN "aims-cli"

#include "config.h"

#include <aims-core.h>

#include "aims-cli.h"

#include <glib/gi18n.h>

/* The system's uuid from its reference (SYS-007) or its uuid */
static char *
find_system (AimsStore   *store,
             const char  *id,
             GError     **error)
{
  g_autoptr(AimsRecordList) list = aims_record_list_new (store, "ai_system");

  aims_record_list_set_filter (list, "reference", id);
  if (g_list_model_get_n_items (G_LIST_MODEL (list)) == 0)
    {
      aims_record_list_set_filter (list, "reference", NULL);
      aims_record_list_set_filter (list, "uuid", id);
    }

  if (g_list_model_get_n_items (G_LIST_MODEL (list)) == 1)
    {
      g_autoptr(AimsRecord) record = g_list_model_get_item (G_LIST_MODEL (list), 0);

      return g_strdup (aims_record_get_uuid (record));
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
               _("The project has no AI system “%s”. Give its identifier, such as SYS-001."), id);
  return NULL;
}

/* The assessment of @system with @version, or its latest (@version 0) */
static char *
find_assessment (AimsStore   *store,
                 const char  *system,
                 int          version,
                 const char  *id,
                 GError     **error)
{
  g_autoptr(GPtrArray) list = aims_assessment_list (store, error);

  if (list == NULL)
    return NULL;

  for (guint i = 0; i < list->len; i++)
    {
      const AimsAssessmentSummary *summary = g_ptr_array_index (list, i);

      /* The list has the newest version of each system first */
      if (g_str_equal (summary->system, system) && (version == 0 || summary->version == version))
        return g_strdup (summary->uuid);
    }

  if (version == 0)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                 _("The AI system “%s” has no impact assessment yet."), id);
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                 _("The AI system “%s” has no impact assessment version %d."), id, version);
  return NULL;
}

int
aims_cli_assessment (int    argc,
                     char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsDocument) document = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *output = NULL;
  g_autofree char *system_id = NULL;
  g_autofree char *system = NULL;
  g_autofree char *uuid = NULL;
  g_auto(GStrv) files = NULL;
  int version = 0;
  guint n_pages = 0;
  AimsStore *store;
  const GOptionEntry entries[] = {
    { "system", 0, 0, G_OPTION_ARG_STRING, &system_id,
      N_("The AI system whose assessment to print, such as SYS-005"), N_("ID") },
    { "version", 0, 0, G_OPTION_ARG_INT, &version,
      N_("Which version (the default is the latest)"), N_("N") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Where to write the PDF"), N_("OUT.pdf") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("FILE") },
    { NULL }
  };

  context = g_option_context_new (_("FILE --system ID -o OUT.pdf"));
  g_option_context_set_summary (context,
                                _("Write an AI system’s impact assessment as a printable PDF: "
                                  "cover, sections, impacts and approval."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!aims_cli_parse_options (context, "assessment", &argc, &argv))
    return AIMS_EXIT_USAGE;

  if (files == NULL || g_strv_length (files) != 1)
    {
      aims_cli_printerr (_("Give exactly one project FILE."));
      return AIMS_EXIT_USAGE;
    }
  if (system_id == NULL)
    {
      aims_cli_printerr (_("Say which AI system with --system, such as --system SYS-005."));
      return AIMS_EXIT_USAGE;
    }
  if (output == NULL || !aims_cli_has_suffix_nocase (output, ".pdf"))
    {
      aims_cli_printerr (_("Say where to write the PDF with -o OUT.pdf."));
      return AIMS_EXIT_USAGE;
    }
  if (version < 0)
    {
      aims_cli_printerr (_("The version must be 1 or more."));
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

  if ((system = find_system (store, system_id, &error)) == NULL ||
      (uuid = find_assessment (store, system, version, system_id, &error)) == NULL)
    {
      aims_cli_printerr ("%s", error->message);
      aims_document_close (document);
      return AIMS_EXIT_USAGE;
    }

  if (!aims_assessment_write_pdf (store, uuid, output, &n_pages, &error))
    {
      aims_cli_printerr ("%s", error->message);
      aims_document_close (document);
      return AIMS_EXIT_ERROR;
    }

  aims_document_close (document);
  return AIMS_EXIT_OK;
}
