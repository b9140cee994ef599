/* sz-backup-restore.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "sz-backup-private.h"
#include "sz-safe-file.h"

#define PENDING_SUFFIX ".pending"

/* Restore: the one place that replaces a database file.  The order of the
 * steps is what makes a kill at any moment leave the old database or the
 * new one, never a mix:
 *
 *  1. the chosen backup is checked (integrity_check) and copied beside the
 *     database under a temporary name, fsync'd;
 *  2. the database is switched out of WAL (which succeeds only when no
 *     other connection has it open, so this is also the "in use" test) and
 *     a read transaction is opened on it, whose shared lock keeps writers
 *     out: everything it holds is now in its main file, and no -wal is
 *     left that SQLite would replay onto the new file;
 *  3. the current state is backed up ("before-restore"): a hard link to the
 *     database file in the backup folder (the file is not written again
 *     once the lock is held, and the rename below gives its name to the
 *     new file), or a checked copy where links cannot be made.  The link
 *     has a pending name until step 4 is done: a kill before the rename
 *     leaves a link to the database itself, which sz_backup_recover()
 *     removes; a kill after it, a link to the old file, which it names;
 *  4. one rename() puts the new file in place, and the folder is fsync'd.
 *
 * A database too damaged for step 2 (or for the checked copy of step 3) is
 * kept beside the new one as NAME.damaged-TIME (a hard link, made before
 * the rename), since a damaged file can still hold what no backup has.
 * One whose damage step 2 does not meet becomes the before-restore backup
 * like any other: restoring it later checks it, as every restore does. */

