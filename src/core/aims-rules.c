/* aims-rules.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aims-rules"

#include "config.h"

#include "aims-rules-private.h"

#include "aims-assessment-private.h"
#include "aims-incident-private.h"
#include "aims-finding-private.h"
#include "aims-sqlite-private.h"
#include "aims-store-private.h"

#include <glib/gi18n.h>
#include <string.h>

/*
 * The rules of the data. They judge a whole record, so a rule that ties two
 * fields together (an excluded system and its justification) is checked on
 * the record as an edit would leave it. The store applies them inside
 * aims_store_insert() and aims_store_update(), so no caller can bypass them;
 * aims_rules_check_insert() and aims_rules_check_update() ask the same
 * question without writing, for imports and forms that want to know first.
 *
 * The field-level rules come from the descriptor (required, dates, choices,
 * size); the rules between fields are found by the fields' names, so any
 * table that has the fields gets the rule.
 */

#define HIGH_RISK_ANNEX_III "high-risk-annex-iii"

G_DEFINE_QUARK (aims-rule-error-quark, aims_rule_error)

static const char *
label_of (const AimsFieldInfo *field)
{
  return _(field->label);
}

static const char *
text_of (GHashTable *record,
         const char *name)
{
  GVariant *value = g_hash_table_lookup (record, name);

  if (value == NULL || g_variant_classify (value) != G_VARIANT_CLASS_STRING)
    return "";

  return g_variant_get_string (value, NULL);
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if (!g_ascii_isspace (*p))
        return FALSE;
    }

  return TRUE;
}

static gboolean
involves (const char *field,
          const char *name)
{
  return field == NULL || g_str_equal (field, name);
}

/* The rules between two fields, each of which a table may have */
typedef enum
{
  PAIR_REVIEW_ORDER   = 1 << 0,  /* last_review, next_review */
  PAIR_JUSTIFICATION  = 1 << 1,  /* in_scope, scope_justification */
  PAIR_SOA            = 1 << 2,  /* applicability, justification */
  PAIR_AREA           = 1 << 3,  /* eu_ai_act_category, eu_ai_act_area */
} Pairs;

static gboolean
has_fields (const AimsTableInfo *table,
            const char          *first,
            const char          *second)
{
  return aims_table_info_lookup_field (table, first) != NULL &&
         aims_table_info_lookup_field (table, second) != NULL;
}

/* The pairs of fields @table has. Tables are the schema's static
 * descriptors, so the answer for the last one asked about is kept (per
 * thread): an import asks it for every row. */
static Pairs
pairs_of (const AimsTableInfo *table)
{
  static _Thread_local const AimsTableInfo *last_table;
  static _Thread_local Pairs last_pairs;

  if (table != last_table)
    {
      last_pairs = (has_fields (table, "last_review", "next_review") ? PAIR_REVIEW_ORDER : 0) |
                   (has_fields (table, "in_scope", "scope_justification") ? PAIR_JUSTIFICATION : 0) |
                   (has_fields (table, "applicability", "justification") ? PAIR_SOA : 0) |
                   (has_fields (table, "eu_ai_act_category", "eu_ai_act_area") ? PAIR_AREA : 0);
      last_table = table;
    }

  return last_pairs;
}

static const char *
label_of_name (const AimsTableInfo *table,
               const char          *name)
{
  return label_of (aims_table_info_lookup_field (table, name));
}

/* The choice ids of a field, for messages. */
static char *
join_choice_ids (const AimsFieldInfo *field)
{
  GString *ids = g_string_new (NULL);

  for (guint i = 0; i < field->n_choices; i++)
    {
      if (i > 0)
        g_string_append (ids, ", ");
      g_string_append (ids, field->choice_list[i].id);
    }

  return g_string_free (ids, FALSE);
}

static gboolean
is_choice (const AimsFieldInfo *field,
           const char          *id)
{
  for (guint i = 0; i < field->n_choices; i++)
    {
      if (g_str_equal (field->choice_list[i].id, id))
        return TRUE;
    }

  return FALSE;
}

static gboolean
fail_choice (const AimsFieldInfo  *field,
             const char           *value,
             GError              **error)
{
  g_autofree char *shown = _aims_text_for_message (value, -1);
  g_autofree char *allowed = join_choice_ids (field);

  g_set_error (error, AIMS_RULE_ERROR, AIMS_RULE_ERROR_INVALID_CHOICE,
               /* Translators: Technique: “neural” is not one of: classical-ml, deep-learning… */
               _("%s: “%s” is not one of: %s."), label_of (field), shown, allowed);
  return FALSE;
}

static gboolean
check_choice (const AimsFieldInfo  *field,
              const char           *text,
              GError              **error)
{
  g_auto(GStrv) tokens = NULL;

  if (field->choice_list == NULL || is_blank (text))
    return TRUE;

  if (field->widget != AIMS_FIELD_WIDGET_MULTI_CHOICE)
    return is_choice (field, text) || fail_choice (field, text, error);

  /* "developer,deployer": every value one of the choices */
  tokens = g_strsplit (text, ",", -1);
  for (guint i = 0; tokens[i] != NULL; i++)
    {
      g_strstrip (tokens[i]);
      if (!is_choice (field, tokens[i]))
        return fail_choice (field, tokens[i], error);
    }

  return TRUE;
}

