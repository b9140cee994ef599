/* test-records.c: issue records, their history, deadlines and categories.
 * (Lists and figures: test-record-lists.c.)
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"


#include "sz-records-test-util.h"

/* Every action from every status: the valid ones lead where they should,
 * the others are refused with a reason and leave nothing behind.  The
 * expected table is written out here, apart from the code's own. */
static void
test_transitions (void)
{
  static const struct
  {
    SzRecordStatus status;
    SzAction       path[3];
    guint          n_path;
  } start[] = {
    { SZ_RECORD_RECEIVED, { 0 }, 0 },
    { SZ_RECORD_REPORTED, { SZ_ACTION_REPORT }, 1 },
    { SZ_RECORD_DISPATCHED, { SZ_ACTION_DISPATCH }, 1 },
    { SZ_RECORD_RETURNED, { SZ_ACTION_DISPATCH, SZ_ACTION_RETURN }, 2 },
    { SZ_RECORD_SUSPENDED, { SZ_ACTION_SUSPEND }, 1 },
    { SZ_RECORD_RESOLVED, { SZ_ACTION_RESOLVE }, 1 },
    { SZ_RECORD_FOLLOWED_UP, { SZ_ACTION_RESOLVE, SZ_ACTION_FOLLOW_UP }, 2 },
    { SZ_RECORD_REOPENED, { SZ_ACTION_RESOLVE, SZ_ACTION_REOPEN }, 2 },
    { SZ_RECORD_CLOSED, { SZ_ACTION_RESOLVE, SZ_ACTION_FOLLOW_UP, SZ_ACTION_CLOSE }, 3 },
  };
  /* next[status][action]: the status it leads to, or -1 when refused. */
  const int R = SZ_RECORD_RECEIVED, P = SZ_RECORD_REPORTED, D = SZ_RECORD_DISPATCHED,
            T = SZ_RECORD_RETURNED, S = SZ_RECORD_SUSPENDED, V = SZ_RECORD_RESOLVED,
            F = SZ_RECORD_FOLLOWED_UP, O = SZ_RECORD_REOPENED, C = SZ_RECORD_CLOSED, x = -1;
  const int next[SZ_N_RECORD_STATUSES][SZ_N_ACTIONS] = {
    /*           receive report dispatch return suspend resume resolve follow reopen close */
    [SZ_RECORD_RECEIVED]    = { x, P, D, x, S, x, V, x, x, x },
    [SZ_RECORD_REPORTED]    = { x, x, D, x, S, x, V, x, x, x },
    [SZ_RECORD_DISPATCHED]  = { x, x, x, T, S, x, V, x, x, x },
    [SZ_RECORD_RETURNED]    = { x, x, D, x, S, x, V, x, x, x },
    [SZ_RECORD_SUSPENDED]   = { x, x, x, x, x, R, x, x, x, x },
    [SZ_RECORD_RESOLVED]    = { x, x, x, x, x, x, x, F, O, C },
    [SZ_RECORD_FOLLOWED_UP] = { x, x, x, x, x, x, x, x, O, C },
    [SZ_RECORD_REOPENED]    = { x, P, D, x, S, x, V, x, x, x },
    [SZ_RECORD_CLOSED]      = { x, x, x, x, x, x, x, x, O, x },
  };
  Fixture f;
  guint valid = 0, refused = 0;

  fixture_setup (&f, "transitions.db");
  for (guint s = 0; s < G_N_ELEMENTS (start); s++)
    for (guint a = 0; a < SZ_N_ACTIONS; a++)
      {
        gint64 id = add_record (&f, "2026-03-02 09:00", SZ_NODE_UNIT, f.r.unit1, f.water, SZ_CHANNEL_WECHAT);
        g_autoptr(GError) error = NULL;
        gint64 events;

        for (guint i = 0; i < start[s].n_path; i++)
          act_ok (f.r.db, id, start[s].path[i], "2026-03-02 10:00");
        g_assert_cmpint (status_of (f.r.db, id), ==, start[s].status);
        events = test_count (f.r.db, "record_event");

        error = act (f.r.db, id, a, "2026-03-02 11:00");
        if (next[start[s].status][a] < 0)
          {
            g_assert_error (error, SZ_RECORD_ERROR, SZ_RECORD_ERROR_TRANSITION);
            /* The refusal names the status and what is possible instead. */
            g_assert_nonnull (strstr (error->message, sz_record_status_title (start[s].status)));
            g_assert_nonnull (strstr (error->message, "Possible now"));
            g_assert_cmpint (test_count (f.r.db, "record_event"), ==, events);
            g_assert_cmpint (status_of (f.r.db, id), ==, start[s].status);
            refused++;
          }
        else
          {
            g_assert_no_error (error);
            g_assert_cmpint (test_count (f.r.db, "record_event"), ==, events + 1);
            /* Resuming goes back to where the record was before: received here. */
            g_assert_cmpint (status_of (f.r.db, id), ==, next[start[s].status][a]);
            valid++;
          }
      }
  g_assert_cmpuint (valid, ==, 24);
  g_assert_cmpuint (refused, ==, 9 * SZ_N_ACTIONS - 24);

  /* The buttons offered are exactly the valid actions. */
  for (guint s = 0; s < G_N_ELEMENTS (start); s++)
    {
      gint64 id = add_record (&f, "2026-03-02 09:00", SZ_NODE_UNIT, f.r.unit1, f.water, SZ_CHANNEL_WECHAT);
      g_autofree SzRecordState *state = NULL;
      SzAction actions[SZ_N_ACTIONS];
      guint n, expected = 0;

      for (guint i = 0; i < start[s].n_path; i++)
        act_ok (f.r.db, id, start[s].path[i], "2026-03-02 10:00");
      state = sz_record_get_state (f.r.db, id, NULL);
      n = sz_record_state_actions (state, actions);
      for (guint a = 0; a < SZ_N_ACTIONS; a++)
        expected += next[start[s].status][a] >= 0;
      g_assert_cmpuint (n, ==, expected);
      for (guint i = 0; i < n; i++)
        g_assert_cmpint (next[start[s].status][actions[i]], >=, 0);
    }
  fixture_teardown (&f);
}

