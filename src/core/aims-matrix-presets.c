/* aims-matrix-presets.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The built-in matrices: our own steps, descriptions, levels and grids. */

#define G_LOG_DOMAIN "aims-matrix"

#include "config.h"

#include "aims-matrix-private.h"

#include <glib/gi18n.h>

typedef struct
{
  const char *label;
  const char *description;
  const char *range;
} PresetStep;

typedef struct
{
  const char *name;
  const char *colour;
  gboolean    within_appetite;
  guint       review_days;
} PresetLevel;

typedef struct
{
  const char        *name;
  guint              n_likelihood;
  guint              n_impact;
  guint              n_levels;
  const PresetStep  *likelihood;
  const PresetStep  *impact;
  const PresetLevel *levels;
  const int         *grid;        /* n_likelihood × n_impact, row by row */
  guint              tolerance;
} Preset;

/* Likelihood: how often the harm is expected to happen over the life of the
 * AI system, given the controls already in place. */

static const PresetStep likelihood_5[] = {
  { N_("Rare"),
    N_("Could happen only in exceptional circumstances; no known occurrence in comparable "
       "AI systems."),
    N_("less than once in 10 years") },
  { N_("Unlikely"),
    N_("Not expected, but has happened elsewhere with comparable AI systems or data."),
    N_("once in 3 to 10 years") },
  { N_("Possible"),
    N_("Might happen during the life of the AI system; has happened in the sector."),
    N_("once in 1 to 3 years") },
  { N_("Likely"),
    N_("Will probably happen; has happened here before or warning signs are seen."),
    N_("once or more a year") },
  { N_("Almost certain"),
    N_("Expected to happen in normal operation unless something changes."),
    N_("monthly or more often") },
};

static const PresetStep likelihood_4[] = {
  { N_("Rare"),
    N_("Could happen only in exceptional circumstances."),
    N_("less than once in 10 years") },
  { N_("Unlikely"),
    N_("Not expected, but has happened elsewhere with comparable AI systems."),
    N_("once in 2 to 10 years") },
  { N_("Likely"),
    N_("Will probably happen during the life of the AI system."),
    N_("once or more a year") },
  { N_("Almost certain"),
    N_("Expected to happen in normal operation."),
    N_("monthly or more often") },
};

static const PresetStep likelihood_3[] = {
  { N_("Unlikely"),
    N_("Not expected during the life of the AI system."),
    N_("less than once in 5 years") },
  { N_("Possible"),
    N_("Might happen during the life of the AI system."),
    N_("once in 1 to 5 years") },
  { N_("Likely"),
    N_("Expected to happen, or has happened already."),
    N_("once or more a year") },
};

static const PresetStep likelihood_6[] = {
  { N_("Very rare"),
    N_("Not known to have happened anywhere with comparable AI systems."),
    N_("less than once in 30 years") },
  { N_("Rare"),
    N_("Could happen only in exceptional circumstances."),
    N_("once in 10 to 30 years") },
  { N_("Unlikely"),
    N_("Not expected, but has happened elsewhere with comparable AI systems or data."),
    N_("once in 3 to 10 years") },
  { N_("Possible"),
    N_("Might happen during the life of the AI system; has happened in the sector."),
    N_("once in 1 to 3 years") },
  { N_("Likely"),
    N_("Will probably happen; has happened here before or warning signs are seen."),
    N_("once or more a year") },
  { N_("Almost certain"),
    N_("Expected to happen in normal operation unless something changes."),
    N_("monthly or more often") },
};

/* Impact: the worst credible harm to people, to the organisation and to
 * society, with the financial loss as a guide. */

static const PresetStep impact_5[] = {
  { N_("Negligible"),
    N_("No noticeable effect on people; a minor inconvenience for the organisation, "
       "handled in routine work."),
    N_("under EUR 10k") },
  { N_("Minor"),
    N_("Short, reversible inconvenience to a few people; small local disruption; "
       "no effect on rights or on society."),
    N_("EUR 10k–100k") },
  { N_("Moderate"),
    N_("Reversible harm to a group of people, such as an unfair decision that is later "
       "corrected; complaints or local media attention."),
    N_("EUR 100k–1M") },
  { N_("Major"),
    N_("Serious or lasting harm to people or to their fundamental rights; regulatory "
       "action; national media attention."),
    N_("EUR 1M–10M") },
  { N_("Severe"),
    N_("Irreversible harm, including to health or life, or harm to many people or to "
       "society; loss of a licence to operate."),
    N_("over EUR 10M") },
};

static const PresetStep impact_4[] = {
  { N_("Minor"),
    N_("Short, reversible inconvenience to a few people; handled in routine work."),
    N_("under EUR 50k") },
  { N_("Moderate"),
    N_("Reversible harm to a group of people; complaints or local media attention."),
    N_("EUR 50k–500k") },
  { N_("Major"),
    N_("Serious or lasting harm to people or to their rights; regulatory action."),
    N_("EUR 500k–5M") },
  { N_("Severe"),
    N_("Irreversible harm, including to health or life, or harm to society at large."),
    N_("over EUR 5M") },
};

static const PresetStep impact_3[] = {
  { N_("Minor"),
    N_("Reversible inconvenience to people; handled in routine work."),
    N_("under EUR 100k") },
  { N_("Moderate"),
    N_("Harm to people or their rights that can be corrected; complaints or regulatory "
       "questions."),
    N_("EUR 100k–1M") },
  { N_("Severe"),
    N_("Serious, lasting or irreversible harm to people or society; regulatory action."),
    N_("over EUR 1M") },
};