static gboolean
check_length (const AimsFieldInfo  *field,
              const char           *text,
              GError              **error)
{
  gsize len = strlen (text);

  if (field->max_bytes > 0 && len > field->max_bytes)
    {
      g_autofree char *size = _aims_format_bytes (len);
      g_autofree char *limit = _aims_format_bytes (field->max_bytes);

      g_set_error (error, AIMS_RULE_ERROR, AIMS_RULE_ERROR_TOO_LONG,
                   /* Translators: Name: too long (300 bytes); the limit is 256 bytes. */
                   _("%s: too long (%s); the limit is %s."), label_of (field), size, limit);
      return FALSE;
    }

  return TRUE;
}

/* The rules of one field, by itself. */
static gboolean
check_field (const AimsFieldInfo  *field,
             GHashTable           *record,
             GError              **error)
{
  const char *text;

  if (field->flags & AIMS_FIELD_FLAG_SYSTEM)
    return TRUE;

  if (field->kind != AIMS_FIELD_TEXT)
    return TRUE;

  text = text_of (record, field->name);

  if (field->required && is_blank (text))
    {
      g_set_error (error, AIMS_RULE_ERROR, AIMS_RULE_ERROR_REQUIRED,
                   /* Translators: Name: required; it cannot be empty. */
                   _("%s: required; it cannot be empty."), label_of (field));
      return FALSE;
    }

  if (!check_length (field, text, error))
    return FALSE;

  if (field->widget == AIMS_FIELD_WIDGET_DATE && text[0] != '\0' &&
      !aims_rules_date_is_valid (text))
    {
      g_autofree char *shown = _aims_text_for_message (text, -1);

      g_set_error (error, AIMS_RULE_ERROR, AIMS_RULE_ERROR_INVALID_DATE,
                   /* Translators: Next review: “2026-02-30” is not a date that exists; write
                    * it as YYYY-MM-DD. Keep YYYY-MM-DD: it is the format to type. */
                   _("%s: “%s” is not a date that exists; write it as YYYY-MM-DD."),
                   label_of (field), shown);
      return FALSE;
    }

  return check_choice (field, text, error);
}

/* A next review before the last one. */
static gboolean
check_review_order (const AimsTableInfo  *table,
                    GHashTable           *record,
                    const char           *field,
                    GError              **error)
{
  const char *last = text_of (record, "last_review");
  const char *next = text_of (record, "next_review");

  if (!aims_rules_date_is_valid (last) || !aims_rules_date_is_valid (next) ||
      strcmp (next, last) >= 0)
    return TRUE;

  if (g_strcmp0 (field, "last_review") == 0)
    g_set_error (error, AIMS_RULE_ERROR, AIMS_RULE_ERROR_DATE_ORDER,
                 /* Translators: Last review: 2026-03-01 is after the next review (2026-01-10). */
                 _("%s: %s is after the next review (%s)."),
                 label_of_name (table, "last_review"), last, next);
  else
    g_set_error (error, AIMS_RULE_ERROR, AIMS_RULE_ERROR_DATE_ORDER,
                 /* Translators: Next review: 2026-01-10 is before the last review (2026-03-01). */
                 _("%s: %s is before the last review (%s)."),
                 label_of_name (table, "next_review"), next, last);
  return FALSE;
}

/* An AI system left out of the AIMS scope says why (ISO/IEC 42001 4.3). */
static gboolean
check_justification (const AimsTableInfo  *table,
                     GHashTable           *record,
                     const char           *field,
                     GError              **error)
{
  GVariant *in_scope = g_hash_table_lookup (record, "in_scope");
  gboolean excluded;

  excluded = in_scope != NULL && g_variant_classify (in_scope) == G_VARIANT_CLASS_BOOLEAN &&
             !g_variant_get_boolean (in_scope);
  if (!excluded || !is_blank (text_of (record, "scope_justification")))
    return TRUE;

  if (g_strcmp0 (field, "in_scope") == 0)
    g_set_error (error, AIMS_RULE_ERROR, AIMS_RULE_ERROR_JUSTIFICATION_REQUIRED,
                 /* Translators: In scope: an AI system excluded from the scope needs a
                  * justification; write it in “Scope justification” first. */
                 _("%s: an AI system excluded from the scope needs a justification; write it in "
                   "“%s” first."),
                 label_of_name (table, "in_scope"), label_of_name (table, "scope_justification"));
  else
    g_set_error (error, AIMS_RULE_ERROR, AIMS_RULE_ERROR_JUSTIFICATION_REQUIRED,
                 /* Translators: Scope justification: required while the AI system is excluded
                  * from the scope. */
                 _("%s: required while the AI system is excluded from the scope."),
                 label_of_name (table, "scope_justification"));
  return FALSE;
}

/* A control of the Statement of Applicability says why it is included or
 * excluded, once decided (ISO/IEC 42001 6.1.3): the justification is
 * required either way. Undecided controls may still be drafted. */
