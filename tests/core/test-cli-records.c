/* test-cli-records.c
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
#include <stdio.h>
#include <string.h>

#include "sz-cli-test-util.h"

/* Runs the built sanzhang-cli (meson passes its path in SANZHANG_CLI) with
 * its "records" subcommands, as staff would, on database files in the
 * test's own folder.  Checks the exit statuses (0 done, 1 refused or not
 * found, 2 a usage mistake), that reporters stay private, and that the
 * history cannot be changed even from the sqlite3 shell. */

enum
{
  EXIT_OK = 0,
  EXIT_ERROR = 1,
  EXIT_USAGE = 2,
};

/* The reporter of the records these tests add: neither may leak. */
#define REPORTER_NAME   "测试居民甲"
#define REPORTER_PHONE  "13912345678"
#define PHONE_MASKED    "139****5678"
#define PHONE_FORMATTED "139 1234 5678"

/* run (&r, path, "list", "--overdue", NULL): "records" on the database @path. */
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
  g_ptr_array_add (args, (gpointer) "records");
  va_start (ap, first);
  for (const char *a = first; a != NULL; a = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) a);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  run_argv (r, FALSE, (const char * const *) args->pdata);
}

/* Neither the reporter's name nor any form of their phone. */
static void
assert_no_reporter (const char *text)
{
  assert_not_contains (text, REPORTER_NAME);
  assert_not_contains (text, REPORTER_PHONE);
  assert_not_contains (text, PHONE_FORMATTED);
  assert_not_contains (text, PHONE_MASKED);
  assert_no_full_mobile (text);
}

/* Whether a list shows record @id: a row starts with its number. */
static gboolean
lists_record (const char *out,
              gint64      id)
{
  g_autofree char *pattern = g_strdup_printf ("(?m)^ *%" G_GINT64_FORMAT "  ", id);

  return g_regex_match_simple (pattern, out, 0, 0);
}

static char *
temp_path (const char *name)
{
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  return g_build_filename (g_get_user_data_dir (), name, NULL);
}

/* A database file holding the demo community, made with the CLI. */
static char *
make_demo (const char *name)
{
  g_auto(Result) r = { -1, NULL, NULL };
  char *path = temp_path (name);
  const char *args[] = { "--database", path, "demo", NULL };

  run_argv (&r, FALSE, args);
  assert_exit (&r, EXIT_OK);
  return path;
}

/* Local time (Asia/Shanghai) @offset seconds from now, as @format. */
static char *
shanghai (gint64      offset,
          const char *format)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("+08:00");
  g_autoptr(GDateTime) now = g_date_time_new_now (tz);
  g_autoptr(GDateTime) t = g_date_time_add_seconds (now, offset);

  return g_date_time_format (t, format);
}

