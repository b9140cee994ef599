/* sz-db-pg.c: the PostgreSQL server of a street office behind the same
 * SzDb: connecting (and creating the database when asked), SQLite's SQL
 * translated once per statement, running statements through libpq, and
 * the server's failures as SZ_DB_ERROR.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "sz-db.h"
#include "sz-db-private.h"

/* The channel the server's triggers notify on every change. */
#define NOTIFY_CHANNEL "sanzhang_changes"

gboolean
sz_db_location_is_server (const char *location)
{
  return location != NULL
         && (g_str_has_prefix (location, "postgresql://") || g_str_has_prefix (location, "postgres://"));
}

/* A .pgpass field: ':' and '\\' escaped. */
static void
append_field (GString    *line,
              const char *value)
{
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == ':' || *p == '\\')
        g_string_append_c (line, '\\');
      g_string_append_c (line, *p);
    }
}

gboolean
sz_db_remember_password (const char  *location,
                         const char  *password,
                         GError     **error)
{
  PQconninfoOption *opts;
  const char *fields[4] = { "*", "*", "*", NULL }; /* host, port, dbname, user */
  const char *file_env = g_getenv ("PGPASSFILE");
  g_autofree char *path = file_env != NULL && *file_env != '\0' ? g_strdup (file_env)
                          : g_build_filename (g_get_home_dir (), ".pgpass", NULL);
  g_autofree char *old = NULL;
  g_autoptr(GString) prefix = g_string_new (NULL);
  g_autoptr(GString) out = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;
  gboolean ok;

  g_return_val_if_fail (location != NULL && password != NULL, FALSE);

  opts = PQconninfoParse (location, NULL);
  for (PQconninfoOption *o = opts; o != NULL && o->keyword != NULL; o++)
    {
      if (o->val == NULL || *o->val == '\0')
        continue;
      if (g_str_equal (o->keyword, "host"))
        fields[0] = o->val;
      else if (g_str_equal (o->keyword, "port"))
        fields[1] = o->val;
      else if (g_str_equal (o->keyword, "dbname"))
        fields[2] = o->val;
      else if (g_str_equal (o->keyword, "user"))
        fields[3] = o->val;
    }
  if (opts == NULL || fields[3] == NULL)
    {
      PQconninfoFree (opts);
      g_set_error (error, SZ_DB_ERROR, SZ_DB_ERROR_CANT_OPEN,
                   /* Translators: %s is what the user typed */
                   _("Server address: “%s” names no login. Write it as postgresql://LOGIN@HOST/DATABASE."),
                   location);
      return FALSE;
    }
  /* The default socket is "localhost" to libpq's password file. */
  if (g_str_equal (fields[0], "*"))
    fields[0] = "localhost";
  for (guint i = 0; i < 4; i++)
    {
      append_field (prefix, fields[i]);
      g_string_append_c (prefix, ':');
    }
  PQconninfoFree (opts);

  if (g_file_get_contents (path, &old, NULL, NULL))
    {
      lines = g_strsplit (old, "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        if (*lines[i] != '\0' && !g_str_has_prefix (lines[i], prefix->str))
          g_string_append_printf (out, "%s\n", lines[i]);
    }
  g_string_append (out, prefix->str);
  append_field (out, password);
  g_string_append_c (out, '\n');
  ok = g_file_set_contents_full (path, out->str, (gssize) out->len, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
  /* libpq ignores a password file others can read. */
  return ok && g_chmod (path, 0600) == 0;
}

/* postgresql://user@host:port/db without the password or options, for
 * messages and titles. */
static char *
display_of (const char *location)
{
  PQconninfoOption *opts = PQconninfoParse (location, NULL);
  const char *user = NULL, *host = NULL, *port = NULL, *dbname = NULL;
  GString *s;

  if (opts == NULL)
    return g_strdup (location);
  for (PQconninfoOption *o = opts; o->keyword != NULL; o++)
    {
      if (o->val == NULL || *o->val == '\0')
        continue;
      if (g_str_equal (o->keyword, "user"))
        user = o->val;
      else if (g_str_equal (o->keyword, "host"))
        host = o->val;
      else if (g_str_equal (o->keyword, "port"))
        port = o->val;
      else if (g_str_equal (o->keyword, "dbname"))
        dbname = o->val;
    }
  s = g_string_new ("postgresql://");
  if (user != NULL)
    g_string_append_printf (s, "%s@", user);
  /* A socket folder is not a host name a user would recognize. */
  g_string_append (s, host != NULL && host[0] != '/' ? host : "localhost");
  if (port != NULL)
    g_string_append_printf (s, ":%s", port);
  g_string_append_printf (s, "/%s", dbname != NULL ? dbname : "");
  PQconninfoFree (opts);
  return g_string_free (s, FALSE);
}

static void
forget_failure (SzDb *db)
{
  g_clear_pointer (&db->pg_state, g_free);
  g_clear_pointer (&db->pg_message, g_free);
}

/* Keeps the server's SQLSTATE and words of @res (or of the connection,
 * when there is no result). */
static void
remember_failure (SzDb           *db,
                  const PGresult *res)
{
  const char *state = res != NULL ? PQresultErrorField (res, PG_DIAG_SQLSTATE) : NULL;
  const char *primary = res != NULL ? PQresultErrorField (res, PG_DIAG_MESSAGE_PRIMARY) : NULL;

  forget_failure (db);
  if (db->pg == NULL || PQstatus (db->pg) != CONNECTION_OK)
    state = "08006";
  db->pg_state = g_strdup (state != NULL ? state : "08006");
  if (primary == NULL)
    primary = db->pg != NULL ? PQerrorMessage (db->pg) : "";
  /* libpq's own words run over lines ("FATAL: …\nserver closed the
   * connection unexpectedly\n\tThis probably means …"): the first says it. */
  db->pg_message = g_strstrip (g_strndup (primary, strcspn (primary, "\n")));
  if (*db->pg_message == '\0')
    {
      g_free (db->pg_message);
      db->pg_message = g_strstrip (g_strdup (primary));
    }
}

void
_sz_db_pg_set_error (SzDb    *db,
                     GError **error)
{
  const char *state = db->pg_state != NULL ? db->pg_state : "XX000";
  const char *said = db->pg_message != NULL ? db->pg_message : "";
  const char *where = db->display_name;

  if (g_str_has_prefix (state, "08") || g_str_equal (state, "57P01") || g_str_equal (state, "57P02")
      || g_str_equal (state, "57P03"))
    g_set_error (error, SZ_DB_ERROR, SZ_DB_ERROR_UNREACHABLE,
                 /* Translators: the first %s is a server address, the second the reason */
                 _("The server “%s” cannot be reached (%s). Nothing was changed; "
                   "Sanzhang connects again at your next action."), where, said);
  else if (g_str_equal (state, "42501"))
    g_set_error (error, SZ_DB_ERROR, SZ_DB_ERROR_DENIED,
                 /* Translators: the first %s is a server address, the second the server's reason */
                 _("The server “%s” refused this (%s). Nothing was changed; the street office's "
                   "administrator grants staff their communities."), where, said);
  else if (g_str_equal (state, "40001") || g_str_equal (state, "40P01") || g_str_equal (state, "55P03"))
    g_set_error (error, SZ_DB_ERROR, SZ_DB_ERROR_LOCKED,
                 /* Translators: %s is a server address */
                 _("Another staff member was changing the same data on the server “%s”. "
                   "Nothing was changed; try again."), where);
  else if (g_str_equal (state, "23505"))
    g_set_error (error, SZ_DB_ERROR, SZ_DB_ERROR_STALE,
                 /* Translators: the first %s is a server address, the second the server's words */
                 _("Another staff member saved the same thing at the same moment on the server “%s” (%s). "
                   "Nothing was changed: look again, then try again if it is still needed."), where, said);
  else if (g_str_equal (state, "53100"))
    g_set_error (error, SZ_DB_ERROR, SZ_DB_ERROR_FULL,
                 /* Translators: %s is a server address */
                 _("The disk of the server “%s” is full: the change was not saved."), where);
  else if (g_str_has_prefix (state, "XX00"))
    g_set_error (error, SZ_DB_ERROR, SZ_DB_ERROR_CORRUPT,
                 /* Translators: the first %s is a server address, the second the server's words */
                 _("The server “%s” reports damaged data (%s). Nothing was changed."), where, said);
  else
    g_set_error (error, SZ_DB_ERROR, SZ_DB_ERROR_FAILED,
                 /* Translators: the first %s is a file name, the second SQLite's message */
                 _("The database “%s” reported an error: %s"), where, said);
}

static gboolean
fail_with (SzDb      *db,
           PGresult  *res,
           GError   **error)
{
  remember_failure (db, res);
  PQclear (res);
  _sz_db_pg_set_error (db, error);
  return FALSE;
}

/* Runs SQL of our own (no user text), several statements at once. */
static gboolean
run (SzDb        *db,
     const char  *sql,
     GError     **error)
{
  PGresult *res = PQexec (db->pg, sql);
  ExecStatusType st = PQresultStatus (res);

  if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK)
    {
      PQclear (res);
      return TRUE;
    }
  return fail_with (db, res, error);
}

/* What every new connection is told: who acts (the server trusts it only
 * from its administrators, see sz_actor() in sql/pg/0001-roster.sql), and
 * to notify this connection of other staff's changes. */
static gboolean
set_up_session (SzDb    *db,
                GError **error)
{
  const char *values[1] = { db->actor };
  PGresult *res;

  if (PQsetClientEncoding (db->pg, "UTF8") != 0)
    return fail_with (db, NULL, error);
  res = PQexecParams (db->pg, "SELECT set_config('sanzhang.actor', $1, false)", 1, NULL, values, NULL, NULL, 0);
  if (PQresultStatus (res) != PGRES_TUPLES_OK)
    return fail_with (db, res, error);
  PQclear (res);
  return run (db, "SET application_name = 'sanzhang'; SET client_min_messages = warning;"
                  " LISTEN " NOTIFY_CHANNEL, error);
}

/* After a dropped connection: once, and never inside a transaction (its
 * changes are gone with the connection; the caller's rollback says so). */
static gboolean
reconnect (SzDb    *db,
           GError **error)
{
  if (db->depth > 0)
    return fail_with (db, NULL, error);
  PQreset (db->pg);
  if (PQstatus (db->pg) != CONNECTION_OK)
    return fail_with (db, NULL, error);
  db->pg_generation++;
  return set_up_session (db, error);
}

/* Connects to @location; with SZ_DB_OPEN_CREATE a missing database is
 * created first, through the server's maintenance database. */
static PGconn *
connect_to (SzDb           *db,
            const char     *location,
            SzDbOpenFlags   flags,
            GError        **error)
{
  const char *keys[] = { "dbname", "dbname", "connect_timeout", NULL };
  const char *values[] = { location, "postgres", "10", NULL };
  PGconn *conn = PQconnectdb (location);
  PGconn *admin;
  PQconninfoOption *opts;
  const char *dbname = NULL;
  g_autofree char *sql = NULL;
  char *quoted;
  PGresult *res;
  gboolean exists;

  if (PQstatus (conn) == CONNECTION_OK)
    return conn;
  db->pg = conn;
  remember_failure (db, NULL);
  db->pg = NULL;
  PQfinish (conn);

  /* Was it the database that is missing, or the server? */
  admin = PQconnectdbParams (keys, values, 1);
  opts = PQconninfoParse (location, NULL);
  for (PQconninfoOption *o = opts; o != NULL && o->keyword != NULL; o++)
    if (g_str_equal (o->keyword, "dbname") && o->val != NULL)
      dbname = o->val;
  if (PQstatus (admin) != CONNECTION_OK || dbname == NULL)
    {
      _sz_db_pg_set_error (db, error);
      PQconninfoFree (opts);
      PQfinish (admin);
      return NULL;
    }
  {
    const char *p[1] = { dbname };
    res = PQexecParams (admin, "SELECT 1 FROM pg_database WHERE datname = $1", 1, NULL, p, NULL, NULL, 0);
    exists = PQresultStatus (res) == PGRES_TUPLES_OK && PQntuples (res) > 0;
    PQclear (res);
  }
  if (!(flags & SZ_DB_OPEN_CREATE) || exists)
    {
      if (!exists)
        g_set_error (error, SZ_DB_ERROR, SZ_DB_ERROR_NOT_FOUND,
                     /* Translators: %s is a file name */
                     _("There is no database at “%s”. Create one with “sanzhang-cli init” or “sanzhang-cli demo”."),
                     db->display_name);
      else
        _sz_db_pg_set_error (db, error);
      PQconninfoFree (opts);
      PQfinish (admin);
      return NULL;
    }
  quoted = PQescapeIdentifier (admin, dbname, strlen (dbname));
  sql = g_strdup_printf ("CREATE DATABASE %s ENCODING 'UTF8' TEMPLATE template0", quoted);
  PQfreemem (quoted);
  PQconninfoFree (opts);
  res = PQexec (admin, sql);
  if (PQresultStatus (res) != PGRES_COMMAND_OK)
    {
      db->pg = admin;
      remember_failure (db, res);
      db->pg = NULL;
      PQclear (res);
      PQfinish (admin);
      _sz_db_pg_set_error (db, error);
      return NULL;
    }
  PQclear (res);
  PQfinish (admin);
  conn = PQconnectdb (location);
  if (PQstatus (conn) != CONNECTION_OK)
    {
      db->pg = conn;
      remember_failure (db, NULL);
      db->pg = NULL;
      PQfinish (conn);
      _sz_db_pg_set_error (db, error);
      return NULL;
    }
  return conn;
}

/* The schema's version, refusing another program's database or a newer
 * one, as for a file. */
static gboolean
check_existing (SzDb    *db,
                GError **error)
{
  PGresult *res = PQexec (db->pg,
                          "SELECT (SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()),"
                          " to_regclass('sanzhang_schema') IS NOT NULL");
  gint64 objects;
  gboolean ours;
  gint64 version = 0;

  if (PQresultStatus (res) != PGRES_TUPLES_OK)
    return fail_with (db, res, error);
  objects = g_ascii_strtoll (PQgetvalue (res, 0, 0), NULL, 10);
  ours = PQgetvalue (res, 0, 1)[0] == 't';
  PQclear (res);
  if (ours)
    {
      res = PQexec (db->pg, "SELECT coalesce(max(version), 0) FROM sanzhang_schema");
      if (PQresultStatus (res) != PGRES_TUPLES_OK)
        return fail_with (db, res, error);
      version = g_ascii_strtoll (PQgetvalue (res, 0, 0), NULL, 10);
      PQclear (res);
    }
  if (version > SZ_DB_SCHEMA_VERSION)
    {
      g_set_error (error, SZ_DB_ERROR, SZ_DB_ERROR_TOO_NEW,
                   /* Translators: %s is a file name, the numbers are schema versions */
                   _("The database “%s” was written by a newer version of Sanzhang "
                     "(data format %d; this version reads up to %d). "
                     "Nothing was changed: install the newer version to open it."),
                   db->display_name, (int) version, SZ_DB_SCHEMA_VERSION);
      return FALSE;
    }
  if (!ours && objects > 0)
    {
      g_set_error (error, SZ_DB_ERROR, SZ_DB_ERROR_NOT_A_DATABASE,
                   /* Translators: %s is a file name */
                   _("“%s” is a database of another program, not of Sanzhang. It was left as it was."),
                   db->display_name);
      return FALSE;
    }
  db->schema_version = (int) version;
  return TRUE;
}

gboolean
_sz_db_pg_schema_changed (SzDb    *db,
                          GError **error)
{
  PGresult *res = PQexec (db->pg,
                          "SELECT table_name FROM information_schema.columns"
                          " WHERE table_schema = current_schema() AND column_name = 'id'");

  if (PQresultStatus (res) != PGRES_TUPLES_OK)
    return fail_with (db, res, error);
  /* Statements translated before keep what they knew: prepare anew. */
  g_hash_table_remove_all (db->statements);
  g_hash_table_remove_all (db->pg_id_tables);
  for (int i = 0; i < PQntuples (res); i++)
    g_hash_table_add (db->pg_id_tables, g_strdup (PQgetvalue (res, i, 0)));
  PQclear (res);
  return TRUE;
}

SzDb *
_sz_db_pg_open (const char     *location,
                SzDbOpenFlags   flags,
                GError        **error)
{
  g_autoptr(SzDb) db = g_new0 (SzDb, 1);

  db->engine = SZ_DB_ENGINE_POSTGRESQL;
  db->path = g_strdup (location);
  db->display_name = display_of (location);
  db->actor = g_strdup (g_get_user_name ());
  db->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, _sz_stmt_free);
  db->pg_id_tables = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  db->pg = connect_to (db, location, flags, error);
  if (db->pg == NULL)
    return NULL;
  if (!set_up_session (db, error) || !check_existing (db, error))
    return NULL;
  if (db->schema_version == 0 && !(flags & SZ_DB_OPEN_CREATE))
    {
      g_set_error (error, SZ_DB_ERROR, SZ_DB_ERROR_NOT_FOUND,
                   /* Translators: %s is a server address */
                   _("The database “%s” on the server is empty. Set it up with “sanzhang-cli server init”."),
                   db->display_name);
      return NULL;
    }
  if (!_sz_db_pg_schema_changed (db, error) || !_sz_db_migrate (db, error))
    return NULL;
  db->opened = TRUE;
  return g_steal_pointer (&db);
}

