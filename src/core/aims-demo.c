/* aims-demo.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aims-demo"

#include "config.h"

#include "aims-demo.h"
#include "aims-demo-private.h"

#include "aims-demo-audits-private.h"
#include "aims-demo-reviews-private.h"
#include "aims-demo-soa-private.h"
#include "aims-document.h"
#include "aims-risks-private.h"
#include "aims-store-private.h"

#include <glib/gi18n.h>

/*
 * A believable insurer for demos, screenshots, manual tests and benchmarks.
 * Everything is a function of the seed: the same seed gives the same records
 * and the same UUIDs. The whole demo is one changeset of kind 'import', which
 * logs one row per record rather than one per field, so 10,000 systems load
 * in a fraction of a second and the step can be undone. A demo written to a
 * new file (aims_demo_write_file()) logs not even those: it has no history to
 * tell, and 400,000 rows saying "generated" were a quarter of the huge file.
 *
 * The small scale is written by hand: 13 AI systems, 11 data sets and 7 third
 * parties of Northwind Mutual, linked as they are used, and their risk
 * register (28 risks with treatment actions and three acceptances). Review dates are
 * fixed, so on 2026-11-22 (the day the demo describes) two systems in scope
 * are overdue for review. The large and huge scales add generated records
 * from word lists.
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
  const char *intended_purpose;
  const char *intended_users;
  const char *foreseeable_misuse;
  const char *technical_owner;
  const char *consulted;
  const char *informed;
  const char *roles;
  const char *technique;
  const char *oversight;
  const char *affected_stakeholders;
  const char *geographies;
  const char *languages;
  const char *eu_ai_act_category;
  const char *eu_ai_act_area;
  const char *eu_ai_act_reason;
  const char *criticality;
  const char *scope_justification;
  const char *performance_metrics;
  const char *known_limitations;
  const char *evaluation_data;
  const char *last_review;
  const char *next_review;
  const char *status;
  guint       data_sets[4];      /* numbers of hand-written data sets, 0-terminated */
  guint       third_parties[3];  /* numbers of hand-written third parties, 0-terminated */
} DemoSystem;

typedef struct
{
  const char *name;
  const char *purpose;
  const char *source;
  const char *provenance;
  const char *legal_basis;
  gboolean    personal_data;
  const char *personal_data_categories;
  const char *retention;
  const char *quality_checks;
  const char *known_biases;
  const char *lineage_origin;
  const char *lineage_processing;
  const char *lineage_transformations;
  const char *lineage_storage;
  const char *owner;
} DemoDataSet;

typedef struct
{
  const char *name;
  const char *supplies;
  const char *contract_audit_rights;
  const char *due_diligence_status;
  const char *due_diligence_date;
  const char *sla;
  const char *data_received;
  const char *criticality;
} DemoThirdParty;

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

#define UK_IE "United Kingdom, Ireland"

/* DS-001 … DS-011 */
static const DemoDataSet hand_written_data_sets[] = {
  { "Motor and home claims history 2018-2025", "training",
    "ClaimCentre claims administration system",
    "Extracted nightly from ClaimCentre since 2018; every claim notified by policyholders, "
    "brokers and the claims line.",
    "UK GDPR Art. 6(1)(b) for handling claims; legitimate interests for model development "
    "(assessment LIA-2024-07)",
    TRUE, "Claimant names, addresses and contact details; vehicle registrations; claim "
    "circumstances; health information in injury claims (special category).",
    "7 years after the claim closes",
    "Loss-type codes 98.7% complete; duplicate notifications removed; handler overrides "
    "labelled; amounts reconciled with the general ledger each quarter.",
    "Telephone notifications before 2020 are under-represented; flood claims cluster in 2020 "
    "and 2024; few claims from Northern Ireland.",
    "ClaimCentre nightly extract (claims, payments, notes metadata).",
    "Pseudonymised in the analytics zone; free-text notes removed; injury details reduced to "
    "a severity band.",
    "Loss types mapped to 14 classes; amounts inflation-adjusted to 2025 prices; dates turned "
    "into durations.",
    "Stratus ML workspace, UK South region", "Priya Raman, Head of Claims Operations" },
  { "Claims triage validation set 2025 H1", "validation",
    "ClaimCentre claims administration system",
    "Claims notified between January and June 2025, held out from training.",
    "Legitimate interests for model validation (LIA-2024-07)",
    TRUE, "Pseudonymised claim circumstances and outcomes; no direct identifiers.",
    "Until the model it validated is retired, then 1 year",
    "Routing outcomes re-checked by senior handlers on a sample of 400 claims.",
    "Storm Isha weeks over-represented (January 2025).",
    "ClaimCentre extract of 2025-07-01.",
    "Same pipeline as the training history, frozen at extraction.",
    "None beyond the training pipeline.",
    "Stratus ML workspace, UK South region", "Samuel Okoye, Lead Data Scientist, Claims" },
  { "Special Investigations outcomes 2016-2025", "training",
    "Special Investigations Unit case management",
    "Every referral to the SIU with its outcome, recorded by investigators.",
    "UK GDPR Art. 6(1)(f) and DPA 2018 Sch. 1 para 14 (preventing fraud)",
    TRUE, "Names and addresses of claimants and third parties, outcomes of investigations, "
    "suspected offences (criminal offence data).",
    "10 years after the investigation closes",
    "Outcome labels reviewed by two investigators; cases without outcome excluded.",
    "Reflects past referral practice: claims that were never referred have no label, so "
    "fraud patterns the team missed are absent.",
    "SIU case system export, yearly.",
    "Joined to claims by claim number; identifiers hashed.",
    "Outcomes reduced to confirmed, not confirmed, withdrawn.",
    "Stratus ML workspace, restricted folder", "Tom Gallagher, Head of Special Investigations" },
  { "Home property and flood exposure", "training",
    "Open data and Ordnance Survey address base",
    "Public flood maps (Environment Agency, OPW Ireland), building age and type by address, "
    "joined to the home portfolio.",
    "Open Government Licence v3.0; Ordnance Survey licence 2025-118",
    FALSE, "", "Refreshed yearly; previous versions kept 3 years",
    "Addresses matched to 99.2% of the portfolio; flood zones checked against the insurer "
    "flood re-insurance scheme list.",
    "Flood maps lag new developments by 1 to 2 years.",
    "Public sources downloaded each January.",
    "Matched to policies by UPRN; unmatched addresses geocoded.",
    "Flood zones turned into a 1-10 score; building age banded.",
    "Pricing data mart (on premises)", "Helen Okafor, Chief Underwriting Officer" },
  { "Credit reference attributes (Meridian)", "production-input",
    "Meridian Credit Reference Agency",
    "Attributes returned by Meridian for each quote and claim, under the data licence.",
    "Data licence MCR-2023-44; UK GDPR Art. 6(1)(f) for fraud prevention and pricing",
    TRUE, "Address history, county court judgments, electoral roll match.",
    "13 months, then deleted",
    "Match rate monitored daily (goal 99%); stale files rejected.",
    "Thin credit files for young and recently arrived customers.",
    "Meridian batch and API responses.",
    "Stored against the quote or claim; never used for marketing.",
    "Attributes banded as the licence requires.",
    "Pricing data mart (on premises)", "Helen Okafor, Chief Underwriting Officer" },
  { "Customer chat transcripts (redacted)", "test",
    "Web chat platform",
    "Conversations with human agents in 2024-2025, used to test the chatbot's answers.",
    "Legitimate interests for testing (LIA-2025-02); customers told in the privacy notice",
    TRUE, "Names and policy numbers removed by redaction; residual free-text personal data.",
    "2 years",
    "Redaction checked on a sample of 500 transcripts (3 residual names found and fixed).",
    "Few conversations in Irish; complaints over-represented.",
    "Chat platform export.",
    "Redacted with the DocuRead PII filter, then manually sampled.",
    "Split into question-answer pairs with expected answers.",
    "Stratus ML workspace, UK South region", "Marcus Lindqvist, Director of Customer Experience" },
  { "Contact-centre job applications 2021-2024", "training",
    "TalentFlow Recruitment Platform",
    "Applications for contact-centre roles with the hiring outcome.",
    "UK GDPR Art. 6(1)(b) and (f); applicants told in the recruitment privacy notice",
    TRUE, "CVs, education and work history, hiring outcome; no special category data "
    "requested, but some CVs disclose it.",
    "2 years after the recruitment campaign",
    "Outcomes checked against HR records; duplicates merged.",
    "Past hiring favoured continuous employment: career breaks (more often women and carers) "
    "are associated with lower ratings.",
    "TalentFlow export of closed campaigns.",
    "Names, photos and contact details removed.",
    "Job titles mapped to a skills taxonomy.",
    "TalentFlow tenant (EU region)", "Aisha Bello, HR Director" },
  { "Claim document and photo corpus", "training",
    "ClaimCentre document store",
    "Claim forms, repair invoices, medical reports and photographs of damage, 2019-2025.",
    "UK GDPR Art. 6(1)(b); Art. 9(2)(f) for health data in injury claims",
    TRUE, "Names, addresses, bank details on invoices, health information in medical reports, "
    "images of homes and vehicles.",
    "7 years after the claim closes",
    "Labels checked by a second annotator on 5% of documents; illegible scans removed.",
    "Mostly English-language documents; few handwritten forms.",
    "Document store export.",
    "Images resized and de-duplicated; documents labelled field by field.",
    "Photographs cropped to the damaged area.",
    "Stratus ML workspace, UK South region", "Grace Mensah, Claims Innovation Lead" },
  { "Telematics pilot trips 2025", "training",
    "RoadSense Telematics",
    "Smartphone sensor data of 4,200 pilot customers who opted in.",
    "Consent (UK GDPR Art. 6(1)(a)) collected in the pilot app",
    TRUE, "Location traces, speed, braking and phone use while driving.",
    "Trips kept 12 months; scores kept for the life of the policy",
    "Trips under 2 km and passenger trips filtered out.",
    "Pilot drivers skew younger and urban.",
    "RoadSense trip API.",
    "Trips reduced to events; locations dropped after scoring.",
    "Events aggregated per 100 km.",
    "RoadSense platform (UK)", "Daniel Kowalski, Motor Product Manager" },
  { "Policy renewal and lapse history 2019-2025", "training",
    "PolicyCentre policy administration system",
    "Every renewal offer with its outcome.",
    "Legitimate interests for retention analytics (LIA-2023-11)",
    TRUE, "Policy and premium history, contact history, tenure.",
    "6 years",
    "Renewal outcomes reconciled with the finance system.",
    "Customers renewing by phone recorded with less detail before 2021.",
    "PolicyCentre monthly extract.",
    "Pseudonymised; contact notes removed.",
    "Premium changes expressed as percentages.",
    "Stratus ML workspace, UK South region", "Olivia Brennan, Head of Retention" },
  { "Customer call recordings sample", "production-input",
    "Contact-centre telephony platform",
    "Recordings of inbound customer calls, streamed for transcription.",
    "Legitimate interests (LIA-2024-12); callers told at the start of each call",
    TRUE, "Voices, names, policy details, anything callers say, including health information.",
    "Audio 90 days; transcripts 2 years",
    "Transcription word error rate measured monthly on 200 calls.",
    "Strong regional accents and Irish place names transcribed less accurately.",
    "Telephony platform stream.",
    "Transcribed by VoxInsight; audio deleted after 90 days.",
    "Transcripts scored for sentiment and complaint signals.",
    "VoxInsight EU tenant", "Marcus Lindqvist, Director of Customer Experience" },
};

