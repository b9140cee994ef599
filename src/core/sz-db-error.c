/* sz-db-error.c: SQLite's result codes as SZ_DB_ERROR, and damage: once
 * found, nothing more is written to the file.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <sys/stat.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "sz-db.h"
#include "sz-db-private.h"

/* Files up to this size get PRAGMA quick_check on opening: about 0.1 s
 * per 50 MB here.  Bigger ones (a street office's) would make every start
 * and every command slow; their full check is the integrity_check of the
 * backup the app makes on start (sz-backup.c), and any read that meets a
 * damaged page marks them damaged as well. */
#define QUICK_CHECK_MAX_BYTES (G_GINT64_CONSTANT (50) * 1024 * 1024)

G_DEFINE_QUARK (sz-db-error-quark, sz_db_error)

static void memo_forget (SzDb *db);

void
sz_db_set_error (SzDb    *db,
                 int      rc,
                 GError **error)
{
  const char *file = db ? db->display_name : "";
  int primary = rc & 0xff;
  int system_errno;

  if (db != NULL && db->engine == SZ_DB_ENGINE_POSTGRESQL)
    {
      _sz_db_pg_set_error (db, error);
      return;
    }
  system_errno = db && db->handle ? sqlite3_system_errno (db->handle) : 0;

  /* A full disk shows as an I/O error when the write that fails is the
   * WAL index's or the journal's: the system's errno tells. */
  if ((primary == SQLITE_IOERR || primary == SQLITE_CANTOPEN) && (system_errno == ENOSPC || system_errno == EDQUOT))
    primary = SQLITE_FULL;
  /* Damage seen by any statement, once the file was accepted as ours
   * (before that, NOTADB means another kind of file). */
  if (db != NULL && (primary == SQLITE_CORRUPT || (primary == SQLITE_NOTADB && db->opened)))
    {
      /* Translators: how damage was found */
      g_autofree char *found = g_strdup (_("a part of it could not be read back"));

      /* The database engine's own words are for whoever repairs the file. */
      g_debug ("%s: %s", file, sqlite3_errstr (rc));
      sz_db_mark_damaged (db, found);
      primary = SQLITE_CORRUPT;
    }
  /* The authorizer refuses writes to a damaged file. */
  if (db != NULL && db->damage != NULL && primary == SQLITE_AUTH)
    primary = SQLITE_CORRUPT;

  switch (primary)
    {
    case SQLITE_READONLY:
      g_set_error (error, SZ_DB_ERROR, SZ_DB_ERROR_READ_ONLY,
                   /* Translators: %s is a file name */
                   _("The database “%s” cannot be written: the file or its folder is read-only. "
                     "Check its permissions, or copy it to a folder you can write to."), file);
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, SZ_DB_ERROR, SZ_DB_ERROR_LOCKED,
                   /* Translators: %s is a file name */
                   _("The database “%s” is in use by another program. "
                     "Close the other program (or the other Sanzhang window) and try again."), file);
      break;
    case SQLITE_NOTADB:
      g_set_error (error, SZ_DB_ERROR, SZ_DB_ERROR_NOT_A_DATABASE,
                   /* Translators: %s is a file name */
                   _("“%s” is not a Sanzhang database. Choose the right file; this one was left as it was."), file);
      break;
    case SQLITE_CORRUPT:
      if (db != NULL && db->damage != NULL)
        g_set_error (error, SZ_DB_ERROR, SZ_DB_ERROR_CORRUPT,
                     /* Translators: the first %s is a file name, the second says which check found what */
                     _("The database “%s” is damaged (%s). Nothing was changed, and nothing more will be written "
                       "to it; restore it from a backup copy."), file, db->damage);
      else
        g_set_error (error, SZ_DB_ERROR, SZ_DB_ERROR_CORRUPT,
                     /* Translators: %s is a file name */
                     _("The database “%s” is damaged. Nothing was changed; restore it from a backup copy."), file);
      break;
    case SQLITE_FULL:
      if (db != NULL && !db->opened)
        g_set_error (error, SZ_DB_ERROR, SZ_DB_ERROR_FULL,
                     /* Translators: %s is a file name */
                     _("The disk holding the database “%s” is full: it cannot be opened until some space is freed. "
                       "Nothing was changed."), file);
      else
        g_set_error (error, SZ_DB_ERROR, SZ_DB_ERROR_FULL,
                     /* Translators: %s is a file name */
                     _("The disk holding the database “%s” is full: the change was not saved. "
                       "Free some space and try again."), file);
      break;
    case SQLITE_CANTOPEN:
      g_set_error (error, SZ_DB_ERROR, SZ_DB_ERROR_CANT_OPEN,
                   /* Translators: %s is a file name */
                   _("The database “%s” cannot be opened: check that its folder exists and that you may read and write it."), file);
      break;
    case SQLITE_IOERR:
    case SQLITE_PERM:
      g_set_error (error, SZ_DB_ERROR, SZ_DB_ERROR_IO,
                   /* Translators: the first %s is a file name, the second the system's reason */
                   _("The database “%s” could not be read or written (%s). Nothing was changed."),
                   file, sqlite3_errstr (rc));
      break;
    default:
      g_set_error (error, SZ_DB_ERROR, SZ_DB_ERROR_FAILED,
                   /* Translators: the first %s is a file name, the second SQLite's message */
                   _("The database “%s” reported an error: %s"),
                   file, db && db->handle ? sqlite3_errmsg (db->handle) : sqlite3_errstr (rc));
      break;
    }
}

