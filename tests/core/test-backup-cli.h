/* test-backup-cli.h: the part of test-backup.c that runs sanzhang-cli:
 * its backup commands, damaged and full disks, and kill -9 half-way.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* ---- Running the CLI ------------------------------------------------------------ */

static void
cli (Result     *r,
     const char *first,
     ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  va_start (ap, first);
  for (const char *a = first; a != NULL; a = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) a);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  run_argv (r, FALSE, (const char * const *) args->pdata);
}

/* Runs @args to the end; returns how long it took in µs. */
static gint64
time_cli (const char * const *args)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(GSubprocess) proc = test_spawn_cli (args);

  g_assert_true (g_subprocess_wait (proc, NULL, NULL));
  g_assert_true (g_subprocess_get_successful (proc));
  return g_get_monotonic_time () - start;
}

/* Runs @args and kills it with SIGKILL after @delay µs; TRUE when it was
 * killed before it finished. */
static gboolean
kill_cli_after (const char * const *args,
                gint64              delay)
{
  g_autoptr(GSubprocess) proc = test_spawn_cli (args);
  gboolean killed;

  g_usleep (delay);
  g_subprocess_force_exit (proc);
  g_assert_true (g_subprocess_wait (proc, NULL, NULL));
  killed = g_subprocess_get_if_signaled (proc);
  if (!killed)
    g_assert_true (g_subprocess_get_successful (proc));
  return killed;
}

/* A database of a few MB, so that a kill often lands in the middle of
 * copying it: the demo and @people more people, in one transaction. */
