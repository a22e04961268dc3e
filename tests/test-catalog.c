/* test-catalog.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The bundled catalog: loaded once from the core's resources; the counts and
 * the exact ids, titles and texts of the reference tables
 * (tests/data/reference); our descriptions; tree order and lookups; the
 * crosswalk both ways; a damaged catalog refused with a message naming the
 * entry; and the data elsewhere in the core that repeats catalog entries. */

#include "config.h"

#include <aims-core.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "aims-test-util.h"

/* Counts of the published structures */
#define N_CLAUSE_ENTRIES     43   /* 7 clauses and 36 sub-clauses */
#define N_CLAUSE_HEADINGS    7
#define N_OBJECTIVES         9    /* A.2 … A.10 */
#define N_SUB_OBJECTIVES     2    /* A.6.1, A.6.2 */
#define N_CONTROLS           38
#define N_AI_OBJECTIVES      11
#define N_RISK_SOURCES       7
#define N_NIST_FUNCTIONS     4
#define N_NIST_CATEGORIES    19
#define N_NIST_SUBCATEGORIES 72
#define N_EU_AI_ACT_LABELS   24

static AimsCatalog *
get_catalog (void)
{
  g_autoptr(GError) error = NULL;
  AimsCatalog *catalog = aims_catalog_get_default (&error);

  g_assert_no_error (error);
  g_assert_nonnull (catalog);
  return catalog;
}

static AimsCatalogItem *
item_at (GListModel *model,
         guint       position)
{
  g_autoptr(AimsCatalogItem) item = g_list_model_get_item (model, position);

  g_assert_nonnull (item);
  /* The catalog keeps its own reference for the life of the catalog */
  return item;
}

static GBytes *
bundled_bytes (void)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  get_catalog ();  /* registers the core's resources */
  bytes = g_resources_lookup_data (AIMS_CATALOG_RESOURCE_PATH, G_RESOURCE_LOOKUP_FLAGS_NONE,
                                   &error);
  g_assert_no_error (error);
  return bytes;
}

/* RFC 4180 CSV: quoted fields with "" inside, CRLF or LF line ends. Returns
 * the rows after the header, which must be @header. */
static GPtrArray *
read_csv (const char         *name,
          const char * const *header)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "reference", name, NULL);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gboolean quoted = FALSE;
  gsize length;

  g_assert_true (g_file_get_contents (path, &text, &length, &error));
  g_assert_no_error (error);
  g_assert_true (g_utf8_validate (text, length, NULL));

  for (gsize i = 0; i < length; i++)
    {
      char c = text[i];

      if (quoted)
        {
          if (c == '"' && i + 1 < length && text[i + 1] == '"')
            {
              g_string_append_c (field, '"');
              i++;
            }
          else if (c == '"')
            quoted = FALSE;
          else
            g_string_append_c (field, c);
        }
      else if (c == '"')
        quoted = TRUE;
      else if (c == ',')
        {
          g_ptr_array_add (fields, g_string_free (g_steal_pointer (&field), FALSE));
          field = g_string_new (NULL);
        }
      else if (c == '\r')
        continue;
      else if (c == '\n')
        {
          g_ptr_array_add (fields, g_string_free (g_steal_pointer (&field), FALSE));
          field = g_string_new (NULL);
          g_ptr_array_add (fields, NULL);
          g_ptr_array_add (rows, g_strdupv ((char **) fields->pdata));
          g_ptr_array_set_size (fields, 0);
        }
      else
        g_string_append_c (field, c);
    }
  g_assert_false (quoted);
  g_assert_cmpuint (field->len, ==, 0);  /* the file ends with a line end */

  g_assert_cmpuint (rows->len, >, 0);
  g_assert_cmpstrv ((char **) g_ptr_array_index (rows, 0), header);
  for (guint i = 0; i < rows->len; i++)
    g_assert_cmpuint (g_strv_length (g_ptr_array_index (rows, i)), ==, g_strv_length ((char **) header));
  g_ptr_array_remove_index (rows, 0);

  return g_steal_pointer (&rows);
}

static const char *
csv_field (GPtrArray *rows,
           guint      row,
           guint      column)
{
  return ((char **) g_ptr_array_index (rows, row))[column];
}

static const char *
nullable (const char *text)
{
  return text != NULL && *text != '\0' ? text : NULL;
}

/* Loaded once, from any thread: four threads asking at the same time get the
 * same catalog. First in the suite so that the load really is concurrent. */
static gpointer
get_default_thread (gpointer data)
{
  return aims_catalog_get_default (NULL);
}

