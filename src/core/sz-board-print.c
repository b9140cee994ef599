/* sz-board-print.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sz-board-print.h"
#include "sz-db.h"

static const char * const kind_names[SZ_N_BOARD_KINDS] = {
  "unit", "building", "grid", "community",
};

const char *
sz_board_kind_to_string (SzBoardKind kind)
{
  g_return_val_if_fail (kind < SZ_N_BOARD_KINDS, NULL);
  return kind_names[kind];
}

gboolean
sz_board_kind_from_string (const char  *str,
                           SzBoardKind *kind)
{
  g_return_val_if_fail (kind != NULL, FALSE);
  for (guint i = 0; str != NULL && i < SZ_N_BOARD_KINDS; i++)
    if (g_str_equal (str, kind_names[i]))
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

const char *
sz_board_kind_title (SzBoardKind kind)
{
  switch (kind)
    {
    case SZ_BOARD_UNIT:
      return _("Unit board");
    case SZ_BOARD_BUILDING:
      return _("Building board");
    case SZ_BOARD_GRID:
      return _("Grid board");
    case SZ_BOARD_COMMUNITY:
      return _("Community board");
    default:
      g_return_val_if_reached (NULL);
    }
}

void
sz_board_print_free (SzBoardPrint *print)
{
  if (print == NULL)
    return;
  g_free (print->content_hash);
  g_free (print->printed_at);
  g_free (print);
}

char *
sz_board_print_key (SzBoardKind kind,
                    gint64      place_id)
{
  return g_strdup_printf ("%s:%" G_GINT64_FORMAT, sz_board_kind_to_string (kind), place_id);
}

gboolean
sz_board_print_record (SzDb        *db,
                       gint64       community_id,
                       SzBoardKind  kind,
                       gint64       place_id,
                       const char  *content_hash,
                       GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *at = g_date_time_format (now, "%Y-%m-%d %H:%M:%S");
  SzStmt *stmt;
  gboolean ok;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (content_hash != NULL && strlen (content_hash) == 64, FALSE);

  if (!sz_db_begin (db, error))
    return FALSE;
  stmt = sz_db_prepare (db,
                        "INSERT INTO board_print (kind, place_id, community_id, content_hash, printed_at)"
                        " VALUES (?1, ?2, ?3, ?4, ?5)"
                        " ON CONFLICT (kind, place_id) DO UPDATE SET community_id = excluded.community_id,"
                        " content_hash = excluded.content_hash, printed_at = excluded.printed_at",
                        error);
  ok = stmt != NULL;
  if (ok)
    {
      sz_db_bind_text (stmt, 1, sz_board_kind_to_string (kind));
      sz_stmt_bind_int64 (stmt, 2, place_id);
      sz_stmt_bind_int64 (stmt, 3, community_id);
      sz_db_bind_text (stmt, 4, content_hash);
      sz_db_bind_text (stmt, 5, at);
      ok = sz_db_step (db, stmt, error) == SQLITE_DONE;
      sz_stmt_reset (stmt);
    }
  /* A print recorded now replaces one still pending (see below). */
  if (ok)
    {
      stmt = sz_db_prepare (db, "DELETE FROM board_print_pending WHERE kind = ?1 AND place_id = ?2", error);
      ok = stmt != NULL;
    }
  if (ok)
    {
      sz_db_bind_text (stmt, 1, sz_board_kind_to_string (kind));
      sz_stmt_bind_int64 (stmt, 2, place_id);
      ok = sz_db_step (db, stmt, error) == SQLITE_DONE;
      sz_stmt_reset (stmt);
    }
  return sz_db_end (db, ok, error);
}

/* A printed board and its print record are one step.
 *
 * The record cannot be committed in the same instant as the file's
 * rename, so the order is: the PDF is written whole to a temporary file;
 * the print is committed as *pending* on that file; the file is renamed
 * into place; the print is settled.  A pending print is a row of
 * board_print_pending (migration 5): the new print, the writer's PID, the
 * temporary file's device and inode, and the target's path; board_print
 * keeps the board's previous record (or none) until it is settled.
 *
 * It is resolved by the file itself: if the path is the temporary file
 * (same device and inode, which a rename keeps), the rename happened and
 * the new print stands; else the process died (or failed) before it, and
 * the board is as it was before the export: printed with its old content
 * (stale if that differs) or never printed.  So a kill at any moment
 * leaves the records agreeing with the files, and "boards --stale" exact:
 * a board is recorded with the content of the file that was really put in
 * place.  Rejected alternative: recording inside a transaction around the
 * rename, where a kill between the rename and the commit would leave a
 * printed board recorded as never printed (or with its old content). */

