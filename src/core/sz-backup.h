/* sz-backup.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sz-core-types.h"

G_BEGIN_DECLS

/* Backups: consistent copies of a database file, taken with SQLite's
 * online backup API from a read transaction of their own, so the app may
 * go on writing while one runs (WAL: the writer never waits).  A copy is
 * written under a temporary name in the backup folder, checked with
 * PRAGMA integrity_check, fsync'd and only then renamed into place, mode
 * 0600 in a 0700 folder; a failed or damaged copy never replaces a good
 * one and leaves no temporary file (one left by a killed process is
 * removed by the next call that looks at the folder).
 *
 * Names say when and why: “sanzhang-2026-12-07T14-30-05-start.db” (local
 * time; the prefix is the database file's name without “.db”; “-2”, “-3”
 * … when two come in the same second).
 *
 * Every function works on paths, never on an open SzDb, and is safe to run
 * in a worker thread (GTask) while the app keeps its SzDb on the main
 * thread.  Functions that take a @now use it instead of the clock (for
 * tests); NULL means now. */

#define SZ_BACKUP_ERROR (sz_backup_error_quark ())

typedef enum
{
  SZ_BACKUP_ERROR_FAILED,          /* the copy could not be made or written */
  SZ_BACKUP_ERROR_FULL,            /* no space left for it */
  SZ_BACKUP_ERROR_SOURCE_DAMAGED,  /* the database's own pages are damaged: the app marks it (sz_db_mark_damaged) */
  SZ_BACKUP_ERROR_DAMAGED,         /* a backup file failed its check */
  SZ_BACKUP_ERROR_NOT_A_BACKUP,    /* not a Sanzhang database */
  SZ_BACKUP_ERROR_TOO_NEW,         /* from a newer Sanzhang */
  SZ_BACKUP_ERROR_IN_USE,          /* restore: another program has the database open */
  SZ_BACKUP_ERROR_NOT_FOUND,
} SzBackupError;

/* Why a backup was made: the last part of its name. */
#define SZ_BACKUP_TAG_START          "start"
#define SZ_BACKUP_TAG_CLOSE          "close"
#define SZ_BACKUP_TAG_TIMER          "timer"
#define SZ_BACKUP_TAG_IMPORT         "import"
#define SZ_BACKUP_TAG_MIGRATION      "migration"
#define SZ_BACKUP_TAG_BEFORE_RESTORE "before-restore"
#define SZ_BACKUP_TAG_NEW_COMMUNITY  "new-community"
#define SZ_BACKUP_TAG_MANUAL         "manual"

/* How many backups rotation keeps, besides all of today's (Anki's
 * defaults: 12 daily, 10 weekly, 9 monthly).  The newest is never
 * deleted. */
typedef struct
{
  guint daily;
  guint weekly;
  guint monthly;
} SzBackupRetention;

#define SZ_BACKUP_RETENTION_DEFAULT ((SzBackupRetention) { 12, 10, 9 })

/* One backup file, as the list shows it. */
typedef struct
{
  char      *path;
  char      *tag;             /* "start", "manual", … */
  guint      number;          /* 1; 2, 3 … for more in the same second */
  GDateTime *time;            /* when it was taken (local time, from its name) */
  goffset    size;            /* bytes */
  /* Read from the copy, read-only; -1 when it cannot be read (then
   * @readable is FALSE and @problem says why). */
  gboolean   readable;
  char      *problem;
  int        schema_version;
  gint64     communities;
  gint64     people;
  gint64     records;
} SzBackupInfo;

/* Called between steps of a copy with the pages still to copy and the
 * total, from the thread running it. */
typedef void (*SzBackupProgress) (guint    remaining,
                                  guint    total,
                                  gpointer user_data);

GQuark        sz_backup_error_quark        (void);

void          sz_backup_info_free          (SzBackupInfo      *info);
/* What a backup holds, in words for the list (“1 community · 150 people ·
 * 2,000 records”), or why it cannot be read; translated. */
char         *sz_backup_info_contents      (const SzBackupInfo *info);
/* Why, in words for the list ("before an import"), translated; an
 * unknown tag as it is. */
const char   *sz_backup_tag_title          (const char        *tag);

/* The folder for @db_path's backups: $XDG_DATA_HOME/sanzhang/backups for
 * the default database, a subfolder of it named after any other file
 * (“other-1a2b3c4d”), so two databases never mix their backups.  The app
 * may set another folder for all databases (its preference): then that
 * folder, or its subfolder for a non-default database. */
char         *sz_backup_default_folder     (const char        *db_path);
/* NULL goes back to the default.  Used by sz_db_open()'s migration
 * backup too; set it before opening. */
void          sz_backup_set_folder         (const char        *folder);

/* Copies @db_path into @folder (NULL: the default) as a new backup tagged
 * @tag, checks it and renames it into place.  Returns its description.
 * Cancelling leaves nothing behind. */
SzBackupInfo *sz_backup_create             (const char        *db_path,
                                            const char        *folder,
                                            const char        *tag,
                                            GDateTime         *now,
                                            SzBackupProgress   progress,
                                            gpointer           user_data,
                                            GCancellable      *cancellable,
                                            GError           **error);
