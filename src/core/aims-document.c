/* aims-document.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aims-document"

#include "config.h"

#include "aims-document.h"

#include "aims-file-copy-private.h"
#include "aims-file-error.h"
#include "aims-project-file-private.h"
#include "aims-recoverable-private.h"
#include "aims-sqlite-private.h"
#include "aims-store-private.h"
#include "aims-trust-cache-private.h"
#include "aims-document-private.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

/*
 * One open project. The file itself is only ever read (when opening) and
 * replaced whole (when saving); every edit goes to a private working copy in
 *
 *   $XDG_STATE_HOME/aims-workbench/working/<random uuid>/
 *     project.sqlite   the working copy (WAL mode; the store's database)
 *     meta.json        original path, title, last saved change id, pid
 *     lock             flock()ed while a document uses the folder
 *
 * and the file is locked against a second editor through
 *
 *   $XDG_STATE_HOME/aims-workbench/locks/<sha256 of the canonical path>.lock
 *
 * flock() locks belong to an open file description, so a second open in the
 * same process conflicts as well, and the kernel drops them when a process
 * dies: a crashed session never leaves a stale lock. A working copy whose lock
 * is free belongs to a session that ended without closing: it is offered for
 * recovery if it has unsaved changes, and deleted otherwise.
 */

#define DB_NAME "project.sqlite"

/* The oldest format whose full check may wait until the project is shown
 * (AIMS_OPEN_DEFER_CHECK): the migrations from it on only create new
 * tables and their indexes, so they run the same on any content and the
 * check afterwards sees every value exactly as the file held it. A
 * migration that changes existing rows must raise this to its own format. */
#define DEFER_CHECK_SINCE_FORMAT 6
G_STATIC_ASSERT (AIMS_FORMAT_VERSION == 7); /* a new migration: revisit the line above */
#define META_NAME "meta.json"
#define LOCK_NAME "lock"
#define META_FORMAT 1

typedef struct
{
  int   fd;
  char *path;
} Lock;

typedef struct
{
  char   *original;
  char   *display_name;
  char   *created;
  gint64  saved_change_id;
} Meta;

struct _AimsDocument
{
  GObject    parent_instance;

  /* Owned references */
  AimsStore *store;
  GFile     *file;
  char      *canonical_path;
  char      *working_dir;
  char      *title;
  char      *created;
  GPtrArray *warnings;
  Lock      *file_lock;
  Lock      *working_lock;

  /* While the full check of a file from elsewhere runs (AIMS_OPEN_DEFER_CHECK) */
  GCancellable    *check_cancellable;
  char            *check_display;
  AimsCheckFlags   check_flags;
  AimsFingerprint  check_fingerprint;

  gint64     saved_change_id;
  guint      read_only : 1;
  guint      fully_checked : 1;
  guint      checking : 1;
  guint      check_remember : 1;
  guint      modified : 1;
  guint      closed : 1;
};

enum {
  PROP_0,
  PROP_FILE,
  PROP_STORE,
  PROP_MODIFIED,
  PROP_READ_ONLY,
  PROP_TITLE,
  PROP_CHECKING,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (AimsDocument, aims_document, G_TYPE_OBJECT)

static GParamSpec *properties [N_PROPS];

static void
meta_clear (Meta *meta)
{
  g_clear_pointer (&meta->original, g_free);
  g_clear_pointer (&meta->display_name, g_free);
  g_clear_pointer (&meta->created, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Meta, meta_clear)

/* Locks */

/*
 * lock_acquire:
 * @busy: (out): set when another open file description holds the lock
 *
 * Takes an exclusive flock() on @path, creating it. Release unlinks the file
 * while still holding the lock, so the inode check here makes sure the lock
 * we got is on the file that is still at @path.
 */
static Lock *
lock_acquire (const char  *path,
              gboolean    *busy,
              GError     **error)
{
  *busy = FALSE;

  for (guint attempt = 0; attempt < 10; attempt++)
    {
      struct stat fd_st, path_st;
      int fd;

      fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
      if (fd < 0)
        {
          int saved_errno = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("Could not create the lock file “%s”: %s"),
                       path, g_strerror (saved_errno));
          return NULL;
        }

      if (flock (fd, LOCK_EX | LOCK_NB) != 0)
        {
          int saved_errno = errno;

          close (fd);
          if (saved_errno == EWOULDBLOCK)
            {
              *busy = TRUE;
              return NULL;
            }
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("Could not lock “%s”: %s"), path, g_strerror (saved_errno));
          return NULL;
        }

      if (fstat (fd, &fd_st) == 0 && g_lstat (path, &path_st) == 0 &&
          fd_st.st_dev == path_st.st_dev && fd_st.st_ino == path_st.st_ino)
        {
          Lock *lock = g_new0 (Lock, 1);

          lock->fd = fd;
          lock->path = g_strdup (path);
          return lock;
        }

      /* Released and unlinked under us: try the new file. */
      close (fd);
    }

  *busy = TRUE;
  return NULL;
}

static void
lock_release (Lock *lock)
{
  if (lock == NULL)
    return;

  g_unlink (lock->path);
  close (lock->fd);
  g_free (lock->path);
  g_free (lock);
}

/* Folders */

static char *
get_state_root (const char *child)
{
  return g_build_filename (g_get_user_state_dir (), "aims-workbench", child, NULL);
}

/* Removes a working copy folder. Never follows symbolic links. */
static gboolean
remove_tree (const char  *path,
             GError     **error)
{
  struct stat st;

  if (g_lstat (path, &st) != 0)
    return errno == ENOENT;

  if (S_ISDIR (st.st_mode))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, error);
      const char *name;

      if (dir == NULL)
        return FALSE;

      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (!remove_tree (child, error))
            return FALSE;
        }

      if (g_rmdir (path) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("Could not remove “%s”: %s"), path, g_strerror (saved_errno));
          return FALSE;
        }
      return TRUE;
    }

  if (g_unlink (path) != 0 && errno != ENOENT)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not remove “%s”: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

/*
 * canonicalize:
 *
 * The real path of @path, resolving symbolic links; for a file that does not
 * exist yet, the real path of its folder plus its name. The same file always
 * gives the same string, which keys the lock and is where Save writes.
 */
static char *
canonicalize (const char *path,
              int        *saved_errno)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  char *real;
  char *result;

  real = realpath (path, NULL);
  if (real != NULL)
    {
      result = g_strdup (real);
      free (real);
      return result;
    }

  if (errno != ENOENT)
    {
      *saved_errno = errno;
      return NULL;
    }

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  real = realpath (dir, NULL);
  if (real == NULL)
    {
      *saved_errno = errno;
      return NULL;
    }

  result = g_build_filename (real, base, NULL);
  free (real);
  return result;
}

