/* sz-render-hpdf-draw.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sz-render-hpdf-private.h"

/* Replays a page's display list into libharu's content stream: text runs,
 * rectangles, lines, images and QR modules, setting colour, font and line
 * width only when they change. */

static inline double
clamp01 (double v)
{
  return CLAMP (v, 0.0, 1.0);
}

static void
pen_fill (Pen           *pen,
          const SzColor *color)
{
  if (memcmp (&pen->fill, color, sizeof *color) == 0)
    return;
  pen->fill = *color;
  HPDF_Page_SetRGBFill (pen->page, clamp01 (color->r), clamp01 (color->g), clamp01 (color->b));
}

static void
pen_stroke (Pen           *pen,
            const SzColor *color,
            double         width)
{
  if (memcmp (&pen->stroke, color, sizeof *color) != 0)
    {
      pen->stroke = *color;
      HPDF_Page_SetRGBStroke (pen->page, clamp01 (color->r), clamp01 (color->g), clamp01 (color->b));
    }
  if (pen->line_width != width)
    {
      pen->line_width = width;
      HPDF_Page_SetLineWidth (pen->page, width);
    }
}

static void
pen_end_text (Pen *pen)
{
  if (!pen->in_text)
    return;
  HPDF_Page_EndText (pen->page);
  pen->in_text = FALSE;
}

/* Consecutive runs share one text object: TextOut positions each run
 * from the line matrix, so no run depends on the width of the one before. */
static void
draw_text (SzHpdfWriter     *w,
           Pen              *pen,
           const SzTextItem *t)
{
  if (!_sz_hpdf_text_drawn (t))
    return;
  if (!pen->in_text)
    {
      HPDF_Page_BeginText (pen->page);
      pen->in_text = TRUE;
    }
  if (pen->font != t->font || pen->size != t->size)
    {
      HPDF_Page_SetFontAndSize (pen->page,
                                g_hash_table_lookup (w->fonts, GINT_TO_POINTER (t->font->id)),
                                t->size);
      pen->font = t->font;
      pen->size = t->size;
    }
  pen_fill (pen, &t->color);
  if (t->bold)
    pen_stroke (pen, &t->color, t->size / 30);
  if (pen->text_stroked != t->bold)
    {
      HPDF_Page_SetTextRenderingMode (pen->page, t->bold ? HPDF_FILL_THEN_STROKE : HPDF_FILL);
      pen->text_stroked = t->bold;
    }
  /* libharu advances by the font's own widths: the layout measured the
   * same unhinted advances, so glyphs[] adds nothing here. */
  HPDF_Page_TextOut (pen->page, t->x, pen->height - t->y, t->utf8);
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
  HPDF_Page_Rectangle (pen->page, r->x, pen->height - r->y - r->h, r->w, r->h);
  if (r->fill && stroke)
    HPDF_Page_FillStroke (pen->page);
  else if (r->fill)
    HPDF_Page_Fill (pen->page);
  else
    HPDF_Page_Stroke (pen->page);
}

/* Caps stay PDF's default, butt, as the layout measured them. */
static void
draw_line (Pen              *pen,
           const SzLineItem *l)
{
  if (l->line_width <= 0)
    return;
  pen_stroke (pen, &l->color, l->line_width);
  HPDF_Page_MoveTo (pen->page, l->x0, pen->height - l->y0);
  HPDF_Page_LineTo (pen->page, l->x1, pen->height - l->y1);
  HPDF_Page_Stroke (pen->page);
}

/* One path filled once: modules filled one by one would show hairline
 * seams between them in most viewers, and cost 40 operators a row.  The
 * path is written in module units under a scaling matrix: small integers
 * instead of five-decimal coordinates halve a board's content stream. */
static void
draw_qr (Pen            *pen,
         const SzQrItem *q)
{
  gboolean any = FALSE;

  pen_fill (pen, &q->color);
  HPDF_Page_GSave (pen->page);
  /* Module (col, row) lands at (x + col·m, height − y − row·m). */
  HPDF_Page_Concat (pen->page, q->module, 0, 0, -q->module, q->x, pen->height - q->y);
  for (int row = 0; row < q->n; row++)
    for (int col = 0, end; col < q->n; col = end + 1)
      {
        const guint8 *m = q->modules + (gsize) row * q->n;

        for (end = col; end < q->n && m[end]; end++)
          ;
        if (end == col)
          continue;
        HPDF_Page_Rectangle (pen->page, col, row, end - col, 1);
        any = TRUE;
      }
  if (any)
    HPDF_Page_Fill (pen->page);
  HPDF_Page_GRestore (pen->page);
}

void
_sz_hpdf_draw_items (SzHpdfWriter *w,
                     Pen          *pen,
                     const SzPage *page)
{
  for (guint i = 0; i < page->items->len; i++)
    {
      const SzItem *item = g_ptr_array_index (page->items, i);

      if (item->kind != SZ_ITEM_TEXT)
        pen_end_text (pen);
      switch (item->kind)
        {
        case SZ_ITEM_TEXT:
          draw_text (w, pen, &item->text);
          break;
        case SZ_ITEM_RECT:
          draw_rect (pen, &item->rect);
          break;
        case SZ_ITEM_LINE:
          draw_line (pen, &item->line);
          break;
        case SZ_ITEM_IMAGE:
          HPDF_Page_DrawImage (pen->page, g_hash_table_lookup (w->images, item->image.data),
                               item->image.x, page->height - item->image.y - item->image.h,
                               item->image.w, item->image.h);
          break;
        case SZ_ITEM_QR:
          draw_qr (pen, &item->qr);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  pen_end_text (pen);
}
