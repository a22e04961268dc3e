/* bench-risk-register.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * How quickly the risk register's own filters narrow the list on a large
 * project, with the core alone (what the Risks section runs when a filter
 * is clicked): the list's query run again, up to the number of rows
 * (AimsRecordList with aims_record_list_set_risk_filter() and
 * aims_record_list_set_linked_to()):
 *
 *   - above tolerance,
 *   - overdue review,
 *   - both,
 *   - one AI system, and one AI system and overdue review,
 *   - the treatment summary of one risk (the form's treatment actions),
 *
 * and, for reference, the unfiltered register again (the ordering every
 * one of them pays).
 *
 * Each is run several times, switched on from an unfiltered list; the
 * median and the worst are reported against the register's goal (a
 * filtered register update under 50 ms). The project is the `huge` demo
 * (100,000 risks) unless another scale is given:
 *
 *   build/tests/bench/bench-risk-register [small|large|huge|FILE.aims] [RUNS]
 *
 * (Writing the huge demo takes minutes; `aims demo --scale huge FILE.aims`
 * once, then FILE.aims, measures again without it.)
 */

#define G_LOG_DOMAIN "bench-risk-register"

#include "config.h"

#include <aims-core.h>
#include <glib/gstdio.h>

#include "bench-stats.h"

#define LIST_GOAL_MS 50.0
#define SUMMARY_GOAL_MS 5.0

/* Switches @filter (and @system) on from an unfiltered list, and times it */
static guint
measure (AimsRecordList       *list,
         const AimsRiskFilter *filter,
         const char           *system,
         GArray               *ms)
{
  gint64 start;
  double elapsed;
  guint n;

  aims_record_list_set_risk_filter (list, NULL);
  aims_record_list_set_linked_to (list, NULL, NULL);
  g_list_model_get_n_items (G_LIST_MODEL (list));

  start = g_get_monotonic_time ();
  if (system != NULL)
    aims_record_list_set_linked_to (list, "risk_system", system);
  aims_record_list_set_risk_filter (list, filter);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  elapsed = bench_since (start);
  g_array_append_val (ms, elapsed);

  return n;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("aims-bench-risk-register-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "Demo.aims", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(AimsDocument) document = NULL;
  g_autoptr(AimsMatrix) matrix = NULL;
  g_autoptr(AimsRecordList) list = NULL;
  g_autoptr(GArray) all_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) above_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) overdue_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) both_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) system_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) system_overdue_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) summary_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_auto(GStrv) systems = NULL;
  g_auto(GStrv) risks = NULL;
  BenchArgs args;
  AimsRiskFilter above, overdue, both;
  AimsStore *store;
  guint n_above = 0, n_overdue = 0, n_both = 0;
  gboolean all_met = TRUE;
  gint64 start;

  if (!bench_parse_args (argc, argv, 20, &args))
    return 2;

  if (args.existing != NULL)
    {
      g_clear_object (&file);
      file = g_file_new_for_path (args.existing);
    }
  else
    {
      start = g_get_monotonic_time ();
      if (!aims_demo_write_file (path, args.scale, 42, &error))
        g_error ("Could not write the demo: %s", error->message);
      g_print ("Demo project (%s) written in %.0f ms\n", args.scale_name, bench_since (start));
    }

  document = aims_document_open (file, AIMS_OPEN_READ_ONLY, NULL, &error);
  if (document == NULL)
    g_error ("Could not open the demo: %s", error->message);
  store = aims_document_get_store (document);
  matrix = aims_store_dup_matrix (store);
  systems = aims_store_dup_uuids (store, "ai_system", &error);
  risks = aims_store_dup_uuids (store, "risk", &error);
  g_print ("%u risks, %u AI systems, %u treatment actions\n\n", aims_store_count (store, "risk"),
           aims_store_count (store, "ai_system"), aims_store_count (store, "treatment_action"));

  aims_risk_filter_init (&above);
  above.flags = AIMS_RISK_FILTER_ABOVE_TOLERANCE | AIMS_RISK_FILTER_OPEN;
  aims_risk_filter_init (&overdue);
  overdue.flags = AIMS_RISK_FILTER_OVERDUE | AIMS_RISK_FILTER_OPEN;
  aims_risk_filter_init (&both);
  both.flags = above.flags | overdue.flags;

  list = aims_record_list_new (store, "risk");
  for (guint r = 0; r < args.runs; r++)
    {
      const char *system = systems[(r * 7919) % g_strv_length (systems)];
      const char *risk = risks[(r * 104729) % g_strv_length (risks)];
      AimsTreatmentSummary summary;

      /* For reference: every risk again, from a filtered list */
      aims_record_list_set_linked_to (list, NULL, NULL);
      aims_record_list_set_risk_filter (list, &both);
      g_list_model_get_n_items (G_LIST_MODEL (list));
      start = g_get_monotonic_time ();
      aims_record_list_set_risk_filter (list, NULL);
      g_list_model_get_n_items (G_LIST_MODEL (list));
      {
        double elapsed = bench_since (start);

        g_array_append_val (all_ms, elapsed);
      }

      n_above = measure (list, &above, NULL, above_ms);
      n_overdue = measure (list, &overdue, NULL, overdue_ms);
      n_both = measure (list, &both, NULL, both_ms);
      measure (list, NULL, system, system_ms);
      measure (list, &overdue, system, system_overdue_ms);

      start = g_get_monotonic_time ();
      if (!aims_treatment_summarize (store, risk, NULL, &summary, &error))
        g_error ("Could not summarise: %s", error->message);
      {
        double elapsed = bench_since (start);

        g_array_append_val (summary_ms, elapsed);
      }
    }

  g_assert (n_above == aims_risks_count_above_tolerance (store, matrix, NULL));
  g_assert (n_overdue == aims_risks_count_overdue (store, NULL, NULL));

  g_print ("Risk register filters on the %s demo (%u above tolerance, %u overdue, %u both):\n",
           args.scale_name, n_above, n_overdue, n_both);
  bench_report_ms ("register: every risk (for reference)", 40, all_ms, LIST_GOAL_MS);
  all_met &= bench_report_ms ("register: above tolerance", 40, above_ms, LIST_GOAL_MS);
  all_met &= bench_report_ms ("register: overdue review", 40, overdue_ms, LIST_GOAL_MS);
  all_met &= bench_report_ms ("register: above tolerance and overdue", 40, both_ms, LIST_GOAL_MS);
  all_met &= bench_report_ms ("register: one AI system", 40, system_ms, LIST_GOAL_MS);
  all_met &= bench_report_ms ("register: one AI system, overdue", 40, system_overdue_ms, LIST_GOAL_MS);
  all_met &= bench_report_ms ("treatment summary of one risk", 40, summary_ms, SUMMARY_GOAL_MS);

  g_clear_object (&list);
  aims_document_close (document);
  g_clear_object (&document);
  g_unlink (path);
  g_rmdir (dir);

  return all_met ? 0 : 1;
}
