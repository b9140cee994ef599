/* sz-record-dialog.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sz-record.h"
#include "sz-session.h"

G_BEGIN_DECLS

#define SZ_TYPE_RECORD_DIALOG (sz_record_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SzRecordDialog, sz_record_dialog, SZ, RECORD_DIALOG, GtkWindow)

/* The intake form: a new record (@record_id 0, added with sz_record_add()
 * in one call) or the correction of an existing one's intake
 * (sz_record_update(), undoable).  Made to be filled from the keyboard:
 * Enter in a one-line field goes to the next field, Ctrl+Enter saves from
 * anywhere; the time is now, the channel the last one used, the place the
 * one selected in the sidebar.  Emits "saved" (gint64 record_id), then
 * calls sz_session_changed(). */
GtkWidget  *sz_record_dialog_new             (GtkWindow      *parent,
                                              SzSession      *session,
                                              gint64          record_id);

/* For tests: what typing and choosing do.  @field_id is one of
 * "received" ("2026-11-25 14:30"), "channel" (a database string:
 * "wechat", …), "place" ("unit:12", "compound:3", "community:1", …, or
 * text typed into the place field, which picks the best match), "category"
 * (a name), "duty" ("collect", …), "time-class" ("utility", …),
 * "description", "reporter-name", "reporter-phone", "anonymous"
 * ("true"/"false"), "head" (a person id, "" for nobody), "note". */
void        sz_record_dialog_set_field       (SzRecordDialog *self,
                                              const char     *field_id,
                                              const char     *text);
/* What Save does: TRUE when saved (the dialog is then destroyed); FALSE
 * leaves it open with the messages under their fields. */
gboolean    sz_record_dialog_save            (SzRecordDialog *self);
/* The message under a field (the ids above, or "form"), or NULL. */
const char *sz_record_dialog_get_field_error (SzRecordDialog *self,
                                              const char     *field_id);
/* The place and time class chosen now, as Save would take them. */
gboolean    sz_record_dialog_get_place       (SzRecordDialog *self,
                                              SzNodeKind     *kind,
                                              gint64         *id);
SzTimeClass sz_record_dialog_get_time_class  (SzRecordDialog *self);

G_END_DECLS
