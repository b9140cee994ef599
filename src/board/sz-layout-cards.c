/* sz-layout-cards.c: the heads on a board: their cards, printed large, and
 * the table of the heads below (units on a building board, …).
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sz-layout-private.h"

/* ------------------------------------------------------------------ cards */

void
_sz_layout_picture (Ctx *c, GBytes *data, const char *mime, int pw, int ph,
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
      _sz_layout_fill_rect (c, x, y, w, h, SZ_LAYOUT_PALE_RED);
      _sz_layout_fill_rect (c, x, y, w, strip, SZ_LAYOUT_RED);
    }
  else
    _sz_layout_fill_rect (c, x, y, w, strip, SZ_LAYOUT_LIGHT_GREY);
  _sz_layout_stroke_rect (c, x, y, w, h, 1.2 * c->s, _sz_layout_accent (c));
  _sz_layout_draw_line (c, head->role, x + pad, y, inner_w, strip, 15 * c->s, SZ_ALIGN_CENTER,
             c->red ? SZ_LAYOUT_WHITE : SZ_LAYOUT_BLACK, FALSE);

  if (head->person_id == 0)
    {
      _sz_layout_draw_wrapped (c, b->vacancy_text, x + pad, top, inner_w, avail, 16 * c->s, 11 * c->s,
                    SZ_ALIGN_CENTER, SZ_LAYOUT_GREY);
      return;
    }

  if (head->photo != NULL)
    {
      photo_h = MIN (avail - name_h - phone_h - note_h - pad, inner_w * 4 / 3 * 0.62);
      if (photo_h > 30 * c->s)
        {
          double photo_w = photo_h * 3 / 4;

          _sz_layout_picture (c, head->photo, head->photo_mime, head->photo_width, head->photo_height,
                   x + (w - photo_w) / 2, top, photo_w, photo_h);
          top += photo_h + pad;
        }
      else
        photo_h = 0;
    }
  if (photo_h == 0)
    top = y + strip + MAX (pad, (avail - name_h - phone_h - note_h) / 2);
  _sz_layout_draw_line (c, head->name, x + pad, top, inner_w, name_h, 27 * c->s, SZ_ALIGN_CENTER, SZ_LAYOUT_BLACK, FALSE);
  top += name_h;
  if (head->phone != NULL)
    {
      _sz_layout_draw_line (c, head->phone, x + pad, top, inner_w, phone_h, 18 * c->s, SZ_ALIGN_CENTER,
                 _sz_layout_accent (c), FALSE);
      top += phone_h;
      if (head->phone_withheld)
        _sz_layout_draw_line (c, D_ (c->lang, "(community office, will pass on)"), x + pad, top, inner_w, note_h,
                   10 * c->s, SZ_ALIGN_CENTER, SZ_LAYOUT_GREY, FALSE);
    }
  else
    _sz_layout_draw_line (c, D_ (c->lang, "Contact the community office"), x + pad, top, inner_w, phone_h,
               13 * c->s, SZ_ALIGN_CENTER, SZ_LAYOUT_GREY, FALSE);

  /* A personal WeChat code, small in the corner: scan to add the head. */
  if (head->qr != NULL && photo_h == 0)
    {
      double q = MIN (46 * c->s, (avail - name_h - phone_h) * 0.9);

      if (q > 24 * c->s && w > 4 * q)
        _sz_layout_picture (c, head->qr, head->qr_mime, head->qr_width, head->qr_height,
                 x + w - pad - q, y + h - pad - q, q, q);
    }
}

double
_sz_layout_cards (Ctx *c, GPtrArray *heads, double y, double h)
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

gboolean
_sz_layout_has_photo (GPtrArray *heads)
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

      *place_size = _sz_layout_fit_size (c, r->place, *place_size, cw0);
      if (r->name != NULL)
        *name_size = MAX (_sz_layout_fit_size (c, r->name, *name_size, cw1), MIN (*name_size, 10 * c->s));
    }
  phone = _sz_layout_fit_size (c, "※ 0431-8000 0000", *name_size, cw2);
  return MIN (MIN (*place_size, *name_size), phone);
}

