/* sz-board.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sz-board-print.h"
#include "sz-db.h"
#include "sz-fonts.h"
#include "sz-roster.h"
#include "sz-tree.h"

G_BEGIN_DECLS

/* What one board says, gathered from the core: no layout here.  Texts are
 * ready to print (phones formatted, consent applied); residents never
 * appear. */

typedef struct
{
  SzLevel   level;
  char     *role;            /* "网格长" */
  char     *place;           /* the place the post is for: "1单元", "2栋" */
  gint64    person_id;       /* 0: vacant */
  char     *name;            /* NULL when vacant */
  char     *phone;           /* what is printed: the head's phone, the office's, or NULL */
  gboolean  phone_withheld;  /* no consent: phone is the office's, marked so */
  GBytes   *photo;
  char     *photo_mime;
  int       photo_width, photo_height;
  GBytes   *qr;              /* a stored personal WeChat QR image */
  char     *qr_mime;
  int       qr_width, qr_height;
  char     *qr_taken_on;
  gboolean  qr_old;          /* older than the community's limit */
} SzBoardHead;

typedef struct
{
  char *label;               /* "自来水抢修" */
  char *number;              /* formatted */
} SzBoardHotline;

typedef struct
{
  SzBoardKind  kind;
  /* The language it is printed in (community.board_language): "zh_CN",
   * "en" (sz-doc-lang.h). */
  char        *lang;
  gint64       place_id;
  gint64       community_id;
  char        *title;          /* "三长公示牌" */
  char        *community;      /* "丰和社区" */
  char        *grid;           /* "第1网格 丰和第一网格", NULL on a community board */
  char        *place;          /* "丰和林苑 2栋 1单元": the headline */
  /* The heads printed large, in order grid → building → unit. */
  GPtrArray   *heads;          /* SzBoardHead* */
  /* The heads listed in a table: units on a building board, buildings on a
   * grid board, grids on a community board. */
  GPtrArray   *rows;           /* SzBoardHead* */
  /* Duties printed, per level; NULL for a level not printed. */
  GPtrArray   *duties[SZ_N_LEVELS];
  GPtrArray   *hotlines;       /* SzBoardHotline* */
  char        *supervision_phone;  /* formatted, or NULL */
  char        *office_phone;       /* formatted, or NULL */
  char        *property;           /* "物业：… 电话 …", or NULL */
  /* The heads' WeChat group of the place (unit and building boards), or
   * NULL: its name, admin and members, and the admin's personal QR image
   * (NULL when there is none or it is a group's own code, which expires). */
  char        *group_name;
  char        *group_admin;
  int          group_members;
  /* The admin's personal code as its link, read from the image when it
   * was saved: printed as a sharp code drawn anew, whatever the size of
   * the screenshot.  Otherwise the image itself (group_qr). */
  char        *group_qr_text;
  GBytes      *group_qr;
  char        *group_qr_mime;
  int          group_qr_width, group_qr_height;
  char        *qr_text;            /* NULL: no QR code */
  char        *qr_caption;
  char        *vacancy_text;
  /* Where the board sits in a batch (bookmarks, page labels, file names). */
  char       **outline;
  char        *label_prefix;
  char        *file_stem;          /* "unit-丰和林苑-2栋-1单元" */
} SzBoard;

void      sz_board_free        (SzBoard     *board);
/* "第1网格 丰和第一网格": sz_grid_label() in the board language @lang. */
char       *sz_board_grid_label       (const char   *lang,
                                       const SzGrid *grid);
/* "网格长", "Grid head": a head's title in the board language @lang. */
const char *sz_board_level_head_title (const char *lang,
                                       SzLevel     level);
/* The tree node a board hangs for: SZ_BOARD_UNIT → SZ_NODE_UNIT, … */
SzNodeKind sz_board_kind_to_node_kind (SzBoardKind kind);
/* SHA-256 of everything the board prints except the print date, in hex:
 * what stale-board tracking compares. */
char     *sz_board_hash        (const SzBoard *board);
/* Every text of the board with where it comes from, for font checks:
 * calls @func (text, what, user_data) until it returns FALSE. */
gboolean  sz_board_foreach_text (const SzBoard *board,
                                 gboolean     (*func) (const char *text,
                                                       const char *what,
                                                       gpointer    user_data),
                                 gpointer       user_data);
/* Whether every text of @board can be drawn: FALSE with
 * SZ_RENDER_ERROR_FONT when a character on it cannot (no font has it, or
 * it is a control or private-use character), the message naming each
 * person or field and character, one a line.  Such a board is refused on
 * every path (preview, print, PDF, PNG), never drawn with a box or a gap.
 * Otherwise *@haru_char is 0 or the first character libharu cannot draw,
 * and *@haru_what (to be freed) where it is.  Both may be NULL. */
gboolean  sz_board_check_fonts  (const SzBoard *board,
                                 SzFonts       *fonts,
                                 gunichar      *haru_char,
                                 char         **haru_what,
                                 GError       **error);

/* Loads one community once and builds any of its boards from memory. */
typedef struct _SzBoardSource SzBoardSource;

SzBoardSource *sz_board_source_new    (SzDb           *db,
                                       gint64          community_id,
                                       GError        **error);
void           sz_board_source_free   (SzBoardSource  *source);
SzTreeNode    *sz_board_source_get_tree (SzBoardSource *source);
gint64         sz_board_source_get_community_id (SzBoardSource *source);
SzDb          *sz_board_source_get_db (SzBoardSource  *source);
/* The community's board language, "zh_CN" or "en" (sz-doc-lang.h): what
 * its boards, and the files that hold them, are written in. */
const char    *sz_board_source_get_lang (SzBoardSource *source);
/* NULL with SZ_RENDER_ERROR_INVALID when the place is not in the
 * community or has no board of this kind. */
SzBoard       *sz_board_source_build  (SzBoardSource  *source,
                                       SzBoardKind     kind,
                                       gint64          place_id,
                                       GError        **error);
/* The boards of @kinds (a bit per SzBoardKind) for the place @node and
 * everything under it, in tree order, each (kind, place id) once: a
 * compound spanning two grids appears under both in the tree. */
GArray        *sz_board_source_select (SzBoardSource  *source,
                                       const SzTreeNode *node,
                                       guint           kinds);
/* The node of a place, or NULL. */
SzTreeNode    *sz_board_source_find   (SzBoardSource  *source,
                                       SzNodeKind      kind,
                                       gint64          id);

/* One entry of a selection. */
typedef struct
{
  SzBoardKind kind;
  gint64      place_id;
} SzBoardRef;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SzBoard, sz_board_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SzBoardSource, sz_board_source_free)

G_END_DECLS
