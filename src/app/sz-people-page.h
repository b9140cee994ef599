/* sz-people-page.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sz-session.h"

G_BEGIN_DECLS

#define SZ_TYPE_PEOPLE_PAGE (sz_people_page_get_type ())
G_DECLARE_FINAL_TYPE (SzPeoplePage, sz_people_page, SZ, PEOPLE_PAGE, GtkWidget)

/* Everyone in the roster, in pinyin order, with search as you type. */
GtkWidget *sz_people_page_new             (SzSession    *session);
void       sz_people_page_focus_search    (SzPeoplePage *self);

/* For tests: what the list shows, and what its buttons do. */
guint      sz_people_page_get_n_rows      (SzPeoplePage *self);
/* Shows the hits at once, without the entry's typing delay. */
void       sz_people_page_set_search_text (SzPeoplePage *self,
                                           const char   *text);
char      *sz_people_page_get_row_name    (SzPeoplePage *self,
                                           guint         position);
gint64     sz_people_page_get_row_id      (SzPeoplePage *self,
                                           guint         position);
/* A cell as shown: @column is "name", "posts", "phone", "party-member"
 * or "consent". */
char      *sz_people_page_get_row_text    (SzPeoplePage *self,
                                           guint         position,
                                           const char   *column);
/* What "Delete…" does once confirmed: the core's refusal is shown with
 * sz_show_error() and FALSE returned. */
gboolean   sz_people_page_delete_person   (SzPeoplePage *self,
                                           gint64        person_id);

G_END_DECLS
