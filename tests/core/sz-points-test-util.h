/* sz-points-test-util.h: the fixture of the points' core tests.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <string.h>

#include "sz-points.h"
#include "sz-records-test-util.h"

/* The records' fixture (测试社区: grid 1 with 丰和林苑 2栋, units 1 and 2;
 * grid 2 with 9栋), and four people: 张三 head of unit 1, 李四 head of
 * 2栋, 赵六 head of grid 1, 王五 with no post. */
typedef struct
{
  Fixture  f;
  SzDb    *db;
  gint64   zhang;
  gint64   li;
  gint64   wang;
  gint64   zhao;
  /* The seeded types, in their order. */
  gint64   patrol;      /* per hour, 1 point/h, at most 2 h */
  gint64   service_day; /* per hour, 1 point/h, at most 4 h */
  gint64   mediation;   /* per occasion: 2 points, 1 h */
  gint64   publicity;   /* per hour, 1 point/h, at most 2 h */
  gint64   reporting;   /* per occasion: 1 point, 0 h */
} Points;

static inline void
points_setup (Points     *p,
              const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) types = NULL;

  fixture_setup (&p->f, name);
  p->db = p->f.r.db;
  p->zhang = test_add_person_in (p->db, p->f.r.community, "张三", "13900000001", FALSE);
  p->li = test_add_person_in (p->db, p->f.r.community, "李四", "13900000002", FALSE);
  p->wang = test_add_person_in (p->db, p->f.r.community, "王五", "13900000003", FALSE);
  p->zhao = test_add_person_in (p->db, p->f.r.community, "赵六", "13900000004", FALSE);
  g_assert_true (sz_post_appoint (p->db, SZ_LEVEL_UNIT, p->f.r.unit1, p->zhang, "2025-01-01", SZ_CHOSEN_ELECTION, NULL, &error));
  g_assert_true (sz_post_appoint (p->db, SZ_LEVEL_BUILDING, p->f.r.building, p->li, "2025-01-01", SZ_CHOSEN_ELECTION, NULL, &error));
  g_assert_true (sz_post_appoint (p->db, SZ_LEVEL_GRID, p->f.r.grid1, p->zhao, "2025-01-01", SZ_CHOSEN_ELECTION, NULL, &error));
  g_assert_no_error (error);

  types = sz_activity_type_list (p->db, p->f.r.community, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (types->len, ==, 5);
  p->patrol = ((SzActivityType *) types->pdata[0])->id;
  p->service_day = ((SzActivityType *) types->pdata[1])->id;
  p->mediation = ((SzActivityType *) types->pdata[2])->id;
  p->publicity = ((SzActivityType *) types->pdata[3])->id;
  p->reporting = ((SzActivityType *) types->pdata[4])->id;
}

static inline void
points_teardown (Points *p)
{
  fixture_teardown (&p->f);
}

/* Records one occasion of @type on @day for @n people with their minutes
 * (a 0-terminated list of person, minutes pairs); returns its id. */
static inline gint64
points_activity (Points     *p,
                 gint64      type,
                 const char *day,
                 ...)
{
  g_autoptr(SzActivity) a = sz_activity_new ();
  g_autoptr(GArray) people = g_array_new (FALSE, TRUE, sizeof (SzParticipant));
  g_autoptr(GError) error = NULL;
  va_list args;
  gint64 person;

  va_start (args, day);
  while ((person = va_arg (args, gint64)) != 0)
    {
      SzParticipant part = { person, va_arg (args, int) };

      g_array_append_val (people, part);
    }
  va_end (args);
  a->community_id = 0;
  a->type_id = type;
  a->day = g_strdup (day);
  sz_activity_record (p->db, a, (SzParticipant *) people->data, people->len, &error);
  g_assert_no_error (error);
  return a->id;
}

static inline void
points_correct (Points     *p,
                gint64      person,
                const char *day,
                int         minutes,
                gint64      points)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sz_points_correct (p->db, person, day, minutes, points, "补录", NULL, &error));
  g_assert_no_error (error);
}

static inline gint64
points_reward (Points     *p,
               const char *name,
               gint64      price,
               int         stock)
{
  g_autoptr(SzReward) r = sz_reward_new ();
  g_autoptr(GError) error = NULL;

  r->community_id = p->f.r.community;
  g_free (r->name);
  r->name = g_strdup (name);
  r->price = price;
  r->stock = stock;
  g_assert_true (sz_reward_save (p->db, r, &error));
  g_assert_no_error (error);
  return r->id;
}

static inline SzPointsBalance *
points_balance (Points *p,
                gint64  person)
{
  g_autoptr(GError) error = NULL;
  SzPointsBalance *b = sz_points_balance_get (p->db, person, &error);

  g_assert_no_error (error);
  g_assert_nonnull (b);
  return b;
}

static inline void
assert_message_starts (GError     *error,
                       const char *label)
{
  g_assert_nonnull (error);
  if (!g_str_has_prefix (error->message, label))
    g_error ("“%s” does not start with “%s”", error->message, label);
}

static inline void
assert_message_has (GError     *error,
                    const char *part)
{
  g_assert_nonnull (error);
  if (strstr (error->message, part) == NULL)
    g_error ("“%s” does not say “%s”", error->message, part);
}
