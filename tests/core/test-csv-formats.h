/* test-csv-formats.h: chosen encodings, line ends, quotes, separators, BOM remnants and UTF-16
 * Included by test-csv.c.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

static void
test_chosen_encoding (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SzTable) table = NULL;
  g_autofree char *big5 = NULL;
  gsize big5_len = 0;

  /* Big5 only when asked */
  big5 = g_convert ("姓名,電話\r\n張三,13800001234\r\n", -1, "BIG5", "UTF-8", NULL, &big5_len, NULL);
  g_assert_nonnull (big5);
  table = parse_as (big5, big5_len, "BIG5", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sz_table_get_encoding (table), ==, "BIG5");
  g_assert_cmpstr (sz_table_get_header (table, 1), ==, "電話");
  g_assert_cmpstr (sz_table_get (table, 0, 0), ==, "張三");
  g_clear_pointer (&table, sz_table_free);

  /* A BOM of the chosen encoding is skipped */
  table = parse_as ("\xFE\xFF\0a\0,\0b\0\n\0c\0,\0d", 16, "UTF-16BE", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sz_table_get_encoding (table), ==, "UTF-16BE");
  g_assert_cmpstr (sz_table_get_header (table, 0), ==, "a");
  g_assert_cmpstr (sz_table_get (table, 0, 1), ==, "d");
  g_clear_pointer (&table, sz_table_free);
  table = parse_as ("\x84\x31\x95\x33\xD0\xD5\xC3\xFB\r\n\xD5\xC5\xC8\xFD\r\n", -1, "GB18030", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sz_table_get_header (table, 0), ==, "姓名");
  g_assert_cmpstr (sz_table_get (table, 0, 0), ==, "张三");
  g_clear_pointer (&table, sz_table_free);
  table = parse_as ("\xEF\xBB\xBF姓名\n张三\n", -1, "UTF-8", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sz_table_get_encoding (table), ==, "UTF-8 (BOM)");
  g_assert_cmpstr (sz_table_get_header (table, 0), ==, "姓名");
  g_clear_pointer (&table, sz_table_free);

  /* Bytes that are not the chosen encoding: the message names it and the row */
  table = read_fixture_as ("gbk-wps.csv", "UTF-8", &error);
  g_assert_null (table);
  g_assert_error (error, SZ_TABLE_ERROR, SZ_TABLE_ERROR_ENCODING);
  assert_message (error, "gbk-wps.csv", 1);
  assert_contains (error, "(byte 0) is not UTF-8 text: choose another encoding");
  g_clear_error (&error);
  table = parse_as ("a,b\n\"1\n2\",3\n4,\xD5\n", -1, "UTF-8", &error);
  g_assert_null (table);
  assert_message (error, "roster.csv", 3);
  g_clear_error (&error);
  table = parse_as ("a\0\t\0b\0\n\0c", 9, "UTF-16LE", &error);
  g_assert_null (table);
  g_assert_error (error, SZ_TABLE_ERROR, SZ_TABLE_ERROR_ENCODING);
  assert_message (error, "roster.csv", 2);
  assert_contains (error, "(byte 8) is not UTF-16LE text");
  g_clear_error (&error);

  /* GB18030 chosen for a UTF-8 file: the text says which it is */
  table = parse_as ("姓名,电话\r\n张三,13800001234\r\n李四,13900005678\r\n", -1, "GB18030", &error);
  g_assert_null (table);
  g_assert_error (error, SZ_TABLE_ERROR, SZ_TABLE_ERROR_ENCODING);
  assert_message (error, "roster.csv", 1);
  assert_contains (error, "row 1, column A reads “濮撳悕”, which is “姓名” in UTF-8: this file is UTF-8, not GB18030. Choose UTF-8.");
  g_clear_error (&error);

  /* No such encoding */
  table = parse_as ("a\n1\n", -1, "latin1", &error);
  g_assert_null (table);
  g_assert_error (error, SZ_TABLE_ERROR, SZ_TABLE_ERROR_ENCODING);
  assert_message (error, "roster.csv", 0);
  assert_contains (error, "“latin1” is not an encoding Sanzhang reads: choose one of UTF-8, GB18030, UTF-16LE, UTF-16BE, BIG5.");
}

