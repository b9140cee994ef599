/* sz-db.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "sz-core-types.h"

G_BEGIN_DECLS

#define SZ_DB_ERROR (sz_db_error_quark ())

typedef enum
{
  SZ_DB_ERROR_NOT_FOUND,      /* no database file where one was expected */
  SZ_DB_ERROR_CANT_OPEN,      /* folder missing, permissions */
  SZ_DB_ERROR_READ_ONLY,
  SZ_DB_ERROR_LOCKED,         /* another program holds it */
  SZ_DB_ERROR_NOT_A_DATABASE, /* not SQLite, or SQLite of another program */
  SZ_DB_ERROR_CORRUPT,
  SZ_DB_ERROR_FULL,
  SZ_DB_ERROR_TOO_NEW,        /* schema newer than this program */
  SZ_DB_ERROR_IO,
  SZ_DB_ERROR_FAILED,         /* anything else: a bug */
  SZ_DB_ERROR_UNREACHABLE,    /* the server cannot be reached (now) */
  SZ_DB_ERROR_DENIED,         /* the server refuses this staff member */
  SZ_DB_ERROR_STALE,          /* someone else changed the row meanwhile */
} SzDbError;

/* Where the data lives: an embedded SQLite file, or a PostgreSQL server
 * shared by the staff of a street office (a postgresql:// address). */
typedef enum
{
  SZ_DB_ENGINE_SQLITE,
  SZ_DB_ENGINE_POSTGRESQL,
} SzDbEngine;

typedef enum
{
  SZ_DB_OPEN_DEFAULT = 0,
  SZ_DB_OPEN_CREATE  = 1 << 0, /* create the file (mode 0600) if missing */
} SzDbOpenFlags;

/* The newest schema this program knows. */
#define SZ_DB_SCHEMA_VERSION 9

GQuark        sz_db_error_quark      (void);

/* TRUE for a postgresql:// or postgres:// address (a server), FALSE for
 * a file name. */
gboolean      sz_db_location_is_server (const char   *location);
SzDbEngine    sz_db_get_engine       (SzDb           *db);
/* Keeps @password for the server @location in the user's password file
 * (PGPASSFILE, else ~/.pgpass, mode 0600), where libpq finds it: never
 * in the address nor in the app's settings.  A line for the same server,
 * database and login is replaced. */
gboolean      sz_db_remember_password (const char    *location,
                                      const char     *password,
                                      GError        **error);

/* $XDG_DATA_HOME/sanzhang/sanzhang.db */
char         *sz_db_default_path     (void);
/* Opens @path, refusing (with nothing changed) a file that is not a
 * database, another program's database, a damaged one or one with a newer
 * schema, then applies the pending migrations, each in one transaction
 * (after a backup copy of the file as it was, tag "migration", in
 * sz_backup_default_folder(): no copy, no migration).  A file up to 50 MB
 * gets PRAGMA quick_check first: damage is refused with SZ_DB_ERROR_CORRUPT
 * naming what the check found.  A full disk is SZ_DB_ERROR_FULL, also
 * here.
 * With SZ_DB_OPEN_CREATE, creates the file mode 0600, and its folder mode
 * 0700 if that is missing too. */
SzDb         *sz_db_open             (const char     *path,
                                      SzDbOpenFlags   flags,
                                      GError        **error);
void          sz_db_close            (SzDb           *db);
const char   *sz_db_get_path         (SzDb           *db);
/* For messages and titles: the file's name, or the server's address
 * without its password. */
const char   *sz_db_get_display_name (SzDb           *db);
int           sz_db_get_schema_version (SzDb         *db);
/* How long a statement waits for another program's lock (default 5 s). */
void          sz_db_set_busy_timeout (SzDb           *db,
                                      int             msec);
/* Who the audit log names for this connection's changes (default: the
 * OS user). */
void          sz_db_set_actor        (SzDb           *db,
                                      const char     *actor);
const char   *sz_db_get_actor        (SzDb           *db);

/* Transactions: every user action is one.  They nest (savepoints), so an
 * action may call others.  A failed step makes the whole outermost
 * transaction roll back: sz_db_end() with @ok FALSE, or a failed commit. */
gboolean      sz_db_begin            (SzDb           *db,
                                      GError        **error);
gboolean      sz_db_end              (SzDb           *db,
                                      gboolean        ok,
                                      GError        **error);
gboolean      sz_db_in_transaction   (SzDb           *db);
/* For a bulk loader inside its own transaction that rolls the whole of it
 * back on any failure (the import): until sz_db_end_bulk(), the begins
 * and ends nested in the current transaction take no savepoints, which
 * spares two statements in every save of a 40,000-row file.  A nested
 * failure then leaves its partial writes for the outer rollback. */
void          sz_db_begin_bulk       (SzDb           *db);
void          sz_db_end_bulk         (SzDb           *db);

/* For src/core only: SQL stays behind the core's functions.  NULL on a
 * server. */
sqlite3      *sz_db_handle           (SzDb           *db);
/* A cached statement, reset and with its bindings cleared.  One statement
 * per SQL text: a loop over its rows must not call anything that prepares
 * the same text (collect the rows first). */
