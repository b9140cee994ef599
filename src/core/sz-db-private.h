/* sz-db-private.h: shared by the files of SzDb in src/core.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libpq-fe.h>

#include "sz-db.h"

G_BEGIN_DECLS

/* What the files of SzDb share: sz-db.c (the connection and opening it),
 * sz-db-error.c (SQLite's codes as SZ_DB_ERROR, damage), sz-db-migrate.c
 * and sz-db-statement.c (the statement cache, transactions). */

/* A statement: SQLite's, or on a server its translated SQL, its
 * parameters as text and the rows of its last run. */
struct _SzStmt
{
  SzDb         *db;
  sqlite3_stmt *lite;        /* SQLite; NULL on a server */
  /* PostgreSQL */
  char         *sql;         /* translated */
  char         *name;        /* prepared as; NULL until the first run */
  guint         generation;  /* of the connection it was prepared on */
  int           n_params;
  char        **values;      /* [n_params]; NULL: SQL NULL */
  int          *lengths;
  int          *formats;     /* 1 for bytea bound as bytes */
  Oid          *kinds;       /* what was bound: int8, float8, text, bytea; 0: NULL */
  PGresult     *result;      /* of the last run; NULL before one */
  int           row;         /* the current row; -1 before the first */
  int           n_rows;
  gboolean      adds_id;     /* the translation added RETURNING id */
  unsigned char **blobs;     /* bytea columns of the current row, unescaped */
  size_t       *blob_lengths;
};

struct _SzDb
{
  SzDbEngine  engine;
  sqlite3    *handle;
  PGconn     *pg;           /* on a server */
  guint       pg_generation; /* connections made: statements prepare again */
  guint       pg_names;     /* prepared statements named so far */
  gint64      pg_last_id;
  int         pg_changes;
  char       *pg_state;     /* SQLSTATE of the last failure */
  char       *pg_message;   /* the server's words for it */
  GHashTable *pg_id_tables; /* tables with an id column */
  guint64     pg_notified;  /* changes other staff made (NOTIFY) */
  char       *path;
  char       *display_name;
  char       *actor;
  GHashTable *statements;   /* SQL text → sqlite3_stmt */
  guint       depth;        /* transaction nesting */
  guint       bulk_depth;   /* > 0: nested begins above it take no savepoint */
  guint64     ends;         /* transactions ended, committed or not */
  GData      *data;         /* caches other modules keep per database */
  int         schema_version;
  gboolean    opened;       /* past the checks of sz_db_open */
  char       *damage;       /* which check found what; NULL: none known */
  gboolean    check_skipped; /* the file was unchanged since a clean check */
};

/* sz-db-statement.c: one integer from a statement that should give
 * exactly one. */
gboolean _sz_db_query_int    (SzDb        *db,
                              const char  *sql,
                              gint64      *value,
                              GError     **error);
/* sz-db-error.c: the quick check on opening.  Damage it finds marks @db
 * damaged and fails with SZ_DB_ERROR_CORRUPT. */
gboolean _sz_db_check_damage (SzDb        *db,
                              GError     **error);
/* sz-db-migrate.c: a backup copy of a file with an older schema, then
 * every pending migration, each in one transaction. */
gboolean _sz_db_migrate      (SzDb        *db,
                              GError     **error);

/* sz-db-pg.c: the server. */
SzDb    *_sz_db_pg_open      (const char    *location,
                              SzDbOpenFlags  flags,
                              GError       **error);
void     _sz_db_pg_close     (SzDb        *db);
char    *_sz_db_pg_translate (const char  *sql,
                              GHashTable  *id_tables,
                              gboolean    *adds_id);
int      _sz_db_pg_step      (SzDb        *db,
                              SzStmt      *stmt,
                              GError     **error);
void     _sz_db_pg_reset     (SzStmt      *stmt);
gboolean _sz_db_pg_exec      (SzDb        *db,
                              const char  *sql,
                              GError     **error);
void     _sz_db_pg_set_error (SzDb        *db,
                              GError     **error);
gboolean _sz_db_pg_exec_script (SzDb      *db,
                              const char  *sql,
                              GError     **error);
guint64  _sz_db_pg_poll      (SzDb        *db);
/* After a migration: which tables have an id, and no statement prepared
 * against the schema before. */
gboolean _sz_db_pg_schema_changed (SzDb   *db,
                              GError     **error);

/* sz-db-statement.c: frees a statement of either engine. */
void     _sz_stmt_free       (gpointer     data);

G_END_DECLS
