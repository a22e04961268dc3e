/* test-document.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* AimsDocument: working copies, save and save as, failing saves, the lock
 * against opening a file twice, and recovery after a crash. */

#include "config.h"

#include "aims-test-util.h"

#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <sys/resource.h>

static void
set_scope (AimsDocument *document,
           const char   *scope)
{
  AimsStore *store = aims_document_get_store (document);
  g_autofree char *project = aims_store_dup_project_uuid (store);
  g_autoptr(GError) error = NULL;

  g_assert_true (aims_store_update (store, "project", project, "scope",
                                    g_variant_new_string (scope), &error));
  g_assert_no_error (error);
}

static char *
dup_scope (AimsDocument *document)
{
  AimsStore *store = aims_document_get_store (document);
  g_autofree char *project = aims_store_dup_project_uuid (store);

  return aims_store_dup_text (store, "project", project, "scope", NULL);
}

static AimsDocument *
open_ok (const char    *path,
         AimsOpenFlags  flags)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  AimsDocument *document = aims_document_open (file, flags, "Tester", &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

static gboolean
has_side_files (const char *path)
{
  static const char * const suffixes[] = { "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *side = g_strconcat (path, suffixes[i], NULL);

      if (g_file_test (side, G_FILE_TEST_EXISTS))
        return TRUE;
    }

  return FALSE;
}

static void
assert_message_names (const GError *error,
                      const char   *path,
                      const char   *part)
{
  g_autofree char *display = g_filename_display_name (path);

  if (strstr (error->message, display) == NULL)
    g_error ("“%s” does not name the file “%s”", error->message, display);
  if (part != NULL && strstr (error->message, part) == NULL)
    g_error ("“%s” does not say “%s”", error->message, part);
}

static void
test_new_save_reopen (void)
{
  g_autofree char *dir = aims_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "new.aims", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(AimsDocument) document = NULL;
  g_autoptr(AimsDocument) reopened = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *working_dir = NULL;
  g_autofree char *scope = NULL;
  guchar header[100];
  FILE *stream;

  document = aims_document_new_untitled ("Tester", &error);
  g_assert_no_error (error);
  g_assert_null (aims_document_get_file (document));
  g_assert_cmpstr (aims_document_get_title (document), ==, "Untitled Project");
  g_assert_false (aims_document_get_modified (document));
  g_assert_false (aims_document_get_read_only (document));
  g_assert_cmpuint (aims_document_get_warnings (document)->len, ==, 0);
  g_assert_cmpuint (aims_store_count (aims_document_get_store (document), "project"), ==, 1);
  working_dir = g_strdup (aims_document_get_working_dir (document));
  g_assert_true (g_file_test (working_dir, G_FILE_TEST_IS_DIR));

  set_scope (document, "Everything — ünïcødé");
  g_assert_true (aims_document_get_modified (document));

  /* An untitled project needs a name first. */
  g_assert_false (aims_document_save (document, &error));
  g_assert_error (error, AIMS_FILE_ERROR, AIMS_FILE_ERROR_SAVE_FAILED);
  g_assert_nonnull (strstr (error->message, "Save As"));
  g_clear_error (&error);

  g_assert_true (aims_document_save_as (document, file, &error));
  g_assert_no_error (error);
  g_assert_false (aims_document_get_modified (document));
  g_assert_true (g_file_equal (aims_document_get_file (document), file));
  g_assert_cmpstr (aims_document_get_title (document), ==, "new");

  /* The file at rest: one rollback-journal file, nothing beside it. */
  g_assert_false (has_side_files (path));
  stream = fopen (path, "rb");
  g_assert_nonnull (stream);
  g_assert_cmpuint (fread (header, 1, sizeof header, stream), ==, sizeof header);
  fclose (stream);
  g_assert_cmpint (header[18], ==, 1);
  g_assert_cmpint (header[19], ==, 1);

  aims_document_close (document);
  g_assert_null (aims_document_get_store (document));
  g_assert_false (g_file_test (working_dir, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (aims_test_count_working_copies (), ==, 0);

  reopened = open_ok (path, AIMS_OPEN_NONE);
  scope = dup_scope (reopened);
  g_assert_cmpstr (scope, ==, "Everything — ünïcødé");
  g_assert_false (aims_document_get_modified (reopened));
  aims_document_close (reopened);

  aims_test_remove_tree (dir);
}

static void
test_save_as (void)
{
  g_autofree char *dir = aims_test_make_dir ();
  g_autofree char *a = g_build_filename (dir, "a.aims", NULL);
  g_autofree char *b = g_build_filename (dir, "b.aims", NULL);
  g_autofree char *a_before = NULL;
  g_autofree char *a_after = NULL;
  g_autoptr(GFile) file_a = g_file_new_for_path (a);
  g_autoptr(GFile) file_b = g_file_new_for_path (b);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(AimsDocument) document = NULL;
  g_autoptr(AimsDocument) again = NULL;
  g_autoptr(GError) error = NULL;

  aims_test_write_project (a, 2);
  a_before = aims_test_sha256_file (a);

  document = open_ok (a, AIMS_OPEN_NONE);
  set_scope (document, "Only in b");
  g_assert_true (aims_document_save_as (document, file_b, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (aims_document_get_title (document), ==, "b");

  a_after = aims_test_sha256_file (a);
  g_assert_cmpstr (a_before, ==, a_after);

  /* The document now holds b, and a is free. */
  again = aims_document_open (file_b, AIMS_OPEN_NONE, NULL, &error);
  g_assert_null (again);
  g_assert_error (error, AIMS_FILE_ERROR, AIMS_FILE_ERROR_IN_USE);
  g_clear_error (&error);
  again = open_ok (a, AIMS_OPEN_NONE);

  /* Save As over a file open elsewhere, or over a folder, is refused. */
  g_assert_false (aims_document_save_as (document, file_a, &error));
  g_assert_error (error, AIMS_FILE_ERROR, AIMS_FILE_ERROR_IN_USE);
  g_clear_error (&error);
  g_assert_false (aims_document_save_as (document, folder, &error));
  g_assert_error (error, AIMS_FILE_ERROR, AIMS_FILE_ERROR_IS_DIRECTORY);
  g_clear_error (&error);

  aims_document_close (again);
  aims_document_close (document);

  {
    g_autoptr(AimsDocument) check = open_ok (b, AIMS_OPEN_NONE);
    g_autofree char *scope = dup_scope (check);

    g_assert_cmpstr (scope, ==, "Only in b");
    g_assert_cmpuint (aims_store_count (aims_document_get_store (check), "ai_system"), ==, 2);
    aims_document_close (check);
  }

  aims_test_remove_tree (dir);
}

static void
on_notify_cb (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_modified_flag (void)
{
  g_autofree char *dir = aims_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "m.aims", NULL);
  g_autoptr(AimsDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  AimsStore *store;
  guint notified = 0;

  aims_test_write_project (path, 1);
  document = open_ok (path, AIMS_OPEN_NONE);
  store = aims_document_get_store (document);
  g_signal_connect (document, "notify::modified", G_CALLBACK (on_notify_cb), &notified);

  set_scope (document, "one");
  g_assert_true (aims_document_get_modified (document));
  g_assert_cmpuint (notified, ==, 1);
  set_scope (document, "two");
  g_assert_cmpuint (notified, ==, 1);

  g_assert_true (aims_document_save (document, &error));
  g_assert_no_error (error);
  g_assert_false (aims_document_get_modified (document));
  g_assert_cmpuint (notified, ==, 2);

  /* Undo is a change of the working copy too: it must be saved. */
  g_assert_true (aims_store_undo (store, &error));
  g_assert_true (aims_document_get_modified (document));
  g_assert_true (aims_document_save (document, &error));
  g_assert_false (aims_document_get_modified (document));

  /* Setting what is already there changes nothing. */
  set_scope (document, "one");
  g_assert_false (aims_document_get_modified (document));

  aims_document_close (document);
  g_assert_false (aims_document_get_modified (document));
  aims_test_remove_tree (dir);
}

static void
test_working_copy_layout (void)
{
  g_autofree char *dir = aims_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "layout.aims", NULL);
  g_autofree char *canonical = NULL;
  g_autofree char *meta_path = NULL;
  g_autoptr(AimsDocument) document = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *root = g_build_filename (g_get_user_state_dir (), "aims-workbench", "working",
                                            NULL);
  g_autofree char *parent = NULL;
  g_autofree char *base = NULL;
  const char *working_dir;
  JsonObject *meta;
  struct stat st;

  aims_test_write_project (path, 1);
  canonical = realpath (path, NULL);
  document = open_ok (path, AIMS_OPEN_NONE);
  working_dir = aims_document_get_working_dir (document);

  parent = g_path_get_dirname (working_dir);
  base = g_path_get_basename (working_dir);
  g_assert_cmpstr (parent, ==, root);
  g_assert_true (g_uuid_string_is_valid (base));
  g_assert_cmpint (g_stat (working_dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);

  {
    g_autofree char *db = g_build_filename (working_dir, "project.sqlite", NULL);
    g_autofree char *lock = g_build_filename (working_dir, "lock", NULL);

    g_assert_true (g_file_test (db, G_FILE_TEST_IS_REGULAR));
    g_assert_true (g_file_test (lock, G_FILE_TEST_IS_REGULAR));
  }

  meta_path = g_build_filename (working_dir, "meta.json", NULL);
  json_parser_load_from_file (parser, meta_path, &error);
  g_assert_no_error (error);
  meta = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (meta, "original"), ==, canonical);
  g_assert_cmpstr (json_object_get_string_member (meta, "display_name"), ==, "layout");
  g_assert_cmpint (json_object_get_int_member (meta, "saved_change_id"), ==,
                   aims_store_get_last_change_id (aims_document_get_store (document)));
  g_assert_cmpint (json_object_get_int_member (meta, "pid"), ==, getpid ());
  g_assert_false (json_object_get_boolean_member (meta, "read_only"));

  aims_document_close (document);
  aims_test_remove_tree (dir);
}

/* The same file twice in one process: refused; a read-only view works. */
static void
test_in_use_same_process (void)
{
  g_autofree char *dir = aims_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "busy.aims", NULL);
  g_autofree char *copy = g_build_filename (dir, "copy.aims", NULL);
  g_autofree char *before = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) copy_file = g_file_new_for_path (copy);
  g_autoptr(AimsDocument) first = NULL;
  g_autoptr(AimsDocument) second = NULL;
  g_autoptr(AimsDocument) view = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *project = NULL;
  AimsStore *store;

  aims_test_write_project (path, 1);
  before = aims_test_sha256_file (path);
  first = open_ok (path, AIMS_OPEN_NONE);

  second = aims_document_open (file, AIMS_OPEN_NONE, NULL, &error);
  g_assert_null (second);
  g_assert_error (error, AIMS_FILE_ERROR, AIMS_FILE_ERROR_IN_USE);
  assert_message_names (error, path, "already open in AIMS Workbench");
  g_clear_error (&error);
  g_assert_cmpuint (aims_test_count_working_copies (), ==, 1);

  view = open_ok (path, AIMS_OPEN_READ_ONLY);
  store = aims_document_get_store (view);
  g_assert_true (aims_document_get_read_only (view));
  g_assert_true (aims_store_get_read_only (store));
  project = aims_store_dup_project_uuid (store);

  g_assert_false (aims_store_update (store, "project", project, "scope",
                                     g_variant_new_string ("x"), &error));
  g_assert_error (error, AIMS_STORE_ERROR, AIMS_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (aims_document_get_modified (view));

  g_assert_false (aims_document_save (view, &error));
  g_assert_error (error, AIMS_FILE_ERROR, AIMS_FILE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "Save As"));
  g_clear_error (&error);

  /* Save As gives an editable copy. */
  g_assert_true (aims_document_save_as (view, copy_file, &error));
  g_assert_no_error (error);
  g_assert_false (aims_document_get_read_only (view));
  g_assert_true (aims_store_update (store, "project", project, "scope",
                                    g_variant_new_string ("mine"), &error));
  g_assert_no_error (error);
  g_assert_true (aims_document_get_modified (view));
  g_assert_true (aims_document_save (view, &error));
  g_assert_no_error (error);

  aims_document_close (view);
  aims_document_close (first);

  {
    g_autofree char *after = aims_test_sha256_file (path);

    g_assert_cmpstr (before, ==, after);
  }

  /* Closed: it opens again. */
  g_clear_object (&first);
  first = open_ok (path, AIMS_OPEN_NONE);
  aims_document_close (first);
  aims_test_remove_tree (dir);
}

/* The same file in another process. */
static void
test_in_use_other_process (void)
{
  g_autofree char *dir = aims_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "shared.aims", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(AimsDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  int ready[2], done[2];
  char byte = 0;
  int status;
  pid_t pid;

  aims_test_write_project (path, 1);
  g_assert_cmpint (pipe (ready), ==, 0);
  g_assert_cmpint (pipe (done), ==, 0);

  pid = aims_test_fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      AimsDocument *held = aims_document_open (file, AIMS_OPEN_NONE, "Other", NULL);

      if (held == NULL || write (ready[1], "R", 1) != 1 || read (done[0], &byte, 1) != 1)
        _exit (1);
      aims_document_close (held);
      _exit (0);
    }

  close (ready[1]);
  close (done[0]);
  g_assert_cmpint (read (ready[0], &byte, 1), ==, 1);

  document = aims_document_open (file, AIMS_OPEN_NONE, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, AIMS_FILE_ERROR, AIMS_FILE_ERROR_IN_USE);
  g_clear_error (&error);

  g_assert_cmpint (write (done[1], "D", 1), ==, 1);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  close (ready[0]);
  close (done[1]);

  document = open_ok (path, AIMS_OPEN_NONE);
  aims_document_close (document);
  aims_test_remove_tree (dir);
}

typedef struct
{
  char *dir;
  char *path;
  char *elsewhere;
} SaveCase;

static void
save_case_free (SaveCase *save)
{
  aims_test_remove_tree (save->dir);
  aims_test_remove_tree (save->elsewhere);
  g_free (save->dir);
  g_free (save->path);
  g_free (save->elsewhere);
  g_free (save);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaveCase, save_case_free)

static SaveCase *
save_case_new (void)
{
  SaveCase *save = g_new0 (SaveCase, 1);

  save->dir = aims_test_make_dir ();
  save->path = g_build_filename (save->dir, "project.aims", NULL);
  save->elsewhere = aims_test_make_dir ();
  g_assert_cmpint (g_chmod (save->elsewhere, 0777), ==, 0);
  aims_test_write_project (save->path, 2);
  g_assert_cmpint (g_chmod (save->path, 0644), ==, 0);

  return save;
}

/* After a failed save: the working copy still has the edit, and can be saved
 * elsewhere. */
static void
assert_work_kept (AimsDocument *document,
                  SaveCase     *save)
{
  g_autofree char *target = g_build_filename (save->elsewhere, "rescued.aims", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (target);
  g_autoptr(GError) error = NULL;
  g_autofree char *scope = dup_scope (document);

  g_assert_true (aims_document_get_modified (document));
  g_assert_cmpstr (scope, ==, "unsaved edit");

  g_assert_true (aims_document_save_as (document, file, &error));
  g_assert_no_error (error);
  g_assert_false (aims_document_get_modified (document));
}

static void
save_into_read_only_folder (gpointer data)
{
  SaveCase *save = data;
  g_autoptr(AimsDocument) document = open_ok (save->path, AIMS_OPEN_NONE);
  g_autoptr(GError) error = NULL;

  set_scope (document, "unsaved edit");
  g_assert_false (aims_document_save (document, &error));
  g_assert_error (error, AIMS_FILE_ERROR, AIMS_FILE_ERROR_READ_ONLY);
  assert_message_names (error, save->path, "Save As");
  g_assert_nonnull (strstr (error->message, "cannot be written to"));

  assert_work_kept (document, save);
  aims_document_close (document);
}

static void
test_save_fails_read_only_folder (void)
{
  g_autoptr(SaveCase) save = save_case_new ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_cmpint (g_chmod (save->dir, 0555), ==, 0);
  before = aims_test_snapshot_dir (save->dir);

  if (!aims_test_run_unprivileged (save_into_read_only_folder, save))
    return;

  after = aims_test_snapshot_dir (save->dir);
  g_assert_cmpstr (before, ==, after);
}

static void
save_over_read_only_file (gpointer data)
{
  SaveCase *save = data;
  g_autoptr(AimsDocument) document = open_ok (save->path, AIMS_OPEN_NONE);
  g_autoptr(GError) error = NULL;
  GPtrArray *warnings = aims_document_get_warnings (document);

  /* Opening says so up front. */
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (warnings, 0), "read-only"));

  set_scope (document, "unsaved edit");
  g_assert_false (aims_document_save (document, &error));
  g_assert_error (error, AIMS_FILE_ERROR, AIMS_FILE_ERROR_READ_ONLY);
  assert_message_names (error, save->path, "the file is read-only");

  assert_work_kept (document, save);
  aims_document_close (document);
}

static void
test_save_fails_read_only_file (void)
{
  g_autoptr(SaveCase) save = save_case_new ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_cmpint (g_chmod (save->dir, 0777), ==, 0);
  g_assert_cmpint (g_chmod (save->path, 0444), ==, 0);
  before = aims_test_snapshot_dir (save->dir);

  if (!aims_test_run_unprivileged (save_over_read_only_file, save))
    return;

  after = aims_test_snapshot_dir (save->dir);
  g_assert_cmpstr (before, ==, after);
}

static void
test_save_fails_folder_removed (void)
{
  g_autoptr(SaveCase) save = save_case_new ();
  g_autofree char *moved = g_build_filename (save->elsewhere, "moved-away.aims", NULL);
  g_autofree char *before = aims_test_sha256_file (save->path);
  g_autofree char *after = NULL;
  g_autoptr(AimsDocument) document = open_ok (save->path, AIMS_OPEN_NONE);
  g_autoptr(GError) error = NULL;

  set_scope (document, "unsaved edit");

  /* The folder disappears (unmounted drive, deleted by someone else). */
  g_assert_cmpint (g_rename (save->path, moved), ==, 0);
  g_assert_cmpint (g_rmdir (save->dir), ==, 0);

  g_assert_false (aims_document_save (document, &error));
  g_assert_error (error, AIMS_FILE_ERROR, AIMS_FILE_ERROR_SAVE_FAILED);
  assert_message_names (error, save->path, "no longer exists");
  g_assert_false (g_file_test (save->dir, G_FILE_TEST_EXISTS));

  after = aims_test_sha256_file (moved);
  g_assert_cmpstr (before, ==, after);

  assert_work_kept (document, save);
  aims_document_close (document);
}

/* A full disk, simulated with a file size limit in a child process: writes
 * past it fail with EFBIG (SIGXFSZ ignored), as they would with ENOSPC. The
 * child ends without closing, so its working copy remains for recovery. */
static void
test_save_fails_disk_full (void)
{
  g_autoptr(SaveCase) save = save_case_new ();
  g_autofree char *before = aims_test_snapshot_dir (save->dir);
  g_autofree char *after = NULL;
  g_autoptr(GPtrArray) recoverable = NULL;
  g_autoptr(AimsDocument) recovered = NULL;
  AimsRecoverable *item;
  g_autoptr(GError) error = NULL;
  g_autofree char *scope = NULL;
  int status;
  pid_t pid;

  pid = aims_test_fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      AimsDocument *document = open_ok (save->path, AIMS_OPEN_NONE);
      struct rlimit limit = { 8192, 8192 };
      GError *child_error = NULL;

      set_scope (document, "unsaved edit");
      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

      g_assert_false (aims_document_save (document, &child_error));
      g_assert_error (child_error, AIMS_FILE_ERROR, AIMS_FILE_ERROR_NO_SPACE);
      assert_message_names (child_error, save->path, "the disk is full");
      g_assert_nonnull (strstr (child_error->message, "nothing was overwritten"));
      g_assert_true (aims_document_get_modified (document));
      _exit (0);
    }

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);

  /* The folder is exactly as it was: same file, no temporary left. */
  after = aims_test_snapshot_dir (save->dir);
  g_assert_cmpstr (before, ==, after);

  /* The edit is in the working copy the child left behind. */
  recoverable = aims_document_list_recoverable ();
  g_assert_cmpuint (recoverable->len, ==, 1);
  item = g_ptr_array_index (recoverable, 0);
  recovered = aims_document_recover (aims_recoverable_get_working_dir (item), "Tester", &error);
  g_assert_no_error (error);
  scope = dup_scope (recovered);
  g_assert_cmpstr (scope, ==, "unsaved edit");
  g_assert_true (aims_document_save (recovered, &error));
  g_assert_no_error (error);
  aims_document_close (recovered);
}

