/* aims-section.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aims-section"

#include "config.h"

#include "aims-section.h"

#include <glib/gi18n.h>

static const AimsSection sections[] = {
  { "overview", N_("Overview"), "go-home-symbolic", NULL },
  { "systems", N_("AI Systems"), "computer-symbolic", NULL },
  { "risks", N_("Risks"), "dialog-warning-symbolic", NULL },
  { "heatmap", N_("Heatmap"), "view-grid-symbolic", NULL },
  { "impact", N_("Impact Assessments"), "x-office-document-symbolic", NULL },
  { "controls", N_("Controls (SoA)"), "security-high-symbolic", NULL },
  { "pdca", N_("PDCA Board"), "media-playlist-repeat-symbolic", NULL },
  { "audits", N_("Audits & Actions"), "checkbox-checked-symbolic", NULL },
  { "incidents", N_("Incidents"), "emblem-important-symbolic", NULL },
  { "reviews", N_("Management Review"), "x-office-presentation-symbolic", NULL },
};

/**
 * aims_section_get_all:
 * @n_sections: (out): the number of sections
 *
 * Returns: (transfer none) (array length=n_sections): every section, in sidebar order
 */
const AimsSection *
aims_section_get_all (guint *n_sections)
{
  *n_sections = G_N_ELEMENTS (sections);
  return sections;
}

/**
 * aims_section_find:
 * @id: a section id such as "risks"
 *
 * Returns: (transfer none) (nullable): the section, or %NULL if @id is unknown
 */
const AimsSection *
aims_section_find (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      if (g_strcmp0 (sections[i].id, id) == 0)
        return &sections[i];
    }

  return NULL;
}
