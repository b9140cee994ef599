/* sz-points-expiry.c: points expire by the community's rule, oldest
 * first, in an explicit step that is previewed first.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "sz-db.h"
#include "sz-points-private.h"
#include "sz-roster.h"
#include "sz-validate.h"

#define MAX_EXPIRY_YEARS 50

int
sz_points_get_expiry_years (SzDb    *db,
                            gint64   community_id,
                            GError **error)
{
  SzStmt *stmt = sz_db_prepare (db, "SELECT points_expiry_years FROM community WHERE id = ?1", error);
  int rc;
  int years;

  if (stmt == NULL)
    return -1;
  sz_stmt_bind_int64 (stmt, 1, community_id);
  rc = sz_db_step (db, stmt, error);
  if (rc == SQLITE_DONE)
    sz_set_not_found (error, _("Community"), community_id);
  if (rc != SQLITE_ROW)
    return -1;
  years = sz_stmt_column_int (stmt, 0);
  sz_stmt_reset (stmt);
  return years;
}

gboolean
sz_points_set_expiry_years (SzDb    *db,
                            gint64   community_id,
                            int      years,
                            GError **error)
{
  SzStmt *stmt;
  gboolean ok;

  g_return_val_if_fail (db != NULL, FALSE);

  if (years < 0 || years > MAX_EXPIRY_YEARS)
    {
      g_set_error (error, SZ_POINTS_ERROR, SZ_POINTS_ERROR_INVALID,
                   /* Translators: %d is the largest number of years */
                   _("Expiry: give a number of years from 0 (points never expire) to %d."), MAX_EXPIRY_YEARS);
      return FALSE;
    }
  if (!sz_db_begin (db, error))
    return FALSE;
  ok = sz_row_require (db, "SELECT 1 FROM community WHERE id = ?1", community_id, _("Community"), error);
  if (ok)
    {
      stmt = sz_db_prepare (db, "UPDATE community SET points_expiry_years = ?2 WHERE id = ?1", error);
      ok = stmt != NULL;
      if (ok)
        {
          sz_stmt_bind_int64 (stmt, 1, community_id);
          sz_stmt_bind_int (stmt, 2, years);
          ok = sz_row_finish_write (db, stmt, NULL, error);
        }
    }
  return sz_db_end (db, ok, error);
}

/* Points earned up to @earned_before that are still there, taking what
 * was spent (redeemed, expired) from the oldest first: of the points
 * earned by then, what redemptions and expiries have not used up yet,
 * and never more than the balance (corrections taken away since). */
GPtrArray *
sz_points_expiry_preview (SzDb        *db,
                          gint64       community_id,
                          const char  *day,
                          GError     **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) sz_expiry_item_free);
  g_autofree char *today = NULL;
  g_autofree char *before = NULL;
  SzStmt *stmt;
  int years;
  int cutoff;
  int rc;

  g_return_val_if_fail (db != NULL, NULL);

  if (!_sz_points_check_day (_("Day"), day, &today, error))
    return NULL;
  years = sz_points_get_expiry_years (db, community_id, error);
  if (years < 0)
    return NULL;
  if (years == 0)
    return g_steal_pointer (&items);
  /* Earned in year Y, gone at the end of Y + years: on @day, every year
   * up to @day's year − years − 1 is gone. */
  cutoff = atoi (today) - years - 1;
  if (cutoff < 1)
    return g_steal_pointer (&items);
  before = g_strdup_printf ("%04d-12-31", cutoff);

  stmt = sz_db_prepare (db,
                        "SELECT b.person_id, n.name, b.balance,"
                        "       (SELECT coalesce (sum (m.points), 0) FROM points_movement m"
                        "         WHERE m.person_id = b.person_id AND m.counts = 'earn' AND m.day <= ?2)"
                        "       - b.redeemed - b.expired"
                        "  FROM points_balance b JOIN person n ON n.id = b.person_id"
                        " WHERE b.community_id = ?1 AND b.balance > 0"
                        " ORDER BY n.name_pinyin, n.name COLLATE PINYIN, n.id", error);
  if (stmt == NULL)
    return NULL;
  sz_stmt_bind_int64 (stmt, 1, community_id);
  sz_db_bind_text (stmt, 2, before);
  while ((rc = sz_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      gint64 balance = sz_stmt_column_int64 (stmt, 2);
      gint64 left_old = sz_stmt_column_int64 (stmt, 3);
      SzExpiryItem *item;

      if (left_old <= 0)
        continue;
      item = g_new0 (SzExpiryItem, 1);
      item->person_id = sz_stmt_column_int64 (stmt, 0);
      item->name = sz_db_column_dup (stmt, 1);
      item->points = MIN (balance, left_old);
      item->earned_before = g_strdup (before);
      g_ptr_array_add (items, item);
    }
  if (rc == 0)
    return NULL;
  return g_steal_pointer (&items);
}

gboolean
sz_points_expire (SzDb        *db,
                  gint64       community_id,
                  const char  *day,
                  guint       *n_written,
                  GError     **error)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *today = NULL;
  gboolean ok;

  g_return_val_if_fail (db != NULL, FALSE);

  if (n_written != NULL)
    *n_written = 0;
  if (!_sz_points_check_day (_("Day"), day, &today, error))
    return FALSE;
  if (!sz_db_begin (db, error))
    return FALSE;
  /* Read inside the transaction: what is written is what it shows. */
  items = sz_points_expiry_preview (db, community_id, today, error);
  ok = items != NULL;
  for (guint i = 0; ok && i < items->len; i++)
    {
      SzExpiryItem *item = items->pdata[i];
      g_autoptr(SzMovement) m = g_new0 (SzMovement, 1);

      m->community_id = community_id;
      m->person_id = item->person_id;
      m->kind = SZ_MOVE_EXPIRE;
      m->day = g_strdup (today);
      m->points = -item->points;
      /* Translators: why points expired; %s is the last day of the points that expire */
      m->reason = g_strdup_printf (_("Points earned up to %s expired."), item->earned_before);
      ok = _sz_points_insert (db, m, "expire", error);
    }
  if (ok && n_written != NULL)
    *n_written = items->len;
  return sz_db_end (db, ok, error);
}
