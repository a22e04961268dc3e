/* aims-kpi.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined(AIMS_CORE_INSIDE) && !defined(AIMS_CORE_COMPILATION)
# error "Only <aims-core.h> can be included directly."
#endif

#include <json-glib/json-glib.h>

#include "aims-pdca.h"
#include "aims-store.h"

G_BEGIN_DECLS

/**
 * AimsKpiRisk:
 * @uuid: the risk
 * @reference: R-042
 * @title: what the risk is
 * @level: the current level (residual, else inherent), 0 … n-1
 * @level_name: its name in the matrix at the time
 * @likelihood: the current likelihood step
 * @impact: the current impact step
 * @owner: who owns it
 *
 * A risk as the figures list it.
 */
typedef struct
{
  char  *uuid;
  char  *reference;
  char  *title;
  int    level;
  char  *level_name;
  guint  likelihood;
  guint  impact;
  char  *owner;
} AimsKpiRisk;

/* Indices of the severity arrays */
typedef enum
{
  AIMS_KPI_NC_MINOR,
  AIMS_KPI_NC_MAJOR,
  AIMS_KPI_NC_UNGRADED,
  AIMS_KPI_N_NC_SEVERITIES,
} AimsKpiNcSeverity;

typedef enum
{
  AIMS_KPI_INCIDENT_LOW,
  AIMS_KPI_INCIDENT_MEDIUM,
  AIMS_KPI_INCIDENT_HIGH,
  AIMS_KPI_INCIDENT_CRITICAL,
  AIMS_KPI_N_INCIDENT_SEVERITIES,
} AimsKpiIncidentSeverity;

/**
 * AimsKpi:
 * @date: the day the figures are judged on, YYYY-MM-DD
 * @period_start: the first day of the incident period, or "" for no limit
 * @period_end: its last day (usually @date)
 * @n_in_scope: AI systems in the AIMS scope
 * @n_covered: of those, with a risk assessed and a current approved impact
 *   assessment (aims_coverage_count())
 * @n_treatment_actions: treatment actions of risks treated by mitigate,
 *   transfer or avoid
 * @n_treatment_done: of those, done
 * @n_above_tolerance: open risks whose current level is above tolerance
 * @above_tolerance: (element-type AimsKpiRisk): those risks, highest level
 *   and score first
 * @n_applicable_controls: applicable Annex A controls
 * @n_implemented_controls: of those, implemented
 * @n_requirements: clause requirements (4.1 … 10.2)
 * @n_requirements_done: of those, done
 * @n_open_nonconformities: findings of kind nonconformity raised by @date and
 *   open on it (closed after it: verified after it)
 * @open_nonconformities: by #AimsKpiNcSeverity
 * @n_corrective_overdue: corrective actions open on @date (done after it
 *   counts as open) past their due date
 * @n_incidents: incidents in the period
 * @incidents: by #AimsKpiIncidentSeverity
 * @n_incidents_open: of those, open on @date (resolved after it counts as
 *   open); the means leave out times after @date
 * @mttd_minutes: mean time to detect (detected − occurred), in minutes
 * @n_mttd: incidents the mean is taken over (with both times)
 * @mttr_minutes: mean time to resolve (resolved − detected), in minutes
 * @n_mttr: incidents the mean is taken over
 * @n_systems_overdue: in-scope AI systems past their next review
 * @n_risks_overdue: open risks past their next review
 * @n_assessments_overdue: approved impact assessments past their next review
 *
 * The figures the product computes, with the definitions of DOMAIN.md, the
 * same on the Overview, in the review pack and on the command line.
 */
typedef struct
{
  char      *date;
  char      *period_start;
  char      *period_end;

  guint      n_in_scope;
  guint      n_covered;
  guint      n_treatment_actions;
  guint      n_treatment_done;
  guint      n_above_tolerance;
  GPtrArray *above_tolerance;
  guint      n_applicable_controls;
  guint      n_implemented_controls;
  guint      n_requirements;
  guint      n_requirements_done;
  guint      n_open_nonconformities;
  guint      open_nonconformities[AIMS_KPI_N_NC_SEVERITIES];
  guint      n_corrective_overdue;
  guint      n_incidents;
  guint      incidents[AIMS_KPI_N_INCIDENT_SEVERITIES];
  guint      n_incidents_open;
  double     mttd_minutes;
  guint      n_mttd;
  double     mttr_minutes;
  guint      n_mttr;
  guint      n_systems_overdue;
  guint      n_risks_overdue;
  guint      n_assessments_overdue;
} AimsKpi;

#define AIMS_KPI_MAX_LISTED 50

const char  *aims_kpi_incident_severity_id (AimsKpiIncidentSeverity  severity);
const char  *aims_kpi_nc_severity_id       (AimsKpiNcSeverity        severity);

AimsKpi     *aims_kpi_compute              (AimsStore               *store,
                                            const char              *date,
                                            const char              *period_start,
                                            const char              *period_end,
                                            GError                 **error);
void         aims_kpi_free                 (AimsKpi                 *kpi);
double       aims_kpi_fraction             (guint                    done,
                                            guint                    total);
char        *aims_kpi_format_duration      (double                   minutes);

GPtrArray   *aims_kpi_list_top_risks       (AimsStore               *store,
                                            guint                    limit,
                                            GError                 **error);
void         aims_kpi_risk_free            (AimsKpiRisk             *risk);

JsonNode    *aims_kpi_to_json              (const AimsKpi           *kpi);
AimsKpi     *aims_kpi_new_from_json        (JsonNode                *node,
                                            GError                 **error);
JsonNode    *aims_kpi_risk_to_json         (const AimsKpiRisk       *risk);
AimsKpiRisk *aims_kpi_risk_new_from_json   (JsonObject              *object);

gboolean     aims_kpi_parse_time           (const char              *text,
                                            gint64                  *unix_seconds);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AimsKpi, aims_kpi_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AimsKpiRisk, aims_kpi_risk_free)

G_END_DECLS
