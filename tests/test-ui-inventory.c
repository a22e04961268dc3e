/* test-ui-inventory.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The AI Systems section on the demo project, driven through its real
 * widgets: search, facets, column sorting, add, duplicate, delete and undo. */

#include "config.h"

#include <adwaita.h>

#include "aims-application.h"
#include "aims-inventory-page.h"
#include "aims-record-browser.h"
#include "aims-window-private.h"

static AimsApplication *app;

static void
wait_ms (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static GtkWidget *
find_descendant_of_type (GtkWidget *root,
                         GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = find_descendant_of_type (child, type)))
        return found;
    }

  return NULL;
}

static void
collect_of_type (GtkWidget *root,
                 GType      type,
                 GPtrArray *out)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        g_ptr_array_add (out, child);
      collect_of_type (child, type, out);
    }
}

typedef struct
{
  AimsWindow        *window;
  AimsRecordBrowser *browser;
  AimsRecordList    *list;
  char              *dir;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;

  f->dir = g_dir_make_tmp ("aims-ui-inventory-XXXXXX", NULL);
  path = g_build_filename (f->dir, "Demo.aims", NULL);
  g_assert_true (aims_demo_write_file (path, AIMS_DEMO_SCALE_SMALL, 42, &error));
  g_assert_no_error (error);
  file = g_file_new_for_path (path);

  f->window = aims_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1400, 900);
  gtk_window_present (GTK_WINDOW (f->window));
  aims_window_open_file (f->window, file);
  g_assert_true (aims_window_has_project (f->window));
  aims_window_show_section (f->window, "systems");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));

  f->browser = aims_inventory_page_get_browser (AIMS_INVENTORY_PAGE (f->window->inventory_page), "ai_system");
  f->list = aims_record_browser_get_list (f->browser);
  g_assert_nonnull (f->list);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(AimsDocument) document = g_object_ref (f->window->document);

  gtk_window_destroy (GTK_WINDOW (f->window));
  wait_ms (20);
  aims_document_close (document);
  g_free (f->dir);
}

static void
test_list_shows_demo_systems (Fixture       *f,
                              gconstpointer  data)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (find_descendant_of_type (GTK_WIDGET (f->browser), GTK_TYPE_COLUMN_VIEW));

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->list)), >=, 12);
  g_assert_cmpuint (aims_record_list_get_total (f->list), ==, g_list_model_get_n_items (G_LIST_MODEL (f->list)));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_column_view_get_columns (view)), ==, 8);
}

static void
test_search_narrows_rows (Fixture       *f,
                          gconstpointer  data)
{
  GtkWidget *search = find_descendant_of_type (GTK_WIDGET (f->browser), GTK_TYPE_SEARCH_ENTRY);
  guint all = g_list_model_get_n_items (G_LIST_MODEL (f->list));
  guint found;

  gtk_editable_set_text (GTK_EDITABLE (search), "fraud");
  wait_ms (300);
  found = g_list_model_get_n_items (G_LIST_MODEL (f->list));
  g_assert_cmpuint (found, >=, 1);
  g_assert_cmpuint (found, <, all);
  for (guint i = 0; i < found; i++)
    {
      g_autoptr(AimsRecord) record = g_list_model_get_item (G_LIST_MODEL (f->list), i);
      g_autofree char *name = aims_record_dup_text (record, "name");
      g_autofree char *description = aims_record_dup_text (record, "description");
      g_autofree char *joined = g_strconcat (name, " ", description, NULL);
      g_autofree char *haystack = g_utf8_strdown (joined, -1);

      g_assert_nonnull (strstr (haystack, "fraud"));
    }

  gtk_editable_set_text (GTK_EDITABLE (search), "no system is called this");
  wait_ms (300);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->list)), ==, 0);

  /* Clearing the search brings every row back */
  gtk_widget_activate_action (GTK_WIDGET (f->browser), "browser.clear-filters", NULL);
  wait_ms (300);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->list)), ==, all);
}

static void
test_facet_narrows_rows (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GPtrArray) dropdowns = g_ptr_array_new ();
  guint all = g_list_model_get_n_items (G_LIST_MODEL (f->list));
  GtkDropDown *scope = NULL;

  collect_of_type (GTK_WIDGET (f->browser), GTK_TYPE_DROP_DOWN, dropdowns);
  g_assert_cmpuint (dropdowns->len, ==, 4);

  /* The in-scope facet: its entries are "any", "In scope", "Excluded" */
  for (guint i = 0; i < dropdowns->len; i++)
    if (g_list_model_get_n_items (gtk_drop_down_get_model (g_ptr_array_index (dropdowns, i))) == 3)
      scope = g_ptr_array_index (dropdowns, i);
  g_assert_nonnull (scope);

  gtk_drop_down_set_selected (scope, 2);
  wait_ms (20);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->list)), >=, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->list)), <, all);
  {
    g_autoptr(AimsRecord) record = g_list_model_get_item (G_LIST_MODEL (f->list), 0);
    g_assert_cmpint (aims_record_get_int (record, "in_scope"), ==, 0);
  }

  gtk_drop_down_set_selected (scope, 0);
  wait_ms (20);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->list)), ==, all);
}

