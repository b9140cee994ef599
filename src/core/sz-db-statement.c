/* sz-db-statement.c: the statement cache, transactions, binding helpers.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sz-db.h"
#include "sz-db-private.h"

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

/* Savepoints are taken and released in every save: a cached statement
 * spares parsing them each time (a 40,000-row import saves 120,000
 * times). */
static gboolean
exec_cached (SzDb        *db,
             const char  *sql,
             GError     **error)
{
  sqlite3_stmt *stmt = sz_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sz_db_step (db, stmt, error);
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE;
}

/* Reads one integer from a statement that should give exactly one. */
gboolean
_sz_db_query_int (SzDb        *db,
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

  /* Known damage stops every change before it starts: writing into a file
   * with a damaged page can only spread the damage. */
  if (db->damage != NULL)
    {
      sz_db_set_error (db, SQLITE_CORRUPT, error);
      return FALSE;
    }

  /* IMMEDIATE takes the write lock now, so a locked database fails here,
   * before anything is done, and never half-way through. */
  if (db->depth == 0)
    {
      if (!sz_db_exec (db, "BEGIN IMMEDIATE", error))
        return FALSE;
    }
  else if (db->bulk_depth == 0 || db->depth < db->bulk_depth)
    {
      sql = g_strdup_printf ("SAVEPOINT sz_%u", db->depth);
      if (!exec_cached (db, sql, error))
        return FALSE;
    }
  db->depth++;
  return TRUE;
}

void
sz_db_begin_bulk (SzDb *db)
{
  g_return_if_fail (db != NULL);
  g_return_if_fail (db->depth > 0 && db->bulk_depth == 0);
  db->bulk_depth = db->depth;
}

void
sz_db_end_bulk (SzDb *db)
{
  g_return_if_fail (db != NULL);
  g_return_if_fail (db->bulk_depth > 0 && db->depth >= db->bulk_depth);
  db->bulk_depth = 0;
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

  /* Inside a bulk load: no savepoint was taken (see sz_db_begin_bulk). */
  if (db->bulk_depth > 0 && db->depth >= db->bulk_depth)
    return ok;

  if (!ok)
    {
      g_autofree char *rollback = g_strdup_printf ("ROLLBACK TO sz_%u", db->depth);

      if (!exec_cached (db, rollback, NULL))
        return FALSE;
    }
  sql = g_strdup_printf ("RELEASE sz_%u", db->depth);
  if (!exec_cached (db, sql, ok ? error : NULL))
    return FALSE;
  return ok;
}

gboolean
sz_db_in_transaction (SzDb *db)
{
  g_return_val_if_fail (db != NULL, FALSE);
  return db->depth > 0;
}

guint64
sz_db_get_change_count (SzDb *db)
{
  gint64 data_version = 0;

  g_return_val_if_fail (db != NULL, 0);

  /* data_version moves when another connection commits; our own
   * transactions we count ourselves.  Both only grow, so their sum changes
   * whenever the data may have. */
  if (!_sz_db_query_int (db, "PRAGMA data_version", &data_version, NULL))
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
