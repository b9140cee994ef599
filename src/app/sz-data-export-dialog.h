/* sz-data-export-dialog.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sz-session.h"

G_BEGIN_DECLS

#define SZ_TYPE_DATA_EXPORT_DIALOG (sz_data_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SzDataExportDialog, sz_data_export_dialog, SZ, DATA_EXPORT_DIALOG, GtkWindow)

/* Export…: the roster, the hotlines or a month's issue records as .xlsx
 * or CSV (src/core/sz-export-table.h).  Phones masked and reporters left
 * out unless ticked, with a line saying what the file will then hold;
 * the file from a GtkFileChooserNative; the summary shown after. */
GtkWidget *sz_data_export_dialog_new   (GtkWindow          *parent,
                                        SzSession          *session);
/* Writes what the dialog is set to into @path, as the file chooser's
 * answer does, and shows the summary (tests). */
gboolean   sz_data_export_dialog_write (SzDataExportDialog *self,
                                        const char         *path,
                                        GError            **error);

G_END_DECLS