static void
test_default_once (void)
{
  GThread *threads[4];
  AimsCatalog *results[G_N_ELEMENTS (threads)];
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  AimsCatalog *catalog;
  const char *version;

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("catalog", get_default_thread, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    results[i] = g_thread_join (threads[i]);

  catalog = aims_catalog_get_default (&error);
  g_assert_no_error (error);
  g_assert_true (AIMS_IS_CATALOG (catalog));
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_assert_true (results[i] == catalog);
  g_assert_true (aims_catalog_get_default (NULL) == catalog);

  /* Versioned: "YYYY.N" */
  version = aims_catalog_get_version (catalog);
  g_assert_nonnull (version);
  g_assert_true (g_regex_match_simple ("^[0-9]{4}\\.[0-9]+$", version, 0, 0));

  /* The core registered its own resource bundle, apart from the GUI's */
  bytes = g_resources_lookup_data (AIMS_CATALOG_RESOURCE_PATH, G_RESOURCE_LOOKUP_FLAGS_NONE,
                                   &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (bytes), >, 1000);
  aims_core_register_resources ();  /* again: harmless */
}

static void
test_counts (void)
{
  AimsCatalog *catalog = get_catalog ();
  const struct {
    AimsCatalogKind kind;
    guint           items;
    guint           roots;
  } expected[] = {
    { AIMS_CATALOG_KIND_CLAUSE, N_CLAUSE_ENTRIES, N_CLAUSE_HEADINGS },
    { AIMS_CATALOG_KIND_CONTROL_OBJECTIVE, N_OBJECTIVES + N_SUB_OBJECTIVES, N_OBJECTIVES },
    { AIMS_CATALOG_KIND_CONTROL, N_CONTROLS, 0 },
    { AIMS_CATALOG_KIND_AI_OBJECTIVE, N_AI_OBJECTIVES, N_AI_OBJECTIVES },
    { AIMS_CATALOG_KIND_RISK_SOURCE, N_RISK_SOURCES, N_RISK_SOURCES },
    { AIMS_CATALOG_KIND_NIST_FUNCTION, N_NIST_FUNCTIONS, N_NIST_FUNCTIONS },
    { AIMS_CATALOG_KIND_NIST_CATEGORY, N_NIST_CATEGORIES, 0 },
    { AIMS_CATALOG_KIND_NIST_SUBCATEGORY, N_NIST_SUBCATEGORIES, 0 },
    { AIMS_CATALOG_KIND_EU_AI_ACT, N_EU_AI_ACT_LABELS, N_EU_AI_ACT_LABELS },
  };
  guint n_controls = 0;

  G_STATIC_ASSERT (G_N_ELEMENTS (expected) == AIMS_CATALOG_N_KINDS);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      GListModel *items = aims_catalog_get_items (catalog, expected[i].kind);

      g_assert_cmpuint (g_list_model_get_n_items (items), ==, expected[i].items);
      g_assert_cmpuint (g_list_model_get_n_items (aims_catalog_get_roots (catalog,
                                                                          expected[i].kind)),
                        ==, expected[i].roots);
      g_assert_true (g_list_model_get_item_type (items) == AIMS_TYPE_CATALOG_ITEM);

      for (guint j = 0; j < expected[i].items; j++)
        g_assert_cmpint (aims_catalog_item_get_kind (item_at (items, j)), ==, expected[i].kind);
    }

  /* The nine objectives with their controls hold each of the 38 once */
  for (guint i = 0; i < N_OBJECTIVES; i++)
    {
      GListModel *roots = aims_catalog_get_roots (catalog, AIMS_CATALOG_KIND_CONTROL_OBJECTIVE);
      const char *id = aims_catalog_item_get_id (item_at (roots, i));

      n_controls += g_list_model_get_n_items (aims_catalog_get_controls (catalog, id));
    }
  g_assert_cmpuint (n_controls, ==, N_CONTROLS);

  /* NIST: 19 categories in 4 functions, 72 subcategories in 19 categories */
  {
    GListModel *functions = aims_catalog_get_items (catalog, AIMS_CATALOG_KIND_NIST_FUNCTION);
    GListModel *categories = aims_catalog_get_items (catalog, AIMS_CATALOG_KIND_NIST_CATEGORY);
    guint n_categories = 0;
    guint n_subcategories = 0;

    for (guint i = 0; i < N_NIST_FUNCTIONS; i++)
      n_categories += g_list_model_get_n_items (
        aims_catalog_get_children (catalog, aims_catalog_item_get_id (item_at (functions, i))));
    for (guint i = 0; i < N_NIST_CATEGORIES; i++)
      n_subcategories += g_list_model_get_n_items (
        aims_catalog_get_children (catalog, aims_catalog_item_get_id (item_at (categories, i))));

    g_assert_cmpuint (n_categories, ==, N_NIST_CATEGORIES);
    g_assert_cmpuint (n_subcategories, ==, N_NIST_SUBCATEGORIES);
  }
}

static void
test_reference_clauses (void)
{
  static const char * const header[] = { "id", "parent_id", "title", NULL };
  g_autoptr(GPtrArray) rows = read_csv ("iso42001_clauses.csv", header);
  GListModel *clauses = aims_catalog_get_items (get_catalog (), AIMS_CATALOG_KIND_CLAUSE);

  /* The published structure: 6.1.1 … 6.1.4 there, 8.4 the impact assessment */
  g_assert_cmpuint (rows->len, ==, N_CLAUSE_ENTRIES);
  g_assert_cmpuint (g_list_model_get_n_items (clauses), ==, rows->len);

  for (guint i = 0; i < rows->len; i++)
    {
      AimsCatalogItem *clause = item_at (clauses, i);

      g_assert_cmpstr (aims_catalog_item_get_id (clause), ==, csv_field (rows, i, 0));
      g_assert_cmpstr (aims_catalog_item_get_parent_id (clause), ==,
                       nullable (csv_field (rows, i, 1)));
      g_assert_cmpstr (aims_catalog_item_get_title (clause), ==, csv_field (rows, i, 2));
    }

  g_assert_cmpstr (aims_catalog_item_get_title (aims_catalog_lookup (get_catalog (), "8.4")), ==,
                   "AI system impact assessment");
}

static void
test_reference_annex_a (void)
{
  static const char * const header[] = { "id", "objective_id", "objective_title", "title", NULL };
  g_autoptr(GPtrArray) rows = read_csv ("iso42001_annex_a.csv", header);
  AimsCatalog *catalog = get_catalog ();
  GListModel *controls = aims_catalog_get_items (catalog, AIMS_CATALOG_KIND_CONTROL);
  GListModel *objectives = aims_catalog_get_items (catalog, AIMS_CATALOG_KIND_CONTROL_OBJECTIVE);
  g_autoptr(GPtrArray) objective_ids = g_ptr_array_new ();
  AimsCatalogItem *a6;

  g_assert_cmpuint (rows->len, ==, N_CONTROLS);
  g_assert_cmpuint (g_list_model_get_n_items (controls), ==, rows->len);

  for (guint i = 0; i < rows->len; i++)
    {
      AimsCatalogItem *control = item_at (controls, i);
      AimsCatalogItem *objective;

      g_assert_cmpstr (aims_catalog_item_get_id (control), ==, csv_field (rows, i, 0));
      g_assert_cmpstr (aims_catalog_item_get_parent_id (control), ==, csv_field (rows, i, 1));
      g_assert_cmpstr (aims_catalog_item_get_title (control), ==, csv_field (rows, i, 3));

      objective = aims_catalog_lookup (catalog, csv_field (rows, i, 1));
      g_assert_nonnull (objective);
      g_assert_cmpint (aims_catalog_item_get_kind (objective), ==,
                       AIMS_CATALOG_KIND_CONTROL_OBJECTIVE);
      g_assert_cmpstr (aims_catalog_item_get_title (objective), ==, csv_field (rows, i, 2));

      if (!g_ptr_array_find_with_equal_func (objective_ids, csv_field (rows, i, 1),
                                             g_str_equal, NULL))
        g_ptr_array_add (objective_ids, (gpointer) csv_field (rows, i, 1));
    }

  /* Ten objective ids in the table (A.6.1 and A.6.2 in place of A.6); the
   * catalog adds A.6 above its two, with its published title */
  g_assert_cmpuint (objective_ids->len, ==, N_OBJECTIVES - 1 + N_SUB_OBJECTIVES);
  g_assert_cmpuint (g_list_model_get_n_items (objectives), ==, objective_ids->len + 1);
  a6 = aims_catalog_lookup (catalog, "A.6");
  g_assert_nonnull (a6);
  g_assert_cmpstr (aims_catalog_item_get_title (a6), ==, "AI system life cycle");
  g_assert_null (aims_catalog_item_get_parent_id (a6));
  g_assert_cmpstr (aims_catalog_item_get_parent_id (aims_catalog_lookup (catalog, "A.6.1")), ==,
                   "A.6");
  g_assert_cmpstr (aims_catalog_item_get_parent_id (aims_catalog_lookup (catalog, "A.6.2")), ==,
                   "A.6");
  for (guint i = 0; i < objective_ids->len; i++)
    g_assert_nonnull (aims_catalog_lookup (catalog, g_ptr_array_index (objective_ids, i)));
}

