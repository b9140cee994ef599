/* test-cli-points.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <sys/stat.h>

#include "sz-cli-test-util.h"
#include "sz-points.h"

/* Runs the built sanzhang-cli (meson passes its path in SANZHANG_CLI) with
 * its "points", "rewards" and "honours" commands, as staff would, on a
 * community of six people imported from a roster in the test's own
 * folder.  Balances are checked against figures worked out by hand. */

enum
{
  EXIT_OK = 0,
  EXIT_ERROR = 1,
  EXIT_USAGE = 2,
};

/* Six heads; two called 张伟. */
static const char roster[] =
  "网格,小区,楼栋,单元,职务,姓名,电话\n"
  "第一网格,幸福里,1,,楼栋长,张三,13800001201\n"
  "第一网格,幸福里,1,1,单元长,李四,13800001202\n"
  "第一网格,幸福里,1,2,单元长,王五,13800001203\n"
  "第一网格,幸福里,2,1,单元长,张伟,13800001204\n"
  "第一网格,幸福里,2,2,单元长,张伟,13800001205\n"
  "第二网格,和平苑,1,1,单元长,赵六,13800001206\n";

/* run (&r, path, "points", "list", NULL): a command on the database @path. */
G_GNUC_NULL_TERMINATED static void
run (Result     *r,
     const char *path,
     const char *first,
     ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  g_ptr_array_add (args, (gpointer) "--database");
  g_ptr_array_add (args, (gpointer) path);
  va_start (ap, first);
  for (const char *a = first; a != NULL; a = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) a);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  run_argv (r, FALSE, (const char * const *) args->pdata);
}

static char *
temp_path (const char *name)
{
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  return g_build_filename (g_get_user_data_dir (), name, NULL);
}

/* A database with the community 测试社区, its six heads, and two
 * activity types of the test's own: by the hour with a cap of 2 hours,
 * and per occasion (5 points, 3 hours recorded). */
static char *
make_community (const char *name)
{
  g_auto(Result) r = { -1, NULL, NULL };
  g_autofree char *csv = NULL;
  g_autofree char *csv_name = g_strconcat (name, ".csv", NULL);
  char *path = temp_path (name);

  csv = temp_path (csv_name);
  g_assert_true (g_file_set_contents (csv, roster, -1, NULL));
  run (&r, path, "init", "--community", "测试社区", NULL);
  assert_exit (&r, EXIT_OK);
  run (&r, path, "import", "--create-places", csv, NULL);
  assert_exit (&r, EXIT_OK);
  run (&r, path, "points", "types", "add", "测试巡查", "--basis", "hour", "--points", "1", "--cap-hours", "2", NULL);
  assert_exit (&r, EXIT_OK);
  assert_contains (r.out, "测试巡查");
  run (&r, path, "points", "types", "add", "测试服务日", "--basis", "occasion", "--points", "5", "--hours", "3",
       "--levels", "all", NULL);
  assert_exit (&r, EXIT_OK);
  return path;
}

/* The fields of the line of @out that holds @name, split at spaces. */
static char **
row_of (const char *out,
        const char *name)
{
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], name) != NULL)
      {
        g_autoptr(GRegex) spaces = g_regex_new (" +", 0, 0, NULL);
        return g_regex_split (spaces, g_strstrip (lines[i]), 0);
      }
  g_test_message ("no line with “%s” in:\n%s", name, out);
  g_assert_not_reached ();
}

/* The balances row of @name: hours, earned, redeemed, expired, balance
 * as the core formats them. */
static void
assert_balance (const char *out,
                const char *name,
                int         minutes,
                gint64      earned,
                gint64      redeemed,
                gint64      expired,
                gint64      balance)
{
  g_auto(GStrv) row = row_of (out, name);
  guint n = g_strv_length (row);
  g_autofree char *h = sz_hours_format (minutes);
  g_autofree char *e = sz_points_format (earned);
  g_autofree char *r = sz_points_format (redeemed);
  g_autofree char *x = sz_points_format (expired);
  g_autofree char *b = sz_points_format (balance);

  g_assert_cmpuint (n, >=, 5);
  g_assert_cmpstr (row[n - 5], ==, h);
  g_assert_cmpstr (row[n - 4], ==, e);
  g_assert_cmpstr (row[n - 3], ==, r);
  g_assert_cmpstr (row[n - 2], ==, x);
  g_assert_cmpstr (row[n - 1], ==, b);
}

