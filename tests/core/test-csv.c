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

static SzCsv *
read_fixture (const char  *name,
              GError     **error)
{
  g_autofree char *path = fixture_path (name);

  return sz_csv_read_file (path, error);
}

/* Parses @len bytes of @text (all of it if -1) as if from "roster.csv". */
static SzCsv *
parse (const char  *text,
       gssize       len,
       GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, len < 0 ? strlen (text) : (gsize) len);

  return sz_csv_parse (bytes, "/some/folder/roster.csv", error);
}

/* The message says "line @line" (not "line @line0"), and quotes @file. */
static void
assert_message (const GError *error,
                const char   *file,
                guint         line)
{
  g_autofree char *quoted = g_strdup_printf ("“%s”", file);
  g_autofree char *needle = g_strdup_printf ("line %u", line);
  const char *at;

  g_test_message ("message: %s", error->message);
  g_assert_nonnull (strstr (error->message, quoted));
  g_assert_null (strstr (error->message, "/"));   /* the basename only */
  if (line == 0)
    return;
  at = strstr (error->message, needle);
  g_assert_nonnull (at);
  g_assert_false (g_ascii_isdigit (at[strlen (needle)]));
}

static void
assert_lines (SzCsv       *csv,
              const guint *lines,
              guint        n)
{
  g_assert_cmpuint (sz_csv_get_n_rows (csv), ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpuint (sz_csv_get_line (csv, i), ==, lines[i]);
}

/* Fixtures as Excel and WPS save them */

static void
test_gbk (void)
{
  static const char * const headers[] = { "网格", "小区", "楼栋", "单元", "职务", "姓名", "电话" };
  static const guint lines[] = { 2, 3, 4 };
  g_autoptr(GError) error = NULL;
  g_autoptr(SzCsv) csv = read_fixture ("gbk-wps.csv", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (sz_csv_get_encoding (csv), ==, "GB18030");
  g_assert_cmpint (sz_csv_get_separator (csv), ==, ',');
  g_assert_cmpuint (sz_csv_get_n_columns (csv), ==, G_N_ELEMENTS (headers));
  for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
    g_assert_cmpstr (sz_csv_get_header (csv, i), ==, headers[i]);
  assert_lines (csv, lines, G_N_ELEMENTS (lines));
  g_assert_cmpstr (sz_csv_get (csv, 0, 5), ==, "张三");
  g_assert_cmpstr (sz_csv_get (csv, 0, 6), ==, "13800001234");
  g_assert_cmpstr (sz_csv_get (csv, 1, 1), ==, "幸福里,东区");
  g_assert_cmpstr (sz_csv_get (csv, 1, 2), ==, "5");
  g_assert_cmpstr (sz_csv_get (csv, 1, 6), ==, "0431-88886666");
  g_assert_cmpstr (sz_csv_get (csv, 2, 5), ==, "王䶮");   /* GB18030 FE 9F */
  g_assert_cmpstr (sz_csv_get (csv, 2, 6), ==, "'13900005678");
}

static void
test_utf8_bom (void)
{
  static const guint lines[] = { 2, 3 };
  g_autoptr(GError) error = NULL;
  g_autoptr(SzCsv) csv = read_fixture ("excel-utf8-bom.csv", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (sz_csv_get_encoding (csv), ==, "UTF-8 (BOM)");
  g_assert_cmpint (sz_csv_get_separator (csv), ==, ',');
  g_assert_cmpuint (sz_csv_get_n_columns (csv), ==, 3);
  g_assert_cmpstr (sz_csv_get_header (csv, 0), ==, "姓名");
  g_assert_cmpint (sz_csv_find_column (csv, (const char * const[]) { "姓名", NULL }), ==, 0);
  assert_lines (csv, lines, G_N_ELEMENTS (lines));
  g_assert_cmpstr (sz_csv_get (csv, 0, 2), ==, "他说\"你好\"");
  g_assert_cmpstr (sz_csv_get (csv, 1, 0), ==, "李四");
  g_assert_cmpstr (sz_csv_get (csv, 1, 2), ==, "");
}

static void
test_utf16 (void)
{
  static const guint lines[] = { 2, 3 };
  g_autoptr(GError) error = NULL;
  g_autoptr(SzCsv) csv = read_fixture ("unicode-text.txt", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (sz_csv_get_encoding (csv), ==, "UTF-16LE");
  g_assert_cmpint (sz_csv_get_separator (csv), ==, '\t');
  g_assert_cmpuint (sz_csv_get_n_columns (csv), ==, 4);
  g_assert_cmpstr (sz_csv_get_header (csv, 0), ==, "网格");
  g_assert_cmpstr (sz_csv_get_header (csv, 3), ==, "电话");
  assert_lines (csv, lines, G_N_ELEMENTS (lines));
  g_assert_cmpstr (sz_csv_get (csv, 0, 1), ==, "幸福里,东区");
  g_assert_cmpstr (sz_csv_get (csv, 0, 2), ==, "𠮷田");
  g_assert_cmpstr (sz_csv_get (csv, 1, 1), ==, "和平苑\t北区");
  g_assert_cmpstr (sz_csv_get (csv, 1, 2), ==, "赵六");
  g_assert_cmpstr (sz_csv_get (csv, 1, 3), ==, "'13900005678");
}

static void
test_mac_cr (void)
{
  static const guint lines[] = { 2, 3 };
  g_autoptr(GError) error = NULL;
  g_autoptr(SzCsv) csv = read_fixture ("mac-cr.csv", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (sz_csv_get_encoding (csv), ==, "UTF-8");
  g_assert_cmpuint (sz_csv_get_n_columns (csv), ==, 2);
  g_assert_cmpstr (sz_csv_get_header (csv, 1), ==, "电话");
  assert_lines (csv, lines, G_N_ELEMENTS (lines));
  g_assert_cmpstr (sz_csv_get (csv, 0, 1), ==, "13800001234");
  g_assert_cmpstr (sz_csv_get (csv, 1, 0), ==, "李四");
  g_assert_cmpstr (sz_csv_get (csv, 1, 1), ==, "13900005678");
}

static void
test_multiline (void)
{
  static const guint lines[] = { 2, 3, 4 };
  g_autoptr(GError) error = NULL;
  g_autoptr(SzCsv) csv = read_fixture ("multiline.csv", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (sz_csv_get_n_columns (csv), ==, 3);
  assert_lines (csv, lines, G_N_ELEMENTS (lines));
  g_assert_cmpstr (sz_csv_get (csv, 0, 1), ==, "幸福里3栋\n1单元\n101室");
  g_assert_cmpstr (sz_csv_get (csv, 0, 2), ==, "13800001234");
  g_assert_cmpstr (sz_csv_get (csv, 1, 1), ==, "单元长\"老李\"\n备注\n二行");
  g_assert_cmpstr (sz_csv_get (csv, 1, 2), ==, "13900005678");
  g_assert_cmpstr (sz_csv_get (csv, 2, 0), ==, "王五");
  g_assert_cmpstr (sz_csv_get (csv, 2, 1), ==, "a,b");
}

static void
test_semicolon (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SzCsv) csv = read_fixture ("semicolon.csv", &error);

  g_assert_no_error (error);
  g_assert_cmpint (sz_csv_get_separator (csv), ==, ';');
  g_assert_cmpuint (sz_csv_get_n_columns (csv), ==, 3);
  g_assert_cmpuint (sz_csv_get_n_rows (csv), ==, 2);
  g_assert_cmpint (sz_csv_find_column (csv, (const char * const[]) { "PHONE", NULL }), ==, 1);
  g_assert_cmpstr (sz_csv_get (csv, 0, 2), ==, "幸福里, 3栋");
  g_assert_cmpstr (sz_csv_get (csv, 1, 1), ==, "139;0000;5678");
  g_assert_cmpstr (sz_csv_get (csv, 1, 2), ==, "和平苑");
}

static void
test_blank_rows (void)
{
  static const guint lines[] = { 2, 6, 8 };
  g_autoptr(GError) error = NULL;
  g_autoptr(SzCsv) csv = read_fixture ("blank-rows.csv", &error);

  g_assert_no_error (error);
  assert_lines (csv, lines, G_N_ELEMENTS (lines));
  g_assert_cmpstr (sz_csv_get (csv, 0, 0), ==, "张三");
  g_assert_cmpstr (sz_csv_get (csv, 1, 0), ==, "李四");
  g_assert_cmpstr (sz_csv_get (csv, 1, 2), ==, "x");
  g_assert_cmpstr (sz_csv_get (csv, 2, 0), ==, "王五");
  g_assert_cmpstr (sz_csv_get (csv, 2, 1), ==, "13700001111");
}

static void
test_short_rows (void)
{
  static const guint lines[] = { 2, 3, 4 };
  g_autoptr(GError) error = NULL;
  g_autoptr(SzCsv) csv = read_fixture ("short-rows.csv", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (sz_csv_get_n_columns (csv), ==, 3);
  assert_lines (csv, lines, G_N_ELEMENTS (lines));
  g_assert_cmpstr (sz_csv_get (csv, 0, 1), ==, "13800001234");
  g_assert_cmpstr (sz_csv_get (csv, 0, 2), ==, "");
  g_assert_cmpstr (sz_csv_get (csv, 1, 0), ==, "李四");
  g_assert_cmpstr (sz_csv_get (csv, 1, 1), ==, "");
  g_assert_cmpstr (sz_csv_get (csv, 1, 2), ==, "");
  g_assert_cmpstr (sz_csv_get (csv, 2, 2), ==, "x");
  g_assert_cmpstr (sz_csv_get (csv, 2, 3), ==, "extra");   /* kept */
  g_assert_cmpstr (sz_csv_get (csv, 2, 9), ==, "");
}

/* Errors from fixtures */

static void
test_unterminated_quote (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SzCsv) csv = read_fixture ("unterminated-quote.csv", &error);

  g_assert_null (csv);
  g_assert_error (error, SZ_CSV_ERROR, SZ_CSV_ERROR_SYNTAX);
  assert_message (error, "unterminated-quote.csv", 3);
}

static void
test_bad_bytes (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SzCsv) csv = read_fixture ("bad-bytes.csv", &error);

  g_assert_null (csv);
  g_assert_error (error, SZ_CSV_ERROR, SZ_CSV_ERROR_ENCODING);
  assert_message (error, "bad-bytes.csv", 4);
  g_assert_nonnull (strstr (error->message, "neither UTF-8 nor GBK"));
  g_assert_nonnull (strstr (error->message, "(byte 49)"));
}

/* GBK cut off in the middle of a character on line 3 */
static void
test_bad_bytes_truncated (void)
{
  static const char text[] = "\xD0\xD5\xC3\xFB,a\r\n\xD5\xC5,b\r\n\xC0\xEE,\xCB";
  g_autoptr(GError) error = NULL;
  g_autoptr(SzCsv) csv = parse (text, sizeof text - 1, &error);

  g_assert_null (csv);
  g_assert_error (error, SZ_CSV_ERROR, SZ_CSV_ERROR_ENCODING);
  assert_message (error, "roster.csv", 3);
  g_assert_nonnull (strstr (error->message, "(byte 17)"));

  /* The same, whole, is read */
  g_clear_error (&error);
  csv = parse (text, sizeof text - 1 - 2, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sz_csv_get_encoding (csv), ==, "GB18030");
  g_assert_cmpstr (sz_csv_get_header (csv, 0), ==, "姓名");
  g_assert_cmpstr (sz_csv_get (csv, 0, 0), ==, "张");
  g_assert_cmpstr (sz_csv_get (csv, 1, 0), ==, "李");
}

/* UTF-8 with a bad byte on line 5: read as GB18030 it fails sooner (on
 * line 2, at "明,"), so the message must name line 5. */
static void
test_bad_bytes_utf8 (void)
{
  static const char text[] = "姓名,电话\n王小明,13800001234\n李四,1\n赵六,2\n孙\xff七,3\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(SzCsv) csv = parse (text, -1, &error);

  g_assert_null (csv);
  g_assert_error (error, SZ_CSV_ERROR, SZ_CSV_ERROR_ENCODING);
  assert_message (error, "roster.csv", 5);

  /* After a BOM, the same: UTF-8 only. */
  g_clear_error (&error);
  csv = parse ("\xEF\xBB\xBF" "a,b\n1,2\n3,\xC3(\n", -1, &error);
  g_assert_null (csv);
  g_assert_error (error, SZ_CSV_ERROR, SZ_CSV_ERROR_ENCODING);
  assert_message (error, "roster.csv", 3);
}

static void
test_workbook (void)
{
  static const char xls[] = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0";
  g_autoptr(GError) error = NULL;
  g_autoptr(SzCsv) csv = read_fixture ("xlsx-renamed.csv", &error);

  g_assert_null (csv);
  g_assert_error (error, SZ_CSV_ERROR, SZ_CSV_ERROR_ENCODING);
  assert_message (error, "xlsx-renamed.csv", 0);
  g_assert_nonnull (strstr (error->message, "(.xlsx)"));

  g_clear_error (&error);
  csv = parse (xls, sizeof xls - 1, &error);
  g_assert_null (csv);
  g_assert_error (error, SZ_CSV_ERROR, SZ_CSV_ERROR_ENCODING);
  assert_message (error, "roster.csv", 0);
  g_assert_nonnull (strstr (error->message, "(.xls)"));
}

static void
test_empty (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SzCsv) csv = read_fixture ("empty.csv", &error);

  g_assert_null (csv);
  g_assert_error (error, SZ_CSV_ERROR, SZ_CSV_ERROR_EMPTY);
  assert_message (error, "empty.csv", 0);

  /* Only blank lines */
  g_clear_error (&error);
  csv = parse ("\r\n  \r\n,,\r\n\xE3\x80\x80\r\n\"\"\r\n", -1, &error);
  g_assert_null (csv);
  g_assert_error (error, SZ_CSV_ERROR, SZ_CSV_ERROR_EMPTY);

  /* Only a BOM */
  g_clear_error (&error);
  csv = parse ("\xFF\xFE", 2, &error);
  g_assert_null (csv);
  g_assert_error (error, SZ_CSV_ERROR, SZ_CSV_ERROR_EMPTY);
}

static void
test_header_only (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SzCsv) csv = read_fixture ("header-only.csv", &error);

  g_assert_null (csv);
  g_assert_error (error, SZ_CSV_ERROR, SZ_CSV_ERROR_EMPTY);
  assert_message (error, "header-only.csv", 1);
  g_assert_nonnull (strstr (error->message, "has no rows under its header"));

  /* Blank lines above and below the header */
  g_clear_error (&error);
  csv = parse ("\n\n姓名,电话\n,\n\n", -1, &error);
  g_assert_null (csv);
  g_assert_error (error, SZ_CSV_ERROR, SZ_CSV_ERROR_EMPTY);
  assert_message (error, "roster.csv", 3);
}

/* In memory */

static void
test_line_ends (void)
{
  static const char * const inputs[] = {
    "h,i\r\n1,a\r\n2,b", "h,i\r\n1,a\r\n2,b\r\n", "h,i\r\n1,a\r\n2,b\r\n\r\n",
    "h,i\n1,a\n2,b", "h,i\n1,a\n2,b\n", "h,i\n1,a\n2,b\n\n",
    "h,i\r1,a\r2,b", "h,i\r1,a\r2,b\r", "h,i\r1,a\r2,b\r\r",
  };
  static const guint lines[] = { 2, 3 };
  static const guint mixed_lines[] = { 2, 3, 4 };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SzCsv) csv = parse (inputs[i], -1, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (sz_csv_get_n_columns (csv), ==, 2);
      assert_lines (csv, lines, G_N_ELEMENTS (lines));
      g_assert_cmpstr (sz_csv_get_header (csv, 1), ==, "i");
      g_assert_cmpstr (sz_csv_get (csv, 0, 1), ==, "a");
      g_assert_cmpstr (sz_csv_get (csv, 1, 1), ==, "b");
    }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SzCsv) csv = parse ("h\r\n1\n2\r3\n", -1, &error);

    g_assert_no_error (error);
    assert_lines (csv, mixed_lines, G_N_ELEMENTS (mixed_lines));
    g_assert_cmpstr (sz_csv_get (csv, 2, 0), ==, "3");
  }
}