/* The same into a file of the user's choosing (the command line's
 * “backup -o FILE”), replacing it if it exists; no rotation. */
gboolean      sz_backup_create_file        (const char        *db_path,
                                            const char        *file,
                                            SzBackupProgress   progress,
                                            gpointer           user_data,
                                            GCancellable      *cancellable,
                                            GError           **error);
/* Whether the data changed since the newest backup in @folder (TRUE when
 * there is none, or the fingerprint stored beside them is gone).  Cheap:
 * a few B-tree lookups, no file read in full. */
gboolean      sz_backup_needed             (const char        *db_path,
                                            const char        *folder,
                                            GError           **error);
/* What the app calls on start, on close and every 30 minutes: a backup
 * tagged @tag when sz_backup_needed(), then rotation.  NULL without
 * @error set when nothing changed. */
SzBackupInfo *sz_backup_auto               (const char        *db_path,
                                            const char        *folder,
                                            const char        *tag,
                                            const SzBackupRetention *retention,
                                            GDateTime         *now,
                                            GCancellable      *cancellable,
                                            GError           **error);
/* Deletes the backups of @db_path in @folder that @retention does not
 * keep; returns the paths deleted (an empty array when none). */
GPtrArray    *sz_backup_rotate             (const char        *db_path,
                                            const char        *folder,
                                            const SzBackupRetention *retention,
                                            GDateTime         *now,
                                            GError           **error);
/* @db_path's backups in @folder, newest first (SzBackupInfo*).  With
 * @with_contents, each copy is opened read-only for its counts. */
GPtrArray    *sz_backup_list               (const char        *db_path,
                                            const char        *folder,
                                            gboolean           with_contents,
                                            GError           **error);
/* One file described as the list describes a backup (its time is its
 * modification time when its name does not say). */
SzBackupInfo *sz_backup_describe           (const char        *path);
/* The newest backup that opens and reads (not fully checked), or NULL:
 * what the damaged-database message offers. */
SzBackupInfo *sz_backup_find_newest_good   (const char        *db_path,
                                            const char        *folder);
/* PRAGMA integrity_check on @path and a look at its schema: TRUE when it
 * is an intact Sanzhang database this version can open. */
gboolean      sz_backup_verify             (const char        *path,
                                            GError           **error);

/* Replaces the database at @db_path with the backup @backup_path.
 *
 * The caller first closes every SzDb it has on @db_path; another program
 * with the file open makes this fail with SZ_BACKUP_ERROR_IN_USE, changing
 * nothing.  Then: the chosen copy is checked (integrity_check) and copied
 * beside the database under a temporary name; the current state is kept
 * in @folder as a "before-restore" backup (*@before_restore gets its
 * path; a hard link to the old file when @folder is on the same file
 * system, else a checked copy) — or, when the current file is too damaged
 * for that, beside it as “NAME.damaged-TIME”; then the copy is renamed
 * over the database in one step (the database is switched out of WAL
 * first, so no -wal or -shm file of the old one is left to be replayed
 * onto the new one).  A kill at any moment leaves either the old database
 * or the new one.  Afterwards the caller opens @db_path again
 * with sz_db_open() (which migrates a copy from an older version, after a
 * "migration" backup of it) and reloads everything it shows. */
gboolean      sz_backup_restore            (const char        *db_path,
                                            const char        *backup_path,
                                            const char        *folder,
                                            char             **before_restore,
                                            GCancellable      *cancellable,
                                            GError           **error);

/* sz_backup_create() in a worker thread; the callback runs in the
 * caller's main context.  No progress: 161 MB take about a second. */
void          sz_backup_create_async       (const char        *db_path,
                                            const char        *folder,
                                            const char        *tag,
                                            GCancellable      *cancellable,
                                            GAsyncReadyCallback callback,
                                            gpointer           user_data);
SzBackupInfo *sz_backup_create_finish      (GAsyncResult      *result,
                                            GError           **error);
/* sz_backup_auto() in a worker thread: the app's start, close and timer
 * backups.  The result is NULL without error when nothing changed. */
void          sz_backup_auto_async         (const char        *db_path,
                                            const char        *folder,
                                            const char        *tag,
                                            const SzBackupRetention *retention,
                                            GCancellable      *cancellable,
                                            GAsyncReadyCallback callback,
                                            gpointer           user_data);
SzBackupInfo *sz_backup_auto_finish        (GAsyncResult      *result,
                                            GError           **error);

/* sz_backup_restore() in a worker thread (the app closes its SzDb first,
 * and opens the file again in the callback).  The result is the path of
 * the before-restore backup (NULL when there was no database yet), or
 * NULL with @error set: tell them apart with the error. */
void          sz_backup_restore_async      (const char        *db_path,
                                            const char        *backup_path,
                                            const char        *folder,
                                            GCancellable      *cancellable,
                                            GAsyncReadyCallback callback,
                                            gpointer           user_data);
char         *sz_backup_restore_finish     (GAsyncResult      *result,
                                            GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SzBackupInfo, sz_backup_info_free)

G_END_DECLS
