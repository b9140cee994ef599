/* sz-records-test-util.h: the fixture of the records' core tests.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

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

static inline gint64
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

static inline void
fixture_setup (Fixture    *f,
               const char *name)
{
  roster_setup (&f->r, name);
  f->building2 = test_add_building (f->r.db, f->r.compound, f->r.grid2, "9栋");
  f->water = category (f->r.db, "Water supply");
  f->noise = category (f->r.db, "Neighbour dispute and noise");
  f->safety = category (f->r.db, "Safety hazard");
}

static inline void
fixture_teardown (Fixture *f)
{
  roster_teardown (&f->r);
}

static inline gint64
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
static inline GError *
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

static inline void
act_ok (SzDb       *db,
        gint64      id,
        SzAction    action,
        const char *at)
{
  g_autoptr(GError) error = act (db, id, action, at);

  g_assert_no_error (error);
}

static inline SzRecordStatus
status_of (SzDb   *db,
           gint64  id)
{
  g_autoptr(GError) error = NULL;
  g_autofree SzRecordState *s = sz_record_get_state (db, id, &error);

  g_assert_no_error (error);
  return s->status;
}