static void
test_quotes (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SzCsv) csv = parse ("h1,h2,h3\n"
                                "a\"b\"c,\"x\"y,\"\"\n"
                                "\"\"\"\",x\"y,\"a\"\"\"\n"
                                "\"a\rb\",\"\",\"end\"", -1, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (sz_csv_get_n_rows (csv), ==, 3);
  g_assert_cmpstr (sz_csv_get (csv, 0, 0), ==, "a\"b\"c");   /* not at the start: literal */
  g_assert_cmpstr (sz_csv_get (csv, 0, 1), ==, "xy");        /* after the closing quote: kept */
  g_assert_cmpstr (sz_csv_get (csv, 0, 2), ==, "");
  g_assert_cmpstr (sz_csv_get (csv, 1, 0), ==, "\"");
  g_assert_cmpstr (sz_csv_get (csv, 1, 1), ==, "x\"y");
  g_assert_cmpstr (sz_csv_get (csv, 1, 2), ==, "a\"");
  g_assert_cmpstr (sz_csv_get (csv, 2, 0), ==, "a\nb");
  g_assert_cmpstr (sz_csv_get (csv, 2, 2), ==, "end");
  g_assert_cmpuint (sz_csv_get_line (csv, 2), ==, 4);

  /* Unterminated, opened on line 2 after a multi-line field on line 1 */
  g_clear_pointer (&csv, sz_csv_free);
  csv = parse ("\"a\nb\",c\nx,\"y\n\nz", -1, &error);
  g_assert_null (csv);
  g_assert_error (error, SZ_CSV_ERROR, SZ_CSV_ERROR_SYNTAX);
  assert_message (error, "roster.csv", 3);
}

