/* bench-points.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* bench-points [--people N] [--movements M] [--runs N] [--db FILE] [--keep]
 *
 * One community of N people (default 150,000; 50 grids, 500 buildings,
 * 2,000 units and their heads) with M points movements (default 500,000)
 * over 2024–2026: earnings from occasions, redemptions from a catalogue,
 * corrections, and 20,000 records brought in by heads.  People, places and
 * records are written by SQL in one transaction; the movements go through
 * the ledger's table and so through all its triggers (the balance check,
 * the cached figures).  Then times what the points page, the CLI and the
 * honours do: the balance list (all, and a search), one statement, a
 * shortlist for a year.  Figures (median of the runs, ms) are printed
 * beside the target (50 ms), never judged: the exit status says
 * only whether the run completed.
 *
 * With --db FILE, an existing file is measured as it is; otherwise it is
 * generated (and kept). */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "sz-bench-util.h"
#include "sz-db.h"
#include "sz-pinyin.h"
#include "sz-points.h"
#include "sz-roster.h"
#include "sz-search.h"

#define SEED       20261207
#define TARGET_MS  50.0
#define N_GRIDS    50
#define N_BUILDINGS_PER_GRID 10
#define N_UNITS_PER_BUILDING 4
#define N_RECORDS  20000

static const char * const surnames[] = { "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙",
                                         "胡", "朱", "高", "林", "何", "郭", "马", "罗" };
static const char * const given[] = { "秀英", "桂兰", "建国", "玉兰", "淑珍", "志强", "丽", "伟", "敏", "军", "霞",
                                      "平", "红梅", "海燕", "德明", "春生", "国庆", "小红", "文华", "立新", "宏伟",
                                      "秀珍", "凤英", "永福", "金花" };

typedef struct
{
  SzDb    *db;
  GRand   *rand;
  gint64   community;
  gint64  *people;       /* ids */
  gint64  *balance;      /* tenths, per person index */
  guint    n_people;
  gint64   type_ids[5];
  gint64   reward_id;
  gint64   category_id;
  char    *search;       /* a name to search for */
  gint64   busiest;      /* the person with the most movements */
  guint    busiest_n;
} Gen;

static gboolean
exec_step (SzDb         *db,
           SzStmt *stmt,
           GError      **error)
{
  gboolean ok = sz_db_step (db, stmt, error) == SQLITE_DONE;

  sz_stmt_reset (stmt);
  return ok;
}

static gboolean
generate_places (Gen     *g,
                 GError **error)
{
  SzStmt *grid = sz_db_prepare (g->db, "INSERT INTO grid (community_id, number, name, households) VALUES (?1, ?2, '', 500)", error);
  SzStmt *compound = sz_db_prepare (g->db, "INSERT INTO compound (community_id, name) VALUES (?1, ?2)", error);
  SzStmt *building = sz_db_prepare (g->db, "INSERT INTO building (compound_id, grid_id, name) VALUES (?1, ?2, ?3)", error);
  SzStmt *unit = sz_db_prepare (g->db, "INSERT INTO unit (building_id, number) VALUES (?1, ?2)", error);
  SzStmt *post = sz_db_prepare (g->db,
                                      "INSERT INTO post (level, grid_id, building_id, unit_id, person_id, start_date, chosen_by)"
                                      " VALUES (?1, ?2, ?3, ?4, ?5, '2024-01-01', 'election')", error);
  guint next = 0;

  if (grid == NULL || compound == NULL || building == NULL || unit == NULL || post == NULL)
    return FALSE;
  for (int i = 1; i <= N_GRIDS; i++)
    {
      g_autofree char *cname = g_strdup_printf ("第%d小区", i);
      gint64 grid_id, compound_id;

      sz_stmt_bind_int64 (grid, 1, g->community);
      sz_stmt_bind_int (grid, 2, i);
      if (!exec_step (g->db, grid, error))
        return FALSE;
      grid_id = sz_db_last_insert_id (g->db);
      sz_stmt_bind_int64 (compound, 1, g->community);
      sz_db_bind_text (compound, 2, cname);
      if (!exec_step (g->db, compound, error))
        return FALSE;
      compound_id = sz_db_last_insert_id (g->db);
      sz_db_bind_text (post, 1, "grid");
      sz_stmt_bind_int64 (post, 2, grid_id);
      sz_stmt_bind_null (post, 3);
      sz_stmt_bind_null (post, 4);
      sz_stmt_bind_int64 (post, 5, g->people[next++]);
      if (!exec_step (g->db, post, error))
        return FALSE;
      for (int b = 1; b <= N_BUILDINGS_PER_GRID; b++)
        {
          g_autofree char *bname = g_strdup_printf ("%d栋", b);
          gint64 building_id;

          sz_stmt_bind_int64 (building, 1, compound_id);
          sz_stmt_bind_int64 (building, 2, grid_id);
          sz_db_bind_text (building, 3, bname);
          if (!exec_step (g->db, building, error))
            return FALSE;
          building_id = sz_db_last_insert_id (g->db);
          sz_db_bind_text (post, 1, "building");
          sz_stmt_bind_null (post, 2);
          sz_stmt_bind_int64 (post, 3, building_id);
          sz_stmt_bind_null (post, 4);
          sz_stmt_bind_int64 (post, 5, g->people[next++]);
          if (!exec_step (g->db, post, error))
            return FALSE;
          for (int u = 1; u <= N_UNITS_PER_BUILDING; u++)
            {
              sz_stmt_bind_int64 (unit, 1, building_id);
              sz_stmt_bind_int (unit, 2, u);
              if (!exec_step (g->db, unit, error))
                return FALSE;
              sz_db_bind_text (post, 1, "unit");
              sz_stmt_bind_null (post, 2);
              sz_stmt_bind_null (post, 3);
              sz_stmt_bind_int64 (post, 4, sz_db_last_insert_id (g->db));
              sz_stmt_bind_int64 (post, 5, g->people[next++]);
              if (!exec_step (g->db, post, error))
                return FALSE;
            }
        }
    }
  return TRUE;
}

