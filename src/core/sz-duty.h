/* sz-duty.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sz-core-types.h"

G_BEGIN_DECLS

/* A duty printed under a level's heads.  The policy gives five for every
 * level; local rules add more (Changchun: grid 8, building 6, unit 4). */
typedef struct
{
  gint64   id;
  SzLevel  level;
  int      position;  /* 1-based order within the level */
  char    *text;
} SzDuty;

void       sz_duty_free           (SzDuty      *duty);
/* The five policy duties, untranslated (msgids): a stored duty whose text
 * is one of them, or its translation, is printed in the board language. */
const char * const *sz_duty_default_msgids (guint *n);
/* The five policy duties for each level, in the user's language. */
gboolean   sz_duty_seed_defaults  (SzDb        *db,
                                   GError     **error);
GPtrArray *sz_duty_list           (SzDb        *db,
                                   SzLevel      level,
                                   GError     **error);
/* Appends at the end of the level. */
gboolean   sz_duty_add            (SzDb        *db,
                                   SzLevel      level,
                                   const char  *text,
                                   gint64      *id,
                                   GError     **error);
gboolean   sz_duty_update         (SzDb        *db,
                                   gint64       id,
                                   const char  *text,
                                   GError     **error);
gboolean   sz_duty_delete         (SzDb        *db,
                                   gint64       id,
                                   GError     **error);
/* Moves a duty to @position (1-based) within its level. */
gboolean   sz_duty_move           (SzDb        *db,
                                   gint64       id,
                                   int          position,
                                   GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SzDuty, sz_duty_free)

G_END_DECLS
