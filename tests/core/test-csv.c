/* test-csv.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "sz-csv.h"

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "csv", name, NULL);
}

/* Reads a fixture through the CSV reader, whatever it holds. */
static SzTable *
read_fixture_as (const char  *name,
                 const char  *encoding,
                 GError     **error)
{
  g_autofree char *path = fixture_path (name);
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  bytes = g_bytes_new_take (g_steal_pointer (&contents), len);
  return sz_csv_parse (bytes, path, encoding, error);
}

static SzTable *
read_fixture (const char  *name,
              GError     **error)
{
  return read_fixture_as (name, NULL, error);
}

/* Parses @len bytes of @text (all of it if -1) as if from "roster.csv". */
static SzTable *
parse_as (const char  *text,
          gssize       len,
          const char  *encoding,
          GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, len < 0 ? strlen (text) : (gsize) len);

  return sz_csv_parse (bytes, "/some/folder/roster.csv", encoding, error);
}

static SzTable *
parse (const char  *text,
       gssize       len,
       GError     **error)
{
  return parse_as (text, len, NULL, error);
}

/* The message says "row @row" (not "row @row0"), and quotes @file. */
static void
assert_message (const GError *error,
                const char   *file,
                guint         row)
{
  g_autofree char *quoted = g_strdup_printf ("“%s”", file);
  g_autofree char *needle = g_strdup_printf ("row %u", row);
  const char *at;

  g_test_message ("message: %s", error->message);
  g_assert_nonnull (strstr (error->message, quoted));
  g_assert_null (strstr (error->message, "/"));   /* the basename only */
  if (row == 0)
    return;
  at = strstr (error->message, needle);
  g_assert_nonnull (at);
  g_assert_false (g_ascii_isdigit (at[strlen (needle)]));
}

static void
assert_contains (const GError *error,
                 const char   *text)
{
  if (strstr (error->message, text) == NULL)
    g_error ("“%s” is not in “%s”", text, error->message);
}

static void
assert_lines (SzTable     *table,
              const guint *lines,
              guint        n)
{
  g_assert_cmpuint (sz_table_get_n_rows (table), ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpuint (sz_table_get_line (table, i), ==, lines[i]);
}

/* Every row the table keeps, the header first: the spreadsheet's row
 * number, the fields the record had and its cells (NULL: ""). */
typedef struct
{
  guint       line;
  guint       n_fields;
  const char *cells[10];
} Row;

static void
assert_table (SzTable   *table,
              const Row *rows,
              guint      n_rows,
              guint      n_columns)
{
  g_assert_cmpuint (sz_table_get_format (table), ==, SZ_TABLE_CSV);
  g_assert_cmpuint (sz_table_get_header_row (table), ==, 0);
  g_assert_cmpuint (sz_table_get_n_all_rows (table), ==, n_rows);
  g_assert_cmpuint (sz_table_get_n_rows (table), ==, n_rows - 1);
  g_assert_cmpuint (sz_table_get_n_columns (table), ==, n_columns);
  g_assert_cmpuint (sz_table_get_header_n_fields (table), ==, rows[0].n_fields);
  for (guint r = 0; r < n_rows; r++)
    {
      g_assert_cmpuint (sz_table_get_all_line (table, r), ==, rows[r].line);
      for (guint c = 0; c < n_columns + 2; c++)
        {
          const char *expected = c < G_N_ELEMENTS (rows[r].cells) && rows[r].cells[c] ? rows[r].cells[c] : "";

          g_assert_cmpstr (sz_table_get_all (table, r, c), ==, expected);
        }
      if (r == 0)
        continue;
      g_assert_cmpuint (sz_table_get_line (table, r - 1), ==, rows[r].line);
      g_assert_cmpuint (sz_table_get_n_fields (table, r - 1), ==, rows[r].n_fields);
      for (guint c = 0; c < n_columns; c++)
        g_assert_cmpuint (sz_table_get_kind (table, r - 1, c), ==,
                          *sz_table_get (table, r - 1, c) ? SZ_CELL_TEXT : SZ_CELL_EMPTY);
    }
}

#define ASSERT_TABLE(table, rows, n_columns) assert_table (table, rows, G_N_ELEMENTS (rows), n_columns)

/* Fixtures as WPS, Excel and LibreOffice save them */

static void
test_gbk (void)
{
  static const Row rows[] = {
    { 1, 7, { "网格", "小区", "楼栋", "单元", "职务", "姓名", "电话" } },
    { 2, 7, { "第一网格", "幸福里", "3", "1", "单元长", "张三", "13800001234" } },
    { 3, 7, { "第一网格", "幸福里,东区", "5", "2", "楼栋长", "李四", "0431-88886666" } },
    { 4, 7, { "第二网格", "和平苑", "1", "1", "网格长", "王五", "13900005678" } },
  };
  const char * const encodings[] = { NULL, "GB18030", "gbk", "GBK" };

  for (guint i = 0; i < G_N_ELEMENTS (encodings); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SzTable) table = read_fixture_as ("gbk-wps.csv", encodings[i], &error);

      g_assert_no_error (error);
      g_assert_cmpstr (sz_table_get_encoding (table), ==, "GB18030");
      g_assert_cmpint (sz_table_get_separator (table), ==, ',');
      g_assert_cmpstr (sz_table_get_display_name (table), ==, "“gbk-wps.csv”");
      g_assert_null (sz_table_get_sheet (table));
      ASSERT_TABLE (table, rows, 7);
    }
}

