/* aims-test-util.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Helpers shared by the core tests. Header-only (static inline) because each
 * test is built from its one source file. */

#pragma once

#include <aims-core.h>

#include <errno.h>
#include <glib/gstdio.h>
#include <grp.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define AIMS_TEST_NOBODY 65534

/* Under AddressSanitizer: GLib is built without frame pointers, so the fast
 * unwinder stops at g_malloc() and leak reports (and lsan.supp) cannot see
 * who allocated. Only read by ASan builds; ASAN_OPTIONS still wins. */
const char *__asan_default_options (void);

const char *
__asan_default_options (void)
{
  return "fast_unwind_on_malloc=0";
}

/* A temporary folder every user can enter and read, so permission cases can
 * run as nobody when the tests run as root. */
static inline char *
aims_test_make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("aims-test-XXXXXX", &error);

  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  return dir;
}

/* Removes a tree, first giving back the permissions tests took away. */
static inline void
aims_test_remove_tree (const char *path)
{
  struct stat st;

  if (g_lstat (path, &st) != 0)
    return;

  if (S_ISDIR (st.st_mode))
    {
      g_autoptr(GDir) dir = NULL;
      const char *name;

      g_chmod (path, 0755);
      dir = g_dir_open (path, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          aims_test_remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

static inline char *
aims_test_sha256_file (const char *path)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GError) error = NULL;
  struct stat st;

  if (g_lstat (path, &st) != 0)
    return g_strdup ("(missing)");
  if (S_ISLNK (st.st_mode))
    {
      g_autofree char *target = g_file_read_link (path, NULL);

      return g_strdup_printf ("(link to %s)", target);
    }
  if (!S_ISREG (st.st_mode))
    return g_strdup_printf ("(mode %o)", st.st_mode);
  if (st.st_size == 0)
    return g_strdup ("(empty)");

  mapped = g_mapped_file_new (path, FALSE, &error);
  if (mapped == NULL)
    return g_strdup_printf ("(unreadable: %s)", error->message);

  g_checksum_update (checksum, (const guchar *) g_mapped_file_get_contents (mapped),
                     g_mapped_file_get_length (mapped));
  return g_strdup (g_checksum_get_string (checksum));
}

static inline int
aims_test_compare_lines (gconstpointer a,
                         gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Every name in @dir with its mode, size, mtime and SHA-256: two snapshots
 * are equal only if nothing in the folder was created, removed or changed. */
static inline char *
aims_test_snapshot_dir (const char *dir)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *sum = aims_test_sha256_file (path);
      struct stat st;

      g_assert_cmpint (g_lstat (path, &st), ==, 0);
      g_ptr_array_add (lines, g_strdup_printf ("%s mode=%o size=%" G_GINT64_FORMAT
                                               " mtime=%ld.%09ld %s",
                                               name, st.st_mode, (gint64) st.st_size,
                                               (long) st.st_mtim.tv_sec,
                                               (long) st.st_mtim.tv_nsec, sum));
    }

  g_ptr_array_sort (lines, aims_test_compare_lines);
  g_ptr_array_add (lines, NULL);
  return g_strjoinv ("\n", (char **) lines->pdata);
}

/* A hash table for aims_store_insert() from name/value pairs ending in NULL;
 * the values are GVariants (floating ones are sunk). */
static inline GHashTable *
aims_test_values (const char *first_field,
                  ...)
{
  GHashTable *values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                              (GDestroyNotify) g_variant_unref);
  va_list args;

  va_start (args, first_field);
  for (const char *field = first_field; field != NULL; field = va_arg (args, const char *))
    g_hash_table_insert (values, (gpointer) field, g_variant_ref_sink (va_arg (args, GVariant *)));
  va_end (args);

  return values;
}

static inline char *
aims_test_add_system (AimsStore  *store,
                      const char *reference,
                      const char *name)
{
  g_autoptr(GHashTable) values = aims_test_values ("reference", g_variant_new_string (reference),
                                                   "name", g_variant_new_string (name),
                                                   NULL);
  g_autoptr(GError) error = NULL;
  char *uuid = aims_store_insert (store, "ai_system", values, &error);

  g_assert_no_error (error);
  g_assert_nonnull (uuid);
  return uuid;
}

