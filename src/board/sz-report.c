/* sz-report.c: the month's report on residents' issue records.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "sz-report-private.h"
#include "sz-render-cairo.h"
#include "sz-render-hpdf.h"
#include "sz-roster.h"

#define A4_WIDTH   595.28
#define A4_HEIGHT  841.89
#define MARGIN     40.0
#define FOOTER_H   22.0
#define WIDTH      (A4_WIDTH - 2 * MARGIN)
#define BOTTOM     (A4_HEIGHT - MARGIN - FOOTER_H)
#define CHART_H    236.0
#define HEADING_H  22.0

static const SzColor black = { 0.10, 0.10, 0.10 };
static const SzColor grey = { 0.40, 0.40, 0.40 };
static const SzColor axis_grey = { 0.55, 0.55, 0.55 };
static const SzColor grid_grey = { 0.86, 0.86, 0.86 };
static const SzColor red = { 0.78, 0.06, 0.08 };
static const SzColor accent = { 0.10, 0.32, 0.64 };
static const SzColor head_fill = { 0.90, 0.92, 0.95 };
static const SzColor zebra = { 0.965, 0.965, 0.965 };

/* ---------------------------------------------------------------- helpers */

void
_sz_report_text (SzText *text, SzPage *page, const char *str, double x, double y, double w, double h,
                 double size, SzAlign align, SzColor color, gboolean bold)
{
  SzTextStyle st = { .size = size, .min_size = size, .align = align, .color = color, .bold = bold };
  SzBox box = { x, y, w, h };

  sz_text_draw (text, page, str, &box, &st);
}

void
_sz_report_fill (SzPage *page, double x, double y, double w, double h, SzColor color)
{
  SzRectItem *r = sz_page_add_rect (page, x, y, w, h);

  r->fill = TRUE;
  r->fill_color = color;
}

const SzRecordFigures *
_sz_report_trend_month (const SzRecordStats *stats, guint n, guint i)
{
  return g_ptr_array_index (stats->trend, stats->trend->len - n + i);
}

/* ----------------------------------------------------------------- report */

typedef struct
{
  SzText     *text;
  GPtrArray  *pages;      /* SzPage* */
  SzPage     *page;       /* the one being filled */
  double      y;          /* where the next block goes */
  const char *section;    /* the bookmark of what is being laid out */
} Report;

typedef struct
{
  const char *title;
  double      width;      /* points; 0: what the others leave */
  SzAlign     align;
  gboolean    wrap;       /* long text wraps; else one line, shrunk */
} Column;

typedef struct
{
  char     **cells;
  gboolean   bold;        /* a total, or the report's month */
  guint      red;         /* bit per column drawn in red */
  double     height;      /* set by table_measure() */
} Row;

typedef struct
{
  Column    *cols;
  guint      n_cols;
  GPtrArray *rows;        /* Row* */
  double     head_size;
  double     head_h;
} Table;

static void
row_free (gpointer data)
{
  Row *row = data;

  g_strfreev (row->cells);
  g_free (row);
}

static void
set_outline (SzPage *page, const char *section)
{
  if (page->outline == NULL && section != NULL)
    {
      page->outline = g_new0 (char *, 2);
      page->outline[0] = g_strdup (section);
    }
}

static void
new_page (Report *r)
{
  r->page = sz_page_new (A4_WIDTH, A4_HEIGHT);
  g_ptr_array_add (r->pages, r->page);
  r->y = MARGIN;
  set_outline (r->page, r->section);
}

/* A section's title; a new page first unless it and @keep points of what
 * follows fit on this one. */
static void
heading (Report *r, const char *title, double keep)
{
  double h = HEADING_H;

  if (r->y > MARGIN + 1)
    r->y += 14;
  if (r->y + h + keep > BOTTOM)
    new_page (r);
  r->section = title;
  set_outline (r->page, title);
  _sz_report_fill (r->page, MARGIN, r->y + 4, 3.5, h - 8, accent);
  _sz_report_text (r->text, r->page, title, MARGIN + 9, r->y, WIDTH - 9, h, 12.5, SZ_ALIGN_LEFT, black, TRUE);
  sz_page_add_line (r->page, MARGIN, r->y + h + 1, MARGIN + WIDTH, r->y + h + 1, 0.6, &grid_grey);
  r->y += h + 7;
}

