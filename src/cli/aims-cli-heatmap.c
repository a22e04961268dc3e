/* aims-cli-heatmap.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * `aims heatmap FILE -o OUT.{png,svg,pdf}`: the project's risk heatmap,
 * drawn headless by the same core code as the app's Heatmap section and its
 * exports.
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

int
aims_cli_heatmap (int    argc,
                  char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsDocument) document = NULL;
  g_autoptr(AimsMatrix) matrix = NULL;
  g_autoptr(AimsHeatmapCounts) counts = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *output = NULL;
  g_autofree char *system_id = NULL;
  g_autofree char *system_uuid = NULL;
  g_autofree char *title = NULL;
  g_auto(GStrv) files = NULL;
  gboolean residual = FALSE, both = FALSE, colour_blind = FALSE;
  gboolean swap_axes = FALSE, flip = FALSE;
  int width = 1200, height = 900;
  AimsHeatmapOptions options;
  AimsRiskFilter filter;
  AimsStore *store;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Where to write: a .png, .svg or .pdf file"), N_("OUT") },
    { "residual", 0, 0, G_OPTION_ARG_NONE, &residual,
      N_("Place risks by their residual scores (the default is inherent)"), NULL },
    { "both", 0, 0, G_OPTION_ARG_NONE, &both,
      N_("Residual scores, with arrows from where each risk started"), NULL },
    { "system", 0, 0, G_OPTION_ARG_STRING, &system_id,
      N_("Only the risks of one AI system"), N_("ID") },
    { "colour-blind", 0, 0, G_OPTION_ARG_NONE, &colour_blind,
      N_("Use a palette that stays distinct with colour blindness"), NULL },
    { "swap-axes", 0, 0, G_OPTION_ARG_NONE, &swap_axes,
      N_("Likelihood across, impact down"), NULL },
    { "flip-likelihood", 0, 0, G_OPTION_ARG_NONE, &flip,
      N_("Highest likelihood at the bottom"), NULL },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title,
      N_("A title above the heatmap"), N_("TEXT") },
    { "width", 0, 0, G_OPTION_ARG_INT, &width,
      N_("Width in points (pixels at 1×; PNG is drawn at 2×), default 1200"), N_("N") },
    { "height", 0, 0, G_OPTION_ARG_INT, &height,
      N_("Height in points, default 900"), N_("N") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("FILE") },
    { NULL }
  };

  context = g_option_context_new (_("FILE -o OUT.{png,svg,pdf}"));
  g_option_context_set_summary (context,
                                _("Draw the project’s risk heatmap as PNG, SVG or PDF, as the "
                                  "app’s Heatmap section shows it."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!aims_cli_parse_options (context, "heatmap", &argc, &argv))
    return AIMS_EXIT_USAGE;

  if (files == NULL || g_strv_length (files) != 1)
    {
      aims_cli_printerr (_("Give exactly one project FILE."));
      return AIMS_EXIT_USAGE;
    }
  if (output == NULL)
    {
      aims_cli_printerr (_("Say where to write the heatmap with -o OUT.png, OUT.svg or OUT.pdf."));
      return AIMS_EXIT_USAGE;
    }
  if (residual && both)
    {
      aims_cli_printerr (_("Choose either --residual or --both, not both."));
      return AIMS_EXIT_USAGE;
    }
  if (width < 200 || width > 10000 || height < 150 || height > 10000)
    {
      aims_cli_printerr (_("The size must be between 200×150 and 10000×10000 points."));
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

  aims_risk_filter_init (&filter);
  if (system_id != NULL)
    {
      system_uuid = find_system (store, system_id, &error);
      if (system_uuid == NULL)
        {
          aims_cli_printerr ("%s", error->message);
          aims_document_close (document);
          return AIMS_EXIT_USAGE;
        }
      filter.system = system_uuid;
    }

  matrix = aims_store_dup_matrix (store);
  counts = aims_risks_count_cells (store, matrix, &filter, &error);
  if (counts == NULL)
    {
      aims_cli_printerr ("%s", error->message);
      aims_document_close (document);
      return AIMS_EXIT_ERROR;
    }

  aims_heatmap_options_init (&options);
  options.mode = both ? AIMS_HEATMAP_BOTH : residual ? AIMS_HEATMAP_RESIDUAL : AIMS_HEATMAP_INHERENT;
  options.palette = colour_blind ? AIMS_HEATMAP_PALETTE_COLOUR_BLIND : AIMS_HEATMAP_PALETTE_MATRIX;
  options.swap_axes = swap_axes;
  options.flip_likelihood = flip;
  options.show_legend = TRUE;
  options.title = title;

  if (!aims_heatmap_write_file (output, width, height, matrix, counts, &options, &error))
    {
      aims_cli_printerr ("%s", error->message);
      aims_document_close (document);
      return AIMS_EXIT_ERROR;
    }

  aims_document_close (document);
  return AIMS_EXIT_OK;
}
