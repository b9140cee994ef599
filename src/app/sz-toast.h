/* sz-toast.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A short message over the bottom of the window ("已撤销：编辑 张三"),
 * with a close button; it goes by itself after a few seconds.  GTK 4.8
 * has no AdwToast: this is a GtkRevealer for a GtkOverlay. */

#define SZ_TYPE_TOAST (sz_toast_get_type ())
G_DECLARE_FINAL_TYPE (SzToast, sz_toast, SZ, TOAST, GtkWidget)

/* How long a short message stays, unless closed first; a long one
 * stays a fifth of a second per character. */
#define SZ_TOAST_TIMEOUT_SECONDS 5

GtkWidget  *sz_toast_new      (void);
/* Shows @text, replacing any message shown. */
void        sz_toast_show     (SzToast    *self,
                               const char *text);
void        sz_toast_dismiss  (SzToast    *self);
/* The message shown, or NULL when none is. */
const char *sz_toast_get_text (SzToast    *self);

G_END_DECLS
