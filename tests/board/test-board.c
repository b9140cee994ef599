/* test-board.c: board content, layout, fonts and stale boards.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "sz-board.h"
#include "sz-export.h"
#include "sz-fonts.h"
#include "sz-layout.h"
#include "sz-person.h"
#include "sz-phone.h"
#include "sz-post.h"
#include "sz-qr.h"
#include "sz-text.h"
#include "sz-wechat.h"
#include "sz-board-test-util.h"

typedef struct
{
  char          *path;
  SzDb          *db;
  gint64         community;
  SzFonts       *fonts;
  SzText        *text;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->db = test_open_demo ("board.db", &f->path, &f->community);
  f->fonts = sz_fonts_new (&error);
  g_assert_no_error (error);
  f->text = sz_text_new (f->fonts);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  sz_text_free (f->text);
  sz_fonts_free (f->fonts);
  sz_db_close (f->db);
  g_free (f->path);
}

static SzBoardSource *
source_new (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  SzBoardSource *source = sz_board_source_new (f->db, f->community, &error);

  g_assert_no_error (error);
  return source;
}

static SzPage *
lay_out (Fixture *f, SzBoardSource *source, SzBoardKind kind, gint64 id, const char *paper,
         gboolean landscape, SzBoardStyle style)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SzBoard) board = sz_board_source_build (source, kind, id, &error);
  SzLayoutOptions o = { .style = style, .printed_on = "2026-11-25" };
  SzPage *page;

  g_assert_no_error (error);
  g_assert_true (sz_paper_parse (paper, landscape, &o.paper, &error));
  page = sz_layout_board (f->text, board, &o, &error);
  g_assert_no_error (error);
  return page;
}

/* Every kind of board, on every paper and style: nothing leaves its box,
 * nothing overlaps, the page has the paper's size. */
static void
test_layout_boxes (Fixture *f, gconstpointer data)
{
  g_autoptr(SzBoardSource) source = source_new (f);
  const char *papers[] = { "A4", "A3", "600x800mm" };

  for (SzBoardKind kind = 0; kind < SZ_N_BOARD_KINDS; kind++)
    {
      g_autoptr(GArray) refs = sz_board_source_select (source, sz_board_source_get_tree (source), 1u << kind);

      g_assert_cmpuint (refs->len, >, 0);
      for (guint p = 0; p < G_N_ELEMENTS (papers); p++)
        for (int landscape = 0; landscape < 2; landscape++)
          for (SzBoardStyle style = 0; style < SZ_N_STYLES; style++)
            for (guint i = 0; i < MIN (refs->len, 3); i++)
              {
                SzBoardRef *ref = &g_array_index (refs, SzBoardRef, i * (refs->len / 3 + 1) % refs->len);
                g_autoptr(SzPage) page = lay_out (f, source, ref->kind, ref->place_id, papers[p], landscape, style);

                test_check_page_boxes (page);
                g_assert_true (landscape ? page->width > page->height : page->width < page->height);
              }
    }
}

static void
test_paper (void)
{
  g_autoptr(GError) error = NULL;
  SzPaper p;

  g_assert_true (sz_paper_parse ("a4", FALSE, &p, &error));
  g_assert_cmpfloat_with_epsilon (p.width, 210 * 72 / 25.4, 0.01);
  g_assert_cmpfloat_with_epsilon (p.height, 297 * 72 / 25.4, 0.01);
  g_assert_true (sz_paper_parse ("A3", TRUE, &p, &error));
  g_assert_cmpfloat_with_epsilon (p.width, 420 * 72 / 25.4, 0.01);
  g_assert_true (sz_paper_parse ("600×800 mm", FALSE, &p, &error));
  g_assert_cmpfloat_with_epsilon (p.width, 600 * 72 / 25.4, 0.01);
  g_assert_cmpfloat_with_epsilon (p.height, 800 * 72 / 25.4, 0.01);
  g_assert_true (sz_paper_parse ("600x800mm", TRUE, &p, &error));
  g_assert_cmpfloat_with_epsilon (p.width, 800 * 72 / 25.4, 0.01);

  const char *bad[] = { "", "B5", "600x", "x800mm", "0x800mm", "-600x800mm", "10x10mm", "9000x800mm", "600x800cm", "nanxnanmm" };
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_clear_error (&error);
      g_assert_false (sz_paper_parse (bad[i], FALSE, &p, &error));
      g_assert_error (error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_INVALID);
      /* The message repeats what was typed. */
      {
        g_autofree char *typed = g_strstrip (g_strdup (bad[i]));
        g_assert_nonnull (strstr (error->message, typed));
      }
    }
}

