/* sz-application.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SZ_TYPE_APPLICATION (sz_application_get_type ())
G_DECLARE_FINAL_TYPE (SzApplication, sz_application, SZ, APPLICATION, GtkApplication)

SzApplication *sz_application_new          (void);
/* The only GSettings of the program. */
GSettings     *sz_application_get_settings (SzApplication *self);

G_END_DECLS
