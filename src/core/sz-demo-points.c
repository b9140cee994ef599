/* sz-demo-points.c: the demo community's volunteer points: occasions
 * since January of last year, credits for records, a small catalogue with
 * redemptions, last year's honours and one of this year in publicity.
 * Made up from a fixed seed, like the demo's records.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sz-db.h"
#include "sz-demo.h"
#include "sz-points.h"
#include "sz-record.h"

typedef struct
{
  SzDb      *db;
  gint64     community_id;
  GRand     *rand;
  GArray    *heads[SZ_N_LEVELS];  /* person ids by the level of their highest post */
  GArray    *all;                 /* every head */
  GPtrArray *types;               /* SzActivityType, the seeded ones in order */
  char      *today;
} Demo;

static gboolean
load_heads (Demo    *d,
            GError **error)
{
  SzStmt *stmt;
  int rc;

  stmt = sz_db_prepare (d->db,
                        "SELECT n.id, min (CASE p.level WHEN 'grid' THEN 0 WHEN 'building' THEN 1 ELSE 2 END)"
                        "  FROM person n JOIN post p ON p.person_id = n.id AND p.end_date IS NULL"
                        " WHERE n.community_id = ?1 GROUP BY n.id ORDER BY n.id", error);
  if (stmt == NULL)
    return FALSE;
  sz_stmt_bind_int64 (stmt, 1, d->community_id);
  while ((rc = sz_db_step (d->db, stmt, error)) == SQLITE_ROW)
    {
      gint64 id = sz_stmt_column_int64 (stmt, 0);
      int level = CLAMP (sz_stmt_column_int (stmt, 1), 0, SZ_N_LEVELS - 1);

      g_array_append_val (d->heads[level], id);
      g_array_append_val (d->all, id);
    }
  return rc != 0;
}

static gint64
pick (Demo   *d,
      GArray *from)
{
  return g_array_index (from, gint64, g_rand_int_range (d->rand, 0, from->len));
}

/* An occasion of the @index-th seeded type on @day (skipped when after
 * today) for @n different people of @from, with @min to @max minutes. */
static gboolean
occasion (Demo        *d,
          guint        index,
          const char  *day,
          const char  *title,
          GArray      *from,
          guint        n,
          int          min,
          int          max,
          GError     **error)
{
  g_autoptr(SzActivity) a = sz_activity_new ();
  g_autoptr(GArray) people = g_array_new (FALSE, TRUE, sizeof (SzParticipant));
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  if (g_strcmp0 (day, d->today) > 0 || index >= d->types->len || from->len == 0)
    return TRUE;
  n = MIN (n, from->len);
  while (people->len < n)
    {
      SzParticipant p = { pick (d, from), (g_rand_int_range (d->rand, min, max + 1) / 30) * 30 };

      if (g_hash_table_contains (seen, &p.person_id))
        continue;
      g_array_append_val (people, p);
      g_hash_table_add (seen, g_memdup2 (&p.person_id, sizeof p.person_id));
    }
  a->community_id = d->community_id;
  a->type_id = ((SzActivityType *) d->types->pdata[index])->id;
  a->day = g_strdup (day);
  g_free (a->title);
  a->title = g_strdup (title != NULL ? title : "");
  return sz_activity_record (d->db, a, (SzParticipant *) people->data, people->len, error);
}

static gboolean
load_occasions (Demo    *d,
                int      year,
                int      month,
                GError **error)
{
  g_autoptr(GArray) patrollers = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean ok = TRUE;

  /* Patrols mostly by grid and building heads. */
  g_array_append_vals (patrollers, d->heads[SZ_LEVEL_GRID]->data, d->heads[SZ_LEVEL_GRID]->len);
  g_array_append_vals (patrollers, d->heads[SZ_LEVEL_BUILDING]->data, d->heads[SZ_LEVEL_BUILDING]->len);
  if (patrollers->len == 0)
    g_array_append_vals (patrollers, d->all->data, d->all->len);

  /* Monthly patrols from January of last year until this month. */
  for (int y = year - 1; ok && y <= year; y++)
    for (int m = 1; ok && m <= 12 && (y < year || m <= month); m++)
      {
        g_autofree char *day = g_strdup_printf ("%04d-%02d-%02d", y, m, 8 + g_rand_int_range (d->rand, 0, 10));

        ok = occasion (d, 0, day, "月度安全巡查", patrollers, 10 + g_rand_int_range (d->rand, 0, 6), 60, 180, error);
      }
  for (int y = year - 1; ok && y <= year; y++)
    {
      g_autofree char *may = g_strdup_printf ("%04d-05-01", y);
      g_autofree char *autumn = g_strdup_printf ("%04d-09-20", y);
      g_autofree char *fraud = g_strdup_printf ("%04d-03-15", y);
      g_autofree char *waste = g_strdup_printf ("%04d-06-18", y);
      g_autofree char *winter = g_strdup_printf ("%04d-11-25", y);

      ok = occasion (d, 1, may, "五一小区大扫除", d->all, 30, 120, 300, error)
           && occasion (d, 1, autumn, "秋季环境整治", d->all, 20, 120, 240, error)
           && occasion (d, 3, fraud, "防范电信诈骗宣传", d->all, 8, 60, 150, error)
           && occasion (d, 3, waste, "垃圾分类入户宣传", d->all, 10, 60, 120, error)
           && occasion (d, 1, winter, "冬季供暖入户走访", d->heads[SZ_LEVEL_UNIT], 12, 90, 180, error);
      /* Mediations: one or two heads each. */
      for (int i = 0; ok && i < 3; i++)
        {
          g_autofree char *day = g_strdup_printf ("%04d-%02d-%02d", y, 2 + 4 * i, 12 + i);

          ok = occasion (d, 2, day, i == 0 ? "邻里漏水纠纷调解" : i == 1 ? "楼道堆物纠纷调解" : "停车位纠纷调解",
                         d->all, 1 + (guint) g_rand_int_range (d->rand, 0, 2), 60, 60, error);
        }
    }
  return ok;
}

