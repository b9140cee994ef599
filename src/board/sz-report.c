/* sz-report.c: the month's report on residents' issue records.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "sz-doc-lang.h"
#include "sz-board.h"
#include "sz-report-private.h"
#include "sz-roster.h"

#define MARGIN     40.0
#define FOOTER_H   22.0
#define WIDTH      (SZ_PRINT_A4_WIDTH - 2 * MARGIN)
#define CHART_H    236.0
#define HEADING_H  22.0

static const SzColor black = { 0.10, 0.10, 0.10 };
static const SzColor grey = { 0.40, 0.40, 0.40 };
static const SzColor grid_grey = { 0.86, 0.86, 0.86 };
static const SzColor zebra = { 0.965, 0.965, 0.965 };

/* ---------------------------------------------------------------- helpers */

const SzRecordFigures *
_sz_report_trend_month (const SzRecordStats *stats, guint n, guint i)
{
  return g_ptr_array_index (stats->trend, stats->trend->len - n + i);
}

/* ---------------------------------------------------------------- figures */

enum
{
  COL_LABEL,
  COL_RECEIVED,
  COL_RESPONDED,
  COL_RESPONSE_RATE,
  COL_RESOLVED,
  COL_RESOLUTION_RATE,
  COL_FOLLOWED_UP,
  COL_SATISFACTION_RATE,
  COL_OPEN,
  COL_OVERDUE,
  N_FIGURE_COLS
};

static SzRow *
figures_row (const char *label, const SzRecordFigures *f, gboolean bold)
{
  SzRow *row = g_new0 (SzRow, 1);

  row->cells = g_new0 (char *, N_FIGURE_COLS + 1);
  row->cells[COL_LABEL] = g_strdup (label);
  row->cells[COL_RECEIVED] = g_strdup_printf ("%u", f->received);
  row->cells[COL_RESPONDED] = g_strdup_printf ("%u", f->responded);
  row->cells[COL_RESPONSE_RATE] = sz_record_format_rate (sz_record_figures_response_rate (f));
  row->cells[COL_RESOLVED] = g_strdup_printf ("%u", f->resolved);
  row->cells[COL_RESOLUTION_RATE] = sz_record_format_rate (sz_record_figures_resolution_rate (f));
  row->cells[COL_FOLLOWED_UP] = g_strdup_printf ("%u", f->followed_up);
  row->cells[COL_SATISFACTION_RATE] = sz_record_format_rate (sz_record_figures_satisfaction_rate (f));
  row->cells[COL_OPEN] = g_strdup_printf ("%u", f->open);
  row->cells[COL_OVERDUE] = g_strdup_printf ("%u", f->overdue);
  row->bold = bold;
  if (f->overdue > 0)
    row->red = 1u << COL_OVERDUE;
  return row;
}

static const SzColumn figure_cols[N_FIGURE_COLS] = {
  { NULL, 0, SZ_ALIGN_LEFT, TRUE },
  { N_("Received"), 40, SZ_ALIGN_RIGHT, FALSE },
  { N_("Responded in time"), 46, SZ_ALIGN_RIGHT, FALSE },
  { N_("Response rate"), 50, SZ_ALIGN_RIGHT, FALSE },
  { N_("Resolved"), 42, SZ_ALIGN_RIGHT, FALSE },
  { N_("Resolution rate"), 50, SZ_ALIGN_RIGHT, FALSE },
  { N_("Followed up"), 42, SZ_ALIGN_RIGHT, FALSE },
  { N_("Satisfaction rate"), 54, SZ_ALIGN_RIGHT, FALSE },
  { N_("Open"), 36, SZ_ALIGN_RIGHT, FALSE },
  { N_("Overdue"), 42, SZ_ALIGN_RIGHT, FALSE },
};

typedef struct
{
  SzTable  table;
  SzColumn cols[N_FIGURE_COLS];
} FiguresTable;

/* The stats' keys are the rows' labels: a grid's, a category's name, a
 * channel's title, a month.  The row keyed @bold_key stands out. */
