/* test-render-cairo.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdarg.h>
#include <string.h>
#include <time.h>
#include <cairo-ft.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <poppler.h>

#include "sz-qr.h"
#include "sz-render-cairo.h"

#define ZENHEI "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"
#define URL "https://sanzhang.example.org/b/12345"
#define TITLE "丰和社区 网格公示牌"

/* poppler-glib 22.12 declares no cleanup functions. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

/* Face 0 for most tests; face 2 ("Sharp") has bitmap strikes at 12 to 16
 * pixels, which must not be used; face 1 only in the threads test, so
 * that two threads race to open it. */
static SzFontFile fonts[3] = {
  { (char *) ZENHEI, 0, (char *) "WenQuanYi Zen Hei", TRUE, 1 },
  { (char *) ZENHEI, 1, (char *) "WenQuanYi Zen Hei Mono", TRUE, 2 },
  { (char *) ZENHEI, 2, (char *) "WenQuanYi Zen Hei Sharp", TRUE, 3 },
};
static FT_Library ft_library;
static FT_Face ft_faces[3];

static const SzColor black = { 0, 0, 0 };
static const SzColor red = { 1, 0, 0 };

/* A text run laid out as sz-layout.c does: unhinted linear advances. */
static SzTextItem *
add_text (SzPage     *page,
          int         face_index,
          double      x,
          double      y,
          double      size,
          const char *utf8,
          gboolean    bold)
{
  FT_Face face = ft_faces[face_index];
  SzTextItem *text = sz_page_add_text (page);
  double pen = 0;
  guint i = 0;

  text->font = &fonts[face_index];
  text->size = size;
  text->x = x;
  text->y = y;
  text->color = black;
  text->bold = bold;
  text->utf8 = g_strdup (utf8);
  text->n_glyphs = g_utf8_strlen (utf8, -1);
  text->glyphs = g_new0 (SzGlyph, text->n_glyphs);
  g_assert_cmpint (FT_Set_Char_Size (face, 0, 64 * 64, 72, 72), ==, 0);
  for (const char *p = utf8; *p; p = g_utf8_next_char (p), i++)
    {
      FT_UInt glyph = FT_Get_Char_Index (face, g_utf8_get_char (p));

      g_assert_cmpuint (glyph, !=, 0);
      g_assert_cmpint (FT_Load_Glyph (face, glyph, FT_LOAD_NO_HINTING | FT_LOAD_NO_BITMAP), ==, 0);
      text->glyphs[i] = (SzGlyph) { glyph, pen, p - utf8 };
      pen += face->glyph->linearHoriAdvance / 65536.0 * size / 64.0;
    }
  text->width = text->box_w = pen;
  text->ascent = size * face->ascender / face->units_per_EM;
  text->descent = -size * face->descender / face->units_per_EM;
  text->box_x = x;
  text->box_y = y - text->ascent;
  text->box_h = text->ascent + text->descent;
  return text;
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* 40×40: the left half opaque blue, the right half fully transparent. */
static GBytes *
make_png_with_alpha (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 40, 40);
  cairo_t *cr = cairo_create (surface);
  GByteArray *buf = g_byte_array_new ();

  cairo_set_source_rgb (cr, 0, 0, 1);
  cairo_rectangle (cr, 0, 0, 20, 40);
  cairo_fill (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png_stream (surface, append_bytes, buf), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (buf);
}

static GBytes *
make_jpeg (guint32 rgba)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 64, 48);
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize len = 0;

  gdk_pixbuf_fill (pixbuf, rgba);
  gdk_pixbuf_save_to_buffer (pixbuf, &data, &len, "jpeg", &error, "quality", "95", NULL);
  g_assert_no_error (error);
  return g_bytes_new_take (data, len);
}

typedef struct
{
  int r, g, b;
} Pixel;

static Pixel
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  const guint8 *row = cairo_image_surface_get_data (surface) + (gsize) y * cairo_image_surface_get_stride (surface);
  guint32 v;

  g_assert_true (x >= 0 && x < cairo_image_surface_get_width (surface));
  g_assert_true (y >= 0 && y < cairo_image_surface_get_height (surface));
  v = ((const guint32 *) (gconstpointer) row)[x];
  /* Pages are painted white first, so every pixel is opaque. */
  g_assert_cmpuint (v >> 24, ==, 0xff);
  return (Pixel) { (v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff };
}

