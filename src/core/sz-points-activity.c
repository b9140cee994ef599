/* sz-points-activity.c: activity types, occasions entered for all their
 * participants at once, and points for records brought in.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "sz-db.h"
#include "sz-points-private.h"
#include "sz-record.h"
#include "sz-roster.h"
#include "sz-validate.h"

static const char * const bases[] = { "per_hour", "per_occasion" };

/* ---- Types ---------------------------------------------------------------- */

#define TYPE_COLUMNS "id, community_id, name, basis, points_per_unit, minutes, levels, active, position"

static SzActivityType *
type_from_row (SzStmt *stmt)
{
  SzActivityType *t = g_new0 (SzActivityType, 1);

  t->id = sz_stmt_column_int64 (stmt, 0);
  t->community_id = sz_stmt_column_int64 (stmt, 1);
  t->name = sz_db_column_dup (stmt, 2);
  t->basis = sz_name_index (bases, G_N_ELEMENTS (bases), (const char *) sz_stmt_column_text (stmt, 3)) == 1
             ? SZ_BASIS_PER_OCCASION : SZ_BASIS_PER_HOUR;
  t->points_per_unit = sz_stmt_column_int64 (stmt, 4);
  t->minutes = sz_stmt_column_int (stmt, 5);
  t->levels = (guint) sz_stmt_column_int (stmt, 6);
  t->active = sz_stmt_column_int (stmt, 7) != 0;
  t->position = sz_stmt_column_int (stmt, 8);
  return t;
}

