/* aims-pdca-board.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The PDCA Board section: the clause requirements, the organisation's AI
 * objectives and the treatment actions in four columns, Plan, Do, Check and
 * Act. A card moves by drag and drop or by its "Move to" menu (the keyboard
 * way: Enter on a card opens it); every move is one undo step. Above the
 * columns: the readiness figures, a progress bar per clause and per phase,
 * and the filters. */

#define G_LOG_DOMAIN "aims-pdca-board"

#include "config.h"

#include <adwaita.h>

#include "aims-required-text.h"
#include "aims-pdca-board.h"

#include "aims-deferred-refresh.h"
#include "aims-error-dialog.h"

#include <glib/gi18n.h>

#define N_PHASES 4

struct _AimsPdcaBoard
{
  GtkWidget       parent_instance;

  /* Template widgets */
  GtkLabel       *readiness_label;
  GtkBox         *clause_box;
  GtkSearchEntry *search_entry;
  GtkDropDown    *kind_dropdown;
  GtkToggleButton *overdue_button;
  GtkBox         *columns_box;

  /* Built in init */
  GtkListBox     *columns[N_PHASES];
  GtkLabel       *phase_labels[N_PHASES];
  GtkProgressBar *phase_bars[N_PHASES];
  GtkProgressBar *clause_bars[AIMS_PDCA_N_CLAUSES];

  /* Owned references */
  AimsDocument   *document;
  GSignalGroup   *store_signals;
  GPtrArray      *cards;
  char           *today;
  gboolean        today_fixed;  /* by aims_pdca_board_set_today(): tests */
  char           *readiness;

  /* Rebuilt in an idle while shown, when shown again after changes */
  AimsDeferredRefresh refresh;
};

G_DEFINE_FINAL_TYPE (AimsPdcaBoard, aims_pdca_board, GTK_TYPE_WIDGET)

static void refresh (AimsPdcaBoard *self);

static AimsStore *
get_store (AimsPdcaBoard *self)
{
  return self->document != NULL ? aims_document_get_store (self->document) : NULL;
}

static AimsPdcaCard *
lookup_card (AimsPdcaBoard *self,
             const char    *key)
{
  if (self->cards == NULL || key == NULL)
    return NULL;

  for (guint i = 0; i < self->cards->len; i++)
    {
      AimsPdcaCard *card = g_ptr_array_index (self->cards, i);

      if (g_str_equal (aims_pdca_card_get_key (card), key))
        return card;
    }

  return NULL;
}

static void
show_error (AimsPdcaBoard *self,
            const GError  *error)
{
  aims_show_error_dialog (GTK_WIDGET (self), _("The card could not be changed"), error);
}

static gboolean
move_card (AimsPdcaBoard *self,
           const char    *key,
           AimsPdcaPhase  phase)
{
  g_autoptr(GError) error = NULL;
  AimsPdcaCard *card = lookup_card (self, key);
  AimsStore *store = get_store (self);

  if (card == NULL || store == NULL || aims_pdca_card_get_phase (card) == phase)
    return FALSE;

  if (!aims_pdca_move (store, card, phase, &error))
    {
      show_error (self, error);
      return FALSE;
    }

  refresh (self);
  return TRUE;
}

/* Cards */

static const char *
kind_label (AimsPdcaCard *card)
{
  switch (aims_pdca_card_get_kind (card))
    {
    case AIMS_PDCA_CARD_CLAUSE:
      return _("Clause requirement");
    case AIMS_PDCA_CARD_OBJECTIVE:
      return _("AI objective");
    case AIMS_PDCA_CARD_CORRECTIVE_ACTION:
      return _("Corrective action");
    case AIMS_PDCA_CARD_REVIEW_ACTION:
      return _("Review action");
    case AIMS_PDCA_CARD_ACTION:
    default:
      return _("Treatment action");
    }
}

static const char *
status_label (const char *status)
{
  const AimsFieldInfo *field = aims_table_info_lookup_field (aims_schema_lookup_table ("pdca_card"),
                                                             "status");

  return aims_choice_label (field, status);
}