/* The pixel at (@x, @y) in points is within @tolerance of @r, @g, @b. */
static void
assert_pixel (cairo_surface_t *surface,
              double           scale,
              double           x,
              double           y,
              int              r,
              int              g,
              int              b,
              int              tolerance)
{
  Pixel p = pixel_at (surface, (int) (x * scale), (int) (y * scale));

  if (ABS (p.r - r) > tolerance || ABS (p.g - g) > tolerance || ABS (p.b - b) > tolerance)
    g_error ("pixel at %g,%g pt is %d %d %d, not %d %d %d", x, y, p.r, p.g, p.b, r, g, b);
}

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

static char *
test_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("sz-render-cairo-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

/* The files in @dir, removing them (and @dir) if @remove. */
static guint
count_files (const char *dir,
             gboolean    remove)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (d);
  for (; (name = g_dir_read_name (d)) != NULL; n++)
    if (remove)
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);

        g_assert_cmpint (g_unlink (path), ==, 0);
      }
  if (remove)
    g_assert_cmpint (g_rmdir (dir), ==, 0);
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

/* Reads a rendered symbol back module by module. */
static guint8 *
read_qr (cairo_surface_t *image,
         double           scale,
         double           x,
         double           y,
         double           module,
         int              n)
{
  guint8 *m = g_malloc ((gsize) n * n);

  for (int r = 0; r < n; r++)
    for (int c = 0; c < n; c++)
      {
        Pixel p = pixel_at (image, (int) ((x + (c + 0.5) * module) * scale),
                            (int) ((y + (r + 0.5) * module) * scale));

        g_assert_true (p.g < 20 || p.g > 235);
        m[r * n + c] = p.g < 128;
      }
  return m;
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
  const char *outline[4];
  const char *label_prefix;
  double      width, height;
} PageSpec;

static const PageSpec pdf_pages[] = {
  { { "第1网格 丰和第一网格", "丰和林苑 2栋", "1单元", NULL }, "G1-", 595.276, 841.890 },
  { { "第1网格 丰和第一网格", "丰和林苑 2栋", "2单元", NULL }, "G1-", 595.276, 841.890 },
  { { "第1网格 丰和第一网格", "丰和林苑 3栋", "1单元", NULL }, "G1-", 841.890, 595.276 },
  { { "第2网格 和平网格", "和平小区 1栋", "1单元", NULL }, "G2-", 841.890, 1190.551 },
};

static const char expected_outline[] =
  "第1网格 丰和第一网格 → 1 (open)\n"
  "  丰和林苑 2栋 → 1\n"
  "    1单元 → 1\n"
  "    2单元 → 2\n"
  "  丰和林苑 3栋 → 3\n"
  "    1单元 → 3\n"
  "第2网格 和平网格 → 4 (open)\n"
  "  和平小区 1栋 → 4\n"
  "    1单元 → 4\n";

static const char *expected_labels[] = { "G1-1", "G1-2", "G1-3", "G2-1" };

static void
dump_index (PopplerDocument  *doc,
            PopplerIndexIter *iter,
            int               depth,
            GString          *out)
{
  do
    {
      PopplerAction *action = poppler_index_iter_get_action (iter);
      PopplerIndexIter *child = poppler_index_iter_get_child (iter);
      PopplerDest *dest = action->goto_dest.dest;
      PopplerDest *named = NULL;

      g_assert_cmpint (action->type, ==, POPPLER_ACTION_GOTO_DEST);
      if (dest->type == POPPLER_DEST_NAMED)
        dest = named = poppler_document_find_dest (doc, dest->named_dest);
      g_string_append_printf (out, "%*s%s → %d%s\n", depth * 2, "", action->any.title, dest->page_num,
                              child != NULL && poppler_index_iter_is_open (iter) ? " (open)" : "");
      if (child != NULL)
        dump_index (doc, child, depth + 1, out);
      g_clear_pointer (&child, poppler_index_iter_free);
      g_clear_pointer (&named, poppler_dest_free);
      poppler_action_free (action);
    }
  while (poppler_index_iter_next (iter));
}

