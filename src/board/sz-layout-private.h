/* sz-layout-private.h: shared by the files that lay out a board
 * (sz-layout.c: paper, header, footer, the page; sz-layout-cards.c: the
 * heads' cards and table; sz-layout-lists.c: duties and hotlines).
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sz-doc-lang.h"
#include "sz-layout.h"

G_BEGIN_DECLS

#define SZ_LAYOUT_BLACK      ((SzColor) { 0.10, 0.10, 0.10 })
#define SZ_LAYOUT_WHITE      ((SzColor) { 1, 1, 1 })
#define SZ_LAYOUT_GREY       ((SzColor) { 0.38, 0.38, 0.38 })
#define SZ_LAYOUT_LIGHT_GREY ((SzColor) { 0.90, 0.90, 0.90 })
#define SZ_LAYOUT_RED        ((SzColor) { 0.78, 0.06, 0.08 })
#define SZ_LAYOUT_GOLD       ((SzColor) { 0.98, 0.80, 0.25 })
#define SZ_LAYOUT_PALE_RED   ((SzColor) { 0.99, 0.94, 0.93 })

typedef struct
{
  SzText                *text;
  SzPage                *page;
  const SzBoard         *board;
  const SzLayoutOptions *options;
  /* The board language (sz-doc-lang.h): every label is D_ (c->lang, …). */
  const char            *lang;
  gboolean               red;
  double                 s;        /* scale from A4 portrait */
  double                 margin;
  GError                *error;
} Ctx;

/* Helpers (sz-layout.c). */
void     _sz_layout_draw_line     (Ctx *c, const char *str, double x, double y, double w, double h,
                                   double size, SzAlign align, SzColor color, gboolean bold);
void     _sz_layout_draw_wrapped  (Ctx *c, const char *str, double x, double y, double w, double h,
                                   double size, double min_size, SzAlign align, SzColor color);
/* The size, at most @size, at which @str fits @width on one line. */
double   _sz_layout_fit_size      (Ctx *c, const char *str, double size, double width);
SzColor  _sz_layout_accent        (Ctx *c);
void     _sz_layout_stroke_rect   (Ctx *c, double x, double y, double w, double h, double width,
                                   SzColor color);
void     _sz_layout_fill_rect     (Ctx *c, double x, double y, double w, double h, SzColor color);
/* A section heading: a short accent bar and the title; returns its height. */
double   _sz_layout_section_title (Ctx *c, const char *title, double x, double y, double w);

/* The heads (sz-layout-cards.c). */
void     _sz_layout_picture       (Ctx *c, GBytes *data, const char *mime, int pw, int ph,
                                   double x, double y, double w, double h);
double   _sz_layout_cards         (Ctx *c, GPtrArray *heads, double y, double h);
gboolean _sz_layout_has_photo     (GPtrArray *heads);
void     _sz_layout_table         (Ctx *c, GPtrArray *rows, const char *place_title,
                                   double x, double y, double w, double h);

/* Duties and hotlines (sz-layout-lists.c). */
double   _sz_layout_duties_height (Ctx *c, double w);
void     _sz_layout_duties        (Ctx *c, double x, double y, double w, double h);
void     _sz_layout_hotlines      (Ctx *c, double x, double y, double w, double h);

G_END_DECLS
