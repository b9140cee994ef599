/* sz-render-test-util.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo-ft.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "sz-render-cairo.h"

/* Shared by test-render-cairo.c and test-render-cairo-pdf.c. */

#define ZENHEI "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"
#define URL "https://sanzhang.example.org/b/12345"

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

/* Opens the three faces of ZENHEI for add_text(): call from main(). */
static inline void
test_fonts_init (void)
{
  g_assert_cmpint (FT_Init_FreeType (&ft_library), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (ft_faces); i++)
    g_assert_cmpint (FT_New_Face (ft_library, ZENHEI, i, &ft_faces[i]), ==, 0);
}

/* A text run laid out as sz-layout.c does: unhinted linear advances. */
static inline SzTextItem *
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

static inline cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* 40×40: the left half opaque blue, the right half fully transparent. */
static inline GBytes *
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

static inline GBytes *
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

static inline Pixel
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
static inline void
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

/* Reads a rendered symbol back module by module. */
static inline guint8 *
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

static inline char *
test_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("sz-render-cairo-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

/* The files in @dir, removing them (and @dir) if @remove. */
static inline guint
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
