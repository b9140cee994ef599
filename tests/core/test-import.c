/* test-import.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sz-audit.h"
#include "sz-check.h"
#include "sz-csv.h"
#include "sz-import.h"
#include "sz-test-util.h"
#include "sz-post.h"
#include "sz-tree.h"

/* A file as WPS saves "CSV (逗号分隔)" on Chinese Windows: GB18030, CRLF. */
static SzTable *
gbk_csv (const char * const *lines)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strjoinv ("\r\n", (char **) lines);
  g_autofree char *with_end = g_strconcat (text, "\r\n", NULL);
  gsize len = 0;
  char *gbk = g_convert (with_end, -1, "GB18030", "UTF-8", NULL, &len, &error);
  g_autoptr(GBytes) bytes = NULL;
  SzTable *csv;

  g_assert_no_error (error);
  bytes = g_bytes_new_take (gbk, len);
  csv = sz_csv_parse (bytes, "三长名册.csv", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sz_table_get_encoding (csv), ==, "GB18030");
  return csv;
}

/* The user allows new places and handovers. */
#define ALL (SZ_IMPORT_CREATE_PLACES | SZ_IMPORT_REPLACE_HEADS)

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
  g_autoptr(SzTable) csv = gbk_csv (good);
  g_autoptr(SzTreeNode) tree = NULL;
  g_autoptr(GPtrArray) people = NULL;
  SzImportReport r;
  Roster ro;

  roster_setup (&ro, "import.db");
  g_assert_true (sz_import_roster (ro.db, ro.community, csv, ALL, FALSE, &r, &error));
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
  g_assert_true (sz_import_roster (ro.db, ro.community, csv, ALL, FALSE, &r, &error));
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
  g_autoptr(SzTable) csv = gbk_csv (bad);
  SzImportReport r;
  gint64 audit_before;
  Roster ro;

  roster_setup (&ro, "bad.db");
  audit_before = sz_audit_count (ro.db, NULL);
  g_assert_false (sz_import_roster (ro.db, ro.community, csv, ALL, FALSE, &r, &error));
  g_assert_error (error, SZ_IMPORT_ERROR, SZ_IMPORT_ERROR_ROWS);

  /* Every wrong row, by the row number the spreadsheet shows, with the
   * column and the value; the good first row is not mentioned. */
  g_test_message ("%s", error->message);
  g_assert_null (strstr (error->message, "Row 2,"));
  g_assert_nonnull (strstr (error->message, "Row 3, column H (电话): “1.38E+10” is a number the spreadsheet has rounded"));
  g_assert_nonnull (strstr (error->message, "Row 4, column G: 姓名 is empty"));
  g_assert_nonnull (strstr (error->message, "Row 5, column F (职务): “组长” is not"));
  /* Consent without a date is no longer a refusal: the import's date. */
  g_assert_null (strstr (error->message, "Row 6,"));
  g_assert_nonnull (strstr (error->message, "Row 7, column A (网格): “A区” is not a grid number"));
  g_assert_nonnull (strstr (error->message, "Row 8, column E (单元): “一百” is not a unit number"));
  g_assert_nonnull (strstr (error->message, "Row 9, column I (性别): “未知” is not 男 or 女"));
  g_assert_nonnull (strstr (error->message, "Row 10, column C (小区): A Building head row needs its place"));
  g_assert_nonnull (strstr (error->message, "7 problems"));

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
  g_autoptr(SzTable) csv = gbk_csv (rows);
  SzImportReport r;
  Roster ro;

  roster_setup (&ro, "other-grid.db");
  g_assert_false (sz_import_roster (ro.db, ro.community, csv, ALL, FALSE, &r, &error));
  g_assert_error (error, SZ_IMPORT_ERROR, SZ_IMPORT_ERROR_ROWS);
  g_assert_nonnull (strstr (error->message, "Row 2, column A (网格): 丰和林苑 2栋 is in Grid 1 第一网格 on the roster"));
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
  g_autoptr(SzTable) csv = gbk_csv (rows);
  g_autoptr(SzTable) csv2 = gbk_csv (english);
  SzImportReport r;
  Roster ro;

  roster_setup (&ro, "columns.db");
  g_assert_false (sz_import_roster (ro.db, ro.community, csv, ALL, FALSE, &r, &error));
  g_assert_error (error, SZ_IMPORT_ERROR, SZ_IMPORT_ERROR_COLUMNS);
  g_assert_nonnull (strstr (error->message, "No column is read as Grid"));
  g_assert_nonnull (strstr (error->message, "No column is read as Name"));
  g_clear_error (&error);

  g_assert_true (sz_import_roster (ro.db, ro.community, csv2, ALL, FALSE, &r, &error));
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
  g_autoptr(SzTable) a = gbk_csv (first);
  g_autoptr(SzTable) b = gbk_csv (second);
  g_autoptr(GPtrArray) history = NULL;
  SzImportReport r;
  gint64 audit_before;
  Roster ro;

  roster_setup (&ro, "dry.db");
  audit_before = sz_audit_count (ro.db, NULL);
  g_assert_true (sz_import_roster (ro.db, ro.community, a, ALL, TRUE, &r, &error));
  g_assert_cmpuint (r.heads_appointed, ==, 1);
  g_assert_cmpuint (r.people_created, ==, 1);
  g_assert_cmpint (test_count (ro.db, "person"), ==, 0);
  g_assert_cmpint (sz_audit_count (ro.db, NULL), ==, audit_before);
  g_assert_false (sz_db_in_transaction (ro.db));

  g_assert_true (sz_import_roster (ro.db, ro.community, a, ALL, FALSE, &r, &error));
  g_assert_true (sz_import_roster (ro.db, ro.community, b, ALL, FALSE, &r, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (r.heads_replaced, ==, 1);

  /* The handover kept the history. */
  history = sz_post_history (ro.db, SZ_LEVEL_UNIT, ro.unit1, &error);
  g_assert_cmpuint (history->len, ==, 2);
  g_assert_cmpstr (((SzPost *) history->pdata[0])->person_name, ==, "李四");
  g_assert_cmpstr (((SzPost *) history->pdata[1])->end_date, ==, "2025-06-01");

  /* An older file cannot put the earlier head back before the new term. */
  g_assert_false (sz_import_roster (ro.db, ro.community, a, ALL, FALSE, &r, &error));
  g_assert_nonnull (strstr (error->message, "Row 2: Start date: 2022-01-01 is before the current head"));
  roster_teardown (&ro);
}

static void
test_fixture_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "csv", "gbk-wps.csv", NULL);
  g_autoptr(SzTable) csv = sz_table_read_file (path, NULL, NULL, &error);
  SzImportReport r;
  Roster ro;

  g_assert_no_error (error);
  roster_setup (&ro, "fixture.db");
  g_assert_true (sz_import_roster (ro.db, ro.community, csv, ALL, FALSE, &r, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (r.rows, ==, 3);
  g_assert_cmpuint (r.heads_appointed, ==, 3);
  g_assert_cmpuint (r.compounds_created, ==, 2);  /* 幸福里 and “幸福里,东区” */
  roster_teardown (&ro);
}


static gint64
query_person (SzDb       *db,
              const char *name)
{
  SzStmt *stmt = sz_db_prepare (db, "SELECT id FROM person WHERE name = ?1", NULL);
  gint64 id = 0;

  sz_db_bind_text (stmt, 1, name);
  if (sz_db_step (db, stmt, NULL) == SQLITE_ROW)
    id = sz_stmt_column_int64 (stmt, 0);
  sz_stmt_reset (stmt);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
test_count_where (SzDb       *db,
                  const char *sql)
{
  SzStmt *stmt = sz_db_prepare (db, sql, NULL);
  gint64 n;

  g_assert_cmpint (sz_db_step (db, stmt, NULL), ==, SQLITE_ROW);
  n = sz_stmt_column_int64 (stmt, 0);
  sz_stmt_reset (stmt);
  return n;
}

static void
test_appoint (SzDb       *db,
              SzLevel     level,
              gint64      place,
              gint64      person,
              const char *start)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sz_post_appoint (db, level, place, person, start, SZ_CHOSEN_ELECTION, NULL, &error));
  g_assert_no_error (error);
}

