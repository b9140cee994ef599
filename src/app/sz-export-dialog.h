/* sz-export-dialog.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sz-export.h"
#include "sz-session.h"

G_BEGIN_DECLS

#define SZ_TYPE_EXPORT_DIALOG (sz_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SzExportDialog, sz_export_dialog, SZ, EXPORT_DIALOG, GtkWindow)

/* Export PDF… for a place and everything under it: kinds, one file or
 * one per board, progress, cancel, and a summary at the end.  Emits
 * "finished" (gboolean success) when an export ends. */
GtkWidget             *sz_export_dialog_new          (GtkWindow      *parent,
                                                      SzSession      *session,
                                                      SzNodeKind      kind,
                                                      gint64          place_id);
/* The boards to export, a bit per SzBoardKind: what the checkboxes say
 * (kinds the place has no board of are ignored). */
void                   sz_export_dialog_set_kinds    (SzExportDialog *self,
                                                      guint           kinds);
/* The kinds chosen, of those the place has. */
guint                  sz_export_dialog_get_kinds    (SzExportDialog *self);
/* Exactly these boards (copied) instead of the place's: "Reprint all…"
 * of the stale boards.  The kind checkboxes are hidden. */
void                   sz_export_dialog_set_refs     (SzExportDialog *self,
                                                      GArray         *refs);
/* The radio buttons: one PDF per board in a folder, or one file. */
void                   sz_export_dialog_set_one_per_board (SzExportDialog *self,
                                                           gboolean        one);
/* Paper ("A4", "A3", "600x800mm"), orientation and style, as the preview
 * has them; by default the settings', or A4 portrait party red. */
void                   sz_export_dialog_set_layout   (SzExportDialog *self,
                                                      const char     *paper,
                                                      gboolean        landscape,
                                                      SzBoardStyle    style);
/* What the Export button does once a file or folder is chosen; tests call
 * it directly.  Runs in a thread; "finished" is emitted at the end. */
void                   sz_export_dialog_start        (SzExportDialog *self,
                                                      GFile          *target);
/* What the Cancel button under the progress bar does. */
void                   sz_export_dialog_cancel       (SzExportDialog *self);
/* The last export's summary, or NULL before one has ended. */
const SzExportSummary *sz_export_dialog_get_summary  (SzExportDialog *self);

G_END_DECLS