gboolean
sz_activity_type_save (SzDb            *db,
                       SzActivityType  *t,
                       GError         **error)
{
  SzStmt *stmt;
  gboolean ok;
  int rc;

  g_return_val_if_fail (db != NULL && t != NULL, FALSE);

  if (!sz_validate_text (C_("activity type", "Name"), &t->name, TRUE, 30, error))
    return FALSE;
  if ((guint) t->basis > SZ_BASIS_PER_OCCASION)
    {
      g_set_error (error, SZ_POINTS_ERROR, SZ_POINTS_ERROR_INVALID, _("Basis: choose per hour or per occasion."));
      return FALSE;
    }
  if (t->points_per_unit < 0 || t->points_per_unit > 100000)
    {
      g_set_error (error, SZ_POINTS_ERROR, SZ_POINTS_ERROR_INVALID,
                   _("Points: give a number from 0 to 10000, with at most one decimal."));
      return FALSE;
    }
  if (t->minutes < 0 || t->minutes > 24 * 60)
    {
      g_set_error (error, SZ_POINTS_ERROR, SZ_POINTS_ERROR_INVALID,
                   _("Hours: give a number from 0 to 24, with at most one decimal."));
      return FALSE;
    }
  if (t->levels > 7)
    {
      g_set_error (error, SZ_POINTS_ERROR, SZ_POINTS_ERROR_INVALID, _("Levels: choose grid, building or unit heads."));
      return FALSE;
    }
  if (t->basis == SZ_BASIS_PER_OCCASION && t->points_per_unit == 0 && t->minutes == 0)
    {
      g_set_error (error, SZ_POINTS_ERROR, SZ_POINTS_ERROR_INVALID,
                   _("Points: an activity per occasion gives points, hours or both."));
      return FALSE;
    }

  if (!sz_db_begin (db, error))
    return FALSE;
  ok = TRUE;
  if (t->id != 0)
    ok = sz_row_require (db, "SELECT 1 FROM activity_type WHERE id = ?1", t->id, _("Activity type"), error);
  if (ok && t->id != 0)
    {
      /* The community is the saved one's. */
      stmt = sz_db_prepare (db, "SELECT community_id FROM activity_type WHERE id = ?1", error);
      ok = stmt != NULL;
      if (ok)
        {
          sz_stmt_bind_int64 (stmt, 1, t->id);
          ok = sz_db_step (db, stmt, error) == SQLITE_ROW;
          if (ok)
            t->community_id = sz_stmt_column_int64 (stmt, 0);
          sz_stmt_reset (stmt);
        }
    }
  if (ok && t->id == 0)
    ok = sz_row_require (db, "SELECT 1 FROM community WHERE id = ?1", t->community_id, _("Community"), error);
  if (ok)
    {
      stmt = sz_db_prepare (db, "SELECT 1 FROM activity_type WHERE community_id = ?1 AND name = ?2 AND id IS DISTINCT FROM ?3", error);
      ok = stmt != NULL;
      if (ok)
        {
          sz_stmt_bind_int64 (stmt, 1, t->community_id);
          sz_db_bind_text (stmt, 2, t->name);
          sz_stmt_bind_int64 (stmt, 3, t->id);
          rc = sz_db_step (db, stmt, error);
          sz_stmt_reset (stmt);
          ok = rc == SQLITE_DONE;
          if (rc == SQLITE_ROW)
            g_set_error (error, SZ_POINTS_ERROR, SZ_POINTS_ERROR_INVALID,
                         /* Translators: %s is an activity type's name */
                         _("Name: there is already an activity type “%s”."), t->name);
        }
    }
  if (ok && t->id == 0 && t->position == 0)
    {
      stmt = sz_db_prepare (db, "SELECT coalesce (max (position), 0) + 1 FROM activity_type WHERE community_id = ?1", error);
      ok = stmt != NULL;
      if (ok)
        {
          sz_stmt_bind_int64 (stmt, 1, t->community_id);
          ok = sz_db_step (db, stmt, error) == SQLITE_ROW;
          if (ok)
            t->position = sz_stmt_column_int (stmt, 0);
          sz_stmt_reset (stmt);
        }
    }
  if (ok)
    {
      if (t->id == 0)
        stmt = sz_db_prepare (db,
                              "INSERT INTO activity_type (name, basis, points_per_unit, minutes, levels, active, position,"
                              " community_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error);
      else
        stmt = sz_db_prepare (db,
                              "UPDATE activity_type SET name = ?1, basis = ?2, points_per_unit = ?3, minutes = ?4,"
                              " levels = ?5, active = ?6, position = ?7 WHERE id = ?9", error);
      ok = stmt != NULL;
      if (ok)
        {
          sz_db_bind_text (stmt, 1, t->name);
          sz_db_bind_text (stmt, 2, bases[t->basis]);
          sz_stmt_bind_int64 (stmt, 3, t->points_per_unit);
          sz_stmt_bind_int (stmt, 4, t->minutes);
          sz_stmt_bind_int (stmt, 5, (int) t->levels);
          sz_stmt_bind_int (stmt, 6, t->active ? 1 : 0);
          sz_stmt_bind_int (stmt, 7, t->position);
          if (t->id == 0)
            sz_stmt_bind_int64 (stmt, 8, t->community_id);
          else
            sz_stmt_bind_int64 (stmt, 9, t->id);
          ok = sz_row_finish_write (db, stmt, &t->id, error);
        }
    }
  return sz_db_end (db, ok, error);
}

SzActivityType *
sz_activity_type_get (SzDb    *db,
                      gint64   id,
                      GError **error)
{
  SzStmt *stmt = sz_db_prepare (db, "SELECT " TYPE_COLUMNS " FROM activity_type WHERE id = ?1", error);

  if (stmt == NULL)
    return NULL;
  return sz_row_get (db, stmt, id, _("Activity type"), (gpointer) type_from_row, error);
}

GPtrArray *
sz_activity_type_list (SzDb     *db,
                       gint64    community_id,
                       gboolean  with_retired,
                       GError  **error)
{
  SzStmt *stmt = sz_db_prepare (db,
                                      "SELECT " TYPE_COLUMNS " FROM activity_type"
                                      " WHERE community_id = ?1 AND (?2 <> 0 OR active <> 0)"
                                      " ORDER BY position, name COLLATE PINYIN, id", error);

  if (stmt == NULL)
    return NULL;
  sz_stmt_bind_int64 (stmt, 1, community_id);
  sz_stmt_bind_int (stmt, 2, with_retired ? 1 : 0);
  return sz_row_collect (db, stmt, (gpointer) type_from_row, (GDestroyNotify) sz_activity_type_free, error);
}

static const struct
{
  const char      *name;
  SzActivityBasis  basis;
  gint64           points;
  int              minutes;
} default_types[] = {
  /* Translators: a default activity type for volunteer points (巡查走访) */
  { N_("Patrol and visits"), SZ_BASIS_PER_HOUR, 10, 120 },
  /* Translators: a default activity type for volunteer points (志愿服务日) */
  { N_("Volunteer service day"), SZ_BASIS_PER_HOUR, 10, 240 },
  /* Translators: a default activity type for volunteer points (矛盾调解) */
  { N_("Dispute mediation"), SZ_BASIS_PER_OCCASION, 20, 60 },
  /* Translators: a default activity type for volunteer points (政策宣传) */
  { N_("Policy publicity"), SZ_BASIS_PER_HOUR, 10, 120 },
  /* Translators: a default activity type for volunteer points (反映民情): a
   * resident's issue brought in by a head; used to credit records */
  { N_("Reporting residents' issues"), SZ_BASIS_PER_OCCASION, 10, 0 },
};

gboolean
sz_activity_type_seed (SzDb    *db,
                       gint64   community_id,
                       GError **error)
{
  gint64 n = 0;
  gboolean ok;

  g_return_val_if_fail (db != NULL, FALSE);

  if (!sz_db_begin (db, error))
    return FALSE;
  ok = sz_row_count (db, "SELECT count(*) FROM activity_type WHERE community_id = ?1", community_id, &n, error);
  for (guint i = 0; ok && n == 0 && i < G_N_ELEMENTS (default_types); i++)
    {
      g_autoptr(SzActivityType) t = sz_activity_type_new ();

      t->community_id = community_id;
      g_free (t->name);
      t->name = g_strdup (_(default_types[i].name));
      t->basis = default_types[i].basis;
      t->points_per_unit = default_types[i].points;
      t->minutes = default_types[i].minutes;
      t->position = (int) i + 1;
      ok = sz_activity_type_save (db, t, error);
    }
  return sz_db_end (db, ok, error);
}

/* ---- Occasions ----------------------------------------------------------- */

static gboolean
invalid (GError     **error,
         const char  *format,
         ...) G_GNUC_PRINTF (2, 3);

static gboolean
invalid (GError     **error,
         const char  *format,
         ...)
{
  va_list args;

  va_start (args, format);
  g_set_error_literal (error, SZ_POINTS_ERROR, SZ_POINTS_ERROR_INVALID, "");
  if (error != NULL && *error != NULL)
    {
      g_free ((*error)->message);
      (*error)->message = g_strdup_vprintf (format, args);
    }
  va_end (args);
  return FALSE;
}

/* The earn movement of one participant, or FALSE naming the person. */
static gboolean
participant_movement (SzDb                 *db,
                      const SzActivityType *type,
                      const SzParticipant  *p,
                      SzMovement           *m,
                      GError              **error)
{
  g_autofree char *name = NULL;
  gint64 community_id = 0;
  guint levels = 0;

  if (!_sz_points_person (db, p->person_id, &community_id, &name, &levels, error))
    return FALSE;
  if (community_id != type->community_id)
    /* Translators: %s is a person's name */
    return invalid (error, _("Participants: %s is not one of this community's people."), name);
  if (type->levels != 0 && (levels & type->levels) == 0)
    /* Translators: %s is a person's name */
    return invalid (error, _("Participants: %s holds no post this activity type is for."), name);
  m->person_id = p->person_id;
  m->community_id = community_id;
  m->kind = SZ_MOVE_EARN;
  if (type->basis == SZ_BASIS_PER_HOUR)
    {
      int counted = p->minutes;

      if (p->minutes <= 0 || p->minutes > 24 * 60)
        /* Translators: %s is a person's name */
        return invalid (error, _("Hours: give %s's time served, more than 0 and at most 24 hours."), name);
      if (type->minutes > 0)
        counted = MIN (counted, type->minutes);
      m->minutes = counted;
      /* Rounded to the nearest tenth (half up). */
      m->points = ((gint64) counted * type->points_per_unit + 30) / 60;
    }
  else
    {
      m->minutes = type->minutes;
      m->points = type->points_per_unit;
    }
  if (m->minutes == 0 && m->points == 0)
    /* Translators: %s is a person's name */
    return invalid (error, _("Hours: %s's time gives neither hours nor points."), name);
  return TRUE;
}

gboolean
sz_activity_record (SzDb                *db,
                    SzActivity          *activity,
                    const SzParticipant *participants,
                    guint                n_participants,
                    GError             **error)
{
  g_autoptr(SzActivityType) type = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) moves = g_ptr_array_new_with_free_func ((GDestroyNotify) sz_movement_free);
  g_autofree char *day = NULL;
  SzStmt *stmt;
  gboolean ok;

  g_return_val_if_fail (db != NULL && activity != NULL, FALSE);
  g_return_val_if_fail (participants != NULL || n_participants == 0, FALSE);

  type = sz_activity_type_get (db, activity->type_id, NULL);
  if (type == NULL)
    return invalid (error, _("Activity type: choose the kind of activity."));
  if (activity->community_id != 0 && activity->community_id != type->community_id)
    return invalid (error, _("Activity type: this type is of another community."));
  if (!type->active)
    /* Translators: %s is an activity type's name */
    return invalid (error, _("Activity type: “%s” is retired."), type->name);
  if (!_sz_points_check_day (_("Day"), activity->day, &day, error)
      || !sz_validate_text (C_("activity", "Title"), &activity->title, FALSE, 60, error)
      || !sz_validate_text (_("Notes"), &activity->notes, FALSE, 500, error))
    return FALSE;
  if (n_participants == 0)
    return invalid (error, _("Participants: add at least one person."));

  for (guint i = 0; i < n_participants; i++)
    {
      g_autoptr(SzMovement) m = g_new0 (SzMovement, 1);

      if (!participant_movement (db, type, &participants[i], m, error))
        return FALSE;
      if (g_hash_table_contains (seen, &participants[i].person_id))
        {
          g_autofree char *name = NULL;

          _sz_points_person (db, participants[i].person_id, NULL, &name, NULL, NULL);
          /* Translators: %s is a person's name */
          return invalid (error, _("Participants: %s is there twice."), name);
        }
      g_hash_table_add (seen, (gpointer) &participants[i].person_id);
      m->day = g_strdup (day);
      g_ptr_array_add (moves, g_steal_pointer (&m));
    }

  if (!sz_db_begin (db, error))
    return FALSE;
  stmt = sz_db_prepare (db,
                        "INSERT INTO activity (community_id, type_id, day, title, notes, entered_at, actor)"
                        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);
  ok = stmt != NULL;
  if (ok)
    {
      activity->id = 0;
      activity->community_id = type->community_id;
      g_free (activity->day);
      activity->day = g_strdup (day);
      sz_stmt_bind_int64 (stmt, 1, activity->community_id);
      sz_stmt_bind_int64 (stmt, 2, activity->type_id);
      sz_db_bind_text (stmt, 3, day);
      sz_db_bind_text (stmt, 4, activity->title);
      sz_db_bind_text (stmt, 5, activity->notes);
      sz_stmt_bind_int64 (stmt, 6, g_get_real_time () / G_USEC_PER_SEC);
      sz_db_bind_text (stmt, 7, sz_db_get_actor (db));
      ok = sz_row_finish_write (db, stmt, &activity->id, error);
    }
  for (guint i = 0; ok && i < moves->len; i++)
    {
      SzMovement *m = moves->pdata[i];

      m->activity_id = activity->id;
      ok = _sz_points_insert (db, m, "earn", error);
    }
  if (!ok)
    activity->id = 0;
  return sz_db_end (db, ok, error);
}

