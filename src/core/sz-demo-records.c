/* sz-demo-records.c: a few months of made-up issue records for the demo.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The demo community should show lists, figures and a chart on first
 * start, so records are generated for the current month and the three
 * before it, relative to the day the demo is loaded, from a fixed seed:
 * the same day gives the same records.  Reporters and phones are made up
 * (1380000xxxx, like the demo roster); departments are generic names.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sz-db.h"
#include "sz-demo.h"
#include "sz-record.h"
#include "sz-record-private.h"
#include "sz-roster.h"

#define DEMO_CLERK "社区工作人员（演示）"

/* What is said, per seeded category (sz_record_category_seed order). */
typedef struct
{
  const char *descriptions[4];
  const char *department;    /* NULL: the community handles it */
  const char *contact;
} Kind;

static const Kind kinds[] = {
  /* water */
  { { "整栋楼停水，没有看到停水通知", "厨房水管接头漏水，楼下已经渗水", "自来水发黄有异味", "水压太低，六楼洗澡没有水" },
    "市自来水公司（演示）", "0431-80000301" },
  /* electricity */
  { { "楼道声控灯坏了，晚上老人上下楼不方便", "单元门口路灯不亮", "家里经常跳闸，怀疑线路老化", "电表箱门损坏，电线外露" },
    "供电公司（演示）", "95598" },
  /* gas */
  { { "楼道里有煤气味，请尽快来查看", "燃气表显示异常，无法充值", "燃气管道外包层脱落", NULL },
    "燃气公司（演示）", "0431-80000303" },
  /* heating */
  { { "暖气不热，室温只有十六度", "暖气片漏水", "供暖管道有异响", "楼道暖气没有开" },
    "热力公司（演示）", "0431-80000304" },
  /* property and repairs */
  { { "单元门禁坏了，门关不上", "电梯经常停运，老人出行困难", "楼顶防水层破损，雨天顶楼漏水", "楼道墙皮大面积脱落" },
    "物业服务中心（演示）", "0431-80000305" },
  /* sanitation */
  { { "垃圾桶满了没人清运，气味很大", "楼道里堆放杂物和废纸箱", "小区里有流浪狗粪便没人清理", NULL },
    "物业服务中心（演示）", "0431-80000305" },
  /* neighbour dispute and noise */
  { { "楼上晚上十一点以后还在装修，噪音扰民", "邻居在楼道里堆放杂物，协商不成", "楼下烧烤店油烟影响居民开窗", "两户因漏水赔偿发生争执" },
    NULL, NULL },
  /* safety hazard */
  { { "电动车在楼道里充电，存在火灾隐患", "楼道消防栓没有水", "外墙瓷砖松动，有坠落危险", NULL },
    "物业服务中心（演示）", "0431-80000305" },
  /* parking */
  { { "消防通道被私家车占用", "小区车位被外来车辆长期占用", "地锁私自安装影响通行", NULL },
    "物业服务中心（演示）", "0431-80000305" },
  /* greening */
  { { "树枝遮挡二楼窗户，需要修剪", "绿地被私自开垦种菜", "枯树有倒伏危险", NULL },
    "物业服务中心（演示）", "0431-80000305" },
  /* elderly care */
  { { "独居老人多日未出门，请社区上门看看", "老人想申请居家养老服务", "高龄老人需要上门办理高龄补贴认证", NULL },
    NULL, NULL },
  /* policy enquiry */
  { { "咨询城乡居民医保缴费时间", "咨询老旧小区改造什么时候开始", "咨询办理居住证需要的材料", "咨询养老服务补贴怎么申请" },
    NULL, NULL },
  /* other */
  { { "希望在小区里增设健身器材", "快递乱堆放在单元门口", "建议增加休息座椅", NULL },
    NULL, NULL },
};

/* How often each category comes up, per hundred records. */
static const int weights[G_N_ELEMENTS (kinds)] = { 9, 8, 3, 10, 20, 10, 10, 4, 7, 3, 5, 7, 4 };

