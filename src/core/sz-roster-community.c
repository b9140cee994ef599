/* sz-roster-community.c: the community, the root of everything else, and
 * its deletion with all it holds.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sz-db.h"
#include "sz-phone.h"
#include "sz-points.h"
#include "sz-roster.h"

/* Community */

SzCommunity *
sz_community_new (void)
{
  SzCommunity *c = g_new0 (SzCommunity, 1);

  c->qr_max_age_days = SZ_QR_MAX_AGE_DEFAULT;
  c->board_language = g_strdup ("zh_CN");
  return c;
}

void
sz_community_free (SzCommunity *c)
{
  if (c == NULL)
    return;
  g_free (c->name);
  g_free (c->street_office);
  g_free (c->address);
  g_free (c->office_phone);
  g_free (c->supervision_phone);
  g_free (c->board_title);
  g_free (c->board_qr_text);
  g_free (c->board_qr_caption);
  g_free (c->board_vacancy_text);
  g_free (c->board_language);
  g_free (c);
}

gboolean
sz_community_save (SzDb         *db,
                   SzCommunity  *c,
                   GError      **error)
{
  SzStmt *stmt;
  gboolean ok;

  g_return_val_if_fail (db != NULL && c != NULL, FALSE);

  if (!sz_validate_text (_("Community name"), &c->name, TRUE, 60, error)
      || !sz_validate_text (_("Street office"), &c->street_office, FALSE, 60, error)
      || !sz_validate_text (_("Address"), &c->address, FALSE, 200, error)
      || !sz_validate_phone (_("Office phone"), &c->office_phone, FALSE, error)
      || !sz_validate_phone (_("Supervision phone"), &c->supervision_phone, FALSE, error)
      || !sz_validate_text (_("Board title"), &c->board_title, FALSE, 30, error)
      || !sz_validate_text (_("QR code text"), &c->board_qr_text, FALSE, 500, error)
      || !sz_validate_text (_("QR code caption"), &c->board_qr_caption, FALSE, 30, error)
      || !sz_validate_text (_("Vacancy wording"), &c->board_vacancy_text, FALSE, 30, error)
      || !sz_validate_range (_("QR code age warning (days)"), c->qr_max_age_days, 1, 3650, error))
    return FALSE;
  if (c->board_language == NULL || *c->board_language == '\0')
    {
      g_free (c->board_language);
      c->board_language = g_strdup ("zh_CN");
    }
  if (!g_str_equal (c->board_language, "zh_CN") && !g_str_equal (c->board_language, "en"))
    {
      g_set_error (error, SZ_ROSTER_ERROR, SZ_ROSTER_ERROR_INVALID,
                   /* Translators: %s is what was given; zh_CN and en are codes, not to translate */
                   _("Board language: “%s” is not one of zh_CN (Chinese) or en (English)."), c->board_language);
      return FALSE;
    }

  if (!sz_db_begin (db, error))
    return FALSE;
  stmt = sz_db_prepare (db, "SELECT 1 FROM community WHERE name = ?1 AND street_office = ?2 AND id IS DISTINCT FROM ?3", error);
  ok = stmt != NULL;
  if (ok)
    {
      int rc;

      sz_db_bind_text (stmt, 1, c->name);
      sz_db_bind_text (stmt, 2, c->street_office);
      sz_stmt_bind_int64 (stmt, 3, c->id);
      rc = sz_db_step (db, stmt, error);
      sz_stmt_reset (stmt);
      ok = rc != 0;
      if (rc == SQLITE_ROW)
        {
          g_set_error (error, SZ_ROSTER_ERROR, SZ_ROSTER_ERROR_DUPLICATE,
                       /* Translators: %s is a community's name */
                       _("Community name: “%s” of this street office is already in the database."), c->name);
          ok = FALSE;
        }
    }
  if (!ok)
    return sz_db_end (db, FALSE, error);
  if (c->id == 0)
    stmt = sz_db_prepare (db,
                          "INSERT INTO community (name, street_office, address, office_phone,"
                          " supervision_phone, board_title, board_qr_text, board_qr_caption,"
                          " board_vacancy_text, qr_max_age_days, board_language)"
                          " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?12)", error);
  else
    stmt = sz_db_prepare (db,
                          "UPDATE community SET name = ?1, street_office = ?2, address = ?3,"
                          " office_phone = ?4, supervision_phone = ?5, board_title = ?6, board_qr_text = ?7,"
                          " board_qr_caption = ?8, board_vacancy_text = ?9, qr_max_age_days = ?10,"
                          " board_language = ?12 WHERE id = ?11",
                          error);
  ok = stmt != NULL;
  if (ok)
    {
      sz_db_bind_text (stmt, 1, c->name);
      sz_db_bind_text (stmt, 2, c->street_office);
      sz_db_bind_text (stmt, 3, c->address);
      sz_db_bind_text_opt (stmt, 4, c->office_phone);
      sz_db_bind_text_opt (stmt, 5, c->supervision_phone);
      sz_db_bind_text (stmt, 6, c->board_title);
      sz_db_bind_text (stmt, 7, c->board_qr_text);
      sz_db_bind_text (stmt, 8, c->board_qr_caption);
      sz_db_bind_text (stmt, 9, c->board_vacancy_text);
      sz_stmt_bind_int (stmt, 10, c->qr_max_age_days);
      sz_db_bind_text (stmt, 12, c->board_language);
      if (c->id != 0)
        sz_stmt_bind_int64 (stmt, 11, c->id);
      gboolean is_new = c->id == 0;

      ok = sz_row_finish_write (db, stmt, &c->id, error);
      /* A new community starts with the default activity types. */
      if (ok && is_new)
        ok = sz_activity_type_seed (db, c->id, error);
      if (!ok && is_new)
        c->id = 0;
    }
  return sz_db_end (db, ok, error);
}

