/* test-project-json.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "aims-test-util.h"

#include "aims-store-private.h"

#include <fcntl.h>
#include <json-glib/json-glib.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

/* The standard demo's project JSON, made once. */
static char *demo_dir;
static char *demo_path;
static char *demo_json;
static gsize demo_json_len;

static void
ensure_demo (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *json_path = NULL;

  if (demo_json != NULL)
    return;

  demo_dir = aims_test_make_dir ();
  demo_path = g_build_filename (demo_dir, "demo.aims", NULL);
  json_path = g_build_filename (demo_dir, "demo.json", NULL);

  g_assert_true (aims_demo_write_file (demo_path, AIMS_DEMO_SCALE_SMALL, 42, &error));
  g_assert_no_error (error);
  g_assert_true (aims_project_json_export_file (demo_path, json_path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (json_path, &demo_json, &demo_json_len, &error));
  g_assert_no_error (error);
}

static char *
export_file (const char *project)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *json_path = g_strconcat (project, ".json", NULL);
  char *text = NULL;

  g_assert_true (aims_project_json_export_file (project, json_path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (json_path, &text, NULL, &error));
  g_assert_no_error (error);
  return text;
}

/* Export, import into a new file, export again: the same bytes. */
static void
test_round_trip_demo (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *again = NULL;
  g_autofree char *json_path = NULL;
  g_autoptr(AimsDocument) document = NULL;
  g_autoptr(GFile) file = NULL;
  AimsStore *store;

  ensure_demo ();
  json_path = g_build_filename (demo_dir, "demo.json", NULL);
  copy = g_build_filename (demo_dir, "copy.aims", NULL);

  g_assert_true (aims_project_json_import_file (json_path, copy, "Importer", &error));
  g_assert_no_error (error);

  again = export_file (copy);
  g_assert_cmpuint (strlen (again), ==, demo_json_len);
  g_assert_true (memcmp (again, demo_json, demo_json_len) == 0);

  /* The copy is a sound project with everything in it, history included. */
  file = g_file_new_for_path (copy);
  document = aims_document_open (file, AIMS_OPEN_FULL_CHECK, NULL, &error);
  g_assert_no_error (error);
  store = aims_document_get_store (document);
  g_assert_cmpuint (aims_store_count (store, "ai_system"), ==, 13);
  g_assert_cmpuint (aims_store_count (store, "risk"), ==,
                    aims_demo_scale_get_n_risks (AIMS_DEMO_SCALE_SMALL));
  g_assert_cmpuint (aims_store_count (store, "soa_entry"), >, 0);
  g_assert_cmpuint (aims_store_count (store, "change_log"), >, 0);
  aims_document_close (document);
}

/* Two exports of one project are the same bytes, with the documented
 * layout: tables in descriptor order, records by uuid. */
static void
test_deterministic (void)
{
  g_autofree char *again = NULL;
  const AimsTableInfo *tables;
  const char *previous = NULL;
  guint n_tables;

  ensure_demo ();
  again = export_file (demo_path);
  g_assert_cmpstr (again, ==, demo_json);

  g_assert_true (g_str_has_prefix (demo_json,
                                   "{\n  \"$schema\": \"https://aimsworkbench.github.io/schema/"
                                   "aims-project-1.schema.json\",\n  \"format\": \"aims-project\","
                                   "\n  \"version\": 1,\n  \"format_version\": 7,\n"
                                   "  \"tables\": {\n    \"project\": [\n"));
  g_assert_true (g_str_has_suffix (demo_json, "\n  }\n}\n"));

  tables = aims_schema_get_tables (&n_tables);
  for (guint i = 0; i < n_tables; i++)
    {
      g_autofree char *key = g_strdup_printf ("\n    \"%s\": [", tables[i].name);
      const char *at = strstr (demo_json, key);

      g_assert_nonnull (at);
      g_assert_true (previous == NULL || at > previous);
      previous = at;
    }

  /* The AI systems come sorted by uuid; values keep their JSON types. */
  {
    const char *start = strstr (demo_json, "\"ai_system\": [");
    const char *end = strstr (demo_json, "\"data_set\": [");
    g_autofree char *last = g_strdup ("");
    guint n = 0;

    for (const char *p = strstr (start, "\"uuid\": \""); p != NULL && p < end;
         p = strstr (p + 1, "\"uuid\": \""))
      {
        g_autofree char *uuid = g_strndup (p + 9, 36);

        g_assert_cmpstr (last, <, uuid);
        g_free (last);
        last = g_steal_pointer (&uuid);
        n++;
      }
    g_assert_cmpuint (n, ==, 13);
    g_assert_nonnull (g_strstr_len (start, end - start, "\"in_scope\": true"));
    g_assert_nonnull (strstr (demo_json, "\"inherent_likelihood\": 4"));
  }
}

typedef struct
{
  const char *name;
  const char *from;      /* replace the first occurrence of from … */
  const char *to;        /* … by this */
  int         code;
  const char *message;   /* a part of the message */
} BadCase;

static const BadCase bad_cases[] = {
  { "newer-format", "\"format_version\": 7", "\"format_version\": 99",
    AIMS_PROJECT_JSON_ERROR_NEWER,
    "$.format_version: the document has file format 99; this version of AIMS Workbench reads "
    "up to format 7" },
  { "newer-layout", "\"version\": 1", "\"version\": 2", AIMS_PROJECT_JSON_ERROR_NEWER,
    "$.version: the document has layout version 2" },
  { "not-aims", "\"aims-project\"", "\"something-else\"", AIMS_PROJECT_JSON_ERROR_INVALID,
    "$.format: must be “aims-project”" },
  { "unknown-table", "\"tables\": {", "\"tables\": {\"gadgets\": [],",
    AIMS_PROJECT_JSON_ERROR_INVALID, "$.tables.gadgets: there is no such table" },
  { "unknown-field", "\"in_scope\": true", "\"in_scope\": true, \"colour\": \"blue\"",
    AIMS_PROJECT_JSON_ERROR_INVALID,
    "$.tables.ai_system[0].colour: the table “ai_system” has no such field" },
  { "wrong-type", "\"in_scope\": true", "\"in_scope\": \"yes\"",
    AIMS_PROJECT_JSON_ERROR_INVALID,
    "$.tables.ai_system[0].in_scope: is a string; it must be true or false" },
  { "integer-as-real", "\"inherent_likelihood\": ", "\"inherent_likelihood\": 1.5, \"x\": ",
    AIMS_PROJECT_JSON_ERROR_INVALID,
    ".inherent_likelihood: is a number with a fraction; it must be an integer" },
  { "bad-choice", "\"lifecycle\": \"", "\"lifecycle\": \"sideways", AIMS_PROJECT_JSON_ERROR_INVALID,
    "$.tables.ai_system[0].lifecycle: “sideways" },
  { "null-not-allowed", "\"name\": \"", "\"name\": null, \"z\": \"",
    AIMS_PROJECT_JSON_ERROR_INVALID, "$.tables.ai_system[0].name: must have a value" },
  { "twice", "\"in_scope\": true,", "\"in_scope\": true, \"in_scope\": false,",
    AIMS_PROJECT_JSON_ERROR_INVALID, "$.tables.ai_system[0].in_scope: the field is given twice" },
  { "missing-field", "\"in_scope\": true,\n", "", AIMS_PROJECT_JSON_ERROR_INVALID,
    "$.tables.ai_system[0]: the field “in_scope” is missing" },
  { "broken-link", "\"system\": \"", "\"system\": \"00000000-0000-4000-8000-0000000000",
    AIMS_PROJECT_JSON_ERROR_INVALID,
    "$.tables.system_data_set[0].system: links to “00000000-0000-4000-8000-0000000000" },
  { "syntax", "\"tables\": {", "\"tables\": {,", AIMS_PROJECT_JSON_ERROR_INVALID,
    "(line 6, column 14)" },
  { "nul", "\"organisation\": \"", "\"organisation\": \"\\u0000", AIMS_PROJECT_JSON_ERROR_INVALID,
    "$.tables.project[0].organisation: the text holds a NUL character" },
  { "older-format-newer-table", "\"format_version\": 7", "\"format_version\": 6",
    AIMS_PROJECT_JSON_ERROR_INVALID,
    "$.tables.audit: the table is newer than format version 6" },
  { "trailing", "\n  }\n}\n", "\n  }\n}\n{}", AIMS_PROJECT_JSON_ERROR_INVALID,
    "The document goes on after its end" },
};

static void
assert_refused (const char *text,
                gsize       len,
                int         code,
                const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = aims_test_make_dir ();
  g_autofree char *in = g_build_filename (dir, "in.json", NULL);
  g_autofree char *out = g_build_filename (dir, "out.aims", NULL);
  guint working_copies = aims_test_count_working_copies ();

  g_assert_true (g_file_set_contents (in, text, len, &error));
  g_assert_no_error (error);

  g_assert_false (aims_project_json_import_file (in, out, "Importer", &error));
  g_assert_error (error, AIMS_PROJECT_JSON_ERROR, code);
  if (strstr (error->message, message) == NULL)
    g_error ("“%s” does not hold “%s”", error->message, message);
  g_assert_true (g_str_has_prefix (error->message, in) ||
                 strstr (error->message, "in.json") != NULL);

  /* Nothing written, nothing left behind. */
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (aims_test_count_working_copies (), ==, working_copies);
  aims_test_remove_tree (dir);
}

static void
test_bad_input (gconstpointer data)
{
  const BadCase *bad = data;
  g_autoptr(GString) text = NULL;
  const char *at;

  ensure_demo ();
  text = g_string_new_len (demo_json, demo_json_len);
  at = strstr (text->str, bad->from);
  g_assert_nonnull (at);
  g_string_erase (text, at - text->str, strlen (bad->from));
  g_string_insert (text, at - text->str, bad->to);

  assert_refused (text->str, text->len, bad->code, bad->message);
}

/* Two AI systems with one uuid. */
static void
test_duplicate_uuid (void)
{
  g_autoptr(GString) text = NULL;
  g_autofree char *first = NULL;
  const char *start;
  char *second;

  ensure_demo ();
  text = g_string_new_len (demo_json, demo_json_len);
  start = strstr (text->str, "\"ai_system\": [");
  start = strstr (start, "\"uuid\": \"") + 9;
  first = g_strndup (start, 36);
  second = strstr (start, "\"uuid\": \"") + 9;
  memcpy (second, first, 36);

  {
    g_autofree char *message = g_strdup_printf ("$.tables.ai_system[1].uuid: “%s” is already "
                                                "the key of $.tables.ai_system[0]", first);

    assert_refused (text->str, text->len, AIMS_PROJECT_JSON_ERROR_INVALID, message);
  }
}

static void
test_minimal_documents (void)
{
  const char *empty_tables = "{\"format\": \"aims-project\", \"version\": 1, "
                             "\"format_version\": 7, \"tables\": {}}";
  const char *tables_first = "{\"tables\": {}, \"format\": \"aims-project\"}";

  assert_refused (empty_tables, strlen (empty_tables), AIMS_PROJECT_JSON_ERROR_INVALID,
                  "$.tables.project: there must be exactly one project record, not 0");
  assert_refused (tables_first, strlen (tables_first), AIMS_PROJECT_JSON_ERROR_INVALID,
                  "$.tables: “format”, “version” and “format_version” must come before");
  assert_refused ("", 0, AIMS_PROJECT_JSON_ERROR_INVALID, "starts with “{”");
  assert_refused ("[1, 2]", 6, AIMS_PROJECT_JSON_ERROR_INVALID, "starts with “{”");
}

/* A store that holds records is not replaced. */
static void
test_not_empty (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsDocument) document = NULL;
  g_autofree char *uuid = NULL;
  AimsStore *store;

  ensure_demo ();
  document = aims_document_new_untitled ("Test", &error);
  g_assert_no_error (error);
  store = aims_document_get_store (document);
  uuid = aims_test_add_system (store, "SYS-001", "Kept");

  g_assert_false (aims_project_json_import (store, demo_json, demo_json_len, "demo.json",
                                            &error));
  g_assert_error (error, AIMS_PROJECT_JSON_ERROR, AIMS_PROJECT_JSON_ERROR_NOT_EMPTY);
  g_assert_cmpuint (aims_store_count (store, "ai_system"), ==, 1);
  aims_document_close (document);
}

