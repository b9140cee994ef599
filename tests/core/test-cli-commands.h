/* test-cli-commands.h: part of test-cli.c — search, vacancies and
 * checks on the demo, files that cannot be opened, Chinese output and
 * the tree's order.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

static void
test_search (void)
{
  g_auto(Result) r = { -1, NULL, NULL };
  g_autofree char *path = NULL;

  if (!have_cli ())
    return;
  path = make_demo ("search.db");

  run (&r, "search", "--database", path, "单", NULL);
  assert_exit (&r, EXIT_OK);
  g_assert_cmpstr (r.out, ==, "单玉华  138****4728  Unit head, 丰和林苑 2栋 Unit 1\n");

  run (&r, "search", "--database", path, "shan", NULL);
  assert_exit (&r, EXIT_OK);
  g_assert_true (g_str_has_prefix (r.out, "单玉华  "));

  run (&r, "search", "--database", path, "--limit", "1", "shan", NULL);
  assert_exit (&r, EXIT_OK);
  g_assert_cmpstr (r.out, ==, "单玉华  138****4728  Unit head, 丰和林苑 2栋 Unit 1\n");

  /* The shared phone: both, masked. */
  run (&r, "search", "--database", path, "5733", NULL);
  assert_exit (&r, EXIT_OK);
  g_assert_cmpstr (r.out, ==,
                   "程建国  138****5733  Building head, 长新小区 5栋\n"
                   "孙淑兰  138****5733  Unit head, 长新小区 5栋 Unit 1\n");

  run (&r, "search", "--database", path, "--show-phones", "5733", NULL);
  assert_exit (&r, EXIT_OK);
  assert_contains (r.out, "程建国  138 0000 5733");
  assert_contains (r.out, "孙淑兰  138 0000 5733");

  /* Initials: zh… x…. */
  run (&r, "search", "--database", path, "zhx", NULL);
  assert_exit (&r, EXIT_OK);
  g_assert_cmpuint (count_lines_containing (r.out, "138****"), ==, 5);
  assert_contains (r.out, "张霞  138****4014");
  assert_contains (r.out, "张秀珍  138****9497  Building head, 翠湖名苑 1号楼");
  assert_contains (r.out, "赵向东  ");
  assert_contains (r.out, "赵秀兰  ");
  assert_contains (r.out, "郑秀云  ");
  assert_no_full_mobile (r.out);

  /* Mixed: 张 and m. */
  run (&r, "search", "--database", path, "张m", NULL);
  assert_exit (&r, EXIT_OK);
  assert_contains (r.out, "张敏  ");
  assert_contains (r.out, "张明  ");
  g_assert_cmpuint (count_lines_containing (r.out, "138****"), ==, 2);

  /* Nobody in the demo is zh… w…: found nothing, and says so. */
  run (&r, "search", "--database", path, "zhw", NULL);
  assert_exit (&r, EXIT_OK);
  g_assert_cmpstr (r.out, ==, "Nothing found for “zhw”.\n");

  /* Several words are one query. */
  run (&r, "search", "--database", path, "shan", "yu", "hua", NULL);
  assert_exit (&r, EXIT_OK);
  g_assert_true (g_str_has_prefix (r.out, "单玉华  "));

  run (&r, "search", "--database", path, "lv", NULL);
  assert_exit (&r, EXIT_OK);
  assert_contains (r.out, "吕桂兰  ");

  run (&r, "search", "--database", path, "aygl", NULL);
  assert_exit (&r, EXIT_OK);
  assert_contains (r.out, "阿依古丽·买买提  ");

  /* Two digits are not a phone search. */
  run (&r, "search", "--database", path, "57", NULL);
  assert_exit (&r, EXIT_OK);
  g_assert_cmpstr (r.out, ==, "Nothing found for “57”.\n");

  run (&r, "search", "--database", path, "林苑", NULL);
  assert_exit (&r, EXIT_OK);
  g_assert_cmpstr (r.out, ==, "丰和林苑  compound\n");

  run (&r, "search", "--database", path, "第三网格", NULL);
  assert_exit (&r, EXIT_OK);
  g_assert_cmpuint (count_lines_containing (r.out, "丰和第三网格"), ==, 1);
  g_assert_true (g_str_has_prefix (r.out, "Grid 3"));
  g_assert_true (g_str_has_suffix (r.out, "丰和第三网格  grid\n"));
}

/* vacancies */