/* The number that follows @prefix in @text. */
static gint64
number_after (const char *text,
              const char *prefix)
{
  const char *p = strstr (text, prefix);

  if (p == NULL)
    g_test_message ("“%s” is missing from:\n%s", prefix, text);
  g_assert_nonnull (p);
  return g_ascii_strtoll (p + strlen (prefix), NULL, 10);
}

static char *
id_str (gint64 id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

/* Today + @days in Asia/Shanghai, as "%Y-%m-%d" (or @format). */
static char *
shanghai_day (int         days,
              const char *format)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("+08:00");
  g_autoptr(GDateTime) now = g_date_time_new_now (tz);
  g_autoptr(GDateTime) t = g_date_time_add_days (now, days);

  return g_date_time_format (t, format ? format : "%Y-%m-%d");
}

static char *
pdf_text (const char *pdf)
{
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
  int wait_status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &out, NULL, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (wait_status, NULL));
  return g_steal_pointer (&out);
}

static char *
without_spaces (const char *s)
{
  GString *out = g_string_new (NULL);

  for (; *s; s = g_utf8_next_char (s))
    if (!g_unichar_isspace (g_utf8_get_char (s)))
      g_string_append_unichar (out, g_utf8_get_char (s));
  return g_string_free (out, FALSE);
}

/* ---- Tests -------------------------------------------------------------- */

static void
test_help (void)
{
  const char *points[] = { "list", "show", "statement", "earn", "activity", "redeem", "correct", "reverse", "expire",
                           "credits", "types" };
  const char *rewards[] = { "list", "add", "edit", "retire", "restore" };
  const char *honours[] = { "shortlist", "propose", "award", "withdraw", "list", "certificate", "board", "notice" };
  const char *types[] = { "list", "add", "edit", "retire", "restore" };
  struct { const char *command; const char **subs; guint n; } all[] = {
    { "points", points, G_N_ELEMENTS (points) },
    { "rewards", rewards, G_N_ELEMENTS (rewards) },
    { "honours", honours, G_N_ELEMENTS (honours) },
  };
  g_auto(Result) r = { -1, NULL, NULL };
  g_autofree char *path = NULL;

  if (!have_cli ())
    return;
  path = temp_path ("help.db");

  {
    const char *top[] = { "--help", NULL };

    run_argv (&r, FALSE, top);
    assert_exit (&r, EXIT_OK);
    assert_contains (r.out, "  points ");
    assert_contains (r.out, "  rewards ");
    assert_contains (r.out, "  honours ");
  }
  for (guint c = 0; c < G_N_ELEMENTS (all); c++)
    {
      run (&r, path, all[c].command, "--help", NULL);
      assert_exit (&r, EXIT_OK);
      for (guint i = 0; i < all[c].n; i++)
        {
          g_autofree char *listed = g_strdup_printf ("  %s ", all[c].subs[i]);
          g_autofree char *usage = g_strdup_printf ("sanzhang-cli %s %s", all[c].command, all[c].subs[i]);
          g_auto(Result) sub = { -1, NULL, NULL };

          assert_contains (r.out, listed);
          run (&sub, path, all[c].command, all[c].subs[i], "--help", NULL);
          assert_exit (&sub, EXIT_OK);
          assert_contains (sub.out, usage);
          assert_contains (sub.out, "--database");
        }
      run (&r, path, all[c].command, NULL);
      assert_exit (&r, EXIT_USAGE);
      assert_contains (r.err, "Usage:");
      run (&r, path, all[c].command, "frobnicate", NULL);
      assert_exit (&r, EXIT_USAGE);
      assert_contains (r.err, "frobnicate");
    }
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_autofree char *usage = g_strdup_printf ("sanzhang-cli points types %s", types[i]);

      run (&r, path, "points", "types", types[i], "--help", NULL);
      assert_exit (&r, EXIT_OK);
      assert_contains (r.out, usage);
    }
  /* The options named in the issue are there. */
  run (&r, path, "points", "activity", "--help", NULL);
  assert_contains (r.out, "--people-file");
  assert_contains (r.out, "--dry-run");
  run (&r, path, "honours", "board", "--help", NULL);
  assert_contains (r.out, "--a3");
  /* Help touches no file. */
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* An activity for three people, another occasion, then the balances and
 * a statement as worked out by hand. */