void
_sz_db_pg_close (SzDb *db)
{
  g_clear_pointer (&db->pg, PQfinish);
  g_clear_pointer (&db->pg_id_tables, g_hash_table_unref);
  forget_failure (db);
}

gboolean
_sz_db_pg_exec (SzDb        *db,
                const char  *sql,
                GError     **error)
{
  g_autofree char *translated = _sz_db_pg_translate (sql, NULL, NULL);

  if (PQstatus (db->pg) != CONNECTION_OK && !reconnect (db, error))
    return FALSE;
  return run (db, translated, error);
}

/* The SQL of a migration file, as it is. */
gboolean
_sz_db_pg_exec_script (SzDb        *db,
                       const char  *sql,
                       GError     **error)
{
  return run (db, sql, error);
}

static void
clear_row (SzStmt *stmt)
{
  if (stmt->blobs != NULL)
    {
      int n = stmt->result != NULL ? PQnfields (stmt->result) : 0;

      for (int i = 0; i < n; i++)
        g_clear_pointer (&stmt->blobs[i], PQfreemem);
      g_clear_pointer (&stmt->blobs, g_free);
      g_clear_pointer (&stmt->blob_lengths, g_free);
    }
}

void
_sz_db_pg_reset (SzStmt *stmt)
{
  clear_row (stmt);
  g_clear_pointer (&stmt->result, PQclear);
  stmt->row = -1;
  stmt->n_rows = 0;
}

