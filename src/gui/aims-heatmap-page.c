/* aims-heatmap-page.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The Heatmap section: the project's risks on its matrix, filtered by AI
 * system, owner and objective, inherent, residual or both; exported to PNG,
 * SVG and PDF or printed with the same core drawing, and presented full
 * screen in a management review. Activating a cell shows its risks in the
 * register (the window listens to AimsHeatmapPage::show-cell).
 */

#define G_LOG_DOMAIN "aims-heatmap-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "aims-deferred-refresh.h"
#include "aims-error-dialog.h"
#include "aims-file-chooser.h"
#include "aims-heatmap-page.h"
#include "aims-presentation-window.h"

/* Risks listed in a cell's tooltip */
#define TOOLTIP_RISKS 5

struct _AimsHeatmapPage
{
  GtkWidget        parent_instance;

  /* Template widgets */
  GtkStack        *stack;
  GtkDropDown     *mode_dropdown;
  GtkDropDown     *system_dropdown;
  GtkDropDown     *owner_dropdown;
  GtkDropDown     *objective_dropdown;
  AimsHeatmapView *view;

  /* Owned references */
  AimsDocument    *document;
  GSignalGroup    *store_signals;
  GPtrArray       *system_uuids;    /* parallel to system_dropdown, [0] = NULL */
  GPtrArray       *owners;          /* parallel to owner_dropdown, [0] = NULL */

  /* Counting again: in an idle while shown, when shown again after changes */
  AimsDeferredRefresh refresh;
  guint            filling : 1;     /* the dropdowns are being refilled */
  guint            swap_axes : 1;
  guint            flip_likelihood : 1;
  guint            colour_blind : 1;
};

enum {
  PROP_0,
  PROP_SWAP_AXES,
  PROP_FLIP_LIKELIHOOD,
  PROP_COLOUR_BLIND,
  N_PROPS
};

enum {
  SHOW_CELL,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (AimsHeatmapPage, aims_heatmap_page, GTK_TYPE_WIDGET)

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static AimsStore *
get_store (AimsHeatmapPage *self)
{
  return self->document ? aims_document_get_store (self->document) : NULL;
}

static const AimsFieldInfo *
objectives_field (void)
{
  const AimsTableInfo *table = aims_schema_lookup_table ("risk");

  return table ? aims_table_info_lookup_field (table, "objectives") : NULL;
}

static AimsHeatmapMode
get_mode (AimsHeatmapPage *self)
{
  switch (gtk_drop_down_get_selected (self->mode_dropdown))
    {
    case 1: return AIMS_HEATMAP_RESIDUAL;
    case 2: return AIMS_HEATMAP_BOTH;
    default: return AIMS_HEATMAP_INHERENT;
    }
}

void
aims_heatmap_page_get_filter (AimsHeatmapPage *self,
                              AimsRiskFilter  *filter)
{
  const AimsFieldInfo *objectives = objectives_field ();
  guint system = gtk_drop_down_get_selected (self->system_dropdown);
  guint owner = gtk_drop_down_get_selected (self->owner_dropdown);
  guint objective = gtk_drop_down_get_selected (self->objective_dropdown);

  aims_risk_filter_init (filter);
  if (system != GTK_INVALID_LIST_POSITION && system < self->system_uuids->len)
    filter->system = g_ptr_array_index (self->system_uuids, system);
  if (owner != GTK_INVALID_LIST_POSITION && owner < self->owners->len)
    filter->owner = g_ptr_array_index (self->owners, owner);
  if (objectives != NULL && objective != GTK_INVALID_LIST_POSITION && objective > 0 &&
      objective <= objectives->n_choices)
    filter->objective = objectives->choice_list[objective - 1].id;
}

static void
build_options (AimsHeatmapPage    *self,
               AimsHeatmapOptions *options)
{
  aims_heatmap_options_init (options);
  options->mode = get_mode (self);
  options->palette = self->colour_blind ? AIMS_HEATMAP_PALETTE_COLOUR_BLIND
                                        : AIMS_HEATMAP_PALETTE_MATRIX;
  options->swap_axes = self->swap_axes;
  options->flip_likelihood = self->flip_likelihood;
  options->show_legend = TRUE;
}

/* The tooltip of a cell: its top risks, highest level first, under the
 * filters shown */
static char *
cell_tooltip_cb (guint    likelihood,
                 guint    impact,
                 gpointer user_data)
{
  AimsHeatmapPage *self = user_data;
  AimsStore *store = get_store (self);
  AimsHeatmapMode mode = get_mode (self);
  AimsRiskScore score = mode == AIMS_HEATMAP_INHERENT ? AIMS_RISK_INHERENT : AIMS_RISK_RESIDUAL;
  g_autoptr(AimsRecordList) list = NULL;
  g_autoptr(GString) text = NULL;
  AimsRiskFilter filter;
  guint n;

  if (store == NULL)
    return NULL;

  aims_heatmap_page_get_filter (self, &filter);
  list = aims_record_list_new (store, "risk");
  if (filter.system != NULL)
    aims_record_list_set_linked_to (list, "risk_system", filter.system);
  if (filter.owner != NULL)
    aims_record_list_set_filter (list, "owner", filter.owner);
  if (filter.objective != NULL)
    aims_record_list_set_filter (list, "objectives", filter.objective);
  aims_record_list_set_cell (list, score, likelihood, impact);
  aims_record_list_set_sort (list, score == AIMS_RISK_INHERENT ? "inherent_level" : "residual_level", TRUE);

  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  if (n == 0)
    return NULL;

  text = g_string_new (NULL);
  for (guint k = 0; k < MIN (n, TOOLTIP_RISKS); k++)
    {
      g_autoptr(AimsRecord) record = g_list_model_get_item (G_LIST_MODEL (list), k);
      g_autofree char *reference = aims_record_dup_text (record, "reference");
      g_autofree char *title = aims_record_dup_text (record, "title");

      g_string_append_printf (text, "%s%s  %s", k > 0 ? "\n" : "", reference, title);
    }
  if (n > TOOLTIP_RISKS)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "and %u more", "and %u more",
                                                 n - TOOLTIP_RISKS),
                              n - TOOLTIP_RISKS);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * aims_heatmap_page_refresh:
 *
 * Counts the risks again and redraws. Runs by itself after every change to
 * the project, once per main loop turn.
 */
