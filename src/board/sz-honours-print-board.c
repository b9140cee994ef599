/* sz-honours-print-board.c: the community's honour board (光荣榜).
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sz-honours-print-private.h"
#include "sz-image.h"
#include "sz-person.h"

#define COLUMNS 3
#define ROWS    3

static const SzColor white = { 1, 1, 1 };
static const SzColor pale = { 0.99, 0.96, 0.92 };
static const SzColor blank_grey = { 0.62, 0.62, 0.62 };

typedef struct
{
  const SzHonour *honour;
  GBytes         *photo;      /* NULL: none */
  const char     *mime;
  int             width, height;
} Card;

typedef struct
{
  SzText     *text;
  double      w, h;           /* the page */
  double      s;              /* scale from A4 */
  double      margin;
  const char *community;
  const char *period;
  const char *issuer;
  const char *lang;       /* the board language (sz-doc-lang.h) */
  const char *date;
} Board;

static void
card_clear (gpointer data)
{
  Card *card = data;

  g_clear_pointer (&card->photo, g_bytes_unref);
}

/* The photo as the boards print it; one that no longer reads is left
 * out (a framed blank instead) rather than stopping the board. */
static void
load_photo (SzDb *db, Card *card)
{
  g_autofree char *mime = NULL;
  g_autoptr(GBytes) data = sz_person_get_image (db, card->honour->person_id, SZ_IMAGE_PHOTO, &mime, NULL, NULL);

  if (data != NULL && sz_image_inspect (data, "", &card->mime, &card->width, &card->height, NULL))
    card->photo = g_steal_pointer (&data);
}

/* The red band with 光荣榜 spread across it, the community and period
 * under it; returns where the cards start. */
static double
header (Board *b, SzPage *page)
{
  double s = b->s, x = b->margin, w = b->w - 2 * b->margin;
  double band = 92 * s;
  /* Translators: the title of the community's honour board: 光荣榜.
   * Chinese titles are spread out by the program: no spaces needed */
  const char *title = D_ (b->lang, "Roll of Honour");
  g_autofree char *line = NULL;

  _sz_print_fill (page, x, b->margin, w, band, _sz_honours_red);
  _sz_honours_frame (page, x + 5 * s, b->margin + 5 * s, w - 10 * s, band - 10 * s, 1.2 * s, _sz_honours_gold);
  _sz_honours_title (b->text, page, title, &(SzBox) { x + 20 * s, b->margin, w - 40 * s, band }, 54 * s, 1.9,
                     white);
  sz_page_add_line (page, x, b->margin + band + 4 * s, x + w, b->margin + band + 4 * s, 2.5 * s, &_sz_honours_gold);

  /* Translators: under the honour board's title: the community, then the
   * period, "丰和社区 · 2026年度" */
  line = g_strdup_printf (D_ (b->lang, "%1$s · %2$s"), b->community, b->period);
  _sz_print_text (b->text, page, line, x, b->margin + band + 12 * s, w, 30 * s, 20 * s, SZ_ALIGN_CENTER,
                  _sz_honours_red, TRUE);
  return b->margin + band + 52 * s;
}

static void
footer (Board *b, SzPage *page, guint i, guint n)
{
  double s = b->s, x = b->margin, w = b->w - 2 * b->margin;
  double y = b->h - b->margin - 44 * s;

  sz_page_add_line (page, x, y, x + w, y, 1.2 * s, &_sz_honours_gold);
  _sz_print_text (b->text, page, b->issuer, x + w * 0.45, y + 6 * s, w * 0.55, 20 * s, 14 * s, SZ_ALIGN_RIGHT,
                  _sz_honours_black, FALSE);
  _sz_print_text (b->text, page, b->date, x + w * 0.45, y + 26 * s, w * 0.55, 18 * s, 12 * s, SZ_ALIGN_RIGHT,
                  _sz_honours_black, FALSE);
  if (n > 1)
    {
      /* Translators: the page number at the foot of a report's pages */
      g_autofree char *number = g_strdup_printf (D_ (b->lang, "Page %u of %u"), i + 1, n);

      _sz_print_text (b->text, page, number, x, y + 16 * s, w * 0.4, 16 * s, 9 * s, SZ_ALIGN_LEFT,
                      _sz_honours_grey, FALSE);
    }
}

