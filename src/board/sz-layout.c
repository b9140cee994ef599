/* sz-layout.c: a board on one page: the paper, the header and the place,
 * the footer, and the page put together (the heads: sz-layout-cards.c;
 * duties and hotlines: sz-layout-lists.c).
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "sz-layout-private.h"
#include "sz-qr.h"

#define MM (72.0 / 25.4)
/* libharu and cairo both take pages up to 14,400 pt (5 m) a side. */
#define PAPER_MIN_MM 50.0
#define PAPER_MAX_MM 5000.0

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
_sz_layout_line_style (double size, SzAlign align, SzColor color, gboolean bold)
{
  return (SzTextStyle) { .size = size, .min_size = size, .align = align, .color = color, .bold = bold };
}

void
_sz_layout_draw_line (Ctx *c, const char *str, double x, double y, double w, double h,
           double size, SzAlign align, SzColor color, gboolean bold)
{
  SzTextStyle st = _sz_layout_line_style (size, align, color, bold);
  SzBox box = { x, y, w, h };

  sz_text_draw (c->text, c->page, str, &box, &st);
}

void
_sz_layout_draw_wrapped (Ctx *c, const char *str, double x, double y, double w, double h,
              double size, double min_size, SzAlign align, SzColor color)
{
  SzTextStyle st = { .size = size, .min_size = min_size, .align = align, .color = color,
                     .wrap = TRUE, .line_spacing = 0.25 };
  SzBox box = { x, y, w, h };

  sz_text_draw (c->text, c->page, str, &box, &st);
}

/* The size, at most @size, at which @str fits @width on one line. */
double
_sz_layout_fit_size (Ctx *c, const char *str, double size, double width)
{
  double w = sz_text_measure (c->text, str, size);

  return w > width ? size * width / w * 0.995 : size;
}

SzColor
_sz_layout_accent (Ctx *c)
{
  return c->red ? SZ_LAYOUT_RED : SZ_LAYOUT_BLACK;
}

void
_sz_layout_stroke_rect (Ctx *c, double x, double y, double w, double h, double width, SzColor color)
{
  SzRectItem *r = sz_page_add_rect (c->page, x, y, w, h);

  r->line_width = width;
  r->line_color = color;
}

void
_sz_layout_fill_rect (Ctx *c, double x, double y, double w, double h, SzColor color)
{
  SzRectItem *r = sz_page_add_rect (c->page, x, y, w, h);

  r->fill = TRUE;
  r->fill_color = color;
}

