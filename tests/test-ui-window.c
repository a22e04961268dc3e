/* test-ui-window.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The real AimsWindow, driven through its actions and widgets. */

#include "config.h"

#include "aims-test-gtk.h"

#include <adwaita.h>

#include "aims-application.h"
#include "aims-audits-page.h"
#include "aims-frame-pool.h"
#include "aims-assessment-page.h"
#include "aims-history-window.h"
#include "aims-heatmap-page.h"
#include "aims-pdca-board.h"
#include "aims-soa-page.h"
#include "aims-inventory-page.h"
#include "aims-record-browser.h"
#include "aims-overview-page.h"
#include "aims-section.h"
#include "aims-review-page.h"
#include "aims-window-private.h"

static AimsApplication *app;

static void
iterate (void)
{
  for (guint i = 0; i < 50 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

static AimsWindow *
create_window (void)
{
  AimsWindow *window = aims_window_new (app);

  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  return window;
}

/* Close without asking: tests that leave a project open discard it */
static void
destroy_window (AimsWindow *window)
{
  g_autoptr(AimsDocument) document = NULL;

  if (window->document != NULL)
    document = g_object_ref (window->document);
  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  if (document != NULL)
    aims_document_close (document);
}

static GtkWidget *
find_button_with_action (GtkWidget  *root,
                         const char *action)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) &&
          g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)), action) == 0 &&
          gtk_widget_get_mapped (child))
        return child;

      if ((found = find_button_with_action (child, action)))
        return found;
    }

  return NULL;
}

/* Like find_button_with_action, also among unmapped widgets */
static GtkWidget *
find_descendant_with_action (GtkWidget  *root,
                             const char *action)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_ACTIONABLE (child) &&
          g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)), action) == 0)
        return child;

      if ((found = find_descendant_with_action (child, action)))
        return found;
    }

  return NULL;
}

static void
test_welcome_view (void)
{
  AimsWindow *window = create_window ();
  GtkWidget *new_button, *open_button, *demo_button;

  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "welcome");
  g_assert_false (aims_window_has_project (window));

  new_button = find_button_with_action (window->welcome_view, "app.new-project");
  open_button = find_button_with_action (window->welcome_view, "app.open");
  demo_button = find_button_with_action (window->welcome_view, "app.open-demo");
  g_assert_nonnull (new_button);
  g_assert_nonnull (open_button);
  g_assert_nonnull (demo_button);
  g_assert_true (gtk_widget_is_sensitive (new_button));
  g_assert_true (gtk_widget_is_sensitive (demo_button));

  /* Nothing to save or undo without a project: the buttons bound to those
   * actions follow their enabled state */
  g_assert_false (gtk_widget_get_sensitive (window->save_button));
  g_assert_false (gtk_widget_get_sensitive (find_descendant_with_action (GTK_WIDGET (window), "win.undo")));

  destroy_window (window);
}

static void
test_new_project_shows_sections (void)
{
  AimsWindow *window = create_window ();
  const AimsSection *sections;
  guint n_sections, n_rows = 0;

  g_signal_emit_by_name (find_button_with_action (window->welcome_view, "app.new-project"), "clicked");
  iterate ();

  /* The click went to app.new-project, which uses this empty window */
  g_assert_true (aims_window_has_project (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "project");
  g_assert_cmpstr (aims_window_get_visible_section (window), ==, "overview");

  sections = aims_section_get_all (&n_sections);
  g_assert_cmpuint (n_sections, ==, 10);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (window->sidebar_list)); row; row = gtk_widget_get_next_sibling (row))
    n_rows++;
  g_assert_cmpuint (n_rows, ==, n_sections);

  for (guint i = 0; i < n_sections; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (window->sidebar_list, i);
      GtkWidget *page;

      g_assert_cmpstr (gtk_widget_get_name (GTK_WIDGET (row)), ==, sections[i].id);
      g_signal_emit_by_name (window->sidebar_list, "row-activated", row);
      iterate ();
      g_assert_cmpstr (aims_window_get_visible_section (window), ==, sections[i].id);
      g_assert_true (gtk_list_box_get_selected_row (window->sidebar_list) == row);
      g_assert_cmpstr (adw_window_title_get_title (window->content_title), ==, sections[i].title);

      /* A section that is not built yet says so, and shows nothing else */
      page = gtk_stack_get_visible_child (window->section_stack);
      if (sections[i].planned != NULL)
        {
          g_assert_true (ADW_IS_STATUS_PAGE (page));
          g_assert_cmpstr (adw_status_page_get_description (ADW_STATUS_PAGE (page)), ==, sections[i].planned);
        }
      else
        g_assert_true (AIMS_IS_OVERVIEW_PAGE (page) || AIMS_IS_INVENTORY_PAGE (page) ||
                       AIMS_IS_RECORD_BROWSER (page) || AIMS_IS_HEATMAP_PAGE (page) ||
                       AIMS_IS_ASSESSMENT_PAGE (page) || AIMS_IS_SOA_PAGE (page) ||
                       AIMS_IS_PDCA_BOARD (page) || AIMS_IS_AUDITS_PAGE (page) ||
                       AIMS_IS_REVIEW_PAGE (page));
    }

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-section", "s", "risks");
  g_assert_cmpstr (aims_window_get_visible_section (window), ==, "risks");

  destroy_window (window);
}

