/* aims-schema.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aims-schema"

#include "config.h"

#include "aims-schema-private.h"

#include "aims-sqlite-private.h"
#include "aims-store.h"

#include <glib/gi18n.h>
#include <string.h>

/*
 * The file format. Each migration is one SQL script that takes the previous
 * format to the next; the runner wraps it in a transaction and sets
 * user_version. Never edit a released migration: a new format is a new entry.
 *
 * Tables are plain (not STRICT) and their names are words, so the file opens in
 * any sqlite3. The comments in CREATE TABLE are kept by SQLite in
 * sqlite_master, where they document the columns for other tools.
 */

static const char migration_1[] =
  "CREATE TABLE project (\n"
  "  uuid TEXT PRIMARY KEY NOT NULL,\n"
  "  organisation TEXT NOT NULL DEFAULT '',\n"
  "  scope TEXT NOT NULL DEFAULT '',          -- ISO/IEC 42001 clause 4.3\n"
  "  exclusions TEXT NOT NULL DEFAULT '',\n"
  "  matrix TEXT,                             -- JSON: the risk matrix settings\n"
  "  format_version INTEGER NOT NULL,         -- the file format that wrote it\n"
  "  app_version TEXT NOT NULL,               -- the AIMS Workbench that wrote it\n"
  "  created TEXT NOT NULL,                   -- UTC, ISO 8601\n"
  "  modified TEXT NOT NULL,\n"
  "  author TEXT NOT NULL DEFAULT ''\n"
  ");\n"
  "CREATE TABLE changeset (                   -- one undo step\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  at TEXT NOT NULL,\n"
  "  author TEXT NOT NULL,\n"
  "  label TEXT NOT NULL,\n"
  "  kind TEXT NOT NULL CHECK (kind IN ('edit', 'undo', 'redo', 'import', 'migration'))\n"
  ");\n"
  "CREATE TABLE change_log (                  -- append-only history of every field\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  changeset INTEGER NOT NULL REFERENCES changeset (id),\n"
  "  at TEXT NOT NULL,\n"
  "  author TEXT NOT NULL,\n"
  "  record_table TEXT NOT NULL,\n"
  "  record_uuid TEXT NOT NULL,\n"
  "  op TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),\n"
  "  field TEXT,                              -- NULL: the whole record (bulk import)\n"
  "  old_value,\n"
  "  new_value\n"
  ");\n"
  "CREATE INDEX change_log_record ON change_log (record_uuid, id);\n";

static const char migration_2[] =
  "CREATE TABLE ai_system (                   -- the AI system inventory\n"
  "  uuid TEXT PRIMARY KEY NOT NULL,\n"
  "  reference TEXT NOT NULL UNIQUE,          -- SYS-001\n"
  "  name TEXT NOT NULL,\n"
  "  description TEXT NOT NULL DEFAULT '',\n"
  "  business_owner TEXT NOT NULL DEFAULT '',\n"
  "  lifecycle TEXT NOT NULL DEFAULT 'inception' CHECK (lifecycle IN ('inception',\n"
  "    'design-development', 'verification-validation', 'deployment',\n"
  "    'operation-monitoring', 're-evaluation', 'retirement')),\n"
  "  in_scope INTEGER NOT NULL DEFAULT 1 CHECK (in_scope IN (0, 1)),\n"
  "  created TEXT NOT NULL,\n"
  "  modified TEXT NOT NULL,\n"
  "  author TEXT NOT NULL DEFAULT ''\n"
  ");\n";

/* Format 3 (issue 4): the inventory. ai_system grows by ALTER TABLE, so the
 * columns of format 2 keep their place and their data; the new ones follow in
 * the order of the form. No comments inside these column definitions: SQLite
 * splices each one into the CREATE TABLE text of ai_system. */
static const char migration_3[] =
  "ALTER TABLE ai_system ADD COLUMN intended_purpose TEXT NOT NULL DEFAULT '';\n"
  "ALTER TABLE ai_system ADD COLUMN intended_users TEXT NOT NULL DEFAULT '';\n"
  "ALTER TABLE ai_system ADD COLUMN foreseeable_misuse TEXT NOT NULL DEFAULT '';\n"
  "ALTER TABLE ai_system ADD COLUMN technical_owner TEXT NOT NULL DEFAULT '';\n"
  "ALTER TABLE ai_system ADD COLUMN consulted TEXT NOT NULL DEFAULT '';\n"
  "ALTER TABLE ai_system ADD COLUMN informed TEXT NOT NULL DEFAULT '';\n"
  "ALTER TABLE ai_system ADD COLUMN roles TEXT NOT NULL DEFAULT '';\n"
  "ALTER TABLE ai_system ADD COLUMN technique TEXT NOT NULL DEFAULT '' CHECK (technique IN ('',\n"
  "    'classical-ml', 'deep-learning', 'large-language-model', 'rules', 'other'));\n"
  "ALTER TABLE ai_system ADD COLUMN oversight TEXT NOT NULL DEFAULT '' CHECK (oversight IN ('',\n"
  "    'human-in-the-loop', 'human-on-the-loop', 'human-in-command'));\n"
  "ALTER TABLE ai_system ADD COLUMN affected_stakeholders TEXT NOT NULL DEFAULT '';\n"
  "ALTER TABLE ai_system ADD COLUMN geographies TEXT NOT NULL DEFAULT '';\n"
  "ALTER TABLE ai_system ADD COLUMN languages TEXT NOT NULL DEFAULT '';\n"
  "ALTER TABLE ai_system ADD COLUMN eu_ai_act_category TEXT NOT NULL DEFAULT 'minimal'\n"
  "  CHECK (eu_ai_act_category IN ('prohibited', 'high-risk-annex-i', 'high-risk-annex-iii',\n"
  "    'transparency', 'general-purpose', 'general-purpose-systemic', 'minimal'));\n"
  "ALTER TABLE ai_system ADD COLUMN eu_ai_act_area TEXT NOT NULL DEFAULT ''\n"
  "  CHECK (eu_ai_act_area IN ('', 'annex_iii_1', 'annex_iii_2', 'annex_iii_3', 'annex_iii_4',\n"
  "    'annex_iii_5', 'annex_iii_6', 'annex_iii_7', 'annex_iii_8'));\n"
  "ALTER TABLE ai_system ADD COLUMN eu_ai_act_reason TEXT NOT NULL DEFAULT '';\n"
  "ALTER TABLE ai_system ADD COLUMN criticality TEXT NOT NULL DEFAULT 'medium'\n"
  "  CHECK (criticality IN ('low', 'medium', 'high', 'critical'));\n"
  "ALTER TABLE ai_system ADD COLUMN scope_justification TEXT NOT NULL DEFAULT '';\n"
  "ALTER TABLE ai_system ADD COLUMN performance_metrics TEXT NOT NULL DEFAULT '';\n"
  "ALTER TABLE ai_system ADD COLUMN known_limitations TEXT NOT NULL DEFAULT '';\n"
  "ALTER TABLE ai_system ADD COLUMN evaluation_data TEXT NOT NULL DEFAULT '';\n"
  "ALTER TABLE ai_system ADD COLUMN last_review TEXT NOT NULL DEFAULT '';\n"
  "ALTER TABLE ai_system ADD COLUMN next_review TEXT NOT NULL DEFAULT '';\n"
  "ALTER TABLE ai_system ADD COLUMN status TEXT NOT NULL DEFAULT 'active'\n"
  "  CHECK (status IN ('draft', 'active', 'suspended', 'retired'));\n"
  "CREATE INDEX ai_system_name ON ai_system (name COLLATE NOCASE);\n"
  "CREATE INDEX ai_system_lifecycle ON ai_system (lifecycle);\n"
  "CREATE INDEX ai_system_eu_ai_act_category ON ai_system (eu_ai_act_category);\n"
  "CREATE INDEX ai_system_business_owner ON ai_system (business_owner COLLATE NOCASE);\n"
  "CREATE INDEX ai_system_next_review ON ai_system (next_review);\n"
  "CREATE TABLE data_set (                    -- ISO/IEC 42001 Annex A.7\n"
  "  uuid TEXT PRIMARY KEY NOT NULL,\n"
  "  reference TEXT NOT NULL UNIQUE,          -- DS-001\n"
  "  name TEXT NOT NULL,\n"
  "  purpose TEXT NOT NULL DEFAULT '' CHECK (purpose IN ('', 'training', 'validation', 'test',\n"
  "    'production-input')),\n"
  "  source TEXT NOT NULL DEFAULT '',\n"
  "  provenance TEXT NOT NULL DEFAULT '',\n"
  "  legal_basis TEXT NOT NULL DEFAULT '',     -- or the licence\n"
  "  personal_data INTEGER NOT NULL DEFAULT 0 CHECK (personal_data IN (0, 1)),\n"
  "  personal_data_categories TEXT NOT NULL DEFAULT '',\n"
  "  retention TEXT NOT NULL DEFAULT '',\n"
  "  quality_checks TEXT NOT NULL DEFAULT '',\n"
  "  known_biases TEXT NOT NULL DEFAULT '',\n"
  "  lineage_origin TEXT NOT NULL DEFAULT '',\n"
  "  lineage_processing TEXT NOT NULL DEFAULT '',\n"
  "  lineage_transformations TEXT NOT NULL DEFAULT '',\n"
  "  lineage_storage TEXT NOT NULL DEFAULT '',\n"
  "  owner TEXT NOT NULL DEFAULT '',\n"
  "  created TEXT NOT NULL,\n"
  "  modified TEXT NOT NULL,\n"
  "  author TEXT NOT NULL DEFAULT ''\n"
  ");\n"
  "CREATE INDEX data_set_name ON data_set (name COLLATE NOCASE);\n"
  "CREATE TABLE third_party (                 -- ISO/IEC 42001 Annex A.10\n"
  "  uuid TEXT PRIMARY KEY NOT NULL,\n"
  "  reference TEXT NOT NULL UNIQUE,          -- TP-001\n"
  "  name TEXT NOT NULL,\n"
  "  supplies TEXT NOT NULL DEFAULT '' CHECK (supplies IN ('', 'model', 'data', 'platform',\n"
  "    'service')),\n"
  "  contract_audit_rights TEXT NOT NULL DEFAULT '',\n"
  "  due_diligence_status TEXT NOT NULL DEFAULT 'not-started' CHECK (due_diligence_status IN\n"
  "    ('not-started', 'in-progress', 'completed', 'issues-found')),\n"
  "  due_diligence_date TEXT NOT NULL DEFAULT '',  -- YYYY-MM-DD\n"
  "  sla TEXT NOT NULL DEFAULT '',\n"
  "  data_received TEXT NOT NULL DEFAULT '',\n"
  "  criticality TEXT NOT NULL DEFAULT 'medium' CHECK (criticality IN ('low', 'medium', 'high',\n"
  "    'critical')),\n"
  "  created TEXT NOT NULL,\n"
  "  modified TEXT NOT NULL,\n"
  "  author TEXT NOT NULL DEFAULT ''\n"
  ");\n"
  "CREATE INDEX third_party_name ON third_party (name COLLATE NOCASE);\n"
  "CREATE TABLE system_data_set (             -- an AI system uses a data set\n"
  "  uuid TEXT PRIMARY KEY NOT NULL,\n"
  "  system TEXT NOT NULL REFERENCES ai_system (uuid),\n"
  "  data_set TEXT NOT NULL REFERENCES data_set (uuid),\n"
  "  created TEXT NOT NULL,\n"
  "  modified TEXT NOT NULL,\n"
  "  author TEXT NOT NULL DEFAULT '',\n"
  "  UNIQUE (system, data_set)                -- also the index on system\n"
  ");\n"
  "CREATE INDEX system_data_set_data_set ON system_data_set (data_set);\n"
  "CREATE TABLE system_third_party (          -- a third party supplies an AI system\n"
  "  uuid TEXT PRIMARY KEY NOT NULL,\n"
  "  system TEXT NOT NULL REFERENCES ai_system (uuid),\n"
  "  third_party TEXT NOT NULL REFERENCES third_party (uuid),\n"
  "  created TEXT NOT NULL,\n"
  "  modified TEXT NOT NULL,\n"
  "  author TEXT NOT NULL DEFAULT '',\n"
  "  UNIQUE (system, third_party)             -- also the index on system\n"
  ");\n"
  "CREATE INDEX system_third_party_third_party ON system_third_party (third_party);\n";

/* Format 4 (issue 5): the risk register. A risk's levels are looked up in the
 * project's matrix by the store on every write of a score and never typed;
 * -1 while unset. Scores of 0 mean "not assessed" (residual only). risk_cell
 * covers the heat map's GROUP BY and every filter but the AI system's, so
 * counting the cells of 100,000 risks reads the index alone, in order. */
static const char migration_4[] =
  "CREATE TABLE risk (                        -- ISO/IEC 42001 6.1.2 and 6.1.3\n"
  "  uuid TEXT PRIMARY KEY NOT NULL,\n"
  "  reference TEXT NOT NULL UNIQUE,          -- R-001\n"
  "  title TEXT NOT NULL,\n"
  "  description TEXT NOT NULL DEFAULT '',\n"
  "  risk_source TEXT NOT NULL DEFAULT '' CHECK (risk_source IN ('', 'C.3.1', 'C.3.2',\n"
  "    'C.3.3', 'C.3.4', 'C.3.5', 'C.3.6', 'C.3.7')),  -- Annex C risk source\n"
  "  objectives TEXT NOT NULL DEFAULT '',     -- Annex C objectives: C.2.5,C.2.7\n"
  "  lifecycle TEXT NOT NULL DEFAULT '' CHECK (lifecycle IN ('', 'inception',\n"
  "    'design-development', 'verification-validation', 'deployment',\n"
  "    'operation-monitoring', 're-evaluation', 'retirement')),\n"
  "  cause TEXT NOT NULL DEFAULT '',\n"
  "  consequence TEXT NOT NULL DEFAULT '',\n"
  "  owner TEXT NOT NULL DEFAULT '',\n"
  "  inherent_likelihood INTEGER NOT NULL,    -- a step of the matrix, 1 … n\n"
  "  inherent_impact INTEGER NOT NULL,\n"
  "  inherent_level INTEGER NOT NULL DEFAULT -1,  -- computed from the matrix\n"
  "  existing_controls TEXT NOT NULL DEFAULT '',\n"
  "  treatment TEXT NOT NULL DEFAULT '' CHECK (treatment IN ('', 'avoid', 'mitigate',\n"
  "    'transfer', 'accept')),\n"
  "  residual_likelihood INTEGER NOT NULL DEFAULT 0,  -- 0: not yet assessed\n"
  "  residual_impact INTEGER NOT NULL DEFAULT 0,\n"
  "  residual_level INTEGER NOT NULL DEFAULT -1,  -- computed from the matrix\n"
  "  accepted_by TEXT NOT NULL DEFAULT '',\n"
  "  acceptance_role TEXT NOT NULL DEFAULT '',\n"
  "  acceptance_date TEXT NOT NULL DEFAULT '',   -- YYYY-MM-DD\n"
  "  acceptance_expiry TEXT NOT NULL DEFAULT '',\n"
  "  acceptance_rationale TEXT NOT NULL DEFAULT '',\n"
  "  assessed TEXT NOT NULL DEFAULT '',       -- the last assessment, YYYY-MM-DD\n"
  "  next_review TEXT NOT NULL DEFAULT '',    -- from the level's interval unless manual\n"
  "  next_review_manual INTEGER NOT NULL DEFAULT 0 CHECK (next_review_manual IN (0, 1)),\n"
  "  reassessment_triggers TEXT NOT NULL DEFAULT '',\n"
  "  status TEXT NOT NULL DEFAULT 'identified' CHECK (status IN ('identified', 'assessed',\n"
  "    'treatment-planned', 'treated', 'accepted', 'closed')),\n"
  "  created TEXT NOT NULL,\n"
  "  modified TEXT NOT NULL,\n"
  "  author TEXT NOT NULL DEFAULT ''\n"
  ");\n"
  "CREATE INDEX risk_title ON risk (title COLLATE NOCASE);\n"
  "CREATE INDEX risk_owner ON risk (owner COLLATE NOCASE);\n"
  "CREATE INDEX risk_cell ON risk (inherent_likelihood, inherent_impact, residual_likelihood,\n"
  "  residual_impact, inherent_level, residual_level, status, next_review,\n"
  "  owner COLLATE NOCASE, objectives);\n"
  "CREATE INDEX risk_inherent_level ON risk (inherent_level);\n"
  "CREATE INDEX risk_residual_level ON risk (residual_level);\n"
  "CREATE INDEX risk_next_review ON risk (next_review);\n"
  "CREATE INDEX risk_treatment ON risk (treatment);\n"
  "CREATE INDEX risk_status ON risk (status);\n"
  "CREATE TABLE risk_system (                 -- a risk concerns an AI system\n"
  "  uuid TEXT PRIMARY KEY NOT NULL,\n"
  "  risk TEXT NOT NULL REFERENCES risk (uuid),\n"
  "  system TEXT NOT NULL REFERENCES ai_system (uuid),\n"
  "  created TEXT NOT NULL,\n"
  "  modified TEXT NOT NULL,\n"
  "  author TEXT NOT NULL DEFAULT '',\n"
  "  UNIQUE (risk, system)                    -- also the index on risk\n"
  ");\n"
  "CREATE INDEX risk_system_system ON risk_system (system);\n"
  "CREATE TABLE risk_control (                -- a risk is treated by an Annex A control\n"
  "  uuid TEXT PRIMARY KEY NOT NULL,\n"
  "  risk TEXT NOT NULL REFERENCES risk (uuid),\n"
  "  control TEXT NOT NULL,                   -- the bundled catalogue's id: A.6.2.4\n"
  "  created TEXT NOT NULL,\n"
  "  modified TEXT NOT NULL,\n"
  "  author TEXT NOT NULL DEFAULT '',\n"
  "  UNIQUE (risk, control)                   -- also the index on risk\n"
  ");\n"
  "CREATE INDEX risk_control_control ON risk_control (control);\n"
  "CREATE TABLE treatment_action (            -- a step of a risk's treatment plan\n"
  "  uuid TEXT PRIMARY KEY NOT NULL,\n"
  "  risk TEXT NOT NULL REFERENCES risk (uuid),\n"
  "  what TEXT NOT NULL,\n"
  "  owner TEXT NOT NULL DEFAULT '',\n"
  "  due_date TEXT NOT NULL DEFAULT '',       -- YYYY-MM-DD\n"
  "  status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'in-progress',\n"
  "    'done', 'cancelled')),\n"
  "  created TEXT NOT NULL,\n"
  "  modified TEXT NOT NULL,\n"
  "  author TEXT NOT NULL DEFAULT ''\n"
  ");\n"
  "CREATE INDEX treatment_action_risk ON treatment_action (risk);\n"
  "CREATE INDEX treatment_action_due_date ON treatment_action (due_date);\n";

