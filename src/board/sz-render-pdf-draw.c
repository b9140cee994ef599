/* sz-render-pdf-draw.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <cairo.h>
#include <zlib.h>
#include <glib/gi18n-lib.h>

#include "sz-render-cairo.h"
#include "sz-render-pdf-private.h"

/* A page's content stream, drawn as sz-render-hpdf-draw.c draws it
 * (colour, font and line width set only when they change, QR modules as
 * one path in module units), and its pictures: JPEG passed through as it
 * is, PNG decoded by cairo and deflated, alpha as a soft mask. */

typedef struct
{
  SzPdfWriter *w;
  GString     *s;
  GArray      *fonts;
  GArray      *images;
  double       height;
  PdfFont     *font;
  double       size;
  SzColor      fill;
  SzColor      stroke;
  gboolean     fill_set, stroke_set;
  double       line_width;
  gboolean     text_stroked;
  gboolean     in_text;
} Pen;

static void
add_unique (GArray *array,
            guint   obj)
{
  for (guint i = 0; i < array->len; i++)
    if (g_array_index (array, guint, i) == obj)
      return;
  g_array_append_val (array, obj);
}

static void
num (Pen    *pen,
     double  v)
{
  _sz_pdf_num (pen->s, v);
  g_string_append_c (pen->s, ' ');
}

static void
color (Pen           *pen,
       const SzColor *c,
       const char    *op)
{
  num (pen, CLAMP (c->r, 0.0, 1.0));
  num (pen, CLAMP (c->g, 0.0, 1.0));
  num (pen, CLAMP (c->b, 0.0, 1.0));
  g_string_append (pen->s, op);
  g_string_append_c (pen->s, '\n');
}

static void
pen_fill (Pen           *pen,
          const SzColor *c)
{
  if (pen->fill_set && memcmp (&pen->fill, c, sizeof *c) == 0)
    return;
  pen->fill = *c;
  pen->fill_set = TRUE;
  color (pen, c, "rg");
}

static void
pen_stroke (Pen           *pen,
            const SzColor *c,
            double         width)
{
  if (!pen->stroke_set || memcmp (&pen->stroke, c, sizeof *c) != 0)
    {
      pen->stroke = *c;
      pen->stroke_set = TRUE;
      color (pen, c, "RG");
    }
  if (pen->line_width != width)
    {
      pen->line_width = width;
      num (pen, width);
      g_string_append (pen->s, "w\n");
    }
}

static void
pen_end_text (Pen *pen)
{
  if (!pen->in_text)
    return;
  g_string_append (pen->s, "ET\n");
  pen->in_text = FALSE;
}

/* One byte of a CID in a literal string: binary, half the size of hex,
 * with only what a literal string cannot hold escaped. */
static inline void
str_code (GString *s,
          guint    byte)
{
  if (byte == '(' || byte == ')' || byte == '\\')
    {
      g_string_append_c (s, '\\');
      g_string_append_c (s, byte);
    }
  else if (byte == '\r')
    g_string_append (s, "\\r");
  else
    g_string_append_c (s, byte);
}

/* The glyphs as one TJ: each glyph's CID as two bytes, with a kerning number
 * only where the layout's position differs from the advance the font's
 * widths give. */
/* Glyphs for a run that came without (a display list made by hand, not
 * by the layout): shaped by HarfBuzz with the font's own advances. */
static SzGlyph *
shape (PdfFont          *font,
       const SzTextItem *t,
       guint            *n)
{
  hb_buffer_t *buffer = hb_buffer_create ();
  hb_glyph_info_t *info;
  hb_glyph_position_t *pos;
  SzGlyph *glyphs;
  double x = 0;

  hb_buffer_add_utf8 (buffer, t->utf8, -1, 0, -1);
  hb_buffer_guess_segment_properties (buffer);
  hb_shape (font->font, buffer, NULL, 0);
  info = hb_buffer_get_glyph_infos (buffer, n);
  pos = hb_buffer_get_glyph_positions (buffer, NULL);
  glyphs = g_new (SzGlyph, MAX (*n, 1));
  for (guint i = 0; i < *n; i++)
    {
      glyphs[i].glyph = info[i].codepoint;
      glyphs[i].x = x + (double) pos[i].x_offset * t->size / font->upem;
      glyphs[i].cluster = info[i].cluster;
      x += (double) pos[i].x_advance * t->size / font->upem;
    }
  hb_buffer_destroy (buffer);
  return glyphs;
}