static Lock *
lock_file (const char  *canonical,
           const char  *display,
           GError     **error)
{
  g_autofree char *root = get_state_root ("locks");
  g_autofree char *digest = NULL;
  g_autofree char *name = NULL;
  g_autofree char *lock_path = NULL;
  gboolean busy = FALSE;
  Lock *lock;

  if (g_mkdir_with_parents (root, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the folder “%s”: %s"), root, g_strerror (saved_errno));
      return NULL;
    }

  digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, canonical, -1);
  name = g_strconcat (digest, ".lock", NULL);
  lock_path = g_build_filename (root, name, NULL);

  lock = lock_acquire (lock_path, &busy, error);
  if (lock == NULL && busy)
    g_set_error (error, AIMS_FILE_ERROR, AIMS_FILE_ERROR_IN_USE,
                 _("“%s” is already open in AIMS Workbench. You can open a read-only view "
                   "of it, or close it there first."),
                 display);

  return lock;
}

/* Meta data of the working copy */

static char *
meta_path (const char *working_dir)
{
  return g_build_filename (working_dir, META_NAME, NULL);
}

static gboolean
write_meta (AimsDocument  *self,
            GError       **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *data = NULL;
  g_autofree char *path = meta_path (self->working_dir);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_int_value (builder, META_FORMAT);
  json_builder_set_member_name (builder, "original");
  if (self->canonical_path != NULL)
    json_builder_add_string_value (builder, self->canonical_path);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "display_name");
  json_builder_add_string_value (builder, self->title);
  json_builder_set_member_name (builder, "saved_change_id");
  json_builder_add_int_value (builder, self->saved_change_id);
  json_builder_set_member_name (builder, "created");
  json_builder_add_string_value (builder, self->created);
  json_builder_set_member_name (builder, "pid");
  json_builder_add_int_value (builder, getpid ());
  json_builder_set_member_name (builder, "read_only");
  json_builder_add_boolean_value (builder, self->read_only);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  data = json_generator_to_data (generator, NULL);

  return g_file_set_contents_full (path, data, -1,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                   0600, error);
}

static gboolean
read_meta (const char *working_dir,
           Meta       *meta)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autofree char *path = meta_path (working_dir);
  const char *untitled;
  JsonObject *object;
  JsonNode *root;

  memset (meta, 0, sizeof *meta);

  if (!json_parser_load_from_mapped_file (parser, path, NULL))
    return FALSE;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return FALSE;

  object = json_node_get_object (root);
  if (json_object_get_int_member_with_default (object, "format", 0) != META_FORMAT)
    return FALSE;

  untitled = _("Untitled Project");
  meta->original = g_strdup (json_object_get_string_member_with_default (object, "original", NULL));
  meta->display_name = g_strdup (json_object_get_string_member_with_default (object, "display_name",
                                                                             untitled));
  meta->created = g_strdup (json_object_get_string_member_with_default (object, "created", ""));
  meta->saved_change_id = json_object_get_int_member_with_default (object, "saved_change_id", -1);

  return meta->saved_change_id >= 0 && g_utf8_validate (meta->display_name, -1, NULL);
}

/* State */

/* The title people see: the file name without the extension every project
 * file has ("Claims 2026.aims" is shown as "Claims 2026"). */
static char *
dup_title_for_file (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *display = g_filename_display_name (basename);

  if (g_str_has_suffix (display, ".aims") && strlen (display) > strlen (".aims"))
    display[strlen (display) - strlen (".aims")] = '\0';

  return g_steal_pointer (&display);
}

static void
update_modified (AimsDocument *self)
{
  gboolean modified = !self->closed && self->store != NULL &&
                      aims_store_get_last_change_id (self->store) > self->saved_change_id;

  if (self->modified != modified)
    {
      self->modified = modified;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MODIFIED]);
    }
}

static void
set_title (AimsDocument *self,
           const char   *title)
{
  if (g_strcmp0 (self->title, title) != 0)
    {
      g_free (self->title);
      self->title = g_strdup (title);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TITLE]);
    }
}

static void
on_store_last_change_id_cb (AimsDocument *self)
{
  update_modified (self);
}

static void
attach_store (AimsDocument *self,
              AimsStore    *store)
{
  self->store = store;
  g_signal_connect_object (store, "notify::last-change-id",
                           G_CALLBACK (on_store_last_change_id_cb), self, G_CONNECT_SWAPPED);
}

/* Creates a fresh, locked working copy folder. */
static AimsDocument *
document_new_working (GError **error)
{
  g_autoptr(AimsDocument) self = g_object_new (AIMS_TYPE_DOCUMENT, NULL);
  g_autofree char *root = get_state_root ("working");
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *lock_path = NULL;
  gboolean busy = FALSE;

  if (g_mkdir_with_parents (root, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the folder for working copies “%s”: %s"),
                   root, g_strerror (saved_errno));
      return NULL;
    }

  self->working_dir = g_build_filename (root, uuid, NULL);
  if (g_mkdir (self->working_dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the working copy “%s”: %s"),
                   self->working_dir, g_strerror (saved_errno));
      g_clear_pointer (&self->working_dir, g_free);
      return NULL;
    }

  lock_path = g_build_filename (self->working_dir, LOCK_NAME, NULL);
  self->working_lock = lock_acquire (lock_path, &busy, error);
  if (self->working_lock == NULL)
    {
      if (busy)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_BUSY,
                     _("Could not lock the working copy “%s”."), self->working_dir);
      remove_tree (self->working_dir, NULL);
      g_clear_pointer (&self->working_dir, g_free);
      return NULL;
    }

  self->created = _aims_timestamp_now ();
  return g_steal_pointer (&self);
}

/* Closes the store, deletes the working copy and drops both locks. */
static void
discard_working_copy (AimsDocument *self)
{
  if (self->store != NULL)
    {
      _aims_store_close (self->store);
      g_clear_object (&self->store);
    }

  if (self->working_dir != NULL)
    {
      g_autoptr(GError) error = NULL;

      /* The lock file goes last: whoever sees the folder also sees it locked. */
      if (!remove_tree (self->working_dir, &error))
        g_warning ("Could not remove the working copy: %s", error->message);
    }

  g_clear_pointer (&self->working_lock, lock_release);
  g_clear_pointer (&self->file_lock, lock_release);
}

static gboolean
copy_database (sqlite3     *source,
               const char  *dest_path,
               const char  *display,
               GError     **error)
{
  sqlite3_backup *backup;
  sqlite3 *dest = NULL;
  int rc;

  rc = sqlite3_open_v2 (dest_path, &dest,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_EXRESCODE, NULL);
  if (rc != SQLITE_OK)
    {
      _aims_sqlite_set_error (error, dest, rc, _("Could not create the working copy"));
      sqlite3_close (dest);
      return FALSE;
    }

  backup = sqlite3_backup_init (dest, "main", source, "main");
  if (backup == NULL)
    {
      _aims_sqlite_set_error (error, dest, sqlite3_extended_errcode (dest),
                              _("Could not copy the project"));
      sqlite3_close (dest);
      return FALSE;
    }

  rc = sqlite3_backup_step (backup, -1);
  sqlite3_backup_finish (backup);

  if (rc != SQLITE_DONE)
    {
      switch (rc & 0xff)
        {
        case SQLITE_FULL:
          g_set_error (error, AIMS_FILE_ERROR, AIMS_FILE_ERROR_NO_SPACE,
                       _("“%s” could not be opened: there is no space left on the disk for its "
                         "working copy."),
                       display);
          break;

        case SQLITE_READONLY:
        case SQLITE_CANTOPEN:
          _aims_sqlite_set_error (error, dest, rc, _("Could not write the working copy"));
          break;

        default:
          _aims_project_file_set_error (error, NULL, rc, display);
          break;
        }
      sqlite3_close (dest);
      return FALSE;
    }

  sqlite3_close (dest);
  return TRUE;
}