static void
test_balances (void)
{
  g_auto(Result) r = { -1, NULL, NULL };
  g_autofree char *path = NULL;
  g_autofree char *day1 = shanghai_day (-20, NULL);
  g_autofree char *day2 = shanghai_day (-10, NULL);

  if (!have_cli ())
    return;
  path = make_community ("balances.db");

  /* A dry run says what would be written, and writes nothing. */
  run (&r, path, "points", "activity", "--type", "测试巡查", "--day", day1, "--title", "小区大扫除",
       "--person", "张三", "--person", "李四", "--person", "王五", "--hours", "3", "--dry-run", NULL);
  assert_exit (&r, EXIT_OK);
  assert_contains (r.out, "Would record 小区大扫除");
  assert_contains (r.out, "for 3 people");
  run (&r, path, "points", "list", NULL);
  assert_exit (&r, EXIT_OK);
  assert_contains (r.out, "Nobody matches");

  /* 3 hours given, 2 counted (the cap): 2 hours and 2 points each. */
  run (&r, path, "points", "activity", "--type", "测试巡查", "--day", day1, "--title", "小区大扫除",
       "--person", "张三", "--person", "李四", "--person", "王五", "--hours", "3", NULL);
  assert_exit (&r, EXIT_OK);
  assert_contains (r.out, "Recorded 小区大扫除");
  assert_contains (r.out, "capped: 3.0 hours given");
  /* 张三: one service day, 5 points and 3 hours; 李四 1.5 hours. */
  run (&r, path, "points", "earn", "张三", "--type", "测试服务日", "--day", day2, NULL);
  assert_exit (&r, EXIT_OK);
  run (&r, path, "points", "earn", "李四", "--type", "测试巡查", "--hours", "1.5", "--day", day2, NULL);
  assert_exit (&r, EXIT_OK);

  run (&r, path, "points", "list", NULL);
  assert_exit (&r, EXIT_OK);
  assert_balance (r.out, "张三", 300, 70, 0, 0, 70);
  assert_balance (r.out, "李四", 210, 35, 0, 0, 35);
  assert_balance (r.out, "王五", 120, 20, 0, 0, 20);
  assert_not_contains (r.out, "赵六");
  assert_no_full_mobile (r.out);
  assert_contains (r.out, "3 people:");
  /* --all lists those who never earned; --level and --search filter. */
  run (&r, path, "points", "list", "--all", NULL);
  assert_contains (r.out, "赵六");
  assert_contains (r.out, "6 people:");
  run (&r, path, "points", "list", "--level", "building", NULL);
  assert_contains (r.out, "张三");
  assert_not_contains (r.out, "李四");
  run (&r, path, "points", "list", "--search", "lisi", NULL);
  assert_contains (r.out, "李四");
  assert_not_contains (r.out, "张三");

  /* The statement: oldest first, with the running balance. */
  run (&r, path, "points", "show", "张三", NULL);
  assert_exit (&r, EXIT_OK);
  assert_contains (r.out, "Service hours: 5.0");
  assert_contains (r.out, "balance 7.0");
  {
    g_auto(GStrv) first = row_of (r.out, day1);
    g_auto(GStrv) second = row_of (r.out, day2);

    g_assert_cmpstr (first[4], ==, "+2.0");
    g_assert_cmpstr (first[6], ==, "2.0");
    g_assert_cmpstr (second[4], ==, "+5.0");
    g_assert_cmpstr (second[6], ==, "7.0");
  }

  /* Two people of the same name: listed with their posts and numbers. */
  run (&r, path, "points", "earn", "张伟", "--type", "测试巡查", "--hours", "1", NULL);
  assert_exit (&r, EXIT_ERROR);
  assert_contains (r.err, "2 people have that name");
  /* One line each: number, name, post. */
  {
    g_auto(GStrv) lines = g_strsplit (r.err, "\n    id:", -1);
    g_assert_cmpuint (g_strv_length (lines), ==, 3);
  }
  assert_contains (r.err, "幸福里 2");
  {
    gint64 id = number_after (r.err, "    id:");
    g_autofree char *who = g_strdup_printf ("id:%" G_GINT64_FORMAT, id);

    run (&r, path, "points", "earn", who, "--type", "测试巡查", "--hours", "1", NULL);
    assert_exit (&r, EXIT_OK);
    assert_contains (r.out, "张伟");
  }
}