static void
test_separator (void)
{
  struct { const char *text; char sep; const char *header0; guint line; } cases[] = {
    { "\"a,b,c\";d;e\n1;2;3\n", ';', "a,b,c", 2 },
    { "\"a\"\"b,c\";d\n1;2\n", ';', "a\"b,c", 2 },
    { "a\tb\tc\n1\t2\t3\n", '\t', "a", 2 },
    { "a,b;c;d\n1;2\n", ';', "a,b", 2 },
    { "a,b;c\n1,2\n", ',', "a", 2 },         /* a tie */
    { "name\nx\n", ',', "name", 2 },
    { "\r\n;;;\r\nA;B\r\n1;2\r\n", ';', "A", 4 },   /* blank lines above */
    { "\t\t\t\t\r\nA,B\r\n1,2\r\n", ',', "A", 3 },    /* their TABs do not count */
    { "\xE3\x80\x80\xC2\xA0\r\nA;B\r\n1;2\r\n", ';', "A", 3 },  /* full-width spaces are blank */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SzCsv) csv = parse (cases[i].text, -1, &error);

      g_assert_no_error (error);
      g_assert_cmpint (sz_csv_get_separator (csv), ==, cases[i].sep);
      g_assert_cmpstr (sz_csv_get_header (csv, 0), ==, cases[i].header0);
      g_assert_cmpuint (sz_csv_get_line (csv, 0), ==, cases[i].line);
    }
}

