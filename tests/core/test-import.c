/* test-import.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sz-audit.h"
#include "sz-check.h"
#include "sz-import.h"
#include "sz-test-util.h"
#include "sz-tree.h"

/* A file as WPS saves "CSV (逗号分隔)" on Chinese Windows: GB18030, CRLF. */
static SzCsv *
gbk_csv (const char * const *lines)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strjoinv ("\r\n", (char **) lines);
  g_autofree char *with_end = g_strconcat (text, "\r\n", NULL);
  gsize len = 0;
  char *gbk = g_convert (with_end, -1, "GB18030", "UTF-8", NULL, &len, &error);
  g_autoptr(GBytes) bytes = NULL;
  SzCsv *csv;

  g_assert_no_error (error);
  bytes = g_bytes_new_take (gbk, len);
  csv = sz_csv_parse (bytes, "三长名册.csv", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sz_csv_get_encoding (csv), ==, "GB18030");
  return csv;
}

#define HEADER "网格,网格名称,小区,楼栋,单元,职务,姓名,电话,性别,党员,身份,同意公示电话,同意日期,任职日期,产生方式,户数,备注"

static const char * const good[] = {
  HEADER,
  "1,丰和第一网格,,,,网格长,孙婷婷,13800007027,女,是,社区干部,是,2024-03-01,2020-03-15,任命,,",
  "1,,丰和林苑,2栋,,楼栋长,马德胜,138 0000 1120,男,是,退休干部,是,2024/3/2,2021-05-01,选举,,",
  "1,,丰和林苑,2栋,1单元,单元长,单玉华,13800004728,女,否,居民志愿者,否,,2022-01-01,推荐,14,",
  /* No post: the most precise place says unit head. */
  "1,,丰和林苑,2栋,2,,周桂芝,'13800004591,女,,,,,,,14,",
  "第二网格,,\"长新小区, 东区\",5栋,三单元,单元长,王䶮,13800009999,男,是,党员,是,2025年1月3日,2023-01-01,自荐,12,\"退休教师，\n熟悉情况\"",
  /* One person, two posts. */
  "2,,长新小区,5栋,,楼栋长,马德胜,13800001120,,,,,,,,,",
  NULL
};