/* A section heading: a short _sz_layout_accent bar and the title. */
double
_sz_layout_section_title (Ctx *c, const char *title, double x, double y, double w)
{
  double h = 22 * c->s;

  _sz_layout_fill_rect (c, x, y + 3 * c->s, 5 * c->s, h - 6 * c->s, _sz_layout_accent (c));
  _sz_layout_draw_line (c, title, x + 10 * c->s, y, w - 10 * c->s, h, 15 * c->s, SZ_ALIGN_LEFT, _sz_layout_accent (c), FALSE);
  sz_page_add_line (c->page, x, y + h + 1 * c->s, x + w, y + h + 1 * c->s, 0.8 * c->s,
                    c->red ? &SZ_LAYOUT_RED : &SZ_LAYOUT_GREY);
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
      _sz_layout_fill_rect (c, 0, 0, w, h, SZ_LAYOUT_RED);
      _sz_layout_fill_rect (c, 0, h, w, 3 * c->s, SZ_LAYOUT_GOLD);
    }
  else
    sz_page_add_line (c->page, c->margin, h, w - c->margin, h, 2.5 * c->s, &SZ_LAYOUT_BLACK);
  _sz_layout_draw_line (c, b->title, c->margin, h * 0.10, w - 2 * c->margin, title_h,
             42 * c->s, SZ_ALIGN_CENTER, c->red ? SZ_LAYOUT_WHITE : SZ_LAYOUT_BLACK, TRUE);
  _sz_layout_draw_line (c, b->community, c->margin, h * 0.10 + title_h, w - 2 * c->margin, h * 0.26,
             17 * c->s, SZ_ALIGN_CENTER, c->red ? SZ_LAYOUT_GOLD : SZ_LAYOUT_GREY, FALSE);
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
      _sz_layout_draw_line (c, b->grid, x, top, w, 20 * c->s, 14 * c->s, SZ_ALIGN_CENTER, SZ_LAYOUT_GREY, FALSE);
      top += 21 * c->s;
    }
  /* The community's name is in the header already. */
  _sz_layout_draw_line (c, b->kind == SZ_BOARD_COMMUNITY ? D_ (c->lang, "Grid heads of the community") : b->place,
             x, top, w, 36 * c->s, 28 * c->s, SZ_ALIGN_CENTER, SZ_LAYOUT_BLACK, TRUE);
  return top + 40 * c->s;
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

  sz_page_add_line (c->page, x, y, x + w, y, 1.5 * c->s, c->red ? &SZ_LAYOUT_RED : &SZ_LAYOUT_BLACK);

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
        _sz_layout_draw_line (c, b->qr_caption, qx - 20 * c->s, y + 6 * c->s + qr_side, qr_side + 20 * c->s,
                   14 * c->s, 10 * c->s, SZ_ALIGN_CENTER, SZ_LAYOUT_BLACK, FALSE);
      }
      w -= qr_side + 24 * c->s;
    }
  /* The admin of the place's WeChat group: residents scan the personal
   * code and are let into the group (a group's own code expires). */
  if (b->group_qr_text != NULL || b->group_qr != NULL)
    {
      double side = h - 22 * c->s;
      double gx = x + w - side;

      if (b->group_qr_text != NULL)
        {
          g_autoptr(GError) error = NULL;
          g_autofree guint8 *modules = NULL;
          int n = 0;

          /* Translators: the field of a WeChat group admin's QR image */
          modules = sz_qr_encode (b->group_qr_text, _("Admin's QR code"), &n, &error);
          if (modules == NULL)
            {
              g_propagate_error (&c->error, g_steal_pointer (&error));
              return;
            }
          sz_page_add_qr (c->page, modules, n, gx + side / (n + 2), y + 6 * c->s + side / (n + 2), side / (n + 2));
        }
      else
        _sz_layout_picture (c, b->group_qr, b->group_qr_mime, b->group_qr_width, b->group_qr_height,
                            gx, y + 6 * c->s, side, side);
      /* Translators: under the WeChat group admin's QR code on a board */
      _sz_layout_draw_line (c, D_ (c->lang, "Scan to join the group"), gx - 20 * c->s, y + 6 * c->s + side,
                            side + 20 * c->s, 14 * c->s, 10 * c->s, SZ_ALIGN_CENTER, SZ_LAYOUT_BLACK, FALSE);
      w -= side + 24 * c->s;
    }

  /* The lines shrink together when they would not fit above the printed
   * date (a landscape page has a low footer). */
  {
    double need = (b->supervision_phone ? 1.0 : 0) + (b->office_phone ? 0.8 : 0) + (b->property ? 0.75 : 0)
                  + (b->group_name ? 0.75 : 0);
    double room = h - 8 * c->s - 14 * c->s - 6 * c->s;
    double k = need > 0 ? MIN (1.0, room / (need * line_h)) : 1.0;

    line_h *= k;
    if (b->supervision_phone != NULL)
      {
        g_autofree char *s = g_strdup_printf (D_ (c->lang, "Supervision phone: %s"), b->supervision_phone);
        _sz_layout_draw_line (c, s, x, ty, w, line_h, 16 * k * c->s, SZ_ALIGN_LEFT, _sz_layout_accent (c), FALSE);
        ty += line_h;
      }
    if (b->office_phone != NULL)
      {
        g_autofree char *s = g_strdup_printf (D_ (c->lang, "Community office: %s"), b->office_phone);
        _sz_layout_draw_line (c, s, x, ty, w, line_h * 0.8, 13 * k * c->s, SZ_ALIGN_LEFT, SZ_LAYOUT_BLACK, FALSE);
        ty += line_h * 0.8;
      }
    if (b->property != NULL)
      {
        _sz_layout_draw_line (c, b->property, x, ty, w, line_h * 0.75, 12 * k * c->s, SZ_ALIGN_LEFT, SZ_LAYOUT_BLACK,
                              FALSE);
        ty += line_h * 0.75;
      }
    if (b->group_name != NULL)
      {
        g_autofree char *s = b->group_admin != NULL && *b->group_admin
          /* Translators: a WeChat group's name, then its admin's, on a board */
          ? g_strdup_printf (D_ (c->lang, "WeChat group: %s (admin: %s)"), b->group_name, b->group_admin)
          : g_strdup_printf (D_ (c->lang, "WeChat group: %s"), b->group_name);

        _sz_layout_draw_line (c, s, x, ty, w, line_h * 0.75, 12 * k * c->s, SZ_ALIGN_LEFT, SZ_LAYOUT_BLACK, FALSE);
        ty += line_h * 0.75;
      }
  }

  if (c->options->printed_on != NULL)
    today = g_strdup (c->options->printed_on);
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      today = g_date_time_format (now, "%Y-%m-%d");
    }
  printed = g_strdup_printf (D_ (c->lang, "Printed %s"), today);
  _sz_layout_draw_line (c, printed, x, MAX (ty, c->page->height - 14 * c->s - 6 * c->s), w, 13 * c->s,
             8 * c->s, SZ_ALIGN_LEFT, SZ_LAYOUT_GREY, FALSE);
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
        double card_h = MIN (avail * (wide ? 0.42 : 0.36), (_sz_layout_has_photo (b->heads) ? 260 : wide ? 120 : 150) * c->s);

        y = _sz_layout_cards (c, b->heads, y, card_h) + gap;
        avail = bottom - y;
        if (wide)
          {
            _sz_layout_duties (c, x, y, w * 0.40, avail);
            _sz_layout_hotlines (c, x + w * 0.40 + gap, y, w * 0.60 - gap, avail);
          }
        else
          {
            double duty_h = MIN (_sz_layout_duties_height (c, w), avail * 0.5);

            _sz_layout_duties (c, x, y, w, duty_h);
            _sz_layout_hotlines (c, x, y + duty_h + gap, w, avail - duty_h - gap);
          }
      }
      return;
    case SZ_BOARD_BUILDING:
    case SZ_BOARD_GRID:
    case SZ_BOARD_COMMUNITY:
    default:
      break;
    }

  /* Boards with a table: _sz_layout_cards (if any), the table, then duties and
   * hotlines side by side. */
  if (b->heads->len > 0)
    {
      /* A long table needs the room more than the head's card does. */
      double card_h = b->rows->len > 16 ? MIN (avail * 0.18, (_sz_layout_has_photo (b->heads) ? 150 : 110) * c->s)
                      : MIN (avail * 0.26, (_sz_layout_has_photo (b->heads) ? 200 : 140) * c->s);
      y = _sz_layout_cards (c, b->heads, y, card_h) + gap;
      avail = bottom - y;
    }
  row_title = b->kind == SZ_BOARD_BUILDING ? D_ (c->lang, "Unit")
              : b->kind == SZ_BOARD_GRID ? D_ (c->lang, "Building") : D_ (c->lang, "Grid");
  {
    /* The table takes what its rows need at a comfortable height, but
     * leaves the _sz_layout_hotlines (one column here) rows they can be read in. */
    double lower_needed = MAX (b->hotlines->len > 0 ? b->hotlines->len * 19 * c->s + 30 * c->s : 0,
                               _sz_layout_duties_height (c, w * 0.5 - gap / 2));
    double table_needed = 36 * c->s + b->rows->len * 34 * c->s;
    double table_h = MAX (MIN (table_needed, avail - lower_needed - gap), avail * 0.3);
    double lower = avail - table_h - gap;

    _sz_layout_table (c, b->rows, row_title, x, y, w, table_h);
    y += table_h + gap;
    _sz_layout_duties (c, x, y, w * 0.5 - gap / 2, lower);
    _sz_layout_hotlines (c, x + w * 0.5 + gap / 2, y, w * 0.5 - gap / 2, lower);
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
  c.lang = board->lang;
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
