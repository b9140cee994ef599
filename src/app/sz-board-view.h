/* sz-board-view.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sz-layout.h"
#include "sz-session.h"

G_BEGIN_DECLS

#define SZ_TYPE_BOARD_VIEW (sz_board_view_get_type ())
G_DECLARE_FINAL_TYPE (SzBoardView, sz_board_view, SZ, BOARD_VIEW, GtkWidget)

/* The selected place's board, drawn live from its display list. */
GtkWidget  *sz_board_view_new         (SzSession     *session);
/* Print… and Export PDF… for the selected place (Ctrl+P, Ctrl+E).  The
 * export dialog (returned, already shown) has the kind of the board shown
 * chosen. */
void        sz_board_view_print       (SzBoardView   *self);
GtkWidget  *sz_board_view_export      (SzBoardView   *self);
/* What the "Stale boards (N)" button does. */
void        sz_board_view_show_stale  (SzBoardView   *self);

/* The display list shown, laid out now if data or options changed since;
 * NULL when the place has no board.  Owned by the view. */
SzPage     *sz_board_view_get_page    (SzBoardView   *self);
/* The board shown, or FALSE when there is none. */
gboolean    sz_board_view_get_ref     (SzBoardView   *self,
                                       SzBoardRef    *ref);
/* The font problems line above the preview ("" when there is none). */
const char *sz_board_view_get_warning (SzBoardView   *self);
/* N of "Stale boards (N)". */
guint       sz_board_view_get_n_stale (SzBoardView   *self);
/* What the toolbar sets: "A4", "A3" or "600x800mm"; orientation; style;
 * zoom as a factor (1.0 = real size on a 96 dpi screen, 0 = fit). */
void        sz_board_view_set_paper   (SzBoardView   *self,
                                       const char    *paper,
                                       gboolean       landscape);
void        sz_board_view_set_style   (SzBoardView   *self,
                                       SzBoardStyle   style);
void        sz_board_view_set_zoom    (SzBoardView   *self,
                                       double         zoom);

/* The board previewed for a place: a unit's, building's, grid's or
 * community's own; for a compound, its first building's (*@building then
 * points at that building's node).  FALSE when there is none. */
gboolean    sz_board_view_ref_for_place (SzBoardSource     *source,
                                         SzNodeKind         kind,
                                         gint64             id,
                                         SzBoardRef        *ref,
                                         const SzTreeNode **building);

G_END_DECLS