static gint64
unit_head (Fixture *f, SzBoardSource *source, gint64 *unit_id)
{
  g_autoptr(GArray) refs = sz_board_source_select (source, sz_board_source_get_tree (source), 1u << SZ_BOARD_UNIT);

  for (guint i = 0; i < refs->len; i++)
    {
      SzTreeNode *n = sz_board_source_find (source, SZ_NODE_UNIT, g_array_index (refs, SzBoardRef, i).place_id);

      if (n->head_person_id != 0)
        {
          *unit_id = n->id;
          return n->head_person_id;
        }
    }
  g_assert_not_reached ();
}

/* A head without recorded consent gets the office's number, marked; a
 * head with consent gets theirs. */
static void
test_consent (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SzBoardSource) source = source_new (f);
  gint64 unit_id = 0;
  gint64 person_id = unit_head (f, source, &unit_id);
  g_autoptr(SzPerson) p = sz_person_get (f->db, person_id, &error);
  g_autofree char *own = NULL;
  g_autofree char *office = NULL;

  g_assert_no_error (error);
  own = sz_phone_format (p->phone);
  {
    g_autoptr(SzCommunity) c = sz_community_get (f->db, f->community, &error);
    office = sz_phone_format (c->office_phone);
  }

  for (int consent = 1; consent >= 0; consent--)
    {
      g_autoptr(SzBoardSource) s = NULL;
      g_autoptr(SzPage) page = NULL;
      g_autofree char *all = NULL;

      p->phone_consent = consent;
      g_clear_pointer (&p->consent_date, g_free);
      p->consent_date = consent ? g_strdup ("2026-01-05") : NULL;
      g_assert_true (sz_person_save (f->db, p, &error));
      g_assert_no_error (error);
      s = source_new (f);
      page = lay_out (f, s, SZ_BOARD_UNIT, unit_id, "A4", FALSE, SZ_STYLE_RED);
      all = test_page_text (page);
      if (consent)
        g_assert_nonnull (strstr (all, own));
      else
        {
          g_assert_null (strstr (all, own));
          g_assert_nonnull (strstr (all, office));
        }
    }
}

/* Long names, long places, a vacancy: they shrink, never overflow, and
 * nothing is broken across lines. */
static void
test_long_names (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SzBoardSource) source = source_new (f);
  gint64 unit_id = 0;
  gint64 person_id = unit_head (f, source, &unit_id);
  g_autoptr(SzPerson) p = sz_person_get (f->db, person_id, &error);
  g_autoptr(SzUnit) unit = sz_unit_get (f->db, unit_id, &error);
  g_autoptr(SzBuilding) building = sz_building_get (f->db, unit->building_id, &error);
  g_autoptr(SzCompound) compound = sz_compound_get (f->db, building->compound_id, &error);
  const char *name = "阿依古丽·买买提·艾合买提江";

  g_free (p->name);
  p->name = g_strdup (name);
  g_assert_true (sz_person_save (f->db, p, &error));
  g_free (compound->name);
  compound->name = g_strdup ("长春市朝阳区永昌街道丰和社区翠湖名苑二期东区");
  g_assert_true (sz_compound_save (f->db, compound, &error));
  g_assert_no_error (error);

  for (SzBoardKind kind = SZ_BOARD_UNIT; kind <= SZ_BOARD_BUILDING; kind++)
    {
      g_autoptr(SzBoardSource) s = source_new (f);
      g_autoptr(SzPage) page = lay_out (f, s, kind, kind == SZ_BOARD_UNIT ? unit_id : building->id,
                                        "A4", FALSE, SZ_STYLE_RED);
      gboolean found = FALSE;

      test_check_page_boxes (page);
      /* The name is one run on one line: shrunk, not broken. */
      for (guint i = 0; i < page->items->len; i++)
        {
          SzItem *item = g_ptr_array_index (page->items, i);

          if (item->kind == SZ_ITEM_TEXT && g_str_equal (item->text.utf8, name))
            found = TRUE;
        }
      g_assert_true (found);
    }
}