/* TP-001 … TP-007 */
static const DemoThirdParty hand_written_third_parties[] = {
  { "Stratus Computing (cloud ML platform)", "platform",
    "Enterprise agreement 2024-2027. Audit rights through SOC 2 Type II and ISO/IEC 27001 "
    "reports, plus one on-site audit a year on 60 days' notice. Data stays in UK South.",
    "completed", "2026-03-14",
    "99.9% monthly availability; priority-1 incidents answered within 1 hour.",
    "Pseudonymised training data sets and model artefacts of every in-house model.",
    "critical" },
  { "Lexica AI (large language model API)", "model",
    "API terms with a data processing addendum: no training on Northwind data, 30-day "
    "retention for abuse monitoring. Audit limited to third-party reports; model "
    "documentation on request.",
    "issues-found", "2026-06-02",
    "99.5% availability; no latency commitment.",
    "Chat messages and retrieved policy wording, with names and policy numbers redacted; "
    "marketing briefs.",
    "high" },
  { "Meridian Credit Reference Agency", "data",
    "Data licence MCR-2023-44: use limited to pricing and fraud prevention. Meridian may audit "
    "Northwind's use; Northwind receives Meridian's annual data quality report.",
    "completed", "2025-11-20",
    "Batch files by 06:00 each day; API 99.9% availability; 99% match rate.",
    "Names, addresses and dates of birth of applicants and claimants, for matching.",
    "high" },
  { "DocuRead (document capture service)", "service",
    "SaaS agreement with annual audit right and a list of subprocessors; documents processed "
    "in the EU only.",
    "completed", "2026-01-28",
    "95% of documents processed within 2 minutes; 99.5% availability.",
    "Scanned claim forms, invoices and medical reports (special category data).",
    "high" },
  { "TalentFlow (recruitment platform)", "platform",
    "Subscription with a data processing agreement. Model documentation and bias testing "
    "results requested; audit rights being negotiated for the 2027 renewal.",
    "in-progress", "2026-09-15",
    "99.5% availability in UK business hours.",
    "CVs and application forms of job applicants.",
    "high" },
  { "RoadSense Telematics", "data",
    "Data sharing agreement for the pilot; audit once a contract year; RoadSense is "
    "controller of the raw sensor data.",
    "completed", "2026-04-10",
    "Trip scores available within 24 hours of a trip.",
    "Policy numbers of pilot customers, for matching; no claims data.",
    "medium" },
  { "VoxInsight (speech analytics)", "service",
    "SaaS agreement with audit rights via ISO/IEC 27001 certificate and an annual "
    "questionnaire.",
    "completed", "2025-10-05",
    "Transcripts within 15 minutes of call end; 99.5% availability.",
    "Audio of customer calls.",
    "medium" },
};

static const DemoSystem hand_written[] = {
  { "Claims triage model",
    "Gradient-boosted model that routes new motor and home claims to fast-track, standard or "
    "complex handling from the first notification of loss. Handlers can override its routing; "
    "overrides are reviewed monthly.",
    "Priya Raman, Head of Claims Operations", "operation-monitoring", TRUE,
    "Route each newly notified motor or home claim to the handling team whose skills match "
    "its likely complexity, so simple claims are paid faster.",
    "Claims handlers and team leaders in the Claims Operations centres.",
    "Using the complexity score to decide whether a claim is paid, or to set reserves.",
    "Samuel Okoye, Lead Data Scientist, Claims", "Data Protection Officer; Claims Quality",
    "Customer Experience; Internal Audit", "developer,deployer", "classical-ml",
    "human-on-the-loop", "Claimants, handlers, repair networks", UK_IE, "English", "minimal", "",
    "Claims routing is not listed in Annex III and makes no decision about claimants.",
    "high", "",
    "Routing accuracy: 0.87 (0.82)\nFast-track precision: 0.93 (0.90)\n"
    "Override rate: 6% (10%)",
    "Less accurate for commercial property claims and for claims notified by brokers.",
    "Claims triage validation set 2025 H1 (DS-002).",
    "2026-05-12", "2027-05-12", "active", { 1, 2, 0 }, { 1, 0 } },
  { "Fraud detection scoring",
    "Network analytics and anomaly scores that flag claims for the Special Investigations "
    "Unit. A flag never declines a claim by itself; an investigator decides.",
    "Tom Gallagher, Head of Special Investigations", "operation-monitoring", TRUE,
    "Flag claims with signs of organised or opportunistic fraud for a person to investigate.",
    "Fraud analysts and investigators of the Special Investigations Unit.",
    "Declining or delaying a claim on the score alone; sharing scores with other insurers.",
    "Wei Chen, Fraud Analytics Lead", "Legal; Data Protection Officer",
    "Claims Operations; Board Risk Committee", "developer,deployer", "classical-ml",
    "human-in-the-loop", "Claimants, third parties named in claims, investigators", UK_IE,
    "English", "minimal", "",
    "Fraud detection is excluded from the Annex III creditworthiness area, and insurance "
    "outside life and health is not listed.",
    "high", "",
    "Precision at top 2%: 0.41 (0.35)\nRecall of confirmed fraud: 0.68 (0.60)\n"
    "False positive rate: 1.9% (3%)",
    "Learns only from past referrals; new schemes are found late.",
    "Special Investigations outcomes 2024-2025, held out.",
    "2025-10-31", "2026-10-31", "active", { 1, 3, 5, 0 }, { 1, 3, 0 } },
  { "Home insurance pricing model",
    "Generalised linear model with machine-learned interaction terms that sets home insurance "
    "premiums within the rating limits approved by the Pricing Committee.",
    "Helen Okafor, Chief Underwriting Officer", "operation-monitoring", TRUE,
    "Set the technical premium of home insurance quotes and renewals.",
    "Pricing actuaries; the quote engine used by the website, brokers and agents.",
    "Pricing by protected characteristics through proxies; price walking at renewal.",
    "Ravi Shah, Pricing Lead", "Compliance (Consumer Duty); Actuarial Function",
    "Pricing Committee; Board", "developer,deployer", "classical-ml", "human-in-command",
    "Home insurance customers and applicants", UK_IE, "English", "minimal", "",
    "Annex III 5(c) covers life and health insurance only; home insurance pricing is not "
    "high-risk.",
    "critical", "",
    "Gini coefficient: 0.38 (0.33)\nActual/expected loss ratio: 1.01 (0.95-1.05)\n"
    "Fair value gap between groups: 1.2% (2%)",
    "Flood risk of new-build estates is estimated from neighbouring postcodes.",
    "Policy years 2023-2024, out of time.",
    "2026-02-20", "2027-02-20", "active", { 4, 5, 0 }, { 3, 0 } },
  { "Ask Northwind customer chatbot",
    "Customer service assistant built on a third-party large language model, with retrieval "
    "over policy wordings and FAQs. It hands over to a person for complaints, vulnerability "
    "and anything about a specific claim decision.",
    "Marcus Lindqvist, Director of Customer Experience", "verification-validation", TRUE,
    "Answer general questions about cover, documents and how to make a claim, on the website "
    "and in the app.",
    "Customers and prospective customers; the digital service team reviews conversations.",
    "Giving advice on whether to claim; answering about a claim decision; being mistaken "
    "for a person.",
    "Elena Rossi, Digital Product Owner", "Data Protection Officer; Legal; Vulnerable "
    "Customers Champion", "Contact centre managers", "provider,deployer",
    "large-language-model", "human-on-the-loop", "Customers, including vulnerable customers",
    UK_IE, "English, Irish", "transparency", "",
    "Customers interact with it directly: Art. 50(1) requires telling them it is an AI "
    "system.",
    "high", "",
    "Grounded answer rate: 96% (95%)\nCorrect hand-over on complaints: 99% (98%)\n"
    "Harmful answer rate: 0.1% (0.5%)",
    "Cannot read customers' own policy documents; answers in Irish are less fluent.",
    "Customer chat transcripts (redacted) (DS-006) and 300 adversarial prompts.",
    "2026-09-01", "2026-12-01", "draft", { 6, 0 }, { 2, 0 } },
  { "CV screening assistant",
    "Ranks applications for contact-centre roles against the job profile. Suspended for "
    "re-evaluation after a fairness review found lower scores for career breaks.",
    "Aisha Bello, HR Director", "re-evaluation", TRUE,
    "Rank applications for contact-centre roles so recruiters read the most relevant first.",
    "Recruiters of the People team.",
    "Rejecting applicants automatically; using the ranking for promotion or other roles.",
    "Jonas Meyer, HR Systems Manager", "Legal; Data Protection Officer; Employee Forum",
    "Works council representatives; Board Remuneration Committee", "deployer",
    "deep-learning", "human-in-the-loop", "Job applicants, recruiters", UK_IE, "English",
    "high-risk-annex-iii", "annex_iii_4",
    "Used to filter and evaluate job applications: EU AI Act Annex III point 4(a) "
    "(employment).",
    "high", "",
    "Ranking agreement with recruiters: 0.71 (0.75)\nScore gap for career breaks: 8% (2%)\n"
    "Adverse impact ratio by sex: 0.86 (0.80)",
    "Penalises career breaks; not validated for roles other than the contact centre.",
    "Contact-centre job applications 2024 (DS-007), held out.",
    "2026-08-20", "2026-12-15", "suspended", { 7, 0 }, { 5, 0 } },
  { "Claim document OCR and extraction",
    "Reads claim forms, repair invoices and medical reports, and extracts amounts, dates and "
    "policy numbers into the claims system for a handler to confirm.",
    "Priya Raman, Head of Claims Operations", "operation-monitoring", TRUE,
    "Turn documents sent with claims into structured data for handlers to confirm.",
    "Claims handlers and the document intake team.",
    "Paying invoices on extracted amounts without a handler's confirmation.",
    "Grace Mensah, Claims Innovation Lead", "Data Protection Officer", "Finance Operations",
    "deployer", "deep-learning", "human-in-the-loop", "Claimants, repairers, medical experts",
    UK_IE, "English", "minimal", "", "Document processing is not listed in Annex III.",
    "medium", "",
    "Field-level accuracy: 97.4% (96%)\nStraight-through documents: 71% (65%)",
    "Handwriting and photographs of documents taken at an angle.",
    "Claim document and photo corpus (DS-008), 2025 sample.",
    "2026-04-02", "2027-04-02", "active", { 8, 0 }, { 4, 0 } },
  { "Marketing copy generator",
    "Generative AI service that drafts campaign emails and social media posts. Every text is "
    "reviewed by the brand team and checked against the financial promotions rules.",
    "Sophie Durand, Marketing Director", "deployment", TRUE,
    "Draft campaign texts for the brand team to edit.",
    "Copywriters and campaign managers of the Marketing team.",
    "Publishing drafts without review; generating claims about cover or prices.",
    "Liam Byrne, Marketing Technology Manager", "Compliance (financial promotions)",
    "Brand team", "deployer", "large-language-model", "human-in-the-loop",
    "Customers and the public who read the campaigns", UK_IE, "English", "minimal", "",
    "Texts are edited by people who hold editorial responsibility (Art. 50(4)); no other "
    "obligation applies.",
    "low", "",
    "Drafts accepted after editing: 64% (50%)\nCompliance rejections: 3% (5%)",
    "Invents product features if the brief is vague.",
    "120 briefs from 2025 campaigns, rated by the brand team.",
    "2026-07-07", "2027-07-07", "active", { 0 }, { 2, 0 } },
  { "Telematics driving score",
    "Scores driving behaviour from smartphone sensor data for the usage-based motor product; "
    "the score adjusts the renewal premium within published bands.",
    "Daniel Kowalski, Motor Product Manager", "design-development", TRUE,
    "Score safe driving for customers who choose the usage-based motor product.",
    "Motor pricing team; customers see their own score in the app.",
    "Scoring drivers who did not opt in; using location traces for claims investigations.",
    "Hannah Kelly, Data Scientist, Motor", "Data Protection Officer; Legal",
    "Customer Experience", "developer,provider,deployer", "classical-ml", "human-in-command",
    "Motor customers in the pilot, their passengers", "United Kingdom", "English", "minimal",
    "", "Motor insurance pricing is not listed in Annex III.",
    "medium", "",
    "Correlation with claim frequency: 0.31 (0.25)\nPassenger trips misread as driving: 4% "
    "(5%)",
    "Cannot tell a driver from a passenger reliably.",
    "Telematics pilot trips 2025 (DS-009), last two months.",
    "2026-06-18", "2026-12-18", "draft", { 9, 0 }, { 6, 0 } },
  { "Property damage photo assessment",
    "Computer-vision model that estimates repair costs from photographs of storm and water "
    "damage, to speed up small home claims.",
    "Grace Mensah, Claims Innovation Lead", "verification-validation", TRUE,
    "Estimate the repair cost of small home claims from customers' photographs.",
    "Home claims handlers.",
    "Settling claims on the estimate without a handler; estimating structural damage.",
    "Samuel Okoye, Lead Data Scientist, Claims", "Claims Quality; Data Protection Officer",
    "Repair network partners", "developer,deployer", "deep-learning", "human-in-the-loop",
    "Home claimants", UK_IE, "English", "minimal", "",
    "Claims estimation is not listed in Annex III.",
    "medium", "",
    "Estimates within 15% of the final cost: 78% (80%)\nMean absolute error: GBP 310 (GBP 350)",
    "Poor photographs and hidden damage (damp behind walls).",
    "Claim document and photo corpus (DS-008), storm claims 2024.",
    "2026-09-10", "2027-03-10", "draft", { 8, 0 }, { 1, 0 } },
  { "Customer churn prediction",
    "Predicts which policyholders are likely not to renew so the retention team can contact "
    "them; it does not change prices.",
    "Olivia Brennan, Head of Retention", "operation-monitoring", TRUE,
    "Tell the retention team which customers to call before renewal.",
    "Retention team agents.",
    "Offering discounts only to customers likely to leave (price walking).",
    "Ravi Shah, Pricing Lead", "Compliance (Consumer Duty)", "Customer Experience",
    "developer,deployer", "classical-ml", "human-in-the-loop", "Policyholders", UK_IE,
    "English", "minimal", "", "Retention analytics is not listed in Annex III.",
    "low", "",
    "AUC: 0.74 (0.70)\nLift in top decile: 2.9 (2.5)",
    "Does not know about competitors' prices.",
    "Policy renewal and lapse history 2025 (DS-010), held out.",
    "2025-11-15", "2026-11-15", "active", { 10, 0 }, { 1, 0 } },
  { "Call transcription and sentiment analysis",
    "Transcribes customer calls and detects dissatisfaction and possible complaints for "
    "quality review and Consumer Duty monitoring.",
    "Marcus Lindqvist, Director of Customer Experience", "operation-monitoring", TRUE,
    "Find calls that show dissatisfaction or an unrecorded complaint, for quality review.",
    "Quality assurance analysts and complaint handlers.",
    "Assessing or disciplining individual agents on sentiment scores.",
    "Fiona Walsh, Contact Centre Systems Manager", "Data Protection Officer; Employee Forum",
    "Complaints team", "deployer", "deep-learning", "human-on-the-loop",
    "Callers, contact-centre agents", UK_IE, "English", "transparency", "",
    "Sentiment is inferred from the words of transcripts, not from voice, so it is not "
    "emotion recognition; callers are told calls are analysed.",
    "medium", "",
    "Word error rate: 8.5% (10%)\nComplaint recall: 0.82 (0.80)",
    "Regional accents raise the word error rate.",
    "200 calls a month, transcribed and labelled by QA analysts.",
    "2026-03-30", "2027-03-30", "active", { 11, 0 }, { 7, 0 } },
  { "Claims reserve estimator (legacy)",
    "Neural network that estimated case reserves for liability claims; replaced by the "
    "actuarial reserving model and being decommissioned, with its data archived.",
    "Robert Hale, Chief Actuary", "retirement", TRUE,
    "Estimated case reserves for liability claims (no longer used).",
    "Liability claims handlers (until 2025).",
    "Restarting it without revalidation.",
    "Samuel Okoye, Lead Data Scientist, Claims", "Actuarial Function", "Finance; Internal Audit",
    "developer,deployer", "deep-learning", "human-in-the-loop", "Liability claimants",
    "United Kingdom", "English", "minimal", "",
    "Reserving is not listed in Annex III.",
    "low", "",
    "Reserve error at 12 months: 18% (15%)",
    "Never recalibrated after 2022 inflation.",
    "Liability claims 2019-2021.",
    "2026-06-30", "", "retired", { 1, 0 }, { 0 } },
  { "Office suite writing assistant",
    "Spelling, grammar and rewording suggestions in the office software used by staff. "
    "Excluded from the scope as a general-purpose productivity feature.",
    "Kenji Watanabe, Head of IT Service Management", "operation-monitoring", FALSE,
    "Suggest spelling, grammar and wording changes while staff write.",
    "All staff.",
    "Pasting policyholder data into the assistant's free-form prompt.",
    "Kenji Watanabe, Head of IT Service Management", "Information Security", "All staff",
    "deployer", "large-language-model", "human-in-the-loop", "Staff", UK_IE, "English",
    "minimal", "",
    "A general-purpose productivity feature with no decisions about people.",
    "low",
    "A general-purpose productivity feature that does not process policyholder data and "
    "takes no decisions; excluded by the scope statement. Information Security governs it "
    "under the acceptable use policy.",
    "", "", "",
    "2025-09-30", "2026-09-30", "active", { 0 }, { 0 } },
};

