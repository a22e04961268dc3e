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
  { NULL, NULL, NULL, NULL },
};

const AimsCliCommand *
aims_cli_get_commands (guint *n_commands)
{
  *n_commands = G_N_ELEMENTS (commands) - 1;
  return commands;
}