static void
set_copy_error (GError     **error,
                int          saved_errno,
                const char  *display)
{
  switch (saved_errno)
    {
    case ENOSPC:
    case EDQUOT:
    case EFBIG:
      g_set_error (error, AIMS_FILE_ERROR, AIMS_FILE_ERROR_NO_SPACE,
                   _("“%s” could not be opened: there is no space left on the disk for its "
                     "working copy."),
                   display);
      break;

    case EACCES:
    case EPERM:
      g_set_error (error, AIMS_FILE_ERROR, AIMS_FILE_ERROR_PERMISSION,
                   _("“%s” cannot be opened: you do not have permission to read it. Ask its "
                     "owner for access, or copy it to a folder of yours."),
                   display);
      break;

    default:
      g_set_error (error, AIMS_FILE_ERROR, AIMS_FILE_ERROR_DAMAGED,
                   _("“%s” could not be opened: copying it into its working copy failed (%s)."),
                   display, g_strerror (saved_errno));
      break;
    }
}

/*
 * copy_file:
 * @fingerprint: (out): the file as it was copied
 * @stable: (out): set if the file did not change while it was copied, so
 *   @fingerprint describes exactly what the working copy holds
 *
 * Copies the file into the new working copy with the kernel's copy (see
 * aims-file-copy.c) and flushes it: edits acknowledged later must not sit on
 * a working copy that a power cut could lose. The file is only read.
 */
static gboolean
copy_file (const char       *path,
           const char       *dest_path,
           const char       *display,
           AimsFingerprint  *fingerprint,
           gboolean         *stable,
           GError          **error)
{
  g_autofree char *folder = g_path_get_dirname (dest_path);
  struct stat before, after;
  guint64 n_copied = 0;
  int saved_errno = 0;
  int src, dest, dir_fd;

  *stable = FALSE;

  /* O_NONBLOCK: if the path was swapped for a FIFO since it was checked, do
   * not hang; it is refused as not a regular file below. */
  src = g_open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK, 0);
  if (src < 0)
    {
      set_copy_error (error, errno, display);
      return FALSE;
    }

  if (fstat (src, &before) != 0 || !S_ISREG (before.st_mode))
    {
      close (src);
      g_set_error (error, AIMS_FILE_ERROR, AIMS_FILE_ERROR_NOT_DATABASE,
                   _("“%s” is not an AIMS Workbench project: it is not a regular file."),
                   display);
      return FALSE;
    }

  dest = g_open (dest_path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (dest < 0)
    {
      saved_errno = errno;
      close (src);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the working copy “%s”: %s"),
                   dest_path, g_strerror (saved_errno));
      return FALSE;
    }

  if (!_aims_file_copy_fd (src, dest, &n_copied, &saved_errno) ||
      fdatasync (dest) != 0)
    {
      if (saved_errno == 0)
        saved_errno = errno;
      close (src);
      close (dest);
      set_copy_error (error, saved_errno, display);
      return FALSE;
    }

  /* The copy is of one version of the file only if nothing wrote to it
   * meanwhile; otherwise it is checked in full and not remembered. */
  if (fstat (src, &after) == 0 && n_copied == (guint64) before.st_size)
    {
      _aims_fingerprint_init_stat (fingerprint, &before);
      *stable = _aims_fingerprint_same_stat (fingerprint, &after) &&
                _aims_fingerprint_read_digest (fingerprint, dest);
    }

  close (src);
  close (dest);

  /* The working copy's name in its folder must survive a power cut too. */
  dir_fd = g_open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  if (dir_fd >= 0)
    {
      fsync (dir_fd);
      close (dir_fd);
    }

  return TRUE;
}

static gboolean
open_working_copy_store (AimsDocument  *self,
                         const char    *author,
                         GError       **error)
{
  g_autofree char *db_path = g_build_filename (self->working_dir, DB_NAME, NULL);
  AimsStore *store;

  store = aims_store_new (db_path, author, error);
  if (store == NULL)
    return FALSE;

  attach_store (self, store);
  _aims_store_set_read_only (store, self->read_only);
  return TRUE;
}

