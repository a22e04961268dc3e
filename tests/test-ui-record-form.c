/* test-ui-record-form.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The real AimsRecordForm over a real project: what is typed is recorded,
 * refused values show the rule's message and are not stored, links show
 * both ways, and undo reloads the form. */

#include "config.h"

#include "aims-test-gtk.h"

#include <adwaita.h>

#include "aims-record-form.h"

#include <glib/gi18n.h>
#include <string.h>

typedef struct
{
  AimsDocument   *document;
  AimsStore      *store;
  GtkWindow      *window;
  AimsRecordForm *form;
  char           *system;
} Fixture;

static void
iterate (void)
{
  for (guint i = 0; i < 50 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

/* Rows past the first screen are built in idle steps */
static void
wait_built (void)
{
  for (guint i = 0; i < 500 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (g_strcmp0 (gtk_widget_get_name (child), name) == 0)
        return child;

      if ((found = find_named (child, name)))
        return found;
    }

  return NULL;
}

static GtkWidget *
field_widget (Fixture    *fixture,
              const char *field)
{
  GtkWidget *widget = find_named (GTK_WIDGET (fixture->form), field);

  g_assert_nonnull (widget);
  return widget;
}

static GtkLabel *
error_label (Fixture    *fixture,
             const char *field)
{
  g_autofree char *name = g_strconcat (field, "-error", NULL);

  return GTK_LABEL (field_widget (fixture, name));
}

/* Visible on screen: the label and everything above it */
static gboolean
error_shown (Fixture    *fixture,
             const char *field)
{
  return gtk_widget_is_visible (GTK_WIDGET (error_label (fixture, field)));
}

static const char *
field_label (const char *table,
             const char *field)
{
  const AimsFieldInfo *info = aims_table_info_lookup_field (aims_schema_lookup_table (table), field);

  g_assert_nonnull (info);
  return _(info->label);
}

static char *
dup_text (Fixture    *fixture,
          const char *table,
          const char *uuid,
          const char *field)
{
  g_autoptr(GError) error = NULL;
  char *text = aims_store_dup_text (fixture->store, table, uuid, field, &error);

  g_assert_no_error (error);
  return text;
}

static char *
insert_record (AimsStore  *store,
               const char *table,
               const char *name,
               const char *reference)
{
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                        (GDestroyNotify) g_variant_unref);
  g_autoptr(GError) error = NULL;
  char *uuid;

  g_hash_table_insert (values, (gpointer) "name", g_variant_ref_sink (g_variant_new_string (name)));
  g_hash_table_insert (values, (gpointer) "reference", g_variant_ref_sink (g_variant_new_string (reference)));
  uuid = aims_store_insert (store, table, values, &error);
  g_assert_no_error (error);
  g_assert_nonnull (uuid);

  return uuid;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->document = aims_document_new_untitled ("Tester", &error);
  g_assert_no_error (error);
  fixture->store = aims_document_get_store (fixture->document);
  fixture->system = insert_record (fixture->store, "ai_system", "Claims triage", "SYS-001");

  fixture->window = GTK_WINDOW (gtk_window_new ());
  /* Within the test screen (1280×800 in CI): a popover anchored off every
   * monitor makes GDK's X11 backend fail a critical check */
  gtk_window_set_default_size (fixture->window, 720, 760);
  fixture->form = AIMS_RECORD_FORM (aims_record_form_new ());
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->form));
  aims_record_form_set_record (fixture->form, fixture->store, "ai_system", fixture->system);
  gtk_window_present (fixture->window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  wait_built ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  iterate ();
  aims_document_close (fixture->document);
  g_clear_object (&fixture->document);
  g_clear_pointer (&fixture->system, g_free);
}

static void
test_new_destroy (void)
{
  GtkWidget *form = aims_record_form_new ();

  g_object_ref_sink (form);
  g_assert_null (aims_record_form_get_uuid (AIMS_RECORD_FORM (form)));
  g_assert_false (aims_record_form_get_read_only (AIMS_RECORD_FORM (form)));
  g_assert_finalize_object (form);
}

