/* sz-place-sidebar.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sz-session.h"

G_BEGIN_DECLS

#define SZ_TYPE_PLACE_SIDEBAR (sz_place_sidebar_get_type ())
G_DECLARE_FINAL_TYPE (SzPlaceSidebar, sz_place_sidebar, SZ, PLACE_SIDEBAR, GtkWidget)

/* The community's places as a tree; selecting one selects it in @session. */
GtkWidget *sz_place_sidebar_new                (SzSession      *session);
void       sz_place_sidebar_focus_search       (SzPlaceSidebar *self);

/* Expands the rows down to the place and selects it (and so selects it in
 * the session); FALSE when the community has no such place. */
gboolean   sz_place_sidebar_select             (SzPlaceSidebar *self,
                                                SzNodeKind      kind,
                                                gint64          id);
/* The rows the list shows now: expanded rows' children count, collapsed
 * rows' do not. */
guint      sz_place_sidebar_get_n_visible_rows (SzPlaceSidebar *self);
/* Types @text into the find field and goes to the first match at once
 * (without the field's typing delay); "" clears it. */
void       sz_place_sidebar_set_search_text    (SzPlaceSidebar *self,
                                                const char     *text);
/* Enter in the find field: the next match after the selected one. */
gboolean   sz_place_sidebar_find_next          (SzPlaceSidebar *self);

G_END_DECLS
