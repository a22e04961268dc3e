/* test-ui-pdca.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The PDCA Board section on the demo project, driven through its real
 * widgets: a card moved by its "Move to" menu and by a drop on another
 * column changes column and progress, and Undo brings it back; the status
 * menu changes the readiness figure; the filters hide cards; a change
 * made while the board is hidden shows when it is shown. */

#include "config.h"

#include "aims-test-gtk.h"
#include "aims-test-util.h"
#include "aims-test-window.h"

#include "aims-pdca-board.h"

typedef struct
{
  AimsTestWindow  tw;
  AimsWindow     *window;
  AimsPdcaBoard  *board;
  AimsStore      *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  aims_test_window_open (&f->tw, "pdca", 1400, 900);
  f->window = f->tw.window;
  f->store = f->tw.store;
  g_assert_nonnull (f->window->pdca_page);
  f->board = AIMS_PDCA_BOARD (f->window->pdca_page);
  /* The day the demo describes */
  aims_pdca_board_set_today (f->board, "2026-11-22");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  aims_test_window_close (&f->tw);
}

static GtkWidget *
column_of (Fixture    *f,
           const char *key)
{
  GtkWidget *row = aims_pdca_board_find_card (f->board, key);

  g_assert_nonnull (row);
  return gtk_widget_get_parent (row);
}

static guint
n_rows (GtkListBox *list)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    n++;

  return n;
}

static guint
n_cards_shown (Fixture *f)
{
  guint n = 0;

  for (AimsPdcaPhase phase = AIMS_PDCA_PHASE_PLAN; phase <= AIMS_PDCA_PHASE_ACT; phase++)
    n += n_rows (aims_pdca_board_get_column (f->board, phase));

  return n;
}

/* The menu item of a card's menu button that runs @action with @target. */
static gboolean
menu_offers (GtkWidget  *row,
             const char *action,
             GVariant   *target)
{
  g_autoptr(GVariant) sunk = g_variant_ref_sink (target);
  GtkWidget *button = find_descendant_of_type (row, GTK_TYPE_MENU_BUTTON);
  GMenuModel *menu;

  g_assert_nonnull (button);
  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));
  for (int s = 0; s < g_menu_model_get_n_items (menu); s++)
    {
      GMenuModel *section = g_menu_model_get_item_link (menu, s, G_MENU_LINK_SECTION);

      for (int i = 0; section != NULL && i < g_menu_model_get_n_items (section); i++)
        {
          g_autoptr(GVariant) name = g_menu_model_get_item_attribute_value (section, i,
                                                                            G_MENU_ATTRIBUTE_ACTION,
                                                                            G_VARIANT_TYPE_STRING);
          g_autoptr(GVariant) value = g_menu_model_get_item_attribute_value (section, i,
                                                                             G_MENU_ATTRIBUTE_TARGET,
                                                                             NULL);

          if (name != NULL && g_str_equal (g_variant_get_string (name, NULL), action) &&
              value != NULL && g_variant_equal (value, sunk))
            {
              g_object_unref (section);
              return TRUE;
            }
        }
      g_clear_object (&section);
    }

  return FALSE;
}

/* "Move to → Act" on a done card: it changes column, the Act bar fills,
 * and Undo puts it back. */
static void
test_move_by_menu (Fixture       *f,
                   gconstpointer  data)
{
  GtkListBox *plan = aims_pdca_board_get_column (f->board, AIMS_PDCA_PHASE_PLAN);
  GtkListBox *act = aims_pdca_board_get_column (f->board, AIMS_PDCA_PHASE_ACT);
  GtkProgressBar *act_bar = aims_pdca_board_get_phase_bar (f->board, AIMS_PDCA_PHASE_ACT);
  GVariant *target = g_variant_new ("(ss)", "4.1", "act");
  GtkWidget *row = aims_pdca_board_find_card (f->board, "4.1");
  guint n_act = n_rows (act);
  double before = gtk_progress_bar_get_fraction (act_bar);

  g_assert_true (column_of (f, "4.1") == GTK_WIDGET (plan));
  g_variant_ref_sink (target);
  g_assert_true (menu_offers (row, "board.move", g_variant_ref (target)));
  /* The menu item runs exactly this */
  g_assert_true (gtk_widget_activate_action_variant (row, "board.move", target));
  g_variant_unref (target);

  g_assert_true (column_of (f, "4.1") == GTK_WIDGET (act));
  g_assert_cmpuint (n_rows (act), ==, n_act + 1);
  g_assert_cmpfloat (gtk_progress_bar_get_fraction (act_bar), >, before);
  {
    g_autofree char *label = aims_store_dup_undo_label (f->store);

    g_assert_cmpstr (label, ==, "Move “4.1 Understanding the organization and its context” to Act");
  }

  /* The window's Undo */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  WAIT_LONG (column_of (f, "4.1") == GTK_WIDGET (plan));
  g_assert_true (column_of (f, "4.1") == GTK_WIDGET (plan));
  g_assert_cmpfloat (gtk_progress_bar_get_fraction (act_bar), ==, before);
}