/* One honouree: the photo (or a framed blank with the name), the name,
 * the title, the post. */
static void
card (Board *b, SzPage *page, const Card *c, double x, double y, double w, double h)
{
  const SzHonour *hon = c->honour;
  double s = b->s, pad = 8 * s;
  /* The name, the title and two lines of post under the photo. */
  double text_h = 80 * s;
  double photo_h = MIN (h - text_h - 2 * pad, (w - 2 * pad) * 4 / 3);
  double photo_w = photo_h * 3 / 4;
  double px = x + (w - photo_w) / 2, py = y + pad;
  double ty = py + photo_h + 6 * s;
  SzTextStyle post = { .size = 10.5 * s, .min_size = 8 * s, .align = SZ_ALIGN_CENTER, .color = _sz_honours_grey,
                       .wrap = TRUE, .line_spacing = 0.1 };

  _sz_print_fill (page, x, y, w, h, pale);
  _sz_honours_frame (page, x, y, w, h, 1 * s, _sz_honours_gold);
  if (c->photo != NULL)
    _sz_honours_picture (page, c->photo, c->mime, c->width, c->height, px, py, photo_w, photo_h);
  else
    {
      _sz_print_fill (page, px, py, photo_w, photo_h, white);
      _sz_print_text (b->text, page, hon->name, px + 4 * s, py, photo_w - 8 * s, photo_h, 22 * s,
                      SZ_ALIGN_CENTER, blank_grey, FALSE);
    }
  _sz_honours_frame (page, px, py, photo_w, photo_h, 1.4 * s, _sz_honours_red);

  _sz_print_text (b->text, page, hon->name, x + pad, ty, w - 2 * pad, 28 * s, 20 * s, SZ_ALIGN_CENTER,
                  _sz_honours_black, TRUE);
  ty += 28 * s;
  _sz_print_text (b->text, page, hon->title, x + pad, ty, w - 2 * pad, 20 * s, 13.5 * s, SZ_ALIGN_CENTER,
                  _sz_honours_red, TRUE);
  ty += 21 * s;
  if (hon->post != NULL && *hon->post)
    sz_text_draw (b->text, page, hon->post, &(SzBox) { x + pad, ty, w - 2 * pad, y + h - pad - ty }, &post);
}

static gboolean
check_card (SzText *text, const SzHonour *h, GError **error)
{
  return _sz_honours_check_text (text, h->name, _("Name"), error)
         && _sz_honours_check_text (text, h->title, C_("honour", "Title"), error)
         && _sz_honours_check_text (text, h->post, _("Post"), error);
}

static const char *
latest_award (GPtrArray *honours)
{
  const char *day = NULL;

  for (guint i = 0; i < honours->len; i++)
    {
      const SzHonour *h = g_ptr_array_index (honours, i);

      if (h->awarded_on != NULL && g_strcmp0 (h->awarded_on, day) > 0)
        day = h->awarded_on;
    }
  return day;
}

