/* sz-person-picker.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sz-post.h"
#include "sz-session.h"

G_BEGIN_DECLS

#define SZ_TYPE_PERSON_PICKER (sz_person_picker_get_type ())
G_DECLARE_FINAL_TYPE (SzPersonPicker, sz_person_picker, SZ, PERSON_PICKER, GtkWindow)

/* @chosen_by: how the new head was chosen, as picked in the dialog. */
typedef void (*SzPersonPicked) (gint64      person_id,
                                SzChosenBy  chosen_by,
                                gpointer    user_data);

/* Finds a person by name, pinyin, initials or phone digits (or makes a new
 * one) and calls @picked with the id and how the head was chosen, then
 * closes; @picked is not called at all when cancelled.  @destroy frees
 * @user_data when the picker goes. */
GtkWidget  *sz_person_picker_new             (GtkWindow      *parent,
                                              SzSession      *session,
                                              const char     *title,
                                              SzPersonPicked  picked,
                                              gpointer        user_data,
                                              GDestroyNotify  destroy);
/* A line above the search: what picking will do ("张三's term ends"). */
void        sz_person_picker_set_note        (SzPersonPicker *self,
                                              const char     *note);

/* What the dialog's widgets do, for tests. */
/* Types @query into the search and searches at once (no typing delay). */
void        sz_person_picker_set_query       (SzPersonPicker *self,
                                              const char     *query);
guint       sz_person_picker_get_n_results   (SzPersonPicker *self);
gint64      sz_person_picker_get_result      (SzPersonPicker *self,
                                              guint           index);
/* Whether the dialog asks how the head was chosen (default TRUE); a
 * picker of people for anything but an appointment does not. */
void        sz_person_picker_set_ask_chosen_by (SzPersonPicker *self,
                                              gboolean        ask);
void        sz_person_picker_set_chosen_by   (SzPersonPicker *self,
                                              SzChosenBy      chosen_by);
/* Calls the callback with @person_id and closes the picker. */
void        sz_person_picker_pick            (SzPersonPicker *self,
                                              gint64          person_id);
/* "New person…": saves a person of the session's community with @name,
 * @phone and the form's consent (yes or no, and the day it was recorded:
 * today unless changed) and picks them; FALSE with the core's message
 * under its field ("name", "phone", "consent-date" or "form"), the picker
 * staying open. */
gboolean    sz_person_picker_create_person   (SzPersonPicker *self,
                                              const char     *name,
                                              const char     *phone);
/* Sets the new-person form's consent and its date ("" or NULL: none). */
void        sz_person_picker_set_consent     (SzPersonPicker *self,
                                              gboolean        consent,
                                              const char     *date);
const char *sz_person_picker_get_field_error (SzPersonPicker *self,
                                              const char     *field_id);

G_END_DECLS