/* In memory */

static void
test_line_ends (void)
{
  static const char * const inputs[] = {
    "h,i\r\n1,a\r\n2,b", "h,i\r\n1,a\r\n2,b\r\n", "h,i\r\n1,a\r\n2,b\r\n\r\n",
    "h,i\n1,a\n2,b", "h,i\n1,a\n2,b\n", "h,i\n1,a\n2,b\n\n",
    "h,i\r1,a\r2,b", "h,i\r1,a\r2,b\r", "h,i\r1,a\r2,b\r\r",
    "h,i\r\n1,a\r\n2,b,", "h,i\r\n1,a\r\n2,b,\r\n",
  };
  static const guint lines[] = { 2, 3 };
  static const guint mixed_lines[] = { 2, 3, 4 };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SzTable) table = parse (inputs[i], -1, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (sz_table_get_n_columns (table), ==, 2);
      assert_lines (table, lines, G_N_ELEMENTS (lines));
      g_assert_cmpstr (sz_table_get_header (table, 1), ==, "i");
      g_assert_cmpstr (sz_table_get (table, 0, 1), ==, "a");
      g_assert_cmpstr (sz_table_get (table, 1, 1), ==, "b");
      g_assert_cmpuint (sz_table_get_n_fields (table, 1), ==, i < 9 ? 2 : 3);
    }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SzTable) table = parse ("h\r\n1\n2\r3\n", -1, &error);

    g_assert_no_error (error);
    assert_lines (table, mixed_lines, G_N_ELEMENTS (mixed_lines));
    g_assert_cmpstr (sz_table_get (table, 2, 0), ==, "3");
  }
}

static void
test_quotes (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SzTable) table = parse ("h1,h2,h3\n"
                                    "a\"b\"c,\"x\"y,\"\"\n"
                                    "\"\"\"\",x\"y,\"a\"\"\"\n"
                                    "\"a\rb\",\"\",\"end\"\n"
                                    "\"a\"\"\"b\"c,\"\r\n\",\" \"\"q\"\" \"", -1, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (sz_table_get_n_rows (table), ==, 4);
  g_assert_cmpstr (sz_table_get (table, 0, 0), ==, "a\"b\"c");   /* not at the start: literal */
  g_assert_cmpstr (sz_table_get (table, 0, 1), ==, "xy");        /* after the closing quote: kept */
  g_assert_cmpstr (sz_table_get (table, 0, 2), ==, "");
  g_assert_cmpstr (sz_table_get (table, 1, 0), ==, "\"");
  g_assert_cmpstr (sz_table_get (table, 1, 1), ==, "x\"y");
  g_assert_cmpstr (sz_table_get (table, 1, 2), ==, "a\"");
  g_assert_cmpstr (sz_table_get (table, 2, 0), ==, "a\nb");
  g_assert_cmpstr (sz_table_get (table, 2, 2), ==, "end");
  g_assert_cmpuint (sz_table_get_line (table, 2), ==, 4);
  g_assert_cmpstr (sz_table_get (table, 3, 0), ==, "a\"b\"c");
  g_assert_cmpstr (sz_table_get (table, 3, 1), ==, "");
  g_assert_cmpstr (sz_table_get (table, 3, 2), ==, "\"q\"");
  g_assert_cmpuint (sz_table_get_line (table, 3), ==, 5);
  g_clear_pointer (&table, sz_table_free);

  /* Unterminated, opened on row 2 after a multi-line field on row 1 */
  table = parse ("\"a\nb\",c\nx,\"y\n\nz", -1, &error);
  g_assert_null (table);
  g_assert_error (error, SZ_TABLE_ERROR, SZ_TABLE_ERROR_SYNTAX);
  assert_message (error, "roster.csv", 2);
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
    { "名册\r\nA;B\r\n1;2\r\n", ';', "名册", 2 },  /* a title without separators */
    { "\"a\nb\"\r\nA;B\r\n1;2\r\n", ';', "a\nb", 2 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SzTable) table = parse (cases[i].text, -1, &error);

      g_assert_no_error (error);
      g_assert_cmpint (sz_table_get_separator (table), ==, cases[i].sep);
      g_assert_cmpstr (sz_table_get_header (table, 0), ==, cases[i].header0);
      g_assert_cmpuint (sz_table_get_line (table, 0), ==, cases[i].line);
    }
}

