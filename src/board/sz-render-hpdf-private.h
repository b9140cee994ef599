/* sz-render-hpdf-private.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <hpdf.h>

#include "sz-render-hpdf.h"

G_BEGIN_DECLS

/* The libharu renderer is one writer over two files: sz-render-hpdf.c
 * (the document, fonts, images, outline, saving) and sz-render-hpdf-draw.c
 * (a page's items). */

struct _SzHpdfWriter
{
  HPDF_Doc      pdf;
  HPDF_Encoder  utf8;
  /* The first error libharu reported since the last check: its handler
   * only records, so that no call ever longjmps or aborts. */
  HPDF_STATUS   error_no;
  HPDF_STATUS   error_detail;
  GHashTable   *fonts;          /* SzFontFile id → HPDF_Font */
  GHashTable   *images;         /* GBytes (referenced) → HPDF_Image */
  GPtrArray    *outline;        /* the previous page's bookmark path */
  GPtrArray    *outline_items;  /* its HPDF_Outline items */
  char         *label_prefix;   /* of the previous page; NULL before the first */
  gboolean      private_file;   /* SzDocInfo.private_file: keep mode 0600 */
  guint         n_pages;
  gboolean      broken;
};

/* What the page's content stream has set so far, so that 80 runs in one
 * colour and font cost one Tf and one rg, not 80 of each. */
typedef struct
{
  HPDF_Page         page;
  double            height;
  const SzFontFile *font;
  double            size;
  SzColor           fill;
  SzColor           stroke;
  double            line_width;
  gboolean          text_stroked;
  gboolean          in_text;
} Pen;

/* A run with something to draw. */
static inline gboolean
_sz_hpdf_text_drawn (const SzTextItem *t)
{
  return t->utf8 != NULL && t->utf8[0] != '\0' && t->size > 0;
}

void _sz_hpdf_draw_items (SzHpdfWriter *w,
                          Pen          *pen,
                          const SzPage *page);

G_END_DECLS
