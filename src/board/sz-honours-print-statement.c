/* sz-honours-print-statement.c: a person's statement of service hours and
 * points (积分明细), for the head to keep.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sz-honours-print-private.h"
#include "sz-person.h"

#define MARGIN   40.0
#define FOOTER_H 22.0

static const SzColor box_fill = { 0.97, 0.95, 0.92 };

typedef struct
{
  const char *name;
  const char *title;
} Header;

static char *
signed_points (gint64 tenths)
{
  g_autofree char *abs = sz_points_format (tenths < 0 ? -tenths : tenths);

  return tenths == 0 ? g_strdup ("0") : g_strdup_printf ("%s%s", tenths < 0 ? "−" : "+", abs);
}

static char *
signed_hours (int minutes)
{
  g_autofree char *abs = NULL;

  if (minutes == 0)
    return g_strdup ("");
  abs = sz_hours_format (minutes < 0 ? -minutes : minutes);
  return g_strdup_printf ("%s%s", minutes < 0 ? "−" : "+", abs);
}

static const char *
kind_title (const char *lang, const SzMovement *m)
{
  if (m->reverses_id != 0)
    /* Translators: a movement of points that undoes another */
    return DC_ (lang, "points movement", "Reversal");
  switch (m->kind)
    {
    case SZ_MOVE_EARN:
      return DC_ (lang, "points movement", "Earned");
    case SZ_MOVE_REDEEM:
      return DC_ (lang, "points movement", "Redeemed");
    case SZ_MOVE_EXPIRE:
      return DC_ (lang, "points movement", "Expired");
    case SZ_MOVE_CORRECT:
    default:
      return DC_ (lang, "points movement", "Correction");
    }
}

/* On every page after the first: whose statement it is. */
static void
continued (SzFlow *f, gpointer data)
{
  const Header *h = data;
  /* Translators: at the top of a statement's later pages: the name, then
   * the title, "张三 积分明细（续）" */
  g_autofree char *line = g_strdup_printf (D_ (f->lang, "%1$s — %2$s (continued)"), h->name, h->title);

  _sz_print_text (f->text, f->page, line, f->margin, f->y, f->width, 16, 10, SZ_ALIGN_LEFT, _sz_honours_grey, TRUE);
  f->y += 22;
}

/* The five totals side by side, each with its label above its figure. */
static void
totals (SzFlow *f, const SzPointsBalance *b)
{
  g_autofree char *hours = sz_hours_format (b->minutes);
  g_autofree char *earned = sz_points_format (b->earned);
  g_autofree char *redeemed = sz_points_format (b->redeemed);
  g_autofree char *expired = sz_points_format (b->expired);
  g_autofree char *balance = sz_points_format (b->balance);
  const struct { const char *label; const char *value; } cells[] = {
    { D_ (f->lang, "Service hours"), hours },
    { D_ (f->lang, "Points earned"), earned },
    { D_ (f->lang, "Points redeemed"), redeemed },
    { D_ (f->lang, "Points expired"), expired },
    { D_ (f->lang, "Points balance"), balance },
  };
  double w = f->width / G_N_ELEMENTS (cells), h = 52;

  _sz_print_fill (f->page, f->margin, f->y, f->width, h, box_fill);
  _sz_honours_frame (f->page, f->margin, f->y, f->width, h, 0.8, _sz_honours_gold);
  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    {
      double x = f->margin + i * w;
      gboolean last = i + 1 == G_N_ELEMENTS (cells);

      if (i > 0)
        sz_page_add_line (f->page, x, f->y + 8, x, f->y + h - 8, 0.5, &_sz_honours_gold);
      _sz_print_text (f->text, f->page, cells[i].label, x + 4, f->y + 5, w - 8, 16, 9, SZ_ALIGN_CENTER,
                      _sz_honours_grey, FALSE);
      _sz_print_text (f->text, f->page, cells[i].value, x + 4, f->y + 21, w - 8, 26, 17, SZ_ALIGN_CENTER,
                      last ? _sz_honours_red : _sz_honours_black, TRUE);
    }
  f->y += h + 14;
}

static SzRow *
movement_row (const char *lang, const SzMovement *m)
{
  char **cells = g_new0 (char *, 7);
  GString *source = g_string_new (m->source ? m->source : "");

  if (m->reason != NULL && *m->reason)
    g_string_append_printf (source, "%s%s", source->len ? " — " : "", m->reason);
  if (m->reversed_by != 0)
    /* Translators: after a movement that another one undid */
    g_string_append_printf (source, " %s", D_ (lang, "(reversed)"));
  cells[0] = g_strdup (m->day);
  cells[1] = g_strdup (kind_title (lang, m));
  cells[2] = g_string_free (source, FALSE);
  cells[3] = signed_hours (m->minutes);
  cells[4] = signed_points (m->points);
  cells[5] = sz_points_format (m->balance_after);
  return _sz_row_new (cells);
}

static gboolean
check_texts (SzText *text, const SzPointsBalance *b, GPtrArray *movements, GError **error)
{
  if (!_sz_honours_check_text (text, b->name, _("Name"), error)
      || !_sz_honours_check_text (text, b->post, _("Post"), error))
    return FALSE;
  for (guint i = 0; i < movements->len; i++)
    {
      const SzMovement *m = g_ptr_array_index (movements, i);

      if (!_sz_honours_check_text (text, m->source, _("Source"), error)
          || !_sz_honours_check_text (text, m->reason, _("Reason"), error))
        return FALSE;
    }
  return TRUE;
}

