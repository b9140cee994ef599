/* sz-audit.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sz-audit.h"
#include "sz-db.h"

/* The tables whose every change is logged. */
static const char * const audited_tables[] = {
  "community", "grid", "compound", "building", "unit",
  "person", "person_image", "post", "duty", "hotline",
  /* Since migration 3: the intake of issue records (their history is
   * append-only and needs no log). */
  "record", "record_category",
  /* Since migration 7: what the office edits about points.  Not the
   * movements nor the redemptions: append-only, with their own who and
   * when. */
  "activity_type", "activity", "reward", "honour",
  /* Since migration 9: the heads' WeChat groups (the QR image is logged by
   * size, as every BLOB). */
  "wechat_group",
  /* Not board_print nor board_print_pending (migrations 2 and 5): a print
   * log and its bookkeeping during an export, written by every export. */
};

void
sz_audit_entry_free (SzAuditEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->at);
  g_free (entry->actor);
  g_free (entry->entity);
  g_free (entry->action);
  g_free (entry->old_values);
  g_free (entry->new_values);
  g_free (entry);
}

/* json_object('col', ROW.col, …) over @columns; BLOB columns are logged by
 * size, since JSON cannot hold bytes and the log should not hold photos. */
static char *
json_of_row (GPtrArray  *columns,
             GPtrArray  *types,
             const char *row)
{
  GString *s = g_string_new ("json_object(");

  for (guint i = 0; i < columns->len; i++)
    {
      const char *col = columns->pdata[i];
      gboolean blob = g_ascii_strcasecmp (types->pdata[i], "BLOB") == 0;

      if (i > 0)
        g_string_append (s, ", ");
      if (blob)
        g_string_append_printf (s, "'%s_bytes', length(%s.\"%s\")", col, row, col);
      else
        g_string_append_printf (s, "'%s', %s.\"%s\"", col, row, col);
    }
  g_string_append_c (s, ')');
  return g_string_free (s, FALSE);
}

static gboolean
install_for_table (SzDb        *db,
                   const char  *table,
                   GError     **error)
{
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) types = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *info_sql = g_strdup_printf ("PRAGMA table_info(\"%s\")", table);
  g_autofree char *old_json = NULL;
  g_autofree char *new_json = NULL;
  g_autofree char *id_old = NULL;
  g_autofree char *id_new = NULL;
  g_autofree char *sql = NULL;
  SzStmt *stmt;
  int rc;

  stmt = sz_db_prepare (db, info_sql, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sz_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      g_ptr_array_add (columns, sz_db_column_dup (stmt, 1));
      g_ptr_array_add (types, sz_db_column_dup (stmt, 2));
    }
  if (rc == 0)
    return FALSE;
  g_assert (columns->len > 0);

  old_json = json_of_row (columns, types, "OLD");
  new_json = json_of_row (columns, types, "NEW");
  /* person_image has no id of its own: it is logged under its person. */
  id_old = g_strdup (g_str_equal (table, "person_image") ? "OLD.person_id" : "OLD.id");
  id_new = g_strdup (g_str_equal (table, "person_image") ? "NEW.person_id" : "NEW.id");

  sql = g_strdup_printf (
    "DROP TRIGGER IF EXISTS audit_%1$s_insert;"
    "DROP TRIGGER IF EXISTS audit_%1$s_update;"
    "DROP TRIGGER IF EXISTS audit_%1$s_delete;"
    "CREATE TRIGGER audit_%1$s_insert AFTER INSERT ON \"%1$s\" BEGIN"
    "  INSERT INTO audit_log (at, actor, entity, entity_id, action, old_values, new_values)"
    "  VALUES (strftime('%%Y-%%m-%%dT%%H:%%M:%%fZ', 'now'), sz_actor(), '%1$s', %5$s, 'insert', NULL, %3$s);"
    "END;"
    "CREATE TRIGGER audit_%1$s_update AFTER UPDATE ON \"%1$s\" BEGIN"
    "  INSERT INTO audit_log (at, actor, entity, entity_id, action, old_values, new_values)"
    "  VALUES (strftime('%%Y-%%m-%%dT%%H:%%M:%%fZ', 'now'), sz_actor(), '%1$s', %5$s, 'update', %2$s, %3$s);"
    "END;"
    "CREATE TRIGGER audit_%1$s_delete AFTER DELETE ON \"%1$s\" BEGIN"
    "  INSERT INTO audit_log (at, actor, entity, entity_id, action, old_values, new_values)"
    "  VALUES (strftime('%%Y-%%m-%%dT%%H:%%M:%%fZ', 'now'), sz_actor(), '%1$s', %4$s, 'delete', %2$s, NULL);"
    "END;",
    table, old_json, new_json, id_old, id_new);

  return sz_db_exec (db, sql, error);
}

