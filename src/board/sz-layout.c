/* sz-layout.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "sz-layout.h"
#include "sz-qr.h"

#define MM (72.0 / 25.4)
/* libharu and cairo both take pages up to 14,400 pt (5 m) a side. */
#define PAPER_MIN_MM 50.0
#define PAPER_MAX_MM 5000.0

static const SzColor black = { 0.10, 0.10, 0.10 };
static const SzColor white = { 1, 1, 1 };
static const SzColor grey = { 0.38, 0.38, 0.38 };
static const SzColor light_grey = { 0.90, 0.90, 0.90 };
static const SzColor red = { 0.78, 0.06, 0.08 };
static const SzColor gold = { 0.98, 0.80, 0.25 };
static const SzColor pale_red = { 0.99, 0.94, 0.93 };

typedef struct
{
  SzText                *text;
  SzPage                *page;
  const SzBoard         *board;
  const SzLayoutOptions *options;
  gboolean               red;
  double                 s;        /* scale from A4 portrait */
  double                 margin;
  GError                *error;
} Ctx;

/* ------------------------------------------------------------------ paper */

gboolean
sz_paper_parse (const char  *text,
                gboolean     landscape,
                SzPaper     *paper,
                GError     **error)
{
  g_autofree char *t = NULL;
  double w_mm = 0, h_mm = 0;

  g_return_val_if_fail (paper != NULL, FALSE);

  t = g_strdup (text ? text : "");
  g_strstrip (t);
  if (g_ascii_strcasecmp (t, "A4") == 0)
    w_mm = 210, h_mm = 297;
  else if (g_ascii_strcasecmp (t, "A3") == 0)
    w_mm = 297, h_mm = 420;
  else
    {
      g_autoptr(GString) s = g_string_new (t);
      char *end = NULL;

      g_string_replace (s, "×", "x", 0);
      g_string_replace (s, "X", "x", 0);
      g_string_replace (s, " ", "", 0);
      if (g_str_has_suffix (s->str, "mm"))
        g_string_truncate (s, s->len - 2);
      w_mm = g_ascii_strtod (s->str, &end);
      if (end == NULL || end == s->str || *end != 'x')
        w_mm = 0;
      else
        {
          char *start = end + 1;

          h_mm = g_ascii_strtod (start, &end);
          if (end == start || *end != '\0')
            w_mm = 0;
        }
      if (w_mm <= 0 || h_mm <= 0 || isnan (w_mm) || isnan (h_mm))
        {
          g_set_error (error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_INVALID,
                       /* Translators: %s is what the user typed */
                       _("Paper “%s”: use A4, A3 or a size in millimetres such as 600x800mm."), t);
          return FALSE;
        }
      if (w_mm < PAPER_MIN_MM || h_mm < PAPER_MIN_MM || w_mm > PAPER_MAX_MM || h_mm > PAPER_MAX_MM)
        {
          g_set_error (error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_INVALID,
                       /* Translators: %s is what the user typed; %.0f the limits in mm */
                       _("Paper “%s”: each side must be between %.0f and %.0f mm."),
                       t, PAPER_MIN_MM, PAPER_MAX_MM);
          return FALSE;
        }
    }
  if ((landscape && w_mm < h_mm) || (!landscape && w_mm > h_mm && g_ascii_isalpha (t[0])))
    {
      double tmp = w_mm;
      w_mm = h_mm;
      h_mm = tmp;
    }
  paper->width = w_mm * MM;
  paper->height = h_mm * MM;
  return TRUE;
}

static const char * const style_names[SZ_N_STYLES] = { "red", "plain" };

gboolean
sz_board_style_from_string (const char   *str,
                            SzBoardStyle *style)
{
  for (guint i = 0; str != NULL && i < SZ_N_STYLES; i++)
    if (g_ascii_strcasecmp (str, style_names[i]) == 0)
      {
        *style = i;
        return TRUE;
      }
  return FALSE;
}

const char *
sz_board_style_to_string (SzBoardStyle style)
{
  g_return_val_if_fail (style < SZ_N_STYLES, NULL);
  return style_names[style];
}