static AimsDocument *
open_file (GFile         *file,
           AimsOpenFlags  flags,
           const char    *author,
           GError       **error)
{
  g_autoptr(AimsDocument) self = NULL;
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) extras = NULL;
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *display = g_file_get_parse_name (file);
  g_autofree char *canonical = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *basename = NULL;
  const AimsSchemaDef *def = _aims_schema_get_default ();
  AimsCheckFlags check_flags = AIMS_CHECK_NONE;
  AimsFingerprint fingerprint = { 0 };
  gboolean stable = FALSE;
  gboolean trusted;
  gboolean deferred;
  gint64 copy_version = 0;
  sqlite3 *original = NULL;
  sqlite3 *copy = NULL;
  Lock *file_lock = NULL;
  int saved_errno = 0;

  if (flags & AIMS_OPEN_ALLOW_EXTRA_OBJECTS)
    check_flags |= AIMS_CHECK_ALLOW_EXTRA_OBJECTS;

  if (path == NULL)
    {
      g_set_error (error, AIMS_FILE_ERROR, AIMS_FILE_ERROR_NOT_FOUND,
                   _("“%s” cannot be opened: only files on this computer can be opened. Copy it "
                     "to a local folder first."),
                   display);
      return NULL;
    }

  /* Check what can be checked without copying: a refusal costs nothing. */
  original = _aims_project_file_open_untrusted (path, display, TRUE, warnings, error);
  if (original == NULL)
    return NULL;

  if (!_aims_project_file_check_db (original, def, display, check_flags,
                                    AIMS_CHECK_PHASE_STRUCTURE, warnings, NULL, error))
    goto failed;

  canonical = canonicalize (path, &saved_errno);
  if (canonical == NULL)
    {
      g_set_error (error, AIMS_FILE_ERROR, AIMS_FILE_ERROR_NOT_FOUND,
                   _("“%s” cannot be opened: %s."), display, g_strerror (saved_errno));
      goto failed;
    }

  if ((flags & AIMS_OPEN_READ_ONLY) == 0)
    {
      file_lock = lock_file (canonical, display, error);
      if (file_lock == NULL)
        goto failed;
    }

  self = document_new_working (error);
  if (self == NULL)
    goto failed;

  self->file_lock = g_steal_pointer (&file_lock);
  db_path = g_build_filename (self->working_dir, DB_NAME, NULL);

  /* Copy, then check the copy: what we edit is exactly what was checked,
   * whatever happens to the original meanwhile. A file with a journal or WAL
   * beside it may be in the middle of being written: it is copied page by
   * page through the checked read-only connection, as it stands, and always
   * checked in full. Any other file is copied whole by the kernel. */
  if (_aims_project_file_has_side_files (path))
    {
      if (!copy_database (original, db_path, display, error))
        goto failed;
    }
  else if (!copy_file (path, db_path, display, &fingerprint, &stable, error))
    goto failed;
  g_clear_pointer (&original, sqlite3_close);

  /* A file this program wrote, or checked in full, and that has not changed
   * since needs only the cheap checks. */
  trusted = stable && (flags & AIMS_OPEN_FULL_CHECK) == 0 &&
            _aims_trust_cache_lookup (canonical, &fingerprint);

  copy = _aims_project_file_open_untrusted (db_path, display, FALSE, NULL, error);
  if (copy == NULL)
    goto failed;

  /* With AIMS_OPEN_DEFER_CHECK, the values, the database's integrity and its
   * links are checked later, on the working copy, while the project is shown
   * read-only (aims-document-check.c). A file of a format whose migration
   * changes existing rows is checked in full now. */
  deferred = !trusted && (flags & AIMS_OPEN_DEFER_CHECK) != 0 &&
             _aims_sqlite_query_int (copy, "PRAGMA user_version", &copy_version, NULL) &&
             copy_version >= DEFER_CHECK_SINCE_FORMAT && copy_version <= def->version;

  if (!_aims_project_file_check_db (copy, def, display, check_flags,
                                    trusted || deferred ? AIMS_CHECK_PHASE_STRUCTURE
                                                        : AIMS_CHECK_PHASE_ALL,
                                    NULL, &extras, error) ||
      !_aims_project_file_drop_extras (copy, def, display, extras, NULL, error))
    goto failed;
  g_clear_pointer (&copy, sqlite3_close);

  if (!trusted && !deferred && stable && extras == NULL)
    _aims_trust_cache_remember (canonical, &fingerprint);
  self->fully_checked = !trusted && !deferred;

  if (deferred)
    {
      self->checking = TRUE;
      self->check_cancellable = g_cancellable_new ();
      self->check_display = g_strdup (display);
      self->check_flags = check_flags;
      self->check_fingerprint = fingerprint;
      self->check_remember = stable && extras == NULL;
    }

  self->read_only = (flags & AIMS_OPEN_READ_ONLY) != 0;
  if (!open_working_copy_store (self, author, error))
    goto failed;
  if (self->checking)
    _aims_store_set_read_only (self->store, TRUE);

  self->file = g_object_ref (file);
  self->canonical_path = g_steal_pointer (&canonical);
  self->title = dup_title_for_file (file);
  self->saved_change_id = aims_store_get_last_change_id (self->store);
  update_modified (self);

  /* A matrix that cannot be used does not keep the project from opening: the
   * default one is used until the person chooses another, and told why. */
  {
    g_autoptr(GError) matrix_error = NULL;
    g_autoptr(AimsMatrix) matrix = aims_store_load_matrix (self->store, &matrix_error);

    if (matrix == NULL)
      g_ptr_array_add (warnings,
                       g_strdup_printf (_("The risk matrix of “%s” cannot be used, so the "
                                          "default 5×5 matrix is shown instead. %s"),
                                        display, matrix_error->message));
  }

  if (!self->read_only && g_access (path, W_OK) != 0)
    g_ptr_array_add (warnings,
                     g_strdup_printf (_("“%s” is read-only. You can edit the project, but to keep "
                                        "your changes, choose Save As."),
                                      display));
  /* aims_document_init() made an empty list: replace it, not leak it. */
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  self->warnings = g_steal_pointer (&warnings);

  if (!write_meta (self, error))
    goto failed;

  return g_steal_pointer (&self);

failed:
  g_clear_pointer (&copy, sqlite3_close);
  g_clear_pointer (&original, sqlite3_close);
  g_clear_pointer (&file_lock, lock_release);
  if (self != NULL)
    discard_working_copy (self);
  return NULL;
}

/* Saving */

static void
set_save_error (GError     **error,
                int          err,
                const char  *display,
                const char  *folder)
{
  g_autofree char *folder_display = g_filename_display_name (folder);

  switch (err)
    {
    case EACCES:
    case EPERM:
    case EROFS:
      g_set_error (error, AIMS_FILE_ERROR, AIMS_FILE_ERROR_READ_ONLY,
                   _("“%s” could not be saved: the folder “%s” cannot be written to. Choose "
                     "Save As to save it elsewhere. Your changes are kept."),
                   display, folder_display);
      break;

    case ENOSPC:
    case EDQUOT:
    case EFBIG:
      g_set_error (error, AIMS_FILE_ERROR, AIMS_FILE_ERROR_NO_SPACE,
                   _("“%s” could not be saved: the disk is full. Free some space, or choose "
                     "Save As to save it elsewhere. Your changes are kept; nothing was "
                     "overwritten."),
                   display);
      break;

    case ENOENT:
    case ENOTDIR:
      g_set_error (error, AIMS_FILE_ERROR, AIMS_FILE_ERROR_SAVE_FAILED,
                   _("“%s” could not be saved: the folder “%s” no longer exists. Choose Save As to "
                     "save it elsewhere. Your changes are kept."),
                   display, folder_display);
      break;

    default:
      g_set_error (error, AIMS_FILE_ERROR, AIMS_FILE_ERROR_SAVE_FAILED,
                   _("“%s” could not be saved: %s. Your changes are kept; nothing was "
                     "overwritten."),
                   display, g_strerror (err));
      break;
    }
}

static gboolean
verify_written (int fd)
{
  guchar header[100];

  if (pread (fd, header, sizeof header, 0) != (gssize) sizeof header)
    return FALSE;

  /* Our application_id and format survived, and it is a rollback-journal
   * file: other programs open it without leaving a -wal beside it. */
  return memcmp (header, "SQLite format 3", 16) == 0 &&
         header[18] == 1 && header[19] == 1 &&
         (((guint32) header[60] << 24) | ((guint32) header[61] << 16) |
          ((guint32) header[62] << 8) | header[63]) == AIMS_FORMAT_VERSION &&
         (((guint32) header[68] << 24) | ((guint32) header[69] << 16) |
          ((guint32) header[70] << 8) | header[71]) == AIMS_APPLICATION_ID;
}

/* Removes what saves killed half-way left behind: ".NAME.XXXXXX" files and
 * the "-journal" SQLite keeps beside them while writing. We hold the lock on
 * the target, so no other save of it is running. */
static void
remove_stale_temporaries (const char *folder,
                          const char *base)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autofree char *prefix = g_strdup_printf (".%s.", base);
  gsize prefix_len = strlen (prefix);
  const char *name;

  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      gboolean random_suffix = TRUE;
      gsize len = strlen (name);
      struct stat st;

      if (!g_str_has_prefix (name, prefix) ||
          (len != prefix_len + 6 &&
           !(len == prefix_len + 6 + strlen ("-journal") && g_str_has_suffix (name, "-journal"))))
        continue;

      for (const char *p = name + prefix_len; p < name + prefix_len + 6; p++)
        random_suffix = random_suffix && g_ascii_isalnum (*p);

      path = g_build_filename (folder, name, NULL);
      if (random_suffix && g_lstat (path, &st) == 0 && S_ISREG (st.st_mode))
        g_unlink (path);
    }
}

/* Records the file just saved in the trust cache, if nothing touched it
 * since the rename. */
