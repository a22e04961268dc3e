/* aims-document.h
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

#include "aims-store.h"

G_BEGIN_DECLS

/**
 * AimsOpenFlags:
 * @AIMS_OPEN_NONE: open for editing; fails with %AIMS_FILE_ERROR_IN_USE if
 *   the file is open elsewhere
 * @AIMS_OPEN_READ_ONLY: open a read-only view (no lock is taken; every edit
 *   fails; Save is refused, Save As makes an editable copy)
 * @AIMS_OPEN_ALLOW_EXTRA_OBJECTS: open a file with extra triggers, views,
 *   tables or indexes; they are left out of the working copy and listed in
 *   the warnings
 * @AIMS_OPEN_FULL_CHECK: check every value even of a file this program
 *   saved or checked before and that has not changed since
 * @AIMS_OPEN_DEFER_CHECK: check only the header and the schema of a file
 *   that needs the full check now; the document is then read-only and
 *   #AimsDocument:checking until aims_document_check() or
 *   aims_document_check_async() has checked every value
 */
typedef enum
{
  AIMS_OPEN_NONE                = 0,
  AIMS_OPEN_READ_ONLY           = 1 << 0,
  AIMS_OPEN_ALLOW_EXTRA_OBJECTS = 1 << 1,
  AIMS_OPEN_FULL_CHECK          = 1 << 2,
  AIMS_OPEN_DEFER_CHECK         = 1 << 3,
} AimsOpenFlags;

#define AIMS_TYPE_DOCUMENT (aims_document_get_type ())

G_DECLARE_FINAL_TYPE (AimsDocument, aims_document, AIMS, DOCUMENT, GObject)

AimsDocument *aims_document_new_untitled         (const char           *author,
                                                  GError              **error);
AimsDocument *aims_document_open                 (GFile                *file,
                                                  AimsOpenFlags         flags,
                                                  const char           *author,
                                                  GError              **error);
void          aims_document_open_async           (GFile                *file,
                                                  AimsOpenFlags         flags,
                                                  const char           *author,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
AimsDocument *aims_document_open_finish          (GAsyncResult         *result,
                                                  GError              **error);
gboolean      aims_document_save                 (AimsDocument         *self,
                                                  GError              **error);
gboolean      aims_document_save_as              (AimsDocument         *self,
                                                  GFile                *target,
                                                  GError              **error);
void          aims_document_close                (AimsDocument         *self);

GFile        *aims_document_get_file             (AimsDocument         *self);
AimsStore    *aims_document_get_store            (AimsDocument         *self);
gboolean      aims_document_get_modified         (AimsDocument         *self);
gboolean      aims_document_get_read_only        (AimsDocument         *self);
const char   *aims_document_get_title            (AimsDocument         *self);
gboolean      aims_document_get_fully_checked    (AimsDocument         *self);
gboolean      aims_document_get_checking         (AimsDocument         *self);
gboolean      aims_document_check                (AimsDocument         *self,
                                                  GCancellable         *cancellable,
                                                  GError              **error);
void          aims_document_check_async          (AimsDocument         *self,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
gboolean      aims_document_check_finish         (AimsDocument         *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);
GPtrArray    *aims_document_get_warnings         (AimsDocument         *self);
const char   *aims_document_get_working_dir      (AimsDocument         *self);

GPtrArray    *aims_document_list_recoverable     (void);
AimsDocument *aims_document_recover              (const char           *working_dir,
                                                  const char           *author,
                                                  GError              **error);
gboolean      aims_document_discard_recoverable  (const char           *working_dir,
                                                  GError              **error);

G_END_DECLS