/* @text without white space, as extraction spaces it as it likes. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (out, g_utf8_get_char (p));
  return g_string_free (out, FALSE);
}

/* Counts in binary data too: PDF streams hold NUL bytes. */
static guint
count_substrings (const char *haystack,
                  gsize       len,
                  const char *needle,
                  gsize       needle_len)
{
  guint n = 0;

  for (gsize i = 0; i + needle_len <= len; i++)
    n += memcmp (haystack + i, needle, needle_len) == 0;
  return n;
}

/* The standard output of a tool that must succeed, or NULL when it is
 * not installed. */
static char *
run_tool (const char *tool,
          ...)
{
  g_autofree char *program = g_find_program_in_path (tool);
  g_autoptr(GError) error = NULL;
  const char *argv[8] = { program, };
  char *out = NULL;
  int status = 0;
  va_list args;

  if (program == NULL)
    {
      g_test_message ("%s is not installed: skipped", tool);
      return NULL;
    }
  va_start (args, tool);
  for (guint i = 1; i < G_N_ELEMENTS (argv) - 1 && (argv[i] = va_arg (args, const char *)) != NULL; i++)
    ;
  va_end (args);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
  return out;
}

static void
check_pdf_tools (const char *path)
{
  /* "-": to standard output, not to a file beside the PDF. */
  g_autofree char *text = run_tool ("pdftotext", "-enc", "UTF-8", path, "-", NULL);
  g_autofree char *fonts_out = run_tool ("pdffonts", path, NULL);
  g_autofree char *check = run_tool ("qpdf", "--check", path, NULL);

  if (text != NULL)
    {
      g_autofree char *squeezed = squeeze (text);

      g_assert_nonnull (strstr (squeezed, "丰和林苑2栋1单元"));
      g_assert_nonnull (strstr (squeezed, "和平小区1栋1单元"));
      g_assert_cmpuint (count_substrings (squeezed, strlen (squeezed), "网格长张三", strlen ("网格长张三")), ==,
                        G_N_ELEMENTS (pdf_pages));
    }
  if (fonts_out != NULL)
    {
      g_auto(GStrv) lines = g_strsplit (fonts_out, "\n", -1);
      gsize emb = strstr (lines[0], "emb") - lines[0];
      guint n_fonts = 0;

      g_test_message ("%s", fonts_out);
      for (guint i = 2; lines[i] != NULL; i++)
        if (*lines[i] != '\0' && ++n_fonts)
          {
            g_assert_true (strlen (lines[i]) > emb + 3 && strncmp (lines[i] + emb, "yes", 3) == 0);
            g_assert_null (strstr (lines[i], "Type 3"));
          }
      g_assert_cmpuint (n_fonts, >=, 2);
    }
  if (check != NULL)
    g_assert_nonnull (strstr (check, "No syntax or stream encoding errors"));
}