static void
test_toggle_sidebar (void)
{
  AimsWindow *window = create_window ();

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  aims_window_new_project (window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  wait_ms (100);

  g_assert_false (adw_leaflet_get_folded (window->leaflet));
  g_assert_true (gtk_widget_get_visible (window->sidebar_box));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-sidebar", NULL);
  g_assert_false (gtk_widget_get_visible (window->sidebar_box));
  g_assert_false (gtk_toggle_button_get_active (window->sidebar_button));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-sidebar", NULL);
  g_assert_true (gtk_widget_get_visible (window->sidebar_box));
  g_assert_true (gtk_toggle_button_get_active (window->sidebar_button));

  destroy_window (window);
}

static void
test_narrow_window_folds (void)
{
  AimsWindow *window = create_window ();

  aims_window_new_project (window);
  gtk_window_set_default_size (GTK_WINDOW (window), 400, 700);
  gtk_widget_queue_resize (GTK_WIDGET (window));
  for (guint i = 0; i < 40 && !adw_leaflet_get_folded (window->leaflet); i++)
    wait_ms (25);

  g_assert_true (adw_leaflet_get_folded (window->leaflet));

  /* Folded: choosing a section leads to its content, and back leads to the list */
  g_signal_emit_by_name (window->sidebar_list, "row-activated",
                         gtk_list_box_get_row_at_index (window->sidebar_list, 2));
  wait_ms (400);
  g_assert_cmpstr (aims_window_get_visible_section (window), ==, "risks");
  g_assert_true (adw_leaflet_get_visible_child (window->leaflet) != window->sidebar_box);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-sidebar", NULL);
  wait_ms (400);
  g_assert_true (adw_leaflet_get_visible_child (window->leaflet) == window->sidebar_box);

  /* F9 while folded switches panes instead of hiding the only way back */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-sidebar", NULL);
  wait_ms (400);
  g_assert_true (adw_leaflet_get_visible_child (window->leaflet) != window->sidebar_box);
  g_assert_true (gtk_widget_get_visible (window->sidebar_box));

  destroy_window (window);
}

/* A 600 px window shows the sidebar beside the Overview; AI Systems needs
 * more width (its list beside its form), so choosing it folds the window,
 * which must then show AI Systems rather than the list of sections alone. */
static void
test_wider_section_folds_to_its_content (void)
{
  AimsWindow *window = create_window ();

  gtk_window_set_default_size (GTK_WINDOW (window), 600, 800);
  aims_window_new_project (window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  wait_ms (100);
  g_assert_false (adw_leaflet_get_folded (window->leaflet));

  g_signal_emit_by_name (window->sidebar_list, "row-activated",
                         gtk_list_box_get_row_at_index (window->sidebar_list, 1));
  for (guint i = 0; i < 40 && !adw_leaflet_get_folded (window->leaflet); i++)
    wait_ms (25);
  wait_ms (400);

  g_assert_true (adw_leaflet_get_folded (window->leaflet));
  g_assert_cmpstr (aims_window_get_visible_section (window), ==, "systems");
  g_assert_true (adw_leaflet_get_visible_child (window->leaflet) != window->sidebar_box);

  destroy_window (window);
}

static void
test_window_size_remembered (void)
{
  GSettings *settings = aims_application_get_settings (app);
  AimsWindow *window;
  int width, height;

  g_assert_nonnull (settings);

  window = create_window ();
  gtk_window_set_default_size (GTK_WINDOW (window), 901, 602);
  wait_ms (300);
  gtk_window_close (GTK_WINDOW (window));
  iterate ();

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 901);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 602);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  window = create_window ();
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 901);
  g_assert_cmpint (height, ==, 602);
  destroy_window (window);

  g_settings_set_boolean (settings, "window-maximized", TRUE);
  window = create_window ();
  wait_ms (200);
  g_assert_true (gtk_window_is_maximized (GTK_WINDOW (window)));
  destroy_window (window);
  g_settings_reset (settings, "window-maximized");
}

