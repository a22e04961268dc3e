/* test-ui-soa.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Controls (SoA) section on the demo project, driven through its real
 * widgets: the filters, a control marked implemented on its page (and the
 * figures that follow, and Undo), and the warning before a control that
 * treats risks is excluded. */

#include "config.h"

#include "aims-test-gtk.h"
#include "aims-test-util.h"
#include "aims-test-window.h"

#include "aims-pdca-board.h"
#include "aims-soa-page.h"
#include "aims-text-field.h"

#include <glib/gstdio.h>

typedef struct
{
  AimsTestWindow  tw;
  AimsWindow     *window;
  AimsSoaPage    *page;
  AimsStore      *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  aims_test_window_open (&f->tw, "controls", 1400, 900);
  f->window = f->tw.window;
  f->store = f->tw.store;
  g_assert_nonnull (f->window->soa_page);
  f->page = AIMS_SOA_PAGE (f->window->soa_page);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  aims_test_window_close (&f->tw);
}

static AdwComboRow *
combo_row (Fixture    *f,
           const char *name)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_of_type (GTK_WIDGET (f->page), ADW_TYPE_COMBO_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (gtk_widget_get_name (g_ptr_array_index (rows, i)), name) == 0)
      return g_ptr_array_index (rows, i);

  g_assert_not_reached ();
}

/* The demo's 38 controls, and the filters that narrow them. */
static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  GtkDropDown *status = aims_soa_page_get_dropdown (f->page, "implementation");
  GtkDropDown *applicability = aims_soa_page_get_dropdown (f->page, "applicability");
  GtkDropDown *owner = aims_soa_page_get_dropdown (f->page, "owner");
  GListModel *owners = gtk_drop_down_get_model (owner);
  guint procurement = GTK_INVALID_LIST_POSITION;

  g_assert_cmpuint (aims_soa_page_get_n_shown (f->page), ==, 38);
  g_assert_nonnull (aims_soa_page_find_row (f->page, "A.10.4"));

  gtk_drop_down_set_selected (applicability, 3);    /* Excluded */
  g_assert_cmpuint (aims_soa_page_get_n_shown (f->page), ==, 2);
  g_assert_nonnull (aims_soa_page_find_row (f->page, "A.10.4"));
  g_assert_nonnull (aims_soa_page_find_row (f->page, "A.8.3"));
  g_assert_null (aims_soa_page_find_row (f->page, "A.2.2"));

  gtk_drop_down_set_selected (applicability, 0);
  gtk_drop_down_set_selected (status, 4);           /* Implemented */
  g_assert_cmpuint (aims_soa_page_get_n_shown (f->page), ==, 18);
  gtk_drop_down_set_selected (status, 0);

  for (guint i = 0; i < g_list_model_get_n_items (owners); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (owners), i),
                   "Head of Procurement") == 0)
      procurement = i;
  g_assert_cmpuint (procurement, !=, GTK_INVALID_LIST_POSITION);
  gtk_drop_down_set_selected (owner, procurement);
  g_assert_cmpuint (aims_soa_page_get_n_shown (f->page), ==, 3);    /* A.7.3, A.10.2, A.10.3 */
}

/* On A.2.4's page, "Implemented" raises the SoA figure; Undo lowers it. */
static void
test_mark_implemented (Fixture       *f,
                       gconstpointer  data)
{
  const AimsFieldInfo *field = aims_table_info_lookup_field (aims_schema_lookup_table ("soa_entry"),
                                                             "implementation");
  guint implemented = GTK_INVALID_LIST_POSITION;

  g_assert_true (g_str_has_prefix (aims_soa_page_get_summary (f->page),
                                   "18 of 36 applicable controls implemented"));

  g_signal_emit_by_name (aims_soa_page_find_row (f->page, "A.2.4"), "activated");
  for (guint i = 0; i < field->n_choices; i++)
    if (g_str_equal (field->choice_list[i].id, "implemented"))
      implemented = i;
  adw_combo_row_set_selected (combo_row (f, "implementation"), implemented);

  WAIT_LONG (g_str_has_prefix (aims_soa_page_get_summary (f->page),
                                "19 of 36 applicable controls implemented"));
  g_assert_true (g_str_has_prefix (aims_soa_page_get_summary (f->page),
                                   "19 of 36 applicable controls implemented"));
  g_assert_cmpuint (adw_combo_row_get_selected (combo_row (f, "implementation")), ==,
                    implemented);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  WAIT_LONG (g_str_has_prefix (aims_soa_page_get_summary (f->page),
                                "18 of 36 applicable controls implemented"));
  g_assert_true (g_str_has_prefix (aims_soa_page_get_summary (f->page),
                                   "18 of 36 applicable controls implemented"));
}

