/* bench-boards.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* bench-boards (--demo | --db FILE) [--engine haru|cairo] [--jobs N]
 *              [--out DIR] [--kind unit|…]
 *
 * Database to PDF, end to end, as `sanzhang-cli boards` does it: for each
 * community of the file, its boards of one kind into one PDF.  Prints wall
 * time, boards per second, peak RSS and PDF bytes; never judges them.
 * Make the rosters with bench-city, e.g. 300 units in one community:
 *   bench-city --scale 0.0024 --communities 1 --keep --out 300.db
 * With --jobs N the communities are shared among N processes (the city is
 * one file per community, so they do not wait for each other). */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sz-demo.h"
#include "sz-export.h"
#include "sz-roster.h"

typedef struct
{
  guint   boards;
  guint   files;
  guint64 bytes;
} Totals;

static gboolean
export_community (SzDb          *db,
                  SzCommunity   *c,
                  SzEngine       engine,
                  SzBoardKind    kind,
                  const char    *dir,
                  Totals        *totals,
                  GError       **error)
{
  g_autoptr(SzBoardSource) source = sz_board_source_new (db, c->id, error);
  g_autoptr(GArray) refs = NULL;
  g_autofree char *name = g_strdup_printf ("community-%" G_GINT64_FORMAT ".pdf", c->id);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  SzExportOptions o = { .engine = engine, .output = path, .no_record = TRUE, .printed_on = "2026-11-25" };
  SzExportSummary summary;
  GStatBuf st;
  gboolean ok;

  if (source == NULL)
    return FALSE;
  refs = sz_board_source_select (source, sz_board_source_get_tree (source), 1u << kind);
  if (refs->len == 0)
    return TRUE;
  sz_paper_parse ("A4", FALSE, &o.paper, NULL);
  sz_export_summary_init (&summary);
  ok = sz_export_boards (source, refs, &o, &summary, error);
  if (ok)
    {
      totals->boards += summary.boards;
      for (guint i = 0; i < summary.files->len; i++)
        if (g_stat (g_ptr_array_index (summary.files, i), &st) == 0)
          {
            totals->bytes += st.st_size;
            totals->files++;
          }
    }
  sz_export_summary_clear (&summary);
  return ok;
}

static gboolean
run_worker (const char  *db_path,
            guint        job,
            guint        jobs,
            SzEngine     engine,
            SzBoardKind  kind,
            const char  *dir,
            Totals      *totals,
            GError     **error)
{
  g_autoptr(SzDb) db = sz_db_open (db_path, SZ_DB_OPEN_DEFAULT, error);
  g_autoptr(GPtrArray) communities = NULL;

  if (db == NULL || (communities = sz_community_list (db, error)) == NULL)
    return FALSE;
  for (guint i = job; i < communities->len; i += jobs)
    if (!export_community (db, g_ptr_array_index (communities, i), engine, kind, dir, totals, error))
      return FALSE;
  return TRUE;
}