typedef enum
{
  PENDING_WAIT,    /* its writer still runs */
  PENDING_DONE,    /* the file is in place: the new print stands */
  PENDING_UNDONE,  /* never renamed: the old record stands */
} Pending;

/* The columns of a pending row, from @col on: pid, device, inode, path. */
#define PENDING_COLUMNS "pid, device, inode, path"

static Pending
pending_resolve (SzStmt *stmt,
                 int           col)
{
  gint64 pid = sz_stmt_column_int64 (stmt, col);
  guint64 dev = (guint64) sz_stmt_column_int64 (stmt, col + 1);
  guint64 ino = (guint64) sz_stmt_column_int64 (stmt, col + 2);
  const char *path = (const char *) sz_stmt_column_text (stmt, col + 3);
  GStatBuf st;

  if (pid != getpid () && pid > 0 && (kill ((pid_t) pid, 0) == 0 || errno != ESRCH))
    return PENDING_WAIT;
  if (path != NULL && g_stat (path, &st) == 0
      && (guint64) st.st_dev == dev && (guint64) st.st_ino == ino)
    return PENDING_DONE;
  return PENDING_UNDONE;
}

gboolean
sz_board_print_prepare (SzDb        *db,
                        gint64       community_id,
                        SzBoardKind  kind,
                        gint64       place_id,
                        const char  *content_hash,
                        const char  *file_path,
                        guint64      file_dev,
                        guint64      file_ino,
                        GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *at = g_date_time_format (now, "%Y-%m-%d %H:%M:%S");
  SzStmt *stmt;
  gboolean ok;

  g_return_val_if_fail (db != NULL && file_path != NULL, FALSE);
  g_return_val_if_fail (content_hash != NULL && strlen (content_hash) == 64, FALSE);

  if (!sz_db_begin (db, error))
    return FALSE;
  /* board_print stays as it is until the print is settled. */
  stmt = sz_db_prepare (db,
                        "INSERT OR REPLACE INTO board_print_pending (kind, place_id, community_id,"
                        " content_hash, printed_at, " PENDING_COLUMNS ")"
                        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                        error);
  ok = stmt != NULL;
  if (ok)
    {
      sz_db_bind_text (stmt, 1, sz_board_kind_to_string (kind));
      sz_stmt_bind_int64 (stmt, 2, place_id);
      sz_stmt_bind_int64 (stmt, 3, community_id);
      sz_db_bind_text (stmt, 4, content_hash);
      sz_db_bind_text (stmt, 5, at);
      sz_stmt_bind_int64 (stmt, 6, (gint64) getpid ());
      sz_stmt_bind_int64 (stmt, 7, (gint64) file_dev);
      sz_stmt_bind_int64 (stmt, 8, (gint64) file_ino);
      sz_db_bind_text (stmt, 9, file_path);
      ok = sz_db_step (db, stmt, error) == SQLITE_DONE;
      sz_stmt_reset (stmt);
    }
  return sz_db_end (db, ok, error);
}

/* Runs @sql, whose ?1 is a rowid. */
static gboolean
exec_on_row (SzDb        *db,
             const char  *sql,
             gint64       rowid,
             GError     **error)
{
  SzStmt *stmt = sz_db_prepare (db, sql, error);
  gboolean ok;

  if (stmt == NULL)
    return FALSE;
  sz_stmt_bind_int64 (stmt, 1, rowid);
  ok = sz_db_step (db, stmt, error) == SQLITE_DONE;
  sz_stmt_reset (stmt);
  return ok;
}

/* A pending row resolved by sz_board_print_settle(). */
typedef struct
{
  gint64   rowid;
  gboolean done;
} Settled;

