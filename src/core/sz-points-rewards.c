/* sz-points-rewards.c: the catalogue and redemptions.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sz-db.h"
#include "sz-points-private.h"
#include "sz-roster.h"
#include "sz-validate.h"

#define MAX_QUANTITY 100
#define MAX_STOCK 1000000

#define REWARD_COLUMNS "id, community_id, name, description, price, coalesce (stock, -1), active"

static SzReward *
reward_from_row (SzStmt *stmt)
{
  SzReward *r = g_new0 (SzReward, 1);

  r->id = sz_stmt_column_int64 (stmt, 0);
  r->community_id = sz_stmt_column_int64 (stmt, 1);
  r->name = sz_db_column_dup (stmt, 2);
  r->description = sz_db_column_dup (stmt, 3);
  r->price = sz_stmt_column_int64 (stmt, 4);
  r->stock = sz_stmt_column_int (stmt, 5);
  r->active = sz_stmt_column_int (stmt, 6) != 0;
  return r;
}

gboolean
sz_reward_save (SzDb      *db,
                SzReward  *r,
                GError   **error)
{
  SzStmt *stmt;
  gboolean ok;

  g_return_val_if_fail (db != NULL && r != NULL, FALSE);

  if (!sz_validate_text (C_("reward", "Name"), &r->name, TRUE, 30, error)
      || !sz_validate_text (_("Description"), &r->description, FALSE, 200, error))
    return FALSE;
  if (r->price <= 0 || r->price > 1000000)
    {
      g_set_error (error, SZ_POINTS_ERROR, SZ_POINTS_ERROR_INVALID,
                   _("Price: give a number of points from 0.1 to 100000, with at most one decimal."));
      return FALSE;
    }
  if (r->stock < -1 || r->stock > MAX_STOCK)
    {
      g_set_error (error, SZ_POINTS_ERROR, SZ_POINTS_ERROR_INVALID,
                   /* Translators: %d is the largest stock */
                   _("Stock: give a number from 0 to %d, or no limit."), MAX_STOCK);
      return FALSE;
    }

  if (!sz_db_begin (db, error))
    return FALSE;
  if (r->id != 0)
    {
      stmt = sz_db_prepare (db, "SELECT community_id FROM reward WHERE id = ?1", error);
      ok = stmt != NULL;
      if (ok)
        {
          int rc;

          sz_stmt_bind_int64 (stmt, 1, r->id);
          rc = sz_db_step (db, stmt, error);
          if (rc == SQLITE_ROW)
            r->community_id = sz_stmt_column_int64 (stmt, 0);
          else if (rc == SQLITE_DONE)
            sz_set_not_found (error, _("Reward"), r->id);
          sz_stmt_reset (stmt);
          ok = rc == SQLITE_ROW;
        }
    }
  else
    ok = sz_row_require (db, "SELECT 1 FROM community WHERE id = ?1", r->community_id, _("Community"), error);
  if (ok)
    {
      stmt = sz_db_prepare (db, "SELECT 1 FROM reward WHERE community_id = ?1 AND name = ?2 AND id IS DISTINCT FROM ?3", error);
      ok = stmt != NULL;
      if (ok)
        {
          int rc;

          sz_stmt_bind_int64 (stmt, 1, r->community_id);
          sz_db_bind_text (stmt, 2, r->name);
          sz_stmt_bind_int64 (stmt, 3, r->id);
          rc = sz_db_step (db, stmt, error);
          sz_stmt_reset (stmt);
          ok = rc == SQLITE_DONE;
          if (rc == SQLITE_ROW)
            g_set_error (error, SZ_POINTS_ERROR, SZ_POINTS_ERROR_INVALID,
                         /* Translators: %s is a reward's name */
                         _("Name: the catalogue already has “%s”."), r->name);
        }
    }
  if (ok)
    {
      if (r->id == 0)
        stmt = sz_db_prepare (db,
                              "INSERT INTO reward (name, description, price, stock, active, community_id)"
                              " VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
      else
        stmt = sz_db_prepare (db,
                              "UPDATE reward SET name = ?1, description = ?2, price = ?3, stock = ?4, active = ?5"
                              " WHERE id = ?7", error);
      ok = stmt != NULL;
      if (ok)
        {
          sz_db_bind_text (stmt, 1, r->name);
          sz_db_bind_text (stmt, 2, r->description);
          sz_stmt_bind_int64 (stmt, 3, r->price);
          if (r->stock >= 0)
            sz_stmt_bind_int (stmt, 4, r->stock);
          else
            sz_stmt_bind_null (stmt, 4);
          sz_stmt_bind_int (stmt, 5, r->active ? 1 : 0);
          if (r->id == 0)
            sz_stmt_bind_int64 (stmt, 6, r->community_id);
          else
            sz_stmt_bind_int64 (stmt, 7, r->id);
          ok = sz_row_finish_write (db, stmt, &r->id, error);
        }
    }
  return sz_db_end (db, ok, error);
}

SzReward *
sz_reward_get (SzDb    *db,
               gint64   id,
               GError **error)
{
  SzStmt *stmt = sz_db_prepare (db, "SELECT " REWARD_COLUMNS " FROM reward WHERE id = ?1", error);

  if (stmt == NULL)
    return NULL;
  return sz_row_get (db, stmt, id, _("Reward"), (gpointer) reward_from_row, error);
}