/* Writes a small, valid project to @path through the public API. */
static inline void
aims_test_write_project (const char *path,
                         guint       n_systems)
{
  g_autoptr(AimsDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *project = NULL;
  AimsStore *store;

  document = aims_document_new_untitled ("Test Author", &error);
  g_assert_no_error (error);
  store = aims_document_get_store (document);
  project = aims_store_dup_project_uuid (store);

  g_assert_true (aims_store_update (store, "project", project, "organisation",
                                    g_variant_new_string ("Contoso Assurance"), &error));
  g_assert_no_error (error);
  g_assert_true (aims_store_update (store, "project", project, "scope",
                                    g_variant_new_string ("All AI systems of Contoso."), &error));
  g_assert_no_error (error);

  for (guint i = 0; i < n_systems; i++)
    {
      g_autofree char *reference = g_strdup_printf ("SYS-%03u", i + 1);
      g_autofree char *name = g_strdup_printf ("System %u", i + 1);
      g_autofree char *uuid = aims_test_add_system (store, reference, name);
    }

  g_assert_true (aims_document_save_as (document, file, &error));
  g_assert_no_error (error);
  aims_document_close (document);
}

static inline guint
aims_test_count_working_copies (void)
{
  g_autofree char *root = g_build_filename (g_get_user_state_dir (),
                                           "aims-workbench", "working", NULL);
  g_autoptr(GDir) dir = g_dir_open (root, 0, NULL);
  guint count = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    count++;

  return count;
}

static inline gboolean
aims_test_chown_tree (const char *path,
                      uid_t       uid,
                      gid_t       gid)
{
  struct stat st;
  gboolean ok;

  if (g_lstat (path, &st) != 0)
    return FALSE;

  ok = lchown (path, uid, gid) == 0;
  if (S_ISDIR (st.st_mode))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          ok = aims_test_chown_tree (child, uid, gid) && ok;
        }
    }

  return ok;
}

/* Root ignores file permissions, so permission cases run as nobody. Lets
 * nobody use the test's isolated state folder, then switches for good.
 * Only ever call this in a forked child. */
static inline gboolean
aims_test_become_nobody (void)
{
  const char *state = g_get_user_state_dir ();
  const char *tmp = g_get_tmp_dir ();
  g_autofree char *dir = g_strdup (state);

  g_mkdir_with_parents (state, 0700);
  if (!aims_test_chown_tree (state, AIMS_TEST_NOBODY, AIMS_TEST_NOBODY))
    return FALSE;

  /* Open up the path from the test's temporary root down to the state dir. */
  while (g_str_has_prefix (dir, tmp) && strlen (dir) > strlen (tmp) + 1)
    {
      char *parent = g_path_get_dirname (dir);

      g_free (dir);
      dir = parent;
      if (strlen (dir) > strlen (tmp) + 1)
        g_chmod (dir, 0755);
    }

  return setgroups (0, NULL) == 0 &&
         setgid (AIMS_TEST_NOBODY) == 0 &&
         setuid (AIMS_TEST_NOBODY) == 0 &&
         geteuid () == AIMS_TEST_NOBODY;
}

/* fork(), giving the child its own random numbers: GLib's generator (used
 * for UUIDs) would otherwise repeat the parent's sequence in every child. */
static inline pid_t
aims_test_fork (void)
{
  pid_t pid = fork ();

  if (pid == 0)
    g_random_set_seed ((guint32) (getpid () ^ g_get_monotonic_time ()));

  return pid;
}

/* Runs @func in a child process, as nobody when the tests run as root.
 * Returns FALSE (and marks the test skipped) if the switch is impossible. */
static inline gboolean
aims_test_run_unprivileged (void     (*func) (gpointer data),
                            gpointer   data)
{
  int status = 0;
  pid_t pid;

  if (geteuid () != 0)
    {
      func (data);
      return TRUE;
    }

  pid = aims_test_fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      if (!aims_test_become_nobody ())
        _exit (77);
      func (data);
      _exit (0);
    }

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  if (WIFEXITED (status) && WEXITSTATUS (status) == 77)
    {
      g_test_skip ("Running as root and could not switch to the user nobody (65534)");
      return FALSE;
    }

  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    g_error ("The unprivileged part of the test failed (status %d)", status);

  return TRUE;
}

/* Runs `$AIMS_CLI ARGS…` and returns its exit status. */
static inline int
aims_test_run_cli (char       **out,
                   char       **err,
                   const char  *first_arg,
                   ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = NULL;
  g_autofree char *captured_out = NULL;
  g_autofree char *captured_err = NULL;
  const char *cli = g_getenv ("AIMS_CLI");
  va_list args;
  int status = 0;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (char *) cli);
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  /* GLib isolates the test's folders in-process only: hand them down. */
  envp = g_get_environ ();
  envp = g_environ_setenv (envp, "XDG_STATE_HOME", g_get_user_state_dir (), TRUE);
  envp = g_environ_setenv (envp, "XDG_CONFIG_HOME", g_get_user_config_dir (), TRUE);
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  envp = g_environ_setenv (envp, "XDG_CACHE_HOME", g_get_user_cache_dir (), TRUE);

  /* Always capture: anything on our stdout would corrupt the TAP stream. */
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                               &captured_out, &captured_err, &status, &error));
  if (out != NULL)
    *out = g_steal_pointer (&captured_out);
  if (err != NULL)
    *err = g_steal_pointer (&captured_err);
  g_assert_no_error (error);
  if (!WIFEXITED (status))
    g_error ("aims %s did not exit normally (status %d)", first_arg, status);

  return WEXITSTATUS (status);
}
/* A list of @n new, plain objects: the rows of a list model under test */
static inline GListStore *
aims_test_new_object_store (guint n)
{
  GListStore *store = g_list_store_new (G_TYPE_OBJECT);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_object_new (G_TYPE_OBJECT, NULL);

      g_list_store_append (store, item);
    }

  return store;
}

