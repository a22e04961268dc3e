/* aims-cli-catalog.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aims-cli"

#include "config.h"

#include <aims-core.h>
#include <json-glib/json-glib.h>

#include "aims-cli.h"

#include <glib/gi18n.h>

static guint
count (AimsCatalog     *catalog,
       AimsCatalogKind  kind)
{
  return g_list_model_get_n_items (aims_catalog_get_items (catalog, kind));
}

static guint
count_roots (AimsCatalog     *catalog,
             AimsCatalogKind  kind)
{
  return g_list_model_get_n_items (aims_catalog_get_roots (catalog, kind));
}

/* An entry and everything under it, indented by depth */
static void
print_tree (AimsCatalog     *catalog,
            AimsCatalogItem *item)
{
  GListModel *children = aims_catalog_get_children (catalog, aims_catalog_item_get_id (item));
  int indent = (int) MIN (aims_catalog_item_get_depth (item), 3) * 2;
  AimsPdcaPhase phase = aims_catalog_item_get_phase (item);
  g_autofree char *title = NULL;

  if (aims_catalog_item_get_parent_id (item) == NULL && phase != AIMS_PDCA_PHASE_NONE)
    /* TRANSLATORS: a clause heading and its PDCA phase: "Leadership (Plan)" */
    title = g_strdup_printf (_("%s (%s)"), aims_catalog_item_get_title (item),
                             aims_pdca_phase_get_label (phase));
  else
    title = g_strdup (aims_catalog_item_get_title (item));

  /* Ids in a column that moves right with depth, titles aligned */
  g_print ("  %*s%-*s %s\n", indent, "", 12 - indent, aims_catalog_item_get_id (item), title);

  for (guint i = 0; i < g_list_model_get_n_items (children); i++)
    {
      g_autoptr(AimsCatalogItem) child = g_list_model_get_item (children, i);

      print_tree (catalog, child);
    }
}

static void
print_text (AimsCatalog *catalog)
{
  const struct {
    const char      *label;
    AimsCatalogKind  kind;
    gboolean         roots;
  } counts[] = {
    { N_("ISO/IEC 42001:2023 clauses and sub-clauses"), AIMS_CATALOG_KIND_CLAUSE, FALSE },
    { N_("Annex A objectives"), AIMS_CATALOG_KIND_CONTROL_OBJECTIVE, TRUE },
    { N_("Annex A controls"), AIMS_CATALOG_KIND_CONTROL, FALSE },
    { N_("Annex C objectives"), AIMS_CATALOG_KIND_AI_OBJECTIVE, FALSE },
    { N_("Annex C risk sources"), AIMS_CATALOG_KIND_RISK_SOURCE, FALSE },
    { N_("NIST AI RMF functions"), AIMS_CATALOG_KIND_NIST_FUNCTION, FALSE },
    { N_("NIST AI RMF categories"), AIMS_CATALOG_KIND_NIST_CATEGORY, FALSE },
    { N_("NIST AI RMF subcategories"), AIMS_CATALOG_KIND_NIST_SUBCATEGORY, FALSE },
    { N_("EU AI Act labels"), AIMS_CATALOG_KIND_EU_AI_ACT, FALSE },
  };
  const struct {
    const char      *heading;
    AimsCatalogKind  kind;
  } trees[] = {
    { N_("ISO/IEC 42001:2023 clauses"), AIMS_CATALOG_KIND_CLAUSE },
    { N_("Annex A objectives and controls"), AIMS_CATALOG_KIND_CONTROL_OBJECTIVE },
  };

  g_print (_("Catalog version: %s\n"), aims_catalog_get_version (catalog));
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    g_print ("%s: %u\n", _(counts[i].label),
             counts[i].roots ? count_roots (catalog, counts[i].kind)
                             : count (catalog, counts[i].kind));
  g_print (_("Crosswalk links to the NIST AI RMF: %u (%s)\n"),
           aims_catalog_get_n_crosswalk_links (catalog),
           aims_catalog_get_crosswalk_source (catalog));

  for (guint i = 0; i < G_N_ELEMENTS (trees); i++)
    {
      GListModel *roots = aims_catalog_get_roots (catalog, trees[i].kind);

      g_print ("\n%s\n", _(trees[i].heading));
      for (guint j = 0; j < g_list_model_get_n_items (roots); j++)
        {
          g_autoptr(AimsCatalogItem) root = g_list_model_get_item (roots, j);

          print_tree (catalog, root);
        }
    }
}

static void
add_crosswalk (JsonBuilder *builder,
               AimsCatalog *catalog,
               const char  *id)
{
  GListModel *related = aims_catalog_get_crosswalk (catalog, id);

  json_builder_set_member_name (builder, "nist");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (related); i++)
    {
      g_autoptr(AimsCatalogItem) item = g_list_model_get_item (related, i);

      json_builder_add_string_value (builder, aims_catalog_item_get_id (item));
    }
  json_builder_end_array (builder);
}

