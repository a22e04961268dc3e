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

#include <adwaita.h>

#include "aims-application.h"
#include "aims-pdca-board.h"
#include "aims-soa-page.h"
#include "aims-window-private.h"

static AimsApplication *app;

/* A board or list rebuilt after Undo takes about 15 s in a sanitizer build
 * on a busy machine: longer than WAIT_UNTIL's ten seconds. */
#define WAIT_LONG(cond) \
  G_STMT_START { \
    gint64 wait_end_ = g_get_monotonic_time () + 90 * G_USEC_PER_SEC; \
    while (!(cond) && g_get_monotonic_time () < wait_end_) \
      wait_ms (5); \
  } G_STMT_END

typedef struct
{
  AimsWindow    *window;
  AimsSoaPage   *page;
  AimsStore     *store;
  char          *dir;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;

  f->dir = g_dir_make_tmp ("aims-ui-soa-XXXXXX", NULL);
  path = g_build_filename (f->dir, "Demo.aims", NULL);
  g_assert_true (aims_demo_write_file (path, AIMS_DEMO_SCALE_SMALL, 42, &error));
  g_assert_no_error (error);
  file = g_file_new_for_path (path);

  f->window = aims_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1400, 900);
  gtk_window_present (GTK_WINDOW (f->window));
  aims_window_open_file (f->window, file);
  g_assert_true (aims_window_has_project (f->window));
  aims_window_show_section (f->window, "controls");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));

  g_assert_nonnull (f->window->soa_page);
  f->page = AIMS_SOA_PAGE (f->window->soa_page);
  f->store = aims_document_get_store (f->window->document);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(AimsDocument) document = g_object_ref (f->window->document);

  gtk_window_destroy (GTK_WINDOW (f->window));
  wait_ms (20);
  aims_document_close (document);
  aims_test_remove_tree (f->dir);
  g_free (f->dir);
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
  g_test_add ("/ui/soa/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("filters", test_filters);
  ADD ("mark-implemented", test_mark_implemented);
  ADD ("exclusion-warning", test_exclusion_warning);
#undef ADD

  app = aims_application_new ();
  g_application_register (G_APPLICATION (app), NULL, NULL);
  ret = g_test_run ();
  g_clear_object (&app);

  aims_test_remove_tree (home);
  return ret;
}