/* A paragraph across the page. */
static void
paragraph (Report *r, const char *str, double size, SzColor color)
{
  SzTextStyle st = { .size = size, .min_size = size, .color = color, .wrap = TRUE, .line_spacing = 0.2 };
  double h = sz_text_wrapped_height (r->text, str, WIDTH, &st, size);

  if (r->y + h > BOTTOM)
    new_page (r);
  sz_text_draw (r->text, r->page, str, &(SzBox) { MARGIN, r->y, WIDTH, h + 0.5 }, &st);
  r->y += h + 4;
}

static gboolean
is_cjk (const char *word)
{
  for (const char *p = word; *p; p = g_utf8_next_char (p))
    if (g_utf8_get_char (p) >= 0x2e80)
      return TRUE;
  return FALSE;
}

/* The size, at most @size, at which every word of @str fits @width:
 * headers wrap between words, never inside one.  Chinese may break
 * anywhere. */
static double
words_fit_size (SzText *text, const char *str, double size, double width)
{
  g_auto(GStrv) words = g_strsplit (str, " ", -1);

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] && !is_cjk (words[i]))
      {
        double w = sz_text_measure (text, words[i], size);

        if (w > width)
          size *= width / w * 0.99;
      }
  return size;
}

#define CELL_PAD 3.0
#define BODY_SIZE 8.5

static double
cell_height (Report *r, const Column *col, const char *str, double size, gboolean bold)
{
  SzTextStyle st = { .size = size, .min_size = size, .wrap = TRUE, .line_spacing = 0.1, .bold = bold };

  if (str == NULL || *str == '\0')
    return 0;
  if (!col->wrap)
    return size * 1.3;
  return sz_text_wrapped_height (r->text, str, col->width - 2 * CELL_PAD, &st, size);
}

static void
draw_cell (Report *r, const Column *col, double x, double y, double row_h, const char *str,
           double size, SzColor color, gboolean bold)
{
  SzTextStyle st = { .size = size, .min_size = size, .align = col->align, .color = color, .bold = bold,
                     .wrap = col->wrap, .line_spacing = 0.1 };
  double h;

  if (str == NULL || *str == '\0')
    return;
  if (!col->wrap)
    {
      sz_text_draw (r->text, r->page, str, &(SzBox) { x + CELL_PAD, y, col->width - 2 * CELL_PAD, row_h }, &st);
      return;
    }
  h = sz_text_wrapped_height (r->text, str, col->width - 2 * CELL_PAD, &st, size);
  sz_text_draw (r->text, r->page, str,
                &(SzBox) { x + CELL_PAD, y + MAX (0, (row_h - h) / 2), col->width - 2 * CELL_PAD, h + 0.5 },
                &st);
}

static void
table_header (Report *r, const Column *cols, guint n_cols, double size, double h)
{
  double x = MARGIN;

  _sz_report_fill (r->page, MARGIN, r->y, WIDTH, h, head_fill);
  sz_page_add_line (r->page, MARGIN, r->y, MARGIN + WIDTH, r->y, 0.9, &black);
  for (guint c = 0; c < n_cols; c++)
    {
      Column head = cols[c];

      /* Headers wrap, whatever the column does with its cells. */
      head.wrap = TRUE;
      draw_cell (r, &head, x, r->y, h, cols[c].title, size, black, TRUE);
      x += cols[c].width;
    }
  r->y += h;
  sz_page_add_line (r->page, MARGIN, r->y, MARGIN + WIDTH, r->y, 0.5, &axis_grey);
}

/* Sets the widths (0: a share of what the others leave), the header's
 * size and every row's height; returns the height of the whole table. */
