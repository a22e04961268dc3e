/* test-cli-catalog.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* `aims catalog`: the listing a person reads, the JSON a script reads, both
 * from the bundled catalog, and wrong arguments refused. */

#include "config.h"

#include <aims-core.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "aims-test-util.h"

static AimsCatalog *
get_catalog (void)
{
  g_autoptr(GError) error = NULL;
  AimsCatalog *catalog = aims_catalog_get_default (&error);

  g_assert_no_error (error);
  return catalog;
}

static gboolean
has_line (const char *text,
          const char *pattern)
{
  return g_regex_match_simple (pattern, text, G_REGEX_MULTILINE, 0);
}

static void
test_text (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  GListModel *controls = aims_catalog_get_items (get_catalog (), AIMS_CATALOG_KIND_CONTROL);
  GListModel *clauses = aims_catalog_get_items (get_catalog (), AIMS_CATALOG_KIND_CLAUSE);
  g_autofree char *version = g_strdup_printf ("^Catalog version: %s$",
                                              aims_catalog_get_version (get_catalog ()));

  g_assert_cmpint (aims_test_run_cli (&out, &err, "catalog", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");

  g_assert_true (has_line (out, version));
  g_assert_true (has_line (out, "^ISO/IEC 42001:2023 clauses and sub-clauses: 43$"));
  g_assert_true (has_line (out, "^Annex A objectives: 9$"));
  g_assert_true (has_line (out, "^Annex A controls: 38$"));
  g_assert_true (has_line (out, "^Annex C objectives: 11$"));
  g_assert_true (has_line (out, "^Annex C risk sources: 7$"));
  g_assert_true (has_line (out, "^NIST AI RMF functions: 4$"));
  g_assert_true (has_line (out, "^NIST AI RMF categories: 19$"));
  g_assert_true (has_line (out, "^NIST AI RMF subcategories: 72$"));
  g_assert_true (has_line (out, "^EU AI Act labels: 24$"));
  g_assert_true (has_line (out, "^Crosswalk links to the NIST AI RMF: [0-9]+ \\(AIMS Workbench "
                                "authors’ mapping, informative\\)$"));

  /* The trees, indented by depth, headings with their phase */
  g_assert_true (has_line (out, "^  9 +Performance evaluation \\(Check\\)$"));
  g_assert_true (has_line (out, "^    9\\.2 +Internal audit$"));
  g_assert_true (has_line (out, "^      9\\.2\\.2 +Internal audit programme$"));
  g_assert_true (has_line (out, "^  A\\.6 +AI system life cycle$"));
  g_assert_true (has_line (out, "^      A\\.6\\.2\\.6 +AI system operation and monitoring$"));

  /* Every clause and every control, once each */
  for (guint i = 0; i < g_list_model_get_n_items (clauses) + g_list_model_get_n_items (controls);
       i++)
    {
      guint n_clauses = g_list_model_get_n_items (clauses);
      g_autoptr(AimsCatalogItem) item = i < n_clauses
                                        ? g_list_model_get_item (clauses, i)
                                        : g_list_model_get_item (controls, i - n_clauses);
      g_autofree char *escaped = g_regex_escape_string (aims_catalog_item_get_id (item), -1);
      g_autofree char *pattern = g_strdup_printf ("^ +%s +", escaped);
      g_autoptr(GRegex) regex = g_regex_new (pattern, G_REGEX_MULTILINE, 0, NULL);
      g_autoptr(GMatchInfo) match = NULL;
      guint n = 0;

      g_regex_match (regex, out, 0, &match);
      while (g_match_info_matches (match))
        {
          n++;
          g_match_info_next (match, NULL);
        }
      if (n != 1)
        g_error ("%s is listed %u times", aims_catalog_item_get_id (item), n);
    }
}

static JsonObject *
find_by_id (JsonArray  *array,
            const char *id)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);

      if (g_str_equal (json_object_get_string_member (object, "id"), id))
        return object;
    }

  return NULL;
}

static gboolean
array_contains (JsonArray  *array,
                const char *text)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      if (g_str_equal (json_array_get_string_element (array, i), text))
        return TRUE;
    }

  return FALSE;
}