const char *
sz_board_style_title (SzBoardStyle style)
{
  return style == SZ_STYLE_RED ? _("Party red") : _("Plain black and white");
}

/* ---------------------------------------------------------------- helpers */

static SzTextStyle
line_style (double size, SzAlign align, SzColor color, gboolean bold)
{
  return (SzTextStyle) { .size = size, .min_size = size, .align = align, .color = color, .bold = bold };
}

static void
draw_line (Ctx *c, const char *str, double x, double y, double w, double h,
           double size, SzAlign align, SzColor color, gboolean bold)
{
  SzTextStyle st = line_style (size, align, color, bold);
  SzBox box = { x, y, w, h };

  sz_text_draw (c->text, c->page, str, &box, &st);
}

static void
draw_wrapped (Ctx *c, const char *str, double x, double y, double w, double h,
              double size, double min_size, SzAlign align, SzColor color)
{
  SzTextStyle st = { .size = size, .min_size = min_size, .align = align, .color = color,
                     .wrap = TRUE, .line_spacing = 0.25 };
  SzBox box = { x, y, w, h };

  sz_text_draw (c->text, c->page, str, &box, &st);
}

/* The size, at most @size, at which @str fits @width on one line. */
static double
fit_size (Ctx *c, const char *str, double size, double width)
{
  double w = sz_text_measure (c->text, str, size);

  return w > width ? size * width / w * 0.995 : size;
}

static SzColor
accent (Ctx *c)
{
  return c->red ? red : black;
}

static void
stroke_rect (Ctx *c, double x, double y, double w, double h, double width, SzColor color)
{
  SzRectItem *r = sz_page_add_rect (c->page, x, y, w, h);

  r->line_width = width;
  r->line_color = color;
}

static void
fill_rect (Ctx *c, double x, double y, double w, double h, SzColor color)
{
  SzRectItem *r = sz_page_add_rect (c->page, x, y, w, h);

  r->fill = TRUE;
  r->fill_color = color;
}

/* A section heading: a short accent bar and the title. */
static double
section_title (Ctx *c, const char *title, double x, double y, double w)
{
  double h = 22 * c->s;

  fill_rect (c, x, y + 3 * c->s, 5 * c->s, h - 6 * c->s, accent (c));
  draw_line (c, title, x + 10 * c->s, y, w - 10 * c->s, h, 15 * c->s, SZ_ALIGN_LEFT, accent (c), FALSE);
  sz_page_add_line (c->page, x, y + h + 1 * c->s, x + w, y + h + 1 * c->s, 0.8 * c->s,
                    c->red ? &red : &grey);
  return h + 5 * c->s;
}

/* ----------------------------------------------------------------- header */

static double
header (Ctx *c)
{
  const SzBoard *b = c->board;
  double w = c->page->width;
  double h = MIN (c->page->height * 0.12, 110 * c->s);
  double title_h = h * 0.58;

  if (c->red)
    {
      fill_rect (c, 0, 0, w, h, red);
      fill_rect (c, 0, h, w, 3 * c->s, gold);
    }
  else
    sz_page_add_line (c->page, c->margin, h, w - c->margin, h, 2.5 * c->s, &black);
  draw_line (c, b->title, c->margin, h * 0.10, w - 2 * c->margin, title_h,
             42 * c->s, SZ_ALIGN_CENTER, c->red ? white : black, TRUE);
  draw_line (c, b->community, c->margin, h * 0.10 + title_h, w - 2 * c->margin, h * 0.26,
             17 * c->s, SZ_ALIGN_CENTER, c->red ? gold : grey, FALSE);
  return h + 3 * c->s;
}

/* The place the board hangs for, under the header. */
static double
place_lines (Ctx *c, double y)
{
  const SzBoard *b = c->board;
  double x = c->margin;
  double w = c->page->width - 2 * c->margin;
  double top = y + 8 * c->s;

  if (b->grid != NULL && b->kind != SZ_BOARD_GRID)
    {
      draw_line (c, b->grid, x, top, w, 20 * c->s, 14 * c->s, SZ_ALIGN_CENTER, grey, FALSE);
      top += 21 * c->s;
    }
  /* The community's name is in the header already. */
  draw_line (c, b->kind == SZ_BOARD_COMMUNITY ? _("Grid heads of the community") : b->place,
             x, top, w, 36 * c->s, 28 * c->s, SZ_ALIGN_CENTER, black, TRUE);
  return top + 40 * c->s;
}