/* Notifications other staff's changes sent: each moves the change count
 * (sz_db_get_change_count()), so caches and lists reload. */
static void
take_notifications (SzDb *db)
{
  PGnotify *n;

  if (db->pg == NULL || !PQconsumeInput (db->pg))
    return;
  while ((n = PQnotifies (db->pg)) != NULL)
    {
      if (n->be_pid != PQbackendPID (db->pg))
        db->pg_notified++;
      PQfreemem (n);
    }
}

guint64
_sz_db_pg_poll (SzDb *db)
{
  take_notifications (db);
  return db->pg_notified;
}

static gboolean
uses_param (const char *sql,
            int         n)
{
  for (const char *p = sql; (p = strchr (p, '$')) != NULL; p++)
    if (g_ascii_isdigit (p[1]) && g_ascii_strtoll (p + 1, NULL, 10) == n)
      return TRUE;
  return FALSE;
}

int
_sz_db_pg_step (SzDb    *db,
                SzStmt  *stmt,
                GError **error)
{
  if (stmt->result == NULL)
    {
      PGresult *res;
      ExecStatusType st;

      if (PQstatus (db->pg) != CONNECTION_OK && !reconnect (db, error))
        return 0;
      if (stmt->name == NULL || stmt->generation != db->pg_generation)
        {
          g_free (stmt->name);
          stmt->name = g_strdup_printf ("sz%u", ++db->pg_names);
          g_autofree Oid *types = g_new0 (Oid, MAX (stmt->n_params, 1));

          /* SQLite lets a statement skip a number (?1 and ?3): the server
           * must be told a type for the one it never sees. */
          for (int i = 0; i < stmt->n_params; i++)
            if (!uses_param (stmt->sql, i + 1))
              types[i] = 25; /* text */
          res = PQprepare (db->pg, stmt->name, stmt->sql, stmt->n_params, types);
          /* "?1 IS NULL OR x = ?1" and the like, where the server cannot
           * tell the type: then as the values were bound (NULL as text). */
          if (PQresultStatus (res) != PGRES_COMMAND_OK
              && (g_strcmp0 (PQresultErrorField (res, PG_DIAG_SQLSTATE), "42P08") == 0
                  || g_strcmp0 (PQresultErrorField (res, PG_DIAG_SQLSTATE), "42P18") == 0))
            {
              PQclear (res);
              for (int i = 0; i < stmt->n_params; i++)
                types[i] = stmt->kinds[i] != 0 ? stmt->kinds[i] : 25;
              res = PQprepare (db->pg, stmt->name, stmt->sql, stmt->n_params, types);
            }
          if (PQresultStatus (res) != PGRES_COMMAND_OK)
            {
              /* A dropped connection outside a transaction: once more on a
               * new one. */
              if (PQstatus (db->pg) != CONNECTION_OK && db->depth == 0)
                {
                  PQclear (res);
                  g_clear_pointer (&stmt->name, g_free);
                  if (!reconnect (db, error))
                    return 0;
                  return _sz_db_pg_step (db, stmt, error);
                }
              g_clear_pointer (&stmt->name, g_free);
              g_debug ("%s: %s", stmt->sql, PQresultErrorMessage (res));
              fail_with (db, res, error);
              return 0;
            }
          PQclear (res);
          stmt->generation = db->pg_generation;
        }
      res = PQexecPrepared (db->pg, stmt->name, stmt->n_params, (const char * const *) stmt->values,
                            stmt->lengths, stmt->formats, 0);
      st = PQresultStatus (res);
      if (st != PGRES_TUPLES_OK && st != PGRES_COMMAND_OK)
        {
          g_debug ("%s: %s", stmt->sql, PQresultErrorMessage (res));
          fail_with (db, res, error);
          return 0;
        }
      stmt->result = res;
      stmt->row = -1;
      stmt->n_rows = st == PGRES_TUPLES_OK ? PQntuples (res) : 0;
      if (*PQcmdTuples (res) != '\0')
        db->pg_changes = (int) g_ascii_strtoll (PQcmdTuples (res), NULL, 10);
      /* The RETURNING id we added gives the id, not rows. */
      if (stmt->adds_id)
        {
          if (stmt->n_rows > 0)
            db->pg_last_id = g_ascii_strtoll (PQgetvalue (res, stmt->n_rows - 1, 0), NULL, 10);
          stmt->n_rows = 0;
        }
    }
  clear_row (stmt);
  if (stmt->row < stmt->n_rows)
    stmt->row++;
  return stmt->row < stmt->n_rows ? SQLITE_ROW : SQLITE_DONE;
}

