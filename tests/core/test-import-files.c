/* test-import-files.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sz-import.h"
#include "sz-test-util.h"

/* One roster, as LibreOffice Calc saved it in every format an office
 * brings (tests/fixtures/import/make-fixtures.sh): each file gives exactly
 * the same roster.  The readers are tested cell by cell in test-csv.c and
 * test-sheets.c; here the whole way from a file to the roster. */

/* What the roster holds, one line a post, in a fixed order: the post, its
 * place, then the head as the database keeps them. */
static char *
roster_text (SzDb *db)
{
  static const char *sql =
    "SELECT p.level,"
    "  coalesce ('网格' || g.number || ' ' || g.name,"
    "            c.name || ' ' || b.name,"
    "            c2.name || ' ' || b2.name || ' ' || u.number || ' 户' || u.households),"
    "  coalesce (CAST ((SELECT number FROM grid WHERE id = b.grid_id) AS TEXT),"
    "            CAST ((SELECT number FROM grid WHERE id = b2.grid_id) AS TEXT), ''),"
    "  pe.name, coalesce (pe.phone, '-'), pe.gender, pe.party_member, pe.background,"
    "  pe.phone_consent, coalesce (pe.consent_date, '-'), pe.consent_source <> '',"
    "  p.start_date, p.chosen_by, replace (pe.notes, '\n', '⏎')"
    " FROM post p JOIN person pe ON pe.id = p.person_id"
    " LEFT JOIN grid g ON g.id = p.grid_id"
    " LEFT JOIN building b ON b.id = p.building_id LEFT JOIN compound c ON c.id = b.compound_id"
    " LEFT JOIN unit u ON u.id = p.unit_id LEFT JOIN building b2 ON b2.id = u.building_id"
    " LEFT JOIN compound c2 ON c2.id = b2.compound_id"
    " WHERE p.end_date IS NULL ORDER BY 2, 1";
  SzStmt *stmt = sz_db_prepare (db, sql, NULL);
  GString *text = g_string_new (NULL);

  g_assert_nonnull (stmt);
  while (sz_db_step (db, stmt, NULL) == SQLITE_ROW)
    {
      for (int i = 0; i < sz_stmt_column_count (stmt); i++)
        g_string_append_printf (text, "%s%s", i ? "|" : "", (const char *) sz_stmt_column_text (stmt, i));
      g_string_append_c (text, '\n');
    }
  sz_stmt_reset (stmt);
  return g_string_free (text, FALSE);
}

/* The roster of tests/fixtures/import/roster.fods, imported on 2026-12-01:
 * post, place (a unit with its households), the building's grid, then the
 * head.  李𡒄's consent had no date (the import's day, from the file); a
 * term without a start date starts on the import's day. */
static const char expected[] =
  "building|丰和林苑 2栋|1|买买提·艾力|13800001120|male|1|retired_cadre|1|2024-03-02|0|2021-05-01|election|\n"
  "unit|丰和林苑 2栋 1 户14|1|王䶮|13800004728|female|0|volunteer|0|-|0|2022-01-01|recommendation|\n"
  "unit|丰和林苑 2栋 2 户16|1|李𡒄|13800004591|female|1|party_member|1|2026-12-01|1|2026-12-01|self_nomination|退休教师，⏎熟悉情况\n"
  "building|丰和林苑 3栋|1|欧阳秀英|0431-88886666|female|0||0|-|0|2026-12-01|election|\n"
  "unit|丰和林苑 3栋 1 户12|1|单玉华|13800001301|male|0||0|-|0|2026-12-01|election|\n"
  "grid|网格1 丰和第一网格||孙婷婷|13800007027|female|1|cadre|1|2024-03-01|0|2020-03-15|appointment|\n"
  "grid|网格2 长新第二网格||周桂芝|13800002001|female|1|cadre|1|2024-03-01|0|2026-12-01|election|\n"
  "building|长新小区, 东区 5号楼|2|玛丽亚·何塞·德·洛斯·圣地亚哥·费尔南德斯·德·拉·克鲁斯·冈萨雷斯|13800002101|female|0|resident_representative|0|-|0|2026-12-01|election|西班牙籍，已入籍\n"
  "unit|长新小区, 东区 5号楼 1 户10|2|盖丽丽|13800002111|female|0||0|-|0|2026-12-01|election|兼任\n"
  "unit|长新小区, 东区 5号楼 2 户10|2|盖丽丽|13800002111|female|0||0|-|0|2026-12-01|election|兼任\n";

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "import", name, NULL);
}

