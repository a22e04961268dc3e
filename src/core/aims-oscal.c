/* aims-oscal.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aims-oscal"

#include "config.h"

#include "aims-oscal.h"

#include "aims-catalog-item.h"
#include "aims-document.h"
#include "aims-export.h"
#include "aims-soa.h"
#include "aims-sqlite-private.h"
#include "aims-store-private.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

/*
 * OSCAL 1.1.2 (NIST's Open Security Controls Assessment Language) documents of
 * a project, validated in the tests against NIST's JSON schema.
 *
 * - component-definition and ssp: the Statement of Applicability. Every
 *   Annex A control of the bundled catalogue is an implemented requirement
 *   named by its id ("A.6.2.4"), with "how implemented" as its statement,
 *   the decision and the implementation status as props, and its owner as
 *   the party in the role "control-owner".
 * - assessment-results: one result per internal audit (and one for findings
 *   raised outside an audit), the audit's findings with their target, and
 *   their corrective actions as a risk's remediations with the due date as a
 *   milestone.
 * - poam: one item per open corrective action (planned or in progress).
 *
 * Every uuid is a version 5 uuid of the record's own uuid (or of the control
 * id), so the same project always gives the same document. OSCAL tokens may
 * not start with a digit: a clause id ("9.2.2") becomes "clause-9.2.2".
 * Props outside OSCAL's own vocabulary carry our namespace.
 */

#define AIMS_NS "https://aimsworkbench.github.io/ns/oscal"

/* A fixed namespace for our version 5 uuids: uuid5(NAMESPACE_URL, AIMS_NS). */
static const guint8 uuid_namespace[16] = {
  0x4c, 0x6b, 0x3a, 0x2e, 0x91, 0x0d, 0x5f, 0x1a,
  0x8e, 0x27, 0x63, 0xd4, 0x0b, 0x9c, 0x51, 0xf8,
};

G_DEFINE_QUARK (aims-oscal-error-quark, aims_oscal_error)

static const char * const kind_names[] = {
  "component-definition",
  "ssp",
  "assessment-results",
  "poam",
};

/**
 * aims_oscal_kind_from_string:
 * @name: "component-definition", "ssp", "assessment-results" or "poam"
 * @kind: (out): the kind
 *
 * Returns: %TRUE if @name is a kind
 */
gboolean
aims_oscal_kind_from_string (const char    *name,
                             AimsOscalKind *kind)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (kind_names); i++)
    if (g_str_equal (name, kind_names[i]))
      {
        *kind = (AimsOscalKind) i;
        return TRUE;
      }

  return FALSE;
}

/**
 * aims_oscal_kind_to_string:
 * @kind: a kind
 *
 * Returns: (transfer none): its name, as the command line takes it
 */
const char *
aims_oscal_kind_to_string (AimsOscalKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (kind_names), NULL);

  return kind_names[kind];
}

/**
 * aims_oscal_uuid_v5:
 * @name: any text
 *
 * Returns: (transfer full): the version 5 uuid (RFC 4122) of @name in the
 *   namespace of AIMS Workbench's OSCAL documents
 */
char *
aims_oscal_uuid_v5 (const char *name)
{
  g_autoptr(GChecksum) sha1 = g_checksum_new (G_CHECKSUM_SHA1);
  guint8 digest[20];
  gsize len = sizeof digest;

  g_return_val_if_fail (name != NULL, NULL);

  g_checksum_update (sha1, uuid_namespace, sizeof uuid_namespace);
  g_checksum_update (sha1, (const guchar *) name, strlen (name));
  g_checksum_get_digest (sha1, digest, &len);

  digest[6] = (digest[6] & 0x0f) | 0x50;
  digest[8] = (digest[8] & 0x3f) | 0x80;

  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
                          "%02x%02x%02x%02x%02x%02x",
                          digest[0], digest[1], digest[2], digest[3], digest[4], digest[5],
                          digest[6], digest[7], digest[8], digest[9], digest[10], digest[11],
                          digest[12], digest[13], digest[14], digest[15]);
}

static void
add_uuid (JsonBuilder *builder,
          const char  *member,
          const char  *prefix,
          const char  *name)
{
  g_autofree char *key = g_strconcat (prefix, ":", name, NULL);
  g_autofree char *uuid = aims_oscal_uuid_v5 (key);

  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, uuid);
}

/* OSCAL's string type has no leading or trailing space and is not empty. */
static char *
oscal_string (const char *text,
              const char *fallback)
{
  g_autofree char *copy = g_strdup (text != NULL ? text : "");

  g_strstrip (copy);
  for (char *p = copy; *p != '\0'; p++)
    if (*p == '\n' || *p == '\r' || *p == '\t')
      *p = ' ';

  if (*copy == '\0')
    return g_strdup (fallback);

  return g_steal_pointer (&copy);
}

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *text,
            const char  *fallback)
{
  g_autofree char *value = oscal_string (text, fallback);

  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value);
}

/* Markup text (descriptions, statements) may be empty or multi-line. */
static void
add_text (JsonBuilder *builder,
          const char  *member,
          const char  *text)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, text != NULL ? text : "");
}

