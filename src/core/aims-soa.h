/* aims-soa.h
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

#include "aims-catalog.h"
#include "aims-store.h"

G_BEGIN_DECLS

#define AIMS_SOA_ERROR (aims_soa_error_quark ())

/**
 * AimsSoaError:
 * @AIMS_SOA_ERROR_UNKNOWN_CONTROL: the id is not an Annex A control of the
 *   bundled catalogue
 * @AIMS_SOA_ERROR_INVALID_LINK: an evidence link is not an address
 * @AIMS_SOA_ERROR_NOT_A_FILE: evidence names something that is not a
 *   readable regular file
 */
typedef enum
{
  AIMS_SOA_ERROR_UNKNOWN_CONTROL,
  AIMS_SOA_ERROR_INVALID_LINK,
  AIMS_SOA_ERROR_NOT_A_FILE,
} AimsSoaError;

/**
 * AimsSoaSummary:
 * @n_controls: the controls counted
 * @n_applicable: those decided applicable
 * @n_excluded: those excluded
 * @n_undecided: those not decided yet
 * @n_implemented: applicable controls implemented
 *
 * The Statement of Applicability in figures. The SoA implementation figure
 * is @n_implemented / @n_applicable (aims_soa_summary_get_fraction()).
 */
typedef struct
{
  guint n_controls;
  guint n_applicable;
  guint n_excluded;
  guint n_undecided;
  guint n_implemented;
} AimsSoaSummary;

/**
 * AimsEvidence:
 * @uuid: the record
 * @kind: "file" or "link"
 * @title: what it is
 * @location: the file's path or the link's address
 * @sha256: the file's SHA-256 when it was recorded ("" for a link)
 * @date: YYYY-MM-DD, or ""
 */
typedef struct
{
  char *uuid;
  char *kind;
  char *title;
  char *location;
  char *sha256;
  char *date;
} AimsEvidence;

/**
 * AimsEvidenceState:
 * @AIMS_EVIDENCE_NOT_CHECKED: a link: nothing to compare
 * @AIMS_EVIDENCE_MATCHES: the file has the SHA-256 recorded
 * @AIMS_EVIDENCE_CHANGED: the file's contents changed since it was recorded
 * @AIMS_EVIDENCE_MISSING: no file is where it was recorded
 * @AIMS_EVIDENCE_UNREADABLE: the file is there but cannot be read
 *
 * What aims_evidence_check() finds.
 */
typedef enum
{
  AIMS_EVIDENCE_NOT_CHECKED,
  AIMS_EVIDENCE_MATCHES,
  AIMS_EVIDENCE_CHANGED,
  AIMS_EVIDENCE_MISSING,
  AIMS_EVIDENCE_UNREADABLE,
} AimsEvidenceState;

#define AIMS_TYPE_SOA_ENTRY (aims_soa_entry_get_type ())

G_DECLARE_FINAL_TYPE (AimsSoaEntry, aims_soa_entry, AIMS, SOA_ENTRY, GObject)

GQuark           aims_soa_error_quark               (void);

GPtrArray       *aims_soa_load                      (AimsStore       *store,
                                                     GError         **error);
AimsSoaEntry    *aims_soa_load_entry                (AimsStore       *store,
                                                     const char      *control_id,
                                                     GError         **error);
gboolean         aims_soa_set                       (AimsStore       *store,
                                                     const char      *control_id,
                                                     const char      *field,
                                                     GVariant        *value,
                                                     GError         **error);
char            *aims_soa_dup_exclusion_warning     (AimsStore       *store,
                                                     const char      *control_id);
GPtrArray       *aims_soa_check                     (GPtrArray       *entries);
void             aims_soa_summarize                 (GPtrArray       *entries,
                                                     const char      *objective_id,
                                                     AimsSoaSummary  *summary);
double           aims_soa_summary_get_fraction      (const AimsSoaSummary *summary);

char            *aims_soa_add_evidence_file         (AimsStore       *store,
                                                     const char      *control_id,
                                                     GFile           *file,
                                                     const char      *date,
                                                     GError         **error);
char            *aims_soa_add_evidence_file_with_sha256 (AimsStore   *store,
                                                         const char  *control_id,
                                                         GFile       *file,
                                                         const char  *title,
                                                         const char  *sha256,
                                                         const char  *date,
                                                         GError     **error);
char            *aims_soa_add_evidence_link         (AimsStore       *store,
                                                     const char      *control_id,
                                                     const char      *title,
                                                     const char      *address,
                                                     const char      *date,
                                                     GError         **error);
GPtrArray       *aims_soa_list_evidence             (AimsStore       *store,
                                                     const char      *control_id,
                                                     GError         **error);
void             aims_evidence_free                 (AimsEvidence    *evidence);
AimsEvidence    *aims_evidence_copy                 (const AimsEvidence *evidence);
AimsEvidenceState aims_evidence_check               (const AimsEvidence *evidence,
                                                     GCancellable    *cancellable,
                                                     GError         **error);
void             aims_evidence_check_async          (GPtrArray       *evidence,
                                                     GCancellable    *cancellable,
                                                     GAsyncReadyCallback callback,
                                                     gpointer         user_data);
GArray          *aims_evidence_check_finish         (GAsyncResult    *result,
                                                     GError         **error);
void             aims_file_compute_sha256_async     (GFile           *file,
                                                     GCancellable    *cancellable,
                                                     GAsyncReadyCallback callback,
                                                     gpointer         user_data);
char            *aims_file_compute_sha256_finish    (GAsyncResult    *result,
                                                     GError         **error);
char            *aims_file_compute_sha256           (GFile           *file,
                                                     GCancellable    *cancellable,
                                                     GError         **error);

AimsCatalogItem *aims_soa_entry_get_control         (AimsSoaEntry    *self);
const char      *aims_soa_entry_get_control_id      (AimsSoaEntry    *self);
AimsCatalogItem *aims_soa_entry_get_objective       (AimsSoaEntry    *self);
const char      *aims_soa_entry_get_uuid            (AimsSoaEntry    *self);
const char      *aims_soa_entry_get_applicability   (AimsSoaEntry    *self);
const char      *aims_soa_entry_get_justification   (AimsSoaEntry    *self);
const char      *aims_soa_entry_get_implementation  (AimsSoaEntry    *self);
const char      *aims_soa_entry_get_owner           (AimsSoaEntry    *self);
const char      *aims_soa_entry_get_how_implemented (AimsSoaEntry    *self);
const char      *aims_soa_entry_get_last_reviewed   (AimsSoaEntry    *self);
const char * const *aims_soa_entry_get_risks        (AimsSoaEntry    *self);
guint            aims_soa_entry_get_n_evidence      (AimsSoaEntry    *self);
gboolean         aims_soa_entry_is_applicable       (AimsSoaEntry    *self);
gboolean         aims_soa_entry_is_excluded         (AimsSoaEntry    *self);
gboolean         aims_soa_entry_is_implemented      (AimsSoaEntry    *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AimsEvidence, aims_evidence_free)

G_END_DECLS
