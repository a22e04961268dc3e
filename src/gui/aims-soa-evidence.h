/* aims-soa-evidence.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include <aims-core.h>

G_BEGIN_DECLS

#define AIMS_TYPE_SOA_EVIDENCE (aims_soa_evidence_get_type())

G_DECLARE_FINAL_TYPE (AimsSoaEvidence, aims_soa_evidence, AIMS, SOA_EVIDENCE, AdwPreferencesGroup)

GtkWidget  *aims_soa_evidence_new          (void);
void        aims_soa_evidence_set_control  (AimsSoaEvidence *self,
                                            AimsStore       *store,
                                            const char      *control_id,
                                            gboolean         writable);
void        aims_soa_evidence_reload       (AimsSoaEvidence *self);
void        aims_soa_evidence_add_file     (AimsSoaEvidence *self,
                                            GFile           *file);
gboolean    aims_soa_evidence_is_busy      (AimsSoaEvidence *self);
GtkWidget  *aims_soa_evidence_find_row     (AimsSoaEvidence *self,
                                            const char      *uuid);
const char *aims_soa_evidence_get_row_check (AimsSoaEvidence *self,
                                            const char      *uuid);

G_END_DECLS
