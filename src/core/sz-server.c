/* sz-server.c: the street office's server: logins of its staff, and
 * which communities each may see (staff_grant, read by the row-level
 * security of sql/pg/0009-wechat-groups.sql).
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sz-db.h"
#include "sz-db-private.h"
#include "sz-roster.h"
#include "sz-server.h"

G_DEFINE_QUARK (sz-server-error-quark, sz_server_error)

void
sz_server_grant_free (SzServerGrant *grant)
{
  if (grant == NULL)
    return;
  g_free (grant->role);
  g_free (grant->community);
  g_free (grant);
}

static gboolean
require_server (SzDb    *db,
                GError **error)
{
  if (sz_db_get_engine (db) == SZ_DB_ENGINE_POSTGRESQL)
    return TRUE;
  g_set_error_literal (error, SZ_SERVER_ERROR, SZ_SERVER_ERROR_NOT_A_SERVER,
                       _("Staff logins belong to a server database (postgresql://…); "
                         "a database file is used by one office on one computer."));
  return FALSE;
}

/* Login names as a server administrator would type them: letters, digits
 * and _ . - (no quoting surprises in psql or pg_hba.conf). */
static gboolean
check_role (const char  *role,
            GError     **error)
{
  gsize len = role != NULL ? strlen (role) : 0;

  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isalnum (role[i]) && role[i] != '_' && role[i] != '.' && role[i] != '-')
      len = 0;
  if (len > 0 && len <= 63 && !g_str_has_prefix (role, "pg_") && !g_str_has_prefix (role, "sanzhang_"))
    return TRUE;
  g_set_error (error, SZ_SERVER_ERROR, SZ_SERVER_ERROR_BAD_NAME,
               /* Translators: %s is what the user typed as a login name */
               _("Login name: “%s” cannot be used. Use 1 to 63 Latin letters, digits, “_”, “.” or “-” "
                 "(for example wangli or zhang.wei), not starting with “pg_” or “sanzhang_”."),
               role != NULL ? role : "");
  return FALSE;
}

static gboolean
libpq_failed (SzDb    *db,
              GError **error)
{
  g_set_error (error, SZ_DB_ERROR, SZ_DB_ERROR_FAILED,
               /* Translators: the first %s is a file name, the second SQLite's message */
               _("The database “%s” reported an error: %s"), sz_db_get_path (db), PQerrorMessage (db->pg));
  return FALSE;
}

/* @before, the role as a quoted identifier, @after. */
static gboolean
exec_on_role (SzDb        *db,
              const char  *before,
              const char  *role,
              const char  *after,
              GError     **error)
{
  char *quoted = PQescapeIdentifier (db->pg, role, strlen (role));
  g_autofree char *sql = NULL;

  if (quoted == NULL)
    return libpq_failed (db, error);
  sql = g_strconcat (before, quoted, after, NULL);
  PQfreemem (quoted);
  return _sz_db_pg_exec_script (db, sql, error);
}