static void
add_prop (JsonBuilder *builder,
          const char  *name,
          const char  *value)
{
  g_autofree char *clean = oscal_string (value, NULL);

  if (clean == NULL)
    return;

  json_builder_begin_object (builder);
  add_string (builder, "name", name, NULL);
  add_string (builder, "ns", AIMS_NS, NULL);
  add_string (builder, "value", clean, NULL);
  json_builder_end_object (builder);
}

/* A catalogue id as an OSCAL token: clause ids start with a digit. */
static char *
control_token (const char *id)
{
  if (id == NULL || *id == '\0')
    return g_strdup ("aims-management-system");
  if (g_ascii_isalpha (*id) || *id == '_')
    return g_strdup (id);
  return g_strconcat ("clause-", id, NULL);
}

/* "YYYY-MM-DD" (or an ISO 8601 time in UTC) as an OSCAL date-time, or NULL. */
static char *
oscal_datetime (const char *text)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *full = NULL;

  if (text == NULL || *text == '\0')
    return NULL;

  if (strlen (text) == 10)
    full = g_strconcat (text, "T00:00:00Z", NULL);
  else
    full = g_strdup (text);

  dt = g_date_time_new_from_iso8601 (full, NULL);
  if (dt == NULL || g_date_time_get_year (dt) < 1900 || g_date_time_get_year (dt) > 2999)
    return NULL;

  return g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ");
}

typedef struct
{
  char *uuid;
  char *organisation;
  char *scope;
  char *modified;
  char *created;
} Project;

static void
project_clear (Project *project)
{
  g_free (project->uuid);
  g_free (project->organisation);
  g_free (project->scope);
  g_free (project->modified);
  g_free (project->created);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Project, project_clear)

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return g_strdup (text != NULL ? text : "");
}

static gboolean
load_project (sqlite3  *db,
              Project  *project,
              GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "SELECT uuid, organisation, scope, modified, created FROM project",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);

  if (rc != SQLITE_ROW)
    {
      _aims_sqlite_set_error (error, db, rc, _("Could not read the project"));
      sqlite3_finalize (stmt);
      return FALSE;
    }

  project->uuid = column_dup (stmt, 0);
  project->organisation = column_dup (stmt, 1);
  project->scope = column_dup (stmt, 2);
  project->modified = column_dup (stmt, 3);
  project->created = column_dup (stmt, 4);
  sqlite3_finalize (stmt);
  return TRUE;
}

