/* test-glyphs.c: characters that draw nothing, and characters nothing can
 * draw, on every path a board takes: the board API the app's preview and
 * printing use, a single board and a batch through the export, and the
 * command line.  A board never shows a box or a blank for a character.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>
#include <unicode/uchar.h>

#include "sz-export.h"
#include "sz-fonts.h"
#include "sz-render-cairo.h"
#include "sz-text.h"
#include "sz-board-test-util.h"
#include "sz-cli-test-util.h"

#define PLAIN "郑艳"
/* The same name with a zero-width joiner, a soft hyphen, an emoji and an
 * ideographic variation selector, a zero-width space, a word joiner, a
 * BOM and a zero-width non-joiner: what a name pasted from WeChat or a
 * web page brings along. */
#define INVISIBLE "郑\u200D\u00AD艳\uFE0F\u200B\u2060\uFEFF\u200C\U000E0100"
static const char *const invisible_chars[] = {
  "\u200D", "\u00AD", "\uFE0F", "\u200B", "\u2060", "\uFEFF", "\u200C", "\U000E0100",
};

/* Extension G: in no font on Debian 12. */
#define NO_FONT "王\U00030EDE"

typedef struct
{
  char    *path;
  SzDb    *db;
  gint64   community;
  SzFonts *fonts;
  char    *dir;
  gint64   unit_id;       /* the first unit with a head */
  gint64   building_id;   /* its building */
  gint64   person_id;     /* its head */
} Fixture;

static SzBoardSource *
source_new (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  SzBoardSource *s = sz_board_source_new (f->db, f->community, &error);

  g_assert_no_error (error);
  return s;
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SzBoardSource) source = NULL;
  g_autoptr(GArray) refs = NULL;

  f->db = test_open_demo ("glyphs.db", &f->path, &f->community);
  f->fonts = sz_fonts_new (&error);
  g_assert_no_error (error);
  f->dir = g_build_filename (g_get_user_data_dir (), "out", NULL);
  g_mkdir_with_parents (f->dir, 0700);

  source = source_new (f);
  refs = sz_board_source_select (source, sz_board_source_get_tree (source), 1u << SZ_BOARD_UNIT);
  for (guint i = 0; i < refs->len && f->person_id == 0; i++)
    {
      SzTreeNode *n = sz_board_source_find (source, SZ_NODE_UNIT, g_array_index (refs, SzBoardRef, i).place_id);

      if (n->head_person_id != 0)
        {
          f->unit_id = n->id;
          f->building_id = n->parent->id;
          f->person_id = n->head_person_id;
        }
    }
  g_assert_cmpint (f->person_id, !=, 0);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  if (f->db != NULL)
    sz_db_close (f->db);
  sz_fonts_free (f->fonts);
  g_free (f->path);
  g_free (f->dir);
}

/* Names are cleaned when saved (sz-name.c), but a database written before
 * that, or by another program, still has what it has: written here
 * directly, as such a database would hold it. */
static void
store_name (Fixture    *f,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  SzStmt *stmt = sz_db_prepare (f->db, "UPDATE person SET name = ?1 WHERE id = ?2", &error);

  g_assert_no_error (error);
  sz_db_bind_text (stmt, 1, name);
  sz_stmt_bind_int64 (stmt, 2, f->person_id);
  g_assert_cmpint (sz_db_step (f->db, stmt, &error), ==, SQLITE_DONE);
  g_assert_no_error (error);
}

static SzBoard *
build (SzBoardSource *source,
       SzBoardKind    kind,
       gint64         id)
{
  g_autoptr(GError) error = NULL;
  SzBoard *board = sz_board_source_build (source, kind, id, &error);

  g_assert_no_error (error);
  return board;
}

static SzPage *
lay_out (SzFonts       *fonts,
         const SzBoard *board)
{
  g_autoptr(GError) error = NULL;
  /* A text measurer of its own: a cache shared with another layout would
   * prove nothing. */
  g_autoptr(SzText) text = sz_text_new (fonts);
  SzLayoutOptions o = { .style = SZ_STYLE_RED, .printed_on = "2026-11-25" };
  SzPage *page;

  g_assert_true (sz_paper_parse ("A4", FALSE, &o.paper, NULL));
  page = sz_layout_board (text, board, &o, &error);
  g_assert_no_error (error);
  return page;
}

