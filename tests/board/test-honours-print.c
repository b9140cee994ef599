/* test-honours-print.c: certificates, the honour board, the notice of
 * candidates and a person's statement, made from data entered through
 * the core API in a real SQLite file, and read back with poppler: their
 * text, pages and paper, and ink where the names are.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gi18n-lib.h>
#include <locale.h>
#include <poppler.h>
#include <string.h>
#include <sys/stat.h>
#include <glib/gstdio.h>

#include "sz-fonts.h"
#include "sz-honours-print-private.h"
#include "sz-phone.h"
#include "sz-points.h"
#include "sz-safe-file.h"
#include "sz-text.h"
#include "sz-pdf-test-util.h"

#define SUPERVISION "043188886666"
#define OFFICE      "0431-80000001"
#define PERSON_PHONE "13912345678"

typedef struct
{
  char   *path;
  SzDb   *db;
  gint64  community;
  gint64  grid;
  gint64  building;
  gint64  units[4];
  gint64  type;           /* 1 point per hour, no cap */
  char   *dir;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SzCommunity) c = NULL;
  g_autoptr(SzActivityType) type = sz_activity_type_new ();
  gint64 compound;

  f->db = test_open_db ("honours.db", &f->path);
  f->community = test_add_community (f->db, "丰和社区");
  c = sz_community_get (f->db, f->community, &error);
  g_assert_no_error (error);
  g_free (c->supervision_phone);
  c->supervision_phone = g_strdup (SUPERVISION);
  g_assert_true (sz_community_save (f->db, c, &error));
  g_assert_no_error (error);
  f->grid = test_add_grid (f->db, f->community, 1, "丰和第一网格", 500);
  compound = test_add_compound (f->db, f->community, "丰和林苑");
  f->building = test_add_building (f->db, compound, f->grid, "2栋");
  for (guint i = 0; i < G_N_ELEMENTS (f->units); i++)
    f->units[i] = test_add_unit (f->db, f->building, i + 1, 12);

  type->community_id = f->community;
  g_free (type->name);
  type->name = g_strdup ("志愿服务");
  type->basis = SZ_BASIS_PER_HOUR;
  type->points_per_unit = 10;
  type->active = TRUE;
  g_assert_true (sz_activity_type_save (f->db, type, &error));
  g_assert_no_error (error);
  f->type = type->id;

  f->dir = g_build_filename (g_get_user_data_dir (), "out", NULL);
  g_mkdir_with_parents (f->dir, 0700);
}

/* Copies the PDFs to $SZ_HONOURS_PRINT_KEEP, to look at them. */
static void
keep (const char *pdf)
{
  const char *to = g_getenv ("SZ_HONOURS_PRINT_KEEP");
  g_autofree char *base = g_path_get_basename (pdf);
  g_autofree char *dest = NULL;
  g_autofree char *contents = NULL;
  gsize len = 0;

  if (to == NULL)
    return;
  dest = g_build_filename (to, base, NULL);
  g_assert_true (g_file_get_contents (pdf, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (dest, contents, len, NULL));
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  sz_db_close (f->db);
  g_free (f->path);
  g_free (f->dir);
}

/* A head of unit @unit (0: no post), with a phone that must never print. */
static gint64
add_head (Fixture *f, const char *name, gint64 unit)
{
  g_autoptr(GError) error = NULL;
  gint64 id = test_add_person_in (f->db, f->community, name, PERSON_PHONE, TRUE);

  if (unit != 0)
    {
      g_assert_true (sz_post_appoint (f->db, SZ_LEVEL_UNIT, unit, id, "2024-01-01", SZ_CHOSEN_ELECTION, NULL,
                                      &error));
      g_assert_no_error (error);
    }
  return id;
}

static void
serve (Fixture *f, gint64 person, const char *day, int minutes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SzActivity) a = sz_activity_new ();
  SzParticipant p = { person, minutes };

  a->community_id = f->community;
  a->type_id = f->type;
  a->day = g_strdup (day);
  g_assert_true (sz_activity_record (f->db, a, &p, 1, &error));
  g_assert_no_error (error);
}