/* A table as a workbook reader makes it, with typed cells: the import's
 * side of number-typed phones and date cells (the readers' side is in
 * test-sheets.c, on files LibreOffice wrote). */
typedef struct
{
  const char *text;
  SzCellKind  kind;
} Cell;

static SzTable *
typed_table (const char * const *header,
             const Cell          (*rows)[8],
             guint                n_rows)
{
  SzTable *t = sz_table_new (SZ_TABLE_XLSX, "“名册.xlsx”");

  sz_table_begin_row (t, 1);
  for (guint c = 0; header[c] != NULL; c++)
    sz_table_set_cell (t, c, SZ_CELL_TEXT, header[c], -1);
  sz_table_end_row (t, 0);
  for (guint r = 0; r < n_rows; r++)
    {
      sz_table_begin_row (t, r + 2);
      for (guint c = 0; header[c] != NULL; c++)
        if (rows[r][c].text != NULL)
          sz_table_set_cell (t, c, rows[r][c].kind, rows[r][c].text, -1);
      sz_table_end_row (t, 0);
    }
  return t;
}

static SzTable *
utf8_csv (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  SzTable *t = sz_csv_parse (bytes, "名册.csv", NULL, &error);

  g_assert_no_error (error);
  return t;
}

/* The database as the sqlite3 shell dumps it, or pg_dump its data (less
 * the sequences, which a rolled-back transaction moves too). */