/* Every other resolved record brought in by a head is credited. */
static gboolean
load_credits (Demo    *d,
              GError **error)
{
  g_autoptr(GPtrArray) credits = sz_points_record_credits (d->db, d->community_id, error);

  if (credits == NULL)
    return FALSE;
  for (guint i = 0; i < credits->len; i += 2)
    if (!sz_points_credit_record (d->db, ((SzRecordCredit *) credits->pdata[i])->record_id,
                                  ((SzActivityType *) d->types->pdata[d->types->len - 1])->id, NULL, error))
      return FALSE;
  return TRUE;
}

static gint64
add_reward (Demo        *d,
            const char  *name,
            const char  *description,
            gint64       price,
            int          stock,
            GError     **error)
{
  g_autoptr(SzReward) r = sz_reward_new ();

  r->community_id = d->community_id;
  g_free (r->name);
  r->name = g_strdup (name);
  g_free (r->description);
  r->description = g_strdup (description);
  r->price = price;
  r->stock = stock;
  return sz_reward_save (d->db, r, error) ? r->id : 0;
}

/* A catalogue, and redemptions by those who have the points. */
static gboolean
load_rewards (Demo    *d,
              int      year,
              int      month,
              GError **error)
{
  gint64 rewards[4];
  gint64 mistake = 0;
  g_autoptr(GPtrArray) balances = NULL;
  SzPointsFilter filter;
  guint done = 0;

  rewards[0] = add_reward (d, "理发服务", "社区志愿理发师上门或到站服务", 50, -1, error);
  rewards[1] = add_reward (d, "米面油礼包", "大米5斤、面粉5斤、食用油1桶", 200, 20, error);
  rewards[2] = add_reward (d, "洗衣液", "2公斤装", 80, 30, error);
  rewards[3] = add_reward (d, "家电清洗", "油烟机或空调清洗一次", 150, -1, error);
  for (guint i = 0; i < G_N_ELEMENTS (rewards); i++)
    if (rewards[i] == 0)
      return FALSE;

  sz_points_filter_init (&filter, d->community_id);
  balances = sz_points_balances (d->db, &filter, error);
  if (balances == NULL)
    return FALSE;
  for (guint i = 0; i < balances->len && done < 10; i += 3)
    {
      SzPointsBalance *b = balances->pdata[i];
      guint which = done % G_N_ELEMENTS (rewards);
      g_autofree char *day = NULL;
      gint64 movement = 0;
      g_autoptr(SzReward) r = sz_reward_get (d->db, rewards[which], error);

      if (r == NULL)
        return FALSE;
      if (b->balance < r->price)
        continue;
      /* In the last months, never after today. */
      day = g_strdup_printf ("%04d-%02d-%02d", month > 2 ? year : year - 1, month > 2 ? month - 2 : month + 10,
                             1 + (int) done * 2);
      if (!sz_reward_redeem (d->db, b->person_id, rewards[which], 1, day, &movement, error))
        return FALSE;
      if (done == 4)
        mistake = movement;
      done++;
    }
  /* One taken by mistake and cancelled. */
  return mistake == 0 || sz_points_reverse (d->db, mistake, "登记错人，已退回", NULL, error);
}

static gboolean
honour (Demo        *d,
        gint64       person,
        const char  *period,
        const char  *title,
        const char  *reason,
        const char  *from,
        const char  *award_on,
        GError     **error)
{
  g_autoptr(SzHonour) h = sz_honour_new ();

  h->community_id = d->community_id;
  h->person_id = person;
  h->period = g_strdup (period);
  h->title = g_strdup (title);
  h->reason = g_strdup (reason);
  h->publicity_from = g_strdup (from);
  return sz_honour_propose (d->db, h, SZ_HONOUR_MIN_PUBLICITY_DAYS, error)
         && (award_on == NULL || sz_honour_award (d->db, h->id, award_on, error));
}