/* A batch file with problems writes nothing and names every line. */
static void
test_batch_file (void)
{
  g_auto(Result) r = { -1, NULL, NULL };
  g_autofree char *path = NULL;
  g_autofree char *file = NULL;
  g_autofree char *day = shanghai_day (-3, NULL);
  g_autofree char *before = NULL;

  if (!have_cli ())
    return;
  path = make_community ("batch.db");
  file = temp_path ("people.txt");
  run (&r, path, "points", "list", "--all", NULL);
  before = g_strdup (r.out);

  g_assert_true (g_file_set_contents (file, "张三\t2\n李四\tabc\n# a comment\n\n王五\n", -1, NULL));
  run (&r, path, "points", "activity", "--type", "测试巡查", "--day", day, "--people-file", file, NULL);
  assert_exit (&r, EXIT_ERROR);
  assert_contains (r.err, "nothing was written");
  assert_contains (r.err, "line 2: hours “abc”");
  /* 王五 has no hours, and there is no --hours. */
  assert_contains (r.err, "line 5:");
  assert_not_contains (r.err, "line 1:");
  run (&r, path, "points", "list", "--all", NULL);
  g_assert_cmpstr (r.out, ==, before);

  /* Someone unknown, someone twice. */
  g_assert_true (g_file_set_contents (file, "张三\t2\n无名氏\n李四\t1\n张三\n", -1, NULL));
  run (&r, path, "points", "activity", "--type", "测试巡查", "--day", day, "--people-file", file, "--hours", "1", NULL);
  assert_exit (&r, EXIT_ERROR);
  assert_contains (r.err, "line 2: “无名氏”: there is nobody of that name");
  assert_contains (r.err, "line 4: “张三” is listed twice (first: line 1)");
  run (&r, path, "points", "list", "--all", NULL);
  g_assert_cmpstr (r.out, ==, before);

  /* Good: the file's hours, else --hours. */
  g_assert_true (g_file_set_contents (file, "\xEF\xBB\xBF张三\t1.5\r\n李四\r\n王五\t0.5\r\n", -1, NULL));
  run (&r, path, "points", "activity", "--type", "测试巡查", "--day", day, "--people-file", file, "--hours", "1", NULL);
  assert_exit (&r, EXIT_OK);
  assert_contains (r.out, "for 3 people: 3.0 hours, 3.0 points");
  run (&r, path, "points", "list", NULL);
  assert_balance (r.out, "张三", 90, 15, 0, 0, 15);
  assert_balance (r.out, "李四", 60, 10, 0, 0, 10);
  assert_balance (r.out, "王五", 30, 5, 0, 0, 5);
}

/* Redemptions: refused with the figures; a reversal returns points and
 * stock; a reversed movement cannot be reversed again. */