/* Proposed from 2026-11-20 for 7 days; awarded on 2026-12-07 when @award. */
static gint64
honour (Fixture *f, gint64 person, const char *period, const char *title, const char *reason, gboolean award)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SzHonour) h = sz_honour_new ();

  h->community_id = f->community;
  h->person_id = person;
  h->period = g_strdup (period);
  h->title = g_strdup (title);
  h->reason = g_strdup (reason);
  h->publicity_from = g_strdup ("2026-11-20");
  g_assert_true (sz_honour_propose (f->db, h, SZ_HONOUR_MIN_PUBLICITY_DAYS, &error));
  g_assert_no_error (error);
  if (award)
    {
      g_assert_true (sz_honour_award (f->db, h->id, "2026-12-07", &error));
      g_assert_no_error (error);
    }
  return h->id;
}

static guint
count_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (d);
  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static char *
out_path (Fixture *f, const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

/* "2026-12-07" as the printouts write it ("2026年12月7日" in Chinese). */
static char *
date_words (int y, int m, int d)
{
  return g_strdup_printf (sz_doc_pgettext2 (NULL, "date in words", "%d-%02d-%02d"), y, m, d);
}

/* ------------------------------------------------------------ certificate */

static void
test_certificate (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 a = add_head (f, "张秀英", f->units[0]);
  gint64 b = add_head (f, "李建国", f->units[1]);
  gint64 ids[2];
  g_autoptr(SzHonour) first = NULL;
  g_autoptr(SzHonour) second = NULL;
  g_autofree char *pdf = out_path (f, "certificates.pdf");
  g_autofree char *text = NULL;
  g_autofree char *date = date_words (2026, 12, 7);

  serve (f, a, "2026-05-01", 120);
  ids[0] = honour (f, a, "2026", "最美单元长", "在社区志愿服务中表现突出，全年服务120小时，", TRUE);
  ids[1] = honour (f, b, "2026", "社区好人", "热心调解邻里纠纷", TRUE);
  first = sz_honour_get (f->db, ids[0], &error);
  second = sz_honour_get (f->db, ids[1], &error);
  g_assert_no_error (error);
  g_assert_nonnull (first->certificate_no);

  g_assert_true (sz_certificate_write_pdf (f->db, ids, 2, pdf, &error));
  g_assert_no_error (error);
  keep (pdf);
  test_pdf_check_info (pdf, 2, 841.89, 595.28);   /* A4 landscape */

  text = test_pdf_text (pdf, 1);
  test_pdf_assert_has (text, "张秀英");
  test_pdf_assert_has (text, "最美单元长");
  test_pdf_assert_has (text, "全年服务120小时");
  test_pdf_assert_has (text, first->certificate_no);
  test_pdf_assert_has (text, date);
  test_pdf_assert_has (text, "丰和社区");
  g_assert_null (strstr (text, "李建国"));
  g_clear_pointer (&text, g_free);
  text = test_pdf_text (pdf, 2);
  test_pdf_assert_has (text, "李建国");
  test_pdf_assert_has (text, "社区好人");
  test_pdf_assert_has (text, second->certificate_no);
  g_assert_cmpstr (first->certificate_no, !=, second->certificate_no);
  /* Never a phone. */
  g_clear_pointer (&text, g_free);
  text = test_pdf_text (pdf, 0);
  g_assert_null (strstr (text, PERSON_PHONE));
  g_assert_null (strstr (text, "13912"));

  /* The names have ink, on both pages. */
  g_assert_cmpuint (test_pdf_assert_ink (pdf, 0, "张秀英"), >=, 1);
  g_assert_cmpuint (test_pdf_assert_ink (pdf, 1, "李建国"), >=, 1);
}

/* The display list: one landscape page per honour, every text inside
 * its box and on the page. */
static void
test_certificate_pages (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SzFonts) fonts = sz_fonts_new (&error);
  g_autoptr(SzText) text = NULL;
  g_autoptr(GPtrArray) pages = NULL;
  gint64 a = add_head (f, "欧阳晓明", f->units[0]);
  gint64 id = honour (f, a, "2026-Q3", "最美单元长",
                      "长期坚持楼道巡查，及时反映居民诉求二十余件，协助调解邻里纠纷，组织单元居民开展环境整治，"
                      "带动身边居民参与志愿服务，受到居民一致好评。", TRUE);

  g_assert_no_error (error);
  text = sz_text_new (fonts);
  pages = sz_certificate_pages (text, f->db, &id, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pages->len, ==, 1);
  {
    SzPage *page = g_ptr_array_index (pages, 0);
    g_autofree char *lines = test_page_text (page);
    g_autoptr(GString) all = g_string_new (NULL);

    /* Wrapped lines are runs of their own: read as one. */
    for (const char *p = lines; *p; p++)
      if (*p != '\n')
        g_string_append_c (all, *p);

    g_assert_cmpfloat (page->width, >, page->height);
    test_check_page_boxes (page);
    g_assert_nonnull (strstr (all->str, "欧阳晓明"));
    g_assert_nonnull (strstr (all->str, "受到居民一致好评"));
  }
}

