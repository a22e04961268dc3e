/* aims-file-error.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined(AIMS_CORE_INSIDE) && !defined(AIMS_CORE_COMPILATION)
# error "Only <aims-core.h> can be included directly."
#endif

#include <glib.h>

G_BEGIN_DECLS

#define AIMS_FILE_ERROR (aims_file_error_quark ())

/**
 * AimsFileError:
 * @AIMS_FILE_ERROR_NOT_FOUND: there is no file at the path
 * @AIMS_FILE_ERROR_IS_DIRECTORY: the path is a folder
 * @AIMS_FILE_ERROR_PERMISSION: the file cannot be read
 * @AIMS_FILE_ERROR_NOT_DATABASE: the file is not an SQLite database
 * @AIMS_FILE_ERROR_NOT_PROJECT: an SQLite database, but not an AIMS project
 * @AIMS_FILE_ERROR_NEWER_VERSION: made by a newer version (its file format is unknown)
 * @AIMS_FILE_ERROR_DAMAGED: the database is corrupt, truncated or inconsistent
 * @AIMS_FILE_ERROR_UNEXPECTED_CONTENT: the file holds values or definitions AIMS Workbench
 *   never writes (changed tables, oversized or invalid text, wrong value types)
 * @AIMS_FILE_ERROR_UNEXPECTED_OBJECTS: the file is a sound project except for extra
 *   triggers, views, tables or indexes; opening it with %AIMS_OPEN_ALLOW_EXTRA_OBJECTS
 *   removes them from the working copy (never from the file itself)
 * @AIMS_FILE_ERROR_IN_USE: the file is already open in AIMS Workbench
 * @AIMS_FILE_ERROR_READ_ONLY: the target folder or file is not writable
 * @AIMS_FILE_ERROR_NO_SPACE: the disk is full (or a file size limit was hit)
 * @AIMS_FILE_ERROR_SAVE_FAILED: any other failure while saving
 *
 * Why a project file could not be opened or saved. Every message names the
 * file and says what the person can do about it.
 */
typedef enum
{
  AIMS_FILE_ERROR_NOT_FOUND,
  AIMS_FILE_ERROR_IS_DIRECTORY,
  AIMS_FILE_ERROR_PERMISSION,
  AIMS_FILE_ERROR_NOT_DATABASE,
  AIMS_FILE_ERROR_NOT_PROJECT,
  AIMS_FILE_ERROR_NEWER_VERSION,
  AIMS_FILE_ERROR_DAMAGED,
  AIMS_FILE_ERROR_UNEXPECTED_CONTENT,
  AIMS_FILE_ERROR_UNEXPECTED_OBJECTS,
  AIMS_FILE_ERROR_IN_USE,
  AIMS_FILE_ERROR_READ_ONLY,
  AIMS_FILE_ERROR_NO_SPACE,
  AIMS_FILE_ERROR_SAVE_FAILED,
} AimsFileError;

GQuark aims_file_error_quark (void);

G_END_DECLS
