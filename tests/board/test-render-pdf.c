/* test-render-pdf.c
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

#include "sz-render-pdf.h"
#include "sz-safe-file.h"
#include "sz-pdf-writer-test-util.h"

static void
test_basic (void)
{
  g_autofree char *path = tmp_path ("basic.pdf");
  SzDocInfo info = { (char *) "丰和社区 网格公示牌", (char *) "丰和社区居委会",
                     (char *) "第1网格 楼栋长公示", (char *) "Sanzhang 0.1" };
  g_autoptr(SzPdfWriter) w = NULL;
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

  info.lang = (char *) "zh_CN";
  w = sz_pdf_writer_new (path, &info, &error);
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
  add_page (w, page);
  g_assert_cmpuint (sz_pdf_writer_get_n_pages (w), ==, 1);
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
  /* The document's language, for screen readers and hyphenation. */
  {
    g_autofree char *qdf = tmp_path ("basic-qdf.pdf");
    g_autoptr(GBytes) lang = g_bytes_new_static ("/Lang (zh-CN)", 13);
    g_autoptr(GBytes) plain = NULL;
    char *data = NULL;
    gsize size = 0;

    g_free (run ("qpdf", "--qdf", "--object-streams=disable", path, qdf, NULL));
    g_assert_true (g_file_get_contents (qdf, &data, &size, NULL));
    plain = g_bytes_new_take (data, size);
    g_assert_cmpuint (count_occurrences (plain, lang), ==, 1);
    g_unlink (qdf);
  }
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