void
aims_heatmap_page_refresh (AimsHeatmapPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AimsMatrix) matrix = NULL;
  g_autoptr(AimsHeatmapCounts) counts = NULL;
  AimsHeatmapOptions options;
  AimsRiskFilter filter;
  AimsStore *store;

  g_return_if_fail (AIMS_IS_HEATMAP_PAGE (self));

  aims_deferred_refresh_cancel (&self->refresh);

  store = get_store (self);
  if (store == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  matrix = aims_store_dup_matrix (store);
  aims_heatmap_page_get_filter (self, &filter);
  counts = aims_risks_count_cells (store, matrix, &filter, &error);
  if (counts == NULL)
    {
      g_warning ("Could not count the risks: %s", error->message);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  build_options (self, &options);
  aims_heatmap_view_set_options (self->view, &options);
  aims_heatmap_view_set_data (self->view, matrix, counts);

  /* The empty page only when the project has no risks at all: a filter
   * that matches none still shows the (empty) grid and its filters */
  gtk_stack_set_visible_child_name (self->stack,
                                    aims_store_count (store, "risk") > 0 ? "map" : "empty");
}

static void
queue_refresh (AimsHeatmapPage *self)
{
  if (!self->filling)
    aims_deferred_refresh_queue (&self->refresh);
}

static void
set_strings (GtkDropDown  *dropdown,
             const char   *all,
             GPtrArray    *labels)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);

  gtk_string_list_append (model, all);
  for (guint k = 0; labels != NULL && k < labels->len; k++)
    gtk_string_list_append (model, g_ptr_array_index (labels, k));
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (model));
}

/* The choices of the filters, from the project; keeps the chosen ones when
 * they still exist. */
