/* test-matrix.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* AimsMatrix: presets, validation, JSON, remapping; the project's matrix in
 * the store and in opened files. */

#include "config.h"

#include "aims-store-private.h"
#include "aims-test-util.h"

#include <json-glib/json-glib.h>
#include <string.h>

/* The intended grids of the presets, row by row from likelihood 1 (top of
 * the table here) to n, columns impact 1 … n. Written independently of
 * aims-matrix.c on purpose. */
static const int expected_5x5[5][5] = {
  { 0, 0, 1, 1, 2 },
  { 0, 1, 2, 2, 3 },
  { 1, 2, 2, 3, 3 },
  { 1, 2, 3, 3, 4 },
  { 2, 3, 3, 4, 4 },
};

static const int expected_4x4[4][4] = {
  { 0, 0, 1, 1 },
  { 0, 1, 2, 2 },
  { 1, 2, 2, 3 },
  { 1, 2, 3, 3 },
};

static const int expected_3x3[3][3] = {
  { 0, 0, 1 },
  { 0, 1, 2 },
  { 1, 2, 2 },
};

static const int expected_6x6[6][6] = {
  { 0, 0, 0, 1, 1, 2 },
  { 0, 1, 1, 2, 2, 2 },
  { 0, 1, 2, 2, 3, 3 },
  { 1, 2, 2, 3, 3, 4 },
  { 1, 2, 3, 3, 4, 4 },
  { 1, 2, 3, 4, 4, 4 },
};

typedef struct
{
  AimsMatrixPreset  preset;
  const char       *name;
  guint             n_steps;
  guint             n_levels;
  const int        *grid;
  const char       *levels[5];
  guint             tolerance;
} PresetCase;

static const PresetCase preset_cases[] = {
  { AIMS_MATRIX_PRESET_5X5, "5×5", 5, 5, &expected_5x5[0][0],
    { "Low", "Moderate", "Significant", "High", "Critical" }, 1 },
  { AIMS_MATRIX_PRESET_4X4, "4×4", 4, 4, &expected_4x4[0][0],
    { "Low", "Moderate", "High", "Critical" }, 1 },
  { AIMS_MATRIX_PRESET_3X3, "3×3", 3, 3, &expected_3x3[0][0],
    { "Low", "Medium", "High" }, 1 },
  { AIMS_MATRIX_PRESET_6X6, "6×6", 6, 5, &expected_6x6[0][0],
    { "Low", "Moderate", "Significant", "High", "Critical" }, 1 },
};

static gboolean
is_colour (const char *colour)
{
  return colour != NULL && g_regex_match_simple ("^#[0-9a-fA-F]{6}$", colour, 0, 0);
}

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (haystack == NULL || strstr (haystack, needle) == NULL)
    g_error ("“%s” does not contain “%s”", haystack, needle);
}

static void
test_presets_grid (void)
{
  for (guint c = 0; c < G_N_ELEMENTS (preset_cases); c++)
    {
      const PresetCase *pc = &preset_cases[c];
      g_autoptr(AimsMatrix) matrix = aims_matrix_new_preset (pc->preset);
      guint n = pc->n_steps;

      g_test_message ("preset %s", pc->name);
      g_assert_cmpuint (aims_matrix_get_n_steps (matrix, AIMS_MATRIX_LIKELIHOOD), ==, n);
      g_assert_cmpuint (aims_matrix_get_n_steps (matrix, AIMS_MATRIX_IMPACT), ==, n);
      g_assert_cmpuint (aims_matrix_get_n_levels (matrix), ==, pc->n_levels);

      for (guint l = 1; l <= n; l++)
        for (guint i = 1; i <= n; i++)
          g_assert_cmpint (aims_matrix_lookup (matrix, l, i), ==, pc->grid[(l - 1) * n + i - 1]);

      /* Outside the matrix: -1, without a warning */
      g_assert_cmpint (aims_matrix_lookup (matrix, 0, 1), ==, -1);
      g_assert_cmpint (aims_matrix_lookup (matrix, 1, 0), ==, -1);
      g_assert_cmpint (aims_matrix_lookup (matrix, n + 1, 1), ==, -1);
      g_assert_cmpint (aims_matrix_lookup (matrix, 1, n + 1), ==, -1);
      g_assert_cmpint (aims_matrix_lookup (matrix, G_MAXUINT, G_MAXUINT), ==, -1);

      g_assert_finalize_object (g_steal_pointer (&matrix));
    }
}

