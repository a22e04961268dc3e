/* aims-window-reviews.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The window's part of issue 8's figures and reviews: "Export Review
 * Pack…" in the main menu (the latest review, or without one the figures
 * of today), and win.show-figure, which the Overview's figures activate to
 * open the list behind each one. */

#define G_LOG_DOMAIN "aims-window"

#include "config.h"

#include "aims-record-browser.h"
#include "aims-review-export.h"
#include "aims-review-page.h"
#include "aims-window-private.h"

#include <glib/gi18n.h>

static void
export_review_pack_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  AimsWindow *self = AIMS_WINDOW (widget);
  g_autofree char *review = NULL;
  AimsStore *store;

  if (self->document == NULL)
    return;

  _aims_window_flush_edits (self);
  store = aims_document_get_store (self->document);
  review = aims_review_dup_latest (store);
  aims_review_export_pack (widget, store, review);
}

/* The section, and the filter, behind each figure of the Overview */
static void
show_figure_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  AimsWindow *self = AIMS_WINDOW (widget);
  const char *figure = g_variant_get_string (param, NULL);
  static const struct { const char *figure, *section, *risk_filter; } targets[] = {
    { "coverage", "systems", NULL },
    { "treatment", "pdca", NULL },
    { "above-tolerance", "risks", "above-tolerance" },
    { "soa", "controls", NULL },
    { "clauses", "pdca", NULL },
    { "nonconformities", "audits", NULL },
    { "incidents", "incidents", NULL },
    { "overdue", "risks", "overdue-review" },
    { "reviews", "reviews", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      if (!g_str_equal (targets[i].figure, figure))
        continue;

      aims_window_show_section (self, targets[i].section);
      if (targets[i].risk_filter != NULL && self->risks_page != NULL)
        aims_record_browser_show_risk_filter (AIMS_RECORD_BROWSER (self->risks_page),
                                              targets[i].risk_filter);
      return;
    }

  g_warning ("No list behind the figure “%s”", figure);
}

void
_aims_window_class_init_reviews (GtkWidgetClass *widget_class)
{
  g_type_ensure (AIMS_TYPE_REVIEW_PAGE);

  gtk_widget_class_install_action (widget_class, "win.export-review-pack", NULL,
                                   export_review_pack_action);
  gtk_widget_class_install_action (widget_class, "win.show-figure", "s", show_figure_action);
}

void
_aims_window_update_review_actions (AimsWindow *self)
{
  gboolean have = self->document != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-review-pack", have);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-figure", have);
}