static void
test_reference_annex_c (void)
{
  static const char * const header[] = { "id", "kind", "name", NULL };
  g_autoptr(GPtrArray) rows = read_csv ("iso42001_annex_c.csv", header);
  AimsCatalog *catalog = get_catalog ();
  GListModel *objectives = aims_catalog_get_items (catalog, AIMS_CATALOG_KIND_AI_OBJECTIVE);
  GListModel *sources = aims_catalog_get_items (catalog, AIMS_CATALOG_KIND_RISK_SOURCE);
  guint n_objectives = 0;
  guint n_sources = 0;

  for (guint i = 0; i < rows->len; i++)
    {
      gboolean is_objective = g_str_equal (csv_field (rows, i, 1), "objective");
      AimsCatalogItem *item;

      g_assert_true (is_objective || g_str_equal (csv_field (rows, i, 1), "risk_source"));
      item = is_objective ? item_at (objectives, n_objectives++) : item_at (sources, n_sources++);
      g_assert_cmpstr (aims_catalog_item_get_id (item), ==, csv_field (rows, i, 0));
      g_assert_cmpstr (aims_catalog_item_get_title (item), ==, csv_field (rows, i, 2));
    }

  g_assert_cmpuint (n_objectives, ==, N_AI_OBJECTIVES);
  g_assert_cmpuint (n_sources, ==, N_RISK_SOURCES);
  g_assert_cmpuint (g_list_model_get_n_items (objectives), ==, n_objectives);
  g_assert_cmpuint (g_list_model_get_n_items (sources), ==, n_sources);
}

static void
test_reference_nist (void)
{
  static const char * const category_header[] = { "id", "function", "text", NULL };
  static const char * const subcategory_header[] = {
    "id", "function", "category", "short_text", NULL
  };
  static const char * const names[] = { "Govern", "Map", "Measure", "Manage" };
  g_autoptr(GPtrArray) categories = read_csv ("nist_ai_rmf_categories.csv", category_header);
  g_autoptr(GPtrArray) subcategories = read_csv ("nist_ai_rmf.csv", subcategory_header);
  AimsCatalog *catalog = get_catalog ();
  GListModel *functions = aims_catalog_get_items (catalog, AIMS_CATALOG_KIND_NIST_FUNCTION);
  GListModel *category_items = aims_catalog_get_items (catalog, AIMS_CATALOG_KIND_NIST_CATEGORY);
  GListModel *subcategory_items = aims_catalog_get_items (catalog,
                                                          AIMS_CATALOG_KIND_NIST_SUBCATEGORY);
  guint n_functions = 0;
  guint n_categories = 0;

  /* The categories table holds the functions too: a row whose id is its
   * function */
  g_assert_cmpuint (categories->len, ==, N_NIST_FUNCTIONS + N_NIST_CATEGORIES);
  for (guint i = 0; i < categories->len; i++)
    {
      const char *id = csv_field (categories, i, 0);
      const char *function = csv_field (categories, i, 1);
      AimsCatalogItem *item;

      if (g_str_equal (id, function))
        {
          item = item_at (functions, n_functions);
          g_assert_cmpstr (aims_catalog_item_get_id (item), ==, id);
          g_assert_cmpstr (aims_catalog_item_get_title (item), ==, names[n_functions]);
          g_assert_cmpstr (aims_catalog_item_get_description (item), ==,
                           csv_field (categories, i, 2));
          n_functions++;
        }
      else
        {
          item = item_at (category_items, n_categories++);
          g_assert_cmpstr (aims_catalog_item_get_id (item), ==, id);
          g_assert_cmpstr (aims_catalog_item_get_parent_id (item), ==, function);
          g_assert_cmpstr (aims_catalog_item_get_title (item), ==, csv_field (categories, i, 2));
          g_assert_null (aims_catalog_item_get_description (item));
        }
    }
  g_assert_cmpuint (n_functions, ==, N_NIST_FUNCTIONS);
  g_assert_cmpuint (n_categories, ==, N_NIST_CATEGORIES);

  g_assert_cmpuint (subcategories->len, ==, N_NIST_SUBCATEGORIES);
  g_assert_cmpuint (g_list_model_get_n_items (subcategory_items), ==, subcategories->len);
  for (guint i = 0; i < subcategories->len; i++)
    {
      AimsCatalogItem *item = item_at (subcategory_items, i);
      AimsCatalogItem *category;

      g_assert_cmpstr (aims_catalog_item_get_id (item), ==, csv_field (subcategories, i, 0));
      g_assert_cmpstr (aims_catalog_item_get_parent_id (item), ==,
                       csv_field (subcategories, i, 2));
      g_assert_cmpstr (aims_catalog_item_get_title (item), ==, csv_field (subcategories, i, 3));

      /* The two tables agree on each category's function */
      category = aims_catalog_lookup (catalog, csv_field (subcategories, i, 2));
      g_assert_nonnull (category);
      g_assert_cmpstr (aims_catalog_item_get_parent_id (category), ==,
                       csv_field (subcategories, i, 1));
    }
}

static void
test_reference_eu_ai_act (void)
{
  static const char * const header[] = { "id", "tier", "label", NULL };
  g_autoptr(GPtrArray) rows = read_csv ("eu_ai_act.csv", header);
  GListModel *labels = aims_catalog_get_items (get_catalog (), AIMS_CATALOG_KIND_EU_AI_ACT);

  g_assert_cmpuint (rows->len, ==, N_EU_AI_ACT_LABELS);
  g_assert_cmpuint (g_list_model_get_n_items (labels), ==, rows->len);
  for (guint i = 0; i < rows->len; i++)
    {
      AimsCatalogItem *label = item_at (labels, i);

      g_assert_cmpstr (aims_catalog_item_get_id (label), ==, csv_field (rows, i, 0));
      g_assert_cmpstr (aims_catalog_item_get_tier (label), ==, csv_field (rows, i, 1));
      g_assert_cmpstr (aims_catalog_item_get_title (label), ==, csv_field (rows, i, 2));
    }
}

/* Our own words for every ISO/IEC 42001 entry: present, not the title, one
 * or two sentences. */