static GMenuModel *
card_menu (AimsPdcaCard *card)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) move = g_menu_new ();
  g_autoptr(GMenu) status = g_menu_new ();
  const char * const statuses[] = { "not-started", "in-progress", "done" };
  const char *key = aims_pdca_card_get_key (card);

  for (AimsPdcaPhase phase = AIMS_PDCA_PHASE_PLAN; phase <= AIMS_PDCA_PHASE_ACT; phase++)
    {
      g_autoptr(GMenuItem) item = NULL;

      if (phase == aims_pdca_card_get_phase (card))
        continue;

      item = g_menu_item_new (aims_pdca_phase_get_label (phase), NULL);
      g_menu_item_set_action_and_target_value (item, "board.move",
                                               g_variant_new ("(ss)", key,
                                                              aims_pdca_phase_to_string (phase)));
      g_menu_append_item (move, item);
    }

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      g_autoptr(GMenuItem) item = NULL;

      if (g_str_equal (statuses[i], aims_pdca_card_get_status (card)))
        continue;

      item = g_menu_item_new (status_label (statuses[i]), NULL);
      g_menu_item_set_action_and_target_value (item, "board.status",
                                               g_variant_new ("(ss)", key, statuses[i]));
      g_menu_append_item (status, item);
    }

  if (aims_pdca_card_get_parent (card) != NULL &&
      aims_pdca_card_get_kind (card) == AIMS_PDCA_CARD_CORRECTIVE_ACTION)
    {
      g_autoptr(GMenu) open = g_menu_new ();
      g_autoptr(GMenuItem) item = g_menu_item_new (_("Open Finding"), NULL);

      g_menu_item_set_action_and_target_value (item, "win.show-finding",
                                               g_variant_new_string (aims_pdca_card_get_parent (card)));
      g_menu_append_item (open, item);
      g_menu_append_section (menu, NULL, G_MENU_MODEL (open));
    }

  /* Corrective and review actions stay in Act */
  if (aims_pdca_card_can_move (card))
    g_menu_append_section (menu, _("Move To"), G_MENU_MODEL (move));
  g_menu_append_section (menu, _("Status"), G_MENU_MODEL (status));

  return G_MENU_MODEL (g_steal_pointer (&menu));
}

static GdkContentProvider *
on_drag_prepare_cb (GtkDragSource *source,
                    double         x,
                    double         y,
                    GtkWidget     *row)
{
  const char *key = g_object_get_data (G_OBJECT (row), "card-key");

  return gdk_content_provider_new_typed (G_TYPE_STRING, key);
}

static void
on_drag_begin_cb (GtkDragSource *source,
                  GdkDrag       *drag,
                  GtkWidget     *row)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (row);

  gtk_drag_source_set_icon (source, paintable, 0, 0);
}

static void
on_row_activated_cb (GtkListBox    *list,
                     GtkListBoxRow *row,
                     AimsPdcaBoard *self)
{
  GtkMenuButton *button = g_object_get_data (G_OBJECT (row), "menu-button");
  const char *finding = g_object_get_data (G_OBJECT (row), "finding");

  /* A corrective action's card opens its finding */
  if (finding != NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-finding", "s", finding);
      return;
    }

  if (button != NULL)
    gtk_menu_button_popup (button);
}