SzStmt       *sz_db_prepare          (SzDb           *db,
                                      const char     *sql,
                                      GError        **error);
/* Runs the statement (the first time after a reset), or moves to its next
 * row; a failure becomes a translated SZ_DB_ERROR.  Returns SQLITE_ROW,
 * SQLITE_DONE, or 0 with @error set.  The SQL is SQLite's: on a server it
 * is translated once (parameters, INSERT OR IGNORE, COLLATE PINYIN …). */
int           sz_db_step             (SzDb           *db,
                                      SzStmt         *stmt,
                                      GError        **error);
/* Rows changed by the last INSERT, UPDATE or DELETE. */
int           sz_db_changes          (SzDb           *db);
/* Runs SQL without results (no user text in it!). */
gboolean      sz_db_exec             (SzDb           *db,
                                      const char     *sql,
                                      GError        **error);
/* Sets @error from SQLite result code @rc, naming the database file. */
void          sz_db_set_error        (SzDb           *db,
                                      int             rc,
                                      GError        **error);
gint64        sz_db_last_insert_id   (SzDb           *db);
/* TRUE when the last failure was a rule of the schema (a unique, check or
 * foreign key constraint, or a trigger refusing it). */
gboolean      sz_db_failed_on_constraint (SzDb       *db);

/* Damage: once SQLite reports it on any statement (SQLITE_CORRUPT, or
 * SQLITE_NOTADB after opening), the quick check on opening finds it (files
 * up to 50 MB), or a caller reports it (sz-check.c's quick_check, the
 * backup's integrity_check: SZ_BACKUP_ERROR_SOURCE_DAMAGED), every write
 * through this SzDb is refused with SZ_DB_ERROR_CORRUPT, whose message says
 * which check found what.  Reads go on as far as they can.  @found reads
 * like “the integrity check of its backup copy found: …”; the first one
 * stays. */
void          sz_db_mark_damaged     (SzDb           *db,
                                      const char     *found);
/* NULL while no damage is known. */
const char   *sz_db_get_damage       (SzDb           *db);
/* TRUE when the quick check on opening was skipped: the file and its WAL
 * were unchanged (device, inode, size, mtime, ctime) since a check that
 * found nothing, as remembered in the user's cache folder. */
gboolean      sz_db_get_check_skipped (SzDb          *db);
/* Incremented on every committed change by this connection: lets caches
 * (the search index) know when to reload. */
guint64       sz_db_get_change_count (SzDb           *db);
/* What other programs committed (other staff on a server, whose every
 * change the server notifies; another program on the same file): a
 * count that only grows.  Cheap enough to ask every second. */
guint64       sz_db_get_others_changes (SzDb         *db);

/* A cache another core module keeps with this connection (the search
 * index); freed with it. */
gpointer      sz_db_get_data         (SzDb           *db,
                                      const char     *key);
void          sz_db_set_data_full    (SzDb           *db,
                                      const char     *key,
                                      gpointer        data,
                                      GDestroyNotify  destroy);

/* Binding helpers: NULL or "" binds SQL NULL for the _opt variant. */
void          sz_db_bind_text        (SzStmt         *stmt,
                                      int             idx,
                                      const char     *text);
void          sz_db_bind_text_opt    (SzStmt         *stmt,
                                      int             idx,
                                      const char     *text);
void          sz_db_bind_id_opt      (SzStmt         *stmt,
                                      int             idx,
                                      gint64          id);
char         *sz_db_column_dup       (SzStmt         *stmt,
                                      int             col);

/* sqlite3_bind_*() and sqlite3_column_*() of either engine.  Columns keep
 * SQLite's types: SQLITE_INTEGER, _FLOAT, _TEXT, _BLOB, _NULL. */
void          sz_stmt_reset          (SzStmt         *stmt);
void          sz_stmt_clear_bindings (SzStmt         *stmt);
void          sz_stmt_bind_int64     (SzStmt         *stmt,
                                      int             idx,
                                      gint64          value);
void          sz_stmt_bind_int       (SzStmt         *stmt,
                                      int             idx,
                                      int             value);
void          sz_stmt_bind_double    (SzStmt         *stmt,
                                      int             idx,
                                      double          value);
void          sz_stmt_bind_null      (SzStmt         *stmt,
                                      int             idx);
void          sz_stmt_bind_blob      (SzStmt         *stmt,
                                      int             idx,
                                      const void     *data,
                                      gsize           len);
/* Valid once the statement ran (sz_db_step()). */
int           sz_stmt_column_count   (SzStmt         *stmt);
int           sz_stmt_column_type    (SzStmt         *stmt,
                                      int             col);
gint64        sz_stmt_column_int64   (SzStmt         *stmt,
                                      int             col);
int           sz_stmt_column_int     (SzStmt         *stmt,
                                      int             col);
double        sz_stmt_column_double  (SzStmt         *stmt,
                                      int             col);
const unsigned char *sz_stmt_column_text (SzStmt     *stmt,
                                      int             col);
const void   *sz_stmt_column_blob    (SzStmt         *stmt,
                                      int             col);
int           sz_stmt_column_bytes   (SzStmt         *stmt,
                                      int             col);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SzDb, sz_db_close)

G_END_DECLS