/* Imports @name into a new community; returns the import for a look at
 * its problems. */
static SzImport *
import_file (SzDb       *db,
             gint64      community,
             const char *name,
             gboolean    apply,
             GError    **error)
{
  g_autofree char *path = fixture (name);
  SzTable *table = sz_table_read_file (path, NULL, NULL, error);
  SzImport *im;

  if (table == NULL)
    return NULL;
  im = sz_import_new (db, community, table);
  sz_import_set_flags (im, SZ_IMPORT_CREATE_PLACES | SZ_IMPORT_REPLACE_HEADS);
  sz_import_set_today (im, "2026-12-01");
  if (apply)
    sz_import_apply (im, error);
  else
    sz_import_plan (im, error);
  return im;
}

static void
test_same_roster (gconstpointer data)
{
  const char *name = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(SzDb) db = test_open_db ("files.db", &path);
  gint64 community = test_add_community (db, "丰和社区");
  g_autoptr(SzImport) im = import_file (db, community, name, TRUE, &error);
  g_autofree char *text = NULL;
  const SzImportReport *r;

  g_assert_no_error (error);
  r = sz_import_get_report (im);
  /* The title row is not the header; the blank row is not a row. */
  g_assert_cmpuint (sz_table_get_all_line (sz_import_get_table (im), sz_table_get_header_row (sz_import_get_table (im))), ==, 2);
  g_assert_cmpuint (r->rows, ==, 10);
  g_assert_cmpuint (r->people_created, ==, 9);
  g_assert_cmpuint (r->heads_appointed, ==, 10);
  g_assert_cmpuint (r->grids_created, ==, 2);
  g_assert_cmpuint (r->compounds_created, ==, 2);
  g_assert_cmpuint (r->buildings_created, ==, 3);
  g_assert_cmpuint (r->units_created, ==, 5);
  g_assert_cmpuint (r->consents_dated, ==, 1);
  g_assert_cmpuint (r->errors, ==, 0);

  text = roster_text (db);
  g_assert_cmpstr (text, ==, expected);

  /* The same file again: every head is found where it is. */
  g_clear_pointer (&im, sz_import_free);
  im = import_file (db, community, name, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sz_import_get_report (im)->heads_unchanged, ==, 10);
  g_assert_cmpuint (sz_import_get_report (im)->people_found, ==, 9);
  g_assert_cmpuint (sz_import_get_report (im)->people_created, ==, 0);
}

/* GBK cannot hold 𡒄: LibreOffice wrote “?” for it, as Excel and WPS do.
 * The import says so instead of keeping a wrong name. */
static void
test_gbk_lost_character (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(SzDb) db = test_open_db ("gbk.db", &path);
  gint64 community = test_add_community (db, "丰和社区");
  g_autoptr(SzImport) im = import_file (db, community, "roster-gbk.csv", TRUE, &error);
  GPtrArray *problems;
  gboolean found = FALSE;

  g_assert_error (error, SZ_IMPORT_ERROR, SZ_IMPORT_ERROR_ROWS);
  g_assert_cmpstr (sz_table_get_encoding (sz_import_get_table (im)), ==, "GB18030");
  problems = sz_import_get_problems (im);
  for (guint i = 0; i < problems->len; i++)
    {
      SzImportProblem *p = problems->pdata[i];

      if (p->severity != SZ_IMPORT_PROBLEM_ERROR)
        continue;
      g_assert_cmpuint (p->line, ==, 6);
      g_assert_nonnull (strstr (p->text, "Row 6, column G (姓名): “李?”"));
      found = TRUE;
    }
  g_assert_true (found);
  g_assert_cmpuint (sz_import_get_report (im)->errors, ==, 1);
  /* 䶮, which GB18030 has in two bytes, came through. */
  g_assert_cmpint (test_count (db, "person"), ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_data_func ("/core/import-files/xlsx", "roster.xlsx", test_same_roster);
  g_test_add_data_func ("/core/import-files/xls", "roster.xls", test_same_roster);
  g_test_add_data_func ("/core/import-files/unicode-text", "roster-unicode.txt", test_same_roster);
  g_test_add_data_func ("/core/import-files/utf8-csv", "roster-utf8.csv", test_same_roster);
  g_test_add_func ("/core/import-files/gbk-lost-character", test_gbk_lost_character);

  return g_test_run ();
}