static void
draw_text (Pen              *pen,
           const SzTextItem *item)
{
  PdfFont *font;
  SzTextItem shaped;
  const SzTextItem *t = item;
  g_autofree SzGlyph *own = NULL;
  gsize len = item->utf8 != NULL ? strlen (item->utf8) : 0;
  double at = 0;   /* where the PDF's pen is, relative to t->x, in points */
  gboolean any = FALSE;

  if (item->size <= 0 || item->font == NULL || (item->n_glyphs == 0 && len == 0))
    return;
  font = g_hash_table_lookup (pen->w->fonts_by_id, GINT_TO_POINTER (item->font->id));
  if (font == NULL)
    return;
  if (item->n_glyphs == 0)
    {
      shaped = *item;
      own = shape (font, item, &shaped.n_glyphs);
      shaped.glyphs = own;
      t = &shaped;
      if (t->n_glyphs == 0)
        return;
    }
  if (!pen->in_text)
    {
      g_string_append (pen->s, "BT\n");
      pen->in_text = TRUE;
    }
  if (pen->font != font || pen->size != t->size)
    {
      g_string_append (pen->s, "/F");
      _sz_pdf_int (pen->s, font->obj);
      g_string_append_c (pen->s, ' ');
      num (pen, t->size);
      g_string_append (pen->s, "Tf\n");
      pen->font = font;
      pen->size = t->size;
      add_unique (pen->fonts, font->obj);
    }
  pen_fill (pen, &t->color);
  if (t->bold)
    pen_stroke (pen, &t->color, t->size / 30);
  if (pen->text_stroked != t->bold)
    {
      g_string_append (pen->s, t->bold ? "2 Tr\n" : "0 Tr\n");
      pen->text_stroked = t->bold;
    }
  g_string_append (pen->s, "1 0 0 1 ");
  num (pen, t->x);
  num (pen, pen->height - t->y);
  g_string_append (pen->s, "Tm[(");
  for (guint i = 0; i < t->n_glyphs; i++)
    {
      const SzGlyph *g = &t->glyphs[i];
      guint32 start = g->cluster, end = len;
      guint cid;
      double adjust;

      /* Glyph ids the font lacks are left out, as cairo leaves them. */
      if (g->glyph >= font->n_glyphs)
        continue;
      /* What the glyph draws: its cluster's bytes, given to the first
       * glyph of the cluster. */
      for (guint k = i + 1; k < t->n_glyphs; k++)
        if (t->glyphs[k].cluster != g->cluster)
          {
            end = t->glyphs[k].cluster;
            break;
          }
      if (i > 0 && t->glyphs[i - 1].cluster == g->cluster)
        start = end = 0;
      if (start > len || end > len || end < start)
        start = end = 0;
      cid = _sz_pdf_font_cid (font, g->glyph, t->utf8 + start, end - start);
      adjust = (at - g->x) * 1000 / t->size;
      /* Half a thousandth of an em is nothing to see. */
      if (any && (adjust > 0.5 || adjust < -0.5))
        {
          g_string_append (pen->s, ")");
          _sz_pdf_num (pen->s, adjust);
          g_string_append (pen->s, "(");
          at = g->x;
        }
      else if (!any && (g->x * 1000 / t->size > 0.5 || g->x * 1000 / t->size < -0.5))
        {
          g_string_append (pen->s, ")");
          _sz_pdf_num (pen->s, -g->x * 1000 / t->size);
          g_string_append (pen->s, "(");
          at = g->x;
        }
      str_code (pen->s, cid >> 8);
      str_code (pen->s, cid & 0xff);
      at += g_array_index (font->widths, double, cid) * t->size / 1000;
      any = TRUE;
    }
  g_string_append (pen->s, ")]TJ\n");
}