/* The owners of the controls and actions, as parties in a stable order. */
static void
add_party (GPtrArray  *parties,
           const char *name)
{
  g_autofree char *clean = oscal_string (name, NULL);

  if (clean != NULL && !g_ptr_array_find_with_equal_func (parties, clean, g_str_equal, NULL))
    g_ptr_array_add (parties, g_steal_pointer (&clean));
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
add_metadata (JsonBuilder  *builder,
              Project      *project,
              const char   *title,
              GPtrArray    *parties,
              const char   *role_id,
              const char   *role_title)
{
  g_autofree char *modified = oscal_datetime (project->modified);

  json_builder_set_member_name (builder, "metadata");
  json_builder_begin_object (builder);
  add_string (builder, "title", title, NULL);
  add_string (builder, "last-modified", modified, "2000-01-01T00:00:00Z");
  add_string (builder, "version", project->modified, "1");
  add_string (builder, "oscal-version", AIMS_OSCAL_VERSION, NULL);

  if (role_id != NULL)
    {
      json_builder_set_member_name (builder, "roles");
      json_builder_begin_array (builder);
      json_builder_begin_object (builder);
      add_string (builder, "id", role_id, NULL);
      add_string (builder, "title", role_title, NULL);
      json_builder_end_object (builder);
      json_builder_end_array (builder);
    }

  if (parties != NULL && parties->len > 0)
    {
      g_ptr_array_sort (parties, compare_names);
      json_builder_set_member_name (builder, "parties");
      json_builder_begin_array (builder);
      for (guint i = 0; i < parties->len; i++)
        {
          json_builder_begin_object (builder);
          add_uuid (builder, "uuid", "party", g_ptr_array_index (parties, i));
          add_string (builder, "type", "person", NULL);
          add_string (builder, "name", g_ptr_array_index (parties, i), NULL);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }

  json_builder_end_object (builder);
}

static void
add_responsible_role (JsonBuilder *builder,
                      const char  *role_id,
                      const char  *owner)
{
  g_autofree char *clean = oscal_string (owner, NULL);

  if (clean == NULL)
    return;

  json_builder_set_member_name (builder, "responsible-roles");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  add_string (builder, "role-id", role_id, NULL);
  json_builder_set_member_name (builder, "party-uuids");
  json_builder_begin_array (builder);
  {
    g_autofree char *key = g_strconcat ("party:", clean, NULL);
    g_autofree char *uuid = aims_oscal_uuid_v5 (key);

    json_builder_add_string_value (builder, uuid);
  }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
}

static const char *
applicability_value (AimsSoaEntry *entry)
{
  const char *value = aims_soa_entry_get_applicability (entry);

  return value != NULL && *value != '\0' ? value : "undecided";
}

/* OSCAL's implementation states for ours; "not-started" has none. */
static const char *
implementation_state (AimsSoaEntry *entry)
{
  const char *value = aims_soa_entry_get_implementation (entry);

  if (aims_soa_entry_is_excluded (entry))
    return "not-applicable";
  if (g_strcmp0 (value, "not-started") == 0)
    return "planned";
  return value;
}

static char *
requirement_statement (AimsSoaEntry *entry)
{
  const char *how = aims_soa_entry_get_how_implemented (entry);
  const char *why = aims_soa_entry_get_justification (entry);

  if (how != NULL && *how != '\0')
    return g_strdup (how);
  if (why != NULL && *why != '\0')
    return g_strdup (why);
  return g_strdup (_("Not described yet."));
}

static char *
requirement_key (AimsSoaEntry *entry)
{
  const char *uuid = aims_soa_entry_get_uuid (entry);

  if (uuid != NULL && *uuid != '\0')
    return g_strconcat ("soa_entry:", uuid, NULL);
  return g_strconcat ("control:", aims_soa_entry_get_control_id (entry), NULL);
}

static void
add_requirement_props (JsonBuilder  *builder,
                       AimsSoaEntry *entry)
{
  json_builder_set_member_name (builder, "props");
  json_builder_begin_array (builder);
  add_prop (builder, "applicability", applicability_value (entry));
  add_prop (builder, "implementation", aims_soa_entry_get_implementation (entry));
  add_prop (builder, "last-reviewed", aims_soa_entry_get_last_reviewed (entry));
  json_builder_end_array (builder);
}

static void
add_back_matter (JsonBuilder *builder,
                 const char  *catalog_uuid)
{
  json_builder_set_member_name (builder, "back-matter");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "resources");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  add_string (builder, "uuid", catalog_uuid, NULL);
  add_string (builder, "title", "ISO/IEC 42001:2023, Annex A: Reference control objectives and "
                                "controls", NULL);
  json_builder_set_member_name (builder, "rlinks");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  add_string (builder, "href", "https://www.iso.org/standard/81230.html", NULL);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static void
collect_owners (GPtrArray *entries,
                GPtrArray *parties)
{
  for (guint i = 0; i < entries->len; i++)
    add_party (parties, aims_soa_entry_get_owner (g_ptr_array_index (entries, i)));
}

static void
build_component_definition (JsonBuilder *builder,
                            Project     *project,
                            GPtrArray   *entries)
{
  g_autoptr(GPtrArray) parties = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *catalog_uuid = NULL;
  g_autofree char *title = NULL;
  g_autofree char *source = NULL;

  {
    g_autofree char *key = g_strconcat ("catalog:", project->uuid, NULL);

    catalog_uuid = aims_oscal_uuid_v5 (key);
    source = g_strconcat ("#", catalog_uuid, NULL);
  }

  collect_owners (entries, parties);
  title = g_strdup_printf (_("%s: Statement of Applicability (ISO/IEC 42001)"),
                           *project->organisation != '\0' ? project->organisation
                                                          : _("AI management system"));

  json_builder_set_member_name (builder, "component-definition");
  json_builder_begin_object (builder);
  add_uuid (builder, "uuid", "component-definition", project->uuid);
  add_metadata (builder, project, title, parties, "control-owner", _("Control owner"));

  json_builder_set_member_name (builder, "components");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  add_uuid (builder, "uuid", "component", project->uuid);
  add_string (builder, "type", "this-system", NULL);
  add_string (builder, "title", project->organisation, _("AI management system"));
  add_text (builder, "description", project->scope);

  json_builder_set_member_name (builder, "control-implementations");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  add_uuid (builder, "uuid", "control-implementation", project->uuid);
  add_string (builder, "source", source, NULL);
  add_text (builder, "description",
            _("The ISO/IEC 42001 Annex A controls as the Statement of Applicability records "
              "them."));
  json_builder_set_member_name (builder, "implemented-requirements");
  json_builder_begin_array (builder);
  for (guint i = 0; i < entries->len; i++)
    {
      AimsSoaEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *key = requirement_key (entry);
      g_autofree char *statement = requirement_statement (entry);
      const char *why = aims_soa_entry_get_justification (entry);

      json_builder_begin_object (builder);
      add_uuid (builder, "uuid", "implemented-requirement", key);
      add_string (builder, "control-id", aims_soa_entry_get_control_id (entry), NULL);
      add_text (builder, "description", statement);
      add_requirement_props (builder, entry);
      add_responsible_role (builder, "control-owner", aims_soa_entry_get_owner (entry));
      if (why != NULL && *why != '\0')
        add_text (builder, "remarks", why);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  json_builder_end_array (builder);

  json_builder_end_object (builder);
  json_builder_end_array (builder);

  add_back_matter (builder, catalog_uuid);
  json_builder_end_object (builder);
}

static void
build_ssp (JsonBuilder *builder,
           Project     *project,
           GPtrArray   *entries)
{
  g_autoptr(GPtrArray) parties = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *catalog_uuid = NULL;
  g_autofree char *component_uuid = NULL;
  g_autofree char *title = NULL;
  g_autofree char *source = NULL;

  {
    g_autofree char *key = g_strconcat ("catalog:", project->uuid, NULL);
    g_autofree char *component_key = g_strconcat ("component:", project->uuid, NULL);

    catalog_uuid = aims_oscal_uuid_v5 (key);
    component_uuid = aims_oscal_uuid_v5 (component_key);
    source = g_strconcat ("#", catalog_uuid, NULL);
  }

  collect_owners (entries, parties);
  title = g_strdup_printf (_("%s: AI management system plan (ISO/IEC 42001)"),
                           *project->organisation != '\0' ? project->organisation
                                                          : _("AI management system"));

  json_builder_set_member_name (builder, "system-security-plan");
  json_builder_begin_object (builder);
  add_uuid (builder, "uuid", "system-security-plan", project->uuid);
  add_metadata (builder, project, title, parties, "control-owner", _("Control owner"));

  json_builder_set_member_name (builder, "import-profile");
  json_builder_begin_object (builder);
  add_string (builder, "href", source, NULL);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "system-characteristics");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "system-ids");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  add_string (builder, "identifier-type", "https://ietf.org/rfc/rfc4122", NULL);
  add_string (builder, "id", project->uuid, NULL);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  add_string (builder, "system-name", project->organisation, _("AI management system"));
  add_text (builder, "description", project->scope);
  json_builder_set_member_name (builder, "system-information");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "information-types");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  add_uuid (builder, "uuid", "information-type", project->uuid);
  add_string (builder, "title", _("Records of the AI management system"), NULL);
  add_text (builder, "description",
            _("AI systems, data sets, risks, impact assessments and the Statement of "
              "Applicability."));
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "status");
  json_builder_begin_object (builder);
  add_string (builder, "state", "operational", NULL);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "authorization-boundary");
  json_builder_begin_object (builder);
  add_text (builder, "description", *project->scope != '\0' ? project->scope
                                                            : _("Not described yet."));
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "system-implementation");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "users");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  add_uuid (builder, "uuid", "user", project->uuid);
  add_string (builder, "title", _("Control owners"), NULL);
  json_builder_set_member_name (builder, "role-ids");
  json_builder_begin_array (builder);
  json_builder_add_string_value (builder, "control-owner");
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "components");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  add_string (builder, "uuid", component_uuid, NULL);
  add_string (builder, "type", "this-system", NULL);
  add_string (builder, "title", project->organisation, _("AI management system"));
  add_text (builder, "description", project->scope);
  json_builder_set_member_name (builder, "status");
  json_builder_begin_object (builder);
  add_string (builder, "state", "operational", NULL);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "control-implementation");
  json_builder_begin_object (builder);
  add_text (builder, "description",
            _("The ISO/IEC 42001 Annex A controls as the Statement of Applicability records "
              "them."));
  json_builder_set_member_name (builder, "implemented-requirements");
  json_builder_begin_array (builder);
  for (guint i = 0; i < entries->len; i++)
    {
      AimsSoaEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *key = requirement_key (entry);
      g_autofree char *statement = requirement_statement (entry);
      const char *why = aims_soa_entry_get_justification (entry);

      json_builder_begin_object (builder);
      add_uuid (builder, "uuid", "implemented-requirement", key);
      add_string (builder, "control-id", aims_soa_entry_get_control_id (entry), NULL);
      add_requirement_props (builder, entry);
      add_responsible_role (builder, "control-owner", aims_soa_entry_get_owner (entry));
      json_builder_set_member_name (builder, "by-components");
      json_builder_begin_array (builder);
      json_builder_begin_object (builder);
      add_string (builder, "component-uuid", component_uuid, NULL);
      add_uuid (builder, "uuid", "by-component", key);
      add_text (builder, "description", statement);
      json_builder_set_member_name (builder, "implementation-status");
      json_builder_begin_object (builder);
      add_string (builder, "state", implementation_state (entry), NULL);
      json_builder_end_object (builder);
      json_builder_end_object (builder);
      json_builder_end_array (builder);
      if (why != NULL && *why != '\0')
        add_text (builder, "remarks", why);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  add_back_matter (builder, catalog_uuid);
  json_builder_end_object (builder);
}

