/* sz-roster.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sz-core-types.h"
#include "sz-validate.h"

G_BEGIN_DECLS

typedef struct
{
  gint64  id;
  char   *name;
  char   *street_office;
  char   *address;
  char   *office_phone;       /* normal form after saving */
  char   *supervision_phone;
  char   *board_title;        /* "" prints the default title */
  char   *board_qr_text;      /* "" prints no QR code */
  char   *board_qr_caption;
  char   *board_vacancy_text; /* "" prints the default wording */
  int     qr_max_age_days;    /* older stored WeChat QR images get a warning */
  /* The language boards, reports and certificates are printed in, whatever
   * the interface's: "zh_CN" (the default) or "en". */
  char   *board_language;
  /* Read only: the made-up demo community of sz_demo_load(). */
  gboolean demo;
} SzCommunity;

typedef struct
{
  gint64  id;
  gint64  community_id;
  int     number;
  char   *name;
  int     households;
} SzGrid;

typedef struct
{
  gint64  id;
  gint64  community_id;
  char   *name;
  char   *address;
  char   *property_company;   /* NULL or "": none */
  char   *property_phone;
  /* The grid it was added under: where it shows while it has no building
   * (its buildings say which grids it is in).  0: none. */
  gint64  grid_id;
} SzCompound;

typedef struct
{
  gint64  id;
  gint64  compound_id;
  gint64  grid_id;
  char   *name;               /* "2栋", "5号楼", "A座" */
  int     floors;
} SzBuilding;

typedef struct
{
  gint64  id;
  gint64  building_id;
  int     number;             /* 1 for "1单元" */
  int     floors;
  int     households;
} SzUnit;

/* The households a grid should have (DOMAIN.md: 400 to 700). */
#define SZ_GRID_HOUSEHOLDS_MIN 400
#define SZ_GRID_HOUSEHOLDS_MAX 700

/* Days after which a stored WeChat QR image is printed with a warning. */
#define SZ_QR_MAX_AGE_DEFAULT 180

SzCommunity *sz_community_new      (void);
void         sz_community_free     (SzCommunity  *community);
/* Inserts (id 0) or updates; validates and normalises the phones in place. */
gboolean     sz_community_save     (SzDb         *db,
                                    SzCommunity  *community,
                                    GError      **error);
SzCommunity *sz_community_get      (SzDb         *db,
                                    gint64        id,
                                    GError      **error);
/* The first community (by id), NULL with no error when there is none. */
SzCommunity *sz_community_get_first (SzDb        *db,
                                    GError      **error);
GPtrArray   *sz_community_list     (SzDb         *db,
                                    GError      **error);
/* Sets *@only_demo to TRUE when the database holds exactly one community
 * and it is the demo (SzCommunity.demo); FALSE otherwise (none, several,
 * or one real one).  FALSE with @error only when the database fails. */
gboolean     sz_community_only_demo (SzDb        *db,
                                    gboolean     *only_demo,
                                    GError      **error);
/* Deletes the community and everything of it, in one transaction: its
 * places, posts, hotlines, people (with their photos and QR images),
 * issue records with their history, board prints, and the audit log's
 * rows about all of these. */
gboolean     sz_community_delete   (SzDb         *db,
                                    gint64        id,
                                    GError      **error);

SzGrid      *sz_grid_new           (void);
void         sz_grid_free          (SzGrid       *grid);
gboolean     sz_grid_save          (SzDb         *db,
                                    SzGrid       *grid,
                                    GError      **error);
SzGrid      *sz_grid_get           (SzDb         *db,
                                    gint64        id,
                                    GError      **error);
/* By number. */
GPtrArray   *sz_grid_list          (SzDb         *db,
                                    gint64        community_id,
                                    GError      **error);
/* Refused while buildings are in the grid. */
gboolean     sz_grid_delete        (SzDb         *db,
                                    gint64        id,
                                    GError      **error);
/* "第3网格 丰和第三网格"-style label, translated. */
char        *sz_grid_label         (const SzGrid *grid);

