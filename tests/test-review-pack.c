/* test-review-pack.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The management review pack of the demo: pdftoppm renders every page, the
 * page count is the expected one, and no page is blank; `aims report`
 * writes the same pack and explains what it refuses. */

#include "config.h"

#include <aims-core.h>
#include <cairo.h>

#include "aims-test-util.h"

/* The demo's pack: cover, contents, key figures, risk profile, top risks,
 * changes, open actions (two pages), other inputs, outputs */
#define DEMO_PAGES 10

static char *
write_demo (const char *dir)
{
  char *path = g_build_filename (dir, "demo.aims", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (aims_demo_write_file (path, AIMS_DEMO_SCALE_SMALL, AIMS_DEMO_DEFAULT_SEED,
                                       &error));
  g_assert_no_error (error);
  return path;
}

/* The share of a page's pixels that are not white */
static double
ink_of (const char *png)
{
  cairo_surface_t *surface = cairo_image_surface_create_from_png (png);
  int width, height, stride;
  unsigned char *data;
  guint64 inked = 0;

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_flush (surface);
  width = cairo_image_surface_get_width (surface);
  height = cairo_image_surface_get_height (surface);
  stride = cairo_image_surface_get_stride (surface);
  data = cairo_image_surface_get_data (surface);

  for (int y = 0; y < height; y++)
    {
      guint32 *row = (guint32 *) (gpointer) (data + y * stride);

      for (int x = 0; x < width; x++)
        inked += (row[x] & 0xffffff) != 0xffffff;
    }
  cairo_surface_destroy (surface);

  return (double) inked / ((double) width * height);
}

/* Renders every page with pdftoppm; returns the PNGs, sorted */
static GPtrArray *
render_pages (const char *pdf,
              const char *dir)
{
  g_autofree char *prefix = g_build_filename (dir, "page", NULL);
  const char *argv[] = { "pdftoppm", "-r", "40", "-png", pdf, prefix, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  g_autofree char *err = NULL;
  GPtrArray *pages = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               NULL, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("pdftoppm failed: %s\n%s", error->message, err);
  /* poppler prints "Syntax Error" and the like for a malformed PDF */
  g_assert_cmpstr (err, ==, "");

  listing = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      if (g_str_has_prefix (name, "page") && g_str_has_suffix (name, ".png"))
        g_ptr_array_add (pages, g_build_filename (dir, name, NULL));
    }
  g_ptr_array_sort (pages, aims_test_compare_lines);

  return pages;
}

static void
test_demo_pack (void)
{
  g_autofree char *dir = aims_test_make_dir ();
  g_autofree char *demo = write_demo (dir);
  g_autofree char *pdf = g_build_filename (dir, "pack.pdf", NULL);
  g_autofree char *pages_dir = g_build_filename (dir, "pages", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (demo);
  g_autoptr(AimsDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pages = NULL;
  g_autofree char *review = NULL;
  guint n_pages = 0;

  document = aims_document_open (file, AIMS_OPEN_READ_ONLY, NULL, &error);
  g_assert_no_error (error);
  review = aims_review_dup_latest (aims_document_get_store (document));
  g_assert_nonnull (review);

  g_assert_true (aims_review_pack_write (aims_document_get_store (document), review, NULL, pdf,
                                         &n_pages, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_pages, ==, DEMO_PAGES);
  aims_document_close (document);

  g_assert_cmpint (g_mkdir (pages_dir, 0700), ==, 0);
  pages = render_pages (pdf, pages_dir);
  g_assert_cmpuint (pages->len, ==, DEMO_PAGES);
  for (guint i = 0; i < pages->len; i++)
    {
      double ink = ink_of (g_ptr_array_index (pages, i));

      /* Even the emptiest page has its heading and footer */
      if (ink < 0.004)
        g_error ("Page %u of the pack is blank (%.4f inked)", i + 1, ink);
    }

  aims_test_remove_tree (dir);
}

/* A second review: the pack compares it with the first, and lists the
 * incidents of the period with their times */
static void
test_changes (void)
{
  g_autofree char *dir = aims_test_make_dir ();
  g_autofree char *demo = write_demo (dir);
  g_autofree char *pdf = g_build_filename (dir, "second.pdf", NULL);
  g_autofree char *pages_dir = g_build_filename (dir, "pages", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (demo);
  g_autoptr(AimsDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pages = NULL;
  g_autoptr(AimsReviewInputs) inputs = NULL;
  g_autoptr(AimsKpi) before = NULL;
  g_autoptr(GHashTable) incident = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *previous = NULL;
  g_autofree char *uuid = NULL;
  AimsStore *store;
  guint n_pages = 0;

  document = aims_document_open (file, AIMS_OPEN_NONE, NULL, &error);
  g_assert_no_error (error);
  store = aims_document_get_store (document);
  first = aims_review_dup_latest (store);

  /* The demo's own incidents of the period, before one more */
  before = aims_kpi_compute (store, "2026-11-22", "2026-05-23", "2026-11-22", &error);
  g_assert_no_error (error);

  incident = aims_test_values ("reference", g_variant_new_string ("INC-901"),
                               "title", g_variant_new_string ("Chatbot quoted a wrong premium"),
                               "severity", g_variant_new_string ("high"),
                               "occurred", g_variant_new_string ("2026-09-01T09:00"),
                               "detected", g_variant_new_string ("2026-09-01T11:30"),
                               "resolved", g_variant_new_string ("2026-09-02T11:30"),
                               NULL);
  uuid = aims_store_insert (store, "incident", incident, &error);
  g_assert_no_error (error);

  second = aims_review_create (store, "2026-11-22", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (aims_review_gather_inputs (store, second, &error));
  g_assert_no_error (error);
  previous = aims_review_dup_previous (store, second);
  g_assert_cmpstr (previous, ==, first);

  inputs = aims_review_dup_inputs (store, second, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (inputs->kpi->period_start, ==, "2026-05-23");
  g_assert_cmpuint (inputs->kpi->n_incidents, ==, before->n_incidents + 1);
  g_assert_cmpuint (inputs->kpi->n_mttd, ==, before->n_mttd + 1);
  /* The new incident took 150 minutes to detect */
  g_assert_cmpfloat_with_epsilon (inputs->kpi->mttd_minutes,
                                  (before->mttd_minutes * before->n_mttd + 150) /
                                  (before->n_mttd + 1), 0.01);
  g_assert_cmpuint (inputs->earlier_actions->len, ==, 2);

  g_assert_true (aims_review_pack_write (store, second, NULL, pdf, &n_pages, &error));
  g_assert_no_error (error);
  /* The changes table and the earlier review's actions add no page */
  g_assert_cmpuint (n_pages, ==, DEMO_PAGES);
  aims_document_close (document);

  g_assert_cmpint (g_mkdir (pages_dir, 0700), ==, 0);
  pages = render_pages (pdf, pages_dir);
  g_assert_cmpuint (pages->len, ==, n_pages);
  for (guint i = 0; i < pages->len; i++)
    g_assert_cmpfloat (ink_of (g_ptr_array_index (pages, i)), >, 0.004);

  if (g_getenv ("AIMS_TEST_KEEP_PACK") != NULL)
    {
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
      g_assert_true (g_file_set_contents (g_getenv ("AIMS_TEST_KEEP_PACK"), contents, length,
                                          NULL));
    }

  aims_test_remove_tree (dir);
}

/* Without a review: the figures of a day, and a pack still whole */
static void
test_pack_of_a_day (void)
{
  g_autofree char *dir = aims_test_make_dir ();
  g_autofree char *pdf = g_build_filename (dir, "day.pdf", NULL);
  g_autofree char *pages_dir = g_build_filename (dir, "pages", NULL);
  g_autoptr(AimsDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pages = NULL;
  guint n_pages = 0;

  document = aims_document_new_untitled ("Test Author", &error);
  g_assert_no_error (error);
  g_assert_true (aims_review_pack_write (aims_document_get_store (document), NULL, "2026-06-01",
                                         pdf, &n_pages, &error));
  g_assert_no_error (error);
  aims_document_close (document);

  /* An empty project: one page per section, the cover and the contents */
  g_assert_cmpuint (n_pages, ==, 9);
  g_assert_cmpint (g_mkdir (pages_dir, 0700), ==, 0);
  pages = render_pages (pdf, pages_dir);
  g_assert_cmpuint (pages->len, ==, n_pages);

  aims_test_remove_tree (dir);
}

/* A folder that is not there: the error names the file, nothing is left */
static void
test_unwritable (void)
{
  g_autoptr(AimsDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = aims_document_new_untitled ("Test Author", &error);
  g_assert_no_error (error);
  g_assert_false (aims_review_pack_write (aims_document_get_store (document), NULL, NULL,
                                          "/nonexistent/folder/pack.pdf", NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "pack.pdf"));
  aims_document_close (document);
}

static void
test_cli (void)
{
  g_autofree char *dir = aims_test_make_dir ();
  g_autofree char *demo = write_demo (dir);
  g_autofree char *pdf = g_build_filename (dir, "pack.pdf", NULL);
  g_autofree char *dated = g_build_filename (dir, "dated.pdf", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (aims_test_run_cli (&out, &err, "report", demo, "-o", pdf, NULL), ==, 0);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  g_assert_nonnull (strstr (out, "10 pages"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (aims_test_run_cli (&out, &err, "report", demo, "-o", pdf, "--review", "mr-001",
                                      NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (aims_test_run_cli (&out, &err, "report", demo, "-o", dated, "--date",
                                      "2026-11-22", NULL), ==, 0);
  g_assert_true (g_file_test (dated, G_FILE_TEST_IS_REGULAR));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (aims_test_run_cli (&out, &err, "report", demo, "-o", pdf, "--review", "MR-009",
                                      NULL), ==, 1);
  g_assert_nonnull (strstr (err, "MR-009"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (aims_test_run_cli (&out, &err, "report", demo, "-o", "pack.png", NULL), ==, 2);
  g_assert_nonnull (strstr (err, ".pdf"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (aims_test_run_cli (&out, &err, "report", demo, "-o", pdf, "--date",
                                      "22/11/2026", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "YYYY-MM-DD"));

  aims_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/review-pack/demo", test_demo_pack);
  g_test_add_func ("/review-pack/changes", test_changes);
  g_test_add_func ("/review-pack/day", test_pack_of_a_day);
  g_test_add_func ("/review-pack/unwritable", test_unwritable);
  g_test_add_func ("/review-pack/cli", test_cli);

  return g_test_run ();
}
