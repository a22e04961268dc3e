/* test-cli-export.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* `aims export-inventory` as people and scripts use it: the demo's inventory
 * on the standard output and in a file, byte for byte the core export, and
 * refusals that leave no file behind. */

#include "config.h"

#include "aims-test-util.h"

#include <sqlite3.h>

/* Records of a CSV text: line ends outside quotes. */
static guint
count_records (const char *text)
{
  gboolean quoted = FALSE;
  guint records = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (*p == '\n' && !quoted)
        records++;
    }

  g_assert_false (quoted);
  return records;
}

static char *
expected_header (void)
{
  g_autofree char *joined = g_strjoinv (",", (char **) aims_export_inventory_columns ());

  return g_strconcat (joined, "\r\n", NULL);
}

static char *
core_export (const char *path)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  GMemoryOutputStream *memory = G_MEMORY_OUTPUT_STREAM (stream);

  g_assert_true (aims_export_inventory_csv (path, stream, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (stream, "", 1, NULL, NULL, &error));
  g_assert_true (g_output_stream_close (stream, NULL, &error));

  return g_memdup2 (g_memory_output_stream_get_data (memory),
                    g_memory_output_stream_get_data_size (memory));
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  return contents;
}

static guint
count_entries (const char *dir)
{
  g_autofree char *listing = aims_test_snapshot_dir (dir);
  g_auto(GStrv) lines = g_strsplit (listing, "\n", -1);

  return g_strv_length (lines);
}

/* The folder is exactly as it was. */
static void
assert_unchanged (const char *dir,
                  const char *before)
{
  g_autofree char *now = aims_test_snapshot_dir (dir);

  g_assert_cmpstr (now, ==, before);
}

static void
exec_on (const char *path,
         const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL),
                   ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

