/* sz-db.c: the connection: opening a file (and refusing, unchanged, one
 * that is not ours to open), its settings and what it carries.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "sz-backup.h"
#include "sz-backup-private.h"
#include "sz-db.h"
#include "sz-db-private.h"
#include "sz-pinyin.h"
#include "sz-safe-file.h"
#include "sz-core-resources.h"

#define DEFAULT_BUSY_TIMEOUT_MS 5000

char *
sz_db_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "sanzhang", "sanzhang.db", NULL);
}

static void
actor_func (sqlite3_context  *ctx,
            int               argc,
            sqlite3_value   **argv)
{
  SzDb *self = sqlite3_user_data (ctx);

  sqlite3_result_text (ctx, self->actor, -1, SQLITE_TRANSIENT);
}

static int
pinyin_collation (void       *data,
                  int         len_a,
                  const void *a,
                  int         len_b,
                  const void *b)
{
  g_autofree char *sa = g_strndup (a, len_a);
  g_autofree char *sb = g_strndup (b, len_b);

  return sz_pinyin_collate (sa, sb);
}

/* Makes the file (and its folder) before SQLite does, so that it is the
 * owner's only: SQLite gives the -wal and -shm files the mode of the
 * database file. */
static gboolean
create_file (const char  *path,
             GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *display = g_filename_display_name (path);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_autofree char *dir_display = g_filename_display_name (dir);
      g_set_error (error, SZ_DB_ERROR, SZ_DB_ERROR_CANT_OPEN,
                   /* Translators: the first %s is a folder, the second the system's reason */
                   _("Cannot create the folder “%s” for the database: %s"),
                   dir_display, g_strerror (saved));
      return FALSE;
    }

  fd = g_open (path, O_CREAT | O_EXCL | O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, SZ_DB_ERROR,
                   saved == EROFS || saved == EACCES ? SZ_DB_ERROR_READ_ONLY : SZ_DB_ERROR_CANT_OPEN,
                   /* Translators: the first %s is a file name, the second the system's reason */
                   _("Cannot create the database “%s”: %s"),
                   display, g_strerror (saved));
      return FALSE;
    }
  close (fd);
  return TRUE;
}

/* Looks at the file read-only before anything writes to it, so that a file
 * we must refuse is left exactly as it was. */
static gboolean
check_existing (SzDb     *db,
                GError  **error)
{
  gint64 version = 0;
  gint64 objects = 0;

  if (!_sz_db_query_int (db, "PRAGMA user_version", &version, error)
      || !_sz_db_query_int (db, "SELECT count(*) FROM sqlite_schema", &objects, error))
    return FALSE;

  if (version > SZ_DB_SCHEMA_VERSION)
    {
      g_set_error (error, SZ_DB_ERROR, SZ_DB_ERROR_TOO_NEW,
                   /* Translators: %s is a file name, the numbers are schema versions */
                   _("The database “%s” was written by a newer version of Sanzhang "
                     "(data format %d; this version reads up to %d). "
                     "Nothing was changed: install the newer version to open it."),
                   db->display_name, (int) version, SZ_DB_SCHEMA_VERSION);
      return FALSE;
    }
  if (version == 0 && objects > 0)
    {
      g_set_error (error, SZ_DB_ERROR, SZ_DB_ERROR_NOT_A_DATABASE,
                   /* Translators: %s is a file name */
                   _("“%s” is a database of another program, not of Sanzhang. It was left as it was."),
                   db->display_name);
      return FALSE;
    }
  db->schema_version = (int) version;
  return TRUE;
}

/* Opens (or, with @exclusive, opens again in exclusive locking mode) the
 * connection and registers what Sanzhang's schema needs. */
