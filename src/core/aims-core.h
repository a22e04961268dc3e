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
#include "aims-catalog.h"
#include "aims-catalog-item.h"
#include "aims-change.h"
#include "aims-coverage.h"
#include "aims-demo.h"
#include "aims-document.h"
#include "aims-export.h"
#include "aims-file-error.h"
#include "aims-heatmap.h"
#include "aims-inventory.h"
#include "aims-kpi.h"
#include "aims-links.h"
#include "aims-matrix.h"
#include "aims-pdca.h"
#include "aims-project-file.h"
#include "aims-record.h"
#include "aims-record-list.h"
#include "aims-recoverable.h"
#include "aims-resources.h"
#include "aims-review.h"
#include "aims-review-pack.h"
#include "aims-risks.h"
#include "aims-rules.h"
#include "aims-schema.h"
#include "aims-soa.h"
#include "aims-soa-export.h"
#include "aims-store.h"
#include "aims-treatment.h"
#include "aims-version.h"

#undef AIMS_CORE_INSIDE
