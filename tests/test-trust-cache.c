/* test-trust-cache.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Opening a file this program saved, or already checked in full, skips the
 * full check only while the file is exactly as it was: any change to it, by
 * any means, gets the full check again. The cache that remembers such files
 * is bounded and survives being damaged. */

#include "config.h"

#include "aims-trust-cache-private.h"
#include "aims-test-util.h"

#include <fcntl.h>
#include <sqlite3.h>

#define N_BULKY 80

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

/* Opens @path, says whether every value was checked, and closes it. */
static gboolean
open_checked_in_full (const char    *path,
                      AimsOpenFlags  flags)
{
  g_autoptr(AimsDocument) document = open_ok (path, flags);
  gboolean full = aims_document_get_fully_checked (document);

  aims_document_close (document);
  return full;
}

/* A copy the way a file arrives from elsewhere: a new file. */
static void
copy_file (const char *from,
           const char *to)
{
  g_autoptr(GFile) source = g_file_new_for_path (from);
  g_autoptr(GFile) target = g_file_new_for_path (to);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_copy (source, target, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* A project big enough that its middle is outside the first and last 64 KiB
 * the fingerprint's digest covers; the description "Marker-040 …" is in the
 * middle. Descriptions are in no index, so a changed letter in one is a
 * sound file. */
static void
write_bulky_project (const char *path)
{
  g_autoptr(AimsDocument) document = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *padding = g_strnfill (3000, 'd');
  AimsStore *store;

  document = aims_document_new_untitled ("Tester", &error);
  g_assert_no_error (error);
  store = aims_document_get_store (document);

  for (guint i = 0; i < N_BULKY; i++)
    {
      g_autofree char *reference = g_strdup_printf ("SYS-%03u", i);
      g_autofree char *uuid = aims_test_add_system (store, reference, "Bulky");
      g_autofree char *description = g_strdup_printf ("Marker-%03u %s", i, padding);

      g_assert_true (aims_store_update (store, "ai_system", uuid, "description",
                                        g_variant_new_string (description), &error));
      g_assert_no_error (error);
    }

  g_assert_true (aims_document_save_as (document, file, &error));
  g_assert_no_error (error);
  aims_document_close (document);
}

/* Changes one byte of @path in place, where @marker first appears, then
 * puts its access and modification times back as `touch -r` would. Returns
 * the offset changed. */
static gsize
poke_byte_keep_times (const char *path,
                      const char *marker,
                      guchar      value)
{
  g_autofree char *contents = NULL;
  struct timespec times[2];
  struct stat before, after;
  const char *found;
  gsize length = 0;
  gsize offset;
  int fd;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  found = memmem (contents, length, marker, strlen (marker));
  g_assert_nonnull (found);
  offset = found - contents;

  g_assert_cmpint (g_stat (path, &before), ==, 0);
  fd = g_open (path, O_WRONLY | O_CLOEXEC, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (pwrite (fd, &value, 1, (off_t) offset), ==, 1);
  close (fd);

  times[0] = before.st_atim;
  times[1] = before.st_mtim;
  g_assert_cmpint (utimensat (AT_FDCWD, path, times, 0), ==, 0);

  g_assert_cmpint (g_stat (path, &after), ==, 0);
  g_assert_cmpint (after.st_size, ==, before.st_size);
  g_assert_cmpint (after.st_ino, ==, before.st_ino);
  g_assert_cmpint (after.st_mtim.tv_sec, ==, before.st_mtim.tv_sec);
  g_assert_cmpint (after.st_mtim.tv_nsec, ==, before.st_mtim.tv_nsec);

  return offset;
}

static void
test_saved_file_reopens_without_full_check (void)
{
  g_autofree char *dir = aims_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "saved.aims", NULL);
  g_autoptr(AimsDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  aims_test_write_project (path, 3);
  g_assert_false (open_checked_in_full (path, AIMS_OPEN_NONE));
  g_assert_false (open_checked_in_full (path, AIMS_OPEN_READ_ONLY));
  g_assert_true (open_checked_in_full (path, AIMS_OPEN_FULL_CHECK));

  /* Saving again keeps it known. */
  document = open_ok (path, AIMS_OPEN_NONE);
  g_free (aims_test_add_system (aims_document_get_store (document), "SYS-100", "Added"));
  g_assert_true (aims_document_save (document, &error));
  g_assert_no_error (error);
  aims_document_close (document);
  g_assert_false (open_checked_in_full (path, AIMS_OPEN_NONE));

  aims_test_remove_tree (dir);
}

static void
test_file_from_elsewhere_checked_once (void)
{
  g_autofree char *dir = aims_test_make_dir ();
  g_autofree char *made = g_build_filename (dir, "made.aims", NULL);
  g_autofree char *received = g_build_filename (dir, "received.aims", NULL);
  g_autofree char *checked = g_build_filename (dir, "checked.aims", NULL);
  g_autoptr(GError) error = NULL;

  aims_test_write_project (made, 3);

  /* A copy is a file never seen: checked in full, then known. */
  copy_file (made, received);
  g_assert_true (open_checked_in_full (received, AIMS_OPEN_NONE));
  g_assert_false (open_checked_in_full (received, AIMS_OPEN_NONE));

  /* `aims check` checks in full as well, and says so for the next open. */
  copy_file (made, checked);
  g_assert_true (aims_project_file_check (checked, AIMS_CHECK_NONE, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (open_checked_in_full (checked, AIMS_OPEN_NONE));

  /* Replaced by another copy of the same bytes: a new file, checked again. */
  copy_file (made, received);
  g_assert_true (open_checked_in_full (received, AIMS_OPEN_NONE));

  aims_test_remove_tree (dir);
}

/* The case the cache must never get wrong: the same file, the same size and
 * modification time, one byte different in the middle. */
static void
test_changed_in_place_checked_again (void)
{
  g_autofree char *dir = aims_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "project.aims", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(AimsDocument) document = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  struct stat st;
  gsize offset;

  write_bulky_project (path);
  g_assert_false (open_checked_in_full (path, AIMS_OPEN_NONE));

  /* Harmless: "Marker-040" becomes "xarker-040"; checked in full, and it
   * opens. */
  offset = poke_byte_keep_times (path, "Marker-040", 'x');
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpuint (offset, >, 64 * 1024);
  g_assert_cmpuint (offset, <, (gsize) st.st_size - 64 * 1024);

  document = open_ok (path, AIMS_OPEN_NONE);
  g_assert_true (aims_document_get_fully_checked (document));
  g_assert_cmpuint (aims_store_count (aims_document_get_store (document), "ai_system"), ==,
                    N_BULKY);
  aims_document_close (document);
  g_clear_object (&document);
  g_assert_false (open_checked_in_full (path, AIMS_OPEN_NONE));

  /* Hostile: a byte that is not UTF-8. Refused, and refused again. */
  poke_byte_keep_times (path, "Marker-041", 0xff);
  before = aims_test_sha256_file (path);
  for (guint attempt = 0; attempt < 2; attempt++)
    {
      document = aims_document_open (file, AIMS_OPEN_NONE, "Tester", &error);
      g_assert_null (document);
      g_assert_error (error, AIMS_FILE_ERROR, AIMS_FILE_ERROR_UNEXPECTED_CONTENT);
      g_assert_nonnull (strstr (error->message, "UTF-8"));
      g_clear_error (&error);
    }
  after = aims_test_sha256_file (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (aims_test_count_working_copies (), ==, 0);

  aims_test_remove_tree (dir);
}

static void
on_checked_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* aims_document_check_async(), waited for; returns whether it passed. */
static gboolean
check_async (AimsDocument  *document,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  aims_document_check_async (document, cancellable, on_checked_cb, &result);
  /* Nothing changes before the callback, in the main context */
  g_assert_true (aims_document_get_checking (document));
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return aims_document_check_finish (document, result, error);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

/* The window shows a large file from elsewhere after the cheap checks and
 * checks the rest in a worker thread: until it has passed, nothing can be
 * changed; a file that fails is refused as before and not remembered. */
static void
test_deferred_check (void)
{
  g_autofree char *dir = aims_test_make_dir ();
  g_autofree char *made = g_build_filename (dir, "made.aims", NULL);
  g_autofree char *received = g_build_filename (dir, "received.aims", NULL);
  g_autofree char *hostile = g_build_filename (dir, "hostile.aims", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GFile) hostile_file = g_file_new_for_path (hostile);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(AimsDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  AimsStore *store;
  guint notified = 0;

  write_bulky_project (made);

  /* Sound: read-only while checking, editable after, then known */
  copy_file (made, received);
  document = open_ok (received, AIMS_OPEN_DEFER_CHECK);
  store = aims_document_get_store (document);
  g_assert_true (aims_document_get_checking (document));
  g_assert_true (aims_document_get_read_only (document));
  g_assert_false (aims_document_get_fully_checked (document));
  g_assert_cmpuint (aims_store_count (store, "ai_system"), ==, N_BULKY);
  {
    g_autoptr(GHashTable) values = aims_test_values ("reference", g_variant_new_string ("SYS-901"),
                                                     "name", g_variant_new_string ("Too early"),
                                                     NULL);

    uuid = aims_store_insert (store, "ai_system", values, &error);
    g_assert_null (uuid);
    g_assert_error (error, AIMS_STORE_ERROR, AIMS_STORE_ERROR_READ_ONLY);
  }
  g_clear_error (&error);
  g_signal_connect (document, "notify::read-only", G_CALLBACK (count_notify_cb), &notified);

  g_assert_true (check_async (document, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_false (aims_document_get_checking (document));
  g_assert_false (aims_document_get_read_only (document));
  g_assert_true (aims_document_get_fully_checked (document));
  g_free (aims_test_add_system (store, "SYS-900", "Added once checked"));
  aims_document_close (document);
  g_clear_object (&document);
  g_assert_false (open_checked_in_full (received, AIMS_OPEN_DEFER_CHECK));

  /* Stopped before it is done: still read-only, nothing remembered */
  copy_file (made, received);
  document = open_ok (received, AIMS_OPEN_DEFER_CHECK);
  g_cancellable_cancel (cancellable);
  g_assert_false (check_async (document, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_true (aims_document_get_checking (document));
  g_assert_true (aims_document_get_read_only (document));
  aims_document_close (document);
  g_clear_object (&document);

  /* Hostile: a byte that is not UTF-8 in the middle. Shown, then refused
   * with the message opening gives, and never remembered. */
  copy_file (made, hostile);
  poke_byte_keep_times (hostile, "Marker-041", 0xff);
  before = aims_test_sha256_file (hostile);
  for (guint attempt = 0; attempt < 2; attempt++)
    {
      document = open_ok (hostile, AIMS_OPEN_DEFER_CHECK);
      g_assert_true (aims_document_get_checking (document));
      g_assert_false (check_async (document, NULL, &error));
      g_assert_error (error, AIMS_FILE_ERROR, AIMS_FILE_ERROR_UNEXPECTED_CONTENT);
      g_assert_nonnull (strstr (error->message, "hostile.aims"));
      g_assert_nonnull (strstr (error->message, "UTF-8"));
      g_clear_error (&error);
      g_assert_true (aims_document_get_read_only (document));
      aims_document_close (document);
      g_clear_object (&document);
    }
  g_assert_null (aims_document_open (hostile_file, AIMS_OPEN_NONE, "Tester", &error));
  g_assert_error (error, AIMS_FILE_ERROR, AIMS_FILE_ERROR_UNEXPECTED_CONTENT);
  after = aims_test_sha256_file (hostile);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (aims_test_count_working_copies (), ==, 0);

  aims_test_remove_tree (dir);
}

/* Migrations from format 6 on only add tables: a file of format 6 is shown
 * before its full check as well, and migrated. One of format 4 is checked
 * in full first. */
static void
test_deferred_check_older_formats (void)
{
  g_autofree char *dir = aims_test_make_dir ();
  g_autofree char *v6 = g_build_filename (dir, "v6.aims", NULL);
  g_autofree char *v4 = g_build_filename (dir, "v4.aims", NULL);
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "data", "project-v4.aims", NULL);
  g_autoptr(AimsDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  aims_test_write_project (v6, 3);
  g_assert_cmpint (sqlite3_open (v6, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "DROP TABLE review_action; DROP TABLE management_review; "
                                 "DROP TABLE incident_risk; DROP TABLE incident; "
                                 "DROP TABLE corrective_action; DROP TABLE finding; "
                                 "DROP TABLE audit_item; DROP TABLE audit; "
                                 "PRAGMA user_version = 6; VACUUM",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_true (aims_project_file_check (v6, AIMS_CHECK_NONE, NULL, &error));
  g_assert_no_error (error);
  copy_file (v6, v4);   /* the check remembered v6: copy it anew */
  copy_file (v4, v6);

  document = open_ok (v6, AIMS_OPEN_DEFER_CHECK);
  g_assert_true (aims_document_get_checking (document));
  g_assert_cmpuint (aims_store_count (aims_document_get_store (document), "incident"), ==, 0);
  g_assert_true (aims_document_check (document, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (aims_document_get_read_only (document));
  aims_document_close (document);
  g_clear_object (&document);

  copy_file (fixture, v4);
  document = open_ok (v4, AIMS_OPEN_DEFER_CHECK);
  g_assert_false (aims_document_get_checking (document));
  g_assert_true (aims_document_get_fully_checked (document));
  aims_document_close (document);

  aims_test_remove_tree (dir);
}

/* Another program writes the file through SQLite. */
static void
test_written_by_another_program (void)
{
  g_autofree char *dir = aims_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "project.aims", NULL);
  sqlite3 *db = NULL;

  aims_test_write_project (path, 2);
  g_assert_false (open_checked_in_full (path, AIMS_OPEN_NONE));

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE project SET organisation = 'Changed elsewhere'",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  g_assert_true (open_checked_in_full (path, AIMS_OPEN_NONE));

  aims_test_remove_tree (dir);
}

/* A journal beside the file: someone may be writing it. Always a full check,
 * and the person is told. */
static void
test_journal_beside_checked_in_full (void)
{
  g_autofree char *dir = aims_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "project.aims", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  g_autoptr(AimsDocument) document = NULL;
  GPtrArray *warnings;

  aims_test_write_project (path, 2);
  g_assert_true (g_file_set_contents (journal, "not ours", -1, NULL));

  document = open_ok (path, AIMS_OPEN_NONE);
  g_assert_true (aims_document_get_fully_checked (document));
  warnings = aims_document_get_warnings (document);
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (warnings, 0), "project.aims-journal"));
  aims_document_close (document);

  aims_test_remove_tree (dir);
}

static void
fill_fingerprint (AimsFingerprint *fingerprint,
                  guint64          seed)
{
  memset (fingerprint, 0, sizeof *fingerprint);
  fingerprint->dev = 2049;
  fingerprint->ino = 1000 + seed;
  fingerprint->size = 4096 * (seed + 1);
  fingerprint->mtime_ns = G_GINT64_CONSTANT (1700000000123456789) + seed;
  fingerprint->ctime_ns = G_GINT64_CONSTANT (1700000000987654321) + seed;
  for (guint i = 0; i < AIMS_FINGERPRINT_DIGEST_SIZE; i++)
    fingerprint->digest[i] = (guint8) (i * 7 + seed);
}

static void
test_cache_matches_every_field (void)
{
  AimsFingerprint fingerprint, other;
  g_autofree char *cache = _aims_trust_cache_get_path ();
  struct stat st;

  fill_fingerprint (&fingerprint, 1);
  g_assert_false (_aims_trust_cache_lookup ("/projects/a.aims", &fingerprint));

  _aims_trust_cache_remember ("/projects/a.aims", &fingerprint);
  g_assert_true (_aims_trust_cache_lookup ("/projects/a.aims", &fingerprint));
  g_assert_false (_aims_trust_cache_lookup ("/projects/b.aims", &fingerprint));

  /* Private to the person. */
  g_assert_cmpint (g_stat (cache, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  other = fingerprint;
  other.dev++;
  g_assert_false (_aims_trust_cache_lookup ("/projects/a.aims", &other));
  other = fingerprint;
  other.ino++;
  g_assert_false (_aims_trust_cache_lookup ("/projects/a.aims", &other));
  other = fingerprint;
  other.size++;
  g_assert_false (_aims_trust_cache_lookup ("/projects/a.aims", &other));
  other = fingerprint;
  other.mtime_ns++;
  g_assert_false (_aims_trust_cache_lookup ("/projects/a.aims", &other));
  other = fingerprint;
  other.ctime_ns++;
  g_assert_false (_aims_trust_cache_lookup ("/projects/a.aims", &other));
  other = fingerprint;
  other.digest[AIMS_FINGERPRINT_DIGEST_SIZE - 1] ^= 1;
  g_assert_false (_aims_trust_cache_lookup ("/projects/a.aims", &other));

  /* Remembering again replaces; forgetting forgets. */
  _aims_trust_cache_remember ("/projects/a.aims", &other);
  g_assert_false (_aims_trust_cache_lookup ("/projects/a.aims", &fingerprint));
  g_assert_true (_aims_trust_cache_lookup ("/projects/a.aims", &other));
  _aims_trust_cache_forget ("/projects/a.aims");
  g_assert_false (_aims_trust_cache_lookup ("/projects/a.aims", &other));
}

static guint
count_lines (const char *path)
{
  g_autofree char *contents = NULL;
  guint n = 0;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  for (const char *p = contents; *p != '\0'; p++)
    n += *p == '\n';

  return n;
}

static void
test_cache_is_bounded (void)
{
  g_autofree char *cache = _aims_trust_cache_get_path ();
  AimsFingerprint fingerprint;

  for (guint i = 0; i < 150; i++)
    {
      g_autofree char *path = g_strdup_printf ("/projects/%u.aims", i);

      fill_fingerprint (&fingerprint, i);
      _aims_trust_cache_remember (path, &fingerprint);
    }

  /* A header line and the 100 files remembered last. */
  g_assert_cmpuint (count_lines (cache), ==, 101);
  fill_fingerprint (&fingerprint, 0);
  g_assert_false (_aims_trust_cache_lookup ("/projects/0.aims", &fingerprint));
  fill_fingerprint (&fingerprint, 49);
  g_assert_false (_aims_trust_cache_lookup ("/projects/49.aims", &fingerprint));
  fill_fingerprint (&fingerprint, 50);
  g_assert_true (_aims_trust_cache_lookup ("/projects/50.aims", &fingerprint));
  fill_fingerprint (&fingerprint, 149);
  g_assert_true (_aims_trust_cache_lookup ("/projects/149.aims", &fingerprint));
}

/* Whatever is in the cache file, the worst it can do is cost a full check. */
static void
test_damaged_cache_ignored (void)
{
  g_autofree char *cache = _aims_trust_cache_get_path ();
  g_autofree char *folder = g_path_get_dirname (cache);
  g_autofree char *dir = aims_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "project.aims", NULL);
  g_autofree char *valid = NULL;
  g_autofree char *huge = NULL;
  AimsFingerprint fingerprint;
  gsize valid_length = 0;
  const struct {
    const char *what;
    const char *contents;
    gssize      length;
  } damaged[] = {
    { "empty", "", 0 },
    { "random bytes", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16 },
    { "another version", "AIMS Workbench trusted files 1 0.0.1 1\n", -1 },
    { "NUL bytes", NULL, 0 },
    { "a line cut short", NULL, 0 },
    { "a field that is not a number", NULL, 0 },
  };

  aims_test_write_project (path, 2);
  g_assert_false (open_checked_in_full (path, AIMS_OPEN_NONE));
  g_assert_true (g_file_get_contents (cache, &valid, &valid_length, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (damaged); i++)
    {
      g_autofree char *contents = NULL;
      gsize length;

      if (damaged[i].contents != NULL)
        {
          length = damaged[i].length >= 0 ? (gsize) damaged[i].length
                                           : strlen (damaged[i].contents);
          contents = g_memdup2 (damaged[i].contents, length);
        }
      else
        {
          contents = g_memdup2 (valid, valid_length);
          length = valid_length;
          if (i == 3)
            contents[length / 2] = '\0';
          else if (i == 4)
            length -= 20;
          else
            {
              char *space = strchr (strchr (contents, '\n'), ' ');

              g_assert_nonnull (space);
              space[1] = 'x';
            }
        }

      g_test_message ("cache: %s", damaged[i].what);
      g_assert_true (g_file_set_contents (cache, contents, length, NULL));
      g_assert_true (open_checked_in_full (path, AIMS_OPEN_NONE));
      /* The full check rewrote the cache; the next open trusts the file. */
      g_assert_false (open_checked_in_full (path, AIMS_OPEN_NONE));
    }

  /* Too big to be ours: ignored without being read. */
  huge = g_strnfill (1024 * 1024, 'a');
  g_assert_true (g_file_set_contents (cache, huge, -1, NULL));
  g_assert_true (open_checked_in_full (path, AIMS_OPEN_NONE));

  /* Not a file: ignored, and opening still works. */
  g_assert_cmpint (g_unlink (cache), ==, 0);
  g_assert_cmpint (g_mkdir (cache, 0700), ==, 0);
  g_assert_true (open_checked_in_full (path, AIMS_OPEN_NONE));
  g_assert_true (open_checked_in_full (path, AIMS_OPEN_NONE));
  g_assert_cmpint (g_rmdir (cache), ==, 0);

  /* A state folder that cannot be written: no cache, no failure. */
  fill_fingerprint (&fingerprint, 3);
  g_assert_cmpint (g_chmod (folder, 0500), ==, 0);
  if (access (folder, W_OK) != 0)
    {
      _aims_trust_cache_remember ("/projects/x.aims", &fingerprint);
      g_assert_false (_aims_trust_cache_lookup ("/projects/x.aims", &fingerprint));
    }
  g_assert_cmpint (g_chmod (folder, 0700), ==, 0);

  aims_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/trust/saved-file-reopens-without-full-check",
                   test_saved_file_reopens_without_full_check);
  g_test_add_func ("/trust/file-from-elsewhere-checked-once",
                   test_file_from_elsewhere_checked_once);
  g_test_add_func ("/trust/changed-in-place-checked-again", test_changed_in_place_checked_again);
  g_test_add_func ("/trust/written-by-another-program", test_written_by_another_program);
  g_test_add_func ("/trust/journal-beside-checked-in-full", test_journal_beside_checked_in_full);
  g_test_add_func ("/trust/cache-matches-every-field", test_cache_matches_every_field);
  g_test_add_func ("/trust/cache-is-bounded", test_cache_is_bounded);
  g_test_add_func ("/trust/deferred-check", test_deferred_check);
  g_test_add_func ("/trust/deferred-check-older-formats", test_deferred_check_older_formats);
  g_test_add_func ("/trust/damaged-cache-ignored", test_damaged_cache_ignored);

  return g_test_run ();
}
