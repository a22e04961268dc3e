/* test-crash.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Crash consistency. A child process edits (or saves) and reports each edit
 * once its commit (or save) has returned; the parent kills it with SIGKILL at
 * a random moment, 200 times in all, and then checks that the database is
 * intact (PRAGMA integrity_check) and holds every acknowledged edit, and that
 * a saved file is always a whole, valid project. Run with --seed to repeat a
 * sequence of kill moments. */

#include "config.h"

#include "aims-test-util.h"

#include "aims-store-private.h"

#define N_WORKING_COPIES 4
#define KILLS_PER_WORKING_COPY 40
#define SAVE_KILLS 40

G_STATIC_ASSERT (N_WORKING_COPIES * KILLS_PER_WORKING_COPY + SAVE_KILLS >= 200);

static guint32
random_between (guint32 low,
                guint32 high)
{
  return (guint32) g_test_rand_int_range ((gint32) low, (gint32) high + 1);
}

/* Reads acknowledgements until @wanted arrived or the child is gone. */
static void
read_acks (int     fd,
           guint   wanted,
           GArray *acked)
{
  guint32 value;

  while (wanted-- > 0 && read (fd, &value, sizeof value) == sizeof value)
    g_array_append_val (acked, value);
}

static void
kill_child (pid_t   pid,
            int     fd,
            GArray *acked)
{
  guint32 value;
  int status;

  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status) || (WIFEXITED (status) && WEXITSTATUS (status) == 0));

  while (read (fd, &value, sizeof value) == sizeof value)
    g_array_append_val (acked, value);
  close (fd);
}

/* The child: each edit is one group (an insert and an update), so a kill
 * can also land between the two statements of one transaction. */
G_GNUC_NORETURN static void
edit_until_killed (const char *path,
                   int         fd)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *project = NULL;
  AimsStore *store;
  guint32 next;

  store = aims_store_new (path, "Writer", &error);
  if (store == NULL)
    {
      g_printerr ("child: %s\n", error->message);
      _exit (3);
    }

  project = aims_store_dup_project_uuid (store);
  next = aims_store_count (store, "ai_system");

  for (;;)
    {
      g_autofree char *reference = g_strdup_printf ("E-%u", next);
      g_autofree char *scope = g_strdup_printf ("%u", next);
      g_autofree char *uuid = NULL;

      aims_store_begin_group (store, "Crash test edit");
      uuid = aims_test_add_system (store, reference, "written before a kill");
      if (!aims_store_update (store, "project", project, "scope", g_variant_new_string (scope),
                              &error) ||
          !aims_store_end_group (store, &error))
        {
          g_printerr ("child: %s\n", error->message);
          _exit (4);
        }

      if (write (fd, &next, sizeof next) != sizeof next)
        _exit (5);
      next++;
    }
}

/* An insert logs one row per editable field. */
static gint64
fields_per_insert (void)
{
  const AimsTableInfo *table = aims_schema_lookup_table ("ai_system");
  gint64 n = 0;

  for (guint i = 0; i < table->n_fields; i++)
    if ((table->fields[i].flags & AIMS_FIELD_FLAG_SYSTEM) == 0)
      n++;

  return n;
}

static void
verify_working_copy (const char *path,
                     GArray     *acked)
{
  g_autoptr(GHashTable) present = g_hash_table_new (g_direct_hash, g_direct_equal);
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = NULL;
  gint64 count = 0, max_edit = -1, scope = -1, logged = 0;

  /* A plain read-write connection, as the next session would open it. */
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT CAST(substr(reference, 3) AS INTEGER) FROM "
                                       "ai_system",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 n = sqlite3_column_int64 (stmt, 0);

      g_hash_table_add (present, GINT_TO_POINTER ((gint) n));
      max_edit = MAX (max_edit, n);
      count++;
    }
  sqlite3_finalize (stmt);

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT CAST(scope AS INTEGER), (SELECT count(*) FROM "
                                       "change_log "
                                       "WHERE record_table = 'ai_system' AND op = 'insert') FROM "
                                       "project",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  scope = sqlite3_column_type (stmt, 0) == SQLITE_NULL ? -1 : sqlite3_column_int64 (stmt, 0);
  logged = sqlite3_column_int64 (stmt, 1);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  /* Every acknowledged edit is there. */
  for (guint i = 0; i < acked->len; i++)
    {
      guint32 edit = g_array_index (acked, guint32, i);

      if (!g_hash_table_contains (present, GINT_TO_POINTER ((gint) edit)))
        g_error ("Acknowledged edit E-%u is missing", edit);
    }

  /* Whole transactions only: edits are consecutive, each insert came with its
   * change log rows and its project update. */
  g_assert_cmpint (count, ==, max_edit + 1);
  g_assert_cmpint (logged, ==, count * fields_per_insert ());
  if (count > 0)
    g_assert_cmpint (scope, ==, max_edit);
}