#undef UK_IE

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

static const char * const kinds[] = {
  "model", "classifier", "forecaster", "scoring engine", "assistant", "extractor",
  "detector", "recommender", "summariser", "optimiser",
};

/* Each method with the technique it is. */
static const struct
{
  const char *text;
  const char *technique;
} methods[] = {
  { "gradient-boosted trees", "classical-ml" },
  { "a logistic regression", "classical-ml" },
  { "a neural network", "deep-learning" },
  { "a third-party large language model", "large-language-model" },
  { "a computer-vision model", "deep-learning" },
  { "a rules and machine-learning hybrid", "rules" },
  { "a time-series forecasting model", "classical-ml" },
  { "an anomaly detection model", "classical-ml" },
  { "a speech recognition model", "deep-learning" },
  { "a natural-language classifier", "other" },
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

static const char * const business_roles[] = {
  "Claims Manager", "Underwriting Manager", "Pricing Lead", "Head of Fraud Analytics",
  "Product Owner", "Operations Director", "Data Science Lead", "Customer Service Manager",
  "Head of Finance Operations", "Compliance Manager",
};

static const char * const technical_roles[] = {
  "Data Scientist", "Machine Learning Engineer", "Analytics Engineer", "Solution Architect",
  "Platform Engineer", "Model Risk Analyst",
};

static const char * const lifecycles[] = {
  "inception", "design-development", "verification-validation", "deployment",
  "operation-monitoring", "operation-monitoring", "operation-monitoring", "re-evaluation",
  "retirement",
};

static const char * const users[] = {
  "Claims handlers", "Underwriters", "Pricing analysts", "Fraud investigators",
  "Contact-centre agents", "Brokers through the trading portal", "Finance operations staff",
  "Customers on the website and app",
};

static const char * const misuses[] = {
  "Deciding without a person's review.", "Using the output for a purpose it was not tested for.",
  "Applying it to another line of business without revalidation.",
  "Treating a score as a fact about a customer.", "Sharing outputs outside the company.",
};

static const char * const consulted_list[] = {
  "Data Protection Officer", "Legal; Data Protection Officer", "Compliance (Consumer Duty)",
  "Actuarial Function", "Information Security", "Model Risk Committee",
};

static const char * const informed_list[] = {
  "Internal Audit", "Customer Experience", "Board Risk Committee", "Operations managers",
  "Finance", "Claims Quality",
};

static const char * const role_sets[] = {
  "deployer", "deployer", "developer,deployer", "developer,deployer", "provider,deployer",
  "developer,provider,deployer", "importer,deployer", "distributor",
};

static const char * const oversights[] = {
  "human-in-the-loop", "human-in-the-loop", "human-on-the-loop", "human-in-command",
};

static const char * const stakeholders[] = {
  "Policyholders", "Claimants and third parties", "Applicants for cover", "Staff",
  "Brokers and their clients", "Repair networks", "Members of the public",
};

static const char * const geographies[] = {
  "United Kingdom", "United Kingdom, Ireland", "United Kingdom, Ireland", "Ireland",
};

static const char * const languages[] = {
  "English", "English", "English", "English, Irish", "English, Welsh",
};

static const char * const criticalities[] = {
  "low", "medium", "medium", "medium", "high", "high", "critical",
};

static const char * const exclusion_reasons[] = {
  "A general-purpose productivity feature that processes no policyholder data.",
  "Operated by Northwind Life Assurance, which runs its own management system.",
  "A spreadsheet model without machine learning, governed by the Actuarial Model Risk Policy.",
  "Part of the Northwind Re Partners joint venture, which Northwind does not control.",
};

static const char * const limitations[] = {
  "Less accurate for small segments with few examples.",
  "Depends on data from one supplier; an outage stops it.",
  "Not validated for commercial lines.",
  "Accuracy drops after unusual weather events.",
  "Struggles with handwritten or low-quality inputs.",
};

static const char * const metric_names[] = {
  "Accuracy", "Precision", "Recall", "AUC", "F1 score",
};

static const char * const data_set_kinds[] = {
  "claims history", "policy history", "broker submissions", "payment records",
  "weather and flood data", "vehicle data", "customer correspondence", "call transcripts",
  "document images", "open property data",
};

static const char * const data_set_purposes[] = {
  "training", "training", "validation", "test", "production-input",
};

static const char * const data_set_sources[] = {
  "ClaimCentre claims administration system", "PolicyCentre policy administration system",
  "Broker trading portal", "Finance ledger", "Public open data", "Third-party data licence",
  "Contact-centre platform", "Document store",
};

static const char * const legal_bases[] = {
  "UK GDPR Art. 6(1)(b), performance of the insurance contract",
  "UK GDPR Art. 6(1)(f), legitimate interests",
  "Open Government Licence v3.0", "Commercial data licence",
  "Consent (UK GDPR Art. 6(1)(a))",
};

static const char * const retentions[] = {
  "2 years", "6 years", "7 years after the claim closes", "13 months", "For the life of the model",
};

static const char * const biases[] = {
  "Under-represents customers who contact us by phone.",
  "Older records are less complete.",
  "Few examples from Northern Ireland.",
  "Reflects past decisions, which may carry past biases.",
  "No known bias; checked at each refresh.",
};

static const char * const storages[] = {
  "Stratus ML workspace, UK South region", "Pricing data mart (on premises)",
  "Claims data lake", "Supplier tenant (EU region)",
};

static const char * const vendor_prefixes[] = {
  "Nimbus", "Quantis", "Helix", "Ardent", "Bluefin", "Corvid", "Lumen", "Sable", "Vertex",
  "Kestrel", "Orbit", "Tessera", "Marlin", "Aurora", "Granite", "Pioneer",
};

static const char * const vendor_suffixes[] = {
  "Analytics", "Data Services", "AI", "Cloud", "Software", "Insight", "Labs", "Systems",
};

static const char * const supplies_list[] = {
  "model", "data", "platform", "service", "service",
};

static const char * const due_diligence_states[] = {
  "not-started", "in-progress", "completed", "completed", "completed", "issues-found",
};

static const char * const slas[] = {
  "99.9% availability", "99.5% availability in business hours", "Next-day delivery of files",
  "Incidents answered within 4 hours", "No service level agreed",
};

static const char * const data_received_list[] = {
  "Pseudonymised claims data.", "Policyholder names and addresses for matching.",
  "No personal data.", "Documents sent with claims.", "Call audio and transcripts.",
};

#define PICK(rand, list) ((list)[g_rand_int_range ((rand), 0, G_N_ELEMENTS (list))])

/* The risk register of the small scale (issue 5). Scores are steps of the
 * default 5×5 matrix; the store looks up the levels and dates the next
 * reviews from the assessments, so a few high risks assessed in the summer
 * are overdue on 2026-11-22. Actions are "what|owner|due|status";
 * acceptances "by|role|date|expiry|rationale". */
typedef struct
{
  const char *title;
  const char *description;
  const char *risk_source;
  const char *objectives;
  const char *lifecycle;
  const char *cause;
  const char *consequence;
  const char *owner;
  guint       inherent[2];       /* likelihood, impact */
  const char *existing_controls;
  const char *treatment;
  guint       residual[2];       /* 0, 0: not yet assessed */
  const char *assessed;
  const char *triggers;
  const char *status;
  guint       systems[3];        /* numbers of hand-written systems, 0-terminated */
  const char *controls;          /* Annex A control ids, comma-separated */
  const char *actions[3];
  const char *acceptance;
} DemoRisk;

static const DemoRisk hand_written_risks[] = {
  { "Triage sends complex injury claims down the fast track",
    "The triage model scores some bodily-injury claims as simple, so they skip the specialist "
    "handler queue.", "C.3.4", "C.2.8,C.2.9", "operation-monitoring",
    "Injury claims are rare in the training data and their first notice is often vague.",
    "Under-reserved claims, late medical referrals and complaints to the ombudsman.",
    "Priya Raman, Head of Claims Operations", { 3, 4 },
    "Handlers may re-route any claim; weekly sample review of fast-tracked claims.",
    "mitigate", { 2, 3 }, "2026-09-02", "A new claim type, or the fast-track rate moving by 5 "
    "points.", "treatment-planned", { 1, 0 }, "A.6.2.4,A.6.2.6",
    { "Add an injury keyword rule ahead of the model|Samuel Okoye|2026-12-15|in-progress",
      "Retrain with the 2025 injury claims oversampled|Samuel Okoye|2027-02-28|planned", NULL },
    NULL },
  { "Triage model drifts after the new claims portal",
    "The new online portal changed how first notice of loss is written, and the model's inputs "
    "shifted.", "C.3.6", "C.2.6,C.2.8", "operation-monitoring",
    "Free text is shorter and structured fields replaced some of it.",
    "Slower or wrong triage for a growing share of claims.",
    "Samuel Okoye, Lead Data Scientist, Claims", { 4, 3 },
    "Monthly performance report.", "mitigate", { 2, 2 }, "2026-10-05",
    "Any change to the portal's claim form.", "treated", { 1, 6, 0 }, "A.6.2.6",
    { "Set up weekly drift monitoring on input features|Samuel Okoye|2026-10-31|done",
      "Agree a retraining trigger with Claims Operations|Priya Raman|2026-11-30|done", NULL },
    NULL },
  { "Fraud scores single out claimants by postcode",
    "Postcode and related features act as a proxy for ethnicity, so some communities are "
    "referred to investigators far more often.", "C.3.4", "C.2.5,C.2.1", "operation-monitoring",
    "Historical referrals were concentrated in a few areas and the model learned them.",
    "Unfair treatment of honest customers, regulatory action and reputational damage.",
    "Tom Gallagher, Head of Special Investigations", { 4, 5 },
    "Investigators see the score only after an initial rules check.", "mitigate", { 3, 4 },
    "2026-07-20", "A new data source, or referral rates by area diverging.",
    "treatment-planned", { 2, 0 }, "A.5.4,A.7.4",
    { "Run a disparate-impact analysis by area and protected proxy|Wei Chen|2026-09-30|done",
      "Remove postcode-level features or cap their weight|Wei Chen|2026-12-31|in-progress",
      "Quarterly fairness review with Compliance|Tom Gallagher|2027-01-31|planned" },
    NULL },
  { "Investigators over-rely on the fraud score",
    "A high score is taken as proof rather than as a prompt to look further.", "C.3.3",
    "C.2.1,C.2.11", "operation-monitoring",
    "The score is shown without reasons and targets reward quick closures.",
    "Valid claims delayed or declined; complaints and legal costs.",
    "Tom Gallagher, Head of Special Investigations", { 3, 4 },
    "Declines need a second investigator's sign-off.", "mitigate", { 2, 3 }, "2026-09-14",
    "Changes to investigator targets.", "treatment-planned", { 2, 0 }, "A.9.3,A.8.2",
    { "Show the top reasons beside each score|Wei Chen|2027-01-15|planned",
      "Train investigators on what the score means|Tom Gallagher|2026-12-10|in-progress",
      NULL },
    NULL },
  { "Fraud model evaded by organised rings",
    "Organised fraud rings learn which claims are not flagged and adapt.", "C.3.1",
    "C.2.10,C.2.8", "operation-monitoring",
    "The model is static between yearly retraining.",
    "Losses from undetected fraud.", "Wei Chen, Fraud Analytics Lead", { 3, 3 },
    "Industry fraud database checks.", "transfer", { 2, 3 }, "2026-10-12", NULL, "treated",
    { 2, 0 }, "A.10.3",
    { "Join the insurers' shared fraud intelligence service|Tom Gallagher|2026-10-30|done",
      NULL, NULL },
    NULL },
  { "Home pricing penalises flood-zone postcodes beyond the modelled risk",
    "The pricing model loads premiums in some postcodes more than the flood data justifies.",
    "C.3.2", "C.2.5,C.2.11", "operation-monitoring",
    "A correlated deprivation signal leaks through the property features.",
    "Unaffordable cover for some households; conduct risk under consumer duty rules.",
    "Helen Okafor, Chief Underwriting Officer", { 3, 4 },
    "Pricing committee signs off each release.", "mitigate", { 2, 3 }, "2026-08-25",
    "A new rating factor.", "treatment-planned", { 3, 0 }, "A.5.4,A.6.2.4",
    { "Fair-value assessment of premiums by area|Ravi Shah|2026-12-20|in-progress", NULL,
      NULL },
    NULL },
  { "Pricing model cannot be explained to the regulator",
    "Gradient-boosted pricing with hundreds of features resists a plain explanation.",
    "C.3.2", "C.2.11,C.2.1", "operation-monitoring",
    "Model complexity grew with each release.",
    "Findings in a supervisory review; forced rollback to the old tariff.",
    "Ravi Shah, Pricing Lead", { 2, 4 },
    "Model documentation pack for each release.", "mitigate", { 2, 2 }, "2026-06-30", NULL,
    "treated", { 3, 0 }, "A.6.2.7,A.8.2",
    { "Produce feature-attribution summaries for each tariff|Ravi Shah|2026-09-30|done",
      NULL, NULL },
    NULL },
  { "Pricing data pipeline silently drops records",
    "A nightly job truncates quotes with unusual characters in the address.", "C.3.5",
    "C.2.3,C.2.8", "operation-monitoring",
    "Character-set handling in an old extract job.",
    "Biased training data and wrong premiums for some customers.",
    "Ravi Shah, Pricing Lead", { 2, 3 }, "Row counts checked monthly.", "accept", { 0, 0 },
    "2026-05-18", NULL, "accepted", { 3, 0 }, "A.7.3", { NULL, NULL, NULL },
    "Helen Okafor|Chief Underwriting Officer|2026-05-25|2026-11-25|Fewer than one quote in a "
    "thousand is affected and those are re-keyed by hand; the job is replaced with the data "
    "platform migration." },
  { "Chatbot gives wrong answers about policy cover",
    "The assistant states that a loss is covered when the policy wording excludes it.",
    "C.3.4", "C.2.8,C.2.11", "verification-validation",
    "The language model answers from general knowledge when retrieval finds nothing.",
    "Customers rely on the answer; complaints and claims paid ex gratia.",
    "Marcus Lindqvist, Director of Customer Experience", { 4, 4 },
    "Answers cite the policy document; a hand-off button to an agent.", "mitigate", { 2, 3 },
    "2026-10-20", "A new model version or new product wordings.", "treatment-planned",
    { 4, 0 }, "A.6.2.4,A.9.4",
    { "Refuse to answer cover questions without a retrieved clause|Elena Rossi|2026-12-01|"
      "in-progress",
      "Red-team the assistant with 500 cover questions|Elena Rossi|2026-11-15|done",
      "Monthly sampling of transcripts by the Complaints team|Marcus Lindqvist|2027-01-31|"
      "planned" },
    NULL },
  { "Chatbot leaks personal data through prompt injection",
    "Crafted messages make the assistant reveal another customer's details from its tools.",
    "C.3.1", "C.2.7,C.2.10", "verification-validation",
    "Tool calls run with broad access to the policy system.",
    "A personal data breach reportable to the supervisory authority.",
    "Elena Rossi, Digital Product Owner", { 3, 5 },
    "Customers are authenticated before any tool call.", "mitigate", { 1, 4 }, "2026-11-02",
    "A new tool or data source for the assistant.", "treatment-planned", { 4, 0 },
    "A.6.2.4,A.7.5",
    { "Scope tool access to the authenticated customer only|Elena Rossi|2026-11-20|done",
      "Penetration test focused on prompt injection|Elena Rossi|2026-12-12|planned", NULL },
    NULL },
  { "Customers do not know they are talking to an AI",
    "The chat window looks like a human agent's.", "C.3.2", "C.2.11", "verification-validation",
    "Design copied from the live-chat service.",
    "Breach of the EU AI Act's transparency duty (Art. 50).",
    "Marcus Lindqvist, Director of Customer Experience", { 4, 3 }, "", "avoid", { 1, 2 },
    "2026-10-20", NULL, "treated", { 4, 0 }, "A.8.2",
    { "Label the assistant as AI in the header and first message|Elena Rossi|2026-11-01|done",
      NULL, NULL },
    NULL },
  { "CV screening disadvantages candidates with career breaks",
    "Candidates with gaps in employment, often carers and women, are ranked lower.", "C.3.4",
    "C.2.5,C.2.1", "re-evaluation",
    "Past hiring decisions favoured continuous careers and the model learned them.",
    "Indirect discrimination; claims at employment tribunal; a high-risk system under Annex "
    "III.", "Aisha Bello, HR Director", { 4, 5 },
    "Recruiters review every rejected shortlist.", "mitigate", { 3, 4 }, "2026-08-10",
    "A new role family or a change in the ranking features.", "treatment-planned", { 5, 0 },
    "A.5.4,A.7.4,A.9.3",
    { "Bias audit by an independent assessor|Jonas Meyer|2026-10-31|done",
      "Remove employment-gap features|Jonas Meyer|2026-12-31|in-progress",
      "Human review of every automated rejection|Aisha Bello|2026-09-30|done" },
    NULL },
  { "Candidates are not told how the screening works",
    "Job adverts do not mention automated screening or the right to a human review.",
    "C.3.2", "C.2.11,C.2.1", "re-evaluation", "No review of candidate notices since 2023.",
    "Complaints and regulatory findings under data protection law.",
    "Jonas Meyer, HR Systems Manager", { 3, 3 }, "", "mitigate", { 1, 2 }, "2026-09-01", NULL,
    "treated", { 5, 0 }, "A.8.2,A.8.5",
    { "Rewrite the candidate privacy notice|Jonas Meyer|2026-10-15|done", NULL, NULL }, NULL },
  { "OCR misreads amounts on handwritten invoices",
    "Extraction confuses digits on handwritten repair invoices.", "C.3.7", "C.2.8,C.2.3",
    "operation-monitoring", "Handwriting was under-represented in the vendor's training set.",
    "Over- or under-payment of claims.", "Grace Mensah, Claims Innovation Lead", { 3, 3 },
    "Amounts above 2,000 are checked by a handler.", "mitigate", { 2, 2 }, "2026-09-28", NULL,
    "treated", { 6, 0 }, "A.6.2.4",
    { "Lower the check threshold to 500 for handwritten invoices|Priya Raman|2026-10-15|done",
      NULL, NULL },
    NULL },
  { "Document extraction vendor stops support for the model",
    "The OCR vendor plans to retire the model version we depend on.", "C.3.6", "C.2.6",
    "operation-monitoring", "Vendor roadmap.", "Claims intake stalls while a replacement is "
    "validated.", "Grace Mensah, Claims Innovation Lead", { 2, 3 },
    "Contract gives 12 months' notice.", "accept", { 2, 2 }, "2026-06-15", NULL, "accepted",
    { 6, 0 }, "A.10.3", { NULL, NULL, NULL },
    "Priya Raman|Head of Claims Operations|2026-06-20|2027-06-20|The contract's notice period "
    "leaves time to validate a replacement; the cost of switching now is higher than the risk." },
  { "Marketing generator makes claims the product cannot support",
    "Generated copy promises cover or discounts that do not exist.", "C.3.3", "C.2.1,C.2.11",
    "deployment", "The generator is asked for persuasive copy with little product context.",
    "Misleading advertising; regulatory fines.", "Sophie Durand, Marketing Director", { 4, 3 },
    "Compliance approves campaigns.", "mitigate", { 2, 2 }, "2026-10-01", NULL,
    "treatment-planned", { 7, 0 }, "A.9.4",
    { "Ground prompts in the approved product facts sheet|Liam Byrne|2026-12-05|in-progress",
      "Compliance check of every generated asset before use|Sophie Durand|2026-10-15|done",
      NULL },
    NULL },
  { "Generated images infringe third-party rights",
    "Images made by the generator resemble copyrighted works or real people.", "C.3.4",
    "C.2.1", "deployment", "Unclear provenance of the model's training images.",
    "Takedown demands and damages.", "Liam Byrne, Marketing Technology Manager", { 2, 3 },
    "The vendor indemnifies commercial use.", "transfer", { 1, 3 }, "2026-10-01", NULL,
    "treated", { 7, 0 }, "A.10.3", { NULL, NULL, NULL }, NULL },
  { "Telematics score penalises night-shift workers",
    "Driving at night lowers the score regardless of how safely the customer drives.",
    "C.3.4", "C.2.5", "design-development", "Night driving is a strong but blunt risk signal.",
    "Higher premiums for key workers; fairness complaints.",
    "Daniel Kowalski, Motor Product Manager", { 3, 3 }, "", "mitigate", { 0, 0 },
    "2026-11-10", NULL, "assessed", { 8, 0 }, "A.5.4",
    { "Test the score on a night-shift panel|Hannah Kelly|2027-01-31|planned", NULL, NULL },
    NULL },
  { "Telematics data kept longer than customers expect",
    "Trip-level location data is stored for the life of the policy and beyond.", "C.3.6",
    "C.2.7", "design-development", "No retention rule in the design.",
    "Breach of the storage limitation principle.", "Hannah Kelly, Data Scientist, Motor",
    { 3, 4 }, "", "avoid", { 0, 0 }, "2026-11-10", NULL, "assessed", { 8, 0 }, "A.7.2",
    { "Aggregate trips after 90 days and delete the raw data|Hannah Kelly|2027-02-15|planned",
      NULL, NULL },
    NULL },
  { "Photo assessment underestimates damage in poor light",
    "Estimates from dark or blurry photos are systematically low.", "C.3.5", "C.2.8,C.2.3",
    "verification-validation", "Phone cameras and lighting vary far more than in testing.",
    "Under-settled claims and reopened cases.", "Grace Mensah, Claims Innovation Lead",
    { 4, 3 }, "A loss adjuster reviews estimates above 5,000.", "mitigate", { 2, 3 },
    "2026-08-01", "A new phone platform or app release.", "treatment-planned", { 9, 0 },
    "A.6.2.4,A.6.2.5",
    { "Reject photos below a quality threshold in the app|Samuel Okoye|2026-11-30|in-progress",
      NULL, NULL },
    NULL },
  { "Retention offers target customers the model thinks will not complain",
    "Churn predictions steer better offers away from loyal customers.", "C.3.3", "C.2.5,C.2.1",
    "operation-monitoring", "The model optimises margin, not fair value.",
    "Price-walking; breach of the consumer duty.", "Olivia Brennan, Head of Retention",
    { 4, 4 }, "Renewal prices capped at new-business equivalent.", "mitigate", { 3, 3 },
    "2026-07-15", NULL, "treatment-planned", { 10, 3, 0 }, "A.5.4,A.9.4",
    { "Remove offer steering from the churn model's use|Olivia Brennan|2026-10-31|in-progress",
      NULL, NULL },
    NULL },
  { "Sentiment analysis misreads accents and dialects",
    "Calls from some regions are flagged as angry more often.", "C.3.4", "C.2.5,C.2.3",
    "operation-monitoring", "Training audio came mostly from one region.",
    "Unfair escalations and agent performance scores.",
    "Fiona Walsh, Contact Centre Systems Manager", { 3, 3 },
    "Scores are not used in agent appraisals.", "mitigate", { 2, 2 }, "2026-10-28", NULL,
    "treatment-planned", { 11, 0 }, "A.7.4",
    { "Evaluate accuracy by region on 2,000 labelled calls|Fiona Walsh|2027-01-20|planned",
      NULL, NULL },
    NULL },
  { "Call recordings used for analysis without a lawful basis",
    "Recordings made for quality purposes are reused for sentiment models.", "C.3.6", "C.2.7",
    "operation-monitoring", "The purpose was not reviewed when the analysis started.",
    "Unlawful processing of personal data.", "Marcus Lindqvist, Director of Customer Experience",
    { 3, 4 }, "Call opening message mentions recording.", "mitigate", { 1, 3 }, "2026-10-28",
    NULL, "treated", { 11, 0 }, "A.7.2,A.8.5",
    { "Update the call message and the records of processing|Fiona Walsh|2026-11-10|done",
      NULL, NULL },
    NULL },
  { "Legacy reserve estimator still used after retirement",
    "Some actuarial spreadsheets still call the retired estimator.", "C.3.6", "C.2.6,C.2.1",
    "retirement", "No inventory of downstream users at retirement.",
    "Reserves based on an unmaintained model.", "Robert Hale, Chief Actuary", { 2, 4 }, "",
    "avoid", { 1, 2 }, "2026-05-02", NULL, "closed", { 12, 0 }, "A.6.2.8",
    { "Switch off the estimator's endpoint|Samuel Okoye|2026-06-30|done", NULL, NULL }, NULL },
  { "Staff paste customer data into the writing assistant",
    "The office assistant sends prompts to the supplier's cloud.", "C.3.1", "C.2.7,C.2.10",
    "operation-monitoring", "Convenience; no guidance at launch.",
    "Disclosure of personal data to a processor outside the contract's scope.",
    "Kenji Watanabe, Head of IT Service Management", { 4, 3 },
    "Data loss prevention on e-mail only.", "mitigate", { 2, 2 }, "2026-08-20", NULL,
    "treatment-planned", { 13, 0 }, "A.9.2,A.4.6",
    { "Publish acceptable-use guidance|Kenji Watanabe|2026-09-15|done",
      "Extend data loss prevention to the assistant|Kenji Watanabe|2027-03-31|planned", NULL },
    NULL },
  { "Too few people understand the models they own",
    "Business owners of AI systems cannot say how their systems fail.", "C.3.7", "C.2.2,C.2.1",
    "operation-monitoring", "Rapid adoption; training lagged behind.",
    "Weak oversight and slow responses to incidents.",
    "Helen Okafor, Chief Underwriting Officer", { 4, 3 }, "", "mitigate", { 3, 2 },
    "2026-09-05", "A new AI system entering the inventory.", "treatment-planned",
    { 1, 3, 5 }, "A.4.6,A.3.2",
    { "AI literacy course for every system owner|Aisha Bello|2027-03-31|in-progress", NULL,
      NULL },
    NULL },
  { "Cloud GPU outage stops claims triage",
    "Triage and document extraction run on one cloud region.", "C.3.5", "C.2.8",
    "operation-monitoring", "No failover region.", "Claims queue backs up for days.",
    "Samuel Okoye, Lead Data Scientist, Claims", { 2, 3 },
    "Manual triage procedure exists.", "accept", { 2, 3 }, "2026-04-10", NULL, "accepted",
    { 1, 6, 0 }, "A.4.5", { NULL, NULL, NULL },
    "Priya Raman|Head of Claims Operations|2026-04-15|2027-04-15|Manual triage keeps claims "
    "moving for a week; a second region would double the running cost." },
  { "Energy use of model retraining not measured",
    "Monthly retraining of several models has an unknown footprint.", "C.3.6", "C.2.4",
    "operation-monitoring", "Nobody owns the measurement.",
    "Cannot report against the sustainability commitment.",
    "Kenji Watanabe, Head of IT Service Management", { 3, 2 }, "", "mitigate", { 0, 0 },
    "2026-10-15", NULL, "identified", { 1, 2, 3 }, "A.4.4", { NULL, NULL, NULL }, NULL },
};

/* The generated scales add one data set per this many AI systems, one third
 * party per THIRD_PARTY_RATIO, and link each system to 1-3 data sets and 0-2
 * third parties. */
#define DATA_SET_RATIO 5
#define THIRD_PARTY_RATIO 25

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

static GHashTable *
values_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_variant_unref);
}

