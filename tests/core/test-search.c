/* test-search.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "sz-db.h"
#include "sz-demo.h"
#include "sz-person.h"
#include "sz-pinyin.h"
#include "sz-post.h"
#include "sz-roster.h"
#include "sz-search.h"
#include "sz-test-util.h"

/* A small roster on a real SQLite file, built with the public API.  The
 * people are saved out of pinyin order, so that an order in the results
 * comes from the search and not from the ids. */
typedef struct
{
  char   *path;
  SzDb   *db;
  gint64  community;
  gint64  grid1;       /* 丰和第一网格 */
  gint64  grid2;       /* 丰和北区网格 */
  gint64  compound;    /* 丰和林苑 */
  gint64  compound2;   /* 长新小区: 长 read chang, as in places */
  gint64  building;    /* 丰和林苑 2栋 */
  gint64  units[4];    /* its units 1 to 3 (index 0 unused) */
  gint64  shan;        /* 单玉华 */
  gint64  wangwei;     /* 王伟 */
  gint64  baifengshan; /* 白凤山, with a landline as second phone */
} Fixture;

typedef struct
{
  const char *name;
  const char *phone;
  const char *phone2;
} NewPerson;

static const NewPerson people[] = {
  { "张伟", "13911110004", NULL },
  { "王䶮", "13800005933", NULL },
  { "王伟明", "13911110002", NULL },
  { "张王伟", "13911110003", NULL },
  { "王伟", "13911110001", NULL },
  { "单玉华", "13800004728", NULL },
  { "曾宪文", "13800003907", NULL },
  { "吕桂兰", "13800008266", NULL },
  { "卢军", "13800002190", NULL },
  { "阿依古丽·买买提", "13800006280", NULL },
  { "欧阳红梅", "13800004030", NULL },
  { "程建国", "13800005733", NULL },
  { "孙淑兰", "13800005733", NULL },   /* the same phone: an old couple */
  { "刘丹", NULL, NULL },
  { "白凤山", "13800005999", "0431-88886666" },
  { "陈春兰", "13800001620", NULL },
};

static gint64
add_person (SzDb       *db,
            const char *name,
            const char *phone,
            const char *phone2)
{
  g_autoptr(SzPerson) p = test_person_new (db);
  g_autoptr(GError) error = NULL;

  p->name = g_strdup (name);
  p->phone = g_strdup (phone);
  p->phone2 = g_strdup (phone2);
  g_assert_true (sz_person_save (db, p, &error));
  g_assert_no_error (error);
  g_assert_cmpint (p->id, >, 0);
  return p->id;
}

static void
appoint (SzDb    *db,
         SzLevel  level,
         gint64   place,
         gint64   person)
{
  g_autoptr(GError) error = NULL;
  gint64 post = 0;

  g_assert_true (sz_post_appoint (db, level, place, person, "2024-03-15", SZ_CHOSEN_ELECTION, &post, &error));
  g_assert_no_error (error);
  g_assert_cmpint (post, >, 0);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SzCommunity) community = sz_community_new ();
  g_autoptr(SzBuilding) building = sz_building_new ();

  f->db = test_open_db ("search.db", &f->path);

  community->name = g_strdup ("丰和社区");
  community->street_office = g_strdup ("永昌街道");
  g_assert_true (sz_community_save (f->db, community, &error));
  g_assert_no_error (error);
  f->community = community->id;

  f->grid1 = test_add_grid (f->db, f->community, 1, "丰和第一网格", 500);
  f->grid2 = test_add_grid (f->db, f->community, 2, "丰和北区网格", 500);
  f->compound = test_add_compound (f->db, f->community, "丰和林苑");
  f->compound2 = test_add_compound (f->db, f->community, "长新小区");

  building->compound_id = f->compound;
  building->grid_id = f->grid1;
  building->name = g_strdup ("2栋");
  building->floors = 7;
  g_assert_true (sz_building_save (f->db, building, &error));
  g_assert_no_error (error);
  f->building = building->id;

  for (int n = 1; n <= 3; n++)
    {
      g_autoptr(SzUnit) unit = sz_unit_new ();

      unit->building_id = f->building;
      unit->number = n;
      unit->floors = 7;
      unit->households = 14;
      g_assert_true (sz_unit_save (f->db, unit, &error));
      g_assert_no_error (error);
      f->units[n] = unit->id;
    }

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      gint64 id = add_person (f->db, people[i].name, people[i].phone, people[i].phone2);

      if (g_str_equal (people[i].name, "单玉华"))
        f->shan = id;
      else if (g_str_equal (people[i].name, "王伟"))
        f->wangwei = id;
      else if (g_str_equal (people[i].name, "白凤山"))
        f->baifengshan = id;
    }
  appoint (f->db, SZ_LEVEL_GRID, f->grid1, f->wangwei);
  appoint (f->db, SZ_LEVEL_BUILDING, f->building, f->baifengshan);
  appoint (f->db, SZ_LEVEL_UNIT, f->units[1], f->shan);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (f->path, "-shm", NULL);

  g_clear_pointer (&f->db, sz_db_close);
  g_unlink (f->path);
  g_unlink (wal);
  g_unlink (shm);
  g_free (f->path);
}