/* ------------------------------------------------------------------ cards */

static void
picture (Ctx *c, GBytes *data, const char *mime, int pw, int ph,
         double x, double y, double w, double h)
{
  double scale = MIN (w / pw, h / ph);
  double dw = pw * scale, dh = ph * scale;

  sz_page_add_image (c->page, data, mime, pw, ph, x + (w - dw) / 2, y + (h - dh) / 2, dw, dh);
}

static void
card (Ctx *c, const SzBoardHead *head, double x, double y, double w, double h)
{
  const SzBoard *b = c->board;
  double pad = 6 * c->s;
  double strip = 26 * c->s;
  double inner_w = w - 2 * pad;
  double top = y + strip + pad;
  double avail = h - strip - 2 * pad;
  double name_h = 36 * c->s;
  double phone_h = 24 * c->s;
  double note_h = head->phone_withheld ? 14 * c->s : 0;
  double photo_h = 0;

  if (c->red)
    {
      fill_rect (c, x, y, w, h, pale_red);
      fill_rect (c, x, y, w, strip, red);
    }
  else
    fill_rect (c, x, y, w, strip, light_grey);
  stroke_rect (c, x, y, w, h, 1.2 * c->s, accent (c));
  draw_line (c, head->role, x + pad, y, inner_w, strip, 15 * c->s, SZ_ALIGN_CENTER,
             c->red ? white : black, FALSE);

  if (head->person_id == 0)
    {
      draw_wrapped (c, b->vacancy_text, x + pad, top, inner_w, avail, 16 * c->s, 11 * c->s,
                    SZ_ALIGN_CENTER, grey);
      return;
    }

  if (head->photo != NULL)
    {
      photo_h = MIN (avail - name_h - phone_h - note_h - pad, inner_w * 4 / 3 * 0.62);
      if (photo_h > 30 * c->s)
        {
          double photo_w = photo_h * 3 / 4;

          picture (c, head->photo, head->photo_mime, head->photo_width, head->photo_height,
                   x + (w - photo_w) / 2, top, photo_w, photo_h);
          top += photo_h + pad;
        }
      else
        photo_h = 0;
    }
  if (photo_h == 0)
    top = y + strip + MAX (pad, (avail - name_h - phone_h - note_h) / 2);
  draw_line (c, head->name, x + pad, top, inner_w, name_h, 27 * c->s, SZ_ALIGN_CENTER, black, FALSE);
  top += name_h;
  if (head->phone != NULL)
    {
      draw_line (c, head->phone, x + pad, top, inner_w, phone_h, 18 * c->s, SZ_ALIGN_CENTER,
                 accent (c), FALSE);
      top += phone_h;
      if (head->phone_withheld)
        draw_line (c, _("(community office, will pass on)"), x + pad, top, inner_w, note_h,
                   10 * c->s, SZ_ALIGN_CENTER, grey, FALSE);
    }
  else
    draw_line (c, _("Contact the community office"), x + pad, top, inner_w, phone_h,
               13 * c->s, SZ_ALIGN_CENTER, grey, FALSE);

  /* A personal WeChat code, small in the corner: scan to add the head. */
  if (head->qr != NULL && photo_h == 0)
    {
      double q = MIN (46 * c->s, (avail - name_h - phone_h) * 0.9);

      if (q > 24 * c->s && w > 4 * q)
        picture (c, head->qr, head->qr_mime, head->qr_width, head->qr_height,
                 x + w - pad - q, y + h - pad - q, q, q);
    }
}

