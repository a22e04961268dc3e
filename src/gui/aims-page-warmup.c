/* aims-page-warmup.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Drawing once, offscreen, the text of a hidden page, so that the frame
 * that first shows it finds its glyphs ready.
 *
 * The first time a process draws a glyph, FreeType loads and hints it
 * (TrueType bytecode), cairo keeps the image in the font's glyph cache and
 * pixman in its own; the first text in a font also loads the font and
 * readies HarfBuzz for it. Later frames only look these up. Styles and
 * sizes worked out ahead (aims-page-prepare.c) leave all of this to the
 * first frame that shows the page.
 *
 * So, for the leaf widgets that only draw text (labels, list cells), this
 * has the widget draw itself into a snapshot, as its frame will, and
 * paints what it drew into an image surface that is then thrown away. The
 * widget keeps what drawing made (its layout); the fonts keep their
 * glyphs. Only what GTK would draw the same way is drawn: the widget's own
 * snapshot at its own size, never its children (a container draws only
 * mapped children, and the page is not mapped).
 *
 * Icons are not drawn ahead: in GTK 4.8 an image drops its icon whenever
 * its style is worked out again, which the frame that shows the page does
 * for all of it, and asks the icon theme again with GTK_ICON_LOOKUP_PRELOAD;
 * measured (strace, perf probes on gtk_icon_theme_lookup_icon), the icons
 * were read and rendered again in the show whether drawn or held ahead.
 *
 * A text whose characters have all been drawn before in the same font
 * adds nothing and is skipped: of a list's 200 rows, only the first few
 * are drawn. */

#define G_LOG_DOMAIN "aims-page-warmup"

#include "config.h"

#include "aims-page-warmup.h"

#include "aims-cell-text.h"

/* The largest surface drawn into, in device pixels a side; what lies
 * beyond is clipped, as a window never shows a cell wider anyway */
#define MAX_SIDE 4096

struct _AimsPageWarmup
{
  cairo_surface_t *surface;   /* drawn into, then forgotten */
  GHashTable      *drawn;     /* PangoFontDescription → set of characters */
  guint            n_texts;
};

static void
free_description (gpointer data)
{
  pango_font_description_free (data);
}

AimsPageWarmup *
aims_page_warmup_new (void)
{
  AimsPageWarmup *self = g_new0 (AimsPageWarmup, 1);

  self->drawn = g_hash_table_new_full ((GHashFunc) pango_font_description_hash,
                                       (GEqualFunc) pango_font_description_equal,
                                       free_description, (GDestroyNotify) g_hash_table_unref);

  return self;
}

void
aims_page_warmup_free (AimsPageWarmup *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->surface, cairo_surface_destroy);
  g_clear_pointer (&self->drawn, g_hash_table_unref);
  g_free (self);
}

/* Whether @text has a character not drawn before in @widget's font;
 * notes its characters as drawn */
static gboolean
brings_new_characters (AimsPageWarmup *self,
                       GtkWidget      *widget,
                       const char     *text)
{
  const PangoFontDescription *font = pango_context_get_font_description (gtk_widget_get_pango_context (widget));
  GHashTable *characters;
  gboolean found = FALSE;

  if (text == NULL || *text == '\0' || font == NULL)
    return FALSE;

  characters = g_hash_table_lookup (self->drawn, font);
  if (characters == NULL)
    {
      characters = g_hash_table_new (g_direct_hash, g_direct_equal);
      g_hash_table_insert (self->drawn, pango_font_description_copy (font), characters);
    }

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    found |= g_hash_table_add (characters, GUINT_TO_POINTER (g_utf8_get_char (p)));

  return found;
}

/* Whether @widget draws text its first frame would draw for the first
 * time */
static gboolean
draws_new_text (AimsPageWarmup *self,
                GtkWidget      *widget)
{
  if (AIMS_IS_CELL_TEXT (widget))
    return brings_new_characters (self, widget, aims_cell_text_get_text (AIMS_CELL_TEXT (widget)));

  if (GTK_IS_LABEL (widget))
    {
      /* Markup can change the font within the text: always drawn */
      if (gtk_label_get_use_markup (GTK_LABEL (widget)) || gtk_label_get_attributes (GTK_LABEL (widget)) != NULL)
        return *gtk_label_get_text (GTK_LABEL (widget)) != '\0';
      return brings_new_characters (self, widget, gtk_label_get_text (GTK_LABEL (widget)));
    }

  return FALSE;
}

/* A surface at least @width × @height device pixels (up to MAX_SIDE) */
static cairo_surface_t *
ensure_surface (AimsPageWarmup *self,
                int             width,
                int             height)
{
  width = MIN (width, MAX_SIDE);
  height = MIN (height, MAX_SIDE);

  if (self->surface == NULL ||
      cairo_image_surface_get_width (self->surface) < width ||
      cairo_image_surface_get_height (self->surface) < height)
    {
      int w = self->surface != NULL ? MAX (width, cairo_image_surface_get_width (self->surface)) : width;
      int h = self->surface != NULL ? MAX (height, cairo_image_surface_get_height (self->surface)) : height;

      g_clear_pointer (&self->surface, cairo_surface_destroy);
      self->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
    }

  return self->surface;
}

/**
 * aims_page_warmup_widget:
 * @widget: a widget of a page not on screen, styled and given its size
 *
 * Draws @widget offscreen if it is a label or a list cell's text with
 * something not drawn before; its children are not drawn (the caller walks
 * them).
 */
void
aims_page_warmup_widget (AimsPageWarmup *self,
                         GtkWidget      *widget)
{
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  int width, height, scale;
  cairo_t *cr;

  g_return_if_fail (self != NULL);
  g_return_if_fail (GTK_IS_WIDGET (widget));

  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  if (width <= 0 || height <= 0 || gtk_widget_get_mapped (widget))
    return;

  if (!draws_new_text (self, widget))
    return;

  /* The widget's own drawing, as its frame will ask for it: these leaf
   * widgets draw their text and nothing else */
  snapshot = gtk_snapshot_new ();
  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return;

  scale = gtk_widget_get_scale_factor (widget);
  ensure_surface (self, width * scale, height * scale);
  cr = cairo_create (self->surface);
  cairo_scale (cr, scale, scale);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);

  self->n_texts++;
}

/* Texts drawn so far */
guint
aims_page_warmup_get_n_texts (AimsPageWarmup *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_texts;
}