/* The hits as one line, for readable comparisons: "王伟=E 王伟明=P 张王伟=S";
 * "+tel" marks a hit by phone digits; compounds and grids are prefixed
 * with their kind. */
static char *
describe (GPtrArray *hits)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < hits->len; i++)
    {
      SzSearchHit *hit = hits->pdata[i];

      if (s->len > 0)
        g_string_append_c (s, ' ');
      if (hit->kind == SZ_HIT_COMPOUND)
        g_string_append (s, "compound:");
      else if (hit->kind == SZ_HIT_GRID)
        g_string_append (s, "grid:");
      g_string_append (s, hit->text);
      g_string_append_c (s, '=');
      g_string_append (s, hit->match == SZ_MATCH_EXACT ? "E"
                          : hit->match == SZ_MATCH_PREFIX ? "P"
                          : hit->match == SZ_MATCH_SUBSTRING ? "S" : "?");
      if (hit->by_phone)
        g_string_append (s, "+tel");
    }
  return g_string_free (s, FALSE);
}

/* Runs a search that must succeed and describes its hits. */
static char *
search (SzDb       *db,
        const char *query,
        guint       limit)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = sz_search (db, query, limit, &error);

  g_assert_no_error (error);
  g_assert_nonnull (hits);
  return describe (hits);
}

#define assert_search(db, query, limit, expected) \
  G_STMT_START { \
    g_autofree char *got_ = search ((db), (query), (limit)); \
    g_assert_cmpstr (got_, ==, (expected)); \
  } G_STMT_END

/* Whether @name is among the hits of @query, and how. */
static SzSearchHit *
find_hit (GPtrArray  *hits,
          const char *name)
{
  for (guint i = 0; i < hits->len; i++)
    if (g_str_equal (((SzSearchHit *) hits->pdata[i])->text, name))
      return hits->pdata[i];
  return NULL;
}

static void
test_hanzi (Fixture       *f,
            gconstpointer  data)
{
  /* The middle character of a name. */
  assert_search (f->db, "玉", 0, "单玉华=S");
  assert_search (f->db, "宪", 0, "曾宪文=S");
  /* The whole name, and its first characters. */
  assert_search (f->db, "单玉华", 0, "单玉华=E");
  assert_search (f->db, "单玉", 0, "单玉华=P");
  /* The last two characters of a three-character name. */
  assert_search (f->db, "玉华", 0, "单玉华=S");
  /* An extension-A character (U+4DAE), as in 王䶮. */
  assert_search (f->db, "王䶮", 0, "王䶮=E");
  assert_search (f->db, "䶮", 0, "王䶮=S");
  /* Characters not in that order find nothing. */
  assert_search (f->db, "华玉", 0, "");
}

