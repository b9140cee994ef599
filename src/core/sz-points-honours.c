/* sz-points-honours.c: the shortlist for a period, publicity (公示),
 * awards with certificate numbers from the register, withdrawals.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "sz-db.h"
#include "sz-points-private.h"
#include "sz-record.h"
#include "sz-roster.h"
#include "sz-validate.h"

static const char * const statuses[] = { "publicity", "final", "withdrawn" };

/* Unix seconds of the local start of @day ("YYYY-MM-DD") + @add_days. */
static gint64
day_start (const char *day,
           int         add_days)
{
  g_autoptr(GDateTime) dt = g_date_time_new (sz_record_time_zone (), atoi (day), atoi (day + 5), atoi (day + 8), 0, 0, 0);
  g_autoptr(GDateTime) moved = g_date_time_add_days (dt, add_days);

  return g_date_time_to_unix (moved);
}

/* ---- Shortlist -------------------------------------------------------------- */

G_STATIC_ASSERT (SZ_N_LEVELS == 3);

/* ?8: the level of the person's highest current post (SZ_N_LEVELS: none),
 * or -1 for any. */
#define LEVEL_SQL \
  "(?8 < 0 OR coalesce ((SELECT min (CASE p.level WHEN 'grid' THEN 0 WHEN 'building' THEN 1 ELSE 2 END)" \
  "                        FROM post p WHERE p.person_id = n.id AND p.end_date IS NULL), 3) = ?8)"

/* Those with hours or points in the period (from points_period, in its
 * index's order), then those who only brought records in. */
#define SHORTLIST_SQL \
  "WITH rc AS (SELECT head_person_id AS person_id, count(*) AS n FROM record" \
  "             WHERE community_id = ?1 AND received_at >= ?3 AND received_at < ?4" \
  "               AND head_person_id IS NOT NULL" \
  "             GROUP BY head_person_id)" \
  " SELECT n.id, n.name, pp.minutes, pp.earned, coalesce (rc.n, 0) AS re," \
  "        EXISTS (SELECT 1 FROM person_image i WHERE i.person_id = n.id AND i.kind = 'photo')" \
  "   FROM points_period pp JOIN person n ON n.id = pp.person_id" \
  "   LEFT JOIN rc ON rc.person_id = pp.person_id" \
  "  WHERE pp.community_id = ?1 AND pp.period = ?2 AND (pp.minutes > 0 OR pp.earned <> 0)" \
  "    AND pp.minutes >= ?5 AND pp.earned >= ?6 AND coalesce (rc.n, 0) >= ?7 AND " LEVEL_SQL \
  "  ORDER BY pp.minutes DESC, pp.earned DESC, re DESC, n.name_pinyin, n.name, n.id" \
  "  LIMIT ?9"
#define SHORTLIST_RECORDS_SQL \
  "SELECT n.id, n.name, 0, 0, count(*) AS re," \
  "       EXISTS (SELECT 1 FROM person_image i WHERE i.person_id = n.id AND i.kind = 'photo')" \
  "  FROM record r JOIN person n ON n.id = r.head_person_id" \
  " WHERE r.community_id = ?1 AND r.received_at >= ?3 AND r.received_at < ?4 AND ?5 <= 0 AND ?6 <= 0" \
  "   AND NOT EXISTS (SELECT 1 FROM points_period pp WHERE pp.person_id = n.id AND pp.period = ?2" \
  "                     AND (pp.minutes > 0 OR pp.earned <> 0))" \
  "   AND " LEVEL_SQL \
  " GROUP BY n.id HAVING count(*) >= ?7" \
  " ORDER BY re DESC, n.name_pinyin, n.name, n.id" \
  " LIMIT ?9"

