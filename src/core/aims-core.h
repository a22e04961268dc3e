/* aims-core.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#define AIMS_CORE_INSIDE

#include "aims-assessment.h"
#include "aims-assessment-pdf.h"
#include "aims-audit.h"
#include "aims-catalog.h"
#include "aims-catalog-item.h"
#include "aims-change.h"
#include "aims-coverage.h"
#include "aims-csv-reader.h"
#include "aims-demo.h"
#include "aims-document.h"
#include "aims-date.h"
#include "aims-export.h"
#include "aims-file-error.h"
#include "aims-finding.h"
#include "aims-heatmap.h"
#include "aims-incident.h"
#include "aims-import.h"
#include "aims-inventory.h"
#include "aims-kpi.h"
#include "aims-links.h"
#include "aims-matrix.h"
#include "aims-oscal.h"
#include "aims-pdca.h"
#include "aims-project-file.h"
#include "aims-project-json.h"
#include "aims-record.h"
#include "aims-record-list.h"
#include "aims-recoverable.h"
#include "aims-resources.h"
#include "aims-review.h"
#include "aims-review-pack.h"
#include "aims-risks.h"
#include "aims-rules.h"
#include "aims-schema.h"
#include "aims-sheet.h"
#include "aims-sheet-export.h"
#include "aims-soa.h"
#include "aims-soa-export.h"
#include "aims-store.h"
#include "aims-treatment.h"
#include "aims-version.h"
#include "aims-xlsx-reader.h"

#undef AIMS_CORE_INSIDE