/* What the field part of a "where" reads in the current language: ", name". */
static const char *
name_field (void)
{
  const char *what = g_dgettext (GETTEXT_PACKAGE, "%s, name");

  g_assert_true (g_str_has_prefix (what, "%s"));
  return what + 2;
}

/* The person, the field and the character, with its code. */
static void
assert_refusal (const char *message,
                const char *role,
                const char *field)
{
  assert_contains (message, NO_FONT);
  assert_contains (message, role);
  assert_contains (message, field);
  assert_contains (message, "“\U00030EDE”");
  assert_contains (message, "U+30EDE");
}

/* In the test's own language. */
static void
assert_names_no_font (const char *message)
{
  assert_refusal (message, sz_board_level_head_title (NULL, SZ_LEVEL_UNIT), name_field ());
}

/* The board layer's list of invisible characters is Unicode's, as ICU
 * has it; stripping them leaves the rest as it was. */
static void
test_invisible_table (void)
{
  g_autofree char *stripped = sz_fonts_strip_invisible (INVISIBLE);
  g_autofree char *empty = sz_fonts_strip_invisible ("\u200B");

  for (gunichar c = 0; c <= 0x10FFFF; c++)
    if (sz_fonts_is_invisible (c) != (gboolean) u_hasBinaryProperty ((UChar32) c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT))
      g_error ("U+%04X: invisible %d for the board, %d for ICU", c, sz_fonts_is_invisible (c),
               u_hasBinaryProperty ((UChar32) c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT));
  /* Each of them is stripped, whatever its UTF-8 lead byte. */
  for (gunichar c = 0x80; c <= 0x10FFFF; c++)
    if (sz_fonts_is_invisible (c))
      {
        char text[16] = "王";
        g_autofree char *out = NULL;

        g_unichar_to_utf8 (c, text + strlen (text));
        strcat (text, "伟");
        out = sz_fonts_strip_invisible (text);
        if (g_strcmp0 (out, "王伟") != 0)
          g_error ("U+%04X is not stripped", c);
      }
  g_assert_null (sz_fonts_strip_invisible (PLAIN " Li·Na 123"));
  g_assert_cmpstr (stripped, ==, PLAIN);
  g_assert_cmpstr (empty, ==, "");
}

/* Which characters a text may have: invisible ones are no reason to
 * refuse nor to leave libharu; control and private-use ones are refused
 * with their code. */
static void
test_check_text (Fixture *f, gconstpointer data)
{
  const char *private_use[] = { "郑\uE000艳", "\uF8FF", "\U000F0000", "\U0010FFFD" };
  const char *private_code[] = { "U+E000", "U+F8FF", "U+F0000", "U+10FFFD" };
  g_autoptr(GError) error = NULL;
  gunichar c = 1;

  g_assert_true (sz_fonts_check_text (f->fonts, INVISIBLE, "name", &c, &error));
  g_assert_no_error (error);
  /* U+E0100 is past the BMP, but draws nothing: libharu can go on. */
  g_assert_cmpuint (c, ==, 0);
  g_assert_true (sz_fonts_check_text (f->fonts, "李\U00021484\u200D", "name", &c, &error));
  g_assert_cmpuint (c, ==, 0x21484);
  g_assert_true (sz_fonts_check_text (f->fonts, "第一\t第二\n第三\u3000", "duty", &c, &error));
  g_assert_true (sz_fonts_for_char (f->fonts, 0x200D) == sz_fonts_get_primary (f->fonts));

  /* A control character: its code, and never the character itself. */
  g_assert_false (sz_fonts_check_text (f->fonts, "郑\x01艳", "Unit 1 head, name", &c, &error));
  g_assert_error (error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_FONT);
  assert_contains (error->message, "Unit 1 head, name");
  assert_contains (error->message, "U+0001");
  g_assert_null (strchr (error->message, '\x01'));
  g_clear_error (&error);
  g_assert_null (sz_fonts_for_char (f->fonts, 0x01));

  /* Private use (造字): refused even where a font has a glyph there. */
  for (guint i = 0; i < G_N_ELEMENTS (private_use); i++)
    {
      g_assert_false (sz_fonts_check_text (f->fonts, private_use[i], "name", &c, &error));
      g_assert_error (error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_FONT);
      assert_contains (error->message, private_code[i]);
      g_clear_error (&error);
    }
  g_assert_null (sz_fonts_for_char (f->fonts, 0xE000));

  g_assert_false (sz_fonts_check_text (f->fonts, NO_FONT, "name", &c, &error));
  assert_contains (error->message, "U+30EDE");
}