/* The number "Added record N." printed. */
static gint64
added_id (const Result *r)
{
  const char *p = strstr (r->out, "Added record ");
  gint64 id;

  g_assert_nonnull (p);
  id = g_ascii_strtoll (p + strlen ("Added record "), NULL, 10);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* Adds a water record in unit 1 from the private reporter; its id. */
static gint64
add_water_record (const char *path,
                  const char *at)
{
  g_auto(Result) r = { -1, NULL, NULL };

  if (at != NULL)
    run (&r, path, "add", "--channel", "wechat", "--place", "unit:1", "--category", "Water supply",
         "--description", "测试：停水三天", "--reporter", REPORTER_NAME, "--reporter-phone", REPORTER_PHONE,
         "--at", at, NULL);
  else
    run (&r, path, "add", "--channel", "wechat", "--place", "unit:1", "--category", "Water supply",
         "--description", "测试：停水三天", "--reporter", REPORTER_NAME, "--reporter-phone", REPORTER_PHONE,
         NULL);
  assert_exit (&r, EXIT_OK);
  assert_contains (r.out, "Due: ");
  assert_no_reporter (r.out);
  return added_id (&r);
}

static char *
id_str (gint64 id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

/* ---- Tests -------------------------------------------------------------- */

static void
test_help (void)
{
  const char *subcommands[] = { "list", "show", "add", "act", "stats", "report", "categories", "places" };
  g_auto(Result) r = { -1, NULL, NULL };
  g_autofree char *path = NULL;

  if (!have_cli ())
    return;
  path = temp_path ("help.db");

  run (&r, path, "--help", NULL);
  assert_exit (&r, EXIT_OK);
  for (guint i = 0; i < G_N_ELEMENTS (subcommands); i++)
    {
      g_autofree char *listed = g_strdup_printf ("  %s ", subcommands[i]);
      assert_contains (r.out, listed);
    }
  for (guint i = 0; i < G_N_ELEMENTS (subcommands); i++)
    {
      g_autofree char *usage = g_strdup_printf ("sanzhang-cli records %s", subcommands[i]);

      run (&r, path, subcommands[i], "--help", NULL);
      assert_exit (&r, EXIT_OK);
      assert_contains (r.out, usage);
      assert_contains (r.out, "--database");
    }
  /* Help touches no file. */
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  {
    const char *bare[] = { "--database", path, "records", NULL };

    run_argv (&r, FALSE, bare);
    assert_exit (&r, EXIT_USAGE);
    assert_contains (r.err, "Usage:");
  }
  run (&r, path, "frobnicate", NULL);
  assert_exit (&r, EXIT_USAGE);
  assert_contains (r.err, "frobnicate");
}

/* add, list, show: the reporter stays out of lists and is masked on show. */
static void
test_add_list_show (void)
{
  g_auto(Result) r = { -1, NULL, NULL };
  g_autofree char *path = NULL;
  g_autofree char *id = NULL;
  gint64 record;

  if (!have_cli ())
    return;
  path = make_demo ("add.db");
  record = add_water_record (path, NULL);
  id = id_str (record);

  run (&r, path, "list", "--limit", "0", NULL);
  assert_exit (&r, EXIT_OK);
  g_assert_true (lists_record (r.out, record));
  assert_contains (r.out, "Water supply");
  assert_no_reporter (r.out);
  /* Lists have no reporter to show, whatever is asked. */
  run (&r, path, "list", "--limit", "0", "--full-phones", NULL);
  assert_exit (&r, EXIT_OK);
  assert_no_reporter (r.out);

  run (&r, path, "show", id, NULL);
  assert_exit (&r, EXIT_OK);
  assert_contains (r.out, REPORTER_NAME);
  assert_contains (r.out, PHONE_MASKED);
  assert_no_full_mobile (r.out);
  assert_contains (r.out, "测试：停水三天");
  assert_contains (r.out, "History:");
  assert_contains (r.out, "Possible now: ");
  assert_contains (r.out, "dispatch");

  run (&r, path, "show", id, "--full-phones", NULL);
  assert_exit (&r, EXIT_OK);
  assert_contains (r.out, PHONE_FORMATTED);
  assert_not_contains (r.out, PHONE_MASKED);

  /* An anonymous record at a compound named by name, with a head by name. */
  run (&r, path, "add", "--channel", "patrol", "--place", "compound:丰和林苑", "--category", "Sanitation",
       "--description", "垃圾桶满了", "--class", "emergency", "--duty", "serve", NULL);
  assert_exit (&r, EXIT_OK);
  assert_contains (r.out, "Emergency");
  {
    g_autofree char *second = id_str (added_id (&r));

    run (&r, path, "show", second, NULL);
    assert_exit (&r, EXIT_OK);
    assert_contains (r.out, "anonymous");
    assert_contains (r.out, "丰和林苑");
  }
  run (&r, path, "add", "--channel", "visit", "--place", "community", "--category", "Policy enquiry",
       "--description", "咨询低保政策", "--note", "来访", NULL);
  assert_exit (&r, EXIT_OK);
  run (&r, path, "add", "--channel", "city_hotline", "--place", "grid:2", "--category", "Parking",
       "--description", "乱停车", NULL);
  assert_exit (&r, EXIT_OK);

  run (&r, path, "show", "99999", NULL);
  assert_exit (&r, EXIT_ERROR);
  run (&r, path, "show", "abc", NULL);
  assert_exit (&r, EXIT_USAGE);
  run (&r, path, "show", NULL);
  assert_exit (&r, EXIT_USAGE);
}

/* act: a whole history, the refusals, and the option checks. */
static void
test_act (void)
{
  g_auto(Result) r = { -1, NULL, NULL };
  g_autofree char *path = NULL;
  g_autofree char *id = NULL;

  if (!have_cli ())
    return;
  path = make_demo ("act.db");
  id = id_str (add_water_record (path, NULL));

  run (&r, path, "act", id, "dispatch", "--department", "自来水公司", "--contact", "王工", NULL);
  assert_exit (&r, EXIT_OK);
  assert_contains (r.out, "Dispatched");

  /* Not possible now: exit 1, the core's reason and what is possible. */
  run (&r, path, "act", id, "follow-up", "--satisfaction", "satisfied", NULL);
  assert_exit (&r, EXIT_ERROR);
  assert_contains (r.err, "not possible");
  assert_contains (r.err, "resolve");
  run (&r, path, "act", id, "resume", NULL);
  assert_exit (&r, EXIT_ERROR);
  assert_contains (r.err, "not possible");

  run (&r, path, "act", id, "suspend", "--note", "等配件", "--actor", "李主任", NULL);
  assert_exit (&r, EXIT_OK);
  assert_contains (r.out, "Suspended");
  run (&r, path, "act", id, "resolve", "--note", "修好了", NULL);
  assert_exit (&r, EXIT_ERROR);
  assert_contains (r.err, "resume");
  run (&r, path, "act", id, "resume", NULL);
  assert_exit (&r, EXIT_OK);
  run (&r, path, "act", id, "resolve", "--note", "修好了", NULL);
  assert_exit (&r, EXIT_OK);
  assert_contains (r.out, "Resolved");
  /* follow-up and follow_up are the same action. */
  run (&r, path, "act", id, "follow-up", "--satisfaction", "basically", NULL);
  assert_exit (&r, EXIT_OK);
  run (&r, path, "act", id, "follow_up", "--satisfaction", "dissatisfied", NULL);
  assert_exit (&r, EXIT_ERROR);
  run (&r, path, "act", id, "close", NULL);
  assert_exit (&r, EXIT_OK);
  assert_contains (r.out, "Closed");
  run (&r, path, "act", id, "dispatch", "--department", "物业", NULL);
  assert_exit (&r, EXIT_ERROR);
  assert_contains (r.err, "reopen");

  run (&r, path, "show", id, NULL);
  assert_exit (&r, EXIT_OK);
  assert_contains (r.out, "自来水公司");
  assert_contains (r.out, "王工");
  assert_contains (r.out, "李主任");
  assert_contains (r.out, "等配件");
  assert_contains (r.out, "修好了");
  assert_contains (r.out, "Basically satisfied");
  assert_contains (r.out, "Possible now: reopen");
  assert_no_full_mobile (r.out);
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM record_event WHERE record_id = (SELECT max(id) FROM record)"),
                   ==, 7);

  /* Usage mistakes: exit 2, naming what is wrong. */
  run (&r, path, "act", id, "receive", NULL);
  assert_exit (&r, EXIT_USAGE);
  run (&r, path, "act", id, "frob", NULL);
  assert_exit (&r, EXIT_USAGE);
  assert_contains (r.err, "frob");
  assert_contains (r.err, "follow_up");
  run (&r, path, "act", id, NULL);
  assert_exit (&r, EXIT_USAGE);
  run (&r, path, "act", "x", "report", NULL);
  assert_exit (&r, EXIT_USAGE);
  run (&r, path, "act", id, "reopen", NULL);
  assert_exit (&r, EXIT_USAGE);
  assert_contains (r.err, "--note");
  run (&r, path, "act", id, "dispatch", NULL);
  assert_exit (&r, EXIT_USAGE);
  assert_contains (r.err, "--department");
  run (&r, path, "act", id, "follow_up", "--satisfaction", "happy", NULL);
  assert_exit (&r, EXIT_USAGE);
  assert_contains (r.err, "happy");
  run (&r, path, "act", id, "reopen", "--note", "又坏了", "--department", "x", NULL);
  assert_exit (&r, EXIT_USAGE);
  run (&r, path, "act", id, "reopen", "--note", "又坏了", "--at", "yesterday", NULL);
  assert_exit (&r, EXIT_USAGE);
  assert_contains (r.err, "--at");
  run (&r, path, "act", id, "reopen", "--note", "又坏了", "--frob", NULL);
  assert_exit (&r, EXIT_USAGE);
  assert_contains (r.err, "--frob");
  run (&r, path, "act", "99999", "report", NULL);
  assert_exit (&r, EXIT_ERROR);

  run (&r, path, "act", id, "reopen", "--note", "又坏了", NULL);
  assert_exit (&r, EXIT_OK);
  assert_contains (r.out, "Reopened");
}

/* The list's filters select the records they should. */
static void
test_filters (void)
{
  g_auto(Result) r = { -1, NULL, NULL };
  g_autofree char *path = NULL;
  g_autofree char *three_hours_ago = shanghai (-3 * 3600, "%Y-%m-%d %H:%M");
  g_autofree char *month = shanghai (0, "%Y-%m");
  g_autofree char *soon_due = shanghai (-115 * 60, "%Y-%m-%d %H:%M");
  g_autofree char *clock = shanghai (0, "%H:%M");
  g_autofree char *done_id = NULL;
  gint64 fresh, late, done, hotline, soon;

  if (!have_cli ())
    return;
  path = make_demo ("filters.db");
  fresh = add_water_record (path, NULL);
  /* An emergency received three hours ago is overdue. */
  run (&r, path, "add", "--channel", "phone", "--place", "building:1", "--category", "Safety hazard",
       "--description", "楼道堆放杂物", "--at", three_hours_ago, NULL);
  assert_exit (&r, EXIT_OK);
  late = added_id (&r);
  done = add_water_record (path, NULL);
  done_id = id_str (done);
  run (&r, path, "act", done_id, "resolve", "--note", "已抢修完毕", NULL);
  assert_exit (&r, EXIT_OK);
  run (&r, path, "add", "--channel", "city_hotline", "--place", "community", "--category", "Parking",
       "--description", "小区门口乱停车", NULL);
  assert_exit (&r, EXIT_OK);
  hotline = added_id (&r);

  run (&r, path, "list", "--overdue", "--limit", "0", NULL);
  assert_exit (&r, EXIT_OK);
  g_assert_true (lists_record (r.out, late));
  g_assert_false (lists_record (r.out, fresh));
  assert_contains (r.out, "OVERDUE");

  run (&r, path, "list", "--status", "open", "--limit", "0", NULL);
  assert_exit (&r, EXIT_OK);
  g_assert_true (lists_record (r.out, fresh));
  g_assert_false (lists_record (r.out, done));
  run (&r, path, "list", "--status", "resolved", "--limit", "0", NULL);
  assert_exit (&r, EXIT_OK);
  g_assert_true (lists_record (r.out, done));
  g_assert_false (lists_record (r.out, fresh));
  /* Resolved and not yet asked how it went: waiting for the call. */
  run (&r, path, "list", "--awaiting-follow-up", "--limit", "0", NULL);
  assert_exit (&r, EXIT_OK);
  g_assert_true (lists_record (r.out, done));
  g_assert_false (lists_record (r.out, fresh));
  g_assert_false (lists_record (r.out, late));

  /* Due today: open, not yet overdue, due before midnight.  An emergency
   * received 115 minutes ago is due in 5 minutes (today, unless the test
   * runs in the day's last minutes); water received now, tomorrow. */
  run (&r, path, "add", "--channel", "phone", "--place", "unit:2", "--category", "Safety hazard",
       "--description", "电线裸露", "--at", soon_due, NULL);
  assert_exit (&r, EXIT_OK);
  soon = added_id (&r);
  run (&r, path, "list", "--due-today", "--limit", "0", NULL);
  assert_exit (&r, EXIT_OK);
  if (strcmp (clock, "23:54") < 0)
    g_assert_true (lists_record (r.out, soon));
  g_assert_false (lists_record (r.out, late));
  g_assert_false (lists_record (r.out, fresh));
  g_assert_false (lists_record (r.out, done));

  run (&r, path, "list", "--grid", "1", "--category", "Water supply", "--limit", "0", NULL);
  assert_exit (&r, EXIT_OK);
  g_assert_true (lists_record (r.out, fresh));
  g_assert_false (lists_record (r.out, late));
  g_assert_false (lists_record (r.out, hotline));
  run (&r, path, "list", "--grid", "none", "--limit", "0", NULL);
  assert_exit (&r, EXIT_OK);
  g_assert_true (lists_record (r.out, hotline));
  g_assert_false (lists_record (r.out, fresh));

  run (&r, path, "list", "--channel", "city_hotline", "--limit", "0", NULL);
  assert_exit (&r, EXIT_OK);
  g_assert_true (lists_record (r.out, hotline));
  g_assert_false (lists_record (r.out, fresh));

  run (&r, path, "list", "--month", month, "--limit", "0", NULL);
  assert_exit (&r, EXIT_OK);
  g_assert_true (lists_record (r.out, fresh));
  run (&r, path, "list", "--month", "2001-01", NULL);
  assert_exit (&r, EXIT_OK);
  assert_contains (r.out, "No records match");

  /* Search finds the description and the history's notes. */
  run (&r, path, "list", "--search", "乱停车", "--limit", "0", NULL);
  assert_exit (&r, EXIT_OK);
  g_assert_true (lists_record (r.out, hotline));
  g_assert_false (lists_record (r.out, fresh));
  run (&r, path, "list", "--search", "抢修", "--limit", "0", NULL);
  assert_exit (&r, EXIT_OK);
  g_assert_true (lists_record (r.out, done));
  g_assert_false (lists_record (r.out, fresh));

  run (&r, path, "list", "--limit", "1", NULL);
  assert_exit (&r, EXIT_OK);
  assert_contains (r.out, "Showing 1 of ");
}

/* Bad options and values: exit 2 naming the option; a value the database
 * does not know: exit 1. */
static void
test_bad_input (void)
{
  struct { const char *args[16]; int status; const char *says; } cases[] = {
    { { "list", "--status", "frob" }, EXIT_USAGE, "--status" },
    { { "list", "--channel", "fax" }, EXIT_USAGE, "city_hotline" },
    { { "list", "--month", "2026-13" }, EXIT_USAGE, "--month" },
    { { "list", "--limit", "-1" }, EXIT_USAGE, "--limit" },
    { { "list", "--grid", "x" }, EXIT_USAGE, "--grid" },
    { { "list", "--frob" }, EXIT_USAGE, "--frob" },
    { { "list", "extra" }, EXIT_USAGE, "extra" },
    { { "list", "--grid", "99" }, EXIT_ERROR, "--grid" },
    { { "list", "--category", "Nope" }, EXIT_ERROR, "Water supply" },
    { { "add", "--channel", "wechat" }, EXIT_USAGE, "--place" },
    { { "add", "--channel", "fax", "--place", "community", "--category", "Other", "--description", "x" }, EXIT_USAGE, "--channel" },
    { { "add", "--channel", "visit", "--place", "street:1", "--category", "Other", "--description", "x" }, EXIT_USAGE, "--place" },
    { { "add", "--channel", "visit", "--place", "unit:abc", "--category", "Other", "--description", "x" }, EXIT_USAGE, "--place" },
    { { "add", "--channel", "visit", "--place", "unit:999999", "--category", "Other", "--description", "x" }, EXIT_ERROR, "--place" },
    { { "add", "--channel", "visit", "--place", "grid:99", "--category", "Other", "--description", "x" }, EXIT_ERROR, "--place" },
    { { "add", "--channel", "visit", "--place", "community", "--category", "Nope", "--description", "x" }, EXIT_ERROR, "Water supply" },
    { { "add", "--channel", "visit", "--place", "community", "--category", "Other", "--description", "x", "--class", "urgent" }, EXIT_USAGE, "--class" },
    { { "add", "--channel", "visit", "--place", "community", "--category", "Other", "--description", "x", "--duty", "fun" }, EXIT_USAGE, "--duty" },
    { { "add", "--channel", "visit", "--place", "community", "--category", "Other", "--description", "x", "--at", "soon" }, EXIT_USAGE, "--at" },
    { { "add", "--channel", "visit", "--place", "community", "--category", "Other", "--description", "x", "--at", "2099-01-01 10:00" }, EXIT_USAGE, "" },
    { { "add", "--channel", "visit", "--place", "community", "--category", "Other", "--description", "x", "--reporter-phone", "12" }, EXIT_USAGE, "--reporter-phone" },
    { { "add", "--channel", "visit", "--place", "community", "--category", "Other", "--description", "x", "--head", "没有这个人" }, EXIT_ERROR, "--head" },
    { { "stats", "--month", "november" }, EXIT_USAGE, "--month" },
    { { "stats", "--by", "street" }, EXIT_USAGE, "--by" },
    { { "report", "--month", "2026-11" }, EXIT_USAGE, "-o" },
    { { "report", "--month", "2026-1x", "-o", "x.pdf" }, EXIT_USAGE, "--month" },
    { { "categories", "--add", "新类" }, EXIT_USAGE, "--class" },
    { { "categories", "--add", "新类", "--class", "soon" }, EXIT_USAGE, "--class" },
    { { "categories", "--remove", "Other", "--restore", "Other" }, EXIT_USAGE, "" },
    { { "categories", "--rename", "Other" }, EXIT_USAGE, "--to" },
    { { "categories", "--remove", "Nope" }, EXIT_ERROR, "Nope" },
  };
  g_autofree char *path = NULL;
  gint64 before;

  if (!have_cli ())
    return;
  path = make_demo ("bad.db");
  before = query_int (path, "SELECT count(*) FROM record");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Result) r = { -1, NULL, NULL };
      g_autoptr(GPtrArray) args = g_ptr_array_new ();

      g_ptr_array_add (args, (gpointer) "--database");
      g_ptr_array_add (args, path);
      g_ptr_array_add (args, (gpointer) "records");
      for (guint j = 0; cases[i].args[j] != NULL; j++)
        g_ptr_array_add (args, (gpointer) cases[i].args[j]);
      g_ptr_array_add (args, NULL);
      run_argv (&r, FALSE, (const char * const *) args->pdata);
      assert_exit (&r, cases[i].status);
      assert_contains (r.err, "Error: ");
      assert_contains (r.err, cases[i].says);
      g_assert_cmpstr (r.out, ==, "");
    }
  /* Nothing was added by any of them. */
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM record"), ==, before);
}