/* Going away while rows are still being built */
static void
test_destroy_while_building (Fixture       *fixture,
                             gconstpointer  data)
{
  GtkWidget *form = aims_record_form_new ();

  g_object_ref_sink (form);
  aims_record_form_set_record (AIMS_RECORD_FORM (form), fixture->store, "ai_system", fixture->system);
  g_assert_nonnull (find_named (form, "reference"));
  g_assert_null (find_named (form, "system_third_party"));
  g_assert_finalize_object (form);
  iterate ();
}

static void
test_groups_follow_descriptor (Fixture       *fixture,
                               gconstpointer  data)
{
  const AimsTableInfo *table = aims_schema_lookup_table ("ai_system");
  GtkWidget *page = find_descendant_of_type (GTK_WIDGET (fixture->form), ADW_TYPE_PREFERENCES_PAGE);
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();
  g_autoptr(GPtrArray) shown = g_ptr_array_new ();
  GtkWidget *widget;
  guint n_groups = 0;

  /* One group per field group, in order of first appearance */
  for (guint i = 0; i < table->n_fields; i++)
    {
      const AimsFieldInfo *info = &table->fields[i];

      if (info->widget == AIMS_FIELD_WIDGET_HIDDEN || (info->flags & AIMS_FIELD_FLAG_SYSTEM))
        continue;
      if (info->group != NULL && !g_ptr_array_find_with_equal_func (titles, _(info->group), g_str_equal, NULL))
        g_ptr_array_add (titles, (gpointer) _(info->group));

      /* Every shown field has its control, with the field's name */
      widget = field_widget (fixture, info->name);
      if (info->widget == AIMS_FIELD_WIDGET_ENTRY || info->widget == AIMS_FIELD_WIDGET_DATE)
        {
          g_assert_true (ADW_IS_ENTRY_ROW (widget));
          g_assert_true (g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)),
                                           _(info->label)));
          if (info->required)
            g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)),
                                      _("required")));
          if (info->widget == AIMS_FIELD_WIDGET_DATE)
            g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)),
                                      "YYYY-MM-DD"));
        }
      else if (info->widget == AIMS_FIELD_WIDGET_TEXT_AREA)
        g_assert_true (GTK_IS_TEXT_VIEW (widget));
      else if (info->widget == AIMS_FIELD_WIDGET_CHOICE)
        g_assert_true (ADW_IS_COMBO_ROW (widget));
      else if (info->widget == AIMS_FIELD_WIDGET_MULTI_CHOICE)
        g_assert_true (ADW_IS_EXPANDER_ROW (widget));
      else if (info->widget == AIMS_FIELD_WIDGET_SWITCH)
        g_assert_true (GTK_IS_SWITCH (widget));

      /* Every control is named after its field for screen readers */
      gtk_test_accessible_assert_property (widget, GTK_ACCESSIBLE_PROPERTY_LABEL, _(info->label));
    }
  g_ptr_array_add (titles, (gpointer) _("Data Sets"));
  g_ptr_array_add (titles, (gpointer) _("Third Parties"));
  g_ptr_array_add (titles, (gpointer) _("Risks"));

  for (GtkWidget *child = find_descendant_of_type (page, ADW_TYPE_PREFERENCES_GROUP);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!ADW_IS_PREFERENCES_GROUP (child))
        continue;
      g_assert_cmpuint (n_groups, <, titles->len);
      g_assert_cmpstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (child)), ==,
                       g_ptr_array_index (titles, n_groups));
      n_groups++;
    }
  g_assert_cmpuint (n_groups, ==, titles->len);
}

