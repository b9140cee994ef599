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

/* Apache POI's SXSSF writes every text as an inline string. */
static void
test_built_inline_strings (void)
{
  g_autoptr(GBytes) bytes = build_zip (
    ONE_SHEET_BOOK,
    "xl/sharedStrings.xml", XML_DECL "<sst xmlns=\"" MAIN_NS "\" count=\"0\" uniqueCount=\"0\"/>",
    "xl/styles.xml", XML_DECL "<styleSheet xmlns=\"" MAIN_NS "\"><cellXfs count=\"1\"><xf numFmtId=\"0\"/></cellXfs></styleSheet>",
    "xl/worksheets/sheet1.xml",
    XML_DECL "<worksheet xmlns=\"" MAIN_NS "\"><dimension ref=\"A1\"/><sheetViews><sheetView workbookViewId=\"0\" tabSelected=\"true\"/></sheetViews>"
    "<sheetFormatPr defaultRowHeight=\"15.0\"/><sheetData>"
    "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>姓名</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>电话</t></is></c></row>"
    "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t xml:space=\"preserve\"> 王䶮 </t></is></c><c r=\"B2\" t=\"n\"><v>13800001234</v></c></row>"
    "<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><r><t>李</t></r><r><rPr><b/></rPr><t>𡒄</t></r></is></c><c r=\"B3\" t=\"inlineStr\"><is><t>0431-88886666</t></is></c></row>"
    "</sheetData><pageMargins bottom=\"0.75\" footer=\"0.3\" header=\"0.3\" left=\"0.7\" right=\"0.7\" top=\"0.75\"/></worksheet>",
    NULL);

  assert_dump (bytes, NULL,
               "1: 0=姓名 1=电话\n"
               "2: 0=王䶮/T 1=13800001234/N\n"
               "3: 0=李𡒄/T 1=0431-88886666/T\n");
}

/* Excel and WPS keep phonetic readings (<rPh>) beside CJK text, and
 * escape control characters as _xHHHH_. */
static void
test_built_phonetic (void)
{
  g_autoptr(GBytes) bytes = build_zip (
    ONE_SHEET_BOOK,
    "xl/sharedStrings.xml",
    XML_DECL "<sst xmlns=\"" MAIN_NS "\" count=\"5\" uniqueCount=\"5\">"
    "<si><t>姓名</t><phoneticPr fontId=\"1\" type=\"noConversion\"/></si>"
    "<si><r><rPr><sz val=\"11\"/><rFont val=\"宋体\"/><charset val=\"134\"/></rPr><t>王</t></r>"
    "<r><rPr><sz val=\"11\"/><rFont val=\"宋体\"/></rPr><t>䶮</t></r>"
    "<rPh sb=\"0\" eb=\"1\"><t>wáng</t></rPh><rPh sb=\"1\" eb=\"2\"><t>yǎn</t></rPh>"
    "<phoneticPr fontId=\"1\" type=\"noConversion\"/></si>"
    "<si><t>欧阳娜娜</t><rPh sb=\"0\" eb=\"2\"><t>オウヨウ</t></rPh><phoneticPr fontId=\"1\"/></si>"
    "<si><t xml:space=\"preserve\">周二_x000D_\n上午</t></si>"
    "<si><t>a_x005F_x0041_b_x0041_</t></si>"
    "</sst>",
    "xl/styles.xml", XML_DECL "<styleSheet xmlns=\"" MAIN_NS "\"/>",
    "xl/worksheets/sheet1.xml",
    SHEET ("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"
           "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>1</v></c><c r=\"B2\" t=\"s\"><v>3</v></c></row>"
           "<row r=\"3\"><c r=\"A3\" t=\"s\"><v>2</v></c><c r=\"B3\" t=\"s\"><v>4</v></c></row>"),
    NULL);

  assert_dump (bytes, NULL,
               "1: 0=姓名\n"
               "2: 0=王䶮/T 1=周二\r\n上午/T\n"
               "3: 0=欧阳娜娜/T 1=a_x0041_bA/T\n");
}

/* Some exporters (the .NET Open XML SDK among them) write every element
 * with a prefix. */
