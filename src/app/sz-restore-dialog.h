/* sz-restore-dialog.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sz-session.h"

G_BEGIN_DECLS

#define SZ_TYPE_RESTORE_DIALOG (sz_restore_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SzRestoreDialog, sz_restore_dialog, SZ, RESTORE_DIALOG, GtkWindow)

/* Restore from Backup…: the backups of the session's database, newest
 * first, with when, why, size and what each holds.  Restore asks once,
 * closes the database, restores in a worker thread (the current state
 * is backed up first), opens the file again in the session (every view
 * reloads) and says what was done. */
GtkWidget *sz_restore_dialog_new             (GtkWindow       *parent,
                                              SzSession       *session);
/* At start, when the database at @db_path turned out damaged (@problem:
 * what the check found): the same list, the newest good backup chosen.
 * Nothing is opened: after a restore, whoever showed it opens the file
 * when the dialog is closed (sz_restore_dialog_has_restored()). */
GtkWidget *sz_restore_dialog_new_for_damaged (const char      *db_path,
                                              const char      *problem);
gboolean   sz_restore_dialog_has_restored    (SzRestoreDialog *self);
/* Whether a restore is running (tests wait on it). */
gboolean   sz_restore_dialog_is_busy         (SzRestoreDialog *self);

G_END_DECLS