/* A failure halfway through leaves the new project as it was. */
static void
test_rolled_back (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsDocument) document = NULL;
  g_autoptr(GString) text = NULL;
  g_autofree char *project = NULL;
  AimsStore *store;
  const char *at;

  ensure_demo ();
  text = g_string_new_len (demo_json, demo_json_len);
  at = strstr (text->str, "\"treatment_action\": [");
  g_string_insert (text, at - text->str, "\"risk_control\": 5, ");

  document = aims_document_new_untitled ("Test", &error);
  g_assert_no_error (error);
  store = aims_document_get_store (document);
  project = aims_store_dup_project_uuid (store);

  g_assert_false (aims_project_json_import (store, text->str, text->len, "demo.json", &error));
  g_assert_error (error, AIMS_PROJECT_JSON_ERROR, AIMS_PROJECT_JSON_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "$.tables.risk_control: the table is given twice"));
  g_assert_cmpuint (aims_store_count (store, "ai_system"), ==, 0);
  g_assert_cmpuint (aims_store_count (store, "risk"), ==, 0);
  {
    g_autofree char *still = aims_store_dup_project_uuid (store);

    g_assert_cmpstr (still, ==, project);
  }
  aims_document_close (document);
}

/* A byte order mark is skipped; the text otherwise imports the same. */
static void
test_byte_order_mark (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsDocument) document = NULL;
  g_autoptr(GString) text = NULL;

  ensure_demo ();
  text = g_string_new_len (demo_json, demo_json_len);
  g_string_prepend (text, "\xef\xbb\xbf");

  document = aims_document_new_untitled ("Test", &error);
  g_assert_no_error (error);
  g_assert_true (aims_project_json_import (aims_document_get_store (document), text->str,
                                           text->len, "demo.json", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (aims_store_count (aims_document_get_store (document), "ai_system"), ==, 13);
  aims_document_close (document);
}

/* Escapes read back exactly: control characters, quotes, non-ASCII and
 * surrogate pairs. */
static void
test_escapes (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsDocument) document = NULL;
  g_autoptr(GString) text = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *project = NULL;
  g_autofree char *organisation = NULL;
  const char *at;
  const char *end;

  ensure_demo ();
  text = g_string_new_len (demo_json, demo_json_len);
  at = strstr (text->str, "\"organisation\": \"") + 17;
  end = strstr (at, "\",\n");
  g_string_erase (text, at - text->str, end - at);
  g_string_insert (text, at - text->str, "Tab\\there \\\"quoted\\\" \\u00e9 \\ud83d\\ude00 \\/ \\u0001");

  document = aims_document_new_untitled ("Test", &error);
  g_assert_no_error (error);
  g_assert_true (aims_project_json_import (aims_document_get_store (document), text->str,
                                           text->len, "demo.json", &error));
  g_assert_no_error (error);

  project = aims_store_dup_project_uuid (aims_document_get_store (document));
  organisation = aims_store_dup_text (aims_document_get_store (document), "project", project,
                                      "organisation", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (organisation, ==, "Tab\there \"quoted\" é 😀 / \001");

  /* Written back with only the escapes JSON needs. */
  bytes = aims_project_json_export (aims_document_get_store (document), &error);
  g_assert_no_error (error);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  "\"organisation\": \"Tab\\there \\\"quoted\\\" é 😀 / "
                                  "\\u0001\""));
  aims_document_close (document);
}

