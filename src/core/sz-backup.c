/* sz-backup.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "sz-backup.h"
#include "sz-backup-private.h"
#include "sz-db.h"
#include "sz-safe-file.h"

/* Pages copied per step: 4096 pages of 4 KiB, 16 MiB, a few milliseconds
 * each, so a cancel is seen quickly and the WAL checkpointer of the app is
 * never kept waiting for long. */
#define PAGES_PER_STEP 4096
#define BUSY_TIMEOUT_MS 5000

G_DEFINE_QUARK (sz-backup-error-quark, sz_backup_error)

void
sz_backup_info_free (SzBackupInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->path);
  g_free (info->tag);
  g_clear_pointer (&info->time, g_date_time_unref);
  g_free (info->problem);
  g_free (info);
}

/* ---- SQLite helpers ------------------------------------------------------- */

static int
system_errno (sqlite3 *db)
{
  return db != NULL ? sqlite3_system_errno (db) : 0;
}

static gboolean
is_full (sqlite3 *db,
         int      rc)
{
  int primary = rc & 0xff;
  int e = system_errno (db);

  return primary == SQLITE_FULL
         || ((primary == SQLITE_IOERR || primary == SQLITE_CANTOPEN) && (e == ENOSPC || e == EDQUOT));
}

/* Opens a database file for the copy's own use.  Read-only connections
 * leave the app's file as it is; the source keeps its WAL. */
sqlite3 *
sz_backup_open_file (const char  *path,
                     int          flags,
                     GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);
  sqlite3 *db = NULL;
  int rc;

  rc = sqlite3_open_v2 (path, &db, flags, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_extended_result_codes (db, 1);
      sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);
      return db;
    }
  if (is_full (db, rc))
    g_set_error (error, SZ_BACKUP_ERROR, SZ_BACKUP_ERROR_FULL,
                 /* Translators: %s is a file name */
                 _("The disk is full: “%s” could not be opened. Free some space and try again."), display);
  else
    g_set_error (error, SZ_BACKUP_ERROR, SZ_BACKUP_ERROR_FAILED,
                 /* Translators: the first %s is a file name, the second SQLite's message */
                 _("“%s” could not be opened: %s"), display, db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
  sqlite3_close_v2 (db);
  return NULL;
}

static gboolean
query_int64 (sqlite3    *db,
             const char *sql,
             gint64     *value)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    {
      *value = sqlite3_column_int64 (stmt, 0);
      ok = TRUE;
    }
  sqlite3_finalize (stmt);
  return ok;
}

/* What changed since the last backup: the schema version and the highest
 * rowid of every table.  Every change Sanzhang makes adds a row somewhere
 * (the audit log for the roster and records' intake, the append-only
 * histories and ledgers, board_print is replaced row by row), so this
 * moves with every change, and costs one B-tree descent per table. */
