/* sz-hotline.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sz-core-types.h"

G_BEGIN_DECLS

/* The service hotlines printed on the notice boards, in the order they
 * print. */
typedef enum
{
  SZ_HOTLINE_WATER,
  SZ_HOTLINE_ELECTRICITY,
  SZ_HOTLINE_GAS,
  SZ_HOTLINE_HEATING,
  SZ_HOTLINE_PROPERTY,
  SZ_HOTLINE_COMMUNITY_OFFICE,
  SZ_HOTLINE_POLICE_STATION,
  SZ_HOTLINE_CITY_HOTLINE,      /* 12345 */
  SZ_HOTLINE_SUPERVISION,
  SZ_HOTLINE_EMERGENCY,
  SZ_HOTLINE_OTHER,
  SZ_N_HOTLINE_CATEGORIES
} SzHotlineCategory;

/* Where a hotline applies; a nearer scope overrides a farther one per
 * category (see sz_hotline_list_for_building()). */
typedef enum
{
  SZ_SCOPE_COMMUNITY,
  SZ_SCOPE_COMPOUND,
  SZ_SCOPE_BUILDING,
} SzScope;

#define SZ_N_SCOPES 3

typedef struct
{
  gint64             id;
  SzHotlineCategory  category;
  char              *label;        /* "自来水抢修"; "" prints the category title */
  char              *number;       /* normal form after saving (sz-phone.h) */
  SzScope            scope;
  gint64             scope_id;     /* the community, compound or building */
  char              *verified_on;  /* ISO date the number was last checked, or NULL */
  int                position;     /* order within its scope and category */
} SzHotline;

/* The database strings: "water", "community_office", … */
const char *sz_hotline_category_to_string   (SzHotlineCategory  category);
gboolean    sz_hotline_category_from_string (const char        *str,
                                             SzHotlineCategory *category);
/* "Water", "Property management", …, translated. */
const char *sz_hotline_category_title       (SzHotlineCategory  category);
/* The same, untranslated (the msgid): for documents printed in a language
 * of their own (src/board/sz-doc-lang.h). */
const char *sz_hotline_category_msgid       (SzHotlineCategory  category);

/* "community", "compound", "building". */
const char *sz_scope_to_string              (SzScope            scope);
gboolean    sz_scope_from_string            (const char        *str,
                                             SzScope           *scope);
/* "Community", "Compound", "Building", translated. */
const char *sz_scope_title                  (SzScope            scope);

SzHotline  *sz_hotline_new                  (void);
void        sz_hotline_free                 (SzHotline         *hotline);
/* The label, or the category title when the label is empty. */
const char *sz_hotline_display_label        (const SzHotline   *hotline);

/* Inserts (id 0) or updates; validates and normalises the number and date
 * in place.  Position 0 puts the hotline last within its scope. */
gboolean    sz_hotline_save                 (SzDb              *db,
                                             SzHotline         *hotline,
                                             GError           **error);
SzHotline  *sz_hotline_get                  (SzDb              *db,
                                             gint64             id,
                                             GError           **error);
gboolean    sz_hotline_delete               (SzDb              *db,
                                             gint64             id,
                                             GError           **error);
/* One place's own hotlines, by category then position. */
GPtrArray  *sz_hotline_list_scope           (SzDb              *db,
                                             SzScope            scope,
                                             gint64             scope_id,
                                             GError           **error);
/* Records that the number was checked on @date (ISO; NULL: today). */
gboolean    sz_hotline_mark_verified        (SzDb              *db,
                                             gint64             id,
                                             const char        *date,
                                             GError           **error);

/* What a building's (compound's) boards print: per category, the hotlines
 * of the nearest scope that has any of that category — the building's,
 * else its compound's, else its community's — by category then position. */
GPtrArray  *sz_hotline_list_for_building    (SzDb              *db,
                                             gint64             building_id,
                                             GError           **error);
GPtrArray  *sz_hotline_list_for_compound    (SzDb              *db,
                                             gint64             compound_id,
                                             GError           **error);

/* The hotlines anywhere in the community never verified, or verified more
 * than a year before @today (ISO date; NULL: the local date), the never
 * verified first, then the oldest. */
GPtrArray  *sz_hotline_list_stale           (SzDb              *db,
                                             gint64             community_id,
                                             const char        *today,
                                             GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SzHotline, sz_hotline_free)

G_END_DECLS
