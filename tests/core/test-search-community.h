/* test-search-community.h: part of test-search.c — a search in one
 * community.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Runs sz_search_in() in @community and describes its hits. */
static char *
search_in (SzDb       *db,
           gint64      community,
           const char *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = sz_search_in (db, community, query, 0, &error);

  g_assert_no_error (error);
  g_assert_nonnull (hits);
  return describe (hits);
}

#define assert_search_in(db, community, query, expected) \
  G_STMT_START { \
    g_autofree char *got_ = search_in ((db), (community), (query)); \
    g_assert_cmpstr (got_, ==, (expected)); \
  } G_STMT_END

/* A search in a community finds its own people, compounds and grids,
 * ranked as a search of every community ranks them, and none of
 * another's, whichever way its entries lie among the others' in the
 * index; one with nobody yet finds nobody; a person added to one is
 * found there at once. */
static void
test_community (Fixture       *f,
                gconstpointer  data)
{
  gint64 other = test_add_community (f->db, "乙社区");
  gint64 empty = test_add_community (f->db, "丙社区");

  /* Names that sort among the fixture's, and the same name in both. */
  test_add_person_in (f->db, other, "王伟", "13700000001", FALSE);
  test_add_person_in (f->db, other, "王五", "13700000002", FALSE);
  test_add_person_in (f->db, other, "张三", "13700005733", FALSE);

  assert_search_in (f->db, f->community, "wangwei", "王伟=E 王伟明=P 张王伟=S");
  assert_search_in (f->db, other, "wangwei", "王伟=E");
  assert_search_in (f->db, other, "ww", "王伟=P 王五=P");
  assert_search_in (f->db, f->community, "ww", "王伟=P 王伟明=P 张王伟=S");
  assert_search (f->db, "wangwei", 0, "王伟=E 王伟=E 王伟明=P 张王伟=S");
  /* Phones: only the community's own. */
  assert_search_in (f->db, f->community, "5733", "程建国=S+tel 孙淑兰=S+tel");
  assert_search_in (f->db, other, "5733", "张三=S+tel");
  /* Places: the fixture's compound is not in the other community. */
  assert_search_in (f->db, other, "丰和", "");
  assert_search_in (f->db, empty, "wang", "");
  assert_search_in (f->db, empty, "5733", "");

  /* The index follows a change. */
  test_add_person_in (f->db, empty, "王伟", "13700009999", FALSE);
  assert_search_in (f->db, empty, "wangwei", "王伟=E");
  assert_search_in (f->db, empty, "9999", "王伟=S+tel");
  assert_search_in (f->db, other, "wangwei", "王伟=E");
}
