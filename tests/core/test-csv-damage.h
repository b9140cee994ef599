/* test-csv-damage.h: damaged and wrong-encoding files and cells, and names that only look damaged
 * Included by test-csv.c.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

static void
test_damaged_files (void)
{
  static const struct { const char *file; const char *where; } cases[] = {
    { "damaged-fffd.csv", "row 1, column A (“\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD”) holds damaged text" },
    { "damaged-kunjinkao.csv", "row 1, column A (“锟斤拷锟斤拷”) holds damaged text" },
    { "damaged-utf8-as-gbk.csv", "row 1, column A reads “缃戞牸”, which was “网格” before" },
    { "damaged-utf8-as-gbk-saved-gbk.csv", "row 1, column A reads “缃戞牸”, which was “网格” before" },
    { "damaged-gbk-as-latin1.csv", "row 1, column A reads “Íø¸ñ”, which was “网格” before" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SzTable) table = read_fixture (cases[i].file, &error);

      g_assert_null (table);
      assert_damaged (error, cases[i].file, 1, cases[i].where);
    }
}

/* UTF-8 text read as GBK, with '?' for a pair GBK has not, as Excel and
 * WPS read it on Chinese Windows. */
static char *
garble_utf8_as_gbk (const char *text)
{
  GIConv cd = g_iconv_open ("UTF-8", "GB18030");
  GString *s = g_string_new (NULL);
  const guchar *p = (const guchar *) text;

  g_assert_true (cd != (GIConv) -1);
  while (*p != '\0')
    {
      g_autofree char *pair = NULL;

      if (*p < 0x80)
        {
          g_string_append_c (s, *p++);
          continue;
        }
      if (p[1] >= 0x40 && p[1] != 0x7F && p[1] != 0xFF && *p != 0x80)
        pair = g_convert_with_iconv ((const char *) p, 2, cd, NULL, NULL, NULL);
      g_string_append (s, pair != NULL ? pair : "?");
      p += pair != NULL ? 2 : 1;
    }
  g_iconv_close (cd);
  return g_string_free (s, FALSE);
}

static void
test_damaged_cells (void)
{
  g_autoptr(GString) wide = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SzTable) table = NULL;
  g_autofree char *garbled = NULL;

  /* U+FFFD in a name of row 4 */
  table = parse ("姓名,电话\r\n张三,13800001234\r\n,13900005678\r\n\xE3\x80\x80李\xEF\xBF\xBD\xEF\xBF\xBD,1\r\n", -1, &error);
  g_assert_null (table);
  assert_damaged (error, "roster.csv", 4, "row 4, column A (“李\xEF\xBF\xBD\xEF\xBF\xBD”)");
  g_clear_error (&error);

  /* 锟斤拷 in column AA, quoted by its first 20 characters */
  for (guint i = 0; i < 26; i++)
    g_string_append_printf (wide, "列%u,", i);
  g_string_append (wide, "备注\n");
  for (guint i = 0; i < 26; i++)
    g_string_append (wide, ",");
  g_string_append (wide, "\"住在3栋锟斤拷锟斤拷，\n电话是13800001234的那位老党员\"\n");
  table = parse (wide->str, -1, &error);
  g_assert_null (table);
  assert_damaged (error, "roster.csv", 2, "row 2, column AA (“住在3栋锟斤拷锟斤拷， 电话是13800…”)");
  g_clear_error (&error);

  /* UTF-8 read as GBK: one cell alone is not enough; a second is */
  garbled = garble_utf8_as_gbk ("姓名,电话\n张三,13800001234\n李四,13900005678\n");
  g_assert_cmpstr (garbled, ==, "濮撳悕,鐢佃瘽\n寮犱笁,13800001234\n鏉庡洓,13900005678\n");
  table = parse (garbled, -1, &error);
  g_assert_null (table);
  assert_damaged (error, "roster.csv", 1, "row 1, column A reads “濮撳悕”, which was “姓名” before");
  g_clear_error (&error);
  table = parse ("姓名,电话\n寮犱笁,13800001234\n", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sz_table_get (table, 0, 0), ==, "寮犱笁");
  g_clear_pointer (&table, sz_table_free);

  /* Names of an odd number of bytes, as Excel read them: a byte it could
   * not pair became '?' (as make-fixtures.py garbles them) */
  table = parse ("涓板拰绗?涓?缃戞牸,涓板拰鏋楄嫅,瀛欏┓濠?\n"
                 "涓板拰绗?涓?缃戞牸,涓板拰鏋楄嫅,寮犱笁\n", -1, &error);
  g_assert_null (table);
  assert_damaged (error, "roster.csv", 1, "row 1, column A reads “涓板拰绗?涓?缃戞牸”, which was “丰和??网格” before");
  g_clear_error (&error);

  /* GBK read as Latin-1 */
  table = parse ("姓名,备注\r\nÕÅÈý,ÀÏµ³Ô±\r\n", -1, &error);
  g_assert_null (table);
  assert_damaged (error, "roster.csv", 2, "row 2, column A reads “ÕÅÈý”, which was “张三” before");
  g_clear_error (&error);
}