static const PresetStep impact_6[] = {
  { N_("Negligible"),
    N_("No noticeable effect on people; handled in routine work."),
    N_("under EUR 10k") },
  { N_("Minor"),
    N_("Short, reversible inconvenience to a few people; no effect on rights."),
    N_("EUR 10k–100k") },
  { N_("Moderate"),
    N_("Reversible harm to a group of people, later corrected; complaints or local "
       "media attention."),
    N_("EUR 100k–1M") },
  { N_("Major"),
    N_("Serious or lasting harm to people or to their fundamental rights; regulatory "
       "action."),
    N_("EUR 1M–10M") },
  { N_("Severe"),
    N_("Irreversible harm to people, including to health, or harm to many people; "
       "national media attention."),
    N_("EUR 10M–50M") },
  { N_("Catastrophic"),
    N_("Loss of life or widespread harm to society; the organisation's survival or "
       "licence to operate is at stake."),
    N_("over EUR 50M") },
};

static const PresetLevel levels_5[] = {
  { N_("Low"),         "#33d17a", TRUE,  365 },
  { N_("Moderate"),    "#f6d32d", TRUE,  180 },
  { N_("Significant"), "#ff7800", FALSE,  90 },
  { N_("High"),        "#e01b24", FALSE,  30 },
  { N_("Critical"),    "#a51d2d", FALSE,  14 },
};

static const PresetLevel levels_4[] = {
  { N_("Low"),      "#33d17a", TRUE,  365 },
  { N_("Moderate"), "#f6d32d", TRUE,  180 },
  { N_("High"),     "#ff7800", FALSE,  60 },
  { N_("Critical"), "#e01b24", FALSE,  14 },
};

static const PresetLevel levels_3[] = {
  { N_("Low"),    "#33d17a", TRUE,  365 },
  { N_("Medium"), "#f6d32d", TRUE,   90 },
  { N_("High"),   "#e01b24", FALSE,  30 },
};

/* The grids follow likelihood × impact, then were checked by hand: a severe
 * impact is never "Low", however rare. */
static const int grid_5[] = {
  0, 0, 1, 1, 2,
  0, 1, 2, 2, 3,
  1, 2, 2, 3, 3,
  1, 2, 3, 3, 4,
  2, 3, 3, 4, 4,
};

static const int grid_4[] = {
  0, 0, 1, 1,
  0, 1, 2, 2,
  1, 2, 2, 3,
  1, 2, 3, 3,
};

static const int grid_3[] = {
  0, 0, 1,
  0, 1, 2,
  1, 2, 2,
};

static const int grid_6[] = {
  0, 0, 0, 1, 1, 2,
  0, 1, 1, 2, 2, 2,
  0, 1, 2, 2, 3, 3,
  1, 2, 2, 3, 3, 4,
  1, 2, 3, 3, 4, 4,
  1, 2, 3, 4, 4, 4,
};

static const Preset presets[] = {
  [AIMS_MATRIX_PRESET_5X5] = { N_("5×5"), 5, 5, 5, likelihood_5, impact_5, levels_5, grid_5, 1 },
  [AIMS_MATRIX_PRESET_4X4] = { N_("4×4"), 4, 4, 4, likelihood_4, impact_4, levels_4, grid_4, 1 },
  [AIMS_MATRIX_PRESET_3X3] = { N_("3×3"), 3, 3, 3, likelihood_3, impact_3, levels_3, grid_3, 1 },
  [AIMS_MATRIX_PRESET_6X6] = { N_("6×6"), 6, 6, 5, likelihood_6, impact_6, levels_5, grid_6, 1 },
};

/* Public API *************************************************************/

/**
 * aims_matrix_new_preset:
 * @preset: an #AimsMatrixPreset
 *
 * Creates one of the built-in matrices, with its labels translated.
 *
 * Returns: (transfer full): a new, valid matrix
 */
AimsMatrix *
aims_matrix_new_preset (AimsMatrixPreset preset)
{
  const Preset *p;
  AimsMatrix *self;

  g_return_val_if_fail ((guint) preset < G_N_ELEMENTS (presets), NULL);

  p = &presets[preset];
  self = aims_matrix_new (p->n_likelihood, p->n_impact, p->n_levels);

  for (guint v = 1; v <= p->n_likelihood; v++)
    aims_matrix_set_step (self, AIMS_MATRIX_LIKELIHOOD, v,
                          _(p->likelihood[v - 1].label),
                          _(p->likelihood[v - 1].description),
                          _(p->likelihood[v - 1].range));

  for (guint v = 1; v <= p->n_impact; v++)
    aims_matrix_set_step (self, AIMS_MATRIX_IMPACT, v,
                          _(p->impact[v - 1].label),
                          _(p->impact[v - 1].description),
                          _(p->impact[v - 1].range));

  for (guint l = 0; l < p->n_levels; l++)
    aims_matrix_set_level (self, l,
                           _(p->levels[l].name),
                           p->levels[l].colour,
                           p->levels[l].within_appetite,
                           p->levels[l].review_days);

  for (guint l = 0; l < p->n_likelihood; l++)
    for (guint i = 0; i < p->n_impact; i++)
      self->grid[l][i] = p->grid[l * p->n_impact + i];

  self->tolerance = p->tolerance;

  return self;
}

/**
 * aims_matrix_preset_get_name:
 * @preset: an #AimsMatrixPreset
 *
 * Returns: the preset's translated name, such as "5×5"
 */
const char *
aims_matrix_preset_get_name (AimsMatrixPreset preset)
{
  g_return_val_if_fail ((guint) preset < G_N_ELEMENTS (presets), NULL);

  return _(presets[preset].name);
}