/* Edits still in the working copy's WAL are in the saved file, which is one
 * rollback-journal database that other programs read on its own. */
static void
test_save_writes_one_standalone_file (void)
{
  g_autofree char *dir = aims_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "project.aims", NULL);
  g_autoptr(AimsDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  aims_test_write_project (path, 2);
  document = open_ok (path, AIMS_OPEN_NONE);
  set_scope (document, "first");
  set_scope (document, "second");
  g_assert_true (aims_document_save (document, &error));
  g_assert_no_error (error);
  g_assert_false (has_side_files (path));

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT (SELECT journal_mode FROM pragma_journal_mode), "
                                           "(SELECT integrity_check FROM pragma_integrity_check), "
                                           "(SELECT scope FROM project)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "delete");
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, "ok");
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 2), ==, "second");
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_false (has_side_files (path));

  /* The working copy goes on: edit and save again. */
  set_scope (document, "third");
  g_assert_true (aims_document_save (document, &error));
  g_assert_no_error (error);
  aims_document_close (document);
  g_clear_object (&document);

  document = open_ok (path, AIMS_OPEN_FULL_CHECK);
  {
    g_autofree char *scope = dup_scope (document);

    g_assert_cmpstr (scope, ==, "third");
  }
  aims_document_close (document);

  aims_test_remove_tree (dir);
}

