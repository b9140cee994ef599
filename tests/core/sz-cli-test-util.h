/* sz-cli-test-util.h: running the built sanzhang-cli from a test.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

#include "sz-db.h"
#include <string.h>

typedef struct
{
  int   status;  /* exit status; -1 when killed by a signal */
  char *out;
  char *err;
} Result;

static inline void
result_clear (Result *r)
{
  g_clear_pointer (&r->out, g_free);
  g_clear_pointer (&r->err, g_free);
  r->status = -1;
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Result, result_clear)

static inline const char *
cli_path (void)
{
  return g_getenv ("SANZHANG_CLI");
}

/* Skips the test when the CLI is not known: run through "meson test". */
static inline gboolean
have_cli (void)
{
  const char *path = cli_path ();

  if (path == NULL || !g_file_test (path, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("SANZHANG_CLI is not set to the built sanzhang-cli: run this test with “meson test”");
      return FALSE;
    }
  return TRUE;
}

/* Runs the CLI with @args, in English (LC_ALL=C.UTF-8, no LANGUAGE) or,
 * with @chinese, under zh_CN, with the test's isolated home and XDG
 * folders.  The rest of the environment is the test's own
 * (SANZHANG_LOCALEDIR, LSAN_OPTIONS, G_DEBUG). */
static inline void
run_argv (Result             *r,
          gboolean            chinese,
          const char * const *args)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;

  result_clear (r);
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  if (chinese)
    {
      g_subprocess_launcher_setenv (launcher, "LC_ALL", "zh_CN.UTF-8", TRUE);
      g_subprocess_launcher_setenv (launcher, "LANGUAGE", "zh_CN", TRUE);
    }
  else
    {
      g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
      g_subprocess_launcher_unsetenv (launcher, "LANGUAGE");
    }
  g_subprocess_launcher_unsetenv (launcher, "G_MESSAGES_DEBUG");
  /* GLib points the test's own environment at /dev/null: give the CLI
   * the test's isolated folders, so that it never touches the real ones. */
  g_subprocess_launcher_setenv (launcher, "HOME", g_get_home_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", g_get_user_config_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CACHE_HOME", g_get_user_cache_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_STATE_HOME", g_get_user_state_dir (), TRUE);

  g_ptr_array_add (argv, (gpointer) cli_path ());
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  line = g_strjoinv (" ", (char **) argv->pdata + 1);
  g_test_message ("$ sanzhang-cli %s%s", line, chinese ? "  (zh_CN)" : "");

  proc = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, &r->out, &r->err, &error);
  g_assert_no_error (error);
  if (g_subprocess_get_if_exited (proc))
    r->status = g_subprocess_get_exit_status (proc);
  else
    r->status = -1;
  if (r->out == NULL)
    r->out = g_strdup ("");
  if (r->err == NULL)
    r->err = g_strdup ("");
  g_test_message ("exit %d; stderr: %s", r->status, r->err);
}

/* Asserts with the output in the log when they fail. */
#define assert_exit(r, expected) \
  G_STMT_START { \
    if ((r)->status != (expected)) \
      g_test_message ("stdout:\n%s\nstderr:\n%s", (r)->out, (r)->err); \
    g_assert_cmpint ((r)->status, ==, (expected)); \
  } G_STMT_END

#define assert_contains(haystack, needle) \
  G_STMT_START { \
    const char *h_ = (haystack); \
    const char *n_ = (needle); \
    if (strstr (h_, n_) == NULL) \
      g_test_message ("“%s” is missing from:\n%s", n_, h_); \
    g_assert_nonnull (strstr (h_, n_)); \
  } G_STMT_END

#define assert_not_contains(haystack, needle) \
  G_STMT_START { \
    const char *h_ = (haystack); \
    const char *n_ = (needle); \
    if (strstr (h_, n_) != NULL) \
      g_test_message ("“%s” should not be in:\n%s", n_, h_); \
    g_assert_null (strstr (h_, n_)); \
  } G_STMT_END

/* A mobile number in full, raw or formatted ("13800005733", "138 0000 5733"):
 * must never show where phones are masked. */
static inline void
assert_no_full_mobile (const char *text)
{
  g_autoptr(GRegex) re = g_regex_new ("1[3-9][0-9][ -]?[0-9]{4}[ -]?[0-9]{4}", 0, 0, NULL);
  g_autoptr(GMatchInfo) info = NULL;

  if (g_regex_match (re, text, 0, &info))
    {
      g_autofree char *found = g_match_info_fetch (info, 0);
      g_test_message ("a full mobile number “%s” is shown in:\n%s", found, text);
    }
  g_assert_false (g_regex_match (re, text, 0, NULL));
}

/* The CLI started, not waited for: to be killed at a moment of the
 * test's choosing. */
static inline GSubprocess *
test_spawn_cli (const char * const *args)
{
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GSubprocess *proc;

  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  g_subprocess_launcher_setenv (launcher, "HOME", g_get_home_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  g_ptr_array_add (argv, (gpointer) cli_path ());
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  proc = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  return proc;
}

/* One integer from the database (a file or a server), read directly. */
static inline gint64
query_int (const char *path,
           const char *sql)
{
  g_autoptr(GError) error = NULL;
  SzDb *db = sz_db_open (path, SZ_DB_OPEN_DEFAULT, &error);
  SzStmt *stmt;
  gint64 value;

  g_assert_no_error (error);
  stmt = sz_db_prepare (db, sql, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sz_db_step (db, stmt, &error), ==, SQLITE_ROW);
  value = sz_stmt_column_int64 (stmt, 0);
  sz_stmt_reset (stmt);
  sz_db_close (db);
  return value;
}
