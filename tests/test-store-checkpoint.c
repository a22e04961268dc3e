/* test-store-checkpoint.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The working copy's WAL is written back on a thread of its own
 * (aims-store-checkpoint.c): an import that fills the WAL returns without
 * copying it, the copy happens beside it, and saving or closing the project
 * right after the import still gives every row. */

#include "config.h"

#include "aims-test-util.h"

#include "aims-sqlite-private.h"
#include "aims-store-private.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

/* Enough rows, with long descriptions, to take the WAL well past SQLite's
 * 1,000 pages */
#define N_ROWS 3000

typedef struct
{
  char      *dir;
  char      *path;
  AimsStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = aims_test_make_dir ();
  fixture->path = g_build_filename (fixture->dir, "work.db", NULL);
  fixture->store = aims_store_new (fixture->path, "Ada", &error);
  g_assert_no_error (error);
  g_assert_true (_aims_store_create_project (fixture->store, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  aims_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static void
import_rows (AimsStore *store)
{
  g_autoptr(GString) text = g_string_new ("reference,title,description,inherent_likelihood,"
                                          "inherent_impact\n");
  g_autofree char *filler = g_strnfill (1500, 'x');
  g_autoptr(AimsSheet) sheet = NULL;
  g_autoptr(AimsMatrix) matrix = aims_store_dup_matrix (store);
  g_autoptr(AimsImportMapping) mapping = NULL;
  g_autoptr(AimsImportResult) result = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < N_ROWS; i++)
    g_string_append_printf (text, "R-%05u,Risk %u,%u %s,%u,%u\n", i + 1, i, i, filler,
                            1 + i % 5, 1 + i % 3);
  sheet = aims_csv_read_data (text->str, text->len, "many.csv", &error);
  g_assert_no_error (error);
  mapping = aims_import_mapping_guess ("risks", sheet, matrix, &error);
  g_assert_no_error (error);
  result = aims_import_run (store, sheet, mapping, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (aims_import_result_get_n_added (result), ==, N_ROWS);
}

/* How many risks the database file holds without its WAL: a copy of the
 * file alone, opened on its own */
static gint64
count_in_file_alone (const char *dir,
                     const char *path)
{
  g_autofree char *copy = g_build_filename (dir, "alone.db", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  gint64 n = -1;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (copy, contents, length, &error));
  g_assert_no_error (error);

  g_assert_cmpint (sqlite3_open_v2 (copy, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_true (_aims_sqlite_query_int (db, "SELECT count(*) FROM risk", &n, &error));
  g_assert_no_error (error);
  sqlite3_close (db);
  g_unlink (copy);

  return n;
}

/* The import leaves the WAL to the thread; once it is done, the database
 * file alone holds every row */
static void
test_import_checkpoints_beside (Fixture       *fixture,
                                gconstpointer  data)
{
  guint before = _aims_store_wait_checkpoint (fixture->store);

  import_rows (fixture->store);
  g_assert_cmpuint (_aims_store_wait_checkpoint (fixture->store), >, before);
  g_assert_cmpint (count_in_file_alone (fixture->dir, fixture->path), ==, N_ROWS);

  /* The store goes on as before: an undo is a commit like any */
  {
    g_autoptr(GError) error = NULL;

    g_assert_true (aims_store_undo (fixture->store, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (aims_store_count (fixture->store, "risk"), ==, 0);
  }
}

/* Saving at once, while the thread may still be copying: the snapshot
 * waits for it and holds every row */
static void
test_save_right_after (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *saved = g_build_filename (fixture->dir, "saved.aims", NULL);
  g_autoptr(GError) error = NULL;
  gint64 change_id = 0;
  sqlite3 *db = NULL;
  gint64 n = -1;
  int fd;

  import_rows (fixture->store);
  fd = g_open (saved, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  g_assert_cmpint (fd, >=, 0);
  g_assert_true (_aims_store_snapshot (fixture->store, fd, saved, &change_id, &error));
  g_assert_no_error (error);
  close (fd);

  g_assert_cmpint (sqlite3_open_v2 (saved, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_true (_aims_sqlite_query_int (db, "SELECT count(*) FROM risk", &n, &error));
  g_assert_no_error (error);
  sqlite3_close (db);
  g_assert_cmpint (n, ==, N_ROWS);
}

/* Closing at once: the close waits, empties the WAL and removes it as
 * SQLite does; the file opened again holds every row */
static void
test_close_right_after (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autoptr(GError) error = NULL;

  import_rows (fixture->store);
  g_clear_object (&fixture->store);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_cmpint (count_in_file_alone (fixture->dir, fixture->path), ==, N_ROWS);

  fixture->store = aims_store_new (fixture->path, "Ada", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (aims_store_count (fixture->store, "risk"), ==, N_ROWS);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/store-checkpoint/import-checkpoints-beside", test_import_checkpoints_beside);
  ADD ("/store-checkpoint/save-right-after", test_save_right_after);
  ADD ("/store-checkpoint/close-right-after", test_close_right_after);

  return g_test_run ();
}
