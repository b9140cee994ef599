/* sz-record-view.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sz-record.h"
#include "sz-session.h"

G_BEGIN_DECLS

#define SZ_TYPE_RECORD_VIEW (sz_record_view_get_type ())
G_DECLARE_FINAL_TYPE (SzRecordView, sz_record_view, SZ, RECORD_VIEW, GtkWidget)

/* One record: its intake fields (the reporter's phone masked unless the
 * "show-phones" setting says otherwise), where it stands (status, time
 * left or overdue), its history oldest first, and a button for each
 * action valid now.  Reloads on the session's "changed". */
GtkWidget  *sz_record_view_new             (SzSession    *session);
/* 0: nothing chosen. */
void        sz_record_view_set_record      (SzRecordView *self,
                                            gint64        record_id);
gint64      sz_record_view_get_record      (SzRecordView *self);

/* Keyboard focus to the first action's button (Enter on a row of the
 * list); FALSE when there is none. */
gboolean    sz_record_view_focus_actions   (SzRecordView *self);

/* For tests: what the view shows and what its buttons do. */
/* The actions the buttons offer, in their order; their number. */
guint       sz_record_view_get_actions     (SzRecordView *self,
                                            SzAction      out[SZ_N_ACTIONS]);
guint       sz_record_view_get_n_events    (SzRecordView *self);
/* The status line: "Due 2026-11-26 14:30, 5 h left", "Overdue by 2 days 3 h", … */
const char *sz_record_view_get_state_text  (SzRecordView *self);
/* The reporter as shown: "王女士, 138****1234", "Anonymous". */
const char *sz_record_view_get_reporter_text (SzRecordView *self);
/* An action's button: opens and returns its form (an
 * SzRecordActionDialog), or NULL when the action is not valid now. */
GtkWidget  *sz_record_view_open_action     (SzRecordView *self,
                                            SzAction      action);
/* "Correct Intake…": opens and returns the record's form (SzRecordDialog). */
GtkWidget  *sz_record_view_open_correction (SzRecordView *self);

/* Shared with the list: "2 days 3 h", "5 h 20 min", "40 min"; coarse:
 * "2 days", "5 h", "40 min". */
char       *sz_record_view_format_duration (gint64        seconds);
char       *sz_record_view_format_duration_coarse (gint64   seconds);
/* For a narrow column: "14:30" on the day of @now, "11-25" (or
 * "11-25 14:30" @with_time) in its year, "2025-11-25" before. */
char       *sz_record_view_format_time_short (gint64      t,
                                              gint64      now,
                                              gboolean    with_time);

G_END_DECLS