static SzCommunity *
community_from_row (SzStmt *stmt)
{
  SzCommunity *c = sz_community_new ();

  c->id = sz_stmt_column_int64 (stmt, 0);
  c->name = sz_db_column_dup (stmt, 1);
  c->street_office = sz_db_column_dup (stmt, 2);
  c->address = sz_db_column_dup (stmt, 3);
  c->office_phone = sz_db_column_dup (stmt, 4);
  c->supervision_phone = sz_db_column_dup (stmt, 5);
  c->board_title = sz_db_column_dup (stmt, 6);
  c->board_qr_text = sz_db_column_dup (stmt, 7);
  c->board_qr_caption = sz_db_column_dup (stmt, 8);
  c->board_vacancy_text = sz_db_column_dup (stmt, 9);
  c->qr_max_age_days = sz_stmt_column_int (stmt, 10);
  c->demo = sz_stmt_column_int (stmt, 11) != 0;
  g_free (c->board_language);
  c->board_language = sz_db_column_dup (stmt, 12);
  return c;
}

#define COMMUNITY_COLUMNS "id, name, street_office, address, office_phone, supervision_phone, board_title," \
  " board_qr_text, board_qr_caption, board_vacancy_text, qr_max_age_days, demo," \
  " board_language"

SzCommunity *
sz_community_get (SzDb    *db,
                  gint64   id,
                  GError **error)
{
  SzStmt *stmt = sz_db_prepare (db, "SELECT " COMMUNITY_COLUMNS " FROM community WHERE id = ?1", error);

  if (stmt == NULL)
    return NULL;
  return sz_row_get (db, stmt, id, _("Community"), (gpointer) community_from_row, error);
}

SzCommunity *
sz_community_get_first (SzDb    *db,
                        GError **error)
{
  SzStmt *stmt = sz_db_prepare (db, "SELECT " COMMUNITY_COLUMNS " FROM community ORDER BY id LIMIT 1", error);
  SzCommunity *c;
  int rc;

  if (stmt == NULL)
    return NULL;
  rc = sz_db_step (db, stmt, error);
  if (rc != SQLITE_ROW)
    return NULL;
  c = community_from_row (stmt);
  sz_stmt_reset (stmt);
  return c;
}

GPtrArray *
sz_community_list (SzDb    *db,
                   GError **error)
{
  SzStmt *stmt = sz_db_prepare (db, "SELECT " COMMUNITY_COLUMNS " FROM community ORDER BY name COLLATE PINYIN", error);

  if (stmt == NULL)
    return NULL;
  return sz_row_collect (db, stmt, (gpointer) community_from_row, (GDestroyNotify) sz_community_free, error);
}

/* Deleting a community takes the audit log's rows about it (the demo's
 * made-up people must leave no trace).  The log refuses DELETE by trigger
 * (0006-community-people.sql) unless sz_audit_purging() names a community
 * that no longer exists.  That function is registered here, per
 * connection, and returns the community of the deletion in progress only
 * while the statement below that removes its audit rows runs: 0 at any
 * other moment, and other programs do not have the function at all. */
#define AUDIT_PURGE_KEY "sz-audit-purge"

