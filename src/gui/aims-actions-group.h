/* aims-actions-group.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include <aims-core.h>

G_BEGIN_DECLS

/**
 * AimsActionsGroupKind:
 * @AIMS_ACTIONS_GROUP_TREATMENT: a risk's treatment actions (6.1.3)
 * @AIMS_ACTIONS_GROUP_CORRECTIVE: a finding's corrective actions (10.2)
 */
typedef enum
{
  AIMS_ACTIONS_GROUP_TREATMENT,
  AIMS_ACTIONS_GROUP_CORRECTIVE,
} AimsActionsGroupKind;

#define AIMS_TYPE_ACTIONS_GROUP (aims_actions_group_get_type())

G_DECLARE_FINAL_TYPE (AimsActionsGroup, aims_actions_group, AIMS, ACTIONS_GROUP,
                      AdwPreferencesGroup)

GtkWidget            *aims_actions_group_new            (AimsActionsGroupKind  kind);
GtkWidget            *aims_actions_group_new_treatment  (void);
GtkWidget            *aims_actions_group_new_corrective (void);
AimsActionsGroupKind  aims_actions_group_get_kind       (AimsActionsGroup     *self);
void                  aims_actions_group_set_parent     (AimsActionsGroup     *self,
                                                         AimsStore            *store,
                                                         const char           *parent);
const char           *aims_actions_group_get_parent     (AimsActionsGroup     *self);
gboolean              aims_actions_group_get_read_only  (AimsActionsGroup     *self);
void                  aims_actions_group_set_read_only  (AimsActionsGroup     *self,
                                                         gboolean              read_only);
GtkWidget            *aims_actions_group_edit           (AimsActionsGroup     *self,
                                                         const char           *action);

G_END_DECLS
