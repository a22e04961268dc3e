/* aims-project-file.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aims-project-file"

#include "config.h"

#include "aims-project-file-private.h"

#include "aims-file-error.h"
#include "aims-json-private.h"
#include "aims-sqlite-private.h"
#include "aims-trust-cache-private.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

/*
 * A project file may come from anyone. Before anything reads it as a project,
 * it is checked in this order, cheapest and least trusting first:
 *
 *  1. the path: exists, is a regular file, can be read;
 *  2. the first 100 bytes, read by us: the SQLite magic, application_id,
 *     user_version, text encoding, and whether the file is as long as its
 *     header says;
 *  3. sqlite opens it through `file:…?mode=ro&immutable=1`, so it never writes,
 *     never rolls back a journal, never reads a -wal and never creates -shm.
 *     The connection is defensive, distrusts the schema, has triggers, views
 *     and extensions switched off and tight limits: nothing in the file runs;
 *  4. sqlite_master must equal, byte for byte, what our migrations create for
 *     that format;
 *  5. quick_check, foreign_key_check, exactly one project row, and every
 *     value of every known column: its type, its size against the descriptor,
 *     valid UTF-8 without NUL bytes, allowed values, well-formed JSON.
 *
 * Invalid text is refused, not repaired: repairing would silently change the
 * data the next Save writes, and a file AIMS Workbench wrote never holds it.
 */

#define SQLITE_MAGIC "SQLite format 3"
#define HEADER_SIZE 100
#define MAX_LISTED 5
#define WORKING_COPY_MMAP_SIZE 2147418112
#define ORIGINAL_CACHE_KIB 65536

static const char * const side_suffixes[] = { "-journal", "-wal" };

G_DEFINE_BOXED_TYPE (AimsProjectFileInfo, aims_project_file_info,
                     aims_project_file_info_copy, aims_project_file_info_free)

static guint32
read_be32 (const guchar *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static void
add_warning (GPtrArray  *warnings,
             char       *message)
{
  if (warnings != NULL)
    g_ptr_array_add (warnings, message);
  else
    g_free (message);
}

static gboolean
fail_damaged (GError     **error,
              const char  *display,
              const char  *reason)
{
  g_set_error (error, AIMS_FILE_ERROR, AIMS_FILE_ERROR_DAMAGED,
               _("“%s” is damaged: %s. Open an earlier copy of the file, or ask whoever sent it "
                 "for a new copy."),
               display, reason);
  return FALSE;
}

static gboolean
fail_unexpected (GError     **error,
                 const char  *display,
                 const char  *reason)
{
  g_set_error (error, AIMS_FILE_ERROR, AIMS_FILE_ERROR_UNEXPECTED_CONTENT,
               _("“%s” was not opened because it contains data AIMS Workbench never writes: %s."),
               display, reason);
  return FALSE;
}

static gboolean
fail_newer (GError     **error,
            const char  *display,
            guint        version,
            guint        supported)
{
  g_set_error (error, AIMS_FILE_ERROR, AIMS_FILE_ERROR_NEWER_VERSION,
               _("“%s” was made by a newer version of AIMS Workbench (file format %u); "
                 "this version reads up to format %u. Update AIMS Workbench to open it."),
               display, version, supported);
  return FALSE;
}

static gboolean
fail_not_project (GError     **error,
                  const char  *display,
                  gboolean     no_version)
{
  if (no_version)
    g_set_error (error, AIMS_FILE_ERROR, AIMS_FILE_ERROR_NOT_PROJECT,
                 _("“%s” is not an AIMS Workbench project: it is marked as one but has no file "
                   "format version, so AIMS Workbench did not write it."),
                 display);
  else
    g_set_error (error, AIMS_FILE_ERROR, AIMS_FILE_ERROR_NOT_PROJECT,
                 _("“%s” is not an AIMS Workbench project: it is an SQLite database made by "
                   "another program."),
                 display);
  return FALSE;
}

/*
 * _aims_project_file_set_error:
 *
 * Maps a failure of an untrusted connection to the reason a person understands.
 */
void
_aims_project_file_set_error (GError     **error,
                              sqlite3     *db,
                              int          rc,
                              const char  *display)
{
  g_autofree char *reason = NULL;
  int sys_errno = db != NULL ? sqlite3_system_errno (db) : 0;

  if (db != NULL && (rc & 0xff) == (sqlite3_extended_errcode (db) & 0xff))
    rc = sqlite3_extended_errcode (db);

  reason = _aims_text_for_message (db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc), -1);

  switch (rc & 0xff)
    {
    case SQLITE_NOTADB:
      g_set_error (error, AIMS_FILE_ERROR, AIMS_FILE_ERROR_NOT_DATABASE,
                   _("“%s” is not an AIMS Workbench project: it is not a database file (it may be "
                     "another kind of document with the wrong name)."),
                   display);
      break;

    case SQLITE_TOOBIG:
      {
        g_autofree char *limit = _aims_format_bytes (AIMS_UNTRUSTED_MAX_LENGTH);
        g_autofree char *why = g_strdup_printf (_("it holds a value larger than %s"), limit);

        fail_unexpected (error, display, why);
      }
      break;

    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_PERM:
      if (sys_errno == EACCES || sys_errno == EPERM)
        {
          g_set_error (error, AIMS_FILE_ERROR, AIMS_FILE_ERROR_PERMISSION,
                       _("“%s” cannot be opened: you do not have permission to read it. Ask its "
                         "owner for access, or copy it to a folder of yours."),
                       display);
          break;
        }
      {
        g_autofree char *why = g_strdup_printf (_("it could not be read (%s)"), reason);

        fail_damaged (error, display, why);
      }
      break;

    case SQLITE_CORRUPT:
    default:
      {
        g_autofree char *why = g_strdup_printf (_("the database is not consistent (%s)"), reason);

        fail_damaged (error, display, why);
      }
      break;
    }
}