static void
test_vacancies (void)
{
  g_auto(Result) r = { -1, NULL, NULL };
  g_autofree char *path = NULL;
  g_autofree char *last = NULL;

  if (!have_cli ())
    return;
  path = make_demo ("vacancies.db");

  run (&r, "vacancies", "--database", path, NULL);
  assert_exit (&r, EXIT_OK);
  g_assert_cmpuint (count_lines_starting (r.out, "Building head vacant: "), ==, 2);
  g_assert_cmpuint (count_lines_starting (r.out, "Unit head vacant: "), ==, 6);
  g_assert_cmpuint (count_lines_containing (r.out, "vacant: "), ==, 8);
  assert_contains (r.out, "Building head vacant: 电业宿舍 4栋\n");
  assert_contains (r.out, "Building head vacant: 红光小区 9号楼\n");
  assert_contains (r.out, "Unit head vacant: 丰和林苑 B座 Unit 1\n");
  assert_contains (r.out, "Unit head vacant: 红光小区 9号楼 Unit 2\n");
  last = last_line (r.out);
  g_assert_cmpstr (last, ==, "丰和社区: 8 posts vacant.");
  g_assert_cmpstr (r.err, ==, "");
}

/* check */

typedef struct
{
  const char *label;
  const char *verified_on;
} DemoHotline;

/* The demo's hotlines (resources/demo/demo-community.ini): keep in step. */
static const DemoHotline demo_hotlines[] = {
  { "自来水抢修", "2026-09-01" },
  { "供电服务热线（国家电网）", "2026-09-01" },
  { "燃气抢修", "2026-09-01" },
  { "供热服务（供暖期报修）", "2025-05-10" },
  { "丰和社区居委会", "2026-09-01" },
  { "永昌派出所", "2026-08-20" },
  { "市民服务热线", "2026-09-01" },
  { "社区监督电话", "2026-09-01" },
  { "报警", "2026-09-01" },
  { "火警", "2026-09-01" },
  { "急救", "2026-09-01" },
  { "永昌街道办事处", "2025-06-18" },
  { "丰和林苑物业服务中心", "2026-09-05" },
  { "锦绣家园物业服务中心", "2026-09-05" },
  { "长新小区物业服务中心", "2025-04-22" },
  { "万和嘉园物业服务中心", "2026-09-05" },
  { "翠湖名苑物业服务中心", "2026-09-05" },
  { "电业宿舍锅炉房（自供暖）", "2026-10-15" },
  { "电梯困人救援（物业值班）", "2026-09-05" },
  { "老旧小区维修（社区代管）", "2026-09-01" },
  { "A座配电室值班", "2026-09-05" },
};

/* "More than a year ago" by the real clock, as the CLI sees it: before
 * the same day a year ago. */
static gboolean
is_stale (const char *verified_on)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate cutoff;
  char buf[16];

  g_date_clear (&cutoff, 1);
  g_date_set_dmy (&cutoff, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  g_date_subtract_years (&cutoff, 1);
  g_snprintf (buf, sizeof buf, "%04d-%02d-%02d",
              g_date_get_year (&cutoff), g_date_get_month (&cutoff), g_date_get_day (&cutoff));
  return strcmp (verified_on, buf) < 0;
}