GPtrArray *
sz_honours_shortlist (SzDb                    *db,
                      const SzShortlistFilter *filter,
                      GError                 **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) sz_shortlist_entry_free);
  g_autoptr(GHashTable) posts = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  SzShortlistEntry *prev = NULL;

  g_return_val_if_fail (db != NULL && filter != NULL, NULL);

  if (!_sz_points_period_days (filter->period, &first, &last, error))
    return NULL;
  posts = _sz_points_posts (db, filter->community_id, 0, error);
  if (posts == NULL)
    return NULL;
  for (int pass = 0; pass < 2; pass++)
    {
      SzStmt *stmt = sz_db_prepare (db, pass == 0 ? SHORTLIST_SQL : SHORTLIST_RECORDS_SQL, error);
      int rc;

      if (stmt == NULL)
        return NULL;
      sz_stmt_bind_int64 (stmt, 1, filter->community_id);
      sz_db_bind_text (stmt, 2, filter->period);
      sz_stmt_bind_int64 (stmt, 3, day_start (first, 0));
      sz_stmt_bind_int64 (stmt, 4, day_start (last, 1));
      sz_stmt_bind_int (stmt, 5, filter->min_minutes);
      sz_stmt_bind_int64 (stmt, 6, filter->min_points);
      sz_stmt_bind_int64 (stmt, 7, filter->min_records);
      sz_stmt_bind_int (stmt, 8, filter->level < 0 ? -1 : MIN (filter->level, SZ_N_LEVELS));
      sz_stmt_bind_int64 (stmt, 9, filter->limit == 0 ? -1 : (gint64) (filter->limit - entries->len));
      if (filter->limit > 0 && entries->len >= filter->limit)
        break;
      while ((rc = sz_db_step (db, stmt, error)) == SQLITE_ROW)
        {
          gint64 id = sz_stmt_column_int64 (stmt, 0);
          SzPointsPost *post = g_hash_table_lookup (posts, &id);
          int minutes = sz_stmt_column_int (stmt, 2);
          gint64 earned = sz_stmt_column_int64 (stmt, 3);
          guint records = (guint) sz_stmt_column_int (stmt, 4);
          SzShortlistEntry *e;

          e = g_new0 (SzShortlistEntry, 1);
          e->person_id = id;
          e->name = sz_db_column_dup (stmt, 1);
          e->minutes = minutes;
          e->earned = earned;
          e->records = records;
          e->has_photo = sz_stmt_column_int (stmt, 5) != 0;
          e->level = post != NULL ? post->level : -1;
          e->post = g_strdup (post != NULL ? post->text : "");
          /* Ties share a rank (1, 1, 3). */
          e->rank = prev != NULL && prev->minutes == e->minutes && prev->earned == e->earned
                    && prev->records == e->records ? prev->rank : entries->len + 1;
          g_ptr_array_add (entries, e);
          prev = e;
        }
      if (rc == 0)
        return NULL;
    }
  return g_steal_pointer (&entries);
}

/* ---- Honours ---------------------------------------------------------------- */

char *
sz_honour_certificate_number (const char *community_name,
                              int         year,
                              int         seq)
{
  g_autofree char *short_name = g_strdup (community_name != NULL ? community_name : "");
  /* Translators: the word ending a community's name, left out of its short
   * name in certificate numbers (丰和社区 → 丰和); keep it if your language
   * has none */
  const char *suffix = C_("community name suffix", "社区");

  if (g_str_has_suffix (short_name, suffix) && strlen (short_name) > strlen (suffix))
    short_name[strlen (short_name) - strlen (suffix)] = '\0';
  else if (g_str_has_suffix (short_name, "社区") && strlen (short_name) > strlen ("社区"))
    short_name[strlen (short_name) - strlen ("社区")] = '\0';
  /* Translators: a certificate's number as printed: the community's short
   * name, the year, the number in the year's register (zh "丰和〔2026〕第 3 号") */
  return g_strdup_printf (C_("certificate number", "%s〔%d〕No. %d"), short_name, year, seq);
}

#define HONOUR_COLUMNS \
  "h.id, h.community_id, h.person_id, h.period, h.title, h.reason, h.status, h.publicity_from, h.publicity_until," \
  " h.awarded_on, h.certificate_no, coalesce (h.certificate_year, 0), coalesce (h.certificate_seq, 0)," \
  " h.withdrawn_reason, n.name"