static SzActivity *
activity_from_row (SzStmt *stmt)
{
  SzActivity *a = g_new0 (SzActivity, 1);

  a->id = sz_stmt_column_int64 (stmt, 0);
  a->community_id = sz_stmt_column_int64 (stmt, 1);
  a->type_id = sz_stmt_column_int64 (stmt, 2);
  a->day = sz_db_column_dup (stmt, 3);
  a->title = sz_db_column_dup (stmt, 4);
  a->notes = sz_db_column_dup (stmt, 5);
  return a;
}

SzActivity *
sz_activity_get (SzDb    *db,
                 gint64   id,
                 GError **error)
{
  SzStmt *stmt = sz_db_prepare (db, "SELECT id, community_id, type_id, day, title, notes FROM activity WHERE id = ?1",
                                      error);

  if (stmt == NULL)
    return NULL;
  return sz_row_get (db, stmt, id, _("Activity"), (gpointer) activity_from_row, error);
}

GPtrArray *
sz_activity_list (SzDb    *db,
                  gint64   community_id,
                  GError **error)
{
  SzStmt *stmt = sz_db_prepare (db,
                                      "SELECT id, community_id, type_id, day, title, notes FROM activity"
                                      " WHERE community_id = ?1 ORDER BY day DESC, id DESC", error);

  if (stmt == NULL)
    return NULL;
  sz_stmt_bind_int64 (stmt, 1, community_id);
  return sz_row_collect (db, stmt, (gpointer) activity_from_row, (GDestroyNotify) sz_activity_free, error);
}

