/* test-ui-incident.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Incidents section, through the real widgets of the real window on the
 * demo project: recording an incident from the section and from an AI
 * system's page, a time that does not exist refused with its message and
 * nothing written, the response times, and the risks an incident reveals:
 * linking one, adding one, removing a link and "Reassess" landing on the
 * risk's page. What the widgets show is checked against the core. */

#include "config.h"

#include "aims-test-gtk.h"
#include "aims-test-util.h"

/* A form's rows are built in idle steps; under a sanitizer on a busy
 * machine that takes a while */
#define AIMS_TEST_WAIT_LONG_SECONDS 180
#include "aims-test-window.h"

#include "aims-cell-text.h"
#include "aims-inventory-page.h"
#include "aims-record-browser.h"
#include "aims-record-form.h"

typedef struct
{
  AimsTestWindow     tw;
  AimsWindow        *window;
  AimsStore         *store;
  AimsRecordBrowser *incidents;
  AimsRecordBrowser *risks;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  /* Within Xvfb's 1280×800 screen: a popover below its edge has no monitor */
  aims_test_window_open (&f->tw, "incidents", 1200, 760);
  f->window = f->tw.window;
  f->store = f->tw.store;
  f->incidents = AIMS_RECORD_BROWSER (f->window->incidents_page);
  f->risks = AIMS_RECORD_BROWSER (f->window->risks_page);
  g_assert_nonnull (aims_record_browser_get_list (f->incidents));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  aims_test_window_close (&f->tw);
}

/* Helpers */

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
require_named (GtkWidget  *root,
               const char *name)
{
  GtkWidget *widget = NULL;

  WAIT_LONG ((widget = find_named (root, name)) != NULL);
  g_assert_nonnull (widget);
  return widget;
}

static GtkWidget *
find_action_button (GtkWidget  *root,
                    const char *action)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && gtk_widget_get_mapped (child) &&
          g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)), action) == 0)
        return child;
      if ((found = find_action_button (child, action)))
        return found;
    }

  return NULL;
}

static gboolean
shows_label (GtkWidget  *root,
             const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && gtk_widget_get_mapped (child) &&
          g_strcmp0 (gtk_label_get_text (GTK_LABEL (child)), text) == 0)
        return TRUE;
      if (AIMS_IS_CELL_TEXT (child) && gtk_widget_get_mapped (child) &&
          g_strcmp0 (aims_cell_text_get_text (AIMS_CELL_TEXT (child)), text) == 0)
        return TRUE;
      if (shows_label (child, text))
        return TRUE;
    }

  return FALSE;
}

static char *
uuid_by_reference (AimsStore  *store,
                   const char *table,
                   const char *reference)
{
  g_auto(GStrv) uuids = aims_store_dup_uuids (store, table, NULL);

  for (guint k = 0; uuids[k] != NULL; k++)
    {
      g_autofree char *found = aims_store_dup_text (store, table, uuids[k], "reference", NULL);

      if (g_strcmp0 (found, reference) == 0)
        return g_strdup (uuids[k]);
    }

  g_assert_not_reached ();
}

static char *
dup_text (AimsStore  *store,
          const char *table,
          const char *uuid,
          const char *field)
{
  g_autoptr(GError) error = NULL;
  char *text = aims_store_dup_text (store, table, uuid, field, &error);

  g_assert_no_error (error);
  return text;
}

static AimsRecordForm *
browser_form (AimsRecordBrowser *browser)
{
  GtkWidget *form = find_descendant_of_type (GTK_WIDGET (browser), AIMS_TYPE_RECORD_FORM);

  g_assert_nonnull (form);
  return AIMS_RECORD_FORM (form);
}

/* The form of @uuid, with its rows built */
static GtkWidget *
wait_for_form (AimsRecordBrowser *browser,
               const char        *uuid,
               const char        *last_group)
{
  GtkWidget *form = GTK_WIDGET (browser_form (browser));

  WAIT_LONG (g_strcmp0 (aims_record_form_get_uuid (AIMS_RECORD_FORM (form)), uuid) == 0 &&
             find_named (form, last_group) != NULL);
  g_assert_cmpstr (aims_record_form_get_uuid (AIMS_RECORD_FORM (form)), ==, uuid);
  g_assert_nonnull (find_named (form, last_group));
  return form;
}

