/* sz-report-chart.c: the chart of the month's figures, for the report
 * and the app's figures view.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>

#include "sz-doc-lang.h"
#include "sz-report-private.h"

static const SzColor black = { 0.10, 0.10, 0.10 };
static const SzColor grey = { 0.40, 0.40, 0.40 };
static const SzColor axis_grey = { 0.55, 0.55, 0.55 };
static const SzColor grid_grey = { 0.86, 0.86, 0.86 };
static const SzColor white = { 1, 1, 1 };
static const SzColor bar_fill = { 0.67, 0.73, 0.81 };

typedef enum
{
  MARK_SQUARE,      /* filled */
  MARK_HOLLOW,      /* white inside */
  MARK_CROSS,
} Mark;

/* The three rates: colours that stay apart in grey too (dark, middle,
 * light), and a line style and marker each, so that a black-and-white
 * copy still tells them apart. */
typedef struct
{
  double      (*rate) (const SzRecordFigures *f);
  const char   *title;
  SzColor       color;
  double        dash, gap;   /* 0: solid */
  Mark          mark;
} Series;

static const Series series[] = {
  { sz_record_figures_response_rate, N_("Response rate"), { 0.10, 0.32, 0.64 }, 0, 0, MARK_SQUARE },
  { sz_record_figures_resolution_rate, N_("Resolution rate"), { 0.13, 0.55, 0.25 }, 5.5, 3, MARK_HOLLOW },
  { sz_record_figures_satisfaction_rate, N_("Satisfaction rate"), { 0.84, 0.43, 0.02 }, 1.6, 2.2, MARK_CROSS },
};

static const char * const month_names[12] = {
  NC_("month on a chart", "Jan"), NC_("month on a chart", "Feb"), NC_("month on a chart", "Mar"),
  NC_("month on a chart", "Apr"), NC_("month on a chart", "May"), NC_("month on a chart", "Jun"),
  NC_("month on a chart", "Jul"), NC_("month on a chart", "Aug"), NC_("month on a chart", "Sep"),
  NC_("month on a chart", "Oct"), NC_("month on a chart", "Nov"), NC_("month on a chart", "Dec"),
};

/* A straight piece of a dashed polyline; *@phase carries the pattern on
 * from one piece to the next, so corners do not restart it. */
/* In the document's language @lang, or the interface's when NULL (the
 * chart on the app's figures page). */
static const char *
tr (const char *lang,
    const char *msgid)
{
  return lang != NULL ? sz_doc_gettext (lang, msgid) : _(msgid);
}

static void
dashed_line (SzPage *page, double x0, double y0, double x1, double y1, double width,
             const SzColor *color, double dash, double gap, double *phase)
{
  double len = hypot (x1 - x0, y1 - y0);
  double period = dash + gap;
  double pos = 0;
  double t = *phase;    /* where in the pattern we are */

  if (dash <= 0)
    {
      sz_page_add_line (page, x0, y0, x1, y1, width, color);
      return;
    }
  /* Step from one end of a dash or gap to the next, each step at least
   * 1e-6 long, so that rounding can never stall the loop. */
  while (len - pos > 1e-6)
    {
      gboolean on = t < dash - 1e-6;
      double step = MIN ((on ? dash : period) - t, len - pos);

      if (on)
        sz_page_add_line (page, x0 + (x1 - x0) * pos / len, y0 + (y1 - y0) * pos / len,
                          x0 + (x1 - x0) * (pos + step) / len, y0 + (y1 - y0) * (pos + step) / len,
                          width, color);
      pos += step;
      t += step;
      if (t >= period - 1e-6)
        t = 0;
    }
  *phase = t;
}

/* A point: a white ground a little larger than the marker parts the line
 * from it, so that each month's value reads as a point. */
static void
marker (SzPage *page, Mark mark, double cx, double cy, double side, double lw, const SzColor *color)
{
  double h = side / 2;
  SzRectItem *r;

  _sz_print_fill (page, cx - h - lw * 0.6, cy - h - lw * 0.6, side + lw * 1.2, side + lw * 1.2, white);
  switch (mark)
    {
    case MARK_SQUARE:
      _sz_print_fill (page, cx - h, cy - h, side, side, *color);
      break;
    case MARK_HOLLOW:
      r = sz_page_add_rect (page, cx - h + lw * 0.4, cy - h + lw * 0.4, side - lw * 0.8, side - lw * 0.8);
      r->line_width = lw * 0.8;
      r->line_color = *color;
      break;
    case MARK_CROSS:
    default:
      sz_page_add_line (page, cx - h, cy - h, cx + h, cy + h, lw * 1.1, color);
      sz_page_add_line (page, cx - h, cy + h, cx + h, cy - h, lw * 1.1, color);
      break;
    }
}