/* The command line: export-json, import-json, and their refusals. */
static void
test_cli (void)
{
  g_autofree char *dir = aims_test_make_dir ();
  g_autofree char *json = g_build_filename (dir, "out.json", NULL);
  g_autofree char *copy = g_build_filename (dir, "copy.aims", NULL);
  g_autofree char *err = NULL;
  g_autofree char *out = NULL;
  g_autofree char *text = NULL;

  ensure_demo ();
  g_assert_cmpint (aims_test_run_cli (&out, NULL, "export-json", demo_path, "-o", json, NULL),
                   ==, 0);
  g_assert_true (g_file_get_contents (json, &text, NULL, NULL));
  g_assert_cmpstr (text, ==, demo_json);

  g_clear_pointer (&out, g_free);
  g_assert_cmpint (aims_test_run_cli (&out, NULL, "import-json", json, "-o", copy, NULL), ==, 0);
  g_assert_true (g_file_test (copy, G_FILE_TEST_IS_REGULAR));

  /* An existing file is kept unless --force. */
  g_assert_cmpint (aims_test_run_cli (NULL, &err, "import-json", json, "-o", copy, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "already exists. Use --force to replace it."));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (aims_test_run_cli (NULL, NULL, "import-json", json, "-o", copy, "--force",
                                      NULL), ==, 0);

  g_assert_cmpint (aims_test_run_cli (NULL, &err, "export-json", demo_path, NULL), ==, 2);
  g_assert_nonnull (strstr (err, "Give the file to write with -o"));
  g_clear_pointer (&err, g_free);

  /* The same through the commands: aims export --json, aims import
   * --json, and --oscal */
  {
    g_autofree char *json2 = g_build_filename (dir, "again.json", NULL);
    g_autofree char *copy2 = g_build_filename (dir, "again.aims", NULL);
    g_autofree char *oscal = g_build_filename (dir, "ssp.json", NULL);
    g_autofree char *text2 = NULL;

    g_assert_cmpint (aims_test_run_cli (NULL, NULL, "export", demo_path, "--json", "-o", json2,
                                        NULL), ==, 0);
    g_assert_true (g_file_get_contents (json2, &text2, NULL, NULL));
    g_assert_cmpstr (text2, ==, demo_json);
    g_assert_cmpint (aims_test_run_cli (NULL, NULL, "import", copy2, "--json", json2, NULL),
                     ==, 0);
    g_assert_true (g_file_test (copy2, G_FILE_TEST_IS_REGULAR));
    g_assert_cmpint (aims_test_run_cli (NULL, &err, "import", copy2, "--json", json2, NULL),
                     ==, 1);
    g_assert_nonnull (strstr (err, "already exists. Use --force to replace it."));
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (aims_test_run_cli (NULL, &err, "import", copy2, "--json", json2, "--into",
                                        "risks", NULL), ==, 2);
    g_assert_nonnull (strstr (err, "--json makes a new project"));
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (aims_test_run_cli (NULL, NULL, "export", demo_path, "--oscal", "ssp", "-o",
                                        oscal, NULL), ==, 0);
    g_assert_true (g_file_test (oscal, G_FILE_TEST_IS_REGULAR));
    g_assert_cmpint (aims_test_run_cli (NULL, &err, "export", demo_path, "--json", "--oscal",
                                        "ssp", "-o", oscal, NULL), ==, 2);
    g_assert_nonnull (strstr (err, "Give one of --json and --oscal."));
  }
  aims_test_remove_tree (dir);
}