static gboolean
check_soa_justification (const AimsTableInfo  *table,
                         GHashTable           *record,
                         const char           *field,
                         GError              **error)
{
  if (is_blank (text_of (record, "applicability")) ||
      !is_blank (text_of (record, "justification")))
    return TRUE;

  if (g_strcmp0 (field, "applicability") == 0)
    g_set_error (error, AIMS_RULE_ERROR, AIMS_RULE_ERROR_JUSTIFICATION_REQUIRED,
                 /* Translators: Applicability: a control needs a justification for its
                  * inclusion or exclusion; write it in “Justification” first. */
                 _("%s: a control needs a justification for its inclusion or exclusion; write "
                   "it in “%s” first."),
                 label_of_name (table, "applicability"), label_of_name (table, "justification"));
  else
    g_set_error (error, AIMS_RULE_ERROR, AIMS_RULE_ERROR_JUSTIFICATION_REQUIRED,
                 /* Translators: Justification: required once the control is included or
                  * excluded. */
                 _("%s: required once the control is included or excluded."),
                 label_of_name (table, "justification"));
  return FALSE;
}

/* High-risk under Annex III names the area (EU AI Act Art. 6(2)). */
static gboolean
check_area (const AimsTableInfo  *table,
            GHashTable           *record,
            const char           *field,
            GError              **error)
{
  if (!g_str_equal (text_of (record, "eu_ai_act_category"), HIGH_RISK_ANNEX_III) ||
      !is_blank (text_of (record, "eu_ai_act_area")))
    return TRUE;

  if (g_strcmp0 (field, "eu_ai_act_category") == 0)
    g_set_error (error, AIMS_RULE_ERROR, AIMS_RULE_ERROR_AREA_REQUIRED,
                 /* Translators: EU AI Act category: high-risk under Annex III needs its area;
                  * choose the “Annex III area” first. */
                 _("%s: high-risk under Annex III needs its area; choose the “%s” first."),
                 label_of_name (table, "eu_ai_act_category"),
                 label_of_name (table, "eu_ai_act_area"));
  else
    g_set_error (error, AIMS_RULE_ERROR, AIMS_RULE_ERROR_AREA_REQUIRED,
                 /* Translators: Annex III area: required while the category is high-risk under
                  * Annex III. */
                 _("%s: required while the category is high-risk under Annex III."),
                 label_of_name (table, "eu_ai_act_area"));
  return FALSE;
}

/* The rules of the record, or of those that involve @field; @kept (per
 * field of the table, or NULL) marks the fields whose own rules are known to
 * hold, which are not judged again. */
static gboolean
check_record (const AimsTableInfo  *table,
              GHashTable           *record,
              const char           *field,
              const gboolean       *kept,
              GError              **error)
{
  Pairs pairs;

  for (guint i = 0; i < table->n_fields; i++)
    {
      if ((kept == NULL || !kept[i]) && involves (field, table->fields[i].name) &&
          !check_field (&table->fields[i], record, error))
        return FALSE;
    }

  pairs = pairs_of (table);
  if ((pairs & PAIR_REVIEW_ORDER) &&
      (involves (field, "last_review") || involves (field, "next_review")) &&
      !check_review_order (table, record, field, error))
    return FALSE;

  if ((pairs & PAIR_JUSTIFICATION) &&
      (involves (field, "in_scope") || involves (field, "scope_justification")) &&
      !check_justification (table, record, field, error))
    return FALSE;

  if ((pairs & PAIR_SOA) &&
      (involves (field, "applicability") || involves (field, "justification")) &&
      !check_soa_justification (table, record, field, error))
    return FALSE;

  if ((pairs & PAIR_AREA) &&
      (involves (field, "eu_ai_act_category") || involves (field, "eu_ai_act_area")) &&
      !check_area (table, record, field, error))
    return FALSE;

  if (!_aims_incident_check_record (table, record, field, error))
    return FALSE;

  return TRUE;
}

gboolean
_aims_rules_check_record (const AimsTableInfo  *table,
                          GHashTable           *record,
                          const char           *field,
                          GError              **error)
{
  g_assert (table != NULL);
  g_assert (record != NULL);

  return check_record (table, record, field, NULL, error);
}

/* Whether the rules of @field by itself hold in @record. */
gboolean
_aims_rules_check_field (const AimsFieldInfo  *field,
                         GHashTable           *record,
                         GError              **error)
{
  g_assert (field != NULL);
  g_assert (record != NULL);

  return check_field (field, record, error);
}

gboolean
_aims_rules_check_record_kept (const AimsTableInfo  *table,
                               GHashTable           *record,
                               const gboolean       *kept,
                               GError              **error)
{
  g_assert (table != NULL);
  g_assert (record != NULL);

  return check_record (table, record, NULL, kept, error);
}

/* The rules of a risk (issue 5). The scores are steps of the project's
 * matrix, so they are judged against it; the other rules tie the
 * acceptance of a risk (ISO/IEC 42001 6.1.3) to its record. */

static gint64
int_of (GHashTable *record,
        const char *name)
{
  GVariant *value = g_hash_table_lookup (record, name);

  if (value != NULL && g_variant_classify (value) == G_VARIANT_CLASS_INT64)
    return g_variant_get_int64 (value);

  return 0;
}

/* A risk is being accepted when its status says so, or its treatment is
 * to accept it (ISO/IEC 42001 6.1.3 d: the risk owners' approval). */