/* Findings and their actions, read straight from the tables of format 7. */
typedef struct
{
  char *uuid;
  char *reference;
  char *audit;
  char *kind;
  char *severity;
  char *requirement;
  char *title;
  char *description;
  char *root_cause;
  char *raised_on;
  char *status;
  GPtrArray *actions;
} Finding;

typedef struct
{
  char *uuid;
  char *what;
  char *owner;
  char *due_date;
  char *status;
  char *completed_on;
} Action;

static void
action_free (Action *action)
{
  g_free (action->uuid);
  g_free (action->what);
  g_free (action->owner);
  g_free (action->due_date);
  g_free (action->status);
  g_free (action->completed_on);
  g_free (action);
}

static void
finding_free (Finding *finding)
{
  g_free (finding->uuid);
  g_free (finding->reference);
  g_free (finding->audit);
  g_free (finding->kind);
  g_free (finding->severity);
  g_free (finding->requirement);
  g_free (finding->title);
  g_free (finding->description);
  g_free (finding->root_cause);
  g_free (finding->raised_on);
  g_free (finding->status);
  g_clear_pointer (&finding->actions, g_ptr_array_unref);
  g_free (finding);
}

static GPtrArray *
load_findings (sqlite3  *db,
               GError  **error)
{
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func ((GDestroyNotify) finding_free);
  g_autoptr(GHashTable) by_uuid = g_hash_table_new (g_str_hash, g_str_equal);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db,
                           "SELECT uuid, reference, ifnull (audit, ''), kind, severity, "
                           "requirement, title, description, root_cause, raised_on, status "
                           "FROM finding ORDER BY reference, uuid",
                           -1, &stmt, NULL);
  while (stmt != NULL && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Finding *finding = g_new0 (Finding, 1);

      finding->uuid = column_dup (stmt, 0);
      finding->reference = column_dup (stmt, 1);
      finding->audit = column_dup (stmt, 2);
      finding->kind = column_dup (stmt, 3);
      finding->severity = column_dup (stmt, 4);
      finding->requirement = column_dup (stmt, 5);
      finding->title = column_dup (stmt, 6);
      finding->description = column_dup (stmt, 7);
      finding->root_cause = column_dup (stmt, 8);
      finding->raised_on = column_dup (stmt, 9);
      finding->status = column_dup (stmt, 10);
      finding->actions = g_ptr_array_new_with_free_func ((GDestroyNotify) action_free);
      g_hash_table_insert (by_uuid, finding->uuid, finding);
      g_ptr_array_add (findings, finding);
    }
  sqlite3_finalize (stmt);
  stmt = NULL;

  if (rc == SQLITE_DONE)
    rc = sqlite3_prepare_v2 (db,
                             "SELECT uuid, finding, what, owner, due_date, status, completed_on "
                             "FROM corrective_action ORDER BY due_date = '', due_date, uuid",
                             -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          Finding *finding = g_hash_table_lookup (by_uuid, sqlite3_column_text (stmt, 1));
          Action *action;

          if (finding == NULL)
            continue;

          action = g_new0 (Action, 1);
          action->uuid = column_dup (stmt, 0);
          action->what = column_dup (stmt, 2);
          action->owner = column_dup (stmt, 3);
          action->due_date = column_dup (stmt, 4);
          action->status = column_dup (stmt, 5);
          action->completed_on = column_dup (stmt, 6);
          g_ptr_array_add (finding->actions, action);
        }
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      _aims_sqlite_set_error (error, db, rc, _("Could not read the findings"));
      return NULL;
    }

  return g_steal_pointer (&findings);
}

