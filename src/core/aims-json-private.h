/* aims-json-private.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Deeper than any JSON the application writes. json-glib 1.6 parses
 * recursively, one call per level: a megabyte of "[" exhausts the stack,
 * so untrusted text is checked with this before it reaches the parser. */
#define AIMS_JSON_MAX_DEPTH 64

gboolean _aims_json_nesting_within (const char *text,
                                    gsize       len,
                                    guint       max_depth);

G_END_DECLS