static void
test_trim (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SzCsv) csv = parse (" \xE3\x80\x80姓名\xC2\xA0, 电话 ,备注\t\n"
                                "\xE3\x80\x80张 三\xE3\x80\x80,'13800001234 ,\"  quoted  \"\n"
                                "李四,' 138 0000 1234,\" a\nb \"\n", -1, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (sz_csv_get_header (csv, 0), ==, "姓名");
  g_assert_cmpstr (sz_csv_get_header (csv, 1), ==, "电话");
  g_assert_cmpstr (sz_csv_get_header (csv, 2), ==, "备注");
  g_assert_cmpstr (sz_csv_get (csv, 0, 0), ==, "张 三");
  g_assert_cmpstr (sz_csv_get (csv, 0, 1), ==, "'13800001234");
  g_assert_cmpstr (sz_csv_get (csv, 0, 2), ==, "quoted");
  g_assert_cmpstr (sz_csv_get (csv, 1, 1), ==, "' 138 0000 1234");
  g_assert_cmpstr (sz_csv_get (csv, 1, 2), ==, "a\nb");
}

static void
test_bom_remnants (void)
{
  static const char * const inputs[] = {
    "\xEF\xBB\xBF\xEF\xBB\xBF姓名,电话\n张三,1\n",   /* saved twice with a BOM */
    "\xC3\xAF\xC2\xBB\xC2\xBF姓名,电话\n张三,1\n",   /* a BOM read as Latin-1 */
    "\xC3\xAF\xC2\xBB\xC2\xBF 姓名,电话\n张三,1\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SzCsv) csv = parse (inputs[i], -1, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (sz_csv_get_header (csv, 0), ==, "姓名");
      g_assert_cmpstr (sz_csv_get (csv, 0, 0), ==, "张三");
    }
}

