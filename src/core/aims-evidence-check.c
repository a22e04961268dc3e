/* aims-evidence-check.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A control's file evidence, read off the main thread: the SHA-256 of a
 * file about to be recorded, and the files recorded before compared with
 * the SHA-256 they had then (matches, changed, missing). Reading a large
 * file or a slow network share must not freeze the window, and a person
 * who leaves the control's page cancels the work. */

#define G_LOG_DOMAIN "aims-evidence"

#include "config.h"

#include "aims-soa.h"

/**
 * aims_evidence_copy:
 * @evidence: a piece of evidence
 *
 * Returns: (transfer full): a copy of @evidence
 */
AimsEvidence *
aims_evidence_copy (const AimsEvidence *evidence)
{
  AimsEvidence *copy;

  g_return_val_if_fail (evidence != NULL, NULL);

  copy = g_new0 (AimsEvidence, 1);
  copy->uuid = g_strdup (evidence->uuid);
  copy->kind = g_strdup (evidence->kind);
  copy->title = g_strdup (evidence->title);
  copy->location = g_strdup (evidence->location);
  copy->sha256 = g_strdup (evidence->sha256);
  copy->date = g_strdup (evidence->date);

  return copy;
}

/**
 * aims_evidence_check:
 * @evidence: a piece of evidence
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError: why a file is
 *   %AIMS_EVIDENCE_UNREADABLE, or that the check was cancelled
 *
 * Reads a file recorded as evidence and compares its SHA-256 with the one
 * recorded. Blocks while the file is read: run it in a thread (see
 * aims_evidence_check_async()).
 *
 * Returns: what was found; %AIMS_EVIDENCE_NOT_CHECKED for a link, or when
 *   cancelled (with @error set)
 */
AimsEvidenceState
aims_evidence_check (const AimsEvidence  *evidence,
                     GCancellable        *cancellable,
                     GError             **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *sha256 = NULL;

  g_return_val_if_fail (evidence != NULL, AIMS_EVIDENCE_NOT_CHECKED);

  if (g_strcmp0 (evidence->kind, "file") != 0 || evidence->location == NULL ||
      evidence->location[0] == '\0')
    return AIMS_EVIDENCE_NOT_CHECKED;

  file = g_file_parse_name (evidence->location);
  sha256 = aims_file_compute_sha256 (file, cancellable, &local_error);
  if (sha256 != NULL)
    return g_ascii_strcasecmp (sha256, evidence->sha256) == 0 ? AIMS_EVIDENCE_MATCHES
                                                             : AIMS_EVIDENCE_CHANGED;

  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return AIMS_EVIDENCE_NOT_CHECKED;
    }

  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) ||
      g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY))
    return AIMS_EVIDENCE_MISSING;

  g_propagate_error (error, g_steal_pointer (&local_error));
  return AIMS_EVIDENCE_UNREADABLE;
}

static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GPtrArray *evidence = task_data;
  g_autoptr(GArray) states = g_array_sized_new (FALSE, TRUE, sizeof (AimsEvidenceState),
                                                evidence->len);

  for (guint i = 0; i < evidence->len; i++)
    {
      g_autoptr(GError) error = NULL;
      AimsEvidenceState state = aims_evidence_check (g_ptr_array_index (evidence, i),
                                                     cancellable, &error);

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      g_array_append_val (states, state);
    }

  g_task_return_pointer (task, g_steal_pointer (&states), (GDestroyNotify) g_array_unref);
}

/**
 * aims_evidence_check_async:
 * @evidence: (element-type AimsEvidence): the evidence to check, as
 *   aims_soa_list_evidence() returns it; copied
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the thread-default main context when done
 * @user_data: for @callback
 *
 * Checks every piece of @evidence in a worker thread (aims_evidence_check()).
 * Finish with aims_evidence_check_finish().
 */
void
aims_evidence_check_async (GPtrArray           *evidence,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GPtrArray *copy;

  g_return_if_fail (evidence != NULL);

  copy = g_ptr_array_new_full (evidence->len, (GDestroyNotify) aims_evidence_free);
  for (guint i = 0; i < evidence->len; i++)
    g_ptr_array_add (copy, aims_evidence_copy (g_ptr_array_index (evidence, i)));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, aims_evidence_check_async);
  g_task_set_task_data (task, copy, (GDestroyNotify) g_ptr_array_unref);
  g_task_run_in_thread (task, check_thread);
}

/**
 * aims_evidence_check_finish:
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type AimsEvidenceState) (nullable): what
 *   was found, one state per piece of evidence in the order given; %NULL if
 *   cancelled
 */
GArray *
aims_evidence_check_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == aims_evidence_check_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
sha256_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GError *error = NULL;
  char *sha256 = aims_file_compute_sha256 (task_data, cancellable, &error);

  if (sha256 == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, sha256, g_free);
}

/**
 * aims_file_compute_sha256_async:
 * @file: a file
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the thread-default main context when done
 * @user_data: for @callback
 *
 * aims_file_compute_sha256() in a worker thread. Finish with
 * aims_file_compute_sha256_finish().
 */
void
aims_file_compute_sha256_async (GFile               *file,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, aims_file_compute_sha256_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, sha256_thread);
}

/**
 * aims_file_compute_sha256_finish:
 * @result: the result given to the callback
 * @error: return location for a #GError: why the file could not be read
 *
 * Returns: (transfer full) (nullable): the SHA-256 of the file's contents,
 *   as 64 lowercase hexadecimal digits
 */
char *
aims_file_compute_sha256_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        aims_file_compute_sha256_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