static gboolean
open_handle (SzDb      *db,
             gboolean   exclusive,
             GError   **error)
{
  int rc;

  if (db->handle != NULL)
    {
      g_hash_table_remove_all (db->statements);
      sqlite3_close_v2 (db->handle);
      db->handle = NULL;
    }
  rc = sqlite3_open_v2 (db->path, &db->handle, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    {
      sz_db_set_error (db, rc, error);
      return FALSE;
    }
  sqlite3_extended_result_codes (db->handle, 1);
  sqlite3_busy_timeout (db->handle, DEFAULT_BUSY_TIMEOUT_MS);

  /* SQLite opens a write-protected file read-only without saying so. */
  if (sqlite3_db_readonly (db->handle, "main") == 1)
    {
      sz_db_set_error (db, SQLITE_READONLY, error);
      return FALSE;
    }

  sqlite3_create_function_v2 (db->handle, "sz_actor", 0, SQLITE_UTF8 | SQLITE_INNOCUOUS,
                              db, actor_func, NULL, NULL, NULL);
  sqlite3_create_collation_v2 (db->handle, "PINYIN", SQLITE_UTF8, NULL, pinyin_collation, NULL);
  return !exclusive || sz_db_exec (db, "PRAGMA locking_mode = EXCLUSIVE", error);
}

SzDb *
sz_db_open (const char     *path,
            SzDbOpenFlags   flags,
            GError        **error)
{
  g_autoptr(SzDb) db = NULL;
  g_autofree char *mode = NULL;
  gboolean full_disk = FALSE;
  SzStmt *stmt;

  g_return_val_if_fail (path != NULL, NULL);

  {
    static gsize registered = 0;
    if (g_once_init_enter (&registered))
      {
        sz_core_register_resource ();
        g_once_init_leave (&registered, 1);
      }
  }

  if (sz_db_location_is_server (path))
    return _sz_db_pg_open (path, flags, error);

  db = g_new0 (SzDb, 1);
  db->engine = SZ_DB_ENGINE_SQLITE;
  db->path = g_strdup (path);
  db->display_name = g_filename_display_name (path);
  db->actor = g_strdup (g_get_user_name ());
  db->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, _sz_stmt_free);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (!(flags & SZ_DB_OPEN_CREATE))
        {
          g_set_error (error, SZ_DB_ERROR, SZ_DB_ERROR_NOT_FOUND,
                       /* Translators: %s is a file name */
                       _("There is no database at “%s”. Create one with “sanzhang-cli init” or “sanzhang-cli demo”."),
                       db->display_name);
          return NULL;
        }
      if (!create_file (path, error))
        return NULL;
    }
  else if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, SZ_DB_ERROR, SZ_DB_ERROR_CANT_OPEN,
                   /* Translators: %s is a folder name */
                   _("“%s” is a folder, not a database file."), db->display_name);
      return NULL;
    }
  else if (!(flags & SZ_DB_OPEN_CREATE))
    {
      GStatBuf st;

      /* An empty file is a valid SQLite database, but a command that only
       * reads must not quietly make it one. */
      if (g_stat (path, &st) == 0 && st.st_size == 0)
        {
          g_set_error (error, SZ_DB_ERROR, SZ_DB_ERROR_NOT_FOUND,
                       /* Translators: %s is a file name */
                       _("The file “%s” is empty: it holds no database yet. Create one with “sanzhang-cli init” or “sanzhang-cli demo”."),
                       db->display_name);
          return NULL;
        }
    }

  if (!open_handle (db, FALSE, error))
    return NULL;

  /* A full disk has no room for the WAL index (the -shm file) that
   * reading a WAL database needs: in exclusive locking mode SQLite keeps
   * it in memory, so the data can still be read (and shown, exported,
   * backed up elsewhere); every change fails with the disk-full message.
   * Other programs cannot open the file meanwhile. */
  {
    g_autoptr(GError) local_error = NULL;

    if (!check_existing (db, &local_error))
      {
        if (!g_error_matches (local_error, SZ_DB_ERROR, SZ_DB_ERROR_FULL) || !open_handle (db, TRUE, NULL))
          {
            g_propagate_error (error, g_steal_pointer (&local_error));
            return NULL;
          }
        full_disk = TRUE;
        if (!check_existing (db, error))
          return NULL;
      }
  }
  if (!_sz_db_check_damage (db, error))
    return NULL;

  /* WAL with synchronous=FULL: a committed change survives kill -9 and
   * power loss, and readers never wait for a writer. */
  stmt = sz_db_prepare (db, "PRAGMA journal_mode = WAL", full_disk ? NULL : error);
  if (stmt == NULL || sz_db_step (db, stmt, full_disk ? NULL : error) != SQLITE_ROW)
    {
      /* On a full disk, a file in rollback mode (just restored) stays so. */
      if (!full_disk)
        return NULL;
      stmt = sz_db_prepare (db, "PRAGMA journal_mode", error);
      if (stmt == NULL || sz_db_step (db, stmt, error) != SQLITE_ROW)
        return NULL;
    }
  mode = g_ascii_strdown ((const char *) sz_stmt_column_text (stmt, 0), -1);
  sz_stmt_reset (stmt);
  if (g_strcmp0 (mode, "wal") != 0 && !full_disk)
    {
      sz_db_set_error (db, SQLITE_BUSY, error);
      return NULL;
    }
  /* A bigger page cache (64 MiB at most, taken as pages are read) keeps a
   * year of issue records in memory between the list's queries.  Statement
   * and savepoint journals stay in memory too: a 40,000-row import nests a
   * savepoint in every save, and writing those journals to temporary files
   * was a fifth of its time. */
  if (!sz_db_exec (db, "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA cache_size = -65536;"
                       " PRAGMA temp_store = MEMORY", error))
    return NULL;

  /* A temporary file of a restore, an export or a backup killed half-way
   * holds names and phones: gone at the next start.  So is a rollback
   * journal left by a kill while the file was switched between journal
   * modes: SQLite rolled it back on the first read if it mattered, and in
   * WAL mode nothing uses it again. */
  {
    g_autofree char *dir = g_path_get_dirname (path);
    g_autofree char *folder = sz_backup_default_folder (path);

    sz_safe_file_clean_stale (dir);
    sz_backup_recover (path, folder);
    if (g_strcmp0 (mode, "wal") == 0)
      {
        g_autofree char *journal = g_strconcat (path, "-journal", NULL);
        g_unlink (journal);
      }
  }

  if (!_sz_db_migrate (db, error))
    return NULL;

  db->opened = TRUE;
  return g_steal_pointer (&db);
}