static void
rect_path (Pen    *pen,
           double  x,
           double  y,
           double  w,
           double  h)
{
  num (pen, x);
  num (pen, y);
  num (pen, w);
  num (pen, h);
  g_string_append (pen->s, "re\n");
}

static void
draw_rect (Pen              *pen,
           const SzRectItem *r)
{
  gboolean stroke = r->line_width > 0;

  if (!r->fill && !stroke)
    return;
  if (r->fill)
    pen_fill (pen, &r->fill_color);
  if (stroke)
    pen_stroke (pen, &r->line_color, r->line_width);
  rect_path (pen, r->x, pen->height - r->y - r->h, r->w, r->h);
  g_string_append (pen->s, r->fill && stroke ? "B\n" : r->fill ? "f\n" : "S\n");
}

static void
draw_line (Pen              *pen,
           const SzLineItem *l)
{
  if (!(l->line_width > 0))
    return;
  pen_stroke (pen, &l->color, l->line_width);
  num (pen, l->x0);
  num (pen, pen->height - l->y0);
  g_string_append (pen->s, "m ");
  num (pen, l->x1);
  num (pen, pen->height - l->y1);
  g_string_append (pen->s, "l S\n");
}

/* The modules as one path in module units (see sz-render-hpdf-draw.c). */
static gboolean
qr_path (GString        *s,
         const SzQrItem *q)
{
  gboolean any = FALSE;

  for (int row = 0; row < q->n; row++)
    for (int col = 0, end; col < q->n; col = end + 1)
      {
        const guint8 *m = q->modules + (gsize) row * q->n;

        for (end = col; end < q->n && m[end]; end++)
          ;
        if (end == col)
          continue;
        _sz_pdf_int (s, col);
        g_string_append_c (s, ' ');
        _sz_pdf_int (s, row);
        g_string_append_c (s, ' ');
        _sz_pdf_int (s, end - col);
        g_string_append (s, " 1 re\n");
        any = TRUE;
      }
  return any;
}

/* A batch prints the community's code on every board: the symbol is a
 * Form XObject, written once and drawn by name, which takes most of a
 * page's content away.  Past QR_FORMS_MAX different symbols, the rest are
 * drawn in the page, so that memory stays bounded. */
#define QR_FORMS_MAX 256

static guint
qr_form (Pen            *pen,
         const SzQrItem *q)
{
  gsize side = (gsize) q->n * q->n;
  g_autoptr(GBytes) key = NULL;
  guint8 *data;
  guint obj;

  data = g_malloc (sizeof q->color + sizeof q->n + side);
  memcpy (data, &q->color, sizeof q->color);
  memcpy (data + sizeof q->color, &q->n, sizeof q->n);
  memcpy (data + sizeof q->color + sizeof q->n, q->modules, side);
  key = g_bytes_new_take (data, sizeof q->color + sizeof q->n + side);
  obj = GPOINTER_TO_UINT (g_hash_table_lookup (pen->w->qr_forms, key));
  if (obj == 0 && g_hash_table_size (pen->w->qr_forms) < QR_FORMS_MAX)
    {
      g_autoptr(GString) s = g_string_sized_new (4096);
      g_autoptr(GString) dict = g_string_new ("/Type/XObject/Subtype/Form/BBox[0 0 ");
      Pen form = { .s = s };

      _sz_pdf_int (dict, q->n);
      g_string_append_c (dict, ' ');
      _sz_pdf_int (dict, q->n);
      g_string_append_c (dict, ']');
      color (&form, &q->color, "rg");
      if (qr_path (s, q))
        g_string_append (s, "f\n");
      obj = _sz_pdf_obj_new (pen->w);
      _sz_pdf_stream (pen->w, obj, dict->str, s->str, s->len, TRUE);
      g_hash_table_insert (pen->w->qr_forms, g_steal_pointer (&key), GUINT_TO_POINTER (obj));
    }
  return obj;
}

