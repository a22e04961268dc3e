/* aims-catalog.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aims-catalog"

#include "config.h"

#include "aims-catalog-private.h"

#include <glib/gi18n.h>

/* The bundled catalog: loaded once from the core's resources, never changed
 * afterwards, so every thread may read it without locks. */

/* The outcome of loading the bundled catalog, kept for the process */
typedef struct
{
  AimsCatalog *catalog;
  GError      *error;
} DefaultCatalog;

G_DEFINE_QUARK (aims-catalog-error-quark, aims_catalog_error)

G_DEFINE_FINAL_TYPE (AimsCatalog, aims_catalog, G_TYPE_OBJECT)

static AimsCatalogEntry *
lookup_entry (AimsCatalog *self,
              const char  *id)
{
  if (id == NULL || self->entries == NULL)
    return NULL;

  return g_hash_table_lookup (self->entries, id);
}

static GListModel *
list_or_empty (AimsCatalog *self,
               GListStore  *store)
{
  return G_LIST_MODEL (store != NULL ? store : self->empty);
}

static gpointer
load_default (gpointer data)
{
  DefaultCatalog *result = g_new0 (DefaultCatalog, 1);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  aims_core_register_resources ();

  bytes = g_resources_lookup_data (AIMS_CATALOG_RESOURCE_PATH, G_RESOURCE_LOOKUP_FLAGS_NONE,
                                   &error);
  if (bytes == NULL)
    g_set_error (&result->error, AIMS_CATALOG_ERROR, AIMS_CATALOG_ERROR_MISSING,
                 _("The bundled ISO/IEC 42001 catalog is missing (%s). Reinstalling AIMS "
                   "Workbench should repair this."), error->message);
  else if ((result->catalog = aims_catalog_new_from_bytes (bytes, &error)) == NULL)
    g_set_error (&result->error, AIMS_CATALOG_ERROR, AIMS_CATALOG_ERROR_INVALID,
                 _("The bundled ISO/IEC 42001 catalog is damaged: %s Reinstalling AIMS "
                   "Workbench should repair this."), error->message);

  if (result->error != NULL)
    g_warning ("%s", result->error->message);

  return result;
}

static void
aims_catalog_finalize (GObject *object)
{
  AimsCatalog *self = (AimsCatalog *)object;

  for (guint kind = 0; kind < AIMS_CATALOG_N_KINDS; kind++)
    {
      g_clear_object (&self->items[kind]);
      g_clear_object (&self->roots[kind]);
    }
  g_clear_pointer (&self->entries, g_hash_table_unref);
  g_clear_object (&self->empty);
  g_clear_pointer (&self->version, g_free);
  g_clear_pointer (&self->crosswalk_source, g_free);

  G_OBJECT_CLASS (aims_catalog_parent_class)->finalize (object);
}

static void
aims_catalog_class_init (AimsCatalogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = aims_catalog_finalize;
}

static void
aims_catalog_init (AimsCatalog *self)
{
  self->empty = g_list_store_new (AIMS_TYPE_CATALOG_ITEM);
}

/**
 * aims_catalog_get_default:
 * @error: return location for a #GError
 *
 * The catalog bundled with the application. The first call loads and checks
 * it (from any thread; concurrent first calls wait for one load); later
 * calls return the same object, or the same error.
 *
 * Returns: (transfer none) (nullable): the catalog, valid for the life of
 *   the process, or %NULL if the bundled data is missing or damaged
 */
AimsCatalog *
aims_catalog_get_default (GError **error)
{
  static GOnce once = G_ONCE_INIT;
  DefaultCatalog *result;

  result = g_once (&once, load_default, NULL);
  if (result->catalog == NULL)
    {
      g_propagate_error (error, g_error_copy (result->error));
      return NULL;
    }

  return result->catalog;
}

/**
 * aims_catalog_new_from_bytes:
 * @bytes: the JSON text of a catalog
 * @error: return location for a #GError
 *
 * Reads a catalog and checks its structure: every list present, every id
 * unique, every parent and crosswalk target an existing entry of the right
 * kind, entries in tree order. The application uses the bundled one
 * (aims_catalog_get_default()); this is for tests and tools.
 *
 * Returns: (transfer full) (nullable): a new catalog, or %NULL with
 *   %AIMS_CATALOG_ERROR_INVALID whose message names the faulty entry
 */