static void
test_built_prefixed (void)
{
  g_autoptr(GBytes) bytes = build_zip (
    "[Content_Types].xml", CONTENT_TYPES,
    "_rels/.rels", ROOT_RELS ("/xl/workbook.xml"),
    "xl/workbook.xml",
    XML_DECL "<x:workbook xmlns:x=\"" MAIN_NS "\" xmlns:r=\"" DOC_REL "\"><x:workbookPr date1904=\"0\"/>"
    "<x:sheets><x:sheet name=\"名册\" sheetId=\"1\" r:id=\"R1a2b\"/></x:sheets></x:workbook>",
    "xl/_rels/workbook.xml.rels",
    RELS (REL ("R1a2b", "worksheet", "/xl/worksheets/sheet.xml") REL ("R9", "sharedStrings", "/xl/sharedStrings.xml")),
    "xl/sharedStrings.xml",
    XML_DECL "<x:sst xmlns:x=\"" MAIN_NS "\"><x:si><x:t>姓名</x:t></x:si><x:si><x:r><x:t>买买提</x:t></x:r><x:r><x:t>·艾力</x:t></x:r></x:si></x:sst>",
    "xl/worksheets/sheet.xml",
    XML_DECL "<x:worksheet xmlns:x=\"" MAIN_NS "\"><x:sheetData>"
    "<x:row r=\"1\"><x:c r=\"A1\" t=\"s\"><x:v>0</x:v></x:c></x:row>"
    "<x:row r=\"2\"><x:c r=\"A2\" t=\"s\"><x:v>1</x:v></x:c><x:c r=\"B2\"><x:v>2</x:v></x:c></x:row>"
    "</x:sheetData></x:worksheet>",
    NULL);

  assert_dump (bytes, NULL, "1: 0=姓名\n2: 0=买买提·艾力/T 1=2/N\n");
}

/* Targets: absolute, or relative with "..", and part names in another
 * case than the zip's. */
static void
test_built_targets (void)
{
  g_autoptr(GBytes) bytes = build_zip (
    "[Content_Types].xml", CONTENT_TYPES,
    "_rels/.rels", ROOT_RELS ("/xl/workbook.xml"),
    "xl/workbook.xml", WORKBOOK ("", "<sheet name=\"一\" sheetId=\"1\" r:id=\"rId1\"/><sheet name=\"二\" sheetId=\"2\" r:id=\"rId2\"/>"),
    "xl/_rels/workbook.xml.rels",
    RELS (REL ("rId1", "worksheet", "/xl/worksheets/sheet1.xml") REL ("rId2", "worksheet", "../xl/./Worksheets/Sheet2.xml")),
    "xl/worksheets/sheet1.xml", SHEET ("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"),
    "xl/worksheets/sheet2.xml", SHEET ("<row r=\"2\"><c r=\"C2\"><v>2</v></c></row>"),
    NULL);

  assert_dump (bytes, NULL, "1: 0=1\n");
  assert_dump (bytes, "二", "2: 2=2\n");
}

/* Rows and cells without r="": Excel counts them one after another. */
static void
test_built_no_refs (void)
{
  g_autoptr(GBytes) bytes = build_zip (
    ONE_SHEET_BOOK,
    "xl/worksheets/sheet1.xml",
    SHEET ("<row><c t=\"inlineStr\"><is><t>姓名</t></is></c><c t=\"inlineStr\"><is><t>电话</t></is></c></row>"
           "<row/>"
           "<row><c t=\"inlineStr\"><is><t>王䶮</t></is></c><c><v>13800001234</v></c></row>"
           "<row r=\"6\"><c r=\"B6\"><v>1</v></c><c><v>2</v></c></row>"
           "<row><c r=\"C9\"><v>3</v></c></row>"
           "<row><c><v>4</v></c></row>"),
    NULL);

  assert_dump (bytes, NULL,
               "1: 0=姓名 1=电话\n"
               "3: 0=王䶮/T 1=13800001234/N\n"
               "6: 1=1/N 2=2/N\n"
               "9: 2=3/N\n"
               "10: 0=4/N\n");
}

