/* aims-overview-figures.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Overview's dashboard: one tile per figure of DOMAIN.md, computed by
 * aims_kpi_compute() as the review pack and `aims kpi` compute them. Each
 * tile is a button that opens the list behind its figure (win.show-figure):
 * the risks above tolerance in the register with that filter, the SoA, the
 * incidents, and so on. Incidents count from the day after the latest
 * review, as the pack of the day does. */

#define G_LOG_DOMAIN "aims-overview"

#include "config.h"

#include "aims-overview-figures.h"

#include <glib/gi18n.h>

typedef struct
{
  const char *id;
  char       *title;
  char       *value;
  char       *detail;
  gboolean    warning;
} Figure;

static char *
percent (guint done,
         guint total)
{
  if (total == 0)
    return g_strdup ("—");

  return g_strdup_printf ("%.0f %%", 100.0 * done / total);
}

static GtkWidget *
find_tile (GtkFlowBox *box,
           const char *id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *tile = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));

      if (tile != NULL && g_strcmp0 (gtk_widget_get_name (tile), id) == 0)
        return tile;
    }

  return NULL;
}

static GtkWidget *
create_tile (GtkFlowBox *box,
             const char *id)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *vbox = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *value = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (value), 0);
  gtk_widget_add_css_class (value, "title-1");
  gtk_widget_add_css_class (value, "numeric");
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_wrap (GTK_LABEL (detail), TRUE);
  gtk_label_set_lines (GTK_LABEL (detail), 3);
  gtk_label_set_width_chars (GTK_LABEL (detail), 18);
  gtk_label_set_max_width_chars (GTK_LABEL (detail), 28);
  gtk_widget_add_css_class (detail, "caption");
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_box_append (GTK_BOX (vbox), title);
  gtk_box_append (GTK_BOX (vbox), value);
  gtk_box_append (GTK_BOX (vbox), detail);
  gtk_widget_set_margin_top (vbox, 6);
  gtk_widget_set_margin_bottom (vbox, 6);
  gtk_widget_set_margin_start (vbox, 6);
  gtk_widget_set_margin_end (vbox, 6);

  gtk_button_set_child (GTK_BUTTON (button), vbox);
  gtk_widget_add_css_class (button, "card");
  gtk_widget_set_name (button, id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-figure");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", id);
  g_object_set_data (G_OBJECT (button), "title", title);
  g_object_set_data (G_OBJECT (button), "value", value);
  g_object_set_data (G_OBJECT (button), "detail", detail);

  gtk_flow_box_append (box, button);

  return button;
}