/* Text that looks odd but is no damage, and a single cell that looks
 * garbled */
static void
test_not_damaged (void)
{
  static const char * const cells[] = {
    "烫烫烫烫", "屯屯屯屯",          /* uninitialised memory, not a round trip */
    "王锟", "张锟斤", "锟斤", "?",
    "José Müller", "Zoë Ångström", "Åsa Ödegård", "Ñúñez", "Øystein Bæreiñ", "ÕÅ", "àéèêëîïôöùû",
    "阿依古丽·买买提", "\xEF\xBB\xBF", "“引号”", "①②③",
  };
  static const char * const once[] = { "ÀÉÈÊ", "濮撳悕", "寮犱笁 13800001234" };

  for (guint i = 0; i < G_N_ELEMENTS (cells) + G_N_ELEMENTS (once); i++)
    {
      gboolean twice = i < G_N_ELEMENTS (cells);
      const char *cell = twice ? cells[i] : once[i - G_N_ELEMENTS (cells)];
      g_autoptr(GError) error = NULL;
      g_autofree char *text = g_strdup_printf ("姓名,备注\n%s,%s\n", cell, twice ? cell : "x");
      g_autoptr(SzTable) table = parse (text, -1, &error);

      g_test_message ("%s", cell);
      g_assert_no_error (error);
      g_assert_nonnull (table);
    }
}

/* Every name and place of the demo, a few thousand real Chinese words (the
 * app's own translation) and 690,000 names of common surnames and given
 * names, the rare name characters among them, in one file: none is
 * damaged.  The same read as GBK and saved again are. */
static void
add_cell (GString    *csv,
          const char *text,
          gsize       len)
{
  g_string_append_c (csv, '"');
  for (gsize i = 0; i < len; i++)
    {
      if (text[i] == '"')
        g_string_append_c (csv, '"');
      g_string_append_c (csv, text[i]);
    }
  g_string_append (csv, "\"\n");
}