/* Whether @widget is drawn inside its window, not scrolled out of sight */
static gboolean
in_view (GtkWidget *widget)
{
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (widget));
  double x, y;

  if (!gtk_widget_get_mapped (widget) ||
      !gtk_widget_translate_coordinates (widget, window, 0, 0, &x, &y))
    return FALSE;

  return y >= 0 && y + gtk_widget_get_height (widget) <= gtk_widget_get_height (window);
}

static guint
count_rows (GtkWidget *list)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_ACTION_ROW (row))
      n++;

  return n;
}

static GtkWidget *
row_titled (GtkWidget  *list,
            const char *title)
{
  for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_ACTION_ROW (row) &&
        g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) == 0)
      return row;

  return NULL;
}

/* Types into an entry row and leaves it, as a person does: the form then
 * commits what was typed (flushing is what leaving the field does, without
 * depending on how fast a sanitized build reaches the pause in typing) */
static void
type_and_leave (GtkWidget  *row,
                const char *text)
{
  GtkWidget *form = gtk_widget_get_ancestor (row, AIMS_TYPE_RECORD_FORM);

  gtk_editable_set_text (GTK_EDITABLE (row), text);
  aims_record_form_flush (AIMS_RECORD_FORM (form));
  wait_ms (20);
}

static guint
combo_position_of (GtkWidget  *combo,
                   const char *label)
{
  GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (combo));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), label) == 0)
      return i;

  g_assert_not_reached ();
}

/* Tests */

/* The section lists the demo's incidents; "Record Incident" records one
 * with the next reference and opens it, and its AI system is chosen by
 * name. */
static void
test_record_from_section (Fixture       *f,
                          gconstpointer  data)
{
  AimsRecordList *list = aims_record_browser_get_list (f->incidents);
  guint n_before = aims_store_count (f->store, "incident");
  g_autofree char *system = uuid_by_reference (f->store, "ai_system", "SYS-002");
  g_autofree char *system_name = dup_text (f->store, "ai_system", system, "name");
  g_autofree char *uuid = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *stored = NULL;
  GtkWidget *add, *form, *combo, *title;

  g_assert_cmpstr (aims_window_get_visible_section (f->window), ==, "incidents");
  WAIT_UNTIL (g_list_model_get_n_items (G_LIST_MODEL (list)) == n_before);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n_before);

  add = find_action_button (GTK_WIDGET (f->incidents), "browser.add");
  g_assert_nonnull (add);
  g_signal_emit_by_name (add, "clicked");

  g_assert_cmpuint (aims_store_count (f->store, "incident"), ==, n_before + 1);
  uuid = g_strdup (aims_record_browser_get_selected (f->incidents));
  g_assert_nonnull (uuid);
  reference = dup_text (f->store, "incident", uuid, "reference");
  g_assert_cmpstr (reference, ==, "INC-008");

  form = wait_for_form (f->incidents, uuid, "incident_risk");
  title = require_named (form, "title");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==, "New incident");
  type_and_leave (title, "Fraud score stuck at zero");
  stored = dup_text (f->store, "incident", uuid, "title");
  g_assert_cmpstr (stored, ==, "Fraud score stuck at zero");

  /* The AI system, by its name */
  combo = require_named (form, "system");
  g_assert_true (ADW_IS_COMBO_ROW (combo));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (combo)), ==, 0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (combo), combo_position_of (combo, system_name));
  g_clear_pointer (&stored, g_free);
  stored = dup_text (f->store, "incident", uuid, "system");
  g_assert_cmpstr (stored, ==, system);

  /* A time picked in the calendar beside the field is written into it */
  {
    GtkWidget *occurred = require_named (form, "occurred");
    GtkWidget *picker = require_named (occurred, "pick-time");
    GtkWidget *popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (picker)));
    GtkWidget *calendar = find_descendant_of_type (popover, GTK_TYPE_CALENDAR);
    g_autoptr(GDateTime) day = g_date_time_new_utc (2026, 3, 14, 0, 0, 0);
    g_autoptr(GPtrArray) spins = g_ptr_array_new ();

    collect_of_type (popover, GTK_TYPE_SPIN_BUTTON, spins);
    g_assert_cmpuint (spins->len, ==, 2);
    gtk_calendar_select_day (GTK_CALENDAR (calendar), day);
    gtk_spin_button_set_value (g_ptr_array_index (spins, 0), 9);
    gtk_spin_button_set_value (g_ptr_array_index (spins, 1), 30);
    g_signal_emit_by_name (require_named (popover, "set-time"), "clicked");
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (occurred)), ==, "2026-03-14T09:30");
    aims_record_form_flush (AIMS_RECORD_FORM (form));
    g_clear_pointer (&stored, g_free);
    stored = dup_text (f->store, "incident", uuid, "occurred");
    g_assert_cmpstr (stored, ==, "2026-03-14T09:30");
  }

  /* The list shows the system's name, not its identifier */
  WAIT_UNTIL (shows_label (GTK_WIDGET (f->incidents), system_name));
}