static char *
dump (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dbname = NULL;
  const char *sqlite_argv[] = { "sqlite3", path, ".dump", NULL };
  const char *pg_argv[] = { "pg_dump", "--data-only", "-h", g_getenv ("SANZHANG_TEST_PG_HOST"),
                            "-p", g_getenv ("SANZHANG_TEST_PG_PORT"), "-U", "postgres", "-d", NULL, NULL };
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  GString *kept = g_string_new (NULL);
  int status = 0;

  if (test_engine_is_pg ())
    {
      const char *start = strstr (path, ":///") + 4;

      dbname = g_strndup (start, strcspn (start, "?"));
      pg_argv[9] = dbname;
    }
  g_spawn_sync (NULL, (char **) (test_engine_is_pg () ? pg_argv : sqlite_argv), NULL,
                G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (!g_str_has_prefix (lines[i], "SELECT pg_catalog.setval") && !g_str_has_prefix (lines[i], "\\restrict")
        && !g_str_has_prefix (lines[i], "\\unrestrict"))
      g_string_append_printf (kept, "%s\n", lines[i]);
  return g_string_free (kept, FALSE);
}

static const SzImportProblem *
find_problem (SzImport         *im,
              SzImportSeverity  severity,
              const char       *text)
{
  GPtrArray *problems = sz_import_get_problems (im);

  for (guint i = 0; i < problems->len; i++)
    {
      const SzImportProblem *p = problems->pdata[i];

      if (p->severity == severity && strstr (p->text, text) != NULL)
        return p;
    }
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("problem %u: %s", i, ((SzImportProblem *) problems->pdata[i])->text);
  return NULL;
}

static void
test_header_below_title (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SzImport) im = NULL;
  Roster ro;

  roster_setup (&ro, "title.db");
  im = sz_import_new (ro.db, ro.community,
                      utf8_csv ("丰和社区三长名册（2026年）,,,,,\r\n"
                                ",,,,,\r\n"
                                "网格,小区,楼栋,单元,姓名*,电话（手机）\r\n"
                                "1,丰和林苑,2栋,1,张三,13800001234\r\n"
                                "\r\n"
                                "1,丰和林苑,2栋,2,李四,1380000123\r\n"));
  g_assert_cmpuint (sz_table_get_header_row (sz_import_get_table (im)), ==, 1);
  g_assert_cmpint (sz_import_get_column (im, SZ_IMPORT_FIELD_NAME), ==, 4);
  g_assert_cmpint (sz_import_get_column (im, SZ_IMPORT_FIELD_PHONE), ==, 5);
  g_assert_true (sz_import_column_is_auto (im, SZ_IMPORT_FIELD_PHONE));
  g_assert_true (sz_import_plan (im, &error));
  g_assert_no_error (error);
  /* Rows as the spreadsheet numbers them: the blank row 5 counts. */
  g_assert_nonnull (find_problem (im, SZ_IMPORT_PROBLEM_ERROR, "Row 6, column F: 电话（手机）: “1380000123” is not a phone number"));
  g_assert_cmpuint (sz_import_get_report (im)->errors, ==, 1);
  roster_teardown (&ro);
}

/* A head's phone must be a mobile or a landline: 12345 (the city's
 * hotline, typed by mistake) refuses the row, naming row and column. */
