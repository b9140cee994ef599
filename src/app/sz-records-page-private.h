/* sz-records-page-private.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sz-records-page.h"

G_BEGIN_DECLS

/* SzRecordsPage is spread over three files: sz-records-page.c (the
 * object, its public functions and how it fits a small window),
 * sz-records-page-list.c (the rows, their columns and the count under
 * them) and sz-records-page-filters.c (the drop-downs, the quick filters
 * with their counts, and the SzRecordFilter they make). */

typedef enum
{
  COL_ID,
  COL_RECEIVED,
  COL_CHANNEL,
  COL_PLACE,
  COL_CATEGORY,
  COL_DESCRIPTION,
  COL_STATUS,
  COL_DUE,
  N_COLUMNS
} SzRecordsColumn;

/* The quick filters: at most one is on. */
typedef enum
{
  QUICK_OVERDUE,
  QUICK_DUE_TODAY,
  QUICK_AWAITING,     /* 待回访: resolved, waiting for the follow-up call */
  N_QUICK
} SzRecordsQuick;

struct _SzRecordsPage
{
  GtkWidget            parent_instance;

  /* Template widgets */
  GtkStack            *stack;
  GtkToggleButton     *list_button;
  GtkToggleButton     *figures_button;
  GtkWidget           *list_tools;
  GtkSearchEntry      *search_entry;
  GtkWidget           *filter_flow;       /* the two below: one line, or two */
  GtkWidget           *filter_row;        /* status, the other filters or "More Filters" */
  GtkWidget           *quick_box;
  GtkWidget           *more_filters;      /* month, grid, category: in the row or the popover */
  GtkMenuButton       *more_button;
  GtkWidget           *more_popover_box;
  GtkDropDown         *status_drop_down;
  GtkDropDown         *month_drop_down;
  GtkDropDown         *grid_drop_down;
  GtkDropDown         *category_drop_down;
  GtkToggleButton     *quick_buttons[N_QUICK];
  GtkLabel            *quick_counts[N_QUICK];
  GtkButton           *new_button;
  GtkPaned            *paned;
  GtkStack            *list_stack;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *columns[N_COLUMNS];
  GtkLabel            *empty_label;
  GtkLabel            *count_label;
  GtkBox              *figures_box;

  /* Owned references */
  SzSession           *session;
  GtkWidget           *record_view;
  GtkWidget           *figures_view;
  GListStore          *store;       /* SzRecordItem, newest first */
  GtkSingleSelection  *selection;   /* over the store as the columns sort it */
  GStrv                months;      /* the month filter's, newest first */
  GArray              *grid_ids;    /* gint64 per grid filter entry: 0 any, -1 none */
  GArray              *category_ids;
  guint                total;
  gint64               select_after_reload;
  gboolean             updating;    /* the filters are being rebuilt, not chosen */
  gboolean             dirty;       /* the records changed while the page was hidden */

  /* Fitting the window (sz-records-page.c) */
  guint                fit_id;      /* the idle that applies what the last allocation asked */
  gboolean             placing;     /* the page moves the divider, not the user */
  gboolean             allocating;  /* nor does the paned, laid out in a smaller space */
  gboolean             divider_moved; /* by the user: the page leaves it */
};

/* sz-records-page-list.c */
void      _sz_records_page_list_init        (SzRecordsPage  *self);
void      _sz_records_page_reload_list      (SzRecordsPage  *self);
gint64    _sz_records_page_selected_id      (SzRecordsPage  *self);
/* The row shown at @index (in the columns' order), or NULL. */
const SzRecordRow *_sz_records_page_row_at  (SzRecordsPage  *self,
                                             guint          index);
guint     _sz_records_page_find_row         (SzRecordsPage  *self,
                                             gint64          record_id);

/* sz-records-page-filters.c */
void      _sz_records_page_filters_init     (SzRecordsPage  *self);
void      _sz_records_page_class_filters_init (GtkWidgetClass *widget_class);
/* The filters as chosen; TRUE when any narrows the list. */
gboolean  _sz_records_page_read_filter      (SzRecordsPage  *self,
                                             SzRecordFilter *filter);
/* The quick filters' counts, for the other filters as chosen. */
void      _sz_records_page_update_counts    (SzRecordsPage  *self,
                                             const SzRecordFilter *filter);
void      _sz_records_page_load_months      (SzRecordsPage  *self);
void      _sz_records_page_load_filter_choices (SzRecordsPage *self);
guint     _sz_records_page_find_id          (GArray         *ids,
                                             gint64          id);

/* sz-records-page.c */
void      _sz_records_page_ensure_loaded    (SzRecordsPage  *self);

G_END_DECLS
