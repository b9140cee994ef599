/* sz-db.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <gio/gio.h>
#include <unistd.h>

#include "sz-audit.h"
#include "sz-db.h"
#include "sz-duty.h"
#include "sz-record.h"
#include "sz-pinyin.h"
#include "sz-core-resources.h"

#define DEFAULT_BUSY_TIMEOUT_MS 5000
#define RESOURCE_SQL "/org/sanzhang/Sanzhang/core/sql/"

struct _SzDb
{
  sqlite3    *handle;
  char       *path;
  char       *display_name;
  char       *actor;
  GHashTable *statements;   /* SQL text → sqlite3_stmt */
  guint       depth;        /* transaction nesting */
  guint64     ends;         /* transactions ended, committed or not */
  GData      *data;         /* caches other modules keep per database */
  int         schema_version;
};

/* A migration: its SQL file, then the C steps that need the program
 * (translated seed data, generated triggers), in the same transaction. */
typedef struct
{
  int         version;
  const char *file;
  gboolean  (*after) (SzDb *db, GError **error);
} Migration;

static gboolean migrate_0001_after (SzDb *db, GError **error);
static gboolean migrate_0003_after (SzDb *db, GError **error);

static const Migration migrations[] = {
  { 1, "0001-roster.sql", migrate_0001_after },
  { 2, "0002-boards.sql", NULL },
  { 3, "0003-records.sql", migrate_0003_after },
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == SZ_DB_SCHEMA_VERSION);

G_DEFINE_QUARK (sz-db-error-quark, sz_db_error)

char *
sz_db_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "sanzhang", "sanzhang.db", NULL);
}

void
sz_db_set_error (SzDb    *db,
                 int      rc,
                 GError **error)
{
  const char *file = db ? db->display_name : "";
  int primary = rc & 0xff;

  switch (primary)
    {
    case SQLITE_READONLY:
      g_set_error (error, SZ_DB_ERROR, SZ_DB_ERROR_READ_ONLY,
                   /* Translators: %s is a file name */
                   _("The database “%s” cannot be written: the file or its folder is read-only. "
                     "Check its permissions, or copy it to a folder you can write to."), file);
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, SZ_DB_ERROR, SZ_DB_ERROR_LOCKED,
                   /* Translators: %s is a file name */
                   _("The database “%s” is in use by another program. "
                     "Close the other program (or the other Sanzhang window) and try again."), file);
      break;
    case SQLITE_NOTADB:
      g_set_error (error, SZ_DB_ERROR, SZ_DB_ERROR_NOT_A_DATABASE,
                   /* Translators: %s is a file name */
                   _("“%s” is not a Sanzhang database. Choose the right file; this one was left as it was."), file);
      break;
    case SQLITE_CORRUPT:
      g_set_error (error, SZ_DB_ERROR, SZ_DB_ERROR_CORRUPT,
                   /* Translators: %s is a file name */
                   _("The database “%s” is damaged. Nothing was changed; restore it from a backup copy."), file);
      break;
    case SQLITE_FULL:
      g_set_error (error, SZ_DB_ERROR, SZ_DB_ERROR_FULL,
                   /* Translators: %s is a file name */
                   _("The disk holding the database “%s” is full: the change was not saved. "
                     "Free some space and try again."), file);
      break;
    case SQLITE_CANTOPEN:
      g_set_error (error, SZ_DB_ERROR, SZ_DB_ERROR_CANT_OPEN,
                   /* Translators: %s is a file name */
                   _("The database “%s” cannot be opened: check that its folder exists and that you may read and write it."), file);
      break;
    case SQLITE_IOERR:
    case SQLITE_PERM:
      g_set_error (error, SZ_DB_ERROR, SZ_DB_ERROR_IO,
                   /* Translators: the first %s is a file name, the second the system's reason */
                   _("The database “%s” could not be read or written (%s). Nothing was changed."),
                   file, sqlite3_errstr (rc));
      break;
    default:
      g_set_error (error, SZ_DB_ERROR, SZ_DB_ERROR_FAILED,
                   /* Translators: the first %s is a file name, the second SQLite's message */
                   _("The database “%s” reported an error: %s"),
                   file, db && db->handle ? sqlite3_errmsg (db->handle) : sqlite3_errstr (rc));
      break;
    }
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

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