/* Installed once damage is known: SQLite then refuses every statement
 * that would write, whichever module prepared it (setting an authorizer
 * expires the prepared statements, so cached ones are checked again). */
static int
refuse_writes (void       *data,
               int         action,
               const char *a,
               const char *b,
               const char *c,
               const char *d)
{
  switch (action)
    {
    case SQLITE_READ:
    case SQLITE_SELECT:
    case SQLITE_FUNCTION:
    case SQLITE_TRANSACTION:
    case SQLITE_SAVEPOINT:
    case SQLITE_RECURSIVE:
      return SQLITE_OK;
    case SQLITE_PRAGMA:
      {
        static const char * const reading[] = {
          "integrity_check", "quick_check", "table_info", "table_xinfo", "index_list", "index_info",
          "foreign_key_list", "foreign_key_check", NULL,
        };

        /* Pragmas that read stay allowed; one that sets a value does not. */
        return b == NULL || g_strv_contains (reading, a) ? SQLITE_OK : SQLITE_DENY;
      }
    default:
      return SQLITE_DENY;
    }
}

void
sz_db_mark_damaged (SzDb       *db,
                    const char *found)
{
  g_return_if_fail (db != NULL);
  g_return_if_fail (found != NULL);

  if (db->damage != NULL)
    return;
  db->damage = g_strdup (found);
  if (db->handle != NULL)
    sqlite3_set_authorizer (db->handle, refuse_writes, NULL);
  /* Damage found by a later read: the next open checks again. */
  if (db->path != NULL)
    memo_forget (db);
}

const char *
sz_db_get_damage (SzDb *db)
{
  g_return_val_if_fail (db != NULL, NULL);
  return db->damage;
}

/* ---- Remembering a clean check ----------------------------------------------------------- *
 *
 * The quick check reads every page: ~20 ms for the demo, a third of
 * printing one board.  A file no program has written since it was last
 * found whole need not be read again: its device, inode, size, and the
 * times of its last change (mtime, and ctime, which no program can set
 * back) and its WAL's are remembered in the user's cache folder after a
 * check that found nothing, and a later open that finds all of them
 * unchanged skips the check.  As in git's index, a file changed within
 * the last second is not remembered: the file system's clock ticks
 * coarsely, and a write in the same tick as the check would not show. */

#define MEMO_RACY_SECONDS 1

static void
stamp_add (GString    *text,
           gint64     *newest,
           const char *path,
           gboolean    wal)
{
  struct stat st;

  /* SQLite's own open leaves an empty WAL behind while it is open: it
   * holds nothing, and its times say only when we opened. */
  if (stat (path, &st) != 0 || (wal && st.st_size == 0))
    {
      g_string_append (text, "-;");
      return;
    }
  g_string_append_printf (text, "%" G_GUINT64_FORMAT ":%" G_GUINT64_FORMAT ":%" G_GINT64_FORMAT
                          ":%" G_GINT64_FORMAT ".%09ld:%" G_GINT64_FORMAT ".%09ld;",
                          (guint64) st.st_dev, (guint64) st.st_ino, (gint64) st.st_size,
                          (gint64) st.st_mtim.tv_sec, st.st_mtim.tv_nsec,
                          (gint64) st.st_ctim.tv_sec, st.st_ctim.tv_nsec);
  *newest = MAX (*newest, (gint64) st.st_mtim.tv_sec * G_USEC_PER_SEC + st.st_mtim.tv_nsec / 1000);
  *newest = MAX (*newest, (gint64) st.st_ctim.tv_sec * G_USEC_PER_SEC + st.st_ctim.tv_nsec / 1000);
}