/* The 1904 date system, as Excel for Mac saved workbooks */
static void
test_built_date1904 (void)
{
  g_autoptr(GBytes) bytes = build_zip (
    "[Content_Types].xml", CONTENT_TYPES,
    "_rels/.rels", ROOT_RELS ("xl/workbook.xml"),
    "xl/workbook.xml", WORKBOOK ("<workbookPr date1904=\"1\"/>", "<sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/>"),
    "xl/_rels/workbook.xml.rels",
    RELS (REL ("rId1", "worksheet", "worksheets/sheet1.xml") REL ("rId3", "styles", "styles.xml")),
    "xl/styles.xml",
    XML_DECL "<styleSheet xmlns=\"" MAIN_NS "\"><cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/></cellXfs></styleSheet>",
    "xl/worksheets/sheet1.xml",
    SHEET ("<row r=\"1\"><c r=\"A1\" s=\"1\"><v>43890</v></c><c r=\"B1\" s=\"1\"><v>0</v></c><c r=\"C1\"><v>43890</v></c></row>"),
    NULL);

  /* 1904-01-01 is day 0 */
  assert_dump (bytes, NULL, "1: 0=2024-03-01 1=1904-01-01 2=43890\n");
}

/* Which number formats make a date, as Excel, WPS and LibreOffice write
 * them; a time of day stays a number. */
static void
test_built_formats (void)
{
  g_autoptr(GBytes) bytes = build_zip (
    ONE_SHEET_BOOK,
    "xl/styles.xml",
    XML_DECL "<styleSheet xmlns=\"" MAIN_NS "\"><numFmts count=\"10\">"
    "<numFmt numFmtId=\"176\" formatCode=\"yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;\"/>"
    "<numFmt numFmtId=\"177\" formatCode=\"[$-804]yyyy\\年m\\月d\\日\"/>"
    "<numFmt numFmtId=\"178\" formatCode=\"0.00E+00\"/>"
    "<numFmt numFmtId=\"179\" formatCode=\"[Red]0.00;[Blue]-0.00\"/>"
    "<numFmt numFmtId=\"180\" formatCode=\"h:mm:ss\"/>"
    "<numFmt numFmtId=\"181\" formatCode=\"[DBNum1][$-804]yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;\"/>"
    "<numFmt numFmtId=\"182\" formatCode=\"&quot;day &quot;0\"/>"
    "<numFmt numFmtId=\"183\" formatCode=\"General\"/>"
    "<numFmt numFmtId=\"184\" formatCode=\"m/d;@\"/>"
    "<numFmt numFmtId=\"185\" formatCode=\"\\d0\"/>"
    "</numFmts><cellXfs count=\"17\">"
    "<xf numFmtId=\"0\"/><xf numFmtId=\"176\"/><xf numFmtId=\"177\"/><xf numFmtId=\"178\"/>"
    "<xf numFmtId=\"179\"/><xf numFmtId=\"180\"/><xf numFmtId=\"181\"/><xf numFmtId=\"182\"/>"
    "<xf numFmtId=\"183\"/><xf numFmtId=\"14\"/><xf numFmtId=\"31\"/><xf numFmtId=\"20\"/>"
    "<xf numFmtId=\"49\"/><xf numFmtId=\"22\"/><xf numFmtId=\"57\"/><xf numFmtId=\"46\"/>"
    "<xf numFmtId=\"184\"/><xf numFmtId=\"185\"/>"
    "</cellXfs></styleSheet>",
    "xl/worksheets/sheet1.xml",
    SHEET ("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>header</t></is></c></row><row r=\"2\">"
           "<c r=\"A2\" s=\"0\"><v>45352</v></c><c r=\"B2\" s=\"1\"><v>45352</v></c><c r=\"C2\" s=\"2\"><v>45352</v></c>"
           "<c r=\"D2\" s=\"3\"><v>45352</v></c><c r=\"E2\" s=\"4\"><v>45352</v></c><c r=\"F2\" s=\"5\"><v>0.5</v></c>"
           "<c r=\"G2\" s=\"6\"><v>45352</v></c><c r=\"H2\" s=\"7\"><v>45352</v></c><c r=\"I2\" s=\"8\"><v>45352</v></c>"
           "<c r=\"J2\" s=\"9\"><v>45352</v></c><c r=\"K2\" s=\"10\"><v>45352</v></c><c r=\"L2\" s=\"11\"><v>0.5</v></c>"
           "<c r=\"M2\" s=\"12\"><v>13800001234</v></c><c r=\"N2\" s=\"13\"><v>45352.75</v></c>"
           "<c r=\"O2\" s=\"14\"><v>45352</v></c><c r=\"P2\" s=\"15\"><v>1.5</v></c>"
           "<c r=\"Q2\" s=\"16\"><v>45352</v></c><c r=\"R2\" s=\"17\"><v>45352</v></c>"
           "<c r=\"S2\" s=\"99\"><v>45352</v></c><c r=\"T2\" s=\"9\"><v>0.25</v></c></row>"),
    NULL);

  assert_dump (bytes, NULL,
               "1: 0=header\n"
               "2: 0=45352/N 1=2024-03-01/D 2=2024-03-01/D 3=45352/N 4=45352/N 5=0.5/N 6=2024-03-01/D"
               " 7=45352/N 8=45352/N 9=2024-03-01/D 10=2024-03-01/D 11=0.5/N 12=13800001234/N"
               " 13=2024-03-01 18:00:00/D 14=2024-03-01/D 15=1.5/N 16=2024-03-01/D 17=45352/N"
               " 18=45352/N 19=0.25/N\n");
}

