/* aims-demo-soa.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aims-demo"

#include "config.h"

#include "aims-demo-soa-private.h"

#include "aims-catalog.h"
#include "aims-pdca.h"
#include "aims-soa.h"

#include <glib/gi18n.h>

/*
 * The demo insurer's Statement of Applicability and PDCA board: most
 * controls applicable and on their way, two excluded with their reasons, a
 * few pieces of evidence, the clauses of Plan mostly done, an internal audit
 * late, and two AI objectives of its own. The demo is in English, as the
 * rest of the demo project is.
 */

typedef struct
{
  const char *control;
  const char *applicability;
  const char *implementation;
  const char *owner;
  const char *justification;
  const char *how;
} DemoControl;

#define CRO "Chief Risk Officer"
#define DS "Head of Data Science"
#define DPO "Data Protection Officer"
#define MRM "Head of Model Risk"
#define CISO "CISO"
#define PROC "Head of Procurement"
#define COMMS "Head of Customer Communications"
#define HR "HR Director"

static const DemoControl controls[] = {
  { "A.2.2", "applicable", "implemented", CRO,
    "The board requires one AI policy for every use of AI in the group.",
    "AI policy v3, approved by the board in January; published on the intranet." },
  { "A.2.3", "applicable", "implemented", CRO,
    "The AI policy must agree with the model risk, data protection and security policies.",
    "Policy map reviewed by Compliance; cross-references in each policy." },
  { "A.2.4", "applicable", "planned", CRO,
    "The policy must keep pace with the EU AI Act and our own use of AI.",
    "Annual review scheduled with the management review in October." },
  { "A.3.2", "applicable", "implemented", CRO,
    "Every AI system needs an accountable owner and a technical owner.",
    "RACI recorded for each system in the inventory; roles in job descriptions." },
  { "A.3.3", "applicable", "partial", CRO,
    "Staff and contractors must be able to raise concerns about AI safely.",
    "Speak-up line extended to AI; awareness campaign still to run." },
  { "A.4.2", "applicable", "implemented", DS,
    "Auditors and owners need to know what each AI system runs on.",
    "Resource section in each model card." },
  { "A.4.3", "applicable", "partial", DS,
    "Pricing and claims models depend on data resources we must know.",
    "Data sets registered in the inventory; lineage for half of them." },
  { "A.4.4", "applicable", "implemented", DS,
    "Our ML platform and tools shape every model we build.",
    "Approved tooling list maintained by the ML platform team." },
  { "A.4.5", "applicable", "partial", CISO,
    "Models run on our cloud tenancy and on a supplier's platform.",
    "Capacity and resilience plans for in-house models; supplier platform pending." },
  { "A.4.6", "applicable", "planned", HR,
    "People who build, run and oversee AI need the right competence.",
    "Competence matrix drafted; training plan due in Q3." },
  { "A.5.2", "applicable", "implemented", MRM,
    "Several systems affect policyholders' access to insurance and claims.",
    "Impact assessment procedure IA-01 in use since March." },
  { "A.5.3", "applicable", "implemented", MRM,
    "Impact assessments are evidence for supervisors and auditors.",
    "Assessments stored with the system's file; reviewed yearly." },
  { "A.5.4", "applicable", "partial", DPO,
    "Pricing and fraud models can treat individuals or groups unfairly.",
    "Fairness testing for pricing; fraud scoring assessment in progress." },
  { "A.5.5", "applicable", "not-started", CRO,
    "As a mutual insurer we answer to our members for wider effects on society.",
    "" },
  { "A.6.1.2", "applicable", "implemented", DS,
    "Responsible development objectives guide every model we build.",
    "Objectives in the model development standard MDS-2." },
  { "A.6.1.3", "applicable", "implemented", DS,
    "Models are designed and developed in house.",
    "Model development standard with stage gates." },
  { "A.6.2.2", "applicable", "implemented", DS,
    "Each system needs agreed requirements before it is built.",
    "Requirements template in the model development standard." },
  { "A.6.2.3", "applicable", "partial", DS,
    "Design decisions must be traceable.",
    "Design records kept for new models; older models being documented." },
  { "A.6.2.4", "applicable", "implemented", MRM,
    "Models that price risk or settle claims must be independently validated.",
    "Independent validation by the model risk team before each release." },
  { "A.6.2.5", "applicable", "implemented", DS,
    "Deployment must be controlled and reversible.",
    "Release checklist and change approval in the ML platform." },
  { "A.6.2.6", "applicable", "partial", DS,
    "Model performance drifts as claims and customers change.",
    "Drift monitoring for pricing and claims triage; others planned." },
  { "A.6.2.7", "applicable", "partial", DS,
    "Users and auditors need technical documentation.",
    "Model cards for 8 of 13 systems." },
  { "A.6.2.8", "applicable", "implemented", CISO,
    "Logs are needed to investigate incidents and complaints.",
    "Prediction and decision logs kept for seven years." },
  { "A.7.2", "applicable", "implemented", DS,
    "Models are trained on our policy and claims data.",
    "Data management standard for development data." },
  { "A.7.3", "applicable", "partial", PROC,
    "We buy external data for fraud detection and pricing.",
    "Data purchase checklist; two older contracts under review." },
  { "A.7.4", "applicable", "partial", DS,
    "Data quality drives model quality and fairness.",
    "Quality checks automated for the pricing data sets." },
  { "A.7.5", "applicable", "planned", DS,
    "We must show where training data came from.",
    "Lineage tool selected; roll-out in Q3." },
  { "A.7.6", "applicable", "implemented", DS,
    "Data preparation choices change model behaviour.",
    "Preparation steps versioned with the training code." },
  { "A.8.2", "applicable", "implemented", COMMS,
    "Customers and claims handlers use the output of our AI systems.",
    "User guides for claims handlers; notices for customers on the portal." },
  { "A.8.3", "excluded", "not-applicable", CRO,
    "No law or contract requires us to report on AI to external parties beyond the "
    "supervisory reporting covered by the compliance function.",
    "" },
  { "A.8.4", "applicable", "planned", CISO,
    "Incidents with AI systems may have to be told to customers and the supervisor.",
    "Incident procedure being extended to AI incidents." },
  { "A.8.5", "applicable", "partial", COMMS,
    "Members, brokers and the supervisor ask about our use of AI.",
    "AI page on the website; broker briefing still to prepare." },
  { "A.9.2", "applicable", "implemented", CRO,
    "Claims handlers and underwriters use AI output in decisions.",
    "Human review of declined claims; override logging." },
  { "A.9.3", "applicable", "partial", CRO,
    "Use of AI must serve the objectives the board has set.",
    "Objectives agreed; measures defined for two of them." },
  { "A.9.4", "applicable", "not-started", CRO,
    "The chatbot and claims triage could be used beyond their purpose.",
    "" },
  { "A.10.2", "applicable", "implemented", PROC,
    "Responsibilities with suppliers of AI and data must be clear.",
    "Responsibility clauses in the AI supplier contract template." },
  { "A.10.3", "applicable", "partial", PROC,
    "We rely on a supplier's fraud model and a cloud AI platform.",
    "Due diligence done for the fraud model supplier; platform pending." },
  { "A.10.4", "excluded", "not-applicable", CRO,
    "Northwind does not provide AI systems or components to customers; its customers only "
    "receive insurance services, covered by A.8 and A.9.",
    "" },
};