static char *
stamp_of (SzDb *db)
{
  g_autofree char *wal = g_strconcat (db->path, "-wal", NULL);
  g_autoptr(GString) text = g_string_new ("1;");
  gint64 newest = 0;

  stamp_add (text, &newest, db->path, FALSE);
  stamp_add (text, &newest, wal, TRUE);
  if (g_get_real_time () < newest + MEMO_RACY_SECONDS * G_USEC_PER_SEC)
    return NULL;
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
memo_path (SzDb *db)
{
  g_autofree char *absolute = g_canonicalize_filename (db->path, NULL);
  g_autofree char *name = g_compute_checksum_for_string (G_CHECKSUM_SHA256, absolute, -1);

  return g_build_filename (g_get_user_cache_dir (), "sanzhang", "checked", name, NULL);
}

static gboolean
memo_says_clean (SzDb       *db,
                 const char *stamp)
{
  g_autofree char *path = memo_path (db);
  g_autofree char *text = NULL;

  return g_file_get_contents (path, &text, NULL, NULL) && g_str_equal (text, stamp);
}

static void
memo_remember (SzDb       *db,
               const char *stamp)
{
  g_autofree char *path = memo_path (db);
  g_autofree char *folder = g_path_get_dirname (path);

  /* Best effort: a cache that cannot be written only means checking
   * again next time. */
  if (g_mkdir_with_parents (folder, 0700) == 0)
    g_file_set_contents_full (path, stamp, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, NULL);
}

static void
memo_forget (SzDb *db)
{
  g_autofree char *path = memo_path (db);

  g_unlink (path);
}

gboolean
sz_db_get_check_skipped (SzDb *db)
{
  g_return_val_if_fail (db != NULL, FALSE);
  return db->check_skipped;
}

/* The check on opening: quick_check (the B-trees' structure, not the
 * indexes' agreement with their tables) for a file small enough to read in
 * a moment; see QUICK_CHECK_MAX_BYTES.  Skipped for a file unchanged since
 * a clean check (above). */
gboolean
_sz_db_check_damage (SzDb     *db,
                     GError  **error)
{
  g_autofree char *wal = g_strconcat (db->path, "-wal", NULL);
  g_autofree char *stamp = NULL;
  g_autoptr(GString) found = g_string_new (NULL);
  GStatBuf st;
  gint64 size = 0;
  SzStmt *stmt;
  guint n_found = 0;
  int rc;

  db->check_skipped = FALSE;
  if (g_stat (db->path, &st) == 0)
    size += st.st_size;
  if (g_stat (wal, &st) == 0)
    size += st.st_size;
  if (size > QUICK_CHECK_MAX_BYTES)
    return TRUE;
  stamp = stamp_of (db);
  if (stamp != NULL && memo_says_clean (db, stamp))
    {
      db->check_skipped = TRUE;
      return TRUE;
    }

  stmt = sz_db_prepare (db, "PRAGMA quick_check(10)", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt->lite)) == SQLITE_ROW)
    {
      const char *text = (const char *) sqlite3_column_text (stmt->lite, 0);
      g_auto(GStrv) lines = g_strsplit (text ? text : "", "\n", -1);

      /* "*** in database main ***\nPage 13: …": the pages, three at most. */
      for (guint i = 0; lines[i] != NULL; i++)
        {
          if (g_str_equal (lines[i], "ok") || g_str_has_prefix (lines[i], "***") || *lines[i] == '\0')
            continue;
          if (++n_found > 3)
            continue;
          if (found->len > 0)
            g_string_append (found, "; ");
          g_string_append (found, lines[i]);
        }
    }
  sz_stmt_reset (stmt);
  if (n_found > 3)
    g_string_append (found, "; …");
  if (rc != SQLITE_DONE && found->len == 0)
    {
      if ((rc & 0xff) != SQLITE_CORRUPT && (rc & 0xff) != SQLITE_NOTADB)
        {
          sz_db_set_error (db, rc, error);
          return FALSE;
        }
      g_string_append (found, sqlite3_errstr (rc));
    }
  if (found->len == 0)
    {
      if (stamp != NULL)
        memo_remember (db, stamp);
      return TRUE;
    }
  memo_forget (db);
  {
    /* Translators: how damage was found; %s is SQLite's description of it */
    g_autofree char *what = g_strdup_printf (_("the quick check on opening found: %s"), found->str);
    sz_db_mark_damaged (db, what);
  }
  sz_db_set_error (db, SQLITE_CORRUPT, error);
  return FALSE;
}
