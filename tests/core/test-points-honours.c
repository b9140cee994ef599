/* test-points-honours.c: points from records, the shortlist, publicity,
 * awards and the certificate register.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sz-points-test-util.h"

#define END ((gint64) 0)

static gint64
add_headed_record (Points     *p,
                   gint64      head,
                   const char *at)
{
  g_autoptr(SzRecord) r = sz_record_new ();
  g_autoptr(GError) error = NULL;

  r->community_id = p->f.r.community;
  r->received_at = test_time (at);
  r->channel = SZ_CHANNEL_VISIT;
  r->place_kind = SZ_NODE_UNIT;
  r->place_id = p->f.r.unit1;
  r->category_id = p->f.water;
  r->time_class = sz_record_default_time_class (p->db, p->f.water);
  r->description = g_strdup ("楼道灯不亮");
  r->head_person_id = head;
  g_assert_true (sz_record_add (p->db, r, NULL, &error));
  g_assert_no_error (error);
  return r->id;
}

/* ---- Points from records -------------------------------------------- */

static void
test_record_credits (void)
{
  Points p;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) credits = NULL;
  gint64 resolved, open, movement = 0;

  points_setup (&p, "credits.db");
  resolved = add_headed_record (&p, p.zhang, "2026-04-01 09:00");
  open = add_headed_record (&p, p.li, "2026-04-02 09:00");
  add_record (&p.f, "2026-04-03 09:00", SZ_NODE_UNIT, p.f.r.unit1, p.f.water, SZ_CHANNEL_PHONE);  /* no head */
  act_ok (p.db, resolved, SZ_ACTION_RESOLVE, "2026-04-02 10:00");

  /* Proposed, not credited by itself. */
  credits = sz_points_record_credits (p.db, p.f.r.community, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (credits->len, ==, 1);
  g_assert_cmpint (((SzRecordCredit *) credits->pdata[0])->record_id, ==, resolved);
  g_assert_cmpstr (((SzRecordCredit *) credits->pdata[0])->name, ==, "张三");
  g_assert_cmpstr (((SzRecordCredit *) credits->pdata[0])->resolved_day, ==, "2026-04-02");
  g_clear_pointer (&credits, g_ptr_array_unref);
  g_assert_cmpint (test_count (p.db, "points_movement"), ==, 0);

  g_assert_false (sz_points_credit_record (p.db, open, p.reporting, NULL, &error));
  g_assert_error (error, SZ_POINTS_ERROR, SZ_POINTS_ERROR_STATE);
  g_clear_error (&error);
  g_assert_true (sz_points_credit_record (p.db, resolved, p.reporting, &movement, &error));
  g_assert_no_error (error);
  {
    g_autoptr(SzMovement) m = sz_movement_get (p.db, movement, &error);

    g_assert_cmpint (m->record_id, ==, resolved);
    g_assert_cmpint (m->points, ==, 10);
    g_assert_cmpint (m->minutes, ==, 0);
    g_assert_cmpstr (m->day, ==, "2026-04-02");
  }
  credits = sz_points_record_credits (p.db, p.f.r.community, &error);
  g_assert_cmpuint (credits->len, ==, 0);
  g_clear_pointer (&credits, g_ptr_array_unref);
  g_assert_false (sz_points_credit_record (p.db, resolved, p.reporting, NULL, &error));
  g_assert_error (error, SZ_POINTS_ERROR, SZ_POINTS_ERROR_STATE);
  g_clear_error (&error);

  /* Reversed: proposed again. */
  g_assert_true (sz_points_reverse (p.db, movement, "记错人了", NULL, &error));
  g_assert_no_error (error);
  credits = sz_points_record_credits (p.db, p.f.r.community, &error);
  g_assert_cmpuint (credits->len, ==, 1);
  points_teardown (&p);
}

/* ---- Shortlist ------------------------------------------------------------ */