static void
test_stats (void)
{
  g_auto(Result) r = { -1, NULL, NULL };
  g_autofree char *path = NULL;
  g_autofree char *month = shanghai (0, "%Y-%m");
  g_autofree char *id = NULL;

  if (!have_cli ())
    return;
  path = make_demo ("stats.db");
  id = id_str (add_water_record (path, NULL));
  run (&r, path, "act", id, "resolve", "--note", "修好了", NULL);
  assert_exit (&r, EXIT_OK);
  run (&r, path, "act", id, "follow_up", "--satisfaction", "satisfied", NULL);
  assert_exit (&r, EXIT_OK);

  run (&r, path, "stats", "--month", month, NULL);
  assert_exit (&r, EXIT_OK);
  assert_contains (r.out, month);
  assert_contains (r.out, "Response rate: ");
  assert_contains (r.out, "Resolution rate: ");
  assert_contains (r.out, "Satisfaction rate: ");
  /* Each rate with its definition and counts. */
  assert_contains (r.out, "divided by");
  assert_contains (r.out, "By grid:");
  assert_contains (r.out, "By category:");
  assert_contains (r.out, "By channel:");
  assert_contains (r.out, "Water supply");
  assert_contains (r.out, "WeChat");
  assert_no_reporter (r.out);

  run (&r, path, "stats", "--month", month, "--by", "category", NULL);
  assert_exit (&r, EXIT_OK);
  assert_contains (r.out, "By category:");
  assert_not_contains (r.out, "By grid:");
  run (&r, path, "stats", "--month", "2001-01", "--by", "none", NULL);
  assert_exit (&r, EXIT_OK);
  assert_contains (r.out, "0 records received");
  /* The current month is the default. */
  run (&r, path, "stats", "--by", "none", NULL);
  assert_exit (&r, EXIT_OK);
  assert_contains (r.out, month);
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

/* The month's report: a PDF whose text has the figures and no reporter. */
static void
test_report (void)
{
  g_auto(Result) r = { -1, NULL, NULL };
  g_autofree char *path = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *month = shanghai (0, "%Y-%m");
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *id = NULL;

  if (!have_cli ())
    return;
  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  path = make_demo ("report.db");
  pdf = temp_path ("report.pdf");
  id = id_str (add_water_record (path, NULL));
  add_water_record (path, NULL);
  run (&r, path, "act", id, "resolve", "--note", "修好了", NULL);
  assert_exit (&r, EXIT_OK);

  run (&r, path, "report", "--month", month, "-o", pdf, NULL);
  assert_exit (&r, EXIT_OK);
  assert_contains (r.out, pdf);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  text = pdf_text (pdf);
  /* The report is in the community's board language (Chinese) even
   * when the command runs in English. */
  assert_contains (text, "供水");
  g_assert_null (strstr (text, "Water supply"));
  assert_no_reporter (text);
}

/* History rows cannot be changed or deleted, even from the sqlite3 shell. */
static void
test_history_immutable (void)
{
  g_auto(Result) r = { -1, NULL, NULL };
  g_autofree char *path = NULL;
  g_autofree char *sqlite = g_find_program_in_path ("sqlite3");
  g_autofree char *id = NULL;
  const char *statements[] = {
    "UPDATE record_event SET note = 'x'",
    "UPDATE record_event SET at = at + 1 WHERE action = 'receive'",
    "DELETE FROM record_event",
    "DELETE FROM record",
  };
  gint64 events, records, total_at;

  if (!have_cli ())
    return;
  if (sqlite == NULL)
    {
      g_test_skip ("the sqlite3 shell is not installed");
      return;
    }
  path = make_demo ("immutable.db");
  id = id_str (add_water_record (path, NULL));
  run (&r, path, "act", id, "resolve", "--note", "修好了", NULL);
  assert_exit (&r, EXIT_OK);
  events = query_int (path, "SELECT count(*) FROM record_event");
  records = query_int (path, "SELECT count(*) FROM record");
  total_at = query_int (path, "SELECT sum(at) FROM record_event");
  g_assert_cmpint (events, >=, 2);

  for (guint i = 0; i < G_N_ELEMENTS (statements); i++)
    {
      const char *argv[] = { sqlite, path, statements[i], NULL };
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autoptr(GError) error = NULL;
      int wait_status;

      g_test_message ("$ sqlite3 %s \"%s\"", path, statements[i]);
      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &wait_status, &error);
      g_assert_no_error (error);
      g_test_message ("stderr: %s", err);
      g_assert_false (g_spawn_check_wait_status (wait_status, NULL));
      /* The history's own triggers say why (a record's delete may fail
       * earlier, on an audit trigger needing the program's functions). */
      if (g_str_has_prefix (statements[i], "UPDATE record_event"))
        assert_contains (err, "cannot be changed");
      else if (g_str_has_prefix (statements[i], "DELETE FROM record_event"))
        assert_contains (err, "cannot be deleted");
    }
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM record_event"), ==, events);
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM record"), ==, records);
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM record_event WHERE note = 'x'"), ==, 0);
  g_assert_cmpint (query_int (path, "SELECT sum(at) FROM record_event"), ==, total_at);

  /* And the program still reads the record as it was. */
  run (&r, path, "show", id, NULL);
  assert_exit (&r, EXIT_OK);
  assert_contains (r.out, "修好了");
}