static gboolean
generate_people (Gen     *g,
                 GError **error)
{
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  SzStmt *stmt = sz_db_prepare (g->db,
                                      "INSERT INTO person (name, phone, community_id, name_pinyin, name_initials)"
                                      " VALUES (?1, ?2, ?3, ?4, ?5)", error);

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < g->n_people; i++)
    {
      g_autofree char *name = g_strconcat (surnames[g_rand_int_range (g->rand, 0, G_N_ELEMENTS (surnames))],
                                           given[g_rand_int_range (g->rand, 0, G_N_ELEMENTS (given))], NULL);
      g_autofree char *phone = g_strdup_printf ("139%08u", 10000000 + i);
      const char *key = g_hash_table_lookup (keys, name);
      g_autofree char *initials = NULL;

      if (key == NULL)
        {
          key = sz_pinyin_key (name, TRUE);
          g_hash_table_insert (keys, g_strdup (name), (gpointer) key);
        }
      initials = sz_pinyin_initials (key);
      sz_db_bind_text (stmt, 1, name);
      sz_db_bind_text (stmt, 2, phone);
      sz_stmt_bind_int64 (stmt, 3, g->community);
      sz_db_bind_text (stmt, 4, key);
      sz_db_bind_text (stmt, 5, initials);
      if (!exec_step (g->db, stmt, error))
        return FALSE;
      g->people[i] = sz_db_last_insert_id (g->db);
      if (i == g->n_people / 2)
        g->search = g_strdup (name);
    }
  return TRUE;
}