static void
test_check (void)
{
  g_auto(Result) r = { -1, NULL, NULL };
  g_autofree char *path = NULL;
  g_autofree char *dup = NULL;
  g_autofree char *last = NULL;
  g_autofree char *count = NULL;
  guint n_stale = 0;
  guint n_items;

  if (!have_cli ())
    return;
  path = make_demo ("check.db");

  run (&r, "check", "--database", path, NULL);
  assert_exit (&r, EXIT_OK);
  assert_no_full_mobile (r.out);

  /* The old couple's shared phone, masked, with both names: a line for
   * each of them. */
  dup = line_with (r.out, "138****5733");
  assert_contains (dup, "程建国");
  assert_contains (dup, "孙淑兰");
  g_assert_cmpuint (count_lines_containing (r.out, "138****5733"), ==, 2);

  /* Heads who have not agreed to have their phone printed. */
  {
    const char *without[] = { "Grid head 赵磊 ", "Building head 张宏 ", "Unit head 于丽娟 ", "Unit head 丁丽 " };
    const char *with[] = { "单玉华", "孙婷婷", "马德胜" };

    for (guint i = 0; i < G_N_ELEMENTS (without); i++)
      {
        g_autofree char *line = line_with (r.out, without[i]);
        assert_contains (line, "not agreed");
      }
    /* …and not those who have. */
    for (guint i = 0; i < G_N_ELEMENTS (with); i++)
      {
        g_autofree char *line = line_with (r.out, with[i]);
        g_assert_cmpstr (line, ==, "");
      }
  }

  /* Hotlines not verified for more than a year, by today's date. */
  for (guint i = 0; i < G_N_ELEMENTS (demo_hotlines); i++)
    {
      const DemoHotline *h = &demo_hotlines[i];
      g_autofree char *quoted = g_strdup_printf ("“%s”", h->label);
      g_autofree char *line = line_with (r.out, quoted);

      if (is_stale (h->verified_on))
        {
          g_autofree char *date = g_strdup_printf ("verified on %s", h->verified_on);

          n_stale++;
          assert_contains (line, date);
          assert_contains (line, "more than a year");
        }
      else
        assert_not_contains (line, "more than a year");
    }
  /* In November 2026 these are three: 2025-04-22, 2025-05-10, 2025-06-18. */
  g_assert_cmpuint (count_lines_containing (r.out, "more than a year"), ==, n_stale);

  /* The file is the owner's only: no word about its mode. */
  assert_not_contains (r.out, "other users");

  /* The last line counts the items. */
  n_items = count_lines_starting (r.out, "- ");
  count = g_strdup_printf ("丰和社区: %u things to look at.", n_items);
  last = last_line (r.out);
  g_assert_cmpstr (last, ==, count);

  /* A file others may read is reported. */
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  run (&r, "check", "--database", path, NULL);
  assert_exit (&r, EXIT_OK);
  assert_contains (r.out, "other users");
}

/* Files that are not what they should be */

static void
test_missing_file (void)
{
  g_auto(Result) r = { -1, NULL, NULL };
  g_autofree char *path = NULL;
  g_autofree char *in_missing_folder = NULL;
  const char *commands[][2] = {
    { "tree", NULL }, { "vacancies", NULL }, { "check", NULL }, { "search", "zhw" },
  };

  if (!have_cli ())
    return;
  path = temp_path ("missing.db");

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      run (&r, commands[i][0], "--database", path, commands[i][1], NULL);
      assert_exit (&r, EXIT_ERROR);
      assert_contains (r.err, path);
      assert_contains (r.err, "sanzhang-cli init");
      g_assert_cmpstr (r.out, ==, "");
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
      assert_no_side_files (path);
    }

  /* A folder is not a database file. */
  run (&r, "tree", "--database", g_get_user_data_dir (), NULL);
  assert_exit (&r, EXIT_ERROR);
  assert_contains (r.err, g_get_user_data_dir ());

  in_missing_folder = g_build_filename (g_get_user_data_dir (), "no-such-folder", "x.db", NULL);
  run (&r, "tree", "--database", in_missing_folder, NULL);
  assert_exit (&r, EXIT_ERROR);
  assert_contains (r.err, in_missing_folder);
  g_assert_false (g_file_test (in_missing_folder, G_FILE_TEST_EXISTS));
  {
    g_autofree char *folder = g_path_get_dirname (in_missing_folder);
    g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
  }
}

/* Runs every command on @path, each of which must refuse it with a
 * message containing @message and leave the file byte for byte. */
