/* aims-catalog-private.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "aims-core.h"

G_BEGIN_DECLS

/* What the catalog knows about one id. */
typedef struct
{
  AimsCatalogItem *item;
  guint            order;      /* position in the whole catalog */
  GListStore      *children;   /* (nullable) entries one level down */
  GListStore      *controls;   /* (nullable) objectives: their controls, nested ones too */
  GListStore      *crosswalk;  /* (nullable) the other side of the crosswalk */
} AimsCatalogEntry;

struct _AimsCatalog
{
  GObject     parent_instance;

  char       *version;
  char       *crosswalk_source;
  guint       n_crosswalk_links;

  /* Owned references */
  GHashTable *entries;                        /* id → AimsCatalogEntry */
  GListStore *items[AIMS_CATALOG_N_KINDS];
  GListStore *roots[AIMS_CATALOG_N_KINDS];
  GListStore *empty;
};

AimsCatalogItem *_aims_catalog_item_new (AimsCatalogKind  kind,
                                         const char      *id,
                                         const char      *parent_id,
                                         const char      *title,
                                         const char      *description,
                                         AimsPdcaPhase    phase,
                                         const char      *tier,
                                         guint            depth);

/* aims-catalog-load.c: fills an empty catalog from JSON text */
gboolean         _aims_catalog_load     (AimsCatalog     *self,
                                         GBytes          *bytes,
                                         GError         **error);

G_END_DECLS