static gboolean
action_is_open (Action *action)
{
  return g_str_equal (action->status, "planned") || g_str_equal (action->status, "in-progress");
}

static void
add_remediation (JsonBuilder *builder,
                 Action      *action)
{
  g_autofree char *due = oscal_datetime (action->due_date);

  json_builder_begin_object (builder);
  add_uuid (builder, "uuid", "remediation", action->uuid);
  add_string (builder, "lifecycle", g_str_equal (action->status, "done") ? "completed" : "planned",
              NULL);
  add_string (builder, "title", action->what, _("Corrective action"));
  add_text (builder, "description", action->what);
  json_builder_set_member_name (builder, "props");
  json_builder_begin_array (builder);
  add_prop (builder, "status", action->status);
  add_prop (builder, "completed-on", action->completed_on);
  json_builder_end_array (builder);
  if (due != NULL)
    {
      json_builder_set_member_name (builder, "tasks");
      json_builder_begin_array (builder);
      json_builder_begin_object (builder);
      add_uuid (builder, "uuid", "task", action->uuid);
      add_string (builder, "type", "milestone", NULL);
      add_string (builder, "title", _("Due"), NULL);
      json_builder_set_member_name (builder, "timing");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "on-date");
      json_builder_begin_object (builder);
      add_string (builder, "date", due, NULL);
      json_builder_end_object (builder);
      json_builder_end_object (builder);
      json_builder_end_object (builder);
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);
}

/* A finding's actions as the remediations of one risk; @open_only for the
 * plan of action. */
static void
add_risk (JsonBuilder *builder,
          Finding     *finding,
          gboolean     open_only)
{
  gboolean any = FALSE;

  json_builder_begin_object (builder);
  add_uuid (builder, "uuid", "risk", finding->uuid);
  add_string (builder, "title", finding->title, finding->reference);
  add_text (builder, "description", *finding->root_cause != '\0' ? finding->root_cause
                                                                : finding->description);
  add_text (builder, "statement", finding->description);
  add_string (builder, "status", g_str_equal (finding->status, "closed") ? "closed" : "open",
              NULL);

  for (guint i = 0; i < finding->actions->len; i++)
    any = any || !open_only || action_is_open (g_ptr_array_index (finding->actions, i));

  if (any)
    {
      json_builder_set_member_name (builder, "remediations");
      json_builder_begin_array (builder);
      for (guint i = 0; i < finding->actions->len; i++)
        {
          Action *action = g_ptr_array_index (finding->actions, i);

          if (!open_only || action_is_open (action))
            add_remediation (builder, action);
        }
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);
}

static void
add_related_risk (JsonBuilder *builder,
                  Finding     *finding)
{
  g_autofree char *key = g_strconcat ("risk:", finding->uuid, NULL);
  g_autofree char *uuid = aims_oscal_uuid_v5 (key);

  json_builder_set_member_name (builder, "related-risks");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  add_string (builder, "risk-uuid", uuid, NULL);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
}