/* The legend's sample of a series: a piece of its line with its marker. */
static void
series_sample (SzPage *page, const Series *s, double x, double cy, double w, double lw, double side)
{
  double phase = 0;

  dashed_line (page, x, cy, x + w, cy, lw, &s->color, s->dash, s->gap, &phase);
  marker (page, s->mark, x + w / 2, cy, side, lw, &s->color);
}

static void
legend (SzText *text, SzPage *page, const SzBox *box, double fs, double h, const char *lang)
{
  const char *labels[1 + G_N_ELEMENTS (series)];
  double widths[G_N_ELEMENTS (labels)];
  double sample = fs * 2.4;
  double gap = fs * 0.45;
  double spacing = fs * 1.6;
  double total = 0;
  double scale = 1;
  double x;
  double cy = box->y + h / 2;

  labels[0] = tr (lang, N_("Records received"));
  for (guint i = 0; i < G_N_ELEMENTS (series); i++)
    labels[i + 1] = tr (lang, series[i].title);
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      widths[i] = sz_text_measure (text, labels[i], fs);
      total += sample + gap + widths[i] + (i ? spacing : 0);
    }
  /* Too wide for a narrow chart: the whole legend shrinks as one. */
  if (total > box->w)
    scale = box->w / total * 0.995;
  x = box->x + (box->w - total * scale) / 2;
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      double lw = CLAMP (fs * 0.17, 1.0, 1.8);

      if (i > 0)
        x += spacing * scale;
      if (i == 0)
        _sz_print_fill (page, x + sample * scale * 0.2, cy - fs * scale * 0.45, sample * scale * 0.6,
                   fs * scale * 0.9, bar_fill);
      else
        series_sample (page, &series[i - 1], x, cy, sample * scale, lw, MAX (fs * scale * 0.55, 3));
      x += (sample + gap) * scale;
      _sz_print_text (text, page, labels[i], x, box->y, widths[i] * scale + 0.5, h, fs * scale,
                 SZ_ALIGN_LEFT, black, FALSE);
      x += widths[i] * scale;
    }
}

const SzColor *
_sz_report_rate_color (guint i)
{
  g_assert (i < G_N_ELEMENTS (series));
  return &series[i].color;
}

void
sz_report_draw_chart (SzText              *text,
                      SzPage              *page,
                      const SzRecordStats *stats,
                      const SzBox         *box)
{
  _sz_report_draw_chart (text, page, stats, box, NULL);
}