/* Steps 1 and 2: the path and the header, before SQLite sees the file. */
static gboolean
check_path_and_header (const char  *path,
                       const char  *display,
                       GPtrArray   *warnings,
                       GError     **error)
{
  guchar header[HEADER_SIZE];
  struct stat st;
  gssize n_read = 0;
  guint32 page_size, n_pages, user_version, app_id, encoding;
  int fd;

  if (g_stat (path, &st) != 0)
    {
      int saved_errno = errno;

      if (saved_errno == EACCES)
        g_set_error (error, AIMS_FILE_ERROR, AIMS_FILE_ERROR_PERMISSION,
                     _("“%s” cannot be opened: you do not have permission to open the folder it is "
                       "in. Ask its owner for access, or copy it to a folder of yours."),
                     display);
      else if (saved_errno == ENOENT || saved_errno == ENOTDIR)
        g_set_error (error, AIMS_FILE_ERROR, AIMS_FILE_ERROR_NOT_FOUND,
                     _("“%s” cannot be opened: there is no such file. It may have been moved, "
                       "renamed or deleted."),
                     display);
      else
        g_set_error (error, AIMS_FILE_ERROR, AIMS_FILE_ERROR_NOT_FOUND,
                     _("“%s” cannot be opened: %s."), display, g_strerror (saved_errno));
      return FALSE;
    }

  if (S_ISDIR (st.st_mode))
    {
      g_set_error (error, AIMS_FILE_ERROR, AIMS_FILE_ERROR_IS_DIRECTORY,
                   _("“%s” is a folder, not an AIMS Workbench project file. Choose a file ending "
                     "in .aims."),
                   display);
      return FALSE;
    }

  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, AIMS_FILE_ERROR, AIMS_FILE_ERROR_NOT_DATABASE,
                   _("“%s” is not an AIMS Workbench project: it is not a regular file."),
                   display);
      return FALSE;
    }

  /* O_NONBLOCK: if the path was swapped for a FIFO since stat(), do not hang. */
  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY, 0);
  if (fd < 0)
    {
      int saved_errno = errno;

      if (saved_errno == EACCES || saved_errno == EPERM)
        g_set_error (error, AIMS_FILE_ERROR, AIMS_FILE_ERROR_PERMISSION,
                     _("“%s” cannot be opened: you do not have permission to read it. Ask its "
                       "owner for access, or copy it to a folder of yours."),
                     display);
      else
        g_set_error (error, AIMS_FILE_ERROR, AIMS_FILE_ERROR_NOT_FOUND,
                     _("“%s” cannot be opened: %s."), display, g_strerror (saved_errno));
      return FALSE;
    }

  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      close (fd);
      g_set_error (error, AIMS_FILE_ERROR, AIMS_FILE_ERROR_NOT_DATABASE,
                   _("“%s” is not an AIMS Workbench project: it is not a regular file."),
                   display);
      return FALSE;
    }

  while (n_read < HEADER_SIZE)
    {
      gssize n = read (fd, header + n_read, HEADER_SIZE - n_read);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;
          g_autofree char *why = g_strdup_printf (_("it could not be read (%s)"),
                                                  g_strerror (saved_errno));

          close (fd);
          return fail_damaged (error, display, why);
        }
      if (n == 0)
        break;
      n_read += n;
    }
  close (fd);

  if (st.st_size == 0)
    {
      g_set_error (error, AIMS_FILE_ERROR, AIMS_FILE_ERROR_NOT_DATABASE,
                   _("“%s” is not an AIMS Workbench project: the file is empty (0 bytes)."),
                   display);
      return FALSE;
    }

  if (n_read < (gssize) sizeof SQLITE_MAGIC ||
      memcmp (header, SQLITE_MAGIC, sizeof SQLITE_MAGIC) != 0)
    {
      g_set_error (error, AIMS_FILE_ERROR, AIMS_FILE_ERROR_NOT_DATABASE,
                   _("“%s” is not an AIMS Workbench project: it is not a database file (it may be "
                     "another kind of document with the wrong name)."),
                   display);
      return FALSE;
    }

  if (n_read < HEADER_SIZE)
    return fail_damaged (error, display,
                         _("the file is shorter than a database header (it was probably cut off "
                           "while being copied)"));

  page_size = ((guint32) header[16] << 8) | header[17];
  if (page_size == 1)
    page_size = 65536;
  n_pages = read_be32 (header + 28);
  encoding = read_be32 (header + 56);
  user_version = read_be32 (header + 60);
  app_id = read_be32 (header + 68);

  if (page_size < 512 || page_size > 65536 || (page_size & (page_size - 1)) != 0)
    return fail_damaged (error, display, _("its header is not valid"));

  if (app_id != AIMS_APPLICATION_ID)
    return fail_not_project (error, display, FALSE);

  if (user_version == 0)
    return fail_not_project (error, display, TRUE);

  if (user_version > AIMS_FORMAT_VERSION)
    return fail_newer (error, display, user_version, AIMS_FORMAT_VERSION);

  if (encoding != 1)
    return fail_unexpected (error, display,
                            _("its text is stored as UTF-16; AIMS Workbench files use UTF-8"));

  /* SQLite trusts the page count in the header only when the two change
   * counters agree; so do we. */
  if ((st.st_size % page_size) != 0 ||
      (n_pages != 0 && read_be32 (header + 24) == read_be32 (header + 92) &&
       (guint64) n_pages * page_size > (guint64) st.st_size))
    return fail_damaged (error, display,
                         _("the file is shorter than its header says (it was probably cut off "
                           "while being copied)"));

  /* A journal or WAL beside the file belongs to whoever was writing it; the
   * immutable connection reads the file as it stands and never touches them. */
  for (guint i = 0; i < G_N_ELEMENTS (side_suffixes); i++)
    {
      g_autofree char *side = g_strconcat (path, side_suffixes[i], NULL);
      struct stat side_st;

      if (g_lstat (side, &side_st) == 0)
        {
          g_autofree char *side_display = g_filename_display_basename (side);

          add_warning (warnings,
                       g_strdup_printf (_("“%s” has a leftover file “%s” beside it, from a program "
                                          "that was writing it; it was ignored and the project was "
                                          "read as it stands."),
                                        display, side_display));
        }
    }

  return TRUE;
}