static void
test_service_phone (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SzImport) im = NULL;
  Roster ro;

  roster_setup (&ro, "service.db");
  im = sz_import_new (ro.db, ro.community,
                      utf8_csv ("网格,小区,楼栋,单元,姓名*,电话（手机）,备用电话\r\n"
                                "1,丰和林苑,2栋,1,张三,13800001234,\r\n"
                                "1,丰和林苑,2栋,2,李四,12345,\r\n"
                                "1,丰和林苑,2栋,3,王五,13800001235,95598\r\n"));
  g_assert_true (sz_import_plan (im, &error));
  g_assert_no_error (error);
  g_assert_nonnull (find_problem (im, SZ_IMPORT_PROBLEM_ERROR,
                                  "Row 3, column F: 电话（手机）: “12345” is a service number"));
  g_assert_nonnull (find_problem (im, SZ_IMPORT_PROBLEM_ERROR,
                                  "Row 4, column G: 备用电话: “95598” is a service number"));
  g_assert_cmpuint (sz_import_get_report (im)->errors, ==, 2);
  roster_teardown (&ro);
}

static void
test_file_checks (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  SzImportReport r;
  Roster ro;

  roster_setup (&ro, "checks.db");
  before = dump (ro.path);

  /* The same header twice: which is meant? */
  {
    g_autoptr(SzTable) t = utf8_csv ("网格,姓名,电话,电话\n1,张三,13800001234,13800001235\n");
    g_assert_false (sz_import_roster (ro.db, ro.community, t, ALL, FALSE, &r, &error));
    g_assert_error (error, SZ_IMPORT_ERROR, SZ_IMPORT_ERROR_COLUMNS);
    g_assert_nonnull (strstr (error->message, "Column D: The header “电话” is also the header of column C"));
    g_clear_error (&error);
  }
  /* A comma outside quotes, and a line cut short; empty fields at the end
   * of the sheet's used range are fine. */
  {
    g_autoptr(SzTable) t = utf8_csv ("网格,小区,楼栋,单元,姓名,备注,,\n"
                                     "1,丰和林苑,2栋,1,张三,好,,\n"
                                     "1,丰和林苑,2栋,2,李四,熟悉情况,退休教师,,是\n"
                                     "1,丰和林苑,2栋\n"
                                     "1,丰和林苑,2栋,3,王五,,,,,,\n");
    g_assert_false (sz_import_roster (ro.db, ro.community, t, ALL, FALSE, &r, &error));
    g_test_message ("%s", error->message);
    g_assert_nonnull (strstr (error->message, "Row 3: it has 9 fields where the header has 8: a value with a comma"));
    g_assert_nonnull (strstr (error->message, "Row 4: it has 3 fields where the header has 8: the line was cut short"));
    g_assert_null (strstr (error->message, "Row 2:"));
    g_assert_null (strstr (error->message, "Row 5:"));
    g_clear_error (&error);
  }
  /* No rows under the header. */
  {
    g_autoptr(SzTable) t = utf8_csv ("网格,姓名,电话\n");
    g_assert_false (sz_import_roster (ro.db, ro.community, t, ALL, FALSE, &r, &error));
    g_assert_nonnull (strstr (error->message, "no rows under the header (row 1)"));
    g_clear_error (&error);
  }

  /* Every refusal left the database as it was, to the byte of its dump. */
  after = dump (ro.path);
  g_assert_cmpstr (before, ==, after);
  roster_teardown (&ro);
}

