/* aims-store-matrix.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aims-store"

#include "config.h"

#include "aims-store-private.h"

#include <glib/gi18n.h>

/*
 * The project's risk matrix, kept as JSON in the `matrix` column of the
 * project row. It is read back through aims_matrix_new_from_json(), which
 * treats it as untrusted (the file may come from another organisation), and
 * written through aims_store_update(), so a change of matrix is logged and
 * undone like any other edit.
 */

/**
 * aims_store_load_matrix:
 * @self: a #AimsStore
 * @error: return location for a #GError
 *
 * Reads the project's risk matrix. A project that has never set one uses
 * the 5×5 preset. A stored matrix that cannot be read, or that breaks a
 * rule of matrices, is an error (%AIMS_MATRIX_ERROR, or %AIMS_STORE_ERROR
 * if the project itself cannot be read), so that the GUI can say so.
 *
 * Returns: (transfer full) (nullable): the matrix, or %NULL on error
 */
AimsMatrix *
aims_store_load_matrix (AimsStore  *self,
                        GError    **error)
{
  g_autoptr(GVariant) value = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *project = NULL;
  const char *json;

  g_return_val_if_fail (AIMS_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  project = aims_store_dup_project_uuid (self);
  if (project == NULL)
    {
      g_set_error (error, AIMS_STORE_ERROR, AIMS_STORE_ERROR_NOT_FOUND,
                   _("The project has no settings, so it has no risk matrix."));
      return NULL;
    }

  value = aims_store_get (self, "project", project, "matrix", &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (value == NULL || !g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    return aims_matrix_new_preset (AIMS_MATRIX_PRESET_5X5);

  json = g_variant_get_string (value, NULL);
  if (json[0] == '\0')
    return aims_matrix_new_preset (AIMS_MATRIX_PRESET_5X5);

  return aims_matrix_new_from_json (json, error);
}

/**
 * aims_store_dup_matrix:
 * @self: a #AimsStore
 *
 * The project's risk matrix, or the 5×5 preset if the project has none or
 * its stored matrix cannot be used. Use aims_store_load_matrix() to learn
 * whether the stored matrix was refused.
 *
 * Returns: (transfer full): a valid matrix
 */
AimsMatrix *
aims_store_dup_matrix (AimsStore *self)
{
  g_autoptr(GError) error = NULL;
  AimsMatrix *matrix;

  g_return_val_if_fail (AIMS_IS_STORE (self), NULL);

  matrix = aims_store_load_matrix (self, &error);
  if (matrix == NULL)
    {
      g_debug ("Using the default risk matrix: %s", error->message);
      matrix = aims_matrix_new_preset (AIMS_MATRIX_PRESET_5X5);
    }

  return matrix;
}

/**
 * aims_store_set_matrix:
 * @self: a #AimsStore
 * @matrix: the new risk matrix
 * @error: return location for a #GError
 *
 * Validates @matrix and makes it the project's matrix, as one undo step
 * "Change the risk matrix" recorded in the change log. An invalid matrix
 * changes nothing and is refused with its %AIMS_MATRIX_ERROR.
 *
 * Returns: %TRUE on success
 */
gboolean
aims_store_set_matrix (AimsStore   *self,
                       AimsMatrix  *matrix,
                       GError     **error)
{
  g_autoptr(AimsMatrix) old_matrix = NULL;
  g_autofree char *project = NULL;
  g_autofree char *json = NULL;

  g_return_val_if_fail (AIMS_IS_STORE (self), FALSE);
  g_return_val_if_fail (AIMS_IS_MATRIX (matrix), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!aims_matrix_validate (matrix, error))
    return FALSE;

  project = aims_store_dup_project_uuid (self);
  if (project == NULL)
    {
      g_set_error (error, AIMS_STORE_ERROR, AIMS_STORE_ERROR_NOT_FOUND,
                   _("The project has no settings, so its risk matrix cannot be changed."));
      return FALSE;
    }

  json = aims_matrix_to_json (matrix);
  old_matrix = aims_store_dup_matrix (self);

  aims_store_begin_group (self, _("Change the risk matrix"));

  if (!aims_store_update (self, "project", project, "matrix",
                          g_variant_new_string (json), error))
    {
      aims_store_abort_group (self);
      return FALSE;
    }

  /* Every risk's scores move to the new steps and its levels and next
   * review follow, in this same group: one undo restores the matrix, the
   * scores and the levels together. */
  if (!_aims_store_remap_scores (self, old_matrix, matrix, error))
    {
      aims_store_abort_group (self);
      return FALSE;
    }

  return aims_store_end_group (self, error);
}