/* Every kind of cell; what is not what it claims stays as written. */
static void
test_built_cell_kinds (void)
{
  g_autoptr(GBytes) bytes = build_zip (
    ONE_SHEET_BOOK,
    "xl/worksheets/sheet1.xml",
    SHEET ("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>header</t></is></c></row><row r=\"2\">"
           "<c r=\"A2\" t=\"b\"><v>1</v></c><c r=\"B2\" t=\"b\"><v>0</v></c><c r=\"C2\" t=\"e\"><f>1/0</f><v>#DIV/0!</v></c>"
           "<c r=\"D2\" t=\"str\"><f>A1&amp;\"x\"</f><v>长青小区</v></c><c r=\"E2\" t=\"d\"><v>2024-03-01T00:00:00Z</v></c>"
           "<c r=\"F2\" t=\"d\"><v>2024-03-01T08:30:00</v></c><c r=\"G2\"><v> 12 </v></c><c r=\"H2\"><v>abc</v></c>"
           "<c r=\"I2\"><v/></c><c r=\"J2\"/><c r=\"K2\"><f>SUM(A1)</f></c><c r=\"L2\"><v>-0.5</v></c>"
           "<c r=\"M2\"><v>1E+300</v></c><c r=\"N2\"><v>inf</v></c><c r=\"O2\" t=\"d\"><v>2024-02-30</v></c>"
           "<c r=\"P2\"><v>3.0000000000000004</v></c><c r=\"Q2\"><v>1.10101199001011E+017</v></c>"
           "<c r=\"R2\"><v>-0</v></c><c r=\"S2\"><v>007</v></c></row>"),
    NULL);

  assert_dump (bytes, NULL,
               "1: 0=header\n"
               "2: 0=TRUE/B 1=FALSE/B 2=#DIV/0!/E 3=长青小区/T 4=2024-03-01/D 5=2024-03-01 08:30:00/D"
               " 6=12/N 7=abc/T 11=-0.5/N 12=1E+300/N 13=inf/T 14=2024-02-30/T"
               " 15=3.0000000000000004/N 16=1.10101199001011E+17/N 17=0/N 18=7/N\n");
}