static void
fill_filters (AimsHeatmapPage *self)
{
  AimsStore *store = get_store (self);
  const AimsFieldInfo *objectives = objectives_field ();
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) owner_labels = g_ptr_array_new ();
  g_autoptr(GPtrArray) objective_labels = g_ptr_array_new ();
  g_autofree char *system = NULL;
  g_autofree char *owner = NULL;
  guint selected;

  selected = gtk_drop_down_get_selected (self->system_dropdown);
  if (selected != GTK_INVALID_LIST_POSITION && selected < self->system_uuids->len)
    system = g_strdup (g_ptr_array_index (self->system_uuids, selected));
  selected = gtk_drop_down_get_selected (self->owner_dropdown);
  if (selected != GTK_INVALID_LIST_POSITION && selected < self->owners->len)
    owner = g_strdup (g_ptr_array_index (self->owners, selected));

  self->filling = TRUE;

  g_ptr_array_set_size (self->system_uuids, 0);
  g_ptr_array_add (self->system_uuids, NULL);
  g_ptr_array_set_size (self->owners, 0);
  g_ptr_array_add (self->owners, NULL);

  if (store != NULL)
    {
      g_autoptr(AimsRecordList) systems = aims_record_list_new (store, "ai_system");
      g_autoptr(AimsRecordList) risks = aims_record_list_new (store, "risk");
      g_autoptr(GPtrArray) owners = NULL;

      aims_record_list_set_sort (systems, "name", FALSE);
      for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (systems)); k++)
        {
          g_autoptr(AimsRecord) record = g_list_model_get_item (G_LIST_MODEL (systems), k);

          g_ptr_array_add (names, aims_record_dup_text (record, "name"));
          g_ptr_array_add (self->system_uuids, g_strdup (aims_record_get_uuid (record)));
        }

      owners = aims_record_list_dup_facet_values (risks, "owner");
      for (guint k = 0; owners != NULL && k < owners->len; k++)
        {
          const char *value = g_ptr_array_index (owners, k);

          if (value == NULL || *value == '\0')
            continue;
          g_ptr_array_add (self->owners, g_strdup (value));
          g_ptr_array_add (owner_labels, (gpointer) value);
        }

      set_strings (self->system_dropdown, _("All AI Systems"), names);
      set_strings (self->owner_dropdown, _("All Owners"), owner_labels);
    }
  else
    {
      set_strings (self->system_dropdown, _("All AI Systems"), NULL);
      set_strings (self->owner_dropdown, _("All Owners"), NULL);
    }

  for (guint k = 0; objectives != NULL && k < objectives->n_choices; k++)
    g_ptr_array_add (objective_labels, (gpointer) _(objectives->choice_list[k].label));
  /* The objectives are the catalog's: fill them once */
  if (gtk_drop_down_get_model (self->objective_dropdown) == NULL)
    set_strings (self->objective_dropdown, _("All Objectives"), objective_labels);

  gtk_drop_down_set_selected (self->system_dropdown, 0);
  for (guint k = 1; system != NULL && k < self->system_uuids->len; k++)
    if (g_strcmp0 (g_ptr_array_index (self->system_uuids, k), system) == 0)
      gtk_drop_down_set_selected (self->system_dropdown, k);
  gtk_drop_down_set_selected (self->owner_dropdown, 0);
  for (guint k = 1; owner != NULL && k < self->owners->len; k++)
    if (g_strcmp0 (g_ptr_array_index (self->owners, k), owner) == 0)
      gtk_drop_down_set_selected (self->owner_dropdown, k);

  self->filling = FALSE;
}

/* Edits anywhere in the project reach here: a hidden page only notes that
 * it is out of date, and catches up when it is shown, so editing elsewhere
 * never pays for counting risks or listing every AI system. */
static void
on_store_changed_cb (AimsHeatmapPage *self,
                     const char      *table,
                     const char      *uuid,
                     AimsStore       *store)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      aims_deferred_refresh_mark_stale (&self->refresh);
      return;
    }

  if (g_strcmp0 (table, "ai_system") == 0 || (g_strcmp0 (table, "risk") == 0 && uuid == NULL))
    fill_filters (self);
  queue_refresh (self);
}

/* Shown again after changes: the filters may have new systems and owners */
static void
refresh_deferred (GtkWidget *widget,
                  gboolean   shown_again)
{
  AimsHeatmapPage *self = AIMS_HEATMAP_PAGE (widget);

  if (shown_again)
    fill_filters (self);
  aims_heatmap_page_refresh (self);
}

static void
on_filter_changed_cb (AimsHeatmapPage *self)
{
  queue_refresh (self);
}

static void
on_cell_activated_cb (AimsHeatmapPage *self,
                      guint            likelihood,
                      guint            impact,
                      AimsHeatmapView *view)
{
  g_signal_emit (self, signals [SHOW_CELL], 0,
                 get_mode (self) == AIMS_HEATMAP_INHERENT ? AIMS_RISK_INHERENT : AIMS_RISK_RESIDUAL,
                 likelihood, impact);
}

