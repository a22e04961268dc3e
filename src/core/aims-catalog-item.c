/* aims-catalog-item.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aims-catalog"

#include "config.h"

#include "aims-catalog-private.h"

#include <glib/gi18n.h>

/* One entry of the bundled catalog. Immutable: the catalog creates it and
 * nothing changes it afterwards, so the GUI can bind to its properties. */
struct _AimsCatalogItem
{
  GObject          parent_instance;

  AimsCatalogKind  kind;
  AimsPdcaPhase    phase;
  guint            depth;
  char            *id;
  char            *parent_id;
  char            *title;
  char            *description;
  char            *tier;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_PARENT_ID,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_PHASE,
  PROP_TIER,
  PROP_DEPTH,
  N_PROPS
};

G_DEFINE_ENUM_TYPE (AimsCatalogKind, aims_catalog_kind,
                    G_DEFINE_ENUM_VALUE (AIMS_CATALOG_KIND_CLAUSE, "clause"),
                    G_DEFINE_ENUM_VALUE (AIMS_CATALOG_KIND_CONTROL_OBJECTIVE, "control-objective"),
                    G_DEFINE_ENUM_VALUE (AIMS_CATALOG_KIND_CONTROL, "control"),
                    G_DEFINE_ENUM_VALUE (AIMS_CATALOG_KIND_AI_OBJECTIVE, "ai-objective"),
                    G_DEFINE_ENUM_VALUE (AIMS_CATALOG_KIND_RISK_SOURCE, "risk-source"),
                    G_DEFINE_ENUM_VALUE (AIMS_CATALOG_KIND_NIST_FUNCTION, "nist-function"),
                    G_DEFINE_ENUM_VALUE (AIMS_CATALOG_KIND_NIST_CATEGORY, "nist-category"),
                    G_DEFINE_ENUM_VALUE (AIMS_CATALOG_KIND_NIST_SUBCATEGORY, "nist-subcategory"),
                    G_DEFINE_ENUM_VALUE (AIMS_CATALOG_KIND_EU_AI_ACT, "eu-ai-act"))

G_DEFINE_ENUM_TYPE (AimsPdcaPhase, aims_pdca_phase,
                    G_DEFINE_ENUM_VALUE (AIMS_PDCA_PHASE_NONE, "none"),
                    G_DEFINE_ENUM_VALUE (AIMS_PDCA_PHASE_PLAN, "plan"),
                    G_DEFINE_ENUM_VALUE (AIMS_PDCA_PHASE_DO, "do"),
                    G_DEFINE_ENUM_VALUE (AIMS_PDCA_PHASE_CHECK, "check"),
                    G_DEFINE_ENUM_VALUE (AIMS_PDCA_PHASE_ACT, "act"))

G_DEFINE_FINAL_TYPE (AimsCatalogItem, aims_catalog_item, G_TYPE_OBJECT)

static GParamSpec *properties [N_PROPS];

