/* sz-db-statement.c: the statement cache, transactions, binding helpers.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sz-db.h"
#include "sz-db-private.h"

void
_sz_stmt_free (gpointer data)
{
  SzStmt *stmt = data;

  if (stmt->lite != NULL)
    sqlite3_finalize (stmt->lite);
  else
    {
      _sz_db_pg_reset (stmt);
      for (int i = 0; i < stmt->n_params; i++)
        g_free (stmt->values[i]);
      g_free (stmt->values);
      g_free (stmt->lengths);
      g_free (stmt->formats);
      g_free (stmt->kinds);
      g_free (stmt->sql);
      g_free (stmt->name);
    }
  g_free (stmt);
}

SzStmt *
sz_db_prepare (SzDb        *db,
               const char  *sql,
               GError     **error)
{
  SzStmt *stmt;
  int rc;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  stmt = g_hash_table_lookup (db->statements, sql);
  if (stmt != NULL)
    {
      if (stmt->lite != NULL)
        {
          sqlite3_reset (stmt->lite);
          sqlite3_clear_bindings (stmt->lite);
        }
      else
        {
          _sz_db_pg_reset (stmt);
          sz_stmt_clear_bindings (stmt);
        }
      return stmt;
    }

  stmt = g_new0 (SzStmt, 1);
  stmt->db = db;
  stmt->row = -1;
  if (db->engine == SZ_DB_ENGINE_POSTGRESQL)
    {
      stmt->sql = _sz_db_pg_translate (sql, db->pg_id_tables, &stmt->adds_id);
      /* ?NNN: the highest number is the count. */
      for (const char *p = stmt->sql; (p = strchr (p, '$')) != NULL; p++)
        stmt->n_params = MAX (stmt->n_params, (int) g_ascii_strtoll (p + 1, NULL, 10));
      stmt->values = g_new0 (char *, MAX (stmt->n_params, 1));
      stmt->lengths = g_new0 (int, MAX (stmt->n_params, 1));
      stmt->formats = g_new0 (int, MAX (stmt->n_params, 1));
      stmt->kinds = g_new0 (Oid, MAX (stmt->n_params, 1));
    }
  else
    {
      rc = sqlite3_prepare_v3 (db->handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt->lite, NULL);
      if (rc != SQLITE_OK)
        {
          g_free (stmt);
          sz_db_set_error (db, rc, error);
          return NULL;
        }
    }
  g_hash_table_insert (db->statements, g_strdup (sql), stmt);
  return stmt;
}

int
sz_db_step (SzDb          *db,
            SzStmt        *stmt,
            GError       **error)
{
  int rc;

  if (stmt->lite == NULL)
    return _sz_db_pg_step (db, stmt, error);
  rc = sqlite3_step (stmt->lite);
  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    return rc;
  sz_db_set_error (db, rc, error);
  sqlite3_reset (stmt->lite);
  return 0;
}

int
sz_db_changes (SzDb *db)
{
  g_return_val_if_fail (db != NULL, 0);
  if (db->engine == SZ_DB_ENGINE_POSTGRESQL)
    return db->pg_changes;
  return sqlite3_changes (db->handle);
}

gboolean
sz_db_exec (SzDb        *db,
            const char  *sql,
            GError     **error)
{
  int rc;

  g_return_val_if_fail (db != NULL, FALSE);

  if (db->engine == SZ_DB_ENGINE_POSTGRESQL)
    return _sz_db_pg_exec (db, sql, error);
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
  SzStmt *stmt = sz_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sz_db_step (db, stmt, error);
  sz_stmt_reset (stmt);
  return rc == SQLITE_DONE;
}

/* Reads one integer from a statement that should give exactly one. */
gboolean
_sz_db_query_int (SzDb        *db,
                  const char  *sql,
                  gint64      *value,
                  GError     **error)
{
  SzStmt *stmt = sz_db_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  if (sz_db_step (db, stmt, error) != SQLITE_ROW)
    {
      if (error != NULL && *error == NULL)
        sz_db_set_error (db, SQLITE_ERROR, error);
      return FALSE;
    }
  *value = sz_stmt_column_int64 (stmt, 0);
  sz_stmt_reset (stmt);
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
      if (!sz_db_exec (db, db->engine == SZ_DB_ENGINE_POSTGRESQL ? "BEGIN" : "BEGIN IMMEDIATE", error))
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
      if (db->engine == SZ_DB_ENGINE_POSTGRESQL)
        {
          if (db->pg != NULL && PQtransactionStatus (db->pg) != PQTRANS_IDLE)
            PQclear (PQexec (db->pg, "ROLLBACK"));
        }
      else if (!sqlite3_get_autocommit (db->handle))
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

  /* On a server, other staff's changes arrive as notifications. */
  if (db->engine == SZ_DB_ENGINE_POSTGRESQL)
    return db->ends + _sz_db_pg_poll (db);
  /* data_version moves when another connection commits; our own
   * transactions we count ourselves.  Both only grow, so their sum changes
   * whenever the data may have. */
  if (!_sz_db_query_int (db, "PRAGMA data_version", &data_version, NULL))
    data_version = 0;
  return db->ends + (guint64) data_version;
}

