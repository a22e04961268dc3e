/* aims-cell-text.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* One line of text in a list cell, ellipsized at its end: what a
 * GtkInscription shows, for a fraction of what it costs to measure.
 *
 * A column view measures every cell of a column again whenever one of its
 * cells comes or goes, and sets up some 200 rows whatever its height. A
 * GtkInscription asks Pango for the font's metrics on each measure, and
 * Pango answers by loading the fontset and shaping a sample sentence: that
 * was most of the time a register took to show a new search, order or page
 * of rows. The size asked for here is the inscription's (so the lists look
 * as before): so many average characters wide and one line high, from
 * metrics read once per font and kept for every cell that uses that font.
 * The text itself is only laid out to be drawn.
 *
 * Its colour and shadow are the CSS ones (gtk_snapshot_render_layout()),
 * so dark style and a selected row's colours apply as they do to labels,
 * and its accessible name is its text, as assistive technologies and the
 * end-to-end tests read it. */

#define G_LOG_DOMAIN "aims-cell-text"

#include "config.h"

#include "aims-cell-text.h"

#include <pango/pangocairo.h>

struct _AimsCellText
{
  GtkWidget    parent_instance;

  char        *text;
  PangoLayout *layout;      /* made when first drawn */
  float        xalign;
  guint        min_chars;
  guint        nat_chars;
};

G_DEFINE_FINAL_TYPE (AimsCellText, aims_cell_text, GTK_TYPE_WIDGET)

/* Font figures, per font: what measuring needs, read once */

typedef struct
{
  PangoFontDescription *description;
  PangoFontMap         *font_map;
  PangoLanguage        *language;
  double                resolution;
  gulong                options_hash;
} FontKey;

typedef struct
{
  FontKey key;
  int     ascent;      /* Pango units */
  int     descent;
  int     char_width;  /* the wider of an average character and digit */
} FontFigures;

static GHashTable *font_figures; /* FontKey → FontFigures, never emptied: a few fonts */

static guint
font_key_hash (gconstpointer data)
{
  const FontKey *key = data;

  return pango_font_description_hash (key->description) ^ g_direct_hash (key->font_map) ^
         g_direct_hash (key->language) ^ (guint) (key->resolution * 64) ^ (guint) key->options_hash;
}

static gboolean
font_key_equal (gconstpointer a,
                gconstpointer b)
{
  const FontKey *x = a, *y = b;

  return x->font_map == y->font_map && x->language == y->language &&
         x->resolution == y->resolution && x->options_hash == y->options_hash &&
         pango_font_description_equal (x->description, y->description);
}

static const FontFigures *
get_font_figures (AimsCellText *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  const cairo_font_options_t *options = pango_cairo_context_get_font_options (context);
  FontKey key = {
    pango_context_get_font_description (context),
    pango_context_get_font_map (context),
    pango_context_get_language (context),
    pango_cairo_context_get_resolution (context),
    options != NULL ? cairo_font_options_hash (options) : 0,
  };
  FontFigures *figures;
  PangoFontMetrics *metrics;

  if (font_figures == NULL)
    font_figures = g_hash_table_new (font_key_hash, font_key_equal);
  else if ((figures = g_hash_table_lookup (font_figures, &key)) != NULL)
    return figures;

  metrics = pango_context_get_metrics (context, NULL, NULL);
  figures = g_new0 (FontFigures, 1);
  figures->key = key;
  figures->key.description = pango_font_description_copy (key.description);
  /* Held, so that no later font map can take its address */
  figures->key.font_map = key.font_map != NULL ? g_object_ref (key.font_map) : NULL;
  figures->ascent = pango_font_metrics_get_ascent (metrics);
  figures->descent = pango_font_metrics_get_descent (metrics);
  figures->char_width = MAX (pango_font_metrics_get_approximate_char_width (metrics),
                             pango_font_metrics_get_approximate_digit_width (metrics));
  pango_font_metrics_unref (metrics);
  g_hash_table_add (font_figures, figures);

  return figures;
}

/* The layout */

static void
update_alignment (AimsCellText *self)
{
  float xalign = self->xalign;
  PangoAlignment alignment;

  if (self->layout == NULL)
    return;

  if (gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL)
    xalign = 1.0f - xalign;

  if (xalign < 0.33f)
    alignment = PANGO_ALIGN_LEFT;
  else if (xalign < 0.67f)
    alignment = PANGO_ALIGN_CENTER;
  else
    alignment = PANGO_ALIGN_RIGHT;

  pango_layout_set_alignment (self->layout, alignment);
}

/* The layout at the cell's size, made on first use */
static PangoLayout *
ensure_layout (AimsCellText *self)
{
  GtkWidget *widget = GTK_WIDGET (self);

  if (self->layout == NULL)
    {
      self->layout = gtk_widget_create_pango_layout (widget, self->text);
      pango_layout_set_wrap (self->layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_END);
      update_alignment (self);
    }

  /* Both are no-ops when unchanged */
  pango_layout_set_width (self->layout, gtk_widget_get_width (widget) * PANGO_SCALE);
  pango_layout_set_height (self->layout, gtk_widget_get_height (widget) * PANGO_SCALE);

  return self->layout;
}

/* GtkWidget */

