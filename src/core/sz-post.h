/* sz-post.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sz-core-types.h"

G_BEGIN_DECLS

typedef enum
{
  SZ_CHOSEN_ELECTION,
  SZ_CHOSEN_RECOMMENDATION,
  SZ_CHOSEN_SELF_NOMINATION,
  SZ_CHOSEN_APPOINTMENT,
} SzChosenBy;

/* A term of a head over one place.  The place is a grid, building or unit
 * id according to @level. */
typedef struct
{
  gint64      id;
  SzLevel     level;
  gint64      place_id;
  gint64      person_id;
  char       *person_name;   /* read only */
  char       *start_date;
  char       *end_date;      /* NULL while current */
  char       *end_reason;
  SzChosenBy  chosen_by;
} SzPost;

void         sz_post_free                (SzPost      *post);

/* Makes @person_id the head of the place from @start_date (NULL: today).
 * A current head's term ends that day, and the history keeps it. */
gboolean     sz_post_appoint             (SzDb        *db,
                                          SzLevel      level,
                                          gint64       place_id,
                                          gint64       person_id,
                                          const char  *start_date,
                                          SzChosenBy   chosen_by,
                                          gint64      *post_id,
                                          GError     **error);
/* The same for a post the caller knows to be vacant, whose place and
 * person it knows to exist (a bulk loader inside its own transaction):
 * only the INSERT, with @start_date already valid (YYYY-MM-DD).  The
 * database still refuses a second current head (a unique index): that is
 * the caller's bug, and comes as an SZ_DB_ERROR. */
gboolean     sz_post_appoint_vacant      (SzDb        *db,
                                          SzLevel      level,
                                          gint64       place_id,
                                          gint64       person_id,
                                          const char  *start_date,
                                          SzChosenBy   chosen_by,
                                          GError     **error);
/* Ends a current term (@end_date NULL: today) with a reason. */
gboolean     sz_post_end                 (SzDb        *db,
                                          gint64       post_id,
                                          const char  *end_date,
                                          const char  *reason,
                                          GError     **error);
/* The current head's post, or NULL without error when the post is vacant. */
SzPost      *sz_post_get_current         (SzDb        *db,
                                          SzLevel      level,
                                          gint64       place_id,
                                          GError     **error);
/* Every term of the place, newest first. */
GPtrArray   *sz_post_history             (SzDb        *db,
                                          SzLevel      level,
                                          gint64       place_id,
                                          GError     **error);
GPtrArray   *sz_post_list_for_person     (SzDb        *db,
                                          gint64       person_id,
                                          GError     **error);

const char  *sz_chosen_by_to_string      (SzChosenBy   chosen_by);
gboolean     sz_chosen_by_from_string    (const char  *str,
                                          SzChosenBy  *chosen_by);
const char  *sz_chosen_by_title          (SzChosenBy   chosen_by);

/* Today's local date as YYYY-MM-DD (the clock of the office). */
char        *sz_today                    (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SzPost, sz_post_free)

G_END_DECLS
