/* test-sheets.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <zip.h>

#include "sz-table.h"
#include "sz-xls.h"
#include "sz-xlsx.h"

/* The .xlsx and .xls readers.  The fixtures under fixtures/sheets/ were
 * written by LibreOffice Calc from the .fods beside them
 * (make-fixtures.sh); the small workbooks built below are the minimal XML
 * that other programs write, to test the reader on what they do
 * differently. */

/* The roster's columns */
enum
{
  COL_GRID, COL_GRID_NAME, COL_COMPOUND, COL_BUILDING, COL_UNIT, COL_POST, COL_NAME, COL_PHONE,
  COL_SEX, COL_PARTY, COL_STATUS, COL_CONSENT, COL_CONSENT_DATE, COL_START_DATE, COL_CHOSEN,
  COL_HOUSEHOLDS, COL_NOTE, N_COLUMNS
};

static const char * const roster_headers[N_COLUMNS] = {
  "网格", "网格名称", "小区", "楼栋", "单元", "职务", "姓名", "电话", "性别", "党员", "身份",
  "同意公示电话", "同意日期", "任职日期", "产生方式", "户数", "备注",
};

static const char * const roster_sheets[] = { "空表", "旧名单", "三长名册", "网格一览", NULL };

/* The spreadsheet's row numbers of the roster's kept rows: the title, the
 * header, and the data with two blank rows (8, 9) between. */
static const guint roster_lines[] = { 1, 2, 3, 4, 5, 6, 7, 10, 11 };

typedef struct
{
  guint       line;
  guint       column;
  const char *text;
  SzCellKind  kind;
} Cell;

/* The roster's cells, as both the .xlsx and the .xls read them */
static const Cell roster_cells[] = {
  { 3, COL_GRID, "1", SZ_CELL_NUMBER },
  { 3, COL_GRID_NAME, "第一网格", SZ_CELL_TEXT },
  { 3, COL_UNIT, "1单元", SZ_CELL_TEXT },
  { 3, COL_NAME, "王䶮", SZ_CELL_TEXT },
  { 3, COL_PHONE, "13800001234", SZ_CELL_NUMBER },
  { 3, COL_PARTY, "TRUE", SZ_CELL_BOOL },
  { 3, COL_CONSENT_DATE, "2024-03-01", SZ_CELL_DATE },   /* shown as 2024年3月1日 */
  { 3, COL_START_DATE, "2024-01-15", SZ_CELL_DATE },
  { 3, COL_HOUSEHOLDS, "24", SZ_CELL_NUMBER },
  { 3, COL_NOTE, "", SZ_CELL_EMPTY },
  { 4, COL_NAME, "李𡒄", SZ_CELL_TEXT },                  /* U+21484, outside the BMP */
  { 4, COL_PHONE, "13900002345", SZ_CELL_TEXT },
  { 4, COL_PARTY, "FALSE", SZ_CELL_BOOL },
  { 4, COL_CONSENT_DATE, "2024/3/2", SZ_CELL_TEXT },
  { 4, COL_NOTE, "周二、周四\n上午在家", SZ_CELL_TEXT },
  { 5, COL_UNIT, "", SZ_CELL_EMPTY },
  { 5, COL_POST, "楼栋长", SZ_CELL_TEXT },
  { 5, COL_NAME, "买买提·艾力", SZ_CELL_TEXT },
  { 5, COL_PHONE, "13700003456", SZ_CELL_NUMBER },
  /* An ID number typed into a number cell: Excel kept 15 digits */
  { 6, COL_PHONE, "1.10101199001011E+17", SZ_CELL_NUMBER },
  { 6, COL_CONSENT_DATE, "", SZ_CELL_EMPTY },
  { 7, COL_PHONE, "0431-88886666", SZ_CELL_TEXT },
  { 7, COL_START_DATE, "2024-03-01 08:30:00", SZ_CELL_DATE },
  { 7, COL_HOUSEHOLDS, "#N/A", SZ_CELL_ERROR },
  { 7, COL_NOTE, "座机", SZ_CELL_TEXT },
  { 10, COL_COMPOUND, "", SZ_CELL_EMPTY },
  { 10, COL_POST, "网格长", SZ_CELL_TEXT },
  { 10, COL_NAME, "刘洋", SZ_CELL_TEXT },
  { 10, COL_CONSENT_DATE, "2024-03-01", SZ_CELL_DATE },
  { 10, COL_HOUSEHOLDS, "650", SZ_CELL_NUMBER },
  { 11, COL_COMPOUND, "长青小区", SZ_CELL_TEXT },          /* ="长青"&"小区" */
  { 11, COL_NAME, "欧阳娜娜", SZ_CELL_TEXT },
  { 11, COL_PHONE, "15800005678", SZ_CELL_NUMBER },
  { 11, COL_NOTE, "新任", SZ_CELL_TEXT },
};

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "sheets", name, NULL);
}

