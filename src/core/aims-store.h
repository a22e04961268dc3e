/* aims-store.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined(AIMS_CORE_INSIDE) && !defined(AIMS_CORE_COMPILATION)
# error "Only <aims-core.h> can be included directly."
#endif

#include <gio/gio.h>

#include "aims-matrix.h"

G_BEGIN_DECLS

#define AIMS_STORE_ERROR (aims_store_error_quark ())

/**
 * AimsStoreError:
 * @AIMS_STORE_ERROR_FAILED: an internal failure; the message says what
 * @AIMS_STORE_ERROR_NOT_FOUND: there is no record with that identifier
 * @AIMS_STORE_ERROR_UNKNOWN_FIELD: the table or field is not part of the file
 *   format, or cannot be written by edits
 * @AIMS_STORE_ERROR_INVALID_VALUE: wrong type, too long, not an allowed value,
 *   or not valid JSON
 * @AIMS_STORE_ERROR_CONSTRAINT: the change would break a rule of the data,
 *   such as two records with the same reference
 * @AIMS_STORE_ERROR_READ_ONLY: the project is open as a read-only view, or the
 *   working copy cannot be written
 * @AIMS_STORE_ERROR_BUSY: the database is locked by someone else
 * @AIMS_STORE_ERROR_NO_SPACE: the disk is full
 * @AIMS_STORE_ERROR_IO: the disk reported an error
 * @AIMS_STORE_ERROR_CORRUPT: the working copy is damaged
 * @AIMS_STORE_ERROR_NOTHING_TO_UNDO: undo or redo with an empty stack
 * @AIMS_STORE_ERROR_GROUP_OPEN: the operation needs all groups to be ended
 *
 * Failures of the store. Database failures are mapped from
 * sqlite3_extended_errcode().
 */
typedef enum
{
  AIMS_STORE_ERROR_FAILED,
  AIMS_STORE_ERROR_NOT_FOUND,
  AIMS_STORE_ERROR_UNKNOWN_FIELD,
  AIMS_STORE_ERROR_INVALID_VALUE,
  AIMS_STORE_ERROR_CONSTRAINT,
  AIMS_STORE_ERROR_READ_ONLY,
  AIMS_STORE_ERROR_BUSY,
  AIMS_STORE_ERROR_NO_SPACE,
  AIMS_STORE_ERROR_IO,
  AIMS_STORE_ERROR_CORRUPT,
  AIMS_STORE_ERROR_NOTHING_TO_UNDO,
  AIMS_STORE_ERROR_GROUP_OPEN,
} AimsStoreError;

GQuark aims_store_error_quark (void);

#define AIMS_TYPE_STORE (aims_store_get_type ())

G_DECLARE_FINAL_TYPE (AimsStore, aims_store, AIMS, STORE, GObject)

AimsStore   *aims_store_new                (const char   *filename,
                                            const char   *author,
                                            GError      **error);
const char  *aims_store_get_filename       (AimsStore    *self);
const char  *aims_store_get_author         (AimsStore    *self);
void         aims_store_set_author         (AimsStore    *self,
                                            const char   *author);
gboolean     aims_store_get_read_only      (AimsStore    *self);

char        *aims_store_insert             (AimsStore    *self,
                                            const char   *table,
                                            GHashTable   *values,
                                            GError      **error);
gboolean     aims_store_update             (AimsStore    *self,
                                            const char   *table,
                                            const char   *uuid,
                                            const char   *field,
                                            GVariant     *value,
                                            GError      **error);
gboolean     aims_store_delete             (AimsStore    *self,
                                            const char   *table,
                                            const char   *uuid,
                                            GError      **error);
void         aims_store_begin_group        (AimsStore    *self,
                                            const char   *label);
gboolean     aims_store_end_group          (AimsStore    *self,
                                            GError      **error);
void         aims_store_abort_group        (AimsStore    *self);

GVariant    *aims_store_get                (AimsStore    *self,
                                            const char   *table,
                                            const char   *uuid,
                                            const char   *field,
                                            GError      **error);
char        *aims_store_dup_text           (AimsStore    *self,
                                            const char   *table,
                                            const char   *uuid,
                                            const char   *field,
                                            GError      **error);
char        *aims_store_dup_project_uuid   (AimsStore    *self);
guint        aims_store_count              (AimsStore    *self,
                                            const char   *table);
char       **aims_store_dup_uuids          (AimsStore    *self,
                                            const char   *table,
                                            GError      **error);
gint64       aims_store_get_last_change_id (AimsStore    *self);

gboolean     aims_store_undo               (AimsStore    *self,
                                            GError      **error);
gboolean     aims_store_redo               (AimsStore    *self,
                                            GError      **error);
gboolean     aims_store_get_can_undo       (AimsStore    *self);
gboolean     aims_store_get_can_redo       (AimsStore    *self);
char        *aims_store_dup_undo_label     (AimsStore    *self);
char        *aims_store_dup_redo_label     (AimsStore    *self);

GListModel  *aims_store_list_history       (AimsStore    *self,
                                            const char   *uuid);

char        *aims_store_next_reference     (AimsStore    *self,
                                            const char   *table);
char        *aims_store_duplicate          (AimsStore    *self,
                                            const char   *table,
                                            const char   *uuid,
                                            GError      **error);

AimsMatrix  *aims_store_load_matrix        (AimsStore    *self,
                                            GError      **error);
AimsMatrix  *aims_store_dup_matrix         (AimsStore    *self);
gboolean     aims_store_set_matrix         (AimsStore    *self,
                                            AimsMatrix   *matrix,
                                            GError      **error);

G_END_DECLS