static void
add_finding (JsonBuilder *builder,
             Finding     *finding)
{
  g_autofree char *target = control_token (finding->requirement);

  json_builder_begin_object (builder);
  add_uuid (builder, "uuid", "finding", finding->uuid);
  add_string (builder, "title", finding->title, finding->reference);
  add_text (builder, "description", finding->description);
  json_builder_set_member_name (builder, "props");
  json_builder_begin_array (builder);
  add_prop (builder, "reference", finding->reference);
  add_prop (builder, "kind", finding->kind);
  add_prop (builder, "severity", finding->severity);
  add_prop (builder, "raised-on", finding->raised_on);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "target");
  json_builder_begin_object (builder);
  add_string (builder, "type", "objective-id", NULL);
  add_string (builder, "target-id", target, NULL);
  json_builder_set_member_name (builder, "status");
  json_builder_begin_object (builder);
  add_string (builder, "state", g_str_equal (finding->status, "closed") ? "satisfied"
                                                                        : "not-satisfied", NULL);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  if (finding->actions->len > 0)
    add_related_risk (builder, finding);
  json_builder_end_object (builder);
}

typedef struct
{
  char *uuid;
  char *reference;
  char *title;
  char *scope;
  char *criteria;
  char *start;
  char *end;
  char *created;
} Audit;

static void
audit_free (Audit *audit)
{
  g_free (audit->uuid);
  g_free (audit->reference);
  g_free (audit->title);
  g_free (audit->scope);
  g_free (audit->criteria);
  g_free (audit->start);
  g_free (audit->end);
  g_free (audit->created);
  g_free (audit);
}

static GPtrArray *
load_audits (sqlite3  *db,
             GError  **error)
{
  g_autoptr(GPtrArray) audits = g_ptr_array_new_with_free_func ((GDestroyNotify) audit_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db,
                           "SELECT uuid, reference, title, scope, criteria, start_date, "
                           "end_date, created FROM audit ORDER BY reference, uuid",
                           -1, &stmt, NULL);
  while (stmt != NULL && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Audit *audit = g_new0 (Audit, 1);

      audit->uuid = column_dup (stmt, 0);
      audit->reference = column_dup (stmt, 1);
      audit->title = column_dup (stmt, 2);
      audit->scope = column_dup (stmt, 3);
      audit->criteria = column_dup (stmt, 4);
      audit->start = column_dup (stmt, 5);
      audit->end = column_dup (stmt, 6);
      audit->created = column_dup (stmt, 7);
      g_ptr_array_add (audits, audit);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      _aims_sqlite_set_error (error, db, rc, _("Could not read the audits"));
      return NULL;
    }

  return g_steal_pointer (&audits);
}