static void
remember_written (const char *target,
                  int         fd)
{
  AimsFingerprint fingerprint;
  struct stat st;

  if (_aims_fingerprint_from_fd (&fingerprint, fd) &&
      g_stat (target, &st) == 0 && _aims_fingerprint_same_stat (&fingerprint, &st))
    _aims_trust_cache_remember (target, &fingerprint);
  else
    _aims_trust_cache_forget (target);
}

/*
 * write_project:
 * @target: the canonical path to replace
 * @change_id: (out): the last change the written file holds
 *
 * Writes the whole project to a temporary file in @target's folder, flushes
 * it, renames it over @target and flushes the folder. On any failure the
 * temporary file is removed and @target is untouched.
 */
static gboolean
write_project (AimsDocument  *self,
               const char    *target,
               gint64        *change_id,
               GError       **error)
{
  g_autofree char *folder = g_path_get_dirname (target);
  g_autofree char *base = g_path_get_basename (target);
  g_autofree char *display = g_filename_display_name (target);
  g_autofree char *tmp = NULL;
  g_autoptr(GError) local_error = NULL;
  struct stat st, target_st;
  gboolean target_exists;
  int fd = -1;
  int dir_fd;

  if (g_stat (folder, &st) != 0)
    {
      set_save_error (error, errno, display, folder);
      return FALSE;
    }

  if (!S_ISDIR (st.st_mode))
    {
      set_save_error (error, ENOTDIR, display, folder);
      return FALSE;
    }

  /* The folder first: no save can succeed without it. */
  if (g_access (folder, W_OK | X_OK) != 0 && (errno == EACCES || errno == EROFS || errno == EPERM))
    {
      set_save_error (error, errno, display, folder);
      return FALSE;
    }

  target_exists = g_stat (target, &target_st) == 0;
  if (target_exists && S_ISDIR (target_st.st_mode))
    {
      g_set_error (error, AIMS_FILE_ERROR, AIMS_FILE_ERROR_IS_DIRECTORY,
                   _("“%s” could not be saved: it is a folder. Choose another name."), display);
      return FALSE;
    }

  if (target_exists && g_access (target, W_OK) != 0 && (errno == EACCES || errno == EROFS))
    {
      g_set_error (error, AIMS_FILE_ERROR, AIMS_FILE_ERROR_READ_ONLY,
                   _("“%s” could not be saved: the file is read-only. Choose Save As to save it "
                     "elsewhere. Your changes are kept."),
                   display);
      return FALSE;
    }

  remove_stale_temporaries (folder, base);

  tmp = g_strdup_printf ("%s%c.%s.XXXXXX", folder, G_DIR_SEPARATOR, base);
  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      set_save_error (error, errno, display, folder);
      return FALSE;
    }

  /* Replacing a file keeps its permissions; a new one follows the umask. */
  if (target_exists)
    fchmod (fd, target_st.st_mode & 07777);

  if (!_aims_store_snapshot (self->store, fd, tmp, change_id, &local_error))
    {
      if (g_error_matches (local_error, AIMS_STORE_ERROR, AIMS_STORE_ERROR_NO_SPACE))
        set_save_error (error, ENOSPC, display, folder);
      else if (g_error_matches (local_error, AIMS_STORE_ERROR, AIMS_STORE_ERROR_READ_ONLY))
        set_save_error (error, EACCES, display, folder);
      else
        g_set_error (error, AIMS_FILE_ERROR, AIMS_FILE_ERROR_SAVE_FAILED,
                     _("“%s” could not be saved: %s Your changes are kept; nothing was "
                       "overwritten."),
                     display, local_error->message);
      goto failed;
    }

  if (!verify_written (fd))
    {
      g_set_error (error, AIMS_FILE_ERROR, AIMS_FILE_ERROR_SAVE_FAILED,
                   _("“%s” could not be saved: the written copy could not be verified. Your "
                     "changes are kept; nothing was overwritten."),
                   display);
      goto failed;
    }

  if (fsync (fd) != 0)
    {
      set_save_error (error, errno, display, folder);
      goto failed;
    }

  if (g_rename (tmp, target) != 0)
    {
      set_save_error (error, errno, display, folder);
      goto failed;
    }

  /* Make the rename itself durable. */
  dir_fd = g_open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  if (dir_fd >= 0)
    {
      if (fsync (dir_fd) != 0 && errno != EINVAL && errno != EROFS)
        g_warning ("Could not flush the folder “%s”: %s", folder, g_strerror (errno));
      close (dir_fd);
    }

  /* We wrote every byte of it: opening it again needs no full check while it
   * stays as it is. The rename changed its ctime, so this comes after it. */
  remember_written (target, fd);
  close (fd);

  return TRUE;

failed:
  if (fd >= 0)
    close (fd);
  g_unlink (tmp);
  return FALSE;
}

static void
mark_saved (AimsDocument *self,
            gint64        change_id)
{
  g_autoptr(GError) error = NULL;

  self->saved_change_id = change_id;
  if (!write_meta (self, &error))
    g_warning ("Could not update the working copy's description: %s", error->message);
  update_modified (self);
}

/* Recovery */

static char *
canonical_working_dir (const char  *working_dir,
                       GError     **error)
{
  g_autofree char *root = get_state_root ("working");
  g_autofree char *real_root = NULL;
  g_autofree char *real_dir = NULL;
  g_autofree char *parent = NULL;
  g_autofree char *base = NULL;
  int saved_errno = 0;

  real_root = canonicalize (root, &saved_errno);
  real_dir = canonicalize (working_dir, &saved_errno);

  if (real_root != NULL && real_dir != NULL)
    {
      parent = g_path_get_dirname (real_dir);
      base = g_path_get_basename (real_dir);
    }

  /* Only folders that this program made: a uuid directly under the root. */
  if (parent == NULL || !g_str_equal (parent, real_root) || !g_uuid_string_is_valid (base) ||
      !g_file_test (real_dir, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("“%s” is not unsaved work of AIMS Workbench (it may have been recovered or "
                     "discarded already)."),
                   working_dir);
      return NULL;
    }

  return g_steal_pointer (&real_dir);
}

static gboolean
count_unsaved (const char *working_dir,
               gint64      saved_change_id,
               guint      *n_changes)
{
  g_autofree char *db_path = g_build_filename (working_dir, DB_NAME, NULL);
  g_autofree char *sql = NULL;
  sqlite3 *db = NULL;
  gint64 count = 0;
  gboolean ok;

  if (!g_file_test (db_path, G_FILE_TEST_IS_REGULAR))
    return FALSE;

  /* Read-write: opening replays the WAL the dead session left behind. */
  if (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_EXRESCODE,
                       NULL) != SQLITE_OK)
    {
      sqlite3_close (db);
      return FALSE;
    }

  sql = g_strdup_printf ("SELECT count(DISTINCT changeset) FROM change_log "
                         "WHERE id > %" G_GINT64_FORMAT,
                         saved_change_id);
  ok = _aims_sqlite_harden (db, FALSE, NULL) && _aims_sqlite_query_int (db, sql, &count, NULL);
  sqlite3_close (db);

  *n_changes = (guint) CLAMP (count, 0, G_MAXUINT);
  return ok;
}

