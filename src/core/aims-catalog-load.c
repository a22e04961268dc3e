/* aims-catalog-load.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aims-catalog"

#include "config.h"

#include "aims-catalog-private.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

/* Reading and checking the catalog's JSON. Every rule the rest of the
 * application relies on is checked here, so a mistake in the data file is an
 * error with the entry's id in the message, never a crash later. */

/* One list of entries of the file, in the order of AimsCatalogKind. */
typedef struct
{
  const char      *member;
  AimsCatalogKind  kind;
  const char      *parent_member;      /* NULL: the entries have no parent */
  gboolean         parent_required;
  AimsCatalogKind  parent_kind;
  const char      *title_member;
  const char      *description_member; /* NULL: no description */
  gboolean         has_phase;
  gboolean         has_tier;
} Section;

static const Section sections[] = {
  { "clauses", AIMS_CATALOG_KIND_CLAUSE,
    "parent", FALSE, AIMS_CATALOG_KIND_CLAUSE, "title", "description", TRUE, FALSE },
  { "control_objectives", AIMS_CATALOG_KIND_CONTROL_OBJECTIVE,
    "parent", FALSE, AIMS_CATALOG_KIND_CONTROL_OBJECTIVE, "title", "description", FALSE, FALSE },
  { "controls", AIMS_CATALOG_KIND_CONTROL,
    "objective", TRUE, AIMS_CATALOG_KIND_CONTROL_OBJECTIVE, "title", "description", FALSE, FALSE },
  { "ai_objectives", AIMS_CATALOG_KIND_AI_OBJECTIVE,
    NULL, FALSE, 0, "title", "description", FALSE, FALSE },
  { "risk_sources", AIMS_CATALOG_KIND_RISK_SOURCE,
    NULL, FALSE, 0, "title", "description", FALSE, FALSE },
  { "nist_functions", AIMS_CATALOG_KIND_NIST_FUNCTION,
    NULL, FALSE, 0, "title", "text", FALSE, FALSE },
  { "nist_categories", AIMS_CATALOG_KIND_NIST_CATEGORY,
    "function", TRUE, AIMS_CATALOG_KIND_NIST_FUNCTION, "text", NULL, FALSE, FALSE },
  { "nist_subcategories", AIMS_CATALOG_KIND_NIST_SUBCATEGORY,
    "category", TRUE, AIMS_CATALOG_KIND_NIST_CATEGORY, "text", NULL, FALSE, FALSE },
  { "eu_ai_act", AIMS_CATALOG_KIND_EU_AI_ACT,
    NULL, FALSE, 0, "label", NULL, FALSE, TRUE },
};

G_STATIC_ASSERT (G_N_ELEMENTS (sections) == AIMS_CATALOG_N_KINDS);

/* The tiers of Regulation (EU) 2024/1689 the labels are grouped in */
static const char * const eu_tiers[] = {
  "prohibited", "high_risk", "limited_transparency", "gpai", "gpai_systemic", "minimal", NULL
};

static gboolean invalid (GError     **error,
                         const char  *format,
                         ...) G_GNUC_PRINTF (2, 3);

static gboolean
invalid (GError     **error,
         const char  *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, AIMS_CATALOG_ERROR, AIMS_CATALOG_ERROR_INVALID, message);

  return FALSE;
}

static void
entry_free (gpointer data)
{
  AimsCatalogEntry *entry = data;

  g_clear_object (&entry->item);
  g_clear_object (&entry->children);
  g_clear_object (&entry->controls);
  g_clear_object (&entry->crosswalk);
  g_free (entry);
}

static int
compare_order (gconstpointer a,
               gconstpointer b)
{
  const AimsCatalogEntry *first = *(const AimsCatalogEntry * const *) a;
  const AimsCatalogEntry *second = *(const AimsCatalogEntry * const *) b;

  return (first->order > second->order) - (first->order < second->order);
}