int
main (int argc, char **argv)
{
  g_autofree char *db_path = NULL;
  g_autofree char *out = NULL;
  g_autofree char *engine_name = NULL;
  g_autofree char *kind_name = NULL;
  gboolean demo = FALSE;
  int jobs = 1;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, "The roster to print (from bench-city --keep)", "FILE" },
    { "demo", 0, 0, G_OPTION_ARG_NONE, &demo, "Print the demo community (made in a temporary file)", NULL },
    { "engine", 'e', 0, G_OPTION_ARG_STRING, &engine_name, "auto (default), pdf, haru or cairo", "ENGINE" },
    { "kind", 'k', 0, G_OPTION_ARG_STRING, &kind_name, "Board kind (default unit)", "KIND" },
    { "jobs", 'j', 0, G_OPTION_ARG_INT, &jobs, "Processes sharing the communities (default 1)", "N" },
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out, "Folder for the PDFs (default: a temporary one, removed)", "DIR" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- time database → PDF for whole communities");
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp_dir = NULL;
  SzEngine engine = SZ_ENGINE_AUTO;
  SzBoardKind kind = SZ_BOARD_UNIT;
  Totals totals = { 0 };
  struct rusage self_usage, child_usage;
  gint64 start, wall;
  gboolean ok = TRUE;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error)
      || (engine_name && !sz_engine_from_string (engine_name, &engine))
      || (kind_name && !sz_board_kind_from_string (kind_name, &kind))
      || jobs < 1 || jobs > 64 || (db_path == NULL) == !demo)
    {
      fprintf (stderr, "bench-boards: %s\n", error ? error->message
               : "give --demo or --db FILE; --engine haru|cairo; --jobs 1..64");
      return 2;
    }
  tmp_dir = g_dir_make_tmp ("bench-boards-XXXXXX", &error);
  if (tmp_dir == NULL)
    return 1;
  if (out == NULL)
    out = g_strdup (tmp_dir);
  g_mkdir_with_parents (out, 0755);
  if (demo)
    {
      g_autoptr(SzDb) db = NULL;

      db_path = g_build_filename (tmp_dir, "demo.db", NULL);
      db = sz_db_open (db_path, SZ_DB_OPEN_CREATE, &error);
      if (db == NULL || !sz_demo_load (db, NULL, &error))
        {
          fprintf (stderr, "bench-boards: %s\n", error->message);
          return 1;
        }
    }

  start = g_get_monotonic_time ();
  if (jobs == 1)
    ok = run_worker (db_path, 0, 1, engine, kind, out, &totals, &error);
  else
    {
      /* Each worker writes its totals to a pipe; the parent adds them. */
      int fds[2];
      pid_t *pids = g_new0 (pid_t, jobs);

      if (pipe (fds) != 0)
        return 1;
      for (int j = 0; j < jobs; j++)
        {
          pids[j] = fork ();
          if (pids[j] == 0)
            {
              Totals t = { 0 };
              g_autoptr(GError) werror = NULL;
              gboolean wok = run_worker (db_path, j, jobs, engine, kind, out, &t, &werror);

              if (!wok)
                fprintf (stderr, "bench-boards: job %d: %s\n", j, werror->message);
              if (write (fds[1], &t, sizeof t) != sizeof t)
                _exit (1);
              _exit (wok ? 0 : 1);
            }
        }
      close (fds[1]);
      for (int j = 0; j < jobs; j++)
        {
          Totals t;
          int status;

          if (read (fds[0], &t, sizeof t) == sizeof t)
            {
              totals.boards += t.boards;
              totals.files += t.files;
              totals.bytes += t.bytes;
            }
          waitpid (pids[j], &status, 0);
          ok = ok && WIFEXITED (status) && WEXITSTATUS (status) == 0;
        }
      close (fds[0]);
      g_free (pids);
    }
  wall = g_get_monotonic_time () - start;
  getrusage (RUSAGE_SELF, &self_usage);
  getrusage (RUSAGE_CHILDREN, &child_usage);

  if (!ok)
    {
      if (error)
        fprintf (stderr, "bench-boards: %s\n", error->message);
      return 1;
    }
  printf ("engine %s, %s boards, %d job%s\n", sz_engine_to_string (sz_engine_resolve (engine, totals.boards)),
          sz_board_kind_to_string (kind), jobs, jobs > 1 ? "s" : "");
  printf ("boards            %u in %u file%s\n", totals.boards, totals.files, totals.files == 1 ? "" : "s");
  printf ("wall time         %.3f s\n", wall / 1e6);
  printf ("boards per second %.0f\n", totals.boards / (wall / 1e6));
  printf ("peak RSS          %.1f MB (largest process)\n",
          MAX (self_usage.ru_maxrss, child_usage.ru_maxrss) / 1024.0);
  printf ("PDF size          %.2f MB (%.1f KB per board)\n", totals.bytes / 1048576.0,
          totals.boards ? totals.bytes / 1024.0 / totals.boards : 0);

  /* The temporary folder: the demo database, and the PDFs unless --out. */
    {
      g_autoptr(GDir) d = g_dir_open (tmp_dir, 0, NULL);
      const char *name;

      while (d && (name = g_dir_read_name (d)) != NULL)
        {
          g_autofree char *p = g_build_filename (tmp_dir, name, NULL);
          g_unlink (p);
        }
    }
  g_rmdir (tmp_dir);
  return 0;
}
