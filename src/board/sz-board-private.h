/* sz-board-private.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sz-board.h"

G_BEGIN_DECLS

/* Shared by sz-board.c (the SzBoard) and sz-board-source.c (which builds
 * it): GDestroyNotify for the board's lists. */
void sz_board_head_free    (gpointer data);
void sz_board_hotline_free (gpointer data);

G_END_DECLS
