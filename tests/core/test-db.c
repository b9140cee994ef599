/* test-db.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sz-audit.h"
#include "sz-demo.h"
#include "sz-duty.h"
#include "sz-test-util.h"

static guint
file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

static GBytes *
file_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &data, &len, &error));
  return g_bytes_new_take (data, len);
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
test_create (void)
{
  TEST_SQLITE_ONLY ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = sz_db_default_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autoptr(SzDb) db = NULL;

  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
  db = sz_db_open (path, SZ_DB_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);
  g_assert_cmpint (sz_db_get_schema_version (db), ==, SZ_DB_SCHEMA_VERSION);

  /* Personal data: the folder and every file SQLite makes are the owner's. */
  g_assert_cmpuint (file_mode (dir), ==, 0700);
  g_assert_cmpuint (file_mode (path), ==, 0600);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (file_mode (wal), ==, 0600);
  g_assert_cmpuint (file_mode (shm), ==, 0600);

  /* The five duties of the policy for each level. */
  for (SzLevel l = 0; l < SZ_N_LEVELS; l++)
    {
      g_autoptr(GPtrArray) duties = sz_duty_list (db, l, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (duties->len, ==, 5);
    }
}

static void
test_reopen (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = test_db_path ("reopen.db");
  SzDb *db = sz_db_open (path, SZ_DB_OPEN_CREATE, &error);
  g_autoptr(SzCommunity) c = sz_community_new ();
  gint64 audit_rows;

  g_assert_no_error (error);
  c->name = g_strdup ("重开社区");
  g_assert_true (sz_community_save (db, c, &error));
  audit_rows = sz_audit_count (db, &error);
  sz_db_close (db);

  db = sz_db_open (path, SZ_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  /* Migrations ran once: nothing was seeded twice. */
  g_assert_cmpint (sz_audit_count (db, &error), ==, audit_rows);
  g_assert_cmpint (test_count (db, "duty"), ==, 15);
  {
    g_autoptr(SzCommunity) again = sz_community_get (db, c->id, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (again->name, ==, "重开社区");
  }
  sz_db_close (db);
}

static void
test_not_found (void)
{
  TEST_SQLITE_ONLY ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = test_db_path ("missing.db");
  SzDb *db = sz_db_open (path, SZ_DB_OPEN_DEFAULT, &error);

  g_assert_null (db);
  g_assert_error (error, SZ_DB_ERROR, SZ_DB_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* An empty file (made with touch, say) is not quietly turned into a
   * database by a command that only reads; one that creates may use it. */
  g_clear_error (&error);
  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  db = sz_db_open (path, SZ_DB_OPEN_DEFAULT, &error);
  g_assert_null (db);
  g_assert_error (error, SZ_DB_ERROR, SZ_DB_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "empty"));
  g_clear_error (&error);
  {
    GStatBuf st;
    g_assert_cmpint (g_stat (path, &st), ==, 0);
    g_assert_cmpint (st.st_size, ==, 0);
  }
  db = sz_db_open (path, SZ_DB_OPEN_CREATE, &error);
  g_assert_no_error (error);
  sz_db_close (db);
}

/* Opening must fail with @code, and leave the file exactly as it was. */
static void
assert_refused (const char *path,
                int         code,
                const char *words)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = file_bytes (path);
  g_autoptr(GBytes) after = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  SzDb *db;

  db = sz_db_open (path, SZ_DB_OPEN_CREATE, &error);
  g_assert_null (db);
  g_assert_error (error, SZ_DB_ERROR, code);
  g_assert_nonnull (strstr (error->message, path));
  if (words != NULL)
    g_assert_nonnull (strstr (error->message, words));
  after = file_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS) && file_mode (wal) != 0600);
}

