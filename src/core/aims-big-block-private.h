/* aims-big-block-private.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define AIMS_BIG_BLOCK_SIZE (2u * 1024u * 1024u)

gpointer _aims_big_block_alloc (gsize    size);
void     _aims_big_block_free  (gpointer block,
                                gsize    size);

G_END_DECLS