GPtrArray *
_sz_points_statement_pages (SzText *text, SzDb *db, const SzPrintArgs *args, SzDocInfo *info, GError **error)
{
  g_autoptr(SzPointsBalance) balance = sz_points_balance_get (db, args->id, error);
  g_autoptr(GPtrArray) movements = NULL;
  g_autoptr(SzPerson) person = NULL;
  g_autoptr(SzCommunity) community = NULL;
  g_autofree char *today = _sz_honours_today ();
  g_autofree char *printed = NULL;
  g_autofree char *who = NULL;
  g_autofree char *footer = NULL;
  const char *lang;
  const char *title;
  SzColumn cols[6];
  SzTable t = { cols, G_N_ELEMENTS (cols), NULL, 9, 0, 0 };
  Header header;
  SzFlow f;

  if (balance == NULL)
    return NULL;
  movements = sz_points_statement (db, args->id, error);
  person = movements ? sz_person_get (db, args->id, error) : NULL;
  community = person ? sz_community_get (db, person->community_id, error) : NULL;
  if (community == NULL || !check_texts (text, balance, movements, error)
      || !_sz_honours_check_text (text, community->name, _("Community"), error))
    return NULL;
  lang = community->board_language;
  /* Translators: the title of a person's statement of points: 积分明细 */
  title = D_ (lang, "Points statement");
  cols[0] = (SzColumn) { D_ (lang, "Date"), 62, SZ_ALIGN_LEFT, FALSE };
  cols[1] = (SzColumn) { DC_ (lang, "points movement", "Kind"), 50, SZ_ALIGN_LEFT, TRUE };
  cols[2] = (SzColumn) { D_ (lang, "Source and reason"), 0, SZ_ALIGN_LEFT, TRUE };
  cols[3] = (SzColumn) { D_ (lang, "Hours"), 44, SZ_ALIGN_RIGHT, FALSE };
  cols[4] = (SzColumn) { D_ (lang, "Points"), 50, SZ_ALIGN_RIGHT, FALSE };
  cols[5] = (SzColumn) { D_ (lang, "Balance"), 54, SZ_ALIGN_RIGHT, FALSE };

  header.name = balance->name;
  header.title = title;
  _sz_flow_init (&f, text, SZ_PRINT_A4_WIDTH, SZ_PRINT_A4_HEIGHT, MARGIN, FOOTER_H, balance->name);
  f.lang = lang;
  f.on_page = continued;
  f.on_page_data = &header;

  _sz_honours_title (text, f.page, title, &(SzBox) { f.margin, f.y, f.width, 34 }, 22, 1.5, _sz_honours_red);
  f.y += 36;
  _sz_print_text (text, f.page, community->name, f.margin, f.y, f.width, 18, 11, SZ_ALIGN_CENTER,
                  _sz_honours_grey, FALSE);
  f.y += 26;

  /* Translators: a statement's holder: 姓名：%s */
  who = g_strdup_printf (D_ (lang, "Name: %s"), balance->name);
  _sz_print_text (text, f.page, who, f.margin, f.y, f.width * 0.4, 22, 14, SZ_ALIGN_LEFT, _sz_honours_black, TRUE);
  {
    g_autofree char *date = _sz_honours_date (lang, today, FALSE);
    /* Translators: when a statement was printed: 打印日期：%s */
    printed = g_strdup_printf (D_ (lang, "Printed on %s"), date);
  }
  _sz_print_text (text, f.page, printed, f.margin + f.width * 0.6, f.y, f.width * 0.4, 22, 10, SZ_ALIGN_RIGHT,
                  _sz_honours_grey, FALSE);
  f.y += 24;
  if (balance->post != NULL && *balance->post)
    {
      /* Translators: a statement's holder's post: 职务：%s */
      g_autofree char *post = g_strdup_printf (D_ (lang, "Post: %s"), balance->post);
      SzTextStyle st = { .size = 11, .min_size = 9, .color = _sz_honours_black, .wrap = TRUE };
      double h = sz_text_wrapped_height (text, post, f.width, &st, st.size);

      sz_text_draw (text, f.page, post, &(SzBox) { f.margin, f.y, f.width, h + 0.5 }, &st);
      f.y += h + 8;
    }
  f.y += 4;
  totals (&f, balance);

  if (movements->len == 0)
    _sz_flow_paragraph (&f, D_ (lang, "No hours or points have been recorded yet."), 11, _sz_honours_grey);
  else
    {
      t.rows = g_ptr_array_new_with_free_func (_sz_row_free);
      for (guint i = 0; i < movements->len; i++)
        g_ptr_array_add (t.rows, movement_row (lang, g_ptr_array_index (movements, i)));
      _sz_table_keep (&f, &t);
      _sz_table_draw (&f, &t);
      g_ptr_array_unref (t.rows);
    }

  /* Translators: the foot of a statement's pages: the community, the
   * name, the title */
  footer = g_strdup_printf (D_ (lang, "%1$s — %2$s — %3$s"), community->name, balance->name, title);
  _sz_flow_footers (&f, footer);
  if (info != NULL)
    {
      info->title = g_strdup_printf ("%s — %s", title, balance->name);
      info->author = g_strdup (community->name);
      info->lang = g_strdup (lang);
      /* A person's points, for that person: not for others to read. */
      info->private_file = TRUE;
    }
  return _sz_flow_steal_pages (&f);
}