static void
test_typing_is_recorded (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkWidget *entry = field_widget (fixture, "name");
  g_autofree char *name = NULL;

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Claims triage");

  /* Typing is recorded after a pause, or at once on flush */
  gtk_editable_set_text (GTK_EDITABLE (entry), "Claims triage assistant");
  name = dup_text (fixture, "ai_system", fixture->system, "name");
  g_assert_cmpstr (name, ==, "Claims triage");
  g_clear_pointer (&name, g_free);

  aims_record_form_flush (fixture->form);
  name = dup_text (fixture, "ai_system", fixture->system, "name");
  g_assert_cmpstr (name, ==, "Claims triage assistant");
  g_clear_pointer (&name, g_free);

  /* …and after the pause by itself */
  gtk_editable_set_text (GTK_EDITABLE (entry), "Claims triage model");
  wait_ms (1000);
  name = dup_text (fixture, "ai_system", fixture->system, "name");
  g_assert_cmpstr (name, ==, "Claims triage model");
}

static void
test_pending_edit_survives_reload (Fixture       *fixture,
                                   gconstpointer  data)
{
  GtkWidget *entry = field_widget (fixture, "name");
  GtkWidget *description = field_widget (fixture, "description");
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  gtk_editable_set_text (GTK_EDITABLE (entry), "Half-typed");

  /* Another edit of this record reloads the form, but not the field being typed in */
  aims_store_update (fixture->store, "ai_system", fixture->system, "description",
                     g_variant_new_string ("Routes claims to handlers."), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Half-typed");
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (description));
    GtkTextIter start, end;
    g_autofree char *text = NULL;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (text, ==, "Routes claims to handlers.");
  }

  aims_record_form_flush (fixture->form);
  name = dup_text (fixture, "ai_system", fixture->system, "name");
  g_assert_cmpstr (name, ==, "Half-typed");
}

static void
test_date_rule_shows_inline (Fixture       *fixture,
                             gconstpointer  data)
{
  GtkWidget *last = field_widget (fixture, "last_review");
  GtkWidget *next = field_widget (fixture, "next_review");
  g_autofree char *stored = NULL;
  const char *message;

  gtk_editable_set_text (GTK_EDITABLE (last), "2026-05-01");
  aims_record_form_flush (fixture->form);
  stored = dup_text (fixture, "ai_system", fixture->system, "last_review");
  g_assert_cmpstr (stored, ==, "2026-05-01");
  g_clear_pointer (&stored, g_free);

  /* A next review before the last one is refused: the message names the
   * field, the row is marked, what was typed stays, the store is unchanged */
  g_assert_false (error_shown (fixture, "next_review"));
  gtk_editable_set_text (GTK_EDITABLE (next), "2026-01-15");
  aims_record_form_flush (fixture->form);

  g_assert_true (error_shown (fixture, "next_review"));
  message = gtk_label_get_text (error_label (fixture, "next_review"));
  g_assert_nonnull (strstr (message, field_label ("ai_system", "next_review")));
  g_assert_true (gtk_widget_has_css_class (next, "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (next)), ==, "2026-01-15");
  stored = dup_text (fixture, "ai_system", fixture->system, "next_review");
  g_assert_true (stored == NULL || stored[0] == '\0');
  g_clear_pointer (&stored, g_free);
  gtk_test_accessible_assert_state (next, GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE);

  /* A later store change of the record does not wipe what was typed */
  gtk_editable_set_text (GTK_EDITABLE (field_widget (fixture, "name")), "Claims triage v2");
  aims_record_form_flush (fixture->form);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (next)), ==, "2026-01-15");

  /* Correcting it records it and clears the message */
  gtk_editable_set_text (GTK_EDITABLE (next), "2026-11-01");
  aims_record_form_flush (fixture->form);
  g_assert_false (error_shown (fixture, "next_review"));
  g_assert_false (gtk_widget_has_css_class (next, "error"));
  stored = dup_text (fixture, "ai_system", fixture->system, "next_review");
  g_assert_cmpstr (stored, ==, "2026-11-01");
}