static void
test_good_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SzCsv) csv = gbk_csv (good);
  g_autoptr(SzTreeNode) tree = NULL;
  g_autoptr(GPtrArray) people = NULL;
  SzImportReport r;
  Roster ro;

  roster_setup (&ro, "import.db");
  g_assert_true (sz_import_roster (ro.db, ro.community, csv, FALSE, &r, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (r.rows, ==, 6);
  g_assert_cmpuint (r.grids_created, ==, 0);       /* grids 1 and 2 exist */
  g_assert_cmpuint (r.compounds_created, ==, 2);   /* 丰和林苑 exists */
  g_assert_cmpuint (r.buildings_created, ==, 2);   /* 2栋 exists */
  g_assert_cmpuint (r.units_created, ==, 1);       /* units 1 and 2 exist */
  g_assert_cmpuint (r.people_created, ==, 5);
  g_assert_cmpuint (r.heads_appointed, ==, 6);

  people = sz_person_list (ro.db, &error);
  g_assert_cmpuint (people->len, ==, 5);
  for (guint i = 0; i < people->len; i++)
    {
      SzPerson *p = people->pdata[i];

      if (g_str_equal (p->name, "马德胜"))
        {
          g_assert_cmpstr (p->phone, ==, "13800001120");
          g_assert_cmpstr (p->consent_date, ==, "2024-03-02");
          g_assert_cmpstr (p->background, ==, "retired_cadre");
          g_assert_cmpstr (p->gender, ==, "male");
          g_assert_true (p->phone_consent);
          g_assert_true (p->party_member);
        }
      else if (g_str_equal (p->name, "王䶮"))
        {
          g_assert_cmpstr (p->notes, ==, "退休教师，\n熟悉情况");
          g_assert_cmpstr (p->consent_date, ==, "2025-01-03");
        }
      else if (g_str_equal (p->name, "周桂芝"))
        g_assert_cmpstr (p->phone, ==, "13800004591");
    }

  /* The unit households came from the sheet; the posts hang where they should. */
  tree = sz_tree_load (ro.db, ro.community, &error);
  g_assert_no_error (error);
  {
    SzTreeNode *grid1 = tree->children->pdata[0];
    SzTreeNode *building = ((SzTreeNode *) grid1->children->pdata[0])->children->pdata[0];
    SzTreeNode *unit1 = building->children->pdata[0];

    g_assert_cmpstr (grid1->head_name, ==, "孙婷婷");
    g_assert_cmpstr (building->head_name, ==, "马德胜");
    g_assert_cmpstr (unit1->head_name, ==, "单玉华");
    g_assert_cmpint (unit1->households, ==, 14);
  }

  /* The same file again changes nothing. */
  g_assert_true (sz_import_roster (ro.db, ro.community, csv, FALSE, &r, &error));
  g_assert_cmpuint (r.people_created, ==, 0);
  g_assert_cmpuint (r.people_found, ==, 5);
  g_assert_cmpuint (r.heads_unchanged, ==, 6);
  g_assert_cmpuint (r.compounds_created + r.buildings_created + r.units_created, ==, 0);
  roster_teardown (&ro);
}

static void
test_bad_rows (void)
{
  static const char * const bad[] = {
    HEADER,
    "1,,丰和林苑,2栋,1,单元长,张三,13800001234,,,,,,,,,",
    "1,,丰和林苑,2栋,2,单元长,李四,1.38E+10,,,,,,,,,",
    "1,,丰和林苑,2栋,3,单元长,,13800001235,,,,,,,,,",
    "1,,丰和林苑,2栋,4,组长,王五,13800001236,,,,,,,,,",
    "1,,丰和林苑,2栋,5,单元长,赵六,13800001237,男,,,是,,,,,",
    "A区,,丰和林苑,2栋,6,单元长,钱七,13800001238,,,,,,,,,",
    "1,,丰和林苑,2栋,一百,单元长,孙八,13800001239,,,,,,,,,",
    "1,,丰和林苑,2栋,7,单元长,周九,13800001240,未知,,,,,,,,",
    "1,,,,,楼栋长,吴十,13800001241,,,,,,,,,",
    NULL
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SzCsv) csv = gbk_csv (bad);
  SzImportReport r;
  gint64 audit_before;
  Roster ro;

  roster_setup (&ro, "bad.db");
  audit_before = sz_audit_count (ro.db, NULL);
  g_assert_false (sz_import_roster (ro.db, ro.community, csv, FALSE, &r, &error));
  g_assert_error (error, SZ_IMPORT_ERROR, SZ_IMPORT_ERROR_ROWS);

  /* Every wrong row, by the row number the spreadsheet shows, with the
   * column and the value; the good first row is not mentioned. */
  g_test_message ("%s", error->message);
  g_assert_null (strstr (error->message, "Row 2:"));
  g_assert_nonnull (strstr (error->message, "Row 3: 电话: “1.38E+10”"));
  g_assert_nonnull (strstr (error->message, "Row 4: 姓名 is empty"));
  g_assert_nonnull (strstr (error->message, "Row 5: 职务: “组长”"));
  g_assert_nonnull (strstr (error->message, "Row 6: 同意公示电话"));
  g_assert_nonnull (strstr (error->message, "Row 7: 网格: “A区”"));
  g_assert_nonnull (strstr (error->message, "Row 8: 单元: “一百”"));
  g_assert_nonnull (strstr (error->message, "Row 9: 性别: “未知”"));
  g_assert_nonnull (strstr (error->message, "Row 10: "));
  g_assert_nonnull (strstr (error->message, "8 problems"));

  /* Nothing of the file was kept, not even the good row. */
  g_assert_cmpint (test_count (ro.db, "person"), ==, 0);
  g_assert_cmpint (test_count (ro.db, "post"), ==, 0);
  g_assert_cmpint (test_count (ro.db, "unit"), ==, 2);
  g_assert_cmpint (sz_audit_count (ro.db, NULL), ==, audit_before);
  roster_teardown (&ro);
}

static void
test_building_in_other_grid (void)
{
  static const char * const rows[] = {
    "网格,小区,楼栋,单元,姓名,电话",
    "2,丰和林苑,2栋,1,张三,13800001234",
    NULL
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SzCsv) csv = gbk_csv (rows);
  SzImportReport r;
  Roster ro;

  roster_setup (&ro, "other-grid.db");
  g_assert_false (sz_import_roster (ro.db, ro.community, csv, FALSE, &r, &error));
  g_assert_error (error, SZ_IMPORT_ERROR, SZ_IMPORT_ERROR_ROWS);
  g_assert_nonnull (strstr (error->message, "Row 2: 网格: 2栋 of 丰和林苑 is in Grid 1"));
  roster_teardown (&ro);
}

static void
test_columns (void)
{
  static const char * const rows[] = { "小区,楼栋,单元,电话", "丰和林苑,2栋,1,13800001234", NULL };
  static const char * const english[] = {
    /* English and full-width headers, marked as required, in any order. */
    "ＮＡＭＥ*,Phone,Grid,Compound,Building,Unit,Post",
    "张三,13800001234,1,丰和林苑,2栋,1,unit head",
    NULL
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SzCsv) csv = gbk_csv (rows);
  g_autoptr(SzCsv) csv2 = gbk_csv (english);
  SzImportReport r;
  Roster ro;

  roster_setup (&ro, "columns.db");
  g_assert_false (sz_import_roster (ro.db, ro.community, csv, FALSE, &r, &error));
  g_assert_error (error, SZ_IMPORT_ERROR, SZ_IMPORT_ERROR_COLUMNS);
  g_assert_nonnull (strstr (error->message, "“网格”"));
  g_assert_nonnull (strstr (error->message, "“姓名”"));
  g_clear_error (&error);

  g_assert_true (sz_import_roster (ro.db, ro.community, csv2, FALSE, &r, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (r.heads_appointed, ==, 1);
  roster_teardown (&ro);
}

static void
test_dry_run_and_handover (void)
{
  static const char * const first[] = {
    "网格,小区,楼栋,单元,职务,姓名,电话,任职日期",
    "1,丰和林苑,2栋,1,单元长,张三,13800001234,2022-01-01",
    NULL
  };
  static const char * const second[] = {
    "网格,小区,楼栋,单元,职务,姓名,电话,任职日期",
    "1,丰和林苑,2栋,1,单元长,李四,13800005678,2025-06-01",
    NULL
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SzCsv) a = gbk_csv (first);
  g_autoptr(SzCsv) b = gbk_csv (second);
  g_autoptr(GPtrArray) history = NULL;
  SzImportReport r;
  gint64 audit_before;
  Roster ro;

  roster_setup (&ro, "dry.db");
  audit_before = sz_audit_count (ro.db, NULL);
  g_assert_true (sz_import_roster (ro.db, ro.community, a, TRUE, &r, &error));
  g_assert_cmpuint (r.heads_appointed, ==, 1);
  g_assert_cmpuint (r.people_created, ==, 1);
  g_assert_cmpint (test_count (ro.db, "person"), ==, 0);
  g_assert_cmpint (sz_audit_count (ro.db, NULL), ==, audit_before);
  g_assert_false (sz_db_in_transaction (ro.db));

  g_assert_true (sz_import_roster (ro.db, ro.community, a, FALSE, &r, &error));
  g_assert_true (sz_import_roster (ro.db, ro.community, b, FALSE, &r, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (r.heads_replaced, ==, 1);

  /* The handover kept the history. */
  history = sz_post_history (ro.db, SZ_LEVEL_UNIT, ro.unit1, &error);
  g_assert_cmpuint (history->len, ==, 2);
  g_assert_cmpstr (((SzPost *) history->pdata[0])->person_name, ==, "李四");
  g_assert_cmpstr (((SzPost *) history->pdata[1])->end_date, ==, "2025-06-01");

  /* An older file cannot put the earlier head back before the new term. */
  g_assert_false (sz_import_roster (ro.db, ro.community, a, FALSE, &r, &error));
  g_assert_nonnull (strstr (error->message, "Row 2: "));
  roster_teardown (&ro);
}

static void
test_fixture_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "csv", "gbk-wps.csv", NULL);
  g_autoptr(SzCsv) csv = sz_csv_read_file (path, &error);
  SzImportReport r;
  Roster ro;

  g_assert_no_error (error);
  roster_setup (&ro, "fixture.db");
  g_assert_true (sz_import_roster (ro.db, ro.community, csv, FALSE, &r, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (r.rows, ==, 3);
  g_assert_cmpuint (r.heads_appointed, ==, 3);
  g_assert_cmpuint (r.compounds_created, ==, 2);  /* 幸福里 and “幸福里,东区” */
  roster_teardown (&ro);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/import/good-file", test_good_file);
  g_test_add_func ("/core/import/bad-rows", test_bad_rows);
  g_test_add_func ("/core/import/building-in-other-grid", test_building_in_other_grid);
  g_test_add_func ("/core/import/columns", test_columns);
  g_test_add_func ("/core/import/dry-run-and-handover", test_dry_run_and_handover);
  g_test_add_func ("/core/import/fixture-file", test_fixture_file);

  return g_test_run ();
}