static GListStore *
ensure_store (GListStore **store)
{
  if (*store == NULL)
    *store = g_list_store_new (AIMS_TYPE_CATALOG_ITEM);

  return *store;
}

/* A string member. With @required, it must be there and not be empty;
 * otherwise it may also be missing or null (*out is then NULL). */
static gboolean
get_string (JsonObject  *object,
            const char  *member,
            gboolean     required,
            const char  *where,
            const char **out,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *out = NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        return invalid (error, _("%s has no “%s”."), where, member);
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return invalid (error, _("%s: “%s” is not text."), where, member);

  *out = json_node_get_string (node);
  if (**out == '\0')
    return invalid (error, _("%s: “%s” is empty."), where, member);

  return TRUE;
}

static JsonArray *
get_array (JsonObject  *object,
           const char  *member,
           const char  *where,
           GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      invalid (error, _("%s has no list “%s”."), where, member);
      return NULL;
    }

  if (json_array_get_length (json_node_get_array (node)) == 0)
    {
      invalid (error, _("%s: the list “%s” is empty."), where, member);
      return NULL;
    }

  return json_node_get_array (node);
}

/* True if @ancestor is @entry or one of its parents. */
static gboolean
is_ancestor_or_self (AimsCatalog      *self,
                     AimsCatalogEntry *ancestor,
                     AimsCatalogEntry *entry)
{
  while (entry != NULL)
    {
      const char *parent_id;

      if (entry == ancestor)
        return TRUE;

      parent_id = aims_catalog_item_get_parent_id (entry->item);
      entry = parent_id != NULL ? g_hash_table_lookup (self->entries, parent_id) : NULL;
    }

  return FALSE;
}

/* The parent of an entry: an earlier entry of the right kind whose id the
 * entry's id continues by one part ("6.1" → "6.1.3", "GOVERN 1" →
 * "GOVERN 1.5", not "6" → "6.1.3"), in
 * tree order within one list and in the parents' order across lists. */
static gboolean
check_parent (AimsCatalog       *self,
              const Section     *section,
              const char        *id,
              const char        *parent_id,
              AimsCatalogEntry  *previous,
              AimsCatalogEntry **parent_out,
              GError           **error)
{
  AimsCatalogEntry *parent = g_hash_table_lookup (self->entries, parent_id);
  gsize parent_length = strlen (parent_id);

  if (parent == NULL || aims_catalog_item_get_kind (parent->item) != section->parent_kind)
    return invalid (error, _("“%s” names “%s” as its %s, but there is no such entry before it."),
                    id, parent_id, section->parent_member);

  /* One level below: the parent's id, a separator, one more part */
  if (!g_str_has_prefix (id, parent_id) ||
      (id[parent_length] != '.' && id[parent_length] != ' ') ||
      id[parent_length + 1] == '\0' ||
      strpbrk (id + parent_length + 1, ". ") != NULL)
    return invalid (error, _("The id “%s” does not continue the id of its %s “%s”."),
                    id, section->parent_member, parent_id);

  if (section->parent_kind == section->kind)
    {
      /* Tree order: the parent is the entry just before, or an ancestor of it */
      if (!is_ancestor_or_self (self, parent, previous))
        return invalid (error, _("“%s” is not in tree order: it must follow “%s” or one of the "
                                 "entries under it."), id, parent_id);
    }
  else if (previous != NULL && aims_catalog_item_get_parent_id (previous->item) != NULL)
    {
      const char *previous_parent_id = aims_catalog_item_get_parent_id (previous->item);
      AimsCatalogEntry *previous_parent = g_hash_table_lookup (self->entries, previous_parent_id);

      /* Grouped by parent, the groups in the parents' order */
      if (parent->order < previous_parent->order)
        return invalid (error, _("“%s” is out of order: the entries under “%s” must come before "
                                 "those under “%s”."), id, parent_id, previous_parent_id);
    }

  *parent_out = parent;
  return TRUE;
}