gboolean
sz_board_print_settle (SzDb    *db,
                       GError **error)
{
  g_autoptr(GArray) settled = g_array_new (FALSE, FALSE, sizeof (Settled));
  SzStmt *stmt;
  gboolean ok = TRUE;
  gboolean any = FALSE;
  int rc;

  g_return_val_if_fail (db != NULL, FALSE);

  /* Nearly always nothing is pending: then no write lock is taken. */
  stmt = sz_db_prepare (db, "SELECT 1 FROM board_print_pending LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  rc = sz_db_step (db, stmt, error);
  any = rc == SQLITE_ROW;
  sz_stmt_reset (stmt);
  if (rc == 0)
    return FALSE;
  if (!any)
    return TRUE;

  /* Read and settle in one transaction, so that a print another export
   * prepares meanwhile is not settled from this one's reading. */
  if (!sz_db_begin (db, error))
    return FALSE;
  stmt = sz_db_prepare (db, "SELECT rowid, " PENDING_COLUMNS " FROM board_print_pending", error);
  ok = stmt != NULL;
  while (ok && (rc = sz_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      Pending state = pending_resolve (stmt, 1);
      Settled s = { sz_stmt_column_int64 (stmt, 0), state == PENDING_DONE };

      if (state != PENDING_WAIT)
        g_array_append_val (settled, s);
    }
  if (ok)
    {
      sz_stmt_reset (stmt);
      ok = rc != 0;
    }
  for (guint i = 0; i < settled->len && ok; i++)
    {
      const Settled *s = &g_array_index (settled, Settled, i);

      ok = (!s->done
            || exec_on_row (db,
                            "INSERT INTO board_print (kind, place_id, community_id, content_hash, printed_at)"
                            " SELECT kind, place_id, community_id, content_hash, printed_at"
                            " FROM board_print_pending WHERE rowid = ?1"
                            " ON CONFLICT (kind, place_id) DO UPDATE SET community_id = excluded.community_id,"
                            " content_hash = excluded.content_hash, printed_at = excluded.printed_at",
                            s->rowid, error))
           && exec_on_row (db, "DELETE FROM board_print_pending WHERE rowid = ?1", s->rowid, error);
    }
  return sz_db_end (db, ok, ok ? error : NULL);
}

GHashTable *
sz_board_print_load (SzDb    *db,
                     gint64   community_id,
                     GError **error)
{
  g_autoptr(GHashTable) prints = NULL;
  SzStmt *stmt;
  int rc;

  g_return_val_if_fail (db != NULL, NULL);

  prints = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) sz_board_print_free);
  /* The prints recorded, then those pending that stand (see above): a
   * pending print whose file is not in place leaves the old one. */
  for (guint pass = 0; pass < 2; pass++)
    {
      stmt = sz_db_prepare (db, pass == 0
                                ? "SELECT kind, place_id, content_hash, printed_at FROM board_print"
                                  " WHERE community_id = ?1"
                                : "SELECT kind, place_id, content_hash, printed_at, " PENDING_COLUMNS
                                  " FROM board_print_pending WHERE community_id = ?1",
                            error);
      if (stmt == NULL)
        return NULL;
      sz_stmt_bind_int64 (stmt, 1, community_id);
      while ((rc = sz_db_step (db, stmt, error)) == SQLITE_ROW)
        {
          SzBoardPrint *print;

          if (pass == 1 && pending_resolve (stmt, 4) != PENDING_DONE)
            continue;
          print = g_new0 (SzBoardPrint, 1);
          /* The CHECK constraint keeps kind to the four names. */
          sz_board_kind_from_string ((const char *) sz_stmt_column_text (stmt, 0), &print->kind);
          print->place_id = sz_stmt_column_int64 (stmt, 1);
          print->content_hash = sz_db_column_dup (stmt, 2);
          print->printed_at = sz_db_column_dup (stmt, 3);
          g_hash_table_replace (prints, sz_board_print_key (print->kind, print->place_id), print);
        }
      sz_stmt_reset (stmt);
      if (rc == 0)
        return NULL;
    }
  return g_steal_pointer (&prints);
}
