/* aims-trust-cache.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aims-trust-cache"

#include "config.h"

#include "aims-trust-cache-private.h"

#include "aims-core.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/*
 * Checking every value of a project of 100,000 risks takes seconds. A file
 * this program wrote itself, or already checked in full, does not need it
 * again as long as it has not changed since. This cache remembers, per file,
 * what the file was when that was last true:
 *
 *   device and inode   a file copied or saved over by another program is a
 *                      new inode;
 *   size, mtime, ctime ctime (nanoseconds) changes on every write, truncate,
 *                      chmod and rename, and no program can set it back, so
 *                      a byte changed in place and mtime restored with
 *                      `touch -r` is still noticed;
 *   a SHA-256 digest   of the first and the last 64 KiB: SQLite's header
 *                      with its change counter, the schema page and the end
 *                      of the file. It catches what the times miss on file
 *                      systems with coarse or no ctime (FAT, some network
 *                      file systems).
 *
 * Any difference means the file is checked in full. The cache lives in the
 * person's state folder, keyed by the SHA-256 of the canonical path (it lists
 * no file names), holds at most MAX_ENTRIES lines, is replaced atomically,
 * and is thrown away whole if anything in it does not parse or if another
 * version of AIMS Workbench (whose checks may differ) wrote it: the worst a
 * lost or damaged cache can do is cost a full check.
 */

#define CACHE_NAME "trusted-files"
#define HEADER_PREFIX "AIMS Workbench trusted files 1 "
#define MAX_ENTRIES 100
#define MAX_CACHE_BYTES (64 * 1024)
#define DIGEST_SPAN (64 * 1024)

typedef struct
{
  char            key[65];
  AimsFingerprint fingerprint;
  gint64          used;
} Entry;

static GMutex cache_lock;

void
_aims_fingerprint_init_stat (AimsFingerprint   *fingerprint,
                             const struct stat *st)
{
  memset (fingerprint, 0, sizeof *fingerprint);
  fingerprint->dev = (guint64) st->st_dev;
  fingerprint->ino = (guint64) st->st_ino;
  fingerprint->size = (guint64) st->st_size;
  fingerprint->mtime_ns = (gint64) st->st_mtim.tv_sec * G_GINT64_CONSTANT (1000000000) +
                          st->st_mtim.tv_nsec;
  fingerprint->ctime_ns = (gint64) st->st_ctim.tv_sec * G_GINT64_CONSTANT (1000000000) +
                          st->st_ctim.tv_nsec;
}

/* The same file, unchanged, as far as stat() can tell (the digest aside). */
gboolean
_aims_fingerprint_same_stat (const AimsFingerprint *fingerprint,
                             const struct stat     *st)
{
  AimsFingerprint now;

  _aims_fingerprint_init_stat (&now, st);

  return now.dev == fingerprint->dev && now.ino == fingerprint->ino &&
         now.size == fingerprint->size && now.mtime_ns == fingerprint->mtime_ns &&
         now.ctime_ns == fingerprint->ctime_ns;
}

static gboolean
read_span (int         fd,
           guint64     offset,
           gsize       length,
           GChecksum  *checksum,
           guchar     *buffer)
{
  gsize done = 0;

  while (done < length)
    {
      gssize n = pread (fd, buffer + done, length - done, (off_t) (offset + done));

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      done += n;
    }

  g_checksum_update (checksum, buffer, length);
  return TRUE;
}

/*
 * _aims_fingerprint_read_digest:
 * @fd: the contents, @fingerprint->size bytes long
 *
 * Fills in the digest of the first and the last 64 KiB of @fd.
 */
gboolean
_aims_fingerprint_read_digest (AimsFingerprint *fingerprint,
                               int              fd)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guchar *buffer = g_malloc (DIGEST_SPAN);
  guint64 size = fingerprint->size;
  gsize head = (gsize) MIN (size, DIGEST_SPAN);
  gsize tail = (gsize) MIN (size - head, DIGEST_SPAN);
  guint8 size_le[8];
  gsize digest_len = sizeof fingerprint->digest;

  for (guint i = 0; i < 8; i++)
    size_le[i] = (guint8) (size >> (8 * i));
  g_checksum_update (checksum, size_le, sizeof size_le);

  if (!read_span (fd, 0, head, checksum, buffer) ||
      !read_span (fd, size - tail, tail, checksum, buffer))
    return FALSE;

  g_checksum_get_digest (checksum, fingerprint->digest, &digest_len);
  return digest_len == sizeof fingerprint->digest;
}

