/* bench-records.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* bench-records [--records N] [--months M] [--runs N] [--db FILE] [--keep]
 *
 * Fills the demo community with N residents' issue records (default
 * 100,000) received over the last M months (default 24), each with a
 * plausible history written through the public API (sz_record_add and
 * sz_record_act, in one transaction): most dispatched, resolved, followed up
 * and closed; some returned, suspended or reopened; recent ones more often
 * open, some of them overdue.  Then times what the records page and the CLI
 * do: the month's figures and the filtered lists.  Figures are printed
 * beside the target (50 ms), never judged: the exit status says
 * only whether the run completed.
 *
 * With --db FILE, an existing file that already holds records is measured
 * as it is; otherwise the records are generated into it (and it is kept). */

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
#include "sz-demo.h"
#include "sz-record.h"
#include "sz-roster.h"
#include "sz-tree.h"

#define SEED       20261125
#define TARGET_MS  50.0
#define HOUR       3600
#define DAY        (24 * HOUR)
/* In about one description in 14. */
#define SEARCH_TEXT "漏水"

static const char * const departments[] = {
  "自来水公司", "供电公司", "燃气公司", "热力公司", "物业公司", "环卫所", "城管中队", "派出所",
  "街道办事处", "房管所", "园林绿化所", "社区卫生服务站",
};
static const char * const problems[] = {
  "楼道灯不亮", "厨房漏水", "暖气不热", "停水", "电梯故障", "垃圾未及时清运", "邻居装修噪音",
  "楼下商铺油烟扰民", "车辆占用消防通道", "绿化带树木倒伏", "独居老人需要帮助", "咨询低保政策",
  "下水道堵塞", "燃气表漏气", "外墙皮脱落", "单元门禁损坏", "流浪犬伤人隐患", "小区路面积水",
  "空调外机噪音", "屋顶漏水", "路灯不亮", "井盖缺失", "楼道堆放杂物", "广场舞噪音", "私拉电线充电",
  "供暖费用咨询", "物业服务不到位", "宠物粪便无人清理",
};
static const char * const surnames[] = { "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "孙", "马" };
static const char * const given[] = { "秀英", "桂兰", "建国", "玉兰", "淑珍", "志强", "丽", "伟", "敏", "军", "霞", "平" };
/* Received hours: offices and WeChat groups are busy by day. */
static const guint hour_weights[24] = {
  1, 1, 1, 1, 1, 2, 4, 8, 12, 14, 13, 11, 8, 9, 12, 13, 12, 10, 9, 8, 6, 4, 2, 1,
};
static const guint channel_weights[SZ_N_CHANNELS] = { 38, 14, 14, 16, 14, 4 };

typedef struct
{
  SzDb       *db;
  GRand      *rand;
  gint64      community_id;
  gint64      now;
  GArray     *places;      /* Place */
  GArray     *heads;       /* gint64 */
  GPtrArray  *categories;  /* SzRecordCategory */
  guint       records, events, suspended, reopened;
} Gen;

typedef struct
{
  SzNodeKind kind;
  gint64     id;
} Place;

static guint
pick_weighted (GRand       *rand,
               const guint *weights,
               guint        n)
{
  guint total = 0, r, i;

  for (i = 0; i < n; i++)
    total += weights[i];
  r = g_rand_int_range (rand, 0, total);
  for (i = 0; r >= weights[i]; i++)
    r -= weights[i];
  return i;
}

static gint64
between (GRand  *rand,
         gint64  low,
         gint64  high)
{
  return low + (gint64) (g_rand_double (rand) * (double) (high - low));
}

/* Every place a record can be about, weighted as records fall: a unit
 * five times, a building twice, a compound, grid or the community once. */
static void
collect_places (Gen        *g,
                SzTreeNode *node)
{
  guint weight = node->kind == SZ_NODE_UNIT ? 5 : node->kind == SZ_NODE_BUILDING ? 2 : 1;

  for (guint i = 0; i < weight; i++)
    {
      Place p = { node->kind, node->id };
      g_array_append_val (g->places, p);
    }
  if (node->head_person_id != 0)
    g_array_append_val (g->heads, node->head_person_id);
  for (guint i = 0; i < node->children->len; i++)
    collect_places (g, node->children->pdata[i]);
}

/* A received time @day_back days ago at a plausible hour, before now. */
static gint64
received_time (Gen  *g,
               int   day_back)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_local (g->now);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (now, sz_record_time_zone ());
  g_autoptr(GDateTime) day = g_date_time_add_days (local, -day_back);
  g_autoptr(GDateTime) midnight = g_date_time_new (sz_record_time_zone (), g_date_time_get_year (day),
                                                   g_date_time_get_month (day),
                                                   g_date_time_get_day_of_month (day), 0, 0, 0);
  gint64 t = g_date_time_to_unix (midnight)
             + pick_weighted (g->rand, hour_weights, 24) * HOUR + g_rand_int_range (g->rand, 0, HOUR);

  return MIN (t, g->now - g_rand_int_range (g->rand, 60, 4 * HOUR));
}

