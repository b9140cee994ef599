/* sz-points-ledger.c: corrections, reversals, balances and statements.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "sz-db.h"
#include "sz-points-private.h"
#include "sz-roster.h"
#include "sz-search.h"
#include "sz-validate.h"

/* ---- Reading movements ---------------------------------------------------- */

#define MOVEMENT_COLUMNS \
  "m.id, m.community_id, m.person_id, m.kind, m.day, m.entered_at, m.actor, m.minutes, m.points," \
  " m.activity_id, m.record_id, m.redemption_id, m.reverses_id, m.reason," \
  " (SELECT v.id FROM points_movement v WHERE v.reverses_id = m.id)," \
  " coalesce (nullif (a.title, ''), t.name), a.day, w.name, d.quantity"
#define MOVEMENT_JOINS \
  " LEFT JOIN activity a ON a.id = m.activity_id" \
  " LEFT JOIN activity_type t ON t.id = a.type_id" \
  " LEFT JOIN redemption d ON d.id = m.redemption_id" \
  " LEFT JOIN reward w ON w.id = d.reward_id"

/* Columns 0–18 of MOVEMENT_COLUMNS, then the figures after it at 19, 20. */
static SzMovement *
movement_from_row (SzStmt *stmt)
{
  SzMovement *m = g_new0 (SzMovement, 1);

  m->id = sz_stmt_column_int64 (stmt, 0);
  m->community_id = sz_stmt_column_int64 (stmt, 1);
  m->person_id = sz_stmt_column_int64 (stmt, 2);
  m->kind = _sz_move_kind_from_string ((const char *) sz_stmt_column_text (stmt, 3));
  m->day = sz_db_column_dup (stmt, 4);
  m->entered_at = sz_stmt_column_int64 (stmt, 5);
  m->actor = sz_db_column_dup (stmt, 6);
  m->minutes = sz_stmt_column_int (stmt, 7);
  m->points = sz_stmt_column_int64 (stmt, 8);
  m->activity_id = sz_stmt_column_int64 (stmt, 9);
  m->record_id = sz_stmt_column_int64 (stmt, 10);
  m->redemption_id = sz_stmt_column_int64 (stmt, 11);
  m->reverses_id = sz_stmt_column_int64 (stmt, 12);
  m->reason = sz_db_column_dup (stmt, 13);
  m->reversed_by = sz_stmt_column_int64 (stmt, 14);
  if (m->activity_id != 0)
    /* Translators: where points came from: an activity ("志愿服务日 2026-05-01") */
    m->source = g_strdup_printf (C_("points source", "%s %s"), sz_stmt_column_text (stmt, 15),
                                 sz_stmt_column_text (stmt, 16));
  else if (m->record_id != 0)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, m->record_id);

      /* Translators: where points came from: a record brought in ("记录 123") */
      m->source = g_strdup_printf (C_("points source", "Record No. %s"), number);
    }
  else if (m->redemption_id != 0)
    /* Translators: what points were spent on: a reward and the quantity ("兑换 米面油礼包 ×1") */
    m->source = g_strdup_printf (C_("points source", "Redeemed %s ×%d"), sz_stmt_column_text (stmt, 17),
                                 sz_stmt_column_int (stmt, 18));
  else if (m->kind == SZ_MOVE_EXPIRE)
    m->source = g_strdup (C_("points source", "Expired"));
  else
    m->source = g_strdup (C_("points source", "Correction"));
  if (m->reverses_id != 0)
    {
      char *s = m->source;

      /* Translators: a movement reversing another; %s is the other's source */
      m->source = g_strdup_printf (C_("points source", "Reversal: %s"), s);
      g_free (s);
    }
  m->balance_after = sz_stmt_column_int64 (stmt, 19);
  m->minutes_after = sz_stmt_column_int (stmt, 20);
  return m;
}

SzMovement *
sz_movement_get (SzDb    *db,
                 gint64   id,
                 GError **error)
{
  SzStmt *stmt = sz_db_prepare (db,
                                      "SELECT " MOVEMENT_COLUMNS ","
                                      "  (SELECT sum (o.points) FROM points_movement o WHERE o.person_id = m.person_id AND o.id <= m.id),"
                                      "  (SELECT sum (o.minutes) FROM points_movement o WHERE o.person_id = m.person_id AND o.id <= m.id)"
                                      "  FROM points_movement m" MOVEMENT_JOINS " WHERE m.id = ?1", error);

  if (stmt == NULL)
    return NULL;
  return sz_row_get (db, stmt, id, _("Movement"), (gpointer) movement_from_row, error);
}

