/* test-cli.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

#include "sz-cli-test-util.h"

/* Runs the built sanzhang-cli (meson passes its path in SANZHANG_CLI) as
 * staff would, on database files in the test's own folder. */

enum
{
  EXIT_OK = 0,
  EXIT_ERROR = 1,
  EXIT_USAGE = 2,
};

static void
run_va (Result     *r,
        gboolean    chinese,
        const char *first,
        va_list     ap)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();

  result_clear (r);
  for (const char *a = first; a != NULL; a = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) a);
  g_ptr_array_add (args, NULL);
  run_argv (r, chinese, (const char * const *) args->pdata);
}

/* run (&r, "tree", "--database", path, NULL) */
G_GNUC_NULL_TERMINATED static void
run (Result     *r,
     const char *first,
     ...)
{
  va_list ap;

  va_start (ap, first);
  run_va (r, FALSE, first, ap);
  va_end (ap);
}

G_GNUC_NULL_TERMINATED static void
run_zh (Result     *r,
        const char *first,
        ...)
{
  va_list ap;

  va_start (ap, first);
  run_va (r, TRUE, first, ap);
  va_end (ap);
}

static guint
count_lines_starting (const char *text,
                      const char *prefix)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix))
      n++;
  return n;
}

static guint
count_lines_containing (const char *text,
                        const char *needle)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], needle) != NULL)
      n++;
  return n;
}

/* The line of @text containing @needle (the first), or "". */
static char *
line_with (const char *text,
           const char *needle)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], needle) != NULL)
      return g_strdup (lines[i]);
  return g_strdup ("");
}

static char *
last_line (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint n = g_strv_length (lines);

  /* The output ends with a newline: the last piece is empty. */
  while (n > 0 && *lines[n - 1] == '\0')
    n--;
  return g_strdup (n > 0 ? lines[n - 1] : "");
}

/* A fresh path in the test's own folder (G_TEST_OPTION_ISOLATE_DIRS). */
static char *
temp_path (const char *name)
{
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  return g_build_filename (g_get_user_data_dir (), name, NULL);
}

static int
file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 07777;
}

