/* aims-project-json.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined(AIMS_CORE_INSIDE) && !defined(AIMS_CORE_COMPILATION)
# error "Only <aims-core.h> can be included directly."
#endif

#include <gio/gio.h>

#include "aims-store.h"

G_BEGIN_DECLS

/**
 * AIMS_PROJECT_JSON_VERSION:
 *
 * The layout of the project JSON (its "version" member) this build writes
 * and reads; data/schema/aims-project.schema.json describes it. The tables
 * and fields follow the file format, named by "format_version".
 */
#define AIMS_PROJECT_JSON_VERSION 1

/**
 * AIMS_PROJECT_JSON_MAX_BYTES:
 *
 * The largest project JSON the import reads: 1 GiB.
 */
#define AIMS_PROJECT_JSON_MAX_BYTES (G_GUINT64_CONSTANT (1) << 30)

#define AIMS_PROJECT_JSON_ERROR (aims_project_json_error_quark ())

/**
 * AimsProjectJsonError:
 * @AIMS_PROJECT_JSON_ERROR_INVALID: the document is not JSON, or not a
 *   project the schema describes; the message names the JSON path
 * @AIMS_PROJECT_JSON_ERROR_NEWER: the document comes from a newer version of
 *   AIMS Workbench (a newer layout or file format)
 * @AIMS_PROJECT_JSON_ERROR_NOT_EMPTY: the project to import into already
 *   holds records
 * @AIMS_PROJECT_JSON_ERROR_TOO_LARGE: the file is larger than
 *   %AIMS_PROJECT_JSON_MAX_BYTES
 */
typedef enum
{
  AIMS_PROJECT_JSON_ERROR_INVALID,
  AIMS_PROJECT_JSON_ERROR_NEWER,
  AIMS_PROJECT_JSON_ERROR_NOT_EMPTY,
  AIMS_PROJECT_JSON_ERROR_TOO_LARGE,
} AimsProjectJsonError;

GQuark    aims_project_json_error_quark (void);

GBytes   *aims_project_json_export      (AimsStore   *store,
                                         GError     **error);
gboolean  aims_project_json_write_file  (AimsStore   *store,
                                         const char  *output,
                                         GError     **error);
gboolean  aims_project_json_export_file (const char  *project,
                                         const char  *output,
                                         GError     **error);
gboolean  aims_project_json_import      (AimsStore   *store,
                                         const char  *data,
                                         gsize        length,
                                         const char  *display,
                                         GError     **error);
gboolean  aims_project_json_import_file (const char  *input,
                                         const char  *project,
                                         const char  *author,
                                         GError     **error);

G_END_DECLS
