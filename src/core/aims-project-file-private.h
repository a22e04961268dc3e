/* aims-project-file-private.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "aims-core.h"
#include "aims-schema-private.h"

G_BEGIN_DECLS

typedef enum
{
  /* application_id, user_version and sqlite_master: cheap, reads the schema only */
  AIMS_CHECK_PHASE_STRUCTURE = 1 << 0,
  /* quick_check, foreign keys, the one project row, every value's type and size */
  AIMS_CHECK_PHASE_CONTENT   = 1 << 1,
  AIMS_CHECK_PHASE_ALL       = AIMS_CHECK_PHASE_STRUCTURE | AIMS_CHECK_PHASE_CONTENT,
} AimsCheckPhase;

sqlite3  *_aims_project_file_open_untrusted (const char           *path,
                                             const char           *display,
                                             gboolean              original,
                                             GPtrArray            *warnings,
                                             GError              **error);
gboolean  _aims_project_file_check_db       (sqlite3              *db,
                                             const AimsSchemaDef  *def,
                                             const char           *display,
                                             AimsCheckFlags        flags,
                                             AimsCheckPhase        phases,
                                             GPtrArray            *warnings,
                                             GPtrArray           **extras,
                                             GError              **error);
gboolean  _aims_project_file_drop_extras    (sqlite3              *db,
                                             const AimsSchemaDef  *def,
                                             const char           *display,
                                             GPtrArray            *extras,
                                             GPtrArray            *warnings,
                                             GError              **error);
gboolean  _aims_project_file_read_info      (sqlite3              *db,
                                             AimsProjectFileInfo **info,
                                             GError              **error);
gboolean  _aims_project_file_has_side_files (const char           *path);
void      _aims_project_file_set_error      (GError              **error,
                                             sqlite3              *db,
                                             int                   rc,
                                             const char           *display);

G_END_DECLS
