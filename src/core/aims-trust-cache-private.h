/* aims-trust-cache-private.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sys/stat.h>

G_BEGIN_DECLS

#define AIMS_FINGERPRINT_DIGEST_SIZE 32

/* Which file, and which contents of it: see aims-trust-cache.c. */
typedef struct
{
  guint64 dev;
  guint64 ino;
  guint64 size;
  gint64  mtime_ns;
  gint64  ctime_ns;
  guint8  digest[AIMS_FINGERPRINT_DIGEST_SIZE];
} AimsFingerprint;

void     _aims_fingerprint_init_stat   (AimsFingerprint       *fingerprint,
                                        const struct stat     *st);
gboolean _aims_fingerprint_same_stat   (const AimsFingerprint *fingerprint,
                                        const struct stat     *st);
gboolean _aims_fingerprint_read_digest (AimsFingerprint       *fingerprint,
                                        int                    fd);
gboolean _aims_fingerprint_from_fd     (AimsFingerprint       *fingerprint,
                                        int                    fd);

char    *_aims_trust_cache_get_path    (void);
gboolean _aims_trust_cache_lookup      (const char            *canonical_path,
                                        const AimsFingerprint *fingerprint);
void     _aims_trust_cache_remember    (const char            *canonical_path,
                                        const AimsFingerprint *fingerprint);
void     _aims_trust_cache_forget      (const char            *canonical_path);

G_END_DECLS
