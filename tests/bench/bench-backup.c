/* bench-backup.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Backup and restore of a city-size database: how long each takes, what
 * part of a backup its integrity check is, and how long the app's writes
 * wait while a backup runs beside them.  Prints figures; never fails on
 * time.
 *
 *   bench-city --scale 1 --keep --out /tmp/city.db     # 161 MB
 *   bench-backup --db /tmp/city.db
 *   bench-backup --demo                                 # a quick run */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>

#include "sz-backup.h"
#include "sz-db.h"
#include "sz-demo.h"
#include "sz-roster.h"
#include "sz-bench-util.h"

static char *opt_db;
static gboolean opt_demo;
static int opt_runs = 3;

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
die (const char *what,
     GError     *error)
{
  g_printerr ("bench-backup: %s: %s\n", what, error ? error->message : "failed");
  exit (1);
}

/* The app's side: small changes, one transaction each, for as long as the
 * backup runs; the longest wait is what a user would feel. */
typedef struct
{
  char          *path;
  volatile gint  stop;
  volatile gint  measuring;
  guint          writes;
  double         longest_ms;
  double         total_ms;
} Writer;

static gpointer
writer_thread (gpointer data)
{
  Writer *w = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SzDb) db = sz_db_open (w->path, SZ_DB_OPEN_DEFAULT, &error);
  g_autoptr(GPtrArray) all = NULL;
  SzCommunity *c;

  if (db == NULL)
    die ("opening for the writer", error);
  all = sz_community_list (db, &error);
  if (all == NULL || all->len == 0)
    die ("reading a community", error);
  c = all->pdata[0];
  while (!g_atomic_int_get (&w->stop))
    {
      gint64 start = g_get_monotonic_time ();
      double ms;

      g_free (c->address);
      c->address = g_strdup_printf ("长春市 %d 号", g_random_int_range (1, 1000));
      if (!sz_community_save (db, c, &error))
        die ("writing while the backup runs", error);
      ms = ms_since (start);
      if (g_atomic_int_get (&w->measuring))
        {
          w->longest_ms = MAX (w->longest_ms, ms);
          w->total_ms += ms;
          w->writes++;
        }
      g_usleep (2000);
    }
  return NULL;
}