/* fstat() and the digest of an open file. */
gboolean
_aims_fingerprint_from_fd (AimsFingerprint *fingerprint,
                           int              fd)
{
  struct stat st;

  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    return FALSE;

  _aims_fingerprint_init_stat (fingerprint, &st);
  return _aims_fingerprint_read_digest (fingerprint, fd);
}

static gboolean
same_fingerprint (const AimsFingerprint *a,
                  const AimsFingerprint *b)
{
  return a->dev == b->dev && a->ino == b->ino && a->size == b->size &&
         a->mtime_ns == b->mtime_ns && a->ctime_ns == b->ctime_ns &&
         memcmp (a->digest, b->digest, sizeof a->digest) == 0;
}

/* The cache file */

/**
 * _aims_trust_cache_get_path:
 *
 * Returns: (transfer full): where the cache is kept
 */
char *
_aims_trust_cache_get_path (void)
{
  return g_build_filename (g_get_user_state_dir (), "aims-workbench", CACHE_NAME, NULL);
}

static char *
dup_header (void)
{
  return g_strdup_printf (HEADER_PREFIX "%s %u", PACKAGE_VERSION, (guint) AIMS_FORMAT_VERSION);
}

static void
key_for_path (const char *canonical_path,
              char        key[65])
{
  g_autofree char *digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, canonical_path, -1);

  g_strlcpy (key, digest, 65);
}

static gboolean
is_lower_hex (const char *text,
              gsize       length)
{
  if (strlen (text) != length)
    return FALSE;

  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isdigit (text[i]) && !(text[i] >= 'a' && text[i] <= 'f'))
      return FALSE;

  return TRUE;
}

static gboolean
parse_u64 (const char *text,
           guint64    *value)
{
  return g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT64, value, NULL);
}

static gboolean
parse_i64 (const char *text,
           gint64     *value)
{
  return g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, value, NULL);
}

static gboolean
parse_entry (const char *line,
             Entry      *entry)
{
  g_auto(GStrv) fields = g_strsplit (line, " ", -1);
  guint64 size;

  if (g_strv_length (fields) != 8 || !is_lower_hex (fields[0], 64) ||
      !is_lower_hex (fields[6], 2 * AIMS_FINGERPRINT_DIGEST_SIZE))
    return FALSE;

  memset (entry, 0, sizeof *entry);
  g_strlcpy (entry->key, fields[0], sizeof entry->key);

  if (!parse_u64 (fields[1], &entry->fingerprint.dev) ||
      !parse_u64 (fields[2], &entry->fingerprint.ino) ||
      !parse_u64 (fields[3], &size) ||
      !parse_i64 (fields[4], &entry->fingerprint.mtime_ns) ||
      !parse_i64 (fields[5], &entry->fingerprint.ctime_ns) ||
      !parse_i64 (fields[7], &entry->used))
    return FALSE;
  entry->fingerprint.size = size;

  for (guint i = 0; i < AIMS_FINGERPRINT_DIGEST_SIZE; i++)
    entry->fingerprint.digest[i] = (guint8) (g_ascii_xdigit_value (fields[6][2 * i]) << 4 |
                                             g_ascii_xdigit_value (fields[6][2 * i + 1]));

  return TRUE;
}

/* Every entry, or none if the file is missing, foreign or damaged. */
static GArray *
load_entries (void)
{
  GArray *entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  g_autofree char *path = _aims_trust_cache_get_path ();
  g_autofree char *header = dup_header ();
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  gsize length = 0;
  struct stat st;

  if (g_lstat (path, &st) != 0 || !S_ISREG (st.st_mode) || st.st_size > MAX_CACHE_BYTES ||
      !g_file_get_contents (path, &contents, &length, NULL) || length > MAX_CACHE_BYTES ||
      memchr (contents, '\0', length) != NULL)
    return entries;

  lines = g_strsplit (contents, "\n", -1);
  if (lines[0] == NULL || !g_str_equal (lines[0], header))
    return entries;

  for (guint i = 1; lines[i] != NULL; i++)
    {
      Entry entry;

      /* The file ends with a newline: one empty string after it. */
      if (lines[i][0] == '\0' && lines[i + 1] == NULL)
        break;

      if (!parse_entry (lines[i], &entry) || entries->len == MAX_ENTRIES)
        {
          g_debug ("Ignoring the damaged trust cache %s", path);
          g_array_set_size (entries, 0);
          break;
        }

      g_array_append_val (entries, entry);
    }

  return entries;
}