static void
figures_table_init (FiguresTable          *ft,
                    const char            *lang,
                    const char            *first_column,
                    GPtrArray             *figures,
                    const SzRecordFigures *total,
                    const char            *bold_key)
{
  for (guint c = 0; c < N_FIGURE_COLS; c++)
    {
      ft->cols[c] = figure_cols[c];
      ft->cols[c].title = c == 0 ? first_column : D_ (lang, figure_cols[c].title);
    }
  ft->table = (SzTable) { 0 };
  ft->table.cols = ft->cols;
  ft->table.n_cols = N_FIGURE_COLS;
  ft->table.rows = g_ptr_array_new_with_free_func (_sz_row_free);
  for (guint i = 0; figures != NULL && i < figures->len; i++)
    {
      const SzRecordFigures *f = g_ptr_array_index (figures, i);

      /* The core's titles (channels, default categories) are in the
       * interface language: the report's are in its own. */
      g_ptr_array_add (ft->table.rows, figures_row (f->key && *f->key ? sz_doc_retranslate (lang, f->key)
                                                    : D_ (lang, "No grid"), f,
                                                    g_strcmp0 (f->key, bold_key) == 0));
    }
  if (total != NULL && figures != NULL && figures->len > 0)
    g_ptr_array_add (ft->table.rows, figures_row (D_ (lang, "Total"), total, TRUE));
}

static void
figures_section (SzFlow                *r,
                 const char            *title,
                 const char            *first_column,
                 GPtrArray             *figures,
                 const SzRecordFigures *total)
{
  FiguresTable ft;

  figures_table_init (&ft, r->lang, first_column, figures, total, NULL);
  if (ft.table.rows->len == 0)
    {
      _sz_flow_heading (r, title, 20);
      _sz_flow_paragraph (r, D_ (r->lang, "No records were received in the month."), 9, grey);
    }
  else
    {
      _sz_flow_heading (r, title, _sz_table_keep (r, &ft.table));
      _sz_table_draw (r, &ft.table);
    }
  g_ptr_array_unref (ft.table.rows);
}

/* The chart and its figures by month, on the first page when they fit. */
static void
trend_section (SzFlow *r, const SzRecordStats *stats)
{
  g_autoptr(GPtrArray) months = g_ptr_array_new ();
  guint n = stats->trend ? MIN (stats->trend->len, SZ_REPORT_CHART_MONTHS) : 0;
  FiguresTable ft;
  double table_h, chart_h;

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (months, (gpointer) _sz_report_trend_month (stats, n, i));
  figures_table_init (&ft, r->lang, D_ (r->lang, "Month"), months, NULL, stats->month);
  table_h = _sz_table_measure (r, &ft.table);
  /* Room left for the chart once both headings and the table are in. */
  chart_h = r->bottom - r->y - 2 * (14 + HEADING_H + 7) - 6 - table_h;
  chart_h = chart_h >= 190 ? MIN (chart_h, 250) : CHART_H;

  _sz_flow_heading (r, D_ (r->lang, "The last six months"), chart_h);
  _sz_report_draw_chart (r->text, r->page, stats, &(SzBox) { MARGIN, r->y, WIDTH, chart_h }, r->lang);
  r->y += chart_h + 6;
  if (ft.table.rows->len > 0)
    {
      _sz_flow_heading (r, D_ (r->lang, "By month"), table_h);
      _sz_table_draw (r, &ft.table);
    }
  g_ptr_array_unref (ft.table.rows);
}