/*
 * _aims_project_file_has_side_files:
 *
 * Returns: %TRUE if a rollback journal or a WAL lies beside @path: another
 *   program has it open for writing, or died doing so, and the file may be
 *   changing or half-written.
 */
gboolean
_aims_project_file_has_side_files (const char *path)
{
  for (guint i = 0; i < G_N_ELEMENTS (side_suffixes); i++)
    {
      g_autofree char *side = g_strconcat (path, side_suffixes[i], NULL);
      struct stat st;

      if (g_lstat (side, &st) == 0 || errno != ENOENT)
        return TRUE;
    }

  return FALSE;
}

/*
 * _aims_project_file_open_untrusted:
 * @original: %TRUE for a file from elsewhere (checked path and header,
 *   read-only and immutable); %FALSE for a private working copy still under
 *   suspicion (read-write, so extra objects can be dropped)
 *
 * Returns: (transfer full) (nullable): a hardened connection
 */
sqlite3 *
_aims_project_file_open_untrusted (const char  *path,
                                   const char  *display,
                                   gboolean     original,
                                   GPtrArray   *warnings,
                                   GError     **error)
{
  g_autofree char *uri = NULL;
  sqlite3 *db = NULL;
  int rc;

  if (original)
    {
      g_autofree char *absolute = NULL;
      g_autofree char *escaped = NULL;

      if (!check_path_and_header (path, display, warnings, error))
        return NULL;

      /* Every byte outside [A-Za-z0-9-._~/] is percent-encoded, so '?', '#'
       * and '%' in a file name cannot change the meaning of the URI. */
      absolute = g_canonicalize_filename (path, NULL);
      escaped = g_uri_escape_string (absolute, "/", FALSE);
      uri = g_strdup_printf ("file:%s?mode=ro&immutable=1", escaped);

      rc = sqlite3_open_v2 (uri, &db,
                            SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_EXRESCODE |
                            SQLITE_OPEN_PRIVATECACHE,
                            NULL);
    }
  else
    rc = sqlite3_open_v2 (path, &db,
                          SQLITE_OPEN_READWRITE | SQLITE_OPEN_EXRESCODE | SQLITE_OPEN_PRIVATECACHE,
                          NULL);

  if (rc != SQLITE_OK)
    {
      _aims_project_file_set_error (error, db, rc, display);
      sqlite3_close (db);
      return NULL;
    }

  if (!_aims_sqlite_harden (db, TRUE, NULL))
    {
      _aims_project_file_set_error (error, db, sqlite3_extended_errcode (db), display);
      sqlite3_close (db);
      return NULL;
    }

  /* The full check of a large file reads every page, most of them several
   * times. The private working copy is mapped, so its pages are not copied
   * into a cache one read at a time: that halves the check's time. A file
   * another program can shorten while it is mapped would crash this one
   * (SIGBUS), so the original gets a larger cache instead, which saves most
   * of the reads. */
  if (!original)
    sqlite3_exec (db, "PRAGMA mmap_size = " G_STRINGIFY (WORKING_COPY_MMAP_SIZE), NULL, NULL,
                  NULL);
  else
    sqlite3_exec (db, "PRAGMA cache_size = -" G_STRINGIFY (ORIGINAL_CACHE_KIB), NULL, NULL, NULL);

  return db;
}

/* Object names come from the file: show them safely. */
static char *
describe_object (const AimsSchemaObject *object)
{
  g_autofree char *name = _aims_text_for_message (object->name, object->name_len);
  g_autofree char *table = _aims_text_for_message (object->tbl_name, object->tbl_name_len);

  if (g_str_equal (object->type, "table"))
    return g_strdup_printf (_("table “%s”"), name);
  if (g_str_equal (object->type, "view"))
    return g_strdup_printf (_("view “%s”"), name);
  if (g_str_equal (object->type, "index"))
    return g_strdup_printf (_("index “%s” on table “%s”"), name, table);
  if (g_str_equal (object->type, "trigger"))
    return g_strdup_printf (_("trigger “%s” on table “%s”"), name, table);

  {
    g_autofree char *type = _aims_text_for_message (object->type, -1);

    return g_strdup_printf (_("object “%s” of type “%s”"), name, type);
  }
}

static gboolean
same_bytes (const char *a,
            gsize       a_len,
            const char *b,
            gsize       b_len)
{
  if (a == NULL || b == NULL)
    return a == b;

  return a_len == b_len && memcmp (a, b, a_len) == 0;
}

static const AimsSchemaObject *
find_object (const GPtrArray        *objects,
             const AimsSchemaObject *like)
{
  for (guint i = 0; i < objects->len; i++)
    {
      const AimsSchemaObject *object = g_ptr_array_index (objects, i);

      if (same_bytes (object->name, object->name_len, like->name, like->name_len))
        return object;
    }

  return NULL;
}

static gboolean
is_extra_table (const GPtrArray *extras,
                const char      *name,
                gsize            name_len)
{
  for (guint i = 0; i < extras->len; i++)
    {
      const AimsSchemaObject *object = g_ptr_array_index (extras, i);

      if (g_str_equal (object->type, "table") &&
          same_bytes (object->name, object->name_len, name, name_len))
        return TRUE;
    }

  return FALSE;
}