static double
cards (Ctx *c, GPtrArray *heads, double y, double h)
{
  double x = c->margin;
  double w = c->page->width - 2 * c->margin;
  double gap = 12 * c->s;
  guint n = heads->len;
  double card_w;

  if (n == 0)
    return y;
  card_w = MIN ((w - gap * (n - 1)) / n, 220 * c->s);
  x += (w - (card_w * n + gap * (n - 1))) / 2;
  for (guint i = 0; i < n; i++)
    card (c, g_ptr_array_index (heads, i), x + i * (card_w + gap), y, card_w, h);
  return y + h;
}

static gboolean
has_photo (GPtrArray *heads)
{
  for (guint i = 0; i < heads->len; i++)
    if (((SzBoardHead *) g_ptr_array_index (heads, i))->photo != NULL)
      return TRUE;
  return FALSE;
}

/* ------------------------------------------------------------------ table */

/* The heads listed under a building, grid or community board, in as many
 * column groups as the rows need to stay legible. */
/* The sizes a table of @rows gets in @groups column groups; returns the
 * smallest of them, the one that decides legibility. */
static double
table_sizes (Ctx *c, GPtrArray *rows, double w, double h, double gap, guint groups,
             double *row_h, double *place_size, double *name_size)
{
  guint per = (rows->len + groups - 1) / groups;
  double gw = (w - gap * (groups - 1)) / groups;
  double cw0 = gw * 0.40 - 8 * c->s;
  double cw1 = gw * 0.25 - 8 * c->s;
  double cw2 = gw * 0.35 - 8 * c->s;
  double phone;

  *row_h = MIN (34 * c->s, h / per);
  *place_size = *name_size = MIN (17 * c->s, *row_h * 0.6);
  /* Places share one size, names another: a long name shrinks alone
   * rather than make every other name small. */
  for (guint i = 0; i < rows->len; i++)
    {
      const SzBoardHead *r = g_ptr_array_index (rows, i);

      *place_size = fit_size (c, r->place, *place_size, cw0);
      if (r->name != NULL)
        *name_size = MAX (fit_size (c, r->name, *name_size, cw1), MIN (*name_size, 10 * c->s));
    }
  phone = fit_size (c, "※ 0431-8000 0000", *name_size, cw2);
  return MIN (MIN (*place_size, *name_size), phone);
}