static void
test_find_column (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SzCsv) csv = parse ("姓 名,电话*,ＰＨＯＮＥ,身份证号（必填）,Grid Name,*楼栋,"
                                "备注 (必填) ＊,,*,单元\xE3\x80\x80号\n"
                                "张三,1,2,3,4,5,6,7,8,9\n", -1, &error);
#define FIND(...) sz_csv_find_column (csv, (const char * const[]) { __VA_ARGS__, NULL })

  g_assert_no_error (error);
  g_assert_cmpuint (sz_csv_get_n_columns (csv), ==, 10);
  g_assert_cmpstr (sz_csv_get_header (csv, 0), ==, "姓 名");   /* shown as written */
  g_assert_cmpint (FIND ("姓名"), ==, 0);
  g_assert_cmpint (FIND ("电话"), ==, 1);
  g_assert_cmpint (FIND ("phone"), ==, 2);
  g_assert_cmpint (FIND ("Phone"), ==, 2);
  g_assert_cmpint (FIND ("ＰＨＯＮＥ"), ==, 2);
  g_assert_cmpint (FIND ("身份证号"), ==, 3);
  g_assert_cmpint (FIND ("gridname"), ==, 4);
  g_assert_cmpint (FIND ("GRID NAME"), ==, 4);
  g_assert_cmpint (FIND ("楼栋"), ==, 5);
  g_assert_cmpint (FIND ("备注"), ==, 6);
  g_assert_cmpint (FIND ("单元号"), ==, 9);
  /* The first matching header, whichever name it matches */
  g_assert_cmpint (FIND ("手机", "电话"), ==, 1);
  g_assert_cmpint (FIND ("phone", "电话"), ==, 1);
  /* No prefixes, no empty headers */
  g_assert_cmpint (FIND ("电"), ==, -1);
  g_assert_cmpint (FIND ("phone number"), ==, -1);
  g_assert_cmpint (FIND ("住址"), ==, -1);
  g_assert_cmpint (FIND (""), ==, -1);
  g_assert_cmpint (FIND ("*"), ==, -1);
  g_assert_cmpint (sz_csv_find_column (csv, (const char * const[]) { NULL }), ==, -1);
