/* test-pinyin.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "sz-pinyin.h"

typedef struct
{
  const char *text;
  gboolean person_name;
  const char *key;
} KeyCase;

static const KeyCase key_cases[] = {
  { "", FALSE, "" },
  { "张伟", TRUE, "zhang wei" },
  { "王芳", FALSE, "wang fang" },
  /* Polyphonic surnames: the surname reading only for person names. */
  { "单田芳", TRUE, "shan tian fang" },
  { "单田芳", FALSE, "dan tian fang" },
  { "曾国藩", TRUE, "zeng guo fan" },
  { "曾国藩", FALSE, "ceng guo fan" },
  { "朴槿惠", TRUE, "piao jin hui" },
  { "朴槿惠", FALSE, "pu jin hui" },
  { "解缙", TRUE, "xie jin" },
  { "仇英", TRUE, "qiu ying" },
  { "区志", TRUE, "ou zhi" },
  { "覃明", TRUE, "qin ming" },
  { "缪明", TRUE, "miao ming" },
  { "尉缭", TRUE, "wei liao" },
  /* Only the surname position gets the surname reading. */
  { "王单", TRUE, "wang dan" },
  /* Compound surnames. */
  { "欧阳修", TRUE, "ou yang xiu" },
  { "司马光", TRUE, "si ma guang" },
  { "诸葛亮", TRUE, "zhu ge liang" },
  { "尉迟恭", TRUE, "yu chi gong" },
  { "尉迟恭", FALSE, "wei chi gong" },
  { "万俟卨", TRUE, "mo qi xie" },
  { "长孙无忌", TRUE, "zhang sun wu ji" },
  { "单于明", TRUE, "chan yu ming" },
  { "澹台灭明", TRUE, "tan tai mie ming" },
  { "令狐冲", TRUE, "ling hu chong" },
  /* ü is written v. */
  { "吕布", TRUE, "lv bu" },
  { "女", FALSE, "nv" },
  { "律师", FALSE, "lv shi" },
  { "闾丘明", TRUE, "lv qiu ming" },
  /* Minority names keep their separator as a token. */
  { "阿依古丽·买买提", TRUE, "a yi gu li · mai mai ti" },
  { "热依拉•托乎提", TRUE, "re yi la • tuo hu ti" },
  /* Latin, digits, full width, spaces (dropped). */
  { "5号楼", FALSE, "5 hao lou" },
  { "A座", FALSE, "a zuo" },
  { "Tom", TRUE, "t o m" },
  { "ＡＢ３栋", FALSE, "a b 3 dong" },
  { "张 伟", TRUE, "zhang wei" },
  { "单\u3000田芳", TRUE, "shan tian fang" },
  { "1-2", FALSE, "1 - 2" },
  { "（单田芳）", TRUE, "（ shan tian fang ）" },
  /* Common readings for places. */
  { "长安路", FALSE, "chang an lu" },
  { "成都", FALSE, "cheng du" },
  /* Extension A is read by ICU; Extension B 𠮷 is not and stays. */
  { "㐀", FALSE, "qiu" },
  { "𠮷野家", FALSE, "𠮷 ye jia" },
  { "𠮷", TRUE, "𠮷" },
  { "人々", FALSE, "ren 々" },
};

static void
test_key (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (key_cases); i++)
    {
      const KeyCase *kc = &key_cases[i];
      g_autofree char *key = sz_pinyin_key (kc->text, kc->person_name);

      g_test_message ("key (%s, %d)", kc->text, kc->person_name);
      g_assert_cmpstr (key, ==, kc->key);
    }
}

static void
test_key_tokens (void)
{
  /* One token per non-space character, whatever the character. */
  static const char *texts[] = {
    "张伟", "𠮷𡒄㐀䶵", "阿依古丽·买买提", "5号楼A座", "（张伟）", "é😀x",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *key = sz_pinyin_key (texts[i], FALSE);
      g_auto (GStrv) tokens = g_strsplit (key, " ", -1);

      g_assert_cmpint (g_strv_length (tokens), ==, g_utf8_strlen (texts[i], -1));
      for (guint j = 0; tokens[j] != NULL; j++)
        g_assert_cmpint (strlen (tokens[j]), >, 0);
    }
}

