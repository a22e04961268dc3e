/* aims-project-file.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined(AIMS_CORE_INSIDE) && !defined(AIMS_CORE_COMPILATION)
# error "Only <aims-core.h> can be included directly."
#endif

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * AimsCheckFlags:
 * @AIMS_CHECK_NONE: refuse anything an AIMS project does not hold
 * @AIMS_CHECK_ALLOW_EXTRA_OBJECTS: report extra triggers, views, tables and
 *   indexes as warnings instead of refusing the file (a document opened this
 *   way drops them from its working copy, never from the file)
 */
typedef enum
{
  AIMS_CHECK_NONE                = 0,
  AIMS_CHECK_ALLOW_EXTRA_OBJECTS = 1 << 0,
} AimsCheckFlags;

/**
 * AimsProjectFileInfo:
 * @format_version: the file format (`PRAGMA user_version`)
 * @uuid: the project's UUID
 * @organisation: the organisation, valid UTF-8
 * @app_version: the version of AIMS Workbench that saved it
 * @n_ai_systems: the number of AI systems (0 before format 2)
 * @n_changes: the number of rows in the change log
 *
 * What aims_project_file_check_full() found in a sound project file.
 */
typedef struct
{
  guint  format_version;
  char  *uuid;
  char  *organisation;
  char  *app_version;
  guint  n_ai_systems;
  guint  n_changes;
} AimsProjectFileInfo;

#define AIMS_TYPE_PROJECT_FILE_INFO (aims_project_file_info_get_type ())

GType                aims_project_file_info_get_type (void) G_GNUC_CONST;
AimsProjectFileInfo *aims_project_file_info_copy     (const AimsProjectFileInfo  *info);
void                 aims_project_file_info_free     (AimsProjectFileInfo        *info);

gboolean             aims_project_file_check         (const char                 *path,
                                                      AimsCheckFlags              flags,
                                                      GPtrArray                 **warnings,
                                                      GError                    **error);
gboolean             aims_project_file_check_full    (const char                 *path,
                                                      AimsCheckFlags              flags,
                                                      AimsProjectFileInfo       **info,
                                                      GPtrArray                 **warnings,
                                                      GError                    **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AimsProjectFileInfo, aims_project_file_info_free)

G_END_DECLS
