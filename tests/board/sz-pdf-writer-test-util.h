/* sz-pdf-writer-test-util.h: what the tests of Sanzhang's own PDF writer
 * (test-render-pdf.c) adds to what both writers' tests share
 * (sz-pdf-pages-test-util.h): its fonts, saving and adding pages.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <cairo.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <poppler.h>

#include "sz-render-pdf.h"
#include "sz-pdf-pages-test-util.h"

#define HANAMIN_B "/usr/share/fonts/truetype/hanazono/HanaMinB.ttf"

static SzFontFile zenhei = { (char *) ZENHEI, 0, (char *) "WenQuanYi Zen Hei", TRUE, 1 };
static SzFontFile hanamin = { (char *) HANAMIN_A, 0, (char *) "HanaMinA", TRUE, 2 };
static SzFontFile hanamin_b = { (char *) HANAMIN_B, 0, (char *) "HanaMinB", FALSE, 3 };

static void
save_pages (SzPdfWriter *w,
            const char   *path)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sz_pdf_writer_finish (w, &error));
  g_assert_no_error (error);
  (void) path;
}

/* Adds @page and frees it at once: the writer must keep nothing of it. */
static void
add_page (SzPdfWriter *w,
          SzPage       *page)
{
  g_autoptr(GError) error = NULL;

  sz_pdf_writer_add_page (w, page, &error);
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

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (d != NULL && g_dir_read_name (d) != NULL)
    n++;
  return n;
}

/* HanaMinA, the Extension A font: embedded, subset, drawn with ink. */