static void
test_initials (void)
{
  static const struct { const char *key; const char *initials; } cases[] = {
    { "zhang wei", "zw" },
    { "a yi gu li · mai mai ti", "ayglmmt" },
    { "5 hao lou", "5hl" },
    { "𠮷 ye jia", "yj" },
    { "lv bu", "lb" },
    { "", "" },
    { "·", "" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *initials = sz_pinyin_initials (cases[i].key);

      g_assert_cmpstr (initials, ==, cases[i].initials);
    }
}

static int
collate_func (gconstpointer a,
              gconstpointer b)
{
  return sz_pinyin_collate (*(const char * const *) a, *(const char * const *) b);
}

static void
test_collate (void)
{
  const char *names[] = {
    "赵六", "张伟", "李四", "阿里", "陈明", "王五",
    "高峰", "白云", "张三", "丁一", "李娜", "陈晨",
  };
  static const char *sorted[] = {
    "阿里", "白云", "陈晨", "陈明", "丁一", "高峰",
    "李娜", "李四", "王五", "张三", "张伟", "赵六",
  };

  qsort (names, G_N_ELEMENTS (names), sizeof names[0], collate_func);
  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_cmpstr (names[i], ==, sorted[i]);

  g_assert_cmpint (sz_pinyin_collate ("阿", "白"), <, 0);
  g_assert_cmpint (sz_pinyin_collate ("白", "陈"), <, 0);
  g_assert_cmpint (sz_pinyin_collate ("陈", "张"), <, 0);
  g_assert_cmpint (sz_pinyin_collate ("张", "赵"), <, 0);
  g_assert_cmpint (sz_pinyin_collate ("赵", "阿"), >, 0);
  g_assert_cmpint (sz_pinyin_collate ("张伟", "张伟"), ==, 0);
}

typedef struct
{
  const char *text;
  gboolean person_name;
  const char *query;
  SzMatch expected;
} MatchCase;

static const MatchCase match_cases[] = {
  { "张伟", TRUE, "张伟", SZ_MATCH_EXACT },
  { "张伟", TRUE, "zhangwei", SZ_MATCH_EXACT },
  { "张伟", TRUE, "ZhangWei", SZ_MATCH_EXACT },
  { "张伟", TRUE, "zhang wei", SZ_MATCH_EXACT },
  { "张伟", TRUE, "张wei", SZ_MATCH_EXACT },
  { "张伟", TRUE, "zhang伟", SZ_MATCH_EXACT },
  { "张伟", TRUE, "zw", SZ_MATCH_PREFIX },
  { "张伟", TRUE, "zhangw", SZ_MATCH_PREFIX },
  { "张伟", TRUE, "张w", SZ_MATCH_PREFIX },
  { "张伟", TRUE, "zhw", SZ_MATCH_PREFIX },
  { "张伟", TRUE, "zhangwe", SZ_MATCH_PREFIX },
  { "张伟", TRUE, "zhang", SZ_MATCH_PREFIX },
  { "张伟", TRUE, "张", SZ_MATCH_PREFIX },
  { "张伟", TRUE, "ｚｗ", SZ_MATCH_PREFIX },
  { "张伟", TRUE, "wei", SZ_MATCH_SUBSTRING },
  { "张伟", TRUE, "伟", SZ_MATCH_SUBSTRING },
  { "张伟", TRUE, "w", SZ_MATCH_SUBSTRING },
  { "张伟", TRUE, "ang", SZ_MATCH_NONE },
  { "张伟", TRUE, "hang", SZ_MATCH_NONE },
  { "张伟", TRUE, "zhangweii", SZ_MATCH_NONE },
  { "张伟", TRUE, "wz", SZ_MATCH_NONE },
  { "张伟", TRUE, "伟张", SZ_MATCH_NONE },
  { "张伟", TRUE, "王", SZ_MATCH_NONE },
  { "张伟", TRUE, "", SZ_MATCH_NONE },
  { "张伟", TRUE, "   ", SZ_MATCH_NONE },
  { "张伟", TRUE, "·-", SZ_MATCH_NONE },
  /* Spaces in the text are ignored. */
  { "张 伟", TRUE, "zw", SZ_MATCH_PREFIX },
  { "张 伟", TRUE, "张伟", SZ_MATCH_EXACT },
  /* Backtracking over syllable boundaries. */
  { "西安", FALSE, "xian", SZ_MATCH_EXACT },
  { "先", FALSE, "xian", SZ_MATCH_EXACT },
  { "西安", FALSE, "xia", SZ_MATCH_PREFIX },
  { "西安", FALSE, "xa", SZ_MATCH_PREFIX },
  { "西安", FALSE, "an", SZ_MATCH_SUBSTRING },
  { "长安路", FALSE, "chal", SZ_MATCH_PREFIX },
  { "长安路", FALSE, "changanlu", SZ_MATCH_EXACT },
  { "李安", TRUE, "lian", SZ_MATCH_EXACT },
  { "连", FALSE, "lian", SZ_MATCH_EXACT },
  { "连", FALSE, "lia", SZ_MATCH_PREFIX },
  /* ü: "u" finds "v", "v" does not find "u". */
  { "吕布", TRUE, "lvbu", SZ_MATCH_EXACT },
  { "吕布", TRUE, "lubu", SZ_MATCH_EXACT },
  { "吕布", TRUE, "lb", SZ_MATCH_PREFIX },
  { "卢布", TRUE, "lubu", SZ_MATCH_EXACT },
  { "卢布", TRUE, "lvbu", SZ_MATCH_NONE },
  /* Minority names: the separator is transparent. */
  { "阿依古丽·买买提", TRUE, "liMai", SZ_MATCH_SUBSTRING },
  { "阿依古丽·买买提", TRUE, "aygl mmt", SZ_MATCH_PREFIX },
  { "阿依古丽·买买提", TRUE, "古丽买", SZ_MATCH_SUBSTRING },
  { "阿依古丽·买买提", TRUE, "阿依古丽买买提", SZ_MATCH_EXACT },
  { "阿依古丽·买买提", TRUE, "ayiguli·maimaiti", SZ_MATCH_EXACT },
  { "阿依古丽·买买提", TRUE, "mmt", SZ_MATCH_SUBSTRING },
  { "阿依古丽·买买提", TRUE, "lim", SZ_MATCH_SUBSTRING },
  { "阿依古丽·买买提", TRUE, "imai", SZ_MATCH_NONE },
  { "（张伟）", TRUE, "张伟", SZ_MATCH_EXACT },
  { "（张伟）", TRUE, "zw", SZ_MATCH_PREFIX },
  /* Digits and Latin letters match literally. */
  { "5号楼", FALSE, "5hl", SZ_MATCH_PREFIX },
  { "5号楼", FALSE, "5haolou", SZ_MATCH_EXACT },
  { "5号楼", FALSE, "5号", SZ_MATCH_PREFIX },
  { "5号楼", FALSE, "hl", SZ_MATCH_SUBSTRING },
  { "5号楼", FALSE, "6hl", SZ_MATCH_NONE },
  { "A座", FALSE, "a座", SZ_MATCH_EXACT },
  { "A座", FALSE, "azuo", SZ_MATCH_EXACT },
  { "A座", FALSE, "az", SZ_MATCH_PREFIX },
  { "ＡＢ３栋", FALSE, "ab3", SZ_MATCH_PREFIX },
  { "ＡＢ３栋", FALSE, "Ｂ３ｄｏｎｇ", SZ_MATCH_SUBSTRING },
  /* Polyphonic and compound surnames. */
  { "单田芳", TRUE, "stf", SZ_MATCH_PREFIX },
  { "单田芳", TRUE, "dtf", SZ_MATCH_NONE },
  { "单田芳", FALSE, "dtf", SZ_MATCH_PREFIX },
  { "欧阳修", TRUE, "oyx", SZ_MATCH_PREFIX },
  { "欧阳修", TRUE, "yangxiu", SZ_MATCH_SUBSTRING },
  { "尉迟恭", TRUE, "yuchigong", SZ_MATCH_EXACT },
  /* Characters without a reading match only as themselves. */
  { "𠮷野家", FALSE, "𠮷yejia", SZ_MATCH_EXACT },
  { "𠮷野家", FALSE, "𠮷yj", SZ_MATCH_PREFIX },
  { "𠮷野家", FALSE, "yj", SZ_MATCH_SUBSTRING },
};

static void
test_match (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (match_cases); i++)
    {
      const MatchCase *mc = &match_cases[i];
      g_autofree char *key = sz_pinyin_key (mc->text, mc->person_name);

      g_test_message ("match (%s [%s], %s)", mc->text, key, mc->query);
      g_assert_cmpint (sz_pinyin_match (mc->text, key, mc->query), ==, mc->expected);
    }
}