static void
test_categories (void)
{
  g_auto(Result) r = { -1, NULL, NULL };
  g_autofree char *path = NULL;

  if (!have_cli ())
    return;
  path = make_demo ("categories.db");
  add_water_record (path, NULL);

  run (&r, path, "categories", NULL);
  assert_exit (&r, EXIT_OK);
  assert_contains (r.out, "Water supply");
  assert_contains (r.out, "24 hours");

  run (&r, path, "categories", "--add", "电梯故障", "--class", "emergency", NULL);
  assert_exit (&r, EXIT_OK);
  assert_contains (r.out, "电梯故障");
  run (&r, path, "categories", "--add", "电梯故障", "--class", "general", NULL);
  assert_exit (&r, EXIT_USAGE);
  run (&r, path, "categories", "--rename", "电梯故障", "--to", "电梯", NULL);
  assert_exit (&r, EXIT_OK);
  assert_contains (r.out, "电梯");
  assert_not_contains (r.out, "电梯故障");
  run (&r, path, "categories", "--class-of", "电梯", "--class", "utility", NULL);
  assert_exit (&r, EXIT_OK);
  run (&r, path, "categories", "--move", "电梯", "--position", "1", NULL);
  assert_exit (&r, EXIT_OK);
  g_assert_true (g_regex_match_simple ("(?m)^ *1  电梯 ", r.out, 0, 0));

  /* A category in use is retired, not removed; an unused one goes. */
  run (&r, path, "categories", "--remove", "Water supply", NULL);
  assert_exit (&r, EXIT_OK);
  assert_contains (r.out, "retired");
  run (&r, path, "categories", "--restore", "Water supply", NULL);
  assert_exit (&r, EXIT_OK);
  run (&r, path, "categories", "--remove", "电梯", NULL);
  assert_exit (&r, EXIT_OK);
  assert_contains (r.out, "Removed");
  g_assert_false (g_regex_match_simple ("(?m)^ *[0-9]+  电梯", r.out, 0, 0));
}

