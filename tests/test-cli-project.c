/* test-cli-project.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* `aims new`, `aims check`, `aims demo` and `aims bench` as people and scripts
 * use them: output, exit statuses, refusals and reproducible demos. */

#include "config.h"

#include "aims-test-util.h"

#include <sqlite3.h>

static char *
dump (const char *path,
      const char *sql)
{
  GString *out = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = NULL;
  int n;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  n = sqlite3_column_count (stmt);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < n; i++)
        g_string_append_printf (out, "%s|", sqlite3_column_text (stmt, i));
      g_string_append_c (out, '\n');
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return g_string_free (out, FALSE);
}

static void
test_new (void)
{
  g_autofree char *dir = aims_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "acme.aims", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(AimsProjectFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (aims_test_run_cli (&out, &err, "new", path, "--organisation", "Acme AI Ltd",
                                      NULL), ==, 0);
  expected = g_strdup_printf ("Created %s\n", path);
  g_assert_cmpstr (out, ==, expected);

  g_assert_true (aims_project_file_check_full (path, AIMS_CHECK_NONE, &info, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (info->organisation, ==, "Acme AI Ltd");
  g_assert_cmpuint (info->n_ai_systems, ==, 0);

  /* An existing file is kept unless --force. */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (aims_test_run_cli (&out, &err, "new", path, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "already exists"));
  g_assert_nonnull (strstr (err, "--force"));

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (aims_test_run_cli (&out, &err, "new", "--force", path, NULL), ==, 0);
  g_clear_pointer (&info, aims_project_file_info_free);
  g_assert_true (aims_project_file_check_full (path, AIMS_CHECK_NONE, &info, NULL, &error));
  g_assert_cmpstr (info->organisation, ==, "");

  /* Usage errors. */
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (aims_test_run_cli (NULL, &err, "new", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "aims new --help"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (aims_test_run_cli (NULL, &err, "new", "--colour", "red", path, NULL), ==, 2);

  /* A folder that does not exist. */
  {
    g_autofree char *nowhere = g_build_filename (dir, "no", "such", "folder.aims", NULL);

    g_clear_pointer (&err, g_free);
    g_assert_cmpint (aims_test_run_cli (NULL, &err, "new", nowhere, NULL), ==, 1);
    g_assert_nonnull (strstr (err, "folder.aims"));
  }

  g_assert_cmpuint (aims_test_count_working_copies (), ==, 0);
  aims_test_remove_tree (dir);
}

static void
test_help (void)
{
  static const struct {
    const char *command;
    const char *mentions[4];
  } helps[] = {
    { "new", { "aims new", "--organisation", "--force", NULL } },
    { "check", { "aims check", "--allow-extra-objects", "  15  made by a newer version",
                 "  18  extra" } },
    { "demo", { "aims demo", "--scale", "--seed", "Northwind" } },
    { "bench", { "aims bench", "--scale", "--edits", "--project" } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (helps); i++)
    {
      g_autofree char *out = NULL;

      g_assert_cmpint (aims_test_run_cli (&out, NULL, helps[i].command, "--help", NULL), ==, 0);
      g_assert_true (g_str_has_prefix (out, "Usage:"));
      for (guint j = 0; j < G_N_ELEMENTS (helps[i].mentions) && helps[i].mentions[j] != NULL; j++)
        if (strstr (out, helps[i].mentions[j]) == NULL)
          g_error ("“aims %s --help” does not mention “%s”:\n%s", helps[i].command,
                   helps[i].mentions[j], out);
    }
}

static void
test_check (void)
{
  g_autofree char *dir = aims_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "checked.aims", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *expected = NULL;

  aims_test_write_project (path, 2);
  g_assert_cmpint (aims_test_run_cli (&out, &err, "check", path, NULL), ==, 0);
  expected = g_strdup_printf ("%s: OK — AIMS project, format %u, organisation “Contoso Assurance”, "
                              "2 AI systems\n", path, AIMS_FORMAT_VERSION);
  g_assert_cmpstr (out, ==, expected);
  g_assert_cmpstr (err, ==, "");

  g_clear_pointer (&err, g_free);
  g_assert_cmpint (aims_test_run_cli (NULL, &err, "check", NULL), ==, 2);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (aims_test_run_cli (NULL, &err, "check", path, path, NULL), ==, 2);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (aims_test_run_cli (NULL, &err, "check", "--bogus", path, NULL), ==, 2);

  aims_test_remove_tree (dir);
}

static void
test_demo (void)
{
  const char *rows = "SELECT uuid, reference, name, description, business_owner, lifecycle, "
                     "in_scope "
                     "FROM ai_system ORDER BY reference";
  const char *project = "SELECT organisation, scope, exclusions FROM project";
  g_autofree char *dir = aims_test_make_dir ();
  g_autofree char *a = g_build_filename (dir, "a.aims", NULL);
  g_autofree char *b = g_build_filename (dir, "b.aims", NULL);
  g_autofree char *c = g_build_filename (dir, "c.aims", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *rows_a = NULL;
  g_autofree char *rows_b = NULL;
  g_autofree char *rows_c = NULL;
  g_autofree char *project_a = NULL;
  g_autoptr(AimsProjectFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (aims_test_run_cli (&out, &err, "demo", a, "--seed", "7", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "13 AI systems (seed 7)"));
  g_assert_cmpint (aims_test_run_cli (NULL, NULL, "demo", b, "--seed", "7", NULL), ==, 0);
  g_assert_cmpint (aims_test_run_cli (NULL, NULL, "demo", c, "--seed", "8", NULL), ==, 0);

  g_assert_true (aims_project_file_check_full (a, AIMS_CHECK_NONE, &info, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (info->organisation, ==, "Northwind Mutual Insurance");
  g_assert_cmpuint (info->n_ai_systems, ==, 13);

  /* The same seed gives the same project, identifiers included. */
  rows_a = dump (a, rows);
  rows_b = dump (b, rows);
  rows_c = dump (c, rows);
  g_assert_cmpstr (rows_a, ==, rows_b);
  g_assert_cmpstr (rows_a, !=, rows_c);
  g_assert_nonnull (strstr (rows_a, "SYS-001|Claims triage model|"));
  g_assert_nonnull (strstr (rows_a, "CV screening assistant"));
  project_a = dump (a, project);
  g_assert_nonnull (strstr (project_a, "Northwind Mutual Insurance|The AI management system"));

  /* Refusals. */
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (aims_test_run_cli (NULL, &err, "demo", a, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "already exists"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (aims_test_run_cli (NULL, &err, "demo", a, "--force", "--scale", "enormous",
                                      NULL), ==, 2);
  g_assert_nonnull (strstr (err, "enormous"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (aims_test_run_cli (NULL, &err, "demo", a, "--force", "--seed", "lots", NULL),
                   ==, 2);
  g_assert_nonnull (strstr (err, "lots"));

  /* Large: 2,000 systems, still a sound file. */
  g_assert_cmpint (aims_test_run_cli (NULL, NULL, "demo", a, "--force", "--scale", "large", NULL),
                   ==, 0);
  g_clear_pointer (&info, aims_project_file_info_free);
  g_assert_true (aims_project_file_check_full (a, AIMS_CHECK_NONE, &info, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (info->n_ai_systems, ==, 2000);

  g_assert_cmpuint (aims_test_count_working_copies (), ==, 0);
  aims_test_remove_tree (dir);
}

/* The figure after @label in the bench's output, in ms. */
static double
bench_figure (const char *out,
              const char *label)
{
  const char *line = strstr (out, label);

  g_assert_nonnull (line);
  return g_ascii_strtod (line + strlen (label), NULL);
}

static void
test_bench (void)
{
  g_autofree char *dir = aims_test_make_dir ();
  g_autofree char *project = g_build_filename (dir, "project.aims", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  static const char * const timed[] = {
    "generate the demo and save it:",
    "check a file from elsewhere (aims check):",
    "first open, full check and working copy:",
    "first open as the window does it, shown:",
    "then the full check, in the background:",
    "so editable after:",
    "reopen unchanged (header and schema checked):",
    "save:",
    "reopen after saving:",
  };

  g_assert_cmpint (aims_test_run_cli (&out, &err, "bench", "--scale", "small", "--edits", "20",
                                      NULL), ==, 0);
  g_test_message ("%s", out);
  for (guint i = 0; i < G_N_ELEMENTS (timed); i++)
    g_assert_cmpfloat (bench_figure (out, timed[i]), >, 0);
  g_assert_nonnull (strstr (out, "first open, full check and working copy:"));
  g_assert_nonnull (strstr (out, "file size:"));
  g_assert_nonnull (strstr (out, "peak memory"));
  g_assert_nonnull (strstr (out, "commit latency, 20 edits:   median"));
  g_assert_nonnull (strstr (out, "p99"));
  g_assert_cmpuint (aims_test_count_working_copies (), ==, 0);

  /* An existing project is measured on a copy; the file itself is not
   * touched. */
  aims_test_write_project (project, 3);
  before = aims_test_snapshot_dir (dir);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (aims_test_run_cli (&out, &err, "bench", "--project", project, "--edits", "5",
                                      NULL), ==, 0);
  g_assert_null (strstr (out, "generate the demo"));
  g_assert_cmpfloat (bench_figure (out, "reopen after saving:"), >, 0);
  after = aims_test_snapshot_dir (dir);
  g_assert_cmpstr (before, ==, after);

  g_clear_pointer (&err, g_free);
  g_assert_cmpint (aims_test_run_cli (NULL, &err, "bench", "--edits", "0", NULL), ==, 2);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (aims_test_run_cli (NULL, &err, "bench", "somefile", NULL), ==, 2);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (aims_test_run_cli (NULL, &err, "bench", "--project", project, "--scale",
                                      "small", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "--project"));

  aims_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cli-project/new", test_new);
  g_test_add_func ("/cli-project/help", test_help);
  g_test_add_func ("/cli-project/check", test_check);
  g_test_add_func ("/cli-project/demo", test_demo);
  g_test_add_func ("/cli-project/bench", test_bench);

  return g_test_run ();
}
