/* sz-records-page.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sz-record.h"
#include "sz-session.h"

G_BEGIN_DECLS

#define SZ_TYPE_RECORDS_PAGE (sz_records_page_get_type ())
G_DECLARE_FINAL_TYPE (SzRecordsPage, sz_records_page, SZ, RECORDS_PAGE, GtkWidget)

/* Residents' issue records: the list with its filters and the chosen
 * record below it, and the month's figures.  Ctrl+N (while the page is
 * shown) opens the new-record form.  The list never shows reporters. */
GtkWidget  *sz_records_page_new                 (SzSession     *session);

/* Ctrl+F: the search field. */
void        sz_records_page_focus_search        (SzRecordsPage *self);
/* "New Record…": opens and returns the form (an SzRecordDialog); the
 * record it saves is then selected. */
GtkWidget  *sz_records_page_new_record          (SzRecordsPage *self);
/* Shows the figures (TRUE) or the list. */
void        sz_records_page_show_figures        (SzRecordsPage *self,
                                                 gboolean       figures);
GtkWidget  *sz_records_page_get_record_view     (SzRecordsPage *self);
GtkWidget  *sz_records_page_get_figures_view    (SzRecordsPage *self);

/* The filters, as choosing them does; each reloads the list at once. */
void        sz_records_page_set_filter_text     (SzRecordsPage *self,
                                                 const char    *text);
/* An SzRecordStatus, SZ_RECORD_FILTER_OPEN or SZ_RECORD_FILTER_ANY_STATUS. */
void        sz_records_page_set_status_filter   (SzRecordsPage *self,
                                                 int            status);
void        sz_records_page_set_overdue_only    (SzRecordsPage *self,
                                                 gboolean       overdue);
void        sz_records_page_set_due_today       (SzRecordsPage *self,
                                                 gboolean       due_today);
/* 待回访: resolved records waiting for the follow-up call, whatever the
 * status filter says (it is set aside meanwhile).  The three quick
 * filters (overdue, due today, awaiting follow-up) exclude each other,
 * and each shows how many records it would list. */
void        sz_records_page_set_awaiting_follow_up (SzRecordsPage *self,
                                                 gboolean       awaiting);
/* A grid's id, 0 for any, -1 for records under no grid; FALSE when the
 * community has no such grid. */
gboolean    sz_records_page_set_grid_filter     (SzRecordsPage *self,
                                                 gint64         grid_id);
/* A category's id, 0 for any. */
gboolean    sz_records_page_set_category_filter (SzRecordsPage *self,
                                                 gint64         category_id);
/* "2026-11" (one of the last 12 months), or NULL for any. */
gboolean    sz_records_page_set_month_filter    (SzRecordsPage *self,
                                                 const char    *month);

/* What the list shows (reloading it first if the records changed). */
guint       sz_records_page_get_n_rows          (SzRecordsPage *self);
/* How many match the filters, the rows beyond the limit included. */
guint       sz_records_page_get_total           (SzRecordsPage *self);
const SzRecordRow *sz_records_page_get_row      (SzRecordsPage *self,
                                                 guint          index);
/* "Showing 2,000 of 5,120 records…" and the like. */
const char *sz_records_page_get_count_text      (SzRecordsPage *self);
/* Selects the record's row (when the list shows it) and shows the record
 * below the list; FALSE when it is not in the list. */
gboolean    sz_records_page_select_record       (SzRecordsPage *self,
                                                 gint64         record_id);

G_END_DECLS