/* What each action needs, and entries in time order only. */
static void
test_action_fields (void)
{
  Fixture f;
  gint64 id;

  fixture_setup (&f, "fields.db");
  id = add_record (&f, "2026-03-02 09:00", SZ_NODE_UNIT, f.r.unit1, f.water, SZ_CHANNEL_PHONE);

  {
    g_autoptr(SzRecordEvent) e = sz_record_event_new ();
    g_autoptr(GError) error = NULL;

    e->record_id = id;
    e->action = SZ_ACTION_DISPATCH;
    e->at = test_time ("2026-03-02 10:00");
    g_assert_false (sz_record_act (f.r.db, e, &error));
    g_assert_nonnull (strstr (error->message, "Department"));
  }
  {
    g_autoptr(SzRecordEvent) e = sz_record_event_new ();
    g_autoptr(GError) error = NULL;

    e->record_id = id;
    e->action = SZ_ACTION_SUSPEND;
    e->at = test_time ("2026-03-02 10:00");
    g_assert_false (sz_record_act (f.r.db, e, &error));
    g_assert_nonnull (strstr (error->message, "Why"));
  }
  {
    g_autoptr(SzRecordEvent) e = sz_record_event_new ();
    g_autoptr(GError) error = NULL;

    e->record_id = id;
    e->action = SZ_ACTION_RESOLVE;
    e->at = test_time ("2026-03-02 10:00");
    g_assert_false (sz_record_act (f.r.db, e, &error));
    g_assert_nonnull (strstr (error->message, "What was done"));
  }
  {
    g_autoptr(GError) error = act (f.r.db, id, SZ_ACTION_REPORT, "2026-03-02 08:59");

    g_assert_error (error, SZ_RECORD_ERROR, SZ_RECORD_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "before the record's last entry"));
  }
  {
    g_autoptr(GError) error = act (f.r.db, id, SZ_ACTION_REPORT, "2099-01-01 08:00");

    g_assert_error (error, SZ_RECORD_ERROR, SZ_RECORD_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "future"));
  }
  act_ok (f.r.db, id, SZ_ACTION_RESOLVE, "2026-03-02 12:00");
  {
    g_autoptr(SzRecordEvent) e = sz_record_event_new ();
    g_autoptr(GError) error = NULL;

    e->record_id = id;
    e->action = SZ_ACTION_FOLLOW_UP;
    e->at = test_time ("2026-03-03 10:00");
    g_assert_false (sz_record_act (f.r.db, e, &error));
    g_assert_nonnull (strstr (error->message, "Satisfaction"));
  }
  {
    /* Closing without a follow-up needs a reason. */
    g_autoptr(SzRecordEvent) e = sz_record_event_new ();
    g_autoptr(GError) error = NULL;

    e->record_id = id;
    e->action = SZ_ACTION_CLOSE;
    e->at = test_time ("2026-03-03 10:00");
    g_assert_false (sz_record_act (f.r.db, e, &error));
    g_assert_nonnull (strstr (error->message, "without asking"));
  }
  g_assert_cmpint (test_count (f.r.db, "record_event"), ==, 2);
  fixture_teardown (&f);
}

