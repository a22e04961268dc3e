/* aims-catalog.h
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

#include "aims-catalog-item.h"

G_BEGIN_DECLS

/**
 * AIMS_CATALOG_RESOURCE_PATH:
 *
 * Where the bundled catalog lives in the core's resource bundle.
 */
#define AIMS_CATALOG_RESOURCE_PATH \
  "/io/github/aimsworkbench/AimsWorkbench/core/catalog/aims-catalog.json"

/**
 * AIMS_CATALOG_FORMAT:
 *
 * The structure of catalog file (its "format" member) this build reads. The
 * content has its own "version".
 */
#define AIMS_CATALOG_FORMAT 1

#define AIMS_CATALOG_ERROR (aims_catalog_error_quark ())

/**
 * AimsCatalogError:
 * @AIMS_CATALOG_ERROR_MISSING: the bundled catalog is not in the resources
 * @AIMS_CATALOG_ERROR_INVALID: the text is not JSON, or not a catalog of
 *   %AIMS_CATALOG_FORMAT: a member is missing or of the wrong type, an id
 *   appears twice, an entry names a parent or crosswalk target that does not
 *   exist, or the entries are out of tree order. The message names the entry.
 *
 * Why a catalog could not be loaded. For the bundled catalog either one is a
 * packaging mistake that the tests catch; the application reports it and
 * carries on without the catalog.
 */
typedef enum
{
  AIMS_CATALOG_ERROR_MISSING,
  AIMS_CATALOG_ERROR_INVALID,
} AimsCatalogError;

#define AIMS_TYPE_CATALOG (aims_catalog_get_type ())

G_DECLARE_FINAL_TYPE (AimsCatalog, aims_catalog, AIMS, CATALOG, GObject)

/*
 * The read-only reference data: ISO/IEC 42001:2023 clauses and Annex A and C,
 * NIST AI RMF 1.0, EU AI Act labels, and our crosswalk from ISO/IEC 42001 to
 * the NIST AI RMF. Every list is a GListModel of AimsCatalogItem in catalog
 * order (tree order for clauses and objectives), owned by the catalog and
 * never changed: do not modify it, and take a reference before handing it
 * to a model that takes ownership (GtkFilterListModel, GtkSortListModel …).
 */
GQuark           aims_catalog_error_quark           (void);

AimsCatalog     *aims_catalog_get_default           (GError         **error);
AimsCatalog     *aims_catalog_new_from_bytes        (GBytes          *bytes,
                                                     GError         **error);

const char      *aims_catalog_get_version           (AimsCatalog     *self);
AimsCatalogItem *aims_catalog_lookup                (AimsCatalog     *self,
                                                     const char      *id);
GListModel      *aims_catalog_get_items             (AimsCatalog     *self,
                                                     AimsCatalogKind  kind);
GListModel      *aims_catalog_get_roots             (AimsCatalog     *self,
                                                     AimsCatalogKind  kind);
GListModel      *aims_catalog_get_children          (AimsCatalog     *self,
                                                     const char      *id);
GListModel      *aims_catalog_get_controls          (AimsCatalog     *self,
                                                     const char      *objective_id);

GListModel      *aims_catalog_get_crosswalk         (AimsCatalog     *self,
                                                     const char      *id);
const char      *aims_catalog_get_crosswalk_source  (AimsCatalog     *self);
guint            aims_catalog_get_n_crosswalk_links (AimsCatalog     *self);

G_END_DECLS
