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
guint      _aims_store_wait_checkpoint  (AimsStore            *self);
gboolean   _aims_store_set_checks       (AimsStore            *self,
                                         gboolean              on,
                                         GError              **error);
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
/* A hash of a field name, for tables keyed by field names (with
 * g_str_equal()): a few of its bytes and its length, a quarter of
 * g_str_hash()'s cost, and different for every field of a table. */
guint _aims_field_name_hash (gconstpointer name);

GHashTable          *_aims_store_check_new_values (const AimsTableInfo  *info,
                                                   GHashTable           *values,
                                                   char                **uuid,
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
gboolean             _aims_store_log_update      (AimsStore            *self,
                                                  const char           *table,
                                                  const char           *uuid,
                                                  const char           *field,
                                                  GVariant             *old_value,
                                                  GVariant             *new_value,
                                                  GError              **error);
gboolean             _aims_store_in_import       (AimsStore            *self);
void                 _aims_store_set_step_error  (AimsStore            *self,
                                                  GError              **error,
                                                  int                   rc,
                                                  const char           *what);
void                 _aims_store_bind_variant    (sqlite3_stmt         *stmt,
                                                  int                   index,
                                                  GVariant             *value);

/* The bulk write path of an import (aims-store-bulk.c): many records of one
 * table inside an open import group, checked in memory, written with one
 * prepared statement per shape of row. */
typedef struct _AimsStoreBulk AimsStoreBulk;
typedef struct _AimsBulkRow AimsBulkRow;

AimsStoreBulk       *_aims_store_bulk_new              (AimsStore            *store,
                                                        const char           *table,
                                                        guint                 n_rows,
                                                        GError              **error);
gboolean             _aims_store_bulk_finish           (AimsStoreBulk        *bulk,
                                                        GError              **error);
void                 _aims_store_bulk_free             (AimsStoreBulk        *bulk);
const char          *_aims_store_bulk_lookup_reference (AimsStoreBulk        *bulk,
                                                        const char           *reference);
char                *_aims_store_bulk_next_reference   (AimsStoreBulk        *bulk);
AimsBulkRow         *_aims_store_bulk_check_insert     (AimsStoreBulk        *bulk,
                                                        GHashTable           *values,
                                                        GError              **error);
const char          *_aims_store_bulk_write_insert     (AimsStoreBulk        *bulk,
                                                        AimsBulkRow          *row,
                                                        GError              **error);
void                 _aims_store_bulk_row_free         (AimsBulkRow          *row);
gboolean             _aims_store_bulk_update           (AimsStoreBulk        *bulk,
                                                        const char           *uuid,
                                                        GHashTable           *record,
                                                        GHashTable           *changes,
                                                        GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AimsStoreBulk, _aims_store_bulk_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AimsBulkRow, _aims_store_bulk_row_free)

G_END_DECLS