/* The history cannot be changed or deleted, not even with SQL; the records
 * go only with their community. */
static void
test_history_append_only (void)
{
  Fixture f;
  gint64 id;
  char *msg = NULL;

  fixture_setup (&f, "append.db");
  id = add_record (&f, "2026-03-02 09:00", SZ_NODE_UNIT, f.r.unit1, f.water, SZ_CHANNEL_PHONE);
  act_ok (f.r.db, id, SZ_ACTION_RESOLVE, "2026-03-02 12:00");

  g_assert_cmpint (test_exec (f.r.db, "UPDATE record_event SET note = 'changed'", &msg), !=, SQLITE_OK);
  g_assert_nonnull (strstr (msg, "cannot be changed"));
  sqlite3_free (msg);
  g_assert_cmpint (test_exec (f.r.db, "DELETE FROM record_event", &msg), !=, SQLITE_OK);
  g_assert_nonnull (strstr (msg, "cannot be deleted"));
  sqlite3_free (msg);
  g_assert_cmpint (test_exec (f.r.db, "DELETE FROM record", &msg), !=, SQLITE_OK);
  sqlite3_free (msg);
  g_assert_cmpint (test_count (f.r.db, "record_event"), ==, 2);

  /* Removing the community (the demo's "start empty") takes them along. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_true (sz_community_delete (f.r.db, f.r.community, &error));
    g_assert_no_error (error);
    g_assert_cmpint (test_count (f.r.db, "record"), ==, 0);
    g_assert_cmpint (test_count (f.r.db, "record_event"), ==, 0);
    g_assert_cmpint (test_count (f.r.db, "record_state"), ==, 0);
  }
  fixture_teardown (&f);
}

/* Intake fields: every refusal names its field, and nothing is written. */
static void
test_add_invalid (void)
{
  Fixture f;
  struct
  {
    const char *field;
    void      (*spoil) (SzRecord *r, Fixture *f);
  } cases[] = {
    { "Description", NULL },
    { "Reporter's phone", NULL },
    { "Place", NULL },
    { "Category", NULL },
    { "Received", NULL },
  };

  fixture_setup (&f, "invalid.db");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SzRecord) r = sz_record_new ();
      g_autoptr(GError) error = NULL;

      r->community_id = f.r.community;
      r->place_kind = SZ_NODE_UNIT;
      r->place_id = f.r.unit1;
      r->category_id = f.water;
      r->description = g_strdup ("停水");
      switch (i)
        {
        case 0:
          g_clear_pointer (&r->description, g_free);
          r->description = g_strdup ("  \u3000 ");
          break;
        case 1:
          r->reporter_phone = g_strdup ("139123");
          break;
        case 2:
          r->place_id = 999999;
          break;
        case 3:
          r->category_id = 0;
          break;
        case 4:
          r->received_at = test_time ("2099-01-01 00:00");
          break;
        }
      g_assert_false (sz_record_add (f.r.db, r, NULL, &error));
      g_assert_nonnull (error);
      g_assert_true (g_str_has_prefix (error->message, cases[i].field));
      g_assert_cmpint (r->id, ==, 0);
    }
  g_assert_cmpint (test_count (f.r.db, "record"), ==, 0);
  g_assert_cmpint (test_count (f.r.db, "record_event"), ==, 0);

  /* A place of another community. */
  {
    gint64 other = test_add_community (f.r.db, "别的社区");
    gint64 og = test_add_grid (f.r.db, other, 1, "", 0);
    g_autoptr(SzRecord) r = sz_record_new ();
    g_autoptr(GError) error = NULL;

    r->community_id = f.r.community;
    r->place_kind = SZ_NODE_GRID;
    r->place_id = og;
    r->category_id = f.water;
    r->description = g_strdup ("停水");
    g_assert_false (sz_record_add (f.r.db, r, NULL, &error));
    g_assert_nonnull (strstr (error->message, "another community"));
  }

  /* Anonymous, no phone, at the community: fine; phone normalised and
   * the place named. */
  {
    g_autoptr(SzRecord) r = sz_record_new ();
    g_autoptr(SzRecord) back = NULL;
    g_autoptr(GError) error = NULL;

    r->community_id = f.r.community;
    r->place_kind = SZ_NODE_UNIT;
    r->place_id = f.r.unit2;
    r->category_id = f.noise;
    r->description = g_strdup ("楼上装修噪音");
    r->reporter_phone = g_strdup ("139 1234 5678");
    g_assert_true (sz_record_add (f.r.db, r, "居民来电", &error));
    g_assert_no_error (error);
    back = sz_record_get (f.r.db, r->id, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (back->reporter_phone, ==, "13912345678");
    g_assert_cmpstr (back->place_text, ==, "丰和林苑 2栋 Unit 2");
    g_assert_cmpint (back->grid_id, ==, f.r.grid1);
    g_assert_cmpstr (back->category_name, ==, "Neighbour dispute and noise");
  }
  fixture_teardown (&f);
}

