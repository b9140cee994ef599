/* sz-window.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sz-application.h"
#include "sz-session.h"

G_BEGIN_DECLS

#define SZ_TYPE_WINDOW (sz_window_get_type ())
G_DECLARE_FINAL_TYPE (SzWindow, sz_window, SZ, WINDOW, GtkApplicationWindow)

/* @demo is not used: the window asks the database whether the demo is
 * its only community (then it shows the demo note), after every change. */
SzWindow  *sz_window_new         (SzApplication *app,
                                  SzSession     *session,
                                  gboolean       demo);
SzSession *sz_window_get_session (SzWindow      *self);
/* "place", "board", "people" or "checks". */
void       sz_window_show_page   (SzWindow      *self,
                                  const char    *name);
GtkWidget *sz_window_get_page    (SzWindow      *self,
                                  const char    *name);
GtkWidget *sz_window_get_sidebar (SzWindow      *self);
/* The SzToast over the window's bottom: what Ctrl+Z undid, or why not. */
GtkWidget *sz_window_get_toast   (SzWindow      *self);

G_END_DECLS