void
_sz_layout_table (Ctx *c, GPtrArray *rows, const char *place_title, double x, double y, double w, double h)
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

      _sz_layout_fill_rect (c, gx, ty, group_w, head_h, c->red ? SZ_LAYOUT_RED : SZ_LAYOUT_LIGHT_GREY);
      _sz_layout_draw_line (c, place_title, gx + 4 * c->s, ty, cw[0] - 8 * c->s, head_h, 11 * c->s, SZ_ALIGN_LEFT,
                 c->red ? SZ_LAYOUT_WHITE : SZ_LAYOUT_BLACK, FALSE);
      _sz_layout_draw_line (c, D_ (c->lang, "Head"), gx + cw[0] + 4 * c->s, ty, cw[1] - 8 * c->s, head_h, 11 * c->s,
                 SZ_ALIGN_LEFT, c->red ? SZ_LAYOUT_WHITE : SZ_LAYOUT_BLACK, FALSE);
      _sz_layout_draw_line (c, D_ (c->lang, "Phone"), gx + cw[0] + cw[1] + 4 * c->s, ty, cw[2] - 8 * c->s, head_h, 11 * c->s,
                 SZ_ALIGN_LEFT, c->red ? SZ_LAYOUT_WHITE : SZ_LAYOUT_BLACK, FALSE);
      ty += head_h;
      for (guint i = g * per_group; i < MIN (n, (g + 1) * per_group); i++)
        {
          const SzBoardHead *r = g_ptr_array_index (rows, i);
          double size = name_size;

          if ((i - g * per_group) % 2 == 1)
            _sz_layout_fill_rect (c, gx, ty, group_w, row_h, c->red ? SZ_LAYOUT_PALE_RED : (SzColor) { 0.96, 0.96, 0.96 });
          _sz_layout_draw_line (c, r->place, gx + 4 * c->s, ty, cw[0] - 8 * c->s, row_h, place_size, SZ_ALIGN_LEFT, SZ_LAYOUT_BLACK, FALSE);
          if (r->person_id == 0)
            _sz_layout_draw_line (c, b->vacancy_text, gx + cw[0] + 4 * c->s, ty, cw[1] + cw[2] - 8 * c->s, row_h,
                       size * 0.9, SZ_ALIGN_LEFT, SZ_LAYOUT_GREY, FALSE);
          else
            {
              g_autofree char *phone = NULL;

              _sz_layout_draw_line (c, r->name, gx + cw[0] + 4 * c->s, ty, cw[1] - 8 * c->s, row_h, size,
                         SZ_ALIGN_LEFT, SZ_LAYOUT_BLACK, FALSE);
              if (r->phone_withheld && r->phone != NULL)
                {
                  /* The mark the legend under the table explains. */
                  phone = g_strdup_printf ("※ %s", r->phone);
                  withheld = TRUE;
                }
              else
                phone = g_strdup (r->phone ? r->phone : D_ (c->lang, "Contact the community office"));
              _sz_layout_draw_line (c, phone, gx + cw[0] + cw[1] + 4 * c->s, ty, cw[2] - 8 * c->s, row_h, size,
                         SZ_ALIGN_LEFT, r->phone_withheld ? SZ_LAYOUT_GREY : SZ_LAYOUT_BLACK, FALSE);
            }
          ty += row_h;
        }
      sz_page_add_line (c->page, gx, ty, gx + group_w, ty, 0.8 * c->s, c->red ? &SZ_LAYOUT_RED : &SZ_LAYOUT_GREY);
      bottom = MAX (bottom, ty);
    }
  if (withheld)
    _sz_layout_draw_line (c, D_ (c->lang, "※ The community office's number: this head has not agreed to have a phone printed."),
               x, bottom + 2 * c->s, w, 14 * c->s, 9.5 * c->s, SZ_ALIGN_LEFT, SZ_LAYOUT_GREY, FALSE);
}