static void
test_redeem_reverse (void)
{
  g_auto(Result) r = { -1, NULL, NULL };
  g_autofree char *path = NULL;
  g_autofree char *redemption = NULL;
  g_autofree char *earning = NULL;

  if (!have_cli ())
    return;
  path = make_community ("redeem.db");
  run (&r, path, "points", "earn", "张三", "--type", "测试服务日", NULL);   /* 5 points, 3 hours */
  assert_exit (&r, EXIT_OK);
  run (&r, path, "points", "earn", "李四", "--type", "测试巡查", "--hours", "2", NULL);   /* 2 points */
  assert_exit (&r, EXIT_OK);
  run (&r, path, "points", "show", "李四", NULL);
  {
    g_auto(GStrv) row = row_of (r.out, "Earned");
    earning = g_strdup (row[0]);
  }

  run (&r, path, "rewards", "add", "米面油礼包", "--price", "30", "--stock", "2", NULL);
  assert_exit (&r, EXIT_OK);
  run (&r, path, "rewards", "add", "毛巾", "--price", "4", "--stock", "1", "--description", "纯棉", NULL);
  assert_exit (&r, EXIT_OK);
  run (&r, path, "rewards", "add", "理发服务", "--price", "abc", NULL);
  assert_exit (&r, EXIT_USAGE);
  assert_contains (r.err, "--price “abc”");

  /* Too few points: refused with the figures; nothing taken. */
  run (&r, path, "points", "redeem", "张三", "--reward", "米面油礼包", NULL);
  assert_exit (&r, EXIT_ERROR);
  assert_contains (r.err, "5.0");
  assert_contains (r.err, "30.0");
  run (&r, path, "points", "list", NULL);
  assert_balance (r.out, "张三", 180, 50, 0, 0, 50);

  run (&r, path, "points", "redeem", "张三", "--reward", "毛巾", NULL);
  assert_exit (&r, EXIT_OK);
  assert_contains (r.out, "毛巾: 0 left");
  redemption = id_str (number_after (r.out, "(movement "));
  /* Hours stay; points go. */
  run (&r, path, "points", "list", NULL);
  assert_balance (r.out, "张三", 180, 50, 40, 0, 10);
  /* None left: refused with the figures. */
  run (&r, path, "points", "redeem", "李四", "--reward", "毛巾", NULL);
  assert_exit (&r, EXIT_ERROR);
  assert_contains (r.err, "wanted");
  assert_contains (r.err, "0 left");

  /* The reversal returns the points and the stock. */
  run (&r, path, "points", "reverse", redemption, NULL);
  assert_exit (&r, EXIT_USAGE);
  assert_contains (r.err, "--reason");
  run (&r, path, "points", "reverse", redemption, "--reason", "拿错了", NULL);
  assert_exit (&r, EXIT_OK);
  assert_contains (r.out, "back in stock");
  run (&r, path, "rewards", "list", NULL);
  {
    g_auto(GStrv) row = row_of (r.out, "毛巾");
    g_assert_cmpstr (row[3], ==, "1");
  }
  run (&r, path, "points", "list", NULL);
  {
    g_auto(GStrv) row = row_of (r.out, "张三");
    g_assert_cmpstr (row[g_strv_length (row) - 1], ==, "5.0");
  }
  run (&r, path, "points", "reverse", redemption, "--reason", "again", NULL);
  assert_exit (&r, EXIT_ERROR);

  /* Reversing an earning takes its hours and points back. */
  run (&r, path, "points", "reverse", earning, "--reason", "记错人了", NULL);
  assert_exit (&r, EXIT_OK);
  run (&r, path, "points", "show", "李四", NULL);
  assert_contains (r.out, "Service hours: 0.0");
  assert_contains (r.out, "reversed by");
  run (&r, path, "points", "reverse", "999999", "--reason", "x", NULL);
  assert_exit (&r, EXIT_ERROR);
  assert_contains (r.err, "no movement 999999");

  /* Corrections: signed, with a reason, never below zero. */
  run (&r, path, "points", "correct", "张三", "--points", "-2", NULL);
  assert_exit (&r, EXIT_USAGE);
  run (&r, path, "points", "correct", "张三", "--points", "-20", "--reason", "多记了", NULL);
  assert_exit (&r, EXIT_ERROR);
  run (&r, path, "points", "correct", "张三", "--points", "-2", "--hours", "+1", "--reason", "多记了", NULL);
  assert_exit (&r, EXIT_OK);
  run (&r, path, "points", "list", NULL);
  {
    g_auto(GStrv) row = row_of (r.out, "张三");
    guint n = g_strv_length (row);

    g_assert_cmpstr (row[n - 5], ==, "4.0");
    g_assert_cmpstr (row[n - 1], ==, "3.0");
  }
}

/* Expiry: --years sets the rule and only shows; --dry-run shows exactly
 * what is then written; hours never expire. */