static gboolean
generate_records (Gen     *g,
                  GError **error)
{
  SzStmt *stmt = sz_db_prepare (g->db,
                                      "INSERT INTO record (community_id, received_at, channel, place_kind, place_id,"
                                      " place_text, category_id, duty, description, head_person_id, time_class)"
                                      " VALUES (?1, ?2, 'visit', 'community', ?1, '社区', ?3, 'collect', '楼道灯不亮', ?4,"
                                      " 'general')", error);
  gint64 start = 1704038400;   /* 2024-01-01 local */

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < N_RECORDS; i++)
    {
      sz_stmt_bind_int64 (stmt, 1, g->community);
      sz_stmt_bind_int64 (stmt, 2, start + g_rand_int_range (g->rand, 0, 3 * 365) * (gint64) 86400);
      sz_stmt_bind_int64 (stmt, 3, g->category_id);
      /* Brought in by the heads (the first people). */
      sz_stmt_bind_int64 (stmt, 4, g->people[g_rand_int_range (g->rand, 0, MIN (g->n_people, 2600))]);
      if (!exec_step (g->db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
generate_movements (Gen     *g,
                    guint    n_movements,
                    GError **error)
{
  SzStmt *activity = sz_db_prepare (g->db,
                                          "INSERT INTO activity (community_id, type_id, day, entered_at, actor)"
                                          " VALUES (?1, ?2, ?3, 0, 'bench')", error);
  SzStmt *redemption = sz_db_prepare (g->db,
                                            "INSERT INTO redemption (community_id, person_id, reward_id, quantity, price, day)"
                                            " VALUES (?1, ?2, ?3, 1, 50, ?4)", error);
  SzStmt *move = sz_db_prepare (g->db,
                                      "INSERT INTO points_movement (community_id, person_id, kind, counts, day, entered_at,"
                                      " actor, minutes, points, activity_id, redemption_id, reason)"
                                      " VALUES (?1, ?2, ?3, ?4, ?5, 0, 'bench', ?6, ?7, ?8, ?9, ?10)", error);
  g_autofree guint *count = g_new0 (guint, g->n_people);
  gint64 activity_id = 0;
  char day[16] = "";

  if (activity == NULL || redemption == NULL || move == NULL)
    return FALSE;
  for (guint i = 0; i < n_movements; i++)
    {
      /* Heads (the first 2,550 people) are busier. */
      guint who = g_rand_int_range (g->rand, 0, 4) == 0 ? (guint) g_rand_int_range (g->rand, 0, MIN (g->n_people, 2550))
                                                         : (guint) g_rand_int_range (g->rand, 0, g->n_people);
      int roll = g_rand_int_range (g->rand, 0, 100);

      /* A new occasion every 40 movements, in day order. */
      if (i % 40 == 0)
        {
          int d = (int) ((gint64) i * 3 * 365 / n_movements);
          GDate date;

          g_date_clear (&date, 1);
          g_date_set_dmy (&date, 1, 1, 2024);
          g_date_add_days (&date, d);
          g_date_strftime (day, sizeof day, "%Y-%m-%d", &date);
          sz_stmt_bind_int64 (activity, 1, g->community);
          sz_stmt_bind_int64 (activity, 2, g->type_ids[g_rand_int_range (g->rand, 0, 4)]);
          sz_db_bind_text (activity, 3, day);
          if (!exec_step (g->db, activity, error))
            return FALSE;
          activity_id = sz_db_last_insert_id (g->db);
        }
      sz_stmt_bind_int64 (move, 1, g->community);
      sz_stmt_bind_int64 (move, 2, g->people[who]);
      sz_db_bind_text (move, 5, day);
      if (roll < 8 && g->balance[who] >= 50)
        {
          sz_stmt_bind_int64 (redemption, 1, g->community);
          sz_stmt_bind_int64 (redemption, 2, g->people[who]);
          sz_stmt_bind_int64 (redemption, 3, g->reward_id);
          sz_db_bind_text (redemption, 4, day);
          if (!exec_step (g->db, redemption, error))
            return FALSE;
          sz_db_bind_text (move, 3, "redeem");
          sz_db_bind_text (move, 4, "redeem");
          sz_stmt_bind_int (move, 6, 0);
          sz_stmt_bind_int64 (move, 7, -50);
          sz_stmt_bind_int64 (move, 9, sz_db_last_insert_id (g->db));
          sz_db_bind_text (move, 10, "");
          g->balance[who] -= 50;
        }
      else if (roll < 10)
        {
          sz_db_bind_text (move, 3, "correct");
          sz_db_bind_text (move, 4, "earn");
          sz_stmt_bind_int (move, 6, 30);
          sz_stmt_bind_int64 (move, 7, 5);
          sz_db_bind_text (move, 10, "补录");
          g->balance[who] += 5;
        }
      else
        {
          int minutes = 30 * g_rand_int_range (g->rand, 1, 9);

          sz_db_bind_text (move, 3, "earn");
          sz_db_bind_text (move, 4, "earn");
          sz_stmt_bind_int (move, 6, minutes);
          sz_stmt_bind_int64 (move, 7, minutes / 6);
          sz_stmt_bind_int64 (move, 8, activity_id);
          sz_db_bind_text (move, 10, "");
          g->balance[who] += minutes / 6;
        }
      if (!exec_step (g->db, move, error))
        return FALSE;
      sz_stmt_clear_bindings (move);
      if (++count[who] > g->busiest_n)
        {
          g->busiest_n = count[who];
          g->busiest = g->people[who];
        }
    }
  return TRUE;
}

static gboolean
generate (Gen     *g,
          guint    n_movements,
          GError **error)
{
  g_autoptr(SzCommunity) c = sz_community_new ();
  g_autoptr(GPtrArray) types = NULL;
  g_autoptr(SzReward) reward = sz_reward_new ();
  SzStmt *stmt;
  gboolean ok;

  c->name = g_strdup ("基准社区");
  if (!sz_community_save (g->db, c, error))
    return FALSE;
  g->community = c->id;
  types = sz_activity_type_list (g->db, c->id, FALSE, error);
  if (types == NULL)
    return FALSE;
  for (guint i = 0; i < 5 && i < types->len; i++)
    g->type_ids[i] = ((SzActivityType *) types->pdata[i])->id;
  reward->community_id = c->id;
  reward->name = g_strdup ("理发服务");
  reward->price = 50;
  if (!sz_reward_save (g->db, reward, error))
    return FALSE;
  g->reward_id = reward->id;
  stmt = sz_db_prepare (g->db, "SELECT min (id) FROM record_category", error);
  if (stmt == NULL || sz_db_step (g->db, stmt, error) != SQLITE_ROW)
    return FALSE;
  g->category_id = sz_stmt_column_int64 (stmt, 0);
  sz_stmt_reset (stmt);

  if (!sz_db_begin (g->db, error))
    return FALSE;
  ok = generate_people (g, error)
       && generate_places (g, error)
       && generate_records (g, error)
       && generate_movements (g, n_movements, error);
  return sz_db_end (g->db, ok, error) && ok;
}

static int
compare_times (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

enum { Q_ALL, Q_SEARCH, Q_GRID, Q_STATEMENT, Q_SHORTLIST_TOP, Q_SHORTLIST_UNIT_TOP, Q_SHORTLIST_QUARTER_TOP,
       Q_SHORTLIST, Q_SHORTLIST_UNIT, N_QUERIES };

static const char * const query_titles[N_QUERIES] = {
  "balance list, all", "balance list, a search", "balance list, a grid", "statement of the busiest",
  "shortlist 2025, top 50", "shortlist 2025, unit heads, top 50", "shortlist 2025-Q3, top 50",
  "shortlist 2025, everyone", "shortlist 2025, unit heads, all",
};

static GPtrArray *
run_query (SzDb        *db,
           int          q,
           gint64       community,
           const char  *search,
           gint64       person,
           GError     **error)
{
  SzPointsFilter filter;
  SzShortlistFilter shortlist = { community, "2025", -1, 0, 0, 0 };

  sz_points_filter_init (&filter, community);
  switch (q)
    {
    case Q_ALL:
      return sz_points_balances (db, &filter, error);
    case Q_SEARCH:
      filter.search = search;
      return sz_points_balances (db, &filter, error);
    case Q_GRID:
      filter.grid_id = 7;
      return sz_points_balances (db, &filter, error);
    case Q_STATEMENT:
      return sz_points_statement (db, person, error);
    case Q_SHORTLIST_TOP:
      shortlist.limit = 50;
      return sz_honours_shortlist (db, &shortlist, error);
    case Q_SHORTLIST_UNIT_TOP:
      shortlist.limit = 50;
      shortlist.level = SZ_LEVEL_UNIT;
      return sz_honours_shortlist (db, &shortlist, error);
    case Q_SHORTLIST_QUARTER_TOP:
      shortlist.limit = 50;
      shortlist.period = "2025-Q3";
      return sz_honours_shortlist (db, &shortlist, error);
    case Q_SHORTLIST:
      return sz_honours_shortlist (db, &shortlist, error);
    case Q_SHORTLIST_UNIT:
      shortlist.level = SZ_LEVEL_UNIT;
      return sz_honours_shortlist (db, &shortlist, error);
    default:
      g_assert_not_reached ();
    }
}

static gboolean
measure (const char  *path,
         int          runs,
         const char  *search,
         gint64       person,
         GError     **error)
{
  g_autoptr(SzDb) db = sz_db_open (path, SZ_DB_OPEN_DEFAULT, error);
  g_autoptr(SzCommunity) c = NULL;
  g_autofree gint64 *times = g_new0 (gint64, runs);

  if (db == NULL)
    return FALSE;
  c = sz_community_get_first (db, error);
  if (c == NULL)
    return FALSE;
  if (!sz_search_prepare (db, error))
    return FALSE;
  printf ("%-36s %8s %9s %9s %9s  %s\n", "query", "rows", "first ms", "median", "max ms", "target");
  for (int q = 0; q < N_QUERIES; q++)
    {
      guint rows = 0;
      double median;

      gint64 first = 0;

      for (int r = 0; r < runs; r++)
        {
          gint64 t = g_get_monotonic_time ();
          g_autoptr(GPtrArray) result = run_query (db, q, c->id, search, person, error);

          times[r] = g_get_monotonic_time () - t;
          if (result == NULL)
            return FALSE;
          rows = result->len;
          if (r == 0)
            first = times[0];
        }
      qsort (times, runs, sizeof (gint64), compare_times);
      median = runs % 2 ? times[runs / 2] / 1000.0 : (times[runs / 2 - 1] + times[runs / 2]) / 2000.0;
      printf ("%-36s %8u %9.2f %9.2f %9.2f  %s\n", query_titles[q], rows, first / 1000.0, median,
              times[runs - 1] / 1000.0, median <= TARGET_MS ? "met" : "MISSED");
    }
  return TRUE;
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *db_path = NULL;
  g_autofree char *search = NULL;
  int n_people = 150000;
  int n_movements = 500000;
  int runs = 7;
  gint64 person = 0;
  gboolean keep = FALSE;
  const GOptionEntry entries[] = {
    { "people", 'p', 0, G_OPTION_ARG_INT, &n_people, "People to generate (default 150000)", "N" },
    { "movements", 'm', 0, G_OPTION_ARG_INT, &n_movements, "Movements to generate (default 500000)", "M" },
    { "runs", 'r', 0, G_OPTION_ARG_INT, &runs, "Timed runs of each query (default 7)", "N" },
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, "Database: generated and kept", "FILE" },
    { "keep", 'k', 0, G_OPTION_ARG_NONE, &keep, "Keep the generated database", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- time the points' balances, statements and shortlists");
  g_autoptr(GError) error = NULL;
  struct rusage usage;
  GStatBuf st;
  gboolean ok;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "bench-points: %s\n", error->message);
      return 2;
    }
  if (n_people < 3000 || n_movements < 1 || runs < 1)
    {
      fprintf (stderr, "bench-points: --people must be at least 3000, --movements and --runs at least 1\n");
      return 2;
    }
  if (db_path != NULL)
    keep = TRUE;
  else
    {
      g_autofree char *base = g_strdup_printf ("sanzhang-bench-points-%d.db", (int) getpid ());

      db_path = g_build_filename (g_get_tmp_dir (), base, NULL);
    }

  if (g_file_test (db_path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(SzDb) db = sz_db_open (db_path, SZ_DB_OPEN_DEFAULT, &error);
      SzStmt *stmt = NULL;

      printf ("measuring %s as it is\n", db_path);
      ok = db != NULL;
      if (ok)
        stmt = sz_db_prepare (db, "SELECT (SELECT name FROM person WHERE id = (SELECT max (id) / 2 FROM person)),"
                                  " (SELECT person_id FROM points_movement GROUP BY person_id ORDER BY count(*) DESC LIMIT 1)",
                              &error);
      ok = stmt != NULL && sz_db_step (db, stmt, &error) == SQLITE_ROW;
      if (ok)
        {
          search = sz_db_column_dup (stmt, 0);
          person = sz_stmt_column_int64 (stmt, 1);
          sz_stmt_reset (stmt);
        }
    }
  else
  {
    Gen g = { 0 };
    gint64 t = g_get_monotonic_time ();

    g.rand = g_rand_new_with_seed (SEED);
    g.n_people = n_people;
    g.people = g_new0 (gint64, n_people);
    g.balance = g_new0 (gint64, n_people);
    g.db = sz_db_open (db_path, SZ_DB_OPEN_CREATE, &error);
    ok = g.db != NULL && generate (&g, n_movements, &error);
    t = g_get_monotonic_time () - t;
    g_clear_pointer (&g.db, sz_db_close);
    if (ok)
      {
        printf ("generation: %.1f s for %d people, %d movements (%.0f movements/s through the ledger's triggers),"
                " %d records\n", t / 1e6, n_people, n_movements, n_movements / (t / 1e6), N_RECORDS);
        printf ("busiest person: %u movements; search: %s\n", g.busiest_n, g.search);
        if (g_stat (db_path, &st) == 0)
          printf ("file size: %.1f MB\n", st.st_size / 1e6);
      }
    search = g_steal_pointer (&g.search);
    person = g.busiest;
    g_rand_free (g.rand);
    g_free (g.people);
    g_free (g.balance);
  }

  ok = ok && measure (db_path, runs, search, person, &error);
  /* stdio, not g_printerr, which escapes hanzi outside a UTF-8 locale. */
  if (!ok)
    fprintf (stderr, "bench-points: %s\n", error ? error->message : "failed");

  getrusage (RUSAGE_SELF, &usage);
  printf ("peak RSS: %.0f MB\n", usage.ru_maxrss / 1024.0);
  if (!keep)
    bench_remove_db (db_path);
  else
    printf ("kept %s\n", db_path);
  return ok ? 0 : 1;
}