#undef FIND
}

static void
test_utf16_more (void)
{
  static const char be[] = "\xFE\xFF\0a\0,\0b\0\r\0\n\0c\0,\0d";
  static const char surrogate[] = "\xFF\xFE" "a\0,\0b\0\n\0" "c\0\x00\xD8,\0d\0\n\0";
  static const char odd[] = "\xFF\xFE" "a\0\t\0b\0\n\0" "c\0\t\0d\0\r\0" "e";
  static const char nul[] = "\xFF\xFE" "a\0\t\0b\0\n\0" "c\0\0\0\t\0d\0";
  g_autoptr(GError) error = NULL;
  g_autoptr(SzCsv) csv = parse (be, sizeof be - 1, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (sz_csv_get_encoding (csv), ==, "UTF-16BE");
  g_assert_cmpint (sz_csv_get_separator (csv), ==, ',');
  g_assert_cmpstr (sz_csv_get (csv, 0, 1), ==, "d");
  g_clear_pointer (&csv, sz_csv_free);

  csv = parse (surrogate, sizeof surrogate - 1, &error);
  g_assert_error (error, SZ_CSV_ERROR, SZ_CSV_ERROR_ENCODING);
  assert_message (error, "roster.csv", 2);
  g_assert_nonnull (strstr (error->message, "(byte 12)"));
  g_clear_error (&error);

  csv = parse (odd, sizeof odd - 1, &error);
  g_assert_error (error, SZ_CSV_ERROR, SZ_CSV_ERROR_ENCODING);
  assert_message (error, "roster.csv", 3);
  g_clear_error (&error);

  csv = parse (nul, sizeof nul - 1, &error);
  g_assert_error (error, SZ_CSV_ERROR, SZ_CSV_ERROR_ENCODING);
  assert_message (error, "roster.csv", 2);
  g_assert_nonnull (strstr (error->message, "NUL"));
}

static void
test_nul (void)
{
  static const char text[] = "a,b\r\nc,d\r\ne,\0f\r\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(SzCsv) csv = parse (text, sizeof text - 1, &error);

  g_assert_null (csv);
  g_assert_error (error, SZ_CSV_ERROR, SZ_CSV_ERROR_ENCODING);
  assert_message (error, "roster.csv", 3);
  g_assert_nonnull (strstr (error->message, "NUL"));
}

static void
test_no_file_name (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static ("a,b\n\"c", 6);
  g_autoptr(GError) error = NULL;
  g_autoptr(SzCsv) csv = sz_csv_parse (bytes, NULL, &error);

  g_assert_null (csv);
  g_assert_error (error, SZ_CSV_ERROR, SZ_CSV_ERROR_SYNTAX);
  g_assert_true (g_str_has_prefix (error->message, "The text: "));
  g_assert_null (strstr (error->message, "(null)"));
}

static void
test_too_large (void)
{
  gsize size = SZ_CSV_MAX_SIZE;
  g_autofree char *big = g_malloc (size + 1);
  g_autofree char *path = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SzCsv) csv = NULL;
  FILE *file;

  /* Exactly the limit is read: a header and one row, padded with spaces */
  memset (big, ' ', size + 1);
  memcpy (big, "a\nb", 3);
  bytes = g_bytes_new_static (big, size);
  csv = sz_csv_parse (bytes, "big.csv", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sz_csv_get_n_rows (csv), ==, 1);
  g_assert_cmpstr (sz_csv_get (csv, 0, 0), ==, "b");
  g_clear_pointer (&csv, sz_csv_free);
  g_clear_pointer (&bytes, g_bytes_unref);

  bytes = g_bytes_new_static (big, size + 1);
  csv = sz_csv_parse (bytes, "big.csv", &error);
  g_assert_null (csv);
  g_assert_error (error, SZ_CSV_ERROR, SZ_CSV_ERROR_TOO_LARGE);
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
  csv = sz_csv_read_file (path, &error);
  g_assert_null (csv);
  g_assert_error (error, SZ_CSV_ERROR, SZ_CSV_ERROR_TOO_LARGE);
  assert_message (error, "huge.csv", 0);
  g_assert_nonnull (strstr (error->message, "(1.1"));
}

