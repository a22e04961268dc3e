/* aims-date.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aims-date"

#include "config.h"

#include "aims-date.h"

/**
 * aims_today:
 *
 * Today's date where the person works, YYYY-MM-DD. The dates people write
 * into a project (due dates, next reviews, approvals) are calendar dates of
 * their own place, so "overdue" and "due" compare against the local date;
 * only the records' created and modified stamps are UTC times. One function,
 * so that every figure, list and board agrees at midnight.
 *
 * Returns: (transfer full): today's date
 */
char *
aims_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}