static void
test_demo (void)
{
  g_autofree char *dir = aims_test_make_dir ();
  g_autofree char *demo = g_build_filename (dir, "demo.aims", NULL);
  g_autofree char *out_path = g_build_filename (dir, "inventory.csv", NULL);
  g_autofree char *header = expected_header ();
  g_autofree char *core = NULL;
  g_autofree char *out = NULL;
  g_autofree char *out_dash = NULL;
  g_autofree char *out_named = NULL;
  g_autofree char *err = NULL;
  g_autofree char *message = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *listing = NULL;
  g_autofree char *sum_before = NULL;
  g_autofree char *sum_after = NULL;
  g_autoptr(AimsProjectFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  const char *row;

  g_assert_cmpint (aims_test_run_cli (NULL, NULL, "demo", demo, NULL), ==, 0);
  g_assert_true (aims_project_file_check_full (demo, AIMS_CHECK_NONE, &info, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (info->n_ai_systems, ==, 13);

  /* To the standard output: the header, then one row per system */
  g_assert_cmpint (aims_test_run_cli (&out, &err, "export-inventory", demo, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_str_has_prefix (out, header));
  g_assert_true (g_str_has_prefix (header, "reference,name,description,business_owner,"));
  g_assert_cmpuint (count_records (out), ==, info->n_ai_systems + 1);
  row = out + strlen (header);
  for (guint i = 1; i <= info->n_ai_systems; i++)
    {
      g_autofree char *reference = g_strdup_printf ("SYS-%03u,", i);

      g_assert_true (g_str_has_prefix (row, reference));
      /* The next record starts after a CRLF outside quotes */
      for (gboolean quoted = FALSE; *row != '\0'; row++)
        {
          if (*row == '"')
            quoted = !quoted;
          else if (*row == '\n' && !quoted)
            {
              g_assert_cmpint (row[-1], ==, '\r');
              row++;
              break;
            }
        }
    }
  g_assert_cmpstr (row, ==, "");

  /* The same bytes as the core export the app uses */
  core = core_export (demo);
  g_assert_cmpstr (out, ==, core);

  /* --format csv, “-o -” and -o FILE all give the same bytes */
  g_assert_cmpint (aims_test_run_cli (&out_dash, NULL, "export-inventory", "--format", "csv",
                                      "-o", "-", demo, NULL), ==, 0);
  g_assert_cmpstr (out_dash, ==, out);

  g_assert_cmpint (aims_test_run_cli (&message, NULL, "export-inventory", demo, "--format=CSV",
                                      "--output", out_path, NULL), ==, 0);
  expected = g_strdup_printf ("Exported 13 AI systems to %s\n", out_path);
  g_assert_cmpstr (message, ==, expected);
  out_named = read_file (out_path);
  g_assert_cmpstr (out_named, ==, out);

  /* Exporting never changes the project */
  sum_before = aims_test_sha256_file (demo);
  g_clear_pointer (&message, g_free);
  g_assert_cmpint (aims_test_run_cli (&message, NULL, "export-inventory", demo, "-o", out_path,
                                      NULL), ==, 0);
  sum_after = aims_test_sha256_file (demo);
  g_assert_cmpstr (sum_after, ==, sum_before);

  /* Only the project and the export: no temporary file is left */
  g_assert_cmpuint (count_entries (dir), ==, 2);
  listing = aims_test_snapshot_dir (dir);
  g_assert_nonnull (strstr (listing, "demo.aims "));
  g_assert_nonnull (strstr (listing, "inventory.csv "));

  g_assert_cmpuint (aims_test_count_working_copies (), ==, 0);
  aims_test_remove_tree (dir);
}

static void
test_replace_keeps_mode (void)
{
  g_autofree char *dir = aims_test_make_dir ();
  g_autofree char *project = g_build_filename (dir, "p.aims", NULL);
  g_autofree char *out_path = g_build_filename (dir, "p.csv", NULL);
  g_autofree char *written = NULL;
  struct stat st;

  aims_test_write_project (project, 2);
  g_assert_true (g_file_set_contents (out_path, "an older export\n", -1, NULL));
  g_assert_cmpint (g_chmod (out_path, 0640), ==, 0);

  g_assert_cmpint (aims_test_run_cli (NULL, NULL, "export-inventory", project, "-o", out_path,
                                      NULL), ==, 0);
  written = read_file (out_path);
  g_assert_cmpuint (count_records (written), ==, 3);
  g_assert_nonnull (strstr (written, "\r\nSYS-002,System 2,"));
  g_assert_cmpint (g_stat (out_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0640);

  g_assert_cmpuint (count_entries (dir), ==, 2);

  aims_test_remove_tree (dir);
}

static void
test_unknown_format (void)
{
  g_autofree char *dir = aims_test_make_dir ();
  g_autofree char *project = g_build_filename (dir, "p.aims", NULL);
  g_autofree char *out_path = g_build_filename (dir, "p.xlsx", NULL);
  g_autofree char *before = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  aims_test_write_project (project, 1);
  before = aims_test_snapshot_dir (dir);

  g_assert_cmpint (aims_test_run_cli (&out, &err, "export-inventory", project, "--format", "xlsx",
                                      "-o", out_path, NULL), ==, 2);
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpstr (err, ==, "aims: “xlsx” is not a format the inventory can be exported in; "
                            "use csv.\n");
  assert_unchanged (dir, before);

  /* Usage errors */
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (aims_test_run_cli (NULL, &err, "export-inventory", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "aims export-inventory --help"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (aims_test_run_cli (NULL, &err, "export-inventory", project, project, NULL),
                   ==, 2);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (aims_test_run_cli (NULL, &err, "export-inventory", project, "--format", NULL),
                   ==, 2);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (aims_test_run_cli (NULL, &err, "export-inventory", project, "-o", "", NULL),
                   ==, 2);
  assert_unchanged (dir, before);

  /* --help documents the options and exit statuses */
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (aims_test_run_cli (&out, NULL, "export-inventory", "--help", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "Usage:"));
  g_assert_nonnull (strstr (out, "aims export-inventory"));
  g_assert_nonnull (strstr (out, "--format"));
  g_assert_nonnull (strstr (out, "--output"));
  g_assert_nonnull (strstr (out, "10–18"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (aims_test_run_cli (&out, NULL, "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "\n  export-inventory FILE"));

  aims_test_remove_tree (dir);
}

/* A file that is not a sound project: the same message and exit status as
 * `aims check`, and nothing written. */
static void
test_refusals (void)
{
  g_autofree char *dir = aims_test_make_dir ();
  g_autofree char *project = g_build_filename (dir, "sound.aims", NULL);
  g_autofree char *text = g_build_filename (dir, "notes.aims", NULL);
  g_autofree char *database = g_build_filename (dir, "other.aims", NULL);
  g_autofree char *trigger = g_build_filename (dir, "trigger.aims", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.aims", NULL);
  g_autofree char *out_path = g_build_filename (dir, "out.csv", NULL);
  struct {
    const char *path;
    int         status;
  } cases[] = {
    { missing, 10 },
    { dir, 11 },
    { text, 13 },
    { database, 14 },
    { trigger, 18 },
  };

  aims_test_write_project (project, 2);
  g_assert_true (g_file_set_contents (text, "Dear auditor,\nour AI policy is attached.\n", -1,
                                      NULL));
  exec_on (database, "CREATE TABLE contacts (name TEXT)");
  {
    g_autofree char *bytes = NULL;
    gsize length;

    g_assert_true (g_file_get_contents (project, &bytes, &length, NULL));
    g_assert_true (g_file_set_contents (trigger, bytes, length, NULL));
  }
  exec_on (trigger, "CREATE TRIGGER exfiltrate AFTER INSERT ON ai_system "
                    "BEGIN SELECT 1; END");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *check_err = NULL;
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autofree char *before = aims_test_sha256_file (cases[i].path);
      g_autofree char *after = NULL;

      g_assert_cmpint (aims_test_run_cli (NULL, &check_err, "check", cases[i].path, NULL), ==,
                       cases[i].status);
      g_assert_cmpint (aims_test_run_cli (&out, &err, "export-inventory", cases[i].path, "-o",
                                          out_path, NULL), ==, cases[i].status);
      g_assert_cmpstr (err, ==, check_err);
      g_assert_true (g_str_has_prefix (err, "aims: “"));
      g_assert_cmpstr (out, ==, "");
      g_assert_false (g_file_test (out_path, G_FILE_TEST_EXISTS));
      after = aims_test_sha256_file (cases[i].path);
      g_assert_cmpstr (after, ==, before);

      /* Nothing reaches the standard output either */
      g_clear_pointer (&out, g_free);
      g_assert_cmpint (aims_test_run_cli (&out, NULL, "export-inventory", cases[i].path, NULL),
                       ==, cases[i].status);
      g_assert_cmpstr (out, ==, "");
    }

  aims_test_remove_tree (dir);
}

typedef struct
{
  char *project;
  char *folder;
} Unwritable;

static void
export_to_unwritable (gpointer data)
{
  Unwritable *u = data;
  g_autofree char *out_path = g_build_filename (u->folder, "out.csv", NULL);
  g_autofree char *before = aims_test_snapshot_dir (u->folder);
  g_autofree char *folder_display = g_filename_display_name (u->folder);
  g_autofree char *expected = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (aims_test_run_cli (&out, &err, "export-inventory", u->project, "-o", out_path,
                                      NULL), ==, 1);
  expected = g_strdup_printf ("aims: “%s” could not be written: the folder “%s” cannot be "
                              "written to. Choose another folder.\n", out_path, folder_display);
  g_assert_cmpstr (err, ==, expected);
  g_assert_cmpstr (out, ==, "");
  assert_unchanged (u->folder, before);
}

static void
test_unwritable_folder (void)
{
  g_autofree char *dir = aims_test_make_dir ();
  g_autofree char *project = g_build_filename (dir, "p.aims", NULL);
  g_autofree char *folder = g_build_filename (dir, "read-only", NULL);
  g_autofree char *nowhere = g_build_filename (dir, "no", "such", "out.csv", NULL);
  g_autofree char *err = NULL;
  Unwritable u = { project, folder };

  aims_test_write_project (project, 2);
  g_assert_cmpint (g_chmod (project, 0644), ==, 0);
  g_assert_cmpint (g_mkdir (folder, 0555), ==, 0);
  g_assert_cmpint (g_chmod (folder, 0555), ==, 0);

  /* A folder that does not exist */
  g_assert_cmpint (aims_test_run_cli (NULL, &err, "export-inventory", project, "-o", nowhere,
                                      NULL), ==, 1);
  g_assert_nonnull (strstr (err, "there is no folder"));
  g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));

  /* A folder that is a file name: the export is not written into it */
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (aims_test_run_cli (NULL, &err, "export-inventory", project, "-o", dir, NULL),
                   ==, 1);
  g_assert_nonnull (strstr (err, "it is a folder"));

  /* As root, permissions do not stop writing: the case runs as nobody */
  aims_test_run_unprivileged (export_to_unwritable, &u);

  aims_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cli-export/demo", test_demo);
  g_test_add_func ("/cli-export/replace-keeps-mode", test_replace_keeps_mode);
  g_test_add_func ("/cli-export/unknown-format", test_unknown_format);
  g_test_add_func ("/cli-export/refusals", test_refusals);
  g_test_add_func ("/cli-export/unwritable-folder", test_unwritable_folder);

  return g_test_run ();
}