static GDateTime *
working_copy_mtime (const char *working_dir)
{
  static const char * const names[] = { DB_NAME, DB_NAME "-wal" };
  gint64 newest = 0;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (working_dir, names[i], NULL);
      struct stat st;

      if (g_stat (path, &st) == 0)
        newest = MAX (newest, (gint64) st.st_mtime);
    }

  return g_date_time_new_from_unix_local (newest);
}

static void
aims_document_finalize (GObject *object)
{
  AimsDocument *self = (AimsDocument *)object;

  /* Never delete the working copy here: only an explicit close does. A
   * document dropped with unsaved work leaves it for recovery. */
  g_clear_object (&self->store);
  g_clear_pointer (&self->working_lock, lock_release);
  g_clear_pointer (&self->file_lock, lock_release);
  g_clear_object (&self->file);
  g_clear_pointer (&self->canonical_path, g_free);
  g_clear_pointer (&self->working_dir, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->created, g_free);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  g_clear_object (&self->check_cancellable);
  g_clear_pointer (&self->check_display, g_free);

  G_OBJECT_CLASS (aims_document_parent_class)->finalize (object);
}

static void
aims_document_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AimsDocument *self = AIMS_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;

    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only || self->checking);
      break;

    case PROP_CHECKING:
      g_value_set_boolean (value, self->checking);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aims_document_class_init (AimsDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = aims_document_finalize;
  object_class->get_property = aims_document_get_property;

  properties [PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, AIMS_TYPE_STORE,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * AimsDocument:checking:
   *
   * Whether the full check of a file opened with %AIMS_OPEN_DEFER_CHECK is
   * still to pass. Meanwhile the document is read-only: every edit, Save and
   * Save As are refused.
   */
  properties [PROP_CHECKING] =
    g_param_spec_boolean ("checking", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
aims_document_init (AimsDocument *self)
{
  self->warnings = g_ptr_array_new_with_free_func (g_free);
}

/**
 * aims_document_new_untitled:
 * @author: (nullable): the name recorded with every change
 * @error: return location for a #GError
 *
 * Creates a new, never saved project with its one project record.
 *
 * Returns: (transfer full) (nullable): the document
 */
AimsDocument *
aims_document_new_untitled (const char  *author,
                            GError     **error)
{
  g_autoptr(AimsDocument) self = document_new_working (error);

  if (self == NULL)
    return NULL;

  if (!open_working_copy_store (self, author, error) ||
      !_aims_store_create_project (self->store, error))
    goto failed;

  self->title = g_strdup (_("Untitled Project"));
  self->saved_change_id = aims_store_get_last_change_id (self->store);
  update_modified (self);

  if (!write_meta (self, error))
    goto failed;

  return g_steal_pointer (&self);

failed:
  discard_working_copy (self);
  return NULL;
}

/**
 * aims_document_open:
 * @file: a project file
 * @flags: #AimsOpenFlags
 * @author: (nullable): the name recorded with every change
 * @error: return location for a #GError, usually %AIMS_FILE_ERROR
 *
 * Checks @file as untrusted input (see aims_project_file_check()), copies it
 * into a new working copy, checks the copy in full, brings it to the current
 * file format and opens it for editing. @file is never written.
 *
 * Returns: (transfer full) (nullable): the document
 */
AimsDocument *
aims_document_open (GFile          *file,
                    AimsOpenFlags   flags,
                    const char     *author,
                    GError        **error)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return open_file (file, flags, author, error);
}

typedef struct
{
  GFile         *file;
  AimsOpenFlags  flags;
  char          *author;
} OpenData;

static void
open_data_free (OpenData *data)
{
  g_clear_object (&data->file);
  g_free (data->author);
  g_free (data);
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OpenData *data = task_data;
  GError *error = NULL;
  AimsDocument *document;

  document = open_file (data->file, data->flags, data->author, &error);
  if (document != NULL)
    g_task_return_pointer (task, document, g_object_unref);
  else
    g_task_return_error (task, error);
}

/**
 * aims_document_open_async:
 * @file: a project file
 * @flags: #AimsOpenFlags
 * @author: (nullable): the name recorded with every change
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the document is open
 * @user_data: data for @callback
 *
 * Runs aims_document_open() in a worker thread: checking and copying a large
 * project takes long enough to be felt.
 */
void
aims_document_open_async (GFile               *file,
                          AimsOpenFlags        flags,
                          const char          *author,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  OpenData *data;

  g_return_if_fail (G_IS_FILE (file));

  data = g_new0 (OpenData, 1);
  data->file = g_object_ref (file);
  data->flags = flags;
  data->author = g_strdup (author);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, aims_document_open_async);
  g_task_set_task_data (task, data, (GDestroyNotify) open_data_free);
  g_task_run_in_thread (task, open_thread);
}

/**
 * aims_document_open_finish:
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the document
 */
AimsDocument *
aims_document_open_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * aims_document_save:
 * @self: a #AimsDocument
 * @error: return location for a #GError in the %AIMS_FILE_ERROR domain
 *
 * Replaces the project file with the working copy, atomically. On failure
 * the file is unchanged and the working copy keeps every change.
 *
 * Returns: %TRUE on success
 */
gboolean
aims_document_save (AimsDocument  *self,
                    GError       **error)
{
  gint64 change_id = 0;

  g_return_val_if_fail (AIMS_IS_DOCUMENT (self), FALSE);

  if (self->closed)
    {
      g_set_error (error, AIMS_FILE_ERROR, AIMS_FILE_ERROR_SAVE_FAILED,
                   _("The project has been closed."));
      return FALSE;
    }

  if (!_aims_document_check_done (self, error))
    return FALSE;

  if (self->read_only)
    {
      g_set_error (error, AIMS_FILE_ERROR, AIMS_FILE_ERROR_READ_ONLY,
                   _("“%s” is open as a read-only view. Choose Save As to save a copy you can "
                     "edit."),
                   self->title);
      return FALSE;
    }

  if (self->canonical_path == NULL)
    {
      g_set_error (error, AIMS_FILE_ERROR, AIMS_FILE_ERROR_SAVE_FAILED,
                   _("“%s” has not been saved yet. Choose Save As to pick a name and folder."),
                   self->title);
      return FALSE;
    }

  if (!write_project (self, self->canonical_path, &change_id, error))
    return FALSE;

  mark_saved (self, change_id);
  return TRUE;
}

/**
 * aims_document_save_as:
 * @self: a #AimsDocument
 * @target: the file to write (replaced if it exists)
 * @error: return location for a #GError in the %AIMS_FILE_ERROR domain
 *
 * Writes the project to @target, which becomes the document's file. A
 * read-only view becomes an editable document of @target. Fails with
 * %AIMS_FILE_ERROR_IN_USE if @target is open elsewhere.
 *
 * Returns: %TRUE on success
 */
gboolean
aims_document_save_as (AimsDocument  *self,
                       GFile         *target,
                       GError       **error)
{
  g_autofree char *path = NULL;
  g_autofree char *display = NULL;
  g_autofree char *canonical = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *title = NULL;
  Lock *new_lock = NULL;
  gint64 change_id = 0;
  int saved_errno = 0;

  g_return_val_if_fail (AIMS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (target), FALSE);

  display = g_file_get_parse_name (target);

  if (self->closed)
    {
      g_set_error (error, AIMS_FILE_ERROR, AIMS_FILE_ERROR_SAVE_FAILED,
                   _("The project has been closed."));
      return FALSE;
    }

  if (!_aims_document_check_done (self, error))
    return FALSE;

  path = g_file_get_path (target);
  if (path == NULL)
    {
      g_set_error (error, AIMS_FILE_ERROR, AIMS_FILE_ERROR_SAVE_FAILED,
                   _("“%s” could not be saved: only folders on this computer can be used."),
                   display);
      return FALSE;
    }

  canonical = canonicalize (path, &saved_errno);
  if (canonical == NULL)
    {
      folder = g_path_get_dirname (path);
      set_save_error (error, saved_errno, display, folder);
      return FALSE;
    }

  /* Saving over the file we hold is a plain save; any other file must not be
   * open elsewhere, and we hold it from now on. */
  if (self->file_lock == NULL || g_strcmp0 (canonical, self->canonical_path) != 0)
    {
      new_lock = lock_file (canonical, display, error);
      if (new_lock == NULL)
        return FALSE;
    }

  if (!write_project (self, canonical, &change_id, error))
    {
      lock_release (new_lock);
      return FALSE;
    }

  if (new_lock != NULL)
    {
      g_clear_pointer (&self->file_lock, lock_release);
      self->file_lock = new_lock;
    }

  g_set_object (&self->file, target);
  g_free (self->canonical_path);
  self->canonical_path = g_steal_pointer (&canonical);

  if (self->read_only)
    {
      self->read_only = FALSE;
      _aims_store_set_read_only (self->store, FALSE);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_READ_ONLY]);
    }

  title = dup_title_for_file (target);
  set_title (self, title);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FILE]);

  mark_saved (self, change_id);
  return TRUE;
}

