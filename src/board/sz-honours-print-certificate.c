/* sz-honours-print-certificate.c: the certificate (荣誉证书) of an honour.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sz-honours-print-private.h"

#define WIDTH  SZ_PRINT_A4_HEIGHT    /* landscape */
#define HEIGHT SZ_PRINT_A4_WIDTH
/* Printers leave 4 to 6 mm unprinted: the outer border stays inside. */
#define OUTER  22.0
#define BODY_X 112.0
#define BODY_H 160.0   /* the most the text takes, at 252 */

static void
stroke (SzPage *page, double inset, double width, SzColor color)
{
  _sz_honours_frame (page, inset, inset, WIDTH - 2 * inset, HEIGHT - 2 * inset, width, color);
}

/* The border: a broad red rule with a fine one inside it, then a gold
 * one, and gold corner brackets with a red square where they meet. */
static void
border (SzPage *page)
{
  const double in = OUTER + 22, arm = 46;
  const double xs[2] = { in, WIDTH - in }, ys[2] = { in, HEIGHT - in };

  stroke (page, OUTER, 5, _sz_honours_red);
  stroke (page, OUTER + 6.5, 1, _sz_honours_red);
  stroke (page, OUTER + 13, 2.2, _sz_honours_gold);
  for (guint i = 0; i < 4; i++)
    {
      double x = xs[i % 2], y = ys[i / 2];
      double dx = i % 2 ? -arm : arm, dy = i / 2 ? -arm : arm;

      sz_page_add_line (page, x, y, x + dx, y, 1.6, &_sz_honours_gold);
      sz_page_add_line (page, x, y, x, y + dy, 1.6, &_sz_honours_gold);
      sz_page_add_line (page, x + dx * 0.12, y + dy * 0.12, x + dx * 0.6, y + dy * 0.12, 0.8, &_sz_honours_gold);
      sz_page_add_line (page, x + dx * 0.12, y + dy * 0.12, x + dx * 0.12, y + dy * 0.6, 0.8, &_sz_honours_gold);
      _sz_print_fill (page, x - 3.5, y - 3.5, 7, 7, _sz_honours_red);
    }
}

/* 荣誉证书, its characters spread as a certificate's title is; a title
 * in letters stays one line. */
static void
title (SzText *text, SzPage *page, const char *lang, double y, double h)
{
  /* Translators: the large title of a certificate: 荣誉证书.  Chinese
   * titles are spread out by the program: no spaces are needed */
  const char *str = D_ (lang, "Certificate of Honour");

  _sz_honours_title (text, page, str, &(SzBox) { BODY_X, y, WIDTH - 2 * BODY_X, h }, 58, 1.55, _sz_honours_red);
  /* A gold double rule under it. */
  sz_page_add_line (page, WIDTH / 2 - 150, y + h + 6, WIDTH / 2 + 150, y + h + 6, 1.6, &_sz_honours_gold);
  sz_page_add_line (page, WIDTH / 2 - 110, y + h + 10.5, WIDTH / 2 + 110, y + h + 10.5, 0.8, &_sz_honours_gold);
}

/* Chinese punctuation and spaces at the end of the reason: the sentence
 * goes on after it. */
static char *
trim_reason (const char *reason)
{
  g_autofree char *r = g_strstrip (g_strdup (reason ? reason : ""));
  static const char *const ends[] = { "，", "。", "；", "、", "！", ",", ".", ";", "!" };
  gboolean more = TRUE;

  while (more)
    {
      more = FALSE;
      for (guint i = 0; i < G_N_ELEMENTS (ends); i++)
        if (g_str_has_suffix (r, ends[i]))
          {
            r[strlen (r) - strlen (ends[i])] = '\0';
            g_strchomp (r);
            more = TRUE;
          }
    }
  return g_steal_pointer (&r);
}

/* "在社区志愿服务中表现突出，被评为2026年度“最美单元长”。", then
 * "特发此证，以资鼓励。" as a paragraph of its own. */