static void
test_places (void)
{
  g_auto(Result) r = { -1, NULL, NULL };
  g_autofree char *path = NULL;

  if (!have_cli ())
    return;
  path = make_demo ("places.db");
  run (&r, path, "places", NULL);
  assert_exit (&r, EXIT_OK);
  assert_contains (r.out, "community ");
  assert_contains (r.out, "grid:1 ");
  assert_contains (r.out, "compound:");
  assert_contains (r.out, "building:1 ");
  assert_contains (r.out, "unit:1 ");
  assert_no_full_mobile (r.out);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  setlocale (LC_MESSAGES, "C");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/cli-records/help", test_help);
  g_test_add_func ("/core/cli-records/add-list-show", test_add_list_show);
  g_test_add_func ("/core/cli-records/act", test_act);
  g_test_add_func ("/core/cli-records/filters", test_filters);
  g_test_add_func ("/core/cli-records/bad-input", test_bad_input);
  g_test_add_func ("/core/cli-records/stats", test_stats);
  g_test_add_func ("/core/cli-records/report", test_report);
  g_test_add_func ("/core/cli-records/history-immutable", test_history_immutable);
  g_test_add_func ("/core/cli-records/categories", test_categories);
  g_test_add_func ("/core/cli-records/places", test_places);

  return g_test_run ();
}
