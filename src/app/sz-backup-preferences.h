/* sz-backup-preferences.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SZ_TYPE_BACKUP_PREFERENCES (sz_backup_preferences_get_type ())
G_DECLARE_FINAL_TYPE (SzBackupPreferences, sz_backup_preferences, SZ, BACKUP_PREFERENCES, GtkBox)

/* The preferences' Backups section: the folder and how many daily, weekly
 * and monthly backups rotation keeps, bound to @settings (NULL: shown
 * insensitive, as in tests without the schema). */
GtkWidget *sz_backup_preferences_new (GSettings *settings);

G_END_DECLS