static void
test_rows_in_one_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(SzImport) im = NULL;
  Roster ro;

  roster_setup (&ro, "one-file.db");
  im = sz_import_new (ro.db, ro.community,
                      utf8_csv ("网格,小区,楼栋,单元,职务,姓名,电话,备注\n"
                                "1,丰和林苑,2栋,1,单元长,张三,13800001234,退休教师\n"
                                "网格,小区,楼栋,单元,职务,姓名,电话,备注\n"
                                "1,丰和林苑,2栋,,楼栋长,张三,13800001234,熟悉情况\n"
                                "1,丰和林苑,2栋,2,单元长,李四,13800001235,\n"
                                "1,丰和林苑,2栋,2,单元长,李四,13800001235,\n"));
  sz_import_set_flags (im, ALL);
  g_assert_true (sz_import_apply (im, &error));
  g_assert_no_error (error);
  /* The repeated header is skipped, with a word; the same head twice in
   * one post is one appointment; one person on two rows is one person
   * with both notes. */
  g_assert_nonnull (find_problem (im, SZ_IMPORT_PROBLEM_WARNING, "Row 3: this row repeats the header of row 1"));
  g_assert_cmpuint (sz_import_get_report (im)->rows_skipped, ==, 1);
  g_assert_cmpuint (sz_import_get_report (im)->heads_appointed, ==, 3);
  people = sz_person_list (ro.db, &error);
  g_assert_cmpuint (people->len, ==, 2);
  for (guint i = 0; i < people->len; i++)
    if (g_str_equal (((SzPerson *) people->pdata[i])->name, "张三"))
      g_assert_cmpstr (((SzPerson *) people->pdata[i])->notes, ==, "退休教师；熟悉情况");
  g_clear_pointer (&im, sz_import_free);

  /* Two people for one post: both rows named. */
  im = sz_import_new (ro.db, ro.community,
                      utf8_csv ("网格,小区,楼栋,单元,姓名,电话\n"
                                "1,丰和林苑,2栋,3,王五,13800001236\n"
                                "1,丰和林苑,2栋,4,赵六,13800001237\n"
                                "1,丰和林苑,2栋,3,钱七,13800001238\n"));
  sz_import_set_flags (im, ALL);
  g_assert_false (sz_import_apply (im, &error));
  g_assert_error (error, SZ_IMPORT_ERROR, SZ_IMPORT_ERROR_ROWS);
  g_assert_nonnull (strstr (error->message, "Row 4, column E (姓名): The Unit head of 丰和林苑 2栋 Unit 3 is also given to another person on row 2"));
  g_assert_cmpint (test_count (ro.db, "person"), ==, 2);
  roster_teardown (&ro);
}

static void
test_consent_without_date (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SzImport) im = NULL;
  g_autoptr(SzPerson) p = NULL;
  Roster ro;

  roster_setup (&ro, "consent.db");
  im = sz_import_new (ro.db, ro.community,
                      utf8_csv ("网格,小区,楼栋,单元,姓名,电话,同意公示电话,同意日期\n"
                                "1,丰和林苑,2栋,1,张三,13800001234,是,\n"
                                "1,丰和林苑,2栋,2,李四,13800001235,是,2024年3月1日\n"
                                "1,丰和林苑,2栋,3,王五,13800001236,是,3月1日\n"));
  sz_import_set_flags (im, ALL);
  sz_import_set_today (im, "2026-12-01");
  g_assert_true (sz_import_plan (im, &error));
  /* A date that is not one is still refused; a yes without one is not. */
  g_assert_nonnull (find_problem (im, SZ_IMPORT_PROBLEM_ERROR, "Row 4, column H: 同意日期: “3月1日” is not a date"));
  g_assert_cmpuint (sz_import_get_report (im)->errors, ==, 1);
  g_assert_nonnull (find_problem (im, SZ_IMPORT_PROBLEM_FIXED, "Row 2, column G (同意公示电话): 张三's consent"));
  g_assert_cmpuint (sz_import_get_report (im)->consents_dated, ==, 1);
  g_clear_pointer (&im, sz_import_free);

  im = sz_import_new (ro.db, ro.community,
                      utf8_csv ("网格,小区,楼栋,单元,姓名,电话,同意公示电话,同意日期\n"
                                "1,丰和林苑,2栋,1,张三,13800001234,是,\n"));
  sz_import_set_flags (im, ALL);
  sz_import_set_today (im, "2026-12-01");
  g_assert_true (sz_import_apply (im, &error));
  g_assert_no_error (error);
  p = sz_person_get (ro.db, query_person (ro.db, "张三"), &error);
  g_assert_true (p->phone_consent);
  g_assert_cmpstr (p->consent_date, ==, "2026-12-01");
  g_assert_cmpint (test_count_where (ro.db, "SELECT count(*) FROM person WHERE consent_source LIKE '%名册.csv%'"), ==, 1);
  roster_teardown (&ro);
}