static GtkWidget *
create_card_row (AimsPdcaBoard *self,
                 AimsPdcaCard  *card)
{
  g_autoptr(GMenuModel) menu = card_menu (card);
  g_autoptr(GString) meta = g_string_new (NULL);
  g_autofree char *title = NULL;
  g_autofree char *accessible = NULL;
  GtkDragSource *drag;
  GtkWidget *row, *box, *text, *label, *button;
  gboolean overdue = self->today != NULL && aims_pdca_card_is_overdue (card, self->today);

  if (aims_pdca_card_get_kind (card) == AIMS_PDCA_CARD_CLAUSE)
    title = g_strdup_printf ("%s %s", aims_pdca_card_get_clause (card),
                             aims_pdca_card_get_title (card));
  else
    title = g_strdup (aims_pdca_card_get_title (card));

  g_string_append (meta, kind_label (card));
  g_string_append_printf (meta, " · %s", status_label (aims_pdca_card_get_status (card)));
  if (aims_pdca_card_get_owner (card)[0] != '\0')
    g_string_append_printf (meta, " · %s", aims_pdca_card_get_owner (card));
  if (aims_pdca_card_get_due_date (card)[0] != '\0')
    {
      /* The card is overdue the day after its due date, so the date shown is
       * the due date either way */
      g_string_append_printf (meta,
                              /* Translators: after a card's phase and owner: " · due 2026-05-31" */
                              overdue ? _(" · due %s, overdue") : _(" · due %s"),
                              aims_pdca_card_get_due_date (card));
    }

  row = gtk_list_box_row_new ();
  gtk_widget_add_css_class (row, "pdca-card");
  if (overdue)
    gtk_widget_add_css_class (row, "overdue");
  if (aims_pdca_card_is_done (card))
    gtk_widget_add_css_class (row, "done");
  g_object_set_data_full (G_OBJECT (row), "card-key", g_strdup (aims_pdca_card_get_key (card)),
                          g_free);
  if (aims_pdca_card_get_kind (card) == AIMS_PDCA_CARD_CORRECTIVE_ACTION)
    g_object_set_data_full (G_OBJECT (row), "finding",
                            g_strdup (aims_pdca_card_get_parent (card)), g_free);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_start (box, 8);
  gtk_widget_set_margin_end (box, 4);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_hexpand (text, TRUE);
  label = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_box_append (GTK_BOX (text), label);
  label = gtk_label_new (meta->str);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, overdue ? "error" : "dim-label");
  gtk_box_append (GTK_BOX (text), label);
  gtk_box_append (GTK_BOX (box), text);

  button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), menu);
  gtk_widget_set_valign (button, GTK_ALIGN_START);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Move to or set status"));
  {
    /* Seventy buttons called the same tell a screen reader nothing */
    g_autofree char *name = g_strdup_printf (_("Move or set the status of “%s”"), title);

    gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  }
  gtk_box_append (GTK_BOX (box), button);
  g_object_set_data (G_OBJECT (row), "menu-button", button);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  accessible = g_strdup_printf ("%s. %s", title, meta->str);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);

  if (aims_pdca_card_can_move (card))
    {
      drag = gtk_drag_source_new ();
      gtk_drag_source_set_actions (drag, GDK_ACTION_MOVE);
      g_signal_connect_object (drag, "prepare", G_CALLBACK (on_drag_prepare_cb), row, 0);
      g_signal_connect_object (drag, "drag-begin", G_CALLBACK (on_drag_begin_cb), row, 0);
      gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (drag));
    }

  return row;
}

/* Filters */

static gboolean
card_visible (AimsPdcaBoard *self,
              AimsPdcaCard  *card)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  guint kind = gtk_drop_down_get_selected (self->kind_dropdown);

  if (kind != 0 && kind != GTK_INVALID_LIST_POSITION &&
      (guint) aims_pdca_card_get_kind (card) != kind - 1)
    return FALSE;

  if (gtk_toggle_button_get_active (self->overdue_button) &&
      (self->today == NULL || !aims_pdca_card_is_overdue (card, self->today)))
    return FALSE;

  if (text != NULL && text[0] != '\0')
    {
      g_autofree char *needle = g_utf8_casefold (text, -1);
      g_autofree char *haystack = NULL;

      haystack = g_utf8_casefold (aims_pdca_card_get_title (card), -1);
      if (strstr (haystack, needle) == NULL &&
          !g_str_has_prefix (aims_pdca_card_get_clause (card), text))
        {
          g_autofree char *owner = g_utf8_casefold (aims_pdca_card_get_owner (card), -1);

          if (strstr (owner, needle) == NULL)
            return FALSE;
        }
    }

  return TRUE;
}

