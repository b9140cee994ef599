/* test-points.c: the points ledger: balances, the database's refusals,
 * caps and levels, batch entry, rewards and reversals, expiry.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sz-points-test-util.h"

#define END ((gint64) 0)

/* ---- Figures ------------------------------------------------------------ */

static void
test_format (void)
{
  gint64 t = -1;
  int m = -1;
  char *s;

  s = sz_points_format (125);
  g_assert_cmpstr (s, ==, "12.5");
  g_free (s);
  s = sz_points_format (-30);
  g_assert_cmpstr (s, ==, "-3.0");
  g_free (s);
  s = sz_hours_format (90);
  g_assert_cmpstr (s, ==, "1.5");
  g_free (s);
  s = sz_hours_format (20);
  g_assert_cmpstr (s, ==, "0.33");
  g_free (s);
  s = sz_points_format_with_unit (5);
  g_assert_cmpstr (s, ==, "0.5 points");
  g_free (s);

  g_assert_true (sz_points_parse ("2", &t));
  g_assert_cmpint (t, ==, 20);
  g_assert_true (sz_points_parse (" 1.5 ", &t));
  g_assert_cmpint (t, ==, 15);
  g_assert_true (sz_points_parse ("0.5", &t));
  g_assert_cmpint (t, ==, 5);
  g_assert_false (sz_points_parse ("-1", &t));
  g_assert_false (sz_points_parse ("1.25", &t));
  g_assert_false (sz_points_parse ("两", &t));
  g_assert_false (sz_points_parse ("", &t));
  g_assert_false (sz_points_parse (".", &t));
  g_assert_true (sz_hours_parse ("1.5", &m));
  g_assert_cmpint (m, ==, 90);
  g_assert_false (sz_hours_parse ("1.5h", &m));
}

/* ---- Balances on a small fixture, computed by hand --------------------- */

/* 2026-03-01 patrol (1 point/h, at most 2 h counted):
 *   张三 1.5 h → 90 min, 1.5 points;  李四 3 h → capped 2 h, 2.0 points.
 * 2026-04-10 mediation (per occasion: 2 points, 1 h): 张三 → 60 min, 2.0.
 * 2026-04-20 correction 王五 +0.5 h, +0.5 points ("补录").
 * 2026-05-01 张三 takes 2 × 理发 at 1.0: −2.0.
 * So:   张三 150 min, earned 3.5, redeemed 2.0, balance 1.5
 *       李四 120 min, earned 2.0, balance 2.0
 *       王五  30 min, earned 0.5, balance 0.5
 *       赵六 nothing. */
static void
fill_fixture (Points *p)
{
  g_autoptr(GError) error = NULL;
  gint64 haircut;

  points_activity (p, p->patrol, "2026-03-01", p->zhang, 90, p->li, 180, END);
  points_activity (p, p->mediation, "2026-04-10", p->zhang, 0, END);
  points_correct (p, p->wang, "2026-04-20", 30, 5);
  haircut = points_reward (p, "理发服务", 10, -1);
  g_assert_true (sz_reward_redeem (p->db, p->zhang, haircut, 2, "2026-05-01", NULL, &error));
  g_assert_no_error (error);
}