static const char * const surnames[] = { "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "孙", "马", "高", "郑" };
static const char * const addresses[] = { "阿姨", "大爷", "女士", "先生", "大姐", "师傅" };

typedef struct
{
  SzDb      *db;
  GRand     *rand;
  gint64     now;
  GPtrArray *categories;     /* SzRecordCategory*, seed order */
} Gen;

/* Appends an entry unless it would lie in the future; FALSE stops the story. */
static gboolean
step (Gen            *g,
      gint64          record_id,
      SzAction        action,
      gint64          at,
      const char     *note,
      const char     *department,
      const char     *contact,
      SzSatisfaction  satisfaction,
      gboolean       *ok,
      GError        **error)
{
  g_autoptr(SzRecordEvent) e = NULL;

  if (!*ok || at > g->now)
    return FALSE;
  e = sz_record_event_new ();
  e->record_id = record_id;
  e->action = action;
  e->at = at;
  e->actor = g_strdup (DEMO_CLERK);
  e->note = g_strdup (note);
  e->department = g_strdup (department);
  e->contact = g_strdup (contact);
  e->satisfaction = satisfaction;
  *ok = sz_record_act_entered (g->db, e, at, error);
  return *ok;
}

static int
pick_kind (Gen *g)
{
  int n = g_rand_int_range (g->rand, 0, 100);

  for (guint i = 0; i < G_N_ELEMENTS (weights); i++)
    if ((n -= weights[i]) < 0)
      return i;
  return G_N_ELEMENTS (weights) - 1;
}

/* One record and what happened to it up to now. */
static gboolean
generate_one (Gen         *g,
              gint64       community_id,
              gint64       received_at,
              GArray      *units,
              GError     **error)
{
  g_autoptr(SzRecord) r = sz_record_new ();
  int k = pick_kind (g);
  const Kind *kind = &kinds[k];
  SzRecordCategory *category = g->categories->pdata[MIN ((guint) k, g->categories->len - 1)];
  gint64 unit = g_array_index (units, gint64, g_rand_int_range (g->rand, 0, units->len));
  gint64 limit, t;
  const char *description;
  gboolean ok = TRUE, late;
  int roll;

  do
    description = kind->descriptions[g_rand_int_range (g->rand, 0, 4)];
  while (description == NULL);

  r->community_id = community_id;
  r->received_at = received_at;
  roll = g_rand_int_range (g->rand, 0, 100);
  r->channel = roll < 45 ? SZ_CHANNEL_WECHAT : roll < 60 ? SZ_CHANNEL_VISIT : roll < 75 ? SZ_CHANNEL_PHONE
               : roll < 90 ? SZ_CHANNEL_PATROL : roll < 97 ? SZ_CHANNEL_CITY_HOTLINE : SZ_CHANNEL_OTHER;
  r->place_kind = SZ_NODE_UNIT;
  r->place_id = unit;
  r->category_id = category->id;
  r->time_class = category->time_class;
  r->duty = k == 6 ? SZ_DUTY_MEDIATE : k == 11 ? SZ_DUTY_PUBLICISE : k == 10 || k == 12 ? SZ_DUTY_SERVE
            : SZ_DUTY_COLLECT;
  r->description = g_strdup (description);
  if (g_rand_int_range (g->rand, 0, 100) < 80)
    {
      r->reporter_name = g_strdup_printf ("%s%s", surnames[g_rand_int_range (g->rand, 0, G_N_ELEMENTS (surnames))],
                                          addresses[g_rand_int_range (g->rand, 0, G_N_ELEMENTS (addresses))]);
      r->reporter_phone = g_strdup_printf ("1380000%04d", g_rand_int_range (g->rand, 6000, 9999));
    }
  {
    /* The unit head usually brings it in. */
    SzStmt *stmt = sz_db_prepare (g->db, "SELECT person_id FROM post WHERE unit_id = ?1 AND end_date IS NULL",
                                        error);

    if (stmt == NULL)
      return FALSE;
    sz_stmt_bind_int64 (stmt, 1, unit);
    if (sz_db_step (g->db, stmt, NULL) == SQLITE_ROW && r->channel != SZ_CHANNEL_CITY_HOTLINE)
      r->head_person_id = sz_stmt_column_int64 (stmt, 0);
    sz_stmt_reset (stmt);
  }
  if (!sz_record_add_entered (g->db, r, r->channel == SZ_CHANNEL_CITY_HOTLINE ? "12345 转办" : NULL, received_at,
                              error))
    return FALSE;

  limit = sz_time_class_seconds (r->time_class);
  /* One record in eight takes longer than it should. */
  late = g_rand_int_range (g->rand, 0, 8) == 0;
  t = received_at + g_rand_int_range (g->rand, 5 * 60, MIN (limit / 4, 20 * 3600));
  if (late && limit > 3 * 3600)
    t = received_at + limit / 2 + g_rand_int_range (g->rand, 3600, 12 * 3600);

  if (kind->department != NULL)
    {
      step (g, r->id, SZ_ACTION_REPORT, t, "", NULL, NULL, SZ_SATISFACTION_NONE, &ok, error);
      t += g_rand_int_range (g->rand, 10 * 60, 3 * 3600);
      if (!step (g, r->id, SZ_ACTION_DISPATCH, t, "请尽快上门处理", kind->department, kind->contact,
                 SZ_SATISFACTION_NONE, &ok, error))
        return ok;
      if (g_rand_int_range (g->rand, 0, 12) == 0)
        {
          t += g_rand_int_range (g->rand, 3600, 10 * 3600);
          step (g, r->id, SZ_ACTION_RETURN, t, "不属于本单位职责，退回社区", NULL, NULL, SZ_SATISFACTION_NONE, &ok, error);
          t += g_rand_int_range (g->rand, 1800, 5 * 3600);
          if (!step (g, r->id, SZ_ACTION_DISPATCH, t, "改派物业处理", "物业服务中心（演示）", "0431-80000305",
                     SZ_SATISFACTION_NONE, &ok, error))
            return ok;
        }
    }
  else if (!step (g, r->id, SZ_ACTION_REPORT, t, "网格员已上门了解情况", NULL, NULL, SZ_SATISFACTION_NONE,
                  &ok, error))
    return ok;

  /* Some recent ones are stuck with the department: the overdue list
   * should show something on first start. */
  if (received_at > g->now - 12 * 24 * 3600 && g_rand_int_range (g->rand, 0, 5) == 0)
    return ok;

  if (limit >= 7 * 24 * 3600 && g_rand_int_range (g->rand, 0, 10) == 0)
    {
      gint64 pause = g_rand_int_range (g->rand, 2 * 24 * 3600, 6 * 24 * 3600);

      t += g_rand_int_range (g->rand, 3600, 24 * 3600);
      if (!step (g, r->id, SZ_ACTION_SUSPEND, t, "住户外出，约定回来后再上门", NULL, NULL, SZ_SATISFACTION_NONE,
                 &ok, error))
        return ok;
      t += pause;
      if (!step (g, r->id, SZ_ACTION_RESUME, t, "", NULL, NULL, SZ_SATISFACTION_NONE, &ok, error))
        return ok;
    }

  t += late ? limit + g_rand_int_range (g->rand, 3600, 48 * 3600)
            : g_rand_int_range (g->rand, limit / 10, limit * 3 / 4);
  if (!step (g, r->id, SZ_ACTION_RESOLVE, t, "已处理完毕，现场查看正常", NULL, NULL, SZ_SATISFACTION_NONE, &ok, error))
    return ok;

  t += g_rand_int_range (g->rand, 12 * 3600, 3 * 24 * 3600);
  roll = g_rand_int_range (g->rand, 0, 100);
  if (roll < 8)
    return ok;   /* not asked yet */
  {
    SzSatisfaction s = roll < (late ? 55 : 78) ? SZ_SATISFACTION_SATISFIED
                       : roll < 94 ? SZ_SATISFACTION_BASICALLY : SZ_SATISFACTION_DISSATISFIED;

    if (!step (g, r->id, SZ_ACTION_FOLLOW_UP, t, "电话回访", NULL, NULL, s, &ok, error))
      return ok;
    t += g_rand_int_range (g->rand, 3600, 24 * 3600);
    /* Half the dissatisfied are handled again; the rest stay on the figures. */
    if (s == SZ_SATISFACTION_DISSATISFIED && g_rand_boolean (g->rand))
      {
        if (!step (g, r->id, SZ_ACTION_REOPEN, t, "居民反映问题仍未解决", NULL, NULL, SZ_SATISFACTION_NONE,
                   &ok, error))
          return ok;
        t += g_rand_int_range (g->rand, limit / 10, limit / 2);
        if (!step (g, r->id, SZ_ACTION_RESOLVE, t, "再次上门处理，已解决", NULL, NULL, SZ_SATISFACTION_NONE,
                   &ok, error))
          return ok;
        t += g_rand_int_range (g->rand, 12 * 3600, 2 * 24 * 3600);
        if (!step (g, r->id, SZ_ACTION_FOLLOW_UP, t, "电话回访", NULL, NULL, SZ_SATISFACTION_BASICALLY, &ok, error))
          return ok;
        t += 3600;
      }
  }
  step (g, r->id, SZ_ACTION_CLOSE, t, "", NULL, NULL, SZ_SATISFACTION_NONE, &ok, error);
  return ok;
}

static int
compare_times (gconstpointer a,
               gconstpointer b)
{
  gint64 ta = *(const gint64 *) a, tb = *(const gint64 *) b;

  return (ta > tb) - (ta < tb);
}

gboolean
sz_demo_load_records (SzDb     *db,
                      gint64    community_id,
                      gint64    now,
                      GError  **error)
{
  g_autoptr(GArray) units = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) categories = NULL;
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) first = NULL;
  Gen g = { 0 };
  gint64 start, span;
  SzStmt *stmt;
  g_autofree char *actor = NULL;
  gboolean ok = TRUE;
  guint n;
  int rc;

  g_return_val_if_fail (db != NULL, FALSE);

  if (now == 0)
    now = sz_record_now ();
  categories = sz_record_category_list (db, FALSE, error);
  if (categories == NULL)
    return FALSE;
  if (categories->len == 0)
    return TRUE;

  stmt = sz_db_prepare (db, "SELECT u.id FROM unit u JOIN building b ON b.id = u.building_id"
                            " JOIN compound c ON c.id = b.compound_id WHERE c.community_id = ?1 ORDER BY u.id", error);
  if (stmt == NULL)
    return FALSE;
  sz_stmt_bind_int64 (stmt, 1, community_id);
  while ((rc = sz_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      gint64 id = sz_stmt_column_int64 (stmt, 0);

      g_array_append_val (units, id);
    }
  sz_stmt_reset (stmt);
  if (rc == 0)
    return FALSE;
  if (units->len == 0)
    return TRUE;

  /* From the first day of the month three months back until now. */
  utc = g_date_time_new_from_unix_utc (now);
  local = g_date_time_to_timezone (utc, sz_record_time_zone ());
  {
    g_autoptr(GDateTime) month = g_date_time_new (sz_record_time_zone (), g_date_time_get_year (local),
                                                  g_date_time_get_month (local), 1, 0, 0, 0);

    first = g_date_time_add_months (month, -3);
  }
  start = g_date_time_to_unix (first);
  span = now - start;
  /* About 55 a month for ~2,300 households. */
  n = span / (13 * 3600);

  g.db = db;
  g.now = now;
  g.categories = categories;
  g.rand = g_rand_new_with_seed ((guint32) (start / 86400));

  if (!sz_db_begin (db, error))
    {
      g_rand_free (g.rand);
      return FALSE;
    }
  /* The made-up records are entered by a made-up clerk. */
  actor = g_strdup (sz_db_get_actor (db));
  sz_db_set_actor (db, DEMO_CLERK);
  {
    g_autoptr(GArray) times = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n);

    for (guint i = 0; i < n; i++)
      {
        /* Daytime mostly: 7:00 to 22:00. */
        gint64 day = start + (gint64) g_rand_int_range (g.rand, 0, (gint32) (span / 86400 + 1)) * 86400;
        gint64 at = day + g_rand_int_range (g.rand, 7 * 3600, 22 * 3600);

        if (at < now - 600)
          g_array_append_val (times, at);
      }
    g_array_sort (times, compare_times);
    for (guint i = 0; ok && i < times->len; i++)
      ok = generate_one (&g, community_id, g_array_index (times, gint64, i), units, error);
  }
  g_rand_free (g.rand);
  sz_db_set_actor (db, actor);
  return sz_db_end (db, ok, error);
}