static void
test_gb18030 (void)
{
  static const Row rows[] = {
    { 1, 7, { "网格", "小区", "楼栋", "单元", "职务", "姓名", "电话" } },
    { 2, 7, { "丰和第一网格", "丰和林苑", "2", "1", "单元长", "王䶮", "13800001001" } },
    { 3, 7, { "丰和第一网格", "丰和林苑", "2", "2", "单元长", "李𡒄", "13800001002" } },
    { 4, 7, { "丰和第二网格", "长新小区", "5", "1", "楼栋长", "𠮷田春", "13800001003" } },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SzTable) table = read_fixture ("gb18030-wps.csv", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (sz_table_get_encoding (table), ==, "GB18030");
  ASSERT_TABLE (table, rows, 7);
}

static void
test_utf8_bom (void)
{
  static const Row rows[] = {
    { 1, 3, { "姓名", "电话", "备注" } },
    { 2, 3, { "张三", "13800001234", "他说\"你好\"" } },
    { 3, 3, { "李四", "13900005678" } },
  };
  const char * const encodings[] = { NULL, "UTF-8", "utf8" };

  for (guint i = 0; i < G_N_ELEMENTS (encodings); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SzTable) table = read_fixture_as ("excel-utf8-bom.csv", encodings[i], &error);

      g_assert_no_error (error);
      g_assert_cmpstr (sz_table_get_encoding (table), ==, "UTF-8 (BOM)");
      g_assert_cmpint (sz_table_get_separator (table), ==, ',');
      g_assert_cmpint (sz_table_find_column (table, (const char * const[]) { "姓名", NULL }), ==, 0);
      ASSERT_TABLE (table, rows, 3);
    }
}

static const Row libreoffice_rows[] = {
  { 1, 9, { "网格", "小区", "楼栋", "单元", "职务", "姓名", "电话", "户数", "备注" } },
  { 2, 9, { "丰和第一网格", "丰和林苑", "2", "1", "单元长", "孙婷婷", "13800001001", "24" } },
  { 3, 9, { "丰和第一网格", "丰和林苑", "2", "2", "单元长", "阿依古丽·买买提", "13800001002", "18",
            "一楼东户\n钥匙在物业" } },
  /* row 4 is blank */
  { 5, 9, { "丰和第二网格", "长新小区,北区", "5", NULL, "楼栋长", "程建国", "13800005733", NULL,
            "他说\"好\"" } },
};