gboolean
_aims_rules_risk_is_accepting (GHashTable *record)
{
  g_assert (record != NULL);

  return g_str_equal (text_of (record, "status"), "accepted") ||
         g_str_equal (text_of (record, "treatment"), "accept");
}

static gboolean
score_in_range (const AimsFieldInfo  *field,
                gint64                value,
                guint                 n_steps,
                gboolean              optional,
                GError              **error)
{
  g_autofree char *number = NULL;

  if ((optional && value == 0) || (value >= 1 && value <= n_steps))
    return TRUE;

  /* The number goes in as text: a G_GINT64_FORMAT inside a translatable
   * string cuts it short for xgettext */
  number = g_strdup_printf ("%" G_GINT64_FORMAT, value);
  g_set_error (error, AIMS_RULE_ERROR, AIMS_RULE_ERROR_SCORE_RANGE,
               optional
               /* Translators: Residual impact: 9 is not a step of the risk matrix; choose 1 to 5,
                * or 0 for not assessed. */
               ? _("%s: %s is not a step of the risk matrix; choose 1 to %u, "
                   "or 0 for not assessed.")
               /* Translators: Inherent likelihood: 0 is not a step of the risk matrix; choose 1
                * to 5. */
               : _("%s: %s is not a step of the risk matrix; choose 1 to %u."),
               label_of (field), number, n_steps);
  return FALSE;
}

/* What a risk being accepted must record, in the order a form asks for it. */
static const char * const acceptance_fields[] = {
  "accepted_by", "acceptance_role", "acceptance_date", "acceptance_rationale"
};

