/* sz-app-backup.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sz-backup.h"

G_BEGIN_DECLS

/* The app's automatic backups (src/core/sz-backup.h): on start, on close
 * and every 30 minutes, each in a worker thread, with the folder and the
 * retention from the preferences. */

#define SZ_APP_BACKUP_INTERVAL_SECONDS (30 * 60)

/* Tells the core the backup folder of the preferences ("backup-folder";
 * empty: the default).  Called before a database is opened (its
 * migration backup goes there too) and when the key changes.  @settings
 * may be NULL (tests): the default folder. */
void   sz_app_backup_apply_folder  (GSettings         *settings);
/* The retention of the preferences, or the default without @settings. */
void   sz_app_backup_get_retention (GSettings         *settings,
                                    SzBackupRetention *keep);
/* sz_backup_auto_async() of @db_path tagged @tag.  While it runs, @app
 * (when not NULL) is held, so that a backup on close finishes before the
 * program ends.  A failure is shown over @window when it is still there
 * (a damaged database is marked damaged in @window's session), else
 * printed. */
void   sz_app_backup_auto          (GApplication      *app,
                                    GtkWindow         *window,
                                    GSettings         *settings,
                                    const char        *db_path,
                                    const char        *tag);

G_END_DECLS