/* Refresh */

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
update_figures (AimsPdcaBoard *self)
{
  g_autoptr(GPtrArray) entries = NULL;
  AimsPdcaSummary summary;
  AimsSoaSummary soa = { 0 };
  AimsCatalog *catalog = aims_catalog_get_default (NULL);
  AimsStore *store = get_store (self);

  aims_pdca_summarize (self->cards, self->today, &summary);
  if (store != NULL && (entries = aims_soa_load (store, NULL)) != NULL)
    aims_soa_summarize (entries, NULL, &soa);

  g_free (self->readiness);
  self->readiness = g_strdup_printf (_("Readiness: %u of %u clause requirements done (%.0f%%); "
                                       "%u of %u applicable controls implemented (%.0f%%)"),
                                     summary.requirements.done, summary.requirements.total,
                                     100.0 * aims_progress_get_fraction (&summary.requirements),
                                     soa.n_implemented, soa.n_applicable,
                                     100.0 * aims_soa_summary_get_fraction (&soa));
  gtk_label_set_text (self->readiness_label, self->readiness);

  for (guint i = 0; i < N_PHASES; i++)
    {
      g_autofree char *text = NULL;

      text = g_strdup_printf (_("%s: %u of %u done"),
                              aims_pdca_phase_get_label (AIMS_PDCA_PHASE_PLAN + i),
                              summary.phases[i].done, summary.phases[i].total);
      gtk_label_set_text (self->phase_labels[i], text);
      gtk_progress_bar_set_fraction (self->phase_bars[i],
                                     aims_progress_get_fraction (&summary.phases[i]));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->phase_bars[i]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
    }

  for (guint i = 0; i < AIMS_PDCA_N_CLAUSES; i++)
    {
      g_autofree char *id = g_strdup_printf ("%u", i + 4);
      AimsCatalogItem *clause = catalog != NULL ? aims_catalog_lookup (catalog, id) : NULL;
      g_autofree char *text = NULL;

      text = g_strdup_printf (_("Clause %s %s: %u of %u requirements done"), id,
                              clause != NULL ? aims_catalog_item_get_title (clause) : "",
                              summary.clauses[i].done, summary.clauses[i].total);
      gtk_progress_bar_set_fraction (self->clause_bars[i],
                                     aims_progress_get_fraction (&summary.clauses[i]));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->clause_bars[i]), text);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->clause_bars[i]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
    }
}

static void
refresh (AimsPdcaBoard *self)
{
  g_autoptr(GError) error = NULL;
  AimsStore *store = get_store (self);

  aims_deferred_refresh_done (&self->refresh);

  /* A window left open overnight sees cards become overdue */
  if (!self->today_fixed)
    {
      g_free (self->today);
      self->today = aims_today ();
    }

  for (guint i = 0; i < N_PHASES; i++)
    clear_list (self->columns[i]);
  g_clear_pointer (&self->cards, g_ptr_array_unref);

  /* A hidden board holds no cards: the section stack measures every page
   * on each resize, and seventy wrapped cards are not free to measure. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    aims_deferred_refresh_mark_stale (&self->refresh);
  if (store == NULL || aims_deferred_refresh_is_stale (&self->refresh))
    return;

  self->cards = aims_pdca_load (store, &error);
  if (self->cards == NULL)
    {
      g_warning ("Could not load the PDCA board: %s", error->message);
      return;
    }

  for (guint i = 0; i < self->cards->len; i++)
    {
      AimsPdcaCard *card = g_ptr_array_index (self->cards, i);
      AimsPdcaPhase phase = aims_pdca_card_get_phase (card);

      if (phase < AIMS_PDCA_PHASE_PLAN || phase > AIMS_PDCA_PHASE_ACT || !card_visible (self, card))
        continue;

      gtk_list_box_append (self->columns[phase - AIMS_PDCA_PHASE_PLAN],
                           create_card_row (self, card));
    }

  update_figures (self);
}

static void
refresh_deferred (GtkWidget *widget,
                  gboolean   shown_again)
{
  refresh (AIMS_PDCA_BOARD (widget));
}

static void
queue_refresh (AimsPdcaBoard *self)
{
  aims_deferred_refresh_queue (&self->refresh);
}

static void
on_store_changed_cb (AimsPdcaBoard *self,
                     const char    *table,
                     const char    *uuid,
                     AimsStore     *store)
{
  /* The cards, the risks behind actions, and the SoA figure */
  if (g_strcmp0 (table, "pdca_card") == 0 || g_strcmp0 (table, "treatment_action") == 0 ||
      g_strcmp0 (table, "risk") == 0 || g_strcmp0 (table, "soa_entry") == 0 ||
      g_strcmp0 (table, "corrective_action") == 0 || g_strcmp0 (table, "finding") == 0 ||
      g_strcmp0 (table, "review_action") == 0 || g_strcmp0 (table, "management_review") == 0)
    queue_refresh (self);
}

