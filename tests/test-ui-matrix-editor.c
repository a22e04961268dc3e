/* test-ui-matrix-editor.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The risk matrix editor on the demo project, driven through its real
 * widgets: opened from the Heatmap section and the window's action; step
 * labels, cells and levels edited with the preview and the validation
 * following; refused matrices keeping Apply insensitive with the core's
 * reason; a resize applied to a project with risks, their scores remapped
 * and Undo restoring all; Cancel; presets; a read-only project; the
 * keyboard.
 *
 * With AIMS_SCREENSHOT_DIR set, /ui/matrix-editor/screenshots also saves
 * the editor as Xvfb shows it, in the light and dark styles and narrow;
 * run it on a screen 2500 pixels high:
 *   AIMS_SCREENSHOT_DIR=/tmp/shots xvfb-run -a -s "-screen 0 1280x2500x24" \
 *     dbus-run-session -- meson test -C build test-ui-matrix-editor \
 *     --test-args "-p /ui/matrix-editor/screenshots" */

#include "config.h"

#include "aims-test-gtk.h"
#include "aims-test-util.h"

#include <adwaita.h>

#include "aims-application.h"
#include "aims-heatmap-page.h"
#include "aims-matrix-editor-private.h"
#include "aims-window-private.h"

static AimsApplication *app;

typedef struct
{
  AimsWindow       *window;
  AimsStore        *store;
  AimsMatrix       *original;
  AimsMatrixEditor *editor;
  char             *dir;
  char             *path;
} Fixture;

static AimsMatrixEditor *
open_editor (Fixture *f)
{
  AimsMatrixEditor *editor;

  g_assert_null (find_toplevel_of_type (AIMS_TYPE_MATRIX_EDITOR));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.edit-matrix", NULL));
  WAIT_UNTIL (find_toplevel_of_type (AIMS_TYPE_MATRIX_EDITOR) != NULL);
  editor = AIMS_MATRIX_EDITOR (find_toplevel_of_type (AIMS_TYPE_MATRIX_EDITOR));
  g_assert_nonnull (editor);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (editor));

  return editor;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;

  f->dir = g_dir_make_tmp ("aims-ui-matrix-XXXXXX", NULL);
  f->path = g_build_filename (f->dir, "Demo.aims", NULL);
  g_assert_true (aims_demo_write_file (f->path, AIMS_DEMO_SCALE_SMALL, 42, &error));
  g_assert_no_error (error);
  file = g_file_new_for_path (f->path);

  f->window = aims_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 800);
  gtk_window_present (GTK_WINDOW (f->window));
  aims_window_open_file (f->window, file);
  g_assert_true (aims_window_has_project (f->window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));

  f->store = aims_document_get_store (f->window->document);
  f->original = aims_store_dup_matrix (f->store);
  g_assert_cmpuint (aims_store_count (f->store, "risk"), >, 0);

  f->editor = open_editor (f);
  g_object_add_weak_pointer (G_OBJECT (f->editor), (gpointer *) &f->editor);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(AimsDocument) document = g_object_ref (f->window->document);

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  if (f->editor != NULL)
    gtk_window_destroy (GTK_WINDOW (f->editor));
  g_assert_null (f->editor);
  g_clear_object (&f->original);
  gtk_window_destroy (GTK_WINDOW (f->window));
  wait_ms (20);
  aims_document_close (document);
  aims_test_remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* Helpers */

static gboolean
apply_enabled (AimsMatrixEditor *editor)
{
  return gtk_widget_is_sensitive (editor->apply_button);
}

/* The reason shown under the header bar, or NULL when none is */
static const char *
shown_problem (AimsMatrixEditor *editor)
{
  if (!gtk_revealer_get_reveal_child (editor->problem_revealer))
    return NULL;

  return gtk_label_get_text (editor->problem_label);
}

/* What the core says of the draft */
static char *
core_problem (AimsMatrixEditor *editor)
{
  g_autoptr(GError) error = NULL;

  if (aims_matrix_validate (aims_matrix_editor_get_draft (editor), &error))
    return NULL;

  return g_strdup (error->message);
}

static void
assert_cell_reads (AimsMatrixEditor *editor,
                   guint             likelihood,
                   guint             impact,
                   const char       *expected)
{
  GtkWidget *cell = aims_matrix_grid_get_cell (editor->grid, likelihood, impact);

  g_assert_nonnull (cell);
  gtk_test_accessible_assert_property (cell, GTK_ACCESSIBLE_PROPERTY_LABEL, expected);
}

