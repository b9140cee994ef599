/* sz-board-print.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sz-core-types.h"

G_BEGIN_DECLS

/* The four kinds of notice board, by the place they hang for. */
typedef enum
{
  SZ_BOARD_UNIT,        /* one per stairwell */
  SZ_BOARD_BUILDING,
  SZ_BOARD_GRID,
  SZ_BOARD_COMMUNITY,
} SzBoardKind;

#define SZ_N_BOARD_KINDS 4

typedef struct
{
  SzBoardKind  kind;
  gint64       place_id;
  char        *content_hash;  /* 64 hex digits */
  char        *printed_at;    /* ISO local date and time */
} SzBoardPrint;

const char   *sz_board_kind_to_string   (SzBoardKind   kind);
gboolean      sz_board_kind_from_string (const char   *str,
                                         SzBoardKind  *kind);
/* "Unit board", translated. */
const char   *sz_board_kind_title       (SzBoardKind   kind);

void          sz_board_print_free       (SzBoardPrint *print);
/* Records that the board was printed with this content, now.  Call inside
 * the caller's transaction when recording a batch. */
gboolean      sz_board_print_record     (SzDb         *db,
                                         gint64        community_id,
                                         SzBoardKind   kind,
                                         gint64        place_id,
                                         const char   *content_hash,
                                         GError      **error);
/* A print whose file is renamed into place after the record, as one step
 * (see sz-board-print.c): sz_board_print_prepare() records the print as
 * pending on the file @file_path will be once the temporary file with
 * device @file_dev and inode @file_ino is renamed to it; after the rename
 * (or a failure, or on the next run after a kill), sz_board_print_settle()
 * keeps the prints whose file is in place and undoes the others.  Until
 * then, sz_board_print_load() reads pending prints the same way. */
gboolean      sz_board_print_prepare    (SzDb         *db,
                                         gint64        community_id,
                                         SzBoardKind   kind,
                                         gint64        place_id,
                                         const char   *content_hash,
                                         const char   *file_path,
                                         guint64       file_dev,
                                         guint64       file_ino,
                                         GError      **error);
gboolean      sz_board_print_settle     (SzDb         *db,
                                         GError      **error);
/* Every recorded print of the community's boards, keyed by
 * sz_board_print_key(); values are SzBoardPrint. */
GHashTable   *sz_board_print_load       (SzDb         *db,
                                         gint64        community_id,
                                         GError      **error);
char         *sz_board_print_key        (SzBoardKind   kind,
                                         gint64        place_id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SzBoardPrint, sz_board_print_free)

G_END_DECLS