/* No room for the working copy: opening fails, says why, and leaves
 * nothing behind. */
static void
test_open_fails_disk_full (void)
{
  g_autofree char *dir = aims_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "project.aims", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  int status;
  pid_t pid;

  aims_test_write_project (path, 2);
  before = aims_test_snapshot_dir (dir);

  pid = aims_test_fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);
      struct rlimit limit = { 16384, 16384 };
      GError *child_error = NULL;
      AimsDocument *document;

      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

      document = aims_document_open (file, AIMS_OPEN_NONE, "Tester", &child_error);
      g_assert_null (document);
      g_assert_error (child_error, AIMS_FILE_ERROR, AIMS_FILE_ERROR_NO_SPACE);
      assert_message_names (child_error, path, "no space left on the disk");
      g_assert_cmpuint (aims_test_count_working_copies (), ==, 0);
      _exit (0);
    }

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);

  after = aims_test_snapshot_dir (dir);
  g_assert_cmpstr (before, ==, after);
  aims_test_remove_tree (dir);
}

static void
test_save_keeps_permissions_and_cleans_up (void)
{
  g_autoptr(SaveCase) save = save_case_new ();
  g_autofree char *stale = g_build_filename (save->dir, ".project.aims.Ab12Cd", NULL);
  g_autofree char *stale_journal = g_build_filename (save->dir, ".project.aims.Ab12Cd-journal",
                                                     NULL);
  g_autofree char *unrelated = g_build_filename (save->dir, ".project.aims.notours", NULL);
  g_autoptr(AimsDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  struct stat st;

  g_assert_cmpint (g_chmod (save->path, 0640), ==, 0);
  g_assert_true (g_file_set_contents (stale, "half-written", -1, NULL));
  g_assert_true (g_file_set_contents (stale_journal, "its journal", -1, NULL));
  g_assert_true (g_file_set_contents (unrelated, "keep me", -1, NULL));

  document = open_ok (save->path, AIMS_OPEN_NONE);
  set_scope (document, "saved");
  g_assert_true (aims_document_save (document, &error));
  g_assert_no_error (error);
  aims_document_close (document);

  g_assert_cmpint (g_stat (save->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0640);
  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (stale_journal, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (unrelated, G_FILE_TEST_EXISTS));
  g_assert_false (has_side_files (save->path));
}

/* A child edits a saved project and is killed; every edit it had
 * acknowledged comes back on recovery. */
static void
run_killed_editor (const char *path,
                   gboolean    untitled,
                   guint       min_acks,
                   GArray     *acked)
{
  int fds[2];
  guint32 value;
  int status;
  pid_t pid;

  g_assert_cmpint (pipe (fds), ==, 0);
  pid = aims_test_fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      AimsDocument *document;
      AimsStore *store;

      close (fds[0]);
      if (untitled)
        document = aims_document_new_untitled ("Killed", NULL);
      else
        document = open_ok (path, AIMS_OPEN_NONE);
      store = aims_document_get_store (document);

      for (guint32 i = 0; ; i++)
        {
          g_autofree char *reference = g_strdup_printf ("K-%u", i);
          g_autofree char *scope = g_strdup_printf ("edit %u", i);
          g_autofree char *uuid = aims_test_add_system (store, reference, "killed editor");

          set_scope (document, scope);
          /* Acknowledge only after both commits returned. */
          if (write (fds[1], &i, sizeof i) != sizeof i)
            _exit (1);
        }
    }

  close (fds[1]);
  while (acked->len < min_acks && read (fds[0], &value, sizeof value) == sizeof value)
    g_array_append_val (acked, value);

  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status));

  /* Acknowledgements already in the pipe count too. */
  while (read (fds[0], &value, sizeof value) == sizeof value)
    g_array_append_val (acked, value);
  close (fds[0]);

  g_assert_cmpuint (acked->len, >=, min_acks);
}

