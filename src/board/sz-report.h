/* sz-report.h: the month's report on residents' issue records.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The report is laid out as display-list pages (sz-display.h) with the
 * same text machinery as the boards, and written by the same renderers.
 * It never contains a reporter's name or phone.
 */

#pragma once

#include "sz-display.h"
#include "sz-text.h"
#include "sz-record.h"

G_BEGIN_DECLS

/* The chart of a month's figures drawn into @box of @page: over the last
 * (up to six) months of @stats->trend, oldest first, the three rates as
 * lines on a 0–100 % axis (a month without a denominator leaves a gap)
 * and, below on their own axis, the records received as bars with their
 * counts; month labels, gridlines and a legend.  Colours, line styles and
 * markers differ, so a grey print still tells the lines apart.  Sizes
 * follow the box; below 60 × 60 points nothing is drawn.  Used by the
 * report and by the app's figures view (which renders a page of the
 * widget's size with cairo).  Implemented in sz-report-chart.c. */
void      sz_report_draw_chart      (SzText              *text,
                                     SzPage              *page,
                                     const SzRecordStats *stats,
                                     const SzBox         *box);

/* A page of @width × @height points holding only the chart, white
 * background: what the app draws. */
SzPage   *sz_report_chart_page      (SzText              *text,
                                     const SzRecordStats *stats,
                                     double               width,
                                     double               height);

/* The pages (SzPage*, owned by the array) of @community_id's report for
 * @month ("YYYY-MM"), A4 portrait: title, the figures with their counts
 * and definitions, the chart and its figures by month, tables by grid,
 * category and channel, and the list of records open and overdue at @now
 * (0: now), whenever received — id, received, place, category, due, how
 * long overdue, status; never a reporter.  Long tables go on over pages
 * with their header repeated; every page is numbered "Page 1 of N". */
GPtrArray *sz_report_month_pages    (SzText              *text,
                                     SzDb                *db,
                                     gint64               community_id,
                                     const char          *month,
                                     gint64               now,
                                     GError             **error);

/* Lays out the report and writes it to @path as PDF (libharu; cairo when a
 * character needs it), through a temporary file beside it renamed into
 * place.  Fails with SZ_RECORD_ERROR for a bad @month, SZ_RENDER_ERROR_WRITE
 * when @path cannot be written; no file is left behind either way. */
gboolean  sz_report_write_month     (SzDb                *db,
                                     gint64               community_id,
                                     const char          *month,
                                     gint64               now,
                                     const char          *path,
                                     GError             **error);

G_END_DECLS