static void
test_libreoffice_utf8 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SzTable) table = read_fixture ("libreoffice-utf8.csv", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (sz_table_get_encoding (table), ==, "UTF-8");
  g_assert_cmpint (sz_table_get_separator (table), ==, ',');
  ASSERT_TABLE (table, libreoffice_rows, 9);
}

static void
test_libreoffice_unicode (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SzTable) table = read_fixture ("libreoffice-unicode.txt", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (sz_table_get_encoding (table), ==, "UTF-16LE");
  g_assert_cmpint (sz_table_get_separator (table), ==, '\t');
  ASSERT_TABLE (table, libreoffice_rows, 9);
}

static const Row unicode_text_rows[] = {
  { 1, 5, { "网格", "小区", "姓名", "电话", "备注" } },
  { 2, 5, { "第一网格", "幸福里,东区", "𠮷田", "13800001234" } },
  { 3, 5, { "第二网格", "和平苑\t北区", "赵六", "13900005678", "他说\"好\"" } },
  { 4, 5, { "第二网格", "和平苑", "钱七", "13700001111", "一楼\n钥匙在物业" } },
};

static void
test_utf16 (void)
{
  const char * const encodings[] = { NULL, "UTF-16LE", "utf-16le" };

  for (guint i = 0; i < G_N_ELEMENTS (encodings); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SzTable) table = read_fixture_as ("unicode-text.txt", encodings[i], &error);

      g_assert_no_error (error);
      g_assert_cmpstr (sz_table_get_encoding (table), ==, "UTF-16LE");
      g_assert_cmpint (sz_table_get_separator (table), ==, '\t');
      ASSERT_TABLE (table, unicode_text_rows, 5);
    }
}

static void
test_utf16_no_bom (void)
{
  const char * const encodings[] = { NULL, "UTF-16LE" };

  for (guint i = 0; i < G_N_ELEMENTS (encodings); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SzTable) table = read_fixture_as ("utf16le-nobom.txt", encodings[i], &error);

      g_assert_no_error (error);
      g_assert_cmpstr (sz_table_get_encoding (table), ==, "UTF-16LE");
      g_assert_cmpint (sz_table_get_separator (table), ==, '\t');
      ASSERT_TABLE (table, unicode_text_rows, 5);
    }
}