static gboolean
check_acceptance (const AimsTableInfo  *table,
                  GHashTable           *record,
                  const char           *field,
                  GError              **error)
{
  const char *accepting;

  if (g_str_equal (text_of (record, "status"), "accepted") &&
      !g_str_equal (text_of (record, "treatment"), "accept"))
    {
      g_set_error (error, AIMS_RULE_ERROR, AIMS_RULE_ERROR_ACCEPTANCE_REQUIRED,
                   /* Translators: Status: only a risk whose treatment is “Accept” can be
                    * accepted. */
                   _("%s: only a risk whose treatment is “%s” can be accepted."),
                   label_of_name (table, g_strcmp0 (field, "treatment") == 0 ? "treatment"
                                                                              : "status"),
                   aims_choice_label (aims_table_info_lookup_field (table, "treatment"),
                                      "accept"));
      return FALSE;
    }

  /* The field that made the risk accepted names the problem: the one being
   * edited if it is the status or the treatment, else whichever accepts it */
  if (g_strcmp0 (field, "status") == 0 || g_strcmp0 (field, "treatment") == 0)
    accepting = field;
  else if (g_str_equal (text_of (record, "status"), "accepted"))
    accepting = "status";
  else
    accepting = "treatment";

  for (guint i = 0; i < G_N_ELEMENTS (acceptance_fields); i++)
    {
      if (!is_blank (text_of (record, acceptance_fields[i])))
        continue;

      if (g_strcmp0 (field, acceptance_fields[i]) == 0)
        g_set_error (error, AIMS_RULE_ERROR, AIMS_RULE_ERROR_ACCEPTANCE_REQUIRED,
                     /* Translators: Accepted by: required while the risk is accepted. */
                     _("%s: required while the risk is accepted."),
                     label_of_name (table, acceptance_fields[i]));
      else
        g_set_error (error, AIMS_RULE_ERROR, AIMS_RULE_ERROR_ACCEPTANCE_REQUIRED,
                     /* Translators: Treatment: an accepted risk needs “Accepted by”; fill it
                      * in first. */
                     _("%s: an accepted risk needs “%s”; fill it in first."),
                     label_of_name (table, accepting),
                     label_of_name (table, acceptance_fields[i]));
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_score (const AimsTableInfo  *table,
             GHashTable           *record,
             const char           *name,
             guint                 n_steps,
             gboolean              optional,
             GError              **error)
{
  gint64 value = int_of (record, name);

  /* The field is looked up for the message only */
  if ((optional && value == 0) || (value >= 1 && value <= n_steps))
    return TRUE;

  return score_in_range (aims_table_info_lookup_field (table, name), value, n_steps, optional,
                         error);
}

gboolean
_aims_rules_check_risk (const AimsTableInfo  *table,
                        GHashTable           *record,
                        const char           *field,
                        AimsMatrix           *matrix,
                        GError              **error)
{
  guint n_likelihood = aims_matrix_get_n_steps (matrix, AIMS_MATRIX_LIKELIHOOD);
  guint n_impact = aims_matrix_get_n_steps (matrix, AIMS_MATRIX_IMPACT);
  gboolean residual_l, residual_i;

  g_assert (table != NULL);
  g_assert (record != NULL);
  g_assert (AIMS_IS_MATRIX (matrix));

  if ((involves (field, "inherent_likelihood") &&
       !check_score (table, record, "inherent_likelihood", n_likelihood, FALSE, error)) ||
      (involves (field, "inherent_impact") &&
       !check_score (table, record, "inherent_impact", n_impact, FALSE, error)) ||
      (involves (field, "residual_likelihood") &&
       !check_score (table, record, "residual_likelihood", n_likelihood, TRUE, error)) ||
      (involves (field, "residual_impact") &&
       !check_score (table, record, "residual_impact", n_impact, TRUE, error)))
    return FALSE;

  /* A residual score is a cell: both values or neither. */
  residual_l = int_of (record, "residual_likelihood") != 0;
  residual_i = int_of (record, "residual_impact") != 0;
  if ((involves (field, "residual_likelihood") || involves (field, "residual_impact")) &&
      residual_l != residual_i)
    {
      const char *set = residual_l ? "residual_likelihood" : "residual_impact";
      const char *unset = residual_l ? "residual_impact" : "residual_likelihood";

      g_set_error (error, AIMS_RULE_ERROR, AIMS_RULE_ERROR_RESIDUAL_INCOMPLETE,
                   /* Translators: Residual likelihood: set together with the “Residual impact”,
                    * or clear both. */
                   _("%s: set together with the “%s”, or clear both."),
                   label_of_name (table, set), label_of_name (table, unset));
      return FALSE;
    }

  /* A risk being accepted (its status, or its treatment) says who accepted
   * it, in what role, when and why (6.1.3). */
  if (_aims_rules_risk_is_accepting (record) &&
      (involves (field, "status") || involves (field, "treatment") ||
       involves (field, "accepted_by") || involves (field, "acceptance_role") ||
       involves (field, "acceptance_date") || involves (field, "acceptance_rationale")) &&
      !check_acceptance (table, record, field, error))
    return FALSE;

  /* An acceptance does not expire before it was given. */
  if (involves (field, "acceptance_date") || involves (field, "acceptance_expiry"))
    {
      const char *given = text_of (record, "acceptance_date");
      const char *expiry = text_of (record, "acceptance_expiry");

      if (aims_rules_date_is_valid (given) && aims_rules_date_is_valid (expiry) &&
          strcmp (expiry, given) < 0)
        {
          g_set_error (error, AIMS_RULE_ERROR, AIMS_RULE_ERROR_DATE_ORDER,
                       /* Translators: Acceptance expires: 2026-01-10 is before the acceptance
                        * date (2026-03-01). */
                       _("%s: %s is before the acceptance date (%s)."),
                       label_of_name (table, "acceptance_expiry"), expiry, given);
          return FALSE;
        }
    }

  return TRUE;
}

/* An impact's severity and likelihood are steps of the same matrix as a
 * risk's impact and likelihood (issue 6), so that a harm becomes a register
 * risk without translation; 0 is "not assessed", as a draft may leave it. */
gboolean
_aims_rules_check_impact (const AimsTableInfo  *table,
                          GHashTable           *record,
                          const char           *field,
                          AimsMatrix           *matrix,
                          GError              **error)
{
  g_assert (table != NULL);
  g_assert (record != NULL);
  g_assert (AIMS_IS_MATRIX (matrix));

  if (involves (field, "severity") &&
      !check_score (table, record, "severity",
                    aims_matrix_get_n_steps (matrix, AIMS_MATRIX_IMPACT), TRUE, error))
    return FALSE;

  if (involves (field, "likelihood") &&
      !check_score (table, record, "likelihood",
                    aims_matrix_get_n_steps (matrix, AIMS_MATRIX_LIKELIHOOD), TRUE, error))
    return FALSE;

  return TRUE;
}

/* Whether the rules of an impact need the matrix for this change */
gboolean
_aims_rules_impact_needs_matrix (const AimsTableInfo *table,
                                 const char          *field)
{
  return g_str_equal (table->name, "impact") &&
         (involves (field, "severity") || involves (field, "likelihood"));
}

/* One value as the store would take it, with the rules' own codes for size
 * and choices; wrong types and NULLs keep the store's errors. */
static gboolean
check_value (const AimsTableInfo  *table,
             const AimsFieldInfo  *field,
             GVariant             *value,
             GVariant            **normalized,
             GError              **error)
{
  if (value != NULL && g_variant_classify (value) == G_VARIANT_CLASS_STRING &&
      (field->kind == AIMS_FIELD_TEXT || field->kind == AIMS_FIELD_JSON))
    {
      const char *text = g_variant_get_string (value, NULL);

      if (!check_length (field, text, error))
        return FALSE;

      if (field->required && is_blank (text))
        {
          g_set_error (error, AIMS_RULE_ERROR, AIMS_RULE_ERROR_REQUIRED,
                       _("%s: required; it cannot be empty."), label_of (field));
          return FALSE;
        }

      if (!check_choice (field, text, error))
        return FALSE;
    }

  return _aims_store_normalize_value (table, field, value, normalized, error);
}

static gboolean
check_unique_reference (AimsStore            *store,
                        const AimsTableInfo  *table,
                        GHashTable           *record,
                        const char           *uuid,
                        GError              **error)
{
  g_autofree char *quoted = _aims_sqlite_quote (table->name);
  g_autofree char *sql = NULL;
  const char *reference = text_of (record, "reference");
  sqlite3_stmt *stmt;
  int rc;

  if (aims_table_info_lookup_field (table, "reference") == NULL)
    return TRUE;

  sql = g_strdup_printf ("SELECT 1 FROM %s WHERE reference = ? AND uuid IS NOT ?", quoted);
  stmt = _aims_store_prepare (store, sql, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, reference, -1, SQLITE_TRANSIENT);
  if (uuid != NULL)
    sqlite3_bind_text (stmt, 2, uuid, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  _aims_store_release (stmt);

  if (rc == SQLITE_ROW)
    {
      g_autofree char *shown = _aims_text_for_message (reference, -1);

      g_set_error (error, AIMS_RULE_ERROR, AIMS_RULE_ERROR_DUPLICATE_REFERENCE,
                   /* Translators: Reference: “SYS-001” is already used by another AI system. */
                   _("%s: “%s” is already used by another %s."),
                   label_of_name (table, "reference"), shown, _(table->noun));
      return FALSE;
    }

  if (rc != SQLITE_DONE)
    {
      _aims_sqlite_set_error (error, _aims_store_get_db (store), rc,
                              _("Could not read the project"));
      return FALSE;
    }

  return TRUE;
}

/* The value a column gets when an insert leaves it out, from the database's
 * own DEFAULT clauses. */
static GVariant *
parse_default (const AimsFieldInfo *field,
               const char          *sql_default)
{
  gint64 number = 0;

  if (sql_default == NULL)
    return NULL;

  if (sql_default[0] == '\'')
    {
      GString *text = g_string_new (NULL);

      for (const char *p = sql_default + 1; *p != '\0'; p++)
        {
          if (*p == '\'' && p[1] == '\'')
            p++;
          else if (*p == '\'')
            break;
          g_string_append_c (text, *p);
        }

      return g_variant_ref_sink (g_variant_new_take_string (g_string_free (text, FALSE)));
    }

  if (!g_ascii_string_to_signed (sql_default, 10, G_MININT64, G_MAXINT64, &number, NULL))
    return NULL;

  switch (field->kind)
    {
    case AIMS_FIELD_BOOLEAN:
      return g_variant_ref_sink (g_variant_new_boolean (number != 0));
    case AIMS_FIELD_INTEGER:
      return g_variant_ref_sink (g_variant_new_int64 (number));
    case AIMS_FIELD_REAL:
      return g_variant_ref_sink (g_variant_new_double ((double) number));
    case AIMS_FIELD_TEXT:
    case AIMS_FIELD_JSON:
    case AIMS_FIELD_ANY:
    default:
      return g_variant_ref_sink (g_variant_new_take_string (g_strdup (sql_default)));
    }
}

static GHashTable *
dup_defaults (AimsStore            *store,
              const AimsTableInfo  *table,
              GError              **error)
{
  g_autoptr(GHashTable) record = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = _aims_store_prepare (store, "SELECT name, dflt_value FROM pragma_table_info(?)", error);
  if (stmt == NULL)
    return NULL;

  record = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_variant_unref);
  sqlite3_bind_text (stmt, 1, table->name, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const AimsFieldInfo *field;
      GVariant *value;

      field = aims_table_info_lookup_field (table, (const char *) sqlite3_column_text (stmt, 0));
      if (field == NULL)
        continue;

      value = parse_default (field, (const char *) sqlite3_column_text (stmt, 1));
      if (value != NULL)
        g_hash_table_insert (record, (gpointer) field->name, value);
    }
  _aims_store_release (stmt);

  if (rc != SQLITE_DONE)
    {
      _aims_sqlite_set_error (error, _aims_store_get_db (store), rc,
                              _("Could not read the project"));
      return NULL;
    }

  return g_steal_pointer (&record);
}

/* The values the database gives the columns an insert leaves out (field
 * name → canonical GVariant), for checking new records in memory. */
GHashTable *
_aims_rules_dup_defaults (AimsStore            *store,
                          const AimsTableInfo  *table,
                          GError              **error)
{
  g_return_val_if_fail (AIMS_IS_STORE (store), NULL);
  g_return_val_if_fail (table != NULL, NULL);

  return dup_defaults (store, table, error);
}

/**
 * aims_rules_date_is_valid:
 * @text: a date
 *
 * Returns: %TRUE if @text is a date written YYYY-MM-DD that exists
 *   (2026-02-28 is one, 2026-02-30 and 2026-2-8 are not)
 */
gboolean
aims_rules_date_is_valid (const char *text)
{
  guint year, month, day;

  g_return_val_if_fail (text != NULL, FALSE);

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;

  for (guint i = 0; i < 10; i++)
    {
      if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
        return FALSE;
    }

  year = g_ascii_digit_value (text[0]) * 1000 + g_ascii_digit_value (text[1]) * 100 +
         g_ascii_digit_value (text[2]) * 10 + g_ascii_digit_value (text[3]);
  month = g_ascii_digit_value (text[5]) * 10 + g_ascii_digit_value (text[6]);
  day = g_ascii_digit_value (text[8]) * 10 + g_ascii_digit_value (text[9]);

  return year >= 1 && month >= 1 && month <= 12 && day >= 1 &&
         g_date_valid_dmy (day, month, year);
}

/**
 * aims_rules_check_score:
 * @matrix: the project's risk matrix
 * @field: a score: a risk's likelihood or impact, or an impact's severity or
 *   likelihood
 * @value: the score
 * @error: return location for a #GError
 *
 * Whether @value is a step of @matrix on the field's scale (impact steps for
 * an impact or a severity, likelihood steps otherwise), or 0 where the field
 * may be left not assessed. Forms use it to say what is wrong with a score
 * that a file brought in from elsewhere; the store applies the same rule to
 * every edit.
 *
 * Returns: %TRUE if @value fits, or %FALSE with %AIMS_RULE_ERROR_SCORE_RANGE
 */
gboolean
aims_rules_check_score (AimsMatrix           *matrix,
                        const AimsFieldInfo  *field,
                        gint64                value,
                        GError              **error)
{
  AimsMatrixAxis axis;

  g_return_val_if_fail (AIMS_IS_MATRIX (matrix), FALSE);
  g_return_val_if_fail (field != NULL, FALSE);

  axis = g_str_has_suffix (field->name, "_impact") || g_str_equal (field->name, "severity")
         ? AIMS_MATRIX_IMPACT : AIMS_MATRIX_LIKELIHOOD;

  return score_in_range (field, value, aims_matrix_get_n_steps (matrix, axis), !field->required,
                         error);
}

/**
 * aims_rules_check_update:
 * @store: a #AimsStore
 * @table: the table of the record
 * @uuid: the record
 * @field: the field to change
 * @value: (nullable): the new value (floating references are sunk)
 * @error: return location for a #GError
 *
 * Whether aims_store_update() would accept the edit, without making it: the
 * value fits the field, and the record as the edit would leave it keeps the
 * rules that involve @field, including a unique reference. Rule violations
 * are %AIMS_RULE_ERROR; an unknown table, field or record, or a value of the
 * wrong type, are %AIMS_STORE_ERROR as from the store. A change of an impact
 * assessment's status is judged as the store judges it, with its
 * %AIMS_ASSESSMENT_ERROR.
 *
 * Returns: %TRUE if the edit keeps the rules
 */
gboolean
aims_rules_check_update (AimsStore   *store,
                         const char  *table,
                         const char  *uuid,
                         const char  *field,
                         GVariant    *value,
                         GError     **error)
{
  g_autoptr(GVariant) owned = NULL;
  g_autoptr(GVariant) normalized = NULL;
  g_autoptr(GHashTable) record = NULL;
  const AimsTableInfo *info;
  const AimsFieldInfo *field_info;

  g_return_val_if_fail (AIMS_IS_STORE (store), FALSE);
  g_return_val_if_fail (table != NULL, FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);
  g_return_val_if_fail (field != NULL, FALSE);

  if (value != NULL)
    owned = g_variant_ref_sink (value);

  if ((info = _aims_store_lookup_table (store, table, TRUE, error)) == NULL ||
      (field_info = _aims_store_lookup_field (info, field, TRUE, error)) == NULL ||
      (record = _aims_store_dup_record (store, info, uuid, error)) == NULL)
    return FALSE;

  if (!check_value (info, field_info, owned, &normalized, error))
    return FALSE;

  /* As in the store: an unchanged value is no edit at all. */
  if (normalized != NULL && g_hash_table_contains (record, field_info->name) &&
      g_variant_equal (g_hash_table_lookup (record, field_info->name), normalized))
    return TRUE;

  if (normalized != NULL)
    g_hash_table_replace (record, (gpointer) field_info->name, g_variant_ref (normalized));
  else
    g_hash_table_remove (record, field_info->name);

  if (!_aims_rules_check_record (info, record, field_info->name, error))
    return FALSE;

  if (g_str_equal (info->name, "risk"))
    {
      g_autoptr(AimsMatrix) matrix = aims_store_dup_matrix (store);

      if (!_aims_rules_check_risk (info, record, field_info->name, matrix, error))
        return FALSE;
    }

  if (_aims_rules_impact_needs_matrix (info, field_info->name))
    {
      g_autoptr(AimsMatrix) matrix = aims_store_dup_matrix (store);

      if (!_aims_rules_check_impact (info, record, field_info->name, matrix, error))
        return FALSE;
    }

  if (g_str_equal (info->name, "impact_assessment") && g_str_equal (field_info->name, "status") &&
      !_aims_assessment_check_status (store, uuid,
                                      normalized != NULL
                                      ? g_variant_get_string (normalized, NULL) : NULL,
                                      error))
    return FALSE;

  if (g_str_equal (info->name, "finding") && g_str_equal (field_info->name, "status") &&
      !_aims_finding_check_record (store, uuid, record, error))
    return FALSE;

  if (g_str_equal (field_info->name, "reference"))
    return check_unique_reference (store, info, record, uuid, error);

  return TRUE;
}

/**
 * aims_rules_dup_acceptance_warning:
 * @store: a #AimsStore
 * @uuid: a risk
 *
 * Whether accepting the risk goes beyond the organisation's risk appetite:
 * the risk is being accepted (its status is accepted, or its treatment is
 * to accept it) while its residual level (the inherent level when no
 * residual score is set) is above the tolerance of the project's matrix.
 * That is allowed, but whoever accepts it should know; forms show the
 * message beside the acceptance.
 *
 * Returns: (transfer full) (nullable): a message saying so, or %NULL when
 *   the acceptance stays within the appetite, the risk is not being
 *   accepted, or it does not exist
 */
char *
aims_rules_dup_acceptance_warning (AimsStore  *store,
                                   const char *uuid)
{
  g_autoptr(GHashTable) record = NULL;
  g_autoptr(AimsMatrix) matrix = NULL;
  const AimsTableInfo *info;
  gint64 inherent, residual, current;
  guint tolerance;

  g_return_val_if_fail (AIMS_IS_STORE (store), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  if ((info = _aims_store_lookup_table (store, "risk", TRUE, NULL)) == NULL ||
      (record = _aims_store_dup_record (store, info, uuid, NULL)) == NULL ||
      !_aims_rules_risk_is_accepting (record))
    return NULL;

  matrix = aims_store_dup_matrix (store);
  inherent = int_of (record, "inherent_level");
  residual = int_of (record, "residual_level");
  current = residual >= 0 ? residual : inherent;
  if (current < 0 || current >= aims_matrix_get_n_levels (matrix) ||
      !aims_matrix_is_above_tolerance (matrix, (guint) current))
    return NULL;

  tolerance = aims_matrix_get_tolerance (matrix);
  if (residual >= 0)
    return g_strdup_printf (/* Translators: the residual level, then the tolerance level */
                            _("This acceptance exceeds the risk appetite: the residual level "
                              "“%s” is above the tolerance “%s”."),
                            aims_matrix_get_level_name (matrix, (guint) current),
                            aims_matrix_get_level_name (matrix, tolerance));

  return g_strdup_printf (/* Translators: the inherent level, then the tolerance level */
                          _("This acceptance exceeds the risk appetite: with no residual score "
                            "yet, the inherent level “%s” is above the tolerance “%s”."),
                          aims_matrix_get_level_name (matrix, (guint) current),
                          aims_matrix_get_level_name (matrix, tolerance));
}

/**
 * aims_rules_check_insert:
 * @store: a #AimsStore
 * @table: a table of records
 * @values: (element-type utf8 GVariant): field name → value, as for
 *   aims_store_insert()
 * @error: return location for a #GError
 *
 * Whether aims_store_insert() would accept the record, without adding it:
 * every rule on the record as the database would make it (absent fields take
 * their defaults), including a unique reference. Errors are as for
 * aims_rules_check_update().
 *
 * Returns: %TRUE if the record keeps the rules
 */
gboolean
aims_rules_check_insert (AimsStore   *store,
                         const char  *table,
                         GHashTable  *values,
                         GError     **error)
{
  g_autoptr(GHashTable) record = NULL;
  const AimsTableInfo *info;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (AIMS_IS_STORE (store), FALSE);
  g_return_val_if_fail (table != NULL, FALSE);
  g_return_val_if_fail (values != NULL, FALSE);

  if ((info = _aims_store_lookup_table (store, table, TRUE, error)) == NULL)
    return FALSE;

  if (info->kind != AIMS_TABLE_RECORDS)
    {
      g_set_error (error, AIMS_STORE_ERROR, AIMS_STORE_ERROR_UNKNOWN_FIELD,
                   _("A project has exactly one %s; it cannot be added."), _(info->noun));
      return FALSE;
    }

  if ((record = dup_defaults (store, info, error)) == NULL)
    return FALSE;

  g_hash_table_iter_init (&iter, values);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const AimsFieldInfo *field;
      GVariant *normalized = NULL;

      if (g_strcmp0 (key, "uuid") == 0)
        {
          if (value == NULL || g_variant_classify (value) != G_VARIANT_CLASS_STRING ||
              !g_uuid_string_is_valid (g_variant_get_string (value, NULL)))
            {
              g_set_error (error, AIMS_STORE_ERROR, AIMS_STORE_ERROR_INVALID_VALUE,
                           _("The identifier of a new record must be a UUID."));
              return FALSE;
            }
          continue;
        }

      if ((field = _aims_store_lookup_field (info, key, TRUE, error)) == NULL ||
          !check_value (info, field, value, &normalized, error))
        return FALSE;

      if (normalized != NULL)
        g_hash_table_replace (record, (gpointer) field->name, normalized);
      else
        g_hash_table_remove (record, field->name);
    }

  /* A column that must hold a value and has no default must be given one. */
  for (guint i = 0; i < info->n_fields; i++)
    {
      const AimsFieldInfo *field = &info->fields[i];

      if ((field->flags & AIMS_FIELD_FLAG_SYSTEM) == 0 &&
          (field->flags & AIMS_FIELD_FLAG_NOT_NULL) != 0 &&
          !g_hash_table_contains (record, field->name))
        {
          g_set_error (error, AIMS_RULE_ERROR, AIMS_RULE_ERROR_REQUIRED,
                       _("%s: required; it cannot be empty."), label_of (field));
          return FALSE;
        }
    }

  if (!_aims_rules_check_record (info, record, NULL, error))
    return FALSE;

  if (g_str_equal (info->name, "risk"))
    {
      g_autoptr(AimsMatrix) matrix = aims_store_dup_matrix (store);

      if (!_aims_rules_check_risk (info, record, NULL, matrix, error))
        return FALSE;
    }

  if (_aims_rules_impact_needs_matrix (info, NULL))
    {
      g_autoptr(AimsMatrix) matrix = aims_store_dup_matrix (store);

      if (!_aims_rules_check_impact (info, record, NULL, matrix, error))
        return FALSE;
    }

  return check_unique_reference (store, info, record, NULL, error);
}