/* Names with characters outside the BMP (𡒄, 𠮷) print with HanaMinB,
 * through cairo, and have ink. */
static void
test_certificate_rare (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  const char *names[] = { "王𡒄", "𠮷祥" };
  gint64 ids[2];
  g_autofree char *pdf = out_path (f, "certificate-rare.pdf");
  const char *fonts_argv[] = { "pdffonts", pdf, NULL };
  g_autofree char *fonts = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    ids[i] = honour (f, add_head (f, names[i], f->units[i]), "2026", "最美单元长", "服务居民", TRUE);
  g_assert_true (sz_certificate_write_pdf (f->db, ids, 2, pdf, &error));
  g_assert_no_error (error);
  keep (pdf);
  test_pdf_check_info (pdf, 2, 841.89, 595.28);
  fonts = test_run_tool (fonts_argv);
  g_assert_nonnull (strstr (fonts, "HanaMinB"));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *text = test_pdf_text (pdf, i + 1);

      test_pdf_assert_has (text, names[i]);
      g_assert_cmpuint (test_pdf_assert_ink (pdf, i, names[i]), >=, 1);
    }
}

/* An honour still in publicity, or withdrawn, has no certificate: the
 * batch is refused, naming it, and no file is written. */
static void
test_certificate_refused (Fixture *f, gconstpointer data)
{
  gint64 a = add_head (f, "张秀英", f->units[0]);
  gint64 b = add_head (f, "赵志远", f->units[1]);
  gint64 ids[2] = { honour (f, a, "2026", "最美单元长", "服务居民", TRUE),
                    honour (f, b, "2026", "社区好人", "服务居民", FALSE) };
  g_autofree char *pdf = out_path (f, "refused.pdf");
  g_autofree char *nowhere = g_build_filename (f->dir, "missing", "c.pdf", NULL);

  {
    g_autoptr(GError) error = NULL;

    g_assert_false (sz_certificate_write_pdf (f->db, ids, 2, pdf, &error));
    g_assert_error (error, SZ_POINTS_ERROR, SZ_POINTS_ERROR_STATE);
    g_assert_nonnull (strstr (error->message, "赵志远"));
    g_assert_nonnull (strstr (error->message, "社区好人"));
    g_assert_cmpuint (count_dir (f->dir), ==, 0);
  }
  {
    g_autoptr(GError) error = NULL;

    g_assert_true (sz_honour_withdraw (f->db, ids[1], "本人谦让", &error));
    g_assert_no_error (error);
    g_assert_false (sz_certificate_write_pdf (f->db, &ids[1], 1, pdf, &error));
    g_assert_error (error, SZ_POINTS_ERROR, SZ_POINTS_ERROR_STATE);
    g_assert_nonnull (strstr (error->message, "赵志远"));
    g_assert_cmpuint (count_dir (f->dir), ==, 0);
  }
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (sz_certificate_write_pdf (f->db, ids, 0, pdf, &error));
    g_assert_error (error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_INVALID);
  }
  {
    /* A name no font can draw (U+30EDE): refused, naming the character. */
    g_autoptr(GError) error = NULL;
    gint64 odd = honour (f, add_head (f, "王𰻞", f->units[2]), "2026", "最美单元长", "服务居民", TRUE);

    g_assert_false (sz_certificate_write_pdf (f->db, &odd, 1, pdf, &error));
    g_assert_error (error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_FONT);
    g_assert_nonnull (strstr (error->message, "U+30EDE"));
    g_assert_cmpuint (count_dir (f->dir), ==, 0);
  }
  {
    /* A folder that does not exist: the writer's error, nothing left. */
    g_autoptr(GError) error = NULL;

    g_assert_false (sz_certificate_write_pdf (f->db, ids, 1, nowhere, &error));
    g_assert_error (error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_WRITE);
    g_assert_cmpuint (count_dir (f->dir), ==, 0);
  }
}

/* ------------------------------------------------------------ honour board */