guint64
sz_db_get_others_changes (SzDb *db)
{
  gint64 data_version = 0;

  g_return_val_if_fail (db != NULL, 0);
  if (db->engine == SZ_DB_ENGINE_POSTGRESQL)
    return _sz_db_pg_poll (db);
  if (!_sz_db_query_int (db, "PRAGMA data_version", &data_version, NULL))
    return 0;
  return (guint64) data_version;
}

void
sz_db_bind_text (SzStmt     *stmt,
                 int         idx,
                 const char *text)
{
  if (stmt->lite != NULL)
    sqlite3_bind_text (stmt->lite, idx, text ? text : "", -1, SQLITE_TRANSIENT);
  else if (idx >= 1 && idx <= stmt->n_params)
    {
      g_free (stmt->values[idx - 1]);
      stmt->values[idx - 1] = g_strdup (text ? text : "");
      stmt->formats[idx - 1] = 0;
      stmt->kinds[idx - 1] = 25;
    }
}

void
sz_db_bind_text_opt (SzStmt     *stmt,
                     int         idx,
                     const char *text)
{
  if (text == NULL || *text == '\0')
    sz_stmt_bind_null (stmt, idx);
  else
    sz_db_bind_text (stmt, idx, text);
}

void
sz_db_bind_id_opt (SzStmt *stmt,
                   int     idx,
                   gint64  id)
{
  if (id <= 0)
    sz_stmt_bind_null (stmt, idx);
  else
    sz_stmt_bind_int64 (stmt, idx, id);
}

char *
sz_db_column_dup (SzStmt *stmt,
                  int     col)
{
  const unsigned char *text = sz_stmt_column_text (stmt, col);

  return text ? g_strdup ((const char *) text) : NULL;
}

void
sz_stmt_reset (SzStmt *stmt)
{
  if (stmt->lite != NULL)
    sqlite3_reset (stmt->lite);
  else
    _sz_db_pg_reset (stmt);
}

void
sz_stmt_clear_bindings (SzStmt *stmt)
{
  if (stmt->lite != NULL)
    sqlite3_clear_bindings (stmt->lite);
  else
    for (int i = 0; i < stmt->n_params; i++)
      {
        g_clear_pointer (&stmt->values[i], g_free);
        stmt->kinds[i] = 0;
      }
}

/* A parameter of a server statement, taken over; out of range is ignored
 * as SQLite does (with SQLITE_RANGE). */
static void
pg_bind (SzStmt *stmt,
         int     idx,
         char   *value,
         int     length,
         int     format,
         Oid     kind)
{
  if (idx < 1 || idx > stmt->n_params)
    {
      g_free (value);
      return;
    }
  g_free (stmt->values[idx - 1]);
  stmt->values[idx - 1] = value;
  stmt->lengths[idx - 1] = length;
  stmt->formats[idx - 1] = format;
  stmt->kinds[idx - 1] = kind;
}

void
sz_stmt_bind_int64 (SzStmt *stmt,
                    int     idx,
                    gint64  value)
{
  if (stmt->lite != NULL)
    sqlite3_bind_int64 (stmt->lite, idx, value);
  else
    pg_bind (stmt, idx, g_strdup_printf ("%" G_GINT64_FORMAT, value), 0, 0, 20);
}

void
sz_stmt_bind_int (SzStmt *stmt,
                  int     idx,
                  int     value)
{
  sz_stmt_bind_int64 (stmt, idx, value);
}

void
sz_stmt_bind_double (SzStmt *stmt,
                     int     idx,
                     double  value)
{
  if (stmt->lite != NULL)
    sqlite3_bind_double (stmt->lite, idx, value);
  else
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      pg_bind (stmt, idx, g_strdup (g_ascii_dtostr (buf, sizeof buf, value)), 0, 0, 701);
    }
}

void
sz_stmt_bind_null (SzStmt *stmt,
                   int     idx)
{
  if (stmt->lite != NULL)
    sqlite3_bind_null (stmt->lite, idx);
  else
    pg_bind (stmt, idx, NULL, 0, 0, 0);
}

void
sz_stmt_bind_blob (SzStmt     *stmt,
                   int         idx,
                   const void *data,
                   gsize       len)
{
  if (stmt->lite != NULL)
    sqlite3_bind_blob64 (stmt->lite, idx, data, len, SQLITE_TRANSIENT);
  else
    pg_bind (stmt, idx, g_memdup2 (data != NULL ? data : "", MAX (len, 1)), (int) len, 1, 17);
}

/* The current row's column on a server: NULL for SQL NULL, or past the
 * rows. */
