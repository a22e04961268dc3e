/* test-cli-heatmap.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* `aims heatmap`: the three formats from the demo project, and every way
 * it can be asked wrongly, each with its message, its exit code, no output
 * file and the project untouched. */

#include "config.h"

#include <aims-core.h>
#include <string.h>

#include "aims-test-util.h"

static char *
file_start (const char *path,
            gsize       n)
{
  g_autofree char *bytes = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &bytes, &length, NULL));
  g_assert_cmpuint (length, >, n);
  return g_strndup (bytes, n);
}

static void
test_formats (void)
{
  g_autofree char *dir = aims_test_make_dir ();
  g_autofree char *demo = g_build_filename (dir, "Demo.aims", NULL);
  g_autofree char *png = g_build_filename (dir, "map.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "map.svg", NULL);
  g_autofree char *pdf = g_build_filename (dir, "map.pdf", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *head = NULL;
  gsize before_length, after_length;

  g_assert_cmpint (aims_test_run_cli (NULL, NULL, "demo", demo, NULL), ==, 0);
  g_assert_true (g_file_get_contents (demo, &before, &before_length, NULL));

  g_assert_cmpint (aims_test_run_cli (NULL, NULL, "heatmap", demo, "-o", png, NULL), ==, 0);
  head = file_start (png, 8);
  g_assert_true (memcmp (head, "\x89PNG\r\n\x1a\n", 8) == 0);
  g_clear_pointer (&head, g_free);

  g_assert_cmpint (aims_test_run_cli (NULL, NULL, "heatmap", demo, "-o", svg, "--both",
                                      "--colour-blind", "--title", "Board pack", NULL), ==, 0);
  head = file_start (svg, 5);
  g_assert_cmpstr (head, ==, "<?xml");
  g_clear_pointer (&head, g_free);

  g_assert_cmpint (aims_test_run_cli (NULL, NULL, "heatmap", demo, "-o", pdf, "--residual",
                                      "--system", "SYS-001", NULL), ==, 0);
  head = file_start (pdf, 4);
  g_assert_cmpstr (head, ==, "%PDF");

  /* Read-only: the project is byte for byte what it was */
  g_assert_true (g_file_get_contents (demo, &after, &after_length, NULL));
  g_assert_cmpuint (after_length, ==, before_length);
  g_assert_true (memcmp (before, after, before_length) == 0);
}

static void
test_refusals (void)
{
  g_autofree char *dir = aims_test_make_dir ();
  g_autofree char *demo = g_build_filename (dir, "Demo.aims", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.aims", NULL);
  g_autofree char *out = g_build_filename (dir, "map.png", NULL);
  g_autofree char *gif = g_build_filename (dir, "map.gif", NULL);
  g_autofree char *nowhere = g_build_filename (dir, "no such folder", "map.png", NULL);
  struct {
    const char *args[8];
    int         status;
    const char *says;
  } cases[] = {
    { { "heatmap", demo, NULL }, 2, "-o" },
    { { "heatmap", demo, "-o", out, "--residual", "--both", NULL }, 2, "--both" },
    { { "heatmap", demo, "-o", out, "--width", "10", NULL }, 2, "200" },
    { { "heatmap", demo, "-o", out, "--system", "SYS-999", NULL }, 2, "SYS-999" },
    { { "heatmap", missing, "-o", out, NULL }, 10, "missing.aims" },
    { { "heatmap", demo, "-o", gif, NULL }, 1, "map.gif" },
    { { "heatmap", demo, "-o", nowhere, NULL }, 1, "map.png" },
  };

  g_assert_cmpint (aims_test_run_cli (NULL, NULL, "demo", demo, NULL), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *err = NULL;
      const char * const *a = cases[i].args;

      g_test_message ("case %u", i);
      g_assert_cmpint (aims_test_run_cli (NULL, &err, a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7]),
                       ==, cases[i].status);
      g_assert_nonnull (strstr (err, cases[i].says));

      /* Nothing written, not even a temporary file */
      g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
      g_assert_false (g_file_test (gif, G_FILE_TEST_EXISTS));
      {
        g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
        guint n = 0;

        while (g_dir_read_name (listing) != NULL)
          n++;
        g_assert_cmpuint (n, ==, 1);
      }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cli-heatmap/formats", test_formats);
  g_test_add_func ("/cli-heatmap/refusals", test_refusals);

  return g_test_run ();
}