static void
table (Ctx *c, GPtrArray *rows, const char *place_title, double x, double y, double w, double h)
{
  const SzBoard *b = c->board;
  double row_h = 0;
  guint n = rows->len;
  guint groups = 1;
  guint per_group;
  double head_h = 20 * c->s;
  double gap = 10 * c->s;
  double group_w;
  double place_size = 0, name_size = 0;
  double bottom = y;
  gboolean withheld = FALSE;

  if (n == 0)
    return;
  h -= 16 * c->s;   /* room for the legend */
  /* As many column groups as make the print largest: one long table of
   * small rows, or several narrow ones. */
  {
    double best = -1;

    for (guint g = 1; g <= 4; g++)
      {
        double rh, ps, ns;
        double score = table_sizes (c, rows, w, h - head_h, gap, g, &rh, &ps, &ns);

        if (score > best * 1.02)
          {
            best = score;
            groups = g;
            row_h = rh;
            place_size = ps;
            name_size = ns;
          }
      }
  }
  per_group = (n + groups - 1) / groups;
  group_w = (w - gap * (groups - 1)) / groups;

  for (guint g = 0; g < groups; g++)
    {
      double gx = x + g * (group_w + gap);
      double cw[3] = { group_w * 0.40, group_w * 0.25, group_w * 0.35 };
      double ty = y;

      fill_rect (c, gx, ty, group_w, head_h, c->red ? red : light_grey);
      draw_line (c, place_title, gx + 4 * c->s, ty, cw[0] - 8 * c->s, head_h, 11 * c->s, SZ_ALIGN_LEFT,
                 c->red ? white : black, FALSE);
      draw_line (c, _("Head"), gx + cw[0] + 4 * c->s, ty, cw[1] - 8 * c->s, head_h, 11 * c->s,
                 SZ_ALIGN_LEFT, c->red ? white : black, FALSE);
      draw_line (c, _("Phone"), gx + cw[0] + cw[1] + 4 * c->s, ty, cw[2] - 8 * c->s, head_h, 11 * c->s,
                 SZ_ALIGN_LEFT, c->red ? white : black, FALSE);
      ty += head_h;
      for (guint i = g * per_group; i < MIN (n, (g + 1) * per_group); i++)
        {
          const SzBoardHead *r = g_ptr_array_index (rows, i);
          double size = name_size;

          if ((i - g * per_group) % 2 == 1)
            fill_rect (c, gx, ty, group_w, row_h, c->red ? pale_red : (SzColor) { 0.96, 0.96, 0.96 });
          draw_line (c, r->place, gx + 4 * c->s, ty, cw[0] - 8 * c->s, row_h, place_size, SZ_ALIGN_LEFT, black, FALSE);
          if (r->person_id == 0)
            draw_line (c, b->vacancy_text, gx + cw[0] + 4 * c->s, ty, cw[1] + cw[2] - 8 * c->s, row_h,
                       size * 0.9, SZ_ALIGN_LEFT, grey, FALSE);
          else
            {
              g_autofree char *phone = NULL;

              draw_line (c, r->name, gx + cw[0] + 4 * c->s, ty, cw[1] - 8 * c->s, row_h, size,
                         SZ_ALIGN_LEFT, black, FALSE);
              if (r->phone_withheld && r->phone != NULL)
                {
                  /* The mark the legend under the table explains. */
                  phone = g_strdup_printf ("※ %s", r->phone);
                  withheld = TRUE;
                }
              else
                phone = g_strdup (r->phone ? r->phone : _("Contact the community office"));
              draw_line (c, phone, gx + cw[0] + cw[1] + 4 * c->s, ty, cw[2] - 8 * c->s, row_h, size,
                         SZ_ALIGN_LEFT, r->phone_withheld ? grey : black, FALSE);
            }
          ty += row_h;
        }
      sz_page_add_line (c->page, gx, ty, gx + group_w, ty, 0.8 * c->s, c->red ? &red : &grey);
      bottom = MAX (bottom, ty);
    }
  if (withheld)
    draw_line (c, _("※ The community office's number: this head has not agreed to have a phone printed."),
               x, bottom + 2 * c->s, w, 14 * c->s, 9.5 * c->s, SZ_ALIGN_LEFT, grey, FALSE);
}

/* ----------------------------------------------------------------- duties */

#define DUTY_SIZE 14.0
#define DUTY_TITLE_H 20.0

