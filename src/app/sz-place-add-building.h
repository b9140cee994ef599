/* sz-place-add-building.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sz-session.h"

G_BEGIN_DECLS

/* What the "Add Building" dialog's OK does: the building with @floors
 * floors and its @n_units units (numbered 1 to @n_units), each with
 * @floors floors and @households households, in one transaction; one
 * undo step takes it all away again.  Then sz_session_changed() and the
 * building selected.  FALSE with the core's message, which names the
 * field, and nothing saved. */
gboolean   sz_place_add_building_with_units (SzSession   *session,
                                             gint64       compound_id,
                                             gint64       grid_id,
                                             const char  *name,
                                             int          floors,
                                             int          n_units,
                                             int          households,
                                             gint64      *id,
                                             GError     **error);

G_END_DECLS
