/* aims-demo.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aims-demo"

#include "config.h"

#include "aims-demo.h"

#include "aims-document.h"
#include "aims-store-private.h"

#include <glib/gi18n.h>

/*
 * A believable insurer for demos, screenshots, manual tests and benchmarks.
 * Everything is a function of the seed: the same seed gives the same records
 * and the same UUIDs. The whole demo is one changeset of kind 'import', which
 * logs one row per record rather than one per field, so 10,000 systems load
 * in a fraction of a second and the history still says where each came from.
 *
 * Later issues extend the generator with their records (risks, impact
 * assessments, controls…), keeping the small scale hand-written.
 */

typedef struct
{
  const char *name;
  const char *description;
  const char *owner;
  const char *lifecycle;
  gboolean    in_scope;
} DemoSystem;

static const char organisation[] = "Northwind Mutual Insurance";

static const char scope[] =
  "The AI management system of Northwind Mutual Insurance covers every AI system the "
  "company develops, buys, deploys or operates in its personal and commercial property and "
  "casualty insurance business in the United Kingdom and Ireland: underwriting and pricing, "
  "claims handling, fraud detection, customer service, marketing and people management. "
  "It includes systems built in-house by the Data Science and Claims Analytics teams, AI "
  "components embedded in purchased software and cloud services, and the processes, roles "
  "and suppliers involved across their life cycle. Northwind acts as AI developer, AI "
  "provider and AI user (ISO/IEC 22989) for these systems. The interested parties are "
  "policyholders and claimants, employees and applicants, the Financial Conduct Authority, "
  "the Central Bank of Ireland, data protection authorities, reinsurers and the Board.";

static const char exclusions[] =
  "Northwind Life Assurance Ltd, a separately regulated subsidiary that runs its own "
  "management system. The reinsurance broking joint venture Northwind Re Partners, which "
  "Northwind does not control. Actuarial spreadsheet models without machine-learning "
  "components, governed by the Actuarial Model Risk Policy. General-purpose productivity "
  "features (spelling and grammar checking, meeting transcription for internal use) that "
  "do not process policyholder data; they remain listed in the inventory as out of scope.";

static const DemoSystem hand_written[] = {
  { "Claims triage model",
    "Gradient-boosted model that routes new motor and home claims to fast-track, standard or "
    "complex handling from the first notification of loss. Handlers can override its routing; "
    "overrides are reviewed monthly.",
    "Priya Raman, Head of Claims Operations", "operation-monitoring", TRUE },
  { "Fraud detection scoring",
    "Network analytics and anomaly scores that flag claims for the Special Investigations "
    "Unit. A flag never declines a claim by itself; an investigator decides.",
    "Tom Gallagher, Head of Special Investigations", "operation-monitoring", TRUE },
  { "Home insurance pricing model",
    "Generalised linear model with machine-learned interaction terms that sets home insurance "
    "premiums within the rating limits approved by the Pricing Committee.",
    "Helen Okafor, Chief Underwriting Officer", "operation-monitoring", TRUE },
  { "Ask Northwind customer chatbot",
    "Customer service assistant built on a third-party large language model, with retrieval "
    "over policy wordings and FAQs. It hands over to a person for complaints, vulnerability "
    "and anything about a specific claim decision.",
    "Marcus Lindqvist, Director of Customer Experience", "verification-validation", TRUE },
  { "CV screening assistant",
    "Ranks applications for contact-centre roles against the job profile. Suspended for "
    "re-evaluation after a fairness review found lower scores for career breaks.",
    "Aisha Bello, HR Director", "re-evaluation", TRUE },
  { "Claim document OCR and extraction",
    "Reads claim forms, repair invoices and medical reports, and extracts amounts, dates and "
    "policy numbers into the claims system for a handler to confirm.",
    "Priya Raman, Head of Claims Operations", "operation-monitoring", TRUE },
  { "Marketing copy generator",
    "Generative AI service that drafts campaign emails and social media posts. Every text is "
    "reviewed by the brand team and checked against the financial promotions rules.",
    "Sophie Durand, Marketing Director", "deployment", TRUE },
  { "Telematics driving score",
    "Scores driving behaviour from smartphone sensor data for the usage-based motor product; "
    "the score adjusts the renewal premium within published bands.",
    "Daniel Kowalski, Motor Product Manager", "design-development", TRUE },
  { "Property damage photo assessment",
    "Computer-vision model that estimates repair costs from photographs of storm and water "
    "damage, to speed up small home claims.",
    "Grace Mensah, Claims Innovation Lead", "verification-validation", TRUE },
  { "Customer churn prediction",
    "Predicts which policyholders are likely not to renew so the retention team can contact "
    "them; it does not change prices.",
    "Olivia Brennan, Head of Retention", "operation-monitoring", TRUE },
  { "Call transcription and sentiment analysis",
    "Transcribes customer calls and detects dissatisfaction and possible complaints for "
    "quality review and Consumer Duty monitoring.",
    "Marcus Lindqvist, Director of Customer Experience", "operation-monitoring", TRUE },
  { "Claims reserve estimator (legacy)",
    "Neural network that estimated case reserves for liability claims; replaced by the "
    "actuarial reserving model and being decommissioned, with its data archived.",
    "Robert Hale, Chief Actuary", "retirement", TRUE },
  { "Office suite writing assistant",
    "Spelling, grammar and rewording suggestions in the office software used by staff. "
    "Excluded from the scope as a general-purpose productivity feature.",
    "Kenji Watanabe, Head of IT Service Management", "operation-monitoring", FALSE },
};