static void
put_take (GHashTable *values,
          const char *field,
          char       *value)
{
  g_hash_table_insert (values, (gpointer) field,
                       g_variant_ref_sink (g_variant_new_take_string (value)));
}

static void
put (GHashTable *values,
     const char *field,
     const char *value)
{
  put_take (values, field, g_strdup (value != NULL ? value : ""));
}

static void
put_bool (GHashTable *values,
          const char *field,
          gboolean    value)
{
  g_hash_table_insert (values, (gpointer) field,
                       g_variant_ref_sink (g_variant_new_boolean (value)));
}

static void
put_int (GHashTable *values,
         const char *field,
         gint64      value)
{
  g_hash_table_insert (values, (gpointer) field,
                       g_variant_ref_sink (g_variant_new_int64 (value)));
}

/* Inserts @values (consumed) with a UUID drawn from @rand. */
static char *
insert (AimsStore   *store,
        GRand       *rand,
        const char  *table,
        GHashTable  *values,
        GError     **error)
{
  g_autoptr(GHashTable) owned = values;

  put_take (owned, "uuid", random_uuid (rand));
  return aims_store_insert (store, table, owned, error);
}

static gboolean
insert_link (AimsStore   *store,
             GRand       *rand,
             const char  *table,
             const char  *column,
             const char  *system,
             const char  *other,
             GError     **error)
{
  GHashTable *values = values_new ();
  g_autofree char *uuid = NULL;

  put (values, "system", system);
  put (values, column, other);
  uuid = insert (store, rand, table, values, error);

  return uuid != NULL;
}

