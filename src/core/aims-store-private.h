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
void       _aims_store_begin_bulk_load  (AimsStore            *self,
                                         const char           *label);
gboolean   _aims_store_create_project   (AimsStore            *self,
                                         GError              **error);
gboolean   _aims_store_snapshot         (AimsStore            *self,
                                         int                   fd,
                                         const char           *path,
                                         gint64               *change_id,
                                         GError              **error);
void       _aims_store_close            (AimsStore            *self);

const AimsSchemaDef *_aims_store_get_schema      (AimsStore            *self);
sqlite3_stmt        *_aims_store_prepare         (AimsStore            *self,
                                                  const char           *sql,
                                                  GError              **error);
void                 _aims_store_release         (sqlite3_stmt         *stmt);
const AimsTableInfo *_aims_store_lookup_table    (AimsStore            *self,
                                                  const char           *name,
                                                  gboolean              writable,
                                                  GError              **error);
const AimsFieldInfo *_aims_store_lookup_field    (const AimsTableInfo  *table,
                                                  const char           *name,
                                                  gboolean              writable,
                                                  GError              **error);
gboolean             _aims_store_normalize_value (const AimsTableInfo  *table,
                                                  const AimsFieldInfo  *field,
                                                  GVariant             *value,
                                                  GVariant            **out,
                                                  GError              **error);
char                *_aims_store_column_text     (sqlite3_stmt         *stmt,
                                                  int                   column,
                                                  const AimsFieldInfo  *field);
GVariant            *_aims_store_column_variant  (sqlite3_stmt         *stmt,
                                                  int                   column,
                                                  const AimsFieldInfo  *field);
GHashTable          *_aims_store_dup_record      (AimsStore            *self,
                                                  const AimsTableInfo  *table,
                                                  const char           *uuid,
                                                  GError              **error);
gboolean             _aims_store_update_fields   (AimsStore            *self,
                                                  const char           *table,
                                                  const char           *uuid,
                                                  GHashTable           *changes,
                                                  const char           *label,
                                                  GError              **error);
gboolean             _aims_store_remap_scores    (AimsStore            *self,
                                                  AimsMatrix           *from,
                                                  AimsMatrix           *to,
                                                  GError              **error);
gboolean             _aims_store_log_import      (AimsStore            *self,
                                                  const char           *table,
                                                  const char           *uuid,
                                                  GError              **error);
const char          *_aims_store_get_group_at    (AimsStore            *self);

G_END_DECLS