static void
test_too_large (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = aims_test_make_dir ();
  g_autofree char *in = g_build_filename (dir, "big.json", NULL);
  g_autofree char *out = g_build_filename (dir, "out.aims", NULL);
  int fd = g_open (in, O_WRONLY | O_CREAT, 0644);

  /* A sparse file: no disk is used. */
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, AIMS_PROJECT_JSON_MAX_BYTES + 1), ==, 0);
  close (fd);

  g_assert_false (aims_project_json_import_file (in, out, NULL, &error));
  g_assert_error (error, AIMS_PROJECT_JSON_ERROR, AIMS_PROJECT_JSON_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "a project JSON can be at most"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  aims_test_remove_tree (dir);
}

/* The large demo (2,000 AI systems, 20,000 risks) round trips too. Slow:
 * run with -m slow, or AIMS_TEST_LARGE=1 (the "slow" suite does). */
static void
test_round_trip_large (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsDocument) document = NULL;
  g_autoptr(AimsDocument) copy = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;

  if (!g_test_slow () && g_getenv ("AIMS_TEST_LARGE") == NULL)
    {
      g_test_skip ("The large demo takes a minute; run with -m slow");
      return;
    }

  document = aims_document_new_untitled ("Demo generator", &error);
  g_assert_no_error (error);
  g_assert_true (aims_demo_generate (aims_document_get_store (document), AIMS_DEMO_SCALE_LARGE,
                                     42, &error));
  g_assert_no_error (error);
  first = aims_project_json_export (aims_document_get_store (document), &error);
  g_assert_no_error (error);
  aims_document_close (document);

  copy = aims_document_new_untitled ("Importer", &error);
  g_assert_no_error (error);
  g_assert_true (aims_project_json_import (aims_document_get_store (copy),
                                           g_bytes_get_data (first, NULL),
                                           g_bytes_get_size (first), "large.json", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (aims_store_count (aims_document_get_store (copy), "risk"), ==,
                    aims_demo_scale_get_n_risks (AIMS_DEMO_SCALE_LARGE));
  second = aims_project_json_export (aims_document_get_store (copy), &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (first, second));
  aims_document_close (copy);
}

/* data/schema/aims-project.schema.json describes every table and field of
 * the file format, and the demo's export is valid against it (ajv). */
static void
test_schema_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *schema_path = NULL;
  g_autofree char *json_path = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const AimsTableInfo *tables;
  JsonObject *definitions;
  const char *ajv = g_getenv ("AIMS_AJV");
  guint n_tables;
  int status = 0;

  schema_path = g_build_filename (g_getenv ("AIMS_SOURCE_ROOT"), "data", "schema",
                                  "aims-project.schema.json", NULL);
  g_assert_true (json_parser_load_from_file (parser, schema_path, &error));
  g_assert_no_error (error);
  definitions = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)),
                                               "definitions");

  tables = aims_schema_get_tables (&n_tables);
  g_assert_cmpuint (json_object_get_size (definitions), ==, n_tables);
  for (guint i = 0; i < n_tables; i++)
    {
      JsonObject *table = json_object_get_object_member (definitions, tables[i].name);
      JsonObject *properties;

      if (table == NULL)
        g_error ("The schema has no definition of the table “%s”: regenerate it",
                 tables[i].name);
      properties = json_object_get_object_member (table, "properties");
      g_assert_cmpuint (json_object_get_size (properties), ==, tables[i].n_fields);
      for (guint j = 0; j < tables[i].n_fields; j++)
        if (!json_object_has_member (properties, tables[i].fields[j].name))
          g_error ("The schema has no field “%s” in “%s”", tables[i].fields[j].name,
                   tables[i].name);
    }

  ensure_demo ();
  if (ajv == NULL || !g_file_test (ajv, G_FILE_TEST_IS_EXECUTABLE))
    g_error ("ajv is not installed: run build-aux/install-deps.sh, or “npm ci --prefix "
             "build-aux/node”");
  json_path = g_build_filename (demo_dir, "demo.json", NULL);
  {
    const char *argv[] = {
      ajv, "validate", "--spec=draft7", "--strict=false", "-s", schema_path, "-d", json_path, NULL
    };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out,
                                 &err, &status, &error));
    g_assert_no_error (error);
  }
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("The demo's export is not valid against its schema: %s%s", out, err);
}

