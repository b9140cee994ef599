/* test-render-hpdf.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <cairo.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <poppler.h>

#include "sz-render-hpdf.h"
#include "sz-pdf-pages-test-util.h"

static SzFontFile zenhei = { (char *) ZENHEI, 0, (char *) "WenQuanYi Zen Hei", TRUE, 1 };
static SzFontFile hanamin = { (char *) HANAMIN_A, 0, (char *) "HanaMinA", TRUE, 2 };
static SzFontFile not_haru = { (char *) ZENHEI, 0, (char *) "Not For Haru", FALSE, 3 };
static SzFontFile missing = { (char *) "/nonexistent/font.ttf", 0, (char *) "Missing", TRUE, 4 };

static void
save_pages (SzHpdfWriter *w,
            const char   *path)
{
  g_autoptr(GError) error = NULL;

  sz_hpdf_writer_save (w, path, &error);
  g_assert_no_error (error);
}

/* Adds @page and frees it at once: the writer must keep nothing of it. */
static void
add_page (SzHpdfWriter *w,
          SzPage       *page)
{
  g_autoptr(GError) error = NULL;

  sz_hpdf_writer_add_page (w, page, &error);
  g_assert_no_error (error);
  sz_page_free (page);
}

/* The page rendered at @dpi by @tool: pdftoppm, or pdftocairo, which
 * shows the seams between shapes filled one by one that splash hides. */
static cairo_surface_t *
rasterize (const char *tool,
           const char *pdf,
           int         page,
           int         dpi)
{
  g_autofree char *prefix = tmp_path ("raster");
  g_autofree char *png = g_strconcat (prefix, ".png", NULL);
  g_autofree char *n = g_strdup_printf ("%d", page);
  g_autofree char *r = g_strdup_printf ("%d", dpi);
  g_autofree char *out = run (tool, "-r", r, "-f", n, "-l", n, "-singlefile", "-png",
                              pdf, prefix, NULL);
  cairo_surface_t *surface = cairo_image_surface_create_from_png (png);

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_unlink (png);
  return surface;
}

/* The pixel at @x, @y points as 0xRRGGBB. */
static guint32
pixel_at (cairo_surface_t *s,
          int              dpi,
          double           x,
          double           y)
{
  int px = (int) (x * dpi / 72.0), py = (int) (y * dpi / 72.0);
  const guint8 *row = cairo_image_surface_get_data (s) + (gsize) py * cairo_image_surface_get_stride (s);

  g_assert_cmpint (px, <, cairo_image_surface_get_width (s));
  g_assert_cmpint (py, <, cairo_image_surface_get_height (s));
  return ((const guint32 *) (gconstpointer) row)[px] & 0xffffff;
}

/* Dark pixels in a box given in points. */
static guint
ink_in (cairo_surface_t *s,
        int              dpi,
        double           x,
        double           y,
        double           w,
        double           h)
{
  guint n = 0;

  for (double py = y; py < y + h; py += 72.0 / dpi)
    for (double px = x; px < x + w; px += 72.0 / dpi)
      if ((pixel_at (s, dpi, px, py) & 0xff) < 128)
        n++;
  return n;
}

static gboolean
color_near (guint32 pixel,
            guint32 want)
{
  for (int shift = 0; shift < 24; shift += 8)
    if (ABS ((int) ((pixel >> shift) & 0xff) - (int) ((want >> shift) & 0xff)) > 8)
      return FALSE;
  return TRUE;
}

