/* sz-honours-print-notice.c: the public notice (公示) of the candidates
 * for honours, to post during their publicity.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sz-honours-print-private.h"

#define MARGIN   50.0
#define FOOTER_H 22.0

/* "2026年12月1日至12月7日": the year once when both days are in it. */
static char *
publicity_span (const char *lang, const char *from, const char *until)
{
  g_autofree char *a = _sz_honours_date (lang, from, FALSE);
  g_autofree char *b = _sz_honours_date (lang, until, strncmp (from, until, 4) == 0);

  /* Translators: the days of a publicity period: %1$s至%2$s */
  return g_strdup_printf (D_ (lang, "%1$s to %2$s"), a, b);
}

static gboolean
same_span (GPtrArray *honours)
{
  const SzHonour *first = g_ptr_array_index (honours, 0);

  for (guint i = 1; i < honours->len; i++)
    {
      const SzHonour *h = g_ptr_array_index (honours, i);

      if (g_strcmp0 (h->publicity_from, first->publicity_from) != 0
          || g_strcmp0 (h->publicity_until, first->publicity_until) != 0)
        return FALSE;
    }
  return TRUE;
}

static gboolean
check_texts (SzText *text, GPtrArray *honours, GError **error)
{
  for (guint i = 0; i < honours->len; i++)
    {
      const SzHonour *h = g_ptr_array_index (honours, i);

      if (!_sz_honours_check_text (text, h->name, _("Name"), error)
          || !_sz_honours_check_text (text, h->title, C_("honour", "Title"), error)
          || !_sz_honours_check_text (text, h->post, _("Post"), error)
          || !_sz_honours_check_text (text, h->reason, C_("honour", "Reason"), error))
        return FALSE;
    }
  return TRUE;
}

static void
candidates_table (SzFlow *f, GPtrArray *honours, gboolean one_span)
{
  SzColumn cols[] = {
    /* Translators: the column of row numbers in a table */
    { DC_ (f->lang, "row number", "No."), 32, SZ_ALIGN_RIGHT, FALSE },
    { D_ (f->lang, "Name"), 70, SZ_ALIGN_LEFT, TRUE },
    { D_ (f->lang, "Post"), 128, SZ_ALIGN_LEFT, TRUE },
    { DC_ (f->lang, "honour", "Title"), 86, SZ_ALIGN_LEFT, TRUE },
    { DC_ (f->lang, "honour", "Reason"), 0, SZ_ALIGN_LEFT, TRUE },
    { D_ (f->lang, "Publicity"), 92, SZ_ALIGN_LEFT, TRUE },
  };
  /* Read on a notice board, from a step away. */
  SzTable t = { cols, one_span ? G_N_ELEMENTS (cols) - 1 : G_N_ELEMENTS (cols), NULL, 12.5, 0, 0 };

  t.rows = g_ptr_array_new_with_free_func (_sz_row_free);
  for (guint i = 0; i < honours->len; i++)
    {
      const SzHonour *h = g_ptr_array_index (honours, i);
      char **cells = g_new0 (char *, G_N_ELEMENTS (cols) + 1);

      cells[0] = g_strdup_printf ("%u", i + 1);
      cells[1] = g_strdup (h->name);
      cells[2] = g_strdup (h->post ? h->post : "");
      cells[3] = g_strdup (h->title);
      cells[4] = g_strdup (h->reason ? h->reason : "");
      cells[5] = one_span ? NULL : publicity_span (f->lang, h->publicity_from, h->publicity_until);
      g_ptr_array_add (t.rows, _sz_row_new (cells));
    }
  _sz_table_keep (f, &t);
  _sz_table_draw (f, &t);
  g_ptr_array_unref (t.rows);
}

/* A paragraph of the notice: a Chinese one starts two characters in. */
static void
notice_paragraph (SzFlow *f, const char *str)
{
  g_autofree char *indented = g_strconcat (g_utf8_get_char (str) >= 0x2e80 ? "\u3000\u3000" : "", str, NULL);

  _sz_flow_paragraph (f, indented, 14, _sz_honours_black);
}

/* The issuer and the day at the foot, right: where the stamp goes. */
static void
signature (SzFlow *f, const char *issuer, const char *day)
{
  g_autofree char *date = _sz_honours_date (f->lang, day, FALSE);
  double w = 230, x = f->margin + f->width - w;

  if (f->y + 100 > f->bottom)
    _sz_flow_new_page (f);
  f->y = MAX (f->y + 36, MIN (f->bottom - 80, f->y + 60));
  _sz_print_text (f->text, f->page, issuer, x, f->y, w, 24, 15, SZ_ALIGN_CENTER, _sz_honours_black, FALSE);
  _sz_print_text (f->text, f->page, date, x, f->y + 26, w, 22, 14, SZ_ALIGN_CENTER, _sz_honours_black, FALSE);
  f->y += 50;
}