/* Word lists for the generated inventory. */
static const char * const lines_of_business[] = {
  "Motor", "Home", "Commercial property", "Travel", "Pet", "Marine cargo", "Cyber",
  "Public liability", "Employers' liability", "Landlord", "Fleet", "Small business",
};

static const char * const subjects[] = {
  "claims severity", "claims triage", "fraud", "premium", "renewal", "lapse", "subrogation",
  "document", "complaint", "payment", "broker submission", "risk survey", "weather exposure",
  "vehicle damage", "customer enquiry", "sanctions screening", "recovery", "reserve",
};

static const char * const techniques[] = {
  "model", "classifier", "forecaster", "scoring engine", "assistant", "extractor",
  "detector", "recommender", "summariser", "optimiser",
};

static const char * const methods[] = {
  "gradient-boosted trees", "a logistic regression", "a neural network",
  "a third-party large language model", "a computer-vision model",
  "a rules and machine-learning hybrid",
  "a time-series forecasting model", "an anomaly detection model", "a speech recognition model",
  "a natural-language classifier",
};

static const char * const purposes[] = {
  "prioritises work for handlers", "suggests a figure that a person confirms",
  "flags cases for human review", "drafts text that staff edit before sending",
  "estimates costs for reserving", "ranks cases by urgency",
  "monitors trends for management reports",
  "routes customer contacts to the right team",
};

static const char * const data_sources[] = {
  "policy and claims history", "third-party vehicle data", "weather and flood maps",
  "customer correspondence", "call recordings", "broker submissions", "payment records",
  "open data on property", "telematics data", "images supplied by customers",
};

static const char * const first_names[] = {
  "Amelia", "Oliver", "Isla", "Noah", "Freya", "Arjun", "Chloe", "Liam", "Zara", "Ewan",
  "Mei", "Tariq", "Niamh", "Lucas", "Hannah", "Kofi", "Sofia", "Rory", "Leah", "Mateo",
};

static const char * const surnames[] = {
  "Walsh", "Patel", "Murphy", "Nowak", "Campbell", "Ahmed", "O'Connor", "Evans", "Rossi",
  "Hughes", "Byrne", "Chen", "Fraser", "Adeyemi", "Kelly", "Schmidt", "Reid", "Moreau",
};

static const char * const roles[] = {
  "Claims Manager", "Underwriting Manager", "Pricing Lead", "Head of Fraud Analytics",
  "Product Owner", "Operations Director", "Data Science Lead", "Customer Service Manager",
  "Head of Finance Operations", "Compliance Manager",
};

static const char * const lifecycles[] = {
  "inception", "design-development", "verification-validation", "deployment",
  "operation-monitoring", "operation-monitoring", "operation-monitoring", "re-evaluation",
  "retirement",
};

#define PICK(rand, list) ((list)[g_rand_int_range ((rand), 0, G_N_ELEMENTS (list))])

/* A version 4 UUID drawn from @rand, so demo files are reproducible. */
static char *
random_uuid (GRand *rand)
{
  guint8 bytes[16];

  for (guint i = 0; i < sizeof bytes; i++)
    bytes[i] = g_rand_int_range (rand, 0, 256);

  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;

  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                          bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6],
                          bytes[7], bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13],
                          bytes[14], bytes[15]);
}

static void
put_string (GHashTable *values,
            const char *field,
            char       *value)
{
  g_hash_table_insert (values, (gpointer) field,
                       g_variant_ref_sink (g_variant_new_take_string (value)));
}

static gboolean
insert_system (AimsStore   *store,
               GRand       *rand,
               guint        number,
               char        *name,
               char        *description,
               char        *owner,
               const char  *lifecycle,
               gboolean     in_scope,
               GError     **error)
{
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                        (GDestroyNotify) g_variant_unref);
  g_autofree char *uuid = NULL;

  put_string (values, "uuid", random_uuid (rand));
  put_string (values, "reference", g_strdup_printf ("SYS-%03u", number));
  put_string (values, "name", name);
  put_string (values, "description", description);
  put_string (values, "business_owner", owner);
  put_string (values, "lifecycle", g_strdup (lifecycle));
  g_hash_table_insert (values, (gpointer) "in_scope",
                       g_variant_ref_sink (g_variant_new_boolean (in_scope)));

  uuid = aims_store_insert (store, "ai_system", values, error);
  return uuid != NULL;
}