static void
assert_same_pages (const SzPage *a,
                   const SzPage *b)
{
  g_assert_cmpfloat (a->width, ==, b->width);
  g_assert_cmpfloat (a->height, ==, b->height);
  g_assert_cmpuint (a->items->len, ==, b->items->len);
  for (guint i = 0; i < a->items->len; i++)
    {
      const SzItem *x = g_ptr_array_index (a->items, i);
      const SzItem *y = g_ptr_array_index (b->items, i);

      g_assert_cmpint (x->kind, ==, y->kind);
      if (x->kind == SZ_ITEM_TEXT)
        {
          const SzTextItem *s = &x->text;
          const SzTextItem *t = &y->text;

          g_assert_cmpstr (s->utf8, ==, t->utf8);
          g_assert_true (s->font == t->font);
          g_assert_cmpfloat (s->size, ==, t->size);
          g_assert_cmpfloat (s->x, ==, t->x);
          g_assert_cmpfloat (s->y, ==, t->y);
          g_assert_cmpfloat (s->width, ==, t->width);
          g_assert_true (same_box (s, t));
          g_assert_cmpuint (s->n_glyphs, ==, t->n_glyphs);
          for (guint g = 0; g < s->n_glyphs; g++)
            {
              g_assert_cmpuint (s->glyphs[g].glyph, ==, t->glyphs[g].glyph);
              g_assert_cmpfloat (s->glyphs[g].x, ==, t->glyphs[g].x);
            }
        }
      else if (x->kind == SZ_ITEM_RECT)
        {
          g_assert_cmpfloat (x->rect.x, ==, y->rect.x);
          g_assert_cmpfloat (x->rect.y, ==, y->rect.y);
          g_assert_cmpfloat (x->rect.w, ==, y->rect.w);
          g_assert_cmpfloat (x->rect.h, ==, y->rect.h);
        }
    }
}

static guint64
pixels_differ (cairo_surface_t *a,
               cairo_surface_t *b)
{
  int w = cairo_image_surface_get_width (a);
  int h = cairo_image_surface_get_height (a);
  int sa = cairo_image_surface_get_stride (a);
  int sb = cairo_image_surface_get_stride (b);
  const guint8 *da, *db;
  guint64 differ = 0;

  g_assert_cmpint (w, ==, cairo_image_surface_get_width (b));
  g_assert_cmpint (h, ==, cairo_image_surface_get_height (b));
  cairo_surface_flush (a);
  cairo_surface_flush (b);
  da = cairo_image_surface_get_data (a);
  db = cairo_image_surface_get_data (b);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guint32 pa = *(const guint32 *) (da + (gsize) y * sa + (gsize) x * 4);
        guint32 pb = *(const guint32 *) (db + (gsize) y * sb + (gsize) x * 4);
        int d = 0;

        for (int shift = 0; shift < 24; shift += 8)
          d = MAX (d, abs ((int) ((pa >> shift) & 0xFF) - (int) ((pb >> shift) & 0xFF)));
        /* The tolerance of test-export's engine comparison. */
        differ += d > 64;
      }
  g_test_message ("%" G_GUINT64_FORMAT " of %d pixels differ", differ, w * h);
  return differ;
}

/* Invisible characters in a name, a duty and a hotline lay out to exactly
 * the boxes, runs and glyphs of the same texts without them, and draw the
 * same pixels; the board is not refused for them. */
