/* sz-db-private.h: shared by the files of SzDb in src/core.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sz-db.h"

G_BEGIN_DECLS

/* What the files of SzDb share: sz-db.c (the connection and opening it),
 * sz-db-error.c (SQLite's codes as SZ_DB_ERROR, damage), sz-db-migrate.c
 * and sz-db-statement.c (the statement cache, transactions). */

struct _SzDb
{
  sqlite3    *handle;
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

G_END_DECLS