/* A time that does not exist stays in its field with the store's message
 * and writes nothing; fixing it stores it, and the response times follow. */
static void
test_bad_time (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *uuid = uuid_by_reference (f->store, "incident", "INC-007");
  g_autofree char *stored = NULL;
  const char *message = "Resolved: “2026-11-31T10:00” is not a date and time that exists; "
                        "write it as YYYY-MM-DDTHH:MM, for example 2026-03-14T09:30.";
  GtkWidget *form, *resolved, *durations, *to_detect, *to_resolve;
  gint64 last_change;

  g_assert_true (aims_window_show_record (f->window, "incident", uuid));
  form = wait_for_form (f->incidents, uuid, "incident_risk");
  resolved = require_named (form, "resolved");
  durations = require_named (form, "incident-durations");
  to_detect = require_named (durations, "time-to-detect");
  to_resolve = require_named (durations, "time-to-resolve");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));

  /* 2026-11-19T08:40 to 2026-11-20T11:05 */
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (require_named (to_detect, "value"))), ==,
                   "1 d 2 h");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (to_resolve)), ==,
                   "Needs the times it was detected and resolved");

  last_change = aims_store_get_last_change_id (f->store);
  type_and_leave (resolved, "2026-11-31T10:00");
  WAIT_UNTIL (shows_label (form, message));
  g_assert_true (shows_label (form, message));
  g_assert_true (gtk_widget_has_css_class (resolved, "error"));
  stored = dup_text (f->store, "incident", uuid, "resolved");
  g_assert_cmpstr (stored, ==, "");
  g_assert_cmpint (aims_store_get_last_change_id (f->store), ==, last_change);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (resolved)), ==, "2026-11-31T10:00");

  /* Before it was detected: the order is kept too */
  type_and_leave (resolved, "2026-11-20T09:00");
  WAIT_UNTIL (shows_label (form, "Resolved: 2026-11-20T09:00 is before “Detected” "
                                 "(2026-11-20T11:05)."));
  g_assert_true (shows_label (form, "Resolved: 2026-11-20T09:00 is before “Detected” "
                                    "(2026-11-20T11:05)."));
  g_assert_cmpint (aims_store_get_last_change_id (f->store), ==, last_change);

  type_and_leave (resolved, "2026-11-21T16:35");
  g_clear_pointer (&stored, g_free);
  stored = dup_text (f->store, "incident", uuid, "resolved");
  g_assert_cmpstr (stored, ==, "2026-11-21T16:35");
  g_assert_false (shows_label (form, message));
  g_assert_false (gtk_widget_has_css_class (resolved, "error"));
  WAIT_UNTIL (g_strcmp0 (gtk_label_get_text (GTK_LABEL (require_named (to_resolve, "value"))),
                         "1 d 5 h") == 0);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (require_named (to_resolve, "value"))), ==,
                   "1 d 5 h");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (to_resolve)), ==, "");
}