static void
test_basic (void)
{
  g_autofree char *path = tmp_path ("basic.pdf");
  SzDocInfo info = { (char *) "丰和社区 网格公示牌", (char *) "丰和社区居委会",
                     (char *) "第1网格 楼栋长公示", (char *) "Sanzhang 0.1" };
  g_autoptr(SzHpdfWriter) w = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *info_out = NULL;
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;
  g_autofree char *author = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *creator = NULL;
  g_autofree char *created = NULL;
  g_autofree char *pages = NULL;
  SzPage *page = sz_page_new (210 * MM, 297 * MM);
  cairo_surface_t *raster;
  SzRectItem *rect;

  w = sz_hpdf_writer_new (&info, &error);
  g_assert_no_error (error);
  add_text (page, &zenhei, 40, 80, 28, "丰和林苑 2栋 1单元", TRUE);
  add_text (page, &zenhei, 40, 140, 14, "楼栋长 张三丰 13800138000", FALSE)->color = red;
  rect = sz_page_add_rect (page, 30, 50, 500, 120);
  rect->line_width = 2;
  rect->line_color = green;
  sz_page_add_line (page, 30, 200, 560, 200, 1, &black);
  rect = sz_page_add_rect (page, 300, 220, 100, 50);
  rect->fill = TRUE;
  rect->fill_color = red;
  rect->line_width = 4;
  rect->line_color = blue;
  g_assert_true (sz_hpdf_can_draw (page));
  add_page (w, page);
  g_assert_cmpuint (sz_hpdf_writer_get_n_pages (w), ==, 1);
  save_pages (w, path);

  info_out = run ("pdfinfo", path, NULL);
  title = info_field (info_out, "Title");
  author = info_field (info_out, "Author");
  subject = info_field (info_out, "Subject");
  creator = info_field (info_out, "Creator");
  created = info_field (info_out, "CreationDate");
  pages = info_field (info_out, "Pages");
  g_assert_cmpstr (title, ==, info.title);
  g_assert_cmpstr (author, ==, info.author);
  g_assert_cmpstr (subject, ==, info.subject);
  g_assert_cmpstr (creator, ==, info.creator);
  g_assert_nonnull (created);
  g_assert_cmpstr (pages, ==, "1");
  assert_page_size_mm (path, 1, 210, 297);
  assert_pdf_clean (path, TRUE);
  text = run ("pdftotext", "-enc", "UTF-8", path, "-", NULL);
  g_assert_nonnull (strstr (text, "丰和林苑 2栋 1单元"));
  g_assert_nonnull (strstr (text, "楼栋长 张三丰 13800138000"));

  /* Strokes centred on their edges, fill under stroke. */
  raster = rasterize ("pdftoppm", path, 1, 150);
  g_assert_true (color_near (pixel_at (raster, 150, 30, 110), 0x008000));
  g_assert_true (color_near (pixel_at (raster, 150, 33, 110), 0xffffff));
  g_assert_true (color_near (pixel_at (raster, 150, 300, 200), 0x000000));
  g_assert_true (color_near (pixel_at (raster, 150, 350, 245), 0xff0000));
  g_assert_true (color_near (pixel_at (raster, 150, 300.5, 245), 0x0000ff));
  g_assert_true (color_near (pixel_at (raster, 150, 350, 270.5), 0x0000ff));
  cairo_surface_destroy (raster);
}

/* Runs sit where the display list puts their baselines, after other runs
 * in the same text object too. */
static void
test_positions (void)
{
  g_autofree char *path = tmp_path ("positions.pdf");
  g_autoptr(SzHpdfWriter) w = sz_hpdf_writer_new (NULL, NULL);
  g_autoptr(PopplerDocument) doc = NULL;
  g_autoptr(PopplerPage) ppage = NULL;
  g_autofree PopplerRectangle *rects = NULL;
  g_autofree char *text = NULL;
  cairo_surface_t *raster;
  SzPage *page = sz_page_new (400, 300);
  const char *first, *second;
  PopplerRectangle *r;
  guint n_rects = 0;
  guint plain, bold;

  add_text (page, &zenhei, 72, 100, 20, "网格", FALSE);
  add_text (page, &zenhei, 250, 60, 12, "12栋", FALSE);
  add_text (page, &zenhei, 30, 200, 40, "公示", FALSE);
  add_text (page, &zenhei, 200, 200, 40, "公示", TRUE);
  add_page (w, page);
  save_pages (w, path);

  doc = open_pdf (path);
  ppage = poppler_document_get_page (doc, 0);
  text = poppler_page_get_text (ppage);
  g_assert_true (poppler_page_get_text_layout (ppage, &rects, &n_rects));
  g_assert_cmpuint (n_rects, >, 4);
  first = strstr (text, "网格");
  second = strstr (text, "12栋");
  g_assert_nonnull (first);
  g_assert_nonnull (second);
  r = &rects[g_utf8_pointer_to_offset (text, first)];
  g_assert_cmpfloat_with_epsilon (r->x1, 72, 0.5);
  g_assert_cmpfloat (r->y1, <, 100);
  g_assert_cmpfloat (r->y2, >, 100);
  g_assert_cmpfloat (r->y2, <, 110);
  r = &rects[g_utf8_pointer_to_offset (text, second)];
  g_assert_cmpfloat_with_epsilon (r->x1, 250, 0.5);
  g_assert_cmpfloat (r->y1, <, 60);
  g_assert_cmpfloat (r->y2, >, 60);

  /* The bold run is the same glyphs, stroked: more ink. */
  raster = rasterize ("pdftoppm", path, 1, 150);
  plain = ink_in (raster, 150, 30, 155, 90, 55);
  bold = ink_in (raster, 150, 200, 155, 90, 55);
  g_assert_cmpuint (plain, >, 100);
  g_assert_cmpuint (bold, >, plain * 11 / 10);
  cairo_surface_destroy (raster);
}