static char *
body_text (const char *lang, const SzHonour *h)
{
  g_autofree char *reason = trim_reason (h->reason);
  g_autofree char *period = _sz_honours_period (lang, h->period);
  g_autofree char *named = NULL;
  g_autofree char *sentence = NULL;
  /* Translators: the closing words of a certificate: 特发此证，以资鼓励。 */
  const char *closing = D_ (lang, "This certificate is awarded in recognition.");
  /* A Chinese paragraph starts two characters in. */
  const char *indent = g_utf8_get_char (closing) >= 0x2e80 ? "\u3000\u3000" : "";

  /* Translators: on a certificate: %1$s is the period ("2026年度"), %2$s
   * the title: 被评为%1$s“%2$s”。 */
  named = g_strdup_printf (D_ (lang, "was named %1$s “%2$s”."), period, h->title);
  if (*reason != '\0')
    /* Translators: on a certificate, the reason, then what the person was
     * named: %1$s，%2$s */
    sentence = g_strdup_printf (DC_ (lang, "certificate", "%1$s, %2$s"), reason, named);
  else
    sentence = g_steal_pointer (&named);
  return g_strconcat (indent, sentence, "\n", indent, closing, NULL);
}

static SzPage *
certificate_page (SzText *text, const SzHonour *h, const char *issuer, const char *lang, GError **error)
{
  g_autoptr(SzPage) page = sz_page_new (WIDTH, HEIGHT);
  g_autofree char *salutation = NULL;
  g_autofree char *body = body_text (lang, h);
  g_autofree char *date = _sz_honours_date (lang, h->awarded_on, FALSE);
  g_autofree char *number = NULL;
  SzTextStyle st = { .size = 23, .min_size = 14, .color = _sz_honours_black, .wrap = TRUE, .line_spacing = 0.7 };
  const double right_x = WIDTH - 360, right_w = 250;
  double body_h, top;

  if (!_sz_honours_check_text (text, h->name, _("Name"), error)
      || !_sz_honours_check_text (text, h->title, C_("honour", "Title"), error)
      || !_sz_honours_check_text (text, h->reason, C_("honour", "Reason"), error)
      || !_sz_honours_check_text (text, h->certificate_no, _("Certificate number"), error)
      || !_sz_honours_check_text (text, issuer, _("Community"), error))
    return NULL;

  border (page);
  title (text, page, lang, 82, 72);

  /* Translators: how a certificate addresses its holder: %s 同志： */
  salutation = g_strdup_printf (DC_ (lang, "certificate", "%s:"), h->name);
  /* A short text sits in the middle of the room it has, not under the
   * title with a gap below it. */
  body_h = MIN (sz_text_wrapped_height (text, body, WIDTH - 2 * BODY_X, &st, st.size), BODY_H);
  top = 200 + (BODY_H - body_h) / 2;
  _sz_print_text (text, page, salutation, BODY_X, top, WIDTH - 2 * BODY_X, 38, 26, SZ_ALIGN_LEFT,
                  _sz_honours_black, TRUE);
  sz_text_draw (text, page, body, &(SzBox) { BODY_X, top + 52, WIDTH - 2 * BODY_X, BODY_H - (top - 200) }, &st);

  /* The issuer and the date, where the office's stamp goes over them:
   * nothing else is printed there, and no seal is. */
  _sz_print_text (text, page, issuer, right_x, 430, right_w, 30, 21, SZ_ALIGN_CENTER, _sz_honours_black, FALSE);
  _sz_print_text (text, page, date, right_x, 464, right_w, 28, 19, SZ_ALIGN_CENTER, _sz_honours_black, FALSE);

  /* Translators: the certificate's number from the register, at its foot:
   * 证书编号：%s */
  number = g_strdup_printf (D_ (lang, "Certificate No. %s"), h->certificate_no);
  _sz_print_text (text, page, number, BODY_X - 40, HEIGHT - 92, 300, 18, 11, SZ_ALIGN_LEFT, _sz_honours_grey, FALSE);

  page->outline = g_new0 (char *, 2);
  page->outline[0] = g_strdup_printf ("%s %s", h->name, h->title);
  return g_steal_pointer (&page);
}

