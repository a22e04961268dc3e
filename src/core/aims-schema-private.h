/* aims-schema-private.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "aims-core.h"

G_BEGIN_DECLS

/* A whole schema: its migrations and the descriptor of its tables. The product
 * uses one (_aims_schema_get_default()); tests pass their own to exercise code
 * paths that only later schemas reach, such as records that depend on others. */
typedef struct
{
  guint                version;
  const char * const  *migrations;  /* migrations[v - 1] takes format v - 1 to v */
  const AimsTableInfo *tables;
  guint                n_tables;
} AimsSchemaDef;

/* One row of sqlite_master, compared byte for byte. */
typedef struct
{
  char  *type;
  char  *name;
  gsize  name_len;
  char  *tbl_name;
  gsize  tbl_name_len;
  char  *sql;          /* NULL for automatic indexes */
  gsize  sql_len;
} AimsSchemaObject;

const AimsSchemaDef *_aims_schema_get_default      (void);
const AimsTableInfo *_aims_schema_def_lookup_table (const AimsSchemaDef *def,
                                                    const char          *name);
gsize                _aims_schema_def_max_bytes    (const AimsSchemaDef *def);
gboolean             _aims_schema_migrate          (const AimsSchemaDef *def,
                                                    sqlite3             *db,
                                                    guint                target,
                                                    const char          *author,
                                                    GError             **error);
GPtrArray           *_aims_schema_read_objects     (sqlite3             *db,
                                                    GError             **error);
const GPtrArray     *_aims_schema_get_expected     (const AimsSchemaDef *def,
                                                    guint                version,
                                                    GError             **error);
void                 _aims_schema_object_free      (AimsSchemaObject    *object);

G_END_DECLS
