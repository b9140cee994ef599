/* sz-import-dialog.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sz-session.h"

G_BEGIN_DECLS

#define SZ_TYPE_IMPORT_DIALOG (sz_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SzImportDialog, sz_import_dialog, SZ, IMPORT_DIALOG, GtkWindow)

/* Import Roster…: a preview of @file (.xlsx, .xls, CSV/TXT) before
 * anything is written: encoding and sheet, the first rows with each
 * column's meaning (mappable by hand), every problem, what would change
 * and the two permissions; then one transaction and a summary.  After an
 * import the session is told and its undo step is gone. */
GtkWidget           *sz_import_dialog_new        (GtkWindow      *parent,
                                                  SzSession      *session,
                                                  GFile          *file);

/* The file chooser (.xlsx, .xls, .csv, .txt, all files) that opens the
 * dialog on the file chosen; what "win.import" shows.  Returned shown,
 * owned by itself until it answers. */
GtkFileChooserNative *sz_import_dialog_choose_file (GtkWindow    *parent,
                                                  SzSession      *session);

G_END_DECLS