static void
test_crlf_no_final (void)
{
  static const Row rows[] = {
    { 1, 3, { "姓名", "电话", "备注" } },
    { 2, 3, { "张三", "13800001234" } },
    { 3, 3, { "李四", "13900005678", "二楼" } },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SzTable) table = read_fixture ("crlf-no-final.csv", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (sz_table_get_encoding (table), ==, "UTF-8");
  ASSERT_TABLE (table, rows, 3);
}

static void
test_mac_cr (void)
{
  static const Row rows[] = {
    { 1, 2, { "姓名", "电话" } },
    { 2, 2, { "张三", "13800001234" } },
    { 3, 2, { "李四", "13900005678" } },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SzTable) table = read_fixture ("mac-cr.csv", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (sz_table_get_encoding (table), ==, "UTF-8");
  ASSERT_TABLE (table, rows, 2);
}

static void
test_multiline (void)
{
  static const Row rows[] = {
    { 1, 3, { "姓名", "地址", "电话" } },
    { 2, 3, { "张三", "幸福里3栋\n1单元\n101室", "13800001234" } },
    { 3, 3, { "李四", "单元长\"老李\"\n备注\n二行", "13900005678" } },
    { 4, 3, { "王五", "a,b", "13700001111" } },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SzTable) table = read_fixture ("multiline.csv", &error);

  g_assert_no_error (error);
  ASSERT_TABLE (table, rows, 3);
}

static void
test_semicolon (void)
{
  static const Row rows[] = {
    { 1, 3, { "Name", "Phone", "Address" } },
    { 2, 3, { "张三", "13800001234", "幸福里, 3栋" } },
    { 3, 3, { "李四", "139;0000;5678", "和平苑" } },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SzTable) table = read_fixture ("semicolon.csv", &error);

  g_assert_no_error (error);
  g_assert_cmpint (sz_table_get_separator (table), ==, ';');
  g_assert_cmpint (sz_table_find_column (table, (const char * const[]) { "PHONE", NULL }), ==, 1);
  ASSERT_TABLE (table, rows, 3);
}

static void
test_blank_rows (void)
{
  static const Row rows[] = {
    { 1, 3, { "姓名", "电话", "备注" } },
    { 2, 3, { "张三", "13800001234" } },
    { 6, 3, { "李四", "13900005678", "x" } },
    { 8, 3, { "王五", "13700001111" } },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SzTable) table = read_fixture ("blank-rows.csv", &error);

  g_assert_no_error (error);
  ASSERT_TABLE (table, rows, 3);
}

static void
test_short_rows (void)
{
  static const Row rows[] = {
    { 1, 3, { "姓名", "电话", "备注" } },
    { 2, 2, { "张三", "13800001234" } },
    { 3, 1, { "李四" } },
    { 4, 4, { "王五", "13700001111", "x", "extra" } },   /* kept */
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SzTable) table = read_fixture ("short-rows.csv", &error);

  g_assert_no_error (error);
  ASSERT_TABLE (table, rows, 4);
  g_assert_cmpstr (sz_table_get_header (table, 3), ==, "");
}

static void
test_used_range (void)
{
  static const Row rows[] = {
    { 1, 6, { "姓名", "电话", "备注" } },
    { 2, 6, { "张三", "13800001234" } },
    { 3, 6, { "李四", "13900005678", "老党员" } },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SzTable) table = read_fixture ("used-range.csv", &error);

  g_assert_no_error (error);
  ASSERT_TABLE (table, rows, 3);
}

static void
test_title_row (void)
{
  static const Row rows[] = {
    { 1, 7, { "丰和社区三长名册" } },
    { 2, 7, { "网格", "小区", "楼栋", "单元", "职务", "姓名", "电话" } },
    { 3, 7, { "丰和第一网格", "丰和林苑", "2", "1", "单元长", "孙婷婷", "13800001001" } },
    { 4, 7, { "丰和第二网格", "长新小区", "5", NULL, "楼栋长", "程建国", "13800005733" } },
  };
  static const guint lines[] = { 3, 4 };
  g_autoptr(GError) error = NULL;
  g_autoptr(SzTable) table = read_fixture ("title-row.csv", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (sz_table_get_encoding (table), ==, "GB18030");
  g_assert_cmpint (sz_table_get_separator (table), ==, ',');
  ASSERT_TABLE (table, rows, 7);

  /* The import chooses the header below the title. */
  sz_table_set_header (table, 1);
  g_assert_cmpuint (sz_table_get_header_row (table), ==, 1);
  g_assert_cmpstr (sz_table_get_header (table, 5), ==, "姓名");
  g_assert_cmpint (sz_table_find_column (table, (const char * const[]) { "姓名", NULL }), ==, 5);
  assert_lines (table, lines, G_N_ELEMENTS (lines));
  g_assert_cmpstr (sz_table_get (table, 1, 5), ==, "程建国");
}

static void
test_header_notes (void)
{
  static const Row rows[] = {
    { 1, 10, { "序号", "网\u3000格", "小区", "楼栋", "单元", "职务", "姓名*", "电话（手机）", "户数(户)", "备注" } },
    { 2, 10, { "1", "丰和第一网格", "丰和林苑", "2", "1", "单元长", "孙婷婷", "13800001001", "24" } },
    { 3, 10, { "2", "丰和第一网格", "丰和林苑", "2", "2", "单元长", "赵磊", "13800001002", "18", "新任" } },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SzTable) table = read_fixture ("header-notes.csv", &error);
#define FIND(...) sz_table_find_column (table, (const char * const[]) { __VA_ARGS__, NULL })

  g_assert_no_error (error);
  ASSERT_TABLE (table, rows, 10);
  g_assert_cmpint (FIND ("网格"), ==, 1);
  g_assert_cmpint (FIND ("姓名"), ==, 6);
  g_assert_cmpint (FIND ("电话"), ==, 7);
  g_assert_cmpint (FIND ("户数"), ==, 8);
  g_assert_cmpint (FIND ("手机"), ==, -1);
#undef FIND
}

/* Files damaged by a wrong-encoding round trip */

static void
assert_damaged (const GError *error,
                const char   *file,
                guint         row,
                const char   *where)
{
  g_assert_error (error, SZ_TABLE_ERROR, SZ_TABLE_ERROR_DAMAGED);
  assert_message (error, file, row);
  assert_contains (error, where);
  assert_contains (error, "Use the original file, not one that was opened and saved in the wrong encoding.");
  g_assert_null (strstr (error->message, "unknown column"));
  g_assert_null (strstr (error->message, "phone"));
}

#include "test-csv-damage.h"

static void
test_workbook (void)
{
  static const char xls[] = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0";
  g_autoptr(GError) error = NULL;
  g_autoptr(SzTable) table = read_fixture ("xlsx-renamed.csv", &error);

  g_assert_null (table);
  g_assert_error (error, SZ_TABLE_ERROR, SZ_TABLE_ERROR_ENCODING);
  assert_message (error, "xlsx-renamed.csv", 0);
  assert_contains (error, "is an Excel workbook (.xlsx), not CSV");

  /* Whatever encoding was chosen */
  g_clear_error (&error);
  table = parse_as (xls, sizeof xls - 1, "UTF-16LE", &error);
  g_assert_null (table);
  g_assert_error (error, SZ_TABLE_ERROR, SZ_TABLE_ERROR_ENCODING);
  assert_message (error, "roster.csv", 0);
  assert_contains (error, "(.xls)");
}

static void
test_empty (void)
{
  const char * const encodings[] = { NULL, "UTF-8", "GB18030", "UTF-16LE", "UTF-16BE", "BIG5" };
  g_autoptr(GError) error = NULL;
  g_autoptr(SzTable) table = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (encodings); i++)
    {
      table = read_fixture_as ("empty.csv", encodings[i], &error);
      g_assert_null (table);
      g_assert_error (error, SZ_TABLE_ERROR, SZ_TABLE_ERROR_EMPTY);
      assert_message (error, "empty.csv", 0);
      g_clear_error (&error);
    }

  /* Only blank lines */
  table = parse ("\r\n  \r\n,,\r\n\xE3\x80\x80\r\n\"\"\r\n", -1, &error);
  g_assert_null (table);
  g_assert_error (error, SZ_TABLE_ERROR, SZ_TABLE_ERROR_EMPTY);
  g_clear_error (&error);

  /* Only a BOM */
  table = parse ("\xFF\xFE", 2, &error);
  g_assert_null (table);
  g_assert_error (error, SZ_TABLE_ERROR, SZ_TABLE_ERROR_EMPTY);
  g_clear_error (&error);
  table = parse_as ("\x84\x31\x95\x33", 4, "GB18030", &error);
  g_assert_null (table);
  g_assert_error (error, SZ_TABLE_ERROR, SZ_TABLE_ERROR_EMPTY);
}

/* The reader keeps a header with no rows under it: the import refuses it,
 * once it has chosen its header row. */
static void
test_header_only (void)
{
  static const Row rows[] = {
    { 1, 3, { "姓名", "电话", "住址" } },
  };
  static const Row blank_rows[] = {
    { 3, 2, { "姓名", "电话" } },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SzTable) table = read_fixture ("header-only.csv", &error);

  g_assert_no_error (error);
  ASSERT_TABLE (table, rows, 3);
  g_clear_pointer (&table, sz_table_free);

  /* Blank lines above and below the header */
  table = parse ("\n\n姓名,电话\n,\n\n", -1, &error);
  g_assert_no_error (error);
  ASSERT_TABLE (table, blank_rows, 2);
}

/* Encodings chosen by the user */

#include "test-csv-formats.h"

static void
test_nul (void)
{
  static const char text[] = "a,b\r\nc,d\r\ne,\0f\r\n";
  const char * const encodings[] = { NULL, "UTF-8", "GB18030", "BIG5" };

  for (guint i = 0; i < G_N_ELEMENTS (encodings); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SzTable) table = parse_as (text, sizeof text - 1, encodings[i], &error);

      g_assert_null (table);
      g_assert_error (error, SZ_TABLE_ERROR, SZ_TABLE_ERROR_ENCODING);
      assert_message (error, "roster.csv", 3);
      assert_contains (error, "NUL");
    }
}

static void
test_too_many_cells (void)
{
  g_autoptr(GString) text = g_string_new ("a\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(SzTable) table = NULL;

  for (guint i = 0; i < 16383; i++)
    g_string_append_c (text, ',');
  g_string_append (text, "x\n");
  table = parse (text->str, text->len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sz_table_get_n_columns (table), ==, 16384);
  g_assert_cmpstr (sz_table_get (table, 0, 16383), ==, "x");
  g_clear_pointer (&table, sz_table_free);

  g_string_insert_c (text, 2, ',');
  table = parse (text->str, text->len, &error);
  g_assert_null (table);
  g_assert_error (error, SZ_TABLE_ERROR, SZ_TABLE_ERROR_TOO_LARGE);
  assert_message (error, "roster.csv", 2);
  g_clear_error (&error);

  /* Rows: Excel's 1,048,576, blank ones too */
  g_string_assign (text, "a\n");
  for (guint i = 2; i < 1048576; i++)
    g_string_append_c (text, '\n');
  g_string_append (text, "x\n");
  table = parse (text->str, text->len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sz_table_get_line (table, 0), ==, 1048576);
  g_clear_pointer (&table, sz_table_free);

  g_string_append (text, "\n");
  table = parse (text->str, text->len, &error);
  g_assert_null (table);
  g_assert_error (error, SZ_TABLE_ERROR, SZ_TABLE_ERROR_TOO_LARGE);
  assert_message (error, "roster.csv", 0);
  assert_contains (error, "more than 1048576 rows");
}

static void
test_no_file_name (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static ("a,b\n\"c", 6);
  g_autoptr(GError) error = NULL;
  g_autoptr(SzTable) table = sz_csv_parse (bytes, NULL, NULL, &error);

  g_assert_null (table);
  g_assert_error (error, SZ_TABLE_ERROR, SZ_TABLE_ERROR_SYNTAX);
  g_assert_true (g_str_has_prefix (error->message, "The text: "));
  g_assert_null (strstr (error->message, "(null)"));
}

static void
test_too_large (void)
{
  gsize size = SZ_TABLE_MAX_FILE_SIZE;
  g_autofree char *big = g_malloc (size + 1);
  g_autofree char *path = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SzTable) table = NULL;
  FILE *file;

  /* Exactly the limit is read: a header and one row, padded with spaces */
  memset (big, ' ', size + 1);
  memcpy (big, "a\nb", 3);
  bytes = g_bytes_new_static (big, size);
  table = sz_csv_parse (bytes, "big.csv", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sz_table_get_n_rows (table), ==, 1);
  g_assert_cmpstr (sz_table_get (table, 0, 0), ==, "b");
  g_clear_pointer (&table, sz_table_free);
  g_clear_pointer (&bytes, g_bytes_unref);

  bytes = g_bytes_new_static (big, size + 1);
  table = sz_csv_parse (bytes, "big.csv", NULL, &error);
  g_assert_null (table);
  g_assert_error (error, SZ_TABLE_ERROR, SZ_TABLE_ERROR_TOO_LARGE);
  assert_message (error, "big.csv", 0);
  g_clear_error (&error);

  /* A file is refused before it is read: a sparse one of 1 GB */
  path = g_build_filename (g_get_user_cache_dir (), "huge.csv", NULL);
  g_mkdir_with_parents (g_get_user_cache_dir (), 0700);
  file = g_fopen (path, "wb");
  g_assert_nonnull (file);
  g_assert_cmpint (fseek (file, 1024 * 1024 * 1024, SEEK_SET), ==, 0);
  g_assert_cmpint (fputc ('\n', file), ==, '\n');
  g_assert_cmpint (fclose (file), ==, 0);
  table = sz_table_read_file (path, NULL, NULL, &error);
  g_assert_null (table);
  g_assert_error (error, SZ_TABLE_ERROR, SZ_TABLE_ERROR_TOO_LARGE);
  assert_message (error, "huge.csv", 0);
  assert_contains (error, "(1.1");
}

static void
test_read_file (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "no-such.csv", NULL);
  g_autofree char *gbk = fixture_path ("gbk-wps.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(SzTable) table = sz_table_read_file (path, NULL, NULL, &error);

  g_assert_null (table);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  assert_contains (error, path);
  g_clear_error (&error);

  table = sz_table_read_file (gbk, NULL, "GB18030", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sz_table_get_encoding (table), ==, "GB18030");
  g_assert_cmpstr (sz_table_get (table, 0, 5), ==, "张三");
}

/* A caller's mistake is reported, and sz_table_get() still never gives NULL. */
static void
test_out_of_range (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SzTable) table = parse ("a,b\n1,2\n", -1, &error);

  g_assert_no_error (error);
  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*row < *");
  g_assert_cmpstr (sz_table_get (table, 1, 0), ==, "");
  g_test_assert_expected_messages ();
  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*row < *");
  g_assert_cmpstr (sz_table_get (table, G_MAXUINT, 0), ==, "");
  g_test_assert_expected_messages ();
  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*row < *");
  g_assert_cmpuint (sz_table_get_line (table, 1), ==, 0);
  g_test_assert_expected_messages ();
  g_assert_cmpstr (sz_table_get_header (table, 2), ==, "");
  g_assert_cmpstr (sz_table_get (table, 0, 2), ==, "");
}

