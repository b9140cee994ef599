/* sz-copy.c: a whole database from one engine to the other (a community's
 * SQLite file onto the street office's new server, or the server's data
 * into a file), with its ids, the records' histories, the points ledger
 * and the audit log as they are; then both sides counted and hashed.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sz-copy.h"
#include "sz-db.h"
#include "sz-db-private.h"

G_DEFINE_QUARK (sz-copy-error-quark, sz_copy_error)

/* Not copied: the schema's own bookkeeping, a print run's transient
 * table, the server's grants (roles are the server's, not the file's). */
static gboolean
skipped_table (const char *name)
{
  return g_str_equal (name, "sanzhang_schema") || g_str_equal (name, "board_print_pending")
         || g_str_equal (name, "staff_grant") || g_str_equal (name, "community_deleting")
         || g_str_has_prefix (name, "sqlite_");
}

static GPtrArray *
list_tables (SzDb    *db,
             GError **error)
{
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  SzStmt *stmt;
  int rc;

  stmt = sz_db_prepare (db, sz_db_get_engine (db) == SZ_DB_ENGINE_POSTGRESQL
                            ? "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1"
                            : "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY 1", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sz_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      const char *name = (const char *) sz_stmt_column_text (stmt, 0);

      if (!skipped_table (name))
        g_ptr_array_add (tables, g_strdup (name));
    }
  sz_stmt_reset (stmt);
  return rc == SQLITE_DONE ? g_steal_pointer (&tables) : NULL;
}