/* ---- Points from records ---------------------------------------------- */

GPtrArray *
sz_points_record_credits (SzDb    *db,
                          gint64   community_id,
                          GError **error)
{
  g_autoptr(GPtrArray) credits = g_ptr_array_new_with_free_func ((GDestroyNotify) sz_record_credit_free);
  SzStmt *stmt;
  int rc;

  stmt = sz_db_prepare (db,
                        "SELECT r.id, n.id, n.name, r.place_text, c.name, s.resolved_at"
                        "  FROM record r"
                        "  JOIN record_state s ON s.record_id = r.id"
                        "  JOIN person n ON n.id = r.head_person_id"
                        "  JOIN record_category c ON c.id = r.category_id"
                        " WHERE r.community_id = ?1 AND s.resolved_at > 0"
                        "   AND NOT EXISTS (SELECT 1 FROM points_movement m"
                        "                    WHERE m.record_id = r.id AND m.kind = 'earn'"
                        "                      AND NOT EXISTS (SELECT 1 FROM points_movement v WHERE v.reverses_id = m.id))"
                        " ORDER BY s.resolved_at, r.id", error);
  if (stmt == NULL)
    return NULL;
  sz_stmt_bind_int64 (stmt, 1, community_id);
  while ((rc = sz_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      SzRecordCredit *c = g_new0 (SzRecordCredit, 1);
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) sz_stmt_column_int64 (stmt, 0));
      g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (sz_stmt_column_int64 (stmt, 5));
      g_autoptr(GDateTime) local = g_date_time_to_timezone (dt, sz_record_time_zone ());

      c->record_id = sz_stmt_column_int64 (stmt, 0);
      c->person_id = sz_stmt_column_int64 (stmt, 1);
      c->name = sz_db_column_dup (stmt, 2);
      /* Translators: a record in a dialog's heading: its number, place and category */
      c->summary = g_strdup_printf (_("No. %s · %s · %s"), number, sz_stmt_column_text (stmt, 3),
                                    sz_stmt_column_text (stmt, 4));
      c->resolved_day = g_date_time_format (local, "%Y-%m-%d");
      g_ptr_array_add (credits, c);
    }
  if (rc == 0)
    return NULL;
  return g_steal_pointer (&credits);
}

