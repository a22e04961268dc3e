/* aims-document-check.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aims-document"

#include "config.h"

#include "aims-document-private.h"
#include "aims-file-error.h"
#include "aims-project-file-private.h"
#include "aims-schema-private.h"

#include <sqlite3.h>

/*
 * The full check of a file from elsewhere, deferred.
 *
 * Checking every value, the database's integrity and its links reads the
 * whole file: seconds for a large project. Opened with AIMS_OPEN_DEFER_CHECK,
 * a document has passed only the cheap checks (path, header,
 * application_id, format, exactly our schema, no triggers or views) and is
 * read-only: its store refuses every write, Save and Save As are refused.
 * Meanwhile its records can be looked at; every read of the store is
 * bounded and SQLite, hardened, answers a damaged page with an error, not a
 * crash. The rest of the check runs here, on the working copy, on a
 * connection of its own, as hardened as the one that checks an original.
 *
 * If it passes, the document becomes editable and the file is remembered as
 * checked. If it fails, the error is the same refusal opening would have
 * given, and the caller closes the document: nothing has been written
 * anywhere but to the working copy, which closing deletes.
 */

typedef struct
{
  char           *path;
  char           *display;
  AimsCheckFlags  flags;
} CheckData;

static void
check_data_free (CheckData *data)
{
  g_free (data->path);
  g_free (data->display);
  g_free (data);
}

static int
progress_cb (void *user_data)
{
  return g_cancellable_is_cancelled (user_data);
}

/* Runs in any thread: touches nothing but its own connection. */
static gboolean
run_check (const CheckData  *data,
           GCancellable     *cancellable,
           GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  sqlite3 *db;
  gboolean ok;

  db = _aims_project_file_open_untrusted (data->path, data->display, FALSE, NULL, error);
  if (db == NULL)
    return FALSE;

  /* Closing the document stops the check within a few thousand steps */
  if (cancellable != NULL)
    sqlite3_progress_handler (db, 10000, progress_cb, cancellable);

  ok = _aims_project_file_check_db (db, _aims_schema_get_default (), data->display, data->flags,
                                    AIMS_CHECK_PHASE_CONTENT, NULL, NULL, &local_error);
  sqlite3_close (db);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  if (!ok)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

static CheckData *
check_data_new (AimsDocument  *self,
                GCancellable **document_cancellable)
{
  CheckData data = { 0 };

  data.path = _aims_document_dup_check_target (self, &data.display, &data.flags,
                                               document_cancellable);
  if (data.path == NULL)
    return NULL;

  return g_memdup2 (&data, sizeof data);
}

/**
 * aims_document_check:
 * @self: a #AimsDocument opened with %AIMS_OPEN_DEFER_CHECK
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError, usually %AIMS_FILE_ERROR
 *
 * Runs the rest of the full check now. On success the document is editable
 * (#AimsDocument:checking turns %FALSE); on failure it stays read-only and
 * should be closed: @error says why the file cannot be opened. Returns %TRUE
 * at once if nothing is left to check.
 *
 * Returns: %TRUE if the file passed
 */
gboolean
aims_document_check (AimsDocument  *self,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GCancellable) document_cancellable = NULL;
  CheckData *data;
  gboolean ok;

  g_return_val_if_fail (AIMS_IS_DOCUMENT (self), FALSE);

  data = check_data_new (self, &document_cancellable);
  if (data == NULL)
    return TRUE;

  ok = run_check (data, cancellable != NULL ? cancellable : document_cancellable, error);
  check_data_free (data);

  if (ok)
    _aims_document_check_passed (self);
  return ok;
}

static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GError *error = NULL;

  if (run_check (task_data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

typedef struct
{
  GTask        *outer;
  GCancellable *cancellable;
  gulong        handler;
} Pending;

static void
on_cancelled_cb (GCancellable *cancellable,
                 GCancellable *inner)
{
  g_cancellable_cancel (inner);
}

/* Back in the main context: only here does the document change. */
static void
on_checked_cb (GObject      *source_object,
               GAsyncResult *result,
               gpointer      user_data)
{
  AimsDocument *self = AIMS_DOCUMENT (source_object);
  Pending *pending = user_data;
  GError *error = NULL;

  if (pending->handler != 0)
    g_cancellable_disconnect (g_task_get_cancellable (pending->outer), pending->handler);

  if (g_task_propagate_boolean (G_TASK (result), &error))
    {
      _aims_document_check_passed (self);
      g_task_return_boolean (pending->outer, TRUE);
    }
  else
    g_task_return_error (pending->outer, error);

  g_object_unref (pending->outer);
  g_object_unref (pending->cancellable);
  g_free (pending);
}

/**
 * aims_document_check_async:
 * @self: a #AimsDocument opened with %AIMS_OPEN_DEFER_CHECK
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the check is done
 * @user_data: data for @callback
 *
 * Like aims_document_check(), in a worker thread. Closing the document
 * cancels it. The document changes only when @callback runs.
 */
void
aims_document_check_async (AimsDocument        *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) outer = NULL;
  g_autoptr(GTask) inner = NULL;
  GCancellable *document_cancellable = NULL;
  CheckData *data;
  Pending *pending;

  g_return_if_fail (AIMS_IS_DOCUMENT (self));

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, aims_document_check_async);

  data = check_data_new (self, &document_cancellable);
  if (data == NULL)
    {
      g_task_return_boolean (outer, TRUE);
      return;
    }

  /* Either the caller or closing the document stops the check */
  pending = g_new0 (Pending, 1);
  pending->outer = g_object_ref (outer);
  pending->cancellable = document_cancellable;
  if (cancellable != NULL)
    pending->handler = g_cancellable_connect (cancellable, G_CALLBACK (on_cancelled_cb),
                                              g_object_ref (document_cancellable),
                                              g_object_unref);

  inner = g_task_new (self, document_cancellable, on_checked_cb, pending);
  g_task_set_source_tag (inner, aims_document_check_async);
  g_task_set_task_data (inner, data, (GDestroyNotify) check_data_free);
  g_task_run_in_thread (inner, check_thread);
}

/**
 * aims_document_check_finish:
 * @self: a #AimsDocument
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the file passed; %FALSE with @error if it was refused
 *   (close the document) or the check was cancelled
 */
gboolean
aims_document_check_finish (AimsDocument  *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (AIMS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