typedef struct
{
  sqlite3 *handle;     /* the connection the function is registered on */
  gint64   community;  /* > 0 only while its audit rows are deleted */
} AuditPurge;

static void
audit_purging_func (sqlite3_context *ctx,
                    int              argc,
                    sqlite3_value  **argv)
{
  AuditPurge *purge = sqlite3_user_data (ctx);

  sqlite3_result_int64 (ctx, purge->community);
}

static AuditPurge *
audit_purge_get (SzDb     *db,
                 GError  **error)
{
  AuditPurge *purge = sz_db_get_data (db, AUDIT_PURGE_KEY);
  sqlite3 *handle = sz_db_handle (db);
  int rc;

  if (purge != NULL && purge->handle == handle)
    return purge;
  purge = g_new0 (AuditPurge, 1);
  purge->handle = handle;
  /* On a server, sz_audit_purging() reads a setting of the transaction
   * (sql/pg/0001-roster.sql). */
  if (handle == NULL)
    {
      sz_db_set_data_full (db, AUDIT_PURGE_KEY, purge, g_free);
      return purge;
    }
  rc = sqlite3_create_function_v2 (handle, "sz_audit_purging", 0, SQLITE_UTF8 | SQLITE_INNOCUOUS,
                                   purge, audit_purging_func, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      g_free (purge);
      sz_db_set_error (db, rc, error);
      return NULL;
    }
  sz_db_set_data_full (db, AUDIT_PURGE_KEY, purge, g_free);
  return purge;
}

/* What the community holds, as (entity, id) of the audit log: the rows
 * there now, and those the log shows were there (deleted before, found by
 * the community or the parent their logged values name).  A logged row
 * naming another community is never taken, so an id SQLite reused for
 * another community's row keeps that row's history. */
static const char * const doomed_sql[] = {
  "CREATE TEMP TABLE IF NOT EXISTS sz_doomed (entity TEXT NOT NULL, id INTEGER NOT NULL,"
  " PRIMARY KEY (entity, id)) WITHOUT ROWID",
  "DELETE FROM temp.sz_doomed",
  "INSERT INTO temp.sz_doomed VALUES ('community', ?1)",
#define BY_COMMUNITY(table, extra) \
  "INSERT OR IGNORE INTO temp.sz_doomed SELECT '" table "', id FROM " table " WHERE community_id = ?1 " extra \
  " UNION SELECT '" table "', entity_id FROM audit_log WHERE entity = '" table "'" \
  "   AND CAST (json_extract (coalesce (new_values, old_values), '$.community_id') AS BIGINT) = ?1"
  BY_COMMUNITY ("grid", ""),
  BY_COMMUNITY ("compound", ""),
  BY_COMMUNITY ("person", ""),
  BY_COMMUNITY ("record", ""),
  BY_COMMUNITY ("hotline", ""),
  /* Migration 7: the points' edited tables (movements and redemptions are
   * not audited). */
  BY_COMMUNITY ("activity_type", ""),
  BY_COMMUNITY ("activity", ""),
  BY_COMMUNITY ("reward", ""),
  BY_COMMUNITY ("honour", ""),
  /* Migration 9: the heads' WeChat groups. */
  BY_COMMUNITY ("wechat_group", ""),
#undef BY_COMMUNITY
#define BY_PARENT(table, column, parent) \
  "INSERT OR IGNORE INTO temp.sz_doomed SELECT '" table "', id FROM " table \
  "  WHERE " column " IN (SELECT id FROM temp.sz_doomed WHERE entity = '" parent "')" \
  " UNION SELECT '" table "', entity_id FROM audit_log WHERE entity = '" table "'" \
  "   AND CAST (json_extract (coalesce (new_values, old_values), '$." column "') AS BIGINT)" \
  "       IN (SELECT id FROM temp.sz_doomed WHERE entity = '" parent "')"
  BY_PARENT ("building", "compound_id", "compound"),
  BY_PARENT ("building", "grid_id", "grid"),
  BY_PARENT ("unit", "building_id", "building"),
  BY_PARENT ("hotline", "compound_id", "compound"),
  BY_PARENT ("hotline", "building_id", "building"),
  BY_PARENT ("post", "grid_id", "grid"),
  BY_PARENT ("post", "building_id", "building"),
  BY_PARENT ("post", "unit_id", "unit"),
  BY_PARENT ("post", "person_id", "person"),
#undef BY_PARENT
  /* Images are logged under their person's id. */
  "INSERT OR IGNORE INTO temp.sz_doomed SELECT 'person_image', id FROM temp.sz_doomed WHERE entity = 'person'",
};

