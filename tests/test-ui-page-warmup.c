/* test-ui-page-warmup.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A hidden page's text drawn ahead, offscreen (aims-page-warmup.c, as
 * aims-page-prepare.c runs it): the labels and list cells that will be
 * shown are drawn, a text is drawn only if it brings a character not drawn
 * before in its font, what is hidden is passed over, and a widget on
 * screen is left to its own frames. */

#include "config.h"

#include <adwaita.h>

#include "aims-test-gtk.h"

#include "aims-cell-text.h"
#include "aims-page-prepare.h"
#include "aims-page-warmup.h"

typedef struct
{
  GtkWindow *window;
  GtkStack  *stack;
  GtkWidget *shown;    /* the page on screen */
  GtkWidget *hidden;   /* the page readied */
  GtkWidget *box;      /* its content */
} Fixture;

static GtkWidget *
add_label (GtkWidget  *box,
           const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_box_append (GTK_BOX (box), label);
  return label;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->window = GTK_WINDOW (gtk_window_new ());
  f->stack = GTK_STACK (gtk_stack_new ());
  f->shown = gtk_label_new ("On screen");
  f->hidden = adw_bin_new ();
  f->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  adw_bin_set_child (ADW_BIN (f->hidden), f->box);
  gtk_stack_add_named (f->stack, f->shown, "shown");
  gtk_stack_add_named (f->stack, f->hidden, "hidden");
  gtk_stack_set_visible_child_name (f->stack, "shown");
  gtk_window_set_child (f->window, GTK_WIDGET (f->stack));
  gtk_window_set_default_size (f->window, 400, 300);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  wait_ms (20);
}

static void
present (Fixture *f)
{
  gtk_window_present (f->window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
}

/* Runs a preparation of the hidden page to its end */
static AimsPagePrepare *
prepare_hidden (Fixture *f)
{
  AimsPagePrepare *prepare = aims_page_prepare_new (f->hidden, NULL, NULL);
  gint64 end = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  aims_page_prepare_start (prepare);
  while (aims_page_prepare_get_running (prepare) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (aims_page_prepare_get_running (prepare));
  g_assert_true (aims_page_prepare_get_done (prepare));
  g_assert_false (gtk_widget_get_mapped (f->hidden));

  return prepare;
}

/* Labels and a list cell of the hidden page are drawn; a text whose
 * characters were all drawn before in its font is not, nor is what is
 * hidden, nor an image */
static void
test_draws_what_will_show (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(AimsPagePrepare) prepare = NULL;
  GtkWidget *cell = aims_cell_text_new ();
  GtkWidget *hidden_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *markup;

  add_label (f->box, "alpha");
  add_label (f->box, "lap");        /* nothing new: skipped */
  add_label (f->box, "beta 42");
  aims_cell_text_set_text (AIMS_CELL_TEXT (cell), "Credit scoring 7");
  gtk_box_append (GTK_BOX (f->box), cell);
  gtk_box_append (GTK_BOX (f->box), gtk_image_new_from_icon_name ("list-add-symbolic"));
  markup = add_label (f->box, NULL);
  gtk_label_set_markup (GTK_LABEL (markup), "<b>ab</b>"); /* another font within: drawn */

  /* Hidden, with its children: passed over */
  add_label (hidden_box, "xyz");
  gtk_box_append (GTK_BOX (hidden_box), gtk_image_new_from_icon_name ("edit-find-symbolic"));
  gtk_widget_set_visible (hidden_box, FALSE);
  gtk_box_append (GTK_BOX (f->box), hidden_box);
  gtk_widget_set_visible (add_label (f->box, "qqq"), FALSE);

  present (f);
  prepare = prepare_hidden (f);

  g_assert_cmpuint (aims_page_prepare_get_n_texts_drawn (prepare), ==, 4);

  /* Once shown, the page shows what it was given */
  gtk_stack_set_visible_child (f->stack, f->hidden);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_true (gtk_widget_get_mapped (cell));
  g_assert_cmpstr (aims_cell_text_get_text (AIMS_CELL_TEXT (cell)), ==, "Credit scoring 7");
}

/* Text in a bolder font is drawn again, though its characters were drawn
 * in the regular one */
static void
test_each_font_its_own (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(AimsPagePrepare) prepare = NULL;
  GtkWidget *heading;

  add_label (f->box, "Owner");
  heading = add_label (f->box, "Owner");
  gtk_widget_add_css_class (heading, "heading");

  present (f);
  prepare = prepare_hidden (f);

  g_assert_cmpuint (aims_page_prepare_get_n_texts_drawn (prepare), ==, 2);
}

/* A widget on screen, or not given a size yet, is not drawn ahead */
static void
test_skips_shown_and_unsized (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(AimsPageWarmup) warmup = aims_page_warmup_new ();
  GtkWidget *unsized = gtk_label_new ("Not laid out");

  present (f);
  g_assert_true (gtk_widget_get_mapped (f->shown));
  aims_page_warmup_widget (warmup, f->shown);
  aims_page_warmup_widget (warmup, unsized);
  g_assert_cmpuint (aims_page_warmup_get_n_texts (warmup), ==, 0);
  g_object_ref_sink (unsized);
  g_object_unref (unsized);
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

  g_test_add ("/ui/page-warmup/draws-what-will-show", Fixture, NULL, fixture_set_up,
              test_draws_what_will_show, fixture_tear_down);
  g_test_add ("/ui/page-warmup/each-font-its-own", Fixture, NULL, fixture_set_up,
              test_each_font_its_own, fixture_tear_down);
  g_test_add ("/ui/page-warmup/skips-shown-and-unsized", Fixture, NULL, fixture_set_up,
              test_skips_shown_and_unsized, fixture_tear_down);

  return g_test_run ();
}