/* The table's columns, in order. */
static GPtrArray *
list_columns (SzDb        *db,
              const char  *table,
              GError     **error)
{
  g_autoptr(GPtrArray) cols = g_ptr_array_new_with_free_func (g_free);
  SzStmt *stmt;
  int rc;

  if (sz_db_get_engine (db) == SZ_DB_ENGINE_POSTGRESQL)
    {
      stmt = sz_db_prepare (db, "SELECT column_name FROM information_schema.columns"
                                " WHERE table_schema = current_schema() AND table_name = ?1"
                                " ORDER BY ordinal_position", error);
      if (stmt == NULL)
        return NULL;
      sz_db_bind_text (stmt, 1, table);
    }
  else
    {
      stmt = sz_db_prepare (db, "SELECT name FROM pragma_table_info(?1) ORDER BY cid", error);
      if (stmt == NULL)
        return NULL;
      sz_db_bind_text (stmt, 1, table);
    }
  while ((rc = sz_db_step (db, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (cols, sz_db_column_dup (stmt, 0));
  sz_stmt_reset (stmt);
  return rc == SQLITE_DONE ? g_steal_pointer (&cols) : NULL;
}

static char *
select_sql (const char *table,
            GPtrArray  *cols)
{
  GString *sql = g_string_new ("SELECT ");

  for (guint i = 0; i < cols->len; i++)
    g_string_append_printf (sql, "%s\"%s\"", i > 0 ? ", " : "", (const char *) cols->pdata[i]);
  g_string_append_printf (sql, " FROM \"%s\"", table);
  return g_string_free (sql, FALSE);
}

/* One value as both engines agree on it: its SQLite type and its text. */
static void
hash_value (GChecksum *row,
            SzStmt    *stmt,
            int        col)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE + 2];
  int type = sz_stmt_column_type (stmt, col);

  switch (type)
    {
    case SQLITE_NULL:
      g_checksum_update (row, (const guchar *) "N", 2);
      return;
    case SQLITE_INTEGER:
      g_snprintf (buf, sizeof buf, "I%" G_GINT64_FORMAT, sz_stmt_column_int64 (stmt, col));
      break;
    case SQLITE_FLOAT:
      buf[0] = 'F';
      g_ascii_formatd (buf + 1, sizeof buf - 1, "%.15g", sz_stmt_column_double (stmt, col));
      break;
    case SQLITE_BLOB:
      g_checksum_update (row, (const guchar *) "B", 1);
      g_checksum_update (row, sz_stmt_column_blob (stmt, col), sz_stmt_column_bytes (stmt, col));
      g_checksum_update (row, (const guchar *) "", 1);
      return;
    default:
      g_checksum_update (row, (const guchar *) "T", 1);
      g_checksum_update (row, sz_stmt_column_text (stmt, col), -1);
      g_checksum_update (row, (const guchar *) "", 1);
      return;
    }
  g_checksum_update (row, (const guchar *) buf, strlen (buf) + 1);
}

/* Rows and a hash of their content that does not depend on their order:
 * the sum of every row's SHA-256 (first 8 bytes). */
static gboolean
table_summary (SzDb        *db,
               const char  *table,
               GPtrArray   *cols,
               gint64      *rows,
               guint64     *hash,
               GError     **error)
{
  g_autofree char *sql = select_sql (table, cols);
  SzStmt *stmt = sz_db_prepare (db, sql, error);
  g_autoptr(GChecksum) row = g_checksum_new (G_CHECKSUM_SHA256);
  int rc;

  *rows = 0;
  *hash = 0;
  if (stmt == NULL)
    return FALSE;
  while ((rc = sz_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      guint8 digest[32];
      gsize len = sizeof digest;
      guint64 part;

      g_checksum_reset (row);
      for (guint i = 0; i < cols->len; i++)
        hash_value (row, stmt, (int) i);
      g_checksum_get_digest (row, digest, &len);
      memcpy (&part, digest, sizeof part);
      *hash += part;
      (*rows)++;
    }
  sz_stmt_reset (stmt);
  return rc == SQLITE_DONE;
}

static gboolean
copy_table (SzDb        *from,
            SzDb        *to,
            const char  *table,
            GPtrArray   *cols,
            gint64      *rows,
            GError     **error)
{
  g_autofree char *select = select_sql (table, cols);
  g_autoptr(GString) insert = g_string_new (NULL);
  SzStmt *src;
  int rc;

  g_string_printf (insert, "INSERT INTO \"%s\" (", table);
  for (guint i = 0; i < cols->len; i++)
    g_string_append_printf (insert, "%s\"%s\"", i > 0 ? ", " : "", (const char *) cols->pdata[i]);
  g_string_append (insert, ") VALUES (");
  for (guint i = 0; i < cols->len; i++)
    g_string_append_printf (insert, "%s?%u", i > 0 ? ", " : "", i + 1);
  g_string_append (insert, ")");

  *rows = 0;
  src = sz_db_prepare (from, select, error);
  if (src == NULL)
    return FALSE;
  while ((rc = sz_db_step (from, src, error)) == SQLITE_ROW)
    {
      SzStmt *dst = sz_db_prepare (to, insert->str, error);

      if (dst == NULL)
        return FALSE;
      for (guint i = 0; i < cols->len; i++)
        switch (sz_stmt_column_type (src, (int) i))
          {
          case SQLITE_NULL:
            sz_stmt_bind_null (dst, (int) i + 1);
            break;
          case SQLITE_INTEGER:
            sz_stmt_bind_int64 (dst, (int) i + 1, sz_stmt_column_int64 (src, (int) i));
            break;
          case SQLITE_FLOAT:
            sz_stmt_bind_double (dst, (int) i + 1, sz_stmt_column_double (src, (int) i));
            break;
          case SQLITE_BLOB:
            sz_stmt_bind_blob (dst, (int) i + 1, sz_stmt_column_blob (src, (int) i),
                               (gsize) sz_stmt_column_bytes (src, (int) i));
            break;
          default:
            sz_db_bind_text (dst, (int) i + 1, (const char *) sz_stmt_column_text (src, (int) i));
            break;
          }
      if (sz_db_step (to, dst, error) != SQLITE_DONE)
        {
          g_prefix_error (error, _("Copying the table “%s”: "), table);
          sz_stmt_reset (src);
          return FALSE;
        }
      sz_stmt_reset (dst);
      (*rows)++;
    }
  sz_stmt_reset (src);
  return rc == SQLITE_DONE;
}

/* The destination's own rules stay out of the way while rows arrive as
 * they were: on a server, triggers (the audit log's among them) and
 * foreign keys are off for this transaction (session_replication_role,
 * for its administrator); in a file, the triggers are taken out and put
 * back from their own SQL, and foreign keys checked at the end. */
static gboolean
quiet_rules (SzDb        *to,
             GPtrArray   *triggers,
             GError     **error)
{
  SzStmt *stmt;
  int rc;

  if (sz_db_get_engine (to) == SZ_DB_ENGINE_POSTGRESQL)
    return sz_db_exec (to, "SET LOCAL session_replication_role = replica", error);

  if (!sz_db_exec (to, "PRAGMA defer_foreign_keys = ON", error))
    return FALSE;
  stmt = sz_db_prepare (to, "SELECT name, sql FROM sqlite_schema WHERE type = 'trigger'", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sz_db_step (to, stmt, error)) == SQLITE_ROW)
    {
      g_ptr_array_add (triggers, sz_db_column_dup (stmt, 0));
      g_ptr_array_add (triggers, sz_db_column_dup (stmt, 1));
    }
  sz_stmt_reset (stmt);
  if (rc != SQLITE_DONE)
    return FALSE;
  for (guint i = 0; i < triggers->len; i += 2)
    {
      g_autofree char *drop = g_strdup_printf ("DROP TRIGGER \"%s\"", (const char *) triggers->pdata[i]);

      if (!sz_db_exec (to, drop, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
restore_rules (SzDb        *to,
               GPtrArray   *triggers,
               GPtrArray   *tables,
               GError     **error)
{
  if (sz_db_get_engine (to) == SZ_DB_ENGINE_POSTGRESQL)
    {
      /* New rows after the copy take ids after the copied ones. */
      for (guint i = 0; i < tables->len; i++)
        {
          g_autofree char *sql = NULL;
          const char *t = tables->pdata[i];

          if (!g_hash_table_contains (to->pg_id_tables, t))
            continue;
          sql = g_strdup_printf ("SELECT setval(pg_get_serial_sequence('\"%s\"', 'id'),"
                                 " (SELECT coalesce(max(id), 0) + 1 FROM \"%s\"), false)", t, t);
          if (!sz_db_exec (to, sql, error))
            return FALSE;
        }
      return TRUE;
    }
  for (guint i = 0; i < triggers->len; i += 2)
    if (!sz_db_exec (to, triggers->pdata[i + 1], error))
      return FALSE;
  return TRUE;
}

static void
summary_free (SzCopyTable *t)
{
  g_free (t->name);
  g_free (t);
}

GPtrArray *
sz_copy_database (SzDb     *from,
                  SzDb     *to,
                  GError  **error)
{
  g_autoptr(GPtrArray) tables = NULL;
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func ((GDestroyNotify) summary_free);
  g_autoptr(GPtrArray) triggers = g_ptr_array_new_with_free_func (g_free);
  gint64 existing = 0;
  gboolean ok;

  g_return_val_if_fail (from != NULL && to != NULL, NULL);

  if (sz_db_get_schema_version (from) != sz_db_get_schema_version (to))
    {
      g_set_error (error, SZ_COPY_ERROR, SZ_COPY_ERROR_SCHEMA,
                   /* Translators: the numbers are data format versions */
                   _("The two databases have different data formats (%d and %d): open both with this version first."),
                   sz_db_get_schema_version (from), sz_db_get_schema_version (to));
      return NULL;
    }
  if (!_sz_db_query_int (to, "SELECT (SELECT count(*) FROM community) + (SELECT count(*) FROM person)"
                             " + (SELECT count(*) FROM record)", &existing, error))
    return NULL;
  if (existing > 0)
    {
      g_set_error (error, SZ_COPY_ERROR, SZ_COPY_ERROR_NOT_EMPTY,
                   /* Translators: %s is a database file or server address */
                   _("“%s” already holds communities: a copy goes only into an empty database, "
                     "so that every id stays as it was. Nothing was changed."),
                   sz_db_get_display_name (to));
      return NULL;
    }

  tables = list_tables (from, error);
  if (tables == NULL || !sz_db_begin (to, error))
    return NULL;
  /* The seed data of a new database (duties, categories, activity types)
   * gives way to the source's own. */
  ok = quiet_rules (to, triggers, error);
  for (guint i = 0; ok && i < tables->len; i++)
    {
      g_autofree char *sql = g_strdup_printf ("DELETE FROM \"%s\"", (const char *) tables->pdata[i]);

      ok = sz_db_exec (to, sql, error);
    }
  for (guint i = 0; ok && i < tables->len; i++)
    {
      const char *name = tables->pdata[i];
      g_autoptr(GPtrArray) cols = list_columns (from, name, error);
      SzCopyTable *t;

      ok = cols != NULL;
      if (!ok)
        break;
      t = g_new0 (SzCopyTable, 1);
      t->name = g_strdup (name);
      g_ptr_array_add (result, t);
      ok = copy_table (from, to, name, cols, &t->rows, error);
    }
  ok = ok && restore_rules (to, triggers, tables, error);
  if (ok && sz_db_get_engine (to) == SZ_DB_ENGINE_SQLITE)
    {
      gint64 broken = 0;

      ok = _sz_db_query_int (to, "SELECT count(*) FROM pragma_foreign_key_check", &broken, error);
      if (ok && broken > 0)
        {
          g_set_error (error, SZ_COPY_ERROR, SZ_COPY_ERROR_MISMATCH,
                       /* Translators: %d is a number of rows */
                       _("%d copied rows point to rows that are not there. Nothing was changed."), (int) broken);
          ok = FALSE;
        }
    }
  if (!sz_db_end (to, ok, ok ? error : NULL))
    return NULL;

  /* Both sides read back: the same rows, the same content. */
  for (guint i = 0; i < result->len; i++)
    {
      SzCopyTable *t = result->pdata[i];
      g_autoptr(GPtrArray) cols = list_columns (from, t->name, error);
      gint64 rows_to;

      if (cols == NULL
          || !table_summary (from, t->name, cols, &t->rows, &t->hash_from, error)
          || !table_summary (to, t->name, cols, &rows_to, &t->hash_to, error))
        return NULL;
      if (rows_to != t->rows || t->hash_to != t->hash_from)
        {
          g_set_error (error, SZ_COPY_ERROR, SZ_COPY_ERROR_MISMATCH,
                       /* Translators: %s is a table, the numbers are rows */
                       _("After the copy, the table “%s” differs: %d rows in the source, %d in the copy, "
                         "or their content. Do not use the copy."),
                       t->name, (int) t->rows, (int) rows_to);
          return NULL;
        }
    }
  return g_steal_pointer (&result);
}
