/* fuzz-project-json.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * libFuzzer harness for the project JSON reader: every input is imported
 * into an empty project in memory. Build with -Dfuzzing=true (see
 * tests/fuzz/meson.build), run with a corpus folder:
 *
 *   build-fuzz/tests/fuzz/fuzz-project-json -max_total_time=600 \
 *     tests/fuzz/corpus-project-json
 */

#include "config.h"

#include <aims-core.h>

#include <stdint.h>

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static AimsStore *store;

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;

  if (store == NULL)
    {
      g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL);
      store = aims_store_new (":memory:", "Fuzzer", &error);
      g_assert_no_error (error);
    }

  /* A document that imports fills the project: start the next one anew. */
  if (aims_project_json_import (store, (const char *) data, size, "fuzz.json", &error))
    g_clear_object (&store);
  else
    g_assert_true (error->domain == AIMS_PROJECT_JSON_ERROR ||
                   error->domain == AIMS_STORE_ERROR);

  return 0;
}