/* The fuzzer's seeds and every input that once crashed it
 * (tests/fuzz/corpus-project-json) import or are refused, never crash. */
static void
test_fuzz_corpus (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_getenv ("AIMS_SOURCE_ROOT"), "tests", "fuzz",
                                            "corpus-project-json", NULL);
  g_autoptr(GDir) dir = g_dir_open (path, 0, &error);
  const char *name;
  guint n = 0;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autoptr(AimsDocument) document = aims_document_new_untitled ("Fuzz", &error);
      g_autofree char *file = g_build_filename (path, name, NULL);
      g_autofree char *text = NULL;
      gsize len;

      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (file, &text, &len, &error));
      g_assert_no_error (error);
      if (!aims_project_json_import (aims_document_get_store (document), text, len, name,
                                     &error))
        {
          g_assert_true (error->domain == AIMS_PROJECT_JSON_ERROR);
          g_clear_error (&error);
        }
      aims_document_close (document);
      n++;
    }
  g_assert_cmpuint (n, >=, 2);
}

/* Values that are hard to write: each comes back from json-glib as it was
 * stored, with only the escapes JSON requires, and the document round trips.
 * The file written as it is made holds the same bytes as the export in
 * memory. */
static const char *const tricky_texts[] = {
  "",
  "a \"quoted\" word, a back\\slash, a \\\" pair and a /",
  "line one\nline two\r\nthree\ttabbed",
  "\001\002\003\004\005\006\007\010\011\012\013\014\015\016\017\020"
  "\021\022\023\024\025\026\027\030\031\032\033\034\035\036\037 DEL \177",
  "line\xe2\x80\xa8separator and paragraph\xe2\x80\xa9separator",
  "non-BMP: \xf0\x9f\x98\x80 \xf0\x9d\x84\x9e, accents: \xc3\xa9\xc3\xa8",
};

