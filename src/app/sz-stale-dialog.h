/* sz-stale-dialog.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sz-layout.h"
#include "sz-session.h"

G_BEGIN_DECLS

#define SZ_TYPE_STALE_DIALOG (sz_stale_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SzStaleDialog, sz_stale_dialog, SZ, STALE_DIALOG, GtkWindow)

/* The boards whose content changed since they were printed, and
 * "reprint all". */
GtkWidget *sz_stale_dialog_new          (GtkWindow     *parent,
                                         SzSession     *session);
/* Paper ("A4", "A3", "600x800mm"), orientation and style for reprinting,
 * as the preview has them. */
void       sz_stale_dialog_set_layout   (SzStaleDialog *self,
                                         const char    *paper,
                                         gboolean       landscape,
                                         SzBoardStyle   style);
/* The boards listed (SzBoardRef), owned by the dialog. */
GArray    *sz_stale_dialog_get_refs     (SzStaleDialog *self);
/* "Reprint all…": an export dialog for exactly the boards listed, over
 * the main window; this dialog closes.  Returns the export dialog, already
 * presented (NULL when nothing is listed). */
GtkWidget *sz_stale_dialog_reprint_all  (SzStaleDialog *self);
/* "Print all…": the system print dialog for the boards listed. */
void       sz_stale_dialog_print_all    (SzStaleDialog *self);

G_END_DECLS