typedef struct
{
  const char *clause;
  const char *phase;    /* NULL: the catalogue's */
  const char *status;
  const char *owner;
  int         due_in;     /* days from the demo's day */
  const char *evidence;
} DemoCard;

static const DemoCard cards[] = {
  { "4.1", NULL, "done", CRO, -300, "Context analysis, January board pack." },
  { "4.2", NULL, "done", CRO, -300, "Interested parties register v2." },
  { "4.3", NULL, "done", CRO, -280, "AIMS scope statement in the project." },
  { "4.4", NULL, "in-progress", CRO, 38, "" },
  { "5.1", NULL, "done", "Chief Executive", -300, "Board minutes, 12 January." },
  { "5.2", NULL, "done", CRO, -300, "AI policy v3." },
  { "5.3", NULL, "done", HR, -270, "RACI per AI system." },
  { "6.1.1", NULL, "done", CRO, -235, "" },
  { "6.1.2", NULL, "done", MRM, -235, "Risk register, this project." },
  { "6.1.3", NULL, "in-progress", MRM, 23, "Statement of Applicability, this project." },
  { "6.1.4", NULL, "in-progress", MRM, 23, "" },
  { "6.2", NULL, "in-progress", CRO, 8, "" },
  { "6.3", NULL, "not-started", CRO, 129, "" },
  { "7.1", NULL, "done", CRO, -235, "" },
  { "7.2", NULL, "in-progress", HR, 15, "" },
  { "7.3", NULL, "in-progress", HR, 69, "" },
  { "7.4", NULL, "not-started", COMMS, 69, "" },
  { "7.5.1", NULL, "done", CRO, -235, "" },
  { "7.5.2", NULL, "in-progress", CRO, 38, "" },
  { "8.1", NULL, "in-progress", DS, 38, "" },
  { "8.2", NULL, "in-progress", MRM, 38, "" },
  { "8.3", NULL, "in-progress", MRM, 38, "" },
  { "9.1", NULL, "not-started", CRO, 129, "" },
  { "9.2.1", NULL, "not-started", "Head of Internal Audit", -12, "" },
  { "9.2.2", NULL, "in-progress", "Head of Internal Audit", -26,
    "Audit programme drafted, awaiting approval." },
  { "9.3.1", NULL, "not-started", CRO, 160, "" },
  { "10.2", NULL, "not-started", CRO, 221, "" },
};