static void
test_shortlist (void)
{
  Points p;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  SzShortlistFilter filter = { 0 };
  SzShortlistEntry *e;

  points_setup (&p, "shortlist.db");
  /* 2026: 张三, 李四 and 赵六 2 h and 2.0 points each; 赵六 brought in a
   * record in 2026: first.  张三 and 李四 tie: pinyin order, same rank.
   * 王五 1 h.  In 2025, 王五 10 h: not counted in 2026. */
  points_activity (&p, p.patrol, "2026-03-01", p.zhang, 120, p.li, 120, p.zhao, 120, p.wang, 60, END);
  points_activity (&p, p.service_day, "2025-12-31", p.wang, 240, END);
  add_headed_record (&p, p.zhao, "2026-02-01 10:00");
  add_headed_record (&p, p.zhang, "2025-12-31 23:00");

  filter.community_id = p.f.r.community;
  filter.period = "2026";
  filter.level = -1;
  list = sz_honours_shortlist (p.db, &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 4);
  e = list->pdata[0];
  g_assert_cmpstr (e->name, ==, "赵六");
  g_assert_cmpuint (e->rank, ==, 1);
  g_assert_cmpuint (e->records, ==, 1);
  g_assert_cmpint (e->minutes, ==, 120);
  g_assert_cmpint (e->earned, ==, 20);
  g_assert_cmpint (e->level, ==, SZ_LEVEL_GRID);
  e = list->pdata[1];
  g_assert_cmpstr (e->name, ==, "李四");
  g_assert_cmpuint (e->rank, ==, 2);
  e = list->pdata[2];
  g_assert_cmpstr (e->name, ==, "张三");
  g_assert_cmpuint (e->rank, ==, 2);
  g_assert_cmpuint (e->records, ==, 0);
  e = list->pdata[3];
  g_assert_cmpstr (e->name, ==, "王五");
  g_assert_cmpuint (e->rank, ==, 4);
  g_assert_cmpint (e->minutes, ==, 60);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Thresholds and levels. */
  filter.min_minutes = 90;
  list = sz_honours_shortlist (p.db, &filter, &error);
  g_assert_cmpuint (list->len, ==, 3);
  g_clear_pointer (&list, g_ptr_array_unref);
  filter.min_records = 1;
  list = sz_honours_shortlist (p.db, &filter, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);
  filter.min_minutes = 0;
  filter.min_records = 0;
  filter.level = SZ_LEVEL_UNIT;
  list = sz_honours_shortlist (p.db, &filter, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((SzShortlistEntry *) list->pdata[0])->name, ==, "张三");
  g_clear_pointer (&list, g_ptr_array_unref);

  filter.level = SZ_N_LEVELS;
  list = sz_honours_shortlist (p.db, &filter, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((SzShortlistEntry *) list->pdata[0])->name, ==, "王五");
  g_clear_pointer (&list, g_ptr_array_unref);

  /* The top only. */
  filter.level = -1;
  filter.limit = 2;
  list = sz_honours_shortlist (p.db, &filter, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (((SzShortlistEntry *) list->pdata[1])->name, ==, "李四");
  g_assert_cmpuint (((SzShortlistEntry *) list->pdata[1])->rank, ==, 2);
  g_clear_pointer (&list, g_ptr_array_unref);
  filter.limit = 0;

  /* A quarter; the year before; a period that is neither. */
  filter.level = -1;
  filter.period = "2026-Q2";
  list = sz_honours_shortlist (p.db, &filter, &error);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);
  filter.period = "2025-Q4";
  list = sz_honours_shortlist (p.db, &filter, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (((SzShortlistEntry *) list->pdata[0])->name, ==, "王五");
  g_assert_cmpint (((SzShortlistEntry *) list->pdata[0])->minutes, ==, 240);
  g_assert_cmpstr (((SzShortlistEntry *) list->pdata[1])->name, ==, "张三");
  g_assert_cmpuint (((SzShortlistEntry *) list->pdata[1])->records, ==, 1);
  g_assert_cmpint (((SzShortlistEntry *) list->pdata[1])->minutes, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);
  /* Records only, with a limit reached in the first part. */
  filter.limit = 1;
  list = sz_honours_shortlist (p.db, &filter, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((SzShortlistEntry *) list->pdata[0])->name, ==, "王五");
  g_clear_pointer (&list, g_ptr_array_unref);
  filter.limit = 0;
  filter.period = "2026-Q5";
  g_assert_null (sz_honours_shortlist (p.db, &filter, &error));
  g_assert_error (error, SZ_POINTS_ERROR, SZ_POINTS_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Period:"));
  points_teardown (&p);
}

/* ---- Honours ---------------------------------------------------------------- */

static gint64
propose (Points     *p,
         gint64      person,
         const char *period,
         const char *title,
         const char *from)
{
  g_autoptr(SzHonour) h = sz_honour_new ();
  g_autoptr(GError) error = NULL;

  h->person_id = person;
  h->period = g_strdup (period);
  h->title = g_strdup (title);
  h->reason = g_strdup ("热心服务居民");
  h->publicity_from = g_strdup (from);
  sz_honour_propose (p->db, h, SZ_HONOUR_MIN_PUBLICITY_DAYS, &error);
  g_assert_no_error (error);
  return h->id;
}

static void
test_honours (void)
{
  Points p;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(SzHonour) h = NULL;
  gint64 first, second, third, withdrawn;

  points_setup (&p, "honours.db");
  first = propose (&p, p.zhang, "2026", "最美单元长", "2026-12-01");
  h = sz_honour_get (p.db, first, &error);
  g_assert_cmpint (h->status, ==, SZ_HONOUR_PUBLICITY);
  g_assert_cmpstr (h->publicity_until, ==, "2026-12-07");
  g_assert_cmpstr (h->name, ==, "张三");
  g_assert_cmpstr (h->post, ==, "丰和林苑 2栋 Unit 1 Unit head");
  g_clear_pointer (&h, sz_honour_free);

  /* The same honour twice. */
  {
    g_autoptr(SzHonour) again = sz_honour_new ();

    again->person_id = p.zhang;
    again->period = g_strdup ("2026");
    again->title = g_strdup ("最美单元长");
    g_assert_false (sz_honour_propose (p.db, again, 7, &error));
    g_assert_true (g_str_has_prefix (error->message, "Title:"));
    g_clear_error (&error);
  }

  /* During publicity: refused, by the program and by the database. */
  g_assert_false (sz_honour_award (p.db, first, "2026-12-07", &error));
  g_assert_error (error, SZ_POINTS_ERROR, SZ_POINTS_ERROR_STATE);
  g_clear_error (&error);
  {
    char *msg = NULL;
    g_autofree char *sql = g_strdup_printf ("UPDATE honour SET status = 'final', awarded_on = '2026-12-05',"
                                            " certificate_year = 2026, certificate_seq = 1, certificate_no = 'x'"
                                            " WHERE id = %" G_GINT64_FORMAT, first);

    g_assert_cmpint (test_exec (p.db, sql, &msg), !=, SQLITE_OK);
    sqlite3_free (msg);
  }

  /* After: numbers 1, 2 in 2026's register; 1 again in 2027's. */
  g_assert_true (sz_honour_award (p.db, first, "2026-12-08", &error));
  g_assert_no_error (error);
  second = propose (&p, p.li, "2026", "最美楼栋长", "2026-12-01");
  withdrawn = propose (&p, p.wang, "2026", "社区好人", "2026-12-01");
  g_assert_true (sz_honour_withdraw (p.db, withdrawn, "公示期间有异议", &error));
  g_assert_no_error (error);
  g_assert_false (sz_honour_award (p.db, withdrawn, "2026-12-20", &error));
  g_assert_error (error, SZ_POINTS_ERROR, SZ_POINTS_ERROR_STATE);
  g_clear_error (&error);
  g_assert_true (sz_honour_award (p.db, second, "2026-12-20", &error));
  third = propose (&p, p.zhao, "2026", "最美网格长", "2026-12-25");
  g_assert_true (sz_honour_award (p.db, third, "2027-01-05", &error));
  g_assert_no_error (error);

  h = sz_honour_get (p.db, first, &error);
  g_assert_cmpint (h->status, ==, SZ_HONOUR_FINAL);
  g_assert_cmpint (h->certificate_year, ==, 2026);
  g_assert_cmpint (h->certificate_seq, ==, 1);
  g_assert_cmpstr (h->certificate_no, ==, "测试〔2026〕No. 1");
  g_assert_cmpstr (h->awarded_on, ==, "2026-12-08");
  g_clear_pointer (&h, sz_honour_free);
  h = sz_honour_get (p.db, second, &error);
  g_assert_cmpint (h->certificate_seq, ==, 2);
  g_assert_cmpstr (h->certificate_no, ==, "测试〔2026〕No. 2");
  g_clear_pointer (&h, sz_honour_free);
  h = sz_honour_get (p.db, third, &error);
  g_assert_cmpint (h->certificate_year, ==, 2027);
  g_assert_cmpint (h->certificate_seq, ==, 1);
  g_clear_pointer (&h, sz_honour_free);

  /* Final: neither withdrawn nor awarded again, nor renumbered by hand. */
  g_assert_false (sz_honour_withdraw (p.db, first, "改主意", &error));
  g_assert_error (error, SZ_POINTS_ERROR, SZ_POINTS_ERROR_STATE);
  g_clear_error (&error);
  g_assert_false (sz_honour_award (p.db, first, "2026-12-30", &error));
  g_clear_error (&error);
  {
    char *msg = NULL;

    g_assert_cmpint (sqlite3_exec (sz_db_handle (p.db), "UPDATE honour SET certificate_seq = 5 WHERE certificate_seq = 1",
                                   NULL, NULL, &msg), !=, SQLITE_OK);
    sqlite3_free (msg);
    g_assert_cmpint (sqlite3_exec (sz_db_handle (p.db), "UPDATE certificate_register SET last_seq = 1",
                                   NULL, NULL, &msg), !=, SQLITE_OK);
    sqlite3_free (msg);
  }

  /* Withdrawn, it may be proposed again. */
  propose (&p, p.wang, "2026", "社区好人", "2026-12-10");

  list = sz_honour_list (p.db, p.f.r.community, "2026", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 5);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = sz_honour_list (p.db, p.f.r.community, NULL, &error);
  g_assert_cmpuint (list->len, ==, 5);

  /* Printed numbers: the community's short name. */
  {
    g_autofree char *n = sz_honour_certificate_number ("丰和社区", 2026, 3);

    g_assert_cmpstr (n, ==, "丰和〔2026〕No. 3");
  }
  points_teardown (&p);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/points/record-credits", test_record_credits);
  g_test_add_func ("/points/shortlist", test_shortlist);
  g_test_add_func ("/points/honours", test_honours);
  return g_test_run ();
}