static void
test_trim (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SzTable) table = parse (" \xE3\x80\x80姓名\xC2\xA0, 电话 ,备注\t\n"
                                    "\xE3\x80\x80张 三\xE3\x80\x80,'13800001234 ,\"  quoted  \"\n"
                                    "李四,' 138 0000 1234,\" a\nb \"\n", -1, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (sz_table_get_header (table, 0), ==, "姓名");
  g_assert_cmpstr (sz_table_get_header (table, 1), ==, "电话");
  g_assert_cmpstr (sz_table_get_header (table, 2), ==, "备注");
  g_assert_cmpstr (sz_table_get (table, 0, 0), ==, "张 三");
  g_assert_cmpstr (sz_table_get (table, 0, 1), ==, "'13800001234");
  g_assert_cmpstr (sz_table_get (table, 0, 2), ==, "quoted");
  g_assert_cmpstr (sz_table_get (table, 1, 1), ==, "' 138 0000 1234");
  g_assert_cmpstr (sz_table_get (table, 1, 2), ==, "a\nb");
}

static void
test_bom_remnants (void)
{
  static const char * const inputs[] = {
    "\xEF\xBB\xBF\xEF\xBB\xBF姓名,电话\n张三,1\n",   /* saved twice with a BOM */
    "\xC3\xAF\xC2\xBB\xC2\xBF姓名,电话\n张三,1\n",   /* a BOM read as Latin-1 */
    "\xC3\xAF\xC2\xBB\xC2\xBF 姓名,电话\n张三,1\n",
    "\xEF\xBB\xBF\xC3\xAF\xC2\xBB\xC2\xBF\"姓名\",电话\n张三,1\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SzTable) table = parse (inputs[i], -1, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (sz_table_get_header (table, 0), ==, "姓名");
      g_assert_cmpstr (sz_table_get (table, 0, 0), ==, "张三");
    }
}

static void
test_find_column (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SzTable) table = parse ("姓 名,电话*,ＰＨＯＮＥ,身份证号（必填）,Grid Name,*楼栋,"
                                    "备注 (必填) ＊,,*,单元\xE3\x80\x80号\n"
                                    "张三,1,2,3,4,5,6,7,8,9\n", -1, &error);
#define FIND(...) sz_table_find_column (table, (const char * const[]) { __VA_ARGS__, NULL })

  g_assert_no_error (error);
  g_assert_cmpuint (sz_table_get_n_columns (table), ==, 10);
  g_assert_cmpstr (sz_table_get_header (table, 0), ==, "姓 名");   /* shown as written */
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
  g_assert_cmpint (sz_table_find_column (table, (const char * const[]) { NULL }), ==, -1);
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
  g_autoptr(SzTable) table = parse (be, sizeof be - 1, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (sz_table_get_encoding (table), ==, "UTF-16BE");
  g_assert_cmpint (sz_table_get_separator (table), ==, ',');
  g_assert_cmpstr (sz_table_get (table, 0, 1), ==, "d");
  g_clear_pointer (&table, sz_table_free);

  table = parse (surrogate, sizeof surrogate - 1, &error);
  g_assert_error (error, SZ_TABLE_ERROR, SZ_TABLE_ERROR_ENCODING);
  assert_message (error, "roster.csv", 2);
  assert_contains (error, "(byte 12)");
  g_clear_error (&error);

  table = parse (odd, sizeof odd - 1, &error);
  g_assert_error (error, SZ_TABLE_ERROR, SZ_TABLE_ERROR_ENCODING);
  assert_message (error, "roster.csv", 3);
  g_clear_error (&error);

  table = parse (nul, sizeof nul - 1, &error);
  g_assert_error (error, SZ_TABLE_ERROR, SZ_TABLE_ERROR_ENCODING);
  assert_message (error, "roster.csv", 2);
  assert_contains (error, "NUL");
}