static void
test_date_that_does_not_exist (Fixture       *fixture,
                               gconstpointer  data)
{
  GtkWidget *next = field_widget (fixture, "next_review");
  g_autofree char *stored = NULL;

  gtk_editable_set_text (GTK_EDITABLE (next), "2026-02-30");
  aims_record_form_flush (fixture->form);
  g_assert_true (error_shown (fixture, "next_review"));
  stored = dup_text (fixture, "ai_system", fixture->system, "next_review");
  g_assert_true (stored == NULL || stored[0] == '\0');

  /* Another record: the message belongs to the previous one */
  {
    g_autofree char *other = insert_record (fixture->store, "ai_system", "Fraud screening", "SYS-002");

    aims_record_form_set_record (fixture->form, fixture->store, "ai_system", other);
    g_assert_false (error_shown (fixture, "next_review"));
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (next)), ==, "");
  }
}

static void
test_choice_is_stored (Fixture       *fixture,
                       gconstpointer  data)
{
  const AimsFieldInfo *info = aims_table_info_lookup_field (aims_schema_lookup_table ("ai_system"),
                                                            "lifecycle");
  AdwComboRow *row = ADW_COMBO_ROW (field_widget (fixture, "lifecycle"));
  guint offset = info->required ? 0 : 1;
  GListModel *model = adw_combo_row_get_model (row);
  g_autofree char *stored = NULL;
  guint deployment = G_MAXUINT;

  for (guint i = 0; i < info->n_choices; i++)
    if (g_str_equal (info->choice_list[i].id, "deployment"))
      deployment = i;
  g_assert_cmpuint (deployment, !=, G_MAXUINT);

  /* The list shows translated labels, with "Not set" first when optional */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, info->n_choices + offset);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (model), deployment + offset), ==,
                   aims_choice_label (info, "deployment"));

  adw_combo_row_set_selected (row, deployment + offset);
  stored = dup_text (fixture, "ai_system", fixture->system, "lifecycle");
  g_assert_cmpstr (stored, ==, "deployment");
}

static void
test_multi_choice_is_stored (Fixture       *fixture,
                             gconstpointer  data)
{
  const AimsTableInfo *table = aims_schema_lookup_table ("ai_system");
  const AimsFieldInfo *info = NULL;
  GtkWidget *row, *first, *second;
  g_autofree char *stored = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *subtitle = NULL;

  for (guint i = 0; i < table->n_fields && info == NULL; i++)
    if (table->fields[i].widget == AIMS_FIELD_WIDGET_MULTI_CHOICE)
      info = &table->fields[i];
  g_assert_nonnull (info);
  g_assert_cmpuint (info->n_choices, >=, 2);

  row = field_widget (fixture, info->name);
  first = find_named (row, info->choice_list[0].id);
  second = find_named (row, info->choice_list[1].id);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (second), TRUE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (first), TRUE);

  /* Stored in the order of the choices, whatever the order of the clicks */
  stored = dup_text (fixture, "ai_system", fixture->system, info->name);
  expected = g_strdup_printf ("%s,%s", info->choice_list[0].id, info->choice_list[1].id);
  g_assert_cmpstr (stored, ==, expected);

  subtitle = g_strdup_printf ("%s, %s", aims_choice_label (info, info->choice_list[0].id),
                              aims_choice_label (info, info->choice_list[1].id));
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==, subtitle);
}

static const char *
justification_field (void)
{
  const AimsTableInfo *table = aims_schema_lookup_table ("ai_system");

  for (guint i = 0; i < table->n_fields; i++)
    if (strstr (table->fields[i].name, "justification") != NULL)
      return table->fields[i].name;

  g_assert_not_reached ();
}

