/* sz-place-edit.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sz-session.h"

G_BEGIN_DECLS

/* Adding, renaming, moving and deleting places: what the OK of the
 * sidebar's dialogs (sz-place-dialog.h) does.  Each is one core call (one
 * transaction), an undo step where the core can put things back, then
 * sz_session_changed() and the new or renamed place selected.  On failure
 * they return FALSE with the core's message, which names the field. */

gboolean   sz_place_add_grid            (SzSession         *session,
                                         int                number,
                                         const char        *name,
                                         gint64            *id,
                                         GError           **error);
/* @grid_id: the grid it shows under until it has a building (0: none). */
gboolean   sz_place_add_compound        (SzSession         *session,
                                         const char        *name,
                                         gint64             grid_id,
                                         gint64            *id,
                                         GError           **error);
/* @count units numbered from @first. */
gboolean   sz_place_add_units           (SzSession         *session,
                                         gint64             building_id,
                                         int                first,
                                         int                count,
                                         GError           **error);
/* Grids take @number and @name; compounds and buildings @name only. */
gboolean   sz_place_rename              (SzSession         *session,
                                         SzNodeKind         kind,
                                         gint64             id,
                                         int                number,
                                         const char        *name,
                                         GError           **error);
gboolean   sz_place_move_building       (SzSession         *session,
                                         gint64             building_id,
                                         gint64             compound_id,
                                         gint64             grid_id,
                                         GError           **error);
/* Deletes without asking; selects @parent_kind/@parent_id afterwards. */
gboolean   sz_place_delete              (SzSession         *session,
                                         SzNodeKind         kind,
                                         gint64             id,
                                         SzNodeKind         parent_kind,
                                         gint64             parent_id,
                                         GError           **error);

G_END_DECLS