static void
test_descriptions (void)
{
  static const AimsCatalogKind kinds[] = {
    AIMS_CATALOG_KIND_CLAUSE, AIMS_CATALOG_KIND_CONTROL_OBJECTIVE, AIMS_CATALOG_KIND_CONTROL,
    AIMS_CATALOG_KIND_AI_OBJECTIVE, AIMS_CATALOG_KIND_RISK_SOURCE,
  };
  AimsCatalog *catalog = get_catalog ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      GListModel *items = aims_catalog_get_items (catalog, kinds[k]);

      for (guint i = 0; i < g_list_model_get_n_items (items); i++)
        {
          AimsCatalogItem *item = item_at (items, i);
          const char *id = aims_catalog_item_get_id (item);
          const char *description = aims_catalog_item_get_description (item);
          guint sentences = 0;

          if (description == NULL || *description == '\0')
            g_error ("%s has no description", id);
          if (g_ascii_strcasecmp (description, aims_catalog_item_get_title (item)) == 0)
            g_error ("The description of %s is its title", id);
          if (!g_hash_table_add (seen, (gpointer) description))
            g_error ("The description of %s is also another entry's", id);

          g_assert_true (g_str_has_suffix (description, "."));
          for (const char *p = description; *p != '\0'; p++)
            sentences += (*p == '.' && (p[1] == ' ' || p[1] == '\0'));
          if (sentences < 1 || sentences > 2 || strlen (description) > 300)
            g_error ("The description of %s is not one or two short sentences: %s", id,
                     description);

          /* Only the catalog's own typography: no straight apostrophes */
          g_assert_null (strchr (description, '\''));
        }
    }
}

static void
test_ids_unique (void)
{
  AimsCatalog *catalog = get_catalog ();
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  guint total = 0;

  for (guint kind = 0; kind < AIMS_CATALOG_N_KINDS; kind++)
    {
      GListModel *items = aims_catalog_get_items (catalog, kind);

      for (guint i = 0; i < g_list_model_get_n_items (items); i++)
        {
          AimsCatalogItem *item = item_at (items, i);
          const char *id = aims_catalog_item_get_id (item);

          if (!g_hash_table_add (ids, (gpointer) id))
            g_error ("The id %s appears twice", id);
          g_assert_true (aims_catalog_lookup (catalog, id) == item);
          total++;
        }
    }

  g_assert_cmpuint (total, ==, N_CLAUSE_ENTRIES + N_OBJECTIVES + N_SUB_OBJECTIVES + N_CONTROLS +
                               N_AI_OBJECTIVES + N_RISK_SOURCES + N_NIST_FUNCTIONS +
                               N_NIST_CATEGORIES + N_NIST_SUBCATEGORIES + N_EU_AI_ACT_LABELS);

  g_assert_null (aims_catalog_lookup (catalog, "A.11.2"));
  g_assert_null (aims_catalog_lookup (catalog, "a.2.2"));
  g_assert_null (aims_catalog_lookup (catalog, ""));
  g_assert_null (aims_catalog_lookup (catalog, NULL));
}

static char *
join_ids (GListModel *model)
{
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      if (i > 0)
        g_string_append_c (ids, ' ');
      g_string_append (ids, aims_catalog_item_get_id (item_at (model, i)));
    }

  return g_string_free (g_steal_pointer (&ids), FALSE);
}

#define assert_ids(model, expected) \
  G_STMT_START { \
    g_autofree char *ids_ = join_ids (model); \
    g_assert_cmpstr (ids_, ==, expected); \
  } G_STMT_END

/* Clauses in tree order with their depth and PDCA phase; objectives with
 * their controls; what the SoA and the PDCA board will walk. */
static void
test_tree (void)
{
  AimsCatalog *catalog = get_catalog ();
  GListModel *clauses = aims_catalog_get_items (catalog, AIMS_CATALOG_KIND_CLAUSE);
  /* DOMAIN.md: 4, 5, 6, 7 (support) Plan; 8 Do; 9 Check; 10 Act. */
  static const AimsPdcaPhase phases[] = {
    AIMS_PDCA_PHASE_PLAN, AIMS_PDCA_PHASE_PLAN, AIMS_PDCA_PHASE_PLAN,
    AIMS_PDCA_PHASE_PLAN, AIMS_PDCA_PHASE_DO, AIMS_PDCA_PHASE_CHECK, AIMS_PDCA_PHASE_ACT,
  };

  assert_ids (aims_catalog_get_roots (catalog, AIMS_CATALOG_KIND_CLAUSE), "4 5 6 7 8 9 10");
  assert_ids (aims_catalog_get_children (catalog, "6"), "6.1 6.2 6.3");
  assert_ids (aims_catalog_get_children (catalog, "6.1"), "6.1.1 6.1.2 6.1.3 6.1.4");
  assert_ids (aims_catalog_get_children (catalog, "9.3"), "9.3.1 9.3.2 9.3.3");
  assert_ids (aims_catalog_get_children (catalog, "6.1.3"), "");
  assert_ids (aims_catalog_get_children (catalog, "no such id"), "");
  assert_ids (aims_catalog_get_children (catalog, NULL), "");

  for (guint i = 0; i < g_list_model_get_n_items (clauses); i++)
    {
      AimsCatalogItem *clause = item_at (clauses, i);
      const char *id = aims_catalog_item_get_id (clause);
      guint top = (guint) g_ascii_strtoull (id, NULL, 10);
      guint dots = 0;

      for (const char *p = id; *p != '\0'; p++)
        dots += *p == '.';

      /* Every sub-clause comes straight after its parent or its siblings */
      if (i > 0 && aims_catalog_item_get_parent_id (clause) != NULL)
        {
          AimsCatalogItem *before = item_at (clauses, i - 1);

          g_assert_true (g_str_has_prefix (aims_catalog_item_get_id (before),
                                           aims_catalog_item_get_parent_id (clause)));
        }

      g_assert_cmpuint (aims_catalog_item_get_depth (clause), ==, dots);
      g_assert_cmpuint (top, >=, 4);
      g_assert_cmpuint (top, <=, 10);
      g_assert_cmpint (aims_catalog_item_get_phase (clause), ==, phases[top - 4]);
    }

  /* Annex A: nine objectives, A.6 split in two */
  assert_ids (aims_catalog_get_roots (catalog, AIMS_CATALOG_KIND_CONTROL_OBJECTIVE),
              "A.2 A.3 A.4 A.5 A.6 A.7 A.8 A.9 A.10");
  assert_ids (aims_catalog_get_children (catalog, "A.6"), "A.6.1 A.6.2");
  assert_ids (aims_catalog_get_children (catalog, "A.6.1"), "A.6.1.2 A.6.1.3");
  assert_ids (aims_catalog_get_controls (catalog, "A.6"),
              "A.6.1.2 A.6.1.3 A.6.2.2 A.6.2.3 A.6.2.4 A.6.2.5 A.6.2.6 A.6.2.7 A.6.2.8");
  assert_ids (aims_catalog_get_controls (catalog, "A.5"), "A.5.2 A.5.3 A.5.4 A.5.5");
  assert_ids (aims_catalog_get_controls (catalog, "A.10"), "A.10.2 A.10.3 A.10.4");
  assert_ids (aims_catalog_get_controls (catalog, "A.10.2"), "");
  assert_ids (aims_catalog_get_controls (catalog, "9.2"), "");
  g_assert_cmpuint (aims_catalog_item_get_depth (aims_catalog_lookup (catalog, "A.2.2")), ==, 1);
  g_assert_cmpuint (aims_catalog_item_get_depth (aims_catalog_lookup (catalog, "A.6.2.6")), ==,
                    2);
  g_assert_cmpint (aims_catalog_item_get_phase (aims_catalog_lookup (catalog, "A.2.2")), ==,
                   AIMS_PDCA_PHASE_NONE);

  /* NIST */
  assert_ids (aims_catalog_get_roots (catalog, AIMS_CATALOG_KIND_NIST_FUNCTION),
              "GOVERN MAP MEASURE MANAGE");
  assert_ids (aims_catalog_get_children (catalog, "MANAGE"),
              "MANAGE 1 MANAGE 2 MANAGE 3 MANAGE 4");
  assert_ids (aims_catalog_get_children (catalog, "GOVERN 1"),
              "GOVERN 1.1 GOVERN 1.2 GOVERN 1.3 GOVERN 1.4 GOVERN 1.5 GOVERN 1.6 GOVERN 1.7");
  g_assert_cmpuint (g_list_model_get_n_items (aims_catalog_get_children (catalog, "MEASURE 2")),
                    ==, 13);
}

