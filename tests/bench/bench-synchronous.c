/* bench-synchronous.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Commit latency of single edits in the working copy (WAL mode) with
 * PRAGMA synchronous = FULL against NORMAL, to choose the store's default.
 * FULL fsyncs the WAL at every commit (an acknowledged edit survives a power
 * cut); NORMAL only at checkpoints (it survives a crash or kill of the
 * process, since the WAL is in the OS page cache).
 *
 * Not part of the test suites; build it against a core build and run it on
 * the disk that holds $XDG_STATE_HOME:
 *
 *   cc -o /tmp/bench-synchronous tests/bench/bench-synchronous.c -Isrc/core -I$BUILD \
 *      $BUILD/src/core/libaims-core.a \
 *      $(pkg-config --cflags --libs gio-2.0 json-glib-1.0 sqlite3)
 *   /tmp/bench-synchronous [DIR] [EDITS]
 */

#define G_LOG_DOMAIN "bench-synchronous"

#include "config.h"

#include <aims-core.h>

#include "aims-store-private.h"

#include <glib/gstdio.h>

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static void
measure (AimsStore  *store,
         char      **uuids,
         gboolean    full,
         guint       n_edits)
{
  g_autoptr(GArray) latencies = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_edits);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  guint n_uuids = g_strv_length (uuids);

  _aims_store_set_synchronous (store, full);

  for (guint i = 0; i < n_edits; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *text = g_strdup_printf ("%s edit %u", full ? "FULL" : "NORMAL", i);
      gint64 start = g_get_monotonic_time ();
      gint64 elapsed;

      if (!aims_store_update (store, "ai_system", uuids[g_rand_int_range (rand, 0, n_uuids)],
                              "description", g_variant_new_string (text), &error))
        g_error ("%s", error->message);

      elapsed = g_get_monotonic_time () - start;
      g_array_append_val (latencies, elapsed);
    }

  g_array_sort (latencies, compare_gint64);
  g_print ("synchronous=%-6s %u edits: median %.3f ms, p99 %.3f ms, max %.3f ms\n",
           full ? "FULL" : "NORMAL", n_edits,
           g_array_index (latencies, gint64, n_edits / 2) / 1000.0,
           g_array_index (latencies, gint64,
                          MIN (n_edits - 1, (n_edits * 99 + 99) / 100 - 1)) / 1000.0,
           g_array_index (latencies, gint64, n_edits - 1) / 1000.0);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsDocument) document = NULL;
  g_auto(GStrv) uuids = NULL;
  const char *dir = argc > 1 ? argv[1] : g_get_user_state_dir ();
  guint n_edits = argc > 2 ? (guint) g_ascii_strtoull (argv[2], NULL, 10) : 1000;
  AimsStore *store;

  g_setenv ("XDG_STATE_HOME", dir, TRUE);
  g_print ("working copy under %s\n", dir);

  document = aims_document_new_untitled ("bench", &error);
  if (document == NULL)
    g_error ("%s", error->message);

  store = aims_document_get_store (document);
  if (!aims_demo_generate (store, AIMS_DEMO_SCALE_HUGE, 42, &error))
    g_error ("%s", error->message);

  uuids = aims_store_dup_uuids (store, "ai_system", &error);

  /* Twice each, alternating, so page cache warm-up does not favour one. */
  for (guint round = 0; round < 2; round++)
    {
      measure (store, uuids, TRUE, n_edits);
      measure (store, uuids, FALSE, n_edits);
    }

  aims_document_close (document);
  return 0;
}