static SzHonour *
honour_from_row (SzStmt *stmt)
{
  SzHonour *h = sz_honour_new ();
  int status = sz_name_index (statuses, G_N_ELEMENTS (statuses), (const char *) sz_stmt_column_text (stmt, 6));

  h->id = sz_stmt_column_int64 (stmt, 0);
  h->community_id = sz_stmt_column_int64 (stmt, 1);
  h->person_id = sz_stmt_column_int64 (stmt, 2);
  h->period = sz_db_column_dup (stmt, 3);
  h->title = sz_db_column_dup (stmt, 4);
  h->reason = sz_db_column_dup (stmt, 5);
  h->status = status < 0 ? SZ_HONOUR_PUBLICITY : (SzHonourStatus) status;
  h->publicity_from = sz_db_column_dup (stmt, 7);
  h->publicity_until = sz_db_column_dup (stmt, 8);
  h->awarded_on = sz_db_column_dup (stmt, 9);
  h->certificate_no = sz_db_column_dup (stmt, 10);
  h->certificate_year = sz_stmt_column_int (stmt, 11);
  h->certificate_seq = sz_stmt_column_int (stmt, 12);
  h->withdrawn_reason = sz_db_column_dup (stmt, 13);
  h->name = sz_db_column_dup (stmt, 14);
  return h;
}

static void
add_posts (GPtrArray  *honours,
           GHashTable *posts)
{
  for (guint i = 0; i < honours->len; i++)
    {
      SzHonour *h = honours->pdata[i];
      SzPointsPost *post = g_hash_table_lookup (posts, &h->person_id);

      h->level = post != NULL ? post->level : -1;
      g_free (h->post);
      h->post = g_strdup (post != NULL ? post->text : "");
    }
}

SzHonour *
sz_honour_get (SzDb    *db,
               gint64   id,
               GError **error)
{
  SzStmt *stmt = sz_db_prepare (db,
                                      "SELECT " HONOUR_COLUMNS " FROM honour h JOIN person n ON n.id = h.person_id"
                                      " WHERE h.id = ?1", error);
  g_autoptr(GPtrArray) one = g_ptr_array_new_with_free_func ((GDestroyNotify) sz_honour_free);
  g_autoptr(GHashTable) posts = NULL;
  SzHonour *h;

  if (stmt == NULL)
    return NULL;
  h = sz_row_get (db, stmt, id, _("Honour"), (gpointer) honour_from_row, error);
  if (h == NULL)
    return NULL;
  g_ptr_array_add (one, h);
  posts = _sz_points_posts (db, 0, h->person_id, error);
  if (posts == NULL)
    return NULL;
  add_posts (one, posts);
  return g_ptr_array_steal_index (one, 0);
}

GPtrArray *
sz_honour_list (SzDb        *db,
                gint64       community_id,
                const char  *period,
                GError     **error)
{
  g_autoptr(GPtrArray) honours = NULL;
  g_autoptr(GHashTable) posts = NULL;
  SzStmt *stmt;

  stmt = sz_db_prepare (db,
                        "SELECT " HONOUR_COLUMNS " FROM honour h JOIN person n ON n.id = h.person_id"
                        " WHERE h.community_id = ?1 AND (?2 IS NULL OR h.period = ?2)"
                        " ORDER BY h.period DESC, h.title COLLATE PINYIN, n.name_pinyin, n.name COLLATE PINYIN, h.id",
                        error);
  if (stmt == NULL)
    return NULL;
  sz_stmt_bind_int64 (stmt, 1, community_id);
  sz_db_bind_text_opt (stmt, 2, period);
  honours = sz_row_collect (db, stmt, (gpointer) honour_from_row, (GDestroyNotify) sz_honour_free, error);
  if (honours == NULL)
    return NULL;
  posts = _sz_points_posts (db, community_id, 0, error);
  if (posts == NULL)
    return NULL;
  add_posts (honours, posts);
  return g_steal_pointer (&honours);
}

static gboolean
state_error (GError     **error,
             const char  *message)
{
  g_set_error_literal (error, SZ_POINTS_ERROR, SZ_POINTS_ERROR_STATE, message);
  return FALSE;
}