static void
test_balances (void)
{
  Points p;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) statement = NULL;
  SzPointsFilter filter;
  SzPointsBalance *b;
  SzMovement *m;

  points_setup (&p, "balances.db");
  fill_fixture (&p);

  sz_points_filter_init (&filter, p.f.r.community);
  list = sz_points_balances (p.db, &filter, &error);
  g_assert_no_error (error);
  /* Pinyin order: li, wang, zhang; 赵六 has no movement. */
  g_assert_cmpuint (list->len, ==, 3);
  b = list->pdata[0];
  g_assert_cmpstr (b->name, ==, "李四");
  g_assert_cmpint (b->minutes, ==, 120);
  g_assert_cmpint (b->earned, ==, 20);
  g_assert_cmpint (b->balance, ==, 20);
  g_assert_cmpint (b->level, ==, SZ_LEVEL_BUILDING);
  g_assert_cmpstr (b->post, ==, "丰和林苑 2栋 Building head");
  g_assert_cmpint (b->grid_id, ==, p.f.r.grid1);
  b = list->pdata[1];
  g_assert_cmpstr (b->name, ==, "王五");
  g_assert_cmpint (b->minutes, ==, 30);
  g_assert_cmpint (b->balance, ==, 5);
  g_assert_cmpint (b->level, ==, -1);
  g_assert_cmpstr (b->post, ==, "");
  b = list->pdata[2];
  g_assert_cmpstr (b->name, ==, "张三");
  g_assert_cmpint (b->minutes, ==, 150);
  g_assert_cmpint (b->earned, ==, 35);
  g_assert_cmpint (b->redeemed, ==, 20);
  g_assert_cmpint (b->expired, ==, 0);
  g_assert_cmpint (b->balance, ==, 15);
  g_assert_cmpstr (b->post, ==, "丰和林苑 2栋 Unit 1 Unit head");
  g_clear_pointer (&list, g_ptr_array_unref);

  /* With everyone: 赵六 at the end, at zero. */
  filter.with_zero = TRUE;
  list = sz_points_balances (p.db, &filter, &error);
  g_assert_cmpuint (list->len, ==, 4);
  b = list->pdata[3];
  g_assert_cmpstr (b->name, ==, "赵六");
  g_assert_cmpint (b->balance, ==, 0);
  g_assert_cmpint (b->level, ==, SZ_LEVEL_GRID);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Filters: a level, no post, a grid, a search by initials and phone. */
  filter.level = SZ_LEVEL_UNIT;
  list = sz_points_balances (p.db, &filter, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((SzPointsBalance *) list->pdata[0])->name, ==, "张三");
  g_clear_pointer (&list, g_ptr_array_unref);
  filter.level = SZ_N_LEVELS;
  list = sz_points_balances (p.db, &filter, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((SzPointsBalance *) list->pdata[0])->name, ==, "王五");
  g_clear_pointer (&list, g_ptr_array_unref);
  filter.level = -1;
  filter.grid_id = p.f.r.grid1;
  list = sz_points_balances (p.db, &filter, &error);
  g_assert_cmpuint (list->len, ==, 3);   /* 李四, 张三, 赵六 */
  g_clear_pointer (&list, g_ptr_array_unref);
  filter.grid_id = p.f.r.grid2;
  list = sz_points_balances (p.db, &filter, &error);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);
  filter.grid_id = 0;
  filter.search = "zs";
  list = sz_points_balances (p.db, &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((SzPointsBalance *) list->pdata[0])->name, ==, "张三");
  g_clear_pointer (&list, g_ptr_array_unref);
  filter.search = "0003";
  list = sz_points_balances (p.db, &filter, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((SzPointsBalance *) list->pdata[0])->name, ==, "王五");
  g_clear_pointer (&list, g_ptr_array_unref);

  /* 张三's statement: +1.5 (1.5), +2.0 (3.5), −2.0 (1.5). */
  statement = sz_points_statement (p.db, p.zhang, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (statement->len, ==, 3);
  m = statement->pdata[0];
  g_assert_cmpint (m->kind, ==, SZ_MOVE_EARN);
  g_assert_cmpint (m->points, ==, 15);
  g_assert_cmpint (m->balance_after, ==, 15);
  g_assert_cmpint (m->minutes_after, ==, 90);
  g_assert_cmpstr (m->source, ==, "Patrol and visits 2026-03-01");
  m = statement->pdata[1];
  g_assert_cmpint (m->points, ==, 20);
  g_assert_cmpint (m->minutes, ==, 60);
  g_assert_cmpint (m->balance_after, ==, 35);
  g_assert_cmpint (m->minutes_after, ==, 150);
  m = statement->pdata[2];
  g_assert_cmpint (m->kind, ==, SZ_MOVE_REDEEM);
  g_assert_cmpint (m->points, ==, -20);
  g_assert_cmpint (m->balance_after, ==, 15);
  g_assert_cmpint (m->minutes_after, ==, 150);
  g_assert_cmpstr (m->source, ==, "Redeemed 理发服务 ×2");
  g_assert_nonnull (m->actor);
  g_assert_cmpint (m->entered_at, >, 0);

  /* The list is kept between calls: a change shows at once. */
  {
    g_autoptr(GPtrArray) again = NULL;

    sz_points_filter_init (&filter, p.f.r.community);
    points_correct (&p, p.li, "2026-06-01", 60, 10);
    again = sz_points_balances (p.db, &filter, &error);
    g_assert_cmpuint (again->len, ==, 3);
    g_assert_cmpint (((SzPointsBalance *) again->pdata[0])->balance, ==, 30);
    g_assert_cmpint (((SzPointsBalance *) again->pdata[0])->minutes, ==, 180);
  }

  /* The cached figures equal the sums of the movements. */
  g_assert_cmpint (test_count (p.db, "points_balance WHERE balance <> (SELECT sum (points) FROM points_movement m"
                                     " WHERE m.person_id = points_balance.person_id)"), ==, 0);
  points_teardown (&p);
}