/* "Record Incident" on an AI system's page, beside "Add Risk" */
static void
test_record_from_system (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *system = uuid_by_reference (f->store, "ai_system", "SYS-004");
  g_autofree char *incident = NULL;
  g_autofree char *stored = NULL;
  AimsRecordBrowser *systems;
  GtkWidget *group = NULL, *record;
  guint n_before = aims_store_count (f->store, "incident");

  g_assert_true (aims_window_show_record (f->window, "ai_system", system));
  systems = aims_inventory_page_get_browser (AIMS_INVENTORY_PAGE (f->window->inventory_page),
                                             "ai_system");
  WAIT_LONG ((group = find_named (GTK_WIDGET (systems), "risk_system")) != NULL);
  g_assert_nonnull (group);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));

  record = require_named (group, "extra-action");
  g_assert_nonnull (require_named (group, "add-linked"));
  g_assert_true (gtk_widget_is_sensitive (record));
  g_signal_emit_by_name (record, "clicked");

  g_assert_cmpuint (aims_store_count (f->store, "incident"), ==, n_before + 1);
  g_assert_cmpstr (aims_window_get_visible_section (f->window), ==, "incidents");
  incident = g_strdup (aims_record_browser_get_selected (f->incidents));
  g_assert_nonnull (incident);
  stored = dup_text (f->store, "incident", incident, "system");
  g_assert_cmpstr (stored, ==, system);
  wait_for_form (f->incidents, incident, "incident_risk");
}

/* The risks an incident reveals: link one through the chooser, reassess it
 * (it opens on the Risks page, which lists the incident), add a new one of
 * the incident's system, and remove a link. */