static gboolean
check_final (const SzHonour *h, GError **error)
{
  g_autofree char *until = NULL;

  switch (h->status)
    {
    case SZ_HONOUR_FINAL:
      return TRUE;
    case SZ_HONOUR_PUBLICITY:
      until = _sz_honours_date (NULL, h->publicity_until, FALSE);
      g_set_error (error, SZ_POINTS_ERROR, SZ_POINTS_ERROR_STATE,
                   /* Translators: %1$s is a name, %2$s a title, %3$s a period,
                    * %4$s the last day of publicity */
                   _("%1$s’s honour “%2$s” (%3$s) is not final: it is in publicity until %4$s."
                     " A certificate is printed once the honour is awarded."),
                   h->name, h->title, h->period, until);
      return FALSE;
    case SZ_HONOUR_WITHDRAWN:
    default:
      g_set_error (error, SZ_POINTS_ERROR, SZ_POINTS_ERROR_STATE,
                   /* Translators: %1$s is a name, %2$s a title, %3$s a period */
                   _("%1$s’s honour “%2$s” (%3$s) was withdrawn: it has no certificate."),
                   h->name, h->title, h->period);
      return FALSE;
    }
}

static GPtrArray *
pages_for (SzText *text, SzDb *db, const SzPrintArgs *args, SzDocInfo *info, GError **error)
{
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func ((GDestroyNotify) sz_page_free);
  g_autoptr(GPtrArray) honours = g_ptr_array_new_with_free_func ((GDestroyNotify) sz_honour_free);
  g_autoptr(SzCommunity) community = NULL;
  g_autofree char *issuer = NULL;

  if (args->n_ids == 0)
    {
      g_set_error_literal (error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_INVALID,
                           _("Certificates: choose at least one honour."));
      return NULL;
    }
  /* Every honour is checked before anything is laid out: one that is not
   * final stops the whole batch, named. */
  for (guint i = 0; i < args->n_ids; i++)
    {
      SzHonour *h = sz_honour_get (db, args->ids[i], error);

      if (h == NULL)
        return NULL;
      g_ptr_array_add (honours, h);
      if (!check_final (h, error))
        return NULL;
      if (community != NULL && h->community_id != community->id)
        {
          g_set_error_literal (error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_INVALID,
                               _("Certificates: the honours chosen belong to more than one community."));
          return NULL;
        }
      if (community == NULL)
        {
          community = sz_community_get (db, h->community_id, error);
          if (community == NULL)
            return NULL;
          issuer = _sz_honours_issuer (community);
        }
    }
  for (guint i = 0; i < honours->len; i++)
    {
      SzPage *page = certificate_page (text, g_ptr_array_index (honours, i), issuer,
                                       community->board_language, error);

      if (page == NULL)
        return NULL;
      g_ptr_array_add (pages, page);
    }
  if (info != NULL)
    {
      const SzHonour *first = g_ptr_array_index (honours, 0);

      info->title = honours->len == 1
                    /* Translators: a certificate's file title: the name, then the title */
                    ? g_strdup_printf (D_ (community->board_language, "Certificate of Honour — %s, %s"),
                                       first->name, first->title)
                    : g_strdup (D_ (community->board_language, "Certificates of Honour"));
      info->lang = g_strdup (community->board_language);
      info->author = g_strdup (issuer);
    }
  return g_steal_pointer (&pages);
}

GPtrArray *
sz_certificate_pages (SzText        *text,
                      SzDb          *db,
                      const gint64  *ids,
                      guint          n_ids,
                      GError       **error)
{
  SzPrintArgs args = { .ids = ids, .n_ids = n_ids };

  g_return_val_if_fail (text != NULL && db != NULL, NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return pages_for (text, db, &args, NULL, error);
}

gboolean
sz_certificate_write_pdf (SzDb          *db,
                          const gint64  *ids,
                          guint          n_ids,
                          const char    *path,
                          GError       **error)
{
  SzPrintArgs args = { .ids = ids, .n_ids = n_ids };

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (ids != NULL || n_ids == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _sz_honours_write_pages (pages_for, db, &args,
                                  N_("Certificates of honour: name, title, reason, issuer and date"), path, error);
}