/* The first of the shortlist of @period at @level not in @taken. */
static gint64
best (Demo       *d,
      const char *period,
      int         level,
      GHashTable *taken,
      GError    **error)
{
  SzShortlistFilter filter = { d->community_id, period, level, 0, 0, 0 };
  g_autoptr(GPtrArray) list = sz_honours_shortlist (d->db, &filter, error);

  if (list == NULL)
    return -1;
  for (guint i = 0; i < list->len; i++)
    {
      SzShortlistEntry *e = list->pdata[i];

      if (!g_hash_table_contains (taken, &e->person_id))
        {
          g_hash_table_add (taken, g_memdup2 (&e->person_id, sizeof e->person_id));
          return e->person_id;
        }
    }
  return 0;
}

static gboolean
load_honours (Demo    *d,
              int      year,
              GError **error)
{
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autofree char *last = g_strdup_printf ("%04d", year - 1);
  g_autofree char *this = g_strdup_printf ("%04d", year);
  g_autofree char *from = g_strdup_printf ("%04d-12-10", year - 1);
  g_autofree char *award = g_strdup_printf ("%04d-12-20", year - 1);
  const char * const *titles = sz_honour_titles ();
  static const struct { int level; guint title; const char *reason; } last_year[] = {
    { SZ_LEVEL_UNIT, 2, "常年坚持走访本单元住户，及时反映漏水、楼道照明等问题，帮助独居老人代购代办。" },
    { SZ_LEVEL_UNIT, 2, "组织本单元居民清理楼道堆物，协助调解邻里纠纷，全年服务时长位居前列。" },
    { SZ_LEVEL_BUILDING, 1, "带领本楼栋单元长开展安全巡查，冬季供暖期间逐户走访，问题件件有回音。" },
    { -1, 3, "热心公益，积极参加社区志愿服务和政策宣传，深受邻里好评。" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (last_year); i++)
    {
      gint64 person = best (d, last, last_year[i].level, taken, error);

      if (person < 0)
        return FALSE;
      if (person > 0
          && !honour (d, person, last, titles[last_year[i].title], last_year[i].reason, from, award, error))
        return FALSE;
    }

  /* This year's grid head in publicity since two days ago. */
  {
    g_autoptr(GDate) start = g_date_new ();
    char buf[16];
    gint64 person;

    g_date_set_parse (start, d->today);
    g_date_subtract_days (start, 2);
    g_date_strftime (buf, sizeof buf, "%Y-%m-%d", start);
    person = best (d, this, SZ_LEVEL_GRID, taken, error);
    if (person < 0)
      return FALSE;
    if (person > 0
        && !honour (d, person, this, titles[0], "网格内矛盾纠纷化解及时，带头参加每月安全巡查，服务时长全社区第一。",
                    buf, NULL, error))
      return FALSE;
  }
  return TRUE;
}

gboolean
sz_demo_load_points (SzDb     *db,
                     gint64    community_id,
                     gint64    now,
                     GError  **error)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  Demo d = { 0 };
  gboolean ok;
  int year, month;

  g_return_val_if_fail (db != NULL, FALSE);

  if (now == 0)
    now = sz_record_now ();
  utc = g_date_time_new_from_unix_utc (now);
  local = g_date_time_to_timezone (utc, sz_record_time_zone ());
  year = g_date_time_get_year (local);
  month = g_date_time_get_month (local);

  d.db = db;
  d.community_id = community_id;
  d.rand = g_rand_new_with_seed (20260501);
  for (guint i = 0; i < SZ_N_LEVELS; i++)
    d.heads[i] = g_array_new (FALSE, FALSE, sizeof (gint64));
  d.all = g_array_new (FALSE, FALSE, sizeof (gint64));
  d.today = g_date_time_format (local, "%Y-%m-%d");
  d.types = sz_activity_type_list (db, community_id, FALSE, error);

  ok = d.types != NULL && d.types->len > 0 && sz_db_begin (db, error);
  if (ok)
    {
      ok = load_heads (&d, error)
           && (d.all->len == 0
               || (load_occasions (&d, year, month, error)
                   && load_credits (&d, error)
                   && load_rewards (&d, year, month, error)
                   && load_honours (&d, year, error)));
      ok = sz_db_end (db, ok, error) && ok;
    }

  g_rand_free (d.rand);
  for (guint i = 0; i < SZ_N_LEVELS; i++)
    g_array_unref (d.heads[i]);
  g_array_unref (d.all);
  g_clear_pointer (&d.types, g_ptr_array_unref);
  g_free (d.today);
  return ok;
}