/* 200,000 rows of 17 columns (~25 MB) with -m perf, 5,000 otherwise: in
 * UTF-8, then as WPS saves them, in GBK. */
static void
test_speed (void)
{
  guint n = g_test_perf () ? 200000 : 5000;
  g_autoptr(GString) text = g_string_new ("网格,小区,楼栋,单元,职务,姓名,电话,备用电话,性别,党员,身份,同意公示电话,"
                                          "同意日期,任职日期,产生方式,户数,备注\r\n");
  g_autofree char *last = NULL;
  g_autofree char *gbk = NULL;
  gsize gbk_len = 0;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "第%u网格,丰和林苑,%u,%u,单元长,孙婷%u,138%08u,0431-8%07u,女,是,"
                            "退休教师,是,2026-03-%02u,2020-03-15,推选,%u,\"备注，第%u行\"\r\n",
                            i % 7 + 1, i % 40 + 1, i % 6 + 1, i, i, i, i % 28 + 1, i % 30 + 10, i);
  last = g_strdup_printf ("备注，第%u行", n - 1);
  gbk = g_convert (text->str, text->len, "GB18030", "UTF-8", NULL, &gbk_len, NULL);
  g_assert_nonnull (gbk);

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GBytes) bytes = i == 0 ? g_bytes_new_static (text->str, text->len) : g_bytes_new_static (gbk, gbk_len);
      g_autoptr(GError) error = NULL;
      g_autoptr(SzTable) table = NULL;
      gint64 start = g_get_monotonic_time ();
      double seconds;

      table = sz_csv_parse (bytes, "big.csv", NULL, &error);
      seconds = (g_get_monotonic_time () - start) / 1e6;
      g_assert_no_error (error);
      g_assert_cmpstr (sz_table_get_encoding (table), ==, i == 0 ? "UTF-8" : "GB18030");
      g_assert_cmpuint (sz_table_get_n_rows (table), ==, n);
      g_assert_cmpstr (sz_table_get (table, n - 1, 16), ==, last);
      g_test_minimized_result (seconds, "%u rows, %s, %.1f MB: %.3f s", n,
                               sz_table_get_encoding (table), g_bytes_get_size (bytes) / 1e6, seconds);
    }
}

