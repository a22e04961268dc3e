/* aims-store-private.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "aims-schema-private.h"
#include "aims-core.h"

G_BEGIN_DECLS

AimsStore *_aims_store_new_full         (const char           *filename,
                                         const AimsSchemaDef  *schema,
                                         const char           *author,
                                         GError              **error);
sqlite3   *_aims_store_get_db           (AimsStore            *self);
void       _aims_store_set_read_only    (AimsStore            *self,
                                         gboolean              read_only);
void       _aims_store_set_synchronous  (AimsStore            *self,
                                         gboolean              full);
void       _aims_store_begin_import     (AimsStore            *self,
                                         const char           *label);
gboolean   _aims_store_create_project   (AimsStore            *self,
                                         GError              **error);
gboolean   _aims_store_snapshot         (AimsStore            *self,
                                         const char           *path,
                                         gint64               *change_id,
                                         GError              **error);
void       _aims_store_close            (AimsStore            *self);

G_END_DECLS
