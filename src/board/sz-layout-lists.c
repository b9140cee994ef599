/* sz-layout-lists.c: the duties and the service hotlines on a board.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sz-layout-private.h"

/* ----------------------------------------------------------------- duties */

#define DUTY_SIZE 14.0
#define DUTY_TITLE_H 20.0

static char *
duty_text (const SzBoard *b, SzLevel level)
{
  GString *all = g_string_new (NULL);

  /* Made for every board twice: without printf, which took a tenth of
   * the layout. */
  for (guint i = 0; i < b->duties[level]->len; i++)
    {
      char num[16];
      char *p = num + sizeof num;
      guint n = i + 1;

      do
        *--p = '0' + n % 10;
      while ((n /= 10) > 0);
      if (i > 0)
        g_string_append_c (all, '\n');
      g_string_append_len (all, p, num + sizeof num - p);
      g_string_append (all, ". ");
      g_string_append (all, g_ptr_array_index (b->duties[level], i));
    }
  return g_string_free (all, FALSE);
}

static guint
duty_columns (const SzBoard *b)
{
  guint n = 0;

  for (guint l = 0; l < SZ_N_LEVELS; l++)
    n += b->duties[l] != NULL && b->duties[l]->len > 0;
  return n;
}

/* The height the duties take in @w at their full size: they get no more,
 * so that the hotlines below can be read from further away. */
double
_sz_layout_duties_height (Ctx *c, double w)
{
  const SzBoard *b = c->board;
  guint n = duty_columns (b);
  double gap = 12 * c->s;
  double col_w;
  double tallest = 0;
  SzTextStyle st = { .size = DUTY_SIZE * c->s, .wrap = TRUE, .line_spacing = 0.25 };

  if (n == 0)
    return 0;
  col_w = (w - gap * (n - 1)) / n;
  for (guint l = 0; l < SZ_N_LEVELS; l++)
    if (b->duties[l] != NULL && b->duties[l]->len > 0)
      {
        g_autofree char *all = duty_text (b, l);
        tallest = MAX (tallest, sz_text_wrapped_height (c->text, all, col_w, &st, st.size));
      }
  return 27 * c->s + DUTY_TITLE_H * c->s + tallest + 6 * c->s;
}

void
_sz_layout_duties (Ctx *c, double x, double y, double w, double h)
{
  const SzBoard *b = c->board;
  guint n = duty_columns (b);
  double gap = 12 * c->s;
  double col_w;
  double top;
  guint k = 0;

  if (n == 0)
    return;
  top = y + _sz_layout_section_title (c, D_ (c->lang, "Duties"), x, y, w);
  col_w = (w - gap * (n - 1)) / n;
  for (guint l = 0; l < SZ_N_LEVELS; l++)
    {
      g_autofree char *all = NULL;
      g_autofree char *title = NULL;
      double cx;

      if (b->duties[l] == NULL || b->duties[l]->len == 0)
        continue;
      cx = x + k++ * (col_w + gap);
      /* Translators: heading of a level's duties: "单元长职责" */
      title = g_strdup_printf (D_ (c->lang, "%s’s duties"), sz_board_level_head_title (c->lang, l));
      _sz_layout_draw_line (c, title, cx, top, col_w, 18 * c->s, 14 * c->s, SZ_ALIGN_LEFT, _sz_layout_accent (c), FALSE);
      all = duty_text (b, l);
      _sz_layout_draw_wrapped (c, all, cx, top + DUTY_TITLE_H * c->s, col_w, y + h - top - DUTY_TITLE_H * c->s,
                    DUTY_SIZE * c->s, 8 * c->s, SZ_ALIGN_LEFT, SZ_LAYOUT_BLACK);
    }
}

/* --------------------------------------------------------------- hotlines */

/* "供电服务热线（国家电网）" breaks before its note in brackets, where a
 * reader expects it, not wherever the width runs out. */
static char *
break_before_note (const char *label)
{
  const char *p = strstr (label, "（");

  if (p == NULL)
    p = strchr (label, '(');
  if (p == NULL || p == label)
    return g_strdup (label);
  return g_strdup_printf ("%.*s\n%s", (int) (p - label), label, p);
}

void
_sz_layout_hotlines (Ctx *c, double x, double y, double w, double h)
{
  const SzBoard *b = c->board;
  guint n = b->hotlines->len;
  guint cols = 1;
  guint rows;
  double row_h;
  double gap = 14 * c->s;
  double col_w;
  double top;
  double label_size, number_size;
  double number_w = 0, label_w;

  if (n == 0)
    return;
  top = y + _sz_layout_section_title (c, D_ (c->lang, "Service hotlines"), x, y, w);

  /* Two columns when one would make the rows too low to read from a
   * stairwell; long labels then go onto two lines. */
  cols = (y + h - top) / n < 22 * c->s && w > 300 * c->s ? 2 : 1;
  col_w = (w - gap * (cols - 1)) / cols;
  rows = (n + cols - 1) / cols;
  row_h = MIN (30 * c->s, (y + h - top) / rows);
  /* One size for every number, and for every label that fits at it: a
   * printed table's look; the numbers take the width they need. */
  label_size = number_size = MIN (15 * c->s, row_h * 0.62);
  number_size *= 1.1;
  for (guint i = 0; i < n; i++)
    number_size = _sz_layout_fit_size (c, ((SzBoardHotline *) g_ptr_array_index (b->hotlines, i))->number,
                            number_size, col_w * 0.5);
  for (guint i = 0; i < n; i++)
    number_w = MAX (number_w, sz_text_measure (c->text, ((SzBoardHotline *) g_ptr_array_index (b->hotlines, i))->number,
                                               number_size));
  label_w = col_w - number_w - 6 * c->s;
  for (guint i = 0; i < n; i++)
    {
      const SzBoardHotline *line = g_ptr_array_index (b->hotlines, i);
      double cx = x + (i / rows) * (col_w + gap);
      double cy = top + (i % rows) * row_h;
      double fit = _sz_layout_fit_size (c, line->label, label_size, label_w);

      /* Labels keep the common size; a long one shrinks a little, and
       * past that goes onto two lines rather than into small print. */
      if (fit >= label_size * 0.7)
        _sz_layout_draw_line (c, line->label, cx, cy, label_w, row_h, fit, SZ_ALIGN_LEFT, SZ_LAYOUT_BLACK, FALSE);
      else
        {
          double size = MIN (label_size * 0.8, row_h * 0.4);
          SzTextStyle st = { .size = size, .min_size = size * 0.8, .color = SZ_LAYOUT_BLACK, .wrap = TRUE,
                             .line_spacing = 0.1 };
          g_autofree char *label = break_before_note (line->label);
          double two = sz_text_wrapped_height (c->text, label, label_w, &st, size);
          SzBox box = { cx, cy + MAX (0, (row_h - two) / 2), label_w, MIN (row_h, two + 0.5) };

          sz_text_draw (c->text, c->page, label, &box, &st);
        }
      _sz_layout_draw_line (c, line->number, cx + col_w - number_w - 2 * c->s, cy, number_w + 2 * c->s, row_h, number_size,
                 SZ_ALIGN_RIGHT, SZ_LAYOUT_BLACK, FALSE);
      sz_page_add_line (c->page, cx, cy + row_h, cx + col_w, cy + row_h, 0.4 * c->s, &SZ_LAYOUT_LIGHT_GREY);
    }
}