static gboolean
load_section (AimsCatalog    *self,
              JsonObject     *root,
              const Section  *section,
              guint          *order,
              GError        **error)
{
  g_autofree char *where = g_strdup (_("The catalog"));
  AimsCatalogEntry *previous = NULL;
  JsonArray *array;
  guint length;

  if ((array = get_array (root, section->member, where, error)) == NULL)
    return FALSE;

  length = json_array_get_length (array);
  for (guint i = 0; i < length; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autofree char *position = g_strdup_printf (_("Entry %u of “%s”"), i + 1, section->member);
      g_autofree char *named = NULL;
      AimsCatalogEntry *parent = NULL;
      AimsCatalogEntry *entry;
      AimsPdcaPhase phase = AIMS_PDCA_PHASE_NONE;
      JsonObject *object;
      const char *id;
      const char *parent_id = NULL;
      const char *title;
      const char *description = NULL;
      const char *phase_id = NULL;
      const char *tier = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return invalid (error, _("%s is not an object."), position);
      object = json_node_get_object (node);

      if (!get_string (object, "id", TRUE, position, &id, error))
        return FALSE;
      if (g_hash_table_contains (self->entries, id))
        return invalid (error, _("The id “%s” appears twice in the catalog."), id);

      named = g_strdup_printf ("“%s”", id);
      if (!get_string (object, section->title_member, TRUE, named, &title, error))
        return FALSE;
      if (section->description_member != NULL &&
          !get_string (object, section->description_member, TRUE, named, &description, error))
        return FALSE;

      if (section->parent_member != NULL)
        {
          if (!get_string (object, section->parent_member, section->parent_required, named,
                           &parent_id, error))
            return FALSE;
          if (parent_id != NULL &&
              !check_parent (self, section, id, parent_id, previous, &parent, error))
            return FALSE;
        }

      if (section->has_phase)
        {
          if (!get_string (object, "phase", TRUE, named, &phase_id, error))
            return FALSE;
          if (!aims_pdca_phase_from_string (phase_id, &phase))
            return invalid (error, _("The phase “%s” of “%s” is not plan, do, check or act."),
                            phase_id, id);
        }

      if (section->has_tier)
        {
          if (!get_string (object, "tier", TRUE, named, &tier, error))
            return FALSE;
          if (!g_strv_contains (eu_tiers, tier))
            return invalid (error, _("The tier “%s” of “%s” is not one of the EU AI Act tiers."),
                            tier, id);
        }

      entry = g_new0 (AimsCatalogEntry, 1);
      entry->order = (*order)++;
      entry->item = _aims_catalog_item_new (section->kind, id, parent_id, title, description,
                                            phase, tier,
                                            parent != NULL
                                              ? aims_catalog_item_get_depth (parent->item) + 1
                                              : 0);
      g_hash_table_insert (self->entries, (gpointer) aims_catalog_item_get_id (entry->item),
                           entry);
      g_list_store_append (self->items[section->kind], entry->item);

      if (parent == NULL)
        g_list_store_append (self->roots[section->kind], entry->item);
      else
        g_list_store_append (ensure_store (&parent->children), entry->item);

      /* An objective lists its controls, those of its sub-objectives too */
      if (section->kind == AIMS_CATALOG_KIND_CONTROL)
        {
          for (AimsCatalogEntry *objective = parent; objective != NULL;)
            {
              const char *up = aims_catalog_item_get_parent_id (objective->item);

              g_list_store_append (ensure_store (&objective->controls), entry->item);
              objective = up != NULL ? g_hash_table_lookup (self->entries, up) : NULL;
            }
        }

      previous = entry;
    }

  return TRUE;
}

static void
add_link (GHashTable       *pending,
          AimsCatalogEntry *from,
          AimsCatalogEntry *to)
{
  GPtrArray *targets = g_hash_table_lookup (pending, from);

  if (targets == NULL)
    {
      targets = g_ptr_array_new ();
      g_hash_table_insert (pending, from, targets);
    }

  if (!g_ptr_array_find (targets, to, NULL))
    g_ptr_array_add (targets, to);
}

