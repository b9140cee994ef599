/* sz-print-operation.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sz-board.h"
#include "sz-layout.h"
#include "sz-session.h"

G_BEGIN_DECLS

#define SZ_TYPE_PRINT_OPERATION (sz_print_operation_get_type ())
G_DECLARE_FINAL_TYPE (SzPrintOperation, sz_print_operation, SZ, PRINT_OPERATION, GtkPrintOperation)

/* A thin adapter (STYLE.md §7): boards from src/board's display lists,
 * one page each, on the board's own paper (or, when the user chose another
 * sheet in the print dialog, scaled to fit it whole).  The boards are built when
 * printing begins; a board with a character no font can draw is left out
 * and the user told.  Boards printed are recorded, so that they leave the
 * stale list.
 *
 * sz_print_operation_new() prints the board previewed for the place (see
 * sz_board_view_ref_for_place()); with sz_print_operation_set_kinds(),
 * the boards of those kinds for the place and everything under it. */
SzPrintOperation *sz_print_operation_new          (SzSession        *session,
                                                   SzNodeKind        kind,
                                                   gint64            place_id);
/* Exactly these boards (copied), in this order. */
SzPrintOperation *sz_print_operation_new_for_refs (SzSession        *session,
                                                   GArray           *refs);
/* A bit per SzBoardKind. */
void              sz_print_operation_set_kinds    (SzPrintOperation *self,
                                                   guint             kinds);
/* Paper ("A4", "A3", "600x800mm"), orientation and style; by default the
 * application's settings, or A4 portrait party red without them. */
void              sz_print_operation_set_layout   (SzPrintOperation *self,
                                                   const char       *paper,
                                                   gboolean          landscape,
                                                   SzBoardStyle      style);
/* The system print dialog over @parent, asynchronously: errors reach the
 * user, print settings (printer, and the sheet and orientation chosen for
 * boards of this paper) are saved and the boards recorded when it ends. */
void              sz_print_operation_run_dialog   (SzPrintOperation *self,
                                                   GtkWindow        *parent);
/* The same pages through GTK's PDF export, without a dialog (tests):
 * what a print to a file does, boards recorded as printed included.  FALSE
 * with @error when a board was left out or anything failed. */
gboolean          sz_print_operation_run_to_file  (SzPrintOperation *self,
                                                   const char       *pdf,
                                                   GError          **error);
/* How many boards are to be printed (set once printing has begun). */
guint             sz_print_operation_get_n_boards (SzPrintOperation *self);
/* How large the boards were drawn on the printer's sheet (set once a page
 * is drawn): 1 on the boards' own paper, 0.71 for A3 boards on A4. */
double            sz_print_operation_get_scale    (SzPrintOperation *self);

/* The print dialog remembers, per board paper, the printer's sheet chosen
 * for it.  When boards of @paper (as sz_paper_parse() reads it) will be
 * scaled to fit another sheet, the notice that says so; else NULL. */
char             *sz_print_describe_sheet         (const char       *paper,
                                                   gboolean          landscape);

G_END_DECLS