int
main (int argc, char **argv)
{
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &opt_db, "The database to back up (bench-city --keep --out makes one)", "FILE" },
    { "demo", 0, 0, G_OPTION_ARG_NONE, &opt_demo, "Use the demo community instead (a quick run)", NULL },
    { "runs", 'r', 0, G_OPTION_ARG_INT, &opt_runs, "Runs of each (default 3)", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) ctx = g_option_context_new ("- time backups and restores");
  g_autoptr(GError) error = NULL;
  g_autofree char *work = g_dir_make_tmp ("bench-backup-XXXXXX", NULL);
  g_autofree char *source = NULL;
  g_autofree char *live = g_build_filename (work, "live.db", NULL);
  g_autofree char *folder = g_build_filename (work, "backups", NULL);
  g_autoptr(SzBackupInfo) last = NULL;
  GStatBuf st;

  g_option_context_add_main_entries (ctx, entries, NULL);
  if (!g_option_context_parse (ctx, &argc, &argv, &error) || (opt_db == NULL) == !opt_demo || opt_runs < 1)
    {
      g_printerr ("%s\n", error ? error->message : "give --db FILE or --demo, and --runs 1 or more");
      return 2;
    }

  if (opt_demo)
    {
      g_autoptr(SzDb) db = NULL;

      source = g_build_filename (work, "demo.db", NULL);
      db = sz_db_open (source, SZ_DB_OPEN_CREATE, &error);
      if (db == NULL || !sz_demo_load (db, NULL, &error))
        die ("making the demo", error);
    }
  else
    source = g_strdup (opt_db);
  /* Everything happens to a copy: the original is never written. */
  if (!sz_backup_create_file (source, live, NULL, NULL, NULL, &error))
    die ("copying the database", error);
  g_stat (live, &st);
  printf ("database: %s, %.1f MB\n", source, st.st_size / 1e6);

  {
    gint64 start = g_get_monotonic_time ();
    g_autoptr(SzDb) db = sz_db_open (live, SZ_DB_OPEN_DEFAULT, &error);

    if (db == NULL)
      die ("opening", error);
    printf ("open (quick check only up to 50 MB): %.0f ms\n", ms_since (start));
    start = g_get_monotonic_time ();
    if (!sz_db_exec (db, "PRAGMA quick_check", &error))
      die ("quick_check", error);
    printf ("PRAGMA quick_check: %.0f ms\n", ms_since (start));
  }

  for (int run = 0; run < opt_runs; run++)
    {
      gint64 start = g_get_monotonic_time ();
      double total, check;

      g_clear_pointer (&last, sz_backup_info_free);
      last = sz_backup_create (live, folder, SZ_BACKUP_TAG_MANUAL, NULL, NULL, NULL, NULL, &error);
      if (last == NULL)
        die ("backing up", error);
      total = ms_since (start);
      start = g_get_monotonic_time ();
      if (!sz_backup_verify (last->path, &error))
        die ("verifying", error);
      check = ms_since (start);
      printf ("backup %d: %.0f ms (copy, integrity_check, fsync, rename; the check alone: %.0f ms)\n",
              run + 1, total, check);
    }

  {
    gint64 start = g_get_monotonic_time ();
    gboolean needed = sz_backup_needed (live, folder, &error);

    printf ("anything changed since the last backup? %s, %.1f ms\n", needed ? "yes" : "no", ms_since (start));
  }

  /* The app writing while a backup runs. */
  {
    Writer w = { live, 0, 0, 0, 0, 0 };
    GThread *thread = g_thread_new ("writer", writer_thread, &w);
    g_autoptr(SzBackupInfo) during = NULL;
    gint64 start;
    double ms;

    g_usleep (100 * 1000);
    g_atomic_int_set (&w.measuring, 1);
    start = g_get_monotonic_time ();
    during = sz_backup_create (live, folder, SZ_BACKUP_TAG_TIMER, NULL, NULL, NULL, NULL, &error);
    ms = ms_since (start);
    g_atomic_int_set (&w.measuring, 0);
    g_atomic_int_set (&w.stop, 1);
    g_thread_join (thread);
    if (during == NULL)
      die ("backing up while writing", error);
    printf ("backup while the app writes: %.0f ms; %u writes meanwhile, longest %.1f ms, mean %.1f ms\n",
            ms, w.writes, w.longest_ms, w.writes ? w.total_ms / w.writes : 0.0);
  }

  for (int run = 0; run < opt_runs; run++)
    {
      g_autofree char *before = NULL;
      gint64 start = g_get_monotonic_time ();
      double restore, open;

      if (!sz_backup_restore (live, last->path, folder, &before, NULL, &error))
        die ("restoring", error);
      restore = ms_since (start);
      start = g_get_monotonic_time ();
      {
        g_autoptr(SzDb) db = sz_db_open (live, SZ_DB_OPEN_DEFAULT, &error);

        if (db == NULL)
          die ("opening after the restore", error);
      }
      open = ms_since (start);
      printf ("restore %d: %.0f ms (a before-restore backup, check, copy, fsync, rename); open after: %.0f ms\n",
              run + 1, restore, open);
      g_unlink (before);
    }

  /* Clean up: the copies are as big as the database. */
  {
    g_autoptr(GPtrArray) list = sz_backup_list (live, folder, FALSE, NULL);

    for (guint i = 0; list != NULL && i < list->len; i++)
      g_unlink (((SzBackupInfo *) list->pdata[i])->path);
    {
      g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (folder, name, NULL);
          g_unlink (path);
        }
    }
    g_rmdir (folder);
    bench_remove_db (live);
    if (opt_demo)
      bench_remove_db (source);
    g_rmdir (work);
  }
  return 0;
}