static void
test_pinyin (Fixture       *f,
             gconstpointer  data)
{
  /* Full pinyin, with or without spaces, in any case. */
  assert_search (f->db, "shanyuhua", 0, "单玉华=E");
  assert_search (f->db, "shan yu hua", 0, "单玉华=E");
  assert_search (f->db, "ShanYuHua", 0, "单玉华=E");
  assert_search (f->db, "wangyan", 0, "王䶮=E");
  /* Initials. */
  assert_search (f->db, "syh", 0, "单玉华=P");
  assert_search (f->db, "SYH", 0, "单玉华=P");
  /* Full-width letters from a Chinese input method. */
  assert_search (f->db, "ｓｙｈ", 0, "单玉华=P");
  assert_search (f->db, "oyhm", 0, "欧阳红梅=P");
  assert_search (f->db, "ouyang", 0, "欧阳红梅=P");
  assert_search (f->db, "ouyanghongmei", 0, "欧阳红梅=E");
  /* Hanzi and pinyin mixed. */
  assert_search (f->db, "张w", 0, "张王伟=P 张伟=P");
  assert_search (f->db, "张wei", 0, "张伟=E");
  assert_search (f->db, "单yh", 0, "单玉华=P");
  assert_search (f->db, "zw", 0, "张王伟=P 张伟=P");
  assert_search (f->db, "xyz", 0, "");
}

static void
test_polyphonic_surname (Fixture       *f,
                         gconstpointer  data)
{
  /* 单 as a surname is shan: its own reading, as lists sort it. */
  assert_search (f->db, "shan", 0, "单玉华=P 白凤山=S");
  /* People who do not know it type dan (or chan): found too, after the
   * hits by a name's own reading of the same quality. */
  assert_search (f->db, "dan", 0, "单玉华=P 刘丹=S");
  assert_search (f->db, "danyuhua", 0, "单玉华=E");
  assert_search (f->db, "chanyuhua", 0, "单玉华=E");
  assert_search (f->db, "dyh", 0, "单玉华=P");
  assert_search (f->db, "syh", 0, "单玉华=P");

  /* 曾 as a surname is zeng; ceng finds it too. */
  assert_search (f->db, "zeng", 0, "曾宪文=P");
  assert_search (f->db, "zengxianwen", 0, "曾宪文=E");
  assert_search (f->db, "zxw", 0, "曾宪文=P");
  assert_search (f->db, "ceng", 0, "曾宪文=P");
  assert_search (f->db, "cengxianwen", 0, "曾宪文=E");
  assert_search (f->db, "cxw", 0, "曾宪文=P");

  /* Only the surname: 刘丹's 丹 has one reading, and the second
   * character of a name keeps its own (刘丹 is not found by "liushan"). */
  assert_search (f->db, "liushan", 0, "");
}

/* The surnames with several readings, each found by every reading people
 * use for it (Unihan's), by its initials and mixed with hanzi. */
