/* test-ui-audit.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Audits & Actions section, driven through its real widgets: an audit
 * is added, its scope chosen with the checks, "Start Audit" makes the
 * checklist, a result and the evidence seen are recorded, "Raise Finding"
 * opens the new finding, a why and a corrective action are added, the
 * action's card on the PDCA board opens the finding, and "Close Finding"
 * is refused with what is missing, then allowed. */

#include "config.h"

#include "aims-test-gtk.h"
#include "aims-test-util.h"

#include <adwaita.h>

#include "aims-actions-group.h"
#include "aims-application.h"
#include "aims-audit-checklist.h"
#include "aims-audits-page.h"
#include "aims-pdca-board.h"
#include "aims-record-browser.h"
#include "aims-treatment-action-dialog.h"
#include "aims-window-private.h"

static AimsApplication *app;

/* Forms are built in idle steps: slow under a sanitizer on a busy machine */
#define WAIT_LONG(cond) \
  G_STMT_START { \
    gint64 wait_end_ = g_get_monotonic_time () + 90 * G_USEC_PER_SEC; \
    while (!(cond) && g_get_monotonic_time () < wait_end_) \
      wait_ms (5); \
  } G_STMT_END

typedef struct
{
  AimsWindow        *window;
  AimsStore         *store;
  AimsRecordBrowser *audits;
  AimsRecordBrowser *findings;
  char              *dir;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  AimsAuditsPage *page;

  f->dir = g_dir_make_tmp ("aims-ui-audit-XXXXXX", NULL);
  path = g_build_filename (f->dir, "Audit.aims", NULL);
  aims_test_write_project (path, 1);
  file = g_file_new_for_path (path);

  f->window = aims_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1400, 900);
  gtk_window_present (GTK_WINDOW (f->window));
  aims_window_open_file (f->window, file);
  g_assert_true (aims_window_has_project (f->window));
  aims_window_show_section (f->window, "audits");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));

  f->store = aims_document_get_store (f->window->document);
  g_assert_nonnull (f->window->audits_page);
  page = AIMS_AUDITS_PAGE (f->window->audits_page);
  f->audits = aims_audits_page_get_browser (page, "audit");
  f->findings = aims_audits_page_get_browser (page, "finding");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(AimsDocument) document = g_object_ref (f->window->document);
  GtkWidget *dialog;

  while ((dialog = find_toplevel_of_type (GTK_TYPE_WINDOW)) != NULL &&
         dialog != GTK_WIDGET (f->window))
    gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (f->window));
  wait_ms (20);
  aims_document_close (document);
  aims_test_remove_tree (f->dir);
  g_free (f->dir);
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (g_strcmp0 (gtk_widget_get_name (child), name) == 0)
        return child;
      if ((found = find_named (child, name)) != NULL)
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
  if (widget == NULL)
    g_error ("No widget named “%s”", name);
  return widget;
}

static void
on_clicked_cb (GtkButton *button,
               gboolean  *clicked)
{
  *clicked = TRUE;
}

/* Clicks a button as a person would: once it is on screen. GtkButton's
 * activation shows the press, then clicks a moment later: wait for it. */
static void
click (GtkWidget *button)
{
  gboolean clicked = FALSE;
  gulong id;

  WAIT_LONG (gtk_widget_get_realized (button) && gtk_widget_is_sensitive (button));
  g_assert_true (gtk_widget_get_realized (button));
  id = g_signal_connect (button, "clicked", G_CALLBACK (on_clicked_cb), &clicked);
  gtk_widget_activate (button);
  WAIT_LONG (clicked);
  g_signal_handler_disconnect (button, id);
  g_assert_true (clicked);
}

static char *
text_of (AimsStore  *store,
         const char *table,
         const char *uuid,
         const char *field)
{
  return aims_store_dup_text (store, table, uuid, field, NULL);
}

/* Adds an audit with the browser's Add action and waits for its form */
static char *
add_audit (Fixture *f)
{
  char *audit;

  gtk_widget_activate_action (GTK_WIDGET (f->audits), "browser.add", NULL);
  WAIT_UNTIL (aims_record_browser_get_selected (f->audits) != NULL);
  audit = g_strdup (aims_record_browser_get_selected (f->audits));
  g_assert_nonnull (audit);
  require_named (GTK_WIDGET (f->audits), "audit-checklist");
  return audit;
}