static void
test_page_sizes (void)
{
  g_autofree char *path = tmp_path ("sizes.pdf");
  g_autoptr(SzPdfWriter) w = sz_pdf_writer_new (path, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *info = NULL;
  g_autofree char *pages = NULL;
  SzPage *page;

  page = sz_page_new (600 * MM, 800 * MM);
  add_text (page, &zenhei, 100, 200, 120, "丰和社区", TRUE);
  add_page (w, page);
  add_page (w, sz_page_new (420 * MM, 297 * MM));
  add_page (w, sz_page_new (14400, 14400));
  /* No limit of libharu's here: a 6 m banner. */
  add_page (w, sz_page_new (17000, 800));

  page = sz_page_new (NAN, 800);
  g_assert_false (sz_pdf_writer_add_page (w, page, &error));
  g_assert_error (error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_INVALID);
  g_clear_error (&error);
  sz_page_free (page);
  g_assert_cmpuint (sz_pdf_writer_get_n_pages (w), ==, 4);

  save_pages (w, path);
  info = run ("pdfinfo", path, NULL);
  pages = info_field (info, "Pages");
  g_assert_cmpstr (pages, ==, "4");
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
  g_autoptr(SzPdfWriter) w = sz_pdf_writer_new (path, &info, NULL);
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
test_images (void)
{
  g_autofree char *path = tmp_path ("images.pdf");
  g_autoptr(SzPdfWriter) w = sz_pdf_writer_new (path, NULL, NULL);
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
  g_assert_false (sz_pdf_writer_add_page (w, page, &error));
  g_assert_error (error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_IMAGE);
  g_clear_error (&error);
  sz_page_free (page);
  page = sz_page_new (300, 300);
  sz_page_add_image (page, damaged, "image/jpeg", 10, 10, 10, 10, 10, 10);
  g_assert_false (sz_pdf_writer_add_page (w, page, &error));
  g_assert_error (error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_IMAGE);
  g_clear_error (&error);
  sz_page_free (page);
  g_assert_cmpuint (sz_pdf_writer_get_n_pages (w), ==, 4);
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
  g_autoptr(SzPdfWriter) w = sz_pdf_writer_new (path, NULL, NULL);
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

static void
test_hanamin (void)
{
  static const char *chars[] = { "㐀", "䶮", "丰" };
  g_autofree char *path = tmp_path ("hanamin.pdf");
  g_autoptr(SzPdfWriter) w = NULL;
  g_autofree char *text = NULL;
  g_autofree char *fonts = NULL;
  cairo_surface_t *raster;
  SzPage *page;

  if (!g_file_test (HANAMIN_A, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("fonts-hanazono is not installed");
      return;
    }
  w = sz_pdf_writer_new (path, NULL, NULL);
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


/* What libharu cannot draw, drawn: a character past the BMP in HanaMinB
 * (haru_ok FALSE), embedded, subset, with ink, and extracted as itself. */
static void
test_rare (void)
{
  g_autofree char *path = tmp_path ("rare.pdf");
  g_autoptr(SzPdfWriter) w = NULL;
  g_autofree char *text = NULL;
  g_autofree char *fonts = NULL;
  cairo_surface_t *raster;
  SzPage *page;

  if (!g_file_test (HANAMIN_B, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("fonts-hanazono is not installed");
      return;
    }
  w = sz_pdf_writer_new (path, NULL, NULL);
  page = sz_page_new (300, 120);
  add_text (page, &zenhei, 20, 80, 48, "丰", FALSE);
  add_text (page, &hanamin_b, 100, 80, 48, "𡒄", TRUE);
  add_page (w, page);
  save_pages (w, path);
  assert_pdf_clean (path, TRUE);
  fonts = run ("pdffonts", path, NULL);
  g_assert_nonnull (strstr (fonts, "+HanaMinB"));
  g_assert_nonnull (strstr (fonts, "+WenQuanYiZenHei"));
  g_assert_nonnull (strstr (fonts, "yes yes yes"));
  g_assert_null (strstr (fonts, " no "));
  text = run ("pdftotext", "-enc", "UTF-8", path, "-", NULL);
  g_assert_nonnull (strstr (text, "𡒄"));
  raster = rasterize ("pdftoppm", path, 1, 150);
  g_assert_cmpuint (ink_in (raster, 150, 100, 80 - 42, 48, 48), >, 200);
  cairo_surface_destroy (raster);
}

/* Pages go to the temporary file as they are added (memory stays bounded
 * for any batch), past one page-tree node of 1024; the community's QR code
 * is written once; nothing is left behind on failure. */
static void
test_stream (void)
{
  g_autofree char *dir = tmp_path ("stream");
  g_autofree char *path = g_build_filename (dir, "boards.pdf", NULL);
  g_autofree char *nowhere = tmp_path ("no/such/folder/board.pdf");
  g_autofree guint8 *modules = g_new0 (guint8, 21 * 21);
  g_autoptr(SzPdfWriter) w = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) file = NULL;
  g_autofree char *data = NULL;
  g_autofree char *info = NULL;
  g_autofree char *pages = NULL;
  goffset grew = 0;
  gsize size;

  g_assert_null (sz_pdf_writer_new (nowhere, NULL, &error));
  g_assert_error (error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_WRITE);
  g_clear_error (&error);

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  /* No pages: an error, and no file, temporary or not. */
  w = sz_pdf_writer_new (path, NULL, NULL);
  g_assert_cmpuint (count_entries (dir), ==, 1);
  g_assert_false (sz_pdf_writer_finish (w, &error));
  g_assert_error (error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_pointer (&w, sz_pdf_writer_free);
  g_assert_cmpuint (count_entries (dir), ==, 0);

  for (int i = 0; i < 21 * 21; i++)
    modules[i] = (i * 7 + i / 21) % 3 == 0;
  w = sz_pdf_writer_new (path, NULL, NULL);
  for (int i = 0; i < 1100; i++)
    {
      SzPage *page = sz_page_new (300, 200);
      g_autofree char *label = g_strdup_printf ("第%d页", i + 1);

      add_text (page, &zenhei, 20, 50, 12, label, FALSE);
      sz_page_add_qr (page, modules, 21, 200, 100, 3);
      add_page (w, page);
      if (i == 99)
        {
          g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
          const char *name = g_dir_read_name (d);
          g_autofree char *temp = g_build_filename (dir, name, NULL);
          GStatBuf st;

          g_assert_true (sz_safe_file_is_temp_name (name));
          g_assert_cmpint (g_stat (temp, &st), ==, 0);
          grew = st.st_size;
        }
    }
  /* A hundred pages are on disk already (less what stdio buffers): a
   * writer that kept them until the end would have written only its
   * header, well under a kilobyte. */
  g_assert_cmpint (grew, >, 8000);
  /* Freed unfinished: the temporary file goes too. */
  g_clear_pointer (&w, sz_pdf_writer_free);
  g_assert_cmpuint (count_entries (dir), ==, 0);

  w = sz_pdf_writer_new (path, NULL, NULL);
  for (int i = 0; i < 1100; i++)
    {
      SzPage *page = sz_page_new (300, 200);

      add_text (page, &zenhei, 20, 50, 12, i == 1099 ? "最后一页" : "丰和", FALSE);
      sz_page_add_qr (page, modules, 21, 200, 100, 3);
      add_page (w, page);
    }
  save_pages (w, path);
  g_assert_cmpuint (count_entries (dir), ==, 1);
  assert_pdf_clean (path, TRUE);
  info = run ("pdfinfo", path, NULL);
  pages = info_field (info, "Pages");
  g_assert_cmpstr (pages, ==, "1100");
  {
    g_autofree char *last = run ("pdftotext", "-enc", "UTF-8", "-f", "1100", "-l", "1100", path, "-", NULL);

    g_assert_nonnull (strstr (last, "最后一页"));
  }
  /* The symbol is one Form XObject drawn 1100 times. */
  g_assert_true (g_file_get_contents (path, &data, &size, NULL));
  file = g_bytes_new_take (g_steal_pointer (&data), size);
  {
    g_autoptr(GBytes) form = g_bytes_new_static ("/Subtype/Form", 13);

    g_assert_cmpuint (count_occurrences (file, form), ==, 1);
  }
  g_assert_cmpuint (size, <, 1100 * 200);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("test-render-pdf-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/board/render-pdf/basic", test_basic);
  g_test_add_func ("/board/render-pdf/page-sizes", test_page_sizes);
  g_test_add_func ("/board/render-pdf/outline-labels", test_outline_labels);
  g_test_add_func ("/board/render-pdf/images", test_images);
  g_test_add_func ("/board/render-pdf/qr", test_qr);
  g_test_add_func ("/board/render-pdf/hanamin", test_hanamin);
  g_test_add_func ("/board/render-pdf/rare", test_rare);
  g_test_add_func ("/board/render-pdf/stream", test_stream);
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