static void
assert_refused (const char *path,
                const char *message)
{
  g_autoptr(GBytes) before = read_bytes (path);
  const char *commands[][2] = {
    { "tree", NULL }, { "vacancies", NULL }, { "check", NULL }, { "search", "zhw" },
    { "init", NULL }, { "demo", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(Result) r = { -1, NULL, NULL };
      g_autoptr(GBytes) after = NULL;

      run (&r, commands[i][0], "--database", path, commands[i][1], NULL);
      assert_exit (&r, EXIT_ERROR);
      assert_contains (r.err, message);
      assert_contains (r.err, path);
      after = read_bytes (path);
      g_assert_true (g_bytes_equal (before, after));
      assert_no_side_files (path);
    }

  /* With a community given, init must not write either. */
  {
    g_auto(Result) r = { -1, NULL, NULL };
    g_autoptr(GBytes) after = NULL;

    run (&r, "init", "--database", path, "--community", "测试社区", NULL);
    assert_exit (&r, EXIT_ERROR);
    after = read_bytes (path);
    g_assert_true (g_bytes_equal (before, after));
    assert_no_side_files (path);
  }
}

static void
test_not_a_database (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (!have_cli ())
    return;
  path = temp_path ("hello.db");
  g_assert_true (g_file_set_contents (path, "hello", -1, &error));
  g_assert_no_error (error);

  assert_refused (path, "not a Sanzhang database");
}

static void
make_sqlite (const char *path,
             const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static void
test_other_program (void)
{
  g_autofree char *path = NULL;

  if (!have_cli ())
    return;
  path = temp_path ("other.db");
  make_sqlite (path, "CREATE TABLE x(y)");

  assert_refused (path, "another program");
}

static void
test_too_new (void)
{
  g_autofree char *path = NULL;
  g_autofree char *empty = NULL;

  if (!have_cli ())
    return;
  path = temp_path ("newer.db");
  make_sqlite (path, "CREATE TABLE community (id INTEGER PRIMARY KEY, name TEXT);"
                     " INSERT INTO community (name) VALUES ('丰和社区');"
                     " PRAGMA user_version = 99");
  assert_refused (path, "newer version");

  /* Only the version, no tables yet. */
  empty = temp_path ("newer-empty.db");
  make_sqlite (empty, "PRAGMA user_version = 99");
  assert_refused (empty, "newer version");
}

/* In Chinese */

static void
test_chinese (void)
{
  g_auto(Result) r = { -1, NULL, NULL };
  g_autofree char *path = NULL;
  g_autofree char *saved = NULL;
  gboolean have_locale;

  if (!have_cli ())
    return;
  saved = g_strdup (setlocale (LC_ALL, NULL));
  have_locale = setlocale (LC_ALL, "zh_CN.UTF-8") != NULL;
  setlocale (LC_ALL, saved);
  if (!have_locale)
    {
      g_test_skip ("the zh_CN.UTF-8 locale is not installed on this machine");
      return;
    }
  if (g_getenv ("SANZHANG_LOCALEDIR") == NULL)
    {
      g_test_skip ("SANZHANG_LOCALEDIR is not set to the built translations: run this test with “meson test”");
      return;
    }
  path = make_demo ("zh.db");

  run_zh (&r, "tree", "--database", path, NULL);
  assert_exit (&r, EXIT_OK);
  if (strstr (r.out, "Grid head") != NULL)
    g_test_message ("The output is in English: is po/zh_CN.po translated and its .mo built in %s?",
                    g_getenv ("SANZHANG_LOCALEDIR"));
  assert_contains (r.out, "丰和社区");
  assert_contains (r.out, "网格长");
  assert_contains (r.out, "楼栋长");
  assert_contains (r.out, "单元长");
  assert_contains (r.out, "单元");
  assert_not_contains (r.out, "Grid head");
  assert_not_contains (r.out, "Building head");
  assert_not_contains (r.out, "Unit head");
  assert_not_contains (r.out, "households");
  assert_not_contains (r.out, "vacant");
  assert_not_contains (r.out, "property");
  assert_no_full_mobile (r.out);

  run_zh (&r, "vacancies", "--database", path, NULL);
  assert_exit (&r, EXIT_OK);
  assert_contains (r.out, "楼栋长");
  assert_contains (r.out, "单元长");
  assert_contains (r.out, "单元");
  assert_contains (r.out, "丰和社区");
  assert_not_contains (r.out, "Unit head");
  assert_not_contains (r.out, "Building head");
  assert_not_contains (r.out, "vacant");
  g_assert_cmpuint (count_lines_containing (r.out, "楼栋长"), ==, 2);
  g_assert_cmpuint (count_lines_containing (r.out, "单元长"), ==, 6);

  /* Errors too. */
  run_zh (&r, "frobnicate", NULL);
  assert_exit (&r, EXIT_USAGE);
  assert_not_contains (r.err, "is not a command");
}

/* Compounds in pinyin order as people read place names: 长新小区 is
 * chang xin, before 电业宿舍 (dian ye), not zhang xin after it. */
static void
test_tree_order (void)
{
  g_auto(Result) r = { -1, NULL, NULL };
  g_autofree char *path = NULL;
  const char *grid3, *changxin, *dianye;

  if (!have_cli ())
    return;
  path = make_demo ("order.db");

  run (&r, "tree", "--database", path, NULL);
  assert_exit (&r, EXIT_OK);
  grid3 = strstr (r.out, "丰和第三网格");
  g_assert_nonnull (grid3);
  changxin = strstr (grid3, "长新小区");
  dianye = strstr (grid3, "电业宿舍");
  g_assert_nonnull (changxin);
  g_assert_nonnull (dianye);
  if (changxin > dianye)
    g_test_message ("长新小区 is listed after 电业宿舍 under 丰和第三网格");
  g_assert_true (changxin < dianye);
}
