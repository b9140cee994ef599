/* bench-server.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* bench-server --server postgresql://… [--clients 20] [--seconds 60]
 *
 * A street office's server under load, on loopback: N processes, each its
 * own connection like a staff member's app, for a fixed time, doing what
 * an office does: record intake (40 %), actions on records (30 %), edits
 * of the roster (20 %) and a unit's board exported to PDF (10 %).  The
 * database is made empty first and given the demo community (148 units).
 *
 * Afterwards, from one connection: every acknowledged intake and action is
 * in the database, and in the audit log or the append-only history; every
 * acknowledged roster edit is in the audit log; every record's state is
 * the fold of its history.  Prints actions per second and latencies (p50,
 * p95, p99) per kind; exits 1 on a lost update or a broken state, never on
 * time. */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sz-demo.h"
#include "sz-export.h"
#include "sz-person.h"
#include "sz-record.h"
#include "sz-roster.h"

enum { OP_INTAKE, OP_ACT, OP_EDIT, OP_BOARD, N_OPS };
static const char * const op_names[N_OPS] = { "record intake", "record action", "roster edit", "board export" };

/* What a worker writes to its file, one line each:
 * "L op micros" a latency, "R id" an acknowledged record, "E id" an
 * acknowledged history entry, "P token" an acknowledged roster edit, "F op
 * code" a refused or failed action. */

static gint64
pick (GRand  *rand,
      GArray *ids)
{
  return g_array_index (ids, gint64, g_rand_int_range (rand, 0, (gint32) ids->len));
}

static GArray *
ids_of (SzDb       *db,
        const char *sql)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  SzStmt *stmt = sz_db_prepare (db, sql, NULL);

  while (stmt != NULL && sz_db_step (db, stmt, NULL) == SQLITE_ROW)
    {
      gint64 id = sz_stmt_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (stmt != NULL)
    sz_stmt_reset (stmt);
  return ids;
}

static gboolean
do_intake (SzDb    *db,
           GRand   *rand,
           gint64   community,
           GArray  *units,
           GArray  *categories,
           GArray  *mine,
           FILE    *out,
           GError **error)
{
  g_autoptr(SzRecord) r = sz_record_new ();

  r->community_id = community;
  r->channel = SZ_CHANNEL_PHONE;
  r->place_kind = SZ_NODE_UNIT;
  r->place_id = pick (rand, units);
  r->category_id = pick (rand, categories);
  r->time_class = sz_record_default_time_class (db, r->category_id);
  r->description = g_strdup_printf ("楼道灯不亮 %u", g_rand_int (rand));
  if (!sz_record_add (db, r, NULL, error))
    return FALSE;
  g_array_append_val (mine, r->id);
  fprintf (out, "R %" G_GINT64_FORMAT "\n", r->id);
  return TRUE;
}

/* The next step of one of this worker's records, as a clerk would take it:
 * dispatch, resolve, follow up, close. */
static gboolean
do_act (SzDb    *db,
        GRand   *rand,
        GArray  *mine,
        FILE    *out,
        GError **error)
{
  g_autoptr(SzRecordEvent) e = sz_record_event_new ();
  SzRecordState *state;
  SzAction actions[SZ_N_ACTIONS];
  SzAction chosen = SZ_N_ACTIONS;
  guint n;

  if (mine->len == 0)
    return TRUE;
  e->record_id = pick (rand, mine);
  state = sz_record_get_state (db, e->record_id, error);
  if (state == NULL)
    return FALSE;
  n = sz_record_state_actions (state, actions);
  g_free (state);
  for (guint i = 0; i < n && chosen == SZ_N_ACTIONS; i++)
    if (actions[i] == SZ_ACTION_DISPATCH || actions[i] == SZ_ACTION_RESOLVE || actions[i] == SZ_ACTION_FOLLOW_UP
        || actions[i] == SZ_ACTION_CLOSE)
      chosen = actions[i];
  if (chosen == SZ_N_ACTIONS)
    return TRUE;
  e->action = chosen;
  e->note = g_strdup ("已处理");
  e->department = g_strdup ("物业公司");
  e->contact = g_strdup ("");
  e->satisfaction = SZ_SATISFACTION_SATISFIED;
  if (!sz_record_act (db, e, error))
    return FALSE;
  fprintf (out, "E %" G_GINT64_FORMAT "\n", e->id);
  return TRUE;
}