GPtrArray *
_sz_honour_notice_pages (SzText *text, SzDb *db, const SzPrintArgs *args, SzDocInfo *info, GError **error)
{
  g_autoptr(SzCommunity) community = sz_community_get (db, args->id, error);
  g_autoptr(GPtrArray) honours = NULL;
  g_autofree char *issuer = NULL;
  g_autofree char *period = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *lead = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *objection = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *first_day = NULL;
  const SzHonour *first;
  gboolean supervision = FALSE;
  gboolean one_span;
  const char *lang;
  SzFlow f;

  if (community == NULL)
    return NULL;
  honours = _sz_honours_select (db, args->id, args->period, SZ_HONOUR_PUBLICITY, error);
  if (honours == NULL)
    return NULL;
  if (honours->len == 0)
    {
      if (args->period != NULL)
        /* Translators: %s is a period, "2026" or "2026-Q3" */
        g_set_error (error, SZ_POINTS_ERROR, SZ_POINTS_ERROR_NOT_FOUND,
                     _("Period %s: no candidate for an honour is in publicity."), args->period);
      else
        g_set_error_literal (error, SZ_POINTS_ERROR, SZ_POINTS_ERROR_NOT_FOUND,
                             _("No candidate for an honour is in publicity."));
      return NULL;
    }
  issuer = _sz_honours_issuer (community);
  if (!check_texts (text, honours, error) || !_sz_honours_check_text (text, issuer, _("Community"), error))
    return NULL;
  phone = _sz_honours_objection_phone (db, community, &supervision, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  first = g_ptr_array_index (honours, 0);
  for (guint i = 0; i < honours->len; i++)
    {
      const SzHonour *h = g_ptr_array_index (honours, i);

      if (first_day == NULL || g_strcmp0 (h->publicity_from, first_day) < 0)
        first_day = h->publicity_from;
    }
  one_span = same_span (honours);
  lang = community->board_language;
  period = _sz_honours_period (lang, first->period);

  /* Translators: the title of the notice of candidates for honours: 公示 */
  _sz_flow_init (&f, text, SZ_PRINT_A4_WIDTH, SZ_PRINT_A4_HEIGHT, MARGIN, FOOTER_H, D_ (lang, "Public notice"));
  f.lang = lang;
  _sz_honours_title (text, f.page, D_ (lang, "Public notice"), &(SzBox) { f.margin, f.y, f.width, 56 }, 36, 1.8,
                     _sz_honours_red);
  f.y += 60;
  /* Translators: under the notice's title: %1$s is the community, %2$s the
   * period ("2026年度"): "丰和社区%2$s表彰拟表彰人选" */
  subtitle = g_strdup_printf (D_ (lang, "%1$s: candidates for the honours of %2$s"), community->name, period);
  _sz_print_text (text, f.page, subtitle, f.margin, f.y, f.width, 26, 16, SZ_ALIGN_CENTER, _sz_honours_black, TRUE);
  f.y += 30;
  sz_page_add_line (f.page, f.margin, f.y, f.margin + f.width, f.y, 1.6, &_sz_honours_red);
  f.y += 16;

  /* Translators: the notice's first paragraph; %s is the period ("2026年度"):
   * 经社区居委会研究，拟对以下同志予以%s表彰，现将名单予以公示。 */
  lead = g_strdup_printf (D_ (lang, "The community residents’ committee proposes to honour the people below for %s."
                            " Their names are made public before the honours are awarded."), period);
  notice_paragraph (&f, lead);
  f.y += 8;
  candidates_table (&f, honours, one_span);
  f.y += 14;

  if (one_span)
    {
      g_autofree char *span = publicity_span (lang, first->publicity_from, first->publicity_until);
      /* Translators: 公示期：%s */
      g_autofree char *line = g_strdup_printf (D_ (lang, "Publicity period: %s"), span);

      _sz_flow_paragraph (&f, line, 14, _sz_honours_black);
      f.y += 4;
    }
  if (phone != NULL)
    /* Translators: where to raise an objection; %s is a phone number:
     * 如有异议，请在公示期内向社区居委会反映。监督电话：%s */
    objection = g_strdup_printf (supervision ? D_ (lang, "Anyone with an objection may raise it with the community"
                                                 " residents’ committee during the publicity period."
                                                 " Supervision phone: %s")
                                             /* Translators: as the message before, with the office's phone:
                                              * …联系电话：%s */
                                             : D_ (lang, "Anyone with an objection may raise it with the community"
                                                 " residents’ committee during the publicity period."
                                                 " Phone: %s"),
                                 phone);
  else
    objection = g_strdup (D_ (lang, "Anyone with an objection may raise it with the community residents’ committee"
                            " during the publicity period."));
  notice_paragraph (&f, objection);
  signature (&f, issuer, first_day);

  if (f.pages->len > 1)
    _sz_flow_footers (&f, subtitle);
  if (info != NULL)
    {
      /* Translators: the notice's file title: 公示 — %s */
      info->title = g_strdup_printf (D_ (lang, "Public notice — %s"), subtitle);
      info->lang = g_strdup (lang);
      info->author = g_strdup (community->name);
    }
  return _sz_flow_steal_pages (&f);
}
