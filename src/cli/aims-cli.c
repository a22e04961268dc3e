/* aims-cli.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aims-cli"

#include "config.h"

#include <locale.h>
#include <stdio.h>

#include <aims-core.h>

#include "aims-cli.h"

#include <glib/gi18n.h>

/* Output names are chosen by people: OUT.PDF is as good as OUT.pdf. */
gboolean
aims_cli_has_suffix_nocase (const char *name,
                            const char *suffix)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);

  return g_str_has_suffix (lower, suffix);
}

void
aims_cli_printerr (const char *format,
                   ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("aims: %s\n", message);
}

/*
 * aims_cli_parse_options:
 * @command: the command's name, for "Usage: aims NAME …"
 *
 * Parses a command's options; on a usage error prints it with a pointer to
 * the command's --help.
 *
 * Returns: %FALSE on a usage error (exit with %AIMS_EXIT_USAGE)
 */
gboolean
aims_cli_parse_options (GOptionContext   *context,
                        const char       *command,
                        int              *argc,
                        char           ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *prgname = g_strdup_printf ("aims %s", command);

  /* GOptionContext prints "Usage: PRGNAME [OPTION…] …". */
  g_set_prgname (prgname);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      aims_cli_printerr (_("%s. Run “aims %s --help” for the options."), error->message, command);
      return FALSE;
    }

  return TRUE;
}

static void
print_help (FILE *stream)
{
  const AimsCliCommand *commands;
  guint n_commands;

  commands = aims_cli_get_commands (&n_commands);

  fprintf (stream, "%s\n  aims COMMAND [ARGUMENTS…]\n\n", _("Usage:"));
  fprintf (stream, "%s\n\n", _("Work with AIMS Workbench project files (*.aims) without the desktop app."));
  fprintf (stream, "%s\n", _("Commands:"));
  for (guint i = 0; i < n_commands; i++)
    {
      g_autofree char *synopsis = g_strdup_printf ("%s %s", commands[i].name, commands[i].usage);

      fprintf (stream, "  %-34s %s\n", synopsis, _(commands[i].summary));
    }
  fprintf (stream, "\n%s\n", _("Options:"));
  fprintf (stream, "  %-34s %s\n", "-h, --help", _("Show this help"));
  fprintf (stream, "  %-34s %s\n", "--version", _("Show the program version"));
  fprintf (stream, "\n%s\n", _("Run “aims COMMAND --help” for the options of a command."));
}

int
main (int    argc,
      char **argv)
{
  const AimsCliCommand *commands;
  guint n_commands;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("aims");

  if (argc < 2)
    {
      print_help (stderr);
      return AIMS_EXIT_USAGE;
    }

  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") || g_str_equal (argv[1], "help"))
    {
      print_help (stdout);
      return AIMS_EXIT_OK;
    }

  if (g_str_equal (argv[1], "--version"))
    {
      printf ("aims %s\n", aims_core_get_version ());
      return AIMS_EXIT_OK;
    }

  commands = aims_cli_get_commands (&n_commands);
  for (guint i = 0; i < n_commands; i++)
    {
      if (g_str_equal (argv[1], commands[i].name))
        return commands[i].func (argc - 1, argv + 1);
    }

  aims_cli_printerr (_("“%s” is not a command. Run “aims --help” to see the commands."), argv[1]);
  return AIMS_EXIT_USAGE;
}