gboolean
sz_honour_propose (SzDb      *db,
                   SzHonour  *h,
                   int        days,
                   GError   **error)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *from = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GDate) until = NULL;
  char buf[16];
  gint64 community_id = 0;
  SzStmt *stmt;
  gboolean ok;
  int rc;

  g_return_val_if_fail (db != NULL && h != NULL, FALSE);

  if (!_sz_points_person (db, h->person_id, &community_id, &name, NULL, NULL))
    {
      g_set_error (error, SZ_POINTS_ERROR, SZ_POINTS_ERROR_INVALID, _("Person: choose who is honoured."));
      return FALSE;
    }
  if (h->community_id != 0 && h->community_id != community_id)
    {
      g_set_error (error, SZ_POINTS_ERROR, SZ_POINTS_ERROR_INVALID,
                   /* Translators: %s is a person's name */
                   _("Person: %s is not one of this community's people."), name);
      return FALSE;
    }
  if (!_sz_points_period_days (h->period, &first, &last, error)
      || !sz_validate_text (C_("honour", "Title"), &h->title, TRUE, 40, error)
      || !sz_validate_text (C_("honour", "Reason"), &h->reason, FALSE, 500, error)
      || !_sz_points_check_day (_("Publicity from"), h->publicity_from, &from, error))
    return FALSE;
  if (days < 1 || days > 366)
    {
      g_set_error (error, SZ_POINTS_ERROR, SZ_POINTS_ERROR_INVALID,
                   /* Translators: %d is the usual number of days */
                   _("Publicity: give a number of days from 1 to 366 (usually %d)."), SZ_HONOUR_MIN_PUBLICITY_DAYS);
      return FALSE;
    }
  until = g_date_new_dmy (atoi (from + 8), atoi (from + 5), atoi (from));
  g_date_add_days (until, days - 1);
  g_date_strftime (buf, sizeof buf, "%Y-%m-%d", until);

  if (!sz_db_begin (db, error))
    return FALSE;
  stmt = sz_db_prepare (db,
                        "SELECT 1 FROM honour WHERE community_id = ?1 AND person_id = ?2 AND period = ?3 AND title = ?4"
                        " AND status <> 'withdrawn'", error);
  ok = stmt != NULL;
  if (ok)
    {
      sz_stmt_bind_int64 (stmt, 1, community_id);
      sz_stmt_bind_int64 (stmt, 2, h->person_id);
      sz_db_bind_text (stmt, 3, h->period);
      sz_db_bind_text (stmt, 4, h->title);
      rc = sz_db_step (db, stmt, error);
      sz_stmt_reset (stmt);
      ok = rc == SQLITE_DONE;
      if (rc == SQLITE_ROW)
        g_set_error (error, SZ_POINTS_ERROR, SZ_POINTS_ERROR_INVALID,
                     /* Translators: a person's name, an honour's title, a period ("2026") */
                     _("Title: %s already has “%s” for %s."), name, h->title, h->period);
    }
  if (ok)
    {
      stmt = sz_db_prepare (db,
                            "INSERT INTO honour (community_id, person_id, period, title, reason, status,"
                            " publicity_from, publicity_until) VALUES (?1, ?2, ?3, ?4, ?5, 'publicity', ?6, ?7)", error);
      ok = stmt != NULL;
      if (ok)
        {
          sz_stmt_bind_int64 (stmt, 1, community_id);
          sz_stmt_bind_int64 (stmt, 2, h->person_id);
          sz_db_bind_text (stmt, 3, h->period);
          sz_db_bind_text (stmt, 4, h->title);
          sz_db_bind_text (stmt, 5, h->reason);
          sz_db_bind_text (stmt, 6, from);
          sz_db_bind_text (stmt, 7, buf);
          h->id = 0;
          ok = sz_row_finish_write (db, stmt, &h->id, error);
        }
    }
  if (!sz_db_end (db, ok, error))
    {
      h->id = 0;
      return FALSE;
    }
  h->community_id = community_id;
  h->status = SZ_HONOUR_PUBLICITY;
  g_free (h->publicity_from);
  h->publicity_from = g_steal_pointer (&from);
  g_free (h->publicity_until);
  h->publicity_until = g_strdup (buf);
  return TRUE;
}

