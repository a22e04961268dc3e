/* aims-list-changes-private.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One items-changed emission: @removed rows at @position give way to
 * @added rows, new[@from] onwards. */
typedef struct
{
  guint position;
  guint removed;
  guint added;
  guint from;
} AimsListStep;

typedef enum
{
  AIMS_LIST_CHANGE_QUERY,  /* a new search, filter or order, shown from the top */
  AIMS_LIST_CHANGE_EDIT,   /* the records changed under the same query */
} AimsListChangeKind;

/* Added rows up to this many cost a view little to look through. */
#define AIMS_LIST_STEP_SMALL 64

GArray *_aims_list_plan_steps (const gint64       *old_rows,
                               guint               n_old,
                               const gint64       *new_rows,
                               guint               n_new,
                               GHashTable         *live,
                               AimsListChangeKind  kind);

G_END_DECLS