static const gint64 tricky_ints[] = { G_MAXINT64, G_MININT64, G_MAXINT64 - 1, G_MININT64 + 1,
                                      0, -1, 9007199254740993 };
static const double tricky_reals[] = { 0.1, 5.0, -0.5, 1e300, -2.5e-300, 1.0 / 3.0,
                                       123456789012345678.0 };

static void
insert_change (sqlite3    *db,
               gint64      changeset,
               guint       n,
               const char *text,
               const gint64 *integer,
               const double *real)
{
  g_autofree char *uuid = g_strdup_printf ("tricky-%03u", n);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "INSERT INTO change_log (changeset, at, author, "
                                           "record_table, record_uuid, op, field, old_value, "
                                           "new_value) VALUES (?, '2026-01-01T00:00:00Z', "
                                           "'Test', 'project', ?, 'update', 'organisation', "
                                           "NULL, ?)", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, changeset);
  sqlite3_bind_text (stmt, 2, uuid, -1, SQLITE_TRANSIENT);
  if (text != NULL)
    sqlite3_bind_text (stmt, 3, text, -1, SQLITE_STATIC);
  else if (integer != NULL)
    sqlite3_bind_int64 (stmt, 3, *integer);
  else
    sqlite3_bind_double (stmt, 3, *real);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
}

/* The change_log record of @uuid in the parsed document. */
static JsonObject *
find_change (JsonObject *tables,
             const char *uuid)
{
  JsonArray *changes = json_object_get_array_member (tables, "change_log");

  for (guint i = 0; i < json_array_get_length (changes); i++)
    {
      JsonObject *change = json_array_get_object_element (changes, i);

      if (g_strcmp0 (json_object_get_string_member (change, "record_uuid"), uuid) == 0)
        return change;
    }

  g_error ("No change for “%s” in the export", uuid);
  return NULL;
}

