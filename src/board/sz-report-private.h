/* sz-report-private.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sz-print-private.h"
#include "sz-report.h"

G_BEGIN_DECLS

/* Shared by sz-report.c, which lays out the report's pages, and
 * sz-report-chart.c, which draws the chart.  Not for use outside them. */

/* The chart shows at most this many months, the stats' last ones. */
#define SZ_REPORT_CHART_MONTHS 6

/* Month @i of the last @n months of the stats' trend, oldest first. */
const SzRecordFigures *_sz_report_trend_month (const SzRecordStats *stats,
                                               guint                n,
                                               guint                i);
/* The colour of the response (0), resolution (1) and satisfaction (2)
 * rate: the chart's lines, and the report's figures beside it. */
const SzColor         *_sz_report_rate_color  (guint                i);

/* sz_report_draw_chart() in the document language @lang (sz-doc-lang.h);
 * NULL: the interface's. */
void                   _sz_report_draw_chart  (SzText              *text,
                                               SzPage              *page,
                                               const SzRecordStats *stats,
                                               const SzBox         *box,
                                               const char          *lang);

G_END_DECLS
