/* aims-sqlite-private.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* Limits for a connection to a file we did not write. The largest legal value
 * is AIMS_TEXT_LIMIT_JSON; a row holds a few of them at most. Reading anything
 * bigger fails with SQLITE_TOOBIG instead of allocating it. */
#define AIMS_UNTRUSTED_MAX_LENGTH (16 * 1024 * 1024)

void      _aims_sqlite_set_error      (GError     **error,
                                       sqlite3     *db,
                                       int          rc,
                                       const char  *what);
gboolean  _aims_sqlite_exec           (sqlite3     *db,
                                       const char  *sql,
                                       GError     **error);
gboolean  _aims_sqlite_query_int      (sqlite3     *db,
                                       const char  *sql,
                                       gint64      *value,
                                       GError     **error);
gboolean  _aims_sqlite_harden         (sqlite3     *db,
                                       gboolean     untrusted,
                                       GError     **error);
char     *_aims_sqlite_quote          (const char  *identifier);
char     *_aims_text_for_message      (const char  *bytes,
                                       gssize       len);
char     *_aims_format_bytes          (guint64      bytes);
char     *_aims_timestamp_now         (void);

G_END_DECLS