static AimsCatalogEntry *
find_root (AimsCatalog      *self,
           AimsCatalogEntry *entry)
{
  const char *parent_id;

  while ((parent_id = aims_catalog_item_get_parent_id (entry->item)) != NULL)
    entry = g_hash_table_lookup (self->entries, parent_id);

  return entry;
}

static gboolean
load_crosswalk (AimsCatalog  *self,
                JsonObject   *root,
                GError      **error)
{
  g_autoptr(GHashTable) pending = g_hash_table_new_full (NULL, NULL, NULL,
                                                         (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GHashTable) explicit = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) derived = g_hash_table_new_full (NULL, NULL, NULL,
                                                         (GDestroyNotify) g_ptr_array_unref);
  g_autofree char *where = g_strdup (_("The crosswalk"));
  GHashTableIter iter;
  gpointer key, value;
  JsonObject *crosswalk;
  JsonNode *node;
  JsonArray *links;
  const char *source;
  guint n_items;

  node = json_object_get_member (root, "crosswalk");
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return invalid (error, _("The catalog has no crosswalk."));
  crosswalk = json_node_get_object (node);

  if (!get_string (crosswalk, "source", TRUE, where, &source, error))
    return FALSE;
  if ((links = get_array (crosswalk, "links", where, error)) == NULL)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (links); i++)
    {
      JsonNode *link_node = json_array_get_element (links, i);
      g_autofree char *position = g_strdup_printf (_("Link %u of the crosswalk"), i + 1);
      AimsCatalogEntry *from;
      AimsCatalogKind kind;
      JsonArray *targets;
      const char *from_id;

      if (!JSON_NODE_HOLDS_OBJECT (link_node))
        return invalid (error, _("%s is not an object."), position);
      if (!get_string (json_node_get_object (link_node), "from", TRUE, position, &from_id, error))
        return FALSE;

      from = g_hash_table_lookup (self->entries, from_id);
      kind = from != NULL ? aims_catalog_item_get_kind (from->item) : AIMS_CATALOG_KIND_EU_AI_ACT;
      if (kind != AIMS_CATALOG_KIND_CLAUSE && kind != AIMS_CATALOG_KIND_CONTROL)
        return invalid (error, _("The crosswalk starts from “%s”, which is not a clause or an "
                                 "Annex A control of the catalog."), from_id);
      if (g_hash_table_contains (explicit, from))
        return invalid (error, _("The crosswalk lists “%s” twice."), from_id);
      g_hash_table_add (explicit, from);

      if ((targets = get_array (json_node_get_object (link_node), "to", position, error)) == NULL)
        return FALSE;

      for (guint j = 0; j < json_array_get_length (targets); j++)
        {
          JsonNode *target_node = json_array_get_element (targets, j);
          AimsCatalogEntry *to = NULL;
          GPtrArray *so_far;

          if (JSON_NODE_HOLDS_VALUE (target_node) &&
              json_node_get_value_type (target_node) == G_TYPE_STRING)
            to = g_hash_table_lookup (self->entries, json_node_get_string (target_node));

          if (to == NULL ||
              aims_catalog_item_get_kind (to->item) != AIMS_CATALOG_KIND_NIST_SUBCATEGORY)
            return invalid (error, _("The crosswalk links “%s” to “%s”, which is not a NIST AI "
                                     "RMF subcategory of the catalog."), from_id,
                            JSON_NODE_HOLDS_VALUE (target_node) &&
                            json_node_get_value_type (target_node) == G_TYPE_STRING
                              ? json_node_get_string (target_node) : "?");

          so_far = g_hash_table_lookup (pending, from);
          if (so_far != NULL && g_ptr_array_find (so_far, to, NULL))
            return invalid (error, _("The crosswalk links “%s” to “%s” twice."), from_id,
                            aims_catalog_item_get_id (to->item));

          add_link (pending, from, to);
          add_link (pending, to, from);
          self->n_crosswalk_links++;
        }
    }

  /* A clause heading (4 … 10) that has no links of its own relates to what
   * its sub-clauses relate to. Only one way: the NIST side lists the
   * sub-clauses, which say more. */
  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->items[AIMS_CATALOG_KIND_CLAUSE]));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(AimsCatalogItem) item =
        g_list_model_get_item (G_LIST_MODEL (self->items[AIMS_CATALOG_KIND_CLAUSE]), i);
      AimsCatalogEntry *entry = g_hash_table_lookup (self->entries,
                                                     aims_catalog_item_get_id (item));
      AimsCatalogEntry *heading = find_root (self, entry);
      GPtrArray *targets = g_hash_table_lookup (pending, entry);

      if (heading == entry || targets == NULL || g_hash_table_contains (explicit, heading))
        continue;

      for (guint j = 0; j < targets->len; j++)
        add_link (derived, heading, g_ptr_array_index (targets, j));
    }

  g_hash_table_iter_init (&iter, derived);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (pending, key, g_ptr_array_ref (value));

  g_hash_table_iter_init (&iter, pending);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      AimsCatalogEntry *entry = key;
      GPtrArray *targets = value;

      g_ptr_array_sort (targets, compare_order);
      for (guint j = 0; j < targets->len; j++)
        {
          AimsCatalogEntry *target = g_ptr_array_index (targets, j);

          g_list_store_append (ensure_store (&entry->crosswalk), target->item);
        }
    }

  self->crosswalk_source = g_strdup (source);
  return TRUE;
}

