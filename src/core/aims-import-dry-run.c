/* aims-import-dry-run.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aims-import"

#include "config.h"

#include "aims-import.h"

#include "aims-sqlite-private.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <unistd.h>

/*
 * The dry run of an import in a worker thread, for the import assistant: a
 * dry run of 100,000 rows takes seconds, and a window must not freeze
 * that long.
 *
 * A store is not shared between threads, and the project's store is the
 * main thread's. So the worker opens a connection of its own to the
 * project's working copy, read-only, copies it with SQLite's backup API
 * into a temporary file (a consistent copy, whatever the main thread does
 * meanwhile: the working copy is in WAL mode), opens that copy as a store
 * of its own, runs aims_import_run() on it with @dry_run, and deletes it.
 * The calling thread only makes a temporary file's name. The worker works
 * on a copy of the mapping; the sheet is only read, by both threads. A
 * dry run leaves the project as it was, so what it finds in the copy is
 * what it would find in the project.
 */

typedef struct
{
  char              *source;   /* the project's working copy */
  char              *path;     /* the copy; deleted with the task */
  char              *author;
  AimsSheet         *sheet;    /* read only */
  AimsImportMapping *mapping;  /* the worker's own */
} DryRun;

static void
dry_run_free (gpointer data)
{
  DryRun *dry_run = data;

  if (dry_run->path != NULL)
    {
      g_autofree char *wal = g_strconcat (dry_run->path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (dry_run->path, "-shm", NULL);

      g_unlink (wal);
      g_unlink (shm);
      g_unlink (dry_run->path);
    }
  g_free (dry_run->source);
  g_free (dry_run->path);
  g_free (dry_run->author);
  g_clear_object (&dry_run->sheet);
  g_clear_object (&dry_run->mapping);
  g_free (dry_run);
}

static gboolean
copy_project (DryRun  *dry_run,
              GError **error)
{
  sqlite3 *source = NULL;
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  gboolean ok = FALSE;
  int rc;

  rc = sqlite3_open_v2 (dry_run->source, &source, SQLITE_OPEN_READONLY | SQLITE_OPEN_EXRESCODE,
                        NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_busy_timeout (source, 2000);
      rc = sqlite3_open_v2 (dry_run->path, &dest,
                            SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_EXRESCODE,
                            NULL);
    }
  if (rc != SQLITE_OK)
    {
      _aims_sqlite_set_error (error, dest != NULL ? dest : source, rc,
                              _("Could not copy the project for the dry run"));
      goto out;
    }

  backup = sqlite3_backup_init (dest, "main", source, "main");
  if (backup == NULL)
    {
      _aims_sqlite_set_error (error, dest, sqlite3_extended_errcode (dest),
                              _("Could not copy the project for the dry run"));
      goto out;
    }
  rc = sqlite3_backup_step (backup, -1);
  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    {
      _aims_sqlite_set_error (error, dest, rc, _("Could not copy the project for the dry run"));
      goto out;
    }
  ok = TRUE;

out:
  sqlite3_close (dest);
  sqlite3_close (source);
  return ok;
}

static void
dry_run_in_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  DryRun *dry_run = task_data;
  g_autoptr(AimsStore) store = NULL;
  g_autoptr(GError) error = NULL;
  AimsImportResult *result;

  if (!copy_project (dry_run, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    return;

  store = aims_store_new (dry_run->path, dry_run->author, &error);
  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  result = aims_import_run (store, dry_run->sheet, dry_run->mapping, TRUE, &error);
  if (result == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, result, g_object_unref);
}

/**
 * aims_import_dry_run_async:
 * @store: the project
 * @sheet: the rows; the first is the header. Only read, also while the
 *   worker runs
 * @mapping: which column fills which field; later changes to it do not
 *   reach this dry run
 * @cancellable: (nullable): a #GCancellable; cancelling it answers at once
 *   with %G_IO_ERROR_CANCELLED
 * @callback: called on the calling thread's main context
 * @user_data: for @callback
 *
 * As aims_import_run() with @dry_run, in a worker thread, on a copy of the
 * project the worker makes. Finish with aims_import_dry_run_finish().
 */
void
aims_import_dry_run_async (AimsStore           *store,
                           AimsSheet           *sheet,
                           AimsImportMapping   *mapping,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  DryRun *dry_run;
  int fd;

  g_return_if_fail (AIMS_IS_STORE (store));
  g_return_if_fail (AIMS_IS_SHEET (sheet));
  g_return_if_fail (AIMS_IS_IMPORT_MAPPING (mapping));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, aims_import_dry_run_async);
  g_task_set_name (task, "[aims] import dry run");

  if (aims_store_get_read_only (store))
    {
      g_task_return_new_error (task, AIMS_STORE_ERROR, AIMS_STORE_ERROR_READ_ONLY,
                               _("The project is open read-only; nothing can be imported into it."));
      return;
    }

  dry_run = g_new0 (DryRun, 1);
  g_task_set_task_data (task, dry_run, dry_run_free);

  fd = g_file_open_tmp ("aims-import-dry-run-XXXXXX.db", &dry_run->path, &error);
  if (fd < 0)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  close (fd);

  dry_run->source = g_strdup (aims_store_get_filename (store));
  dry_run->author = g_strdup (aims_store_get_author (store));
  dry_run->sheet = g_object_ref (sheet);
  dry_run->mapping = aims_import_mapping_copy (mapping);

  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, dry_run_in_thread);
}

/**
 * aims_import_dry_run_finish:
 * @result: the #GAsyncResult of aims_import_dry_run_async()
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): what the import would do, as
 *   aims_import_run() returns it
 */
AimsImportResult *
aims_import_dry_run_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