char *
sz_backup_fingerprint (sqlite3 *db)
{
  g_autoptr(GString) s = g_string_new (NULL);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  gint64 v = 0;

  if (!query_int64 (db, "PRAGMA user_version", &v))
    return NULL;
  g_string_append_printf (s, "v%" G_GINT64_FORMAT, v);
  if (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                              " ORDER BY name", -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  for (guint i = 0; i < tables->len; i++)
    {
      char *quoted = sqlite3_mprintf ("\"%w\"", tables->pdata[i]);
      g_autofree char *sql = g_strdup_printf ("SELECT coalesce (max (rowid), 0) FROM %s", quoted);

      sqlite3_free (quoted);

      v = -1;
      query_int64 (db, sql, &v);
      g_string_append_printf (s, " %s:%" G_GINT64_FORMAT, (const char *) tables->pdata[i], v);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* ---- Reading a copy --------------------------------------------------------- */

static gint64
count_rows (sqlite3    *db,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  gint64 n = 0;

  /* An old copy may not have the table yet: none of those. */
  if (!query_int64 (db, sql, &n))
    return 0;
  return n;
}

static void
read_contents (SzBackupInfo *info,
               sqlite3      *db)
{
  gint64 version = 0;

  if (!query_int64 (db, "PRAGMA user_version", &version))
    {
      info->readable = FALSE;
      info->problem = g_strdup (sqlite3_errmsg (db));
      return;
    }
  info->schema_version = (int) version;
  info->communities = count_rows (db, "community");
  info->people = count_rows (db, "person");
  info->records = count_rows (db, "record");
  info->readable = version > 0;
  if (!info->readable)
    /* Translators: about a file in the backup folder */
    info->problem = g_strdup (_("not a Sanzhang database"));
}

/* The results of integrity_check, "" when it says ok. */
static char *
integrity_check (sqlite3     *db,
                 const char  *pragma,
                 int         *rc_out)
{
  g_autoptr(GString) found = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  int rc, lines = 0;

  /* Ten problems are plenty to say what is wrong. */
  g_autofree char *sql = g_strdup_printf ("PRAGMA %s(10)", pragma);

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  while (stmt != NULL && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *text = (const char *) sqlite3_column_text (stmt, 0);
      g_auto(GStrv) split = g_strsplit (text ? text : "", "\n", -1);

      /* "*** in database main ***\nPage 13: …": the pages, three at most. */
      for (guint i = 0; split[i] != NULL; i++)
        {
          if (g_str_equal (split[i], "ok") || g_str_has_prefix (split[i], "***") || *split[i] == '\0')
            continue;
          if (++lines > 3)
            continue;
          if (found->len > 0)
            g_string_append (found, "; ");
          g_string_append (found, split[i]);
        }
    }
  sqlite3_finalize (stmt);
  if (lines > 3)
    g_string_append (found, "; …");
  *rc_out = rc == SQLITE_DONE ? SQLITE_OK : rc;
  if (*rc_out != SQLITE_OK && found->len == 0)
    g_string_append (found, sqlite3_errstr (rc));
  return g_string_free (g_steal_pointer (&found), FALSE);
}

gboolean
sz_backup_verify (const char  *path,
                  GError     **error)
{
  g_autofree char *display = NULL;
  g_autofree char *found = NULL;
  sqlite3 *db;
  gint64 version = 0, objects = 0;
  int rc = SQLITE_OK;

  g_return_val_if_fail (path != NULL, FALSE);

  display = g_filename_display_name (path);
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, SZ_BACKUP_ERROR, SZ_BACKUP_ERROR_NOT_FOUND,
                   /* Translators: %s is a file name */
                   _("There is no backup file “%s”."), display);
      return FALSE;
    }
  db = sz_backup_open_file (path, SQLITE_OPEN_READONLY, error);
  if (db == NULL)
    return FALSE;
  if (!query_int64 (db, "PRAGMA user_version", &version)
      || !query_int64 (db, "SELECT count(*) FROM sqlite_schema", &objects))
    {
      int code = sqlite3_extended_errcode (db) & 0xff;

      g_set_error (error, SZ_BACKUP_ERROR,
                   code == SQLITE_CORRUPT ? SZ_BACKUP_ERROR_DAMAGED : SZ_BACKUP_ERROR_NOT_A_BACKUP,
                   code == SQLITE_CORRUPT
                   /* Translators: %s is a file name */
                   ? _("The backup “%s” is damaged: it cannot be restored.")
                   /* Translators: %s is a file name */
                   : _("“%s” is not a Sanzhang database: it cannot be restored."), display);
      sqlite3_close_v2 (db);
      return FALSE;
    }
  if (version == 0 || objects == 0)
    {
      g_set_error (error, SZ_BACKUP_ERROR, SZ_BACKUP_ERROR_NOT_A_BACKUP,
                   _("“%s” is not a Sanzhang database: it cannot be restored."), display);
      sqlite3_close_v2 (db);
      return FALSE;
    }
  if (version > SZ_DB_SCHEMA_VERSION)
    {
      g_set_error (error, SZ_BACKUP_ERROR, SZ_BACKUP_ERROR_TOO_NEW,
                   /* Translators: %s is a file name, the numbers are data format versions */
                   _("The backup “%s” was made by a newer version of Sanzhang (data format %d; this version reads "
                     "up to %d): install that version to restore it."),
                   display, (int) version, SZ_DB_SCHEMA_VERSION);
      sqlite3_close_v2 (db);
      return FALSE;
    }
  found = integrity_check (db, "integrity_check", &rc);
  sqlite3_close_v2 (db);
  if (*found != '\0')
    {
      g_set_error (error, SZ_BACKUP_ERROR, SZ_BACKUP_ERROR_DAMAGED,
                   /* Translators: a file name, then SQLite's description of the damage */
                   _("The backup “%s” is damaged (the integrity check found: %s): it cannot be restored."),
                   display, found);
      return FALSE;
    }
  return TRUE;
}

/* ---- Making a copy ---------------------------------------------------------- */

static void
set_copy_error (GError      **error,
                sqlite3      *src,
                sqlite3      *dest,
                int           rc,
                const char   *dest_path)
{
  g_autofree char *folder = g_path_get_dirname (dest_path);
  g_autofree char *display = g_filename_display_name (folder);
  int primary = rc & 0xff;

  if (is_full (dest, rc) || is_full (src, rc))
    g_set_error (error, SZ_BACKUP_ERROR, SZ_BACKUP_ERROR_FULL,
                 /* Translators: %s is a folder */
                 _("The disk holding “%s” is full: no backup was made, and the earlier ones were kept. "
                   "Free some space and try again."), display);
  else if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB)
    g_set_error (error, SZ_BACKUP_ERROR, SZ_BACKUP_ERROR_SOURCE_DAMAGED,
                 /* Translators: %s is SQLite's message */
                 _("The database is damaged: reading it for the backup failed (%s). No backup was made; "
                   "the earlier ones were kept."), sqlite3_errstr (rc));
  else
    g_set_error (error, SZ_BACKUP_ERROR, SZ_BACKUP_ERROR_FAILED,
                 /* Translators: the first %s is a folder, the second SQLite's message */
                 _("The backup into “%s” failed: %s. The earlier backups were kept."), display,
                 src && sqlite3_errcode (src) != SQLITE_OK ? sqlite3_errmsg (src)
                 : dest ? sqlite3_errmsg (dest) : sqlite3_errstr (rc));
}