/* A date @months after @date ("YYYY-MM-DD"), clamped to the month's end. */
static char *
add_months (const GDate *date,
            guint        months)
{
  GDate later = *date;

  g_date_add_months (&later, months);
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&later), g_date_get_month (&later),
                          g_date_get_day (&later));
}

static char *
insert_hand_written_data_set (AimsStore          *store,
                              GRand              *rand,
                              guint               number,
                              const DemoDataSet  *data_set,
                              GError            **error)
{
  GHashTable *values = values_new ();

  put_take (values, "reference", g_strdup_printf ("DS-%03u", number));
  put (values, "name", data_set->name);
  put (values, "purpose", data_set->purpose);
  put (values, "source", data_set->source);
  put (values, "provenance", data_set->provenance);
  put (values, "legal_basis", data_set->legal_basis);
  put_bool (values, "personal_data", data_set->personal_data);
  put (values, "personal_data_categories", data_set->personal_data_categories);
  put (values, "retention", data_set->retention);
  put (values, "quality_checks", data_set->quality_checks);
  put (values, "known_biases", data_set->known_biases);
  put (values, "lineage_origin", data_set->lineage_origin);
  put (values, "lineage_processing", data_set->lineage_processing);
  put (values, "lineage_transformations", data_set->lineage_transformations);
  put (values, "lineage_storage", data_set->lineage_storage);
  put (values, "owner", data_set->owner);

  return insert (store, rand, "data_set", values, error);
}

static char *
insert_hand_written_third_party (AimsStore             *store,
                                 GRand                 *rand,
                                 guint                  number,
                                 const DemoThirdParty  *third_party,
                                 GError               **error)
{
  GHashTable *values = values_new ();

  put_take (values, "reference", g_strdup_printf ("TP-%03u", number));
  put (values, "name", third_party->name);
  put (values, "supplies", third_party->supplies);
  put (values, "contract_audit_rights", third_party->contract_audit_rights);
  put (values, "due_diligence_status", third_party->due_diligence_status);
  put (values, "due_diligence_date", third_party->due_diligence_date);
  put (values, "sla", third_party->sla);
  put (values, "data_received", third_party->data_received);
  put (values, "criticality", third_party->criticality);

  return insert (store, rand, "third_party", values, error);
}