/* The month's four figures, each with its counts and its definition. */
static void
figures_block (SzFlow *r, const SzRecordStats *stats)
{
  const SzRecordFigures *t = &stats->total;
  struct { const char *label; char *value; char *counts; const char *definition; } rows[4];
  double label_w = 92, value_w = 66, counts_w = 104;
  double def_w = WIDTH - label_w - value_w - counts_w;
  SzTextStyle def = { .size = 8.5, .min_size = 8.5, .color = grey, .wrap = TRUE, .line_spacing = 0.15 };
  g_autofree char *open = g_strdup_printf ("%u", t->open);
  g_autofree char *overdue = g_strdup_printf ("%u", t->overdue);

  rows[0].label = D_ (r->lang, "Received");
  rows[0].value = g_strdup_printf ("%u", t->received);
  /* Translators: beside the records received: how many of them are open
   * now and how many of those are past their due time */
  rows[0].counts = g_strdup_printf (D_ (r->lang, "%s open, %s overdue"), open, overdue);
  rows[0].definition = D_ (r->lang, "Records received in the month.  Open and overdue: as they stood at the time above.");
  rows[1].label = D_ (r->lang, "Response rate");
  rows[1].value = sz_record_format_rate (sz_record_figures_response_rate (t));
  rows[1].counts = g_strdup_printf ("(%u / %u)", t->responded, t->received);
  rows[1].definition = sz_doc_retranslate (r->lang, sz_record_response_definition ());
  rows[2].label = D_ (r->lang, "Resolution rate");
  rows[2].value = sz_record_format_rate (sz_record_figures_resolution_rate (t));
  rows[2].counts = g_strdup_printf ("(%u / %u)", t->resolved, t->received);
  rows[2].definition = sz_doc_retranslate (r->lang, sz_record_resolution_definition ());
  rows[3].label = D_ (r->lang, "Satisfaction rate");
  rows[3].value = sz_record_format_rate (sz_record_figures_satisfaction_rate (t));
  rows[3].counts = g_strdup_printf ("(%u / %u)", t->satisfied + t->basically, t->followed_up);
  rows[3].definition = sz_doc_retranslate (r->lang, sz_record_satisfaction_definition ());

  sz_page_add_line (r->page, MARGIN, r->y, MARGIN + WIDTH, r->y, 0.9, &black);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      double dh = sz_text_wrapped_height (r->text, rows[i].definition, def_w - 8, &def, def.size);
      double h = MAX (36, dh + 12);
      double x = MARGIN;

      if (r->y + h > r->bottom)
        _sz_flow_new_page (r);
      if (i % 2 == 1)
        _sz_print_fill (r->page, MARGIN, r->y, WIDTH, h, zebra);
      _sz_print_text (r->text, r->page, rows[i].label, x + 4, r->y, label_w - 8, h, 10.5, SZ_ALIGN_LEFT, black, TRUE);
      x += label_w;
      /* The rate and its counts read together: "87.5% (35 / 40)". */
      _sz_print_text (r->text, r->page, rows[i].value, x, r->y, value_w - 3, h, 17, SZ_ALIGN_RIGHT,
                 i == 0 ? black : *_sz_report_rate_color (i - 1), TRUE);
      x += value_w;
      {
        /* Wrapped when long ("未办结 8 件，超期 4 件"), not shrunk. */
        SzTextStyle st = { .size = 9.5, .min_size = 8, .color = black, .wrap = TRUE };
        double ch = sz_text_wrapped_height (r->text, rows[i].counts, counts_w - 8, &st, st.size);

        sz_text_draw (r->text, r->page, rows[i].counts,
                      &(SzBox) { x + 3, r->y + MAX (1, (h - ch) / 2 + 1), counts_w - 8, MIN (ch, h - 2) + 0.5 }, &st);
      }
      x += counts_w;
      sz_text_draw (r->text, r->page, rows[i].definition,
                    &(SzBox) { x + 4, r->y + (h - dh) / 2, def_w - 8, dh + 0.5 }, &def);
      r->y += h;
      sz_page_add_line (r->page, MARGIN, r->y, MARGIN + WIDTH, r->y, i == 3 ? 0.9 : 0.4,
                        i == 3 ? &black : &grid_grey);
      g_free (rows[i].value);
      g_free (rows[i].counts);
    }
}

/* ---------------------------------------------------------------- overdue */

static char *
overdue_for (const char *lang, gint64 seconds)
{
  gint64 minutes = MAX (seconds, 60) / 60;
  gulong days = minutes / (24 * 60);
  gulong hours = (minutes / 60) % 24;
  g_autofree char *d = NULL;
  g_autofree char *h = NULL;

  if (days == 0 && hours == 0)
    return g_strdup_printf (DN_ (lang, "%lu minute", "%lu minutes", minutes),
                            (gulong) minutes);
  h = g_strdup_printf (DN_ (lang, "%lu hour", "%lu hours", hours), hours);
  if (days == 0)
    return g_steal_pointer (&h);
  d = g_strdup_printf (DN_ (lang, "%lu day", "%lu days", days), days);
  /* Past a few days, the hours are noise. */
  if (hours == 0 || days >= 3)
    return g_steal_pointer (&d);
  /* Translators: how long a record is past its due time: days, then
   * hours ("3 days 4 hours") */
  return g_strdup_printf (DC_ (lang, "overdue for", "%s %s"), d, h);
}

static int
by_due (gconstpointer a, gconstpointer b)
{
  const SzRecordRow *x = *(SzRecordRow * const *) a;
  const SzRecordRow *y = *(SzRecordRow * const *) b;

  return x->due_at < y->due_at ? -1 : x->due_at > y->due_at ? 1 : (x->id > y->id) - (x->id < y->id);
}