/* Excluding A.6.2.6, which treats a risk, asks first; Cancel keeps it. */
static void
test_exclusion_warning (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(AimsSoaEntry) entry = NULL;
  AdwMessageDialog *dialog;

  aims_soa_page_show_control (f->page, "A.6.2.6");
  adw_combo_row_set_selected (combo_row (f, "applicability"), 2);    /* Excluded */

  WAIT_LONG (find_toplevel_of_type (ADW_TYPE_MESSAGE_DIALOG) != NULL);
  dialog = ADW_MESSAGE_DIALOG (find_toplevel_of_type (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Control A.6.2.6 treats"));
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));

  WAIT_LONG (adw_combo_row_get_selected (combo_row (f, "applicability")) == 1);
  entry = aims_soa_load_entry (f->store, "A.6.2.6", NULL);
  g_assert_cmpstr (aims_soa_entry_get_applicability (entry), ==, "applicable");
  g_assert_cmpuint (adw_combo_row_get_selected (combo_row (f, "applicability")), ==, 1);
}

/* The chooser the last action opened: pick @file (an existing one to open,
 * or a new name to save) and accept, as a person would. */
static void
choose_file (const char *title,
             const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr(GError) error = NULL;
  GtkWidget *chooser;

  WAIT_UNTIL (find_toplevel_of_type (GTK_TYPE_FILE_CHOOSER_DIALOG) != NULL);
  chooser = find_toplevel_of_type (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_assert_nonnull (chooser);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (chooser)), ==, title);
  /* The chooser shows its first folder before it takes another */
  wait_ms (100);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)) == GTK_FILE_CHOOSER_ACTION_SAVE)
    {
      /* A slow chooser (sanitizer builds) loads its first folder after
       * ours: set ours until it holds */
      for (guint i = 0; i < 50; i++)
        {
          g_autoptr(GFile) current = NULL;

          g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder,
                                                              &error));
          g_assert_no_error (error);
          wait_ms (200);
          current = gtk_file_chooser_get_current_folder (GTK_FILE_CHOOSER (chooser));
          if (current != NULL && g_file_equal (current, folder))
            break;
        }
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
    }
  else
    {
      g_assert_true (gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), file, &error));
      g_assert_no_error (error);
      /* Selected once the folder has loaded */
      WAIT_UNTIL (({ g_autoptr(GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
                     chosen != NULL && g_file_equal (chosen, file); }));
    }
  wait_ms (50);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  G_GNUC_END_IGNORE_DEPRECATIONS
  WAIT_UNTIL (find_toplevel_of_type (GTK_TYPE_FILE_CHOOSER_DIALOG) == NULL);
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *c = text; *c != '\0'; c++)
    n += *c == '\n';

  return n;
}

/* "Export as CSV…" and "Export as PDF…" in the section's menu write what
 * `aims soa` writes; a name without .csv or .pdf is refused with a reason. */