static char *
insert_hand_written_system (AimsStore         *store,
                            GRand             *rand,
                            guint              number,
                            const DemoSystem  *system,
                            GError           **error)
{
  GHashTable *values = values_new ();

  put_take (values, "reference", g_strdup_printf ("SYS-%03u", number));
  put (values, "name", system->name);
  put (values, "description", system->description);
  put (values, "business_owner", system->owner);
  put (values, "lifecycle", system->lifecycle);
  put_bool (values, "in_scope", system->in_scope);
  put (values, "intended_purpose", system->intended_purpose);
  put (values, "intended_users", system->intended_users);
  put (values, "foreseeable_misuse", system->foreseeable_misuse);
  put (values, "technical_owner", system->technical_owner);
  put (values, "consulted", system->consulted);
  put (values, "informed", system->informed);
  put (values, "roles", system->roles);
  put (values, "technique", system->technique);
  put (values, "oversight", system->oversight);
  put (values, "affected_stakeholders", system->affected_stakeholders);
  put (values, "geographies", system->geographies);
  put (values, "languages", system->languages);
  put (values, "eu_ai_act_category", system->eu_ai_act_category);
  put (values, "eu_ai_act_area", system->eu_ai_act_area);
  put (values, "eu_ai_act_reason", system->eu_ai_act_reason);
  put (values, "criticality", system->criticality);
  put (values, "scope_justification", system->scope_justification);
  put (values, "performance_metrics", system->performance_metrics);
  put (values, "known_limitations", system->known_limitations);
  put (values, "evaluation_data", system->evaluation_data);
  put (values, "last_review", system->last_review);
  put (values, "next_review", system->next_review);
  put (values, "status", system->status);

  return insert (store, rand, "ai_system", values, error);
}

/* The small scale: Northwind's own inventory, linked as it is used. */
static gboolean
generate_hand_written (AimsStore  *store,
                       GRand      *rand,
                       guint       n_systems,
                       GPtrArray  *data_sets,
                       GPtrArray  *third_parties,
                       GError    **error)
{
  guint first_system = aims_store_count (store, "ai_system") + 1;
  guint first_data_set = aims_store_count (store, "data_set") + 1;
  guint first_third_party = aims_store_count (store, "third_party") + 1;

  for (guint i = 0; i < G_N_ELEMENTS (hand_written_data_sets); i++)
    {
      char *uuid = insert_hand_written_data_set (store, rand, first_data_set + i,
                                                 &hand_written_data_sets[i], error);

      if (uuid == NULL)
        return FALSE;
      g_ptr_array_add (data_sets, uuid);
    }

  for (guint i = 0; i < G_N_ELEMENTS (hand_written_third_parties); i++)
    {
      char *uuid = insert_hand_written_third_party (store, rand, first_third_party + i,
                                                    &hand_written_third_parties[i], error);

      if (uuid == NULL)
        return FALSE;
      g_ptr_array_add (third_parties, uuid);
    }

  for (guint i = 0; i < G_N_ELEMENTS (hand_written) && i < n_systems; i++)
    {
      const DemoSystem *system = &hand_written[i];
      g_autofree char *uuid = insert_hand_written_system (store, rand, first_system + i, system,
                                                          error);

      if (uuid == NULL)
        return FALSE;

      for (guint j = 0; j < G_N_ELEMENTS (system->data_sets) && system->data_sets[j] != 0; j++)
        {
          if (!insert_link (store, rand, "system_data_set", "data_set", uuid,
                            g_ptr_array_index (data_sets, system->data_sets[j] - 1), error))
            return FALSE;
        }

      for (guint j = 0;
           j < G_N_ELEMENTS (system->third_parties) && system->third_parties[j] != 0;
           j++)
        {
          if (!insert_link (store, rand, "system_third_party", "third_party", uuid,
                            g_ptr_array_index (third_parties, system->third_parties[j] - 1),
                            error))
            return FALSE;
        }
    }

  return TRUE;
}

static char *
generate_data_set (AimsStore  *store,
                   GRand      *rand,
                   guint       number,
                   GError    **error)
{
  GHashTable *values = values_new ();
  /* One draw per statement: the order in which C evaluates function
   * arguments is unspecified, and the demo must not depend on it. */
  const char *line = PICK (rand, lines_of_business);
  const char *kind = PICK (rand, data_set_kinds);
  guint first_year = g_rand_int_range (rand, 2015, 2024);
  const char *purpose = PICK (rand, data_set_purposes);
  const char *source = PICK (rand, data_set_sources);
  const char *legal_basis = PICK (rand, legal_bases);
  gboolean personal = g_rand_int_range (rand, 0, 100) < 70;
  const char *retention = PICK (rand, retentions);
  const char *bias = PICK (rand, biases);
  const char *storage = PICK (rand, storages);
  const char *first_name = PICK (rand, first_names);
  const char *surname = PICK (rand, surnames);
  const char *role = PICK (rand, business_roles);
  guint completeness = g_rand_int_range (rand, 90, 100);

  put_take (values, "reference", g_strdup_printf ("DS-%03u", number));
  put_take (values, "name", g_strdup_printf ("%s %s %u-%u", line, kind, first_year, 2025));
  put (values, "purpose", purpose);
  put (values, "source", source);
  put_take (values, "provenance", g_strdup_printf ("Collected from the %s since %u.", source,
                                                   first_year));
  put (values, "legal_basis", legal_basis);
  put_bool (values, "personal_data", personal);
  put (values, "personal_data_categories",
       personal ? "Names, contact details and policy or claim details." : "");
  put (values, "retention", retention);
  put_take (values, "quality_checks",
            g_strdup_printf ("Key fields %u%% complete; duplicates removed.", completeness));
  put (values, "known_biases", bias);
  put_take (values, "lineage_origin", g_strdup_printf ("%s extract.", source));
  put (values, "lineage_processing", personal ? "Pseudonymised before use." : "Used as received.");
  put (values, "lineage_transformations", "Cleaned, de-duplicated and joined by policy number.");
  put (values, "lineage_storage", storage);
  put_take (values, "owner", g_strdup_printf ("%s %s, %s", first_name, surname, role));

  return insert (store, rand, "data_set", values, error);
}

static char *
generate_third_party (AimsStore  *store,
                      GRand      *rand,
                      guint       number,
                      GError    **error)
{
  GHashTable *values = values_new ();
  const char *prefix = PICK (rand, vendor_prefixes);
  const char *suffix = PICK (rand, vendor_suffixes);
  const char *supplies = PICK (rand, supplies_list);
  const char *status = PICK (rand, due_diligence_states);
  GDate date;
  const char *sla = PICK (rand, slas);
  const char *data_received = PICK (rand, data_received_list);
  const char *criticality = PICK (rand, criticalities);

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, G_DATE_JANUARY, 2025);
  g_date_add_days (&date, g_rand_int_range (rand, 0, 650));

  put_take (values, "reference", g_strdup_printf ("TP-%03u", number));
  put_take (values, "name", g_strdup_printf ("%s %s %u", prefix, suffix, number));
  put (values, "supplies", supplies);
  put (values, "contract_audit_rights",
       "Framework agreement with a data processing addendum; audit through annual reports.");
  put (values, "due_diligence_status", status);
  put_take (values, "due_diligence_date",
            g_str_equal (status, "not-started") ? g_strdup ("") : add_months (&date, 0));
  put (values, "sla", sla);
  put (values, "data_received", data_received);
  put (values, "criticality", criticality);

  return insert (store, rand, "third_party", values, error);
}

/* The EU AI Act category of a generated system, mostly minimal. */
static void
pick_category (GRand       *rand,
               const char **category,
               const char **area,
               const char **reason)
{
  guint draw = g_rand_int_range (rand, 0, 100);

  *area = "";
  if (draw < 70)
    {
      *category = "minimal";
      *reason = "Not a prohibited practice and not listed in Annex I or Annex III.";
    }
  else if (draw < 85)
    {
      *category = "transparency";
      *reason = "People interact with it or read content it generates (Art. 50).";
    }
  else if (draw < 91)
    {
      *category = "high-risk-annex-iii";
      *area = draw < 88 ? "annex_iii_4" : "annex_iii_5";
      *reason = draw < 88 ? "Used in recruitment or management of staff (Annex III point 4)."
                          : "Assesses access to an essential service (Annex III point 5).";
    }
  else if (draw < 93)
    {
      *category = "high-risk-annex-i";
      *reason = "Safety component of a product under EU harmonisation legislation (Annex I).";
    }
  else if (draw < 98)
    {
      *category = "general-purpose";
      *reason = "A general-purpose AI model integrated by Northwind.";
    }
  else if (draw < 99)
    {
      *category = "general-purpose-systemic";
      *reason = "Built on a general-purpose AI model with systemic risk.";
    }
  else
    {
      *category = "prohibited";
      *reason = "Flagged by the legal review as a possible Art. 5 practice; suspended.";
    }
}

static gboolean
generate_system (AimsStore  *store,
                 GRand      *rand,
                 guint       number,
                 GPtrArray  *data_sets,
                 GPtrArray  *third_parties,
                 GError    **error)
{
  GHashTable *values = values_new ();
  g_autofree char *uuid = NULL;
  const char *line = PICK (rand, lines_of_business);
  const char *subject = PICK (rand, subjects);
  const char *kind = PICK (rand, kinds);
  guint method = g_rand_int_range (rand, 0, G_N_ELEMENTS (methods));
  const char *source_a = PICK (rand, data_sources);
  const char *source_b = PICK (rand, data_sources);
  const char *purpose = PICK (rand, purposes);
  const char *first_name = PICK (rand, first_names);
  const char *surname = PICK (rand, surnames);
  const char *role = PICK (rand, business_roles);
  const char *tech_first_name = PICK (rand, first_names);
  const char *tech_surname = PICK (rand, surnames);
  const char *tech_role = PICK (rand, technical_roles);
  const char *lifecycle = PICK (rand, lifecycles);
  gboolean in_scope = g_rand_int_range (rand, 0, 100) >= 3;
  const char *intended_users = PICK (rand, users);
  const char *misuse = PICK (rand, misuses);
  const char *consulted = PICK (rand, consulted_list);
  const char *informed = PICK (rand, informed_list);
  const char *roles = PICK (rand, role_sets);
  const char *oversight = PICK (rand, oversights);
  const char *affected = PICK (rand, stakeholders);
  const char *geography = PICK (rand, geographies);
  const char *language = PICK (rand, languages);
  const char *criticality = PICK (rand, criticalities);
  const char *exclusion = PICK (rand, exclusion_reasons);
  const char *metric = PICK (rand, metric_names);
  guint score = g_rand_int_range (rand, 70, 98);
  guint threshold = g_rand_int_range (rand, 65, 90);
  const char *limitation = PICK (rand, limitations);
  guint review_day = g_rand_int_range (rand, 0, 540);
  guint review_months = g_rand_int_range (rand, 0, 2) == 0 ? 6 : 12;
  gboolean suspended = g_rand_int_range (rand, 0, 100) < 4;
  guint n_data_sets = g_rand_int_range (rand, 1, 4);
  guint n_third_parties = g_rand_int_range (rand, 0, 3);
  const char *category, *area, *reason;
  const char *status;
  GDate last;

  pick_category (rand, &category, &area, &reason);

  if (g_str_equal (lifecycle, "retirement"))
    status = "retired";
  else if (g_str_equal (category, "prohibited") || suspended)
    status = "suspended";
  else if (g_str_equal (lifecycle, "inception") || g_str_equal (lifecycle, "design-development"))
    status = "draft";
  else
    status = "active";

  g_date_clear (&last, 1);
  g_date_set_dmy (&last, 1, G_DATE_JUNE, 2025);
  g_date_add_days (&last, review_day);

  put_take (values, "reference", g_strdup_printf ("SYS-%03u", number));
  put_take (values, "name", g_strdup_printf ("%s %s %s", line, subject, kind));
  put_take (values, "description",
            g_strdup_printf ("Uses %s on %s and %s. It %s in the %s business.",
                             methods[method].text, source_a, source_b, purpose, line));
  put_take (values, "business_owner", g_strdup_printf ("%s %s, %s", first_name, surname, role));
  put (values, "lifecycle", lifecycle);
  put_bool (values, "in_scope", in_scope);
  put_take (values, "intended_purpose",
            g_strdup_printf ("It %s for %s in the %s business.", purpose, subject, line));
  put (values, "intended_users", intended_users);
  put (values, "foreseeable_misuse", misuse);
  put_take (values, "technical_owner",
            g_strdup_printf ("%s %s, %s", tech_first_name, tech_surname, tech_role));
  put (values, "consulted", consulted);
  put (values, "informed", informed);
  put (values, "roles", roles);
  put (values, "technique", methods[method].technique);
  put (values, "oversight", oversight);
  put (values, "affected_stakeholders", affected);
  put (values, "geographies", geography);
  put (values, "languages", language);
  put (values, "eu_ai_act_category", category);
  put (values, "eu_ai_act_area", area);
  put (values, "eu_ai_act_reason", reason);
  put (values, "criticality", criticality);
  put (values, "scope_justification", in_scope ? "" : exclusion);
  put_take (values, "performance_metrics",
            g_strdup_printf ("%s: 0.%02u (0.%02u)", metric, score, threshold));
  put (values, "known_limitations", limitation);
  put_take (values, "evaluation_data",
            g_strdup_printf ("Held-out sample of %s.", source_a));
  put_take (values, "last_review", add_months (&last, 0));
  put_take (values, "next_review",
            g_str_equal (status, "retired") ? g_strdup ("") : add_months (&last, review_months));
  put (values, "status", status);

  uuid = insert (store, rand, "ai_system", values, error);
  if (uuid == NULL)
    return FALSE;

  /* Distinct data sets and third parties: consecutive ones from a random
   * start. */
  if (data_sets->len > 0)
    {
      guint start = g_rand_int_range (rand, 0, data_sets->len);

      for (guint i = 0; i < MIN (n_data_sets, data_sets->len); i++)
        {
          if (!insert_link (store, rand, "system_data_set", "data_set", uuid,
                            g_ptr_array_index (data_sets, (start + i) % data_sets->len), error))
            return FALSE;
        }
    }

  if (third_parties->len > 0)
    {
      guint start = g_rand_int_range (rand, 0, third_parties->len);

      for (guint i = 0; i < MIN (n_third_parties, third_parties->len); i++)
        {
          if (!insert_link (store, rand, "system_third_party", "third_party", uuid,
                            g_ptr_array_index (third_parties, (start + i) % third_parties->len),
                            error))
            return FALSE;
        }
    }

  return TRUE;
}

