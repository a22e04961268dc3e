/* aims-row-cache-private.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "aims-core.h"

G_BEGIN_DECLS

/* Rows read a page at a time, kept by rowid (aims-row-cache.c) */
typedef struct _AimsRowCache AimsRowCache;

/* The most rowids one statement reads */
#define AIMS_ROW_CACHE_PAGE 64

AimsRowCache       *_aims_row_cache_new         (AimsStore           *store,
                                                 const AimsTableInfo *table);
void                _aims_row_cache_free        (AimsRowCache        *self);
const char * const *_aims_row_cache_lookup      (AimsRowCache        *self,
                                                 gint64               rowid);
guint               _aims_row_cache_read        (AimsRowCache        *self,
                                                 const gint64        *rowids,
                                                 guint                n_rowids);
void                _aims_row_cache_forget      (AimsRowCache        *self,
                                                 gint64               rowid);
void                _aims_row_cache_forget_uuid (AimsRowCache        *self,
                                                 const char          *uuid);
void                _aims_row_cache_clear       (AimsRowCache        *self);
guint               _aims_row_cache_get_size    (AimsRowCache        *self);
guint               _aims_row_cache_get_n_reads (AimsRowCache        *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AimsRowCache, _aims_row_cache_free)

G_END_DECLS