/* Strict Open XML (ISO 29500 Strict) names its namespaces otherwise. */
static void
test_built_strict (void)
{
#define STRICT_MAIN "http://purl.oclc.org/ooxml/spreadsheetml/main"
#define STRICT_REL "http://purl.oclc.org/ooxml/officeDocument/relationships"
  g_autoptr(GBytes) bytes = build_zip (
    "[Content_Types].xml", CONTENT_TYPES,
    "_rels/.rels",
    RELS ("<Relationship Id=\"rId1\" Type=\"" STRICT_REL "/officeDocument\" Target=\"xl/workbook.xml\"/>"),
    "xl/workbook.xml",
    XML_DECL "<workbook xmlns=\"" STRICT_MAIN "\" xmlns:r=\"" STRICT_REL "\"><sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>",
    "xl/_rels/workbook.xml.rels",
    RELS ("<Relationship Id=\"rId1\" Type=\"" STRICT_REL "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
          "<Relationship Id=\"rId2\" Type=\"" STRICT_REL "/sharedStrings\" Target=\"sharedStrings.xml\"/>"),
    "xl/sharedStrings.xml", XML_DECL "<sst xmlns=\"" STRICT_MAIN "\"><si><t>姓名</t></si></sst>",
    "xl/worksheets/sheet1.xml",
    XML_DECL "<worksheet xmlns=\"" STRICT_MAIN "\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row></sheetData></worksheet>",
    NULL);

  assert_dump (bytes, NULL, "1: 0=姓名\n");
#undef STRICT_MAIN
#undef STRICT_REL
}

/* The default sheet is the first visible one with cells; a sheet asked
 * for by name may be hidden, and is matched without regard to case when
 * no name matches exactly. */