/* Which font draws what, and what happens when none can. */
static void
test_fonts (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  const SzFontFile *font;
  gunichar c = 0;

  font = sz_fonts_for_char (f->fonts, 0x5F20);   /* 张 */
  g_assert_nonnull (font);
  g_assert_cmpstr (font->family, ==, "WenQuanYi Zen Hei");
  g_assert_true (font->haru_ok);

  /* Extension A: 䶮 */
  font = sz_fonts_for_char (f->fonts, 0x4DAE);
  g_assert_nonnull (font);
  g_assert_true (sz_fonts_check_text (f->fonts, "刘䶮", "name", &c, &error));
  g_assert_no_error (error);

  /* Extension B: 𡒄 is in HanaMinB only, which libharu cannot encode. */
  font = sz_fonts_for_char (f->fonts, 0x21484);
  g_assert_nonnull (font);
  g_assert_cmpstr (font->family, ==, "HanaMinB");
  g_assert_true (sz_fonts_check_text (f->fonts, "李𡒄", "name", &c, &error));
  g_assert_cmpuint (c, ==, 0x21484);

  /* Extension G: 𰻞 (biáng) is in no font on Debian 12: an error naming
   * the place, the character and its code. */
  g_assert_false (sz_fonts_check_text (f->fonts, "王𰻞", "1单元 单元长, name", &c, &error));
  g_assert_error (error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_FONT);
  g_assert_nonnull (strstr (error->message, "𰻞"));
  g_assert_nonnull (strstr (error->message, "U+30EDE"));
  g_assert_nonnull (strstr (error->message, "1单元 单元长, name"));
}

/* A rare name is drawn with the font that has it: the run of 𡒄 uses
 * HanaMinB and the rest Zen Hei. */
static void
test_rare_name_runs (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SzBoardSource) source = source_new (f);
  gint64 unit_id = 0;
  gint64 person_id = unit_head (f, source, &unit_id);
  g_autoptr(SzPerson) p = sz_person_get (f->db, person_id, &error);
  g_autoptr(SzBoardSource) s = NULL;
  g_autoptr(SzPage) page = NULL;
  gboolean hana_b = FALSE, zen = FALSE;

  g_free (p->name);
  p->name = g_strdup ("李𡒄䶮");
  g_assert_true (sz_person_save (f->db, p, &error));
  s = source_new (f);
  page = lay_out (f, s, SZ_BOARD_UNIT, unit_id, "A4", FALSE, SZ_STYLE_PLAIN);
  test_check_page_boxes (page);
  for (guint i = 0; i < page->items->len; i++)
    {
      SzItem *item = g_ptr_array_index (page->items, i);

      if (item->kind != SZ_ITEM_TEXT)
        continue;
      if (g_str_equal (item->text.utf8, "𡒄"))
        hana_b = g_str_equal (item->text.font->family, "HanaMinB");
      if (g_str_equal (item->text.utf8, "李"))
        zen = g_str_equal (item->text.font->family, "WenQuanYi Zen Hei");
      /* Every glyph drawn is a real one. */
      for (guint g = 0; g < item->text.n_glyphs; g++)
        g_assert_cmpuint (item->text.glyphs[g].glyph, !=, 0);
    }
  g_assert_true (hana_b);
  g_assert_true (zen);
}