sqlite3_stmt *
sz_db_prepare (SzDb        *db,
               const char  *sql,
               GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  stmt = g_hash_table_lookup (db->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (db->handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      sz_db_set_error (db, rc, error);
      return NULL;
    }
  g_hash_table_insert (db->statements, g_strdup (sql), stmt);
  return stmt;
}

int
sz_db_step (SzDb          *db,
            sqlite3_stmt  *stmt,
            GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    return rc;
  sz_db_set_error (db, rc, error);
  sqlite3_reset (stmt);
  return 0;
}

gboolean
sz_db_exec (SzDb        *db,
            const char  *sql,
            GError     **error)
{
  int rc;

  g_return_val_if_fail (db != NULL, FALSE);

  rc = sqlite3_exec (db->handle, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      sz_db_set_error (db, rc, error);
      return FALSE;
    }
  return TRUE;
}

/* Reads one integer from a statement that should give exactly one. */
static gboolean
query_int (SzDb        *db,
           const char  *sql,
           gint64      *value,
           GError     **error)
{
  sqlite3_stmt *stmt = sz_db_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  if (sz_db_step (db, stmt, error) != SQLITE_ROW)
    {
      if (error != NULL && *error == NULL)
        sz_db_set_error (db, SQLITE_ERROR, error);
      return FALSE;
    }
  *value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
sz_db_begin (SzDb    *db,
             GError **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (db != NULL, FALSE);

  /* IMMEDIATE takes the write lock now, so a locked database fails here,
   * before anything is done, and never half-way through. */
  if (db->depth == 0)
    sql = g_strdup ("BEGIN IMMEDIATE");
  else
    sql = g_strdup_printf ("SAVEPOINT sz_%u", db->depth);
  if (!sz_db_exec (db, sql, error))
    return FALSE;
  db->depth++;
  return TRUE;
}

gboolean
sz_db_end (SzDb      *db,
           gboolean   ok,
           GError   **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (db->depth > 0, FALSE);

  /* Caches built inside the transaction may hold rows that a rollback
   * takes back: every end, not only a commit, makes them stale. */
  db->ends++;
  db->depth--;
  if (db->depth == 0)
    {
      if (ok)
        {
          if (sz_db_exec (db, "COMMIT", error))
            return TRUE;
          /* A failed COMMIT (disk full, I/O) may leave the transaction
           * open: end it so that nothing of it stays. */
        }
      if (!sqlite3_get_autocommit (db->handle))
        sqlite3_exec (db->handle, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  if (ok)
    sql = g_strdup_printf ("RELEASE sz_%u", db->depth);
  else
    sql = g_strdup_printf ("ROLLBACK TO sz_%u; RELEASE sz_%u", db->depth, db->depth);
  if (!sz_db_exec (db, sql, ok ? error : NULL))
    return FALSE;
  return ok;
}

gboolean
sz_db_in_transaction (SzDb *db)
{
  g_return_val_if_fail (db != NULL, FALSE);
  return db->depth > 0;
}

static gboolean
migrate_0001_after (SzDb    *db,
                    GError **error)
{
  return sz_duty_seed_defaults (db, error);
}

static gboolean
migrate_0003_after (SzDb    *db,
                    GError **error)
{
  return sz_record_category_seed (db, error);
}

static gboolean
apply_migration (SzDb             *db,
                 const Migration  *m,
                 GError          **error)
{
  g_autofree char *path = g_strconcat (RESOURCE_SQL, m->file, NULL);
  g_autofree char *pragma = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *sql = NULL;
  const char *data;
  gsize len;
  gboolean ok;

  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_assert (bytes != NULL);
  data = g_bytes_get_data (bytes, &len);
  sql = g_strndup (data, len);

  if (!sz_db_begin (db, error))
    return FALSE;
  pragma = g_strdup_printf ("PRAGMA user_version = %d", m->version);
  /* Triggers first, so that the seed data is logged like any change. */
  ok = sz_db_exec (db, sql, error)
       && sz_audit_install_triggers (db, error)
       && (m->after == NULL || m->after (db, error))
       && sz_db_exec (db, pragma, error);
  if (!sz_db_end (db, ok, ok ? error : NULL))
    return FALSE;
  db->schema_version = m->version;
  return TRUE;
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

  if (!query_int (db, "PRAGMA user_version", &version, error)
      || !query_int (db, "SELECT count(*) FROM sqlite_schema", &objects, error))
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

SzDb *
sz_db_open (const char     *path,
            SzDbOpenFlags   flags,
            GError        **error)
{
  g_autoptr(SzDb) db = NULL;
  g_autofree char *mode = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  {
    static gsize registered = 0;
    if (g_once_init_enter (&registered))
      {
        sz_core_register_resource ();
        g_once_init_leave (&registered, 1);
      }
  }

  db = g_new0 (SzDb, 1);
  db->path = g_strdup (path);
  db->display_name = g_filename_display_name (path);
  db->actor = g_strdup (g_get_user_name ());
  db->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);

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

  rc = sqlite3_open_v2 (path, &db->handle, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    {
      sz_db_set_error (db, rc, error);
      return NULL;
    }
  sqlite3_extended_result_codes (db->handle, 1);
  sqlite3_busy_timeout (db->handle, DEFAULT_BUSY_TIMEOUT_MS);

  /* SQLite opens a write-protected file read-only without saying so. */
  if (sqlite3_db_readonly (db->handle, "main") == 1)
    {
      sz_db_set_error (db, SQLITE_READONLY, error);
      return NULL;
    }

  sqlite3_create_function_v2 (db->handle, "sz_actor", 0, SQLITE_UTF8 | SQLITE_INNOCUOUS,
                              db, actor_func, NULL, NULL, NULL);
  sqlite3_create_collation_v2 (db->handle, "PINYIN", SQLITE_UTF8, NULL, pinyin_collation, NULL);

  if (!check_existing (db, error))
    return NULL;

  /* WAL with synchronous=FULL: a committed change survives kill -9 and
   * power loss, and readers never wait for a writer. */
  stmt = sz_db_prepare (db, "PRAGMA journal_mode = WAL", error);
  if (stmt == NULL || sz_db_step (db, stmt, error) != SQLITE_ROW)
    return NULL;
  mode = g_ascii_strdown ((const char *) sqlite3_column_text (stmt, 0), -1);
  sqlite3_reset (stmt);
  if (g_strcmp0 (mode, "wal") != 0)
    {
      sz_db_set_error (db, SQLITE_BUSY, error);
      return NULL;
    }
  /* A bigger page cache (64 MiB at most, taken as pages are read) keeps a
   * year of issue records in memory between the list's queries. */
  if (!sz_db_exec (db, "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA cache_size = -65536", error))
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (migrations); i++)
    if (migrations[i].version > db->schema_version
        && !apply_migration (db, &migrations[i], error))
      return NULL;

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
  g_free (db->path);
  g_free (db->display_name);
  g_free (db->actor);
  g_free (db);
}

const char *
sz_db_get_path (SzDb *db)
{
  g_return_val_if_fail (db != NULL, NULL);
  return db->path;
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
}

const char *
sz_db_get_actor (SzDb *db)
{
  g_return_val_if_fail (db != NULL, NULL);
  return db->actor;
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
  return sqlite3_last_insert_rowid (db->handle);
}

guint64
sz_db_get_change_count (SzDb *db)
{
  gint64 data_version = 0;

  g_return_val_if_fail (db != NULL, 0);

  /* data_version moves when another connection commits; our own
   * transactions we count ourselves.  Both only grow, so their sum changes
   * whenever the data may have. */
  if (!query_int (db, "PRAGMA data_version", &data_version, NULL))
    data_version = 0;
  return db->ends + (guint64) data_version;
}

void
sz_db_bind_text (sqlite3_stmt *stmt,
                 int           idx,
                 const char   *text)
{
  sqlite3_bind_text (stmt, idx, text ? text : "", -1, SQLITE_TRANSIENT);
}

void
sz_db_bind_text_opt (sqlite3_stmt *stmt,
                     int           idx,
                     const char   *text)
{
  if (text == NULL || *text == '\0')
    sqlite3_bind_null (stmt, idx);
  else
    sqlite3_bind_text (stmt, idx, text, -1, SQLITE_TRANSIENT);
}

void
sz_db_bind_id_opt (sqlite3_stmt *stmt,
                   int           idx,
                   gint64        id)
{
  if (id <= 0)
    sqlite3_bind_null (stmt, idx);
  else
    sqlite3_bind_int64 (stmt, idx, id);
}

char *
sz_db_column_dup (sqlite3_stmt *stmt,
                  int           col)
{
  const unsigned char *text = sqlite3_column_text (stmt, col);

  return text ? g_strdup ((const char *) text) : NULL;
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