static void
assert_acked_present (AimsDocument *document,
                      GArray       *acked)
{
  AimsStore *store = aims_document_get_store (document);
  g_auto(GStrv) uuids = aims_store_dup_uuids (store, "ai_system", NULL);
  g_autoptr(GHashTable) references = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *scope = dup_scope (document);
  guint32 last = g_array_index (acked, guint32, acked->len - 1);
  guint32 scope_edit = 0;

  for (guint i = 0; uuids[i] != NULL; i++)
    g_hash_table_add (references, aims_store_dup_text (store, "ai_system", uuids[i], "reference",
                                                       NULL));

  for (guint i = 0; i < acked->len; i++)
    {
      g_autofree char *reference = g_strdup_printf ("K-%u", g_array_index (acked, guint32, i));

      if (!g_hash_table_contains (references, reference))
        g_error ("Acknowledged edit %s is missing after recovery", reference);
    }

  g_assert_true (sscanf (scope, "edit %u", &scope_edit) == 1);
  g_assert_cmpuint (scope_edit, >=, last);
}

static void
test_recover_after_kill (void)
{
  g_autofree char *dir = aims_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "crashy.aims", NULL);
  g_autofree char *canonical = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GArray) acked = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GPtrArray) recoverable = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(AimsDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  AimsRecoverable *item;

  aims_test_write_project (path, 1);
  before = aims_test_sha256_file (path);
  canonical = g_canonicalize_filename (path, NULL);

  run_killed_editor (path, FALSE, 25, acked);

  /* The killed session left its file untouched. */
  after = aims_test_sha256_file (path);
  g_assert_cmpstr (before, ==, after);

  recoverable = aims_document_list_recoverable ();
  g_assert_cmpuint (recoverable->len, ==, 1);
  item = g_ptr_array_index (recoverable, 0);
  g_assert_cmpstr (aims_recoverable_get_original_path (item), ==, canonical);
  g_assert_cmpstr (aims_recoverable_get_display_name (item), ==, "crashy");
  g_assert_cmpuint (aims_recoverable_get_n_changes (item), >=, 2 * acked->len);
  g_assert_nonnull (aims_recoverable_get_modified (item));

  document = aims_document_recover (aims_recoverable_get_working_dir (item), "Rescuer", &error);
  g_assert_no_error (error);
  g_assert_true (aims_document_get_modified (document));
  g_assert_cmpstr (aims_document_get_title (document), ==, "crashy");
  assert_acked_present (document, acked);

  /* Recovered work holds its file. */
  file = g_file_new_for_path (path);
  {
    g_autoptr(AimsDocument) second = aims_document_open (file, AIMS_OPEN_NONE, NULL, &error);

    g_assert_null (second);
    g_assert_error (error, AIMS_FILE_ERROR, AIMS_FILE_ERROR_IN_USE);
    g_clear_error (&error);
  }

  /* In use: not listed, cannot be recovered twice. */
  none = aims_document_list_recoverable ();
  g_assert_cmpuint (none->len, ==, 0);
  {
    g_autoptr(AimsDocument) twice = aims_document_recover (aims_recoverable_get_working_dir (item),
                                                           NULL, &error);

    g_assert_null (twice);
    g_assert_error (error, AIMS_FILE_ERROR, AIMS_FILE_ERROR_IN_USE);
    g_clear_error (&error);
  }

  g_assert_true (aims_document_save (document, &error));
  g_assert_no_error (error);
  aims_document_close (document);
  g_clear_object (&document);

  g_clear_pointer (&none, g_ptr_array_unref);
  none = aims_document_list_recoverable ();
  g_assert_cmpuint (none->len, ==, 0);

  document = open_ok (path, AIMS_OPEN_NONE);
  assert_acked_present (document, acked);
  aims_document_close (document);

  aims_test_remove_tree (dir);
}

