/* test-search-lists.h: part of test-search.c — the people and places
 * lists' order, and the demo searched name by name.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

static void
test_list_order (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = sz_person_list (f->db, &error);
  g_autoptr(GString) got = g_string_new (NULL);
  const char *some[] = { "张伟", "程建国", "阿依古丽·买买提", "吕桂兰", "陈春兰", "白凤山", "卢军" };

  g_assert_no_error (error);
  g_assert_nonnull (list);
  g_assert_cmpuint (list->len, ==, G_N_ELEMENTS (people));

  /* Pinyin order: 阿 a, 白 bai, 陈 chen, 程 cheng, 卢 lu, 吕 lü, 张 zhang. */
  for (guint i = 0; i < list->len; i++)
    {
      const char *name = ((SzPerson *) list->pdata[i])->name;

      for (guint j = 0; j < G_N_ELEMENTS (some); j++)
        if (g_str_equal (name, some[j]))
          g_string_append_printf (got, "%s%s", got->len ? " " : "", name);
    }
  g_assert_cmpstr (got->str, ==, "阿依古丽·买买提 白凤山 陈春兰 程建国 卢军 吕桂兰 张伟");
  g_assert_cmpstr (((SzPerson *) list->pdata[0])->name, ==, "阿依古丽·买买提");
  g_assert_cmpstr (((SzPerson *) list->pdata[list->len - 1])->name, ==, "张伟");

  /* And the whole list follows the stored pinyin keys, surnames read as
   * surnames, as search ranks them. */
  for (guint i = 1; i < list->len; i++)
    {
      const SzPerson *a = list->pdata[i - 1];
      const SzPerson *b = list->pdata[i];

      if (strcmp (a->name_pinyin, b->name_pinyin) > 0)
        g_error ("sz_person_list: %s (%s) is listed before %s (%s)", a->name, a->name_pinyin, b->name, b->name_pinyin);
    }
}

/* Lists read a surname as a surname, as search does: staff look for
 * 曾宪文 under Z (zeng, not ceng) and 单玉华 under S (shan, not dan). */
static void
test_list_surnames (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = sz_person_list (f->db, &error);
  g_autoptr(GString) got = g_string_new (NULL);
  const char *some[] = { "张伟", "曾宪文", "孙淑兰", "单玉华", "欧阳红梅", "陈春兰" };

  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    {
      const char *name = ((SzPerson *) list->pdata[i])->name;

      for (guint j = 0; j < G_N_ELEMENTS (some); j++)
        if (g_str_equal (name, some[j]))
          g_string_append_printf (got, "%s%s", got->len ? " " : "", name);
    }
  /* chen < ou yang < shan < sun < zeng < zhang */
  g_assert_cmpstr (got->str, ==, "陈春兰 欧阳红梅 单玉华 孙淑兰 曾宪文 张伟");
}

/* Places read 长 as chang (长新小区, 长春), as their search key does. */
static void
test_list_places (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = sz_compound_list (f->db, f->community, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  /* chang xin < feng he */
  g_assert_cmpstr (((SzCompound *) list->pdata[0])->name, ==, "长新小区");
  g_assert_cmpstr (((SzCompound *) list->pdata[1])->name, ==, "丰和林苑");
}

/* The fictional demo community, loaded into an empty database. */
static void
test_demo (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  SzDb *db;
  gint64 community = 0;

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  path = g_build_filename (g_get_user_data_dir (), "demo.db", NULL);
  db = sz_db_open (path, SZ_DB_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (sz_demo_load (db, &community, &error));
  g_assert_no_error (error);
  g_assert_cmpint (community, >, 0);

  assert_search (db, "5733", 0, "程建国=S+tel 孙淑兰=S+tel");
  assert_search (db, "单", 0, "单玉华=P");
  assert_search (db, "shan", 1, "单玉华=P");
  assert_search (db, "zeng", 0, "曾宪文=P");
  assert_search (db, "lv", 0, "吕桂兰=P");
  assert_search (db, "aygl", 0, "阿依古丽·买买提=P");
  assert_search (db, "古丽", 0, "阿依古丽·买买提=S");
  assert_search (db, "ouyang", 0, "欧阳红梅=P");
  assert_search (db, "王䶮", 0, "王䶮=E");
  assert_search (db, "wangyan", 0, "王䶮=E");
  assert_search (db, "57", 0, "");
  assert_search (db, "林苑", 0, "compound:丰和林苑=S");

  /* "dan" finds 刘晓丹, and 单玉华 by the other reading of 单. */
  hits = sz_search (db, "dan", 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (find_hit (hits, "刘晓丹"));
  {
    SzSearchHit *shan = find_hit (hits, "单玉华");

    if (shan == NULL)
      g_error ("“dan” should find 单玉华");
    g_assert_cmpint (shan->match, ==, SZ_MATCH_PREFIX);
  }
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* "zhw": the demo has nobody whose name runs zh… w…. */
  assert_search (db, "zhw", 0, "");

  /* Everyone is findable by the whole name, exact and first. */
  {
    g_autoptr(GPtrArray) list = sz_person_list (db, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (list->len, >, 100);
    for (guint i = 0; i < list->len; i++)
      {
        SzPerson *p = list->pdata[i];

        hits = sz_search (db, p->name, 1, &error);
        g_assert_no_error (error);
        g_assert_cmpuint (hits->len, ==, 1);
        g_assert_cmpstr (((SzSearchHit *) hits->pdata[0])->text, ==, p->name);
        g_assert_cmpint (((SzSearchHit *) hits->pdata[0])->match, ==, SZ_MATCH_EXACT);
        g_clear_pointer (&hits, g_ptr_array_unref);
      }
  }

  sz_db_close (db);
}
