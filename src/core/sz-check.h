/* sz-check.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sz-core-types.h"

G_BEGIN_DECLS

/* A post without a current head. */
typedef struct
{
  SzLevel  level;
  gint64   place_id;
  gint64   grid_id;   /* the grid the place is in */
  char    *place;     /* "Grid 2 (丰和第二网格)", "红光小区 9号楼", "丰和林苑 2栋 Unit 3" */
} SzVacancy;

typedef enum
{
  SZ_CHECK_GRID_SIZE,          /* households outside 400–700 */
  SZ_CHECK_GRID_HOUSEHOLDS,    /* recorded households differ from its units' sum */
  SZ_CHECK_NO_CONSENT,         /* a current head has not consented to print the phone */
  SZ_CHECK_NO_PHONE,           /* a current head has no phone */
  SZ_CHECK_DUPLICATE_PHONE,    /* one phone recorded for several people */
  SZ_CHECK_HOTLINE_STALE,      /* not verified within a year */
  SZ_CHECK_HOTLINE_MISSING,    /* a category boards need has no hotline at all */
  SZ_CHECK_FILE_MODE,          /* the database file is readable by others */
  SZ_CHECK_INTEGRITY,          /* SQLite's quick_check found damage */
  SZ_CHECK_WECHAT_MISSING,     /* a grid, building or unit has no WeChat group */
  SZ_CHECK_WECHAT_QR,          /* a group's QR image is old, a group code, or no code */
} SzCheckKind;

typedef enum
{
  SZ_TARGET_NONE,
  SZ_TARGET_GRID,
  SZ_TARGET_PERSON,
  SZ_TARGET_HOTLINE,
  /* Since the WeChat groups: the place (target_level, target_id). */
  SZ_TARGET_PLACE,
} SzCheckTarget;

typedef struct
{
  SzCheckKind    kind;
  SzCheckTarget  target;    /* where to go to fix it */
  gint64         target_id;
  SzLevel        target_level;  /* for SZ_TARGET_PLACE */
  char          *message;   /* translated, phones masked */
} SzCheckItem;

void        sz_vacancy_free    (SzVacancy   *vacancy);
void        sz_check_item_free (SzCheckItem *item);

/* Every grid, building and unit of the community without a current head,
 * grid by grid. */
GPtrArray  *sz_vacancies       (SzDb        *db,
                                gint64       community_id,
                                GError     **error);
/* Every grid, building and unit of the community without a WeChat group,
 * grid by grid (sz-wechat.h). */
GPtrArray  *sz_places_without_group (SzDb       *db,
                                gint64       community_id,
                                GError     **error);
/* The domain checks over one community.  @today is YYYY-MM-DD (NULL: the
 * local date), so that tests can fix the clock. */
GPtrArray  *sz_check_run       (SzDb        *db,
                                gint64       community_id,
                                const char  *today,
                                GError     **error);

G_END_DECLS
