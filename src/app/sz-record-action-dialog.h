/* sz-record-action-dialog.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sz-record.h"
#include "sz-session.h"

G_BEGIN_DECLS

#define SZ_TYPE_RECORD_ACTION_DIALOG (sz_record_action_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SzRecordActionDialog, sz_record_action_dialog, SZ, RECORD_ACTION_DIALOG, GtkWindow)

/* The form of one action on a record: asks only for what @action needs
 * (a department for a dispatch, a satisfaction for a follow-up, a note
 * where one is required), with the time (now) and who (the database's
 * actor) filled in.  Save appends the entry with sz_record_act() and calls
 * sz_session_changed(). */
GtkWidget  *sz_record_action_dialog_new             (GtkWindow            *parent,
                                                     SzSession            *session,
                                                     gint64                record_id,
                                                     SzAction              action);
SzAction    sz_record_action_dialog_get_action      (SzRecordActionDialog *self);
/* The follow-up's "Call 钱女士 on 139 1234 5678.": the reporter's phone in
 * full, as nowhere else; NULL for other actions. */
const char *sz_record_action_dialog_get_reporter_text (SzRecordActionDialog *self);

/* For tests: what typing does.  @field_id is one of "at", "actor",
 * "department", "contact", "note", "satisfaction" (a database string:
 * "satisfied", "basically", "dissatisfied"). */
void        sz_record_action_dialog_set_field       (SzRecordActionDialog *self,
                                                     const char           *field_id,
                                                     const char           *text);
/* What Save does: TRUE when the entry is added (the dialog is then
 * destroyed); FALSE leaves it open with the message under its field. */
gboolean    sz_record_action_dialog_save            (SzRecordActionDialog *self);
/* The message under a field (the ids above, or "form"), or NULL. */
const char *sz_record_action_dialog_get_field_error (SzRecordActionDialog *self,
                                                     const char           *field_id);

G_END_DECLS