static void
test_pdf (void)
{
  g_autofree char *dir = test_dir ();
  g_autofree char *path = g_build_filename (dir, "公示牌.pdf", NULL);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(GBytes) png = make_png_with_alpha ();
  g_autoptr(GBytes) jpeg = make_jpeg (0x00c000ff);
  g_autoptr(GBytes) jpeg_copy = g_bytes_new (g_bytes_get_data (jpeg, NULL), g_bytes_get_size (jpeg));
  g_autoptr(GError) error = NULL;
  g_autoptr(SzCairoPdf) pdf = NULL;
  g_autoptr(PopplerDocument) doc = NULL;
  g_autoptr(PopplerPage) first = NULL;
  g_autoptr(GString) outline = g_string_new (NULL);
  g_autofree guint8 *modules = NULL;
  g_autofree guint8 *seen = NULL;
  g_autofree char *raw = NULL;
  gsize raw_len;
  SzDocInfo info = { (char *) TITLE, (char *) "丰和社区", (char *) "网格公示", (char *) "Sanzhang 0.1" };
  PopplerIndexIter *iter;
  cairo_surface_t *image;
  cairo_t *cr;
  int n = 0;

  modules = sz_qr_encode (URL, "QR", &n, &error);
  g_assert_no_error (error);
  pdf = sz_cairo_pdf_new (path, &info, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (pdf_pages); i++)
    {
      const PageSpec *spec = &pdf_pages[i];
      g_autoptr(SzPage) page = sz_page_new (spec->width, spec->height);
      g_autofree char *heading = g_strdup_printf ("%s %s", spec->outline[1], spec->outline[2]);

      page->outline = g_strdupv ((char **) spec->outline);
      page->label_prefix = g_strdup (spec->label_prefix);
      add_text (page, 0, 40, 60, 20, heading, FALSE);
      add_text (page, 0, 40, 100, 14, "网格长 张三", TRUE);
      add_text (page, 2, 40, 130, 12, "楼长 李四 13800001234", FALSE);
      /* A glyph the font lacks: skipped, the text around it kept. */
      add_text (page, 0, 40, 160, 12, "网 格 员", FALSE)->glyphs[1].glyph = 0x0FFFFFFF;
      sz_page_add_line (page, 40, 140, 300, 140, 1, &black);
      sz_page_add_qr (page, modules, n, 40, 300, 3);
      /* The same photo on pages 1 and 2, and a copy of its bytes on 4. */
      if (i != 2)
        sz_page_add_image (page, i < 2 ? jpeg : jpeg_copy, "image/jpeg", 64, 48, 300, 160, 128, 96);
      if (i == 1)
        sz_page_add_image (page, png, "image/png", 40, 40, 300, 300, 80, 80);
      g_assert_true (sz_cairo_pdf_add_page (pdf, page, &error));
      g_assert_no_error (error);
    }
  g_assert_cmpuint (sz_cairo_pdf_get_n_pages (pdf), ==, G_N_ELEMENTS (pdf_pages));
  /* Nothing under the final name until the PDF is finished. */
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (sz_cairo_pdf_finish (pdf, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_files (dir, FALSE), ==, 1);

  doc = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, G_N_ELEMENTS (pdf_pages));
  for (guint i = 0; i < G_N_ELEMENTS (pdf_pages); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (doc, i);
      g_autofree char *label = poppler_page_get_label (page);
      g_autofree char *text = poppler_page_get_text (page);
      g_autofree char *squeezed = squeeze (text);
      g_autofree char *heading = g_strconcat (pdf_pages[i].outline[1], pdf_pages[i].outline[2], NULL);
      g_autofree char *heading_squeezed = squeeze (heading);
      double w, h;

      poppler_page_get_size (page, &w, &h);
      g_assert_cmpfloat (fabs (w - pdf_pages[i].width), <, 72 / 254.0);   /* 0.1 mm */
      g_assert_cmpfloat (fabs (h - pdf_pages[i].height), <, 72 / 254.0);
      g_assert_cmpstr (label, ==, expected_labels[i]);
      g_assert_nonnull (strstr (squeezed, heading_squeezed));
      g_assert_nonnull (strstr (squeezed, "楼长李四13800001234"));
      g_assert_nonnull (strstr (squeezed, "网格员"));
      /* Bold is drawn twice, but its text is there once. */
      g_assert_cmpuint (count_substrings (squeezed, strlen (squeezed), "网格长张三", strlen ("网格长张三")), ==, 1);
    }

  /* The QR and the photo survive the trip through PDF. */
  first = poppler_document_get_page (doc, 0);
  image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1241, 1754);
  cr = cairo_create (image);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, 150 / 72.0, 150 / 72.0);
  poppler_page_render_for_printing (first, cr);
  cairo_destroy (cr);
  seen = read_qr (image, 150 / 72.0, 40, 300, 3, n);
  g_assert_cmpmem (seen, n * n, modules, n * n);
  assert_pixel (image, 150 / 72.0, 364, 208, 0, 192, 0, 8);
  cairo_surface_destroy (image);

  iter = poppler_index_iter_new (doc);
  dump_index (doc, iter, 0, outline);
  poppler_index_iter_free (iter);
  g_assert_cmpstr (outline->str, ==, expected_outline);
  {
    g_autofree char *title = poppler_document_get_title (doc);
    g_autofree char *author = poppler_document_get_author (doc);
    g_autofree char *subject = poppler_document_get_subject (doc);
    g_autofree char *creator = poppler_document_get_creator (doc);

    g_assert_cmpstr (title, ==, TITLE);
    g_assert_cmpstr (author, ==, "丰和社区");
    g_assert_cmpstr (subject, ==, "网格公示");
    g_assert_cmpstr (creator, ==, "Sanzhang 0.1");
    g_assert_cmpint (ABS ((gint64) poppler_document_get_creation_date (doc) - (gint64) time (NULL)), <, 600);
  }

  /* One JPEG, embedded as it came, however many pages and GBytes show it;
   * the PNG keeps its alpha as a soft mask. */
  g_assert_true (g_file_get_contents (path, &raw, &raw_len, NULL));
  g_assert_cmpuint (count_substrings (raw, raw_len, "/DCTDecode", 10), ==, 1);
  g_assert_cmpuint (count_substrings (raw, raw_len, g_bytes_get_data (jpeg, NULL), g_bytes_get_size (jpeg)), ==, 1);
  g_assert_cmpuint (count_substrings (raw, raw_len, "/SMask", 6), >=, 1);

  check_pdf_tools (path);
  count_files (dir, TRUE);
}