static GtkWindow *
get_window (AimsHeatmapPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/**
 * aims_heatmap_page_export:
 * @file: where to write; the format follows its extension (.png, .svg, .pdf)
 *
 * Writes the heatmap as shown (mode, filters, palette, axes) at
 * presentation quality, in the light style whatever the screen's, with
 * the same core drawing as `aims heatmap`.
 */
gboolean
aims_heatmap_page_export (AimsHeatmapPage  *self,
                          GFile            *file,
                          GError          **error)
{
  g_autofree char *path = NULL;
  AimsHeatmapOptions options;
  AimsMatrix *matrix = aims_heatmap_view_get_matrix (self->view);

  g_return_val_if_fail (AIMS_IS_HEATMAP_PAGE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (matrix == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                           _("There is no heatmap to export: no project is open"));
      return FALSE;
    }

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("Heatmaps can only be exported to a local folder"));
      return FALSE;
    }

  options = *aims_heatmap_view_get_options (self->view);
  options.focus_likelihood = options.focus_impact = 0;
  return aims_heatmap_write_file (path, 1200, 900, matrix, aims_heatmap_view_get_counts (self->view),
                                  &options, error);
}

static void
on_export_chosen_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(AimsHeatmapPage) self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  file = aims_file_chooser_finish (result, &error);
  if (file == NULL)
    return;

  if (!aims_heatmap_page_export (self, file, &error))
    aims_show_error_dialog (GTK_WIDGET (self), _("Could Not Export the Heatmap"), error);
}

static void
heatmap_export_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  AimsHeatmapPage *self = AIMS_HEATMAP_PAGE (widget);
  const char *format = g_variant_get_string (param, NULL);
  g_autofree char *name = NULL;

  /* Translators: the file name offered for an exported heatmap; %s is
   * "png", "svg" or "pdf" */
  name = g_strdup_printf (_("Risk heatmap.%s"), format);
  aims_file_chooser_save_export_async (get_window (self), _("Export Heatmap"), NULL, name, format,
                                       on_export_chosen_cb, g_object_ref (self));
}

static void
on_draw_page_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page_nr,
                 AimsHeatmapPage   *self)
{
  AimsHeatmapOptions options = *aims_heatmap_view_get_options (self->view);

  options.focus_likelihood = options.focus_impact = 0;
  aims_heatmap_draw (gtk_print_context_get_cairo_context (context),
                     gtk_print_context_get_width (context),
                     gtk_print_context_get_height (context),
                     aims_heatmap_view_get_matrix (self->view),
                     aims_heatmap_view_get_counts (self->view),
                     &options, aims_render_style_default ());
}

static void
heatmap_print_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  AimsHeatmapPage *self = AIMS_HEATMAP_PAGE (widget);
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GError) error = NULL;

  if (aims_heatmap_view_get_matrix (self->view) == NULL)
    return;

  /* A heatmap is wider than tall */
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_n_pages (operation, 1);
  gtk_print_operation_set_job_name (operation, _("Risk heatmap"));
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page_cb), self);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               get_window (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    aims_show_error_dialog (GTK_WIDGET (self), _("Could Not Print the Heatmap"), error);
}

static void
heatmap_present_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  AimsHeatmapPage *self = AIMS_HEATMAP_PAGE (widget);
  GtkWidget *window;

  if (aims_heatmap_view_get_matrix (self->view) == NULL)
    return;

  window = aims_presentation_window_new (get_window (self),
                                         aims_heatmap_view_get_matrix (self->view),
                                         aims_heatmap_view_get_counts (self->view),
                                         aims_heatmap_view_get_options (self->view));
  gtk_window_present (GTK_WINDOW (window));
}

static void
aims_heatmap_page_dispose (GObject *object)
{
  AimsHeatmapPage *self = AIMS_HEATMAP_PAGE (object);

  aims_deferred_refresh_clear (&self->refresh);
  gtk_widget_dispose_template (GTK_WIDGET (self), AIMS_TYPE_HEATMAP_PAGE);
  g_clear_object (&self->store_signals);
  g_clear_object (&self->document);
  g_clear_pointer (&self->system_uuids, g_ptr_array_unref);
  g_clear_pointer (&self->owners, g_ptr_array_unref);

  G_OBJECT_CLASS (aims_heatmap_page_parent_class)->dispose (object);
}