static void
test_kill_editing (void)
{
  g_autofree char *dir = aims_test_make_dir ();

  for (guint copy = 0; copy < N_WORKING_COPIES; copy++)
    {
      g_autofree char *name = g_strdup_printf ("working-%u.sqlite", copy);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GArray) acked = g_array_new (FALSE, FALSE, sizeof (guint32));
      g_autoptr(GError) error = NULL;

      {
        g_autoptr(AimsStore) store = aims_store_new (path, "Setup", &error);

        g_assert_no_error (error);
        g_assert_true (_aims_store_create_project (store, &error));
        g_assert_no_error (error);
      }

      for (guint k = 0; k < KILLS_PER_WORKING_COPY; k++)
        {
          int fds[2];
          pid_t pid;

          g_assert_cmpint (pipe (fds), ==, 0);
          pid = aims_test_fork ();
          g_assert_cmpint (pid, >=, 0);
          if (pid == 0)
            {
              close (fds[0]);
              edit_until_killed (path, fds[1]);
            }
          close (fds[1]);

          /* Sometimes before the first commit, sometimes mid-stream. */
          read_acks (fds[0], random_between (0, 12), acked);
          g_usleep (random_between (0, 2000));
          kill_child (pid, fds[0], acked);

          verify_working_copy (path, acked);
        }

      g_test_message ("working copy %u: %u acknowledged edits survived %u kills",
                      copy, acked->len, KILLS_PER_WORKING_COPY);
    }

  aims_test_remove_tree (dir);
}

static char *
saved_scope (const char *path)
{
  g_autofree char *escaped = g_uri_escape_string (path, "/", FALSE);
  g_autofree char *uri = g_strdup_printf ("file:%s?mode=ro&immutable=1", escaped);
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = NULL;
  char *scope;

  g_assert_cmpint (sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT scope FROM project", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  scope = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return scope;
}

G_GNUC_NORETURN static void
save_until_killed (const char *path,
                   int         fd)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *project = NULL;
  g_autofree char *scope = NULL;
  AimsDocument *document;
  AimsStore *store;
  guint32 next;

  document = aims_document_open (file, AIMS_OPEN_NONE, "Saver", &error);
  if (document == NULL)
    {
      g_printerr ("child: %s\n", error->message);
      _exit (3);
    }

  store = aims_document_get_store (document);
  project = aims_store_dup_project_uuid (store);
  scope = aims_store_dup_text (store, "project", project, "scope", NULL);
  next = (guint32) g_ascii_strtoull (scope, NULL, 10) + 1;

  for (;;)
    {
      g_autofree char *text = g_strdup_printf ("%u", next);
      g_autofree char *reference = g_strdup_printf ("S-%u", next);
      g_autofree char *uuid = aims_test_add_system (store, reference, "saved before a kill");

      if (!aims_store_update (store, "project", project, "scope", g_variant_new_string (text),
                              &error) ||
          !aims_document_save (document, &error))
        {
          g_printerr ("child: %s\n", error->message);
          _exit (4);
        }

      if (write (fd, &next, sizeof next) != sizeof next)
        _exit (5);
      next++;
    }
}

static guint
count_temporaries (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;
  guint count = 0;

  while ((name = g_dir_read_name (handle)) != NULL)
    if (g_str_has_prefix (name, ".saved.aims."))
      {
        g_test_message ("left behind: %s", name);
        count++;
      }

  return count;
}

/* Killed while saving: the file is the last complete save, never a mix. */
static void
test_kill_saving (void)
{
  g_autofree char *dir = aims_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "saved.aims", NULL);
  g_autoptr(GArray) acked = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GError) error = NULL;
  guint32 highest = 0;

  aims_test_write_project (path, 1);

  for (guint k = 0; k < SAVE_KILLS; k++)
    {
      g_autoptr(GPtrArray) recoverable = NULL;
      g_autoptr(AimsProjectFileInfo) info = NULL;
      g_autofree char *scope = NULL;
      int fds[2];
      pid_t pid;

      g_assert_cmpint (pipe (fds), ==, 0);
      pid = aims_test_fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          close (fds[0]);
          save_until_killed (path, fds[1]);
        }
      close (fds[1]);

      read_acks (fds[0], random_between (0, 3), acked);
      g_usleep (random_between (0, 3000));
      kill_child (pid, fds[0], acked);

      /* Always a whole project, holding at least every acknowledged save. */
      g_assert_true (aims_project_file_check_full (path, AIMS_CHECK_NONE, &info, NULL, &error));
      g_assert_no_error (error);
      for (guint i = 0; i < acked->len; i++)
        highest = MAX (highest, g_array_index (acked, guint32, i));
      scope = saved_scope (path);
      if (acked->len > 0)
        g_assert_cmpuint (g_ascii_strtoull (scope, NULL, 10), >=, highest);
      /* One system from the start, one per save (the child numbers them
       * on from the last saved scope). */
      g_assert_cmpuint (info->n_ai_systems, ==, 1 + g_ascii_strtoull (scope, NULL, 10));

      /* The killed session's unsaved work is not needed here. */
      recoverable = aims_document_list_recoverable ();
      for (guint i = 0; i < recoverable->len; i++)
        {
          AimsRecoverable *item = g_ptr_array_index (recoverable, i);

          g_assert_true (aims_document_discard_recoverable (aims_recoverable_get_working_dir (item),
                                                            &error));
        }
    }

  /* A kill mid-save may leave a hidden temporary; the next save removes it. */
  {
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(AimsDocument) document = aims_document_open (file, AIMS_OPEN_NONE, NULL, &error);

    g_assert_no_error (error);
    g_assert_true (aims_document_save (document, &error));
    g_assert_no_error (error);
    aims_document_close (document);
    g_assert_cmpuint (count_temporaries (dir), ==, 0);
  }

  g_test_message ("%u acknowledged saves survived %u kills", acked->len, SAVE_KILLS);
  aims_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/crash/kill-while-editing", test_kill_editing);
  g_test_add_func ("/crash/kill-while-saving", test_kill_saving);

  return g_test_run ();
}