static void
test_not_a_database (void)
{
  TEST_SQLITE_ONLY ();
  g_autofree char *path = test_db_path ("hello.db");
  g_autofree char *big = test_file_path ("big.txt");
  g_autoptr(GString) text = g_string_new (NULL);

  g_assert_true (g_file_set_contents (path, "hello\n", -1, NULL));
  assert_refused (path, SZ_DB_ERROR_NOT_A_DATABASE, "not a Sanzhang database");

  /* A spreadsheet saved by mistake under the database's name. */
  for (int i = 0; i < 2000; i++)
    g_string_append (text, "姓名,电话,单元\n张三,13800000000,1\n");
  g_assert_true (g_file_set_contents (big, text->str, text->len, NULL));
  assert_refused (big, SZ_DB_ERROR_NOT_A_DATABASE, NULL);
}

static void
test_other_program (void)
{
  TEST_SQLITE_ONLY ();
  g_autofree char *path = test_db_path ("other.db");

  raw_exec (path, "CREATE TABLE accounts (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO accounts VALUES (1, 'x')");
  assert_refused (path, SZ_DB_ERROR_NOT_A_DATABASE, "another program");
}

static void
test_too_new (void)
{
  TEST_SQLITE_ONLY ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = test_db_path ("new.db");
  SzDb *db = sz_db_open (path, SZ_DB_OPEN_CREATE, &error);

  g_assert_no_error (error);
  sz_db_close (db);
  raw_exec (path, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 99");
  assert_refused (path, SZ_DB_ERROR_TOO_NEW, "newer version");
}

static void
test_corrupt (void)
{
  TEST_SQLITE_ONLY ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = test_db_path ("corrupt.db");
  SzDb *db = sz_db_open (path, SZ_DB_OPEN_CREATE, &error);
  g_autoptr(GBytes) bytes = NULL;
  guint8 *data;
  gsize len;

  g_assert_no_error (error);
  g_assert_true (sz_demo_load (db, NULL, &error));
  g_assert_no_error (error);
  sz_db_close (db);
  raw_exec (path, "PRAGMA journal_mode = DELETE");

  /* Scribble over everything after the first page: the schema page is
   * whole, the tables are not. */
  bytes = file_bytes (path);
  data = g_bytes_unref_to_data (g_steal_pointer (&bytes), &len);
  g_assert_cmpuint (len, >, 8192);
  for (gsize i = 4096; i < len; i++)
    data[i] = (guint8) (i * 7919);
  g_assert_true (g_file_set_contents (path, (char *) data, len, NULL));
  g_free (data);

  db = sz_db_open (path, SZ_DB_OPEN_DEFAULT, &error);
  if (db != NULL)
    {
      /* Open only reads the schema: the damage shows on the first real read. */
      g_autoptr(GPtrArray) people = sz_person_list (db, &error);
      g_assert_null (people);
      sz_db_close (db);
    }
  g_assert_nonnull (error);
  g_assert_true (g_error_matches (error, SZ_DB_ERROR, SZ_DB_ERROR_CORRUPT)
                 || g_error_matches (error, SZ_DB_ERROR, SZ_DB_ERROR_NOT_A_DATABASE));
  g_assert_nonnull (strstr (error->message, path));
}

/* The quick check on opening is remembered for a file nobody wrote since:
 * the second open skips it; damage written afterwards is found even when
 * the damaging program sets the modification time back (the change time
 * cannot be); a change made through Sanzhang means checking again. */
static void
test_check_memo (void)
{
  TEST_SQLITE_ONLY ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = test_db_path ("memo.db");
  g_autofree char *cache = g_build_filename (g_get_user_cache_dir (), "sanzhang", "checked", NULL);
  g_autoptr(GDir) dir = NULL;
  SzDb *db = sz_db_open (path, SZ_DB_OPEN_CREATE, &error);
  struct stat before;
  struct timespec times[2];
  guint8 noise[4096];
  sqlite3 *h = NULL;
  sqlite3_stmt *stmt = NULL;
  int root, fd;

  g_assert_no_error (error);
  g_assert_true (sz_demo_load (db, NULL, &error));
  g_assert_no_error (error);
  sz_db_close (db);

  /* Just written: the file system's clock is too coarse to trust yet. */
  db = sz_db_open (path, SZ_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_false (sz_db_get_check_skipped (db));
  sz_db_close (db);
  dir = g_dir_open (cache, 0, NULL);
  g_assert_true (dir == NULL || g_dir_read_name (dir) == NULL);
  g_clear_pointer (&dir, g_dir_close);

  g_usleep (1200 * 1000);
  db = sz_db_open (path, SZ_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_false (sz_db_get_check_skipped (db));
  sz_db_close (db);
  dir = g_dir_open (cache, 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (g_dir_read_name (dir));
  g_clear_pointer (&dir, g_dir_close);
  g_assert_cmpuint (file_mode (cache), ==, 0700);

  db = sz_db_open (path, SZ_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (sz_db_get_check_skipped (db));
  {
    g_autoptr(GPtrArray) people = sz_person_list (db, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (people->len, >, 0);
  }
  sz_db_close (db);

  /* Damage the people's root page behind Sanzhang's back and set the
   * modification time back to what it was. */
  g_assert_cmpint (sqlite3_open (path, &h), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (h, "SELECT rootpage FROM sqlite_schema WHERE name = 'person'", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  root = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (h);
  g_assert_cmpint (stat (path, &before), ==, 0);
  for (guint i = 0; i < sizeof noise; i++)
    noise[i] = (guint8) (i * 7919 + 13);
  fd = open (path, O_WRONLY);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (pwrite (fd, noise, sizeof noise, (off_t) (root - 1) * 4096), ==, sizeof noise);
  times[0] = before.st_atim;
  times[1] = before.st_mtim;
  g_assert_cmpint (futimens (fd, times), ==, 0);
  close (fd);

  db = sz_db_open (path, SZ_DB_OPEN_DEFAULT, &error);
  g_assert_null (db);
  g_assert_error (error, SZ_DB_ERROR, SZ_DB_ERROR_CORRUPT);
  g_clear_error (&error);
  /* Found damaged: never remembered as clean. */
  db = sz_db_open (path, SZ_DB_OPEN_DEFAULT, &error);
  g_assert_null (db);
  g_assert_error (error, SZ_DB_ERROR, SZ_DB_ERROR_CORRUPT);
}

static void
test_locked (void)
{
  TEST_SQLITE_ONLY ();
  g_autoptr(GError) error = NULL;
  Roster r;
  sqlite3 *other = NULL;
  gint64 before;
  g_autoptr(SzCommunity) c = sz_community_new ();

  roster_setup (&r, "locked.db");
  before = test_count (r.db, "community");

  /* Another program is writing. */
  g_assert_cmpint (sqlite3_open (r.path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);

  sz_db_set_busy_timeout (r.db, 50);
  c->name = g_strdup ("另一个社区");
  g_assert_false (sz_community_save (r.db, c, &error));
  g_assert_error (error, SZ_DB_ERROR, SZ_DB_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, "another program"));
  g_assert_false (sz_db_in_transaction (r.db));
  g_clear_error (&error);

  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  g_assert_cmpint (test_count (r.db, "community"), ==, before);

  /* And once the other program lets go, the same action works. */
  g_assert_true (sz_community_save (r.db, c, &error));
  g_assert_no_error (error);

  /* A program that holds the file exclusively keeps us from opening it. */
  roster_teardown (&r);
  g_assert_cmpint (sqlite3_exec (other, "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; COMMIT; BEGIN EXCLUSIVE",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  {
    g_autofree char *path = test_db_path ("locked.db");
    SzDb *db = sz_db_open (path, SZ_DB_OPEN_DEFAULT, &error);
    if (db != NULL)
      {
        /* The opening read may go through the WAL index: then writing fails. */
        g_autoptr(SzCommunity) c2 = sz_community_new ();
        sz_db_set_busy_timeout (db, 50);
        c2->name = g_strdup ("第三个社区");
        g_assert_false (sz_community_save (db, c2, &error));
        sz_db_close (db);
      }
    g_assert_error (error, SZ_DB_ERROR, SZ_DB_ERROR_LOCKED);
  }
  sqlite3_close (other);
}

static void
test_full (void)
{
  TEST_SQLITE_ONLY ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SzDb) db = NULL;
  g_autofree char *path = test_db_path ("full.db");
  gint64 audit_before;

  db = sz_db_open (path, SZ_DB_OPEN_CREATE, &error);
  g_assert_no_error (error);
  audit_before = sz_audit_count (db, &error);

  /* A disk with no room left: SQLite cannot grow the file past its size now. */
  g_assert_cmpint (test_exec (db, "PRAGMA max_page_count = 40", NULL), ==, SQLITE_OK);
  g_assert_false (sz_demo_load (db, NULL, &error));
  g_assert_error (error, SZ_DB_ERROR, SZ_DB_ERROR_FULL);
  g_assert_nonnull (strstr (error->message, "full"));
  g_assert_false (sz_db_in_transaction (db));

  /* Nothing of the half-done load is left. */
  g_assert_cmpint (test_count (db, "community"), ==, 0);
  g_assert_cmpint (test_count (db, "person"), ==, 0);
  g_assert_cmpint (test_count (db, "post"), ==, 0);
  g_assert_cmpint (sz_audit_count (db, NULL), ==, audit_before);
}

static void
test_read_only (void)
{
  TEST_SQLITE_ONLY ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_build_filename (g_get_tmp_dir (), "sz-ro-XXXXXX", NULL);
  g_autofree char *path = NULL;
  SzDb *db;
  pid_t pid;
  int status;

  g_assert_nonnull (g_mkdtemp_full (dir, 0755));
  path = g_build_filename (dir, "ro.db", NULL);
  db = sz_db_open (path, SZ_DB_OPEN_CREATE, &error);
  g_assert_no_error (error);
  sz_db_close (db);
  raw_exec (path, "PRAGMA journal_mode = DELETE");
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);

  /* root may write anything: check as another user, as an office
   * colleague who was given a read-only copy would be. */
  pid = fork ();
  if (pid == 0)
    {
      if (geteuid () == 0 && (setgid (65534) != 0 || setuid (65534) != 0))
        _exit (3);
      db = sz_db_open (path, SZ_DB_OPEN_DEFAULT, &error);
      if (db != NULL)
        _exit (4);
      if (!g_error_matches (error, SZ_DB_ERROR, SZ_DB_ERROR_READ_ONLY) || strstr (error->message, path) == NULL)
        _exit (5);
      _exit (0);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_chmod (dir, 0755);
  g_chmod (path, 0644);
  g_unlink (path);
  g_rmdir (dir);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
}

static void
test_survives_kill (void)
{
  TEST_SQLITE_ONLY ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = test_db_path ("kill.db");
  g_autoptr(SzDb) db = NULL;
  g_autoptr(SzCommunity) first = NULL;
  pid_t pid;
  int status;

  pid = fork ();
  if (pid == 0)
    {
      SzDb *child = sz_db_open (path, SZ_DB_OPEN_CREATE, NULL);
      SzCommunity *c = sz_community_new ();
      c->name = g_strdup ("断电社区");
      if (child == NULL || !sz_community_save (child, c, NULL))
        _exit (3);
      /* No close, no exit handlers: as if the power went. */
      raise (SIGKILL);
      _exit (4);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status));

  db = sz_db_open (path, SZ_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  first = sz_community_get_first (db, &error);
  g_assert_no_error (error);
  g_assert_nonnull (first);
  g_assert_cmpstr (first->name, ==, "断电社区");
}

/* A failure half-way through one action leaves nothing of it. */
static void
test_atomic_action (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SzDb) db = NULL;
  g_autofree char *path = test_db_path ("atomic.db");
  g_autofree char *ini = g_test_build_filename (G_TEST_DIST, "..", "resources", "demo", "demo-community.ini", NULL);
  g_autoptr(GKeyFile) kf = g_key_file_new ();
  g_auto(GStrv) groups = NULL;
  const char *last_hotline = NULL;
  gint64 audit_before;

  g_assert_true (g_key_file_load_from_file (kf, ini, G_KEY_FILE_NONE, &error));
  g_assert_no_error (error);
  /* Spoil the very last thing the load writes. */
  groups = g_key_file_get_groups (kf, NULL);
  for (guint i = 0; groups[i]; i++)
    if (g_str_has_prefix (groups[i], "Hotline "))
      last_hotline = groups[i];
  g_assert_nonnull (last_hotline);
  g_key_file_set_value (kf, last_hotline, "Number", "12-34");

  db = sz_db_open (path, SZ_DB_OPEN_CREATE, &error);
  g_assert_no_error (error);
  audit_before = sz_audit_count (db, &error);
  g_assert_false (sz_demo_load_key_file (db, kf, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "Hotline number"));
  g_assert_nonnull (strstr (error->message, "12-34"));

  for (guint i = 0; i < 8; i++)
    {
      const char *tables[] = { "community", "grid", "compound", "building", "unit", "person", "post", "hotline" };
      g_assert_cmpint (test_count (db, tables[i]), ==, 0);
    }
  g_assert_cmpint (sz_audit_count (db, NULL), ==, audit_before);

  /* The unspoilt file loads whole. */
  g_clear_error (&error);
  g_assert_true (sz_demo_load (db, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_count (db, "unit"), >, 100);
}

/* Another tool (the sqlite3 shell) cannot change the roster behind the
 * audit log's back. */
static void
test_shell_cannot_bypass_audit (void)
{
  TEST_SQLITE_ONLY ();
  g_autoptr(GError) error = NULL;
  Roster r;
  sqlite3 *shell = NULL;
  char *msg = NULL;

  roster_setup (&r, "shell.db");
  g_assert_cmpint (sqlite3_open (r.path, &shell), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (shell, "UPDATE grid SET households = 1", NULL, NULL, &msg), !=, SQLITE_OK);
  g_assert_nonnull (strstr (msg, "sz_actor"));
  sqlite3_free (msg);
  g_assert_cmpint (sqlite3_exec (shell, "DELETE FROM audit_log", NULL, NULL, &msg), !=, SQLITE_OK);
  sqlite3_free (msg);
  sqlite3_close (shell);
  {
    g_autoptr(SzGrid) g = sz_grid_get (r.db, r.grid1, &error);
    g_assert_cmpint (g->households, ==, 500);
  }
  roster_teardown (&r);
}

static void
test_nested_transactions (void)
{
  g_autoptr(GError) error = NULL;
  Roster r;
  g_autoptr(SzCommunity) c = sz_community_new ();
  g_autoptr(SzCommunity) bad = sz_community_new ();

  roster_setup (&r, "nested.db");
  g_assert_true (sz_db_begin (r.db, &error));
  c->name = g_strdup ("内层社区");
  g_assert_true (sz_community_save (r.db, c, &error));
  /* An inner action that fails rolls back only itself... */
  bad->name = g_strdup ("");
  g_assert_false (sz_community_save (r.db, bad, &error));
  g_clear_error (&error);
  g_assert_true (sz_db_in_transaction (r.db));
  /* ...and the outer one decides for the whole. */
  g_assert_false (sz_db_end (r.db, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_count (r.db, "community"), ==, 1);
  roster_teardown (&r);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/db/create", test_create);
  g_test_add_func ("/core/db/reopen", test_reopen);
  g_test_add_func ("/core/db/not-found", test_not_found);
  g_test_add_func ("/core/db/not-a-database", test_not_a_database);
  g_test_add_func ("/core/db/other-program", test_other_program);
  g_test_add_func ("/core/db/too-new", test_too_new);
  g_test_add_func ("/core/db/corrupt", test_corrupt);
  g_test_add_func ("/core/db/check-memo", test_check_memo);
  g_test_add_func ("/core/db/locked", test_locked);
  g_test_add_func ("/core/db/full", test_full);
  g_test_add_func ("/core/db/read-only", test_read_only);
  g_test_add_func ("/core/db/survives-kill", test_survives_kill);
  g_test_add_func ("/core/db/atomic-action", test_atomic_action);
  g_test_add_func ("/core/db/shell-cannot-bypass-audit", test_shell_cannot_bypass_audit);
  g_test_add_func ("/core/db/nested-transactions", test_nested_transactions);

  return g_test_run ();
}