static void
test_number_cells (void)
{
  static const char * const header[] = { "网格", "小区", "楼栋", "单元", "姓名", "电话", "任职日期", NULL };
  static const Cell rows[][8] = {
    { { "1" }, { "丰和林苑" }, { "2栋" }, { "1", SZ_CELL_NUMBER }, { "张三" }, { "13800001234", SZ_CELL_NUMBER }, { "45352", SZ_CELL_NUMBER } },
    { { "1" }, { "丰和林苑" }, { "2栋" }, { "2", SZ_CELL_NUMBER }, { "李四" }, { "1.10101199001011E+17", SZ_CELL_NUMBER } },
    { { "1" }, { "丰和林苑" }, { "2栋" }, { "3", SZ_CELL_NUMBER }, { "王五" }, { "1380000123.5", SZ_CELL_NUMBER } },
    { { "1" }, { "丰和林苑" }, { "2栋" }, { "4", SZ_CELL_NUMBER }, { "赵六" }, { "1234567890123456", SZ_CELL_NUMBER } },
    { { "1" }, { "丰和林苑" }, { "2栋" }, { "5", SZ_CELL_NUMBER }, { "钱七" }, { "43188886666", SZ_CELL_NUMBER } },
    { { "1" }, { "丰和林苑" }, { "2栋" }, { "6", SZ_CELL_NUMBER }, { "孙八" }, { "1.38E+10" }, { "2024-03-01", SZ_CELL_DATE } },
    { { "1" }, { "丰和林苑" }, { "2栋" }, { "7", SZ_CELL_NUMBER }, { "周九" }, { "13800001239" }, { "2024-03-02 00:00:00", SZ_CELL_DATE } },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SzImport) im = NULL;
  Roster ro;

  roster_setup (&ro, "numbers.db");
  im = sz_import_new (ro.db, ro.community, typed_table (header, rows, G_N_ELEMENTS (rows)));
  sz_import_set_flags (im, ALL);
  g_assert_true (sz_import_plan (im, &error));
  g_assert_no_error (error);
  /* A phone in a number cell is its digits; a serial day in a date
   * column is the date, said so. */
  g_assert_null (find_problem (im, SZ_IMPORT_PROBLEM_ERROR, "Row 2,"));
  g_assert_nonnull (find_problem (im, SZ_IMPORT_PROBLEM_FIXED, "Row 2, column G (任职日期): 45352 was read as the spreadsheet date 2024-03-01"));
  g_assert_nonnull (find_problem (im, SZ_IMPORT_PROBLEM_ERROR, "Row 3, column F (电话): “1.10101199001011E+17” is a number the spreadsheet has rounded"));
  g_assert_nonnull (find_problem (im, SZ_IMPORT_PROBLEM_ERROR, "Row 4, column F (电话): “1380000123.5” is a number"));
  g_assert_nonnull (find_problem (im, SZ_IMPORT_PROBLEM_ERROR, "Row 5, column F (电话): “1234567890123456” has more digits"));
  g_assert_nonnull (find_problem (im, SZ_IMPORT_PROBLEM_ERROR, "Row 6, column F (电话): “43188886666” looks like the landline 0431-88886666 whose leading 0 was dropped"));
  g_assert_nonnull (find_problem (im, SZ_IMPORT_PROBLEM_ERROR, "Row 7, column F (电话): “1.38E+10”"));
  g_assert_null (find_problem (im, SZ_IMPORT_PROBLEM_ERROR, "Row 8,"));
  g_assert_cmpuint (sz_import_get_report (im)->errors, ==, 5);
  roster_teardown (&ro);
}

