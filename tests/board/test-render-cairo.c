/* test-render-cairo.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>
#include <cairo-ft.h>
#include <glib.h>

#include "sz-qr.h"
#include "sz-render-cairo.h"
#include "sz-render-test-util.h"

static const SzColor red = { 1, 0, 0 };

/* Pixels in a box given in points whose green is below @below: 128 counts
 * ink, 256 anything not white (every colour used here has no green). */
static guint
count_pixels (cairo_surface_t *surface,
              double           scale,
              double           x0,
              double           y0,
              double           x1,
              double           y1,
              int              below)
{
  int w = cairo_image_surface_get_width (surface);
  int h = cairo_image_surface_get_height (surface);
  guint n = 0;

  for (int y = MAX (0, (int) floor (y0 * scale)); y < MIN (h, (int) ceil (y1 * scale)); y++)
    for (int x = MAX (0, (int) floor (x0 * scale)); x < MIN (w, (int) ceil (x1 * scale)); x++)
      {
        Pixel p = pixel_at (surface, x, y);

        n += below > 255 ? p.r + p.g + p.b < 3 * 255 : p.g < below;
      }
  return n;
}

static void
test_png_size (void)
{
  struct { double w, h; int pw, ph; } sizes[] = {
    { 595.276, 841.890, 1241, 1754 },   /* A4 */
    { 612, 792, 1275, 1650 },           /* Letter: whole at 150 dpi */
  };
  g_autofree char *dir = test_dir ();
  g_autofree char *missing = g_build_filename (dir, "missing", "page.png", NULL);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr(SzPage) page = sz_page_new (sizes[i].w, sizes[i].h);
      g_autofree char *path = g_strdup_printf ("%s/page-%u.png", dir, i);
      cairo_surface_t *png;

      add_text (page, 0, 50, 100, 24, "第1网格", FALSE);
      g_assert_true (sz_render_cairo_png (page, 150, path, &error));
      g_assert_no_error (error);
      png = cairo_image_surface_create_from_png (path);
      g_assert_cmpint (cairo_image_surface_get_width (png), ==, sizes[i].pw);
      g_assert_cmpint (cairo_image_surface_get_height (png), ==, sizes[i].ph);
      cairo_surface_destroy (png);
      if (i == 0)
        {
          g_assert_false (sz_render_cairo_png (page, 150, missing, &error));
          g_assert_error (error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_WRITE);
          g_assert_nonnull (strstr (error->message, missing));
          g_clear_error (&error);
          g_assert_null (sz_render_cairo_image (page, 0, &error));
          g_assert_error (error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_INVALID);
          g_clear_error (&error);
        }
    }
  /* No temporary file is left beside the PNGs. */
  g_assert_cmpuint (count_files (dir, TRUE), ==, G_N_ELEMENTS (sizes));
}

/* The glyphs land where the display list says, at its size: the page is
 * the same as the glyphs drawn straight from the font file. */
