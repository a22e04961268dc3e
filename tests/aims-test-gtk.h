/* aims-test-gtk.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Shared by the gui suites. */

#pragma once

#include <gtk/gtk.h>
#include <string.h>

/* g_test makes every warning fatal. GTK 4.8's GtkText warns "did not
 * receive a focus-out event" when an entry holding the focus is destroyed
 * while the headless window is not the active one: the entry never gets a
 * focus-out from a window manager that is not there. It says nothing
 * about our code; every other warning stays fatal. */
static inline gboolean
aims_test_fatal_log_handler (const char     *log_domain,
                             GLogLevelFlags  log_level,
                             const char     *message,
                             gpointer        user_data)
{
  if (g_strcmp0 (log_domain, "Gtk") == 0 && message != NULL &&
      strstr (message, "did not receive a focus-out event") != NULL)
    return FALSE;

  return TRUE;
}

static inline void
aims_test_gtk_init_log (void)
{
  g_test_log_set_fatal_handler (aims_test_fatal_log_handler, NULL);
}