static char *
duty_text (const SzBoard *b, SzLevel level)
{
  GString *all = g_string_new (NULL);

  for (guint i = 0; i < b->duties[level]->len; i++)
    g_string_append_printf (all, "%s%u. %s", i ? "\n" : "", i + 1,
                            (const char *) g_ptr_array_index (b->duties[level], i));
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
static double
duties_height (Ctx *c, double w)
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

static void
duties (Ctx *c, double x, double y, double w, double h)
{
  const SzBoard *b = c->board;
  guint n = duty_columns (b);
  double gap = 12 * c->s;
  double col_w;
  double top;
  guint k = 0;

  if (n == 0)
    return;
  top = y + section_title (c, _("Duties"), x, y, w);
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
      title = g_strdup_printf (_("%s’s duties"), sz_level_head_title (l));
      draw_line (c, title, cx, top, col_w, 18 * c->s, 14 * c->s, SZ_ALIGN_LEFT, accent (c), FALSE);
      all = duty_text (b, l);
      draw_wrapped (c, all, cx, top + DUTY_TITLE_H * c->s, col_w, y + h - top - DUTY_TITLE_H * c->s,
                    DUTY_SIZE * c->s, 8 * c->s, SZ_ALIGN_LEFT, black);
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

static void
hotlines (Ctx *c, double x, double y, double w, double h)
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
  top = y + section_title (c, _("Service hotlines"), x, y, w);

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
    number_size = fit_size (c, ((SzBoardHotline *) g_ptr_array_index (b->hotlines, i))->number,
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
      double fit = fit_size (c, line->label, label_size, label_w);

      /* Labels keep the common size; a long one shrinks a little, and
       * past that goes onto two lines rather than into small print. */
      if (fit >= label_size * 0.7)
        draw_line (c, line->label, cx, cy, label_w, row_h, fit, SZ_ALIGN_LEFT, black, FALSE);
      else
        {
          double size = MIN (label_size * 0.8, row_h * 0.4);
          SzTextStyle st = { .size = size, .min_size = size * 0.8, .color = black, .wrap = TRUE,
                             .line_spacing = 0.1 };
          g_autofree char *label = break_before_note (line->label);
          double two = sz_text_wrapped_height (c->text, label, label_w, &st, size);
          SzBox box = { cx, cy + MAX (0, (row_h - two) / 2), label_w, MIN (row_h, two + 0.5) };

          sz_text_draw (c->text, c->page, label, &box, &st);
        }
      draw_line (c, line->number, cx + col_w - number_w - 2 * c->s, cy, number_w + 2 * c->s, row_h, number_size,
                 SZ_ALIGN_RIGHT, black, FALSE);
      sz_page_add_line (c->page, cx, cy + row_h, cx + col_w, cy + row_h, 0.4 * c->s, &light_grey);
    }
}

/* ----------------------------------------------------------------- footer */

static double
footer_height (Ctx *c)
{
  return MIN (c->page->height * 0.13, 104 * c->s);
}

static void
footer (Ctx *c)
{
  const SzBoard *b = c->board;
  double h = footer_height (c);
  double y = c->page->height - h;
  double x = c->margin;
  double w = c->page->width - 2 * c->margin;
  double qr_side = 0;
  double line_h = 21 * c->s;
  double ty = y + 8 * c->s;
  g_autofree char *printed = NULL;
  g_autofree char *today = NULL;

  sz_page_add_line (c->page, x, y, x + w, y, 1.5 * c->s, c->red ? &red : &black);

  if (b->qr_text != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autofree guint8 *modules = NULL;
      int n = 0;

      modules = sz_qr_encode (b->qr_text, _("QR code text"), &n, &error);
      if (modules == NULL)
        {
          g_propagate_error (&c->error, g_steal_pointer (&error));
          return;
        }
      qr_side = h - 22 * c->s;
      {
        double module = qr_side / (n + 2);
        double qx = x + w - qr_side;

        sz_page_add_qr (c->page, modules, n, qx + module, y + 6 * c->s + module, module);
        draw_line (c, b->qr_caption, qx - 20 * c->s, y + 6 * c->s + qr_side, qr_side + 20 * c->s,
                   14 * c->s, 10 * c->s, SZ_ALIGN_CENTER, black, FALSE);
      }
      w -= qr_side + 24 * c->s;
    }

  if (b->supervision_phone != NULL)
    {
      g_autofree char *s = g_strdup_printf (_("Supervision phone: %s"), b->supervision_phone);
      draw_line (c, s, x, ty, w, line_h, 16 * c->s, SZ_ALIGN_LEFT, accent (c), FALSE);
      ty += line_h;
    }
  if (b->office_phone != NULL)
    {
      g_autofree char *s = g_strdup_printf (_("Community office: %s"), b->office_phone);
      draw_line (c, s, x, ty, w, line_h * 0.8, 13 * c->s, SZ_ALIGN_LEFT, black, FALSE);
      ty += line_h * 0.8;
    }
  if (b->property != NULL)
    {
      draw_line (c, b->property, x, ty, w, line_h * 0.75, 12 * c->s, SZ_ALIGN_LEFT, black, FALSE);
      ty += line_h * 0.75;
    }

  if (c->options->printed_on != NULL)
    today = g_strdup (c->options->printed_on);
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      today = g_date_time_format (now, "%Y-%m-%d");
    }
  printed = g_strdup_printf (_("Printed %s"), today);
  draw_line (c, printed, x, MAX (ty, c->page->height - 14 * c->s - 6 * c->s), w, 13 * c->s,
             8 * c->s, SZ_ALIGN_LEFT, grey, FALSE);
}

/* ----------------------------------------------------------------- boards */