static double
table_measure (Report *r, Table *t)
{
  double fixed = 0;
  guint flexible = 0;
  double total;

  for (guint c = 0; c < t->n_cols; c++)
    {
      fixed += t->cols[c].width;
      flexible += t->cols[c].width == 0;
    }
  for (guint c = 0; c < t->n_cols; c++)
    if (t->cols[c].width == 0)
      t->cols[c].width = (WIDTH - fixed) / flexible;
  /* One size for the whole header row, the one its longest word needs;
   * headers wrap, whatever their column does with its cells. */
  t->head_size = 8.0;
  for (guint c = 0; c < t->n_cols; c++)
    t->head_size = words_fit_size (r->text, t->cols[c].title, t->head_size, t->cols[c].width - 2 * CELL_PAD);
  t->head_h = 0;
  for (guint c = 0; c < t->n_cols; c++)
    {
      Column head = t->cols[c];

      head.wrap = TRUE;
      t->head_h = MAX (t->head_h, cell_height (r, &head, head.title, t->head_size, TRUE));
    }
  t->head_h += 7;
  total = t->head_h;
  for (guint i = 0; i < t->rows->len; i++)
    {
      Row *row = g_ptr_array_index (t->rows, i);

      row->height = 0;
      for (guint c = 0; c < t->n_cols; c++)
        row->height = MAX (row->height, cell_height (r, &t->cols[c], row->cells[c], BODY_SIZE, row->bold));
      row->height = MAX (row->height + 6, 16);
      total += row->height;
    }
  return total;
}

/* The height a section needs on its first page: all of a table that fits
 * a page, else its header and a few rows. */
static double
table_keep (Report *r, Table *t)
{
  double h = table_measure (r, t);

  return h <= BOTTOM - MARGIN - 40 ? h : MIN (h, t->head_h + 48);
}