static gint64
due_of (SzDb   *db,
        gint64  id)
{
  g_autofree SzRecordState *s = sz_record_get_state (db, id, NULL);

  return s->due_at;
}

/* Deadlines in Shanghai time, across month ends, with suspensions. */
static void
test_deadlines (void)
{
  Fixture f;
  gint64 id;

  fixture_setup (&f, "deadlines.db");

  /* General, 7 days, across the end of February. */
  id = add_record (&f, "2026-02-25 16:30", SZ_NODE_UNIT, f.r.unit1, f.noise, SZ_CHANNEL_VISIT);
  g_assert_cmpint (due_of (f.r.db, id), ==, test_time ("2026-03-04 16:30"));
  /* Suspended for 2 days 3 hours: no due time meanwhile, then it moves. */
  act_ok (f.r.db, id, SZ_ACTION_SUSPEND, "2026-02-27 09:00");
  g_assert_cmpint (due_of (f.r.db, id), ==, 0);
  {
    g_autofree SzRecordState *s = sz_record_get_state (f.r.db, id, NULL);

    g_assert_false (sz_record_state_is_overdue (s, test_time ("2026-06-01 00:00")));
  }
  act_ok (f.r.db, id, SZ_ACTION_RESUME, "2026-03-01 12:00");
  g_assert_cmpint (due_of (f.r.db, id), ==, test_time ("2026-03-06 19:30"));
  /* A second suspension adds up. */
  act_ok (f.r.db, id, SZ_ACTION_SUSPEND, "2026-03-02 08:00");
  act_ok (f.r.db, id, SZ_ACTION_RESUME, "2026-03-03 08:00");
  g_assert_cmpint (due_of (f.r.db, id), ==, test_time ("2026-03-07 19:30"));
  {
    g_autofree SzRecordState *s = sz_record_get_state (f.r.db, id, NULL);

    g_assert_false (sz_record_state_is_overdue (s, test_time ("2026-03-07 19:29")));
    g_assert_true (sz_record_state_is_overdue (s, test_time ("2026-03-07 19:31")));
  }

  /* Water, 24 hours, across the end of October at night: Shanghai time,
   * not UTC (23:30 local is 15:30 UTC). */
  id = add_record (&f, "2026-10-31 23:30", SZ_NODE_UNIT, f.r.unit1, f.water, SZ_CHANNEL_WECHAT);
  g_assert_cmpint (due_of (f.r.db, id), ==, test_time ("2026-11-01 23:30"));
  g_assert_cmpint (test_time ("2026-10-31 23:30"), ==, 1793460600);
  {
    g_autofree char *month = sz_record_month_of (test_time ("2026-10-31 23:30"));

    g_assert_cmpstr (month, ==, "2026-10");
  }

  /* Emergency, 2 hours; resolved late, then reopened: a new clock. */
  id = add_record (&f, "2025-12-31 23:00", SZ_NODE_BUILDING, f.r.building, f.safety, SZ_CHANNEL_PATROL);
  g_assert_cmpint (due_of (f.r.db, id), ==, test_time ("2026-01-01 01:00"));
  fixture_teardown (&f);
}

static void
test_deadlines_reopen (void)
{
  Fixture f;
  gint64 id;

  fixture_setup (&f, "reopen.db");
  id = add_record (&f, "2026-03-31 22:00", SZ_NODE_BUILDING, f.r.building, f.safety, SZ_CHANNEL_PATROL);
  g_assert_cmpint (due_of (f.r.db, id), ==, test_time ("2026-04-01 00:00"));
  act_ok (f.r.db, id, SZ_ACTION_RESOLVE, "2026-04-01 01:00");
  {
    g_autofree SzRecordState *s = sz_record_get_state (f.r.db, id, NULL);

    g_assert_false (sz_record_state_resolved_on_time (s));
    g_assert_false (sz_record_state_is_overdue (s, test_time ("2026-05-01 00:00")));
  }
  act_ok (f.r.db, id, SZ_ACTION_REOPEN, "2026-04-02 10:00");
  g_assert_cmpint (due_of (f.r.db, id), ==, test_time ("2026-04-02 12:00"));
  act_ok (f.r.db, id, SZ_ACTION_RESOLVE, "2026-04-02 11:00");
  {
    g_autofree SzRecordState *s = sz_record_get_state (f.r.db, id, NULL);

    g_assert_true (sz_record_state_resolved_on_time (s));
  }
  fixture_teardown (&f);
}