static const char *
pg_value (SzStmt *stmt,
          int     col)
{
  if (stmt->result == NULL || stmt->row < 0 || stmt->row >= stmt->n_rows
      || col < 0 || col >= PQnfields (stmt->result)
      || PQgetisnull (stmt->result, stmt->row, col))
    return NULL;
  return PQgetvalue (stmt->result, stmt->row, col);
}

#define PG_BOOL 16
#define PG_BYTEA 17
#define PG_INT8 20
#define PG_INT2 21
#define PG_INT4 23
#define PG_FLOAT4 700
#define PG_FLOAT8 701
#define PG_NUMERIC 1700

int
sz_stmt_column_count (SzStmt *stmt)
{
  if (stmt->lite != NULL)
    return sqlite3_column_count (stmt->lite);
  return stmt->result != NULL ? PQnfields (stmt->result) : 0;
}

int
sz_stmt_column_type (SzStmt *stmt,
                     int     col)
{
  if (stmt->lite != NULL)
    return sqlite3_column_type (stmt->lite, col);
  if (pg_value (stmt, col) == NULL)
    return SQLITE_NULL;
  switch (PQftype (stmt->result, col))
    {
    case PG_BOOL:
    case PG_INT8:
    case PG_INT2:
    case PG_INT4:
      return SQLITE_INTEGER;
    case PG_FLOAT4:
    case PG_FLOAT8:
    case PG_NUMERIC:
      return SQLITE_FLOAT;
    case PG_BYTEA:
      return SQLITE_BLOB;
    default:
      return SQLITE_TEXT;
    }
}

gint64
sz_stmt_column_int64 (SzStmt *stmt,
                      int     col)
{
  const char *v;

  if (stmt->lite != NULL)
    return sqlite3_column_int64 (stmt->lite, col);
  v = pg_value (stmt, col);
  if (v == NULL)
    return 0;
  /* A comparison is a boolean on the server, 1 or 0 in SQLite. */
  if (PQftype (stmt->result, col) == PG_BOOL)
    return v[0] == 't';
  if (PQftype (stmt->result, col) == PG_FLOAT8 || PQftype (stmt->result, col) == PG_NUMERIC
      || PQftype (stmt->result, col) == PG_FLOAT4)
    return (gint64) g_ascii_strtod (v, NULL);
  return g_ascii_strtoll (v, NULL, 10);
}

int
sz_stmt_column_int (SzStmt *stmt,
                    int     col)
{
  if (stmt->lite != NULL)
    return sqlite3_column_int (stmt->lite, col);
  return (int) sz_stmt_column_int64 (stmt, col);
}

double
sz_stmt_column_double (SzStmt *stmt,
                       int     col)
{
  const char *v;

  if (stmt->lite != NULL)
    return sqlite3_column_double (stmt->lite, col);
  v = pg_value (stmt, col);
  if (v != NULL && PQftype (stmt->result, col) == PG_BOOL)
    return v[0] == 't';
  return v != NULL ? g_ascii_strtod (v, NULL) : 0.0;
}

const unsigned char *
sz_stmt_column_text (SzStmt *stmt,
                     int     col)
{
  const char *v;

  if (stmt->lite != NULL)
    return sqlite3_column_text (stmt->lite, col);
  v = pg_value (stmt, col);
  if (v != NULL && PQftype (stmt->result, col) == PG_BOOL)
    return (const unsigned char *) (v[0] == 't' ? "1" : "0");
  return (const unsigned char *) v;
}

/* bytea comes as text (\x…): unescaped once per row and column. */
static const unsigned char *
pg_blob (SzStmt *stmt,
         int     col,
         size_t *len)
{
  const char *v = pg_value (stmt, col);
  int n = stmt->result != NULL ? PQnfields (stmt->result) : 0;

  *len = 0;
  if (v == NULL)
    return NULL;
  if (PQftype (stmt->result, col) != PG_BYTEA)
    {
      *len = strlen (v);
      return (const unsigned char *) v;
    }
  if (stmt->blobs == NULL)
    {
      stmt->blobs = g_new0 (unsigned char *, n);
      stmt->blob_lengths = g_new0 (size_t, n);
    }
  if (stmt->blobs[col] == NULL)
    stmt->blobs[col] = PQunescapeBytea ((const unsigned char *) v, &stmt->blob_lengths[col]);
  *len = stmt->blob_lengths[col];
  return stmt->blobs[col];
}

const void *
sz_stmt_column_blob (SzStmt *stmt,
                     int     col)
{
  size_t len;

  if (stmt->lite != NULL)
    return sqlite3_column_blob (stmt->lite, col);
  return pg_blob (stmt, col, &len);
}

int
sz_stmt_column_bytes (SzStmt *stmt,
                      int     col)
{
  size_t len;

  if (stmt->lite != NULL)
    return sqlite3_column_bytes (stmt->lite, col);
  pg_blob (stmt, col, &len);
  return (int) len;
}