static gboolean
do_edit (SzDb    *db,
         GRand   *rand,
         GArray  *people,
         int      worker,
         guint    n,
         FILE    *out,
         GError **error)
{
  g_autoptr(SzPerson) p = sz_person_get (db, pick (rand, people), error);
  g_autofree char *token = g_strdup_printf ("w%d-%u", worker, n);

  if (p == NULL)
    return FALSE;
  g_free (p->notes);
  p->notes = g_strdup_printf ("走访 %s", token);
  if (!sz_person_save (db, p, error))
    return FALSE;
  fprintf (out, "P %s\n", token);
  return TRUE;
}

static gboolean
do_board (SzDb        *db,
          GRand       *rand,
          gint64       community,
          const char  *dir,
          int          worker,
          GError     **error)
{
  g_autoptr(SzBoardSource) source = sz_board_source_new (db, community, error);
  g_autoptr(GArray) refs = NULL;
  g_autoptr(GArray) one = NULL;
  g_autofree char *name = g_strdup_printf ("w%d.pdf", worker);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  SzExportOptions o = { .engine = SZ_ENGINE_AUTO, .output = path, .no_record = TRUE, .printed_on = "2026-12-07" };
  SzExportSummary summary;
  gboolean ok;

  if (source == NULL)
    return FALSE;
  refs = sz_board_source_select (source, sz_board_source_get_tree (source), 1u << SZ_BOARD_UNIT);
  one = g_array_sized_new (FALSE, FALSE, g_array_get_element_size (refs), 1);
  g_array_append_vals (one, refs->data + (gsize) g_rand_int_range (rand, 0, (gint32) refs->len)
                                        * g_array_get_element_size (refs), 1);
  sz_paper_parse ("A4", FALSE, &o.paper, NULL);
  sz_export_summary_init (&summary);
  ok = sz_export_boards (source, one, &o, &summary, error);
  sz_export_summary_clear (&summary);
  return ok;
}

static int
run_worker (const char *server,
            int         worker,
            double      seconds,
            const char *dir,
            const char *log_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SzDb) db = sz_db_open (server, SZ_DB_OPEN_DEFAULT, &error);
  g_autoptr(GRand) rand = g_rand_new_with_seed (worker * 7919 + 1);
  g_autoptr(GArray) units = NULL, categories = NULL, people = NULL;
  g_autoptr(GArray) mine = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 community, deadline;
  FILE *out;
  guint n = 0;

  if (db == NULL)
    {
      fprintf (stderr, "worker %d: %s\n", worker, error->message);
      return 1;
    }
  out = fopen (log_path, "w");
  if (out == NULL)
    return 1;
  sz_db_set_actor (db, "load");
  {
    g_autoptr(GArray) c = ids_of (db, "SELECT id FROM community ORDER BY id LIMIT 1");

    community = g_array_index (c, gint64, 0);
  }
  units = ids_of (db, "SELECT id FROM unit");
  categories = ids_of (db, "SELECT id FROM record_category WHERE retired = 0");
  people = ids_of (db, "SELECT id FROM person");

  deadline = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);
  while (g_get_monotonic_time () < deadline)
    {
      int roll = g_rand_int_range (rand, 0, 100);
      int op = roll < 40 ? OP_INTAKE : roll < 70 ? OP_ACT : roll < 90 ? OP_EDIT : OP_BOARD;
      gint64 start = g_get_monotonic_time ();
      gboolean ok;

      g_clear_error (&error);
      switch (op)
        {
        case OP_INTAKE:
          ok = do_intake (db, rand, community, units, categories, mine, out, &error);
          break;
        case OP_ACT:
          ok = do_act (db, rand, mine, out, &error);
          break;
        case OP_EDIT:
          ok = do_edit (db, rand, people, worker, n, out, &error);
          break;
        default:
          ok = do_board (db, rand, community, dir, worker, &error);
          break;
        }
      if (ok)
        fprintf (out, "L %d %" G_GINT64_FORMAT "\n", op, g_get_monotonic_time () - start);
      else
        fprintf (out, "F %d %d %s\n", op, error ? error->code : -1, error ? error->message : "");
      n++;
      fflush (out);
    }
  fclose (out);
  return 0;
}