GPtrArray *
sz_reward_list (SzDb     *db,
                gint64    community_id,
                gboolean  with_retired,
                GError  **error)
{
  SzStmt *stmt = sz_db_prepare (db,
                                      "SELECT " REWARD_COLUMNS " FROM reward WHERE community_id = ?1 AND (?2 <> 0 OR active <> 0)"
                                      " ORDER BY price, name COLLATE PINYIN, id", error);

  if (stmt == NULL)
    return NULL;
  sz_stmt_bind_int64 (stmt, 1, community_id);
  sz_stmt_bind_int (stmt, 2, with_retired ? 1 : 0);
  return sz_row_collect (db, stmt, (gpointer) reward_from_row, (GDestroyNotify) sz_reward_free, error);
}

gboolean
sz_reward_redeem (SzDb        *db,
                  gint64       person_id,
                  gint64       reward_id,
                  int          quantity,
                  const char  *day,
                  gint64      *movement_id,
                  GError     **error)
{
  g_autoptr(SzReward) reward = NULL;
  g_autoptr(SzMovement) m = g_new0 (SzMovement, 1);
  g_autofree char *name = NULL;
  int minutes;
  gint64 balance;
  gint64 cost;
  SzStmt *stmt;
  gboolean ok;

  g_return_val_if_fail (db != NULL, FALSE);

  if (quantity < 1 || quantity > MAX_QUANTITY)
    {
      g_set_error (error, SZ_POINTS_ERROR, SZ_POINTS_ERROR_INVALID,
                   /* Translators: %d is the largest quantity */
                   _("Quantity: give a number from 1 to %d."), MAX_QUANTITY);
      return FALSE;
    }
  if (!_sz_points_check_day (_("Day"), day, &m->day, error)
      || !_sz_points_person (db, person_id, &m->community_id, &name, NULL, error))
    return FALSE;
  reward = sz_reward_get (db, reward_id, NULL);
  if (reward == NULL || reward->community_id != m->community_id)
    {
      g_set_error (error, SZ_POINTS_ERROR, SZ_POINTS_ERROR_INVALID, _("Reward: choose one from the catalogue."));
      return FALSE;
    }
  if (!reward->active)
    {
      g_set_error (error, SZ_POINTS_ERROR, SZ_POINTS_ERROR_INVALID,
                   /* Translators: %s is a reward's name */
                   _("Reward: “%s” is no longer offered."), reward->name);
      return FALSE;
    }

  if (!sz_db_begin (db, error))
    return FALSE;
  cost = reward->price * quantity;
  ok = _sz_points_figures (db, person_id, &minutes, &balance, error);
  if (ok && reward->stock >= 0 && reward->stock < quantity)
    {
      g_set_error (error, SZ_POINTS_ERROR, SZ_POINTS_ERROR_STOCK,
                   /* Translators: the quantity wanted, the reward, then what is left */
                   _("Quantity: %d × %s wanted, %d left."),
                   quantity, reward->name, reward->stock);
      ok = FALSE;
    }
  if (ok && balance < cost)
    {
      g_autofree char *have = sz_points_format (balance);
      g_autofree char *need = sz_points_format (cost);

      g_set_error (error, SZ_POINTS_ERROR, SZ_POINTS_ERROR_BALANCE,
                   /* Translators: a person's name and points, then the quantity, the reward and the cost
                    * ("Points: 张三 has 12.0 points; 2 × 米面油礼包 cost 30.0.") */
                   _("Points: %s has %s points; %d × %s cost %s."), name, have, quantity, reward->name, need);
      ok = FALSE;
    }
  if (ok)
    {
      stmt = sz_db_prepare (db,
                            "INSERT INTO redemption (community_id, person_id, reward_id, quantity, price, day)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
      ok = stmt != NULL;
      if (ok)
        {
          sz_stmt_bind_int64 (stmt, 1, m->community_id);
          sz_stmt_bind_int64 (stmt, 2, person_id);
          sz_stmt_bind_int64 (stmt, 3, reward_id);
          sz_stmt_bind_int (stmt, 4, quantity);
          sz_stmt_bind_int64 (stmt, 5, reward->price);
          sz_db_bind_text (stmt, 6, m->day);
          ok = sz_row_finish_write (db, stmt, &m->redemption_id, error);
        }
    }
  if (ok)
    {
      stmt = sz_db_prepare (db, "UPDATE reward SET stock = stock - ?2 WHERE id = ?1 AND stock IS NOT NULL", error);
      ok = stmt != NULL;
      if (ok)
        {
          sz_stmt_bind_int64 (stmt, 1, reward_id);
          sz_stmt_bind_int (stmt, 2, quantity);
          ok = sz_row_finish_write (db, stmt, NULL, error);
        }
    }
  if (ok)
    {
      m->person_id = person_id;
      m->kind = SZ_MOVE_REDEEM;
      m->points = -cost;
      ok = _sz_points_insert (db, m, "redeem", error);
    }
  if (ok && movement_id != NULL)
    *movement_id = m->id;
  return sz_db_end (db, ok, error);
}