static void
set_result (GtkWidget  *row,
            const char *result)
{
  const AimsFieldInfo *field = aims_table_info_lookup_field (aims_schema_lookup_table ("audit_item"),
                                                             "result");
  AdwComboRow *combo = g_object_get_data (G_OBJECT (row), "result");

  g_assert_nonnull (combo);
  for (guint i = 0; field->choices[i] != NULL; i++)
    {
      if (g_str_equal (field->choices[i], result))
        {
          adw_combo_row_set_selected (combo, i);
          return;
        }
    }
  g_assert_not_reached ();
}

static void
test_start_empty_scope (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *audit = add_audit (f);
  g_autofree char *status = NULL;
  GtkWidget *start = require_named (GTK_WIDGET (f->audits), "start-audit");
  GtkWidget *dialog = NULL;

  g_assert_true (gtk_widget_get_visible (start));
  click (start);
  WAIT_UNTIL ((dialog = find_toplevel_of_type (ADW_TYPE_MESSAGE_DIALOG)) != NULL);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                            "scope is empty"));
  status = text_of (f->store, "audit", audit, "status");
  g_assert_cmpstr (status, ==, "planned");
  g_assert_cmpuint (aims_store_count (f->store, "audit_item"), ==, 0);
}

static void
test_audit_to_closed_finding (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *audit = add_audit (f);
  g_autofree char *scope = NULL;
  g_autofree char *status = NULL;
  g_autofree char *result = NULL;
  g_autofree char *evidence = NULL;
  g_autofree char *finding = NULL;
  g_autofree char *action = NULL;
  g_auto(GStrv) whys = NULL;
  g_auto(GStrv) actions = NULL;
  AimsAuditChecklist *checklist;
  GtkWidget *check, *start, *row, *entry, *raise, *button, *dialog, *problem, *card;
  AimsPdcaBoard *board;

  /* The scope: all of 9.2, with its check */
  check = require_named (GTK_WIDGET (f->audits), "9.2");
  g_assert_true (GTK_IS_CHECK_BUTTON (check));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  scope = text_of (f->store, "audit", audit, "scope");
  g_assert_cmpstr (scope, ==, "[\"9.2\"]");
  /* Its parts are covered, so shown checked and not to be chosen again */
  check = require_named (GTK_WIDGET (f->audits), "9.2.2");
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  g_assert_false (gtk_widget_get_sensitive (check));

  /* Start Audit makes the checklist, and goes away */
  start = require_named (GTK_WIDGET (f->audits), "start-audit");
  click (start);
  checklist = AIMS_AUDIT_CHECKLIST (require_named (GTK_WIDGET (f->audits), "audit-checklist"));
  WAIT_UNTIL (aims_audit_checklist_find_row (checklist, "9.2.2") != NULL);
  g_assert_nonnull (aims_audit_checklist_find_row (checklist, "9.2.1"));
  g_assert_cmpuint (aims_store_count (f->store, "audit_item"), ==, 2);
  status = text_of (f->store, "audit", audit, "status");
  g_assert_cmpstr (status, ==, "in-progress");
  g_assert_false (gtk_widget_get_visible (start));
  /* The scope is fixed now */
  g_assert_false (gtk_widget_get_sensitive (find_named (GTK_WIDGET (f->audits), "A.6")));

  /* A result and the evidence seen */
  row = aims_audit_checklist_find_row (checklist, "9.2.2");
  raise = g_object_get_data (G_OBJECT (row), "raise-finding");
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  WAIT_UNTIL (gtk_widget_get_realized (raise));
  g_assert_false (gtk_widget_get_sensitive (raise));
  set_result (row, "minor-nonconformity");
  {
    g_auto(GStrv) items = aims_audit_dup_checklist (f->store, audit, NULL);

    result = text_of (f->store, "audit_item", items[1], "result");
    g_assert_cmpstr (result, ==, "minor-nonconformity");
    g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==,
                     "Minor nonconformity");

    entry = g_object_get_data (G_OBJECT (row), "evidence_seen");
    gtk_editable_set_text (GTK_EDITABLE (entry), "No programme for 2026.");
    g_signal_emit_by_name (entry, "apply");
    evidence = text_of (f->store, "audit_item", items[1], "evidence_seen");
    g_assert_cmpstr (evidence, ==, "No programme for 2026.");
  }

  /* Raise Finding opens the new finding */
  g_assert_true (gtk_widget_get_sensitive (raise));
  click (raise);
  WAIT_UNTIL (aims_record_browser_get_selected (f->findings) != NULL);
  finding = g_strdup (aims_record_browser_get_selected (f->findings));
  g_assert_nonnull (finding);
  g_free (result);
  result = text_of (f->store, "finding", finding, "severity");
  g_assert_cmpstr (result, ==, "minor");
  g_free (result);
  result = text_of (f->store, "finding", finding, "requirement");
  g_assert_cmpstr (result, ==, "9.2.2");

  /* A why */
  button = require_named (GTK_WIDGET (f->findings), "add-why");
  click (button);
  entry = require_named (GTK_WIDGET (f->findings), "why");
  gtk_editable_set_text (GTK_EDITABLE (entry), "Nobody owns the audit programme");
  g_signal_emit_by_name (entry, "apply");
  whys = aims_finding_dup_whys (f->store, finding, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (whys), ==, 1);
  g_assert_cmpstr (whys[0], ==, "Nobody owns the audit programme");

  /* Close Finding without actions: refused, saying what is missing */
  button = require_named (GTK_WIDGET (f->findings), "close-finding");
  click (button);
  problem = require_named (GTK_WIDGET (f->findings), "close-problem");
  g_assert_true (gtk_widget_get_visible (problem));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (problem)),
                            "Add at least one corrective action"));
  g_free (status);
  status = text_of (f->store, "finding", finding, "status");
  g_assert_cmpstr (status, ==, "open");

  /* A corrective action, added in its group and edited in its window; the
   * group (one widget with the risk's treatment actions) speaks of
   * corrective actions and lists the finding's */
  {
    GtkWidget *group = require_named (GTK_WIDGET (f->findings), "corrective_action");

    g_assert_cmpstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group)), ==,
                     "Corrective Actions");
    g_assert_cmpstr (aims_actions_group_get_parent (AIMS_ACTIONS_GROUP (group)), ==, finding);
    g_assert_nonnull (require_named (group, "corrective_action-list"));
    button = require_named (group, "add-action");
    g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Add a Corrective Action");
  }
  click (button);
  WAIT_UNTIL ((dialog = find_toplevel_of_type (AIMS_TYPE_TREATMENT_ACTION_DIALOG)) != NULL);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Corrective Action");
  gtk_window_destroy (GTK_WINDOW (dialog));
  actions = aims_store_dup_uuids (f->store, "corrective_action", NULL);
  g_assert_cmpuint (g_strv_length (actions), ==, 1);
  action = g_strdup (actions[0]);
  WAIT_UNTIL (find_named (GTK_WIDGET (f->findings), "corrective-action") != NULL);
  /* The action changed the finding: the old refusal is gone */
  g_assert_false (gtk_widget_get_visible (problem));

  /* Its card is on the board, in Act, and opens the finding */
  aims_window_show_section (f->window, "pdca");
  board = AIMS_PDCA_BOARD (f->window->pdca_page);
  WAIT_LONG ((card = aims_pdca_board_find_card (board, action)) != NULL);
  g_assert_nonnull (card);
  g_assert_true (gtk_widget_get_parent (card) ==
                 GTK_WIDGET (aims_pdca_board_get_column (board, AIMS_PDCA_PHASE_ACT)));
  g_signal_emit_by_name (gtk_widget_get_parent (card), "row-activated", card);
  g_assert_cmpstr (aims_window_get_visible_section (f->window), ==, "audits");
  g_assert_cmpstr (aims_record_browser_get_selected (f->findings), ==, finding);

  /* Done but not verified: still refused */
  g_assert_true (aims_store_update (f->store, "corrective_action", action, "status",
                                    g_variant_new_string ("done"), &error));
  button = require_named (GTK_WIDGET (f->findings), "close-finding");
  problem = require_named (GTK_WIDGET (f->findings), "close-problem");
  click (button);
  g_assert_true (gtk_widget_get_visible (problem));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (problem)), "Effective"));

  /* Verified effective, by whom and when: closed */
  g_assert_true (aims_store_update (f->store, "finding", finding, "verification",
                                    g_variant_new_string ("effective"), &error));
  g_assert_true (aims_store_update (f->store, "finding", finding, "verified_by",
                                    g_variant_new_string ("Lin"), &error));
  g_assert_true (aims_store_update (f->store, "finding", finding, "verified_on",
                                    g_variant_new_string ("2026-11-20"), &error));
  g_assert_no_error (error);
  click (button);
  g_free (status);
  status = text_of (f->store, "finding", finding, "status");
  g_assert_cmpstr (status, ==, "closed");
  g_assert_false (gtk_widget_get_visible (problem));
  g_assert_false (gtk_widget_get_visible (button));
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
  aims_test_gtk_init_log ();

  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/ui/audit/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("start-empty-scope", test_start_empty_scope);
  ADD ("audit-to-closed-finding", test_audit_to_closed_finding);
#undef ADD

  app = aims_application_new ();
  aims_test_register_app (G_APPLICATION (app));
  ret = g_test_run ();
  g_clear_object (&app);

  aims_test_remove_tree (home);
  return ret;
}