/* The hash follows what the board says and nothing else. */
static void
test_hash (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SzBoardSource) source = source_new (f);
  gint64 unit_id = 0;
  gint64 person_id = unit_head (f, source, &unit_id);
  g_autoptr(SzBoard) a = sz_board_source_build (source, SZ_BOARD_UNIT, unit_id, &error);
  g_autoptr(SzBoard) b = sz_board_source_build (source, SZ_BOARD_UNIT, unit_id, &error);
  g_autofree char *ha = sz_board_hash (a);
  g_autofree char *hb = sz_board_hash (b);
  g_autoptr(SzPerson) p = sz_person_get (f->db, person_id, &error);
  g_autoptr(SzBoardSource) s2 = NULL;
  g_autoptr(SzBoard) c = NULL;
  g_autofree char *hc = NULL;

  g_assert_cmpuint (strlen (ha), ==, 64);
  g_assert_cmpstr (ha, ==, hb);
  g_free (p->name);
  p->name = g_strdup ("新单元长");
  g_assert_true (sz_person_save (f->db, p, &error));
  s2 = source_new (f);
  c = sz_board_source_build (s2, SZ_BOARD_UNIT, unit_id, &error);
  hc = sz_board_hash (c);
  g_assert_cmpstr (ha, !=, hc);

  /* Unknown places are refused with a message. */
  g_assert_null (sz_board_source_build (s2, SZ_BOARD_UNIT, 999999, &error));
  g_assert_error (error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "999999"));
}

/* Selections: a building gives its units' boards in order; a compound
 * spanning two grids gives each board once. */
static void
test_select (Fixture *f, gconstpointer data)
{
  g_autoptr(SzBoardSource) source = source_new (f);
  SzTreeNode *root = sz_board_source_get_tree (source);
  g_autoptr(GArray) units = sz_board_source_select (source, root, 1u << SZ_BOARD_UNIT);
  g_autoptr(GArray) all = sz_board_source_select (source, root, (1u << SZ_N_BOARD_KINDS) - 1);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* The demo: 148 units, 41 buildings, 4 grids, 1 community. */
  g_assert_cmpuint (units->len, ==, 148);
  g_assert_cmpuint (all->len, ==, 148 + 41 + 4 + 1);
  for (guint i = 0; i < all->len; i++)
    {
      SzBoardRef *r = &g_array_index (all, SzBoardRef, i);
      g_assert_true (g_hash_table_add (seen, sz_board_print_key (r->kind, r->place_id)));
    }
  g_assert_cmpint (g_array_index (all, SzBoardRef, 0).kind, ==, SZ_BOARD_COMMUNITY);
}

/* A building of eight units whose heads have long minority names, in a
 * compound with a long name: every paper, nothing leaves its box. */