static char *
dup_organisation (AimsDocument *document)
{
  AimsStore *store = aims_document_get_store (document);
  g_autofree char *uuid = aims_store_dup_project_uuid (store);

  return aims_store_dup_text (store, "project", uuid, "organisation", NULL);
}

static gboolean
organisation_is (AimsDocument *document,
                 const char   *expected)
{
  g_autofree char *value = dup_organisation (document);

  return g_strcmp0 (value, expected) == 0;
}

static void
test_edit_undo_redo (void)
{
  AimsWindow *window = create_window ();
  AimsDocument *document;
  GtkWidget *entry;
  g_autofree char *value = NULL;

  aims_window_new_project (window);
  document = window->document;
  g_assert_false (aims_document_get_modified (document));
  g_assert_false (gtk_widget_get_sensitive (find_descendant_with_action (GTK_WIDGET (window), "win.undo")));

  /* Type a name and pause, as a person would: it is recorded by itself */
  entry = find_descendant_of_type (window->overview_page, ADW_TYPE_ENTRY_ROW);
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Contoso Health");
  wait_ms (1000);
  /* A sanitizer build on a busy machine may need longer than the pause */
  WAIT_UNTIL (organisation_is (document, "Contoso Health"));

  value = dup_organisation (document);
  g_assert_cmpstr (value, ==, "Contoso Health");
  g_clear_pointer (&value, g_free);
  g_assert_true (aims_document_get_modified (document));
  g_assert_true (gtk_widget_get_visible (window->save_button));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "• "));
  g_assert_true (gtk_widget_get_sensitive (find_descendant_with_action (GTK_WIDGET (window), "win.undo")));

  /* Ctrl+Z's action restores the old name, in the store and on screen */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  iterate ();
  value = dup_organisation (document);
  g_assert_cmpstr (value, !=, "Contoso Health");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, value);
  g_clear_pointer (&value, g_free);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  iterate ();
  value = dup_organisation (document);
  g_assert_cmpstr (value, ==, "Contoso Health");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Contoso Health");

  destroy_window (window);
}

static void
test_scope_text_is_recorded (void)
{
  AimsWindow *window = create_window ();
  AimsStore *store;
  GtkWidget *view;
  g_autofree char *uuid = NULL;
  g_autofree char *scope = NULL;

  aims_window_new_project (window);
  store = aims_document_get_store (window->document);
  uuid = aims_store_dup_project_uuid (store);

  view = find_descendant_of_type (window->overview_page, GTK_TYPE_TEXT_VIEW);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)),
                            "All AI systems used in claims handling.", -1);

  /* Saving must not lose what is still waiting for a pause in typing */
  aims_overview_page_flush (AIMS_OVERVIEW_PAGE (window->overview_page));
  scope = aims_store_dup_text (store, "project", uuid, "scope", NULL);
  g_assert_cmpstr (scope, ==, "All AI systems used in claims handling.");

  destroy_window (window);
}

static void
test_close_with_unsaved_changes_asks (void)
{
  AimsWindow *window = create_window ();
  AimsDocument *document;
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  aims_window_new_project (window);
  document = g_object_ref (window->document);
  entry = find_descendant_of_type (window->overview_page, ADW_TYPE_ENTRY_ROW);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Fabrikam Bank");
  aims_overview_page_flush (AIMS_OVERVIEW_PAGE (window->overview_page));

  /* Closing asks first; Cancel keeps everything */
  gtk_window_close (GTK_WINDOW (window));
  iterate ();
  dialog = ADW_MESSAGE_DIALOG (find_toplevel_of_type (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_has_response (dialog, "save"));
  g_assert_true (adw_message_dialog_has_response (dialog, "discard"));
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  iterate ();
  g_assert_true (window->document == document);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));

  /* Close Project then Discard returns to the welcome view */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.close-project", NULL);
  iterate ();
  dialog = ADW_MESSAGE_DIALOG (find_toplevel_of_type (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "discard");
  gtk_window_destroy (GTK_WINDOW (dialog));
  iterate ();
  g_assert_null (window->document);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "welcome");

  g_object_unref (document);
  destroy_window (window);
}