/* UTF-16 without a BOM is told from a binary file by its NUL bytes */
static void
test_utf16_guess (void)
{
  static const char le[] = "a\0,\0b\0\n\0c\0,\0d\0";
  static const char be[] = "\0a\0\t\0b\0\r\0\n\0c\0\t\0d";
  static const char cjk[] = "\xD3\x59\x0D\x54\x0D\0\x0A\0\x20\x5F\x09\x4E";   /* 姓名 CRLF 张三, no separator */
  static const char quoted[] = "\"\0a\0\n\0b\0\"\0,\0c\0\n\0" "1\0,\0" "2\0";
  static const char nul[] = "a\0,\0b\0\n\0c\0\0\0,\0d\0";
  static const char odd[] = "a\0,\0b\0\n\0c\0,\0d";
  static const char binary[] = "a\0,\0b\0\n\0\x01\0\x02\0";
  static const char padded[] = "a,b\r\nc,d\r\n\0\0\0\0\0\0";
  g_autoptr(GError) error = NULL;
  g_autoptr(SzTable) table = parse (le, sizeof le - 1, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (sz_table_get_encoding (table), ==, "UTF-16LE");
  g_assert_cmpint (sz_table_get_separator (table), ==, ',');
  g_assert_cmpstr (sz_table_get (table, 0, 1), ==, "d");
  g_clear_pointer (&table, sz_table_free);

  table = parse (be, sizeof be - 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sz_table_get_encoding (table), ==, "UTF-16BE");
  g_assert_cmpint (sz_table_get_separator (table), ==, '\t');
  g_assert_cmpstr (sz_table_get (table, 0, 1), ==, "d");
  g_clear_pointer (&table, sz_table_free);

  table = parse (cjk, sizeof cjk - 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sz_table_get_encoding (table), ==, "UTF-16LE");
  g_assert_cmpstr (sz_table_get_header (table, 0), ==, "姓名");
  g_assert_cmpstr (sz_table_get (table, 0, 0), ==, "张三");
  g_clear_pointer (&table, sz_table_free);

  table = parse (quoted, sizeof quoted - 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sz_table_get_header (table, 0), ==, "a\nb");
  g_assert_cmpstr (sz_table_get (table, 0, 1), ==, "2");
  g_assert_cmpuint (sz_table_get_line (table, 0), ==, 2);
  g_clear_pointer (&table, sz_table_free);

  table = parse (nul, sizeof nul - 1, &error);
  g_assert_null (table);
  g_assert_error (error, SZ_TABLE_ERROR, SZ_TABLE_ERROR_ENCODING);
  assert_message (error, "roster.csv", 2);
  assert_contains (error, "NUL");
  g_clear_error (&error);

  table = parse (odd, sizeof odd - 1, &error);
  g_assert_null (table);
  g_assert_error (error, SZ_TABLE_ERROR, SZ_TABLE_ERROR_ENCODING);
  assert_message (error, "roster.csv", 2);
  assert_contains (error, "(byte 12) is not valid Unicode text");
  g_clear_error (&error);

  /* Control codes, and NULs at both parities: not text at all */
  table = parse (binary, sizeof binary - 1, &error);
  g_assert_null (table);
  assert_message (error, "roster.csv", 1);
  assert_contains (error, "NUL");
  g_clear_error (&error);
  table = parse (padded, sizeof padded - 1, &error);
  g_assert_null (table);
  assert_message (error, "roster.csv", 3);
  assert_contains (error, "NUL");
}
