/* sz-preferences-window.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sz-session.h"

G_BEGIN_DECLS

#define SZ_TYPE_PREFERENCES_WINDOW (sz_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (SzPreferencesWindow, sz_preferences_window, SZ, PREFERENCES_WINDOW, GtkWindow)

/* This computer's settings, applied as they change (insensitive when the
 * session has no GSettings), and the community's board settings, saved
 * with Apply. */
GtkWidget  *sz_preferences_window_new               (GtkWindow            *parent,
                                                     SzSession            *session);

/* What typing a custom paper size does: a size sz_paper_parse() takes
 * goes to the "paper" key; otherwise FALSE with its error, shown under
 * the field when @show_error (as on Enter or leaving the field). */
gboolean    sz_preferences_window_set_paper         (SzPreferencesWindow  *self,
                                                     const char           *text,
                                                     gboolean              show_error,
                                                     GError              **error);

/* What the folder chooser does with the folder picked: a writable local
 * folder goes to "export-folder"; NULL goes back to the default. */
gboolean    sz_preferences_window_set_export_folder (SzPreferencesWindow  *self,
                                                     GFile                *folder,
                                                     GError              **error);

/* What Apply does: saves the QR code text and caption, the vacancy
 * wording and the QR age warning in one sz_community_save(), pushes an
 * undo step, then calls sz_session_changed().  On failure the core's
 * message goes under its field (or to sz_show_error()) and into @error.
 * TRUE without saving when nothing was changed. */
gboolean    sz_preferences_window_apply             (SzPreferencesWindow  *self,
                                                     GError              **error);
/* Whether Apply is sensitive: a board setting differs from the roster's. */
gboolean    sz_preferences_window_can_apply         (SzPreferencesWindow  *self);

/* The fields, for tests: "paper" (the custom size; setting it chooses
 * "Custom size"), "qr-text", "qr-caption", "vacancy-text" and
 * "qr-max-age" (digits).  Setting one does what typing does. */
void        sz_preferences_window_set_field         (SzPreferencesWindow  *self,
                                                     const char           *field_id,
                                                     const char           *text);
const char *sz_preferences_window_get_field         (SzPreferencesWindow  *self,
                                                     const char           *field_id);
/* The message shown under a field, or NULL. */
const char *sz_preferences_window_get_field_error   (SzPreferencesWindow  *self,
                                                     const char           *field_id);

G_END_DECLS
