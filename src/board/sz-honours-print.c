/* sz-honours-print.c: what the honours' printouts share — dates and
 * periods in words, the issuer, the phone for objections, checking the
 * fonts, and writing the file.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "sz-honours-print-private.h"
#include "sz-hotline.h"
#include "sz-phone.h"

const SzColor _sz_honours_red = { 0.72, 0.07, 0.09 };
const SzColor _sz_honours_gold = { 0.78, 0.58, 0.16 };
const SzColor _sz_honours_black = { 0.10, 0.10, 0.10 };
const SzColor _sz_honours_grey = { 0.40, 0.40, 0.40 };

char *
_sz_honours_date (const char *lang, const char *day, gboolean no_year)
{
  int y = 0, m = 0, d = 0;

  if (day == NULL)
    return g_strdup ("");
  if (sscanf (day, "%d-%d-%d", &y, &m, &d) != 3 || m < 1 || m > 12 || d < 1 || d > 31)
    return g_strdup (day);
  if (no_year)
    /* Translators: a day without its year, month then day, "12月7日" */
    return g_strdup_printf (lang != NULL ? DC_ (lang, "date in words", "%d/%d")
                            : C_("date in words", "%d/%d"), m, d);
  /* Translators: a day in words on a certificate or notice: the year,
   * month and day, "2026年12月7日" */
  return g_strdup_printf (lang != NULL ? DC_ (lang, "date in words", "%d-%02d-%02d")
                          : C_("date in words", "%d-%02d-%02d"), y, m, d);
}

char *
_sz_honours_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

char *
_sz_honours_period (const char *lang, const char *period)
{
  int year = 0, q = 0;
  char rest = 0;

  if (period == NULL)
    return g_strdup ("");
  if (sscanf (period, "%d-Q%d%c", &year, &q, &rest) == 2)
    switch (q)
      {
      case 1:
        /* Translators: the quarters of an honour's period: "2026年第一季度" */
        return g_strdup_printf (D_ (lang, "first quarter of %d"), year);
      case 2:
        return g_strdup_printf (D_ (lang, "second quarter of %d"), year);
      case 3:
        return g_strdup_printf (D_ (lang, "third quarter of %d"), year);
      case 4:
        return g_strdup_printf (D_ (lang, "fourth quarter of %d"), year);
      default:
        break;
      }
  if (sscanf (period, "%d%c", &year, &rest) == 1)
    /* Translators: an honour's period when it is a year: "2026年度" */
    return g_strdup_printf (DC_ (lang, "honour period", "%d"), year);
  return g_strdup (period);
}

char *
_sz_honours_issuer (const SzCommunity *community)
{
  /* Translators: a community's name as the issuer of a certificate or a
   * notice: "丰和社区" becomes "丰和社区居民委员会".  The suffix is
   * left out when the name ends with the translation of
   * "Residents’ Committee" (the next message) already. */
  const char *suffix = D_ (community->board_language, "Residents’ Committee");
  const char *name = community->name;

  if (g_str_has_suffix (name, suffix) || g_str_has_suffix (name, "居委会") || g_str_has_suffix (name, "委员会"))
    return g_strdup (name);
  /* Translators: %s is the community's name, the suffix the message
   * before; "%s居民委员会" */
  return g_strdup_printf (D_ (community->board_language, "%s Residents’ Committee"), name);
}

char *
_sz_honours_objection_phone (SzDb *db, const SzCommunity *community, gboolean *supervision, GError **error)
{
  g_autoptr(GPtrArray) lines = NULL;

  *supervision = TRUE;
  if (community->supervision_phone != NULL && *community->supervision_phone)
    return sz_phone_format (community->supervision_phone);
  lines = sz_hotline_list_scope (db, SZ_SCOPE_COMMUNITY, community->id, error);
  if (lines == NULL)
    return NULL;
  for (guint i = 0; i < lines->len; i++)
    {
      SzHotline *h = g_ptr_array_index (lines, i);

      if (h->category == SZ_HOTLINE_SUPERVISION)
        return sz_phone_format (h->number);
    }
  *supervision = FALSE;
  if (community->office_phone != NULL && *community->office_phone)
    return sz_phone_format (community->office_phone);
  return NULL;
}

gboolean
_sz_honours_check_text (SzText *text, const char *str, const char *what, GError **error)
{
  gunichar haru_char = 0;

  return str == NULL || sz_fonts_check_text (sz_text_get_fonts (text), str, what, &haru_char, error);
}