static GBytes *
photo_jpeg (guint32 rgba)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 120, 160);
  g_autoptr(GError) error = NULL;
  char *buf = NULL;
  gsize len = 0;

  gdk_pixbuf_fill (pixbuf, rgba);
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &buf, &len, "jpeg", &error, "quality", "90", NULL));
  g_assert_no_error (error);
  return g_bytes_new_take (buf, len);
}

static const char *const board_names[] = {
  "张秀英", "李建国", "王𡒄", "赵志远", "刘桂兰", "陈晓东", "杨淑华", "黄国强", "周美玲", "吴建华", "徐丽娟",
};

static void
test_board (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) photo = photo_jpeg (0x1f4fb0ff);
  g_autofree char *pdf = out_path (f, "honour-board.pdf");
  g_autofree char *a3 = out_path (f, "honour-board-a3.pdf");
  g_autofree char *text = NULL;
  gint64 withdrawn, pending;

  for (guint i = 0; i < G_N_ELEMENTS (board_names); i++)
    {
      gint64 p = add_head (f, board_names[i], i < G_N_ELEMENTS (f->units) ? f->units[i] : 0);

      if (i == 0)
        {
          g_assert_true (sz_person_set_image (f->db, p, SZ_IMAGE_PHOTO, photo, "2026-01-01", &error));
          g_assert_no_error (error);
        }
      honour (f, p, "2026", i % 3 == 0 ? "最美单元长" : "社区好人", "服务居民", TRUE);
    }
  /* Last year's, one withdrawn and one still in publicity: not on it. */
  honour (f, add_head (f, "孙往年", 0), "2025", "社区好人", "服务居民", TRUE);
  withdrawn = honour (f, add_head (f, "钱撤回", 0), "2026", "社区好人", "服务居民", FALSE);
  g_assert_true (sz_honour_withdraw (f->db, withdrawn, "本人谦让", &error));
  g_assert_no_error (error);
  pending = honour (f, add_head (f, "郑公示", 0), "2026", "最美楼栋长", "服务居民", FALSE);
  g_assert_cmpint (pending, >, 0);

  /* NULL: the newest period with a final honour, 2026. */
  g_assert_true (sz_honour_board_write_pdf (f->db, f->community, NULL, FALSE, pdf, &error));
  g_assert_no_error (error);
  keep (pdf);
  test_pdf_check_info (pdf, 2, 595.28, 841.89);   /* 11 honourees: 9 and 2 */
  text = test_pdf_text (pdf, 0);
  test_pdf_assert_has (text, D_ (NULL, "Roll of Honour"));
  test_pdf_assert_has (text, "丰和社区");
  for (guint i = 0; i < G_N_ELEMENTS (board_names); i++)
    test_pdf_assert_has (text, board_names[i]);
  test_pdf_assert_has (text, "最美单元长");
  test_pdf_assert_has (text, "社区好人");
  test_pdf_assert_has (text, "丰和林苑");      /* the post */
  g_assert_null (strstr (text, "孙往年"));
  g_assert_null (strstr (text, "钱撤回"));
  g_assert_null (strstr (text, "郑公示"));
  g_assert_null (strstr (text, "13912"));
  /* Each name twice on the page: the photo's blank frame and the card;
   * once for the one with a photo. */
  g_assert_cmpuint (test_pdf_assert_ink_all (pdf, "张秀英"), ==, 1);
  g_assert_cmpuint (test_pdf_assert_ink_all (pdf, "李建国"), ==, 2);
  g_assert_cmpuint (test_pdf_assert_ink_all (pdf, "王𡒄"), ==, 2);
  g_assert_cmpuint (test_pdf_assert_ink_all (pdf, "吴建华"), ==, 2);

  /* 2025 alone, on A3. */
  g_assert_true (sz_honour_board_write_pdf (f->db, f->community, "2025", TRUE, a3, &error));
  g_assert_no_error (error);
  keep (a3);
  test_pdf_check_info (a3, 1, 841.89, 1190.55);
  g_clear_pointer (&text, g_free);
  text = test_pdf_text (a3, 0);
  test_pdf_assert_has (text, "孙往年");
  g_assert_null (strstr (text, "张秀英"));

  /* A period without a final honour: said, and no file. */
  {
    g_autoptr(GError) local = NULL;
    g_autofree char *none = out_path (f, "none.pdf");

    g_assert_false (sz_honour_board_write_pdf (f->db, f->community, "2024", FALSE, none, &local));
    g_assert_error (local, SZ_POINTS_ERROR, SZ_POINTS_ERROR_NOT_FOUND);
    g_assert_false (g_file_test (none, G_FILE_TEST_EXISTS));
  }
}

