/* aims-import-private.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "aims-import.h"

G_BEGIN_DECLS

/* What the mapping (aims-import.c) and the run (aims-import-run.c) share. */

struct _AimsImportMapping
{
  GObject              parent_instance;

  const AimsTableInfo *table;
  GPtrArray           *headers;    /* char*, one per column */
  GPtrArray           *fields;     /* const char* (descriptor strings) or NULL, in step */
  GHashTable          *values;     /* field → (folded text → value) */
  GHashTable          *defaults;   /* field → value */
  GHashTable          *prefixes;   /* field → text put before every value */
  gboolean             match_reference;
};

typedef struct
{
  guint  row;
  char  *reason;
} AimsImportRejection;

struct _AimsImportResult
{
  GObject  parent_instance;

  gboolean applied;
  guint    n_added;
  guint    n_updated;
  guint    n_unchanged;
  GArray  *rejected;
};

char     *_aims_import_fold                (const char          *text);
gboolean  _aims_import_field_is_likelihood (const AimsFieldInfo *field);
gboolean  _aims_import_field_is_date_time  (const AimsTableInfo *table,
                                            const AimsFieldInfo *field);

G_END_DECLS
