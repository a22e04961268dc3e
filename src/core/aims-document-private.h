/* aims-document-private.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "aims-document.h"
#include "aims-project-file.h"

G_BEGIN_DECLS

gboolean  _aims_document_check_done        (AimsDocument    *self,
                                            GError         **error);
char     *_aims_document_dup_check_target  (AimsDocument    *self,
                                            char           **display,
                                            AimsCheckFlags  *flags,
                                            GCancellable   **cancellable);
void      _aims_document_check_passed      (AimsDocument    *self);

G_END_DECLS