/* The generated scales' risks: one per template, worded for the system. */
typedef struct
{
  const char *title;        /* %s: the system's name */
  const char *risk_source;
  const char *objectives;
  const char *cause;
  const char *consequence;
  const char *action;
} RiskTemplate;

static const RiskTemplate risk_templates[] = {
  { "%s treats some customer groups unfairly", "C.3.4", "C.2.5,C.2.1",
    "Historical decisions in the training data carry past bias.",
    "Unfair outcomes, complaints and regulatory action.",
    "Run a fairness analysis by customer group" },
  { "%s degrades as its input data drifts", "C.3.6", "C.2.8,C.2.6",
    "Upstream systems and customer behaviour change over time.",
    "Wrong outputs that go unnoticed for weeks.", "Set up drift monitoring with alerts" },
  { "%s output cannot be explained to customers", "C.3.2", "C.2.11",
    "The model's features and weights are not documented for lay readers.",
    "Customers cannot contest decisions; regulator findings.",
    "Write a plain-language explanation of the main factors" },
  { "%s exposes personal data", "C.3.1", "C.2.7,C.2.10",
    "Broad access rights and logs that keep raw inputs.", "A reportable personal data breach.",
    "Restrict access and mask personal data in logs" },
  { "%s is trusted without review", "C.3.3", "C.2.1,C.2.9",
    "Staff accept its recommendations under time pressure.",
    "Errors pass straight into customer decisions.", "Add a documented human review step" },
  { "%s fails when its platform is unavailable", "C.3.5", "C.2.8",
    "Single region hosting with no fallback.", "Service interruption for a business line.",
    "Document and test a manual fallback" },
  { "%s training data is incomplete", "C.3.4", "C.2.3",
    "Some products and regions are under-represented.", "Poor accuracy for those customers.",
    "Collect and label data for the missing segments" },
  { "%s vendor changes the model without notice", "C.3.6", "C.2.6,C.2.1",
    "The supplier updates its hosted model continuously.",
    "Validated behaviour no longer holds.", "Add change notification to the contract" },
  { "%s is manipulated by adversarial input", "C.3.1", "C.2.10,C.2.8",
    "Inputs come from the public and are not screened.", "Fraudulent or harmful outputs.",
    "Test against adversarial inputs before each release" },
  { "%s uses technology not yet proven at scale", "C.3.7", "C.2.2,C.2.8",
    "The technique is new to the organisation.", "Unexpected failure modes in production.",
    "Run a limited pilot with close monitoring" },
  { "%s consumes more energy than planned", "C.3.6", "C.2.4",
    "Frequent retraining on large hardware.", "Missed sustainability targets.",
    "Measure and report the energy of training runs" },
};

static const char * const generated_treatments[] = {
  "mitigate", "mitigate", "mitigate", "mitigate", "transfer", "avoid", "accept", ""
};

static const char * const action_states[] = {
  "planned", "in-progress", "done", "done", "cancelled"
};

static const char * const action_verbs[] = {
  "", " for the next release", " and report to the risk committee", " with the system owner"
};

#define RISKS_PER_SYSTEM 10

static const char risk_insert_sql[] =
  "INSERT INTO risk (uuid, reference, title, description, risk_source, objectives, lifecycle, "
  "cause, consequence, owner, inherent_likelihood, inherent_impact, inherent_level, "
  "existing_controls, treatment, residual_likelihood, residual_impact, residual_level, "
  "accepted_by, acceptance_role, acceptance_date, acceptance_expiry, acceptance_rationale, "
  "assessed, next_review, next_review_manual, reassessment_triggers, status, created, modified, "
  "author) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, "
  "?, ?, ?, ?, ?)";

static const char risk_system_insert_sql[] =
  "INSERT INTO risk_system (uuid, risk, system, created, modified, author) "
  "VALUES (?, ?, ?, ?, ?, ?)";

static const char action_insert_sql[] =
  "INSERT INTO treatment_action (uuid, risk, what, owner, due_date, status, created, modified, "
  "author) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

/* Steps one prepared statement and records its row in the import. */
static gboolean
step_logged (AimsStore     *store,
             sqlite3_stmt  *stmt,
             const char    *table,
             const char    *uuid,
             GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  if (rc != SQLITE_DONE)
    {
      g_set_error (error, AIMS_STORE_ERROR, AIMS_STORE_ERROR_FAILED,
                   _("Could not add the demo’s %s: %s"), table,
                   sqlite3_errmsg (_aims_store_get_db (store)));
      return FALSE;
    }

  return _aims_store_log_import (store, table, uuid, error);
}

static void
bind_text (sqlite3_stmt *stmt,
           int           column,
           const char   *text)
{
  sqlite3_bind_text (stmt, column, text != NULL ? text : "", -1, SQLITE_TRANSIENT);
}

/* @text with its "%s" replaced by @value (not a printf format: the lists
 * are data). */
static char *
fill_template (const char *text,
               const char *value)
{
  g_auto(GStrv) parts = g_strsplit (text, "%s", 2);

  return parts[1] != NULL ? g_strconcat (parts[0], value, parts[1], NULL) : g_strdup (text);
}

static char *
format_date (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

/*
 * The large and huge scales' risks: RISKS_PER_SYSTEM per generated AI
 * system, inserted with prepared statements inside the demo's one import
 * changeset. Nothing here bypasses what the store would compute: the levels
 * and next reviews come from the same functions and the same matrix.
 */
static gboolean
generate_risks (AimsStore  *store,
                GRand      *rand,
                guint       n_risks,
                GError    **error)
{
  g_autoptr(AimsMatrix) matrix = aims_store_dup_matrix (store);
  g_autoptr(GPtrArray) systems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) owners = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) lifecycles_of = g_ptr_array_new_with_free_func (g_free);
  const char *at = _aims_store_get_group_at (store);
  const char *author = aims_store_get_author (store);
  guint first = aims_store_count (store, "risk") + 1;
  guint n_likelihood = aims_matrix_get_n_steps (matrix, AIMS_MATRIX_LIKELIHOOD);
  guint n_impact = aims_matrix_get_n_steps (matrix, AIMS_MATRIX_IMPACT);
  sqlite3_stmt *risk_stmt = NULL;
  sqlite3_stmt *link_stmt = NULL;
  sqlite3_stmt *action_stmt = NULL;
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;
  int rc;

  stmt = _aims_store_prepare (store,
                              "SELECT uuid, name, business_owner, lifecycle FROM ai_system "
                              "ORDER BY rowid", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (systems, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
      g_ptr_array_add (owners, g_strdup ((const char *) sqlite3_column_text (stmt, 2)));
      g_ptr_array_add (lifecycles_of, g_strdup ((const char *) sqlite3_column_text (stmt, 3)));
    }
  _aims_store_release (stmt);
  if (rc != SQLITE_DONE || systems->len == 0)
    {
      g_set_error (error, AIMS_STORE_ERROR, AIMS_STORE_ERROR_FAILED,
                   _("The demo’s AI systems could not be read back."));
      return FALSE;
    }

  if ((risk_stmt = _aims_store_prepare (store, risk_insert_sql, error)) == NULL)
    goto out;
  if ((link_stmt = _aims_store_prepare (store, risk_system_insert_sql, error)) == NULL)
    goto out;
  if ((action_stmt = _aims_store_prepare (store, action_insert_sql, error)) == NULL)
    goto out;

  for (guint i = 0; i < n_risks; i++)
    {
      /* The hand-written systems have their own risks; these go with the
       * generated ones, RISKS_PER_SYSTEM each. */
      guint n_generated = systems->len > G_N_ELEMENTS (hand_written)
        ? systems->len - G_N_ELEMENTS (hand_written) : systems->len;
      guint s = systems->len - n_generated + (i / RISKS_PER_SYSTEM) % n_generated;
      const RiskTemplate *template = &PICK (rand, risk_templates);
      const char *treatment = PICK (rand, generated_treatments);
      g_autofree char *uuid = random_uuid (rand);
      g_autofree char *reference = g_strdup_printf ("R-%03u", first + i);
      g_autofree char *title = fill_template (template->title, g_ptr_array_index (names, s));
      g_autofree char *assessed = NULL;
      g_autofree char *next = NULL;
      g_autofree char *acceptance_date = NULL;
      g_autofree char *acceptance_expiry = NULL;
      guint il = g_rand_int_range (rand, 1, n_likelihood + 1);
      guint ii = g_rand_int_range (rand, 1, n_impact + 1);
      guint rl = 0, ri = 0;
      gboolean assessed_residual = g_rand_int_range (rand, 0, 100) < 80;
      gboolean accepted, beyond_appetite;
      int inherent, residual;
      const char *status;
      guint n_actions = 0;
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, 1, G_DATE_JUNE, 2025);
      g_date_add_days (&date, g_rand_int_range (rand, 0, 540));
      assessed = format_date (&date);

      if (assessed_residual && treatment[0] != '\0')
        {
          rl = g_rand_int_range (rand, 1, il + 1);
          ri = g_str_equal (treatment, "transfer") || g_str_equal (treatment, "accept")
            ? ii : g_rand_int_range (rand, 1, ii + 1);
        }

      inherent = _aims_risks_level (matrix, il, ii);
      residual = _aims_risks_level (matrix, rl, ri);
      beyond_appetite = aims_matrix_is_above_tolerance (matrix, residual >= 0 ? residual
                                                                             : inherent);
      next = _aims_risks_next_review (matrix, assessed, residual >= 0 ? residual : inherent);

      /* A risk treated by accepting it records who accepted it, when and
       * why; most acceptances run for a year, some for six months. */
      accepted = g_str_equal (treatment, "accept");
      if (accepted)
        {
          gboolean short_term = g_rand_int_range (rand, 0, 100) >= 70;

          acceptance_date = format_date (&date);
          if (short_term)
            g_date_add_months (&date, 6);
          else
            g_date_add_years (&date, 1);
          acceptance_expiry = format_date (&date);
          status = "accepted";
        }
      else if (treatment[0] == '\0')
        status = rl > 0 ? "assessed" : "identified";
      else
        {
          n_actions = g_rand_int_range (rand, 1, 4);
          status = rl > 0 && g_rand_int_range (rand, 0, 100) < 40 ? "treated" :
                   "treatment-planned";
        }
      if (g_rand_int_range (rand, 0, 100) < 3)
        status = "closed";

      bind_text (risk_stmt, 1, uuid);
      bind_text (risk_stmt, 2, reference);
      bind_text (risk_stmt, 3, title);
      bind_text (risk_stmt, 4, template->consequence);
      bind_text (risk_stmt, 5, template->risk_source);
      bind_text (risk_stmt, 6, template->objectives);
      bind_text (risk_stmt, 7, g_ptr_array_index (lifecycles_of, s));
      bind_text (risk_stmt, 8, template->cause);
      bind_text (risk_stmt, 9, template->consequence);
      bind_text (risk_stmt, 10, g_ptr_array_index (owners, s));
      sqlite3_bind_int (risk_stmt, 11, il);
      sqlite3_bind_int (risk_stmt, 12, ii);
      sqlite3_bind_int (risk_stmt, 13, inherent);
      bind_text (risk_stmt, 14, "Reviewed at each release.");
      bind_text (risk_stmt, 15, treatment);
      sqlite3_bind_int (risk_stmt, 16, rl);
      sqlite3_bind_int (risk_stmt, 17, ri);
      sqlite3_bind_int (risk_stmt, 18, residual);
      bind_text (risk_stmt, 19, accepted ? g_ptr_array_index (owners, s) : "");
      bind_text (risk_stmt, 20, !accepted ? "" : beyond_appetite
                                ? "System business owner, with the risk committee" :
                                  "System business owner");
      bind_text (risk_stmt, 21, acceptance_date);
      bind_text (risk_stmt, 22, acceptance_expiry);
      bind_text (risk_stmt, 23, !accepted ? "" : beyond_appetite
                                ? "Above the appetite, accepted for a limited time: further "
                                  "treatment would cost more than the loss it prevents."
                                : "Within the appetite once the existing controls are taken "
                                  "into account.");
      bind_text (risk_stmt, 24, assessed);
      bind_text (risk_stmt, 25, next);
      bind_text (risk_stmt, 26, "");
      bind_text (risk_stmt, 27, status);
      bind_text (risk_stmt, 28, at);
      bind_text (risk_stmt, 29, at);
      bind_text (risk_stmt, 30, author);
      if (!step_logged (store, risk_stmt, "risk", uuid, error))
        goto out;

      /* Its system, and now and then a second one that shares the risk. */
      for (guint k = 0; k < (g_rand_int_range (rand, 0, 100) < 15 ? 2 : 1); k++)
        {
          g_autofree char *link = random_uuid (rand);
          guint system = k == 0 ? s : (s + 1) % systems->len;

          bind_text (link_stmt, 1, link);
          bind_text (link_stmt, 2, uuid);
          bind_text (link_stmt, 3, g_ptr_array_index (systems, system));
          bind_text (link_stmt, 4, at);
          bind_text (link_stmt, 5, at);
          bind_text (link_stmt, 6, author);
          if (!step_logged (store, link_stmt, "risk_system", link, error))
            goto out;
        }

      for (guint k = 0; k < n_actions; k++)
        {
          g_autofree char *action = random_uuid (rand);
          g_autofree char *what = g_strconcat (template->action, PICK (rand, action_verbs),
                                               NULL);
          g_autofree char *due = NULL;
          GDate due_date;

          g_date_clear (&due_date, 1);
          g_date_set_dmy (&due_date, 1, G_DATE_SEPTEMBER, 2025);
          g_date_add_days (&due_date, g_rand_int_range (rand, 0, 600));
          due = format_date (&due_date);

          bind_text (action_stmt, 1, action);
          bind_text (action_stmt, 2, uuid);
          bind_text (action_stmt, 3, what);
          bind_text (action_stmt, 4, g_ptr_array_index (owners, s));
          bind_text (action_stmt, 5, due);
          bind_text (action_stmt, 6, g_str_equal (status, "treated") ? "done"
                                                                   : PICK (rand, action_states));
          bind_text (action_stmt, 7, at);
          bind_text (action_stmt, 8, at);
          bind_text (action_stmt, 9, author);
          if (!step_logged (store, action_stmt, "treatment_action", action, error))
            goto out;
        }
    }

  ok = TRUE;

