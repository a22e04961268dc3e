/* aims-demo.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined(AIMS_CORE_INSIDE) && !defined(AIMS_CORE_COMPILATION)
# error "Only <aims-core.h> can be included directly."
#endif

#include "aims-store.h"

G_BEGIN_DECLS

/**
 * AimsDemoScale:
 * @AIMS_DEMO_SCALE_SMALL: the hand-written organisation (13 AI systems)
 * @AIMS_DEMO_SCALE_LARGE: 2,000 AI systems and 20,000 risks
 * @AIMS_DEMO_SCALE_HUGE: 10,000 AI systems and 100,000 risks
 *
 * How big a demo project is. Later issues add their records to the same
 * generator.
 */
typedef enum
{
  AIMS_DEMO_SCALE_SMALL,
  AIMS_DEMO_SCALE_LARGE,
  AIMS_DEMO_SCALE_HUGE,
} AimsDemoScale;

#define AIMS_DEMO_DEFAULT_SEED 42

guint     aims_demo_scale_get_n_systems (AimsDemoScale   scale);
guint     aims_demo_scale_get_n_risks   (AimsDemoScale   scale);
gboolean  aims_demo_scale_from_string   (const char     *name,
                                         AimsDemoScale  *scale);
gboolean  aims_demo_generate            (AimsStore      *store,
                                         AimsDemoScale   scale,
                                         guint32         seed,
                                         GError        **error);
gboolean  aims_demo_write_file          (const char     *path,
                                         AimsDemoScale   scale,
                                         guint32         seed,
                                         GError        **error);

G_END_DECLS