static void
test_exclusion_needs_justification (Fixture       *fixture,
                                    gconstpointer  data)
{
  GtkWidget *in_scope = field_widget (fixture, "in_scope");
  GtkWidget *justification = field_widget (fixture, justification_field ());
  g_autoptr(GError) rule_error = NULL;
  g_autoptr(GVariant) stored = NULL;

  /* The message the rule gives, asked of the store directly */
  g_assert_false (aims_store_update (fixture->store, "ai_system", fixture->system, "in_scope",
                                     g_variant_new_int64 (0), &rule_error));
  g_assert_error (rule_error, AIMS_RULE_ERROR, rule_error->code);

  g_assert_true (gtk_switch_get_active (GTK_SWITCH (in_scope)));
  gtk_switch_set_active (GTK_SWITCH (in_scope), FALSE);

  g_assert_true (error_shown (fixture, "in_scope"));
  g_assert_cmpstr (gtk_label_get_text (error_label (fixture, "in_scope")), ==, rule_error->message);
  stored = aims_store_get (fixture->store, "ai_system", fixture->system, "in_scope", NULL);
  g_assert_nonnull (stored);
  g_assert_true (g_variant_is_of_type (stored, G_VARIANT_TYPE_BOOLEAN)
                 ? g_variant_get_boolean (stored)
                 : g_variant_get_int64 (stored) == 1);
  g_clear_pointer (&stored, g_variant_unref);

  /* Giving the justification is enough: the exclusion is then recorded too */
  if (GTK_IS_TEXT_VIEW (justification))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (justification)),
                              "Internal prototype, never used on customer data.", -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (justification), "Internal prototype, never used on customer data.");
  aims_record_form_flush (fixture->form);

  g_assert_false (error_shown (fixture, "in_scope"));
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (in_scope)));
  stored = aims_store_get (fixture->store, "ai_system", fixture->system, "in_scope", NULL);
  g_assert_true (g_variant_is_of_type (stored, G_VARIANT_TYPE_BOOLEAN)
                 ? !g_variant_get_boolean (stored)
                 : g_variant_get_int64 (stored) == 0);
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;

  return n;
}

static GtkListBox *
link_list (Fixture    *fixture,
           const char *link_table)
{
  g_autofree char *name = g_strconcat (link_table, "-list", NULL);

  return GTK_LIST_BOX (field_widget (fixture, name));
}