static void
test_read_file_missing (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "no-such.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SzCsv) csv = sz_csv_read_file (path, &error);

  g_assert_null (csv);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_nonnull (strstr (error->message, path));
}

/* A caller's mistake is reported, and sz_csv_get() still never gives NULL. */
static void
test_out_of_range (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SzCsv) csv = parse ("a,b\n1,2\n", -1, &error);

  g_assert_no_error (error);
  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*row < *");
  g_assert_cmpstr (sz_csv_get (csv, 1, 0), ==, "");
  g_test_assert_expected_messages ();
  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*row < *");
  g_assert_cmpstr (sz_csv_get (csv, G_MAXUINT, 0), ==, "");
  g_test_assert_expected_messages ();
  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*row < *");
  g_assert_cmpuint (sz_csv_get_line (csv, 1), ==, 0);
  g_test_assert_expected_messages ();
  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*column < *");
  g_assert_null (sz_csv_get_header (csv, 2));
  g_test_assert_expected_messages ();
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
  g_test_add_func ("/core/csv/utf8-bom", test_utf8_bom);
  g_test_add_func ("/core/csv/utf16", test_utf16);
  g_test_add_func ("/core/csv/mac-cr", test_mac_cr);
  g_test_add_func ("/core/csv/multiline", test_multiline);
  g_test_add_func ("/core/csv/semicolon", test_semicolon);
  g_test_add_func ("/core/csv/blank-rows", test_blank_rows);
  g_test_add_func ("/core/csv/short-rows", test_short_rows);
  g_test_add_func ("/core/csv/unterminated-quote", test_unterminated_quote);
  g_test_add_func ("/core/csv/bad-bytes", test_bad_bytes);
  g_test_add_func ("/core/csv/bad-bytes-utf8", test_bad_bytes_utf8);
  g_test_add_func ("/core/csv/bad-bytes-truncated", test_bad_bytes_truncated);
  g_test_add_func ("/core/csv/workbook", test_workbook);
  g_test_add_func ("/core/csv/empty", test_empty);
  g_test_add_func ("/core/csv/header-only", test_header_only);
  g_test_add_func ("/core/csv/line-ends", test_line_ends);
  g_test_add_func ("/core/csv/quotes", test_quotes);
  g_test_add_func ("/core/csv/separator", test_separator);
  g_test_add_func ("/core/csv/trim", test_trim);
  g_test_add_func ("/core/csv/bom-remnants", test_bom_remnants);
  g_test_add_func ("/core/csv/find-column", test_find_column);
  g_test_add_func ("/core/csv/utf16-more", test_utf16_more);
  g_test_add_func ("/core/csv/nul", test_nul);
  g_test_add_func ("/core/csv/no-file-name", test_no_file_name);
  g_test_add_func ("/core/csv/too-large", test_too_large);
  g_test_add_func ("/core/csv/read-file-missing", test_read_file_missing);
  g_test_add_func ("/core/csv/out-of-range", test_out_of_range);

  return g_test_run ();
}