static void
test_eight_heads (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) grids = sz_grid_list (f->db, f->community, &error);
  gint64 grid = ((SzGrid *) g_ptr_array_index (grids, 0))->id;
  gint64 compound = test_add_compound (f->db, f->community, "长春市朝阳区永昌街道丰和社区翠湖名苑二期东区");
  gint64 building = test_add_building (f->db, compound, grid, "十八号楼（东侧高层）");
  const char *names[] = { "阿依古丽·买买提", "热依汗古丽·艾则孜", "欧阳建国", "司马淑兰",
                          "买买提江·吐尔逊", "张伟", "古丽米拉·阿不都热依木", "李𡒄" };
  const char *papers[] = { "A4", "A3", "600x800mm" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      gint64 unit = test_add_unit (f->db, building, i + 1, 12);
      g_autofree char *phone = g_strdup_printf ("1390000%04u", i);
      gint64 person = test_add_person (f->db, names[i], phone, i % 2 == 0);

      g_assert_true (sz_post_appoint (f->db, SZ_LEVEL_UNIT, unit, person, "2024-01-01",
                                      SZ_CHOSEN_ELECTION, NULL, &error));
      g_assert_no_error (error);
    }

  for (guint p = 0; p < G_N_ELEMENTS (papers); p++)
    for (int landscape = 0; landscape < 2; landscape++)
      for (SzBoardStyle style = 0; style < SZ_N_STYLES; style++)
        {
          g_autoptr(SzBoardSource) source = source_new (f);
          g_autoptr(SzPage) page = lay_out (f, source, SZ_BOARD_BUILDING, building, papers[p], landscape, style);
          g_autoptr(SzPage) unit_page = NULL;
          g_autoptr(GArray) units = NULL;

          test_check_page_boxes (page);
          units = sz_board_source_select (source, sz_board_source_find (source, SZ_NODE_BUILDING, building),
                                          1u << SZ_BOARD_UNIT);
          g_assert_cmpuint (units->len, ==, 8);
          unit_page = lay_out (f, source, SZ_BOARD_UNIT, g_array_index (units, SzBoardRef, 6).place_id,
                               papers[p], landscape, style);
          test_check_page_boxes (unit_page);
        }
}

static guint
count_kind (const SzPage *page,
            SzItemKind    kind)
{
  guint n = 0;

  for (guint i = 0; i < page->items->len; i++)
    n += ((const SzItem *) g_ptr_array_index (page->items, i))->kind == kind;
  return n;
}

/* Whether the page draws the QR code of @text. */
static gboolean
has_code_of (const SzPage *page,
             const char   *text)
{
  g_autoptr(GError) error = NULL;
  int n = 0;
  g_autofree guint8 *modules = sz_qr_encode (text, "", &n, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < page->items->len; i++)
    {
      const SzItem *item = g_ptr_array_index (page->items, i);

      if (item->kind == SZ_ITEM_QR && item->qr.n == n && memcmp (item->qr.modules, modules, (gsize) n * n) == 0)
        return TRUE;
    }
  return FALSE;
}

/* The unit's WeChat group on its board: the name, the admin and the
 * admin's personal code with "扫码加群"; a group's own code (it expires)
 * is left off, the text stays; a change of group makes the board stale. */