/* The editable category list. */
static void
test_categories (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  Fixture f;
  gint64 id = 0;

  fixture_setup (&f, "categories.db");
  list = sz_record_category_list (f.r.db, FALSE, &error);
  g_assert_cmpuint (list->len, ==, 13);
  g_assert_cmpint (((SzRecordCategory *) list->pdata[0])->time_class, ==, SZ_TIME_UTILITY);
  g_clear_pointer (&list, g_ptr_array_unref);

  g_assert_true (sz_record_category_add (f.r.db, "电梯", SZ_TIME_UTILITY, &id, &error));
  g_assert_false (sz_record_category_add (f.r.db, " 电梯 ", SZ_TIME_GENERAL, NULL, &error));
  g_assert_nonnull (strstr (error->message, "already"));
  g_clear_error (&error);
  g_assert_true (sz_record_category_move (f.r.db, id, 1, &error));
  list = sz_record_category_list (f.r.db, FALSE, &error);
  g_assert_cmpint (((SzRecordCategory *) list->pdata[0])->id, ==, id);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Used: cannot be deleted, can be retired; then not offered, and a new
   * record cannot use it, but the old record keeps it. */
  add_record (&f, "2026-03-01 08:00", SZ_NODE_UNIT, f.r.unit1, id, SZ_CHANNEL_WECHAT);
  g_assert_false (sz_record_category_remove (f.r.db, id, FALSE, &error));
  g_assert_error (error, SZ_RECORD_ERROR, SZ_RECORD_ERROR_IN_USE);
  g_clear_error (&error);
  g_assert_true (sz_record_category_remove (f.r.db, id, TRUE, &error));
  list = sz_record_category_list (f.r.db, FALSE, &error);
  g_assert_cmpuint (list->len, ==, 13);
  g_clear_pointer (&list, g_ptr_array_unref);
  {
    g_autoptr(SzRecord) r = sz_record_new ();

    r->community_id = f.r.community;
    r->category_id = id;
    r->description = g_strdup ("电梯困人");
    g_assert_false (sz_record_add (f.r.db, r, NULL, &error));
    g_assert_nonnull (strstr (error->message, "no longer used"));
    g_clear_error (&error);
  }
  /* An unused one goes. */
  g_assert_true (sz_record_category_add (f.r.db, "快递", SZ_TIME_GENERAL, &id, &error));
  g_assert_true (sz_record_category_remove (f.r.db, id, FALSE, &error));
  g_assert_no_error (error);
  fixture_teardown (&f);
}

static void
test_parse_time (void)
{
  g_autoptr(GError) error = NULL;
  gint64 t, start, end;

  g_assert_true (sz_record_parse_time ("2026/3/1 8:05", "Time", &t, &error));
  g_assert_cmpint (t, ==, test_time ("2026-03-01 08:05"));
  g_assert_true (sz_record_parse_time ("2026-03-01T08:05:00", "Time", &t, &error));
  g_assert_true (sz_record_parse_time ("2026-03-01", "Time", &t, &error));
  g_assert_cmpint (t, ==, test_time ("2026-03-01 00:00"));
  for (guint i = 0; i < 5; i++)
    {
      const char *bad[] = { "2026-02-30 10:00", "2026-03-01 24:00", "明天", "", "2026-03-01 10:00 extra" };

      g_assert_false (sz_record_parse_time (bad[i], "Received", &t, &error));
      g_assert_true (g_str_has_prefix (error->message, "Received"));
      g_clear_error (&error);
    }
  g_assert_true (sz_record_parse_month ("2026-12", &start, &end, &error));
  g_assert_cmpint (end - start, ==, 31 * 86400);
  g_assert_cmpint (start, ==, test_time ("2026-12-01 00:00"));
  g_assert_false (sz_record_parse_month ("2026-1x", &start, &end, &error));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/records/transitions", test_transitions);
  g_test_add_func ("/records/action-fields", test_action_fields);
  g_test_add_func ("/records/append-only", test_history_append_only);
  g_test_add_func ("/records/add-invalid", test_add_invalid);
  g_test_add_func ("/records/deadlines", test_deadlines);
  g_test_add_func ("/records/deadlines-reopen", test_deadlines_reopen);
  g_test_add_func ("/records/categories", test_categories);
  g_test_add_func ("/records/parse-time", test_parse_time);
  return g_test_run ();
}