static void
test_page_sizes (void)
{
  g_autofree char *path = tmp_path ("sizes.pdf");
  g_autoptr(SzHpdfWriter) w = sz_hpdf_writer_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *info = NULL;
  g_autofree char *pages = NULL;
  SzPage *page;

  page = sz_page_new (600 * MM, 800 * MM);
  add_text (page, &zenhei, 100, 200, 120, "丰和社区", TRUE);
  add_page (w, page);
  add_page (w, sz_page_new (420 * MM, 297 * MM));
  add_page (w, sz_page_new (14400, 14400));

  /* Past libharu's limit: the engine says so and adds nothing. */
  page = sz_page_new (14401, 800);
  g_assert_false (sz_hpdf_can_draw (page));
  g_assert_false (sz_hpdf_writer_add_page (w, page, &error));
  g_assert_error (error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_ENGINE);
  g_clear_error (&error);
  sz_page_free (page);
  page = sz_page_new (2, 800);
  g_assert_false (sz_hpdf_writer_add_page (w, page, &error));
  g_assert_error (error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_ENGINE);
  g_clear_error (&error);
  sz_page_free (page);
  page = sz_page_new (NAN, 800);
  g_assert_false (sz_hpdf_writer_add_page (w, page, &error));
  g_assert_error (error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_INVALID);
  g_clear_error (&error);
  sz_page_free (page);
  g_assert_cmpuint (sz_hpdf_writer_get_n_pages (w), ==, 3);

  save_pages (w, path);
  info = run ("pdfinfo", path, NULL);
  pages = info_field (info, "Pages");
  g_assert_cmpstr (pages, ==, "3");
  assert_page_size_mm (path, 1, 600, 800);
  assert_page_size_mm (path, 2, 420, 297);
  assert_page_size_mm (path, 3, 14400 / MM, 14400 / MM);
  assert_pdf_clean (path, TRUE);
}

typedef struct
{
  const char *path[4];
  const char *prefix;
} PagePlace;

static void
dump_outline (PopplerIndexIter *iter,
              GString          *out,
              int               depth)
{
  do
    {
      PopplerAction *action = poppler_index_iter_get_action (iter);
      PopplerIndexIter *child = poppler_index_iter_get_child (iter);
      PopplerDest *dest = action->goto_dest.dest;

      g_assert_cmpint (action->type, ==, POPPLER_ACTION_GOTO_DEST);
      g_assert_nonnull (dest);
      g_assert_cmpint (dest->type, ==, POPPLER_DEST_FIT);
      g_string_append_printf (out, "%*s%s%s p%d\n", depth * 2, "", action->any.title,
                              poppler_index_iter_is_open (iter) ? " (open)" : "", dest->page_num);
      if (child != NULL)
        dump_outline (child, out, depth + 1);
      g_clear_pointer (&child, poppler_index_iter_free);
      poppler_action_free (action);
    }
  while (poppler_index_iter_next (iter));
}