/* One record's history as it is written: the time of its last entry, and
 * whether it stopped (the next entry would be in the future: the record
 * stands there today) or failed. */
typedef struct
{
  Gen      *g;
  gint64    record_id;
  gint64    t;
  gboolean  stopped;
  GError  **error;
} History;

/* Appends one entry @delay after the last; FALSE once the history has
 * stopped or failed. */
static gboolean
step (History        *h,
      SzAction        action,
      gint64          delay,
      const char     *note,
      SzSatisfaction  satisfaction)
{
  Gen *g = h->g;
  g_autoptr(SzRecordEvent) e = NULL;

  if (h->stopped || *h->error != NULL)
    return FALSE;
  if (h->t + delay > g->now)
    {
      h->stopped = TRUE;
      return FALSE;
    }
  h->t += delay;
  e = sz_record_event_new ();
  e->record_id = h->record_id;
  e->action = action;
  e->at = h->t;
  e->actor = g_strdup (g_rand_boolean (g->rand) ? "社区工作人员" : "网格员");
  e->note = g_strdup (note ? note : "");
  e->department = g_strdup (action == SZ_ACTION_DISPATCH
                            ? departments[g_rand_int_range (g->rand, 0, G_N_ELEMENTS (departments))] : "");
  e->contact = g_strdup (action == SZ_ACTION_DISPATCH && g_rand_boolean (g->rand) ? "值班室" : "");
  e->satisfaction = satisfaction;
  if (!sz_record_act (g->db, e, h->error))
    return FALSE;
  g->events++;
  return TRUE;
}

static SzSatisfaction
pick_satisfaction (GRand *rand)
{
  int r = g_rand_int_range (rand, 0, 100);

  return r < 70 ? SZ_SATISFACTION_SATISFIED : r < 92 ? SZ_SATISFACTION_BASICALLY : SZ_SATISFACTION_DISSATISFIED;
}

/* What happens to a record after it is received: the older it is, the
 * likelier it went all the way to its close. */
static gboolean
make_history (Gen       *g,
              SzRecord  *r,
              GError   **error)
{
  GRand *rand = g->rand;
  History h = { g, r->id, r->received_at, FALSE, error };
  gint64 limit = sz_time_class_seconds (r->time_class);
  gint64 age = g->now - r->received_at;
  double p_open = age < 3 * DAY ? 0.5 : age < 30 * DAY ? 0.12 : 0.025;
  gint64 response = r->time_class == SZ_TIME_EMERGENCY ? between (rand, 5 * 60, 3 * HOUR)
                    : g_rand_double (rand) < 0.87 ? between (rand, 10 * 60, 20 * HOUR)
                    : between (rand, DAY, 3 * DAY);
  int first = g_rand_int_range (rand, 0, 100);
  gboolean dispatched = FALSE;
  gint64 resolved;

  if (first < 35)
    {
      step (&h, SZ_ACTION_REPORT, response, NULL, 0);
      if (g_rand_int_range (rand, 0, 100) < 70)
        dispatched = step (&h, SZ_ACTION_DISPATCH, between (rand, HOUR / 2, MAX (HOUR, limit / 3)), NULL, 0);
    }
  else if (first < 90)
    dispatched = step (&h, SZ_ACTION_DISPATCH, response, NULL, 0);
  /* else: done on the spot, resolved without a step between. */

  if (dispatched && g_rand_int_range (rand, 0, 100) < 4
      && step (&h, SZ_ACTION_RETURN, between (rand, HOUR, 2 * DAY), "不属于本单位职责", 0))
    step (&h, SZ_ACTION_DISPATCH, between (rand, HOUR, DAY), NULL, 0);
  if (g_rand_int_range (rand, 0, 100) < 4
      && step (&h, SZ_ACTION_SUSPEND, between (rand, HOUR / 2, MAX (HOUR, limit / 2)), "等待配件", 0))
    {
      g->suspended++;
      step (&h, SZ_ACTION_RESUME, between (rand, DAY, 10 * DAY), "配件到货", 0);
    }
  if (h.stopped || *error != NULL || g_rand_double (rand) < p_open)
    return *error == NULL;

  /* About 85% are resolved within their time limit. */
  resolved = r->received_at + between (rand, limit / 10, limit * 6 / 5);
  if (!step (&h, SZ_ACTION_RESOLVE, MAX (60, resolved - h.t), "已处理完毕", 0))
    return *error == NULL;
  if (g_rand_int_range (rand, 0, 100) < 85)
    {
      SzSatisfaction s = pick_satisfaction (rand);

      step (&h, SZ_ACTION_FOLLOW_UP, between (rand, 4 * HOUR, 3 * DAY), "电话回访", s);
      if (s == SZ_SATISFACTION_DISSATISFIED && g_rand_boolean (rand)
          && step (&h, SZ_ACTION_REOPEN, between (rand, HOUR, DAY), "居民反映问题未解决", 0))
        {
          g->reopened++;
          step (&h, SZ_ACTION_RESOLVE, between (rand, HOUR, limit), "再次处理", 0);
          step (&h, SZ_ACTION_FOLLOW_UP, between (rand, 4 * HOUR, 2 * DAY), "再次回访", pick_satisfaction (rand));
        }
      if (g_rand_int_range (rand, 0, 100) < 75)
        step (&h, SZ_ACTION_CLOSE, between (rand, HOUR, 2 * DAY), NULL, 0);
    }
  else if (g_rand_int_range (rand, 0, 100) < 20)
    step (&h, SZ_ACTION_CLOSE, between (rand, DAY, 5 * DAY), "多次联系居民未接电话", 0);
  return *error == NULL;
}

