/* test-oscal.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "aims-test-util.h"

#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <string.h>

/*
 * The OSCAL documents: what they say, that they are stable, and that NIST's
 * JSON schema for OSCAL 1.1.2 accepts every one of them. The schema check
 * runs ajv (build-aux/node, installed by build-aux/install-deps.sh from the
 * npm registry); without it the test fails and says how to install it.
 */

typedef struct
{
  char         *dir;
  AimsDocument *document;
  AimsStore    *store;
  char         *finding;
} Fixture;

static char *
insert (AimsStore  *store,
        const char *table,
        GHashTable *values)
{
  g_autoptr(GError) error = NULL;
  char *uuid = aims_store_insert (store, table, values, &error);

  g_assert_no_error (error);
  g_hash_table_unref (values);
  return uuid;
}

static void
soa_set (AimsStore  *store,
         const char *control,
         const char *field,
         const char *value)
{
  g_autoptr(GError) error = NULL;

  gboolean ok = aims_soa_set (store, control, field, g_variant_new_string (value), &error);

  g_assert_no_error (error);
  g_assert_true (ok);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *project = NULL;
  g_autofree char *audit = NULL;
  g_autofree char *outside = NULL;
  g_autofree char *a1 = NULL;
  g_autofree char *a2 = NULL;
  g_autofree char *a3 = NULL;

  fixture->dir = aims_test_make_dir ();
  fixture->document = aims_document_new_untitled ("Auditor", &error);
  g_assert_no_error (error);
  fixture->store = aims_document_get_store (fixture->document);

  project = aims_store_dup_project_uuid (fixture->store);
  g_assert_true (aims_store_update (fixture->store, "project", project, "organisation",
                                    g_variant_new_string ("Contoso Assurance"), &error));
  g_assert_no_error (error);

  soa_set (fixture->store, "A.6.2.4", "justification", "Models are released every month.");
  soa_set (fixture->store, "A.6.2.4", "applicability", "applicable");
  soa_set (fixture->store, "A.6.2.4", "implementation", "implemented");
  soa_set (fixture->store, "A.6.2.4", "owner", "Head of Model Risk");
  soa_set (fixture->store, "A.6.2.4", "how_implemented",
           "Every model release passes the validation checklist.");
  soa_set (fixture->store, "A.10.3", "justification", "No suppliers of AI components.");
  soa_set (fixture->store, "A.10.3", "applicability", "excluded");

  audit = insert (fixture->store, "audit",
                  aims_test_values ("reference", g_variant_new_string ("AUD-001"),
                                    "title", g_variant_new_string ("Model validation audit"),
                                    "scope", g_variant_new_string ("[\"9.2.2\",\"A.6.2.4\"]"),
                                    "start_date", g_variant_new_string ("2026-03-02"),
                                    "end_date", g_variant_new_string ("2026-03-04"),
                                    NULL));
  fixture->finding = insert (fixture->store, "finding",
                             aims_test_values ("reference", g_variant_new_string ("F-001"),
                                               "audit", g_variant_new_string (audit),
                                               "requirement", g_variant_new_string ("A.6.2.4"),
                                               "severity", g_variant_new_string ("minor"),
                                               "title", g_variant_new_string ("Checklist "
                                                                              "skipped"),
                                               "description",
                                               g_variant_new_string ("Two releases had no "
                                                                     "signed checklist."),
                                               NULL));
  outside = insert (fixture->store, "finding",
                    aims_test_values ("reference", g_variant_new_string ("F-002"),
                                      "requirement", g_variant_new_string ("9.2.2"),
                                      "kind", g_variant_new_string ("observation"),
                                      "title", g_variant_new_string ("Audit plan late"),
                                      NULL));
  a1 = insert (fixture->store, "corrective_action",
               aims_test_values ("finding", g_variant_new_string (fixture->finding),
                                 "what", g_variant_new_string ("Block releases without a "
                                                               "signed checklist"),
                                 "owner", g_variant_new_string ("Release manager"),
                                 "due_date", g_variant_new_string ("2026-06-30"),
                                 "status", g_variant_new_string ("in-progress"),
                                 NULL));
  a2 = insert (fixture->store, "corrective_action",
               aims_test_values ("finding", g_variant_new_string (fixture->finding),
                                 "what", g_variant_new_string ("Re-validate the two models"),
                                 "status", g_variant_new_string ("done"),
                                 "completed_on", g_variant_new_string ("2026-04-01"),
                                 NULL));
  a3 = insert (fixture->store, "corrective_action",
               aims_test_values ("finding", g_variant_new_string (outside),
                                 "what", g_variant_new_string ("Publish the audit plan"),
                                 NULL));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  aims_document_close (fixture->document);
  g_clear_object (&fixture->document);
  aims_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->finding);
}