/* Format 5 (issue 6): AI system impact assessments (ISO/IEC 42001 6.1.4 and
 * A.5), under the headings of ISO/IEC 42005. An assessment belongs to one AI
 * system and is versioned: each new one starts as a copy of the latest, and
 * approving one supersedes the earlier versions, which stay in the file. An
 * impact's severity and likelihood are steps of the project's matrix, as a
 * risk's are, so a harm can become a register risk without translation. */
static const char migration_5[] =
  "CREATE TABLE impact_assessment (           -- ISO/IEC 42001 6.1.4, ISO/IEC 42005\n"
  "  uuid TEXT PRIMARY KEY NOT NULL,\n"
  "  reference TEXT NOT NULL UNIQUE,          -- IA-001\n"
  "  system TEXT NOT NULL REFERENCES ai_system (uuid),\n"
  "  version INTEGER NOT NULL DEFAULT 1,      -- 1, 2, … per AI system\n"
  "  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'in-review', 'approved',\n"
  "    'superseded')),\n"
  "  trigger TEXT NOT NULL DEFAULT '' CHECK (trigger IN ('', 'new-system',\n"
  "    'significant-change', 'periodic-review', 'incident')),\n"
  "  assessment_date TEXT NOT NULL DEFAULT '', -- YYYY-MM-DD\n"
  "  assessor TEXT NOT NULL DEFAULT '',\n"
  "  scope TEXT NOT NULL DEFAULT '',\n"
  "  system_description TEXT NOT NULL DEFAULT '',  -- prefilled from the inventory\n"
  "  functions TEXT NOT NULL DEFAULT '',      -- functionalities and capabilities\n"
  "  purpose TEXT NOT NULL DEFAULT '',\n"
  "  intended_uses TEXT NOT NULL DEFAULT '',\n"
  "  unintended_uses TEXT NOT NULL DEFAULT '', -- and reasonably foreseeable misuse\n"
  "  data_information TEXT NOT NULL DEFAULT '',\n"
  "  data_quality TEXT NOT NULL DEFAULT '',\n"
  "  algorithm_information TEXT NOT NULL DEFAULT '',\n"
  "  deployment_geography TEXT NOT NULL DEFAULT '',\n"
  "  deployment_languages TEXT NOT NULL DEFAULT '',\n"
  "  deployment_constraints TEXT NOT NULL DEFAULT '',\n"
  "  directly_affected TEXT NOT NULL DEFAULT '',\n"
  "  indirectly_affected TEXT NOT NULL DEFAULT '',\n"
  "  vulnerable_groups TEXT NOT NULL DEFAULT '',\n"
  "  thresholds TEXT NOT NULL DEFAULT '' CHECK (thresholds IN ('', 'none', 'sensitive',\n"
  "    'restricted')),                        -- sensitive or restricted use\n"
  "  threshold_notes TEXT NOT NULL DEFAULT '',\n"
  "  conclusion TEXT NOT NULL DEFAULT '',\n"
  "  residual_impact TEXT NOT NULL DEFAULT '',\n"
  "  approver TEXT NOT NULL DEFAULT '',\n"
  "  approver_role TEXT NOT NULL DEFAULT '',\n"
  "  approval_date TEXT NOT NULL DEFAULT '',   -- YYYY-MM-DD\n"
  "  retention TEXT NOT NULL DEFAULT '',       -- how long the record is kept\n"
  "  next_review TEXT NOT NULL DEFAULT '',     -- YYYY-MM-DD\n"
  "  created TEXT NOT NULL,\n"
  "  modified TEXT NOT NULL,\n"
  "  author TEXT NOT NULL DEFAULT ''\n"
  ");\n"
  "CREATE INDEX impact_assessment_system ON impact_assessment (system, version);\n"
  "CREATE INDEX impact_assessment_status ON impact_assessment (status);\n"
  "CREATE INDEX impact_assessment_next_review ON impact_assessment (next_review);\n"
  "CREATE TABLE impact (                      -- an actual or foreseeable impact\n"
  "  uuid TEXT PRIMARY KEY NOT NULL,\n"
  "  assessment TEXT NOT NULL REFERENCES impact_assessment (uuid),\n"
  "  affected TEXT NOT NULL DEFAULT '',       -- the party or group affected\n"
  "  level TEXT NOT NULL DEFAULT '' CHECK (level IN ('', 'individual', 'group', 'society')),\n"
  "  nature TEXT NOT NULL DEFAULT 'harm' CHECK (nature IN ('benefit', 'harm')),\n"
  "  dimension TEXT NOT NULL DEFAULT '' CHECK (dimension IN ('', 'fairness', 'privacy',\n"
  "    'safety', 'security', 'transparency', 'accountability', 'autonomy-rights',\n"
  "    'environment', 'employment-economic', 'other')),\n"
  "  scenario TEXT NOT NULL DEFAULT '' CHECK (scenario IN ('', 'normal-use', 'failure',\n"
  "    'misuse')),\n"
  "  description TEXT NOT NULL DEFAULT '',\n"
  "  severity INTEGER NOT NULL DEFAULT 0,     -- an impact step of the matrix; 0: not assessed\n"
  "  likelihood INTEGER NOT NULL DEFAULT 0,   -- a likelihood step; 0: not assessed\n"
  "  scale TEXT NOT NULL DEFAULT '',          -- how many are affected\n"
  "  reversibility TEXT NOT NULL DEFAULT '' CHECK (reversibility IN ('', 'reversible',\n"
  "    'hard-to-reverse', 'irreversible')),\n"
  "  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'addressed', 'accepted')),\n"
  "  created TEXT NOT NULL,\n"
  "  modified TEXT NOT NULL,\n"
  "  author TEXT NOT NULL DEFAULT ''\n"
  ");\n"
  "CREATE INDEX impact_by_assessment ON impact (assessment);\n"
  "CREATE TABLE impact_measure (              -- a measure that addresses an impact\n"
  "  uuid TEXT PRIMARY KEY NOT NULL,\n"
  "  impact TEXT NOT NULL REFERENCES impact (uuid),\n"
  "  what TEXT NOT NULL,\n"
  "  owner TEXT NOT NULL DEFAULT '',\n"
  "  created TEXT NOT NULL,\n"
  "  modified TEXT NOT NULL,\n"
  "  author TEXT NOT NULL DEFAULT ''\n"
  ");\n"
  "CREATE INDEX impact_measure_impact ON impact_measure (impact);\n"
  "CREATE TABLE impact_risk (                 -- a register risk made from an impact\n"
  "  uuid TEXT PRIMARY KEY NOT NULL,\n"
  "  impact TEXT NOT NULL REFERENCES impact (uuid),\n"
  "  risk TEXT NOT NULL REFERENCES risk (uuid),\n"
  "  created TEXT NOT NULL,\n"
  "  modified TEXT NOT NULL,\n"
  "  author TEXT NOT NULL DEFAULT '',\n"
  "  UNIQUE (impact, risk)                    -- also the index on impact\n"
  ");\n"
  "CREATE INDEX impact_risk_risk ON impact_risk (risk);\n";

/* The Statement of Applicability and the PDCA board (issue 7). Written as the
 * next format after the risk register; if another format lands first, only
 * its number changes.
 *
 * Rows are made on first edit, never at migration or for a new project: a
 * control or clause requirement with no row is in its default state
 * (undecided, not started, the clause's default phase). So opening an old file
 * writes nothing, a read-only view shows the same SoA as an editable one, and
 * a later catalogue can add controls without touching files. Controls and
 * clauses are the bundled catalogue's ids, never copied text. */
static const char migration_soa_pdca[] =
  "CREATE TABLE soa_entry (                   -- ISO/IEC 42001 6.1.3: one Annex A control\n"
  "  uuid TEXT PRIMARY KEY NOT NULL,\n"
  "  control TEXT NOT NULL UNIQUE,            -- the bundled catalogue's id: A.6.2.4\n"
  "  applicability TEXT NOT NULL DEFAULT '' CHECK (applicability IN ('', 'applicable',\n"
  "    'excluded')),                          -- '': not decided yet\n"
  "  justification TEXT NOT NULL DEFAULT '',  -- for inclusion or exclusion\n"
  "  implementation TEXT NOT NULL DEFAULT 'not-started' CHECK (implementation IN\n"
  "    ('not-started', 'planned', 'partial', 'implemented', 'not-applicable')),\n"
  "  owner TEXT NOT NULL DEFAULT '',\n"
  "  how_implemented TEXT NOT NULL DEFAULT '',\n"
  "  last_reviewed TEXT NOT NULL DEFAULT '',  -- YYYY-MM-DD\n"
  "  created TEXT NOT NULL,\n"
  "  modified TEXT NOT NULL,\n"
  "  author TEXT NOT NULL DEFAULT ''\n"
  ");\n"
  "CREATE INDEX soa_entry_owner ON soa_entry (owner COLLATE NOCASE);\n"
  "CREATE TABLE evidence (                    -- what shows a control is in place\n"
  "  uuid TEXT PRIMARY KEY NOT NULL,\n"
  "  soa_entry TEXT NOT NULL REFERENCES soa_entry (uuid),\n"
  "  kind TEXT NOT NULL DEFAULT 'file' CHECK (kind IN ('file', 'link')),\n"
  "  title TEXT NOT NULL,\n"
  "  location TEXT NOT NULL DEFAULT '',       -- a file path or a URL\n"
  "  sha256 TEXT NOT NULL DEFAULT '',         -- of the file when it was recorded\n"
  "  evidence_date TEXT NOT NULL DEFAULT '',  -- YYYY-MM-DD\n"
  "  note TEXT NOT NULL DEFAULT '',\n"
  "  created TEXT NOT NULL,\n"
  "  modified TEXT NOT NULL,\n"
  "  author TEXT NOT NULL DEFAULT ''\n"
  ");\n"
  "CREATE INDEX evidence_soa_entry ON evidence (soa_entry);\n"
  "CREATE TABLE pdca_card (                   -- a card of the Plan-Do-Check-Act board\n"
  "  uuid TEXT PRIMARY KEY NOT NULL,\n"
  "  kind TEXT NOT NULL CHECK (kind IN ('clause', 'objective', 'action')),\n"
  "  clause TEXT NOT NULL DEFAULT '',         -- the catalogue's clause id: 9.2.2\n"
  "  action TEXT REFERENCES treatment_action (uuid),  -- for kind 'action'\n"
  "  title TEXT NOT NULL DEFAULT '',          -- an objective's own words\n"
  "  phase TEXT NOT NULL DEFAULT 'plan' CHECK (phase IN ('plan', 'do', 'check', 'act')),\n"
  "  status TEXT NOT NULL DEFAULT 'not-started' CHECK (status IN ('not-started',\n"
  "    'in-progress', 'done')),\n"
  "  owner TEXT NOT NULL DEFAULT '',\n"
  "  due_date TEXT NOT NULL DEFAULT '',       -- YYYY-MM-DD\n"
  "  evidence_note TEXT NOT NULL DEFAULT '',\n"
  "  created TEXT NOT NULL,\n"
  "  modified TEXT NOT NULL,\n"
  "  author TEXT NOT NULL DEFAULT ''\n"
  ");\n"
  "CREATE UNIQUE INDEX pdca_card_clause ON pdca_card (clause) WHERE kind = 'clause';\n"
  "CREATE UNIQUE INDEX pdca_card_action ON pdca_card (action) WHERE action IS NOT NULL;\n"
  "CREATE INDEX pdca_card_due_date ON pdca_card (due_date);\n";

/* Format 7 (issue 8): the Check and Act halves of the management system.
 * Internal audits (9.2) with their checklists, findings and corrective actions
 * (10.2), AI incidents (A.8.4) and the risks they reveal, and management
 * reviews (9.3) with the actions they decide.
 *
 * An audit's scope and a checklist line's requirement are the bundled
 * catalogue's ids (clauses "9.2.2", controls "A.6.2.4"), never copied text. A
 * review's inputs are a JSON snapshot taken once, so what the review saw does
 * not change when the project changes later. Incident times are wall-clock
 * times of the organisation, written YYYY-MM-DDTHH:MM. */
static const char migration_7[] =
  "CREATE TABLE audit (                       -- ISO/IEC 42001 9.2: one internal audit\n"
  "  uuid TEXT PRIMARY KEY NOT NULL,\n"
  "  reference TEXT NOT NULL UNIQUE,          -- AUD-001\n"
  "  title TEXT NOT NULL,\n"
  "  scope TEXT NOT NULL DEFAULT '[]',        -- JSON array of clause and control ids\n"
  "  criteria TEXT NOT NULL DEFAULT '',       -- what the audit checks against\n"
  "  auditor TEXT NOT NULL DEFAULT '',\n"
  "  start_date TEXT NOT NULL DEFAULT '',     -- YYYY-MM-DD\n"
  "  end_date TEXT NOT NULL DEFAULT '',       -- YYYY-MM-DD\n"
  "  status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'in-progress',\n"
  "    'completed', 'cancelled')),\n"
  "  conclusion TEXT NOT NULL DEFAULT '',\n"
  "  created TEXT NOT NULL,\n"
  "  modified TEXT NOT NULL,\n"
  "  author TEXT NOT NULL DEFAULT ''\n"
  ");\n"
  "CREATE INDEX audit_start_date ON audit (start_date);\n"
  "CREATE TABLE audit_item (                  -- a line of an audit's checklist\n"
  "  uuid TEXT PRIMARY KEY NOT NULL,\n"
  "  audit TEXT NOT NULL REFERENCES audit (uuid),\n"
  "  requirement TEXT NOT NULL,               -- the catalogue's clause or control id\n"
  "  position INTEGER NOT NULL DEFAULT 0,     -- the catalogue's order\n"
  "  result TEXT NOT NULL DEFAULT '' CHECK (result IN ('', 'conforming',\n"
  "    'minor-nonconformity', 'major-nonconformity', 'observation', 'improvement',\n"
  "    'not-audited')),                       -- '': not checked yet\n"
  "  evidence_seen TEXT NOT NULL DEFAULT '',\n"
  "  created TEXT NOT NULL,\n"
  "  modified TEXT NOT NULL,\n"
  "  author TEXT NOT NULL DEFAULT '',\n"
  "  UNIQUE (audit, requirement)              -- also the index on audit\n"
  ");\n"
  "CREATE TABLE finding (                     -- a nonconformity, observation or opportunity\n"
  "  uuid TEXT PRIMARY KEY NOT NULL,\n"
  "  reference TEXT NOT NULL UNIQUE,          -- F-001\n"
  "  audit TEXT REFERENCES audit (uuid),      -- NULL: raised outside an audit\n"
  "  audit_item TEXT REFERENCES audit_item (uuid),\n"
  "  kind TEXT NOT NULL DEFAULT 'nonconformity' CHECK (kind IN ('nonconformity',\n"
  "    'observation', 'improvement')),\n"
  "  severity TEXT NOT NULL DEFAULT '' CHECK (severity IN ('', 'minor', 'major')),\n"
  "  requirement TEXT NOT NULL DEFAULT '',    -- the clause or control id it is against\n"
  "  title TEXT NOT NULL,\n"
  "  description TEXT NOT NULL DEFAULT '',\n"
  "  raised_by TEXT NOT NULL DEFAULT '',\n"
  "  raised_on TEXT NOT NULL DEFAULT '',      -- YYYY-MM-DD\n"
  "  whys TEXT NOT NULL DEFAULT '[]',         -- JSON array of strings: the five whys\n"
  "  root_cause TEXT NOT NULL DEFAULT '',\n"
  "  verified_by TEXT NOT NULL DEFAULT '',    -- who checked the actions worked\n"
  "  verified_on TEXT NOT NULL DEFAULT '',    -- YYYY-MM-DD\n"
  "  verification TEXT NOT NULL DEFAULT '' CHECK (verification IN ('', 'effective',\n"
  "    'not-effective')),\n"
  "  verification_note TEXT NOT NULL DEFAULT '',\n"
  "  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),\n"
  "  created TEXT NOT NULL,\n"
  "  modified TEXT NOT NULL,\n"
  "  author TEXT NOT NULL DEFAULT ''\n"
  ");\n"
  "CREATE INDEX finding_audit ON finding (audit);\n"
  "CREATE INDEX finding_audit_item ON finding (audit_item);\n"
  "CREATE TABLE corrective_action (           -- ISO/IEC 42001 10.2\n"
  "  uuid TEXT PRIMARY KEY NOT NULL,\n"
  "  finding TEXT NOT NULL REFERENCES finding (uuid),\n"
  "  what TEXT NOT NULL,\n"
  "  owner TEXT NOT NULL DEFAULT '',\n"
  "  due_date TEXT NOT NULL DEFAULT '',       -- YYYY-MM-DD\n"
  "  status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'in-progress',\n"
  "    'done', 'cancelled')),\n"
  "  completed_on TEXT NOT NULL DEFAULT '',   -- YYYY-MM-DD\n"
  "  created TEXT NOT NULL,\n"
  "  modified TEXT NOT NULL,\n"
  "  author TEXT NOT NULL DEFAULT ''\n"
  ");\n"
  "CREATE INDEX corrective_action_finding ON corrective_action (finding);\n"
  "CREATE INDEX corrective_action_due_date ON corrective_action (due_date);\n"
  "CREATE TABLE incident (                    -- ISO/IEC 42001 A.8.4: an AI incident\n"
  "  uuid TEXT PRIMARY KEY NOT NULL,\n"
  "  reference TEXT NOT NULL UNIQUE,          -- INC-001\n"
  "  title TEXT NOT NULL,\n"
  "  system TEXT REFERENCES ai_system (uuid),\n"
  "  type TEXT NOT NULL DEFAULT 'other' CHECK (type IN ('malfunction',\n"
  "    'unexpected-behaviour', 'drift', 'misuse', 'data-problem', 'security-breach',\n"
  "    'performance-degradation', 'other')),\n"
  "  severity TEXT NOT NULL DEFAULT 'medium' CHECK (severity IN ('low', 'medium', 'high',\n"
  "    'critical')),\n"
  "  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved', 'closed')),\n"
  "  description TEXT NOT NULL DEFAULT '',\n"
  "  occurred TEXT NOT NULL DEFAULT '',       -- YYYY-MM-DDTHH:MM\n"
  "  detected TEXT NOT NULL DEFAULT '',\n"
  "  responded TEXT NOT NULL DEFAULT '',\n"
  "  resolved TEXT NOT NULL DEFAULT '',\n"
  "  affected TEXT NOT NULL DEFAULT '',       -- who is affected\n"
  "  immediate_actions TEXT NOT NULL DEFAULT '',\n"
  "  root_cause TEXT NOT NULL DEFAULT '',\n"
  "  lessons_learned TEXT NOT NULL DEFAULT '',\n"
  "  reportable INTEGER NOT NULL DEFAULT 0 CHECK (reportable IN (0, 1)),\n"
  "  authority TEXT NOT NULL DEFAULT '',      -- to whom it must be reported\n"
  "  reported_on TEXT NOT NULL DEFAULT '',    -- YYYY-MM-DD\n"
  "  created TEXT NOT NULL,\n"
  "  modified TEXT NOT NULL,\n"
  "  author TEXT NOT NULL DEFAULT ''\n"
  ");\n"
  "CREATE INDEX incident_system ON incident (system);\n"
  "CREATE INDEX incident_occurred ON incident (occurred);\n"
  "CREATE TABLE incident_risk (               -- a risk an incident reveals\n"
  "  uuid TEXT PRIMARY KEY NOT NULL,\n"
  "  incident TEXT NOT NULL REFERENCES incident (uuid),\n"
  "  risk TEXT NOT NULL REFERENCES risk (uuid),\n"
  "  created TEXT NOT NULL,\n"
  "  modified TEXT NOT NULL,\n"
  "  author TEXT NOT NULL DEFAULT '',\n"
  "  UNIQUE (incident, risk)                  -- also the index on incident\n"
  ");\n"
  "CREATE INDEX incident_risk_risk ON incident_risk (risk);\n"
  "CREATE TABLE management_review (           -- ISO/IEC 42001 9.3\n"
  "  uuid TEXT PRIMARY KEY NOT NULL,\n"
  "  reference TEXT NOT NULL UNIQUE,          -- MR-001\n"
  "  title TEXT NOT NULL DEFAULT '',\n"
  "  review_date TEXT NOT NULL DEFAULT '',    -- YYYY-MM-DD\n"
  "  status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'held')),\n"
  "  chair TEXT NOT NULL DEFAULT '',\n"
  "  attendees TEXT NOT NULL DEFAULT '',\n"
  "  inputs TEXT NOT NULL DEFAULT '',         -- JSON snapshot; '': not gathered yet\n"
  "  inputs_gathered TEXT NOT NULL DEFAULT '', -- when the snapshot was taken (UTC)\n"
  "  decisions TEXT NOT NULL DEFAULT '',\n"
  "  changes TEXT NOT NULL DEFAULT '',        -- changes to the management system\n"
  "  resources TEXT NOT NULL DEFAULT '',\n"
  "  improvements TEXT NOT NULL DEFAULT '',   -- opportunities for continual improvement\n"
  "  created TEXT NOT NULL,\n"
  "  modified TEXT NOT NULL,\n"
  "  author TEXT NOT NULL DEFAULT ''\n"
  ");\n"
  "CREATE INDEX management_review_date ON management_review (review_date);\n"
  "CREATE TABLE review_action (               -- an action a management review decides\n"
  "  uuid TEXT PRIMARY KEY NOT NULL,\n"
  "  review TEXT NOT NULL REFERENCES management_review (uuid),\n"
  "  what TEXT NOT NULL,\n"
  "  owner TEXT NOT NULL DEFAULT '',\n"
  "  due_date TEXT NOT NULL DEFAULT '',       -- YYYY-MM-DD\n"
  "  status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'in-progress',\n"
  "    'done', 'cancelled')),\n"
  "  created TEXT NOT NULL,\n"
  "  modified TEXT NOT NULL,\n"
  "  author TEXT NOT NULL DEFAULT ''\n"
  ");\n"
  "CREATE INDEX review_action_review ON review_action (review);\n"
  "CREATE INDEX review_action_due_date ON review_action (due_date);\n";