static gboolean
role_exists (SzDb        *db,
             const char  *role,
             gboolean    *exists,
             GError     **error)
{
  SzStmt *stmt = sz_db_prepare (db, "SELECT count(*) FROM pg_roles WHERE rolname = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sz_db_bind_text (stmt, 1, role);
  if (sz_db_step (db, stmt, error) != SQLITE_ROW)
    return FALSE;
  *exists = sz_stmt_column_int64 (stmt, 0) > 0;
  sz_stmt_reset (stmt);
  return TRUE;
}

static gboolean
set_password (SzDb        *db,
              const char  *role,
              const char  *password,
              GError     **error)
{
  char *hashed = PQencryptPasswordConn (db->pg, password, role, NULL);
  char *literal;
  g_autofree char *after = NULL;
  gboolean ok;

  if (hashed == NULL)
    return libpq_failed (db, error);
  literal = PQescapeLiteral (db->pg, hashed, strlen (hashed));
  PQfreemem (hashed);
  after = g_strconcat (" PASSWORD ", literal, NULL);
  PQfreemem (literal);
  ok = exec_on_role (db, "ALTER ROLE ", role, after, error);
  return ok;
}

gboolean
sz_server_grant (SzDb        *db,
                 const char  *role,
                 gint64       community_id,
                 const char  *password,
                 GError     **error)
{
  gboolean exists = FALSE;
  gboolean ok;

  g_return_val_if_fail (db != NULL, FALSE);

  if (!require_server (db, error) || !check_role (role, error))
    return FALSE;
  if (!sz_db_begin (db, error))
    return FALSE;
  ok = role_exists (db, role, &exists, error)
       && (exists || exec_on_role (db, "CREATE ROLE ", role, " LOGIN", error))
       && (password == NULL || set_password (db, role, password, error))
       && exec_on_role (db, "GRANT sanzhang_staff TO ", role, "", error);
  if (ok && community_id == 0)
    ok = exec_on_role (db, "GRANT sanzhang_street TO ", role, "", error);
  else if (ok)
    {
      ok = sz_row_require (db, "SELECT 1 FROM community WHERE id = ?1", community_id, _("Community"), error);
      if (ok)
        {
          SzStmt *stmt = sz_db_prepare (db, "INSERT OR IGNORE INTO staff_grant (role_name, community_id)"
                                            " VALUES (?1, ?2)", error);

          ok = stmt != NULL;
          if (ok)
            {
              sz_db_bind_text (stmt, 1, role);
              sz_stmt_bind_int64 (stmt, 2, community_id);
              ok = sz_row_finish_write (db, stmt, NULL, error);
            }
        }
    }
  return sz_db_end (db, ok, error);
}

gboolean
sz_server_revoke (SzDb        *db,
                  const char  *role,
                  gint64       community_id,
                  GError     **error)
{
  gboolean ok;

  g_return_val_if_fail (db != NULL, FALSE);

  if (!require_server (db, error) || !check_role (role, error))
    return FALSE;
  if (!sz_db_begin (db, error))
    return FALSE;
  if (community_id == 0)
    ok = exec_on_role (db, "REVOKE sanzhang_street FROM ", role, "", error);
  else
    {
      SzStmt *stmt = sz_db_prepare (db, "DELETE FROM staff_grant WHERE role_name = ?1 AND community_id = ?2", error);

      ok = stmt != NULL;
      if (ok)
        {
          sz_db_bind_text (stmt, 1, role);
          sz_stmt_bind_int64 (stmt, 2, community_id);
          ok = sz_row_finish_write (db, stmt, NULL, error);
        }
    }
  return sz_db_end (db, ok, error);
}

GPtrArray *
sz_server_list_grants (SzDb    *db,
                       GError **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) sz_server_grant_free);
  SzStmt *stmt;
  int rc;

  g_return_val_if_fail (db != NULL, NULL);

  if (!require_server (db, error))
    return NULL;
  stmt = sz_db_prepare (db,
                        "SELECT g.role_name, g.community_id, c.name FROM staff_grant g"
                        "  JOIN community c ON c.id = g.community_id"
                        " UNION ALL SELECT r.rolname, 0, NULL FROM pg_roles r"
                        "  WHERE pg_has_role (r.oid, 'sanzhang_street', 'MEMBER') AND r.rolcanlogin"
                        "    AND NOT r.rolsuper"
                        " ORDER BY 1, 2", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sz_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      SzServerGrant *g = g_new0 (SzServerGrant, 1);

      g->role = sz_db_column_dup (stmt, 0);
      g->community_id = sz_stmt_column_int64 (stmt, 1);
      g->community = sz_db_column_dup (stmt, 2);
      g_ptr_array_add (list, g);
    }
  sz_stmt_reset (stmt);
  return rc == SQLITE_DONE ? g_steal_pointer (&list) : NULL;
}