static void
test_surname_readings (Fixture       *f,
                       gconstpointer  data)
{
  static const struct { const char *name; const char *readings[4]; } surnames[] = {
    { "盖丽", { "ge", "gai" } },
    { "繁星", { "po", "fan" } },
    { "区志强", { "ou", "qu" } },
    { "仇英", { "qiu", "chou" } },
    { "解放", { "xie", "jie" } },
    { "朴成浩", { "piao", "pu" } },
    { "查良镛", { "zha", "cha" } },
    { "乐嘉", { "yue", "le" } },
    { "种师道", { "chong", "zhong" } },
    { "覃明", { "qin", "tan" } },
    { "尉缭", { "wei", "yu" } },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (surnames); i++)
    add_person (f->db, surnames[i].name, NULL, NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (surnames); i++)
    {
      const char *name = surnames[i].name;
      g_autofree char *rest_key = sz_pinyin_key (g_utf8_next_char (name), FALSE);
      g_autofree char *rest_initials = sz_pinyin_initials (rest_key);
      g_auto(GStrv) rest = g_strsplit (rest_key, " ", -1);
      g_autofree char *rest_joined = g_strjoinv ("", rest);

      for (guint r = 0; surnames[i].readings[r] != NULL; r++)
        {
          const char *reading = surnames[i].readings[r];
          g_autofree char *full = g_strconcat (reading, rest_joined, NULL);
          g_autofree char *initials = g_strdup_printf ("%c%s", reading[0], rest_initials);
          g_autofree char *mixed = g_strconcat (reading, g_utf8_next_char (name), NULL);
          const char *queries[] = { full, initials, mixed, reading };
          const SzMatch expect[] = { SZ_MATCH_EXACT, SZ_MATCH_PREFIX, SZ_MATCH_EXACT, SZ_MATCH_PREFIX };

          for (guint k = 0; k < G_N_ELEMENTS (queries); k++)
            {
              g_autoptr(GError) error = NULL;
              g_autoptr(GPtrArray) hits = sz_search (f->db, queries[k], 0, &error);
              SzSearchHit *hit;

              g_assert_no_error (error);
              hit = find_hit (hits, name);
              if (hit == NULL || hit->match != expect[k])
                g_error ("“%s” should find %s (%s), found: %s", queries[k], name,
                         expect[k] == SZ_MATCH_EXACT ? "exact" : "prefix", describe (hits));
            }
        }
    }

  /* 盖丽 by its initials, whichever g reading was meant. */
  assert_search (f->db, "gl", 0, "盖丽=P 阿依古丽·买买提=S 吕桂兰=S");
  /* Ordinary names keep their rank: 王伟 has one reading. */
  assert_search (f->db, "王伟", 0, "王伟=E 王伟明=P 张王伟=S");
  assert_search (f->db, "wangwei", 0, "王伟=E 王伟明=P 张王伟=S");
}

/* A compound surname with its own reading keeps only that one; one read
 * per character gets the first character's readings. */
static void
test_compound_readings (Fixture       *f,
                        gconstpointer  data)
{
  add_person (f->db, "尉迟恭", NULL, NULL);
  add_person (f->db, "乐正明", NULL, NULL);

  assert_search (f->db, "yuchigong", 0, "尉迟恭=E");
  assert_search (f->db, "weichigong", 0, "");
  assert_search (f->db, "yuezhengming", 0, "乐正明=E");
  assert_search (f->db, "lezhengming", 0, "乐正明=E");
}

/* Queries and names folded alike: look-alike dots, radicals,
 * compatibility ideographs, invisible characters, padding spaces,
 * full-width letters. */
static void
test_folding (Fixture       *f,
              gconstpointer  data)
{
  add_person (f->db, "买买提·艾力", NULL, NULL);
  add_person (f->db, "大伟", NULL, NULL);
  add_person (f->db, "王芳", NULL, NULL);

  assert_search (f->db, "买买提·艾力", 0, "买买提·艾力=E");
  assert_search (f->db, "买买提.艾力", 0, "买买提·艾力=E");
  assert_search (f->db, "买买提・艾力", 0, "买买提·艾力=E");
  assert_search (f->db, "买买提•艾力", 0, "买买提·艾力=E");
  assert_search (f->db, "买买提 。艾力", 0, "买买提·艾力=E");
  assert_search (f->db, "买买提艾力", 0, "买买提·艾力=E");
  assert_search (f->db, "\u2F24伟", 0, "大伟=E");
  assert_search (f->db, "\u2F24", 0, "大伟=P");
  assert_search (f->db, "王\u200B芳", 0, "王芳=E");
  assert_search (f->db, "王  芳", 0, "王芳=E");
  assert_search (f->db, "王\u3000芳", 0, "王芳=E");
  assert_search (f->db, "ｗａｎｇｆａｎｇ", 0, "王芳=E");
  assert_search (f->db, "ＷＦ", 0, "王芳=P");
  assert_search (f->db, "ｍｍｔ·ａｌ", 0, "买买提·艾力=P");
  /* A dot alone, or a look-alike, finds nothing. */
  assert_search (f->db, "・", 0, "");
  assert_search (f->db, "．", 0, "");
  /* Invalid UTF-8 (from the command line): searched as far as it goes,
   * never read past its end. */
  assert_search (f->db, "王\xe8", 0, "王芳=P 王伟=P 王伟明=P 王䶮=P 张王伟=S");
  assert_search (f->db, "\xff", 0, "");
}