static void
test_tricky_values (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsDocument) document = NULL;
  g_autoptr(AimsDocument) copy = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *dir = aims_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "tricky.json", NULL);
  g_autofree char *written = NULL;
  g_autofree char *long_text = NULL;
  const char *data;
  JsonObject *tables;
  JsonObject *project;
  sqlite3 *db;
  gint64 changeset;
  gsize written_len;
  gsize len;
  guint n = 0;

  document = aims_document_new_untitled ("Test", &error);
  g_assert_no_error (error);
  db = _aims_store_get_db (aims_document_get_store (document));

  /* 300 KB with a quote every 1000 bytes: longer than the writer's pieces. */
  {
    GString *text = g_string_new (NULL);

    for (guint i = 0; i < 300; i++)
      {
        for (guint j = 0; j < 999; j++)
          g_string_append_c (text, (char) ('a' + (i + j) % 26));
        g_string_append_c (text, '"');
      }
    long_text = g_string_free (text, FALSE);
  }

  {
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_prepare_v2 (db, "UPDATE project SET organisation = ?", -1, &stmt,
                                         NULL), ==, SQLITE_OK);
    sqlite3_bind_text (stmt, 1, tricky_texts[3], -1, SQLITE_STATIC);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
    sqlite3_finalize (stmt);
  }
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO changeset (at, author, label, kind) VALUES "
                                     "('2026-01-01T00:00:00Z', 'Test', 'Tricky', 'edit')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  changeset = sqlite3_last_insert_rowid (db);
  for (guint i = 0; i < G_N_ELEMENTS (tricky_texts); i++)
    insert_change (db, changeset, n++, tricky_texts[i], NULL, NULL);
  insert_change (db, changeset, n++, long_text, NULL, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (tricky_ints); i++)
    insert_change (db, changeset, n++, NULL, &tricky_ints[i], NULL);
  for (guint i = 0; i < G_N_ELEMENTS (tricky_reals); i++)
    insert_change (db, changeset, n++, NULL, NULL, &tricky_reals[i]);

  bytes = aims_project_json_export (aims_document_get_store (document), &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (bytes, &len);

  /* Written to a file as it is made: the same bytes. */
  g_assert_true (aims_project_json_write_file (aims_document_get_store (document), path,
                                               &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &written, &written_len, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (written_len, ==, len);
  g_assert_true (memcmp (written, data, len) == 0);

  /* Only the escapes JSON requires; the rest as it is. */
  g_assert_nonnull (g_strstr_len (data, len,
                                  "\"organisation\": \"\\u0001\\u0002\\u0003\\u0004\\u0005"
                                  "\\u0006\\u0007\\b\\t\\n\\u000b\\f\\r\\u000e\\u000f\\u0010"
                                  "\\u0011\\u0012\\u0013\\u0014\\u0015\\u0016\\u0017\\u0018"
                                  "\\u0019\\u001a\\u001b\\u001c\\u001d\\u001e\\u001f DEL \177\""));
  g_assert_nonnull (g_strstr_len (data, len, "\"new_value\": \"a \\\"quoted\\\" word, a "
                                             "back\\\\slash, a \\\\\\\" pair and a /\""));
  g_assert_nonnull (g_strstr_len (data, len, tricky_texts[4]));
  g_assert_nonnull (g_strstr_len (data, len, tricky_texts[5]));
  g_assert_nonnull (g_strstr_len (data, len, "\"new_value\": -9223372036854775808\n"));
  g_assert_nonnull (g_strstr_len (data, len, "\"new_value\": 5.0\n"));
  g_assert_nonnull (g_strstr_len (data, len, "\"old_value\": null,"));

  /* json-glib reads back every value as it was stored, with its type. */
  g_assert_true (json_parser_load_from_data (parser, data, len, &error));
  g_assert_no_error (error);
  tables = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)),
                                          "tables");
  project = json_array_get_object_element (json_object_get_array_member (tables, "project"), 0);
  g_assert_cmpstr (json_object_get_string_member (project, "organisation"), ==,
                   tricky_texts[3]);

  n = 0;
  for (guint i = 0; i <= G_N_ELEMENTS (tricky_texts); i++)
    {
      g_autofree char *uuid = g_strdup_printf ("tricky-%03u", n++);
      JsonObject *change = find_change (tables, uuid);
      JsonNode *value = json_object_get_member (change, "new_value");
      const char *expected = i < G_N_ELEMENTS (tricky_texts) ? tricky_texts[i] : long_text;

      g_assert_true (json_node_get_value_type (value) == G_TYPE_STRING);
      g_assert_cmpstr (json_node_get_string (value), ==, expected);
      g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (change, "old_value")));
    }
  for (guint i = 0; i < G_N_ELEMENTS (tricky_ints); i++)
    {
      g_autofree char *uuid = g_strdup_printf ("tricky-%03u", n++);
      JsonNode *value = json_object_get_member (find_change (tables, uuid), "new_value");

      g_assert_true (json_node_get_value_type (value) == G_TYPE_INT64);
      g_assert_cmpint (json_node_get_int (value), ==, tricky_ints[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (tricky_reals); i++)
    {
      g_autofree char *uuid = g_strdup_printf ("tricky-%03u", n++);
      JsonNode *value = json_object_get_member (find_change (tables, uuid), "new_value");

      g_assert_true (json_node_get_value_type (value) == G_TYPE_DOUBLE);
      g_assert_cmpfloat (json_node_get_double (value), ==, tricky_reals[i]);
    }

  /* Import into a new project, export again: the same bytes. */
  copy = aims_document_new_untitled ("Importer", &error);
  g_assert_no_error (error);
  g_assert_true (aims_project_json_import (aims_document_get_store (copy), data, len,
                                           "tricky.json", &error));
  g_assert_no_error (error);
  again = aims_project_json_export (aims_document_get_store (copy), &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (bytes, again));

  aims_document_close (copy);
  aims_document_close (document);
  aims_test_remove_tree (dir);
}

/* A text that is not UTF-8 cannot be exported: the message says which field
 * and what to do, and no file (not even a temporary one) is left. */
static void
test_export_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsDocument) document = NULL;
  g_autoptr(GDir) listing = NULL;
  g_autofree char *dir = aims_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "bad.json", NULL);
  sqlite3 *db;

  document = aims_document_new_untitled ("Test", &error);
  g_assert_no_error (error);
  db = _aims_store_get_db (aims_document_get_store (document));
  g_assert_cmpint (sqlite3_exec (db, "UPDATE project SET organisation = CAST(x'41c328' AS TEXT)",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  g_assert_false (aims_project_json_write_file (aims_document_get_store (document), path,
                                                &error));
  g_assert_error (error, AIMS_PROJECT_JSON_ERROR, AIMS_PROJECT_JSON_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "The field “organisation” of a record in the table "
                                            "“project” holds a value that cannot be exported; "
                                            "check the project with “aims check”."));
  listing = g_dir_open (dir, 0, NULL);
  g_assert_null (g_dir_read_name (listing));

  aims_document_close (document);
  aims_test_remove_tree (dir);
}

/* A disk that fills up while the document is written: the message of every
 * export (“the disk is full”), the file that was there is kept, and no
 * temporary file is left. The limit on the file size (RLIMIT_FSIZE) makes
 * writes past it fail with EFBIG, as they would with ENOSPC; it is set in a
 * child, so the test's own files are not limited. */
