/* test-text.c: how texts are measured and placed (sz-text.c): the direct
 * HarfBuzz path for one-line Han texts against pango's.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "sz-fonts.h"
#include "sz-person.h"
#include "sz-text.h"
#include "sz-board-test-util.h"

/* One-line Han texts are shaped by HarfBuzz directly (sz-text.c): every
 * name of the demo, common and rare given names, compound surnames and
 * look-alikes give the same glyphs, positions, sizes and extents as
 * through pango, in boxes wide enough and too narrow; texts of another
 * script or with a character from another font still go through pango. */
static void
test_direct_agrees (void)
{
  static const char *const names[] = {
    "王伟", "欧阳娜娜", "上官婉儿", "司马光", "单田芳", "曾国藩", "朴槿惠", "张堃", "李喆", "王玥",
    "刘昇", "陈燊", "杨犇", "黄淼", "赵鑫", "吴晔", "周婧", "徐琰", "孙𬌗", "马丽", "朱芾", "胡乔木",
    "郭靖", "何炅", "林峯", "高晓松", "罗玉凤", "郑爽", "梁朝伟", "谢霆锋", "宋祖儿", "唐嫣",
    "崔永元", "钟南山", "谭咏麟", "陆毅", "汪峰", "范冰冰", "金庸", "龚琳娜", "邵逸夫", "万里",
    "乾隆", "丨", "〇", "㐀", "龘", "﨑", "栁", "户口", "綦", "亓官", "丶",
  };
  static const char *const via_pango[] = { "Anna", "阿依古丽·买买提", "李𡒄", "王伟 ", "123" };
  g_autoptr(GError) error = NULL;
  g_autoptr(SzFonts) fonts = sz_fonts_new (&error);
  g_autoptr(SzText) direct = NULL;
  g_autoptr(SzText) pango = NULL;
  g_autofree char *path = NULL;
  gint64 community = 0;
  SzDb *db = test_open_demo ("direct.db", &path, &community);
  g_autoptr(GPtrArray) people = sz_person_list (db, &error);
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  const double widths[] = { 400, 60, 18 };
  SzTextStyle style = { .size = 24 };
  guint compared = 0;

  g_assert_no_error (error);
  direct = sz_text_new (fonts);
  pango = sz_text_new (fonts);
  sz_text_set_direct (pango, FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_ptr_array_add (texts, (gpointer) names[i]);
  for (guint i = 0; i < people->len; i++)
    g_ptr_array_add (texts, ((SzPerson *) g_ptr_array_index (people, i))->name);
  g_assert_cmpuint (people->len, >, 100);

  for (guint t = 0; t < texts->len; t++)
    for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
      {
        const char *str = g_ptr_array_index (texts, t);
        SzBox box = { 10, 20, widths[w], 30 };
        g_autoptr(SzPage) a = sz_page_new (200, 200);
        g_autoptr(SzPage) b = sz_page_new (200, 200);

        g_assert_cmpfloat (sz_text_draw (direct, a, str, &box, &style), ==, sz_text_draw (pango, b, str, &box, &style));
        g_assert_cmpfloat (sz_text_measure (direct, str, 17), ==, sz_text_measure (pango, str, 17));
        g_assert_cmpuint (a->items->len, ==, b->items->len);
        for (guint i = 0; i < a->items->len; i++)
          {
            const SzTextItem *x = &((SzItem *) g_ptr_array_index (a->items, i))->text;
            const SzTextItem *y = &((SzItem *) g_ptr_array_index (b->items, i))->text;

            if (x->n_glyphs != y->n_glyphs || x->width != y->width || x->x != y->x || x->y != y->y)
              g_test_message ("“%s”: %u glyphs, width %g, at %g,%g; pango: %u, %g, %g,%g", str,
                              x->n_glyphs, x->width, x->x, x->y, y->n_glyphs, y->width, y->x, y->y);
            g_assert_true (x->font == y->font);
            g_assert_cmpstr (x->utf8, ==, y->utf8);
            g_assert_cmpfloat (x->size, ==, y->size);
            g_assert_cmpfloat (x->x, ==, y->x);
            g_assert_cmpfloat (x->y, ==, y->y);
            g_assert_cmpfloat (x->width, ==, y->width);
            g_assert_cmpfloat (x->ascent, ==, y->ascent);
            g_assert_cmpfloat (x->descent, ==, y->descent);
            g_assert_cmpuint (x->n_glyphs, ==, y->n_glyphs);
            for (guint g = 0; g < x->n_glyphs; g++)
              {
                g_assert_cmpuint (x->glyphs[g].glyph, ==, y->glyphs[g].glyph);
                g_assert_cmpfloat (x->glyphs[g].x, ==, y->glyphs[g].x);
                g_assert_cmpuint (x->glyphs[g].cluster, ==, y->glyphs[g].cluster);
              }
            compared++;
          }
      }
  /* Nearly every name went the direct way; none through pango's. */
  g_test_message ("%u runs compared, %u texts shaped directly", compared, sz_text_get_n_direct (direct));
  g_assert_cmpuint (sz_text_get_n_direct (direct), >, texts->len * 9 / 10);
  g_assert_cmpuint (sz_text_get_n_direct (pango), ==, 0);
  {
    guint before = sz_text_get_n_direct (direct);

    for (guint i = 0; i < G_N_ELEMENTS (via_pango); i++)
      sz_text_measure (direct, via_pango[i], 12);
    g_assert_cmpuint (sz_text_get_n_direct (direct), ==, before);
  }
  sz_db_close (db);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/text/direct-agrees", test_direct_agrees);

  return g_test_run ();
}