static const char * const migrations[] = {
  migration_1,
  migration_2,
  migration_3,
  migration_4,
  migration_5,
  migration_soa_pdca,
  migration_7,
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == AIMS_FORMAT_VERSION);

/* Choices. Each single-choice field has its ids twice: as a NULL-terminated
 * list for the CHECK logic (the store and the file check), and as a table of
 * ids and labels for forms, in the order to offer and to sort them. A
 * G_STATIC_ASSERT below keeps the two the same length. */

/* ISO/IEC 22989 life cycle stages, as in ISO/IEC 42001 Annex A.6. */
static const char * const lifecycle_choices[] = {
  "inception",
  "design-development",
  "verification-validation",
  "deployment",
  "operation-monitoring",
  "re-evaluation",
  "retirement",
  NULL
};

static const AimsChoice lifecycle_list[] = {
  { "inception", N_("Inception") },
  { "design-development", N_("Design and development") },
  { "verification-validation", N_("Verification and validation") },
  { "deployment", N_("Deployment") },
  { "operation-monitoring", N_("Operation and monitoring") },
  { "re-evaluation", N_("Re-evaluation") },
  { "retirement", N_("Retirement") },
};

/* ISO/IEC 22989 AI roles; "deployer" is the EU AI Act's word for the AI user. */
static const AimsChoice role_list[] = {
  { "developer", N_("AI developer") },
  { "provider", N_("AI provider") },
  { "deployer", N_("Deployer (AI user)") },
  { "importer", N_("Importer") },
  { "distributor", N_("Distributor") },
};

static const char * const technique_choices[] = {
  "", "classical-ml", "deep-learning", "large-language-model", "rules", "other", NULL
};

static const AimsChoice technique_list[] = {
  { "classical-ml", N_("Classical machine learning") },
  { "deep-learning", N_("Deep learning") },
  { "large-language-model", N_("Large language model") },
  { "rules", N_("Rules or expert system") },
  { "other", N_("Other") },
};

static const char * const oversight_choices[] = {
  "", "human-in-the-loop", "human-on-the-loop", "human-in-command", NULL
};

static const AimsChoice oversight_list[] = {
  { "human-in-the-loop", N_("Human in the loop") },
  { "human-on-the-loop", N_("Human on the loop") },
  { "human-in-command", N_("Human in command") },
};

static const char * const eu_ai_act_category_choices[] = {
  "prohibited", "high-risk-annex-i", "high-risk-annex-iii", "transparency", "general-purpose",
  "general-purpose-systemic", "minimal", NULL
};

static const AimsChoice eu_ai_act_category_list[] = {
  { "prohibited", N_("Prohibited practice (Art. 5)") },
  { "high-risk-annex-i", N_("High-risk: safety component (Annex I)") },
  { "high-risk-annex-iii", N_("High-risk: Annex III area") },
  { "transparency", N_("Transparency obligations (Art. 50)") },
  { "general-purpose", N_("General-purpose AI model") },
  { "general-purpose-systemic", N_("General-purpose AI model with systemic risk") },
  { "minimal", N_("Minimal risk") },
};

/* The Annex III areas, with the ids and titles of the bundled EU AI Act
 * catalogue (reference/eu_ai_act.csv): the record refers to the catalogue by
 * id, as every catalogue reference does. */
static const char * const eu_ai_act_area_choices[] = {
  "", "annex_iii_1", "annex_iii_2", "annex_iii_3", "annex_iii_4", "annex_iii_5", "annex_iii_6",
  "annex_iii_7", "annex_iii_8", NULL
};

static const AimsChoice eu_ai_act_area_list[] = {
  { "annex_iii_1", N_("Biometrics") },
  { "annex_iii_2", N_("Critical infrastructure") },
  { "annex_iii_3", N_("Education and vocational training") },
  { "annex_iii_4", N_("Employment, workers management and access to self-employment") },
  { "annex_iii_5", N_("Access to essential private and public services and benefits") },
  { "annex_iii_6", N_("Law enforcement") },
  { "annex_iii_7", N_("Migration, asylum and border control management") },
  { "annex_iii_8", N_("Administration of justice and democratic processes") },
};

static const char * const criticality_choices[] = {
  "low", "medium", "high", "critical", NULL
};

static const AimsChoice criticality_list[] = {
  { "low", N_("Low") },
  { "medium", N_("Medium") },
  { "high", N_("High") },
  { "critical", N_("Critical") },
};

static const char * const status_choices[] = {
  "draft", "active", "suspended", "retired", NULL
};

static const AimsChoice status_list[] = {
  { "draft", N_("Draft") },
  { "active", N_("Active") },
  { "suspended", N_("Suspended") },
  { "retired", N_("Retired") },
};

static const char * const purpose_choices[] = {
  "", "training", "validation", "test", "production-input", NULL
};

static const AimsChoice purpose_list[] = {
  { "training", N_("Training") },
  { "validation", N_("Validation") },
  { "test", N_("Test") },
  { "production-input", N_("Production input") },
};

static const char * const supplies_choices[] = {
  "", "model", "data", "platform", "service", NULL
};

static const AimsChoice supplies_list[] = {
  { "model", N_("Model") },
  { "data", N_("Data") },
  { "platform", N_("Platform") },
  { "service", N_("Service") },
};

static const char * const due_diligence_choices[] = {
  "not-started", "in-progress", "completed", "issues-found", NULL
};

static const AimsChoice due_diligence_list[] = {
  { "not-started", N_("Not started") },
  { "in-progress", N_("In progress") },
  { "completed", N_("Completed") },
  { "issues-found", N_("Issues found") },
};

/* The risk register (format 4). Annex C ids and titles as in the bundled
 * catalogue (reference/iso42001_annex_c.csv). */
static const char * const risk_source_choices[] = {
  "", "C.3.1", "C.3.2", "C.3.3", "C.3.4", "C.3.5", "C.3.6", "C.3.7", NULL
};

static const AimsChoice risk_source_list[] = {
  { "C.3.1", N_("Complexity of environment") },
  { "C.3.2", N_("Lack of transparency and explainability") },
  { "C.3.3", N_("Level of automation") },
  { "C.3.4", N_("Risk sources related to machine learning") },
  { "C.3.5", N_("System hardware issues") },
  { "C.3.6", N_("System life cycle issues") },
  { "C.3.7", N_("Technology readiness") },
};

static const AimsChoice objective_list[] = {
  { "C.2.1", N_("Accountability") },
  { "C.2.2", N_("AI expertise") },
  { "C.2.3", N_("Availability and quality of training and test data") },
  { "C.2.4", N_("Environmental impact") },
  { "C.2.5", N_("Fairness") },
  { "C.2.6", N_("Maintainability") },
  { "C.2.7", N_("Privacy") },
  { "C.2.8", N_("Robustness") },
  { "C.2.9", N_("Safety") },
  { "C.2.10", N_("Security") },
  { "C.2.11", N_("Transparency and explainability") },
};

/* A risk may arise at any stage, or at none in particular. */
static const char * const risk_lifecycle_choices[] = {
  "", "inception", "design-development", "verification-validation", "deployment",
  "operation-monitoring", "re-evaluation", "retirement", NULL
};

static const char * const treatment_choices[] = {
  "", "avoid", "mitigate", "transfer", "accept", NULL
};

static const AimsChoice treatment_list[] = {
  { "avoid", N_("Avoid") },
  { "mitigate", N_("Mitigate") },
  { "transfer", N_("Transfer or share") },
  { "accept", N_("Accept") },
};

static const char * const risk_status_choices[] = {
  "identified", "assessed", "treatment-planned", "treated", "accepted", "closed", NULL
};

static const AimsChoice risk_status_list[] = {
  { "identified", N_("Identified") },
  { "assessed", N_("Assessed") },
  { "treatment-planned", N_("Treatment planned") },
  { "treated", N_("Treated") },
  { "accepted", N_("Accepted") },
  { "closed", N_("Closed") },
};

static const char * const action_status_choices[] = {
  "planned", "in-progress", "done", "cancelled", NULL
};

static const AimsChoice action_status_list[] = {
  { "planned", N_("Planned") },
  { "in-progress", N_("In progress") },
  { "done", N_("Done") },
  { "cancelled", N_("Cancelled") },
};

/* Impact assessments (format 5) */
static const char * const assessment_status_choices[] = {
  "draft", "in-review", "approved", "superseded", NULL
};

static const AimsChoice assessment_status_list[] = {
  { "draft", N_("Draft") },
  { "in-review", N_("In review") },
  { "approved", N_("Approved") },
  { "superseded", N_("Superseded") },
};

static const char * const trigger_choices[] = {
  "", "new-system", "significant-change", "periodic-review", "incident", NULL
};

static const AimsChoice trigger_list[] = {
  { "new-system", N_("New AI system") },
  { "significant-change", N_("Significant change") },
  { "periodic-review", N_("Periodic review") },
  { "incident", N_("After an incident") },
};

static const char * const thresholds_choices[] = {
  "", "none", "sensitive", "restricted", NULL
};

static const AimsChoice thresholds_list[] = {
  { "none", N_("None crossed") },
  { "sensitive", N_("Sensitive use") },
  { "restricted", N_("Restricted use") },
};

static const char * const impact_level_choices[] = {
  "", "individual", "group", "society", NULL
};

static const AimsChoice impact_level_list[] = {
  { "individual", N_("Individual") },
  { "group", N_("Group of individuals") },
  { "society", N_("Society") },
};

static const char * const nature_choices[] = {
  "benefit", "harm", NULL
};

static const AimsChoice nature_list[] = {
  { "harm", N_("Harm") },
  { "benefit", N_("Benefit") },
};

static const char * const dimension_choices[] = {
  "", "fairness", "privacy", "safety", "security", "transparency", "accountability",
  "autonomy-rights", "environment", "employment-economic", "other", NULL
};

static const AimsChoice dimension_list[] = {
  { "fairness", N_("Fairness and non-discrimination") },
  { "privacy", N_("Privacy") },
  { "safety", N_("Safety") },
  { "security", N_("Security") },
  { "transparency", N_("Transparency and explainability") },
  { "accountability", N_("Accountability") },
  { "autonomy-rights", N_("Human autonomy and fundamental rights") },
  { "environment", N_("Environment") },
  { "employment-economic", N_("Employment and economic") },
  { "other", N_("Other") },
};

static const char * const scenario_choices[] = {
  "", "normal-use", "failure", "misuse", NULL
};

static const AimsChoice scenario_list[] = {
  { "normal-use", N_("Normal use") },
  { "failure", N_("Failure") },
  { "misuse", N_("Misuse") },
};

static const char * const reversibility_choices[] = {
  "", "reversible", "hard-to-reverse", "irreversible", NULL
};

static const AimsChoice reversibility_list[] = {
  { "reversible", N_("Reversible") },
  { "hard-to-reverse", N_("Hard to reverse") },
  { "irreversible", N_("Irreversible") },
};

static const char * const impact_status_choices[] = {
  "open", "addressed", "accepted", NULL
};

static const AimsChoice impact_status_list[] = {
  { "open", N_("Open") },
  { "addressed", N_("Addressed") },
  { "accepted", N_("Accepted") },
};

/* The Statement of Applicability and the PDCA board. */
static const char * const applicability_choices[] = {
  "", "applicable", "excluded", NULL
};

static const AimsChoice applicability_list[] = {
  { "applicable", N_("Applicable") },
  { "excluded", N_("Excluded") },
};

static const char * const implementation_choices[] = {
  "not-started", "planned", "partial", "implemented", "not-applicable", NULL
};

static const AimsChoice implementation_list[] = {
  { "not-started", N_("Not started") },
  { "planned", N_("Planned") },
  { "partial", N_("Partially implemented") },
  { "implemented", N_("Implemented") },
  { "not-applicable", N_("Not applicable") },
};

static const char * const evidence_kind_choices[] = {
  "file", "link", NULL
};

static const AimsChoice evidence_kind_list[] = {
  { "file", N_("File") },
  { "link", N_("Link") },
};

static const char * const card_kind_choices[] = {
  "clause", "objective", "action", NULL
};

static const AimsChoice card_kind_list[] = {
  { "clause", N_("Clause requirement") },
  { "objective", N_("AI objective") },
  { "action", N_("Action") },
};

static const char * const phase_choices[] = {
  "plan", "do", "check", "act", NULL
};

static const AimsChoice phase_list[] = {
  { "plan", N_("Plan") },
  { "do", N_("Do") },
  { "check", N_("Check") },
  { "act", N_("Act") },
};

static const char * const card_status_choices[] = {
  "not-started", "in-progress", "done", NULL
};

static const AimsChoice card_status_list[] = {
  { "not-started", N_("Not started") },
  { "in-progress", N_("In progress") },
  { "done", N_("Done") },
};

/* Audits, findings, incidents and reviews (format 7) */
static const char * const audit_status_choices[] = {
  "planned", "in-progress", "completed", "cancelled", NULL
};

static const AimsChoice audit_status_list[] = {
  { "planned", N_("Planned") },
  { "in-progress", N_("In progress") },
  { "completed", N_("Completed") },
  { "cancelled", N_("Cancelled") },
};

static const char * const audit_result_choices[] = {
  "", "conforming", "minor-nonconformity", "major-nonconformity", "observation",
  "improvement", "not-audited", NULL
};

static const AimsChoice audit_result_list[] = {
  { "conforming", N_("Conforming") },
  { "minor-nonconformity", N_("Minor nonconformity") },
  { "major-nonconformity", N_("Major nonconformity") },
  { "observation", N_("Observation") },
  { "improvement", N_("Opportunity for improvement") },
  { "not-audited", N_("Not audited") },
};

static const char * const finding_kind_choices[] = {
  "nonconformity", "observation", "improvement", NULL
};

static const AimsChoice finding_kind_list[] = {
  { "nonconformity", N_("Nonconformity") },
  { "observation", N_("Observation") },
  { "improvement", N_("Opportunity for improvement") },
};

static const char * const finding_severity_choices[] = {
  "", "minor", "major", NULL
};

static const AimsChoice finding_severity_list[] = {
  { "minor", N_("Minor") },
  { "major", N_("Major") },
};

static const char * const verification_choices[] = {
  "", "effective", "not-effective", NULL
};

static const AimsChoice verification_list[] = {
  { "effective", N_("Effective") },
  { "not-effective", N_("Not effective") },
};

static const char * const finding_status_choices[] = {
  "open", "closed", NULL
};

static const AimsChoice finding_status_list[] = {
  { "open", N_("Open") },
  { "closed", N_("Closed") },
};

static const char * const incident_type_choices[] = {
  "malfunction", "unexpected-behaviour", "drift", "misuse", "data-problem",
  "security-breach", "performance-degradation", "other", NULL
};

