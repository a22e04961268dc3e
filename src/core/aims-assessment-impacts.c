/* aims-assessment-impacts.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The impacts of an assessment and their measures, and the way from a harm
 * to a register risk and back. */

#define G_LOG_DOMAIN "aims-assessment"

#include "config.h"

#include "aims-assessment-private.h"
#include "aims-assessment-record-private.h"

#include "aims-links.h"

#include <glib/gi18n.h>

/* An impact's dimension as the Annex C objective a risk is tagged with. */
static const struct
{
  const char *dimension;
  const char *objective;
} objectives[] = {
  { "fairness", "C.2.5" },
  { "privacy", "C.2.7" },
  { "safety", "C.2.9" },
  { "security", "C.2.10" },
  { "transparency", "C.2.11" },
  { "accountability", "C.2.1" },
  { "autonomy-rights", "C.2.1" },
  { "environment", "C.2.4" },
};

/**
 * aims_assessment_dup_impacts:
 * @store: a #AimsStore
 * @uuid: an assessment
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the impacts of @uuid, in the order
 *   they were added
 */
char **
aims_assessment_dup_impacts (AimsStore   *store,
                             const char  *uuid,
                             GError     **error)
{
  g_return_val_if_fail (AIMS_IS_STORE (store), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  return _aims_assessment_query_uuids (store,
                                       "SELECT uuid FROM impact WHERE assessment = ? "
                                       "ORDER BY rowid",
                                       uuid, error);
}

/**
 * aims_assessment_add_impact:
 * @store: a #AimsStore
 * @uuid: an assessment
 * @error: return location for a #GError
 *
 * Adds an empty harm to @uuid.
 *
 * Returns: (transfer full) (nullable): the new impact
 */
char *
aims_assessment_add_impact (AimsStore   *store,
                            const char  *uuid,
                            GError     **error)
{
  g_autoptr(GHashTable) values = values_new ();

  g_return_val_if_fail (AIMS_IS_STORE (store), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  put_text (values, "assessment", uuid);
  put_text (values, "nature", "harm");

  return aims_store_insert (store, "impact", values, error);
}

/**
 * aims_assessment_dup_measures:
 * @store: a #AimsStore
 * @impact: an impact
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the measures of @impact, in order
 */
char **
aims_assessment_dup_measures (AimsStore   *store,
                              const char  *impact,
                              GError     **error)
{
  g_return_val_if_fail (AIMS_IS_STORE (store), NULL);
  g_return_val_if_fail (impact != NULL, NULL);

  return _aims_assessment_query_uuids (store,
                                       "SELECT uuid FROM impact_measure WHERE impact = ? "
                                       "ORDER BY rowid",
                                       impact, error);
}

/**
 * aims_assessment_objective_for:
 * @dimension: an impact's dimension
 *
 * Returns: (nullable): the Annex C objective a risk made from an impact of
 *   @dimension is tagged with, or %NULL when none fits
 */
const char *
aims_assessment_objective_for (const char *dimension)
{
  for (guint i = 0; i < G_N_ELEMENTS (objectives); i++)
    if (g_strcmp0 (objectives[i].dimension, dimension) == 0)
      return objectives[i].objective;

  return NULL;
}

static char *
build_risk (AimsStore   *store,
            const char  *impact_uuid,
            GHashTable  *impact,
            GHashTable  *assessment,
            GError     **error)
{
  const AimsTableInfo *info = aims_schema_lookup_table ("impact");
  const char *dimension = text_of (impact, "dimension");
  const char *scenario = text_of (impact, "scenario");
  const char *objective = aims_assessment_objective_for (dimension);
  const char *affected = text_of (impact, "affected");
  g_autofree char *reference = aims_store_next_reference (store, "risk");
  g_autofree char *title = NULL;
  g_autofree char *cause = NULL;
  g_autofree char *short_title = NULL;
  g_autoptr(GHashTable) values = values_new ();
  g_autofree char *risk = NULL;
  g_autofree char *link = NULL;
  g_autofree char *system_link = NULL;

  if (is_blank (dimension))
    /* Translators: the title of a risk made from an impact: Harm to applicants */
    title = g_strdup_printf (_("Harm to %s"), is_blank (affected) ? _("people") : affected);
  else
    /* Translators: the title of a risk made from an impact: Fairness harm to applicants */
    title = g_strdup_printf (_("%s: harm to %s"),
                             aims_choice_label (aims_table_info_lookup_field (info, "dimension"),
                                                dimension),
                             is_blank (affected) ? _("people") : affected);
  short_title = g_utf8_substring (title, 0, MIN (g_utf8_strlen (title, -1), 80));

  /* Translators: the cause of a risk made from an impact: Misuse scenario, from
   * impact assessment IA-004 version 2 */
  cause = g_strdup_printf (_("%s scenario, from impact assessment %s version %u"),
                           is_blank (scenario)
                             ? _("Unspecified")
                             : aims_choice_label (aims_table_info_lookup_field (info, "scenario"),
                                                  scenario),
                           text_of (assessment, "reference"),
                           (guint) int_of (assessment, "version"));

  put_text (values, "reference", reference);
  put_text (values, "title", short_title);
  put_text (values, "description", text_of (impact, "description"));
  put_text (values, "consequence", text_of (impact, "description"));
  put_text (values, "cause", cause);
  put_text (values, "owner", text_of (assessment, "assessor"));
  if (objective != NULL)
    put_text (values, "objectives", objective);
  g_hash_table_replace (values, (gpointer) "inherent_likelihood",
                        g_variant_ref_sink (g_variant_new_int64 (int_of (impact, "likelihood"))));
  g_hash_table_replace (values, (gpointer) "inherent_impact",
                        g_variant_ref_sink (g_variant_new_int64 (int_of (impact, "severity"))));

  if ((risk = aims_store_insert (store, "risk", values, error)) == NULL ||
      (link = aims_store_link (store, "impact_risk", impact_uuid, risk, error)) == NULL ||
      (system_link = aims_store_link (store, "risk_system", risk, text_of (assessment, "system"),
                                      error)) == NULL)
    return NULL;

  return g_steal_pointer (&risk);
}

/**
 * aims_assessment_create_risk:
 * @store: a #AimsStore
 * @impact: a harm with a severity and a likelihood
 * @error: return location for a #GError
 *
 * Turns a harm into a register risk, in one undo step: the risk concerns the
 * assessment's AI system, takes the harm's likelihood and severity as its
 * inherent likelihood and impact (the same matrix scales), its dimension as
 * the Annex C objective at stake and its scenario as the cause, and is
 * linked to the impact (aims_assessment_dup_impact_risks() and
 * aims_assessment_dup_risk_impacts() follow the link either way).
 *
 * Returns: (transfer full) (nullable): the new risk
 */
char *
aims_assessment_create_risk (AimsStore   *store,
                             const char  *impact,
                             GError     **error)
{
  g_autoptr(GHashTable) record = NULL;
  g_autoptr(GHashTable) assessment = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *label = NULL;
  g_autofree char *risk = NULL;

  g_return_val_if_fail (AIMS_IS_STORE (store), NULL);
  g_return_val_if_fail (impact != NULL, NULL);

  if ((record = dup_record (store, "impact", impact, error)) == NULL ||
      (assessment = dup_record (store, "impact_assessment", text_of (record, "assessment"),
                                error)) == NULL)
    return NULL;

  if (!g_str_equal (text_of (record, "nature"), "harm"))
    {
      g_set_error (error, AIMS_ASSESSMENT_ERROR, AIMS_ASSESSMENT_ERROR_NOT_HARM,
                   _("A benefit is not a risk; only a harm can become a register risk."));
      return NULL;
    }

  if (int_of (record, "severity") <= 0 || int_of (record, "likelihood") <= 0)
    {
      g_set_error (error, AIMS_ASSESSMENT_ERROR, AIMS_ASSESSMENT_ERROR_NOT_SCORED,
                   _("Give the impact a severity and a likelihood before making it a risk: "
                     "they become the risk’s inherent impact and likelihood."));
      return NULL;
    }

  label = g_strdup_printf (_("Create a risk from the impact on “%s”"),
                           text_of (record, "affected"));
  aims_store_begin_group (store, label);
  risk = build_risk (store, impact, record, assessment, &local_error);
  if (risk == NULL)
    {
      aims_store_abort_group (store);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (!aims_store_end_group (store, error))
    return NULL;

  return g_steal_pointer (&risk);
}

/**
 * aims_assessment_dup_impact_risks:
 * @store: a #AimsStore
 * @impact: an impact
 *
 * Returns: (transfer full) (nullable): the risks made from @impact
 */
char **
aims_assessment_dup_impact_risks (AimsStore  *store,
                                  const char *impact)
{
  g_return_val_if_fail (AIMS_IS_STORE (store), NULL);
  g_return_val_if_fail (impact != NULL, NULL);

  return _aims_assessment_query_uuids (store,
                                       "SELECT risk FROM impact_risk WHERE impact = ? "
                                       "ORDER BY rowid",
                                       impact, NULL);
}

/**
 * aims_assessment_dup_risk_impacts:
 * @store: a #AimsStore
 * @risk: a risk
 *
 * Returns: (transfer full) (nullable): the impacts @risk was made from or
 *   linked to, in every version of their assessment
 */
char **
aims_assessment_dup_risk_impacts (AimsStore  *store,
                                  const char *risk)
{
  g_return_val_if_fail (AIMS_IS_STORE (store), NULL);
  g_return_val_if_fail (risk != NULL, NULL);

  return _aims_assessment_query_uuids (store,
                                       "SELECT impact FROM impact_risk WHERE risk = ? "
                                       "ORDER BY rowid",
                                       risk, NULL);
}