/* The places first (a grid cannot go while buildings are in it), then the
 * people (their posts are gone), then the community, which takes its
 * records with their history and state (record_no_delete and
 * record_event_no_delete let them go once it is gone), hotlines and board
 * prints. */
static const char * const delete_sql[] = {
  /* The points first: movements, redemptions and honours name people.
   * Movements and redemptions are append-only: their triggers let them go
   * only while community_deleting holds the community
   * (0007-points.sql), whose own trigger accepts it only while
   * sz_audit_purging() names it (see below). */
  "INSERT INTO community_deleting (community_id) VALUES (?1)",
  "DELETE FROM points_movement WHERE community_id = ?1",
  "DELETE FROM redemption WHERE community_id = ?1",
  "DELETE FROM honour WHERE community_id = ?1",
  "DELETE FROM points_balance WHERE community_id = ?1",
  "DELETE FROM points_period WHERE community_id = ?1",
  "DELETE FROM compound WHERE community_id = ?1",
  "DELETE FROM grid WHERE community_id = ?1",
  "DELETE FROM person WHERE community_id = ?1",
  "DELETE FROM community WHERE id = ?1",
};

/* What sz_audit_purging() says: @community, or 0. */
static gboolean
set_purging (SzDb        *db,
             AuditPurge  *purge,
             gint64       community,
             GError     **error)
{
  SzStmt *stmt;

  purge->community = community;
  if (purge->handle != NULL)
    return TRUE;
  stmt = sz_db_prepare (db, "SELECT set_config('sanzhang.audit_purging', ?1, true)", error);
  if (stmt == NULL)
    return FALSE;
  sz_stmt_bind_int64 (stmt, 1, community);
  if (sz_db_step (db, stmt, error) != SQLITE_ROW)
    return FALSE;
  sz_stmt_reset (stmt);
  return TRUE;
}

static gboolean
run_with_id (SzDb        *db,
             const char  *sql,
             gint64       id,
             GError     **error)
{
  SzStmt *stmt = sz_db_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  if (strstr (sql, "?1") != NULL)
    sz_stmt_bind_int64 (stmt, 1, id);
  return sz_row_finish_write (db, stmt, NULL, error);
}

gboolean
sz_community_delete (SzDb    *db,
                     gint64   id,
                     GError **error)
{
  AuditPurge *purge;
  gboolean ok;

  g_return_val_if_fail (db != NULL, FALSE);

  purge = audit_purge_get (db, error);
  if (purge == NULL || !sz_db_begin (db, error))
    return FALSE;
  ok = sz_row_require (db, "SELECT 1 FROM community WHERE id = ?1", id, _("Community"), error);
  for (guint i = 0; ok && i < G_N_ELEMENTS (doomed_sql); i++)
    ok = run_with_id (db, doomed_sql[i], id, error);
  for (guint i = 0; ok && i < G_N_ELEMENTS (delete_sql); i++)
    {
      /* Only for the statement marking the community as being deleted:
       * the audit log still refuses, since the community exists. */
      ok = set_purging (db, purge, i == 0 ? id : 0, error)
           && run_with_id (db, delete_sql[i], id, error)
           && set_purging (db, purge, 0, error);
    }
  if (ok)
    {
      /* Last, so that the deletions above are logged and go too.  A row
       * that names a community (its own logged values) must name this one. */
      ok = set_purging (db, purge, id, error)
           && run_with_id (db,
                        "DELETE FROM audit_log"
                        " WHERE (entity, entity_id) IN (SELECT entity, id FROM temp.sz_doomed)"
                        "   AND coalesce (CAST (json_extract (coalesce (new_values, old_values), '$.community_id') AS BIGINT), ?1) = ?1",
                        id, error)
           && set_purging (db, purge, 0, error);
    }
  if (ok)
    ok = run_with_id (db, "DELETE FROM temp.sz_doomed", id, error);
  return sz_db_end (db, ok, error);
}


gboolean
sz_community_only_demo (SzDb     *db,
                        gboolean *only_demo,
                        GError  **error)
{
  SzStmt *stmt;

  g_return_val_if_fail (db != NULL && only_demo != NULL, FALSE);

  *only_demo = FALSE;
  stmt = sz_db_prepare (db, "SELECT count(*) = 1 AND sum (demo) = 1 FROM community", error);
  if (stmt == NULL || sz_db_step (db, stmt, error) != SQLITE_ROW)
    return FALSE;
  *only_demo = sz_stmt_column_int (stmt, 0) != 0;
  sz_stmt_reset (stmt);
  return TRUE;
}
