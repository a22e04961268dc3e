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
 * The small scale is written by hand: 13 AI systems, 11 data sets and 7 third
 * parties of Northwind Mutual, linked as they are used. Review dates are
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

  if (!generate_hand_written (store, rand, n_systems, data_sets, third_parties, error))
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