static int
compare_int64 (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static gint64
percentile (GArray *sorted,
            double  p)
{
  if (sorted->len == 0)
    return 0;
  return g_array_index (sorted, gint64, MIN (sorted->len - 1, (guint) (p * sorted->len)));
}

int
main (int argc, char **argv)
{
  g_autofree char *server = NULL;
  int clients = 20;
  double seconds = 60;
  const GOptionEntry entries[] = {
    { "server", 0, 0, G_OPTION_ARG_STRING, &server, "The server's database (emptied first!)", "postgresql://…" },
    { "clients", 'c', 0, G_OPTION_ARG_INT, &clients, "Concurrent clients (default 20)", "N" },
    { "seconds", 's', 0, G_OPTION_ARG_DOUBLE, &seconds, "How long (default 60)", "S" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- many staff on one server");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(SzDb) db = NULL;
  g_autoptr(GHashTable) records = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) events = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) tokens = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GArray *latencies[N_OPS];
  guint failures[N_OPS] = { 0 };
  pid_t *pids;
  gint64 start, wall, done = 0, lost = 0, broken = 0;
  gint64 community = 0;
  gboolean ok = TRUE;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || server == NULL || clients < 1 || clients > 200)
    {
      fprintf (stderr, "bench-server: %s\n", error ? error->message : "give --server postgresql://…; --clients 1..200");
      return 2;
    }
  dir = g_dir_make_tmp ("bench-server-XXXXXX", &error);
  db = sz_db_open (server, SZ_DB_OPEN_CREATE, &error);
  if (db == NULL)
    {
      fprintf (stderr, "bench-server: %s\n", error->message);
      return 1;
    }
  /* An empty database with the demo community. */
  {
    g_autoptr(GPtrArray) all = sz_community_list (db, &error);

    for (guint i = 0; all != NULL && i < all->len; i++)
      if (!sz_community_delete (db, ((SzCommunity *) all->pdata[i])->id, &error))
        break;
    if (error != NULL || !sz_demo_load (db, &community, &error))
      {
        fprintf (stderr, "bench-server: %s\n", error->message);
        return 1;
      }
  }
  sz_db_close (g_steal_pointer (&db));

  start = g_get_monotonic_time ();
  pids = g_new0 (pid_t, clients);
  for (int w = 0; w < clients; w++)
    {
      pids[w] = fork ();
      if (pids[w] == 0)
        {
          g_autofree char *log = g_strdup_printf ("%s/w%d.log", dir, w);

          _exit (run_worker (server, w, seconds, dir, log));
        }
    }
  for (int w = 0; w < clients; w++)
    {
      int status;

      waitpid (pids[w], &status, 0);
      ok = ok && WIFEXITED (status) && WEXITSTATUS (status) == 0;
    }
  wall = g_get_monotonic_time () - start;
  g_free (pids);

  for (int op = 0; op < N_OPS; op++)
    latencies[op] = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (int w = 0; w < clients; w++)
    {
      g_autofree char *log = g_strdup_printf ("%s/w%d.log", dir, w);
      g_autofree char *text = NULL;
      g_auto(GStrv) lines = NULL;

      if (!g_file_get_contents (log, &text, NULL, NULL))
        continue;
      lines = g_strsplit (text, "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        {
          const char *l = lines[i];

          if (l[0] == 'L')
            {
              int op = (int) g_ascii_strtoll (l + 2, NULL, 10);
              gint64 us = g_ascii_strtoll (strchr (l + 2, ' ') + 1, NULL, 10);

              g_array_append_val (latencies[op], us);
              done++;
            }
          else if (l[0] == 'R')
            {
              gint64 *id = g_new (gint64, 1);

              *id = g_ascii_strtoll (l + 2, NULL, 10);
              g_hash_table_add (records, id);
            }
          else if (l[0] == 'E')
            {
              gint64 *id = g_new (gint64, 1);

              *id = g_ascii_strtoll (l + 2, NULL, 10);
              g_hash_table_add (events, id);
            }
          else if (l[0] == 'P')
            g_hash_table_add (tokens, g_strdup (l + 2));
          else if (l[0] == 'F')
            {
              int op = (int) g_ascii_strtoll (l + 2, NULL, 10);

              failures[op]++;
              if (failures[op] <= 3)
                printf ("refused (%s): %s\n", op_names[op], l + 4);
            }
        }
    }

  /* Nothing acknowledged is missing; every state is its history's fold. */
  db = sz_db_open (server, SZ_DB_OPEN_DEFAULT, &error);
  if (db == NULL)
    {
      fprintf (stderr, "bench-server: %s\n", error->message);
      return 1;
    }
  {
    g_autoptr(GArray) all_records = ids_of (db, "SELECT id FROM record");
    g_autoptr(GArray) all_events = ids_of (db, "SELECT id FROM record_event");
    g_autoptr(GArray) audited = ids_of (db, "SELECT entity_id FROM audit_log WHERE entity = 'record' AND action = 'insert'");
    g_autoptr(GHashTable) have_records = g_hash_table_new (g_int64_hash, g_int64_equal);
    g_autoptr(GHashTable) have_events = g_hash_table_new (g_int64_hash, g_int64_equal);
    g_autoptr(GHashTable) have_audit = g_hash_table_new (g_int64_hash, g_int64_equal);
    g_autoptr(GHashTable) seen_tokens = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    SzStmt *stmt;
    GHashTableIter iter;
    gpointer key;

    for (guint i = 0; i < all_records->len; i++)
      g_hash_table_add (have_records, &g_array_index (all_records, gint64, i));
    for (guint i = 0; i < all_events->len; i++)
      g_hash_table_add (have_events, &g_array_index (all_events, gint64, i));
    for (guint i = 0; i < audited->len; i++)
      g_hash_table_add (have_audit, &g_array_index (audited, gint64, i));
    g_hash_table_iter_init (&iter, records);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      if (!g_hash_table_contains (have_records, key) || !g_hash_table_contains (have_audit, key))
        lost++;
    g_hash_table_iter_init (&iter, events);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      if (!g_hash_table_contains (have_events, key))
        lost++;
    stmt = sz_db_prepare (db, "SELECT new_values FROM audit_log WHERE entity = 'person' AND action = 'update'", &error);
    while (stmt != NULL && sz_db_step (db, stmt, NULL) == SQLITE_ROW)
      {
        const char *v = (const char *) sz_stmt_column_text (stmt, 0);
        const char *t = v ? strstr (v, "走访 ") : NULL;

        if (t != NULL)
          g_hash_table_add (seen_tokens, g_strndup (t + strlen ("走访 "), strcspn (t + strlen ("走访 "), "\"")));
      }
    if (stmt != NULL)
      sz_stmt_reset (stmt);
    g_hash_table_iter_init (&iter, tokens);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      if (!g_hash_table_contains (seen_tokens, key))
        lost++;

    for (guint i = 0; i < all_records->len; i++)
      {
        gint64 id = g_array_index (all_records, gint64, i);
        g_autoptr(GPtrArray) history = sz_record_history (db, id, NULL);
        g_autoptr(SzRecord) r = sz_record_get (db, id, NULL);
        g_autofree SzRecordState *kept = sz_record_get_state (db, id, NULL);
        SzRecordState folded = { 0 };

        if (history == NULL || r == NULL || kept == NULL
            || !sz_record_state_fold (r->time_class, history, &folded, NULL)
            || folded.status != kept->status || folded.due_at != kept->due_at
            || folded.n_events != kept->n_events || folded.resolved_at != kept->resolved_at
            || folded.closed_at != kept->closed_at)
          broken++;
      }
    printf ("checked           %u records, %u history entries, %u roster edits\n", all_records->len,
            all_events->len, g_hash_table_size (tokens));
  }

  printf ("clients           %d for %.1f s (wall %.1f s)\n", clients, seconds, wall / 1e6);
  printf ("actions           %" G_GINT64_FORMAT " done, %.1f per second\n", done, done / (wall / 1e6));
  for (int op = 0; op < N_OPS; op++)
    {
      g_array_sort (latencies[op], compare_int64);
      printf ("%-17s %6u done, %4u refused  p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms\n", op_names[op],
              latencies[op]->len, failures[op], percentile (latencies[op], 0.50) / 1000.0,
              percentile (latencies[op], 0.95) / 1000.0, percentile (latencies[op], 0.99) / 1000.0);
      g_array_unref (latencies[op]);
    }
  printf ("lost updates      %" G_GINT64_FORMAT "\n", lost);
  printf ("states ≠ history  %" G_GINT64_FORMAT "\n", broken);

  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *p = g_build_filename (dir, name, NULL);
        g_unlink (p);
      }
    g_rmdir (dir);
  }
  return ok && lost == 0 && broken == 0 ? 0 : 1;
}