static gboolean
make_record (Gen     *g,
             int      day_back,
             GError **error)
{
  GRand *rand = g->rand;
  g_autoptr(SzRecord) r = sz_record_new ();
  const Place *place = &g_array_index (g->places, Place, g_rand_int_range (rand, 0, g->places->len));
  SzRecordCategory *category = g->categories->pdata[g_rand_int_range (rand, 0, g->categories->len)];

  r->community_id = g->community_id;
  r->received_at = received_time (g, day_back);
  r->channel = pick_weighted (rand, channel_weights, SZ_N_CHANNELS);
  if (g_rand_int_range (rand, 0, 100) < 70)
    {
      r->reporter_name = g_strconcat (surnames[g_rand_int_range (rand, 0, G_N_ELEMENTS (surnames))],
                                      given[g_rand_int_range (rand, 0, G_N_ELEMENTS (given))], NULL);
      r->reporter_phone = g_strdup_printf ("13%d%08d", g_rand_int_range (rand, 0, 10),
                                           g_rand_int_range (rand, 0, 100000000));
    }
  r->place_kind = place->kind;
  r->place_id = place->id;
  r->category_id = category->id;
  r->duty = g_rand_int_range (rand, 0, 100) < 80 ? SZ_DUTY_COLLECT : g_rand_int_range (rand, 0, SZ_N_DUTIES);
  r->description = g_strdup_printf ("%s，请尽快处理",
                                    problems[g_rand_int_range (rand, 0, G_N_ELEMENTS (problems))]);
  if (g->heads->len > 0 && g_rand_boolean (rand))
    r->head_person_id = g_array_index (g->heads, gint64, g_rand_int_range (rand, 0, g->heads->len));
  r->time_class = g_rand_int_range (rand, 0, 100) < 4 ? SZ_TIME_EMERGENCY
                  : g_rand_int_range (rand, 0, 100) < 5 ? SZ_TIME_COMPLEX : category->time_class;
  if (!sz_record_add (g->db, r, NULL, error))
    return FALSE;
  g->records++;
  g->events++;
  return make_history (g, r, error);
}

static gboolean
generate (Gen     *g,
          guint    n_records,
          guint    months,
          GError **error)
{
  g_autoptr(SzTreeNode) tree = NULL;
  gboolean tty = isatty (STDERR_FILENO);
  int days = (int) (months * 30.44);
  gboolean ok;

  if (!sz_demo_load (g->db, &g->community_id, error)
      || (tree = sz_tree_load (g->db, g->community_id, error)) == NULL
      || (g->categories = sz_record_category_list (g->db, FALSE, error)) == NULL)
    return FALSE;
  collect_places (g, tree);

  ok = sz_db_begin (g->db, error);
  for (guint i = 0; ok && i < n_records; i++)
    {
      /* Oldest first, so that ids grow with time as they would. */
      ok = make_record (g, days - 1 - (int) ((guint64) i * days / n_records), error);
      if (tty && (i % 1000 == 999 || i + 1 == n_records))
        fprintf (stderr, "\rgenerating: %u of %u records", i + 1, n_records);
    }
  if (tty)
    fprintf (stderr, "\n");
  return sz_db_end (g->db, ok, ok ? error : NULL) && ok;
}

