/* sz-honours-view.h: the honours section of the points page (评选表彰):
 * the shortlist of a period, the publicity of the honourees chosen, the
 * award, and their papers (notice, certificates, honour board).
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sz-session.h"

G_BEGIN_DECLS

#define SZ_TYPE_HONOURS_VIEW (sz_honours_view_get_type ())
G_DECLARE_FINAL_TYPE (SzHonoursView, sz_honours_view, SZ, HONOURS_VIEW, GtkWidget)

GtkWidget  *sz_honours_view_new          (SzSession     *session);

/* What the view's widgets do, for tests. */
/* Chooses @period ("2026", "2026-Q3") in the period list; FALSE when it
 * is not one of its choices. */
gboolean    sz_honours_view_set_period   (SzHonoursView *self,
                                          const char    *period);
const char *sz_honours_view_get_period   (SzHonoursView *self);
/* Ticks @person_id in the shortlist (its check box). */
gboolean    sz_honours_view_set_checked  (SzHonoursView *self,
                                          gint64         person_id,
                                          gboolean       checked);
/* Selects the honours of @ids in the list of the period's honours. */
void        sz_honours_view_select       (SzHonoursView *self,
                                          const gint64  *ids,
                                          guint          n_ids);
/* What the PDF buttons write once a file is chosen. */
gboolean    sz_honours_view_write_notice (SzHonoursView *self,
                                          const char    *path,
                                          GError       **error);
gboolean    sz_honours_view_write_certificates (SzHonoursView *self,
                                                const char    *path,
                                                GError       **error);
gboolean    sz_honours_view_write_board  (SzHonoursView *self,
                                          const char    *path,
                                          GError       **error);

G_END_DECLS