static void
aims_heatmap_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AimsHeatmapPage *self = AIMS_HEATMAP_PAGE (object);

  switch (prop_id)
    {
    case PROP_SWAP_AXES:
      g_value_set_boolean (value, self->swap_axes);
      break;

    case PROP_FLIP_LIKELIHOOD:
      g_value_set_boolean (value, self->flip_likelihood);
      break;

    case PROP_COLOUR_BLIND:
      g_value_set_boolean (value, self->colour_blind);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aims_heatmap_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  AimsHeatmapPage *self = AIMS_HEATMAP_PAGE (object);
  gboolean flag = g_value_get_boolean (value);

  switch (prop_id)
    {
    case PROP_SWAP_AXES:
      if (self->swap_axes == flag)
        return;
      self->swap_axes = flag;
      break;

    case PROP_FLIP_LIKELIHOOD:
      if (self->flip_likelihood == flag)
        return;
      self->flip_likelihood = flag;
      break;

    case PROP_COLOUR_BLIND:
      if (self->colour_blind == flag)
        return;
      self->colour_blind = flag;
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  g_object_notify_by_pspec (object, pspec);
  queue_refresh (self);
}

static void
aims_heatmap_page_class_init (AimsHeatmapPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aims_heatmap_page_dispose;
  object_class->get_property = aims_heatmap_page_get_property;
  object_class->set_property = aims_heatmap_page_set_property;


  properties [PROP_SWAP_AXES] =
    g_param_spec_boolean ("swap-axes", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_FLIP_LIKELIHOOD] =
    g_param_spec_boolean ("flip-likelihood", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_COLOUR_BLIND] =
    g_param_spec_boolean ("colour-blind", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AimsHeatmapPage::show-cell:
   * @score: an #AimsRiskScore: inherent, or residual
   * @likelihood: the cell's likelihood step
   * @impact: the cell's impact step
   *
   * The person asked to see the risks of a cell in the register.
   */
  signals [SHOW_CELL] =
    g_signal_new ("show-cell",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_INT, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/aims-heatmap-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AimsHeatmapPage, stack);
  gtk_widget_class_bind_template_child (widget_class, AimsHeatmapPage, mode_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AimsHeatmapPage, system_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AimsHeatmapPage, owner_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AimsHeatmapPage, objective_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AimsHeatmapPage, view);
  gtk_widget_class_bind_template_callback (widget_class, on_cell_activated_cb);

  gtk_widget_class_install_property_action (widget_class, "heatmap.swap-axes", "swap-axes");
  gtk_widget_class_install_property_action (widget_class, "heatmap.flip-likelihood", "flip-likelihood");
  gtk_widget_class_install_property_action (widget_class, "heatmap.colour-blind", "colour-blind");
  gtk_widget_class_install_action (widget_class, "heatmap.export", "s", heatmap_export_action);
  gtk_widget_class_install_action (widget_class, "heatmap.print", NULL, heatmap_print_action);
  gtk_widget_class_install_action (widget_class, "heatmap.present", NULL, heatmap_present_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "heatmap.present", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "heatmap.print", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "heatmappage");
}

static void
aims_heatmap_page_init (AimsHeatmapPage *self)
{
  g_type_ensure (AIMS_TYPE_HEATMAP_VIEW);
  gtk_widget_init_template (GTK_WIDGET (self));

  aims_deferred_refresh_init (&self->refresh, GTK_WIDGET (self), G_PRIORITY_DEFAULT_IDLE,
                              refresh_deferred);
  self->system_uuids = g_ptr_array_new_with_free_func (g_free);
  self->owners = g_ptr_array_new_with_free_func (g_free);
  self->store_signals = g_signal_group_new (AIMS_TYPE_STORE);
  g_signal_group_connect_object (self->store_signals, "changed",
                                 G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);

  aims_heatmap_view_set_tooltip_func (self->view, cell_tooltip_cb, self);
  fill_filters (self);
  g_signal_connect_object (self->mode_dropdown, "notify::selected",
                           G_CALLBACK (on_filter_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->system_dropdown, "notify::selected",
                           G_CALLBACK (on_filter_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->owner_dropdown, "notify::selected",
                           G_CALLBACK (on_filter_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->objective_dropdown, "notify::selected",
                           G_CALLBACK (on_filter_changed_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
aims_heatmap_page_new (void)
{
  return g_object_new (AIMS_TYPE_HEATMAP_PAGE, NULL);
}

void
aims_heatmap_page_set_document (AimsHeatmapPage *self,
                                AimsDocument    *document)
{
  g_return_if_fail (AIMS_IS_HEATMAP_PAGE (self));
  g_return_if_fail (!document || AIMS_IS_DOCUMENT (document));

  if (!g_set_object (&self->document, document))
    return;

  g_signal_group_set_target (self->store_signals, get_store (self));
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      fill_filters (self);
      aims_heatmap_page_refresh (self);
    }
  else
    aims_deferred_refresh_mark_stale (&self->refresh);
}

AimsHeatmapView *
aims_heatmap_page_get_view (AimsHeatmapPage *self)
{
  g_return_val_if_fail (AIMS_IS_HEATMAP_PAGE (self), NULL);

  return self->view;
}