/* ---- The database refuses, whatever the path ------------------------------ */

static void
run_sqlite (const char *path,
            const char *sql,
            const char *expected)
{
  g_autofree char *sqlite = g_find_program_in_path ("sqlite3");
  g_autofree char *psql = g_find_program_in_path ("psql");
  const char *argv[] = { sqlite, path, sql, NULL };
  /* On a server, psql as a superuser: the server's rules hold for it too. */
  const char *pg_argv[] = { psql, "-X", "-v", "ON_ERROR_STOP=1", "-d", path, "-c", sql, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int wait_status;

  g_test_message ("$ %s %s \"%s\"", test_engine_is_pg () ? "psql" : "sqlite3", path, sql);
  g_spawn_sync (NULL, (char **) (test_engine_is_pg () ? pg_argv : argv), NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &out, &err, &wait_status, &error);
  g_assert_no_error (error);
  g_test_message ("stderr: %s", err);
  g_assert_false (g_spawn_check_wait_status (wait_status, NULL));
  if (expected != NULL && strstr (err, expected) == NULL)
    g_error ("sqlite3 said “%s”, not “%s”", err, expected);
}

static void
test_database_refuses (void)
{
  Points p;
  g_autoptr(GError) error = NULL;
  g_autofree char *sqlite = g_find_program_in_path ("sqlite3");
  g_autofree char *insert_negative = NULL;
  g_autofree char *insert_hours = NULL;
  g_autofree char *insert_foreign = NULL;
  gint64 other, stranger, movements, sum;
  char *path;

  points_setup (&p, "refuses.db");
  fill_fixture (&p);
  other = test_add_community (p.db, "别的社区");
  stranger = test_add_person_in (p.db, other, "外人", "13900000009", FALSE);
  path = p.f.r.path;

  /* Through the program's own connection, where its functions exist. */
  {
    char *msg = NULL;
    g_autofree char *sql = g_strdup_printf ("INSERT INTO community_deleting VALUES (%" G_GINT64_FORMAT ")",
                                            p.f.r.community);

    g_assert_cmpint (test_exec (p.db, sql, &msg), !=, SQLITE_OK);
    /* (Or "no such function" before the connection deleted a community.) */
    g_assert_true (strstr (msg, "only the deletion") != NULL || strstr (msg, "sz_audit_purging") != NULL);
    g_assert_cmpint (test_count (p.db, "community_deleting"), ==, 0);
    sqlite3_free (msg);
    g_assert_cmpint (test_exec (p.db, "DELETE FROM points_movement", &msg), !=, SQLITE_OK);
    g_assert_nonnull (strstr (msg, "cannot be deleted"));
    sqlite3_free (msg);
    g_assert_cmpint (test_exec (p.db, "UPDATE points_movement SET points = 1000", &msg), !=, SQLITE_OK);
    g_assert_nonnull (strstr (msg, "cannot be changed"));
    sqlite3_free (msg);
  }

  movements = test_count (p.db, "points_movement");
  sz_db_close (p.db);
  p.db = p.f.r.db = NULL;
  if (sqlite == NULL)
    {
      g_test_skip ("the sqlite3 shell is not installed");
      p.db = p.f.r.db = sz_db_open (path, SZ_DB_OPEN_DEFAULT, &error);
      points_teardown (&p);
      return;
    }

  insert_negative = g_strdup_printf ("INSERT INTO points_movement (community_id, person_id, kind, counts, day,"
                                     " entered_at, actor, minutes, points, reason) VALUES (%" G_GINT64_FORMAT
                                     ", %" G_GINT64_FORMAT ", 'correct', 'earn', '2026-06-01', 0, 'x', 0, -16, 'x')",
                                     p.f.r.community, p.zhang);
  insert_hours = g_strdup_printf ("INSERT INTO points_movement (community_id, person_id, kind, counts, day,"
                                  " entered_at, actor, minutes, points, reason) VALUES (%" G_GINT64_FORMAT
                                  ", %" G_GINT64_FORMAT ", 'correct', 'earn', '2026-06-01', 0, 'x', -151, 0, 'x')",
                                  p.f.r.community, p.zhang);
  insert_foreign = g_strdup_printf ("INSERT INTO points_movement (community_id, person_id, kind, counts, day,"
                                    " entered_at, actor, minutes, points, reason) VALUES (%" G_GINT64_FORMAT
                                    ", %" G_GINT64_FORMAT ", 'correct', 'earn', '2026-06-01', 0, 'x', 60, 10, 'x')",
                                    p.f.r.community, stranger);
  /* 张三 has 1.5 points and 150 minutes: one tenth or minute more is refused. */
  run_sqlite (path, insert_negative, "points balance cannot go below zero");
  run_sqlite (path, insert_hours, "service hours cannot go below zero");
  run_sqlite (path, insert_foreign, "person belongs to its community");
  run_sqlite (path, "UPDATE points_movement SET points = points + 10", "cannot be changed");
  run_sqlite (path, "DELETE FROM points_movement", "cannot be deleted");
  run_sqlite (path, "DELETE FROM redemption", "cannot be deleted");
  run_sqlite (path, "UPDATE points_balance SET balance = balance + 100", "kept from the movements");
  run_sqlite (path, "DELETE FROM points_balance", "kept from the movements");
  run_sqlite (path, "UPDATE points_period SET minutes = minutes + 60", "kept from the movements");
  run_sqlite (path, "DELETE FROM points_period", "kept from the movements");
  run_sqlite (path, "INSERT INTO community_deleting SELECT id FROM community", NULL);
  /* Twice the same reversal. */
  run_sqlite (path, "INSERT INTO points_movement (community_id, person_id, kind, counts, day, entered_at, actor,"
                    " minutes, points, reverses_id, reason)"
                    " SELECT community_id, person_id, 'correct', 'earn', day, 0, 'x', 0, -points, id, 'x'"
                    " FROM points_movement WHERE kind = 'correct'"
                    " UNION ALL"
                    " SELECT community_id, person_id, 'correct', 'earn', day, 0, 'x', 0, -points, id, 'x'"
                    " FROM points_movement WHERE kind = 'correct'", NULL);

  p.db = p.f.r.db = sz_db_open (path, SZ_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (test_count (p.db, "points_movement"), ==, movements);
  sum = test_count (p.db, "points_movement WHERE person_id = (SELECT id FROM person WHERE name = '张三') AND points < 0");
  g_assert_cmpint (sum, ==, 1);
  {
    g_autoptr(SzPointsBalance) b = points_balance (&p, p.zhang);

    g_assert_cmpint (b->balance, ==, 15);
    g_assert_cmpint (b->minutes, ==, 150);
  }
  points_teardown (&p);
}

/* ---- Caps, levels, batch entry ----------------------------------------- */

static GError *
try_activity (Points              *p,
              gint64               type,
              const SzParticipant *people,
              guint                n)
{
  g_autoptr(SzActivity) a = sz_activity_new ();
  GError *error = NULL;

  a->type_id = type;
  a->day = g_strdup ("2026-06-01");
  if (sz_activity_record (p->db, a, people, n, &error))
    g_assert_cmpint (a->id, >, 0);
  return error;
}

static void
test_batch_entry (void)
{
  Points p;
  g_autoptr(GError) error = NULL;
  g_autoptr(SzActivityType) unit_only = sz_activity_type_new ();
  g_autoptr(SzActivityType) retired = NULL;
  g_autoptr(GArray) crowd = g_array_new (FALSE, TRUE, sizeof (SzParticipant));
  g_autoptr(GPtrArray) moves = NULL;
  gint64 activities, movements, day_id;

  points_setup (&p, "batch.db");

  /* A type for unit heads only, per hour, 0.5 points an hour, no cap. */
  unit_only->community_id = p.f.r.community;
  g_free (unit_only->name);
  unit_only->name = g_strdup ("楼道清理");
  unit_only->basis = SZ_BASIS_PER_HOUR;
  unit_only->points_per_unit = 5;
  unit_only->levels = 1u << SZ_LEVEL_UNIT;
  g_assert_true (sz_activity_type_save (p.db, unit_only, &error));
  g_assert_no_error (error);

  activities = test_count (p.db, "activity");
  movements = test_count (p.db, "points_movement");
  {
    /* 王五 holds no post: the whole occasion is refused, naming him. */
    SzParticipant people[] = { { p.zhang, 60 }, { p.wang, 60 } };

    error = try_activity (&p, unit_only->id, people, 2);
    g_assert_error (error, SZ_POINTS_ERROR, SZ_POINTS_ERROR_INVALID);
    assert_message_starts (error, "Participants:");
    assert_message_has (error, "王五");
    g_clear_error (&error);
  }
  {
    SzParticipant people[] = { { p.zhang, 60 }, { p.li, 60 }, { p.zhang, 30 } };

    error = try_activity (&p, p.patrol, people, 3);
    assert_message_starts (error, "Participants:");
    assert_message_has (error, "张三");
    assert_message_has (error, "twice");
    g_clear_error (&error);
  }
  {
    gint64 other = test_add_community (p.db, "别的社区");
    gint64 stranger = test_add_person_in (p.db, other, "外人", "13900000009", FALSE);
    SzParticipant people[] = { { p.zhang, 60 }, { stranger, 60 } };

    error = try_activity (&p, p.patrol, people, 2);
    assert_message_starts (error, "Participants:");
    assert_message_has (error, "外人");
    g_clear_error (&error);
  }
  {
    SzParticipant people[] = { { p.zhang, 0 } };

    error = try_activity (&p, p.patrol, people, 1);
    assert_message_starts (error, "Hours:");
    g_clear_error (&error);
    error = try_activity (&p, p.patrol, people, 0);
    assert_message_starts (error, "Participants:");
    g_clear_error (&error);
  }
  retired = sz_activity_type_get (p.db, p.publicity, &error);
  retired->active = FALSE;
  g_assert_true (sz_activity_type_save (p.db, retired, &error));
  {
    SzParticipant people[] = { { p.zhang, 60 } };

    error = try_activity (&p, p.publicity, people, 1);
    assert_message_starts (error, "Activity type:");
    g_clear_error (&error);
  }
  g_assert_cmpint (test_count (p.db, "activity"), ==, activities);
  g_assert_cmpint (test_count (p.db, "points_movement"), ==, movements);

  /* Unit head 张三, 3 h without a cap: 1.5 points. */
  {
    SzParticipant people[] = { { p.zhang, 180 } };

    error = try_activity (&p, unit_only->id, people, 1);
    g_assert_no_error (error);
  }
  {
    g_autoptr(SzPointsBalance) b = points_balance (&p, p.zhang);

    g_assert_cmpint (b->minutes, ==, 180);
    g_assert_cmpint (b->balance, ==, 15);
  }

  /* A clean-up day: 30 volunteers, 5 hours each, capped at 4. */
  for (int i = 0; i < 30; i++)
    {
      g_autofree char *name = g_strdup_printf ("志愿者%02d", i);
      g_autofree char *phone = g_strdup_printf ("139100000%02d", i);
      SzParticipant part = { test_add_person_in (p.db, p.f.r.community, name, phone, FALSE), 300 };

      g_array_append_val (crowd, part);
    }
  {
    g_autoptr(SzActivity) a = sz_activity_new ();

    a->type_id = p.service_day;
    a->day = g_strdup ("2026-05-01");
    g_free (a->title);
    a->title = g_strdup ("五一小区大扫除");
    g_assert_true (sz_activity_record (p.db, a, (SzParticipant *) crowd->data, crowd->len, &error));
    g_assert_no_error (error);
    day_id = a->id;
  }
  moves = sz_activity_movements (p.db, day_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (moves->len, ==, 30);
  for (guint i = 0; i < moves->len; i++)
    {
      SzMovement *m = moves->pdata[i];

      g_assert_cmpint (m->minutes, ==, 240);
      g_assert_cmpint (m->points, ==, 40);
      g_assert_cmpint (m->activity_id, ==, day_id);
      g_assert_cmpstr (m->source, ==, "五一小区大扫除 2026-05-01");
    }
  g_assert_cmpint (test_count (p.db, "activity"), ==, activities + 2);
  points_teardown (&p);
}

/* ---- Rewards and reversals ---------------------------------------------- */

static void
test_redeem_and_reverse (void)
{
  Points p;
  g_autoptr(GError) error = NULL;
  g_autoptr(SzReward) reward = NULL;
  gint64 rice, service, redemption = 0, reversal = 0, earn = 0;

  points_setup (&p, "redeem.db");
  points_correct (&p, p.zhang, "2026-01-10", 0, 200);     /* 20.0 points */
  rice = points_reward (&p, "米面油礼包", 50, 3);           /* 5.0 points, 3 left */
  service = points_reward (&p, "上门维修", 500, -1);        /* 50.0 points */

  g_assert_true (sz_reward_redeem (p.db, p.zhang, rice, 2, "2026-02-01", &redemption, &error));
  g_assert_no_error (error);
  reward = sz_reward_get (p.db, rice, &error);
  g_assert_cmpint (reward->stock, ==, 1);
  g_clear_pointer (&reward, sz_reward_free);

  /* Stock and balance refusals give the figures. */
  g_assert_false (sz_reward_redeem (p.db, p.zhang, rice, 2, "2026-02-01", NULL, &error));
  g_assert_error (error, SZ_POINTS_ERROR, SZ_POINTS_ERROR_STOCK);
  assert_message_starts (error, "Quantity:");
  assert_message_has (error, "2 × 米面油礼包 wanted, 1 left");
  g_clear_error (&error);
  g_assert_false (sz_reward_redeem (p.db, p.zhang, service, 1, "2026-02-01", NULL, &error));
  g_assert_error (error, SZ_POINTS_ERROR, SZ_POINTS_ERROR_BALANCE);
  g_assert_cmpstr (error->message, ==, "Points: 张三 has 10.0 points; 1 × 上门维修 cost 50.0.");
  g_clear_error (&error);
  g_assert_false (sz_reward_redeem (p.db, p.zhang, rice, 0, "2026-02-01", NULL, &error));
  assert_message_starts (error, "Quantity:");
  g_clear_error (&error);

  /* Cancelling restores points and stock. */
  g_assert_false (sz_points_reverse (p.db, redemption, "  ", NULL, &error));
  assert_message_starts (error, "Reason");
  g_clear_error (&error);
  g_assert_true (sz_points_reverse (p.db, redemption, "领错了", &reversal, &error));
  g_assert_no_error (error);
  reward = sz_reward_get (p.db, rice, &error);
  g_assert_cmpint (reward->stock, ==, 3);
  {
    g_autoptr(SzPointsBalance) b = points_balance (&p, p.zhang);
    g_autoptr(SzMovement) m = sz_movement_get (p.db, redemption, &error);

    g_assert_cmpint (b->balance, ==, 200);
    g_assert_cmpint (b->redeemed, ==, 0);
    g_assert_cmpint (m->reversed_by, ==, reversal);
  }

  /* Twice, or the reversal itself: refused. */
  g_assert_false (sz_points_reverse (p.db, redemption, "again", NULL, &error));
  g_assert_error (error, SZ_POINTS_ERROR, SZ_POINTS_ERROR_STATE);
  g_clear_error (&error);
  g_assert_false (sz_points_reverse (p.db, reversal, "again", NULL, &error));
  g_assert_error (error, SZ_POINTS_ERROR, SZ_POINTS_ERROR_STATE);
  g_clear_error (&error);

  /* Points spent: the earning cannot be reversed; the figures say so. */
  {
    gint64 ids[1];
    g_autoptr(GPtrArray) statement = NULL;

    g_assert_true (sz_reward_redeem (p.db, p.zhang, rice, 3, "2026-03-01", NULL, &error));
    g_assert_no_error (error);
    statement = sz_points_statement (p.db, p.zhang, &error);
    ids[0] = ((SzMovement *) statement->pdata[0])->id;
    earn = ids[0];
    g_assert_false (sz_points_reverse (p.db, earn, "录错了", NULL, &error));
    g_assert_error (error, SZ_POINTS_ERROR, SZ_POINTS_ERROR_BALANCE);
    assert_message_has (error, "5.0");
    assert_message_has (error, "20.0");
    g_clear_error (&error);
  }
  /* A correction below zero: refused with the figures. */
  g_assert_false (sz_points_correct (p.db, p.zhang, NULL, 0, -51, "扣分", NULL, &error));
  g_assert_error (error, SZ_POINTS_ERROR, SZ_POINTS_ERROR_BALANCE);
  g_assert_cmpstr (error->message, ==, "Points: 张三 has 5.0 points; this takes 5.1.");
  g_clear_error (&error);
  g_assert_false (sz_points_correct (p.db, p.zhang, NULL, 0, 10, "", NULL, &error));
  assert_message_starts (error, "Reason");
  g_clear_error (&error);
  points_teardown (&p);
}

/* ---- Expiry ------------------------------------------------------------ */

static void
expire_and_compare (Points     *p,
                    const char *day,
                    guint       expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) preview = sz_points_expiry_preview (p->db, p->f.r.community, day, &error);
  g_autoptr(GPtrArray) written = g_ptr_array_new_with_free_func ((GDestroyNotify) sz_movement_free);
  gint64 before = test_count (p->db, "points_movement");
  SzStmt *stmt;
  guint n = 99;

  g_assert_no_error (error);
  g_assert_cmpuint (preview->len, ==, expected);
  g_assert_true (sz_points_expire (p->db, p->f.r.community, day, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, preview->len);
  g_assert_cmpint (test_count (p->db, "points_movement"), ==, before + n);

  /* What was written is the preview, person by person. */
  stmt = sz_db_prepare (p->db, "SELECT id FROM points_movement WHERE id > (SELECT max (id) FROM points_movement) - ?1"
                               " ORDER BY id", &error);
  sz_stmt_bind_int64 (stmt, 1, n);
  while (sz_db_step (p->db, stmt, &error) == SQLITE_ROW)
    g_ptr_array_add (written, GINT_TO_POINTER (sz_stmt_column_int64 (stmt, 0)));
  sz_stmt_reset (stmt);
  g_ptr_array_set_free_func (written, NULL);
  for (guint i = 0; i < preview->len; i++)
    {
      SzExpiryItem *item = preview->pdata[i];
      g_autoptr(SzMovement) m = sz_movement_get (p->db, GPOINTER_TO_INT (written->pdata[i]), &error);

      g_assert_cmpint (m->kind, ==, SZ_MOVE_EXPIRE);
      g_assert_cmpint (m->person_id, ==, item->person_id);
      g_assert_cmpint (m->points, ==, -item->points);
      g_assert_cmpint (m->minutes, ==, 0);
      g_assert_cmpstr (m->day, ==, day);
    }
}

static void
test_expiry (void)
{
  Points p;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) preview = NULL;
  gint64 rice;

  points_setup (&p, "expiry.db");
  g_assert_cmpint (sz_points_get_expiry_years (p.db, p.f.r.community, &error), ==, 0);
  /* 张三: 1.0 earned in 2023 (1 h), 0.5 in 2024; 0.8 redeemed in 2025.
   * 李四: 0.6 earned in 2023, nothing spent. */
  points_correct (&p, p.zhang, "2023-05-01", 60, 10);
  points_correct (&p, p.zhang, "2024-03-01", 0, 5);
  points_correct (&p, p.li, "2023-07-01", 0, 6);
  rice = points_reward (&p, "洗衣液", 8, 30);
  g_assert_true (sz_reward_redeem (p.db, p.zhang, rice, 1, "2025-02-01", NULL, &error));
  g_assert_no_error (error);

  /* No rule: nothing expires. */
  preview = sz_points_expiry_preview (p.db, p.f.r.community, "2030-01-01", &error);
  g_assert_cmpuint (preview->len, ==, 0);
  g_clear_pointer (&preview, g_ptr_array_unref);

  g_assert_false (sz_points_set_expiry_years (p.db, p.f.r.community, -1, &error));
  assert_message_starts (error, "Expiry:");
  g_clear_error (&error);
  g_assert_true (sz_points_set_expiry_years (p.db, p.f.r.community, 2, &error));
  g_assert_cmpint (sz_points_get_expiry_years (p.db, p.f.r.community, &error), ==, 2);

  /* On 2025-12-31 the 2023 points are still there (they go at the end of
   * 2025). */
  preview = sz_points_expiry_preview (p.db, p.f.r.community, "2025-12-31", &error);
  g_assert_cmpuint (preview->len, ==, 0);
  g_clear_pointer (&preview, g_ptr_array_unref);

  /* On 2026-03-01: of 张三's 1.0 from 2023, the 0.8 redeemed used 0.8
   * (oldest first): 0.2 expires; 李四's 0.6 all. */
  preview = sz_points_expiry_preview (p.db, p.f.r.community, "2026-03-01", &error);
  g_assert_cmpuint (preview->len, ==, 2);
  g_assert_cmpstr (((SzExpiryItem *) preview->pdata[0])->name, ==, "李四");
  g_assert_cmpint (((SzExpiryItem *) preview->pdata[0])->points, ==, 6);
  g_assert_cmpstr (((SzExpiryItem *) preview->pdata[1])->name, ==, "张三");
  g_assert_cmpint (((SzExpiryItem *) preview->pdata[1])->points, ==, 2);
  g_assert_cmpstr (((SzExpiryItem *) preview->pdata[1])->earned_before, ==, "2023-12-31");
  expire_and_compare (&p, "2026-03-01", 2);
  /* Again: nothing more. */
  expire_and_compare (&p, "2026-03-01", 0);
  expire_and_compare (&p, "2026-12-31", 0);
  {
    g_autoptr(SzPointsBalance) b = points_balance (&p, p.zhang);

    g_assert_cmpint (b->balance, ==, 5);
    g_assert_cmpint (b->expired, ==, 2);
    g_assert_cmpint (b->minutes, ==, 60);   /* hours never expire */
  }
  /* A year later the 2024 half point goes too. */
  expire_and_compare (&p, "2027-01-01", 1);
  {
    g_autoptr(SzPointsBalance) b = points_balance (&p, p.zhang);

    g_assert_cmpint (b->balance, ==, 0);
    g_assert_cmpint (b->minutes, ==, 60);
  }
  points_teardown (&p);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/points/format", test_format);
  g_test_add_func ("/points/balances", test_balances);
  g_test_add_func ("/points/database-refuses", test_database_refuses);
  g_test_add_func ("/points/batch-entry", test_batch_entry);
  g_test_add_func ("/points/redeem-and-reverse", test_redeem_and_reverse);
  g_test_add_func ("/points/expiry", test_expiry);
  return g_test_run ();
}