/* The photo prints where the card's picture is: blue pixels on page 1. */
static void
test_board_photo (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) photo = photo_jpeg (0x1f4fb0ff);
  g_autofree char *pdf = out_path (f, "photo.pdf");
  const char *argv[] = { "pdfimages", "-list", pdf, NULL };
  g_autofree char *list = NULL;
  gint64 p = add_head (f, "张秀英", f->units[0]);

  g_assert_true (sz_person_set_image (f->db, p, SZ_IMAGE_PHOTO, photo, "2026-01-01", &error));
  g_assert_no_error (error);
  honour (f, p, "2026", "最美单元长", "服务居民", TRUE);
  honour (f, add_head (f, "李建国", f->units[1]), "2026", "社区好人", "服务居民", TRUE);
  g_assert_true (sz_honour_board_write_pdf (f->db, f->community, "2026", FALSE, pdf, &error));
  g_assert_no_error (error);
  list = test_run_tool (argv);
  /* A header, a rule, and one image. */
  g_assert_nonnull (strstr (list, "jpeg"));
  g_assert_null (strstr (strstr (list, "jpeg") + 4, "jpeg"));
}

/* ------------------------------------------------------------------ notice */

static void
test_notice (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = out_path (f, "notice.pdf");
  g_autofree char *text = NULL;
  g_autofree char *supervision = sz_phone_format (SUPERVISION);
  g_autofree char *from = date_words (2026, 11, 20);
  g_autofree char *masked = sz_phone_mask (PERSON_PHONE);
  gint64 a = add_head (f, "张秀英", f->units[0]);
  gint64 b = add_head (f, "李建国", f->units[1]);
  gint64 c = add_head (f, "王𡒄", f->units[2]);

  honour (f, a, "2026", "最美单元长", "全年服务120小时，反映民情15件", FALSE);
  honour (f, b, "2026", "社区好人", "热心调解邻里纠纷", FALSE);
  honour (f, c, "2026", "最美单元长", "组织环境整治", FALSE);
  /* Already awarded: not a candidate any more. */
  honour (f, add_head (f, "赵志远", f->units[3]), "2026", "社区好人", "服务居民", TRUE);

  g_assert_true (sz_honour_notice_write_pdf (f->db, f->community, "2026", pdf, &error));
  g_assert_no_error (error);
  keep (pdf);
  test_pdf_check_info (pdf, 1, 595.28, 841.89);
  text = test_pdf_text (pdf, 0);
  test_pdf_assert_has (text, D_ (NULL, "Public notice"));
  test_pdf_assert_has (text, "丰和社区");
  test_pdf_assert_has (text, "张秀英");
  test_pdf_assert_has (text, "李建国");
  test_pdf_assert_has (text, "王𡒄");
  test_pdf_assert_has (text, "热心调解邻里纠纷");
  test_pdf_assert_has (text, "反映民情15件");
  test_pdf_assert_has (text, "丰和林苑");
  test_pdf_assert_has (text, from);                /* the publicity's first day */
  test_pdf_assert_has (text, supervision);
  g_assert_null (strstr (text, "赵志远"));
  g_assert_null (strstr (text, PERSON_PHONE));
  g_assert_null (strstr (text, masked));
  g_assert_null (strstr (text, "13912"));
  g_assert_cmpuint (test_pdf_assert_ink (pdf, 0, "李建国"), >=, 1);
  g_assert_cmpuint (test_pdf_assert_ink (pdf, 0, "王𡒄"), >=, 1);

  /* Without a supervision phone, the office's. */
  {
    g_autoptr(SzCommunity) com = sz_community_get (f->db, f->community, &error);
    g_autofree char *office = sz_phone_format ("043180000001");

    g_clear_pointer (&com->supervision_phone, g_free);
    g_assert_true (sz_community_save (f->db, com, &error));
    g_assert_no_error (error);
    g_assert_true (sz_honour_notice_write_pdf (f->db, f->community, "2026", pdf, &error));
    g_assert_no_error (error);
    g_clear_pointer (&text, g_free);
    text = test_pdf_text (pdf, 0);
    test_pdf_assert_has (text, office);
    g_assert_null (strstr (text, supervision));
  }

  /* Nobody in publicity for 2025: said, and no file. */
  {
    g_autoptr(GError) local = NULL;
    g_autofree char *none = out_path (f, "none.pdf");

    g_assert_false (sz_honour_notice_write_pdf (f->db, f->community, "2025", none, &local));
    g_assert_error (local, SZ_POINTS_ERROR, SZ_POINTS_ERROR_NOT_FOUND);
    g_assert_false (g_file_test (none, G_FILE_TEST_EXISTS));
  }
}

