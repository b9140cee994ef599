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

/* @demo: the database was just filled with the demo community. */
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

G_END_DECLS