static void
on_filter_changed_cb (AimsPdcaBoard *self)
{
  refresh (self);
}

static void
on_unmap_cb (AimsPdcaBoard *self)
{
  aims_deferred_refresh_mark_stale (&self->refresh);
  for (guint i = 0; i < N_PHASES; i++)
    clear_list (self->columns[i]);
}

static gboolean
on_drop_cb (GtkDropTarget *target,
            const GValue  *value,
            double         x,
            double         y,
            AimsPdcaBoard *self)
{
  AimsPdcaPhase phase = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (target), "phase"));

  if (!G_VALUE_HOLDS_STRING (value))
    return FALSE;

  return move_card (self, g_value_get_string (value), phase);
}

/* Actions */

static void
aims_pdca_board_move_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *param)
{
  const char *key, *phase_name;
  AimsPdcaPhase phase;

  g_variant_get (param, "(&s&s)", &key, &phase_name);
  if (aims_pdca_phase_from_string (phase_name, &phase))
    move_card (AIMS_PDCA_BOARD (widget), key, phase);
}

static void
aims_pdca_board_status_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *param)
{
  AimsPdcaBoard *self = AIMS_PDCA_BOARD (widget);
  g_autoptr(GError) error = NULL;
  const char *key, *status;
  AimsPdcaCard *card;

  g_variant_get (param, "(&s&s)", &key, &status);
  if ((card = lookup_card (self, key)) == NULL || get_store (self) == NULL)
    return;

  if (!aims_pdca_set (get_store (self), card, "status", g_variant_new_string (status), &error))
    show_error (self, error);
  refresh (self);
}

static void
on_objective_response_cb (AdwMessageDialog *dialog,
                          const char       *response,
                          AimsPdcaBoard    *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;

  if (g_strcmp0 (response, "add") != 0 || get_store (self) == NULL)
    return;

  uuid = aims_pdca_add_objective (get_store (self), gtk_editable_get_text (entry), NULL, NULL,
                                  &error);
  if (uuid == NULL)
    show_error (self, error);
  refresh (self);
}

static void
aims_pdca_board_add_objective_action (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *param)
{
  GtkWidget *dialog, *entry;
  GtkRoot *root = gtk_widget_get_root (widget);

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Add an AI Objective"),
                                   _("An objective the organisation sets itself for its AI "
                                     "(ISO/IEC 42001 6.2). It starts in Plan."));
  entry = gtk_entry_new ();
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Objective"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "add", _("_Add"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  aims_message_dialog_require_text (ADW_MESSAGE_DIALOG (dialog), "add", GTK_EDITABLE (entry), NULL);
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_objective_response_cb), widget, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Set up */

