/* sz-preferences-window-private.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sz-preferences-window.h"
#include "sz-roster.h"

G_BEGIN_DECLS

/* SzPreferencesWindow is spread over three files:
 * sz-preferences-window.c (the object), sz-preferences-window-settings.c
 * (this computer's settings, in GSettings) and
 * sz-preferences-window-community.c (the community's board settings, in
 * the database, and the fields for tests). */

/* The paper drop-down's items. */
enum { PAPER_A4, PAPER_A3, PAPER_CUSTOM };

struct _SzPreferencesWindow
{
  GtkWindow             parent_instance;

  /* Template widgets */
  GtkWidget            *settings_box;
  GtkWidget            *staff_box;
  GtkEntry             *staff_entry;
  GtkDropDown          *paper_dropdown;
  GtkEntry             *paper_entry;
  GtkWidget            *paper_error;
  GtkCheckButton       *landscape_check;
  GtkDropDown          *style_dropdown;
  GtkDropDown          *engine_dropdown;
  GtkLabel             *engine_note;
  GtkLabel             *folder_label;
  GtkWidget            *folder_reset_button;
  GtkSwitch            *phones_switch;
  GtkLabel             *community_note;
  GtkEntry             *qr_text_entry;
  GtkWidget            *qr_text_error;
  GtkEntry             *qr_caption_entry;
  GtkWidget            *qr_caption_error;
  GtkEntry             *vacancy_entry;
  GtkWidget            *vacancy_error;
  GtkSpinButton        *qr_age_spin;
  GtkLabel             *qr_age_unit;
  GtkWidget            *qr_age_error;
  /* Built in code (sz-preferences-window-community.c): the language the
   * boards, reports and certificates are printed in; the items follow
   * sz_doc_lang_all(). */
  GtkDropDown          *board_language_dropdown;
  /* Built in code (sz-preferences-window-server.c): the street office's
   * server. */
  GtkEntry             *server_entry;
  GtkPasswordEntry     *server_password;
  GtkLabel             *server_status;
  GtkWidget            *revert_button;
  GtkWidget            *apply_button;

  /* Owned references */
  SzSession            *session;
  GSettings            *settings;        /* NULL in tests without a schema */
  GtkFileChooserNative *folder_chooser;
  SzCommunity          *saved;           /* the board settings as last read */

  gboolean              loading;         /* filling the form: nothing is edited */
  gboolean              syncing_paper;   /* "paper" key → entry: no write back */
};

/* Each file binds its template children's callbacks. */
void     _sz_preferences_window_class_settings_init  (GtkWidgetClass      *widget_class);
void     _sz_preferences_window_class_community_init (GtkWidgetClass      *widget_class);

/* sz-preferences-window-server.c: the server's address and password, below
 * this computer's settings (after self->settings is set). */
void     _sz_preferences_window_build_server         (SzPreferencesWindow *self);

/* From init: the styles, the custom paper size's focus, the engine's note. */
void     _sz_preferences_window_init_settings        (SzPreferencesWindow *self);
/* Binds the widgets to self->settings, which must be set. */
void     _sz_preferences_window_bind_settings        (SzPreferencesWindow *self);

/* Reads the community's board settings into the form, and again after
 * each save elsewhere that would not throw away what is being edited. */
void     _sz_preferences_window_show_community       (SzPreferencesWindow *self);
/* TRUE when changed board settings keep the window open: a question
 * then asks whether to discard them, and closes it if so. */
gboolean _sz_preferences_window_ask_discard          (SzPreferencesWindow *self);

G_END_DECLS