/* One list of the catalog: "parent_member" names the parent, "nist" the
 * crosswalk */
static void
add_items (JsonBuilder     *builder,
           AimsCatalog     *catalog,
           const char      *member,
           AimsCatalogKind  kind,
           const char      *parent_member,
           gboolean         crosswalk)
{
  GListModel *items = aims_catalog_get_items (catalog, kind);

  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(AimsCatalogItem) item = g_list_model_get_item (items, i);
      const char *parent_id = aims_catalog_item_get_parent_id (item);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, aims_catalog_item_get_id (item));
      json_builder_set_member_name (builder, parent_member);
      if (parent_id != NULL)
        json_builder_add_string_value (builder, parent_id);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, aims_catalog_item_get_title (item));
      json_builder_set_member_name (builder, "description");
      json_builder_add_string_value (builder, aims_catalog_item_get_description (item));
      if (aims_catalog_item_get_phase (item) != AIMS_PDCA_PHASE_NONE)
        {
          json_builder_set_member_name (builder, "phase");
          json_builder_add_string_value (builder,
                                         aims_pdca_phase_to_string (
                                           aims_catalog_item_get_phase (item)));
        }
      if (crosswalk)
        add_crosswalk (builder, catalog, aims_catalog_item_get_id (item));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
print_json (AimsCatalog *catalog)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  const struct {
    const char      *member;
    AimsCatalogKind  kind;
    gboolean         roots;
  } counts[] = {
    { "clauses", AIMS_CATALOG_KIND_CLAUSE, FALSE },
    { "annex_a_objectives", AIMS_CATALOG_KIND_CONTROL_OBJECTIVE, TRUE },
    { "controls", AIMS_CATALOG_KIND_CONTROL, FALSE },
    { "ai_objectives", AIMS_CATALOG_KIND_AI_OBJECTIVE, FALSE },
    { "risk_sources", AIMS_CATALOG_KIND_RISK_SOURCE, FALSE },
    { "nist_functions", AIMS_CATALOG_KIND_NIST_FUNCTION, FALSE },
    { "nist_categories", AIMS_CATALOG_KIND_NIST_CATEGORY, FALSE },
    { "nist_subcategories", AIMS_CATALOG_KIND_NIST_SUBCATEGORY, FALSE },
    { "eu_ai_act_labels", AIMS_CATALOG_KIND_EU_AI_ACT, FALSE },
  };

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_string_value (builder, aims_catalog_get_version (catalog));

  json_builder_set_member_name (builder, "counts");
  json_builder_begin_object (builder);
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      json_builder_set_member_name (builder, counts[i].member);
      json_builder_add_int_value (builder, counts[i].roots ? count_roots (catalog, counts[i].kind)
                                                           : count (catalog, counts[i].kind));
    }
  json_builder_set_member_name (builder, "crosswalk_links");
  json_builder_add_int_value (builder, aims_catalog_get_n_crosswalk_links (catalog));
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "crosswalk_source");
  json_builder_add_string_value (builder, aims_catalog_get_crosswalk_source (catalog));

  add_items (builder, catalog, "clauses", AIMS_CATALOG_KIND_CLAUSE, "parent", TRUE);
  add_items (builder, catalog, "control_objectives", AIMS_CATALOG_KIND_CONTROL_OBJECTIVE,
             "parent", FALSE);
  add_items (builder, catalog, "controls", AIMS_CATALOG_KIND_CONTROL, "objective", TRUE);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

/* aims catalog [--json] */
int
aims_cli_catalog (int    argc,
                  char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) rest = NULL;
  gboolean json = FALSE;
  AimsCatalog *catalog;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Write JSON: the counts, and the clauses and controls with their descriptions and "
         "NIST AI RMF crosswalk"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &rest, NULL, NULL },
    G_OPTION_ENTRY_NULL
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
                                _("List the bundled catalog: ISO/IEC 42001 clauses and Annex A "
                                  "controls, with the counts of everything it holds."));
  g_option_context_set_description (context,
                                    _("Descriptions of ISO/IEC 42001 entries and the crosswalk "
                                      "to the NIST AI RMF are written by the AIMS Workbench "
                                      "authors; they are not the text of the standard.\n\n"
                                      "Exit status: 0 listed, 1 the catalog could not be "
                                      "loaded, 2 wrong arguments."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!aims_cli_parse_options (context, "catalog", &argc, &argv))
    return AIMS_EXIT_USAGE;

  if (rest != NULL)
    {
      aims_cli_printerr (_("“%s” is not an option, and aims catalog reads no file. Run “aims "
                           "catalog --help” for the options."), rest[0]);
      return AIMS_EXIT_USAGE;
    }

  catalog = aims_catalog_get_default (&error);
  if (catalog == NULL)
    {
      aims_cli_printerr ("%s", error->message);
      return AIMS_EXIT_ERROR;
    }

  if (json)
    print_json (catalog);
  else
    print_text (catalog);

  return AIMS_EXIT_OK;
}