static void
add_reviewed_controls (JsonBuilder *builder,
                       const char  *scope_json)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  JsonNode *root;

  if (scope_json != NULL && json_parser_load_from_data (parser, scope_json, -1, NULL) &&
      (root = json_parser_get_root (parser)) != NULL && JSON_NODE_HOLDS_ARRAY (root))
    {
      JsonArray *array = json_node_get_array (root);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *node = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING &&
              *json_node_get_string (node) != '\0')
            g_ptr_array_add (ids, control_token (json_node_get_string (node)));
        }
    }

  json_builder_set_member_name (builder, "reviewed-controls");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "control-selections");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  if (ids->len == 0)
    {
      json_builder_set_member_name (builder, "include-all");
      json_builder_begin_object (builder);
      json_builder_end_object (builder);
    }
  else
    {
      json_builder_set_member_name (builder, "include-controls");
      json_builder_begin_array (builder);
      for (guint i = 0; i < ids->len; i++)
        {
          json_builder_begin_object (builder);
          add_string (builder, "control-id", g_ptr_array_index (ids, i), NULL);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

/* One result: an audit's findings, or (@audit NULL) those raised outside
 * any audit. */
static void
add_result (JsonBuilder *builder,
            Project     *project,
            Audit       *audit,
            GPtrArray   *findings)
{
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  const char *audit_uuid = audit != NULL ? audit->uuid : "";
  gboolean any = FALSE;
  gboolean any_risk = FALSE;

  start = oscal_datetime (audit != NULL ? audit->start : NULL);
  if (start == NULL)
    start = oscal_datetime (audit != NULL ? audit->created : project->created);
  end = oscal_datetime (audit != NULL ? audit->end : NULL);

  for (guint i = 0; i < findings->len; i++)
    {
      Finding *finding = g_ptr_array_index (findings, i);

      if (g_str_equal (finding->audit, audit_uuid))
        {
          any = TRUE;
          any_risk = any_risk || finding->actions->len > 0;
        }
    }

  if (audit == NULL && !any)
    return;

  json_builder_begin_object (builder);
  add_uuid (builder, "uuid", "result", audit != NULL ? audit->uuid : project->uuid);
  if (audit != NULL)
    {
      g_autofree char *title = g_strdup_printf ("%s %s", audit->reference, audit->title);

      add_string (builder, "title", title, audit->reference);
      add_text (builder, "description", audit->criteria);
    }
  else
    {
      add_string (builder, "title", _("Findings raised outside an audit"), NULL);
      add_text (builder, "description", "");
    }
  add_string (builder, "start", start, "2000-01-01T00:00:00Z");
  if (end != NULL)
    add_string (builder, "end", end, NULL);
  add_reviewed_controls (builder, audit != NULL ? audit->scope : NULL);

  if (any)
    {
      json_builder_set_member_name (builder, "findings");
      json_builder_begin_array (builder);
      for (guint i = 0; i < findings->len; i++)
        {
          Finding *finding = g_ptr_array_index (findings, i);

          if (g_str_equal (finding->audit, audit_uuid))
            add_finding (builder, finding);
        }
      json_builder_end_array (builder);
    }

  if (any_risk)
    {
      json_builder_set_member_name (builder, "risks");
      json_builder_begin_array (builder);
      for (guint i = 0; i < findings->len; i++)
        {
          Finding *finding = g_ptr_array_index (findings, i);

          if (g_str_equal (finding->audit, audit_uuid) && finding->actions->len > 0)
            add_risk (builder, finding, FALSE);
        }
      json_builder_end_array (builder);
    }

  json_builder_end_object (builder);
}

static void
collect_action_owners (GPtrArray *findings,
                       GPtrArray *parties,
                       gboolean   open_only)
{
  for (guint i = 0; i < findings->len; i++)
    {
      Finding *finding = g_ptr_array_index (findings, i);

      for (guint j = 0; j < finding->actions->len; j++)
        {
          Action *action = g_ptr_array_index (finding->actions, j);

          if (!open_only || action_is_open (action))
            add_party (parties, action->owner);
        }
    }
}

static gboolean
build_assessment_results (JsonBuilder  *builder,
                          Project      *project,
                          sqlite3      *db,
                          GError      **error)
{
  g_autoptr(GPtrArray) findings = load_findings (db, error);
  g_autoptr(GPtrArray) audits = NULL;
  g_autoptr(GPtrArray) parties = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *title = NULL;
  g_autofree char *plan = NULL;

  if (findings == NULL || (audits = load_audits (db, error)) == NULL)
    return FALSE;

  {
    g_autofree char *key = g_strconcat ("assessment-plan:", project->uuid, NULL);
    g_autofree char *uuid = aims_oscal_uuid_v5 (key);

    plan = g_strconcat ("#", uuid, NULL);
  }

  collect_action_owners (findings, parties, FALSE);
  title = g_strdup_printf (_("%s: internal audit results (ISO/IEC 42001)"),
                           *project->organisation != '\0' ? project->organisation
                                                          : _("AI management system"));

  json_builder_set_member_name (builder, "assessment-results");
  json_builder_begin_object (builder);
  add_uuid (builder, "uuid", "assessment-results", project->uuid);
  add_metadata (builder, project, title, parties, NULL, NULL);
  json_builder_set_member_name (builder, "import-ap");
  json_builder_begin_object (builder);
  add_string (builder, "href", plan, NULL);
  add_text (builder, "remarks", _("The audit programme is kept in AIMS Workbench."));
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "results");
  json_builder_begin_array (builder);
  for (guint i = 0; i < audits->len; i++)
    add_result (builder, project, g_ptr_array_index (audits, i), findings);
  add_result (builder, project, NULL, findings);

  if (audits->len == 0 && findings->len == 0)
    {
      /* OSCAL needs one result: an empty programme says so. */
      g_autofree char *start = oscal_datetime (project->created);

      json_builder_begin_object (builder);
      add_uuid (builder, "uuid", "result", project->uuid);
      add_string (builder, "title", _("No internal audits yet"), NULL);
      add_text (builder, "description", _("The project holds no audits and no findings."));
      add_string (builder, "start", start, "2000-01-01T00:00:00Z");
      add_reviewed_controls (builder, NULL);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return TRUE;
}

static gboolean
build_poam (JsonBuilder  *builder,
            Project      *project,
            sqlite3      *db,
            GError      **error)
{
  g_autoptr(GPtrArray) findings = load_findings (db, error);
  g_autoptr(GPtrArray) parties = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *title = NULL;
  guint n_open = 0;

  if (findings == NULL)
    return FALSE;

  for (guint i = 0; i < findings->len; i++)
    {
      Finding *finding = g_ptr_array_index (findings, i);

      for (guint j = 0; j < finding->actions->len; j++)
        n_open += action_is_open (g_ptr_array_index (finding->actions, j));
    }

  if (n_open == 0)
    {
      g_set_error (error, AIMS_OSCAL_ERROR, AIMS_OSCAL_ERROR_NOTHING_TO_EXPORT,
                   _("The project has no open corrective actions, so there is no plan of action "
                     "and milestones to export."));
      return FALSE;
    }

  collect_action_owners (findings, parties, TRUE);
  title = g_strdup_printf (_("%s: plan of action and milestones (ISO/IEC 42001 10.2)"),
                           *project->organisation != '\0' ? project->organisation
                                                          : _("AI management system"));

  json_builder_set_member_name (builder, "plan-of-action-and-milestones");
  json_builder_begin_object (builder);
  add_uuid (builder, "uuid", "plan-of-action-and-milestones", project->uuid);
  add_metadata (builder, project, title, parties, "action-owner", _("Action owner"));
  json_builder_set_member_name (builder, "system-id");
  json_builder_begin_object (builder);
  add_string (builder, "identifier-type", "https://ietf.org/rfc/rfc4122", NULL);
  add_string (builder, "id", project->uuid, NULL);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "risks");
  json_builder_begin_array (builder);
  for (guint i = 0; i < findings->len; i++)
    {
      Finding *finding = g_ptr_array_index (findings, i);
      gboolean open = FALSE;

      for (guint j = 0; j < finding->actions->len; j++)
        open = open || action_is_open (g_ptr_array_index (finding->actions, j));
      if (open)
        add_risk (builder, finding, TRUE);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "poam-items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < findings->len; i++)
    {
      Finding *finding = g_ptr_array_index (findings, i);

      for (guint j = 0; j < finding->actions->len; j++)
        {
          Action *action = g_ptr_array_index (finding->actions, j);
          g_autofree char *description = NULL;

          if (!action_is_open (action))
            continue;

          description = g_strdup_printf (_("%s, from the finding %s: %s"), action->what,
                                         finding->reference, finding->title);
          json_builder_begin_object (builder);
          add_uuid (builder, "uuid", "poam-item", action->uuid);
          add_string (builder, "title", action->what, _("Corrective action"));
          add_text (builder, "description", description);
          json_builder_set_member_name (builder, "props");
          json_builder_begin_array (builder);
          add_prop (builder, "finding", finding->reference);
          add_prop (builder, "owner", action->owner);
          add_prop (builder, "due-date", action->due_date);
          add_prop (builder, "status", action->status);
          json_builder_end_array (builder);
          add_related_risk (builder, finding);
          json_builder_end_object (builder);
        }
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return TRUE;
}

/* json-glib 1.6 leaves an empty "props" array where every prop was empty:
 * OSCAL wants arrays with at least one item, so drop them. */
static void
drop_empty_arrays (JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (object);

      for (GList *l = members; l != NULL; l = l->next)
        {
          JsonNode *child = json_object_get_member (object, l->data);

          if (JSON_NODE_HOLDS_ARRAY (child) && json_array_get_length (json_node_get_array (child)) == 0)
            json_object_remove_member (object, l->data);
          else
            drop_empty_arrays (child);
        }
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        drop_empty_arrays (json_array_get_element (array, i));
    }
}

/**
 * aims_oscal_export:
 * @store: an open project
 * @kind: the document to write
 * @error: return location for a #GError
 *
 * Writes an OSCAL 1.1.2 document of the project (see #AimsOscalKind). The
 * same project always gives the same bytes.
 *
 * Returns: (transfer full) (nullable): the JSON text
 */
GBytes *
aims_oscal_export (AimsStore      *store,
                   AimsOscalKind   kind,
                   GError        **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_auto(Project) project = { 0 };
  g_autofree char *text = NULL;
  gsize len = 0;
  sqlite3 *db;

  g_return_val_if_fail (AIMS_IS_STORE (store), NULL);

  db = _aims_store_get_db (store);
  if (db == NULL)
    {
      g_set_error (error, AIMS_STORE_ERROR, AIMS_STORE_ERROR_FAILED,
                   _("The project has been closed."));
      return NULL;
    }

  if (!load_project (db, &project, error))
    return NULL;

  json_builder_begin_object (builder);

  switch (kind)
    {
    case AIMS_OSCAL_COMPONENT_DEFINITION:
    case AIMS_OSCAL_SSP:
      {
        g_autoptr(GPtrArray) entries = aims_soa_load (store, error);

        if (entries == NULL)
          return NULL;
        if (kind == AIMS_OSCAL_SSP)
          build_ssp (builder, &project, entries);
        else
          build_component_definition (builder, &project, entries);
      }
      break;

    case AIMS_OSCAL_ASSESSMENT_RESULTS:
      if (!build_assessment_results (builder, &project, db, error))
        return NULL;
      break;

    case AIMS_OSCAL_POAM:
      if (!build_poam (builder, &project, db, error))
        return NULL;
      break;

    default:
      g_return_val_if_reached (NULL);
    }

  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  drop_empty_arrays (root);
  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, &len);

  {
    g_autofree char *with_newline = g_strconcat (text, "\n", NULL);

    return g_bytes_new_take (g_steal_pointer (&with_newline), len + 1);
  }
}

/**
 * aims_oscal_export_file:
 * @project: a project file
 * @kind: the document to write
 * @output: the JSON file to write
 * @error: return location for a #GError
 *
 * Opens @project as the app does (it is never written) and writes its OSCAL
 * document to @output in one step.
 *
 * Returns: %TRUE on success
 */
gboolean
aims_oscal_export_file (const char     *project,
                        AimsOscalKind   kind,
                        const char     *output,
                        GError        **error)
{
  g_autoptr(AimsDocument) document = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const char *data;
  gsize len;

  g_return_val_if_fail (project != NULL, FALSE);
  g_return_val_if_fail (output != NULL, FALSE);

  file = g_file_new_for_path (project);
  document = aims_document_open (file, AIMS_OPEN_READ_ONLY, NULL, error);
  if (document == NULL)
    return FALSE;

  bytes = aims_oscal_export (aims_document_get_store (document), kind, error);
  aims_document_close (document);
  if (bytes == NULL)
    return FALSE;

  data = g_bytes_get_data (bytes, &len);
  return aims_export_write_file (output, data, len, error);
}