static gboolean
overdue_list (SzFlow *r, SzDb *db, gint64 community_id, gint64 now, GError **error)
{
  SzRecordFilter filter;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (_sz_row_free);
  g_autofree char *at = sz_record_format_time (now);
  g_autofree char *intro = NULL;
  SzColumn cols[] = {
    { D_ (r->lang, "No."), 32, SZ_ALIGN_RIGHT, FALSE },
    { D_ (r->lang, "Received"), 76, SZ_ALIGN_LEFT, FALSE },
    { D_ (r->lang, "Place"), 0, SZ_ALIGN_LEFT, TRUE },
    { D_ (r->lang, "Category"), 70, SZ_ALIGN_LEFT, TRUE },
    { D_ (r->lang, "Due"), 76, SZ_ALIGN_LEFT, FALSE },
    { D_ (r->lang, "Overdue for"), 62, SZ_ALIGN_LEFT, TRUE },
    { D_ (r->lang, "Status"), 84, SZ_ALIGN_LEFT, TRUE },
  };
  SzTable t = { cols, G_N_ELEMENTS (cols), rows, 0, 0, 0 };

  sz_record_filter_init (&filter, community_id);
  filter.status = SZ_RECORD_FILTER_OPEN;
  filter.overdue = TRUE;
  filter.now = now;
  records = sz_record_list (db, &filter, NULL, error);
  sz_record_filter_clear (&filter);
  if (records == NULL)
    return FALSE;
  /* The longest overdue first: what needs chasing. */
  g_ptr_array_sort (records, by_due);

  for (guint i = 0; i < records->len; i++)
    {
      const SzRecordRow *rec = g_ptr_array_index (records, i);
      SzRow *row = g_new0 (SzRow, 1);

      row->cells = g_new0 (char *, G_N_ELEMENTS (cols) + 1);
      row->cells[0] = g_strdup_printf ("%" G_GINT64_FORMAT, rec->id);
      row->cells[1] = sz_record_format_time (rec->received_at);
      row->cells[2] = g_strdup (rec->place_text ? rec->place_text : "");
      row->cells[3] = g_strdup (rec->category_name ? sz_doc_retranslate (r->lang, rec->category_name) : "");
      row->cells[4] = rec->due_at > 0 ? sz_record_format_time (rec->due_at) : g_strdup ("");
      row->cells[5] = overdue_for (r->lang, now - rec->due_at);
      row->cells[6] = g_strdup (sz_doc_pretranslate (r->lang, "record status", sz_record_status_title (rec->status)));
      row->red = 1u << 5;
      g_ptr_array_add (rows, row);
    }

  _sz_flow_heading (r, D_ (r->lang, "Overdue records"), 40 + (rows->len ? _sz_table_keep (r, &t) : 0));
  if (records->len == 0)
    intro = g_strdup_printf (D_ (r->lang, "No record was open and past its due time at %s."), at);
  else
    /* Translators: %u is a number of records, %s a date and time */
    intro = g_strdup_printf (DN_ (r->lang,
                                          "%u record was open and past its due time at %s,"
                                          " whichever month it was received in.",
                                          "%u records were open and past their due time at %s,"
                                          " whichever month they were received in.",
                                          records->len),
                             records->len, at);
  _sz_flow_paragraph (r, intro, 9, black);
  if (rows->len > 0)
    _sz_table_draw (r, &t);
  return TRUE;
}

/* ------------------------------------------------------------------ pages */

/* The stats name grids as the interface does ("Grid 1 …"): the report
 * names them in its own language. */
static gboolean
relabel_grids (SzDb *db, gint64 community_id, const char *lang, GPtrArray *figures, GError **error)
{
  g_autoptr(GPtrArray) grids = NULL;

  if (figures == NULL || figures->len == 0)
    return TRUE;
  grids = sz_grid_list (db, community_id, error);
  if (grids == NULL)
    return FALSE;
  for (guint i = 0; i < figures->len; i++)
    {
      SzRecordFigures *f = g_ptr_array_index (figures, i);

      for (guint j = 0; f->key != NULL && j < grids->len; j++)
        {
          g_autofree char *label = sz_grid_label (g_ptr_array_index (grids, j));

          if (g_str_equal (label, f->key))
            {
              g_free (f->key);
              f->key = sz_board_grid_label (lang, g_ptr_array_index (grids, j));
              break;
            }
        }
    }
  return TRUE;
}

static char *
report_title (const char *lang, const char *community, const char *month)
{
  int year = 0, mon = 0;
  g_autofree char *when = NULL;

  if (sscanf (month, "%d-%d", &year, &mon) == 2)
    /* Translators: the month of a report: the year, then the month, "2026年11月" */
    when = g_strdup_printf (DC_ (lang, "report month", "%d-%02d"), year, mon);
  else
    when = g_strdup (month);
  /* Translators: a report's title: the community, then the month, as in
   * "丰和社区 民情工作月报 2026年11月" */
  return g_strdup_printf (D_ (lang, "%s — Residents’ issues, monthly report for %s"), community, when);
}