static void
test_invisible_layout (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SzBoardSource) source = source_new (f);
  g_autoptr(SzBoard) plain = build (source, SZ_BOARD_UNIT, f->unit_id);
  g_autoptr(SzBoard) marked = build (source, SZ_BOARD_UNIT, f->unit_id);
  g_autoptr(SzPage) plain_page = NULL;
  g_autoptr(SzPage) marked_page = NULL;
  g_autofree char *page_text = NULL;
  SzBoardHead *head = g_ptr_array_index (marked->heads, marked->heads->len - 1);
  SzBoardHotline *line = g_ptr_array_index (marked->hotlines, 0);
  char **duty = (char **) &g_ptr_array_index (marked->duties[SZ_LEVEL_UNIT], 0);
  gunichar haru_char = 1;
  cairo_surface_t *a, *b;

  g_assert_cmpint (head->level, ==, SZ_LEVEL_UNIT);
  g_free (((SzBoardHead *) g_ptr_array_index (plain->heads, plain->heads->len - 1))->name);
  ((SzBoardHead *) g_ptr_array_index (plain->heads, plain->heads->len - 1))->name = g_strdup (PLAIN);
  g_free (head->name);
  head->name = g_strdup (INVISIBLE);
  {
    g_autofree char *old = line->label;
    g_autofree char *d = *duty;
    g_autofree char *half = g_strndup (d, g_utf8_offset_to_pointer (d, 2) - d);

    line->label = g_strconcat (old, "\u200B", NULL);
    *duty = g_strconcat (half, "\u00AD\u200D", g_utf8_offset_to_pointer (d, 2), NULL);
  }

  /* Not a reason to refuse, nor to leave libharu (U+E0100 is past the BMP). */
  g_assert_true (sz_board_check_fonts (marked, f->fonts, &haru_char, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (haru_char, ==, 0);

  plain_page = lay_out (f->fonts, plain);
  marked_page = lay_out (f->fonts, marked);
  test_check_page_boxes (marked_page);
  assert_same_pages (plain_page, marked_page);
  page_text = test_page_text (marked_page);
  assert_contains (page_text, PLAIN);
  for (guint i = 0; i < G_N_ELEMENTS (invisible_chars); i++)
    assert_not_contains (page_text, invisible_chars[i]);

  /* The cairo renderer (screen, printer, PNG). */
  a = sz_render_cairo_image (plain_page, 150, &error);
  g_assert_no_error (error);
  b = sz_render_cairo_image (marked_page, 150, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pixels_differ (a, b), ==, 0);
  cairo_surface_destroy (a);
  cairo_surface_destroy (b);
}

static cairo_surface_t *
rasterize (const char *pdf)
{
  g_autofree char *prefix = g_strconcat (pdf, "-r", NULL);
  g_autofree char *png = g_strconcat (prefix, ".png", NULL);
  const char *argv[] = { "pdftoppm", "-r", "100", "-singlefile", "-png", pdf, prefix, NULL };
  cairo_surface_t *s;

  g_free (test_run_tool (argv));
  s = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (s), ==, CAIRO_STATUS_SUCCESS);
  return s;
}