static gboolean
copy_bytes (const char    *from,
            int            to_fd,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autofree char *buffer = g_malloc (1 << 20);
  int fd = g_open (from, O_RDONLY | O_CLOEXEC, 0);
  gssize n;

  if (fd < 0)
    {
      int saved = errno;
      g_autofree char *display = g_filename_display_name (from);

      g_set_error (error, SZ_BACKUP_ERROR, SZ_BACKUP_ERROR_FAILED,
                   /* Translators: the first %s is a file name, the second the system's reason */
                   _("“%s” could not be read: %s"), display, g_strerror (saved));
      return FALSE;
    }
  while ((n = read (fd, buffer, 1 << 20)) > 0)
    {
      for (gssize done = 0; done < n; )
        {
          gssize w = write (to_fd, buffer + done, n - done);

          if (w < 0 && errno == EINTR)
            continue;
          if (w < 0)
            {
              int saved = errno;

              close (fd);
              if (saved == ENOSPC || saved == EDQUOT)
                g_set_error (error, SZ_BACKUP_ERROR, SZ_BACKUP_ERROR_FULL,
                             _("The disk holding the database is full: nothing was restored. "
                               "Free some space and try again."));
              else
                g_set_error (error, SZ_BACKUP_ERROR, SZ_BACKUP_ERROR_FAILED,
                             /* Translators: %s is the system's reason */
                             _("The backup could not be copied: %s. Nothing was restored."), g_strerror (saved));
              return FALSE;
            }
          done += w;
        }
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          close (fd);
          return FALSE;
        }
    }
  close (fd);
  if (n < 0)
    {
      int saved = errno;

      g_set_error (error, SZ_BACKUP_ERROR, SZ_BACKUP_ERROR_FAILED,
                   _("The backup could not be copied: %s. Nothing was restored."), g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

static char *
sibling (const char *db_path,
         const char *suffix)
{
  return g_strconcat (db_path, suffix, NULL);
}

/* Keeps a damaged database beside the restored one. */
static gboolean
keep_damaged (const char  *db_path,
              GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *when = g_date_time_format (now, "%Y-%m-%dT%H-%M-%S");
  g_autofree char *suffix = g_strconcat (".damaged-", when, NULL);
  g_autofree char *aside = sibling (db_path, suffix);
  g_autofree char *wal = sibling (db_path, "-wal");

  if (link (db_path, aside) != 0 && errno != EEXIST)
    {
      int saved = errno;
      g_autofree char *display = g_filename_display_name (aside);

      g_set_error (error, SZ_BACKUP_ERROR, SZ_BACKUP_ERROR_FAILED,
                   /* Translators: the first %s is a file name, the second the system's reason */
                   _("The damaged database could not be kept as “%s” (%s): nothing was restored."),
                   display, g_strerror (saved));
      return FALSE;
    }
  /* Its WAL goes with it: left by name, SQLite would replay it onto the
   * restored file. */
  if (g_file_test (wal, G_FILE_TEST_EXISTS))
    {
      g_autofree char *aside_wal = g_strconcat (aside, "-wal", NULL);
      g_autofree char *shm = sibling (db_path, "-shm");

      if (g_rename (wal, aside_wal) != 0)
        {
          int saved = errno;

          g_set_error (error, SZ_BACKUP_ERROR, SZ_BACKUP_ERROR_FAILED,
                       _("The damaged database could not be kept as “%s” (%s): nothing was restored."),
                       aside, g_strerror (saved));
          return FALSE;
        }
      g_unlink (shm);
    }
  return TRUE;
}

static void
set_in_use (GError     **error,
            const char  *db_path)
{
  g_autofree char *display = g_filename_display_name (db_path);

  g_set_error (error, SZ_BACKUP_ERROR, SZ_BACKUP_ERROR_IN_USE,
               /* Translators: %s is a file name */
               _("The database “%s” is open in another program (or another Sanzhang window): close it and try "
                 "again. Nothing was restored."), display);
}

/* The before-restore backup as a hard link to the database file, under
 * a pending name until the rename has given the database's name to the
 * new file (see sz_backup_recover()).  FALSE without @error when links
 * cannot be made there (the caller copies). */
static gboolean
link_before_restore (const char  *db_path,
                     const char  *folder,
                     char       **pending,
                     GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stem = sz_backup_stem (db_path);

  if (!sz_backup_ensure_folder (folder, error))
    return FALSE;
  for (guint number = 1; number < 1000; number++)
    {
      g_autofree char *name = sz_backup_format_name (stem, now, SZ_BACKUP_TAG_BEFORE_RESTORE, number);
      g_autofree char *final = g_build_filename (folder, name, NULL);
      g_autofree char *path = sz_backup_pending_path (final);

      if (g_file_test (final, G_FILE_TEST_EXISTS))
        continue;
      if (link (db_path, path) == 0)
        {
          if (!sz_safe_file_sync_folder (folder, error))
            {
              g_unlink (path);
              return FALSE;
            }
          *pending = g_steal_pointer (&path);
          return TRUE;
        }
      if (errno != EEXIST)
        return FALSE;
    }
  return FALSE;
}

/* Steps 2 and 3.  *@live keeps the lock until the rename. */
static gboolean
lock_and_back_up (const char  *db_path,
                  const char  *folder,
                  sqlite3    **live,
                  char       **before_restore,
                  char       **pending,
                  GCancellable *cancellable,
                  GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(SzBackupInfo) info = NULL;
  sqlite3 *db = sz_backup_open_file (db_path, SQLITE_OPEN_READWRITE, &local_error);
  int rc;

  if (db == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  *live = db;
  /* Nobody else may be in it now: a short wait, not the usual 5 s. */
  sqlite3_busy_timeout (db, 500);
  rc = sqlite3_exec (db, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    /* A read transaction: its shared lock keeps every writer out of the
     * rollback-journal file until the rename (the backup API cannot copy
     * from a connection that holds a write transaction). */
    rc = sqlite3_exec (db, "BEGIN; SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL);
  rc = rc == SQLITE_OK ? SQLITE_OK : sqlite3_extended_errcode (db);
  if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
    {
      set_in_use (error, db_path);
      return FALSE;
    }
  if ((rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB)
    return keep_damaged (db_path, error);
  if (rc != SQLITE_OK)
    {
      g_autofree char *display = g_filename_display_name (db_path);

      g_set_error (error, SZ_BACKUP_ERROR, SZ_BACKUP_ERROR_FAILED,
                   /* Translators: the first %s is a file name, the second SQLite's message */
                   _("The database “%s” could not be prepared for the restore (%s): nothing was restored."),
                   display, sqlite3_errmsg (db));
      return FALSE;
    }

  /* The database is one file now, held still by the read lock: a hard
   * link in the backup folder keeps it as it is, in no time, once the
   * rename gives the name to the new file.  Another file system (or one
   * without hard links) gets a checked copy instead. */
  if (link_before_restore (db_path, folder, pending, &local_error))
    return TRUE;
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  info = sz_backup_make (db, db_path, folder, SZ_BACKUP_TAG_BEFORE_RESTORE, NULL, NULL, NULL,
                         cancellable, &local_error);
  if (info == NULL)
    {
      if (g_error_matches (local_error, SZ_BACKUP_ERROR, SZ_BACKUP_ERROR_SOURCE_DAMAGED))
        return keep_damaged (db_path, error);
      g_prefix_error_literal (&local_error,
                              _("The current state could not be backed up first, so nothing was restored: "));
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (before_restore != NULL)
    *before_restore = g_strdup (info->path);
  return TRUE;
}

gboolean
sz_backup_restore (const char    *db_path,
                   const char    *backup_path,
                   const char    *folder,
                   char         **before_restore,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autofree char *default_folder = NULL;
  g_autofree char *db_dir = NULL;
  g_autofree char *temp = NULL;
  g_autofree char *wal = NULL;
  g_autofree char *pending = NULL;
  sqlite3 *live = NULL;
  int fd = -1;

  if (!sz_backup_refuse_server (db_path, error))
    return FALSE;
  gboolean ok;

  g_return_val_if_fail (db_path != NULL, FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);

  if (before_restore != NULL)
    *before_restore = NULL;
  if (folder == NULL)
    folder = default_folder = sz_backup_default_folder (db_path);

  /* What a restore killed half-way left. */
  sz_backup_recover (db_path, folder);

  /* 1 */
  if (!sz_backup_verify (backup_path, error))
    return FALSE;
  db_dir = g_path_get_dirname (db_path);
  if (g_mkdir_with_parents (db_dir, 0700) != 0)
    {
      int saved = errno;
      g_autofree char *display = g_filename_display_name (db_dir);

      g_set_error (error, SZ_BACKUP_ERROR, SZ_BACKUP_ERROR_FAILED,
                   /* Translators: the first %s is a folder, the second the system's reason */
                   _("Cannot create the folder “%s” for the database: %s"), display, g_strerror (saved));
      return FALSE;
    }
  sz_safe_file_clean_stale (db_dir);
  temp = sz_safe_file_create_temp (db_path, &fd, error);
  if (temp == NULL)
    return FALSE;
  ok = copy_bytes (backup_path, fd, cancellable, error);
  close (fd);
  if (!ok)
    {
      sz_safe_file_discard (temp);
      return FALSE;
    }

  /* 2, 3 */
  if (g_file_test (db_path, G_FILE_TEST_EXISTS)
      && !lock_and_back_up (db_path, folder, &live, before_restore, &pending, cancellable, error))
    {
      sqlite3_close_v2 (live);
      sz_safe_file_discard (temp);
      return FALSE;
    }

  /* Paranoia: a WAL that survived step 2 belongs to a connection we did not
   * see, and would be replayed onto the new file. */
  wal = sibling (db_path, "-wal");
  {
    GStatBuf st;

    if (g_stat (wal, &st) == 0 && st.st_size > 0)
      {
        sqlite3_close_v2 (live);
        sz_safe_file_discard (temp);
        if (pending != NULL)
          g_unlink (pending);
        set_in_use (error, db_path);
        return FALSE;
      }
    g_unlink (wal);
  }

  /* 4 */
  ok = sz_safe_file_commit (temp, db_path, SZ_SAFE_FILE_PRIVATE, error);
  {
    g_autofree char *shm = sibling (db_path, "-shm");
    g_unlink (shm);
  }
  sqlite3_close_v2 (live);
  /* The link now holds the old state only: give it its real name. */
  if (pending != NULL)
    {
      if (!ok)
        g_unlink (pending);
      else
        {
          char *final = sz_backup_recover_pending (db_path, pending);

          if (before_restore != NULL)
            *before_restore = final;
          else
            g_free (final);
        }
    }
  if (!ok && error != NULL && g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
    (*error)->domain = SZ_BACKUP_ERROR, (*error)->code = SZ_BACKUP_ERROR_FULL;
  return ok;
}

char *
sz_backup_pending_path (const char *final)
{
  g_autofree char *dir = g_path_get_dirname (final);
  g_autofree char *base = g_path_get_basename (final);
  g_autofree char *name = g_strconcat (".", base, PENDING_SUFFIX, NULL);

  return g_build_filename (dir, name, NULL);
}

/* A pending before-restore link: removed while it is the database file
 * itself (the restore did not happen), named when it is not. */
char *
sz_backup_recover_pending (const char *db_path,
                           const char *pending)
{
  g_autofree char *dir = g_path_get_dirname (pending);
  g_autofree char *base = g_path_get_basename (pending);
  g_autofree char *final = NULL;
  GStatBuf a, b;

  if (g_stat (pending, &a) != 0)
    return NULL;
  if (g_stat (db_path, &b) == 0 && a.st_ino == b.st_ino && a.st_dev == b.st_dev)
    {
      g_unlink (pending);
      return NULL;
    }
  base[strlen (base) - strlen (PENDING_SUFFIX)] = '\0';
  final = g_build_filename (dir, base + 1, NULL);
  if (g_rename (pending, final) != 0)
    return NULL;
  sz_safe_file_sync_folder (dir, NULL);
  return g_steal_pointer (&final);
}

void
sz_backup_recover (const char *db_path,
                   const char *folder)
{
  g_autofree char *stem = sz_backup_stem (db_path);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;
  sz_safe_file_clean_stale (folder);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] == '.' && g_str_has_prefix (name + 1, stem) && g_str_has_suffix (name, PENDING_SUFFIX))
      {
        g_autofree char *path = g_build_filename (folder, name, NULL);
        g_autofree char *final = sz_backup_recover_pending (db_path, path);
      }
}