/* A click, as the pointer gives it; only a sensitive button reacts */
static void
click (GtkWidget *button)
{
  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

static void
type_into (AdwEntryRow *row,
           const char  *text)
{
  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

/* Gives a cell a level through its list of levels, as a click would */
static void
choose_level (AimsMatrixEditor *editor,
              guint             likelihood,
              guint             impact,
              guint             level)
{
  GtkWidget *cell = aims_matrix_grid_get_cell (editor->grid, likelihood, impact);
  GtkWidget *button;

  g_assert_nonnull (cell);
  g_signal_emit_by_name (cell, "clicked");
  WAIT_UNTIL (aims_matrix_grid_get_level_button (editor->grid, level) != NULL);
  button = aims_matrix_grid_get_level_button (editor->grid, level);
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  WAIT_UNTIL (aims_matrix_grid_get_level_button (editor->grid, level) == NULL);
}

/* The action is disabled: activating it anyway (a stale shortcut) leaves
 * the project and the editor as they were */
static void
assert_apply_does_nothing (AimsMatrixEditor *editor,
                           AimsStore        *store)
{
  gint64 last = aims_store_get_last_change_id (store);
  gpointer alive = editor;

  g_object_add_weak_pointer (G_OBJECT (editor), &alive);
  gtk_widget_activate_action (GTK_WIDGET (editor), "matrix.apply", NULL);
  wait_ms (20);
  g_assert_nonnull (alive);
  g_object_remove_weak_pointer (G_OBJECT (editor), &alive);
  g_assert_cmpint (aims_store_get_last_change_id (store), ==, last);
}

/* Whether the preview draws the draft as it is now */
static gboolean
preview_shows_draft (AimsMatrixEditor *editor)
{
  AimsMatrix *shown = aims_heatmap_view_get_matrix (editor->preview);

  return shown != NULL && aims_matrix_equal (shown, aims_matrix_editor_get_draft (editor));
}

static gboolean
shows_label (GtkWidget  *root,
             const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (child)), text) == 0)
        return TRUE;
      if (shows_label (child, text))
        return TRUE;
    }

  return FALSE;
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

static gboolean
menu_has_action (GMenuModel *model,
                 const char *action)
{
  for (int k = 0; k < g_menu_model_get_n_items (model); k++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuLinkIter) links = g_menu_model_iterate_item_links (model, k);

      if (g_menu_model_get_item_attribute (model, k, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_strcmp0 (name, action) == 0)
        return TRUE;

      while (g_menu_link_iter_next (links))
        {
          g_autoptr(GMenuModel) linked = g_menu_link_iter_get_value (links);

          if (menu_has_action (linked, action))
            return TRUE;
        }
    }

  return FALSE;
}

typedef struct
{
  char   *uuid;
  gint64  scores[4];
  gint64  levels[2];
} RiskScores;

static const char * const score_fields[] = {
  "inherent_likelihood", "inherent_impact", "residual_likelihood", "residual_impact"
};

static GArray *
read_scores (AimsStore *store)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) uuids = aims_store_dup_uuids (store, "risk", &error);
  GArray *all = g_array_new (FALSE, TRUE, sizeof (RiskScores));

  g_assert_no_error (error);
  for (guint k = 0; uuids[k] != NULL; k++)
    {
      RiskScores risk = { g_strdup (uuids[k]), { 0 }, { 0 } };

      for (guint j = 0; j < 4; j++)
        {
          g_autoptr(GVariant) value = aims_store_get (store, "risk", uuids[k], score_fields[j], &error);

          g_assert_no_error (error);
          risk.scores[j] = g_variant_get_int64 (value);
        }
      for (guint j = 0; j < 2; j++)
        {
          g_autoptr(GVariant) value = aims_store_get (store, "risk", uuids[k],
                                                      j == 0 ? "inherent_level" : "residual_level",
                                                      &error);

          g_assert_no_error (error);
          risk.levels[j] = g_variant_get_int64 (value);
        }
      g_array_append_val (all, risk);
    }

  return all;
}

static void
free_scores (GArray *all)
{
  for (guint k = 0; k < all->len; k++)
    g_free (g_array_index (all, RiskScores, k).uuid);
  g_array_unref (all);
}

/* Tests */