static void
set_tile (GtkFlowBox   *box,
          const Figure *figure)
{
  GtkWidget *tile = find_tile (box, figure->id);
  g_autofree char *label = NULL;

  if (tile == NULL)
    tile = create_tile (box, figure->id);

  gtk_label_set_text (g_object_get_data (G_OBJECT (tile), "title"), figure->title);
  gtk_label_set_text (g_object_get_data (G_OBJECT (tile), "value"), figure->value);
  gtk_label_set_text (g_object_get_data (G_OBJECT (tile), "detail"), figure->detail);
  if (figure->warning)
    gtk_widget_add_css_class (g_object_get_data (G_OBJECT (tile), "value"), "warning");
  else
    gtk_widget_remove_css_class (g_object_get_data (G_OBJECT (tile), "value"), "warning");

  /* Translators: the accessible name of a figure's tile on the Overview:
   * Risks above tolerance: 15. Open risks whose … */
  label = g_strdup_printf (_("%s: %s. %s"), figure->title, figure->value, figure->detail);
  gtk_accessible_update_property (GTK_ACCESSIBLE (tile), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_tooltip_text (tile, _("Open the list behind this figure"));
}

/**
 * aims_overview_figures_update:
 * @box: the Overview's flow box of figures
 * @store: the project
 *
 * Computes the figures for today and shows them, one tile each.
 */
void
aims_overview_figures_update (GtkFlowBox *box,
                              AimsStore  *store)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *since = NULL;
  g_autofree char *mttd = NULL;
  g_autofree char *mttr = NULL;
  g_autoptr(AimsKpi) kpi = NULL;
  g_autoptr(GError) error = NULL;
  guint overdue;

  g_return_if_fail (GTK_IS_FLOW_BOX (box));
  g_return_if_fail (AIMS_IS_STORE (store));

  since = aims_review_dup_period_start (store, today, NULL);
  kpi = aims_kpi_compute (store, today, since, NULL, &error);
  if (kpi == NULL)
    {
      g_warning ("The figures could not be computed: %s", error->message);
      return;
    }

  mttd = aims_kpi_format_duration (kpi->mttd_minutes);
  mttr = aims_kpi_format_duration (kpi->mttr_minutes);
  overdue = kpi->n_systems_overdue + kpi->n_risks_overdue + kpi->n_assessments_overdue;

  {
    Figure figures[] = {
      { "coverage", g_strdup (_("Risk Assessment Coverage")),
        percent (kpi->n_covered, kpi->n_in_scope),
        g_strdup_printf (_("%u of %u in-scope AI systems assessed"), kpi->n_covered,
                         kpi->n_in_scope), FALSE },
      { "treatment", g_strdup (_("Treatment Implementation")),
        percent (kpi->n_treatment_done, kpi->n_treatment_actions),
        g_strdup_printf (_("%u of %u treatment actions done"), kpi->n_treatment_done,
                         kpi->n_treatment_actions), FALSE },
      { "above-tolerance", g_strdup (_("Risks Above Tolerance")),
        g_strdup_printf ("%u", kpi->n_above_tolerance),
        g_strdup (_("Open risks above the tolerance level")), kpi->n_above_tolerance > 0 },
      { "soa", g_strdup (_("SoA Implementation")),
        percent (kpi->n_implemented_controls, kpi->n_applicable_controls),
        g_strdup_printf (_("%u of %u applicable controls implemented"),
                         kpi->n_implemented_controls, kpi->n_applicable_controls), FALSE },
      { "clauses", g_strdup (_("Clause Readiness")),
        percent (kpi->n_requirements_done, kpi->n_requirements),
        g_strdup_printf (_("%u of %u clause requirements done"), kpi->n_requirements_done,
                         kpi->n_requirements), FALSE },
      { "nonconformities", g_strdup (_("Open Nonconformities")),
        g_strdup_printf ("%u", kpi->n_open_nonconformities),
        g_strdup_printf (_("%u major, %u minor; overdue corrective actions: %u"),
                         kpi->open_nonconformities[AIMS_KPI_NC_MAJOR],
                         kpi->open_nonconformities[AIMS_KPI_NC_MINOR],
                         kpi->n_corrective_overdue),
        kpi->n_open_nonconformities > 0 || kpi->n_corrective_overdue > 0 },
      { "incidents", g_strdup (_("Incidents")), g_strdup_printf ("%u", kpi->n_incidents),
        kpi->n_incidents == 0 ? g_strdup (_("None since the last review"))
        : g_strdup_printf (_("Detected in %s, resolved in %s on average"),
                           kpi->n_mttd > 0 ? mttd : "—", kpi->n_mttr > 0 ? mttr : "—"),
        kpi->incidents[AIMS_KPI_INCIDENT_CRITICAL] > 0 },
      { "overdue", g_strdup (_("Overdue Reviews")), g_strdup_printf ("%u", overdue),
        /* Labels before the numbers: one sentence cannot pluralise three counts */
        g_strdup_printf (_("AI systems: %u, risks: %u, impact assessments: %u"),
                         kpi->n_systems_overdue, kpi->n_risks_overdue,
                         kpi->n_assessments_overdue), overdue > 0 },
    };

    for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
      {
        set_tile (box, &figures[i]);
        g_free (figures[i].title);
        g_free (figures[i].value);
        g_free (figures[i].detail);
      }
  }
}