GPtrArray *
sz_points_statement (SzDb    *db,
                     gint64   person_id,
                     GError **error)
{
  SzStmt *stmt;

  if (!sz_row_require (db, "SELECT 1 FROM person WHERE id = ?1", person_id, _("Person"), error))
    return NULL;
  stmt = sz_db_prepare (db,
                        "SELECT " MOVEMENT_COLUMNS ","
                        "  sum (m.points) OVER (ORDER BY m.id), sum (m.minutes) OVER (ORDER BY m.id)"
                        "  FROM points_movement m" MOVEMENT_JOINS " WHERE m.person_id = ?1 ORDER BY m.id", error);
  if (stmt == NULL)
    return NULL;
  sz_stmt_bind_int64 (stmt, 1, person_id);
  return sz_row_collect (db, stmt, (gpointer) movement_from_row, (GDestroyNotify) sz_movement_free, error);
}

GPtrArray *
sz_activity_movements (SzDb    *db,
                       gint64   activity_id,
                       GError **error)
{
  SzStmt *stmt;

  if (!sz_row_require (db, "SELECT 1 FROM activity WHERE id = ?1", activity_id, _("Activity"), error))
    return NULL;
  stmt = sz_db_prepare (db,
                        "SELECT " MOVEMENT_COLUMNS ", 0, 0"
                        "  FROM points_movement m" MOVEMENT_JOINS
                        "  JOIN person n ON n.id = m.person_id"
                        " WHERE m.activity_id = ?1 AND m.kind = 'earn'"
                        " ORDER BY n.name_pinyin, n.name COLLATE PINYIN, m.id", error);
  if (stmt == NULL)
    return NULL;
  sz_stmt_bind_int64 (stmt, 1, activity_id);
  return sz_row_collect (db, stmt, (gpointer) movement_from_row, (GDestroyNotify) sz_movement_free, error);
}

/* ---- Writing -------------------------------------------------------------- */

/* Refuses (BALANCE, with the figures) a change that would take @person's
 * points or hours below zero. */
static gboolean
check_cover (SzDb        *db,
             gint64       person_id,
             const char  *name,
             int          minutes,
             gint64       points,
             GError     **error)
{
  int have_minutes;
  gint64 have_points;

  if (!_sz_points_figures (db, person_id, &have_minutes, &have_points, error))
    return FALSE;
  if (points < 0 && have_points + points < 0)
    {
      g_autofree char *have = sz_points_format (have_points);
      g_autofree char *take = sz_points_format (-points);

      g_set_error (error, SZ_POINTS_ERROR, SZ_POINTS_ERROR_BALANCE,
                   /* Translators: a person's name, their points, then the points to take away */
                   _("Points: %s has %s points; this takes %s."), name, have, take);
      return FALSE;
    }
  if (minutes < 0 && have_minutes + minutes < 0)
    {
      g_autofree char *have = sz_hours_format (have_minutes);
      g_autofree char *take = sz_hours_format (-minutes);

      g_set_error (error, SZ_POINTS_ERROR, SZ_POINTS_ERROR_BALANCE,
                   /* Translators: a person's name, their service hours, then the hours to take away */
                   _("Hours: %s has %s hours of service; this takes %s."), name, have, take);
      return FALSE;
    }
  return TRUE;
}

