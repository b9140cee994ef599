/* sz-search.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sz-core-types.h"
#include "sz-pinyin.h"

G_BEGIN_DECLS

typedef enum
{
  SZ_HIT_PERSON,
  SZ_HIT_COMPOUND,
  SZ_HIT_GRID,
} SzHitKind;

typedef struct
{
  SzHitKind  kind;
  gint64     id;
  char      *text;     /* the name */
  SzMatch    match;    /* how well: exact, prefix, substring */
  gboolean   by_phone; /* found by phone digits */
} SzSearchHit;

void       sz_search_hit_free   (SzSearchHit  *hit);

/* Finds people (heads) by name in hanzi, full pinyin, initials or a mix
 * ("张伟", "zhangwei", "zw", "张w"), or by 3 or more digits of a phone
 * anywhere in it; compounds and grids by name.  A surname is found by
 * each of its readings (单 shan, dan, chan); look-alike characters in the
 * query or a stored name are folded (sz_name_fold()).  Ranked exact >
 * prefix > substring; within each, hits by a name's own reading before
 * those by another reading of its surname, then in pinyin order; at most
 * @limit hits (0: all).
 *
 * Only people, compounds and grids of @community_id: the app and the
 * CLI search one community.
 *
 * The first search loads an index of the names into memory; later
 * searches reuse it until the database changes. */
GPtrArray *sz_search_in         (SzDb         *db,
                                 gint64        community_id,
                                 const char   *query,
                                 guint         limit,
                                 GError      **error);

/* The same over every community (tools and tests). */
GPtrArray *sz_search            (SzDb         *db,
                                 const char   *query,
                                 guint         limit,
                                 GError      **error);
/* Loads (or reloads) the index now, so the first keystroke is quick. */
gboolean   sz_search_prepare    (SzDb         *db,
                                 GError      **error);

G_END_DECLS