static void
test_pdf_errors (void)
{
  g_autofree char *dir = test_dir ();
  g_autofree char *path = g_build_filename (dir, "board.pdf", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing", "board.pdf", NULL);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(GBytes) junk = g_bytes_new_static ("\x89PNG\r\n\x1a\n not a PNG at all", 25);
  g_autoptr(GError) error = NULL;
  g_autoptr(SzPage) bad = sz_page_new (200, 200);
  g_autoptr(SzPage) good = sz_page_new (300, 200);
  g_autoptr(PopplerDocument) doc = NULL;
  g_autoptr(PopplerPage) page = NULL;
  g_autofree char *text = NULL;
  g_autofree char *label = NULL;
  SzCairoPdf *pdf;

  /* A folder that does not exist. */
  g_assert_null (sz_cairo_pdf_new (missing, NULL, &error));
  g_assert_error (error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, missing));
  g_clear_error (&error);

  add_text (bad, 0, 10, 50, 20, "坏页", FALSE);
  sz_page_add_image (bad, junk, "image/png", 10, 10, 10, 60, 50, 50);
  bad->label_prefix = g_strdup ("X-");
  add_text (good, 0, 10, 50, 20, "好页", FALSE);
  good->label_prefix = g_strdup ("Y-");

  /* Given up before the end, or with no pages: nothing is left behind. */
  pdf = sz_cairo_pdf_new (path, NULL, &error);
  g_assert_true (sz_cairo_pdf_add_page (pdf, good, &error));
  g_assert_cmpuint (count_files (dir, FALSE), ==, 1);
  sz_cairo_pdf_free (pdf);
  g_assert_cmpuint (count_files (dir, FALSE), ==, 0);
  pdf = sz_cairo_pdf_new (path, NULL, &error);
  g_assert_false (sz_cairo_pdf_finish (pdf, &error));
  g_assert_error (error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_INVALID);
  g_clear_error (&error);
  sz_cairo_pdf_free (pdf);
  g_assert_cmpuint (count_files (dir, FALSE), ==, 0);

  /* A damaged picture fails its page, drawing nothing; the document goes
   * on with the next page. */
  pdf = sz_cairo_pdf_new (path, NULL, &error);
  g_assert_false (sz_cairo_pdf_add_page (pdf, bad, &error));
  g_assert_error (error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_IMAGE);
  g_clear_error (&error);
  g_assert_cmpuint (sz_cairo_pdf_get_n_pages (pdf), ==, 0);
  g_assert_true (sz_cairo_pdf_add_page (pdf, good, &error));
  g_assert_true (sz_cairo_pdf_finish (pdf, &error));
  g_assert_no_error (error);
  sz_cairo_pdf_free (pdf);

  doc = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, 1);
  page = poppler_document_get_page (doc, 0);
  text = poppler_page_get_text (page);
  label = poppler_page_get_label (page);
  g_assert_nonnull (strstr (text, "好页"));
  g_assert_cmpstr (label, ==, "Y-1");
  g_assert_cmpuint (count_files (dir, TRUE), ==, 1);
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