/* The ids the catalog file uses for phases, indexed by AimsPdcaPhase */
static const char * const phase_ids[] = { "", "plan", "do", "check", "act" };
static const char * const phase_labels[] = {
  "", N_("Plan"), N_("Do"), N_("Check"), N_("Act"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (phase_ids) == AIMS_PDCA_PHASE_ACT + 1);
G_STATIC_ASSERT (G_N_ELEMENTS (phase_labels) == AIMS_PDCA_PHASE_ACT + 1);

static void
aims_catalog_item_finalize (GObject *object)
{
  AimsCatalogItem *self = (AimsCatalogItem *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->parent_id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->tier, g_free);

  G_OBJECT_CLASS (aims_catalog_item_parent_class)->finalize (object);
}

static void
aims_catalog_item_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AimsCatalogItem *self = AIMS_CATALOG_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_PARENT_ID:
      g_value_set_string (value, self->parent_id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_PHASE:
      g_value_set_enum (value, self->phase);
      break;

    case PROP_TIER:
      g_value_set_string (value, self->tier);
      break;

    case PROP_DEPTH:
      g_value_set_uint (value, self->depth);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aims_catalog_item_class_init (AimsCatalogItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = aims_catalog_item_finalize;
  object_class->get_property = aims_catalog_item_get_property;

  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties [PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       AIMS_TYPE_CATALOG_KIND, AIMS_CATALOG_KIND_CLAUSE,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties [PROP_PARENT_ID] =
    g_param_spec_string ("parent-id", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties [PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties [PROP_PHASE] =
    g_param_spec_enum ("phase", NULL, NULL,
                       AIMS_TYPE_PDCA_PHASE, AIMS_PDCA_PHASE_NONE,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties [PROP_TIER] =
    g_param_spec_string ("tier", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties [PROP_DEPTH] =
    g_param_spec_uint ("depth", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
aims_catalog_item_init (AimsCatalogItem *self)
{
}

/* Copies every string. */
AimsCatalogItem *
_aims_catalog_item_new (AimsCatalogKind  kind,
                        const char      *id,
                        const char      *parent_id,
                        const char      *title,
                        const char      *description,
                        AimsPdcaPhase    phase,
                        const char      *tier,
                        guint            depth)
{
  AimsCatalogItem *self = g_object_new (AIMS_TYPE_CATALOG_ITEM, NULL);

  self->kind = kind;
  self->id = g_strdup (id);
  self->parent_id = g_strdup (parent_id);
  self->title = g_strdup (title);
  self->description = g_strdup (description);
  self->phase = phase;
  self->tier = g_strdup (tier);
  self->depth = depth;

  return self;
}

/**
 * aims_catalog_item_get_id:
 * @self: a #AimsCatalogItem
 *
 * Returns: (transfer none): the identifier, as the source publishes it:
 *   "6.1.3", "A.6.2.6", "C.3.4", "MEASURE 2.11", "annex_iii_4"
 */
const char *
aims_catalog_item_get_id (AimsCatalogItem *self)
{
  g_return_val_if_fail (AIMS_IS_CATALOG_ITEM (self), NULL);

  return self->id;
}

/**
 * aims_catalog_item_get_kind:
 * @self: a #AimsCatalogItem
 *
 * Returns: what the entry is
 */
AimsCatalogKind
aims_catalog_item_get_kind (AimsCatalogItem *self)
{
  g_return_val_if_fail (AIMS_IS_CATALOG_ITEM (self), AIMS_CATALOG_KIND_CLAUSE);

  return self->kind;
}

/**
 * aims_catalog_item_get_parent_id:
 * @self: a #AimsCatalogItem
 *
 * The entry one level up: the clause of a sub-clause, the objective of a
 * control (A.6.1 or A.6.2 for the controls of A.6), the objective of a
 * sub-objective, the category of a NIST subcategory, the function of a
 * category.
 *
 * Returns: (transfer none) (nullable): its id, or %NULL at the top
 */
const char *
aims_catalog_item_get_parent_id (AimsCatalogItem *self)
{
  g_return_val_if_fail (AIMS_IS_CATALOG_ITEM (self), NULL);

  return self->parent_id;
}

/**
 * aims_catalog_item_get_title:
 * @self: a #AimsCatalogItem
 *
 * What to show for the entry: the published title of an ISO/IEC 42001
 * clause, objective or control and of an Annex C entry; the name of a NIST
 * function ("Govern"); the text of a NIST category or subcategory; the label
 * of an EU AI Act entry. In English, as published.
 *
 * Returns: (transfer none): the title, never empty
 */
const char *
aims_catalog_item_get_title (AimsCatalogItem *self)
{
  g_return_val_if_fail (AIMS_IS_CATALOG_ITEM (self), NULL);

  return self->title;
}

/**
 * aims_catalog_item_get_description:
 * @self: a #AimsCatalogItem
 *
 * For ISO/IEC 42001 entries (clauses, objectives, controls, Annex C), one or
 * two sentences the AIMS Workbench authors wrote in their own words; they
 * are not the text of the standard. For a NIST function, its published
 * outcome statement.
 *
 * Returns: (transfer none) (nullable): the description, or %NULL for NIST
 *   categories and subcategories (their title is the text) and EU AI Act
 *   labels
 */
const char *
aims_catalog_item_get_description (AimsCatalogItem *self)
{
  g_return_val_if_fail (AIMS_IS_CATALOG_ITEM (self), NULL);

  return self->description;
}

/**
 * aims_catalog_item_get_phase:
 * @self: a #AimsCatalogItem
 *
 * Returns: the default PDCA phase of a clause; %AIMS_PDCA_PHASE_NONE for
 *   every other kind
 */
AimsPdcaPhase
aims_catalog_item_get_phase (AimsCatalogItem *self)
{
  g_return_val_if_fail (AIMS_IS_CATALOG_ITEM (self), AIMS_PDCA_PHASE_NONE);

  return self->phase;
}

/**
 * aims_catalog_item_get_tier:
 * @self: a #AimsCatalogItem
 *
 * Returns: (transfer none) (nullable): for an EU AI Act label, its tier
 *   ("prohibited", "high_risk", "limited_transparency", "gpai",
 *   "gpai_systemic" or "minimal"); %NULL for every other kind
 */
const char *
aims_catalog_item_get_tier (AimsCatalogItem *self)
{
  g_return_val_if_fail (AIMS_IS_CATALOG_ITEM (self), NULL);

  return self->tier;
}

/**
 * aims_catalog_item_get_depth:
 * @self: a #AimsCatalogItem
 *
 * How far down its tree the entry is: 0 for clause 4, 1 for 4.1, 2 for
 * 6.1.3; 0 for A.2, 1 for A.2.2 and A.6.1, 2 for A.6.1.2. For indenting
 * lists.
 *
 * Returns: the number of ancestors
 */
guint
aims_catalog_item_get_depth (AimsCatalogItem *self)
{
  g_return_val_if_fail (AIMS_IS_CATALOG_ITEM (self), 0);

  return self->depth;
}

/**
 * aims_pdca_phase_to_string:
 * @phase: a phase
 *
 * Returns: (transfer none): the id of @phase in files: "plan", "do",
 *   "check", "act", or "" for %AIMS_PDCA_PHASE_NONE
 */
const char *
aims_pdca_phase_to_string (AimsPdcaPhase phase)
{
  g_return_val_if_fail (phase <= AIMS_PDCA_PHASE_ACT, "");

  return phase_ids[phase];
}

/**
 * aims_pdca_phase_from_string:
 * @string: "plan", "do", "check" or "act"
 * @phase: (out): where to store the phase
 *
 * Returns: %FALSE if @string names no phase; @phase is then untouched
 */
gboolean
aims_pdca_phase_from_string (const char    *string,
                             AimsPdcaPhase *phase)
{
  g_return_val_if_fail (phase != NULL, FALSE);

  if (string == NULL)
    return FALSE;

  for (guint i = AIMS_PDCA_PHASE_PLAN; i <= AIMS_PDCA_PHASE_ACT; i++)
    {
      if (g_str_equal (string, phase_ids[i]))
        {
          *phase = (AimsPdcaPhase) i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * aims_pdca_phase_get_label:
 * @phase: a phase
 *
 * Returns: (transfer none): the translated name of @phase ("Plan"), or ""
 *   for %AIMS_PDCA_PHASE_NONE
 */
const char *
aims_pdca_phase_get_label (AimsPdcaPhase phase)
{
  g_return_val_if_fail (phase <= AIMS_PDCA_PHASE_ACT, "");

  if (phase == AIMS_PDCA_PHASE_NONE)
    return "";

  return _(phase_labels[phase]);
}
