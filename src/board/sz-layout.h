/* sz-layout.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sz-board.h"
#include "sz-display.h"
#include "sz-text.h"

G_BEGIN_DECLS

typedef enum
{
  SZ_STYLE_RED,     /* "party red": red header band, the official look */
  SZ_STYLE_PLAIN,   /* black on white, for black-and-white lasers */
} SzBoardStyle;

#define SZ_N_STYLES 2

typedef struct
{
  double width, height;   /* points, orientation applied */
} SzPaper;

typedef struct
{
  SzPaper       paper;
  SzBoardStyle  style;
  const char   *printed_on;   /* "2026-11-25"; NULL: today */
} SzLayoutOptions;

/* "A4", "a3", "600x800mm", "600×800 mm": FALSE with SZ_RENDER_ERROR_INVALID
 * saying what is accepted.  @landscape puts the long side across. */
gboolean      sz_paper_parse          (const char            *text,
                                       gboolean               landscape,
                                       SzPaper               *paper,
                                       GError               **error);
gboolean      sz_board_style_from_string (const char         *str,
                                          SzBoardStyle       *style);
const char   *sz_board_style_to_string (SzBoardStyle          style);
/* "Party red", translated. */
const char   *sz_board_style_title    (SzBoardStyle          style);

/* Lays @board out on one page.  Every text is measured and fitted to its
 * box: names, places and phones shrink and never break; duties and long
 * labels wrap.  Characters that draw nothing are left out (sz-text.c).
 * The caller has checked the fonts (sz_board_check_fonts): a character no
 * font can draw would come out as a box. */
SzPage       *sz_layout_board         (SzText                *text,
                                       const SzBoard         *board,
                                       const SzLayoutOptions *options,
                                       GError               **error);

G_END_DECLS