/* Figures only (-m perf): a batch of 300 unit boards of 80 runs, one in
 * ten bold, and one A4 board at 150 dpi. */
static void
test_perf (void)
{
  static const char pool[] =
    "丰和林苑社区网格第一二三四五六七八九十栋单元楼长户主电话张王李赵刘陈杨黄周吴徐孙马朱胡郭何高林罗"
    "郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方";
  g_autofree char *dir = test_dir ();
  g_autofree char *path = g_build_filename (dir, "city.pdf", NULL);
  g_autoptr(SzCairoPdf) pdf = sz_cairo_pdf_new (path, NULL, NULL);
  g_autoptr(SzPage) a4 = NULL;
  glong pool_len = g_utf8_strlen (pool, -1);
  gint64 start = g_get_monotonic_time ();
  GStatBuf st;
  guint seed = 1;

  for (guint p = 0; p < 300; p++)
    {
      g_autoptr(SzPage) page = sz_page_new (595.276, 841.890);

      page->outline = g_new0 (char *, 4);
      page->outline[0] = g_strdup_printf ("第%u网格", p / 30 + 1);
      page->outline[1] = g_strdup_printf ("丰和林苑 %u栋", p / 6 + 1);
      page->outline[2] = g_strdup_printf ("%u单元", p % 6 + 1);
      page->label_prefix = g_strdup_printf ("G%u-", p / 30 + 1);
      for (guint r = 0; r < 80; r++)
        {
          g_autoptr(GString) run = g_string_new (NULL);

          for (guint c = 0; c < 6; c++)
            {
              seed = seed * 1103515245 + 12345;
              g_string_append_unichar (run, g_utf8_get_char (g_utf8_offset_to_pointer (pool, (seed >> 16) % pool_len)));
            }
          g_string_append_printf (run, " 138%08u", (seed >> 8) % 100000000);
          add_text (page, 0, 30 + (r % 2) * 280, 40 + (r / 2) * 19.5, 11, run->str, r % 10 == 0);
        }
      g_assert_true (sz_cairo_pdf_add_page (pdf, page, NULL));
      if (p == 0)
        a4 = g_steal_pointer (&page);
    }
  g_assert_true (sz_cairo_pdf_finish (pdf, NULL));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_test_message ("300 pages × 80 runs through SzCairoPdf: %.2f s, %.1f KiB",
                  (g_get_monotonic_time () - start) / 1e6, st.st_size / 1024.0);

  start = g_get_monotonic_time ();
  for (guint i = 0; i < 5; i++)
    cairo_surface_destroy (sz_render_cairo_image (a4, 150, NULL));
  g_test_message ("one A4 page of 80 runs at 150 dpi: %.1f ms", (g_get_monotonic_time () - start) / 5e3);
  count_files (dir, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_assert_cmpint (FT_Init_FreeType (&ft_library), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (ft_faces); i++)
    g_assert_cmpint (FT_New_Face (ft_library, ZENHEI, i, &ft_faces[i]), ==, 0);

  g_test_add_func ("/board/render-cairo/threads", test_threads);
  g_test_add_func ("/board/render-cairo/png-size", test_png_size);
  g_test_add_func ("/board/render-cairo/text", test_text);
  g_test_add_func ("/board/render-cairo/odd-text", test_odd_text);
  g_test_add_func ("/board/render-cairo/shapes-and-images", test_shapes_and_images);
  g_test_add_func ("/board/render-cairo/qr", test_qr);
  g_test_add_func ("/board/render-cairo/pdf", test_pdf);
  g_test_add_func ("/board/render-cairo/pdf-errors", test_pdf_errors);
  if (g_test_perf ())
    g_test_add_func ("/board/render-cairo/perf", test_perf);

  return g_test_run ();
}
