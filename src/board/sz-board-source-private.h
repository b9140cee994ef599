/* sz-board-source-private.h: SzBoardSource's insides, shared by
 * sz-board-source.c (the community loaded once, boards built from it) and
 * sz-board-source-heads.c (a head's card: phone, photo, QR code; the
 * place's WeChat group).
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sz-board.h"

G_BEGIN_DECLS

typedef struct
{
  GBytes *data;
  char   *mime;
  int     width, height;
  char   *taken_on;
  char   *checksum;
} Picture;

typedef struct
{
  Picture *photo;   /* NULL: none */
  Picture *qr;
} Pictures;

struct _SzBoardSource
{
  SzDb        *db;
  SzCommunity *community;
  SzTreeNode  *tree;
  GHashTable  *nodes;        /* "kind:id" → SzTreeNode (first seen) */
  GHashTable  *grids;        /* grid id → SzGrid */
  GHashTable  *compounds;    /* compound id → SzCompound */
  GHashTable  *hotlines;     /* building id (0: community) → GPtrArray of SzBoardHotline */
  GHashTable  *pictures;     /* person id → Pictures */
  /* Who has an image, which places a WeChat group: read once, so that a
   * batch asks the database only for what is there (on a server, every
   * question is a round trip). */
  GHashTable  *with_images;  /* person ids */
  GHashTable  *group_places; /* "unit:141" … */
  GPtrArray   *duties[SZ_N_LEVELS];
  /* The board language (sz-doc-lang.h), and the places' labels in it:
   * "kind:id" → label, made on first use.  The tree keeps the interface's. */
  const char  *lang;
  GHashTable  *labels;
  GHashTable  *unit_numbers; /* unit id → number */
  char        *supervision;  /* formatted */
  char        *office;
  GDate        today;
};


/* GDestroyNotify for SzBoardSource.pictures. */
void         _sz_board_pictures_free      (gpointer data);
/* The head of @node's post, as printed at @place (a vacancy when none). */
SzBoardHead *_sz_board_source_make_head   (SzBoardSource    *source,
                                           const SzTreeNode *node,
                                           const char       *place);
/* The place's WeChat group onto @b. */
void         _sz_board_source_load_group  (SzBoardSource    *source,
                                           SzBoard          *b,
                                           SzLevel           level,
                                           gint64            place_id);

G_END_DECLS