SzCompound  *sz_compound_new       (void);
void         sz_compound_free      (SzCompound   *compound);
gboolean     sz_compound_save      (SzDb         *db,
                                    SzCompound   *compound,
                                    GError      **error);
SzCompound  *sz_compound_get       (SzDb         *db,
                                    gint64        id,
                                    GError      **error);
/* In pinyin order. */
GPtrArray   *sz_compound_list      (SzDb         *db,
                                    gint64        community_id,
                                    GError      **error);
/* Deletes its buildings, units and their posts and hotlines too. */
gboolean     sz_compound_delete    (SzDb         *db,
                                    gint64        id,
                                    GError      **error);

SzBuilding  *sz_building_new       (void);
void         sz_building_free      (SzBuilding   *building);
gboolean     sz_building_save      (SzDb         *db,
                                    SzBuilding   *building,
                                    GError      **error);
SzBuilding  *sz_building_get       (SzDb         *db,
                                    gint64        id,
                                    GError      **error);
/* In natural order of names ("2栋" before "10栋"). */
GPtrArray   *sz_building_list      (SzDb         *db,
                                    gint64        compound_id,
                                    GError      **error);
gboolean     sz_building_delete    (SzDb         *db,
                                    gint64        id,
                                    GError      **error);

SzUnit      *sz_unit_new           (void);
void         sz_unit_free          (SzUnit       *unit);
gboolean     sz_unit_save          (SzDb         *db,
                                    SzUnit       *unit,
                                    GError      **error);
SzUnit      *sz_unit_get           (SzDb         *db,
                                    gint64        id,
                                    GError      **error);
GPtrArray   *sz_unit_list          (SzDb         *db,
                                    gint64        building_id,
                                    GError      **error);
gboolean     sz_unit_delete        (SzDb         *db,
                                    gint64        id,
                                    GError      **error);
/* "1单元" / "Unit 1", translated. */
char        *sz_unit_label         (int           number);

/* Row helpers shared by the core's modules. */
#include <sqlite3.h>
/* Collects the rows of @stmt through @from_row; NULL with @error on failure. */
GPtrArray   *sz_row_collect        (SzDb            *db,
                                    SzStmt          *stmt,
                                    gpointer       (*from_row) (SzStmt *),
                                    GDestroyNotify   free_func,
                                    GError         **error);
/* Binds @id to ?1 and returns the one row, or NULL with NOT_FOUND naming
 * @what ("Grid") and @id. */
gpointer     sz_row_get            (SzDb            *db,
                                    SzStmt          *stmt,
                                    gint64           id,
                                    const char      *what,
                                    gpointer       (*from_row) (SzStmt *),
                                    GError         **error);
/* Fails with NOT_FOUND naming @what unless @sql (with ?1 = @id) gives a row. */
gboolean     sz_row_require        (SzDb            *db,
                                    const char      *sql,
                                    gint64           id,
                                    const char      *what,
                                    GError         **error);
/* The count(*) that @sql (with ?1 = @id) gives. */
gboolean     sz_row_count          (SzDb            *db,
                                    const char      *sql,
                                    gint64           id,
                                    gint64          *count,
                                    GError         **error);
/* Steps an INSERT/UPDATE/DELETE to its end; sets *@id to the new row's id
 * when it is 0. */
gboolean     sz_row_finish_write   (SzDb            *db,
                                    SzStmt          *stmt,
                                    gint64          *id,
                                    GError         **error);
/* Name → id maps, for loaders that meet the same place many times. */
GHashTable  *sz_id_map_new         (void);
gint64       sz_id_map_lookup      (GHashTable      *map,
                                    const char      *key);
void         sz_id_map_insert      (GHashTable      *map,
                                    const char      *key,
                                    gint64           id);
/* One transaction deleting the row @sql (?1 = @id) names; NOT_FOUND if none. */
gboolean     sz_row_delete         (SzDb            *db,
                                    const char      *sql,
                                    gint64           id,
                                    const char      *what,
                                    GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SzCommunity, sz_community_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SzGrid, sz_grid_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SzCompound, sz_compound_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SzBuilding, sz_building_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SzUnit, sz_unit_free)

G_END_DECLS