static void
draw_qr (Pen            *pen,
         const SzQrItem *q)
{
  guint form = q->n > 0 && q->modules != NULL ? qr_form (pen, q) : 0;

  if (form == 0)
    pen_fill (pen, &q->color);
  g_string_append (pen->s, "q ");
  num (pen, q->module);
  g_string_append (pen->s, "0 0 ");
  num (pen, -q->module);
  num (pen, q->x);
  num (pen, pen->height - q->y);
  g_string_append (pen->s, "cm\n");
  if (form != 0)
    {
      add_unique (pen->images, form);
      g_string_append (pen->s, "/I");
      _sz_pdf_int (pen->s, form);
      g_string_append (pen->s, " Do Q\n");
      return;
    }
  if (q->n > 0 && q->modules != NULL && qr_path (pen->s, q))
    g_string_append (pen->s, "f ");
  g_string_append (pen->s, "Q\n");
}

static void
draw_image (Pen               *pen,
            const SzImageItem *im)
{
  guint obj = GPOINTER_TO_UINT (g_hash_table_lookup (pen->w->images, im->data));

  if (obj == 0)
    return;
  add_unique (pen->images, obj);
  g_string_append (pen->s, "q ");
  num (pen, im->w);
  g_string_append (pen->s, "0 0 ");
  num (pen, im->h);
  num (pen, im->x);
  num (pen, pen->height - im->y - im->h);
  g_string_append (pen->s, "cm /I");
  _sz_pdf_int (pen->s, obj);
  g_string_append (pen->s, " Do Q\n");
}