/*
 * _aims_catalog_load:
 * @self: a catalog with no entries yet
 * @bytes: the JSON text
 *
 * Reads and checks the whole catalog. On failure @self is left partly
 * filled and must be thrown away.
 */
gboolean
_aims_catalog_load (AimsCatalog  *self,
                    GBytes       *bytes,
                    GError      **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *where = g_strdup (_("The catalog"));
  JsonObject *root;
  JsonNode *format;
  const char *version;
  gconstpointer data;
  gsize length;
  guint order = 0;

  g_assert (AIMS_IS_CATALOG (self));
  g_assert (self->entries == NULL);

  self->entries = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, entry_free);
  for (guint kind = 0; kind < AIMS_CATALOG_N_KINDS; kind++)
    {
      self->items[kind] = g_list_store_new (AIMS_TYPE_CATALOG_ITEM);
      self->roots[kind] = g_list_store_new (AIMS_TYPE_CATALOG_ITEM);
    }

  data = g_bytes_get_data (bytes, &length);
  if (length > G_MAXSSIZE ||
      !json_parser_load_from_data (parser, data, (gssize) length, &local_error))
    return invalid (error, _("The catalog is not valid JSON: %s"),
                    local_error != NULL ? local_error->message : _("it is too large"));

  /* Empty text parses into no root at all */
  if (json_parser_get_root (parser) == NULL ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return invalid (error, _("The catalog is not a JSON object."));
  root = json_node_get_object (json_parser_get_root (parser));

  format = json_object_get_member (root, "format");
  if (format == NULL || !JSON_NODE_HOLDS_VALUE (format) ||
      json_node_get_value_type (format) != G_TYPE_INT64 ||
      json_node_get_int (format) != AIMS_CATALOG_FORMAT)
    return invalid (error, _("The catalog is not of format %d, the one this version of AIMS "
                             "Workbench reads."), AIMS_CATALOG_FORMAT);

  if (!get_string (root, "version", TRUE, where, &version, error))
    return FALSE;
  self->version = g_strdup (version);

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      g_assert (sections[i].kind == i);
      if (!load_section (self, root, &sections[i], &order, error))
        return FALSE;
    }

  return load_crosswalk (self, root, error);
}