static GtkDropTarget *
drop_target_of (GtkWidget *column_list)
{
  /* list → viewport → scrolled window → column box */
  GtkWidget *column = gtk_widget_get_ancestor (column_list, GTK_TYPE_SCROLLED_WINDOW);
  g_autoptr(GListModel) controllers = NULL;

  column = gtk_widget_get_parent (column);
  controllers = gtk_widget_observe_controllers (column);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }

  g_assert_not_reached ();
}

/* A card dropped on the Do column moves there, and back with Undo. */
static void
test_move_by_drop (Fixture       *f,
                   gconstpointer  data)
{
  GtkListBox *do_list = aims_pdca_board_get_column (f->board, AIMS_PDCA_PHASE_DO);
  GtkDropTarget *target = drop_target_of (GTK_WIDGET (do_list));
  GtkWidget *row = aims_pdca_board_find_card (f->board, "7.2");
  g_autoptr(GdkContentProvider) provider = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean accepted = FALSE;

  g_assert_cmpint (gdk_drag_action_is_unique (gtk_drop_target_get_actions (target)), ==, TRUE);

  /* What the card's drag source offers is what the column takes */
  {
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (row);
    GtkDragSource *source = NULL;

    for (guint i = 0; i < g_list_model_get_n_items (controllers) && source == NULL; i++)
      {
        g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

        if (GTK_IS_DRAG_SOURCE (controller))
          source = GTK_DRAG_SOURCE (controller);
      }
    g_assert_nonnull (source);
    g_signal_emit_by_name (source, "prepare", 4.0, 4.0, &provider);
    g_assert_nonnull (provider);
    g_value_init (&value, G_TYPE_STRING);
    g_assert_true (gdk_content_provider_get_value (provider, &value, NULL));
    g_assert_cmpstr (g_value_get_string (&value), ==, "7.2");
  }

  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_assert_true (accepted);
  g_assert_true (column_of (f, "7.2") == GTK_WIDGET (do_list));

  g_assert_true (aims_store_undo (f->store, NULL));
  WAIT_LONG (column_of (f, "7.2") != GTK_WIDGET (do_list));
  g_assert_true (column_of (f, "7.2") ==
                 GTK_WIDGET (aims_pdca_board_get_column (f->board, AIMS_PDCA_PHASE_PLAN)));
}

/* "Status → Done" raises the readiness figure shown above the board. */
static void
test_status_changes_readiness (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *before = g_strdup (aims_pdca_board_get_readiness (f->board));
  GtkWidget *row = aims_pdca_board_find_card (f->board, "4.4");

  g_assert_true (g_str_has_prefix (before, "Readiness: 10 of 32 clause requirements done"));
  g_assert_true (menu_offers (row, "board.status", g_variant_new ("(ss)", "4.4", "done")));
  g_assert_true (gtk_widget_activate_action (row, "board.status", "(ss)", "4.4", "done"));
  g_assert_true (g_str_has_prefix (aims_pdca_board_get_readiness (f->board),
                                   "Readiness: 11 of 32 clause requirements done"));
}

/* Adding an objective: Add stays off until the objective has words, and
 * then adds it in Plan */
static void
test_add_objective (Fixture       *f,
                    gconstpointer  data)
{
  guint before = aims_store_count (f->store, "pdca_card");
  GtkWidget *dialog = NULL;
  GtkEditable *entry;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->board), "board.add-objective", NULL));
  WAIT_UNTIL ((dialog = find_toplevel_of_type (ADW_TYPE_MESSAGE_DIALOG)) != NULL);
  g_assert_nonnull (dialog);
  entry = GTK_EDITABLE (g_object_get_data (G_OBJECT (dialog), "entry"));
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add"));
  gtk_editable_set_text (entry, "   ");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add"));
  gtk_editable_set_text (entry, "Explain every automated refusal");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "add");
  WAIT_UNTIL (aims_store_count (f->store, "pdca_card") == before + 1);
  g_assert_cmpuint (aims_store_count (f->store, "pdca_card"), ==, before + 1);
}