gboolean
sz_audit_install_triggers (SzDb    *db,
                           GError **error)
{
  g_return_val_if_fail (db != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (audited_tables); i++)
    {
      SzStmt *stmt;
      gboolean exists;

      /* Run after every migration: a table a later one creates is skipped. */
      stmt = sz_db_prepare (db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sz_db_bind_text (stmt, 1, audited_tables[i]);
      switch (sz_db_step (db, stmt, error))
        {
        case SQLITE_ROW:
          exists = TRUE;
          break;
        case SQLITE_DONE:
          exists = FALSE;
          break;
        default:
          return FALSE;
        }
      sz_stmt_reset (stmt);
      if (exists && !install_for_table (db, audited_tables[i], error))
        return FALSE;
    }
  return TRUE;
}

GPtrArray *
sz_audit_list (SzDb        *db,
               const char  *entity,
               gint64       entity_id,
               guint        limit,
               GError     **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) sz_audit_entry_free);
  SzStmt *stmt;
  int rc;

  g_return_val_if_fail (db != NULL, NULL);

  stmt = sz_db_prepare (db,
                        "SELECT id, at, actor, entity, entity_id, action, old_values, new_values"
                        "  FROM audit_log"
                        " WHERE (?1 IS NULL OR entity = ?1) AND (?2 = 0 OR entity_id = ?2)"
                        " ORDER BY id DESC LIMIT ?3",
                        error);
  if (stmt == NULL)
    return NULL;
  sz_db_bind_text_opt (stmt, 1, entity);
  sz_stmt_bind_int64 (stmt, 2, entity_id);
  sz_stmt_bind_int64 (stmt, 3, limit > 0 ? limit : G_MAXINT32);

  while ((rc = sz_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      SzAuditEntry *e = g_new0 (SzAuditEntry, 1);

      e->id = sz_stmt_column_int64 (stmt, 0);
      e->at = sz_db_column_dup (stmt, 1);
      e->actor = sz_db_column_dup (stmt, 2);
      e->entity = sz_db_column_dup (stmt, 3);
      e->entity_id = sz_stmt_column_int64 (stmt, 4);
      e->action = sz_db_column_dup (stmt, 5);
      e->old_values = sz_db_column_dup (stmt, 6);
      e->new_values = sz_db_column_dup (stmt, 7);
      g_ptr_array_add (entries, e);
    }
  if (rc == 0)
    return NULL;
  return g_steal_pointer (&entries);
}

gint64
sz_audit_count (SzDb    *db,
                GError **error)
{
  SzStmt *stmt;
  gint64 n;

  g_return_val_if_fail (db != NULL, -1);

  stmt = sz_db_prepare (db, "SELECT count(*) FROM audit_log", error);
  if (stmt == NULL || sz_db_step (db, stmt, error) != SQLITE_ROW)
    return -1;
  n = sz_stmt_column_int64 (stmt, 0);
  sz_stmt_reset (stmt);
  return n;
}

gint64
sz_audit_version (SzDb        *db,
                  const char  *entity,
                  gint64       id,
                  GError     **error)
{
  SzStmt *stmt = sz_db_prepare (db, "SELECT coalesce (max (id), 0) FROM audit_log WHERE entity = ?1 AND entity_id = ?2",
                                error);
  gint64 version;

  if (stmt == NULL)
    return -1;
  sz_db_bind_text (stmt, 1, entity);
  sz_stmt_bind_int64 (stmt, 2, id);
  if (sz_db_step (db, stmt, error) != SQLITE_ROW)
    return -1;
  version = sz_stmt_column_int64 (stmt, 0);
  sz_stmt_reset (stmt);
  return version;
}

gboolean
sz_audit_last_change (SzDb        *db,
                      const char  *entity,
                      gint64       id,
                      char       **actor,
                      char       **at,
                      GError     **error)
{
  SzStmt *stmt = sz_db_prepare (db, "SELECT actor, at FROM audit_log WHERE entity = ?1 AND entity_id = ?2"
                                    " ORDER BY id DESC LIMIT 1", error);
  int rc;

  *actor = NULL;
  *at = NULL;
  if (stmt == NULL)
    return FALSE;
  sz_db_bind_text (stmt, 1, entity);
  sz_stmt_bind_int64 (stmt, 2, id);
  rc = sz_db_step (db, stmt, error);
  if (rc == SQLITE_ROW)
    {
      const char *when = (const char *) sz_stmt_column_text (stmt, 1);
      g_autoptr(GDateTime) utc = when != NULL ? g_date_time_new_from_iso8601 (when, NULL) : NULL;
      g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;

      *actor = sz_db_column_dup (stmt, 0);
      *at = local != NULL ? g_date_time_format (local, "%Y-%m-%d %H:%M") : g_strdup (when != NULL ? when : "");
    }
  sz_stmt_reset (stmt);
  return rc == SQLITE_ROW;
}

gboolean
sz_audit_check_version (SzDb        *db,
                        const char  *entity,
                        const char  *lock_sql,
                        gint64       id,
                        gint64       version,
                        const char  *what,
                        GError     **error)
{
  g_autofree char *actor = NULL;
  g_autofree char *at = NULL;
  SzStmt *stmt;
  gint64 now;

  if (version <= 0 || id <= 0)
    return TRUE;
  /* SQLite's write lock is already the whole file's (BEGIN IMMEDIATE). */
  if (sz_db_get_engine (db) == SZ_DB_ENGINE_POSTGRESQL)
    {
      stmt = sz_db_prepare (db, lock_sql, error);
      if (stmt == NULL)
        return FALSE;
      sz_stmt_bind_int64 (stmt, 1, id);
      if (sz_db_step (db, stmt, error) == 0)
        return FALSE;
      sz_stmt_reset (stmt);
    }
  now = sz_audit_version (db, entity, id, error);
  if (now < 0)
    return FALSE;
  if (now <= version)
    return TRUE;
  if (!sz_audit_last_change (db, entity, id, &actor, &at, error) && error != NULL && *error != NULL)
    return FALSE;
  g_set_error (error, SZ_DB_ERROR, SZ_DB_ERROR_STALE,
               /* Translators: a thing ("Person"), who changed it, when (2026-12-07 16:58) */
               _("%s: %s changed it at %s, after you opened it. Nothing was saved, and what you typed is "
                 "still here: look at their change (open it again), then save yours."),
               what, actor != NULL ? actor : "?", at != NULL ? at : "?");
  return FALSE;
}
