/* sz-tree.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sz-core-types.h"

G_BEGIN_DECLS

typedef enum
{
  SZ_NODE_COMMUNITY,
  SZ_NODE_GRID,
  SZ_NODE_COMPOUND,   /* a compound within one grid: one spanning two grids shows under both */
  SZ_NODE_BUILDING,
  SZ_NODE_UNIT,
} SzNodeKind;

/* "community", "grid", "compound", "building", "unit". */
const char *sz_node_kind_to_string   (SzNodeKind   kind);
gboolean    sz_node_kind_from_string (const char  *str,
                                      SzNodeKind  *kind);

typedef struct _SzTreeNode SzTreeNode;

/* A snapshot of a community's places and current heads, loaded in a few
 * queries: what the CLI's tree and the app's sidebar show. */
struct _SzTreeNode
{
  SzNodeKind   kind;
  gint64       id;
  char        *label;         /* "Grid 1 (丰和第一网格)", "丰和林苑", "2栋", "Unit 1" */
  char        *detail;        /* property company for a compound, else NULL */
  gboolean     has_head;      /* grids, buildings and units have a head post */
  gint64       head_person_id;/* 0: vacant */
  char        *head_name;
  char        *head_phone;    /* normal form, NULL if none */
  gboolean     head_consent;
  int          households;    /* recorded for grids and units, summed for the rest */
  int          vacancies;     /* vacant head posts here and below */
  SzTreeNode  *parent;
  GPtrArray   *children;
};

SzTreeNode *sz_tree_load        (SzDb        *db,
                                 gint64       community_id,
                                 GError     **error);
void        sz_tree_node_free   (SzTreeNode  *node);

/* "丰和林苑 2栋 1单元": where a place is, for lists and messages. */
char       *sz_place_label      (SzDb        *db,
                                 SzLevel      level,
                                 gint64       place_id,
                                 GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SzTreeNode, sz_tree_node_free)

G_END_DECLS
