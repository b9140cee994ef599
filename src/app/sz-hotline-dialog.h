/* sz-hotline-dialog.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sz-hotline.h"
#include "sz-session.h"

G_BEGIN_DECLS

#define SZ_TYPE_HOTLINE_DIALOG (sz_hotline_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SzHotlineDialog, sz_hotline_dialog, SZ, HOTLINE_DIALOG, GtkWindow)

/* Adds (@hotline_id 0) or edits a hotline of the place @scope (SzScope) /
 * @scope_id.  Saving calls sz_session_changed() and pushes an undo step. */
GtkWidget  *sz_hotline_dialog_new             (GtkWindow       *parent,
                                               SzSession       *session,
                                               gint64           hotline_id,
                                               int              scope,
                                               gint64           scope_id);

/* What the dialog's widgets do, for tests.  Field ids: "label", "number",
 * "verified-on"; "form" is the message under the whole form. */
void        sz_hotline_dialog_set_category    (SzHotlineDialog *self,
                                               int              category);
void        sz_hotline_dialog_set_field       (SzHotlineDialog *self,
                                               const char      *field_id,
                                               const char      *text);
/* The Save button: TRUE when saved, and the dialog is then destroyed;
 * FALSE with the core's message under its field. */
gboolean    sz_hotline_dialog_save            (SzHotlineDialog *self);
/* The message shown under a field, or NULL. */
const char *sz_hotline_dialog_get_field_error (SzHotlineDialog *self,
                                               const char      *field_id);

/* Pushes an undo step that puts @previous back (adding it again if it was
 * removed) or, with @previous NULL, removes the hotline @added_id. */
void        sz_hotline_dialog_push_undo       (SzSession       *session,
                                               const char      *label,
                                               const SzHotline *previous,
                                               gint64           added_id);

G_END_DECLS