gboolean
sz_points_correct (SzDb        *db,
                   gint64       person_id,
                   const char  *day,
                   int          minutes,
                   gint64       points,
                   const char  *reason,
                   gint64      *movement_id,
                   GError     **error)
{
  g_autoptr(SzMovement) m = g_new0 (SzMovement, 1);
  g_autofree char *name = NULL;
  gboolean ok;

  g_return_val_if_fail (db != NULL, FALSE);

  m->reason = g_strdup (reason);
  if (!_sz_points_check_day (_("Day"), day, &m->day, error)
      || !sz_validate_text (_("Reason"), &m->reason, TRUE, 200, error))
    return FALSE;
  if (minutes == 0 && points == 0)
    {
      g_set_error (error, SZ_POINTS_ERROR, SZ_POINTS_ERROR_INVALID,
                   _("Points: a correction changes the points, the hours or both."));
      return FALSE;
    }
  if (ABS (points) > 1000000 || ABS (minutes) > 1000000)
    {
      g_set_error (error, SZ_POINTS_ERROR, SZ_POINTS_ERROR_INVALID, _("Points: this is more than any correction."));
      return FALSE;
    }
  if (!_sz_points_person (db, person_id, &m->community_id, &name, NULL, error))
    return FALSE;
  m->person_id = person_id;
  m->kind = SZ_MOVE_CORRECT;
  m->minutes = minutes;
  m->points = points;

  if (!sz_db_begin (db, error))
    return FALSE;
  ok = check_cover (db, person_id, name, minutes, points, error)
       && _sz_points_insert (db, m, "earn", error);
  if (ok && movement_id != NULL)
    *movement_id = m->id;
  return sz_db_end (db, ok, error);
}

static const char *
counts_of (SzDb    *db,
           gint64   id,
           GError **error)
{
  SzStmt *stmt = sz_db_prepare (db, "SELECT counts FROM points_movement WHERE id = ?1", error);
  const char *counts = NULL;

  if (stmt == NULL)
    return NULL;
  sz_stmt_bind_int64 (stmt, 1, id);
  if (sz_db_step (db, stmt, error) == SQLITE_ROW)
    counts = g_intern_string ((const char *) sz_stmt_column_text (stmt, 0));
  sz_stmt_reset (stmt);
  return counts;
}

gboolean
sz_points_reverse (SzDb        *db,
                   gint64       movement_id,
                   const char  *reason,
                   gint64      *reversal_id,
                   GError     **error)
{
  g_autoptr(SzMovement) orig = NULL;
  g_autoptr(SzMovement) m = g_new0 (SzMovement, 1);
  g_autofree char *name = NULL;
  const char *counts;
  gboolean ok;

  g_return_val_if_fail (db != NULL, FALSE);

  m->reason = g_strdup (reason);
  if (!sz_validate_text (_("Reason"), &m->reason, TRUE, 200, error))
    return FALSE;
  orig = sz_movement_get (db, movement_id, error);
  if (orig == NULL)
    return FALSE;
  if (orig->reverses_id != 0)
    {
      g_set_error (error, SZ_POINTS_ERROR, SZ_POINTS_ERROR_STATE,
                   _("This movement is itself a reversal: enter a correction instead."));
      return FALSE;
    }
  if (orig->reversed_by != 0)
    {
      g_set_error (error, SZ_POINTS_ERROR, SZ_POINTS_ERROR_STATE,
                   /* Translators: %ld is the number of the movement that reversed it */
                   _("This movement has already been reversed (by movement %" PRId64 ")."), orig->reversed_by);
      return FALSE;
    }
  if (!_sz_points_person (db, orig->person_id, NULL, &name, NULL, error))
    return FALSE;
  counts = counts_of (db, movement_id, error);
  if (counts == NULL)
    return FALSE;

  m->community_id = orig->community_id;
  m->person_id = orig->person_id;
  m->kind = SZ_MOVE_CORRECT;
  m->day = g_strdup (orig->day);
  m->minutes = -orig->minutes;
  m->points = -orig->points;
  m->reverses_id = orig->id;
  m->activity_id = orig->activity_id;
  m->record_id = orig->record_id;
  m->redemption_id = orig->redemption_id;

  if (!sz_db_begin (db, error))
    return FALSE;
  ok = TRUE;
  {
    g_autoptr(GError) cover_error = NULL;

    if (!check_cover (db, orig->person_id, name, m->minutes, m->points, &cover_error))
      {
        ok = FALSE;
        if (g_error_matches (cover_error, SZ_POINTS_ERROR, SZ_POINTS_ERROR_BALANCE))
          g_set_error (error, SZ_POINTS_ERROR, SZ_POINTS_ERROR_BALANCE,
                       /* Translators: %s is why ("张三 has 3.0 points; this takes 5.0.") */
                       _("The points or hours this movement gave have been spent. %s"), cover_error->message);
        else
          g_propagate_error (error, g_steal_pointer (&cover_error));
      }
  }
  if (ok && orig->redemption_id != 0)
    {
      SzStmt *stmt = sz_db_prepare (db,
                                          "UPDATE reward SET stock = stock + (SELECT quantity FROM redemption WHERE id = ?1)"
                                          " WHERE id = (SELECT reward_id FROM redemption WHERE id = ?1) AND stock IS NOT NULL",
                                          error);

      ok = stmt != NULL;
      if (ok)
        {
          sz_stmt_bind_int64 (stmt, 1, orig->redemption_id);
          ok = sz_row_finish_write (db, stmt, NULL, error);
        }
    }
  ok = ok && _sz_points_insert (db, m, counts, error);
  if (ok && reversal_id != NULL)
    *reversal_id = m->id;
  return sz_db_end (db, ok, error);
}