static void
test_match_long (void)
{
  g_autoptr (GString) text = g_string_new (NULL);
  g_autoptr (GString) query = g_string_new (NULL);
  g_autofree char *key = NULL;
  gint64 start;
  double elapsed;

  /* Adversarial: every token can take one more 'a'. */
  for (int i = 0; i < 30; i++)
    g_string_append (text, "阿");
  key = sz_pinyin_key (text->str, FALSE);

  start = g_get_monotonic_time ();
  g_assert_cmpint (sz_pinyin_match (text->str, key,
                                    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
                   ==, SZ_MATCH_NONE);
  g_assert_cmpint (sz_pinyin_match (text->str, key,
                                    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"), ==, SZ_MATCH_EXACT);
  g_assert_cmpint (sz_pinyin_match (text->str, key,
                                    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaab"), ==, SZ_MATCH_NONE);
  elapsed = (g_get_monotonic_time () - start) / 1e6;
  g_test_message ("adversarial queries: %.6f s", elapsed);
  g_assert_cmpfloat (elapsed, <, 0.5);

  /* Past the stack buffers: a 70-character text and query. */
  g_string_truncate (text, 0);
  g_clear_pointer (&key, g_free);
  for (int i = 0; i < 35; i++)
    {
      g_string_append (text, "张伟");
      g_string_append (query, i == 34 ? "zhangwei" : "zhangw");
    }
  key = sz_pinyin_key (text->str, TRUE);
  g_assert_cmpint (sz_pinyin_match (text->str, key, query->str), ==, SZ_MATCH_PREFIX);
  g_string_append (query, "x");
  g_assert_cmpint (sz_pinyin_match (text->str, key, query->str), ==, SZ_MATCH_NONE);
}

static void
test_invalid_utf8 (void)
{
  const char *bad = "张\xe4\xbc";
  g_autofree char *key = sz_pinyin_key (bad, TRUE);

  g_assert_true (g_utf8_validate (key, -1, NULL));
  /* The U+FFFD tokens are symbols, so transparent. */
  g_assert_cmpint (sz_pinyin_match (bad, key, "zhang"), ==, SZ_MATCH_EXACT);
  g_assert_cmpint (sz_pinyin_match (bad, key, "zh"), ==, SZ_MATCH_PREFIX);
  g_assert_cmpint (sz_pinyin_match ("张伟", "zhang wei", "\xe5"), ==, SZ_MATCH_NONE);
}

static gpointer
key_thread (gpointer data)
{
  guint failures = 0;

  for (guint r = 0; r < 200; r++)
    for (gsize i = 0; i < G_N_ELEMENTS (key_cases); i++)
      {
        g_autofree char *key = sz_pinyin_key (key_cases[i].text, key_cases[i].person_name);

        failures += g_strcmp0 (key, key_cases[i].key) != 0;
      }
  return GUINT_TO_POINTER (failures);
}

static void
test_threads (void)
{
  GThread *threads[4];

  /* The caches start cold in this process only if this test runs alone;
   * either way all threads must agree with the table. */
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("pinyin", key_thread, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_assert_cmpuint (GPOINTER_TO_UINT (g_thread_join (threads[i])), ==, 0);
}

static void
test_speed (void)
{
  static const char *surnames[] = {
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周",
  };
  static const char *given[] = {
    "伟", "芳", "娜", "敏", "静", "丽", "磊", "军", "洋", "勇",
    "艳", "杰", "涛", "明", "超", "平", "刚", "桂", "英", "华",
  };
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *keys = g_ptr_array_new_with_free_func (g_free);
  const guint rounds = 50;
  guint hits = 0;
  gint64 start;
  double secs;

  for (gsize i = 0; i < G_N_ELEMENTS (surnames); i++)
    for (gsize j = 0; j < G_N_ELEMENTS (given); j++)
      for (gsize k = 0; k < G_N_ELEMENTS (given); k++)
        g_ptr_array_add (names, g_strconcat (surnames[i], given[j], given[k], NULL));

  /* Warm the caches, then time. */
  for (guint i = 0; i < names->len; i++)
    g_free (sz_pinyin_key (names->pdata[i], TRUE));

  start = g_get_monotonic_time ();
  for (guint r = 0; r < rounds; r++)
    for (guint i = 0; i < names->len; i++)
      {
        char *key = sz_pinyin_key (names->pdata[i], TRUE);

        if (r == 0)
          g_ptr_array_add (keys, key);
        else
          g_free (key);
      }
  secs = (g_get_monotonic_time () - start) / 1e6;
  g_test_message ("sz_pinyin_key: %.0f names/s", rounds * names->len / secs);

  /* Three tokens for each of the three-character names. */
  for (guint i = 0; i < keys->len; i++)
    {
      guint spaces = 0;

      for (const char *p = keys->pdata[i]; *p != '\0'; p++)
        spaces += *p == ' ';
      g_assert_cmpuint (spaces, ==, 2);
    }

  start = g_get_monotonic_time ();
  for (guint r = 0; r < rounds * 5; r++)
    for (guint i = 0; i < names->len; i++)
      hits += sz_pinyin_match (names->pdata[i], keys->pdata[i], "zx") != SZ_MATCH_NONE;
  secs = (g_get_monotonic_time () - start) / 1e6;
  g_test_message ("sz_pinyin_match: %.0f calls/s", rounds * 5 * names->len / secs);
  g_assert_cmpuint (hits, ==, 0);

  g_ptr_array_unref (keys);
  g_ptr_array_unref (names);
}

/* Every reading of the surname, from Unihan, the key's own first. */
static void
test_search_key (void)
{
  static const struct { const char *name; const char *search_key; } cases[] = {
    { "盖丽", "ge|gai li" },
    { "繁星", "po|fan xing" },
    { "区志强", "ou|qu zhi qiang" },
    { "仇英", "qiu|chou ying" },
    { "单玉华", "shan|dan|chan yu hua" },
    { "解放", "xie|jie fang" },
    { "朴槿惠", "piao|pu|po jin hui" },
    { "查良镛", "zha|cha liang yong" },
    { "曾宪文", "zeng|ceng xian wen" },
    { "乐嘉", "yue|le jia" },
    { "种师道", "chong|zhong shi dao" },
    { "沈从文", "shen|chen cong wen" },
    /* Before the surname, brackets: still the surname. */
    { "（单田芳）", "（ shan|dan|chan tian fang ）" },
    /* Compounds: one read per character gets its first character's
     * readings, one with its own reading only that. */
    { "乐正明", "yue|le zheng ming" },
    { "尉迟恭", NULL },
    { "单于明", NULL },
    { "长孙无忌", NULL },
    /* One reading: nothing to add.  Modern dictionaries only: 王 is not
     * also yu (a classical reading of Hanyu Da Zidian). */
    { "王伟", NULL },
    { "张伟", NULL },
    { "李明", NULL },
    { "赵云", NULL },
    /* Only the surname: 王单 keeps 单 as dan. */
    { "王单", NULL },
    { "Tom", NULL },
    { "𠮷野", NULL },
    { "", NULL },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *key = sz_pinyin_key (cases[i].name, TRUE);
      g_autofree char *search_key = sz_pinyin_search_key (cases[i].name, key);

      g_test_message ("search key (%s)", cases[i].name);
      g_assert_cmpstr (search_key, ==, cases[i].search_key);
    }
}

/* A token's readings in the matcher. */
static void
test_match_readings (void)
{
  static const struct { const char *text; const char *key; const char *query; SzMatch expected; } cases[] = {
    { "盖丽", "ge|gai li", "geli", SZ_MATCH_EXACT },
    { "盖丽", "ge|gai li", "gaili", SZ_MATCH_EXACT },
    { "盖丽", "ge|gai li", "gl", SZ_MATCH_PREFIX },
    { "盖丽", "ge|gai li", "gai", SZ_MATCH_PREFIX },
    { "盖丽", "ge|gai li", "ga", SZ_MATCH_PREFIX },
    { "盖丽", "ge|gai li", "gail", SZ_MATCH_PREFIX },
    { "盖丽", "ge|gai li", "gai丽", SZ_MATCH_EXACT },
    { "盖丽", "ge|gai li", "盖li", SZ_MATCH_EXACT },
    { "盖丽", "ge|gai li", "li", SZ_MATCH_SUBSTRING },
    /* Not a mix of two readings, nor a reading cut and another's end. */
    { "盖丽", "ge|gai li", "geai", SZ_MATCH_NONE },
    { "盖丽", "ge|gai li", "gaii", SZ_MATCH_NONE },
    { "单玉华", "shan|dan|chan yu hua", "chanyh", SZ_MATCH_PREFIX },
    { "单玉华", "shan|dan|chan yu hua", "dyh", SZ_MATCH_PREFIX },
    { "单玉华", "shan|dan|chan yu hua", "danyuhua", SZ_MATCH_EXACT },
    { "单玉华", "shan|dan|chan yu hua", "yuhua", SZ_MATCH_SUBSTRING },
    { "单玉华", "shan|dan|chan yu hua", "hanyuhua", SZ_MATCH_NONE },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("match (%s, %s, %s)", cases[i].text, cases[i].key, cases[i].query);
      g_assert_cmpint (sz_pinyin_match (cases[i].text, cases[i].key, cases[i].query), ==, cases[i].expected);
    }
}

int
main (int   argc,
      char *argv[])
{
  /* Print the UTF-8 test inputs readably where the locale allows it. */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/pinyin/key", test_key);
  g_test_add_func ("/core/pinyin/key-tokens", test_key_tokens);
  g_test_add_func ("/core/pinyin/initials", test_initials);
  g_test_add_func ("/core/pinyin/collate", test_collate);
  g_test_add_func ("/core/pinyin/match", test_match);
  g_test_add_func ("/core/pinyin/match-long", test_match_long);
  g_test_add_func ("/core/pinyin/search-key", test_search_key);
  g_test_add_func ("/core/pinyin/match-readings", test_match_readings);
  g_test_add_func ("/core/pinyin/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/core/pinyin/threads", test_threads);
  g_test_add_func ("/core/pinyin/speed", test_speed);

  return g_test_run ();
}
