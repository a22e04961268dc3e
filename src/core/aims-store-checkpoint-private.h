/* aims-store-checkpoint-private.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

typedef struct _AimsCheckpointer AimsCheckpointer;

AimsCheckpointer *_aims_checkpointer_new  (sqlite3          *db,
                                           const char       *filename);
guint             _aims_checkpointer_wait (AimsCheckpointer *self);
void              _aims_checkpointer_free (AimsCheckpointer *self);

G_END_DECLS