static JsonNode *
export (AimsStore     *store,
        AimsOscalKind  kind,
        GBytes       **bytes_out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = aims_oscal_export (store, kind, &error);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;

  g_assert_no_error (error);
  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                             g_bytes_get_size (bytes), &error));
  g_assert_no_error (error);
  root = json_node_copy (json_parser_get_root (parser));
  if (bytes_out != NULL)
    *bytes_out = g_steal_pointer (&bytes);
  return root;
}

/* A node by its path of member names and array indexes: "a/b/0/c". */
static JsonNode *
at (JsonNode   *root,
    const char *path)
{
  g_auto(GStrv) parts = g_strsplit (path, "/", -1);
  JsonNode *node = root;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (g_ascii_isdigit (parts[i][0]))
        {
          JsonArray *array = json_node_get_array (node);
          guint index = atoi (parts[i]);

          g_assert_cmpuint (index, <, json_array_get_length (array));
          node = json_array_get_element (array, index);
        }
      else
        {
          JsonObject *object = json_node_get_object (node);

          if (!json_object_has_member (object, parts[i]))
            g_error ("%s: no member “%s”", path, parts[i]);
          node = json_object_get_member (object, parts[i]);
        }
    }

  return node;
}

static const char *
path_string (JsonNode   *root,
             const char *path)
{
  return json_node_get_string (at (root, path));
}

static guint
path_count (JsonNode   *root,
            const char *path)
{
  return json_array_get_length (json_node_get_array (at (root, path)));
}

/* The element of the array at @path whose @member is @value. */
static JsonObject *
find (JsonNode   *root,
      const char *path,
      const char *member,
      const char *value)
{
  JsonArray *array = json_node_get_array (at (root, path));
  JsonObject *found = NULL;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);

      if (json_object_has_member (object, member) &&
          g_strcmp0 (json_object_get_string_member (object, member), value) == 0)
        {
          g_assert_null (found);
          found = object;
        }
    }

  return found;
}

static gboolean
is_uuid_v5 (const char *text)
{
  return strlen (text) == 36 && text[14] == '5' && strchr ("89ab", text[19]) != NULL;
}

static void
test_component_definition (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = export (fixture->store, AIMS_OSCAL_COMPONENT_DEFINITION, NULL);
  g_autoptr(GPtrArray) entries = aims_soa_load (fixture->store, &error);
  const char *requirements = "component-definition/components/0/control-implementations/0/"
                             "implemented-requirements";
  JsonObject *object;

  g_assert_no_error (error);
  g_assert_cmpstr (path_string (root, "component-definition/metadata/oscal-version"), ==,
                   "1.1.2");
  g_assert_true (is_uuid_v5 (path_string (root, "component-definition/uuid")));

  /* Every Annex A control, by its id. */
  g_assert_cmpuint (path_count (root, requirements), ==, entries->len);
  object = find (root, requirements, "control-id", "A.6.2.4");
  g_assert_nonnull (object);
  g_assert_cmpstr (json_object_get_string_member (object, "description"), ==,
                   "Every model release passes the validation checklist.");
  {
    JsonArray *props = json_object_get_array_member (object, "props");
    JsonObject *first = json_array_get_object_element (props, 0);

    g_assert_cmpstr (json_object_get_string_member (first, "name"), ==, "applicability");
    g_assert_cmpstr (json_object_get_string_member (first, "value"), ==, "applicable");
  }
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object,
                                                                        "responsible-roles")),
                    ==, 1);
  /* The owner is a party. */
  g_assert_cmpstr (path_string (root, "component-definition/metadata/parties/0/name"), ==,
                   "Head of Model Risk");
}

static void
test_deterministic (Fixture       *fixture,
                    gconstpointer  data)
{
  for (AimsOscalKind kind = AIMS_OSCAL_COMPONENT_DEFINITION; kind <= AIMS_OSCAL_POAM; kind++)
    {
      g_autoptr(GBytes) first = NULL;
      g_autoptr(GBytes) second = NULL;
      g_autoptr(JsonNode) a = export (fixture->store, kind, &first);
      g_autoptr(JsonNode) b = export (fixture->store, kind, &second);

      g_assert_true (g_bytes_equal (first, second));
    }
}