static void
build_columns (AimsPdcaBoard *self)
{
  for (guint i = 0; i < AIMS_PDCA_N_CLAUSES; i++)
    {
      g_autofree char *id = g_strdup_printf ("%u", i + 4);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *label = gtk_label_new (id);
      GtkWidget *bar = gtk_progress_bar_new ();

      gtk_widget_add_css_class (label, "caption");
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), bar);
      gtk_box_append (self->clause_box, box);
      self->clause_bars[i] = GTK_PROGRESS_BAR (bar);
    }

  for (guint i = 0; i < N_PHASES; i++)
    {
      GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *label = gtk_label_new (NULL);
      GtkWidget *bar = gtk_progress_bar_new ();
      GtkWidget *scrolled = gtk_scrolled_window_new ();
      GtkWidget *list = gtk_list_box_new ();
      GtkDropTarget *target;

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "heading");
      gtk_box_append (GTK_BOX (column), label);
      gtk_box_append (GTK_BOX (column), bar);

      gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
      gtk_widget_add_css_class (list, "boxed-list");
      gtk_widget_add_css_class (list, "pdca-column");
      gtk_widget_set_valign (list, GTK_ALIGN_START);
      gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      aims_pdca_phase_get_label (AIMS_PDCA_PHASE_PLAN + i), -1);
      g_signal_connect_object (list, "row-activated", G_CALLBACK (on_row_activated_cb), self, 0);

      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                      GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
      gtk_widget_set_vexpand (scrolled, TRUE);
      gtk_box_append (GTK_BOX (column), scrolled);

      /* The whole column takes the drop, empty space included */
      target = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_MOVE);
      g_object_set_data (G_OBJECT (target), "phase",
                         GINT_TO_POINTER (AIMS_PDCA_PHASE_PLAN + i));
      g_signal_connect_object (target, "drop", G_CALLBACK (on_drop_cb), self, 0);
      gtk_widget_add_controller (column, GTK_EVENT_CONTROLLER (target));

      gtk_box_append (self->columns_box, column);
      self->columns[i] = GTK_LIST_BOX (list);
      self->phase_labels[i] = GTK_LABEL (label);
      self->phase_bars[i] = GTK_PROGRESS_BAR (bar);
    }
}

static void
aims_pdca_board_dispose (GObject *object)
{
  AimsPdcaBoard *self = AIMS_PDCA_BOARD (object);

  aims_deferred_refresh_clear (&self->refresh);
  if (self->store_signals != NULL)
    g_signal_group_set_target (self->store_signals, NULL);
  g_clear_object (&self->store_signals);
  g_clear_object (&self->document);
  g_clear_pointer (&self->cards, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), AIMS_TYPE_PDCA_BOARD);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_first_child (GTK_WIDGET (self)))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (aims_pdca_board_parent_class)->dispose (object);
}

static void
aims_pdca_board_finalize (GObject *object)
{
  AimsPdcaBoard *self = AIMS_PDCA_BOARD (object);

  g_free (self->today);
  g_free (self->readiness);

  G_OBJECT_CLASS (aims_pdca_board_parent_class)->finalize (object);
}

static void
aims_pdca_board_class_init (AimsPdcaBoardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aims_pdca_board_dispose;
  object_class->finalize = aims_pdca_board_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/aims-pdca-board.ui");
  gtk_widget_class_bind_template_child (widget_class, AimsPdcaBoard, readiness_label);
  gtk_widget_class_bind_template_child (widget_class, AimsPdcaBoard, clause_box);
  gtk_widget_class_bind_template_child (widget_class, AimsPdcaBoard, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AimsPdcaBoard, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AimsPdcaBoard, overdue_button);
  gtk_widget_class_bind_template_child (widget_class, AimsPdcaBoard, columns_box);

  gtk_widget_class_install_action (widget_class, "board.move", "(ss)", aims_pdca_board_move_action);
  gtk_widget_class_install_action (widget_class, "board.status", "(ss)", aims_pdca_board_status_action);
  gtk_widget_class_install_action (widget_class, "board.add-objective", NULL,
                                   aims_pdca_board_add_objective_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "pdcaboard");
}

