/* aims-demo-audits.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aims-demo"

#include "config.h"

#include "aims-demo-audits-private.h"


/*
 * The demo insurer's internal audit (ISO/IEC 42001 9.2): one completed
 * audit of clause 9 and control objective A.6 in September 2026, with its
 * checklist filled in and three findings. A minor nonconformity against
 * 9.2.2 was corrected and verified, so it is closed; a major one against
 * A.6.2.6 has a corrective action past its due date; an observation on
 * 9.3.2 needs no action. Dates are fixed, like the rest of the demo, so
 * "overdue" follows the calendar. The demo is in English.
 */

#define AUDITOR "Priya Natarajan, Internal Audit"
#define CRO "Chief Risk Officer"
#define MRM "Head of Model Risk"

typedef struct
{
  const char *requirement;
  const char *result;
  const char *evidence;
} DemoResult;

static const DemoResult results[] = {
  { "9.1", "conforming", "Quarterly AIMS dashboard to the Board Risk Committee, Q1 and Q2 2026." },
  { "9.2.1", "conforming", "Internal audit charter v4; audits reported to the Audit Committee." },
  { "9.2.2", "minor-nonconformity",
    "The 2026 audit programme lists clauses 4 to 10 only; no Annex A control is planned for "
    "audit." },
  { "9.3.1", "conforming", "Management review held 12 March 2026, minutes seen." },
  { "9.3.2", "observation",
    "Review inputs cover risks and incidents, but customer complaints about AI decisions are "
    "summarised only verbally." },
  { "9.3.3", "conforming", "Decisions and actions recorded in the minutes with owners." },
  { "A.6.1.2", "conforming", "Responsible AI development standard v2." },
  { "A.6.1.3", "conforming", "Stage gates in the model life cycle procedure." },
  { "A.6.2.2", "conforming", "Requirements documents for all three production models." },
  { "A.6.2.3", "conforming", "Design records in the model repository." },
  { "A.6.2.4", "conforming", "Validation reports signed by Model Risk." },
  { "A.6.2.5", "conforming", "Deployment checklist used for the last two releases." },
  { "A.6.2.6", "major-nonconformity",
    "The claims triage model has run since January 2025 without any drift or performance "
    "monitoring; no alert thresholds are defined." },
  { "A.6.2.7", "improvement",
    "Technical documentation is complete but spread over three tools; one index would help "
    "reviewers." },
  { "A.6.2.8", "not-audited", "Event logs not sampled: the logging platform was being migrated." },
};

typedef struct
{
  const char *what;
  const char *owner;
  const char *due_date;
  const char *status;
  const char *completed_on;
} DemoAction;

typedef struct
{
  const char       *requirement;
  const char       *title;
  const char       *whys[4];
  const char       *root_cause;
  const char       *verified_by;
  const char       *verified_on;
  const char       *verification;
  const char       *verification_note;
  const char       *status;
  const DemoAction  actions[3];
} DemoFinding;

static const DemoFinding findings[] = {
  { "9.2.2", "Audit programme leaves out the Annex A controls",
    { "The programme was copied from the 2025 ISO 9001 programme.",
      "Nobody owned the AIMS audit programme when it was drafted.",
      "The AIMS roles were assigned after the audit plan was approved.", NULL },
    "The audit programme was planned before AIMS roles existed, so no one added the Annex A "
    "controls.",
    "Head of Compliance", "2026-11-02", "effective",
    "The revised programme covers all applicable Annex A controls over three years.",
    "closed",
    { { "Extend the audit programme to every applicable Annex A control", CRO, "2026-10-15",
        "done", "2026-10-09" },
      { "Name the owner of the AIMS audit programme in the RACI", CRO, "2026-10-31", "done",
        "2026-10-20" } } },
  { "A.6.2.6", "No drift monitoring for the claims triage model",
    { "No monitoring was set up when the model went live.",
      "The go-live checklist had no monitoring step.",
      "The life cycle procedure did not require one for internal models.", NULL },
    "The model life cycle procedure did not require monitoring for models used internally.",
    "", "", "", "", "open",
    { { "Set up drift monitoring with alert thresholds for the claims triage model", MRM,
        "2026-11-15", "in-progress", "" },
      { "Add a monitoring step to the model go-live checklist", MRM, "2027-01-31", "planned",
        "" } } },
  { "9.3.2", "Complaints about AI decisions reach the review only verbally",
    { NULL }, "", "", "", "", "", "open", { { NULL } } },
};

static GHashTable *
values_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_variant_unref);
}

static void
put (GHashTable *values,
     const char *field,
     const char *text)
{
  g_hash_table_replace (values, (gpointer) field,
                        g_variant_ref_sink (g_variant_new_string (text != NULL ? text : "")));
}

/* The same project from the same demo: uuids from a fixed seed */
static char *
insert (AimsStore   *store,
        GRand       *rand,
        const char  *table,
        GHashTable  *values,
        GError     **error)
{
  guint8 b[16];

  for (guint i = 0; i < sizeof b; i++)
    b[i] = g_rand_int_range (rand, 0, 256);
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;

  g_hash_table_replace (values, (gpointer) "uuid",
                        g_variant_ref_sink (g_variant_new_take_string (
                          g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
                                           "%02x%02x%02x%02x%02x%02x",
                                           b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8],
                                           b[9], b[10], b[11], b[12], b[13], b[14], b[15]))));
  return aims_store_insert (store, table, values, error);
}