static void
test_text (void)
{
  g_autoptr(SzPage) page = sz_page_new (400, 200);
  g_autoptr(SzPage) bold_page = sz_page_new (400, 200);
  g_autoptr(SzPage) sharp_page = sz_page_new (100, 30);
  g_autoptr(GError) error = NULL;
  cairo_surface_t *image, *bold, *expected;
  cairo_font_options_t *options = cairo_font_options_create ();
  cairo_font_face_t *face = cairo_ft_font_face_create_for_ft_face (ft_faces[0], FT_LOAD_NO_BITMAP);
  cairo_t *cr;
  SzTextItem *text, *b;
  guint regular_ink, bold_ink, grey, ink;

  text = add_text (page, 0, 20, 100, 24, "网格长 张三 13800001234", FALSE);
  b = add_text (bold_page, 0, 20, 100, 24, "网格长 张三 13800001234", TRUE);
  image = sz_render_cairo_image (page, 144, &error);
  g_assert_no_error (error);
  bold = sz_render_cairo_image (bold_page, 144, &error);
  g_assert_no_error (error);

  expected = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 800, 400);
  cr = cairo_create (expected);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, 2, 2);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  cairo_set_font_options (cr, options);
  cairo_set_font_face (cr, face);
  cairo_set_font_size (cr, 24);
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint i = 0; i < text->n_glyphs; i++)
    cairo_show_glyphs (cr, &(cairo_glyph_t) { text->glyphs[i].glyph, 20 + text->glyphs[i].x, 100 }, 1);
  cairo_destroy (cr);
  cairo_font_face_destroy (face);
  cairo_font_options_destroy (options);
  cairo_surface_flush (expected);
  g_assert_cmpmem (cairo_image_surface_get_data (image), 800 * 400 * 4,
                   cairo_image_surface_get_data (expected), 800 * 400 * 4);
  cairo_surface_destroy (expected);

  /* Ink under every character but the spaces, none outside the run. */
  for (guint i = 0; i < text->n_glyphs; i++)
    {
      double x0 = text->x + text->glyphs[i].x;
      double x1 = i + 1 < text->n_glyphs ? text->x + text->glyphs[i + 1].x : text->x + text->width;
      guint n = count_pixels (image, 2, x0, text->box_y, x1, text->box_y + text->box_h, 128);

      if (text->utf8[text->glyphs[i].cluster] == ' ')
        g_assert_cmpuint (n, ==, 0);
      else
        g_assert_cmpuint (n, >, 10);
    }
  g_assert_cmpuint (count_pixels (image, 2, 0, 0, 400, 200, 256), ==,
                    count_pixels (image, 2, text->box_x, text->box_y,
                                  text->box_x + text->box_w, text->box_y + text->box_h, 256));

  /* Bold is heavier, and spills by at most half its stroke. */
  regular_ink = count_pixels (image, 2, 0, 0, 400, 200, 128);
  bold_ink = count_pixels (bold, 2, 0, 0, 400, 200, 128);
  g_test_message ("ink: regular %u, bold %u", regular_ink, bold_ink);
  g_assert_cmpuint (bold_ink, >, regular_ink * 11 / 10);
  g_assert_cmpuint (count_pixels (bold, 2, 0, 0, 400, 200, 256), ==,
                    count_pixels (bold, 2, b->box_x - 0.5, b->box_y - 0.5,
                                  b->box_x + b->box_w + 0.5, b->box_y + b->box_h + 0.5, 256));
  cairo_surface_destroy (image);
  cairo_surface_destroy (bold);

  /* At 12 px the Sharp face has a bitmap strike: the outlines are drawn
   * instead, antialiased, with grey edges; a bitmap would have none. */
  add_text (sharp_page, 2, 5, 20, 12, "网格长张三", FALSE)->color = red;
  image = sz_render_cairo_image (sharp_page, 72, &error);
  g_assert_no_error (error);
  ink = count_pixels (image, 1, 0, 0, 100, 30, 128);
  grey = count_pixels (image, 1, 0, 0, 100, 30, 215) - count_pixels (image, 1, 0, 0, 100, 30, 40);
  g_test_message ("12 px outlines: %u grey pixels, %u dark", grey, ink);
  g_assert_cmpuint (ink, >, 50);
  g_assert_cmpuint (grey, >, ink / 4);
  /* In the run's colour: red keeps full red, green and blue go together. */
  for (int y = 0; y < 30; y++)
    for (int x = 0; x < 100; x++)
      {
        Pixel p = pixel_at (image, x, y);

        g_assert_true (p.r == 255 && p.g == p.b);
      }
  cairo_surface_destroy (image);
}

/* Glyph ids a font lacks (pango's empty glyph) are skipped and the rest of
 * the run is drawn; a font file that cannot be opened is an error. */