static void
test_expire (void)
{
  g_auto(Result) r = { -1, NULL, NULL };
  g_autofree char *path = NULL;
  g_autofree char *old_year = shanghai_day (-3 * 366, "%Y");
  g_autofree char *old_day = g_strconcat (old_year, "-05-01", NULL);
  g_autofree char *before = NULL;
  g_autofree char *preview = NULL;

  if (!have_cli ())
    return;
  path = make_community ("expire.db");
  run (&r, path, "points", "earn", "赵六", "--type", "测试巡查", "--hours", "2", "--day", old_day, NULL);
  assert_exit (&r, EXIT_OK);
  run (&r, path, "points", "earn", "赵六", "--type", "测试巡查", "--hours", "1", NULL);
  assert_exit (&r, EXIT_OK);
  run (&r, path, "points", "earn", "王五", "--type", "测试巡查", "--hours", "1", NULL);
  assert_exit (&r, EXIT_OK);

  run (&r, path, "points", "expire", NULL);
  assert_exit (&r, EXIT_OK);
  assert_contains (r.out, "never expire");
  run (&r, path, "points", "list", NULL);
  before = g_strdup (r.out);

  run (&r, path, "points", "expire", "--years", "1", NULL);
  assert_exit (&r, EXIT_OK);
  assert_contains (r.out, "Would expire 2.0 points of 1 person");
  run (&r, path, "points", "list", NULL);
  g_assert_cmpstr (r.out, ==, before);

  run (&r, path, "points", "expire", "--dry-run", NULL);
  assert_exit (&r, EXIT_OK);
  assert_contains (r.out, "赵六");
  assert_not_contains (r.out, "王五");
  preview = g_strdup (strstr (r.out, "Would expire ") + strlen ("Would expire "));
  *strstr (preview, ";") = '\0';
  run (&r, path, "points", "list", NULL);
  g_assert_cmpstr (r.out, ==, before);

  run (&r, path, "points", "expire", NULL);
  assert_exit (&r, EXIT_OK);
  {
    g_autofree char *said = g_strconcat ("Expired ", preview, NULL);
    assert_contains (r.out, said);
  }
  run (&r, path, "points", "list", NULL);
  assert_balance (r.out, "赵六", 180, 30, 0, 20, 10);
  assert_balance (r.out, "王五", 60, 10, 0, 0, 10);
  run (&r, path, "points", "expire", "--dry-run", NULL);
  assert_contains (r.out, "Nothing expires");
}

/* The shortlist's order, its filters; the honours from proposal to
 * certificate; the notice and the board. */