/* Extra objects the working copy can drop without running anything from the
 * file. Virtual tables would run their module's code to be dropped, and some
 * sqlite_ objects cannot be dropped at all. */
static gboolean
is_droppable (const AimsSchemaObject *object,
              const GPtrArray        *extras)
{
  gboolean clean_name = strlen (object->name) == object->name_len &&
                        g_utf8_validate (object->name, object->name_len, NULL);

  if (!clean_name)
    return FALSE;

  if (g_str_has_prefix (object->name, "sqlite_"))
    {
      /* An automatic index goes with its (extra) table; statistics can go. */
      if (g_str_equal (object->type, "index") && object->sql == NULL)
        return is_extra_table (extras, object->tbl_name, object->tbl_name_len);
      return g_str_equal (object->type, "table") &&
             (g_str_equal (object->name, "sqlite_stat1") ||
              g_str_equal (object->name, "sqlite_stat4"));
    }

  if (g_str_equal (object->type, "table") && object->sql != NULL &&
      g_ascii_strncasecmp (object->sql, "CREATE VIRTUAL", strlen ("CREATE VIRTUAL")) == 0)
    return FALSE;

  return g_str_equal (object->type, "table") || g_str_equal (object->type, "index") ||
         g_str_equal (object->type, "view") || g_str_equal (object->type, "trigger");
}

/* "a, b, c and 4 more" over the objects worth naming: not the indexes and
 * automatic indexes of extra tables, which go with them. */
static char *
list_objects (GPtrArray *objects,
              GPtrArray *extras)
{
  g_autoptr(GString) list = g_string_new (NULL);
  guint listed = 0, skipped = 0;

  for (guint i = 0; i < objects->len; i++)
    {
      const AimsSchemaObject *object = g_ptr_array_index (objects, i);
      g_autofree char *described = NULL;

      if (extras != NULL && g_str_equal (object->type, "index") &&
          is_extra_table (extras, object->tbl_name, object->tbl_name_len))
        continue;

      if (listed == MAX_LISTED)
        {
          skipped++;
          continue;
        }

      described = describe_object (object);
      if (listed > 0)
        g_string_append (list, ", ");
      g_string_append (list, described);
      listed++;
    }

  if (skipped > 0)
    g_string_append_printf (list, g_dngettext (GETTEXT_PACKAGE, " and %u more object",
                                               " and %u more objects", skipped),
                            skipped);

  return g_string_free (g_steal_pointer (&list), FALSE);
}

/* Step 4: sqlite_master against what our migrations create. */
static gboolean
check_structure (sqlite3              *db,
                 const AimsSchemaDef  *def,
                 const char           *display,
                 AimsCheckFlags        flags,
                 guint                 version,
                 GPtrArray            *warnings,
                 GPtrArray           **extras_out,
                 GError              **error)
{
  g_autoptr(GPtrArray) objects = NULL;
  g_autoptr(GPtrArray) missing = g_ptr_array_new ();
  g_autoptr(GPtrArray) changed = g_ptr_array_new ();
  g_autoptr(GPtrArray) extras = g_ptr_array_new ();
  g_autoptr(GError) local_error = NULL;
  const GPtrArray *expected;
  int rc;

  expected = _aims_schema_get_expected (def, version, error);
  if (expected == NULL)
    return FALSE;

  objects = _aims_schema_read_objects (db, &local_error);
  if (objects == NULL)
    {
      rc = sqlite3_extended_errcode (db);
      _aims_project_file_set_error (error, db, rc != SQLITE_OK ? rc : SQLITE_CORRUPT, display);
      return FALSE;
    }

  for (guint i = 0; i < expected->len; i++)
    {
      const AimsSchemaObject *want = g_ptr_array_index (expected, i);
      const AimsSchemaObject *have = find_object (objects, want);

      if (have == NULL)
        g_ptr_array_add (missing, (gpointer) want);
      else if (!g_str_equal (have->type, want->type) ||
               !same_bytes (have->tbl_name, have->tbl_name_len,
                            want->tbl_name, want->tbl_name_len) ||
               !same_bytes (have->sql, have->sql_len, want->sql, want->sql_len))
        g_ptr_array_add (changed, (gpointer) have);
    }

  for (guint i = 0; i < objects->len; i++)
    {
      const AimsSchemaObject *have = g_ptr_array_index (objects, i);

      if (find_object (expected, have) == NULL)
        g_ptr_array_add (extras, (gpointer) have);
    }

  /* A changed definition of one of our objects cannot be dropped or trusted;
   * neither can a file that lacks one of them. */
  if (changed->len > 0)
    {
      g_autofree char *list = list_objects (changed, NULL);
      g_autofree char *why = g_strdup_printf (_("the definition of %s differs from file format %u"),
                                              list, version);

      return fail_unexpected (error, display, why);
    }

  if (missing->len > 0)
    {
      g_autofree char *list = list_objects (missing, NULL);
      g_autofree char *why = g_strdup_printf (_("%s of file format %u is missing"), list, version);

      return fail_damaged (error, display, why);
    }

  if (extras->len == 0)
    {
      if (extras_out != NULL)
        *extras_out = NULL;
      return TRUE;
    }

  if ((flags & AIMS_CHECK_ALLOW_EXTRA_OBJECTS) == 0)
    {
      g_autofree char *list = list_objects (extras, extras);

      g_set_error (error, AIMS_FILE_ERROR, AIMS_FILE_ERROR_UNEXPECTED_OBJECTS,
                   _("“%s” contains objects an AIMS Workbench project never has: %s. Objects like "
                     "these could run code or change data, so the file was not opened."),
                   display, list);
      return FALSE;
    }

  for (guint i = 0; i < extras->len; i++)
    {
      const AimsSchemaObject *extra = g_ptr_array_index (extras, i);

      if (!is_droppable (extra, extras))
        {
          g_autofree char *described = describe_object (extra);
          g_autofree char *why = g_strdup_printf (_("%s cannot be removed safely"), described);

          return fail_unexpected (error, display, why);
        }
    }

  {
    g_autofree char *list = list_objects (extras, extras);

    add_warning (warnings,
                 g_strdup_printf (_("“%s” contains objects an AIMS Workbench project never "
                                    "has: %s. They were left out of the copy you are editing; "
                                    "the file itself is unchanged until you save."),
                                  display, list));
  }

  if (extras_out != NULL)
    {
      /* Hand over copies: @objects owns the originals. */
      *extras_out = g_ptr_array_new_with_free_func ((GDestroyNotify) _aims_schema_object_free);
      for (guint i = 0; i < extras->len; i++)
        {
          const AimsSchemaObject *extra = g_ptr_array_index (extras, i);
          AimsSchemaObject *copy = g_new0 (AimsSchemaObject, 1);

          copy->type = g_strdup (extra->type);
          copy->name = g_strndup (extra->name, extra->name_len);
          copy->name_len = extra->name_len;
          copy->tbl_name = g_strndup (extra->tbl_name, extra->tbl_name_len);
          copy->tbl_name_len = extra->tbl_name_len;
          copy->sql = extra->sql != NULL ? g_strndup (extra->sql, extra->sql_len) : NULL;
          copy->sql_len = extra->sql_len;
          g_ptr_array_add (*extras_out, copy);
        }
    }

  return TRUE;
}