static const AimsChoice incident_type_list[] = {
  { "malfunction", N_("Malfunction") },
  { "unexpected-behaviour", N_("Unexpected behaviour") },
  { "drift", N_("Drift") },
  { "misuse", N_("Misuse") },
  { "data-problem", N_("Data problem") },
  { "security-breach", N_("Security breach") },
  { "performance-degradation", N_("Performance degradation") },
  { "other", N_("Other") },
};

static const char * const incident_severity_choices[] = {
  "low", "medium", "high", "critical", NULL
};

static const AimsChoice incident_severity_list[] = {
  { "low", N_("Low") },
  { "medium", N_("Medium") },
  { "high", N_("High") },
  { "critical", N_("Critical") },
};

static const char * const incident_status_choices[] = {
  "open", "resolved", "closed", NULL
};

static const AimsChoice incident_status_list[] = {
  { "open", N_("Open") },
  { "resolved", N_("Resolved") },
  { "closed", N_("Closed") },
};

static const char * const review_status_choices[] = {
  "planned", "held", NULL
};

static const AimsChoice review_status_list[] = {
  { "planned", N_("Planned") },
  { "held", N_("Held") },
};

/* A required choice lists its ids; an optional one lists "" first. */
#define SAME_CHOICES(choices, list, optional) \
  G_STATIC_ASSERT (G_N_ELEMENTS (choices) == G_N_ELEMENTS (list) + 1 + (optional))
SAME_CHOICES (lifecycle_choices, lifecycle_list, 0);
SAME_CHOICES (technique_choices, technique_list, 1);
SAME_CHOICES (oversight_choices, oversight_list, 1);
SAME_CHOICES (eu_ai_act_category_choices, eu_ai_act_category_list, 0);
SAME_CHOICES (eu_ai_act_area_choices, eu_ai_act_area_list, 1);
SAME_CHOICES (criticality_choices, criticality_list, 0);
SAME_CHOICES (status_choices, status_list, 0);
SAME_CHOICES (purpose_choices, purpose_list, 1);
SAME_CHOICES (supplies_choices, supplies_list, 1);
SAME_CHOICES (due_diligence_choices, due_diligence_list, 0);
SAME_CHOICES (risk_source_choices, risk_source_list, 1);
SAME_CHOICES (risk_lifecycle_choices, lifecycle_list, 1);
SAME_CHOICES (treatment_choices, treatment_list, 1);
SAME_CHOICES (risk_status_choices, risk_status_list, 0);
SAME_CHOICES (action_status_choices, action_status_list, 0);
SAME_CHOICES (assessment_status_choices, assessment_status_list, 0);
SAME_CHOICES (trigger_choices, trigger_list, 1);
SAME_CHOICES (thresholds_choices, thresholds_list, 1);
SAME_CHOICES (impact_level_choices, impact_level_list, 1);
SAME_CHOICES (nature_choices, nature_list, 0);
SAME_CHOICES (dimension_choices, dimension_list, 1);
SAME_CHOICES (scenario_choices, scenario_list, 1);
SAME_CHOICES (reversibility_choices, reversibility_list, 1);
SAME_CHOICES (impact_status_choices, impact_status_list, 0);
SAME_CHOICES (applicability_choices, applicability_list, 1);
SAME_CHOICES (implementation_choices, implementation_list, 0);
SAME_CHOICES (evidence_kind_choices, evidence_kind_list, 0);
SAME_CHOICES (card_kind_choices, card_kind_list, 0);
SAME_CHOICES (phase_choices, phase_list, 0);
SAME_CHOICES (card_status_choices, card_status_list, 0);
SAME_CHOICES (audit_status_choices, audit_status_list, 0);
SAME_CHOICES (audit_result_choices, audit_result_list, 1);
SAME_CHOICES (finding_kind_choices, finding_kind_list, 0);
SAME_CHOICES (finding_severity_choices, finding_severity_list, 1);
SAME_CHOICES (verification_choices, verification_list, 1);
SAME_CHOICES (finding_status_choices, finding_status_list, 0);
SAME_CHOICES (incident_type_choices, incident_type_list, 0);
SAME_CHOICES (incident_severity_choices, incident_severity_list, 0);
SAME_CHOICES (incident_status_choices, incident_status_list, 0);
SAME_CHOICES (review_status_choices, review_status_list, 0);
#undef SAME_CHOICES

static const char * const changeset_kinds[] = {
  "edit", "undo", "redo", "import", "migration", NULL
};

static const char * const change_ops[] = {
  "insert", "update", "delete", NULL
};

#define SHORT AIMS_TEXT_LIMIT_SHORT
#define LONG AIMS_TEXT_LIMIT_LONG
#define JSON AIMS_TEXT_LIMIT_JSON
#define NN AIMS_FIELD_FLAG_NOT_NULL
#define SYS (AIMS_FIELD_FLAG_SYSTEM | AIMS_FIELD_FLAG_NOT_NULL)

/* The form members of a field: its section, control and help. */
#define HIDDEN .widget = AIMS_FIELD_WIDGET_HIDDEN
#define ENTRY(section) .group = section, .widget = AIMS_FIELD_WIDGET_ENTRY
#define AREA(section) .group = section, .widget = AIMS_FIELD_WIDGET_TEXT_AREA
#define DATE(section) .group = section, .widget = AIMS_FIELD_WIDGET_DATE
#define DATETIME(section) .group = section, .widget = AIMS_FIELD_WIDGET_DATETIME
#define AI_SYSTEM(section) .group = section, .widget = AIMS_FIELD_WIDGET_AI_SYSTEM
#define SWITCH(section) .group = section, .widget = AIMS_FIELD_WIDGET_SWITCH
#define CHOICE(section, list) \
  .group = section, .widget = AIMS_FIELD_WIDGET_CHOICE, \
  .choice_list = list, .n_choices = G_N_ELEMENTS (list)
#define MULTI(section, list) \
  .group = section, .widget = AIMS_FIELD_WIDGET_MULTI_CHOICE, \
  .choice_list = list, .n_choices = G_N_ELEMENTS (list)
#define REQUIRED .required = TRUE
#define HELP(text) .description = text

/* Form sections */
#define S_IDENTIFICATION N_("Identification")
#define S_PURPOSE N_("Purpose and Use")
#define S_RESPONSIBILITY N_("Responsibilities")
#define S_LIFECYCLE N_("Life Cycle and Status")
#define S_SCOPE N_("AIMS Scope")
#define S_CLASSIFICATION N_("Classification")
#define S_EU_AI_ACT N_("EU AI Act")
#define S_MODEL_CARD N_("Model Card")
#define S_REVIEWS N_("Reviews")
#define S_SOURCE N_("Source and Rights")
#define S_PERSONAL_DATA N_("Personal Data")
#define S_QUALITY N_("Quality")
#define S_LINEAGE N_("Lineage")
#define S_CONTRACT N_("Contract")
#define S_DUE_DILIGENCE N_("Due Diligence")
#define S_DATA N_("Data")
#define S_PROJECT N_("Organisation and Scope")
#define S_RISK N_("Risk")
#define S_RISK_CONTEXT N_("Source and Objectives")
#define S_RISK_ANALYSIS N_("Cause and Consequence")
#define S_INHERENT N_("Inherent Risk")
#define S_TREATMENT N_("Treatment")
#define S_RESIDUAL N_("Residual Risk")
#define S_ACCEPTANCE N_("Acceptance")
#define S_RISK_REVIEW N_("Review")
#define S_ACTION N_("Action")
#define S_IA_ASSESSMENT N_("Assessment")
#define S_IA_SYSTEM N_("AI System Information")
#define S_IA_DATA N_("Data Information and Quality")
#define S_IA_ALGORITHM N_("Algorithm and Model Information")
#define S_IA_DEPLOYMENT N_("Deployment Environment")
#define S_IA_PARTIES N_("Interested Parties")
#define S_IA_CONCLUSION N_("Thresholds and Conclusion")
#define S_IA_APPROVAL N_("Approval")
#define S_IA_REVIEW N_("Retention and Review")
#define S_IMPACT N_("Impact")
#define S_IMPACT_SCORE N_("Severity and Likelihood")
#define S_MEASURE N_("Measure")
#define S_APPLICABILITY N_("Applicability")
#define S_IMPLEMENTATION N_("Implementation")
#define S_EVIDENCE N_("Evidence")
#define S_CARD N_("Card")
#define S_AUDIT N_("Audit")
#define S_AUDIT_RESULT N_("Result")
#define S_CHECKLIST N_("Checklist Item")
#define S_FINDING N_("Finding")
#define S_ROOT_CAUSE N_("Root Cause")
#define S_VERIFICATION N_("Verification of Effectiveness")
#define S_CORRECTIVE N_("Corrective Action")
#define S_INCIDENT N_("Incident")
#define S_INCIDENT_TIMES N_("Timeline")
#define S_INCIDENT_ANALYSIS N_("Response and Lessons")
#define S_REPORTING N_("Reporting")
#define S_REVIEW N_("Management Review")
#define S_REVIEW_OUTPUTS N_("Outputs")
#define S_REVIEW_ACTION N_("Action")

static const AimsFieldInfo project_fields[] = {
  { "uuid", N_("Identifier"), AIMS_FIELD_TEXT, SYS, SHORT, 1, NULL, HIDDEN },
  { "organisation", N_("Organisation"), AIMS_FIELD_TEXT, NN, SHORT, 1, NULL,
    ENTRY (S_PROJECT) },
  { "scope", N_("Scope"), AIMS_FIELD_TEXT, NN, LONG, 1, NULL, AREA (S_PROJECT),
    HELP (N_("The boundaries of the AI management system (ISO/IEC 42001 clause 4.3).")) },
  { "exclusions", N_("Exclusions"), AIMS_FIELD_TEXT, NN, LONG, 1, NULL, AREA (S_PROJECT),
    HELP (N_("What the AI management system leaves out, and why.")) },
  { "matrix", N_("Risk matrix"), AIMS_FIELD_JSON, 0, JSON, 1, NULL, HIDDEN },
  { "format_version", N_("File format"), AIMS_FIELD_INTEGER, SYS, 0, 1, NULL, HIDDEN },
  { "app_version", N_("Saved by version"), AIMS_FIELD_TEXT, SYS, SHORT, 1, NULL, HIDDEN },
  { "created", N_("Created"), AIMS_FIELD_TEXT, SYS, SHORT, 1, NULL, HIDDEN },
  { "modified", N_("Modified"), AIMS_FIELD_TEXT, SYS, SHORT, 1, NULL, HIDDEN },
  { "author", N_("Author"), AIMS_FIELD_TEXT, SYS, SHORT, 1, NULL, HIDDEN },
};

static const AimsFieldInfo changeset_fields[] = {
  { "id", N_("Number"), AIMS_FIELD_INTEGER, SYS, 0, 1, NULL, HIDDEN },
  { "at", N_("Time"), AIMS_FIELD_TEXT, SYS, SHORT, 1, NULL, HIDDEN },
  { "author", N_("Author"), AIMS_FIELD_TEXT, SYS, SHORT, 1, NULL, HIDDEN },
  { "label", N_("Description"), AIMS_FIELD_TEXT, SYS, LONG, 1, NULL, HIDDEN },
  { "kind", N_("Kind"), AIMS_FIELD_TEXT, SYS, SHORT, 1, changeset_kinds, HIDDEN },
};

static const AimsFieldInfo change_log_fields[] = {
  { "id", N_("Number"), AIMS_FIELD_INTEGER, SYS, 0, 1, NULL, HIDDEN },
  { "changeset", N_("Change set"), AIMS_FIELD_INTEGER, SYS, 0, 1, NULL, HIDDEN },
  { "at", N_("Time"), AIMS_FIELD_TEXT, SYS, SHORT, 1, NULL, HIDDEN },
  { "author", N_("Author"), AIMS_FIELD_TEXT, SYS, SHORT, 1, NULL, HIDDEN },
  { "record_table", N_("Table"), AIMS_FIELD_TEXT, SYS, SHORT, 1, NULL, HIDDEN },
  { "record_uuid", N_("Record"), AIMS_FIELD_TEXT, SYS, SHORT, 1, NULL, HIDDEN },
  { "op", N_("Operation"), AIMS_FIELD_TEXT, SYS, SHORT, 1, change_ops, HIDDEN },
  { "field", N_("Field"), AIMS_FIELD_TEXT, AIMS_FIELD_FLAG_SYSTEM, SHORT, 1, NULL, HIDDEN },
  { "old_value", N_("Old value"), AIMS_FIELD_ANY, AIMS_FIELD_FLAG_SYSTEM, JSON, 1, NULL, HIDDEN },
  { "new_value", N_("New value"), AIMS_FIELD_ANY, AIMS_FIELD_FLAG_SYSTEM, JSON, 1, NULL, HIDDEN },
};

/* The columns of format 2 come first, as in the database; sections gather the
 * fields of format 3 next to them. */
static const AimsFieldInfo ai_system_fields[] = {
  { "uuid", N_("Identifier"), AIMS_FIELD_TEXT, SYS, SHORT, 2, NULL, HIDDEN },
  { "reference", N_("Reference"), AIMS_FIELD_TEXT, NN, SHORT, 2, NULL,
    ENTRY (S_IDENTIFICATION), REQUIRED,
    HELP (N_("The short identifier people cite, such as SYS-007.")) },
  { "name", N_("Name"), AIMS_FIELD_TEXT, NN, SHORT, 2, NULL, ENTRY (S_IDENTIFICATION), REQUIRED },
  { "description", N_("Description"), AIMS_FIELD_TEXT, NN, LONG, 2, NULL, AREA (S_PURPOSE),
    HELP (N_("What the system does, in a few sentences.")) },
  { "business_owner", N_("Business owner"), AIMS_FIELD_TEXT, NN, SHORT, 2, NULL,
    ENTRY (S_RESPONSIBILITY),
    HELP (N_("Accountable: the person who answers for the system.")) },
  { "lifecycle", N_("Life cycle stage"), AIMS_FIELD_TEXT, NN, SHORT, 2, lifecycle_choices,
    CHOICE (S_LIFECYCLE, lifecycle_list), REQUIRED },
  { "in_scope", N_("In scope"), AIMS_FIELD_BOOLEAN, NN, 0, 2, NULL, SWITCH (S_SCOPE),
    HELP (N_("Whether the AI management system covers it; an excluded system needs a "
             "justification.")) },
  { "created", N_("Created"), AIMS_FIELD_TEXT, SYS, SHORT, 2, NULL, HIDDEN },
  { "modified", N_("Modified"), AIMS_FIELD_TEXT, SYS, SHORT, 2, NULL, HIDDEN },
  { "author", N_("Author"), AIMS_FIELD_TEXT, SYS, SHORT, 2, NULL, HIDDEN },
  { "intended_purpose", N_("Intended purpose"), AIMS_FIELD_TEXT, NN, LONG, 3, NULL,
    AREA (S_PURPOSE), HELP (N_("The use the provider intends, including its context.")) },
  { "intended_users", N_("Intended users"), AIMS_FIELD_TEXT, NN, LONG, 3, NULL,
    AREA (S_PURPOSE), HELP (N_("Who operates the system and who relies on its output.")) },
  { "foreseeable_misuse", N_("Reasonably foreseeable misuse"), AIMS_FIELD_TEXT, NN, LONG, 3, NULL,
    AREA (S_PURPOSE), HELP (N_("Uses the system was not made for but may be put to.")) },
  { "technical_owner", N_("Technical owner"), AIMS_FIELD_TEXT, NN, SHORT, 3, NULL,
    ENTRY (S_RESPONSIBILITY),
    HELP (N_("Responsible: the person who builds or runs the system.")) },
  { "consulted", N_("Consulted"), AIMS_FIELD_TEXT, NN, SHORT, 3, NULL, ENTRY (S_RESPONSIBILITY),
    HELP (N_("People or teams asked before decisions, such as Legal or the DPO.")) },
  { "informed", N_("Informed"), AIMS_FIELD_TEXT, NN, SHORT, 3, NULL, ENTRY (S_RESPONSIBILITY),
    HELP (N_("People or teams kept up to date.")) },
  { "roles", N_("Organisation’s roles"), AIMS_FIELD_TEXT, NN, SHORT, 3, NULL,
    MULTI (S_CLASSIFICATION, role_list),
    HELP (N_("The roles the organisation plays for this system; several may apply.")) },
  { "technique", N_("AI technique"), AIMS_FIELD_TEXT, NN, SHORT, 3, technique_choices,
    CHOICE (S_CLASSIFICATION, technique_list) },
  { "oversight", N_("Human oversight"), AIMS_FIELD_TEXT, NN, SHORT, 3, oversight_choices,
    CHOICE (S_CLASSIFICATION, oversight_list),
    HELP (N_("The level of automation and how people oversee it.")) },
  { "affected_stakeholders", N_("Affected stakeholders"), AIMS_FIELD_TEXT, NN, LONG, 3, NULL,
    AREA (S_PURPOSE), HELP (N_("People and groups the system’s output affects.")) },
  { "geographies", N_("Geographies"), AIMS_FIELD_TEXT, NN, SHORT, 3, NULL, ENTRY (S_PURPOSE),
    HELP (N_("Countries or regions where it is used.")) },
  { "languages", N_("Languages"), AIMS_FIELD_TEXT, NN, SHORT, 3, NULL, ENTRY (S_PURPOSE) },
  { "eu_ai_act_category", N_("EU AI Act category"), AIMS_FIELD_TEXT, NN, SHORT, 3,
    eu_ai_act_category_choices, CHOICE (S_EU_AI_ACT, eu_ai_act_category_list), REQUIRED },
  { "eu_ai_act_area", N_("Annex III area"), AIMS_FIELD_TEXT, NN, SHORT, 3,
    eu_ai_act_area_choices, CHOICE (S_EU_AI_ACT, eu_ai_act_area_list),
    HELP (N_("Required when the category is high-risk under Annex III.")) },
  { "eu_ai_act_reason", N_("Reason for the category"), AIMS_FIELD_TEXT, NN, LONG, 3, NULL,
    AREA (S_EU_AI_ACT) },
  { "criticality", N_("Criticality"), AIMS_FIELD_TEXT, NN, SHORT, 3, criticality_choices,
    CHOICE (S_CLASSIFICATION, criticality_list), REQUIRED,
    HELP (N_("How much the organisation depends on the system.")) },
  { "scope_justification", N_("Scope justification"), AIMS_FIELD_TEXT, NN, LONG, 3, NULL,
    AREA (S_SCOPE), HELP (N_("Why the system is excluded from the scope; required then.")) },
  { "performance_metrics", N_("Performance metrics"), AIMS_FIELD_TEXT, NN, LONG, 3, NULL,
    AREA (S_MODEL_CARD),
    HELP (N_("One per line: metric: value (acceptance threshold).")) },
  { "known_limitations", N_("Known limitations"), AIMS_FIELD_TEXT, NN, LONG, 3, NULL,
    AREA (S_MODEL_CARD) },
  { "evaluation_data", N_("Evaluation data"), AIMS_FIELD_TEXT, NN, LONG, 3, NULL,
    AREA (S_MODEL_CARD), HELP (N_("The data the metrics were measured on.")) },
  { "last_review", N_("Last review"), AIMS_FIELD_TEXT, NN, SHORT, 3, NULL, DATE (S_REVIEWS) },
  { "next_review", N_("Next review"), AIMS_FIELD_TEXT, NN, SHORT, 3, NULL, DATE (S_REVIEWS),
    HELP (N_("Not before the last review.")) },
  { "status", N_("Status"), AIMS_FIELD_TEXT, NN, SHORT, 3, status_choices,
    CHOICE (S_LIFECYCLE, status_list), REQUIRED },
};

