/* aims-resources.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aims-resources"

#include "config.h"

#include "aims-resources.h"

#include "aims-core-resources.h"

/* The core's resource bundle (src/core/aims-core.gresource.xml) is compiled
 * with --manual-register: in a static library nothing references the
 * object that would register it from a constructor, so the linker would
 * drop it. The core registers it itself, on first use. */

static gpointer
register_once (gpointer data)
{
  /* Generated: g_static_resource_init(), which registers the bundle */
  aims_core_register_resource ();
  return NULL;
}

/**
 * aims_core_register_resources:
 *
 * Makes the core's bundled data (the catalog) available under
 * `resource:///io/github/aimsworkbench/AimsWorkbench/core/`. The core calls
 * it before it reads that data; an application may call it too. Safe to call
 * any number of times, from any thread.
 */
void
aims_core_register_resources (void)
{
  static GOnce once = G_ONCE_INIT;

  g_once (&once, register_once, NULL);
}