static gboolean
check_integrity (sqlite3              *db,
                 const AimsSchemaDef  *def,
                 const char           *display,
                 guint                 version,
                 GError              **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  /* integrity_check rather than quick_check: it also verifies UNIQUE
   * constraints and that indexes match their tables, so two records cannot
   * share a uuid behind a lying index. It costs milliseconds at our sizes. */
  rc = sqlite3_prepare_v2 (db, "PRAGMA integrity_check(3)", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    {
      const char *result = (const char *) sqlite3_column_text (stmt, 0);

      if (g_strcmp0 (result, "ok") != 0)
        {
          g_autofree char *shown = _aims_text_for_message (result, -1);
          g_autofree char *why = g_strdup_printf (_("the database check failed (%s)"), shown);

          sqlite3_finalize (stmt);
          return fail_damaged (error, display, why);
        }
    }
  else
    {
      _aims_project_file_set_error (error, db, rc, display);
      sqlite3_finalize (stmt);
      return FALSE;
    }
  sqlite3_finalize (stmt);

  rc = sqlite3_prepare_v2 (db, "PRAGMA foreign_key_check", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _aims_project_file_set_error (error, db, rc, display);
      return FALSE;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *table = (const char *) sqlite3_column_text (stmt, 0);
      const char *parent = (const char *) sqlite3_column_text (stmt, 2);
      const AimsTableInfo *info = _aims_schema_def_lookup_table (def, table);

      /* Extra tables are dropped from the working copy; their links do not
       * matter. */
      if (info != NULL && info->since <= version)
        {
          g_autofree char *shown_table = _aims_text_for_message (table, -1);
          g_autofree char *shown_parent = _aims_text_for_message (parent, -1);
          g_autofree char *why = g_strdup_printf (_("records in table “%s” refer to records of "
                                                    "“%s” that do not exist"),
                                                  shown_table, shown_parent);

          sqlite3_finalize (stmt);
          return fail_damaged (error, display, why);
        }
    }

  if (rc != SQLITE_DONE)
    {
      _aims_project_file_set_error (error, db, rc, display);
      sqlite3_finalize (stmt);
      return FALSE;
    }
  sqlite3_finalize (stmt);

  return TRUE;
}

static gboolean
fail_value (GError              **error,
            const char           *display,
            const AimsTableInfo  *table,
            const AimsFieldInfo  *field,
            const char           *problem)
{
  g_autofree char *why = g_strdup_printf (_("the field “%s” in table “%s” %s"),
                                          field->name, table->name, problem);

  return fail_unexpected (error, display, why);
}

static gboolean
check_text (const char           *text,
            gsize                 len,
            const char           *display,
            const AimsTableInfo  *table,
            const AimsFieldInfo  *field,
            GError              **error)
{
  if (len > field->max_bytes)
    {
      g_autofree char *size = _aims_format_bytes (len);
      g_autofree char *limit = _aims_format_bytes (field->max_bytes);
      g_autofree char *problem = g_strdup_printf (_("holds %s; the limit is %s"), size, limit);

      return fail_value (error, display, table, field, problem);
    }

  if (text == NULL)
    return TRUE;

  if (memchr (text, '\0', len) != NULL)
    return fail_value (error, display, table, field, _("holds text with a NUL byte in it"));

  if (!g_utf8_validate_len (text, len, NULL))
    return fail_value (error, display, table, field, _("holds text that is not valid UTF-8"));

  if (field->choices != NULL)
    {
      g_autofree char *value = g_strndup (text, len);

      if (!g_strv_contains (field->choices, value))
        {
          g_autofree char *shown = _aims_text_for_message (text, len);
          g_autofree char *problem = NULL;

          problem = g_strdup_printf (_("holds “%s”, which is not an allowed value"), shown);

          return fail_value (error, display, table, field, problem);
        }
    }

  if (field->kind == AIMS_FIELD_JSON)
    {
      g_autoptr(JsonParser) parser = json_parser_new_immutable ();

      /* Before the parser, which would exhaust the stack on deep nesting */
      if (!_aims_json_nesting_within (text, len, AIMS_JSON_MAX_DEPTH) ||
          !json_parser_load_from_data (parser, text, len, NULL))
        return fail_value (error, display, table, field, _("does not hold valid JSON"));
    }

  return TRUE;
}

static gboolean
check_value (sqlite3_stmt         *stmt,
             int                   column,
             const char           *display,
             const AimsTableInfo  *table,
             const AimsFieldInfo  *field,
             GError              **error)
{
  int type = sqlite3_column_type (stmt, column);

  if (type == SQLITE_NULL)
    {
      if (field->flags & AIMS_FIELD_FLAG_NOT_NULL)
        return fail_value (error, display, table, field, _("is empty, but must have a value"));
      return TRUE;
    }

  switch (field->kind)
    {
    case AIMS_FIELD_TEXT:
    case AIMS_FIELD_JSON:
      if (type != SQLITE_TEXT)
        break;
      {
        const char *text = (const char *) sqlite3_column_text (stmt, column);

        return check_text (text, sqlite3_column_bytes (stmt, column), display, table, field, error);
      }

    case AIMS_FIELD_INTEGER:
      if (type != SQLITE_INTEGER)
        break;
      return TRUE;

    case AIMS_FIELD_BOOLEAN:
      if (type != SQLITE_INTEGER)
        break;
      if (sqlite3_column_int64 (stmt, column) != 0 && sqlite3_column_int64 (stmt, column) != 1)
        return fail_value (error, display, table, field, _("holds a number other than 0 or 1"));
      return TRUE;

    case AIMS_FIELD_REAL:
      if (type != SQLITE_FLOAT && type != SQLITE_INTEGER)
        break;
      return TRUE;

    case AIMS_FIELD_ANY:
      if (type == SQLITE_BLOB)
        break;
      if (type == SQLITE_TEXT)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, column);

          return check_text (text, sqlite3_column_bytes (stmt, column), display, table, field,
                             error);
        }
      return TRUE;

    default:
      break;
    }

  {
    g_autofree char *problem = NULL;

    problem = g_strdup_printf (_("holds a value of the wrong type; it should hold %s"),
                               aims_field_kind_to_string (field->kind));

    return fail_value (error, display, table, field, problem);
  }
}