/* The demo describes 2026-11-22 (see aims-demo.c): its dates are days from
 * then, so the board shows what is late on that day and not every card. */
static char *
demo_date (int days)
{
  g_autoptr(GDateTime) today = g_date_time_new_utc (2026, 11, 22, 0, 0, 0);
  g_autoptr(GDateTime) day = g_date_time_add_days (today, days);

  return g_date_time_format (day, "%Y-%m-%d");
}

static void
put (GHashTable *values,
     const char *name,
     const char *text)
{
  if (text != NULL && text[0] != '\0')
    g_hash_table_insert (values, (gpointer) name, g_variant_ref_sink (g_variant_new_string (text)));
}

static GHashTable *
new_values (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_variant_unref);
}

/* One insert per record, each with all its fields: the demo is an import,
 * whose history has one row per record. */
static gboolean
insert_control (AimsStore          *store,
                const DemoControl  *c,
                GError            **error)
{
  g_autoptr(GHashTable) values = new_values ();
  g_autofree char *uuid = NULL;
  g_autofree char *reviewed = demo_date (-247);

  put (values, "control", c->control);
  put (values, "applicability", c->applicability);
  put (values, "justification", c->justification);
  put (values, "implementation", c->implementation);
  put (values, "owner", c->owner);
  put (values, "how_implemented", c->how);
  put (values, "last_reviewed", reviewed);

  uuid = aims_store_insert (store, "soa_entry", values, error);
  return uuid != NULL;
}

static gboolean
insert_card (AimsStore       *store,
             AimsCatalog     *catalog,
             const DemoCard  *c,
             GError         **error)
{
  g_autoptr(GHashTable) values = new_values ();
  g_autofree char *uuid = NULL;
  g_autofree char *due = NULL;
  AimsCatalogItem *clause = aims_catalog_lookup (catalog, c->clause);

  g_return_val_if_fail (clause != NULL, FALSE);

  put (values, "kind", "clause");
  put (values, "clause", c->clause);
  put (values, "phase", c->phase != NULL ? c->phase
                                         : aims_pdca_phase_to_string (aims_catalog_item_get_phase (clause)));
  put (values, "status", c->status);
  put (values, "owner", c->owner);
  due = demo_date (c->due_in);
  put (values, "due_date", due);
  put (values, "evidence_note", c->evidence);

  uuid = aims_store_insert (store, "pdca_card", values, error);
  return uuid != NULL;
}

static gboolean
add_link (AimsStore   *store,
          const char  *control,
          const char  *title,
          const char  *address,
          int          days,
          GError     **error)
{
  g_autofree char *date = demo_date (days);
  g_autofree char *uuid = aims_soa_add_evidence_link (store, control, title, address, date,
                                                      error);

  return uuid != NULL;
}

static gboolean
add_objective (AimsStore   *store,
               const char  *title,
               const char  *owner,
               int          days,
               GError     **error)
{
  g_autofree char *date = demo_date (days);
  g_autofree char *uuid = aims_pdca_add_objective (store, title, owner, date, error);

  return uuid != NULL;
}

/* Called inside the demo's import group. */
gboolean
_aims_demo_generate_soa (AimsStore  *store,
                         GError    **error)
{
  AimsCatalog *catalog = aims_catalog_get_default (error);

  if (catalog == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (controls); i++)
    {
      if (!insert_control (store, &controls[i], error))
        return FALSE;
    }

  if (!add_link (store, "A.2.2", "AI policy v3 (intranet)",
                 "https://intranet.northwind.example/policies/ai", -314, error) ||
      !add_link (store, "A.6.2.4", "Validation report, motor pricing",
                 "https://dms.northwind.example/mrm/val-2026-014", -268, error) ||
      !add_link (store, "A.5.2", "Impact assessment procedure IA-01",
                 "https://dms.northwind.example/mrm/ia-01", -265, error))
    return FALSE;

  if (!add_objective (store, "Explain every declined claim in plain language", COMMS, 129,
                      error) ||
      !add_objective (store, "No pricing model with a fairness gap above 2 %", MRM, 221, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (cards); i++)
    {
      if (!insert_card (store, catalog, &cards[i], error))
        return FALSE;
    }

  return TRUE;
}