static void
test_opens_on_current (Fixture       *f,
                       gconstpointer  data)
{
  AimsMatrixEditor *editor = f->editor;
  AimsHeatmapPage *page;
  GtkWidget *button;
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsHeatmapCounts) counts = aims_risks_count_cells (f->store, f->original, NULL, &error);

  /* A modal window of the project's */
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (editor)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (editor)) == GTK_WINDOW (f->window));

  /* On the project's matrix, as it is */
  g_assert_true (aims_matrix_equal (aims_matrix_editor_get_draft (editor), f->original));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (editor->likelihood_spin), ==, 5);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (editor->impact_spin), ==, 5);
  assert_cell_reads (editor, 4, 4, "Likelihood Likely, impact Major: High");
  assert_cell_reads (editor, 1, 1, "Likelihood Rare, impact Negligible: Low");
  assert_cell_reads (editor, 5, 5, "Likelihood Almost certain, impact Severe: Critical");
  g_assert_nonnull (aims_matrix_grid_get_cell (editor->grid, 5, 5));
  g_assert_null (aims_matrix_grid_get_cell (editor->grid, 6, 1));

  /* Nothing to apply yet, nothing wrong */
  g_assert_false (apply_enabled (editor));
  g_assert_null (shown_problem (editor));
  g_assert_false (gtk_widget_get_visible (editor->effect_group));

  /* The preview draws the project's risks where they are */
  WAIT_UNTIL (preview_shows_draft (editor));
  g_assert_true (preview_shows_draft (editor));
  g_assert_nonnull (aims_heatmap_view_get_counts (editor->preview));
  g_assert_cmpuint (aims_heatmap_counts_get_total (aims_heatmap_view_get_counts (editor->preview)), ==,
                    aims_heatmap_counts_get_total (counts));

  /* The main menu offers it */
  {
    g_autoptr(GPtrArray) menu_buttons = g_ptr_array_new ();
    gboolean offered = FALSE;

    collect_of_type (GTK_WIDGET (f->window), GTK_TYPE_MENU_BUTTON, menu_buttons);
    for (guint k = 0; k < menu_buttons->len; k++)
      {
        GMenuModel *model = gtk_menu_button_get_menu_model (g_ptr_array_index (menu_buttons, k));

        offered |= model != NULL && menu_has_action (model, "win.edit-matrix");
      }
    g_assert_true (offered);
  }

  /* The Heatmap section's button opens it too */
  gtk_window_destroy (GTK_WINDOW (editor));
  g_assert_null (f->editor);
  aims_window_show_section (f->window, "heatmap");
  page = AIMS_HEATMAP_PAGE (f->window->heatmap_page);
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (page)));
  button = find_button_with_action (GTK_WIDGET (page), "win.edit-matrix");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_true (gtk_widget_activate (button));
  WAIT_UNTIL (find_toplevel_of_type (AIMS_TYPE_MATRIX_EDITOR) != NULL);
  f->editor = AIMS_MATRIX_EDITOR (find_toplevel_of_type (AIMS_TYPE_MATRIX_EDITOR));
  g_assert_nonnull (f->editor);
  g_object_add_weak_pointer (G_OBJECT (f->editor), (gpointer *) &f->editor);
}

static void
test_edit_label_and_cell (Fixture       *f,
                          gconstpointer  data)
{
  AimsMatrixEditor *editor = f->editor;
  AimsMatrix *draft = aims_matrix_editor_get_draft (editor);
  g_autofree char *problem = NULL;

  /* A step renamed: the cells beside it read the new name, the preview
   * draws it */
  type_into (aims_matrix_steps_get_entry_row (editor->likelihood_steps, 4, "label"), "Probable");
  g_assert_cmpstr (aims_matrix_get_step_label (draft, AIMS_MATRIX_LIKELIHOOD, 4), ==, "Probable");
  assert_cell_reads (editor, 4, 4, "Likelihood Probable, impact Major: High");
  g_assert_true (shows_label (GTK_WIDGET (editor->grid), "Probable"));
  g_assert_false (shows_label (GTK_WIDGET (editor->grid), "Likely"));
  g_assert_true (apply_enabled (editor));
  WAIT_UNTIL (preview_shows_draft (editor));
  g_assert_cmpstr (aims_matrix_get_step_label (aims_heatmap_view_get_matrix (editor->preview),
                                               AIMS_MATRIX_LIKELIHOOD, 4), ==, "Probable");

  /* A range and a description go into the matrix too */
  type_into (aims_matrix_steps_get_entry_row (editor->impact_steps, 2, "range"), "EUR 20k–200k");
  type_into (aims_matrix_steps_get_entry_row (editor->impact_steps, 2, "description"), "Small harm.");
  g_assert_cmpstr (aims_matrix_get_step_range (draft, AIMS_MATRIX_IMPACT, 2), ==, "EUR 20k–200k");
  g_assert_cmpstr (aims_matrix_get_step_description (draft, AIMS_MATRIX_IMPACT, 2), ==, "Small harm.");

  /* A cell given a higher level through its list: Almost certain ×
   * Moderate becomes Critical, which keeps the order */
  choose_level (editor, 5, 3, 4);
  g_assert_cmpint (aims_matrix_lookup (draft, 5, 3), ==, 4);
  assert_cell_reads (editor, 5, 3, "Likelihood Almost certain, impact Moderate: Critical");
  WAIT_UNTIL (preview_shows_draft (editor));
  g_assert_cmpint (aims_matrix_lookup (aims_heatmap_view_get_matrix (editor->preview), 5, 3), ==, 4);
  g_assert_null (shown_problem (editor));
  g_assert_true (apply_enabled (editor));

  /* Rare × Negligible above its neighbour breaks the order: refused, with
   * the core's reason, Apply insensitive */
  choose_level (editor, 1, 1, 1);
  problem = core_problem (editor);
  g_assert_nonnull (problem);
  g_assert_cmpstr (shown_problem (editor), ==, problem);
  g_assert_nonnull (strstr (problem, "Rare × Minor"));
  g_assert_nonnull (strstr (problem, "levels must not fall"));
  g_assert_false (apply_enabled (editor));
  assert_apply_does_nothing (editor, f->store);

  /* Put back, it may be applied again */
  choose_level (editor, 1, 1, 0);
  g_assert_null (shown_problem (editor));
  g_assert_true (apply_enabled (editor));
}

