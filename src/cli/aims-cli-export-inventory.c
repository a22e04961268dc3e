/* aims-cli-export-inventory.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aims-cli"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <aims-core.h>

#include "aims-cli.h"

#include <glib/gi18n.h>

/*
 * aims export-inventory FILE [--format csv] [-o OUT]
 *
 * The AI system inventory of FILE, from the same core code as the app's
 * “Export as CSV…”. FILE goes through the checks of `aims check` first, so
 * a file that is not a sound project exits with the same code (10–18).
 * The export is made in memory before anything is written: a refused FILE
 * never leaves an OUT behind, and OUT is replaced in one step.
 */

/* Rows of a CSV text: line ends outside quotes. A doubled quote inside a
 * quoted field toggles twice, so it changes nothing. */
static guint
count_records (const char *text,
               gsize       length)
{
  gboolean quoted = FALSE;
  guint records = 0;

  for (gsize i = 0; i < length; i++)
    {
      if (text[i] == '"')
        quoted = !quoted;
      else if (text[i] == '\n' && !quoted)
        records++;
    }

  return records;
}

static gboolean
write_stdout (const char  *data,
              gsize        length,
              GError     **error)
{
  if ((length > 0 && fwrite (data, 1, length, stdout) != length) || fflush (stdout) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("The inventory could not be written to the standard output: %s."),
                   g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

int
aims_cli_export_inventory (int    argc,
                           char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GOutputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  g_auto(GStrv) files = NULL;
  const char *data;
  gsize length;
  guint n_systems;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format,
      N_("The format to write: csv (the default, and for now the only one)"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to OUT instead of the standard output (“-” is the standard output)"),
      N_("OUT") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, NULL },
    G_OPTION_ENTRY_NULL
  };

  context = g_option_context_new (_("FILE"));
  g_option_context_set_summary (context,
                                _("Export the AI system inventory of the project FILE: one row "
                                  "per AI system, as the app’s “Export as CSV…” writes it. FILE "
                                  "is only read; nothing in it is run."));
  g_option_context_set_description (context,
                                    _("Exit status:\n"
                                      "   0  exported\n"
                                      "   1  the export could not be written\n"
                                      "   2  wrong arguments, or an unknown format\n"
                                      "  10–18  FILE is not a sound project, as “aims check” "
                                      "reports it"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!aims_cli_parse_options (context, "export-inventory", &argc, &argv))
    return AIMS_EXIT_USAGE;

  if (files == NULL || g_strv_length (files) != 1)
    {
      aims_cli_printerr (_("Give exactly one FILE. Run “aims export-inventory --help” for the "
                           "options."));
      return AIMS_EXIT_USAGE;
    }

  if (format != NULL && g_ascii_strcasecmp (format, "csv") != 0)
    {
      aims_cli_printerr (_("“%s” is not a format the inventory can be exported in; use csv."),
                         format);
      return AIMS_EXIT_USAGE;
    }

  if (output != NULL && *output == '\0')
    {
      aims_cli_printerr (_("The output file name is empty. Give a file name, or “-” for the "
                           "standard output."));
      return AIMS_EXIT_USAGE;
    }

  stream = g_memory_output_stream_new_resizable ();
  if (!aims_export_inventory_csv (files[0], stream, NULL, &error) ||
      !g_output_stream_close (stream, NULL, &error))
    {
      aims_cli_printerr ("%s", error->message);
      return aims_cli_exit_status_for_error (error);
    }

  data = g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (stream));
  length = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream));

  if (output == NULL || g_str_equal (output, "-"))
    {
      if (!write_stdout (data, length, &error))
        {
          aims_cli_printerr ("%s", error->message);
          return AIMS_EXIT_ERROR;
        }
      return AIMS_EXIT_OK;
    }

  {
    g_autoptr(GFile) file = g_file_new_for_commandline_arg (output);
    g_autofree char *path = g_file_get_path (file);
    g_autofree char *display = g_filename_display_name (output);

    if (path == NULL)
      {
        aims_cli_printerr (_("“%s” is not a local file. Give a file name."), display);
        return AIMS_EXIT_USAGE;
      }

    if (!aims_export_write_file (path, data, length, &error))
      {
        aims_cli_printerr ("%s", error->message);
        return AIMS_EXIT_ERROR;
      }

    /* The header is a row too. */
    n_systems = count_records (data, length) - 1;
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "Exported %u AI system to %s\n",
                          "Exported %u AI systems to %s\n",
                          n_systems),
             n_systems, display);
  }

  return AIMS_EXIT_OK;
}