static void
test_recover_untitled_after_kill (void)
{
  g_autofree char *dir = aims_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "named-later.aims", NULL);
  g_autoptr(GArray) acked = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GPtrArray) recoverable = NULL;
  g_autoptr(AimsDocument) document = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  AimsRecoverable *item;

  run_killed_editor (NULL, TRUE, 10, acked);

  recoverable = aims_document_list_recoverable ();
  g_assert_cmpuint (recoverable->len, ==, 1);
  item = g_ptr_array_index (recoverable, 0);
  g_assert_null (aims_recoverable_get_original_path (item));
  g_assert_cmpstr (aims_recoverable_get_display_name (item), ==, "Untitled Project");

  document = aims_document_recover (aims_recoverable_get_working_dir (item), NULL, &error);
  g_assert_no_error (error);
  g_assert_null (aims_document_get_file (document));
  g_assert_true (aims_document_get_modified (document));
  assert_acked_present (document, acked);

  g_assert_false (aims_document_save (document, &error));
  g_assert_error (error, AIMS_FILE_ERROR, AIMS_FILE_ERROR_SAVE_FAILED);
  g_clear_error (&error);
  g_assert_true (aims_document_save_as (document, file, &error));
  g_assert_no_error (error);
  aims_document_close (document);

  aims_test_remove_tree (dir);
}