void
_sz_pdf_draw_page (SzPdfWriter  *w,
                   const SzPage *page,
                   GString      *content,
                   GArray       *fonts,
                   GArray       *images)
{
  /* PDF's initial graphics state: black, width 1. */
  Pen pen = { w, content, fonts, images, page->height, NULL, 0,
              { 0, 0, 0 }, { 0, 0, 0 }, TRUE, TRUE, 1, FALSE, FALSE };

  for (guint i = 0; i < page->items->len; i++)
    {
      const SzItem *item = g_ptr_array_index (page->items, i);

      if (item->kind != SZ_ITEM_TEXT)
        pen_end_text (&pen);
      switch (item->kind)
        {
        case SZ_ITEM_TEXT:
          draw_text (&pen, &item->text);
          break;
        case SZ_ITEM_RECT:
          draw_rect (&pen, &item->rect);
          break;
        case SZ_ITEM_LINE:
          draw_line (&pen, &item->line);
          break;
        case SZ_ITEM_IMAGE:
          draw_image (&pen, &item->image);
          break;
        case SZ_ITEM_QR:
          draw_qr (&pen, &item->qr);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  pen_end_text (&pen);
}

/* Size and components of a baseline or progressive JPEG, from its frame
 * header; FALSE when there is none. */
static gboolean
jpeg_header (const guint8 *d,
             gsize         len,
             int          *width,
             int          *height,
             int          *components,
             gboolean     *adobe)
{
  gsize i = 2;

  *adobe = FALSE;
  if (len < 4 || d[0] != 0xff || d[1] != 0xd8)
    return FALSE;
  while (i + 4 <= len)
    {
      guint marker, seg;

      if (d[i] != 0xff)
        return FALSE;
      marker = d[i + 1];
      if (marker == 0xff)
        {
          i++;
          continue;
        }
      if (marker == 0xd8 || marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7))
        {
          i += 2;
          continue;
        }
      seg = (d[i + 2] << 8) | d[i + 3];
      if (seg < 2 || i + 2 + seg > len)
        return FALSE;
      if (marker == 0xee && seg >= 7 && memcmp (d + i + 4, "Adobe", 5) == 0)
        *adobe = TRUE;
      if (marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc)
        {
          if (seg < 8)
            return FALSE;
          *height = (d[i + 5] << 8) | d[i + 6];
          *width = (d[i + 7] << 8) | d[i + 8];
          *components = d[i + 9];
          return d[i + 4] == 8 && *width > 0 && *height > 0
                 && (*components == 1 || *components == 3 || *components == 4);
        }
      i += 2 + seg;
    }
  return FALSE;
}

static guint
jpeg_write (SzPdfWriter *w,
            GBytes      *bytes)
{
  gsize len;
  const guint8 *d = g_bytes_get_data (bytes, &len);
  int width, height, components;
  gboolean adobe;
  g_autofree char *dict = NULL;
  guint obj;

  if (!jpeg_header (d, len, &width, &height, &components, &adobe))
    return 0;
  dict = g_strdup_printf ("/Type/XObject/Subtype/Image/Width %d/Height %d/ColorSpace/%s"
                          "/BitsPerComponent 8%s/Filter/DCTDecode",
                          width, height,
                          components == 1 ? "DeviceGray" : components == 3 ? "DeviceRGB" : "DeviceCMYK",
                          components == 4 && adobe ? "/Decode[1 0 1 0 1 0 1 0]" : "");
  obj = _sz_pdf_obj_new (w);
  _sz_pdf_stream (w, obj, dict, d, len, FALSE);
  return obj;
}

static guint32
png_u32 (const guint8 *p)
{
  return (guint32) p[0] << 24 | (guint32) p[1] << 16 | (guint32) p[2] << 8 | p[3];
}

/* A grey or RGB PNG without transparency or interlace goes into the PDF as
 * it is: its IDAT data is a zlib stream with the PNG predictors, which
 * FlateDecode with /Predictor 15 reads.  Inflating and deflating every
 * admin's WeChat code cost more than laying out the boards.  0 when the
 * file is not such a PNG or any chunk fails its CRC: the caller decodes it
 * (and reports a damaged one). */
static guint
png_passthrough (SzPdfWriter *w,
                 GBytes      *bytes)
{
  static const guint8 signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  gsize len;
  const guint8 *data = g_bytes_get_data (bytes, &len);
  g_autoptr(GByteArray) idat = g_byte_array_new ();
  guint32 width = 0, height = 0;
  int depth = 0, colors = 0;
  gboolean end = FALSE;
  gsize at = 8;
  guint obj;

  if (len < 8 || memcmp (data, signature, 8) != 0)
    return 0;
  while (!end && at + 12 <= len)
    {
      guint32 n = png_u32 (data + at);
      const guint8 *type = data + at + 4;
      const guint8 *body = data + at + 8;

      if (n > len - at - 12
          || crc32 (crc32 (0, NULL, 0), type, n + 4) != png_u32 (body + n))
        return 0;
      if (memcmp (type, "IHDR", 4) == 0)
        {
          if (n != 13 || at != 8)
            return 0;
          width = png_u32 (body);
          height = png_u32 (body + 4);
          depth = body[8];
          /* Grey or RGB, deflate, adaptive filters, not interlaced. */
          colors = body[9] == 0 ? 1 : body[9] == 2 ? 3 : 0;
          if (colors == 0 || body[10] != 0 || body[11] != 0 || body[12] != 0
              || !(depth == 8 || (colors == 1 && (depth == 1 || depth == 2 || depth == 4)))
              || width == 0 || height == 0 || width > 65535 || height > 65535)
            return 0;
        }
      else if (memcmp (type, "tRNS", 4) == 0)
        return 0;
      else if (memcmp (type, "IDAT", 4) == 0)
        g_byte_array_append (idat, body, n);
      else if (memcmp (type, "IEND", 4) == 0)
        end = TRUE;
      at += (gsize) n + 12;
    }
  if (!end || width == 0 || idat->len == 0)
    return 0;
  {
    g_autofree char *dict = g_strdup_printf ("/Type/XObject/Subtype/Image/Width %u/Height %u"
                                             "/ColorSpace/%s/BitsPerComponent %d/Filter/FlateDecode"
                                             "/DecodeParms<</Predictor 15/Colors %d/BitsPerComponent %d"
                                             "/Columns %u>>",
                                             width, height, colors == 1 ? "DeviceGray" : "DeviceRGB", depth,
                                             colors, depth, width);

    obj = _sz_pdf_obj_new (w);
    _sz_pdf_stream (w, obj, dict, idat->data, idat->len, FALSE);
  }
  return obj;
}

static guint
png_write (SzPdfWriter *w,
           GBytes      *bytes)
{
  cairo_surface_t *png, *surface = NULL;
  g_autofree guint8 *rgb = NULL;
  g_autofree guint8 *alpha = NULL;
  gboolean opaque = TRUE;
  int width, height, stride;
  const guint8 *data;
  guint obj = 0, mask = 0;
  cairo_t *cr;

  png = sz_render_cairo_png_from_bytes (bytes);
  if (cairo_surface_status (png) != CAIRO_STATUS_SUCCESS)
    goto out;
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, cairo_image_surface_get_width (png),
                                        cairo_image_surface_get_height (png));
  cr = cairo_create (surface);
  cairo_set_source_surface (cr, png, 0, 0);
  cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
  cairo_paint (cr);
  cairo_destroy (cr);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    goto out;
  cairo_surface_flush (surface);
  width = cairo_image_surface_get_width (surface);
  height = cairo_image_surface_get_height (surface);
  stride = cairo_image_surface_get_stride (surface);
  data = cairo_image_surface_get_data (surface);
  if (width <= 0 || height <= 0)
    goto out;
  rgb = g_malloc ((gsize) width * height * 3);
  alpha = g_malloc ((gsize) width * height);
  for (gsize i = 0; i < (gsize) width * height; i++)
    {
      guint32 px = ((const guint32 *) (gconstpointer) (data + i / width * stride))[i % width];
      guint a = alpha[i] = px >> 24;

      opaque = opaque && a == 0xff;
      /* cairo premultiplies; the PDF wants the colour itself. */
      for (int k = 0; k < 3; k++)
        {
          guint c = (px >> (16 - 8 * k)) & 0xff;

          rgb[3 * i + k] = a == 0xff ? c : a == 0 ? 0xff : MIN (255u, (c * 255 + a / 2) / a);
        }
    }
  if (!opaque)
    {
      g_autofree char *dict = g_strdup_printf ("/Type/XObject/Subtype/Image/Width %d/Height %d"
                                               "/ColorSpace/DeviceGray/BitsPerComponent 8",
                                               width, height);

      mask = _sz_pdf_obj_new (w);
      _sz_pdf_stream (w, mask, dict, alpha, (gsize) width * height, TRUE);
    }
  {
    g_autofree char *smask = mask ? g_strdup_printf ("/SMask %u 0 R", mask) : g_strdup ("");
    g_autofree char *dict = g_strdup_printf ("/Type/XObject/Subtype/Image/Width %d/Height %d"
                                             "/ColorSpace/DeviceRGB/BitsPerComponent 8%s",
                                             width, height, smask);

    obj = _sz_pdf_obj_new (w);
    _sz_pdf_stream (w, obj, dict, rgb, (gsize) width * height * 3, TRUE);
  }

out:
  cairo_surface_destroy (png);
  if (surface != NULL)
    cairo_surface_destroy (surface);
  return obj;
}

guint
_sz_pdf_image_get (SzPdfWriter       *w,
                   const SzImageItem *item,
                   GError           **error)
{
  guint obj = GPOINTER_TO_UINT (g_hash_table_lookup (w->images, item->data));

  if (obj != 0)
    return obj;
  if (g_strcmp0 (item->mime_type, "image/jpeg") == 0)
    obj = jpeg_write (w, item->data);
  else if (g_strcmp0 (item->mime_type, "image/png") == 0)
    {
      obj = png_passthrough (w, item->data);
      if (obj == 0)
        obj = png_write (w, item->data);
    }
  if (obj == 0)
    {
      g_set_error (error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_IMAGE, "%s.",
                   _("A photo or picture on the board is damaged and cannot be printed"));
      return 0;
    }
  /* The GBytes is kept referenced so that its address cannot come back as
   * another picture. */
  g_hash_table_insert (w->images, g_bytes_ref (item->data), GUINT_TO_POINTER (obj));
  return obj;
}
