/* aims-assessment-record-private.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* Small helpers over records as the store gives them (field name →
 * GVariant), shared by the files that make up assessments
 * (aims-assessment*.c) and by nothing else. */

#include "aims-core.h"
#include "aims-store-private.h"

/* On the store, while aims_assessment_approve() sets the status: the uuid
 * of the assessment whose completeness it has just checked. */
#define APPROVING_KEY "aims-assessment-approving"

G_BEGIN_DECLS

static inline GHashTable *
values_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_variant_unref);
}

static inline void
put_text (GHashTable *values,
          const char *field,
          const char *text)
{
  g_hash_table_replace (values, (gpointer) field, g_variant_ref_sink (g_variant_new_string (text)));
}

static inline const char *
text_of (GHashTable *record,
         const char *field)
{
  GVariant *value = record != NULL ? g_hash_table_lookup (record, field) : NULL;

  if (value != NULL && g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    return g_variant_get_string (value, NULL);

  return "";
}

static inline gint64
int_of (GHashTable *record,
        const char *field)
{
  GVariant *value = record != NULL ? g_hash_table_lookup (record, field) : NULL;

  if (value != NULL && g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
    return g_variant_get_int64 (value);

  return 0;
}

static inline gboolean
is_blank (const char *text)
{
  for (; text != NULL && *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;

  return TRUE;
}

static inline GHashTable *
dup_record (AimsStore   *store,
            const char  *table,
            const char  *uuid,
            GError     **error)
{
  const AimsTableInfo *info = aims_schema_lookup_table (table);

  return _aims_store_dup_record (store, info, uuid, error);
}

/* The uuids in the first column of @sql's rows, in order, with @param bound
 * to its parameter. */
char **_aims_assessment_query_uuids (AimsStore   *store,
                                     const char  *sql,
                                     const char  *param,
                                     GError     **error);

G_END_DECLS