/* Names stored before they were normalised (an older version, or another
 * program writing the file) are found by the proper characters, and shown
 * as stored. */
static void
test_old_names (Fixture       *f,
                gconstpointer  data)
{
  static const struct { const char *stored; const char *query; const char *expect; } olds[] = {
    { "买买提・艾力", "买买提·艾力", "买买提・艾力=E" },
    { "买买提・艾力", "mmtal", "买买提・艾力=P" },
    { "\u2F24伟", "大伟", "\u2F24伟=E" },
    { "\u2F24伟", "dawei", "\u2F24伟=E" },
    { "\uF9FA明", "\u72C0明", "\uF9FA明=E" },
    { "王\u200B芳", "王芳", "王\u200B芳=E" },
    { "王  芳", "wangfang", "王  芳=E" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (olds); i++)
    {
      gint64 id = add_person (f->db, "占位", NULL, NULL);
      g_autofree char *key = sz_pinyin_key (olds[i].stored, TRUE);
      g_autofree char *initials = sz_pinyin_initials (key);
      SzStmt *stmt = NULL;

      /* As an older version stored it: the name as typed, its key. */
      stmt = sz_db_prepare (f->db, "UPDATE person SET name = ?1, name_pinyin = ?2, name_initials = ?3"
                                           " WHERE id = ?4", NULL);
      g_assert_nonnull (stmt);
      sz_db_bind_text (stmt, 1, olds[i].stored);
      sz_db_bind_text (stmt, 2, key);
      sz_db_bind_text (stmt, 3, initials);
      sz_stmt_bind_int64 (stmt, 4, id);
      g_assert_cmpint (sz_db_step (f->db, stmt, NULL), ==, SQLITE_DONE);
      sz_stmt_reset (stmt);

      assert_search (f->db, olds[i].query, 0, olds[i].expect);
      g_assert_true (sz_person_delete (f->db, id, NULL));
    }
}

static void
test_umlaut (Fixture       *f,
             gconstpointer  data)
{
  /* 吕 is lü: typed as v, or as u (which also finds 卢 lu). */
  assert_search (f->db, "lv", 0, "吕桂兰=P");
  assert_search (f->db, "lu", 0, "卢军=P 吕桂兰=P");
  assert_search (f->db, "lvguilan", 0, "吕桂兰=E");
  assert_search (f->db, "luguilan", 0, "吕桂兰=E");
  /* ü itself, as some input methods type it. */
  assert_search (f->db, "lü", 0, "吕桂兰=P");
  assert_search (f->db, "lgl", 0, "吕桂兰=P");
  /* v is only ü: "lvjun" is not 卢军. */
  assert_search (f->db, "lvjun", 0, "");
}

static void
test_minority_name (Fixture       *f,
                    gconstpointer  data)
{
  /* The "·" between the given name and the father's name is skipped. */
  assert_search (f->db, "aygl", 0, "阿依古丽·买买提=P");
  assert_search (f->db, "古丽", 0, "阿依古丽·买买提=S");
  assert_search (f->db, "ayigulimaimaiti", 0, "阿依古丽·买买提=E");
  assert_search (f->db, "阿依古丽买买提", 0, "阿依古丽·买买提=E");
  assert_search (f->db, "maimaiti", 0, "阿依古丽·买买提=S");
  assert_search (f->db, "gulimaimaiti", 0, "阿依古丽·买买提=S");
}

static void
test_phone (Fixture       *f,
            gconstpointer  data)
{
  /* The last four digits. */
  assert_search (f->db, "4728", 0, "单玉华=S+tel");
  /* Shared by two people: both, in pinyin order. */
  assert_search (f->db, "5733", 0, "程建国=S+tel 孙淑兰=S+tel");
  assert_search (f->db, "５７３３", 0, "程建国=S+tel 孙淑兰=S+tel");
  /* A run in the middle. */
  assert_search (f->db, "00047", 0, "单玉华=S+tel");
  assert_search (f->db, "800004", 0, "欧阳红梅=S+tel 单玉华=S+tel");
  /* The whole number, however typed. */
  assert_search (f->db, "13800004728", 0, "单玉华=E+tel");
  assert_search (f->db, "138 0000 4728", 0, "单玉华=E+tel");
  assert_search (f->db, "138-0000-4728", 0, "单玉华=E+tel");
  assert_search (f->db, "+86 138 0000 4728", 0, "单玉华=E+tel");
  assert_search (f->db, "0086 13800004728", 0, "单玉华=E+tel");
  /* Its start. */
  assert_search (f->db, "1391111", 0, "王伟=P+tel 王伟明=P+tel 张王伟=P+tel 张伟=P+tel");
  /* Three digits are enough. */
  assert_search (f->db, "933", 0, "王䶮=S+tel");
  /* The second phone, a landline, by its digits. */
  assert_search (f->db, "8888", 0, "白凤山=S+tel");
  assert_search (f->db, "0431-8888", 0, "白凤山=P+tel");
  assert_search (f->db, "043188886666", 0, "白凤山=E+tel");
  /* Two digits find nothing by phone. */
  assert_search (f->db, "47", 0, "");
  assert_search (f->db, "13", 0, "");
  /* Nobody has these digits. */
  assert_search (f->db, "99999", 0, "");
}

static void
test_ranking (Fixture       *f,
              gconstpointer  data)
{
  /* Exact, then prefix, then substring. */
  assert_search (f->db, "王伟", 0, "王伟=E 王伟明=P 张王伟=S");
  assert_search (f->db, "wangwei", 0, "王伟=E 王伟明=P 张王伟=S");
  /* Ties in pinyin order, whatever order they were saved in or their
   * kind: wang wei < wang wei ming < wang yan; feng he bei qu wang ge <
   * feng he di yi wang ge < zhang wang wei; zhang wang wei < zhang wei. */
  assert_search (f->db, "wang", 0, "王伟=P 王伟明=P 王䶮=P grid:丰和北区网格=S grid:丰和第一网格=S 张王伟=S");
  assert_search (f->db, "zhang", 0, "张王伟=P 张伟=P");
  assert_search (f->db, "伟", 0, "王伟=S 王伟明=S 张王伟=S 张伟=S");
}

static void
test_limit (Fixture       *f,
            gconstpointer  data)
{
  assert_search (f->db, "wang", 0, "王伟=P 王伟明=P 王䶮=P grid:丰和北区网格=S grid:丰和第一网格=S 张王伟=S");
  assert_search (f->db, "wang", 1, "王伟=P");
  assert_search (f->db, "wang", 2, "王伟=P 王伟明=P");
  assert_search (f->db, "wang", 4, "王伟=P 王伟明=P 王䶮=P grid:丰和北区网格=S");
  assert_search (f->db, "wang", 100, "王伟=P 王伟明=P 王䶮=P grid:丰和北区网格=S grid:丰和第一网格=S 张王伟=S");
  /* The limit keeps the best, not the first found. */
  assert_search (f->db, "王伟", 1, "王伟=E");
}

static void
test_blank (Fixture       *f,
            gconstpointer  data)
{
  const char *blanks[] = { "", " ", "   ", "\t\n", "\u3000", "-", "·" };

  for (guint i = 0; i < G_N_ELEMENTS (blanks); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) hits = sz_search (f->db, blanks[i], 0, &error);

      g_assert_no_error (error);
      g_assert_nonnull (hits);
      g_assert_cmpuint (hits->len, ==, 0);
    }
}