static void
test_invalid_reasons (Fixture       *f,
                      gconstpointer  data)
{
  AimsMatrixEditor *editor = f->editor;
  AdwEntryRow *label = aims_matrix_steps_get_entry_row (editor->likelihood_steps, 2, "label");
  AdwEntryRow *name = aims_matrix_levels_get_name_row (editor->levels, 3);
  g_autoptr(AimsMatrix) stored = NULL;
  gint64 last = aims_store_get_last_change_id (f->store);

  /* An empty label */
  type_into (label, "");
  g_assert_cmpstr (shown_problem (editor), ==, "Likelihood step 2 has no label.");
  g_assert_false (apply_enabled (editor));
  /* Its cells say which step it is */
  assert_cell_reads (editor, 2, 1, "Likelihood Step 2, impact Negligible: Low");

  /* A label twice, whatever the case */
  type_into (label, "rare ");
  g_assert_cmpstr (shown_problem (editor), ==, "Likelihood steps 1 and 2 are both called “rare ”.");
  g_assert_false (apply_enabled (editor));

  type_into (label, "Seldom");
  g_assert_null (shown_problem (editor));
  g_assert_true (apply_enabled (editor));

  /* Two levels with one name */
  type_into (name, "Significant");
  g_assert_cmpstr (shown_problem (editor), ==, "Risk levels 3 and 4 are both called “Significant”.");
  g_assert_false (apply_enabled (editor));
  /* The tolerance's choices follow the names */
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (adw_combo_row_get_model (aims_matrix_levels_get_tolerance_row (editor->levels))), 3),
                   ==, "Significant");

  type_into (name, "");
  g_assert_cmpstr (shown_problem (editor), ==, "Risk level 4 has no name.");
  g_assert_false (apply_enabled (editor));

  /* Nothing reached the project */
  stored = aims_store_dup_matrix (f->store);
  g_assert_true (aims_matrix_equal (stored, f->original));
  g_assert_cmpint (aims_store_get_last_change_id (f->store), ==, last);
}