static void
test_wechat_group (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SzBoardSource) source = source_new (f);
  g_autoptr(GArray) refs = sz_board_source_select (source, sz_board_source_get_tree (source), 1u << SZ_BOARD_UNIT);
  g_autoptr(SzWechatGroup) group = NULL;
  g_autoptr(SzBoard) board = NULL;
  g_autoptr(SzPage) page = NULL;
  g_autofree char *all = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *code_path = g_test_build_filename (G_TEST_DIST, "fixtures", "wechat", "group-code.png", NULL);
  g_autofree char *code = NULL;
  gsize code_len = 0;
  gint64 unit_id = 0, bare_unit = 0;
  guint with_code;

  for (guint i = 0; i < refs->len && (unit_id == 0 || bare_unit == 0); i++)
    {
      gint64 id = g_array_index (refs, SzBoardRef, i).place_id;
      g_autoptr(SzWechatGroup) g = sz_wechat_group_get (f->db, SZ_LEVEL_UNIT, id, &error);

      g_assert_no_error (error);
      if (g != NULL && g->qr_data != NULL && g->admin_name != NULL && unit_id == 0)
        unit_id = id;
      else if (g == NULL && bare_unit == 0)
        bare_unit = id;
    }
  g_assert_cmpint (unit_id, !=, 0);
  g_assert_cmpint (bare_unit, !=, 0);

  group = sz_wechat_group_get (f->db, SZ_LEVEL_UNIT, unit_id, &error);
  board = sz_board_source_build (source, SZ_BOARD_UNIT, unit_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (board->group_name, ==, group->name);
  g_assert_cmpstr (board->group_admin, ==, group->admin_name);
  /* The admin's personal code is drawn anew from its link, not the
   * screenshot. */
  g_assert_cmpint (group->qr_kind, ==, SZ_QR_PERSONAL);
  g_assert_cmpstr (board->group_qr_text, ==, group->qr_text);
  g_assert_null (board->group_qr);
  hash = sz_board_hash (board);
  page = lay_out (f, source, SZ_BOARD_UNIT, unit_id, "A4", FALSE, SZ_STYLE_RED);
  all = test_page_text (page);
  g_assert_nonnull (strstr (all, group->name));
  g_assert_nonnull (strstr (all, group->admin_name));
  g_assert_true (strstr (all, "扫码加群") != NULL || strstr (all, "Scan to join the group") != NULL);
  g_assert_true (has_code_of (page, group->qr_text));
  with_code = count_kind (page, SZ_ITEM_QR) + count_kind (page, SZ_ITEM_IMAGE);
  test_check_page_boxes (page);

  /* The group's own code instead: no picture, the name still there. */
  g_assert_true (g_file_get_contents (code_path, &code, &code_len, &error));
  g_clear_pointer (&group->qr_data, g_bytes_unref);
  group->qr_data = g_bytes_new (code, code_len);
  g_clear_pointer (&group->qr_taken_on, g_free);
  g_assert_true (sz_wechat_group_set (f->db, group, &error));
  g_assert_no_error (error);
  {
    g_autoptr(SzBoardSource) s = source_new (f);
    g_autoptr(SzBoard) b = sz_board_source_build (s, SZ_BOARD_UNIT, unit_id, &error);
    g_autoptr(SzPage) p = lay_out (f, s, SZ_BOARD_UNIT, unit_id, "A4", FALSE, SZ_STYLE_RED);
    g_autofree char *text = test_page_text (p);
    g_autofree char *h = sz_board_hash (b);

    g_assert_cmpstr (b->group_name, ==, group->name);
    g_assert_null (b->group_qr);
    g_assert_null (b->group_qr_text);
    g_assert_cmpuint (count_kind (p, SZ_ITEM_QR) + count_kind (p, SZ_ITEM_IMAGE), ==, with_code - 1);
    g_assert_nonnull (strstr (text, group->name));
    g_assert_null (strstr (text, "扫码加群"));
    g_assert_cmpstr (h, !=, hash);
  }

  /* A unit without a group prints none. */
  {
    g_autoptr(SzBoard) b = sz_board_source_build (source, SZ_BOARD_UNIT, bare_unit, &error);

    g_assert_no_error (error);
    g_assert_null (b->group_name);
    g_assert_null (b->group_qr);
    g_assert_null (b->group_qr_text);
  }
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/board/paper", test_paper);
  g_test_add ("/board/layout-boxes", Fixture, NULL, fixture_setup, test_layout_boxes, fixture_teardown);
  g_test_add ("/board/consent", Fixture, NULL, fixture_setup, test_consent, fixture_teardown);
  g_test_add ("/board/long-names", Fixture, NULL, fixture_setup, test_long_names, fixture_teardown);
  g_test_add ("/board/fonts", Fixture, NULL, fixture_setup, test_fonts, fixture_teardown);
  g_test_add ("/board/rare-name-runs", Fixture, NULL, fixture_setup, test_rare_name_runs, fixture_teardown);
  g_test_add ("/board/hash", Fixture, NULL, fixture_setup, test_hash, fixture_teardown);
  g_test_add ("/board/select", Fixture, NULL, fixture_setup, test_select, fixture_teardown);
  g_test_add ("/board/eight-heads", Fixture, NULL, fixture_setup, test_eight_heads, fixture_teardown);
  g_test_add ("/board/wechat-group", Fixture, NULL, fixture_setup, test_wechat_group, fixture_teardown);
  return g_test_run ();
}