/* When a row is too big to read, find the field so the message can name it. */
static void
set_too_big_error (sqlite3              *db,
                   const char           *display,
                   const AimsTableInfo  *table,
                   guint                 version,
                   GError              **error)
{
  g_autofree char *quoted_table = _aims_sqlite_quote (table->name);

  for (guint i = 0; i < table->n_fields; i++)
    {
      const AimsFieldInfo *field = &table->fields[i];
      g_autofree char *quoted = NULL;
      g_autofree char *sql = NULL;
      sqlite3_stmt *stmt = NULL;
      int rc;

      if (field->since > version)
        continue;

      quoted = _aims_sqlite_quote (field->name);
      sql = g_strdup_printf ("SELECT %s FROM %s", quoted, quoted_table);
      if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
        {
          sqlite3_finalize (stmt);
          continue;
        }

      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        ;
      sqlite3_finalize (stmt);

      if ((rc & 0xff) == SQLITE_TOOBIG)
        {
          g_autofree char *size = _aims_format_bytes (AIMS_UNTRUSTED_MAX_LENGTH);
          g_autofree char *limit = _aims_format_bytes (field->max_bytes);
          g_autofree char *problem = g_strdup_printf (_("holds more than %s; the limit is %s"),
                                                      size, limit);

          fail_value (error, display, table, field, problem);
          return;
        }
    }

  _aims_project_file_set_error (error, db, SQLITE_TOOBIG, display);
}

/* Step 5, last part: every value of every column the descriptor knows. */
static gboolean
check_values (sqlite3              *db,
              const AimsSchemaDef  *def,
              const char           *display,
              guint                 version,
              GError              **error)
{
  gint64 n_projects = 0;

  if (!_aims_sqlite_query_int (db, "SELECT count(*) FROM project", &n_projects, NULL))
    {
      _aims_project_file_set_error (error, db, sqlite3_extended_errcode (db), display);
      return FALSE;
    }

  if (n_projects != 1)
    {
      guint n = (guint) MIN (n_projects, G_MAXUINT);
      g_autofree char *why = NULL;

      why = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "it holds %u project record instead of exactly one",
                                          "it holds %u project records instead of exactly one",
                                          n),
                             n);

      return fail_damaged (error, display, why);
    }

  for (guint t = 0; t < def->n_tables; t++)
    {
      const AimsTableInfo *table = &def->tables[t];
      g_autoptr(GString) sql = NULL;
      g_autoptr(GPtrArray) fields = NULL;
      g_autofree char *quoted_table = NULL;
      sqlite3_stmt *stmt = NULL;
      int rc;

      if (table->since > version)
        continue;

      sql = g_string_new ("SELECT ");
      fields = g_ptr_array_new ();
      for (guint i = 0; i < table->n_fields; i++)
        {
          const AimsFieldInfo *field = &table->fields[i];
          g_autofree char *quoted = NULL;

          if (field->since > version)
            continue;

          quoted = _aims_sqlite_quote (field->name);
          g_string_append_printf (sql, "%s%s", fields->len > 0 ? ", " : "", quoted);
          g_ptr_array_add (fields, (gpointer) field);
        }

      quoted_table = _aims_sqlite_quote (table->name);
      g_string_append_printf (sql, " FROM %s", quoted_table);

      rc = sqlite3_prepare_v2 (db, sql->str, -1, &stmt, NULL);
      if (rc != SQLITE_OK)
        {
          _aims_project_file_set_error (error, db, rc, display);
          sqlite3_finalize (stmt);
          return FALSE;
        }

      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          for (guint i = 0; i < fields->len; i++)
            {
              if (!check_value (stmt, i, display, table, g_ptr_array_index (fields, i), error))
                {
                  sqlite3_finalize (stmt);
                  return FALSE;
                }
            }
        }
      sqlite3_finalize (stmt);

      if ((rc & 0xff) == SQLITE_TOOBIG)
        {
          set_too_big_error (db, display, table, version, error);
          return FALSE;
        }

      if (rc != SQLITE_DONE)
        {
          _aims_project_file_set_error (error, db, rc, display);
          return FALSE;
        }
    }

  return TRUE;
}

