/* main.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "aims-application.h"

#include <glib/gi18n.h>

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AimsApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = aims_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