/* The keys INSERT OR REPLACE replaces on, for the tables the core writes
 * so. */
static const struct
{
  const char *table;
  const char *key;
} replace_keys[] = {
  { "board_print_pending", "kind, place_id" },
  { "person_image", "person_id, kind" },
  { "record_state", "record_id" },
};

/* INSERT OR REPLACE INTO t (a, b, …) …: the server's upsert on t's key. */
static void
append_upsert (GString    *out,
               const char *sql)
{
  const char *t = sql + strlen ("INSERT OR REPLACE INTO ");
  gsize len = strcspn (t, " (");
  g_autofree char *table = g_strndup (t, len);
  const char *open = strchr (t, '(');
  const char *close = open != NULL ? strchr (open, ')') : NULL;
  g_autofree char *list = close != NULL ? g_strndup (open + 1, close - open - 1) : g_strdup ("");
  g_auto(GStrv) cols = g_strsplit (list, ",", -1);
  const char *key = NULL;
  gboolean first = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (replace_keys); i++)
    if (g_str_equal (replace_keys[i].table, table))
      key = replace_keys[i].key;
  g_return_if_fail (key != NULL);
  g_string_append_printf (out, " ON CONFLICT (%s) DO UPDATE SET ", key);
  for (guint i = 0; cols[i] != NULL; i++)
    {
      g_autofree char *c = g_strstrip (g_strdup (cols[i]));
      g_autofree char *needle = g_strconcat (", ", c, ",", NULL);
      g_autofree char *padded_key = g_strconcat (", ", key, ",", NULL);

      if (strstr (padded_key, needle) != NULL)
        continue;
      g_string_append_printf (out, "%s%s = excluded.%s", first ? "" : ", ", c, c);
      first = FALSE;
    }
}