static void
test_honours (void)
{
  g_auto(Result) r = { -1, NULL, NULL };
  g_autofree char *path = NULL;
  g_autofree char *year = shanghai_day (-366, "%Y");
  g_autofree char *day = g_strconcat (year, "-06-01", NULL);
  g_autofree char *after = shanghai_day (7, NULL);
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *honour = NULL;
  g_autofree char *other = NULL;
  g_autofree char *certificate = NULL;
  g_autofree char *cert_pdf = NULL;
  g_autofree char *notice_pdf = NULL;
  g_autofree char *board_pdf = NULL;

  if (!have_cli ())
    return;
  path = make_community ("honours.db");
  run (&r, path, "points", "types", "add", "测试宣传", "--basis", "occasion", "--points", "3", NULL);
  assert_exit (&r, EXIT_OK);
  /* 李四 3 hours; 王五 2 hours, 5 points; 张三 2 hours, 2 points; 赵六 1 hour. */
  run (&r, path, "points", "earn", "李四", "--type", "测试服务日", "--day", day, NULL);
  assert_exit (&r, EXIT_OK);
  run (&r, path, "points", "earn", "王五", "--type", "测试巡查", "--hours", "2", "--day", day, NULL);
  assert_exit (&r, EXIT_OK);
  run (&r, path, "points", "earn", "王五", "--type", "测试宣传", "--day", day, NULL);
  assert_exit (&r, EXIT_OK);
  run (&r, path, "points", "earn", "张三", "--type", "测试巡查", "--hours", "2", "--day", day, NULL);
  assert_exit (&r, EXIT_OK);
  run (&r, path, "points", "earn", "赵六", "--type", "测试巡查", "--hours", "1", "--day", day, NULL);
  assert_exit (&r, EXIT_OK);

  run (&r, path, "honours", "shortlist", "--period", year, NULL);
  assert_exit (&r, EXIT_OK);
  {
    const char *order[] = { "李四", "王五", "张三", "赵六" };
    const char *last = r.out;

    for (guint i = 0; i < G_N_ELEMENTS (order); i++)
      {
        const char *at = strstr (last, order[i]);

        if (at == NULL)
          g_test_message ("%s is not after the one before in:\n%s", order[i], r.out);
        g_assert_nonnull (at);
        last = at;
      }
    g_auto(GStrv) first = row_of (r.out, "李四");
    g_assert_cmpstr (first[0], ==, "1");
  }
  run (&r, path, "honours", "shortlist", "--period", year, "--min-hours", "2", "--level", "unit", NULL);
  assert_exit (&r, EXIT_OK);
  assert_contains (r.out, "李四");
  assert_contains (r.out, "王五");
  assert_not_contains (r.out, "张三");
  assert_not_contains (r.out, "赵六");
  run (&r, path, "honours", "shortlist", "--period", "2026Q3", NULL);
  assert_exit (&r, EXIT_USAGE);
  assert_contains (r.err, "--period “2026Q3”");

  /* Proposed today: in publicity for 7 days; awarding now is refused. */
  run (&r, path, "honours", "propose", "李四", "--period", year, "--title", "最美单元长", "--reason", "热心服务，风雨无阻",
       NULL);
  assert_exit (&r, EXIT_OK);
  honour = id_str (number_after (r.out, "Honour "));
  run (&r, path, "honours", "propose", "王五", "--period", year, "--title", "社区好人", "--reason", "调解邻里纠纷",
       NULL);
  assert_exit (&r, EXIT_OK);
  other = id_str (number_after (r.out, "Honour "));
  run (&r, path, "honours", "award", honour, NULL);
  assert_exit (&r, EXIT_ERROR);
  run (&r, path, "honours", "list", "--period", year, NULL);
  assert_contains (r.out, "in publicity until");
  cert_pdf = temp_path ("certificate.pdf");
  run (&r, path, "honours", "certificate", honour, "-o", cert_pdf, NULL);
  assert_exit (&r, EXIT_ERROR);
  assert_contains (r.err, "not awarded yet");
  g_assert_false (g_file_test (cert_pdf, G_FILE_TEST_EXISTS));

  notice_pdf = temp_path ("notice.pdf");
  run (&r, path, "honours", "notice", "--period", year, "-o", notice_pdf, NULL);
  assert_exit (&r, EXIT_OK);
  g_assert_true (g_file_test (notice_pdf, G_FILE_TEST_IS_REGULAR));

  /* After the publicity: final, with a certificate number. */
  run (&r, path, "honours", "award", honour, "--day", after, NULL);
  assert_exit (&r, EXIT_OK);
  certificate = g_strdup (strstr (r.out, "certificate ") + strlen ("certificate "));
  *strstr (certificate, ", on ") = '\0';
  run (&r, path, "honours", "withdraw", other, "--reason", "本人谦让", NULL);
  assert_exit (&r, EXIT_OK);
  run (&r, path, "honours", "list", NULL);
  assert_contains (r.out, certificate);
  assert_contains (r.out, "withdrawn: 本人谦让");

  run (&r, path, "honours", "certificate", honour, "-o", cert_pdf, NULL);
  assert_exit (&r, EXIT_OK);
  assert_contains (r.out, "1 certificate");
  g_assert_true (g_file_test (cert_pdf, G_FILE_TEST_IS_REGULAR));
  board_pdf = temp_path ("board.pdf");
  run (&r, path, "honours", "board", "--period", year, "-o", board_pdf, NULL);
  assert_exit (&r, EXIT_OK);
  g_assert_true (g_file_test (board_pdf, G_FILE_TEST_IS_REGULAR));

  if (pdftotext == NULL)
    {
      g_test_message ("pdftotext (poppler-utils) is not installed: the certificate is not read back");
      return;
    }
  {
    g_autofree char *text = pdf_text (cert_pdf);
    g_autofree char *flat = without_spaces (text);
    g_autofree char *number = without_spaces (certificate);

    g_test_message ("certificate text:\n%s", text);
    assert_contains (flat, "李四");
    assert_contains (flat, "最美单元长");
    assert_contains (flat, number);
  }
}