static GBytes *
fixture_bytes (const char *name)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, len);
}

static SzTable *
read_fixture (const char  *name,
              const char  *sheet,
              GError     **error)
{
  g_autofree char *path = fixture_path (name);

  return sz_table_read_file (path, sheet, NULL, error);
}

/* A refusal: @code of SZ_TABLE_ERROR, a message that quotes @file by its
 * base name. */
static void
assert_refused (SzTable      *table,
                const GError *error,
                int           code,
                const char   *file)
{
  g_autofree char *quoted = g_strdup_printf ("“%s”", file);

  g_assert_null (table);
  g_assert_error (error, SZ_TABLE_ERROR, code);
  g_test_message ("message: %s", error->message);
  g_assert_nonnull (strstr (error->message, quoted));
  g_assert_null (strstr (error->message, "/"));
}

/* The data row (under the header) with spreadsheet number @line */
static guint
row_of_line (SzTable *table,
             guint    line)
{
  for (guint r = 0; r < sz_table_get_n_rows (table); r++)
    if (sz_table_get_line (table, r) == line)
      return r;
  g_assert_not_reached ();
}

static void
assert_cell (SzTable    *table,
             const Cell *cell)
{
  guint row = row_of_line (table, cell->line);

  g_test_message ("line %u, column %u", cell->line, cell->column);
  g_assert_cmpstr (sz_table_get (table, row, cell->column), ==, cell->text);
  g_assert_cmpint (sz_table_get_kind (table, row, cell->column), ==, cell->kind);
}

static void
assert_sheets (SzTable            *table,
               const char         *sheet,
               const char * const *names)
{
  const char * const *got = sz_table_get_sheet_names (table);

  g_assert_cmpstr (sz_table_get_sheet (table), ==, sheet);
  g_assert_nonnull (got);
  g_assert_cmpuint (g_strv_length ((char **) got), ==, g_strv_length ((char **) names));
  for (guint i = 0; names[i] != NULL; i++)
    g_assert_cmpstr (got[i], ==, names[i]);
}

/* The roster sheet of roster.xlsx, roster.xls and roster-resaved.xlsx */
static void
check_roster (const char    *name,
              SzTableFormat  format)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SzTable) table = read_fixture (name, NULL, &error);
  g_autofree char *quoted = g_strdup_printf ("“%s”", name);

  g_assert_no_error (error);
  g_assert_nonnull (table);
  g_assert_cmpint (sz_table_get_format (table), ==, format);
  g_assert_cmpstr (sz_table_get_display_name (table), ==, quoted);
  g_assert_null (sz_table_get_encoding (table));
  /* The default sheet: not the empty first one, not the hidden second */
  assert_sheets (table, "三长名册", roster_sheets);

  g_assert_cmpuint (sz_table_get_n_all_rows (table), ==, G_N_ELEMENTS (roster_lines));
  for (guint i = 0; i < G_N_ELEMENTS (roster_lines); i++)
    g_assert_cmpuint (sz_table_get_all_line (table, i), ==, roster_lines[i]);
  /* The title merged across the top, then the header */
  g_assert_cmpstr (sz_table_get_all (table, 0, 0), ==, "幸福社区三长名册（2024年3月）");
  g_assert_cmpstr (sz_table_get_all (table, 0, 1), ==, "");
  sz_table_set_header (table, 1);
  g_assert_cmpuint (sz_table_get_n_columns (table), ==, N_COLUMNS);
  for (guint c = 0; c < N_COLUMNS; c++)
    g_assert_cmpstr (sz_table_get_header (table, c), ==, roster_headers[c]);
  g_assert_cmpuint (sz_table_get_n_rows (table), ==, 7);
  g_assert_cmpuint (sz_table_get_line (table, 0), ==, 3);
  g_assert_cmpuint (sz_table_get_line (table, 5), ==, 10);
  g_assert_cmpuint (sz_table_get_n_fields (table, 0), ==, 0);

  /* Booleans, errors and formulas' results too: libfreexl 1.0.6 reads
   * booleans and errors as 1 and 0 and skips formulas, and the .xls
   * reader makes up for it. */
  for (guint i = 0; i < G_N_ELEMENTS (roster_cells); i++)
    assert_cell (table, &roster_cells[i]);
}