static gboolean
model_contains (GListModel *model,
                const char *id)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      if (g_str_equal (aims_catalog_item_get_id (item_at (model, i)), id))
        return TRUE;
    }

  return FALSE;
}

static gboolean
model_contains_prefix (GListModel *model,
                       const char *prefix)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      if (g_str_has_prefix (aims_catalog_item_get_id (item_at (model, i)), prefix))
        return TRUE;
    }

  return FALSE;
}

static void
check_crosswalk_side (AimsCatalog     *catalog,
                      AimsCatalogKind  kind,
                      guint           *n_links)
{
  GListModel *items = aims_catalog_get_items (catalog, kind);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      AimsCatalogItem *item = item_at (items, i);
      const char *id = aims_catalog_item_get_id (item);
      GListModel *related = aims_catalog_get_crosswalk (catalog, id);
      gboolean heading = kind == AIMS_CATALOG_KIND_CLAUSE &&
                         aims_catalog_item_get_parent_id (item) == NULL;

      if (g_list_model_get_n_items (related) == 0)
        g_error ("%s has no crosswalk to the NIST AI RMF", id);

      for (guint j = 0; j < g_list_model_get_n_items (related); j++)
        {
          AimsCatalogItem *target = item_at (related, j);
          const char *target_id = aims_catalog_item_get_id (target);

          /* Every reference exists, and is a subcategory */
          g_assert_true (aims_catalog_lookup (catalog, target_id) == target);
          g_assert_cmpint (aims_catalog_item_get_kind (target), ==,
                           AIMS_CATALOG_KIND_NIST_SUBCATEGORY);

          /* Both ways: the subcategory lists the clause or control back;
           * a heading through its sub-clauses */
          if (!heading)
            {
              g_assert_true (model_contains (aims_catalog_get_crosswalk (catalog, target_id), id));
              (*n_links)++;
            }
          else
            {
              GListModel *back = aims_catalog_get_crosswalk (catalog, target_id);
              g_autofree char *prefix = g_strconcat (id, ".", NULL);

              g_assert_false (model_contains (back, id));
              g_assert_true (model_contains_prefix (back, prefix));
            }
        }
    }
}

static void
test_crosswalk (void)
{
  AimsCatalog *catalog = get_catalog ();
  GListModel *subcategories = aims_catalog_get_items (catalog,
                                                      AIMS_CATALOG_KIND_NIST_SUBCATEGORY);
  guint n_links = 0;
  guint n_back = 0;

  /* Marked as ours */
  g_assert_cmpstr (aims_catalog_get_crosswalk_source (catalog), ==,
                   "AIMS Workbench authors’ mapping, informative");

  check_crosswalk_side (catalog, AIMS_CATALOG_KIND_CLAUSE, &n_links);
  check_crosswalk_side (catalog, AIMS_CATALOG_KIND_CONTROL, &n_links);
  g_assert_cmpuint (n_links, ==, aims_catalog_get_n_crosswalk_links (catalog));

  /* From the NIST side: only clauses and controls, and every subcategory
   * has at least one */
  for (guint i = 0; i < N_NIST_SUBCATEGORIES; i++)
    {
      const char *id = aims_catalog_item_get_id (item_at (subcategories, i));
      GListModel *back = aims_catalog_get_crosswalk (catalog, id);

      if (g_list_model_get_n_items (back) == 0)
        g_error ("No clause or control relates to %s", id);
      for (guint j = 0; j < g_list_model_get_n_items (back); j++)
        {
          AimsCatalogKind kind = aims_catalog_item_get_kind (item_at (back, j));

          g_assert_true (kind == AIMS_CATALOG_KIND_CLAUSE || kind == AIMS_CATALOG_KIND_CONTROL);
          g_assert_true (model_contains (aims_catalog_get_crosswalk (
                           catalog, aims_catalog_item_get_id (item_at (back, j))), id));
          n_back++;
        }
    }
  g_assert_cmpuint (n_back, ==, n_links);

  /* Not random: the anchors of the mapping */
  for (guint i = 2; i <= 5; i++)
    {
      g_autofree char *id = g_strdup_printf ("A.5.%u", i);

      g_assert_true (model_contains_prefix (aims_catalog_get_crosswalk (catalog, id), "MAP 5."));
    }
  g_assert_true (model_contains (aims_catalog_get_crosswalk (catalog, "A.5.4"), "MAP 1.1"));
  g_assert_true (model_contains (aims_catalog_get_crosswalk (catalog, "A.6.2.6"), "MEASURE 2.4"));
  g_assert_true (model_contains (aims_catalog_get_crosswalk (catalog, "A.6.2.6"), "MANAGE 4.1"));
  g_assert_true (model_contains (aims_catalog_get_crosswalk (catalog, "9.2"), "GOVERN 1.5"));
  g_assert_true (model_contains_prefix (aims_catalog_get_crosswalk (catalog, "9.2"),
                                        "MEASURE 4."));
  g_assert_true (model_contains (aims_catalog_get_crosswalk (catalog, "A.10.3"), "GOVERN 6.1"));
  g_assert_true (model_contains (aims_catalog_get_crosswalk (catalog, "A.7.4"), "MEASURE 2.11"));
  g_assert_true (model_contains (aims_catalog_get_crosswalk (catalog, "6.1.3"), "MANAGE 1.3"));
  g_assert_true (model_contains (aims_catalog_get_crosswalk (catalog, "GOVERN 6.1"), "A.10.3"));
  g_assert_true (model_contains (aims_catalog_get_crosswalk (catalog, "MEASURE 2.4"),
                                 "A.6.2.6"));
  assert_ids (aims_catalog_get_crosswalk (catalog, "A.2.4"), "GOVERN 1.5");

  /* In catalog order: GOVERN before MAP before MEASURE before MANAGE */
  assert_ids (aims_catalog_get_crosswalk (catalog, "A.6.2.6"),
              "GOVERN 1.7 MEASURE 2.4 MEASURE 3.1 MANAGE 2.2 MANAGE 2.4 MANAGE 4.1");

  /* Nothing for entries outside the crosswalk */
  assert_ids (aims_catalog_get_crosswalk (catalog, "C.2.5"), "");
  assert_ids (aims_catalog_get_crosswalk (catalog, "A.6"), "");
  assert_ids (aims_catalog_get_crosswalk (catalog, "no such id"), "");
}