static void
test_export_disk_full (void)
{
  g_autofree char *dir = aims_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "out.json", NULL);
  g_autoptr(GDir) listing = NULL;
  g_autofree char *kept = NULL;
  const char *name;
  int status;
  pid_t pid;

  ensure_demo ();
  g_assert_true (g_file_set_contents (path, "kept", -1, NULL));

  pid = aims_test_fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      g_autoptr(GFile) file = g_file_new_for_path (demo_path);
      AimsDocument *document = aims_document_open (file, AIMS_OPEN_READ_ONLY, NULL, NULL);
      struct rlimit limit = { 64 * 1024, 64 * 1024 };
      GError *child_error = NULL;

      g_assert_nonnull (document);
      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

      g_assert_false (aims_project_json_write_file (aims_document_get_store (document), path,
                                                    &child_error));
      g_assert_nonnull (child_error);
      g_assert_true (child_error->domain == G_IO_ERROR);
      if (!g_str_has_suffix (child_error->message, "out.json” could not be written: the disk "
                                                   "is full. Free some space, or choose another "
                                                   "folder."))
        g_error ("Unexpected message: %s", child_error->message);
      aims_document_close (document);
      g_object_unref (document);
      _exit (0);
    }

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);

  /* The file that was there is as it was; no temporary file is left. */
  g_assert_true (g_file_get_contents (path, &kept, NULL, NULL));
  g_assert_cmpstr (kept, ==, "kept");
  listing = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (listing)) != NULL)
    g_assert_cmpstr (name, ==, "out.json");
  aims_test_remove_tree (dir);
}

typedef struct
{
  AimsStore *store;
  char      *folder;
} Unwritable;

static void
export_to_unwritable (gpointer data)
{
  Unwritable *u = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (u->folder, "out.json", NULL);
  g_autofree char *folder_display = g_filename_display_name (u->folder);
  g_autofree char *expected = NULL;
  g_autoptr(GDir) listing = NULL;

  g_assert_false (aims_project_json_write_file (u->store, path, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  expected = g_strdup_printf ("“%s” could not be written: the folder “%s” cannot be written "
                              "to. Choose another folder.", path, folder_display);
  g_assert_cmpstr (error->message, ==, expected);
  listing = g_dir_open (u->folder, 0, NULL);
  g_assert_null (g_dir_read_name (listing));
}

/* A folder that cannot be written to: the message of every export, and
 * nothing written. As root, permissions do not stop writing: the case runs
 * as nobody, on the project opened before. */
static void
test_export_unwritable_folder (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsDocument) document = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *dir = aims_test_make_dir ();
  g_autofree char *folder = g_build_filename (dir, "read-only", NULL);
  Unwritable u = { NULL, folder };

  ensure_demo ();
  file = g_file_new_for_path (demo_path);
  document = aims_document_open (file, AIMS_OPEN_READ_ONLY, NULL, &error);
  g_assert_no_error (error);
  u.store = aims_document_get_store (document);
  g_assert_cmpint (g_mkdir (folder, 0555), ==, 0);
  g_assert_cmpint (g_chmod (folder, 0555), ==, 0);

  aims_test_run_unprivileged (export_to_unwritable, &u);

  aims_document_close (document);
  aims_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/project-json/round-trip/demo", test_round_trip_demo);
  g_test_add_func ("/project-json/round-trip/large", test_round_trip_large);
  g_test_add_func ("/project-json/deterministic", test_deterministic);
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/project-json/bad/%s", bad_cases[i].name);

      g_test_add_data_func (path, &bad_cases[i], test_bad_input);
    }
  g_test_add_func ("/project-json/bad/duplicate-uuid", test_duplicate_uuid);
  g_test_add_func ("/project-json/bad/minimal", test_minimal_documents);
  g_test_add_func ("/project-json/bad/too-large", test_too_large);
  g_test_add_func ("/project-json/not-empty", test_not_empty);
  g_test_add_func ("/project-json/rolled-back", test_rolled_back);
  g_test_add_func ("/project-json/byte-order-mark", test_byte_order_mark);
  g_test_add_func ("/project-json/escapes", test_escapes);
  g_test_add_func ("/project-json/tricky-values", test_tricky_values);
  g_test_add_func ("/project-json/export-refused", test_export_refused);
  g_test_add_func ("/project-json/export-disk-full", test_export_disk_full);
  g_test_add_func ("/project-json/export-unwritable-folder", test_export_unwritable_folder);
  g_test_add_func ("/project-json/cli", test_cli);
  g_test_add_func ("/project-json/schema-file", test_schema_file);
  g_test_add_func ("/project-json/fuzz-corpus", test_fuzz_corpus);

  status = g_test_run ();

  if (demo_dir != NULL)
    aims_test_remove_tree (demo_dir);
  g_free (demo_dir);
  g_free (demo_path);
  g_free (demo_json);
  return status;
}