/* --------------------------------------------------------------- statement */

static void
test_statement (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = out_path (f, "statement.pdf");
  g_autofree char *text = NULL;
  g_autoptr(SzReward) reward = sz_reward_new ();
  g_autoptr(SzPointsBalance) balance = NULL;
  g_autofree char *final = NULL;
  gint64 p = add_head (f, "张秀英", f->units[0]);
  gint64 move = 0;
  guint pages;
  const char *date_head = D_ (NULL, "Date");

  /* 90 occasions of 1 to 3 hours over the year, a redemption, a
   * correction: three pages. */
  for (guint i = 0; i < 90; i++)
    {
      g_autoptr(GDate) d = g_date_new_dmy (1, 1, 2026);
      char day[16];

      g_date_add_days (d, i * 3);
      g_date_strftime (day, sizeof day, "%Y-%m-%d", d);
      serve (f, p, day, 60 * (1 + i % 3));
    }
  reward->community_id = f->community;
  g_free (reward->name);
  reward->name = g_strdup ("米面油礼包");
  reward->price = 300;
  reward->stock = 10;
  reward->active = TRUE;
  g_assert_true (sz_reward_save (f->db, reward, &error));
  g_assert_no_error (error);
  g_assert_true (sz_reward_redeem (f->db, p, reward->id, 1, "2026-12-01", &move, &error));
  g_assert_no_error (error);
  g_assert_true (sz_points_correct (f->db, p, "2026-12-02", 0, -15, "重复登记更正", NULL, &error));
  g_assert_no_error (error);
  balance = sz_points_balance_get (f->db, p, &error);
  g_assert_no_error (error);
  /* By hand: 30 × (1 + 2 + 3) hours = 180 hours, 180 points; less 30
   * redeemed and 1.5 corrected. */
  g_assert_cmpint (balance->minutes, ==, 180 * 60);
  g_assert_cmpint (balance->balance, ==, 1800 - 300 - 15);

  {
    /* A person's statement is personal data: 0600 whatever the umask. */
    mode_t old_mask = umask (022);
    GStatBuf st;

    g_assert_true (sz_points_statement_write_pdf (f->db, p, pdf, &error));
    umask (old_mask);
    g_assert_no_error (error);
    g_assert_cmpint (g_stat (pdf, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  }
  keep (pdf);
  pages = test_pdf_pages (pdf);
  g_assert_cmpuint (pages, >=, 3);
  test_pdf_check_info (pdf, pages, 595.28, 841.89);
  text = test_pdf_text (pdf, 1);
  test_pdf_assert_has (text, "张秀英");
  test_pdf_assert_has (text, "丰和林苑");
  test_pdf_assert_has (text, "2026-01-01");
  final = sz_points_format (balance->balance);
  for (guint i = 1; i <= pages; i++)
    {
      g_autofree char *page = test_pdf_text (pdf, i);
      g_autofree char *number = g_strdup_printf (D_ (NULL, "Page %u of %u"), i, pages);

      /* The table's header and the name on every page. */
      test_pdf_assert_has (page, date_head);
      test_pdf_assert_has (page, "张秀英");
      test_pdf_assert_has (page, number);
    }
  g_clear_pointer (&text, g_free);
  text = test_pdf_text (pdf, pages);
  test_pdf_assert_has (text, "米面油礼包");
  test_pdf_assert_has (text, "重复登记更正");
  test_pdf_assert_has (text, "−30");
  test_pdf_assert_has (text, final);
  g_clear_pointer (&text, g_free);
  text = test_pdf_text (pdf, 0);
  g_assert_null (strstr (text, "13912"));
  g_assert_cmpuint (test_pdf_assert_ink (pdf, 0, "张秀英"), >=, 1);
  g_assert_cmpuint (test_pdf_assert_ink (pdf, pages - 1, "张秀英"), >=, 1);

  /* Someone unknown: an error, and no file. */
  {
    g_autoptr(GError) local = NULL;
    g_autofree char *none = out_path (f, "none.pdf");

    g_assert_false (sz_points_statement_write_pdf (f->db, p + 1000, none, &local));
    g_assert_nonnull (local);
    g_assert_false (g_file_test (none, G_FILE_TEST_EXISTS));
  }
}

/* ------------------------------------------------------------------ layout */

/* Every page of every printout: each text inside its box, no two boxes
 * overlapping, nothing off the page; the honour board with 11 honourees
 * on A4 and A3, the notice, a long statement. */
static void
test_layout (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SzFonts) fonts = sz_fonts_new (&error);
  g_autoptr(SzText) text = NULL;
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 first = 0;

  g_assert_no_error (error);
  text = sz_text_new (fonts);
  for (guint i = 0; i < G_N_ELEMENTS (board_names); i++)
    {
      gint64 p = add_head (f, board_names[i], i < G_N_ELEMENTS (f->units) ? f->units[i] : 0);
      gint64 id = honour (f, p, "2026", i % 2 ? "社区好人" : "最美单元长",
                          "长期坚持楼道巡查，及时反映居民诉求，协助调解邻里纠纷，带动居民参与志愿服务。", i % 4 != 3);

      if (i % 4 != 3)
        g_array_append_val (ids, id);
      if (i == 0)
        first = p;
      serve (f, p, "2026-03-01", 90);
    }
  for (guint i = 0; i < 60; i++)
    serve (f, first, "2026-04-01", 30 + i);
  for (guint a3 = 0; a3 < 2; a3++)
    {
      SzPrintArgs args = { .id = f->community, .period = "2026", .a3 = a3 };
      SzDocInfo info = { 0 };

      g_ptr_array_add (all, _sz_honour_board_pages (text, f->db, &args, &info, &error));
      g_assert_no_error (error);
      sz_doc_info_clear (&info);
    }
  {
    SzPrintArgs args = { .id = f->community, .period = "2026" };
    SzDocInfo info = { 0 };

    g_ptr_array_add (all, _sz_honour_notice_pages (text, f->db, &args, &info, &error));
    g_assert_no_error (error);
    sz_doc_info_clear (&info);
  }
  {
    SzPrintArgs args = { .id = first };
    SzDocInfo info = { 0 };

    g_ptr_array_add (all, _sz_points_statement_pages (text, f->db, &args, &info, &error));
    g_assert_no_error (error);
    sz_doc_info_clear (&info);
  }
  g_ptr_array_add (all, sz_certificate_pages (text, f->db, (const gint64 *) (gpointer) ids->data, ids->len, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (((GPtrArray *) g_ptr_array_index (all, 0))->len, ==, 1);   /* 8 final: one page */
  g_assert_cmpuint (((GPtrArray *) g_ptr_array_index (all, 3))->len, >=, 2);
  g_assert_cmpuint (((GPtrArray *) g_ptr_array_index (all, 4))->len, ==, ids->len);
  for (guint i = 0; i < all->len; i++)
    {
      GPtrArray *pages = g_ptr_array_index (all, i);

      for (guint k = 0; k < pages->len; k++)
        test_check_page (g_ptr_array_index (pages, k));
    }
}

int
main (int argc, char **argv)
{
  const char *localedir = g_getenv ("SANZHANG_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/honours-print/certificate", Fixture, NULL, fixture_setup, test_certificate, fixture_teardown);
  g_test_add ("/honours-print/certificate-pages", Fixture, NULL, fixture_setup, test_certificate_pages,
              fixture_teardown);
  g_test_add ("/honours-print/certificate-rare", Fixture, NULL, fixture_setup, test_certificate_rare,
              fixture_teardown);
  g_test_add ("/honours-print/certificate-refused", Fixture, NULL, fixture_setup, test_certificate_refused,
              fixture_teardown);
  g_test_add ("/honours-print/board", Fixture, NULL, fixture_setup, test_board, fixture_teardown);
  g_test_add ("/honours-print/board-photo", Fixture, NULL, fixture_setup, test_board_photo, fixture_teardown);
  g_test_add ("/honours-print/notice", Fixture, NULL, fixture_setup, test_notice, fixture_teardown);
  g_test_add ("/honours-print/statement", Fixture, NULL, fixture_setup, test_statement, fixture_teardown);
  g_test_add ("/honours-print/layout", Fixture, NULL, fixture_setup, test_layout, fixture_teardown);
  return g_test_run ();
}