/**
 * aims_document_close:
 * @self: a #AimsDocument
 *
 * Ends the session: closes the store, deletes the working copy with any
 * unsaved changes (ask the person first) and releases the file. Dropping the
 * last reference without closing keeps the working copy for recovery.
 */
void
aims_document_close (AimsDocument *self)
{
  g_return_if_fail (AIMS_IS_DOCUMENT (self));

  if (self->closed)
    return;

  self->closed = TRUE;
  if (self->check_cancellable != NULL)
    g_cancellable_cancel (self->check_cancellable);
  discard_working_copy (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STORE]);
  update_modified (self);
}

/**
 * aims_document_get_file:
 * @self: a #AimsDocument
 *
 * Returns: (transfer none) (nullable): the project file, %NULL if never saved
 */
GFile *
aims_document_get_file (AimsDocument *self)
{
  g_return_val_if_fail (AIMS_IS_DOCUMENT (self), NULL);

  return self->file;
}

/**
 * aims_document_get_store:
 * @self: a #AimsDocument
 *
 * Returns: (transfer none) (nullable): the store of the working copy, %NULL
 *   once closed
 */
AimsStore *
aims_document_get_store (AimsDocument *self)
{
  g_return_val_if_fail (AIMS_IS_DOCUMENT (self), NULL);

  return self->store;
}

/**
 * aims_document_get_modified:
 * @self: a #AimsDocument
 *
 * Returns: %TRUE if the working copy holds changes that are not saved
 */
gboolean
aims_document_get_modified (AimsDocument *self)
{
  g_return_val_if_fail (AIMS_IS_DOCUMENT (self), FALSE);

  return self->modified;
}

/**
 * aims_document_get_read_only:
 * @self: a #AimsDocument
 *
 * Returns: %TRUE for a read-only view
 */
gboolean
aims_document_get_read_only (AimsDocument *self)
{
  g_return_val_if_fail (AIMS_IS_DOCUMENT (self), FALSE);

  return self->read_only || self->checking;
}

/**
 * aims_document_get_title:
 * @self: a #AimsDocument
 *
 * Returns: (transfer none): the file's display name, or "Untitled Project"
 */
const char *
aims_document_get_title (AimsDocument *self)
{
  g_return_val_if_fail (AIMS_IS_DOCUMENT (self), NULL);

  return self->title;
}

/**
 * aims_document_get_warnings:
 * @self: a #AimsDocument
 *
 * Returns: (transfer none) (element-type utf8): what the person should know
 *   about the opened file (objects left out, a journal ignored, read-only)
 */
GPtrArray *
aims_document_get_warnings (AimsDocument *self)
{
  g_return_val_if_fail (AIMS_IS_DOCUMENT (self), NULL);

  return self->warnings;
}

/**
 * aims_document_get_fully_checked:
 * @self: a #AimsDocument
 *
 * Whether opening checked every value of the file. A file this program saved,
 * or already checked in full, and unchanged since (same inode, size, times
 * and first and last pages) only gets the checks of its header and schema;
 * %AIMS_OPEN_FULL_CHECK always checks in full.
 *
 * Returns: %TRUE if the file was checked in full when it was opened; %FALSE
 *   for a file recognised as unchanged, and for new or recovered documents
 */
gboolean
aims_document_get_fully_checked (AimsDocument *self)
{
  g_return_val_if_fail (AIMS_IS_DOCUMENT (self), FALSE);

  return self->fully_checked;
}

/**
 * aims_document_get_working_dir:
 * @self: a #AimsDocument
 *
 * Returns: (transfer none): the folder of the working copy
 */
const char *
aims_document_get_working_dir (AimsDocument *self)
{
  g_return_val_if_fail (AIMS_IS_DOCUMENT (self), NULL);

  return self->working_dir;
}

/**
 * aims_document_list_recoverable:
 *
 * Finds the working copies of sessions that ended without closing their
 * project. Those with unsaved changes are returned; the others are deleted.
 * Working copies in use by a running session are left alone.
 *
 * Returns: (transfer full) (element-type AimsRecoverable): the unsaved work,
 *   most recent first
 */
GPtrArray *
aims_document_list_recoverable (void)
{
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *root = get_state_root ("working");
  g_autoptr(GDir) dir = g_dir_open (root, 0, NULL);
  const char *name;

  if (dir == NULL)
    return found;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *working_dir = g_build_filename (root, name, NULL);
      g_autofree char *lock_path = NULL;
      g_auto(Meta) meta = { 0 };
      struct stat st;
      gboolean busy = FALSE;
      guint n_changes = 0;
      Lock *lock;

      if (!g_uuid_string_is_valid (name) ||
          g_lstat (working_dir, &st) != 0 || !S_ISDIR (st.st_mode))
        continue;

      lock_path = g_build_filename (working_dir, LOCK_NAME, NULL);
      lock = lock_acquire (lock_path, &busy, NULL);
      if (lock == NULL)
        continue;

      if (read_meta (working_dir, &meta) &&
          count_unsaved (working_dir, meta.saved_change_id, &n_changes) &&
          n_changes > 0)
        {
          g_autoptr(GDateTime) modified = working_copy_mtime (working_dir);

          g_ptr_array_add (found, _aims_recoverable_new (working_dir, meta.original,
                                                         meta.display_name, modified, n_changes));
          lock_release (lock);
        }
      else
        {
          /* Nothing to recover, or a session that died while opening. */
          remove_tree (working_dir, NULL);
          lock_release (lock);
        }
    }

  for (guint i = 1; i < found->len; i++)
    {
      /* Insertion sort, newest first: there are a handful at most. */
      for (guint j = i; j > 0; j--)
        {
          AimsRecoverable *a = g_ptr_array_index (found, j - 1);
          AimsRecoverable *b = g_ptr_array_index (found, j);

          if (g_date_time_compare (aims_recoverable_get_modified (a),
                                   aims_recoverable_get_modified (b)) >= 0)
            break;
          found->pdata[j - 1] = b;
          found->pdata[j] = a;
        }
    }

  return found;
}