static void
test_levels (Fixture       *f,
             gconstpointer  data)
{
  AimsMatrixEditor *editor = f->editor;
  AimsMatrix *draft = aims_matrix_editor_get_draft (editor);
  AdwComboRow *tolerance = aims_matrix_levels_get_tolerance_row (editor->levels);
  GtkWidget *add = aims_matrix_levels_get_add_button (editor->levels);
  GdkRGBA blue = { 0.11, 0.44, 0.85, 1.0 };

  /* A colour picked: the level, its cells and the preview take it */
  gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (aims_matrix_levels_get_colour_button (editor->levels, 0)),
                              &blue);
  g_assert_cmpstr (aims_matrix_get_level_colour (draft, 0), ==, "#1c70d9");
  WAIT_UNTIL (preview_shows_draft (editor));
  g_assert_cmpstr (aims_matrix_get_level_colour (aims_heatmap_view_get_matrix (editor->preview), 0),
                   ==, "#1c70d9");
  g_assert_true (apply_enabled (editor));

  /* The tolerance */
  g_assert_cmpuint (adw_combo_row_get_selected (tolerance), ==, aims_matrix_get_tolerance (f->original));
  adw_combo_row_set_selected (tolerance, 2);
  g_assert_cmpuint (aims_matrix_get_tolerance (draft), ==, 2);

  /* Adding: a named level above the highest, offered to the cells */
  click (add);
  g_assert_cmpuint (aims_matrix_get_n_levels (draft), ==, 6);
  g_assert_cmpstr (aims_matrix_get_level_name (draft, 5), ==, "Level 6");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (aims_matrix_levels_get_name_row (editor->levels, 5))),
                   ==, "Level 6");
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (tolerance)), ==, 6);
  type_into (aims_matrix_levels_get_name_row (editor->levels, 5), "Extreme");
  choose_level (editor, 5, 5, 5);
  assert_cell_reads (editor, 5, 5, "Likelihood Almost certain, impact Severe: Extreme");
  g_assert_null (shown_problem (editor));

  /* Up to seven */
  click (add);
  g_assert_false (gtk_widget_is_sensitive (add));
  g_assert_cmpuint (aims_matrix_get_n_levels (draft), ==, 7);

  /* Removing "Significant": its cells take "Moderate" */
  click (aims_matrix_levels_get_remove_button (editor->levels, 2));
  g_assert_cmpuint (aims_matrix_get_n_levels (draft), ==, 6);
  g_assert_true (gtk_widget_is_sensitive (add));
  assert_cell_reads (editor, 3, 3, "Likelihood Possible, impact Moderate: Moderate");
  assert_cell_reads (editor, 5, 5, "Likelihood Almost certain, impact Severe: Extreme");
  /* The tolerance was "Significant": it is now the level below */
  g_assert_cmpuint (adw_combo_row_get_selected (tolerance), ==, 1);

  /* Down to two, no further */
  while (aims_matrix_get_n_levels (draft) > 2)
    click (aims_matrix_levels_get_remove_button (editor->levels, 0));
  g_assert_false (gtk_widget_is_sensitive (aims_matrix_levels_get_remove_button (editor->levels, 0)));
  g_assert_false (gtk_widget_is_sensitive (aims_matrix_levels_get_remove_button (editor->levels, 1)));
  g_assert_null (shown_problem (editor));
  g_assert_true (apply_enabled (editor));
}