/* A damaged catalog: an error naming the entry, never a crash. Each case
 * changes one thing in the bundled catalog. */
typedef void (*Mutation) (JsonObject *root);

static JsonObject *
entry_of (JsonObject *root,
          const char *list,
          guint       index)
{
  return json_array_get_object_element (json_object_get_array_member (root, list), index);
}

static void
move_to_end (JsonObject *root,
             const char *list,
             guint       index)
{
  JsonArray *array = json_object_get_array_member (root, list);
  JsonArray *moved = json_array_new ();
  guint length = json_array_get_length (array);

  for (guint i = 0; i < length; i++)
    {
      if (i != index)
        json_array_add_element (moved, json_array_dup_element (array, i));
    }
  json_array_add_element (moved, json_array_dup_element (array, index));
  json_object_set_array_member (root, list, moved);
}

static JsonObject *
crosswalk_link (JsonObject *root,
                guint       index)
{
  JsonObject *crosswalk = json_object_get_object_member (root, "crosswalk");

  return json_array_get_object_element (json_object_get_array_member (crosswalk, "links"), index);
}

static void
mutate_nothing (JsonObject *root)
{
}

static void
mutate_format (JsonObject *root)
{
  json_object_set_int_member (root, "format", AIMS_CATALOG_FORMAT + 1);
}

static void
mutate_no_version (JsonObject *root)
{
  json_object_remove_member (root, "version");
}

static void
mutate_no_subcategories (JsonObject *root)
{
  json_object_remove_member (root, "nist_subcategories");
}

static void
mutate_empty_controls (JsonObject *root)
{
  json_object_set_array_member (root, "controls", json_array_new ());
}

static void
mutate_control_not_object (JsonObject *root)
{
  JsonArray *controls = json_object_get_array_member (root, "controls");

  json_array_add_string_element (controls, "A.11.1");
}

static void
mutate_duplicate_id (JsonObject *root)
{
  json_object_set_string_member (entry_of (root, "controls", 1), "id", "A.2.2");
}

static void
mutate_id_not_text (JsonObject *root)
{
  json_object_set_int_member (entry_of (root, "controls", 0), "id", 22);
}

static void
mutate_empty_description (JsonObject *root)
{
  json_object_set_string_member (entry_of (root, "controls", 5), "description", "");
}

static void
mutate_no_description (JsonObject *root)
{
  json_object_remove_member (entry_of (root, "clauses", 3), "description");
}

static void
mutate_no_title (JsonObject *root)
{
  json_object_set_null_member (entry_of (root, "controls", 0), "title");
}

static void
mutate_unknown_parent (JsonObject *root)
{
  json_object_set_string_member (entry_of (root, "clauses", 1), "parent", "99");
}

static void
mutate_unknown_objective (JsonObject *root)
{
  json_object_set_string_member (entry_of (root, "controls", 0), "objective", "A.99");
}

static void
mutate_no_objective (JsonObject *root)
{
  json_object_remove_member (entry_of (root, "controls", 0), "objective");
}

static void
mutate_objective_of_wrong_kind (JsonObject *root)
{
  json_object_set_string_member (entry_of (root, "controls", 0), "objective", "4");
}

static void
mutate_foreign_objective (JsonObject *root)
{
  json_object_set_string_member (entry_of (root, "controls", 0), "objective", "A.3");
}

static void
mutate_skipped_level (JsonObject *root)
{
  json_object_set_string_member (entry_of (root, "clauses", 11), "parent", "6");
}

static void
mutate_clause_out_of_order (JsonObject *root)
{
  move_to_end (root, "clauses", 1);  /* 4.1 after 10.2 */
}

static void
mutate_parent_after_child (JsonObject *root)
{
  move_to_end (root, "clauses", 0);  /* 4 after 10.2 */
}

static void
mutate_control_out_of_order (JsonObject *root)
{
  move_to_end (root, "controls", 0);  /* A.2.2 after A.10.4 */
}

static void
mutate_phase (JsonObject *root)
{
  json_object_set_string_member (entry_of (root, "clauses", 2), "phase", "later");
}

static void
mutate_tier (JsonObject *root)
{
  json_object_set_string_member (entry_of (root, "eu_ai_act", 0), "tier", "forbidden");
}

static void
mutate_unknown_function (JsonObject *root)
{
  json_object_set_string_member (entry_of (root, "nist_categories", 0), "function", "PLAN");
}

static void
mutate_no_crosswalk (JsonObject *root)
{
  json_object_remove_member (root, "crosswalk");
}

static void
mutate_crosswalk_no_source (JsonObject *root)
{
  json_object_remove_member (json_object_get_object_member (root, "crosswalk"), "source");
}

static void
mutate_crosswalk_unknown_target (JsonObject *root)
{
  json_array_add_string_element (json_object_get_array_member (crosswalk_link (root, 0), "to"),
                                 "MEASURE 9.9");
}

static void
mutate_crosswalk_target_of_wrong_kind (JsonObject *root)
{
  json_array_add_string_element (json_object_get_array_member (crosswalk_link (root, 0), "to"),
                                 "MEASURE 2");
}