int
main (int   argc,
      char *argv[])
{
  /* Print the UTF-8 test inputs readably, but check the English messages. */
  setlocale (LC_ALL, "");
  setlocale (LC_MESSAGES, "C");

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/csv/gbk", test_gbk);
  g_test_add_func ("/core/csv/gb18030", test_gb18030);
  g_test_add_func ("/core/csv/utf8-bom", test_utf8_bom);
  g_test_add_func ("/core/csv/libreoffice-utf8", test_libreoffice_utf8);
  g_test_add_func ("/core/csv/libreoffice-unicode", test_libreoffice_unicode);
  g_test_add_func ("/core/csv/utf16", test_utf16);
  g_test_add_func ("/core/csv/utf16-no-bom", test_utf16_no_bom);
  g_test_add_func ("/core/csv/crlf-no-final", test_crlf_no_final);
  g_test_add_func ("/core/csv/mac-cr", test_mac_cr);
  g_test_add_func ("/core/csv/multiline", test_multiline);
  g_test_add_func ("/core/csv/semicolon", test_semicolon);
  g_test_add_func ("/core/csv/blank-rows", test_blank_rows);
  g_test_add_func ("/core/csv/short-rows", test_short_rows);
  g_test_add_func ("/core/csv/used-range", test_used_range);
  g_test_add_func ("/core/csv/title-row", test_title_row);
  g_test_add_func ("/core/csv/header-notes", test_header_notes);
  g_test_add_func ("/core/csv/damaged-files", test_damaged_files);
  g_test_add_func ("/core/csv/damaged-cells", test_damaged_cells);
  g_test_add_func ("/core/csv/not-damaged", test_not_damaged);
  g_test_add_func ("/core/csv/genuine-names", test_genuine_names);
  g_test_add_func ("/core/csv/unterminated-quote", test_unterminated_quote);
  g_test_add_func ("/core/csv/bad-bytes", test_bad_bytes);
  g_test_add_func ("/core/csv/bad-bytes-utf8", test_bad_bytes_utf8);
  g_test_add_func ("/core/csv/bad-bytes-truncated", test_bad_bytes_truncated);
  g_test_add_func ("/core/csv/workbook", test_workbook);
  g_test_add_func ("/core/csv/empty", test_empty);
  g_test_add_func ("/core/csv/header-only", test_header_only);
  g_test_add_func ("/core/csv/chosen-encoding", test_chosen_encoding);
  g_test_add_func ("/core/csv/line-ends", test_line_ends);
  g_test_add_func ("/core/csv/quotes", test_quotes);
  g_test_add_func ("/core/csv/separator", test_separator);
  g_test_add_func ("/core/csv/trim", test_trim);
  g_test_add_func ("/core/csv/bom-remnants", test_bom_remnants);
  g_test_add_func ("/core/csv/find-column", test_find_column);
  g_test_add_func ("/core/csv/utf16-more", test_utf16_more);
  g_test_add_func ("/core/csv/utf16-guess", test_utf16_guess);
  g_test_add_func ("/core/csv/nul", test_nul);
  g_test_add_func ("/core/csv/too-many-cells", test_too_many_cells);
  g_test_add_func ("/core/csv/no-file-name", test_no_file_name);
  g_test_add_func ("/core/csv/too-large", test_too_large);
  g_test_add_func ("/core/csv/read-file", test_read_file);
  g_test_add_func ("/core/csv/out-of-range", test_out_of_range);
  g_test_add_func ("/core/csv/speed", test_speed);

  return g_test_run ();
}