void
_sz_report_draw_chart (SzText              *text,
                       SzPage              *page,
                       const SzRecordStats *stats,
                       const SzBox         *box,
                       const char          *lang)
{
  guint n;
  /* Sizes follow the box: a widget of 600 × 300 pt and the A4 report
   * both get about 10 pt labels; a small widget smaller ones. */
  double fs = CLAMP (MIN (box->w / 52, box->h / 24), 5.5, 10.0);
  double legend_h = fs * 2.2;
  double tick_size = fs * 0.9;
  double axis_w, px, pw, top, bottom, gap, rates_h, bars_top, bars_h, slot_w, bar_w;
  double lw = CLAMP (fs * 0.18, 1.0, 1.9);
  double side = MAX (fs * 0.6, 3.2);
  double count_h = fs * 1.4;
  guint max_count = 0;
  guint steps;

  g_return_if_fail (text != NULL && page != NULL && stats != NULL && box != NULL);

  n = stats->trend != NULL ? MIN (stats->trend->len, SZ_REPORT_CHART_MONTHS) : 0;
  /* Too small to read anything: nothing rather than a smudge. */
  if (box->w < 60 || box->h < 60)
    return;
  if (n == 0)
    {
      _sz_print_text (text, page, tr (lang, N_("No figures to show yet.")), box->x, box->y, box->w, MIN (box->h, fs * 2),
                 fs, SZ_ALIGN_CENTER, grey, FALSE);
      return;
    }

  legend (text, page, &(SzBox) { box->x, box->y, box->w, legend_h }, fs, legend_h, lang);

  axis_w = sz_text_measure (text, "100%", tick_size) + fs * 0.7;
  px = box->x + axis_w;
  pw = box->w - axis_w - fs * 0.5;
  top = box->y + legend_h + fs * 0.8;
  bottom = box->y + box->h - fs * 2.9;   /* month and year labels below */
  gap = fs * 1.8;
  rates_h = (bottom - top - gap) * 0.62;
  bars_top = top + rates_h + gap;
  bars_h = bottom - bars_top;
  slot_w = pw / n;
  bar_w = MIN (slot_w * 0.5, fs * 4.5);

  /* The rates: 0–100 % with gridlines, as many as the height can label. */
  steps = rates_h >= fs * 8 ? 4 : rates_h >= fs * 3 ? 2 : 1;
  for (guint i = 0; i <= steps; i++)
    {
      double y = top + rates_h * (1 - (double) i / steps);
      char label[8];

      g_snprintf (label, sizeof label, "%u%%", 100 * i / steps);
      sz_page_add_line (page, px, y, px + pw, y, i == 0 ? 0.7 : 0.5, i == 0 ? &axis_grey : &grid_grey);
      _sz_print_text (text, page, label, box->x, y - fs * 0.8, axis_w - fs * 0.45, fs * 1.6, tick_size,
                 SZ_ALIGN_RIGHT, grey, FALSE);
    }

  /* Records received: bars on their own axis below, each with its count,
   * so that neither scale is read against the other. */
  for (guint i = 0; i < n; i++)
    max_count = MAX (max_count, _sz_report_trend_month (stats, n, i)->received);
  sz_page_add_line (page, px, bottom, px + pw, bottom, 0.8, &axis_grey);
  for (guint i = 0; i < n; i++)
    {
      const SzRecordFigures *f = _sz_report_trend_month (stats, n, i);
      double x = px + slot_w * i;
      double bh = max_count ? (bars_h - count_h) * f->received / max_count : 0;
      char count[16];
      int year = 0, month = 0;

      if (bh > 0)
        _sz_print_fill (page, x + (slot_w - bar_w) / 2, bottom - bh, bar_w, bh, bar_fill);
      g_snprintf (count, sizeof count, "%u", f->received);
      _sz_print_text (text, page, count, x, bottom - bh - count_h, slot_w, count_h, fs * 0.95,
                 SZ_ALIGN_CENTER, black, FALSE);

      if (f->key != NULL && sscanf (f->key, "%d-%d", &year, &month) == 2 && month >= 1 && month <= 12)
        {
          _sz_print_text (text, page, lang != NULL ? sz_doc_pgettext2 (lang, "month on a chart", month_names[month - 1])
                          : g_dpgettext2 (GETTEXT_PACKAGE, "month on a chart", month_names[month - 1]),
                     x, bottom + fs * 0.25, slot_w, fs * 1.35, fs * 0.95, SZ_ALIGN_CENTER, black, FALSE);
          /* The year under the first month and wherever it changes. */
          if (i == 0 || month == 1)
            {
              /* Translators: the year under a month on the chart: "2026年" */
              g_autofree char *y = g_strdup_printf (lang != NULL ? DC_ (lang, "year on a chart", "%d")
                                                     : C_("year on a chart", "%d"), year);

              _sz_print_text (text, page, y, x, bottom + fs * 1.6, slot_w, fs * 1.25, fs * 0.85,
                         SZ_ALIGN_CENTER, grey, FALSE);
            }
        }
      else if (f->key != NULL)
        _sz_print_text (text, page, f->key, x, bottom + fs * 0.25, slot_w, fs * 1.35, fs * 0.95,
                   SZ_ALIGN_CENTER, black, FALSE);
    }

  if (max_count == 0)
    {
      _sz_print_text (text, page, tr (lang, N_("No records were received in these months.")),
                 px, top + rates_h / 2 - fs, pw, fs * 2, fs, SZ_ALIGN_CENTER, grey, FALSE);
      return;
    }

  /* Lines first, then every marker above every line.  Equal rates would
   * hide each other's markers: each series sits a little apart. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint s = 0; s < G_N_ELEMENTS (series); s++)
      {
        double dodge = ((double) s - 1) * MIN (side * 0.9, slot_w * 0.08);
        double phase = 0;
        gboolean have_prev = FALSE;
        double prev_x = 0, prev_y = 0;

        for (guint i = 0; i < n; i++)
          {
            double rate = series[s].rate (_sz_report_trend_month (stats, n, i));
            double x = px + slot_w * (i + 0.5) + dodge;
            double y;

            /* No denominator: a gap in the line, not a fall to zero. */
            if (rate < 0)
              {
                have_prev = FALSE;
                phase = 0;
                continue;
              }
            y = top + rates_h * (1 - CLAMP (rate, 0, 1));
            if (pass == 0 && have_prev)
              dashed_line (page, prev_x, prev_y, x, y, lw, &series[s].color,
                           series[s].dash, series[s].gap, &phase);
            else if (pass == 1)
              marker (page, series[s].mark, x, y, side, lw, &series[s].color);
            have_prev = TRUE;
            prev_x = x;
            prev_y = y;
          }
      }
}

SzPage *
sz_report_chart_page (SzText              *text,
                      const SzRecordStats *stats,
                      double               width,
                      double               height)
{
  SzPage *page;
  double m;

  g_return_val_if_fail (text != NULL && stats != NULL, NULL);
  g_return_val_if_fail (width > 0 && height > 0, NULL);

  page = sz_page_new (width, height);
  _sz_print_fill (page, 0, 0, width, height, white);
  m = CLAMP (MIN (width, height) * 0.03, 3, 12);
  sz_report_draw_chart (text, page, stats, &(SzBox) { m, m, width - 2 * m, height - 2 * m });
  return page;
}
