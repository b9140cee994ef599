/* sz-session.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sz-db.h"
#include "sz-tree.h"

G_BEGIN_DECLS

/* What every view of a window shares: the open database, the community,
 * the place being looked at, and the last change that can be undone.
 * Views hold no data of their own between "changed" signals: after any
 * save, the saver calls sz_session_changed() and every view reloads. */

#define SZ_TYPE_SESSION (sz_session_get_type ())
G_DECLARE_FINAL_TYPE (SzSession, sz_session, SZ, SESSION, GObject)

/* An undo step: puts back what one change altered, in one transaction. */
typedef gboolean (*SzUndoFunc) (SzSession  *session,
                                gpointer    data,
                                GError    **error);

/* Takes @db. */
SzSession  *sz_session_new              (SzDb           *db,
                                         gint64          community_id,
                                         GSettings      *settings);
SzDb       *sz_session_get_db           (SzSession      *session);
gint64      sz_session_get_community_id (SzSession      *session);
void        sz_session_set_community_id (SzSession      *session,
                                         gint64          community_id);
/* Restore: the database file is replaced while the window stays.
 * sz_session_close_db() closes it (sz_session_get_db() is NULL until
 * the next call: nothing may reload meanwhile, so the caller keeps a
 * modal dialog up); sz_session_reopen_db() takes a newly opened @db,
 * keeps the community when it is still there (else the first one),
 * forgets the undo step and emits "changed" and "place-selected". */
void        sz_session_close_db         (SzSession      *session);
void        sz_session_reopen_db        (SzSession      *session,
                                         SzDb           *db,
                                         gint64          community_id);
/* The application's settings (org.sanzhang.Sanzhang); borrowed. */
GSettings  *sz_session_get_settings     (SzSession      *session);

/* Emits "changed": every view reloads what it shows.  Every saver calls
 * it after its change; one that pushed an undo step pushes it first.  A
 * change that pushed no step cannot be undone, so the step of an earlier
 * change is forgotten: Ctrl+Z only ever undoes the last change. */
void        sz_session_changed          (SzSession      *session);

/* The place the views are about; emits "place-selected" when it differs.
 * SZ_NODE_COMMUNITY with the community's id is the whole community. */
void        sz_session_select_place     (SzSession      *session,
                                         SzNodeKind      kind,
                                         gint64          id);
SzNodeKind  sz_session_get_place_kind   (SzSession      *session);
gint64      sz_session_get_place_id     (SzSession      *session);

/* Ctrl+Z: one step, the last change, pushed just before its
 * sz_session_changed().  @label says what it undoes ("Edit 2栋"), and
 * @func puts back all of that, in one transaction, or nothing. */
void        sz_session_push_undo        (SzSession      *session,
                                         const char     *label,
                                         SzUndoFunc      func,
                                         gpointer        data,
                                         GDestroyNotify  destroy);
gboolean    sz_session_can_undo         (SzSession      *session);
const char *sz_session_get_undo_label   (SzSession      *session);
/* Runs the step, forgets it, and emits "changed" when it worked. */
gboolean    sz_session_undo             (SzSession      *session,
                                         GError        **error);

G_END_DECLS
