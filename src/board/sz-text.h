/* sz-text.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sz-display.h"
#include "sz-fonts.h"

G_BEGIN_DECLS

/* Measures text with pango and appends it to a page as text runs, one run
 * per line and font.  Sizes are in points.  Measurements are cached: the
 * same duties, hotlines and labels come back on every board of a batch. */
typedef struct _SzText SzText;

typedef struct
{
  double x, y, w, h;
} SzBox;

typedef enum
{
  SZ_ALIGN_LEFT,
  SZ_ALIGN_CENTER,
  SZ_ALIGN_RIGHT,
} SzAlign;

typedef struct
{
  double   size;          /* the largest size wanted */
  double   min_size;      /* wrapped text shrinks down to this before it may
                           * shrink further; single lines just shrink */
  SzAlign  align;
  SzColor  color;
  gboolean bold;
  gboolean wrap;          /* else one line that never breaks */
  double   line_spacing;  /* extra space between wrapped lines, × size */
} SzTextStyle;

SzText   *sz_text_new         (SzFonts           *fonts);
void      sz_text_free        (SzText            *text);
/* TRUE (the default): one-line Han texts in the primary font are shaped
 * by HarfBuzz directly, as pango would shape them; FALSE: everything
 * through pango (tests compare the two). */
void      sz_text_set_direct  (SzText            *text,
                               gboolean           direct);
/* How many texts were shaped directly so far. */
guint     sz_text_get_n_direct (SzText           *text);
SzFonts  *sz_text_get_fonts   (SzText            *text);
/* Advance width of @str on one line at @size. */
double    sz_text_measure     (SzText            *text,
                               const char        *str,
                               double             size);
/* Draws @str inside @box: one line shrunk until it fits the width,
 * centred vertically; or wrapped from the top and shrunk until it fits.
 * Returns the size used. */
double    sz_text_draw        (SzText            *text,
                               SzPage            *page,
                               const char        *str,
                               const SzBox       *box,
                               const SzTextStyle *style);
/* Height that @str takes wrapped in @width at @size. */
double    sz_text_wrapped_height (SzText         *text,
                                  const char     *str,
                                  double          width,
                                  const SzTextStyle *style,
                                  double          size);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SzText, sz_text_free)

G_END_DECLS
