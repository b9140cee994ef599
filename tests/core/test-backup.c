/* test-backup.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sz-backup.h"
#include "sz-backup-private.h"
#include "sz-demo.h"
#include "sz-record.h"
#include "sz-safe-file.h"
#include "sz-cli-test-util.h"
#include "sz-test-util.h"

/* Backups and restores on real SQLite files, the damaged-file and
 * full-disk refusals, and kill -9 of the command line half-way through a
 * backup or a restore. */

/* ---- Helpers ------------------------------------------------------------------ */

static guint
file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

/* A demo database, closed, and its path. */
static char *
make_demo_db (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  SzDb *db = test_open_db (name, &path);

  g_assert_true (sz_demo_load (db, NULL, &error));
  g_assert_no_error (error);
  sz_db_close (db);
  return g_steal_pointer (&path);
}

/* Raw SQLite, the way another tool sees the file: it only reads, but may
 * roll back a journal or recover a WAL a killed process left (a read-only
 * connection would refuse to). */
static gint64
raw_int (const char *path,
         const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 v;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  v = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return v;
}

static char *
raw_text (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *v = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    v = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  else
    v = g_strdup (sqlite3_errmsg (db));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return v;
}

static void
raw_exec (const char *path,
          const char *sql)
{
  sqlite3 *h = NULL;

  g_assert_cmpint (sqlite3_open (path, &h), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (h, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (h);
}

static void
assert_intact (const char *path)
{
  g_autofree char *result = raw_text (path, "PRAGMA integrity_check");

  if (g_strcmp0 (result, "ok") != 0)
    g_test_message ("%s: %s", path, result);
  g_assert_cmpstr (result, ==, "ok");
}

/* Overwrites page @page (1-based, 4 KiB pages) with noise, as a failing
 * disk would. */
static void
damage_page (const char *path,
             guint       page)
{
  guint8 noise[4096];
  int fd = g_open (path, O_WRONLY, 0);

  for (guint i = 0; i < sizeof noise; i++)
    noise[i] = (guint8) (i * 7919 + page);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (pwrite (fd, noise, sizeof noise, (off_t) (page - 1) * 4096), ==, sizeof noise);
  close (fd);
}

/* The root page of @table: a page whose damage every read of it meets. */
static guint
root_page (const char *path,
           const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT rootpage FROM sqlite_schema WHERE name = '%s'", table);

  return (guint) raw_int (path, sql);
}

/* Files in @folder whose name marks them temporary. */
static guint
count_temp_files (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (sz_safe_file_is_temp_name (name) || g_str_has_suffix (name, "-journal") || g_str_has_suffix (name, ".pending"))
      {
        g_test_message ("temporary file left: %s/%s", folder, name);
        n++;
      }
  return n;
}

static void
add_community (const char *path,
               const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SzDb) db = sz_db_open (path, SZ_DB_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  test_add_community (db, name);
}

/* ---- Backups ------------------------------------------------------------------ */

static void
test_create_and_list (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = make_demo_db ("office.db");
  g_autofree char *folder = sz_backup_default_folder (path);
  g_autoptr(SzBackupInfo) info = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *base = NULL;
  gint64 people = raw_int (path, "SELECT count(*) FROM person");

  info = sz_backup_create (path, NULL, SZ_BACKUP_TAG_MANUAL, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (info);

  /* In its own folder, 0700; the file 0600, named by when and why. */
  g_assert_true (g_str_has_prefix (info->path, folder));
  g_assert_cmpuint (file_mode (folder), ==, 0700);
  g_assert_cmpuint (file_mode (info->path), ==, 0600);
  base = g_path_get_basename (info->path);
  g_assert_true (g_regex_match_simple ("^office-\\d{4}-\\d\\d-\\d\\dT\\d\\d-\\d\\d-\\d\\d-manual\\.db$", base, 0, 0));
  g_assert_cmpstr (info->tag, ==, "manual");
  g_assert_true (info->readable);
  g_assert_cmpint (info->communities, ==, 1);
  g_assert_cmpint (info->people, ==, people);
  g_assert_cmpint (info->records, >, 0);
  g_assert_cmpint (info->schema_version, ==, SZ_DB_SCHEMA_VERSION);

  /* A copy that stands alone: no -wal or -shm, checked, read-only readable. */
  assert_intact (info->path);
  g_assert_true (sz_backup_verify (info->path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (raw_int (info->path, "SELECT count(*) FROM person"), ==, people);
  g_assert_cmpuint (count_temp_files (folder), ==, 0);

  /* Two in the same second get different names. */
  {
    g_autoptr(GDateTime) when = g_date_time_ref (info->time);
    g_autoptr(SzBackupInfo) again = sz_backup_create (path, NULL, SZ_BACKUP_TAG_MANUAL, when, NULL, NULL, NULL, &error);

    g_assert_no_error (error);
    g_assert_true (g_str_has_suffix (again->path, "-manual-2.db"));
    g_assert_cmpuint (again->number, ==, 2);
  }

  list = sz_backup_list (path, NULL, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  /* Newest first. */
  g_assert_true (g_str_has_suffix (((SzBackupInfo *) list->pdata[0])->path, "-manual-2.db"));
  g_assert_cmpint (((SzBackupInfo *) list->pdata[1])->people, ==, people);

  /* Another database's backups live apart. */
  {
    g_autofree char *other = make_demo_db ("other.db");
    g_autofree char *other_folder = sz_backup_default_folder (other);
    g_autoptr(GPtrArray) none = sz_backup_list (other, NULL, FALSE, &error);

    g_assert_cmpstr (other_folder, !=, folder);
    g_assert_cmpuint (none->len, ==, 0);
  }
}

static void
test_needed (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = make_demo_db ("needed.db");
  SzBackupRetention keep = SZ_BACKUP_RETENTION_DEFAULT;
  g_autoptr(SzBackupInfo) first = NULL;
  g_autoptr(SzBackupInfo) second = NULL;
  g_autoptr(SzBackupInfo) third = NULL;

  g_assert_true (sz_backup_needed (path, NULL, &error));
  first = sz_backup_auto (path, NULL, SZ_BACKUP_TAG_START, &keep, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (first);

  /* Nothing changed: no second copy. */
  g_assert_false (sz_backup_needed (path, NULL, &error));
  second = sz_backup_auto (path, NULL, SZ_BACKUP_TAG_CLOSE, &keep, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (second);

  /* An update (the audit log grows) is a change. */
  {
    g_autoptr(SzDb) db = sz_db_open (path, SZ_DB_OPEN_DEFAULT, &error);
    g_autoptr(SzPerson) p = sz_person_get (db, 1, &error);

    g_assert_no_error (error);
    g_free (p->notes);
    p->notes = g_strdup ("改了备注");
    g_assert_true (sz_person_save (db, p, &error));
  }
  g_assert_true (sz_backup_needed (path, NULL, &error));
  third = sz_backup_auto (path, NULL, SZ_BACKUP_TAG_TIMER, &keep, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (third);
  g_assert_false (sz_backup_needed (path, NULL, &error));

  /* The newest deleted by hand: a new one is needed. */
  g_assert_cmpint (g_unlink (third->path), ==, 0);
  g_assert_true (sz_backup_needed (path, NULL, &error));
}

/* A backup made while another connection writes is of one moment. */
static void
test_while_writing (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = make_demo_db ("busy.db");
  g_autoptr(SzDb) db = sz_db_open (path, SZ_DB_OPEN_DEFAULT, &error);
  g_autoptr(SzBackupInfo) info = NULL;
  gint64 before = test_count (db, "community");

  g_assert_no_error (error);
  /* The app is half-way through a change: the copy has none of it. */
  g_assert_true (sz_db_begin (db, &error));
  test_add_community (db, "写了一半的社区");
  info = sz_backup_create (path, NULL, SZ_BACKUP_TAG_TIMER, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (sz_db_end (db, TRUE, &error));
  g_assert_cmpint (info->communities, ==, before);
  g_assert_cmpint (test_count (db, "community"), ==, before + 1);
}

static gboolean
cancel_at_first_step (gpointer data)
{
  g_cancellable_cancel (data);
  return FALSE;
}

static void
on_progress (guint    remaining,
             guint    total,
             gpointer data)
{
  cancel_at_first_step (data);
}

static void
test_cancel (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = make_demo_db ("cancel.db");
  g_autofree char *folder = sz_backup_default_folder (path);
  g_autoptr(GCancellable) cancel = g_cancellable_new ();
  g_autoptr(SzBackupInfo) info = NULL;
  g_autoptr(GPtrArray) list = NULL;

  info = sz_backup_create (path, NULL, SZ_BACKUP_TAG_MANUAL, NULL, on_progress, cancel, cancel, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (info);
  list = sz_backup_list (path, NULL, FALSE, NULL);
  g_assert_cmpuint (list->len, ==, 0);
  g_assert_cmpuint (count_temp_files (folder), ==, 0);
}

static void
on_async_done (GObject      *source,
               GAsyncResult *result,
               gpointer      data)
{
  SzBackupInfo **out = data;
  g_autoptr(GError) error = NULL;

  *out = sz_backup_create_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_async (void)
{
  g_autofree char *path = make_demo_db ("async.db");
  SzBackupInfo *info = NULL;

  sz_backup_create_async (path, NULL, SZ_BACKUP_TAG_START, NULL, on_async_done, &info);
  while (info == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (info->readable);
  sz_backup_info_free (info);
}

/* ---- Rotation, by a fake clock ---------------------------------------------------- */

/* Empty files named as backups: rotation goes by names only. */
static void
fake_backup (const char *folder,
             GDateTime  *when)
{
  g_autofree char *name = sz_backup_format_name ("rot", when, SZ_BACKUP_TAG_TIMER, 1);
  g_autofree char *path = g_build_filename (folder, name, NULL);

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
}

static void
test_rotation (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = test_db_path ("rot.db");
  g_autofree char *folder = g_build_filename (g_get_user_data_dir (), "rotation", NULL);
  g_autoptr(GDateTime) start = g_date_time_new_local (2025, 1, 1, 8, 0, 0);
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GHashTable) days = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  SzBackupRetention keep = SZ_BACKUP_RETENTION_DEFAULT;
  guint today = 0;

  g_mkdir_with_parents (folder, 0700);
  /* An office that opens the app four times a day for 600 days, and
   * rotates after each backup. */
  for (guint i = 0; i < 600 * 4; i++)
    {
      g_autoptr(GPtrArray) deleted = NULL;

      g_clear_pointer (&now, g_date_time_unref);
      now = g_date_time_add_hours (start, (int) (i / 4) * 24 + (int) (i % 4) * 3);
      fake_backup (folder, now);
      deleted = sz_backup_rotate (db_path, folder, &keep, now, &error);
      g_assert_no_error (error);
    }

  list = sz_backup_list (db_path, folder, FALSE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    {
      SzBackupInfo *info = list->pdata[i];
      g_autofree char *day = g_date_time_format (info->time, "%Y-%m-%d");

      if (g_date_time_get_day_of_year (info->time) == g_date_time_get_day_of_year (now)
          && g_date_time_get_year (info->time) == g_date_time_get_year (now))
        today++;
      /* Never two of one earlier day. */
      g_assert_false (g_hash_table_contains (days, day) && today == 0);
      g_hash_table_add (days, g_steal_pointer (&day));
    }
  /* Today's four, 12 days, 10 weeks, 9 months. */
  g_assert_cmpuint (today, ==, 4);
  g_assert_cmpuint (list->len, ==, 4 + 12 + 10 + 9);
  /* The newest is the last made; the oldest some 11 months back. */
  g_assert_true (g_date_time_equal (((SzBackupInfo *) list->pdata[0])->time, now));
  {
    GDateTime *oldest = ((SzBackupInfo *) list->pdata[list->len - 1])->time;
    GTimeSpan age = g_date_time_difference (now, oldest);

    g_assert_cmpint (age / G_TIME_SPAN_DAY, >, 9 * 28 + 10 * 7 - 7);
    g_assert_cmpint (age / G_TIME_SPAN_DAY, <, 12 * 31 + 10 * 7);
  }

  /* Smaller counts from the preferences; and the newest stays even when
   * nothing is to be kept and it is not from today. */
  {
    SzBackupRetention few = { 1, 1, 0 };
    SzBackupRetention none = { 0, 0, 0 };
    g_autoptr(GDateTime) later = g_date_time_add_days (now, 400);
    g_autoptr(GPtrArray) deleted = sz_backup_rotate (db_path, folder, &few, now, &error);
    g_autoptr(GPtrArray) after = NULL;

    g_assert_no_error (error);
    g_clear_pointer (&list, g_ptr_array_unref);
    list = sz_backup_list (db_path, folder, FALSE, &error);
    g_assert_cmpuint (list->len, ==, 4 + 1 + 1);

    g_clear_pointer (&deleted, g_ptr_array_unref);
    deleted = sz_backup_rotate (db_path, folder, &none, later, &error);
    after = sz_backup_list (db_path, folder, FALSE, &error);
    g_assert_cmpuint (after->len, ==, 1);
    g_assert_true (g_date_time_equal (((SzBackupInfo *) after->pdata[0])->time, now));
  }
}

/* ---- Restore ---------------------------------------------------------------------- */

static void
test_restore (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = make_demo_db ("restore.db");
  g_autoptr(SzBackupInfo) backup = NULL;
  g_autofree char *before = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  gint64 communities = raw_int (path, "SELECT count(*) FROM community");

  backup = sz_backup_create (path, NULL, SZ_BACKUP_TAG_MANUAL, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  add_community (path, "备份之后的社区");
  g_assert_cmpint (raw_int (path, "SELECT count(*) FROM community"), ==, communities + 1);

  g_assert_true (sz_backup_restore (path, backup->path, NULL, &before, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (raw_int (path, "SELECT count(*) FROM community"), ==, communities);
  g_assert_cmpuint (file_mode (path), ==, 0600);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  assert_intact (path);

  /* What was there before is a backup of its own. */
  g_assert_nonnull (before);
  g_assert_true (g_str_has_suffix (before, "-before-restore.db"));
  g_assert_cmpint (raw_int (before, "SELECT count(*) FROM community"), ==, communities + 1);

  /* And it opens, and writes, as before. */
  add_community (path, "恢复之后的社区");
  g_assert_cmpint (raw_int (path, "SELECT count(*) FROM community"), ==, communities + 1);

  /* Restoring into a place with no database yet makes one. */
  {
    g_autofree char *fresh = test_db_path ("fresh/new.db");

    g_assert_true (sz_backup_restore (fresh, backup->path, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpint (raw_int (fresh, "SELECT count(*) FROM community"), ==, communities);
  }
}

static void
assert_restore_refused (const char   *path,
                        const char   *backup,
                        SzBackupError code,
                        const char   *words)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = sz_backup_default_folder (path);
  g_autofree char *dir = g_path_get_dirname (path);
  gint64 communities = raw_int (path, "SELECT count(*) FROM community");

  g_assert_false (sz_backup_restore (path, backup, NULL, NULL, NULL, &error));
  g_assert_error (error, SZ_BACKUP_ERROR, (int) code);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, words));
  g_assert_cmpint (raw_int (path, "SELECT count(*) FROM community"), ==, communities);
  g_assert_cmpuint (count_temp_files (dir), ==, 0);
  g_assert_cmpuint (count_temp_files (folder), ==, 0);
}

static void
test_restore_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = make_demo_db ("refuse.db");
  g_autoptr(SzBackupInfo) backup = sz_backup_create (path, NULL, SZ_BACKUP_TAG_MANUAL, NULL, NULL, NULL, NULL, &error);
  g_autofree char *damaged = test_db_path ("damaged-backup.db");
  g_autofree char *text = test_file_path ("notes.txt");
  g_autofree char *newer = test_db_path ("newer.db");

  g_assert_no_error (error);
  add_community (path, "恢复前的社区");

  /* A damaged copy, a text file, a copy from a newer version. */
  g_assert_true (g_file_set_contents (damaged, "", 0, NULL));
  {
    g_autoptr(GFile) from = g_file_new_for_path (backup->path);
    g_autoptr(GFile) to = g_file_new_for_path (damaged);

    g_assert_true (g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error));
  }
  damage_page (damaged, root_page (damaged, "person"));
  assert_restore_refused (path, damaged, SZ_BACKUP_ERROR_DAMAGED, "damaged");

  g_assert_true (g_file_set_contents (text, "网格,姓名\n1,张三\n", -1, NULL));
  assert_restore_refused (path, text, SZ_BACKUP_ERROR_NOT_A_BACKUP, "not a Sanzhang database");

  {
    g_autoptr(GFile) from = g_file_new_for_path (backup->path);
    g_autoptr(GFile) to = g_file_new_for_path (newer);

    g_assert_true (g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error));
    raw_exec (newer, "PRAGMA user_version = 99");
  }
  assert_restore_refused (path, newer, SZ_BACKUP_ERROR_TOO_NEW, "newer version");

  /* The app still has the database open. */
  {
    g_autoptr(SzDb) open = sz_db_open (path, SZ_DB_OPEN_DEFAULT, &error);

    g_assert_no_error (error);
    assert_restore_refused (path, backup->path, SZ_BACKUP_ERROR_IN_USE, "open in another program");
  }
}

/* A damaged database is replaced, and kept beside the new one. */
static void
test_restore_damaged (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = make_demo_db ("broken.db");
  g_autoptr(SzBackupInfo) backup = sz_backup_create (path, NULL, SZ_BACKUP_TAG_MANUAL, NULL, NULL, NULL, NULL, &error);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GDir) listing = NULL;
  g_autofree char *before = NULL;
  const char *name;
  gboolean kept = FALSE;

  g_assert_no_error (error);

  /* A damaged table: the file as it was becomes the before-restore
   * backup, which a restore of it would refuse. */
  damage_page (path, root_page (path, "person"));
  g_assert_true (sz_backup_restore (path, backup->path, NULL, &before, NULL, &error));
  g_assert_no_error (error);
  assert_intact (path);
  g_assert_nonnull (before);
  g_assert_false (sz_backup_verify (before, &error));
  g_assert_error (error, SZ_BACKUP_ERROR, SZ_BACKUP_ERROR_DAMAGED);
  g_clear_error (&error);

  /* A damaged first page: SQLite cannot even switch it out of WAL.  It is
   * kept beside the restored file. */
  damage_page (path, 1);
  g_assert_true (sz_backup_restore (path, backup->path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  assert_intact (path);
  listing = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (listing)) != NULL)
    kept |= g_str_has_prefix (name, "broken.db.damaged-");
  g_assert_true (kept);
}

/* ---- Damage ------------------------------------------------------------------------- */

/* A backup of a damaged database fails, and leaves nothing behind. */
static void
test_backup_of_damaged (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = make_demo_db ("bad-source.db");
  g_autofree char *folder = sz_backup_default_folder (path);
  g_autoptr(SzBackupInfo) good = sz_backup_create (path, NULL, SZ_BACKUP_TAG_MANUAL, NULL, NULL, NULL, NULL, &error);
  g_autoptr(SzBackupInfo) bad = NULL;
  g_autoptr(GPtrArray) list = NULL;

  g_assert_no_error (error);
  damage_page (path, root_page (path, "record_event"));
  bad = sz_backup_create (path, NULL, SZ_BACKUP_TAG_MANUAL, NULL, NULL, NULL, NULL, &error);
  g_assert_null (bad);
  g_assert_error (error, SZ_BACKUP_ERROR, SZ_BACKUP_ERROR_SOURCE_DAMAGED);
  g_assert_nonnull (strstr (error->message, "integrity check"));
  list = sz_backup_list (path, NULL, FALSE, NULL);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpuint (count_temp_files (folder), ==, 0);

  /* And the newest good one is offered. */
  {
    g_autoptr(SzBackupInfo) offered = sz_backup_find_newest_good (path, NULL);

    g_assert_cmpstr (offered->path, ==, good->path);
  }
}

/* Damage met by a statement (a file too big for the check on opening)
 * stops every later write, even to undamaged tables. */
static void
test_damage_stops_writes (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = make_demo_db ("stops.db");
  g_autoptr(SzDb) db = sz_db_open (path, SZ_DB_OPEN_DEFAULT, &error);
  g_autoptr(GPtrArray) people = NULL;
  gint64 communities;

  g_assert_no_error (error);
  g_assert_null (sz_db_get_damage (db));
  communities = test_count (db, "community");
  /* Checkpoint, damage the file under the open connection, drop its cache. */
  g_assert_cmpint (sqlite3_wal_checkpoint_v2 (sz_db_handle (db), NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL),
                   ==, SQLITE_OK);
  damage_page (path, root_page (path, "person"));
  sqlite3_db_release_memory (sz_db_handle (db));

  people = sz_person_list (db, &error);
  g_assert_null (people);
  g_assert_error (error, SZ_DB_ERROR, SZ_DB_ERROR_CORRUPT);
  g_assert_nonnull (sz_db_get_damage (db));
  g_clear_error (&error);

  /* The community table is whole, but nothing more is written. */
  {
    g_autoptr(SzCommunity) c = sz_community_new ();

    c->name = g_strdup ("不该写入的社区");
    g_assert_false (sz_community_save (db, c, &error));
    g_assert_error (error, SZ_DB_ERROR, SZ_DB_ERROR_CORRUPT);
    g_assert_nonnull (strstr (error->message, "nothing more will be written"));
    g_assert_nonnull (strstr (error->message, "could not be read back"));
    g_clear_error (&error);
  }
  /* Not even by SQL that skips the transaction helpers. */
  g_assert_false (sz_db_exec (db, "DELETE FROM duty", &error));
  g_assert_error (error, SZ_DB_ERROR, SZ_DB_ERROR_CORRUPT);
  g_clear_error (&error);
  g_assert_cmpint (test_count (db, "community"), ==, communities);
  g_assert_cmpint (test_count (db, "duty"), >, 0);
}

/* ---- Backup before a migration ---------------------------------------------------------- */

static void
test_migration_backup (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = make_demo_db ("old.db");
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *before = NULL;
  SzDb *db;

  /* A file one version behind, whose migration cannot run (its objects
   * are there already): the backup comes first, the failed migration
   * changes nothing. */
  raw_exec (path, "PRAGMA journal_mode = DELETE");
  {
    g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", SZ_DB_SCHEMA_VERSION - 1);
    raw_exec (path, sql);
  }
  before = raw_text (path, "SELECT group_concat (name) FROM sqlite_schema");
  db = sz_db_open (path, SZ_DB_OPEN_DEFAULT, &error);
  g_assert_null (db);
  g_assert_nonnull (error);
  g_clear_error (&error);
  list = sz_backup_list (path, NULL, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((SzBackupInfo *) list->pdata[0])->tag, ==, SZ_BACKUP_TAG_MIGRATION);
  g_assert_cmpint (((SzBackupInfo *) list->pdata[0])->schema_version, ==, SZ_DB_SCHEMA_VERSION - 1);
  g_assert_cmpint (raw_int (path, "PRAGMA user_version"), ==, SZ_DB_SCHEMA_VERSION - 1);

  /* Undoing migration 5 by hand makes a file that migrates for real. */
  if (SZ_DB_SCHEMA_VERSION != 5)
    {
      g_test_message ("the by-hand downgrade knows migration 5 only: the successful migration is not checked");
      return;
    }
  raw_exec (path, "DROP TABLE board_print_pending; PRAGMA user_version = 4");
  db = sz_db_open (path, SZ_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sz_db_get_schema_version (db), ==, 5);
  sz_db_close (db);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = sz_backup_list (path, NULL, TRUE, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpint (((SzBackupInfo *) list->pdata[0])->schema_version, ==, 4);
  g_assert_true (sz_backup_verify (((SzBackupInfo *) list->pdata[0])->path, &error));
  g_assert_no_error (error);
}

#include "test-backup-cli.h"

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  /* Backup copies are of a SQLite file; a server's are its administrator's
   * (pg_dump), and sanzhang-cli backup says so (tests/pg). */
  if (test_engine_is_pg ())
    {
      g_print ("1..0 # SKIP backups are of SQLite files\n");
      return 0;
    }
  g_test_add_func ("/core/backup/create-and-list", test_create_and_list);
  g_test_add_func ("/core/backup/needed", test_needed);
  g_test_add_func ("/core/backup/while-writing", test_while_writing);
  g_test_add_func ("/core/backup/cancel", test_cancel);
  g_test_add_func ("/core/backup/async", test_async);
  g_test_add_func ("/core/backup/rotation", test_rotation);
  g_test_add_func ("/core/backup/restore", test_restore);
  g_test_add_func ("/core/backup/restore-refused", test_restore_refused);
  g_test_add_func ("/core/backup/restore-damaged", test_restore_damaged);
  g_test_add_func ("/core/backup/backup-of-damaged", test_backup_of_damaged);
  g_test_add_func ("/core/backup/damage-stops-writes", test_damage_stops_writes);
  g_test_add_func ("/core/backup/migration", test_migration_backup);
  g_test_add_func ("/core/backup/cli", test_cli);
  g_test_add_func ("/core/backup/cli-damaged", test_cli_damaged);
  g_test_add_func ("/core/backup/full-disk", test_full_disk);
  g_test_add_func ("/core/backup/kill-during-backup", test_kill_backup);
  g_test_add_func ("/core/backup/kill-during-restore", test_kill_restore);
  return g_test_run ();
}
