/* aims-section.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The sections of a project, in sidebar order. Strings are marked with N_()
 * and translated where they are shown. */
typedef struct
{
  const char *id;
  const char *title;
  const char *icon_name;
  /* What the section will hold, for sections not available yet (NULL once built) */
  const char *planned;
} AimsSection;

const AimsSection *aims_section_get_all   (guint      *n_sections);
const AimsSection *aims_section_find      (const char *id);

G_END_DECLS