/* SQLite's SQL as the core writes it, for the server: ?N parameters, INSERT
 * OR IGNORE, the pinyin collation, temp tables; an INSERT into a table with
 * an id returns it (for sz_db_last_insert_id()).  Quoted text is left as it
 * is. */
char *
_sz_db_pg_translate (const char *sql,
                     GHashTable *id_tables,
                     gboolean   *adds_id)
{
  GString *out = g_string_sized_new (strlen (sql) + 32);
  gboolean ignore = FALSE;
  gboolean replace = FALSE;
  int next_param = 0;
  const char *p = sql;

  while (*p != '\0')
    {
      if (*p == '\'' || *p == '"')
        {
          char q = *p;
          const char *end = p + 1;

          while (*end != '\0' && !(*end == q && end[1] != q))
            end += *end == q ? 2 : 1;
          if (*end != '\0')
            end++;
          g_string_append_len (out, p, end - p);
          p = end;
        }
      else if (*p == '?')
        {
          char *end;
          gint64 n = g_ascii_strtoll (p + 1, &end, 10);

          if (end == p + 1)
            n = ++next_param;
          else
            next_param = MAX (next_param, (int) n);
          /* SQLite's IS and IS NOT compare any two values. */
          if (out->len >= 7 && g_ascii_strncasecmp (out->str + out->len - 7, "IS NOT ", 7) == 0)
            {
              g_string_truncate (out, out->len - 7);
              g_string_append (out, "IS DISTINCT FROM ");
            }
          else if (out->len >= 4 && g_ascii_strncasecmp (out->str + out->len - 4, " IS ", 4) == 0)
            {
              g_string_truncate (out, out->len - 3);
              g_string_append (out, "IS NOT DISTINCT FROM ");
            }
          /* A negative LIMIT is none in SQLite, an error on the server. */
          if (out->len >= 6 && g_ascii_strncasecmp (out->str + out->len - 6, "LIMIT ", 6) == 0)
            g_string_append_printf (out, "(CASE WHEN $%d::bigint < 0 THEN NULL ELSE $%d::bigint END)",
                                    (int) n, (int) n);
          else
            g_string_append_printf (out, "$%d", (int) n);
          p = end;
        }
      else if ((p == sql || !g_ascii_isalnum (p[-1])) && g_ascii_strncasecmp (p, "INSERT OR IGNORE ", 17) == 0)
        {
          g_string_append (out, "INSERT ");
          ignore = TRUE;
          p += 17;
        }
      else if (p == sql && g_ascii_strncasecmp (p, "INSERT OR REPLACE ", 18) == 0)
        {
          g_string_append (out, "INSERT ");
          replace = TRUE;
          p += 18;
        }
      else if ((p == sql || !g_ascii_isalnum (p[-1])) && g_ascii_strncasecmp (p, "COLLATE PINYIN", 14) == 0
               && !g_ascii_isalnum (p[14]))
        {
          g_string_append (out, "COLLATE \"zh-x-icu\"");
          p += 14;
        }
      else if ((p == sql || !(g_ascii_isalnum (p[-1]) || p[-1] == '_')) && g_ascii_strncasecmp (p, "temp.", 5) == 0)
        {
          g_string_append (out, "pg_temp.");
          p += 5;
        }
      else if ((p == sql || !g_ascii_isalnum (p[-1])) && g_ascii_strncasecmp (p, "WITHOUT ROWID", 13) == 0)
        p += 13;
      /* SQLite's CROSS JOIN … ON fixes the join order; the server plans
       * it as an inner join. */
      else if ((p == sql || !g_ascii_isalnum (p[-1])) && g_ascii_strncasecmp (p, "CROSS JOIN ", 11) == 0)
        {
          g_string_append (out, "JOIN ");
          p += 11;
        }
      else
        g_string_append_c (out, *p++);
    }
  if (ignore)
    g_string_append (out, " ON CONFLICT DO NOTHING");
  if (replace)
    append_upsert (out, sql);

  if (adds_id != NULL)
    *adds_id = FALSE;
  if (id_tables != NULL && adds_id != NULL && g_ascii_strncasecmp (out->str, "INSERT INTO ", 12) == 0
      && strstr (out->str, "RETURNING") == NULL && strstr (out->str, "returning") == NULL)
    {
      const char *t = out->str + 12;
      gsize len = strcspn (t, " (");
      g_autofree char *table = g_strndup (t, len);

      if (g_hash_table_contains (id_tables, table))
        {
          g_string_append (out, " RETURNING id");
          *adds_id = TRUE;
        }
    }
  return g_string_free (out, FALSE);
}
