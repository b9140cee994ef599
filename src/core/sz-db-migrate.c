/* sz-db-migrate.c: bringing an older file up to SZ_DB_SCHEMA_VERSION.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gio/gio.h>

#include "sz-audit.h"
#include "sz-backup.h"
#include "sz-db.h"
#include "sz-db-private.h"
#include "sz-demo.h"
#include "sz-duty.h"
#include "sz-points.h"
#include "sz-record.h"

#define RESOURCE_SQL "/org/sanzhang/Sanzhang/core/sql/"

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
static gboolean migrate_0006_after (SzDb *db, GError **error);
static gboolean migrate_0007_after (SzDb *db, GError **error);

static const Migration migrations[] = {
  { 1, "0001-roster.sql", migrate_0001_after },
  { 2, "0002-boards.sql", NULL },
  { 3, "0003-records.sql", migrate_0003_after },
  { 4, "0004-import.sql", NULL },
  { 5, "0005-board-print-pending.sql", NULL },
  { 6, "0006-community-people.sql", migrate_0006_after },
  { 7, "0007-points.sql", migrate_0007_after },
  { 8, "0008-board-language.sql", NULL },
  { 9, "0009-wechat-groups.sql", NULL },
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == SZ_DB_SCHEMA_VERSION);

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

/* An existing demo database: its community is marked as the demo when it
 * has the demo's name and street office (resources/demo). */
static gboolean
migrate_0006_after (SzDb    *db,
                    GError **error)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (SZ_DEMO_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(GKeyFile) kf = g_key_file_new ();
  g_autofree char *name = NULL;
  g_autofree char *office = NULL;
  SzStmt *stmt;
  gsize len;
  const char *data;

  g_assert (bytes != NULL);
  data = g_bytes_get_data (bytes, &len);
  if (!g_key_file_load_from_data (kf, data, len, G_KEY_FILE_NONE, NULL))
    g_assert_not_reached ();
  name = g_key_file_get_string (kf, "Community", "Name", NULL);
  office = g_key_file_get_string (kf, "Community", "StreetOffice", NULL);
  stmt = sz_db_prepare (db, "UPDATE community SET demo = 1 WHERE name = ?1 AND street_office = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sz_db_bind_text (stmt, 1, name);
  sz_db_bind_text (stmt, 2, office != NULL ? office : "");
  if (sz_db_step (db, stmt, error) != SQLITE_DONE)
    return FALSE;
  sz_stmt_reset (stmt);
  return TRUE;
}

/* Every community gets the default activity types, in the user's
 * language. */
static gboolean
migrate_0007_after (SzDb    *db,
                    GError **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  SzStmt *stmt;
  int rc;

  stmt = sz_db_prepare (db, "SELECT id FROM community ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sz_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      gint64 id = sz_stmt_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (rc == 0)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    if (!sz_activity_type_seed (db, g_array_index (ids, gint64, i), error))
      return FALSE;
  return TRUE;
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

  if (db->engine == SZ_DB_ENGINE_POSTGRESQL)
    {
      g_free (path);
      path = g_strconcat (RESOURCE_SQL, "pg/", m->file, NULL);
    }
  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_assert (bytes != NULL);
  data = g_bytes_get_data (bytes, &len);
  sql = g_strndup (data, len);

  if (!sz_db_begin (db, error))
    return FALSE;
  if (db->engine == SZ_DB_ENGINE_POSTGRESQL)
    {
      gint64 version = 0;

      /* Two staff opening an older server database at once: one migrates,
       * the other waits and then finds it done.  The server's own schema
       * (sql/pg/) logs changes by a trigger of its own. */
      g_free (pragma);
      pragma = g_strdup_printf ("INSERT INTO sanzhang_schema (version) VALUES (%d)", m->version);
      ok = _sz_db_pg_exec_script (db, "SELECT pg_advisory_xact_lock(7351);"
                                      " CREATE TABLE IF NOT EXISTS sanzhang_schema (version integer PRIMARY KEY,"
                                      " at timestamptz NOT NULL DEFAULT now())", error)
           && _sz_db_query_int (db, "SELECT coalesce(max(version), 0) FROM sanzhang_schema", &version, error);
      if (ok && version >= m->version)
        {
          db->schema_version = (int) version;
          return sz_db_end (db, TRUE, error);
        }
      ok = ok && _sz_db_pg_exec_script (db, sql, error)
           && _sz_db_pg_schema_changed (db, error)
           && (m->after == NULL || m->after (db, error))
           && _sz_db_pg_exec_script (db, pragma, error);
      if (!sz_db_end (db, ok, ok ? error : NULL))
        return FALSE;
      db->schema_version = m->version;
      return TRUE;
    }
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

/* A copy of the file as it was, before the first migration changes it. */
static gboolean
backup_before_migration (SzDb     *db,
                         GError  **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(SzBackupInfo) info = NULL;

  info = sz_backup_create (db->path, NULL, SZ_BACKUP_TAG_MIGRATION, NULL, NULL, NULL, NULL, &local_error);
  if (info != NULL)
    return TRUE;
  g_set_error (error, SZ_DB_ERROR,
               g_error_matches (local_error, SZ_BACKUP_ERROR, SZ_BACKUP_ERROR_FULL) ? SZ_DB_ERROR_FULL
               : g_error_matches (local_error, SZ_BACKUP_ERROR, SZ_BACKUP_ERROR_SOURCE_DAMAGED) ? SZ_DB_ERROR_CORRUPT
               : SZ_DB_ERROR_IO,
               /* Translators: the first %s is a file name, the second why the backup failed */
               _("The database “%s” must be updated to this version's format, and a backup copy is made first; "
                 "it could not be made, so nothing was changed. %s"),
               db->display_name, local_error->message);
  return FALSE;
}

gboolean
_sz_db_migrate (SzDb    *db,
                GError **error)
{
  /* A server's copies are its administrator's (pg_dump). */
  if (db->engine == SZ_DB_ENGINE_SQLITE && db->schema_version > 0 && db->schema_version < SZ_DB_SCHEMA_VERSION
      && !backup_before_migration (db, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (migrations); i++)
    if (migrations[i].version > db->schema_version
        && !apply_migration (db, &migrations[i], error))
      return FALSE;
  return TRUE;
}