static const AimsFieldInfo data_set_fields[] = {
  { "uuid", N_("Identifier"), AIMS_FIELD_TEXT, SYS, SHORT, 3, NULL, HIDDEN },
  { "reference", N_("Reference"), AIMS_FIELD_TEXT, NN, SHORT, 3, NULL,
    ENTRY (S_IDENTIFICATION), REQUIRED,
    HELP (N_("The short identifier people cite, such as DS-003.")) },
  { "name", N_("Name"), AIMS_FIELD_TEXT, NN, SHORT, 3, NULL, ENTRY (S_IDENTIFICATION), REQUIRED },
  { "purpose", N_("Purpose"), AIMS_FIELD_TEXT, NN, SHORT, 3, purpose_choices,
    CHOICE (S_IDENTIFICATION, purpose_list) },
  { "source", N_("Source"), AIMS_FIELD_TEXT, NN, SHORT, 3, NULL, ENTRY (S_SOURCE),
    HELP (N_("Where the data comes from: a system, a supplier, a public source.")) },
  { "provenance", N_("Provenance"), AIMS_FIELD_TEXT, NN, LONG, 3, NULL, AREA (S_SOURCE),
    HELP (N_("How it was collected, and by whom.")) },
  { "legal_basis", N_("Legal basis or licence"), AIMS_FIELD_TEXT, NN, SHORT, 3, NULL,
    ENTRY (S_SOURCE) },
  { "personal_data", N_("Holds personal data"), AIMS_FIELD_BOOLEAN, NN, 0, 3, NULL,
    SWITCH (S_PERSONAL_DATA) },
  { "personal_data_categories", N_("Categories of personal data"), AIMS_FIELD_TEXT, NN, LONG, 3,
    NULL, AREA (S_PERSONAL_DATA) },
  { "retention", N_("Retention period"), AIMS_FIELD_TEXT, NN, SHORT, 3, NULL,
    ENTRY (S_PERSONAL_DATA) },
  { "quality_checks", N_("Quality checks"), AIMS_FIELD_TEXT, NN, LONG, 3, NULL, AREA (S_QUALITY),
    HELP (N_("Checks done on completeness, accuracy and representativeness.")) },
  { "known_biases", N_("Known biases"), AIMS_FIELD_TEXT, NN, LONG, 3, NULL, AREA (S_QUALITY) },
  { "lineage_origin", N_("Origin"), AIMS_FIELD_TEXT, NN, LONG, 3, NULL, AREA (S_LINEAGE) },
  { "lineage_processing", N_("Processing steps"), AIMS_FIELD_TEXT, NN, LONG, 3, NULL,
    AREA (S_LINEAGE) },
  { "lineage_transformations", N_("Transformations"), AIMS_FIELD_TEXT, NN, LONG, 3, NULL,
    AREA (S_LINEAGE) },
  { "lineage_storage", N_("Storage location"), AIMS_FIELD_TEXT, NN, SHORT, 3, NULL,
    ENTRY (S_LINEAGE) },
  { "owner", N_("Owner"), AIMS_FIELD_TEXT, NN, SHORT, 3, NULL, ENTRY (S_IDENTIFICATION) },
  { "created", N_("Created"), AIMS_FIELD_TEXT, SYS, SHORT, 3, NULL, HIDDEN },
  { "modified", N_("Modified"), AIMS_FIELD_TEXT, SYS, SHORT, 3, NULL, HIDDEN },
  { "author", N_("Author"), AIMS_FIELD_TEXT, SYS, SHORT, 3, NULL, HIDDEN },
};

static const AimsFieldInfo third_party_fields[] = {
  { "uuid", N_("Identifier"), AIMS_FIELD_TEXT, SYS, SHORT, 3, NULL, HIDDEN },
  { "reference", N_("Reference"), AIMS_FIELD_TEXT, NN, SHORT, 3, NULL,
    ENTRY (S_IDENTIFICATION), REQUIRED,
    HELP (N_("The short identifier people cite, such as TP-002.")) },
  { "name", N_("Name"), AIMS_FIELD_TEXT, NN, SHORT, 3, NULL, ENTRY (S_IDENTIFICATION), REQUIRED },
  { "supplies", N_("Supplies"), AIMS_FIELD_TEXT, NN, SHORT, 3, supplies_choices,
    CHOICE (S_IDENTIFICATION, supplies_list) },
  { "contract_audit_rights", N_("Contract and audit rights"), AIMS_FIELD_TEXT, NN, LONG, 3, NULL,
    AREA (S_CONTRACT) },
  { "due_diligence_status", N_("Due diligence"), AIMS_FIELD_TEXT, NN, SHORT, 3,
    due_diligence_choices, CHOICE (S_DUE_DILIGENCE, due_diligence_list), REQUIRED },
  { "due_diligence_date", N_("Due diligence date"), AIMS_FIELD_TEXT, NN, SHORT, 3, NULL,
    DATE (S_DUE_DILIGENCE) },
  { "sla", N_("Service level agreement"), AIMS_FIELD_TEXT, NN, LONG, 3, NULL, AREA (S_CONTRACT) },
  { "data_received", N_("Data it receives"), AIMS_FIELD_TEXT, NN, LONG, 3, NULL, AREA (S_DATA),
    HELP (N_("What the organisation shares with it, personal data included.")) },
  { "criticality", N_("Criticality"), AIMS_FIELD_TEXT, NN, SHORT, 3, criticality_choices,
    CHOICE (S_IDENTIFICATION, criticality_list), REQUIRED },
  { "created", N_("Created"), AIMS_FIELD_TEXT, SYS, SHORT, 3, NULL, HIDDEN },
  { "modified", N_("Modified"), AIMS_FIELD_TEXT, SYS, SHORT, 3, NULL, HIDDEN },
  { "author", N_("Author"), AIMS_FIELD_TEXT, SYS, SHORT, 3, NULL, HIDDEN },
};

/* Link tables: their first two editable columns are the linked records (see
 * aims-links.c); forms show them as lists, never as fields. */
static const AimsFieldInfo system_data_set_fields[] = {
  { "uuid", N_("Identifier"), AIMS_FIELD_TEXT, SYS, SHORT, 3, NULL, HIDDEN },
  { "system", N_("AI system"), AIMS_FIELD_TEXT, NN, SHORT, 3, NULL, HIDDEN },
  { "data_set", N_("Data set"), AIMS_FIELD_TEXT, NN, SHORT, 3, NULL, HIDDEN },
  { "created", N_("Created"), AIMS_FIELD_TEXT, SYS, SHORT, 3, NULL, HIDDEN },
  { "modified", N_("Modified"), AIMS_FIELD_TEXT, SYS, SHORT, 3, NULL, HIDDEN },
  { "author", N_("Author"), AIMS_FIELD_TEXT, SYS, SHORT, 3, NULL, HIDDEN },
};

static const AimsFieldInfo system_third_party_fields[] = {
  { "uuid", N_("Identifier"), AIMS_FIELD_TEXT, SYS, SHORT, 3, NULL, HIDDEN },
  { "system", N_("AI system"), AIMS_FIELD_TEXT, NN, SHORT, 3, NULL, HIDDEN },
  { "third_party", N_("Third party"), AIMS_FIELD_TEXT, NN, SHORT, 3, NULL, HIDDEN },
  { "created", N_("Created"), AIMS_FIELD_TEXT, SYS, SHORT, 3, NULL, HIDDEN },
  { "modified", N_("Modified"), AIMS_FIELD_TEXT, SYS, SHORT, 3, NULL, HIDDEN },
  { "author", N_("Author"), AIMS_FIELD_TEXT, SYS, SHORT, 3, NULL, HIDDEN },
};

/* Scores are steps of the project's matrix, offered by the matrix's labels;
 * levels are computed by the store (SYSTEM) and only shown: never typed. */
static const AimsFieldInfo risk_fields[] = {
  { "uuid", N_("Identifier"), AIMS_FIELD_TEXT, SYS, SHORT, 4, NULL, HIDDEN },
  { "reference", N_("Reference"), AIMS_FIELD_TEXT, NN, SHORT, 4, NULL, ENTRY (S_RISK), REQUIRED,
    HELP (N_("The short identifier people cite, such as R-042.")) },
  { "title", N_("Title"), AIMS_FIELD_TEXT, NN, SHORT, 4, NULL, ENTRY (S_RISK), REQUIRED,
    HELP (N_("The risk in a few words: what could happen, to whom.")) },
  { "description", N_("Description"), AIMS_FIELD_TEXT, NN, LONG, 4, NULL, AREA (S_RISK) },
  { "risk_source", N_("Risk source"), AIMS_FIELD_TEXT, NN, SHORT, 4, risk_source_choices,
    CHOICE (S_RISK_CONTEXT, risk_source_list),
    HELP (N_("Where the risk comes from (ISO/IEC 42001 Annex C).")) },
  { "objectives", N_("Objectives at stake"), AIMS_FIELD_TEXT, NN, SHORT, 4, NULL,
    MULTI (S_RISK_CONTEXT, objective_list),
    HELP (N_("The organisation’s AI objectives the risk threatens (Annex C); several may "
             "apply.")) },
  { "lifecycle", N_("Life cycle stage"), AIMS_FIELD_TEXT, NN, SHORT, 4, risk_lifecycle_choices,
    CHOICE (S_RISK_CONTEXT, lifecycle_list),
    HELP (N_("The stage of the AI system’s life cycle where the risk arises.")) },
  { "cause", N_("Cause"), AIMS_FIELD_TEXT, NN, LONG, 4, NULL, AREA (S_RISK_ANALYSIS),
    HELP (N_("What would make it happen.")) },
  { "consequence", N_("Consequence"), AIMS_FIELD_TEXT, NN, LONG, 4, NULL,
    AREA (S_RISK_ANALYSIS), HELP (N_("What would follow, and for whom.")) },
  { "owner", N_("Risk owner"), AIMS_FIELD_TEXT, NN, SHORT, 4, NULL, ENTRY (S_RISK),
    HELP (N_("The person accountable for managing the risk.")) },
  { "inherent_likelihood", N_("Inherent likelihood"), AIMS_FIELD_INTEGER, NN, 0, 4, NULL,
    .group = S_INHERENT, .widget = AIMS_FIELD_WIDGET_SCORE, REQUIRED,
    HELP (N_("How likely it is before treatment: a step of the risk matrix.")) },
  { "inherent_impact", N_("Inherent impact"), AIMS_FIELD_INTEGER, NN, 0, 4, NULL,
    .group = S_INHERENT, .widget = AIMS_FIELD_WIDGET_SCORE, REQUIRED,
    HELP (N_("How severe it would be before treatment: a step of the risk matrix.")) },
  { "inherent_level", N_("Inherent level"), AIMS_FIELD_INTEGER, SYS, 0, 4, NULL,
    .group = S_INHERENT, .widget = AIMS_FIELD_WIDGET_LEVEL,
    HELP (N_("Looked up in the risk matrix from the inherent likelihood and impact.")) },
  { "existing_controls", N_("Existing controls"), AIMS_FIELD_TEXT, NN, LONG, 4, NULL,
    AREA (S_INHERENT), HELP (N_("Controls already in place when the risk was assessed.")) },
  { "treatment", N_("Treatment"), AIMS_FIELD_TEXT, NN, SHORT, 4, treatment_choices,
    CHOICE (S_TREATMENT, treatment_list),
    HELP (N_("How the organisation responds to the risk (ISO/IEC 42001 6.1.3).")) },
  { "residual_likelihood", N_("Residual likelihood"), AIMS_FIELD_INTEGER, NN, 0, 4, NULL,
    .group = S_RESIDUAL, .widget = AIMS_FIELD_WIDGET_SCORE,
    HELP (N_("How likely it is once the treatment is in place; empty until assessed.")) },
  { "residual_impact", N_("Residual impact"), AIMS_FIELD_INTEGER, NN, 0, 4, NULL,
    .group = S_RESIDUAL, .widget = AIMS_FIELD_WIDGET_SCORE,
    HELP (N_("How severe it would be once the treatment is in place; set with the "
             "likelihood.")) },
  { "residual_level", N_("Residual level"), AIMS_FIELD_INTEGER, SYS, 0, 4, NULL,
    .group = S_RESIDUAL, .widget = AIMS_FIELD_WIDGET_LEVEL,
    HELP (N_("Looked up in the risk matrix from the residual likelihood and impact.")) },
  { "accepted_by", N_("Accepted by"), AIMS_FIELD_TEXT, NN, SHORT, 4, NULL, ENTRY (S_ACCEPTANCE),
    HELP (N_("The person who accepted the risk; required to accept it.")) },
  { "acceptance_role", N_("Role of the acceptor"), AIMS_FIELD_TEXT, NN, SHORT, 4, NULL,
    ENTRY (S_ACCEPTANCE), HELP (N_("The authority under which the risk was accepted.")) },
  { "acceptance_date", N_("Acceptance date"), AIMS_FIELD_TEXT, NN, SHORT, 4, NULL,
    DATE (S_ACCEPTANCE) },
  { "acceptance_expiry", N_("Acceptance expires"), AIMS_FIELD_TEXT, NN, SHORT, 4, NULL,
    DATE (S_ACCEPTANCE), HELP (N_("Not before the acceptance date.")) },
  { "acceptance_rationale", N_("Rationale for acceptance"), AIMS_FIELD_TEXT, NN, LONG, 4, NULL,
    AREA (S_ACCEPTANCE), HELP (N_("Why the organisation can live with the risk.")) },
  { "assessed", N_("Last assessed"), AIMS_FIELD_TEXT, NN, SHORT, 4, NULL, DATE (S_RISK_REVIEW),
    HELP (N_("Set when the scores change; the next review counts from it.")) },
  { "next_review", N_("Next review"), AIMS_FIELD_TEXT, NN, SHORT, 4, NULL, DATE (S_RISK_REVIEW),
    HELP (N_("Follows from the level’s review interval unless set by hand.")) },
  { "next_review_manual", N_("Next review set by hand"), AIMS_FIELD_BOOLEAN, NN, 0, 4, NULL,
    SWITCH (S_RISK_REVIEW),
    HELP (N_("Turn off to let the review interval of the risk’s level set it again.")) },
  { "reassessment_triggers", N_("Reassessment triggers"), AIMS_FIELD_TEXT, NN, LONG, 4, NULL,
    AREA (S_RISK_REVIEW),
    HELP (N_("Events that call for an assessment before the next review.")) },
  { "status", N_("Status"), AIMS_FIELD_TEXT, NN, SHORT, 4, risk_status_choices,
    CHOICE (S_RISK, risk_status_list), REQUIRED },
  { "created", N_("Created"), AIMS_FIELD_TEXT, SYS, SHORT, 4, NULL, HIDDEN },
  { "modified", N_("Modified"), AIMS_FIELD_TEXT, SYS, SHORT, 4, NULL, HIDDEN },
  { "author", N_("Author"), AIMS_FIELD_TEXT, SYS, SHORT, 4, NULL, HIDDEN },
};

static const AimsFieldInfo risk_system_fields[] = {
  { "uuid", N_("Identifier"), AIMS_FIELD_TEXT, SYS, SHORT, 4, NULL, HIDDEN },
  { "risk", N_("Risk"), AIMS_FIELD_TEXT, NN, SHORT, 4, NULL, HIDDEN },
  { "system", N_("AI system"), AIMS_FIELD_TEXT, NN, SHORT, 4, NULL, HIDDEN },
  { "created", N_("Created"), AIMS_FIELD_TEXT, SYS, SHORT, 4, NULL, HIDDEN },
  { "modified", N_("Modified"), AIMS_FIELD_TEXT, SYS, SHORT, 4, NULL, HIDDEN },
  { "author", N_("Author"), AIMS_FIELD_TEXT, SYS, SHORT, 4, NULL, HIDDEN },
};

static const AimsFieldInfo risk_control_fields[] = {
  { "uuid", N_("Identifier"), AIMS_FIELD_TEXT, SYS, SHORT, 4, NULL, HIDDEN },
  { "risk", N_("Risk"), AIMS_FIELD_TEXT, NN, SHORT, 4, NULL, HIDDEN },
  { "control", N_("Annex A control"), AIMS_FIELD_TEXT, NN, SHORT, 4, NULL, HIDDEN },
  { "created", N_("Created"), AIMS_FIELD_TEXT, SYS, SHORT, 4, NULL, HIDDEN },
  { "modified", N_("Modified"), AIMS_FIELD_TEXT, SYS, SHORT, 4, NULL, HIDDEN },
  { "author", N_("Author"), AIMS_FIELD_TEXT, SYS, SHORT, 4, NULL, HIDDEN },
};

static const AimsFieldInfo treatment_action_fields[] = {
  { "uuid", N_("Identifier"), AIMS_FIELD_TEXT, SYS, SHORT, 4, NULL, HIDDEN },
  { "risk", N_("Risk"), AIMS_FIELD_TEXT, NN, SHORT, 4, NULL, HIDDEN },
  { "what", N_("Action"), AIMS_FIELD_TEXT, NN, LONG, 4, NULL, AREA (S_ACTION), REQUIRED,
    HELP (N_("What will be done to treat the risk.")) },
  { "owner", N_("Owner"), AIMS_FIELD_TEXT, NN, SHORT, 4, NULL, ENTRY (S_ACTION) },
  { "due_date", N_("Due date"), AIMS_FIELD_TEXT, NN, SHORT, 4, NULL, DATE (S_ACTION) },
  { "status", N_("Status"), AIMS_FIELD_TEXT, NN, SHORT, 4, action_status_choices,
    CHOICE (S_ACTION, action_status_list), REQUIRED },
  { "created", N_("Created"), AIMS_FIELD_TEXT, SYS, SHORT, 4, NULL, HIDDEN },
  { "modified", N_("Modified"), AIMS_FIELD_TEXT, SYS, SHORT, 4, NULL, HIDDEN },
  { "author", N_("Author"), AIMS_FIELD_TEXT, SYS, SHORT, 4, NULL, HIDDEN },
};