static void
test_outline_labels (void)
{
  static const PagePlace places[] = {
    { { "第1网格 丰和第一网格", "丰和林苑 2栋", "1单元", NULL }, "G1-" },
    { { "第1网格 丰和第一网格", "丰和林苑 2栋", "2单元", NULL }, "G1-" },
    { { "第1网格 丰和第一网格", "丰和林苑 3栋", "1单元", NULL }, "G1-" },
    { { "第2网格 丰和第二网格", "锦绣小区 1栋", "1单元", NULL }, "G2-" },
    { { "第2网格 丰和第二网格", "锦绣小区 1栋", "1单元", NULL }, "G2-" },
    { { "第2网格 丰和第二网格", "锦绣小区 𡒄栋", NULL }, NULL },
  };
  static const char *labels[] = { "G1-1", "G1-2", "G1-3", "G2-1", "G2-2", "1" };
  static const char *tree =
    "第1网格 丰和第一网格 (open) p1\n"
    "  丰和林苑 2栋 p1\n"
    "    1单元 p1\n"
    "    2单元 p2\n"
    "  丰和林苑 3栋 p3\n"
    "    1单元 p3\n"
    "第2网格 丰和第二网格 (open) p4\n"
    "  锦绣小区 1栋 p4\n"
    "    1单元 p4\n"
    "  锦绣小区 𡒄栋 p6\n";
  g_autofree char *path = tmp_path ("outline.pdf");
  SzDocInfo info = { (char *) "𡒄 社区", NULL, NULL, NULL };
  g_autoptr(SzHpdfWriter) w = sz_hpdf_writer_new (&info, NULL);
  g_autoptr(PopplerDocument) doc = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *title = NULL;
  PopplerIndexIter *iter;

  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    {
      SzPage *page = sz_page_new (300, 200);

      page->outline = g_strdupv ((char **) places[i].path);
      page->label_prefix = g_strdup (places[i].prefix);
      add_text (page, &zenhei, 20, 50, 12, places[i].path[i == 5 ? 0 : 1], FALSE);
      add_page (w, page);
    }
  save_pages (w, path);
  assert_pdf_clean (path, TRUE);

  doc = open_pdf (path);
  title = poppler_document_get_title (doc);
  g_assert_cmpstr (title, ==, info.title);
  iter = poppler_index_iter_new (doc);
  g_assert_nonnull (iter);
  dump_outline (iter, out, 0);
  poppler_index_iter_free (iter);
  g_assert_cmpstr (out->str, ==, tree);
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      g_autoptr(PopplerPage) ppage = poppler_document_get_page (doc, i);
      g_autofree char *label = poppler_page_get_label (ppage);

      g_assert_cmpstr (label, ==, labels[i]);
    }
}