static void
test_genuine_names (void)
{
  static const char surnames[] =
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏"
    "魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵"
    "万钱严覃武戴莫孔向汤岑濮甯宓阎佘靳琚禤";
  /* With the characters most like what a round trip makes: rare ones of
   * GB2312's second level and GBK's extensions, popular in names. */
  static const char given[] =
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志文淑珍丹凤浩宇轩子涵梓欣怡"
    "一诺若汐瀚岚宸娅妤涓骞姗玥喆堃昇燊珺琤赟祎犇淼鑫垚晞昕翊翀睿彧琦璇瑾婧";
  g_autofree char *demo_path = g_test_build_filename (G_TEST_DIST, "..", "resources", "demo", "demo-community.ini", NULL);
  g_autofree char *po_path = g_test_build_filename (G_TEST_DIST, "..", "po", "zh_CN.po", NULL);
  g_autofree char *demo = NULL;
  g_autofree char *po = NULL;
  g_autofree char *garbled = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) csv = g_string_new ("姓名\n");
  g_autoptr(GString) words = g_string_new ("名称\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(SzTable) table = NULL;
  guint n_words = 0, n_garbled = 0;
  glong n_surnames = g_utf8_strlen (surnames, -1), n_given = g_utf8_strlen (given, -1);

  /* The demo's names and places, and the translation's words */
  g_assert_true (g_file_get_contents (demo_path, &demo, NULL, NULL));
  lines = g_strsplit (demo, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *eq = strchr (lines[i], '=');

      if (lines[i][0] != '#' && eq != NULL && eq[1] != '\0')
        add_cell (words, eq + 1, strlen (eq + 1)), n_words++;
    }
  if (g_file_get_contents (po_path, &po, NULL, NULL))
    for (const char *p = po; (p = strstr (p, "\nmsgstr \"")) != NULL; )
      {
        const char *end;

        p += strlen ("\nmsgstr \"");
        for (end = p; *end != '\0' && *end != '\n' && !(end[0] == '"' && end[-1] != '\\'); end++)
          ;
        if (end > p)
          add_cell (words, p, end - p), n_words++;
      }
  g_test_message ("%u words and places", n_words);
  g_assert_cmpuint (n_words, >, 300);
  table = parse (words->str, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sz_table_get_n_rows (table), >, 300);
  g_clear_pointer (&table, sz_table_free);

  /* Garbled, the same are refused */
  garbled = garble_utf8_as_gbk (words->str);
  table = parse (garbled, -1, &error);
  g_assert_null (table);
  g_assert_error (error, SZ_TABLE_ERROR, SZ_TABLE_ERROR_DAMAGED);
  g_clear_error (&error);

  /* Names: a row for each surname and given name, its two-character
   * name and its three-character names */
  for (const char *s = surnames; *s != '\0'; s = g_utf8_next_char (s))
    for (const char *g1 = given; *g1 != '\0'; g1 = g_utf8_next_char (g1))
      {
        gsize ls = g_utf8_next_char (s) - s, l1 = g_utf8_next_char (g1) - g1;

        g_string_append_len (csv, s, ls);
        g_string_append_len (csv, g1, l1);
        for (const char *g2 = given; *g2 != '\0'; g2 = g_utf8_next_char (g2))
          {
            g_string_append_c (csv, ',');
            g_string_append_len (csv, s, ls);
            g_string_append_len (csv, g1, l1);
            g_string_append_len (csv, g2, g_utf8_next_char (g2) - g2);
          }
        g_string_append_c (csv, '\n');
      }
  table = parse (csv->str, csv->len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sz_table_get_n_rows (table), ==, n_surnames * n_given);
  g_assert_cmpuint (sz_table_get_n_columns (table), ==, n_given + 1);
  g_test_message ("%ld names", n_surnames * n_given * (n_given + 1));
  g_clear_pointer (&table, sz_table_free);

  /* And each of the names of the first 40 rows, garbled, under a garbled
   * header: the file is refused for the name's row when the name is
   * garbled too (a single cell that looks garbled is let through) */
  g_clear_pointer (&lines, g_strfreev);
  lines = g_strsplit_set (csv->str, ",\n", 40 * (n_given + 1) + 2);
  for (guint i = 1; i < 40 * (n_given + 1) + 1; i++)
    {
      g_autofree char *one = g_strdup_printf ("姓名\n%s\n", lines[i]);
      g_autofree char *bad = garble_utf8_as_gbk (one);
      g_autoptr(SzTable) t = parse (bad, -1, &error);

      g_assert_true (t == NULL || sz_table_get_n_rows (t) == 1);
      n_garbled += t == NULL && g_error_matches (error, SZ_TABLE_ERROR, SZ_TABLE_ERROR_DAMAGED)
                   && strstr (error->message, "row 1, column A reads “濮撳悕”") != NULL;
      g_clear_error (&error);
    }
  g_test_message ("%u of %ld names garbled alone are refused", n_garbled, 40 * (n_given + 1));
  g_assert_cmpuint (n_garbled, >, 40 * (n_given + 1) * 2 / 3);
}