static void
body (Ctx *c, double y)
{
  const SzBoard *b = c->board;
  double x = c->margin;
  double w = c->page->width - 2 * c->margin;
  double bottom = c->page->height - footer_height (c) - 8 * c->s;
  double avail = bottom - y;
  gboolean wide = c->page->width > c->page->height;
  double gap = 12 * c->s;
  const char *row_title;

  switch (b->kind)
    {
    case SZ_BOARD_UNIT:
      {
        double card_h = MIN (avail * (wide ? 0.42 : 0.36), (has_photo (b->heads) ? 260 : wide ? 120 : 150) * c->s);

        y = cards (c, b->heads, y, card_h) + gap;
        avail = bottom - y;
        if (wide)
          {
            duties (c, x, y, w * 0.40, avail);
            hotlines (c, x + w * 0.40 + gap, y, w * 0.60 - gap, avail);
          }
        else
          {
            double duty_h = MIN (duties_height (c, w), avail * 0.5);

            duties (c, x, y, w, duty_h);
            hotlines (c, x, y + duty_h + gap, w, avail - duty_h - gap);
          }
      }
      return;
    case SZ_BOARD_BUILDING:
    case SZ_BOARD_GRID:
    case SZ_BOARD_COMMUNITY:
    default:
      break;
    }

  /* Boards with a table: cards (if any), the table, then duties and
   * hotlines side by side. */
  if (b->heads->len > 0)
    {
      /* A long table needs the room more than the head's card does. */
      double card_h = b->rows->len > 16 ? MIN (avail * 0.18, (has_photo (b->heads) ? 150 : 110) * c->s)
                      : MIN (avail * 0.26, (has_photo (b->heads) ? 200 : 140) * c->s);
      y = cards (c, b->heads, y, card_h) + gap;
      avail = bottom - y;
    }
  row_title = b->kind == SZ_BOARD_BUILDING ? _("Unit")
              : b->kind == SZ_BOARD_GRID ? _("Building") : _("Grid");
  {
    /* The table takes what its rows need at a comfortable height, but
     * leaves the hotlines (one column here) rows they can be read in. */
    double lower_needed = MAX (b->hotlines->len > 0 ? b->hotlines->len * 19 * c->s + 30 * c->s : 0,
                               duties_height (c, w * 0.5 - gap / 2));
    double table_needed = 36 * c->s + b->rows->len * 34 * c->s;
    double table_h = MAX (MIN (table_needed, avail - lower_needed - gap), avail * 0.3);
    double lower = avail - table_h - gap;

    table (c, b->rows, row_title, x, y, w, table_h);
    y += table_h + gap;
    duties (c, x, y, w * 0.5 - gap / 2, lower);
    hotlines (c, x + w * 0.5 + gap / 2, y, w * 0.5 - gap / 2, lower);
  }
}

SzPage *
sz_layout_board (SzText                *text,
                 const SzBoard         *board,
                 const SzLayoutOptions *options,
                 GError               **error)
{
  g_autoptr(SzPage) page = NULL;
  Ctx c = { 0 };
  double y;

  g_return_val_if_fail (text != NULL && board != NULL && options != NULL, NULL);

  page = sz_page_new (options->paper.width, options->paper.height);
  c.text = text;
  c.page = page;
  c.board = board;
  c.options = options;
  c.red = options->style == SZ_STYLE_RED;
  /* Everything is drawn for A4 (portrait or landscape) and scaled. */
  c.s = page->width > page->height
        ? MIN (page->width / 842.0, page->height / 595.0)
        : MIN (page->width / 595.0, page->height / 842.0);
  /* A round scale keeps the numbers in the PDF short: A4 is 1, A3 1.414. */
  c.s = floor (c.s * 1000) / 1000;
  c.margin = 28 * c.s;

  y = header (&c);
  y = place_lines (&c, y);
  body (&c, y);
  footer (&c);
  if (c.error != NULL)
    {
      g_propagate_error (error, c.error);
      return NULL;
    }
  page->outline = g_strdupv (board->outline);
  page->label_prefix = g_strdup (board->label_prefix);
  return g_steal_pointer (&page);
}
