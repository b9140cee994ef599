/* sz-display.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sz-display.h"

G_DEFINE_QUARK (sz-render-error-quark, sz_render_error)

static void
sz_item_free (gpointer data)
{
  SzItem *item = data;

  switch (item->kind)
    {
    case SZ_ITEM_TEXT:
      g_free (item->text.utf8);
      g_free (item->text.glyphs);
      break;
    case SZ_ITEM_IMAGE:
      g_clear_pointer (&item->image.data, g_bytes_unref);
      g_free (item->image.mime_type);
      break;
    case SZ_ITEM_QR:
      g_free (item->qr.modules);
      break;
    case SZ_ITEM_RECT:
    case SZ_ITEM_LINE:
    default:
      break;
    }
  g_free (item);
}

SzPage *
sz_page_new (double width,
             double height)
{
  SzPage *page = g_new0 (SzPage, 1);

  page->width = width;
  page->height = height;
  page->items = g_ptr_array_new_with_free_func (sz_item_free);
  return page;
}

void
sz_page_free (SzPage *page)
{
  if (page == NULL)
    return;
  g_ptr_array_unref (page->items);
  g_strfreev (page->outline);
  g_free (page->label_prefix);
  g_free (page);
}

static SzItem *
sz_page_append (SzPage     *page,
                SzItemKind  kind)
{
  SzItem *item = g_new0 (SzItem, 1);

  item->kind = kind;
  g_ptr_array_add (page->items, item);
  return item;
}

SzTextItem *
sz_page_add_text (SzPage *page)
{
  g_return_val_if_fail (page != NULL, NULL);
  return &sz_page_append (page, SZ_ITEM_TEXT)->text;
}

SzRectItem *
sz_page_add_rect (SzPage *page,
                  double  x,
                  double  y,
                  double  w,
                  double  h)
{
  SzRectItem *rect;

  g_return_val_if_fail (page != NULL, NULL);
  rect = &sz_page_append (page, SZ_ITEM_RECT)->rect;
  rect->x = x;
  rect->y = y;
  rect->w = w;
  rect->h = h;
  return rect;
}

SzLineItem *
sz_page_add_line (SzPage        *page,
                  double         x0,
                  double         y0,
                  double         x1,
                  double         y1,
                  double         line_width,
                  const SzColor *color)
{
  SzLineItem *line;

  g_return_val_if_fail (page != NULL, NULL);
  g_return_val_if_fail (color != NULL, NULL);
  line = &sz_page_append (page, SZ_ITEM_LINE)->line;
  line->x0 = x0;
  line->y0 = y0;
  line->x1 = x1;
  line->y1 = y1;
  line->line_width = line_width;
  line->color = *color;
  return line;
}

SzImageItem *
sz_page_add_image (SzPage     *page,
                   GBytes     *data,
                   const char *mime_type,
                   int         pixel_width,
                   int         pixel_height,
                   double      x,
                   double      y,
                   double      w,
                   double      h)
{
  SzImageItem *image;

  g_return_val_if_fail (page != NULL, NULL);
  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (mime_type != NULL, NULL);
  image = &sz_page_append (page, SZ_ITEM_IMAGE)->image;
  image->data = g_bytes_ref (data);
  image->mime_type = g_strdup (mime_type);
  image->pixel_width = pixel_width;
  image->pixel_height = pixel_height;
  image->x = x;
  image->y = y;
  image->w = w;
  image->h = h;
  return image;
}

SzQrItem *
sz_page_add_qr (SzPage       *page,
                const guint8 *modules,
                int           n,
                double        x,
                double        y,
                double        module)
{
  SzQrItem *qr;

  g_return_val_if_fail (page != NULL, NULL);
  g_return_val_if_fail (modules != NULL && n > 0, NULL);
  qr = &sz_page_append (page, SZ_ITEM_QR)->qr;
  qr->modules = g_memdup2 (modules, (gsize) n * n);
  qr->n = n;
  qr->x = x;
  qr->y = y;
  qr->module = module;
  return qr;
}

void
sz_doc_info_clear (SzDocInfo *info)
{
  g_return_if_fail (info != NULL);
  g_clear_pointer (&info->title, g_free);
  g_clear_pointer (&info->author, g_free);
  g_clear_pointer (&info->subject, g_free);
  g_clear_pointer (&info->creator, g_free);
  g_clear_pointer (&info->lang, g_free);
}