static void
test_sort_by_column (Fixture       *f,
                     gconstpointer  data)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (find_descendant_of_type (GTK_WIDGET (f->browser), GTK_TYPE_COLUMN_VIEW));
  GListModel *columns = gtk_column_view_get_columns (view);
  g_autoptr(GtkColumnViewColumn) name_column = NULL;
  guint n;

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), "Name") == 0)
        name_column = g_object_ref (column);
    }
  g_assert_nonnull (name_column);

  /* As a click on the header does */
  gtk_column_view_sort_by_column (view, name_column, GTK_SORT_DESCENDING);
  wait_ms (20);
  n = g_list_model_get_n_items (G_LIST_MODEL (f->list));
  for (guint i = 1; i < n; i++)
    {
      g_autoptr(AimsRecord) a = g_list_model_get_item (G_LIST_MODEL (f->list), i - 1);
      g_autoptr(AimsRecord) b = g_list_model_get_item (G_LIST_MODEL (f->list), i);
      g_autofree char *na = aims_record_dup_text (a, "name");
      g_autofree char *nb = aims_record_dup_text (b, "name");

      g_assert_cmpint (g_ascii_strcasecmp (na, nb), >=, 0);
    }

  gtk_column_view_sort_by_column (view, name_column, GTK_SORT_ASCENDING);
  wait_ms (20);
  {
    g_autoptr(AimsRecord) first = g_list_model_get_item (G_LIST_MODEL (f->list), 0);
    g_autoptr(AimsRecord) last = g_list_model_get_item (G_LIST_MODEL (f->list), n - 1);
    g_autofree char *nf = aims_record_dup_text (first, "name");
    g_autofree char *nl = aims_record_dup_text (last, "name");

    g_assert_cmpint (g_ascii_strcasecmp (nf, nl), <=, 0);
  }
}

static void
test_add_duplicate_delete_undo (Fixture       *f,
                                gconstpointer  data)
{
  AimsStore *store = aims_document_get_store (f->window->document);
  guint before = aims_store_count (store, "ai_system");
  g_autofree char *added = NULL;
  const char *copy;

  gtk_widget_activate_action (GTK_WIDGET (f->browser), "browser.add", NULL);
  g_assert_cmpuint (aims_store_count (store, "ai_system"), ==, before + 1);
  g_assert_nonnull (aims_record_browser_get_selected (f->browser));
  added = g_strdup (aims_record_browser_get_selected (f->browser));

  gtk_widget_activate_action (GTK_WIDGET (f->browser), "browser.duplicate", NULL);
  g_assert_cmpuint (aims_store_count (store, "ai_system"), ==, before + 2);
  copy = aims_record_browser_get_selected (f->browser);
  g_assert_nonnull (copy);
  g_assert_cmpstr (copy, !=, added);

  /* Delete the copy, then undo brings it back */
  gtk_widget_activate_action (GTK_WIDGET (f->browser), "browser.delete", NULL);
  g_assert_cmpuint (aims_store_count (store, "ai_system"), ==, before + 1);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  wait_ms (20);
  g_assert_cmpuint (aims_store_count (store, "ai_system"), ==, before + 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->list)), ==, before + 2);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = g_dir_make_tmp ("aims-ui-home-XXXXXX", NULL);
  g_autofree char *state = g_build_filename (home, "state", NULL);
  g_autofree char *data = g_build_filename (home, "data", NULL);
  g_autofree char *config = g_build_filename (home, "config", NULL);
  int ret;

  g_setenv ("XDG_STATE_HOME", state, TRUE);
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);

  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();

  g_test_add ("/ui/inventory/list-shows-demo-systems", Fixture, NULL, fixture_set_up, test_list_shows_demo_systems, fixture_tear_down);
  g_test_add ("/ui/inventory/search-narrows-rows", Fixture, NULL, fixture_set_up, test_search_narrows_rows, fixture_tear_down);
  g_test_add ("/ui/inventory/facet-narrows-rows", Fixture, NULL, fixture_set_up, test_facet_narrows_rows, fixture_tear_down);
  g_test_add ("/ui/inventory/sort-by-column", Fixture, NULL, fixture_set_up, test_sort_by_column, fixture_tear_down);
  g_test_add ("/ui/inventory/add-duplicate-delete-undo", Fixture, NULL, fixture_set_up, test_add_duplicate_delete_undo, fixture_tear_down);

  app = aims_application_new ();
  g_application_register (G_APPLICATION (app), NULL, NULL);
  ret = g_test_run ();
  g_clear_object (&app);

  return ret;
}