static void
test_presets_valid (void)
{
  for (guint c = 0; c < G_N_ELEMENTS (preset_cases); c++)
    {
      const PresetCase *pc = &preset_cases[c];
      g_autoptr(AimsMatrix) matrix = aims_matrix_new_preset (pc->preset);
      g_autoptr(GError) error = NULL;

      g_assert_true (aims_matrix_validate (matrix, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (aims_matrix_preset_get_name (pc->preset), ==, pc->name);
      g_assert_cmpuint (aims_matrix_get_tolerance (matrix), ==, pc->tolerance);

      for (guint a = AIMS_MATRIX_LIKELIHOOD; a <= AIMS_MATRIX_IMPACT; a++)
        for (guint v = 1; v <= pc->n_steps; v++)
          {
            g_assert_cmpstr (aims_matrix_get_step_label (matrix, a, v), !=, "");
            g_assert_cmpuint (strlen (aims_matrix_get_step_description (matrix, a, v)), >, 20);
            g_assert_nonnull (aims_matrix_get_step_range (matrix, a, v));
          }

      for (guint l = 0; l < pc->n_levels; l++)
        {
          guint days = aims_matrix_get_level_review_days (matrix, l);

          g_assert_cmpstr (aims_matrix_get_level_name (matrix, l), ==, pc->levels[l]);
          g_assert_true (is_colour (aims_matrix_get_level_colour (matrix, l)));
          g_assert_cmpuint (days, >=, 1);
          g_assert_cmpuint (days, <=, 3660);
          /* Higher levels are reviewed at least as often */
          if (l > 0)
            g_assert_cmpuint (days, <=, aims_matrix_get_level_review_days (matrix, l - 1));
          /* Within appetite exactly up to the tolerance */
          g_assert_cmpint (aims_matrix_get_level_within_appetite (matrix, l), ==,
                           l <= pc->tolerance);
          g_assert_cmpint (aims_matrix_is_above_tolerance (matrix, l), ==, l > pc->tolerance);
        }
    }
}

static void
test_default_preset (void)
{
  g_autoptr(AimsMatrix) matrix = aims_matrix_new_preset (AIMS_MATRIX_PRESET_5X5);
  static const guint days[] = { 365, 180, 90, 30, 14 };

  g_assert_cmpstr (aims_matrix_get_step_label (matrix, AIMS_MATRIX_LIKELIHOOD, 1), ==, "Rare");
  g_assert_cmpstr (aims_matrix_get_step_label (matrix, AIMS_MATRIX_LIKELIHOOD, 5), ==,
                   "Almost certain");
  g_assert_cmpstr (aims_matrix_get_step_label (matrix, AIMS_MATRIX_IMPACT, 1), ==, "Negligible");
  g_assert_cmpstr (aims_matrix_get_step_label (matrix, AIMS_MATRIX_IMPACT, 5), ==, "Severe");
  assert_contains (aims_matrix_get_step_range (matrix, AIMS_MATRIX_IMPACT, 3), "EUR");
  for (guint l = 0; l < G_N_ELEMENTS (days); l++)
    g_assert_cmpuint (aims_matrix_get_level_review_days (matrix, l), ==, days[l]);
  g_assert_cmpstr (aims_matrix_get_level_name (matrix, aims_matrix_get_tolerance (matrix)), ==,
                   "Moderate");
}

static void
test_new_blank (void)
{
  g_autoptr(AimsMatrix) matrix = aims_matrix_new (3, 7, 2);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (aims_matrix_get_n_steps (matrix, AIMS_MATRIX_LIKELIHOOD), ==, 3);
  g_assert_cmpuint (aims_matrix_get_n_steps (matrix, AIMS_MATRIX_IMPACT), ==, 7);
  g_assert_cmpuint (aims_matrix_get_n_levels (matrix), ==, 2);
  g_assert_cmpint (aims_matrix_lookup (matrix, 2, 6), ==, -1);
  g_assert_cmpstr (aims_matrix_get_step_label (matrix, AIMS_MATRIX_IMPACT, 7), ==, "");
  g_assert_null (aims_matrix_get_step_range (matrix, AIMS_MATRIX_IMPACT, 7));
  for (guint l = 0; l < 2; l++)
    g_assert_true (is_colour (aims_matrix_get_level_colour (matrix, l)));

  g_assert_false (aims_matrix_validate (matrix, &error));
  g_assert_error (error, AIMS_MATRIX_ERROR, AIMS_MATRIX_ERROR_EMPTY_LABEL);
  g_clear_error (&error);

  /* Filled in, a non-square matrix validates */
  for (guint v = 1; v <= 3; v++)
    {
      g_autofree char *label = g_strdup_printf ("L%u", v);
      aims_matrix_set_step (matrix, AIMS_MATRIX_LIKELIHOOD, v, label, NULL, "");
    }
  for (guint v = 1; v <= 7; v++)
    {
      g_autofree char *label = g_strdup_printf ("I%u", v);
      aims_matrix_set_step (matrix, AIMS_MATRIX_IMPACT, v, label, "", NULL);
    }
  aims_matrix_set_level (matrix, 0, "Fine", "#00ff00", TRUE, 365);
  aims_matrix_set_level (matrix, 1, "Not fine", "#FF0000", FALSE, 30);
  for (guint l = 1; l <= 3; l++)
    for (guint i = 1; i <= 7; i++)
      aims_matrix_set_cell (matrix, l, i, l + i > 6 ? 1 : 0);
  g_assert_true (aims_matrix_validate (matrix, &error));
  g_assert_no_error (error);
  g_assert_null (aims_matrix_get_step_range (matrix, AIMS_MATRIX_LIKELIHOOD, 1));
  g_assert_cmpint (aims_matrix_lookup (matrix, 3, 4), ==, 1);
  g_assert_cmpint (aims_matrix_lookup (matrix, 2, 4), ==, 0);
}

/* Validation: one broken rule at a time, on a copy of the 5×5 preset. */

typedef void (*Mutate) (AimsMatrix *matrix);

static void
empty_likelihood_label (AimsMatrix *m)
{
  aims_matrix_set_step (m, AIMS_MATRIX_LIKELIHOOD, 3, "", "x", NULL);
}

static void
blank_impact_label (AimsMatrix *m)
{
  aims_matrix_set_step (m, AIMS_MATRIX_IMPACT, 2, "  \t ", "x", NULL);
}

static void
duplicate_likelihood_label (AimsMatrix *m)
{
  aims_matrix_set_step (m, AIMS_MATRIX_LIKELIHOOD, 4, "rare", NULL, NULL);
}

static void
duplicate_impact_label (AimsMatrix *m)
{
  aims_matrix_set_step (m, AIMS_MATRIX_IMPACT, 5, "Major", NULL, NULL);
}

static void
empty_level_name (AimsMatrix *m)
{
  aims_matrix_set_level (m, 1, NULL, "#ffff00", TRUE, 180);
}

static void
duplicate_level_name (AimsMatrix *m)
{
  aims_matrix_set_level (m, 3, "CRITICAL", "#ff0000", FALSE, 30);
}

static void
unassigned_cell (AimsMatrix *m)
{
  aims_matrix_set_cell (m, 4, 4, -1);
}

static void
falling_level (AimsMatrix *m)
{
  aims_matrix_set_cell (m, 5, 5, 0);
}

static void
falling_level_impact (AimsMatrix *m)
{
  /* Likely × Moderate (3) higher than Likely × Major (3): raise it to 4 */
  aims_matrix_set_cell (m, 4, 3, 4);
}

static void
bad_colour_name (AimsMatrix *m)
{
  aims_matrix_set_level (m, 3, "High", "red", FALSE, 30);
}

static void
bad_colour_digit (AimsMatrix *m)
{
  aims_matrix_set_level (m, 3, "High", "#12345g", FALSE, 30);
}

static void
no_colour (AimsMatrix *m)
{
  aims_matrix_set_level (m, 3, "High", NULL, FALSE, 30);
}

static void
short_colour (AimsMatrix *m)
{
  aims_matrix_set_level (m, 3, "High", "#fff", FALSE, 30);
}

static void
tolerance_too_high (AimsMatrix *m)
{
  aims_matrix_set_tolerance (m, 5);
}

static void
review_zero (AimsMatrix *m)
{
  aims_matrix_set_level (m, 0, "Low", "#00ff00", TRUE, 0);
}

static void
review_too_long (AimsMatrix *m)
{
  aims_matrix_set_level (m, 4, "Critical", "#aa0000", FALSE, 3661);
}

static void
test_validate_rules (void)
{
  static const struct
  {
    Mutate           mutate;
    AimsMatrixError  code;
    const char      *needle;
  } cases[] = {
    { empty_likelihood_label, AIMS_MATRIX_ERROR_EMPTY_LABEL, "Likelihood step 3 has no label" },
    { blank_impact_label, AIMS_MATRIX_ERROR_EMPTY_LABEL, "Impact step 2 has no label" },
    { duplicate_likelihood_label, AIMS_MATRIX_ERROR_DUPLICATE_LABEL, "Likelihood steps 1 and 4" },
    { duplicate_impact_label, AIMS_MATRIX_ERROR_DUPLICATE_LABEL, "Impact steps 4 and 5" },
    { empty_level_name, AIMS_MATRIX_ERROR_EMPTY_LABEL, "Risk level 2 has no name" },
    { duplicate_level_name, AIMS_MATRIX_ERROR_DUPLICATE_LABEL, "Risk levels 4 and 5" },
    { unassigned_cell, AIMS_MATRIX_ERROR_UNASSIGNED_CELL, "The cell Likely × Major has no level" },
    { falling_level, AIMS_MATRIX_ERROR_LEVEL_ORDER, "Almost certain × Severe is “Low”" },
    { falling_level_impact, AIMS_MATRIX_ERROR_LEVEL_ORDER, "Likely × Major" },
    { bad_colour_name, AIMS_MATRIX_ERROR_COLOUR, "Level “High”" },
    { bad_colour_digit, AIMS_MATRIX_ERROR_COLOUR, "Level “High”" },
    { no_colour, AIMS_MATRIX_ERROR_COLOUR, "Level “High” has no colour" },
    { short_colour, AIMS_MATRIX_ERROR_COLOUR, "#rrggbb" },
    { tolerance_too_high, AIMS_MATRIX_ERROR_TOLERANCE, "tolerance" },
    { review_zero, AIMS_MATRIX_ERROR_REVIEW_INTERVAL, "Level “Low” is reviewed every 0 days" },
    { review_too_long, AIMS_MATRIX_ERROR_REVIEW_INTERVAL, "“Critical”" },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(AimsMatrix) preset = aims_matrix_new_preset (AIMS_MATRIX_PRESET_5X5);
      g_autoptr(AimsMatrix) matrix = aims_matrix_copy (preset);
      g_autoptr(GError) error = NULL;

      cases[c].mutate (matrix);
      g_assert_false (aims_matrix_equal (matrix, preset));
      g_assert_false (aims_matrix_validate (matrix, &error));
      g_test_message ("case %u: %s", c, error != NULL ? error->message : "(none)");
      g_assert_error (error, AIMS_MATRIX_ERROR, cases[c].code);
      assert_contains (error->message, cases[c].needle);
    }
}

static void
test_copy_equal (void)
{
  g_autoptr(AimsMatrix) a = aims_matrix_new_preset (AIMS_MATRIX_PRESET_6X6);
  g_autoptr(AimsMatrix) b = aims_matrix_copy (a);
  g_autoptr(AimsMatrix) other = aims_matrix_new_preset (AIMS_MATRIX_PRESET_5X5);

  g_assert_true (a != b);
  g_assert_true (aims_matrix_equal (a, b));
  g_assert_true (aims_matrix_equal (a, a));
  g_assert_false (aims_matrix_equal (a, other));

  aims_matrix_set_step (b, AIMS_MATRIX_IMPACT, 6, "Catastrophic", "other", NULL);
  g_assert_false (aims_matrix_equal (a, b));
  g_clear_object (&b);

  b = aims_matrix_copy (a);
  aims_matrix_set_cell (b, 6, 6, 3);
  g_assert_false (aims_matrix_equal (a, b));
  g_clear_object (&b);

  b = aims_matrix_copy (a);
  aims_matrix_set_level (b, 0, "Low", "#33d17a", FALSE, 365);
  g_assert_false (aims_matrix_equal (a, b));
  g_clear_object (&b);

  b = aims_matrix_copy (a);
  aims_matrix_set_tolerance (b, 2);
  g_assert_false (aims_matrix_equal (a, b));
  g_assert_true (aims_matrix_is_above_tolerance (a, 2));
  g_assert_false (aims_matrix_is_above_tolerance (b, 2));
  g_assert_true (aims_matrix_is_above_tolerance (b, 3));

  g_assert_finalize_object (g_steal_pointer (&b));
}

static void
test_find_step (void)
{
  g_autoptr(AimsMatrix) matrix = aims_matrix_new_preset (AIMS_MATRIX_PRESET_5X5);

  g_assert_cmpuint (aims_matrix_find_step (matrix, AIMS_MATRIX_LIKELIHOOD, "Likely"), ==, 4);
  g_assert_cmpuint (aims_matrix_find_step (matrix, AIMS_MATRIX_LIKELIHOOD, "likely"), ==, 4);
  g_assert_cmpuint (aims_matrix_find_step (matrix, AIMS_MATRIX_LIKELIHOOD, " ALMOST Certain "),
                    ==, 5);
  g_assert_cmpuint (aims_matrix_find_step (matrix, AIMS_MATRIX_IMPACT, "major"), ==, 4);
  g_assert_cmpuint (aims_matrix_find_step (matrix, AIMS_MATRIX_IMPACT, "Likely"), ==, 0);
  g_assert_cmpuint (aims_matrix_find_step (matrix, AIMS_MATRIX_IMPACT, ""), ==, 0);
  g_assert_cmpuint (aims_matrix_find_step (matrix, AIMS_MATRIX_IMPACT, NULL), ==, 0);
  g_assert_cmpuint (aims_matrix_find_step (matrix, AIMS_MATRIX_IMPACT, "\xff\xfe"), ==, 0);
}

static void
test_json_round_trip (void)
{
  g_autoptr(AimsMatrix) custom = aims_matrix_new (7, 3, 7);
  AimsMatrix *matrices[5];

  for (guint c = 0; c < G_N_ELEMENTS (preset_cases); c++)
    matrices[c] = aims_matrix_new_preset (preset_cases[c].preset);

  /* Non-square, seven levels, texts that need escaping, no ranges */
  for (guint v = 1; v <= 7; v++)
    {
      g_autofree char *label = g_strdup_printf ("Step \"%u\" \\ ü ✓", v);
      aims_matrix_set_step (custom, AIMS_MATRIX_LIKELIHOOD, v, label, "line\nbreak", NULL);
    }
  for (guint v = 1; v <= 3; v++)
    {
      g_autofree char *label = g_strdup_printf ("I%u", v);
      aims_matrix_set_step (custom, AIMS_MATRIX_IMPACT, v, label, NULL, "≥ 1 %");
    }
  for (guint l = 0; l < 7; l++)
    {
      g_autofree char *name = g_strdup_printf ("Level %u", l);
      aims_matrix_set_level (custom, l, name, "#0A0b0C", l < 3, 1 + l * 500);
    }
  for (guint l = 1; l <= 7; l++)
    for (guint i = 1; i <= 3; i++)
      aims_matrix_set_cell (custom, l, i, MIN (6, (l + i) / 2));
  aims_matrix_set_tolerance (custom, 6);
  g_assert_true (aims_matrix_validate (custom, NULL));
  matrices[4] = g_object_ref (custom);

  for (guint c = 0; c < G_N_ELEMENTS (matrices); c++)
    {
      g_autofree char *json = aims_matrix_to_json (matrices[c]);
      g_autofree char *again = aims_matrix_to_json (matrices[c]);
      g_autofree char *copy_json = NULL;
      g_autofree char *reread_json = NULL;
      g_autoptr(AimsMatrix) copy = aims_matrix_copy (matrices[c]);
      g_autoptr(AimsMatrix) reread = NULL;
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;
      JsonObject *root;

      g_assert_cmpstr (json, ==, again);
      copy_json = aims_matrix_to_json (copy);
      g_assert_cmpstr (json, ==, copy_json);

      reread = aims_matrix_new_from_json (json, &error);
      g_assert_no_error (error);
      g_assert_nonnull (reread);
      g_assert_true (aims_matrix_equal (reread, matrices[c]));
      reread_json = aims_matrix_to_json (reread);
      g_assert_cmpstr (json, ==, reread_json);

      g_assert_true (json_parser_load_from_data (parser, json, -1, NULL));
      root = json_node_get_object (json_parser_get_root (parser));
      g_assert_cmpint (json_object_get_int_member (root, "version"), ==, 1);
    }

  for (guint c = 0; c < G_N_ELEMENTS (matrices); c++)
    g_object_unref (matrices[c]);
}

/* Hostile JSON: each case is a text, or the 3×3 preset's JSON changed by an
 * edit function. */

typedef void (*EditJson) (JsonObject *root);

static JsonObject *
nth_object (JsonObject *root,
            const char *member,
            guint       index)
{
  return json_array_get_object_element (json_object_get_array_member (root, member), index);
}

static void
edit_no_version (JsonObject *root)
{
  json_object_remove_member (root, "version");
}

static void
edit_version_2 (JsonObject *root)
{
  json_object_set_int_member (root, "version", 2);
}

static void
edit_version_string (JsonObject *root)
{
  json_object_set_string_member (root, "version", "1");
}

static void
edit_likelihood_object (JsonObject *root)
{
  json_object_set_object_member (root, "likelihood", json_object_new ());
}

static void
edit_no_impact (JsonObject *root)
{
  json_object_remove_member (root, "impact");
}

static void
add_steps (JsonObject *root,
           const char *axis,
           guint       n)
{
  JsonArray *array = json_object_get_array_member (root, axis);

  for (guint v = 0; v < n; v++)
    {
      JsonObject *step = json_object_new ();
      json_object_set_string_member (step, "label", "x");
      json_array_add_object_element (array, step);
    }
}

static void
edit_1000_steps (JsonObject *root)
{
  add_steps (root, "likelihood", 997);
}

static void
edit_8_impact_steps (JsonObject *root)
{
  add_steps (root, "impact", 5);
}

static void
edit_2_steps (JsonObject *root)
{
  json_array_remove_element (json_object_get_array_member (root, "likelihood"), 2);
}

static void
edit_one_level (JsonObject *root)
{
  JsonArray *levels = json_object_get_array_member (root, "levels");

  json_array_remove_element (levels, 2);
  json_array_remove_element (levels, 1);
}

static void
edit_huge_label (JsonObject *root)
{
  g_autofree char *huge = g_strnfill (4097, 'a');

  json_object_set_string_member (nth_object (root, "likelihood", 1), "label", huge);
}

static void
edit_huge_description (JsonObject *root)
{
  g_autofree char *huge = g_strnfill (100000, 'b');

  json_object_set_string_member (nth_object (root, "impact", 0), "description", huge);
}

static void
edit_label_number (JsonObject *root)
{
  json_object_set_int_member (nth_object (root, "likelihood", 0), "label", 7);
}

static void
edit_label_nested (JsonObject *root)
{
  JsonObject *garbage = json_object_new ();
  JsonArray *inner = json_array_new ();

  json_array_add_array_element (inner, json_array_new ());
  json_object_set_array_member (garbage, "a", inner);
  json_object_set_object_member (nth_object (root, "impact", 2), "label", garbage);
}

static void
edit_no_label (JsonObject *root)
{
  json_object_remove_member (nth_object (root, "impact", 1), "label");
}

static void
edit_step_not_object (JsonObject *root)
{
  JsonArray *array = json_object_get_array_member (root, "likelihood");

  json_array_remove_element (array, 1);
  json_array_add_string_element (array, "Possible");
}

static void
edit_duplicate_label (JsonObject *root)
{
  json_object_set_string_member (nth_object (root, "impact", 2), "label", "MINOR");
}

static void
edit_colour_script (JsonObject *root)
{
  json_object_set_string_member (nth_object (root, "levels", 1), "colour", "javascript:alert(1)");
}

static void
edit_appetite_string (JsonObject *root)
{
  json_object_set_string_member (nth_object (root, "levels", 0), "within-appetite", "yes");
}

static void
edit_review_negative (JsonObject *root)
{
  json_object_set_int_member (nth_object (root, "levels", 0), "review-days", -1);
}

static void
edit_review_huge (JsonObject *root)
{
  json_object_set_int_member (nth_object (root, "levels", 0), "review-days", G_MAXINT64);
}

static void
edit_review_zero (JsonObject *root)
{
  json_object_set_int_member (nth_object (root, "levels", 2), "review-days", 0);
}

static void
edit_review_double (JsonObject *root)
{
  json_object_set_double_member (nth_object (root, "levels", 2), "review-days", 30.5);
}

static JsonArray *
grid_row (JsonObject *root,
          guint       row)
{
  return json_array_get_array_element (json_object_get_array_member (root, "grid"), row);
}

static void
edit_grid_level_99 (JsonObject *root)
{
  JsonArray *row = grid_row (root, 1);

  json_array_remove_element (row, 1);
  json_array_add_int_element (row, 99);
}

static void
edit_grid_level_minus_2 (JsonObject *root)
{
  JsonArray *row = grid_row (root, 0);

  json_array_remove_element (row, 2);
  json_array_add_int_element (row, -2);
}

static void
edit_grid_level_double (JsonObject *root)
{
  JsonArray *row = grid_row (root, 0);

  json_array_remove_element (row, 2);
  json_array_add_double_element (row, 1.5);
}

static void
edit_grid_null_cell (JsonObject *root)
{
  JsonArray *row = grid_row (root, 2);

  json_array_remove_element (row, 2);
  json_array_add_null_element (row);
}

static void
edit_grid_short_row (JsonObject *root)
{
  json_array_remove_element (grid_row (root, 1), 0);
}

static void
edit_grid_missing_row (JsonObject *root)
{
  json_array_remove_element (json_object_get_array_member (root, "grid"), 2);
}

static void
edit_grid_row_string (JsonObject *root)
{
  JsonArray *grid = json_object_get_array_member (root, "grid");

  json_array_remove_element (grid, 2);
  json_array_add_string_element (grid, "0,1,2");
}

static void
edit_grid_falling (JsonObject *root)
{
  JsonArray *row = grid_row (root, 2);

  json_array_remove_element (row, 2);
  json_array_add_int_element (row, 0);
}

static void
edit_tolerance_9 (JsonObject *root)
{
  json_object_set_int_member (root, "tolerance", 9);
}

static void
edit_tolerance_negative (JsonObject *root)
{
  json_object_set_int_member (root, "tolerance", -1);
}

static void
edit_no_tolerance (JsonObject *root)
{
  json_object_remove_member (root, "tolerance");
}

static char *
edited_json (EditJson edit)
{
  g_autoptr(AimsMatrix) preset = aims_matrix_new_preset (AIMS_MATRIX_PRESET_3X3);
  g_autofree char *json = aims_matrix_to_json (preset);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  g_assert_true (json_parser_load_from_data (parser, json, -1, NULL));
  edit (json_node_get_object (json_parser_get_root (parser)));
  json_generator_set_root (generator, json_parser_get_root (parser));

  return json_generator_to_data (generator, NULL);
}

static void
test_json_hostile (void)
{
  g_autofree char *deep_arrays = NULL;
  g_autofree char *deep_objects = NULL;
  g_autofree char *spaces = NULL;
  static const struct
  {
    const char      *text;
    EditJson         edit;
    AimsMatrixError  code;
  } cases[] = {
    { "", NULL, AIMS_MATRIX_ERROR_FORMAT },
    { "null", NULL, AIMS_MATRIX_ERROR_FORMAT },
    { "[]", NULL, AIMS_MATRIX_ERROR_FORMAT },
    { "42", NULL, AIMS_MATRIX_ERROR_FORMAT },
    { "\"matrix\"", NULL, AIMS_MATRIX_ERROR_FORMAT },
    { "{", NULL, AIMS_MATRIX_ERROR_FORMAT },
    { "{}", NULL, AIMS_MATRIX_ERROR_FORMAT },
    { "{\"version\": NaN}", NULL, AIMS_MATRIX_ERROR_FORMAT },
    { "{\"version\": 1e400}", NULL, AIMS_MATRIX_ERROR_FORMAT },
    { "{\"version\": 99999999999999999999999}", NULL, AIMS_MATRIX_ERROR_FORMAT },
    { "{\"version\": Infinity}", NULL, AIMS_MATRIX_ERROR_FORMAT },
    { "{\"version\": 1, \"likelihood\": [1, 2, 3]}", NULL, AIMS_MATRIX_ERROR_FORMAT },
    { "{\"version\": \"\xff\xfe\"}", NULL, AIMS_MATRIX_ERROR_FORMAT },
    { "{\"version\": 1} trailing", NULL, AIMS_MATRIX_ERROR_FORMAT },
    { "\x00garbage", NULL, AIMS_MATRIX_ERROR_FORMAT },
    { NULL, edit_no_version, AIMS_MATRIX_ERROR_FORMAT },
    { NULL, edit_version_2, AIMS_MATRIX_ERROR_FORMAT },
    { NULL, edit_version_string, AIMS_MATRIX_ERROR_FORMAT },
    { NULL, edit_likelihood_object, AIMS_MATRIX_ERROR_FORMAT },
    { NULL, edit_no_impact, AIMS_MATRIX_ERROR_FORMAT },
    { NULL, edit_1000_steps, AIMS_MATRIX_ERROR_SIZE },
    { NULL, edit_8_impact_steps, AIMS_MATRIX_ERROR_SIZE },
    { NULL, edit_2_steps, AIMS_MATRIX_ERROR_SIZE },
    { NULL, edit_one_level, AIMS_MATRIX_ERROR_SIZE },
    { NULL, edit_huge_label, AIMS_MATRIX_ERROR_FORMAT },
    { NULL, edit_huge_description, AIMS_MATRIX_ERROR_FORMAT },
    { NULL, edit_label_number, AIMS_MATRIX_ERROR_FORMAT },
    { NULL, edit_label_nested, AIMS_MATRIX_ERROR_FORMAT },
    { NULL, edit_no_label, AIMS_MATRIX_ERROR_FORMAT },
    { NULL, edit_step_not_object, AIMS_MATRIX_ERROR_FORMAT },
    { NULL, edit_duplicate_label, AIMS_MATRIX_ERROR_DUPLICATE_LABEL },
    { NULL, edit_colour_script, AIMS_MATRIX_ERROR_COLOUR },
    { NULL, edit_appetite_string, AIMS_MATRIX_ERROR_FORMAT },
    { NULL, edit_review_negative, AIMS_MATRIX_ERROR_FORMAT },
    { NULL, edit_review_huge, AIMS_MATRIX_ERROR_FORMAT },
    { NULL, edit_review_zero, AIMS_MATRIX_ERROR_REVIEW_INTERVAL },
    { NULL, edit_review_double, AIMS_MATRIX_ERROR_FORMAT },
    { NULL, edit_grid_level_99, AIMS_MATRIX_ERROR_FORMAT },
    { NULL, edit_grid_level_minus_2, AIMS_MATRIX_ERROR_FORMAT },
    { NULL, edit_grid_level_double, AIMS_MATRIX_ERROR_FORMAT },
    { NULL, edit_grid_null_cell, AIMS_MATRIX_ERROR_UNASSIGNED_CELL },
    { NULL, edit_grid_short_row, AIMS_MATRIX_ERROR_FORMAT },
    { NULL, edit_grid_missing_row, AIMS_MATRIX_ERROR_FORMAT },
    { NULL, edit_grid_row_string, AIMS_MATRIX_ERROR_FORMAT },
    { NULL, edit_grid_falling, AIMS_MATRIX_ERROR_LEVEL_ORDER },
    { NULL, edit_tolerance_9, AIMS_MATRIX_ERROR_TOLERANCE },
    { NULL, edit_tolerance_negative, AIMS_MATRIX_ERROR_TOLERANCE },
    { NULL, edit_no_tolerance, AIMS_MATRIX_ERROR_FORMAT },
  };

  g_assert_cmpuint (G_N_ELEMENTS (cases), >=, 15);

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autofree char *json = cases[c].edit != NULL ? edited_json (cases[c].edit)
                                                    : g_strdup (cases[c].text);
      g_autoptr(AimsMatrix) matrix = NULL;
      g_autoptr(GError) error = NULL;

      matrix = aims_matrix_new_from_json (json, &error);
      g_test_message ("case %u: %s", c, error != NULL ? error->message : "(accepted)");
      g_assert_null (matrix);
      g_assert_error (error, AIMS_MATRIX_ERROR, cases[c].code);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      /* A refusal never repeats a huge input back */
      g_assert_cmpuint (strlen (error->message), <, 1024);
    }

  /* Nesting that would exhaust the stack of a recursive parser */
  deep_arrays = g_strnfill (200000, '[');
  deep_objects = g_strdup_printf ("{\"version\": 1, \"likelihood\": %s", deep_arrays);
  spaces = g_strnfill (600 * 1024, ' ');
  {
    const char *texts[] = { deep_arrays, deep_objects, spaces };

    for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
      {
        g_autoptr(GError) error = NULL;

        g_assert_null (aims_matrix_new_from_json (texts[t], &error));
        g_assert_error (error, AIMS_MATRIX_ERROR, AIMS_MATRIX_ERROR_FORMAT);
      }
  }

  /* Unknown members are ignored, and brackets inside strings do not count
   * as nesting */
  {
    g_autoptr(AimsMatrix) preset = aims_matrix_new_preset (AIMS_MATRIX_PRESET_3X3);
    g_autoptr(AimsMatrix) matrix = NULL;
    g_autoptr(GError) error = NULL;
    g_autofree char *json = aims_matrix_to_json (preset);
    g_autofree char *extended = NULL;

    g_assert_cmpint (json[0], ==, '{');
    extended = g_strdup_printf ("{\"comment\": \"[[[[[[[[[[{{{{{{{\\\"\", %s", json + 1);
    matrix = aims_matrix_new_from_json (extended, &error);
    g_assert_no_error (error);
    g_assert_true (aims_matrix_equal (matrix, preset));
  }
}

static void
test_remap (void)
{
  static const struct
  {
    guint old_steps;
    guint new_steps;
    guint expected[8];   /* expected[v] for v = 1 … old_steps */
  } cases[] = {
    { 5, 3, { 0, 1, 2, 2, 3, 3 } },
    { 3, 5, { 0, 1, 3, 5 } },
    { 5, 7, { 0, 1, 3, 4, 6, 7 } },
    { 4, 6, { 0, 1, 3, 4, 6 } },
    { 6, 4, { 0, 1, 2, 2, 3, 3, 4 } },
    { 7, 3, { 0, 1, 1, 2, 2, 2, 3, 3 } },
    { 5, 5, { 0, 1, 2, 3, 4, 5 } },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    for (guint v = 1; v <= cases[c].old_steps; v++)
      {
        g_test_message ("%u→%u: %u", cases[c].old_steps, cases[c].new_steps, v);
        g_assert_cmpuint (aims_matrix_remap_value (v, cases[c].old_steps, cases[c].new_steps),
                          ==, cases[c].expected[v]);
      }

  /* Not assessed stays not assessed; values above the scale are its top */
  g_assert_cmpuint (aims_matrix_remap_value (0, 5, 3), ==, 0);
  g_assert_cmpuint (aims_matrix_remap_value (9, 5, 3), ==, 3);
  g_assert_cmpuint (aims_matrix_remap_value (G_MAXUINT, 7, 7), ==, 7);
}

static void
test_describe_remap (void)
{
  g_autoptr(AimsMatrix) from = aims_matrix_new_preset (AIMS_MATRIX_PRESET_5X5);
  g_autoptr(AimsMatrix) to = aims_matrix_new_preset (AIMS_MATRIX_PRESET_3X3);
  g_autofree char *text = aims_matrix_describe_remap (from, to);
  g_autofree char *back = aims_matrix_describe_remap (to, from);

  g_test_message ("%s", text);
  assert_contains (text, "Likelihood:");
  assert_contains (text, "Impact:");
  for (guint a = AIMS_MATRIX_LIKELIHOOD; a <= AIMS_MATRIX_IMPACT; a++)
    for (guint v = 1; v <= 5; v++)
      {
        guint w = aims_matrix_remap_value (v, 5, 3);
        g_autofree char *move = g_strdup_printf ("%u “%s” → %u “%s”", v,
                                                 aims_matrix_get_step_label (from, a, v), w,
                                                 aims_matrix_get_step_label (to, a, w));
        assert_contains (text, move);
      }
  assert_contains (text, "1 “Rare” → 1 “Unlikely”");
  assert_contains (text, "4 “Major” → 3 “Severe”");

  g_test_message ("%s", back);
  assert_contains (back, "2 “Possible” → 3 “Possible”");
  assert_contains (back, "3 “Likely” → 5 “Almost certain”");
  assert_contains (back, "2 “Moderate” → 3 “Moderate”");
}

/* Resizing an axis, as the editor does */

static void
test_set_n_steps (void)
{
  static const char * const likelihood_5[] = {
    "Rare", "Unlikely", "Possible", "Likely", "Almost certain"
  };

  /* Growing: every old step keeps its texts at the step its risks move to;
   * the steps nothing moves to are blank. 5 → 7 moves 1, 2, 3, 4, 5 to
   * 1, 3, 4, 6, 7. */
  {
    g_autoptr(AimsMatrix) matrix = aims_matrix_new_preset (AIMS_MATRIX_PRESET_5X5);
    g_autoptr(AimsMatrix) before = aims_matrix_copy (matrix);
    g_autoptr(GError) error = NULL;
    static const guint moved_to[] = { 1, 3, 4, 6, 7 };

    aims_matrix_set_n_steps (matrix, AIMS_MATRIX_LIKELIHOOD, 7);
    g_assert_cmpuint (aims_matrix_get_n_steps (matrix, AIMS_MATRIX_LIKELIHOOD), ==, 7);
    g_assert_cmpuint (aims_matrix_get_n_steps (matrix, AIMS_MATRIX_IMPACT), ==, 5);

    for (guint v = 1; v <= 5; v++)
      {
        g_assert_cmpuint (aims_matrix_remap_value (v, 5, 7), ==, moved_to[v - 1]);
        g_assert_cmpstr (aims_matrix_get_step_label (matrix, AIMS_MATRIX_LIKELIHOOD, moved_to[v - 1]),
                         ==, likelihood_5[v - 1]);
        g_assert_cmpstr (aims_matrix_get_step_range (matrix, AIMS_MATRIX_LIKELIHOOD, moved_to[v - 1]),
                         ==, aims_matrix_get_step_range (before, AIMS_MATRIX_LIKELIHOOD, v));
        g_assert_cmpstr (aims_matrix_get_step_description (matrix, AIMS_MATRIX_LIKELIHOOD,
                                                           moved_to[v - 1]),
                         ==, aims_matrix_get_step_description (before, AIMS_MATRIX_LIKELIHOOD, v));
      }
    g_assert_cmpstr (aims_matrix_get_step_label (matrix, AIMS_MATRIX_LIKELIHOOD, 2), ==, "");
    g_assert_cmpstr (aims_matrix_get_step_label (matrix, AIMS_MATRIX_LIKELIHOOD, 5), ==, "");
    g_assert_null (aims_matrix_get_step_range (matrix, AIMS_MATRIX_LIKELIHOOD, 5));

    /* The other axis is untouched */
    for (guint v = 1; v <= 5; v++)
      g_assert_cmpstr (aims_matrix_get_step_label (matrix, AIMS_MATRIX_IMPACT, v), ==,
                       aims_matrix_get_step_label (before, AIMS_MATRIX_IMPACT, v));

    /* A moved row keeps its levels; the new rows copy the row at the same
     * relative position */
    for (guint v = 1; v <= 5; v++)
      for (guint i = 1; i <= 5; i++)
        g_assert_cmpint (aims_matrix_lookup (matrix, moved_to[v - 1], i), ==,
                         expected_5x5[v - 1][i - 1]);
    for (guint i = 1; i <= 5; i++)
      {
        g_assert_cmpint (aims_matrix_lookup (matrix, 2, i), ==,
                         expected_5x5[aims_matrix_remap_value (2, 7, 5) - 1][i - 1]);
        g_assert_cmpint (aims_matrix_lookup (matrix, 5, i), ==,
                         expected_5x5[aims_matrix_remap_value (5, 7, 5) - 1][i - 1]);
      }

    /* Only the blank steps stand in the way */
    g_assert_false (aims_matrix_validate (matrix, &error));
    g_assert_error (error, AIMS_MATRIX_ERROR, AIMS_MATRIX_ERROR_EMPTY_LABEL);
    assert_contains (error->message, "Likelihood step 2 has no label");
    g_clear_error (&error);
    aims_matrix_set_step (matrix, AIMS_MATRIX_LIKELIHOOD, 2, "Very unlikely", "", NULL);
    aims_matrix_set_step (matrix, AIMS_MATRIX_LIKELIHOOD, 5, "Probable", "", NULL);
    g_assert_true (aims_matrix_validate (matrix, &error));
    g_assert_no_error (error);

    /* Cells beyond the size hold nothing, so equal matrices stay equal */
    aims_matrix_set_n_steps (matrix, AIMS_MATRIX_LIKELIHOOD, 5);
    g_assert_true (aims_matrix_equal (matrix, before));
  }

  /* Shrinking: the step at the same relative position wins; 5 → 3 keeps
   * "Rare", "Possible" and "Almost certain" */
  {
    g_autoptr(AimsMatrix) matrix = aims_matrix_new_preset (AIMS_MATRIX_PRESET_5X5);
    g_autoptr(GError) error = NULL;

    aims_matrix_set_n_steps (matrix, AIMS_MATRIX_IMPACT, 3);
    aims_matrix_set_n_steps (matrix, AIMS_MATRIX_LIKELIHOOD, 3);
    g_assert_cmpstr (aims_matrix_get_step_label (matrix, AIMS_MATRIX_LIKELIHOOD, 1), ==, "Rare");
    g_assert_cmpstr (aims_matrix_get_step_label (matrix, AIMS_MATRIX_LIKELIHOOD, 2), ==, "Possible");
    g_assert_cmpstr (aims_matrix_get_step_label (matrix, AIMS_MATRIX_LIKELIHOOD, 3), ==,
                     "Almost certain");
    g_assert_cmpstr (aims_matrix_get_step_label (matrix, AIMS_MATRIX_IMPACT, 1), ==, "Negligible");
    g_assert_cmpstr (aims_matrix_get_step_label (matrix, AIMS_MATRIX_IMPACT, 2), ==, "Moderate");
    g_assert_cmpstr (aims_matrix_get_step_label (matrix, AIMS_MATRIX_IMPACT, 3), ==, "Severe");

    /* The corners of the grid stay the corners; it is valid as it is */
    g_assert_cmpint (aims_matrix_lookup (matrix, 1, 1), ==, expected_5x5[0][0]);
    g_assert_cmpint (aims_matrix_lookup (matrix, 3, 3), ==, expected_5x5[4][4]);
    g_assert_cmpint (aims_matrix_lookup (matrix, 2, 2), ==, expected_5x5[2][2]);
    g_assert_true (aims_matrix_validate (matrix, &error));
    g_assert_no_error (error);
  }

  /* Every size to every size keeps the levels in order */
  for (guint from = AIMS_MATRIX_MIN_STEPS; from <= AIMS_MATRIX_MAX_STEPS; from++)
    for (guint to = AIMS_MATRIX_MIN_STEPS; to <= AIMS_MATRIX_MAX_STEPS; to++)
      {
        g_autoptr(AimsMatrix) matrix = aims_matrix_new_preset (AIMS_MATRIX_PRESET_5X5);
        g_autoptr(GError) error = NULL;

        aims_matrix_set_n_steps (matrix, AIMS_MATRIX_LIKELIHOOD, from);
        aims_matrix_set_n_steps (matrix, AIMS_MATRIX_IMPACT, from);
        aims_matrix_set_n_steps (matrix, AIMS_MATRIX_LIKELIHOOD, to);
        aims_matrix_set_n_steps (matrix, AIMS_MATRIX_IMPACT, to);
        for (guint a = AIMS_MATRIX_LIKELIHOOD; a <= AIMS_MATRIX_IMPACT; a++)
          for (guint v = 1; v <= to; v++)
            {
              g_autofree char *label = g_strdup_printf ("S%u", v);

              aims_matrix_set_step (matrix, a, v, label, "", NULL);
            }
        g_test_message ("%u → %u", from, to);
        g_assert_true (aims_matrix_validate (matrix, &error));
        g_assert_no_error (error);
      }
}

static void
test_add_remove_level (void)
{
  g_autoptr(AimsMatrix) matrix = aims_matrix_new_preset (AIMS_MATRIX_PRESET_5X5);
  g_autoptr(GError) error = NULL;
  guint level;

  /* Added above the highest, in no cell yet */
  level = aims_matrix_add_level (matrix, "Extreme", "#613583", FALSE, 7);
  g_assert_cmpuint (level, ==, 5);
  g_assert_cmpuint (aims_matrix_get_n_levels (matrix), ==, 6);
  g_assert_cmpstr (aims_matrix_get_level_name (matrix, 5), ==, "Extreme");
  g_assert_cmpstr (aims_matrix_get_level_colour (matrix, 5), ==, "#613583");
  g_assert_false (aims_matrix_get_level_within_appetite (matrix, 5));
  g_assert_cmpuint (aims_matrix_get_level_review_days (matrix, 5), ==, 7);
  for (guint l = 1; l <= 5; l++)
    for (guint i = 1; i <= 5; i++)
      g_assert_cmpint (aims_matrix_lookup (matrix, l, i), ==, expected_5x5[l - 1][i - 1]);
  g_assert_true (aims_matrix_validate (matrix, &error));
  g_assert_no_error (error);
  aims_matrix_set_cell (matrix, 5, 5, 5);

  /* Removing "Significant" (2): its cells become "Moderate", the levels
   * above move down, the tolerance ("Moderate") stays */
  aims_matrix_remove_level (matrix, 2);
  g_assert_cmpuint (aims_matrix_get_n_levels (matrix), ==, 5);
  g_assert_cmpstr (aims_matrix_get_level_name (matrix, 2), ==, "High");
  g_assert_cmpstr (aims_matrix_get_level_name (matrix, 3), ==, "Critical");
  g_assert_cmpstr (aims_matrix_get_level_name (matrix, 4), ==, "Extreme");
  g_assert_cmpuint (aims_matrix_get_tolerance (matrix), ==, 1);
  g_assert_cmpint (aims_matrix_lookup (matrix, 5, 5), ==, 4);
  for (guint l = 1; l <= 5; l++)
    for (guint i = 1; i <= 5; i++)
      {
        int old = expected_5x5[l - 1][i - 1];
        int expected = old < 2 ? old : old == 2 ? 1 : old - 1;

        if (l == 5 && i == 5)
          continue;
        g_assert_cmpint (aims_matrix_lookup (matrix, l, i), ==, expected);
      }
  g_assert_true (aims_matrix_validate (matrix, &error));
  g_assert_no_error (error);

  /* Removing the lowest: its cells take the level above, which becomes the
   * lowest; the tolerance moves with its level */
  aims_matrix_remove_level (matrix, 0);
  g_assert_cmpstr (aims_matrix_get_level_name (matrix, 0), ==, "Moderate");
  g_assert_cmpint (aims_matrix_lookup (matrix, 1, 1), ==, 0);
  g_assert_cmpuint (aims_matrix_get_tolerance (matrix), ==, 0);
  g_assert_true (aims_matrix_validate (matrix, &error));
  g_assert_no_error (error);

  /* Removing the tolerance level moves the tolerance to the level below */
  aims_matrix_set_tolerance (matrix, 2);
  aims_matrix_remove_level (matrix, 2);
  g_assert_cmpuint (aims_matrix_get_tolerance (matrix), ==, 1);
  g_assert_cmpuint (aims_matrix_get_n_levels (matrix), ==, 3);
  g_assert_true (aims_matrix_validate (matrix, &error));
  g_assert_no_error (error);

  /* Down to one level the matrix is refused for its size */
  aims_matrix_remove_level (matrix, 2);
  aims_matrix_remove_level (matrix, 1);
  g_assert_cmpuint (aims_matrix_get_n_levels (matrix), ==, 1);
  g_assert_false (aims_matrix_validate (matrix, &error));
  g_assert_error (error, AIMS_MATRIX_ERROR, AIMS_MATRIX_ERROR_SIZE);
}

/* The matrix in the store */

typedef struct
{
  char      *dir;
  char      *path;
  AimsStore *store;
  char      *project;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = aims_test_make_dir ();
  fixture->path = g_build_filename (fixture->dir, "store.sqlite", NULL);
  fixture->store = aims_store_new (fixture->path, "Ada", &error);
  g_assert_no_error (error);
  g_assert_true (_aims_store_create_project (fixture->store, &error));
  g_assert_no_error (error);
  fixture->project = aims_store_dup_project_uuid (fixture->store);
  g_assert_nonnull (fixture->project);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  aims_test_remove_tree (fixture->dir);
  g_free (fixture->project);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static char *
stored_json (Fixture *fixture)
{
  g_autoptr(GVariant) value = NULL;
  g_autoptr(GError) error = NULL;

  value = aims_store_get (fixture->store, "project", fixture->project, "matrix", &error);
  g_assert_no_error (error);

  return value != NULL ? g_variant_dup_string (value, NULL) : NULL;
}

static void
test_store_default (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(AimsMatrix) preset = aims_matrix_new_preset (AIMS_MATRIX_PRESET_5X5);
  g_autoptr(AimsMatrix) matrix = aims_store_dup_matrix (fixture->store);
  g_autoptr(AimsMatrix) loaded = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (aims_matrix_equal (matrix, preset));
  loaded = aims_store_load_matrix (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_true (aims_matrix_equal (loaded, preset));
}

static void
test_store_set (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(AimsMatrix) preset = aims_matrix_new_preset (AIMS_MATRIX_PRESET_5X5);
  g_autoptr(AimsMatrix) four = aims_matrix_new_preset (AIMS_MATRIX_PRESET_4X4);
  g_autoptr(AimsMatrix) matrix = NULL;
  g_autoptr(AimsMatrix) after_undo = NULL;
  g_autoptr(AimsMatrix) after_redo = NULL;
  g_autoptr(GListModel) history = NULL;
  g_autoptr(AimsChange) change = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  g_autofree char *json = NULL;
  g_autofree char *expected = aims_matrix_to_json (four);
  gint64 before = aims_store_get_last_change_id (fixture->store);
  guint n;

  g_assert_true (aims_store_set_matrix (fixture->store, four, &error));
  g_assert_no_error (error);
  g_assert_cmpint (aims_store_get_last_change_id (fixture->store), >, before);

  matrix = aims_store_dup_matrix (fixture->store);
  g_assert_true (aims_matrix_equal (matrix, four));
  json = stored_json (fixture);
  g_assert_cmpstr (json, ==, expected);

  /* One undo step, with its own label */
  label = aims_store_dup_undo_label (fixture->store);
  g_assert_cmpstr (label, ==, "Change the risk matrix");

  /* In the change log */
  history = aims_store_list_history (fixture->store, fixture->project);
  n = g_list_model_get_n_items (history);
  g_assert_cmpuint (n, >=, 1);
  change = g_list_model_get_item (history, n - 1);
  g_assert_cmpstr (aims_change_get_table (change), ==, "project");
  g_assert_cmpstr (aims_change_get_field (change), ==, "matrix");
  g_assert_cmpstr (aims_change_get_new_value (change), ==, expected);
  g_assert_cmpstr (aims_change_get_changeset_label (change), ==, "Change the risk matrix");
  g_assert_cmpstr (aims_change_get_author (change), ==, "Ada");

  /* Setting the same matrix again changes nothing */
  before = aims_store_get_last_change_id (fixture->store);
  g_assert_true (aims_store_set_matrix (fixture->store, four, &error));
  g_assert_no_error (error);
  g_assert_cmpint (aims_store_get_last_change_id (fixture->store), ==, before);

  /* Undo restores the previous matrix (the default), redo the new one */
  g_assert_true (aims_store_undo (fixture->store, &error));
  g_assert_no_error (error);
  after_undo = aims_store_dup_matrix (fixture->store);
  g_assert_true (aims_matrix_equal (after_undo, preset));

  g_assert_true (aims_store_redo (fixture->store, &error));
  g_assert_no_error (error);
  after_redo = aims_store_dup_matrix (fixture->store);
  g_assert_true (aims_matrix_equal (after_redo, four));
}

static void
test_store_invalid_refused (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(AimsMatrix) six = aims_matrix_new_preset (AIMS_MATRIX_PRESET_6X6);
  g_autoptr(AimsMatrix) broken = NULL;
  g_autoptr(AimsMatrix) matrix = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json_before = NULL;
  g_autofree char *json_after = NULL;
  g_autofree char *undo_before = NULL;
  g_autofree char *undo_after = NULL;
  gint64 before;

  g_assert_true (aims_store_set_matrix (fixture->store, six, &error));
  g_assert_no_error (error);
  before = aims_store_get_last_change_id (fixture->store);
  json_before = stored_json (fixture);
  undo_before = aims_store_dup_undo_label (fixture->store);

  broken = aims_matrix_copy (six);
  aims_matrix_set_cell (broken, 2, 2, -1);
  g_assert_false (aims_store_set_matrix (fixture->store, broken, &error));
  g_assert_error (error, AIMS_MATRIX_ERROR, AIMS_MATRIX_ERROR_UNASSIGNED_CELL);
  assert_contains (error->message, "Rare × Minor");

  g_assert_cmpint (aims_store_get_last_change_id (fixture->store), ==, before);
  json_after = stored_json (fixture);
  g_assert_cmpstr (json_after, ==, json_before);
  undo_after = aims_store_dup_undo_label (fixture->store);
  g_assert_cmpstr (undo_after, ==, undo_before);
  matrix = aims_store_dup_matrix (fixture->store);
  g_assert_true (aims_matrix_equal (matrix, six));
}

static void
test_store_unusable_stored (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(AimsMatrix) preset = aims_matrix_new_preset (AIMS_MATRIX_PRESET_5X5);
  g_autoptr(GError) error = NULL;
  static const char *stored[] = {
    "{\"version\": 1}",
    "[1, 2, 3]",
    "{\"version\": 7, \"likelihood\": []}",
  };

  /* Well-formed JSON, so the store takes it; not a matrix */
  for (guint s = 0; s < G_N_ELEMENTS (stored); s++)
    {
      g_autoptr(AimsMatrix) loaded = NULL;
      g_autoptr(AimsMatrix) matrix = NULL;

      g_assert_true (aims_store_update (fixture->store, "project", fixture->project, "matrix",
                                        g_variant_new_string (stored[s]), &error));
      g_assert_no_error (error);

      loaded = aims_store_load_matrix (fixture->store, &error);
      g_assert_null (loaded);
      g_assert_error (error, AIMS_MATRIX_ERROR, AIMS_MATRIX_ERROR_FORMAT);
      g_clear_error (&error);

      matrix = aims_store_dup_matrix (fixture->store);
      g_assert_true (aims_matrix_equal (matrix, preset));
    }

  /* Nesting that would crash json-glib is refused by the store itself */
  {
    g_autofree char *deep = g_strnfill (256 * 1024, '{');

    g_assert_false (aims_store_update (fixture->store, "project", fixture->project, "matrix",
                                       g_variant_new_string (deep), &error));
    g_assert_error (error, AIMS_STORE_ERROR, AIMS_STORE_ERROR_INVALID_VALUE);
    g_clear_error (&error);
  }

  /* Not JSON at all, written behind the store's back */
  {
    g_autoptr(AimsMatrix) loaded = NULL;
    g_autoptr(AimsMatrix) matrix = NULL;

    g_assert_cmpint (sqlite3_exec (_aims_store_get_db (fixture->store),
                                   "UPDATE project SET matrix = '{[{'", NULL, NULL, NULL),
                     ==, SQLITE_OK);
    loaded = aims_store_load_matrix (fixture->store, &error);
    g_assert_null (loaded);
    g_assert_error (error, AIMS_MATRIX_ERROR, AIMS_MATRIX_ERROR_FORMAT);
    g_clear_error (&error);
    matrix = aims_store_dup_matrix (fixture->store);
    g_assert_true (aims_matrix_equal (matrix, preset));

    /* and an empty slot is the default, not an error */
    g_assert_cmpint (sqlite3_exec (_aims_store_get_db (fixture->store),
                                   "UPDATE project SET matrix = ''", NULL, NULL, NULL),
                     ==, SQLITE_OK);
    g_clear_object (&loaded);
    loaded = aims_store_load_matrix (fixture->store, &error);
    g_assert_no_error (error);
    g_assert_true (aims_matrix_equal (loaded, preset));
  }
}

/* Opening a file whose matrix cannot be used */

static char *
save_project_with_matrix (const char *dir,
                          const char *matrix_json)
{
  g_autoptr(AimsDocument) document = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *project = NULL;
  char *path = g_build_filename (dir, "project.aims", NULL);
  AimsStore *store;

  document = aims_document_new_untitled ("Ada", &error);
  g_assert_no_error (error);
  store = aims_document_get_store (document);
  project = aims_store_dup_project_uuid (store);
  g_assert_true (aims_store_update (store, "project", project, "matrix",
                                    g_variant_new_string (matrix_json), &error));
  g_assert_no_error (error);

  file = g_file_new_for_path (path);
  g_assert_true (aims_document_save_as (document, file, &error));
  g_assert_no_error (error);
  aims_document_close (document);

  return path;
}

static gboolean
warnings_mention (AimsDocument *document,
                  const char   *needle)
{
  GPtrArray *warnings = aims_document_get_warnings (document);

  for (guint w = 0; warnings != NULL && w < warnings->len; w++)
    if (strstr (g_ptr_array_index (warnings, w), needle) != NULL)
      return TRUE;

  return FALSE;
}

static void
test_document_matrix (void)
{
  g_autofree char *dir = aims_test_make_dir ();
  g_autoptr(AimsMatrix) preset = aims_matrix_new_preset (AIMS_MATRIX_PRESET_5X5);
  g_autoptr(AimsMatrix) four = aims_matrix_new_preset (AIMS_MATRIX_PRESET_4X4);
  g_autofree char *four_json = aims_matrix_to_json (four);

  /* A valid matrix: opens without a warning about it */
  {
    g_autofree char *path = save_project_with_matrix (dir, four_json);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(AimsDocument) document = NULL;
    g_autoptr(AimsMatrix) matrix = NULL;
    g_autoptr(GError) error = NULL;

    document = aims_document_open (file, AIMS_OPEN_NONE, "Grace", &error);
    g_assert_no_error (error);
    g_assert_false (warnings_mention (document, "risk matrix"));
    matrix = aims_store_dup_matrix (aims_document_get_store (document));
    g_assert_true (aims_matrix_equal (matrix, four));
    aims_document_close (document);
    g_unlink (path);
  }

  /* Well-formed JSON that is not a matrix: opens, with a warning, and the
   * default matrix */
  {
    g_autofree char *path = save_project_with_matrix (dir, "{\"version\": 1, \"grid\": [[[]]]}");
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(AimsDocument) document = NULL;
    g_autoptr(AimsMatrix) matrix = NULL;
    g_autoptr(GError) error = NULL;

    document = aims_document_open (file, AIMS_OPEN_READ_ONLY, "Grace", &error);
    g_assert_no_error (error);
    g_assert_true (warnings_mention (document, "risk matrix"));
    matrix = aims_store_dup_matrix (aims_document_get_store (document));
    g_assert_true (aims_matrix_equal (matrix, preset));
    aims_document_close (document);
  }

  /* Not JSON at all: the project file check refuses the file, naming the field */
  {
    g_autofree char *path = g_build_filename (dir, "project.aims", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(AimsDocument) document = NULL;
    g_autoptr(GError) error = NULL;
    sqlite3 *db = NULL;

    g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "UPDATE project SET matrix = '{\"version\": [1'",
                                   NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);

    document = aims_document_open (file, AIMS_OPEN_READ_ONLY, "Grace", &error);
    g_assert_null (document);
    g_assert_nonnull (error);
    g_test_message ("%s", error->message);
    assert_contains (error->message, "“matrix”");
  }

  /* Nested deeper than json-glib's recursive parser survives: refused in the
   * same way, not a crash */
  {
    g_autofree char *path = g_build_filename (dir, "project.aims", NULL);
    g_autofree char *deep = g_strnfill (512 * 1024, '[');
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(AimsDocument) document = NULL;
    g_autoptr(GError) error = NULL;
    sqlite3_stmt *stmt = NULL;
    sqlite3 *db = NULL;

    g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (db, "UPDATE project SET matrix = ?", -1, &stmt, NULL),
                     ==, SQLITE_OK);
    sqlite3_bind_text (stmt, 1, deep, -1, SQLITE_STATIC);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
    sqlite3_finalize (stmt);
    sqlite3_close (db);

    document = aims_document_open (file, AIMS_OPEN_READ_ONLY, "Grace", &error);
    g_assert_null (document);
    g_assert_nonnull (error);
    assert_contains (error->message, "“matrix”");
  }

  aims_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/matrix/presets/grid", test_presets_grid);
  g_test_add_func ("/matrix/presets/valid", test_presets_valid);
  g_test_add_func ("/matrix/presets/default", test_default_preset);
  g_test_add_func ("/matrix/new-blank", test_new_blank);
  g_test_add_func ("/matrix/validate/rules", test_validate_rules);
  g_test_add_func ("/matrix/copy-equal", test_copy_equal);
  g_test_add_func ("/matrix/find-step", test_find_step);
  g_test_add_func ("/matrix/json/round-trip", test_json_round_trip);
  g_test_add_func ("/matrix/json/hostile", test_json_hostile);
  g_test_add_func ("/matrix/remap/values", test_remap);
  g_test_add_func ("/matrix/remap/describe", test_describe_remap);
  g_test_add_func ("/matrix/edit/set-n-steps", test_set_n_steps);
  g_test_add_func ("/matrix/edit/add-remove-level", test_add_remove_level);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/matrix/store/default", test_store_default);
  ADD ("/matrix/store/set-undo-log", test_store_set);
  ADD ("/matrix/store/invalid-refused", test_store_invalid_refused);
  ADD ("/matrix/store/unusable-stored", test_store_unusable_stored);

#undef ADD

  g_test_add_func ("/matrix/document/open", test_document_matrix);

  return g_test_run ();
}