static gboolean
generate (AimsStore      *store,
          AimsDemoScale   scale,
          guint32         seed,
          GError        **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autofree char *project = aims_store_dup_project_uuid (store);
  guint n_systems = aims_demo_scale_get_n_systems (scale);
  guint first = aims_store_count (store, "ai_system") + 1;

  if (project == NULL)
    {
      g_set_error (error, AIMS_STORE_ERROR, AIMS_STORE_ERROR_NOT_FOUND,
                   _("The project has no project record to fill in."));
      return FALSE;
    }

  if (!aims_store_update (store, "project", project, "organisation",
                          g_variant_new_string (organisation), error) ||
      !aims_store_update (store, "project", project, "scope",
                          g_variant_new_string (scope), error) ||
      !aims_store_update (store, "project", project, "exclusions",
                          g_variant_new_string (exclusions), error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (hand_written) && i < n_systems; i++)
    {
      const DemoSystem *system = &hand_written[i];

      if (!insert_system (store, rand, first + i, g_strdup (system->name),
                          g_strdup (system->description), g_strdup (system->owner),
                          system->lifecycle, system->in_scope, error))
        return FALSE;
    }

  for (guint i = G_N_ELEMENTS (hand_written); i < n_systems; i++)
    {
      /* One draw per statement: the order in which C evaluates function
       * arguments is unspecified, and the demo must not depend on it. */
      const char *line = PICK (rand, lines_of_business);
      const char *subject = PICK (rand, subjects);
      const char *technique = PICK (rand, techniques);
      const char *method = PICK (rand, methods);
      const char *source_a = PICK (rand, data_sources);
      const char *source_b = PICK (rand, data_sources);
      const char *purpose = PICK (rand, purposes);
      const char *first_name = PICK (rand, first_names);
      const char *surname = PICK (rand, surnames);
      const char *role = PICK (rand, roles);
      const char *lifecycle = PICK (rand, lifecycles);
      gboolean in_scope = g_rand_int_range (rand, 0, 100) >= 3;
      char *name = g_strdup_printf ("%s %s %s", line, subject, technique);
      char *description = g_strdup_printf ("Uses %s on %s and %s. It %s in the %s business.",
                                           method, source_a, source_b, purpose, line);
      char *owner = g_strdup_printf ("%s %s, %s", first_name, surname, role);

      if (!insert_system (store, rand, first + i, name, description, owner, lifecycle, in_scope,
                          error))
        return FALSE;
    }

  return TRUE;
}

/**
 * aims_demo_scale_get_n_systems:
 * @scale: a demo scale
 *
 * Returns: the number of AI systems a demo of @scale holds
 */
guint
aims_demo_scale_get_n_systems (AimsDemoScale scale)
{
  switch (scale)
    {
    case AIMS_DEMO_SCALE_LARGE:
      return 2000;
    case AIMS_DEMO_SCALE_HUGE:
      return 10000;
    case AIMS_DEMO_SCALE_SMALL:
    default:
      return G_N_ELEMENTS (hand_written);
    }
}

/**
 * aims_demo_scale_from_string:
 * @name: "small", "large" or "huge"
 * @scale: (out): the scale
 *
 * Returns: %TRUE if @name is a scale
 */
gboolean
aims_demo_scale_from_string (const char    *name,
                             AimsDemoScale *scale)
{
  g_return_val_if_fail (scale != NULL, FALSE);

  if (g_strcmp0 (name, "small") == 0)
    *scale = AIMS_DEMO_SCALE_SMALL;
  else if (g_strcmp0 (name, "large") == 0)
    *scale = AIMS_DEMO_SCALE_LARGE;
  else if (g_strcmp0 (name, "huge") == 0)
    *scale = AIMS_DEMO_SCALE_HUGE;
  else
    return FALSE;

  return TRUE;
}

/**
 * aims_demo_generate:
 * @store: the store of a new project
 * @scale: how many records
 * @seed: the seed; the same seed gives the same project
 * @error: return location for a #GError
 *
 * Fills @store with the demo organisation, as one undo step.
 *
 * Returns: %TRUE on success; on failure nothing was added
 */
gboolean
aims_demo_generate (AimsStore      *store,
                    AimsDemoScale   scale,
                    guint32         seed,
                    GError        **error)
{
  g_return_val_if_fail (AIMS_IS_STORE (store), FALSE);

  _aims_store_begin_import (store, _("Generate the demo project"));

  if (!generate (store, scale, seed, error))
    {
      aims_store_abort_group (store);
      return FALSE;
    }

  return aims_store_end_group (store, error);
}

/**
 * aims_demo_write_file:
 * @path: the file to write (replaced if it exists)
 * @scale: how many records
 * @seed: the seed
 * @error: return location for a #GError
 *
 * Writes a fresh demo project to @path.
 *
 * Returns: %TRUE on success
 */
gboolean
aims_demo_write_file (const char     *path,
                      AimsDemoScale   scale,
                      guint32         seed,
                      GError        **error)
{
  g_autoptr(AimsDocument) document = NULL;
  g_autoptr(GFile) file = NULL;
  gboolean ok;

  g_return_val_if_fail (path != NULL, FALSE);

  document = aims_document_new_untitled (_("Demo generator"), error);
  if (document == NULL)
    return FALSE;

  file = g_file_new_for_path (path);
  ok = aims_demo_generate (aims_document_get_store (document), scale, seed, error) &&
       aims_document_save_as (document, file, error);

  aims_document_close (document);
  return ok;
}