static int
compare_times (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

typedef enum { Q_STATS, Q_MONTH, Q_OPEN_OVERDUE, Q_GRID_CATEGORY, Q_SEARCH, Q_LATEST, Q_SHOW, N_QUERIES } Query;

static const char * const query_titles[N_QUERIES] = {
  "stats, one month (sz_record_stats)",
  "list: month only, all rows",
  "list: open + overdue, all rows",
  "list: grid + category, all rows",
  "list: search text, limit 200",
  "list: no filter, limit 200",
  "show: record + history + state",
};

/* Runs @q once; the rows it gave in *@rows. */
static gboolean
run_query (SzDb        *db,
           Query        q,
           gint64       community_id,
           const char  *month,
           gint64       grid_id,
           gint64       category_id,
           gint64       record_id,
           guint       *rows,
           GError     **error)
{
  SzRecordFilter f;
  g_autoptr(GPtrArray) list = NULL;
  guint total = 0;

  if (q == Q_STATS)
    {
      g_autoptr(SzRecordStats) stats = sz_record_stats (db, community_id, month, 0, error);

      *rows = stats ? stats->total.received : 0;
      return stats != NULL;
    }
  if (q == Q_SHOW)
    {
      g_autoptr(SzRecord) r = sz_record_get (db, record_id, error);
      g_autoptr(GPtrArray) history = r ? sz_record_history (db, record_id, error) : NULL;
      g_autofree SzRecordState *state = history ? sz_record_get_state (db, record_id, error) : NULL;

      *rows = history ? history->len : 0;
      return state != NULL;
    }

  sz_record_filter_init (&f, community_id);
  switch (q)
    {
    case Q_MONTH:
      sz_record_parse_month (month, &f.month_start, &f.month_end, NULL);
      break;
    case Q_OPEN_OVERDUE:
      f.status = SZ_RECORD_FILTER_OPEN;
      f.overdue = TRUE;
      break;
    case Q_GRID_CATEGORY:
      f.grid_id = grid_id;
      f.category_id = category_id;
      break;
    case Q_SEARCH:
      f.search = g_strdup (SEARCH_TEXT);
      f.limit = 200;
      break;
    case Q_LATEST:
      f.limit = 200;
      break;
    default:
      g_assert_not_reached ();
    }
  list = sz_record_list (db, &f, &total, error);
  sz_record_filter_clear (&f);
  *rows = list ? list->len : 0;
  return list != NULL;
}

static gboolean
measure (const char  *path,
         guint        runs,
         GError     **error)
{
  g_autoptr(SzDb) db = sz_db_open (path, SZ_DB_OPEN_DEFAULT, error);
  g_autoptr(SzCommunity) community = NULL;
  g_autoptr(GPtrArray) grids = NULL;
  g_autoptr(GPtrArray) categories = NULL;
  g_autofree gint64 *times = g_new (gint64, runs);
  g_autofree char *month = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) before = NULL;
  SzRecordFilter f;
  g_autoptr(GPtrArray) latest = NULL;
  guint total = 0;
  gint64 record_id;

  if (db == NULL || (community = sz_community_get_first (db, error)) == NULL
      || (grids = sz_grid_list (db, community->id, error)) == NULL
      || (categories = sz_record_category_list (db, FALSE, error)) == NULL)
    return FALSE;
  if (grids->len == 0)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL, "the community has no grid");
      return FALSE;
    }
  /* Last month: a whole month, with its histories mostly done. */
  now = g_date_time_new_from_unix_local (sz_record_now ());
  before = g_date_time_add_months (now, -1);
  month = sz_record_month_of (g_date_time_to_unix (before));
  sz_record_filter_init (&f, community->id);
  f.limit = 1;
  latest = sz_record_list (db, &f, &total, error);
  if (latest == NULL)
    return FALSE;
  if (latest->len == 0)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL, "the database holds no records");
      return FALSE;
    }
  record_id = ((SzRecordRow *) latest->pdata[0])->id;

  printf ("%u records in %s; month %s; search text \"%s\"; %u runs each; target %.0f ms\n", total,
          community->name, month, SEARCH_TEXT, runs, TARGET_MS);
  printf ("%-40s %7s %9s %9s %9s  %s\n", "query", "rows", "min ms", "median", "max ms", "target");
  for (Query q = 0; q < N_QUERIES; q++)
    {
      guint rows = 0;
      double median;

      for (guint i = 0; i < runs; i++)
        {
          gint64 t = g_get_monotonic_time ();

          if (!run_query (db, q, community->id, month, ((SzGrid *) grids->pdata[0])->id,
                          ((SzRecordCategory *) categories->pdata[0])->id, record_id, &rows, error))
            return FALSE;
          times[i] = g_get_monotonic_time () - t;
        }
      qsort (times, runs, sizeof times[0], compare_times);
      median = runs % 2 ? times[runs / 2] / 1000.0 : (times[runs / 2 - 1] + times[runs / 2]) / 2000.0;
      printf ("%-40s %7u %9.2f %9.2f %9.2f  %s\n", query_titles[q], rows, times[0] / 1000.0, median,
              times[runs - 1] / 1000.0, median <= TARGET_MS ? "met" : "MISSED");
    }
  return TRUE;
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *db_path = NULL;
  int n_records = 100000;
  int months = 24;
  int runs = 11;
  gboolean keep = FALSE;
  const GOptionEntry entries[] = {
    { "records", 'n', 0, G_OPTION_ARG_INT, &n_records, "Records to generate (default 100000)", "N" },
    { "months", 'm', 0, G_OPTION_ARG_INT, &months, "Over how many months before now (default 24)", "M" },
    { "runs", 'r', 0, G_OPTION_ARG_INT, &runs, "Timed runs of each query (default 11)", "N" },
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, "Database: measured as it is if it holds records, else generated and kept", "FILE" },
    { "keep", 'k', 0, G_OPTION_ARG_NONE, &keep, "Keep the generated database", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- time the records' figures and lists");
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);
  g_autoptr(GArray) places = g_array_new (FALSE, FALSE, sizeof (Place));
  g_autoptr(GArray) heads = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) categories = NULL;
  Gen g = { .rand = rand, .places = places, .heads = heads };
  struct rusage usage;
  GStatBuf st;
  gboolean ok = TRUE;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "bench-records: %s\n", error->message);
      return 2;
    }
  if (n_records < 1 || months < 1 || months > 120 || runs < 1)
    {
      fprintf (stderr, "bench-records: --records and --runs must be at least 1, --months 1 to 120\n");
      return 2;
    }
  if (db_path != NULL)
    keep = TRUE;
  else
    {
      g_autofree char *base = g_strdup_printf ("sanzhang-bench-records-%d.db", (int) getpid ());

      db_path = g_build_filename (g_get_tmp_dir (), base, NULL);
    }

  if (!g_file_test (db_path, G_FILE_TEST_EXISTS))
    {
      gint64 t = g_get_monotonic_time ();

      g.db = sz_db_open (db_path, SZ_DB_OPEN_CREATE, &error);
      g.now = sz_record_now ();
      ok = g.db != NULL && generate (&g, n_records, months, &error);
      t = g_get_monotonic_time () - t;
      categories = g.categories;
      g_clear_pointer (&g.db, sz_db_close);
      if (ok)
        {
          printf ("generation: %.1f s for %u records and %u history entries (%.0f records/s; sz_record_add and "
                  "sz_record_act in one transaction)\n", t / 1e6, g.records, g.events, g.records / (t / 1e6));
          printf ("  suspended %u, reopened %u\n", g.suspended, g.reopened);
          if (g_stat (db_path, &st) == 0)
            printf ("file size: %.1f MB\n", st.st_size / 1e6);
        }
    }
  else
    printf ("measuring %s as it is\n", db_path);

  ok = ok && measure (db_path, runs, &error);
  /* stdio, not g_printerr, which escapes hanzi outside a UTF-8 locale. */
  if (!ok)
    fprintf (stderr, "bench-records: %s\n", error ? error->message : "failed");

  getrusage (RUSAGE_SELF, &usage);
  printf ("peak RSS: %.0f MB\n", usage.ru_maxrss / 1024.0);
  if (keep)
    printf ("database kept: %s\n", db_path);
  else
    bench_remove_db (db_path);
  return ok ? 0 : 1;
}