GPtrArray *
_sz_honours_select (SzDb *db, gint64 community_id, const char *period, SzHonourStatus status, GError **error)
{
  g_autoptr(GPtrArray) all = sz_honour_list (db, community_id, period, error);
  GPtrArray *out;
  const char *newest = period;

  if (all == NULL)
    return NULL;
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) sz_honour_free);
  /* The list is newest period first: with no period, the first one's
   * period is the newest. */
  for (guint i = 0; i < all->len; i++)
    {
      SzHonour *h = g_ptr_array_index (all, i);

      if (h->status != status)
        continue;
      if (newest == NULL)
        newest = h->period;
      if (strcmp (h->period, newest) == 0)
        g_ptr_array_add (out, g_steal_pointer (&g_ptr_array_index (all, i)));
    }
  return out;
}

void
_sz_honours_title (SzText *text, SzPage *page, const char *str, const SzBox *box, double size, double step,
                   SzColor color)
{
  SzTextStyle st = { .size = size, .min_size = size, .align = SZ_ALIGN_CENTER, .color = color, .bold = TRUE };
  glong n = g_utf8_strlen (str, -1);
  gboolean cjk = n > 0 && n <= 6;

  for (const char *p = str; *p && cjk; p = g_utf8_next_char (p))
    cjk = g_utf8_get_char (p) >= 0x2e80;
  if (cjk && step * size * (n - 1) + size <= box->w)
    {
      double cx = box->x + box->w / 2 - step * size * (n - 1) / 2;

      for (const char *p = str; *p; p = g_utf8_next_char (p), cx += step * size)
        {
          g_autofree char *c = g_strndup (p, g_utf8_next_char (p) - p);

          sz_text_draw (text, page, c, &(SzBox) { cx - size * 0.6, box->y, size * 1.2, box->h }, &st);
        }
    }
  else
    sz_text_draw (text, page, str, box, &st);
}

void
_sz_honours_picture (SzPage *page, GBytes *data, const char *mime, int pw, int ph,
                     double x, double y, double w, double h)
{
  double scale = MIN (w / pw, h / ph);
  double dw = pw * scale, dh = ph * scale;

  sz_page_add_image (page, data, mime, pw, ph, x + (w - dw) / 2, y + (h - dh) / 2, dw, dh);
}

void
_sz_honours_frame (SzPage *page, double x, double y, double w, double h, double line_width, SzColor color)
{
  SzRectItem *r = sz_page_add_rect (page, x, y, w, h);

  r->line_width = line_width;
  r->line_color = color;
}

/* -------------------------------------------------------------- writers */

gboolean
_sz_honours_write_pages (SzHonoursPagesFunc  func,
                         SzDb               *db,
                         const SzPrintArgs  *args,
                         const char         *subject,
                         const char         *path,
                         GError            **error)
{
  g_autoptr(SzFonts) fonts = NULL;
  g_autoptr(SzText) text = NULL;
  g_autoptr(GPtrArray) pages = NULL;
  SzDocInfo info = { 0 };

  if (path == NULL || *path == '\0')
    {
      g_set_error_literal (error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_INVALID,
                           _("Output: give the file to write to."));
      return FALSE;
    }
  fonts = sz_fonts_new (error);
  if (fonts == NULL)
    return FALSE;
  text = sz_text_new (fonts);
  pages = func (text, db, args, &info, error);
  if (pages == NULL)
    {
      sz_doc_info_clear (&info);
      return FALSE;
    }
  /* The subject is a msgid: the file's metadata is in its language too. */
  info.subject = g_strdup (D_ (info.lang, subject));
  return _sz_print_write_pdf (pages, &info, path, error);
}

gboolean
sz_honour_board_write_pdf (SzDb        *db,
                           gint64       community_id,
                           const char  *period,
                           gboolean     a3,
                           const char  *path,
                           GError     **error)
{
  SzPrintArgs args = { .id = community_id, .period = period, .a3 = a3 };

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _sz_honours_write_pages (_sz_honour_board_pages, db, &args,
                                  N_("The community’s honour board: the honourees, their titles and posts"),
                                  path, error);
}

gboolean
sz_honour_notice_write_pdf (SzDb        *db,
                            gint64       community_id,
                            const char  *period,
                            const char  *path,
                            GError     **error)
{
  SzPrintArgs args = { .id = community_id, .period = period };

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _sz_honours_write_pages (_sz_honour_notice_pages, db, &args,
                                  N_("Public notice of the candidates for honours; no phone number of a person"),
                                  path, error);
}

gboolean
sz_points_statement_write_pdf (SzDb        *db,
                               gint64       person_id,
                               const char  *path,
                               GError     **error)
{
  SzPrintArgs args = { .id = person_id };

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _sz_honours_write_pages (_sz_points_statement_pages, db, &args,
                                  N_("A head’s service hours and points, with every movement"), path, error);
}