static void
export_one (Fixture    *f,
            SzEngine    engine,
            const char *pdf)
{
  g_autoptr(SzBoardSource) source = source_new (f);
  g_autoptr(GArray) refs = g_array_new (FALSE, FALSE, sizeof (SzBoardRef));
  g_autoptr(GError) error = NULL;
  SzExportOptions o = { .engine = engine, .output = pdf, .no_record = TRUE, .printed_on = "2026-11-25" };
  SzExportSummary summary;

  g_array_append_val (refs, ((SzBoardRef) { SZ_BOARD_UNIT, f->unit_id }));
  g_assert_true (sz_paper_parse ("A4", FALSE, &o.paper, NULL));
  sz_export_summary_init (&summary);
  g_assert_true (sz_export_boards (source, refs, &o, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.boards, ==, 1);
  /* No engine switch for U+E0100, no refusal. */
  g_assert_cmpuint (summary.problems->len, ==, 0);
  sz_export_summary_clear (&summary);
}

/* A name stored with invisible characters, through every PDF engine: the
 * text read back is the plain name, and the page is the plain name's. */
static void
test_invisible_export (Fixture *f, gconstpointer data)
{
  for (SzEngine engine = SZ_ENGINE_HARU; engine <= SZ_ENGINE_PDF; engine++)
    {
      g_autofree char *marked = g_strdup_printf ("%s/marked-%d.pdf", f->dir, engine);
      g_autofree char *plain = g_strdup_printf ("%s/plain-%d.pdf", f->dir, engine);
      const char *text_argv[] = { "pdftotext", "-enc", "UTF-8", marked, "-", NULL };
      g_autofree char *text = NULL;
      cairo_surface_t *a, *b;

      store_name (f, INVISIBLE);
      export_one (f, engine, marked);
      store_name (f, PLAIN);
      export_one (f, engine, plain);

      text = test_run_tool (text_argv);
      assert_contains (text, PLAIN);
      for (guint i = 0; i < G_N_ELEMENTS (invisible_chars); i++)
        assert_not_contains (text, invisible_chars[i]);

      a = rasterize (plain);
      b = rasterize (marked);
      g_test_message ("%s engine:", sz_engine_to_string (engine));
      g_assert_cmpuint (pixels_differ (a, b), ==, 0);
      cairo_surface_destroy (a);
      cairo_surface_destroy (b);
    }
}

/* A name past the BMP (Extension B, in HanaMinB) with no engine named:
 * drawn by the default writer itself, no switch to cairo and no problem
 * reported, HanaMinB embedded and subset, the name read back whole. */
static void
test_rare_default (Fixture *f, gconstpointer data)
{
  g_autofree char *pdf = g_build_filename (f->dir, "rare-default.pdf", NULL);
  const char *text_argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
  const char *fonts_argv[] = { "pdffonts", pdf, NULL };
  g_autofree char *text = NULL;
  g_autofree char *fonts = NULL;

  store_name (f, "李\U00021484");
  export_one (f, SZ_ENGINE_AUTO, pdf);
  text = test_run_tool (text_argv);
  assert_contains (text, "李\U00021484");
  fonts = test_run_tool (fonts_argv);
  assert_contains (fonts, "+HanaMinB");
  assert_contains (fonts, "+WenQuanYiZenHei");
  assert_not_contains (fonts, " no ");
}

/* The board API the preview and printing use: every problem of a board,
 * one a line, each naming the person or field and the character. */
static void
test_refused_api (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SzBoardSource) source = NULL;
  g_autoptr(SzBoard) board = NULL;
  g_autofree char *haru_what = NULL;
  g_auto(GStrv) lines = NULL;
  SzBoardHotline *line;
  gunichar haru_char = 0;

  /* Extension B, in HanaMinB: drawn, by cairo. */
  store_name (f, "李\U00021484");
  source = source_new (f);
  board = build (source, SZ_BOARD_UNIT, f->unit_id);
  g_assert_true (sz_board_check_fonts (board, f->fonts, &haru_char, &haru_what, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (haru_char, ==, 0x21484);
  assert_contains (haru_what, "李\U00021484");
  g_clear_pointer (&haru_what, g_free);
  g_clear_pointer (&board, sz_board_free);
  g_clear_pointer (&source, sz_board_source_free);

  /* Extension G in the name, and a 造字 in a hotline's name. */
  store_name (f, NO_FONT);
  source = source_new (f);
  board = build (source, SZ_BOARD_UNIT, f->unit_id);
  line = g_ptr_array_index (board->hotlines, 0);
  g_free (line->label);
  line->label = g_strdup ("自来水\uE000抢修");
  g_assert_false (sz_board_check_fonts (board, f->fonts, &haru_char, &haru_what, &error));
  g_assert_error (error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_FONT);
  g_assert_cmpuint (haru_char, ==, 0);
  g_assert_null (haru_what);
  lines = g_strsplit (error->message, "\n", -1);
  /* The unit's WeChat group is run by this head: the name printed as its
   * admin is a problem of its own, on the line before. */
  if (board->group_admin != NULL && g_str_equal (board->group_admin, NO_FONT))
    {
      g_assert_cmpuint (g_strv_length (lines), ==, 3);
      assert_contains (lines[0], NO_FONT);
      g_assert_true (strstr (lines[0], "群主") != NULL || strstr (lines[0], "Admin") != NULL);
    }
  else
    g_assert_cmpuint (g_strv_length (lines), ==, 2);
  {
    guint n = g_strv_length (lines);

    assert_names_no_font (lines[n - 2]);
    assert_contains (lines[n - 1], "“自来水\uE000抢修”");
    assert_contains (lines[n - 1], "U+E000");
  }
  g_clear_error (&error);
  g_clear_pointer (&board, sz_board_free);
  g_clear_pointer (&source, sz_board_source_free);

  /* A control character: shown by its symbol and code. */
  store_name (f, "郑\x01艳");
  source = source_new (f);
  board = build (source, SZ_BOARD_UNIT, f->unit_id);
  g_assert_false (sz_board_check_fonts (board, f->fonts, NULL, NULL, &error));
  assert_contains (error->message, "郑\u2401艳");
  assert_contains (error->message, "U+0001");
  g_assert_null (strchr (error->message, '\x01'));
}

static gboolean
exists (const char *path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static guint
pdf_pages (const char *pdf)
{
  const char *argv[] = { "pdfinfo", pdf, NULL };
  g_autofree char *info = test_run_tool (argv);
  guint n = 0;

  g_assert_nonnull (strstr (info, "Pages:"));
  g_assert_cmpint (sscanf (strstr (info, "Pages:"), "Pages: %u", &n), ==, 1);
  return n;
}

/* One board through the export, as the app's export dialog and the CLI
 * do it: refused with the batch's words, and nothing written, in every
 * mode; in a batch the others are written and the refused one listed. */
static void
test_refused_export (Fixture *f, gconstpointer data)
{
  g_autoptr(SzBoardSource) source = NULL;
  g_autoptr(GArray) one = g_array_new (FALSE, FALSE, sizeof (SzBoardRef));
  g_autoptr(GArray) batch = NULL;
  g_autofree char *expected = NULL;
  struct { SzExportMode mode; SzEngine engine; const char *name; } cases[] = {
    { SZ_EXPORT_ONE_FILE, SZ_ENGINE_HARU, "one.pdf" },
    { SZ_EXPORT_ONE_FILE, SZ_ENGINE_CAIRO, "one-cairo.pdf" },
    { SZ_EXPORT_ONE_FILE, SZ_ENGINE_AUTO, "one-auto.pdf" },
    { SZ_EXPORT_PER_BOARD, SZ_ENGINE_HARU, "per-board" },
    { SZ_EXPORT_PER_BOARD, SZ_ENGINE_PDF, "per-board-pdf" },
    { SZ_EXPORT_PNG, SZ_ENGINE_CAIRO, "png" },
  };

  store_name (f, NO_FONT);
  source = source_new (f);
  g_array_append_val (one, ((SzBoardRef) { SZ_BOARD_UNIT, f->unit_id }));

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autofree char *out = g_build_filename (f->dir, cases[c].name, NULL);
      g_autoptr(GError) error = NULL;
      SzExportOptions o = { .engine = cases[c].engine, .mode = cases[c].mode, .output = out,
                            .png_dpi = 50, .no_record = TRUE };
      SzExportSummary summary;
      SzExportProblem *p;

      g_assert_true (sz_paper_parse ("A4", FALSE, &o.paper, NULL));
      sz_export_summary_init (&summary);
      g_assert_false (sz_export_boards (source, one, &o, &summary, &error));
      g_assert_error (error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_FONT);
      assert_names_no_font (error->message);
      g_assert_cmpuint (summary.problems->len, ==, 1);
      g_assert_cmpuint (summary.files->len, ==, 0);
      g_assert_cmpuint (summary.boards, ==, 0);
      p = g_ptr_array_index (summary.problems, 0);
      g_assert_cmpint (p->kind, ==, SZ_PROBLEM_FONT_REFUSED);
      g_assert_cmpint (p->place_id, ==, f->unit_id);
      /* The error is the batch's line for the board: its place, then why. */
      g_free (expected);
      expected = g_strdup_printf ("%s: %s", p->place, p->message);
      g_assert_cmpstr (error->message, ==, expected);
      g_assert_false (exists (out));
      sz_export_summary_clear (&summary);
    }

  /* The building and its units: the unit's board and the building's
   * (whose table names the same head) are left out, the rest written. */
  batch = sz_board_source_select (source, sz_board_source_find (source, SZ_NODE_BUILDING, f->building_id),
                                  (1u << SZ_BOARD_UNIT) | (1u << SZ_BOARD_BUILDING));
  g_assert_cmpuint (batch->len, >=, 3);
  {
    g_autofree char *pdf = g_build_filename (f->dir, "batch.pdf", NULL);
    g_autoptr(GError) error = NULL;
    SzExportOptions o = { .output = pdf, .no_record = TRUE };
    SzExportSummary summary;
    gboolean unit_listed = FALSE;

    g_assert_true (sz_paper_parse ("A4", FALSE, &o.paper, NULL));
    sz_export_summary_init (&summary);
    g_assert_true (sz_export_boards (source, batch, &o, &summary, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (summary.boards, ==, batch->len - 2);
    g_assert_cmpuint (summary.font_problems, ==, 2);
    for (guint i = 0; i < summary.problems->len; i++)
      {
        SzExportProblem *p = g_ptr_array_index (summary.problems, i);
        g_autofree char *line = g_strdup_printf ("%s: %s", p->place, p->message);

        g_assert_cmpint (p->kind, ==, SZ_PROBLEM_FONT_REFUSED);
        assert_names_no_font (p->message);
        /* Word for word what the single board said. */
        unit_listed |= p->place_id == f->unit_id && g_str_equal (line, expected);
      }
    g_assert_true (unit_listed);
    g_assert_cmpuint (pdf_pages (pdf), ==, batch->len - 2);
    sz_export_summary_clear (&summary);
  }
}

/* The command line: one board (PDF with either engine, a folder, PNG) is
 * refused with exit 1 and leaves nothing; a batch writes the others. */
static void
test_refused_cli (Fixture *f, gconstpointer data)
{
  g_auto(Result) r = { -1, NULL, NULL };
  g_autofree char *unit = g_strdup_printf ("%" G_GINT64_FORMAT, f->unit_id);
  g_autofree char *building = g_strdup_printf ("%" G_GINT64_FORMAT, f->building_id);
  g_autofree char *pdf = g_build_filename (f->dir, "cli-one.pdf", NULL);
  g_autofree char *folder = g_build_filename (f->dir, "cli-folder/", NULL);
  g_autofree char *png = g_build_filename (f->dir, "cli-png/", NULL);
  g_autofree char *batch = g_build_filename (f->dir, "cli-batch.pdf", NULL);
  g_autoptr(SzBoardSource) source = NULL;
  g_autoptr(GArray) boards = NULL;
  const char *const singles[][11] = {
    { "-d", f->path, "boards", "--unit", unit, "-o", pdf, NULL },
    { "-d", f->path, "boards", "--unit", unit, "--engine", "cairo", "-o", pdf, NULL },
    { "-d", f->path, "boards", "--unit", unit, "-o", folder, NULL },
    { "-d", f->path, "boards", "--unit", unit, "--png", "50", "-o", png, NULL },
  };
  const char *const batch_args[] = { "-d", f->path, "boards", "--building", building, "--kind", "building,unit",
                                     "--no-record", "-o", batch, NULL };

  if (!have_cli ())
    return;
  store_name (f, NO_FONT);
  source = source_new (f);
  boards = sz_board_source_select (source, sz_board_source_find (source, SZ_NODE_BUILDING, f->building_id),
                                   (1u << SZ_BOARD_UNIT) | (1u << SZ_BOARD_BUILDING));
  /* Let the command have the file. */
  g_clear_pointer (&f->db, sz_db_close);

  for (guint i = 0; i < G_N_ELEMENTS (singles); i++)
    {
      run_argv (&r, FALSE, singles[i]);
      assert_exit (&r, 1);
      /* run_argv() runs it in English; the head's title is the board's
       * own text, in the board's language. */
      assert_refusal (r.err, "单元长", ", name");
      g_assert_false (exists (pdf));
      g_assert_false (exists (folder));
      g_assert_false (exists (png));
    }
  /* In Chinese, with the same person, field and character. */
  run_argv (&r, TRUE, singles[0]);
  assert_exit (&r, 1);
  assert_contains (r.err, NO_FONT);
  assert_contains (r.err, "单元长");
  assert_contains (r.err, "U+30EDE");
  g_assert_false (exists (pdf));

  run_argv (&r, FALSE, batch_args);
  assert_exit (&r, 1);
  assert_refusal (r.out, "单元长", ", name");
  g_assert_cmpuint (pdf_pages (batch), ==, boards->len - 2);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/glyphs/invisible-table", test_invisible_table);
  g_test_add ("/glyphs/check-text", Fixture, NULL, fixture_setup, test_check_text, fixture_teardown);
  g_test_add ("/glyphs/invisible-layout", Fixture, NULL, fixture_setup, test_invisible_layout, fixture_teardown);
  g_test_add ("/glyphs/invisible-export", Fixture, NULL, fixture_setup, test_invisible_export, fixture_teardown);
  g_test_add ("/glyphs/rare-default", Fixture, NULL, fixture_setup, test_rare_default, fixture_teardown);
  g_test_add ("/glyphs/refused-api", Fixture, NULL, fixture_setup, test_refused_api, fixture_teardown);
  g_test_add ("/glyphs/refused-export", Fixture, NULL, fixture_setup, test_refused_export, fixture_teardown);
  g_test_add ("/glyphs/refused-cli", Fixture, NULL, fixture_setup, test_refused_cli, fixture_teardown);
  return g_test_run ();
}