static void
mutate_crosswalk_duplicate_target (JsonObject *root)
{
  JsonArray *to = json_object_get_array_member (crosswalk_link (root, 0), "to");

  json_array_add_string_element (to, json_array_get_string_element (to, 0));
}

static void
mutate_crosswalk_from_nist (JsonObject *root)
{
  json_object_set_string_member (crosswalk_link (root, 0), "from", "GOVERN 1.1");
}

static void
mutate_crosswalk_duplicate_from (JsonObject *root)
{
  json_object_set_string_member (crosswalk_link (root, 1), "from",
                                 json_object_get_string_member (crosswalk_link (root, 0),
                                                                "from"));
}

static void
mutate_crosswalk_empty_targets (JsonObject *root)
{
  json_object_set_array_member (crosswalk_link (root, 2), "to", json_array_new ());
}

static GBytes *
mutated_catalog (Mutation mutate)
{
  g_autoptr(GBytes) bytes = bundled_bytes ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  char *text;
  gsize length;

  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                             (gssize) g_bytes_get_size (bytes), &error));
  g_assert_no_error (error);
  mutate (json_node_get_object (json_parser_get_root (parser)));

  json_generator_set_root (generator, json_parser_get_root (parser));
  text = json_generator_to_data (generator, &length);
  return g_bytes_new_take (text, length);
}

static void
test_invalid (void)
{
  const struct {
    Mutation    mutate;
    const char *message;
  } cases[] = {
    { mutate_format, "not of format 1" },
    { mutate_no_version, "The catalog has no “version”." },
    { mutate_no_subcategories, "The catalog has no list “nist_subcategories”." },
    { mutate_empty_controls, "The catalog: the list “controls” is empty." },
    { mutate_control_not_object, "Entry 39 of “controls” is not an object." },
    { mutate_duplicate_id, "The id “A.2.2” appears twice in the catalog." },
    { mutate_id_not_text, "Entry 1 of “controls”: “id” is not text." },
    { mutate_empty_description, "“A.4.2”: “description” is empty." },
    { mutate_no_description, "“4.3” has no “description”." },
    { mutate_no_title, "“A.2.2” has no “title”." },
    { mutate_unknown_parent, "“4.1” names “99” as its parent, but there is no such entry" },
    { mutate_unknown_objective, "“A.2.2” names “A.99” as its objective" },
    { mutate_no_objective, "“A.2.2” has no “objective”." },
    { mutate_objective_of_wrong_kind, "“A.2.2” names “4” as its objective" },
    { mutate_foreign_objective, "The id “A.2.2” does not continue the id of its objective “A.3”." },
    { mutate_skipped_level, "The id “6.1.1” does not continue the id of its parent “6”." },
    { mutate_clause_out_of_order, "“4.1” is not in tree order: it must follow “4”" },
    { mutate_parent_after_child, "“4.1” names “4” as its parent, but there is no such entry" },
    { mutate_control_out_of_order, "“A.2.2” is out of order: the entries under “A.2” must come "
                                   "before those under “A.10”." },
    { mutate_phase, "The phase “later” of “4.2” is not plan, do, check or act." },
    { mutate_tier, "The tier “forbidden” of “art5_1_a” is not one of the EU AI Act tiers." },
    { mutate_unknown_function, "“GOVERN 1” names “PLAN” as its function" },
    { mutate_no_crosswalk, "The catalog has no crosswalk." },
    { mutate_crosswalk_no_source, "The crosswalk has no “source”." },
    { mutate_crosswalk_unknown_target, "The crosswalk links “4.1” to “MEASURE 9.9”, which is "
                                       "not a NIST AI RMF subcategory of the catalog." },
    { mutate_crosswalk_target_of_wrong_kind, "links “4.1” to “MEASURE 2”, which is not" },
    { mutate_crosswalk_duplicate_target, "The crosswalk links “4.1” to “GOVERN 1.1” twice." },
    { mutate_crosswalk_from_nist, "The crosswalk starts from “GOVERN 1.1”, which is not a "
                                  "clause or an Annex A control of the catalog." },
    { mutate_crosswalk_duplicate_from, "The crosswalk lists “4.1” twice." },
    { mutate_crosswalk_empty_targets, "Link 3 of the crosswalk: the list “to” is empty." },
  };
  const char * const not_catalogs[] = { "", "{", "[]", "\"catalog\"", "{\"format\": \"1\"}" };

  /* The harness itself: the bundled catalog, parsed and written back, loads */
  {
    g_autoptr(GBytes) bytes = mutated_catalog (mutate_nothing);
    g_autoptr(GError) error = NULL;
    g_autoptr(AimsCatalog) catalog = aims_catalog_new_from_bytes (bytes, &error);

    g_assert_no_error (error);
    g_assert_nonnull (catalog);
    g_assert_cmpuint (g_list_model_get_n_items (aims_catalog_get_items (
                        catalog, AIMS_CATALOG_KIND_CONTROL)), ==, N_CONTROLS);
  }

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = mutated_catalog (cases[i].mutate);
      g_autoptr(GError) error = NULL;
      AimsCatalog *catalog = aims_catalog_new_from_bytes (bytes, &error);

      g_assert_null (catalog);
      g_assert_error (error, AIMS_CATALOG_ERROR, AIMS_CATALOG_ERROR_INVALID);
      if (strstr (error->message, cases[i].message) == NULL)
        g_error ("Case %u: expected “%s”, got “%s”", i, cases[i].message, error->message);
    }

  for (guint i = 0; i < G_N_ELEMENTS (not_catalogs); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (not_catalogs[i], strlen (not_catalogs[i]));
      g_autoptr(GError) error = NULL;

      g_assert_null (aims_catalog_new_from_bytes (bytes, &error));
      g_assert_error (error, AIMS_CATALOG_ERROR, AIMS_CATALOG_ERROR_INVALID);
    }
}

/* A catalog made from bytes is an ordinary object: freed with its items */
static void
test_lifetime (void)
{
  g_autoptr(GBytes) bytes = bundled_bytes ();
  g_autoptr(GError) error = NULL;
  AimsCatalog *catalog = aims_catalog_new_from_bytes (bytes, &error);
  AimsCatalogItem *item;

  g_assert_no_error (error);
  g_assert_true (catalog != aims_catalog_get_default (NULL));
  item = aims_catalog_lookup (catalog, "A.6.2.6");
  g_assert_nonnull (item);
  g_assert_true (item != aims_catalog_lookup (aims_catalog_get_default (NULL), "A.6.2.6"));
  g_object_add_weak_pointer (G_OBJECT (item), (gpointer *) &item);

  g_assert_finalize_object (catalog);
  g_assert_null (item);
}