static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *csv = g_build_filename (f->tw.dir, "SoA.csv", NULL);
  g_autofree char *pdf = g_build_filename (f->tw.dir, "SoA.pdf", NULL);
  g_autofree char *bad = g_build_filename (f->tw.dir, "SoA.docx", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  GMenuModel *menu = NULL;
  gsize length;

  /* The menu offers both */
  collect_of_type (GTK_WIDGET (f->page), GTK_TYPE_MENU_BUTTON, buttons);
  for (guint i = 0; i < buttons->len && menu == NULL; i++)
    if (g_strcmp0 (gtk_widget_get_tooltip_text (g_ptr_array_index (buttons, i)),
                   "Export the Statement of Applicability") == 0)
      menu = gtk_menu_button_get_menu_model (g_ptr_array_index (buttons, i));
  g_assert_nonnull (menu);
  menu = g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION);
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 2);
  for (int i = 0; i < 2; i++)
    {
      g_autofree char *action = NULL;
      g_autofree char *target = NULL;
      g_autofree char *label = NULL;

      g_assert_true (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s",
                                                      &action));
      g_assert_true (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_TARGET, "s",
                                                      &target));
      g_assert_true (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s",
                                                      &label));
      g_assert_cmpstr (action, ==, "soa.export");
      g_assert_cmpstr (target, ==, i == 0 ? "csv" : "pdf");
      g_assert_cmpstr (label, ==, i == 0 ? "Export as _CSV…" : "Export as _PDF…");
    }
  g_object_unref (menu);

  /* CSV: through the real chooser; the header and the 38 controls */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "soa.export", "s", "csv"));
  choose_file ("Export the Statement of Applicability", csv);
  WAIT_LONG (g_file_test (csv, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_get_contents (csv, &contents, &length, &error));
  g_assert_no_error (error);
  expected = aims_soa_export_csv (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (contents, length, g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
  g_assert_true (g_str_has_prefix (contents, "control,"));
  g_assert_nonnull (strstr (contents, "\nA.10.4,"));
  g_assert_cmpuint (count_lines (contents), >=, 39);
  g_clear_pointer (&contents, g_free);

  /* PDF */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "soa.export", "s", "pdf"));
  choose_file ("Export the Statement of Applicability", pdf);
  WAIT_LONG (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_get_contents (pdf, &contents, &length, &error));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_cmpuint (length, >, 5000);

  /* Neither .csv nor .pdf: refused, nothing written */
  g_assert_false (aims_soa_page_export (f->page, bad_file, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "end the name with one of them"));
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
}

static AimsTextField *
text_field (Fixture    *f,
            const char *name)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new ();

  collect_of_type (GTK_WIDGET (f->page), AIMS_TYPE_TEXT_FIELD, fields);
  for (guint i = 0; i < fields->len; i++)
    if (g_strcmp0 (gtk_widget_get_name (g_ptr_array_index (fields, i)), name) == 0)
      return g_ptr_array_index (fields, i);

  return NULL;
}

static GtkWidget *
save_button (AimsTextField *field)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  collect_of_type (GTK_WIDGET (field), GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (g_ptr_array_index (buttons, i)), "Save") == 0)
      return g_ptr_array_index (buttons, i);

  g_assert_not_reached ();
}

/* Justification and "How it is implemented" are multi-line text areas:
 * typing is a draft until Save (or Ctrl+Enter), which records the text,
 * new lines and all, as one step that Undo takes back. */