static void
test_save_and_reopen (void)
{
  AimsWindow *window = create_window ();
  g_autofree char *dir = g_dir_make_tmp ("aims-ui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "Saved.aims", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  GtkWidget *entry;

  aims_window_new_project (window);
  entry = find_descendant_of_type (window->overview_page, ADW_TYPE_ENTRY_ROW);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Woodgrove Insurance");
  aims_overview_page_flush (AIMS_OVERVIEW_PAGE (window->overview_page));

  g_assert_true (aims_document_save_as (window->document, file, &error));
  g_assert_no_error (error);
  g_assert_false (aims_document_get_modified (window->document));
  g_assert_false (gtk_widget_get_visible (window->save_button));

  /* Closing a saved project asks nothing */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.close-project", NULL);
  iterate ();
  g_assert_null (find_toplevel_of_type (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_null (window->document);

  aims_window_open_file (window, file);
  iterate ();
  g_assert_nonnull (window->document);
  g_assert_true (g_file_equal (aims_window_get_file (window), file));
  value = dup_organisation (window->document);
  g_assert_cmpstr (value, ==, "Woodgrove Insurance");

  destroy_window (window);
}

static void
test_open_refusal_is_shown (void)
{
  AimsWindow *window = create_window ();
  g_autofree char *dir = g_dir_make_tmp ("aims-ui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "notes.aims", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AdwMessageDialog *dialog;

  g_assert_true (g_file_set_contents (path, "just some text, not a project", -1, NULL));

  aims_window_open_file (window, file);
  iterate ();

  g_assert_false (aims_window_has_project (window));
  dialog = ADW_MESSAGE_DIALOG (find_toplevel_of_type (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "notes.aims"));
  gtk_window_destroy (GTK_WINDOW (dialog));

  destroy_window (window);
}

static void
test_delete_shows_undo_toast (void)
{
  AimsWindow *window = create_window ();
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify)g_variant_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  AimsStore *store;

  aims_window_new_project (window);
  store = aims_document_get_store (window->document);
  g_hash_table_insert (values, (gpointer)"reference", g_variant_ref_sink (g_variant_new_string ("SYS-001")));
  g_hash_table_insert (values, (gpointer)"name", g_variant_ref_sink (g_variant_new_string ("Claims <triage> & routing")));
  uuid = aims_store_insert (store, "ai_system", values, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (aims_store_count (store, "ai_system"), ==, 1);

  g_assert_true (aims_window_delete_record (window, "ai_system", uuid, "AI system “Claims <triage> & routing”"));
  g_assert_cmpuint (aims_store_count (store, "ai_system"), ==, 0);

  /* The toast's Undo button runs win.undo, which brings the record back whole */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  iterate ();
  g_assert_cmpuint (aims_store_count (store, "ai_system"), ==, 1);
  {
    g_autofree char *name = aims_store_dup_text (store, "ai_system", uuid, "name", NULL);
    g_assert_cmpstr (name, ==, "Claims <triage> & routing");
  }

  destroy_window (window);
}

static void
test_recover_after_crash (void)
{
  AimsWindow *window;
  AimsDocument *document;
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *working_dir = NULL;
  g_autofree char *value = NULL;
  GtkWidget *recover_button;

  /* A session that ends without closing its project, as a crash would */
  document = aims_document_new_untitled ("Tester", &error);
  g_assert_no_error (error);
  uuid = aims_store_dup_project_uuid (aims_document_get_store (document));
  g_assert_true (aims_store_update (aims_document_get_store (document), "project", uuid, "organisation",
                                    g_variant_new_string ("Recovered Org"), &error));
  working_dir = g_strdup (aims_document_get_working_dir (document));
  g_object_unref (document);

  /* The next window offers it back */
  window = create_window ();
  recover_button = find_descendant_with_action (window->welcome_view, "win.recover");
  g_assert_nonnull (recover_button);
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_ancestor (recover_button, ADW_TYPE_PREFERENCES_GROUP)));

  g_signal_emit_by_name (recover_button, "clicked");
  iterate ();
  g_assert_nonnull (window->document);
  g_assert_true (aims_document_get_modified (window->document));
  value = dup_organisation (window->document);
  g_assert_cmpstr (value, ==, "Recovered Org");

  destroy_window (window);
}

static void
test_same_file_twice_offers_read_only (void)
{
  AimsWindow *first = create_window ();
  AimsWindow *second;
  g_autofree char *dir = g_dir_make_tmp ("aims-ui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "Shared.aims", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;

  aims_window_new_project (first);
  g_assert_true (aims_document_save_as (first->document, file, &error));
  g_assert_no_error (error);

  second = create_window ();
  aims_window_open_file (second, file);
  iterate ();
  g_assert_false (aims_window_has_project (second));
  dialog = ADW_MESSAGE_DIALOG (find_toplevel_of_type (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Project Already Open");

  adw_message_dialog_response (dialog, "retry");
  gtk_window_destroy (GTK_WINDOW (dialog));
  iterate ();
  g_assert_true (aims_window_has_project (second));
  g_assert_true (aims_document_get_read_only (second->document));
  g_assert_cmpstr (adw_window_title_get_subtitle (second->project_title), ==, "Read-Only");
  g_assert_false (gtk_widget_get_sensitive (find_descendant_with_action (GTK_WIDGET (second), "win.save")));

  destroy_window (second);
  destroy_window (first);
}

static void
test_shortcuts_and_about (void)
{
  AimsWindow *window = create_window ();
  static const struct {
    const char *action;
    const char *accel;
  } expected[] = {
    { "app.new-project", "<Control>n" },
    { "app.open", "<Control>o" },
    { "app.quit", "<Control>q" },
    { "win.close", "<Control>w" },
    { "win.save", "<Control>s" },
    { "win.save-as", "<Shift><Control>s" },
    { "win.undo", "<Control>z" },
    { "win.redo", "<Shift><Control>z" },
    { "win.toggle-sidebar", "F9" },
  };
  GtkWidget *shortcuts;
  GtkWidget *about;

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), expected[i].action);

      g_assert_nonnull (accels);
      g_assert_cmpstr (accels[0], ==, expected[i].accel);
    }

  /* The shortcuts window is picked up from the resource and lists them */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  iterate ();
  shortcuts = find_toplevel_of_type (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (shortcuts);
  gtk_window_destroy (GTK_WINDOW (shortcuts));

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  iterate ();
  about = find_toplevel_of_type (ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (about);
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  g_assert_cmpint (adw_about_window_get_license_type (ADW_ABOUT_WINDOW (about)), ==, GTK_LICENSE_GPL_3_0);
  gtk_window_destroy (GTK_WINDOW (about));

  destroy_window (window);
}

static void
test_history_lists_changes (void)
{
  AimsWindow *window = create_window ();
  GtkWidget *history;
  GtkWidget *list;
  GtkWidget *entry;
  guint n_rows = 0;

  aims_window_new_project (window);
  entry = find_descendant_of_type (window->overview_page, ADW_TYPE_ENTRY_ROW);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Northwind");
  aims_overview_page_flush (AIMS_OVERVIEW_PAGE (window->overview_page));
  gtk_editable_set_text (GTK_EDITABLE (entry), "Northwind Traders");
  aims_overview_page_flush (AIMS_OVERVIEW_PAGE (window->overview_page));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-history", NULL);
  iterate ();
  history = find_toplevel_of_type (AIMS_TYPE_HISTORY_WINDOW);
  g_assert_nonnull (history);

  /* Oldest first: the creation of the project, then both renames */
  list = find_descendant_of_type (history, GTK_TYPE_LIST_BOX);
  for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
    n_rows++;
  g_assert_cmpuint (n_rows, >=, 2);
  {
    GtkListBoxRow *last = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), n_rows - 1);
    const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (last));

    g_assert_nonnull (strstr (title, "“Northwind” → “Northwind Traders”"));
  }

  gtk_window_destroy (GTK_WINDOW (history));
  destroy_window (window);
}

/* Where frames reach an X server through shared memory (the cairo renderer
 * these tests use under Xvfb), the window keeps an image of its own size
 * from that memory while realized, so that a frame showing a new page does
 * not map it afresh; it takes a larger one when the window grows well past
 * that size, and gives it back when the window goes. */
static void
test_frame_memory_held (void)
{
  AimsWindow *window = aims_window_new (app);
  GtkWindow *gtk_window = GTK_WINDOW (window);
  GskRenderer *renderer;
  GdkSurface *surface;
  int width = 0, height = 0, scale, first_width, first_height;

  gtk_window_set_default_size (gtk_window, 500, 400);
  gtk_window_present (gtk_window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  if (!GSK_IS_CAIRO_RENDERER (renderer) ||
      g_strcmp0 (G_OBJECT_TYPE_NAME (gtk_widget_get_display (GTK_WIDGET (window))), "GdkX11Display") != 0)
    {
      g_test_skip ("frames reach the display through shared memory only on X11 with the cairo renderer");
      destroy_window (window);
      return;
    }

  /* The frame is the window's surface (its size, shadows and all) */
  surface = gtk_native_get_surface (GTK_NATIVE (window));
  scale = gdk_surface_get_scale_factor (surface);
  g_assert_true (aims_frame_pool_get_held (gtk_window, &width, &height));
  g_assert_cmpint (width, ==, gdk_surface_get_width (surface) * scale);
  g_assert_cmpint (height, ==, gdk_surface_get_height (surface) * scale);
  first_width = width;
  first_height = height;

  /* A little larger: the memory held has room for it */
  gtk_window_set_default_size (gtk_window, 600, 450);
  for (guint i = 0; i < 80 && gdk_surface_get_width (surface) * scale == first_width; i++)
    wait_ms (25);
  g_assert_cmpint (gdk_surface_get_width (surface) * scale, >, first_width);
  g_assert_true (aims_frame_pool_get_held (gtk_window, &width, &height));
  g_assert_cmpint (width, ==, first_width);

  /* More than four times the area: a larger image is taken */
  gtk_window_set_default_size (gtk_window, 1100, 760);
  for (guint i = 0; i < 80 && gdk_surface_get_width (surface) * scale < 1100 * scale; i++)
    wait_ms (25);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_true (aims_frame_pool_get_held (gtk_window, &width, &height));
  g_assert_cmpint (width, ==, gdk_surface_get_width (surface) * scale);
  g_assert_cmpint (height, ==, gdk_surface_get_height (surface) * scale);
  g_assert_cmpint ((gint64) width * height, >, (gint64) first_width * first_height * 4);

  /* Given back with the window's surface */
  gtk_widget_set_visible (GTK_WIDGET (window), FALSE);
  gtk_widget_unrealize (GTK_WIDGET (window));
  g_assert_false (aims_frame_pool_get_held (gtk_window, &width, &height));
  g_assert_cmpint (width, ==, 0);

  destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_autofree char *home = g_dir_make_tmp ("aims-ui-home-XXXXXX", NULL);
  g_autofree char *state = g_build_filename (home, "state", NULL);
  g_autofree char *data = g_build_filename (home, "data", NULL);
  g_autofree char *config = g_build_filename (home, "config", NULL);

  /* Own XDG folders for working copies and recent files, but not
   * G_TEST_OPTION_ISOLATE_DIRS: that also hides XDG_DATA_DIRS, and with it
   * the icon theme. */
  g_setenv ("XDG_STATE_HOME", state, TRUE);
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);

  g_test_init (&argc, &argv, NULL);
  aims_test_gtk_init_log ();

  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();

  g_test_add_func ("/ui/window/welcome-view", test_welcome_view);
  g_test_add_func ("/ui/window/new-project-shows-sections", test_new_project_shows_sections);
  g_test_add_func ("/ui/window/toggle-sidebar", test_toggle_sidebar);
  g_test_add_func ("/ui/window/narrow-window-folds", test_narrow_window_folds);
  g_test_add_func ("/ui/window/wider-section-folds-to-its-content", test_wider_section_folds_to_its_content);
  g_test_add_func ("/ui/window/size-remembered", test_window_size_remembered);
  g_test_add_func ("/ui/window/edit-undo-redo", test_edit_undo_redo);
  g_test_add_func ("/ui/window/scope-text-is-recorded", test_scope_text_is_recorded);
  g_test_add_func ("/ui/window/close-with-unsaved-changes-asks", test_close_with_unsaved_changes_asks);
  g_test_add_func ("/ui/window/save-and-reopen", test_save_and_reopen);
  g_test_add_func ("/ui/window/open-refusal-is-shown", test_open_refusal_is_shown);
  g_test_add_func ("/ui/window/delete-shows-undo-toast", test_delete_shows_undo_toast);
  g_test_add_func ("/ui/window/recover-after-crash", test_recover_after_crash);
  g_test_add_func ("/ui/window/same-file-twice-offers-read-only", test_same_file_twice_offers_read_only);
  g_test_add_func ("/ui/window/shortcuts-and-about", test_shortcuts_and_about);
  g_test_add_func ("/ui/window/history-lists-changes", test_history_lists_changes);
  g_test_add_func ("/ui/window/frame-memory-held", test_frame_memory_held);

  app = aims_application_new ();
  aims_test_register_app (G_APPLICATION (app));
  ret = g_test_run ();
  g_clear_object (&app);

  return ret;
}
