/* aims-import.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined(AIMS_CORE_INSIDE) && !defined(AIMS_CORE_COMPILATION)
# error "Only <aims-core.h> can be included directly."
#endif

#include "aims-schema.h"
#include "aims-sheet.h"
#include "aims-store.h"

G_BEGIN_DECLS

#define AIMS_IMPORT_ERROR (aims_import_error_quark ())

/**
 * AimsImportError:
 * @AIMS_IMPORT_ERROR_REGISTER: rows cannot be imported into that register
 * @AIMS_IMPORT_ERROR_MAPPING: the mapping file is not valid, or names a
 *   column or field that does not exist
 * @AIMS_IMPORT_ERROR_REJECTED: rows were rejected, so nothing was imported
 *
 * Why an import did not happen.
 */
typedef enum
{
  AIMS_IMPORT_ERROR_REGISTER,
  AIMS_IMPORT_ERROR_MAPPING,
  AIMS_IMPORT_ERROR_REJECTED,
} AimsImportError;

GQuark aims_import_error_quark (void);

#define AIMS_TYPE_IMPORT_MAPPING (aims_import_mapping_get_type ())

G_DECLARE_FINAL_TYPE (AimsImportMapping, aims_import_mapping, AIMS, IMPORT_MAPPING, GObject)

AimsImportMapping *aims_import_mapping_guess             (const char         *table,
                                                          AimsSheet          *sheet,
                                                          AimsMatrix         *matrix,
                                                          GError            **error);
AimsImportMapping *aims_import_mapping_new_from_json     (const char         *table,
                                                          AimsSheet          *sheet,
                                                          const char         *json,
                                                          gssize              length,
                                                          const char         *display_name,
                                                          GError            **error);
char              *aims_import_mapping_to_json           (AimsImportMapping  *self);
const char        *aims_import_mapping_get_table         (AimsImportMapping  *self);
guint              aims_import_mapping_get_n_columns     (AimsImportMapping  *self);
const char        *aims_import_mapping_get_header        (AimsImportMapping  *self,
                                                          guint               column);
const char        *aims_import_mapping_get_field         (AimsImportMapping  *self,
                                                          guint               column);
gboolean           aims_import_mapping_set_field         (AimsImportMapping  *self,
                                                          guint               column,
                                                          const char         *field,
                                                          GError            **error);
const char        *aims_import_mapping_lookup_value      (AimsImportMapping  *self,
                                                          const char         *field,
                                                          const char         *text);
void               aims_import_mapping_set_value         (AimsImportMapping  *self,
                                                          const char         *field,
                                                          const char         *text,
                                                          const char         *value);
void               aims_import_mapping_set_default       (AimsImportMapping  *self,
                                                          const char         *field,
                                                          const char         *value);
gboolean           aims_import_mapping_get_match_reference (AimsImportMapping *self);
void               aims_import_mapping_set_match_reference (AimsImportMapping *self,
                                                            gboolean           match);

#define AIMS_TYPE_IMPORT_RESULT (aims_import_result_get_type ())

G_DECLARE_FINAL_TYPE (AimsImportResult, aims_import_result, AIMS, IMPORT_RESULT, GObject)

gboolean    aims_import_result_get_applied         (AimsImportResult *self);
guint       aims_import_result_get_n_added         (AimsImportResult *self);
guint       aims_import_result_get_n_updated       (AimsImportResult *self);
guint       aims_import_result_get_n_unchanged     (AimsImportResult *self);
guint       aims_import_result_get_n_rejected      (AimsImportResult *self);
guint       aims_import_result_get_rejected_row    (AimsImportResult *self,
                                                    guint             index);
const char *aims_import_result_get_rejected_reason (AimsImportResult *self,
                                                    guint             index);

AimsImportResult *aims_import_run (AimsStore          *store,
                                   AimsSheet          *sheet,
                                   AimsImportMapping  *mapping,
                                   gboolean            dry_run,
                                   GError            **error);

const char *aims_import_mapping_get_default (AimsImportMapping *self,
                                            const char        *field);
const char *aims_import_mapping_get_prefix  (AimsImportMapping *self,
                                            const char        *field);
void        aims_import_mapping_set_prefix  (AimsImportMapping *self,
                                            const char        *field,
                                            const char        *prefix);

AimsImportMapping *aims_import_mapping_copy  (AimsImportMapping   *self);

void              aims_import_dry_run_async  (AimsStore           *store,
                                              AimsSheet           *sheet,
                                              AimsImportMapping   *mapping,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
AimsImportResult *aims_import_dry_run_finish (GAsyncResult        *result,
                                              GError             **error);

char     *aims_import_fold_text           (const char          *text);
gboolean  aims_import_field_is_importable (const AimsFieldInfo *field);

G_END_DECLS
