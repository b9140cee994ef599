/* test-records.c: issue records, their history, deadlines, lists and figures.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"


#include "sz-record.h"
#include "sz-test-util.h"

typedef struct
{
  Roster  r;
  gint64  building2;   /* in grid 2 */
  gint64  water;       /* categories */
  gint64  noise;
  gint64  safety;
} Fixture;

static gint64
category (SzDb       *db,
          const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = sz_record_category_list (db, FALSE, &error);

  g_assert_no_error (error);
  /* The tests run in English: the seeded names are the msgids. */
  for (guint i = 0; i < list->len; i++)
    if (g_str_equal (((SzRecordCategory *) list->pdata[i])->name, name))
      return ((SzRecordCategory *) list->pdata[i])->id;
  g_assert_not_reached ();
}

static void
fixture_setup (Fixture    *f,
               const char *name)
{
  roster_setup (&f->r, name);
  f->building2 = test_add_building (f->r.db, f->r.compound, f->r.grid2, "9栋");
  f->water = category (f->r.db, "Water supply");
  f->noise = category (f->r.db, "Neighbour dispute and noise");
  f->safety = category (f->r.db, "Safety hazard");
}

static void
fixture_teardown (Fixture *f)
{
  roster_teardown (&f->r);
}

static gint64
add_record (Fixture     *f,
            const char  *at,
            SzNodeKind   kind,
            gint64       place,
            gint64       category_id,
            SzChannel    channel)
{
  g_autoptr(SzRecord) r = sz_record_new ();
  g_autoptr(GError) error = NULL;

  r->community_id = f->r.community;
  r->received_at = test_time (at);
  r->channel = channel;
  r->place_kind = kind;
  r->place_id = place;
  r->category_id = category_id;
  r->time_class = sz_record_default_time_class (f->r.db, category_id);
  r->description = g_strdup ("楼道灯不亮");
  r->reporter_name = g_strdup ("张阿姨");
  r->reporter_phone = g_strdup ("13912345678");
  g_assert_true (sz_record_add (f->r.db, r, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (r->id, >, 0);
  return r->id;
}

/* Appends an entry with what the action needs; returns the error, if any. */
static GError *
act (SzDb        *db,
     gint64       id,
     SzAction     action,
     const char  *at)
{
  g_autoptr(SzRecordEvent) e = sz_record_event_new ();
  GError *error = NULL;

  e->record_id = id;
  e->action = action;
  e->at = at ? test_time (at) : 0;
  e->actor = g_strdup ("李文");
  e->note = g_strdup ("已处理");
  if (action == SZ_ACTION_DISPATCH)
    {
      e->department = g_strdup ("物业公司");
      e->contact = g_strdup ("0431-88886666");
    }
  if (action == SZ_ACTION_FOLLOW_UP)
    e->satisfaction = SZ_SATISFACTION_SATISFIED;
  sz_record_act (db, e, &error);
  return error;
}

static void
act_ok (SzDb       *db,
        gint64      id,
        SzAction    action,
        const char *at)
{
  g_autoptr(GError) error = act (db, id, action, at);

  g_assert_no_error (error);
}

static SzRecordStatus
status_of (SzDb   *db,
           gint64  id)
{
  g_autoptr(GError) error = NULL;
  g_autofree SzRecordState *s = sz_record_get_state (db, id, &error);

  g_assert_no_error (error);
  return s->status;
}

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
  sqlite3 *h;
  Fixture f;
  gint64 id;
  char *msg = NULL;

  fixture_setup (&f, "append.db");
  id = add_record (&f, "2026-03-02 09:00", SZ_NODE_UNIT, f.r.unit1, f.water, SZ_CHANNEL_PHONE);
  act_ok (f.r.db, id, SZ_ACTION_RESOLVE, "2026-03-02 12:00");
  h = sz_db_handle (f.r.db);

  g_assert_cmpint (sqlite3_exec (h, "UPDATE record_event SET note = 'changed'", NULL, NULL, &msg), !=, SQLITE_OK);
  g_assert_nonnull (strstr (msg, "cannot be changed"));
  sqlite3_free (msg);
  g_assert_cmpint (sqlite3_exec (h, "DELETE FROM record_event", NULL, NULL, &msg), !=, SQLITE_OK);
  g_assert_nonnull (strstr (msg, "cannot be deleted"));
  sqlite3_free (msg);
  g_assert_cmpint (sqlite3_exec (h, "DELETE FROM record", NULL, NULL, &msg), !=, SQLITE_OK);
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

static guint
list_count (Fixture        *f,
            SzRecordFilter *filter)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  guint total = 0;

  rows = sz_record_list (f->r.db, filter, &total, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (total, >=, rows->len);
  return total;
}

/* The fixture for figures and lists, computed by hand below:
 *
 *  #  received (March)  place          category  channel  history
 *  a  03-01 08:00       unit1 (G1)     water     wechat   report 09:00, resolve 03-01 20:00, follow-up satisfied
 *  b  03-05 10:00       unit2 (G1)     water     phone    dispatch 03-06 12:00 (26 h: late), resolve 03-08 (late), follow-up dissatisfied
 *  c  03-10 09:00       building2 (G2) noise     wechat   resolve 03-12, follow-up basically
 *  d  03-20 14:00       building2 (G2) noise     visit    dispatch 03-20 15:00, open, due 03-27 14:00
 *  e  03-31 23:30       compound (G1+G2 → none) safety patrol  nothing: open, due 04-01 01:30
 *  p  02-27 10:00       unit1 (G1)     noise     wechat   (February: the trend only)
 *  q  04-01 00:10       unit1 (G1)     water     wechat   (April: not counted)
 * figures at 04-10 00:00:
 *  received 5; responded in time: a (1 h), c (2 d: no), d (1 h) → 2… see below
 */
static void
test_figures (void)
{
  Fixture f;
  gint64 a, b, c, d, e;
  gint64 now;
  g_autoptr(GError) error = NULL;
  g_autoptr(SzRecordStats) st = NULL;

  fixture_setup (&f, "figures.db");
  a = add_record (&f, "2026-03-01 08:00", SZ_NODE_UNIT, f.r.unit1, f.water, SZ_CHANNEL_WECHAT);
  act_ok (f.r.db, a, SZ_ACTION_REPORT, "2026-03-01 09:00");
  act_ok (f.r.db, a, SZ_ACTION_RESOLVE, "2026-03-01 20:00");
  act_ok (f.r.db, a, SZ_ACTION_FOLLOW_UP, "2026-03-02 10:00");

  b = add_record (&f, "2026-03-05 10:00", SZ_NODE_UNIT, f.r.unit2, f.water, SZ_CHANNEL_PHONE);
  act_ok (f.r.db, b, SZ_ACTION_DISPATCH, "2026-03-06 12:00");
  act_ok (f.r.db, b, SZ_ACTION_RESOLVE, "2026-03-08 10:00");
  {
    g_autoptr(SzRecordEvent) ev = sz_record_event_new ();

    ev->record_id = b;
    ev->action = SZ_ACTION_FOLLOW_UP;
    ev->at = test_time ("2026-03-09 10:00");
    ev->satisfaction = SZ_SATISFACTION_DISSATISFIED;
    g_assert_true (sz_record_act (f.r.db, ev, &error));
  }

  c = add_record (&f, "2026-03-10 09:00", SZ_NODE_BUILDING, f.building2, f.noise, SZ_CHANNEL_WECHAT);
  act_ok (f.r.db, c, SZ_ACTION_RESOLVE, "2026-03-12 09:00");
  {
    g_autoptr(SzRecordEvent) ev = sz_record_event_new ();

    ev->record_id = c;
    ev->action = SZ_ACTION_FOLLOW_UP;
    ev->at = test_time ("2026-03-13 10:00");
    ev->satisfaction = SZ_SATISFACTION_BASICALLY;
    g_assert_true (sz_record_act (f.r.db, ev, &error));
  }

  d = add_record (&f, "2026-03-20 14:00", SZ_NODE_BUILDING, f.building2, f.noise, SZ_CHANNEL_VISIT);
  act_ok (f.r.db, d, SZ_ACTION_DISPATCH, "2026-03-20 15:00");

  e = add_record (&f, "2026-03-31 23:30", SZ_NODE_COMPOUND, f.r.compound, f.safety, SZ_CHANNEL_PATROL);

  add_record (&f, "2026-02-27 10:00", SZ_NODE_UNIT, f.r.unit1, f.noise, SZ_CHANNEL_WECHAT);
  add_record (&f, "2026-04-01 00:10", SZ_NODE_UNIT, f.r.unit1, f.water, SZ_CHANNEL_WECHAT);

  now = test_time ("2026-04-10 00:00");
  st = sz_record_stats (f.r.db, f.r.community, "2026-03", now, &error);
  g_assert_no_error (error);

  /* Received 5.  Responded in time: a (1 h), d (1 h); b took 26 h, c 48 h
   * (general: 24 h), e never.  Resolved: a, b, c; on time: a (12 h < 24 h)
   * and c (2 d < 7 d), not b (70 h > 24 h).  Open: d, e; overdue at 04-10:
   * d (due 03-27) and e (due 04-01 01:30).  Followed up: a satisfied,
   * b dissatisfied, c basically. */
  g_assert_cmpuint (st->total.received, ==, 5);
  g_assert_cmpuint (st->total.responded, ==, 2);
  g_assert_cmpuint (st->total.resolved, ==, 3);
  g_assert_cmpuint (st->total.resolved_on_time, ==, 2);
  g_assert_cmpuint (st->total.open, ==, 2);
  g_assert_cmpuint (st->total.overdue, ==, 2);
  g_assert_cmpuint (st->total.followed_up, ==, 3);
  g_assert_cmpuint (st->total.satisfied, ==, 1);
  g_assert_cmpuint (st->total.basically, ==, 1);
  g_assert_cmpuint (st->total.dissatisfied, ==, 1);
  g_assert_cmpfloat_with_epsilon (sz_record_figures_response_rate (&st->total), 0.4, 1e-9);
  g_assert_cmpfloat_with_epsilon (sz_record_figures_resolution_rate (&st->total), 0.6, 1e-9);
  g_assert_cmpfloat_with_epsilon (sz_record_figures_satisfaction_rate (&st->total), 2.0 / 3.0, 1e-9);
  {
    g_autofree char *rate = sz_record_format_rate (sz_record_figures_satisfaction_rate (&st->total));

    g_assert_cmpstr (rate, ==, "66.7%");
  }

  /* By grid: G1 a, b; G2 c, d; the compound spanning both grids: e. */
  g_assert_cmpuint (st->by_grid->len, ==, 3);
  {
    SzRecordFigures *g1 = st->by_grid->pdata[0], *g2 = st->by_grid->pdata[1], *none = st->by_grid->pdata[2];

    g_assert_cmpint (g1->id, ==, f.r.grid1);
    g_assert_cmpuint (g1->received, ==, 2);
    g_assert_cmpuint (g1->responded, ==, 1);
    g_assert_cmpuint (g1->resolved, ==, 2);
    g_assert_cmpuint (g1->followed_up, ==, 2);
    g_assert_cmpuint (g1->satisfied, ==, 1);
    g_assert_cmpint (g2->id, ==, f.r.grid2);
    g_assert_cmpuint (g2->received, ==, 2);
    g_assert_cmpuint (g2->responded, ==, 1);
    g_assert_cmpuint (g2->resolved, ==, 1);
    g_assert_cmpuint (g2->overdue, ==, 1);
    g_assert_cmpint (none->id, ==, 0);
    g_assert_cmpuint (none->received, ==, 1);
    g_assert_cmpuint (none->overdue, ==, 1);
  }
  /* By category, in list order: water (a, b), noise (c, d), safety (e). */
  g_assert_cmpuint (st->by_category->len, ==, 3);
  g_assert_cmpstr (((SzRecordFigures *) st->by_category->pdata[0])->key, ==, "Water supply");
  g_assert_cmpuint (((SzRecordFigures *) st->by_category->pdata[0])->received, ==, 2);
  g_assert_cmpuint (((SzRecordFigures *) st->by_category->pdata[0])->resolved_on_time, ==, 1);
  g_assert_cmpuint (((SzRecordFigures *) st->by_category->pdata[1])->received, ==, 2);
  g_assert_cmpuint (((SzRecordFigures *) st->by_category->pdata[2])->received, ==, 1);
  /* By channel: wechat a, c; visit d; phone b; patrol e. */
  g_assert_cmpuint (st->by_channel->len, ==, 4);
  g_assert_cmpint (((SzRecordFigures *) st->by_channel->pdata[0])->id, ==, SZ_CHANNEL_WECHAT);
  g_assert_cmpuint (((SzRecordFigures *) st->by_channel->pdata[0])->received, ==, 2);
  g_assert_cmpuint (((SzRecordFigures *) st->by_channel->pdata[0])->responded, ==, 1);
  /* The trend: six months up to March; February has one record. */
  g_assert_cmpuint (st->trend->len, ==, 6);
  g_assert_cmpstr (((SzRecordFigures *) st->trend->pdata[5])->key, ==, "2026-03");
  g_assert_cmpuint (((SzRecordFigures *) st->trend->pdata[5])->received, ==, 5);
  g_assert_cmpstr (((SzRecordFigures *) st->trend->pdata[4])->key, ==, "2026-02");
  g_assert_cmpuint (((SzRecordFigures *) st->trend->pdata[4])->received, ==, 1);
  g_assert_cmpstr (((SzRecordFigures *) st->trend->pdata[0])->key, ==, "2025-10");
  g_assert_cmpint (sz_record_figures_response_rate (st->trend->pdata[0]), <, 0);

  /* A month with nothing: rates are "—", not 0 %. */
  {
    g_autoptr(SzRecordStats) empty = sz_record_stats (f.r.db, f.r.community, "2025-01", now, &error);
    g_autofree char *rate = sz_record_format_rate (sz_record_figures_resolution_rate (&empty->total));

    g_assert_no_error (error);
    g_assert_cmpuint (empty->total.received, ==, 0);
    g_assert_cmpstr (rate, ==, "—");
  }
  g_assert_null (sz_record_stats (f.r.db, f.r.community, "2026-13", now, &error));
  g_assert_nonnull (strstr (error->message, "Month"));
  g_clear_error (&error);

  /* Lists over the same fixture. */
  {
    SzRecordFilter filter;
    gint64 start, end;

    sz_record_filter_init (&filter, f.r.community);
    filter.now = now;
    g_assert_cmpuint (list_count (&f, &filter), ==, 7);
    g_assert_true (sz_record_parse_month ("2026-03", &start, &end, NULL));
    filter.month_start = start;
    filter.month_end = end;
    g_assert_cmpuint (list_count (&f, &filter), ==, 5);
    filter.overdue = TRUE;
    g_assert_cmpuint (list_count (&f, &filter), ==, 2);
    filter.overdue = FALSE;
    filter.grid_id = f.r.grid2;
    g_assert_cmpuint (list_count (&f, &filter), ==, 2);
    filter.grid_id = -1;
    g_assert_cmpuint (list_count (&f, &filter), ==, 1);
    filter.grid_id = 0;
    filter.category_id = f.water;
    g_assert_cmpuint (list_count (&f, &filter), ==, 2);
    filter.category_id = 0;
    filter.status = SZ_RECORD_FOLLOWED_UP;
    g_assert_cmpuint (list_count (&f, &filter), ==, 3);
    filter.status = SZ_RECORD_FILTER_OPEN;
    g_assert_cmpuint (list_count (&f, &filter), ==, 2);
    filter.status = SZ_RECORD_FILTER_ANY_STATUS;
    filter.channel = SZ_CHANNEL_PATROL;
    g_assert_cmpuint (list_count (&f, &filter), ==, 1);
    filter.channel = -1;
    /* Search finds the department of the history, and the id. */
    filter.search = g_strdup ("物业");
    g_assert_cmpuint (list_count (&f, &filter), ==, 2);
    g_free (filter.search);
    filter.search = g_strdup_printf ("#%" G_GINT64_FORMAT, e);
    g_assert_cmpuint (list_count (&f, &filter), ==, 1);
    g_free (filter.search);
    filter.search = g_strdup ("50%_");
    g_assert_cmpuint (list_count (&f, &filter), ==, 0);
    sz_record_filter_clear (&filter);

    /* Due today: d is due 03-27 14:00; at 03-27 09:00 it is due today. */
    sz_record_filter_init (&filter, f.r.community);
    filter.now = test_time ("2026-03-27 09:00");
    filter.due_today = TRUE;
    g_assert_cmpuint (list_count (&f, &filter), ==, 1);
    /* The limit keeps the newest and says how many there are. */
    sz_record_filter_init (&filter, f.r.community);
    filter.limit = 3;
    {
      guint total = 0;
      g_autoptr(GPtrArray) rows = sz_record_list (f.r.db, &filter, &total, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (rows->len, ==, 3);
      g_assert_cmpuint (total, ==, 7);
      g_assert_cmpint (((SzRecordRow *) rows->pdata[1])->id, ==, e);
    }
  }
  (void) b;
  (void) c;
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
  g_test_add_func ("/records/figures", test_figures);
  g_test_add_func ("/records/categories", test_categories);
  g_test_add_func ("/records/parse-time", test_parse_time);
  return g_test_run ();
}