static void
test_resize_apply_undo (Fixture       *f,
                        gconstpointer  data)
{
  AimsMatrixEditor *editor = f->editor;
  AimsMatrix *draft = aims_matrix_editor_get_draft (editor);
  g_autoptr(AimsMatrix) applied = NULL;
  g_autoptr(AimsMatrix) restored = NULL;
  g_autoptr(AimsMatrix) expected = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsHeatmapCounts) counts = NULL;
  g_autofree char *rule = NULL;
  g_autofree char *moved = NULL;
  g_autoptr(GArray) before = read_scores (f->store);
  GArray *after;
  AimsRiskRemapSummary summary;
  guint n_moved = 0;

  /* 5×5 to 3 likelihood steps × 4 impact steps */
  gtk_spin_button_set_value (editor->likelihood_spin, 3);
  gtk_spin_button_set_value (editor->impact_spin, 4);
  g_assert_cmpuint (aims_matrix_get_n_steps (draft, AIMS_MATRIX_LIKELIHOOD), ==, 3);
  g_assert_cmpuint (aims_matrix_get_n_steps (draft, AIMS_MATRIX_IMPACT), ==, 4);

  /* The grid follows, labels kept where the risks go */
  g_assert_nonnull (aims_matrix_grid_get_cell (editor->grid, 3, 4));
  g_assert_null (aims_matrix_grid_get_cell (editor->grid, 4, 1));
  g_assert_null (aims_matrix_grid_get_cell (editor->grid, 1, 5));
  assert_cell_reads (editor, 2, 3, "Likelihood Possible, impact Major: High");
  g_assert_nonnull (aims_matrix_steps_get_entry_row (editor->likelihood_steps, 3, "label"));
  g_assert_null (aims_matrix_steps_get_entry_row (editor->likelihood_steps, 4, "label"));
  g_assert_null (shown_problem (editor));
  g_assert_true (apply_enabled (editor));

  /* Before applying: the rule, and how many risks move */
  WAIT_UNTIL (preview_shows_draft (editor) && gtk_widget_get_visible (editor->effect_group));
  g_assert_true (gtk_widget_get_visible (editor->effect_group));
  rule = aims_matrix_describe_remap (f->original, draft);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor->remap_label)));
  g_assert_cmpstr (gtk_label_get_text (editor->remap_label), ==, rule);
  g_assert_nonnull (strstr (rule, "4 “Likely” → 3 “Almost certain”"));

  counts = aims_risks_preview_remap (f->store, f->original, draft, &summary, &error);
  g_assert_no_error (error);
  moved = g_strdup_printf ("%u of them will move to another step", summary.n_moved);
  g_assert_nonnull (strstr (gtk_label_get_text (editor->effect_label), moved));
  g_assert_cmpuint (summary.n_moved, >, 0);
  g_assert_cmpuint (aims_heatmap_counts_get_total (aims_heatmap_view_get_counts (editor->preview)), ==,
                    aims_heatmap_counts_get_total (counts));

  /* Apply: one change, the editor closes, a toast offers Undo */
  expected = aims_matrix_copy (draft);
  g_signal_emit_by_name (editor->apply_button, "clicked");
  WAIT_UNTIL (f->editor == NULL);
  g_assert_null (f->editor);
  applied = aims_store_dup_matrix (f->store);
  g_assert_true (aims_matrix_equal (applied, expected));
  g_assert_true (shows_label (GTK_WIDGET (f->window->toast_overlay), "Risk matrix changed"));
  {
    g_autofree char *label = aims_store_dup_undo_label (f->store);

    g_assert_cmpstr (label, ==, "Change the risk matrix");
  }

  /* Every risk's scores moved by the rule, its levels from the new grid */
  after = read_scores (f->store);
  g_assert_cmpuint (after->len, ==, before->len);
  for (guint k = 0; k < before->len; k++)
    {
      RiskScores *old = &g_array_index (before, RiskScores, k);
      RiskScores *now = &g_array_index (after, RiskScores, k);
      gboolean differs = FALSE;

      g_assert_cmpstr (old->uuid, ==, now->uuid);
      for (guint j = 0; j < 4; j++)
        {
          guint n_old = aims_matrix_get_n_steps (f->original, j % 2);
          guint n_new = aims_matrix_get_n_steps (expected, j % 2);

          g_assert_cmpint (now->scores[j], ==,
                           aims_matrix_remap_value ((guint) old->scores[j], n_old, n_new));
          differs |= now->scores[j] != old->scores[j];
        }
      n_moved += differs;
      g_assert_cmpint (now->levels[0], ==, aims_matrix_lookup (expected, now->scores[0], now->scores[1]));
    }
  g_assert_cmpuint (n_moved, ==, summary.n_moved);
  free_scores (after);

  /* Undo in the window (Ctrl+Z) restores the matrix and every score */
  {
    g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.undo");

    g_assert_true (g_strv_contains ((const char * const *) accels, "<Control>z"));
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  restored = aims_store_dup_matrix (f->store);
  g_assert_true (aims_matrix_equal (restored, f->original));
  after = read_scores (f->store);
  for (guint k = 0; k < before->len; k++)
    {
      RiskScores *old = &g_array_index (before, RiskScores, k);
      RiskScores *now = &g_array_index (after, RiskScores, k);

      for (guint j = 0; j < 4; j++)
        g_assert_cmpint (now->scores[j], ==, old->scores[j]);
      g_assert_cmpint (now->levels[0], ==, old->levels[0]);
      g_assert_cmpint (now->levels[1], ==, old->levels[1]);
    }
  free_scores (after);
  for (guint k = 0; k < before->len; k++)
    g_free (g_array_index (before, RiskScores, k).uuid);
  g_array_set_size (before, 0);
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  AimsMatrixEditor *editor = f->editor;
  gint64 last = aims_store_get_last_change_id (f->store);
  g_autoptr(AimsMatrix) stored = NULL;

  gtk_spin_button_set_value (editor->impact_spin, 7);
  type_into (aims_matrix_steps_get_entry_row (editor->impact_steps, 2, "label"), "Small");
  gtk_widget_activate_action (GTK_WIDGET (editor), "matrix.start-from", "i", AIMS_MATRIX_PRESET_6X6);
  g_assert_true (apply_enabled (editor));

  g_signal_emit_by_name (editor->cancel_button, "clicked");
  WAIT_UNTIL (f->editor == NULL);
  g_assert_null (f->editor);

  stored = aims_store_dup_matrix (f->store);
  g_assert_true (aims_matrix_equal (stored, f->original));
  g_assert_cmpint (aims_store_get_last_change_id (f->store), ==, last);
  g_assert_false (aims_document_get_modified (f->window->document));
}