/* Goes on over as many pages as it needs, its header on each. */
static void
table_draw (Report *r, Table *t)
{
  guint since_header = 0;

  for (guint i = 0; i < t->rows->len; i++)
    {
      const Row *row = g_ptr_array_index (t->rows, i);
      double x = MARGIN;

      /* A header needs a row under it. */
      if (i == 0 ? r->y + t->head_h + row->height > BOTTOM : r->y + row->height > BOTTOM)
        {
          if (i > 0)
            sz_page_add_line (r->page, MARGIN, r->y, MARGIN + WIDTH, r->y, 0.9, &black);
          new_page (r);
        }
      if (i == 0 || r->y == MARGIN)
        {
          table_header (r, t->cols, t->n_cols, t->head_size, t->head_h);
          since_header = 0;
        }
      if (row->bold)
        _sz_report_fill (r->page, MARGIN, r->y, WIDTH, row->height, head_fill);
      else if (since_header % 2 == 1)
        _sz_report_fill (r->page, MARGIN, r->y, WIDTH, row->height, zebra);
      since_header++;
      for (guint c = 0; c < t->n_cols; c++)
        {
          draw_cell (r, &t->cols[c], x, r->y, row->height, row->cells[c], BODY_SIZE,
                     row->red & (1u << c) ? red : black, row->bold);
          x += t->cols[c].width;
        }
      r->y += row->height;
    }
  sz_page_add_line (r->page, MARGIN, r->y, MARGIN + WIDTH, r->y, 0.9, &black);
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

static Row *
figures_row (const char *label, const SzRecordFigures *f, gboolean bold)
{
  Row *row = g_new0 (Row, 1);

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

static const Column figure_cols[N_FIGURE_COLS] = {
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
  Table  table;
  Column cols[N_FIGURE_COLS];
} FiguresTable;

/* The stats' keys are the rows' labels: a grid's, a category's name, a
 * channel's title, a month.  The row keyed @bold_key stands out. */
static void
figures_table_init (FiguresTable          *ft,
                    const char            *first_column,
                    GPtrArray             *figures,
                    const SzRecordFigures *total,
                    const char            *bold_key)
{
  for (guint c = 0; c < N_FIGURE_COLS; c++)
    {
      ft->cols[c] = figure_cols[c];
      ft->cols[c].title = c == 0 ? first_column : _(figure_cols[c].title);
    }
  ft->table.cols = ft->cols;
  ft->table.n_cols = N_FIGURE_COLS;
  ft->table.rows = g_ptr_array_new_with_free_func (row_free);
  for (guint i = 0; figures != NULL && i < figures->len; i++)
    {
      const SzRecordFigures *f = g_ptr_array_index (figures, i);

      g_ptr_array_add (ft->table.rows, figures_row (f->key && *f->key ? f->key : _("No grid"), f,
                                                    g_strcmp0 (f->key, bold_key) == 0));
    }
  if (total != NULL && figures != NULL && figures->len > 0)
    g_ptr_array_add (ft->table.rows, figures_row (_("Total"), total, TRUE));
}

static void
figures_section (Report                *r,
                 const char            *title,
                 const char            *first_column,
                 GPtrArray             *figures,
                 const SzRecordFigures *total)
{
  FiguresTable ft;

  figures_table_init (&ft, first_column, figures, total, NULL);
  if (ft.table.rows->len == 0)
    {
      heading (r, title, 20);
      paragraph (r, _("No records were received in the month."), 9, grey);
    }
  else
    {
      heading (r, title, table_keep (r, &ft.table));
      table_draw (r, &ft.table);
    }
  g_ptr_array_unref (ft.table.rows);
}

/* The chart and its figures by month, on the first page when they fit. */
static void
trend_section (Report *r, const SzRecordStats *stats)
{
  g_autoptr(GPtrArray) months = g_ptr_array_new ();
  guint n = stats->trend ? MIN (stats->trend->len, SZ_REPORT_CHART_MONTHS) : 0;
  FiguresTable ft;
  double table_h, chart_h;

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (months, (gpointer) _sz_report_trend_month (stats, n, i));
  figures_table_init (&ft, _("Month"), months, NULL, stats->month);
  table_h = table_measure (r, &ft.table);
  /* Room left for the chart once both headings and the table are in. */
  chart_h = BOTTOM - r->y - 2 * (14 + HEADING_H + 7) - 6 - table_h;
  chart_h = chart_h >= 190 ? MIN (chart_h, 250) : CHART_H;

  heading (r, _("The last six months"), chart_h);
  sz_report_draw_chart (r->text, r->page, stats, &(SzBox) { MARGIN, r->y, WIDTH, chart_h });
  r->y += chart_h + 6;
  if (ft.table.rows->len > 0)
    {
      heading (r, _("By month"), table_h);
      table_draw (r, &ft.table);
    }
  g_ptr_array_unref (ft.table.rows);
}

/* The month's four figures, each with its counts and its definition. */
static void
figures_block (Report *r, const SzRecordStats *stats)
{
  const SzRecordFigures *t = &stats->total;
  struct { const char *label; char *value; char *counts; const char *definition; } rows[4];
  double label_w = 92, value_w = 66, counts_w = 104;
  double def_w = WIDTH - label_w - value_w - counts_w;
  SzTextStyle def = { .size = 8.5, .min_size = 8.5, .color = grey, .wrap = TRUE, .line_spacing = 0.15 };
  g_autofree char *open = g_strdup_printf ("%u", t->open);
  g_autofree char *overdue = g_strdup_printf ("%u", t->overdue);

  rows[0].label = _("Received");
  rows[0].value = g_strdup_printf ("%u", t->received);
  /* Translators: beside the records received: how many of them are open
   * now and how many of those are past their due time */
  rows[0].counts = g_strdup_printf (_("%s open, %s overdue"), open, overdue);
  rows[0].definition = _("Records received in the month.  Open and overdue: as they stood at the time above.");
  rows[1].label = _("Response rate");
  rows[1].value = sz_record_format_rate (sz_record_figures_response_rate (t));
  rows[1].counts = g_strdup_printf ("(%u / %u)", t->responded, t->received);
  rows[1].definition = sz_record_response_definition ();
  rows[2].label = _("Resolution rate");
  rows[2].value = sz_record_format_rate (sz_record_figures_resolution_rate (t));
  rows[2].counts = g_strdup_printf ("(%u / %u)", t->resolved, t->received);
  rows[2].definition = sz_record_resolution_definition ();
  rows[3].label = _("Satisfaction rate");
  rows[3].value = sz_record_format_rate (sz_record_figures_satisfaction_rate (t));
  rows[3].counts = g_strdup_printf ("(%u / %u)", t->satisfied + t->basically, t->followed_up);
  rows[3].definition = sz_record_satisfaction_definition ();

  sz_page_add_line (r->page, MARGIN, r->y, MARGIN + WIDTH, r->y, 0.9, &black);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      double dh = sz_text_wrapped_height (r->text, rows[i].definition, def_w - 8, &def, def.size);
      double h = MAX (36, dh + 12);
      double x = MARGIN;

      if (r->y + h > BOTTOM)
        new_page (r);
      if (i % 2 == 1)
        _sz_report_fill (r->page, MARGIN, r->y, WIDTH, h, zebra);
      _sz_report_text (r->text, r->page, rows[i].label, x + 4, r->y, label_w - 8, h, 10.5, SZ_ALIGN_LEFT, black, TRUE);
      x += label_w;
      /* The rate and its counts read together: "87.5% (35 / 40)". */
      _sz_report_text (r->text, r->page, rows[i].value, x, r->y, value_w - 3, h, 17, SZ_ALIGN_RIGHT,
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
overdue_for (gint64 seconds)
{
  gint64 minutes = MAX (seconds, 60) / 60;
  gulong days = minutes / (24 * 60);
  gulong hours = (minutes / 60) % 24;
  g_autofree char *d = NULL;
  g_autofree char *h = NULL;

  if (days == 0 && hours == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lu minute", "%lu minutes", minutes),
                            (gulong) minutes);
  h = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lu hour", "%lu hours", hours), hours);
  if (days == 0)
    return g_steal_pointer (&h);
  d = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lu day", "%lu days", days), days);
  /* Past a few days, the hours are noise. */
  if (hours == 0 || days >= 3)
    return g_steal_pointer (&d);
  /* Translators: how long a record is past its due time: days, then
   * hours ("3 days 4 hours") */
  return g_strdup_printf (C_("overdue for", "%s %s"), d, h);
}

static int
by_due (gconstpointer a, gconstpointer b)
{
  const SzRecordRow *x = *(SzRecordRow * const *) a;
  const SzRecordRow *y = *(SzRecordRow * const *) b;

  return x->due_at < y->due_at ? -1 : x->due_at > y->due_at ? 1 : (x->id > y->id) - (x->id < y->id);
}

static gboolean
overdue_list (Report *r, SzDb *db, gint64 community_id, gint64 now, GError **error)
{
  SzRecordFilter filter;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (row_free);
  g_autofree char *at = sz_record_format_time (now);
  g_autofree char *intro = NULL;
  Column cols[] = {
    { _("No."), 32, SZ_ALIGN_RIGHT, FALSE },
    { _("Received"), 76, SZ_ALIGN_LEFT, FALSE },
    { _("Place"), 0, SZ_ALIGN_LEFT, TRUE },
    { _("Category"), 70, SZ_ALIGN_LEFT, TRUE },
    { _("Due"), 76, SZ_ALIGN_LEFT, FALSE },
    { _("Overdue for"), 62, SZ_ALIGN_LEFT, TRUE },
    { _("Status"), 84, SZ_ALIGN_LEFT, TRUE },
  };
  Table t = { cols, G_N_ELEMENTS (cols), rows, 0, 0 };

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
      Row *row = g_new0 (Row, 1);

      row->cells = g_new0 (char *, G_N_ELEMENTS (cols) + 1);
      row->cells[0] = g_strdup_printf ("%" G_GINT64_FORMAT, rec->id);
      row->cells[1] = sz_record_format_time (rec->received_at);
      row->cells[2] = g_strdup (rec->place_text ? rec->place_text : "");
      row->cells[3] = g_strdup (rec->category_name ? rec->category_name : "");
      row->cells[4] = rec->due_at > 0 ? sz_record_format_time (rec->due_at) : g_strdup ("");
      row->cells[5] = overdue_for (now - rec->due_at);
      row->cells[6] = g_strdup (sz_record_status_title (rec->status));
      row->red = 1u << 5;
      g_ptr_array_add (rows, row);
    }

  heading (r, _("Overdue records"), 40 + (rows->len ? table_keep (r, &t) : 0));
  if (records->len == 0)
    intro = g_strdup_printf (_("No record was open and past its due time at %s."), at);
  else
    /* Translators: %u is a number of records, %s a date and time */
    intro = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u record was open and past its due time at %s,"
                                          " whichever month it was received in.",
                                          "%u records were open and past their due time at %s,"
                                          " whichever month they were received in.",
                                          records->len),
                             records->len, at);
  paragraph (r, intro, 9, black);
  if (rows->len > 0)
    table_draw (r, &t);
  return TRUE;
}

/* ------------------------------------------------------------------ pages */

static char *
report_title (const char *community, const char *month)
{
  int year = 0, mon = 0;
  g_autofree char *when = NULL;

  if (sscanf (month, "%d-%d", &year, &mon) == 2)
    /* Translators: the month of a report: the year, then the month, "2026年11月" */
    when = g_strdup_printf (C_("report month", "%d-%02d"), year, mon);
  else
    when = g_strdup (month);
  /* Translators: a report's title: the community, then the month, as in
   * "丰和社区 民情工作月报 2026年11月" */
  return g_strdup_printf (_("%s — Residents’ issues, monthly report for %s"), community, when);
}

static void
footers (Report *r, const char *title)
{
  for (guint i = 0; i < r->pages->len; i++)
    {
      SzPage *page = g_ptr_array_index (r->pages, i);
      double y = A4_HEIGHT - MARGIN - FOOTER_H + 8;
      /* Translators: the page number at the foot of a report's pages */
      g_autofree char *number = g_strdup_printf (_("Page %u of %u"), i + 1, r->pages->len);

      sz_page_add_line (page, MARGIN, y, MARGIN + WIDTH, y, 0.5, &grid_grey);
      _sz_report_text (r->text, page, title, MARGIN, y + 2, WIDTH * 0.72, 13, 8, SZ_ALIGN_LEFT, grey, FALSE);
      _sz_report_text (r->text, page, number, MARGIN + WIDTH * 0.75, y + 2, WIDTH * 0.25, 13, 8,
                 SZ_ALIGN_RIGHT, grey, FALSE);
    }
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
  g_autoptr(GPtrArray) pages = NULL;
  g_autofree char *title = NULL;
  g_autofree char *as_of = NULL;
  g_autofree char *line = NULL;
  gint64 start, end;
  Report r = { 0 };

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

  pages = g_ptr_array_new_with_free_func ((GDestroyNotify) sz_page_free);
  r.text = text;
  r.pages = pages;
  title = report_title (community->name, month);
  r.section = title;
  new_page (&r);

  _sz_report_text (text, r.page, title, MARGIN, r.y, WIDTH, 30, 18, SZ_ALIGN_CENTER, black, TRUE);
  r.y += 32;
  as_of = sz_record_format_time (stats->now);
  /* Translators: under the report's title; %s is a date and time */
  line = g_strdup_printf (_("Figures as they stood at %s"), as_of);
  _sz_report_text (text, r.page, line, MARGIN, r.y, WIDTH, 15, 9.5, SZ_ALIGN_CENTER, grey, FALSE);
  r.y += 15;
  _sz_report_text (text, r.page, _("This report holds no reporter’s name or phone number."),
             MARGIN, r.y, WIDTH, 14, 8.5, SZ_ALIGN_CENTER, grey, FALSE);
  r.y += 16;

  heading (&r, _("The month’s figures"), 4 * 36);
  figures_block (&r, stats);

  trend_section (&r, stats);
  figures_section (&r, _("By grid"), _("Grid"), stats->by_grid, &stats->total);
  figures_section (&r, _("By category"), _("Category"), stats->by_category, &stats->total);
  figures_section (&r, _("By channel"), _("Channel"), stats->by_channel, &stats->total);
  if (!overdue_list (&r, db, community_id, stats->now, error))
    return NULL;

  footers (&r, title);
  return g_steal_pointer (&pages);
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
  g_autoptr(SzHpdfWriter) haru = NULL;
  g_autoptr(SzCairoPdf) cairo = NULL;
  SzDocInfo info = { 0 };
  gboolean use_haru = TRUE;

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

  /* One engine for the whole file: libharu unless a character needs
   * cairo (outside the BMP, or only in a font libharu cannot embed). */
  for (guint i = 0; i < pages->len && use_haru; i++)
    use_haru = sz_hpdf_can_draw (g_ptr_array_index (pages, i));

  info.title = report_title (community->name, month);
  info.author = g_strdup (community->name);
  info.subject = g_strdup (_("Residents’ issue records: the month’s figures, tables and overdue records;"
                             " no reporter’s name or phone number"));
  info.creator = g_strdup ("Sanzhang " PACKAGE_VERSION);
  /* Both writers write beside @path and rename into place when done. */
  if (use_haru)
    haru = sz_hpdf_writer_new (&info, error);
  else
    cairo = sz_cairo_pdf_new (path, &info, error);
  sz_doc_info_clear (&info);
  if (haru == NULL && cairo == NULL)
    return FALSE;
  for (guint i = 0; i < pages->len; i++)
    if (!(haru ? sz_hpdf_writer_add_page (haru, g_ptr_array_index (pages, i), error)
               : sz_cairo_pdf_add_page (cairo, g_ptr_array_index (pages, i), error)))
      return FALSE;
  return haru ? sz_hpdf_writer_save (haru, path, error) : sz_cairo_pdf_finish (cairo, error);
}
