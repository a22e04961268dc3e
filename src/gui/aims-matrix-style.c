/* aims-matrix-style.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the parts of the matrix editor share: the level colours on widgets,
 * with text that stays readable on them in the light and dark styles alike,
 * and the names of steps and levels that have none yet. */

#define G_LOG_DOMAIN "aims-matrix-editor"

#include "config.h"

#include "aims-matrix-private.h"

#include <glib/gi18n.h>
#include <math.h>

static double
channel (guint value)
{
  double c = value / 255.0;

  return c <= 0.03928 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

/* Black or white, whichever contrasts more with @fill (WCAG relative
 * luminance; the two are equal at about 0.179), as the heatmap's drawing
 * chooses the text on its cells. */
static const char *
text_colour_on (const char *fill)
{
  GdkRGBA rgba;
  double luminance;

  if (!gdk_rgba_parse (&rgba, fill))
    return "#000000";

  luminance = 0.2126 * channel ((guint) lround (rgba.red * 255)) +
              0.7152 * channel ((guint) lround (rgba.green * 255)) +
              0.0722 * channel ((guint) lround (rgba.blue * 255));

  return luminance > 0.179 ? "#000000" : "#ffffff";
}

/*
 * _aims_matrix_paint_widget:
 * @widget: a button, swatch or label
 * @fill: "#rrggbb"
 *
 * Gives @widget the background @fill, whatever its state (hover included),
 * and the text colour that reads best on it. The style applies to @widget
 * alone; its children inherit the text colour.
 */
void
_aims_matrix_paint_widget (GtkWidget  *widget,
                           const char *fill)
{
  GtkCssProvider *provider = g_object_get_data (G_OBJECT (widget), "aims-matrix-provider");
  g_autofree char *css = NULL;
  GdkRGBA rgba;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (fill == NULL || !gdk_rgba_parse (&rgba, fill))
    fill = "#999999";

  if (provider == NULL)
    {
      provider = gtk_css_provider_new ();
      /* A provider of the widget's own applies to that widget only */
      gtk_style_context_add_provider (gtk_widget_get_style_context (widget),
                                      GTK_STYLE_PROVIDER (provider),
                                      GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      g_object_set_data_full (G_OBJECT (widget), "aims-matrix-provider", provider,
                              g_object_unref);
    }

  css = g_strdup_printf ("* { background-color: %s; background-image: none; color: %s; }",
                         fill, text_colour_on (fill));
  /* Every keystroke elsewhere in the editor refreshes the cells: restyle
   * only those whose colour changed */
  if (g_strcmp0 (g_object_get_data (G_OBJECT (widget), "aims-matrix-css"), css) == 0)
    return;

  gtk_css_provider_load_from_data (provider, css, -1);
  g_object_set_data_full (G_OBJECT (widget), "aims-matrix-css", g_steal_pointer (&css), g_free);
}

/* A step's label, or "Step 3" while it has none */
char *
_aims_matrix_dup_step_name (AimsMatrix     *matrix,
                            AimsMatrixAxis  axis,
                            guint           value)
{
  const char *label = aims_matrix_get_step_label (matrix, axis, value);
  g_autofree char *stripped = g_strstrip (g_strdup (label != NULL ? label : ""));

  if (*stripped == '\0')
    return g_strdup_printf (_("Step %u"), value);

  return g_steal_pointer (&stripped);
}

/* A level's name, "Level 2" while it has none, or "No level" for -1 */
char *
_aims_matrix_dup_level_name (AimsMatrix *matrix,
                             int         level)
{
  const char *name;
  g_autofree char *stripped = NULL;

  if (level < 0 || (guint) level >= aims_matrix_get_n_levels (matrix))
    return g_strdup (_("No level"));

  name = aims_matrix_get_level_name (matrix, level);
  stripped = g_strstrip (g_strdup (name != NULL ? name : ""));
  if (*stripped == '\0')
    return g_strdup_printf (_("Level %u"), level + 1);

  return g_steal_pointer (&stripped);
}