static void
assert_no_side_files (const char *path)
{
  const char *suffixes[] = { "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *side = g_strconcat (path, suffixes[i], NULL);

      if (g_file_test (side, G_FILE_TEST_EXISTS))
        g_test_message ("%s was left behind", side);
      g_assert_false (g_file_test (side, G_FILE_TEST_EXISTS));
    }
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize len = 0;

  g_file_get_contents (path, &data, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (data, len);
}

/* A database file holding the demo, made with the CLI. */
static char *
make_demo (const char *name)
{
  g_auto(Result) r = { -1, NULL, NULL };
  char *path = temp_path (name);

  run (&r, "demo", "--database", path, NULL);
  assert_exit (&r, EXIT_OK);
  return path;
}

/* --help and usage mistakes */

typedef struct
{
  const char *command;
  const char *options[6];
} CommandOptions;

static const CommandOptions command_options[] = {
  { "init", { "--street-office", NULL } },
  { "demo", { NULL } },
  { "tree", { "--show-phones", NULL } },
  { "search", { "--limit", "--show-phones", NULL } },
  { "vacancies", { NULL } },
  { "check", { NULL } },
  { "import", { "--dry-run", "--sheet", "--encoding", "--create-places", "--replace-heads", NULL } },
};

static void
test_help (void)
{
  g_auto(Result) r = { -1, NULL, NULL };
  g_autofree char *path = NULL;

  if (!have_cli ())
    return;
  path = temp_path ("help.db");

  run (&r, "--help", NULL);
  assert_exit (&r, EXIT_OK);
  assert_contains (r.out, "Usage:");
  for (guint i = 0; i < G_N_ELEMENTS (command_options); i++)
    {
      g_autofree char *listed = g_strdup_printf ("  %s ", command_options[i].command);
      assert_contains (r.out, listed);
    }
  g_assert_cmpstr (r.err, ==, "");

  run (&r, "-h", NULL);
  assert_exit (&r, EXIT_OK);
  assert_contains (r.out, "Usage:");

  run (&r, "--version", NULL);
  assert_exit (&r, EXIT_OK);
  assert_contains (r.out, "sanzhang-cli ");

  for (guint i = 0; i < G_N_ELEMENTS (command_options); i++)
    {
      const CommandOptions *c = &command_options[i];
      g_autofree char *usage = g_strdup_printf ("sanzhang-cli %s", c->command);

      run (&r, c->command, "--help", NULL);
      assert_exit (&r, EXIT_OK);
      assert_contains (r.out, usage);
      assert_contains (r.out, "--database");
      assert_contains (r.out, "--community");
      for (guint j = 0; c->options[j] != NULL; j++)
        assert_contains (r.out, c->options[j]);
      g_assert_cmpstr (r.err, ==, "");

      /* With the database given first: help only, nothing created. */
      run (&r, "--database", path, c->command, "--help", NULL);
      assert_exit (&r, EXIT_OK);
      assert_contains (r.out, usage);
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    }
}

static void
test_usage_errors (void)
{
  g_auto(Result) r = { -1, NULL, NULL };
  g_autofree char *path = NULL;

  if (!have_cli ())
    return;
  path = temp_path ("usage.db");

  result_clear (&r);
  run_argv (&r, FALSE, (const char *[]) { NULL });
  assert_exit (&r, EXIT_USAGE);
  assert_contains (r.err, "Usage:");
  g_assert_cmpstr (r.out, ==, "");

  run (&r, "--database", path, NULL);
  assert_exit (&r, EXIT_USAGE);
  assert_contains (r.err, "Usage:");

  run (&r, "frobnicate", "--database", path, NULL);
  assert_exit (&r, EXIT_USAGE);
  assert_contains (r.err, "“frobnicate”");
  assert_contains (r.err, "Usage:");
  g_assert_cmpstr (r.out, ==, "");

  run (&r, "tree", "--database", path, "--frobnicate", NULL);
  assert_exit (&r, EXIT_USAGE);
  assert_contains (r.err, "--frobnicate");
  assert_contains (r.err, "sanzhang-cli tree --help");
  g_assert_cmpstr (r.out, ==, "");

  run (&r, "--frobnicate", "--database", path, "tree", NULL);
  assert_exit (&r, EXIT_USAGE);
  assert_contains (r.err, "--frobnicate");

  run (&r, "search", "--database", path, NULL);
  assert_exit (&r, EXIT_USAGE);
  assert_contains (r.err, "search for");
  g_assert_cmpstr (r.out, ==, "");

  run (&r, "search", "--database", path, "--limit", "0", "zhw", NULL);
  assert_exit (&r, EXIT_USAGE);
  assert_contains (r.err, "--limit");

  run (&r, "search", "--database", path, "--limit", "many", "zhw", NULL);
  assert_exit (&r, EXIT_USAGE);
  assert_contains (r.err, "many");

  {
    const char *commands[] = { "init", "demo", "tree", "vacancies", "check" };

    for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
      {
        g_autofree char *hint = g_strdup_printf ("sanzhang-cli %s --help", commands[i]);

        run (&r, commands[i], "--database", path, "extra", NULL);
        assert_exit (&r, EXIT_USAGE);
        assert_contains (r.err, "“extra”");
        assert_contains (r.err, hint);
        g_assert_cmpstr (r.out, ==, "");
      }
  }

  /* A mistake never creates the database. */
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* init */

static void
test_init (void)
{
  g_auto(Result) r = { -1, NULL, NULL };
  g_autofree char *path = NULL;
  sqlite3 *reader = NULL;
  mode_t old_umask;

  if (!have_cli ())
    return;
  path = temp_path ("init.db");

  /* Owner only, even with a umask that lets everyone read. */
  old_umask = umask (0);
  run (&r, "init", "--database", path, NULL);
  umask (old_umask);
  assert_exit (&r, EXIT_OK);
  assert_contains (r.out, path);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (file_mode (path), ==, 0600);

  run (&r, "tree", "--database", path, NULL);
  assert_exit (&r, EXIT_ERROR);
  assert_contains (r.err, "no community");
  assert_contains (r.err, "init --community");

  /* Keep a reader open, so that the CLI's -wal and -shm files stay
   * after it exits, and look at their modes. */
  g_assert_cmpint (sqlite3_open_v2 (path, &reader, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (reader, "SELECT count(*) FROM community", NULL, NULL, NULL), ==, SQLITE_OK);

  old_umask = umask (0);
  run (&r, "init", "--database", path, "--community", "测试社区", "--street-office", "永昌街道", NULL);
  umask (old_umask);
  assert_exit (&r, EXIT_OK);
  assert_contains (r.out, "测试社区");
  g_assert_cmpint (file_mode (path), ==, 0600);
  {
    const char *suffixes[] = { "-wal", "-shm" };

    for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
      {
        g_autofree char *side = g_strconcat (path, suffixes[i], NULL);

        if (g_file_test (side, G_FILE_TEST_EXISTS))
          g_assert_cmpint (file_mode (side), ==, 0600);
        else
          g_test_message ("%s is not there", side);
      }
  }
  sqlite3_close (reader);

  run (&r, "tree", "--database", path, NULL);
  assert_exit (&r, EXIT_OK);
  assert_contains (r.out, "测试社区");
  {
    g_autofree char *last = last_line (r.out);
    g_assert_cmpstr (last, ==, "0 posts vacant.");
  }

  run (&r, "tree", "--database", path, "--community", "测试社区", NULL);
  assert_exit (&r, EXIT_OK);
  assert_contains (r.out, "测试社区");

  run (&r, "tree", "--database", path, "--community", "不存在的社区", NULL);
  assert_exit (&r, EXIT_ERROR);
  assert_contains (r.err, "不存在的社区");

  /* init on an existing database keeps it. */
  run (&r, "init", "--database", path, NULL);
  assert_exit (&r, EXIT_OK);
  run (&r, "tree", "--database", path, NULL);
  assert_exit (&r, EXIT_OK);
  assert_contains (r.out, "测试社区");
}

/* The same community twice: refused, saying so in words, not with
 * SQLite's constraint message. */
static void
test_init_duplicate (void)
{
  g_auto(Result) r = { -1, NULL, NULL };
  g_autofree char *path = NULL;

  if (!have_cli ())
    return;
  path = temp_path ("dup.db");

  run (&r, "init", "--database", path, "--community", "测试社区", "--street-office", "永昌街道", NULL);
  assert_exit (&r, EXIT_OK);
  run (&r, "init", "--database", path, "--community", "测试社区", "--street-office", "永昌街道", NULL);
  assert_exit (&r, EXIT_ERROR);
  assert_contains (r.err, "测试社区");
  assert_not_contains (r.err, "constraint");
  assert_not_contains (r.err, "community.name");
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM community"), ==, 1);
}

/* A roster as WPS saves it (GB18030, CRLF): imported whole; a wrong file
 * lists its rows and leaves the database as it was. */
static void
test_import (void)
{
  g_auto(Result) r = { -1, NULL, NULL };
  g_autofree char *path = NULL;
  g_autofree char *good = g_test_build_filename (G_TEST_DIST, "fixtures", "csv", "gbk-wps.csv", NULL);
  g_autofree char *zip = g_test_build_filename (G_TEST_DIST, "fixtures", "csv", "xlsx-renamed.csv", NULL);
  g_autofree char *bad = NULL;

  if (!have_cli ())
    return;
  path = temp_path ("import.db");
  bad = temp_path ("bad.csv");
  g_assert_true (g_file_set_contents (bad, "网格,姓名,电话\n1,张三,13800001234\n1,李四,12345678\n", -1, NULL));

  run (&r, "init", "--database", path, "--community", "幸福社区", NULL);
  assert_exit (&r, EXIT_OK);

  /* New places need the user's word: refused, naming the option. */
  run (&r, "import", "--database", path, "--dry-run", good, NULL);
  assert_exit (&r, EXIT_ERROR);
  assert_contains (r.out, "Read 3 rows");
  assert_contains (r.out, "is not on the roster yet");
  assert_contains (r.err, "--create-places");

  run (&r, "import", "--database", path, "--dry-run", "--create-places", good, NULL);
  assert_exit (&r, EXIT_OK);
  assert_contains (r.out, "Read 3 rows");
  assert_contains (r.out, "dry run");
  assert_contains (r.out, "Places that are not on the roster yet:");
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM post"), ==, 0);

  run (&r, "import", "--database", path, "--create-places", good, NULL);
  assert_exit (&r, EXIT_OK);
  assert_contains (r.out, "GB18030");
  assert_contains (r.out, "Places added:");
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM post"), ==, 3);

  /* Options of their own: a sheet of a text file is ignored, an encoding
   * that is not one is a usage error, a forced one reads the file so. */
  run (&r, "import", "--database", path, "--encoding", "latin9", good, NULL);
  assert_exit (&r, EXIT_USAGE);
  assert_contains (r.err, "GB18030");
  run (&r, "import", "--database", path, "--dry-run", "--encoding", "UTF-8", good, NULL);
  assert_exit (&r, EXIT_ERROR);
  assert_contains (r.err, "UTF-8");

  run (&r, "import", "--database", path, bad, NULL);
  assert_exit (&r, EXIT_ERROR);
  assert_contains (r.out, "Row 3, column C");
  assert_contains (r.out, "12345678");
  assert_not_contains (r.out, "Row 2");
  assert_contains (r.err, "nothing was imported");
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM person"), ==, 3);

  run (&r, "import", "--database", path, zip, NULL);
  assert_exit (&r, EXIT_ERROR);
  assert_contains (r.err, ".xlsx");

  run (&r, "import", "--database", path, NULL);
  assert_exit (&r, EXIT_USAGE);
}

/* Without --database: the default file in the user's data folder, in a
 * folder of its own that only the owner may enter. */
static void
test_default_path (void)
{
  g_auto(Result) r = { -1, NULL, NULL };
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;

  if (!have_cli ())
    return;
  dir = g_build_filename (g_get_user_data_dir (), "sanzhang", NULL);
  path = g_build_filename (dir, "sanzhang.db", NULL);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  run (&r, "tree", NULL);
  assert_exit (&r, EXIT_ERROR);
  assert_contains (r.err, path);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  run (&r, "init", "--community", "测试社区", NULL);
  assert_exit (&r, EXIT_OK);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (file_mode (path), ==, 0600);
  g_assert_cmpint (file_mode (dir), ==, 0700);

  run (&r, "tree", NULL);
  assert_exit (&r, EXIT_OK);
  assert_contains (r.out, "测试社区");
}

/* demo and tree */

static void
test_demo_tree (void)
{
  g_auto(Result) r = { -1, NULL, NULL };
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *last = NULL;
  gint64 people, posts, audit;

  if (!have_cli ())
    return;
  path = temp_path ("demo.db");

  run (&r, "demo", "--database", path, NULL);
  assert_exit (&r, EXIT_OK);
  assert_contains (r.out, "丰和社区");
  assert_contains (r.out, "4 grids, 7 compounds");
  assert_contains (r.out, "8 posts vacant");
  g_assert_cmpint (file_mode (path), ==, 0600);

  run (&r, "tree", "--database", path, NULL);
  assert_exit (&r, EXIT_OK);
  g_assert_true (g_str_has_prefix (r.out, "丰和社区"));
  /* Grids with their heads, compounds with their property company (or
   * none), buildings, units. */
  assert_contains (r.out, "Grid 1");
  assert_contains (r.out, "丰和第一网格");
  assert_contains (r.out, "丰和第四网格");
  assert_contains (r.out, "Grid head: 孙婷婷 138****7027");
  assert_contains (r.out, "Grid head: 曾宪文 138****3907");
  assert_contains (r.out, "丰和林苑  (property: 长春丰和物业服务有限公司)");
  assert_contains (r.out, "电业宿舍  (no property company)");
  assert_contains (r.out, "2栋  Building head: 马德胜 138****1120");
  assert_contains (r.out, "Unit 1  Unit head: 单玉华 138****4728");
  assert_contains (r.out, "阿依古丽·买买提 138****");
  assert_contains (r.out, "Building head: (vacant)");
  assert_contains (r.out, "Unit head: (vacant)");
  assert_contains (r.out, "[no consent to print]");
  assert_contains (r.out, "households");
  g_assert_cmpuint (count_lines_containing (r.out, "Grid head: "), ==, 4);
  g_assert_cmpuint (count_lines_containing (r.out, "Building head: (vacant)"), ==, 2);
  g_assert_cmpuint (count_lines_containing (r.out, "Unit head: (vacant)"), ==, 6);
  /* Phones masked: never a full mobile number. */
  assert_no_full_mobile (r.out);
  assert_contains (r.out, "138****5733");
  last = last_line (r.out);
  g_assert_cmpstr (last, ==, "8 posts vacant.");

  run (&r, "tree", "--database", path, "--show-phones", NULL);
  assert_exit (&r, EXIT_OK);
  assert_contains (r.out, "孙婷婷 138 0000 7027");
  assert_contains (r.out, "单玉华 138 0000 4728");
  assert_not_contains (r.out, "****");
  before = g_steal_pointer (&r.out);

  people = query_int (path, "SELECT count(*) FROM person");
  posts = query_int (path, "SELECT count(*) FROM post");
  audit = query_int (path, "SELECT count(*) FROM audit_log");
  g_assert_cmpint (people, >, 100);

  /* Made-up people never mix with others: a second demo is refused. */
  run (&r, "demo", "--database", path, NULL);
  assert_exit (&r, EXIT_ERROR);
  assert_contains (r.err, "already");
  assert_contains (r.err, "丰和社区");
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM person"), ==, people);
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM post"), ==, posts);
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM audit_log"), ==, audit);
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM community"), ==, 1);
  run (&r, "tree", "--database", path, "--show-phones", NULL);
  assert_exit (&r, EXIT_OK);
  g_assert_cmpstr (r.out, ==, before);

  /* Nor into a database that holds a real community. */
  {
    g_autofree char *other = temp_path ("real.db");

    run (&r, "init", "--database", other, "--community", "测试社区", NULL);
    assert_exit (&r, EXIT_OK);
    run (&r, "demo", "--database", other, NULL);
    assert_exit (&r, EXIT_ERROR);
    assert_contains (r.err, "测试社区");
    g_assert_cmpint (query_int (other, "SELECT count(*) FROM person"), ==, 0);
  }
}

/* search */

#include "test-cli-commands.h"

int
main (int   argc,
      char *argv[])
{
  /* Readable test messages; the CLI gets its own locale per run. */
  setlocale (LC_ALL, "");
  setlocale (LC_MESSAGES, "C");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/cli/help", test_help);
  g_test_add_func ("/core/cli/usage-errors", test_usage_errors);
  g_test_add_func ("/core/cli/init", test_init);
  g_test_add_func ("/core/cli/default-path", test_default_path);
  g_test_add_func ("/core/cli/demo-tree", test_demo_tree);
  g_test_add_func ("/core/cli/search", test_search);
  g_test_add_func ("/core/cli/vacancies", test_vacancies);
  g_test_add_func ("/core/cli/check", test_check);
  g_test_add_func ("/core/cli/missing-file", test_missing_file);
  g_test_add_func ("/core/cli/not-a-database", test_not_a_database);
  g_test_add_func ("/core/cli/other-program", test_other_program);
  g_test_add_func ("/core/cli/too-new", test_too_new);
  g_test_add_func ("/core/cli/chinese", test_chinese);
  g_test_add_func ("/core/cli/init-duplicate", test_init_duplicate);
  g_test_add_func ("/core/cli/import", test_import);
  g_test_add_func ("/core/cli/tree-order", test_tree_order);

  return g_test_run ();
}