out:
  if (risk_stmt != NULL)
    _aims_store_release (risk_stmt);
  if (link_stmt != NULL)
    _aims_store_release (link_stmt);
  if (action_stmt != NULL)
    _aims_store_release (action_stmt);

  return ok;
}

/* Splits "a|b|c" into exactly @n fields. */
static char **
split_fields (const char *text,
              guint       n)
{
  char **fields = g_strsplit (text, "|", n);

  g_assert (g_strv_length (fields) == n);
  return fields;
}

static gboolean
insert_hand_written_risk (AimsStore       *store,
                          GRand           *rand,
                          guint            number,
                          const DemoRisk  *risk,
                          GPtrArray       *systems,
                          GError         **error)
{
  GHashTable *values = values_new ();
  g_autofree char *uuid = NULL;
  g_auto(GStrv) controls = NULL;

  put_take (values, "reference", g_strdup_printf ("R-%03u", number));
  put (values, "title", risk->title);
  put (values, "description", risk->description);
  put (values, "risk_source", risk->risk_source);
  put (values, "objectives", risk->objectives);
  put (values, "lifecycle", risk->lifecycle);
  put (values, "cause", risk->cause);
  put (values, "consequence", risk->consequence);
  put (values, "owner", risk->owner);
  put_int (values, "inherent_likelihood", risk->inherent[0]);
  put_int (values, "inherent_impact", risk->inherent[1]);
  put (values, "existing_controls", risk->existing_controls);
  put (values, "treatment", risk->treatment);
  put_int (values, "residual_likelihood", risk->residual[0]);
  put_int (values, "residual_impact", risk->residual[1]);
  put (values, "assessed", risk->assessed);
  put (values, "reassessment_triggers", risk->triggers);
  put (values, "status", risk->status);

  if (risk->acceptance != NULL)
    {
      g_auto(GStrv) fields = split_fields (risk->acceptance, 5);

      put (values, "accepted_by", fields[0]);
      put (values, "acceptance_role", fields[1]);
      put (values, "acceptance_date", fields[2]);
      put (values, "acceptance_expiry", fields[3]);
      put (values, "acceptance_rationale", fields[4]);
    }

  uuid = insert (store, rand, "risk", values, error);
  if (uuid == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (risk->systems) && risk->systems[i] != 0; i++)
    {
      GHashTable *link = values_new ();
      g_autofree char *link_uuid = NULL;

      put (link, "risk", uuid);
      put (link, "system", g_ptr_array_index (systems, risk->systems[i] - 1));
      if ((link_uuid = insert (store, rand, "risk_system", link, error)) == NULL)
        return FALSE;
    }

  controls = g_strsplit (risk->controls != NULL ? risk->controls : "", ",", -1);
  for (guint i = 0; controls[i] != NULL && controls[i][0] != '\0'; i++)
    {
      GHashTable *link = values_new ();
      g_autofree char *link_uuid = NULL;

      put (link, "risk", uuid);
      put (link, "control", controls[i]);
      if ((link_uuid = insert (store, rand, "risk_control", link, error)) == NULL)
        return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (risk->actions) && risk->actions[i] != NULL; i++)
    {
      g_auto(GStrv) fields = split_fields (risk->actions[i], 4);
      GHashTable *action = values_new ();
      g_autofree char *action_uuid = NULL;

      put (action, "risk", uuid);
      put (action, "what", fields[0]);
      put (action, "owner", fields[1]);
      put (action, "due_date", fields[2]);
      put (action, "status", fields[3]);
      if ((action_uuid = insert (store, rand, "treatment_action", action, error)) == NULL)
        return FALSE;
    }

  return TRUE;
}

/* The small scale's register, linked to the hand-written systems. */
static gboolean
generate_hand_written_risks (AimsStore  *store,
                             GRand      *rand,
                             GError    **error)
{
  g_autoptr(GPtrArray) systems = g_ptr_array_new_with_free_func (g_free);
  guint first = aims_store_count (store, "risk") + 1;
  sqlite3_stmt *stmt;
  int rc;

  stmt = _aims_store_prepare (store, "SELECT uuid FROM ai_system ORDER BY rowid", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (systems, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  _aims_store_release (stmt);

  if (rc != SQLITE_DONE || systems->len < G_N_ELEMENTS (hand_written))
    {
      g_set_error (error, AIMS_STORE_ERROR, AIMS_STORE_ERROR_FAILED,
                   _("The demo’s AI systems could not be read back."));
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (hand_written_risks); i++)
    {
      if (!insert_hand_written_risk (store, rand, first + i, &hand_written_risks[i], systems,
                                     error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
generate (AimsStore      *store,
          AimsDemoScale   scale,
          guint32         seed,
          GError        **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GPtrArray) data_sets = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) third_parties = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *project = aims_store_dup_project_uuid (store);
  guint n_systems = aims_demo_scale_get_n_systems (scale);
  guint n_hand_written = MIN (n_systems, G_N_ELEMENTS (hand_written));
  guint first;

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

  if (!generate_hand_written (store, rand, n_systems, data_sets, third_parties, error) ||
      !generate_hand_written_risks (store, rand, error) ||
      !_aims_demo_generate_assessments (store, seed, error) ||
      !_aims_demo_generate_soa (store, error) ||
      !_aims_demo_generate_incidents (store, seed, error) ||
      !_aims_demo_generate_audits (store, error))
    return FALSE;

  if (n_systems <= n_hand_written)
    return TRUE;

  /* The generated records, in proportion to the systems. */
  first = aims_store_count (store, "data_set") + 1;
  for (guint i = 0; i < n_systems / DATA_SET_RATIO; i++)
    {
      char *uuid = generate_data_set (store, rand, first + i, error);

      if (uuid == NULL)
        return FALSE;
      g_ptr_array_add (data_sets, uuid);
    }

  first = aims_store_count (store, "third_party") + 1;
  for (guint i = 0; i < n_systems / THIRD_PARTY_RATIO; i++)
    {
      char *uuid = generate_third_party (store, rand, first + i, error);

      if (uuid == NULL)
        return FALSE;
      g_ptr_array_add (third_parties, uuid);
    }

  first = aims_store_count (store, "ai_system") + 1;
  for (guint i = n_hand_written; i < n_systems; i++)
    {
      if (!generate_system (store, rand, first + i - n_hand_written, data_sets, third_parties,
                            error))
        return FALSE;
    }

  return generate_risks (store, rand,
                         aims_demo_scale_get_n_risks (scale) - G_N_ELEMENTS (hand_written_risks),
                         error) &&
         _aims_demo_generate_more_incidents (store, seed, n_hand_written, error);
}

/* A new file's starting content: no history of its own (see
 * _aims_store_begin_bulk_load()), so the file holds the records and not a
 * log row for each of them. */
static gboolean
generate_bulk (AimsStore      *store,
               AimsDemoScale   scale,
               guint32         seed,
               GError        **error)
{
  _aims_store_begin_bulk_load (store, _("Generate the demo project"));

  if (!generate (store, scale, seed, error) || !_aims_demo_generate_reviews (store, error))
    {
      aims_store_abort_group (store);
      return FALSE;
    }

  return aims_store_end_group (store, error);
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
 * aims_demo_scale_get_n_risks:
 * @scale: a demo scale
 *
 * Returns: the number of risks a demo of @scale holds: the hand-written
 *   register at the small scale, 20,000 at the large and 100,000 at the huge
 */
guint
aims_demo_scale_get_n_risks (AimsDemoScale scale)
{
  switch (scale)
    {
    case AIMS_DEMO_SCALE_LARGE:
      return 20000;
    case AIMS_DEMO_SCALE_HUGE:
      return 100000;
    case AIMS_DEMO_SCALE_SMALL:
    default:
      return G_N_ELEMENTS (hand_written_risks);
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

  if (!generate (store, scale, seed, error) || !_aims_demo_generate_reviews (store, error))
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
 * Writes a fresh demo project to @path. Unlike aims_demo_generate(), the
 * records are the file's starting content: the history holds the changeset
 * that generated them and the project's fields, not one row per record.
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
  ok = generate_bulk (aims_document_get_store (document), scale, seed, error) &&
       aims_document_save_as (document, file, error);

  aims_document_close (document);
  return ok;
}