/* Copies @src (which holds a read transaction, so the copy is of one
 * moment) into the empty file @dest_path page by page, then checks it.
 * The copy ends in rollback-journal mode: one file, readable without a
 * -wal or -shm beside it. */
static gboolean
copy_and_check (sqlite3           *src,
                const char        *dest_path,
                SzBackupProgress   progress,
                gpointer           user_data,
                GCancellable      *cancellable,
                GError           **error)
{
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  g_autofree char *found = NULL;
  int rc, check_rc;
  guint busy_steps = 0;

  dest = sz_backup_open_file (dest_path, SQLITE_OPEN_READWRITE, error);
  if (dest == NULL)
    return FALSE;
  /* No journal for a file that is thrown away if anything fails; the
   * commit fsyncs it. */
  rc = sqlite3_exec (dest, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    goto failed;

  backup = sqlite3_backup_init (dest, "main", src, "main");
  if (backup == NULL)
    {
      rc = sqlite3_extended_errcode (dest);
      goto failed;
    }
  do
    {
      if (busy_steps > BUSY_TIMEOUT_MS / 20)
        break;
      if (g_cancellable_is_cancelled (cancellable))
        {
          sqlite3_backup_finish (backup);
          sqlite3_close_v2 (dest);
          g_cancellable_set_error_if_cancelled (cancellable, error);
          return FALSE;
        }
      rc = sqlite3_backup_step (backup, PAGES_PER_STEP);
      if (progress != NULL)
        progress ((guint) sqlite3_backup_remaining (backup), (guint) sqlite3_backup_pagecount (backup), user_data);
      if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
        {
          busy_steps++;
          g_usleep (20 * 1000);
        }
      else
        busy_steps = 0;
    }
  while (rc == SQLITE_OK || (rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED);
  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    goto failed;
  /* Cancelled during the last step: still nothing to keep. */
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      sqlite3_close_v2 (dest);
      return FALSE;
    }

  rc = sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    goto failed;
  rc = sqlite3_close (dest);
  if (rc != SQLITE_OK)
    goto failed;

  /* Zotero's lesson: a copy is a backup only once it has been read back.
   * A connection of its own reads it (the writing one checks it 1.6 times
   * slower: 1.6 s instead of 1 s for 161 MB). */
  dest = sz_backup_open_file (dest_path, SQLITE_OPEN_READONLY, error);
  if (dest == NULL)
    return FALSE;
  found = integrity_check (dest, "integrity_check", &check_rc);
  sqlite3_close_v2 (dest);
  if (*found != '\0')
    {
      if (check_rc != SQLITE_OK && (check_rc & 0xff) != SQLITE_CORRUPT)
        {
          set_copy_error (error, NULL, NULL, check_rc, dest_path);
          return FALSE;
        }
      /* The pages are copied as they are: damage in the copy is damage in
       * the database. */
      g_set_error (error, SZ_BACKUP_ERROR, SZ_BACKUP_ERROR_SOURCE_DAMAGED,
                   /* Translators: %s is SQLite's description of the damage */
                   _("The database is damaged: the integrity check of its backup copy found: %s. "
                     "No backup was made; the earlier ones were kept."), found);
      return FALSE;
    }
  return TRUE;

failed:
  set_copy_error (error, src, dest, rc, dest_path);
  sqlite3_close_v2 (dest);
  return FALSE;
}

/* Opens @db_path for reading and starts the read transaction every copy
 * is made in. */
static sqlite3 *
open_source (const char  *db_path,
             GError     **error)
{
  g_autofree char *display = g_filename_display_name (db_path);
  sqlite3 *src;
  int rc;

  if (!g_file_test (db_path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, SZ_BACKUP_ERROR, SZ_BACKUP_ERROR_NOT_FOUND,
                   /* Translators: %s is a file name */
                   _("There is no database at “%s” to back up."), display);
      return NULL;
    }
  src = sz_backup_open_file (db_path, SQLITE_OPEN_READONLY, error);
  if (src == NULL)
    return NULL;
  rc = sqlite3_exec (src, "BEGIN; SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      rc = sqlite3_extended_errcode (src);
      if ((rc & 0xff) == SQLITE_NOTADB)
        g_set_error (error, SZ_BACKUP_ERROR, SZ_BACKUP_ERROR_NOT_A_BACKUP,
                     /* Translators: %s is a file name */
                     _("“%s” is not a Sanzhang database: there is nothing to back up."), display);
      else
        set_copy_error (error, src, NULL, rc, db_path);
      sqlite3_close_v2 (src);
      return NULL;
    }
  return src;
}

void
sz_backup_fill_info (SzBackupInfo *info,
                     const char   *path)
{
  GStatBuf st;
  sqlite3 *db;

  if (g_stat (path, &st) == 0)
    info->size = st.st_size;
  info->communities = info->people = info->records = -1;
  db = sz_backup_open_file (path, SQLITE_OPEN_READONLY, NULL);
  if (db == NULL)
    {
      info->problem = g_strdup (_("cannot be opened"));
      return;
    }
  read_contents (info, db);
  sqlite3_close_v2 (db);
}

static char *
fingerprint_path (const char *folder,
                  const char *stem)
{
  g_autofree char *name = g_strdup_printf (".%s.last-backup", stem);

  return g_build_filename (folder, name, NULL);
}

/* Beside the backups: the fingerprint of the newest and its name. */
static void
save_fingerprint (const char *folder,
                  const char *stem,
                  const char *fingerprint,
                  const char *backup_name)
{
  g_autofree char *path = fingerprint_path (folder, stem);
  g_autofree char *contents = g_strdup_printf ("%s\n%s\n", backup_name, fingerprint);

  /* Only an optimisation: without it the next start makes one backup
   * more. */
  g_file_set_contents_full (path, contents, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, NULL);
}

/* The copy itself, from @src (in its read transaction) into @folder. */
SzBackupInfo *
sz_backup_make (sqlite3           *src,
                const char        *db_path,
                const char        *folder,
                const char        *tag,
                GDateTime         *now,
                SzBackupProgress   progress,
                gpointer           user_data,
                GCancellable      *cancellable,
                GError           **error)
{
  g_autoptr(GDateTime) when = now ? g_date_time_to_local (now) : g_date_time_new_now_local ();
  g_autofree char *stem = sz_backup_stem (db_path);
  g_autofree char *fingerprint = sz_backup_fingerprint (src);
  g_autofree char *first = sz_backup_format_name (stem, when, tag, 1);
  g_autofree char *first_path = g_build_filename (folder, first, NULL);
  g_autofree char *temp = NULL;
  g_autoptr(SzBackupInfo) info = g_new0 (SzBackupInfo, 1);

  if (!sz_backup_ensure_folder (folder, error))
    return NULL;
  sz_safe_file_clean_stale (folder);

  temp = sz_safe_file_create_temp (first_path, NULL, error);
  if (temp == NULL)
    {
      if (error != NULL && g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
        (*error)->domain = SZ_BACKUP_ERROR, (*error)->code = SZ_BACKUP_ERROR_FULL;
      return NULL;
    }
  if (!copy_and_check (src, temp, progress, user_data, cancellable, error))
    {
      sz_safe_file_discard (temp);
      return NULL;
    }

  /* A name nobody has taken: the same second may hold several. */
  for (guint seq = 1; ; seq++)
    {
      g_autofree char *name = sz_backup_format_name (stem, when, tag, seq);
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autoptr(GError) local_error = NULL;

      if (g_file_test (path, G_FILE_TEST_EXISTS))
        continue;
      if (sz_safe_file_commit (temp, path, SZ_SAFE_FILE_PRIVATE | SZ_SAFE_FILE_NO_REPLACE, &local_error))
        {
          info->path = g_steal_pointer (&path);
          info->number = seq;
          if (fingerprint != NULL)
            save_fingerprint (folder, stem, fingerprint, name);
          break;
        }
      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS) || seq > 1000)
        {
          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
            local_error->domain = SZ_BACKUP_ERROR, local_error->code = SZ_BACKUP_ERROR_FULL;
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      /* Taken in between: commit removed the temporary file; it cannot
       * happen for a name checked just before, but stay safe. */
      g_set_error (error, SZ_BACKUP_ERROR, SZ_BACKUP_ERROR_FAILED, "%s", local_error->message);
      return NULL;
    }

  info->tag = g_strdup (tag);
  info->time = g_date_time_ref (when);
  sz_backup_fill_info (info, info->path);
  return g_steal_pointer (&info);
}

SzBackupInfo *
sz_backup_create (const char        *db_path,
                  const char        *folder,
                  const char        *tag,
                  GDateTime         *now,
                  SzBackupProgress   progress,
                  gpointer           user_data,
                  GCancellable      *cancellable,
                  GError           **error)
{
  g_autofree char *default_folder = NULL;
  SzBackupInfo *info;
  sqlite3 *src;

  g_return_val_if_fail (db_path != NULL, NULL);
  g_return_val_if_fail (tag != NULL && *tag != '\0', NULL);

  if (!sz_backup_refuse_server (db_path, error))
    return NULL;
  if (folder == NULL)
    folder = default_folder = sz_backup_default_folder (db_path);
  src = open_source (db_path, error);
  if (src == NULL)
    return NULL;
  info = sz_backup_make (src, db_path, folder, tag, now, progress, user_data, cancellable, error);
  sqlite3_exec (src, "COMMIT", NULL, NULL, NULL);
  sqlite3_close_v2 (src);
  return info;
}

gboolean
sz_backup_create_file (const char        *db_path,
                       const char        *file,
                       SzBackupProgress   progress,
                       gpointer           user_data,
                       GCancellable      *cancellable,
                       GError           **error)
{
  g_autofree char *temp = NULL;
  sqlite3 *src;
  gboolean ok;

  g_return_val_if_fail (db_path != NULL, FALSE);
  g_return_val_if_fail (file != NULL, FALSE);

  src = open_source (db_path, error);
  if (src == NULL)
    return FALSE;
  temp = sz_safe_file_create_temp (file, NULL, error);
  ok = temp != NULL && copy_and_check (src, temp, progress, user_data, cancellable, error);
  sqlite3_exec (src, "COMMIT", NULL, NULL, NULL);
  sqlite3_close_v2 (src);
  if (!ok)
    {
      sz_safe_file_discard (temp);
      return FALSE;
    }
  return sz_safe_file_commit (temp, file, SZ_SAFE_FILE_PRIVATE, error);
}

gboolean
sz_backup_needed (const char  *db_path,
                  const char  *folder,
                  GError     **error)
{
  g_autofree char *default_folder = NULL;
  g_autofree char *stem = sz_backup_stem (db_path);
  g_autofree char *state_path = NULL;
  g_autofree char *state = NULL;
  g_autofree char *now = NULL;
  g_auto(GStrv) lines = NULL;
  sqlite3 *src;

  g_return_val_if_fail (db_path != NULL, FALSE);

  /* A server is backed up by its administrator: never by a timer here. */
  if (sz_db_location_is_server (db_path))
    return FALSE;
  if (folder == NULL)
    folder = default_folder = sz_backup_default_folder (db_path);
  state_path = fingerprint_path (folder, stem);
  if (!g_file_get_contents (state_path, &state, NULL, NULL))
    return TRUE;
  lines = g_strsplit (state, "\n", 3);
  if (g_strv_length (lines) < 2)
    return TRUE;
  /* The backup it describes may have been deleted by hand. */
  {
    g_autofree char *newest = g_build_filename (folder, lines[0], NULL);
    if (!g_file_test (newest, G_FILE_TEST_IS_REGULAR))
      return TRUE;
  }
  src = open_source (db_path, error);
  if (src == NULL)
    return FALSE;
  now = sz_backup_fingerprint (src);
  sqlite3_exec (src, "COMMIT", NULL, NULL, NULL);
  sqlite3_close_v2 (src);
  return now == NULL || !g_str_equal (now, lines[1]);
}

SzBackupInfo *
sz_backup_auto (const char               *db_path,
                const char               *folder,
                const char               *tag,
                const SzBackupRetention  *retention,
                GDateTime                *now,
                GCancellable             *cancellable,
                GError                  **error)
{
  g_autofree char *default_folder = NULL;
  g_autoptr(SzBackupInfo) info = NULL;
  g_autoptr(GPtrArray) deleted = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (db_path != NULL, NULL);

  if (folder == NULL)
    folder = default_folder = sz_backup_default_folder (db_path);
  if (!sz_backup_needed (db_path, folder, &local_error))
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      return NULL;
    }
  info = sz_backup_create (db_path, folder, tag, now, NULL, NULL, cancellable, error);
  if (info == NULL)
    return NULL;
  /* A rotation that fails leaves one backup too many: not worth an error. */
  deleted = sz_backup_rotate (db_path, folder, retention, now, NULL);
  return g_steal_pointer (&info);
}