static void
test_text_areas (Fixture       *f,
                 gconstpointer  data)
{
  const char *text = "Model validation signs off each release.\nSecond line: the MRM committee.";
  g_autoptr(AimsSoaEntry) before = aims_soa_load_entry (f->store, "A.6.2.4", NULL);
  g_autofree char *old_how = g_strdup (aims_soa_entry_get_how_implemented (before));
  AimsTextField *how;
  AimsTextField *justification;
  GtkTextBuffer *buffer;

  aims_soa_page_show_control (f->page, "A.6.2.4");
  how = text_field (f, "how_implemented");
  justification = text_field (f, "justification");
  g_assert_nonnull (how);
  g_assert_nonnull (justification);
  /* No single-line entry for them any more */
  {
    g_autoptr(GPtrArray) rows = g_ptr_array_new ();

    collect_of_type (GTK_WIDGET (f->page), ADW_TYPE_ENTRY_ROW, rows);
    g_assert_cmpuint (rows->len, >, 0);
    for (guint i = 0; i < rows->len; i++)
      {
        const char *title = adw_preferences_row_get_title (g_ptr_array_index (rows, i));

        g_assert_cmpstr (title, !=, "Justification");
        g_assert_cmpstr (title, !=, "How it is implemented");
      }
  }
  g_assert_cmpint (gtk_text_view_get_wrap_mode (aims_text_field_get_view (how)), ==,
                   GTK_WRAP_WORD_CHAR);
  g_assert_true (gtk_text_view_get_editable (aims_text_field_get_view (how)));
  {
    g_autofree char *shown = aims_text_field_dup_text (justification);
    g_autoptr(AimsSoaEntry) entry = aims_soa_load_entry (f->store, "A.6.2.4", NULL);

    g_assert_cmpstr (shown, ==, aims_soa_entry_get_justification (entry));
  }

  /* Typing is a draft: nothing recorded, Save offered */
  buffer = gtk_text_view_get_buffer (aims_text_field_get_view (how));
  g_assert_false (gtk_widget_get_visible (save_button (how)));
  gtk_text_buffer_set_text (buffer, text, -1);
  g_assert_true (gtk_widget_get_visible (save_button (how)));
  {
    g_autoptr(AimsSoaEntry) entry = aims_soa_load_entry (f->store, "A.6.2.4", NULL);

    g_assert_cmpstr (aims_soa_entry_get_how_implemented (entry), ==, old_how);
  }

  /* Save records it, both lines */
  g_signal_emit_by_name (save_button (how), "clicked");
  {
    g_autoptr(AimsSoaEntry) entry = aims_soa_load_entry (f->store, "A.6.2.4", NULL);

    g_assert_cmpstr (aims_soa_entry_get_how_implemented (entry), ==, text);
  }
  {
    g_autofree char *label = aims_store_dup_undo_label (f->store);

    g_assert_nonnull (label);
  }
  WAIT_LONG (text_field (f, "how_implemented") != NULL &&
             text_field (f, "how_implemented") != how);
  how = text_field (f, "how_implemented");
  {
    g_autofree char *shown = aims_text_field_dup_text (how);

    g_assert_cmpstr (shown, ==, text);
  }

  /* Undo: the old text, on the page too */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  WAIT_LONG (text_field (f, "how_implemented") != NULL &&
             text_field (f, "how_implemented") != how);
  {
    g_autoptr(AimsSoaEntry) entry = aims_soa_load_entry (f->store, "A.6.2.4", NULL);
    g_autofree char *shown = aims_text_field_dup_text (text_field (f, "how_implemented"));

    g_assert_cmpstr (aims_soa_entry_get_how_implemented (entry), ==, old_how);
    g_assert_cmpstr (shown, ==, old_how);
  }
}

static GtkWidget *
verify_button (AimsSoaEvidence *evidence)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  collect_of_type (GTK_WIDGET (evidence), GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (g_ptr_array_index (buttons, i)), "_Verify") == 0)
      {
        g_assert_true (gtk_widget_is_sensitive (g_ptr_array_index (buttons, i)));
        return g_ptr_array_index (buttons, i);
      }

  g_assert_not_reached ();
}

/* "Add File…" records the chosen file with its SHA-256, read off the main
 * thread; "Verify" then shows it matching, changed, missing; Undo takes the
 * evidence back in one step. */