/* ---- Balances ------------------------------------------------------------ */

static SzPointsBalance *
balance_from_row (SzStmt *stmt,
                  GHashTable   *posts)
{
  SzPointsBalance *b = g_new0 (SzPointsBalance, 1);
  SzPointsPost *post;

  b->person_id = sz_stmt_column_int64 (stmt, 0);
  b->name = sz_db_column_dup (stmt, 1);
  b->minutes = sz_stmt_column_int (stmt, 2);
  b->earned = sz_stmt_column_int64 (stmt, 3);
  b->redeemed = sz_stmt_column_int64 (stmt, 4);
  b->expired = sz_stmt_column_int64 (stmt, 5);
  b->balance = sz_stmt_column_int64 (stmt, 6);
  post = g_hash_table_lookup (posts, &b->person_id);
  b->level = post != NULL ? post->level : -1;
  b->post = g_strdup (post != NULL ? post->text : "");
  b->grid_id = post != NULL ? post->grid_id : 0;
  return b;
}

/* In the order of the index person_pinyin: pinyin, then the name's bytes
 * for homophones, then the id. */
#define BALANCE_COLUMNS "n.id, n.name, coalesce (b.minutes, 0), coalesce (b.earned, 0), coalesce (b.redeemed, 0)," \
  " coalesce (b.expired, 0), coalesce (b.balance, 0), n.name_pinyin"

/* The whole list of a community, kept with the connection until the data
 * changes (sz_db_get_change_count()), like the search index: the page
 * filters it at every keystroke, and 150,000 rows take SQLite longer to
 * read than to copy. */
#define BALANCE_CACHE_KEY "sz-points-balances"

typedef struct
{
  gint64      community_id;
  gboolean    with_zero;
  guint64     stamp;
  GPtrArray  *rows;      /* SzPointsBalance */
} BalanceCache;

static void
balance_cache_free (gpointer data)
{
  BalanceCache *cache = data;

  g_ptr_array_unref (cache->rows);
  g_free (cache);
}

static GPtrArray *
read_balances (SzDb                 *db,
               const SzPointsFilter *filter,
               GError              **error)
{
  g_autoptr(GHashTable) posts = NULL;
  SzStmt *stmt;

  posts = _sz_points_posts (db, filter->community_id, 0, error);
  if (posts == NULL)
    return NULL;
  if (filter->with_zero)
    stmt = sz_db_prepare (db,
                          "SELECT " BALANCE_COLUMNS " FROM person n LEFT JOIN points_balance b ON b.person_id = n.id"
                          " WHERE n.community_id = ?1 ORDER BY n.name_pinyin, n.name, n.id", error);
  else
    stmt = sz_db_prepare (db,
                          "SELECT " BALANCE_COLUMNS " FROM person n JOIN points_balance b ON b.person_id = n.id"
                          " WHERE n.community_id = ?1 ORDER BY n.name_pinyin, n.name, n.id", error);
  if (stmt == NULL)
    return NULL;
  sz_stmt_bind_int64 (stmt, 1, filter->community_id);
  {
    g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) sz_points_balance_free);
    int rc;

    while ((rc = sz_db_step (db, stmt, error)) == SQLITE_ROW)
      g_ptr_array_add (rows, balance_from_row (stmt, posts));
    if (rc == 0)
      return NULL;
    return g_steal_pointer (&rows);
  }
}