gboolean
sz_points_credit_record (SzDb    *db,
                         gint64   record_id,
                         gint64   type_id,
                         gint64  *movement_id,
                         GError **error)
{
  g_autoptr(SzActivityType) type = NULL;
  g_autoptr(SzMovement) m = g_new0 (SzMovement, 1);
  gint64 community_id = 0;
  gint64 resolved_at = 0;
  gboolean ok;
  SzStmt *stmt;
  int rc;

  g_return_val_if_fail (db != NULL, FALSE);

  stmt = sz_db_prepare (db,
                        "SELECT r.community_id, r.head_person_id, coalesce (s.resolved_at, 0),"
                        "  EXISTS (SELECT 1 FROM points_movement m WHERE m.record_id = r.id AND m.kind = 'earn'"
                        "            AND NOT EXISTS (SELECT 1 FROM points_movement v WHERE v.reverses_id = m.id))"
                        "  FROM record r LEFT JOIN record_state s ON s.record_id = r.id WHERE r.id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sz_stmt_bind_int64 (stmt, 1, record_id);
  rc = sz_db_step (db, stmt, error);
  if (rc == SQLITE_DONE)
    sz_set_not_found (error, _("Record"), record_id);
  if (rc != SQLITE_ROW)
    return FALSE;
  community_id = sz_stmt_column_int64 (stmt, 0);
  m->person_id = sz_stmt_column_int64 (stmt, 1);
  resolved_at = sz_stmt_column_int64 (stmt, 2);
  ok = sz_stmt_column_int (stmt, 3) == 0;
  sz_stmt_reset (stmt);
  if (!ok)
    {
      g_set_error (error, SZ_POINTS_ERROR, SZ_POINTS_ERROR_STATE,
                   /* Translators: %ld is a record's number */
                   _("Record No. %" PRId64 " has already been credited."), record_id);
      return FALSE;
    }
  if (m->person_id == 0)
    return invalid (error, _("Record: no head brought this record in."));
  if (resolved_at == 0)
    {
      g_set_error (error, SZ_POINTS_ERROR, SZ_POINTS_ERROR_STATE,
                   _("Record No. %" PRId64 " is not resolved yet."), record_id);
      return FALSE;
    }
  type = sz_activity_type_get (db, type_id, NULL);
  if (type == NULL || type->community_id != community_id)
    return invalid (error, _("Activity type: choose the kind of activity."));
  if (!type->active)
    return invalid (error, _("Activity type: “%s” is retired."), type->name);

  {
    SzParticipant p = { m->person_id, type->minutes > 0 ? type->minutes : 60 };

    if (!participant_movement (db, type, &p, m, error))
      return FALSE;
  }
  {
    g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (resolved_at);
    g_autoptr(GDateTime) local = g_date_time_to_timezone (dt, sz_record_time_zone ());

    m->day = g_date_time_format (local, "%Y-%m-%d");
  }
  m->record_id = record_id;
  if (!sz_db_begin (db, error))
    return FALSE;
  ok = _sz_points_insert (db, m, "earn", error);
  if (ok && movement_id != NULL)
    *movement_id = m->id;
  return sz_db_end (db, ok, error);
}
