/* aims-incident.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined(AIMS_CORE_INSIDE) && !defined(AIMS_CORE_COMPILATION)
# error "Only <aims-core.h> can be included directly."
#endif

#include "aims-record-list.h"
#include "aims-store.h"

G_BEGIN_DECLS

/**
 * AimsIncidentDurations:
 * @has_time_to_detect: whether the incident has an occurred and a detected
 *   time in that order
 * @time_to_detect: detected − occurred
 * @has_time_to_resolve: whether the incident has a detected and a resolved
 *   time in that order
 * @time_to_resolve: resolved − detected
 *
 * How long one incident took to notice and to fix, as DOMAIN.md defines the
 * figures; the means over a period are the figures module's.
 */
typedef struct
{
  gboolean  has_time_to_detect;
  GTimeSpan time_to_detect;
  gboolean  has_time_to_resolve;
  GTimeSpan time_to_resolve;
} AimsIncidentDurations;

GDateTime *aims_incident_parse_time        (const char             *text);
gboolean   aims_incident_time_is_valid     (const char             *text);
char      *aims_incident_format_duration   (GTimeSpan               span);
void       aims_incident_compute_durations (const char             *occurred,
                                            const char             *detected,
                                            const char             *resolved,
                                            AimsIncidentDurations  *durations);
gboolean   aims_incident_get_durations     (AimsStore              *store,
                                            const char             *incident,
                                            AimsIncidentDurations  *durations,
                                            GError                **error);

char      *aims_incident_create            (AimsStore              *store,
                                            const char             *system,
                                            const char             *title,
                                            GError                **error);

char      *aims_incident_link_risk         (AimsStore              *store,
                                            const char             *incident,
                                            const char             *risk,
                                            GError                **error);
gboolean   aims_incident_unlink_risk       (AimsStore              *store,
                                            const char             *incident,
                                            const char             *risk,
                                            GError                **error);
char      *aims_incident_add_risk          (AimsStore              *store,
                                            const char             *incident,
                                            const char             *title,
                                            GError                **error);
AimsRecordList *aims_incident_list_risks   (AimsStore              *store,
                                            const char             *incident);
AimsRecordList *aims_incident_list_for_risk (AimsStore             *store,
                                             const char            *risk);
char      *aims_incident_reassess_risk     (AimsStore              *store,
                                            const char             *incident,
                                            const char             *risk,
                                            char                  **note,
                                            GError                **error);

G_END_DECLS