GPtrArray *
sz_report_month_pages (SzText      *text,
                       SzDb        *db,
                       gint64       community_id,
                       const char  *month,
                       gint64       now,
                       GError     **error)
{
  g_autoptr(SzCommunity) community = NULL;
  g_autoptr(SzRecordStats) stats = NULL;
  g_autofree char *title = NULL;
  g_autofree char *as_of = NULL;
  g_autofree char *line = NULL;
  gint64 start, end;
  const char *lang;
  SzFlow r;

  g_return_val_if_fail (text != NULL && db != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (month == NULL || !sz_record_parse_month (month, &start, &end, error))
    {
      if (month == NULL)
        g_set_error (error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_INVALID,
                     _("Month: give the month of the report as YYYY-MM."));
      return NULL;
    }
  community = sz_community_get (db, community_id, error);
  if (community == NULL)
    return NULL;
  stats = sz_record_stats (db, community_id, month, now, error);
  if (stats == NULL)
    return NULL;

  lang = community->board_language;
  title = report_title (lang, community->name, month);
  _sz_flow_init (&r, text, SZ_PRINT_A4_WIDTH, SZ_PRINT_A4_HEIGHT, MARGIN, FOOTER_H, title);
  r.lang = lang;

  _sz_print_text (text, r.page, title, MARGIN, r.y, WIDTH, 30, 18, SZ_ALIGN_CENTER, black, TRUE);
  r.y += 32;
  as_of = sz_record_format_time (stats->now);
  /* Translators: under the report's title; %s is a date and time */
  line = g_strdup_printf (D_ (lang, "Figures as they stood at %s"), as_of);
  _sz_print_text (text, r.page, line, MARGIN, r.y, WIDTH, 15, 9.5, SZ_ALIGN_CENTER, grey, FALSE);
  r.y += 15;
  _sz_print_text (text, r.page, D_ (lang, "This report holds no reporter’s name or phone number."),
             MARGIN, r.y, WIDTH, 14, 8.5, SZ_ALIGN_CENTER, grey, FALSE);
  r.y += 16;

  _sz_flow_heading (&r, D_ (lang, "The month’s figures"), 4 * 36);
  figures_block (&r, stats);

  trend_section (&r, stats);
  if (!relabel_grids (db, community_id, lang, stats->by_grid, error))
    {
      _sz_flow_clear (&r);
      return NULL;
    }
  figures_section (&r, D_ (lang, "By grid"), D_ (lang, "Grid"), stats->by_grid, &stats->total);
  figures_section (&r, D_ (lang, "By category"), D_ (lang, "Category"), stats->by_category, &stats->total);
  figures_section (&r, D_ (lang, "By channel"), D_ (lang, "Channel"), stats->by_channel, &stats->total);
  if (!overdue_list (&r, db, community_id, stats->now, error))
    {
      _sz_flow_clear (&r);
      return NULL;
    }

  _sz_flow_footers (&r, title);
  return _sz_flow_steal_pages (&r);
}

gboolean
sz_report_write_month (SzDb        *db,
                       gint64       community_id,
                       const char  *month,
                       gint64       now,
                       const char  *path,
                       GError     **error)
{
  g_autoptr(SzFonts) fonts = NULL;
  g_autoptr(SzText) text = NULL;
  g_autoptr(GPtrArray) pages = NULL;
  g_autoptr(SzCommunity) community = NULL;
  SzDocInfo info = { 0 };

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (path == NULL || *path == '\0')
    {
      g_set_error (error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_INVALID,
                   _("Output: give the file to write the report to."));
      return FALSE;
    }
  fonts = sz_fonts_new (error);
  if (fonts == NULL)
    return FALSE;
  text = sz_text_new (fonts);
  pages = sz_report_month_pages (text, db, community_id, month, now, error);
  if (pages == NULL)
    return FALSE;
  community = sz_community_get (db, community_id, error);
  if (community == NULL)
    return FALSE;

  info.title = report_title (community->board_language, community->name, month);
  info.author = g_strdup (community->name);
  info.lang = g_strdup (community->board_language);
  info.subject = g_strdup (D_ (community->board_language, "Residents’ issue records: the month’s figures, tables and overdue records;"
                             " no reporter’s name or phone number"));
  return _sz_print_write_pdf (pages, &info, path, error);
}
