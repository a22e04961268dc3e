/* aims-natural-order-private.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "aims-core.h"

G_BEGIN_DECLS

typedef struct _AimsNaturalOrder AimsNaturalOrder;

/* An ORDER BY term, given the number of the parameter to bind the order to
 * with _aims_natural_order_bind_rank() */
#define AIMS_NATURAL_RANK_FORMAT "aims_natural_rank(?%u, rowid)"

int               _aims_natural_compare             (const char          *a,
                                                     const char          *b);
AimsNaturalOrder *_aims_natural_order_get           (AimsStore           *store,
                                                     const AimsTableInfo *table);
void              _aims_natural_order_note          (AimsNaturalOrder    *self,
                                                     const char          *uuid);
gboolean          _aims_natural_order_arrange       (AimsNaturalOrder    *self,
                                                     GArray              *rowids,
                                                     gboolean             descending);
gboolean          _aims_natural_order_prepare_rank  (AimsNaturalOrder    *self);
void              _aims_natural_order_bind_rank     (AimsNaturalOrder    *self,
                                                     sqlite3_stmt        *stmt,
                                                     int                  index);
gboolean          _aims_natural_order_rank_missed   (AimsNaturalOrder    *self);
guint             _aims_natural_order_get_n_builds  (AimsNaturalOrder    *self);

G_END_DECLS