static void
test_places (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *got = NULL;

  assert_search (f->db, "林苑", 0, "compound:丰和林苑=S");
  assert_search (f->db, "丰和林苑", 0, "compound:丰和林苑=E");
  assert_search (f->db, "fhly", 0, "compound:丰和林苑=P");
  /* 长 in a place name reads chang. */
  assert_search (f->db, "changxin", 0, "compound:长新小区=P");
  assert_search (f->db, "xiaoqu", 0, "compound:长新小区=S");
  assert_search (f->db, "丰和第一网格", 0, "grid:丰和第一网格=E");
  assert_search (f->db, "北区", 0, "grid:丰和北区网格=S");
  assert_search (f->db, "wangge", 0, "grid:丰和北区网格=S grid:丰和第一网格=S");

  /* Grids and compounds together, each with its own id. */
  hits = sz_search (f->db, "丰和", 0, &error);
  g_assert_no_error (error);
  got = describe (hits);
  if (hits->len != 3)
    g_error ("丰和 should find 2 grids and a compound, found: %s", got);
  for (guint i = 0; i < hits->len; i++)
    {
      SzSearchHit *hit = hits->pdata[i];

      g_assert_cmpint (hit->match, ==, SZ_MATCH_PREFIX);
      g_assert_false (hit->by_phone);
      if (g_str_equal (hit->text, "丰和林苑"))
        {
          g_assert_cmpint (hit->kind, ==, SZ_HIT_COMPOUND);
          g_assert_cmpint (hit->id, ==, f->compound);
        }
      else if (g_str_equal (hit->text, "丰和第一网格"))
        {
          g_assert_cmpint (hit->kind, ==, SZ_HIT_GRID);
          g_assert_cmpint (hit->id, ==, f->grid1);
        }
      else
        {
          g_assert_cmpstr (hit->text, ==, "丰和北区网格");
          g_assert_cmpint (hit->kind, ==, SZ_HIT_GRID);
          g_assert_cmpint (hit->id, ==, f->grid2);
        }
    }
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* People's hits carry their ids. */
  hits = sz_search (f->db, "单玉华", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpint (((SzSearchHit *) hits->pdata[0])->kind, ==, SZ_HIT_PERSON);
  g_assert_cmpint (((SzSearchHit *) hits->pdata[0])->id, ==, f->shan);

  /* The community itself is not a hit. */
  assert_search (f->db, "社区", 0, "");
}

static void
test_changes (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(SzPerson) p = sz_person_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SzCompound) c = NULL;

  p->community_id = f->community;

  g_assert_true (sz_search_prepare (f->db, &error));
  g_assert_no_error (error);
  assert_search (f->db, "李新来", 0, "");
  assert_search (f->db, "2222", 0, "");

  /* A new person is found by the next search. */
  p->name = g_strdup ("李新来");
  p->phone = g_strdup ("13822223333");
  g_assert_true (sz_person_save (f->db, p, &error));
  g_assert_no_error (error);
  assert_search (f->db, "李新来", 0, "李新来=E");
  assert_search (f->db, "lixinlai", 0, "李新来=E");
  assert_search (f->db, "2222", 0, "李新来=S+tel");

  /* Renamed: the old name is gone, the new one found. */
  g_free (p->name);
  p->name = g_strdup ("李旧去");
  g_assert_true (sz_person_save (f->db, p, &error));
  g_assert_no_error (error);
  assert_search (f->db, "李新来", 0, "");
  assert_search (f->db, "lixinlai", 0, "");
  assert_search (f->db, "李旧去", 0, "李旧去=E");
  assert_search (f->db, "lijiuqu", 0, "李旧去=E");

  /* A new phone: the old digits are gone. */
  g_free (p->phone);
  p->phone = g_strdup ("13844445555");
  g_assert_true (sz_person_save (f->db, p, &error));
  g_assert_no_error (error);
  assert_search (f->db, "2222", 0, "");
  assert_search (f->db, "4444", 0, "李旧去=S+tel");

  /* Deleted: gone. */
  g_assert_true (sz_person_delete (f->db, p->id, &error));
  g_assert_no_error (error);
  assert_search (f->db, "李旧去", 0, "");
  assert_search (f->db, "4444", 0, "");

  /* A renamed compound. */
  c = sz_compound_get (f->db, f->compound2, &error);
  g_assert_no_error (error);
  g_free (c->name);
  c->name = g_strdup ("长新花园");
  g_assert_true (sz_compound_save (f->db, c, &error));
  g_assert_no_error (error);
  assert_search (f->db, "小区", 0, "");
  assert_search (f->db, "花园", 0, "compound:长新花园=S");

  /* A failed save (rolled back) leaves the index as it was. */
  {
    g_autoptr(SzPerson) bad = test_person_new (f->db);

    bad->name = g_strdup ("错号码");
    bad->phone = g_strdup ("12");
    g_assert_false (sz_person_save (f->db, bad, &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
    assert_search (f->db, "错号码", 0, "");
  }
}

/* A search inside a transaction that is then rolled back: what it saw
 * of the transaction must not stay in the index. */
static void
rolled_back_search (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sz_db_begin (f->db, &error));
  g_assert_no_error (error);
  add_person (f->db, "钱多多", "13866667777", NULL);
  {
    /* Within the transaction it may or may not be seen… */
    g_autofree char *seen = search (f->db, "钱多多", 0);
    g_test_message ("inside the transaction: “%s”", seen);
  }
  g_assert_false (sz_db_end (f->db, FALSE, &error));
  g_assert_no_error (error);

  /* …but once rolled back, it is gone. */
  assert_search (f->db, "钱多多", 0, "");
  assert_search (f->db, "6666777", 0, "");
  assert_search (f->db, "单玉华", 0, "单玉华=E");
}

static void
test_rollback (Fixture       *f,
               gconstpointer  data)
{
  /* Nothing cached yet: the index is first loaded inside the transaction. */
  rolled_back_search (f);

  /* Cached, then a change committed, then a search inside a transaction
   * that is rolled back: the index is reloaded inside it. */
  add_person (f->db, "李新来", NULL, NULL);
  assert_search (f->db, "李新来", 0, "李新来=E");
  add_person (f->db, "李旧去", NULL, NULL);
  rolled_back_search (f);
  assert_search (f->db, "李旧去", 0, "李旧去=E");
}

/* Another connection (another window, or the CLI while the app runs)
 * changes the file: the index notices. */
static void
test_other_connection (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SzDb *other;

  assert_search (f->db, "钱多多", 0, "");

  other = sz_db_open (f->path, SZ_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (other);
  add_person (other, "钱多多", "13866667777", NULL);
  sz_db_close (other);

  /* A server tells of another connection's commit by a notification that
   * reaches this one a moment later (a file's data_version moves at
   * once): within two seconds. */
  for (guint waited = 0; test_engine_is_pg () && waited < 2000; waited += 20)
    {
      g_autofree char *got = search (f->db, "钱多多", 0);

      if (g_str_equal (got, "钱多多=E"))
        break;
      g_usleep (20 * 1000);
    }
  assert_search (f->db, "钱多多", 0, "钱多多=E");
  assert_search (f->db, "6666777", 0, "钱多多=S+tel");
}

#include "test-search-community.h"
#include "test-search-lists.h"

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  setlocale (LC_MESSAGES, "C");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/core/search/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("hanzi", test_hanzi);
  ADD ("pinyin", test_pinyin);
  ADD ("polyphonic-surname", test_polyphonic_surname);
  ADD ("surname-readings", test_surname_readings);
  ADD ("compound-readings", test_compound_readings);
  ADD ("folding", test_folding);
  ADD ("old-names", test_old_names);
  ADD ("umlaut", test_umlaut);
  ADD ("minority-name", test_minority_name);
  ADD ("phone", test_phone);
  ADD ("ranking", test_ranking);
  ADD ("limit", test_limit);
  ADD ("blank", test_blank);
  ADD ("places", test_places);
  ADD ("changes", test_changes);
  ADD ("other-connection", test_other_connection);
  ADD ("list-order", test_list_order);
  ADD ("community", test_community);
  g_test_add_func ("/core/search/demo", test_demo);
  ADD ("rollback", test_rollback);
  ADD ("list-surnames", test_list_surnames);
  ADD ("list-places", test_list_places);
#undef ADD

  return g_test_run ();
}
