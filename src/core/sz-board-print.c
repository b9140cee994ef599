/* sz-board-print.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>
#include <string.h>

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
  sqlite3_stmt *stmt;
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
      sqlite3_bind_int64 (stmt, 2, place_id);
      sqlite3_bind_int64 (stmt, 3, community_id);
      sz_db_bind_text (stmt, 4, content_hash);
      sz_db_bind_text (stmt, 5, at);
      ok = sz_db_step (db, stmt, error) == SQLITE_DONE;
      sqlite3_reset (stmt);
    }
  return sz_db_end (db, ok, error);
}

GHashTable *
sz_board_print_load (SzDb    *db,
                     gint64   community_id,
                     GError **error)
{
  g_autoptr(GHashTable) prints = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (db != NULL, NULL);

  stmt = sz_db_prepare (db,
                        "SELECT kind, place_id, content_hash, printed_at FROM board_print"
                        " WHERE community_id = ?1",
                        error);
  if (stmt == NULL)
    return NULL;
  prints = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) sz_board_print_free);
  sqlite3_bind_int64 (stmt, 1, community_id);
  while ((rc = sz_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      SzBoardPrint *print = g_new0 (SzBoardPrint, 1);

      /* The CHECK constraint keeps kind to the four names. */
      sz_board_kind_from_string ((const char *) sqlite3_column_text (stmt, 0), &print->kind);
      print->place_id = sqlite3_column_int64 (stmt, 1);
      print->content_hash = sz_db_column_dup (stmt, 2);
      print->printed_at = sz_db_column_dup (stmt, 3);
      g_hash_table_insert (prints, sz_board_print_key (print->kind, print->place_id), print);
    }
  sqlite3_reset (stmt);
  if (rc == 0)
    return NULL;
  return g_steal_pointer (&prints);
}