static void
test_risks_revealed (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *incident = uuid_by_reference (f->store, "incident", "INC-001");
  g_autofree char *incident_title = dup_text (f->store, "incident", incident, "title");
  g_autofree char *system = dup_text (f->store, "incident", incident, "system");
  g_autoptr(AimsRecordList) linked = aims_incident_list_risks (f->store, incident);
  g_autofree char *risk = uuid_by_reference (f->store, "risk", "R-003");
  g_autofree char *risk_title = dup_text (f->store, "risk", risk, "title");
  g_autofree char *added = NULL;
  g_autofree char *link = NULL;
  GtkWidget *form, *group, *list, *chooser, *search, *row, *reassess, *risk_form, *remove;
  guint n_linked = g_list_model_get_n_items (G_LIST_MODEL (linked));
  guint n_risks = aims_store_count (f->store, "risk");
  gint64 last_change;

  g_assert_cmpuint (n_linked, ==, 2);
  g_assert_null (aims_store_dup_link_uuid (f->store, "incident_risk", incident, risk));

  g_assert_true (aims_window_show_record (f->window, "incident", incident));
  form = wait_for_form (f->incidents, incident, "incident_risk");
  group = require_named (form, "incident_risk");
  list = require_named (group, "incident_risk-list");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  WAIT_UNTIL (count_rows (list) == n_linked);
  g_assert_cmpuint (count_rows (list), ==, n_linked);
  g_assert_cmpstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group)), ==,
                   "This incident reveals 2 risks");

  /* Link a risk: search by reference, Enter links the first match */
  chooser = find_descendant_of_type (group, GTK_TYPE_MENU_BUTTON);
  g_assert_nonnull (chooser);
  /* Scrolled into view first, as a person would see it */
  gtk_widget_grab_focus (chooser);
  WAIT_LONG (in_view (chooser));
  g_assert_true (in_view (chooser));
  wait_ms (100);
  gtk_menu_button_popup (GTK_MENU_BUTTON (chooser));
  wait_ms (50);
  search = find_descendant_of_type (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (chooser))),
                                    GTK_TYPE_SEARCH_ENTRY);
  g_assert_nonnull (search);
  gtk_editable_set_text (GTK_EDITABLE (search), "R-003");
  g_signal_emit_by_name (search, "search-changed");
  g_signal_emit_by_name (search, "activate");
  link = aims_store_dup_link_uuid (f->store, "incident_risk", incident, risk);
  g_assert_nonnull (link);
  WAIT_UNTIL ((row = row_titled (list, risk_title)) != NULL);
  g_assert_nonnull (row);
  g_assert_cmpuint (count_rows (list), ==, n_linked + 1);

  /* Reassess: lands on the risk's page, which lists the incident; it writes
   * nothing */
  last_change = aims_store_get_last_change_id (f->store);
  reassess = find_named (row, "row-action");
  g_assert_nonnull (reassess);
  g_signal_emit_by_name (reassess, "clicked");
  g_assert_cmpstr (aims_window_get_visible_section (f->window), ==, "risks");
  g_assert_cmpstr (aims_record_browser_get_selected (f->risks), ==, risk);
  risk_form = wait_for_form (f->risks, risk, "incident_risk-list");
  WAIT_LONG (row_titled (find_named (risk_form, "incident_risk-list"), incident_title) != NULL);
  g_assert_nonnull (row_titled (find_named (risk_form, "incident_risk-list"), incident_title));
  g_assert_cmpint (aims_store_get_last_change_id (f->store), ==, last_change);

  /* The incident on the risk's page opens in the Incidents section */
  g_signal_emit_by_name (row_titled (find_named (risk_form, "incident_risk-list"), incident_title),
                         "activated");
  g_assert_cmpstr (aims_window_get_visible_section (f->window), ==, "incidents");
  g_assert_cmpstr (aims_record_browser_get_selected (f->incidents), ==, incident);

  /* New Risk: a risk of the incident's system, linked to the incident */
  form = wait_for_form (f->incidents, incident, "incident_risk");
  group = require_named (form, "incident_risk");
  g_signal_emit_by_name (require_named (group, "add-linked"), "clicked");
  g_assert_cmpuint (aims_store_count (f->store, "risk"), ==, n_risks + 1);
  g_assert_cmpstr (aims_window_get_visible_section (f->window), ==, "risks");
  added = g_strdup (aims_record_browser_get_selected (f->risks));
  g_assert_nonnull (added);
  g_free (link);
  link = aims_store_dup_link_uuid (f->store, "incident_risk", incident, added);
  g_assert_nonnull (link);
  g_free (link);
  link = aims_store_dup_link_uuid (f->store, "risk_system", added, system);
  g_assert_nonnull (link);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (linked)), ==, n_linked + 2);

  /* Remove the link to R-003: the risk stays */
  g_assert_true (aims_window_show_record (f->window, "incident", incident));
  form = wait_for_form (f->incidents, incident, "incident_risk");
  list = require_named (form, "incident_risk-list");
  WAIT_UNTIL ((row = row_titled (list, risk_title)) != NULL);
  remove = g_object_get_data (G_OBJECT (row), "remove-button");
  g_assert_nonnull (remove);
  g_signal_emit_by_name (remove, "clicked");
  g_assert_null (aims_store_dup_link_uuid (f->store, "incident_risk", incident, risk));
  g_assert_cmpuint (aims_store_count (f->store, "risk"), ==, n_risks + 1);
  WAIT_UNTIL (row_titled (list, risk_title) == NULL);
  g_assert_null (row_titled (list, risk_title));
}

int
main (int   argc,
      char *argv[])
{
  char *home = aims_test_window_init (&argc, &argv);

  if (home == NULL)
    return 0;

#define ADD(path, func) \
  g_test_add ("/ui/incident/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("record-from-section", test_record_from_section);
  ADD ("bad-time", test_bad_time);
  ADD ("record-from-system", test_record_from_system);
  ADD ("risks-revealed", test_risks_revealed);
#undef ADD

  return aims_test_window_run (home);
}
