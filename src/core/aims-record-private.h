/* aims-record-private.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "aims-core.h"

G_BEGIN_DECLS

AimsRecord *_aims_record_new         (AimsStore           *store,
                                      const AimsTableInfo *table,
                                      gint64               rowid);
AimsRecord *_aims_record_new_with_values (AimsStore           *store,
                                          const AimsTableInfo *table,
                                          gint64               rowid,
                                          const char * const  *values);
gint64      _aims_record_get_rowid   (AimsRecord          *self);
gboolean    _aims_record_get_loaded  (AimsRecord          *self);
gboolean    _aims_record_reload      (AimsRecord          *self);

/* For tests of laziness: how many AimsRecord objects exist right now, and
 * how many rows records have read from the database since the start. */
guint       _aims_record_get_n_alive (void);
guint       _aims_record_get_n_loads (void);
void        _aims_record_add_loads   (guint                n);

G_END_DECLS