static void
test_assessment_results (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(JsonNode) root = export (fixture->store, AIMS_OSCAL_ASSESSMENT_RESULTS, NULL);
  g_autofree char *key = g_strconcat ("finding:", fixture->finding, NULL);
  g_autofree char *expected = aims_oscal_uuid_v5 (key);

  /* One result for the audit, one for the finding raised outside. */
  g_assert_cmpuint (path_count (root, "assessment-results/results"), ==, 2);
  g_assert_cmpstr (path_string (root, "assessment-results/results/0/title"), ==,
                   "AUD-001 Model validation audit");
  g_assert_cmpstr (path_string (root, "assessment-results/results/0/start"), ==,
                   "2026-03-02T00:00:00Z");
  g_assert_cmpstr (path_string (root, "assessment-results/results/0/findings/0/uuid"),
                   ==, expected);
  g_assert_cmpstr (path_string (root, "assessment-results/results/0/findings/0/target/"
                                "target-id"), ==, "A.6.2.4");
  g_assert_cmpstr (path_string (root, "assessment-results/results/0/findings/0/target/"
                                "status/state"), ==, "not-satisfied");
  /* Both actions of F-001 are remediations, the done one completed. */
  g_assert_cmpuint (path_count (root, "assessment-results/results/0/risks/0/"
                                "remediations"), ==, 2);
  g_assert_nonnull (find (root, "assessment-results/results/0/risks/0/remediations", "lifecycle",
                          "completed"));
  g_assert_nonnull (find (root, "assessment-results/results/0/risks/0/remediations", "lifecycle",
                          "planned"));
  /* A clause id is a token with a prefix. */
  g_assert_cmpstr (path_string (root, "assessment-results/results/1/findings/0/target/"
                                "target-id"), ==, "clause-9.2.2");
}

static void
test_poam (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(JsonNode) root = export (fixture->store, AIMS_OSCAL_POAM, NULL);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) uuids = NULL;

  /* The open actions only: in progress and planned, not the done one. */
  g_assert_cmpuint (path_count (root, "plan-of-action-and-milestones/poam-items"), ==,
                    2);
  g_assert_null (find (root, "plan-of-action-and-milestones/poam-items", "title",
                       "Re-validate the two models"));
  g_assert_nonnull (find (root, "plan-of-action-and-milestones/poam-items", "title",
                          "Publish the audit plan"));
  g_assert_cmpstr (path_string (root, "plan-of-action-and-milestones/risks/0/remediations/0/"
                                "tasks/0/timing/on-date/date"), ==, "2026-06-30T00:00:00Z");

  /* With every action done there is no plan to export. */
  uuids = aims_store_dup_uuids (fixture->store, "corrective_action", &error);
  g_assert_no_error (error);
  for (guint i = 0; uuids[i] != NULL; i++)
    {
      g_assert_true (aims_store_update (fixture->store, "corrective_action", uuids[i], "status",
                                        g_variant_new_string ("done"), &error));
      g_assert_no_error (error);
    }
  g_assert_null (aims_oscal_export (fixture->store, AIMS_OSCAL_POAM, &error));
  g_assert_error (error, AIMS_OSCAL_ERROR, AIMS_OSCAL_ERROR_NOTHING_TO_EXPORT);
}

static void
test_uuid_v5 (void)
{
  g_autofree char *a = aims_oscal_uuid_v5 ("finding:1");
  g_autofree char *b = aims_oscal_uuid_v5 ("finding:1");
  g_autofree char *c = aims_oscal_uuid_v5 ("finding:2");

  g_assert_true (is_uuid_v5 (a));
  g_assert_cmpstr (a, ==, b);
  g_assert_cmpstr (a, !=, c);
}

/* ajv with NIST's schema: 0 when valid; its report in @report. */
static int
run_ajv (const char  *document,
         char       **report)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *schema = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *ajv = g_getenv ("AIMS_AJV");
  const char *oscal_dir = g_getenv ("AIMS_OSCAL_SCHEMA_DIR");
  int status = 0;

  if (ajv == NULL || !g_file_test (ajv, G_FILE_TEST_IS_EXECUTABLE))
    g_error ("ajv is not installed at “%s”: run build-aux/install-deps.sh, or “npm ci "
             "--prefix build-aux/node”, to install ajv-cli and ajv-formats from the npm "
             "registry", ajv != NULL ? ajv : "(AIMS_AJV is not set)");

  schema = g_build_filename (oscal_dir != NULL ? oscal_dir : "/nonexistent",
                             "oscal_complete_schema-1-1-2.json", NULL);
  if (!g_file_test (schema, G_FILE_TEST_IS_REGULAR))
    g_error ("NIST's OSCAL 1.1.2 schema is not at %s: set AIMS_OSCAL_SCHEMA_DIR (meson option "
             "oscal_schema_dir)", schema);

  {
    /* The schema is draft-07 and uses \p{L} in patterns: ajv's default
     * unicode regular expressions handle them; formats need ajv-formats. */
    const char *argv[] = {
      ajv, "validate", "--spec=draft7", "-c", "ajv-formats", "--strict=false", "--all-errors",
      "-s", schema, "-d", document, NULL
    };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out,
                                 &err, &status, &error));
    g_assert_no_error (error);
  }

  if (report != NULL)
    *report = g_strconcat (out, err, NULL);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

