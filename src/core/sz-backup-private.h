/* sz-backup-private.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "sz-backup.h"

G_BEGIN_DECLS

/* What the sz-backup*.c files share with each other and the tests. */

/* sz-backup-name.c: backups' names and folders. */
char         *sz_backup_stem         (const char        *db_path);
/* FALSE, with the message, for a server's address: its copies are its
 * administrator's. */
gboolean      sz_backup_refuse_server (const char       *db_path,
                                      GError           **error);
char         *sz_backup_format_name  (const char        *stem,
                                      GDateTime         *time,
                                      const char        *tag,
                                      guint              number);
gboolean      sz_backup_parse_name   (const char        *stem,
                                      const char        *name,
                                      GDateTime        **time,
                                      char             **tag,
                                      guint             *number);
/* Makes @folder (0700), or tightens it to 0700. */
gboolean      sz_backup_ensure_folder (const char       *folder,
                                      GError           **error);
/* sz-backup.c: a connection of the backup's own: extended codes, a busy
 * timeout. */
sqlite3      *sz_backup_open_file    (const char        *path,
                                      int                flags,
                                      GError           **error);
/* Size, schema version and counts, read from the copy (read-only). */
void          sz_backup_fill_info    (SzBackupInfo      *info,
                                      const char        *path);
char         *sz_backup_fingerprint  (sqlite3           *db);
/* sz-backup-restore.c: ".NAME.pending" for a before-restore link not yet
 * named; naming or removing one; and the clean-up of what a killed backup
 * or restore left in @folder, which every listing runs first. */
char         *sz_backup_pending_path (const char        *final);
char         *sz_backup_recover_pending (const char     *db_path,
                                      const char        *pending);
void          sz_backup_recover      (const char        *db_path,
                                      const char        *folder);
/* A backup of @src, which holds a read (or exclusive) transaction. */
SzBackupInfo *sz_backup_make         (sqlite3           *src,
                                      const char        *db_path,
                                      const char        *folder,
                                      const char        *tag,
                                      GDateTime         *now,
                                      SzBackupProgress   progress,
                                      gpointer           user_data,
                                      GCancellable      *cancellable,
                                      GError           **error);

G_END_DECLS