static SzPointsBalance *
balance_copy (const SzPointsBalance *b)
{
  SzPointsBalance *copy = g_memdup2 (b, sizeof *b);

  copy->name = g_strdup (b->name);
  copy->post = g_strdup (b->post);
  return copy;
}

static gboolean
balance_wanted (const SzPointsBalance *b,
                const SzPointsFilter  *filter,
                GHashTable            *found)
{
  if (found != NULL && !g_hash_table_contains (found, &b->person_id))
    return FALSE;
  if (filter->level >= 0 && filter->level != (b->level < 0 ? SZ_N_LEVELS : b->level))
    return FALSE;
  if (filter->grid_id != 0 && b->grid_id != filter->grid_id)
    return FALSE;
  return TRUE;
}

GPtrArray *
sz_points_balances (SzDb                 *db,
                    const SzPointsFilter *filter,
                    GError              **error)
{
  g_autoptr(GPtrArray) balances = g_ptr_array_new_with_free_func ((GDestroyNotify) sz_points_balance_free);
  g_autoptr(GHashTable) found = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  BalanceCache *cache;
  guint64 stamp;

  g_return_val_if_fail (db != NULL && filter != NULL, NULL);

  if (filter->search != NULL && *filter->search != '\0')
    {
      hits = sz_search_in (db, filter->community_id, filter->search, 0, error);
      if (hits == NULL)
        return NULL;
      found = g_hash_table_new (g_int64_hash, g_int64_equal);
      for (guint i = 0; i < hits->len; i++)
        {
          SzSearchHit *hit = hits->pdata[i];

          if (hit->kind == SZ_HIT_PERSON)
            g_hash_table_add (found, &hit->id);
        }
      if (g_hash_table_size (found) == 0)
        return g_steal_pointer (&balances);
    }

  /* Inside a transaction the data may change uncommitted: no cache. */
  if (sz_db_in_transaction (db))
    {
      g_autoptr(GPtrArray) rows = read_balances (db, filter, error);

      if (rows == NULL)
        return NULL;
      for (guint i = 0; i < rows->len; i++)
        if (balance_wanted (rows->pdata[i], filter, found))
          g_ptr_array_add (balances, balance_copy (rows->pdata[i]));
      return g_steal_pointer (&balances);
    }

  stamp = sz_db_get_change_count (db);
  cache = sz_db_get_data (db, BALANCE_CACHE_KEY);
  if (cache == NULL || cache->stamp != stamp || cache->community_id != filter->community_id
      || cache->with_zero != !!filter->with_zero)
    {
      GPtrArray *rows = read_balances (db, filter, error);

      if (rows == NULL)
        return NULL;
      cache = g_new0 (BalanceCache, 1);
      cache->community_id = filter->community_id;
      cache->with_zero = !!filter->with_zero;
      cache->stamp = stamp;
      cache->rows = rows;
      sz_db_set_data_full (db, BALANCE_CACHE_KEY, cache, balance_cache_free);
    }
  g_ptr_array_set_size (balances, 0);
  for (guint i = 0; i < cache->rows->len; i++)
    if (balance_wanted (cache->rows->pdata[i], filter, found))
      g_ptr_array_add (balances, balance_copy (cache->rows->pdata[i]));
  return g_steal_pointer (&balances);
}

SzPointsBalance *
sz_points_balance_get (SzDb    *db,
                       gint64   person_id,
                       GError **error)
{
  g_autoptr(GHashTable) posts = NULL;
  SzPointsBalance *b;
  SzStmt *stmt;
  int rc;

  posts = _sz_points_posts (db, 0, person_id, error);
  if (posts == NULL)
    return NULL;
  stmt = sz_db_prepare (db,
                        "SELECT " BALANCE_COLUMNS " FROM person n LEFT JOIN points_balance b ON b.person_id = n.id"
                        " WHERE n.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sz_stmt_bind_int64 (stmt, 1, person_id);
  rc = sz_db_step (db, stmt, error);
  if (rc == SQLITE_DONE)
    sz_set_not_found (error, _("Person"), person_id);
  if (rc != SQLITE_ROW)
    return NULL;
  b = balance_from_row (stmt, posts);
  sz_stmt_reset (stmt);
  return b;
}
