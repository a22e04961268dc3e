/* aims-cli.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit codes shared by every command. Checks of a project file add their own
 * distinct codes per refusal reason (see aims-cli-check.c). */
enum {
  AIMS_EXIT_OK    = 0,
  AIMS_EXIT_ERROR = 1,
  AIMS_EXIT_USAGE = 2,
};

typedef int (*AimsCliCommandFunc) (int    argc,
                                   char **argv);

typedef struct
{
  const char         *name;
  const char         *usage;    /* arguments, shown after the name */
  const char         *summary;  /* one line, translatable */
  AimsCliCommandFunc  func;
} AimsCliCommand;

const AimsCliCommand *aims_cli_get_commands (guint *n_commands);

void aims_cli_printerr (const char *format,
                        ...) G_GNUC_PRINTF (1, 2);

gboolean aims_cli_has_suffix_nocase (const char *name,
                                     const char *suffix);

gboolean aims_cli_parse_options (GOptionContext   *context,
                                 const char       *command,
                                 int              *argc,
                                 char           ***argv);

int aims_cli_new   (int    argc,
                    char **argv);
int aims_cli_check (int    argc,
                    char **argv);
int aims_cli_demo  (int    argc,
                    char **argv);
int aims_cli_bench (int    argc,
                    char **argv);
int aims_cli_catalog (int    argc,
                      char **argv);
int aims_cli_import           (int    argc,
                               char **argv);
int aims_cli_export           (int    argc,
                               char **argv);
int aims_cli_export_inventory (int    argc,
                               char **argv);
int aims_cli_heatmap          (int    argc,
                               char **argv);
int aims_cli_assessment       (int    argc,
                               char **argv);
int aims_cli_soa              (int    argc,
                               char **argv);
int aims_cli_kpi              (int    argc,
                               char **argv);
int aims_cli_report           (int    argc,
                               char **argv);

int aims_cli_export_json      (int    argc,
                               char **argv);
int aims_cli_import_json      (int    argc,
                               char **argv);
int aims_cli_export_oscal     (int    argc,
                               char **argv);

/* aims-cli-json.c: also called by `aims export` and `aims import` */
int aims_cli_json_export  (const char  *project,
                           const char  *output,
                           GError     **error);
int aims_cli_json_import  (const char  *input,
                           const char  *project,
                           gboolean     force,
                           GError     **error);
int aims_cli_oscal_export (const char  *project,
                           const char  *kind,
                           const char  *output,
                           GError     **error);

/* aims-cli-check.c: the exit status of a project file refused (10–18) */
int aims_cli_exit_status_for_error (const GError *error);

G_END_DECLS