static void
test_built_default_sheet (void)
{
  g_autoptr(GBytes) bytes = build_zip (
    "[Content_Types].xml", CONTENT_TYPES,
    "_rels/.rels", ROOT_RELS ("xl/workbook.xml"),
    "xl/workbook.xml",
    WORKBOOK ("", "<sheet name=\"Lists\" sheetId=\"1\" state=\"veryHidden\" r:id=\"rId1\"/>"
                  "<sheet name=\"Chart\" sheetId=\"2\" r:id=\"rId2\"/>"
                  "<sheet name=\"Roster\" sheetId=\"3\" r:id=\"rId3\"/>"
                  "<sheet name=\"roster\" sheetId=\"4\" r:id=\"rId4\"/>"),
    "xl/_rels/workbook.xml.rels",
    RELS (REL ("rId1", "worksheet", "worksheets/sheet1.xml") REL ("rId2", "chartsheet", "chartsheets/sheet1.xml")
          REL ("rId3", "worksheet", "worksheets/sheet3.xml") REL ("rId4", "worksheet", "worksheets/sheet4.xml")),
    "xl/worksheets/sheet1.xml", SHEET ("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"),
    "xl/chartsheets/sheet1.xml", XML_DECL "<chartsheet xmlns=\"" MAIN_NS "\"><sheetPr/><drawing r:id=\"rId1\" xmlns:r=\"" DOC_REL "\"/></chartsheet>",
    "xl/worksheets/sheet3.xml", SHEET ("<row r=\"1\"><c r=\"A1\"><v>3</v></c></row>"),
    "xl/worksheets/sheet4.xml", SHEET ("<row r=\"1\"><c r=\"A1\"><v>4</v></c></row>"),
    NULL);
  static const char * const names[] = { "Lists", "Chart", "Roster", "roster", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(SzTable) table = parse_xlsx (bytes, NULL, &error);

  g_assert_no_error (error);
  assert_sheets (table, "Roster", names);
  assert_dump (bytes, "Lists", "1: 0=1\n");
  assert_dump (bytes, "roster", "1: 0=4\n");
  assert_dump (bytes, "LISTS", "1: 0=1\n");
  g_clear_pointer (&table, sz_table_free);
  table = parse_xlsx (bytes, "Chart", &error);
  assert_refused (table, error, SZ_TABLE_ERROR_EMPTY, "built.xlsx");
  g_assert_nonnull (strstr (error->message, "Chart"));
}

static void
test_built_all_empty (void)
{
  g_autoptr(GBytes) bytes = build_zip (
    "[Content_Types].xml", CONTENT_TYPES,
    "_rels/.rels", ROOT_RELS ("xl/workbook.xml"),
    "xl/workbook.xml",
    WORKBOOK ("", "<sheet name=\"Hidden\" sheetId=\"1\" state=\"hidden\" r:id=\"rId1\"/><sheet name=\"Blank\" sheetId=\"2\" r:id=\"rId2\"/>"
                  "<sheet name=\"Spaces\" sheetId=\"3\" r:id=\"rId3\"/>"),
    "xl/_rels/workbook.xml.rels",
    RELS (REL ("rId1", "worksheet", "worksheets/sheet1.xml") REL ("rId2", "worksheet", "worksheets/sheet2.xml")
          REL ("rId3", "worksheet", "worksheets/sheet3.xml")),
    "xl/worksheets/sheet1.xml", SHEET ("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"),
    "xl/worksheets/sheet2.xml", SHEET (""),
    "xl/worksheets/sheet3.xml", SHEET ("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>\xE3\x80\x80 </t></is></c></row>"),
    NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SzTable) table = parse_xlsx (bytes, NULL, &error);

  assert_refused (table, error, SZ_TABLE_ERROR_EMPTY, "built.xlsx");
  g_clear_error (&error);
  table = parse_xlsx (bytes, "Spaces", &error);
  assert_refused (table, error, SZ_TABLE_ERROR_EMPTY, "built.xlsx");
  g_assert_nonnull (strstr (error->message, "“Spaces”"));
}

/* Damaged workbooks: each refused as damaged, naming the sheet where
 * one is at fault. */
static void
test_built_damaged (void)
{
  static const struct { const char *sheet; const char *strings; const char *in_message; } cases[] = {
    { "<row r=\"3\"><c r=\"A3\"><v>1</v></c></row><row r=\"2\"><c r=\"A2\"><v>1</v></c></row>", NULL, "Sheet1" },
    { "<row r=\"2\"/><row r=\"2\"/>", NULL, "Sheet1" },
    { "<row r=\"1\"><c r=\"XFE1\"><v>1</v></c></row>", NULL, "Sheet1" },
    { "<row r=\"1\"><c r=\"A0\"><v>1</v></c></row>", NULL, "Sheet1" },
    { "<row r=\"1\"><c r=\"1A\"><v>1</v></c></row>", NULL, "Sheet1" },
    { "<row r=\"1048577\"><c><v>1</v></c></row>", NULL, "Sheet1" },
    { "<row r=\"x\"/>", NULL, "Sheet1" },
    { "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>1</v></c></row>", "<si><t>a</t></si>", "Sheet1" },
    { "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>-1</v></c></row>", "<si><t>a</t></si>", "Sheet1" },
    { "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>", NULL, "Sheet1" },
    { "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row><row r=\"1048576\"/><row><c><v>1</v></c></row>", NULL, "Sheet1" },
    { "<row r=\"1\"><c r=\"A1\"><v>1</v></row>", NULL, NULL },   /* not well-formed */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *sheet = NULL;
      g_autofree char *strings = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(SzTable) table = NULL;

      g_test_message ("case %u", i);
      sheet = g_strdup_printf (XML_DECL "<worksheet xmlns=\"" MAIN_NS "\"><sheetData>%s</sheetData></worksheet>",
                               cases[i].sheet);
      strings = g_strdup_printf (XML_DECL "<sst xmlns=\"" MAIN_NS "\">%s</sst>", cases[i].strings ? cases[i].strings : "");
      bytes = build_zip (ONE_SHEET_BOOK, "xl/worksheets/sheet1.xml", sheet,
                         cases[i].strings ? "xl/sharedStrings.xml" : NULL, strings, NULL);
      table = parse_xlsx (bytes, NULL, &error);
      assert_refused (table, error, SZ_TABLE_ERROR_FORMAT, "built.xlsx");
      if (cases[i].in_message != NULL)
        g_assert_nonnull (strstr (error->message, cases[i].in_message));
    }
}

/* Zips that are not workbooks, or hold a workbook we cannot read */
static void
test_built_not_workbooks (void)
{
  static const char billion_laughs[] =
    XML_DECL "<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
    "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>"
    "<worksheet xmlns=\"" MAIN_NS "\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&lol3;</t></is></c></row></sheetData></worksheet>";
  struct { GBytes *bytes; int code; const char *in_message; } cases[] = {
    /* No workbook part */
    { build_zip ("[Content_Types].xml", CONTENT_TYPES, "docProps/app.xml", "<Properties/>", NULL),
      SZ_TABLE_ERROR_FORMAT, "WPS" },
    /* An .xlsb */
    { build_zip ("[Content_Types].xml", CONTENT_TYPES, "xl/workbook.bin", "\x83\x01", NULL),
      SZ_TABLE_ERROR_FORMAT, ".xlsb" },
    /* An .ods */
    { build_zip ("mimetype", "application/vnd.oasis.opendocument.spreadsheet", "content.xml", "<office:document-content/>", NULL),
      SZ_TABLE_ERROR_FORMAT, ".ods" },
    /* A .docx */
    { build_zip ("[Content_Types].xml", CONTENT_TYPES, "word/document.xml", "<w:document/>", NULL),
      SZ_TABLE_ERROR_FORMAT, "Word" },
    /* A workbook without sheets */
    { build_zip ("xl/workbook.xml", WORKBOOK ("", ""), NULL), SZ_TABLE_ERROR_FORMAT, NULL },
    /* A sheet the relationships do not place */
    { build_zip ("xl/workbook.xml", WORKBOOK ("", "<sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId7\"/>"), NULL),
      SZ_TABLE_ERROR_FORMAT, "Sheet1" },
    /* A DTD, with entities that expand */
    { build_zip (ONE_SHEET_BOOK, "xl/worksheets/sheet1.xml", billion_laughs, NULL), SZ_TABLE_ERROR_FORMAT, NULL },
    /* A workbook that is not XML */
    { build_zip ("xl/workbook.xml", "PK\x03\x04", NULL), SZ_TABLE_ERROR_FORMAT, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SzTable) table = parse_xlsx (cases[i].bytes, NULL, &error);

      g_test_message ("case %u", i);
      assert_refused (table, error, cases[i].code, "built.xlsx");
      if (cases[i].in_message != NULL)
        g_assert_nonnull (strstr (error->message, cases[i].in_message));
      g_bytes_unref (cases[i].bytes);
    }
}

/* Rewrites the uncompressed size that the zip declares for @part, in its
 * local header and in the central directory. */
static GBytes *
declare_size (GBytes     *zip,
              const char *part,
              guint32     size)
{
  gsize len, n = strlen (part);
  guchar *data = g_bytes_unref_to_data (zip, &len);

  for (gsize i = 0; i + 46 + n <= len; i++)
    {
      if (memcmp (data + i, "PK\x03\x04", 4) == 0 && data[i + 26] == n && memcmp (data + i + 30, part, n) == 0)
        memcpy (data + i + 22, &size, 4);   /* little-endian, as the test machines */
      if (memcmp (data + i, "PK\x01\x02", 4) == 0 && data[i + 28] == n && memcmp (data + i + 46, part, n) == 0)
        memcpy (data + i + 24, &size, 4);
    }
  return g_bytes_new_take (data, len);
}

/* A part that unpacks to more than SZ_TABLE_MAX_PART_SIZE is refused
 * before it is read.  (What it really unpacks to is counted too, as it
 * is read: a zip bomb large enough to show it is too slow for a test.) */
static void
test_built_part_size (void)
{
  static const char sheet[] = SHEET ("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>");
  g_autoptr(GBytes) large = declare_size (build_zip (ONE_SHEET_BOOK, "xl/worksheets/sheet1.xml", sheet, NULL),
                                          "xl/worksheets/sheet1.xml", SZ_TABLE_MAX_PART_SIZE + 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(SzTable) table = parse_xlsx (large, NULL, &error);

  assert_refused (table, error, SZ_TABLE_ERROR_TOO_LARGE, "built.xlsx");
}

/* Bad files: nothing, noise, and every fixture cut short */

static void
assert_parse_refused (GBytes     *bytes,
                      int         code,
                      const char *what)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SzTable) table = NULL;

  g_test_message ("%s, %" G_GSIZE_FORMAT " bytes", what, g_bytes_get_size (bytes));
  table = sz_xlsx_parse (bytes, "/some/folder/bad.xlsx", NULL, &error);
  assert_refused (table, error, code, "bad.xlsx");
  g_clear_error (&error);
  table = sz_xls_parse (bytes, "/some/folder/bad.xls", NULL, &error);
  assert_refused (table, error, code, "bad.xls");
}

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