/* Impact assessments (format 5). The completeness an approval needs is a rule
 * of the whole assessment (aims-assessment.c), not of single fields: a draft
 * may leave any part empty. Status and version change through the
 * assessment's own API, so the form never offers them. */
static const AimsFieldInfo impact_assessment_fields[] = {
  { "uuid", N_("Identifier"), AIMS_FIELD_TEXT, SYS, SHORT, 5, NULL, HIDDEN },
  { "reference", N_("Reference"), AIMS_FIELD_TEXT, NN, SHORT, 5, NULL,
    ENTRY (S_IA_ASSESSMENT), REQUIRED,
    HELP (N_("The short identifier people cite, such as IA-004.")) },
  { "system", N_("AI system"), AIMS_FIELD_TEXT, NN, SHORT, 5, NULL, HIDDEN },
  { "version", N_("Version"), AIMS_FIELD_INTEGER, NN, 0, 5, NULL, HIDDEN },
  { "status", N_("Status"), AIMS_FIELD_TEXT, NN, SHORT, 5, assessment_status_choices,
    .widget = AIMS_FIELD_WIDGET_HIDDEN, .choice_list = assessment_status_list,
    .n_choices = G_N_ELEMENTS (assessment_status_list) },
  { "trigger", N_("Trigger"), AIMS_FIELD_TEXT, NN, SHORT, 5, trigger_choices,
    CHOICE (S_IA_ASSESSMENT, trigger_list),
    HELP (N_("What called for this assessment.")) },
  { "assessment_date", N_("Assessment date"), AIMS_FIELD_TEXT, NN, SHORT, 5, NULL,
    DATE (S_IA_ASSESSMENT) },
  { "assessor", N_("Assessor"), AIMS_FIELD_TEXT, NN, SHORT, 5, NULL, ENTRY (S_IA_ASSESSMENT),
    HELP (N_("The person responsible for the assessment.")) },
  { "scope", N_("Scope"), AIMS_FIELD_TEXT, NN, LONG, 5, NULL, AREA (S_IA_ASSESSMENT),
    HELP (N_("What the assessment covers: the system’s version, uses and settings.")) },
  { "system_description", N_("Description"), AIMS_FIELD_TEXT, NN, LONG, 5, NULL,
    AREA (S_IA_SYSTEM), HELP (N_("Prefilled from the inventory; edit it here.")) },
  { "functions", N_("Functions and capabilities"), AIMS_FIELD_TEXT, NN, LONG, 5, NULL,
    AREA (S_IA_SYSTEM) },
  { "purpose", N_("Purpose"), AIMS_FIELD_TEXT, NN, LONG, 5, NULL, AREA (S_IA_SYSTEM) },
  { "intended_uses", N_("Intended uses"), AIMS_FIELD_TEXT, NN, LONG, 5, NULL,
    AREA (S_IA_SYSTEM) },
  { "unintended_uses", N_("Unintended uses and foreseeable misuse"), AIMS_FIELD_TEXT, NN, LONG,
    5, NULL, AREA (S_IA_SYSTEM) },
  { "data_information", N_("Data used"), AIMS_FIELD_TEXT, NN, LONG, 5, NULL, AREA (S_IA_DATA),
    HELP (N_("The data the system is trained, tested and run on, and where it comes from.")) },
  { "data_quality", N_("Data quality"), AIMS_FIELD_TEXT, NN, LONG, 5, NULL, AREA (S_IA_DATA),
    HELP (N_("Completeness, accuracy, representativeness and known biases.")) },
  { "algorithm_information", N_("Algorithm and model"), AIMS_FIELD_TEXT, NN, LONG, 5, NULL,
    AREA (S_IA_ALGORITHM),
    HELP (N_("The technique, the model and how it was built and evaluated.")) },
  { "deployment_geography", N_("Geography"), AIMS_FIELD_TEXT, NN, SHORT, 5, NULL,
    ENTRY (S_IA_DEPLOYMENT) },
  { "deployment_languages", N_("Languages"), AIMS_FIELD_TEXT, NN, SHORT, 5, NULL,
    ENTRY (S_IA_DEPLOYMENT) },
  { "deployment_constraints", N_("Constraints"), AIMS_FIELD_TEXT, NN, LONG, 5, NULL,
    AREA (S_IA_DEPLOYMENT),
    HELP (N_("Technical, legal or organisational limits on where and how it runs.")) },
  { "directly_affected", N_("Directly affected"), AIMS_FIELD_TEXT, NN, LONG, 5, NULL,
    AREA (S_IA_PARTIES), HELP (N_("People and groups the system’s output acts on.")) },
  { "indirectly_affected", N_("Indirectly affected"), AIMS_FIELD_TEXT, NN, LONG, 5, NULL,
    AREA (S_IA_PARTIES) },
  { "vulnerable_groups", N_("Vulnerable groups"), AIMS_FIELD_TEXT, NN, LONG, 5, NULL,
    AREA (S_IA_PARTIES),
    HELP (N_("Children, elderly people, people with disabilities or others at greater risk.")) },
  { "thresholds", N_("Thresholds crossed"), AIMS_FIELD_TEXT, NN, SHORT, 5, thresholds_choices,
    CHOICE (S_IA_CONCLUSION, thresholds_list),
    HELP (N_("Whether the system is a sensitive or restricted use.")) },
  { "threshold_notes", N_("Threshold notes"), AIMS_FIELD_TEXT, NN, LONG, 5, NULL,
    AREA (S_IA_CONCLUSION) },
  { "conclusion", N_("Conclusion"), AIMS_FIELD_TEXT, NN, LONG, 5, NULL, AREA (S_IA_CONCLUSION) },
  { "residual_impact", N_("Residual impact"), AIMS_FIELD_TEXT, NN, LONG, 5, NULL,
    AREA (S_IA_CONCLUSION),
    HELP (N_("The impact that remains once the measures are in place.")) },
  { "approver", N_("Approver"), AIMS_FIELD_TEXT, NN, SHORT, 5, NULL, ENTRY (S_IA_APPROVAL) },
  { "approver_role", N_("Approver’s role"), AIMS_FIELD_TEXT, NN, SHORT, 5, NULL,
    ENTRY (S_IA_APPROVAL) },
  { "approval_date", N_("Approval date"), AIMS_FIELD_TEXT, NN, SHORT, 5, NULL,
    DATE (S_IA_APPROVAL), HELP (N_("Set to today on approval when left empty.")) },
  { "retention", N_("Retention period"), AIMS_FIELD_TEXT, NN, SHORT, 5, NULL,
    ENTRY (S_IA_REVIEW), HELP (N_("How long the organisation keeps this record.")) },
  { "next_review", N_("Next review"), AIMS_FIELD_TEXT, NN, SHORT, 5, NULL, DATE (S_IA_REVIEW) },
  { "created", N_("Created"), AIMS_FIELD_TEXT, SYS, SHORT, 5, NULL, HIDDEN },
  { "modified", N_("Modified"), AIMS_FIELD_TEXT, SYS, SHORT, 5, NULL, HIDDEN },
  { "author", N_("Author"), AIMS_FIELD_TEXT, SYS, SHORT, 5, NULL, HIDDEN },
};

/* Severity is an impact step of the matrix and likelihood a likelihood step,
 * offered by the matrix's labels; 0 is "not assessed". */
static const AimsFieldInfo impact_fields[] = {
  { "uuid", N_("Identifier"), AIMS_FIELD_TEXT, SYS, SHORT, 5, NULL, HIDDEN },
  { "assessment", N_("Impact assessment"), AIMS_FIELD_TEXT, NN, SHORT, 5, NULL, HIDDEN },
  { "affected", N_("Affected party or group"), AIMS_FIELD_TEXT, NN, SHORT, 5, NULL,
    ENTRY (S_IMPACT) },
  { "level", N_("Level"), AIMS_FIELD_TEXT, NN, SHORT, 5, impact_level_choices,
    CHOICE (S_IMPACT, impact_level_list) },
  { "nature", N_("Benefit or harm"), AIMS_FIELD_TEXT, NN, SHORT, 5, nature_choices,
    CHOICE (S_IMPACT, nature_list), REQUIRED },
  { "dimension", N_("Dimension"), AIMS_FIELD_TEXT, NN, SHORT, 5, dimension_choices,
    CHOICE (S_IMPACT, dimension_list) },
  { "scenario", N_("Scenario"), AIMS_FIELD_TEXT, NN, SHORT, 5, scenario_choices,
    CHOICE (S_IMPACT, scenario_list) },
  { "description", N_("Description"), AIMS_FIELD_TEXT, NN, LONG, 5, NULL, AREA (S_IMPACT),
    HELP (N_("What happens, to whom, and how.")) },
  { "severity", N_("Severity"), AIMS_FIELD_INTEGER, NN, 0, 5, NULL,
    .group = S_IMPACT_SCORE, .widget = AIMS_FIELD_WIDGET_SCORE,
    HELP (N_("How severe it is: an impact step of the risk matrix.")) },
  { "likelihood", N_("Likelihood"), AIMS_FIELD_INTEGER, NN, 0, 5, NULL,
    .group = S_IMPACT_SCORE, .widget = AIMS_FIELD_WIDGET_SCORE,
    HELP (N_("How likely it is: a likelihood step of the risk matrix.")) },
  { "scale", N_("Scale"), AIMS_FIELD_TEXT, NN, SHORT, 5, NULL, ENTRY (S_IMPACT_SCORE),
    HELP (N_("How many are affected.")) },
  { "reversibility", N_("Reversibility"), AIMS_FIELD_TEXT, NN, SHORT, 5, reversibility_choices,
    CHOICE (S_IMPACT_SCORE, reversibility_list) },
  { "status", N_("Status"), AIMS_FIELD_TEXT, NN, SHORT, 5, impact_status_choices,
    CHOICE (S_IMPACT_SCORE, impact_status_list), REQUIRED,
    HELP (N_("An open harm still needs its measures in place.")) },
  { "created", N_("Created"), AIMS_FIELD_TEXT, SYS, SHORT, 5, NULL, HIDDEN },
  { "modified", N_("Modified"), AIMS_FIELD_TEXT, SYS, SHORT, 5, NULL, HIDDEN },
  { "author", N_("Author"), AIMS_FIELD_TEXT, SYS, SHORT, 5, NULL, HIDDEN },
};

static const AimsFieldInfo impact_measure_fields[] = {
  { "uuid", N_("Identifier"), AIMS_FIELD_TEXT, SYS, SHORT, 5, NULL, HIDDEN },
  { "impact", N_("Impact"), AIMS_FIELD_TEXT, NN, SHORT, 5, NULL, HIDDEN },
  { "what", N_("Measure"), AIMS_FIELD_TEXT, NN, LONG, 5, NULL, AREA (S_MEASURE), REQUIRED,
    HELP (N_("What is done to address the impact.")) },
  { "owner", N_("Owner"), AIMS_FIELD_TEXT, NN, SHORT, 5, NULL, ENTRY (S_MEASURE) },
  { "created", N_("Created"), AIMS_FIELD_TEXT, SYS, SHORT, 5, NULL, HIDDEN },
  { "modified", N_("Modified"), AIMS_FIELD_TEXT, SYS, SHORT, 5, NULL, HIDDEN },
  { "author", N_("Author"), AIMS_FIELD_TEXT, SYS, SHORT, 5, NULL, HIDDEN },
};

static const AimsFieldInfo impact_risk_fields[] = {
  { "uuid", N_("Identifier"), AIMS_FIELD_TEXT, SYS, SHORT, 5, NULL, HIDDEN },
  { "impact", N_("Impact"), AIMS_FIELD_TEXT, NN, SHORT, 5, NULL, HIDDEN },
  { "risk", N_("Risk"), AIMS_FIELD_TEXT, NN, SHORT, 5, NULL, HIDDEN },
  { "created", N_("Created"), AIMS_FIELD_TEXT, SYS, SHORT, 5, NULL, HIDDEN },
  { "modified", N_("Modified"), AIMS_FIELD_TEXT, SYS, SHORT, 5, NULL, HIDDEN },
  { "author", N_("Author"), AIMS_FIELD_TEXT, SYS, SHORT, 5, NULL, HIDDEN },
};

/* Format 6 (issue 7). The rows of a control and of a clause requirement are
 * made on first edit (see migration_soa_pdca); their catalogue ids are
 * hidden: the page they are edited on names them. */
static const AimsFieldInfo soa_entry_fields[] = {
  { "uuid", N_("Identifier"), AIMS_FIELD_TEXT, SYS, SHORT, 6, NULL, HIDDEN },
  { "control", N_("Annex A control"), AIMS_FIELD_TEXT, NN, SHORT, 6, NULL, HIDDEN, REQUIRED },
  { "applicability", N_("Applicability"), AIMS_FIELD_TEXT, NN, SHORT, 6, applicability_choices,
    CHOICE (S_APPLICABILITY, applicability_list),
    HELP (N_("Whether the control applies to the organisation; empty until decided.")) },
  { "justification", N_("Justification"), AIMS_FIELD_TEXT, NN, LONG, 6, NULL,
    AREA (S_APPLICABILITY),
    HELP (N_("Why the control is included or excluded; required either way.")) },
  { "implementation", N_("Implementation"), AIMS_FIELD_TEXT, NN, SHORT, 6,
    implementation_choices, CHOICE (S_IMPLEMENTATION, implementation_list), REQUIRED },
  { "owner", N_("Owner"), AIMS_FIELD_TEXT, NN, SHORT, 6, NULL, ENTRY (S_IMPLEMENTATION),
    HELP (N_("The person who answers for the control.")) },
  { "how_implemented", N_("How it is implemented"), AIMS_FIELD_TEXT, NN, LONG, 6, NULL,
    AREA (S_IMPLEMENTATION),
    HELP (N_("The policies, processes and tools that put the control in place.")) },
  { "last_reviewed", N_("Last reviewed"), AIMS_FIELD_TEXT, NN, SHORT, 6, NULL,
    DATE (S_IMPLEMENTATION) },
  { "created", N_("Created"), AIMS_FIELD_TEXT, SYS, SHORT, 6, NULL, HIDDEN },
  { "modified", N_("Modified"), AIMS_FIELD_TEXT, SYS, SHORT, 6, NULL, HIDDEN },
  { "author", N_("Author"), AIMS_FIELD_TEXT, SYS, SHORT, 6, NULL, HIDDEN },
};

static const AimsFieldInfo evidence_fields[] = {
  { "uuid", N_("Identifier"), AIMS_FIELD_TEXT, SYS, SHORT, 6, NULL, HIDDEN },
  { "soa_entry", N_("Annex A control"), AIMS_FIELD_TEXT, NN, SHORT, 6, NULL, HIDDEN },
  { "kind", N_("Kind"), AIMS_FIELD_TEXT, NN, SHORT, 6, evidence_kind_choices,
    CHOICE (S_EVIDENCE, evidence_kind_list), REQUIRED },
  { "title", N_("Title"), AIMS_FIELD_TEXT, NN, SHORT, 6, NULL, ENTRY (S_EVIDENCE), REQUIRED },
  { "location", N_("Location"), AIMS_FIELD_TEXT, NN, LONG, 6, NULL, ENTRY (S_EVIDENCE),
    REQUIRED, HELP (N_("The file’s path or the link’s address.")) },
  { "sha256", N_("SHA-256"), AIMS_FIELD_TEXT, NN, SHORT, 6, NULL, HIDDEN,
    HELP (N_("The file’s checksum when it was recorded.")) },
  { "evidence_date", N_("Date"), AIMS_FIELD_TEXT, NN, SHORT, 6, NULL, DATE (S_EVIDENCE) },
  { "note", N_("Note"), AIMS_FIELD_TEXT, NN, LONG, 6, NULL, AREA (S_EVIDENCE) },
  { "created", N_("Created"), AIMS_FIELD_TEXT, SYS, SHORT, 6, NULL, HIDDEN },
  { "modified", N_("Modified"), AIMS_FIELD_TEXT, SYS, SHORT, 6, NULL, HIDDEN },
  { "author", N_("Author"), AIMS_FIELD_TEXT, SYS, SHORT, 6, NULL, HIDDEN },
};

static const AimsFieldInfo pdca_card_fields[] = {
  { "uuid", N_("Identifier"), AIMS_FIELD_TEXT, SYS, SHORT, 6, NULL, HIDDEN },
  { "kind", N_("Kind"), AIMS_FIELD_TEXT, NN, SHORT, 6, card_kind_choices,
    CHOICE (S_CARD, card_kind_list), REQUIRED },
  { "clause", N_("Clause"), AIMS_FIELD_TEXT, NN, SHORT, 6, NULL, HIDDEN },
  { "action", N_("Treatment action"), AIMS_FIELD_TEXT, 0, SHORT, 6, NULL, HIDDEN },
  { "title", N_("Title"), AIMS_FIELD_TEXT, NN, SHORT, 6, NULL, ENTRY (S_CARD) },
  { "phase", N_("Phase"), AIMS_FIELD_TEXT, NN, SHORT, 6, phase_choices,
    CHOICE (S_CARD, phase_list), REQUIRED },
  { "status", N_("Status"), AIMS_FIELD_TEXT, NN, SHORT, 6, card_status_choices,
    CHOICE (S_CARD, card_status_list), REQUIRED },
  { "owner", N_("Owner"), AIMS_FIELD_TEXT, NN, SHORT, 6, NULL, ENTRY (S_CARD) },
  { "due_date", N_("Due date"), AIMS_FIELD_TEXT, NN, SHORT, 6, NULL, DATE (S_CARD) },
  { "evidence_note", N_("Evidence"), AIMS_FIELD_TEXT, NN, LONG, 6, NULL, AREA (S_CARD),
    HELP (N_("Where the proof that the requirement is met can be found.")) },
  { "created", N_("Created"), AIMS_FIELD_TEXT, SYS, SHORT, 6, NULL, HIDDEN },
  { "modified", N_("Modified"), AIMS_FIELD_TEXT, SYS, SHORT, 6, NULL, HIDDEN },
  { "author", N_("Author"), AIMS_FIELD_TEXT, SYS, SHORT, 6, NULL, HIDDEN },
};