static char *
make_big_db (const char *name,
             guint       people)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = make_demo_db (name);
  g_autoptr(SzDb) db = sz_db_open (path, SZ_DB_OPEN_DEFAULT, &error);
  g_autofree char *sql = g_strdup_printf ("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %u)"
                                          " INSERT INTO person (community_id, name, phone, notes)"
                                          " SELECT (SELECT min (id) FROM community), '测试居民' || i, '139' || printf ('%%08d', i),"
                                          " '备注：这是为了让数据库大一些的测试数据 ' || i FROM n", people);

  g_assert_no_error (error);
  g_assert_true (sz_db_begin (db, &error));
  g_assert_true (sz_db_exec (db, sql, &error));
  g_assert_true (sz_db_end (db, TRUE, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static char *
file_checksum (const char *path)
{
  g_autofree char *data = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, len);
}

/* ---- The commands ---------------------------------------------------------------- */

static void
test_cli (void)
{
  g_auto(Result) r = { 0 };
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;
  gint64 communities;

  if (!have_cli ())
    return;
  path = make_demo_db ("cli.db");
  communities = raw_int (path, "SELECT count(*) FROM community");

  cli (&r, "--database", path, "backups", NULL);
  assert_exit (&r, 0);
  assert_contains (r.out, "There are no backups");

  cli (&r, "--database", path, "backup", NULL);
  assert_exit (&r, 0);
  assert_contains (r.out, "Backed up to");
  assert_contains (r.out, "1 community");

  cli (&r, "--database", path, "backup", "--if-changed", NULL);
  assert_exit (&r, 0);
  assert_contains (r.out, "Nothing changed");

  out = test_db_path ("copy.db");
  cli (&r, "--database", path, "backup", "-o", out, NULL);
  assert_exit (&r, 0);
  g_assert_cmpuint (file_mode (out), ==, 0600);
  g_assert_true (sz_backup_verify (out, NULL));

  add_community (path, "备份之后");
  cli (&r, "--database", path, "backups", NULL);
  assert_exit (&r, 0);
  assert_contains (r.out, "made by hand");
  assert_contains (r.out, "restore N");

  /* Wrong numbers are usage mistakes; a missing file an error. */
  cli (&r, "--database", path, "restore", NULL);
  assert_exit (&r, 2);
  cli (&r, "--database", path, "restore", "7", NULL);
  assert_exit (&r, 2);
  assert_contains (r.err, "the list has 1");
  cli (&r, "--database", path, "restore", "nowhere.db", NULL);
  assert_exit (&r, 1);
  cli (&r, "--database", path, "backup", "-o", out, "--if-changed", NULL);
  assert_exit (&r, 2);

  cli (&r, "--database", path, "restore", "1", NULL);
  assert_exit (&r, 0);
  assert_contains (r.out, "before the restore was backed up to");
  assert_contains (r.out, "Restored");
  g_assert_cmpint (raw_int (path, "SELECT count(*) FROM community"), ==, communities);

  /* By file, too; the list now has the before-restore copy first. */
  cli (&r, "--database", path, "restore", out, NULL);
  assert_exit (&r, 0);
  cli (&r, "--database", path, "backups", NULL);
  assert_contains (r.out, "before a restore");

  /* The app has it open: refused, nothing changed. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SzDb) open = sz_db_open (path, SZ_DB_OPEN_DEFAULT, &error);

    cli (&r, "--database", path, "restore", "1", NULL);
    assert_exit (&r, 1);
    assert_contains (r.err, "open in another program");
  }
}

/* Every command that writes refuses a damaged file, leaves it as it was,
 * and says where the newest good backup is; restore mends it. */
static void
test_cli_damaged (void)
{
  g_auto(Result) r = { 0 };
  g_autofree char *path = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *before = NULL;
  g_autofree char *folder = NULL;
  /* @CSV and @OUT stand for files made below. */
  static const char *commands[][12] = {
    { "init", "--community", "新社区", NULL },
    { "demo", NULL },
    { "records", "add", "--channel", "wechat", "--place", "unit:1", "--category", "Water supply",
      "--description", "停水", NULL },
    { "records", "act", "1", "resolve", "--note", "修好了", NULL },
    { "community", "--office-phone", "0431-80000009", NULL },
    { "import", "@CSV", "--create-places", NULL },
    { "backup", NULL },
    { "tree", NULL },
    { "export", "roster", "-o", "@OUT", NULL },
  };

  if (!have_cli ())
    return;
  path = make_demo_db ("damaged.db");
  folder = sz_backup_default_folder (path);
  cli (&r, "--database", path, "backup", NULL);
  assert_exit (&r, 0);
  /* A page of the post table: the tree and the checks read it, adding a
   * record or a community does not. */
  damage_page (path, root_page (path, "post"));
  before = file_checksum (path);
  csv = test_file_path ("roster.csv");
  g_assert_true (g_file_set_contents (csv, "网格,姓名,职务\n1,张三,网格长\n", -1, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autoptr(GPtrArray) args = g_ptr_array_new ();
      g_autofree char *export = test_file_path ("out.xlsx");
      g_autofree char *after = NULL;

      g_ptr_array_add (args, (gpointer) "--database");
      g_ptr_array_add (args, path);
      for (guint j = 0; commands[i][j] != NULL; j++)
        g_ptr_array_add (args, g_str_equal (commands[i][j], "@CSV") ? csv
                               : g_str_equal (commands[i][j], "@OUT") ? export : (gpointer) commands[i][j]);
      g_ptr_array_add (args, NULL);
      run_argv (&r, FALSE, (const char * const *) args->pdata);
      assert_exit (&r, 1);
      assert_contains (r.err, "is damaged");
      assert_contains (r.err, "quick check");
      assert_contains (r.err, "sanzhang-cli restore 1”");
      assert_contains (r.err, folder);
      after = file_checksum (path);
      g_assert_cmpstr (after, ==, before);
      g_assert_false (g_file_test (export, G_FILE_TEST_EXISTS));
    }

  cli (&r, "--database", path, "restore", "1", NULL);
  assert_exit (&r, 0);
  cli (&r, "--database", path, "tree", NULL);
  assert_exit (&r, 0);
  assert_intact (path);
}

/* ---- A full disk --------------------------------------------------------------------- */

/* A small tmpfs of its own, or NULL (and the test skipped) where this
 * process may not mount. */
static char *
mount_small_disk (const char *size)
{
  g_autofree char *dir = g_dir_make_tmp ("sz-full-XXXXXX", NULL);
  g_autofree char *options = g_strdup_printf ("size=%s,mode=0700", size);

  g_assert_nonnull (dir);
  if (mount ("tmpfs", dir, "tmpfs", 0, options) != 0)
    {
      g_autofree char *why = g_strdup_printf ("cannot mount a small tmpfs to fill (%s): run as root to test a full "
                                              "disk", g_strerror (errno));
      g_rmdir (dir);
      g_test_skip (why);
      return NULL;
    }
  return g_steal_pointer (&dir);
}

static void
unmount_small_disk (const char *dir)
{
  umount2 (dir, MNT_DETACH);
  g_rmdir (dir);
}

/* Fills what is left on @dir's disk. */
static char *
fill_disk (const char *dir)
{
  g_autofree char *filler = g_build_filename (dir, "filler", NULL);
  static char block[4096];
  int fd = g_open (filler, O_WRONLY | O_CREAT | O_APPEND, 0600);

  g_assert_cmpint (fd, >=, 0);
  while (write (fd, block, sizeof block) > 0)
    ;
  while (write (fd, block, 1) > 0)
    ;
  close (fd);
  return g_steal_pointer (&filler);
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autoptr(GFile) a = g_file_new_for_path (from);
  g_autoptr(GFile) b = g_file_new_for_path (to);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_copy (a, b, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
test_full_disk (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *disk = mount_small_disk ("3m");
  g_autofree char *path = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *filler = NULL;
  g_autofree char *on_disk = NULL;
  g_autoptr(SzBackupInfo) first = NULL;
  g_autoptr(SzBackupInfo) second = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_auto(Result) r = { 0 };
  gint64 communities;

  if (disk == NULL)
    return;
  path = make_demo_db ("full.db");
  communities = raw_int (path, "SELECT count(*) FROM community");

  /* A backup folder on a disk that fills up: the earlier backup stays,
   * nothing half-written is left. */
  folder = g_build_filename (disk, "backups", NULL);
  first = sz_backup_create (path, folder, SZ_BACKUP_TAG_MANUAL, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  filler = fill_disk (disk);
  second = sz_backup_create (path, folder, SZ_BACKUP_TAG_MANUAL, NULL, NULL, NULL, NULL, &error);
  g_assert_null (second);
  g_assert_error (error, SZ_BACKUP_ERROR, SZ_BACKUP_ERROR_FULL);
  g_assert_nonnull (strstr (error->message, "full"));
  g_clear_error (&error);
  list = sz_backup_list (path, folder, FALSE, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_true (sz_backup_verify (first->path, NULL));
  g_assert_cmpuint (count_temp_files (folder), ==, 0);
  g_unlink (filler);

  /* The database itself on the full disk: opening says so (not “disk I/O
   * error”), and so does a change; the file is left whole. */
  on_disk = g_build_filename (disk, "full.db", NULL);
  copy_file (path, on_disk);
  g_unlink (first->path);
  g_clear_pointer (&filler, g_free);
  filler = fill_disk (disk);
  {
    SzDb *db = sz_db_open (on_disk, SZ_DB_OPEN_DEFAULT, &error);

    if (db != NULL)
      {
        g_autoptr(SzCommunity) c = sz_community_new ();

        c->name = g_strdup ("装不下的社区");
        g_assert_false (sz_community_save (db, c, &error));
        sz_db_close (db);
      }
    g_assert_error (error, SZ_DB_ERROR, SZ_DB_ERROR_FULL);
    g_test_message ("%s", error->message);
    g_assert_nonnull (strstr (error->message, "is full"));
    g_clear_error (&error);
  }
  cli (&r, "--database", on_disk, "init", "--community", "装不下的社区", NULL);
  assert_exit (&r, 1);
  assert_contains (r.err, "is full");
  assert_not_contains (r.err, "I/O");
  /* Reading still works (the WAL index in memory). */
  cli (&r, "--database", on_disk, "tree", NULL);
  assert_exit (&r, 0);
  assert_contains (r.out, "丰和社区");

  /* A restore onto the full disk changes nothing. */
  {
    g_autoptr(SzBackupInfo) elsewhere = sz_backup_create (path, NULL, SZ_BACKUP_TAG_MANUAL, NULL, NULL, NULL, NULL,
                                                          &error);

    g_assert_no_error (error);
    g_assert_false (sz_backup_restore (on_disk, elsewhere->path, NULL, NULL, NULL, &error));
    g_assert_error (error, SZ_BACKUP_ERROR, SZ_BACKUP_ERROR_FULL);
    g_clear_error (&error);
    g_assert_cmpuint (count_temp_files (disk), ==, 0);
  }

  /* Room again: everything is as it was. */
  g_unlink (filler);
  g_assert_cmpint (raw_int (on_disk, "SELECT count(*) FROM community"), ==, communities);
  assert_intact (on_disk);
  unmount_small_disk (disk);
}

/* ---- kill -9 ------------------------------------------------------------------------------- */

/* How long the kill loops may run, each. */
#define KILL_LOOP_SECONDS 8
#define KILL_LOOP_MAX 60

/* At least this many kills, whatever the time: fewer when one run is slow
 * (a sanitizer build), so that the test stays within its time limit. */
static guint
min_runs (gint64 full_run)
{
  return full_run > G_TIME_SPAN_SECOND ? 5 : 10;
}

static void
test_kill_backup (void)
{
  g_autofree char *path = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *dir = NULL;
  gint64 people, full_run, deadline;
  guint runs = 0, killed = 0;

  if (!have_cli ())
    return;
  path = make_big_db ("kill-backup.db", 40000);
  folder = sz_backup_default_folder (path);
  dir = g_path_get_dirname (path);
  people = raw_int (path, "SELECT count(*) FROM person");
  {
    const char *args[] = { "--database", path, "backup", NULL };

    full_run = time_cli (args);
    g_test_message ("a backup of %s takes %" G_GINT64_FORMAT " ms", path, full_run / 1000);
    deadline = g_get_monotonic_time () + KILL_LOOP_SECONDS * G_TIME_SPAN_SECOND;
    while (runs < min_runs (full_run) || (runs < KILL_LOOP_MAX && g_get_monotonic_time () < deadline))
      {
        g_autoptr(GPtrArray) list = NULL;
        g_autoptr(GError) error = NULL;

        killed += kill_cli_after (args, g_random_int_range (0, (gint32) (full_run * 6 / 5) + 1));
        runs++;

        /* The database as it was; every backup in the folder whole (the
         * listing removes what a killed run left). */
        g_assert_cmpint (raw_int (path, "SELECT count(*) FROM person"), ==, people);
        list = sz_backup_list (path, NULL, FALSE, &error);
        g_assert_no_error (error);
        g_assert_cmpuint (list->len, >=, 1);
        for (guint i = 0; i < list->len; i++)
          {
            SzBackupInfo *info = list->pdata[i];

            g_assert_true (sz_backup_verify (info->path, &error));
            g_assert_no_error (error);
            /* Keep the folder small: the newest two are enough here. */
            if (i >= 2)
              g_unlink (info->path);
          }
        g_assert_cmpuint (count_temp_files (folder), ==, 0);
        g_assert_cmpuint (count_temp_files (dir), ==, 0);
      }
  }
  g_test_message ("%u backups, %u killed half-way", runs, killed);
  g_assert_cmpuint (runs, >=, min_runs (full_run));
  assert_intact (path);
}

static void
test_kill_restore (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *state_x = NULL;
  g_autofree char *state_y = NULL;
  gint64 n_x, n_y, full_run, deadline;
  guint runs = 0, killed = 0;

  if (!have_cli ())
    return;
  path = make_big_db ("kill-restore.db", 40000);
  folder = sz_backup_default_folder (path);
  dir = g_path_get_dirname (path);

  /* Two states told apart by their number of communities, kept as files
   * outside the backup folder. */
  add_community (path, "状态甲");
  state_x = test_db_path ("state-x.db");
  g_assert_true (sz_backup_create_file (path, state_x, NULL, NULL, NULL, &error));
  n_x = raw_int (state_x, "SELECT count(*) FROM community");
  add_community (path, "状态乙");
  state_y = test_db_path ("state-y.db");
  g_assert_true (sz_backup_create_file (path, state_y, NULL, NULL, NULL, &error));
  n_y = raw_int (state_y, "SELECT count(*) FROM community");
  g_assert_no_error (error);
  g_assert_cmpint (n_x, !=, n_y);

  {
    const char *to_x[] = { "--database", path, "restore", state_x, NULL };
    const char *to_y[] = { "--database", path, "restore", state_y, NULL };

    full_run = time_cli (to_x);
    g_test_message ("a restore of %s takes %" G_GINT64_FORMAT " ms", path, full_run / 1000);
    deadline = g_get_monotonic_time () + KILL_LOOP_SECONDS * G_TIME_SPAN_SECOND;
    while (runs < min_runs (full_run) || (runs < KILL_LOOP_MAX && g_get_monotonic_time () < deadline))
      {
        g_autoptr(GPtrArray) list = NULL;
        gint64 now = raw_int (path, "SELECT count(*) FROM community");
        gint64 after;

        g_assert_true (now == n_x || now == n_y);
        killed += kill_cli_after (now == n_x ? to_y : to_x,
                                  g_random_int_range (0, (gint32) (full_run * 6 / 5) + 1));
        runs++;

        /* Old or new, never a mix; and whole. */
        after = raw_int (path, "SELECT count(*) FROM community");
        g_assert_true (after == n_x || after == n_y);
        assert_intact (path);
        g_assert_cmpint (raw_int (path, "SELECT count(*) FROM person"), ==,
                         raw_int (after == n_x ? state_x : state_y, "SELECT count(*) FROM person"));

        /* The next start removes what a killed run left beside the
         * database (SQLite rolls back a journal of its own); the listing
         * does so in the backup folder, whose copies are all whole. */
        {
          g_autoptr(SzDb) db = sz_db_open (path, SZ_DB_OPEN_DEFAULT, &error);

          g_assert_no_error (error);
          g_assert_cmpint (test_count (db, "community"), ==, after);
        }
        list = sz_backup_list (path, NULL, FALSE, &error);
        g_assert_no_error (error);
        for (guint i = 0; i < list->len; i++)
          {
            SzBackupInfo *info = list->pdata[i];

            g_assert_true (sz_backup_verify (info->path, &error));
            g_assert_no_error (error);
            g_unlink (info->path);
          }
        g_assert_cmpuint (count_temp_files (folder), ==, 0);
        g_assert_cmpuint (count_temp_files (dir), ==, 0);
      }
  }
  g_test_message ("%u restores, %u killed half-way", runs, killed);
  g_assert_cmpuint (runs, >=, min_runs (full_run));
}