/*
 * _aims_project_file_check_db:
 * @phases: which checks to run
 * @warnings: (nullable): receives the warnings (char *)
 * @extras: (out) (optional) (nullable): with %AIMS_CHECK_ALLOW_EXTRA_OBJECTS,
 *   the extra objects to drop from a working copy
 *
 * Checks an open, hardened connection. Errors name @display.
 */
gboolean
_aims_project_file_check_db (sqlite3              *db,
                             const AimsSchemaDef  *def,
                             const char           *display,
                             AimsCheckFlags        flags,
                             AimsCheckPhase        phases,
                             GPtrArray            *warnings,
                             GPtrArray           **extras,
                             GError              **error)
{
  gint64 app_id = 0, version = 0, encoding_utf8 = 0;

  if (extras != NULL)
    *extras = NULL;

  if (!_aims_sqlite_query_int (db, "PRAGMA application_id", &app_id, NULL) ||
      !_aims_sqlite_query_int (db, "PRAGMA user_version", &version, NULL) ||
      !_aims_sqlite_query_int (db, "SELECT 1 FROM pragma_encoding WHERE encoding = 'UTF-8'",
                               &encoding_utf8, NULL))
    {
      _aims_project_file_set_error (error, db, sqlite3_extended_errcode (db), display);
      return FALSE;
    }

  if (app_id != AIMS_APPLICATION_ID)
    return fail_not_project (error, display, FALSE);
  if (version == 0)
    return fail_not_project (error, display, TRUE);
  if (version < 0 || version > def->version)
    return fail_newer (error, display, (guint) version, def->version);
  if (!encoding_utf8)
    return fail_unexpected (error, display,
                            _("its text is stored as UTF-16; AIMS Workbench files use UTF-8"));

  if ((phases & AIMS_CHECK_PHASE_STRUCTURE) &&
      !check_structure (db, def, display, flags, version, warnings, extras, error))
    return FALSE;

  /* Values before integrity: a read-only connection's integrity_check skips
   * CHECK constraints, so the original and its working copy would otherwise
   * report a value outside a CHECK list differently. */
  if ((phases & AIMS_CHECK_PHASE_CONTENT) &&
      (!check_values (db, def, display, version, error) ||
       !check_integrity (db, def, display, version, error)))
    {
      if (extras != NULL)
        g_clear_pointer (extras, g_ptr_array_unref);
      return FALSE;
    }

  return TRUE;
}

static int
drop_order (const AimsSchemaObject *object)
{
  if (g_str_equal (object->type, "trigger"))
    return 0;
  if (g_str_equal (object->type, "view"))
    return 1;
  if (g_str_equal (object->type, "index"))
    return 2;
  return 3;
}

/*
 * _aims_project_file_drop_extras:
 *
 * Drops the extra objects from a working copy (never an original): triggers
 * first, then views, indexes and tables, then checks that exactly our schema
 * is left.
 */
