/* sz-points-page.h: the 积分 page: balances, statements, the forms of the
 * ledger and the honours.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sz-session.h"

G_BEGIN_DECLS

#define SZ_TYPE_POINTS_PAGE (sz_points_page_get_type ())
G_DECLARE_FINAL_TYPE (SzPointsPage, sz_points_page, SZ, POINTS_PAGE, GtkWidget)

GtkWidget  *sz_points_page_new              (SzSession    *session);
void        sz_points_page_focus_search     (SzPointsPage *self);

/* What the page's widgets do, for tests. */
/* Selects @person_id in the balances (FALSE when not listed). */
gboolean    sz_points_page_select_person    (SzPointsPage *self,
                                             gint64        person_id);
gint64      sz_points_page_get_person       (SzPointsPage *self);
/* "balances" or "honours". */
void        sz_points_page_show_section     (SzPointsPage *self,
                                             const char   *name);
/* What "Export Statement PDF…" writes once a file is chosen. */
gboolean    sz_points_page_write_statement  (SzPointsPage *self,
                                             const char   *path,
                                             GError      **error);

G_END_DECLS