/* A statement is personal data: 0600. */
static void
test_statement (void)
{
  g_auto(Result) r = { -1, NULL, NULL };
  g_autofree char *path = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  GStatBuf st;

  if (!have_cli ())
    return;
  path = make_community ("statement.db");
  pdf = temp_path ("statement.pdf");
  run (&r, path, "points", "earn", "张三", "--type", "测试服务日", NULL);
  assert_exit (&r, EXIT_OK);
  run (&r, path, "points", "statement", "张三", NULL);
  assert_exit (&r, EXIT_USAGE);
  assert_contains (r.err, "-o");
  run (&r, path, "points", "statement", "张三", "-o", pdf, NULL);
  assert_exit (&r, EXIT_OK);
  g_assert_cmpint (g_stat (pdf, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  if (pdftotext != NULL)
    {
      g_autofree char *text = pdf_text (pdf);
      assert_contains (text, "张三");
      assert_no_full_mobile (text);
    }
}

/* Mistakes name the option and the value; nothing is written. */
static void
test_bad_input (void)
{
  g_auto(Result) r = { -1, NULL, NULL };
  g_autofree char *path = NULL;

  if (!have_cli ())
    return;
  path = make_community ("bad.db");

  run (&r, path, "points", "earn", "张三", "--type", "测试巡查", "--hours", "abc", NULL);
  assert_exit (&r, EXIT_USAGE);
  assert_contains (r.err, "--hours “abc”: write hours as a number such as 2 or 1.5.");
  run (&r, path, "points", "earn", "张三", "--type", "测试巡查", "--hours", "2", "--day", "2026-13-01", NULL);
  assert_exit (&r, EXIT_USAGE);
  assert_contains (r.err, "--day “2026-13-01”");
  run (&r, path, "points", "earn", "张三", "--type", "没有这种", "--hours", "2", NULL);
  assert_exit (&r, EXIT_ERROR);
  assert_contains (r.err, "--type “没有这种”");
  assert_contains (r.err, "测试巡查");
  run (&r, path, "points", "earn", "张三", "--type", "测试巡查", NULL);
  assert_exit (&r, EXIT_ERROR);
  assert_contains (r.err, "no hours");
  run (&r, path, "points", "earn", "张三", "--type", "测试服务日", "--hours", "2", NULL);
  assert_exit (&r, EXIT_USAGE);
  assert_contains (r.err, "per occasion");
  run (&r, path, "points", "earn", "无名氏", "--type", "测试巡查", "--hours", "2", NULL);
  assert_exit (&r, EXIT_ERROR);
  assert_contains (r.err, "“无名氏”: there is nobody of that name");
  run (&r, path, "points", "earn", "id:99999", "--type", "测试巡查", "--hours", "2", NULL);
  assert_exit (&r, EXIT_ERROR);
  run (&r, path, "points", "list", "--level", "mayor", NULL);
  assert_exit (&r, EXIT_USAGE);
  assert_contains (r.err, "--level “mayor”");
  run (&r, path, "points", "types", "add", "X", "--basis", "week", "--points", "1", NULL);
  assert_exit (&r, EXIT_USAGE);
  assert_contains (r.err, "--basis “week”");
  run (&r, path, "points", "types", "add", "X", "--basis", "hour", "--points", "1", "--levels", "grid,mayor", NULL);
  assert_exit (&r, EXIT_USAGE);
  assert_contains (r.err, "--levels “grid,mayor”");
  run (&r, path, "points", "list", NULL);
  assert_exit (&r, EXIT_OK);
  assert_contains (r.out, "Nobody matches");

  /* Types: edit and retire by name; a retired type earns nothing. */
  run (&r, path, "points", "types", "edit", "测试巡查", "--points", "2", "--cap-hours", "3", NULL);
  assert_exit (&r, EXIT_OK);
  assert_contains (r.out, "2.0 points per hour, at most 3.0 hours counted");
  run (&r, path, "points", "types", "retire", "测试巡查", NULL);
  assert_exit (&r, EXIT_OK);
  run (&r, path, "points", "earn", "张三", "--type", "测试巡查", "--hours", "2", NULL);
  g_assert_cmpint (r.status, !=, EXIT_OK);
  run (&r, path, "points", "types", NULL);
  assert_exit (&r, EXIT_OK);
  assert_not_contains (r.out, "测试巡查");
  run (&r, path, "points", "types", "--all", NULL);
  assert_contains (r.out, "测试巡查");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  setlocale (LC_MESSAGES, "C");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/cli-points/help", test_help);
  g_test_add_func ("/core/cli-points/balances", test_balances);
  g_test_add_func ("/core/cli-points/batch-file", test_batch_file);
  g_test_add_func ("/core/cli-points/redeem-reverse", test_redeem_reverse);
  g_test_add_func ("/core/cli-points/expire", test_expire);
  g_test_add_func ("/core/cli-points/honours", test_honours);
  g_test_add_func ("/core/cli-points/statement", test_statement);
  g_test_add_func ("/core/cli-points/bad-input", test_bad_input);

  return g_test_run ();
}
