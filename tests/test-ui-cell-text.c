/* test-ui-cell-text.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The list cell (aims-cell-text.c) in a real window: it asks for the size a
 * GtkInscription of the same characters asks for, whatever its text; it
 * draws its text, cut short with an ellipsis when the cell is narrow; and
 * it draws in the colour its CSS gives it, as a selected row or dark style
 * changes it. */

#include "config.h"

#include <adwaita.h>

#include "aims-test-gtk.h"

#include "aims-cell-text.h"

typedef struct
{
  GtkWindow  *window;
  GtkWidget  *box;
  GtkWidget  *cell;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->window = GTK_WINDOW (gtk_window_new ());
  f->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  f->cell = aims_cell_text_new ();
  aims_cell_text_set_chars (AIMS_CELL_TEXT (f->cell), 6, 14);
  gtk_widget_set_halign (f->cell, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (f->box), f->cell);
  gtk_window_set_child (f->window, f->box);
  gtk_window_set_default_size (f->window, 400, 100);
  gtk_window_present (f->window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  wait_ms (20);
}

static void
measure (GtkWidget      *widget,
         GtkOrientation  orientation,
         int            *minimum,
         int            *natural)
{
  gtk_widget_measure (widget, orientation, -1, minimum, natural, NULL, NULL);
}

/* The size asked for is a GtkInscription's of the same characters, so the
 * lists keep their look; the text does not change it */
static void
test_size_as_inscription (Fixture       *f,
                          gconstpointer  data)
{
  GtkWidget *inscription = gtk_inscription_new (NULL);
  int cell_min, cell_nat, ins_min, ins_nat, long_min, long_nat, width;

  gtk_inscription_set_min_chars (GTK_INSCRIPTION (inscription), 6);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (inscription), 14);
  gtk_box_append (GTK_BOX (f->box), inscription);

  aims_cell_text_set_text (AIMS_CELL_TEXT (f->cell), "SYS-001");
  measure (f->cell, GTK_ORIENTATION_HORIZONTAL, &cell_min, &cell_nat);
  measure (inscription, GTK_ORIENTATION_HORIZONTAL, &ins_min, &ins_nat);
  g_assert_cmpint (cell_min, >, 0);
  g_assert_cmpint (cell_min, ==, ins_min);
  g_assert_cmpint (cell_nat, ==, ins_nat);
  g_assert_cmpint (cell_nat, >, cell_min);
  width = cell_nat;

  measure (f->cell, GTK_ORIENTATION_VERTICAL, &cell_min, &cell_nat);
  measure (inscription, GTK_ORIENTATION_VERTICAL, &ins_min, &ins_nat);
  g_assert_cmpint (cell_min, >, 0);
  g_assert_cmpint (cell_min, ==, ins_min);
  g_assert_cmpint (cell_nat, ==, ins_nat);

  /* A long text asks for no more */
  aims_cell_text_set_text (AIMS_CELL_TEXT (f->cell), "A name far longer than fourteen characters");
  measure (f->cell, GTK_ORIENTATION_HORIZONTAL, &long_min, &long_nat);
  g_assert_cmpint (long_nat, ==, width);
}

/* The text is the cell's, and is cut short with an ellipsis when the cell
 * is too narrow for it, not before */
static void
test_text_and_ellipsis (Fixture       *f,
                        gconstpointer  data)
{
  AimsCellText *cell = AIMS_CELL_TEXT (f->cell);

  g_assert_cmpstr (aims_cell_text_get_text (cell), ==, "");
  aims_cell_text_set_text (cell, "Claims triage");
  g_assert_cmpstr (aims_cell_text_get_text (cell), ==, "Claims triage");
  aims_cell_text_set_text (cell, NULL);
  g_assert_cmpstr (aims_cell_text_get_text (cell), ==, "");

  aims_cell_text_set_text (cell, "Claims");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_false (aims_cell_text_is_ellipsized (cell));

  aims_cell_text_set_text (cell, "Claims triage model for motor, home and travel insurance");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_true (aims_cell_text_is_ellipsized (cell));

  /* Given room, the whole text shows */
  gtk_widget_set_size_request (f->cell, 1200, -1);
  gtk_window_set_default_size (f->window, 1300, 100);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  wait_ms (50);
  g_assert_cmpint (gtk_widget_get_width (f->cell), >=, 1200);
  g_assert_false (aims_cell_text_is_ellipsized (cell));
}

/* How many pixels of the cell, drawn alone, are about @red, @green, @blue */
static guint
count_pixels (GtkWidget *widget,
              guint8     red,
              guint8     green,
              guint8     blue)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guchar *pixels = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  guint count = 0;

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return 0;
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  pixels = g_malloc (width * height * 4);
  gdk_texture_download (texture, pixels, width * 4);

  /* Cairo's order on a little-endian machine: B, G, R, A, premultiplied */
  for (int i = 0; i < width * height; i++)
    {
      const guchar *p = pixels + i * 4;

      if (p[3] > 200 && ABS (p[2] - red) < 40 && ABS (p[1] - green) < 40 && ABS (p[0] - blue) < 40)
        count++;
    }

  return count;
}

/* The text takes the colour CSS gives the cell, inherited from its row, as
 * with a selected row or in dark style */
static void
test_css_colour (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  gtk_css_provider_load_from_data (provider,
                                   ".aims-test-red { color: rgb(255, 0, 0); }"
                                   ".aims-test-blue { color: rgb(0, 0, 255); }", -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  aims_cell_text_set_text (AIMS_CELL_TEXT (f->cell), "MMMMMMMM");
  gtk_widget_add_css_class (f->box, "aims-test-red");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_cmpuint (count_pixels (f->cell, 255, 0, 0), >, 10);
  g_assert_cmpuint (count_pixels (f->cell, 0, 0, 255), ==, 0);

  gtk_widget_remove_css_class (f->box, "aims-test-red");
  gtk_widget_add_css_class (f->box, "aims-test-blue");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_cmpuint (count_pixels (f->cell, 0, 0, 255), >, 10);
  g_assert_cmpuint (count_pixels (f->cell, 255, 0, 0), ==, 0);

  /* An empty cell draws nothing */
  aims_cell_text_set_text (AIMS_CELL_TEXT (f->cell), "");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_cmpuint (count_pixels (f->cell, 0, 0, 255), ==, 0);

  gtk_style_context_remove_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  aims_test_gtk_init_log ();

  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/ui/cell-text/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("size-as-inscription", test_size_as_inscription);
  ADD ("text-and-ellipsis", test_text_and_ellipsis);
  ADD ("css-colour", test_css_colour);
#undef ADD

  return g_test_run ();
}
