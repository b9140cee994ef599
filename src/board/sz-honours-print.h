/* sz-honours-print.h: what the points and honours put on paper.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Certificates (奖状), the community's honour board (光荣榜), the notice
 * of the candidates in publicity (公示), and a person's statement of
 * points (积分明细).  Laid out as display-list pages (sz-display.h) with
 * the same text machinery as the boards and written by the same renderers
 * (libharu; cairo when a character needs it), through a temporary file
 * beside @path renamed into place: no file is left behind on failure.
 * Every character is checked for ink as on the boards.  None of them
 * prints a phone number.
 */

#pragma once

#include "sz-display.h"
#include "sz-text.h"
#include "sz-points.h"

G_BEGIN_DECLS

/* One A4 landscape page per honour of @ids (each must be final: a
 * certificate has a number), looking like a real certificate: a border,
 * 荣誉证书, the name, "被评为" the title, the reason, the community as
 * issuer with the date awarded, the certificate number. */
GPtrArray *sz_certificate_pages         (SzText        *text,
                                         SzDb          *db,
                                         const gint64  *ids,
                                         guint          n_ids,
                                         GError       **error);
gboolean   sz_certificate_write_pdf     (SzDb          *db,
                                         const gint64  *ids,
                                         guint          n_ids,
                                         const char    *path,
                                         GError       **error);

/* The honour board of @community_id for @period ("2026", "2026-Q3"; NULL:
 * the newest period with a final honour): A4 portrait (A3 when @a3),
 * 光荣榜 with the community and period, each honouree's photo (a framed
 * blank with the name where there is none), name, title and post.  Fails
 * with SZ_POINTS_ERROR_NOT_FOUND when there is no final honour. */
gboolean   sz_honour_board_write_pdf    (SzDb          *db,
                                         gint64         community_id,
                                         const char    *period,
                                         gboolean       a3,
                                         const char    *path,
                                         GError       **error);

/* The publicity notice of the candidates of @period (NULL: the newest
 * period with one) still in publicity:
 * 公示, the community, each candidate's name, post, title and reason, the
 * publicity dates, where to raise an objection (the community office's
 * phone: its supervision phone, else its office phone).  Fails with
 * SZ_POINTS_ERROR_NOT_FOUND when no candidate is in publicity. */
gboolean   sz_honour_notice_write_pdf   (SzDb          *db,
                                         gint64         community_id,
                                         const char    *period,
                                         const char    *path,
                                         GError       **error);

/* @person_id's statement, A4 portrait, for the head to keep: name, post,
 * the totals (hours, earned, redeemed, expired, balance) and every
 * movement with its running balance, over as many pages as it takes,
 * header repeated, "Page 1 of N". */
gboolean   sz_points_statement_write_pdf (SzDb         *db,
                                          gint64        person_id,
                                          const char   *path,
                                          GError      **error);

G_END_DECLS