static void
test_permissions (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SzImport) im = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GPtrArray *changes;
  gboolean handover = FALSE;
  Roster ro;

  roster_setup (&ro, "permissions.db");
  test_appoint (ro.db, SZ_LEVEL_UNIT, ro.unit1, test_add_person (ro.db, "王秀英", "13800000001", FALSE), "2022-01-01");
  before = dump (ro.path);
  im = sz_import_new (ro.db, ro.community,
                      utf8_csv ("网格,小区,楼栋,单元,姓名,电话\n"
                                "1,丰和林苑,2栋,1,李建国,13800000002\n"
                                "1,丰和林苑,3栋,1,赵六,13800000003\n"
                                "1,丰和林苑,2栋,2,孙八,13800000004\n"));
  g_assert_true (sz_import_plan (im, &error));
  g_assert_nonnull (find_problem (im, SZ_IMPORT_PROBLEM_ERROR,
                                  "Row 2, column E (姓名): 丰和林苑 2栋 Unit 1 already has a Unit head, 王秀英; this row names 李建国. Tick “Replace the current heads”"));
  g_assert_nonnull (find_problem (im, SZ_IMPORT_PROBLEM_ERROR,
                                  "Row 3, column C (楼栋): 丰和林苑 3栋 is not on the roster yet. Tick “Create the places that do not exist yet”"));
  g_assert_cmpuint (sz_import_get_report (im)->errors, ==, 2);
  g_assert_cmpuint (sz_import_count_needing (im, SZ_IMPORT_CREATE_PLACES), ==, 2);
  g_assert_cmpuint (sz_import_count_needing (im, SZ_IMPORT_REPLACE_HEADS), ==, 1);
  changes = sz_import_get_changes (im);
  for (guint i = 0; i < changes->len; i++)
    {
      SzImportChange *c = changes->pdata[i];

      if (c->kind == SZ_IMPORT_CHANGE_HANDOVER)
        {
          g_assert_cmpstr (c->old_name, ==, "王秀英");
          g_assert_cmpstr (c->name, ==, "李建国");
          g_assert_cmpstr (c->place, ==, "丰和林苑 2栋 Unit 1");
          g_assert_cmpuint (c->line, ==, 2);
          handover = TRUE;
        }
    }
  g_assert_true (handover);
  g_assert_false (sz_import_apply (im, &error));
  g_clear_error (&error);
  after = dump (ro.path);
  g_assert_cmpstr (before, ==, after);

  /* Ticked, the same file goes in. */
  sz_import_set_flags (im, ALL);
  g_assert_true (sz_import_apply (im, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sz_import_get_report (im)->heads_replaced, ==, 1);
  g_assert_cmpuint (sz_import_get_report (im)->buildings_created, ==, 1);
  roster_teardown (&ro);
}

static void
test_manual_mapping_and_names (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SzImport) im = NULL;
  g_autoptr(SzPerson) p = NULL;
  Roster ro;

  roster_setup (&ro, "mapping.db");
  im = sz_import_new (ro.db, ro.community,
                      utf8_csv ("网格,小区,楼栋,单元,姓名,联络人手机\n"
                                "1,丰和林苑,2栋,1,王⼤明,13800001234\n"));
  sz_import_set_flags (im, ALL);
  g_assert_cmpint (sz_import_get_column (im, SZ_IMPORT_FIELD_PHONE), ==, -1);
  g_assert_true (sz_import_plan (im, &error));
  g_assert_nonnull (find_problem (im, SZ_IMPORT_PROBLEM_WARNING, "Column F: “联络人手机” is not a column the import knows"));
  sz_import_set_column (im, SZ_IMPORT_FIELD_PHONE, 5);
  g_assert_cmpint (sz_import_get_field (im, 5), ==, SZ_IMPORT_FIELD_PHONE);
  g_assert_false (sz_import_column_is_auto (im, SZ_IMPORT_FIELD_PHONE));
  g_assert_true (sz_import_apply (im, &error));
  g_assert_no_error (error);
  /* The Kangxi radical ⼤ became 大, with a notice. */
  g_assert_nonnull (find_problem (im, SZ_IMPORT_PROBLEM_FIXED, "Row 2, column E (姓名): "));
  g_assert_cmpuint (sz_import_get_report (im)->names_fixed, ==, 1);
  p = sz_person_get (ro.db, query_person (ro.db, "王大明"), &error);
  g_assert_nonnull (p);
  g_assert_cmpstr (p->phone, ==, "13800001234");
  roster_teardown (&ro);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/import/good-file", test_good_file);
  g_test_add_func ("/core/import/bad-rows", test_bad_rows);
  g_test_add_func ("/core/import/service-phone", test_service_phone);
  g_test_add_func ("/core/import/building-in-other-grid", test_building_in_other_grid);
  g_test_add_func ("/core/import/columns", test_columns);
  g_test_add_func ("/core/import/dry-run-and-handover", test_dry_run_and_handover);
  g_test_add_func ("/core/import/fixture-file", test_fixture_file);
  g_test_add_func ("/core/import/header-below-title", test_header_below_title);
  g_test_add_func ("/core/import/file-checks", test_file_checks);
  g_test_add_func ("/core/import/rows-in-one-file", test_rows_in_one_file);
  g_test_add_func ("/core/import/consent-without-date", test_consent_without_date);
  g_test_add_func ("/core/import/number-cells", test_number_cells);
  g_test_add_func ("/core/import/permissions", test_permissions);
  g_test_add_func ("/core/import/manual-mapping-and-names", test_manual_mapping_and_names);

  return g_test_run ();
}