/* Format 7 (issue 8). An audit's scope and a finding's whys are JSON lists
 * edited by their own pages; checklist lines are made when an audit starts. */
static const AimsFieldInfo audit_fields[] = {
  { "uuid", N_("Identifier"), AIMS_FIELD_TEXT, SYS, SHORT, 7, NULL, HIDDEN },
  { "reference", N_("Reference"), AIMS_FIELD_TEXT, NN, SHORT, 7, NULL, ENTRY (S_AUDIT), REQUIRED },
  { "title", N_("Title"), AIMS_FIELD_TEXT, NN, SHORT, 7, NULL, ENTRY (S_AUDIT), REQUIRED },
  { "scope", N_("Scope"), AIMS_FIELD_JSON, NN, JSON, 7, NULL, HIDDEN,
    HELP (N_("The clauses and Annex A controls the audit covers.")) },
  { "criteria", N_("Criteria"), AIMS_FIELD_TEXT, NN, LONG, 7, NULL, AREA (S_AUDIT),
    HELP (N_("What the audit checks against: the standard, policies, procedures.")) },
  { "auditor", N_("Auditor"), AIMS_FIELD_TEXT, NN, SHORT, 7, NULL, ENTRY (S_AUDIT),
    HELP (N_("Auditors must not audit their own work (ISO/IEC 42001 9.2.2).")) },
  { "start_date", N_("Start date"), AIMS_FIELD_TEXT, NN, SHORT, 7, NULL, DATE (S_AUDIT) },
  { "end_date", N_("End date"), AIMS_FIELD_TEXT, NN, SHORT, 7, NULL, DATE (S_AUDIT) },
  { "status", N_("Status"), AIMS_FIELD_TEXT, NN, SHORT, 7, audit_status_choices,
    CHOICE (S_AUDIT_RESULT, audit_status_list), REQUIRED },
  { "conclusion", N_("Conclusion"), AIMS_FIELD_TEXT, NN, LONG, 7, NULL, AREA (S_AUDIT_RESULT) },
  { "created", N_("Created"), AIMS_FIELD_TEXT, SYS, SHORT, 7, NULL, HIDDEN },
  { "modified", N_("Modified"), AIMS_FIELD_TEXT, SYS, SHORT, 7, NULL, HIDDEN },
  { "author", N_("Author"), AIMS_FIELD_TEXT, SYS, SHORT, 7, NULL, HIDDEN },
};

static const AimsFieldInfo audit_item_fields[] = {
  { "uuid", N_("Identifier"), AIMS_FIELD_TEXT, SYS, SHORT, 7, NULL, HIDDEN },
  { "audit", N_("Audit"), AIMS_FIELD_TEXT, NN, SHORT, 7, NULL, HIDDEN },
  { "requirement", N_("Requirement"), AIMS_FIELD_TEXT, NN, SHORT, 7, NULL, HIDDEN, REQUIRED },
  { "position", N_("Position"), AIMS_FIELD_INTEGER, NN, 0, 7, NULL, HIDDEN },
  { "result", N_("Result"), AIMS_FIELD_TEXT, NN, SHORT, 7, audit_result_choices,
    CHOICE (S_CHECKLIST, audit_result_list),
    HELP (N_("Empty until the requirement has been checked.")) },
  { "evidence_seen", N_("Evidence seen"), AIMS_FIELD_TEXT, NN, LONG, 7, NULL,
    AREA (S_CHECKLIST) },
  { "created", N_("Created"), AIMS_FIELD_TEXT, SYS, SHORT, 7, NULL, HIDDEN },
  { "modified", N_("Modified"), AIMS_FIELD_TEXT, SYS, SHORT, 7, NULL, HIDDEN },
  { "author", N_("Author"), AIMS_FIELD_TEXT, SYS, SHORT, 7, NULL, HIDDEN },
};

static const AimsFieldInfo finding_fields[] = {
  { "uuid", N_("Identifier"), AIMS_FIELD_TEXT, SYS, SHORT, 7, NULL, HIDDEN },
  { "reference", N_("Reference"), AIMS_FIELD_TEXT, NN, SHORT, 7, NULL, ENTRY (S_FINDING), REQUIRED },
  { "audit", N_("Audit"), AIMS_FIELD_TEXT, 0, SHORT, 7, NULL, HIDDEN },
  { "audit_item", N_("Checklist item"), AIMS_FIELD_TEXT, 0, SHORT, 7, NULL, HIDDEN },
  { "kind", N_("Kind"), AIMS_FIELD_TEXT, NN, SHORT, 7, finding_kind_choices,
    CHOICE (S_FINDING, finding_kind_list), REQUIRED },
  { "severity", N_("Severity"), AIMS_FIELD_TEXT, NN, SHORT, 7, finding_severity_choices,
    CHOICE (S_FINDING, finding_severity_list),
    HELP (N_("How serious a nonconformity is.")) },
  { "requirement", N_("Requirement"), AIMS_FIELD_TEXT, NN, SHORT, 7, NULL, ENTRY (S_FINDING),
    HELP (N_("The clause or Annex A control it is against, such as 9.2.2 or A.6.2.4.")) },
  { "title", N_("Title"), AIMS_FIELD_TEXT, NN, SHORT, 7, NULL, ENTRY (S_FINDING), REQUIRED },
  { "description", N_("Description"), AIMS_FIELD_TEXT, NN, LONG, 7, NULL, AREA (S_FINDING),
    HELP (N_("What was found, and the evidence for it.")) },
  { "raised_by", N_("Raised by"), AIMS_FIELD_TEXT, NN, SHORT, 7, NULL, ENTRY (S_FINDING) },
  { "raised_on", N_("Raised on"), AIMS_FIELD_TEXT, NN, SHORT, 7, NULL, DATE (S_FINDING) },
  { "whys", N_("Five whys"), AIMS_FIELD_JSON, NN, JSON, 7, NULL, HIDDEN },
  { "root_cause", N_("Root cause"), AIMS_FIELD_TEXT, NN, LONG, 7, NULL, AREA (S_ROOT_CAUSE) },
  { "verified_by", N_("Verified by"), AIMS_FIELD_TEXT, NN, SHORT, 7, NULL,
    ENTRY (S_VERIFICATION) },
  { "verified_on", N_("Verified on"), AIMS_FIELD_TEXT, NN, SHORT, 7, NULL,
    DATE (S_VERIFICATION) },
  { "verification", N_("Result"), AIMS_FIELD_TEXT, NN, SHORT, 7, verification_choices,
    CHOICE (S_VERIFICATION, verification_list),
    HELP (N_("Whether the corrective actions removed the cause.")) },
  { "verification_note", N_("Verification note"), AIMS_FIELD_TEXT, NN, LONG, 7, NULL,
    AREA (S_VERIFICATION) },
  { "status", N_("Status"), AIMS_FIELD_TEXT, NN, SHORT, 7, finding_status_choices,
    CHOICE (S_VERIFICATION, finding_status_list), REQUIRED,
    HELP (N_("A finding closes only when its actions are done and verified effective.")) },
  { "created", N_("Created"), AIMS_FIELD_TEXT, SYS, SHORT, 7, NULL, HIDDEN },
  { "modified", N_("Modified"), AIMS_FIELD_TEXT, SYS, SHORT, 7, NULL, HIDDEN },
  { "author", N_("Author"), AIMS_FIELD_TEXT, SYS, SHORT, 7, NULL, HIDDEN },
};

static const AimsFieldInfo corrective_action_fields[] = {
  { "uuid", N_("Identifier"), AIMS_FIELD_TEXT, SYS, SHORT, 7, NULL, HIDDEN },
  { "finding", N_("Finding"), AIMS_FIELD_TEXT, NN, SHORT, 7, NULL, HIDDEN },
  { "what", N_("Action"), AIMS_FIELD_TEXT, NN, LONG, 7, NULL, AREA (S_CORRECTIVE), REQUIRED,
    HELP (N_("What will be done to remove the cause of the finding.")) },
  { "owner", N_("Owner"), AIMS_FIELD_TEXT, NN, SHORT, 7, NULL, ENTRY (S_CORRECTIVE) },
  { "due_date", N_("Due date"), AIMS_FIELD_TEXT, NN, SHORT, 7, NULL, DATE (S_CORRECTIVE) },
  { "status", N_("Status"), AIMS_FIELD_TEXT, NN, SHORT, 7, action_status_choices,
    CHOICE (S_CORRECTIVE, action_status_list), REQUIRED },
  { "completed_on", N_("Completed on"), AIMS_FIELD_TEXT, NN, SHORT, 7, NULL,
    DATE (S_CORRECTIVE) },
  { "created", N_("Created"), AIMS_FIELD_TEXT, SYS, SHORT, 7, NULL, HIDDEN },
  { "modified", N_("Modified"), AIMS_FIELD_TEXT, SYS, SHORT, 7, NULL, HIDDEN },
  { "author", N_("Author"), AIMS_FIELD_TEXT, SYS, SHORT, 7, NULL, HIDDEN },
};

/* Times are entered as the organisation's wall-clock time, YYYY-MM-DDTHH:MM. */
static const AimsFieldInfo incident_fields[] = {
  { "uuid", N_("Identifier"), AIMS_FIELD_TEXT, SYS, SHORT, 7, NULL, HIDDEN },
  { "reference", N_("Reference"), AIMS_FIELD_TEXT, NN, SHORT, 7, NULL, ENTRY (S_INCIDENT), REQUIRED },
  { "title", N_("Title"), AIMS_FIELD_TEXT, NN, SHORT, 7, NULL, ENTRY (S_INCIDENT), REQUIRED },
  { "system", N_("AI system"), AIMS_FIELD_TEXT, 0, SHORT, 7, NULL, AI_SYSTEM (S_INCIDENT),
    HELP (N_("The AI system the incident happened in.")) },
  { "type", N_("Type"), AIMS_FIELD_TEXT, NN, SHORT, 7, incident_type_choices,
    CHOICE (S_INCIDENT, incident_type_list), REQUIRED },
  { "severity", N_("Severity"), AIMS_FIELD_TEXT, NN, SHORT, 7, incident_severity_choices,
    CHOICE (S_INCIDENT, incident_severity_list), REQUIRED },
  { "status", N_("Status"), AIMS_FIELD_TEXT, NN, SHORT, 7, incident_status_choices,
    CHOICE (S_INCIDENT, incident_status_list), REQUIRED,
    HELP (N_("Resolved and closed incidents need the time they were resolved.")) },
  { "description", N_("Description"), AIMS_FIELD_TEXT, NN, LONG, 7, NULL, AREA (S_INCIDENT) },
  { "occurred", N_("Occurred"), AIMS_FIELD_TEXT, NN, SHORT, 7, NULL, DATETIME (S_INCIDENT_TIMES),
    HELP (N_("When the incident began.")) },
  { "detected", N_("Detected"), AIMS_FIELD_TEXT, NN, SHORT, 7, NULL, DATETIME (S_INCIDENT_TIMES),
    HELP (N_("When someone noticed it.")) },
  { "responded", N_("Responded"), AIMS_FIELD_TEXT, NN, SHORT, 7, NULL,
    DATETIME (S_INCIDENT_TIMES), HELP (N_("When the first action was taken.")) },
  { "resolved", N_("Resolved"), AIMS_FIELD_TEXT, NN, SHORT, 7, NULL, DATETIME (S_INCIDENT_TIMES),
    HELP (N_("When the AI system worked as intended again.")) },
  { "affected", N_("Who is affected"), AIMS_FIELD_TEXT, NN, LONG, 7, NULL,
    AREA (S_INCIDENT_ANALYSIS) },
  { "immediate_actions", N_("Immediate actions"), AIMS_FIELD_TEXT, NN, LONG, 7, NULL,
    AREA (S_INCIDENT_ANALYSIS) },
  { "root_cause", N_("Root cause"), AIMS_FIELD_TEXT, NN, LONG, 7, NULL,
    AREA (S_INCIDENT_ANALYSIS) },
  { "lessons_learned", N_("Lessons learned"), AIMS_FIELD_TEXT, NN, LONG, 7, NULL,
    AREA (S_INCIDENT_ANALYSIS) },
  { "reportable", N_("Must be reported to an authority"), AIMS_FIELD_BOOLEAN, NN, 0, 7, NULL,
    SWITCH (S_REPORTING) },
  { "authority", N_("Authority"), AIMS_FIELD_TEXT, NN, SHORT, 7, NULL, ENTRY (S_REPORTING),
    HELP (N_("To whom it must be reported, such as the market surveillance authority.")) },
  { "reported_on", N_("Reported on"), AIMS_FIELD_TEXT, NN, SHORT, 7, NULL, DATE (S_REPORTING) },
  { "created", N_("Created"), AIMS_FIELD_TEXT, SYS, SHORT, 7, NULL, HIDDEN },
  { "modified", N_("Modified"), AIMS_FIELD_TEXT, SYS, SHORT, 7, NULL, HIDDEN },
  { "author", N_("Author"), AIMS_FIELD_TEXT, SYS, SHORT, 7, NULL, HIDDEN },
};

static const AimsFieldInfo incident_risk_fields[] = {
  { "uuid", N_("Identifier"), AIMS_FIELD_TEXT, SYS, SHORT, 7, NULL, HIDDEN },
  { "incident", N_("Incident"), AIMS_FIELD_TEXT, NN, SHORT, 7, NULL, HIDDEN },
  { "risk", N_("Risk"), AIMS_FIELD_TEXT, NN, SHORT, 7, NULL, HIDDEN },
  { "created", N_("Created"), AIMS_FIELD_TEXT, SYS, SHORT, 7, NULL, HIDDEN },
  { "modified", N_("Modified"), AIMS_FIELD_TEXT, SYS, SHORT, 7, NULL, HIDDEN },
  { "author", N_("Author"), AIMS_FIELD_TEXT, SYS, SHORT, 7, NULL, HIDDEN },
};

static const AimsFieldInfo management_review_fields[] = {
  { "uuid", N_("Identifier"), AIMS_FIELD_TEXT, SYS, SHORT, 7, NULL, HIDDEN },
  { "reference", N_("Reference"), AIMS_FIELD_TEXT, NN, SHORT, 7, NULL, ENTRY (S_REVIEW), REQUIRED },
  { "title", N_("Title"), AIMS_FIELD_TEXT, NN, SHORT, 7, NULL, ENTRY (S_REVIEW) },
  { "review_date", N_("Date"), AIMS_FIELD_TEXT, NN, SHORT, 7, NULL, DATE (S_REVIEW) },
  { "status", N_("Status"), AIMS_FIELD_TEXT, NN, SHORT, 7, review_status_choices,
    CHOICE (S_REVIEW, review_status_list), REQUIRED },
  { "chair", N_("Chair"), AIMS_FIELD_TEXT, NN, SHORT, 7, NULL, ENTRY (S_REVIEW) },
  { "attendees", N_("Attendees"), AIMS_FIELD_TEXT, NN, LONG, 7, NULL, AREA (S_REVIEW) },
  { "inputs", N_("Inputs"), AIMS_FIELD_JSON, NN, JSON, 7, NULL, HIDDEN },
  { "inputs_gathered", N_("Inputs gathered"), AIMS_FIELD_TEXT, NN, SHORT, 7, NULL, HIDDEN },
  { "decisions", N_("Decisions"), AIMS_FIELD_TEXT, NN, LONG, 7, NULL, AREA (S_REVIEW_OUTPUTS) },
  { "changes", N_("Changes to the management system"), AIMS_FIELD_TEXT, NN, LONG, 7, NULL,
    AREA (S_REVIEW_OUTPUTS) },
  { "resources", N_("Resources"), AIMS_FIELD_TEXT, NN, LONG, 7, NULL,
    AREA (S_REVIEW_OUTPUTS) },
  { "improvements", N_("Opportunities for improvement"), AIMS_FIELD_TEXT, NN, LONG, 7, NULL,
    AREA (S_REVIEW_OUTPUTS) },
  { "created", N_("Created"), AIMS_FIELD_TEXT, SYS, SHORT, 7, NULL, HIDDEN },
  { "modified", N_("Modified"), AIMS_FIELD_TEXT, SYS, SHORT, 7, NULL, HIDDEN },
  { "author", N_("Author"), AIMS_FIELD_TEXT, SYS, SHORT, 7, NULL, HIDDEN },
};

static const AimsFieldInfo review_action_fields[] = {
  { "uuid", N_("Identifier"), AIMS_FIELD_TEXT, SYS, SHORT, 7, NULL, HIDDEN },
  { "review", N_("Management review"), AIMS_FIELD_TEXT, NN, SHORT, 7, NULL, HIDDEN },
  { "what", N_("Action"), AIMS_FIELD_TEXT, NN, LONG, 7, NULL, AREA (S_REVIEW_ACTION), REQUIRED },
  { "owner", N_("Owner"), AIMS_FIELD_TEXT, NN, SHORT, 7, NULL, ENTRY (S_REVIEW_ACTION) },
  { "due_date", N_("Due date"), AIMS_FIELD_TEXT, NN, SHORT, 7, NULL, DATE (S_REVIEW_ACTION) },
  { "status", N_("Status"), AIMS_FIELD_TEXT, NN, SHORT, 7, action_status_choices,
    CHOICE (S_REVIEW_ACTION, action_status_list), REQUIRED },
  { "created", N_("Created"), AIMS_FIELD_TEXT, SYS, SHORT, 7, NULL, HIDDEN },
  { "modified", N_("Modified"), AIMS_FIELD_TEXT, SYS, SHORT, 7, NULL, HIDDEN },
  { "author", N_("Author"), AIMS_FIELD_TEXT, SYS, SHORT, 7, NULL, HIDDEN },
};