gboolean
_aims_project_file_drop_extras (sqlite3              *db,
                                const AimsSchemaDef  *def,
                                const char           *display,
                                GPtrArray            *extras,
                                GPtrArray            *warnings,
                                GError              **error)
{
  int rc;

  if (extras == NULL || extras->len == 0)
    return TRUE;

  rc = sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    goto failed;

  for (int pass = 0; pass < 4; pass++)
    {
      for (guint i = 0; i < extras->len; i++)
        {
          const AimsSchemaObject *extra = g_ptr_array_index (extras, i);
          g_autofree char *quoted = NULL;
          g_autofree char *sql = NULL;
          g_autofree char *type = NULL;

          if (drop_order (extra) != pass)
            continue;

          /* Automatic indexes, and indexes of extra tables, go with the table. */
          if (g_str_equal (extra->type, "index") &&
              (extra->sql == NULL || is_extra_table (extras, extra->tbl_name, extra->tbl_name_len)))
            continue;

          quoted = _aims_sqlite_quote (extra->name);
          type = g_ascii_strup (extra->type, -1);
          sql = g_strdup_printf ("DROP %s IF EXISTS %s", type, quoted);

          rc = sqlite3_exec (db, sql, NULL, NULL, NULL);
          if (rc != SQLITE_OK)
            {
              g_autofree char *described = describe_object (extra);
              g_autofree char *why = g_strdup_printf (_("%s cannot be removed safely"), described);

              sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
              return fail_unexpected (error, display, why);
            }
        }
    }

  rc = sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    goto failed;

  /* What is left must be exactly our schema. */
  {
    g_autoptr(GPtrArray) left = NULL;

    if (!_aims_project_file_check_db (db, def, display, AIMS_CHECK_NONE,
                                      AIMS_CHECK_PHASE_STRUCTURE, NULL, &left, error))
      return FALSE;
  }

  return TRUE;

failed:
  _aims_project_file_set_error (error, db, rc, display);
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

static char *
dup_text_column (sqlite3_stmt *stmt,
                 int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  if (text == NULL)
    return g_strdup ("");

  return g_utf8_make_valid (text, MIN (sqlite3_column_bytes (stmt, column), AIMS_TEXT_LIMIT_SHORT));
}

gboolean
_aims_project_file_read_info (sqlite3              *db,
                              AimsProjectFileInfo **info,
                              GError              **error)
{
  g_autoptr(AimsProjectFileInfo) result = g_new0 (AimsProjectFileInfo, 1);
  sqlite3_stmt *stmt = NULL;
  gint64 version = 0, n_systems = 0, n_changes = 0;
  int rc;

  if (!_aims_sqlite_query_int (db, "PRAGMA user_version", &version, error) ||
      !_aims_sqlite_query_int (db, "SELECT count(*) FROM change_log", &n_changes, error))
    return FALSE;

  if (version >= 2 &&
      !_aims_sqlite_query_int (db, "SELECT count(*) FROM ai_system", &n_systems, error))
    return FALSE;

  rc = sqlite3_prepare_v2 (db, "SELECT uuid, organisation, app_version FROM project LIMIT 1",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      _aims_sqlite_set_error (error, db, rc, _("Could not read the project"));
      sqlite3_finalize (stmt);
      return FALSE;
    }

  result->format_version = version;
  result->uuid = dup_text_column (stmt, 0);
  result->organisation = dup_text_column (stmt, 1);
  result->app_version = dup_text_column (stmt, 2);
  result->n_ai_systems = (guint) MIN (n_systems, G_MAXUINT);
  result->n_changes = (guint) MIN (n_changes, G_MAXUINT);
  sqlite3_finalize (stmt);

  *info = g_steal_pointer (&result);
  return TRUE;
}

static void
remember_checked (const char      *path,
                  int              fd,
                  AimsFingerprint *fingerprint)
{
  g_autofree char *canonical = realpath (path, NULL);
  struct stat st;

  /* The same inode still at the path, unchanged since before the checks. */
  if (canonical != NULL && fstat (fd, &st) == 0 &&
      _aims_fingerprint_same_stat (fingerprint, &st) &&
      _aims_fingerprint_read_digest (fingerprint, fd) &&
      g_stat (path, &st) == 0 && _aims_fingerprint_same_stat (fingerprint, &st))
    _aims_trust_cache_remember (canonical, fingerprint);
}

/**
 * aims_project_file_info_copy:
 * @info: a #AimsProjectFileInfo
 *
 * Returns: (transfer full): a copy of @info
 */
AimsProjectFileInfo *
aims_project_file_info_copy (const AimsProjectFileInfo *info)
{
  AimsProjectFileInfo *copy;

  g_return_val_if_fail (info != NULL, NULL);

  copy = g_memdup2 (info, sizeof *info);
  copy->uuid = g_strdup (info->uuid);
  copy->organisation = g_strdup (info->organisation);
  copy->app_version = g_strdup (info->app_version);

  return copy;
}

/**
 * aims_project_file_info_free:
 * @info: (nullable): a #AimsProjectFileInfo
 */
void
aims_project_file_info_free (AimsProjectFileInfo *info)
{
  if (info == NULL)
    return;

  g_free (info->uuid);
  g_free (info->organisation);
  g_free (info->app_version);
  g_free (info);
}

/**
 * aims_project_file_check_full:
 * @path: a file name
 * @flags: #AimsCheckFlags
 * @info: (out) (optional) (nullable): what the project holds, if sound
 * @warnings: (out) (optional) (nullable) (element-type utf8): things the
 *   person should know that do not prevent opening
 * @error: return location for a #GError in the %AIMS_FILE_ERROR domain
 *
 * Checks, without changing a byte of it or of anything beside it, that @path
 * is a sound AIMS project that this version can open. Nothing the file
 * contains is executed.
 *
 * Returns: %TRUE if the file can be opened
 */
gboolean
aims_project_file_check_full (const char           *path,
                              AimsCheckFlags        flags,
                              AimsProjectFileInfo **info,
                              GPtrArray           **warnings,
                              GError              **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *display = NULL;
  AimsFingerprint fingerprint = { 0 };
  struct stat st;
  sqlite3 *db;
  gboolean ok;
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);

  if (info != NULL)
    *info = NULL;
  if (warnings != NULL)
    *warnings = NULL;

  display = g_filename_display_name (path);

  /* Opened first, so what is remembered as checked is the file that was
   * there from before the checks to after them. */
  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK, 0);
  if (fd >= 0 && (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode)))
    {
      close (fd);
      fd = -1;
    }
  if (fd >= 0)
    _aims_fingerprint_init_stat (&fingerprint, &st);

  db = _aims_project_file_open_untrusted (path, display, TRUE, found, error);
  if (db == NULL)
    {
      if (fd >= 0)
        close (fd);
      return FALSE;
    }

  ok = _aims_project_file_check_db (db, _aims_schema_get_default (), display, flags,
                                    AIMS_CHECK_PHASE_ALL, found, NULL, error);

  if (ok && info != NULL && !_aims_project_file_read_info (db, info, NULL))
    {
      _aims_project_file_set_error (error, db, sqlite3_extended_errcode (db), display);
      ok = FALSE;
    }

  sqlite3_close (db);

  /* Checked in full and found sound, with nothing to warn about: opening it
   * needs no full check while it stays as it is. */
  if (ok && fd >= 0 && found->len == 0 && !_aims_project_file_has_side_files (path))
    remember_checked (path, fd, &fingerprint);
  if (fd >= 0)
    close (fd);

  if (ok && warnings != NULL)
    *warnings = g_steal_pointer (&found);

  return ok;
}

/**
 * aims_project_file_check:
 * @path: a file name
 * @flags: #AimsCheckFlags
 * @warnings: (out) (optional) (nullable) (element-type utf8): things the
 *   person should know that do not prevent opening
 * @error: return location for a #GError in the %AIMS_FILE_ERROR domain
 *
 * Like aims_project_file_check_full() without the summary.
 *
 * Returns: %TRUE if the file can be opened
 */
gboolean
aims_project_file_check (const char  *path,
                         AimsCheckFlags flags,
                         GPtrArray  **warnings,
                         GError     **error)
{
  return aims_project_file_check_full (path, flags, NULL, warnings, error);
}
