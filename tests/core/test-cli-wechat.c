/* test-cli-wechat.c: sanzhang-cli groups
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>
#include <locale.h>
#include <string.h>

#include "sz-cli-test-util.h"
#include "sz-db.h"
#include "sz-post.h"
#include "sz-roster.h"
#include "sz-test-util.h"

/* ---- sanzhang-cli groups -------------------------------------------------- */

static void
test_cli (void)
{
  g_auto(Result) r = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *png = g_test_build_filename (G_TEST_DIST, "fixtures", "wechat", "group-code.png", NULL);
  g_autofree char *unit_arg = NULL;
  Roster ro;

  if (!have_cli ())
    return;
  roster_setup (&ro, "wechat-cli.db");
  db_path = g_strdup (ro.path);
  unit_arg = g_strdup_printf ("%" G_GINT64_FORMAT, ro.unit1);
  {
    gint64 head = test_add_person (ro.db, "崔世杰", "13800001003", TRUE);
    g_assert_true (sz_post_appoint (ro.db, SZ_LEVEL_UNIT, ro.unit1, head, "2024-01-01", SZ_CHOSEN_ELECTION, NULL, &error));
  }
  roster_teardown (&ro);

  run_argv (&r, FALSE, (const char *[]) { "--database", db_path, "groups", "list", "--missing", NULL });
  assert_exit (&r, 0);
  assert_contains (r.out, "5 places without a WeChat group");

  /* A new group: the unit's head is its admin; a group code is warned about. */
  run_argv (&r, FALSE, (const char *[]) { "--database", db_path, "groups", "set", "--unit", unit_arg,
                                          "--name", "1单元邻里群", "--members", "42", "--qr", png,
                                          "--taken", "2026-03-02", NULL });
  assert_exit (&r, 0);
  assert_contains (r.out, "WeChat group “1单元邻里群” of 丰和林苑 2栋 Unit 1 saved.");
  assert_contains (r.err, "Warning: This is the group's own QR code");

  run_argv (&r, FALSE, (const char *[]) { "--database", db_path, "groups", "list", NULL });
  assert_exit (&r, 0);
  assert_contains (r.out, "“1单元邻里群”, admin 崔世杰, 42 members, group code (expires), taken 2026-03-02");

  /* 501 members: refused, naming the field; nothing changed. */
  run_argv (&r, FALSE, (const char *[]) { "--database", db_path, "groups", "set", "--unit", unit_arg,
                                          "--members", "501", NULL });
  assert_exit (&r, 1);
  assert_contains (r.err, "Members: 501 is out of range (0 to 500)");
  g_assert_cmpint (query_int (db_path, "SELECT members FROM wechat_group"), ==, 42);

  run_argv (&r, FALSE, (const char *[]) { "--database", db_path, "groups", "set", "--name", "x", NULL });
  assert_exit (&r, 2);
  assert_contains (r.err, "choose one place with --grid, --building or --unit");

  run_argv (&r, FALSE, (const char *[]) { "--database", db_path, "groups", "clear", "--unit", unit_arg, NULL });
  assert_exit (&r, 0);
  g_assert_cmpint (query_int (db_path, "SELECT count(*) FROM wechat_group"), ==, 0);
  run_argv (&r, FALSE, (const char *[]) { "--database", db_path, "groups", "clear", "--unit", unit_arg, NULL });
  assert_exit (&r, 1);
  assert_contains (r.err, "has no WeChat group");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/cli/groups", test_cli);
  return g_test_run ();
}