static void
test_odd_text (void)
{
  g_autoptr(SzPage) page = sz_page_new (200, 60);
  g_autoptr(SzPage) plain = sz_page_new (200, 60);
  g_autoptr(GError) error = NULL;
  SzFontFile missing = { (char *) "/nonexistent/font.ttf", 0, (char *) "Missing", FALSE, 99 };
  cairo_surface_t *image, *expected;
  SzTextItem *text;

  text = add_text (page, 0, 10, 40, 20, "网 格", FALSE);
  text->glyphs[1].glyph = 0x0FFFFFFF;
  add_text (plain, 0, 10, 40, 20, "网", FALSE);
  add_text (plain, 0, 10 + text->glyphs[2].x, 40, 20, "格", FALSE);
  image = sz_render_cairo_image (page, 72, &error);
  g_assert_no_error (error);
  expected = sz_render_cairo_image (plain, 72, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (cairo_image_surface_get_data (image), 200 * 60 * 4,
                   cairo_image_surface_get_data (expected), 200 * 60 * 4);
  cairo_surface_destroy (image);
  cairo_surface_destroy (expected);

  text->font = &missing;
  g_assert_null (sz_render_cairo_image (page, 72, &error));
  g_assert_error (error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_FONT);
  g_assert_nonnull (strstr (error->message, missing.path));
}

/* Rectangles, a line, a PNG whose transparent half shows the rectangle
 * beneath, and a JPEG. */
static void
test_shapes_and_images (void)
{
  g_autoptr(SzPage) page = sz_page_new (300, 200);
  g_autoptr(GBytes) png = make_png_with_alpha ();
  g_autoptr(GBytes) jpeg = make_jpeg (0x00c000ff);
  g_autoptr(GError) error = NULL;
  const double s = 150 / 72.0;
  cairo_surface_t *image;
  SzRectItem *rect;

  rect = sz_page_add_rect (page, 10, 10, 80, 40);
  rect->fill = TRUE;
  rect->fill_color = (SzColor) { 1, 1, 0 };
  rect->line_width = 4;
  rect->line_color = (SzColor) { 0, 0, 1 };
  sz_page_add_rect (page, 110, 10, 80, 40)->line_width = 2;
  sz_page_add_line (page, 10, 80, 190, 80, 4, &black);
  rect = sz_page_add_rect (page, 10, 100, 80, 80);
  rect->fill = TRUE;
  rect->fill_color = red;
  sz_page_add_image (page, png, "image/png", 40, 40, 10, 100, 80, 80);
  sz_page_add_image (page, jpeg, "image/jpeg", 64, 48, 110, 100, 80, 60);

  image = sz_render_cairo_image (page, 150, &error);
  g_assert_no_error (error);
  assert_pixel (image, s, 50, 30, 255, 255, 0, 0);      /* fill */
  assert_pixel (image, s, 10.5, 30, 0, 0, 255, 0);      /* stroke over its edge */
  assert_pixel (image, s, 150, 30, 255, 255, 255, 0);   /* not filled */
  assert_pixel (image, s, 110, 30, 0, 0, 0, 0);         /* its outline */
  assert_pixel (image, s, 100, 80, 0, 0, 0, 0);         /* the line, 4 pt wide */
  assert_pixel (image, s, 100, 82.5, 255, 255, 255, 0);
  /* Butt caps: nothing beyond the ends. */
  g_assert_cmpuint (count_pixels (image, s, 0, 70, 9.5, 90, 256), ==, 0);
  g_assert_cmpuint (count_pixels (image, s, 190.5, 70, 200, 90, 256), ==, 0);
  assert_pixel (image, s, 30, 140, 0, 0, 255, 0);       /* opaque PNG */
  assert_pixel (image, s, 70, 140, 255, 0, 0, 0);       /* transparent: the rect */
  assert_pixel (image, s, 150, 130, 0, 192, 0, 6);      /* JPEG */
  assert_pixel (image, s, 110.5, 100.5, 0, 192, 0, 6);  /* with sharp edges */
  assert_pixel (image, s, 150, 175, 255, 255, 255, 0);
  cairo_surface_destroy (image);

  /* Damaged bytes, and PNG bytes that claim to be a JPEG. */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(SzPage) bad = sz_page_new (200, 100);
      g_autoptr(GBytes) junk = g_bytes_new_static ("\xff\xd8\xff\xe0 not really a JPEG \xff\xd9", 25);

      sz_page_add_image (bad, i == 0 ? junk : png, "image/jpeg", 10, 10, 0, 0, 50, 50);
      g_assert_null (sz_render_cairo_image (bad, 72, &error));
      g_assert_error (error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_IMAGE);
      g_test_message ("%s", error->message);
      g_clear_error (&error);
    }
}