static void
test_json (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonObject *counts;
  JsonArray *clauses;
  JsonArray *controls;
  JsonObject *clause;
  JsonObject *control;

  g_assert_cmpint (aims_test_run_cli (&out, &err, "catalog", "--json", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));

  g_assert_cmpstr (json_object_get_string_member (root, "version"), ==,
                   aims_catalog_get_version (get_catalog ()));
  g_assert_cmpstr (json_object_get_string_member (root, "crosswalk_source"), ==,
                   "AIMS Workbench authors’ mapping, informative");

  counts = json_object_get_object_member (root, "counts");
  g_assert_cmpint (json_object_get_int_member (counts, "clauses"), ==, 43);
  g_assert_cmpint (json_object_get_int_member (counts, "annex_a_objectives"), ==, 9);
  g_assert_cmpint (json_object_get_int_member (counts, "controls"), ==, 38);
  g_assert_cmpint (json_object_get_int_member (counts, "ai_objectives"), ==, 11);
  g_assert_cmpint (json_object_get_int_member (counts, "risk_sources"), ==, 7);
  g_assert_cmpint (json_object_get_int_member (counts, "nist_functions"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (counts, "nist_categories"), ==, 19);
  g_assert_cmpint (json_object_get_int_member (counts, "nist_subcategories"), ==, 72);
  g_assert_cmpint (json_object_get_int_member (counts, "eu_ai_act_labels"), ==, 24);
  g_assert_cmpint (json_object_get_int_member (counts, "crosswalk_links"), ==,
                   aims_catalog_get_n_crosswalk_links (get_catalog ()));

  clauses = json_object_get_array_member (root, "clauses");
  controls = json_object_get_array_member (root, "controls");
  g_assert_cmpuint (json_array_get_length (clauses), ==, 43);
  g_assert_cmpuint (json_array_get_length (controls), ==, 38);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root,
                                                                         "control_objectives")),
                    ==, 11);

  clause = find_by_id (clauses, "9.2");
  g_assert_nonnull (clause);
  g_assert_cmpstr (json_object_get_string_member (clause, "parent"), ==, "9");
  g_assert_cmpstr (json_object_get_string_member (clause, "title"), ==, "Internal audit");
  g_assert_cmpstr (json_object_get_string_member (clause, "phase"), ==, "check");
  g_assert_true (array_contains (json_object_get_array_member (clause, "nist"), "GOVERN 1.5"));
  g_assert_true (json_object_get_null_member (find_by_id (clauses, "10"), "parent"));
  g_assert_cmpstr (json_object_get_string_member (find_by_id (clauses, "10.2"), "phase"), ==,
                   "act");

  for (guint i = 0; i < json_array_get_length (controls); i++)
    {
      control = json_array_get_object_element (controls, i);
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (control, "nist")),
                        >, 0);
      g_assert_cmpstr (json_object_get_string_member (control, "description"), !=,
                       json_object_get_string_member (control, "title"));
      g_assert_false (json_object_has_member (control, "phase"));
    }

  control = find_by_id (controls, "A.6.2.6");
  g_assert_cmpstr (json_object_get_string_member (control, "objective"), ==, "A.6.2");
  g_assert_true (array_contains (json_object_get_array_member (control, "nist"), "MEASURE 2.4"));
  g_assert_true (array_contains (json_object_get_array_member (control, "nist"), "MANAGE 4.1"));
}

static void
test_refusals (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (aims_test_run_cli (&out, &err, "catalog", "Project.aims", NULL), ==, 2);
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpstr (err, ==, "aims: “Project.aims” is not an option, and aims catalog reads no "
                            "file. Run “aims catalog --help” for the options.\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (aims_test_run_cli (&out, &err, "catalog", "--csv", NULL), ==, 2);
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, "--csv"));
  g_assert_nonnull (strstr (err, "aims catalog --help"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Listed in the tool's help */
  g_assert_cmpint (aims_test_run_cli (&out, &err, "--help", NULL), ==, 0);
  g_assert_true (has_line (out, "^  catalog \\[--json\\] +List the bundled"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cli/catalog/text", test_text);
  g_test_add_func ("/cli/catalog/json", test_json);
  g_test_add_func ("/cli/catalog/refusals", test_refusals);

  return g_test_run ();
}