static void
test_refused (void)
{
  g_autoptr(SzHpdfWriter) w = sz_hpdf_writer_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SzPage) font_page = sz_page_new (300, 200);
  g_autoptr(SzPage) astral_page = sz_page_new (300, 200);
  g_autoptr(SzPage) missing_page = sz_page_new (300, 200);
  g_autoptr(SzPage) good = sz_page_new (300, 200);
  g_autoptr(SzPage) huge_text = sz_page_new (300, 200);
  g_autoptr(SzPage) wide_line = sz_page_new (300, 200);

  add_text (font_page, &not_haru, 20, 50, 12, "丰和", FALSE);
  add_text (astral_page, &zenhei, 20, 50, 12, "张𠮷", FALSE);
  add_text (missing_page, &missing, 20, 50, 12, "丰和", FALSE);
  add_text (good, &zenhei, 20, 50, 12, "丰和 㐀", FALSE);
  g_assert_false (sz_hpdf_can_draw (font_page));
  g_assert_false (sz_hpdf_can_draw (astral_page));
  g_assert_true (sz_hpdf_can_draw (missing_page));
  g_assert_true (sz_hpdf_can_draw (good));
  /* libharu's own limits: 600-point text, 100-point lines. */
  add_text (huge_text, &zenhei, 20, 50, 601, "丰", FALSE);
  sz_page_add_line (wide_line, 0, 100, 300, 100, 101, &black);
  g_assert_false (sz_hpdf_can_draw (huge_text));
  g_assert_false (sz_hpdf_can_draw (wide_line));

  g_assert_false (sz_hpdf_writer_add_page (w, font_page, &error));
  g_assert_error (error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_ENGINE);
  g_assert_nonnull (strstr (error->message, "Not For Haru"));
  g_clear_error (&error);
  g_assert_false (sz_hpdf_writer_add_page (w, astral_page, &error));
  g_assert_error (error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_ENGINE);
  g_assert_nonnull (strstr (error->message, "U+20BB7"));
  g_clear_error (&error);
  g_assert_false (sz_hpdf_writer_add_page (w, missing_page, &error));
  g_assert_error (error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_FONT);
  g_clear_error (&error);
  g_assert_cmpuint (sz_hpdf_writer_get_n_pages (w), ==, 0);

  /* Nothing was added, and the writer goes on. */
  g_assert_false (sz_hpdf_writer_save (w, "/nonexistent.pdf", &error));
  g_assert_error (error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (sz_hpdf_writer_add_page (w, good, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sz_hpdf_writer_get_n_pages (w), ==, 1);
}

/* PNG files of 16 bits a channel, which cairo cannot write, by hand. */
static guint32
crc32_of (const guint8 *p,
          gsize         n,
          guint32       crc)
{
  crc = ~crc;
  for (gsize i = 0; i < n; i++)
    {
      crc ^= p[i];
      for (int k = 0; k < 8; k++)
        crc = (crc >> 1) ^ (0xedb88320u & -(crc & 1));
    }
  return ~crc;
}

static void
png_chunk (GByteArray   *png,
           const char   *type,
           const guint8 *data,
           gsize         n)
{
  guint32 len = GUINT32_TO_BE (n), crc;

  g_byte_array_append (png, (const guint8 *) &len, 4);
  g_byte_array_append (png, (const guint8 *) type, 4);
  g_byte_array_append (png, data, n);
  crc = GUINT32_TO_BE (crc32_of (data, n, crc32_of ((const guint8 *) type, 4, 0)));
  g_byte_array_append (png, (const guint8 *) &crc, 4);
}

/* 40×40, 16-bit RGBA: the left half opaque red, the right half
 * transparent.  The rows go into one stored (uncompressed) deflate block. */
static GBytes *
png16_new (void)
{
  g_autoptr(GByteArray) png = g_byte_array_new ();
  g_autoptr(GByteArray) z = g_byte_array_new ();
  static const guint8 ihdr[13] = { 0, 0, 0, 40, 0, 0, 0, 40, 16, 6, 0, 0, 0 };
  static const guint8 opaque_red[8] = { 0xff, 0xff, 0, 0, 0, 0, 0xff, 0xff };
  static const guint8 clear[8] = { 0 };
  guint16 len = 40 * (1 + 40 * 8);
  guint8 block[5] = { 1, len & 0xff, len >> 8, ~len & 0xff, (~len >> 8) & 0xff };
  guint32 a = 1, b = 0, adler;

  g_byte_array_append (z, (const guint8 *) "\x78\x01", 2);
  g_byte_array_append (z, block, 5);
  for (int y = 0; y < 40; y++)
    {
      g_byte_array_append (z, (const guint8 *) "", 1);
      for (int x = 0; x < 40; x++)
        g_byte_array_append (z, x < 20 ? opaque_red : clear, 8);
    }
  for (guint i = 7; i < z->len; i++)
    {
      a = (a + z->data[i]) % 65521;
      b = (b + a) % 65521;
    }
  adler = GUINT32_TO_BE (b << 16 | a);
  g_byte_array_append (z, (const guint8 *) &adler, 4);
  g_byte_array_append (png, (const guint8 *) "\x89PNG\r\n\x1a\n", 8);
  png_chunk (png, "IHDR", ihdr, sizeof ihdr);
  png_chunk (png, "IDAT", z->data, z->len);
  png_chunk (png, "IEND", NULL, 0);
  return g_byte_array_free_to_bytes (g_steal_pointer (&png));
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* 100×100 ARGB: opaque red left half, blue at half alpha, transparent. */
static GBytes *
png_rgba_new (void)
{
  cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 100, 100);
  cairo_t *cr = cairo_create (s);
  GByteArray *png = g_byte_array_new ();

  cairo_set_source_rgba (cr, 1, 0, 0, 1);
  cairo_rectangle (cr, 0, 0, 50, 100);
  cairo_fill (cr);
  cairo_set_source_rgba (cr, 0, 0, 1, 0.5);
  cairo_rectangle (cr, 50, 0, 25, 100);
  cairo_fill (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png_stream (s, append_bytes, png), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (s);
  return g_byte_array_free_to_bytes (png);
}

/* An 8×8 grey JPEG (64, 64, 64) written by hand: one DC coefficient,
 * quantizers of 1, and Huffman tables of one code each. */
static GBytes *
jpeg_new (void)
{
  static const guint8 head[] = {
    0xff, 0xd8,                                       /* SOI */
    0xff, 0xc0, 0, 11, 8, 0, 8, 0, 8, 1, 1, 0x11, 0,  /* SOF0: 8×8, one component */
    0xff, 0xc4, 0, 20, 0x00, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 10,
    0xff, 0xc4, 0, 20, 0x10, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0xff, 0xda, 0, 8, 1, 1, 0x00, 0, 63, 0,           /* SOS */
    0x3f, 0xef,                                       /* DC −512, end of block */
    0xff, 0xd9,                                       /* EOI */
  };
  guint8 dqt[69] = { 0xff, 0xdb, 0, 67, 0 };
  GByteArray *jpeg = g_byte_array_new ();

  memset (dqt + 5, 1, 64);
  g_byte_array_append (jpeg, head, 2);
  g_byte_array_append (jpeg, dqt, sizeof dqt);
  g_byte_array_append (jpeg, head + 2, sizeof head - 2);
  return g_byte_array_free_to_bytes (jpeg);
}

static guint
count_occurrences (GBytes *haystack,
                   GBytes *needle)
{
  gsize hn, nn;
  const guint8 *h = g_bytes_get_data (haystack, &hn);
  const guint8 *n = g_bytes_get_data (needle, &nn);
  guint count = 0;

  for (gsize i = 0; nn > 0 && i + nn <= hn; i++)
    if (h[i] == n[0] && memcmp (h + i, n, nn) == 0)
      count++;
  return count;
}

static void
test_images (void)
{
  g_autofree char *path = tmp_path ("images.pdf");
  g_autoptr(SzHpdfWriter) w = sz_hpdf_writer_new (NULL, NULL);
  g_autoptr(GBytes) jpeg = jpeg_new ();
  g_autoptr(GBytes) rgba = png_rgba_new ();
  g_autoptr(GBytes) png16 = png16_new ();
  g_autoptr(GBytes) damaged = g_bytes_new_static ("\x89PNG\r\n\x1a\nnot really", 18);
  g_autoptr(GBytes) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  cairo_surface_t *raster;
  SzRectItem *box;
  SzPage *page;
  gsize size;

  for (int i = 0; i < 3; i++)
    {
      page = sz_page_new (300, 300);
      sz_page_add_image (page, jpeg, "image/jpeg", 8, 8, 10, 10, 64, 48);
      add_page (w, page);
    }
  page = sz_page_new (300, 300);
  box = sz_page_add_rect (page, 150, 150, 100, 100);
  box->fill = TRUE;
  box->fill_color = green;
  sz_page_add_image (page, rgba, "image/png", 100, 100, 20, 20, 100, 100);
  sz_page_add_image (page, rgba, "image/png", 100, 100, 150, 150, 100, 100);
  sz_page_add_image (page, png16, "image/png", 40, 40, 20, 150, 80, 80);
  add_page (w, page);

  /* A damaged picture adds nothing; the document goes on. */
  page = sz_page_new (300, 300);
  add_text (page, &zenhei, 20, 50, 12, "照片", FALSE);
  sz_page_add_image (page, damaged, "image/png", 10, 10, 10, 10, 10, 10);
  g_assert_false (sz_hpdf_writer_add_page (w, page, &error));
  g_assert_error (error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_IMAGE);
  g_clear_error (&error);
  sz_page_free (page);
  page = sz_page_new (300, 300);
  sz_page_add_image (page, damaged, "image/jpeg", 10, 10, 10, 10, 10, 10);
  g_assert_false (sz_hpdf_writer_add_page (w, page, &error));
  g_assert_error (error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_IMAGE);
  g_clear_error (&error);
  sz_page_free (page);
  g_assert_cmpuint (sz_hpdf_writer_get_n_pages (w), ==, 4);
  save_pages (w, path);
  assert_pdf_clean (path, FALSE);

  /* The JPEG is in the file as it came, once for three pages. */
  g_assert_true (g_file_get_contents (path, &data, &size, NULL));
  file = g_bytes_new_take (g_steal_pointer (&data), size);
  g_assert_cmpuint (count_occurrences (file, jpeg), ==, 1);

  raster = rasterize ("pdftoppm", path, 4, 72);
  /* Transparent is white on paper and green over the green box, as
   * cairo draws it; half-transparent blue is blended. */
  g_assert_true (color_near (pixel_at (raster, 72, 40, 60), 0xff0000));
  g_assert_true (color_near (pixel_at (raster, 72, 82, 60), 0x7f7fff));
  g_assert_true (color_near (pixel_at (raster, 72, 110, 60), 0xffffff));
  g_assert_true (color_near (pixel_at (raster, 72, 240, 200), 0x008000));
  g_assert_true (color_near (pixel_at (raster, 72, 160, 200), 0xff0000));
  /* The 16-bit PNG libharu would garble. */
  for (double y = 155; y < 230; y += 10)
    for (double x = 25; x < 100; x += 10)
      g_assert_true (color_near (pixel_at (raster, 72, x, y), x < 60 ? 0xff0000 : 0xffffff));
  cairo_surface_destroy (raster);
  raster = rasterize ("pdftoppm", path, 1, 72);
  g_assert_true (color_near (pixel_at (raster, 72, 40, 30), 0x404040));
  g_assert_true (color_near (pixel_at (raster, 72, 100, 30), 0xffffff));
  cairo_surface_destroy (raster);
}

/* Modules where they belong, top row at the top, and no seams between
 * dark modules at any row or column boundary. */
static void
test_qr (void)
{
  g_autofree char *path = tmp_path ("qr.pdf");
  g_autoptr(SzHpdfWriter) w = sz_hpdf_writer_new (NULL, NULL);
  g_autofree guint8 *modules = g_new0 (guint8, 25 * 25);
  g_autofree guint8 *dark = g_new0 (guint8, 9 * 9);
  cairo_surface_t *raster;
  SzPage *page = sz_page_new (300, 300);
  guint32 seed = 12345;
  int n = 25;
  double m = 4.3;

  for (int i = 0; i < n * n; i++)
    {
      seed = seed * 1103515245 + 12345;
      modules[i] = (seed >> 16) & 1;
    }
  modules[0] = 1;
  modules[1] = 0;
  memset (dark, 1, 9 * 9);
  sz_page_add_qr (page, modules, n, 20.5, 30.25, m);
  sz_page_add_qr (page, dark, 9, 180.3, 180.7, 7.1)->color = black;
  add_page (w, page);
  save_pages (w, path);
  assert_pdf_clean (path, FALSE);

  raster = rasterize ("pdftocairo", path, 1, 150);
  for (int r = 0; r < n; r++)
    for (int c = 0; c < n; c++)
      {
        guint32 px = pixel_at (raster, 150, 20.5 + (c + 0.5) * m, 30.25 + (r + 0.5) * m);

        g_assert_true (color_near (px, modules[r * n + c] ? 0x000000 : 0xffffff));
      }
  for (double y = 180.7 + 1; y < 180.7 + 9 * 7.1 - 1; y += 72.0 / 150)
    for (double x = 180.3 + 1; x < 180.3 + 9 * 7.1 - 1; x += 72.0 / 150)
      g_assert_cmpuint (pixel_at (raster, 150, x, y) & 0xff, <, 8);
  cairo_surface_destroy (raster);
}

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (d != NULL && g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static void
test_save_errors (void)
{
  g_autofree char *dir = tmp_path ("out");
  g_autofree char *path = g_build_filename (dir, "board.pdf", NULL);
  g_autofree char *nowhere = tmp_path ("no/such/folder/board.pdf");
  g_autoptr(SzHpdfWriter) w = sz_hpdf_writer_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *old = NULL;
  SzPage *page = sz_page_new (300, 200);

  add_text (page, &zenhei, 20, 50, 12, "丰和", FALSE);
  add_page (w, page);
  g_assert_false (sz_hpdf_writer_save (w, nowhere, &error));
  g_assert_error (error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, nowhere));
  g_clear_error (&error);

  /* An old file under the name is replaced whole, and no temporary file
   * stays behind. */
  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  save_pages (w, path);
  g_assert_cmpuint (count_entries (dir), ==, 1);
  assert_pdf_clean (path, TRUE);

  if (geteuid () != 0)
    {
      g_assert_cmpint (g_chmod (dir, 0500), ==, 0);
      g_assert_false (sz_hpdf_writer_save (w, path, &error));
      g_assert_error (error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_WRITE);
      g_assert_nonnull (strstr (error->message, path));
      g_clear_error (&error);
      g_assert_cmpint (g_chmod (dir, 0700), ==, 0);
      assert_pdf_clean (path, TRUE);
    }
  g_assert_cmpuint (count_entries (dir), ==, 1);
  g_unlink (path);
  g_rmdir (dir);
}

/* HanaMinA, the Extension A font: libharu embeds it and draws ink. */
static void
test_hanamin (void)
{
  static const char *chars[] = { "㐀", "䶮", "丰" };
  g_autofree char *path = tmp_path ("hanamin.pdf");
  g_autoptr(SzHpdfWriter) w = NULL;
  g_autofree char *text = NULL;
  g_autofree char *fonts = NULL;
  cairo_surface_t *raster;
  SzPage *page;

  if (!g_file_test (HANAMIN_A, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("fonts-hanazono is not installed");
      return;
    }
  w = sz_hpdf_writer_new (NULL, NULL);
  page = sz_page_new (300, 120);
  for (guint i = 0; i < G_N_ELEMENTS (chars); i++)
    add_text (page, &hanamin, 20 + i * 80, 80, 48, chars[i], FALSE);
  add_page (w, page);
  save_pages (w, path);
  assert_pdf_clean (path, TRUE);
  fonts = run ("pdffonts", path, NULL);
  g_assert_nonnull (strstr (fonts, "HanaMinA"));
  text = run ("pdftotext", "-enc", "UTF-8", path, "-", NULL);
  g_assert_nonnull (strstr (text, "㐀"));
  g_assert_nonnull (strstr (text, "䶮"));

  raster = rasterize ("pdftoppm", path, 1, 150);
  for (guint i = 0; i < G_N_ELEMENTS (chars); i++)
    g_assert_cmpuint (ink_in (raster, 150, 20 + i * 80, 80 - 42, 48, 48), >, 200);
  cairo_surface_destroy (raster);
}

/* 300 one-page boards of 80 runs: the figure the export promises. */
static void
test_timing (void)
{
  static const char *words[] = { "丰和林苑", "2栋", "1单元", "楼栋长", "张三丰", "13800138000",
                                 "网格员", "李四", "0301", "党员中心户", "王五", "15912345678" };
  g_autofree char *path = tmp_path ("timing.pdf");
  g_autoptr(SzHpdfWriter) w = sz_hpdf_writer_new (NULL, NULL);
  g_autoptr(GTimer) timer = g_timer_new ();
  g_autoptr(GError) error = NULL;
  GStatBuf st;
  double adding, spent;

  g_timer_stop (timer);
  for (int p = 0; p < 300; p++)
    {
      g_autoptr(SzPage) page = sz_page_new (420 * MM, 297 * MM);

      sz_page_add_rect (page, 20, 20, 1150, 800)->line_width = 2;
      for (int i = 0; i < 80; i++)
        {
          g_autofree char *run_text = g_strdup_printf ("%s %s %d", words[(p + i) % 12],
                                                       words[(p * 7 + i) % 12], p * 80 + i);

          add_text (page, &zenhei, 40 + (i % 4) * 280, 60 + (i / 4) * 36, i < 4 ? 24 : 14,
                    run_text, i < 4);
        }
      g_timer_continue (timer);
      g_assert_true (sz_hpdf_writer_add_page (w, page, &error));
      g_timer_stop (timer);
      g_assert_no_error (error);
    }
  adding = g_timer_elapsed (timer, NULL);
  g_timer_continue (timer);
  save_pages (w, path);
  spent = g_timer_elapsed (timer, NULL);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_test_message ("300 pages of 80 runs: %.3f s to add, %.3f s to save, %.0f KB",
                  adding, spent - adding, st.st_size / 1024.0);
  g_test_minimized_result (spent, "300 pages, 80 runs each: %.3f s", spent);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("test-render-hpdf-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/board/render-hpdf/basic", test_basic);
  g_test_add_func ("/board/render-hpdf/positions", test_positions);
  g_test_add_func ("/board/render-hpdf/page-sizes", test_page_sizes);
  g_test_add_func ("/board/render-hpdf/outline-labels", test_outline_labels);
  g_test_add_func ("/board/render-hpdf/refused", test_refused);
  g_test_add_func ("/board/render-hpdf/images", test_images);
  g_test_add_func ("/board/render-hpdf/qr", test_qr);
  g_test_add_func ("/board/render-hpdf/save-errors", test_save_errors);
  g_test_add_func ("/board/render-hpdf/hanamin", test_hanamin);
  g_test_add_func ("/board/render-hpdf/timing", test_timing);
  ret = g_test_run ();

  {
    g_autoptr(GDir) dir = g_dir_open (tmp_dir, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *file = g_build_filename (tmp_dir, name, NULL);

        g_unlink (file);
      }
  }
  g_rmdir (tmp_dir);
  g_free (tmp_dir);
  return ret;
}
