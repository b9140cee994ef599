/* sz-points-private.h: what the sz-points*.c files share.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "sz-points.h"

G_BEGIN_DECLS

const char *_sz_move_kind_to_string   (SzMoveKind    kind);
SzMoveKind  _sz_move_kind_from_string (const char   *str);

/* Checks @day ("YYYY-MM-DD"), naming @field; NULL or "" is today when
 * @today_if_empty (the result in *@out, newly allocated). */
gboolean    _sz_points_check_day      (const char   *field,
                                       const char   *day,
                                       char        **out,
                                       GError      **error);

/* A person of the points: community, name, and the levels (bits) of their
 * current posts.  NOT_FOUND when missing. */
gboolean    _sz_points_person         (SzDb         *db,
                                       gint64        person_id,
                                       gint64       *community_id,
                                       char        **name,
                                       guint        *levels,
                                       GError      **error);

/* The person's current figures from points_balance (0 without a row). */
gboolean    _sz_points_figures        (SzDb         *db,
                                       gint64        person_id,
                                       int          *minutes,
                                       gint64       *balance,
                                       GError      **error);

/* Writes @m (community, person, kind, day, minutes, points, sources,
 * reverses_id, reason), counting as @counts ("earn", "redeem", "expire");
 * fills id, entered_at, actor.  Inside the caller's transaction. */
gboolean    _sz_points_insert         (SzDb         *db,
                                       SzMovement   *m,
                                       const char   *counts,
                                       GError      **error);

/* Each person's highest current post in @community_id (0: all):
 * person id (gint64 *) → PostInfo. */
typedef struct
{
  int      level;
  gint64   grid_id;
  char    *text;
} SzPointsPost;

GHashTable *_sz_points_posts          (SzDb         *db,
                                       gint64        community_id,
                                       gint64        person_id,
                                       GError      **error);

/* The period "2026" or "2026-Q3" as [first day, last day]; FALSE with an
 * INVALID error naming the field otherwise. */
gboolean    _sz_points_period_days    (const char   *period,
                                       char        **first,
                                       char        **last,
                                       GError      **error);

G_END_DECLS