static const DemoResult *
result_for (const char *requirement)
{
  for (guint i = 0; i < G_N_ELEMENTS (results); i++)
    {
      if (g_str_equal (results[i].requirement, requirement))
        return &results[i];
    }

  return NULL;
}

static gboolean
add_finding (AimsStore          *store,
             GRand              *rand,
             const char         *audit,
             GHashTable         *items,
             guint               number,
             const DemoFinding  *demo,
             GError            **error)
{
  const DemoResult *result = result_for (demo->requirement);
  const char *item = g_hash_table_lookup (items, demo->requirement);
  g_autoptr(GHashTable) values = values_new ();
  g_autofree char *reference = g_strdup_printf ("F-%03u", number);
  g_autofree char *whys = aims_audit_format_scope (demo->whys);
  g_autofree char *finding = NULL;
  const char *kind = "nonconformity", *severity = "";

  if (result == NULL || item == NULL)
    return TRUE;

  if (g_str_equal (result->result, "minor-nonconformity"))
    severity = "minor";
  else if (g_str_equal (result->result, "major-nonconformity"))
    severity = "major";
  else
    kind = result->result;

  put (values, "reference", reference);
  put (values, "audit", audit);
  put (values, "audit_item", item);
  put (values, "kind", kind);
  put (values, "severity", severity);
  put (values, "requirement", demo->requirement);
  put (values, "title", demo->title);
  put (values, "description", result->evidence);
  put (values, "raised_by", AUDITOR);
  put (values, "raised_on", "2026-09-18");
  put (values, "whys", whys);
  put (values, "root_cause", demo->root_cause);
  put (values, "verified_by", demo->verified_by);
  put (values, "verified_on", demo->verified_on);
  put (values, "verification", demo->verification);
  put (values, "verification_note", demo->verification_note);
  put (values, "status", demo->status);
  if ((finding = insert (store, rand, "finding", values, error)) == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (demo->actions) && demo->actions[i].what != NULL; i++)
    {
      const DemoAction *action = &demo->actions[i];
      g_autoptr(GHashTable) fields = values_new ();
      g_autofree char *uuid = NULL;

      put (fields, "finding", finding);
      put (fields, "what", action->what);
      put (fields, "owner", action->owner);
      put (fields, "due_date", action->due_date);
      put (fields, "status", action->status);
      put (fields, "completed_on", action->completed_on);
      if ((uuid = insert (store, rand, "corrective_action", fields, error)) == NULL)
        return FALSE;
    }

  return TRUE;
}

/*
 * _aims_demo_generate_audits:
 *
 * Adds the demo's internal audit with its checklist, findings and
 * corrective actions. Every record is written whole, so the demo's history
 * holds one insert per record, as for the rest of the demo.
 */
gboolean
_aims_demo_generate_audits (AimsStore  *store,
                            GError    **error)
{
  const char *scope[] = { "9", "A.6", NULL };
  g_autoptr(GRand) rand = g_rand_new_with_seed (0xa0d17u);
  g_autoptr(GHashTable) values = values_new ();
  g_autoptr(GHashTable) items = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autofree char *audit = NULL;
  g_autofree char *json = aims_audit_format_scope (scope);
  g_auto(GStrv) requirements = NULL;
  AimsCatalog *catalog;

  if ((catalog = aims_catalog_get_default (error)) == NULL ||
      (requirements = aims_audit_expand_scope (catalog, json, error)) == NULL)
    return FALSE;

  put (values, "reference", "AUD-001");
  put (values, "title", "Performance evaluation and AI system life cycle, 2026");
  put (values, "scope", json);
  put (values, "criteria", "ISO/IEC 42001:2023 clause 9 and Annex A.6; AI policy v3; model life "
                           "cycle procedure v2.");
  put (values, "auditor", AUDITOR);
  put (values, "start_date", "2026-09-14");
  put (values, "end_date", "2026-09-18");
  put (values, "status", "completed");
  put (values, "conclusion", "The management system is largely effective for clause 9 and A.6. "
                             "One major nonconformity (no drift monitoring) needs prompt "
                             "correction.");
  if ((audit = insert (store, rand, "audit", values, error)) == NULL)
    return FALSE;

  for (guint i = 0; requirements[i] != NULL; i++)
    {
      const DemoResult *result = result_for (requirements[i]);
      g_autoptr(GHashTable) fields = values_new ();
      char *item;

      put (fields, "audit", audit);
      put (fields, "requirement", requirements[i]);
      g_hash_table_replace (fields, (gpointer) "position",
                            g_variant_ref_sink (g_variant_new_int64 (i)));
      put (fields, "result", result != NULL ? result->result : "");
      put (fields, "evidence_seen", result != NULL ? result->evidence : "");
      if ((item = insert (store, rand, "audit_item", fields, error)) == NULL)
        return FALSE;
      g_hash_table_insert (items, requirements[i], item);
    }

  for (guint i = 0; i < G_N_ELEMENTS (findings); i++)
    {
      if (!add_finding (store, rand, audit, items, i + 1, &findings[i], error))
        return FALSE;
    }

  return TRUE;
}