static void
test_schema_valid (Fixture       *fixture,
                   gconstpointer  data)
{
  for (AimsOscalKind kind = AIMS_OSCAL_COMPONENT_DEFINITION; kind <= AIMS_OSCAL_POAM; kind++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = aims_oscal_export (fixture->store, kind, &error);
      g_autofree char *name = g_strconcat (aims_oscal_kind_to_string (kind), ".json", NULL);
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_autofree char *report = NULL;

      g_assert_no_error (error);
      g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL),
                                          g_bytes_get_size (bytes), &error));
      g_assert_no_error (error);
      if (run_ajv (path, &report) != 0)
        g_error ("NIST's schema refuses the %s: %s", name, report);
    }
}

/* The check can fail: a document with a broken uuid is refused. */
static void
test_schema_refuses (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = aims_oscal_export (fixture->store, AIMS_OSCAL_COMPONENT_DEFINITION,
                                               &error);
  g_autofree char *path = g_build_filename (fixture->dir, "broken.json", NULL);
  g_autofree char *report = NULL;
  g_autoptr(GString) text = NULL;
  char *uuid;

  g_assert_no_error (error);
  text = g_string_new_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  uuid = strstr (text->str, "\"uuid\" : \"");
  g_assert_nonnull (uuid);
  memcpy (uuid + 10, "not-a-uuid", 10);
  g_assert_true (g_file_set_contents (path, text->str, text->len, &error));
  g_assert_no_error (error);

  g_assert_cmpint (run_ajv (path, &report), !=, 0);
  g_assert_nonnull (strstr (report, "invalid"));
}

/* The demo project's SoA through the command line. */
static void
test_cli (void)
{
  g_autofree char *dir = aims_test_make_dir ();
  g_autofree char *project = g_build_filename (dir, "demo.aims", NULL);
  g_autofree char *out = g_build_filename (dir, "ssp.json", NULL);
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (aims_demo_write_file (project, AIMS_DEMO_SCALE_SMALL, 42, &error));
  g_assert_no_error (error);

  g_assert_cmpint (aims_test_run_cli (NULL, NULL, "export-oscal", project, "--kind", "ssp", "-o",
                                      out, NULL), ==, 0);
  g_assert_cmpint (run_ajv (out, NULL), ==, 0);

  g_assert_cmpint (aims_test_run_cli (NULL, &err, "export-oscal", project, "--kind", "catalog",
                                      "-o", out, NULL), ==, 2);
  g_assert_nonnull (strstr (err, "is not an OSCAL document kind"));
  g_clear_pointer (&err, g_free);

  /* The demo's internal audit left an open corrective action (F-002) */
  g_assert_cmpint (aims_test_run_cli (NULL, NULL, "export-oscal", project, "--kind", "poam",
                                      "-o", out, NULL), ==, 0);
  g_assert_cmpint (run_ajv (out, NULL), ==, 0);

  /* A new project has none: nothing to plan */
  {
    g_autofree char *empty = g_build_filename (dir, "empty.aims", NULL);

    g_assert_cmpint (aims_test_run_cli (NULL, NULL, "new", empty, NULL), ==, 0);
    g_assert_cmpint (aims_test_run_cli (NULL, &err, "export-oscal", empty, "--kind", "poam",
                                        "-o", out, NULL), ==, 1);
    g_assert_nonnull (strstr (err, "no open corrective actions"));
  }
  aims_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/oscal/uuid-v5", test_uuid_v5);
  g_test_add ("/oscal/component-definition", Fixture, NULL, fixture_set_up,
              test_component_definition, fixture_tear_down);
  g_test_add ("/oscal/assessment-results", Fixture, NULL, fixture_set_up,
              test_assessment_results, fixture_tear_down);
  g_test_add ("/oscal/poam", Fixture, NULL, fixture_set_up, test_poam, fixture_tear_down);
  g_test_add ("/oscal/deterministic", Fixture, NULL, fixture_set_up, test_deterministic,
              fixture_tear_down);
  g_test_add ("/oscal/schema/valid", Fixture, NULL, fixture_set_up, test_schema_valid,
              fixture_tear_down);
  g_test_add ("/oscal/schema/refuses", Fixture, NULL, fixture_set_up, test_schema_refuses,
              fixture_tear_down);
  g_test_add_func ("/oscal/cli", test_cli);

  return g_test_run ();
}
