/* test-cli-sheets.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* `aims export --into` and `aims import` (issue 9), run as a person would:
 * export a register, import it into a new project, import it again (no
 * change), a dry run, and a rejected file that leaves the project file as
 * it was, byte for byte. */

#include "config.h"

#include "aims-test-util.h"

#include <string.h>

static void
test_export_import (void)
{
  g_autofree char *dir = aims_test_make_dir ();
  g_autofree char *demo = g_build_filename (dir, "demo.aims", NULL);
  g_autofree char *empty = g_build_filename (dir, "empty.aims", NULL);
  g_autofree char *csv = g_build_filename (dir, "risks.csv", NULL);
  g_autofree char *xlsx = g_build_filename (dir, "systems.xlsx", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.csv", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  gsize before_length = 0, after_length = 0;

  g_assert_cmpint (aims_test_run_cli (NULL, NULL, "demo", demo, NULL), ==, 0);
  g_assert_cmpint (aims_test_run_cli (NULL, NULL, "new", empty, NULL), ==, 0);

  g_assert_cmpint (aims_test_run_cli (&out, NULL, "export", demo, "--into", "risks", "-o", csv,
                                      NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Exported 28 records to"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (aims_test_run_cli (&out, NULL, "export", demo, "--into", "ai-systems", "-o",
                                      xlsx, NULL), ==, 0);
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (aims_test_run_cli (&out, NULL, "import", empty, "--csv", csv, "--into",
                                      "risks", "--dry-run", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Dry run: 28 would be added"));
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (aims_test_run_cli (&out, NULL, "import", empty, "--csv", csv, "--into",
                                      "risks", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Imported: 28 added, 0 updated, 0 unchanged"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (aims_test_run_cli (&out, NULL, "import", empty, "--xlsx", xlsx, "--into",
                                      "ai-systems", "--sheet", "ai-systems", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Imported: 13 added"));
  g_clear_pointer (&out, g_free);

  /* Again: the records are found by reference and nothing changes. */
  g_assert_cmpint (aims_test_run_cli (&out, NULL, "import", empty, "--csv", csv, "--into",
                                      "risks", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Imported: 0 added, 0 updated, 28 unchanged"));
  g_clear_pointer (&out, g_free);

  /* A rejected row: the message names the row and column, and the file is
   * as it was. */
  g_assert_true (g_file_set_contents (bad, "Reference,Title,Inherent likelihood,Inherent impact\n"
                                           "R-900,New,2,2\nR-901,Odd,Often,2\n", -1, NULL));
  g_assert_true (g_file_get_contents (empty, &before, &before_length, NULL));
  g_assert_cmpint (aims_test_run_cli (NULL, &err, "import", empty, "--csv", bad, "--into",
                                      "risks", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "“bad.csv”, row 3, column C (“Inherent likelihood”): “Often” "
                                 "is not a step"));
  g_assert_nonnull (strstr (err, "1 row was rejected, so nothing was imported."));
  g_assert_true (g_file_get_contents (empty, &after, &after_length, NULL));
  g_assert_cmpmem (before, before_length, after, after_length);
  g_clear_pointer (&err, g_free);

  /* Wrong arguments. */
  g_assert_cmpint (aims_test_run_cli (NULL, &err, "import", empty, "--csv", csv, "--into", "soa",
                                      NULL), ==, 2);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (aims_test_run_cli (NULL, &err, "import", empty, "--csv", csv, "--xlsx", xlsx,
                                      "--into", "risks", NULL), ==, 2);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (aims_test_run_cli (NULL, &err, "export", demo, "--into", "risks", "-o",
                                      "risks.ods", NULL), ==, 2);
  g_assert_nonnull (strstr (err, ".csv or .xlsx"));

  aims_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/sheets/export-import", test_export_import);

  return g_test_run ();
}