/* The kind filter and the overdue toggle hide cards. */
static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) dropdowns = g_ptr_array_new ();
  g_autoptr(GPtrArray) toggles = g_ptr_array_new ();
  GtkToggleButton *overdue = NULL;
  guint all = n_cards_shown (f);

  g_assert_cmpuint (all, >, 34);
  collect_of_type (GTK_WIDGET (f->board), GTK_TYPE_DROP_DOWN, dropdowns);
  g_assert_cmpuint (dropdowns->len, ==, 1);
  gtk_drop_down_set_selected (g_ptr_array_index (dropdowns, 0), 2);    /* AI objectives */
  g_assert_cmpuint (n_cards_shown (f), ==, 2);
  gtk_drop_down_set_selected (g_ptr_array_index (dropdowns, 0), 0);
  g_assert_cmpuint (n_cards_shown (f), ==, all);

  /* On 2026-11-22, 9.2.1 and 9.2.2 (the internal audit) are late. */
  collect_of_type (GTK_WIDGET (f->board), GTK_TYPE_TOGGLE_BUTTON, toggles);
  for (guint i = 0; i < toggles->len && overdue == NULL; i++)
    if (g_strcmp0 (gtk_button_get_label (g_ptr_array_index (toggles, i)), "_Overdue") == 0)
      overdue = g_ptr_array_index (toggles, i);
  g_assert_nonnull (overdue);
  gtk_toggle_button_set_active (overdue, TRUE);
  g_assert_nonnull (aims_pdca_board_find_card (f->board, "9.2.2"));
  g_assert_nonnull (aims_pdca_board_find_card (f->board, "9.2.1"));
  g_assert_null (aims_pdca_board_find_card (f->board, "4.1"));
  g_assert_true (gtk_widget_has_css_class (aims_pdca_board_find_card (f->board, "9.2.2"),
                                           "overdue"));
}

/* A change made while the board is hidden (another section shown) shows
 * when the board is shown again: the hidden board holds no cards and only
 * notes that it is out of date. */
static void
test_change_while_hidden (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GError) error = NULL;
  AimsPdcaCard *card = NULL;

  g_assert_true (g_str_has_prefix (aims_pdca_board_get_readiness (f->board),
                                   "Readiness: 10 of 32 clause requirements done"));

  aims_window_show_section (f->window, "overview");
  WAIT_UNTIL (!gtk_widget_get_mapped (GTK_WIDGET (f->board)));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (f->board)));
  g_assert_null (aims_pdca_board_find_card (f->board, "4.4"));

  cards = aims_pdca_load (f->store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < cards->len && card == NULL; i++)
    if (g_strcmp0 (aims_pdca_card_get_key (g_ptr_array_index (cards, i)), "4.4") == 0)
      card = g_ptr_array_index (cards, i);
  g_assert_nonnull (card);
  g_assert_true (aims_pdca_set (f->store, card, "status", g_variant_new_string ("done"), &error));
  g_assert_no_error (error);

  /* Hidden, it has not counted again, however long it waits */
  wait_ms (200);
  g_assert_true (g_str_has_prefix (aims_pdca_board_get_readiness (f->board),
                                   "Readiness: 10 of 32 clause requirements done"));
  g_assert_null (aims_pdca_board_find_card (f->board, "4.4"));

  aims_window_show_section (f->window, "pdca");
  WAIT_UNTIL (aims_pdca_board_find_card (f->board, "4.4") != NULL);
  g_assert_nonnull (aims_pdca_board_find_card (f->board, "4.4"));
  g_assert_true (g_str_has_prefix (aims_pdca_board_get_readiness (f->board),
                                   "Readiness: 11 of 32 clause requirements done"));
}

int
main (int   argc,
      char *argv[])
{
  char *home = aims_test_window_init (&argc, &argv);

  if (home == NULL)
    return 0;

#define ADD(path, func) \
  g_test_add ("/ui/pdca/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("move-by-menu", test_move_by_menu);
  ADD ("move-by-drop", test_move_by_drop);
  ADD ("status-changes-readiness", test_status_changes_readiness);
  ADD ("change-while-hidden", test_change_while_hidden);
  ADD ("filters", test_filters);
  ADD ("add-objective", test_add_objective);
#undef ADD

  return aims_test_window_run (home);
}