static void
test_start_from (Fixture       *f,
                 gconstpointer  data)
{
  AimsMatrixEditor *editor = f->editor;
  g_autoptr(AimsMatrix) three = aims_matrix_new_preset (AIMS_MATRIX_PRESET_3X3);
  g_autoptr(AimsMatrix) six = aims_matrix_new_preset (AIMS_MATRIX_PRESET_6X6);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "matrix.start-from", "i",
                                             AIMS_MATRIX_PRESET_3X3));
  g_assert_true (aims_matrix_equal (aims_matrix_editor_get_draft (editor), three));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (editor->likelihood_spin), ==, 3);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (editor->impact_spin), ==, 3);
  assert_cell_reads (editor, 3, 3, "Likelihood Likely, impact Severe: High");
  g_assert_null (aims_matrix_grid_get_cell (editor->grid, 4, 4));
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (aims_matrix_levels_get_tolerance_row (editor->levels))),
                    ==, 3);
  g_assert_true (apply_enabled (editor));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "matrix.start-from", "i",
                                             AIMS_MATRIX_PRESET_6X6));
  g_assert_true (aims_matrix_equal (aims_matrix_editor_get_draft (editor), six));
  assert_cell_reads (editor, 6, 6, "Likelihood Almost certain, impact Catastrophic: Critical");

  /* Back to the project's own: nothing to apply */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "matrix.start-from", "i", -1));
  g_assert_true (aims_matrix_equal (aims_matrix_editor_get_draft (editor), f->original));
  g_assert_false (apply_enabled (editor));
}

static void
test_read_only (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GFile) file = g_file_new_for_path (f->path);
  g_autoptr(AimsDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsMatrix) stored = NULL;
  AimsMatrixEditor *editor;

  gtk_window_destroy (GTK_WINDOW (f->editor));

  /* The project is saved as it is, then opened a second time, read-only */
  g_assert_true (aims_document_save (f->window->document, &error));
  g_assert_no_error (error);
  document = aims_document_open (file, AIMS_OPEN_READ_ONLY, "Grace", &error);
  g_assert_no_error (error);
  g_assert_true (aims_document_get_read_only (document));

  editor = AIMS_MATRIX_EDITOR (aims_matrix_editor_new (GTK_WINDOW (f->window), document));
  gtk_window_present (GTK_WINDOW (editor));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (editor));

  /* It says so, and a valid change cannot be applied */
  g_assert_nonnull (shown_problem (editor));
  g_assert_nonnull (strstr (shown_problem (editor), "read-only"));
  gtk_spin_button_set_value (editor->impact_spin, 4);
  g_assert_false (aims_matrix_equal (aims_matrix_editor_get_draft (editor), f->original));
  g_assert_null (core_problem (editor));
  g_assert_false (apply_enabled (editor));
  assert_apply_does_nothing (editor, aims_document_get_store (document));
  g_assert_nonnull (strstr (shown_problem (editor), "read-only"));

  gtk_window_destroy (GTK_WINDOW (editor));
  stored = aims_store_dup_matrix (aims_document_get_store (document));
  g_assert_true (aims_matrix_equal (stored, f->original));
  aims_document_close (document);
}