static void
aims_pdca_board_init (AimsPdcaBoard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  build_columns (self);

  self->today = aims_today ();
  self->store_signals = g_signal_group_new (AIMS_TYPE_STORE);
  g_signal_group_connect_object (self->store_signals, "changed",
                                 G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->search_entry, "search-changed",
                           G_CALLBACK (on_filter_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->kind_dropdown, "notify::selected",
                           G_CALLBACK (on_filter_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->overdue_button, "toggled",
                           G_CALLBACK (on_filter_changed_cb), self, G_CONNECT_SWAPPED);
  /* Above redrawing: a slow frame must not starve the refresh */
  aims_deferred_refresh_init (&self->refresh, GTK_WIDGET (self), G_PRIORITY_DEFAULT,
                              refresh_deferred);
  g_signal_connect (self, "unmap", G_CALLBACK (on_unmap_cb), NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "board.add-objective", FALSE);
}

/* Public API */

GtkWidget *
aims_pdca_board_new (void)
{
  return g_object_new (AIMS_TYPE_PDCA_BOARD, NULL);
}

/**
 * aims_pdca_board_set_document:
 * @document: (nullable): the project to show
 */
void
aims_pdca_board_set_document (AimsPdcaBoard *self,
                              AimsDocument  *document)
{
  g_return_if_fail (AIMS_IS_PDCA_BOARD (self));

  if (!g_set_object (&self->document, document))
    return;

  g_signal_group_set_target (self->store_signals, get_store (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "board.add-objective",
                                 document != NULL && !aims_document_get_read_only (document));
  refresh (self);
}

/**
 * aims_pdca_board_set_today:
 * @today: YYYY-MM-DD: the day overdue cards are judged by (tests)
 */
void
aims_pdca_board_set_today (AimsPdcaBoard *self,
                           const char    *today)
{
  g_return_if_fail (AIMS_IS_PDCA_BOARD (self));

  g_free (self->today);
  self->today = g_strdup (today);
  self->today_fixed = today != NULL;
  refresh (self);
}

/**
 * aims_pdca_board_get_column:
 *
 * Returns: (transfer none): the list of a phase's cards
 */
GtkListBox *
aims_pdca_board_get_column (AimsPdcaBoard *self,
                            AimsPdcaPhase  phase)
{
  g_return_val_if_fail (AIMS_IS_PDCA_BOARD (self), NULL);
  g_return_val_if_fail (phase >= AIMS_PDCA_PHASE_PLAN && phase <= AIMS_PDCA_PHASE_ACT, NULL);

  return self->columns[phase - AIMS_PDCA_PHASE_PLAN];
}

/**
 * aims_pdca_board_find_card:
 * @key: a card's key (aims_pdca_card_get_key())
 *
 * Returns: (transfer none) (nullable): the card's row, if shown
 */
GtkWidget *
aims_pdca_board_find_card (AimsPdcaBoard *self,
                           const char    *key)
{
  g_return_val_if_fail (AIMS_IS_PDCA_BOARD (self), NULL);

  for (guint i = 0; i < N_PHASES; i++)
    for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->columns[i]));
         row != NULL;
         row = gtk_widget_get_next_sibling (row))
      {
        if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "card-key"), key) == 0)
          return row;
      }

  return NULL;
}

/**
 * aims_pdca_board_get_phase_bar:
 *
 * Returns: (transfer none): the progress bar of a phase
 */
GtkProgressBar *
aims_pdca_board_get_phase_bar (AimsPdcaBoard *self,
                               AimsPdcaPhase  phase)
{
  g_return_val_if_fail (AIMS_IS_PDCA_BOARD (self), NULL);
  g_return_val_if_fail (phase >= AIMS_PDCA_PHASE_PLAN && phase <= AIMS_PDCA_PHASE_ACT, NULL);

  return self->phase_bars[phase - AIMS_PDCA_PHASE_PLAN];
}

/**
 * aims_pdca_board_get_readiness:
 *
 * Returns: (nullable): the readiness summary shown above the board
 */
const char *
aims_pdca_board_get_readiness (AimsPdcaBoard *self)
{
  g_return_val_if_fail (AIMS_IS_PDCA_BOARD (self), NULL);

  return self->readiness;
}