/* Errors from fixtures */

static void
test_unterminated_quote (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SzTable) table = read_fixture ("unterminated-quote.csv", &error);

  g_assert_null (table);
  g_assert_error (error, SZ_TABLE_ERROR, SZ_TABLE_ERROR_SYNTAX);
  assert_message (error, "unterminated-quote.csv", 3);
}

static void
test_bad_bytes (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SzTable) table = read_fixture ("bad-bytes.csv", &error);

  g_assert_null (table);
  g_assert_error (error, SZ_TABLE_ERROR, SZ_TABLE_ERROR_ENCODING);
  assert_message (error, "bad-bytes.csv", 4);
  assert_contains (error, "neither UTF-8 nor GBK");
  assert_contains (error, "(byte 49)");

  /* Chosen, the message names the encoding */
  g_clear_error (&error);
  table = read_fixture_as ("bad-bytes.csv", "GB18030", &error);
  g_assert_null (table);
  g_assert_error (error, SZ_TABLE_ERROR, SZ_TABLE_ERROR_ENCODING);
  assert_message (error, "bad-bytes.csv", 4);
  assert_contains (error, "(byte 49) is not GB18030 text");
}

/* GBK cut off in the middle of a character on row 3 */
static void
test_bad_bytes_truncated (void)
{
  static const char text[] = "\xD0\xD5\xC3\xFB,a\r\n\xD5\xC5,b\r\n\xC0\xEE,\xCB";
  g_autoptr(GError) error = NULL;
  g_autoptr(SzTable) table = parse (text, sizeof text - 1, &error);

  g_assert_null (table);
  g_assert_error (error, SZ_TABLE_ERROR, SZ_TABLE_ERROR_ENCODING);
  assert_message (error, "roster.csv", 3);
  assert_contains (error, "(byte 17)");

  /* The same, whole, is read */
  g_clear_error (&error);
  table = parse (text, sizeof text - 1 - 2, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sz_table_get_encoding (table), ==, "GB18030");
  g_assert_cmpstr (sz_table_get_header (table, 0), ==, "姓名");
  g_assert_cmpstr (sz_table_get (table, 0, 0), ==, "张");
  g_assert_cmpstr (sz_table_get (table, 1, 0), ==, "李");
}

/* UTF-8 with a bad byte on row 5: read as GB18030 it fails sooner (on
 * row 2, at "明,"), so the message must name row 5.  Rows, not lines: a
 * quoted line break above does not count. */
static void
test_bad_bytes_utf8 (void)
{
  static const char text[] = "姓名,电话\n王小明,\"1380000\n1234\"\n李四,1\n赵六,2\n孙\xff七,3\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(SzTable) table = parse (text, -1, &error);

  g_assert_null (table);
  g_assert_error (error, SZ_TABLE_ERROR, SZ_TABLE_ERROR_ENCODING);
  assert_message (error, "roster.csv", 5);

  /* After a BOM, the same: UTF-8 only. */
  g_clear_error (&error);
  table = parse ("\xEF\xBB\xBF" "a,b\n1,2\n3,\xC3(\n", -1, &error);
  g_assert_null (table);
  g_assert_error (error, SZ_TABLE_ERROR, SZ_TABLE_ERROR_ENCODING);
  assert_message (error, "roster.csv", 3);
  assert_contains (error, "(byte 13) is not valid Unicode text");
}
