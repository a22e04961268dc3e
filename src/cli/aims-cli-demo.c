/* aims-cli-demo.c
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

/* aims demo FILE [--scale small|large|huge] [--seed N] [--force] */
int
aims_cli_demo (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *scale_name = NULL;
  g_autofree char *seed_text = NULL;
  g_autofree char *display = NULL;
  g_auto(GStrv) files = NULL;
  AimsDemoScale scale = AIMS_DEMO_SCALE_SMALL;
  guint64 seed = AIMS_DEMO_DEFAULT_SEED;
  gboolean force = FALSE;
  const GOptionEntry entries[] = {
    { "scale", 's', 0, G_OPTION_ARG_STRING, &scale_name,
      N_("small (13 AI systems, the default), large (2,000) or huge (10,000)"), N_("SCALE") },
    { "seed", 0, 0, G_OPTION_ARG_STRING, &seed_text,
      N_("The same seed always gives the same project (default 42)"), N_("N") },
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force,
      N_("Replace FILE if it exists"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, NULL },
    G_OPTION_ENTRY_NULL
  };

  context = g_option_context_new (_("FILE"));
  g_option_context_set_summary (context,
                                _("Write a demo project: Northwind Mutual Insurance and its AI "
                                  "systems, generated from a seed."));
  g_option_context_set_description (context,
                                    _("Exit status: 0 written, 1 it could not be written, "
                                      "2 wrong arguments."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!aims_cli_parse_options (context, "demo", &argc, &argv))
    return AIMS_EXIT_USAGE;

  if (files == NULL || g_strv_length (files) != 1)
    {
      aims_cli_printerr (_("Give exactly one FILE. Run “aims demo --help” for the options."));
      return AIMS_EXIT_USAGE;
    }

  if (scale_name != NULL && !aims_demo_scale_from_string (scale_name, &scale))
    {
      aims_cli_printerr (_("“%s” is not a scale; use small, large or huge."), scale_name);
      return AIMS_EXIT_USAGE;
    }

  if (seed_text != NULL &&
      !g_ascii_string_to_unsigned (seed_text, 10, 0, G_MAXUINT32, &seed, NULL))
    {
      aims_cli_printerr (_("“%s” is not a seed; use a whole number from 0 to %u."),
                         seed_text, G_MAXUINT32);
      return AIMS_EXIT_USAGE;
    }

  display = g_filename_display_name (files[0]);

  if (!force && g_file_test (files[0], G_FILE_TEST_EXISTS))
    {
      aims_cli_printerr (_("“%s” already exists. Use --force to replace it."), display);
      return AIMS_EXIT_ERROR;
    }

  {
    g_autoptr(GFile) file = g_file_new_for_commandline_arg (files[0]);
    g_autofree char *path = g_file_get_path (file);

    if (!aims_demo_write_file (path, scale, (guint32) seed, &error))
      {
        aims_cli_printerr ("%s", error->message);
        return AIMS_EXIT_ERROR;
      }
  }

  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "Wrote the demo project %s: %u AI system (seed %u)\n",
                        "Wrote the demo project %s: %u AI systems (seed %u)\n",
                        aims_demo_scale_get_n_systems (scale)),
           display, aims_demo_scale_get_n_systems (scale), (guint) seed);

  return AIMS_EXIT_OK;
}