void
sz_db_close (SzDb *db)
{
  if (db == NULL)
    return;
  g_datalist_clear (&db->data);
  g_clear_pointer (&db->statements, g_hash_table_unref);
  if (db->handle != NULL)
    sqlite3_close_v2 (db->handle);
  if (db->engine == SZ_DB_ENGINE_POSTGRESQL)
    _sz_db_pg_close (db);
  g_free (db->path);
  g_free (db->display_name);
  g_free (db->actor);
  g_free (db->damage);
  g_free (db);
}

const char *
sz_db_get_path (SzDb *db)
{
  g_return_val_if_fail (db != NULL, NULL);
  return db->path;
}

const char *
sz_db_get_display_name (SzDb *db)
{
  g_return_val_if_fail (db != NULL, NULL);
  return db->display_name;
}

int
sz_db_get_schema_version (SzDb *db)
{
  g_return_val_if_fail (db != NULL, 0);
  return db->schema_version;
}

void
sz_db_set_busy_timeout (SzDb *db,
                        int   msec)
{
  g_return_if_fail (db != NULL);
  if (db->engine == SZ_DB_ENGINE_POSTGRESQL)
    {
      g_autofree char *sql = g_strdup_printf ("SET lock_timeout = %d", msec);

      PQclear (PQexec (db->pg, sql));
      return;
    }
  sqlite3_busy_timeout (db->handle, msec);
}

void
sz_db_set_actor (SzDb       *db,
                 const char *actor)
{
  g_return_if_fail (db != NULL);
  g_return_if_fail (actor != NULL && *actor != '\0');
  g_free (db->actor);
  db->actor = g_strdup (actor);
  /* The server logs it only from its administrators (sz_actor()). */
  if (db->engine == SZ_DB_ENGINE_POSTGRESQL)
    {
      const char *values[1] = { actor };

      PQclear (PQexecParams (db->pg, "SELECT set_config('sanzhang.actor', $1, false)", 1, NULL, values, NULL, NULL, 0));
    }
}

const char *
sz_db_get_actor (SzDb *db)
{
  g_return_val_if_fail (db != NULL, NULL);
  return db->actor;
}

gboolean
sz_db_failed_on_constraint (SzDb *db)
{
  g_return_val_if_fail (db != NULL, FALSE);
  if (db->engine == SZ_DB_ENGINE_POSTGRESQL)
    return db->pg_state != NULL && (g_str_has_prefix (db->pg_state, "23") || g_str_equal (db->pg_state, "P0001"));
  return (sqlite3_errcode (db->handle) & 0xff) == SQLITE_CONSTRAINT;
}

SzDbEngine
sz_db_get_engine (SzDb *db)
{
  g_return_val_if_fail (db != NULL, SZ_DB_ENGINE_SQLITE);
  return db->engine;
}

sqlite3 *
sz_db_handle (SzDb *db)
{
  g_return_val_if_fail (db != NULL, NULL);
  return db->handle;
}

gint64
sz_db_last_insert_id (SzDb *db)
{
  g_return_val_if_fail (db != NULL, 0);
  if (db->engine == SZ_DB_ENGINE_POSTGRESQL)
    return db->pg_last_id;
  return sqlite3_last_insert_rowid (db->handle);
}

gpointer
sz_db_get_data (SzDb       *db,
                const char *key)
{
  g_return_val_if_fail (db != NULL, NULL);
  return g_datalist_get_data (&db->data, key);
}

void
sz_db_set_data_full (SzDb           *db,
                     const char     *key,
                     gpointer        data,
                     GDestroyNotify  destroy)
{
  g_return_if_fail (db != NULL);
  g_datalist_set_data_full (&db->data, key, data, destroy);
}