gboolean
sz_honour_award (SzDb        *db,
                 gint64       id,
                 const char  *day,
                 GError     **error)
{
  g_autoptr(SzHonour) h = NULL;
  g_autoptr(SzCommunity) community = NULL;
  g_autofree char *on = NULL;
  g_autofree char *number = NULL;
  SzStmt *stmt;
  gboolean ok;
  int year;
  int seq = 0;

  g_return_val_if_fail (db != NULL, FALSE);

  if (!_sz_points_check_day (_("Day"), day, &on, error))
    return FALSE;
  h = sz_honour_get (db, id, error);
  if (h == NULL)
    return FALSE;
  if (h->status == SZ_HONOUR_FINAL)
    return state_error (error, _("This honour has already been awarded."));
  if (h->status == SZ_HONOUR_WITHDRAWN)
    return state_error (error, _("This honour has been withdrawn."));
  if (g_strcmp0 (on, h->publicity_until) <= 0)
    {
      g_set_error (error, SZ_POINTS_ERROR, SZ_POINTS_ERROR_STATE,
                   /* Translators: the last day of publicity */
                   _("Day: the publicity lasts until %s; the honour can be awarded after that."), h->publicity_until);
      return FALSE;
    }
  community = sz_community_get (db, h->community_id, error);
  if (community == NULL)
    return FALSE;
  year = atoi (on);

  if (!sz_db_begin (db, error))
    return FALSE;
  stmt = sz_db_prepare (db,
                        "INSERT INTO certificate_register (community_id, year, last_seq) VALUES (?1, ?2, 1)"
                        " ON CONFLICT (community_id, year) DO UPDATE SET last_seq = certificate_register.last_seq + 1"
                        " RETURNING last_seq", error);
  ok = stmt != NULL;
  if (ok)
    {
      sz_stmt_bind_int64 (stmt, 1, h->community_id);
      sz_stmt_bind_int (stmt, 2, year);
      ok = sz_db_step (db, stmt, error) == SQLITE_ROW;
      if (ok)
        {
          seq = sz_stmt_column_int (stmt, 0);
          ok = sz_db_step (db, stmt, error) == SQLITE_DONE;
        }
      sz_stmt_reset (stmt);
    }
  if (ok)
    {
      number = sz_honour_certificate_number (community->name, year, seq);
      stmt = sz_db_prepare (db,
                            "UPDATE honour SET status = 'final', awarded_on = ?2, certificate_year = ?3,"
                            " certificate_seq = ?4, certificate_no = ?5 WHERE id = ?1 AND status = 'publicity'", error);
      ok = stmt != NULL;
      if (ok)
        {
          sz_stmt_bind_int64 (stmt, 1, id);
          sz_db_bind_text (stmt, 2, on);
          sz_stmt_bind_int (stmt, 3, year);
          sz_stmt_bind_int (stmt, 4, seq);
          sz_db_bind_text (stmt, 5, number);
          ok = sz_row_finish_write (db, stmt, NULL, error);
        }
    }
  return sz_db_end (db, ok, error);
}

gboolean
sz_honour_withdraw (SzDb        *db,
                    gint64       id,
                    const char  *reason,
                    GError     **error)
{
  g_autoptr(SzHonour) h = NULL;
  g_autofree char *why = g_strdup (reason);
  SzStmt *stmt;
  gboolean ok;

  g_return_val_if_fail (db != NULL, FALSE);

  if (!sz_validate_text (_("Reason"), &why, TRUE, 200, error))
    return FALSE;
  h = sz_honour_get (db, id, error);
  if (h == NULL)
    return FALSE;
  if (h->status == SZ_HONOUR_FINAL)
    return state_error (error, _("This honour has been awarded: it can no longer be withdrawn."));
  if (h->status == SZ_HONOUR_WITHDRAWN)
    return state_error (error, _("This honour has already been withdrawn."));
  if (!sz_db_begin (db, error))
    return FALSE;
  stmt = sz_db_prepare (db, "UPDATE honour SET status = 'withdrawn', withdrawn_reason = ?2 WHERE id = ?1", error);
  ok = stmt != NULL;
  if (ok)
    {
      sz_stmt_bind_int64 (stmt, 1, id);
      sz_db_bind_text (stmt, 2, why);
      ok = sz_row_finish_write (db, stmt, NULL, error);
    }
  return sz_db_end (db, ok, error);
}