/* What the GUI binds to: properties, and the phase names */
static void
test_item_properties (void)
{
  AimsCatalogItem *clause = aims_catalog_lookup (get_catalog (), "9.2.2");
  AimsCatalogItem *label = aims_catalog_lookup (get_catalog (), "annex_iii_4");
  g_autofree char *id = NULL;
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  g_autofree char *parent_id = NULL;
  g_autofree char *tier = NULL;
  AimsCatalogKind kind;
  AimsPdcaPhase phase;
  AimsPdcaPhase parsed = AIMS_PDCA_PHASE_NONE;
  guint depth;

  g_object_get (clause, "id", &id, "title", &title, "description", &description,
                "parent-id", &parent_id, "kind", &kind, "phase", &phase, "depth", &depth, NULL);
  g_assert_cmpstr (id, ==, "9.2.2");
  g_assert_cmpstr (title, ==, "Internal audit programme");
  g_assert_cmpstr (description, ==, aims_catalog_item_get_description (clause));
  g_assert_cmpstr (parent_id, ==, "9.2");
  g_assert_cmpint (kind, ==, AIMS_CATALOG_KIND_CLAUSE);
  g_assert_cmpint (phase, ==, AIMS_PDCA_PHASE_CHECK);
  g_assert_cmpuint (depth, ==, 2);
  g_assert_null (aims_catalog_item_get_tier (clause));

  g_object_get (label, "tier", &tier, NULL);
  g_assert_cmpstr (tier, ==, "high_risk");
  g_assert_cmpstr (aims_catalog_item_get_title (label), ==,
                   "Employment, workers management and access to self-employment");
  g_assert_null (aims_catalog_item_get_description (label));

  g_assert_cmpstr (aims_pdca_phase_to_string (AIMS_PDCA_PHASE_CHECK), ==, "check");
  g_assert_cmpstr (aims_pdca_phase_get_label (AIMS_PDCA_PHASE_ACT), ==, "Act");
  g_assert_cmpstr (aims_pdca_phase_get_label (AIMS_PDCA_PHASE_NONE), ==, "");
  g_assert_true (aims_pdca_phase_from_string ("do", &parsed));
  g_assert_cmpint (parsed, ==, AIMS_PDCA_PHASE_DO);
  g_assert_false (aims_pdca_phase_from_string ("Do", &parsed));
  g_assert_false (aims_pdca_phase_from_string ("", &parsed));
  g_assert_false (aims_pdca_phase_from_string (NULL, &parsed));
  g_assert_cmpint (parsed, ==, AIMS_PDCA_PHASE_DO);
}

/* The schema repeats Annex C and the Annex III areas as choices of the risk
 * register and the inventory: the same ids with the same titles. */
static void
check_choices (const char      *table,
               const char      *field,
               AimsCatalogKind  kind,
               const char      *prefix)
{
  AimsCatalog *catalog = get_catalog ();
  const AimsFieldInfo *info = aims_table_info_lookup_field (aims_schema_lookup_table (table), field);
  GListModel *items = aims_catalog_get_items (catalog, kind);
  guint n_items = 0;

  g_assert_nonnull (info);
  g_assert_nonnull (info->choice_list);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      AimsCatalogItem *item = item_at (items, i);

      if (prefix != NULL && !g_str_has_prefix (aims_catalog_item_get_id (item), prefix))
        continue;

      g_assert_cmpuint (n_items, <, info->n_choices);
      g_assert_cmpstr (info->choice_list[n_items].id, ==, aims_catalog_item_get_id (item));
      g_assert_cmpstr (info->choice_list[n_items].label, ==, aims_catalog_item_get_title (item));
      n_items++;
    }

  g_assert_cmpuint (n_items, >, 0);
  g_assert_cmpuint (n_items, ==, info->n_choices);
}

static void
test_schema_agrees (void)
{
  check_choices ("risk", "risk_source", AIMS_CATALOG_KIND_RISK_SOURCE, NULL);
  check_choices ("risk", "objectives", AIMS_CATALOG_KIND_AI_OBJECTIVE, NULL);
  check_choices ("ai_system", "eu_ai_act_area", AIMS_CATALOG_KIND_EU_AI_ACT, "annex_iii_");
}

/* The demo project links risks to Annex A controls by id: every one is a
 * control of the catalog. */
static void
test_demo_controls_exist (void)
{
  g_autofree char *dir = aims_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "demo.aims", NULL);
  g_autoptr(AimsStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) uuids = NULL;
  AimsCatalog *catalog = get_catalog ();

  g_assert_true (aims_demo_write_file (path, AIMS_DEMO_SCALE_SMALL, AIMS_DEMO_DEFAULT_SEED,
                                       &error));
  g_assert_no_error (error);
  store = aims_store_new (path, "Ada", &error);
  g_assert_no_error (error);

  uuids = aims_store_dup_uuids (store, "risk_control", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (uuids), >, 10);

  for (guint i = 0; uuids[i] != NULL; i++)
    {
      g_autofree char *control = aims_store_dup_text (store, "risk_control", uuids[i], "control",
                                                      &error);
      AimsCatalogItem *item;

      g_assert_no_error (error);
      item = aims_catalog_lookup (catalog, control);
      if (item == NULL || aims_catalog_item_get_kind (item) != AIMS_CATALOG_KIND_CONTROL)
        g_error ("The demo links a risk to “%s”, which is not an Annex A control", control);
    }

  g_clear_object (&store);
  aims_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/catalog/default-once", test_default_once);
  g_test_add_func ("/catalog/counts", test_counts);
  g_test_add_func ("/catalog/reference/clauses", test_reference_clauses);
  g_test_add_func ("/catalog/reference/annex-a", test_reference_annex_a);
  g_test_add_func ("/catalog/reference/annex-c", test_reference_annex_c);
  g_test_add_func ("/catalog/reference/nist", test_reference_nist);
  g_test_add_func ("/catalog/reference/eu-ai-act", test_reference_eu_ai_act);
  g_test_add_func ("/catalog/descriptions", test_descriptions);
  g_test_add_func ("/catalog/ids-unique", test_ids_unique);
  g_test_add_func ("/catalog/tree", test_tree);
  g_test_add_func ("/catalog/crosswalk", test_crosswalk);
  g_test_add_func ("/catalog/invalid", test_invalid);
  g_test_add_func ("/catalog/lifetime", test_lifetime);
  g_test_add_func ("/catalog/item-properties", test_item_properties);
  g_test_add_func ("/catalog/schema-agrees", test_schema_agrees);
  g_test_add_func ("/catalog/demo-controls-exist", test_demo_controls_exist);

  return g_test_run ();
}