static void
test_links_both_ways (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *data_set = insert_record (fixture->store, "data_set", "Claims history 2019-2024", "DS-001");
  g_autofree char *link = NULL;
  g_autoptr(GError) error = NULL;
  GtkListBox *list = link_list (fixture, "system_data_set");
  GtkListBoxRow *row;
  GtkWidget *remove;

  g_assert_cmpuint (count_rows (list), ==, 0);

  /* Linked through the core: the row appears, named and referenced */
  link = aims_store_link (fixture->store, "system_data_set", fixture->system, data_set, &error);
  g_assert_no_error (error);
  g_assert_nonnull (link);
  iterate ();
  g_assert_cmpuint (count_rows (list), ==, 1);
  row = gtk_list_box_get_row_at_index (list, 0);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Claims history 2019-2024");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "DS-001");
  remove = find_descendant_of_type (GTK_WIDGET (row), GTK_TYPE_BUTTON);
  gtk_test_accessible_assert_property (remove, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Remove link to Claims history 2019-2024");

  /* Unlinked through the core: the row goes */
  g_assert_true (aims_store_unlink (fixture->store, "system_data_set", fixture->system, data_set, &error));
  g_assert_no_error (error);
  iterate ();
  g_assert_cmpuint (count_rows (list), ==, 0);

  /* The data set's form lists the system that uses it */
  g_free (aims_store_link (fixture->store, "system_data_set", fixture->system, data_set, &error));
  g_assert_no_error (error);
  aims_record_form_set_record (fixture->form, fixture->store, "data_set", data_set);
  wait_built ();
  list = link_list (fixture, "system_data_set");
  g_assert_cmpuint (count_rows (list), ==, 1);
  row = gtk_list_box_get_row_at_index (list, 0);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Claims triage");

  /* Its remove button takes the link away, not the system */
  remove = find_descendant_of_type (GTK_WIDGET (row), GTK_TYPE_BUTTON);
  g_signal_emit_by_name (remove, "clicked");
  iterate ();
  g_assert_cmpuint (count_rows (list), ==, 0);
  g_assert_null (aims_store_dup_link_uuid (fixture->store, "system_data_set", fixture->system, data_set));
  g_assert_cmpuint (aims_store_count (fixture->store, "ai_system"), ==, 1);
}

/* Whether the middle of @widget, where a popover points, lies inside
 * @window's area */
static gboolean
middle_shown (GtkWidget *widget,
              GtkWidget *window)
{
  graphene_rect_t bounds;
  graphene_point_t middle;

  if (!gtk_widget_compute_bounds (widget, window, &bounds))
    return FALSE;

  graphene_rect_get_center (&bounds, &middle);
  return middle.x >= 0 && middle.y >= 0 &&
         middle.x < gtk_widget_get_width (window) && middle.y < gtk_widget_get_height (window);
}

static void
test_link_chooser (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *first = insert_record (fixture->store, "third_party", "Northwind Models", "TP-001");
  g_autofree char *second = insert_record (fixture->store, "third_party", "Contoso Cloud", "TP-002");
  g_autofree char *link = NULL;
  GtkWidget *group = field_widget (fixture, "system_third_party");
  GtkMenuButton *button = GTK_MENU_BUTTON (find_descendant_of_type (group, GTK_TYPE_MENU_BUTTON));
  GtkPopover *popover = gtk_menu_button_get_popover (button);
  GtkListView *view = GTK_LIST_VIEW (find_descendant_of_type (GTK_WIDGET (popover), GTK_TYPE_LIST_VIEW));
  GtkWidget *search = find_descendant_of_type (GTK_WIDGET (popover), GTK_TYPE_SEARCH_ENTRY);
  GListModel *candidates;

  /* Scrolled into view first, as a person would see it (the scroll is
   * animated: on a busy machine it takes a while) */
  gtk_widget_grab_focus (GTK_WIDGET (button));
  WAIT_UNTIL (middle_shown (GTK_WIDGET (button), GTK_WIDGET (fixture->window)));
  g_assert_true (middle_shown (GTK_WIDGET (button), GTK_WIDGET (fixture->window)));

  /* It offers the records not linked yet, and the search narrows them */
  gtk_menu_button_popup (button);
  iterate ();
  candidates = G_LIST_MODEL (gtk_list_view_get_model (view));
  g_assert_nonnull (candidates);
  g_assert_cmpuint (g_list_model_get_n_items (candidates), ==, 2);

  gtk_editable_set_text (GTK_EDITABLE (search), "contoso");
  g_signal_emit_by_name (search, "search-changed");
  g_assert_cmpuint (g_list_model_get_n_items (candidates), ==, 1);

  /* Enter links the match */
  g_signal_emit_by_name (search, "activate");
  iterate ();
  link = aims_store_dup_link_uuid (fixture->store, "system_third_party", fixture->system, second);
  g_assert_nonnull (link);
  g_assert_cmpuint (count_rows (link_list (fixture, "system_third_party")), ==, 1);

  /* Next time only the other one is offered */
  gtk_menu_button_popup (button);
  iterate ();
  candidates = G_LIST_MODEL (gtk_list_view_get_model (view));
  g_assert_cmpuint (g_list_model_get_n_items (candidates), ==, 1);
  g_signal_emit_by_name (view, "activate", 0);
  iterate ();
  g_clear_pointer (&link, g_free);
  link = aims_store_dup_link_uuid (fixture->store, "system_third_party", fixture->system, first);
  g_assert_nonnull (link);
  g_assert_cmpuint (count_rows (link_list (fixture, "system_third_party")), ==, 2);
}

static void
test_undo_reloads (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWidget *entry = field_widget (fixture, "name");
  AdwComboRow *lifecycle = ADW_COMBO_ROW (field_widget (fixture, "lifecycle"));
  g_autoptr(GError) error = NULL;
  guint before = adw_combo_row_get_selected (lifecycle);

  gtk_editable_set_text (GTK_EDITABLE (entry), "Renamed");
  aims_record_form_flush (fixture->form);
  adw_combo_row_set_selected (lifecycle, before + 1);

  g_assert_true (aims_store_undo (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (adw_combo_row_get_selected (lifecycle), ==, before);

  g_assert_true (aims_store_undo (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Claims triage");

  /* Reloading records nothing: nothing new to undo, redo still possible */
  wait_ms (900);
  g_assert_true (aims_store_get_can_redo (fixture->store));

  /* Undoing the insert leaves an insensitive form, redo brings it back */
  g_assert_true (aims_store_undo (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_false (gtk_widget_is_sensitive (entry));
  g_assert_true (aims_store_redo (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_true (gtk_widget_is_sensitive (entry));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Claims triage");
}

static void
test_switching_record_flushes (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *other = insert_record (fixture->store, "ai_system", "Fraud screening", "SYS-002");
  GtkWidget *entry = field_widget (fixture, "name");
  g_autofree char *name = NULL;

  gtk_editable_set_text (GTK_EDITABLE (entry), "Claims triage (pilot)");
  aims_record_form_set_record (fixture->form, fixture->store, "ai_system", other);

  name = dup_text (fixture, "ai_system", fixture->system, "name");
  g_assert_cmpstr (name, ==, "Claims triage (pilot)");
  g_assert_cmpstr (aims_record_form_get_uuid (fixture->form), ==, other);

  /* Same table: the rows stay, only the values change */
  g_assert_true (field_widget (fixture, "name") == entry);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Fraud screening");
}

static void
test_read_only (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *entry = field_widget (fixture, "name");
  GtkWidget *in_scope = field_widget (fixture, "in_scope");
  GtkWidget *description = field_widget (fixture, "description");
  GtkWidget *group = field_widget (fixture, "system_data_set");
  GtkWidget *button = find_descendant_of_type (group, GTK_TYPE_MENU_BUTTON);

  g_assert_true (gtk_editable_get_editable (GTK_EDITABLE (entry)));
  g_object_set (fixture->form, "read-only", TRUE, NULL);
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (entry)));
  g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (description)));
  g_assert_false (gtk_widget_is_sensitive (in_scope));
  g_assert_false (gtk_widget_get_visible (button));

  aims_record_form_set_read_only (fixture->form, FALSE);
  g_assert_true (gtk_editable_get_editable (GTK_EDITABLE (entry)));
  g_assert_true (gtk_widget_is_sensitive (in_scope));
  g_assert_true (gtk_widget_get_visible (button));
}

static gboolean
form_is_built (GtkWidget *form)
{
  /* The last group built is the last link group */
  return find_named (form, "system_third_party") != NULL;
}

/* Speed is measured by tests/bench/bench-inventory; this checks the
 * behaviour that makes it fast: the first screen of rows exists at once,
 * the rest follows while the window draws, and the next record of the same
 * table reuses the rows. */
static void
test_incremental_build (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *other = insert_record (fixture->store, "ai_system", "Fraud screening", "SYS-002");
  GtkWidget *form = aims_record_form_new ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *name_row;

  gtk_window_set_child (GTK_WINDOW (window), form);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);

  aims_record_form_set_record (AIMS_RECORD_FORM (form), fixture->store, "ai_system", fixture->system);
  g_assert_nonnull (find_named (form, "reference"));
  g_assert_false (form_is_built (form));
  while (!form_is_built (form))
    g_main_context_iteration (NULL, TRUE);
  name_row = find_named (form, "name");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "Claims triage");

  /* Same table: the same rows, new values, nothing left to build */
  aims_record_form_set_record (AIMS_RECORD_FORM (form), fixture->store, "ai_system", other);
  g_assert_true (form_is_built (form));
  g_assert_true (find_named (form, "name") == name_row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "Fraud screening");

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

/* Not a check: writes the form as PNGs to $AIMS_SCREENSHOT_DIR for people to
 * look at (run with ADW_DEBUG_COLOR_SCHEME=prefer-dark for the dark style) */
static void
write_png (GtkWidget  *widget,
           const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static void
test_screenshot (Fixture       *fixture,
                 gconstpointer  data)
{
  const char *dir = g_getenv ("AIMS_SCREENSHOT_DIR");
  g_autofree char *data_set = NULL;
  g_autofree char *path = NULL;
  const struct { const char *name; int width; int height; } sizes[] = {
    { "wide", 760, 3900 },
    { "narrow", 360, 5600 },
  };

  if (dir == NULL)
    {
      g_test_skip ("AIMS_SCREENSHOT_DIR is not set");
      return;
    }

  data_set = insert_record (fixture->store, "data_set", "Claims history 2019-2024", "DS-001");
  g_free (aims_store_link (fixture->store, "system_data_set", fixture->system, data_set, NULL));
  gtk_editable_set_text (GTK_EDITABLE (field_widget (fixture, "next_review")), "2020-02-30");
  aims_record_form_flush (fixture->form);

  /* Long choice labels, and a multiple choice opened with two chosen */
  adw_combo_row_set_selected (ADW_COMBO_ROW (field_widget (fixture, "eu_ai_act_area")), 4);
  adw_combo_row_set_selected (ADW_COMBO_ROW (field_widget (fixture, "eu_ai_act_category")), 2);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find_named (field_widget (fixture, "roles"), "provider")), TRUE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find_named (field_widget (fixture, "roles"), "deployer")), TRUE);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (field_widget (fixture, "roles")), TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      gtk_window_set_default_size (fixture->window, sizes[i].width, sizes[i].height);
      wait_ms (500);
      gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
      path = g_strdup_printf ("%s/record-form-%s.png", dir, sizes[i].name);
      write_png (GTK_WIDGET (fixture->window), path);
      g_test_message ("wrote %s", path);
      g_clear_pointer (&path, g_free);
    }
}

#define ADD_FORM_TEST(path, func) \
  g_test_add ("/ui/record-form/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = g_dir_make_tmp ("aims-ui-form-XXXXXX", NULL);
  g_autofree char *state = g_build_filename (home, "state", NULL);
  g_autofree char *data = g_build_filename (home, "data", NULL);
  g_autofree char *config = g_build_filename (home, "config", NULL);

  /* Own XDG folders for working copies, but not G_TEST_OPTION_ISOLATE_DIRS:
   * that also hides XDG_DATA_DIRS, and with it the icon theme. */
  g_setenv ("XDG_STATE_HOME", state, TRUE);
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);

  /* The test accessibility backend keeps what widgets tell screen readers,
   * so the cases can check accessible names; it needs no session bus */
  g_setenv ("GTK_A11Y", "test", TRUE);

  g_test_init (&argc, &argv, NULL);
  aims_test_gtk_init_log ();

  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();

  g_test_add_func ("/ui/record-form/new-destroy", test_new_destroy);
  ADD_FORM_TEST ("destroy-while-building", test_destroy_while_building);
  ADD_FORM_TEST ("groups-follow-descriptor", test_groups_follow_descriptor);
  ADD_FORM_TEST ("typing-is-recorded", test_typing_is_recorded);
  ADD_FORM_TEST ("pending-edit-survives-reload", test_pending_edit_survives_reload);
  ADD_FORM_TEST ("date-rule-shows-inline", test_date_rule_shows_inline);
  ADD_FORM_TEST ("date-that-does-not-exist", test_date_that_does_not_exist);
  ADD_FORM_TEST ("choice-is-stored", test_choice_is_stored);
  ADD_FORM_TEST ("multi-choice-is-stored", test_multi_choice_is_stored);
  ADD_FORM_TEST ("exclusion-needs-justification", test_exclusion_needs_justification);
  ADD_FORM_TEST ("links-both-ways", test_links_both_ways);
  ADD_FORM_TEST ("link-chooser", test_link_chooser);
  ADD_FORM_TEST ("undo-reloads", test_undo_reloads);
  ADD_FORM_TEST ("switching-record-flushes", test_switching_record_flushes);
  ADD_FORM_TEST ("read-only", test_read_only);
  ADD_FORM_TEST ("incremental-build", test_incremental_build);
  /* Not a check, so not in the suite unless asked for */
  if (g_getenv ("AIMS_SCREENSHOT_DIR") != NULL)
    ADD_FORM_TEST ("screenshot", test_screenshot);

  return g_test_run ();
}
