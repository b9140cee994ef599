/* sz-person-dialog.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sz-session.h"

G_BEGIN_DECLS

#define SZ_TYPE_PERSON_DIALOG (sz_person_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SzPersonDialog, sz_person_dialog, SZ, PERSON_DIALOG, GtkWindow)

/* Edits a person (0: a new one); saves the details and the images in one
 * transaction, pushes the undo step (all of them back as the dialog found
 * them, or the new person removed) and calls sz_session_changed().  Emits
 * "saved" (gint64 person_id) just before that. */
GtkWidget  *sz_person_dialog_new             (GtkWindow      *parent,
                                              SzSession      *session,
                                              gint64          person_id);

/* For tests: what typing and the buttons do.  @field_id is one of "name",
 * "gender" ("", "male", "female"), "phone", "phone2", "party-member"
 * ("true"/"false"), "background" (a code of sz_person_backgrounds() or
 * ""), "home-unit" (a unit id, "" or "0" for none), "consent"
 * ("true"/"false"), "consent-date", "notes", "qr-date"; errors also come
 * under "photo" and "qr". */
void        sz_person_dialog_set_field       (SzPersonDialog *self,
                                              const char     *field_id,
                                              const char     *text);
/* What Save does: TRUE when the person and the images are saved, and the
 * dialog is then destroyed; FALSE leaves it open with the errors shown. */
gboolean    sz_person_dialog_save            (SzPersonDialog *self);
/* The message under a field, or NULL. */
const char *sz_person_dialog_get_field_error (SzPersonDialog *self,
                                              const char     *field_id);
/* What "Choose…" does once a file is chosen (@kind: SzImageKind): FALSE
 * with the core's message under the image when it is refused. */
gboolean    sz_person_dialog_set_image_file  (SzPersonDialog *self,
                                              int             kind,
                                              GFile          *file);
/* What "Remove" does. */
void        sz_person_dialog_remove_image    (SzPersonDialog *self,
                                              int             kind);

G_END_DECLS
