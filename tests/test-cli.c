/* test-cli.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The `aims` tool as a person or a script runs it. */

#include "config.h"

#include <sys/wait.h>

#include <glib.h>

typedef struct
{
  char *out;
  char *err;
  int   status;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_aims (Run        *run,
          const char *first_arg,
          ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("AIMS_CLI");
  va_list args;
  int wait_status;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (char *)cli);
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **)argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &run->out, &run->err, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

static void
test_version (void)
{
  g_auto(Run) run = { 0 };

  run_aims (&run, "--version", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "aims " PACKAGE_VERSION "\n");
}

static void
test_help_lists_commands (void)
{
  g_auto(Run) run = { 0 };
  static const char *expected[] = { "new", "check", "demo", "bench" };

  run_aims (&run, "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "aims COMMAND"));

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *line = g_strdup_printf ("\n  %s ", expected[i]);

      if (strstr (run.out, line) == NULL)
        g_error ("“aims --help” does not list the command “%s”:\n%s", expected[i], run.out);
    }
}

static void
test_no_arguments_is_usage_error (void)
{
  g_auto(Run) run = { 0 };

  run_aims (&run, NULL, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "aims COMMAND"));
}

static void
test_unknown_command (void)
{
  g_auto(Run) run = { 0 };

  run_aims (&run, "frobnicate", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "“frobnicate” is not a command"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cli/version", test_version);
  g_test_add_func ("/cli/help-lists-commands", test_help_lists_commands);
  g_test_add_func ("/cli/no-arguments-is-usage-error", test_no_arguments_is_usage_error);
  g_test_add_func ("/cli/unknown-command", test_unknown_command);

  return g_test_run ();
}