static void
aims_cell_text_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  AimsCellText *self = AIMS_CELL_TEXT (widget);
  const FontFigures *figures = get_font_figures (self);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = PANGO_PIXELS_CEIL (self->min_chars * figures->char_width);
      *natural = PANGO_PIXELS_CEIL (MAX (self->min_chars, self->nat_chars) * figures->char_width);
    }
  else
    {
      *minimum = *natural = PANGO_PIXELS_CEIL (figures->ascent + figures->descent);
      *minimum_baseline = *natural_baseline = PANGO_PIXELS_CEIL (figures->ascent);
    }
}

static void
aims_cell_text_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  AimsCellText *self = AIMS_CELL_TEXT (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int baseline = gtk_widget_get_allocated_baseline (widget);
  PangoLayout *layout;
  PangoRectangle logical;
  float y = 0.f;

  if (self->text == NULL || self->text[0] == '\0' || width <= 0 || height <= 0)
    return;

  layout = ensure_layout (self);

  /* As a GtkInscription places its text: on the row's baseline, or at the
   * top once ellipsized, or else centred */
  if (baseline != -1)
    y = baseline - pango_layout_get_baseline (layout) / PANGO_SCALE;
  else if (!pango_layout_is_ellipsized (layout))
    {
      pango_layout_get_pixel_extents (layout, NULL, &logical);
      y = MAX (0.f, floorf ((height - logical.height) * 0.5f));
    }

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gtk_snapshot_render_layout (snapshot, gtk_widget_get_style_context (widget), 0, y, layout);
  gtk_snapshot_pop (snapshot);
}

static void
aims_cell_text_direction_changed (GtkWidget        *widget,
                                  GtkTextDirection  previous)
{
  update_alignment (AIMS_CELL_TEXT (widget));
  GTK_WIDGET_CLASS (aims_cell_text_parent_class)->direction_changed (widget, previous);
}

/* GObject */

static void
aims_cell_text_dispose (GObject *object)
{
  AimsCellText *self = AIMS_CELL_TEXT (object);

  g_clear_object (&self->layout);

  G_OBJECT_CLASS (aims_cell_text_parent_class)->dispose (object);
}

static void
aims_cell_text_finalize (GObject *object)
{
  AimsCellText *self = AIMS_CELL_TEXT (object);

  g_free (self->text);

  G_OBJECT_CLASS (aims_cell_text_parent_class)->finalize (object);
}

static void
aims_cell_text_class_init (AimsCellTextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aims_cell_text_dispose;
  object_class->finalize = aims_cell_text_finalize;

  widget_class->measure = aims_cell_text_measure;
  widget_class->snapshot = aims_cell_text_snapshot;
  widget_class->direction_changed = aims_cell_text_direction_changed;

  /* Styled as the labels it stands for */
  gtk_widget_class_set_css_name (widget_class, "label");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
aims_cell_text_init (AimsCellText *self)
{
  self->min_chars = 3;
}

/**
 * aims_cell_text_new:
 *
 * Returns: (transfer floating): an empty cell, left-aligned, three
 *   characters wide at least
 */
GtkWidget *
aims_cell_text_new (void)
{
  return g_object_new (AIMS_TYPE_CELL_TEXT, NULL);
}

const char *
aims_cell_text_get_text (AimsCellText *self)
{
  g_return_val_if_fail (AIMS_IS_CELL_TEXT (self), NULL);

  return self->text != NULL ? self->text : "";
}

/**
 * aims_cell_text_set_text:
 * @self: a cell
 * @text: (nullable): what it shows, on one line
 *
 * Sets the text, which is also the cell's accessible name. The size the
 * cell asks for does not depend on it: only a redraw follows.
 */
void
aims_cell_text_set_text (AimsCellText *self,
                         const char   *text)
{
  g_return_if_fail (AIMS_IS_CELL_TEXT (self));

  if (text == NULL)
    text = "";
  if (g_strcmp0 (self->text, text) == 0)
    return;

  g_free (self->text);
  self->text = g_strdup (text);
  if (self->layout != NULL)
    pango_layout_set_text (self->layout, text, -1);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * aims_cell_text_set_xalign:
 * @self: a cell
 * @xalign: 0 for the start, 0.5 the middle, 1 the end
 *
 * Where the text sits when it is shorter than the cell (mirrored for
 * right-to-left languages).
 */
void
aims_cell_text_set_xalign (AimsCellText *self,
                           float         xalign)
{
  g_return_if_fail (AIMS_IS_CELL_TEXT (self));

  self->xalign = CLAMP (xalign, 0.0f, 1.0f);
  update_alignment (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * aims_cell_text_set_chars:
 * @self: a cell
 * @min_chars: the width it needs, in average characters
 * @nat_chars: the width it would like
 *
 * The width the cell asks for, whatever its text, as GtkInscription's
 * min-chars and nat-chars.
 */
void
aims_cell_text_set_chars (AimsCellText *self,
                          guint         min_chars,
                          guint         nat_chars)
{
  g_return_if_fail (AIMS_IS_CELL_TEXT (self));

  if (self->min_chars == min_chars && self->nat_chars == nat_chars)
    return;

  self->min_chars = min_chars;
  self->nat_chars = nat_chars;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/**
 * aims_cell_text_is_ellipsized:
 * @self: a cell
 *
 * Returns: whether the text is cut short, with an ellipsis, at the cell's
 *   present size
 */
gboolean
aims_cell_text_is_ellipsized (AimsCellText *self)
{
  g_return_val_if_fail (AIMS_IS_CELL_TEXT (self), FALSE);

  if (self->text == NULL || gtk_widget_get_width (GTK_WIDGET (self)) <= 0)
    return FALSE;

  return pango_layout_is_ellipsized (ensure_layout (self));
}