static void
test_discard_recoverable (void)
{
  g_autoptr(AimsDocument) document = NULL;
  g_autoptr(GPtrArray) recoverable = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *working_dir = NULL;

  /* Dropping a document without closing it keeps its unsaved work. */
  document = aims_document_new_untitled (NULL, &error);
  g_assert_no_error (error);
  set_scope (document, "left behind");
  working_dir = g_strdup (aims_document_get_working_dir (document));
  g_clear_object (&document);
  g_assert_true (g_file_test (working_dir, G_FILE_TEST_IS_DIR));

  recoverable = aims_document_list_recoverable ();
  g_assert_cmpuint (recoverable->len, ==, 1);
  g_assert_cmpstr (aims_recoverable_get_working_dir (g_ptr_array_index (recoverable, 0)), ==,
                   working_dir);
  g_assert_cmpuint (aims_recoverable_get_n_changes (g_ptr_array_index (recoverable, 0)), ==, 1);

  g_assert_true (aims_document_discard_recoverable (working_dir, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (working_dir, G_FILE_TEST_EXISTS));

  none = aims_document_list_recoverable ();
  g_assert_cmpuint (none->len, ==, 0);

  /* Only our own working copies can be named. */
  {
    g_autofree char *precious = aims_test_make_dir ();

    g_assert_false (aims_document_discard_recoverable (precious, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
    g_clear_error (&error);
    g_assert_true (g_file_test (precious, G_FILE_TEST_IS_DIR));
    aims_test_remove_tree (precious);
  }

  document = aims_document_recover (working_dir, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

/* A working copy without unsaved changes whose session is gone is removed. */
static void
test_stale_working_copies_removed (void)
{
  g_autoptr(AimsDocument) document = NULL;
  g_autoptr(GPtrArray) recoverable = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *working_dir = NULL;
  g_autofree char *root = g_build_filename (g_get_user_state_dir (), "aims-workbench", "working",
                                            NULL);
  g_autofree char *junk = g_build_filename (root, "not-a-uuid", NULL);

  document = aims_document_new_untitled (NULL, &error);
  g_assert_no_error (error);
  working_dir = g_strdup (aims_document_get_working_dir (document));

  /* Still in use: left alone. */
  recoverable = aims_document_list_recoverable ();
  g_assert_cmpuint (recoverable->len, ==, 0);
  g_assert_true (g_file_test (working_dir, G_FILE_TEST_IS_DIR));

  g_clear_object (&document);
  g_assert_true (g_file_test (working_dir, G_FILE_TEST_IS_DIR));
  g_assert_cmpint (g_mkdir (junk, 0700), ==, 0);

  g_clear_pointer (&recoverable, g_ptr_array_unref);
  recoverable = aims_document_list_recoverable ();
  g_assert_cmpuint (recoverable->len, ==, 0);
  g_assert_false (g_file_test (working_dir, G_FILE_TEST_EXISTS));
  /* Not ours to delete. */
  g_assert_true (g_file_test (junk, G_FILE_TEST_IS_DIR));
}

static void
on_opened_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  AimsDocument **document = user_data;
  g_autoptr(GError) error = NULL;

  *document = aims_document_open_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_open_async (void)
{
  g_autofree char *dir = aims_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "async.aims", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AimsDocument *document = NULL;

  aims_test_write_project (path, 3);
  aims_document_open_async (file, AIMS_OPEN_NONE, "Async", NULL, on_opened_cb, &document);
  while (document == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (aims_store_count (aims_document_get_store (document), "ai_system"), ==, 3);
  set_scope (document, "edited on the main thread");
  aims_document_close (document);
  g_object_unref (document);

  aims_test_remove_tree (dir);
}

/* A document closed and unreffed is finalized, and so is its store (and with
 * it the SQLite connection): nothing keeps a reference, whether the document
 * was new, opened from a file or opened read-only. */
static void
test_closed_document_finalized (void)
{
  g_autofree char *dir = aims_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "finalized.aims", NULL);
  g_autoptr(GError) error = NULL;
  AimsOpenFlags flags[] = { AIMS_OPEN_NONE, AIMS_OPEN_READ_ONLY };
  AimsDocument *document;
  AimsStore *store;

  document = aims_document_new_untitled ("Tester", &error);
  g_assert_no_error (error);
  store = aims_document_get_store (document);
  g_object_add_weak_pointer (G_OBJECT (document), (gpointer *) &document);
  g_object_add_weak_pointer (G_OBJECT (store), (gpointer *) &store);
  aims_document_close (document);
  g_object_unref (document);
  g_assert_null (document);
  g_assert_null (store);

  aims_test_write_project (path, 2);
  for (guint i = 0; i < G_N_ELEMENTS (flags); i++)
    {
      document = open_ok (path, flags[i]);
      store = aims_document_get_store (document);
      g_assert_cmpuint (aims_store_count (store, "ai_system"), ==, 2);
      g_object_add_weak_pointer (G_OBJECT (document), (gpointer *) &document);
      g_object_add_weak_pointer (G_OBJECT (store), (gpointer *) &store);
      aims_document_close (document);
      g_object_unref (document);
      g_assert_null (document);
      g_assert_null (store);
    }

  aims_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/document/new-save-reopen", test_new_save_reopen);
  g_test_add_func ("/document/save-as", test_save_as);
  g_test_add_func ("/document/modified-flag", test_modified_flag);
  g_test_add_func ("/document/working-copy-layout", test_working_copy_layout);
  g_test_add_func ("/document/in-use/same-process", test_in_use_same_process);
  g_test_add_func ("/document/in-use/other-process", test_in_use_other_process);
  g_test_add_func ("/document/save-fails/read-only-folder", test_save_fails_read_only_folder);
  g_test_add_func ("/document/save-fails/read-only-file", test_save_fails_read_only_file);
  g_test_add_func ("/document/save-fails/folder-removed", test_save_fails_folder_removed);
  g_test_add_func ("/document/save-fails/disk-full", test_save_fails_disk_full);
  g_test_add_func ("/document/save-writes-one-standalone-file",
                   test_save_writes_one_standalone_file);
  g_test_add_func ("/document/open-fails/disk-full", test_open_fails_disk_full);
  g_test_add_func ("/document/save-keeps-permissions-and-cleans-up",
                   test_save_keeps_permissions_and_cleans_up);
  g_test_add_func ("/document/recover/after-kill", test_recover_after_kill);
  g_test_add_func ("/document/recover/untitled-after-kill", test_recover_untitled_after_kill);
  g_test_add_func ("/document/recover/discard", test_discard_recoverable);
  g_test_add_func ("/document/recover/stale-removed", test_stale_working_copies_removed);
  g_test_add_func ("/document/open-async", test_open_async);
  g_test_add_func ("/document/closed-document-finalized", test_closed_document_finalized);

  return g_test_run ();
}