/**
 * aims_document_recover:
 * @working_dir: from aims_recoverable_get_working_dir()
 * @author: (nullable): the name recorded with every change
 * @error: return location for a #GError
 *
 * Reopens the unsaved work of an ended session, with every change it had
 * committed. The document is modified until saved.
 *
 * Returns: (transfer full) (nullable): the document
 */
AimsDocument *
aims_document_recover (const char  *working_dir,
                       const char  *author,
                       GError     **error)
{
  g_autoptr(AimsDocument) self = NULL;
  g_autofree char *real_dir = NULL;
  g_autofree char *lock_path = NULL;
  g_autofree char *check = NULL;
  g_auto(Meta) meta = { 0 };
  gboolean busy = FALSE;
  sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (working_dir != NULL, NULL);

  real_dir = canonical_working_dir (working_dir, error);
  if (real_dir == NULL)
    return NULL;

  self = g_object_new (AIMS_TYPE_DOCUMENT, NULL);
  lock_path = g_build_filename (real_dir, LOCK_NAME, NULL);
  self->working_lock = lock_acquire (lock_path, &busy, error);
  if (self->working_lock == NULL)
    {
      if (busy)
        g_set_error (error, AIMS_FILE_ERROR, AIMS_FILE_ERROR_IN_USE,
                     _("This unsaved work is already open in AIMS Workbench."));
      return NULL;
    }

  if (!read_meta (real_dir, &meta))
    {
      g_set_error (error, AIMS_FILE_ERROR, AIMS_FILE_ERROR_DAMAGED,
                   _("This unsaved work cannot be recovered: its description is missing or "
                     "damaged."));
      return NULL;
    }

  if (meta.original != NULL)
    {
      g_autofree char *display = g_filename_display_name (meta.original);

      self->file_lock = lock_file (meta.original, display, error);
      if (self->file_lock == NULL)
        return NULL;
    }

  self->working_dir = g_steal_pointer (&real_dir);
  if (!open_working_copy_store (self, author, error))
    return NULL;

  /* The working copy survived a crash; make sure it is whole before use. */
  if (sqlite3_prepare_v2 (_aims_store_get_db (self->store), "PRAGMA quick_check(1)", -1,
                          &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    check = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  if (g_strcmp0 (check, "ok") != 0)
    {
      g_set_error (error, AIMS_FILE_ERROR, AIMS_FILE_ERROR_DAMAGED,
                   _("This unsaved work cannot be recovered: its working copy is damaged."));
      return NULL;
    }

  if (meta.original != NULL)
    {
      self->file = g_file_new_for_path (meta.original);
      self->canonical_path = g_strdup (meta.original);
      self->title = dup_title_for_file (self->file);
    }
  else
    self->title = g_strdup (meta.display_name);

  self->created = g_strdup (meta.created);
  self->saved_change_id = meta.saved_change_id;

  if (!write_meta (self, error))
    return NULL;

  update_modified (self);
  return g_steal_pointer (&self);
}

/**
 * aims_document_discard_recoverable:
 * @working_dir: from aims_recoverable_get_working_dir()
 * @error: return location for a #GError
 *
 * Deletes the unsaved work of an ended session.
 *
 * Returns: %TRUE on success
 */
gboolean
aims_document_discard_recoverable (const char  *working_dir,
                                   GError     **error)
{
  g_autofree char *real_dir = NULL;
  g_autofree char *lock_path = NULL;
  gboolean busy = FALSE;
  gboolean ok;
  Lock *lock;

  g_return_val_if_fail (working_dir != NULL, FALSE);

  real_dir = canonical_working_dir (working_dir, error);
  if (real_dir == NULL)
    return FALSE;

  lock_path = g_build_filename (real_dir, LOCK_NAME, NULL);
  lock = lock_acquire (lock_path, &busy, error);
  if (lock == NULL)
    {
      if (busy)
        g_set_error (error, AIMS_FILE_ERROR, AIMS_FILE_ERROR_IN_USE,
                     _("This unsaved work is open in AIMS Workbench and cannot be discarded."));
      return FALSE;
    }

  ok = remove_tree (real_dir, error);
  lock_release (lock);

  return ok;
}

/* Private: the full check deferred by AIMS_OPEN_DEFER_CHECK (see
 * aims-document-check.c) */

gboolean
_aims_document_check_done (AimsDocument  *self,
                           GError       **error)
{
  if (!self->checking)
    return TRUE;

  g_set_error (error, AIMS_FILE_ERROR, AIMS_FILE_ERROR_READ_ONLY,
               _("“%s” is still being checked. It can be changed and saved once the check "
                 "is done."),
               self->title);
  return FALSE;
}

/*
 * _aims_document_dup_check_target:
 * @display: (out): the file's name for messages
 * @flags: (out): the flags the structure was checked with
 * @cancellable: (out) (transfer full): cancelled when the document closes
 *
 * Returns: (transfer full) (nullable): the working copy's database to check,
 *   %NULL if nothing is left to check
 */
char *
_aims_document_dup_check_target (AimsDocument    *self,
                                 char           **display,
                                 AimsCheckFlags  *flags,
                                 GCancellable   **cancellable)
{
  if (!self->checking || self->closed)
    return NULL;

  *display = g_strdup (self->check_display);
  *flags = self->check_flags;
  *cancellable = g_object_ref (self->check_cancellable);
  return g_build_filename (self->working_dir, DB_NAME, NULL);
}

/* The full check passed: the document becomes editable, and the file is
 * remembered as checked if the working copy is exactly the file. */
void
_aims_document_check_passed (AimsDocument *self)
{
  if (!self->checking || self->closed)
    return;

  if (self->check_remember && self->canonical_path != NULL)
    _aims_trust_cache_remember (self->canonical_path, &self->check_fingerprint);

  self->checking = FALSE;
  self->fully_checked = TRUE;
  _aims_store_set_read_only (self->store, self->read_only);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CHECKING]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_READ_ONLY]);
}

/**
 * aims_document_get_checking:
 * @self: a #AimsDocument
 *
 * Returns: %TRUE while the full check of a file opened with
 *   %AIMS_OPEN_DEFER_CHECK has not passed; the document is read-only
 */
gboolean
aims_document_get_checking (AimsDocument *self)
{
  g_return_val_if_fail (AIMS_IS_DOCUMENT (self), FALSE);

  return self->checking;
}