#undef SHORT
#undef LONG
#undef JSON
#undef NN
#undef SYS
#undef HIDDEN
#undef ENTRY
#undef AREA
#undef DATE
#undef DATETIME
#undef AI_SYSTEM
#undef SWITCH
#undef CHOICE
#undef MULTI
#undef REQUIRED
#undef HELP
#undef S_IDENTIFICATION
#undef S_PURPOSE
#undef S_RESPONSIBILITY
#undef S_LIFECYCLE
#undef S_SCOPE
#undef S_CLASSIFICATION
#undef S_EU_AI_ACT
#undef S_MODEL_CARD
#undef S_REVIEWS
#undef S_SOURCE
#undef S_PERSONAL_DATA
#undef S_QUALITY
#undef S_LINEAGE
#undef S_CONTRACT
#undef S_DUE_DILIGENCE
#undef S_DATA
#undef S_PROJECT
#undef S_RISK
#undef S_RISK_CONTEXT
#undef S_RISK_ANALYSIS
#undef S_INHERENT
#undef S_TREATMENT
#undef S_RESIDUAL
#undef S_ACCEPTANCE
#undef S_RISK_REVIEW
#undef S_ACTION
#undef S_IA_ASSESSMENT
#undef S_IA_SYSTEM
#undef S_IA_DATA
#undef S_IA_ALGORITHM
#undef S_IA_DEPLOYMENT
#undef S_IA_PARTIES
#undef S_IA_CONCLUSION
#undef S_IA_APPROVAL
#undef S_IA_REVIEW
#undef S_IMPACT
#undef S_IMPACT_SCORE
#undef S_MEASURE
#undef S_APPLICABILITY
#undef S_IMPLEMENTATION
#undef S_EVIDENCE
#undef S_CARD
#undef S_AUDIT
#undef S_AUDIT_RESULT
#undef S_CHECKLIST
#undef S_FINDING
#undef S_ROOT_CAUSE
#undef S_VERIFICATION
#undef S_CORRECTIVE
#undef S_INCIDENT
#undef S_INCIDENT_TIMES
#undef S_INCIDENT_ANALYSIS
#undef S_REPORTING
#undef S_REVIEW
#undef S_REVIEW_OUTPUTS
#undef S_REVIEW_ACTION

static const AimsTableInfo tables[] = {
  { "project", N_("project"), AIMS_TABLE_SINGLETON, 1, "organisation",
    project_fields, G_N_ELEMENTS (project_fields), NULL },
  { "changeset", N_("change set"), AIMS_TABLE_INTERNAL, 1, "label",
    changeset_fields, G_N_ELEMENTS (changeset_fields), NULL },
  { "change_log", N_("change"), AIMS_TABLE_INTERNAL, 1, NULL,
    change_log_fields, G_N_ELEMENTS (change_log_fields), NULL },
  { "ai_system", N_("AI system"), AIMS_TABLE_RECORDS, 2, "name",
    ai_system_fields, G_N_ELEMENTS (ai_system_fields), "SYS-" },
  { "data_set", N_("data set"), AIMS_TABLE_RECORDS, 3, "name",
    data_set_fields, G_N_ELEMENTS (data_set_fields), "DS-" },
  { "third_party", N_("third party"), AIMS_TABLE_RECORDS, 3, "name",
    third_party_fields, G_N_ELEMENTS (third_party_fields), "TP-" },
  { "system_data_set", N_("link between an AI system and a data set"), AIMS_TABLE_RECORDS, 3,
    NULL, system_data_set_fields, G_N_ELEMENTS (system_data_set_fields), NULL },
  { "system_third_party", N_("link between an AI system and a third party"), AIMS_TABLE_RECORDS,
    3, NULL, system_third_party_fields, G_N_ELEMENTS (system_third_party_fields), NULL },
  { "risk", N_("risk"), AIMS_TABLE_RECORDS, 4, "title",
    risk_fields, G_N_ELEMENTS (risk_fields), "R-" },
  { "risk_system", N_("link between a risk and an AI system"), AIMS_TABLE_RECORDS, 4,
    NULL, risk_system_fields, G_N_ELEMENTS (risk_system_fields), NULL },
  { "risk_control", N_("link between a risk and an Annex A control"), AIMS_TABLE_RECORDS, 4,
    NULL, risk_control_fields, G_N_ELEMENTS (risk_control_fields), NULL },
  { "treatment_action", N_("treatment action"), AIMS_TABLE_RECORDS, 4, "what",
    treatment_action_fields, G_N_ELEMENTS (treatment_action_fields), NULL },
  { "impact_assessment", N_("impact assessment"), AIMS_TABLE_RECORDS, 5, "reference",
    impact_assessment_fields, G_N_ELEMENTS (impact_assessment_fields), "IA-" },
  { "impact", N_("impact"), AIMS_TABLE_RECORDS, 5, "affected",
    impact_fields, G_N_ELEMENTS (impact_fields), NULL },
  { "impact_measure", N_("measure"), AIMS_TABLE_RECORDS, 5, "what",
    impact_measure_fields, G_N_ELEMENTS (impact_measure_fields), NULL },
  { "impact_risk", N_("link between an impact and a risk"), AIMS_TABLE_RECORDS, 5,
    NULL, impact_risk_fields, G_N_ELEMENTS (impact_risk_fields), NULL },
  { "soa_entry", N_("Statement of Applicability entry"), AIMS_TABLE_RECORDS, 6, "control",
    soa_entry_fields, G_N_ELEMENTS (soa_entry_fields), NULL },
  { "evidence", N_("evidence"), AIMS_TABLE_RECORDS, 6, "title",
    evidence_fields, G_N_ELEMENTS (evidence_fields), NULL },
  { "pdca_card", N_("board card"), AIMS_TABLE_RECORDS, 6, "title",
    pdca_card_fields, G_N_ELEMENTS (pdca_card_fields), NULL },
  { "audit", N_("audit"), AIMS_TABLE_RECORDS, 7, "title",
    audit_fields, G_N_ELEMENTS (audit_fields), "AUD-" },
  { "audit_item", N_("checklist item"), AIMS_TABLE_RECORDS, 7, "requirement",
    audit_item_fields, G_N_ELEMENTS (audit_item_fields), NULL },
  { "finding", N_("finding"), AIMS_TABLE_RECORDS, 7, "title",
    finding_fields, G_N_ELEMENTS (finding_fields), "F-" },
  { "corrective_action", N_("corrective action"), AIMS_TABLE_RECORDS, 7, "what",
    corrective_action_fields, G_N_ELEMENTS (corrective_action_fields), NULL },
  { "incident", N_("incident"), AIMS_TABLE_RECORDS, 7, "title",
    incident_fields, G_N_ELEMENTS (incident_fields), "INC-" },
  { "incident_risk", N_("link between an incident and a risk"), AIMS_TABLE_RECORDS, 7,
    NULL, incident_risk_fields, G_N_ELEMENTS (incident_risk_fields), NULL },
  { "management_review", N_("management review"), AIMS_TABLE_RECORDS, 7, "title",
    management_review_fields, G_N_ELEMENTS (management_review_fields), "MR-" },
  { "review_action", N_("review action"), AIMS_TABLE_RECORDS, 7, "what",
    review_action_fields, G_N_ELEMENTS (review_action_fields), NULL },
};

static const AimsSchemaDef default_schema = {
  AIMS_FORMAT_VERSION,
  migrations,
  tables,
  G_N_ELEMENTS (tables),
};

/* Expected sqlite_master contents, computed once per (schema, version). */
static GMutex expected_lock;
static GHashTable *expected_cache;

const AimsSchemaDef *
_aims_schema_get_default (void)
{
  return &default_schema;
}

const AimsTableInfo *
_aims_schema_def_lookup_table (const AimsSchemaDef *def,
                               const char          *name)
{
  if (name == NULL)
    return NULL;

  for (guint i = 0; i < def->n_tables; i++)
    {
      if (g_str_equal (def->tables[i].name, name))
        return &def->tables[i];
    }

  return NULL;
}

/* The largest text any column of the schema may hold. */
gsize
_aims_schema_def_max_bytes (const AimsSchemaDef *def)
{
  gsize max = 0;

  for (guint i = 0; i < def->n_tables; i++)
    for (guint j = 0; j < def->tables[i].n_fields; j++)
      max = MAX (max, def->tables[i].fields[j].max_bytes);

  return max;
}

/**
 * aims_schema_get_tables:
 * @n_tables: (out): the number of tables
 *
 * The descriptor of every table in the current file format: the only tables
 * and fields the store reads or writes.
 *
 * Returns: (transfer none) (array length=n_tables): the tables
 */
const AimsTableInfo *
aims_schema_get_tables (guint *n_tables)
{
  g_return_val_if_fail (n_tables != NULL, NULL);

  *n_tables = default_schema.n_tables;
  return default_schema.tables;
}

/**
 * aims_schema_lookup_table:
 * @name: a table name
 *
 * Returns: (transfer none) (nullable): the descriptor of @name, or %NULL if
 *   the file format has no such table
 */
const AimsTableInfo *
aims_schema_lookup_table (const char *name)
{
  return _aims_schema_def_lookup_table (&default_schema, name);
}

/**
 * aims_table_info_lookup_field:
 * @table: a table descriptor
 * @name: a column name
 *
 * Returns: (transfer none) (nullable): the descriptor of @name in @table
 */
const AimsFieldInfo *
aims_table_info_lookup_field (const AimsTableInfo *table,
                              const char          *name)
{
  g_return_val_if_fail (table != NULL, NULL);

  if (name == NULL)
    return NULL;

  /* Callers mostly pass the descriptor's own string (a record's keys are),
   * and a pointer compares faster than a string. */
  for (guint i = 0; i < table->n_fields; i++)
    {
      if (table->fields[i].name == name)
        return &table->fields[i];
    }

  for (guint i = 0; i < table->n_fields; i++)
    {
      const char *candidate = table->fields[i].name;

      if (candidate[0] == name[0] && strcmp (candidate, name) == 0)
        return &table->fields[i];
    }

  return NULL;
}

/**
 * aims_field_kind_to_string:
 * @kind: a field kind
 *
 * Returns: (transfer none): a short name of @kind ("text", "integer", …)
 */
const char *
aims_field_kind_to_string (AimsFieldKind kind)
{
  switch (kind)
    {
    case AIMS_FIELD_TEXT:
      return "text";
    case AIMS_FIELD_INTEGER:
      return "integer";
    case AIMS_FIELD_BOOLEAN:
      return "boolean";
    case AIMS_FIELD_REAL:
      return "real";
    case AIMS_FIELD_JSON:
      return "json";
    case AIMS_FIELD_ANY:
      return "any";
    default:
      g_return_val_if_reached ("unknown");
    }
}

/**
 * aims_choice_label:
 * @field: a field with choices
 * @id: (nullable): one of its choice ids
 *
 * Returns: (transfer none): the translated label of @id, or @id itself if the
 *   field has no such choice ("" for %NULL)
 */
const char *
aims_choice_label (const AimsFieldInfo *field,
                   const char          *id)
{
  g_return_val_if_fail (field != NULL, id);

  if (id == NULL)
    return "";

  for (guint i = 0; i < field->n_choices; i++)
    {
      if (g_str_equal (field->choice_list[i].id, id))
        return _(field->choice_list[i].label);
    }

  return id;
}

static gboolean
run_one_migration (const AimsSchemaDef  *def,
                   sqlite3              *db,
                   guint                 from,
                   const char           *author,
                   GError              **error)
{
  g_autofree char *pragma = NULL;
  int rc;

  if (!_aims_sqlite_exec (db, "BEGIN IMMEDIATE", error))
    return FALSE;

  rc = sqlite3_exec (db, def->migrations[from], NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      g_autofree char *what = g_strdup_printf (_("Could not upgrade the file format from %u to %u"),
                                               from, from + 1);

      _aims_sqlite_set_error (error, db, rc, what);
      goto rollback;
    }

  pragma = g_strdup_printf ("PRAGMA user_version = %u", from + 1);
  if (from == 0)
    {
      g_autofree char *app_id = g_strdup_printf ("PRAGMA application_id = %d",
                                                 (int) AIMS_APPLICATION_ID);

      if (!_aims_sqlite_exec (db, app_id, error))
        goto rollback;
    }

  if (!_aims_sqlite_exec (db, pragma, error))
    goto rollback;

  /* An existing project records its upgrade in its history; a new one has no
   * history yet. */
  if (from > 0)
    {
      g_autofree char *at = _aims_timestamp_now ();
      g_autofree char *label = g_strdup_printf (_("Upgrade the file format from %u to %u"),
                                                from, from + 1);
      sqlite3_stmt *stmt = NULL;

      rc = sqlite3_prepare_v2 (db,
                               "INSERT INTO changeset (at, author, label, kind) "
                               "VALUES (?, ?, ?, 'migration')",
                               -1, &stmt, NULL);
      if (rc == SQLITE_OK)
        {
          sqlite3_bind_text (stmt, 1, at, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 2, author != NULL ? author : "", -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 3, label, -1, SQLITE_TRANSIENT);
          rc = sqlite3_step (stmt);
          if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
        }
      sqlite3_finalize (stmt);

      if (rc != SQLITE_OK)
        {
          _aims_sqlite_set_error (error, db, rc, _("Could not record the file format upgrade"));
          goto rollback;
        }
    }

  if (!_aims_sqlite_exec (db, "COMMIT", error))
    goto rollback;

  return TRUE;

rollback:
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

/*
 * _aims_schema_migrate:
 * @target: the format to reach (normally def->version)
 * @author: recorded on the upgrade's changeset
 *
 * Brings a database we trust (a new file, or a working copy whose original
 * passed the checks) to @target, one transaction per step, so a failure leaves
 * it at the last complete format.
 */
gboolean
_aims_schema_migrate (const AimsSchemaDef  *def,
                      sqlite3              *db,
                      guint                 target,
                      const char           *author,
                      GError              **error)
{
  gint64 version = 0;
  gint64 app_id = 0;

  g_assert (target <= def->version);

  if (!_aims_sqlite_query_int (db, "PRAGMA user_version", &version, error) ||
      !_aims_sqlite_query_int (db, "PRAGMA application_id", &app_id, error))
    return FALSE;

  if (version == 0)
    {
      gint64 n_objects = 0;

      if (!_aims_sqlite_query_int (db, "SELECT count(*) FROM sqlite_master", &n_objects, error))
        return FALSE;

      /* Never build a project inside somebody else's database. */
      if (n_objects != 0)
        {
          g_set_error (error, AIMS_STORE_ERROR, AIMS_STORE_ERROR_FAILED,
                       _("The database already holds tables that are not part of an AIMS "
                         "project."));
          return FALSE;
        }
    }
  else if (app_id != AIMS_APPLICATION_ID)
    {
      g_set_error (error, AIMS_STORE_ERROR, AIMS_STORE_ERROR_FAILED,
                   _("The database is not an AIMS project."));
      return FALSE;
    }
  else if (version > target)
    {
      g_set_error (error, AIMS_STORE_ERROR, AIMS_STORE_ERROR_FAILED,
                   _("The database has file format %u; this version reads up to format %u."),
                   (guint) version, target);
      return FALSE;
    }

  for (guint v = version; v < target; v++)
    {
      if (!run_one_migration (def, db, v, author, error))
        return FALSE;
    }

  return TRUE;
}

void
_aims_schema_object_free (AimsSchemaObject *object)
{
  if (object == NULL)
    return;

  g_free (object->type);
  g_free (object->name);
  g_free (object->tbl_name);
  g_free (object->sql);
  g_free (object);
}

/* Copies a column with its exact length, so embedded NULs cannot hide
 * anything from the comparison. */
static char *
dup_column (sqlite3_stmt *stmt,
            int           column,
            gsize        *len)
{
  const char *text;
  int n;

  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    {
      if (len != NULL)
        *len = 0;
      return NULL;
    }

  text = (const char *) sqlite3_column_text (stmt, column);
  n = sqlite3_column_bytes (stmt, column);
  if (len != NULL)
    *len = n;

  return text != NULL ? g_strndup (text, n) : g_strdup ("");
}

/*
 * _aims_schema_read_objects:
 *
 * Returns: (transfer full) (element-type AimsSchemaObject): every row of
 *   sqlite_master, in a stable order
 */
GPtrArray *
_aims_schema_read_objects (sqlite3  *db,
                           GError  **error)
{
  g_autoptr(GPtrArray) objects = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  objects = g_ptr_array_new_with_free_func ((GDestroyNotify) _aims_schema_object_free);
  rc = sqlite3_prepare_v2 (db,
                           "SELECT type, name, tbl_name, sql FROM sqlite_master "
                           "ORDER BY type, name",
                           -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _aims_sqlite_set_error (error, db, rc, _("Could not read the list of tables"));
      return NULL;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AimsSchemaObject *object = g_new0 (AimsSchemaObject, 1);

      object->type = dup_column (stmt, 0, NULL);
      object->name = dup_column (stmt, 1, &object->name_len);
      object->tbl_name = dup_column (stmt, 2, &object->tbl_name_len);
      object->sql = dup_column (stmt, 3, &object->sql_len);
      if (object->type == NULL)
        object->type = g_strdup ("");
      if (object->name == NULL)
        object->name = g_strdup ("");
      if (object->tbl_name == NULL)
        object->tbl_name = g_strdup ("");

      g_ptr_array_add (objects, object);
    }

  if (rc != SQLITE_DONE)
    {
      _aims_sqlite_set_error (error, db, rc, _("Could not read the list of tables"));
      sqlite3_finalize (stmt);
      return NULL;
    }

  sqlite3_finalize (stmt);
  return g_steal_pointer (&objects);
}

static GPtrArray *
compute_expected (const AimsSchemaDef  *def,
                  guint                 version,
                  GError              **error)
{
  sqlite3 *db = NULL;
  GPtrArray *objects = NULL;
  int rc;

  rc = sqlite3_open_v2 (":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK)
    {
      _aims_sqlite_set_error (error, db, rc, _("Could not create a database in memory"));
      sqlite3_close (db);
      return NULL;
    }

  if (_aims_schema_migrate (def, db, version, NULL, error))
    objects = _aims_schema_read_objects (db, error);

  sqlite3_close (db);
  return objects;
}

/*
 * _aims_schema_get_expected:
 *
 * What sqlite_master holds in a file of format @version: exactly what running
 * migrations 1 … @version on an empty database produces. Computed once.
 *
 * Returns: (transfer none) (element-type AimsSchemaObject): the objects
 */
const GPtrArray *
_aims_schema_get_expected (const AimsSchemaDef  *def,
                           guint                 version,
                           GError              **error)
{
  g_autofree char *key = NULL;
  GPtrArray *objects;

  g_return_val_if_fail (version >= 1 && version <= def->version, NULL);

  key = g_strdup_printf ("%p:%u", (gconstpointer) def, version);

  g_mutex_lock (&expected_lock);

  if (expected_cache == NULL)
    expected_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) g_ptr_array_unref);

  objects = g_hash_table_lookup (expected_cache, key);
  if (objects == NULL)
    {
      objects = compute_expected (def, version, error);
      if (objects != NULL)
        g_hash_table_insert (expected_cache, g_steal_pointer (&key), objects);
    }

  g_mutex_unlock (&expected_lock);

  return objects;
}