static void
test_xlsx_roster (void)
{
  check_roster ("roster.xlsx", SZ_TABLE_XLSX);
}

static void
test_xls_roster (void)
{
  check_roster ("roster.xls", SZ_TABLE_XLS);
}

/* Opened and saved again: LibreOffice turns the booleans into =TRUE()
 * formulas with a "TRUE";"TRUE";"FALSE" number format. */
static void
test_xlsx_resaved (void)
{
  const char * const *names = roster_sheets;

  check_roster ("roster-resaved.xlsx", SZ_TABLE_XLSX);
  /* Every sheet reads exactly as the original's */
  for (guint i = 1; names[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SzTable) a = read_fixture ("roster.xlsx", names[i], &error);
      g_autoptr(SzTable) b = read_fixture ("roster-resaved.xlsx", names[i], &error);

      g_assert_no_error (error);
      g_assert_cmpuint (sz_table_get_n_all_rows (a), ==, sz_table_get_n_all_rows (b));
      g_assert_cmpuint (sz_table_get_n_columns (a), ==, sz_table_get_n_columns (b));
      for (guint r = 0; r < sz_table_get_n_all_rows (a); r++)
        {
          g_assert_cmpuint (sz_table_get_all_line (a, r), ==, sz_table_get_all_line (b, r));
          for (guint c = 0; c < sz_table_get_n_columns (a); c++)
            g_assert_cmpstr (sz_table_get_all (a, r, c), ==, sz_table_get_all (b, r, c));
        }
      for (guint r = 0; r < sz_table_get_n_rows (a); r++)
        for (guint c = 0; c < sz_table_get_n_columns (a); c++)
          g_assert_cmpint (sz_table_get_kind (a, r, c), ==, sz_table_get_kind (b, r, c));
    }
}

/* Choosing sheets by name: a visible one, the hidden one, the empty one,
 * and one the workbook lacks. */
static void
check_sheets (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SzTable) grids = read_fixture (name, "网格一览", &error);
  g_autoptr(SzTable) hidden = NULL;
  g_autoptr(SzTable) table = NULL;

  g_assert_no_error (error);
  assert_sheets (grids, "网格一览", roster_sheets);
  g_assert_cmpuint (sz_table_get_n_rows (grids), ==, 3);
  g_assert_cmpstr (sz_table_get_header (grids, 2), ==, "户数");
  g_assert_cmpstr (sz_table_get (grids, 1, 1), ==, "第二网格");
  g_assert_cmpstr (sz_table_get (grids, 1, 2), ==, "680");
  g_assert_cmpint (sz_table_get_kind (grids, 1, 2), ==, SZ_CELL_NUMBER);
  g_assert_cmpuint (sz_table_get_line (grids, 1), ==, 3);
  /* =SUM(C2:C3) */
  g_assert_cmpstr (sz_table_get (grids, 2, 0), ==, "");
  g_assert_cmpstr (sz_table_get (grids, 2, 1), ==, "合计");
  g_assert_cmpstr (sz_table_get (grids, 2, 2), ==, "1200");
  g_assert_cmpint (sz_table_get_kind (grids, 2, 2), ==, SZ_CELL_NUMBER);

  hidden = read_fixture (name, "旧名单", &error);
  g_assert_no_error (error);
  assert_sheets (hidden, "旧名单", roster_sheets);
  g_assert_cmpstr (sz_table_get (hidden, 0, 0), ==, "老王");
  g_assert_cmpstr (sz_table_get (hidden, 0, 1), ==, "13000000000");

  table = read_fixture (name, "空表", &error);
  assert_refused (table, error, SZ_TABLE_ERROR_EMPTY, name);
  g_assert_nonnull (strstr (error->message, "空表"));
  g_clear_error (&error);

  table = read_fixture (name, "名册", &error);
  assert_refused (table, error, SZ_TABLE_ERROR_NO_SHEET, name);
  /* The message names what was asked for and what there is */
  g_assert_nonnull (strstr (error->message, "“名册”"));
  for (guint i = 0; roster_sheets[i] != NULL; i++)
    g_assert_nonnull (strstr (error->message, roster_sheets[i]));
}