GPtrArray *
_sz_honour_board_pages (SzText *text, SzDb *db, const SzPrintArgs *args, SzDocInfo *info, GError **error)
{
  g_autoptr(SzCommunity) community = sz_community_get (db, args->id, error);
  g_autoptr(GPtrArray) honours = NULL;
  g_autoptr(GArray) cards = NULL;
  g_autoptr(GPtrArray) pages = NULL;
  g_autofree char *issuer = NULL;
  g_autofree char *period = NULL;
  g_autofree char *date = NULL;
  g_autofree char *today = NULL;
  Board b = { 0 };
  guint per_page = COLUMNS * ROWS;
  guint n_pages;

  if (community == NULL)
    return NULL;
  honours = _sz_honours_select (db, args->id, args->period, SZ_HONOUR_FINAL, error);
  if (honours == NULL)
    return NULL;
  if (honours->len == 0)
    {
      if (args->period != NULL)
        /* Translators: %s is a period, "2026" or "2026-Q3" */
        g_set_error (error, SZ_POINTS_ERROR, SZ_POINTS_ERROR_NOT_FOUND,
                     _("Period %s: no honour of it has been awarded yet."), args->period);
      else
        g_set_error_literal (error, SZ_POINTS_ERROR, SZ_POINTS_ERROR_NOT_FOUND, _("No honour has been awarded yet."));
      return NULL;
    }
  issuer = _sz_honours_issuer (community);
  if (!_sz_honours_check_text (text, issuer, _("Community"), error))
    return NULL;
  cards = g_array_sized_new (FALSE, TRUE, sizeof (Card), honours->len);
  g_array_set_clear_func (cards, card_clear);
  for (guint i = 0; i < honours->len; i++)
    {
      Card c = { g_ptr_array_index (honours, i), NULL, NULL, 0, 0 };

      if (!check_card (text, c.honour, error))
        return NULL;
      load_photo (db, &c);
      g_array_append_val (cards, c);
    }

  b.lang = community->board_language;
  period = _sz_honours_period (b.lang, ((SzHonour *) g_ptr_array_index (honours, 0))->period);
  today = _sz_honours_today ();
  date = _sz_honours_date (b.lang, latest_award (honours) ? latest_award (honours) : today, FALSE);
  b.text = text;
  b.w = args->a3 ? SZ_PRINT_A3_WIDTH : SZ_PRINT_A4_WIDTH;
  b.h = args->a3 ? SZ_PRINT_A3_HEIGHT : SZ_PRINT_A4_HEIGHT;
  b.s = b.w / SZ_PRINT_A4_WIDTH;
  b.margin = 30 * b.s;
  b.community = community->name;
  b.period = period;
  b.issuer = issuer;
  b.date = date;

  pages = g_ptr_array_new_with_free_func ((GDestroyNotify) sz_page_free);
  n_pages = (cards->len + per_page - 1) / per_page;
  for (guint p = 0; p < n_pages; p++)
    {
      SzPage *page = sz_page_new (b.w, b.h);
      guint first = p * per_page;
      guint n = MIN (per_page, cards->len - first);
      guint cols = MIN (COLUMNS, n), rows = (n + cols - 1) / cols;
      double gap = 14 * b.s;
      double top = header (&b, page);
      double bottom = b.h - b.margin - 54 * b.s;
      double w = b.w - 2 * b.margin;
      /* Few honourees get larger cards, but never wider than a third of
       * the page nor taller than a portrait's proportions want. */
      double card_w = MIN ((w - gap * (COLUMNS - 1)) / COLUMNS * (cols < COLUMNS ? 1.15 : 1), (w - gap * (cols - 1)) / cols);
      guint slots = n_pages > 1 ? ROWS : rows;
      double card_h = MIN ((bottom - top - gap * (slots - 1)) / slots, card_w * 1.55);
      double x0 = b.margin + (w - card_w * cols - gap * (cols - 1)) / 2;

      g_ptr_array_add (pages, page);
      for (guint i = 0; i < n; i++)
        {
          guint row = i / cols, col = i % cols;
          /* A last row that is not full is centred. */
          guint in_row = MIN (cols, n - row * cols);
          double rx = x0 + (cols - in_row) * (card_w + gap) / 2;

          card (&b, page, &g_array_index (cards, Card, first + i), rx + col * (card_w + gap),
                top + row * (card_h + gap), card_w, card_h);
        }
      footer (&b, page, p, n_pages);
      page->outline = g_new0 (char *, 2);
      page->outline[0] = g_strdup (period);
    }

  if (info != NULL)
    {
      /* Translators: the honour board's file title: the community, the period */
      info->title = g_strdup_printf (D_ (b.lang, "Roll of honour — %s, %s"), community->name, period);
      info->lang = g_strdup (b.lang);
      info->author = g_strdup (community->name);
    }
  return g_steal_pointer (&pages);
}