AimsCatalog *
aims_catalog_new_from_bytes (GBytes  *bytes,
                             GError **error)
{
  g_autoptr(AimsCatalog) self = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (AIMS_TYPE_CATALOG, NULL);
  if (!_aims_catalog_load (self, bytes, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * aims_catalog_get_version:
 * @self: a #AimsCatalog
 *
 * Returns: (transfer none): the version of the catalog's content ("2026.1"),
 *   for a Statement of Applicability to say which catalog it was made with
 */
const char *
aims_catalog_get_version (AimsCatalog *self)
{
  g_return_val_if_fail (AIMS_IS_CATALOG (self), NULL);

  return self->version;
}

/**
 * aims_catalog_lookup:
 * @self: a #AimsCatalog
 * @id: (nullable): an id of any kind: "9.2", "A.6.2.6", "C.2.5",
 *   "MEASURE 2.4", "annex_iii_4"
 *
 * Returns: (transfer none) (nullable): the entry, or %NULL if the catalog
 *   has no such id
 */
AimsCatalogItem *
aims_catalog_lookup (AimsCatalog *self,
                     const char  *id)
{
  AimsCatalogEntry *entry;

  g_return_val_if_fail (AIMS_IS_CATALOG (self), NULL);

  entry = lookup_entry (self, id);
  return entry != NULL ? entry->item : NULL;
}

/**
 * aims_catalog_get_items:
 * @self: a #AimsCatalog
 * @kind: a kind of entry
 *
 * Every entry of @kind in catalog order. Clauses and control objectives
 * come in tree order (4, 4.1, … 6.1, 6.1.1, …; A.5, A.6, A.6.1, A.6.2, A.7);
 * controls grouped by objective.
 *
 * Returns: (transfer none): a #GListModel of #AimsCatalogItem
 */
GListModel *
aims_catalog_get_items (AimsCatalog     *self,
                        AimsCatalogKind  kind)
{
  g_return_val_if_fail (AIMS_IS_CATALOG (self), NULL);
  g_return_val_if_fail (kind < AIMS_CATALOG_N_KINDS, NULL);

  return G_LIST_MODEL (self->items[kind]);
}

/**
 * aims_catalog_get_roots:
 * @self: a #AimsCatalog
 * @kind: a kind of entry
 *
 * The entries of @kind that have no parent: clauses 4 … 10, the nine
 * Annex A objectives A.2 … A.10, and every entry of the kinds without a
 * hierarchy (Annex C, NIST functions, EU AI Act labels). Empty for controls
 * and NIST categories and subcategories, which always have a parent of
 * another kind.
 *
 * Returns: (transfer none): a #GListModel of #AimsCatalogItem
 */
GListModel *
aims_catalog_get_roots (AimsCatalog     *self,
                        AimsCatalogKind  kind)
{
  g_return_val_if_fail (AIMS_IS_CATALOG (self), NULL);
  g_return_val_if_fail (kind < AIMS_CATALOG_N_KINDS, NULL);

  return G_LIST_MODEL (self->roots[kind]);
}

/**
 * aims_catalog_get_children:
 * @self: a #AimsCatalog
 * @id: the id of an entry
 *
 * The entries one level down: the sub-clauses of a clause, the
 * sub-objectives and controls of an objective (A.6 has A.6.1 and A.6.2, whose
 * children are the controls), the categories of a NIST function, the
 * subcategories of a category.
 *
 * Returns: (transfer none): a #GListModel of #AimsCatalogItem, empty for an
 *   entry without children or an unknown id
 */
GListModel *
aims_catalog_get_children (AimsCatalog *self,
                           const char  *id)
{
  AimsCatalogEntry *entry;

  g_return_val_if_fail (AIMS_IS_CATALOG (self), NULL);

  entry = lookup_entry (self, id);
  return list_or_empty (self, entry != NULL ? entry->children : NULL);
}

/**
 * aims_catalog_get_controls:
 * @self: a #AimsCatalog
 * @objective_id: the id of an Annex A objective: "A.2", or "A.6.1"
 *
 * The controls under an objective, those of its sub-objectives included:
 * the nine controls A.6.1.2 … A.6.2.8 for "A.6". With the nine roots of
 * %AIMS_CATALOG_KIND_CONTROL_OBJECTIVE, this groups the 38 controls.
 *
 * Returns: (transfer none): a #GListModel of #AimsCatalogItem, empty for an
 *   id that is not an objective
 */
GListModel *
aims_catalog_get_controls (AimsCatalog *self,
                           const char  *objective_id)
{
  AimsCatalogEntry *entry;

  g_return_val_if_fail (AIMS_IS_CATALOG (self), NULL);

  entry = lookup_entry (self, objective_id);
  return list_or_empty (self, entry != NULL ? entry->controls : NULL);
}

/**
 * aims_catalog_get_crosswalk:
 * @self: a #AimsCatalog
 * @id: a clause, an Annex A control or a NIST AI RMF subcategory
 *
 * Our crosswalk between ISO/IEC 42001 and the NIST AI RMF, either way. For a
 * clause or control, the NIST subcategories it relates to; for a clause
 * heading (4 … 10), those of its sub-clauses. For a NIST subcategory, the
 * clauses and controls that relate to it (headings left out). In catalog
 * order. The mapping is ours, not ISO's or NIST's: show
 * aims_catalog_get_crosswalk_source() with it.
 *
 * Returns: (transfer none): a #GListModel of #AimsCatalogItem, empty for
 *   any other id
 */
GListModel *
aims_catalog_get_crosswalk (AimsCatalog *self,
                            const char  *id)
{
  AimsCatalogEntry *entry;

  g_return_val_if_fail (AIMS_IS_CATALOG (self), NULL);

  entry = lookup_entry (self, id);
  return list_or_empty (self, entry != NULL ? entry->crosswalk : NULL);
}

/**
 * aims_catalog_get_crosswalk_source:
 * @self: a #AimsCatalog
 *
 * Returns: (transfer none): who wrote the crosswalk and what it is worth,
 *   as the catalog states it ("AIMS Workbench authors’ mapping,
 *   informative")
 */
const char *
aims_catalog_get_crosswalk_source (AimsCatalog *self)
{
  g_return_val_if_fail (AIMS_IS_CATALOG (self), NULL);

  return self->crosswalk_source;
}

/**
 * aims_catalog_get_n_crosswalk_links:
 * @self: a #AimsCatalog
 *
 * Returns: the number of (clause or control, NIST subcategory) pairs the
 *   crosswalk states
 */
guint
aims_catalog_get_n_crosswalk_links (AimsCatalog *self)
{
  g_return_val_if_fail (AIMS_IS_CATALOG (self), 0);

  return self->n_crosswalk_links;
}