static void
test_evidence_file (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->tw.dir, "Validation report v7.pdf", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *uuid = NULL;
  g_autoptr(GPtrArray) list = NULL;
  AimsSoaEvidence *evidence = aims_soa_page_get_evidence (f->page);
  const char contents[] = "%PDF-1.4 validation report, motor pricing v7\n";
  guint before = aims_store_count (f->store, "evidence");
  AimsEvidence *recorded;

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  expected = g_compute_checksum_for_string (G_CHECKSUM_SHA256, contents, -1);

  aims_soa_page_show_control (f->page, "A.6.2.4");
  g_assert_true (gtk_widget_is_ancestor (GTK_WIDGET (evidence), GTK_WIDGET (f->page)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (evidence), "evidence.add-file", NULL));
  choose_file ("Add a File as Evidence", path);

  WAIT_LONG (aims_store_count (f->store, "evidence") == before + 1 &&
             !aims_soa_evidence_is_busy (evidence));
  g_assert_cmpuint (aims_store_count (f->store, "evidence"), ==, before + 1);
  list = aims_soa_list_evidence (f->store, "A.6.2.4", NULL);
  recorded = NULL;
  for (guint i = 0; i < list->len; i++)
    if (g_strcmp0 (((AimsEvidence *) g_ptr_array_index (list, i))->kind, "file") == 0)
      recorded = g_ptr_array_index (list, i);
  g_assert_nonnull (recorded);
  uuid = g_strdup (recorded->uuid);
  g_assert_cmpstr (recorded->title, ==, "Validation report v7.pdf");
  g_assert_cmpstr (recorded->location, ==, path);
  g_assert_cmpstr (recorded->sha256, ==, expected);
  g_assert_cmpuint (strlen (recorded->date), ==, 10);

  WAIT_LONG (aims_soa_evidence_find_row (evidence, uuid) != NULL);
  g_assert_nonnull (aims_soa_evidence_find_row (evidence, uuid));
  g_assert_cmpstr (aims_soa_evidence_get_row_check (evidence, uuid), ==, "Matches");

  /* The file changes: Verify says so */
  g_assert_true (g_file_set_contents (path, "%PDF-1.4 validation report v8\n", -1, NULL));
  g_signal_emit_by_name (verify_button (evidence), "clicked");
  WAIT_LONG (g_strcmp0 (aims_soa_evidence_get_row_check (evidence, uuid),
                        "Changed since recorded") == 0);
  g_assert_cmpstr (aims_soa_evidence_get_row_check (evidence, uuid), ==, "Changed since recorded");
  g_assert_nonnull (strstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (evidence)),
                            "0 of 1 file matches"));

  /* The file is gone: Verify says so */
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_signal_emit_by_name (verify_button (evidence), "clicked");
  WAIT_LONG (g_strcmp0 (aims_soa_evidence_get_row_check (evidence, uuid), "Missing") == 0);
  g_assert_cmpstr (aims_soa_evidence_get_row_check (evidence, uuid), ==, "Missing");

  /* One undo step */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  WAIT_LONG (aims_soa_evidence_find_row (evidence, uuid) == NULL);
  g_assert_cmpuint (aims_store_count (f->store, "evidence"), ==, before);
}

/* A file that cannot be read is reported, with its name, and nothing is
 * recorded. */
static void
test_evidence_unreadable (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->tw.dir, "moved-away.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AimsSoaEvidence *evidence = aims_soa_page_get_evidence (f->page);
  guint before = aims_store_count (f->store, "evidence");
  AdwMessageDialog *dialog;

  aims_soa_page_show_control (f->page, "A.6.2.4");
  aims_soa_evidence_add_file (evidence, file);
  WAIT_LONG (find_toplevel_of_type (ADW_TYPE_MESSAGE_DIALOG) != NULL);
  dialog = ADW_MESSAGE_DIALOG (find_toplevel_of_type (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==,
                   "Could Not Add the File as Evidence");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "moved-away.pdf"));
  g_assert_false (aims_soa_evidence_is_busy (evidence));
  g_assert_cmpuint (aims_store_count (f->store, "evidence"), ==, before);
}

int
main (int   argc,
      char *argv[])
{
  char *home = aims_test_window_init (&argc, &argv);

  if (home == NULL)
    return 0;

#define ADD(path, func) \
  g_test_add ("/ui/soa/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("filters", test_filters);
  ADD ("mark-implemented", test_mark_implemented);
  ADD ("exclusion-warning", test_exclusion_warning);
  ADD ("export", test_export);
  ADD ("text-areas", test_text_areas);
  ADD ("evidence-file", test_evidence_file);
  ADD ("evidence-unreadable", test_evidence_unreadable);
#undef ADD

  return aims_test_window_run (home);
}