static void
test_keyboard (Fixture       *f,
               gconstpointer  data)
{
  AimsMatrixEditor *editor = f->editor;
  GtkWidget *cell = aims_matrix_grid_get_cell (editor->grid, 2, 3);
  GtkWidget *critical;

  /* Every cell takes the focus and has a name */
  for (guint l = 1; l <= 5; l++)
    for (guint i = 1; i <= 5; i++)
      {
        GtkWidget *c = aims_matrix_grid_get_cell (editor->grid, l, i);

        g_assert_true (gtk_widget_get_focusable (c));
        g_assert_true (gtk_widget_get_can_focus (c));
        g_assert_nonnull (gtk_widget_get_tooltip_text (c));
      }
  /* The preview's cells do not: they would only be in the way */
  g_assert_false (gtk_widget_get_can_focus (GTK_WIDGET (editor->preview)));

  /* Enter on a cell opens its levels with the focus on its own */
  g_assert_true (gtk_widget_grab_focus (cell));
  g_assert_true (gtk_widget_activate (cell));
  WAIT_UNTIL (aims_matrix_grid_get_level_button (editor->grid, 4) != NULL);
  g_assert_true (gtk_widget_has_focus (aims_matrix_grid_get_level_button (editor->grid,
                                                                          aims_matrix_lookup (f->original, 2, 3))));
  gtk_test_accessible_assert_property (aims_matrix_grid_get_level_button (editor->grid, 4),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Critical");

  /* Enter on a level gives it, and the focus goes back to the cell */
  critical = aims_matrix_grid_get_level_button (editor->grid, 4);
  g_assert_true (gtk_widget_activate (critical));
  WAIT_UNTIL (aims_matrix_grid_get_level_button (editor->grid, 4) == NULL);
  g_assert_cmpint (aims_matrix_lookup (aims_matrix_editor_get_draft (editor), 2, 3), ==, 4);
  g_assert_true (gtk_widget_has_focus (cell));
  assert_cell_reads (editor, 2, 3, "Likelihood Unlikely, impact Moderate: Critical");

  /* Escape closes the editor, and changes nothing */
  gtk_widget_activate_action (GTK_WIDGET (editor), "window.close", NULL);
  WAIT_UNTIL (f->editor == NULL);
  g_assert_null (f->editor);
  {
    g_autoptr(AimsMatrix) stored = aims_store_dup_matrix (f->store);

    g_assert_true (aims_matrix_equal (stored, f->original));
  }
}

static void
test_screenshots (Fixture       *f,
                  gconstpointer  data)
{
  AimsMatrixEditor *editor = f->editor;
  AdwStyleManager *manager = adw_style_manager_get_default ();

  if (g_getenv ("AIMS_SCREENSHOT_DIR") == NULL)
    {
      g_test_skip ("AIMS_SCREENSHOT_DIR is not set");
      return;
    }

  /* As build-aux/screenshot.sh takes the window's: the GNOME font */
  g_object_set (gtk_settings_get_default (), "gtk-font-name", "Cantarell 11", NULL);
  gtk_window_set_default_size (GTK_WINDOW (editor), 760, 1460);
  gtk_spin_button_set_value (editor->impact_spin, 4);
  type_into (aims_matrix_steps_get_entry_row (editor->impact_steps, 3, "label"), "Serious");
  WAIT_UNTIL (gtk_widget_get_visible (editor->effect_group));
  aims_test_save_screenshot (GTK_WIDGET (editor), "matrix-editor-light.png");

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  WAIT_UNTIL (adw_style_manager_get_dark (manager));
  aims_test_save_screenshot (GTK_WIDGET (editor), "matrix-editor-dark.png");

  /* A cell's levels */
  g_signal_emit_by_name (aims_matrix_grid_get_cell (editor->grid, 3, 2), "clicked");
  WAIT_UNTIL (aims_matrix_grid_get_level_button (editor->grid, 0) != NULL);
  aims_test_save_screenshot (GTK_WIDGET (editor), "matrix-editor-popover-dark.png");
  g_signal_emit_by_name (aims_matrix_grid_get_level_button (editor->grid, 2), "clicked");

  /* A refused matrix */
  choose_level (editor, 1, 1, 2);
  aims_test_save_screenshot (GTK_WIDGET (editor), "matrix-editor-invalid-dark.png");
  choose_level (editor, 1, 1, 0);

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
  gtk_window_set_default_size (GTK_WINDOW (editor), 360, 700);
  aims_test_save_screenshot (GTK_WIDGET (editor), "matrix-editor-narrow.png");

  /* Everything at once, a level and a step open: needs a screen at least
   * 2000 pixels high */
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (gtk_widget_get_ancestor (
    GTK_WIDGET (aims_matrix_levels_get_name_row (editor->levels, 1)), ADW_TYPE_EXPANDER_ROW)), TRUE);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (gtk_widget_get_ancestor (
    GTK_WIDGET (aims_matrix_steps_get_entry_row (editor->likelihood_steps, 2, "label")),
    ADW_TYPE_EXPANDER_ROW)), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (editor), 760, 2400);
  aims_test_save_screenshot (GTK_WIDGET (editor), "matrix-editor-tall.png");
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
  /* The test backend keeps the accessible properties, for
   * gtk_test_accessible_assert_property() */
  g_setenv ("GTK_A11Y", "test", TRUE);

  g_test_init (&argc, &argv, NULL);
  aims_test_gtk_init_log ();

  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/ui/matrix-editor/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("opens-on-current", test_opens_on_current);
  ADD ("edit-label-and-cell", test_edit_label_and_cell);
  ADD ("invalid-reasons", test_invalid_reasons);
  ADD ("levels", test_levels);
  ADD ("resize-apply-undo", test_resize_apply_undo);
  ADD ("cancel", test_cancel);
  ADD ("start-from", test_start_from);
  ADD ("read-only", test_read_only);
  ADD ("keyboard", test_keyboard);
  /* A tool for people, not a check: only there when asked for. */
  if (g_getenv ("AIMS_SCREENSHOT_DIR") != NULL)
    ADD ("screenshots", test_screenshots);
#undef ADD

  app = aims_application_new ();
  aims_test_register_app (G_APPLICATION (app));
  ret = g_test_run ();
  g_clear_object (&app);

  return ret;
}