static void
test_qr (void)
{
  g_autoptr(SzPage) page = sz_page_new (200, 200);
  g_autoptr(GError) error = NULL;
  g_autofree guint8 *modules = NULL;
  g_autofree guint8 *seen = NULL;
  g_autofree char *zbarimg = g_find_program_in_path ("zbarimg");
  cairo_surface_t *image;
  /* Module edges fall inside pixels at 150 dpi. */
  double x = 23.3, y = 31.7, m = 2.3, s = 150 / 72.0;
  int n = 0;

  modules = sz_qr_encode (URL, "QR", &n, &error);
  g_assert_no_error (error);
  sz_page_add_qr (page, modules, n, x, y, m);
  image = sz_render_cairo_image (page, 150, &error);
  g_assert_no_error (error);
  seen = read_qr (image, s, x, y, m, n);
  g_assert_cmpmem (seen, n * n, modules, n * n);
  /* The three finders: dark centres, light rings around them. */
  assert_pixel (image, s, x + 3.5 * m, y + 3.5 * m, 0, 0, 0, 0);
  assert_pixel (image, s, x + (n - 3.5) * m, y + 3.5 * m, 0, 0, 0, 0);
  assert_pixel (image, s, x + 3.5 * m, y + (n - 3.5) * m, 0, 0, 0, 0);
  assert_pixel (image, s, x + 1.5 * m, y + 3.5 * m, 255, 255, 255, 0);
  assert_pixel (image, s, x + (n - 1.5) * m, y + 3.5 * m, 255, 255, 255, 0);

  /* Where two dark modules meet, the pixels on their edge are as dark as
   * the modules: no seam. */
  for (int r = 0; r < n; r++)
    for (int c = 0; c < n; c++)
      {
        if (modules[r * n + c] && c + 1 < n && modules[r * n + c + 1])
          g_assert_cmpint (pixel_at (image, (int) ((x + (c + 1) * m) * s), (int) ((y + (r + 0.5) * m) * s)).g, ==, 0);
        if (modules[r * n + c] && r + 1 < n && modules[(r + 1) * n + c])
          g_assert_cmpint (pixel_at (image, (int) ((x + (c + 0.5) * m) * s), (int) ((y + (r + 1) * m) * s)).g, ==, 0);
      }
  cairo_surface_destroy (image);

  if (zbarimg != NULL)
    {
      g_autofree char *dir = test_dir ();
      g_autofree char *path = g_build_filename (dir, "qr.png", NULL);
      g_autofree char *out = NULL;
      const char *argv[] = { zbarimg, "--quiet", "--raw", path, NULL };

      g_assert_true (sz_render_cairo_png (page, 150, path, &error));
      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (g_strstrip (out), ==, URL);
      count_files (dir, TRUE);
    }
  else
    g_test_message ("zbarimg is not installed: the symbol was read back module by module");
}

typedef struct
{
  const SzPage    *page;
  cairo_surface_t *images[5];
} ThreadJob;

static gpointer
render_in_thread (gpointer data)
{
  ThreadJob *job = data;

  for (guint i = 0; i < G_N_ELEMENTS (job->images); i++)
    job->images[i] = sz_render_cairo_image (job->page, 100, NULL);
  return NULL;
}

/* Two threads open the same font for the first time at once and draw
 * with it; every image comes out the same. */
static void
test_threads (void)
{
  g_autoptr(SzPage) page = sz_page_new (300, 200);
  g_autoptr(GBytes) jpeg = make_jpeg (0x3060c0ff);
  ThreadJob jobs[2] = { { page, { NULL } }, { page, { NULL } } };
  GThread *threads[2];
  gsize size;

  add_text (page, 1, 10, 40, 18, "等宽 丰和林苑 12", FALSE);
  add_text (page, 1, 10, 80, 18, "网格员 王五", TRUE);
  sz_page_add_image (page, jpeg, "image/jpeg", 64, 48, 10, 100, 64, 48);
  for (guint t = 0; t < 2; t++)
    threads[t] = g_thread_new ("render", render_in_thread, &jobs[t]);
  for (guint t = 0; t < 2; t++)
    g_thread_join (threads[t]);

  size = (gsize) cairo_image_surface_get_stride (jobs[0].images[0]) * cairo_image_surface_get_height (jobs[0].images[0]);
  g_assert_cmpuint (count_pixels (jobs[0].images[0], 100 / 72.0, 0, 0, 300, 100, 128), >, 100);
  for (guint t = 0; t < 2; t++)
    for (guint i = 0; i < G_N_ELEMENTS (jobs[t].images); i++)
      {
        g_assert_cmpmem (cairo_image_surface_get_data (jobs[t].images[i]), size,
                         cairo_image_surface_get_data (jobs[0].images[0]), size);
        if (t + i > 0)
          cairo_surface_destroy (jobs[t].images[i]);
      }
  cairo_surface_destroy (jobs[0].images[0]);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  test_fonts_init ();

  g_test_add_func ("/board/render-cairo/threads", test_threads);
  g_test_add_func ("/board/render-cairo/png-size", test_png_size);
  g_test_add_func ("/board/render-cairo/text", test_text);
  g_test_add_func ("/board/render-cairo/odd-text", test_odd_text);
  g_test_add_func ("/board/render-cairo/shapes-and-images", test_shapes_and_images);
  g_test_add_func ("/board/render-cairo/qr", test_qr);

  return g_test_run ();
}