static void
save_entries (GArray *entries)
{
  g_autofree char *path = _aims_trust_cache_get_path ();
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *header = dup_header ();
  g_autoptr(GString) text = g_string_new (header);
  g_autoptr(GError) error = NULL;

  g_string_append_c (text, '\n');

  for (guint i = 0; i < entries->len; i++)
    {
      const Entry *entry = &g_array_index (entries, Entry, i);

      g_string_append_printf (text, "%s %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT
                              " %" G_GUINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " ",
                              entry->key, entry->fingerprint.dev, entry->fingerprint.ino,
                              entry->fingerprint.size, entry->fingerprint.mtime_ns,
                              entry->fingerprint.ctime_ns);
      for (guint j = 0; j < AIMS_FINGERPRINT_DIGEST_SIZE; j++)
        g_string_append_printf (text, "%02x", entry->fingerprint.digest[j]);
      g_string_append_printf (text, " %" G_GINT64_FORMAT "\n", entry->used);
    }

  /* Written whole and renamed: another instance reads the old cache or the
   * new one. Losing the race to it only costs a full check later. */
  if (g_mkdir_with_parents (folder, 0700) != 0 ||
      !g_file_set_contents_full (path, text->str, text->len, G_FILE_SET_CONTENTS_CONSISTENT,
                                 0600, &error))
    g_debug ("Could not update the trust cache %s: %s", path,
             error != NULL ? error->message : g_strerror (errno));
}

static int
compare_used_newest_first (gconstpointer a,
                           gconstpointer b)
{
  const Entry *x = a;
  const Entry *y = b;

  return (x->used < y->used) - (x->used > y->used);
}

/*
 * _aims_trust_cache_lookup:
 * @canonical_path: the real path of the file
 * @fingerprint: what the file is now
 *
 * Returns: %TRUE if this program wrote, or checked in full, the file at
 *   @canonical_path exactly as @fingerprint describes it
 */
gboolean
_aims_trust_cache_lookup (const char            *canonical_path,
                          const AimsFingerprint *fingerprint)
{
  g_autoptr(GArray) entries = NULL;
  char key[65];

  g_return_val_if_fail (canonical_path != NULL, FALSE);
  g_return_val_if_fail (fingerprint != NULL, FALSE);

  key_for_path (canonical_path, key);

  g_mutex_lock (&cache_lock);
  entries = load_entries ();
  g_mutex_unlock (&cache_lock);

  for (guint i = 0; i < entries->len; i++)
    {
      const Entry *entry = &g_array_index (entries, Entry, i);

      if (strcmp (entry->key, key) == 0)
        return same_fingerprint (&entry->fingerprint, fingerprint);
    }

  return FALSE;
}

static void
update (const char            *canonical_path,
        const AimsFingerprint *fingerprint)
{
  g_autoptr(GArray) entries = NULL;
  char key[65];

  key_for_path (canonical_path, key);

  g_mutex_lock (&cache_lock);
  entries = load_entries ();

  for (guint i = 0; i < entries->len; i++)
    {
      if (strcmp (g_array_index (entries, Entry, i).key, key) == 0)
        {
          g_array_remove_index (entries, i);
          break;
        }
    }

  if (fingerprint != NULL)
    {
      Entry entry;

      memset (&entry, 0, sizeof entry);
      g_strlcpy (entry.key, key, sizeof entry.key);
      entry.fingerprint = *fingerprint;
      entry.used = g_get_real_time ();

      /* Newest first; strictly, so the order survives a clock step back. */
      g_array_sort (entries, compare_used_newest_first);
      if (entries->len > 0)
        entry.used = MAX (entry.used, g_array_index (entries, Entry, 0).used + 1);
      if (entries->len >= MAX_ENTRIES)
        g_array_set_size (entries, MAX_ENTRIES - 1);
      g_array_prepend_val (entries, entry);
    }

  save_entries (entries);
  g_mutex_unlock (&cache_lock);
}

/*
 * _aims_trust_cache_remember:
 * @canonical_path: the real path of the file
 * @fingerprint: the file as it was written or checked in full
 *
 * Records that the file needs no full check while it stays as it is. The
 * least recently remembered file is forgotten beyond MAX_ENTRIES. Failing to
 * write the cache is not an error: the next open checks in full.
 */
void
_aims_trust_cache_remember (const char            *canonical_path,
                            const AimsFingerprint *fingerprint)
{
  g_return_if_fail (canonical_path != NULL);
  g_return_if_fail (fingerprint != NULL);

  update (canonical_path, fingerprint);
}

/* The file at @canonical_path is checked in full next time. */
void
_aims_trust_cache_forget (const char *canonical_path)
{
  g_return_if_fail (canonical_path != NULL);

  update (canonical_path, NULL);
}
