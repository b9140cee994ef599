/* sz-record-figures.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sz-record.h"
#include "sz-session.h"

G_BEGIN_DECLS

/* Named for the view: SzRecordFigures is the core's row of figures. */
#define SZ_TYPE_RECORD_FIGURES_VIEW (sz_record_figures_view_get_type ())
G_DECLARE_FINAL_TYPE (SzRecordFiguresView, sz_record_figures_view, SZ, RECORD_FIGURES_VIEW, GtkWidget)

/* A month's figures: the records received, the three rates with their
 * counts and definitions, the chart of the last six months (drawn by the
 * report's own chart code), and tables by grid, category and channel;
 * "Monthly Report PDF…" saves the month's report. */
GtkWidget           *sz_record_figures_view_new          (SzSession           *session);

/* The months offered: this one and the 11 before it. */
gboolean             sz_record_figures_view_set_month    (SzRecordFiguresView *self,
                                                          const char          *month);
const char          *sz_record_figures_view_get_month    (SzRecordFiguresView *self);
/* What the view shows (loading it now if the data changed); NULL when the
 * figures could not be read. */
const SzRecordStats *sz_record_figures_view_get_stats    (SzRecordFiguresView *self);
/* The rate labels as shown: 0 response, 1 resolution, 2 satisfaction. */
const char          *sz_record_figures_view_get_rate_text (SzRecordFiguresView *self,
                                                          guint                which);
/* What the report button does once a file is chosen. */
gboolean             sz_record_figures_view_write_report (SzRecordFiguresView *self,
                                                          const char          *path,
                                                          GError             **error);

/* "2026-11" and the @n - 1 months before it, newest first. */
GStrv                sz_record_figures_recent_months     (gint64               now,
                                                          guint                n);

G_END_DECLS