static void
test_xlsx_sheets (void)
{
  check_sheets ("roster.xlsx");
}

static void
test_xls_sheets (void)
{
  check_sheets ("roster.xls");
}

/* The 1904 date system; a time of day is a number, not a date. */
static void
check_dates_1904 (const char *name)
{
  static const char * const sheets[] = { "日期", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(SzTable) table = read_fixture (name, NULL, &error);

  g_assert_no_error (error);
  assert_sheets (table, "日期", sheets);
  g_assert_cmpuint (sz_table_get_n_rows (table), ==, 202);
  g_assert_cmpstr (sz_table_get (table, 0, 0), ==, "王䶮");
  g_assert_cmpstr (sz_table_get (table, 0, 1), ==, "2024-03-01");
  g_assert_cmpint (sz_table_get_kind (table, 0, 1), ==, SZ_CELL_DATE);
  g_assert_cmpstr (sz_table_get (table, 0, 2), ==, "2024-03-02 14:45:00");
  g_assert_cmpint (sz_table_get_kind (table, 0, 2), ==, SZ_CELL_DATE);
  /* 08:30 is 0.3541666… of a day */
  g_assert_true (g_str_has_prefix (sz_table_get (table, 0, 3), "0.35416666666666"));
  g_assert_cmpint (sz_table_get_kind (table, 0, 3), ==, SZ_CELL_NUMBER);
  g_assert_cmpstr (sz_table_get (table, 1, 1), ==, "1999-12-31");
  g_assert_cmpint (sz_table_get_kind (table, 1, 1), ==, SZ_CELL_DATE);
  /* 200 rows more, so that the .xls is read the way large ones are */
  g_assert_cmpuint (sz_table_get_line (table, 201), ==, 203);
  g_assert_cmpstr (sz_table_get (table, 201, 1), ==, "2021-09-01");
  g_assert_cmpint (sz_table_get_kind (table, 201, 1), ==, SZ_CELL_DATE);
  g_assert_cmpstr (sz_table_get (table, 201, 2), ==, "2021-09-01 17:05:00");
  g_assert_cmpint (sz_table_get_kind (table, 201, 2), ==, SZ_CELL_DATE);
}

static void
test_xlsx_dates_1904 (void)
{
  check_dates_1904 ("dates-1904.xlsx");
}

static void
test_xls_dates_1904 (void)
{
  check_dates_1904 ("dates-1904.xls");
}

/* Saved with a password to open, by LibreOffice: an .xls with a FILEPASS
 * record, and an .xlsx encrypted inside an OLE2 file. */
static void
test_password (void)
{
  static const char * const fixtures[] = { "password.xls", "password.xlsx" };

  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autoptr(GBytes) bytes = fixture_bytes (fixtures[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(SzTable) table = read_fixture (fixtures[i], NULL, &error);

      assert_refused (table, error, SZ_TABLE_ERROR_FORMAT, fixtures[i]);
      g_assert_nonnull (strstr (error->message, "password"));
      g_clear_error (&error);
      table = sz_xls_parse (bytes, fixtures[i], NULL, &error);
      assert_refused (table, error, SZ_TABLE_ERROR_FORMAT, fixtures[i]);
      g_assert_nonnull (strstr (error->message, "password"));
    }
}

/* An OLE2 file that libfreexl 1.0.6 would read past its stack on (a
 * directory entry whose name claims 5632 bytes), found by fuzz-xls: the
 * reader refuses it before freexl sees it. */
static void
test_xls_freexl_guard (void)
{
  g_autoptr(GBytes) bytes = fixture_bytes ("password.xls");
  gsize len = g_bytes_get_size (bytes);
  guchar *data = g_memdup2 (g_bytes_get_data (bytes, NULL), len);
  g_autoptr(GBytes) bad = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SzTable) table = NULL;
  guint32 dir = data[0x30] | data[0x31] << 8 | data[0x32] << 16 | (guint32) data[0x33] << 24;
  gsize entry = ((gsize) dir + 1) * 512 + 128;   /* the directory's second entry */

  g_assert_cmpuint (entry + 128, <=, len);
  data[entry + 0x40] = 0x00;   /* name size 0x1600 */
  data[entry + 0x41] = 0x16;
  bad = g_bytes_new_take (data, len);
  table = sz_xls_parse (bad, "bad.xls", NULL, &error);
  assert_refused (table, error, SZ_TABLE_ERROR_FORMAT, "bad.xls");
}

/* A chart over the cells: the .xlsx reads; libfreexl 1.0.6 cannot read
 * an .xls with a chart inside a sheet, and the message says what to do. */
static void
test_chart (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SzTable) table = read_fixture ("chart.xlsx", NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (sz_table_get_n_rows (table), ==, 3);
  g_assert_cmpstr (sz_table_get (table, 2, 0), ==, "刘洋");
  g_assert_cmpstr (sz_table_get (table, 2, 1), ==, "650");
  g_clear_pointer (&table, sz_table_free);

  table = read_fixture ("chart.xls", NULL, &error);
  assert_refused (table, error, SZ_TABLE_ERROR_FORMAT, "chart.xls");
  g_assert_nonnull (strstr (error->message, "chart"));
  g_assert_nonnull (strstr (error->message, ".xlsx"));
}

/* By content, not by name: a workbook renamed .csv still reads. */
static void
test_dispatch (void)
{
  static const struct { const char *fixture; const char *as; SzTableFormat format; } cases[] = {
    { "roster.xlsx", "roster.csv", SZ_TABLE_XLSX },
    { "roster.xls", "名册.csv", SZ_TABLE_XLS },
    { "roster.xls", "roster.xlsx", SZ_TABLE_XLS },
    { "roster.xlsx", "roster.xls", SZ_TABLE_XLSX },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = fixture_bytes (cases[i].fixture);
      g_autofree char *path = g_build_filename (g_get_user_data_dir (), cases[i].as, NULL);
      g_autofree char *quoted = g_strdup_printf ("“%s”", cases[i].as);
      g_autoptr(GError) error = NULL;
      g_autoptr(SzTable) table = NULL;

      g_mkdir_with_parents (g_get_user_data_dir (), 0700);
      g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
      g_assert_no_error (error);
      table = sz_table_read_file (path, NULL, "GB18030", &error);
      g_assert_no_error (error);
      g_assert_cmpint (sz_table_get_format (table), ==, cases[i].format);
      g_assert_cmpstr (sz_table_get_display_name (table), ==, quoted);
      g_assert_cmpstr (sz_table_get_sheet (table), ==, "三长名册");
      g_assert_cmpuint (sz_table_get_n_all_rows (table), ==, G_N_ELEMENTS (roster_lines));
      g_unlink (path);
    }
}

/* From memory, as the import's preview reads a file it already holds */
static void
test_parse_bytes (void)
{
  g_autoptr(GBytes) xlsx = fixture_bytes ("roster.xlsx");
  g_autoptr(GBytes) xls = fixture_bytes ("roster.xls");
  g_autoptr(GError) error = NULL;
  g_autoptr(SzTable) a = sz_xlsx_parse (xlsx, "/some/folder/名册.xlsx", "网格一览", &error);
  g_autoptr(SzTable) b = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (sz_table_get_display_name (a), ==, "“名册.xlsx”");
  g_assert_cmpstr (sz_table_get (a, 0, 2), ==, "520");
  b = sz_xls_parse (xls, "/some/folder/名册.xls", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sz_table_get_display_name (b), ==, "“名册.xls”");
  g_assert_cmpstr (sz_table_get_sheet (b), ==, "三长名册");
  g_assert_cmpuint (sz_table_get_n_all_rows (b), ==, G_N_ELEMENTS (roster_lines));
}

/* Workbooks built here, each part the minimal XML that the program named
 * writes: what the reader must take from programs other than
 * LibreOffice. */

#define MAIN_NS    "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define DOC_REL    "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define PKG_REL    "http://schemas.openxmlformats.org/package/2006/relationships"
#define XML_DECL   "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

#define CONTENT_TYPES \
  XML_DECL "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" \
  "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>" \
  "<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>"
#define ROOT_RELS(target) \
  XML_DECL "<Relationships xmlns=\"" PKG_REL "\"><Relationship Id=\"rId1\" " \
  "Type=\"" DOC_REL "/officeDocument\" Target=\"" target "\"/></Relationships>"
#define WORKBOOK(pr, sheets) \
  XML_DECL "<workbook xmlns=\"" MAIN_NS "\" xmlns:r=\"" DOC_REL "\">" pr "<sheets>" sheets "</sheets></workbook>"
#define REL(id, type, target) \
  "<Relationship Id=\"" id "\" Type=\"" DOC_REL "/" type "\" Target=\"" target "\"/>"
#define RELS(rels) XML_DECL "<Relationships xmlns=\"" PKG_REL "\">" rels "</Relationships>"
#define SHEET(data) XML_DECL "<worksheet xmlns=\"" MAIN_NS "\"><sheetData>" data "</sheetData></worksheet>"
#define ONE_SHEET_BOOK \
  "[Content_Types].xml", CONTENT_TYPES, \
  "_rels/.rels", ROOT_RELS ("xl/workbook.xml"), \
  "xl/workbook.xml", WORKBOOK ("", "<sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/>"), \
  "xl/_rels/workbook.xml.rels", RELS (REL ("rId1", "worksheet", "worksheets/sheet1.xml") \
                                      REL ("rId2", "sharedStrings", "sharedStrings.xml") \
                                      REL ("rId3", "styles", "styles.xml"))

/* A zip in memory of the NULL-terminated pairs of part name and text */
static GBytes *
build_zip (const char *first,
           ...)
{
  zip_source_t *out;
  zip_error_t zerror;
  zip_stat_t st;
  zip_t *zip;
  va_list args;
  char *data;

  zip_error_init (&zerror);
  out = zip_source_buffer_create (NULL, 0, 0, &zerror);
  g_assert_nonnull (out);
  zip_source_keep (out);
  zip = zip_open_from_source (out, ZIP_TRUNCATE, &zerror);
  g_assert_nonnull (zip);
  va_start (args, first);
  for (const char *name = first; name != NULL; name = va_arg (args, const char *))
    {
      const char *text = va_arg (args, const char *);
      zip_source_t *part = zip_source_buffer (zip, text, strlen (text), 0);

      g_assert_cmpint (zip_file_add (zip, name, part, ZIP_FL_ENC_UTF_8), >=, 0);
    }
  va_end (args);
  g_assert_cmpint (zip_close (zip), ==, 0);

  g_assert_cmpint (zip_source_stat (out, &st), ==, 0);
  g_assert_cmpint (zip_source_open (out), ==, 0);
  data = g_malloc (st.size);
  g_assert_cmpint (zip_source_read (out, data, st.size), ==, (zip_int64_t) st.size);
  zip_source_close (out);
  zip_source_free (out);
  zip_error_fini (&zerror);
  return g_bytes_new_take (data, st.size);
}

static SzTable *
parse_xlsx (GBytes      *bytes,
            const char  *sheet,
            GError     **error)
{
  return sz_xlsx_parse (bytes, "/some/folder/built.xlsx", sheet, error);
}

/* Rows of "line: column=text ..." for comparing a whole table at once;
 * each cell's kind as a letter (T text, N number, D date, B bool, E error) */
static char *
dump_table (SzTable *table)
{
  static const char kinds[] = "-TNDBE";
  GString *out = g_string_new (NULL);

  sz_table_set_header (table, 0);
  for (guint r = 0; r < sz_table_get_n_all_rows (table); r++)
    {
      g_string_append_printf (out, "%u:", sz_table_get_all_line (table, r));
      for (guint c = 0; c < sz_table_get_n_columns (table); c++)
        {
          const char *text = sz_table_get_all (table, r, c);

          if (*text == '\0')
            continue;
          g_string_append_printf (out, " %u=%s", c, text);
          if (r > 0)
            g_string_append_printf (out, "/%c", kinds[sz_table_get_kind (table, r - 1, c)]);
        }
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

static void
assert_dump (GBytes     *bytes,
             const char *sheet,
             const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SzTable) table = parse_xlsx (bytes, sheet, &error);
  g_autofree char *dump = NULL;

  g_assert_no_error (error);
  dump = dump_table (table);
  g_assert_cmpstr (dump, ==, expected);
}

#include "test-sheets-built.h"

static void
test_bad_noise (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240301);
  g_autoptr(GBytes) empty = g_bytes_new (NULL, 0);
  guchar noise[4096];

  assert_parse_refused (empty, SZ_TABLE_ERROR_FORMAT, "zero bytes");
  for (guint i = 0; i < sizeof noise; i++)
    noise[i] = g_rand_int_range (rand, 0, 256);
  for (guint k = 0; k < 3; k++)
    {
      g_autoptr(GBytes) bytes = NULL;

      /* Noise, and noise behind each format's magic */
      if (k == 1)
        memcpy (noise, "PK\x03\x04", 4);
      else if (k == 2)
        memcpy (noise, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
      bytes = g_bytes_new (noise, sizeof noise);
      assert_parse_refused (bytes, SZ_TABLE_ERROR_FORMAT, "noise");
    }
}

static void
test_bad_truncated (void)
{
  static const char * const fixtures[] = {
    "roster.xlsx", "roster-resaved.xlsx", "dates-1904.xlsx", "roster.xls", "dates-1904.xls",
    "chart.xlsx",
  };

  for (guint f = 0; f < G_N_ELEMENTS (fixtures); f++)
    {
      g_autoptr(GBytes) bytes = fixture_bytes (fixtures[f]);
      gsize len = g_bytes_get_size (bytes);
      const gsize cuts[] = { 1, 8, 100, 512, 513, 1536, len / 4, len / 3, len / 2, len - 4096, len - 600, len - 22, len - 1 };

      for (guint i = 0; i < G_N_ELEMENTS (cuts); i++)
        {
          g_autoptr(GBytes) cut = g_bytes_new_from_bytes (bytes, 0, cuts[i]);
          g_autofree char *what = g_strdup_printf ("%s cut", fixtures[f]);

          assert_parse_refused (cut, SZ_TABLE_ERROR_FORMAT, what);
        }
    }
}

/* An .xls of its OLE2 header only */
static void
test_bad_xls_header (void)
{
  g_autoptr(GBytes) bytes = fixture_bytes ("roster.xls");
  g_autoptr(GBytes) header = g_bytes_new_from_bytes (bytes, 0, 512);
  g_autoptr(GError) error = NULL;
  g_autoptr(SzTable) table = NULL;
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "header.xls", NULL);

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  g_file_set_contents (path, g_bytes_get_data (header, NULL), 512, &error);
  g_assert_no_error (error);
  table = sz_table_read_file (path, NULL, NULL, &error);
  assert_refused (table, error, SZ_TABLE_ERROR_FORMAT, "header.xls");
  g_clear_error (&error);
  table = sz_xls_read_file (path, NULL, &error);
  assert_refused (table, error, SZ_TABLE_ERROR_FORMAT, "header.xls");
  g_unlink (path);
  g_clear_error (&error);

  /* A file that is not there is the file system's error, with its path */
  table = sz_xls_read_file (path, NULL, &error);
  g_assert_null (table);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
}

/* Larger than any roster: refused before it is read or unpacked */
static void
test_bad_too_large (void)
{
  gsize size = SZ_TABLE_MAX_FILE_SIZE + 1;
  g_autoptr(GBytes) bytes = g_bytes_new_take (g_malloc0 (size), size);
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "huge.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SzTable) table = NULL;
  FILE *file;

  assert_parse_refused (bytes, SZ_TABLE_ERROR_TOO_LARGE, "too large");

  /* A sparse file: nothing is written, and nothing must be read */
  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  file = g_fopen (path, "wb");
  g_assert_nonnull (file);
  fwrite ("PK\x03\x04", 1, 4, file);
  g_assert_cmpint (fseek (file, size - 1, SEEK_SET), ==, 0);
  fputc (0, file);
  fclose (file);
  table = sz_table_read_file (path, NULL, NULL, &error);
  assert_refused (table, error, SZ_TABLE_ERROR_TOO_LARGE, "huge.xlsx");
  g_clear_error (&error);
  table = sz_xls_read_file (path, NULL, &error);
  assert_refused (table, error, SZ_TABLE_ERROR_TOO_LARGE, "huge.xlsx");
  g_unlink (path);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/sheets/xlsx/roster", test_xlsx_roster);
  g_test_add_func ("/core/sheets/xlsx/resaved", test_xlsx_resaved);
  g_test_add_func ("/core/sheets/xlsx/sheets", test_xlsx_sheets);
  g_test_add_func ("/core/sheets/xlsx/dates-1904", test_xlsx_dates_1904);
  g_test_add_func ("/core/sheets/xls/roster", test_xls_roster);
  g_test_add_func ("/core/sheets/xls/sheets", test_xls_sheets);
  g_test_add_func ("/core/sheets/xls/dates-1904", test_xls_dates_1904);
  g_test_add_func ("/core/sheets/password", test_password);
  g_test_add_func ("/core/sheets/chart", test_chart);
  g_test_add_func ("/core/sheets/xls/freexl-guard", test_xls_freexl_guard);
  g_test_add_func ("/core/sheets/dispatch", test_dispatch);
  g_test_add_func ("/core/sheets/parse-bytes", test_parse_bytes);
  g_test_add_func ("/core/sheets/built/inline-strings", test_built_inline_strings);
  g_test_add_func ("/core/sheets/built/phonetic", test_built_phonetic);
  g_test_add_func ("/core/sheets/built/prefixed", test_built_prefixed);
  g_test_add_func ("/core/sheets/built/targets", test_built_targets);
  g_test_add_func ("/core/sheets/built/no-refs", test_built_no_refs);
  g_test_add_func ("/core/sheets/built/date1904", test_built_date1904);
  g_test_add_func ("/core/sheets/built/formats", test_built_formats);
  g_test_add_func ("/core/sheets/built/cell-kinds", test_built_cell_kinds);
  g_test_add_func ("/core/sheets/built/strict", test_built_strict);
  g_test_add_func ("/core/sheets/built/default-sheet", test_built_default_sheet);
  g_test_add_func ("/core/sheets/built/all-empty", test_built_all_empty);
  g_test_add_func ("/core/sheets/built/damaged", test_built_damaged);
  g_test_add_func ("/core/sheets/built/not-workbooks", test_built_not_workbooks);
  g_test_add_func ("/core/sheets/built/part-size", test_built_part_size);
  g_test_add_func ("/core/sheets/bad/noise", test_bad_noise);
  g_test_add_func ("/core/sheets/bad/truncated", test_bad_truncated);
  g_test_add_func ("/core/sheets/bad/xls-header", test_bad_xls_header);
  g_test_add_func ("/core/sheets/bad/too-large", test_bad_too_large);
  return g_test_run ();
}
